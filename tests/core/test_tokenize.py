import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.tokenize import Token, is_blank, sentences, tokenize

# Characters that stress the tokenizer: Arabic letters with tashkeel, dagger alef and tatweel,
# ZWJ/ZWNJ, both digit sets and decimal separators, Arabic and ASCII punctuation, emoji with
# modifiers and ZWJ sequences, flags, bidi controls, NBSP and other whitespace.
ALPHABET = list(
    "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئةىپچگکی"
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640\u200c\u200d"
    "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲.,٫٬"
    "،؛؟«»“”!?:;\"'()[]-_/…۔"
    "abcXYZé"
    "\U0001f600\U0001f44d\U0001f3fd\u2764\ufe0f\u20e3\U0001f1f7\U0001f1fa#"
    "\u200e\u200f\u061c\u202b\u202c\u2067\u2069\u200b\ufeff"
    "  \n\t\u00a0\u202f\u3000"
)
chars = st.one_of(st.sampled_from(ALPHABET), st.characters(blacklist_categories=("Cs",)))
texts = st.text(alphabet=chars, max_size=80)


def rebuild(tokens: list[Token]) -> str:
    return "".join(t.text + (" " if t.ws else "") for t in tokens)


def check_tiling(text: str, tokens: list[Token]) -> None:
    assert rebuild(tokens) == text
    pos = 0
    for tok in tokens:
        assert tok.text and tok.start == pos and text[tok.start : tok.end] == tok.text
        pos = tok.end + tok.ws
        assert not tok.ws or text[tok.end] == " "
        # a token is all whitespace-like or has none at all
        assert tok.is_space == is_blank(tok.text)
        if not tok.is_space:
            assert not re.search(r"\s", tok.text)
    assert pos == len(text)


@given(texts)
@settings(max_examples=400)
def test_tokens_rebuild_the_text(text):
    check_tiling(text, tokenize(text))


@st.composite
def text_and_spans(draw):
    text = draw(texts.filter(len))
    n = len(text)
    spans = draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted).filter(lambda p: p[0] < p[1]), max_size=8))
    return text, spans


@given(text_and_spans())
@settings(max_examples=400)
def test_span_offsets_are_token_boundaries(case):
    text, spans = case
    tokens = tokenize(text, [s for s, _ in spans], [e for _, e in spans])
    check_tiling(text, tokens)
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end: i for i, t in enumerate(tokens)}
    for s, e in spans:  # holds even for spans of whitespace only
        assert s in starts and e in ends and starts[s] <= ends[e], (s, e, tokens)


def words(text, starts=(), ends=()):
    return [t.text for t in tokenize(text, starts, ends)]


@pytest.mark.parametrize(
    "text, span, expected",
    [
        ("وروسيا", (1, 6), ["و", "روسيا"]),
        ("بموسكو", (1, 6), ["ب", "موسكو"]),
        ("للرئيس", (1, 6), ["ل", "لرئيس"]),
        ("ووزير الخارجية", (1, 14), ["و", "وزير", "الخارجية"]),
        ("والـناتو", (1, 8), ["و", "الـناتو"]),
        ("وكالاتهم", (1, 6), ["و", "كالات", "هم"]),
    ],
)
def test_clitic_is_split_off_only_where_a_span_starts(text, span, expected):
    assert words(text) == text.split()  # no span, no segmentation
    assert words(text, [span[0]], [span[1]]) == expected


def test_words_punctuation_and_numbers():
    text = "قال لافروف: «نعم»، وبلغ النمو ٣٫٥٪ أو 3.5% في 2024م؟"
    assert words(text) == [
        "قال", "لافروف", ":", "«", "نعم", "»", "،", "وبلغ", "النمو", "٣٫٥", "٪",
        "أو", "3.5", "%", "في", "2024م", "؟",
    ]


def test_marks_and_joiners_stay_inside_words():
    text = "كَتَبَ الرَّئِيسُ هٰذا مـــوسكو می\u200cخواهم"
    assert words(text) == text.split(" ")


def test_emoji_are_tokens_of_their_own():
    text = "روسيا🇷🇺 👍🏽 👨\u200d👩\u200d👧 ❤️ 1️⃣"
    assert words(text) == ["روسيا", "🇷🇺", "👍🏽", "👨\u200d👩\u200d👧", "❤️", "1️⃣"]


def test_whitespace_follows_spacy():
    tokens = tokenize("قال  لافروف\u00a0نعم\n\nهو \u200fأيضا")
    assert [(t.text, t.ws) for t in tokens] == [
        ("قال", True), (" ", False), ("لافروف", False), ("\u00a0", False), ("نعم", False),
        ("\n\n", False), ("هو", True), ("\u200f", False), ("أيضا", False),
    ]
    assert [t.is_space for t in tokens] == [False, True, False, True, False, True, False, True, False]


def test_spans_on_whitespace_split_the_space_off():
    # a span " بوتين" starting on the space, and one "قال " ending after it
    tokens = tokenize("قال بوتين", [3], [4])
    assert [(t.text, t.start, t.end, t.ws) for t in tokens] == [
        ("قال", 0, 3, False), (" ", 3, 4, False), ("بوتين", 4, 9, False)]
    assert [(t.text, t.ws) for t in tokenize("قال بوتين", [3], [])] == [("قال", False), (" ", False), ("بوتين", False)]
    assert [(t.text, t.ws) for t in tokenize("قال بوتين", [4], [3])] == [("قال", True), ("بوتين", False)]


def sentence_texts(text, spans=()):
    tokens = tokenize(text, [s for s, _ in spans], [e for _, e in spans])
    return [rebuild(tokens[a:b]) for a, b in sentences(text, tokens, spans)]


def test_sentences_split_at_final_marks_and_newlines():
    text = "هل يزور بيونغ يانغ؟ نعم. قال: «سنفعل.» ثم...\n\nعنوان\nنهاية"
    assert sentence_texts(text) == ["هل يزور بيونغ يانغ؟ ", "نعم. ", "قال: «سنفعل.» ", "ثم...\n\n", "عنوان\n", "نهاية"]
    assert sentence_texts("3.5 مليون. U.S.A") == ["3.5 مليون. ", "U.S.A"]


def test_sentences_never_break_inside_a_span():
    text = "قال لافروف. إن روسيا\nستدعم. انتهى"
    claim = (4, text.index("ستدعم") + 5)
    assert sentence_texts(text, [claim]) == ["قال لافروف. إن روسيا\nستدعم. ", "انتهى"]
    assert sentence_texts(text, [(text.index("إن"), len(text))]) == ["قال لافروف. ", "إن روسيا\nستدعم. انتهى"]


def test_sentences_cover_all_tokens():
    for text in ["", " ", "\n", "أ.\n", "\nأ ب. ج"]:
        tokens = tokenize(text)
        ranges = sentences(text, tokens)
        assert [i for a, b in ranges for i in range(a, b)] == list(range(len(tokens)))
        assert all(a < b for a, b in ranges)


def test_a_mark_after_punctuation_stays_in_its_token():
    # A token boundary inside a character (":" + fatha) would give CoNLL a token of a lone mark.
    from annotator.core.graphemes import is_boundary

    text = "قال:\u064e هنا !\u0301 x"
    tokens = tokenize(text)
    assert [t.text for t in tokens if not t.is_space] == ["قال", ":\u064e", "هنا", "!\u0301", "x"]
    assert all(is_boundary(text, t.start) and is_boundary(text, t.end) for t in tokens)
