"""Agreement figures (core/agreement.py) against reference implementations on the same data:
scikit-learn's cohen_kappa_score, statsmodels' fleiss_kappa, the `krippendorff` package and
NLTK's AnnotationTask; span F1, matching, confusion and attributes on hand-checked cases."""

from __future__ import annotations

import math
import warnings
from collections import Counter

import krippendorff
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nltk.metrics.agreement import AnnotationTask
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters
from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss

from annotator.core.agreement import MISSED, AnnotatedDocument, claimant_keys, compute_agreement
from annotator.core.agreement_coefficients import cohen_kappa, fleiss_kappa, krippendorff_alpha_nominal
from annotator.core.model import EntityRef, Relation, Span
from annotator.core.tokenize import tokenize

TAGS = st.sampled_from(["O", "PERSON", "GPE", "ORG"])
TEXT = "قال وزير الدفاع الروسي سيرغي شويغو إن وروسيا ستدعم كوريا الشمالية في 13 يوليو."


def span(text, start, end, label, layer="entity", sid=None, **attrs):
    return Span(sid or f"{start}-{end}-{label}", start, end, text[start:end], layer, label, attrs=attrs)


def at(text, word, label, layer="entity", sid=None, **attrs):
    start = text.index(word)
    return span(text, start, start + len(word), label, layer, sid, **attrs)


