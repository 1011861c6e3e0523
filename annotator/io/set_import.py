"""Another analyst's work on a text the project has: a native record whose spans all name their
annotator is, per name, that annotator's set of the stored document (store/sets.py). The import
replaces each such set (or adds it) instead of skipping the record as a duplicate; a set that is
the same already is left alone, so importing the same export again changes nothing.

Spans without a name are work nobody can be told apart by: such a record stays a duplicate.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from annotator.core.model import Relation, Span
from annotator.io.pipeline import Prepared
from annotator.io.records import Draft, Rejection
from annotator.store.documents import SpanFilter
from annotator.store.interface import Store
from annotator.store.set_content import free_ids, same_content


def carries_sets(draft: Draft) -> bool:
    """Whether the record, if its text is stored, is its annotators' sets of that document."""
    return (draft.shape == "native" and bool(draft.spans)
            and all(isinstance(raw, dict) and isinstance(raw.get("annotator"), str) and raw["annotator"]
                    for raw in draft.spans))


@dataclass
class SetChange:
    """Set `name` of stored document `doc_id` becomes these spans and relations, with `status`."""

    doc_id: str
    name: str
    spans: list[Span]
    relations: list[Relation]
    status: str
    new: bool  # the document had no set of this name
    draft: Draft


@dataclass
class SetPlan:
    changes: list[SetChange]
    unchanged: int  # sets the record holds exactly as stored (status included)
    refused: list[Rejection]  # records that cannot be split into sets
    # Records that change nothing (every set as stored): duplicates, like any exact duplicate
    same: list[Prepared] = field(default_factory=list)


def plan(project: Store, targets: list[tuple[str, Prepared]], used: set[str]) -> SetPlan:
    """What the records `targets` ((stored document id, prepared record)) change, read before the
    batch's transaction. `used` holds the span and relation ids the batch stores otherwise (and
    gains the ones planned here), so no two rows of one batch get one id."""
    result = SetPlan([], 0, [])
    sets = project.document_sets([doc_id for doc_id, _ in targets])
    for doc_id, prepared in targets:
        doc = prepared.doc
        owner = {s.id: s.annotator for s in doc.spans}
        crossing = next((r for r in doc.relations if owner[r.head] != owner[r.child]), None)
        if crossing is not None:
            result.refused.append(prepared.draft.reject(
                f"relation {crossing.label} links spans of {owner[crossing.head]} and {owner[crossing.child]}: "
                "a relation belongs to one annotator's set", None, "set_relation",
                {"label": crossing.label, "head": owner[crossing.head], "child": owner[crossing.child]}))
            continue
        have = sets.get(doc_id, {})
        planned = len(result.changes)
        for name in sorted(set(owner.values())):
            spans = [s for s in doc.spans if s.annotator == name]
            relations = [replace(r, annotator=name) for r in doc.relations if owner[r.head] == name]
            current = project.get_document(doc_id, SpanFilter(annotators=(name,)))
            if name in have and have[name] == doc.status and same_content(current, spans, relations):
                result.unchanged += 1
                continue
            spans, relations = free_ids(project, current, spans, relations, used)
            result.changes.append(SetChange(doc_id, name, spans, relations, doc.status, name not in have,
                                            prepared.draft))
        if len(result.changes) == planned:
            result.same.append(prepared)
    return result
