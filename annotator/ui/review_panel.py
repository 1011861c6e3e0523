"""The Review dock: the annotators with their colours and number keys, what is left to decide
in the open document, and the open candidates with who marked each.

Annotator names, span texts and label names are untrusted: every cell and label shows them
`neutralised` as plain text; the chips are painted squares, never markup.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from annotator.core.adjudication import Adjudication, Candidate
from annotator.core.display import neutralised
from annotator.ui.display_names import listed
from annotator.ui.flow_layout import FlowLayout
from annotator.ui.models import ALIGNMENT, DISPLAY, TOOLTIP, TableModel, alignment, make_table, whole_text_tip
from annotator.ui.plain import plain_label, tooltip_text

# Okabe and Ito's colours, told apart with every common colour-vision deficiency; the ninth
# annotator onwards reuses them (the number keys stop at 9 anyway).
ANNOTATOR_COLORS = ("#e69f00", "#0072b2", "#009e73", "#cc79a7", "#d55e00", "#56b4e9", "#7f7f00", "#999999",
                    "#9467bd")
PREACCEPT_SETTING = "review/preaccept"
CHIP = 10


def annotator_color(lane: int) -> QColor:
    return QColor(ANNOTATOR_COLORS[lane % len(ANNOTATOR_COLORS)])


def shown_name(name: str) -> str:
    """An annotator's name for display ("" is the set of spans imported without a name)."""
    return neutralised(name) if name else "–"


