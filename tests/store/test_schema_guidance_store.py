"""Translated guidelines and descriptions stored with the project's schema: they survive closing
and reopening, a label rename and its undo, an assign package; a project made before them opens
with the English texts; a damaged entry costs that entry, not the project."""

import shutil
import sqlite3
from pathlib import Path

from annotator import RESOURCES
from annotator.core.schema import load_schema
from annotator.store import Project
from annotator.store.schema_store import TITLES_KEY
from annotator.store.workspace import Workspace
from annotator.team.assign import assign

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")


def test_guidance_survives_save_and_reopen(tmp_path):
    path = tmp_path / "p.annotator"
    Project.create(path, NEWS).close()
    with Project.open(path) as project:
        schema = project.schema
        assert schema == NEWS  # every guideline and description in every language, as loaded
        assert schema.label("CLAIM").guidelines and schema.layer("claim").descriptions
        claimant = schema.attributes("claim")[0]
        assert claimant.description_in("ar") == NEWS.attributes("claim")[0].description_in("ar") != claimant.description


def test_a_rename_carries_the_guideline_and_undo_brings_it_back(tmp_path):
    path = tmp_path / "p.annotator"
    project = Project.create(path, NEWS)
    arabic = NEWS.label("CLAIM").guideline_in("ar")
    ws = Workspace(project, "amal")
    ws.edit_label("CLAIM", name="ASSERTION")
    assert project.schema.label("ASSERTION").guideline_in("ar") == arabic
    project.close()
    project = Project.open(path)
    assert project.schema.label("ASSERTION").guideline_in("ar") == arabic  # stored, not only cached
    ws = Workspace(project, "amal")
    ws.edit_label("ASSERTION", name="CLAIM")
    ws.undo()
    assert project.schema.label("ASSERTION").guidelines == NEWS.label("CLAIM").guidelines
    ws.redo()
    assert project.schema.label("CLAIM").guideline_in("ar") == arabic
    # Other labels' guidelines were never touched.
    assert project.schema.label("PERSON").guidelines == NEWS.label("PERSON").guidelines
    project.close()


def test_a_package_carries_the_guidance(tmp_path):
    project = Project.create(tmp_path / "p.annotator", NEWS)
    packages = assign(project, ["amal"], tmp_path / "out")
    project.close()
    with Project.open(packages[0].path) as package:
        assert package.schema.label("PERSON").guidelines == NEWS.label("PERSON").guidelines
        assert package.schema.attributes("claim") == NEWS.attributes("claim")


def test_a_project_from_before_guidance_opens_with_the_english_texts(tmp_path):
    path = tmp_path / "old.annotator"
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "v1.annotator", path)
    with Project.open(path) as project:
        schema = project.schema
        assert all(not label.guidelines for label in schema.labels())
        person = schema.label("PERSON")
        assert person.guideline_in("ar") == person.guideline


def test_damaged_guidance_is_left_out_not_fatal(tmp_path):
    path = tmp_path / "p.annotator"
    Project.create(path, NEWS).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE project SET value = ? WHERE key = ?",
                     ('{"guidelines": {"PERSON": {"ar": "\u202eشخص", "fa": "شخص معروف"}, "ORG": "x"},'
                      ' "layer_descriptions": 3, "attribute_descriptions": {"claim": {"stance": {"ar": ""}}}}',
                      TITLES_KEY))
    conn.close()
    with Project.open(path) as project:
        schema = project.schema
        assert schema.label("PERSON").guidelines == (("fa", "شخص معروف"),)
        assert schema.label("ORG").guideline_in("ar") == NEWS.label("ORG").guideline
        assert not schema.layer("claim").descriptions
        assert [a.descriptions for a in schema.attributes("claim") if a.name == "stance"] == [()]
