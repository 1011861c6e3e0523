"""The agreement view's two charts, painted with QPainter: the label confusion as a heat map and
the per-label F1 as horizontal bars. Each keeps the figures it paints (`cells`, `bars`) so what
is on screen can be checked against the report.

Label names come from the project's schema (untrusted): they are drawn with drawText, which
never reads markup, and neutralised so a bidi control cannot reorder the chart. Both charts
mirror themselves in a right-to-left layout (QPainter does not: x is flipped by hand).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from annotator.core.agreement import MISSED
from annotator.core.display import neutralised
from annotator.ui import theme
from annotator.ui.plain import tooltip_text

translate = QCoreApplication.translate

SHOWN_LABEL = 22  # characters of a label name drawn on a chart (the tooltip has it whole)
_HOT = QColor("#1864ab")  # the sequential scale runs from the page colour to this blue
_EXACT = QColor("#1c7ed6")
_OVERLAP = QColor("#f08c00")
_PAD = 6.0


def figure(value: float | None) -> str:
    """A coefficient as shown: three decimals, or a dash when there is nothing to compare."""
    return "–" if value is None else f"{value:.3f}"


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor.fromRgbF(*(x + (y - x) * t for x, y in ((a.redF(), b.redF()), (a.greenF(), b.greenF()),
                                                           (a.blueF(), b.blueF()))))


def _ink(fill: QColor) -> QColor:
    """Black or white, whichever reads better on `fill`."""
    black, white = QColor("#000000"), QColor("#ffffff")
    return black if theme.contrast(black, fill) >= theme.contrast(white, fill) else white


class _Chart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # label name -> display name in the window's language (display_names.schema_titles)
        self.titles: dict[str, str] = {}

    def _named(self, label: str) -> str:
        return translate("AgreementCharts", "missed") if label == MISSED else self.titles.get(label, label)

    def _shown(self, label: str) -> str:
        return self._named(label) if label == MISSED else neutralised(self._named(label), limit=SHOWN_LABEL)

    def _flip(self, rect: QRectF) -> QRectF:
        """`rect` laid out left to right, mirrored when the widget reads right to left."""
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            return QRectF(self.width() - rect.x() - rect.width(), rect.y(), rect.width(), rect.height())
        return rect

    def _leading(self) -> Qt.AlignmentFlag:
        """Text alignment at the reading start of a chart cell (absolute: drawText does not flip)."""
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        return Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft

    def _trailing(self) -> Qt.AlignmentFlag:
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        return Qt.AlignmentFlag.AlignLeft if rtl else Qt.AlignmentFlag.AlignRight

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.LayoutDirectionChange, QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.updateGeometry()
            self.update()
        super().changeEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.tip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), tooltip_text(text), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def tip_at(self, point: QPointF) -> str:
        return ""


class ConfusionHeatMap(_Chart):
    """Rows: the first annotator's label of a label-blind matched pair; columns: the second's;
    a span the other annotator lacks counts in the MISSED row or column. The same labels, in
    the same order, on both axes, so the diagonal is agreement."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.labels: list[str] = []
        self.cells: dict[tuple[str, str], int] = {}  # (row label, column label) -> matched pairs
        self._top = 0

    def set_confusion(self, confusion: dict[str, dict[str, int]], titles: dict[str, str] | None = None) -> None:
        self.titles = titles or {}
        names = set(confusion) | {col for row in confusion.values() for col in row}
        self.labels = sorted(names - {MISSED}) + ([MISSED] if MISSED in names else [])
        self.cells = {(row, col): n for row, cols in confusion.items() for col, n in cols.items()}
        self._top = max(self.cells.values(), default=0)
        self.updateGeometry()
        self.update()

    def count(self, row: str, column: str) -> int:
        return self.cells.get((row, column), 0)

    # -- geometry ---------------------------------------------------------------------------

    def _metrics(self) -> tuple[float, float, float]:
        """(width of the row labels, height of the column labels, cell side)."""
        fm = QFontMetricsF(self.font())
        names = [self._shown(n) for n in self.labels]
        widest = max((fm.horizontalAdvance(n) for n in names), default=0)
        # A column as wide as its name, within reason: a longer name is elided (the tooltip has it).
        side = max(fm.height() * 2.2, min(widest + _PAD, fm.height() * 5))
        return widest + 2 * _PAD, fm.height() + _PAD, side

    def sizeHint(self) -> QSize:  # noqa: N802
        label_width, header, side = self._metrics()
        n = len(self.labels)
        fm = QFontMetricsF(self.font())
        return QSize(int(label_width + n * side + 2 * _PAD), int(header + n * side + fm.height() * 2 + 2 * _PAD))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def cell_rect(self, row: int, column: int) -> QRectF:
        """Where cell (row, column) is painted, mirrored in a right-to-left layout."""
        label_width, header, side = self._metrics()
        fm = QFontMetricsF(self.font())
        top = _PAD + fm.height() + header
        return self._flip(QRectF(_PAD + label_width + column * side, top + row * side, side, side))

    # -- painting ---------------------------------------------------------------------------

    def fill(self, count: int) -> QColor:
        """The cell colour of `count`: the page colour for none, the scale's end for the most."""
        page = self.palette().color(QPalette.ColorRole.Base)
        if count <= 0 or self._top <= 0:
            return page
        return _mix(_mix(page, _HOT, 0.12), _HOT, count / self._top)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        fm = QFontMetricsF(self.font())
        label_width, header, side = self._metrics()
        n = len(self.labels)
        painter.setPen(text)
        axis = translate("AgreementCharts", "rows: the first annotator of each pair (by name) · columns: the second")
        painter.drawText(self._flip(QRectF(_PAD, _PAD, max(self.width() - 2 * _PAD, 0), fm.height())),
                         int(self._leading() | Qt.AlignmentFlag.AlignVCenter), axis)
        grid_top = _PAD + fm.height() + header
        for j, name in enumerate(self.labels):
            head = self._flip(QRectF(_PAD + label_width + j * side, _PAD + fm.height(), side, header))
            painter.drawText(head, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                             fm.elidedText(self._shown(name), Qt.TextElideMode.ElideRight, side - 2))
        for i, row in enumerate(self.labels):
            label = self._flip(QRectF(_PAD, grid_top + i * side, label_width - _PAD, side))
            painter.setPen(text)
            painter.drawText(label, int(self._trailing() | Qt.AlignmentFlag.AlignVCenter), self._shown(row))
            for j, col in enumerate(self.labels):
                count = self.count(row, col)
                rect = self.cell_rect(i, j)
                fill = self.fill(count)
                painter.fillRect(rect, fill)
                painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
                painter.drawRect(rect)
                painter.setPen(_ink(fill))
                painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(count) if count else "·")
        if n:
            painter.setPen(text)
            total = sum(self.cells.values())
            line = translate("AgreementCharts", "%n matched or missed spans", "", total)
            painter.drawText(self._flip(QRectF(_PAD, grid_top + n * side + _PAD / 2,
                                               max(self.width() - 2 * _PAD, 0), fm.height())),
                             int(self._leading() | Qt.AlignmentFlag.AlignVCenter), line)
        painter.end()

    def tip_at(self, point: QPointF) -> str:
        for i, row in enumerate(self.labels):
            for j, col in enumerate(self.labels):
                if self.cell_rect(i, j).contains(point):
                    return translate("AgreementCharts", "{row} → {column}: {count}").format(
                        row=self._named(row), column=self._named(col), count=self.count(row, col))
        return ""


