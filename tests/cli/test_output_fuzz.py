"""Every path beside a project as `annotator export -o` (and `--entities`), for every format:
refused, and the project, its side files and everything around it stay as they were. Plus folder
exports, spans edited behind annotator's back, `demo --force` against a writer, and terminal
escapes."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli, terminal_safe
from annotator.io import EXPORT_FORMATS
from annotator.io.outputs import MANIFEST

ANNOTATOR = Path(sys.executable).with_name("annotator")
TEXT = "قال سيرغي شويغو إن روسيا قوية"
SPANS = [
    {"start": 4, "end": 15, "label": "PERSON", "layer": "entity"},
    {"start": 19, "end": 24, "label": "GPE", "layer": "entity"},
    {"start": 16, "end": 29, "label": "CLAIM", "layer": "claim"},
]


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], env={"ANNOTATOR_NAME": "amal"})


def make_project(folder: Path, docs: int = 2) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "p.annotator"
    result = invoke("init", path)
    assert result.exit_code == 0, result.output
    source = folder.parent / f"{folder.name}-in.jsonl"
    lines = [{"id": f"d{n}", "text": f"{TEXT} {n}", "status": "done", "spans": SPANS, "schema_version": 1}
             for n in range(docs)]
    source.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    result = invoke("import", path, source)
    assert result.exit_code == 0, result.output
    source.unlink()
    return path


def span_count(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM spans").fetchone()[0]
    finally:
        conn.close()


def tree(root: Path) -> dict:
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            if os.path.islink(path):
                out[rel] = ("link", os.readlink(path))
            elif os.path.isfile(path):
                with open(path, "rb") as fh:
                    out[rel] = fh.read()
            else:
                out[rel] = "dir"
    return out


@pytest.fixture(scope="module")
def scene(tmp_path_factory):
    """tmp/work/p.annotator with a live -wal and -shm (a reader holds them open, unchecked-pointed),
    its .lock, a migration backup, an input file, and links to the project from another folder."""
    root = tmp_path_factory.mktemp("fuzz")
    project = make_project(root / "work")
    backup = project.with_name(project.name + ".v1.bak")
    conn = sqlite3.connect(project)
    conn.execute(f"VACUUM INTO '{backup}'")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("INSERT INTO project (key, value) VALUES ('fuzz', 'x')")  # a frame in the -wal
    conn.commit()
    (root / "work" / "article.txt").write_text("مقال", encoding="utf-8")
    other = root / "other"
    other.mkdir()
    os.link(project, other / "hard.annotator")
    os.symlink(project, other / "soft.annotator")
    spans = span_count(project)
    assert spans == 6
    assert Path(f"{project}-wal").stat().st_size > 0 and Path(f"{project}-shm").exists()
    yield root, project, spans
    conn.close()


TARGETS = ["work/p.annotator", "work/p.annotator-wal", "work/p.annotator-shm", "work/p.annotator-journal",
           "work/p.annotator.lock", "work/p.annotator.v1.bak", "work", ".", "other/hard.annotator",
           "other/soft.annotator", "work/p.annotator/x"]


@pytest.mark.parametrize("fmt", list(EXPORT_FORMATS))
@pytest.mark.parametrize("target", TARGETS)
def test_export_onto_anything_of_the_project_is_refused(scene, fmt, target):
    root, project, spans = scene
    before = tree(root)
    result = invoke("export", project, "-o", root / target, "--format", fmt)
    assert result.exit_code == 2, result.output
    assert "choose another output" in result.output and str(root / target) in result.output
    assert tree(root) == before
    assert span_count(project) == spans


@pytest.mark.parametrize("fmt", ["native", "brat"])
@pytest.mark.parametrize("target", TARGETS)
def test_entities_onto_anything_of_the_project_is_refused(scene, tmp_path, fmt, target):
    root, project, spans = scene
    before = tree(root)
    out = tmp_path / "out"
    result = invoke("export", project, "-o", out, "--format", fmt, "--entities", root / target)
    assert result.exit_code == 2, result.output
    assert "--entities" in result.output and str(root / target) in result.output
    assert tree(root) == before and not out.exists()
    assert span_count(project) == spans


def test_entities_onto_the_output_is_refused(scene, tmp_path):
    _, project, _ = scene
    out = tmp_path / "o.jsonl"
    result = invoke("export", project, "-o", out, "--entities", tmp_path / "." / "o.jsonl")
    assert result.exit_code == 2 and "is (or lies inside) the -o output" in result.output
    assert not out.exists()


def test_entities_inside_the_brat_folder_is_refused(scene, tmp_path):
    root, project, _ = scene
    result = invoke("export", project, "-o", tmp_path / "b", "--format", "brat", "--entities", tmp_path / "b" / "e.jsonl")
    assert result.exit_code == 2 and "lies inside" in result.output
    assert not (tmp_path / "b").exists()


def test_export_beside_the_project_works_and_writes_the_entities_whole(scene, tmp_path):
    root, project, spans = scene
    before = tree(root)
    result = invoke("export", project, "-o", tmp_path / "o.jsonl", "--entities", tmp_path / "e.jsonl")
    assert result.exit_code == 0, result.output
    assert len((tmp_path / "o.jsonl").read_text("utf-8").splitlines()) == 2
    assert (tmp_path / "e.jsonl").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.jsonl", "o.jsonl"]  # no partial left
    assert tree(root) == before and span_count(project) == spans


def test_brat_into_a_folder_of_user_files_is_refused_and_touches_nothing(scene, tmp_path):
    _, project, _ = scene
    out = tmp_path / "papers"
    out.mkdir()
    (out / "thesis.txt").write_text("four years")
    (out / "d0.ann").write_text("my own annotations")
    before = tree(tmp_path)
    result = invoke("export", project, "-o", out, "--format", "brat")
    assert result.exit_code == 2
    assert "not empty; choose a new or empty folder" in result.output
    assert tree(tmp_path) == before


def test_brat_reexport_removes_only_its_own_stale_files(tmp_path):
    project = make_project(tmp_path / "proj", docs=3)
    out = tmp_path / "brat"
    assert invoke("export", project, "-o", out, "--format", "brat").exit_code == 0
    assert sorted(p.name for p in out.glob("*.txt")) == ["d0.txt", "d1.txt", "d2.txt"]
    (out / "README.md").write_text("what this folder is")
    conn = sqlite3.connect(project)
    with conn:
        conn.execute("UPDATE documents SET status = 'new' WHERE id = 'd2'")
    conn.close()
    result = invoke("export", project, "-o", out, "--format", "brat", "--status", "done")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        MANIFEST, "README.md", "annotation.conf", "d0.ann", "d0.txt", "d1.ann", "d1.txt"]
    assert (out / "README.md").read_text() == "what this folder is"


def test_spans_edited_behind_our_back_are_reported_and_the_rest_exported(tmp_path):
    project = make_project(tmp_path / "proj")
    conn = sqlite3.connect(project)
    with conn:
        conn.execute("UPDATE spans SET text = 'بوتين بوتين' WHERE doc_id = 'd0' AND label = 'PERSON'")
        conn.execute("UPDATE documents SET text = 'قصير' WHERE id = 'd1'")
    rows = conn.execute("SELECT doc_id, id, label, start, \"end\" FROM spans").fetchall()
    conn.close()
    bad = [r for r in rows if r[0] == "d1" or r[2] == "PERSON" and r[0] == "d0"]
    for fmt in EXPORT_FORMATS:
        out = tmp_path / f"out-{fmt}"
        result = invoke("export", project, "-o", out, "--format", fmt)
        assert result.exit_code == 1, (fmt, result.output)
        for doc_id, span_id, label, start, end in bad:
            assert f"document {doc_id}: span {span_id} ({label} {start}-{end}): does not match the document text" \
                in result.output, fmt
        assert out.exists()
    native = [json.loads(x) for x in (tmp_path / "out-native").read_text("utf-8").splitlines()]
    assert [len(d["spans"]) for d in native] == [2, 0]
    assert all(d["text"][s["start"]:s["end"]] == s["text"] for d in native for s in d["spans"])


def test_brat_takes_hostile_document_ids(tmp_path):
    project = make_project(tmp_path / "proj")
    conn = sqlite3.connect(project)
    with conn:
        for old, new in (("d0", "x" * 300), ("d1", "CON")):
            for table, column in (("documents", "id"), ("spans", "doc_id")):
                conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (new, old))
    conn.close()
    out = tmp_path / "brat"
    result = invoke("export", project, "-o", out, "--format", "brat")
    assert result.exit_code == 0, result.output
    names = [p.name for p in out.iterdir()]
    assert len(names) == 6 and all(len(n) < 80 for n in names)
    assert not any(n.split(".")[0].upper() == "CON" for n in names)
    assert sorted(json.loads((out / MANIFEST).read_text("utf-8"))["documents"].values()) == ["CON", "x" * 300]


# --- demo --force against a writer -------------------------------------------------------------

WRITER = """
import sys
from annotator.store import Project
project = Project.open(sys.argv[1])
print("open", flush=True)
sys.stdin.readline()
with project.transaction():
    for doc_id, *_ in project.document_rows():
        project.set_status(doc_id, "in_progress")
