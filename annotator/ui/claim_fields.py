"""The pieces of the claim form (claim_panel.py): the note editor that commits as a whole, one
attribute's widgets, and how span texts and names are shown in it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QWidget

from annotator.core.display import neutralised
from annotator.core.schema import Attribute

EMPTY = "—"
ITEM_CHARS = 60  # longer span texts are cut in combo items


def display_name(name: str) -> str:
    return name.replace("_", " ")


def item_text(text: str, limit: int = ITEM_CHARS) -> str:
    """A span's text on one line, shortened for a combo item, neutralised: a bidi control in
    imported text must not reorder the label and punctuation around it."""
    return neutralised(" ".join(text.split()), limit=limit)


class NoteEdit(QPlainTextEdit):
    """Free text committed as a whole: Enter or leaving the field commits, Shift+Enter is a new
    line, Esc puts back the stored text, Tab moves on. Never one write per keystroke."""

    committed = Signal()
    reverted = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        lines = 3
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 2 * self.frameWidth() + 10)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self.committed.emit()
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.reverted.emit()
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
        self.editor = editor  # the combo, note edit or cue label
        self.focusables = focusables  # in Tab order
        self.buttons: dict[str, QPushButton] = {}


__all__ = ["EMPTY", "ITEM_CHARS", "Field", "NoteEdit", "display_name", "item_text"]
