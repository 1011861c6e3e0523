"""Opening a project database: first judge the file by reading its bytes, then connect with the
pragmas every connection must have (DESIGN.md §1).

`inspect` refuses a file that is not a project this version can open BEFORE SQLite touches it:
connecting for writing switches a file to WAL and creates -wal/-shm beside it, which must never
happen to another program's database, a newer project or a damaged file.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import struct
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from annotator.store import migrations
from annotator.store.errors import ProjectError, sqlite_error
from annotator.store.lock import read_start

BUSY_TIMEOUT_MS = 10_000
MAGIC = b"SQLite format 3\x00"
_HEADER = 100
_WAL_MAGICS = (0x377F0682, 0x377F0683)


@dataclass(frozen=True, slots=True)
class FileFacts:
    user_version: int
    application_id: int
    page_size: int
    wal: bool  # a non-empty -wal lies beside the file: committed changes may live only there


def side_file(path: Path, suffix: str) -> Path:
    """SQLite keeps -wal/-shm beside the real file (it follows symlinks)."""
    real = Path(os.path.realpath(path))
    return real.with_name(real.name + suffix)


def _u16(data: bytes, at: int) -> int:
    return struct.unpack_from(">H", data, at)[0]


def _u32(data: bytes, at: int) -> int:
    return struct.unpack_from(">I", data, at)[0]


def _refuse(path: Path, what: str, code: str, **params) -> ProjectError:
    return ProjectError(f"{path} {what}", code, path=path, **params)


def inspect(path: Path) -> FileFacts:
    """Read the 100-byte SQLite header (and the -wal's newest page 1) and refuse, with one
    sentence, anything that is not an annotator project this version can open. Writes nothing."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ProjectError(f"{path}: no such project file", "not_found", path=path) from None
    except OSError as exc:
        raise _refuse(path, f"cannot be opened ({exc.strerror})", "cannot_open") from None
    if stat.S_ISDIR(st.st_mode):
        raise _refuse(path, "is a folder, not an annotator project: choose the .annotator file itself", "is_folder")
    if not stat.S_ISREG(st.st_mode):  # a FIFO would block a plain open() forever
        raise _refuse(path, "is not a regular file (a device, pipe or socket), not an annotator project", "not_a_file")
    if st.st_size == 0:
        raise _refuse(
            path, "is empty (0 bytes), not an annotator project: choose another file or restore a backup copy",
            "empty",
        )
    try:
        head = read_start(path, _HEADER)
    except OSError as exc:
        raise _refuse(path, f"cannot be read ({exc.strerror}): check its permissions", "unreadable") from None
    if not head.startswith(MAGIC[: len(head)]) or (len(head) >= len(MAGIC) and not head.startswith(MAGIC)):
        raise _refuse(path, "is not an annotator project (not a SQLite database); it was left untouched", "not_sqlite")
    if len(head) < _HEADER:
        raise _refuse(
            path, f"is damaged: it was cut short ({st.st_size} bytes, less than a database header); "
            "restore a backup copy", "truncated", size=st.st_size,
        )
    raw = _u16(head, 16)
    page_size = 65536 if raw == 1 else raw
    if page_size < 512 or page_size & (page_size - 1):
        raise _refuse(path, f"is damaged: its header is invalid (page size {raw}); restore a backup copy", "damaged")
    if st.st_size % page_size:
        raise _refuse(
            path, f"is damaged: its size ({st.st_size} bytes) is not a whole number of {page_size}-byte pages, "
            "so it was cut short or overwritten; restore a backup copy", "truncated", size=st.st_size,
        )
    wal = side_file(path, "-wal")
    try:
        has_wal = wal.stat().st_size > 0
    except OSError:
        has_wal = False
    # Without a -wal no writer is mid-checkpoint, so the header's page count must fit the file.
    pages = _u32(head, 28)
    if not has_wal and pages and _u32(head, 92) == _u32(head, 24) and st.st_size < pages * page_size:
        raise _refuse(
            path, f"is damaged: it was cut short ({st.st_size} bytes of {pages * page_size}); restore a backup copy",
            "truncated", size=st.st_size,
        )
    # A fresh or busy project's header may be committed only in the -wal, not yet in the file.
    newest = (_wal_page1(wal, page_size) if has_wal else None) or head
    facts = FileFacts(_u32(newest, 60), _u32(newest, 68), page_size, has_wal)
    if facts.application_id != migrations.APPLICATION_ID:
        raise _refuse(
            path, "is a SQLite database of another program, not an annotator project; it was left untouched",
            "foreign",
        )
    latest = migrations.latest_version()
    if facts.user_version > latest:
        raise _refuse(
            path, f"was made by a newer annotator (file version {facts.user_version}, this one reads up to "
            f"{latest}): update annotator to open it; it was left untouched", "newer",
            version=facts.user_version, latest=latest,
        )
    return facts


def _wal_page1(wal: Path, page_size: int) -> bytes | None:
    """The first 100 bytes of page 1 as of the last transaction committed in the -wal, if any.

    Frames of the current WAL generation carry its salts; a frame with a non-zero commit field
    ends a transaction. Checksums are not verified: this only decides whether to refuse early,
    and SQLite's own view is checked again after connecting. (The -wal carries no fcntl locks,
    so closing this descriptor is harmless.)
    """
    try:
        with open(wal, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            header = f.read(32)
            if len(header) < 32 or _u32(header, 0) not in _WAL_MAGICS or _u32(header, 8) != page_size:
                return None
            salts = header[16:24]
            committed = pending = None
            offset = 32
            while offset + 24 + page_size <= size:
                f.seek(offset)
                frame = f.read(24)
                if frame[8:16] != salts:
                    break
                if _u32(frame, 0) == 1:
                    pending = f.read(_HEADER)
                if _u32(frame, 4):  # commit frame
                    committed = pending or committed
                    pending = None
                offset += 24 + page_size
            return committed
    except OSError:
        return None


def connect(path: Path, readonly: bool = False, uri_mode: str | None = None) -> sqlite_utils.Database:
    """A connection with the project pragmas; `readonly` ones refuse every write (query_only).

    uri_mode "ro" opens the file read-only at the SQLite level, for a file or folder this process
    may not write (SQLite then never writes the database, but leaves the -wal/-shm it needs);
    "immutable" also skips the -shm, for a folder that cannot hold one: only safe when no writer
    can exist (no -wal beside the file). Without uri_mode a reader's connection is read-write at
    the file level so that SQLite removes the -wal/-shm it made when the last connection closes.
    """
    try:
        if uri_mode is not None:
            query = {"ro": "?mode=ro", "immutable": "?mode=ro&immutable=1"}[uri_mode]
            uri = Path(os.path.abspath(path)).as_uri() + query
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        else:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    except sqlite3.Error as exc:
        raise sqlite_error(path, exc, opening=True) or ProjectError(
            f"{path} cannot be opened ({exc})", "cannot_open", path=path
        ) from exc
    try:
        db = sqlite_utils.Database(conn)
        # journal_mode=WAL is persistent in the file, but asking is cheap and repairs a file
        # some other tool switched back to rollback journaling.
        mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0] if not readonly else None
        if mode is not None and mode.lower() != "wal":
            raise ProjectError(f"{path}: cannot switch the project to WAL journaling (got {mode})", "no_wal", path=path)
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if readonly:
            db.execute("PRAGMA query_only=ON")
        # Read the schema now, so a file SQLite cannot use fails here and not at the first action.
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException as exc:
        conn.close()
        if isinstance(exc, sqlite3.Error):
            raise sqlite_error(path, exc, opening=True) or ProjectError(
                f"{path}: not an annotator project ({exc})", "not_a_project", path=path
            ) from exc
        raise
    return db
