"""Errors the store reports to users.

str(exc) is one English sentence for the user; `code` and `params` say the same thing in a form
the window can translate later (DESIGN.md §9: store messages carry codes and arguments).
"""

from __future__ import annotations

import os
import sqlite3


class ProjectError(Exception):
    """A project file that cannot be created, opened or written; the message is for users."""

    def __init__(self, message: str, code: str = "error", **params):
        super().__init__(message)
        self.code = code
        self.params = {key: str(value) for key, value in params.items()}


class ProjectLocked(ProjectError):
    """Another process holds the project for writing."""

    def __init__(self, path, holder: str):
        super().__init__(
            f"{path} is open for writing by {holder or 'another process'}; "
            "close it there, or open this project read-only",
            "locked",
            path=path,
            holder=holder,
        )
        self.holder = holder


# SQLite's primary result codes (the low byte of an extended code) that mean "the file or its
# disk", not "this action broke a rule": those become sentences, the rest stay exceptions.
_FULL, _READONLY, _IOERR, _CORRUPT, _NOTADB, _BUSY, _LOCKED, _CANTOPEN = 13, 8, 10, 11, 26, 5, 6, 14


def sqlite_error(path, exc: sqlite3.Error, opening: bool = False) -> ProjectError | None:
    """The user's sentence for a SQLite failure caused by the file or its disk, else None.

    `opening`: the failure came while opening (nothing was lost); otherwise an action failed and
    was rolled back, and every action before it is saved.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    if primary in (_CANTOPEN, _IOERR) and _disk_is_full(path):
        primary = _FULL  # SQLite cannot say why a -shm could not be made; the disk can
    # An action that failed was rolled back whole; the ones before it were committed.
    kept = "" if opening else " (your last action was not saved; everything before it is)"
    if primary == _FULL:
        todo = "free some space and open it again" if opening else "free some space and try again"
        return ProjectError(f"the disk holding {path} is full: {todo}{kept}", "disk_full", path=path)
    if primary == _READONLY:
        return ProjectError(
            f"{path} cannot be written (it or its folder is read-only): make it writable and open it "
            f"again, or open it read-only{kept}",
            "readonly",
            path=path,
        )
    if primary == _IOERR:
        return ProjectError(
            f"{path} could not be read or written ({exc}): check the disk and open the project again{kept}",
            "io_error",
            path=path,
            detail=exc,
        )
    if primary in (_CORRUPT, _NOTADB):
        return ProjectError(
            f"{path} is damaged ({exc}): run `annotator check` on it or restore a backup copy{kept}",
            "damaged",
            path=path,
            detail=exc,
        )
    if primary in (_BUSY, _LOCKED):
        return ProjectError(
            f"{path} is busy: another program kept it locked, try again in a moment{kept}",
            "busy",
            path=path,
        )
    if primary == _CANTOPEN:
        return ProjectError(
            f"{path} (or its -wal/-shm file beside it) cannot be opened ({exc}): "
            "check that its folder is readable and writable",
            "cannot_open",
            path=path,
            detail=exc,
        )
    return None


def _disk_is_full(path) -> bool:
    """No free blocks or no free inodes on the disk holding `path`."""
    try:
        st = os.statvfs(os.path.dirname(os.path.realpath(path)))
    except (OSError, AttributeError):  # AttributeError: no statvfs on Windows
        return False
    return (st.f_blocks > 0 and st.f_bavail == 0) or (st.f_files > 0 and st.f_favail == 0)


def disk_full(path) -> ProjectError:
    return ProjectError(
        f"the disk holding {path} is full: free some space and open it again, or open it read-only",
        "disk_full",
        path=path,
    )
