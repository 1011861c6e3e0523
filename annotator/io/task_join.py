"""A later task of a text joins the document an earlier task of it made (Prodigy writes one task
per question, many per text): its spans are added where the layer's overlap rule lets them,
its relations follow their spans, its rejected keys are added. What is not kept is said as a
warning of the joining task, never silently."""

from __future__ import annotations

from annotator.core import rules
from annotator.core.model import Document, Relation, Span, new_id
from annotator.core.schema import Schema
from annotator.io.pipeline import Prepared


def join(doc: Document, keys: list[tuple], incoming: Prepared, schema: Schema, *,
         fresh_ids: bool = False) -> tuple[list[Span], list[Relation]]:
    """Add `incoming`'s spans, relations and rejected keys to `doc` and `keys` (in place);
    returns the spans and relations added. With `fresh_ids` (a document already stored) the
    added ones get new ids, as the stored ones may hold theirs."""
    draft = incoming.draft
    kept_as: dict[str, str] = {}  # incoming span id -> the id it has in `doc`
    added: list[Span] = []
    for span in incoming.doc.spans:
        near = [s for s in doc.spans if s.layer == span.layer and s.start < span.end and span.start < s.end]
        problem = rules.overlap_problem(schema.layer(span.layer), near, span)
        where = {"start": span.start, "end": span.end, "label": span.label}
        if problem is not None and problem.code == "duplicate_span":
            same = (span.start, span.end, span.label)
            kept_as[span.id] = next(s.id for s in near if (s.start, s.end, s.label) == same)
            draft.warn(f"span {span.start}-{span.end} {span.label} is already in the document of this text "
                       "(an earlier task); kept once", "task_duplicate_span", where)
            continue
        if problem is not None:
            other = next((s for s in near if rules.overlap_problem(schema.layer(span.layer), [s], span)), near[0])
            draft.warn(f"span {span.start}-{span.end} {span.label} is not kept: it crosses {other.label} "
                       f"{other.start}-{other.end} of an earlier task of this text, which layer {span.layer} "
                       "does not allow", "task_overlap",
                       {**where, "other": f"{other.label} {other.start}-{other.end}", "layer": span.layer})
            continue
        old = span.id
        if fresh_ids:
            span.id = new_id()
        kept_as[old] = span.id
        doc.spans.append(span)
        added.append(span)
    doc.spans.sort(key=Span.sort_key)
    have = {(r.head, r.child, r.label) for r in doc.relations}
    relations: list[Relation] = []
    for rel in incoming.doc.relations:
        if rel.head not in kept_as or rel.child not in kept_as:
            draft.warn(f"relation {rel.label} is not kept: one of its spans was not", "task_relation",
                       {"label": rel.label})
            continue
        rel.head, rel.child = kept_as[rel.head], kept_as[rel.child]
        if (rel.head, rel.child, rel.label) in have:
            continue  # the same relation, asked again
        have.add((rel.head, rel.child, rel.label))
        if fresh_ids:
            rel.id = new_id()
        doc.relations.append(rel)
        relations.append(rel)
    keys.extend(key for key in incoming.rejected_keys if key not in keys)
    return added, relations
