"""brat standoff: a folder with ``<id>.txt`` + ``<id>.ann`` per document and an ``annotation.conf``.

brat counts offsets in code points (it is Python), like annotator, so offsets are copied as they
are. A text-bound annotation cannot cross a newline in brat, so such a span is written as
discontinuous fragments split at the newlines.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from annotator.core.model import Document, Span
from annotator.core.schema import NOTE, Schema  # NOTE: written as AnnotatorNotes, not as a brat attribute
from annotator.io import fitting_spans, one_token

WRITES_FOLDER = True
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
# Every character Python's str.splitlines (and so brat's reader) ends a line at.
_LINE_BREAK_CHARS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAK = re.compile(f"[{_LINE_BREAK_CHARS}]")
_LINE_BREAKS = re.compile(f"\\s*[{_LINE_BREAK_CHARS}]\\s*")
_BLANKS = re.compile(r"\s+")
MAX_STEM = 64  # file names stay well below every file system's limit (255 bytes, 260-char paths)
_HASH = 8
# Names Windows reserves for devices, with any extension ("nul.txt" is the device too).
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}


def safe_name(doc_id: str, taken: set[str]) -> str:
    """A file stem from a document id: ASCII letters, digits, _ . - only, no leading or trailing
    dot, not a Windows device name, at most MAX_STEM characters, unique ignoring case (macOS,
    Windows). A stem that is not the id itself ends in a hash of the id, so different ids that
    clean up alike still get names that tell them apart."""
    doc_id = str(doc_id)
    stem = _UNSAFE.sub("_", doc_id).strip(".") or "doc"
    if stem.split(".")[0].upper() in _RESERVED:
        stem = "_" + stem
    if stem != doc_id or len(stem) > MAX_STEM:
        digest = hashlib.sha256(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:_HASH]
        stem = f"{stem[: MAX_STEM - _HASH - 1].rstrip('.')}-{digest}"
    name, n = stem, 1
    while name.lower() in taken:
        n += 1
        name = f"{stem}-{n}"
    taken.add(name.lower())
    return name


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) pieces of text[start:end] without its line breaks; empty pieces are dropped."""
    pieces, pos = [], start
    for match in _LINE_BREAK.finditer(text, start, end):
        if match.start() > pos:
            pieces.append((pos, match.start()))
        pos = match.end()
    if end > pos:
        pieces.append((pos, end))
    return pieces


def _one_line(value: str) -> str:
    return _LINE_BREAKS.sub(" ", value).replace("\t", " ")


class _Conf:
    """What annotation.conf must declare: the schema, plus whatever the documents use beyond it.

    Also the one place names become brat tokens: a label, relation, attribute name or value with
    whitespace would split its .ann or .conf line, so it is written with "_" (and reported once).
    """

    def __init__(self, schema: Schema | None, warnings: list[str] | None = None):
        self.schema = schema
        self.warnings = [] if warnings is None else warnings
        self._reported: set[str] = set()
        self.labels: dict[str, str] = {}  # label -> layer, documents' labels missing from the schema
        self.relations: dict[str, None] = {}
        self.attributes: dict[str, dict[str, None]] = {}  # name -> values ({} = a flag)

    def token(self, value) -> str:
        return one_token(value, self.warnings, self._reported)

    def known_label(self, label: str) -> bool:
        return self.schema is not None and self.schema.label(label) is not None

    def render(self) -> str:
        t = self.token
        out = ["[entities]"]
        layers = self.schema.layers if self.schema else ()
        for layer in layers:
            out.append(f"# {_one_line(layer.name)}")
            out.extend(t(label.name) for label in layer.labels)
        if self.labels:
            out.append("# not in the schema")
            out.extend(self.labels)  # already tokens

        out += ["", "[relations]", "<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>"]
        declared = set()
        for layer in layers:
            heads = "|".join(t(label.name) for label in layer.labels)
            for attr in layer.attributes:
                name = t(attr.name)
                if attr.kind in ("relation", "span") and name not in declared:
                    declared.add(name)
                    out.append(f"{name} Arg1:{heads}, Arg2:<ENTITY>")
        out.extend(f"{name} Arg1:<ENTITY>, Arg2:<ENTITY>" for name in self.relations if name not in declared)

        out += ["", "[events]", "", "[attributes]"]
        seen = {name: dict(values) for name, values in self.attributes.items()}
        for layer in layers:
            args = "|".join(t(label.name) for label in layer.labels)
            for attr in layer.attributes:
                name = t(attr.name)
                if attr.kind == "flag":  # binary: declared with no values, written `A1\tName T1`
                    seen.pop(name, None)
                    out.append(f"{name} Arg:{args}")
                    continue
                if attr.name == NOTE or attr.kind == "span" or not (attr.values or name in seen):
                    continue
                values = dict.fromkeys(t(v) for v in attr.values) | seen.pop(name, {})
                out.append(f"{name} Arg:{args}, Value:{'|'.join(values)}")
        for name, values in seen.items():
            out.append(f"{name} Arg:<ENTITY>" + (f", Value:{'|'.join(values)}" if values else ""))
        return "\n".join(out) + "\n"


