"""CSV/TSV tables: a header row, then one document per row.

The text column is the first of ``text``, ``content``, ``body``, ``article`` found (header names
compared case-insensitively, ignoring surrounding spaces). ``id`` and ``status`` fill the Draft;
``title``, ``source``, ``url`` fill meta; every other column goes into meta under its header, in
column order. ``meta["file"]`` is the table's file name unless a ``file`` column gives one.
A bad row (wrong field count, empty text, broken quoting) is rejected at the line where it
starts; the other rows still import.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from annotator.io.records import Draft, Rejection
from annotator.io.txt import read_text

SUFFIXES = ("csv", "tsv")
TEXT_COLUMNS = ("text", "content", "body", "article")
DELIMITERS = ",;\t|"
_META_COLUMNS = ("title", "source", "url")
_QUOTED = re.compile(r'"[^"]*"')

# One cell may hold a whole article (the default limit is 128 KiB); C long caps it on Windows.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def read(path, *, encoding: str | None = None) -> Iterator[Draft | Rejection]:
    name = str(path)
    text = read_text(path, encoding)
    if isinstance(text, Rejection):
        yield text
        return
    text = text.removeprefix("\ufeff")  # an explicit encoding keeps the BOM; it is not in the header
    delimiter = "\t" if name.lower().endswith(".tsv") else sniff_delimiter(text)
    # newline="" hands the csv module raw lines, so quoted cells keep their line breaks and
    # line_num counts physical lines.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)

    header = None
    while header is None:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            yield Rejection(name, None, "empty table (no header row)")
            return
        except csv.Error as err:
            yield Rejection(name, start, f"bad header row: {_csv_reason(err)}")
            return
        if any(cell.strip() for cell in row):  # blank lines before the header, not a header of blanks
            header = [cell.strip() for cell in row]
    keys = [h.casefold() for h in header]
    dupes = sorted({h for h, k in zip(header, keys) if h and keys.count(k) > 1})
    if dupes:
        yield Rejection(name, None, f"duplicate columns: {', '.join(dupes)}")
        return
    text_col = next((keys.index(c) for c in TEXT_COLUMNS if c in keys), None)
    if text_col is None:
        yield Rejection(
            name, None,
            f"no text column (text, content, body or article); columns: {', '.join(header) or 'none'}",
        )
        return
    special = {k: i for i, k in enumerate(keys) if k in ("id", "status", "file", *_META_COLUMNS)}
    extras = [
        (h or f"column_{i + 1}", i)
        for i, (h, k) in enumerate(zip(header, keys))
        if i != text_col and k not in special
    ]

    rows = 0
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            if not rows:  # like an empty file: say so rather than import nothing silently
                yield Rejection(name, None, "no rows below the header")
            return
        except csv.Error as err:
            rows += 1
            yield Rejection(name, start, _csv_reason(err))
            continue
        if not row:  # a blank line
            continue
        rows += 1
        if len(row) != len(header):
            yield Rejection(name, start, f"{len(row)} fields, the header has {len(header)}")
            continue
        body = row[text_col]
        if not body.strip():
            yield Rejection(name, start, f"empty {header[text_col]} cell")
            continue

        def cell(key: str) -> str | None:
            value = row[special[key]].strip() if key in special else ""
            return value or None

        meta = {key: cell(key) for key in _META_COLUMNS}
        meta["file"] = cell("file") or Path(path).name
        meta.update((h, row[i]) for h, i in extras)
        yield Draft(body, path=name, line=start, meta=meta, id=cell("id"), status=cell("status"))


def sniff_delimiter(text: str) -> str:
    """The candidate most frequent in the header line (outside quotes); ',' if none occurs.

    The header is short, unquoted as a rule and never spans lines, so counting there is more
    reliable than csv.Sniffer on Arabic prose with multi-line cells."""
    first = _QUOTED.sub("", text.lstrip("\r\n").split("\n", 1)[0])
    counts = [(first.count(d), -i, d) for i, d in enumerate(DELIMITERS)]
    best = max(counts)
    return best[2] if best[0] else ","


def _csv_reason(err: csv.Error) -> str:
    if "unexpected end of data" in str(err):
        return "unterminated quoted field"
    return f"bad CSV row: {err}"
