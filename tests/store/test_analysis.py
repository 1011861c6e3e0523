"""Claimants, canonical entities and suggestions through the workspace (no Qt)."""

import pytest

from annotator import RESOURCES
from annotator.core.schema import load_schema
from annotator.io.importing import import_paths
from annotator.store import Project
from annotator.store.workspace import AnnotationError, Workspace

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
TEXT = ("قال سيرغي شويغو إن روسيا ستدعم بيونغ يانغ. وأكد شويجو أن التعاون مستمر، "
        "فيما زار الوفد الروسي بيونج يانج وبيونجيانج. وكالة أنباء تسنیم نقلت الخبر.")


@pytest.fixture
def ws(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(TEXT, "utf-8")
    other = tmp_path / "b.txt"
    other.write_text("التقى شويغو بوزير الدفاع في موسكو.", "utf-8")
    project = Project.create(tmp_path / "p.annotator", NEWS)
    import_paths(project, [source, other])
    workspace = Workspace(project, "amal")
    workspace.open_document(next(r[0] for r in project.document_rows() if "تسنیم" in (r[1] or "")))
    yield workspace
    project.close()


def at(word, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def test_claimant_as_relation_author_or_unknown_and_undo(ws):
    person = ws.add_span(*at("سيرغي شويغو"), "PERSON").span
    claim = ws.add_span(*at("روسيا ستدعم بيونغ يانغ"), "CLAIM").span
    ws.set_claimant(claim.id, person.id)
    assert ws.claimant(claim.id) == person
    doc = ws.project.get_document(ws.document.id)
    assert [(r.head, r.child, r.label) for r in doc.relations] == [(claim.id, person.id, "claimant")]
    ws.set_claimant(claim.id, "AUTHOR")
    assert ws.claimant(claim.id) == "AUTHOR"
    assert ws.project.get_document(ws.document.id).relations == []
    ws.undo()
    assert ws.claimant(claim.id) == person
    with pytest.raises(AnnotationError, match="not another claim"):
        ws.set_claimant(claim.id, claim.id)


def test_deleting_a_claimant_leaves_no_dangling_relation(ws):
    person = ws.add_span(*at("سيرغي شويغو"), "PERSON").span
    claim = ws.add_span(*at("روسيا ستدعم بيونغ يانغ"), "CLAIM").span
    ws.set_claimant(claim.id, person.id)
    assert ws.claimant_of_deleted(person.id) == [ws.spans.get(claim.id)]
    ws.delete_span(person.id)
    assert ws.claimant(claim.id) is None and ws.relations == {}
    orphans = ws.project.db.execute(
        "SELECT count(*) FROM relations r LEFT JOIN spans s ON s.id = r.child WHERE s.id IS NULL").fetchone()[0]
    assert orphans == 0
    ws.undo()
    assert ws.claimant(claim.id).id == person.id


def test_attributes_are_checked_against_the_schema(ws):
    claim = ws.add_span(*at("روسيا ستدعم بيونغ يانغ"), "CLAIM").span
    ws.set_attribute(claim.id, "stance", "deny")
    ws.set_attribute(claim.id, "cue", at("قال"))
    stored = ws.project.get_document(ws.document.id).spans[-1].attrs
    assert stored == {"stance": "deny", "cue": {"start": 0, "end": 3, "text": "قال"}}
    with pytest.raises(AnnotationError, match="must be one of"):
        ws.set_attribute(claim.id, "stance", "maybe")
    ws.set_attribute(claim.id, "stance", None)
    assert "stance" not in ws.spans.get(claim.id).attrs


def test_link_new_entity_rename_merge_and_undo(ws):
    first = ws.add_span(*at("سيرغي شويغو"), "PERSON").span
    second = ws.add_span(*at("شويجو"), "PERSON").span
    shoigu = ws.link_new_entity(first.id).span.entity
    variant = ws.link_new_entity(second.id).span.entity
    assert ws.spans.get(first.id).entity.name == "سيرغي شويغو"
    ws.edit_entity(shoigu.id, name="سيرغي شويغو (وزير)")
    assert ws.spans.get(first.id).entity.name == "سيرغي شويغو (وزير)"
    change = ws.merge_entities(shoigu.id, variant.id)
    assert change.entities == {shoigu.id, variant.id} and change.documents == {ws.document.id}
    assert "شويجو" in ws.project.entity(shoigu.id).aliases
    entities = ws.project.entities()
    assert [(e.name, e.mentions) for e in entities] == [("سيرغي شويغو (وزير)", 2)]
    assert ws.spans.get(second.id).entity.id == shoigu.id
    ws.undo()  # the merge, in one step
    assert sorted(e.mentions for e in ws.project.entities()) == [1, 1]
    assert ws.spans.get(second.id).entity.id == variant.id


def test_variant_suggestions_follow_a_label(ws):
    span = ws.add_span(*at("شويغو"), "PERSON").span
    found = [(s.text, s.label) for s in ws.variant_suggestions(span.id)]
    assert found == [("شويجو", "PERSON")]
    place = ws.add_span(*at("بيونغ يانغ"), "GPE").span
    texts = [s.text for s in ws.variant_suggestions(place.id)]
    assert texts == ["بيونج يانج", "بيونجيانج"]  # the clitic و stays outside


def test_known_entities_are_suggested_and_accepted_in_one_undo_step(ws):
    span = ws.add_span(*at("شويجو"), "PERSON").span
    ws.link_new_entity(span.id, name="شويغو")
    other = next(r[0] for r in ws.project.document_rows() if "موسكو" in (r[1] or ""))
    ws.open_document(other)
    suggestions = ws.document_suggestions()
    assert [(s.text, s.label, s.entity.name) for s in suggestions] == [("شويغو", "PERSON", "شويغو")]
    added = ws.accept_suggestions(suggestions).spans_added
    assert added[0].entity.name == "شويغو"
    assert ws.project.entities()[0].mentions == 2
    ws.undo()
    assert len(ws.spans) == 0


def test_crossing_suggestions_are_not_both_accepted(ws):
    from annotator.core.model import Suggestion

    a, b = at("بيونغ يانغ")
    whole = Suggestion(a, b, TEXT[a:b], "entity", "GPE")
    crossing = Suggestion(a + 6, b + 4, TEXT[a + 6:b + 4], "entity", "GPE")  # "يانغ. وأ" crosses it
    inner = Suggestion(a, a + 5, TEXT[a:a + 5], "entity", "LOC")  # nested: the layer allows it
    added = ws.accept_suggestions([whole, crossing, inner]).spans_added
    assert sorted((s.start, s.end) for s in added) == [(a, a + 5), (a, b)]
    assert ws.history.undo_text() == "accept 2 suggestions"


def test_same_claimant_again_records_no_undo_step(ws):
    person = ws.add_span(*at("سيرغي شويغو"), "PERSON").span
    claim = ws.add_span(*at("روسيا ستدعم بيونغ يانغ"), "CLAIM").span
    ws.set_claimant(claim.id, person.id)
    before = ws.history.undo_text()
    ws.set_claimant(claim.id, person.id)
    ws.set_claimant(claim.id, None)  # clear, then nothing left to clear
    ws.set_claimant(claim.id, None)
    assert ws.claimant(claim.id) is None
    ws.undo()
    assert ws.claimant(claim.id).id == person.id and ws.history.undo_text() == before
