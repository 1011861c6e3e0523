"""Plain text: one file, one document; text line N is file line N (errors point into the file)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.io.decode import DecodeError, decode
from annotator.io.records import Draft, Rejection

SUFFIXES = ("txt",)


def read_bytes(path) -> bytes | Rejection:
    """The file's bytes, or a Rejection saying why it cannot be read (shared by the readers)."""
    try:
        return Path(path).read_bytes()
    except OSError as err:
        return Rejection(str(path), None, f"cannot read file: {err.strerror or err}")


def read(path, *, encoding: str | None = None) -> Iterator[Draft | Rejection]:
    data = read_bytes(path)
    if isinstance(data, Rejection):
        yield data
        return
    try:
        text = decode(data, encoding)
    except DecodeError as err:
        yield Rejection(str(path), err.line, err.reason)
        return
    meta = {"title": None, "source": None, "url": None, "file": Path(path).name}
    yield Draft(text, path=str(path), line=1, meta=meta, text_is_file=True)