def export(docs: Iterable[Document], out: Path, schema: Schema, *, documents: dict[str, str] | None = None) -> list[str]:
    """Write `docs` into the folder `out`; `documents` (if given) gets file stem -> document id,
    since a stem is not always the id (see safe_name)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    warnings: list[str] = []
    conf = _Conf(schema, warnings)
    taken: set[str] = set()
    for doc in docs:
        stem = safe_name(doc.id, taken)
        if documents is not None:
            documents[stem] = doc.id
        with (out / f"{stem}.txt").open("x", encoding="utf-8", newline="") as fh:
            fh.write(doc.text)
        with (out / f"{stem}.ann").open("x", encoding="utf-8", newline="") as fh:
            fh.write(ann(doc, schema, warnings, conf, keep_id=stem != doc.id))
    (out / "annotation.conf").write_text(conf.render(), encoding="utf-8", newline="")
    return warnings


def ann(doc: Document, schema: Schema | None = None, warnings: list[str] | None = None, conf: _Conf | None = None,
        keep_id: bool = False) -> str:
    """The .ann text of one document: T, then R, then A, N and # lines. With `keep_id` (the file
    name is not the document id) the id is kept as a note on the first text-bound annotation."""
    warnings = [] if warnings is None else warnings
    conf = conf or _Conf(schema, warnings)
    t = conf.token
    # Attributes whose value may name another span of the document: written as relations.
    span_refs = {a.name for layer in (schema.layers if schema else ()) for a in layer.attributes if a.kind in ("span", "relation")}
    text = doc.text
    t_ids: dict[str, str] = {}
    t_lines, r_lines, a_lines, n_lines, notes = [], [], [], [], []
    ordered = sorted(doc.spans, key=Span.sort_key)
    for span in fitting_spans(doc, ordered, warnings):
        pieces = fragments(text, span.start, span.end)
        if not pieces:
            warnings.append(f"document {doc.id}: span {span.id} ({span.label} {span.start}-{span.end}) "
                            "is only line breaks and is left out of brat")
            continue
        tid = t_ids[span.id] = f"T{len(t_ids) + 1}"
        offsets = ";".join(f"{s} {e}" for s, e in pieces)
        shown = " ".join(text[s:e] for s, e in pieces)
        label = t(span.label)
        t_lines.append(f"{tid}\t{label} {offsets}\t{shown}")
        if not conf.known_label(span.label):
            conf.labels.setdefault(label, span.layer)
    by_id = {s.id: s for s in doc.spans}

    written: set[tuple[str, str, str]] = set()

    def relation(label: str, head: str, child: str, what: str) -> None:
        if (label, head, child) in written:
            return  # e.g. a claimant both as a relation and as the claim's attribute
        written.add((label, head, child))
        if head in t_ids and child in t_ids:
            name = t(label)
            r_lines.append(f"R{len(r_lines) + 1}\t{name} Arg1:{t_ids[head]} Arg2:{t_ids[child]}")
            conf.relations.setdefault(name, None)
        else:
            warnings.append(f"document {doc.id}: {what} joins a span left out of brat and is left out too")

    for rel in doc.relations:
        relation(rel.label, rel.head, rel.child, f"relation {rel.id} ({rel.label})")
    for span in ordered:
        tid = t_ids.get(span.id)
        if tid is None:
            continue
        for name, value in span.attrs.items():
            if value is None or value is False or value == "" or name == NOTE:
                continue
            if name in span_refs and isinstance(value, str) and value in by_id:
                relation(name, span.id, value, f"{name} of span {span.id}")  # e.g. a claim's cue
                continue
            if name in span_refs and isinstance(value, dict):
                # A span-valued attribute ({start, end, text}, e.g. the cue of a claim) becomes a
                # text-bound annotation of its own, typed by the attribute, joined by a relation.
                s, e = value.get("start"), value.get("end")
                pieces = fragments(text, s, e) if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text) else []
                if not pieces or text[s:e] != value.get("text"):
                    warnings.append(f"document {doc.id}: {name} of span {span.id} does not match the document text and is left out")
                    continue
                key = f"{span.id}#{name}"
                ref = t_ids[key] = f"T{len(t_ids) + 1}"
                typed = t(name)
                t_lines.append(f"{ref}\t{typed} {';'.join(f'{a} {b}' for a, b in pieces)}\t{' '.join(text[a:b] for a, b in pieces)}")
                conf.labels.setdefault(typed, span.layer)
                relation(name, span.id, key, f"{name} of span {span.id}")
                continue
            attr = t(name)
            values = conf.attributes.setdefault(attr, {})
            if value is True:
                a_lines.append(f"A{len(a_lines) + 1}\t{attr} {tid}")
            else:
                value = _BLANKS.sub("_", str(value))  # brat values are single words
                values.setdefault(value, None)
                a_lines.append(f"A{len(a_lines) + 1}\t{attr} {tid} {value}")
        if span.entity is not None:
            entity = span.entity
            n_lines.append(f"N{len(n_lines) + 1}\tReference {tid} annotator:{_BLANKS.sub('_', str(entity.id))}\t{_one_line(entity.name)}")
        note = span.attrs.get(NOTE)
        if note:
            notes.append(f"#{len(notes) + 1}\tAnnotatorNotes {tid}\t{_one_line(str(note))}")
    if keep_id and t_lines:
        notes.insert(0, f"#0\tAnnotatorNotes T1\tdocument id: {_one_line(str(doc.id))}")
    lines = t_lines + r_lines + a_lines + n_lines + notes
    return "".join(line + "\n" for line in lines)
