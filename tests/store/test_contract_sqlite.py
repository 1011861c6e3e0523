"""The store contract (tests/store/contract.py) on the SQLite Project."""

from pathlib import Path

import pytest

from annotator.core.schema import Schema
from annotator.store import Project
from annotator.store.interface import Store
from tests.store.contract import StoreContract


class SqliteFactory:
    def __init__(self, folder: Path):
        self.folder = folder
        self.made = 0

    def create(self, schema: Schema) -> Store:
        self.made += 1
        return Project.create(self.folder / f"p{self.made}.annotator", schema)

    def reopen(self, store: Store, readonly: bool = False) -> Store:
        store.close()
        return Project.open(store.path, readonly=readonly)


@pytest.fixture
def store_factory(tmp_path):
    return SqliteFactory(tmp_path)


class TestSqliteProject(StoreContract):
    def test_project_is_a_store(self, store):
        assert isinstance(store, Store)


def test_the_interface_lists_everything_its_users_call():
    # The workspace, its operations and the importer hold a Store: every attribute they use of
    # it must be in the Protocol, or a second implementation would break them unseen.
    import re

    import annotator

    package = Path(annotator.__file__).parent
    offered = {name for name in dir(Store) if not name.startswith("_")} | set(Store.__annotations__)
    used = set()
    for module in ("store/workspace.py", "store/operations.py", "io/importing.py"):
        used |= set(re.findall(r"\bproject\.([a-z_]+)", (package / module).read_text(encoding="utf-8")))
    assert used and used <= offered, sorted(used - offered)