def reference_or_none(compute):
    """A reference figure, None where the reference finds it undefined (NaN or refusal)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            value = compute()
        except (ValueError, ZeroDivisionError):
            return None
    return None if math.isnan(value) else float(value)


def close(ours, ref):
    if ref is None:
        return ours is None
    return ours is not None and math.isclose(ours, ref, rel_tol=1e-9, abs_tol=1e-9)


# -- coefficients from counts vs the references ---------------------------------------------------

@given(st.lists(st.tuples(TAGS, TAGS), min_size=1, max_size=60))
def test_cohen_kappa_matches_scikit_learn(items):
    ours = cohen_kappa(Counter(items))
    ref = reference_or_none(lambda: cohen_kappa_score([a for a, _ in items], [b for _, b in items]))
    assert close(ours, ref), (ours, ref)


@given(st.integers(2, 5).flatmap(lambda n: st.lists(st.tuples(*[TAGS] * n), min_size=1, max_size=50)))
def test_fleiss_kappa_matches_statsmodels(units):
    ours = fleiss_kappa(Counter(units))
    table, _ = aggregate_raters(np.array(units, dtype=object))
    ref = reference_or_none(lambda: sm_fleiss(table, method="fleiss"))
    assert close(ours, ref), (ours, ref)


CODES = {"O": 0, "PERSON": 1, "GPE": 2, "ORG": 3}


@given(st.integers(2, 4).flatmap(
    lambda n: st.lists(st.lists(st.one_of(st.none(), TAGS), min_size=n, max_size=n), min_size=1, max_size=40)))
def test_krippendorff_alpha_matches_the_krippendorff_package_with_missing_coders(rows):
    # rows: one per unit, None where a coder did not code it.
    ours = krippendorff_alpha_nominal(Counter(tuple(v for v in row if v is not None) for row in rows))
    data = [[np.nan if row[c] is None else CODES[row[c]] for row in rows] for c in range(len(rows[0]))]
    ref = reference_or_none(lambda: krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
    assert close(ours, ref), (ours, ref)


def test_alpha_also_matches_nltk_on_complete_data():
    rows = [("O", "O", "O"), ("PERSON", "PERSON", "O"), ("GPE", "GPE", "GPE"), ("O", "ORG", "O"),
            ("PERSON", "PERSON", "PERSON"), ("O", "O", "GPE")]
    task = AnnotationTask([(c, i, row[c]) for i, row in enumerate(rows) for c in range(3)])
    assert math.isclose(krippendorff_alpha_nominal(Counter(rows)), task.alpha())
    pair = [(a, b) for a, b, _ in rows]
    two = AnnotationTask([(c, i, row[c]) for i, row in enumerate(pair) for c in range(2)])
    assert math.isclose(cohen_kappa(Counter(pair)), two.kappa())


def test_undefined_coefficients_are_none_not_nan():
    assert cohen_kappa(Counter()) is None
    assert cohen_kappa(Counter({("O", "O"): 7})) is None  # one tag everywhere: chance is total
    assert fleiss_kappa(Counter({("O", "O", "O"): 4})) is None
    assert fleiss_kappa(Counter({("O",): 4})) is None  # one coder
    assert krippendorff_alpha_nominal(Counter({("O", "O"): 3})) is None
    assert krippendorff_alpha_nominal(Counter({("O",): 3, ("GPE",): 2})) is None  # nothing pairable


# -- the whole computation: token tags from the export tokenizer ----------------------------------

def naive_tags(text, sets, layer="entity"):
    """Each annotator's tag per non-space token, the slow obvious way: the shortest covering span
    (alphabetically first label between equally long ones), tokens cut at every span boundary."""
    every = [s for spans in sets.values() for s in spans if s.layer == layer]
    tokens = [t for t in tokenize(text, [s.start for s in every], [s.end for s in every]) if not t.is_space]
    out = {}
    for name, spans in sets.items():
        row = []
        for tok in tokens:
            covering = [s for s in spans if s.layer == layer and s.start <= tok.start and tok.end <= s.end]
            row.append(min(covering, key=lambda s: (s.end - s.start, s.label)).label if covering else "O")
        out[name] = row
    return out


def test_clitic_word_splits_into_tokens_shared_by_both_annotators():
    # a marks روسيا inside وروسيا (the clitic و outside, as the guideline says); b the whole word.
    a = [at(TEXT, "سيرغي شويغو", "PERSON"), at(TEXT, "روسيا", "GPE")]
    b = [at(TEXT, "سيرغي شويغو", "PERSON"), at(TEXT, "وروسيا", "GPE"), at(TEXT, "13 يوليو", "DATE")]
    report = compute_agreement([AnnotatedDocument("d", TEXT, {"a": a, "b": b})], layers=["entity"])
    tags = naive_tags(TEXT, {"a": a, "b": b})
    words = [t.text for t in tokenize(TEXT, [s.start for s in a + b], [s.end for s in a + b]) if not t.is_space]
    i = words.index("و")
    assert words[i + 1] == "روسيا" and tags["a"][i] == "O" and tags["b"][i] == "GPE"
    pair = report.headline.pairs[0]
    assert pair.tokens == len(words)
    assert math.isclose(pair.kappa, cohen_kappa_score(tags["a"], tags["b"]))
    # Exact: only the person; overlap: the person and Russia (one shared character is enough).
    assert pair.f1_exact == pytest.approx(2 * 1 / 5)
    assert pair.f1_overlap == pytest.approx(2 * 2 / 5)
    assert report.headline.labels["GPE"].f1_exact == 0 and report.headline.labels["GPE"].f1_overlap == 1
    assert report.headline.labels["DATE"].f1_overlap == 0
    assert report.headline.confusion["PERSON"]["PERSON"] == 1
    assert report.headline.confusion[MISSED]["DATE"] == 1


WORDS = ["قال", "وزير", "الدفاع", "وروسيا", "بيونغ", "يانغ", "،", "كوريا", "الشمالية", "ب13", "يوليو", "."]


@st.composite
def corpus(draw):
    annotators = ["ali", "mona", "sara", "omar"][: draw(st.integers(2, 4))]
    docs = []
    for d in range(draw(st.integers(1, 4))):
        text = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12)))
        who = draw(st.lists(st.sampled_from(annotators), min_size=1, max_size=len(annotators), unique=True))
        sets = {}
        for name in who:
            spans = []
            for k in range(draw(st.integers(0, 4))):
                start = draw(st.integers(0, len(text) - 1))
                end = draw(st.integers(start + 1, min(len(text), start + 25)))
                label = draw(st.sampled_from(["PERSON", "GPE", "ORG"]))
                spans.append(span(text, start, end, label, sid=f"{name}{k}"))
            sets[name] = spans
        docs.append(AnnotatedDocument(f"doc{d}", text, sets))
    return docs


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpus())
def test_token_coefficients_match_the_references_on_random_corpora(docs):
    report = compute_agreement(docs, layers=["entity"])
    layer = report.headline
    everyone = report.annotators
    tagged = [(doc, naive_tags(doc.text, doc.sets)) for doc in docs if len(doc.sets) >= 2]
    assert report.documents == len(tagged)
    for pair in layer.pairs:
        a_tags, b_tags = [], []
        for _, tags in tagged:
            if pair.a in tags and pair.b in tags:
                a_tags += tags[pair.a]
                b_tags += tags[pair.b]
        assert pair.tokens == len(a_tags)
        assert close(pair.kappa, reference_or_none(lambda: cohen_kappa_score(a_tags, b_tags))), pair
    full = [list(zip(*(tags[n] for n in everyone))) for _, tags in tagged if set(tags) == set(everyone)]
    units = [u for rows in full for u in rows]
    ref_fleiss = None
    if units and len(everyone) >= 2:
        ref_fleiss = reference_or_none(lambda: sm_fleiss(aggregate_raters(np.array(units, dtype=object))[0]))
    assert close(layer.fleiss_kappa, ref_fleiss)
    data = [[] for _ in everyone]
    for _, tags in tagged:
        length = len(next(iter(tags.values())))
        for c, name in enumerate(everyone):
            data[c] += [CODES[t] for t in tags[name]] if name in tags else [np.nan] * length
    ref_alpha = None
    if data and data[0]:
        ref_alpha = reference_or_none(lambda: krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))
    assert close(layer.krippendorff_alpha, ref_alpha)


@settings(max_examples=60, deadline=None)
@given(corpus())
def test_span_f1_is_symmetric_bounded_and_exact_never_above_overlap(docs):
    report = compute_agreement(docs, layers=["entity"])
    # Label-blind matching is one to one: every span is matched once or missed once.
    confusion = report.headline.confusion
    assert sum(n for row, cols in confusion.items() if row != MISSED for n in cols.values()) == \
        sum(p.spans_a for p in report.headline.pairs)
    assert sum(n for cols in confusion.values() for col, n in cols.items() if col != MISSED) == \
        sum(p.spans_b for p in report.headline.pairs)
    for pair in report.headline.pairs:
        if pair.f1_exact is None:
            assert pair.spans_a == pair.spans_b == 0
            continue
        assert 0 <= pair.f1_exact <= pair.f1_overlap <= 1
        swapped = compute_agreement(
            [AnnotatedDocument(d.id, d.text, {("zz" if n == pair.a else n): s for n, s in d.sets.items()})
             for d in docs if pair.a in d.sets and pair.b in d.sets], layers=["entity"])
        other = next(p for p in swapped.headline.pairs if {p.a, p.b} == {pair.b, "zz"})
        assert other.f1_exact == pytest.approx(pair.f1_exact) and other.f1_overlap == pytest.approx(pair.f1_overlap)


# -- matching, confusion, attributes, claimants: hand-checked -------------------------------------

def test_overlap_matching_is_one_to_one_and_takes_the_largest_overlap_first():
    text = "a" * 40
    # a: one long span; b: two pieces inside it -> only one of them may match it.
    a = [span(text, 0, 20, "ORG")]
    b = [span(text, 0, 5, "ORG"), span(text, 8, 20, "ORG")]
    report = compute_agreement([AnnotatedDocument("d", text, {"a": a, "b": b})], layers=["entity"])
    pair = report.headline.pairs[0]
    assert pair.f1_exact == 0 and pair.f1_overlap == pytest.approx(2 * 1 / 3)
    # The larger overlap (8-20, 12 characters) is the one matched: the 0-5 piece is missed.
    assert report.headline.confusion == {"ORG": {"ORG": 1}, MISSED: {"ORG": 1}}
    # Greedy by overlap: x(0-10) overlaps y(5-30) by 5 and z(8-12) by 2; w(9-30) overlaps y by 21.
    a = [span(text, 0, 10, "ORG"), span(text, 9, 30, "ORG")]
    b = [span(text, 5, 30, "ORG"), span(text, 8, 12, "ORG")]
    pair = compute_agreement([AnnotatedDocument("d", text, {"a": a, "b": b})], layers=["entity"]).headline.pairs[0]
    assert pair.f1_overlap == 1  # w-y first, then x-z: both matched


def test_overlap_f1_needs_the_same_label_but_the_confusion_table_does_not():
    a = [at(TEXT, "روسيا", "GPE"), at(TEXT, "كوريا الشمالية", "GPE"), at(TEXT, "وزير الدفاع", "ORG")]
    b = [at(TEXT, "روسيا", "ORG"), at(TEXT, "كوريا الشمالية", "GPE")]
    layer = compute_agreement([AnnotatedDocument("d", TEXT, {"a": a, "b": b})]).headline
    assert layer.pairs[0].f1_exact == pytest.approx(2 / 5) == layer.pairs[0].f1_overlap
    assert layer.confusion == {"GPE": {"GPE": 1, "ORG": 1}, "ORG": {MISSED: 1}}
    assert layer.labels["GPE"].spans == 3 and layer.labels["GPE"].f1_exact == pytest.approx(2 / 3)


def test_claim_attributes_match_scikit_learn_and_claimants_compare_by_entity():
    text = TEXT
    claim = "روسيا ستدعم كوريا الشمالية"
    items = [("affirm", "affirm"), ("affirm", "deny"), ("deny", "deny"), ("affirm", "affirm"), ("deny", "affirm")]
    docs = []
    for k, (sa, sb) in enumerate(items):
        sets = {}
        claimants = {}
        for name, stance in (("a", sa), ("b", sb)):
            person = at(text, "سيرغي شويغو", "PERSON", sid=f"p{name}{k}")
            if name == "b" or k % 2:
                person.entity = EntityRef("E1", "سيرغي شويغو", "PERSON")
            c = at(text, claim, "CLAIM", "claim", sid=f"c{name}{k}", stance=stance, note=f"note {name}")
            if name == "a" and k == 4:
                c.attrs["claimant"] = "AUTHOR"
                rels = []
            else:
                rels = [Relation(f"r{name}{k}", c.id, person.id, "claimant")]
            sets[name] = [person, c]
            claimants[name] = claimant_keys(sets[name], rels, "claimant")
        docs.append(AnnotatedDocument(f"d{k}", text, sets, claimants))
    layer = compute_agreement(docs, ignore_attributes=("note", "claimant")).layers["claim"]
    assert set(layer.attributes) == {"stance"}  # the free-text note and the claimant left out
    stance = layer.attributes["stance"]
    assert stance.compared == 5 and stance.percent == pytest.approx(3 / 5)
    assert stance.kappa == pytest.approx(cohen_kappa_score([a for a, _ in items], [b for _, b in items]))
    # Claimants: d0, d2 text vs entity differ (a unlinked); d1, d3 same entity; d4 AUTHOR vs entity.
    assert layer.claimants.compared == 5 and layer.claimants.percent == pytest.approx(2 / 5)


def test_documents_with_most_disagreement_come_first():
    good = AnnotatedDocument("good", TEXT, {"a": [at(TEXT, "روسيا", "GPE")], "b": [at(TEXT, "روسيا", "GPE")]})
    bad = AnnotatedDocument("bad", TEXT, {"a": [at(TEXT, "روسيا", "GPE")], "b": [at(TEXT, "يوليو", "DATE")]})
    half = AnnotatedDocument("half", TEXT, {"a": [at(TEXT, "روسيا", "GPE"), at(TEXT, "يوليو", "DATE")],
                                            "b": [at(TEXT, "روسيا", "GPE")]})
    empty = AnnotatedDocument("empty", TEXT, {"a": [], "b": []})  # nothing to disagree on: not listed
    report = compute_agreement([good, bad, half, empty], top=2)
    assert [(d.id, round(d.f1_overlap, 3)) for d in report.most_disagreement] == [("bad", 0.0), ("half", 0.667)]


def test_degenerate_inputs_give_none_not_nan_or_a_crash():
    one = compute_agreement([AnnotatedDocument("d", TEXT, {"a": [at(TEXT, "روسيا", "GPE")]})])
    assert one.documents == 0 and one.headline.pairs == []
    assert one.headline.fleiss_kappa is one.headline.krippendorff_alpha is one.headline.f1_exact is None
    blank = compute_agreement([AnnotatedDocument("d", "", {"a": [], "b": []})])
    assert blank.headline.pairs[0].tokens == 0 and blank.headline.pairs[0].kappa is None
    assert blank.headline.pairs[0].f1_exact is None and blank.most_disagreement == []
    all_o = compute_agreement([AnnotatedDocument("d", TEXT, {"a": [], "b": [], "c": []})]).headline
    assert all_o.pairs[0].kappa is all_o.fleiss_kappa is all_o.krippendorff_alpha is None
    assert compute_agreement([]).to_dict()["pairs"] == []


def test_json_shape_and_label_filter():
    claim = "روسيا ستدعم"
    a = [at(TEXT, "روسيا", "GPE"), at(TEXT, "سيرغي شويغو", "PERSON"), at(TEXT, claim, "CLAIM", "claim")]
    b = [at(TEXT, "روسيا", "GPE"), at(TEXT, "شويغو", "PERSON"), at(TEXT, claim, "CLAIM", "claim")]
    out = compute_agreement([AnnotatedDocument("d", TEXT, {"b": b, "a": a})]).to_dict()
    assert {"documents", "annotators", "pairs", "fleiss_kappa", "krippendorff_alpha", "labels"} <= set(out)
    assert out["documents"] == 1 and out["annotators"] == ["a", "b"] and out["layer"] == "entity"
    assert list(out["layers"]) == ["entity", "claim"]
    assert {"a", "b", "f1_exact", "f1_overlap", "kappa"} <= set(out["pairs"][0])
    assert out["labels"]["PERSON"]["f1_exact"] == 0 and out["layers"]["claim"]["f1_exact"] == 1
    only = compute_agreement([AnnotatedDocument("d", TEXT, {"a": a, "b": b})], labels={"GPE"}).to_dict()
    assert set(only["labels"]) == {"GPE"} and only["f1_exact"] == 1 and only["layers"]["claim"]["f1_exact"] is None


def test_fleiss_uses_only_documents_every_annotator_did():
    x = at(TEXT, "روسيا", "GPE")
    y = at(TEXT, "روسيا", "ORG")
    full = AnnotatedDocument("full", TEXT, {"a": [x], "b": [x], "c": [y]})
    part = AnnotatedDocument("part", TEXT, {"a": [x], "b": [y]})
    layer = compute_agreement([full, part], layers=["entity"]).headline
    assert layer.fleiss_documents == 1
    alone = compute_agreement([full], layers=["entity"]).headline
    assert layer.fleiss_kappa == pytest.approx(alone.fleiss_kappa)
    assert layer.krippendorff_alpha != pytest.approx(alone.krippendorff_alpha)  # alpha uses both
    assert [(p.a, p.b, p.documents) for p in layer.pairs] == [("a", "b", 2), ("a", "c", 1), ("b", "c", 1)]
