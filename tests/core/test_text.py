import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.text import OffsetShift, TextError, canonicalise, content_hash
from tests.strategies import raw_texts


def test_line_breaks_and_bom():
    assert canonicalise("\ufeffأ\r\nب\rج\u2028د\u2029هـ\n") == "أ\nب\nج\nد\nهـ\n"


def test_nothing_else_changes():
    text = "  مُحَمَّد ـــ أحمد\u200f 😀 e\u0301 \t ١٢٣  "
    assert canonicalise(text) == text  # no NFC, no tashkeel stripping, no trimming


def test_only_a_leading_bom_is_stripped():
    assert canonicalise("a\ufeffb") == "a\ufeffb"


@pytest.mark.parametrize(
    "text, reason, line",
    [
        ("ok\nbad\x00", "NUL byte (U+0000)", 2),
        ("a\n\nb\ud800", "lone surrogate U+D800", 3),
        ("x\ufffe", "non-character U+FFFE", 1),
        ("x\ufdd0", "non-character U+FDD0", 1),
        ("x\U0001ffff", "non-character U+1FFFF", 1),
        (" \n\t ", "empty text", None),
    ],
)
def test_rejections_name_the_line(text, reason, line):
    with pytest.raises(TextError) as info:
        canonicalise(text)
    assert info.value.reason == reason
    assert info.value.line == line


@given(raw_texts)
def test_canonical_is_idempotent_and_has_only_lf(raw):
    text = canonicalise(raw)
    assert "\r" not in text and "\u2028" not in text and "\u2029" not in text
    assert canonicalise(text) == text


@given(raw_texts, st.data())
def test_offset_shift_maps_raw_spans_onto_canonical_text(raw, data):
    text = canonicalise(raw)
    shift = OffsetShift.of(raw)
    # offsets that do not fall between the CR and LF of a CRLF
    cuts = [i for i in range(len(raw) + 1) if not (0 < i < len(raw) and raw[i - 1] == "\r" and raw[i] == "\n")]
    start = data.draw(st.sampled_from(cuts))
    end = data.draw(st.sampled_from([c for c in cuts if c >= start]))
    piece = raw[start:end]
    if start == 0 and piece.startswith("\ufeff"):
        piece = piece[1:]
    assert text[shift(start) : shift(end)] == re.sub("\r\n|[\r\u2028\u2029]", "\n", piece)


def test_content_hash_is_of_the_text():
    assert content_hash("a") == content_hash("a") != content_hash("b")
