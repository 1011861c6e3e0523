"""The spans of one open document, kept sorted for position lookups (highlighting, clicks,
overlap checks) without scanning thousands of spans on every keystroke."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Collection, Iterable, Iterator

from annotator.core.model import Span


class SpanIndex:
    def __init__(self, spans: Iterable[Span] = ()):
        self._by_id: dict[str, Span] = {}
        self._keys: list[tuple] = []  # Span.sort_key() of every span, sorted
        self._max_len = 0  # the longest span bounds how far back an overlapping span can start
        for span in spans:
            self._by_id[span.id] = span
            self._max_len = max(self._max_len, span.end - span.start)
        self._keys = sorted(s.sort_key() for s in self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, span_id: str) -> bool:
        return span_id in self._by_id

    def __iter__(self) -> Iterator[Span]:
        return (self._by_id[key[-1]] for key in self._keys)

    def get(self, span_id: str) -> Span | None:
        return self._by_id.get(span_id)

    def add(self, span: Span) -> None:
        if span.id in self._by_id:
            self.remove(span.id)
        self._by_id[span.id] = span
        insort(self._keys, span.sort_key())
        self._max_len = max(self._max_len, span.end - span.start)

    def remove(self, span_id: str) -> Span | None:
        span = self._by_id.pop(span_id, None)
        if span is not None:
            key = span.sort_key()
            del self._keys[bisect_left(self._keys, key)]
        return span

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans sharing at least one character with [start, end), or containing an empty range
        at `start` when start == end (a click position)."""
        lo = bisect_left(self._keys, (start - self._max_len,))
        hi = bisect_right(self._keys, (max(end, start + 1),))
        found = []
        for key in self._keys[lo:hi]:
            s_start, neg_end = key[0], key[1]
            s_end = -neg_end
            if s_start < max(end, start + 1) and s_end > start:
                found.append(self._by_id[key[-1]])
        return found

    def at(self, pos: int, prefer: Collection[str] = ()) -> list[Span]:
        """Spans covering the character at `pos`, innermost (shortest) first; of spans as long,
        those of the layers named in `prefer` (the schema's entity layers, say) come first.
        The index holds no schema, so the caller names the layers rather than this guessing."""
        return sorted(self.overlapping(pos, pos), key=lambda s: (s.end - s.start, s.layer not in prefer))
