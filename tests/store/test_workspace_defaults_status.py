"""Issue 10 items 7 and 8 in the workspace: the schema's default attribute values are stored
on new spans, and a new document goes in progress with its first action, not when opened.
The database is read with plain sqlite3, as any tool would."""

import json
import sqlite3

import pytest

from annotator import RESOURCES
from annotator.core.model import Entity, Suggestion
from annotator.core.schema import load_schema
from annotator.io.importing import import_paths
from annotator.store import Project
from annotator.store.workspace import Workspace

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
TEXT = "قال سيرغي شويغو إن روسيا وكوريا الشمالية تتعاونان."


@pytest.fixture
def env(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(TEXT, "utf-8")
    path = tmp_path / "p.annotator"
    project = Project.create(path, NEWS)
    import_paths(project, [source])
    ws = Workspace(project, "amal")
    doc_id = project.document_rows()[0][0]
    yield path, project, ws, doc_id
    project.close()


def where(word):
    start = TEXT.index(word)
    return start, start + len(word)


def sql(path, query, *args):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query, args).fetchall()
    finally:
        conn.close()


def status(path, doc_id):
    return sql(path, "SELECT status FROM documents WHERE id = ?", doc_id)[0][0]


def stored_attrs(path, span_id):
    rows = sql(path, "SELECT attrs FROM spans WHERE id = ?", span_id)
    return json.loads(rows[0][0]) if rows and rows[0][0] else ({} if rows else None)


def test_a_new_claim_has_the_schema_default_stance_and_undo_takes_it_away(env):
    path, _, ws, doc_id = env
    ws.open_document(doc_id)
    claim = ws.add_span(*where("روسيا وكوريا"), "CLAIM").span
    assert claim.attrs == {"stance": "affirm"}
    assert stored_attrs(path, claim.id) == {"stance": "affirm"}
    ws.undo()  # one step: the span and its default go together
    assert sql(path, "SELECT count(*) FROM spans") == [(0,)] and ws.history.undo_text() is None


def test_an_entity_gets_no_claim_defaults(env):
    path, _, ws, doc_id = env
    ws.open_document(doc_id)
    span = ws.add_span(*where("روسيا"), "GPE").span
    assert span.attrs == {} and stored_attrs(path, span.id) == {}


def test_accepted_suggestions_get_the_defaults(env):
    path, _, ws, doc_id = env
    ws.open_document(doc_id)
    start, end = where("روسيا وكوريا")
    change = ws.accept_suggestions([Suggestion(start, end, TEXT[start:end], "claim", "CLAIM")])
    (claim,) = change.spans_added
    assert stored_attrs(path, claim.id) == {"stance": "affirm"}


def test_relabelling_into_the_claim_layer_brings_its_defaults(env):
    path, _, ws, doc_id = env
    ws.open_document(doc_id)
    span = ws.add_span(*where("روسيا"), "GPE").span
    claim = ws.relabel(span.id, "CLAIM").span
    assert stored_attrs(path, claim.id) == {"stance": "affirm"}
    back = ws.relabel(claim.id, "GPE").span
    assert stored_attrs(path, back.id) == {}  # attributes belong to a layer


def test_a_default_the_analyst_cleared_stays_cleared(env):
    path, _, ws, doc_id = env
    ws.open_document(doc_id)
    claim = ws.add_span(*where("روسيا وكوريا"), "CLAIM").span
    ws.set_attribute(claim.id, "stance", None)
    assert stored_attrs(path, claim.id) == {}
    ws.set_attribute(claim.id, "stance", "deny")
    assert stored_attrs(path, claim.id) == {"stance": "deny"}


def test_browsing_leaves_documents_new(env, tmp_path):
    path, project, ws, _ = env
    for name in ("b", "c"):
        (tmp_path / f"{name}.txt").write_text(f"نص {name} مختلف", "utf-8")
    import_paths(project, [tmp_path / "b.txt", tmp_path / "c.txt"])
    for doc_id, *_ in project.document_rows():
        ws.open_document(doc_id)
    assert sql(path, "SELECT DISTINCT status FROM documents") == [("new",)]
    assert ws.history.undo_text() is None


def test_the_first_action_puts_a_new_document_in_progress_in_the_same_undo_step(env):
    path, _, ws, doc_id = env
    ws.open_document(doc_id)
    change = ws.add_span(*where("روسيا"), "GPE")
    assert change.status == "in_progress" and change.op == "add_span" and change.span is not None
    assert status(path, doc_id) == "in_progress" and ws.document.status == "in_progress"
    assert ws.history.undo_text() == change.description  # the action's own words
    second = ws.add_span(*where("شويغو"), "PERSON")
    assert second.status is None  # already in progress: nothing more to say
    ws.undo()
    assert status(path, doc_id) == "in_progress"
    change = ws.undo()  # the first action: the span and the status go back together
    assert change.status == "new" and change.spans_removed
    assert status(path, doc_id) == "new" and ws.document.status == "new"
    assert sql(path, "SELECT count(*) FROM spans") == [(0,)] and ws.history.undo_text() is None
    change = ws.redo()
    assert change.status == "in_progress" and status(path, doc_id) == "in_progress"


def test_any_first_action_counts_but_marking_done_is_unchanged(env):
    path, project, ws, doc_id = env
    entity = Entity("e1", "GPE", "روسيا")
    with project.transaction():
        project.insert_entity(entity)
    ws.open_document(doc_id)
    span = ws.add_span(*where("روسيا"), "GPE").span
    ws.undo()
    assert status(path, doc_id) == "new"
    ws.set_status("done")  # mark done goes straight from new to done, one step
    assert status(path, doc_id) == "done"
    ws.undo()
    assert status(path, doc_id) == "new"
    ws.set_status("skipped")
    assert status(path, doc_id) == "skipped"
    ws.add_span(*where("روسيا"), "GPE")  # only a new document is put in progress
    assert status(path, doc_id) == "skipped"
    del span


def test_an_action_from_another_document_leaves_the_open_new_one_alone(env, tmp_path):
    path, project, ws, first = env
    (tmp_path / "b.txt").write_text("نص آخر عن روسيا", "utf-8")
    import_paths(project, [tmp_path / "b.txt"])
    second = next(d for d, *_ in project.document_rows() if d != first)
    ws.open_document(first)
    span = ws.add_span(*where("روسيا"), "GPE").span
    ws.link_new_entity(span.id)
    ws.open_document(second)
    ws.undo()  # undoes in the first document
    assert status(path, second) == "new" and ws.document.status == "new"
    ws.undo()
    assert status(path, first) == "new" and status(path, second) == "new"
