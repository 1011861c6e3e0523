"""brat attributes the project's schema lacks come in as an unknown label does: a binary one
(`M1\tSpeculation E14`) as a flag, a valued one as a choice of the values annotation.conf
declares and the files use. brat's own files (tests/io/data/brat/attributes, see its README)
import into a news project with every attribute kept, and a flag goes back out to brat as
`A1\tName T1`."""

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from annotator import RESOURCES
from annotator.cli import cli
from annotator.core.schema import Attribute, load_schema, parse_schema
from annotator.io import export_to
from annotator.io.importing import import_paths
from annotator.store import Project

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
DATA = Path(__file__).parent / "data" / "brat"
ATTRIBUTES = DATA / "attributes"


def spans_with_attrs(project):
    return sorted((doc.text[s.start:s.end], s.start, json.dumps(s.attrs, sort_keys=True))
                  for doc in project.iter_documents() for s in doc.spans if s.attrs)


def test_brat_files_with_their_conf_keep_every_attribute_in_a_news_project(tmp_path):
    path = tmp_path / "p.annotator"
    with Project.create(path, NEWS) as project:
        report = import_paths(project, [ATTRIBUTES], "brat")
        assert not report.rejected and report.documents == 2
        assert report.added_attributes == ["entity/Individual", "entity/Confidence", "entity/Speculation"]
    with Project.open(path) as project:  # stored, not only in this session's memory
        # Confidence takes the conf's values in its order (High is used only later in the file);
        # Negation and Mention are declared but used by no document: not added.
        assert project.schema.layer("entity").attributes == (
            Attribute("Individual", "entity", "flag"),
            Attribute("Confidence", "entity", "choice", ("High", "Neutral", "Low")),
            Attribute("Speculation", "entity", "flag"))
        # Each A/M line of the two .ann files, on its span (an event's on its trigger).
        assert spans_with_attrs(project) == [
            ("Somebody", 497, '{"Individual": true}'),  # A4 Individual T1
            ("merge", 531, '{"Confidence": "Low"}'),  # A2 Confidence E2 Low
            ("merged", 626, '{"Confidence": "High"}'),  # A5 Confidence E5 High
            ("merger", 557, '{"Confidence": "Neutral"}'),  # A3 Confidence E3 Neutral
            ("reports", 601, '{"Confidence": "Neutral"}'),  # A6 Confidence E4 Neutral
            ("repression", 1679, '{"Speculation": true}'),  # M1 Speculation E14 (PMID-8577772)
            ("twitted", 506, '{"Confidence": "Neutral"}')]  # A1 Confidence E1 Neutral
        assert project.check().problems == []


def test_without_a_conf_the_values_used_make_the_choice_and_a_later_value_widens_it(tmp_path):
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [DATA / "tutorial" / "100-attribute_annotation.ann"], "brat")
        assert not report.rejected and report.added_attributes == ["entity/Individual", "entity/Confidence"]
        assert project.schema.layer("entity").attributes[1].values == ("Neutral", "Low", "High")  # as met
        later = tmp_path / "later"
        later.mkdir()
        (later / "a.txt").write_text("Google may buy YouTube.", "utf-8")
        (later / "a.ann").write_text("T1\tOrganization 0 6\tGoogle\nA1\tConfidence T1 Doubtful\n"
                                     "A2\tIndividual T1\n", "utf-8")
        report = import_paths(project, [later], "brat")
        assert not report.rejected and report.added_attributes == ["entity/Confidence=Doubtful"]
        assert project.schema.layer("entity").attributes[1].values == ("Neutral", "Low", "High", "Doubtful")


def test_a_rejected_document_adds_no_attribute(tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "bad.txt").write_text("Google", "utf-8")
    (folder / "bad.ann").write_text("T1\tOrganization 0 6\tGoogle\nT2\tOrganization 0 99\tGoogle\n"
                                    "M1\tNegation T1\n", "utf-8")  # offsets beyond the text
    (folder / "good.txt").write_text("YouTube", "utf-8")
    (folder / "good.ann").write_text("T1\tOrganization 0 7\tYouTube\n", "utf-8")
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [folder], "brat")
        assert {Path(r.path).name for r in report.rejected} == {"bad.ann"} and report.documents == 1
        assert report.added_attributes == [] and project.schema.layer("entity").attributes == ()


