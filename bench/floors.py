"""The floors: what plain sqlite3 + json can do with the same data, no annotator code in the loop
except the schema (annotator.store.migrations) and the connection pragmas.

- insert: the same rows annotator's Project.add_documents writes, prepared in memory
  beforehand, written with executemany in ONE transaction;
- parse: reading the JSONL file and building those rows (json.loads, sha256 of the text,
  meta as JSON), timed apart so the comparison can be made with and without it;
- read: documents + spans (+ relations, entities) read with raw SQL and written as one
  json.dumps line per document, the same dict the native exporter writes.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from annotator.core.schema import Schema
from annotator.store import migrations
from annotator.store.connection import BUSY_TIMEOUT_MS

STAMP = "2024-01-01T00:00:00.000Z"  # what the importer writes as created/updated is "now"


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def connect(path: Path, readonly: bool = False) -> sqlite3.Connection:
    """A raw connection with the pragmas of annotator.store.connection (explicit transactions)."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    if not readonly:
        conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    if readonly:
        conn.execute("PRAGMA query_only=ON")
    return conn


def create_database(path: Path, schema: Schema) -> sqlite3.Connection:
    """A fresh file with the project's SQL schema and label rows (the spans' foreign keys need
    them), ready for the timed inserts."""
    conn = connect(path)
    migrations.migrate(conn, None, 0)
    conn.execute("BEGIN IMMEDIATE")
    for lpos, layer in enumerate(schema.layers):
        conn.execute("INSERT INTO layers (name, overlap, description, position) VALUES (?, ?, ?, ?)",
                     (layer.name, layer.overlap, layer.description, lpos))
    conn.executemany(
        "INSERT INTO labels (name, layer, color, key, guideline, position) VALUES (?, ?, ?, ?, ?, ?)",
        [(lab.name, lab.layer, lab.color, lab.key, lab.guideline, i) for i, lab in enumerate(schema.labels())],
    )
    conn.execute("COMMIT")
    return conn


class Rows:
    """Rows for the documents, entities, spans and relations tables."""

    def __init__(self):
        self.documents: list[tuple] = []
        self.entities: dict[str, tuple] = {}
        self.spans: list[tuple] = []
        self.relations: list[tuple] = []


def parse(jsonl: Path) -> Rows:
    """The JSONL file as table rows (no validation beyond what json.loads does)."""
    rows = Rows()
    docs, spans, entities = rows.documents, rows.spans, rows.entities
    with open(jsonl, "rb") as fh:
        for seq, line in enumerate(fh, 1):
            obj = json.loads(line)
            doc_id, text = obj["id"], obj["text"]
            docs.append((doc_id, seq, text, hashlib.sha256(text.encode("utf-8")).hexdigest(),
                         _dumps(obj["meta"]), obj["status"], STAMP, STAMP))
            for s in obj["spans"]:
                ent = s["entity"]
                if ent is not None and ent["id"] not in entities:
                    entities[ent["id"]] = (ent["id"], ent["type"], ent["name"], STAMP, STAMP)
                spans.append((s["id"], doc_id, s["start"], s["end"], s["text"], s["layer"], s["label"],
                              ent["id"] if ent else None, _dumps(s["attrs"]) if s["attrs"] else "{}",
                              s["annotator"], s["created"], s["updated"]))
            for r in obj["relations"]:
                rows.relations.append((r["id"], doc_id, r["head"], r["child"], r["label"], "", STAMP, STAMP))
    return rows


