"""Inter-annotator agreement over plain data: documents, each with its text and one list of spans
per annotator (issue 12). No store, no Qt: `annotator agreement` and the window both feed it.

What is compared, and the rules where a choice had to be made:

- Documents with two or more annotators' sets take part; an annotator's set may be empty (they
  did the document and found nothing). A pair of annotators is compared on the documents both did.
- Layers are reported separately (a claim contains entities, so one token tag per layer). By
  default the entity layer and every other layer found in the data, in name order; the report's
  headline figures are those of its first layer. A label filter drops the other labels' spans
  before anything else.
- Span F1 per pair is 2·matched / (|A| + |B|), pooled (micro) over the pair's documents; the
  overall and per-label F1 pool every pair. *Exact*: same start, end and label (as multisets).
  *Overlap*: same label and at least one shared character, matched one to one greedily: the
  largest overlap first; ties go to the pair with the smaller total length (so identical spans
  pair first), then to document order.
- The confusion table, claim attributes and claimants use a second one-to-one matching that
  ignores the label (same greedy rule, a same-label identical span preferred): a CLAIM one
  analyst calls a PREDICTION is still the same claim whose stance can be compared. Its rows are
  the first annotator's label (annotators in name order), its columns the second's; a span left
  unmatched counts against MISSED on the other side.
- Token tags: the document is tokenised once by the export tokenizer (core/tokenize.py) with a
  boundary at every start and end of every compared span of every annotator, so all annotators
  tag the same units; whitespace tokens are left out, as CoNLL leaves them out. A token's tag in a
  layer is the label of the shortest span covering it (the innermost of nested spans; between
  equally long ones, the alphabetically first label), or O. Cohen's kappa per pair is on the
  tokens of the documents both did; Fleiss' kappa needs every unit coded by every annotator, so it
  uses only the documents all annotators of the report did; Krippendorff's alpha (nominal) uses
  every document, an annotator missing from a document simply missing from its units.
- Attribute agreement is over label-blind matched pairs where at least one of the two spans has
  the attribute set (a span attribute compares its start and end), pooled over pairs with the
  first annotator as rater one: percent agreement and Cohen's kappa. `note` is free text and is
  left out by default; leave the claimant's relation attribute out too (claimants are compared
  by identity, see claimant_keys). Claimant agreement is the share of matched claims, with a
  claimant from at least one of the two, whose claimants are the same.
- Every figure with nothing to compare, or whose chance agreement is total, is None
  (agreement_coefficients.py).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from annotator.core.agreement_coefficients import (
    cohen_kappa,
    f1,
    fleiss_kappa,
    krippendorff_alpha_nominal,
    percent_agreement,
)
from annotator.core.model import Relation, Span
from annotator.core.schema import DEFAULT_LAYER, NOTE
from annotator.core.tokenize import tokenize

OUTSIDE = "O"
MISSED = "(missed)"  # the confusion table's row/column for a span the other annotator lacks


@dataclass(frozen=True, slots=True)
class AnnotatedDocument:
    """One document as the agreement sees it. `claimants` maps an annotator to {claim span id:
    claimant key} (see claimant_keys) for the claims whose claimant that annotator set."""

    id: str
    text: str
    sets: Mapping[str, Sequence[Span]]
    claimants: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


def claimant_keys(spans: Iterable[Span], relations: Iterable[Relation], attribute: str) -> dict[str, str]:
    """{claim span id: who} for one annotator's set: the linked canonical entity when the claimant
    span has one (two spellings of one person agree), else the claimant span's text, else the
    literal stored on the claim (AUTHOR, UNKNOWN). `attribute` is the schema's relation attribute
    (rules.relation_attribute), the relations' label."""
    by_id = {span.id: span for span in spans}
    keys: dict[str, str] = {}
    for rel in relations:
        who = by_id.get(rel.child)
        if rel.label == attribute and rel.head in by_id and who is not None:
            keys[rel.head] = f"entity:{who.entity.id}" if who.entity else f"text:{who.text}"
    for span in by_id.values():
        literal = span.attrs.get(attribute)
        if span.id not in keys and isinstance(literal, str):
            keys[span.id] = f"literal:{literal}"
    return keys


