"""Arabic-aware tokenisation whose tokens always line up with the annotated spans.

Tokens follow spaCy's ``Doc(vocab, words, spaces)`` convention: joining
``token.text + (" " if token.ws else "")`` over all tokens gives back the text exactly. A single
U+0020 after a token is that token's ``ws``; any other whitespace is a token of its own.

Whitespace-like ("space") characters: everything ``str.isspace`` accepts (NBSP, U+202F, ideographic
space, ...) plus the invisible characters that carry no letters and sit between words in scraped
news: the bidi marks LRM U+200E, RLM U+200F, ALM U+061C, the embeddings/overrides/isolates
U+202A-U+202E and U+2066-U+2069, ZWSP U+200B and a stray BOM U+FEFF. Keeping them out of words
means a span on قال is the same token whether or not an RLM precedes it, and CoNLL can drop them.
ZWJ/ZWNJ, word joiner and soft hyphen stay inside words (they shape the word's letters).

Span offsets passed as ``starts``/``ends`` are hard token boundaries: a clitic-prefixed word such as
وروسيا with a span on روسيا becomes و + روسيا, and a span that starts or ends on a space turns that
space into a token instead of a ``ws`` flag.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from annotator.core.chars import BIDI_CONTROLS, JOINERS, char_class, combining_marks

# Invisible characters treated as whitespace (see the module docstring).
_INVISIBLE = "\u200b" + BIDI_CONTROLS + "\ufeff"
_SPACE = rf"\s{_INVISIBLE}"

# Word-internal characters that are not letters or digits: tashkeel, dagger alef and every other
# combining mark, ZWNJ/ZWJ, word joiner, soft hyphen (tatweel U+0640 is a letter, Lm, already).
# Only the BMP ones and the variation selectors: each astral range in a class costs every
# character that misses the BMP bitmap a test, and plane-1 marks do not occur in this corpus.
_COMBINING = char_class([cp for cp in combining_marks() if cp < 0x10000 or cp >= 0xE0100])
_MARKS = _COMBINING + JOINERS
# Letters and digits without the underscore (which is punctuation, its own token), or marks.
# 3.5, 1,000, ١٢٫٥ (and و١٢٫٥) stay one token; a trailing separator (2024.) is punctuation.
_WORD = rf"(?:[^\W_]++|[{_MARKS}]++)++(?:(?<=\d)[.,\u066b\u066c]\d++)*+"
# One symbol or punctuation mark, with its emoji modifiers: variation selectors, keycap, skin
# tones, tag sequences (flags of regions) and ZWJ-joined emoji (family, profession sequences),
# and any combining marks on it: a token never splits a character (core/graphemes.py).
_EMOJI_TAIL = "\ufe0e\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f"
_SYMBOL = (
    rf"(?:[\U0001f1e6-\U0001f1ff]{{2}}|[^{_SPACE}])"
    rf"(?:[{_EMOJI_TAIL}{_COMBINING}]|\u200d[^\w{_SPACE}])*"
)
# Alternatives are exhaustive, so matches tile the text; group 3 is the absorbed single space.
_TOKEN = re.compile(rf"([{_SPACE}]+)|({_WORD}|{_SYMBOL})( ?)")
_NOT_SPACE = re.compile(rf"[^{_SPACE}]")

_FINAL = ".!?\u061f\u2026\u06d4"  # . ! ? ؟ … ۔
_CLOSERS = "\"'\u00bb\u201d\u2019\u203a)\\]}"  # » ” ’ › and ASCII closers after a final mark
# A sentence ends after final punctuation (plus closing quotes/brackets) that is followed by
# whitespace or the end, or at a newline; the following whitespace stays with the sentence.
_SENTENCE_END = re.compile(rf"[{_FINAL}]+[{_CLOSERS}]*(?=[{_SPACE}]|\Z)[{_SPACE}]*|\n[{_SPACE}]*")


class Token(NamedTuple):
    text: str
    start: int  # code points, end exclusive
    end: int
    ws: bool  # followed by one U+0020 that belongs to no token

    @property
    def is_space(self) -> bool:
        """A whitespace token. Tokens are never mixed, so the first character decides."""
        first = self.text[0]
        return first.isspace() or first in _INVISIBLE


def is_blank(text: str) -> bool:
    """True when `text` has only whitespace-like characters (the ones of space tokens)."""
    return _NOT_SPACE.search(text) is None


def tokenize(text: str, starts: Iterable[int] = (), ends: Iterable[int] = ()) -> list[Token]:
    """Tokens of `text` with a token starting at every offset of `starts` and ending at every
    offset of `ends` (offsets outside 1..len(text)-1 are token boundaries anyway)."""
    tokens: list[Token] = []
    append = tokens.append
    make = tuple.__new__  # skips NamedTuple's Python-level __new__: a quarter of the run time
    pos = 0
    # findall avoids a Match object per token; offsets are rebuilt from the lengths.
    for space, word, blank in _TOKEN.findall(text):
        if space:
            end = pos + len(space)
            append(make(Token, (space, pos, end, False)))
            pos = end
        else:
            end = pos + len(word)
            append(make(Token, (word, pos, end, blank == " ")))
            pos = end + len(blank)
    starts = {s for s in starts if 0 < s < len(text)} if starts else set()
    ends = {e for e in ends if 0 < e <= len(text)} if ends else set()
    if starts or ends:
        _cut(tokens, starts, ends)
    return tokens


def _cut(tokens: list[Token], starts: set[int], ends: set[int]) -> None:
    """Split tokens in place so every offset in starts/ends is a token boundary.

    Cuts are applied right to left, so a change never moves the tokens still to be looked at.
    """
    first = [t.start for t in tokens]
    for cut in sorted(starts | ends, reverse=True):
        i = bisect_right(first, cut) - 1
        tok = tokens[i]
        if tok.start < cut < tok.end:
            tokens[i : i + 1] = [
                Token(tok.text[: cut - tok.start], tok.start, cut, False),
                Token(tok.text[cut - tok.start :], cut, tok.end, tok.ws),
            ]
            insort(first, cut)
        elif cut == tok.end and tok.ws and cut in starts:
            _unabsorb(tokens, first, i)  # a span starts on the space after this token
        if cut in ends and cut >= 2:
            # A span ending right after an absorbed space: that space must be a token.
            j = bisect_right(first, cut - 1) - 1
            if tokens[j].ws and tokens[j].end == cut - 1:
                _unabsorb(tokens, first, j)


def _unabsorb(tokens: list[Token], first: list[int], i: int) -> None:
    tok = tokens[i]
    tokens[i : i + 1] = [tok._replace(ws=False), Token(" ", tok.end, tok.end + 1, False)]
    insort(first, tok.end)


def sentences(text: str, tokens: Sequence[Token], spans: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Sentences as (first token, stop token) index ranges covering all `tokens` in order.

    A sentence ends at a newline or after final punctuation (. ! ? ؟ … ۔ with any closing quotes)
    followed by whitespace; trailing whitespace tokens stay with it. No break is made inside any
    (start, end) of `spans`. Blank-line-only sentences cannot arise; leading whitespace can.
    """
    if not tokens:
        return []
    # Spans merged into disjoint sorted intervals (touching ones stay apart: a break may go there).
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        elif s < e:
            merged.append([s, e])
    span_starts = [m[0] for m in merged]
    first = [t.start for t in tokens]
    result: list[tuple[int, int]] = []
    begin = 0
    for match in _SENTENCE_END.finditer(text):
        brk = match.end()
        k = bisect_left(first, brk)
        if k >= len(tokens) or first[k] != brk or k <= begin:
            continue  # end of text, or not a token boundary (cannot happen for tokenize output)
        m = bisect_left(span_starts, brk) - 1
        if m >= 0 and merged[m][1] > tokens[k - 1].end:
            continue  # a span runs across the break
        result.append((begin, k))
        begin = k
    result.append((begin, len(tokens)))
    return result
