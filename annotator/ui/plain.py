"""Untrusted text (article text, titles, meta, label and entity names) is shown literally.

QLabel and QMessageBox take Qt.PlainText. Tooltips have no text-format switch and guess rich
text from the content, so tooltip text is escaped: `<b>` then shows as the four characters.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from annotator.ui import theme


def tooltip_text(text: str) -> str:
    # An escaped body in an explicit rich-text wrapper: Qt renders it, and what it renders is
    # exactly the characters of `text` (line breaks kept).
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>" if text else ""


def set_tooltip(widget: QWidget, text: str) -> None:
    widget.setToolTip(tooltip_text(text))


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


ERROR_COLOR = "#c92a2a"


def error_label(parent: QWidget | None = None) -> QLabel:
    """A hidden, wrapping plain label in the error colour: where a dialog says why OK did not
    take (a refused export path, an entity name already taken)."""
    label = plain_label(parent=parent)
    label.setWordWrap(True)
    page = QApplication.palette().color(QPalette.ColorRole.Window)
    label.setStyleSheet(f"color: {theme.legible(QColor(ERROR_COLOR), page, theme.TEXT_CONTRAST).name()};")
    label.hide()
    return label
