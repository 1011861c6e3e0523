"""The pieces of the span panel (claim_panel.py): the note editor that commits as a whole, one
attribute's widgets, how span texts and names are shown in it, and in which direction."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QWidget

from annotator.core.display import neutralised
from annotator.core.schema import Attribute
from annotator.ui.plain import tooltip_text

EMPTY = "—"
ITEM_CHARS = 60  # longer span texts are cut in combo items


def item_text(text: str, limit: int = ITEM_CHARS) -> str:
    """A span's text on one line, shortened for a combo item, neutralised: a bidi control in
    imported text must not reorder the label and punctuation around it."""
    return neutralised(" ".join(text.split()), limit=limit)


def is_rtl(text: str) -> bool:
    """Whether the first strong character of `text` is right-to-left (Arabic): the direction of
    its paragraph. A label wrapping Arabic in a left-to-right paragraph puts the end of a
    sentence on the left of one line and its next words on the right of the next (a zigzag)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


RLM = "\u200f"  # RIGHT-TO-LEFT MARK


def directed(text: str, by: str | None = None) -> str:
    """`text` for a plain label, starting with a right-to-left mark when `by` (default: the text
    itself) is Arabic: a QLabel takes its paragraph direction from its first strong character,
    not from its layout direction, and a heading "CLAIM · «...»" starts with a Latin one. The
    mark also aligns the paragraph to the right."""
    return RLM + text if is_rtl(text if by is None else by) else text


def directed_tooltip(text: str) -> str:
    """tooltip_text (escaped, plain) of `directed(text)`: rich text takes its paragraph direction
    from the first strong character too, so an Arabic tooltip wraps right to left."""
    return tooltip_text(directed(text)) if text else ""


class NoteEdit(QPlainTextEdit):
    """Free text committed as a whole: Enter or leaving the field commits, Shift+Enter is a new
    line, Tab moves on (Esc, the panel's: commit and back to the article). Never one write per
    keystroke."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        lines = 2  # the panel must show the note without scrolling beside a claim's fields
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 2 * self.frameWidth() + 10)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self.committed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.committed.emit()


class Field:
    """The widgets of one attribute in one layer's form."""

    def __init__(self, attribute: Attribute, label: QLabel, editor: QWidget, focusables: list[QWidget]):
        self.attribute = attribute
        self.label = label
        self.editor = editor  # the combo, check box, note edit or cue label
        self.focusables = focusables  # in Tab order
        self.buttons: dict[str, QPushButton] = {}


__all__ = ["EMPTY", "ITEM_CHARS", "RLM", "Field", "NoteEdit", "directed", "directed_tooltip", "is_rtl",
           "item_text"]
