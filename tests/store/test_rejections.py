"""A rejected suggestion never comes back in its project: the rejection is stored (file version 4),
undoable, read when a document's suggestions are computed (stored, known entities, variants of a
label), reported by `annotator check` without ever being deleted by a repair. Also the find's
batch actions: label every match in one step, store the matches of other documents."""

import sqlite3

import pytest

from annotator import RESOURCES
from annotator.core.model import Suggestion
from annotator.core.schema import load_schema
from annotator.io.importing import import_paths
from annotator.store import Project, migrations
from annotator.store.workspace import Workspace

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
TEXT = "قال شويغو إن روسيا ستدعم بيونغ يانغ. وأكد شويجو أن وفد روسيا زار بيونج يانج، ثم قال شويقو كلمة."
OTHER = "التقى شويغو بوزير الدفاع في موسكو ثم عاد شويغو إلى روسيا."


def at(word, text=TEXT, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


@pytest.fixture
def env(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, "utf-8")
    (tmp_path / "b.txt").write_text(OTHER, "utf-8")
    path = tmp_path / "p.annotator"
    project = Project.create(path, NEWS)
    import_paths(project, [tmp_path / "a.txt", tmp_path / "b.txt"])
    first, second = (row[0] for row in project.document_rows())
    ws = Workspace(project, "amal")
    ws.open_document(first)
    yield ws, path, first, second
    if not ws.project.closed:
        ws.project.close()


def reopened(ws, path, doc_id):
    """A new session: the project closed and opened again, nothing kept in memory."""
    ws.project.close()
    fresh = Workspace(Project.open(path), "amal")
    fresh.open_document(doc_id)
    return fresh


def rows(path, sql):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_rejected_variant_does_not_come_back_next_session(env):
    ws, path, doc, _ = env
    span = ws.add_span(*at("شويغو"), "PERSON").span
    variants = ws.variant_suggestions(span.id)
    assert [s.text for s in variants] == ["شويجو", "شويقو"]
    steps = ws.history.undo_count
    change = ws.reject_suggestions([variants[0]])
    assert change.op == "reject_suggestions" and change.suggestions and ws.history.undo_count == steps + 1
    assert rows(path, 'SELECT start, "end", layer, label FROM rejections') == [variants[0].key()]
    ws = reopened(ws, path, doc)
    assert [s.text for s in ws.variant_suggestions(span.id)] == ["شويقو"]


def test_undo_forgets_the_rejection_and_redo_remembers_it(env):
    ws, path, doc, _ = env
    span = ws.add_span(*at("شويغو"), "PERSON").span
    first = ws.variant_suggestions(span.id)[0]
    ws.reject_suggestions([first])
    ws.undo()
    assert rows(path, "SELECT count(*) FROM rejections") == [(0,)]
    assert first in ws.variant_suggestions(span.id)
    ws.redo()
    assert first not in ws.variant_suggestions(span.id)
    # Rejected again after the redo: nothing new is stored, and undoing that keeps the first one.
    ws.reject_suggestions([first])
    ws.undo()
    assert rows(path, "SELECT count(*) FROM rejections") == [(1,)]


def test_a_rejected_stored_suggestion_stays_rejected_for_its_set_only(env):
    ws, path, doc, _ = env
    stored = Suggestion(*at("روسيا"), "روسيا", "entity", "GPE", source="import:x", id="s1")
    with ws.project.transaction():
        ws.project.insert_suggestions(doc, [stored])
    assert ws.document_suggestions() == [stored]
    ws.reject_suggestions([stored])
    assert ws.document_suggestions() == []
    # The imported pre-annotation stays in the project: another annotator is still offered it.
    assert ws.project.suggestions(doc) == [stored]
    other = Workspace(ws.project, "someone-else")
    other.open_document(doc)
    assert other.document_suggestions() == [stored]
    ws.undo()
    assert ws.document_suggestions() == [stored] and ws.project.rejections(doc) == set()
    ws.redo()
    # The same pre-annotation imported again is still not suggested.
    with ws.project.transaction():
        ws.project.insert_suggestions(doc, [Suggestion(*at("روسيا"), "روسيا", "entity", "GPE", id="s2")])
    ws = reopened(ws, path, doc)
    assert ws.document_suggestions() == []


def test_a_rejected_known_entity_mention_is_not_suggested_again(env):
    ws, path, doc, second = env
    span = ws.add_span(*at("شويغو"), "PERSON").span
    ws.link_new_entity(span.id)
    ws.open_document(second)
    mentions = ws.document_suggestions()
    assert [s.text for s in mentions] == ["شويغو", "شويغو"]
    ws.reject_suggestions(mentions[:1])
    ws = reopened(ws, path, second)
    assert [(s.start, s.text) for s in ws.document_suggestions()] == [(mentions[1].start, "شويغو")]


def test_a_rejection_goes_with_its_document_and_follows_a_label_rename(env):
    ws, path, doc, _ = env
    key = (*at("روسيا"), "entity", "GPE")
    ws.project.reject_suggestions(doc, [key])
    with ws.project.transaction():
        ws.project.db.execute("UPDATE labels SET name = 'COUNTRY' WHERE name = 'GPE'")
    assert ws.project.rejections(doc) == {(*key[:3], "COUNTRY")}
    with ws.project.transaction():
        ws.project.db.execute("DELETE FROM documents WHERE id = ?", [doc])
    assert rows(path, "SELECT count(*) FROM rejections") == [(0,)]


def test_a_version_3_file_gets_the_table_with_a_backup(env):
    ws, path, doc, _ = env
    ws.project.close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE rejections")
    conn.execute("DROP TABLE sets")  # version 6
    conn.execute("DROP TABLE packages")
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    with Project.open(path) as project:
        assert project.backup == path.with_name("p.annotator.v3.bak")
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == migrations.latest_version() == 7
        assert project.rejections(doc) == set() and project.check().problems == []
    assert rows(project.backup, "SELECT name FROM sqlite_master WHERE name = 'rejections'") == []


def test_check_reports_orphan_rejections_and_repair_keeps_them(env):
    ws, path, doc, second = env
    ws.project.reject_suggestions(doc, [(*at("روسيا"), "entity", "GPE")])
    ws.project.close()
    conn = sqlite3.connect(path)  # foreign keys off, as another tool would write
    columns = 'doc_id, set_name, start, "end", layer, label, created'
    conn.execute(f"INSERT INTO rejections ({columns}) VALUES ('gone', '', 0, 3, 'entity', 'GPE', 'x')")
    conn.execute(f"INSERT INTO rejections ({columns}) VALUES (?, 'badr', 0, 3, 'entity', 'WEAPON', 'x')", [second])
    conn.commit()
    conn.close()
    with Project.open(path) as project:
        found = {p.kind: p for p in project.check().problems}
        assert set(found) == {"missing document", "rejection label"}
        assert all(p.repair is None and p.fix for p in found.values())
        assert "WEAPON" in found["rejection label"].detail and "(set badr)" in found["rejection label"].where
        project.check(repair=True)
    assert rows(path, "SELECT count(*) FROM rejections") == [(3,)]


def test_label_all_is_one_step_and_leaves_out_overlaps(env):
    ws, path, doc, _ = env
    ws.add_span(*at("روسيا", nth=1), "GPE")
    ranges = ws.find("روسيا")
    assert [TEXT[s:e] for s, e in ranges] == ["روسيا", "روسيا"]
    steps = ws.history.undo_count
    change = ws.label_all(ranges, "GPE")
    assert change.op == "label_all" and [s.start for s in change.spans_added] == [at("روسيا")[0]]
    assert ws.history.undo_count == steps + 1
    ws.undo()
    assert rows(path, "SELECT count(*) FROM spans") == [(1,)]
    assert ws.label_all([at("روسيا", nth=1)], "GPE").empty  # only an overlap: nothing stored, no step


def test_find_ignores_variants_diacritics_and_spacing(env):
    ws, *_ = env
    assert [TEXT[s:e] for s, e in ws.find("بيونجيانغ")] == ["بيونغ يانغ", "بيونج يانج"]
    assert [TEXT[s:e] for s, e in ws.find("رُوسيا")] == ["روسيا", "روسيا"]
    assert ws.find("   ") == []


def test_matches_elsewhere_are_stored_in_other_documents_in_one_step(env):
    ws, path, doc, second = env
    ws.open_document(second)
    ws.add_span(*at("روسيا", OTHER), "GPE")
    ws.project.reject_suggestions(second, [(*at("شويغو", OTHER, nth=1), "entity", "PERSON")])
    ws.open_document(doc)
    found = ws.matches_elsewhere("شويغو", "PERSON")
    assert list(found) == [second] and [s.start for s in found[second]] == [at("شويغو", OTHER)[0]]
    assert ws.matches_elsewhere("روسيا", "GPE") == {}  # a span of the layer is there already
    steps = ws.history.undo_count
    change = ws.suggest_in(found)
    assert not change.empty and ws.history.undo_count == steps + 1
    assert [(s.text, s.source) for s in ws.project.suggestions(second)] == [("شويغو", "find")]
    assert ws.matches_elsewhere("شويغو", "PERSON") == {}  # stored already: not twice
    ws.undo()
    assert ws.project.suggestions(second) == []
    ws.open_document(second)
    ws.redo()
    assert [s.text for s in ws.document_suggestions()] == ["شويغو"]
