"""The format of the files chosen for File > Import: detected from their content (the default)
or named, as the CLI's --format does, and the CSV/TSV text column (its --text-column). What is
chosen goes to the same Importer call the CLI makes."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout

from annotator.io import IMPORT_FORMATS
from annotator.ui.plain import plain_label

AUTO = "auto"
# Marked for lupdate here, translated when the dialog is built (after the translator is installed).
DESCRIPTIONS = {
    AUTO: QT_TRANSLATE_NOOP("ImportFormatDialog", "Detect from content"),
    "txt": QT_TRANSLATE_NOOP("ImportFormatDialog", "txt: plain text, each file one document"),
    "jsonl": QT_TRANSLATE_NOOP("ImportFormatDialog", "jsonl: JSON records (annotator, doccano, Prodigy)"),
    "csv": QT_TRANSLATE_NOOP("ImportFormatDialog", "csv: CSV or TSV table, a row per document"),
    "html": QT_TRANSLATE_NOOP("ImportFormatDialog", "html: a web page's article text"),
    "brat": QT_TRANSLATE_NOOP("ImportFormatDialog", "brat: standoff .ann with its .txt"),
    "webanno": QT_TRANSLATE_NOOP("ImportFormatDialog", "webanno: INCEpTION / WebAnno TSV3"),
    "labelstudio": QT_TRANSLATE_NOOP("ImportFormatDialog", "labelstudio: Label Studio tasks (JSON, JSONL, JSON-MIN)"),
    "conll": QT_TRANSLATE_NOOP("ImportFormatDialog", "conll: CoNLL / IOB, a token per line"),
}
# The formats whose reader takes a text column (auto may find a table).
TAKES_COLUMN = (AUTO, "csv")


def description(fmt: str) -> str:
    return QCoreApplication.translate("ImportFormatDialog", DESCRIPTIONS[fmt]) if fmt in DESCRIPTIONS else fmt


class ImportFormatDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import as"))
        self.format = QComboBox()
        for fmt in (AUTO, *IMPORT_FORMATS):  # a format added to the registry is offered by its name
            self.format.addItem(description(fmt), fmt)
        self.text_column = QLineEdit()
        self.text_column.setPlaceholderText(self.tr("text, content, body or article"))
        self.format.currentIndexChanged.connect(self._follow_format)
        form = QFormLayout()
        form.addRow(plain_label(self.tr("Format:")), self.format)
        form.addRow(plain_label(self.tr("Text column (CSV/TSV):")), self.text_column)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._follow_format()

    def _follow_format(self) -> None:
        self.text_column.setEnabled(self.format.currentData() in TAKES_COLUMN)

    def chosen(self) -> tuple[str, str | None]:
        """(format name or "auto", the text column or None)."""
        fmt = self.format.currentData()
        column = self.text_column.text().strip() if fmt in TAKES_COLUMN else ""
        return fmt, column or None
