"""Extended grapheme cluster boundaries ("user-perceived characters"), close to UAX #29.

A span must never split a letter from its marks (شدّة: the shadda and the fatha belong to the
dal), a flag in half, or an emoji sequence: such a span has no meaning, displays as a dangling
mark and gives broken CoNLL tokens. This module is the one rule used by the import pipeline, the
Workspace, selection snapping and `annotator check`.

Stdlib only (`unicodedata`, Unicode 15.0 on Python 3.12). Implemented rules of UAX #29:
GB3 CR × LF; GB4/GB5 break around controls; GB6–GB8 Hangul syllables; GB9 × Extend/ZWJ;
GB9a × SpacingMark; GB9b Prepend ×; GB11 Extended_Pictographic Extend* ZWJ × Extended_Pictographic;
GB12/GB13 regional indicators in pairs. Not implemented: GB9c (Indic conjunct clusters of
Unicode 15.1), so a Devanagari consonant + virama + consonant counts as two clusters, which is
the finer (and so still safe for Arabic) answer. Extended_Pictographic is an approximation of
emoji-data.txt by code point ranges; it only matters right after a ZWJ.

Every function looks only at the cluster(s) around the given offset: cost is O(length of the
cluster), never O(length of the text). Offsets are Python code-point indices.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import cache, lru_cache

__all__ = ["is_boundary", "snap_out", "first_inside", "split_problem", "cluster_at"]

# Grapheme_Cluster_Break property values used below.
_OTHER, _CR, _LF, _CONTROL, _EXTEND, _ZWJ, _RI, _PREPEND, _SPACING, _L, _V, _T, _LV, _LVT = range(14)

_ZWJ_CP = 0x200D
# Other_Grapheme_Extend (PropList.txt) plus the emoji modifiers (Extend since Unicode 11):
# characters outside Mn/Me that still never start a cluster.
_OTHER_EXTEND = frozenset(
    [0x09BE, 0x09D7, 0x0B3E, 0x0B57, 0x0BBE, 0x0BD7, 0x0CC2, 0x0CD5, 0x0CD6, 0x0D3E, 0x0D57, 0x0DCF,
     0x0DDF, 0x1B35, 0x200C, 0x302E, 0x302F, 0xFF9E, 0xFF9F, 0x1133E, 0x11357, 0x114B0, 0x114BD,
     0x115AF, 0x1D165, 0x1D16E, 0x1D16F, 0x1D170, 0x1D171, 0x1D172]
    + list(range(0x1F3FB, 0x1F400))  # skin tones
    + list(range(0xE0020, 0xE0080))  # tag characters (subdivision flags 🏴󠁧󠁢󠁳󠁣󠁴󠁿)
)
# Prepend: Prepended_Concatenation_Mark (the Arabic number signs U+0600–0605, end of ayah U+06DD)
# and a few Indic prefixed letters. They join the character that follows them.
_PREPEND_CPS = frozenset(
    list(range(0x0600, 0x0606)) + [0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x0D4E, 0x110BD, 0x110CD,
                                   0x111C2, 0x111C3, 0x1193F, 0x11941, 0x11A3A, 0x11D46, 0x11F02]
    + list(range(0x11A84, 0x11A8A))
)
# Lo characters that behave as spacing marks (Thai/Lao sara am).
_SPACING_EXTRA = frozenset([0x0E33, 0x0EB3])
# Mc characters that are not SpacingMark (GraphemeBreakProperty.txt): Myanmar, Tai Tham, Tai
# Viet and Ahom vowel signs that may start a cluster of their own.
_NOT_SPACING = frozenset(
    [0x102B, 0x102C, 0x1038, 0x1062, 0x1063, 0x1064, *range(0x1067, 0x106E), 0x1083, *range(0x1087, 0x108D),
     0x108F, 0x109A, 0x109B, 0x109C, 0x1A61, 0x1A63, 0x1A64, 0xAA7B, 0xAA7D, 0x11720, 0x11721]
)

# Extended_Pictographic (emoji-data.txt), as inclusive ranges sorted by start.
_PICTO = (
    (0x00A9, 0x00A9), (0x00AE, 0x00AE), (0x203C, 0x203C), (0x2049, 0x2049), (0x2122, 0x2122),
    (0x2139, 0x2139), (0x2194, 0x2199), (0x21A9, 0x21AA), (0x231A, 0x231B), (0x2328, 0x2328),
    (0x2388, 0x2388), (0x23CF, 0x23CF), (0x23E9, 0x23F3), (0x23F8, 0x23FA), (0x24C2, 0x24C2),
    (0x25AA, 0x25AB), (0x25B6, 0x25B6), (0x25C0, 0x25C0), (0x25FB, 0x25FE), (0x2600, 0x2605),
    (0x2607, 0x2612), (0x2614, 0x2685), (0x2690, 0x2705), (0x2708, 0x2712), (0x2714, 0x2714),
    (0x2716, 0x2716), (0x271D, 0x271D), (0x2721, 0x2721), (0x2728, 0x2728), (0x2733, 0x2734),
    (0x2744, 0x2744), (0x2747, 0x2747), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755),
    (0x2757, 0x2757), (0x2763, 0x2767), (0x2795, 0x2797), (0x27A1, 0x27A1), (0x27B0, 0x27B0),
    (0x27BF, 0x27BF), (0x2934, 0x2935), (0x2B05, 0x2B07), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50),
    (0x2B55, 0x2B55), (0x3030, 0x3030), (0x303D, 0x303D), (0x3297, 0x3297), (0x3299, 0x3299),
    (0x1F000, 0x1F0FF), (0x1F10D, 0x1F10F), (0x1F12F, 0x1F12F), (0x1F16C, 0x1F171),
    (0x1F17E, 0x1F17F), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F1AD, 0x1F1E5),
    (0x1F201, 0x1F20F), (0x1F21A, 0x1F21A), (0x1F22F, 0x1F22F), (0x1F232, 0x1F23A),
    (0x1F23C, 0x1F23F), (0x1F249, 0x1F3FA), (0x1F400, 0x1F53D), (0x1F546, 0x1F64F),
    (0x1F680, 0x1F6FF), (0x1F774, 0x1F77F), (0x1F7D5, 0x1F7FF), (0x1F80C, 0x1F80F),
    (0x1F848, 0x1F84F), (0x1F85A, 0x1F85F), (0x1F888, 0x1F88F), (0x1F8AE, 0x1F8FF),
    (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1FAFF), (0x1FC00, 0x1FFFD),
)
_PICTO_STARTS = tuple(lo for lo, _ in _PICTO)


def _pictographic(ch: str) -> bool:
    cp = ord(ch)
    k = bisect_right(_PICTO_STARTS, cp) - 1
    return k >= 0 and cp <= _PICTO[k][1]


def _property(ch: str) -> int:
    """Grapheme_Cluster_Break of one character."""
    cp = ord(ch)
    if cp == 0x0D:
        return _CR
    if cp == 0x0A:
        return _LF
    if cp == _ZWJ_CP:
        return _ZWJ
    if cp in _OTHER_EXTEND:
        return _EXTEND
    if cp in _PREPEND_CPS:
        return _PREPEND
    if 0x1F1E6 <= cp <= 0x1F1FF:
        return _RI
    if 0x1100 <= cp <= 0x115F or 0xA960 <= cp <= 0xA97C:
        return _L
    if 0x1160 <= cp <= 0x11A7 or 0xD7B0 <= cp <= 0xD7C6:
        return _V
    if 0x11A8 <= cp <= 0x11FF or 0xD7CB <= cp <= 0xD7FB:
        return _T
    if 0xAC00 <= cp <= 0xD7A3:
        return _LV if (cp - 0xAC00) % 28 == 0 else _LVT
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me"):
        return _EXTEND
    if (cat == "Mc" and cp not in _NOT_SPACING) or cp in _SPACING_EXTRA:
        return _SPACING
    # Bidi controls, RLM/LRM, ALM, soft hyphen...: each a cluster of its own (GB4/GB5).
    if cat in ("Cc", "Cf", "Zl", "Zp"):
        return _CONTROL
    return _OTHER


# Cached: texts reuse few distinct characters.
_prop = lru_cache(maxsize=4096)(_property)

# Runs of characters that never start a cluster (Extend, ZWJ, SpacingMark) are skipped with a
# regex once they get long: a "zalgo" letter with a million marks is one cluster, and walking it
# a character at a time in Python took seconds.
_SHORT_RUN = 32


def _class_bodies() -> tuple[str, str]:
    """Regex class bodies of the joiners (Extend, ZWJ, SpacingMark) and of Extend alone, in one
    pass. Marks exist only from U+0300 in planes 0 and 1, among the variation selectors and tags."""
    bodies: list[list[str]] = [[], []]
    starts: list[int | None] = [None, None]
    for cp in [*range(0x0300, 0x20000), *range(0xE0000, 0xE0200), 0x110000]:
        prop = _property(chr(cp)) if cp < 0x110000 else _OTHER
        for k, inside in enumerate((prop in (_EXTEND, _ZWJ, _SPACING), prop == _EXTEND)):
            if inside and starts[k] is None:
                starts[k] = cp
            elif not inside and starts[k] is not None:
                bodies[k].append(f"{re.escape(chr(starts[k]))}-{re.escape(chr(cp - 1))}")
                starts[k] = None
    return "".join(bodies[0]), "".join(bodies[1])


@cache
def _joiner_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a run of joiners, text up to its last non-joiner, text up to its last non-Extend),
    built on first need only (a fraction of a second), since short runs never need them."""
    joiners, extend = _class_bodies()
    return re.compile(f"[{joiners}]+"), re.compile(f"(?s:.*)[^{joiners}]"), re.compile(f"(?s:.*)[^{extend}]")


