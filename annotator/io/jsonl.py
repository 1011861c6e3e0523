"""JSONL import: every line is one document, its shape (native, doccano, Prodigy, plain)
detected per line, so files mixing shapes still import. A file holding one JSON value over
several lines (a pretty-printed array of records, or one record) is read as that value."""

from __future__ import annotations

import codecs
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

from annotator.io import doccano, labelstudio, native, prodigy
from annotator.io.decode import DecodeError, decode
from annotator.io.json_array import array_values
from annotator.io.records import MAX_DOCUMENT, MAX_RECORD_BYTES, Draft, Rejection, megabytes
from annotator.io.txt import nonblocking, not_a_file, read_bytes

SUFFIXES = ("jsonl", "ndjson")


# Keys only one tool writes. Prodigy tasks carry tokens and its bookkeeping; doccano its label
# triples or entity objects; a native record its schema_version, status or relations (spans
# with their ids, which relations refer to). "spans" alone is shared by native and spaCy/Prodigy.
_PRODIGY_KEYS = ("tokens", "answer", "_input_hash", "_task_hash", "_view_id", "_session_id")
_NATIVE_KEYS = ("schema_version", "status", "relations")


def shape_of(obj: dict) -> str:
    """native, doccano, prodigy, labelstudio or plain, by the keys that tell them apart (see above)."""
    if "schema_version" in obj:
        return "native"
    if labelstudio.is_task(obj):  # a task's text is inside "data", beside annotations/predictions
        return "labelstudio"
    if any(key in obj for key in _PRODIGY_KEYS) or _token_aligned(obj.get("spans")):
        return "prodigy"
    if doccano.is_doccano(obj):  # before relations: doccano's entity objects come with relations
        return "doccano"
    if any(key in obj for key in _NATIVE_KEYS):
        return "native"
    if "spans" in obj:  # bare spaCy-style spans; Prodigy's reader takes them as they are
        return "prodigy"
    return "plain"


def _token_aligned(spans) -> bool:
    return isinstance(spans, list) and any(
        isinstance(s, dict) and ("token_start" in s or "token_end" in s) for s in spans)


