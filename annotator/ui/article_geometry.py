"""Where the article's characters are on screen, as a mixin of DocumentView: hit-testing a
pointer, the rectangles of a range line by line, the blocks and offsets in view.

Everything here measures the laid-out lines of the lines on screen only (one word of 5 MB is
50,000 lines) and is bidi-safe: positions come from the glyph geometry, never from Qt's
cursor hit-test alone. Needs from the view: to_qt(), from_qt(), text() (`_text`) and the
QPlainTextEdit it is mixed into.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTextLine

_EDGES = (QTextLine.Edge.Leading, QTextLine.Edge.Trailing)
# Characters that start a left-to-right run inside Arabic text (Latin, digits, Greek, Cyrillic...).
_MIXED = re.compile(r"[0-9A-Za-z\u00c0-\u02af\u0370-\u052f\u0660-\u0669\u06f0-\u06f9\u2070-\u218f]")
MAX_SCREEN_SPAN = 4000  # a suggestion starting this far above the screen may still reach into it


class ArticleGeometry:
    # Qt's hit-test in right-to-left text maps a click anywhere on an initial Arabic letter to the
    # position after it (the ب of بيلوسوف gives 176, not 175). With clitics kept out of a span
    # that would cut a name's first letter, so mouse positions come from the glyph geometry:
    # the character under the pointer, and the side of it the pointer is on.

    def position_at(self, point: QPointF) -> int:
        """The document position (UTF-16) for a viewport point, by the character under it."""
        fallback = self.cursorForPosition(point.toPoint()).position()
        block = self.document().findBlock(fallback)
        if not block.isValid() or not block.isVisible():
            return fallback
        top_left = self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft()
        x, y = point.x() - top_left.x(), point.y() - top_left.y()
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if not line.y() <= y < line.y() + line.height():
                continue
            for p in range(line.textStart(), line.textStart() + line.textLength()):
                lead = line.cursorToX(p, QTextLine.Edge.Leading)[0]
                trail = line.cursorToX(p, QTextLine.Edge.Trailing)[0]
                if min(lead, trail) <= x < max(lead, trail):
                    before = abs(x - lead) <= abs(x - trail)  # nearer the side where it begins
                    return block.position() + (p if before else p + 1)
            break
        return fallback

    def range_rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles covering [start, end) line by line, for the lines on screen only
        (visual, so bidi-safe: every cursor position of the range is measured, not just the two
        ends). Off-screen lines are skipped: one word of 5 MB is 50,000 lines."""
        a, b = self.to_qt(start), self.to_qt(end)
        rects: list[QRectF] = []
        offset = self.contentOffset()
        height = self.viewport().height()
        block = self.document().findBlock(a)
        first_visible = self.firstVisibleBlock().blockNumber()
        if block.isValid() and block.blockNumber() < first_visible:
            block = self.firstVisibleBlock()  # blocks above the screen draw nothing
        while block.isValid() and block.position() < b:
            if block.isVisible():
                top_left = self.blockBoundingGeometry(block).translated(offset).topLeft()
                if top_left.y() > height:
                    break
                layout = block.layout()
                lo, hi = max(a - block.position(), 0), min(b - block.position(), block.length() - 1)
                if lo < hi and layout.lineCount():
                    for i in self._lines_on_screen(layout, top_left.y(), height, lo, hi):
                        line = layout.lineAt(i)
                        s = max(lo, line.textStart())
                        e = min(hi, line.textStart() + line.textLength())
                        if s < e:
                            rects.append(self.line_rect(line, block, s, e).translated(top_left))
            block = block.next()
        return rects

    @staticmethod
    def _lines_on_screen(layout, top: float, height: float, lo: int, hi: int) -> range:
        """Line numbers of a block's layout holding positions lo..hi that are on screen: lines
        are stacked downwards, so bisect on their y."""
        first = layout.lineForTextPosition(lo).lineNumber()
        last = layout.lineForTextPosition(max(lo, hi - 1)).lineNumber()
        if first < 0 or last < 0:
            first, last = 0, layout.lineCount() - 1
        low, high = first, last + 1
        while low < high:  # the first line whose bottom is below the top of the viewport
            mid = (low + high) // 2
            line = layout.lineAt(mid)
            if top + line.y() + line.height() < 0:
                low = mid + 1
            else:
                high = mid
        stop = low
        while stop <= last and top + layout.lineAt(stop).y() <= height:
            stop += 1
        return range(low, stop)

    def line_rect(self, line: QTextLine, block, s: int, e: int) -> QRectF:
        # Both edges of every character where directions mix (Latin, digits): at a bidi run
        # boundary the position between two characters has two x positions. A single-direction
        # piece is contiguous: its two ends are enough.
        try:
            piece = self._text[self.from_qt(block.position() + s):self.from_qt(block.position() + e)]
        except ValueError:  # a line edge inside a surrogate pair: measure every position
            piece = "0"
        points = range(s, e) if _MIXED.search(piece) else (s, e - 1)
        xs = [line.cursorToX(p, edge)[0] for p in points for edge in _EDGES]
        return QRectF(min(xs), line.y(), max(xs) - min(xs), line.height())

    def _visible_blocks(self) -> set[int]:
        """Block numbers from the first visible one down to two screens below it."""
        block = self.firstVisibleBlock()
        limit = self.viewport().height() * 2 + 1
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        numbers: set[int] = set()
        while block.isValid() and top <= limit:
            numbers.add(block.blockNumber())
            top += self.blockBoundingRect(block).height()
            block = block.next()
        return numbers

    def _visible_range(self) -> tuple[int, int]:
        """Code-point offsets of the first and last characters on screen (roughly)."""
        top = self.cursorForPosition(self.viewport().rect().topLeft()).position()
        bottom = self.cursorForPosition(self.viewport().rect().bottomRight()).position()
        block = self.document().findBlock(bottom)
        end = block.position() + block.length() - 1 if block.isValid() else bottom
        start = self.firstVisibleBlock().position()
        return self.from_qt(min(start, top)), self.from_qt(max(end, bottom))

    def _on_screen(self, items) -> list:
        """The items (sorted by start) that touch the visible part of the text."""
        first, last = self._visible_range()
        starts = [item.start for item in items]
        return [item for item in items[bisect_left(starts, first - MAX_SCREEN_SPAN):bisect_right(starts, last)]
                if item.end >= first]

    def char_point(self, offset: int, fraction: float = 0.5) -> QPointF:
        """The viewport point `fraction` of the way across the character at code point `offset`,
        from the edge where it begins (its right edge in right-to-left text): for tests and tools."""
        position = self.to_qt(offset)
        block = self.document().findBlock(position)
        top_left = self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft()
        line = block.layout().lineForTextPosition(position - block.position())
        lead = line.cursorToX(position - block.position(), QTextLine.Edge.Leading)[0]
        trail = line.cursorToX(position - block.position(), QTextLine.Edge.Trailing)[0]
        return QPointF(top_left.x() + lead + fraction * (trail - lead), top_left.y() + line.y() + line.height() / 2)


__all__ = ["MAX_SCREEN_SPAN", "ArticleGeometry"]
