"""The store keeps its SQL: outside annotator/store no module runs SQL, reaches for the store's
connection, or holds SQL text. A second store implementation (a server database) is then a new
module under annotator/store, and nothing else changes."""

import io
import re
import tokenize
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "annotator"
STORE = PACKAGE / "store"

# In code (strings and comments left out): running SQL, or the store's connection objects.
CODE = re.compile(r"\.execute\(|\.executemany\(|\.executescript\(|\.db\b|\.conn\b|\bsqlite3\b|\bsqlite_utils\b")
# In string literals: SQL itself.
SQL = re.compile(r"SELECT |INSERT |UPDATE |DELETE FROM|\bBEGIN\b|PRAGMA ")
STRING_PARTS = {tokenize.STRING} | {getattr(tokenize, name) for name in ("FSTRING_MIDDLE",) if hasattr(tokenize, name)}


def outside_the_store() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if STORE not in p.parents)


def offences(path: Path) -> list[str]:
    found = []
    code: dict[int, list[str]] = {}  # line -> its code, strings blanked out, comments left out
    last_end = None
    for token in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
        if token.type in STRING_PARTS:
            match = SQL.search(token.string)
            if match:
                found.append(f"{path.name}:{token.start[0]}: {match.group()!r}")
        if token.type in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE):
            continue
        line = code.setdefault(token.start[0], [])
        if last_end != token.start:  # keep "a.db" together and "import sqlite3" apart
            line.append(" ")
        line.append('""' if token.type in STRING_PARTS else token.string)
        last_end = token.end
    for number, parts in sorted(code.items()):
        for match in CODE.finditer("".join(parts)):
            found.append(f"{path.name}:{number}: {match.group()!r}")
    return sorted(found, key=lambda line: int(line.split(":")[1]))


def test_the_scan_sees_what_it_must_refuse(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('rows = project.db.execute(f"SELECT id FROM {t}")\nok = "selected"  # .conn in a comment\n',
                      encoding="utf-8")
    assert sorted(line.split(": ", 1)[1] for line in offences(sample)) == ["'.db'", "'.execute('", "'SELECT '"]


def test_the_modules_outside_the_store_are_found():
    names = {p.relative_to(PACKAGE).as_posix() for p in outside_the_store()}
    assert {"cli.py", "io/importing.py", "ui/main_window.py"} <= names
    assert not any(name.startswith("store/") for name in names)


@pytest.mark.parametrize("path", outside_the_store(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_sql_outside_the_store(path):
    assert offences(path) == []


def test_one_transaction_helper_in_the_code_base():
    # Migrations, `check --repair` and every action share store/transaction.py.
    beginning = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                 if "BEGIN" in p.read_text(encoding="utf-8")]
    assert beginning == ["store/transaction.py"]
