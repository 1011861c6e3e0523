"""Packages out and back without a server: `annotator assign` and `annotator merge` through the
real console script, with the analysts' work done through the Workspace in their own files."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.model import Entity
from annotator.store import Project
from annotator.store.documents import SpanFilter
from annotator.store.workspace import Workspace
from annotator.team.assign import plan

ANNOTATOR = Path(sys.executable).with_name("annotator")


def run(*args, check=True):
    env = {**os.environ, "ANNOTATOR_NAME": "lead"}
    done = subprocess.run([str(ANNOTATOR), *map(str, args)], capture_output=True, text=True, env=env)
    if check:
        assert done.returncode == 0, done.stderr
    return done


@pytest.fixture
def main(tmp_path):
    path = tmp_path / "main.annotator"
    run("demo", path)
    return path


def rows(path):
    with Project.open(path, readonly=True) as p:
        return [r[0] for r in p.document_rows()]


def annotate(package: Path, name: str, word: str, label: str = "GPE", done: bool = True) -> list[str]:
    """As an analyst would in their window: label every document's first `word`, mark it done."""
    added = []
    with Project.open(package) as p:
        ws = Workspace(p, name)
        for doc_id in [r[0] for r in p.document_rows()]:
            ws.open_document(doc_id)
            if word in ws.document.text:
                start = ws.document.text.index(word)
                added.append(ws.add_span(start, start + len(word), label).spans_added[0].id)
            if done:
                ws.set_status("done")
    return added


def snapshot(path: Path):
    with Project.open(path, readonly=True) as p:
        return ([(d.id, d.status, [(s.id, s.start, s.end, s.label, s.annotator) for s in d.spans])
                 for d in p.iter_documents()], p.document_sets(), sorted(e.id for e in p.entities()))


def test_the_plan_is_reproducible_balanced_and_shares_the_overlap():
    docs = [f"d{n}" for n in range(100)]
    chosen = plan(docs, ["a", "b", "c"], 0.2, 2, "seed")
    assert chosen == plan(docs, ["a", "b", "c"], 0.2, 2, "seed")
    assert sum(len(t) == 2 for t in chosen.values()) == 20
    assert all(len(t) in (1, 2) for t in chosen.values())
    load = {a: sum(a in t for t in chosen.values()) for a in "abc"}
    assert max(load.values()) - min(load.values()) <= 1 and sum(load.values()) == 120
    assert plan(docs, ["a", "b", "c"], 0.2, 2, "other") != chosen  # the seed is the project's id
    everyone = plan(docs, ["a", "b", "c"], 1.0, 3, "seed")
    assert all(t == ["a", "b", "c"] for t in everyone.values())


def test_assign_writes_one_package_per_annotator_with_the_documents_given(main, tmp_path):
    with Project.open(main) as p:
        p.insert_entity(Entity("e-moscow", "GPE", "موسكو", ["موسكفا"]))
    out = run("assign", main, "--annotators", "alice,bob,carol", "--overlap", "0.4", "-o", tmp_path / "pk").stdout
    counts = [line.rsplit(": ", 1)[1] for line in out.splitlines()]
    # 5 documents, 2 of them shared by two: 7 copies, as even as can be (which two depends on
    # the project's id, so on this demo project)
    assert [c.split(",")[0] for c in counts] == ["alice", "bob", "carol"]
    assert sorted(int(c.split(", ")[1].split()[0]) for c in counts) == [2, 2, 3]
    assert sum(int(c.split("(")[1].split()[0]) for c in counts) == 4
    again = run("assign", main, "--annotators", "alice,bob,carol", "--overlap", "0.4", "-o", tmp_path / "pk2").stdout
    assert again.replace("pk2", "pk") == out  # the same documents to the same people
    given = {name: rows(tmp_path / "pk" / f"{name}.annotator") for name in ("alice", "bob", "carol")}
    assert sorted(sum(given.values(), [])) != sorted(rows(main))  # two documents twice
    assert set(sum(given.values(), [])) == set(rows(main))
    with Project.open(tmp_path / "pk" / "bob.annotator", readonly=True) as package, \
            Project.open(main, readonly=True) as project:
        assert package.info()["package_annotator"] == "bob"
        assert package.info()["package_of"] == project.info()["project_id"]
        assert package.schema == project.schema
        assert [(e.id, e.aliases) for e in package.entities()] == [("e-moscow", ["موسكفا"])]
        doc = package.get_document(given["bob"][0])
        assert doc.text == project.get_document(doc.id).text and doc.meta == project.get_document(doc.id).meta


