"""CSV/TSV tables: a header row, then one document per row.

The text column is the one named by ``text_column`` or else the first of ``text``, ``content``,
``body``, ``article`` found (header names compared case-insensitively, ignoring surrounding
spaces). A ``.tsv`` is split on tabs; other tables on the delimiter their header uses most. ``id`` and ``status`` fill the Draft;
``title``, ``source``, ``url`` fill meta; every other column goes into meta under its header, in
column order. ``meta["file"]`` is the table's file name unless a ``file`` column gives one.
A bad row (wrong field count, empty text, broken quoting, larger than one document may be) is
rejected at the line where it starts; the other rows still import.

Tables are streamed: a file above WHOLE_FILE_BYTES is decoded as it is read, and no row is ever
held beyond MAX_DOCUMENT characters, so a gigabyte cell costs a bounded buffer, not gigabytes.
"""

from __future__ import annotations

import csv
import io
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from annotator.io.decode import DecodeError, detect
from annotator.io.records import MAX_DOCUMENT, Draft, Rejection
from annotator.io.txt import nonblocking, not_a_file, read_text

SUFFIXES = ("csv", "tsv")
TEXT_COLUMNS = ("text", "content", "body", "article")
DELIMITERS = ",;\t|"
_META_COLUMNS = ("title", "source", "url")
_QUOTED = re.compile(r'"[^"]*"')

# One cell may hold a whole document (the default limit is 128 KiB), no more: a larger cell is a
# csv.Error for its row. (_Rows bounds whole rows the same way, before the csv module sees them.)
csv.field_size_limit(min(sys.maxsize, MAX_DOCUMENT))
# Smaller files are decoded whole, with decode()'s exact diagnosis; larger ones are streamed.
WHOLE_FILE_BYTES = 16_000_000
_SAMPLE = 1 << 20  # bytes that choose the codec of a streamed file


class _TooBig(Exception):
    pass


class _Rows:
    """Physical lines for csv.reader, counted, with each row bounded: when a row grows beyond
    `limit` characters it raises _TooBig, and skip_row() then reads on (without keeping
    anything) to where the row ends, by quote parity, so the next row is read correctly."""

    def __init__(self, stream, limit: int):
        self.stream, self.limit = stream, limit
        self.number = 0  # physical lines read
        self._mid = False  # the last piece read ended inside a line
        self._chars = self._quotes = 0  # in the current row

    def start_row(self) -> int:
        self._chars = self._quotes = 0
        return self.number + 1

    def _read(self, size: int) -> str:
        piece = self.stream.readline(size)
        if piece and not self._mid:
            self.number += 1
            if self.number == 1:
                piece = piece.removeprefix("\ufeff")  # an explicit encoding keeps the BOM
        self._mid = bool(piece) and not piece.endswith(("\n", "\r"))
        self._quotes += piece.count('"')
        return piece

    def __iter__(self):
        return self

    def __next__(self) -> str:
        room = self.limit - self._chars
        piece = self._read(room + 1)
        if not piece:
            raise StopIteration
        self._chars += len(piece)
        if self._chars > self.limit:
            raise _TooBig
        return piece

    def skip_row(self) -> None:
        while self._mid or self._quotes % 2:  # inside a line, or inside a quoted cell
            if not self._read(1 << 20):
                return


def _open(path, encoding: str | None):
    """A text stream of the table (newline="" keeps line breaks inside cells as they are and
    counts physical lines), or a Rejection."""
    name = str(path)
    try:
        info = os.stat(path)
        reason = not_a_file(info.st_mode)
        if reason:
            return Rejection(name, None, reason)
        if info.st_size <= WHOLE_FILE_BYTES:
            text = read_text(path, encoding)
            return text if isinstance(text, Rejection) else io.StringIO(text, newline="")
        fh = open(path, "rb", opener=nonblocking)
    except OSError as err:
        return Rejection(name, None, f"cannot read file: {err.strerror or err}")
    try:
        reason = not_a_file(os.fstat(fh.fileno()).st_mode)  # swapped since the check above?
        if reason:
            fh.close()
            return Rejection(name, None, reason)
        codec = detect(fh.read(_SAMPLE), encoding)
        fh.seek(0)
    except DecodeError as err:
        fh.close()
        return Rejection(name, err.line, err.reason)
    except OSError as err:
        fh.close()
        return Rejection(name, None, f"cannot read file: {err.strerror or err}")
    return io.TextIOWrapper(fh, codec, newline="")


def read(path, *, encoding: str | None = None, text_column: str | None = None) -> Iterator[Draft | Rejection]:
    """`text_column` names the column with the text (CheckThat! files: tweet_text) instead of
    the usual names."""
    stream = _open(path, encoding)
    if isinstance(stream, Rejection):
        yield stream
        return
    with stream:
        try:
            yield from _read_rows(stream, path, text_column)
        except UnicodeDecodeError as exc:  # only a streamed file finds a fault this late
            yield Rejection(str(path), None, f"cannot decode as {stream.encoding} further on: {exc.reason}; "
                                             "the rest of the table is not read")
        except OSError as err:
            yield Rejection(str(path), None, f"cannot read file: {err.strerror or err}")


def _read_rows(stream, path, text_column: str | None = None) -> Iterator[Draft | Rejection]:
    name = str(path)
    delimiter = "\t" if name.lower().endswith(".tsv") else sniff_delimiter(stream.read(1 << 16).removeprefix("\ufeff"))
    stream.seek(0)
    lines = _Rows(stream, MAX_DOCUMENT)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)

    header = None
    while header is None:
        start = lines.start_row()
        try:
            row = next(reader)
        except StopIteration:
            yield Rejection(name, None, "empty table (no header row)")
            return
        except _TooBig:
            yield Rejection(name, start, f"bad header row: {_too_big()}")
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
    wanted = (text_column.strip().casefold(),) if text_column else TEXT_COLUMNS
    text_col = next((keys.index(c) for c in wanted if c in keys), None)
    if text_col is None and text_column:
        yield Rejection(name, None, f"no column {text_column!r} (--text-column); columns: {', '.join(header) or 'none'}")
        return
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
        start = lines.start_row()
        try:
            row = next(reader)
        except StopIteration:
            if not rows:  # like an empty file: say so rather than import nothing silently
                yield Rejection(name, None, "no rows below the header")
            return
        except (_TooBig, csv.Error) as err:
            if isinstance(err, _TooBig) or "field limit" in str(err):
                rows += 1
                lines.skip_row()
                yield Rejection(name, start, _too_big())
                continue
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
        meta["file"] = cell("file") or Path(name).name
        meta.update((h, row[i]) for h, i in extras)
        yield Draft(body, path=name, line=start, meta=meta, id=cell("id"), status=cell("status"))


def _too_big() -> str:
    return f"row larger than the {MAX_DOCUMENT:,} characters one document may have; skipped"


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
