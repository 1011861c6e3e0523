"""Translated guidance in the schema: `guideline_<lang>` on labels and `description_<lang>` on
layers and attributes, several lines allowed; the English text when a language has none; errors
that name the file and the line."""

import pytest

from annotator import RESOURCES
from annotator.core.schema import GUIDANCE_MAX, NOTE, SchemaError, load_schema, parse_schema

NEWS = RESOURCES / "schemas" / "news.toml"

CLAIMS = '''\
name = "t"

[layers.claim]
description = "Checkable assertions."
description_ar = "أقوال يمكن التحقق منها."

[[layers.claim.labels]]
name = "CLAIM"
color = "#e8590c"
guideline = "Mark the content."
guideline_ar = """حدّد المضمون.
لا فعل الإسناد."""

[[layers.claim.attributes]]
name = "stance"
kind = "choice"
values = ["affirm", "deny"]
description = "Affirmed or denied."
description_ar = "تأكيد أم نفي."

[[layers.claim.attributes]]
name = "checkworthy"
kind = "choice"
values = ["no", "high"]
description = "How much it matters."
'''


def test_arabic_guidance_is_read_and_english_is_the_fallback():
    schema = parse_schema(CLAIMS, "claims.toml")
    claim = schema.label("CLAIM")
    assert claim.guideline_in("ar") == "حدّد المضمون.\nلا فعل الإسناد."  # a multi-line string keeps its lines
    assert claim.guideline_in("en") == claim.guideline_in("fa") == "Mark the content."
    assert claim.guideline == "Mark the content."  # exports and the CLI read the English field as before
    layer = schema.layer("claim")
    assert layer.description_in("ar") == "أقوال يمكن التحقق منها." and layer.description_in("en") == "Checkable assertions."
    stance, checkworthy, note = schema.attributes("claim")
    assert stance.description_in("ar") == "تأكيد أم نفي." and stance.description_in("en") == "Affirmed or denied."
    assert checkworthy.description_in("ar") == "How much it matters."  # none in Arabic: the English one
    assert note.name == NOTE and note.description_in("ar") != note.description_in("en")  # the built-in note's own


def test_news_has_arabic_guidance_for_everything_that_has_english():
    schema = load_schema(NEWS)
    for layer in schema.layers:
        assert layer.description and layer.description_in("ar") != layer.description
        for label in layer.labels:
            assert label.guideline and label.guideline_in("ar") != label.guideline, label.name
        for attribute in layer.attributes:
            assert attribute.description_in("ar") != attribute.description, attribute.name
    # The Arabic examples and the identifiers an analyst types or sees stay as they were.
    assert "سيرغي شويغو" in schema.label("PERSON").guideline_in("ar")
    assert "AUTHOR" in schema.attributes("claim")[0].description_in("ar")


@pytest.mark.parametrize("entry, line, words", [
    ('guideline_ar = "\\u202eحدّد"', 11, "control or format"),  # a bidi override
    ('guideline_ar = "a\\u0000b"', 11, "control or format"),
    ('guideline_ar = ""', 11, "non-empty"),
    ('guideline_ar = 3', 11, "non-empty string"),
    (f'guideline_ar = "{"ب" * (GUIDANCE_MAX + 1)}"', 11, "longer than"),
    ('guideline_AR = "حدّد"', 11, "not a language code"),
])
def test_a_bad_guideline_names_the_file_and_its_line(entry, line, words):
    source = CLAIMS.replace('guideline_ar = """حدّد المضمون.\nلا فعل الإسناد."""', entry)
    with pytest.raises(SchemaError) as error:
        parse_schema(source, "claims.toml")
    message = str(error.value)
    assert message.startswith(f"claims.toml:{line}: label CLAIM: ") and words in message


def test_a_bad_description_names_its_layer_or_attribute_and_line():
    source = CLAIMS.replace('description_ar = "تأكيد أم نفي."', 'description_ar = "\\u2067تأكيد"')
    with pytest.raises(SchemaError, match=r"^claims\.toml:19: attribute stance: description_ar "):
        parse_schema(source, "claims.toml")
    source = CLAIMS.replace('description_ar = "أقوال يمكن التحقق منها."', 'description_ar = ["x"]')
    with pytest.raises(SchemaError, match=r"^claims\.toml:5: layer claim: description_ar must be a non-empty string"):
        parse_schema(source, "claims.toml")