def insert(conn: sqlite3.Connection, rows: Rows) -> None:
    """The statements of Project.add_documents, in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        "INSERT OR IGNORE INTO entities (id, type, name, aliases, created, updated) VALUES (?, ?, ?, '[]', ?, ?)",
        rows.entities.values(),
    )
    conn.executemany(
        "INSERT INTO documents (id, seq, text, content_hash, meta, status, created, updated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows.documents,
    )
    conn.executemany(
        'INSERT INTO spans (id, doc_id, start, "end", text, layer, label, entity_id, attrs, annotator, '
        "created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows.spans,
    )
    conn.executemany(
        "INSERT INTO relations (id, doc_id, head, child, label, annotator, created, updated) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows.relations,
    )
    conn.execute("COMMIT")


# -- reading --------------------------------------------------------------------------------

_SPAN_COLS = ('s.id, s.start, s."end", s.text, s.layer, s.label, s.entity_id, e.name, e.type, s.attrs, '
              "s.annotator, s.created, s.updated")


def _span(row) -> dict:
    sid, start, end, text, layer, label, eid, ename, etype, attrs, annotator, created, updated = row
    return {"id": sid, "start": start, "end": end, "text": text, "layer": layer, "label": label,
            "entity": {"id": eid, "name": ename, "type": etype} if eid else None,
            "attrs": json.loads(attrs) if attrs != "{}" else {},
            "annotator": annotator, "created": created, "updated": updated}


def _relations(conn) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for doc_id, rid, head, child, label in conn.execute(
        "SELECT doc_id, id, head, child, label FROM relations ORDER BY doc_id, id"
    ):
        found.setdefault(doc_id, []).append({"id": rid, "head": head, "child": child, "label": label})
    return found


def _record(doc_id, text, meta, status, spans, relations) -> dict:
    return {"id": doc_id, "text": text, "meta": json.loads(meta), "status": status, "spans": spans,
            "relations": relations, "schema_version": 1}


def read_per_document(path: Path, out: Path) -> int:
    """One documents query, then one spans query per document (what annotator does)."""
    conn = connect(path, readonly=True)
    span_sql = (f"SELECT {_SPAN_COLS} FROM spans s LEFT JOIN entities e ON e.id = s.entity_id "
                'WHERE s.doc_id = ? ORDER BY s.start, s."end" DESC, s.layer, s.label, s.id')
    n = 0
    try:
        relations = _relations(conn)
        with open(out, "w", encoding="utf-8", newline="\n") as fh:
            for doc_id, text, meta, status in conn.cursor().execute(
                "SELECT id, text, meta, status FROM documents ORDER BY seq"
            ):
                spans = [_span(row) for row in conn.execute(span_sql, (doc_id,))]
                fh.write(json.dumps(_record(doc_id, text, meta, status, spans, relations.get(doc_id, [])),
                                    ensure_ascii=False))
                fh.write("\n")
                n += 1
    finally:
        conn.close()
    return n


def read_merged(path: Path, out: Path) -> int:
    """Two streaming queries, documents and all spans, both in document order, merged in Python.

    Ordering spans by (seq, start, end DESC, ...) makes SQLite sort; that is part of the floor.
    """
    conn = connect(path, readonly=True)
    n = 0
    try:
        relations = _relations(conn)
        span_rows = conn.cursor().execute(
            f"SELECT d.seq, {_SPAN_COLS} FROM documents d JOIN spans s ON s.doc_id = d.id "
            'LEFT JOIN entities e ON e.id = s.entity_id ORDER BY d.seq, s.start, s."end" DESC, s.layer, s.label, s.id'
        )
        pending = next(span_rows, None)
        with open(out, "w", encoding="utf-8", newline="\n") as fh:
            for seq, doc_id, text, meta, status in conn.cursor().execute(
                "SELECT seq, id, text, meta, status FROM documents ORDER BY seq"
            ):
                spans = []
                while pending is not None and pending[0] == seq:
                    spans.append(_span(pending[1:]))
                    pending = next(span_rows, None)
                fh.write(json.dumps(_record(doc_id, text, meta, status, spans, relations.get(doc_id, [])),
                                    ensure_ascii=False))
                fh.write("\n")
                n += 1
    finally:
        conn.close()
    return n


READERS = {"per-document": read_per_document, "merged": read_merged}


def read_prodigy_same_output(path: Path, out: Path) -> int:
    """Not a floor of the goal, a reference: the merged raw read plus annotator's tokenize()
    and the same Prodigy task dict, so it writes what the Prodigy exporter writes. The gap
    between this and the exporter is the exporter's own overhead; the gap between this and the
    raw read is the inherent cost of tokens (tokenisation + ~400 token dicts per document)."""
    from annotator.core.tokenize import tokenize

    conn = connect(path, readonly=True)
    n = 0
    try:
        span_rows = conn.cursor().execute(
            'SELECT d.seq, s.start, s."end", s.label, s.layer FROM documents d JOIN spans s ON s.doc_id = d.id '
            'ORDER BY d.seq, s.start, s."end" DESC, s.layer, s.label, s.id'
        )
        pending = next(span_rows, None)
        with open(out, "w", encoding="utf-8", newline="\n") as fh:
            for seq, doc_id, text, meta in conn.cursor().execute(
                "SELECT seq, id, text, meta FROM documents ORDER BY seq"
            ):
                spans = []
                while pending is not None and pending[0] == seq:
                    spans.append(pending[1:])
                    pending = next(span_rows, None)
                tokens = tokenize(text, [s[0] for s in spans], [s[1] for s in spans])
                first = {t.start: i for i, t in enumerate(tokens)}
                last = {t.end: i for i, t in enumerate(tokens)}
                task = {
                    "id": doc_id, "text": text, "meta": json.loads(meta),
                    "tokens": [{"text": t.text, "start": t.start, "end": t.end, "id": i, "ws": t.ws}
                               for i, t in enumerate(tokens)],
                    "spans": [{"start": s, "end": e, "label": lab, "token_start": first[s], "token_end": last[e],
                               "layer": layer} for s, e, lab, layer in spans],
                    "answer": "accept",
                }
                fh.write(json.dumps(task, ensure_ascii=False))
                fh.write("\n")
                n += 1
    finally:
        conn.close()
    return n
