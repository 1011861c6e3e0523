"""spaCy DocBin (``.spacy``), the file ``spacy train`` reads: export and import.

spaCy is an optional extra (``pip install "annotator[spacy]"``) and is imported only inside the
functions, so the CLI and the rest of annotator.io work without it.

Each document becomes a ``Doc`` built from annotator's export tokens (core/tokenize: every span
boundary is a token boundary, and ``doc.text`` is the document text exactly, whitespace runs and
invisible marks included). The entity layer (CoNLL's default_layer) goes into ``doc.ents``, which
cannot overlap: overlapping or whitespace-only spans are left out of the ents with a warning.
Every layer's spans go into ``doc.spans[layer]`` (overlap allowed), entity links into the span's
``kb_id_``, and what spaCy has no place for (document id, meta, status, span ids, attributes,
entity names, relations) into ``doc.user_data["annotator"]``.
"""

from __future__ import annotations

import importlib.util
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from annotator.core.model import Document, Span
from annotator.core.schema import Schema
from annotator.core.tokenize import tokenize
from annotator.io import fitting_spans
from annotator.io.conll import default_layer, flat_spans  # the entity layer CoNLL exports, its rule
from annotator.io.outputs import OutputRefused
from annotator.io.records import MAX_DOCUMENT, Draft, Rejection, megabytes
from annotator.io.txt import read_bytes

WRITES_FOLDER = False
SUFFIXES = ("spacy",)
USER_DATA_KEY = "annotator"
INSTALL = 'pip install "annotator[spacy]"'
# A DocBin holds the text a few times over (tokens, strings): a file whose decompressed data is
# larger than this is refused before spaCy parses it (a small zlib bomb would otherwise fill memory).
MAX_DECOMPRESSED = 8 * MAX_DOCUMENT


class SpacyMissing(OutputRefused):
    """The spacy extra is not installed: the output is refused before anything is written (the
    CLI and the window already say an OutputRefused's sentence and write nothing)."""

    def __init__(self, path: Path | str = "") -> None:
        super().__init__("needs_spacy", Path(path), f"the spaCy format needs spaCy: {INSTALL}")
        self.params: dict = {"install": INSTALL}


def spacy_available() -> bool:
    """Whether spaCy can be imported, found without importing it (that takes a second)."""
    try:
        return importlib.util.find_spec("spacy") is not None
    except (ImportError, ValueError, AttributeError):  # a broken or blocked entry in sys.modules
        return False


def _spacy(path: Path | str = ""):
    try:
        from spacy.tokens import Doc, DocBin
        from spacy.vocab import Vocab
    except ImportError:
        raise SpacyMissing(path) from None
    return Doc, DocBin, Vocab


# -- export -----------------------------------------------------------------------------


def export(docs: Iterable[Document], out: Path, schema: Schema, layer: str | None = None) -> list[str]:
    Doc, DocBin, Vocab = _spacy(out)
    warnings: list[str] = []
    ent_layer = layer or default_layer(schema, warnings)
    vocab = Vocab()  # a DocBin keeps its own strings: no language pipeline is needed to write one
    docbin = DocBin(store_user_data=True)
    for doc in docs:
        docbin.add(to_doc(doc, ent_layer, Doc, vocab, warnings))
    docbin.to_disk(out)
    return warnings


def to_doc(doc: Document, ent_layer: str, Doc, vocab, warnings: list[str]):
    spans = sorted(fitting_spans(doc, doc.spans, warnings), key=Span.sort_key)
    tokens = tokenize(doc.text, [s.start for s in spans], [s.end for s in spans])
    sdoc = Doc(vocab, words=[t.text for t in tokens], spaces=[t.ws for t in tokens])
    if sdoc.text != doc.text:  # tokenize promises this; a Doc that changed the text would move every span
        raise AssertionError(f"document {doc.id}: spaCy tokens do not give back the text")
    first = {t.start: i for i, t in enumerate(tokens)}
    stop = {t.end: i + 1 for i, t in enumerate(tokens)}
    flat = {s.id for s in flat_spans(doc, [s for s in spans if s.layer == ent_layer], warnings,
                                     "doc.ents (kept in doc.spans)")}
    groups: dict[str, list] = {}
    ents = []
    for span in spans:
        sspan = sdoc[first[span.start]:stop[span.end]]
        sspan.label_ = span.label
        if span.entity is not None:
            sspan.kb_id_ = span.entity.id
        groups.setdefault(span.layer, []).append(sspan)
        if span.id in flat:
            ents.append(sspan)
    sdoc.ents = ents
    for name, group in groups.items():
        sdoc.spans[name] = group
    kept = {s.id for s in spans}
    sdoc.user_data[USER_DATA_KEY] = {
        "id": doc.id,
        "meta": dict(doc.meta),
        "status": doc.status,
        "spans": [_span_record(s) for s in spans],
        "relations": [{"id": r.id, "head": r.head, "child": r.child, "label": r.label}
                      for r in doc.relations if r.head in kept and r.child in kept],
    }
    return sdoc


def _span_record(span: Span) -> dict:
    return {
        "id": span.id, "start": span.start, "end": span.end, "layer": span.layer, "label": span.label,
        "entity": {"id": span.entity.id, "name": span.entity.name, "type": span.entity.type} if span.entity else None,
        "attrs": span.attrs, "annotator": span.annotator, "created": span.created, "updated": span.updated,
    }


# -- import -----------------------------------------------------------------------------


