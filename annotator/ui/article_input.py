"""What keys and the pointer do in the article, as a mixin of DocumentView: label keys (on any
keyboard layout), Delete/Esc/K, the suggestion keys, stepping from span to span, and selections
that follow the glyph under the pointer rather than Qt's right-to-left hit-test.

The view is read-only: a key either becomes one of the view's signals (the window turns it into
a Workspace action) or moves the cursor. Needs from the view: its signals, `_keys` (key ->
label), `_spans` (id -> span), suggestions/focused/focused_suggestion(), spans_at(),
position_at(), from_qt(), to_qt(), `_update_ranges()`, selected_span.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTextCursor

# Label keys, A and K are matched by the key's place, not its text: an analyst typing with an
# Arabic layout presses the key marked P and gets ح (keyboard_layout.py).
from annotator.ui.keyboard_layout import SCAN_TO_LETTER, event_letter

ACCEPT_ALL_KEY = "a"  # with suggestions shown: accept them all (Shift+Enter too)
LINK_KEY = "k"  # link the selected entity span to a canonical entity (Ctrl+K too)
_TABS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_CHORDS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


class ArticleInput:
    exact = False  # the last selection was made with Alt held: no snapping
    _press_anchor: int | None = None  # where the current left-button drag started

    def _suggestion_key(self, event: QKeyEvent) -> bool:
        """True for a key the suggestions answer while they are shown: Tab, Shift+Tab, Enter,
        Shift+Enter, Esc and the accept-all letter (when no label has it)."""
        if not self.suggestions or event.modifiers() & _CHORDS:
            return False
        key = event.key()
        return (key in _TABS or key in _ENTER or key == Qt.Key.Key_Escape
                or (ACCEPT_ALL_KEY not in self._keys and event_letter(event) == ACCEPT_ALL_KEY))

    def event(self, event: QEvent) -> bool:
        # QWidget.event turns Tab into focusNextPrevChild before keyPressEvent sees it, and a
        # read-only QPlainTextEdit lets it move the focus: to the document search box, where the
        # next keys (A meant as accept-all) would filter the document list away. While
        # suggestions are shown, Tab is theirs; without them it keeps moving the focus.
        # Accepting the ShortcutOverride keeps a window or panel shortcut on the same key
        # (Enter in the Entities table) from taking a suggestion key meant for the article.
        if event.type() == QEvent.Type.ShortcutOverride and self._suggestion_key(event):
            event.accept()
            return True
        if event.type() == QEvent.Type.KeyPress and event.key() in _TABS and self._suggestion_key(event):
            self.keyPressEvent(event)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        mods = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if not mods and self.suggestions:
            if key in _ENTER:
                # Only the outlined suggestion: Enter with none outlined (say the article just got
                # the focus from a click on a document row) accepts nothing, and the controller
                # says how to outline one, instead of taking whichever comes first.
                focused = self.focused_suggestion()
                self.acceptSuggestions.emit(list(self.suggestions) if shift else [focused] if focused else [])
                return
            if key in _TABS:
                self.focus_suggestion(-1 if shift or key == Qt.Key.Key_Backtab else 1)
                return
            if key == Qt.Key.Key_Escape:
                focused = self.focused_suggestion()
                self.rejectSuggestions.emit([focused] if focused else list(self.suggestions))
                return
            if ACCEPT_ALL_KEY not in self._keys and event_letter(event) == ACCEPT_ALL_KEY:
                self.acceptSuggestions.emit(list(self.suggestions))
                return
        if not mods:
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.deletePressed.emit()
                return
            if key == Qt.Key.Key_Escape:
                self.escapePressed.emit()
                return
            label = self._label_for(event)
            if label is not None:
                self.labelKeyPressed.emit(label)
                return
            if LINK_KEY not in self._keys and event_letter(event) == LINK_KEY:
                self.linkPressed.emit()
                return
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home,
                       Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self.exact = False
        super().keyPressEvent(event)

    def _label_for(self, event: QKeyEvent) -> str | None:
        text = event.text().lower()
        if text and text in self._keys:  # a key that is no letter ("1") is matched by its text
            return self._keys[text]
        letter = event_letter(event) if text else None
        return self._keys.get(letter) if letter else None

    # -- spans by keyboard -----------------------------------------------------------------

    def span_step(self, step: int) -> str | None:
        """The next (step 1: later in reading order) or previous span after the selected span,
        or else after the text cursor; None when there is none that way."""
        ordered = sorted(self._spans.values(), key=lambda s: (s.start, -s.end, s.layer, s.id))
        current = self._spans.get(self.selected_span) if self.selected_span else None
        if current is not None:
            at = next(n for n, s in enumerate(ordered) if s.id == current.id) + step
            return ordered[at].id if 0 <= at < len(ordered) else None
        offset = self.from_qt(self.textCursor().position())
        if step > 0:
            return next((s.id for s in ordered if s.start >= offset), None)
        return next((s.id for s in reversed(ordered) if s.start < offset), None)

    def span_at_cursor(self) -> str | None:
        """The span under the text cursor, as a click there would choose it (again: the span
        around it); None when the cursor is in no span."""
        offset = self.from_qt(self.textCursor().position())
        hits = self.spans_at(offset) or (self.spans_at(offset - 1) if offset else [])
        ids = [s.id for s in hits]
        if self.selected_span in ids:
            return ids[(ids.index(self.selected_span) + 1) % len(ids)]
        return ids[0] if ids else None

    def _follow_pointer(self, event: QMouseEvent, extend: bool) -> None:
        cursor = self.textCursor()
        target = self.position_at(event.position())
        if extend:
            anchor = cursor.anchor() if self._press_anchor is None else self._press_anchor
            cursor.setPosition(anchor)
            cursor.setPosition(target, QTextCursor.MoveMode.KeepAnchor)
        else:
            cursor.setPosition(target)
            self._press_anchor = target
        self.setTextCursor(cursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self.exact = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
            self._press_anchor = None
            self._follow_pointer(event, extend=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseMoveEvent(event)  # keeps Qt's auto-scrolling while dragging
        if event.buttons() & Qt.MouseButton.LeftButton and self._press_anchor is not None:
            self._follow_pointer(event, extend=True)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._press_anchor = None  # Qt selects the word; snapping takes it from there
        super().mouseDoubleClickEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self._press_anchor is not None:
            self._follow_pointer(event, extend=True)
            self._press_anchor = None
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        position = self.position_at(event.position())
        offset = self.from_qt(position)
        for n, suggestion in enumerate(self.suggestions):
            if suggestion.start <= offset < suggestion.end or suggestion.start < offset <= suggestion.end:
                self.focused = n
                self._update_ranges(self.suggestions)
                return
        # cursorForPosition gives the nearest gap; the clicked character is on one side of it.
        hits = self.spans_at(offset) or (self.spans_at(offset - 1) if offset else [])
        if not hits:
            self.spanClicked.emit("")
            return
        ids = [s.id for s in hits]
        # Clicking the selected span again walks outwards (an entity inside a claim, then the claim).
        if self.selected_span in ids:
            self.spanClicked.emit(ids[(ids.index(self.selected_span) + 1) % len(ids)])
        else:
            self.spanClicked.emit(ids[0])


__all__ = ["ACCEPT_ALL_KEY", "LINK_KEY", "SCAN_TO_LETTER", "ArticleInput"]
