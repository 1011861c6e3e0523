"""The agreement view's tables: one small read-only model of figures (pairs, disputed documents,
per-annotator progress) and the painted bar of the progress table.

Display is plain text (item views never read markup); names and titles are neutralised so a
bidi control in them cannot reorder the row, and a right-to-left title begins at the right.
The raw value of every cell is its UserRole, which is what the tests compare with the report.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from annotator.core.display import neutralised
from annotator.ui import theme
from annotator.ui.agreement_charts import figure
from annotator.ui.models import right_to_left
from annotator.ui.plain import tooltip_text

SHOWN_TEXT = 80  # characters of a title or name in a cell (the tooltip has it whole)
RAW = Qt.ItemDataRole.UserRole
_DONE = QColor("#2b8a3e")
_STARTED = QColor("#f08c00")


class FiguresModel(QAbstractTableModel):
    """Rows of raw values under translated headers: a float is a coefficient (three decimals,
    None a dash), an int a count, a str a name or title, a tuple (done, in progress, of) the
    progress bar's figures."""

    def __init__(self, headers: Sequence[str], parent=None):
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: list[tuple] = []
        self.keys: list[str] = []  # what each row stands for (a document id for the disputed list)
        self.floats: set[int] = set()  # columns of coefficients, where None is a dash
        self.percents: set[int] = set()  # columns of shares (0 to 1) shown as percentages
        # column -> {raw name: display name}: an attribute shown by its title, RAW its identifier
        self.titles: dict[int, dict[str, str]] = {}

    def set_rows(self, rows: Sequence[tuple], keys: Sequence[str] = (), floats: Sequence[int] = (),
                 percents: Sequence[int] = (), titles: dict[int, dict[str, str]] | None = None) -> None:
        self.beginResetModel()
        self.rows, self.keys, self.floats = [tuple(r) for r in rows], list(keys), set(floats)
        self.percents = set(percents)
        self.titles = titles or {}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        if role == RAW:
            return value
        if isinstance(value, str) and index.column() in self.titles:
            value = self.titles[index.column()].get(value, value)
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, tuple):
                done, _, total = value
                return f"{done}/{total}"
            if index.column() in self.floats:
                return figure(value)
            if index.column() in self.percents:
                return percent(value)
            if isinstance(value, str):
                return neutralised(value, limit=SHOWN_TEXT)
            return str(value)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, tuple):
            return QCoreApplication.translate("AgreementModels", "{done} done and {started} in progress of {total}"
                                              ).format(done=value[0], started=value[1], total=value[2])
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str) and len(value) > SHOWN_TEXT:
            return tooltip_text(neutralised(value))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if isinstance(value, str):
                # Absolute: an Arabic title begins at the right whatever the window's direction.
                side = Qt.AlignmentFlag.AlignRight if right_to_left(value) else Qt.AlignmentFlag.AlignLeft
                return int(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def percent(share: float | None) -> str:
    """A share as a percentage in the locale's digits and sign (a dash for none)."""
    if share is None:
        return "–"
    return QLocale().toString(share * 100, "f", 1) + QLocale().percent()


class ProgressDelegate(QStyledItemDelegate):
    """A (done, in progress, of) cell as one bar: the done share in green, then the share in
    progress in amber, with "done/of" written on it; it fills from the reading start."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        value = index.data(RAW)
        if not isinstance(value, tuple):
            return super().paint(painter, option, index)
        done, started, total = value
        palette = option.palette
        rtl = option.direction == Qt.LayoutDirection.RightToLeft
        words = f"{done}/{total}"
        room = option.fontMetrics.horizontalAdvance(words) + 12  # the figure at the bar's far end
        cell = QRectF(option.rect).adjusted(3, 4, -3, -4)
        rect = cell.adjusted(room, 0, 0, 0) if rtl else cell.adjusted(0, 0, -room, 0)
        rect.setWidth(max(rect.width(), 0.0))
        page = palette.color(QPalette.ColorRole.Base)
        painter.save()
        painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        x = rect.x()
        for count, colour in ((done, _DONE), (started, _STARTED)):
            width = rect.width() * count / total if total else 0.0
            part = QRectF(rect.right() - (x - rect.x()) - width if rtl else x, rect.y(), width, rect.height())
            painter.fillRect(part, theme.legible(colour, page, theme.LINE_CONTRAST))
            x += width
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawRect(rect)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        figure_at = cell.adjusted(0, 0, -(cell.width() - room), 0) if rtl else cell.adjusted(cell.width() - room, 0, 0, 0)
        painter.drawText(figure_at, int(Qt.AlignmentFlag.AlignCenter), words)
        painter.restore()


__all__ = ["FiguresModel", "ProgressDelegate", "RAW", "percent"]
