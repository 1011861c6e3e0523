"""Showing untrusted short strings (titles, label and entity names, file names) safely.

Imported data is not trusted. A title "تقرير\\u202Eexe.txt" contains a right-to-left override
(RLO): rendered as is, it reorders what follows it and shows "تقرير txt.exe"; a newline in a label
name breaks a one-line palette entry; an unterminated embedding in a window title reorders the
rest of the title bar. :func:`neutralised` gives a string that displays every such character as a
visible, readable token and cannot reorder the text around it. It is for display only: stored
text, search and export keep the original.

The replacements (documented here because users see them):

- bidi controls become their short Unicode name in white square brackets:
  LRE RLE PDF LRO RLO (U+202A–202E), LRI RLI FSI PDI (U+2066–2069), LRM RLM (U+200E/F),
  ALM (U+061C), e.g. U+202E → "⟦RLO⟧";
- a line break (LF, CR, NEL, U+2028, U+2029) becomes "⏎", a tab "⇥";
- every other C0 control and DEL becomes its Unicode control picture (ESC → "␛", NUL → "␀");
  C1 controls (U+0080–U+009F) and the deprecated format characters U+206A–206F (which switch
  Arabic shaping and mirroring off) become "⟦U+XXXX⟧";
- the whole result is wrapped in FSI … PDI (U+2068 … U+2069): its direction is taken from its own
  first strong letter and it is ordered as one unit within the surrounding text, so a label name
  never drags a neighbouring word or number into its direction.

ZWJ and ZWNJ are kept: they join and separate Arabic letters and emoji legitimately, and they do
not reorder anything.
"""

from __future__ import annotations

__all__ = ["neutralised", "FSI", "PDI"]

FSI = "\u2068"
PDI = "\u2069"

_BIDI = {
    "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO",
    "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI",
    "\u200e": "LRM", "\u200f": "RLM", "\u061c": "ALM",
}


def _table() -> dict[int, str]:
    table: dict[int, str] = {ord(ch): f"\u27e6{name}\u27e7" for ch, name in _BIDI.items()}
    for cp in range(0x20):
        table[cp] = chr(0x2400 + cp)  # control pictures: ␀ ␁ ... ␛ ... ␟
    table[0x7F] = "\u2421"  # ␡
    for cp in list(range(0x80, 0xA0)) + list(range(0x206A, 0x2070)):
        table[cp] = f"\u27e6U+{cp:04X}\u27e7"
    for cp in (0x0A, 0x0D, 0x85, 0x2028, 0x2029):
        table[cp] = "\u23ce"  # ⏎
    table[0x09] = "\u21e5"  # ⇥
    return table


_TABLE = _table()


def neutralised(text: str, limit: int | None = None) -> str:
    """`text` made safe to show inside other text: controls visible, wrapped in FSI … PDI.

    `limit` (optional) cuts the visible text to that many characters plus "…", before wrapping.

    >>> neutralised("تقرير\\u202eexe.txt") == "\\u2068تقرير⟦RLO⟧exe.txt\\u2069"
    True
    >>> neutralised("PERSON\\nB-X\\tY\\x1b[31m") == "\\u2068PERSON⏎B-X⇥Y␛[31m\\u2069"
    True
    >>> neutralised("abcdef", limit=3) == "\\u2068abc…\\u2069"
    True
    """
    if limit is not None and len(text) > limit:
        text = text[:limit] + "\u2026"
    return FSI + text.translate(_TABLE) + PDI
