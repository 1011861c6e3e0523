"""Canonical text: the one transformation applied on import, after which text never changes.

DESIGN.md §2: strip a leading BOM; CRLF, CR, U+2028 and U+2029 become LF; NUL, lone
surrogates and non-characters are rejected. Nothing else is touched.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from dataclasses import dataclass

BOM = "\ufeff"

# Non-characters: U+FDD0..U+FDEF and the last two code points of every plane.
_NONCHARS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
_FORBIDDEN = re.compile(f"[\x00\ud800-\udfff{_NONCHARS}]")
# A cheap superset of _FORBIDDEN (a class of four ranges instead of 38 members): almost every
# text passes it, and only a hit pays for the exact search.
_SUSPECT = re.compile("[\x00\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\U0001fffe-\U0010ffff]")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029]")


class TextError(ValueError):
    """Text that cannot be stored; `line` is 1-based within the text, `reason` is for users."""

    def __init__(self, reason: str, line: int | None = None):
        super().__init__(reason if line is None else f"line {line}: {reason}")
        self.reason = reason
        self.line = line


def describe_char(ch: str) -> str:
    cp = ord(ch)
    if cp == 0:
        return "NUL byte (U+0000)"
    if 0xD800 <= cp <= 0xDFFF:
        return f"lone surrogate U+{cp:04X}"
    return f"non-character U+{cp:04X}"


def check_storable(text: str) -> None:
    """Raise TextError naming the first forbidden character and its line."""
    bad = _FORBIDDEN.search(text) if _SUSPECT.search(text) else None
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise TextError(describe_char(bad.group()), line)


def unify_line_breaks(text: str) -> str:
    """CRLF, CR, U+2028 and U+2029 as LF, the way canonical text has them."""
    return _LINE_BREAKS.sub("\n", text)


def canonicalise(raw: str) -> str:
    """Return the canonical form of `raw`, or raise TextError."""
    text = raw[1:] if raw.startswith(BOM) else raw
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        text = unify_line_breaks(text)
    check_storable(text)
    if not text.strip():
        raise TextError("empty text")
    return text


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class OffsetShift:
    """Maps offsets in raw text to offsets in its canonical form (only deletions shift them)."""

    removed: tuple[int, ...]  # raw indices of the characters canonicalisation deleted

    @classmethod
    def of(cls, raw: str) -> "OffsetShift":
        removed: list[int] = [0] if raw.startswith(BOM) else []
        start = raw.find("\r\n")
        while start != -1:
            removed.append(start + 1)  # the LF of CRLF goes; the CR becomes LF
            start = raw.find("\r\n", start + 2)
        return cls(tuple(removed))

    def __call__(self, offset: int) -> int:
        return offset - bisect_left(self.removed, offset) if self.removed else offset

    @property
    def identity(self) -> bool:
        return not self.removed
