"""Workspace.take_spans, the one action of review (issue 12): other sets' spans copied into the
gold set with their label, entity link and attributes, rejections stored with them, one
transaction and one undo step; a copy that breaks a rule refuses the whole action."""

import sqlite3

import pytest

from annotator import RESOURCES
from annotator.core.model import Entity, Span, Suggestion, new_id
from annotator.core.schema import load_schema
from annotator.io.importing import import_paths
from annotator.store import Project
from annotator.store.workspace import AnnotationError, Workspace

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
TEXT = "قال وزير الدفاع سيرغي شويغو إن روسيا ستدعم كوريا الشمالية."


def at(word):
    start = TEXT.index(word)
    return start, start + len(word)


def span(word, label, who, layer="entity", attrs=None, entity=None):
    start, end = at(word)
    return Span(new_id(), start, end, word, layer, label, entity, attrs or {}, who)


@pytest.fixture
def gold(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, "utf-8")
    path = tmp_path / "p.annotator"
    project = Project.create(path, NEWS)
    import_paths(project, [tmp_path / "a.txt"])
    doc_id = project.document_rows()[0][0]
    ws = Workspace(project, "gold")
    ws.open_document(doc_id)
    yield ws, path, doc_id
    project.close()


def rows(path, query):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def test_copies_keep_label_entity_and_attributes_and_rejections_go_with_them(gold):
    ws, path, doc_id = gold
    entity = Entity(new_id(), "PERSON", "سيرغي شويغو")
    ws.project.insert_entity(entity)
    person = span("سيرغي شويغو", "PERSON", "amal", entity=entity.ref())
    claim = span("روسيا ستدعم كوريا الشمالية", "CLAIM", "badr", "claim", {"stance": "deny", "checkworthy": "high"})
    wrong = Suggestion(*at("روسيا"), "روسيا", "entity", "GPE", source="set:carim")
    change = ws.take_spans([person, claim], [wrong], "take amal's version", "review")
    assert {s.annotator for s in change.spans_added} == {"gold"}
    assert {s.id for s in change.spans_added}.isdisjoint({person.id, claim.id})  # copies, not moves
    stored = rows(path, "SELECT text, label, entity_id, annotator FROM spans ORDER BY start")
    assert stored == [("سيرغي شويغو", "PERSON", entity.id, "gold"),
                      ("روسيا ستدعم كوريا الشمالية", "CLAIM", None, "gold")]
    copied_claim = next(s for s in ws.spans if s.label == "CLAIM")
    assert copied_claim.attrs == {"stance": "deny", "checkworthy": "high"}
    assert ws.project.rejections(doc_id) == {wrong.key()}
    assert ws.history.undo_text().endswith("take amal's version")
    # One undo step takes back the copies and the rejection together.
    ws.undo()
    assert rows(path, "SELECT count(*) FROM spans") == [(0,)]
    assert ws.project.rejections(doc_id) == set()
    assert len(ws.spans) == 0


def test_a_copy_that_crosses_a_gold_span_refuses_the_whole_action(gold):
    ws, path, _ = gold
    ws.take_spans([span("وزير الدفاع", "PERSON", "amal")])
    crossing = span("الدفاع سيرغي", "PERSON", "badr")
    fine = span("كوريا الشمالية", "GPE", "badr")
    with pytest.raises(AnnotationError) as refused:
        ws.take_spans([fine, crossing])
    assert refused.value.code == "overlap"
    assert rows(path, "SELECT text FROM spans") == [("وزير الدفاع",)]
    assert ws.history.undo_text().count("take") == 1  # no step recorded for the refusal


def test_nothing_to_take_is_no_action(gold):
    ws, _, _ = gold
    change = ws.take_spans([], [])
    assert change.empty and not ws.history.undo_text()
