"""Canonical entities and the spans that mention them (the caller holds the transaction)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from annotator.core.model import Entity, now
from annotator.store.errors import ProjectError
from annotator.store.rows import chunks, dumps, marks


class Entities:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def list(self, ids: Iterable[str] = ()) -> list[Entity]:
        """Canonical entities with their mention and document counts, by name."""
        ids = tuple(ids)
        where = f"WHERE e.id IN ({marks(ids)})" if ids else ""
        return [
            Entity(eid, etype, name, json.loads(aliases), mentions, docs)
            for eid, etype, name, aliases, mentions, docs in self.conn.execute(
                "SELECT e.id, e.type, e.name, e.aliases, count(s.id), count(DISTINCT s.doc_id) FROM entities e "
                f"LEFT JOIN spans s ON s.entity_id = e.id {where} GROUP BY e.id ORDER BY e.name, e.id",
                ids,
            )
        ]

    def get(self, entity_id: str) -> Entity:
        found = self.list([entity_id])
        if not found:
            raise ProjectError(f"no entity {entity_id!r}", "no_entity", entity_id=entity_id)
        return found[0]

    def insert(self, entity: Entity) -> None:
        stamp = now()
        self.conn.execute(
            "INSERT INTO entities (id, type, name, aliases, created, updated) VALUES (?, ?, ?, ?, ?, ?)",
            [entity.id, entity.type, entity.name, dumps(entity.aliases), stamp, stamp],
        )

    def update(self, entity: Entity) -> None:
        cur = self.conn.execute(
            "UPDATE entities SET type = ?, name = ?, aliases = ?, updated = ? WHERE id = ?",
            [entity.type, entity.name, dumps(entity.aliases), now(), entity.id],
        )
        if cur.rowcount != 1:
            raise ProjectError(f"no entity {entity.id!r}", "no_entity", entity_id=entity.id)

    def delete(self, entity_id: str) -> None:
        """Deletes the entity; spans linked to it keep their text and lose the link (ON DELETE SET NULL)."""
        self.conn.execute("DELETE FROM entities WHERE id = ?", [entity_id])

    def mentions(self, entity_id: str) -> list[str]:
        """Ids of the spans linked to an entity, by id."""
        return [row[0] for row in self.conn.execute("SELECT id FROM spans WHERE entity_id = ? ORDER BY id",
                                                    [entity_id])]

    def mention_locations(self, entity_id: str) -> list[tuple[str, str]]:
        """(document id, span id) of every span linked to an entity, in project order then by start."""
        return self.conn.execute(
            "SELECT s.doc_id, s.id FROM spans s JOIN documents d ON d.id = s.doc_id WHERE s.entity_id = ? "
            "ORDER BY d.seq, s.start, s.id", [entity_id]).fetchall()

    def link_spans(self, span_ids: Iterable[str], entity_id: str | None) -> None:
        stamp = now()
        for chunk in chunks(list(span_ids)):
            self.conn.execute(f"UPDATE spans SET entity_id = ?, updated = ? WHERE id IN ({marks(chunk)})",
                              [entity_id, stamp, *chunk])
