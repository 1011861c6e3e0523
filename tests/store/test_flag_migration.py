"""File version 5: the attributes table accepts the `flag` kind. The table is rebuilt (SQLite
cannot alter a CHECK): a version-4 file keeps every attribute row, column for column, and its
backup keeps the old table."""

import sqlite3

import pytest

from annotator import RESOURCES
from annotator.core.schema import load_schema, parse_schema
from annotator.store import Project, migrations

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
COLUMNS = "layer, name, kind, choices, default_value, description, position, summary"
V4_TABLE = """CREATE TABLE attributes (
    layer TEXT NOT NULL REFERENCES layers(name),
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('choice', 'text', 'relation', 'span')),
    choices TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(choices)),
    default_value TEXT,
    description TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
    summary INTEGER NOT NULL DEFAULT 0 CHECK (summary IN (0, 1)),
    PRIMARY KEY (layer, name)
)"""


def rows(path, sql):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def as_version_4(path):
    """The attributes table exactly as versions 1 to 4 made it, and no later table."""
    conn = sqlite3.connect(path)
    kept = conn.execute(f"SELECT {COLUMNS} FROM attributes").fetchall()
    conn.execute("DROP TABLE attributes")
    conn.execute(V4_TABLE)
    conn.executemany(f"INSERT INTO attributes ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", kept)
    for table in ("sets", "packages"):  # version 6
        conn.execute(f"DROP TABLE IF EXISTS {table}")
    conn.execute("DELETE FROM project WHERE key = 'project_id'")
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()


def test_a_version_4_file_keeps_every_attribute_row_and_then_takes_a_flag(tmp_path):
    path = tmp_path / "p.annotator"
    Project.create(path, NEWS).close()
    as_version_4(path)
    before = rows(path, f"SELECT {COLUMNS} FROM attributes ORDER BY layer, position")
    assert len(before) == 8 and ("claim", "stance", "choice", '["affirm","deny"]', "affirm") in [r[:5] for r in before]
    assert [r[1] for r in before if r[7]] == ["claimant", "stance"]  # summary kept too
    with Project.open(path) as project:
        assert project.backup == path.with_name("p.annotator.v4.bak")
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == migrations.latest_version()
        assert project.schema == NEWS and project.check().problems == []
    assert rows(path, f"SELECT {COLUMNS} FROM attributes ORDER BY layer, position") == before
    assert rows(path, "PRAGMA foreign_key_check") == []
    (table,) = rows(path, "SELECT sql FROM sqlite_master WHERE name = 'attributes'")[0]
    assert "'flag'" in table and "summary" in table
    # The backup is the version-4 file as it was.
    assert rows(project.backup, "PRAGMA user_version") == [(4,)]
    assert "'flag'" not in rows(project.backup, "SELECT sql FROM sqlite_master WHERE name = 'attributes'")[0][0]
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(f"INSERT INTO attributes ({COLUMNS}) VALUES ('entity', 'Negation', 'flag', '[]', NULL, '', 0, 0)")
    conn.close()
    with Project.open(path) as project:
        assert project.schema.layer("entity").attributes[0].kind == "flag"


def test_a_version_4_table_refuses_a_flag_which_is_why_the_rebuild_is_needed(tmp_path):
    path = tmp_path / "p.annotator"
    Project.create(path, NEWS).close()
    as_version_4(path)
    conn = sqlite3.connect(path)
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        conn.execute(f"INSERT INTO attributes ({COLUMNS}) VALUES ('entity', 'Negation', 'flag', '[]', NULL, '', 0, 0)")
    conn.close()


def test_a_schema_with_a_flag_is_stored_and_read_back(tmp_path):
    toml = (RESOURCES / "schemas" / "news.toml").read_text("utf-8") + (
        '\n[[layers.claim.attributes]]\nname = "speculation"\nkind = "flag"\n')
    schema = parse_schema(toml)
    path = tmp_path / "f.annotator"
    Project.create(path, schema).close()
    with Project.open(path) as project:
        assert project.schema == schema
        assert [a.kind for a in project.schema.layer("claim").attributes][-1] == "flag"
