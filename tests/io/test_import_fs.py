"""Folder imports read the folder given and nothing else: links out, pipes, sockets, devices,
loops and unreadable entries are reported as `path: reason` and never opened; sizes are
bounded; a long import can be cancelled between whole batches."""

import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from annotator import RESOURCES
from annotator.core.schema import load_schema
from annotator.io import csv_table, html_page, importing, jsonl
from annotator.io.importing import Importer, import_paths
from annotator.store import Project

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")


def run(tmp_path, *paths, **options):
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, list(paths), **options)
        texts = [d.text for d in project.iter_documents()]
    return report, texts


def run_bounded(tmp_path, *paths, timeout=60):
    """The import in a thread: a FIFO that were opened would block it, failing the test, not hanging it."""
    result = {}
    thread = threading.Thread(target=lambda: result.update(zip(("report", "texts"), run(tmp_path, *paths))),
                              daemon=True)
    thread.start()
    thread.join(timeout)
    assert not thread.is_alive(), "the import blocked (it opened a pipe?)"
    return result["report"], result["texts"]


def messages(report):
    return [str(r) for r in report.rejected]


@pytest.fixture
def outside(tmp_path):
    secret = tmp_path / "outside"
    secret.mkdir()
    (secret / "passwd.txt").write_text("root:x:0:0:سر", "utf-8")
    return secret


def test_links_out_of_the_folder_are_skipped_and_reported(tmp_path, outside):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("نص عادي", "utf-8")
    (folder / "notes.txt").symlink_to(outside / "passwd.txt")
    (folder / "more").symlink_to(outside)
    (folder / "up.txt").symlink_to(Path("..") / "outside" / "passwd.txt")  # relative, still out
    report, texts = run(tmp_path, folder)
    assert texts == ["نص عادي"]
    assert messages(report) == [
        f"{folder / 'more'}: symbolic link to a folder outside {folder}, skipped",
        f"{folder / 'notes.txt'}: symbolic link to a file outside {folder}, skipped",
        f"{folder / 'up.txt'}: symbolic link to a file outside {folder}, skipped",
    ]


def test_a_link_named_directly_is_followed(tmp_path, outside):
    link = tmp_path / "named.txt"
    link.symlink_to(outside / "passwd.txt")
    report, texts = run(tmp_path, link)
    assert texts == ["root:x:0:0:سر"] and not report.rejected  # the user asked for it by name


def test_links_inside_the_folder_import_once_and_never_loop(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "b.txt").write_text("نص ب", "utf-8")
    (folder / "a.txt").write_text("نص أ", "utf-8")
    (folder / "z.txt").symlink_to(folder / "a.txt")
    (folder / "hard.txt").hardlink_to(folder / "sub" / "b.txt")
    (folder / "sub" / "again").symlink_to(folder / "sub")  # a link to its own folder
    (folder / "sub" / "root").symlink_to(folder)  # and to the top
    (folder / "twin").symlink_to(folder / "sub")
    report, texts = run_bounded(tmp_path, folder)
    assert sorted(texts) == ["نص أ", "نص ب"] and not report.rejected
    assert report.files == 2
    assert sorted(report.duplicates) == sorted([
        f"{folder / 'z.txt'}: same file as {folder / 'a.txt'}",
        f"{folder / 'sub' / 'b.txt'}: same file as {folder / 'hard.txt'}",
    ])


def test_loops_and_broken_links_are_reported(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "loop1.txt").symlink_to(folder / "loop2.txt")
    (folder / "loop2.txt").symlink_to(folder / "loop1.txt")
    (folder / "gone.txt").symlink_to(folder / "never-there.txt")
    (folder / "ok.txt").write_text("سليم", "utf-8")
    report, texts = run_bounded(tmp_path, folder, folder / "loop1.txt")
    assert texts == ["سليم"]
    assert messages(report) == [
        f"{folder / 'gone.txt'}: broken symbolic link (its target does not exist), skipped",
        f"{folder / 'loop1.txt'}: symbolic link loop, skipped",
        f"{folder / 'loop2.txt'}: symbolic link loop, skipped",
        f"{folder / 'loop1.txt'}: symbolic link loop, skipped",
    ]


def test_pipes_sockets_and_devices_are_never_opened(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "pipe.jsonl")
    os.mkfifo(tmp_path / "named.csv")
    (folder / "dev.txt").symlink_to("/dev/zero")  # out of the folder anyway
    (folder / "ok.txt").write_text("سليم", "utf-8")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(folder / "s.sock"))
        report, texts = run_bounded(tmp_path, folder, tmp_path / "named.csv", Path("/dev/null"))
    finally:
        sock.close()
    assert texts == ["سليم"]
    assert messages(report) == [
        f"{folder / 'dev.txt'}: symbolic link to a file outside {folder}, skipped",
        f"{folder / 'pipe.jsonl'}: a named pipe (FIFO), not a file: not opened",
        f"{folder / 'pipe.txt'}: a named pipe (FIFO), not a file: not opened",
        f"{folder / 's.sock'}: a socket, not a file: not opened",
        f"{tmp_path / 'named.csv'}: a named pipe (FIFO), not a file: not opened",
        "/dev/null: a character device, not a file: not opened",
    ]