@dataclass(slots=True)
class PairAgreement:
    a: str
    b: str
    documents: int
    spans_a: int
    spans_b: int
    f1_exact: float | None
    f1_overlap: float | None
    kappa: float | None
    tokens: int

    def to_dict(self) -> dict:
        return {"a": self.a, "b": self.b, "documents": self.documents, "spans_a": self.spans_a,
                "spans_b": self.spans_b, "f1_exact": self.f1_exact, "f1_overlap": self.f1_overlap,
                "kappa": self.kappa, "tokens": self.tokens}


@dataclass(slots=True)
class LabelAgreement:
    spans: int  # the label's spans, counted once per pair they were compared in
    f1_exact: float | None
    f1_overlap: float | None

    def to_dict(self) -> dict:
        return {"spans": self.spans, "f1_exact": self.f1_exact, "f1_overlap": self.f1_overlap}


@dataclass(slots=True)
class ValueAgreement:
    """Agreement on one attribute (or the claimant) over matched spans."""

    compared: int
    percent: float | None
    kappa: float | None = None

    def to_dict(self) -> dict:
        return {"compared": self.compared, "percent": self.percent, "kappa": self.kappa}


@dataclass(slots=True)
class LayerAgreement:
    layer: str
    pairs: list[PairAgreement]
    f1_exact: float | None
    f1_overlap: float | None
    fleiss_kappa: float | None
    fleiss_documents: int  # the documents every annotator did, the only ones Fleiss' kappa uses
    krippendorff_alpha: float | None
    tokens: int  # tokens of the documents compared (each once)
    labels: dict[str, LabelAgreement]
    confusion: dict[str, dict[str, int]]  # first annotator's label -> second's -> matched pairs
    attributes: dict[str, ValueAgreement]
    claimants: ValueAgreement

    def to_dict(self) -> dict:
        return {
            "pairs": [pair.to_dict() for pair in self.pairs],
            "f1_exact": self.f1_exact,
            "f1_overlap": self.f1_overlap,
            "fleiss_kappa": self.fleiss_kappa,
            "fleiss_documents": self.fleiss_documents,
            "krippendorff_alpha": self.krippendorff_alpha,
            "tokens": self.tokens,
            "labels": {name: lab.to_dict() for name, lab in self.labels.items()},
            "confusion": self.confusion,
            "attributes": {name: value.to_dict() for name, value in self.attributes.items()},
            "claimants": self.claimants.to_dict(),
        }


@dataclass(slots=True)
class DocumentDisagreement:
    id: str
    # Mean overlap F1 over the document's pairs of annotators (every layer pooled); a pair where
    # neither has a span has no F1 and is left out of the mean, a document with no span at all
    # out of the list.
    f1_overlap: float
    annotators: tuple[str, ...]


@dataclass(slots=True)
class AgreementReport:
    documents: int
    annotators: list[str]
    layers: dict[str, LayerAgreement]  # in report order; the first is the headline
    most_disagreement: list[DocumentDisagreement]

    @property
    def headline(self) -> LayerAgreement:
        return next(iter(self.layers.values()))

    def to_dict(self) -> dict:
        """What `annotator agreement --json` prints: the headline layer's figures at the top
        (documents, annotators, pairs, fleiss_kappa, krippendorff_alpha, labels, ...), every
        layer's under "layers"."""
        head = self.headline
        return {
            "documents": self.documents,
            "annotators": list(self.annotators),
            "layer": head.layer,
            **head.to_dict(),
            "layers": {name: layer.to_dict() for name, layer in self.layers.items()},
            "most_disagreement": [{"document": d.id, "f1_overlap": d.f1_overlap, "annotators": list(d.annotators)}
                                  for d in self.most_disagreement],
        }


