"""One writer per project: an OS file lock beside the project file.

An OS lock (flock / msvcrt) dies with its process, so a crash never leaves a stale lock behind;
the file's content only tells the next user who holds it.
"""

from __future__ import annotations

import getpass
import os
import socket
from pathlib import Path

from annotator.store.errors import ProjectLocked

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False


def lock_path(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + ".lock")


def holder_description() -> str:
    try:
        user = getpass.getuser()
    except Exception:  # no user name in some containers
        user = "unknown"
    return f"{user}@{socket.gethostname()} (pid {os.getpid()})"


class WriterLock:
    def __init__(self, project_path: Path):
        self.path = lock_path(project_path)
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            holder = os.read(fd, 512).decode("utf-8", "replace").strip()
            os.close(fd)
            raise ProjectLocked(self.path.with_name(self.path.name[: -len(".lock")]), holder)
        os.ftruncate(fd, 0)
        os.write(fd, holder_description().encode())
        os.fsync(fd)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            # Truncate before unlocking so nobody reads our name after we are gone; the file
            # itself stays (deleting it races with a process that just opened it).
            os.ftruncate(self._fd, 0)
            os.close(self._fd)
            self._fd = None

    def holder(self) -> str:
        try:
            return self.path.read_text("utf-8", "replace").strip()
        except OSError:
            return ""