def _joins(ch: str) -> bool:
    return _prop(ch) in (_EXTEND, _ZWJ, _SPACING)


def _run_end(text: str, i: int) -> int:
    """End of the run of joiners starting at text[i] (a joiner)."""
    return _joiner_patterns()[0].match(text, i).end()


def _run_start(text: str, i: int, extend_only: bool = False) -> int:
    """Start of the run of joiners (or of Extend characters only) ending at text[i - 1],
    looking back in growing windows so the cost is the length of the run, not of the text."""
    last_other = _joiner_patterns()[2 if extend_only else 1]
    width = 64
    while True:
        lo = max(0, i - width)
        m = last_other.match(text, lo, i)
        if m:
            return m.end()
        if lo == 0:
            return 0
        width *= 4


def is_boundary(text: str, i: int) -> bool:
    """True when a cluster boundary lies between text[i-1] and text[i].

    0 and len(text) are boundaries; so is any offset outside 0..len(text) (range checks are the
    caller's business). Examples::

        >>> is_boundary("شدّة", 2)   # between dal and its shadda
        False
        >>> is_boundary("🇸🇦🇪🇬", 2), is_boundary("🇸🇦🇪🇬", 1)
        (True, False)
        >>> is_boundary("\\r\\n", 1)
        False
    """
    if i <= 0 or i >= len(text):
        return True
    a, b = _prop(text[i - 1]), _prop(text[i])
    if a == _CR and b == _LF:  # GB3
        return False
    if a in (_CONTROL, _CR, _LF) or b in (_CONTROL, _CR, _LF):  # GB4, GB5
        return True
    if a == _L and b in (_L, _V, _LV, _LVT):  # GB6
        return False
    if a in (_LV, _V) and b in (_V, _T):  # GB7
        return False
    if a in (_LVT, _T) and b == _T:  # GB8
        return False
    if b in (_EXTEND, _ZWJ, _SPACING) or a == _PREPEND:  # GB9, GB9a, GB9b
        return False
    if a == _ZWJ and _pictographic(text[i]):  # GB11: look back over Extend* to a pictograph
        j, steps = i - 2, 0
        while j >= 0 and _prop(text[j]) == _EXTEND:
            j, steps = j - 1, steps + 1
            if steps > _SHORT_RUN:
                j = _run_start(text, j + 1, extend_only=True) - 1
                break
        return not (j >= 0 and _pictographic(text[j]))
    if a == _RI and b == _RI:  # GB12/GB13: pairs, counted from the start of the run
        j = i - 1
        while j > 0 and _prop(text[j - 1]) == _RI:
            j -= 1
        return (i - j) % 2 == 0
    return True  # GB999


