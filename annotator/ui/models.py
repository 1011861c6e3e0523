"""Qt item models over core objects: the document list and the spans of the open document.

Titles, label names and span texts come from imported data: they are shown `neutralised` (bidi
controls visible, the string isolated), so a right-to-left override in a title cannot display
"report.exe" as "report exe." or reorder the columns around it. Search and ids use the raw text.

A cell of Arabic reads right to left: a text whose first strong letter is right-to-left is
aligned right, and the isolate `neutralised` wraps it in takes that direction, so the "…" of a
title cut short lands at its end, on the left; a Latin title stays left-aligned. The whole text
is in the cell's tooltip, escaped (plain.tooltip_text).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from unicodedata import bidirectional

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex,
                            Qt, Signal)
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from annotator.core.display import neutralised
from annotator.core.model import Span
from annotator.core.schema import Schema
from annotator.ui import theme
from annotator.ui.display_names import ui_language, with_identifier
from annotator.ui.plain import tooltip_text

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
ID_ROLE = Qt.ItemDataRole.UserRole
FILTER_ROLE = Qt.ItemDataRole.UserRole + 1  # "label␟annotator␟search key" of a span (span list)
FIELD_SEPARATOR = "\x1f"
SPAN_TEXT_SHOWN = 300  # a claim can be a long paragraph; the cell shows one line of it
TOOLTIP_SHOWN = 1500  # the whole of any sensible title or claim; a runaway span stays readable
STRONG_SCAN = 200  # letters looked at for the direction: digits and punctuation have none
RLM = "\u200f"
# What the statuses are called on screen; the stored values stay these English identifiers.
STATUS_NAMES = {"new": QT_TRANSLATE_NOOP("Status", "new"),
                "in_progress": QT_TRANSLATE_NOOP("Status", "in progress"),
                "done": QT_TRANSLATE_NOOP("Status", "done"),
                "skipped": QT_TRANSLATE_NOOP("Status", "skipped")}


@lru_cache(maxsize=4)
def _done_color(base: int) -> QColor:
    """The "done" green, legible on the list's background `base` (an RGB int) in either theme."""
    return theme.legible(QColor("#2b8a3e"), QColor.fromRgb(base), theme.TEXT_CONTRAST)


def status_name(status: str) -> str:
    """A document status as shown (translated); an unknown stored value as itself."""
    name = STATUS_NAMES.get(status)
    return QCoreApplication.translate("Status", name) if name else status.replace("_", " ")


def right_to_left(text: str) -> bool:
    """Whether the first strong letter of `text` is right-to-left (Arabic, Hebrew)."""
    for ch in text[:STRONG_SCAN]:
        kind = bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


LEADING = {True: int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
           False: int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)}


def alignment(text: str) -> int:
    """A text cell's alignment: where its text begins."""
    return LEADING[right_to_left(text)]


def whole_text_tip(text: str) -> str:
    """The tooltip of a cell: all of its (untrusted) text, escaped, one paragraph read in the
    text's own direction (the mark stands outside the isolate, where the paragraph looks)."""
    if not text:
        return ""
    return tooltip_text((RLM if right_to_left(text) else "") + neutralised(text, limit=TOOLTIP_SHOWN))


def make_table(model, selection=QAbstractItemView.SelectionMode.SingleSelection,
               table: QTableView | None = None) -> QTableView:
    """A read-only row table (`table`, a QTableView subclass, when given). Fixed row heights: no
    per-row measuring, so thousands of rows stay instant."""
    table = QTableView() if table is None else table
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setHighlightSections(False)
    table.setWordWrap(False)
    return table


class TableModel(QAbstractTableModel):
    """A flat table with fixed column headers: HEADERS are QT_TRANSLATE_NOOP'd sources of the
    context HEADER_CONTEXT, translated when shown (literal, so that lupdate finds them)."""

    HEADERS: tuple[str, ...] = ()
    HEADER_CONTEXT = "Tables"

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows())

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=DISPLAY):  # noqa: N802
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate(self.HEADER_CONTEXT, self.HEADERS[section])
        return None

    def _rows(self) -> list:
        raise NotImplementedError


