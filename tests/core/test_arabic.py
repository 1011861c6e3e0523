"""Match keys (DESIGN.md §4): each folding rule, the seed name variants, the key -> text offset map,
find_all with whole words and clitics, and the pyarabic pitfalls."""

import re
import unicodedata
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st
from pyarabic import araby

from annotator.core.arabic import (
    CLITIC_PREFIXES,
    KeyedText,
    find_all,
    keyed,
    match_key,
    search_key,
    strip_clitics,
)
from tests.strategies import PIECES, SAFE_CHARS

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# Characters that stress the key: letters of every fold, all tashkeel and Quranic marks, dagger
# alef, tatweel, composing hamza/madda, ligatures (ﻻ ﷲ ﷺ ﬁ ß), presentation forms, isolated
# harakat (NFKC: space + mark), Latin with combining marks in both orders, emoji with modifiers,
# bidi controls, ZWJ/ZWNJ, both digit sets, whitespace.
ALPHABET = list(
    "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإٱؤئةىپچگکیڨڭݣ"
    + "".join(chr(c) for c in range(0x064B, 0x0660))
    + "\u0670\u0640\u06d6\u06dd\u06e5\u06ed\u0610\u08f0"
    + "ﻻﻷﷲﷺﻍﺷﹲﹱﱞ\ufb50ﬁßİẞ"
    + "aeoiAZé\u0301\u0323\u0308"
    + "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳"
    + "\U0001f600\U0001f44d\U0001f3fd\ufe0f\U0001d538\U0001d165"
    + "\u200e\u200f\u061c\u202b\u202c\u2066\u2069\u200c\u200d\u200b\ufeff\u00ad\u2060"
    + "  \n\t\u00a0\u202f،.؟-_"
)
chars = st.one_of(st.sampled_from(ALPHABET), SAFE_CHARS)
texts = st.one_of(
    st.text(alphabet=chars, max_size=60),
    st.lists(st.one_of(PIECES, st.sampled_from(ALPHABET)), max_size=30).map("".join),
)

TASHKEEL = [chr(c) for c in range(0x064B, 0x0660)]
QURANIC = [chr(c) for c in range(0x06D6, 0x06EE)]
BIDI = ["\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
        "\u2066", "\u2067", "\u2068", "\u2069"]


def squash(key: str) -> str:
    return re.sub(r"[\s\u200b\ufeff]+", "", key)


# --- each rule of DESIGN.md §4 -------------------------------------------------------------------


@pytest.mark.parametrize("src, key", [
    ("ﻻ", "لا"), ("ﻷ", "لا"), ("ﷲ", "الله"), ("ﺷ", "ش"), ("\ufb50", "ا"), ("ﬁ", "fi"),  # NFKC
    ("Ａｂ", "ab"), ("x\u00a0y", "x y"), ("①", "1"), ("e\u0301", "é"), ("و\u0654", "ؤ"),
    ("و\u064e\u0654", "ؤ"), ("ا\u0654", "ا"), ("e\u0301\u0323", "ẹ́"),
])
def test_nfkc(src, key):
    assert match_key(src) == key


@pytest.mark.parametrize("mark", TASHKEEL + ["\u0670"] + QURANIC)
def test_tashkeel_dagger_alef_and_quranic_marks_are_deleted(mark):
    assert match_key("ب" + mark + "ت") == "بت"


def test_vocalized_words():
    assert match_key("مُحَمَّدٌ") == "محمد"
    assert match_key("هٰذا") == "هذا"
    assert match_key("الْعَرَبِيَّةُ") == "العربيه"
    assert match_key("\ufe72ب") == "ب"  # isolated dammatan: NFKC gives " ٌ", no space is left


def test_tatweel():
    assert match_key("روســـيا") == "روسيا"


@pytest.mark.parametrize("alef", ["أ", "إ", "آ", "ٱ", "ا"])
def test_alef_forms(alef):
    assert match_key(alef + "حمد") == "احمد"


@pytest.mark.parametrize("src, key", [
    ("مصطفى", "مصطفي"), ("مدرسة", "مدرسه"), ("تسنیم", "تسنيم"), ("کابل", "كابل"),
])
def test_letter_folds(src, key):
    assert match_key(src) == key


def test_hamza_on_waw_and_yeh_stay():
    assert match_key("سؤال رئيس ء") == "سؤال رئيس ء"


