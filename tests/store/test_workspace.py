import pytest

from annotator import RESOURCES
from annotator.core.schema import load_schema
from annotator.io.importing import import_paths
from annotator.store import Project
from annotator.store.workspace import AnnotationError, Workspace

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
TEXT = "😀 قال سيرغي شويغو إن روسيا وكوريا الشمالية تتعاونان.\nفقرة ثانية."


@pytest.fixture
def setup(tmp_path):
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


def stored(project):
    return [(s.text, s.label) for s in project.get_document(project.document_rows()[0][0]).spans]


def test_opening_a_new_document_changes_nothing(setup):
    # Browsing is not annotating (issue 10): the first action puts it in progress instead.
    _, project, ws, doc_id = setup
    ws.open_document(doc_id)
    assert project.document_status(doc_id) == "new" and ws.document.status == "new"
    assert ws.history.undo_text() is None


def test_add_relabel_delete_undo_redo_are_stored_at_once(setup):
    path, project, ws, doc_id = setup
    ws.open_document(doc_id)
    span = ws.add_span(*where("سيرغي شويغو"), "PERSON").span
    assert span.text == "سيرغي شويغو" and span.annotator == "amal"
    assert stored(project) == [("سيرغي شويغو", "PERSON")]
    ws.relabel(span.id, "ORG")
    assert stored(project) == [("سيرغي شويغو", "ORG")]
    ws.delete_span(span.id)
    assert stored(project) == []
    change = ws.undo()
    assert change.kind == "undo" and change.span.label == "ORG" and stored(project) == [("سيرغي شويغو", "ORG")]
    ws.undo()
    assert stored(project) == [("سيرغي شويغو", "PERSON")]
    ws.redo()
    assert stored(project) == [("سيرغي شويغو", "ORG")]
    assert [s.label for s in ws.spans] == ["ORG"]


def test_relabel_across_layers_drops_attributes(setup):
    _, project, ws, doc_id = setup
    ws.open_document(doc_id)
    span = ws.add_span(*where("روسيا"), "GPE").span
    claim = ws.relabel(span.id, "CLAIM").span
    assert claim.layer == "claim"
    assert project.get_document(doc_id).spans[0].layer == "claim"


def test_overlap_rules_are_enforced(setup):
    _, project, ws, doc_id = setup
    ws.open_document(doc_id)
    ws.add_span(*where("روسيا وكوريا"), "ORG")
    ws.add_span(*where("روسيا"), "GPE")  # nested: fine
    with pytest.raises(AnnotationError, match="already GPE"):
        ws.add_span(*where("روسيا"), "GPE")
    start, _ = where("وكوريا الشمالية")
    with pytest.raises(AnnotationError, match="may only nest"):
        ws.add_span(start + 1, start + len("وكوريا الشمالية"), "GPE")
    ws.add_span(*where("إن روسيا وكوريا الشمالية تتعاونان"), "CLAIM")  # other layer: fine
    assert len(stored(project)) == 3


def test_delete_undo_restores_relations(setup):
    _, project, ws, doc_id = setup
    ws.open_document(doc_id)
    person = ws.add_span(*where("سيرغي شويغو"), "PERSON").span
    claim = ws.add_span(*where("روسيا وكوريا الشمالية تتعاونان"), "CLAIM").span
    from annotator.core.model import Relation, now

    with project.transaction():
        project.insert_relations(doc_id, [Relation("r1", claim.id, person.id, "claimant", "amal", now(), now())])
    ws.delete_span(person.id)
    assert project.get_document(doc_id).relations == []
    ws.undo()
    assert [r.id for r in project.get_document(doc_id).relations] == ["r1"]


def test_state_survives_reopening(setup):
    path, project, ws, doc_id = setup
    ws.open_document(doc_id)
    ws.add_span(*where("روسيا"), "GPE")
    ws.set_status("done")
    project.close()
    with Project.open(path) as again:
        doc = again.get_document(doc_id)
        assert doc.status == "done" and [s.text for s in doc.spans] == ["روسيا"]


def test_read_only_refuses_actions(setup):
    path, project, ws, doc_id = setup
    with Project.open(path, readonly=True) as reader:
        ro = Workspace(reader, "omar")
        ro.open_document(doc_id)
        assert reader.document_status(doc_id) == "new"
        with pytest.raises(AnnotationError, match="read-only"):
            ro.add_span(*where("روسيا"), "GPE")


MARKED = "قالَ شدَّة 🇸🇦🇪🇬 اليوم"  # a dal with shadda + fatha, two flags


@pytest.fixture
def marked(tmp_path):
    source = tmp_path / "m.txt"
    source.write_text(MARKED, "utf-8")
    project = Project.create(tmp_path / "m.annotator", NEWS)
    import_paths(project, [source])
    ws = Workspace(project, "amal")
    ws.open_document(project.document_rows()[0][0])
    yield project, ws
    project.close()


def test_a_span_that_splits_a_character_is_refused(marked):
    project, ws = marked
    dal = MARKED.index("د")
    flags = MARKED.index("🇸")
    for start, end, reason in [(dal - 1, dal + 1, "ends inside a character"),  # the dal without its marks
                               (dal + 1, dal + 4, "starts inside a character"),
                               (flags, flags + 3, "ends inside a character"),  # a flag and a half
                               (flags + 1, flags + 2, "starts inside a character")]:
        with pytest.raises(AnnotationError, match=f"^span {start}-{end} {reason} \\(a letter and its marks"):
            ws.add_span(start, end, "PERSON")
    assert stored(project) == [] and ws.history.undo_text() is None
    ws.add_span(dal - 1, dal + 4, "PERSON")
    ws.add_span(flags + 2, flags + 4, "GPE")
    assert stored(project) == [("شدَّة", "PERSON"), ("🇪🇬", "GPE")]


def test_a_cue_must_be_inside_the_text_and_whole_characters(marked):
    project, ws = marked
    claim = ws.add_span(0, len(MARKED), "CLAIM").span
    with pytest.raises(AnnotationError, match="^cue 0-3 ends inside a character"):
        ws.set_attribute(claim.id, "cue", (0, 3))  # قال without the fatha of its lam
    with pytest.raises(AnnotationError, match="^cue 0-999 is outside the document"):
        ws.set_attribute(claim.id, "cue", (0, 999))
    changed = ws.set_attribute(claim.id, "cue", (0, 4)).span
    assert changed.attrs["cue"] == {"start": 0, "end": 4, "text": "قالَ"}


def test_suggestions_that_split_a_character_are_left_out(marked):
    from annotator.core.model import Suggestion

    project, ws = marked
    dal, flags = MARKED.index("د"), MARKED.index("🇸")
    cut = Suggestion(flags, flags + 3, MARKED[flags:flags + 3], "entity", "GPE")  # a flag and a half
    whole = Suggestion(dal - 1, dal + 4, MARKED[dal - 1:dal + 4], "entity", "PERSON")
    added = ws.accept_suggestions([cut, whole]).spans_added
    assert [(s.start, s.end) for s in added] == [(dal - 1, dal + 4)]
    assert stored(project) == [("شدَّة", "PERSON")]
