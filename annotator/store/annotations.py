"""Single spans and relations: the window's actions (the caller holds the transaction)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from annotator.core.model import Relation, Span
from annotator.store.errors import ProjectError
from annotator.store.rows import (RELATION_COLUMNS, RELATION_INSERT, SPAN_INSERT, attrs_json, relation_params,
                                  span_params)


class Annotations:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def insert_span(self, doc_id: str, span: Span) -> None:
        self.conn.execute(SPAN_INSERT, span_params(doc_id, span))

    def update_span(self, span: Span) -> None:
        """Stores a span's label, layer, entity link and attributes (its offsets never change)."""
        cur = self.conn.execute(
            "UPDATE spans SET layer = ?, label = ?, entity_id = ?, attrs = ?, annotator = ?, updated = ? "
            "WHERE id = ?",
            [span.layer, span.label, span.entity.id if span.entity else None, attrs_json(span), span.annotator,
             span.updated, span.id],
        )
        if cur.rowcount != 1:
            raise ProjectError(f"no span {span.id!r}", "no_span", span_id=span.id)

    def delete_span(self, span_id: str) -> None:
        """Deletes the span; its relations go with it (ON DELETE CASCADE)."""
        if self.conn.execute("DELETE FROM spans WHERE id = ?", [span_id]).rowcount != 1:
            raise ProjectError(f"no span {span_id!r}", "no_span", span_id=span_id)

    def insert_relations(self, doc_id: str, relations: Iterable[Relation]) -> None:
        self.conn.executemany(RELATION_INSERT, [relation_params(doc_id, r) for r in relations])

    def span_relations(self, span_id: str) -> list[Relation]:
        """The relations a span is the head or the child of, by id."""
        return [Relation(*row) for row in self.conn.execute(
            f"SELECT {RELATION_COLUMNS} FROM relations WHERE head = ? OR child = ? ORDER BY id", [span_id, span_id])]

    def delete_relation(self, relation_id: str) -> None:
        self.conn.execute("DELETE FROM relations WHERE id = ?", [relation_id])