def looks_like_docbin(sample: bytes) -> bool:
    """Whether the start of a file is a DocBin: a zlib stream whose first decompressed bytes are
    the msgpack map DocBin.to_bytes writes (its "version" and "attrs" keys)."""
    if len(sample) < 2 or sample[0] & 0x0F != 8 or (sample[0] << 8 | sample[1]) % 31:
        return False  # not a zlib header (RFC 1950: deflate, check bits)
    try:
        head = zlib.decompressobj().decompress(sample, 4096)
    except zlib.error:
        return False
    return _is_docbin_map(head)


def _is_docbin_map(head: bytes) -> bool:
    """A msgpack map (fixmap, map16, map32) holding DocBin's "version" and "attrs" keys."""
    return bool(head) and (0x80 <= head[0] <= 0x8F or head[0] in (0xDE, 0xDF)) and b"\xa7version" in head \
        and b"\xa5attrs" in head


def _decompressed_size(data: bytes, limit: int) -> int | None:
    """The decompressed size of a zlib stream (counted in chunks, never held whole), None when it
    is larger than `limit`, -1 when the stream is broken."""
    unzip, size, rest = zlib.decompressobj(), 0, data
    try:
        while rest:
            size += len(unzip.decompress(rest, 1 << 20))
            if size > limit:
                return None
            rest = unzip.unconsumed_tail
        size += len(unzip.flush())
    except zlib.error:
        return -1
    return size


def read(path: Path, *, encoding: str | None = None) -> Iterator[Draft | Rejection]:
    name = str(path)
    data = read_bytes(path, MAX_DECOMPRESSED)
    if isinstance(data, Rejection):
        yield data
        return
    if not looks_like_docbin(data[:65536]):
        yield Rejection(name, None, "not a spaCy DocBin file (no zlib-compressed DocBin data)")
        return
    size = _decompressed_size(data, MAX_DECOMPRESSED)
    if size is None:
        yield Rejection(name, None, f"DocBin data larger than {megabytes(MAX_DECOMPRESSED)} once decompressed; "
                        "skipped")
        return
    if size < 0:
        yield Rejection(name, None, "damaged spaCy DocBin file (its data does not decompress)")
        return
    try:
        _, DocBin, Vocab = _spacy(path)
    except SpacyMissing as exc:
        yield Rejection(name, None, str(exc), exc.code, exc.params)
        return
    try:
        docs = list(DocBin().from_bytes(data).get_docs(Vocab()))
    except Exception as exc:  # noqa: BLE001 - spaCy raises many kinds on damaged data; none may stop the import
        yield Rejection(name, None, f"damaged spaCy DocBin file ({type(exc).__name__})")
        return
    if not docs:
        yield Rejection(name, None, "empty file (a DocBin with no documents)")
    for number, sdoc in enumerate(docs, 1):
        yield from_doc(sdoc, name, number)


def _lists(value):
    """msgpack gives arrays back as tuples: lists again, as the JSON formats give them."""
    if isinstance(value, (list, tuple)):
        return [_lists(v) for v in value]
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    return value


def from_doc(sdoc, path: str, number: int) -> Draft:
    """Draft of one spaCy Doc: spans from its span groups (layer = group key) and its ents (the
    entity layer, or no layer for a DocBin of another tool: the schema's entity layer takes
    them), with what annotator stored in user_data matched back by layer, offsets and label."""
    ours = sdoc.user_data.get(USER_DATA_KEY) if isinstance(sdoc.user_data, dict) else None
    ours = _lists(ours) if isinstance(ours, dict) else {}
    stored = {}
    records = ours.get("spans")
    for record in records if isinstance(records, list) else []:
        if not isinstance(record, dict):
            continue
        key = (record.get("layer"), record.get("start"), record.get("end"), record.get("label"))
        if all(isinstance(part, (str, int)) for part in key):  # another tool's user_data may hold anything
            stored.setdefault(key, record)
    spans, seen = [], set()

    def add(sspan, layer: str | None) -> None:
        key = (layer, sspan.start_char, sspan.end_char, sspan.label_)
        if key in seen or not sspan.label_:
            return
        seen.add(key)
        record = stored.get(key)
        raw = {"start": sspan.start_char, "end": sspan.end_char, "label": sspan.label_, "text": sspan.text}
        if layer is not None:
            raw["layer"] = layer
        if record is not None:
            raw.update({k: record[k] for k in ("id", "entity", "attrs", "annotator", "created", "updated")
                        if record.get(k) not in (None, "", {})})
        elif sspan.kb_id_:  # another tool's kb link: the entity is named by its mention
            raw["entity"] = {"id": sspan.kb_id_, "name": sspan.text, "type": sspan.label_}
        spans.append(raw)

    for layer, group in sdoc.spans.items():
        for sspan in group:
            add(sspan, layer)
    ent_layers = {r.get("layer") for r in stored.values()} if not sdoc.spans else set()
    for sspan in sdoc.ents:
        # Our own export keeps every entity-layer span in its group: ents only add a foreign
        # file's entities (no layer named: the pipeline puts them in the schema's entity layer).
        if not any((lay, sspan.start_char, sspan.end_char, sspan.label_) in seen for lay in sdoc.spans):
            add(sspan, next(iter(ent_layers)) if len(ent_layers) == 1 else None)
    meta = ours.get("meta") if isinstance(ours.get("meta"), dict) else {}
    relations = ours.get("relations")
    relations = [r for r in relations if isinstance(r, dict)] if isinstance(relations, list) else []
    doc_id = ours.get("id") if isinstance(ours.get("id"), str) else None
    status = ours.get("status") if isinstance(ours.get("status"), str) else None
    return Draft(sdoc.text, path, number, meta=dict(meta), id=doc_id, status=status, spans=spans,
                 relations=relations, shape="native" if ours else "plain")