# A compared span: (start, end, label, span). The tuple keeps sorting and matching in C.
_Item = tuple


def _matchings(a: Sequence[_Item], b: Sequence[_Item]) -> tuple[list, list, list]:
    """The three one-to-one matchings of two annotators' spans, as (index in a, index in b)
    pairs: exact (same start, end, label), overlap with the same label, and label-blind overlap
    (the greedy largest-overlap rule of the module doc for the last two).

    Identical spans pair first in all three: no pair involving either can overlap more and none
    of equal overlap is shorter, so that is what the greedy order takes first anyway."""
    if not a or not b:
        return [], [], []
    waiting: dict[tuple, list[int]] = defaultdict(list)
    for j, item in enumerate(b):
        waiting[item[:3]].append(j)
    exact, rest_a = [], []
    for i, item in enumerate(a):
        found = waiting.get(item[:3])
        if found:
            exact.append((i, found.pop(0)))
        else:
            rest_a.append(i)
    taken = {j for _, j in exact}
    rest_b = [j for j in range(len(b)) if j not in taken]
    if not rest_a or not rest_b:
        return exact, exact, exact
    labelled = exact + _greedy(a, b, rest_a, rest_b, True)
    waiting = defaultdict(list)
    for j in rest_b:
        waiting[b[j][:2]].append(j)
    blind, left_a = list(exact), []
    for i in rest_a:
        found = waiting.get(a[i][:2])
        if found:
            blind.append((i, found.pop(0)))
        else:
            left_a.append(i)
    taken = {j for _, j in blind}
    left_b = [j for j in rest_b if j not in taken]
    if left_a and left_b:
        blind += _greedy(a, b, left_a, left_b, False)
    return exact, labelled, blind


def _greedy(a: Sequence[_Item], b: Sequence[_Item], rest_a: list[int], rest_b: list[int],
            same_label: bool) -> list[tuple[int, int]]:
    order = sorted(rest_b, key=lambda j: b[j][0])
    starts = [b[j][0] for j in order]
    longest = max(b[j][1] - b[j][0] for j in order)
    candidates = []
    for i in rest_a:
        s, e, label = a[i][0], a[i][1], a[i][2]
        # b spans that may overlap: starting before e and after s - longest.
        for k in range(bisect_right(starts, s - longest), bisect_left(starts, e)):
            j = order[k]
            bs, be, blabel = b[j][0], b[j][1], b[j][2]
            if be > s and (not same_label or blabel == label):
                shared = min(e, be) - max(s, bs)
                candidates.append((-shared, (e - s) + (be - bs), s, bs, i, j))
    candidates.sort()
    pairs = []
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    for *_, i, j in candidates:
        if i not in taken_a and j not in taken_b:
            taken_a.add(i)
            taken_b.add(j)
            pairs.append((i, j))
    return pairs


