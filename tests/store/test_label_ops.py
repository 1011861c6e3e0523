"""Label edits through the Workspace: one transaction, one undo step, one Change with `schema`,
and a rename that reaches every span and suggestion of the label in the project."""

import pytest

from annotator import RESOURCES
from annotator.core.model import Entity, Suggestion, new_id
from annotator.core.schema import load_schema
from annotator.io.importing import import_paths
from annotator.store import Project
from annotator.store.workspace import AnnotationError, Workspace

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
TEXTS = ("قال سيرغي شويغو إن روسيا تتعاون.", "زار شويغو بيونغ يانغ.")


@pytest.fixture
def setup(tmp_path):
    sources = []
    for i, text in enumerate(TEXTS):
        source = tmp_path / f"{i}.txt"
        source.write_text(text, "utf-8")
        sources.append(source)
    path = tmp_path / "p.annotator"
    project = Project.create(path, NEWS)
    import_paths(project, sources)
    ws = Workspace(project, "amal")
    docs = [row[0] for row in project.document_rows()]
    for doc_id, text in zip(docs, TEXTS):
        ws.open_document(doc_id)
        start = text.index("شويغو")
        ws.add_span(start, start + len("شويغو"), "PERSON")
    start = TEXTS[1].index("بيونغ يانغ")
    project.insert_suggestions(docs[1], [Suggestion(start, start + 10, "بيونغ يانغ", "entity", "PERSON",
                                                    source="model", id="s1")])
    heard = []
    ws.subscribe(heard.append)
    yield path, project, ws, docs, heard
    project.close()


def labels_in(project, docs):
    return [s.label for d in docs for s in project.get_document(d).spans]


def test_a_rename_moves_every_span_and_suggestion_and_undo_moves_them_back(setup):
    path, project, ws, docs, heard = setup
    steps = ws.history.undo_count
    change = ws.edit_label("PERSON", name="PER")
    assert change.schema and change.op == "edit_label" and heard == [change]
    assert labels_in(project, docs) == ["PER", "PER"]
    assert [s.label for s in project.suggestions(docs[1])] == ["PER"]
    assert project.schema.label("PERSON") is None and project.schema.label("PER").key == "p"
    # The open document's copy follows, and the Change names both documents.
    assert [s.label for s in ws.spans] == ["PER"] and change.documents == frozenset(docs)
    assert [s.label for s in change.spans_added] == ["PER"]
    with Project.open(path, readonly=True) as other:  # committed: another reader sees it
        assert labels_in(other, docs) == ["PER", "PER"]

    undone = ws.undo()
    assert undone.schema and undone.kind == "undo"
    assert labels_in(project, docs) == ["PERSON", "PERSON"]
    assert [s.label for s in project.suggestions(docs[1])] == ["PERSON"]
    assert project.schema.label("PER") is None and [s.label for s in ws.spans] == ["PERSON"]
    assert ws.history.undo_count == steps and ws.history.redo_text() == "rename label PERSON → PER"
    ws.redo()
    assert labels_in(project, docs) == ["PER", "PER"] and ws.history.undo_count == steps + 1


def test_colour_and_key_are_one_step_each_and_keep_the_label_order(setup):
    _, project, ws, _, _ = setup
    order = [lab.name for lab in project.schema.labels()]
    ws.edit_label("ORG", color="#FF0000")
    ws.edit_label("ORG", key="z")
    assert project.schema.label("ORG").color == "#ff0000" and project.schema.label("ORG").key == "z"
    assert [lab.name for lab in project.schema.labels()] == order
    ws.undo()
    assert project.schema.label("ORG").key == "o" and project.schema.label("ORG").color == "#ff0000"
    ws.undo()
    assert project.schema.label("ORG") == NEWS.label("ORG")
    ws.edit_label("ORG", key=None)
    assert project.schema.label("ORG").key is None


def test_a_new_label_is_added_at_the_end_of_its_layer_and_undo_removes_it(setup):
    _, project, ws, docs, _ = setup
    change = ws.add_label("entity", "WEAPON", "#123456", "w")
    assert change.schema and project.schema.layer("entity").labels[-1].name == "WEAPON"
    ws.open_document(docs[0])
    ws.add_span(0, 3, "WEAPON")
    ws.undo()  # the span
    ws.undo()  # the label
    assert project.schema.label("WEAPON") is None


@pytest.mark.parametrize("edit, code", [
    (lambda ws: ws.edit_label("PERSON", name="ORG"), "label_taken"),
    (lambda ws: ws.edit_label("PERSON", name="has space"), "label_name"),
    (lambda ws: ws.edit_label("PERSON", key="O"), "key_taken"),  # ORG's "o", whatever the case
    (lambda ws: ws.edit_label("PERSON", key="a", reserved={"a": "accept all suggestions"}), "key_taken"),
    (lambda ws: ws.edit_label("PERSON", key="\u202e"), "label_key"),
    (lambda ws: ws.edit_label("PERSON", color="red"), "label_color"),
    (lambda ws: ws.add_label("nolayer", "X", "#000000"), "label_layer"),
    (lambda ws: ws.add_label("entity", "CLAIM", "#000000"), "label_taken"),  # names unique across layers
])
def test_refused_edits_change_nothing_and_leave_no_undo_step(setup, edit, code):
    _, project, ws, docs, heard = setup
    before, undo_text = project.schema, ws.history.undo_text()
    with pytest.raises(AnnotationError) as refused:
        edit(ws)
    assert refused.value.code == code
    assert project.schema == before and ws.history.undo_text() == undo_text and heard == []
    assert labels_in(project, docs) == ["PERSON", "PERSON"]


def test_the_key_taken_names_its_owner(setup):
    _, _, ws, _, _ = setup
    with pytest.raises(AnnotationError, match="ORG"):
        ws.edit_label("PERSON", key="o")
    with pytest.raises(AnnotationError, match="link to an entity"):
        ws.edit_label("PERSON", key="K", reserved={"k": "link to an entity"})


def test_an_unchanged_edit_is_no_step(setup):
    _, _, ws, _, heard = setup
    undo_text = ws.history.undo_text()
    assert ws.edit_label("PERSON", name="PERSON", key="p").empty
    assert heard == [] and ws.history.undo_text() == undo_text


def test_a_read_only_project_refuses_label_edits(setup):
    path, project, ws, _, _ = setup
    project.close()
    with Project.open(path, readonly=True) as reader:
        with pytest.raises(AnnotationError):
            Workspace(reader, "amal").edit_label("PERSON", name="PER")
        assert reader.schema.label("PERSON") is not None


def test_a_rename_retypes_the_entities_of_the_label_and_undo_only_those(setup):
    _, project, ws, docs, _ = setup
    span = next(iter(ws.spans))
    ws.link_new_entity(span.id)  # an entity of type PERSON
    person = project.entities()[0]
    assert person.type == "PERSON"
    stray = Entity(new_id(), "PER", "already PER")  # imported with a type no label has
    project.insert_entity(stray)
    change = ws.edit_label("PERSON", name="PER")
    assert change.entities == frozenset({person.id})
    assert {e.name: e.type for e in project.entities()} == {person.name: "PER", "already PER": "PER"}
    assert ws.spans.get(span.id).entity.type == "PER"  # the open document's link shows it too
    ws.undo()
    assert {e.name: e.type for e in project.entities()} == {person.name: "PERSON", "already PER": "PER"}
    ws.redo()
    assert project.entity(person.id).type == "PER" and project.entity(stray.id).type == "PER"
