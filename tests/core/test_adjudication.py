import random
import time

from annotator.core.adjudication import GOLD_STATE, OPEN, REJECTED, adjudicate, restated
from annotator.core.model import Span


def span(start, end, label="PERSON", who="a", layer="entity", attrs=None):
    return Span(f"{who}-{start}-{end}-{label}", start, end, "x" * (end - start), layer, label, None,
                attrs or {}, who)


def keys(candidates):
    return [c.key() for c in candidates]


def test_candidates_say_who_marked_them_and_what_all_agree_on():
    sets = {"a": [span(0, 5), span(10, 14, "ORG")],
            "b": [span(0, 5, who="b"), span(10, 14, "GPE", who="b")],
            "c": [span(0, 5, who="c"), span(20, 25, who="c")]}
    result = adjudicate(sets)
    assert result.annotators == ("a", "b", "c")
    assert keys(result.candidates) == [(0, 5, "entity", "PERSON"), (10, 14, "entity", "GPE"),
                                       (10, 14, "entity", "ORG"), (20, 25, "entity", "PERSON")]
    first, gpe, org, last = result.candidates
    assert first.annotators == ("a", "b", "c") and first.agreed and not first.disputed
    assert org.annotators == ("a",) and gpe.annotators == ("b",) and not org.agreed
    assert last.annotators == ("c",) and last.disputed
    # Same place, two labels: one conflict; the lone span of c conflicts with nothing.
    assert [keys(result.group_of(c)) for c in (gpe, last)] == [[gpe.key(), org.key()], [last.key()]]
    assert result.conflicts == [(1, 2)] and org.group == gpe.group == 1 and last.group == -1
    assert result.counts() == {"candidates": 4, "agreed": 1, "disputed": 3, "conflicts": 1, "gold_only": 0,
                               "gold": 0, "rejected": 0, "open": 4}


def test_an_annotator_who_marked_nothing_breaks_agreement_and_one_annotator_is_no_agreement():
    assert not adjudicate({"a": [span(0, 5)], "b": [span(0, 5, who="b")], "c": []}).candidates[0].agreed
    assert not adjudicate({"a": [span(0, 5)]}).candidates[0].agreed
    assert adjudicate({"a": [span(0, 5)], "b": [span(0, 5, who="b")]}).candidates[0].agreed


def test_gold_and_rejections_close_candidates_and_leave_their_conflicts():
    sets = {"a": [span(0, 5), span(8, 12)], "b": [span(0, 6, who="b"), span(8, 12, "ORG", who="b")]}
    result = adjudicate(sets, gold=[span(0, 5, who="gold"), span(30, 33, who="gold")],
                        rejected={(8, 12, "entity", "ORG")})
    states = {c.key(): c.state for c in result.candidates}
    assert states == {(0, 6, "entity", "PERSON"): OPEN, (0, 5, "entity", "PERSON"): GOLD_STATE,
                      (8, 12, "entity", "PERSON"): OPEN, (8, 12, "entity", "ORG"): REJECTED}
    assert result.conflicts == []  # each open one is alone now
    assert result.gold_only == 1


def test_conflicts_are_per_layer_and_chain_through_overlaps():
    sets = {"a": [span(0, 4), span(3, 8), span(2, 6, "CLAIM", layer="claim")],
            "b": [span(7, 10, who="b"), span(12, 15, who="b")]}
    result = adjudicate(sets)
    assert [keys(result.candidates[n] for n in group) for group in result.conflicts] == [
        [(0, 4, "entity", "PERSON"), (3, 8, "entity", "PERSON"), (7, 10, "entity", "PERSON")]]


def test_nested_spans_everyone_marked_alike_are_no_conflict():
    outer, inner = (0, 10), (2, 5)
    sets = {w: [span(*outer, who=w), span(*inner, "GPE", who=w)] for w in ("a", "b")}
    assert adjudicate(sets).conflicts == []
    sets["b"].append(span(6, 9, "ORG", who="b"))
    result = adjudicate(sets)
    assert len(result.conflicts) == 1 and len(result.conflicts[0]) == 3
    assert keys(result.disputed()) == [(6, 9, "entity", "ORG")]


