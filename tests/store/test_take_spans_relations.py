"""Workspace.take_spans brings a taken claim's claimant along (issue 12, review into gold): the
source set's relations between spans taken together, or between a taken span and the gold span
at the key of the other end, are copied with the spans in the same action and undo step, renamed
to the gold span ids; one gold has, one the rules refuse, and a second claimant are left out."""

import sqlite3

import pytest

from annotator import RESOURCES
from annotator.core.model import Relation, Span, new_id
from annotator.core.schema import load_schema
from annotator.io.importing import import_paths
from annotator.store import Project
from annotator.store.workspace import Workspace

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
TEXT = "قال وزير الدفاع سيرغي شويغو إن روسيا ستدعم كوريا الشمالية. وأكد الكرملين ذلك."


def span(word, label, who, layer="entity", attrs=None):
    start = TEXT.index(word)
    return Span(new_id(), start, start + len(word), word, layer, label, None, attrs or {}, who)


def claimant(claim, who):
    return Relation(new_id(), claim.id, who.id, "claimant", claim.annotator)


@pytest.fixture
def doc(tmp_path):
    """amal's set: a claim whose claimant is Shoigu, and the Kremlin; badr's: the same claim
    said by the Kremlin. The workspace works as gold."""
    (tmp_path / "a.txt").write_text(TEXT, "utf-8")
    path = tmp_path / "p.annotator"
    project = Project.create(path, NEWS)
    import_paths(project, [tmp_path / "a.txt"])
    doc_id = project.document_rows()[0][0]
    amal = {"person": span("سيرغي شويغو", "PERSON", "amal"), "kremlin": span("الكرملين", "ORG", "amal"),
            "claim": span("روسيا ستدعم كوريا الشمالية", "CLAIM", "amal", "claim", {"stance": "affirm"})}
    badr = {"kremlin": span("الكرملين", "ORG", "badr"),
            "claim": span("روسيا ستدعم كوريا الشمالية", "CLAIM", "badr", "claim", {"stance": "affirm"})}
    project.replace_set(doc_id, "amal", list(amal.values()), [claimant(amal["claim"], amal["person"])], "done")
    project.replace_set(doc_id, "badr", list(badr.values()), [claimant(badr["claim"], badr["kremlin"])], "done")
    ws = Workspace(project, "gold")
    ws.open_document(doc_id)
    yield ws, path, amal, badr
    project.close()


def gold_claimants(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT h.text, c.text, r.annotator FROM relations r JOIN spans h ON h.id = r.head "
            "JOIN spans c ON c.id = r.child WHERE h.annotator = 'gold' AND c.annotator = 'gold' "
            "AND r.label = 'claimant' ORDER BY h.text").fetchall()
    finally:
        conn.close()


CLAIM, SHOIGU, KREMLIN = "روسيا ستدعم كوريا الشمالية", "سيرغي شويغو", "الكرملين"


def test_a_claim_taken_with_its_claimant_keeps_it_and_one_undo_takes_both_back(doc):
    ws, path, amal, _ = doc
    change = ws.take_spans([amal["claim"], amal["person"]], [], "take amal's version", "review")
    assert gold_claimants(path) == [(CLAIM, SHOIGU, "gold")]
    (relation,) = change.relations_added
    gold_ids = {s.id for s in change.spans_added}
    assert {relation.head, relation.child} <= gold_ids  # gold's own ids, not amal's
    assert ws.relations == {relation.id: relation}
    claim = next(s for s in ws.spans if s.label == "CLAIM")
    assert ws.claimant(claim.id).text == SHOIGU
    ws.undo()
    assert gold_claimants(path) == [] and ws.relations == {} and len(ws.spans) == 0
    ws.redo()
    assert gold_claimants(path) == [(CLAIM, SHOIGU, "gold")]


def test_a_claim_taken_after_its_claimant_or_before_it_links_to_the_gold_span(doc):
    ws, path, amal, _ = doc
    ws.take_spans([amal["person"]])
    change = ws.take_spans([amal["claim"]])  # the claimant is in gold already, at amal's key
    assert gold_claimants(path) == [(CLAIM, SHOIGU, "gold")] and len(change.relations_added) == 1
    ws.undo()  # the claim and its relation only
    assert gold_claimants(path) == [] and [s.text for s in ws.spans] == [SHOIGU]
    ws.undo()
    # The other way round: the claim first (its claimant is not in gold: nothing dangles) ...
    change = ws.take_spans([amal["claim"]])
    assert change.relations_added == () and gold_claimants(path) == []
    # ... then the entity, and the claim in gold gets it.
    change = ws.take_spans([amal["person"]])
    assert gold_claimants(path) == [(CLAIM, SHOIGU, "gold")] and len(change.relations_added) == 1


def test_a_claim_keeps_the_claimant_gold_gave_it_and_nothing_is_copied_twice(doc):
    ws, path, amal, badr = doc
    ws.take_spans([amal["claim"], amal["person"]])
    # badr's Kremlin: its claim (same key as gold's) already has a claimant in gold: the curator's stands.
    change = ws.take_spans([badr["kremlin"]])
    assert change.relations_added == () and gold_claimants(path) == [(CLAIM, SHOIGU, "gold")]
    ws.undo()
    ws.undo()
    # Taking amal's claimant twice over (two calls) gives one relation.
    ws.take_spans([amal["claim"], amal["person"]])
    ws.take_spans([amal["kremlin"]])
    assert gold_claimants(path) == [(CLAIM, SHOIGU, "gold")]


def test_a_relation_the_rules_refuse_is_left_out_and_the_spans_still_come(doc):
    ws, path, amal, _ = doc
    # A claim "said by" another claim (imported data): the rules refuse it, gold gets the spans only.
    other = span("وأكد الكرملين ذلك", "CLAIM", "carim", "claim")
    claim = span(CLAIM, "CLAIM", "carim", "claim")
    ws.project.replace_set(ws.document.id, "carim", [claim, other], [claimant(claim, other)], "done")
    ws.open_document(ws.document.id)
    change = ws.take_spans([claim, other])
    assert len(change.spans_added) == 2 and change.relations_added == () and gold_claimants(path) == []


def test_a_claim_with_a_literal_claimant_in_gold_gets_no_relation(doc):
    ws, path, amal, _ = doc
    literal = span(CLAIM, "CLAIM", "carim", "claim", {"claimant": "AUTHOR"})
    ws.project.replace_set(ws.document.id, "carim", [literal], [], "done")
    ws.open_document(ws.document.id)
    ws.take_spans([literal])
    change = ws.take_spans([amal["person"]])  # amal's claimant of the same claim: gold's AUTHOR stands
    assert change.relations_added == () and gold_claimants(path) == []
    claim = next(s for s in ws.spans if s.label == "CLAIM")
    assert ws.claimant(claim.id) == "AUTHOR"
