"""The writer lock is on the project file itself: other names for the same file (a hard link, a
symlink from another folder) still admit one writer, and taking or refusing the lock never drops
the POSIX locks SQLite holds in this process."""

import errno
import os
import subprocess
import sys
import textwrap

import pytest

from annotator import RESOURCES
from annotator.core.schema import load_schema
from annotator.store import Project, ProjectError, ProjectLocked
from annotator.store import lock as lock_module
from annotator.store.lock import WriterLock, lock_path

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
TEXT = " ".join(f"كلمة{i}" for i in range(60))

HOLDER = textwrap.dedent("""
    import sys
    from annotator.store import Project
    from annotator.store.workspace import Workspace
    with Project.open(sys.argv[1]) as project:
        ws = Workspace(project, "first")
        ws.open_document(project.document_rows()[0][0])
        print("HOLDING", flush=True)
        sys.stdin.readline()  # the test tries its second writer now
        words = [i for i, ch in enumerate(ws.document.text) if ch == " "][:30]
        for a, b in zip(words, words[1:]):
            ws.add_span(a + 1, b, "GPE")
            print("ACK", a + 1, b, flush=True)
        sys.stdin.readline()  # keep holding until the test says so
""")


def make_project(path):
    from annotator.core.model import Document
    from annotator.core.text import content_hash

    with Project.create(path, NEWS) as project:
        project.add_documents([Document("d1", TEXT, {}, "new", [], [], content_hash(TEXT))])


def posix_locks_of(path):
    """This process's fcntl locks on the file, from /proc/locks."""
    ino, pid = os.stat(path).st_ino, os.getpid()
    with open("/proc/locks") as f:
        return sorted(
            " ".join(line.split()[1:2] + line.split()[3:4] + line.split()[6:])
            for line in f
            if "POSIX" in line and line.split()[4] == str(pid) and line.split()[5].endswith(f":{ino}")
        )


@pytest.mark.parametrize("other_name", ["hard link", "symlink"])
def test_other_names_of_the_file_admit_one_writer(tmp_path, other_name):
    path = tmp_path / "p.annotator"
    make_project(path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    alias = elsewhere / "same.annotator"
    if other_name == "hard link":
        os.link(path, alias)
    else:
        alias.symlink_to(path)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(alias)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "HOLDING"
        for name in (path, alias):
            with pytest.raises(ProjectLocked) as refused:
                Project.open(name)
            assert f"pid {holder.pid}" in str(refused.value)  # the holder is named, even via a hard link
            assert refused.value.code == "locked" and refused.value.params["holder"] == refused.value.holder
        with pytest.raises(ProjectLocked):
            WriterLock(path).acquire()
        holder.stdin.write("\n")
        holder.stdin.flush()
        acked = []
        while len(acked) < 29:
            line = holder.stdout.readline()
            assert line.startswith("ACK"), line
            acked.append(tuple(map(int, line.split()[1:])))
        with pytest.raises(ProjectLocked):  # still refused while it writes
            Project.open(path)
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.wait(timeout=30) == 0
    finally:
        if holder.poll() is None:
            holder.kill()
    with Project.open(path) as project:  # the lock died with the holder
        stored = sorted((s.start, s.end) for s in project.get_document("d1").spans)
        assert stored == sorted(acked)
        assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert not lock_path(path).exists()


def test_second_writer_in_this_process_is_refused_through_a_hard_link(tmp_path):
    path, alias = tmp_path / "p.annotator", tmp_path / "alias.annotator"
    make_project(path)
    os.link(path, alias)
    with Project.open(path) as writer:
        with pytest.raises(ProjectLocked, match=f"pid {os.getpid()}"):
            Project.open(alias)
        with Project.open(alias, readonly=True) as reader:
            assert reader.document_count() == 1
        writer.set_status("d1", "done")
    with Project.open(alias) as again:
        assert again.document_status("d1") == "done"


def test_refusing_or_reading_never_drops_sqlite_locks_of_this_process(tmp_path):
    """Closing any descriptor of a file drops this process's fcntl locks on it; SQLite's shared
    lock on a WAL database must survive readers and refused writers of the same file."""
    path, alias = tmp_path / "p.annotator", tmp_path / "alias.annotator"
    make_project(path)
    os.link(path, alias)
    with Project.open(path) as writer:
        writer.document_count()
        held = posix_locks_of(path)
        assert held  # SQLite holds a shared lock on a WAL database it has open
        for _ in range(3):
            with pytest.raises(ProjectLocked):
                Project.open(alias)
            with pytest.raises(ProjectLocked):
                WriterLock(path).acquire()
            Project.open(alias, readonly=True).close()
            assert posix_locks_of(path) == held


def test_descriptors_are_kept_one_per_file(tmp_path):
    path = tmp_path / "p.annotator"
    make_project(path)
    Project.open(path).close()
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(20):
        Project.open(path).close()
        Project.open(tmp_path / "." / "p.annotator", readonly=True).close()
    assert len(os.listdir("/proc/self/fd")) == before


def test_lock_works_on_a_file_that_is_not_open(tmp_path):
    path = tmp_path / "p.annotator"
    make_project(path)
    lock = WriterLock(path)
    lock.acquire()
    try:
        with pytest.raises(ProjectLocked, match="open for writing by"):
            Project.open(path)
        assert lock.holder().endswith(f"(pid {os.getpid()})")
    finally:
        lock.release()
    assert not lock_path(path).exists()  # the description goes with the lock
    Project.open(path).close()
    with pytest.raises(ProjectError, match="no such project file"):
        WriterLock(tmp_path / "missing.annotator").acquire()


def test_a_full_disk_for_the_lock_description_is_one_sentence(tmp_path, monkeypatch):
    path = tmp_path / "p.annotator"
    make_project(path)

    def full(fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(lock_module.os, "write", full)
    with pytest.raises(ProjectError) as refused:
        Project.open(path)
    assert refused.value.code == "disk_full"
    assert str(refused.value).startswith(f"the disk holding {path} is full")
    monkeypatch.undo()
    assert not lock_path(path).exists()
    with Project.open(path) as project:  # the failed attempt released the lock
        assert project.document_count() == 1
