"""Damaged, foreign, read-only and full: one sentence each, and nothing written to a refused file."""

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from annotator import RESOURCES
from annotator.core.model import Document
from annotator.core.schema import load_schema
from annotator.core.text import content_hash
from annotator.store import Project, ProjectError, migrations
from annotator.store.lock import lock_path

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")


def doc(n: int, size: int = 40) -> Document:
    text = f"وثيقة رقم {n} " + "نص " * size
    return Document(f"d{n}", text, {}, "new", [], [], content_hash(text))


def make_project(path: Path, docs: int = 3) -> Path:
    with Project.create(path, NEWS) as project:
        project.add_documents([doc(n) for n in range(docs)])
    return path


def snapshot(folder: Path) -> dict[str, bytes | None]:
    return {p.name: (p.read_bytes() if p.is_file() else None) for p in folder.iterdir()}


# -- refused before anything is written ------------------------------------------------------


def _foreign_wal(path):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    return conn  # kept open: its header is only in the -wal, and the -wal stays beside it


def _newer_in_wal(path):
    make_project(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("PRAGMA user_version = 99")
    return conn  # the newer version is committed only in the -wal


CASES = {
    "empty": (lambda p: p.write_bytes(b""), "empty", "is empty"),
    "text": (lambda p: p.write_text("hello, not sqlite\n" * 100), "not_sqlite", "not a SQLite database"),
    "short header": (lambda p: p.write_bytes(make_project(p.with_name("src.annotator")).read_bytes()[:60]),
                     "truncated", "cut short"),
    "half a page": (lambda p: p.write_bytes(make_project(p.with_name("src.annotator")).read_bytes()[:6000]),
                    "truncated", "whole number"),
    "missing pages": (lambda p: p.write_bytes(make_project(p.with_name("src.annotator"), 60).read_bytes()[:8192]),
                      "truncated", "cut short"),
    "folder": (lambda p: p.mkdir(), "is_folder", "is a folder"),
    "another program": (lambda p: sqlite3.connect(p).execute("CREATE TABLE t (x)").connection.commit(),
                        "foreign", "another program"),
    "another program, WAL": (_foreign_wal, "foreign", "another program"),
    "newer": (lambda p: _newer_in_wal(p).close(), "newer", "newer annotator"),
    "newer, only in the WAL": (_newer_in_wal, "newer", "newer annotator"),
}


@pytest.mark.parametrize("readonly", [False, True], ids=["write", "read"])
@pytest.mark.parametrize("case", list(CASES))
def test_refused_files_are_left_byte_for_byte(tmp_path, case, readonly):
    make, code, words = CASES[case]
    path = tmp_path / "p.annotator"
    keep = make(path)
    (tmp_path / "src.annotator").unlink(missing_ok=True)
    before = snapshot(tmp_path)
    with pytest.raises(ProjectError) as refused:
        Project.open(path, readonly=readonly)
    message = str(refused.value)
    assert refused.value.code == code and words in message, message
    assert str(path) in message and "\n" not in message and "Traceback" not in message
    assert snapshot(tmp_path) == before  # no WAL switch, no -wal/-shm/.lock beside it
    if hasattr(keep, "close"):
        keep.close()


def test_fifo_is_refused_without_blocking(tmp_path):
    path = tmp_path / "p.annotator"
    os.mkfifo(path)
    with pytest.raises(ProjectError, match="not a regular file"):
        Project.open(path)


def test_a_fresh_project_is_read_from_its_wal_while_its_writer_holds_it(tmp_path):
    """A new project's header (application id, version) is committed in the -wal only."""
    path = tmp_path / "p.annotator"
    with Project.create(path, NEWS) as writer:
        writer.add_documents([doc(1)])
        header = path.read_bytes()[:100]
        assert header[68:72] == b"\0\0\0\0"  # the file itself does not say "annotator" yet
        with Project.open(path, readonly=True) as reader:
            assert reader.document_count() == 1


def test_error_codes_and_params(tmp_path):
    path = tmp_path / "p.annotator"
    path.write_bytes(b"")
    with pytest.raises(ProjectError) as refused:
        Project.open(path)
    assert refused.value.code == "empty" and refused.value.params == {"path": str(path)}


# -- a stale -wal is never applied to a new project ------------------------------------------


def test_create_refuses_a_stale_wal_and_keeps_it(tmp_path):
    other = tmp_path / "other.annotator"
    held = Project.create(other, NEWS)
    held.db.execute("PRAGMA wal_autocheckpoint=0")
    held.add_documents([doc(n) for n in range(5)])  # committed, only in other's -wal
    path = tmp_path / "p.annotator"
    stale = tmp_path / "p.annotator-wal"
    shutil.copy(tmp_path / "other.annotator-wal", stale)
    held.close()
    wal_bytes = stale.read_bytes()
    with pytest.raises(ProjectError) as refused:
        Project.create(path, NEWS)
    assert refused.value.code == "stale_side_file" and str(stale) in str(refused.value)
    assert stale.read_bytes() == wal_bytes and not path.exists()  # nothing moved, nothing made
    stale.rename(tmp_path / "moved-away.wal")  # what the message asks the user to do
    with Project.create(path, NEWS) as project:
        assert project.document_count() == 0
        assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Project.open(path) as project:
        assert project.document_count() == 0 and project.schema == NEWS


# -- full disk ---------------------------------------------------------------------------------


def test_a_full_disk_rolls_the_action_back_and_keeps_the_acknowledged_ones(tmp_path):
    path = make_project(tmp_path / "p.annotator", docs=0)
    with Project.open(path) as project:
        pages = project.db.execute("PRAGMA page_count").fetchone()[0]
        project.db.execute(f"PRAGMA max_page_count = {pages + 3}")  # SQLITE_FULL, as from the disk
        acknowledged, n = [], 0
        with pytest.raises(ProjectError) as full:
            while True:
                n += 1
                project.add_documents([doc(n, size=300)])
                acknowledged.append(f"d{n}")
        assert full.value.code == "disk_full"
        assert str(full.value).startswith(f"the disk holding {path} is full: free some space")
        assert acknowledged and project.document_count() == len(acknowledged)
        assert not project.db.conn.in_transaction
        project.db.execute("PRAGMA max_page_count = 1000000")
        project.add_documents([doc(n, size=300)])  # the same action, once there is room
    with Project.open(path, readonly=True) as again:
        assert [row[0] for row in again.document_rows()] == [*acknowledged, f"d{n}"]
        assert again.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_write_to_a_file_that_became_read_only_is_one_sentence(tmp_path):
    path = make_project(tmp_path / "p.annotator")
    with Project.open(path) as project:
        project.db.execute("PRAGMA query_only = ON")  # SQLite refuses the write as read-only
        with pytest.raises(ProjectError) as refused:
            project.set_status("d1", "done")
        assert refused.value.code == "readonly" and str(path) in str(refused.value)
        assert "\n" not in str(refused.value)


def _mount_tmpfs(options: str):
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("a small tmpfs (a real full disk) needs root to mount")
    where = Path(tempfile.mkdtemp(prefix="annotator-full-"))
    if subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)]).returncode:
        where.rmdir()
        pytest.skip("cannot mount a tmpfs here")
    return where


