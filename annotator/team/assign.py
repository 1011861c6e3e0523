"""`annotator assign`: one project file per annotator, holding the documents given to them.

Each analyst works offline in their own file (the window works as the package's annotator); the
files come back with `annotator merge`. Who gets what is reproducible: the shared fraction
(`overlap`) is the documents with the lowest hash of (project id, document id), and every
document goes to the annotators with the fewest documents so far, in the order named.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.model import Document, new_id, now
from annotator.store.documents import SpanFilter
from annotator.store.errors import ProjectError
from annotator.store.interface import Store
from annotator.store.project import SUFFIX, Project
from annotator.store.project_file import remove_new_file
from annotator.store.rows import chunks
from annotator.store.sets import GOLD
from annotator.team.package_info import PackageInfo

_UNSAFE = re.compile(r"[^\w.-]+")


@dataclass
class Package:
    annotator: str
    path: Path
    documents: list[str] = field(default_factory=list)
    shared: int = 0  # of them, documents someone else also has


def annotator_names(names: Iterable[str]) -> list[str]:
    """The names as given, checked: none empty, none twice, none the gold set's."""
    found: list[str] = []
    for raw in names:
        name = raw.strip()
        if not name:
            raise ProjectError("an annotator name is empty", "annotator_empty")
        if name == GOLD:
            raise ProjectError(f"{GOLD!r} is the adjudicated set, not an annotator", "annotator_gold", name=name)
        if name in found:
            raise ProjectError(f"annotator {name!r} is named twice", "annotator_twice", name=name)
        found.append(name)
    if not found:
        raise ProjectError("no annotators named", "annotator_empty")
    return found


def plan(doc_ids: list[str], annotators: list[str], overlap: float, copies: int, seed: str) -> dict[str, list[str]]:
    """doc id -> the annotators who get it."""
    if not 0 <= overlap <= 1:
        raise ProjectError(f"overlap must be between 0 and 1, not {overlap}", "overlap_range", overlap=overlap)
    copies = max(1, min(copies, len(annotators)))
    ranked = sorted(doc_ids, key=lambda d: hashlib.sha256(f"{seed}\0{d}".encode()).digest())
    shared = set(ranked[:round(overlap * len(doc_ids))]) if copies > 1 else set()
    load = dict.fromkeys(annotators, 0)
    order = {a: n for n, a in enumerate(annotators)}
    chosen: dict[str, list[str]] = {}
    for doc_id in doc_ids:
        takers = sorted(annotators, key=lambda a: (load[a], order[a]))[:copies if doc_id in shared else 1]
        for a in takers:
            load[a] += 1
        chosen[doc_id] = sorted(takers, key=order.get)
    return chosen


def file_name(annotator: str) -> str:
    return (_UNSAFE.sub("_", annotator).strip("._") or "annotator") + SUFFIX


def assign(project: Store, annotators: Iterable[str], out_dir: Path, *, overlap: float = 0.0, copies: int = 2,
           statuses: Iterable[str] = ()) -> list[Package]:
    """Write `out_dir/<annotator>.annotator` for each annotator: the project's schema and
    canonical entities, and for each of their documents its text, metadata, stored suggestions,
    rejections and the annotator's own set (so a second round continues where they were).
    Refuses, before writing anything, a file that exists."""
    names = annotator_names(annotators)
    info = project.info()
    project_id = info.get("project_id")
    if not project_id:
        raise ProjectError(f"{project.path} has no project id (open it for writing once)", "no_project_id")
    statuses = tuple(statuses)
    doc_ids = [row[0] for row in project.document_rows() if not statuses or row[2] in statuses]
    chosen = plan(doc_ids, names, overlap, copies, project_id)
    out_dir = Path(out_dir)
    packages = {a: Package(a, out_dir / file_name(a)) for a in names}
    paths = [p.path for p in packages.values()]
    if len({os.path.normcase(p.name) for p in paths}) < len(paths):
        raise ProjectError("two annotator names give the same file name", "annotator_file_clash")
    for path in paths:
        if path.exists() or path.is_symlink():
            raise ProjectError(f"{path} exists; choose a new folder", "package_exists", path=path)
    for doc_id, takers in chosen.items():
        for a in takers:
            packages[a].documents.append(doc_id)
            packages[a].shared += len(takers) > 1
    out_dir.mkdir(parents=True, exist_ok=True)
    entities = project.entities()
    created = now()
    for package in packages.values():
        _write(project, package, PackageInfo(project_id, new_id(), package.annotator, created), entities,
               info.get("name", project.path.stem))
    return list(packages.values())


def _write(project: Store, package: Package, info: PackageInfo, entities, name: str) -> None:
    target = Project.create(package.path, project.schema, name=f"{name} ({package.annotator})")
    try:
        with target.transaction():
            target.set_info(info.items())
            for entity in entities:
                target.insert_entity(entity)
            own = SpanFilter(annotators=(package.annotator,))
            for ids in chunks(package.documents):  # in project order, a few hundred at a time
                statuses = project.document_sets(ids)
                docs: list[Document] = []
                for doc in project.iter_documents(ids=ids, spans=own):
                    doc.status = statuses.get(doc.id, {}).get(package.annotator, "new")
                    docs.append(doc)
                _add(project, target, docs, package.annotator)
    except BaseException:
        target.close()
        remove_new_file(package.path)
        raise
    target.close()


def _add(project: Store, target: Project, docs: list[Document], annotator: str) -> None:
    target.add_documents(docs)
    for doc in docs:
        if suggestions := project.suggestions(doc.id):
            target.insert_suggestions(doc.id, suggestions)
        if rejections := project.rejections(doc.id, annotator):  # theirs and everyone's, not another set's
            target.reject_suggestions(doc.id, rejections)
    docs.clear()
