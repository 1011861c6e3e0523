"""Span colours painted by the view, for blocks that carry no character formats (issue 8).

A format change makes Qt lay out its whole block again: on a 5 MB word that is seconds per
label key. For such "painted" blocks (SpanHighlighter.is_painted) the view draws the same
segments itself, for the lines on screen only, so adding a span is a repaint of its rectangles.

The fills go under the text, before QPlainTextEdit paints the glyphs (the viewport's base colour
is filled by the widget before paintEvent, and QPlainTextEdit paints no background of its own),
so letters stay as crisp as over a format's background; the claim underlines go over the text,
as Qt draws a format's underline after the glyphs.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass
from operator import itemgetter
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

if TYPE_CHECKING:
    from annotator.ui.document_view import DocumentView

_SEG_END = itemgetter(1)


@dataclass(slots=True)
class Piece:
    """One segment's part on one screen line, in viewport coordinates."""

    rect: QRectF
    baseline: float
    fill: QColor | None
    underline: QColor | None


def visible_pieces(view: DocumentView, area: QRectF) -> list[Piece]:
    """The pieces of every painted block's segments on the lines that meet `area`."""
    highlighter = view.highlighter
    painted = highlighter.painted_blocks()
    if not painted:
        return []
    pieces: list[Piece] = []
    offset = view.contentOffset()
    block = view.firstVisibleBlock()
    while block.isValid():
        top_left = view.blockBoundingGeometry(block).translated(offset).topLeft()
        if top_left.y() > area.bottom():
            break
        number = block.blockNumber()
        if number in painted and block.isVisible():
            segments = highlighter.segments(number)
            if segments:
                pieces.extend(_block_pieces(view, block, top_left, segments, area))
        block = block.next()
    return pieces


def _block_pieces(view: DocumentView, block, top_left, segments: list[tuple], area: QRectF) -> list[Piece]:
    layout = block.layout()
    count = layout.lineCount()
    top = top_left.y()
    low, high = 0, count
    while low < high:  # the first line whose bottom reaches the area: lines stack downwards
        mid = (low + high) // 2
        line = layout.lineAt(mid)
        if top + line.y() + line.height() < area.top():
            low = mid + 1
        else:
            high = mid
    pieces = []
    colors = view.highlighter.colors
    position = block.position()
    for i in range(low, count):
        line = layout.lineAt(i)
        if top + line.y() > area.bottom():
            break
        first = _codepoint(view, position + line.textStart())
        last = _codepoint(view, position + line.textStart() + line.textLength())
        j = bisect_right(segments, first, key=_SEG_END)  # the first segment ending after `first`
        baseline = top + line.y() + line.ascent()
        while j < len(segments) and segments[j][0] < last:
            start, end, background, underline = segments[j]
            s, e = view.to_qt(max(start, first)) - position, view.to_qt(min(end, last)) - position
            if s < e:
                fill, line_color = colors(background, underline)
                rect = view.line_rect(line, block, s, e).translated(top_left)
                pieces.append(Piece(rect, baseline, fill, line_color))
            j += 1
    return pieces


def _codepoint(view: DocumentView, position: int) -> int:
    """A line edge as a code point; should Qt ever break a line inside a surrogate pair, the
    edge after the pair (a paint must never raise)."""
    try:
        return view.from_qt(position)
    except ValueError:
        return view.from_qt(position + 1)


def paint_fills(painter: QPainter, pieces: list[Piece]) -> None:
    for piece in pieces:
        if piece.fill is not None:
            painter.fillRect(piece.rect, piece.fill)


def paint_underlines(painter: QPainter, pieces: list[Piece], metrics: QFontMetricsF) -> None:
    """Underlines where Qt draws a format's: the font's underline position below the baseline,
    rounded up to a pixel centre as QPainter rounds it, the font's line thickness."""
    below, width = math.ceil(metrics.underlinePos()) + 0.5, max(1.0, metrics.lineWidth())
    for piece in pieces:
        if piece.underline is not None:
            pen = QPen(piece.underline)
            pen.setWidthF(width)
            painter.setPen(pen)
            y = piece.baseline + below
            painter.drawLine(QLineF(piece.rect.left(), y, piece.rect.right(), y))
