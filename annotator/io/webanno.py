"""INCEpTION/WebAnno TSV 3 import (``#FORMAT=WebAnno TSV 3.x``): one file is one document.

SUFFIXES is empty on purpose: these files end in ``.tsv`` like the CSV reader's, so a file is
read as this format when detection finds the ``#FORMAT=WebAnno TSV 3`` header or when
``--format webanno`` names it.

- The text is rebuilt from the ``#Text=`` lines (a sentence over several lines has one per
  line), each sentence placed where its tokens' offsets say; what lies between sentences is not
  in the file and becomes line breaks of the same length. Offsets in the file count UTF-16 code
  units (INCEpTION is Java: an emoji is two); they are converted to characters here, and every
  token is checked against the rebuilt text.
- Span layers (``#T_SP``): every annotation, one-token or multi-token (``PER[1]``), stacked
  (``A[1]|B[2]``) or on a sub-token (``1-2.1``), is a span. Its label is the ``value`` feature
  (else the layer's first feature, else, with no value set, the layer's short name); other
  features go to attrs, and a named entity's ``identifier`` is its entity link.
- Relation layers (``#T_RL``) become relations from the governor's span of the base layer to
  the dependent's, named by the ``value`` (else first) feature or the layer's short name.
- What annotator cannot hold is kept in the meta list ``webanno_unplaced`` as "line N: why":
  chain layers (``#T_CH``), zero-width spans, relations on tokens rather than spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from annotator.core.model import new_id
from annotator.core.offsets import Utf16Map
from annotator.io.records import Draft, Rejection
from annotator.io.txt import read_text

SUFFIXES: tuple[str, ...] = ()
HEADER = "#FORMAT=WebAnno TSV 3"
_NAMED_ENTITY = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
_ITEM = re.compile(r"^(.*?)(?:\[(\d+)\])?$", re.S)
_REF = re.compile(r"^(\d+-\d+(?:\.\d+)?)(?:\[(\d+)_(\d+)\])?$")
_TEXT_ESCAPES = {"\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r"}
_VALUE_ESCAPE = re.compile(r"\\(.)")
_STACK = re.compile(r"(?<!\\)\|")  # stacked items are split at "|", not at an escaped "\|"


class _Bad(ValueError):
    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line = line


class _Layer:
    def __init__(self, kind: str, name: str, features: list[str]):
        self.kind, self.name = kind, name
        self.base = features.pop()[3:] if kind == "RL" else None  # "BT_<layer>"
        self.features = [f for f in features if f]
        # A span layer without features still has its one column of "*"; a relation layer has
        # one per feature plus the governor's; a chain one per feature.
        self.columns = {"SP": max(len(self.features), 1), "RL": len(self.features) + 1}.get(kind, len(self.features))
        self.short = name.rsplit(".", 1)[-1]

    def label_feature(self) -> int | None:
        if "value" in self.features:
            return self.features.index("value")
        return 0 if self.features else None


def _unescape_text(line: str) -> str:
    return re.sub(r"\\[\\tnr]", lambda m: _TEXT_ESCAPES[m.group()], line)


def _value(raw: str) -> str | None:
    """A cell item's feature value, or None for "set, no value" (* or _)."""
    if raw in ("_", "*", ""):
        return None
    return _VALUE_ESCAPE.sub(r"\1", raw)


def read(path, *, encoding: str | None = None) -> Iterator[Draft | Rejection]:
    name = str(path)
    content = read_text(path, encoding)
    if isinstance(content, Rejection):
        yield content
        return
    try:
        yield _parse(content.split("\n"), name, Path(path).name)
    except _Bad as bad:
        yield Rejection(name, bad.line, str(bad))


def _parse(lines: list[str], name: str, file: str) -> Draft:
    if not lines or not lines[0].lstrip("\ufeff").startswith(HEADER):
        raise _Bad(1, f"not a WebAnno TSV 3 file (the first line is not {HEADER}.x)")
    layers: list[_Layer] = []
    rows: list[tuple[int, str, int, int, str, list[str]]] = []  # line, token id, begin, end (UTF-16), token, cells
    sentences: list[tuple[str, int]] = []  # text, line of its first row
    pending: list[str] = []
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r")
        if number == 1 or not line:
            continue
        if line.startswith("#T_"):
            kind, _, spec = line[3:].partition("=")
            layer, *features = spec.split("|")
            layers.append(_Layer(kind, layer, features))
        elif line.startswith("#Text="):
            pending.append(_unescape_text(line[6:]))
        elif line.startswith("#"):
            continue  # other comments (#Sentence.id=...)
        else:
            fields = line.split("\t")
            if len(fields) < 3 or not re.fullmatch(r"\d+-\d+(\.\d+)?", fields[0]):
                raise _Bad(number, "expected a token line: ID<tab>START-END<tab>TOKEN<tab>annotations")
            begin, sep, end = fields[1].partition("-")
            if not (sep and begin.isdigit() and end.isdigit()) or int(begin) > int(end):
                raise _Bad(number, f"offsets {fields[1]!r} are not START-END")
            if pending:
                sentences.append(("\n".join(pending), len(rows)))
                pending = []
            rows.append((number, fields[0], int(begin), int(end), fields[2], fields[3:]))
    if not rows:
        raise _Bad(1, "no tokens")
    text, u16 = _rebuild(sentences, rows)
    meta: dict = {"title": None, "source": None, "url": None, "file": file}
    unplaced: list[str] = []
    spans, relations = _annotations(layers, rows, u16, text, unplaced)
    if unplaced:
        meta["webanno_unplaced"] = unplaced
    return Draft(text, name, 1, meta=meta, spans=spans, relations=relations)


