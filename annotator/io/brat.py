"""brat standoff: a folder with ``<id>.txt`` + ``<id>.ann`` per document and an ``annotation.conf``.

brat counts offsets in code points (it is Python), like annotator, so offsets are copied as they
are. A text-bound annotation cannot cross a newline in brat, so such a span is written as
discontinuous fragments split at the newlines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from annotator.core.model import Document, Span
from annotator.core.schema import Schema

WRITES_FOLDER = True
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
_LINE_BREAKS = re.compile(r"\s*\n\s*")
_BLANKS = re.compile(r"\s+")
NOTE = "note"  # the attribute written as AnnotatorNotes rather than as a brat attribute


def safe_name(doc_id: str, taken: set[str]) -> str:
    """A file stem from a document id: ASCII only, no leading dot, unique ignoring case (macOS,
    Windows)."""
    stem = _UNSAFE.sub("_", str(doc_id)).lstrip(".") or "doc"
    name, n = stem, 1
    while name.lower() in taken:
        n += 1
        name = f"{stem}-{n}"
    taken.add(name.lower())
    return name


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) pieces of text[start:end] without its newlines; empty pieces are dropped."""
    pieces, pos = [], start
    while pos < end:
        stop = text.find("\n", pos, end)
        stop = end if stop == -1 else stop
        if stop > pos:
            pieces.append((pos, stop))
        pos = stop + 1
    return pieces


def _one_line(value: str) -> str:
    return _LINE_BREAKS.sub(" ", value).replace("\t", " ")


class _Conf:
    """What annotation.conf must declare: the schema, plus whatever the documents use beyond it."""

    def __init__(self, schema: Schema | None):
        self.schema = schema
        self.labels: dict[str, str] = {}  # label -> layer, documents' labels missing from the schema
        self.relations: dict[str, None] = {}
        self.attributes: dict[str, dict[str, None]] = {}  # name -> values ({} = a flag)

    def known_label(self, label: str) -> bool:
        return self.schema is not None and self.schema.label(label) is not None

    def render(self) -> str:
        out = ["[entities]"]
        layers = self.schema.layers if self.schema else ()
        for layer in layers:
            out.append(f"# {layer.name}")
            out.extend(label.name for label in layer.labels)
        if self.labels:
            out.append("# not in the schema")
            out.extend(self.labels)

        out += ["", "[relations]", "<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>"]
        declared = set()
        for layer in layers:
            heads = "|".join(label.name for label in layer.labels)
            for attr in layer.attributes:
                if attr.kind in ("relation", "span") and attr.name not in declared:
                    declared.add(attr.name)
                    out.append(f"{attr.name} Arg1:{heads}, Arg2:<ENTITY>")
        out.extend(f"{name} Arg1:<ENTITY>, Arg2:<ENTITY>" for name in self.relations if name not in declared)

        out += ["", "[events]", "", "[attributes]"]
        seen = {name: dict(values) for name, values in self.attributes.items()}
        for layer in layers:
            args = "|".join(label.name for label in layer.labels)
            for attr in layer.attributes:
                if attr.name == NOTE or attr.kind == "span" or not (attr.values or attr.name in seen):
                    continue
                values = dict.fromkeys(attr.values) | seen.pop(attr.name, {})
                out.append(f"{attr.name} Arg:{args}, Value:{'|'.join(values)}")
        for name, values in seen.items():
            out.append(f"{name} Arg:<ENTITY>" + (f", Value:{'|'.join(values)}" if values else ""))
        return "\n".join(out) + "\n"


def export(docs: Iterable[Document], out: Path, schema: Schema) -> list[str]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    warnings: list[str] = []
    conf = _Conf(schema)
    taken: set[str] = set()
    for doc in docs:
        stem = safe_name(doc.id, taken)
        with (out / f"{stem}.txt").open("w", encoding="utf-8", newline="") as fh:
            fh.write(doc.text)
        with (out / f"{stem}.ann").open("w", encoding="utf-8", newline="") as fh:
            fh.write(ann(doc, schema, warnings, conf))
    (out / "annotation.conf").write_text(conf.render(), encoding="utf-8", newline="")
    return warnings


