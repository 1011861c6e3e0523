"""`annotator validate` on what `annotator export` writes, through the installed entry point:
every format valid (exit 0), a corrupted line named on stdout (exit 1), an empty file a note."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.io import EXPORT_FORMATS
from tests.io.mixed_project import make_project

ANNOTATOR = Path(sys.executable).with_name("annotator")
OPTIONAL_DEPENDENCY = {"spacy": "spacy"}


def run(*args):
    return subprocess.run([str(ANNOTATOR), *map(str, args)], capture_output=True, text=True)


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path)


@pytest.mark.parametrize("name", list(EXPORT_FORMATS))
def test_validate_takes_every_export_format(name, project, tmp_path):
    if name in OPTIONAL_DEPENDENCY:
        pytest.importorskip(OPTIONAL_DEPENDENCY[name])
    out = tmp_path / f"out.{name}"
    assert run("export", project, "-o", out, "--format", name).returncode == 0
    result = run("validate", out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert result.stderr.strip().endswith("; all valid")
    assert result.stderr.startswith("2 documents, ")


def test_a_corrupted_offset_is_named_and_exits_1(project, tmp_path):
    good = tmp_path / "good.jsonl"
    assert run("export", project, "-o", good, "--format", "doccano").returncode == 0
    lines = good.read_text("utf-8").splitlines()
    record = json.loads(lines[0])
    record["entities"][0]["end_offset"] += 100  # past the end of the text (d1 has relations: entities)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join([lines[1], json.dumps(record, ensure_ascii=False)]) + "\n", "utf-8")
    brat = tmp_path / "brat"
    assert run("export", project, "-o", brat, "--format", "brat").returncode == 0
    result = run("validate", good, bad, brat)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{bad}:2: span 1: ")
    assert len(result.stdout.splitlines()) == 1
    assert result.stderr.strip() == "5 documents, 16 spans checked (brat 2, jsonl 3); 1 bad lines"


def test_an_empty_export_is_valid_with_a_note(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.conll"
    blank.write_text("\n\n", "utf-8")
    result = run("validate", empty, blank)
    assert result.returncode == 0 and result.stdout == ""
    assert result.stderr.splitlines() == [f"{empty}: empty: no documents", f"{blank}: empty: no documents",
                                          "0 documents, 0 spans checked; all valid"]


def test_an_unknown_binary_file_is_a_bad_item(tmp_path):
    archive = tmp_path / "data.bin"
    archive.write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(200)))
    result = run("validate", archive, "--format", "auto")
    assert result.returncode == 1
    assert result.stdout == f"{archive}: a gzip archive, not a text file: not imported\n"