project.close()
print("wrote", flush=True)
"""


def test_demo_force_refuses_while_the_project_is_open_for_writing(tmp_path):
    project = make_project(tmp_path / "proj")
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(project)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "open"
        before = sorted(p.name for p in project.parent.iterdir())
        result = subprocess.run([str(ANNOTATOR), "demo", str(project), "--force"], capture_output=True, text=True)
        assert result.returncode == 1
        assert f"{project} is open for writing" in result.stderr
        assert sorted(p.name for p in project.parent.iterdir()) == before  # nothing deleted, nothing left
        writer.stdin.write("go\n")
        writer.stdin.flush()
        assert writer.stdout.readline().strip() == "wrote"
    finally:
        writer.stdin.close()
        writer.wait(timeout=30)
    assert span_count(project) == 6
    conn = sqlite3.connect(project)
    assert conn.execute("SELECT DISTINCT status FROM documents").fetchall() == [("in_progress",)]
    conn.close()


def test_demo_force_replaces_a_closed_project_and_leaves_no_temp_files(tmp_path):
    project = make_project(tmp_path / "proj")
    Path(f"{project}-wal").write_bytes(b"")  # a stale side file of the old project
    result = subprocess.run([str(ANNOTATOR), "demo", str(project), "--force"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert f"created {project} with" in result.stdout
    leftovers = [p.name for p in project.parent.iterdir() if p.name not in ("p.annotator", "p.annotator.lock")]
    assert leftovers == []  # (looked at before sqlite3 below makes a -shm of its own)
    conn = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
    assert conn.execute("SELECT value FROM project WHERE key = 'name'").fetchone() == ("demo",)
    conn.close()


def test_demo_force_refuses_a_file_that_is_not_a_project(tmp_path):
    thesis = tmp_path / "thesis.annotator"
    thesis.write_text("four years of work")
    result = invoke("demo", thesis, "--force")
    assert result.exit_code == 1 and "is not an annotator project" in result.output
    assert thesis.read_text() == "four years of work"


# --- the terminal ------------------------------------------------------------------------------

def test_terminal_safe_escapes_controls_and_bidi():
    assert terminal_safe("a\x1b[2Jb\x07\x7f\x9b\u202etxt.exe\u2066\u200f\n") == \
        "a\\x1b[2Jb\\x07\\x7f\\x9b\\u202etxt.exe\\u2066\\u200f\\x0a"
    assert terminal_safe("قال بوتين 🇷🇺") == "قال بوتين 🇷🇺"


def test_search_and_export_warnings_escape_hostile_ids(tmp_path):
    project = make_project(tmp_path / "proj")
    conn = sqlite3.connect(project)
    with conn:
        for table, column in (("documents", "id"), ("spans", "doc_id")):
            conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = 'd0'", ("\x1b]0;owned\x07\u202ed0",))
        conn.execute("UPDATE spans SET text = 'كوريا' WHERE label = 'GPE'")
    conn.close()
    for args in (("search", project, "روسيا"), ("export", project, "-o", tmp_path / "o.jsonl")):
        result = invoke(*args)
        assert "\x1b" not in result.output and "\u202e" not in result.output and "\x07" not in result.output
        assert "\\x1b]0;owned\\x07\\u202ed0" in result.output
