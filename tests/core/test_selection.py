import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.graphemes import first_inside, snap_out
from annotator.core.selection import snap, word_at
from annotator.core.tokenize import is_blank, tokenize
from tests.strategies import raw_texts

SEEDS = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))}
ALL_SEEDS = "\n".join(SEEDS.values())


def pick(text: str, phrase: str, lo: int = 0, hi: int | None = None, nth: int = 0) -> tuple[int, int]:
    """Offsets of phrase[lo:hi] inside the nth occurrence of `phrase` in `text`."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(phrase, at + 1)
    hi = len(phrase) if hi is None else hi
    return at + lo, at + (hi if hi >= 0 else len(phrase) + hi)


def snapped(text: str, start: int, end: int, **kw) -> str | None:
    r = snap(text, start, end, **kw)
    return None if r is None else text[r[0] : r[1]]


def sel(text: str, phrase: str, lo: int = 0, hi: int | None = None, **kw) -> str | None:
    return snapped(text, *pick(text, phrase, lo, hi), **kw)


# --- clitics -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "seed, phrase, expected",
    [
        ("003", "روسيا وكوريا الشمالية", "كوريا"),  # و + كوريا
        ("004", "لكوريا الشمالية وروسيا", "روسيا"),  # و + روسيا
        ("004", "لكوريا الشمالية وروسيا", "وروسيا"),  # the whole word stays whole
        ("004", "الرئيس الروسي لكوريا", "كوريا"),  # ل + كوريا
        ("002", "زيادة دعمها لروسيا", "روسيا"),
        ("004", "التقى كيم ببوتين", "بوتين"),  # ب + بوتين
        ("004", "تتهم بيونغ يانغ وموسكو", "موسكو"),
        ("002", "لافروف والزعيم", "الزعيم"),  # و + ال + زعيم: the article stays in
        ("002", "لافروف والزعيم", "زعيم"),  # و + ال: the analyst left the article out
        ("004", "فإن الرئيس", "رئيس"),  # ال
    ],
)
def test_clitic_prefix_stays_out(seed, phrase, expected):
    text = SEEDS[seed]
    at, _ = pick(text, phrase)
    start = at + phrase.rindex(expected)
    end = start + len(expected)
    assert text[start:end] == expected
    assert snap(text, start, end) == (start, end)


@pytest.mark.parametrize(
    "word, stem",
    [
        ("وروسيا", "روسيا"),
        ("بموسكو", "موسكو"),
        ("والرئيس", "الرئيس"),
        ("للرئيس", "رئيس"),
        ("وللرئيس", "رئيس"),
        ("فبالرئيس", "رئيس"),
        ("وبالرئيس", "رئيس"),
        ("كالرئيس", "رئيس"),
        ("فالرئيس", "رئيس"),
        ("وبموسكو", "موسكو"),
        ("فلروسيا", "روسيا"),
        ("وكروسيا", "روسيا"),
        ("وَرُوسيا", "رُوسيا"),  # tashkeel on the clitic
        ("بـروسيا", "روسيا"),  # tatweel after the clitic
        ("و١٢٫٥", "١٢٫٥"),
    ],
)
def test_clitic_grammar_accepts(word, stem):
    text = f"قال {word} اليوم"
    start = text.index(word) + len(word) - len(stem)
    assert snap(text, start, start + len(stem)) == (start, start + len(stem))


@pytest.mark.parametrize(
    "word, stem",
    [
        ("شويغو", "ويغو"),  # a sloppy drag from the 2nd letter
        ("الرئيس", "ئيس"),  # الر is no prefix
        ("ببوتين", "وتين"),  # two prepositions
        ("لالرئيس", "رئيس"),  # ل + ال is written لل
        ("اللرئيس", "رئيس"),  # article before preposition
        ("سيرغي", "يرغي"),
        ("Putin", "utin"),
    ],
)
def test_non_clitic_start_moves_to_word_start(word, stem):
    text = f"قال {word} اليوم"
    w = text.index(word)
    start = w + len(word) - len(stem)
    assert snap(text, start, w + len(word)) == (w, w + len(word))


def test_start_between_clitic_and_its_tashkeel_goes_after_the_marks():
    text = "قال وَرُوسيا"
    w = text.index("و", 3)
    assert snapped(text, w + 1, len(text)) == "رُوسيا"  # between و and its fatha
    # ... but never between a non-clitic letter and its marks
    assert snapped(text, w + 3, len(text)) == "وَرُوسيا"


# --- sloppy drags, trimming ----------------------------------------------------------------------

def test_mid_word_start_without_clitic_goes_to_word_start():
    text = SEEDS["001"]
    assert sel(text, "سيرغي شويغو محادثات", 7, 11) == "شويغو"  # from ويغو
    assert sel(text, "سيرغي شويغو محادثات", 1, 8) == "سيرغي شويغو"  # and the end extends too


def test_end_inside_word_extends_to_word_end():
    text = SEEDS["001"]
    assert sel(text, "وزير الدفاع الروسي", 0, 15) == "وزير الدفاع الروسي"
    assert sel(text, "الحكومة الروسية", 8, 13) == "الروسية"  # suffixes stay in


def test_trailing_punctuation_and_space_trimmed():
    assert sel(SEEDS["001"], "شويغو، الذي") == "شويغو، الذي"
    assert sel(SEEDS["001"], "شويغو،") == "شويغو"
    assert sel(SEEDS["001"], " بيونغ يانغ. ") == "بيونغ يانغ"
    text = "\u200f\u00a0«شويغو»\u200b؛ "
    assert snapped(text, 0, len(text)) == "شويغو"


@pytest.mark.parametrize("junk", ["،", "؛", "؟", ".", ",", ":", ";", "!", "?", "«", "»", '"', "“", "”", "'", "(", ")",
                                  "[", "]", "-", "–", "—", "…", "\u200f", "\u200e", "\u061c", "\u200b", "\u00a0", "\n"])
def test_each_kind_of_edge_junk_is_trimmed(junk):
    text = f"قال {junk}شويغو{junk} أمس"
    assert sel(text, f"{junk}شويغو{junk}") == "شويغو"
    assert sel(text, f" {junk}شويغو{junk} ") == "شويغو"


def test_tashkeel_stays_with_its_letter():
    text = SEEDS["001"]
    start, _ = pick(text, "يُعتبر")
    assert text[start + 1] == "\u064f"
    assert snapped(text, start, start + 1) == "يُعتبر"  # end between ي and its damma
    assert snapped(text, start + 1, start + 3) == "يُعتبر"  # start between them
    text = "النبي مُحَمَّد قال"
    assert sel(text, "مُحَمَّد", 0, -1) == "مُحَمَّد"  # without the last letter
    assert sel(text, "مُحَمَّد", 0, 5) == "مُحَمَّد"  # before the shadda


def test_decimals_are_one_word():
    text = "ارتفع بنسبة 3.5 و١٢٫٥ في المئة"
    assert sel(text, "3.5", 1, 2) == "3.5"
    assert sel(text, "١٢٫٥", 2, 3) == "و١٢٫٥"  # و١ is no clitic prefix: the whole token
    assert sel(text, "١٢٫٥") == "١٢٫٥"
    assert sel(text, "3.5", 0, 1) == "3.5"


def test_percent_is_content():
    text = "نسبة 50% و٧٠٪ تقريبا"
    assert sel(text, "50%") == "50%"
    assert sel(text, "٧٠٪") == "٧٠٪"


# --- quotes and brackets -------------------------------------------------------------------------

def test_enclosing_quotes_are_excluded():
    assert sel(SEEDS["003"], "“صدى الخبر”") == "صدى الخبر"
    assert sel(SEEDS["003"], " “صدى الخبر”\n") == "صدى الخبر"
    assert sel(SEEDS["003"], "“تاس”") == "تاس"
    text = "قائد «الحرس الثوري» قال"
    assert sel(text, "«الحرس الثوري»") == "الحرس الثوري"
    assert sel(text, "«الحرس الثوري» ") == "الحرس الثوري"
    assert sel(text, "«الحرس") == "الحرس"
    assert sel(text, "الثوري» ") == "الثوري"
    assert snapped("»الحرس الثوري«", 0, 14) == "الحرس الثوري"  # reversed guillemets


def test_inner_pairs_stay_balanced():
    text = SEEDS["003"]
    assert sel(text, "وكالة “تاس” الروسية") == "وكالة “تاس” الروسية"
    assert sel(text, "وكالة “تاس”") == "وكالة “تاس”"  # the closer's opener is inside
    assert sel(text, "“تاس” الروسية") == "“تاس” الروسية"
    assert sel(SEEDS["004"], "X (Twitter)") == "X (Twitter)"
    assert sel(SEEDS["004"], "X (Twitter) .") == "X (Twitter)"
    text = "حلف شمال الأطلسي (ناتو) قال"
    assert sel(text, "حلف شمال الأطلسي (ناتو)") == "حلف شمال الأطلسي (ناتو)"
    assert sel(text, "(ناتو") == "ناتو"
    assert sel(text, "ناتو)") == "ناتو"
    assert sel(text, "(ناتو)") == "ناتو"
    assert sel(text, "(ناتو) ") == "ناتو"
    assert sel(text, "الأطلسي (ناتو") == "الأطلسي (ناتو"  # inside the span: not an edge, kept
    assert snapped("«(ناتو)».", 0, 9) == "ناتو"
    assert snapped("(أ) و(ب)", 0, 8) == "(أ) و(ب)"


# --- modes, order, ranges ------------------------------------------------------------------------

def test_exact_mode_keeps_characters():
    text = SEEDS["001"]
    start, end = pick(text, "شويغو، الذي", 2, 7)
    assert snap(text, start, end, exact=True) == (start, end)
    assert snap(text, end, start, exact=True) == (start, end)
    assert sel(text, " بيونغ يانغ. ", exact=True) == " بيونغ يانغ. "
    assert snap("قال \u200f\u00a0\u200b إن", 3, 8, exact=True) is None  # whitespace only
    assert snap("قال", 1, 1, exact=True) is None
    assert snap("قال،", 3, 4, exact=True) == (3, 4)  # punctuation is kept when exact


SHADDA = "\u0634\u062f\u0651\u064e\u0629"  # شدَّة: the dal carries a shadda and a fatha


@pytest.mark.parametrize("exact", [False, True])
def test_a_snapped_selection_never_splits_a_character(exact):
    text = f"قال {SHADDA} 🇸🇦🇪🇬 👨\u200d👩\u200d👧 اليوم"
    dal = text.index("\u062f")
    flags = text.index("🇸")
    family = text.index("👨")
    if exact:  # Alt+drag: only widened to the edges of the characters cut
        assert snapped(text, dal - 1, dal + 1, exact=True) == SHADDA[:4]  # the dal takes its marks
        assert snapped(text, dal + 2, dal + 3, exact=True) == "\u062f\u0651\u064e"  # the fatha alone
        assert snapped(text, flags + 1, flags + 3, exact=True) == "🇸🇦🇪🇬"  # two half flags
        assert snapped(text, family + 1, family + 2, exact=True) == "👨\u200d👩\u200d👧"
    else:
        assert snapped(text, dal + 1, dal + 2) == SHADDA
        assert snapped(text, flags + 1, flags + 3) == "🇸🇦🇪🇬"
        assert snapped(text, family + 1, family + 2) == "👨\u200d👩\u200d👧"


def test_a_mark_after_punctuation_or_a_space_is_not_cut_off():
    # The tokenizer sees ":" and a lone mark as two tokens; they are one character.
    assert snap("قال:\u0300 نعم", 4, 5) == (3, 5)
    # A space and a mark are one character too, but a span does not start on a space.
    assert snap("قال \u0301نعم", 3, 8) == (5, 8)
    assert snap("قال \u0301 نعم", 4, 5) is None
    assert word_at("a:\u0300", 2) == (1, 3)


def test_reversed_and_out_of_range_arguments():
    text = SEEDS["001"]
    start, end = pick(text, "سيرغي شويغو", 2, 8)
    assert snap(text, end, start) == snap(text, start, end) == pick(text, "سيرغي شويغو")
    line = "بيونغ يانغ."
    assert snap(line, -10, 100) == snap(line, 100, -10) == (0, 10)
    assert snap(line, 3, 3) is None
    assert snap("", 0, 0) is None and snap("", -1, 5) is None


def test_nothing_left_gives_none():
    for text in [" ", "، . ؟", "\u200f\u200e\u061c\u200b\u00a0", "«»", "(", "…"]:
        assert snap(text, 0, len(text)) is None
    text = "شويغو، الذي"
    assert snap(text, 5, 7) is None  # just the comma and space


# --- mixed scripts, emoji ------------------------------------------------------------------------

def test_latin_inside_arabic():
    text = "قال Putin إن روسيا"
    assert sel(text, "Putin", 1) == "Putin"
    assert sel(text, " Putin ", 2, 4) == "Putin"
    assert sel(text, "قال Putin", 2, 6) == "قال Putin"
    assert sel(SEEDS["004"], "Get News Fast", 1, -1) == "Get News Fast"


def test_emoji_before_word_offsets_are_code_points():
    text = "😀 روسيا 👍🏽 قالت"
    assert text.index("روسيا") == 2
    assert snap(text, 2, 7) == (2, 7)
    assert snap(text, 1, 5) == (2, 7)  # from the space, ending mid-word
    assert snap(text, 0, 7) == (0, 7)  # the emoji was selected: it is content
    assert snap(text, 8, 9) == (8, 10)  # never split the skin-tone modifier off
    flag = "🇷🇺روسيا"
    assert snap(flag, 2, 5) == (2, 7)
    assert snap(flag, 1, 7) == (0, 7)  # a start between the regional indicators


def test_zwj_sequence_never_split():
    family = "👨\u200d👩\u200d👧"
    text = f"عائلة {family} في روسيا"
    at = text.index(family)
    for cut in range(1, len(family)):
        assert snap(text, 0, at + cut) == (0, at + len(family))
        assert snap(text, at + cut, len(text)) == (at, len(text))


# --- word_at -------------------------------------------------------------------------------------

def test_word_at():
    text = "قال Putin: شويغو، 😀 ولروسيا."
    w = text.index("شويغو")
    assert word_at(text, w) == word_at(text, w + 2) == word_at(text, w + 5) == (w, w + 5)  # end touches
    assert word_at(text, w + 6) is None  # after the comma
    assert word_at(text, text.index(" ")) == (0, 3)  # touching قال
    assert word_at(text, text.index(":")) == (4, 9)
    assert word_at(text, text.index(":") + 1) is None
    e = text.index("😀")
    assert word_at(text, e) == (e, e + 1)
    r = text.index("ولروسيا")
    assert word_at(text, r + 3) == (r, r + 7)  # the whole token, clitics included
    assert word_at(text, len(text)) is None and word_at(text, 0) == (0, 3)
    assert word_at("", 0) is None and word_at("  ", 1) is None
    assert word_at("abc", 99) == (0, 3)


# --- properties ----------------------------------------------------------------------------------

_ALPHABET = list(
    "ابتثجحخدرسشصعغفقكلمنهويءأإآةى"
    "وفبكلال"  # clitic letters more often
    "\u064e\u064f\u0650\u0651\u0652\u0670\u0640\u200c\u200d"
    "0123456789٠١٢٣.,٫%٪"
    "،؛؟«»“”!?:;\"'()[]-…"
    "abcXé"
    "\U0001f600\U0001f44d\U0001f3fd\u2764\ufe0f\U0001f1f7\U0001f1fa#"
    "\u200e\u200f\u061c\u202b\u2067\u200b\ufeff"
    "  \n\t\u00a0"
)
_texts = st.one_of(
    st.text(st.one_of(st.sampled_from(_ALPHABET), st.characters(blacklist_categories=("Cs",))), min_size=1, max_size=60),
    raw_texts,
    st.integers(0, len(ALL_SEEDS) - 200).flatmap(lambda i: st.integers(1, 200).map(lambda n: ALL_SEEDS[i : i + n])),
)


@st.composite
def selections(draw):
    text = draw(_texts)
    n = len(text)
    return text, draw(st.integers(-2, n + 2)), draw(st.integers(-2, n + 2))


def _is_space(ch: str) -> bool:
    return is_blank(ch)


@given(selections())
@settings(max_examples=600)
def test_result_is_a_clean_range(case):
    text, a, b = case
    r = snap(text, a, b)
    if r is None:
        return
    s, e = r
    assert 0 <= s < e <= len(text)
    assert not _is_space(text[s]) and not _is_space(text[e - 1])
    # never a cut inside a token, except after a clitic prefix
    tokens = tokenize(text)
    ends = {t.end for t in tokens}
    assert e in ends
    starts = {t.start for t in tokens}
    if s not in starts:
        word = next(t for t in tokens if t.start < s < t.end)
        assert snap(text, s, word.end) == (s, word.end)
        assert text[s].isalnum()
    # result lies within the selection widened to whole tokens, then to whole characters (the
    # tokenizer may cut a cluster: a mark after punctuation is a token of its own)
    lo, hi = sorted((min(max(a, 0), len(text)), min(max(b, 0), len(text))))
    lo, hi = snap_out(text, min([lo] + [t.start for t in tokens if t.start <= lo < t.end]),
                      max([hi] + [t.end for t in tokens if t.start < hi <= t.end]))
    assert lo <= s and e <= hi
    assert first_inside(text, s, e) is None  # never splits a letter from its marks or an emoji


@given(selections())
@settings(max_examples=600)
def test_snap_is_idempotent_and_order_free(case):
    text, a, b = case
    r = snap(text, a, b)
    assert snap(text, b, a) == r
    if r is not None:
        assert snap(text, *r) == r


@given(_texts)
@settings(max_examples=300)
def test_a_selection_exactly_on_a_word_is_unchanged(text):
    for tok in tokenize(text):
        if tok.is_space or (len(tok.text) == 1 and unicodedata.category(tok.text)[0] == "P"):
            continue
        if snap_out(text, tok.start, tok.end) == (tok.start, tok.end):
            assert snap(text, tok.start, tok.end) == (tok.start, tok.end), tok
            assert word_at(text, tok.start) is not None
        else:  # the tokenizer cut a cluster (a lone mark after ":" or a space): whole clusters win
            r = snap(text, tok.start, tok.end)
            assert r is None or first_inside(text, *r) is None, (tok, r)


@given(selections())
@settings(max_examples=300)
def test_exact_mode(case):
    text, a, b = case
    lo, hi = sorted((min(max(a, 0), len(text)), min(max(b, 0), len(text))))
    if lo < hi:  # exact keeps the selected characters, widened to whole clusters only
        lo, hi = snap_out(text, lo, hi)
    expected = None if lo == hi or is_blank(text[lo:hi]) else (lo, hi)
    assert snap(text, a, b, exact=True) == expected


@given(selections())
@settings(max_examples=300)
def test_word_at_returns_a_token_touching_pos(case):
    text, pos, _ = case
    r = word_at(text, pos)
    if r is None:
        return
    pos = min(max(pos, 0), len(text))
    assert r[0] <= pos <= r[1]
    # a token, widened to whole clusters where the tokenizer cuts one (a mark after punctuation)
    assert any(snap_out(text, t.start, t.end) == r and not t.is_space for t in tokenize(text))
    assert first_inside(text, *r) is None


@given(selections(), st.integers(1, 50))
@settings(max_examples=200)
def test_only_a_window_around_the_selection_matters(case, copies):
    # The same selection inside a much longer text (whitespace boundaries on both sides) gives the
    # same span, shifted: snapping depends on the neighbourhood, not on the rest of the text.
    text, a, b = case
    pad = ALL_SEEDS[:2000] * copies + "\n"
    big = pad + text + "\n" + pad
    r = snap(text, a, b)
    a2, b2 = (min(max(x, 0), len(text)) + len(pad) for x in (a, b))
    r2 = snap(big, a2, b2)
    assert r2 == (None if r is None else (r[0] + len(pad), r[1] + len(pad)))


def test_huge_text():
    text = (ALL_SEEDS * (500_000 // len(ALL_SEEDS) + 1))[:500_000]
    start, end = pick(text, "سيرغي شويغو", 2, 8, nth=20)
    assert snapped(text, start, end) == "سيرغي شويغو"
    s, e = snap(text, 0, len(text))
    assert s == 0 and not is_blank(text[e - 1]) and unicodedata.category(text[e - 1])[0] != "P"
    assert snap("x" * 500_000, 250_000, 250_001) is not None
