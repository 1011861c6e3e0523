"""The export dialog: format, which documents and spans (the CLI's filters: status, layer,
label, annotator), where to, and a live summary of what will be written and what the format
cannot carry. A refused output keeps it open with the reason. Untrusted text is plain text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from annotator.core.display import neutralised
from annotator.core.model import STATUSES
from annotator.io import EXPORT_FORMATS
from annotator.io.format_loss import Loss, Tally, losses
from annotator.io.spacy_docbin import INSTALL, spacy_available
from annotator.store.documents import SpanFilter
from annotator.ui.display_names import listed
from annotator.ui.models import status_name
from annotator.ui.plain import error_label, plain_label

# Marked for lupdate here, translated when the dialog is built (after the translator is installed).
FORMAT_NAMES = {
    "native": QT_TRANSLATE_NOOP("ExportDialog", "Native JSONL (everything)"),
    "doccano": QT_TRANSLATE_NOOP("ExportDialog", "doccano JSONL"),
    "prodigy": QT_TRANSLATE_NOOP("ExportDialog", "Prodigy / spaCy JSONL (tokens + spans)"),
    "conll": QT_TRANSLATE_NOOP("ExportDialog", "CoNLL-2002 IOB2"),
    "brat": QT_TRANSLATE_NOOP("ExportDialog", "brat standoff (folder)"),
    "labelstudio": QT_TRANSLATE_NOOP("ExportDialog", "Label Studio JSON (tasks with regions)"),
    "spacy": QT_TRANSLATE_NOOP("ExportDialog", "spaCy DocBin (.spacy, for spacy train)"),
}


def format_name(fmt: str) -> str:
    return QCoreApplication.translate("ExportDialog", FORMAT_NAMES[fmt]) if fmt in FORMAT_NAMES else fmt


def file_suffix(fmt: str) -> str:
    """The suffix a file format's export is named with (Label Studio imports .json arrays)."""
    return {"conll": "conll", "labelstudio": "json", "spacy": "spacy"}.get(fmt, "jsonl")


def default_output(project_path: Path, fmt: str) -> Path:
    """A new name beside the project, never the project's folder itself: a folder format pointed
    at the project's folder would write (and once deleted) everything in it."""
    stem = project_path.stem or "export"
    if fmt == "brat":
        return project_path.parent / f"{stem}-brat"
    return project_path.parent / f"{stem}-{fmt}.{file_suffix(fmt)}"


def loss_text(loss: Loss, titles: dict[str, str] = {}) -> str:
    """One Loss of annotator.io.format_loss in the window's words (its count with its own
    plural), a layer called by its display name when `titles` (ExportChoices.titles) has one."""
    translate, n, name = QCoreApplication.translate, loss.count, neutralised(titles.get(loss.name, loss.name), 40)
    if loss.kind == "attributes":
        return translate("ExportDialog", "%n attributes of {layer} spans", "", n).format(layer=name)
    if loss.kind == "relations":
        return translate("ExportDialog", "%n relations ({label})", "", n).format(label=name)
    if loss.kind == "entity_links":
        return translate("ExportDialog", "%n entity links", "", n)
    if loss.kind == "layer_spans":
        return translate("ExportDialog", "%n spans of layer {layer}", "", n).format(layer=name)
    if loss.kind == "nested_spans":
        return translate("ExportDialog", "%n nested or overlapping spans of layer {layer}", "", n).format(layer=name)
    return translate("ExportDialog", "the source, URL and other metadata of %n documents", "", n)


@dataclass(frozen=True)
class ExportChoices:
    """What the filters offer, from the project: its layers with their labels, its annotators;
    and the layer a flat format (CoNLL) writes."""

    layers: tuple[tuple[str, tuple[str, ...]], ...] = ()
    annotators: tuple[str, ...] = ()
    flat_layer: str | None = None
    # (name, display name) of the layers and labels titled in the window's language: the
    # combos show the title, the filter keeps the name (display_names.schema_titles)
    titles: tuple[tuple[str, str], ...] = ()


# count(statuses, span filter) -> what an export of that selection would hold (from the store).
CountExport = Callable[[tuple[str, ...], SpanFilter], Tally]


