"""Another analyst's native JSONL of texts the project has: each name on its spans is that
annotator's set of the stored document, added, replaced by a newer export, or left alone when
it is the same (issue 12); a record with unnamed spans stays a duplicate."""

import json

from click.testing import CliRunner

from annotator import RESOURCES
from annotator.cli import cli
from annotator.core.model import Span
from annotator.core.schema import load_schema
from annotator.io.importing import import_paths
from annotator.store import Project
from annotator.store.documents import SpanFilter

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
TEXT = "قال سيرغي شويغو إن روسيا قوية"  # سيرغي شويغو 4-15, روسيا 19-24
OTHER = "أعلن لافروف أن موسكو مستعدة"  # لافروف 5-11, موسكو 15-20


def write(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def span(start, end, label, who, sid=None, layer="entity"):
    found = {"start": start, "end": end, "label": label, "layer": layer, "annotator": who}
    if sid is not None:
        found["id"] = sid
    return found


def record(spans, status="done", relations=(), text=TEXT):
    return {"text": text, "status": status, "spans": list(spans), "relations": list(relations), "schema_version": 1}


def plain_project(tmp_path, name="p.annotator", texts=(TEXT,)):
    """A project holding the texts only, as an import of plain records makes it."""
    path = tmp_path / name
    with Project.create(path, NEWS) as project:
        import_paths(project, [write(tmp_path / f"{name}-plain.jsonl", [{"text": t} for t in texts])])
    return path


def set_of(project, name, doc_id=None):
    doc_id = doc_id or project.document_rows()[0][0]
    doc = project.get_document(doc_id, SpanFilter(annotators=(name,)))
    by_id = {s.id: (s.start, s.end, s.label) for s in doc.spans}
    return (sorted(by_id.values()), sorted((by_id[r.head], by_id[r.child], r.label) for r in doc.relations),
            project.document_sets([doc_id])[doc_id].get(name))


def test_another_annotators_set_is_added_then_replaced_by_a_newer_export_then_left_alone(tmp_path):
    path = plain_project(tmp_path)
    with Project.open(path) as project:
        doc_id = project.document_rows()[0][0]
        mine = Span("mine-1", 19, 24, "روسيا", "entity", "GPE", annotator="amal")
        project.replace_set(doc_id, "amal", [mine], [], "in_progress")
        first = write(tmp_path / "bob-1.jsonl", [record([span(4, 15, "PERSON", "bob", "b1")], status="in_progress")])
        report = import_paths(project, [first], annotator="amal")
        assert (report.sets_added, report.sets_replaced, report.sets_unchanged) == (1, 0, 0)
        assert report.duplicates == [] and report.documents == 0 and report.spans == 1
        assert report.changed_sets == [(doc_id, "bob")]
        assert set_of(project, "bob") == ([(4, 15, "PERSON")], [], "in_progress")
        assert set_of(project, "amal") == ([(19, 24, "GPE")], [], "in_progress")  # the own set untouched
        assert project.document_count() == 1

        newer = write(tmp_path / "bob-2.jsonl", [record([span(4, 15, "PERSON", "bob", "b1"),
                                                         span(19, 24, "LOC", "bob", "b2")])])
        report = import_paths(project, [newer])
        assert (report.sets_added, report.sets_replaced, report.sets_unchanged) == (0, 1, 0)
        assert set_of(project, "bob") == ([(4, 15, "PERSON"), (19, 24, "LOC")], [], "done")
        assert set_of(project, "amal") == ([(19, 24, "GPE")], [], "in_progress")
        stored = sorted(s.id for s in project.get_document(doc_id, SpanFilter(annotators=("bob",))).spans)

        report = import_paths(project, [newer])  # the same export again changes nothing
        assert (report.sets_added, report.sets_replaced, report.sets_unchanged) == (0, 0, 1)
        assert report.changed_sets == [] and report.spans == 0
        assert [d.endswith(": already in the project") for d in report.duplicates] == [True]  # as any re-run
        assert sorted(s.id for s in project.get_document(doc_id, SpanFilter(annotators=("bob",))).spans) == stored

        only_status = write(tmp_path / "bob-3.jsonl", [record([span(4, 15, "PERSON", "bob"),
                                                               span(19, 24, "LOC", "bob")], status="skipped")])
        report = import_paths(project, [only_status])  # ids not given: the same spans, another status
        assert (report.sets_added, report.sets_replaced, report.sets_unchanged) == (0, 1, 0)
        assert set_of(project, "bob")[2] == "skipped"
        assert project.get_document(doc_id).status == "new"  # the document keeps its own status


def test_two_annotators_at_the_same_place_are_two_sets_and_one_annotator_still_may_not_cross(tmp_path):
    # The same GPE twice, and bob's ORG crosses alice's PERSON: another set's, no conflict.
    both = [span(4, 15, "PERSON", "alice"), span(19, 24, "GPE", "alice"), span(19, 24, "GPE", "bob"),
            span(10, 24, "ORG", "bob")]
    source = write(tmp_path / "two.jsonl", [record(both)])
    fresh = tmp_path / "fresh.annotator"
    with Project.create(fresh, NEWS) as project:  # a new document brings both sets
        report = import_paths(project, [source])
        assert report.rejected == [] and report.documents == 1 and report.spans == 4
        assert set(project.document_sets()[project.document_rows()[0][0]]) == {"alice", "bob"}
    stored = plain_project(tmp_path)
    with Project.open(stored) as project:  # a stored one gets them as sets
        report = import_paths(project, [source])
        assert report.rejected == [] and (report.sets_added, report.sets_replaced) == (2, 0)
        assert set_of(project, "alice") == ([(4, 15, "PERSON"), (19, 24, "GPE")], [], "done")
        assert set_of(project, "bob") == ([(10, 24, "ORG"), (19, 24, "GPE")], [], "done")
        crossing = write(tmp_path / "crossing.jsonl", [record([span(4, 15, "PERSON", "carol"),
                                                               span(8, 20, "GPE", "carol")])])
        report = import_paths(project, [crossing])
        [rejection] = report.rejected
        assert "overlap" in rejection.reason or "cross" in rejection.reason
        assert report.sets_added == 0 and "carol" not in project.document_sets()[project.document_rows()[0][0]]


def test_a_record_mixing_a_named_and_an_unnamed_span_stays_a_duplicate(tmp_path):
    path = plain_project(tmp_path)
    mixed = write(tmp_path / "mixed.jsonl", [record([span(4, 15, "PERSON", "bob"), span(19, 24, "GPE", "")])])
    with Project.open(path) as project:
        report = import_paths(project, [mixed], annotator="amal")
        assert [d.endswith(": already in the project") for d in report.duplicates] == [True]
        assert (report.sets_added, report.sets_replaced, report.sets_unchanged) == (0, 0, 0)
        assert project.document_sets() == {} and report.spans == 0
        unnamed = write(tmp_path / "unnamed.jsonl", [record([{"start": 4, "end": 15, "label": "PERSON"}])])
        report = import_paths(project, [unnamed], annotator="amal")  # named by the importer, not the record
        assert len(report.duplicates) == 1 and project.document_sets() == {}


def test_relations_follow_their_set_ids_taken_elsewhere_are_renewed_and_a_relation_across_sets_is_refused(tmp_path):
    path = plain_project(tmp_path, texts=(TEXT, OTHER))
    with Project.open(path) as project:
        first, second = [r[0] for r in project.document_rows()]
        taken = Span("s1", 5, 11, "لافروف", "entity", "PERSON", annotator="amal")  # bob's ids are in use
        project.replace_set(second, "amal", [taken], [], "done")
        rel = {"id": "r1", "head": "s1", "child": "s2", "label": "located_in"}
        source = write(tmp_path / "bob.jsonl", [record([span(4, 15, "PERSON", "bob", "s1"),
                                                        span(19, 24, "GPE", "bob", "s2")], relations=[rel])])
        report = import_paths(project, [source])
        assert report.sets_added == 1 and report.relations == 1 and report.rejected == []
        doc = project.get_document(first, SpanFilter(annotators=("bob",)))
        ids = {(s.start, s.end): s.id for s in doc.spans}
        assert ids[(4, 15)] != "s1" and ids[(19, 24)] == "s2"
        [relation] = doc.relations
        assert (relation.head, relation.child, relation.annotator) == (ids[(4, 15)], "s2", "bob")
        assert [(s.id, s.start, s.annotator) for s in project.get_document(second).spans] == [("s1", 5, "amal")]
        report = import_paths(project, [source])  # the renewed id is still the same span: unchanged
        assert (report.sets_unchanged, report.sets_replaced) == (1, 0)

        across = write(tmp_path / "across.jsonl", [record(
            [span(5, 11, "PERSON", "carol", "c1"), span(15, 20, "GPE", "dan", "d1")], text=OTHER,
            relations=[{"head": "c1", "child": "d1", "label": "located_in"}])])
        before = project.document_sets()
        report = import_paths(project, [across])
        [rejection] = report.rejected
        assert "a relation belongs to one annotator's set" in rejection.reason and rejection.code == "set_relation"
        assert report.sets_added == 0 and project.document_sets() == before


def invoke(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args], env={"ANNOTATOR_NAME": "lead"})
    assert result.exit_code == 0, result.output
    return result.output


