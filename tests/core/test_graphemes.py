import doctest
import importlib.util

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import annotator.core.graphemes as graphemes
from annotator.core.graphemes import cluster_at, first_inside, is_boundary, snap_out, split_problem


def clusters(text: str) -> list[str]:
    out, start = [], 0
    for i in range(1, len(text) + 1):
        if is_boundary(text, i):
            out.append(text[start:i])
            start = i
    return out


SHADDA_FATHA = "\u0634\u062f\u0651\u064e\u0629"  # شدَّة: dal + shadda + fatha is one character
FLAGS = "\U0001F1F8\U0001F1E6\U0001F1EA\U0001F1EC"  # 🇸🇦🇪🇬
FAMILY = "\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466"  # 👨‍👩‍👧‍👦
THUMB_TONE = "\U0001F44D\U0001F3FD"  # 👍🏽
KEYCAP = "1\ufe0f\u20e3"  # 1️⃣
SCOTLAND = "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F"


@pytest.mark.parametrize(
    "text, expected",
    [
        (SHADDA_FATHA, ["\u0634", "\u062f\u0651\u064e", "\u0629"]),
        (FLAGS, [FLAGS[:2], FLAGS[2:]]),
        (FLAGS + FLAGS[:1], [FLAGS[:2], FLAGS[2:], FLAGS[:1]]),  # an odd one out stands alone
        (FAMILY + "x", [FAMILY, "x"]),
        (THUMB_TONE + "a", [THUMB_TONE, "a"]),
        (KEYCAP + "2", [KEYCAP, "2"]),
        (SCOTLAND + "z", [SCOTLAND, "z"]),
        ("한국", ["한", "국"]),  # precomposed syllables
        ("\u1100\u1161\u11a8\u1100", ["\u1100\u1161\u11a8", "\u1100"]),  # L V T | L
        ("\uac00\u11a8\uac01\u11a8", ["\uac00\u11a8", "\uac01\u11a8"]),  # LV T, LVT T
        ("a\r\nb", ["a", "\r\n", "b"]),
        ("\n\u0301", ["\n", "\u0301"]),  # a mark after a line break does not join it
        ("\u0600\u0661\u0662", ["\u0600\u0661", "\u0662"]),  # Arabic number sign prepends
        ("\u202eab", ["\u202e", "a", "b"]),  # a bidi control is its own cluster
        ("e\u0301\u200d", ["e\u0301\u200d"]),
        ("\u0915\u093f", ["\u0915\u093f"]),  # Devanagari ki: consonant + spacing vowel sign
        ("\u200d\U0001F469", ["\u200d", "\U0001F469"]),  # ZWJ without a pictograph before
    ],
)
def test_clusters(text, expected):
    assert clusters(text) == expected


def test_ends_and_outside_are_boundaries():
    assert is_boundary(SHADDA_FATHA, 0) and is_boundary(SHADDA_FATHA, len(SHADDA_FATHA))
    assert is_boundary("", 0)
    assert is_boundary("a", -3) and is_boundary("a", 9)


def test_snap_out_widens_to_whole_characters():
    assert snap_out(SHADDA_FATHA, 2, 3) == (1, 4)
    assert snap_out(SHADDA_FATHA, 1, 2) == (1, 4)  # the dal without its marks
    assert snap_out(FLAGS, 1, 3) == (0, 4)  # half of each flag
    assert snap_out(FAMILY, 3, 4) == (0, len(FAMILY))
    assert snap_out("ab", 0, 1) == (0, 1)  # already on boundaries: unchanged
    assert cluster_at(FAMILY + "x", 5) == (0, len(FAMILY))


def test_first_inside_and_reason():
    assert first_inside(SHADDA_FATHA, 0, 2) == 2
    assert first_inside(SHADDA_FATHA, 3, 5) == 3
    assert first_inside(SHADDA_FATHA, 1, 4) is None
    assert split_problem(FLAGS, 1, 4) == "starts inside a character (a letter and its marks, or one emoji)"
    assert split_problem(FLAGS, 0, 3).startswith("ends inside a character")
    assert split_problem(FLAGS, 0, 2) is None


def test_cost_is_local_not_the_text_length():
    # A boundary query in a 2M-character text looks at a few characters only.
    import time

    text = "\u0628\u0651" * 1_000_000
    t = time.perf_counter()
    for i in range(0, 20_000):
        is_boundary(text, i)
    assert time.perf_counter() - t < 1.0
    # one huge cluster (a letter and 200k marks) is walked once, linearly
    blob = "a" + "\u0301" * 200_000 + "b"
    t = time.perf_counter()
    assert snap_out(blob, 100_000, 100_001) == (0, 200_001)
    assert time.perf_counter() - t < 2.0


