"""JSONL import: every line is one document, its shape (native, doccano, Prodigy, plain)
detected per line, so files mixing shapes still import."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path

from annotator.io import doccano, native, prodigy
from annotator.io.decode import DecodeError, decode
from annotator.io.records import Draft, Rejection

SUFFIXES = ("jsonl", "ndjson")


def shape_of(obj: dict) -> str:
    if "schema_version" in obj or ("status" in obj and "spans" in obj and "tokens" not in obj):
        return "native"
    if "tokens" in obj or "spans" in obj:
        return "prodigy"
    if doccano.is_doccano(obj):
        return "doccano"
    return "plain"


def parse_object(obj, path: str, line: int) -> Draft | Rejection:
    if not isinstance(obj, dict):
        return Rejection(path, line, f"expected a JSON object, got {type(obj).__name__}")
    shape = shape_of(obj)
    if shape == "native":
        return native.parse_record(obj, path, line)
    if shape == "prodigy":
        return prodigy.parse_record(obj, path, line)
    if shape == "doccano":
        return doccano.parse_record(obj, path, line)
    text = obj.get("text")
    if not isinstance(text, str):
        return Rejection(path, line, "no \"text\" string")
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {k: v for k, v in obj.items() if k not in ("id", "text")}
    return Draft(text, path, line, meta=meta, id=obj.get("id"))


def parse_line(raw: str, path: str, line: int) -> Draft | Rejection | None:
    if not raw.strip():
        return None
    try:
        # Without its line break: in it, an unterminated string was "Invalid control character".
        obj = json.loads(raw.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        # json's "Invalid control character at" already ends in "at"
        return Rejection(path, line, f"invalid JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}")
    except RecursionError:
        return Rejection(path, line, "JSON nested too deeply")
    except ValueError as exc:
        # Not a JSONDecodeError: int() refuses numbers over sys.get_int_max_str_digits() digits,
        # and that ValueError escaped as a traceback that ended the whole import.
        return Rejection(path, line, f"invalid JSON: {'a number too long' if 'digits' in str(exc) else exc}")
    return parse_object(obj, path, line)


def _lines(path: Path, encoding: str | None) -> Iterator[tuple[int, str | Rejection]]:
    """(line number, text or Rejection) for every line, split on LF only: U+2028 and friends
    may legally sit inside JSON strings."""
    with open(path, "rb") as fh:
        head = fh.read(4)
        fh.seek(0)
        wide = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        if encoding or wide:
            try:
                text = decode(fh.read(), encoding)
            except DecodeError as exc:
                yield exc.line or 1, Rejection(str(path), exc.line, exc.reason)
                return
            for number, line in enumerate(text.split("\n"), 1):
                yield number, line
            return
        for number, raw in enumerate(fh, 1):
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[3:]
            try:
                yield number, raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield number, Rejection(str(path), number, f"invalid UTF-8 at byte {exc.start} of the line")


def read(path: Path, *, encoding: str | None = None) -> Iterator[Draft | Rejection]:
    name = str(path)
    lines = 0  # lines that are not blank
    try:
        for number, line in _lines(Path(path), encoding):
            if isinstance(line, Rejection):
                lines += 1
                yield line
                continue
            record = parse_line(line, name, number)
            if record is not None:
                lines += 1
                yield record
    except OSError as exc:
        yield Rejection(name, None, f"cannot read: {exc.strerror or exc}")
        return
    if not lines:  # like an empty .txt, .csv or .html: say so rather than import nothing silently
        yield Rejection(name, None, "empty file (no JSON lines)")
