"""JSONL shape detection goes by the keys only one tool writes, so no record loses what it has."""

import json

import pytest

from annotator import RESOURCES
from annotator.core.schema import load_schema
from annotator.io import jsonl
from annotator.io.importing import import_paths
from annotator.store import Project

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
TEXT = "قال بوتين"
NATIVE_SPANS = [{"id": "c", "start": 0, "end": 9, "label": "CLAIM", "layer": "claim"},
                {"id": "p", "start": 4, "end": 9, "label": "PERSON", "layer": "entity"}]
RELATIONS = [{"id": "r", "head": "c", "child": "p", "label": "claimant"}]
TOKENS = [{"text": "قال", "start": 0, "end": 3, "id": 0, "ws": True},
          {"text": "بوتين", "start": 4, "end": 9, "id": 1, "ws": False}]


@pytest.mark.parametrize("record, shape", [
    ({"text": TEXT, "spans": NATIVE_SPANS, "relations": RELATIONS}, "native"),  # no status: was "prodigy"
    ({"text": TEXT, "status": "done", "spans": NATIVE_SPANS}, "native"),
    ({"text": TEXT, "schema_version": 1}, "native"),
    ({"text": TEXT, "status": "new"}, "native"),
    ({"text": TEXT, "tokens": TOKENS, "spans": [{"start": 4, "end": 9, "label": "PERSON"}]}, "prodigy"),
    ({"text": TEXT, "spans": [{"start": 4, "end": 9, "label": "PERSON"}], "answer": "accept"}, "prodigy"),
    ({"text": TEXT, "spans": [{"start": 4, "end": 9, "label": "PERSON", "token_start": 1, "token_end": 1}]},
     "prodigy"),
    ({"text": TEXT, "_input_hash": 1, "_task_hash": 2}, "prodigy"),
    ({"text": TEXT, "spans": [{"start": 4, "end": 9, "label": "PERSON"}]}, "prodigy"),  # bare spaCy spans
    ({"text": TEXT, "label": [[4, 9, "PERSON"]]}, "doccano"),
    ({"text": TEXT, "entities": [{"id": 1, "start_offset": 4, "end_offset": 9, "label": "PERSON"}],
      "relations": [{"id": 1, "from_id": 1, "to_id": 1, "type": "x"}]}, "doccano"),  # relations, yet doccano
    ({"text": TEXT, "source": "x"}, "plain"),
])
def test_shape_of_each_kind_of_record(record, shape):
    assert jsonl.shape_of(record) == shape


def test_native_record_without_status_keeps_its_relations(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "d", "text": TEXT, "meta": {"title": "خبر"}, "spans": NATIVE_SPANS,
                                  "relations": RELATIONS}, ensure_ascii=False) + "\n", "utf-8")
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [source])
        assert not report.rejected and report.relations == 1
        [doc] = project.iter_documents()
        assert {s.id: s.label for s in doc.spans} == {"c": "CLAIM", "p": "PERSON"}
        assert [(r.head, r.child, r.label) for r in doc.relations] == [("c", "p", "claimant")]
        assert doc.meta["title"] == "خبر"


def test_prodigy_task_still_reads_as_prodigy(tmp_path):
    source = tmp_path / "in.jsonl"
    task = {"text": TEXT, "tokens": TOKENS, "answer": "accept", "meta": {"source": "s"},
            "spans": [{"start": 4, "end": 9, "label": "PERSON", "token_start": 1, "token_end": 1}]}
    source.write_text(json.dumps(task, ensure_ascii=False) + "\n", "utf-8")
    [draft] = list(jsonl.read(source))
    assert draft.shape == "prodigy" and draft.spans == [{"start": 4, "end": 9, "label": "PERSON"}]
