"""Dialogs: keyboard shortcuts, questions. Untrusted text is plain text."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QMessageBox, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)


class ShortcutsDialog(QDialog):
    """The F1 sheet: nothing cut off. The key column is as wide as its widest key, the action
    column takes the rest and wraps; the dialog opens large enough for every row without
    scrolling when the screen allows it (issue 10 item 15: "PREDICTIO…")."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Action")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for row, (key, action) in enumerate(rows):
            # Item text is plain text. Keys read left to right in an Arabic sheet too: isolated,
            # "Ctrl++" would otherwise show as "++Ctrl".
            table.setItem(row, 0, QTableWidgetItem("\u2066" + key + "\u2069"))
            table.setItem(row, 1, QTableWidgetItem(action))
        header = table.horizontalHeader()
        table.resizeColumnToContents(0)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Wrapped rows grow or shrink with the action column's width.
        header.sectionResized.connect(lambda index, *_: index == 1 and table.resizeRowsToContents())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.table = table
        self._fit(rows)

    def _fit(self, rows: list[tuple[str, str]]) -> None:
        table = self.table
        metrics = table.fontMetrics()
        # Long descriptions wrap at about 80 characters rather than make a dialog as wide as the screen.
        widest = min(max((metrics.horizontalAdvance(action) for _, action in rows), default=200),
                     80 * metrics.averageCharWidth()) + 24
        screen = (self.parentWidget() or self).screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)
        frame = 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width() + 48
        width = min(table.columnWidth(0) + widest + frame, room.width() * 9 // 10)
        self.resize(width, 200)
        self.layout().activate()  # the table gets its width; rows wrap to it
        table.resizeRowsToContents()
        rows_height = sum(table.rowHeight(r) for r in range(table.rowCount()))
        height = rows_height + table.horizontalHeader().height() + 2 * table.frameWidth() + 96
        self.resize(width, min(height, room.height() * 9 // 10))

def ask(parent: QWidget | None, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, "", QMessageBox.StandardButton.Yes |
                      QMessageBox.StandardButton.No, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box.exec() == QMessageBox.StandardButton.Yes
