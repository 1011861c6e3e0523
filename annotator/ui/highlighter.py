"""Span highlighting: a QSyntaxHighlighter that looks spans up per block.

Entities get a coloured background, claims a coloured underline over a faint band of their
colour, so an entity inside a claim shows as both. Only colours and underlines change: never
the font, which would break the joining of Arabic letters inside a word.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.core.model import Span
from annotator.core.offsets import Utf16Map
from annotator.core.schema import Schema

CLAIM_BAND_ALPHA = 46  # the faint background that shows a claim's extent


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, schema: Schema):
        super().__init__(document)
        self._colors = {label.name: QColor(label.color) for label in schema.labels()}
        self._background_layers = {schema.layers[0].name} if schema.layers else set()
        self._formats: dict[tuple, QTextCharFormat] = {}
        self._text = ""
        self._u16 = Utf16Map("")
        self._line_starts: list[int] = [0]  # code-point offset where each block begins
        self._blocks: dict[int, list[Span]] = {}

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

    def block_of(self, offset: int) -> int:
        return bisect_right(self._line_starts, offset) - 1

    def add_spans(self, spans: Iterable[Span]) -> set[int]:
        touched: set[int] = set()
        starts, blocks = self._line_starts, self._blocks
        for span in spans:
            first = bisect_right(starts, span.start) - 1
            # Most spans sit inside one paragraph: check that before searching for the last block.
            if first + 1 >= len(starts) or span.end <= starts[first + 1]:
                blocks.setdefault(first, []).append(span)
                touched.add(first)
                continue
            for number in range(first, bisect_right(starts, span.end - 1)):
                blocks.setdefault(number, []).append(span)
                touched.add(number)
        return touched

    def remove_spans(self, spans: Iterable[Span]) -> set[int]:
        """Forget spans, looking only at the blocks they cover; returns those blocks."""
        touched: set[int] = set()
        for span in spans:
            for number in range(self.block_of(span.start), self.block_of(max(span.start, span.end - 1)) + 1):
                kept = [s for s in self._blocks.get(number, ()) if s.id != span.id]
                if number in self._blocks and len(kept) != len(self._blocks[number]):
                    touched.add(number)
                    if kept:
                        self._blocks[number] = kept
                    else:
                        del self._blocks[number]
        return touched

    def rehighlight_blocks(self, numbers: Iterable[int]) -> None:
        doc = self.document()
        for number in sorted(numbers):
            block = doc.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    # -- formatting ---------------------------------------------------------------------

    def _format(self, background: str | None, underline: str | None) -> QTextCharFormat:
        key = (background, underline)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            if underline is not None:
                color = self._colors.get(underline, QColor("#888888"))
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(color)
                band = QColor(color)
                band.setAlpha(CLAIM_BAND_ALPHA)
                fmt.setBackground(band)
            if background is not None:
                fmt.setBackground(self._colors.get(background, QColor("#dddddd")))
            self._formats[key] = fmt
        return fmt

    def highlightBlock(self, _text: str) -> None:  # noqa: N802 (Qt's name)
        block = self.currentBlock()
        spans = self._blocks.get(block.blockNumber())
        if not spans:
            return
        number = block.blockNumber()
        block_start = self._line_starts[number]
        block_end = self._line_starts[number + 1] - 1 if number + 1 < len(self._line_starts) else len(self._text)
        cuts = {block_start, block_end}
        for span in spans:
            cuts.add(min(max(span.start, block_start), block_end))
            cuts.add(min(max(span.end, block_start), block_end))
        edges = sorted(cuts)
        to_u16 = self._u16.to_utf16
        base = to_u16(block_start)
        for left, right in zip(edges, edges[1:]):
            background = underline = None
            best_bg = best_ul = None
            for span in spans:
                if span.start <= left and span.end >= right:
                    length = span.end - span.start
                    if span.layer in self._background_layers:
                        if best_bg is None or length < best_bg:  # the innermost entity wins
                            best_bg, background = length, span.label
                    elif best_ul is None or length < best_ul:
                        best_ul, underline = length, span.label
            if background or underline:
                start16 = to_u16(left)
                self.setFormat(start16 - base, to_u16(right) - start16, self._format(background, underline))
