"""Importing files into a project: enumerate, read, prepare, skip duplicates (a later Prodigy
task of a text joins its document instead: annotator.io.task_join; a native record of a stored
text whose spans all name their annotator is those annotators' sets: annotator.io.set_import),
store in batches.

Each batch of whole documents is one transaction, so a crash leaves every document either
fully stored or absent, and re-running the import completes it (stored ones are duplicates).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.model import Suggestion, new_id
from annotator.io import IMPORT_FORMATS, format_for_path, importer
from annotator.io.detect import detect
from annotator.io.pipeline import Prepared, Preparer
from annotator.io.records import Draft, Rejection
from annotator.io.set_import import SetPlan, carries_sets, plan as plan_sets
from annotator.io.task_join import join
from annotator.io.txt import not_a_file
from annotator.store.interface import Store

BATCH_DOCS = 500
BATCH_CHARS = 4_000_000


@dataclass
class ImportReport:
    files: int = 0
    documents: int = 0
    spans: int = 0
    relations: int = 0
    duplicates: list[str] = field(default_factory=list)  # "path:line: duplicate of <id>"
    rejected: list[Rejection] = field(default_factory=list)
    # Taken with a change, said and not refused (a doccano span listed twice, kept once): in the
    # shape of a Rejection, for the stored documents only.
    warnings: list[Rejection] = field(default_factory=list)
    skipped_files: list[str] = field(default_factory=list)  # in folders, not an importable type
    skipped_reasons: dict[str, str] = field(default_factory=dict)  # skipped file -> why
    formats: dict[str, int] = field(default_factory=dict)  # documents stored, per detected format
    added_labels: list[str] = field(default_factory=list)  # "layer/LABEL"
    # brat attributes the schema lacked: "layer/name", or "layer/name=value" for a new choice value
    added_attributes: list[str] = field(default_factory=list)
    renamed_ids: int = 0  # documents or spans whose given id was taken
    as_suggestions: bool = False
    suggestions: int = 0  # with --as-suggestions
    dropped_relations: int = 0  # with --as-suggestions: relations are not suggested
    cancelled: bool = False  # stopped by `cancel`: what was stored is whole, the rest was not read
    # Prodigy tasks answered other than accept, by answer: "reject" ones kept as rejected
    # suggestions of their document, "ignore" ones skipped (with --as-suggestions both skipped).
    prodigy_answers: dict[str, int] = field(default_factory=dict)
    joined: int = 0  # accepted tasks of a text read before that joined its document (Prodigy)
    # Native records of stored texts whose spans all name their annotator (io/set_import.py):
    # per document and name, that annotator's set added, replaced, or the same already.
    sets_added: int = 0
    sets_replaced: int = 0
    sets_unchanged: int = 0
    changed_sets: list[tuple[str, str]] = field(default_factory=list)  # (document id, set name)


def expand(paths: Iterable[Path], fmt: str, report: ImportReport, *, encoding: str | None = None,
           text_column: str | None = None) -> Iterator[tuple[Path, str]]:
    """(file, format) for every file named or found below a named folder, in a stable order.

    With fmt "auto" the format is detected from each file's content (annotator.io.detect), the
    same way for a named file and one found in a folder. What no reader takes is rejected when
    named; in a folder (which also holds READMEs and images) it is skipped and listed with the
    reason, and so is plain text under a suffix no format claims. The text of a brat pair is
    read through its .ann, once.

    Only regular files are yielded, each real file once (by device and inode: a link inside the
    folder to a file in it, or a hard link, is not read twice). Everything else is a rejection,
    never opened: pipes, sockets, devices, broken links, link loops, and links that lead out of
    the named folder (a folder import reads that folder, not what its links point at)."""
    seen: dict[tuple[int, int], tuple[str, bool]] = {}  # file -> (as first yielded, reached through its .txt)
    for path in paths:
        path = Path(path)
        try:
            info = path.stat()  # a path named by the user is followed wherever it leads
        except OSError as exc:
            report.rejected.append(Rejection(str(path), None, _stat_failure(path, exc)))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path, fmt, report, seen, encoding, text_column)
            continue
        if (reason := not_a_file(info.st_mode)) is not None:
            report.rejected.append(Rejection(str(path), None, reason))
            continue
        named = path
        if fmt == "auto":
            path, found, reason = _detected(path, encoding, text_column)
            if found is None:
                report.rejected.append(Rejection(str(path), None, reason))
                continue
        else:
            found = fmt
        path, info = _brat_pair(path, info, found)
        if _first_time(path, info, seen, report, via_text=path != named):
            yield path, found


def _detected(path: Path, encoding: str | None, text_column: str | None) -> tuple[Path, str | None, str]:
    """(the file to read, its format or None, why): a .txt with a brat .ann beside it is read
    as that pair, through the .ann."""
    if path.suffix.lower() == ".txt":
        ann = path.with_suffix(".ann")
        if ann.is_file() and detect(ann, encoding=encoding)[0] in ("brat", "txt"):  # an empty .ann is a pair too
            return ann, "brat", "the text of a brat pair"
    found, reason = detect(path, encoding=encoding, text_column=text_column)
    if found is not None and found not in IMPORT_FORMATS:
        return path, None, f"looks like {found} ({reason}), which this version cannot import"
    return path, found, reason


def _walk(root: Path, fmt: str, report: ImportReport, seen: dict, encoding: str | None = None,
          text_column: str | None = None) -> Iterator[tuple[Path, str]]:
    # Depth first over names sorted per folder, a subfolder where its name sorts: the order of
    # sorted(Path), which compares part by part; a stack of listings rather than recursion, so
    # deep trees cannot exhaust Python's recursion limit. Linked folders are never followed
    # (their targets inside the tree are walked where they lie), so the walk cannot loop;
    # `walked` also stops a bind mount of a folder inside itself.
    real_root = os.path.realpath(root)
    walked: set[tuple[int, int]] = set()
    stack = [iter(_listing(root, walked, report))]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue  # hidden: .git, editor and OS files
        child = Path(entry.path)
        try:
            if entry.is_symlink():
                info = _link_target(child, root, real_root, report)
                if info is None or stat.S_ISDIR(info.st_mode):
                    continue
            else:
                info = entry.stat(follow_symlinks=False)
        except OSError as exc:
            report.rejected.append(Rejection(str(child), None, f"cannot read: {exc.strerror or exc}"))
            continue
        if stat.S_ISDIR(info.st_mode):
            stack.append(iter(_listing(child, walked, report)))
            continue
        reason = not_a_file(info.st_mode)
        if reason is not None:
            report.rejected.append(Rejection(str(child), None, reason))
            continue
        named = child
        if fmt != "auto":
            found = fmt
        elif child.name in _BRAT_CONFIG:
            continue  # a brat folder's configuration, read by no one as a document
        else:
            child, found, reason = _detected(child, encoding, text_column)
            if found == "txt" and format_for_path(child) != "txt":
                found, reason = None, "plain text under a suffix no format claims (name the file to import it)"
            if found is None:
                report.skipped_files.append(str(child))
                report.skipped_reasons[str(child)] = reason
                continue
        child, info = _brat_pair(child, info, found)
        if _first_time(child, info, seen, report, via_text=child != named):
            yield child, found


def _listing(folder: Path, walked: set, report: ImportReport) -> list[os.DirEntry]:
    try:
        info = os.stat(folder)
        if (info.st_dev, info.st_ino) in walked:
            report.rejected.append(Rejection(str(folder), None, "folder already walked (a mount loop), skipped"))
            return []
        walked.add((info.st_dev, info.st_ino))
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError as exc:
        report.rejected.append(Rejection(str(folder), None, f"cannot read folder: {exc.strerror or exc}"))
        return []


def _link_target(link: Path, root: Path, real_root: str, report: ImportReport) -> os.stat_result | None:
    """The stat of a link's target inside the tree, or None (rejected, or a folder not followed)."""
    try:
        info = os.stat(link)
    except OSError as exc:
        report.rejected.append(Rejection(str(link), None, _stat_failure(link, exc)))
        return None
    real = os.path.realpath(link)
    kind = "folder" if stat.S_ISDIR(info.st_mode) else "file"
    if os.path.commonpath([real_root, real]) != real_root:
        report.rejected.append(Rejection(str(link), None, f"symbolic link to a {kind} outside {root}, skipped"))
        return None
    return info