def _fill(folder: Path):
    with open(folder / "filler", "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


@pytest.fixture
def full_disk():
    where = _mount_tmpfs("size=512k")
    try:
        yield where
    finally:
        subprocess.run(["umount", "--lazy", str(where)], check=True)
        where.rmdir()


def test_migration_backup_on_a_full_disk_leaves_nothing_and_the_file_untouched(tmp_path, full_disk, monkeypatch):
    path = make_project(tmp_path / "p.annotator", docs=40)
    before = snapshot(tmp_path)

    def add_column(conn):
        conn.execute("ALTER TABLE documents ADD COLUMN priority INTEGER NOT NULL DEFAULT 0")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, add_column])
    monkeypatch.setattr(migrations, "backup_path", lambda p, v: full_disk / f"{p.name}.v{v}.bak")
    _fill(full_disk)
    with pytest.raises(ProjectError) as refused:
        Project.open(path)
    assert refused.value.code == "backup_failed" and "the disk is full" in str(refused.value)
    assert "left untouched" in str(refused.value)
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]  # no 0-byte or partial backup
    assert snapshot(tmp_path) == before
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.latest_version() - 1


def test_a_full_disk_still_reads_and_refuses_writing_with_a_sentence(tmp_path, full_disk):
    path = make_project(full_disk / "p.annotator", docs=20)
    _fill(full_disk)
    with Project.open(path, readonly=True) as reader:  # an export to another disk needs only reading
        assert reader.document_count() == 20
        assert len(list(reader.iter_documents())) == 20
    try:
        project = Project.open(path)
    except ProjectError as exc:
        assert exc.code == "disk_full" and str(exc).startswith(f"the disk holding {path} is full"), str(exc)
    else:  # the -shm and lock description fitted: then the first action says so
        with project, pytest.raises(ProjectError) as full:
            project.add_documents([doc(n, size=2000) for n in range(100, 140)])
        assert full.value.code == "disk_full"
    assert not lock_path(path).exists()
    (full_disk / "filler").unlink()
    with Project.open(path) as project:
        assert project.document_count() == 20
        assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_disk_without_room_for_a_shm_is_still_read(tmp_path):
    """Three inodes: the folder, the project and a filler; no -wal or -shm can be made."""
    source = make_project(tmp_path / "p.annotator", docs=5)
    where = _mount_tmpfs("size=512k,nr_inodes=3")
    try:
        path = where / "p.annotator"
        shutil.copy(source, path)
        (where / "filler").touch()
        before = snapshot(where)
        with Project.open(path, readonly=True) as reader:
            assert len(list(reader.iter_documents())) == 5
        with pytest.raises(ProjectError) as refused:
            Project.open(path)
        assert refused.value.code == "disk_full" and str(refused.value).startswith(f"the disk holding {path} is full")
        assert snapshot(where) == before
    finally:
        subprocess.run(["umount", "--lazy", str(where)], check=True)
        where.rmdir()


