"""A suggestion an analyst rejects in their package stays rejected for them after `annotator
merge` (and for them only); an un-rejection in the package is merged too; merging again changes
nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from annotator.core.model import Suggestion
from annotator.store import Project
from annotator.store.workspace import Workspace

ANNOTATOR = Path(sys.executable).with_name("annotator")


def run(*args) -> subprocess.CompletedProcess:
    done = subprocess.run([str(ANNOTATOR), *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, "ANNOTATOR_NAME": "lead"})
    assert done.returncode == 0, done.stderr
    return done


def _reject_first_word(package: Path, name: str) -> tuple[str, str, tuple]:
    """As the analyst's window does: reject a suggestion of their first document."""
    with Project.open(package) as p:
        ws = Workspace(p, name)
        doc_id = p.document_rows()[0][0]
        ws.open_document(doc_id)
        text = ws.document.text
        start = next(i for i, ch in enumerate(text) if ch.isalpha())
        end = start + 4
        ws.reject_suggestions([Suggestion(start, end, text[start:end], "entity", "GPE", source="variant")])
        return doc_id, p.get_document(doc_id).content_hash, (start, end, "entity", "GPE")


def _home(project: Path, content_hash: str) -> str:
    with Project.open(project, readonly=True) as p:
        return p.stored_ids_by_hash([content_hash])[content_hash]


def test_a_packages_rejections_come_back_as_the_analysts_own(tmp_path):
    main = tmp_path / "main.annotator"
    run("demo", main)
    out = tmp_path / "out"
    run("assign", main, "--annotators", "amal,badr", "--overlap", "1", "-o", out)
    amal = out / "amal.annotator"
    package_doc, content_hash, key = _reject_first_word(amal, "amal")
    home = _home(main, content_hash)

    merged = run("merge", main, amal)
    assert "1 suggestions rejected" in merged.stdout
    with Project.open(main, readonly=True) as p:
        assert key in p.rejections(home, "amal")
        assert key not in p.rejections(home, "badr")  # another analyst still sees it
        assert key not in p.rejections(home, "")

    again = run("merge", main, amal)
    assert "0 changed" in again.stdout and "rejected" not in again.stdout
    with Project.open(main, readonly=True) as p:
        assert p.rejections(home, None) == {key}  # stored once

    # The analyst undoes the rejection in the package: the merge takes that too.
    with Project.open(amal) as p:
        p.unreject_suggestions(package_doc, [key], "amal")
    undone = run("merge", main, amal)
    assert "1 changed" in undone.stdout
    with Project.open(main, readonly=True) as p:
        assert key not in p.rejections(home, "amal")