def _stat_failure(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop, skipped"
    if exc.errno == errno.ENOENT:
        return "broken symbolic link (its target does not exist), skipped" if path.is_symlink() else "no such file or folder"
    return f"cannot read: {exc.strerror or exc}"


def _brat_pair(path: Path, info: os.stat_result, found: str) -> tuple[Path, os.stat_result]:
    """A brat pair is read once, through its .ann, whichever of its two files led to it."""
    if found != "brat":
        return path, info
    if path.suffix.lower() == ".txt" and path.with_suffix(".ann").is_file():
        path = path.with_suffix(".ann")
    try:
        return path, path.stat()
    except OSError:
        return path, info  # gone meanwhile: its reader says so


def _first_time(path: Path, info: os.stat_result, seen: dict, report: ImportReport, via_text: bool = False) -> bool:
    """Whether this file is read now; a file met again is a duplicate, except a brat pair met
    through its other file (the .ann and the .txt of one pair both lead to the .ann)."""
    key = (info.st_dev, info.st_ino)
    if key in seen:
        first, first_via_text = seen[key]
        if not (first == str(path) and (via_text or first_via_text)):
            report.duplicates.append(f"{path}: same file as {first}")
        return False
    seen[key] = (str(path), via_text)
    return True


_BRAT_CONFIG = ("annotation.conf", "visual.conf", "tools.conf", "kb_shortcuts.conf")
# Formats with many records per file: their progress within a file goes by line.
_RECORD_FORMATS = ("jsonl", "csv")
_BIG_FILE = 1 << 20  # below this a file counts as one step (its lines are not counted)


@dataclass(slots=True)
class _FilePosition:
    size: int
    lines: int  # 0: not counted
    line: int = 0  # the line of the last record read


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # the reader reports why it cannot be read


def _lines(path: Path, size: int) -> int:
    """The file's line count for a big record file (one fast pass over its bytes), else 0. Only
    called for what expand() found to be a regular file of at least _BIG_FILE bytes (never a pipe)."""
    if size < _BIG_FILE:
        return 0
    try:
        with open(path, "rb") as fh:
            return sum(block.count(b"\n") for block in iter(lambda: fh.read(1 << 20), b"")) + 1
    except OSError:
        return 0


class Importer:
    def __init__(self, project: Store, *, offset_unit: str = "codepoint", annotator: str = "",
                 encoding: str | None = None, progress: Callable[[int], None] | None = None,
                 as_suggestions: bool = False, cancel: Callable[[], bool] | None = None,
                 advanced: Callable[[int, int], None] | None = None, text_column: str | None = None):
        self.project = project
        self.text_column = text_column  # the CSV/TSV column holding the text, when not a usual name
        self._formats: dict[str, str] = {}  # file (as Drafts name it) -> its format, for the report
        # advanced(bytes read, bytes in all the files): after each stored batch and each file, so
        # a progress bar can be determinate from the first file on.
        self.advanced = advanced
        self._bytes_done = 0  # of the files finished
        self._bytes_total = 0
        self._file: _FilePosition | None = None
        # Asked between files and before each batch is stored (from the import's own thread):
        # True stops the run there, so only whole batches of whole documents are ever stored.
        self.cancel = cancel
        self.encoding = encoding
        # Pre-annotations (a model's output, another tool's) become suggestions the analyst
        # accepts or rejects; for a document already in the project they are attached to it.
        self.as_suggestions = as_suggestions
        self.preparer = Preparer(project.schema, offset_unit, annotator)
        self.progress = progress
        self.report = ImportReport(as_suggestions=as_suggestions)
        self._batch: list[Prepared] = []
        self._chars = 0
        self._hashes: dict[str, str] = {}  # content hash -> where it was first seen, this run
        # Where a later task of a text read before goes (Draft.joins): the batch's document of
        # that text, or a Prodigy document stored earlier in this run (hashes and ids only, so
        # memory stays bounded), whose joiners wait for the next batch's transaction.
        self._pending: dict[str, Prepared] = {}
        self._stored_here: dict[str, str] = {}
        self._followups: dict[str, list[Prepared]] = {}  # stored doc id -> tasks joining it
        self._waiting = 0  # follow-up tasks held, counted with the batch

    def run(self, paths: Iterable[Path], fmt: str = "auto") -> ImportReport:
        if fmt != "auto" and fmt not in IMPORT_FORMATS:
            raise ValueError(f"unknown format {fmt!r}")
        # Listed first (stat only, nothing is read) so the progress has a total from the start.
        files = [(path, found, _size(path)) for path, found in
                 expand(paths, fmt, self.report, encoding=self.encoding, text_column=self.text_column)]
        self._bytes_total = sum(size for _, _, size in files)
        for path, found, size in files:
            if self._cancelled():
                break
            self.report.files += 1
            self._file = _FilePosition(size, _lines(path, size) if found in _RECORD_FORMATS else 0)
            self._formats[str(path)] = found
            options = {"text_column": self.text_column} if found == "csv" and self.text_column else {}
            items = importer(found).read(path, encoding=self.encoding, **options)
            try:
                for item in items:
                    if isinstance(item, Rejection):
                        self.report.rejected.append(item)
                    else:
                        self._file.line = item.line
                        self.add(item)
                    if self.report.cancelled:
                        break
            finally:
                items.close()  # closes the file now, also when cancelled midway
            if self.report.cancelled:
                break
            self._bytes_done += size
            self._file = None
            self._advance()
        self.flush()
        return self.report

    def _advance(self) -> None:
        if self.advanced is None:
            return
        done = self._bytes_done
        if self._file is not None and self._file.lines:
            done += self._file.size * min(self._file.line, self._file.lines) // self._file.lines
        self.advanced(min(done, self._bytes_total), self._bytes_total)

    def _cancelled(self) -> bool:
        if not self.report.cancelled and self.cancel is not None and self.cancel():
            self.report.cancelled = True
        return self.report.cancelled

    def add(self, draft: Draft) -> None:
        if draft.answer == "ignore" or (draft.answer != "accept" and self.as_suggestions):
            self._answered(draft.answer)  # not an annotation, and nothing to suggest: counted
            return
        # A rejected task's spans are kept as keys only: they may cross each other.
        prepared = self.preparer.prepare(draft, overlaps=draft.answer == "accept")
        if isinstance(prepared, Rejection):
            self.report.rejected.append(prepared)
            return
        if draft.answer == "reject":
            prepared.rejected_keys = list(dict.fromkeys((s.start, s.end, s.layer, s.label) for s in prepared.doc.spans))
            prepared.doc.spans, prepared.entities = [], []
        if draft.suggestions:
            # Validated as spans of their own (a model's regions may overlap each other or the
            # annotations): a problem drops the suggestions, said, and keeps the document.
            suggested = self.preparer.prepare(replace(draft, spans=draft.suggestions, relations=[], suggestions=[]))
            if isinstance(suggested, Rejection):
                self.report.rejected.append(replace(
                    suggested, reason=f"its predictions are not imported as suggestions: {suggested.reason}"))
            else:
                prepared.suggested = suggested.doc.spans
                prepared.new_labels += [lab for lab in suggested.new_labels if lab not in prepared.new_labels]
        where = draft.path if draft.text_is_file else f"{draft.path}:{draft.line}"
        chash = prepared.doc.content_hash
        if chash in self._hashes and not self.as_suggestions:
            if not (draft.joins and self._join(chash, prepared)):
                self.report.duplicates.append(f"{where}: same text as {self._hashes[chash]}")
            return
        self._hashes[chash] = where
        self._pending[chash] = prepared
        self._batch.append(prepared)
        self._chars += len(prepared.doc.text)
        self._flush_when_full()

    def _flush_when_full(self) -> None:
        if len(self._batch) + self._waiting >= BATCH_DOCS or self._chars >= BATCH_CHARS:
            self.flush()

    def _answered(self, answer: str) -> None:
        self.report.prodigy_answers[answer] = self.report.prodigy_answers.get(answer, 0) + 1

    def _join(self, chash: str, prepared: Prepared) -> bool:
        """A task of a text read before joins its document: the batch's, or one stored earlier
        in this run; False when the text's document is neither (it was in the project before)."""
        target = self._pending.get(chash)
        if target is not None:
            join(target.doc, target.rejected_keys, prepared, self.project.schema)
            known = {e.id for e in target.entities}
            target.entities += [e for e in prepared.entities if e.id not in known]
            target.joined.append(prepared.draft)  # for its answer, warnings and place
        else:
            doc_id = self._stored_here.get(chash)
            if doc_id is None:
                return False
            self._followups.setdefault(doc_id, []).append(prepared)
            self._waiting += 1
        self._chars += len(prepared.doc.text)  # held until the flush (the draft's copy)
        self._flush_when_full()
        return True

    def flush(self) -> None:
        batch, self._batch, self._chars = self._batch, [], 0
        followups, self._followups, self._waiting, self._pending = self._followups, {}, 0, {}
        if not (batch or followups) or self._cancelled():
            return  # a cancelled run stores nothing more; what it stored before stays whole
        project = self.project
        hashes = [p.doc.content_hash for p in batch]
        stored = project.stored_ids_by_hash(hashes)  # content hash -> the stored document's id
        fresh, attach, set_records = [], [], []
        seen_now: dict[str, str] = {}
        for prepared in batch:
            chash = prepared.doc.content_hash
            if chash in stored or chash in seen_now:
                if self.as_suggestions:
                    attach.append((stored.get(chash) or seen_now[chash], prepared))
                    continue
                if chash in stored and carries_sets(prepared.draft):
                    set_records.append((stored[chash], prepared))
                    continue
                self._already_stored(prepared)
            else:
                fresh.append(prepared)
                seen_now[chash] = ""
        self._assign_ids(fresh)
        for prepared in fresh:
            seen_now[prepared.doc.content_hash] = prepared.doc.id
        attach = [(doc_id or seen_now[p.doc.content_hash], p) for doc_id, p in attach]
        suggestions = self._suggestions(fresh, attach) if self.as_suggestions else self._carried(fresh)
        joins = self._followups_joined(followups)
        sets = self._planned_sets(fresh, set_records)
        if not fresh and not suggestions and not joins and not sets.changes:
            return
        docs = [p.doc for p in fresh]
        rejected = {p.doc.id: p.rejected_keys for p in fresh if p.rejected_keys}
        for doc_id, (_, _, keys, _) in joins.items():
            if keys:
                rejected[doc_id] = keys
        # From the stored spans, not Prepared.new_labels: the document that first used a new
        # label may itself have been rejected or skipped as a duplicate.
        labels = dict.fromkeys([*((s.layer, s.label) for d in docs for s in d.spans),
                                *((s.layer, s.label) for group in suggestions.values() for s in group),
                                *((s.layer, s.label) for spans, _, _, _ in joins.values() for s in spans),
                                *((s.layer, s.label) for change in sets.changes for s in change.spans),
                                *((layer, label) for keys in rejected.values() for _, _, layer, label in keys)])
        attributes, said = self.preparer.attribute_additions([*docs, *(p.doc for _, p in set_records)],
                                                             project.schema)
        with project.transaction():
            for layer, label in labels:
                if project.schema.label(label) is None:
                    project.add_label(layer, label)
                    self.report.added_labels.append(f"{layer}/{label}")
            for attribute in attributes:
                project.add_attribute(attribute)
            project.add_documents(docs, [e for p in [*fresh, *(p for _, p in [*attach, *set_records])]
                                         for e in p.entities]
                                  + [e for _, _, _, entities in joins.values() for e in entities])
            for change in sets.changes:  # the record's status is the set's (the document keeps its own)
                project.replace_set(change.doc_id, change.name, change.spans, change.relations, change.status)
            for doc_id, group in suggestions.items():
                project.insert_suggestions(doc_id, group)
            for doc_id, (spans, relations, _, _) in joins.items():
                for span in spans:
                    project.insert_span(doc_id, span)
                project.insert_relations(doc_id, relations)
            for doc_id, keys in rejected.items():
                project.reject_suggestions(doc_id, keys)
        self.report.added_attributes += said
        drafts = [d for p in [*fresh, *(p for _, p in attach)] for d in [p.draft, *p.joined]]
        drafts += [q.draft for group in followups.values() for q in group]
        drafts += list({id(c.draft): c.draft for c in sets.changes}.values())
        self.report.warnings += [w for d in drafts for w in d.warnings]
        for draft in drafts:
            if draft.answer == "reject":
                self._answered("reject")
        self.report.joined += sum(d.answer == "accept" for p in fresh for d in p.joined)
        self.report.joined += sum(q.draft.answer == "accept" for group in followups.values() for q in group)
        self.report.suggestions += sum(len(group) for group in suggestions.values())
        self.report.documents += len(docs)
        for prepared in fresh:
            found = self._formats.get(prepared.draft.path, "?")
            self.report.formats[found] = self.report.formats.get(found, 0) + 1
            if prepared.draft.shape == "prodigy" and not self.as_suggestions:
                self._stored_here[prepared.doc.content_hash] = prepared.doc.id
        self.report.spans += (sum(len(d.spans) for d in docs) + sum(len(s) for s, _, _, _ in joins.values())
                              + sum(len(c.spans) for c in sets.changes))
        self.report.relations += (sum(len(d.relations) for d in docs)
                                  + sum(len(r) for _, r, _, _ in joins.values())
                                  + sum(len(c.relations) for c in sets.changes))
        self.report.sets_added += sum(c.new for c in sets.changes)
        self.report.sets_replaced += sum(not c.new for c in sets.changes)
        self.report.changed_sets += [(c.doc_id, c.name) for c in sets.changes]
        if self.progress:
            self.progress(len(docs))
        self._advance()

    def _already_stored(self, prepared: Prepared) -> None:
        for draft in [prepared.draft, *prepared.joined]:
            where = draft.path if draft.text_is_file else f"{draft.path}:{draft.line}"
            self.report.duplicates.append(f"{where}: already in the project")

    def _planned_sets(self, fresh: list[Prepared], set_records: list[tuple[str, Prepared]]) -> SetPlan:
        """The sets the records of stored texts change; the ones already the same and the records
        that cannot be split into sets are counted now (nothing of them is stored)."""
        if not set_records:
            return SetPlan([], 0, [])
        used = {x.id for p in fresh for x in [*p.doc.spans, *p.doc.relations]}  # ids the new documents take
        sets = plan_sets(self.project, set_records, used)
        self.report.sets_unchanged += sets.unchanged
        self.report.rejected += sets.refused
        for prepared in sets.same:  # nothing of it is new: a re-run of an import says so
            self._already_stored(prepared)
        return sets

    def _followups_joined(self, followups: dict[str, list[Prepared]]) -> dict[str, tuple]:
        """Per stored document: (spans, relations, rejected keys, entities) its follow-up tasks
        add, read and joined before the batch's transaction writes them."""
        joined = {}
        for doc_id, group in followups.items():
            doc = self.project.get_document(doc_id)
            spans, relations, keys, entities = [], [], [], {}
            for prepared in group:
                added, linked = join(doc, keys, prepared, self.project.schema, fresh_ids=True)
                spans += added
                relations += linked
                entities.update((e.id, e) for e in prepared.entities)
            joined[doc_id] = (spans, relations, keys, list(entities.values()))
        return joined

    @staticmethod
    def _carried(fresh: list[Prepared]) -> dict[str, list[Suggestion]]:
        """The suggestions new documents brought with them (Label Studio predictions)."""
        result = {}
        for prepared in fresh:
            if prepared.suggested:
                source = f"import:{Path(prepared.draft.path).name}"
                result[prepared.doc.id] = [Suggestion(s.start, s.end, s.text, s.layer, s.label, s.entity, source, new_id())
                                           for s in prepared.suggested]
        return result

    def _suggestions(self, fresh: list[Prepared], attach: list[tuple[str, Prepared]]) -> dict[str, list[Suggestion]]:
        """Spans of the batch turned into suggestions, per document id; relations are dropped
        (a suggestion is accepted alone) and counted; ones already suggested are skipped."""
        result: dict[str, list[Suggestion]] = {}
        for doc_id, prepared in [*((p.doc.id, p) for p in fresh), *attach]:
            doc = prepared.doc
            source = f"import:{Path(prepared.draft.path).name}"
            known = {s.key() for s in self.project.suggestions(doc_id)} if (doc_id, prepared) in attach else set()
            group = result.setdefault(doc_id, [])
            for span in doc.spans:
                suggestion = Suggestion(span.start, span.end, span.text, span.layer, span.label, span.entity,
                                        source, new_id())
                if suggestion.key() not in known:
                    known.add(suggestion.key())
                    group.append(suggestion)
            self.report.dropped_relations += len(doc.relations)
            doc.spans, doc.relations = [], []
        return {doc_id: group for doc_id, group in result.items() if group}

    def _assign_ids(self, batch: list[Prepared]) -> None:
        """Keep given ids where free; otherwise derive one (documents) or draw one (spans)."""
        project = self.project
        docs = [p.doc for p in batch]
        wanted = [d.id or d.content_hash[:16] for d in docs]
        taken = project.taken_ids("documents", wanted)
        used: set[str] = set()
        for doc, want in zip(docs, wanted):
            if want in taken or want in used:
                if doc.id:
                    self.report.renamed_ids += 1
                want = doc.content_hash[:16] if doc.content_hash[:16] not in taken | used else doc.content_hash
            doc.id = want
            used.add(want)
        for kind in ("spans", "relations"):
            items = [(d, x) for d in docs for x in getattr(d, kind)]
            taken = project.taken_ids(kind, [x.id for _, x in items])
            seen: set[str] = set()
            for doc, item in items:
                if item.id in taken or item.id in seen:
                    old, item.id = item.id, new_id()
                    self.report.renamed_ids += 1
                    if kind == "spans":
                        for rel in doc.relations:
                            rel.head = item.id if rel.head == old else rel.head
                            rel.child = item.id if rel.child == old else rel.child
                seen.add(item.id)


def import_paths(project: Store, paths: Iterable[Path], fmt: str = "auto", **options) -> ImportReport:
    return Importer(project, **options).run(paths, fmt)
