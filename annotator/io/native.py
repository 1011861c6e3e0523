"""Native JSONL (DESIGN.md §6): one document per line, everything annotator knows about it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from annotator.core.model import Document, Span, ordered_meta
from annotator.core.schema import Schema
from annotator.io import fitting_spans
from annotator.io.jsonl_writer import write_jsonl
from annotator.io.records import Draft, Rejection

WRITES_FOLDER = False
SCHEMA_VERSION = 1


def span_record(span: Span) -> dict:
    return {
        "id": span.id,
        "start": span.start,
        "end": span.end,
        "text": span.text,
        "layer": span.layer,
        "label": span.label,
        "entity": {"id": span.entity.id, "name": span.entity.name, "type": span.entity.type} if span.entity else None,
        "attrs": span.attrs,
        "annotator": span.annotator,
        "created": span.created,
        "updated": span.updated,
    }


def to_record(doc: Document, warnings: list[str] | None = None) -> dict:
    """The native record; a span that no longer fits the text is left out (and reported), since
    importing it again would reject the whole line."""
    spans = fitting_spans(doc, doc.spans, warnings)
    return {
        "id": doc.id,
        "text": doc.text,
        "meta": ordered_meta(doc.meta),
        "status": doc.status,
        "spans": [span_record(s) for s in spans],
        "relations": [{"id": r.id, "head": r.head, "child": r.child, "label": r.label} for r in doc.relations],
        "schema_version": SCHEMA_VERSION,
    }


def export(docs: Iterable[Document], out: Path, schema: Schema) -> list[str]:
    warnings: list[str] = []
    write_jsonl(out, (to_record(doc, warnings) for doc in docs))
    return warnings


def parse_record(obj: dict, path: str, line: int) -> Draft | Rejection:
    version = obj.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        return Rejection(path, line, f"schema_version {version!r} is not supported (this annotator reads 1)")
    text, meta = obj.get("text"), obj.get("meta", {})
    if not isinstance(text, str):
        return Rejection(path, line, "no \"text\" string")
    if not isinstance(meta, dict):
        return Rejection(path, line, "\"meta\" must be an object")
    spans, relations = obj.get("spans") or [], obj.get("relations") or []
    if not isinstance(spans, list) or not isinstance(relations, list):
        return Rejection(path, line, "\"spans\" and \"relations\" must be lists")
    status = obj.get("status")
    if status is not None and not isinstance(status, str):
        return Rejection(path, line, "\"status\" must be a string")
    return Draft(text, path, line, meta=meta, id=obj.get("id"), status=status, spans=spans,
                 relations=relations, shape="native")