class DocumentListModel(TableModel):
    HEADERS = (QT_TRANSLATE_NOOP("Tables", "Title"), QT_TRANSLATE_NOOP("Tables", "Status"),
               QT_TRANSLATE_NOOP("Tables", "Spans"))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[list] = []  # [id, title, status, span count]
        self._row_of: dict[str, int] = {}

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = [list(r) for r in rows]
        self._row_of = {r[0]: i for i, r in enumerate(self.rows)}
        self.endResetModel()

    def row_of(self, doc_id: str) -> int | None:
        return self._row_of.get(doc_id)

    def update(self, doc_id: str, status: str | None = None, span_delta: int = 0) -> None:
        row = self._row_of.get(doc_id)
        if row is None:
            return
        if status is not None:
            self.rows[row][2] = status
        self.rows[row][3] += span_delta
        self.dataChanged.emit(self.index(row, 0), self.index(row, 2))

    def _rows(self) -> list:
        return self.rows

    def data(self, index: QModelIndex, role=DISPLAY):
        if not index.isValid():
            return None
        doc_id, title, status, spans = self.rows[index.row()]
        column = index.column()
        if role == DISPLAY:
            if column == 0:
                return neutralised(title or doc_id)
            return (status_name(status), spans)[column - 1]
        if role == ID_ROLE:
            return doc_id
        if column == 0 and role == ALIGNMENT:
            return alignment(title or doc_id)
        if column == 0 and role == TOOLTIP:
            return whole_text_tip(title or doc_id)  # escaped: an untrusted title is never markup
        if role == ALIGNMENT and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 1 and status == "done":
            return _done_color(QGuiApplication.palette().color(QPalette.ColorRole.Base).rgb())
        return None


