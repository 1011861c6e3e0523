"""Stored suggestions: imported pre-annotations (and matches of a find across the corpus) the
analyst accepts or rejects, and the rejections that keep a dismissed suggestion from coming back
(the caller holds the transaction)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from annotator.core.model import EntityRef, Suggestion, now


class Suggestions:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def insert(self, doc_id: str, suggestions: Iterable[Suggestion]) -> None:
        stamp = now()
        self.conn.executemany(
            'INSERT INTO suggestions (id, doc_id, start, "end", text, layer, label, entity_id, source, created) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(s.id, doc_id, s.start, s.end, s.text, s.layer, s.label, s.entity.id if s.entity else None,
              s.source, stamp) for s in suggestions],
        )

    def of_document(self, doc_id: str) -> list[Suggestion]:
        """A document's suggestions by start, longer first."""
        return [
            Suggestion(start, end, text, layer, label, EntityRef(eid, ename, etype) if eid else None, source, sid)
            for sid, start, end, text, layer, label, eid, ename, etype, source in self.conn.execute(
                'SELECT s.id, s.start, s."end", s.text, s.layer, s.label, s.entity_id, e.name, e.type, s.source '
                "FROM suggestions s LEFT JOIN entities e ON e.id = s.entity_id WHERE s.doc_id = ? "
                'ORDER BY s.start, s."end" DESC, s.id',
                [doc_id],
            )
        ]

    def delete(self, ids: Iterable[str]) -> None:
        self.conn.executemany("DELETE FROM suggestions WHERE id = ?", [(i,) for i in ids])

    # -- rejections: (start, end, layer, label) keys dismissed in a document, per set -------
    # A rejection belongs to the annotation set of whoever made it (store/sets.py); those of set
    # '' (made before sets, imported such as Prodigy's "reject" answers) hold for every set.

    def reject(self, doc_id: str, keys: Iterable[tuple], set_name: str = "") -> list[tuple]:
        """Store for `set_name` the keys it does not see rejected yet; return those (so an undo
        removes only them)."""
        keys = list(dict.fromkeys(tuple(k) for k in keys))
        known = self.rejections(doc_id, set_name) if keys else set()
        fresh = [k for k in keys if k not in known]
        stamp = now()
        self.conn.executemany(
            'INSERT INTO rejections (doc_id, set_name, start, "end", layer, label, created) '
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(doc_id, set_name, *key, stamp) for key in fresh],
        )
        return fresh

    def rejections(self, doc_id: str, set_name: str | None = None) -> set[tuple]:
        """The keys set `set_name` sees rejected: its own and those of set ''; None: every set's."""
        sql, params = 'SELECT start, "end", layer, label FROM rejections WHERE doc_id = ?', [doc_id]
        if set_name is not None:
            sql += " AND set_name IN (?, '')"
            params.append(set_name)
        return set(self.conn.execute(sql, params).fetchall())

    def unreject(self, doc_id: str, keys: Iterable[tuple], set_name: str = "") -> None:
        self.conn.executemany(
            'DELETE FROM rejections WHERE doc_id = ? AND set_name = ? AND start = ? AND "end" = ? AND layer = ? '
            "AND label = ?",
            [(doc_id, set_name, *key) for key in keys],
        )