@pytest.mark.parametrize("module", [jsonl, csv_table, html_page, importing.importer("txt")])
def test_readers_refuse_a_pipe_themselves(tmp_path, module):
    # Nothing calls a reader on a pipe after expand(), but a path can change in between.
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = []
    thread = threading.Thread(target=lambda: result.extend(module.read(fifo)), daemon=True)
    thread.start()
    thread.join(20)
    assert not thread.is_alive()
    assert [str(r) for r in result] == [f"{fifo}: a named pipe (FIFO), not a file: not opened"]


def test_walk_order_is_stable_and_matches_sorted_paths(tmp_path):
    folder = tmp_path / "in"
    names = ["b/z.txt", "a.txt", "a/b.txt", "a/a/c.txt", "c.txt", "a b/x.txt", "a-b.txt"]
    for n, name in enumerate(names):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(f"نص رقم {n} {name}", "utf-8")
    found = [p for p, _ in importing.expand([folder], "auto", importing.ImportReport())]
    assert found == sorted(folder.rglob("*.txt"))


def test_unreadable_folder_is_reported(tmp_path, monkeypatch):
    # Root reads every folder; the error is simulated where the walk lists one.
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "x.txt").write_text("مخفي", "utf-8")
    (folder / "ok.txt").write_text("سليم", "utf-8")
    real = os.scandir

    def scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(importing.os, "scandir", scandir)
    report, texts = run(tmp_path, folder)
    assert texts == ["سليم"]
    assert messages(report) == [f"{folder / 'locked'}: cannot read folder: Permission denied"]


NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def _as_nobody_works() -> bool:
    try:
        return subprocess.run([*NOBODY, sys.executable, "-c", "import annotator"], capture_output=True,
                              timeout=60).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


@pytest.mark.skipif(os.geteuid() != 0 or not _as_nobody_works(),
                    reason="needs root and an interpreter the 'nobody' user can run (this one lives under /root)")
def test_unreadable_entries_as_a_real_user(tmp_path):
    base = Path("/tmp") / f"d1-{os.getpid()}"
    folder = base / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "secret.txt").write_text("سر", "utf-8")
    (folder / "ok.txt").write_text("سليم", "utf-8")
    os.chmod(folder / "locked", 0)
    os.chmod(folder / "secret.txt", 0)
    for path in (base, folder):
        os.chmod(path, 0o777)
    script = ("import sys; from pathlib import Path; from annotator.io.importing import expand, ImportReport\n"
              "from annotator.io import importer\nr = ImportReport()\n"
              "for p, f in expand([Path(sys.argv[1])], 'auto', r): r.rejected += [x for x in importer(f).read(p) if not hasattr(x, 'text')]\n"
              "print('\\n'.join(map(str, r.rejected)))")
    out = subprocess.run([*NOBODY, sys.executable, "-c", script, str(folder)], capture_output=True, text=True,
                         timeout=60)
    assert out.stdout.splitlines() == [f"{folder / 'locked'}: cannot read folder: Permission denied",
                                       f"{folder / 'secret.txt'}: cannot read file: Permission denied"]


# -- sizes ------------------------------------------------------------------------------