@lru_cache(maxsize=256)
def chips(lanes: tuple[int, ...], total: int) -> QIcon:
    """One square per annotator of the document, filled in the colours of those in `lanes`
    (who marked the candidate), hollow for the others: agreement at a glance."""
    pixmap = QPixmap(total * (CHIP + 2), CHIP + 2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    for lane in range(total):
        color = annotator_color(lane)
        painter.setPen(color)
        if lane in lanes:
            painter.setBrush(color)
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(lane * (CHIP + 2) + 1, 1, CHIP - 1, CHIP - 1)
    painter.end()
    return QIcon(pixmap)


def swatch(lane: int) -> QPixmap:
    """The filled square of one annotator (the legend)."""
    pixmap = QPixmap(CHIP + 2, CHIP + 2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(annotator_color(lane))
    painter.setBrush(annotator_color(lane))
    painter.drawRect(1, 1, CHIP - 1, CHIP - 1)
    painter.end()
    return pixmap


class CandidateModel(TableModel):
    HEADERS = (QT_TRANSLATE_NOOP("Review", "Text"), QT_TRANSLATE_NOOP("Review", "Label"),
               QT_TRANSLATE_NOOP("Review", "Marked by"), QT_TRANSLATE_NOOP("Review", "Agree"))
    HEADER_CONTEXT = "Review"
    TEXT, LABEL, WHO, AGREE = range(4)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Candidate] = []
        self.annotators: tuple[str, ...] = ()
        self._lane: dict[str, int] = {}
        self.titles: dict[str, str] = {}  # label name -> display name (display_names.schema_titles)

    def _rows(self):
        return self.rows

    def set_candidates(self, rows: list[Candidate], annotators: tuple[str, ...],
                       titles: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        self.titles = titles or {}
        self.annotators = annotators
        self._lane = {name: n for n, name in enumerate(annotators)}
        self.endResetModel()

    def data(self, index: QModelIndex, role=DISPLAY):
        if not index.isValid():
            return None
        candidate = self.rows[index.row()]
        column = index.column()
        if column == self.TEXT:
            if role == DISPLAY:
                return neutralised(" ".join(candidate.text.split()), limit=80)
            if role == ALIGNMENT:
                return alignment(candidate.text)
            if role == TOOLTIP:
                return whole_text_tip(candidate.text)
        elif column == self.LABEL and role == DISPLAY:
            return neutralised(self.titles.get(candidate.label, candidate.label))
        elif column == self.WHO:
            if role == DISPLAY:
                return listed(shown_name(n) for n in candidate.annotators)
            if role == Qt.ItemDataRole.DecorationRole:
                return chips(tuple(self._lane[n] for n in candidate.annotators), len(self.annotators))
        elif column == self.AGREE:
            if role == DISPLAY:
                return f"{len(candidate.annotators)}/{len(self.annotators)}"
            if role == TOOLTIP:
                return tooltip_text(self.tr("in a conflict with other candidates here") if candidate.group >= 0
                                    else self.tr("no other candidate overlaps it"))
        return None


class CandidateTable(QTableView):
    """The candidate list; Enter, Delete and the number keys act on the selected row."""

    keyAction = Signal(str)  # "accept", "reject", or "take:N"

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        action = key_action(event)
        if action is not None:
            self.keyAction.emit(action)
            return
        super().keyPressEvent(event)


def key_action(event: QKeyEvent) -> str | None:
    """What a review key means: Enter accepts, Delete (Backspace) rejects, 1-9 take that
    annotator's version; None for any other key (or one with Ctrl, Alt or Meta)."""
    if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                            | Qt.KeyboardModifier.MetaModifier):
        return None
    key = event.key()
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return "accept"
    if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
        return "reject"
    if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
        return f"take:{key - Qt.Key.Key_1 + 1}"
    return None


class ReviewPanel(QWidget):
    """The dock's contents; ReviewMode fills it and answers its signals."""

    candidateChosen = Signal(int)  # a row of `model`
    action = Signal(str)  # "accept", "reject", "take:N", "leave"

    def __init__(self, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.legend_box = QWidget()
        self.legend = FlowLayout(self.legend_box)
        layout.addWidget(self.legend_box)
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.preaccept = QCheckBox(self.tr("Pre-accept agreed spans"))
        self.preaccept.setToolTip(tooltip_text(self.tr(
            "On opening a document without gold spans, put the spans every annotator marked alike into gold "
            "(one undoable action)")))
        self.preaccept.setChecked(str(settings.value(PREACCEPT_SETTING, "true")).lower() in ("true", "1"))
        self.preaccept.toggled.connect(lambda on: self.settings.setValue(PREACCEPT_SETTING, on))
        layout.addWidget(self.preaccept)
        self.model = CandidateModel(self)
        self.table = make_table(self.model, table=CandidateTable())
        self.table.keyAction.connect(self.action)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(36)
        header.setSectionResizeMode(CandidateModel.TEXT, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(CandidateModel.LABEL, 80)
        header.resizeSection(CandidateModel.WHO, 120)
        header.resizeSection(CandidateModel.AGREE, 48)
        self._quiet = False  # a row selected from the article: no candidateChosen back
        # Clicks and the arrow keys alike: the row the table is on is the outlined candidate.
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.activated.connect(lambda index: self.action.emit("accept"))
        # Room for a few candidates even in a short dock: the list is what review is read from.
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 7
                                    + self.table.horizontalHeader().sizeHint().height())
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        for text, name in ((self.tr("Accept into gold"), "accept"), (self.tr("Reject"), "reject"),
                           (self.tr("Leave review"), "leave")):
            button = QPushButton(text)
            button.setObjectName(f"review_{name}")
            button.clicked.connect(lambda _=False, n=name: self.action.emit(n))
            buttons.addWidget(button)
        layout.addLayout(buttons)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self.candidateChosen.emit(current.row())

    def show_adjudication(self, result: Adjudication | None, gold_status: str, rows: list[Candidate],
                          titles: dict[str, str] | None = None) -> None:
        """`titles`: label names -> display names, for the label column."""
        self._fill_legend(result.annotators if result else ())
        self.model.set_candidates(rows, result.annotators if result else (), titles)
        if result is None:
            self.summary.setText(self.tr("This document has no annotator's set to review."))
            return
        counts = result.counts()
        self.summary.setText(self.tr(
            "{candidates} candidates from {annotators} annotators: {agreed} agreed, {gold} in gold, {rejected} "
            "rejected, {open} open ({disputed} to decide, {conflicts} conflicts). Gold set: {status}.").format(
            annotators=len(result.annotators), status=gold_status, **counts))

    def _fill_legend(self, annotators: tuple[str, ...]) -> None:
        while self.legend.count():
            item = self.legend.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for lane, name in enumerate(annotators):
            chip = QLabel()
            chip.setPixmap(swatch(lane))
            self.legend.addWidget(chip)
            key = self.tr("{number} {name}").format(number=lane + 1, name=shown_name(name)) if lane < 9 \
                else shown_name(name)
            self.legend.addWidget(plain_label(key))

    def select_row(self, row: int | None) -> None:
        self._quiet = True
        try:
            if row is None:
                self.table.clearSelection()
                return
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        finally:
            self._quiet = False

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None


__all__ = ["ANNOTATOR_COLORS", "PREACCEPT_SETTING", "CandidateModel", "ReviewPanel", "annotator_color", "chips",
           "key_action", "shown_name"]
