"""doccano's shapes: intent triples, document labels, its meta object, a span saved twice, and
relations written and read back in doccano's relation format."""

import json
from pathlib import Path

from annotator import RESOURCES
from annotator.core.schema import load_schema
from annotator.io import export_to
from annotator.io.importing import import_paths
from annotator.store import Project

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
DATA = Path(__file__).parent / "data" / "doccano"
TEXT = "أعلنت 👍 وزارةُ الصحة في عمّان"


def imported(tmp_path, *paths):
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, list(paths), "jsonl")
        return report, {d.text: d for d in project.iter_documents()}


def test_real_intent_file(tmp_path):
    report, docs = imported(tmp_path, DATA / "intent_example.jsonl")
    assert sorted(docs) == ["exampleA", "exampleB", "exampleC", "exampleD"]
    assert [(s.start, s.end, s.label) for s in docs["exampleA"].spans] == [(0, 1, "LOC")]
    assert docs["exampleA"].meta["cats"] == ["positive"] and docs["exampleB"].spans == []
    assert [(r.line, r.reason) for r in report.rejected] == [(5, 'no "text" string')]


def test_real_text_classification_labels_and_meta(tmp_path):
    report, docs = imported(tmp_path, DATA / "text_classification_example.jsonl")
    assert not report.rejected and report.documents == 1 and len(report.duplicates) == 3
    meta = docs["example"].meta
    assert meta["labels"] == ["positive"] and meta["wikiPageID"] == 1 and "meta" not in meta


def test_a_span_saved_twice_is_one_span(tmp_path):
    s = TEXT.index("وزارةُ الصحة")
    path = tmp_path / "twice.jsonl"
    record = {"id": 3, "text": TEXT, "label": [[s, s + 12, "ORG"], [s, s + 12, "ORG"], [s + 16, s + 21, "GPE"]]}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    report, docs = imported(tmp_path, path)
    assert not report.rejected
    assert [(x.text, x.label) for x in docs[TEXT].spans] == [("وزارةُ الصحة", "ORG"), ("عمّان", "GPE")]


def test_relations_round_trip_in_doccano_relation_format(tmp_path):
    s = TEXT.index("وزارةُ الصحة")
    record = {"text": TEXT, "entities": [{"id": 0, "start_offset": s, "end_offset": s + 12, "label": "ORG"},
                                         {"id": 1, "start_offset": s + 16, "end_offset": s + 21, "label": "GPE"}],
              "relations": [{"id": 5, "from_id": 0, "to_id": 1, "type": "located_in"}]}
    source = tmp_path / "rel.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        import_paths(project, [source], "jsonl")
        out = tmp_path / "out.jsonl"
        export_to("doccano", project.iter_documents(), out, project.schema)
    [written] = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    ids = {e["id"]: TEXT[e["start_offset"]:e["end_offset"]] for e in written["entities"]}
    [rel] = written["relations"]
    assert (ids[rel["from_id"]], ids[rel["to_id"]], rel["type"]) == ("وزارةُ الصحة", "عمّان", "located_in")
    (tmp_path / "again").mkdir()
    report, docs = imported(tmp_path / "again", out)
    assert not report.rejected
    doc = docs[TEXT]
    by_id = {x.id: x for x in doc.spans}
    assert [(by_id[r.head].text, by_id[r.child].text, r.label) for r in doc.relations] == [
        ("وزارةُ الصحة", "عمّان", "located_in")]