class LabelBars(_Chart):
    """Per label two horizontal bars, F1 exact and F1 overlap, on a 0 to 1 scale; a label with
    nothing to compare has no bar and a dash."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bars: list[tuple[str, int, float | None, float | None]] = []  # label, spans, exact, overlap

    def set_labels(self, labels: dict, titles: dict[str, str] | None = None) -> None:
        """`labels`: {name: LabelAgreement} of one layer of the report; `titles` their display names."""
        self.titles = titles or {}
        self.bars = [(name, lab.spans, lab.f1_exact, lab.f1_overlap) for name, lab in sorted(labels.items())]
        self.updateGeometry()
        self.update()

    def _row_height(self) -> float:
        return QFontMetricsF(self.font()).height() * 2 + _PAD * 2

    def _label_width(self) -> float:
        fm = QFontMetricsF(self.font())
        return max((fm.horizontalAdvance(self._shown(name)) for name, *_ in self.bars), default=0) + 2 * _PAD

    def sizeHint(self) -> QSize:  # noqa: N802
        fm = QFontMetricsF(self.font())
        return QSize(int(self._label_width() + fm.horizontalAdvance("0.000") * 6 + 4 * _PAD),
                     int(fm.height() * 2 + _PAD * 3 + len(self.bars) * self._row_height()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        fm = QFontMetricsF(self.font())
        return QSize(int(self._label_width() + fm.horizontalAdvance("0.000") * 3 + 4 * _PAD), self.sizeHint().height())

    def bar_rect(self, row: int, which: int, value: float) -> QRectF:
        """The bar of label `row` (`which` 0: exact, 1: overlap) for `value`, mirrored in RTL."""
        fm = QFontMetricsF(self.font())
        label_width = self._label_width()
        figure_width = fm.horizontalAdvance("0.000") + _PAD
        span = max(self.width() - label_width - figure_width - 3 * _PAD, 1.0)
        top = fm.height() * 2 + _PAD * 2 + row * self._row_height() + which * fm.height()
        return self._flip(QRectF(_PAD + label_width, top + 1, span * max(0.0, min(value, 1.0)), fm.height() - 2))

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        fm = QFontMetricsF(self.font())
        text = self.palette().color(QPalette.ColorRole.WindowText)
        page = self.palette().color(QPalette.ColorRole.Window)
        colours = (theme.legible(_EXACT, page, theme.LINE_CONTRAST), theme.legible(_OVERLAP, page, theme.LINE_CONTRAST))
        x = _PAD
        for colour, name in zip(colours, (translate("AgreementCharts", "F1 exact"),
                                          translate("AgreementCharts", "F1 overlap"))):
            swatch = self._flip(QRectF(x, _PAD + 2, fm.height() - 4, fm.height() - 4))
            painter.fillRect(swatch, colour)
            width = fm.horizontalAdvance(name) + _PAD
            painter.setPen(text)
            painter.drawText(self._flip(QRectF(x + fm.height(), _PAD, width, fm.height())),
                             int(self._leading() | Qt.AlignmentFlag.AlignVCenter), name)
            x += fm.height() + width + 2 * _PAD
        label_width = self._label_width()
        for row, (name, spans, *values) in enumerate(self.bars):
            top = fm.height() * 2 + _PAD * 2 + row * self._row_height()
            painter.setPen(text)
            painter.drawText(self._flip(QRectF(_PAD, top, label_width - _PAD, fm.height() * 2)),
                             int(self._trailing() | Qt.AlignmentFlag.AlignVCenter), self._shown(name))
            for which, (value, colour) in enumerate(zip(values, colours)):
                rect = self.bar_rect(row, which, value or 0.0)
                if value is not None:
                    painter.fillRect(rect, colour)
                ends = self._flip(QRectF(_PAD + label_width + (rect.width() if value else 0) + _PAD / 2,
                                         rect.y() - 1, fm.horizontalAdvance("0.000") + _PAD, fm.height()))
                painter.setPen(text)
                painter.drawText(ends, int(self._leading() | Qt.AlignmentFlag.AlignVCenter), figure(value))
        painter.end()

    def tip_at(self, point: QPointF) -> str:
        row = int((point.y() - QFontMetricsF(self.font()).height() * 2 - _PAD * 2) // self._row_height())
        if 0 <= row < len(self.bars) and point.y() >= 0:
            name, spans, exact, overlap = self.bars[row]
            return translate("AgreementCharts", "{label}: F1 exact {exact}, F1 overlap {overlap} ({spans} spans)").format(
                label=self._named(name), exact=figure(exact), overlap=figure(overlap), spans=spans)
        return ""


__all__ = ["ConfusionHeatMap", "LabelBars", "figure"]
