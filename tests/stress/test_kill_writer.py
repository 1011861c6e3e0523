"""Crash safety of annotating: a real writer process SIGKILLed at random moments, many times.

tests/stress/writer.py annotates through Project.open + Workspace (the GUI's store API) and
prints `DO` before and `ACK` after every action (see its docstring). After every kill the
project file is checked with plain sqlite3, not annotator code.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from annotator import RESOURCES, SEEDS
from annotator.core.schema import load_schema
from annotator.io.importing import import_paths
from annotator.store import Project

pytestmark = pytest.mark.stress

WRITER = Path(__file__).with_name("writer.py")
ROOT = Path(__file__).resolve().parents[2]
KILLS = 60
SEED = int(os.environ.get("STRESS_SEED", "20250611"))
EVERY_NTH_KILLED_ANYTIME = 6  # these rounds are killed at any moment, also while opening


# -- the project as plain SQLite sees it -------------------------------------------------------

def _attrs(value: dict) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def read_state(conn: sqlite3.Connection, texts: dict[str, str]) -> dict:
    """Spans, relations, canonical entities and document statuses, keyed ("span", id) etc."""
    state: dict = {}
    for doc_id, status in conn.execute("SELECT id, status FROM documents"):
        state[("status", doc_id)] = status
    for sid, doc, start, end, text, layer, label, entity, attrs in conn.execute(
        'SELECT id, doc_id, start, "end", text, layer, label, entity_id, attrs FROM spans'
    ):
        assert text == texts[doc][start:end], f"span {sid}: stored text does not match the document"
        state[("span", sid)] = {"doc": doc, "start": start, "end": end, "text": text, "layer": layer,
                                "label": label, "entity": entity, "attrs": _attrs(json.loads(attrs))}
    for rid, doc, head, child, label in conn.execute("SELECT id, doc_id, head, child, label FROM relations"):
        state[("rel", rid)] = {"doc": doc, "head": head, "child": child, "label": label}
    for eid, etype, name in conn.execute("SELECT id, type, name FROM entities"):
        state[("entity", eid)] = {"type": etype, "name": name}
    return state


def check_file(path: Path, texts: dict[str, str]) -> dict:
    """integrity_check and foreign_key_check through a read-only connection (it cannot
    checkpoint, so the next writer still meets the dead writer's WAL), then the state."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        return read_state(conn, texts)
    finally:
        conn.close()


# -- what the acknowledged actions imply ---------------------------------------------------------

class Expected:
    """The project state implied by the acknowledged lines, computed independently of annotator.

    Undo/redo mirror the Workspace history: every acknowledged action except `open` is one undo
    step (its diff: key -> (before, after)); a new action clears the redo stack; a restarted
    writer starts with an empty history.
    """

    def __init__(self, state: dict, texts: dict[str, str], layer_of: dict[str, str], kinds: dict,
                 defaults: dict | None = None):
        self.state = state
        self.texts = texts
        self.layer_of = layer_of
        self.kinds = kinds  # (layer, attribute) -> kind
        self.defaults = defaults or {}  # layer -> {attribute: default} a new span starts with
        self.done: list[dict] = []
        self.undone: list[dict] = []

    def new_writer(self) -> None:
        self.done.clear()
        self.undone.clear()

    def effect(self, state: dict, a: dict) -> dict:
        """The state after action `a` (not undo/redo); `a` carries the ids the API chose."""
        new = dict(state)
        op = a["op"]
        # Opening changes nothing; the first annotation in a new document puts it in progress
        # as part of that action (so its undo makes the document new again).
        doc = a.get("doc") if op in ("add", "status") else (state.get(("span", a.get("id"))) or {}).get("doc")
        if op not in ("open", "status") and doc is not None and new.get(("status", doc)) == "new":
            new[("status", doc)] = "in_progress"
        if op == "open":
            pass
        elif op == "status":
            new[("status", a["doc"])] = a["value"]
        elif op == "add":
            text = self.texts[a["doc"]]
            new[("span", a["id"])] = {"doc": a["doc"], "start": a["start"], "end": a["end"],
                                      "text": text[a["start"]:a["end"]], "layer": self.layer_of[a["label"]],
                                      "label": a["label"], "entity": None,
                                      "attrs": _attrs(self.defaults.get(self.layer_of[a["label"]], {}))}
        elif op == "delete":
            del new[("span", a["id"])]
            for key, rel in state.items():
                if key[0] == "rel" and a["id"] in (rel["head"], rel["child"]):
                    del new[key]  # ON DELETE CASCADE
        elif op == "relabel":
            span = dict(state[("span", a["id"])])
            layer = self.layer_of[a["label"]]
            if layer != span["layer"]:  # attributes and links belong to a layer: the new one's defaults
                span.update(attrs=_attrs(self.defaults.get(layer, {})), entity=None)
            span.update(layer=layer, label=a["label"])
            new[("span", a["id"])] = span
        elif op == "attr":
            span = dict(state[("span", a["id"])])
            attrs = json.loads(span["attrs"])
            value = a["value"]
            if value is None:
                attrs.pop(a["name"], None)
            elif self.kinds[(span["layer"], a["name"])] == "span":
                start, end = value
                attrs[a["name"]] = {"start": start, "end": end, "text": self.texts[span["doc"]][start:end]}
            else:
                attrs[a["name"]] = value
            span["attrs"] = _attrs(attrs)
            new[("span", a["id"])] = span
        elif op == "claimant":
            current = next((rel["child"] for key, rel in state.items() if key[0] == "rel"
                            and rel["head"] == a["id"] and rel["label"] == "claimant"), None)
            current = current or json.loads(state[("span", a["id"])]["attrs"]).get("claimant")
            if current == a["target"]:
                return new  # the same claimant again changes nothing (and is no undo step)
            for key, rel in state.items():
                if key[0] == "rel" and rel["head"] == a["id"] and rel["label"] == "claimant":
                    del new[key]
            span = dict(state[("span", a["id"])])
            attrs = json.loads(span["attrs"])
            attrs.pop("claimant", None)
            if a["target"] in ("AUTHOR", "UNKNOWN"):
                attrs["claimant"] = a["target"]
            elif a["target"] is not None:
                new[("rel", a["rel"])] = {"doc": span["doc"], "head": a["id"], "child": a["target"],
                                          "label": "claimant"}
            span["attrs"] = _attrs(attrs)
            new[("span", a["id"])] = span
        elif op == "entity":
            span = dict(state[("span", a["id"])])
            new[("entity", a["entity"])] = {"type": span["label"], "name": span["text"].strip()}
            span["entity"] = a["entity"]
            new[("span", a["id"])] = span
        else:
            raise AssertionError(f"unknown action {a}")
        return new

    @staticmethod
    def _diff(before: dict, after: dict) -> dict:
        return {k: (before.get(k), after.get(k)) for k in before.keys() | after.keys()
                if before.get(k) != after.get(k)}

    @staticmethod
    def _put(state: dict, diff: dict, side: int) -> dict:
        new = dict(state)
        for key, pair in diff.items():
            if pair[side] is None:
                new.pop(key, None)
            else:
                new[key] = pair[side]
        return new

    def acknowledge(self, a: dict) -> None:
        op = a["op"]
        if op in ("undo", "redo"):
            stack, other = (self.done, self.undone) if op == "undo" else (self.undone, self.done)
            assert a["did"] == bool(stack), f"the writer's {op} disagrees with the history model"
            if stack:
                diff = stack.pop()
                self.state = self._put(self.state, diff, 0 if op == "undo" else 1)
                other.append(diff)
            return
        new = self.effect(self.state, a)
        diff = self._diff(self.state, new)
        # Opening is not an undoable action, and neither is one that changes nothing (the
        # workspace records no undo step for it).
        if op != "open" and diff:
            self.done.append(diff)
            self.undone.clear()
        self.state = new

    def with_in_flight(self, a: dict, db: dict) -> dict | None:
        """The acknowledged state plus the one unacknowledged action `a` (ids it would create are
        taken from the database: exactly one new one of each kind), or None if impossible."""
        op = a["op"]
        if op in ("undo", "redo"):
            stack = self.done if op == "undo" else self.undone
            return self._put(self.state, stack[-1], 0 if op == "undo" else 1) if stack else None
        a = dict(a)
        fresh = {kind: [k[1] for k in db if k[0] == kind and k not in self.state] for kind in ("span", "rel", "entity")}
        needs = {"add": [("span", "id")], "entity": [("entity", "entity")],
                 "claimant": [("rel", "rel")] if a.get("target") not in (None, "AUTHOR", "UNKNOWN") else []}
        for kind, field in needs.get(op, []):
            if len(fresh[kind]) != 1:
                return None
            a[field] = fresh[kind][0]
        try:
            return self.effect(self.state, a)
        except KeyError:
            return None


# -- running the writer ---------------------------------------------------------------------

class Output:
    """Collects a child's stdout bytes in a thread (a full pipe would stall the writer)."""

    def __init__(self, stream):
        self.data = bytearray()
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._pump, args=(stream,), daemon=True)
        self.thread.start()

    def _pump(self, stream) -> None:
        fd = stream.fileno()
        while chunk := os.read(fd, 65536):
            self.data += chunk
            if b"\nREADY\n" in self.data[-4096:] or self.data.startswith(b"READY\n"):
                self.ready.set()
        self.ready.set()

    def lines(self) -> list[str]:
        """Complete lines only: a line cut by the kill was never acknowledged."""
        return [line.decode("utf-8") for line in bytes(self.data).split(b"\n")[:-1]]


