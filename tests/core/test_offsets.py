import pytest
from hypothesis import given

from annotator.core.offsets import Utf16Map
from tests.strategies import raw_texts


@given(raw_texts)
def test_round_trip_and_agreement_with_utf16_encoding(text):
    umap = Utf16Map(text)
    assert umap.length_u16 == len(text.encode("utf-16-le")) // 2
    for cp in range(len(text) + 1):
        u16 = umap.to_utf16(cp)
        assert u16 == len(text[:cp].encode("utf-16-le")) // 2
        assert umap.to_codepoint(u16) == cp


def test_emoji_counts_two_units():
    text = "😀 شويغو"
    umap = Utf16Map(text)
    assert umap.to_utf16(2) == 3
    assert umap.to_codepoint(3) == 2
    with pytest.raises(ValueError, match="splits a surrogate pair"):
        umap.to_codepoint(1)


def test_out_of_range():
    umap = Utf16Map("ab")
    with pytest.raises(ValueError):
        umap.to_codepoint(3)
    with pytest.raises(ValueError):
        umap.to_utf16(-1)