def test_a_flag_goes_out_to_brat_as_a_binary_attribute_and_comes_back_set(tmp_path):
    flagged = parse_schema((RESOURCES / "schemas" / "news.toml").read_text("utf-8")
                           + '\n[[layers.claim.attributes]]\nname = "speculation"\nkind = "flag"\n')
    text = "قال لافروف إن الزيارة ربما تنجح"
    (tmp_path / "a.jsonl").write_text(json.dumps({"schema_version": 1, "text": text, "spans": [
        {"start": 14, "end": 31, "layer": "claim", "label": "CLAIM", "attrs": {"speculation": True}},
        {"start": 4, "end": 10, "layer": "entity", "label": "PERSON"}]}, ensure_ascii=False) + "\n", "utf-8")
    with Project.create(tmp_path / "p.annotator", flagged) as project:
        assert not import_paths(project, [tmp_path / "a.jsonl"]).rejected
        docs = list(project.iter_documents())
    out = tmp_path / "brat"
    assert export_to("brat", docs, out, flagged) == []
    (ann,) = out.glob("*.ann")
    assert ann.read_text("utf-8").splitlines()[-1] == "A1\tspeculation T2"
    assert "\nspeculation Arg:CLAIM|PREDICTION\n" in (out / "annotation.conf").read_text("utf-8")  # no Value: binary
    # Into the same schema: the flag is set again. Into the news schema: added as a flag.
    for schema, added in ((flagged, []), (NEWS, ["claim/speculation"])):
        with Project.create(tmp_path / f"{len(added)}.annotator", schema) as again:
            report = import_paths(again, [out], "brat")
            assert not report.rejected and report.added_attributes == added
            (doc,) = again.iter_documents()
            assert [s.attrs for s in doc.spans if s.layer == "claim"] == [{"speculation": True}]
            assert again.schema.layer("claim").attributes[-1] == Attribute("speculation", "claim", "flag")


def test_native_jsonl_with_an_attribute_the_schema_lacks_is_still_refused(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"schema_version": 1, "text": "Google", "spans": [
        {"start": 0, "end": 6, "layer": "entity", "label": "ORG", "attrs": {"Negation": True}}]}) + "\n", "utf-8")
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [tmp_path / "a.jsonl"])
        assert [r.code for r in report.rejected] == ["unknown_attribute"] and report.added_attributes == []


def test_the_cli_says_which_attributes_it_added(tmp_path):
    path = tmp_path / "p.annotator"
    Project.create(path, NEWS).close()
    result = CliRunner().invoke(cli, ["import", str(path), str(ATTRIBUTES), "--format", "brat"],
                                env={"ANNOTATOR_NAME": "amal"})
    assert result.exit_code == 0, result.output
    assert "added attribute entity/Speculation to the project schema (it was in the imported data)" in result.output
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT kind, choices FROM attributes WHERE name = 'Speculation'").fetchall() == [("flag", "[]")]
    finally:
        conn.close()


def test_native_export_carries_a_flag_as_json_true_and_the_loss_count_counts_it(tmp_path):
    from annotator.io import native
    from annotator.io.format_loss import Tally, losses

    flagged = parse_schema((RESOURCES / "schemas" / "news.toml").read_text("utf-8")
                           + '\n[[layers.entity.attributes]]\nname = "Negation"\nkind = "flag"\n')
    (tmp_path / "a.jsonl").write_text(json.dumps({"schema_version": 1, "text": "Google YouTube", "spans": [
        {"start": 0, "end": 6, "layer": "entity", "label": "ORG", "attrs": {"Negation": True}},
        {"start": 7, "end": 14, "layer": "entity", "label": "ORG", "attrs": {"Negation": False}}]}) + "\n", "utf-8")
    with Project.create(tmp_path / "p.annotator", flagged) as project:
        assert not import_paths(project, [tmp_path / "a.jsonl"]).rejected
        (doc,) = project.iter_documents()
    assert [s["attrs"] for s in native.to_record(doc)["spans"]] == [{"Negation": True}, {"Negation": False}]
    tally = Tally()
    tally.add(doc)
    assert tally.attrs_by_layer == {"entity": 1}  # false is unset
    assert [(loss.kind, loss.count) for loss in losses("doccano", tally)] == [("attributes", 1)]


def test_the_conf_attributes_section_is_read_binary_and_valued():
    from annotator.io.brat_import import conf_attributes

    assert conf_attributes(ATTRIBUTES / "annotation.conf") == {
        "Individual": ("flag", ()), "Mention": ("choice", ("Name", "Nominal", "Other")),
        "Negation": ("flag", ()), "Confidence": ("choice", ("High", "Neutral", "Low"))}
    assert conf_attributes(DATA / "tutorial" / "annotation.conf") == {}  # none there