def test_conflict_groups_match_a_brute_force_reference():
    rng = random.Random(7)
    for _ in range(200):
        sets = {}
        for who in ("a", "b", "c"):
            spans = []
            for _ in range(rng.randint(0, 6)):
                start = rng.randint(0, 40)
                spans.append(span(start, start + rng.randint(1, 8), rng.choice(["PERSON", "ORG"]), who,
                                  rng.choice(["entity", "claim"])))
            sets[who] = spans
        result = adjudicate(sets)
        cands = result.candidates
        # Reference: union-find over every pair of open candidates of a layer that share a character.
        parent = list(range(len(cands)))

        def find(n):
            while parent[n] != n:
                n = parent[n]
            return n
        for i, x in enumerate(cands):
            for j, y in enumerate(cands):
                if i < j and x.layer == y.layer and x.start < y.end and y.start < x.end:
                    parent[find(i)] = find(j)
        expected = {}
        for n in range(len(cands)):
            expected.setdefault(find(n), []).append(n)
        groups = sorted(tuple(g) for g in expected.values()
                        if len(g) > 1 and not all(cands[n].agreed for n in g))
        assert result.conflicts == groups


def test_next_and_previous_disagreement_from_a_candidate_or_an_offset():
    sets = {"a": [span(0, 3), span(5, 8), span(20, 22)], "b": [span(0, 3, who="b"), span(10, 12, who="b")]}
    result = adjudicate(sets)
    disputed = result.disputed()
    assert keys(disputed) == [(5, 8, "entity", "PERSON"), (10, 12, "entity", "PERSON"), (20, 22, "entity", "PERSON")]
    assert result.step(0, 1) is disputed[0]
    assert result.step(disputed[0], 1) is disputed[1]
    assert result.step(disputed[2], 1) is None
    assert result.step(disputed[1], -1) is disputed[0]
    assert result.step(disputed[0], -1) is None
    assert result.step(20, -1) is disputed[1] and result.step(20, 1) is disputed[2]


def test_taking_a_version_and_what_an_accepted_candidate_displaces():
    sets = {"a": [span(0, 5)], "b": [span(0, 7, who="b")], "c": [span(0, 5, "ORG", who="c"), span(9, 12, who="c")]}
    result = adjudicate(sets)
    a, b, c = (next(x for x in result.candidates if x.annotators == (w,) and x.start == 0) for w in "abc")
    take, reject = result.taking(a, "b")
    assert take == [b] and sorted(keys(reject)) == sorted(keys([a, c]))
    lone = next(x for x in result.candidates if x.start == 9)
    assert result.taking(lone, "a") == ([], [lone])  # a marked nothing there
    assert result.taking(lone, "c") == ([lone], [])
    assert sorted(keys(result.displaced([a], {"entity": "none"}))) == sorted(keys([b, c]))
    assert result.displaced([a], {"entity": "any"}) == []
    assert keys(result.displaced([b], {"entity": "nested"})) == []  # both others nest in it


def test_each_version_keeps_its_annotators_attributes():
    sets = {"a": [span(0, 5, "CLAIM", "a", "claim", {"stance": "affirm"})],
            "b": [span(0, 5, "CLAIM", "b", "claim", {"stance": "deny"})]}
    candidate = adjudicate(sets).candidates[0]
    assert candidate.version().attrs == {"stance": "affirm"}
    assert candidate.version("b").attrs == {"stance": "deny"}


def test_five_thousand_spans_by_three_annotators_in_a_fraction_of_a_second():
    rng = random.Random(1)
    base = [(n * 20, n * 20 + rng.randint(3, 12)) for n in range(5000)]
    sets = {}
    for who in ("a", "b", "c"):
        spans = []
        for start, end in base:
            if rng.random() < 0.1:
                end += 1  # another boundary
            spans.append(span(start, end, rng.choice(["PERSON"] * 9 + ["ORG"]), who))
        sets[who] = spans
    gold = [span(s, e, who="gold") for s, e in base[:2000]]
    began = time.perf_counter()
    result = adjudicate(sets, gold, {(s, e, "entity", "PERSON") for s, e in base[2000:2100]})
    took = time.perf_counter() - began
    assert len(result.candidates) > 5000 and result.conflicts
    assert took < 0.5, took


def test_restating_after_gold_and_rejections_change_equals_adjudicating_again():
    rng = random.Random(3)
    for _ in range(100):
        sets = {who: [span(s, s + rng.randint(1, 6), rng.choice(["PERSON", "ORG"]), who)
                      for s in rng.sample(range(40), rng.randint(0, 8))] for who in ("a", "b", "c")}
        result = adjudicate(sets)
        for _ in range(3):  # decisions, and decisions undone
            picks = rng.sample(result.candidates, min(len(result.candidates), 3))
            gold = [span(c.start, c.end, c.label, "gold") for c in picks[:2]]
            rejected = {c.key() for c in picks[2:]}
            again = restated(result, gold, rejected)
            fresh = adjudicate(sets, gold, rejected)
            assert again.candidates == fresh.candidates and again.conflicts == fresh.conflicts
            assert again.counts() == fresh.counts()
            result = again