def _start_of(text: str, i: int) -> int:
    """The nearest boundary at or before i. No position inside a run of joiners is a boundary
    (GB9/GB9a), so a long run is crossed in one step."""
    steps = 0
    while not is_boundary(text, i):
        steps += 1
        if steps > _SHORT_RUN and _joins(text[i - 1]):
            i = _run_start(text, i)
            steps = 0
        else:
            i -= 1
    return i


def _end_of(text: str, i: int) -> int:
    """The nearest boundary at or after i (runs of joiners crossed in one step, as above)."""
    steps = 0
    while not is_boundary(text, i):
        steps += 1
        if steps > _SHORT_RUN and _joins(text[i]):
            i = _run_end(text, i)
            steps = 0
        else:
            i += 1
    return i


def cluster_at(text: str, i: int) -> tuple[int, int]:
    """(start, end) of the cluster containing text[i] (0 <= i < len(text))."""
    start = _start_of(text, i)
    return start, _end_of(text, i + 1)


def snap_out(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to cluster boundaries: start moves back, end moves forward.

    >>> snap_out("\u0634\u062f\u0651\u064e\u0629", 2, 3)   # shadda alone -> dal + shadda + fatha
    (1, 4)
    """
    return _start_of(text, start), _end_of(text, end)


def first_inside(text: str, start: int, end: int) -> int | None:
    """The first of `start`, `end` that is not a cluster boundary, or None when both are."""
    if not is_boundary(text, start):
        return start
    if not is_boundary(text, end):
        return end
    return None


# The user-facing reason, shared by import, Workspace and `check` so they all say the same.
INSIDE_REASON = "inside a character (a letter and its marks, or one emoji)"


def split_problem(text: str, start: int, end: int) -> str | None:
    """'starts inside a character (...)' / 'ends inside ...' for a span that splits a cluster."""
    if not is_boundary(text, start):
        return f"starts {INSIDE_REASON}"
    if not is_boundary(text, end):
        return f"ends {INSIDE_REASON}"
    return None