def parse_object(obj, path: str, line: int) -> Draft | Rejection:
    if not isinstance(obj, dict):
        return Rejection(path, line, f"expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if isinstance(text, str) and len(text) > MAX_DOCUMENT:
        return Rejection(path, line, f"text of {len(text):,} characters is longer than the {MAX_DOCUMENT:,} "
                                     "characters one document may have; skipped")
    shape = shape_of(obj)
    if shape == "native":
        return native.parse_record(obj, path, line)
    if shape == "prodigy":
        return prodigy.parse_record(obj, path, line)
    if shape == "doccano":
        return doccano.parse_record(obj, path, line)
    if shape == "labelstudio":
        return labelstudio.parse_task(obj, path, line)
    text = obj.get("text")
    if not isinstance(text, str):
        return Rejection(path, line, "no \"text\" string")
    if not isinstance(obj.get("meta"), dict):
        return Draft(text, path, line, meta={k: v for k, v in obj.items() if k not in ("id", "text")}, id=obj.get("id"))
    # The fields beside a meta object are metadata too; where the meta object has a field of
    # the same name, its value is kept and the other one said, never lost unsaid.
    beside = {k: v for k, v in obj.items() if k not in ("id", "text", "meta")}
    draft = Draft(text, path, line, meta={**beside, **obj["meta"]}, id=obj.get("id"))
    for name, value in beside.items():
        if name in obj["meta"] and obj["meta"][name] != value:
            draft.warn(f"field {name!r} is also in \"meta\"; the value in \"meta\" is kept", "meta_field",
                       {"name": name})
    return draft


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
    may legally sit inside JSON strings. Streaming, never more than one bounded line in memory:
    a line longer than MAX_RECORD_BYTES is skipped unread, as a Rejection."""
    name = str(path)
    with open(path, "rb", opener=nonblocking) as fh:
        reason = not_a_file(os.fstat(fh.fileno()).st_mode)
        if reason:
            yield 1, Rejection(name, None, reason)
            return
        head = fh.read(4)
        fh.seek(0)
        wide = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        if encoding or wide:
            try:
                codec = codecs.lookup(encoding or "utf-16").name
            except LookupError:
                yield 1, Rejection(name, None, f"unknown encoding {encoding!r}")
                return
            stream = io.TextIOWrapper(fh, codec, newline="\n")  # strict: a bad byte is an error
            limit = MAX_RECORD_BYTES // 2  # characters; a UTF-16 code unit is 2 bytes
            number = 0
            try:
                for number, line in _bounded(stream, name, limit, "characters"):
                    yield number, line
            except UnicodeDecodeError as exc:
                # The stream decodes ahead in chunks: the fault is after `number`, maybe not next to it.
                yield number + 1, Rejection(name, None, f"cannot decode as {codec} after line {number}: "
                                                        f"{exc.reason}; the rest of the file is not read")
            return
        for number, raw in _bounded(fh, name, MAX_RECORD_BYTES, "bytes"):
            if isinstance(raw, Rejection):
                yield number, raw
                continue
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[3:]
            try:
                yield number, raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield number, Rejection(name, number, f"invalid UTF-8 at byte {exc.start} of the line")


def _bounded(stream, name: str, limit: int, unit: str) -> Iterator[tuple[int, str | bytes | Rejection]]:
    """Numbered lines of a binary or text stream, each read with at most `limit` units held."""
    newline = "\n" if isinstance(stream, io.TextIOBase) else b"\n"
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(newline):
            size = len(line)
            while line and not line.endswith(newline):  # skip the rest, 1 MiB at a time
                line = stream.readline(1 << 20)
                size += len(line)
            what = megabytes(size) if unit == "bytes" else f"{size:,} characters"
            yield number, Rejection(name, number, f"line of {what} is longer than the "
                                                  f"{megabytes(limit) if unit == 'bytes' else f'{limit:,} characters'} "
                                                  "one record may have; skipped unread")
            continue
        yield number, line.removesuffix(newline)


def _whole_value(path: Path, encoding: str | None) -> str | Rejection | None:
    """The decoded file when it holds one JSON value over several lines (a pretty-printed array
    of records or a single object), else None: then it is read line by line as JSONL."""
    try:
        with open(path, "rb", opener=nonblocking) as fh:
            if not_a_file(os.fstat(fh.fileno()).st_mode):
                return None  # _lines says why
            head = fh.read(1 << 16)
    except OSError:
        return None
    if encoding or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            stripped = head.decode(encoding or "utf-16", "replace").lstrip("\ufeff \t\r\n").encode("utf-8")
        except LookupError:
            return None  # an unknown encoding: _lines says so
    else:
        stripped = head.removeprefix(codecs.BOM_UTF8).lstrip()
    start = stripped[:1].decode("ascii", "replace")
    if start not in ("[", "{"):
        return None
    first_line, newline, rest = stripped.partition(b"\n")
    if start == "{" and not newline and len(head) == 1 << 16:
        return None  # a first line longer than the sample: a record per line
    try:
        json.loads(first_line)
        if start == "{" or rest.strip():
            return None  # a whole value on the first line and more below: JSONL
    except (RecursionError, UnicodeDecodeError):
        return None  # each line is reported on its own
    except ValueError:
        pass
    data = read_bytes(path, MAX_RECORD_BYTES)
    if isinstance(data, Rejection):
        return data if start == "[" else None  # a record per line is read in bounded pieces
    wide = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    try:  # as strict as the lines are read: UTF-8 unless told or UTF-16 with its BOM
        text = data.decode(encoding or ("utf-16" if wide else "utf-8-sig"))
    except (UnicodeDecodeError, LookupError):
        return None  # read by line, so each bad line (or encoding) is reported where it is
    text = text.lstrip("\ufeff")
    if start == "{":
        try:
            end = json.JSONDecoder().raw_decode(text, len(text) - len(text.lstrip()))[1]
        except (ValueError, RecursionError):
            return None  # JSONL whose first line is broken: each line is reported on its own
        if text[end:].strip():
            return None
    return text


def _values(text: str, name: str) -> Iterator[tuple[int, object]]:
    """(line where it starts, value or Rejection) for each element of a top-level array, or
    the one value of a pretty-printed object."""
    decoder = json.JSONDecoder()
    pos = len(text) - len(text.lstrip())
    if text[pos] == "{":  # _whole_value checked that it is exactly one value
        yield text.count("\n", 0, pos) + 1, decoder.raw_decode(text, pos)[0]
        return
    yield from array_values(text, pos, name, decoder)


def read(path: Path, *, encoding: str | None = None) -> Iterator[Draft | Rejection]:
    name = str(path)
    whole = _whole_value(Path(path), encoding)
    if isinstance(whole, Rejection):
        yield whole
        return
    if whole is not None:
        found = 0
        for number, obj in _values(whole, name):
            found += 1
            yield obj if isinstance(obj, Rejection) else parse_object(obj, name, number)
        if not found:
            yield Rejection(name, None, "empty JSON array (no records)")
        return
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
