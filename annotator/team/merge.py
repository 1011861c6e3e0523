"""`annotator merge`: bring per-annotator package files back into the project they came from.

Everything in a package is its annotator's set (whatever name the analyst's window recorded on
the spans), so merging replaces that annotator's set of each of the package's documents (its
spans, relations, status and the suggestions the analyst rejected) and changes nothing else. Merging the same package again changes nothing; a document whose set came
from a newer package of the same annotator keeps it (the newer work stays). A package of another
project, or one holding a document the project lacks, is refused whole. All packages are merged
in one transaction: every one of them, or (on any refusal or failure) none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.model import Document
from annotator.store.documents import SpanFilter
from annotator.store.errors import ProjectError
from annotator.store.interface import Store
from annotator.store.project import Project
from annotator.store.set_content import free_ids, same_content
from annotator.team.package_info import PackageInfo


@dataclass
class MergedPackage:
    path: Path
    annotator: str
    documents: int = 0
    changed: int = 0  # documents whose set is different now
    spans: int = 0  # in the package's sets
    relations: int = 0
    entities_added: int = 0  # canonical entities the analyst created
    kept_newer: int = 0  # documents whose set came from a newer package of the annotator: kept
    rejections: int = 0  # suggestions the analyst dismissed in the package, now theirs in the project


@dataclass
class MergeReport:
    packages: list[MergedPackage] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return sum(p.changed for p in self.packages)


def merge(project: Store, paths: Iterable[Path]) -> MergeReport:
    project_id = project.info().get("project_id")
    report = MergeReport()
    packages: list[tuple[Path, PackageInfo]] = []
    for path in paths:  # every package is checked before anything is written
        path = Path(path)
        with Project.open(path, readonly=True) as package:
            info = PackageInfo.of(package.info())
        if info is None:
            raise ProjectError(f"{path} is a project, not a package made by `annotator assign`",
                               "not_a_package", path=path)
        if info.project_id != project_id:
            raise ProjectError(f"{path} is a package of another project", "package_of_other", path=path)
        packages.append((path, info))
    packages.sort(key=lambda item: item[1].created)  # named in any order, the newer work wins
    with project.transaction():
        for path, info in packages:
            result = MergedPackage(path, info.annotator)
            report.packages.append(result)
            with Project.open(path, readonly=True) as package:
                _take_entities(project, package, result)
                batch: list[Document] = []
                for doc in package.iter_documents():  # a few hundred documents in memory at a time
                    batch.append(doc)
                    if len(batch) == 200:
                        _merge_documents(project, package, info, batch, result)
                _merge_documents(project, package, info, batch, result)
            project.record_package(info.package_id, info.annotator, info.created, result.documents)
    return report


def _take_entities(project: Store, package: Store, result: MergedPackage) -> None:
    entities = package.entities()
    known = {e.id for e in project.entities(ids=[e.id for e in entities])}
    for entity in entities:
        if entity.id not in known:
            project.insert_entity(entity)
            result.entities_added += 1


def _merge_documents(project: Store, package: Store, info: PackageInfo, docs: list[Document],
                     result: MergedPackage) -> None:
    name = info.annotator
    by_hash = project.stored_ids_by_hash([d.content_hash for d in docs])
    missing = [d.id for d in docs if d.content_hash not in by_hash]
    if missing:
        raise ProjectError(f"{result.path}: {len(missing)} documents are not in the project (first: {missing[0]})",
                           "package_document_missing", path=result.path, count=len(missing), doc_id=missing[0])
    homes = [by_hash[d.content_hash] for d in docs]
    sets, sources = project.document_sets(homes), project.set_sources(homes)
    for doc in docs:
        home = by_hash[doc.content_hash]
        if sources.get(home, {}).get(name, "") > info.created:
            result.documents += 1
            result.kept_newer += 1
            continue
        current = project.get_document(home, SpanFilter(annotators=(name,)))
        # Everything in a package is its annotator's set, whatever name the analyst's window
        # recorded on the spans.
        spans, relations = free_ids(project, current, [replace(s, annotator=name) for s in doc.spans],
                                    [replace(r, annotator=name) for r in doc.relations])
        result.documents += 1
        result.spans += len(spans)
        result.relations += len(relations)
        gained, dropped = _merge_rejections(project, package, doc.id, home, name)
        result.rejections += gained
        if (sets.get(home, {}).get(name) == doc.status and sources.get(home, {}).get(name) == info.created
                and same_content(current, spans, relations)):
            result.changed += bool(gained or dropped)
            continue
        project.replace_set(home, name, spans, relations, doc.status, info.created)
        result.changed += 1
    docs.clear()


def _merge_rejections(project: Store, package: Store, package_doc: str, home: str, name: str) -> tuple[int, int]:
    """The annotator's rejections in the project become the package's (those the project holds
    for everyone stay as they are); returns how many the analyst's set gained and lost."""
    shared = project.rejections(home, "")
    wanted = package.rejections(package_doc, name) - shared
    own = project.rejections(home, name) - shared
    if gone := own - wanted:  # un-rejected in the package (undone there)
        project.unreject_suggestions(home, gone, name)
    gained = project.reject_suggestions(home, wanted - own, name) if wanted - own else []
    return len(gained), len(gone)
