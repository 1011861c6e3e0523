"""The `flag` attribute kind: a yes/no mark, declared in TOML with no values, set (true) or
absent; the rules take true or false only, with a code the window translates."""

import pytest

from annotator import RESOURCES
from annotator.core import rules
from annotator.core.schema import Attribute, SchemaError, parse_schema

NEWS_TOML = (RESOURCES / "schemas" / "news.toml").read_text("utf-8")
FLAG = '''
[[layers.claim.attributes]]
name = "speculation"
kind = "flag"
'''


def test_a_flag_is_parsed_with_no_values_and_no_default():
    schema = parse_schema(NEWS_TOML + FLAG + "default = false\n")
    (flag,) = [a for a in schema.attributes("claim") if a.name == "speculation"]
    assert flag == Attribute("speculation", "claim", "flag")


@pytest.mark.parametrize("extra, problem", [
    ('values = ["yes", "no"]\n', "a flag has no values"),
    ("default = true\n", "a flag's default can only be false, not True"),
    ('default = "yes"\n', "a flag's default can only be false, not 'yes'"),
])
def test_a_flag_with_values_or_a_set_default_is_refused_with_its_line(extra, problem):
    with pytest.raises(SchemaError) as caught:
        parse_schema(NEWS_TOML + FLAG + extra, "news+.toml")
    line = len((NEWS_TOML + FLAG).splitlines()) + 1
    assert str(caught.value) == f"news+.toml:{line}: attribute speculation: {problem}" + (
        " (it is set or not)" if "values" in problem else "")


def test_a_flag_value_is_true_or_false_only():
    schema = parse_schema(NEWS_TOML + FLAG)
    for value in (True, False, None):
        assert rules.attribute_problem(schema, "claim", "speculation", value, "نص") is None
    for value in (1, "yes", "true", []):
        problem = rules.attribute_problem(schema, "claim", "speculation", value, "نص")
        assert problem.code == "attribute_flag" and problem.params == {"name": "speculation", "value": value}
        assert str(problem) == f"attribute speculation is a flag: true or false, not {value!r}"


def test_with_attribute_adds_a_flag_and_grows_a_choice_in_place():
    schema = parse_schema(NEWS_TOML)
    grown = schema.with_attribute(Attribute("Negation", "entity", "flag"))
    assert [a.name for a in grown.layer("entity").attributes][-1] == "Negation"
    assert schema.layer("entity").attributes == ()  # the original is unchanged
    grown = grown.with_attribute(Attribute("Confidence", "entity", "choice", ("High",)))
    grown = grown.with_attribute(Attribute("Confidence", "entity", "choice", ("High", "Low")))
    assert [(a.name, a.values) for a in grown.layer("entity").attributes] == [
        ("Negation", ()), ("Confidence", ("High", "Low"))]
    for bad, message in [
        (Attribute("stance", "claim", "flag"), "attribute stance of layer claim is already a choice"),
        (Attribute("note", "entity", "flag"), "attribute note of layer entity is already a text"),
        (Attribute("x y", "entity", "flag"), "is not a valid attribute name"),
        (Attribute("Negation", "nope", "flag"), "layer 'nope' is not a layer of schema"),
        (Attribute("Negation", "entity", "binary"), "kind must be one of"),
    ]:
        with pytest.raises(SchemaError, match=message):
            grown.with_attribute(bad)
