"""A real annotating process for the crash tests: `python tests/stress/writer.py PROJECT SEED`.

It opens PROJECT through the store API the GUI uses (Project.open + Workspace, annotator
"writer") and loops forever doing random annotation actions. Around every action it prints one
line to stdout and flushes it:

    DO {json}    before calling the API (the action that may be in flight when killed)
    ACK {json}   after the call returned, i.e. after its transaction committed
    NAK {json}   the API refused the action (AnnotationError, e.g. an overlap): nothing changed

The JSON of an ACK repeats the intent and adds what the API chose (new span, relation and
entity ids), so tests/stress/test_kill_writer.py can compute the exact expected project state
from the acknowledged lines. Actions (field "op"):

    open     doc                        open a document (a new one becomes in_progress)
    add      doc start end label  +id   a span on a word range of the open document
    delete   id                         delete a span (its relations go with it)
    relabel  id label                   change a span's label (possibly its layer)
    attr     id name value              set (value) or clear (null) a claim attribute;
                                        for the "cue" attribute value is [start, end]
    claimant id target        +rel      a claim's claimant: an entity span id, AUTHOR, UNKNOWN
                                        or null; +rel is the new relation id (or null)
    entity   id               +entity +name +type   link a span to a new canonical entity
    status   doc value                  set the open document's status (undoable)
    undo / redo               +did      the Workspace's undo/redo; did=false: nothing to undo

`READY` is printed once the project and the first document are open.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from annotator.store import Project
from annotator.store.workspace import AnnotationError, Workspace

CHOICES = {
    "attribution": ["direct_quote", "indirect", "author"],
    "stance": ["affirm", "deny"],
    "claim_type": ["factual", "statistical", "causal", "quote", "policy", "prediction", "other"],
    "checkworthy": ["no", "low", "high"],
    "verifiable": ["yes", "no"],
}
NOTES = ["تحقق من المصدر", "needs a source", "رقم غير دقيق 😀", "see the ministry's statement"]
STATUSES = ["in_progress", "done", "skipped"]


def say(kind: str, record: dict) -> None:
    sys.stdout.write(f"{kind} {json.dumps(record, ensure_ascii=False, separators=(',', ':'))}\n")
    sys.stdout.flush()


class Writer:
    def __init__(self, project: Project, seed: int):
        self.rng = random.Random(seed)
        self.project = project
        self.ws = Workspace(project, "writer")
        self.doc_ids = [row[0] for row in project.document_rows()]
        labels = project.schema.labels()
        self.entity_labels = [lab.name for lab in labels if lab.layer == "entity"]
        self.claim_labels = [lab.name for lab in labels if lab.layer == "claim"]
        self.words: list[tuple[int, int]] = []

    # -- choosing -----------------------------------------------------------------------

    def spans(self, layer: str | None = None) -> list:
        return sorted((s for s in self.ws.spans if layer is None or s.layer == layer), key=lambda s: s.id)

    def pick_span(self, layer: str | None = None):
        spans = self.spans(layer)
        return self.rng.choice(spans) if spans else None

    def word_range(self, most: int) -> tuple[int, int]:
        i = self.rng.randrange(len(self.words))
        j = min(len(self.words) - 1, i + self.rng.randrange(most))
        return self.words[i][0], self.words[j][1]

    def next_action(self) -> dict | None:
        rng = self.rng
        doc = self.ws.document
        r = rng.random()
        if doc is None or r < 0.04:
            return {"op": "open", "doc": rng.choice(self.doc_ids)}
        if r < 0.40:
            if rng.random() < 0.7:
                start, end = self.word_range(3)
                label = rng.choice(self.entity_labels)
            else:
                start, end = self.word_range(12)
                label = rng.choice(self.claim_labels)
            return {"op": "add", "doc": doc.id, "start": start, "end": end, "label": label}
        if r < 0.50:
            span = self.pick_span()
            return span and {"op": "delete", "id": span.id}
        if r < 0.60:
            span = self.pick_span()
            if span is None:
                return None
            others = [name for name in self.entity_labels + self.claim_labels if name != span.label]
            return {"op": "relabel", "id": span.id, "label": rng.choice(others)}
        if r < 0.70:
            span = self.pick_span("claim")
            if span is None:
                return None
            name = rng.choice([*CHOICES, "note", "cue"])
            if rng.random() < 0.2:
                value = None
            elif name == "note":
                value = rng.choice(NOTES)
            elif name == "cue":
                value = list(self.word_range(2))
            else:
                value = rng.choice(CHOICES[name])
            current = span.attrs.get(name)
            if isinstance(current, dict):
                current = [current["start"], current["end"]]
            if value == current:
                return None  # setting the value it has does nothing (no transaction)
            return {"op": "attr", "id": span.id, "name": name, "value": value}
        if r < 0.78:
            claim = self.pick_span("claim")
            if claim is None:
                return None
            entity = self.pick_span("entity")
            target = rng.choice([entity.id if entity else None, "AUTHOR", "UNKNOWN", None])
            return {"op": "claimant", "id": claim.id, "target": target}
        if r < 0.82:
            span = self.pick_span("entity")
            return span and {"op": "entity", "id": span.id}
        if r < 0.85:
            value = rng.choice([s for s in STATUSES if s != doc.status])
            return {"op": "status", "doc": doc.id, "value": value}
        if r < 0.95:
            return {"op": "undo"}
        return {"op": "redo"}

    # -- doing --------------------------------------------------------------------------

    def perform(self, action: dict) -> dict:
        """Run the action through the Workspace; return what the ACK line adds."""
        ws, op = self.ws, action["op"]
        if op == "open":
            doc = ws.open_document(action["doc"])
            self.words = [m.span() for m in re.finditer(r"\S+", doc.text)]
            return {"status": doc.status}
        if op == "add":
            return {"id": ws.add_span(action["start"], action["end"], action["label"]).span.id}
        if op == "delete":
            ws.delete_span(action["id"])
            return {}
        if op == "relabel":
            return changed(action, ws.relabel(action["id"], action["label"]))
        if op == "attr":
            value = tuple(action["value"]) if action["name"] == "cue" and action["value"] else action["value"]
            return changed(action, ws.set_attribute(action["id"], action["name"], value))
        if op == "claimant":
            change = ws.set_claimant(action["id"], action["target"])
            return {"rel": change.relations_added[0].id if change.relations_added else None}
        if op == "entity":
            entity = ws.link_new_entity(action["id"]).span.entity
            return {"entity": entity.id, "name": entity.name, "type": entity.type}
        if op == "status":
            return changed(action, ws.set_status(action["value"]))
        if op == "undo":
            return {"did": not ws.undo().empty}
        if op == "redo":
            return {"did": not ws.redo().empty}
        raise AssertionError(op)

    def run(self) -> None:
        first = {"op": "open", "doc": self.rng.choice(self.doc_ids)}
        say("DO", first)
        say("ACK", {**first, **self.perform(first)})
        print("READY", flush=True)
        while True:
            action = self.next_action()
            if action is None:
                continue
            say("DO", action)
            try:
                result = self.perform(action)
            except AnnotationError as exc:
                say("NAK", {"op": action["op"], "reason": str(exc)})
                continue
            say("ACK", {**action, **result})


def changed(action: dict, change) -> dict:
    """Actions that change nothing run no transaction and record no undo step (an empty
    Change); the writer never asks for those, and says so if the API disagrees."""
    if change.empty:
        raise AssertionError(f"{action} changed nothing")
    return {}


def main() -> None:
    path, seed = sys.argv[1], int(sys.argv[2])
    Writer(Project.open(path), seed).run()


if __name__ == "__main__":
    main()
