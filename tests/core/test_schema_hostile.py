"""Hostile label schemas: every problem is a SchemaError naming the file and the line it is on
(never a traceback), and `annotator init --schema` refuses them without creating a project."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator import RESOURCES
from annotator.core.schema import SchemaError, load_schema, parse_schema

ANNOTATOR = Path(sys.executable).with_name("annotator")
NEWS = RESOURCES / "schemas" / "news.toml"

LABEL = '[[layers.entity.labels]]\nname = "{name}"\ncolor = "#a6e3b4"\n'
GOOD = "[layers.entity]\n" + LABEL.format(name="PERSON")

CASES = [
    # TOML itself: tomllib's message with its line and column
    ("duplicate key", '[layers.entity]\noverlap = "none"\noverlap = "any"\n' + LABEL.format(name="A"),
     "bad.toml: Cannot overwrite a value (at line 3, column 16)"),
    ("duplicate key in a label",
     '[layers.entity]\n[[layers.entity.labels]]\nname = "A"\nname = "B"\ncolor = "#ffffff"\n',
     "bad.toml: Cannot overwrite a value (at line 4, column 11)"),
    ("duplicate table", GOOD + '[layers.entity]\noverlap = "any"\n',
     "bad.toml: Cannot declare ('layers', 'entity') twice (at line 5, column 15)"),
    ("not TOML", "\x00\x01binary", "bad.toml: Invalid statement (at line 1, column 1)"),
    ("lone surrogate escape", 'name = "\\ud800"\n' + GOOD,
     "bad.toml: Escaped character is not a Unicode scalar value (at line 1, column 15)"),
    # colours
    ("unknown colour",
     GOOD + '\n[[layers.entity.labels]]\nname = "ORG"\nguideline = "not \\"PERSON\\""\ncolor = "reddish"\n',
     "bad.toml:9: label ORG: color must be #rrggbb, not 'reddish'"),
    ("colour name", GOOD + LABEL.format(name="ORG").replace("#a6e3b4", "red"),
     "bad.toml:7: label ORG: color must be #rrggbb, not 'red'"),
    ("short hex colour", GOOD + LABEL.format(name="ORG").replace("#a6e3b4", "#fff"),
     "bad.toml:7: label ORG: color must be #rrggbb, not '#fff'"),
    ("not hex", GOOD + LABEL.format(name="ORG").replace("#a6e3b4", "#gggggg"),
     "bad.toml:7: label ORG: color must be #rrggbb, not '#gggggg'"),
    ("colour as a number", GOOD + '[[layers.entity.labels]]\nname = "ORG"\ncolor = 0xff0000\n',
     "bad.toml:7: label ORG: color must be #rrggbb, not 16711680"),
    ("colour before the name", GOOD + '[[layers.entity.labels]]\ncolor = "reddish"\nname = "ORG"\n',
     "bad.toml:6: label ORG: color must be #rrggbb, not 'reddish'"),
    ("no colour", GOOD + '[[layers.entity.labels]]\nname = "ORG"\n',
     "bad.toml:6: label ORG: color must be #rrggbb, not ''"),
    ("inline tables",
     '[layers.entity]\nlabels = [\n  {name = "A", color = "#ffffff"},\n  {name = "B", color = "blue"},\n]\n',
     "bad.toml:4: label B: color must be #rrggbb, not 'blue'"),
    # one-key shortcuts
    ("two-letter key", GOOD + LABEL.format(name="ORG") + 'key = "or"\n',
     "bad.toml:8: label ORG: key must be one character, not 'or'"),
    ("empty key", GOOD + LABEL.format(name="ORG") + 'key = ""\n',
     "bad.toml:8: label ORG: key must be one character, not ''"),
    ("space key", GOOD + LABEL.format(name="ORG") + 'key = " "\n',
     "bad.toml:8: label ORG: key must be one character, not ' '"),
    ("numeric key", GOOD + LABEL.format(name="ORG") + "key = 1\n",
     "bad.toml:8: label ORG: key must be one character, not 1"),
    ("key used twice", "[layers.entity]\n" + LABEL.format(name="PERSON") + 'key = "p"\n' + LABEL.format(name="PLACE")
     + 'key = "P"\n', "bad.toml:9: label PLACE: key 'P' already used by PERSON"),
    # labels and layers
    ("no labels", 'name = "x"\n[layers.entity]\noverlap = "none"\n', "bad.toml:2: layer entity has no labels"),
    ("no labels in the second layer", GOOD + '[layers.claim]\noverlap = "any"\n',
     "bad.toml:5: layer claim has no labels"),
    ("no layers", 'name = "x"\n', "bad.toml: no [layers.NAME] tables"),
    ("layers not tables", "layers = [1, 2]\n", "bad.toml: no [layers.NAME] tables"),
    ("labels not an array", '[layers.entity]\nlabels = "PERSON"\n',
     "bad.toml:2: layer entity: labels must be an array of tables ([[layers.entity.labels]])"),
    ("labels a single table", '[layers.entity.labels]\nname = "PERSON"\ncolor = "#ffffff"\n',
     "bad.toml:1: layer entity: labels must be an array of tables ([[layers.entity.labels]])"),
    ("label without a name", '[layers.entity]\n[[layers.entity.labels]]\ncolor = "#ffffff"\n',
     "bad.toml: layer entity: label without a valid name: {'color': '#ffffff'}"),
    ("label name with a space", "[layers.entity]\n" + LABEL.format(name="NEWS AGENCY"),
     "bad.toml:3: layer entity: label 'NEWS AGENCY' is not a valid label name "
     "(A-Z a-z 0-9 _ . -, starting with a letter or _, at most 64 characters)"),
    # the naming rule: control and bidi characters are shown escaped in the message
    ("label name with a right-to-left override", "[layers.entity]\n" + LABEL.format(name="\\u202eNOSREP"),
     "bad.toml:3: layer entity: label '\\u202eNOSREP' is not a valid label name "
     "(A-Z a-z 0-9 _ . -, starting with a letter or _, at most 64 characters)"),
    ("label name ending in a newline", GOOD + LABEL.format(name="ORG\\n"),
     "bad.toml:6: layer entity: label 'ORG\\n' is not a valid label name "
     "(A-Z a-z 0-9 _ . -, starting with a letter or _, at most 64 characters)"),
    ("label name too long", "[layers.entity]\n" + LABEL.format(name="A" * 65),
     f"bad.toml:3: layer entity: label {'A' * 65!r} is not a valid label name "
     "(A-Z a-z 0-9 _ . -, starting with a letter or _, at most 64 characters)"),
    ("layer name with a newline", '[layers."entity\\n"]\n' + LABEL.format(name="A").replace("entity", '"entity\\n"'),
     "bad.toml:1: layer 'entity\\n' is not a valid layer name "
     "(A-Z a-z 0-9 _ . -, starting with a letter or _, at most 64 characters)"),
    ("attribute name with a tab", GOOD + '[[layers.entity.attributes]]\nname = "a\\tb"\nvalues = ["x"]\n',
     "bad.toml:6: layer entity: attribute 'a\\tb' is not a valid attribute name "
     "(A-Z a-z 0-9 _ . -, starting with a letter or _, at most 64 characters)"),
    ("escape as a key", GOOD + LABEL.format(name="ORG") + 'key = "\\u001b"\n',
     "bad.toml:8: label ORG: key must be a printable character, not '\\x1b' (a control or format character)"),
    ("bidi override as a key", GOOD + LABEL.format(name="ORG") + 'key = "\\u202e"\n',
     "bad.toml:8: label ORG: key must be a printable character, not '\\u202e' (a control or format character)"),
    ("zero-width joiner as a key", GOOD + LABEL.format(name="ORG") + 'key = "\\u200d"\n',
     "bad.toml:8: label ORG: key must be a printable character, not '\\u200d' (a control or format character)"),
    ("no-break space as a key", GOOD + LABEL.format(name="ORG") + 'key = "\\u00a0"\n',
     "bad.toml:8: label ORG: key must be one character, not '\\xa0'"),
    ("label in two layers", GOOD + '[layers.claim]\n' + LABEL.format(name="PERSON").replace("entity", "claim"),
     "bad.toml:7: label PERSON defined twice (layers entity and claim)"),
    ("label twice in a layer", GOOD + LABEL.format(name="PERSON"),
     "bad.toml:6: label PERSON defined twice (layers entity and entity)"),
    ("bad overlap in the second layer",
     '# overlap: "none", "nested" or "any"\n' + GOOD.replace("]\n", ']\noverlap = "nested"\n', 1)
     + '[layers.claim]\noverlap = "sometimes"\n' + LABEL.format(name="CLAIM").replace("entity", "claim"),
     "bad.toml:8: layer claim: overlap must be one of none, nested, any, not 'sometimes'"),
    # attributes
    ("attributes not an array", '[layers.entity]\nattributes = 5\n' + LABEL.format(name="A"),
     "bad.toml:2: layer entity: attributes must be an array of tables ([[layers.entity.attributes]])"),
    ("attribute values a string", GOOD + '[[layers.entity.attributes]]\nname = "stance"\nvalues = "affirm"\n',
     "bad.toml:7: attribute stance: values must be a list of strings"),
    ("attribute values a number", GOOD + '[[layers.entity.attributes]]\nname = "stance"\nvalues = 2\n',
     "bad.toml:7: attribute stance: values must be a list of strings"),
    ("choice without values", GOOD + '[[layers.entity.attributes]]\nname = "stance"\n',
     "bad.toml:6: attribute stance: a choice needs values"),
    ("unknown kind", GOOD + '[[layers.entity.attributes]]\nname = "stance"\nkind = "colour"\n',
     "bad.toml:6: attribute stance: kind must be one of choice, text, relation, span, flag"),
    ("default not a value", GOOD + '[[layers.entity.attributes]]\nname = "stance"\nvalues = ["affirm", "deny"]\n'
     'default = "maybe"\n', "bad.toml:6: attribute stance: default 'maybe' is not one of its values"),
    # nesting: tomllib recurses
    ("deeply nested array", "a = " + "[" * 100_000 + "]" * 100_000 + "\n" + GOOD,
     "bad.toml: arrays or tables nested too deeply"),
    ("deeply nested inline table", "a = " + "{b = " * 5_000 + "1" + "}" * 5_000 + "\n" + GOOD,
     "bad.toml: arrays or tables nested too deeply"),
]


@pytest.mark.parametrize("source, message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_schema_names_file_and_line(tmp_path, source, message):
    path = tmp_path / "bad.toml"
    path.write_text(source, "utf-8", errors="surrogatepass")
    with pytest.raises(SchemaError) as exc:
        load_schema(path)
    assert str(exc.value) == f"{tmp_path}/{message}"
    with pytest.raises(SchemaError) as exc:  # the same from a string
        parse_schema(source, "bad.toml")
    assert str(exc.value) == message


def test_the_news_schema_with_one_fault_points_at_its_line():
    # A comment in news.toml mentions "overlap:", and guidelines quote label names: the line
    # reported must be the faulty one all the same.
    lines = NEWS.read_text("utf-8").splitlines()
    claim_overlap = [n for n, line in enumerate(lines) if line.startswith("overlap")][1]
    org_color = next(n for n in range(lines.index('name = "ORG"'), len(lines)) if lines[n].startswith("color"))
    for number, replacement, message in [
        (claim_overlap, 'overlap = "sometimes"',
         "layer claim: overlap must be one of none, nested, any, not 'sometimes'"),
        (org_color, 'color = "reddish"', "label ORG: color must be #rrggbb, not 'reddish'"),
    ]:
        broken = list(lines)
        broken[number] = replacement
        with pytest.raises(SchemaError) as exc:
            parse_schema("\n".join(broken), "news.toml")
        assert str(exc.value) == f"news.toml:{number + 1}: {message}"


def test_unreadable_schema_files(tmp_path):
    latin = tmp_path / "latin.toml"
    latin.write_bytes('name = "café"\n'.encode("latin-1"))
    with pytest.raises(SchemaError, match=rf"^{latin}: cannot read schema: 'utf-8' codec can't decode byte 0xe9"):
        load_schema(latin)
    with pytest.raises(SchemaError, match=rf"^{tmp_path / 'missing.toml'}: cannot read schema: .*No such file"):
        load_schema(tmp_path / "missing.toml")
    with pytest.raises(SchemaError, match=rf"^{tmp_path}: cannot read schema: .*Is a directory"):
        load_schema(tmp_path)


def cli(*args):
    env = {**os.environ, "ANNOTATOR_NAME": "amal"}
    return subprocess.run([str(ANNOTATOR), *map(str, args)], capture_output=True, text=True, env=env, check=False)


@pytest.mark.parametrize("name", ["duplicate key", "unknown colour", "two-letter key", "key used twice", "no labels",
                                  "attributes not an array", "attribute values a number", "deeply nested array"])
def test_init_with_a_bad_schema_exits_non_zero_and_creates_nothing(tmp_path, name):
    source, message = next(c[1:] for c in CASES if c[0] == name)
    schema = tmp_path / "bad.toml"
    schema.write_text(source, "utf-8")
    project = tmp_path / "p.annotator"
    result = cli("init", project, "--schema", schema)
    assert result.returncode == 1
    assert result.stderr == f"Error: {tmp_path}/{message}\n"
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.toml"]  # no project, -wal, -shm or lock


def test_validate_with_a_bad_schema_exits_non_zero(tmp_path):
    schema = tmp_path / "bad.toml"
    schema.write_text(next(c[1] for c in CASES if c[0] == "unknown colour"), "utf-8")
    data = tmp_path / "in.jsonl"
    data.write_text('{"text": "نص"}\n', "utf-8")
    result = cli("validate", data, "--schema", schema)
    assert result.returncode == 1
    assert result.stderr == f"Error: {schema}:9: label ORG: color must be #rrggbb, not 'reddish'\n"


def test_a_good_schema_still_loads(tmp_path):
    path = tmp_path / "good.toml"
    path.write_text(GOOD + 'key = "p"\n[[layers.entity.attributes]]\nname = "stance"\nvalues = ["a", "b"]\n', "utf-8")
    schema = load_schema(path)
    assert [lab.name for lab in schema.labels()] == ["PERSON"] and schema.attributes("entity")[0].values == ("a", "b")
