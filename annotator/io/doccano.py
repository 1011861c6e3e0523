"""doccano sequence-labelling JSONL: {"id", "text", "label": [[start, end, "LABEL"], ...], meta...}.

Reads the older "label"/"labels" triples and the newer "entities"/"relations" objects.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from annotator.core.model import Document
from annotator.core.schema import Schema
from annotator.io import fitting_spans
from annotator.io.jsonl_writer import write_jsonl
from annotator.io.records import Draft, Rejection

WRITES_FOLDER = False
_RESERVED = ("id", "text", "label", "labels", "entities", "relations")


def to_record(doc: Document, warnings: list[str] | None = None) -> dict:
    spans = fitting_spans(doc, doc.spans, warnings)  # offsets alone would label the wrong text
    record = {"id": doc.id, "text": doc.text, "label": [[s.start, s.end, s.label] for s in spans]}
    for key, value in doc.meta.items():
        if key not in _RESERVED and value is not None:
            record[key] = value
    return record


def export(docs: Iterable[Document], out: Path, schema: Schema) -> list[str]:
    warnings: list[str] = []
    write_jsonl(out, (to_record(doc, warnings) for doc in docs))
    return warnings


def is_doccano(obj: dict) -> bool:
    return any(key in obj for key in ("label", "labels", "entities"))


def parse_record(obj: dict, path: str, line: int) -> Draft | Rejection:
    text = obj.get("text")
    if not isinstance(text, str):
        return Rejection(path, line, "no \"text\" string")
    spans: list[dict] = []
    triples = obj.get("label", obj.get("labels"))
    if triples is not None:
        if not isinstance(triples, list):
            return Rejection(path, line, "\"label\" must be a list of [start, end, label]")
        for n, item in enumerate(triples, 1):
            if not (isinstance(item, list) and len(item) == 3):
                return Rejection(path, line, f"label {n}: expected [start, end, label], got {item!r}")
            spans.append({"start": item[0], "end": item[1], "label": item[2]})
    relations: list[dict] = []
    for key in ("entities", "relations"):  # anything else would be iterated (a TypeError for a number)
        if not isinstance(obj.get(key) or [], list):
            return Rejection(path, line, f"\"{key}\" must be a list of objects")
    for n, item in enumerate(obj.get("entities") or [], 1):
        if not isinstance(item, dict):
            return Rejection(path, line, f"entity {n}: expected an object")
        spans.append({"id": item.get("id"), "start": item.get("start_offset"), "end": item.get("end_offset"),
                      "label": item.get("label")})
    for n, item in enumerate(obj.get("relations") or [], 1):
        if not isinstance(item, dict):
            return Rejection(path, line, f"relation {n}: expected an object")
        relations.append({"id": item.get("id"), "head": item.get("from_id"), "child": item.get("to_id"),
                          "label": item.get("type")})
    for span in spans:  # doccano ids are integers; ours are strings
        if span.get("id") is not None:
            span["id"] = str(span["id"])
    for rel in relations:
        for key in ("id", "head", "child"):
            if rel[key] is not None and not isinstance(rel[key], bool):
                rel[key] = str(rel[key])
    meta = {key: value for key, value in obj.items() if key not in _RESERVED}
    return Draft(text, path, line, meta=meta, id=obj.get("id"), spans=spans, relations=relations, shape="doccano")
