"""Label Studio import (JSON array, one task, JSONL, JSON-MIN; code-point and old UTF-16 offsets;
several annotators) and export (a JSON array of tasks that imports back to the same spans)."""

import json
from pathlib import Path

from annotator import RESOURCES
from annotator.core.schema import load_schema
from annotator.io import export_to, labelstudio
from annotator.io.importing import import_paths
from annotator.io.records import Draft, Rejection
from annotator.store import Project

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
DATA = Path(__file__).parent / "data" / "labelstudio"


def spans_of(doc):
    return sorted((s.start, s.end, s.text, s.label, s.annotator) for s in doc.spans)


def test_real_converter_export_gives_its_texts_and_no_image_regions(tmp_path):
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [DATA / "converter_csv_test.json"], "labelstudio")
        docs = list(project.iter_documents())
    assert report.documents == 2 and report.spans == 0 and not report.rejected
    assert docs[0].text.startswith("Calif. wildfires") and docs[0].meta["image"].endswith(".jpg")


def test_arabic_export_two_annotators_emoji_crlf_relation_choices(tmp_path):
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [DATA / "arabic_tasks.json"], "labelstudio")
        docs = {d.id: d for d in project.iter_documents()}
        suggested = {d: project.suggestions(d) for d in docs}
    # The prediction is a suggestion of its document (offered to the analyst), never an annotation
    assert not report.rejected and report.suggestions == 1
    (prediction,) = [s for group in suggested.values() for s in group]
    assert (prediction.text, prediction.label, prediction.source) == ("الاتفاق", "ORG", "import:arabic_tasks.json")
    assert prediction.text == docs[next(d for d, g in suggested.items() if g)].text[prediction.start:prediction.end]
    assert all((prediction.start, prediction.end) != (s.start, s.end) for d in docs.values() for s in d.spans)
    first = docs["11"]
    assert "\r" not in first.text
    # القاهرة from both annotators is one span (the first annotator's); the cancelled
    # annotation's الاتفاق is not there; the emoji before the spans did not shift them
    assert spans_of(first) == [
        (7, 21, "وزيرُ الخارجية", "PERSON", "amal@example.org"),
        (25, 32, "القاهرة", "GPE", "amal@example.org"),
        (47, 53, "الرياض", "GPE", "user 7"),
    ]
    by_id = {s.id: s for s in first.spans}
    assert [(by_id[r.head].text, by_id[r.child].text, r.label) for r in first.relations] == [
        ("وزيرُ الخارجية", "القاهرة", "located_in")]
    assert first.meta["source"] == "وكالة"
    assert first.meta["choices"] == [{"from_name": "topic", "choices": ["سياسة"], "annotator": "amal@example.org"}]
    # an old export's UTF-16 offsets 5-8 (after a 4-unit flag) are the code points 3-6
    assert spans_of(docs["12"]) == [(3, 6, "مصر", "GPE", "user 1")]


def test_jsonl_single_task_and_min(tmp_path):
    text = "زار 😀 الرئيسُ دمشقَ"
    task = {"id": 5, "data": {"body": text}, "annotations": [{"completed_by": 2, "result": [
        {"id": "x", "type": "labels", "from_name": "label", "to_name": "text",
         "value": {"start": 6, "end": 13, "text": "الرئيسُ", "labels": ["PERSON"]}}]}]}
    jsonl = tmp_path / "tasks.jsonl"
    jsonl.write_text(json.dumps(task, ensure_ascii=False) + "\n" + json.dumps({**task, "id": 6}) + "\n", "utf-8")
    items = list(labelstudio.read(jsonl))
    assert [type(i) for i in items] == [Draft, Draft] and [i.line for i in items] == [1, 2]
    one = tmp_path / "5.json"
    one.write_text(json.dumps(task, indent=2), "utf-8")
    [draft] = labelstudio.read(one)
    assert draft.text == text and draft.spans[0]["start"] == 6 and draft.spans[0]["annotator"] == "user 2"
    minimal = tmp_path / "min.json"
    minimal.write_text(json.dumps([{"id": 9, "text": text, "annotator": "amal@example.org", "annotation_id": 3,
                                    "created_at": "2024-01-01", "label": [
                                        {"start": 14, "end": 19, "text": "دمشقَ", "labels": ["GPE"]}]}],
                                  ensure_ascii=False), "utf-8")
    [draft] = labelstudio.read(minimal)
    assert draft.text == text and draft.id == "9"
    assert draft.spans == [{"id": "r1", "start": 14, "end": 19, "label": "GPE", "annotator": "amal@example.org",
                            "text": "دمشقَ"}]


def test_reasons_name_the_line(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('[\n {"data": {"image": "a.jpg", "n": 1}, "annotations": []},\n {"data": {"text": "x"} ,,\n', "utf-8")
    items = list(labelstudio.read(path))
    assert isinstance(items[0], Rejection) and items[0].line == 2
    assert items[0].reason == ('task has no text to annotate: its data has no "text" string and no other string '
                               "field that is not a file name or URL (fields: image, n)")
    assert isinstance(items[-1], Rejection) and items[-1].line == 3 and "invalid JSON" in items[-1].reason
    empty = tmp_path / "empty.json"
    empty.write_text("  \n", "utf-8")
    assert [r.reason for r in labelstudio.read(empty)] == ["empty file (no Label Studio tasks)"]


def test_export_imports_back_to_the_same_spans(tmp_path):
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        import_paths(project, [DATA / "arabic_tasks.json"], "labelstudio")
        before = {d.id: d for d in project.iter_documents()}
        out = tmp_path / "out.json"
        assert export_to("labelstudio", project.iter_documents(), out, project.schema) == []
    tasks = json.loads(out.read_text("utf-8"))
    first = next(t for t in tasks if t["meta"]["document_id"] == "11")
    text = first["data"]["text"]
    regions = [r for r in first["annotations"][0]["result"] if r["type"] == "labels"]
    # what Label Studio needs to show a region: from_name/to_name of the labelling config, an
    # id the relation refers to, code-point offsets that cut out value.text
    assert {(r["from_name"], r["to_name"]) for r in regions} == {("label", "text")}
    assert all(text[r["value"]["start"]:r["value"]["end"]] == r["value"]["text"] for r in regions)
    [relation] = [r for r in first["annotations"][0]["result"] if r["type"] == "relation"]
    assert relation["from_id"] in {r["id"] for r in regions} and relation["labels"] == ["located_in"]
    with Project.create(tmp_path / "q.annotator", NEWS) as again:
        report = import_paths(again, [out], "labelstudio")
        after = {d.id: d for d in again.iter_documents()}
    assert not report.rejected and set(after) == set(before)
    for doc_id, doc in before.items():
        assert after[doc_id].text == doc.text
        assert [(s.start, s.end, s.label, s.layer) for s in after[doc_id].spans] == [
            (s.start, s.end, s.label, s.layer) for s in doc.spans]
        assert len(after[doc_id].relations) == len(doc.relations)
    assert after["11"].meta["source"] == "وكالة"


def test_a_json_array_of_other_records_reads_as_those_records(tmp_path):
    path = tmp_path / "doccano.json"
    path.write_text(json.dumps([{"text": "زار دمشقَ", "label": [[4, 9, "GPE"]]}], ensure_ascii=False, indent=1), "utf-8")
    [draft] = labelstudio.read(path)
    assert draft.shape == "doccano" and draft.spans == [{"start": 4, "end": 9, "label": "GPE"}]
