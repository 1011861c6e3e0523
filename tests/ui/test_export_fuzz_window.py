"""Every path beside the project, as the window's export target, for every format: refused, and
the project stays whole (every span, every side file as it was, nothing new in its folders)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from annotator import SEEDS
from annotator.io import EXPORT_FORMATS
from tests.ui.conftest import make_project


def spans(path: Path) -> list[tuple]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return conn.execute('SELECT id, doc_id, start, "end", text, label FROM spans ORDER BY id').fetchall()


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def beside(tmp_path):
    """A project in work/ with spans, a migration-style backup, and links to it from other/."""
    work, other = tmp_path / "work", tmp_path / "other"
    work.mkdir()
    other.mkdir()
    project = make_project(work / "p.annotator", [SEEDS])
    with sqlite3.connect(project) as conn:
        conn.execute("VACUUM INTO ?", [str(work / "p.annotator.v1.bak")])
    os.link(project, other / "hard.annotator")
    (other / "sym.annotator").symlink_to(project)
    return project


@pytest.mark.parametrize("fmt", list(EXPORT_FORMATS))
def test_the_window_refuses_every_path_beside_the_project(fmt, beside, open_window, dialogs):
    project = beside
    window = open_window(project)
    window.view.select_range(0, 3)
    window.apply_label("PERSON")  # a write: the -wal now holds committed work
    work, other = project.parent, project.parent.parent / "other"
    targets = {
        "the project": project,
        "its -wal": project.with_name(project.name + "-wal"),
        "its -shm": project.with_name(project.name + "-shm"),
        "its lock": project.with_name(project.name + ".lock"),
        "a backup": work / "p.annotator.v1.bak",
        "its folder": work,
        "its folder's parent": work.parent,
        "a hard link": other / "hard.annotator",
        "a symlink": other / "sym.annotator",
    }
    assert targets["its -wal"].is_file()
    kept = spans(project)
    assert kept
    side = {name: digest(path) for name, path in targets.items() if name not in ("its -shm",) and path.is_file()}
    shm_there = targets["its -shm"].exists()
    folders = {folder: listing(folder) for folder in (work, work.parent, other)}
    for name, target in targets.items():
        dialogs.clear()
        assert window.export_to(fmt, target) is None, f"{fmt} export to {name} was not refused"
        assert [d[1] for d in dialogs] == ["Export refused"], (name, dialogs)
        assert "choose another" in dialogs[0][2]
        assert "xported" not in window.message_label.text()
    assert spans(project) == kept
    # The SQLite -shm is shared memory every reader writes its marks into: present, not compared.
    assert {name: digest(targets[name]) for name in side} == side and targets["its -shm"].exists() == shm_there
    assert {folder: listing(folder) for folder in folders} == folders  # no partial file or folder left
    # And the window still works on the same file.
    window.view.select_range(0, 3)
    window.apply_label("ORG")
    assert len(spans(project)) == len(kept) + 1