class SpanListModel(TableModel):
    """The open document's spans in position order. `sort_value` and FILTER_ROLE feed a
    span_list.SpanProxy; they are computed for a row only when a sort or filter asks."""

    HEADERS = (QT_TRANSLATE_NOOP("Tables", "Label"), QT_TRANSLATE_NOOP("Tables", "Text"),
               QT_TRANSLATE_NOOP("Tables", "Start"), QT_TRANSLATE_NOOP("Tables", "Details"),
               QT_TRANSLATE_NOOP("Tables", "Annotator"))
    LABEL, TEXT, START, DETAILS, ANNOTATOR = range(5)
    schemaChanged = Signal(object)  # the label filter lists the schema's labels
    detailsChanged = Signal()

    def __init__(self, schema: Schema, parent=None, key: Callable[[str], str] = str.casefold):
        super().__init__(parent)
        self.spans: list[Span] = []
        self._keys: list[tuple] = []
        self._by_id: dict[str, Span] = {}
        self._key = key  # arabic.search_key in the window: what text search and sort compare
        self._text_keys: dict[str, str] = {}  # span text -> key, filled as a sort or filter reads
        self._colors = {label.name: QColor(label.color) for label in schema.labels()}
        self._labels = {label.name: label for label in schema.labels()}  # display names (titles)
        self._shown: tuple[str, dict[str, str]] = ("", {})  # (language, label name -> display name)
        self.details: Callable[[Span], str] = lambda span: ""  # e.g. a claim's claimant and stance

    def refresh_details(self) -> None:
        """The details (a claimant's name) are read from the workspace when painted: the view
        repaints the rows on screen. A dataChanged over every row would make a filtering or
        sorting proxy re-test and re-place all of them after every change."""
        if self.spans:
            self.detailsChanged.emit()

    def set_schema(self, schema: Schema) -> None:
        self._colors = {label.name: QColor(label.color) for label in schema.labels()}
        self._labels = {label.name: label for label in schema.labels()}
        self._shown = ("", {})
        self.schemaChanged.emit(schema)

    def set_spans(self, spans) -> None:
        self.beginResetModel()
        self.spans = sorted(spans, key=Span.sort_key)
        self._keys = [s.sort_key() for s in self.spans]
        self._by_id = {s.id: s for s in self.spans}
        self._text_keys = {}
        self.endResetModel()

    def annotators(self) -> list[str]:
        """Who made the spans of the open document (read when the annotator filter opens)."""
        return sorted({s.annotator for s in self.spans if s.annotator})

    def text_key(self, text: str) -> str:
        key = self._text_keys.get(text)
        if key is None:
            key = self._text_keys[text] = self._key(text)
        return key

    def row_of(self, span_id: str) -> int | None:
        span = self._by_id.get(span_id)
        return None if span is None else bisect_left(self._keys, span.sort_key())

    def apply_change(self, added, removed) -> None:
        """Insert and remove rows in place: a reset would re-lay out thousands of rows. A span
        edited where it sorts the same (an attribute, an entity link) is replaced in its row, so
        the row, and the selection on it, stay."""
        removed = set(removed)
        moved = []
        for span in added:
            row = self.row_of(span.id) if span.id not in removed else None
            if row is not None and self._keys[row] == span.sort_key():
                self.spans[row] = self._by_id[span.id] = span
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
            else:
                moved.append(span)
        added = moved
        for span_id in [*removed, *(s.id for s in added)]:
            row = self.row_of(span_id)
            if row is not None:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._by_id[self.spans[row].id], self.spans[row], self._keys[row]
                self.endRemoveRows()
        for span in added:
            key = span.sort_key()
            row = bisect_left(self._keys, key)
            self.beginInsertRows(QModelIndex(), row, row)
            self.spans.insert(row, span)
            self._keys.insert(row, key)
            self._by_id[span.id] = span
            self.endInsertRows()

    def _rows(self) -> list:
        return self.spans

    def data(self, index: QModelIndex, role=DISPLAY):
        if not index.isValid():
            return None
        span = self.spans[index.row()]
        column = index.column()
        if role == DISPLAY:
            if column == self.LABEL:
                return self._label_cell(span.label)
            if column == self.TEXT:
                return neutralised(span.text, limit=SPAN_TEXT_SHOWN)  # a line break shows as ⏎
            if column == self.START:
                return span.start
            if column == self.ANNOTATOR:
                return neutralised(span.annotator)
            return self.details(span)
        if role == ID_ROLE:
            return span.id
        if role == TOOLTIP and column == self.DETAILS:
            # Already composed of neutralised values: escaped as it is, all of it (the cell is narrow).
            return tooltip_text(self.details(span)) or None
        if role == TOOLTIP and column == self.LABEL and span.label in self._labels \
                and self.label_shown(span.label) != span.label:
            # The display name and the identifier exports and filters use: "شخص (PERSON)".
            return tooltip_text(with_identifier(self._labels[span.label]))
        if role == ALIGNMENT or role == TOOLTIP:
            raw = self._raw(span, column)
            if raw is None:
                return None
            return alignment(raw) if role == ALIGNMENT else whole_text_tip(raw)
        if role == FILTER_ROLE:
            return FIELD_SEPARATOR.join(
                (_one_field(span.label), _one_field(span.annotator), _one_field(self.text_key(span.text))))
        if role == Qt.ItemDataRole.DecorationRole and column == self.LABEL:
            return self._colors.get(span.label)
        return None

    def _raw(self, span: Span, column: int) -> str | None:
        """The untrusted text a cell shows, for its alignment and tooltip (not for numbers and
        the details, which are composed of the window's own words)."""
        if column == self.LABEL:
            return self.label_shown(span.label)
        if column == self.TEXT:
            return span.text
        if column == self.ANNOTATOR:
            return span.annotator
        return None

    def label_shown(self, name: str) -> str:
        """The label's display name in the window's language (display_names), else `name`."""
        label = self._labels.get(name)
        return label.shown(ui_language()) if label is not None else name

    def _label_cell(self, name: str) -> str:
        # Painted for every visible row: the neutralised names are kept per language, so a
        # cell costs one language check and a lookup.
        language = ui_language()
        if self._shown[0] != language:
            self._shown = (language, {lab.name: neutralised(lab.shown(language)) for lab in self._labels.values()})
        cell = self._shown[1].get(name)
        return cell if cell is not None else neutralised(name)

    def sort_value(self, row: int, column: int):
        """What a row sorts by in a column (the details column sorts as the position)."""
        span = self.spans[row]
        if column == self.LABEL:
            return self._label_cell(span.label)  # in the order the reader sees (one isolate each)
        if column == self.TEXT:
            return self.text_key(span.text)  # diacritics and letter variants do not reorder
        if column == self.ANNOTATOR:
            return span.annotator
        return span.start


def _one_field(value: str) -> str:
    # The filter's pattern matches fields between separators: a separator inside one is dropped.
    return value.replace(FIELD_SEPARATOR, " ")
