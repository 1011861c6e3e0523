"""Schema versions of the project file. `PRAGMA user_version` holds the version.

MIGRATIONS[n] takes a version-n database to version n+1. Opening an older file writes a backup
beside it (VACUUM INTO, safe with a -wal present) and then migrates in one transaction.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from annotator.store.errors import ProjectError, sqlite_error
from annotator.store.transaction import immediate

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


# Version 3: explicit layer roles (issue 9). Before, the first layer was the background-drawn,
# entity-linking layer and a claim's relation attributes and `stance` were its summary; the
# migration writes down exactly that rule (core.schema.with_default_roles), so old projects look
# and behave as before and nothing decides by position or name afterwards.
_V3 = """
ALTER TABLE layers ADD COLUMN draw TEXT NOT NULL DEFAULT 'underline' CHECK (draw IN ('background', 'underline'));
ALTER TABLE layers ADD COLUMN links_entities INTEGER NOT NULL DEFAULT 0 CHECK (links_entities IN (0, 1));
ALTER TABLE attributes ADD COLUMN summary INTEGER NOT NULL DEFAULT 0 CHECK (summary IN (0, 1));
UPDATE layers SET draw = 'background', links_entities = 1 WHERE position = (SELECT min(position) FROM layers);
UPDATE attributes SET summary = 1 WHERE kind = 'relation' OR name = 'stance'
"""

# Version 4: suggestions the analyst rejected, so they never come back in that project (a
# computed suggestion, a variant or a known entity, is found again on every opening). A rejection
# is the analyst's decision, kept with the label's renames; it goes with its document or label.
_V4 = """
CREATE TABLE rejections (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    layer TEXT NOT NULL,
    label TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (doc_id, start, "end", layer, label),
    FOREIGN KEY (layer, label) REFERENCES labels(layer, name) ON UPDATE CASCADE ON DELETE CASCADE,
    CHECK (start >= 0 AND "end" > start)
)
"""

# Version 5: the `flag` attribute kind (a yes/no mark, brat's binary attribute). SQLite cannot
# alter a CHECK, so the table is rebuilt with every column and row; nothing references it.
_V5 = """
CREATE TABLE attributes_v5 (
    layer TEXT NOT NULL REFERENCES layers(name),
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('choice', 'text', 'relation', 'span', 'flag')),
    choices TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(choices)),
    default_value TEXT,
    description TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL,
    summary INTEGER NOT NULL DEFAULT 0 CHECK (summary IN (0, 1)),
    PRIMARY KEY (layer, name)
);
INSERT INTO attributes_v5 (layer, name, kind, choices, default_value, description, position, summary)
    SELECT layer, name, kind, choices, default_value, description, position, summary FROM attributes;
DROP TABLE attributes;
ALTER TABLE attributes_v5 RENAME TO attributes
"""

# Version 6: annotation sets (issue 12). A set is one annotator's spans, relations and status of
# a document (the spans' `annotator` names it; "gold" is the adjudicated set). Each recorded
# annotator of a document becomes a set with the document's status; `source` is the creation time
# of the package a set was last merged from ('' for work done here). `packages` records the
# per-annotator project files merged back; `project_id` tells a package of this project from one
# of another (a copy of the file is the same project).
_V6 = """
CREATE TABLE sets (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'done', 'skipped')),
    updated TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (doc_id, name)
);
INSERT INTO sets (doc_id, name, status, updated)
    SELECT x.doc_id, x.annotator, d.status, d.updated
    FROM (SELECT doc_id, annotator FROM spans UNION SELECT doc_id, annotator FROM relations) x
    JOIN documents d ON d.id = x.doc_id;
