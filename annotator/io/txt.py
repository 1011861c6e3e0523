"""Plain text: one file, one document; text line N is file line N (errors point into the file)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
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


def read_text(path, encoding: str | None = None, hint: Callable[[bytes], str | None] | None = None) -> str | Rejection:
    """The decoded file, or a Rejection; `hint` finds a declared charset in the bytes (HTML)."""
    data = read_bytes(path)
    if isinstance(data, Rejection):
        return data
    try:
        return decode(data, encoding, hint=hint(data) if hint else None)
    except DecodeError as err:
        return Rejection(str(path), err.line, err.reason)


def read(path, *, encoding: str | None = None) -> Iterator[Draft | Rejection]:
    text = read_text(path, encoding)
    if isinstance(text, Rejection):
        yield text
        return
    meta = {"title": None, "source": None, "url": None, "file": Path(path).name}
    yield Draft(text, path=str(path), line=1, meta=meta, text_is_file=True)
