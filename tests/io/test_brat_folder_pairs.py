"""A brat folder holds each document as two files (X.ann, X.txt): the pair is read once, through
its .ann, and is neither listed as a duplicate of itself nor, when bad, rejected twice; whether
the format is detected or named, and whether the folder or the files are named."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from annotator import RESOURCES
from annotator.core.schema import load_schema
from annotator.io.importing import import_paths
from annotator.store import Project

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
BRAT = Path(__file__).parent / "data" / "brat"
ANNOTATOR = Path(sys.executable).with_name("annotator")


@pytest.fixture
def folder(tmp_path) -> Path:
    """brat's tutorial and standoff samples, and one pair whose .ann points past its text."""
    root = tmp_path / "corpus"
    shutil.copytree(BRAT / "tutorial", root / "tutorial")
    shutil.copytree(BRAT / "standoff", root / "standoff")
    (root / "bad").mkdir()
    (root / "bad" / "x.txt").write_text("قال بوتين\n", "utf-8")
    (root / "bad" / "x.ann").write_text("T1\tPERSON 4 99\tبوتين\n", "utf-8")
    return root


@pytest.mark.parametrize("fmt", ["auto", "brat"])
def test_a_folder_of_pairs_reports_no_duplicates_and_a_bad_pair_once(tmp_path, folder, fmt):
    with Project.create(tmp_path / f"{fmt}.annotator", NEWS) as project:
        report = import_paths(project, [folder], fmt)
    assert report.duplicates == []
    assert (report.files, report.documents) == (4, 3)
    [bad] = report.rejected
    assert (bad.path, bad.line) == (str(folder / "bad" / "x.ann"), 1) and "beyond the text of x.txt" in bad.reason


@pytest.mark.parametrize("fmt", ["auto", "brat"])
def test_both_files_of_a_pair_named_are_one_document(tmp_path, fmt):
    pair = [BRAT / "standoff" / "north-america.txt", BRAT / "standoff" / "north-america.ann"]
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, pair, fmt)
    assert (report.files, report.documents, report.duplicates, report.rejected) == (1, 1, [], [])


def test_the_cli_lists_no_pair_as_a_duplicate(tmp_path, folder):
    env = {**os.environ, "ANNOTATOR_NAME": "amal"}
    path = tmp_path / "p.annotator"
    assert subprocess.run([str(ANNOTATOR), "init", str(path)], capture_output=True, env=env).returncode == 0
    result = subprocess.run([str(ANNOTATOR), "import", str(path), str(folder)], capture_output=True, text=True, env=env)
    assert result.returncode == 1  # the bad pair
    assert "duplicate" not in result.stderr and "same file as" not in result.stderr
    assert result.stderr.count("x.ann:1:") == 1
    assert "imported 3 documents" in result.stdout and "0 duplicates skipped; 1 rejected" in result.stdout
