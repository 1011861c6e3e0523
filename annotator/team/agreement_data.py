"""The project's annotation sets as the agreement computation (core/agreement.py) takes them."""

from __future__ import annotations

from collections.abc import Iterator

from annotator.core import rules
from annotator.core.agreement import AgreementReport, AnnotatedDocument, claimant_keys, compute_agreement
from annotator.core.schema import NOTE
from annotator.store.interface import Store
from annotator.store.rows import chunks
from annotator.store.sets import GOLD


def annotated_documents(project: Store, with_gold: bool = False) -> Iterator[AnnotatedDocument]:
    """Every document with two or more annotators' sets (the gold set too with `with_gold`),
    each set with its spans (an empty list for a set that has only a status) and claimants."""
    relation_names = _relation_names(project)
    sets = {doc_id: [n for n in names if with_gold or n != GOLD]
            for doc_id, names in project.document_sets().items()}
    wanted = [doc_id for doc_id, names in sets.items() if len(names) >= 2]
    for ids in chunks(wanted):
        for doc in project.iter_documents(ids=ids):
            names = sets[doc.id]
            by_set = {name: [s for s in doc.spans if s.annotator == name] for name in names}
            claimants = {}
            for name in names:
                relations = [r for r in doc.relations if r.annotator == name]
                keys: dict[str, str] = {}
                for attribute in relation_names:
                    keys.update(claimant_keys(by_set[name], relations, attribute))
                if keys:
                    claimants[name] = keys
            yield AnnotatedDocument(doc.id, doc.text, by_set, claimants)


def project_agreement(project: Store, *, layer: str | None = None, labels: tuple[str, ...] = (),
                      with_gold: bool = False, top: int = 10) -> AgreementReport:
    # A claimant is compared by who it is (claimant_keys), not again as a plain attribute.
    return compute_agreement(annotated_documents(project, with_gold), layers=[layer] if layer else None,
                             labels=set(labels) or None, ignore_attributes=(NOTE, *_relation_names(project)),
                             top=top)


def _relation_names(project: Store) -> tuple[str, ...]:
    """The schema's relation attributes (a claim's claimant), by name, each once."""
    return tuple(sorted({attr.name for layer in project.schema.layers
                         if (attr := rules.relation_attribute(project.schema, layer.name)) is not None}))