def _rebuild(sentences, rows) -> tuple[str, Utf16Map]:
    """The document text, each sentence at its first token's offset, and its UTF-16 map."""
    parts: list[str] = []
    length = 0  # UTF-16 units so far
    for sentence, first in sentences:
        number, _, begin, _, token, _ = rows[first]
        inside = sentence.find(token) if token else 0
        if inside < 0:
            raise _Bad(number, f"token {token!r} is not in its sentence's #Text line")
        start = begin - _u16(sentence[:inside])
        if start < length:
            raise _Bad(number, f"sentence starts at {start}, inside the sentence before it")
        parts += ["\n" * (start - length), sentence]
        length = start + _u16(sentence)
    text = "".join(parts)
    u16 = Utf16Map(text)
    for number, _, begin, end, token, _ in rows:
        try:
            covered = text[u16.to_codepoint(begin):u16.to_codepoint(end)] if end <= u16.length_u16 else None
        except ValueError:
            covered = None
        if covered != token:
            raise _Bad(number, f"token {token!r} at {begin}-{end} does not match the #Text lines ({covered!r})")
    return text, u16


def _u16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _annotations(layers, rows, u16, text, unplaced):
    spans: dict[tuple, dict] = {}  # (layer, key) -> span
    at_token: dict[tuple[str, str], list[dict]] = {}  # (layer, token id) -> spans starting or lying there
    rels = []
    for number, token_id, begin, end, _, cells in rows:
        column = 0
        for layer in layers:
            own = cells[column:column + layer.columns]
            column += layer.columns
            if all(c in ("_", "") for c in own):
                continue
            if layer.kind == "CH":
                unplaced.append(f"line {number}: chain layer {layer.short} is not imported")
            elif layer.kind == "SP":
                _span_cells(layer, own, number, token_id, begin, end, u16, spans, at_token, unplaced)
            elif layer.kind == "RL":
                rels.append((number, token_id, layer, own))
    relations = []
    for number, token_id, layer, own in rels:
        *features, refs = own
        for i, ref in enumerate(_STACK.split(refs)):
            match = _REF.match(ref)
            if not match:
                raise _Bad(number, f"relation source {ref!r} is not TOKEN or TOKEN[SOURCE_TARGET]")
            source, source_id, target_id = match.groups()
            head = _span_for(spans, at_token, layer.base, source, source_id)
            child = _span_for(spans, at_token, layer.base, token_id, target_id)
            if head is None or child is None:
                unplaced.append(f"line {number}: relation {layer.short} joins tokens, not spans of a span layer")
                continue
            stacks = [_STACK.split(f) for f in features]
            values = [stack[i] if i < len(stack) else "_" for stack in stacks]
            which = layer.label_feature()
            label = (_value(values[which]) if which is not None else None) or layer.short
            relations.append({"id": new_id(), "head": head["id"], "child": child["id"], "label": label})
    for span in spans.values():
        if "entity_id" in span:  # named once the span's extent is known
            kb = span.pop("entity_id")
            span["entity"] = {"id": kb, "name": text[span["start"]:span["end"]], "type": span["label"]}
    return list(spans.values()), relations


def _span_cells(layer, own, number, token_id, begin, end, u16, spans, at_token, unplaced):
    columns = [_STACK.split(cell) for cell in own]
    for i in range(max(len(c) for c in columns)):
        items = [_ITEM.match(c[i] if i < len(c) else "_").groups() for c in columns]
        ids = {ident for _, ident in items if ident}
        if all(value in ("_", "") for value, _ in items):
            continue
        ident = next(iter(ids), None)
        key = (layer.name, ident) if ident else (layer.name, token_id, i)
        start, stop = u16.to_codepoint(begin), u16.to_codepoint(end)
        span = spans.get(key)
        if span is None:
            if start == stop:
                unplaced.append(f"line {number}: zero-width {layer.short} annotation at {begin}")
                continue
            values = [_value(value) for value, _ in items]
            which = layer.label_feature()
            label = (values[which] if which is not None else None) or layer.short
            attrs, entity = {}, None
            for feature, value in zip(layer.features, values):
                if value is None or (which is not None and feature == layer.features[which]):
                    continue
                if layer.name == _NAMED_ENTITY and feature == "identifier":
                    entity = value
                else:
                    attrs[feature] = value
            span = spans[key] = {"id": new_id(), "start": start, "end": stop, "label": label, "attrs": attrs}
            if entity:
                span["entity_id"] = entity
        else:
            span["start"], span["end"] = min(span["start"], start), max(span["end"], stop)
        at_token.setdefault((layer.name, token_id), []).append(span)


def _span_for(spans, at_token, layer, token_id, ident):
    if ident and ident != "0":
        return spans.get((layer, ident))
    found = at_token.get((layer, token_id))
    return found[0] if found else None