def _value(value):
    """An attribute value as something hashable to compare: a span attribute by its offsets."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, Mapping):
        if "start" in value and "end" in value:
            return (value["start"], value["end"])
        return tuple(sorted((str(k), str(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    return str(value)


class _LayerTally:
    """Counts for one layer, summed over documents; coefficients come at the end."""

    def __init__(self) -> None:
        self.tokens = 0
        self.units: Counter = Counter()  # (annotators of the document, their tags) -> tokens
        self.pair_docs: Counter = Counter()
        self.pair_sizes: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        self.label_sizes: Counter = Counter()
        self.label_exact: Counter = Counter()
        self.label_overlap: Counter = Counter()
        self.confusion: dict[str, Counter] = defaultdict(Counter)
        self.attributes: dict[str, Counter] = defaultdict(Counter)
        self.claimants = [0, 0]  # compared, same


def _layers_of(documents: Sequence[AnnotatedDocument]) -> tuple[str, ...]:
    found = {span.layer for doc in documents for spans in doc.sets.values() for span in spans}
    found.add(DEFAULT_LAYER)
    return tuple(sorted(found, key=lambda name: (name != DEFAULT_LAYER, name)))


def compute_agreement(
    documents: Iterable[AnnotatedDocument],
    *,
    layers: Sequence[str] | None = None,
    labels: Collection[str] | None = None,
    attributes: Collection[str] | None = None,
    ignore_attributes: Collection[str] = (NOTE,),
    top: int = 10,
) -> AgreementReport:
    """Agreement between the annotators of `documents` (see the module doc for every rule).
    `attributes`: the attribute names to compare (None: every one found on matched spans except
    `ignore_attributes`). `top`: how many of the most disputed documents to list."""
    docs = [doc for doc in documents if len(doc.sets) >= 2]
    layers = tuple(layers) if layers else _layers_of(docs)
    wanted = set(labels) if labels is not None else None
    everyone = sorted({name for doc in docs for name in doc.sets})
    tallies = {layer: _LayerTally() for layer in layers}
    disputed: list[tuple[float, int, str, tuple[str, ...]]] = []
    complete = 0
    for position, doc in enumerate(docs):
        names = tuple(sorted(doc.sets))
        complete += len(names) == len(everyone)
        by_layer = {layer: {name: [] for name in names} for layer in layers}
        for name in names:
            for span in doc.sets[name]:
                lists = by_layer.get(span.layer)
                if lists is not None and (wanted is None or span.label in wanted):
                    lists[name].append((span.start, span.end, span.label, span))
        bounds = [item for lists in by_layer.values() for items in lists.values() for item in items]
        tokens = tokenize(doc.text, [it[0] for it in bounds], [it[1] for it in bounds])
        starts = [t.start for t in tokens if not t.is_space]
        doc_pairs: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])  # matched, sizes
        for layer in layers:
            tally = tallies[layer]
            lists = by_layer[layer]
            tally.tokens += len(starts)
            # Only tokens under some span get a unit of their own; all the others are O for
            # everyone and are counted in one go (most of an article is outside every span).
            tags = []
            covered: set[int] = set()
            for name in names:
                row: dict[int, str] = {}
                for s, e, label, _ in sorted(lists[name], key=lambda it: (it[1] - it[0], it[2]), reverse=True):
                    for k in range(bisect_left(starts, s), bisect_left(starts, e)):
                        row[k] = label
                covered.update(row)
                tags.append(row)
            units = tally.units
            for unit, n in Counter(tuple(row.get(k, OUTSIDE) for row in tags) for k in covered).items():
                units[names, unit] += n
            if len(starts) > len(covered):
                units[names, (OUTSIDE,) * len(names)] += len(starts) - len(covered)
            for a, b in combinations(names, 2):
                _compare(tally, doc, a, b, lists[a], lists[b], attributes, ignore_attributes, doc_pairs)
        scores = [f1(matched, size, 0) for matched, size in doc_pairs.values()]
        scores = [score for score in scores if score is not None]
        if scores:
            disputed.append((sum(scores) / len(scores), position, doc.id, names))
    disputed.sort()
    report_layers = {layer: _finish(layer, tallies[layer], everyone, complete) for layer in layers}
    worst = [DocumentDisagreement(doc_id, score, names) for score, _, doc_id, names in disputed[:max(top, 0)]]
    return AgreementReport(len(docs), everyone, report_layers, worst)


def _compare(tally: _LayerTally, doc: AnnotatedDocument, a: str, b: str, items_a: list, items_b: list,
             attributes, ignore_attributes, doc_pairs) -> None:
    tally.pair_docs[a, b] += 1
    if not items_a and not items_b:
        return
    tally.label_sizes.update(it[2] for it in items_a)
    tally.label_sizes.update(it[2] for it in items_b)
    exact, overlapping, matched = _matchings(items_a, items_b)
    tally.label_exact.update(items_a[i][2] for i, _ in exact)
    tally.label_overlap.update(items_a[i][2] for i, _ in overlapping)
    sizes = tally.pair_sizes[a, b]
    sizes[0] += len(exact)
    sizes[1] += len(overlapping)
    sizes[2] += len(items_a)
    sizes[3] += len(items_b)
    per_doc = doc_pairs[a, b]
    per_doc[0] += len(overlapping)
    per_doc[1] += len(items_a) + len(items_b)
    confusion = tally.confusion
    if len(matched) < len(items_a):
        seen_a = {i for i, _ in matched}
        for i, it in enumerate(items_a):
            if i not in seen_a:
                confusion[it[2]][MISSED] += 1
    if len(matched) < len(items_b):
        seen_b = {j for _, j in matched}
        for j, it in enumerate(items_b):
            if j not in seen_b:
                confusion[MISSED][it[2]] += 1
    who_a = doc.claimants.get(a, {})
    who_b = doc.claimants.get(b, {})
    for i, j in matched:
        span_a, span_b = items_a[i][3], items_b[j][3]
        confusion[span_a.label][span_b.label] += 1
        if span_a.attrs or span_b.attrs:
            names = attributes if attributes is not None else (
                (span_a.attrs.keys() | span_b.attrs.keys()) - set(ignore_attributes))
            for name in names:
                va, vb = _value(span_a.attrs.get(name)), _value(span_b.attrs.get(name))
                if va is not None or vb is not None:
                    tally.attributes[name][va, vb] += 1
        if who_a or who_b:
            ca, cb = who_a.get(span_a.id), who_b.get(span_b.id)
            if ca is not None or cb is not None:
                tally.claimants[0] += 1
                tally.claimants[1] += ca == cb


def _finish(layer: str, tally: _LayerTally, everyone: list[str], complete: int) -> LayerAgreement:
    pairs = []
    for a, b in combinations(everyone, 2):
        if not tally.pair_docs[a, b]:
            continue
        exact, overlap, size_a, size_b = tally.pair_sizes[a, b]
        confusion: Counter = Counter()
        for (names, unit), n in tally.units.items():
            if a in names and b in names:
                confusion[unit[names.index(a)], unit[names.index(b)]] += n
        pairs.append(PairAgreement(a, b, tally.pair_docs[a, b], size_a, size_b, f1(exact, size_a, size_b),
                                   f1(overlap, size_a, size_b), cohen_kappa(confusion), confusion.total()))
    total = sum(p.spans_a + p.spans_b for p in pairs)
    exact_all = sum(tally.pair_sizes[p.a, p.b][0] for p in pairs)
    overlap_all = sum(tally.pair_sizes[p.a, p.b][1] for p in pairs)
    full = tuple(everyone)
    fleiss_units = {unit: n for (names, unit), n in tally.units.items() if names == full}
    labels = {label: LabelAgreement(n, f1(tally.label_exact[label], n, 0), f1(tally.label_overlap[label], n, 0))
              for label, n in sorted(tally.label_sizes.items())}
    attributes = {name: ValueAgreement(counts.total(), percent_agreement(counts), cohen_kappa(counts))
                  for name, counts in sorted(tally.attributes.items())}
    compared, same = tally.claimants
    return LayerAgreement(
        layer=layer,
        pairs=pairs,
        f1_exact=f1(exact_all, total, 0),
        f1_overlap=f1(overlap_all, total, 0),
        fleiss_kappa=fleiss_kappa(fleiss_units) if len(full) >= 2 else None,
        fleiss_documents=complete if len(full) >= 2 else 0,
        krippendorff_alpha=krippendorff_alpha_nominal(((unit, n) for (_, unit), n in tally.units.items())),
        tokens=tally.tokens,
        labels=labels,
        confusion={row: dict(sorted(cols.items())) for row, cols in sorted(tally.confusion.items())},
        attributes=attributes,
        claimants=ValueAgreement(compared, same / compared if compared else None),
    )