class ExportDialog(QDialog):
    def __init__(self, project_path: Path, parent: QWidget | None = None,
                 check: Callable[[str, Path], str | None] | None = None, *,
                 choices: ExportChoices = ExportChoices(), count: CountExport | None = None):
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
        self._choices, self._count = choices, count
        self._tallies: dict[tuple, Tally] = {}  # a format change counts nothing again
        self._titles = dict(choices.titles)
        self.layer = self._combo(self.tr("All layers"), [name for name, _ in choices.layers], self._titles)
        self.label = self._combo(self.tr("All labels"), [])
        self._fill_labels()
        self.annotator = self._combo(self.tr("All annotators (gold where adjudicated)"), choices.annotators)
        self.layer.currentIndexChanged.connect(self._fill_labels)
        form = QFormLayout()
        form.addRow(plain_label(self.tr("Format")), self.format)  # addRow(str) would make AutoText labels
        form.addRow(plain_label(self.tr("Documents")), status_row)
        form.addRow(plain_label(self.tr("Layer")), self.layer)
        form.addRow(plain_label(self.tr("Label")), self.label)
        form.addRow(plain_label(self.tr("Annotator")), self.annotator)
        form.addRow(plain_label(self.tr("Save to")), path_row)
        # What this export writes and what the format cannot carry, said before anything is written.
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        for signal in (self.format.currentIndexChanged, self.layer.currentIndexChanged,
                       self.label.currentIndexChanged, self.annotator.currentIndexChanged,
                       *(box.toggled for box in self.statuses.values())):
            signal.connect(self._summarise)
        self.problem = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.summary.setVisible(count is not None)
        self.setMinimumWidth(520)  # the summary wraps to a few lines, not a tall column
        self._summarise()

    @staticmethod
    def _combo(everything: str, names, titles: dict[str, str] = {}) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        for name in names:
            # names (and titles) are the project's data: shown inert
            combo.addItem(neutralised(titles.get(name, name), 60), name)
        return combo

    def _fill_labels(self) -> None:
        layer = self.layer.currentData()
        labels = [label for name, names in self._choices.layers if layer in (None, name) for label in names]
        self.label.blockSignals(True)  # one summary for the change, from the layer's own signal
        self.label.clear()
        self.label.addItem(self.tr("All labels"), None)
        for label in labels:
            self.label.addItem(neutralised(self._titles.get(label, label), 60), label)
        self.label.blockSignals(False)

    def span_filter(self) -> SpanFilter:
        def one(combo: QComboBox) -> tuple[str, ...]:
            return () if combo.currentData() is None else (combo.currentData(),)

        annotators = one(self.annotator)
        # As `annotator export` does without --set: a document's gold set where it has one.
        return SpanFilter(one(self.layer), one(self.label), annotators, prefer_gold=not annotators)

    def _summarise(self) -> None:
        if self._count is None:
            return
        fmt, _, statuses, spans = self.chosen()
        if not statuses:
            self.summary.setText(self.tr("Tick at least one document status: nothing would be written."))
            return
        key = (statuses, spans)
        if key not in self._tallies:
            self._tallies[key] = self._count(statuses, spans)
        tally = self._tallies[key]
        lost = losses(fmt, tally, self._choices.flat_layer)
        left_out = sum(loss.count for loss in lost if loss.kind in ("layer_spans", "nested_spans"))
        translate = QCoreApplication.translate  # the counts as the import summary words them
        written = self.tr("{documents}, {spans} will be written.").format(
            documents=translate("ImportExport", "%n documents", "", tally.documents),
            spans=translate("ImportExport", "%n spans", "", tally.spans - left_out))
        if lost:
            written += " " + self.tr("This format cannot carry: {losses}.").format(
                losses=listed(loss_text(loss, self._titles) for loss in lost))
        self.summary.setText(written)

    def accept(self) -> None:
        fmt, path, _, _ = self.chosen()
        problem = self._check(fmt, path) if self._check else None
        if fmt == "spacy" and not spacy_available():  # said here: the export would refuse it
            problem = self.tr("The spaCy format needs spaCy: {install}").format(install=INSTALL)
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        super().accept()

    def chosen(self) -> tuple[str, Path, tuple[str, ...], SpanFilter]:
        statuses = tuple(s for s, box in self.statuses.items() if box.isChecked())
        return self.format.currentData(), Path(self.path.text()), statuses, self.span_filter()

    def _suffix(self) -> None:
        self.problem.hide()
        fmt = self.format.currentData()
        path = Path(self.path.text())
        defaults = {default_output(self.project_path, f) for f in FORMAT_NAMES}
        if path in defaults or not self.path.text().strip():
            self.path.setText(str(default_output(self.project_path, fmt)))  # still ours: follow the format
            return
        stem = path.with_suffix("") if path.suffix else path
        self.path.setText(str(stem if fmt == "brat" else stem.with_suffix("." + file_suffix(fmt))))

    def _browse(self) -> None:
        # A save dialog for the folder formats too: it proposes the new folder's name beside
        # the project (getExistingDirectory would open at, and offer, the project's folder).
        caption = self.tr("Export to a new folder") if self.format.currentData() == "brat" else self.tr("Export to file")
        chosen, _ = QFileDialog.getSaveFileName(self, caption, self.path.text())
        if chosen:
            self.path.setText(chosen)
            self.problem.hide()


__all__ = ["FORMAT_NAMES", "ExportChoices", "ExportDialog", "default_output", "format_name", "loss_text"]
