"""`annotator check` finds what SQLite alone cannot, and --repair fixes only what loses nothing."""

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.store import Project
from annotator.store.workspace import Workspace

ANNOTATOR = Path(sys.executable).with_name("annotator")


def run(*args):
    return subprocess.run([str(ANNOTATOR), *map(str, args)], capture_output=True, text=True)


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.annotator"
    assert run("demo", path).returncode == 0
    with Project.open(path) as proj:
        ws = Workspace(proj, "amal")
        doc_id = proj.document_rows()[1][0]
        ws.open_document(doc_id)
        text = ws.document.text
        a = text.index("شويغو")
        person = ws.add_span(a, a + 5, "PERSON").span
        claim = ws.add_span(text.index("هذه الزيارة"), text.index("هذه الزيارة") + 11, "CLAIM").span
        ws.set_claimant(claim.id, person.id)
    return path, doc_id, person.id, claim.id


def damage(path, *statements):
    """Write as a careless tool would: foreign keys off, no checks."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=OFF")
    for statement, params in statements:
        conn.execute(statement, params)
    conn.commit()
    conn.close()


def test_a_sound_project_passes(project):
    path = project[0]
    result = run("check", path)
    assert result.returncode == 0 and "no problems" in result.stdout


def test_problems_are_reported_and_only_safe_ones_repaired(project):
    path, doc_id, person, claim = project
    damage(path,
           ("DELETE FROM spans WHERE id = ?", (person,)),  # leaves the claimant relation dangling
           ("UPDATE spans SET text = 'نص آخر خطأ' || '!' WHERE id = ?", (claim,)),  # same length, wrong
           ("UPDATE documents SET content_hash = 'x' WHERE id = ?", (doc_id,)),
           ("INSERT INTO suggestions (id, doc_id, start, \"end\", text, layer, label, source, created) "
            "VALUES ('sg', ?, 0, 3, 'zzz', 'entity', 'GPE', 'test', 'now')", (doc_id,)))
    result = run("check", path)
    assert result.returncode == 1
    out = result.stdout
    # The claimant relation lost its entity span: reported with what to do, never deleted.
    assert "dangling relation: relations" in out and f"its child span {person} does not exist; needs a manual fix" in out
    assert f"span text: spans {claim} (document {doc_id}): text 'نص آخر خطأ!' but the document has 'هذه الزيارة'" in out
    assert f"content hash: documents {doc_id}: does not match the text (repairable)" in out
    assert "suggestion text: suggestions sg" in out
    repaired = run("check", path, "--repair")
    assert "repaired 2 problems" in repaired.stdout  # the hash and the suggestion
    assert repaired.returncode == 1  # the span text mismatch is reported, never "repaired" away
    assert "span text" in repaired.stdout and "dangling relation" in repaired.stdout
    assert "content hash" not in repaired.stdout and "suggestion text" not in repaired.stdout
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM spans WHERE id = ?", (claim,)).fetchone()[0] == 1  # kept
    assert conn.execute("SELECT count(*) FROM relations WHERE head = ?", (claim,)).fetchone()[0] == 1  # kept
    conn.close()


def test_a_damaged_file_is_reported_not_a_traceback(tmp_path):
    path = tmp_path / "broken.annotator"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    result = run("check", path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "broken.annotator" in result.stderr
