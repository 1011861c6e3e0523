from hypothesis import given
from hypothesis import strategies as st

from annotator.core.model import Span
from annotator.core.span_index import SpanIndex


def make(i, start, end, layer="entity"):
    return Span(f"s{i}", start, end, "x" * (end - start), layer, "L")


ranges = st.lists(st.tuples(st.integers(0, 200), st.integers(1, 60)), max_size=40)


@given(ranges, st.integers(0, 260), st.integers(0, 60))
def test_overlapping_agrees_with_a_scan(pairs, start, length):
    spans = [make(i, s, s + n) for i, (s, n) in enumerate(pairs)]
    index = SpanIndex(spans)
    end = start + length
    expected = {s.id for s in spans if s.start < max(end, start + 1) and s.end > start}
    assert {s.id for s in index.overlapping(start, end)} == expected


@given(ranges)
def test_add_remove_keep_order(pairs):
    index = SpanIndex()
    spans = [make(i, s, s + n) for i, (s, n) in enumerate(pairs)]
    for span in spans:
        index.add(span)
    for span in spans[::2]:
        assert index.remove(span.id) is span
    kept = sorted(spans[1::2], key=Span.sort_key)
    assert list(index) == kept and len(index) == len(kept)


def test_at_gives_innermost_first():
    outer, inner = make(1, 0, 10, "claim"), make(2, 3, 5)
    index = SpanIndex([outer, inner])
    assert index.at(4) == [inner, outer]
    assert index.at(7) == [outer]
    assert index.at(10) == []
