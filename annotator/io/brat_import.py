"""brat standoff import: ``read(path)`` gets a ``.ann`` file and reads the ``.txt`` of the same
stem beside it; one pair is one document.

What comes in, and how:

- ``T`` text-bound annotations become spans labelled with their type. Discontinuous fragments
  (``T1\tORG 0 5;10 15``) whose gaps are only whitespace and line breaks are one span over the
  whole extent: that is how brat (and annotator's own export) writes a span that crosses a line
  break, so the extent is exactly the annotated text. Fragments with words between them become
  one span per fragment, same label, same attributes and note; relations attach to the first
  fragment, and the ids so split are listed in the document's meta (``brat_split``) so the
  change can be seen.
- ``R`` relations and ``*`` equivalences become relations (an equivalence joins each member to
  the next). ``E`` events become relations from the trigger span to each argument, named by
  the role; attributes and notes of an event go to its trigger.
- ``A``/``M`` attributes become span attrs (a binary one is ``True``). One the project's layer
  lacks is added to it, as an unknown label is: a binary one as a ``flag``, a valued one as a
  ``choice`` of the values in ``annotation.conf`` ``[attributes]`` (``Confidence Arg:<EVENT>,
  Value:High|Neutral|Low``) and those the files use. ``#`` AnnotatorNotes the
  span's ``note`` (several notes are joined by a line break), ``N`` normalisations the span's
  entity link (the knowledge-base id as the entity id).
- What has no place in annotator (a note or attribute on a relation) is kept, as its line, in
  the meta list ``brat_unplaced`` rather than dropped.

Offsets count characters of the ``.txt`` as brat reads it: a BOM and both characters of a CRLF
count. The canonicalisation in ``annotator.io.pipeline`` then moves every offset with the text.
Some tools write offsets on the text with its line breaks unified instead; the reader checks the
covered text each ``T`` line carries against both readings and takes the one that fits.

Folders annotator exported (they carry its manifest) are read with annotator's own conventions,
so they import back to the same documents: the manifest's document ids, span-valued attributes
(written as a ``T`` typed like its ``R``), ``Reference annotator:<id>`` entity links. Of the
``annotation.conf`` only ``[attributes]`` is read (the values a document does not use are in no
``.ann``); every label a document uses is in its ``.ann`` and the import adds labels the project
lacks.
"""

from __future__ import annotations

import codecs
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from annotator.core.model import new_id
from annotator.core.schema import NOTE
from annotator.core.text import OffsetShift, unify_line_breaks
from annotator.io.decode import DecodeError, decode
from annotator.io.outputs import read_manifest
from annotator.io.records import Draft, Rejection
from annotator.io.txt import read_bytes

SUFFIXES = ("ann",)
_CONFIG = ("annotation.conf", "visual.conf", "tools.conf", "kb_shortcuts.conf")
_ANNOTATOR_KB = "annotator:"
_ID_NOTE = "document id: "  # annotator's export keeps a changed document id in note #0


