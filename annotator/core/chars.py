"""Character sets several text modules agree on (tokens, Arabic keys): one definition each, so
the tokenizer and the search key cannot drift apart on what is invisible or a mark."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Bidirectional controls: LRM RLM ALM, LRE RLE PDF LRO RLO, LRI RLI FSI PDI. Invisible, and
# meaningless inside a word: the tokenizer treats them as space, the search key deletes them.
BIDI_CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Invisible characters that belong to the word they sit in: ZWNJ, ZWJ, word joiner, soft hyphen.
JOINERS = "\u200c\u200d\u2060\u00ad"
# The variation selectors supplement: the only astral marks beyond plane 1 that matter (emoji, CJK).
_VS_SUPPLEMENT = range(0xE0100, 0xE01F0)


@cache
def combining_marks() -> tuple[int, ...]:
    """Code points of every combining mark (Mn, Mc, Me) in planes 0 and 1, and the variation
    selectors supplement, in order; ~20 ms, once per process."""
    category = unicodedata.category
    return (*(cp for cp in range(0x20000) if category(chr(cp))[0] == "M"), *_VS_SUPPLEMENT)


def char_class(cps: list[int] | tuple[int, ...]) -> str:
    """Regex class body (without brackets) for a sorted list of code points, as ranges."""
    out, i = [], 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        out.append(re.escape(chr(cps[i])) + ("-" + re.escape(chr(cps[j])) if j > i else ""))
        i = j + 1
    return "".join(out)
