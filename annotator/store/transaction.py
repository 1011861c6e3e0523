"""The one way the store writes: a transaction that takes SQLite's write lock up front.

Every write of the project file (a user's action, an import batch, a migration, `check
--repair`) runs in `immediate`: IMMEDIATE takes the write lock before the first statement, so a
busy database waits (busy_timeout) instead of failing halfway through; a nested call is a
savepoint of the outer one; any failure rolls the whole transaction back, and a SQLite failure
becomes the caller's sentence (`errors`) so that nothing is half-written and the user is told.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager

ErrorMapper = Callable[[sqlite3.Error], Exception | None]


@contextmanager
def immediate(conn: sqlite3.Connection, errors: ErrorMapper = lambda exc: None,
              rolled_back: Callable[[], None] | None = None) -> Iterator[None]:
    """Run the block in one transaction on `conn`, or in a savepoint if one is already open.

    `errors` turns a SQLite failure into the exception to raise instead (None: raise it as it
    is); the outermost transaction maps errors, a savepoint re-raises them to it. `rolled_back`
    runs after a rollback, for caches that may hold what was undone.
    """
    if conn.in_transaction:
        yield from _savepoint(conn, rolled_back)
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        mapped = errors(exc)
        if mapped is not None:
            raise mapped from exc
        raise
    try:
        yield
        conn.execute("COMMIT")  # inside the try: a COMMIT failing on a full disk rolls back too
    except BaseException as exc:
        if conn.in_transaction:  # SQLite may already have rolled back (e.g. SQLITE_FULL)
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the connection is unusable anyway; SQLite discards the uncommitted pages
        if rolled_back is not None:
            rolled_back()
        if isinstance(exc, sqlite3.Error):
            mapped = errors(exc)
            if mapped is not None:
                raise mapped from exc
        raise


def _savepoint(conn: sqlite3.Connection, rolled_back: Callable[[], None] | None) -> Iterator[None]:
    name = f"annotator_{secrets.token_hex(8)}"
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield
    except BaseException:
        # An error that destroyed the whole transaction took the savepoint with it: releasing
        # it then would hide the original exception behind "no such savepoint".
        if conn.in_transaction:
            conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
            conn.execute(f"RELEASE SAVEPOINT {name}")
        if rolled_back is not None:
            rolled_back()
        raise
    conn.execute(f"RELEASE SAVEPOINT {name}")