class _Bad(ValueError):
    """A malformed .ann line; `line` is 1-based in the .ann file."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line = line


class _Ann:
    """The parsed lines of one .ann file, before they are joined to the text."""

    def __init__(self) -> None:
        self.bound: dict[str, tuple[int, str, list[tuple[int, int]], str | None]] = {}  # T id -> (line, type, fragments, text)
        self.relations: list[tuple[int, str, str, str]] = []  # (line, label, head ref, child ref)
        self.events: dict[str, str] = {}  # E id -> trigger T id
        self.event_args: list[tuple[int, str, str, str]] = []  # (line, role, E id, argument ref)
        self.attrs: list[tuple[int, str, str, object, str]] = []  # (line, target, name, value, raw line)
        self.notes: list[tuple[int, str, str, str]] = []  # (line, target, note, raw line)
        self.norms: list[tuple[int, str, str, str]] = []  # (line, target, kb id, name)
        self.document_id: str | None = None


def _parse(lines: list[str]) -> _Ann:
    ann = _Ann()
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        fields = line.split("\t")
        ident, kind = fields[0], fields[0][:1]
        if len(fields) < 2 or not fields[1].strip():
            raise _Bad(number, f"annotation {ident!r} has no type and arguments (fields are separated by tabs)")
        head = fields[1].split()
        if kind == "T":
            ann.bound[ident] = (number, head[0], _fragments(number, fields[1]), fields[2] if len(fields) > 2 else None)
        elif kind == "R":
            args = dict(_role(number, arg) for arg in head[1:])
            if len(head) != 3 or set(args) != {"Arg1", "Arg2"}:
                raise _Bad(number, f"relation {ident} needs exactly Arg1: and Arg2:")
            ann.relations.append((number, head[0], args["Arg1"], args["Arg2"]))
        elif kind == "*":
            members = head[1:]
            ann.relations += [(number, head[0], a, b) for a, b in zip(members, members[1:])]
        elif kind == "E":
            _, trigger = _role(number, head[0])  # TYPE:TRIGGER
            ann.events[ident] = trigger
            for arg in head[1:]:
                role, ref = _role(number, arg)
                ann.event_args.append((number, role, ident, ref))
        elif kind in ("A", "M"):
            if len(head) not in (2, 3):
                raise _Bad(number, f"attribute {ident} needs a name, a target and at most one value")
            ann.attrs.append((number, head[1], head[0], head[2] if len(head) == 3 else True, line))
        elif kind == "#":
            note = fields[2] if len(fields) > 2 else ""
            if len(head) < 2:
                raise _Bad(number, f"note {ident} names no annotation")
            if ident == "#0" and note.startswith(_ID_NOTE):
                ann.document_id = note[len(_ID_NOTE):]
            else:
                ann.notes.append((number, head[1], note, line))
        elif kind == "N":
            if len(head) != 3:
                raise _Bad(number, f"normalisation {ident} needs a type, a target and a knowledge-base id")
            ann.norms.append((number, head[1], head[2], fields[2] if len(fields) > 2 else ""))
        else:
            raise _Bad(number, f"unknown annotation kind {ident!r} (brat has T, R, E, A, M, N, * and #)")
    return ann


def _role(number: int, arg: str) -> tuple[str, str]:
    role, sep, ref = arg.rpartition(":")
    if not sep or not role or not ref:
        raise _Bad(number, f"argument {arg!r} is not ROLE:ID")
    return role, ref


def _fragments(number: int, field: str) -> list[tuple[int, int]]:
    _, _, offsets = field.partition(" ")
    pieces = []
    for piece in offsets.split(";"):
        parts = piece.split()
        if len(parts) != 2 or not all(p.isascii() and p.isdigit() for p in parts):
            raise _Bad(number, f"offsets {piece.strip()!r} are not two numbers START END")
        start, end = int(parts[0]), int(parts[1])
        if start >= end:
            raise _Bad(number, f"offsets {start} {end} are empty or reversed")
        pieces.append((start, end))
    return sorted(pieces)


def _unified(text: str) -> str:
    return (text[1:] if text.startswith("\ufeff") else text).replace("\r\n", "\n")


def _fits(ann: _Ann, text: str) -> int:
    """How many T lines' covered text this reading of the file reproduces (-1: offsets beyond it)."""
    fits = 0
    for _, _, pieces, shown in ann.bound.values():
        if pieces[-1][1] > len(text):
            return -1
        if shown is not None and " ".join(text[s:e] for s, e in pieces) == shown:
            fits += 1
    return fits


def _read_text(txt: Path, encoding: str | None) -> str | Rejection:
    data = read_bytes(txt)
    if isinstance(data, Rejection):
        return data
    try:
        text = decode(data, encoding)
    except DecodeError as err:
        return Rejection(str(txt), err.line, err.reason)
    # brat reads the file without dropping a BOM, so it counts as character 0.
    boms = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    if data.startswith(boms) and not text.startswith("\ufeff"):
        text = "\ufeff" + text
    return text


# The last annotation.conf read, (path, mtime, size) -> its attributes: a folder's files ask for
# it in turn. One item replaced whole, so an import thread never sees one file's key with
# another's value.
_conf_cache: dict[str, tuple] = {}


