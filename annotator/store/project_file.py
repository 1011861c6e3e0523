"""The project's file on disk: making a new one, and connecting for writing or reading.

What is refused here is refused before anything is written, beside the file or in it."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import sqlite_utils

from annotator.store import migrations
from annotator.store.connection import FileFacts, connect, side_file
from annotator.store.errors import ProjectError


def refuse_stale_side_files(path: Path) -> None:
    """A -wal, -shm or -journal without its database belongs to a project that was moved, deleted
    or crashed; SQLite would apply it to the new file at this name. Refuse rather than move or
    delete it: with its database put back, it may hold someone's last committed work."""
    for suffix in ("-wal", "-shm", "-journal"):
        stale = side_file(path, suffix)
        if os.path.lexists(stale):
            raise ProjectError(
                f"{stale} is left over from an earlier project at this name and SQLite would apply it to the "
                "new one: move it away (it may hold unsaved work of that project) or choose another name",
                "stale_side_file", path=path, stale=stale,
            )


def make_new_file(path: Path) -> None:
    """Create the empty file of a new project; of two processes creating it, exactly one wins."""
    if os.path.lexists(path):
        raise ProjectError(f"{path} already exists", "exists", path=path)
    if not path.parent.is_dir():
        raise ProjectError(f"{path.parent} is not a folder", "no_folder", path=path.parent)
    refuse_stale_side_files(path)
    try:
        os.close(os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644))  # O_EXCL: one winner
    except FileExistsError:
        raise ProjectError(f"{path} already exists", "exists", path=path) from None
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            raise ProjectError(f"the disk holding {path} is full: free some space and create it again",
                               "disk_full", path=path) from None
        raise ProjectError(f"cannot create {path} ({exc.strerror})", "cannot_create", path=path) from None


def remove_new_file(path: Path) -> None:
    """Undo a failed create: nobody else can have used the file just made, so it and SQLite's
    side files go, and the folder is as it was."""
    for leftover in (path, side_file(path, "-wal"), side_file(path, "-shm")):
        try:
            leftover.unlink()
        except OSError:
            pass


def why_not_writable(path: Path) -> str | None:
    """Why this process cannot write the project (None if it can). Root passes every check."""
    real = Path(os.path.realpath(path))
    if not os.access(real, os.W_OK):
        return f"{path} is read-only (no write permission); annotations cannot be saved"
    if not os.access(real.parent, os.W_OK | os.X_OK):  # SQLite needs -wal and -shm beside it
        return (f"the folder holding {path} is read-only; annotations cannot be saved "
                "(copy the project to a writable folder to annotate it)")
    return None


def connect_reading(path: Path, facts: FileFacts) -> sqlite_utils.Database:
    """A read-only connection that needs nothing it cannot have. WAL readers need a -shm beside
    the file: where this process cannot write, SQLite's read-only mode; where none can be made at
    all (a read-only folder, a full disk) and no -wal holds changes, the file alone (immutable)."""
    wal = side_file(path, "-wal")
    real = Path(os.path.realpath(path))
    folder_writable = os.access(real.parent, os.W_OK | os.X_OK)
    if not folder_writable and not os.path.lexists(wal):
        mode = "immutable"
    elif not folder_writable or not os.access(real, os.W_OK):
        mode = "ro"
    else:
        mode = None
    try:
        return connect(path, readonly=True, uri_mode=mode)
    except ProjectError as exc:
        if mode == "immutable" or exc.code not in ("disk_full", "io_error", "cannot_open", "readonly"):
            raise
        if facts.wal:  # reading the file alone would miss committed changes
            raise ProjectError(
                f"{path} cannot be read here: it has changes in {wal} and SQLite cannot make its -shm "
                "beside it; copy the project's folder to a writable disk and open the copy",
                "cannot_read_wal", path=path, wal=wal,
            ) from exc
        return connect(path, readonly=True, uri_mode="immutable")


def check_version(db: sqlite_utils.Database, path: Path, readonly: bool) -> Path | None:
    """SQLite's own view of the version, after `inspect` judged the header bytes; an older file
    opened for writing is migrated, and the backup written beside it is returned."""
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{path}: not an annotator project ({exc})", "not_a_project", path=path) from exc
    latest = migrations.latest_version()
    if app_id != migrations.APPLICATION_ID:
        raise ProjectError(f"{path}: not an annotator project (a SQLite file of another program)",
                           "foreign", path=path)
    if version > latest:
        raise ProjectError(
            f"{path}: made by a newer annotator (file version {version}, this one reads up to "
            f"{latest}); update annotator to open it", "newer", path=path, version=version, latest=latest,
        )
    if version < latest:
        if readonly:
            raise ProjectError(f"{path}: file version {version} needs upgrading; open it for writing once",
                               "needs_upgrade", path=path, version=version)
        return migrations.migrate(db.conn, path, version)
    return None
