"""A second writer on the same project is refused and told who holds it; readers keep working;
nothing the first writer committed is overwritten."""

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ANNOTATOR = Path(sys.executable).with_name("annotator")

HOLDER = textwrap.dedent("""
    import sys, time
    from annotator.store import Project
    from annotator.store.workspace import Workspace
    with Project.open(sys.argv[1]) as project:
        ws = Workspace(project, "first")
        ws.open_document(project.document_rows()[0][0])
        words = [i for i, ch in enumerate(ws.document.text) if ch == " "][:40]
        print("HOLDING", flush=True)
        for a, b in zip(words, words[1:]):
            if b - a > 1:
                ws.add_span(a + 1, b, "GPE")
                print("ACK", a + 1, b, flush=True)
            time.sleep(0.02)
        sys.stdin.readline()  # keep holding until the test says so
""")


def run(*args, **kw):
    return subprocess.run([str(ANNOTATOR), *map(str, args)], capture_output=True, text=True, **kw)


@pytest.mark.parametrize("holder_opens", ["the same path", "a hard link", "a symlink in another folder"])
def test_second_writer_refused_readers_served_first_writer_intact(tmp_path, holder_opens):
    """The lock is on the file itself: another name for it does not let a second writer in."""
    path = tmp_path / "p.annotator"
    assert run("demo", path).returncode == 0
    alias = path
    if holder_opens != "the same path":
        (tmp_path / "other").mkdir()
        alias = tmp_path / "other" / "alias.annotator"
        if holder_opens == "a hard link":
            os.link(path, alias)
        else:
            alias.symlink_to(path)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(alias)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "HOLDING"
        extra = tmp_path / "x.txt"
        extra.write_text("نص إضافي", "utf-8")
        second = run("import", path, extra)
        assert second.returncode == 1
        assert "is open for writing by" in second.stderr and f"pid {holder.pid}" in second.stderr
        assert "read-only" in second.stderr  # the way out is said
        time.sleep(0.3)
        stats = run("stats", path, "--json")  # readers work while the first writer writes
        assert stats.returncode == 0 and json.loads(stats.stdout)["documents"] == 5
        acked = []
        holder.stdin.write("\n")
        holder.stdin.flush()
        for line in holder.stdout:
            if line.startswith("ACK"):
                _, start, end = line.split()
                acked.append((int(start), int(end)))
        assert holder.wait(timeout=30) == 0
    finally:
        if holder.poll() is None:
            holder.kill()
    out = tmp_path / "out.jsonl"
    assert run("export", path, "-o", out).returncode == 0
    first = json.loads(out.read_text("utf-8").splitlines()[0])
    assert sorted((s["start"], s["end"]) for s in first["spans"]) == sorted(acked) and acked
    assert all(s["annotator"] == "first" for s in first["spans"])
    assert run("check", path).returncode == 0
    assert run("import", path, extra).returncode == 0  # the lock died with the first writer
