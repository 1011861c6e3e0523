"""Every layer has a note (a text attribute): declared by the schema, or built in. The rules
check it as any text attribute, on any layer."""

from annotator import RESOURCES
from annotator.core import rules
from annotator.core.schema import NOTE, load_schema, note_attribute, parse_schema

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")

OWN_NOTE = """
[layers.entity]
[[layers.entity.labels]]
name = "PERSON"
color = "#aaaaaa"
[[layers.entity.attributes]]
name = "note"
kind = "choice"
values = ["ok", "doubtful"]
"""


def test_every_layer_ends_with_one_note():
    entity = NEWS.attributes("entity")
    assert entity == (note_attribute("entity"),) and entity[0].kind == "text" and entity[0].layer == "entity"
    claim = NEWS.attributes("claim")
    assert [a.name for a in claim].count(NOTE) == 1 and claim[-1].description == "Free text for the analyst."
    assert NEWS.attributes("nope") == ()
    # Derived, not part of the layer: the project's schema tables and files keep what was declared.
    assert NEWS.layer("entity").attributes == ()
    assert not NEWS.summary_attributes("entity")


def test_a_declared_note_is_kept_as_declared():
    schema = parse_schema(OWN_NOTE)
    (note,) = schema.attributes("entity")
    assert note.kind == "choice" and note.values == ("ok", "doubtful")
    assert rules.attribute_problem(schema, "entity", NOTE, "free text", "نص") is not None


def test_the_rules_take_a_note_on_an_entity_span_as_text():
    assert rules.attribute_problem(NEWS, "entity", NOTE, "ملاحظة", "نص") is None
    assert rules.attribute_problem(NEWS, "entity", NOTE, None, "نص") is None
    problem = rules.attribute_problem(NEWS, "entity", NOTE, 3, "نص")
    assert problem is not None and problem.code == "attribute_text"
    assert rules.attribute_problem(NEWS, "entity", "stance", "affirm", "نص").code == "unknown_attribute"
    assert rules.relation_attribute(NEWS, "entity") is None  # a note is no claimant
