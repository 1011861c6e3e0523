"""Hypothesis strategies for the kinds of text analysts meet: Arabic with tashkeel, Latin names,
digits, emoji (astral), CRLF, bidi controls."""

from hypothesis import strategies as st

ARABIC_WORDS = ["شويغو", "شويجو", "بيونغ", "يانغ", "روسيا", "وكالة", "تسنيم", "الرئيس", "مُحَمَّد", "ـــ"]
PIECES = st.sampled_from(
    ARABIC_WORDS
    + ["Putin", "2024", "١٢٣", "۴۵", "😀", "👍🏽", "𝔸", " ", "  ", "\n", "\r\n", "\r", "\t", "،", ".", "؟",
       "\u200f", "\u200e", "\u202b", "\u202c", "\u2066", "\u2069", "\u061c", "\u00a0", "\u2028", "\u0651", "\u064e",
       "ى", "ة", "ی", "ک", "é", "e\u0301"]
)
# Canonical-safe random text: any character except NUL, surrogates and non-characters.
SAFE_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufffe\uffff\ufdd0")
raw_texts = st.lists(st.one_of(PIECES, st.text(SAFE_CHARS, min_size=1, max_size=3)), min_size=1, max_size=40).map(
    "".join
).filter(
    # not empty once a leading BOM goes (canonical text is never empty), no non-characters
    lambda t: t.removeprefix("\ufeff").strip()
    and not any(0xFDD0 <= ord(c) <= 0xFDEF or (ord(c) & 0xFFFE) == 0xFFFE for c in t)
)
