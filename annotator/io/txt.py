"""Plain text: one file, one document; text line N is file line N (errors point into the file).

Also the file access shared by the readers: only regular files are opened (opening a FIFO for
reading blocks until a writer comes, a device may never end), and a whole-file read is bounded.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from annotator.io.decode import DecodeError, decode
from annotator.io.records import MAX_DOCUMENT, Draft, Rejection, megabytes

SUFFIXES = ("txt",)

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISDIR, "a folder"),
)


def not_a_file(mode: int) -> str | None:
    """Why a file of this st_mode is never opened, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    return f"{kind}, not a file: not opened"


def nonblocking(file: str, flags: int) -> int:
    """An `opener` for open(): O_NONBLOCK, so that opening a FIFO (swapped in after a check)
    returns at once instead of waiting for a writer forever; regular files ignore the flag."""
    return os.open(file, flags | getattr(os, "O_NONBLOCK", 0))


def read_bytes(path, limit: int | None = None) -> bytes | Rejection:
    """The file's bytes, or a Rejection saying why it cannot be read (shared by the readers).

    The kind and size are checked before reading, so a pipe is never opened and a huge file
    costs nothing. `limit` is in bytes, MAX_DOCUMENT unless given."""
    limit = MAX_DOCUMENT if limit is None else limit
    try:
        info = os.stat(path)
        reason = not_a_file(info.st_mode)
        if reason is None and info.st_size > limit:
            reason = f"file of {megabytes(info.st_size)} is larger than the {megabytes(limit)} allowed; skipped"
        if reason:
            return Rejection(str(path), None, reason)
        data = Path(path).read_bytes()
    except OSError as err:
        return Rejection(str(path), None, f"cannot read file: {err.strerror or err}")
    if len(data) > limit:  # it grew after the check
        return Rejection(str(path), None, f"file is larger than the {megabytes(limit)} allowed; skipped")
    return data


def read_text(path, encoding: str | None = None, hint: Callable[[bytes], str | None] | None = None,
              limit: int | None = None) -> str | Rejection:
    """The decoded file, or a Rejection; `hint` finds a declared charset in the bytes (HTML)."""
    data = read_bytes(path, limit)
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