def test_doctests():
    assert doctest.testmod(graphemes).failed == 0


_ALPHABET = (list("ab \n\r") + list("\u0634\u062f\u0651\u064e\u0670\u0600")
             + ["\u200d", "\ufe0f", "\u20e3", "\U0001F3FD", "\U0001F468", "\U0001F469", "\U0001F1F8",
                "\U0001F1E6", "\u1100", "\u1161", "\u11a8", "\uac00", "\u202e", "\U000E0067"])
_TEXT = st.text(alphabet=st.sampled_from(_ALPHABET + ["\u0903"]), max_size=30)
# Where Qt 6.12 departs from UAX #29, checked by hand: it breaks before a spacing mark after a
# space or a letter of another script, reports a boundary inside a surrogate pair after a leading
# spacing mark, and does not pair regional indicators after an emoji ("👨🇦🇦"). So no U+0903 and
# no regional indicators in its comparison (the flag examples above are checked against UAX #29).
_QT_TEXT = st.text(alphabet=st.sampled_from([c for c in _ALPHABET if c not in "\U0001F1F8\U0001F1E6"]),
                   max_size=30)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(0, 30), st.integers(0, 30))
def test_snap_out_gives_boundaries_and_contains_the_selection(text, a, b):
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    s, e = snap_out(text, a, b)
    assert s <= a and b <= e
    assert is_boundary(text, s) and is_boundary(text, e)
    assert first_inside(text, s, e) is None
    # minimal: nothing between s and a (or b and e) is a boundary
    assert not any(is_boundary(text, k) for k in range(s + 1, a))
    assert not any(is_boundary(text, k) for k in range(b + 1, e))


@pytest.mark.skipif(importlib.util.find_spec("regex") is None, reason="the regex module is not installed")
@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_agrees_with_regex_X(text):
    import regex

    ours = clusters(text)
    theirs = regex.findall(r"\X", text)
    assert ours == theirs


def _naive_snap_out(text, start, end):
    while not is_boundary(text, start):
        start -= 1
    while not is_boundary(text, end):
        end += 1
    return start, end


_PIECES = st.sampled_from(["a", "\n", "\U0001F468", "\U0001F469", "\u200d", "\u0903", "\U0001F1F8", " ", "\u0600"])
_LONG_TEXT = st.lists(st.one_of(_PIECES, st.integers(1, 150).map(lambda n: "\u0301" * n)), max_size=8).map("".join)


@settings(max_examples=200, deadline=None)
@given(_LONG_TEXT, st.data())
def test_long_runs_of_marks_are_crossed_correctly(text, data):
    # Runs longer than a few dozen marks are skipped with a regex: the same answer as one step at a time.
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    assert snap_out(text, a, b) == _naive_snap_out(text, a, b)


@pytest.mark.parametrize("n", [3, 100, 5000])
def test_emoji_zwj_sequence_after_many_marks(n):
    marks = "\u0301" * n
    joined = "\U0001F468" + marks + "\u200d\U0001F469"
    assert clusters(joined + "b") == [joined, "b"]  # GB11: pictograph Extend* ZWJ × pictograph
    assert clusters("a" + marks + "\u200d\U0001F469") == ["a" + marks + "\u200d", "\U0001F469"]
    spaced = "\U0001F468" + marks + "\u0903\u200d\U0001F469"  # a spacing mark is not Extend
    assert clusters(spaced) == [spaced[:-1], "\U0001F469"]
    assert snap_out("\n" + marks + "x", n // 2, n // 2 + 1) == (1, n + 1)  # a control does not join


def _qt_boundaries(text: str) -> list[int]:
    """Cluster ends found by Qt's QTextBoundaryFinder (ICU-style UAX #29), in code points."""
    from PySide6.QtCore import QTextBoundaryFinder

    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Grapheme, text)
    to_cp, unit = {}, 0
    for i, ch in enumerate(text):
        to_cp[unit] = i
        unit += 2 if ord(ch) > 0xFFFF else 1
    to_cp[unit] = len(text)
    found, pos = [], finder.toNextBoundary()
    while pos != -1:
        found.append(to_cp[pos])
        pos = finder.toNextBoundary()
    return found


@settings(max_examples=500, deadline=None)
@given(_QT_TEXT)
def test_agrees_with_qt(text):
    # A second, independent implementation (only the test imports Qt; the module never does).
    # Qt tailors some mark sequences (see _QT_TEXT) and implements GB9c (Indic conjuncts): the
    # alphabet avoids both.
    pytest.importorskip("PySide6.QtCore")
    assert clusters(text) == [text[a:b] for a, b in zip([0, *_qt_boundaries(text)], _qt_boundaries(text))]
