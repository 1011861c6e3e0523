"""Every Workspace action, its undo and its redo return one Change and tell every listener, after
the transaction committed; a refused action tells nothing; a no-op records no undo step."""

import pytest

from annotator import RESOURCES
from annotator.core.changes import Change
from annotator.core.model import Suggestion
from annotator.core.schema import load_schema
from annotator.io.importing import import_paths
from annotator.store import Project
from annotator.store.workspace import AnnotationError, Workspace

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
TEXT = "قال سيرغي شويغو إن روسيا ستدعم بيونغ يانغ. وأكد شويجو أن التعاون مستمر."
OTHER = "التقى شويغو بوزير الدفاع في موسكو."


def at(word, text=TEXT):
    start = text.index(word)
    return start, start + len(word)


@pytest.fixture
def env(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, "utf-8")
    (tmp_path / "b.txt").write_text(OTHER, "utf-8")
    project = Project.create(tmp_path / "p.annotator", NEWS)
    import_paths(project, [tmp_path / "a.txt", tmp_path / "b.txt"])
    first, second = (row[0] for row in project.document_rows())
    ws = Workspace(project, "amal")
    ws.open_document(first)
    heard: list[Change] = []
    ws.subscribe(heard.append)
    yield ws, heard, first, second
    project.close()


def check_heard(heard, change, kind="do"):
    """The change returned is the one (and only one) the listener heard."""
    assert heard[-1] is change and change.kind == kind and not change.empty
    heard.clear()


def test_add_delete_and_their_undo_redo(env):
    ws, heard, doc, _ = env
    change = ws.add_span(*at("روسيا"), "GPE")
    check_heard(heard, change)
    span = change.span
    assert (change.op, change.doc_id, change.documents) == ("add_span", doc, {doc})
    # The first action on a new document puts it in progress, in the same Change.
    assert span.text == "روسيا" and change.spans_removed == () and change.status == "in_progress"
    assert change.description == "add GPE «روسيا»"

    change = ws.delete_span(span.id)
    check_heard(heard, change)
    assert change.spans_removed == (span.id,) and change.spans_added == () and change.op == "delete_span"

    change = ws.undo()
    check_heard(heard, change, "undo")
    assert change.spans_added == (span,) and change.op == "delete_span" and change.doc_id == doc
    change = ws.redo()
    check_heard(heard, change, "redo")
    assert change.spans_removed == (span.id,)


def test_relabel_and_attributes(env):
    ws, heard, doc, _ = env
    span = ws.add_span(*at("روسيا"), "GPE").span
    heard.clear()
    change = ws.relabel(span.id, "ORG")
    check_heard(heard, change)
    assert change.op == "relabel" and change.span.label == "ORG" and change.span.id == span.id
    assert ws.undo().span.label == "GPE"
    heard.clear()

    claim = ws.add_span(*at("روسيا ستدعم بيونغ يانغ"), "CLAIM").span
    change = ws.set_attribute(claim.id, "stance", "deny")
    assert change.op == "set_attribute" and change.span.attrs == {"stance": "deny"}
    change = ws.set_attribute(claim.id, "cue", at("ستدعم"))
    assert change.span.attrs["cue"] == {"start": at("ستدعم")[0], "end": at("ستدعم")[1], "text": "ستدعم"}
    assert ws.undo().span.attrs == {"stance": "deny"}


def test_claimant_relation_and_its_undo(env):
    ws, heard, doc, _ = env
    person = ws.add_span(*at("سيرغي شويغو"), "PERSON").span
    claim = ws.add_span(*at("روسيا ستدعم بيونغ يانغ"), "CLAIM").span
    heard.clear()
    change = ws.set_claimant(claim.id, person.id)
    check_heard(heard, change)
    (relation,) = change.relations_added
    assert (relation.head, relation.child, relation.label) == (claim.id, person.id, "claimant")
    assert change.op == "set_claimant" and change.relations_removed == ()

    change = ws.set_claimant(claim.id, "AUTHOR")  # the relation goes, the literal comes
    # stance "affirm" is the schema's default, stored when the claim was made.
    assert change.relations_removed == (relation.id,)
    assert change.span.attrs == {"stance": "affirm", "claimant": "AUTHOR"}
    change = ws.undo()
    assert change.relations_added == (relation,) and change.span.attrs == {"stance": "affirm"}


def test_status_change_and_undo(env):
    ws, heard, doc, _ = env
    change = ws.set_status("done")
    check_heard(heard, change)
    assert (change.op, change.status, change.documents) == ("set_status", "done", frozenset())
    change = ws.undo()
    check_heard(heard, change, "undo")
    assert change.status == "new" and ws.document.status == "new"  # opening it changed nothing


