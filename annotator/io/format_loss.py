"""What each export format cannot carry, counted for the selection being exported.

The one place that knows the formats' capabilities: the CLI prints ``sentence()`` to stderr and
the window translates each ``Loss`` by its ``kind`` (so no caller keeps its own list). Per-span
losses that only the writing finds (CoNLL's overlapping spans, brat's spans that are only line
breaks) remain the exporters' warnings, one per span with its document.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from annotator.core.model import Document
from annotator.io.conll import default_layer
from annotator.store.documents import SpanFilter

# What a format writes of the things a selection can hold beyond text and labelled spans.
# "layers": spans of every layer (else one flat layer: CoNLL); "metadata": source, URL ... (a
# title is not counted: it defaults to the first line, which the text keeps).
_EVERYTHING = frozenset({"attributes", "relations", "entity_links", "layers", "metadata"})
CARRIES: dict[str, frozenset[str]] = {
    "native": _EVERYTHING,
    "doccano": frozenset({"layers", "metadata", "relations"}),  # triples or entities+relations, meta as extra keys
    "prodigy": frozenset({"layers", "metadata", "relations"}),  # spans carry their layer; rel.manual relations
    "conll": frozenset(),  # token TAG lines of one layer
    "brat": frozenset({"attributes", "relations", "entity_links", "layers"}),  # .txt holds the text alone
    # labels regions (a label names its layer again on import), relation results, task meta
    "labelstudio": frozenset({"relations", "layers", "metadata"}),
    # ents + doc.spans per layer, kb_id links; attrs, meta, relations in doc.user_data
    "spacy": _EVERYTHING,
}


def carried_value(value) -> bool:
    """Whether an attribute value counts as set (brat and native write it); the store's
    selection_counts applies the same rule in SQL."""
    return value is not None and value is not False and value != ""


@dataclass
class Tally:
    """What a selection holds: counted from the store (annotator.store.selection) before an
    export, or from the Documents themselves with add()."""

    documents: int = 0
    documents_with_meta: int = 0
    spans_by_layer: Counter = field(default_factory=Counter)
    attrs_by_layer: Counter = field(default_factory=Counter)
    entity_links: int = 0
    relations_by_label: Counter = field(default_factory=Counter)
    # spans that nest in or overlap an earlier span of their layer (Span.sort_key order)
    overlapping_by_layer: Counter = field(default_factory=Counter)

    @classmethod
    def from_counts(cls, counts: dict) -> "Tally":
        return cls(counts["documents"], counts["documents_with_meta"], Counter(counts["spans_by_layer"]),
                   Counter(counts["attrs_by_layer"]), counts["entity_links"], Counter(counts["relations_by_label"]),
                   Counter(counts.get("overlapping_by_layer", {})))

    @property
    def spans(self) -> int:
        return sum(self.spans_by_layer.values())

    def add(self, doc: Document) -> None:
        self.documents += 1
        self.documents_with_meta += any(v is not None for k, v in doc.meta.items() if k != "title")
        for span in doc.spans:
            self.spans_by_layer[span.layer] += 1
            if (n := sum(carried_value(v) for v in span.attrs.values())):
                self.attrs_by_layer[span.layer] += n
            self.entity_links += span.entity is not None
        self.relations_by_label.update(r.label for r in doc.relations)
        reach: dict[str, int] = {}
        for span in sorted(doc.spans, key=lambda s: (s.start, -s.end)):
            if span.start < reach.get(span.layer, 0):
                self.overlapping_by_layer[span.layer] += 1
            reach[span.layer] = max(reach.get(span.layer, 0), span.end)


@dataclass(frozen=True)
class Loss:
    """`count` things of one `kind` that the format does not write; `name` is the layer (of
    attributes, or of a left-out layer's spans) or the relation label, "" for entity links and
    metadata."""

    kind: str  # attributes | relations | entity_links | layer_spans | nested_spans | metadata
    count: int
    name: str = ""

    def phrase(self) -> str:
        n, name = self.count, self.name
        return {
            "attributes": f"{n} {name} attribute{'s' * (n != 1)}",
            "relations": f"{n} {name} relation{'s' * (n != 1)}",
            "entity_links": f"{n} entity link{'s' * (n != 1)}",
            "layer_spans": f"{n} {name} span{'s' * (n != 1)}",
            "nested_spans": f"{n} nested or overlapping {name} span{'s' * (n != 1)}",
            "metadata": f"the source, URL and other metadata of {n} document{'s' * (n != 1)}",
        }[self.kind]


def selection_tally(project, statuses=(), spans: SpanFilter = SpanFilter()) -> Tally:
    """What an export of `project` with these filters would hold, counted in SQL (no text read)."""
    return Tally.from_counts(project.selection_counts(statuses, spans))


def selection_losses(project, fmt: str, statuses=(), spans: SpanFilter = SpanFilter()) -> tuple[Tally, list[Loss]]:
    """The tally of what an export of `project` with these filters would hold and what `fmt`
    would leave out of it."""
    tally = selection_tally(project, statuses, spans)
    return tally, losses(fmt, tally, default_layer(project.schema))


def losses(fmt: str, tally: Tally, flat_layer: str | None = None) -> list[Loss]:
    """What `fmt` leaves out of the selection `tally` counts, largest groups first within each
    kind. `flat_layer` is the one layer a format without "layers" writes (CoNLL's default_layer)."""
    carries = CARRIES[fmt]
    found: list[Loss] = []
    written_layers = set(tally.spans_by_layer) if "layers" in carries else {flat_layer}


    if "layers" not in carries:
        found += _by_name("layer_spans", {k: n for k, n in tally.spans_by_layer.items() if k not in written_layers})
        # One flat layer is flat within itself too: IOB tags give each token one span.
        found += _by_name("nested_spans", {k: n for k, n in tally.overlapping_by_layer.items() if k in written_layers})
    if "attributes" not in carries:
        found += _by_name("attributes", {k: n for k, n in tally.attrs_by_layer.items() if k in written_layers})
    if "relations" not in carries:
        found += _by_name("relations", tally.relations_by_label)
    if "entity_links" not in carries and tally.entity_links:
        found.append(Loss("entity_links", tally.entity_links))
    if "metadata" not in carries and tally.documents_with_meta:
        found.append(Loss("metadata", tally.documents_with_meta))
    return found


def _by_name(kind: str, counts: dict[str, int]) -> list[Loss]:
    return [Loss(kind, n, name) for name, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])) if n]


def sentence(fmt: str, found: list[Loss]) -> str | None:
    """The English sentence the CLI prints, or None when nothing is lost."""
    if not found:
        return None
    return f"{fmt} cannot carry {', '.join(loss.phrase() for loss in found)}: they are not written"