@pytest.mark.parametrize("digits", ["٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "0123456789"])
def test_digits(digits):
    assert match_key(digits) == "0123456789"


@pytest.mark.parametrize("g", ["غ", "ج", "ق", "گ", "ڨ", "ڭ", "ݣ"])
def test_g_letters_fold_to_jeem(g):
    assert match_key(g) == "ج"


def test_near_letters_do_not_fold():
    assert len(set(map(match_key, "جكفحخع"))) == 6


def test_casefold():
    assert match_key("PUTIN Putin") == "putin putin"
    assert match_key("Straße") == match_key("STRASSE") == "strasse"


@pytest.mark.parametrize("invisible", BIDI + ["\u200c", "\u200d", "\u2060", "\u00ad"])
def test_invisible_characters_are_deleted(invisible):
    assert match_key("شوي" + invisible + "غو") == "شويجو"


@pytest.mark.parametrize("a, b", [
    ("شويغو", "شويجو"), ("بيونغ يانغ", "بيونج يانج"), ("تسنیم", "تسنيم"), ("مُحَمَّد", "محمد"),
    ("أحمد", "احمد"), ("مدرسة", "مدرسه"), ("١٢٣", "123"), ("۱۲۳", "123"), ("شويقو", "شويگو"),
])
def test_seed_variants_share_a_key(a, b):
    assert match_key(a) == match_key(b)


def reference_key(text: str) -> str:
    """The module docstring's definition, slowly: clusters (a character and the combining marks
    after it), each NFKC'd, casefolded and folded character by character."""
    deleted = set(TASHKEEL + QURANIC + BIDI) | set("\u0670\u0640\u200c\u200d\u2060\u00ad")
    deleted |= {chr(c) for c in [*range(0x0610, 0x061B), *range(0x08D3, 0x0900)]}
    folds = {**dict.fromkeys("أإآٱ", "ا"), "ى": "ي", "ی": "ي", "ة": "ه", "ک": "ك"}
    folds |= dict.fromkeys("غجقگڨڭݣ", "ج")
    folds |= {d: str(unicodedata.digit(d)) for d in "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"}
    clusters: list[str] = []
    for ch in text:
        if clusters and unicodedata.category(ch)[0] == "M":
            clusters[-1] += ch
        else:
            clusters.append(ch)
    out = []
    for cluster in clusters:
        key = "".join(folds.get(c, c) for c in unicodedata.normalize("NFKC", cluster).casefold() if c not in deleted)
        out.append("" if key.isspace() and not cluster[0].isspace() else key)
    return "".join(out)


@given(texts)
@example("و\u064e\u0654")
@example("x" * 20 + "و\u064e\u0651\u0654 e\u0323\u0301")
def test_match_key_is_the_documented_definition(text):
    assert match_key(text) == reference_key(text)


# --- pyarabic pitfalls -------------------------------------------------------------------------


def test_pyarabic_normalize_alef_maps_alef_maksura_to_alef_but_we_do_not():
    assert araby.normalize_alef("مصطفى") == "مصطفا"  # the pitfall
    assert match_key("مصطفى") == "مصطفي"
    assert match_key("مصطفى") != match_key("مصطفا")


def test_pyarabic_normalize_hamza_changes_length_but_we_do_not():
    assert len(araby.normalize_hamza("آجلا")) == 5  # the pitfall: آ -> two hamzas
    assert match_key("آجلا") == "اجلا"


@given(st.text(alphabet=[chr(c) for c in range(0x0621, 0x064B)] + ["ٱ", "ی", "ک", "گ"], max_size=30))
def test_letters_keep_one_key_character_each(word):
    """Undiacritized Arabic letters map one to one (no hamza expansion, no deletion)."""
    kt = keyed(word)
    assert len(kt.key) == len(word) - word.count("\u0640")
    assert kt.key.count("ي") == sum(word.count(c) for c in "يىی")


@given(texts)
def test_pyarabic_stripping_is_subsumed(text):
    """Whatever strip_tashkeel and strip_tatweel delete, the key deletes too (except that a mark
    written on a tatweel, وـٔ, does not compose with the letter before the tatweel: NFKC first)."""
    stripped = araby.strip_tashkeel(text)
    for m in re.finditer("\u0640+(.)", stripped):
        assume(unicodedata.category(m.group(1))[0] != "M")
    assert match_key(araby.strip_tatweel(araby.strip_tashkeel(text))) == match_key(text)


# --- keyed(): the key -> text map ----------------------------------------------------------------


@given(texts)
@example("ﻻ ﷲ ß")
@example("\u064e\u0651محمد\u064b")
@example("ab\u0301\u0323c")
@example("و\u064e\u0654")
def test_keyed_key_is_match_key(text):
    assert keyed(text).key == match_key(text)


@given(texts, st.data())
@example("ﻻ", None)
@example("ﷲ ﻻ", None)
def test_to_text_covers_exactly_the_key_range(text, data):
    kt = keyed(text)
    n = len(kt.key)
    if data is None:
        ranges = [(ks, ke) for ks in range(n + 1) for ke in range(ks, n + 1)]
    else:
        ks = data.draw(st.integers(0, n))
        ranges = [(ks, data.draw(st.integers(ks, n)))]
    for ks, ke in ranges:
        s, e = kt.to_text(ks, ke)
        assert 0 <= s <= e <= len(text)
        got = match_key(text[s:e])
        if kt.is_aligned(ks, ke):
            assert got == kt.key[ks:ke]
        else:  # a cut ligature: the span is the whole ligature, its key contains the range
            assert kt.key[ks:ke] in got and len(got) > ke - ks
        if ks < ke:  # the span starts on a character that gives key characters (no stray mark)
            first = kt.to_key(s, s + 1)
            assert first[0] <= ks < first[1]


@given(texts)
def test_aligned_spans_are_maximal_at_neither_end(text):
    """A span starts on the character that gives its first key character: never on a stray
    diacritic or tatweel before it; to_key undoes to_text on aligned ranges."""
    kt = keyed(text)
    for ks in range(len(kt.key)):
        s, e = kt.to_text(ks, ks + 1)
        assert kt.source(ks) == s
        if kt.is_aligned(ks, ks + 1):
            assert kt.to_key(s, e) == (ks, ks + 1)


def test_to_text_includes_the_last_letters_diacritics_but_not_the_previous_words():
    text = "قالَ مُحَمَّدٌ، وَبِمُحَمَّدٍ"
    kt = keyed(text)
    ks = kt.key.index("محمد")
    s, e = kt.to_text(ks, ks + 4)
    assert text[s:e] == "مُحَمَّدٌ"
    ks = kt.key.rindex("محمد")
    assert text.__getitem__(slice(*kt.to_text(ks, ks + 4))) == "مُحَمَّدٍ"  # not "ِمُحَمَّدٍ"


def test_tatweel_and_bidi_marks_after_a_name_stay_outside():
    text = "محمدـ\u200f قال"
    assert [text[s:e] for s, e in find_all(text, "محمد")] == ["محمد"]


def test_ligatures_map_to_their_character():
    text = "هل ﻻ ﷲ"
    kt = keyed(text)
    assert kt.key == "هل لا الله"
    assert kt.to_text(3, 5) == (3, 4) and kt.is_aligned(3, 5)
    assert kt.to_text(3, 4) == (3, 4) and not kt.is_aligned(3, 4)  # half of ﻻ
    assert kt.source(6) == kt.source(9) == 5
    assert find_all(text, "لا") == [(3, 4)]
    assert find_all(text, "الله") == [(5, 6)]
    assert find_all(text, "ل", whole_words=False) == [(1, 2)]  # never half a ligature


def test_identity_map_and_bounds():
    kt = keyed("روسيا")
    assert isinstance(kt, KeyedText) and kt.to_text(1, 3) == (1, 3) and kt.to_key(0, 5) == (0, 5)
    with pytest.raises(IndexError):
        kt.to_text(2, 6)
    with pytest.raises(IndexError):
        kt.source(5)
    assert keyed("").key == "" and keyed("").to_text(0, 0) == (0, 0)


# --- find_all --------------------------------------------------------------------------------


def spans_text(text, query, **kw):
    return [text[s:e] for s, e in find_all(text, query, **kw)]


@pytest.mark.parametrize("text, query, found", [
    ("قال وروسيا", "روسيا", ["روسيا"]),
    ("وصل بموسكو", "موسكو", ["موسكو"]),
    ("قال للرئيس", "رئيس", ["رئيس"]),
    ("قال والرئيس", "الرئيس", ["الرئيس"]),
    ("وبالروسيا فالروسيا كروسيا لروسيا", "روسيا", ["روسيا"] * 4),
    ("وَرُوسِيَا", "روسيا", ["رُوسِيَا"]),
    ("شويغو، شويجو. (شويقو)", "شويغو", ["شويغو", "شويجو", "شويقو"]),
])
def test_clitic_prefixes_stay_outside_the_span(text, query, found):
    assert spans_text(text, query) == found


def test_clitics_off():
    assert find_all("وروسيا", "روسيا", clitics=False) == []
    assert spans_text("روسيا", "روسيا", clitics=False) == ["روسيا"]


@pytest.mark.parametrize("text", ["شويغوف", "روسياالجديدة", "مروسيا", "الروسيات", "شويغو2", "xشويغو"])
def test_whole_words_reject_longer_words(text):
    query = "شويغو" if "شويغو" in text else "روسيا"
    assert find_all(text, query) == []
    assert find_all(text, query, whole_words=False) != []


def test_query_starting_with_article_does_not_match_after_lam():
    # للرئيس has no span whose key is الرئيس (the article's alef is not written)
    assert find_all("قال للرئيس", "الرئيس") == []


@pytest.mark.parametrize("text", ["بيونغ يانغ", "بيونج يانج", "بيونج  يانج", "بيونج\nيانج",
                                  "بيونج\u00a0يانج", "بيونج\u200fيانج", "بيونجيانج", "بيونغيانغ"])
def test_multi_word_queries(text):
    assert spans_text(text, "بيونغ يانغ") == [text]
    assert spans_text(text, "  بيونغ   يانغ ") == [text]


def test_joined_words_can_be_switched_off():
    assert find_all("بيونجيانج", "بيونغ يانغ", joined=False) == []
    assert find_all("بيونج يانج", "بيونغ يانغ", joined=False) == [(0, 10)]
    assert find_all("بيونج يانج", "بيونجيانج", joined=False) == []  # nor does a one-word query split


@pytest.mark.parametrize("text", ["بيونغ يانغ", "بيونج يانج", "بيونج  يانج", "بيونج\u00a0يانج",
                                  "بيونج\u200cيانج", "بيونـــج يانج", "بيونجيانج", "بيونغيانغ"])
def test_a_one_word_query_finds_the_name_written_in_two_words(text):
    assert spans_text(text, "بيونجيانج") == [text]
    assert spans_text(f"زار {text} أمس", "بيونجيانج") == [text]


def test_spacing_insensitive_matches_in_real_sentences():
    text = "وصل عبد الله إلى بيونغ يانغ، ثم غادر عبدالله بيونجيانج إلى كوريا الجنوبية."
    assert spans_text(text, "عبدالله") == ["عبد الله", "عبدالله"]
    assert spans_text(text, "عبد الله") == ["عبد الله", "عبدالله"]
    assert spans_text(text, "بيونجيانج") == ["بيونغ يانغ", "بيونجيانج"]
    assert spans_text(text, "بيونغ يانغ") == ["بيونغ يانغ", "بيونجيانج"]
    kt = keyed(text)  # the offsets give exact spans of the original text
    assert [text[s:e] for s, e, _ in kt.find_any({"بيونجيانج": "GPE", "عبدالله": "PER"})] == [
        "عبد الله", "بيونغ يانغ", "عبدالله", "بيونجيانج"]


def test_a_split_word_keeps_two_letters_at_each_end_and_one_line():
    assert find_all("و قال", "وقال") == []
    assert find_all("ر وسيا", "روسيا") == [] and find_all("روسي ا", "روسيا") == []
    assert find_all("رو سيا", "روسيا") == [(0, 6)]
    assert find_all("بيونج\nيانج", "بيونجيانج") == []  # a name does not run across lines
    assert find_all("بيونجيانجي", "بيونج يانج") == []  # still whole words


def test_search_key_ignores_spacing_and_variants():
    assert search_key("بيونغ يانغ") == search_key("بيونجيانج") == search_key("بيونـج\u200cيانج")
    assert search_key("عبد الله") in search_key("قال عبدالله أمس")


def test_empty_queries():
    assert find_all("نص", "") == find_all("نص", "   ") == find_all("نص", "\u064e") == []


def test_keyed_text_can_be_searched_many_times():
    kt = keyed("زار شويغو بيونغ يانغ")
    assert find_all(kt, "شويجو") == [(4, 9)] and kt.find_all("بيونج يانج") == [(10, 20)]


@given(texts, st.sampled_from(["شويغو", "روسيا", "بيونغ يانغ", "ﻻ", "لا", "محمد", "e\u0301", "a", "2",
                               "ي", "ب ب"]), st.booleans(), st.booleans())
def test_find_all_spans_have_the_query_key(text, query, whole_words, clitics):
    spans = find_all(text, query, whole_words=whole_words, clitics=clitics)
    qkey = match_key(query)
    for s, e in spans:
        assert 0 <= s < e <= len(text)
        if re.search(r"[\s\u200b\ufeff]", qkey.strip()):
            assert squash(match_key(text[s:e])) == squash(qkey)
        else:
            assert match_key(text[s:e]) == qkey
    assert spans == sorted(spans)
    assert all(e1 <= s2 for (_, e1), (s2, _) in pairwise(spans))


@given(texts, texts, st.sampled_from(["شويغو", "مُحَمَّدٌ", "ﷲ", "Putin", "١٢٣"]),
       st.sampled_from(["", "و", "وَ", "بال", "لل"]))
def test_a_planted_name_is_found(before, after, name, prefix):
    if prefix == "لل" and name != "شويغو":
        prefix = "ل"
    text = f"{before} {prefix}{name} {after}"
    start = len(before) + 1 + len(prefix)
    assert (start, start + len(name)) in find_all(text, name)


# --- strip_clitics ------------------------------------------------------------------------------


def test_strip_clitics():
    assert strip_clitics("وبالروسيا") == ["وبالروسيا", "بالروسيا", "الروسيا", "روسيا"]
    assert strip_clitics("للرئيس") == ["للرئيس", "لرئيس", "رئيس"]
    assert strip_clitics("وَرُوسِيَا") == ["وَرُوسِيَا", "رُوسِيَا"]
    assert strip_clitics("بل") == ["بل"] and strip_clitics("موسكو") == ["موسكو"]


def test_clitic_prefixes():
    assert {"و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "لل", "ولل", "وبال", "فكال"} <= set(CLITIC_PREFIXES)
    assert "الل" not in CLITIC_PREFIXES
    assert list(CLITIC_PREFIXES) == sorted(CLITIC_PREFIXES, key=len, reverse=True)


# --- the seed articles ----------------------------------------------------------------------------

SHOIGU = {"000": 0, "001": 4, "002": 0, "003": 2, "004": 0}
PYONGYANG = {"000": 0, "001": 3, "002": 5, "003": 3, "004": 3}


@pytest.mark.parametrize("seed", sorted(SHOIGU))
def test_seeds(seed):
    (path,) = SEEDS.glob(f"{seed}_*.txt")
    text = path.read_text(encoding="utf-8")
    kt = keyed(text)
    for query in ("شويغو", "شويجو"):
        found = [text[s:e] for s, e in kt.find_all(query)]
        assert len(found) == SHOIGU[seed] and set(found) <= {"شويغو", "شويجو"}
    for query in ("بيونغ يانغ", "بيونج يانج"):
        found = [text[s:e] for s, e in kt.find_all(query)]
        assert len(found) == PYONGYANG[seed] and set(found) <= {"بيونغ يانغ", "بيونج يانج", "بيونجيانج"}
    if seed == "004":
        assert [text[s:e] for s, e in kt.find_all("تسنيم")] == ["تسنيم", "تسنیم"]


def test_find_any_agrees_with_find_all_per_query():
    from annotator.core.arabic import find_all, keyed

    text = "قال شويغو إن بيونج يانج وبيونغ يانغ وموسكو تتفق، وأكد شويجو ذلك في بيونجيانج."
    queries = {"شويغو": "S", "بيونغ يانغ": "P", "موسكو": "M"}
    kt = keyed(text)
    found = kt.find_any(queries)
    expected = sorted((s, e, tag) for q, tag in queries.items() for s, e in find_all(kt, q))
    assert sorted(found) == expected
    assert {text[s:e] for s, e, tag in found if tag == "P"} == {"بيونج يانج", "بيونغ يانغ", "بيونجيانج"}
    assert kt.find_any({"كلمة غير موجودة": 1}) == []