# -- read-only files and folders (root ignores permissions: the reader runs without them) ----

READER = textwrap.dedent("""
    import sys
    from annotator.store import Project, ProjectError
    project = Project.open(sys.argv[1])
    print("READONLY", project.readonly)
    print("REASON", project.readonly_reason)
    print("DOCS", project.document_count(), len(list(project.iter_documents())))
    try:
        project.set_status("d1", "done")
    except ProjectError as exc:
        print("REFUSED", exc.code, exc)
    project.close()
""")

# Root without the capabilities that override file permissions: permissions then apply to it as
# to the files' owner. (An unprivileged user cannot run this interpreter: it lives under /root.)
_NO_OVERRIDE = "-dac_override,-dac_read_search,-fowner"


def _unprivileged(*args):
    if os.geteuid() != 0:
        command = [sys.executable, *args]
    elif shutil.which("setpriv"):
        command = ["setpriv", f"--inh-caps={_NO_OVERRIDE}", f"--bounding-set={_NO_OVERRIDE}", sys.executable, *args]
    else:
        pytest.skip("no setpriv to drop root's permission override")
    return subprocess.run(command, capture_output=True, text=True)


def _reader_output(path):
    result = _unprivileged("-c", READER, str(path))
    assert result.returncode == 0, result.stderr
    return dict(line.split(" ", 1) for line in result.stdout.splitlines())


def test_the_subprocess_really_lacks_write_permission(tmp_path):
    probe = tmp_path / "probe"
    probe.write_text("x")
    probe.chmod(0o444)
    result = _unprivileged("-c", f"open({str(probe)!r}, 'a')")
    assert result.returncode != 0 and "Permission denied" in result.stderr


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_file_or_folder_opens_read_only_by_itself(tmp_path, what):
    folder = tmp_path / "projects"
    folder.mkdir()
    path = make_project(folder / "p.annotator")
    if what == "file":
        path.chmod(0o444)  # the folder stays writable
    else:
        folder.chmod(0o555)  # no -shm can be made beside the file
    before = snapshot(folder)
    try:
        lines = _reader_output(path)
    finally:
        folder.chmod(0o755)
    assert lines["READONLY"] == "True"
    if what == "file":
        expected = f"{path} is read-only (no write permission)"
    else:
        expected = f"the folder holding {path} is read-only"
    assert lines["REASON"].startswith(expected) and "cannot be saved" in lines["REASON"]
    assert lines["DOCS"] == "3 3"
    assert lines["REFUSED"].startswith("readonly ") and "cannot be saved" in lines["REFUSED"]
    if what == "folder":
        assert snapshot(folder) == before


def test_read_only_folder_with_a_live_writer_is_read_through_its_shm(tmp_path):
    folder = tmp_path / "projects"
    folder.mkdir()
    path = make_project(folder / "p.annotator", docs=2)
    with Project.open(path) as writer:
        writer.db.execute("PRAGMA wal_autocheckpoint=0")
        writer.add_documents([doc(7)])  # only in the -wal
        for side in folder.iterdir():
            side.chmod(0o444)
        folder.chmod(0o555)
        try:
            lines = _reader_output(path)
        finally:
            folder.chmod(0o755)
    assert lines["READONLY"] == "True" and lines["DOCS"] == "3 3"


def test_reading_a_closed_project_leaves_nothing_beside_it(tmp_path):
    path = make_project(tmp_path / "p.annotator")
    before = snapshot(tmp_path)
    with Project.open(path, readonly=True) as reader:
        assert reader.document_count() == 3
    assert snapshot(tmp_path) == before
