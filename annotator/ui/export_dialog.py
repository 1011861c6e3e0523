"""The export dialog: format, which documents, where to. A refused output keeps it open with
the reason. Untrusted text is plain text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from annotator.core.model import STATUSES
from annotator.io import EXPORT_FORMATS
from annotator.ui.models import status_name
from annotator.ui.plain import error_label, plain_label

# Marked for lupdate here, translated when the dialog is built (after the translator is installed).
FORMAT_NAMES = {
    "native": QT_TRANSLATE_NOOP("ExportDialog", "Native JSONL (everything)"),
    "doccano": QT_TRANSLATE_NOOP("ExportDialog", "doccano JSONL"),
    "prodigy": QT_TRANSLATE_NOOP("ExportDialog", "Prodigy / spaCy JSONL (tokens + spans)"),
    "conll": QT_TRANSLATE_NOOP("ExportDialog", "CoNLL-2002 IOB2"),
    "brat": QT_TRANSLATE_NOOP("ExportDialog", "brat standoff (folder)"),
}


def format_name(fmt: str) -> str:
    return QCoreApplication.translate("ExportDialog", FORMAT_NAMES[fmt]) if fmt in FORMAT_NAMES else fmt


def default_output(project_path: Path, fmt: str) -> Path:
    """A new name beside the project, never the project's folder itself: a folder format pointed
    at the project's folder would write (and once deleted) everything in it."""
    stem = project_path.stem or "export"
    if fmt == "brat":
        return project_path.parent / f"{stem}-brat"
    return project_path.parent / f"{stem}-{fmt}.{'conll' if fmt == 'conll' else 'jsonl'}"


class ExportDialog(QDialog):
    def __init__(self, project_path: Path, parent: QWidget | None = None,
                 check: Callable[[str, Path], str | None] | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.project_path = Path(project_path)
        # check(format, path) -> why the export would be refused, or None: asked on OK, so a
        # refused path keeps the dialog open with the reason instead of closing it.
        self._check = check
        self.format = QComboBox()
        for name in EXPORT_FORMATS:
            self.format.addItem(format_name(name), name)
        self.statuses = {status: QCheckBox(status_name(status)) for status in STATUSES}
        for status, box in self.statuses.items():
            # Only finished work by default: an export feeds training, and a new or half-done
            # document would teach it that its unmarked names are not names (issue 10).
            box.setChecked(status == "done")
        status_row = QHBoxLayout()
        for box in self.statuses.values():
            status_row.addWidget(box)
        self.path = QLineEdit(str(default_output(self.project_path, self.format.currentData())))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.format.currentIndexChanged.connect(self._suffix)
        form = QFormLayout()
        form.addRow(plain_label(self.tr("Format")), self.format)  # addRow(str) would make AutoText labels
        form.addRow(plain_label(self.tr("Documents")), status_row)
        form.addRow(plain_label(self.tr("Save to")), path_row)
        self.problem = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self) -> None:
        fmt, path, _ = self.chosen()
        problem = self._check(fmt, path) if self._check else None
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        super().accept()

    def chosen(self) -> tuple[str, Path, tuple[str, ...]]:
        statuses = tuple(s for s, box in self.statuses.items() if box.isChecked())
        return self.format.currentData(), Path(self.path.text()), statuses

    def _suffix(self) -> None:
        self.problem.hide()
        fmt = self.format.currentData()
        path = Path(self.path.text())
        defaults = {default_output(self.project_path, f) for f in FORMAT_NAMES}
        if path in defaults or not self.path.text().strip():
            self.path.setText(str(default_output(self.project_path, fmt)))  # still ours: follow the format
            return
        stem = path.with_suffix("") if path.suffix else path
        self.path.setText(str(stem if fmt == "brat" else stem.with_suffix(".conll" if fmt == "conll" else ".jsonl")))

    def _browse(self) -> None:
        # A save dialog for the folder formats too: it proposes the new folder's name beside
        # the project (getExistingDirectory would open at, and offer, the project's folder).
        caption = self.tr("Export to a new folder") if self.format.currentData() == "brat" else self.tr("Export to file")
        chosen, _ = QFileDialog.getSaveFileName(self, caption, self.path.text())
        if chosen:
            self.path.setText(chosen)
            self.problem.hide()


__all__ = ["FORMAT_NAMES", "ExportDialog", "default_output", "format_name"]
