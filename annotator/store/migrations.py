"""Schema versions of the project file. `PRAGMA user_version` holds the version.

MIGRATIONS[n] takes a version-n database to version n+1. Opening an older file writes a backup
beside it (VACUUM INTO, safe with a -wal present) and then migrates in one transaction.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

APPLICATION_ID = 0x414E4E54  # "ANNT": tells our files from other SQLite databases

_V1 = """
CREATE TABLE project (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE layers (
    name TEXT PRIMARY KEY,
    overlap TEXT NOT NULL CHECK (overlap IN ('none', 'nested', 'any')),
    description TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL
);
CREATE TABLE labels (
    name TEXT PRIMARY KEY,
    layer TEXT NOT NULL REFERENCES layers(name),
    color TEXT NOT NULL,
    key TEXT UNIQUE,
    guideline TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
    UNIQUE (layer, name)
);
CREATE TABLE attributes (
    layer TEXT NOT NULL REFERENCES layers(name),
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('choice', 'text', 'relation', 'span')),
    choices TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(choices)),
    default_value TEXT,
    description TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
    PRIMARY KEY (layer, name)
);
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    text TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    meta TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(meta)),
    title TEXT GENERATED ALWAYS AS (json_extract(meta, '$.title')) VIRTUAL,
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'done', 'skipped')),
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX documents_status ON documents(status, seq);
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)),
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE TABLE spans (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    layer TEXT NOT NULL,
    label TEXT NOT NULL,
    entity_id TEXT REFERENCES entities(id) ON DELETE SET NULL,
    attrs TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attrs)),
    annotator TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    FOREIGN KEY (layer, label) REFERENCES labels(layer, name) ON UPDATE CASCADE,
    CHECK (start >= 0 AND "end" > start AND length(text) = "end" - start)
);
CREATE INDEX spans_doc ON spans(doc_id, start);
CREATE INDEX spans_entity ON spans(entity_id) WHERE entity_id IS NOT NULL;
CREATE INDEX spans_label ON spans(layer, label);
CREATE TABLE relations (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    head TEXT NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    child TEXT NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    annotator TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE INDEX relations_doc ON relations(doc_id);
CREATE INDEX relations_head ON relations(head);
CREATE INDEX relations_child ON relations(child);
"""


# Version 2: pre-annotations imported as suggestions (accepted or rejected by the analyst).
_V2 = """
CREATE TABLE suggestions (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    layer TEXT NOT NULL,
    label TEXT NOT NULL,
    entity_id TEXT REFERENCES entities(id) ON DELETE SET NULL,
    source TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    FOREIGN KEY (layer, label) REFERENCES labels(layer, name) ON UPDATE CASCADE,
    CHECK (start >= 0 AND "end" > start AND length(text) = "end" - start)
);
CREATE INDEX suggestions_doc ON suggestions(doc_id, start);
"""


def _run(script: str):
    def step(conn: sqlite3.Connection) -> None:
        for statement in script.split(";"):
            if statement.strip():
                conn.execute(statement)

    return step


MIGRATIONS = [_run(_V1), _run(_V2)]


def latest_version() -> int:
    return len(MIGRATIONS)


def backup_path(path: Path, version: int) -> Path:
    candidate = path.with_name(f"{path.name}.v{version}.bak")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.v{version}.{n}.bak")
    return candidate


def migrate(conn: sqlite3.Connection, path: Path | None, current: int) -> Path | None:
    """Bring the database to the latest version in one transaction; return the backup written.

    `current` 0 means a brand-new file: nothing to back up.
    """
    backup = None
    if current and path is not None:
        backup = backup_path(path, current)
        conn.execute("VACUUM INTO ?", (str(backup),))
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in MIGRATIONS[current:]:
            step(conn)
        conn.execute(f"PRAGMA user_version = {latest_version()}")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return backup
