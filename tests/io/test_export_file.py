"""An export that fails halfway leaves the previous export where it was."""

import pytest

from annotator import RESOURCES
from annotator.core.model import Document
from annotator.core.schema import load_schema
from annotator.io import export_to

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")


def docs(fail_after=None):
    for n in range(3):
        if n == fail_after:
            raise OSError("disk full")
        yield Document(f"d{n}", f"نص رقم {n}")


@pytest.mark.parametrize("fmt", ["native", "brat"])
def test_a_failed_export_keeps_the_previous_one(tmp_path, fmt):
    out = tmp_path / ("out" if fmt == "brat" else "out.jsonl")
    export_to(fmt, docs(), out, NEWS)
    before = sorted(p.name for p in out.iterdir()) if fmt == "brat" else out.read_bytes()
    with pytest.raises(OSError, match="disk full"):
        export_to(fmt, docs(fail_after=2), out, NEWS)
    after = sorted(p.name for p in out.iterdir()) if fmt == "brat" else out.read_bytes()
    assert after == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]
