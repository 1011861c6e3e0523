"""Opening a project database with the pragmas every connection must have (DESIGN.md §1)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from annotator.store.errors import ProjectError

BUSY_TIMEOUT_MS = 10_000


def connect(path: Path, readonly: bool = False) -> sqlite_utils.Database:
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        db = sqlite_utils.Database(conn)
        # journal_mode=WAL is persistent in the file, but asking is cheap and repairs a file
        # some other tool switched back to rollback journaling.
        mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0] if not readonly else None
        if mode is not None and mode.lower() != "wal":
            raise ProjectError(f"{path}: cannot switch the project to WAL journaling (got {mode})")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if readonly:
            db.execute("PRAGMA query_only=ON")
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{path}: not an annotator project ({exc})") from exc
    return db
