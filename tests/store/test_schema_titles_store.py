"""Display names stored with the project's schema: they survive closing and reopening, a label
rename and its undo, an edit of the Arabic name through the Workspace; a project made before
titles existed opens without them; a damaged titles entry costs the titles, not the project."""

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

from annotator import RESOURCES
from annotator.core.schema import load_schema
from annotator.store import Project
from annotator.store.schema_store import TITLES_KEY
from annotator.store.workspace import Workspace
from annotator.team.assign import assign

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")


def test_titles_survive_save_and_reopen(tmp_path):
    path = tmp_path / "p.annotator"
    Project.create(path, NEWS).close()
    with Project.open(path) as project:
        assert project.schema == NEWS  # every title, value title and identifier as loaded
        assert project.schema.title("PERSON", "ar") == "شخص"
        assert project.schema.value_title("claim", "stance", "affirm", "ar") == "تأكيد"
        assert project.schema.title("entity", "ar") == "الكيانات"


def test_an_arabic_name_edited_renamed_and_undone(tmp_path):
    path = tmp_path / "p.annotator"
    project = Project.create(path, NEWS)
    ws = Workspace(project, "amal")
    change = ws.edit_label("PERSON", titles=(("ar", "فرد"),))
    assert change.schema and project.schema.title("PERSON", "ar") == "فرد"
    ws.edit_label("PERSON", name="PER")
    assert project.schema.title("PER", "ar") == "فرد" and project.schema.label("PERSON") is None
    project.close()
    project = Project.open(path)
    assert project.schema.title("PER", "ar") == "فرد"  # stored, not only cached
    ws = Workspace(project, "amal")
    ws.edit_label("PER", name="PERSON")
    ws.undo()
    assert project.schema.title("PER", "ar") == "فرد"
    ws.redo()
    ws.edit_label("PERSON", titles=())  # no Arabic name: the window shows PERSON
    assert project.schema.title("PERSON", "ar") == "PERSON"
    ws.undo()
    assert project.schema.title("PERSON", "ar") == "فرد"
    # A label added in the editor has no title; removing it (undo) leaves none behind.
    ws.add_label("entity", "WEAPON", "#123456")
    ws.edit_label("WEAPON", titles=(("ar", "سلاح"),))
    assert project.schema.title("WEAPON", "ar") == "سلاح"
    ws.undo()
    ws.undo()
    assert project.schema.label("WEAPON") is None
    project.close()
    with Project.open(path) as project:
        assert project.schema.label("WEAPON") is None and project.schema.title("PERSON", "ar") == "فرد"
        # The other labels' titles were never touched.
        assert project.schema.title("ORG", "ar") == "منظمة"


def test_a_project_from_before_titles_opens_with_identifiers(tmp_path):
    path = tmp_path / "old.annotator"
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "v1.annotator", path)
    with Project.open(path) as project:
        assert TITLES_KEY not in project.info()
        schema = project.schema
        assert schema.title("PERSON", "ar") == "PERSON"
        assert all(not label.titles for label in schema.labels())


def test_damaged_titles_are_left_out_not_fatal(tmp_path):
    path = tmp_path / "p.annotator"
    Project.create(path, NEWS).close()
    # Another program wrote the key: one entry breaks the title rules, another is no JSON object.
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE project SET value = ? WHERE key = ?",
                     ('{"labels": {"PERSON": {"ar": "\u202eشخص", "fa": "شخص"}, "ORG": "x"}, "layers": 3}',
                      TITLES_KEY))
    conn.close()
    with Project.open(path) as project:
        schema = project.schema
        assert schema.label("PERSON").titles == (("fa", "شخص"),)
        assert schema.title("ORG", "ar") == "ORG" and schema.title("entity", "ar") == "entity"
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE project SET value = 'not json' WHERE key = ?", (TITLES_KEY,))
    conn.close()
    with Project.open(path) as project:
        assert [lab.name for lab in project.schema.labels()] == [lab.name for lab in NEWS.labels()]


def test_a_package_carries_the_titles(tmp_path):
    project = Project.create(tmp_path / "p.annotator", NEWS)
    renamed = replace(project.schema.label("ORG"), titles=(("ar", "هيئة"),))
    with project.transaction():
        project.replace_label(project.schema.label("ORG"), renamed)
    packages = assign(project, ["amal"], tmp_path / "out")
    project.close()
    with Project.open(packages[0].path) as package:
        assert package.schema.title("ORG", "ar") == "هيئة" and package.schema.title("PERSON", "ar") == "شخص"
