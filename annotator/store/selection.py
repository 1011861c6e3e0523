"""What an export selection holds, counted in SQL (no document text is read), so the export
dialog can say what a format would lose each time a filter changes."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from annotator.store.documents import SpanFilter
from annotator.store.rows import marks

# An attribute value an exporter writes at all (brat, native): not null, false or the empty
# string. annotator.io.format_loss.carried_value is the same rule for a Document in memory.
_CARRIED = "j.type NOT IN ('null', 'false') AND NOT (j.type = 'text' AND j.atom = '')"


def selection_counts(conn: sqlite3.Connection, statuses: Iterable[str] = (), spans: SpanFilter = SpanFilter()) -> dict:
    """documents (and those with metadata besides the title, which defaults to the first line),
    spans by layer, attribute values by layer, entity links, relations by label and spans that
    nest in or overlap an earlier one of their layer (by layer), of the
    documents with `statuses` (all if empty) and their spans passing `spans` (relations only
    between two such spans, as iter_documents gives)."""
    statuses = tuple(statuses)
    doc_where = f"d.status IN ({marks(statuses)})" if statuses else "1"
    span_where, span_params = spans.sql()
    in_docs = f"FROM spans s JOIN documents d ON d.id = s.doc_id WHERE {doc_where}{span_where}"
    params = [*statuses, *span_params]
    has_meta = "EXISTS (SELECT 1 FROM json_each(d.meta) m WHERE m.key != 'title' AND m.type != 'null')"
    documents, with_meta = conn.execute(
        f"SELECT count(*), count(CASE WHEN {has_meta} THEN 1 END) FROM documents d WHERE {doc_where}",
        statuses).fetchone()
    spans_by_layer, links = {}, 0
    for layer, n, linked in conn.execute(f"SELECT s.layer, count(*), count(s.entity_id) {in_docs} GROUP BY s.layer",
                                         params):
        spans_by_layer[layer] = n
        links += linked
    attrs_by_layer = dict(conn.execute(
        f"SELECT s.layer, count(*) FROM spans s JOIN documents d ON d.id = s.doc_id, json_each(s.attrs) j "
        f"WHERE {doc_where}{span_where} AND {_CARRIED} GROUP BY s.layer", params))
    # A span that starts before some earlier span of its layer ends (in (start, longest first)
    # order): it nests in or overlaps that one, which a flat format (IOB) cannot hold.
    reach = ('max(s."end") OVER (PARTITION BY s.doc_id, s.layer ORDER BY s.start, s."end" DESC '
             "ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)")
    overlapping_by_layer = dict(conn.execute(
        f"SELECT layer, count(*) FROM (SELECT s.layer AS layer, s.start < {reach} AS inside {in_docs}) "
        f"WHERE inside GROUP BY layer", params))
    kept = f"EXISTS (SELECT 1 FROM spans s WHERE s.id = r.{{end}}{span_where})"
    relations_by_label = dict(conn.execute(
        f"SELECT r.label, count(*) FROM relations r JOIN documents d ON d.id = r.doc_id WHERE {doc_where} "
        f"AND {kept.format(end='head')} AND {kept.format(end='child')} GROUP BY r.label",
        [*statuses, *span_params, *span_params]))
    return {"documents": documents, "documents_with_meta": with_meta, "spans_by_layer": spans_by_layer,
            "attrs_by_layer": attrs_by_layer, "entity_links": links, "relations_by_label": relations_by_label,
            "overlapping_by_layer": overlapping_by_layer}