CREATE TABLE packages (
    id TEXT PRIMARY KEY,
    annotator TEXT NOT NULL,
    created TEXT NOT NULL,
    merged TEXT NOT NULL,
    documents INTEGER NOT NULL
);
INSERT OR IGNORE INTO project (key, value) VALUES ('project_id', lower(hex(randomblob(8))))
"""

# Version 7: status and rejections belong to a set (issue 12). A rejection is kept for the set
# of whoever made it (`set_name`, the annotator); the rows made before are '' and hold for every
# set, as they did. The key gains the set, so the table is rebuilt (rowids kept: check.py names a
# row by its rowid). The index serves the per-set span counts and "has anyone else a set here"
# of the document list (store/sets.py set_status_sql) without reading the span rows.
_V7 = """
CREATE TABLE rejections_v7 (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    set_name TEXT NOT NULL DEFAULT '',
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    layer TEXT NOT NULL,
    label TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (doc_id, set_name, start, "end", layer, label),
    FOREIGN KEY (layer, label) REFERENCES labels(layer, name) ON UPDATE CASCADE ON DELETE CASCADE,
    CHECK (start >= 0 AND "end" > start)
);
INSERT INTO rejections_v7 (rowid, doc_id, start, "end", layer, label, created)
    SELECT rowid, doc_id, start, "end", layer, label, created FROM rejections;
DROP TABLE rejections;
ALTER TABLE rejections_v7 RENAME TO rejections;
CREATE INDEX IF NOT EXISTS spans_doc_annotator ON spans(doc_id, annotator)
"""

MIGRATIONS = [_run(_V1), _run(_V2), _run(_V3), _run(_V4), _run(_V5), _run(_V6), _run(_V7)]


def latest_version() -> int:
    return len(MIGRATIONS)


def backup_path(path: Path, version: int) -> Path:
    candidate = path.with_name(f"{path.name}.v{version}.bak")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.v{version}.{n}.bak")
    return candidate


def write_backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """VACUUM INTO a fresh name beside the project, synced to disk; on failure nothing is left.

    The name is reserved as an empty file first (VACUUM INTO accepts an empty file): so a failed
    backup can be removed knowing it is ours, never a file someone else made meanwhile.
    """
    for _attempt in range(100):
        backup = backup_path(path, version)
        try:
            os.close(os.open(backup, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
            break
        except FileExistsError:
            continue
        except OSError as exc:
            raise _backup_failed(path, backup, exc) from None
    else:
        raise ProjectError(f"cannot upgrade {path}: no free name for its backup beside it", "backup_failed", path=path)
    try:
        conn.execute("VACUUM INTO ?", (str(backup),))
        _sync(backup)
    except BaseException as exc:
        try:
            os.unlink(backup)
        except OSError:
            pass
        if isinstance(exc, (sqlite3.Error, OSError)):
            raise _backup_failed(path, backup, exc) from exc
        raise
    return backup


def _sync(backup: Path) -> None:
    """The backup on disk before the migration commits (VACUUM INTO does not sync its output)."""
    fd = os.open(backup, os.O_RDONLY)  # a new file nobody has open: closing it drops no locks
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    try:  # its name in the folder too; Windows cannot open a folder, and needs no such sync
        folder = os.open(backup.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def _backup_failed(path: Path, backup: Path, exc: BaseException) -> ProjectError:
    full = getattr(exc, "errno", None) in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)) or (
        isinstance(exc, sqlite3.Error) and (getattr(exc, "sqlite_errorcode", 0) & 0xFF) == 13
    )
    reason = "the disk is full" if full else str(getattr(exc, "strerror", None) or exc)
    todo = "free some space and open it again" if full else "fix that and open it again"
    return ProjectError(
        f"cannot upgrade {path}: writing its backup {backup} failed ({reason}); the project was left "
        f"untouched: {todo}",
        "backup_failed",
        path=path,
        backup=backup,
        reason=reason,
    )


def migrate(conn: sqlite3.Connection, path: Path | None, current: int) -> Path | None:
    """Bring the database to the latest version in one transaction; return the backup written.

    `current` 0 means a brand-new file: nothing to back up. A SQLite failure of the disk or file
    (full, read-only, I/O) becomes a ProjectError; a failing migration step is raised as it is.
    """
    backup = None
    if current and path is not None:
        backup = write_backup(conn, path, current)
    # Opening: nothing of the user's was lost when this fails, the file is as it was.
    with immediate(conn, lambda exc: sqlite_error(path or "the new project", exc, opening=True)):
        for step in MIGRATIONS[current:]:
            step(conn)
        conn.execute(f"PRAGMA user_version = {latest_version()}")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    return backup
