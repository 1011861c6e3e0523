"""What one annotation set holds, compared and given ids: shared by `annotator merge`
(team/merge.py) and the import of another analyst's native records (io/set_import.py), which
both replace a set of a stored document with spans and relations from elsewhere."""

from __future__ import annotations

from dataclasses import replace

from annotator.core.model import Document, Relation, Span, new_id
from annotator.store.interface import Store


def free_ids(project: Store, current: Document, spans: list[Span], relations: list[Relation],
             used: set[str] | None = None) -> tuple[list[Span], list[Relation]]:
    """`spans` and `relations` with their own ids where free, fresh ones where another set (or,
    with `used`, another row of the same batch, which gains the ids kept) has them. The set being
    replaced (`current`) gives its ids up, so they stay the same across merges and re-imports."""
    extra = used if used is not None else set()
    taken = (project.taken_ids("spans", [s.id for s in spans]) - {s.id for s in current.spans}) | extra
    renamed = {s.id: new_id() for s in spans if s.id in taken}
    spans = [replace(s, id=renamed.get(s.id, s.id)) for s in spans]
    taken = (project.taken_ids("relations", [r.id for r in relations]) - {r.id for r in current.relations}) | extra
    relations = [replace(r, id=new_id() if r.id in taken else r.id, head=renamed.get(r.head, r.head),
                         child=renamed.get(r.child, r.child)) for r in relations]
    if used is not None:
        used.update(s.id for s in spans)
        used.update(r.id for r in relations)
    return spans, relations


def _span_key(span: Span) -> tuple:
    return (span.start, span.end, span.layer, span.label, span.entity.id if span.entity else "",
            repr(sorted(span.attrs.items(), key=lambda kv: kv[0])))


def _content(spans: list[Span], relations: list[Relation]) -> tuple[list, list]:
    by_id = {s.id: _span_key(s) for s in spans}
    return (sorted(by_id.values()),
            sorted((by_id.get(r.head, ()), by_id.get(r.child, ()), r.label) for r in relations))


def same_content(current: Document, spans: list[Span], relations: list[Relation]) -> bool:
    """The same annotations, whatever their ids (a span given a fresh id the first time is the
    same span the second time)."""
    return _content(current.spans, current.relations) == _content(spans, relations)