def make_project(path: Path) -> None:
    with Project.create(path, load_schema(RESOURCES / "schemas" / "news.toml")) as project:
        report = import_paths(project, [SEEDS])
        assert report.documents >= 3 and not report.rejected


def describe(expected: dict, db: dict) -> str:
    missing = [k for k in expected if k not in db]
    changed = [k for k in expected if k in db and db[k] != expected[k]]
    extra = [k for k in db if k not in expected]
    lines = [f"{len(missing)} missing, {len(changed)} different, {len(extra)} unexpected"]
    for k in (missing + changed + extra)[:10]:
        lines.append(f"  {k}: expected {expected.get(k)!r}, database {db.get(k)!r}")
    return "\n".join(lines)


def test_killed_writer_loses_no_acknowledged_action(tmp_path):
    """Rule checked after every SIGKILL: PRAGMA integrity_check is "ok", foreign_key_check is
    empty, and the spans (id, document, offsets, text == document text slice, layer, label,
    attributes, entity link), relations, canonical entities and document statuses in the file are
    EXACTLY the state implied by the acknowledged (ACK) actions - or that state plus the effect
    of the single next action, the one announced by the last DO line without an ACK (it may have
    committed before the kill cut its ACK). Nothing else: no acknowledged action lost, no
    half-applied action, no action that was never attempted.

    Each round restarts the writer on the same file, so it also proves that the dead writer's
    lock is released by the OS and that its WAL is recovered."""
    rng = random.Random(SEED)
    path = tmp_path / "kill.annotator"
    make_project(path)
    conn = sqlite3.connect(path)
    texts = dict(conn.execute("SELECT id, text FROM documents"))
    layer_of = dict(conn.execute("SELECT name, layer FROM labels"))
    kinds = {(layer, name): kind for layer, name, kind in conn.execute("SELECT layer, name, kind FROM attributes")}
    defaults: dict = {}
    for layer, name, kind, default in conn.execute("SELECT layer, name, kind, default_value FROM attributes"):
        if default is not None and kind != "span":
            defaults.setdefault(layer, {})[name] = default
    conn.close()
    expected = Expected(check_file(path, texts), texts, layer_of, kinds, defaults)

    started = time.monotonic()
    kills = acked = refused = in_flight_committed = in_flight_absent = 0
    by_op: dict[str, int] = {}
    for round_no in range(KILLS):
        anytime = round_no % EVERY_NTH_KILLED_ANYTIME == EVERY_NTH_KILLED_ANYTIME - 1
        seed = rng.randrange(2**31)
        delay = rng.uniform(0.0, 0.6) if anytime else rng.uniform(0.02, 0.4)
        with open(tmp_path / f"writer-{round_no}.err", "w+b") as err:
            proc = subprocess.Popen([sys.executable, str(WRITER), str(path), str(seed)],
                                    stdout=subprocess.PIPE, stderr=err, cwd=ROOT)
            out = Output(proc.stdout)
            if not anytime:
                out.ready.wait(60)
            time.sleep(delay)
            alive = proc.poll() is None
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            out.thread.join()
            proc.stdout.close()
            err.seek(0)
            stderr = err.read().decode("utf-8", "replace")
        assert alive, f"round {round_no}: the writer (seed {seed}) died by itself:\n{stderr}"
        kills += 1
        lines = out.lines()
        assert anytime or "READY" in lines, f"round {round_no}: the writer never got going:\n{stderr}"

        expected.new_writer()
        pending = None
        for line in lines:
            kind, _, payload = line.partition(" ")
            if kind == "READY":
                continue
            record = json.loads(payload)
            if kind == "DO":
                pending = record
            elif kind == "NAK":
                pending = None
                refused += 1
            elif kind == "ACK":
                assert pending is not None and record["op"] == pending["op"], line
                expected.acknowledge(record)
                pending = None
                acked += 1
                by_op[record["op"]] = by_op.get(record["op"], 0) + 1
            else:
                raise AssertionError(f"unexpected writer output {line!r}")

        db = check_file(path, texts)
        if db == expected.state:
            in_flight_absent += pending is not None
        else:
            candidate = expected.with_in_flight(pending, db) if pending else None
            assert candidate == db, (
                f"round {round_no} (writer seed {seed}, killed after {delay:.3f}s): the project is not the "
                f"acknowledged state{' nor that plus ' + json.dumps(pending) if pending else ''}:\n"
                + describe(expected.state, db)
            )
            in_flight_committed += 1
            expected.state = candidate

    # The last kill left a WAL behind: annotator itself opens and closes the file normally.
    Project.open(path).close()
    assert check_file(path, texts) == expected.state

    spans = sum(1 for k in expected.state if k[0] == "span")
    relations = sum(1 for k in expected.state if k[0] == "rel")
    print(f"\nkill-writer: {kills} kills, {acked} acknowledged actions "
          f"({', '.join(f'{op} {n}' for op, n in sorted(by_op.items()))}), {refused} refused by the API, "
          f"in-flight action at the kill: committed {in_flight_committed}, absent {in_flight_absent}; "
          f"lost 0; final project {spans} spans, {relations} relations; {time.monotonic() - started:.1f}s")
