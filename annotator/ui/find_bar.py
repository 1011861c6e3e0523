"""The find bar under the article (Ctrl+F): every match of a name in the open document,
variant-, diacritic- and spacing-insensitive (Workspace.find, core.arabic.find_all), highlighted;
Enter/F3 and Shift+Enter/Shift+F3 go from one to the next; "Label all" labels every match that
breaks no rule in one undoable step; "In all documents" stores the matches of every other
document as suggestions, shown when those documents open.

Closed, it costs nothing: no highlight, no search, and the article's own painting is untouched
(matches are the article's extra selections, set only while the bar is open).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLineEdit, QPushButton, QTextEdit, QToolButton, QVBoxLayout,
                               QWidget)

import qtawesome as qta

from annotator.ui import display_names, theme
from annotator.ui.plain import plain_label, set_tooltip
from annotator.ui.progress import steps, task_progress

MATCH_COLOR = QColor("#fff0a0")  # a match nothing is labelled at yet
CURRENT_COLOR = QColor("#ffb347")
# A match covered by a background-drawn span (after Label all): underlined, so its colour shows.
LABELLED_UNDERLINE = QColor("#e07b00")
# A search of a 400,000-character article takes ~60-100 ms: past this length, not on every key.
LONG_ARTICLE = 50_000
TYPING_PAUSE_MS = 250
MAX_HIGHLIGHTED = 3000  # a one-letter query in a long article: the count says all, the first ones are painted


class FindBar(QWidget):
    def __init__(self, window):
        super().__init__()
        self.window = window
        self.matches: list[tuple[int, int]] = []
        self.current: int | None = None
        self._unsubscribe = None  # while open: the workspace's Changes repaint the matches
        self._subscribed_to = None
        self.setObjectName("find_bar")
        self.query = QLineEdit()
        self.query.setObjectName("find_query")
        self.query.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # Arabic names, typed from the right
        self.query.setPlaceholderText(self.tr("Find in the article"))
        self.query.setClearButtonEnabled(True)
        self.query.setMinimumWidth(160)
        self.query.textChanged.connect(self._typed)
        self._pending = QTimer(self)  # in a long article, the search waits for a pause in the typing
        self._pending.setSingleShot(True)
        self._pending.setInterval(TYPING_PAUSE_MS)
        self._pending.timeout.connect(self.search)
        self.query.installEventFilter(self)
        self.count = plain_label()
        self.count.setMinimumWidth(70)
        self.previous_button = self._tool("mdi6.chevron-up", self.tr("Previous match (Shift+Enter, Shift+F3)"),
                                          lambda: self.step(-1))
        self.next_button = self._tool("mdi6.chevron-down", self.tr("Next match (Enter, F3)"), lambda: self.step(1))
        self.label = QComboBox()
        self.label.setObjectName("find_label")
        set_tooltip(self.label, self.tr("The label that Label all and In all documents give the matches"))
        self.label_all_button = QPushButton(self.tr("&Label all"))
        set_tooltip(self.label_all_button, self.tr("A span of this label at every match the layer's overlap rule "
                                                   "allows (one undo step)"))
        self.label_all_button.clicked.connect(self.label_all)
        self.everywhere_button = QPushButton(self.tr("In all &documents"))
        set_tooltip(self.everywhere_button, self.tr("Store the matches of every other document as suggestions of "
                                                    "this label: they show when those documents open"))
        self.everywhere_button.clicked.connect(self.suggest_everywhere)
        close = self._tool("mdi6.close", self.tr("Close (Esc)"), self.close_bar)
        # Two rows: one would make the article column wider than a 1280-pixel window leaves it.
        rows = QVBoxLayout(self)
        rows.setContentsMargins(8, 4, 8, 4)
        rows.setSpacing(2)
        finding, acting = QHBoxLayout(), QHBoxLayout()
        for widget in (self.query, self.count, self.previous_button, self.next_button, close):
            finding.addWidget(widget, 1 if widget is self.query else 0)
        acting.addWidget(self.label, 1)
        acting.addWidget(self.label_all_button)
        acting.addWidget(self.everywhere_button)
        rows.addLayout(finding)
        rows.addLayout(acting)
        # A new document in the article: its matches (only while open; the article is read-only,
        # so this fires once per document shown).
        window.view.textChanged.connect(self._text_replaced)
        self.hide()

    def _tool(self, icon: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setIcon(qta.icon(icon))
        button.setAutoRaise(True)
        set_tooltip(button, tip)
        button.clicked.connect(slot)
        return button

    # -- opening and closing ----------------------------------------------------------------

    def open(self) -> None:
        """Show the bar with the article's selection (if any, on one line) as the query; when
        it is open already, the selection is its current match: the query stays."""
        view = self.window.view
        selected = view.selected_range() if not self.isVisible() else None
        self._fill_labels()
        self._follow(self.window.workspace)
        self.show()
        if selected is not None:
            text = view.text()[selected[0]:selected[1]]
            if text.strip() and "\n" not in text:
                self.query.setText(text)
        self.query.setFocus()
        self.query.selectAll()
        self.search()

    def close_bar(self) -> None:
        self.hide()
        self._follow(None)
        self.matches, self.current = [], None
        self.window.view.setExtraSelections([])
        self.window.view.setFocus()

    def _fill_labels(self) -> None:
        """The schema's labels (read again on every opening: labels can be added or renamed)."""
        keep = self.label.currentData()
        self.label.clear()
        for label in self.window.project.schema.labels():
            self.label.addItem(display_names.shown(label), label.name)
        found = self.label.findData(keep)
        if found >= 0:
            self.label.setCurrentIndex(found)

    def _follow(self, workspace) -> None:
        """Hear `workspace`'s Changes (None: none). Only while the bar is open, so adding a
        span with the bar closed runs nothing of it."""
        if workspace is self._subscribed_to:
            return
        if self._unsubscribe is not None:
            self._unsubscribe()
        self._subscribed_to = workspace
        self._unsubscribe = workspace.subscribe(self._changed) if workspace is not None else None

    def _changed(self, change) -> None:
        doc = self.window.workspace.document
        if self.matches and doc is not None and (change.doc_id == doc.id or doc.id in change.documents):
            QTimer.singleShot(0, self, self._repaint)  # after the article's own frame

    def _repaint(self) -> None:
        if self.isVisible() and self.matches:
            self._paint()  # a span labelled or undone at a match: filled or underlined now

    def _text_replaced(self) -> None:
        if self.isVisible():
            self.matches, self.current = [], None  # of the text shown before
            QTimer.singleShot(0, self, self._refind)  # after the window has the new document's workspace

    def _refind(self) -> None:
        if self.isVisible():
            self._follow(self.window.workspace)  # another project: another workspace and labels
            self._fill_labels()
            self.search()

    # -- matches ----------------------------------------------------------------------------

    def _typed(self) -> None:
        if len(self.window.view.text()) > LONG_ARTICLE:
            self._pending.start()
        else:
            self.search()

    def search(self) -> None:
        self._pending.stop()
        window = self.window
        query = self.query.text()
        usable = bool(query.strip()) and window.workspace.document is not None and not window.project.closed
        self.matches = window.workspace.find(query) if usable else []
        self.current = None
        if self.matches:
            cursor = window.view.from_qt(window.view.textCursor().selectionStart())
            self.current = next((i for i, (s, _) in enumerate(self.matches) if s >= cursor), 0)
        self._show()

    def step(self, direction: int) -> None:
        """The next (1) or previous (-1) match; opens the bar when it is closed (F3)."""
        if not self.isVisible():
            self.open()
            return
        if self._pending.isActive():
            self.search()  # Enter right after typing: the first match of what was typed
            return
        if not self.matches:
            return
        if self.current is None:
            self.current = 0 if direction > 0 else len(self.matches) - 1
        else:
            self.current = (self.current + direction) % len(self.matches)
        self._show()

    def _show(self) -> None:
        """Paint the matches and select the current one in the article (a label key there
        labels it)."""
        self._paint()
        if self.matches:
            start, end = self.matches[self.current]
            self.window.view.select_range(start, end)
            self.window.view.ensureCursorVisible()

    def _paint(self) -> None:
        view = self.window.view
        if not self.matches:
            self.count.setText(self.tr("no match") if self.query.text().strip() else "")
            view.setExtraSelections([])
            self.label_all_button.setEnabled(False)
            self.everywhere_button.setEnabled(bool(self.query.text().strip()))
            return
        self.count.setText(self.tr("{n} of {total}").format(n=self.current + 1, total=len(self.matches)))
        self.label_all_button.setEnabled(True)
        self.everywhere_button.setEnabled(True)
        filled = {layer.name for layer in self.window.project.schema.background_layers()}
        spans = self.window.workspace.spans

        def labelled(start: int, end: int) -> bool:
            return any(s.layer in filled and s.start <= start and end <= s.end for s in spans.overlapping(start, end))

        # The fills under the article's own text colour: legible in the dark theme too.
        match, current = (theme.fill_color(c, view.palette()) for c in (MATCH_COLOR, CURRENT_COLOR))
        selections = [self._selection(start, end, match, labelled(start, end))
                      for start, end in self.matches[:MAX_HIGHLIGHTED]]
        start, end = self.matches[self.current]
        selections.append(self._selection(start, end, current))
        view.setExtraSelections(selections)

    def _selection(self, start: int, end: int, color: QColor, labelled: bool = False) -> QTextEdit.ExtraSelection:
        view = self.window.view
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.to_qt(start))
        cursor.setPosition(view.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        if labelled:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(LABELLED_UNDERLINE)
        else:
            fmt.setBackground(color)
        selection.format = fmt
        return selection

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.query and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.step(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        # Esc from any of the bar's widgets (they pass it up): not a QShortcut, which the F1
        # sheet would have to list as a window key.
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    # -- acting on every match --------------------------------------------------------------

    # Status bar messages show a name's bidi controls themselves (status_bar.py): names go in as they are.

    def label_all(self) -> None:
        window, label = self.window, self.label.currentData()
        if not self.matches or label is None or window._refused():
            return
        window._finish_loading()
        matches = list(self.matches)
        change = window._act(lambda ws: ws.label_all(matches, label))
        if change is None:
            return
        self._paint()  # the matches labelled now show their span's colour
        added = len(change.spans_added)
        skipped = len(matches) - added
        if not added:
            window.message(self.tr("nothing labelled: every match overlaps a span"))
        elif skipped:
            window.message(self.tr("labelled %n matches {label}, {skipped} skipped (overlap)", "", added).format(
                label=display_names.label_in_message(window.project.schema, label), skipped=skipped))
        else:
            window.message(self.tr("labelled %n matches {label}", "", added).format(
                label=display_names.label_in_message(window.project.schema, label)))

    def suggest_everywhere(self) -> None:
        window, label, query = self.window, self.label.currentData(), self.query.text()
        if label is None or not query.strip() or window.busy or window.workspace.document is None:
            return
        window._finish_loading()
        # Every document is read: a bar at once, its percentage, and Cancel (nothing stored).
        dialog = task_progress(window, self.tr("Find in all documents"), self.tr("Searching the other documents…"))
        last = [0.0]

        def going(done: int, total: int) -> bool:
            now = time.perf_counter()
            if now - last[0] >= 0.05 or done == total:  # the dialog repainted ~20 times a second
                last[0] = now
                dialog.setValue(steps(done, total))
                QCoreApplication.processEvents()  # the dialog (and its Cancel) stays live
            return not dialog.wasCanceled()

        try:
            found = window._act(lambda ws: ws.matches_elsewhere(query, label, going))
            cancelled = found is None and dialog.wasCanceled()
            change = window._act(lambda ws: ws.suggest_in(found)) if found else None
        finally:
            dialog.close()
            dialog.deleteLater()
        if cancelled:
            window.message(self.tr("search in the other documents cancelled: nothing stored"))
            return
        if found is None or (found and change is None):
            return  # refused or failed: said already
        total = sum(len(v) for v in found.values())
        if not total:
            window.message(self.tr("no new match in the other documents"))
            return
        window.message(self.tr("%n matches suggested as {label} (other documents: {documents})", "", total).format(
            label=display_names.label_in_message(window.project.schema, label), documents=len(found)))


__all__ = ["FindBar"]