def test_assign_refuses_before_writing(main, tmp_path):
    (tmp_path / "pk").mkdir()
    (tmp_path / "pk" / "bob.annotator").write_text("mine")
    refused = run("assign", main, "--annotators", "alice,bob", "-o", tmp_path / "pk", check=False)
    assert refused.returncode == 1 and "bob.annotator exists" in refused.stderr
    assert sorted(f.name for f in (tmp_path / "pk").iterdir()) == ["bob.annotator"]
    assert (tmp_path / "pk" / "bob.annotator").read_text() == "mine"
    for names, why in (("alice,alice", "named twice"), ("alice,gold", "adjudicated set"), ("alice,,", "empty")):
        refused = run("assign", main, "--annotators", names, "-o", tmp_path / "new", check=False)
        assert refused.returncode == 1 and why in refused.stderr
    assert not (tmp_path / "new").exists()


def test_merge_brings_each_analysts_set_back_and_again_changes_nothing(main, tmp_path):
    run("assign", main, "--annotators", "alice,bob", "--overlap", "1", "-o", tmp_path / "pk")
    alice = annotate(tmp_path / "pk" / "alice.annotator", "alice.m", "موسكو")  # their OS name differs
    annotate(tmp_path / "pk" / "bob.annotator", "bob", "موسكو", "LOC", done=False)
    merged = run("merge", main, *sorted((tmp_path / "pk").glob("*.annotator")))
    assert "alice, 5 documents, 5 changed" in merged.stdout
    before = snapshot(main)
    docs, sets, _ = before
    assert all(set(s) == {"alice", "bob"} for s in sets.values())
    assert all(s["alice"] == "done" for s in sets.values())
    labelled = {(d, label, who) for d, _, spans in docs for (_, _, _, label, who) in spans}
    assert {who for _, _, who in labelled} == {"alice", "bob"}  # in the set of the package's annotator
    assert {label for _, label, who in labelled if who == "bob"} == {"LOC"}
    with Project.open(main, readonly=True) as p:
        ids = {s.id for d in p.iter_documents(spans=SpanFilter(set_name="alice")) for s in d.spans}
        assert ids == set(alice)
        # Both labelled the same word: two sets, no overlap conflict.
        assert p.check().problems == []
    again = run("merge", main, *sorted((tmp_path / "pk").glob("*.annotator")))
    assert "0 document sets changed" in again.stderr
    assert snapshot(main) == before


def test_a_newer_package_replaces_that_annotators_sets_and_an_older_one_does_not_undo_it(main, tmp_path):
    run("assign", main, "--annotators", "alice", "-o", tmp_path / "r1")
    annotate(tmp_path / "r1" / "alice.annotator", "alice", "موسكو")
    run("merge", main, tmp_path / "r1" / "alice.annotator")
    run("assign", main, "--annotators", "alice", "-o", tmp_path / "r2")  # round 2 carries round 1's set
    with Project.open(tmp_path / "r2" / "alice.annotator") as p:
        carried = [s for d in p.iter_documents() for s in d.spans]
        assert carried and all(s.annotator == "alice" for s in carried)
        ws = Workspace(p, "alice")
        ws.open_document(p.document_rows()[0][0])
        for span in list(ws.document.spans):
            ws.delete_span(span.id)
    newer = snapshot(tmp_path / "r2" / "alice.annotator")[0]
    run("merge", main, tmp_path / "r2" / "alice.annotator")
    older = run("merge", main, tmp_path / "r1" / "alice.annotator")
    assert "kept from a newer package" in older.stdout
    with Project.open(main, readonly=True) as p:
        now = [(d.id, [(s.id, s.start) for s in d.spans]) for d in p.iter_documents(spans=SpanFilter(set_name="alice"))]
    assert now == [(d, [(s[0], s[1]) for s in spans]) for d, _, spans in newer]


