"""The annotation rules, in one place: what the Workspace refuses from the analyst and what the
import pipeline refuses from a file are the same rules with the same sentences.

Each check returns None or a `RuleError` (not raised: the caller raises it, or wraps it with
where the problem is, e.g. "span 3: "). str() of a RuleError is one English sentence; `code` and
`params` say the same for a window that translates (DESIGN.md §9). No Qt, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.graphemes import split_problem
from annotator.core.model import Span
from annotator.core.overlap import conflicts
from annotator.core.schema import Attribute, Layer, Schema



class RuleError(ValueError):
    """An annotation the schema or the text does not allow."""

    def __init__(self, message: str, code: str = "rule", **params):
        super().__init__(message)
        self.code = code
        self.params = params

    def within(self, where: str, cls: type[RuleError] | None = None, **params) -> RuleError:
        """The same problem located, e.g. `problem.within("span 3: ", span=3)`, as `cls`."""
        return (cls or type(self))(f"{where}{self}", self.code, **self.params, **params)


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def label_problem(schema: Schema, label: str) -> RuleError | None:
    if schema.label(label) is None:
        return RuleError(f"no label {label!r} in the project", "unknown_label", label=label)
    return None


def range_problem(text: str, start, end, what: str = "") -> RuleError | None:
    """Offsets inside the text, non-empty, that do not split a character (a letter and its
    marks, or one emoji): a span splitting one means nothing and gives broken CoNLL tokens.
    `what` begins the sentence: "span 3-5", "attribute cue" (or nothing: "ends inside ...")."""
    lead = f"{what} " if what else ""
    if not (_is_int(start) and _is_int(end) and 0 <= start < end <= len(text)):
        return RuleError(f"{lead or f'{start}-{end} '}is outside the document", "outside_text",
                         start=start, end=end, length=len(text))
    problem = split_problem(text, start, end)
    if problem:
        return RuleError(f"{lead}{problem}", "splits_character", start=start, end=end,
                         edge="start" if problem.startswith("starts") else "end")
    return None


_RULE = {"none": "may not overlap", "nested": "may only nest inside each other"}


def overlap_problem(layer: Layer | None, spans_of_layer: Iterable[Span], new_span: Span) -> RuleError | None:
    """Whether `new_span` may join `spans_of_layer` (the spans of its layer near it, without
    itself) under the layer's overlap mode; an unknown layer allows any overlap."""
    mode = layer.overlap if layer else "any"
    pair = conflicts([*spans_of_layer, new_span], mode)
    if pair is None:
        return None
    other = pair[0] if pair[1] is new_span else pair[1]
    if (other.start, other.end, other.label) == (new_span.start, new_span.end, new_span.label):
        return RuleError(f"«{new_span.text}» is already {new_span.label}", "duplicate_span",
                         text=new_span.text, label=new_span.label)
    return RuleError(f"{new_span.layer} spans {_RULE.get(mode, 'may not overlap')}: «{new_span.text}» crosses "
                     f"{other.label} «{other.text}»", "overlap", layer=new_span.layer, mode=mode,
                     text=new_span.text, other_label=other.label, other_text=other.text)


def overlaps_problem(layer: Layer | None, spans_of_layer: Iterable[Span]) -> RuleError | None:
    """The first pair of a whole layer's spans (an imported document) that its mode forbids."""
    mode = layer.overlap if layer else "any"
    pair = conflicts(spans_of_layer, mode)
    if pair is None:
        return None
    a, b = pair
    rule = "overlap" if layer is None else f"overlap in layer {layer.name} (mode {mode})"
    return RuleError(f"spans {a.label} {a.start}-{a.end} and {b.label} {b.start}-{b.end} may not {rule}",
                     "overlap", mode=mode, first=f"{a.label} {a.start}-{a.end}", second=f"{b.label} {b.start}-{b.end}")


def find_attribute(schema: Schema, layer: str, name: str) -> Attribute | None:
    return next((a for a in schema.attributes(layer) if a.name == name), None)


def attribute_problem(schema: Schema, layer: str, name: str, value, text: str) -> RuleError | None:
    """A stored attribute value checked by its kind: a choice (or a relation's literal, e.g.
    AUTHOR) among the schema's values, a flag true or false, a text a string, a span {start, end, text} matching the
    document on character boundaries. None means "not set" and is always allowed."""
    attribute = find_attribute(schema, layer, name)
    if attribute is None:
        return RuleError(f"layer {layer} has no attribute {name!r}", "unknown_attribute", layer=layer, name=name)
    if value is None:
        return None
    if attribute.kind in ("choice", "relation") and value not in attribute.values:
        return RuleError(f"attribute {name} must be one of {', '.join(attribute.values)}, not {value!r}",
                         "attribute_choice", name=name, values=attribute.values, value=value)
    if attribute.kind == "flag" and not isinstance(value, bool):  # 1 or "yes" would read as set
        return RuleError(f"attribute {name} is a flag: true or false, not {value!r}", "attribute_flag",
                         name=name, value=value)
    if attribute.kind == "text" and not isinstance(value, str):
        return RuleError(f"attribute {name} must be a string", "attribute_text", name=name)
    if attribute.kind == "span":
        ok = (isinstance(value, dict) and _is_int(value.get("start")) and _is_int(value.get("end"))
              and 0 <= value["start"] < value["end"] <= len(text)
              and text[value["start"]:value["end"]] == value.get("text"))
        if not ok:
            return RuleError(f"attribute {name} must be {{start, end, text}} matching the document",
                             "attribute_span", name=name)
        return range_problem(text, value["start"], value["end"], f"attribute {name}")
    return None


def relation_attribute(schema: Schema, layer: str) -> Attribute | None:
    """The layer's attribute of kind relation (a claim's claimant in the news schema): stored as
    a relation named after it, from the span to an entity span, or as one of its literals
    (AUTHOR, UNKNOWN). The schema says which attribute it is, not its name."""
    return next((a for a in schema.attributes(layer) if a.kind == "relation"), None)


def claimant_problem(schema: Schema, claim: Span, who: Span | None = None) -> RuleError | None:
    """A claim's layer must have a relation attribute (its claimant); the claimant, when a span,
    is an entity (a span of another layer), never the claim itself or another claim."""
    if relation_attribute(schema, claim.layer) is None:
        return RuleError(f"{claim.label} spans have no claimant", "no_claimant", label=claim.label)
    if who is not None and (who.id == claim.id or who.layer == claim.layer):
        return RuleError("a claimant is an entity, not another claim", "claimant_not_entity")
    return None
