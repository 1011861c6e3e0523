"""Turn a mouse selection into the span to store.

Offsets are Python code points, end exclusive, logical order. Words, symbols and whitespace are
exactly the tokens of :mod:`annotator.core.tokenize` (its character classes are reused, not
redefined), so a snapped span always lines up with the tokenizer, apart from one deliberate
exception: a span may start after a clitic prefix (و ف ب ك ل ال ...) inside a word.

Rules of :func:`snap` (without ``exact``):

1. Each end is snapped to a token edge: a start inside a word moves back to the word start, unless
   the part of the word before it is a clitic prefix (see ``_CLITIC``: optional conjunction و/ف,
   optional preposition ب/ك/ل, optional article ال, ل+ال written لل, each letter optionally
   followed by tashkeel or tatweel); an end inside a word moves forward to the word end (suffixes
   stay in). A start or end inside an emoji (ZWJ sequence, flag, skin tone) moves to its edge.
   A word includes its combining marks, so a letter is never separated from its diacritics, and
   3.5 / ١٢٫٥ are one word.
2. Whitespace (the tokenizer's space set: NBSP, bidi marks, ZWSP, ...) and punctuation
   (Unicode category P*, one-character tokens) are trimmed from both ends, with two exceptions:
   percent signs (% ٪ ‰ ‱ ؉ ؊) are content, and a bracket or quote whose partner lies inside the
   span is kept, so a span never gets an unbalanced bracket at its edge. A pair that encloses the
   whole span is dropped (NER convention: «الحرس الثوري» -> الحرس الثوري, (ناتو) -> ناتو), while
   "حلف شمال الأطلسي (ناتو)" keeps its closing bracket. Quotes may be used in either direction
   (Arabic texts write both «...» and »...«, “...” and ”...“); brackets ( [ { only open.
   Symbols (emoji, currency, math) are content, never trimmed.
3. Nothing left -> None.
4. Last, both ends are widened to grapheme-cluster boundaries (:mod:`annotator.core.graphemes`),
   so a stored span never splits a letter from its marks or an emoji, even where the token rules
   above do not see a cluster (a mark after a space, the approximate edges of a very long run).
   A cluster of a space and a mark at the start is left out instead (a span never starts on
   whitespace). With ``exact`` (Alt+drag) widening is the only adjustment: a selection ending
   between a letter and its shadda takes the shadda in.

Only a small window around each end is looked at (the non-space run around it, at most
``_REACH`` code points each way; partner brackets at most ``_SCAN`` code points away), so a call
costs microseconds whatever the length of the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from annotator.core.graphemes import cluster_at, snap_out
from annotator.core.tokenize import _INVISIBLE, _MARKS, _NOT_SPACE, _SPACE, _SYMBOL, _WORD

__all__ = ["snap", "word_at"]

# How far to look for the whitespace around a position. Real words are far shorter; in a longer
# run without whitespace (a pasted blob) token edges near the window edge are approximate.
_REACH = 256
# Whitespace runs are skipped in steps of this many code points (regex speed).
_SPACE_STEP = 4096
# How far to look for the partner of a bracket or quote at an edge of the span.
_SCAN = 10_000

# How many space-joined clusters (" \u0301") at the start are skipped before giving up on trimming.
_JOINED_TRIES = 32

_WORD_TOKEN, _SYMBOL_TOKEN, _PUNCT_TOKEN, _SPACE_TOKEN = range(4)

# Same alternatives, same order as the tokenizer's _TOKEN (minus its space group): group 1 = word.
_PIECE = re.compile(rf"({_WORD})|{_SYMBOL}")
_LAST_SPACE = re.compile(rf"(?s:.*)[{_SPACE}]")  # greedy: ends right after the last space
_SPACE_CHAR = re.compile(rf"[{_SPACE}]")
_LAST_NOT_SPACE = re.compile(rf"(?s:.*)[^{_SPACE}]")  # greedy: ends right after the last non-space
_MARK_CHAR = re.compile(rf"[{_MARKS}\u0640]")

# Clitic prefixes: [conjunction] [preposition] [article], with ل + ال written لل.
_M = "[\u064b-\u065f\u0670\u0640]*"  # tashkeel, dagger alef, tatweel after a clitic letter
_ART = f"[\u0627\u0671]{_M}\u0644{_M}"  # ال / ٱل
_CLITIC = re.compile(
    rf"(?:[\u0648\u0641]{_M})?"  # و ف
    rf"(?:[\u0628\u0643]{_M}(?:{_ART})?"  # ب ك, بال كال
    rf"|\u0644{_M}(?:\u0644{_M})?"  # ل, لل (= ل + ال)
    rf"|{_ART})?"  # ال
)

# Punctuation that is content, not trimmed: percent and per-mille signs.
_CONTENT_PUNCT = frozenset("%\u066a\u2030\u2031\u0609\u060a")
# Edge character -> the partner it needs inside the span. At the start it must be followed by the
# partner, at the end preceded by it. Quotes work in both directions, brackets only one way.
_QUOTES = {"«": "»", "‹": "›", "“": "”", "‘": "’", "\ufd3e": "\ufd3f"}
_SYMMETRIC = {'"': '"', "'": "'"}
_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_OPEN_PARTNER = {**_QUOTES, **{b: a for a, b in _QUOTES.items()}, **_SYMMETRIC, **_BRACKETS}
_CLOSE_PARTNER = {**_QUOTES, **{b: a for a, b in _QUOTES.items()}, **_SYMMETRIC}
_CLOSE_PARTNER.update({b: a for a, b in _BRACKETS.items()})

Tok = tuple[int, int, int]  # start, end, kind


def _is_space(ch: str) -> bool:
    return ch.isspace() or ch in _INVISIBLE  # same set as the tokenizer's _SPACE class


def _kind(text: str, m: re.Match[str]) -> int:
    if m.lastindex == 1:
        return _WORD_TOKEN
    a, b = m.span()
    if b - a == 1 and text[a] not in _CONTENT_PUNCT and unicodedata.category(text[a])[0] == "P":
        return _PUNCT_TOKEN
    return _SYMBOL_TOKEN


def _chunk_start(text: str, pos: int) -> int:
    """Start of the non-space run containing text[pos] (a non-space character)."""
    lo = max(0, pos - _REACH)
    m = _LAST_SPACE.match(text, lo, pos)
    return m.end() if m else lo


def _chunk_end(text: str, pos: int) -> int:
    """End of the non-space run containing text[pos]."""
    hi = min(len(text), pos + _REACH)
    m = _SPACE_CHAR.search(text, pos, hi)
    return m.start() if m else hi


def _pieces(text: str, lo: int, hi: int) -> list[Tok]:
    return [(*m.span(), _kind(text, m)) for m in _PIECE.finditer(text, lo, hi)]


def _forward(text: str, pos: int) -> Iterator[Tok]:
    """Tokens from the one containing text[pos] onwards (earlier ones of its run may come first)."""
    n = len(text)
    i = pos
    if i < n and not _is_space(text[i]):
        i = _chunk_start(text, i)
    while i < n:
        if _is_space(text[i]):
            m = _NOT_SPACE.search(text, i, min(n, i + _SPACE_STEP))
            j = m.start() if m else min(n, i + _SPACE_STEP)
            yield (i, j, _SPACE_TOKEN)
            i = j
            continue
        j = _chunk_end(text, i)
        yield from _pieces(text, i, j)
        i = j


def _backward(text: str, pos: int) -> Iterator[Tok]:
    """Tokens starting before `pos`, last first; the first one contains text[pos - 1]."""
    i, first = pos, True
    while i > 0:
        if _is_space(text[i - 1]):
            lo = max(0, i - _SPACE_STEP)
            m = _LAST_NOT_SPACE.match(text, lo, i)
            j = m.end() if m else lo
            yield (j, i, _SPACE_TOKEN)
            i = j
        else:
            lo = _chunk_start(text, i - 1)
            hi = _chunk_end(text, i - 1) if first else i
            for tok in reversed(_pieces(text, lo, hi)):
                if tok[0] < i:
                    yield tok
            i = lo
        first = False


def _clitic_start(text: str, word_start: int, pos: int, word_end: int) -> int:
    """Where a span starting at `pos` inside a word really starts: after a clitic prefix, or at
    the word start. A position between a letter and its marks counts as after the marks."""
    j = pos
    while j < word_end and _MARK_CHAR.match(text, j):
        j += 1
    if j < word_end and text[j].isalnum() and _CLITIC.fullmatch(text, word_start, j):
        return j
    return word_start


def _partner_after(text: str, s: int, e: int) -> int | None:
    """Index of the partner of the bracket/quote at text[s] inside the span, or None."""
    c = text[s]
    p = _OPEN_PARTNER.get(c)
    if p is None:
        return None
    stop, j, depth = min(e, s + _SCAN), s + 1, 1
    while True:
        k = text.find(p, j, stop)
        if k < 0:
            return None
        if c != p:
            depth += text.count(c, j, k)
        depth -= 1
        if not depth:
            return k
        j = k + 1


def _partner_before(text: str, s: int, e: int) -> int | None:
    """Index of the partner of the bracket/quote at text[e - 1] inside the span, or None."""
    c = text[e - 1]
    p = _CLOSE_PARTNER.get(c)
    if p is None:
        return None
    start, j, depth = max(s, e - 1 - _SCAN), e - 1, 1
    while True:
        k = text.rfind(p, start, j)
        if k < 0:
            return None
        if c != p:
            depth += text.count(c, k + 1, j)
        depth -= 1
        if not depth:
            return k
        j = k


def snap(text: str, start: int, end: int, exact: bool = False) -> tuple[int, int] | None:
    """The span to store for a selection from `start` to `end` (either order, clamped into the
    text), or None when nothing but whitespace/punctuation is selected. `exact` keeps the
    selected characters as they are (only an empty or whitespace-only selection gives None)."""
    n = len(text)
    s, e = (start, end) if start <= end else (end, start)
    s = min(max(s, 0), n)
    e = min(max(e, 0), n)
    if s >= e:
        return None
    if exact:
        s, e = snap_out(text, s, e)
        return (s, e) if _NOT_SPACE.search(text, s, e) else None
    for _ in range(_JOINED_TRIES):
        found = _snap_tokens(text, s, e)
        if found is None:
            return None
        s, e = snap_out(text, *found)
        if not _is_space(text[s]):
            return (s, e)
        # A mark after a space is one cluster with it (the tokenizer sees a space and a word):
        # leave that cluster out rather than start the span on a space, and trim again.
        s = cluster_at(text, s)[1]
        if s >= e:
            return None
    return (s, e)  # a long run of such clusters: still whole clusters, not trimmed further


def _snap_tokens(text: str, s: int, e: int) -> tuple[int, int] | None:
    """Rules 1-3 of the module docstring, for 0 <= s < e <= len(text)."""
    n = len(text)
    # 1. Snap both ends to token edges (clitic prefixes excepted).
    fw = _forward(text, s)
    ts = next(t for t in fw if t[1] > s)
    if ts[0] < s and ts[2] != _SPACE_TOKEN:
        s = _clitic_start(text, ts[0], s, ts[1]) if ts[2] == _WORD_TOKEN else ts[0]
        ts = (s, ts[1], ts[2])
    bw = _backward(text, e)
    te = next(bw)
    if te[1] > e and te[2] != _SPACE_TOKEN:
        e = te[1]

    # 2. Trim whitespace and punctuation token by token, keeping brackets/quotes whose partner
    # stays inside; a pair enclosing the whole span goes.
    while True:
        if s >= e:
            return None
        a, b = ts[2], te[2]
        if a == _SPACE_TOKEN:
            s = ts[1]
            ts = next(fw, (n, n, _WORD_TOKEN))
        elif b == _SPACE_TOKEN:
            e = te[0]
            te = next(bw, (0, 0, _WORD_TOKEN))
        elif a == _PUNCT_TOKEN and b == _PUNCT_TOKEN and e - s >= 2 and _partner_after(text, s, e) == e - 1:
            s, e = ts[1], te[0]
            ts = next(fw, (n, n, _WORD_TOKEN))
            te = next(bw, (0, 0, _WORD_TOKEN))
        elif a == _PUNCT_TOKEN and _partner_after(text, s, e) is None:
            s = ts[1]
            ts = next(fw, (n, n, _WORD_TOKEN))
        elif b == _PUNCT_TOKEN and _partner_before(text, s, e) is None:
            e = te[0]
            te = next(bw, (0, 0, _WORD_TOKEN))
        else:
            return (s, e)


def word_at(text: str, pos: int) -> tuple[int, int] | None:
    """The word containing `pos` or, failing that, ending at `pos` (double-click, keyboard).
    An emoji or other symbol counts as a word; whitespace and punctuation give None."""
    n = len(text)
    pos = min(max(pos, 0), n)
    if pos < n and not _is_space(text[pos]):
        anchor = pos
    elif pos > 0 and not _is_space(text[pos - 1]):
        anchor = pos - 1
    else:
        return None
    toks = _pieces(text, _chunk_start(text, anchor), _chunk_end(text, anchor))
    here = next((t for t in toks if t[0] <= pos < t[1]), None)
    before = next((t for t in toks if t[0] < pos <= t[1]), None) if pos else None
    for kind in (_WORD_TOKEN, _SYMBOL_TOKEN):
        for tok in (here, before):
            if tok is not None and tok[2] == kind:
                return snap_out(text, tok[0], tok[1])
    return None
