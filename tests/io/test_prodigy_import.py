"""Prodigy answers (accept stored, reject kept as rejected suggestions, ignore counted and
skipped), rel.manual relations and nel links, imported into a project; the exporter's relations
import back. Many tasks of one text (ner.teach): tests/io/test_prodigy_teach.py."""

import json
from pathlib import Path

from annotator import RESOURCES
from annotator.core.schema import load_schema
from annotator.io import export_to
from annotator.io.importing import import_paths
from annotator.store import Project

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
TEXT = "قال 😀 لافروف إنّ موسكو ترحّب"


def span(sub, label, **extra):
    start = TEXT.index(sub)
    return {"start": start, "end": start + len(sub), "label": label, **extra}


def write(path: Path, tasks) -> Path:
    path.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in tasks), "utf-8")
    return path


def test_answers_relations_and_links(tmp_path):
    lavrov, moscow = span("لافروف", "PERSON", token_start=2, token_end=2), span("موسكو", "GPE")
    tasks = [
        {"text": TEXT, "spans": [lavrov, moscow], "answer": "accept", "_input_hash": 1,
         "relations": [{"head": 2, "child": 4, "head_span": lavrov, "child_span": moscow, "label": "speaks_for"},
                       # rel.manual may label a span only inside the relation
                       {"head": 5, "child": 4, "head_span": span("ترحّب", "EVENT"), "child_span": moscow,
                        "label": "at"}]},
        {"text": TEXT + " جدّاً", "spans": [moscow], "answer": "reject", "_input_hash": 2},
        {"text": TEXT + " اليوم", "spans": [moscow], "answer": "ignore", "_input_hash": 3},
        {"text": TEXT + " أمس", "spans": [span("لافروف", "PERSON", kb_id="Q187207")], "answer": "accept",
         "_input_hash": 4},
        {"text": TEXT + " غداً", "spans": [moscow], "options": [{"id": "Q649"}, {"id": "NIL"}],
         "accept": ["Q649"], "answer": "accept", "_input_hash": 5},
    ]
    source = write(tmp_path / "teach.jsonl", tasks)
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [source], "jsonl")
        docs = {d.text: d for d in project.iter_documents()}
        rejected_doc = docs[TEXT + " جدّاً"]
        rejections = project.rejections(rejected_doc.id)
    # the rejected task's text is a document without spans; its span a rejected suggestion there
    assert report.documents == 4 and not report.rejected
    assert report.prodigy_answers == {"reject": 1, "ignore": 1}
    assert rejected_doc.spans == [] and rejections == {(moscow["start"], moscow["end"], "entity", "GPE")}
    assert TEXT + " اليوم" not in docs  # ignored: skipped, counted
    first = docs[TEXT]
    by_id = {s.id: s for s in first.spans}
    assert sorted((by_id[r.head].text, by_id[r.child].text, r.label) for r in first.relations) == [
        ("ترحّب", "موسكو", "at"), ("لافروف", "موسكو", "speaks_for")]
    assert sorted(s.label for s in first.spans) == ["EVENT", "GPE", "PERSON"]
    [linked] = docs[TEXT + " أمس"].spans
    assert (linked.entity.id, linked.entity.name, linked.entity.type) == ("Q187207", "لافروف", "PERSON")
    [chosen] = docs[TEXT + " غداً"].spans
    assert chosen.entity.id == "Q649" and chosen.entity.name == "موسكو"


def test_export_writes_relations_that_import_back(tmp_path):
    lavrov, moscow = span("لافروف", "PERSON"), span("موسكو", "GPE")
    source = write(tmp_path / "in.jsonl", [{"text": TEXT, "spans": [lavrov, moscow], "answer": "accept",
                                            "relations": [{"head_span": lavrov, "child_span": moscow,
                                                           "label": "speaks_for"}]}])
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        import_paths(project, [source], "jsonl")
        out = tmp_path / "out.jsonl"
        export_to("prodigy", project.iter_documents(), out, project.schema)
    [task] = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    [rel] = task["relations"]
    tokens = task["tokens"]
    assert tokens[rel["head"]]["end"] == rel["head_span"]["end"] == lavrov["end"]
    assert tokens[rel["child"]]["end"] == moscow["end"] and rel["label"] == "speaks_for"
    # the document was not done: "ignore" for Prodigy, and its status for annotator
    assert (task["answer"], task["annotator_status"]) == ("ignore", "new")
    with Project.create(tmp_path / "q.annotator", NEWS) as again:
        report = import_paths(again, [out], "jsonl")
        [doc] = list(again.iter_documents())
    assert not report.rejected and doc.status == "new"
    by_id = {s.id: s for s in doc.spans}
    assert [(by_id[r.head].text, by_id[r.child].text, r.label) for r in doc.relations] == [
        ("لافروف", "موسكو", "speaks_for")]