def test_entities_created_linked_renamed_merged(env):
    ws, heard, doc, other = env
    first = ws.add_span(*at("سيرغي شويغو"), "PERSON").span
    second = ws.add_span(*at("شويجو"), "PERSON").span
    heard.clear()
    change = ws.link_new_entity(first.id)
    check_heard(heard, change)
    shoigu = change.span.entity
    assert change.op == "create_entity" and change.entities == {shoigu.id} and shoigu.name == "سيرغي شويغو"
    variant = ws.link_new_entity(second.id).span.entity

    change = ws.link_entity(second.id, shoigu.id)  # re-linked: both entities' mentions changed
    assert change.op == "link_entity" and change.entities == {shoigu.id, variant.id}
    ws.undo()
    heard.clear()

    change = ws.rename_entity(shoigu.id, "سيرغي شويغو (وزير)")
    check_heard(heard, change)
    assert change.op == "edit_entity" and change.doc_id is None and change.entities == {shoigu.id}
    assert change.documents == {doc} and [s.entity.name for s in change.spans_added] == ["سيرغي شويغو (وزير)"]

    change = ws.merge_entities(shoigu.id, variant.id)
    check_heard(heard, change)
    assert change.entities == {shoigu.id, variant.id} and change.documents == {doc}
    assert {s.id: s.entity.id for s in change.spans_added} == {second.id: shoigu.id}


def test_undo_of_a_merge_and_rename_from_another_document(env):
    """The bug users saw: undo/redo of a merge or rename while another document is open."""
    ws, heard, doc, other = env
    first = ws.add_span(*at("سيرغي شويغو"), "PERSON").span
    second = ws.add_span(*at("شويجو"), "PERSON").span
    shoigu = ws.link_new_entity(first.id).span.entity
    variant = ws.link_new_entity(second.id).span.entity
    ws.merge_entities(shoigu.id, variant.id)
    ws.rename_entity(shoigu.id, "شويغو")
    ws.open_document(other)  # opening is not an action: nobody is told
    heard.clear()

    change = ws.undo()  # the rename
    check_heard(heard, change, "undo")
    assert change.op == "edit_entity" and change.doc_id is None and change.documents == {doc}
    assert change.spans_added == ()  # none of the open document's spans show the entity
    assert ws.project.entity(shoigu.id).name == "سيرغي شويغو"

    change = ws.undo()  # the merge
    check_heard(heard, change, "undo")
    assert change.op == "merge_entities" and change.documents == {doc}
    assert change.entities == {shoigu.id, variant.id}
    assert {e.id for e in ws.project.entities()} == {shoigu.id, variant.id}
    change = ws.redo()
    assert change.kind == "redo" and change.documents == {doc} and len(ws.project.entities()) == 1

    change = ws.undo()  # undo the merge again, then the link made in the first document
    change = ws.undo()
    assert change.op == "create_entity" and change.doc_id == doc and change.spans_added[0].id == second.id
    assert ws.spans.get(second.id) is None  # the open document's copy is not touched


def test_suggestions_accepted_and_rejected(env):
    ws, heard, doc, _ = env
    start, end = at("موسكو", OTHER)
    ws.open_document(env[3])
    stored = Suggestion(start, end, "موسكو", "entity", "GPE", source="import:x", id="s1")
    with ws.project.transaction():
        ws.project.insert_suggestions(ws.document.id, [stored])
    change = ws.accept_suggestions([stored])
    check_heard(heard, change)
    (accepted,) = change.spans_added
    assert change.op == "accept_suggestions" and accepted.text == "موسكو"
    # Stored for every set; this set's span covers it now.
    assert ws.project.suggestions(ws.document.id) == [stored] and ws.document_suggestions() == []
    change = ws.undo()
    assert change.spans_removed == (accepted.id,) and ws.document_suggestions() == [stored]
    heard.clear()
    change = ws.reject_suggestions([stored])
    check_heard(heard, change)
    assert change.op == "reject_suggestions" and change.suggestions and ws.document_suggestions() == []
    assert ws.project.suggestions(ws.document.id) == [stored]  # another annotator's set still sees it


def test_a_refused_action_tells_nobody_and_records_nothing(env):
    ws, heard, _, _ = env
    ws.add_span(*at("روسيا"), "GPE")
    heard.clear()
    steps = ws.history.undo_count
    with pytest.raises(AnnotationError) as refused:
        ws.add_span(*at("روسيا"), "GPE")
    assert refused.value.code == "duplicate_span" and refused.value.params["label"] == "GPE"
    with pytest.raises(AnnotationError, match="no label"):
        ws.add_span(*at("روسيا"), "NOPE")
    with pytest.raises(AnnotationError, match="merged into itself"):
        ws.merge_entities("x", "x")
    assert heard == [] and ws.history.undo_count == steps


