"""Display names in the schema: `title_<lang>` on layers, labels and attributes, and
`value_titles_<lang>` for attribute values; the identifier when there is none; errors that name
the file and line."""

import pytest

from annotator import RESOURCES
from annotator.core.schema import Attribute, Label, SchemaError, load_schema, parse_schema, with_title
from annotator.core.schema_edit import label_edit_problem, normalised

NEWS = RESOURCES / "schemas" / "news.toml"

CLAIMS = """\
name = "t"

[layers.claim]
title_ar = "الادعاءات"
title_fa = "ادعاها"

[[layers.claim.labels]]
name = "CLAIM"
title_ar = "ادعاء"
color = "#e8590c"

[[layers.claim.attributes]]
name = "stance"
title_ar = "الموقف"
kind = "choice"
values = ["affirm", "deny"]
value_titles_ar = { affirm = "تأكيد" }

[[layers.claim.attributes]]
name = "note"
kind = "text"
"""


def test_news_has_an_arabic_title_for_every_layer_label_attribute_and_value():
    schema = load_schema(NEWS)
    assert schema.title("PERSON", "ar") == "شخص"
    assert schema.title("GPE", "ar") == "كيان جغرافي سياسي"
    assert schema.title("claim", "ar") == "الادعاءات"  # a layer by its name
    for layer in schema.layers:
        assert layer.shown("ar") != layer.name
        assert all(label.shown("ar") != label.name for label in layer.labels)
        for attribute in layer.attributes:
            assert attribute.shown("ar") != attribute.name, attribute.name
            assert all(attribute.value_shown(v, "ar") != v for v in attribute.values), attribute.name
    assert schema.value_title("claim", "claimant", "AUTHOR", "ar") == "كاتب المقال"
    assert schema.value_title("claim", "stance", "deny", "ar") == "نفي"
    # Display names are for the window only: identifiers stay what spans and exports use.
    assert schema.label("PERSON").name == "PERSON" and schema.label("PERSON").key == "p"


def test_a_missing_title_falls_back_to_the_identifier():
    schema = parse_schema(CLAIMS, "t.toml")
    assert schema.title("CLAIM", "ar") == "ادعاء"
    assert schema.title("CLAIM", "en") == "CLAIM"  # no title in that language
    assert schema.title("claim", "fa") == "ادعاها"  # any language code
    assert schema.title("NOT_A_LABEL", "ar") == "NOT_A_LABEL"  # a name the schema lacks (import)
    stance = {a.name: a for a in schema.attributes("claim")}["stance"]
    assert stance.value_shown("affirm", "ar") == "تأكيد"
    assert stance.value_shown("deny", "ar") == "deny"  # untitled value
    assert schema.value_title("claim", "nothing", "x", "ar") == "x"
    assert schema.title({a.name: a for a in schema.attributes("claim")}["note"], "ar") == "note"
    # The built-in note of a layer that declares none has no title either.
    built_in = parse_schema('[layers.e]\n[[layers.e.labels]]\nname = "A"\ncolor = "#ffffff"\n')
    assert [a.shown("ar") for a in built_in.attributes("e")] == ["note"]


def test_titles_survive_the_schema_edits():
    schema = parse_schema(CLAIMS, "t.toml").with_label("claim", "RUMOUR")
    assert schema.title("CLAIM", "ar") == "ادعاء" and schema.title("RUMOUR", "ar") == "RUMOUR"
    widened = schema.with_attribute(Attribute("verified", "claim", "choice", ("yes", "no")))
    assert widened.title("claim", "ar") == "الادعاءات" and widened.title("CLAIM", "ar") == "ادعاء"
    assert with_title((("ar", "x"), ("fa", "y")), "ar", None) == (("fa", "y"),)
    assert with_title((), "ar", "ادعاء") == (("ar", "ادعاء"),)


def _line(source: str, text: str) -> int:
    return next(n for n, line in enumerate(source.splitlines(), 1) if text in line)


@pytest.mark.parametrize("broken, where, message", [
    # a value title for a value the attribute does not have
    ('value_titles_ar = { affirm = "تأكيد" }', 'value_titles_ar = { affirm = "تأكيد", neutral = "حياد" }',
     r"attribute stance: value_titles_ar: 'neutral' is not one of its values \(affirm, deny\)"),
    # a language code that is not one
    ('title_ar = "ادعاء"', 'title_AR = "ادعاء"', r"label CLAIM: title_AR: 'AR' is not a language code"),
    ('title_ar = "الموقف"', 'title_ = "الموقف"', r"attribute stance: title_: '' is not a language code"),
    # a title that is empty, not a string, or hides a bidi override or a line break
    ('title_ar = "ادعاء"', 'title_ar = ""', r"label CLAIM: title_ar: a title must be a non-empty string"),
    ('title_ar = "ادعاء"', 'title_ar = 3', r"label CLAIM: title_ar: a title must be a non-empty string"),
    ('title_ar = "الادعاءات"', 'title_ar = "\\u202eادعاء"', r"layer claim: title_ar: .*control or format character"),
    ('title_ar = "الموقف"', 'title_ar = "سطر\\nآخر"', r"attribute stance: title_ar: .*control or format character"),
    ('title_ar = "ادعاء"', f'title_ar = "{"ا" * 81}"', r"label CLAIM: title_ar: .*longer than 80"),
    ('value_titles_ar = { affirm = "تأكيد" }', 'value_titles_ar = { affirm = "" }',
     r"attribute stance: value_titles_ar: affirm: a title must be a non-empty string"),
    ('value_titles_ar = { affirm = "تأكيد" }', 'value_titles_ar = "تأكيد"',
     r"attribute stance: value_titles_ar must be a table"),
])
def test_a_bad_title_names_the_file_and_its_line(broken, where, message):
    source = CLAIMS.replace(broken, where, 1)
    assert source != CLAIMS
    with pytest.raises(SchemaError, match=rf"^t\.toml:{_line(source, where)}: {message}"):
        parse_schema(source, "t.toml")


def test_a_value_title_on_an_attribute_without_values_is_an_error():
    source = CLAIMS + 'value_titles_ar = { x = "س" }\n'
    with pytest.raises(SchemaError, match=rf"^t\.toml:{len(source.splitlines())}: attribute note: "
                                          r"value_titles_ar: 'x' is not one of its values \(none\)"):
        parse_schema(source, "t.toml")


def test_the_label_editor_rule_refuses_a_bad_title():
    schema = parse_schema(CLAIMS, "t.toml")
    label = schema.label("CLAIM")
    assert label_edit_problem(schema, label, normalised(Label(
        "CLAIM", "claim", "#e8590c", titles=(("ar", "ادعاء جديد"),)))) is None
    problem = label_edit_problem(schema, label, Label("CLAIM", "claim", "#e8590c", titles=(("ar", "\u202eادعاء"),)))
    assert problem is not None and problem.code == "label_title"
    assert "display name" in str(problem)
