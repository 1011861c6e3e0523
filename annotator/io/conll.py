"""CoNLL-2002 IOB2: ``token TAG`` per line, a blank line after each sentence.

IOB2 is flat, so one layer is exported (by default the schema's entity layer: see
Schema.default_layer) and overlapping spans of it are reduced greedily, (start, longest first);
everything left out is reported.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from annotator.core.model import Document, Span
from annotator.core.schema import DEFAULT_LAYER, Schema
from annotator.core.tokenize import is_blank, sentences, tokenize
from annotator.io import fitting_spans, one_token

WRITES_FOLDER = False
_ANY_SPACE = re.compile(r"\s")


def default_layer(schema: Schema | None, warnings: list[str] | None = None) -> str:
    """The layer CoNLL exports when none is chosen: the schema's entity layer by role (never by
    position or name). A schema whose roles name none (every layer underlined, none linking)
    still gets a file rather than an error: its first layer, with a warning naming it."""
    if schema is None or not schema.layers:
        return DEFAULT_LAYER
    chosen = schema.default_layer()
    if chosen is not None:
        return chosen.name
    first = schema.layers[0].name
    if warnings is not None:
        warnings.append(f"the schema marks no layer with links_entities = true or draw = \"background\"; "
                        f"CoNLL exports layer {first}")
    return first


def export(docs: Iterable[Document], out: Path, schema: Schema, layer: str | None = None) -> list[str]:
    warnings: list[str] = []
    layer = layer or default_layer(schema, warnings)
    other_layers: Counter[str] = Counter()
    with Path(out).open("w", encoding="utf-8", newline="\n") as fh:
        for doc in docs:
            others = [s for s in doc.spans if s.layer != layer]
            other_layers.update(s.layer for s in others)
            fitting_spans(doc, others, warnings)  # left out anyway, but a mismatch is reported by every format
            fh.write(document_block(doc, layer, warnings))
    if other_layers:
        left = ", ".join(f"{n} {name}" for name, n in sorted(other_layers.items()))
        warnings.append(f"CoNLL holds one flat layer ({layer}); spans of other layers are left out: {left}")
    return warnings


def _flat_spans(doc: Document, layer: str, warnings: list[str]) -> list[Span]:
    ordered = sorted((s for s in doc.spans if s.layer == layer), key=Span.sort_key)
    return flat_spans(doc, fitting_spans(doc, ordered, warnings), warnings, "CoNLL")


def flat_spans(doc: Document, ordered: list[Span], warnings: list[str], place: str) -> list[Span]:
    """Of spans in reading order (Span.sort_key), those a flat tag sequence (IOB, spaCy's
    doc.ents) can hold: none only whitespace, none inside or across a kept one (the first of
    them is kept). Each other one is a warning saying it is left out of `place`."""
    kept: list[Span] = []
    reach = 0  # end of the last kept span
    for span in ordered:
        where = f"document {doc.id}: span {span.id} ({span.label} {span.start}-{span.end})"
        if is_blank(span.text):
            warnings.append(f"{where} is only whitespace and is left out of {place}")
        elif span.start < reach:
            warnings.append(f"{where} overlaps another and is left out of {place}")
        else:
            kept.append(span)
            reach = span.end
    return kept


def document_block(doc: Document, layer: str = DEFAULT_LAYER, warnings: list[str] | None = None) -> str:
    """The lines of one document, starting with ``-DOCSTART- O`` and a blank line."""
    warnings = [] if warnings is None else warnings
    spans = _flat_spans(doc, layer, warnings)
    tokens = tokenize(doc.text, [s.start for s in spans], [s.end for s in spans])
    tags = ["O"] * len(tokens)
    first = {t.start: i for i, t in enumerate(tokens)}
    reported: set[str] = set()
    for span in spans:
        i, prefix = first[span.start], "B-"
        label = one_token(span.label, warnings, reported)  # a blank in a tag would split its line
        while i < len(tokens) and tokens[i].start < span.end:
            if not tokens[i].is_space:  # a span may begin on whitespace: B- goes on its first word
                tags[i] = prefix + label
                prefix = "I-"
            i += 1
    lines = ["-DOCSTART- O", ""]
    for begin, stop in sentences(doc.text, tokens, [(s.start, s.end) for s in spans]):
        rows = []
        for i in range(begin, stop):
            token = tokens[i]
            if token.is_space:
                continue
            assert not _ANY_SPACE.search(token.text), f"token with whitespace: {token!r}"
            rows.append(f"{token.text} {tags[i]}")
        if rows:
            lines.extend(rows)
            lines.append("")
    return "\n".join(lines) + "\n"
