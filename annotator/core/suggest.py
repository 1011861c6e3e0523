"""Suggestions: other places in a document that name what the analyst just labelled, or that
name a canonical entity the project already knows, found by Arabic match keys (DESIGN.md §4)."""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.arabic import KeyedText
from annotator.core.model import Entity, Span, Suggestion
from annotator.core.span_index import SpanIndex


def _free(index: SpanIndex, start: int, end: int, layer: str) -> bool:
    """No span of the layer touches [start, end): a suggestion there could be accepted as is."""
    return not any(s.layer == layer for s in index.overlapping(start, end))


def variants_of(keyed: KeyedText, span: Span, index: SpanIndex) -> list[Suggestion]:
    """Every other whole-word occurrence of the span's text, spelled any variant way, with a
    clitic prefix left outside the suggestion (وروسيا suggests روسيا)."""
    found = []
    for start, end in keyed.find_all(span.text):
        if (start, end) != (span.start, span.end) and _free(index, start, end, span.layer):
            found.append(Suggestion(start, end, keyed.text[start:end], span.layer, span.label, span.entity,
                                    "variant"))
    return found


def mentions_of(keyed: KeyedText, entities: Iterable[Entity], index: SpanIndex, layer_of: dict[str, str],
                min_key_length: int = 3) -> list[Suggestion]:
    """Occurrences of known canonical entities (name or any alias) not yet annotated. An entity
    whose type is not a label of the project is skipped; very short names would match noise."""
    names: dict[str, Entity] = {}
    for entity in entities:
        if entity.type in layer_of:
            for name in (entity.name, *entity.aliases):
                if len(name.strip()) >= min_key_length:
                    names.setdefault(name, entity)
    taken: dict[tuple[int, int], Suggestion] = {}
    for start, end, entity in keyed.find_any(names):  # one pass over the text for every name
        layer = layer_of[entity.type]
        if (start, end) not in taken and _free(index, start, end, layer):
            taken[(start, end)] = Suggestion(start, end, keyed.text[start:end], layer, entity.type,
                                             entity.ref(), "entity")
    kept: list[Suggestion] = []
    for suggestion in sorted(taken.values(), key=lambda s: (s.start, -s.end)):
        if kept and suggestion.end <= kept[-1].end:
            continue  # inside a longer name found at the same place (شويغو within سيرغي شويغو)
        kept.append(suggestion)
    return kept
