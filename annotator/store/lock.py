"""One writer per project: an OS lock on the project file itself.

The lock is taken on the database file (its device + inode), not on a name beside a path, so a
hard link or a symlink from another folder still admits one writer. An OS lock (flock / msvcrt)
dies with its process, so a crash never leaves a stale lock behind. A side file `NAME.lock`
beside the real file only tells the next user who holds it; it is not the lock.

The trap: closing ANY descriptor of a file drops every POSIX (fcntl) lock this process holds on
it, and SQLite's own locking is fcntl. So this module keeps one descriptor per file per process
(the registry below) and never closes it on POSIX: a second in-process writer is refused from the
registry, and a failed attempt leaves its descriptor registered. The cost is one descriptor per
distinct project file a process ever opened.

flock and fcntl locks do not interact on local file systems (Linux, macOS). On Linux NFS flock is
emulated with fcntl and this guarantee is weaker; projects belong on a local disk.
"""

from __future__ import annotations

import errno
import getpass
import os
import socket
import stat
import threading
from dataclasses import dataclass, field
from pathlib import Path

from annotator.store.errors import ProjectError, ProjectLocked, disk_full

_KEEP_DESCRIPTORS = os.name != "nt"  # Windows has no fcntl trap, and open files block renames there

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    # SQLite's Windows locks live at 1 GiB (the pending byte) plus 512 bytes; this one is far beyond
    # them, and locking past the end of a file is allowed.
    _WINDOWS_LOCK_OFFSET = 1 << 40

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


@dataclass(eq=False)
class _Handle:
    """This process's one open descriptor of one file."""

    fd: int
    key: tuple[int, int]  # (st_dev, st_ino)
    writer: "WriterLock | None" = field(default=None)


_mutex = threading.RLock()
_handles: dict[tuple[int, int], _Handle] = {}
# Descriptors of files that were deleted or replaced while registered. Closing them could still
# drop a lock a connection of this process holds on that (deleted) file, so they stay open too.
_retired: list[int] = []


def _handle(path: Path) -> _Handle:
    """The registered descriptor of the file at `path` (symlinks followed), opened on first use.

    Raises OSError (FileNotFoundError, PermissionError, ...) as the file system reports it.
    """
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "not a regular file", str(path))
    key = (st.st_dev, st.st_ino)
    with _mutex:
        known = _handles.get(key)
        if known is not None:
            try:
                now = os.fstat(known.fd)
                alive = (now.st_dev, now.st_ino) == key and now.st_nlink > 0
            except OSError:
                alive = False
            if alive:
                return known
            # The inode number now belongs to a new file; the old descriptor is of a dead one.
            del _handles[key]
            _retired.append(known.fd)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        opened = os.fstat(fd)
        key = (opened.st_dev, opened.st_ino)  # the path may have been replaced since stat()
        if key in _handles:
            _retired.append(fd)
            return _handles[key]
        handle = _Handle(fd, key)
        _handles[key] = handle
        return handle


def read_start(path: Path, size: int) -> bytes:
    """The first `size` bytes of the file, read without closing any descriptor of it."""
    if not _KEEP_DESCRIPTORS:  # pragma: no cover - Windows
        with open(path, "rb") as f:
            return f.read(size)
    return os.pread(_handle(path).fd, size, 0)


def lock_path(project_path: Path) -> Path:
    """The side file naming the holder: beside the real file, so a symlink finds the same one."""
    real = Path(os.path.realpath(project_path))
    return real.with_name(real.name + ".lock")


def holder_description(pid: int | None = None, user: str | None = None) -> str:
    if user is None:
        try:
            user = getpass.getuser()
        except Exception:  # no user name in some containers
            user = "unknown"
    return f"{user}@{socket.gethostname()} (pid {os.getpid() if pid is None else pid})"


