import sqlite3

import pytest

from annotator import RESOURCES
from annotator.core.model import Document, EntityRef, Relation, Span
from annotator.core.schema import load_schema
from annotator.core.text import content_hash
from annotator.store import Project, ProjectError, ProjectLocked
from annotator.store import migrations
from annotator.store.project import SpanFilter

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
TEXT = "وصل سيرغي شويغو إلى بيونغ يانغ 😀 اليوم."


def make_doc(doc_id="d1", text=TEXT):
    start = text.index("سيرغي")
    end = start + len("سيرغي شويغو")
    span = Span("s1", start, end, text[start:end], "entity", "PERSON",
                EntityRef("e1", "سيرغي شويغو", "PERSON"), {}, "amal")
    claim = Span("c1", 0, len(text) - 1, text[:-1], "claim", "CLAIM", None, {"stance": "affirm"}, "amal")
    rel = Relation("r1", "c1", "s1", "claimant", "amal")
    return Document(doc_id, text, {"title": "t", "source": None, "url": None, "file": None}, "new",
                    [span, claim], [rel], content_hash(text))


@pytest.fixture
def project(tmp_path):
    with Project.create(tmp_path / "p.annotator", NEWS) as proj:
        yield proj


def test_every_connection_has_the_pragmas(project):
    q = lambda sql: project.db.execute(sql).fetchone()[0]  # noqa: E731
    assert q("PRAGMA journal_mode") == "wal"
    assert q("PRAGMA synchronous") == 2  # FULL
    assert q("PRAGMA foreign_keys") == 1
    assert q("PRAGMA busy_timeout") >= 1000
    assert q("PRAGMA user_version") == migrations.latest_version() == 7


def test_schema_is_stored_in_the_project(tmp_path, project):
    project.close()
    with Project.open(tmp_path / "p.annotator", readonly=True) as again:
        assert again.schema == NEWS


def test_documents_round_trip(project):
    doc = make_doc()
    project.add_documents([doc], [EntityRef("e1", "سيرغي شويغو", "PERSON")])
    loaded = project.get_document("d1")
    assert loaded.text == TEXT
    assert [s.id for s in loaded.spans] == ["c1", "s1"]  # ordered by start, longest first
    person = loaded.spans[1]
    assert loaded.text[person.start : person.end] == person.text == "سيرغي شويغو"
    assert person.entity == EntityRef("e1", "سيرغي شويغو", "PERSON")
    assert loaded.spans[0].attrs == {"stance": "affirm"}
    assert loaded.relations[0].head == "c1"


def test_span_filter_drops_relations_to_filtered_spans(project):
    project.add_documents([make_doc()], [EntityRef("e1", "x", "PERSON")])
    doc = next(project.iter_documents(spans=SpanFilter(layers=("entity",))))
    assert [s.id for s in doc.spans] == ["s1"] and doc.relations == []


def test_a_failing_write_stores_nothing(project):
    good, bad = make_doc("d1"), make_doc("d2", TEXT + "!")
    bad.spans[0].text = "wrong"  # violates length(text) = end - start... and the text itself
    bad.spans[0].end += 1
    with pytest.raises(sqlite3.IntegrityError):
        project.add_documents([good, bad], [EntityRef("e1", "x", "PERSON")])
    assert project.document_count() == 0
    assert project.db.execute("SELECT count(*) FROM spans").fetchone()[0] == 0


def test_database_rejects_span_with_unknown_label(project):
    doc = make_doc()
    doc.spans[0].label = "NOPE"
    with pytest.raises(sqlite3.IntegrityError):
        project.add_documents([doc], [EntityRef("e1", "x", "PERSON")])


def test_deleting_a_document_cascades(project):
    project.add_documents([make_doc()], [EntityRef("e1", "x", "PERSON")])
    with project.transaction():
        project.db.execute("DELETE FROM documents WHERE id = 'd1'")
    assert project.db.execute("SELECT count(*) FROM spans").fetchone()[0] == 0
    assert project.db.execute("SELECT count(*) FROM relations").fetchone()[0] == 0


def test_status(project):
    project.add_documents([make_doc()], [EntityRef("e1", "x", "PERSON")])
    project.set_status("d1", "done")
    assert project.stats()["by_status"] == {"done": 1}
    with pytest.raises(sqlite3.IntegrityError):
        project.set_status("d1", "finished")
    with pytest.raises(ProjectError):
        project.set_status("nope", "done")


