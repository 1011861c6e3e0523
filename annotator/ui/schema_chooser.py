"""The schema of a new project (File > New project…): one of the bundled schemas
(resources/schemas/*.toml) or a schema file. A file with errors is refused with its file and
line (core.schema's load errors) and the dialog stays open, so nothing is created — the same
choice as `annotator init --schema`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QListWidget, QListWidgetItem, QPushButton,
                               QVBoxLayout, QWidget)

from annotator import RESOURCES
from annotator.core.display import neutralised
from annotator.core.schema import Schema, SchemaError, load_schema
from annotator.ui.plain import error_label, plain_label, tooltip_text

BUNDLED = RESOURCES / "schemas"
PATH_ROLE = Qt.ItemDataRole.UserRole


def bundled_schemas() -> list[Path]:
    return sorted(BUNDLED.glob("*.toml"))


class SchemaChooser(QDialog):
    def __init__(self, parent: QWidget | None = None, folder: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Schema of the new project"))
        self.folder = folder or Path.home()
        self.schema: Schema | None = None
        self.list = QListWidget()
        self.list.setObjectName("schema_list")
        for path in bundled_schemas():
            self._add(path)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _: self.accept())
        self.file_button = QPushButton(self.tr("Schema &file…"))
        self.file_button.setObjectName("schema_file")
        self.file_button.clicked.connect(self.choose_file)
        self.error = error_label()
        self.error.setObjectName("schema_error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(plain_label(self.tr("The labels and attributes the project starts with:")))
        column.addWidget(self.list, 1)
        column.addWidget(self.file_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.error)
        column.addWidget(buttons)

    def _add(self, path: Path) -> QListWidgetItem:
        item = QListWidgetItem(path.stem)
        item.setData(PATH_ROLE, str(path))
        try:
            schema = load_schema(path)
        except SchemaError:
            pass  # listed by its file name; choosing it says what is wrong
        else:
            labels = len(schema.labels())
            item.setText(self.tr("{name} ({layers} layers, {labels} labels)").format(
                name=neutralised(schema.name), layers=len(schema.layers), labels=labels))
            item.setToolTip(tooltip_text(f"{path}\n\n{schema.description}".strip()))  # escaped, like set_tooltip
        self.list.addItem(item)
        return item

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Schema file"), str(self.folder),
                                              self.tr("Schemas (*.toml);;All files (*)"))
        if path:
            self.list.setCurrentItem(self._add(Path(path)))
            self.accept()

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        try:
            self.schema = load_schema(item.data(PATH_ROLE))
        except SchemaError as exc:
            # The message names the file and line (English, as `annotator init` prints it).
            self.error.setText(self.tr("This schema cannot be used:\n{problem}").format(problem=str(exc)))
            self.error.show()
            return
        super().accept()


def choose_schema(parent: QWidget | None, folder: Path | None = None) -> Schema | None:
    """The schema chosen for a new project, None when the analyst cancels."""
    dialog = SchemaChooser(parent, folder)
    return dialog.schema if dialog.exec() == QDialog.DialogCode.Accepted else None


__all__ = ["SchemaChooser", "bundled_schemas", "choose_schema"]
