"""The import's warnings: what was taken with a change is said (report, CLI on stderr), for the
documents stored only, and never turns into a rejection or an exit code."""

import json
import subprocess
import sys
from pathlib import Path

from annotator import RESOURCES
from annotator.core.schema import load_schema
from annotator.io.importing import import_paths
from annotator.store import Project

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
ANNOTATOR = Path(sys.executable).with_name("annotator")
TEXT = "أعلنت 👍 وزارةُ الصحة في عمّان"
S = TEXT.index("وزارةُ الصحة")


def doccano_file(tmp_path, *records) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def test_a_doccano_span_listed_twice_is_kept_once_with_a_warning(tmp_path):
    source = doccano_file(tmp_path, {"text": "نص بلا تكرار"},
                          {"text": TEXT, "label": [[S, S + 12, "ORG"], [S + 16, S + 21, "GPE"], [S, S + 12, "ORG"]]})
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [source])
        [doc] = [d for d in project.iter_documents() if d.text == TEXT]
    assert not report.rejected and report.documents == 2
    assert [(s.text, s.label) for s in doc.spans] == [("وزارةُ الصحة", "ORG"), ("عمّان", "GPE")]
    [warning] = report.warnings
    assert (warning.path, warning.line, warning.code) == (str(source), 2, "duplicate_span")
    assert warning.params == {"span": 3, "start": S, "end": S + 12, "label": "ORG"}
    assert str(warning) == f"{source}:2: span 3 ({S}-{S + 12} ORG) is listed twice; kept once"


def test_no_warning_for_a_document_not_stored(tmp_path):
    twice = {"text": TEXT, "label": [[S, S + 12, "ORG"], [S, S + 12, "ORG"]]}
    bad = {"text": "قصير", "label": [[0, 2, "ORG"], [0, 2, "ORG"], [0, 99, "ORG"]]}  # rejected: outside the text
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        first = import_paths(project, [doccano_file(tmp_path, twice)])
        again = import_paths(project, [doccano_file(tmp_path, twice, bad)])
    assert len(first.warnings) == 1
    assert again.documents == 0 and len(again.duplicates) == 1 and len(again.rejected) == 1
    assert again.warnings == []  # the duplicate was not stored again, the rejected one not at all


def test_the_cli_prints_warnings_on_stderr_and_exits_0(tmp_path):
    project = tmp_path / "p.annotator"
    env = {"ANNOTATOR_NAME": "amal", "PATH": ""}
    assert subprocess.run([str(ANNOTATOR), "init", str(project)], capture_output=True, env=env).returncode == 0
    source = doccano_file(tmp_path, {"text": TEXT, "label": [[S, S + 12, "ORG"], [S, S + 12, "ORG"]]})
    result = subprocess.run([str(ANNOTATOR), "import", str(project), str(source)], capture_output=True, text=True,
                            env=env)
    assert result.returncode == 0
    assert f"warning: {source}:1: span 2 ({S}-{S + 12} ORG) is listed twice; kept once" in result.stderr.splitlines()
    assert "imported 1 documents (1 spans" in result.stdout and "; 1 warnings" in result.stdout


def test_fields_beside_a_meta_object_are_kept_and_a_clash_is_said(tmp_path):
    record = {"id": "n1", "text": "خبر عن عمّان", "source": "بترا", "title": "عنوان آخر",
              "meta": {"title": "عنوان", "url": "https://example.org/1"}}
    source = doccano_file(tmp_path, record)
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [source])
        [doc] = project.iter_documents()
    assert doc.meta["source"] == "بترا" and doc.meta["url"] == "https://example.org/1"
    assert doc.meta["title"] == "عنوان"  # the meta object's own value
    assert [(w.line, w.code, w.params, w.reason) for w in report.warnings] == [
        (1, "meta_field", {"name": "title"}, "field 'title' is also in \"meta\"; the value in \"meta\" is kept")]
