"""Dialogs: export options, keyboard shortcuts, questions. Untrusted text is plain text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLineEdit, QMessageBox, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from annotator.core.model import STATUSES
from annotator.io import EXPORT_FORMATS
from annotator.ui.plain import plain_label

FORMAT_NAMES = {
    "native": "Native JSONL (everything)",
    "doccano": "doccano JSONL",
    "prodigy": "Prodigy / spaCy JSONL (tokens + spans)",
    "conll": "CoNLL-2002 IOB2",
    "brat": "brat standoff (folder)",
}


class ExportDialog(QDialog):
    def __init__(self, default_folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Export")
        self.format = QComboBox()
        for name in EXPORT_FORMATS:
            self.format.addItem(FORMAT_NAMES.get(name, name), name)
        self.statuses = {status: QCheckBox(status.replace("_", " ")) for status in STATUSES}
        for status, box in self.statuses.items():
            box.setChecked(status != "skipped")
        status_row = QHBoxLayout()
        for box in self.statuses.values():
            status_row.addWidget(box)
        self.path = QLineEdit(str(default_folder / "export.jsonl"))
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.format.currentIndexChanged.connect(self._suffix)
        form = QFormLayout()
        form.addRow(plain_label("Format"), self.format)  # addRow(str) would make AutoText labels
        form.addRow(plain_label("Documents"), status_row)
        form.addRow(plain_label("Save to"), path_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[str, Path, tuple[str, ...]]:
        statuses = tuple(s for s, box in self.statuses.items() if box.isChecked())
        return self.format.currentData(), Path(self.path.text()), statuses

    def _suffix(self) -> None:
        fmt = self.format.currentData()
        path = Path(self.path.text())
        stem = path.with_suffix("") if path.suffix else path
        self.path.setText(str(stem if fmt == "brat" else stem.with_suffix(".conll" if fmt == "conll" else ".jsonl")))

    def _browse(self) -> None:
        if self.format.currentData() == "brat":
            chosen = QFileDialog.getExistingDirectory(self, "Export to folder", self.path.text())
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, "Export to file", self.path.text())
        if chosen:
            self.path.setText(chosen)


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels(["Key", "Action"])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (key, action) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(key))  # item text is plain text
            table.setItem(row, 1, QTableWidgetItem(action))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.table = table
        self.resize(560, 520)


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, "", QMessageBox.StandardButton.Yes |
                      QMessageBox.StandardButton.No, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box.exec() == QMessageBox.StandardButton.Yes
