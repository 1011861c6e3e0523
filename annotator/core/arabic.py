"""Arabic match keys (DESIGN.md §4): name variants match through a derived key, never by changing
the stored text, and every match maps back to a span of the original text.

``match_key(text)`` applies, in this order:

1. NFKC, per *cluster* (a character plus the combining marks that follow it), not over the whole
   string, so that every key character can be traced to one cluster of the text. The result is
   whole-string NFKC except for compositions across clusters (Hangul conjoining jamo), which never
   matter for Arabic. Ligatures expand: ﻻ -> لا, ﷲ -> الله, ﬁ -> fi; the decomposed hamza forms
   compose first (و + U+0654 -> ؤ, ا + U+0654 -> أ -> ا).
2. ``str.casefold`` (Latin, and every other cased script): Putin = PUTIN, ß = ss.
3. Deleted: tashkeel U+064B-U+065F, dagger alef U+0670, Quranic marks U+06D6-U+06ED, tatweel
   U+0640, and also the other Arabic combining marks (U+0610-U+061A, U+08D3-U+08FF) that never tell
   names apart; bidi controls (LRM, RLM, ALM, U+202A-U+202E, U+2066-U+2069), ZWJ, ZWNJ, word
   joiner U+2060 and soft hyphen U+00AD. The isolated presentation forms of tashkeel (U+FE70...,
   whose NFKC is a space plus the mark) vanish too instead of leaving a space.
4. Letters: أ إ آ ٱ -> ا; ى -> ي; ة -> ه; Persian ی -> ي, ک -> ك; Arabic-Indic ٠-٩ and Persian
   ۰-۹ digits -> 0-9.
5. The /g/ letters of transliterated names fold to **ج**: غ ج ق گ (and the Maghrebi ڨ ڭ ݣ), so
   شويغو = شويجو = شويقو and بيونغ يانغ = بيونج يانج. This also merges native words (قال = جال =
   غال): keys are for finding candidates, not for deciding identity.

pyarabic is not called at run time: ``strip_tashkeel``/``strip_tatweel`` delete a subset of what
the table deletes (the table is tested against them), ``normalize_alef`` maps ى to ا and
``normalize_hamza`` turns آ into two characters, so both are avoided (see the tests).

``keyed(text)`` returns a :class:`KeyedText` with the key and a map back to the text. Key
character ``k`` comes from one text character ``source(k)``; ``to_text(ks, ke)`` is the span from
the source of ``key[ks]`` to the source of ``key[ke - 1]`` plus the deleted combining marks right
after it (the diacritics of the last letter), never the deleted marks before ``ks``. A ligature
gives several key characters from one text character; a key range that cuts through one is not
*aligned* and its span covers the whole ligature.

``find_all(text, query)`` finds the query by key. With ``whole_words`` the match may not touch
other letters, except (``clitics``) a clitic prefix before it (و ف + ب ك ل + ال, with ل + ال =
لل), which stays outside the returned span. With ``joined`` spacing is ignored both ways, since
compound names are written both ways (بيونغ يانغ / بيونجيانج, عبد الله / عبدالله): words of a
multi-word query may be separated by any run of whitespace or none at all, and a query word may be
found split by spaces (not line breaks) in the text, where every piece but the middle ones keeps
two key letters (so وقال does not find و قال, nor روسيا find ر وسيا). ZWNJ and tatweel are no
key characters at all. The span still starts at the first letter and ends at the last one of the
original text. A query starting with ال does not match after ل (للرئيس): the text has no span
whose key is the query's.

``search_key(text)`` is match_key without the spacing, for substring searches that need no
spans (the document list): بيونغ يانغ and بيونجيانج share it.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from functools import cache, lru_cache
from itertools import accumulate

from annotator.core.chars import BIDI_CONTROLS, JOINERS, char_class, combining_marks

__all__ = ["CLITIC_PREFIXES", "KeyedText", "find_all", "keyed", "match_key", "search_key", "strip_clitics"]

_NFKC = unicodedata.normalize


def _ranges(*pairs: tuple[int, int]) -> str:
    return "".join(chr(c) for lo, hi in pairs for c in range(lo, hi + 1))


# Deleted after NFKC + casefold (rule 3).
_TASHKEEL = _ranges((0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED))
_ARABIC_MARKS_EXTRA = _ranges((0x0610, 0x061A), (0x08D3, 0x08FF))
_INVISIBLE = BIDI_CONTROLS + JOINERS
_DELETED = _TASHKEEL + _ARABIC_MARKS_EXTRA + "\u0640" + _INVISIBLE
# Deleted Arabic marks that compose with a preceding letter under NFKC (madda, hamza above/below).
_COMPOSING = "\u0653\u0654\u0655"

G_TARGET = "\u062c"  # ج
_G_LETTERS = "\u063a\u062c\u0642\u06af\u06a8\u06ad\u0763"  # غ ج ق گ ڨ ڭ ݣ

_FOLD = str.maketrans(
    {
        **{c: None for c in _DELETED},
        "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",  # أ إ آ ٱ
        "\u0649": "\u064a",  # ى -> ي
        "\u0629": "\u0647",  # ة -> ه
        "\u06cc": "\u064a",  # ی -> ي
        "\u06a9": "\u0643",  # ک -> ك
        **{chr(0x0660 + d): str(d) for d in range(10)},
        **{chr(0x06F0 + d): str(d) for d in range(10)},
        **{c: G_TARGET for c in _G_LETTERS},
    }
)


def _fold(src: str) -> str:
    """Key of one cluster: NFKC, casefold, the Arabic table; a spacing form of a deleted mark
    (NFKC gives a space plus the mark) leaves nothing rather than a space."""
    out = _NFKC("NFKC", src).casefold().translate(_FOLD)
    if out and out.isspace() and not src[0].isspace():
        return ""
    return out


class _PieceTable(dict):
    """ord -> key of that character alone, filled on first use (str.translate calls __missing__)."""

    def __missing__(self, cp: int) -> str:
        piece = self[cp] = _fold(chr(cp))
        return piece


class _LengthTable(dict):
    """ord -> chr(len(key of that character alone)), for the offset map."""

    def __missing__(self, cp: int) -> str:
        length = self[cp] = chr(len(_PIECES[cp]))
        return length


_PIECES = _PieceTable()
_LENGTHS = _LengthTable()
for _cp in (*range(0x80), *range(0x0600, 0x0700), *range(0x2000, 0x2070)):
    _LENGTHS[_cp] = chr(len(_PIECES[_cp]))


def _one_of(cps: list[int]) -> str:
    """Regex matching one character of `cps`. The astral part sits behind a one-range guard: in a
    class mixing BMP and astral characters, re tests the astral ranges one by one for every
    character that misses the BMP bitmap, 20x slower on Arabic text."""
    bmp = [cp for cp in cps if cp < 0x10000]
    astral = [cp for cp in cps if cp >= 0x10000]
    if not astral:
        return f"[{char_class(bmp)}]"
    return f"(?:[{char_class(bmp)}]|(?=[\U00010000-\U0010ffff])[{char_class(astral)}])"


@cache
def _mark_res() -> tuple[str, str]:
    """Regexes for (any combining mark, a mark that may change a cluster's key): Mn, Mc, Me in
    planes 0 and 1 and the variation selectors supplement; ~20 ms, on first use. Deleted Arabic
    marks other than madda/hamza cannot change a cluster's key."""
    marks = list(combining_marks())
    inert = {ord(c) for c in _DELETED if c not in _COMPOSING}
    return _one_of(marks), _one_of([cp for cp in marks if cp not in inert])


@cache
def _cluster_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a mark that may change a cluster's key, such a cluster: its base and all its marks)."""
    mark, live = _mark_res()
    return re.compile(live), re.compile(rf"(?:(?!{mark})(?s:.))?{mark}*{live}{mark}*")


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "M"


def _is_attached(ch: str) -> bool:
    """A deleted character that belongs to the letter before it (a diacritic)."""
    return _is_mark(ch) or ch in _TASHKEEL or ch in _ARABIC_MARKS_EXTRA


def _patches(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of the clusters whose joint key differs from their per-character key."""
    if text.isascii():
        return []
    live, cluster = _cluster_res()
    first = live.search(text)
    if first is None:
        return []
    start = first.start()  # back to the base of the first cluster (marks may precede the live one)
    while start > 0 and _is_mark(text[start - 1]):
        start -= 1
    found = []
    for m in cluster.finditer(text, max(0, start - 1)):
        joint = _joint_key(m.group())
        if joint is not None:
            found.append((m.start(), m.end(), joint))
    return found


@lru_cache(maxsize=4096)
def _joint_key(cluster: str) -> str | None:
    """Key of a cluster taken as a whole, or None when it equals its per-character key."""
    joint = _fold(cluster)
    return None if joint == cluster.translate(_PIECES) else joint


def match_key(text: str) -> str:
    """The search/matching key of `text` (see the module docstring). ~20 ms per 500k characters."""
    patches = _patches(text)
    if not patches:
        return text.translate(_PIECES)
    parts, pos = [], 0
    for start, end, joint in patches:
        parts += (text[pos:start].translate(_PIECES), joint)
        pos = end
    parts.append(text[pos:].translate(_PIECES))
    return "".join(parts)


class KeyedText:
    """`key` = match_key(`text`) plus the map from key offsets back to text offsets."""

    __slots__ = ("_compact", "_cum", "key", "text")

    def __init__(self, text: str, key: str, cum: array | None) -> None:
        self.text = text
        self.key = key
        # cum[i] = key offset where text[i]'s key starts (len(text) + 1 entries); None when every
        # text character gives exactly one key character (identity map).
        self._cum = cum
        self._compact: str | None = None  # key without spacing, for the quick "no match" test

    def _could_contain(self, word: str) -> bool:
        """False when `word` cannot occur, even split by spaces: the literal test is 10x faster than
        the regex when there is no match."""
        if word in self.key:
            return True
        if self._compact is None:
            self._compact = _SPLIT.sub("", self.key)
        return word in self._compact

    def __repr__(self) -> str:
        return f"KeyedText(len(text)={len(self.text)}, len(key)={len(self.key)})"

    def source(self, k: int) -> int:
        """Offset in `text` of the character that produced key[k]."""
        if not 0 <= k < len(self.key):
            raise IndexError(f"key offset {k} out of range 0..{len(self.key) - 1}")
        return k if self._cum is None else bisect_right(self._cum, k) - 1

    def to_key(self, start: int, end: int) -> tuple[int, int]:
        """Key range produced by text[start:end] (an offset between a letter and its marks maps to
        the end of the letter's key)."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"text range {start}:{end} out of range 0..{len(self.text)}")
        if self._cum is None:
            return start, end
        return self._cum[start], self._cum[end]

    def is_aligned(self, ks: int, ke: int) -> bool:
        """True when key[ks:ke] cuts through no multi-character key of one text character (a
        ligature, ß): then match_key(text[s:e]) == key[ks:ke] for (s, e) = to_text(ks, ke)."""
        if self._cum is None or ks == ke:
            return True
        cum = self._cum
        ok_start = ks >= len(self.key) or cum[self.source(ks)] == ks
        ok_end = ke <= 0 or cum[self.source(ke - 1) + 1] == ke
        return ok_start and ok_end

    def to_text(self, ks: int, ke: int) -> tuple[int, int]:
        """The span of `text` that produced key[ks:ke]: from the character of key[ks] (deleted
        marks before it excluded) to the character of key[ke - 1] plus the deleted marks attached to
        it. An empty range gives an empty span at the character of key[ks]."""
        n = len(self.key)
        if not 0 <= ks <= ke <= n:
            raise IndexError(f"key range {ks}:{ke} out of range 0..{n}")
        if ks == ke:
            pos = self.source(ks) if ks < n else len(self.text)
            return pos, pos
        start = self.source(ks)
        end = self.source(ke - 1) + 1
        cum, text = self._cum, self.text
        if cum is not None:
            stop = len(text)
            while end < stop and cum[end + 1] == cum[end] and _is_attached(text[end]):
                end += 1
        return start, end

    def find_all(
        self, query: str, whole_words: bool = True, clitics: bool = True, joined: bool = True
    ) -> list[tuple[int, int]]:
        """See :func:`find_all`."""
        words = _SPLIT.split(match_key(query))
        words = [w for w in words if w]
        if not words or not (self._could_contain(words[0]) if joined else words[0] in self.key):
            return []
        pattern = _query_pattern(tuple(words), whole_words, clitics, joined)
        spans = []
        for m in pattern.finditer(self.key):
            ks, ke = m.span("q")
            if self.is_aligned(ks, ke):
                spans.append(self.to_text(ks, ke))
        return spans

    def find_any(self, queries: dict[str, object], whole_words: bool = True, clitics: bool = True,
                 joined: bool = True) -> list[tuple[int, int, object]]:
        """Occurrences of any of several queries in one pass: (start, end, tag) with the tag given
        for the query found. Where queries overlap, the longest match at a place wins."""
        tags: dict[str, object] = {}
        alternatives: list[tuple[str, ...]] = []
        for query, tag in queries.items():
            words = tuple(w for w in _SPLIT.split(match_key(query)) if w)
            if words and (self._could_contain(words[0]) if joined else words[0] in self.key) \
                    and "".join(words) not in tags:
                tags["".join(words)] = tag
                alternatives.append(words)
        if not alternatives:
            return []
        pattern = _any_pattern(tuple(sorted(alternatives, key=lambda w: -len("".join(w)))), whole_words, clitics,
                               joined)
        found = []
        for m in pattern.finditer(self.key):
            ks, ke = m.span("q")
            tag = tags.get(_SPLIT.sub("", m.group("q")))
            if tag is not None and self.is_aligned(ks, ke):
                found.append((*self.to_text(ks, ke), tag))
        return found


def keyed(text: str) -> KeyedText:
    """match_key(text) with its offset map. ~55 ms per 500k characters."""
    patches = _patches(text)
    if not patches:
        key = text.translate(_PIECES)
        lengths = text.translate(_LENGTHS)
        if not lengths.strip("\x01"):
            return KeyedText(text, key, None)
    else:
        parts, len_parts, pos = [], [], 0
        for start, end, joint in patches:
            chunk = text[pos:start]
            parts += (chunk.translate(_PIECES), joint)
            len_parts += (chunk.translate(_LENGTHS), chr(len(joint)), "\x00" * (end - start - 1))
            pos = end
        parts.append(text[pos:].translate(_PIECES))
        len_parts.append(text[pos:].translate(_LENGTHS))
        key, lengths = "".join(parts), "".join(len_parts)
    cum = array("i", [0])
    cum.extend(accumulate(lengths.encode("latin-1")))
    return KeyedText(text, key, cum)


# Clitic prefixes (as keys): conjunction و/ف, then preposition ب/ك/ل, then the article ال; ل + ال
# is written لل. Longest first so the regex prefers the longest reading.
def _clitic_prefixes() -> tuple[str, ...]:
    out = set()
    for conj in ("", "\u0648", "\u0641"):  # و ف
        for prep in ("", "\u0628", "\u0643", "\u0644"):  # ب ك ل
            for art in ("", "\u0627\u0644"):  # ال
                p = conj + ("\u0644\u0644" if prep == "\u0644" and art else prep + art)
                if p:
                    out.add(p)
    return tuple(sorted(out, key=lambda p: (-len(p), p)))


CLITIC_PREFIXES = _clitic_prefixes()
# Between words: whitespace (NFKC already made NBSP and the other spaces U+0020), ZWSP, BOM.
_SEP = r"[\s\u200b\ufeff]"
_SPLIT = re.compile(f"{_SEP}+")
# Inside a query word (joined): spaces on one line only, so a name never runs across paragraphs.
_INNER_SEP = r"[ \t\u200b\ufeff]*"


def search_key(text: str) -> str:
    """match_key(text) without whitespace: a substring test on these keys ignores spacing."""
    return _SPLIT.sub("", match_key(text))


def _word_body(word: str, joined: bool) -> str:
    """Regex of one query word: with `joined`, spaces may split it wherever the first and last
    pieces keep two key letters (بيونجيانج in بيونغ يانغ; وقال not in و قال)."""
    if not joined or len(word) < 4:
        return re.escape(word)
    return "".join(re.escape(c) + (_INNER_SEP if 2 <= i + 1 <= len(word) - 2 else "")
                   for i, c in enumerate(word))


def _words_body(words: tuple[str, ...], joined: bool) -> str:
    return (f"{_SEP}*" if joined else f"{_SEP}+").join(_word_body(w, joined) for w in words)


@cache
def _word_edges() -> tuple[str, str]:
    """(not after a word character, not before one): letters, digits and surviving marks."""
    mark = _mark_res()[0]
    return rf"(?<![^\W_])(?<!{mark})", rf"(?![^\W_]|{mark})"


@lru_cache(maxsize=256)
def _query_pattern(words: tuple[str, ...], whole_words: bool, clitics: bool, joined: bool) -> re.Pattern[str]:
    body = _words_body(words, joined)
    if not whole_words:
        return re.compile(f"(?P<q>{body})")
    before, after = _word_edges()
    prefix = f"(?:{'|'.join(CLITIC_PREFIXES)})?" if clitics else ""
    return re.compile(f"{before}{prefix}(?P<q>{body}){after}")


@lru_cache(maxsize=64)
def _any_pattern(alternatives: tuple[tuple[str, ...], ...], whole_words: bool, clitics: bool,
                 joined: bool) -> re.Pattern[str]:
    body = "|".join(_words_body(words, joined) for words in alternatives)
    if not whole_words:
        return re.compile(f"(?P<q>{body})")
    before, after = _word_edges()
    prefix = f"(?:{'|'.join(CLITIC_PREFIXES)})?" if clitics else ""
    return re.compile(f"{before}{prefix}(?P<q>{body}){after}")


def find_all(
    text: str | KeyedText, query: str, whole_words: bool = True, clitics: bool = True, joined: bool = True
) -> list[tuple[int, int]]:
    """Every occurrence of `query` in `text` by match key, as (start, end) code-point spans of the
    original text, in order, not overlapping; match_key(text[start:end]) equals match_key(query) up
    to the whitespace between words. Pass a KeyedText to search one document many times.

    whole_words: no letter or digit right before or after the match, except (clitics) a clitic
    prefix before it, kept outside the span (روسيا in وروسيا, بالروسيا). joined: spacing is
    ignored: words of a multi-word query may be written together and a query word may be split by
    spaces in the text (بيونغ يانغ finds بيونجيانج and the reverse). Matches that would cut a
    ligature are dropped (they are no span of the text).
    """
    kt = text if isinstance(text, KeyedText) else keyed(text)
    return kt.find_all(query, whole_words=whole_words, clitics=clitics, joined=joined)


def strip_clitics(word: str) -> list[str]:
    """Readings of `word` without a clitic prefix, as substrings of it: the word itself first, then
    shorter stems (وبالروسيا -> وبالروسيا, بالروسيا, الروسيا, روسيا). Stems keep at least two key
    letters, so a short word (بل, وو) is not taken apart."""
    kt = keyed(word)
    out = [word]
    for p in sorted(CLITIC_PREFIXES, key=len):
        if kt.key.startswith(p) and len(kt.key) - len(p) >= 2 and kt.is_aligned(len(p), len(kt.key)):
            stem = word[kt.source(len(p)) :]
            if stem not in out:
                out.append(stem)
    return out
