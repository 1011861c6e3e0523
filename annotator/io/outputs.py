"""The one output guard: no export ever overwrites or deletes the project, its side files or an
input, and a folder export only ever touches files it wrote itself (DESIGN.md §9).

Every writer (CLI and window) asks ``guard_output`` before writing; ``protected_paths`` names
what a project cannot lose. Paths are compared after resolving symlinks, and existing files also
by device and inode, so a hard link or another spelling of the project is recognised too.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

# The file a folder export leaves in its folder, listing the files it wrote: the only files a
# later export into the same folder may replace or remove.
MANIFEST = ".annotator-export.json"
MANIFEST_TOOL = "annotator"
SIDE_SUFFIXES = ("-wal", "-shm", "-journal", ".lock")


class OutputRefused(ValueError):
    """An output path that would overwrite or delete something that must be kept.

    ``str()`` is one sentence for the user naming the path; ``code`` and ``path`` (plus
    ``other``, the protected path involved, if any) let the window translate it.
    """

    def __init__(self, code: str, path: Path, message: str, other: Path | None = None):
        super().__init__(message)
        self.code = code
        self.path = Path(path)
        self.other = other


def protected_paths(project_path: Path, inputs: Iterable[Path] = ()) -> list[Path]:
    """The project file, the side files SQLite and annotator keep beside it (whether they exist
    now or not: SQLite may create a -wal at any moment), its migration backups, and the inputs."""
    project = Path(project_path)
    paths = [project] + [project.with_name(project.name + suffix) for suffix in SIDE_SUFFIXES]
    # Migration backups are NAME.vN.bak or NAME.vN.M.bak (annotator/store/migrations.py).
    try:
        paths.extend(sorted(project.parent.glob(f"{_glob_escape(project.name)}.v*.bak")))
    except OSError:
        pass  # an unreadable folder: the project itself is still protected by name
    paths.extend(Path(p) for p in inputs)
    return paths


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def _real(path: Path) -> Path:
    return Path(os.path.realpath(os.path.abspath(path)))


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _inside(path: Path, folder: Path) -> bool:
    return path != folder and path.is_relative_to(folder)


def _what(path: Path, protected: list[Path]) -> str:
    """How the message names a protected path: the first one is the project."""
    if protected and path == protected[0]:
        return "the project"
    name = path.name
    if name.endswith(".bak"):
        return "a backup of the project"
    if any(name.endswith(s) for s in SIDE_SUFFIXES) and protected and name.startswith(protected[0].name):
        return "a file SQLite keeps beside the project"
    return "an input"


def guard_output(out: Path, *, protected: Iterable[Path], folder: bool) -> None:
    """Raise OutputRefused unless writing `out` can lose nothing of `protected`.

    Refused: `out` is (by path, realpath, or device+inode) a protected file; `out` lies inside a
    protected path; a protected path lies inside `out` (at any depth); a file format's `out` is
    an existing folder; a folder format's `out` is an existing file, or a non-empty folder that
    annotator did not export before (no manifest).
    """
    out = Path(out)
    protected = [Path(p) for p in protected]
    real_out = _real(out)
    out_id = _identity(out)
    for path in protected:
        real = _real(path)
        if real == real_out or (out_id is not None and _identity(path) == out_id):
            what = _what(path, protected)
            code = "is_project" if what != "an input" else "is_input"
            raise OutputRefused(code, out, f"{out} is {what} ({path}); choose another output.", path)
        if _inside(real_out, real):
            raise OutputRefused("inside_protected", out,
                                f"{out} lies inside {_what(path, protected)} ({path}); choose another output.", path)
        if _inside(real, real_out):
            raise OutputRefused("inside_output", out,
                                f"{out} contains {_what(path, protected)} ({path}); choose another output.", path)
    if not folder:
        if out.is_dir():
            raise OutputRefused("is_folder", out, f"{out} is a folder; choose a file name.")
        return
    if out.exists() and not out.is_dir():
        raise OutputRefused("not_folder", out, f"{out} exists and is not a folder; choose a new or empty folder.")
    if out.is_dir() and read_manifest(out) is None:
        try:
            empty = next(os.scandir(out), None) is None
        except OSError as exc:
            raise OutputRefused("unreadable", out, f"{out} cannot be read ({exc.strerror}); choose another folder.") from None
        if not empty:
            raise OutputRefused("not_empty", out, f"{out} is not empty; choose a new or empty folder.")


def _plain_name(name) -> bool:
    """A manifest entry may only name a file directly in its folder (never ../ or a path)."""
    return (isinstance(name, str) and name not in ("", ".", "..", MANIFEST)
            and "/" not in name and "\\" not in name and "\0" not in name)


def read_manifest(folder: Path) -> dict | None:
    """The manifest annotator left in `folder`, or None if there is none (or not a valid one:
    then the folder counts as the user's)."""
    path = Path(folder) / MANIFEST
    try:
        if path.is_symlink() or not path.is_file():
            return None
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("tool") != MANIFEST_TOOL:
        return None
    files = data.get("files")
    if not isinstance(files, list) or not all(_plain_name(f) for f in files):
        return None
    return data
