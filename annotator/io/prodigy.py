"""Prodigy / spaCy JSONL: one task per line with tokens and token-aligned spans.

Tokens come from ``annotator.core.tokenize`` with every span offset as a forced boundary, so
``Doc(vocab, words, spaces).char_span(start, end, alignment_mode="strict")`` never returns None.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from annotator.core.model import Document, new_id, ordered_meta
from annotator.core.schema import Schema
from annotator.core.tokenize import tokenize
from annotator.io import fitting_spans
from annotator.io.jsonl_writer import write_jsonl
from annotator.io.records import Draft, Rejection

WRITES_FOLDER = False
STATUS_KEY = "annotator_status"


def export(docs: Iterable[Document], out: Path, schema: Schema) -> list[str]:
    warnings: list[str] = []
    write_jsonl(out, (task(doc, warnings) for doc in docs))
    return warnings


def task(doc: Document, warnings: list[str] | None = None) -> dict:
    """The Prodigy task of one document; spans that do not fit its text are left out, with a warning."""
    text = doc.text
    spans = fitting_spans(doc, sorted(doc.spans, key=lambda s: s.sort_key()), warnings)
    tokens = tokenize(text, [s.start for s in spans], [s.end for s in spans])
    first = {t.start: i for i, t in enumerate(tokens)}
    last = {t.end: i for i, t in enumerate(tokens)}
    by_id = {s.id: s for s in spans}

    def span_of(s) -> dict:
        return {"start": s.start, "end": s.end, "token_start": first[s.start], "token_end": last[s.end], "label": s.label}

    # rel.manual's shape: head and child are the token indices of the spans' last tokens.
    relations = [{"id": r.id, "head": last[by_id[r.head].end], "child": last[by_id[r.child].end],
                  "head_span": span_of(by_id[r.head]), "child_span": span_of(by_id[r.child]), "label": r.label}
                 for r in doc.relations if r.head in by_id and r.child in by_id]
    return {
        "id": doc.id,
        "text": text,
        "meta": ordered_meta(doc.meta),
        "tokens": [{"text": t.text, "start": t.start, "end": t.end, "id": i, "ws": t.ws} for i, t in enumerate(tokens)],
        "spans": [
            {
                "start": s.start,
                "end": s.end,
                "label": s.label,
                "token_start": first[s.start],
                "token_end": last[s.end],  # inclusive, as Prodigy wants
                "layer": s.layer,
            }
            for s in spans
        ],
        **({"relations": relations} if relations else {}),
        "answer": answer(doc.status),
        # Prodigy keeps unknown keys; this one brings an "ignore" task of ours back as what it was.
        STATUS_KEY: doc.status,
    }


def answer(status: str) -> str:
    """Prodigy's answer for a document of this status.

    In Prodigy "accept" means an annotator reviewed the task and its spans are complete, so
    training treats every token outside them as "no entity"; "ignore" is what Prodigy itself
    records for a skipped task, and its training recipes (train, data-to-spacy) leave those
    out. Only a done document is reviewed: a new, in-progress or skipped one is written
    (the user chose its status) but as "ignore", so half-done work never trains as complete.
    "reject" would be wrong: it says the spans shown are false, not unfinished.
    """
    return "accept" if status == "done" else "ignore"


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def parse_record(obj: dict, path: str, line: int) -> Draft | Rejection:
    """A Prodigy/spaCy task as a Draft, or a Rejection saying what is malformed.

    Only the shape is checked here (and token_start/token_end against the task's own tokens);
    offsets against the text are checked by the shared import pipeline.
    """

    def reject(reason: str) -> Rejection:
        return Rejection(path, line, reason)

    if not isinstance(obj, dict):
        return reject(f"expected a JSON object, found {type(obj).__name__}")
    given = obj.get("answer", "accept")
    status = obj.get(STATUS_KEY)
    if status is not None and not isinstance(status, str):
        return reject(f'"{STATUS_KEY}" must be a string')
    if given == "ignore" and status is not None:
        given = "accept"  # written by annotator for a document not yet done: its spans are ours
    if given not in ("accept", "reject", "ignore"):
        return reject(f'"answer" must be accept, reject or ignore, not {given!r}')
    text = obj.get("text")
    if not isinstance(text, str):
        return reject('"text" must be a string')
    meta = obj.get("meta", {})
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return reject('"meta" must be an object')
    doc_id = obj.get("id")
    if isinstance(doc_id, bool) or not (doc_id is None or isinstance(doc_id, (str, int))):
        return reject('"id" must be a string or an integer')

    tokens = obj.get("tokens")
    by_id: dict[int, dict] = {}
    if tokens is not None:
        if not isinstance(tokens, list):
            return reject('"tokens" must be a list')
        for n, tok in enumerate(tokens):
            if not isinstance(tok, dict) or not _is_int(tok.get("start")) or not _is_int(tok.get("end")):
                return reject(f"token {n} needs integer start and end")
            if not 0 <= tok["start"] <= tok["end"]:
                return reject(f"token {n} has start {tok['start']} after end {tok['end']}")
            # token_start/token_end refer to token ids; spaCy and Prodigy make the id the index.
            tid = tok.get("id", n)
            if not _is_int(tid) or tid in by_id:
                return reject(f"token {n} has a missing or repeated integer id: {tid!r}")
            by_id[tid] = tok

    # A rejected task says its spans are wrong (kept as rejected suggestions: offsets and labels
    # only), an ignored one was skipped: neither is an annotation, so neither brings relations
    # or links, and an ignored one no spans (ner.teach keeps hundreds of both).
    accepted = given == "accept"
    raw_spans = obj.get("spans", []) if given != "ignore" else []
    if raw_spans is None:
        raw_spans = []
    if not isinstance(raw_spans, list):
        return reject('"spans" must be a list')
    spans = []
    for n, raw in enumerate(raw_spans, 1):
        where = f"span {n}"
        if not isinstance(raw, dict):
            return reject(f"{where} must be an object")
        start, end, label = raw.get("start"), raw.get("end"), raw.get("label")
        if not _is_int(start) or not _is_int(end):
            return reject(f"{where}: start and end must be integers, not {start!r} and {end!r}")
        if not isinstance(label, str) or not label:
            return reject(f"{where}: label must be a non-empty string")
        for key, offset, edge in (("token_start", start, "start"), ("token_end", end, "end")):
            if key not in raw or tokens is None:
                continue
            tid = raw[key]
            if not _is_int(tid) or tid not in by_id:
                return reject(f"{where}: {key} {tid!r} is not a token id")
            if by_id[tid][edge] != offset:
                return reject(f"{where}: {key} {tid} {edge}s at {by_id[tid][edge]}, but the span {edge}s at {offset}")
        if "token_start" in raw and "token_end" in raw and tokens is not None and raw["token_start"] > raw["token_end"]:
            return reject(f"{where}: token_start {raw['token_start']} is after token_end {raw['token_end']}")
        span = {"start": start, "end": end, "label": label}
        for key in ("text", "layer"):
            if key in raw:
                if not isinstance(raw[key], str):
                    return reject(f"{where}: {key} must be a string")
                span[key] = raw[key]
        kb_id = raw.get("kb_id")
        if kb_id is not None and (not isinstance(kb_id, str) or not kb_id):
            return reject(f"{where}: kb_id must be a non-empty string")
        if kb_id is not None and kb_id != NO_LINK and accepted:
            span["entity"] = _entity(kb_id, text, span)
        spans.append(span)
    problem = _accepted_link(obj, text, spans) if accepted else None
    if problem:
        return reject(problem)
    relations = []
    raw_relations = (obj.get("relations") or []) if accepted else []
    if not isinstance(raw_relations, list):
        return reject('"relations" must be a list')
    for n, raw in enumerate(raw_relations, 1):
        rel = _relation(n, raw, spans)
        if isinstance(rel, str):
            return reject(rel)
        relations.append(rel)
    for rel in relations:  # ids only where a relation needs them (the store draws the others)
        for role in ("head", "child"):
            rel[role] = rel[role].setdefault("id", new_id())

    return Draft(
        text=text,
        path=path,
        line=line,
        meta=dict(meta),
        id=None if doc_id is None else str(doc_id),
        spans=spans,
        relations=relations,
        status=status,
        shape="prodigy",
        answer=given,
        # Prodigy's own output (it hashes every input) or an answer that is no annotation: a
        # later task of the same text belongs to the same document. Hand-written records of one
        # text stay duplicates.
        joins=not accepted or "_input_hash" in obj,
    )


NO_LINK = "NIL"  # Prodigy's and spaCy's "no knowledge-base entry"


def _entity(kb_id: str, text: str, span: dict) -> dict:
    start, end = span["start"], span["end"]
    name = span.get("text") or (text[start:end] if 0 <= start < end <= len(text) else kb_id)
    return {"id": kb_id, "name": name, "type": span["label"]}


def _accepted_link(obj: dict, text: str, spans: list[dict]) -> str | None:
    """nel.manual: one span, the knowledge-base ids as "options", the chosen one in "accept"."""
    options, accepted = obj.get("options"), obj.get("accept")
    if not isinstance(options, list) or not isinstance(accepted, list) or len(spans) != 1 or "entity" in spans[0]:
        return None
    ids = {o.get("id") for o in options if isinstance(o, dict)}
    chosen = [a for a in accepted if a in ids and a != NO_LINK]
    if len(chosen) > 1:
        return f"accept names {len(chosen)} knowledge-base entries for one span"
    if chosen and isinstance(chosen[0], str) and chosen[0]:
        spans[0]["entity"] = _entity(chosen[0], text, spans[0])
    return None


def _relation(n: int, raw, spans: list[dict]) -> dict | str:
    """A rel.manual relation between two of `spans` (its head_span and child_span, added when
    only the relation labels them), as the span dicts themselves, or why not."""
    where = f"relation {n}"
    if not isinstance(raw, dict):
        return f"{where} must be an object"
    label = raw.get("label")
    if not isinstance(label, str) or not label:
        return f"{where}: label must be a non-empty string"
    ends = []
    for role in ("head_span", "child_span"):
        given = raw.get(role)
        if not isinstance(given, dict) or not _is_int(given.get("start")) or not _is_int(given.get("end")):
            return f"{where}: {role} must be an object with integer start and end"
        if not isinstance(given.get("label"), str) or not given["label"]:
            return (f"{where}: its {role.split('_')[0]} is a token without a span label; annotator keeps "
                    "relations between labelled spans only")
        found = next((s for s in spans if (s["start"], s["end"], s["label"]) ==
                      (given["start"], given["end"], given["label"])), None)
        if found is None:  # rel.manual may label a span only inside the relation
            found = {"start": given["start"], "end": given["end"], "label": given["label"]}
            spans.append(found)
        ends.append(found)
    rel = {"head": ends[0], "child": ends[1], "label": label}
    if isinstance(raw.get("id"), str) and raw["id"]:  # annotator's own export names its relations
        rel["id"] = raw["id"]
    return rel