def test_a_native_export_of_two_sets_gives_both_back_to_a_project_of_the_plain_texts(tmp_path):
    texts = write(tmp_path / "texts.jsonl", [{"text": TEXT}, {"text": OTHER}])
    team, copy = tmp_path / "team.annotator", tmp_path / "copy.annotator"
    for path in (team, copy):
        invoke("init", path)
        invoke("import", path, texts)
    with Project.open(team) as project:
        first, second = [r[0] for r in project.document_rows()]
        alice = [Span("a1", 4, 15, "سيرغي شويغو", "entity", "PERSON", annotator="alice"),
                 Span("a2", 19, 24, "روسيا", "entity", "GPE", annotator="alice")]
        project.replace_set(first, "alice", alice, [], "done")
        project.replace_set(first, "bob", [Span("b1", 4, 15, "سيرغي شويغو", "entity", "ORG", annotator="bob")],
                            [], "in_progress")
        project.replace_set(second, "bob", [Span("b2", 15, 20, "موسكو", "entity", "GPE", annotator="bob")], [],
                            "done")
        wanted = {(doc, name): set_of(project, name, doc)[:2] for doc, name in
                  ((first, "alice"), (first, "bob"), (second, "bob"))}
    invoke("export", team, "--format", "native", "-o", tmp_path / "team.jsonl")
    said = invoke("import", copy, tmp_path / "team.jsonl")
    assert "annotators' sets of documents already in the project: 3 added, 0 replaced, 0 unchanged" in said
    assert "0 duplicates skipped" in said
    with Project.open(copy, readonly=True) as project:
        assert [r[0] for r in project.document_rows()] == [first, second]  # the same texts: the same ids
        assert {(doc, name): set_of(project, name, doc)[:2] for doc, name in wanted} == wanted
        assert set(project.document_sets()[first]) == {"alice", "bob"}
        assert set(project.document_sets()[second]) == {"bob"}
    again = invoke("import", copy, tmp_path / "team.jsonl")
    assert "0 added, 0 replaced, 3 unchanged" in again
