"""From Draft (as read) to Document (as stored): the one place where imported text is
canonicalised, offsets are converted and every span is checked against the text and schema."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

from annotator.core import rules
from annotator.core.model import STATUSES, Document, EntityRef, Relation, Span, new_id, now, ordered_meta
from annotator.core.offsets import Utf16Map
from annotator.core.schema import DEFAULT_LAYER, Attribute, Schema, SchemaError, name_problem
from annotator.core.text import OffsetShift, TextError, canonicalise, content_hash, describe_char, unify_line_breaks
from annotator.io.records import Draft, Rejection

OFFSET_UNITS = ("codepoint", "utf16")
TITLE_MAX = 300


class SpanError(rules.RuleError):
    """A span or relation of a draft that breaks a rule; the message names it ("span 3: ...")."""


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _located(where: str, problem: rules.RuleError | None, **params) -> None:
    if problem is not None:
        raise problem.within(where, SpanError, **params)


_STRICT_JSON = json.JSONEncoder(ensure_ascii=False, allow_nan=False)


def _unstorable(value) -> str | None:
    """Why `value` (ids, labels, meta, attrs: everything but the checked text) cannot be stored,
    or None. JSON escapes can smuggle in what SQLite (UTF-8) and its json_valid() CHECKs refuse:
    a lone surrogate ("\\ud800") raises UnicodeEncodeError and NaN/Infinity (also 1e400) fail
    the CHECK, both only when the batch is written, so the whole batch rolled back with a
    traceback. One C-level dump finds either."""
    try:
        _STRICT_JSON.encode(value).encode("utf-8")
    except UnicodeEncodeError as exc:
        return describe_char(exc.object[exc.start])
    except RecursionError:
        return "nested too deeply"
    except ValueError:
        return "NaN or Infinity (not valid JSON)"
    return None


def _unstorable_field(fields: list[tuple[str, str, object]]) -> str | None:
    """"WHERE NAME: why" for the first (where, name, value) whose value cannot be stored, or
    None: one dump for a whole document in the usual case, the search only after a failure."""
    if _unstorable([value for _, _, value in fields]) is None:
        return None
    return next(f"{where}{name}: {problem}" for where, name, value in fields if (problem := _unstorable(value)))


def _first_line(text: str) -> str | None:
    for line in text.split("\n"):
        if line.strip():
            return line.strip()[:TITLE_MAX]
    return None


@dataclass
class Prepared:
    """A validated document plus what the project must learn before storing it."""

    doc: Document
    draft: Draft
    new_labels: list[tuple[str, str]] = field(default_factory=list)  # (layer, label)
    entities: list[EntityRef] = field(default_factory=list)
    suggested: list[Span] = field(default_factory=list)  # the draft's suggestions, validated as spans
    # (start, end, layer, label) the source rejected (Prodigy "reject" answers): stored as
    # rejected suggestions, so nothing suggests them again in the document.
    rejected_keys: list[tuple] = field(default_factory=list)
    # The later records of the same text that joined this document (Draft.joins), with their answers
    joined: list[Draft] = field(default_factory=list)


class Preparer:
    """Validates drafts against a schema (or, with schema=None, only against their text)."""

    def __init__(self, schema: Schema | None, offset_unit: str = "codepoint", annotator: str = ""):
        if offset_unit not in OFFSET_UNITS:
            raise ValueError(f"offset unit must be one of {', '.join(OFFSET_UNITS)}")
        self.schema = schema
        self.offset_unit = offset_unit
        self.annotator = annotator
        # Lookups by name: the schema's own are linear scans, and import asks once per span.
        self._layers = {layer.name: layer for layer in schema.layers} if schema else {}
        self._label_layer = {lab.name: lab.layer for lab in schema.labels()} if schema else {}
        # Where a label new to the schema goes when its span names no layer: the entity layer by
        # role (the first layer only while roles were implied by position: with_default_roles).
        self._default_layer = schema.default_layer() if schema else None
        self._learnt = False  # whether _learn_attributes grew self.schema (brat attributes)

    def prepare(self, draft: Draft, *, overlaps: bool = True) -> Prepared | Rejection:
        """`overlaps=False` skips the layers' overlap rules: for spans that are not kept as
        annotations (a Prodigy task's rejected spans may cross each other)."""
        try:
            text = canonicalise(draft.text)
        except TextError as exc:
            return draft.reject(exc.reason, exc.line, "text", {"detail": exc.reason})
        status = draft.status or "new"
        if status not in STATUSES:
            return draft.reject(f"status {status!r} is not one of {', '.join(STATUSES)}", None, "status",
                                {"status": status, "allowed": ", ".join(STATUSES)})
        meta = ordered_meta(draft.meta)
        if meta["title"] is None:
            meta["title"] = _first_line(text)
        doc = Document(str(draft.id) if draft.id is not None else "", text, meta, status,
                       content_hash=content_hash(text))
        prepared = Prepared(doc, draft)
        stored = [("", "id", doc.id), ("", "meta", meta)]  # (where, field, value) to check storable
        try:
            self._spans(draft, prepared, stored, overlaps)
            self._relations(draft, prepared, stored)
        except SpanError as exc:  # a RuleError: its code and params travel with the rejection
            return draft.reject(str(exc), None, exc.code, exc.params)
        problem = _unstorable_field(stored)
        if problem:
            return draft.reject(problem, None, "unstorable", {"problem": problem})
        return prepared

    # -- spans ------------------------------------------------------------------------

    def _spans(self, draft: Draft, prepared: Prepared, stored: list, overlaps: bool = True) -> None:
        if not draft.spans:
            return
        text = prepared.doc.text
        shift = OffsetShift.of(draft.text)
        u16 = Utf16Map(draft.text) if self.offset_unit == "utf16" else None
        stamp = now()
        seen_ids: set[str] = set()
        entities: dict[str, EntityRef] = {}
        for n, raw in enumerate(draft.spans, 1):
            if not isinstance(raw, dict):
                raise SpanError(f"span {n}: expected an object, got {type(raw).__name__}")
            start, end = raw.get("start"), raw.get("end")
            if not (_is_int(start) and _is_int(end)):
                raise SpanError(f"span {n}: start and end must be integers, got {start!r} and {end!r}")
            if u16 is not None:
                try:
                    start, end = u16.to_codepoint(start), u16.to_codepoint(end)
                except ValueError as exc:
                    raise SpanError(f"span {n}: {exc}") from None
            if not 0 <= start < end <= len(draft.text):
                raise SpanError(f"span {n}: offsets {raw['start']}-{raw['end']} outside the text "
                                f"(length {len(draft.text) if u16 is None else u16.length_u16}) or empty/reversed")
            start, end = shift(start), shift(end)
            if start == end:  # it covered only what canonicalisation deletes; stored, it would be empty
                raise SpanError(f"span {n}: offsets {raw['start']}-{raw['end']} cover only a byte-order mark "
                                f"or the LF of a CRLF, which the stored text does not have")
            # A span that splits a letter from its marks or an emoji in half means nothing and
            # gives broken CoNLL tokens: reject it rather than move it (the offsets are the data).
            _located(f"span {n}: ", rules.range_problem(text, start, end), span=n)
            covered = text[start:end]
            given = raw.get("text")
            if given is not None and given != covered:
                if not isinstance(given, str) or unify_line_breaks(given) != covered:
                    raise SpanError(f"span {n}: text {given!r} does not match the document at "
                                    f"{raw['start']}-{raw['end']} ({covered!r})")
            layer, label = self._layer_label(n, raw, prepared)
            span_id = raw.get("id")
            if span_id is None:
                span_id = new_id()
            elif not isinstance(span_id, (str, int)) or isinstance(span_id, bool) or str(span_id) in seen_ids:
                raise SpanError(f"span {n}: id {span_id!r} is not a string or is used twice")
            span_id = str(span_id)
            seen_ids.add(span_id)
            entity = self._entity(n, raw.get("entity"))
            if entity is not None:
                entities.setdefault(entity.id, entity)
            attrs = raw.get("attrs") or {}
            if attrs and draft.attributes and self.schema is not None and isinstance(attrs, dict):
                self._learn_attributes(n, layer, attrs, draft.attributes)
            if attrs:
                self._check_attrs(n, layer, attrs, text)
            annotator, created, updated = raw.get("annotator"), raw.get("created"), raw.get("updated")
            for value in (annotator, created, updated):
                if value is not None and type(value) is not str:
                    raise SpanError(f"span {n}: annotator, created and updated must be strings")
            stored += [(f"span {n}: ", name, value) for name, value in (
                ("id", span_id), ("label", label), ("layer", layer), ("annotator", annotator), ("created", created),
                ("updated", updated), ("entity", raw.get("entity")), ("attrs", attrs))]
            prepared.doc.spans.append(Span(span_id, start, end, covered, layer, label, entity, attrs,
                                           annotator or self.annotator, created or stamp, updated or created or stamp))
        prepared.entities = list(entities.values())
        if overlaps:
            self._check_overlaps(prepared.doc.spans)
        prepared.doc.spans.sort(key=Span.sort_key)

    def _layer_label(self, n: int, raw: dict, prepared: Prepared) -> tuple[str, str]:
        label, layer = raw.get("label"), raw.get("layer")
        if not isinstance(label, str) or not label.strip():
            raise SpanError(f"span {n}: label must be a non-empty string, got {label!r}")
        if layer is not None and (not isinstance(layer, str) or not layer):
            raise SpanError(f"span {n}: layer must be a non-empty string, got {layer!r}")
        # The schema's naming rule, for every source: "\u202eNOSREP" showed as a second PERSON in
        # the palette and a newline broke brat and CoNLL lines. Unstorable text (a lone
        # surrogate) is named as such first, like every other field.
        for what, value in (("label", label), ("layer", layer)):
            if value is None:
                continue
            problem = _unstorable(value)
            if problem:
                raise SpanError(f"span {n}: {what}: {problem}")
            problem = name_problem(value, what)
            if problem:
                raise SpanError(f"span {n}: {problem}")
        schema = self.schema
        if schema is None:
            return layer or DEFAULT_LAYER, label
        known_layer = self._label_layer.get(label)
        if layer is None:
            if known_layer is None and self._default_layer is None:
                raise SpanError(f"span {n}: label {label} is not in the schema and the span names no layer "
                                f"(the schema marks no entity layer to add it to); give the span a layer",
                                "no_default_layer", span=n, label=label)
            layer = known_layer or self._default_layer.name
        elif layer not in self._layers:
            raise SpanError(f"span {n}: unknown layer {layer!r} (the project has "
                            f"{', '.join(lay.name for lay in schema.layers)})")
        if known_layer is None:
            self._label_layer[label] = layer
            prepared.new_labels.append((layer, label))
        elif known_layer != layer:
            raise SpanError(f"span {n}: label {label} belongs to layer {known_layer}, not {layer}")
        return layer, label

    @staticmethod
    def _entity(n: int, value) -> EntityRef | None:
        if value is None:
            return None
        if not isinstance(value, dict) or not all(isinstance(value.get(k), str) and value.get(k)
                                                  for k in ("id", "name", "type")):
            raise SpanError(f"span {n}: entity must be null or an object with id, name and type strings")
        return EntityRef(value["id"], value["name"], value["type"])

    def _learn_attributes(self, n: int, layer: str, attrs: dict, defined: dict) -> None:
        """Attributes the draft defines (Draft.attributes) that the span's layer lacks join this
        import's schema, and a defined choice gains a new value, so the span passes the rules
        and later documents see them; the store gets them with the documents that use them
        (attribute_additions). What the draft does not define stays refused by the rules."""
        for name, value in attrs.items():
            if name not in defined:
                continue
            kind, values = defined[name]
            known = rules.find_attribute(self.schema, layer, name)
            if known is None:
                wanted = Attribute(name, layer, kind, tuple(values))
            elif known.kind == kind == "choice" and isinstance(value, str) and value not in known.values:
                wanted = replace(known, values=tuple(dict.fromkeys((*known.values, *values, value))))
            else:
                continue
            try:
                self.schema = self.schema.with_attribute(wanted)
            except SchemaError as exc:  # a name the naming rule refuses, a note of another kind
                raise SpanError(f"span {n}: {exc}") from None
            self._learnt = True

    def attribute_additions(self, docs: list[Document], schema: Schema) -> tuple[list[Attribute], list[str]]:
        """What the stored schema `schema` must gain for the spans of `docs` (the documents a
        batch stores, not a rejected or duplicate one that first brought an attribute): new
        attributes as this import learnt them, and new values of a stored choice; with the
        report's lines, "layer/name" for a new attribute and "layer/name=value" for a value."""
        if not self._learnt:
            return [], []
        wanted: dict[tuple[str, str], Attribute] = {}
        said: list[str] = []
        for doc in docs:
            for span in doc.spans:
                for name, value in span.attrs.items():
                    learnt = rules.find_attribute(self.schema, span.layer, name)
                    if learnt is None or learnt.kind not in ("flag", "choice"):
                        continue
                    stored = rules.find_attribute(schema, span.layer, name)
                    if stored is None:
                        if (span.layer, name) not in wanted:
                            wanted[(span.layer, name)] = learnt
                            said.append(f"{span.layer}/{name}")
                        continue
                    have = wanted.get((span.layer, name), stored)
                    if stored.kind == "choice" == learnt.kind and isinstance(value, str) and value not in have.values:
                        wanted[(span.layer, name)] = replace(have, values=(*have.values, value))
                        said.append(f"{span.layer}/{name}={value}")
        return list(wanted.values()), said

    def _check_attrs(self, n: int, layer: str, attrs, text: str) -> None:
        if not isinstance(attrs, dict):
            raise SpanError(f"span {n}: attrs must be an object")
        if self.schema is None:
            return
        for name, value in attrs.items():
            _located(f"span {n}: ", rules.attribute_problem(self.schema, layer, name, value, text), span=n)

    def _check_overlaps(self, spans: list[Span]) -> None:
        # Within each annotator's set: two analysts marking the same words is two sets' work,
        # not a conflict (the Workspace applies the rules the same way, store/sets.py).
        by_set: dict[tuple[str, str], list[Span]] = {}
        for span in spans:
            by_set.setdefault((span.annotator, span.layer), []).append(span)
        for (_, layer), members in by_set.items():
            _located("", rules.overlaps_problem(self._layers.get(layer), members))

    # -- relations --------------------------------------------------------------------

    def _relations(self, draft: Draft, prepared: Prepared, stored: list) -> None:
        owners = {s.id: s.annotator for s in prepared.doc.spans}  # span id -> its set
        ids = owners.keys()
        seen: set[str] = set()
        stamp = now()
        for n, raw in enumerate(draft.relations, 1):
            if not isinstance(raw, dict):
                raise SpanError(f"relation {n}: expected an object")
            head, child, label = raw.get("head"), raw.get("child"), raw.get("label")
            if not isinstance(label, str) or not label:
                raise SpanError(f"relation {n}: label must be a non-empty string")
            problem = _unstorable(label)
            if problem:
                raise SpanError(f"relation {n}: label: {problem}")
            problem = name_problem(label, "relation")
            if problem:
                raise SpanError(f"relation {n}: {problem}")
            for role, ref in (("head", head), ("child", child)):
                if not isinstance(ref, (str, int)) or str(ref) not in ids:
                    raise SpanError(f"relation {n}: {role} {ref!r} is not a span of this document")
            rel_id = str(raw.get("id") or new_id())
            stored += [(f"relation {n}: ", "id", rel_id), (f"relation {n}: ", "label", label)]
            if rel_id in seen:
                raise SpanError(f"relation {n}: id {rel_id!r} used twice")
            seen.add(rel_id)
            # A relation is in the set of the spans it links; one between two sets' spans (a
            # Label Studio region two annotators drew, kept once) stays the importer's.
            owner = owners[str(head)] if owners[str(head)] == owners[str(child)] else self.annotator
            prepared.doc.relations.append(Relation(rel_id, str(head), str(child), label, owner, stamp, stamp))
