"""The label palette: colour, display name and key of every label; the guideline (in the window's
language when the schema has it there) as tooltip."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import QToolButton, QVBoxLayout, QWidget

from annotator.core.display import neutralised
from annotator.core.schema import Schema
from annotator.ui import display_names, theme
from annotator.ui.flow_layout import flow_container
from annotator.ui.plain import plain_label, set_tooltip


def swatch(color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class LabelPalette(QWidget):
    labelClicked = Signal(str)

    def __init__(self, schema: Schema, parent: QWidget | None = None):
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 6, 6, 6)
        self._layout.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        self.set_schema(schema)

    def set_schema(self, schema: Schema) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget():
                item.widget().hide()  # at once: deleteLater waits for the event loop
                item.widget().deleteLater()
        self.buttons.clear()
        colours = QGuiApplication.palette()
        for layer in schema.layers:
            # The name is isolated (no strong letter at the start), so a QLabel would lay it out
            # left to right: the interface's own direction mark leads it.
            mark = "\u200f" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else ""
            heading = plain_label(mark + display_names.shown(layer).upper())
            heading.setStyleSheet("color: palette(mid); font-weight: bold; padding-top: 6px;")
            if display_names.description(layer):
                set_tooltip(heading, display_names.description(layer))
            self._layout.addWidget(heading)
            buttons = []
            for label in layer.labels:
                button = QToolButton()
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
                # The colour the article shows in this theme (theme.py), not the schema's pastel.
                shown = theme.fill_color(label.color, colours) if layer.draw == "background" else \
                    theme.line_color(label.color, colours)
                button.setIcon(swatch(shown.name()))
                # QToolButton text is always plain; "&" would become a mnemonic, so double it.
                # Names and keys may come from imported data: neutralised, so "\u202eNOSREP"
                # can never pass for a second PERSON.
                key = f"  [{neutralised(label.key)}]" if label.key else ""
                button.setText((display_names.shown(label) + key).replace("&", "&&"))
                button.setAutoRaise(True)
                tip = QCoreApplication.translate("LabelPalette", "{label} ({layer})\n\n{guideline}")
                name = display_names.with_identifier(label)
                set_tooltip(button, tip.format(label=name, layer=display_names.title(layer),
                                               guideline=display_names.guideline(label)).strip())
                button.clicked.connect(lambda _=False, name=label.name: self.labelClicked.emit(name))
                buttons.append(button)
                self.buttons[label.name] = button
            # A flow of chips, not one per line: every label of every layer fits a short dock
            # (a column of ten buttons hid CLAIM and PREDICTION below the fold).
            self._layout.addWidget(flow_container(buttons, spacing=2))
        self._layout.addStretch(1)
