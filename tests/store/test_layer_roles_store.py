"""Layer roles are stored with the schema (file version 3); older files get the position rule
written down once by the migration, with a backup, and are never re-derived afterwards."""

import shutil
import sqlite3
from pathlib import Path

from annotator import RESOURCES
from annotator.core.schema import load_schema, parse_schema
from annotator.store import migrations
from annotator.store.project import Project

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
CLAIMS_FIRST = """
[layers.claim]
overlap = "any"
draw = "underline"
labels = [{name = "CLAIM", color = "#e8590c"}]
attributes = [{name = "claimant", kind = "relation", values = ["AUTHOR"]},
              {name = "topic", kind = "text", summary = true}]

[layers.mention]
draw = "background"
links_entities = true
labels = [{name = "PERSON", color = "#f4a6a6"}]
"""


def roles(schema):
    return [(layer.name, layer.draw, layer.links_entities, [a.name for a in layer.attributes if a.summary])
            for layer in schema.layers]


def as_version_2(path: Path) -> None:
    """The file as annotator wrote it before roles: no role columns, file version 2."""
    conn = sqlite3.connect(path)
    for table, column in (("layers", "draw"), ("layers", "links_entities"), ("attributes", "summary")):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    conn.execute("DROP TABLE rejections")  # version 4
    conn.execute("DROP TABLE sets")  # version 6
    conn.execute("DROP TABLE packages")
    conn.execute("DELETE FROM project WHERE key = 'project_id'")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()


def test_roles_survive_closing_and_opening(tmp_path):
    path = tmp_path / "p.annotator"
    schema = parse_schema(CLAIMS_FIRST)
    Project.create(path, schema).close()
    with Project.open(path) as project:
        assert roles(project.schema) == roles(schema) == [
            ("claim", "underline", False, ["topic"]), ("mention", "background", True, [])]
        assert project.schema.default_layer().name == "mention"


def test_a_schema_declaring_no_entity_layer_keeps_none(tmp_path):
    path = tmp_path / "p.annotator"
    schema = parse_schema(CLAIMS_FIRST.replace('draw = "background"\n', "").replace("links_entities = true\n", ""))
    Project.create(path, schema).close()
    with Project.open(path) as project:  # read as stored: the first-layer rule is not applied again
        assert project.schema.entity_layers() == () and project.schema.background_layers() == ()


def test_version_2_file_gets_the_old_position_rule_once_with_a_backup(tmp_path):
    path = tmp_path / "p.annotator"
    Project.create(path, parse_schema(CLAIMS_FIRST)).close()
    as_version_2(path)
    with Project.open(path) as project:
        assert project.backup == tmp_path / "p.annotator.v2.bak"
        # before roles the first layer was the entity layer and relation attributes the summary
        assert roles(project.schema) == [("claim", "background", True, ["claimant"]),
                                         ("mention", "underline", False, [])]
    backup = sqlite3.connect(tmp_path / "p.annotator.v2.bak")
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 2
    assert "draw" not in [row[1] for row in backup.execute("PRAGMA table_info(layers)")]
    backup.close()


def test_version_1_fixture_gets_the_news_roles(tmp_path):
    path = tmp_path / "old.annotator"
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "v1.annotator", path)
    with Project.open(path) as project:
        assert migrations.latest_version() == 7
        assert roles(project.schema) == roles(NEWS) == [
            ("entity", "background", True, []), ("claim", "underline", False, ["claimant", "stance"])]
