"""Label Studio tasks: import of its JSON (array), JSONL and JSON-MIN exports, export as a JSON
array of tasks that Label Studio imports with the same regions.

Offsets: Label Studio writes code points (its frontend converts JavaScript's UTF-16 positions
since the emoji fix, heartexlabs/label-studio-frontend#308, tested as "NER - Emoji - Text");
exports from versions before it hold UTF-16 offsets. A region's own ``value.text`` tells which:
the reader takes the unit whose slice equals it, so both kinds import with emoji intact.

Several annotations of a task are several annotators' work; all of them are imported, each span
with its annotator (the annotation's ``completed_by``). A region a later annotation repeats
exactly (same start, end and label) is kept once, with the first annotator; other overlaps
between annotators follow the layer's overlap rule like any imported spans. Cancelled
(skipped) annotations are not annotations. Predictions are a model's output, not annotations:
they are not stored, and each task holding some says so in the report.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from annotator.core.model import Document
from annotator.core.offsets import Utf16Map
from annotator.core.schema import Schema
from annotator.io import fitting_spans
from annotator.io.decode import DecodeError, decode
from annotator.io.json_array import array_values
from annotator.io.records import Draft, Rejection
from annotator.io.txt import read_bytes

SUFFIXES = ("json",)
WRITES_FOLDER = False

# JSON-MIN flattens a task: its data fields, each control's results under the control's name,
# and these bookkeeping fields of the annotation.
_MIN_BOOKKEEPING = ("id", "annotator", "annotation_id", "created_at", "updated_at", "lead_time")
FROM_NAME, TO_NAME = "label", "text"
DEFAULT_RELATION = "related"  # Label Studio lets a relation have no label; ours need one


def is_task(obj) -> bool:
    """Whether a JSON object is a Label Studio task of the full export (data + annotations or
    predictions), for shape detection."""
    return isinstance(obj, dict) and isinstance(obj.get("data"), dict) and (
        "annotations" in obj or "predictions" in obj or "completions" in obj)


# -- reading ---------------------------------------------------------------------------


def read(path: Path, *, encoding: str | None = None) -> Iterator[Draft | Rejection]:
    name = str(path)
    data = read_bytes(path)
    if isinstance(data, Rejection):
        yield data
        return
    try:
        text = decode(data, encoding)
    except DecodeError as exc:
        yield Rejection(name, exc.line, exc.reason)
        return
    found = 0
    for line, obj in _objects(text, name):
        found += 1
        if isinstance(obj, Rejection):
            yield obj
            continue
        task = parse_task(obj, name, line)
        yield task
        note = predictions_note(obj, name, line)
        if note is not None and not (isinstance(task, Draft) and task.suggestions):
            yield note  # predictions that could not be read as regions: said, not dropped silently
    if not found:
        yield Rejection(name, None, "empty file (no Label Studio tasks)")


def _objects(text: str, name: str) -> Iterator[tuple[int, object]]:
    """(line, task or Rejection): the elements of a JSON array, one JSON object, or JSONL."""
    decoder = json.JSONDecoder()
    body = text.lstrip("\ufeff")
    start = len(body) - len(body.lstrip())
    if start == len(body):
        return
    if body[start] == "[":
        yield from array_values(body, start, name, decoder)
        return
    try:
        obj, end = decoder.raw_decode(body, start)
    except (json.JSONDecodeError, RecursionError, ValueError):
        obj, end = None, -1
    if end >= 0 and not body[end:].strip():
        yield body.count("\n", 0, start) + 1, obj  # one task per file (cloud storage exports)
        return
    for number, raw in enumerate(body.split("\n"), 1):  # JSONL
        if raw.strip():
            yield number, _loads(raw, name, number)


def _loads(raw: str, name: str, line: int):
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        return Rejection(name, line, f"invalid JSON: {exc.msg} at column {exc.colno}")
    except (RecursionError, ValueError):
        return Rejection(name, line, "invalid JSON (nested too deeply or a number too long)")


def parse_task(obj, path: str, line: int) -> Draft | Rejection:
    if not isinstance(obj, dict):
        return Rejection(path, line, f"expected a Label Studio task (a JSON object), got {type(obj).__name__}")
    if isinstance(obj.get("data"), dict):
        return _full_task(obj, path, line)
    if min_results(obj):
        return _min_task(obj, path, line)
    from annotator.io import jsonl  # here: jsonl imports this module for its tasks

    # A JSON array of native, doccano or Prodigy records, read as those lines would be.
    return jsonl.parse_object(obj, path, line)


def min_results(obj: dict) -> dict:
    """JSON-MIN's labelled regions: each control's list of {start, end, text, labels}."""
    return {k: v for k, v in obj.items() if isinstance(v, list) and v and all(
        isinstance(r, dict) and "labels" in r and "start" in r for r in v)}


# A data field that only names a file or URL (an image or audio task's $image) is not a text.
_MEDIA = re.compile(r"[a-z][a-z0-9+.-]*://\S*|\S+\.(jpe?g|png|gif|bmp|tiff?|webp|wav|mp3|flac|ogg|mp4|webm|pdf)",
                    re.IGNORECASE)


def _text_field(fields: dict, skip: tuple[str, ...] = ()) -> str | None:
    if isinstance(fields.get("text"), str):
        return "text"
    return next((k for k, v in fields.items()
                 if isinstance(v, str) and k not in skip and not _MEDIA.fullmatch(v)), None)


def _no_text(path: str, line: int, fields: dict) -> Rejection:
    keys = ", ".join(sorted(map(str, fields))) or "none"
    return Rejection(path, line, f'task has no text to annotate: its data has no "text" string and no other '
                                 f"string field that is not a file name or URL (fields: {keys})")


def _annotator(annotation: dict) -> str:
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        who = who.get("email") or who.get("id")
    return "" if who is None or isinstance(who, bool) else (who if isinstance(who, str) else f"user {who}")


class _Collector:
    """Spans and relations of one task, gathered annotation by annotation."""

    def __init__(self, text: str):
        self.text = text
        self._u16: Utf16Map | None = None
        self.spans: list[dict] = []
        self.relations: list[dict] = []
        self.choices: list[dict] = []
        self._by_key: dict[tuple, str] = {}  # (start, end, label) -> span id
        self._ids: set[str] = set()
        self._relation_ids: set[str] = set()

    def add_annotation(self, results, annotator: str, tag: str) -> str | None:
        if not isinstance(results, list):
            return '"result" must be a list'
        local: dict[str, list[str]] = {}  # region id in this annotation -> our span ids
        relations = []
        for n, item in enumerate(results, 1):
            if not isinstance(item, dict):
                return f"result {n}: expected an object"
            kind, value = item.get("type"), item.get("value")
            if kind == "relation":
                relations.append(item)
            elif kind == "labels" and isinstance(value, dict):
                problem = self._region(n, item, value, annotator, tag, local)
                if problem:
                    return problem
            elif kind == "choices" and isinstance(value, dict):
                self.choices.append({"from_name": item.get("from_name"), "choices": value.get("choices"),
                                     "annotator": annotator})
        for item in relations:
            heads, children = local.get(str(item.get("from_id")), []), local.get(str(item.get("to_id")), [])
            if not heads or not children:
                return f"relation {item.get('from_id')!r} -> {item.get('to_id')!r}: not a labelled region of the annotation"
            if item.get("direction") == "left":
                heads, children = children, heads
            labels = item.get("labels") or [DEFAULT_RELATION]
            pairs = [(head, child, label) for label in labels for head in heads for child in children]
            given = item.get("id")
            for head, child, label in pairs:
                rel = {"head": head, "child": child, "label": label}
                if isinstance(given, str) and len(pairs) == 1 and given not in self._relation_ids:
                    rel["id"] = given
                    self._relation_ids.add(given)
                self.relations.append(rel)
        return None

    def _region(self, n: int, item: dict, value: dict, annotator: str, tag: str, local: dict) -> str | None:
        start, end, labels = value.get("start"), value.get("end"), value.get("labels")
        if not isinstance(labels, list) or not labels:
            return f"result {n}: \"labels\" must be a non-empty list"
        start, end = self._codepoints(start, end, value.get("text"))
        rid = str(item.get("id") if item.get("id") is not None else f"r{n}")
        ours = local.setdefault(rid, [])
        for label in labels:
            key = (start, end, label)
            if key in self._by_key:  # the same region from an earlier annotation: kept once
                ours.append(self._by_key[key])
                continue
            span_id = rid if len(labels) == 1 else f"{rid}-{label}"
            if span_id in self._ids:
                span_id = f"{tag}-{span_id}"
            self._ids.add(span_id)
            self._by_key[key] = span_id
            ours.append(span_id)
            span = {"id": span_id, "start": start, "end": end, "label": label, "annotator": annotator}
            if isinstance(value.get("text"), str):
                span["text"] = value["text"]
            self.spans.append(span)
        return None

    def _codepoints(self, start, end, given):
        """Code-point offsets: as given, unless only their UTF-16 reading cuts out `given`."""
        if not (isinstance(start, int) and isinstance(end, int)) or not isinstance(given, str):
            return start, end
        if self.text[start:end] == given or self.text.isascii():
            return start, end
        if self._u16 is None:
            self._u16 = Utf16Map(self.text)
        try:
            cp_start, cp_end = self._u16.to_codepoint(start), self._u16.to_codepoint(end)
        except ValueError:
            return start, end
        return (cp_start, cp_end) if self.text[cp_start:cp_end] == given else (start, end)


def _full_task(obj: dict, path: str, line: int) -> Draft | Rejection:
    data = obj["data"]
    field = _text_field(data)
    if field is None:
        return _no_text(path, line, data)
    text = data[field]
    found = _Collector(text)
    annotations = obj.get("annotations", obj.get("completions")) or []
    if not isinstance(annotations, list):
        return Rejection(path, line, '"annotations" must be a list')
    for n, annotation in enumerate(annotations, 1):
        if not isinstance(annotation, dict):
            return Rejection(path, line, f"annotation {n}: expected an object")
        if annotation.get("was_cancelled"):
            continue
        problem = found.add_annotation(annotation.get("result") or [], _annotator(annotation),
                                       f"a{annotation.get('id', n)}")
        if problem:
            return Rejection(path, line, f"annotation {n}: {problem}")
    task_meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    meta = {k: v for k, v in data.items() if k != field}
    meta.update((k, v) for k, v in task_meta.items() if k != "document_id")
    if found.choices:
        meta["choices"] = found.choices
    doc_id = task_meta.get("document_id", obj.get("id"))
    return Draft(text, path, line, meta=meta, id=None if doc_id is None else str(doc_id),
                 spans=found.spans, relations=found.relations, shape="labelstudio",
                 suggestions=_predicted(obj, text))


def _predicted(obj: dict, text: str) -> list[dict]:
    """The text regions of a task's predictions, as span dicts for suggestions (a model's output
    is offered to the analyst, not stored as annotations); [] when they cannot be read (the
    report then says they were not imported)."""
    predicted = _Collector(text)
    for n, prediction in enumerate(obj.get("predictions") or [], 1):
        if not isinstance(prediction, dict):
            return []
        model = prediction.get("model_version")
        who = f"model {model}" if isinstance(model, str) and model else "model"
        if predicted.add_annotation(prediction.get("result") or [], who, f"p{prediction.get('id', n)}"):
            return []
    return predicted.spans


def _min_task(obj: dict, path: str, line: int) -> Draft | Rejection:
    results = min_results(obj)
    fields = {k: v for k, v in obj.items() if k not in results}
    field = _text_field(fields, _MIN_BOOKKEEPING)
    if field is None:
        return _no_text(path, line, fields)
    found = _Collector(obj[field])
    annotator = obj.get("annotator") if isinstance(obj.get("annotator"), str) else ""
    for name, regions in results.items():
        items = [{"type": "labels", "from_name": name, "value": region} for region in regions]
        problem = found.add_annotation(items, annotator, "a")
        if problem:
            return Rejection(path, line, f"{name}: {problem}")
    meta = {k: v for k, v in fields.items() if k not in (field, "id")}
    doc_id = obj.get("id")
    return Draft(obj[field], path, line, meta=meta, id=None if doc_id is None else str(doc_id),
                 spans=found.spans, relations=found.relations, shape="labelstudio")


def predictions_note(obj, path: str, line: int) -> Rejection | None:
    """The report line for a task's predictions, which are not imported."""
    if not isinstance(obj, dict) or not isinstance(obj.get("predictions"), list):
        return None
    regions = sum(1 for p in obj["predictions"] if isinstance(p, dict) and isinstance(p.get("result"), list)
                  for r in p["result"] if isinstance(r, dict) and r.get("type") == "labels")
    if not regions:
        return None
    return Rejection(path, line, f"{regions} predicted region{'s' * (regions != 1)} of the task not imported "
                                 "(predictions are a model's output, not annotations)")


