import doctest
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

import annotator.core.display as display
from annotator.core.display import FSI, PDI, neutralised

_REORDERING = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def test_rlo_in_a_title_is_shown_not_obeyed():
    shown = neutralised("تقرير\u202eexe.txt")
    assert shown == FSI + "تقرير⟦RLO⟧exe.txt" + PDI
    assert "\u202e" not in shown


def test_every_bidi_control_gets_its_name():
    for ch, name in [("\u202a", "LRE"), ("\u202b", "RLE"), ("\u202c", "PDF"), ("\u202d", "LRO"),
                     ("\u2066", "LRI"), ("\u2067", "RLI"), ("\u2068", "FSI"), ("\u2069", "PDI"),
                     ("\u200e", "LRM"), ("\u200f", "RLM"), ("\u061c", "ALM")]:
        assert neutralised(f"a{ch}b") == f"{FSI}a⟦{name}⟧b{PDI}"


def test_controls_become_visible_symbols():
    assert neutralised("PER\nSON") == FSI + "PER⏎SON" + PDI
    assert neutralised("a\r\nb") == FSI + "a⏎⏎b" + PDI
    assert neutralised("a\tb") == FSI + "a⇥b" + PDI
    assert neutralised("\x1b[2J\x00\x7f") == FSI + "␛[2J␀␡" + PDI
    assert neutralised("a\x85b\u2028c") == FSI + "a⏎b⏎c" + PDI
    assert neutralised("a\x9bb") == FSI + "a⟦U+009B⟧b" + PDI
    assert neutralised("\u206a") == FSI + "⟦U+206A⟧" + PDI


def test_ordinary_text_is_only_isolated():
    for text in ["PERSON", "الحرس الثوري", "بيونغ يانغ 2024", "👨\u200d👩\u200d👧", "لا\u200cأ", ""]:
        assert neutralised(text) == FSI + text + PDI


def test_limit_cuts_before_wrapping():
    assert neutralised("x" * 10, limit=4) == FSI + "xxxx…" + PDI
    assert neutralised("xx", limit=4) == FSI + "xx" + PDI


@given(st.text())
def test_no_reordering_or_control_character_survives(text):
    inner = neutralised(text)[1:-1]
    assert not (_REORDERING & set(inner))
    assert not any(unicodedata.category(ch) == "Cc" for ch in inner)
    assert "\u2028" not in inner and "\u2029" not in inner


def test_doctests():
    assert doctest.testmod(display).failed == 0
