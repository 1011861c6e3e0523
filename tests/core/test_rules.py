"""The one set of annotation rules (core/rules.py): each returns None or a RuleError whose str()
is the English sentence and whose code/params let a window translate it."""

import pytest

from annotator import RESOURCES
from annotator.core import rules
from annotator.core.model import Span
from annotator.core.schema import load_schema

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
TEXT = "قالَ شدَّة 🇸🇦🇪🇬 اليوم"  # a lam with fatha, a dal with shadda + fatha, two flags
DAL, FLAGS = TEXT.index("د"), TEXT.index("🇸")
INSIDE = "inside a character (a letter and its marks, or one emoji)"


def span(start, end, label="PERSON", layer="entity", span_id=None):
    return Span(span_id or f"{label}{start}", start, end, TEXT[start:end], layer, label)


def test_label_known():
    assert rules.label_problem(NEWS, "PERSON") is None
    problem = rules.label_problem(NEWS, "PERSN")
    assert str(problem) == "no label 'PERSN' in the project"
    assert (problem.code, problem.params) == ("unknown_label", {"label": "PERSN"})


@pytest.mark.parametrize("start, end", [(0, 999), (-1, 2), (3, 3), (4, 2), (0.0, 2), (True, 2)])
def test_range_outside_empty_or_not_integers(start, end):
    problem = rules.range_problem(TEXT, start, end, f"span {start}-{end}")
    assert str(problem) == f"span {start}-{end} is outside the document" and problem.code == "outside_text"
    assert problem.params["length"] == len(TEXT)


@pytest.mark.parametrize("start, end, edge", [(DAL - 1, DAL + 1, "end"), (DAL + 1, DAL + 4, "start"),
                                              (FLAGS, FLAGS + 3, "end"), (FLAGS + 1, FLAGS + 2, "start")])
def test_range_on_grapheme_boundaries(start, end, edge):
    problem = rules.range_problem(TEXT, start, end)
    assert str(problem) == f"{edge}s {INSIDE}" and problem.code == "splits_character"
    assert problem.params["edge"] == edge
    assert str(rules.range_problem(TEXT, start, end, "attribute cue")) == f"attribute cue {edge}s {INSIDE}"


def test_whole_characters_pass():
    assert rules.range_problem(TEXT, DAL - 1, DAL + 4) is None
    assert rules.range_problem(TEXT, FLAGS + 2, FLAGS + 4) is None


def test_overlap_per_layer_mode():
    entity, claim = NEWS.layer("entity"), NEWS.layer("claim")  # nested, any
    outer = span(0, 10, "ORG")
    assert rules.overlap_problem(entity, [outer], span(0, 4, "GPE")) is None  # nested inside: fine
    crossing = rules.overlap_problem(entity, [outer], span(5, 15, "GPE"))
    assert str(crossing) == f"entity spans may only nest inside each other: «{TEXT[5:15]}» crosses ORG «{TEXT[:10]}»"
    assert crossing.code == "overlap" and crossing.params["mode"] == "nested"
    again = rules.overlap_problem(claim, [span(0, 4, "CLAIM", "claim")], span(0, 4, "CLAIM", "claim", "x"))
    assert str(again) == f"«{TEXT[:4]}» is already CLAIM" and again.code == "duplicate_span"
    assert rules.overlap_problem(claim, [span(0, 10, "CLAIM", "claim")], span(5, 15, "CLAIM", "claim")) is None


def test_overlap_of_a_whole_imported_layer():
    entity = NEWS.layer("entity")
    members = [span(0, 10, "ORG"), span(5, 15, "GPE")]
    problem = rules.overlaps_problem(entity, members)
    assert str(problem) == "spans ORG 0-10 and GPE 5-15 may not overlap in layer entity (mode nested)"
    assert rules.overlaps_problem(None, members) is None  # a layer the schema does not know: any


def test_attributes_by_kind():
    assert rules.attribute_problem(NEWS, "claim", "stance", "deny", TEXT) is None
    assert rules.attribute_problem(NEWS, "claim", "stance", None, TEXT) is None  # not set
    choice = rules.attribute_problem(NEWS, "claim", "stance", "maybe", TEXT)
    assert str(choice) == "attribute stance must be one of affirm, deny, not 'maybe'" and choice.code == "attribute_choice"
    assert rules.attribute_problem(NEWS, "claim", "claimant", "AUTHOR", TEXT) is None  # a relation's literal
    assert rules.attribute_problem(NEWS, "claim", "claimant", "someone", TEXT).code == "attribute_choice"
    assert str(rules.attribute_problem(NEWS, "claim", "note", 3, TEXT)) == "attribute note must be a string"
    unknown = rules.attribute_problem(NEWS, "claim", "colour", "red", TEXT)
    assert str(unknown) == "layer claim has no attribute 'colour'" and unknown.params == {"layer": "claim", "name": "colour"}


def test_a_span_attribute_matches_the_text_on_whole_characters():
    good = {"start": 0, "end": 4, "text": TEXT[:4]}
    assert rules.attribute_problem(NEWS, "claim", "cue", good, TEXT) is None
    for bad in ({"start": 0, "end": 4, "text": "x"}, {"start": 0, "end": 99, "text": TEXT}, (0, 4), "قال"):
        assert rules.attribute_problem(NEWS, "claim", "cue", bad, TEXT).code == "attribute_span"
    split = rules.attribute_problem(NEWS, "claim", "cue", {"start": 0, "end": 3, "text": TEXT[:3]}, TEXT)
    assert str(split) == f"attribute cue ends {INSIDE}"


def test_claimant_checks():
    claim, person = span(0, 10, "CLAIM", "claim"), span(0, 4)
    assert rules.claimant_problem(NEWS, claim) is None and rules.claimant_problem(NEWS, claim, person) is None
    assert str(rules.claimant_problem(NEWS, claim, claim)) == "a claimant is an entity, not another claim"
    assert rules.claimant_problem(NEWS, claim, span(0, 4, "PREDICTION", "claim")).code == "claimant_not_entity"
    assert str(rules.claimant_problem(NEWS, person)) == "PERSON spans have no claimant"


def test_a_rule_error_located_keeps_its_code():
    problem = rules.label_problem(NEWS, "X").within("span 3: ", span=3)
    assert isinstance(problem, ValueError) and str(problem) == "span 3: no label 'X' in the project"
    assert problem.params == {"label": "X", "span": 3} and problem.code == "unknown_label"