# -- writing ---------------------------------------------------------------------------


def to_task(doc: Document, warnings: list[str] | None = None) -> dict:
    spans = fitting_spans(doc, sorted(doc.spans, key=lambda s: s.sort_key()), warnings)
    kept = {s.id for s in spans}
    result: list[dict] = [
        {"id": s.id, "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels", "origin": "manual",
         "value": {"start": s.start, "end": s.end, "text": s.text, "labels": [s.label]}}
        for s in spans
    ]
    result += [
        # Label Studio's relations have no id of their own; ours rides along (it ignores it).
        {"id": r.id, "from_id": r.head, "to_id": r.child, "type": "relation", "direction": "right",
         "labels": [r.label]}
        for r in doc.relations if r.head in kept and r.child in kept
    ]
    meta = {k: v for k, v in doc.meta.items() if v is not None}
    return {"data": {"text": doc.text}, "meta": {"document_id": doc.id, **meta},
            "annotations": [{"result": result}]}


def export(docs: Iterable[Document], out: Path, schema: Schema) -> list[str]:
    warnings: list[str] = []
    encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("[")
        for n, doc in enumerate(docs):
            fh.write(",\n" if n else "\n")
            fh.write(encode(to_task(doc, warnings)))
        fh.write("\n]\n")
    return warnings