def test_merge_refuses_a_package_of_another_project_and_takes_nothing(main, tmp_path):
    other = tmp_path / "other.annotator"
    run("demo", other)
    run("assign", main, "--annotators", "alice", "-o", tmp_path / "mine")
    run("assign", other, "--annotators", "bob", "-o", tmp_path / "theirs")
    annotate(tmp_path / "mine" / "alice.annotator", "alice", "موسكو")
    before = snapshot(main)
    refused = run("merge", main, tmp_path / "mine" / "alice.annotator", tmp_path / "theirs" / "bob.annotator",
                  check=False)
    assert refused.returncode == 1 and "package of another project" in refused.stderr
    refused = run("merge", main, other, check=False)
    assert refused.returncode == 1 and "not a package" in refused.stderr
    assert run("merge", main, main, check=False).returncode == 2
    assert snapshot(main) == before


def test_merge_refuses_a_package_with_a_document_the_project_lacks(main, tmp_path):
    run("assign", main, "--annotators", "alice", "-o", tmp_path / "pk")
    with sqlite3.connect(tmp_path / "pk" / "alice.annotator") as conn:  # the package edited behind our back
        conn.execute("UPDATE documents SET text = 'نص آخر', content_hash = 'x' WHERE seq = 1")
    before = snapshot(main)
    refused = run("merge", main, tmp_path / "pk" / "alice.annotator", check=False)
    assert refused.returncode == 1 and "not in the project" in refused.stderr
    assert snapshot(main) == before


def test_export_takes_one_set_or_gold_where_there_is_one(main, tmp_path):
    run("assign", main, "--annotators", "alice,bob", "--overlap", "1", "-o", tmp_path / "pk")
    annotate(tmp_path / "pk" / "alice.annotator", "alice", "موسكو")
    annotate(tmp_path / "pk" / "bob.annotator", "bob", "روسيا", "GPE")
    run("merge", main, *sorted((tmp_path / "pk").glob("*.annotator")))
    run("export", main, "--set", "alice", "--status", "done", "-o", tmp_path / "alice.jsonl")
    records = [json.loads(line) for line in (tmp_path / "alice.jsonl").read_text().splitlines()]
    assert len(records) == 5 and {s["annotator"] for r in records for s in r["spans"]} == {"alice"}
    assert all(r["status"] == "done" for r in records)
    refused = run("export", main, "--set", "zed", "-o", tmp_path / "zed.jsonl", check=False)
    assert refused.returncode == 2 and "no annotation set 'zed'" in refused.stderr
    with Project.open(main) as p:  # a curator's gold set of one document
        doc = p.get_document(rows(main)[0], SpanFilter(set_name="bob"))
        from dataclasses import replace
        p.replace_set(doc.id, "gold", [replace(s, id="g" + s.id, annotator="gold") for s in doc.spans], [], "done")
    run("export", main, "-o", tmp_path / "default.jsonl")
    records = {r["id"]: r for r in map(json.loads, (tmp_path / "default.jsonl").read_text().splitlines())}
    assert {s["annotator"] for s in records[doc.id]["spans"]} <= {"gold"}
    others = [s["annotator"] for i, r in records.items() if i != doc.id for s in r["spans"]]
    assert set(others) == {"alice", "bob"}
    stats = run("stats", main).stdout
    assert "gold covers 1 of 5 documents" in stats and "alice" in stats


def test_an_older_project_becomes_one_set_per_recorded_annotator(tmp_path):
    path = tmp_path / "old.annotator"
    run("demo", path)
    with Project.open(path) as p:
        for who, doc_id in (("amal", rows(path)[0]), ("badr", rows(path)[0]), ("amal", rows(path)[1])):
            ws = Workspace(p, who)
            ws.open_document(doc_id)
            start = 0 if who == "amal" else 10  # the window does not keep sets apart yet
            ws.add_span(start, start + 3, "PERSON" if who == "amal" else "ORG")
        p.set_status(rows(path)[1], "done")
    with sqlite3.connect(path) as conn:  # as version 5 left it
        conn.execute("DROP TABLE sets")
        conn.execute("DROP TABLE packages")
        conn.execute("DELETE FROM project WHERE key = 'project_id'")
        conn.execute("PRAGMA user_version = 5")
    with Project.open(path) as p:
        assert p.backup is not None and p.backup.exists()
        first, second = rows(path)[:2]
        assert p.document_sets() == {first: {"amal": "in_progress", "badr": "in_progress"}, second: {"amal": "done"}}
        assert p.info()["project_id"]
        assert p.check().problems == []
