"""doccano sequence-labelling JSONL: {"id", "text", "label": [[start, end, "LABEL"], ...], meta...}.

Reads the older "label"/"labels" triples, the intent-detection "entities" triples, the newer
"entities"/"relations" objects, and a text-classification "label" list of names (kept in meta as
"labels"). A span listed twice exactly is one span, and the import warns of it. A document with
relations is written in the relation shape (entity objects with ids, relations {id, from_id, to_id, type}); others as triples.
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
    kept = {s.id for s in spans}
    relations = [r for r in doc.relations if r.head in kept and r.child in kept]
    if relations:
        record = {"id": doc.id, "text": doc.text,
                  "entities": [{"id": s.id, "label": s.label, "start_offset": s.start, "end_offset": s.end}
                               for s in spans],
                  "relations": [{"id": r.id, "from_id": r.head, "to_id": r.child, "type": r.label}
                                for r in relations]}
    else:
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
    classes = None  # a text-classification project's document labels
    triples = obj.get("label", obj.get("labels"))
    if isinstance(triples, list) and triples and all(isinstance(item, str) for item in triples):
        classes, triples = triples, None
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
        if isinstance(item, list) and len(item) == 3:  # intent detection: [start, end, label]
            spans.append({"start": item[0], "end": item[1], "label": item[2]})
            continue
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
    meta = {key: value for key, value in obj.items() if key not in _RESERVED and key != "meta"}
    if isinstance(obj.get("meta"), dict):  # doccano's own meta object holds the fields themselves
        meta = {**obj["meta"], **meta}
    elif "meta" in obj:
        meta["meta"] = obj["meta"]
    if classes is not None:
        meta["labels"] = classes
    kept, repeats = _once(spans)
    draft = Draft(text, path, line, meta=meta, id=obj.get("id"), spans=kept, relations=relations, shape="doccano")
    for n, span in repeats:
        draft.warn(f"span {n} ({span['start']!r}-{span['end']!r} {span['label']}) is listed twice; kept once",
                   "duplicate_span", {"span": n, "start": span["start"], "end": span["end"], "label": span["label"]})
    return draft


def _once(spans: list[dict]) -> tuple[list[dict], list[tuple[int, dict]]]:
    """The spans without exact repeats (same offsets and label): doccano lets a span be saved
    twice, and a repeat is no second annotation. A repeat with its own id stays (a relation may
    name it), and the pipeline judges it like any overlap."""
    seen: set[tuple] = set()
    kept, repeats = [], []
    for n, span in enumerate(spans, 1):
        key = tuple(repr(span.get(k)) for k in ("start", "end", "label"))  # any JSON, hashable
        if span.get("id") is None and key in seen:
            repeats.append((n, span))
            continue
        seen.add(key)
        kept.append(span)
    return kept, repeats
