"""Span highlighting: a QSyntaxHighlighter that looks spans up per block.

Entities get a coloured background, claims a coloured underline over a faint band of their
colour, so an entity inside a claim shows as both. Only colours and underlines change: never
the font, which would break the joining of Arabic letters inside a word.

Cost (issue 8): each block keeps its spans sorted by start and a cache of its format segments,
computed by one sweep over span boundaries (span_segments.py: O(k log k) for k spans in the
block). Adding or removing a span re-sweeps only the range that span covers and splices the
result into the cache, so a key press in a paragraph of 10,000 spans touches a handful of
spans in Python.

Painted blocks: any format change makes Qt lay out its whole block again, and rehighlighting a
block costs Qt O(block length) even when nothing changes, which freezes the window on a 5 MB
word or a paragraph of 10,000 spans. Blocks longer than PAINTED_BLOCK_CHARS (or holding more
than PAINTED_BLOCK_SPANS spans) therefore get no formats at all: the view paints their colours
for the lines on screen (annotator/ui/span_painter.py), from the same segments and colours.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable
from operator import attrgetter, itemgetter

from PySide6.QtGui import QColor, QGuiApplication, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.core.model import Span
from annotator.core.offsets import Utf16Map
from annotator.core.schema import Schema
from annotator.ui import theme
from annotator.ui.span_segments import sweep

CLAIM_BAND_ALPHA = 46  # the faint background that shows a claim's extent
# A block this long is painted, not formatted: a format change re-lays out its block at about
# 0.6 µs a character (bench/freeze.py: 2.9 s per key on a 5 MB word), so 20,000 characters are
# ~12 ms, about the most a key press should spend there.
PAINTED_BLOCK_CHARS = 20_000
# Every format range is a shaping item for Qt, so many spans in a shorter block also make its
# relayout slow; past this many a block switches to painting (once: it never switches back,
# so adding and removing one span at the threshold does not flip it to and fro).
PAINTED_BLOCK_SPANS = 1_000

_START = attrgetter("start")
_SEG_START, _SEG_END = itemgetter(0), itemgetter(1)


class _Block:
    """The spans of one block, sorted by start, and its format segments once computed:
    (start, end, background label, underline label), code points, disjoint, sorted."""

    __slots__ = ("spans", "max_len", "segments")

    def __init__(self):
        self.spans: list[Span] = []
        self.max_len = 0  # an upper bound: how far before a position a covering span can start
        self.segments: list[tuple] | None = None


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, schema: Schema):
        super().__init__(document)
        self._schema = schema
        self._background_layers = {layer.name for layer in schema.background_layers()}
        self._formats: dict[tuple, QTextCharFormat] = {}
        self._fills: dict[str, QColor] = {}
        self._lines: dict[str, QColor] = {}
        self._set_palette_colors()
        self._text = ""
        self._u16 = Utf16Map("")
        self._line_starts: list[int] = [0]  # code-point offset where each block begins
        self._blocks: dict[int, _Block] = {}
        self._painted: set[int] = set()  # blocks whose colours the view paints (no formats)
        self._formatted: set[int] = set()  # blocks that were given formats by highlightBlock
        # Work counters, read by tests and bench/freeze.py: blocks Qt asked us to format, and
        # spans fed to a sweep (what a per-block lookup costs).
        self.blocks_highlighted = 0
        self.spans_swept = 0

    # -- the span index per block -------------------------------------------------------

    def set_text(self, text: str, u16: Utf16Map) -> None:
        """Must be called before the document is filled; spans are added afterwards, so the
        pass Qt makes over every block while filling costs almost nothing."""
        self._text = text
        self._u16 = u16
        starts = [0]
        pos = text.find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        self._line_starts = starts
        self._blocks = {}
        self._formatted = set()
        ends = starts[1:] + [len(text) + 1]
        self._painted = {n for n, (a, b) in enumerate(zip(starts, ends)) if b - a > PAINTED_BLOCK_CHARS}

    def is_painted(self, number: int) -> bool:
        """Whether the view paints this block's spans (it has no formats)."""
        return number in self._painted

    def painted_blocks(self) -> set[int]:
        return self._painted

    def block_of(self, offset: int) -> int:
        return bisect_right(self._line_starts, offset) - 1

    def block_range(self, number: int) -> tuple[int, int]:
        """Code-point start and end (before its newline) of a block."""
        starts = self._line_starts
        end = starts[number + 1] - 1 if number + 1 < len(starts) else len(self._text)
        return starts[number], end

    def blocks_of(self, span: Span) -> range:
        first = self.block_of(span.start)
        return range(first, max(first, self.block_of(max(span.start, span.end - 1))) + 1)

    def add_spans(self, spans: Iterable[Span]) -> set[int]:
        """Index spans in the blocks they cover; returns those blocks. Spans usually arrive in
        text order, many to a block: the block found for one is kept for the next while they
        fit in it (a million spans: half the indexing time was the per-span search)."""
        touched: set[int] = set()
        starts, blocks = self._line_starts, self._blocks
        n_blocks = len(starts)
        lo = hi = -1  # the current block's start, and where the next block begins
        entry = spans_here = None
        for span in spans:
            start, end = span.start, span.end
            if not lo <= start < hi or end > hi:
                first = bisect_right(starts, start) - 1
                lo, hi = starts[first], starts[first + 1] if first + 1 < n_blocks else self._END
                if end > hi:  # a span across paragraphs: the general path, block by block
                    for number in range(first, bisect_right(starts, end - 1)):
                        self._add_to(number, span)
                        touched.add(number)
                    lo = hi = -1
                    continue
                entry = blocks.get(first)
                if entry is None:
                    entry = blocks[first] = _Block()
                spans_here, number = entry.spans, first
                touched.add(number)
            if not spans_here or spans_here[-1].start <= start:
                spans_here.append(span)
            else:
                insort(spans_here, span, key=_START)
            if end - start > entry.max_len:
                entry.max_len = end - start
            if entry.segments is not None:
                self._resweep(number, entry, start, end)
            if len(spans_here) > PAINTED_BLOCK_SPANS:
                self._painted.add(number)  # its formats are cleared by its next rehighlight
        return touched

    _END = float("inf")  # where the block after the last one would begin

    def _add_to(self, number: int, span: Span) -> None:
        entry = self._blocks.get(number)
        if entry is None:
            entry = self._blocks[number] = _Block()
        if not entry.spans or entry.spans[-1].start <= span.start:
            entry.spans.append(span)
        else:
            insort(entry.spans, span, key=_START)
        entry.max_len = max(entry.max_len, span.end - span.start)
        if entry.segments is not None:
            self._resweep(number, entry, span.start, span.end)
        if len(entry.spans) > PAINTED_BLOCK_SPANS:
            self._painted.add(number)

    def remove_spans(self, spans: Iterable[Span]) -> set[int]:
        """Forget spans, looking only at the blocks they cover; returns those blocks."""
        touched: set[int] = set()
        for span in spans:
            for number in self.blocks_of(span):
                entry = self._blocks.get(number)
                if entry is None:
                    continue
                spans_here = entry.spans
                i = bisect_left(spans_here, span.start, key=_START)
                while i < len(spans_here) and spans_here[i].start == span.start and spans_here[i].id != span.id:
                    i += 1
                if i == len(spans_here) or spans_here[i].id != span.id:
                    continue
                del spans_here[i]
                touched.add(number)
                if not spans_here:
                    del self._blocks[number]
                elif entry.segments is not None:
                    self._resweep(number, entry, span.start, span.end)
        return touched

    def spans_in_block(self, number: int) -> list[Span]:
        entry = self._blocks.get(number)
        return list(entry.spans) if entry else []

    def spans_at(self, offset: int) -> list[Span]:
        """Spans covering the character at `offset` (a bisect in its block)."""
        entry = self._blocks.get(self.block_of(offset))
        if entry is None:
            return []
        spans_here = entry.spans
        lo = bisect_left(spans_here, offset - entry.max_len + 1, key=_START)
        hi = bisect_right(spans_here, offset, key=_START)
        return [s for s in spans_here[lo:hi] if s.end > offset]

    def rehighlight_blocks(self, numbers: Iterable[int]) -> None:
        """Let Qt re-format these blocks, skipping painted ones: rehighlighting a block costs Qt
        O(its length) even when no format changes. A painted block that still has formats (it
        just crossed PAINTED_BLOCK_SPANS) is rehighlighted once, which clears them."""
        doc = self.document()
        for number in sorted(numbers):
            if number in self._painted and number not in self._formatted:
                continue
            block = doc.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    # -- formatting ---------------------------------------------------------------------

    def _set_palette_colors(self) -> None:
        """Each label's fill and underline made legible in the application's palette (theme.py):
        the schema's pastels as they are in the light theme, darkened for light text."""
        palette = QGuiApplication.palette()
        self._fills = {label.name: theme.fill_color(label.color, palette) for label in self._schema.labels()}
        self._lines = {label.name: theme.line_color(label.color, palette) for label in self._schema.labels()}
        self._default_fill = theme.fill_color("#dddddd", palette)  # a label the schema lost
        self._default_line = theme.line_color("#888888", palette)
        self._formats.clear()

    def recolor(self) -> None:
        """After a theme switch: new colours for every format (one pass over the document)."""
        self._set_palette_colors()
        self.rehighlight()

    def colors(self, background: str | None, underline: str | None) -> tuple[QColor | None, QColor | None]:
        """The fill and the underline colour of a segment: the innermost entity's colour, else a
        faint band of the claim's; the claim's colour underlines. Formats and painting share it."""
        line = fill = None
        if underline is not None:
            line = self._lines.get(underline, self._default_line)
            fill = QColor(line)
            fill.setAlpha(CLAIM_BAND_ALPHA)
        if background is not None:
            fill = self._fills.get(background, self._default_fill)
        return fill, line

    def _format(self, background: str | None, underline: str | None) -> QTextCharFormat:
        key = (background, underline)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            fill, line = self.colors(background, underline)
            if line is not None:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(line)
            if fill is not None:
                fmt.setBackground(fill)
            self._formats[key] = fmt
        return fmt

    def _sweep(self, spans: list[Span], lo: int, hi: int) -> list[tuple]:
        """Format segments of [lo, hi) from the spans given (span_segments.sweep), counted."""
        self.spans_swept += len(spans)
        return sweep(spans, lo, hi, self._background_layers)

    def _resweep(self, number: int, entry: _Block, start: int, end: int) -> None:
        """Recompute the cached segments of one block where [start, end) lies, from the spans
        that reach into it only."""
        block_start, block_end = self.block_range(number)
        lo, hi = max(start, block_start), min(end, block_end)
        if lo >= hi:
            return
        spans_here = entry.spans
        first = bisect_left(spans_here, lo - entry.max_len + 1, key=_START)
        last = bisect_left(spans_here, hi, key=_START)
        near = [s for s in spans_here[first:last] if s.end > lo]
        fresh = self._sweep(near, lo, hi)
        segments = entry.segments
        i = bisect_right(segments, lo, key=_SEG_END)  # the first segment ending after lo
        j = bisect_left(segments, hi, key=_SEG_START)  # segments from j on start at or after hi
        pieces = []
        if i < j and segments[i][0] < lo:
            pieces.append((segments[i][0], lo, *segments[i][2:]))
        pieces.extend(fresh)
        if i < j and segments[j - 1][1] > hi:
            pieces.append((hi, segments[j - 1][1], *segments[j - 1][2:]))
        segments[i:j] = pieces

    def segments(self, number: int) -> list[tuple]:
        """The format segments of a block: (start, end, background label, underline label)."""
        entry = self._blocks.get(number)
        if entry is None:
            return []
        if entry.segments is None:
            entry.segments = self._sweep(entry.spans, *self.block_range(number))
        return entry.segments

    def highlightBlock(self, _text: str) -> None:  # noqa: N802 (Qt's name)
        number = self.currentBlock().blockNumber()
        # Setting no format leaves (or makes) the block without formats: Qt then keeps its layout.
        if number not in self._blocks or number in self._painted:
            self._formatted.discard(number)
            return
        self.blocks_highlighted += 1
        self._formatted.add(number)
        segments = self.segments(number)
        # Formats looked up inline: this loop runs once per segment of every block (a million).
        made, make, set_format = self._formats, self._format, self.setFormat
        if self._u16.identity:  # no astral characters: code points are UTF-16 units
            base = self._line_starts[number]
            for left, right, background, underline in segments:
                fmt = made.get((background, underline))
                set_format(left - base, right - left, make(background, underline) if fmt is None else fmt)
            return
        to_u16 = self._u16.to_utf16
        base = to_u16(self._line_starts[number])
        for left, right, background, underline in segments:
            start16 = to_u16(left)
            fmt = made.get((background, underline))
            set_format(start16 - base, to_u16(right) - start16, make(background, underline) if fmt is None else fmt)