def conf_attributes(conf: Path) -> dict[str, tuple[str, tuple[str, ...]]]:
    """The ``[attributes]`` of a brat ``annotation.conf``: name -> ("flag", ()) for a binary one
    (no ``Value:``), ("choice", values) for a valued one; {} when there is no readable file.
    Lines brat would not take (no ``Arg:``) and macros are passed over: the attribute lines of
    the ``.ann`` still define what a document uses."""
    try:
        stat = conf.stat()
        key = (str(conf), stat.st_mtime_ns, stat.st_size)
    except OSError:
        return {}
    cached = _conf_cache.get("last")
    if cached is not None and cached[0] == key:
        return dict(cached[1])
    data = read_bytes(conf) if conf.is_file() else b""
    try:
        text = decode(data, None) if isinstance(data, bytes) else ""
    except DecodeError:
        text = ""
    found = _parse_conf(text)
    _conf_cache["last"] = (key, found)
    return dict(found)


def _parse_conf(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    found: dict[str, tuple[str, tuple[str, ...]]] = {}
    section = None
    for raw in text.lstrip("\ufeff").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            continue
        if section != "attributes" or line.startswith("<"):
            continue
        name, _, rest = line.replace("\t", " ").partition(" ")
        keys = dict(part.strip().partition(":")[::2] for part in rest.split(",") if ":" in part)
        if "Arg" not in keys:
            continue
        values = tuple(v.strip() for v in keys.get("Value", "").split("|") if v.strip())
        found[name] = ("choice", values) if values else ("flag", ())
    return found


def _attributes(ann: "_Ann", conf: dict[str, tuple[str, tuple[str, ...]]]) -> dict[str, tuple[str, tuple[str, ...]]]:
    """What the document's attributes are: annotation.conf first, then its A/M lines (a name the
    conf lacks is a flag when binary, else a choice; a choice gains the values lines give it)."""
    defined = dict(conf)
    for _, _, name, value, _ in ann.attrs:
        kind, values = defined.get(name, ("flag", ()) if value is True else ("choice", ()))
        if kind == "choice" and isinstance(value, str) and value not in values:
            values = (*values, value)
        defined[name] = (kind, values)
    return defined


def read(path, *, encoding: str | None = None) -> Iterator[Draft | Rejection]:
    path = Path(path)
    if path.name in _CONFIG:
        return  # a brat folder's configuration, not a document
    if path.suffix.lower() == ".txt" and path.with_suffix(".ann").is_file():
        path = path.with_suffix(".ann")  # the text of a pair: read with its annotations
    name = str(path)
    txt = path.with_suffix(".txt")
    if not txt.exists():
        yield Rejection(name, None, f"no {txt.name} beside it: a brat .ann file needs the text it annotates")
        return
    ann_text = _read_text(path, encoding)
    if isinstance(ann_text, Rejection):
        yield ann_text
        return
    text = _read_text(txt, encoding)
    if isinstance(text, Rejection):
        yield text
        return
    try:
        ann = _parse(ann_text.lstrip("\ufeff").split("\n"))
        manifest = read_manifest(path.parent)
        ours = manifest is not None and manifest.get("format") == "brat"
        draft = _draft(ann, text, name, txt, ours)
        if ann.attrs:
            draft.attributes = _attributes(ann, conf_attributes(path.parent / "annotation.conf"))
        if ours:
            documents = manifest.get("documents")
            stored_id = documents.get(path.stem) if isinstance(documents, dict) else None
            draft.id = stored_id if isinstance(stored_id, str) else draft.id
    except _Bad as bad:
        yield Rejection(name, bad.line, str(bad))
        return
    yield draft


def _draft(ann: _Ann, text: str, name: str, txt: Path, ours: bool) -> Draft:
    unified = _unified(text)
    if unified != text and _fits(ann, unified) > _fits(ann, text):
        text = unified
    for ident, (number, _, pieces, shown) in ann.bound.items():
        if pieces[-1][1] > len(text):
            raise _Bad(number, f"{ident}: offsets up to {pieces[-1][1]} are beyond the text of {txt.name} "
                               f"({len(text)} characters)")
        covered = " ".join(text[s:e] for s, e in pieces)
        if shown is not None and covered != shown:
            raise _Bad(number, f"{ident}: text {shown!r} does not match {txt.name} at those offsets ({covered!r})")
    meta: dict = {"title": None, "source": None, "url": None, "file": txt.name}
    span_attrs = _span_valued(ann, text) if ours else {}
    spans: dict[str, list[dict]] = {}  # T id -> its span(s)
    split: list[str] = []
    for ident, (_, label, pieces, _) in ann.bound.items():
        if ident in span_attrs.get("hidden", ()):
            continue
        gaps = [text[a:b] for (_, a), (b, _) in zip(pieces, pieces[1:])]
        if all(not gap.strip() for gap in gaps):
            pieces = [(pieces[0][0], pieces[-1][1])]
        else:
            split.append(ident)
        spans[ident] = [{"id": new_id(), "start": s, "end": e, "label": label, "attrs": {}} for s, e in pieces]
    unplaced: list[str] = []

    def target(ref: str, number: int, what: str) -> str:
        """The T id a reference lands on (an event's is its trigger)."""
        found = ann.events.get(ref, ref)
        if found not in spans:
            raise _Bad(number, f"{what} refers to {ref}, which is not a text-bound annotation or event of this file")
        return found

    relations = []
    for number, label, head, child in ann.relations:
        relations.append({"id": new_id(), "head": spans[target(head, number, label)][0]["id"],
                          "child": spans[target(child, number, label)][0]["id"], "label": label})
    for number, role, event, ref in ann.event_args:
        relations.append({"id": new_id(), "head": spans[target(event, number, event)][0]["id"],
                          "child": spans[target(ref, number, role)][0]["id"], "label": role})
    for head, attr, value in span_attrs.get("attrs", ()):
        for span in spans[head]:
            span["attrs"][attr] = value
    for number, ref, attr, value, raw in ann.attrs:
        if not ref.startswith(("T", "E")):  # on a relation, attribute or note
            unplaced.append(raw)
            continue
        for span in spans[target(ref, number, attr)]:
            span["attrs"][attr] = value
    for number, ref, note, raw in ann.notes:
        if not ref.startswith(("T", "E")):  # on a relation, attribute or note
            unplaced.append(raw)
            continue
        for span in spans[target(ref, number, "note")]:
            old = span["attrs"].get(NOTE)
            span["attrs"][NOTE] = note if old is None else f"{old}\n{note}"
    for number, ref, kb_id, entity_name in ann.norms:
        for span in spans[target(ref, number, "normalisation")]:
            if ours and kb_id.startswith(_ANNOTATOR_KB):
                kb_id = kb_id[len(_ANNOTATOR_KB):]
            covered = text[span["start"]:span["end"]]
            span["entity"] = {"id": kb_id, "name": entity_name or covered, "type": span["label"]}
    if split:
        meta["brat_split"] = split
    if unplaced:
        meta["brat_unplaced"] = unplaced
    return Draft(text, name, 1, meta=meta, id=ann.document_id,
                 spans=[span for group in spans.values() for span in group], relations=relations)


def _span_valued(ann: _Ann, text: str) -> dict:
    """Annotator's export writes a span-valued attribute (a claim's cue) as a T typed like the
    attribute plus an R of that name from the span to it: read back as the attribute."""
    hidden, attrs, kept = set(), [], []
    shift = OffsetShift.of(text)
    uses = Counter(ref for _, _, a, b in ann.relations for ref in (a, b))
    with_attrs = {target for _, target, *_ in ann.attrs}
    for relation in ann.relations:
        number, label, head, child = relation
        found = ann.bound.get(child)
        if found and found[1] == label and child not in hidden and head in ann.bound:
            if uses[child] == 1 and child not in with_attrs:
                # Unlike span offsets, an attribute's are stored as they are: on the canonical text.
                start, end = found[2][0][0], found[2][-1][1]
                hidden.add(child)
                attrs.append((head, label, {"start": shift(start), "end": shift(end),
                                            "text": unify_line_breaks(text[start:end])}))
                continue
        kept.append(relation)
    ann.relations = kept
    return {"hidden": hidden, "attrs": attrs}