def test_second_writer_is_refused_but_may_read(tmp_path, project):
    with pytest.raises(ProjectLocked, match="open for writing by .*pid"):
        Project.open(tmp_path / "p.annotator")
    with Project.open(tmp_path / "p.annotator", readonly=True) as reader:
        assert reader.document_count() == 0
        with pytest.raises(ProjectError, match="read-only"):
            reader.set_status("x", "done")


def test_lock_is_released_on_close(tmp_path, project):
    project.close()
    Project.open(tmp_path / "p.annotator").close()


def test_create_refuses_existing_file(tmp_path, project):
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(tmp_path / "p.annotator", NEWS)


def test_open_refuses_other_files(tmp_path):
    (tmp_path / "notes.annotator").write_text("hello, not sqlite" * 100)
    with pytest.raises(ProjectError, match="not an annotator project"):
        Project.open(tmp_path / "notes.annotator")
    other = tmp_path / "other.annotator"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(ProjectError, match="another program"):
        Project.open(other)
    with pytest.raises(ProjectError, match="no such project"):
        Project.open(tmp_path / "missing.annotator")


def test_newer_file_is_refused_untouched(tmp_path, project):
    path = tmp_path / "p.annotator"
    project.db.execute("PRAGMA user_version = 99")
    project.close()
    before = path.read_bytes()
    with pytest.raises(ProjectError, match="newer annotator"):
        Project.open(path)
    assert path.read_bytes() == before


def test_older_file_is_backed_up_then_migrated(tmp_path, project, monkeypatch):
    path = tmp_path / "p.annotator"
    project.add_documents([make_doc()], [EntityRef("e1", "x", "PERSON")])
    project.close()

    def add_column(conn):
        conn.execute("ALTER TABLE documents ADD COLUMN priority INTEGER NOT NULL DEFAULT 0")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, add_column])
    latest = migrations.latest_version()
    with Project.open(path) as migrated:
        assert migrated.backup == tmp_path / f"p.annotator.v{latest - 1}.bak"
        assert migrated.db.execute("PRAGMA user_version").fetchone()[0] == latest
        assert migrated.db.execute("SELECT priority FROM documents").fetchone()[0] == 0
        assert migrated.get_document("d1").spans[1].text == "سيرغي شويغو"
    backup = sqlite3.connect(migrated.backup)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == latest - 1
    assert backup.execute("SELECT count(*) FROM spans").fetchone()[0] == 2


def test_failed_migration_changes_nothing(tmp_path, project, monkeypatch):
    path = tmp_path / "p.annotator"
    project.close()

    before = migrations.latest_version()

    def broken(conn):
        conn.execute("ALTER TABLE documents ADD COLUMN extra TEXT")
        raise RuntimeError("boom")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, broken])
    with pytest.raises(RuntimeError):
        Project.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == before
    assert "extra" not in [row[1] for row in conn.execute("PRAGMA table_info(documents)")]


def test_version_1_fixture_migrates_with_a_backup_and_keeps_everything(tmp_path):
    """tests/fixtures/v1.annotator was written by annotator 0.1.0 (schema version 1)."""
    import shutil
    from pathlib import Path

    fixture = Path(__file__).parents[1] / "fixtures" / "v1.annotator"
    path = tmp_path / "old.annotator"
    shutil.copy(fixture, path)
    before = sqlite3.connect(path)
    assert before.execute("PRAGMA user_version").fetchone()[0] == 1
    rows = before.execute('SELECT id, start, "end", text, label, entity_id, attrs FROM spans ORDER BY id').fetchall()
    before.close()
    with Project.open(path) as project:
        assert project.backup == tmp_path / "old.annotator.v1.bak"
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == migrations.latest_version()
        after = project.db.execute('SELECT id, start, "end", text, label, entity_id, attrs FROM spans ORDER BY id')
        assert after.fetchall() == rows and len(rows) == 3
        doc = next(d for d in project.iter_documents() if d.relations)
        assert doc.status == "done" and doc.relations[0].label == "claimant"
        assert project.db.execute("SELECT count(*) FROM suggestions").fetchone()[0] == 0
    backup = sqlite3.connect(tmp_path / "old.annotator.v1.bak")
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    assert backup.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
