"""What keys and the pointer do in the article, as a mixin of DocumentView: label keys (on any
keyboard layout), Delete/Esc/K, the suggestion keys, and selections that follow the glyph under
the pointer rather than Qt's right-to-left hit-test.

The view is read-only: a key either becomes one of the view's signals (the window turns it into
a Workspace action) or moves the cursor. Needs from the view: its signals, `_keys` (key ->
label), suggestions/focused/focused_suggestion(), spans_at(), position_at(), from_qt(),
`_update_ranges()`, selected_span.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTextCursor


# Physical key -> US-layout letter, so a label key works whatever keyboard layout is active
# (an analyst typing with an Arabic layout presses the key marked P and gets ح). X11 key codes
# (evdev + 8) and Windows scan codes.
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
if sys.platform.startswith("win"):
    _SCAN_FIRST = (0x10, 0x1E, 0x2C)
else:
    _SCAN_FIRST = (24, 38, 52)
SCAN_TO_LETTER = {first + i: ch for first, row in zip(_SCAN_FIRST, _ROWS) for i, ch in enumerate(row)}
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
                or (event.text().lower() == ACCEPT_ALL_KEY and ACCEPT_ALL_KEY not in self._keys))

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
            if event.text().lower() == ACCEPT_ALL_KEY and ACCEPT_ALL_KEY not in self._keys:
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
            if event.text().lower() == LINK_KEY and LINK_KEY not in self._keys:
                self.linkPressed.emit()
                return
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home,
                       Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self.exact = False
        super().keyPressEvent(event)

    def _label_for(self, event: QKeyEvent) -> str | None:
        text = event.text().lower()
        if text and text in self._keys:
            return self._keys[text]
        letter = SCAN_TO_LETTER.get(event.nativeScanCode())
        if text and letter and not text.isascii():
            return self._keys.get(letter)
        return None

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
