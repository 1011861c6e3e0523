"""Labels and spans in imported data obey the same rules as the schema file: a label name that
breaks the naming rule, or a span that splits a character (a letter and its marks, an emoji),
rejects its document as `path:line: reason`; the other documents are imported."""

import json

import pytest

from annotator import RESOURCES
from annotator.core.schema import load_schema
from annotator.io.importing import import_paths
from annotator.io.pipeline import Prepared, Preparer
from annotator.io.records import Draft, Rejection
from annotator.store import Project

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
RULE = "(A-Z a-z 0-9 _ . -, starting with a letter or _, at most 64 characters)"
INSIDE = "inside a character (a letter and its marks, or one emoji)"
# قالَ شدَّة 🇸🇦🇪🇬 👨‍👩‍👧 : a letter with shadda + fatha, two flags, a ZWJ family
TEXT = "\u0642\u0627\u0644\u064e \u0634\u062f\u0651\u064e\u0629 \U0001F1F8\U0001F1E6\U0001F1EA\U0001F1EC " \
       "\U0001F468\u200d\U0001F469\u200d\U0001F467"
DAL = TEXT.index("\u062f")  # the dal, followed by its shadda and fatha
FLAGS = TEXT.index("\U0001F1F8")
FAMILY = TEXT.index("\U0001F468")


def prepare(spans, relations=(), schema=NEWS):
    draft = Draft(TEXT, "in.jsonl", 3, spans=list(spans), relations=list(relations))
    return Preparer(schema, "codepoint", "tester").prepare(draft)


def rejected(result) -> str:
    assert isinstance(result, Rejection), result
    return str(result)


@pytest.mark.parametrize("label", ["\u202eNOSREP", "PERSON\n", "B-PER I-PER", "X\tY", "شخص", "\x1b[31mRED",
                                   "PER\u200bSON", "A" * 65])
@pytest.mark.parametrize("schema", [NEWS, None])  # with a schema (import) and without (validate)
def test_label_names_from_data_obey_the_naming_rule(label, schema):
    message = rejected(prepare([{"start": 0, "end": 4, "label": label}], schema=schema))
    assert message == f"in.jsonl:3: span 1: label {label!r} is not a valid label name {RULE}"
    assert "\u202e" not in message and "\n" not in message and "\x1b" not in message


def test_layer_names_from_data_obey_the_naming_rule():
    message = rejected(prepare([{"start": 0, "end": 4, "label": "X", "layer": "entity\n"}], schema=None))
    assert message == f"in.jsonl:3: span 1: layer 'entity\\n' is not a valid layer name {RULE}"


def test_relation_labels_obey_the_naming_rule():
    spans = [{"id": "c", "start": 0, "end": 4, "label": "CLAIM"}, {"id": "p", "start": 5, "end": 10, "label": "PERSON"}]
    message = rejected(prepare(spans, [{"head": "c", "child": "p", "label": "claimant\nR2 x"}]))
    assert message.startswith("in.jsonl:3: relation 1: relation 'claimant\\nR2 x' is not a valid relation name")


@pytest.mark.parametrize(
    "start, end, reason",
    [
        (DAL + 1, DAL + 4, f"starts {INSIDE}"),  # from the shadda on: the dal left behind
        (DAL - 1, DAL + 1, f"ends {INSIDE}"),  # the dal without its shadda and fatha
        (DAL - 1, DAL + 2, f"ends {INSIDE}"),  # without the fatha
        (FLAGS, FLAGS + 3, f"ends {INSIDE}"),  # one flag and a half
        (FLAGS + 1, FLAGS + 4, f"starts {INSIDE}"),
        (FAMILY, FAMILY + 2, f"ends {INSIDE}"),  # the father and the ZWJ without the family
    ],
)
def test_spans_that_split_a_character_are_rejected(start, end, reason):
    assert rejected(prepare([{"start": start, "end": end, "label": "PERSON"}])) == f"in.jsonl:3: span 1: {reason}"


def test_whole_characters_are_accepted():
    result = prepare([{"start": DAL - 1, "end": DAL + 4, "label": "PERSON"},
                      {"start": FLAGS, "end": FLAGS + 2, "label": "GPE"},
                      {"start": FLAGS + 2, "end": FLAGS + 4, "label": "GPE"},
                      {"start": FAMILY, "end": len(TEXT), "label": "NORP"}])
    assert isinstance(result, Prepared), result
    assert [s.text for s in result.doc.spans][1:3] == ["\U0001F1F8\U0001F1E6", "\U0001F1EA\U0001F1EC"]


def test_a_cue_that_splits_a_character_is_rejected():
    cue = {"start": 0, "end": 3, "text": TEXT[:3]}  # قال without the fatha of its lam
    message = rejected(prepare([{"start": 0, "end": len(TEXT), "label": "CLAIM", "attrs": {"cue": cue}}]))
    assert message == f"in.jsonl:3: span 1: attribute cue ends {INSIDE}"
    whole = {"start": 0, "end": 4, "text": TEXT[:4]}
    assert isinstance(prepare([{"start": 0, "end": len(TEXT), "label": "CLAIM", "attrs": {"cue": whole}}]), Prepared)


def test_import_rejects_the_document_and_keeps_the_rest(tmp_path):
    source = tmp_path / "in.jsonl"
    records = [
        {"text": "قال بوتين", "label": [[4, 9, "PERSON"]]},
        {"text": "قال بوتين اليوم", "label": [[4, 9, "\u202eNOSREP"]]},
        {"text": TEXT, "label": [[DAL, DAL + 1, "PERSON"]]},
        {"text": "قال شويغو", "label": [[4, 9, "WEAPON"]]},  # a new, valid label is still learnt
    ]
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [source])
        assert report.documents == 2
        assert [str(r) for r in report.rejected] == [
            f"{source}:2: span 1: label '\\u202eNOSREP' is not a valid label name {RULE}",
            f"{source}:3: span 1: ends {INSIDE}",
        ]
        assert report.added_labels == ["entity/WEAPON"]
        assert not any("\u202e" in lab.name for lab in project.schema.labels())


def test_project_add_label_obeys_the_naming_rule_and_stores_nothing(tmp_path):
    from annotator.core.schema import SchemaError

    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        before = [lab.name for lab in project.schema.labels()]
        for bad in ["\u202eNOSREP", "WEAPON\n", "T1\tPERSON 0 4"]:
            with pytest.raises(SchemaError, match="is not a valid label name"):
                project.add_label("entity", bad)
        assert [lab.name for lab in project.schema.labels()] == before
        assert project.add_label("entity", "WEAPON").name == "WEAPON"
    with Project.open(tmp_path / "p.annotator") as project:
        assert sorted(lab.name for lab in project.schema.labels()) == sorted([*before, "WEAPON"])
