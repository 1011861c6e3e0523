"""Code points <-> UTF-16 code units: the only place the two offset units meet.

Qt documents, browsers and doccano count UTF-16 code units (an astral character such as an
emoji counts 2); everything else in annotator counts Python code points.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Utf16Map:
    """Offset conversion for one text, O(log a) per call where a = number of astral chars."""

    __slots__ = ("_astral_cp", "_astral_u16", "length_cp", "length_u16")

    def __init__(self, text: str):
        # Code-point index of each astral character, and the UTF-16 index where it begins.
        # A regex scan runs in C: a per-character Python loop costs ~35 ms on 500k characters.
        self._astral_cp = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []
        self._astral_u16 = [cp + n for n, cp in enumerate(self._astral_cp)]
        self.length_cp = len(text)
        self.length_u16 = len(text) + len(self._astral_cp)

    @property
    def identity(self) -> bool:
        return not self._astral_cp

    def to_utf16(self, cp: int) -> int:
        if not 0 <= cp <= self.length_cp:
            raise ValueError(f"code-point offset {cp} outside 0..{self.length_cp}")
        return cp + bisect_left(self._astral_cp, cp)

    def to_codepoint(self, u16: int) -> int:
        """Raise ValueError for an offset outside the text or between a surrogate pair."""
        if not 0 <= u16 <= self.length_u16:
            raise ValueError(f"UTF-16 offset {u16} outside 0..{self.length_u16}")
        before = bisect_right(self._astral_u16, u16 - 1)  # astral chars starting before u16
        if before and self._astral_u16[before - 1] == u16 - 1:
            raise ValueError(f"UTF-16 offset {u16} splits a surrogate pair")
        return u16 - before
