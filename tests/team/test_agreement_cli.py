"""Three analysts' work on the seeds, through the real `assign`, Workspace and `merge`, then
`annotator agreement --json` checked against scikit-learn, statsmodels and the `krippendorff`
package on the same token tags."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from itertools import combinations
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters
from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss

from annotator.core.tokenize import tokenize
from annotator.store import Project
from annotator.store.documents import SpanFilter
from annotator.store.workspace import Workspace

ANNOTATOR = Path(sys.executable).with_name("annotator")
# What each analyst marks where it occurs (label per word): they agree on some, not on others.
CHOICES = {
    "alice": {"موسكو": "GPE", "روسيا": "GPE", "بوتين": "PERSON", "شويغو": "PERSON", "بيونغ": "GPE"},
    "bob": {"موسكو": "GPE", "روسيا": "GPE", "بوتين": "PERSON", "شويغو": "ORG", "بيونغ": "GPE"},
    "carol": {"موسكو": "LOC", "روسيا": "GPE", "شويغو": "PERSON"},
}


def run(*args):
    done = subprocess.run([str(ANNOTATOR), *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, "ANNOTATOR_NAME": "lead"})
    assert done.returncode == 0, done.stderr
    return done.stdout


def work(package: Path, name: str) -> None:
    with Project.open(package) as p:
        ws = Workspace(p, name)
        for doc_id in [r[0] for r in p.document_rows()]:
            ws.open_document(doc_id)
            text = ws.document.text
            for word, label in CHOICES[name].items():
                start = text.find(word)
                while start >= 0 and len(ws.document.spans) < 12:
                    if not list(ws.spans.overlapping(start, start + len(word))):
                        ws.add_span(start, start + len(word), label)
                    start = text.find(word, start + len(word))
            ws.set_status("done")


@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    root = tmp_path_factory.mktemp("team")
    main = root / "main.annotator"
    run("demo", main)
    run("assign", main, "--annotators", "alice,bob,carol", "--overlap", "1", "--copies", "3", "-o", root / "pk")
    for name in CHOICES:
        work(root / "pk" / f"{name}.annotator", name)
    run("merge", main, *sorted((root / "pk").glob("*.annotator")))
    return main


def close(ours, reference):
    if reference is None or (isinstance(reference, float) and math.isnan(reference)):
        return ours is None
    return ours is not None and abs(ours - reference) < 1e-9


def reference_tags(main: Path) -> tuple[dict[str, list[str]], dict]:
    """Each annotator's tag per non-space token over all documents, the obvious slow way."""
    tags: dict[str, list[str]] = {name: [] for name in CHOICES}
    spans_of = {}
    with Project.open(main, readonly=True) as p:
        for doc in p.iter_documents():
            sets = {name: p.get_document(doc.id, SpanFilter(set_name=name)).spans for name in CHOICES}
            spans_of[doc.id] = sets
            every = [s for spans in sets.values() for s in spans]
            tokens = [t for t in tokenize(doc.text, [s.start for s in every], [s.end for s in every])
                      if not t.is_space]
            for name, spans in sets.items():
                for tok in tokens:
                    covering = [s for s in spans if s.start <= tok.start and tok.end <= s.end]
                    tags[name].append(min(covering, key=lambda s: (s.end - s.start, s.label)).label
                                      if covering else "O")
    return tags, spans_of


def test_agreement_figures_match_the_reference_implementations(merged):
    figures = json.loads(run("agreement", merged, "--layer", "entity", "--json"))
    assert figures["documents"] == 5 and figures["annotators"] == ["alice", "bob", "carol"]
    tags, spans_of = reference_tags(merged)
    assert sum(len(s) for sets in spans_of.values() for s in sets.values()) > 30
    pairs = {(p["a"], p["b"]): p for p in figures["pairs"]}
    assert set(pairs) == set(combinations(sorted(CHOICES), 2))
    for a, b in pairs:
        assert close(pairs[a, b]["kappa"], cohen_kappa_score(tags[a], tags[b]))
        exact = sum(len({(s.start, s.end, s.label) for s in sets[a]} & {(s.start, s.end, s.label) for s in sets[b]})
                    for sets in spans_of.values())
        sizes = sum(len(sets[a]) + len(sets[b]) for sets in spans_of.values())
        assert close(pairs[a, b]["f1_exact"], 2 * exact / sizes)
    names = sorted(CHOICES)
    codes = sorted({t for row in tags.values() for t in row})
    matrix = np.array([[codes.index(t) for t in tags[name]] for name in names])
    assert close(figures["krippendorff_alpha"], krippendorff.alpha(reliability_data=matrix,
                                                                   level_of_measurement="nominal"))
    table, _ = aggregate_raters(matrix.T)
    assert close(figures["fleiss_kappa"], sm_fleiss(table, method="fleiss"))
    # alice and bob agree on every word but شويغو: PERSON against ORG in the confusion table
    assert figures["confusion"]["PERSON"]["ORG"] > 0
    assert figures["labels"]["GPE"]["f1_exact"] > figures["labels"]["ORG"]["f1_exact"]


def test_the_text_report_and_the_filters(merged):
    text = run("agreement", merged, "--label", "GPE")
    assert "5 documents, annotators: alice, bob, carol" in text and "alice / bob" in text
    figures = json.loads(run("agreement", merged, "--label", "GPE", "--json"))
    assert set(figures["labels"]) <= {"GPE"}
    bad = subprocess.run([str(ANNOTATOR), "agreement", str(merged), "--layer", "nope"], capture_output=True, text=True)
    assert bad.returncode == 2 and "no layer 'nope'" in bad.stderr


def test_a_project_without_overlap_says_there_is_nothing_to_compare(tmp_path):
    main = tmp_path / "solo.annotator"
    run("demo", main)
    assert "nothing to compare" in run("agreement", main)
    assert json.loads(run("agreement", main, "--json"))["documents"] == 0
