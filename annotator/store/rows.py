"""How core objects are stored in rows, shared by the repositories (one encoding per column)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence

from annotator.core.model import EntityRef, Relation, Span

SQL_VARS = 900  # stay below SQLite's bound-parameter limit in IN (...) lists


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def marks(values: Sequence) -> str:
    """The placeholders of an IN (...) list of these values."""
    return ",".join("?" * len(values))


def chunks(values: Sequence) -> Iterator[Sequence]:
    """`values` in pieces small enough for one IN (...) list each."""
    for i in range(0, len(values), SQL_VARS):
        yield values[i : i + SQL_VARS]


SPAN_INSERT = ('INSERT INTO spans (id, doc_id, start, "end", text, layer, label, entity_id, attrs, annotator, '
               "created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
RELATION_INSERT = ("INSERT INTO relations (id, doc_id, head, child, label, annotator, created, updated) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
RELATION_COLUMNS = "id, head, child, label, annotator, created, updated"
# Joined with the entity for its name and type (a Span carries an EntityRef, not an id).
SPAN_SELECT = ('SELECT s.id, s.start, s."end", s.text, s.layer, s.label, s.entity_id, e.name, e.type, s.attrs, '
               "s.annotator, s.created, s.updated FROM spans s LEFT JOIN entities e ON e.id = s.entity_id")
SPAN_ORDER = 'ORDER BY s.start, s."end" DESC, s.layer, s.label, s.id'


def _stamped(value: str, stamp: str | None) -> str:
    # Imported objects may come without times (stamped now); a user's action sets its own.
    return value if stamp is None else (value or stamp)


def span_params(doc_id: str, span: Span, stamp: str | None = None) -> tuple:
    return (span.id, doc_id, span.start, span.end, span.text, span.layer, span.label,
            span.entity.id if span.entity else None, attrs_json(span), span.annotator,
            _stamped(span.created, stamp), _stamped(span.updated, stamp))


def relation_params(doc_id: str, relation: Relation, stamp: str | None = None) -> tuple:
    return (relation.id, doc_id, relation.head, relation.child, relation.label, relation.annotator,
            _stamped(relation.created, stamp), _stamped(relation.updated, stamp))


def attrs_json(span: Span) -> str:
    return dumps(span.attrs) if span.attrs else "{}"


def span_from_row(row: sqlite3.Row | tuple) -> Span:
    sid, start, end, text, layer, label, eid, ename, etype, attrs, annotator, created, updated = row
    return Span(sid, start, end, text, layer, label, EntityRef(eid, ename, etype) if eid else None,
                json.loads(attrs) if attrs != "{}" else {}, annotator, created, updated)