def ann(doc: Document, schema: Schema | None = None, warnings: list[str] | None = None, conf: _Conf | None = None) -> str:
    """The .ann text of one document: T, then R, then A, N and # lines."""
    warnings = [] if warnings is None else warnings
    conf = conf or _Conf(schema)
    # Attributes whose value may name another span of the document: written as relations.
    span_refs = {a.name for layer in (schema.layers if schema else ()) for a in layer.attributes if a.kind in ("span", "relation")}
    text = doc.text
    t_ids: dict[str, str] = {}
    t_lines, r_lines, a_lines, n_lines, notes = [], [], [], [], []
    for span in sorted(doc.spans, key=Span.sort_key):
        where = f"{doc.id}: span {span.id} ({span.label} {span.start}-{span.end})"
        if not (0 <= span.start < span.end <= len(text)) or text[span.start : span.end] != span.text:
            warnings.append(f"{where} does not match the text and is left out of brat")
            continue
        pieces = fragments(text, span.start, span.end)
        if not pieces:
            warnings.append(f"{where} is only line breaks and is left out of brat")
            continue
        tid = t_ids[span.id] = f"T{len(t_ids) + 1}"
        offsets = ";".join(f"{s} {e}" for s, e in pieces)
        shown = " ".join(text[s:e] for s, e in pieces)
        t_lines.append(f"{tid}\t{span.label} {offsets}\t{shown}")
        if not conf.known_label(span.label):
            conf.labels.setdefault(span.label, span.layer)
    by_id = {s.id: s for s in doc.spans}

    written: set[tuple[str, str, str]] = set()

    def relation(label: str, head: str, child: str, what: str) -> None:
        if (label, head, child) in written:
            return  # e.g. a claimant both as a relation and as the claim's attribute
        written.add((label, head, child))
        if head in t_ids and child in t_ids:
            r_lines.append(f"R{len(r_lines) + 1}\t{label} Arg1:{t_ids[head]} Arg2:{t_ids[child]}")
            conf.relations.setdefault(label, None)
        else:
            warnings.append(f"{doc.id}: {what} joins a span left out of brat and is left out too")

    for rel in doc.relations:
        relation(rel.label, rel.head, rel.child, f"relation {rel.id} ({rel.label})")
    for span in sorted(doc.spans, key=Span.sort_key):
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
                    warnings.append(f"{doc.id}: {name} of span {span.id} does not match the text and is left out")
                    continue
                key = f"{span.id}#{name}"
                ref = t_ids[key] = f"T{len(t_ids) + 1}"
                t_lines.append(f"{ref}\t{name} {';'.join(f'{a} {b}' for a, b in pieces)}\t{' '.join(text[a:b] for a, b in pieces)}")
                conf.labels.setdefault(name, span.layer)
                relation(name, span.id, key, f"{name} of span {span.id}")
                continue
            values = conf.attributes.setdefault(name, {})
            if value is True:
                a_lines.append(f"A{len(a_lines) + 1}\t{name} {tid}")
            else:
                value = _BLANKS.sub("_", str(value))  # brat values are single words
                values.setdefault(value, None)
                a_lines.append(f"A{len(a_lines) + 1}\t{name} {tid} {value}")
        if span.entity is not None:
            entity = span.entity
            n_lines.append(f"N{len(n_lines) + 1}\tReference {tid} annotator:{_BLANKS.sub("_", str(entity.id))}\t{_one_line(entity.name)}")
        note = span.attrs.get(NOTE)
        if note:
            notes.append(f"#{len(notes) + 1}\tAnnotatorNotes {tid}\t{_one_line(str(note))}")
    lines = t_lines + r_lines + a_lines + n_lines + notes
    return "".join(line + "\n" for line in lines)
