"""The format segments of a block's spans: where the colours change, and which label gives the
background and which the underline (Qt-free; the highlighter formats or paints them).

A segment is (start, end, background label, underline label), code points, disjoint, sorted.
At every boundary the innermost (shortest) covering span of a background layer gives the
background and the innermost other span the underline, so an entity inside a claim shows as
both.
"""

from __future__ import annotations

import heapq
from operator import itemgetter

from annotator.core.model import Span

_SEG_START, _SEG_END = itemgetter(0), itemgetter(1)


def sweep(spans: list[Span], lo: int, hi: int, background_layers: set[str]) -> list[tuple]:
    """Format segments of [lo, hi) from the spans given: at every boundary the innermost
    (shortest) covering entity gives the background and the innermost other span the
    underline; two heaps with lazy deletion make it O(k log k)."""
    disjoint = disjoint_segments(spans, lo, hi, background_layers)
    if disjoint is not None:
        return disjoint
    opened = []
    for seq, span in enumerate(spans):
        a, b = max(span.start, lo), min(span.end, hi)
        if a < b:
            opened.append((a, b, span.end - span.start, seq, span.label, span.layer in background_layers))
    if not opened:
        return []
    opened.sort()
    cuts = sorted({lo, hi, *map(_SEG_START, opened), *map(_SEG_END, opened)})
    heaps: tuple[list, list] = ([], [])  # (length, seq, label, end): underline, background
    segments: list[tuple] = []
    i, n = 0, len(opened)
    for left, right in zip(cuts, cuts[1:]):
        while i < n and opened[i][0] == left:
            a, b, length, seq, label, is_bg = opened[i]
            heapq.heappush(heaps[is_bg], (length, seq, label, b))
            i += 1
        labels = []
        for heap in heaps:
            while heap and heap[0][3] <= left:
                heapq.heappop(heap)
            labels.append(heap[0][2] if heap else None)
        underline, background = labels
        if background is None and underline is None:
            continue
        if segments and segments[-1][1] == left and segments[-1][2:] == (background, underline):
            segments[-1] = (segments[-1][0], right, background, underline)
        else:
            segments.append((left, right, background, underline))
    return segments


def disjoint_segments(spans: list[Span], lo: int, hi: int, background_layers: set[str]) -> list[tuple] | None:
    """The common case, spans (sorted by start) that do not overlap: each is its own
    segment, found in one pass without heaps (the sweep was 60% of the Python time while a
    million spans were highlighted). None as soon as two overlap: the sweep decides."""
    segments: list[tuple] = []
    reached = lo
    for span in spans:
        a = span.start if span.start > lo else lo
        b = span.end if span.end < hi else hi
        if a >= b:
            continue
        if a < reached:
            return None
        labels = (span.label, None) if span.layer in background_layers else (None, span.label)
        if segments and segments[-1][1] == a and segments[-1][2:] == labels:
            segments[-1] = (segments[-1][0], b, *labels)  # merged as the sweep merges them
        else:
            segments.append((a, b, *labels))
        reached = b
    return segments


__all__ = ["disjoint_segments", "sweep"]