def _kernel_holder(key: tuple[int, int]) -> str:
    """Who holds an flock on the file, from /proc/locks (Linux): a hard link from another folder
    has no side file beside our name, but the kernel knows the holder's pid."""
    dev, ino = key
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError:
        return ""
    for line in lines:
        # "1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF"; waiters have "->" in field 2
        parts = line.split()
        if len(parts) < 6 or parts[1] != "FLOCK" or parts[3] != "WRITE":
            continue
        try:
            major, minor, inode = parts[5].split(":")
            ident = (int(major, 16), int(minor, 16), int(inode))
            pid = int(parts[4])
        except ValueError:
            continue
        if ident == (os.major(dev), os.minor(dev), ino) and pid > 0:
            try:
                import pwd

                user = pwd.getpwuid(os.stat(f"/proc/{pid}").st_uid).pw_name
            except (OSError, KeyError, ImportError):
                user = "unknown"
            return holder_description(pid, user)
    return ""


class WriterLock:
    """`acquire()` or ProjectLocked; `release()`. Works on any existing file, open or not."""

    def __init__(self, project_path: str | Path):
        self.project = Path(project_path)
        self.path = lock_path(self.project)  # the holder's description, not the lock
        self._handle: _Handle | None = None
        self._stamp = ""

    def acquire(self) -> None:
        try:
            handle = _handle(self.project)
        except FileNotFoundError:
            raise ProjectError(f"{self.project}: no such project file", "not_found", path=self.project) from None
        except OSError as exc:
            raise ProjectError(
                f"{self.project} cannot be opened for locking ({exc.strerror})", "cannot_open", path=self.project
            ) from None
        with _mutex:
            if handle.writer is self:
                return
            if handle.writer is not None:  # another writer of this very process
                raise ProjectLocked(self.project, holder_description())
            try:
                free = _try_lock(handle.fd)
            except OSError as exc:  # e.g. ENOLCK: a file system without locks
                raise ProjectError(
                    f"{self.project} cannot be locked for writing ({exc.strerror}): open it read-only, or "
                    "copy it to a local disk", "cannot_lock", path=self.project,
                ) from None
            if not free:
                raise ProjectLocked(self.project, self._holder_of(handle.key))
            handle.writer = self
            self._handle = handle
        try:
            self._describe(handle.key)
        except BaseException as exc:
            self.release()
            if not isinstance(exc, OSError):
                raise
            if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
                raise disk_full(self.project) from None
            raise ProjectError(
                f"cannot write {self.path} beside the project ({exc.strerror}): make its folder writable, "
                "or open the project read-only",
                "cannot_write",
                path=self.project,
            ) from None

    def _describe(self, key: tuple[int, int]) -> None:
        self._stamp = f"{holder_description()}\nfile {key[0]}:{key[1]}\n"
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            data = self._stamp.encode("utf-8")
            if os.write(fd, data) != len(data):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        except BaseException:
            os.close(fd)
            os.unlink(self.path)
            raise
        os.close(fd)

    def _holder_of(self, key: tuple[int, int]) -> str:
        try:
            lines = self.path.read_text("utf-8", "replace").splitlines()
        except OSError:
            lines = []
        # A description left by a crashed holder of another file at this name is not trusted.
        if len(lines) >= 2 and lines[1] == f"file {key[0]}:{key[1]}":
            return lines[0].strip()
        return _kernel_holder(key)

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        # Remove the description while still holding the lock, so it never names a later holder;
        # and only if it is still ours (the file may have been replaced and locked by another).
        try:
            if self._stamp and self.path.read_text("utf-8", "replace") == self._stamp:
                self.path.unlink()
        except OSError:
            pass
        with _mutex:
            _unlock(handle.fd)
            handle.writer = None
            if not _KEEP_DESCRIPTORS:  # pragma: no cover - Windows
                _handles.pop(handle.key, None)
                os.close(handle.fd)

    def holder(self) -> str:
        try:
            return self.path.read_text("utf-8", "replace").splitlines()[0].strip()
        except (OSError, IndexError):
            return ""