def test_huge_text_and_html_files_are_refused_before_reading(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, size in (("big.txt", 60_000_000), ("big.html", 110_000_000)):
        with open(folder / name, "wb") as fh:
            fh.truncate(size)  # sparse: costs no disk, and would be NULs if it were read
    (folder / "ok.txt").write_text("سليم", "utf-8")
    real = Path.read_bytes

    def read_bytes(self):
        assert self.name == "ok.txt", f"{self} was read"
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    report, texts = run(tmp_path, folder)
    assert texts == ["سليم"]
    assert messages(report) == [
        f"{folder / 'big.html'}: file of 110 MB is larger than the 100 MB allowed; skipped",
        f"{folder / 'big.txt'}: file of 60 MB is larger than the 50 MB allowed; skipped",
    ]


def test_csv_cell_beyond_the_bound_is_one_rejected_row(tmp_path):
    # The real bound, on a table large enough to be streamed: the huge quoted cell spans lines
    # (with quotes inside), and the rows after it still import.
    source = tmp_path / "big.csv"
    line = "كلمة " * 20 + '""مقتبس"" ' + "\n"
    with open(source, "w", encoding="utf-8", newline="") as fh:
        fh.write('id,text\n1,"أول"\n2,"')
        for _ in range(50_000_001 // len(line) + 1):
            fh.write(line)
        fh.write('"\n3,"بعد الخلية الكبيرة"\n4,آخر\n')
    assert source.stat().st_size > csv_table.WHOLE_FILE_BYTES
    began = time.perf_counter()
    out = list(csv_table.read(source))
    print(f"\n{source.stat().st_size / 1e6:.0f} MB table with one {50_000_001 / 1e6:.0f} M-character cell: "
          f"{time.perf_counter() - began:.1f} s")
    assert [str(r) if not hasattr(r, "text") else (r.line, r.text) for r in out] == [
        (2, "أول"),
        f"{source}:3: row larger than the 50,000,000 characters one document may have; skipped",
        (3 + 50_000_001 // len(line) + 2, "بعد الخلية الكبيرة"),
        (3 + 50_000_001 // len(line) + 3, "آخر"),
    ]


def test_csv_row_bound_resumes_at_the_next_row(tmp_path, monkeypatch):
    monkeypatch.setattr(csv_table, "MAX_DOCUMENT", 100)
    source = tmp_path / "t.csv"
    source.write_text('id,text\n1,"' + "x" * 500 + '"\n2,"' + 'a\n"",b\n' * 40 + '"\n3,' + "y" * 300 + "\n4,ok\n",
                      "utf-8")
    out = list(csv_table.read(source))
    assert [str(r) if not hasattr(r, "text") else (r.line, r.text) for r in out] == [
        f"{source}:2: row larger than the 100 characters one document may have; skipped",
        f"{source}:3: row larger than the 100 characters one document may have; skipped",
        f"{source}:84: row larger than the 100 characters one document may have; skipped",
        (85, "ok"),
    ]


def test_streamed_csv_in_a_legacy_code_page(tmp_path, monkeypatch):
    monkeypatch.setattr(csv_table, "WHOLE_FILE_BYTES", 10)
    source = tmp_path / "t.csv"
    source.write_bytes("text;title\nنص المقال الأول;عنوان\n".encode("cp1256"))
    [draft] = list(csv_table.read(source))
    assert (draft.text, draft.meta["title"]) == ("نص المقال الأول", "عنوان")
    source.write_bytes("text\nنص\n".encode("utf-8") + b"x" * (2 << 20) + b"\n\xff\xfe\n")  # a fault past the sample
    out = list(csv_table.read(source))
    assert out[0].text == "نص"
    assert str(out[-1]).startswith(f"{source}: cannot decode as utf-8 further on: invalid start byte")


def test_jsonl_line_beyond_the_bound_is_skipped_unparsed(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonl, "MAX_RECORD_BYTES", 1000)
    parsed = []
    real = json.loads
    monkeypatch.setattr(jsonl.json, "loads", lambda s, *a, **k: parsed.append(len(s)) or real(s, *a, **k))
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": "أول"}) + "\n" + json.dumps({"text": "ب" * 5000}) + "\n"
                      + json.dumps({"text": "ثالث"}) + "\n", "utf-8")
    out = list(jsonl.read(source))
    assert [r.text if hasattr(r, "text") else str(r) for r in out] == [
        "أول", f"{source}:2: line of 0.0 MB is longer than the 0.0 MB one record may have; skipped unread", "ثالث"]
    assert max(parsed) < 1000


def test_jsonl_text_beyond_the_document_bound(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonl, "MAX_DOCUMENT", 10)
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": "x" * 11}) + "\n" + json.dumps({"text": "قصير"}) + "\n", "utf-8")
    out = list(jsonl.read(source))
    assert str(out[0]) == f"{source}:1: text of 11 characters is longer than the 10 characters one document may have; skipped"
    assert out[1].text == "قصير"


# -- cancel -----------------------------------------------------------------------------


def test_cancel_stops_between_batches_and_keeps_what_was_stored_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "BATCH_DOCS", 10)
    source = tmp_path / "in.jsonl"
    texts = [f"مقال {n} عن بوتين" for n in range(100)]
    source.write_text("".join(json.dumps({"text": t, "label": [[t.index("بوتين"), len(t), "PERSON"]]},
                                         ensure_ascii=False) + "\n" for t in texts), "utf-8")
    later = tmp_path / "later.txt"
    later.write_text("لن يقرأ", "utf-8")
    asked = []

    def cancel():
        asked.append(1)
        return len(asked) > 3  # after the first batches were stored

    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = Importer(project, cancel=cancel).run([source, later])
        stored = [d.text for d in project.iter_documents()]
        spans = [len(d.spans) for d in project.iter_documents()]
    assert report.cancelled and report.files == 1
    assert report.documents == len(stored) == 20 and spans == [1] * 20
    assert stored == texts[:20]
    conn = sqlite3.connect(tmp_path / "p.annotator")
    assert conn.execute("SELECT count(*) FROM spans").fetchone() == (20,)
    conn.close()


def test_cancel_between_files(tmp_path):
    files = []
    for n in range(3):
        files.append(tmp_path / f"{n}.txt")
        files[-1].write_text(f"نص {n}", "utf-8")
    calls = []
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, files, cancel=lambda: calls.append(1) or len(calls) > 1)
        assert report.cancelled and report.files == 1 and report.documents == 0
        assert list(project.iter_documents()) == []  # the batch was not stored once cancelled
    (tmp_path / "again").mkdir()
    report, texts = run(tmp_path / "again", *files, cancel=lambda: False)
    assert not report.cancelled and report.documents == 3
