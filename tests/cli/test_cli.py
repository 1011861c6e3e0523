"""The CLI through its real entry point (the installed `annotator` console script)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator import SEEDS

ANNOTATOR = Path(sys.executable).with_name("annotator")
COMMANDS = ["init", "import", "export", "stats", "validate", "demo", "search", "gui", "check"]


def run(*args, cwd=None, env_extra=None):
    import os

    env = {**os.environ, "ANNOTATOR_NAME": "amal", **(env_extra or {})}
    return subprocess.run([str(ANNOTATOR), *map(str, args)], capture_output=True, text=True, cwd=cwd, env=env)


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.annotator"
    assert run("init", path).returncode == 0
    return path


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = run(command, "--help")
    assert result.returncode == 0
    assert "Usage: annotator " + command in result.stdout


def test_usage_errors_exit_2(tmp_path):
    assert run("export", tmp_path / "missing.annotator", "-o", tmp_path / "x").returncode == 2
    assert run("frobnicate").returncode == 2
    assert run("import").returncode == 2


def test_import_folder_reports_bad_files_and_imports_the_rest(tmp_path, project):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("سيرغي شويغو في بيونغ يانغ\n", encoding="utf-8")
    (folder / "sub" / "b.txt").write_bytes("لافروف يصل إلى كوريا".encode("cp1256"))
    (folder / "sub" / "copy.txt").write_text("سيرغي شويغو في بيونغ يانغ\n", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "lines.jsonl").write_text(
        '{"text": "أول"}\n{"text": 5}\nnot json\n{"text": "نص", "label": [[0, 9, "GPE"]]}\n', encoding="utf-8")
    result = run("import", project, folder)
    assert result.returncode == 1
    err = result.stderr
    assert f"{folder / 'bad.txt'}: binary file" in err
    assert f"{folder / 'lines.jsonl'}:2: no \"text\" string" in err
    assert f"{folder / 'lines.jsonl'}:3: invalid JSON" in err
    assert f"{folder / 'lines.jsonl'}:4: span 1: offsets 0-9 outside the text" in err
    assert "copy.txt: same text as" in err and "duplicate, skipped" in err
    assert "imported 3 documents" in result.stdout and "1 duplicates skipped" in result.stdout
    stats = json.loads(run("stats", project, "--json").stdout)
    assert stats["documents"] == 3


def test_reimport_says_duplicates_and_exits_0(project):
    assert run("import", project, SEEDS).returncode == 0
    again = run("import", project, SEEDS)
    assert again.returncode == 0
    assert "imported 0 documents" in again.stdout and "5 duplicates skipped" in again.stdout


def test_export_formats_and_filters(tmp_path, project):
    source = tmp_path / "in.jsonl"
    text = "قال سيرغي شويغو إن روسيا قوية"
    spans = [
        {"start": 4, "end": 15, "label": "PERSON", "layer": "entity", "annotator": "amal"},
        {"start": 19, "end": 24, "label": "GPE", "layer": "entity", "annotator": "omar"},
        {"start": 16, "end": 29, "label": "CLAIM", "layer": "claim", "annotator": "amal"},
    ]
    lines = [{"text": text, "status": "done", "spans": spans, "schema_version": 1},
             {"text": "نص آخر", "status": "new", "spans": [], "schema_version": 1}]
    source.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    assert run("import", project, source).returncode == 0

    out = tmp_path / "done.jsonl"
    result = run("export", project, "-o", out, "--status", "done", "--layer", "entity", "--annotator", "amal")
    assert result.returncode == 0, result.stderr
    records = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert len(records) == 1 and [s["text"] for s in records[0]["spans"]] == ["سيرغي شويغو"]
    assert list(records[0]) == ["id", "text", "meta", "status", "spans", "relations", "schema_version"]

    for fmt in ("doccano", "prodigy", "conll"):
        target = tmp_path / f"out.{fmt}"
        assert run("export", project, "-o", target, "--format", fmt).returncode == 0
        assert target.stat().st_size > 0
    brat = tmp_path / "brat"
    assert run("export", project, "-o", brat, "--format", "brat").returncode == 0
    assert len(list(brat.glob("*.ann"))) == 2
    assert "B-PERSON" in (tmp_path / "out.conll").read_text("utf-8")
    assert run("export", project, "-o", out, "--label", "NOPE").returncode == 2


def test_validate(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"text": "روسيا", "label": [[0, 5, "GPE"]]}, ensure_ascii=False) + "\n", "utf-8")
    result = run("validate", good)
    assert result.returncode == 0 and "1 documents, 1 spans checked; all valid" in result.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps({"text": "روسيا", "spans": [{"start": 0, "end": 3, "label": "GPE", "text": "روسيا"}]},
                   ensure_ascii=False) + "\n", "utf-8")
    result = run("validate", good, bad)
    assert result.returncode == 1
    assert f"{bad}:1: span 1: text 'روسيا' does not match" in result.stdout


def test_validate_utf16_offsets(tmp_path):
    path = tmp_path / "u16.jsonl"
    path.write_text(json.dumps({"text": "😀 روسيا", "label": [[3, 8, "GPE"]]}, ensure_ascii=False) + "\n", "utf-8")
    assert run("validate", path).returncode == 1  # as code points 3-8 runs past the end
    assert run("validate", path, "--offset-unit", "utf16").returncode == 0


def test_demo_and_stats(tmp_path):
    path = tmp_path / "demo.annotator"
    result = run("demo", path)
    assert result.returncode == 0 and "with 5 articles" in result.stdout
    assert "already exists" in run("demo", path).stdout
    stats = run("stats", path)
    assert stats.returncode == 0 and "new                5" in stats.stdout


def test_second_writer_is_told_who_holds_the_project(project):
    from annotator.store import Project

    with Project.open(project):
        result = run("import", project, SEEDS)
    assert result.returncode == 1
    assert "open for writing by" in result.stderr


def test_search_exact_and_with_variants(tmp_path):
    path = tmp_path / "demo.annotator"
    run("demo", path)
    exact = run("search", path, "شويغو")
    assert exact.returncode == 0
    lines = exact.stdout.splitlines()
    assert lines and all(line.split(" ", 3)[3] == "شويغو" for line in lines)
    variants = run("search", path, "شويجو", "--variants").stdout.splitlines()
    assert set(lines) < set(variants)  # every شويغو, and the شويجو spellings too
    assert {line.split(" ", 3)[3] for line in variants} == {"شويغو", "شويجو"}
    places = run("search", path, "بيونج يانج", "--variants").stdout.splitlines()
    spelled = {line.split(" ", 3)[3] for line in places}
    assert {"بيونغ يانغ", "بيونج يانج", "بيونجيانج"} <= spelled
    from annotator.store import Project

    with Project.open(path, readonly=True) as project:
        texts = dict(project.document_texts())
    for line in places:
        doc_id, start, end, shown = line.split(" ", 3)
        assert texts[doc_id][int(start):int(end)] == shown  # offsets are code points of the text


def test_search_keeps_to_the_statuses_asked_for(tmp_path):
    from annotator.store import Project

    path = tmp_path / "demo.annotator"
    run("demo", path)
    everywhere = run("search", path, "روسيا").stdout.splitlines()
    first = everywhere[0].split(" ")[0]
    with Project.open(path) as project:
        project.set_status(first, "done")
    done = run("search", path, "روسيا", "--status", "done")
    assert done.returncode == 0 and done.stdout.splitlines()
    assert {line.split(" ")[0] for line in done.stdout.splitlines()} == {first}
    assert set(done.stdout.splitlines()) < set(everywhere)
    assert run("search", path, "روسيا", "--status", "skipped").stdout == ""


def test_import_as_suggestions_attaches_to_existing_documents(tmp_path, project):
    text = "قال سيرغي شويغو إن روسيا قوية"
    (tmp_path / "a.txt").write_text(text, "utf-8")
    assert run("import", project, tmp_path / "a.txt").returncode == 0
    model = tmp_path / "model.jsonl"
    model.write_text(json.dumps({"text": text, "label": [[4, 15, "PERSON"], [19, 24, "GPE"]]},
                                ensure_ascii=False) + "\n", "utf-8")
    result = run("import", project, model, "--as-suggestions")
    assert result.returncode == 0 and "2 suggestions stored" in result.stdout
    again = run("import", project, model, "--as-suggestions")
    assert "0 suggestions stored" in again.stdout  # the same suggestions are not stored twice
    from annotator.store import Project

    with Project.open(project, readonly=True) as proj:
        doc_id = proj.document_rows()[0][0]
        assert proj.document_count() == 1 and proj.get_document(doc_id).spans == []
        assert [(s.text, s.label, s.source) for s in proj.suggestions(doc_id)] == [
            ("سيرغي شويغو", "PERSON", "import:model.jsonl"), ("روسيا", "GPE", "import:model.jsonl")]


def test_export_entities_file(tmp_path, project):
    source = tmp_path / "in.jsonl"
    record = {"text": "قال سيرغي شويغو", "status": "done", "schema_version": 1,
              "spans": [{"start": 4, "end": 15, "label": "PERSON",
                         "entity": {"id": "e1", "name": "سيرغي شويغو", "type": "PERSON"}}]}
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    run("import", project, source)
    out, entities = tmp_path / "out.jsonl", tmp_path / "entities.jsonl"
    result = run("export", project, "-o", out, "--entities", entities)
    assert result.returncode == 0 and "1 canonical entities" in result.stdout
    assert [json.loads(line) for line in entities.read_text("utf-8").splitlines()] == [
        {"id": "e1", "type": "PERSON", "name": "سيرغي شويغو", "aliases": [], "mentions": 1}]