def test_a_failed_transaction_tells_nobody(env, monkeypatch):
    ws, heard, doc, _ = env

    def broken(*args):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(ws.project, "insert_span", broken)
    with pytest.raises(RuntimeError):
        ws.add_span(*at("روسيا"), "GPE")
    assert heard == [] and ws.history.undo_count == 0 and len(ws.spans) == 0


def test_no_ops_return_an_empty_change_and_record_no_undo_step(env):
    ws, heard, doc, _ = env
    person = ws.add_span(*at("سيرغي شويغو"), "PERSON").span
    claim = ws.add_span(*at("روسيا ستدعم بيونغ يانغ"), "CLAIM").span
    ws.set_attribute(claim.id, "stance", "deny")
    ws.set_claimant(claim.id, person.id)
    entity = ws.link_new_entity(person.id).span.entity
    heard.clear()
    steps, undo_text = ws.history.undo_count, ws.history.undo_text()
    for change in (ws.relabel(person.id, "PERSON"), ws.set_attribute(claim.id, "stance", "deny"),
                   ws.set_attribute(claim.id, "note", None), ws.set_claimant(claim.id, person.id),
                   ws.link_entity(person.id, entity.id), ws.rename_entity(entity.id, entity.name),
                   ws.edit_entity(entity.id, name=f"  {entity.name} "), ws.set_status(ws.document.status),
                   ws.accept_suggestions([]), ws.reject_suggestions([])):
        assert change.empty and change.kind == "do" and change.span is None, change
    assert heard == [] and ws.history.undo_count == steps and ws.history.undo_text() == undo_text


def test_undo_and_redo_with_nothing_to_do(env):
    ws, heard, _, _ = env
    assert ws.undo().empty and ws.undo().kind == "undo"
    assert ws.redo().empty and ws.redo().kind == "redo"
    assert heard == []


def test_unsubscribe_and_every_listener_hears(env):
    ws, heard, _, _ = env
    other: list[Change] = []
    stop = ws.subscribe(other.append)
    change = ws.add_span(*at("روسيا"), "GPE")
    assert heard == [change] and other == [change]
    stop()
    ws.undo()
    assert len(heard) == 2 and other == [change]


def test_a_listener_that_raises_does_not_deafen_the_others(env):
    ws, heard, _, _ = env

    def broken(change):
        raise RuntimeError("view broke")

    ws.subscribe(broken)
    late: list[Change] = []
    ws.subscribe(late.append)
    with pytest.raises(RuntimeError, match="view broke"):
        ws.add_span(*at("روسيا"), "GPE")
    assert len(heard) == 1 and late == heard and ws.history.undo_count == 1  # committed all the same


def test_the_claimant_is_the_layers_relation_attribute_whatever_its_name(tmp_path):
    # Roles come from the schema, not from names: a claim layer whose relation attribute is
    # called "speaker" gets its claimant stored, read back and reported like the news schema's.
    from annotator.core.model import Document
    from annotator.core.schema import parse_schema
    from annotator.core.text import content_hash
    from annotator.store import Project
    from annotator.store.workspace import Workspace

    schema = parse_schema("""
name = "quotes"
[layers.quote]
overlap = "any"
[[layers.quote.labels]]
name = "QUOTE"
color = "#aa5500"
[[layers.quote.attributes]]
name = "speaker"
kind = "relation"
values = ["AUTHOR"]
[layers.who]
overlap = "none"
draw = "background"
links_entities = true
[[layers.who.labels]]
name = "PER"
color = "#00aa55"
""")
    text = "قال شويغو إن الزيارة مهمة"
    with Project.create(tmp_path / "q.annotator", schema) as project:
        project.add_documents([Document("d", text, {}, "new", [], [], content_hash(text))])
        ws = Workspace(project, "amal")
        ws.open_document("d")
        who = ws.add_span(4, 9, "PER").span
        quote = ws.add_span(0, len(text), "QUOTE").span
        change = ws.set_claimant(quote.id, who.id)
        assert [r.label for r in change.relations_added] == ["speaker"]
        assert ws.claimant(quote.id).id == who.id
        assert [c.id for c in ws.claimant_of_deleted(who.id)] == [quote.id]
        ws.set_claimant(quote.id, "AUTHOR")
        assert ws.claimant(quote.id) == "AUTHOR"
