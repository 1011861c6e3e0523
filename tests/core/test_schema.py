import pytest

from annotator import RESOURCES
from annotator.core.schema import SchemaError, load_schema, parse_schema

NEWS = RESOURCES / "schemas" / "news.toml"


def test_news_schema():
    schema = load_schema(NEWS)
    assert [layer.name for layer in schema.layers] == ["entity", "claim"]
    assert {"PERSON", "ORG", "GPE", "LOC", "FACILITY", "DATE", "EVENT", "NORP", "CLAIM"} <= {
        lab.name for lab in schema.labels()
    }
    keys = [lab.key for lab in schema.labels() if lab.key]
    assert len(keys) == len(set(keys))
    claim_attrs = {a.name: a for a in schema.attributes("claim")}
    assert set(claim_attrs) == {"claimant", "cue", "attribution", "stance", "claim_type", "checkworthy",
                                "verifiable", "note"}
    assert claim_attrs["checkworthy"].values == ("no", "low", "high")
    assert claim_attrs["claimant"].values == ("AUTHOR", "UNKNOWN")
    assert all(lab.guideline for lab in schema.labels())


def _schema(labels: str) -> str:
    return f"[layers.entity]\n{labels}"


def test_duplicate_toml_key_names_file_and_line(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text('[layers.entity]\noverlap = "none"\noverlap = "any"\n')
    with pytest.raises(SchemaError, match=r"s\.toml: .*line 3"):
        load_schema(path)


@pytest.mark.parametrize(
    "body, message",
    [
        ('[[layers.entity.labels]]\nname = "A"\ncolor = "reddish"\n', "color must be #rrggbb"),
        ('[[layers.entity.labels]]\nname = "A"\ncolor = "#ffffff"\n[[layers.entity.labels]]\nname = "A"\n'
         'color = "#000000"\n', "label A defined twice"),
        ('[[layers.entity.labels]]\nname = "A"\ncolor = "#ffffff"\nkey = "a"\n[[layers.entity.labels]]\n'
         'name = "B"\ncolor = "#000000"\nkey = "A"\n', "key 'A' already used by A"),
        ('overlap = "sometimes"\n[[layers.entity.labels]]\nname = "A"\ncolor = "#ffffff"\n', "overlap must be"),
        ("", "has no labels"),
    ],
)
def test_invalid_schemas(body, message):
    with pytest.raises(SchemaError, match=message):
        parse_schema(_schema(body), "x.toml")


def test_with_label_appends_with_a_colour():
    schema = load_schema(NEWS).with_label("entity", "WEAPON")
    label = schema.label("WEAPON")
    assert label.layer == "entity" and label.color.startswith("#") and label.key is None


@pytest.mark.parametrize("name", ["\u202eNOSREP", "PERSON\n", "PER SON", "B-X\tI", "شخص", "", "1ABC", "A" * 65,
                                  "PER\u200bSON", "\x1b[31mRED"])
def test_with_label_refuses_names_that_break_the_rule(name):
    # Labels met in imported data went straight into the palette and into brat/CoNLL lines.
    with pytest.raises(SchemaError, match="is not a valid label name"):
        load_schema(NEWS).with_label("entity", name)


def test_with_label_refuses_an_unknown_layer_or_a_second_definition():
    schema = load_schema(NEWS)
    with pytest.raises(SchemaError, match="'nope' is not a layer"):
        schema.with_label("nope", "WEAPON")
    with pytest.raises(SchemaError, match="PERSON is already defined"):
        schema.with_label("claim", "PERSON")


def test_name_problem_shows_control_characters_escaped():
    from annotator.core.schema import key_problem, name_problem

    assert name_problem("PERSON") is None and name_problem("news.agency-2") is None
    assert name_problem("\u202eNOSREP").startswith("label '\\u202eNOSREP' is not a valid label name")
    assert name_problem("x\ny", "layer").startswith("layer 'x\\ny' is not a valid layer name")
    assert name_problem(None) is not None
    assert key_problem("p") is None and key_problem("ش") is None
    for bad in ["\x1b", "\u202e", "\u2066", "\u200f", "\u061c", "\t", " ", "ab", "", "\ue000"]:
        assert key_problem(bad) is not None, repr(bad)
