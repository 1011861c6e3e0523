"""Whether spans of one layer may overlap, per the layer's `overlap` mode in the schema."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.model import Span


def conflicts(spans: Iterable[Span], mode: str) -> tuple[Span, Span] | None:
    """The first pair of spans (of one layer) that `mode` forbids, or None.

    none: no two spans share a character; nested: they may share only by one containing the
    other; any: anything goes. Identical spans with the same label are always a conflict.
    """
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    open_spans: list[Span] = []  # spans that may still overlap the next one, outermost first
    for span in ordered:
        open_spans = [s for s in open_spans if s.end > span.start]
        for other in open_spans:
            if other.start == span.start and other.end == span.end and other.label == span.label:
                return other, span
            if mode == "none":
                return other, span
            if mode == "nested" and span.end > other.end:
                return other, span
        open_spans.append(span)
    return None
