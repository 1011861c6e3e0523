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
