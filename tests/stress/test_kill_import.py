"""Crash safety of importing: `annotator import` (the real console script) SIGKILLed at random
moments; after every kill each document is either fully in the project (text, status, every
span and relation) or absent, and re-running the same import completes it."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.stress

ANNOTATOR = Path(sys.executable).with_name("annotator")
SEED = int(os.environ.get("STRESS_SEED", "20250611"))
DOCS = 3000
KILLS = 10
TXT_FILES = 1500

WORDS = ("قال وزير الدفاع الروسي سيرغي شويغو إن روسيا وكوريا الشمالية تتعاونان في مجالات عدة "
         "وأكدت وكالة الأنباء الرسمية أن الزيارة ستؤدي إلى تعزيز العلاقات بين البلدين خلال العام "
         "المقبل وسط التوترات المتصاعدة في شبه الجزيرة الكورية ومطار بيونغ يانغ الدولي").split()
LABELS = ("PERSON", "ORG", "GPE", "LOC", "DATE", "EVENT", "NORP")


def make_document(rng: random.Random, n: int) -> dict:
    """A native record: unique text (~1,000 characters), entity spans, claims and relations."""
    words = [f"الخبر رقم {n}:"] + [rng.choice(WORDS) for _ in range(rng.randrange(80, 220))]
    if n % 7 == 0:
        words.insert(3, "😀")  # an astral character: offsets are code points
    text = " ".join(words)
    places, pos = [], 0
    for word in words:
        places.append((pos, pos + len(word)))
        pos += len(word) + 1
    spans, relations, i = [], [], 1
    while i < len(places) - 12:
        if rng.random() < 0.15:
            length = rng.randrange(1, 3)
            start, end = places[i][0], places[i + length - 1][1]
            span = {"id": f"d{n}-s{len(spans)}", "start": start, "end": end, "text": text[start:end],
                    "layer": "entity", "label": rng.choice(LABELS), "entity": None, "attrs": {},
                    "annotator": "gen", "created": "2025-01-01T00:00:00.000Z", "updated": "2025-01-01T00:00:00.000Z"}
            if rng.random() < 0.2:
                span["entity"] = {"id": f"ent-{rng.randrange(50)}", "name": "كيان", "type": span["label"]}
            spans.append(span)
            if rng.random() < 0.3:  # a claim over the following words, claimed by this entity
                cstart, cend = places[i + length][0], places[i + length + rng.randrange(2, 9)][1]
                claim = {"id": f"d{n}-s{len(spans)}", "start": cstart, "end": cend, "text": text[cstart:cend],
                         "layer": "claim", "label": "CLAIM", "entity": None,
                         "attrs": {"stance": rng.choice(["affirm", "deny"])}, "annotator": "gen",
                         "created": "2025-01-01T00:00:00.000Z", "updated": "2025-01-01T00:00:00.000Z"}
                spans.append(claim)
                relations.append({"id": f"d{n}-r{len(relations)}", "head": claim["id"], "child": span["id"],
                                  "label": "claimant"})
            i += length + 1
        else:
            i += 1
    return {"id": f"doc-{n:05d}", "text": text,
            "meta": {"title": f"الخبر {n}", "source": "stress", "url": None, "file": None},
            "status": rng.choice(["new", "done", "in_progress"]), "spans": spans, "relations": relations,
            "schema_version": 1}


def run(*args, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run([str(ANNOTATOR), *map(str, args)], check=False, capture_output=True, text=True,
                          timeout=timeout)


def check(path: Path) -> sqlite3.Connection:
    """A read-only connection after integrity_check and foreign_key_check passed."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    return conn


def stored_documents(path: Path, source: dict[str, dict]) -> int:
    """Every stored document is whole (text, status, exactly its spans and relations); returns
    how many are stored."""
    conn = check(path)
    try:
        spans: dict[str, set] = {}
        for sid, doc, start, end, text, layer, label, entity, attrs in conn.execute(
            'SELECT id, doc_id, start, "end", text, layer, label, entity_id, attrs FROM spans'
        ):
            spans.setdefault(doc, set()).add((sid, start, end, text, layer, label, entity, attrs))
        relations: dict[str, set] = {}
        for rid, doc, head, child, label in conn.execute("SELECT id, doc_id, head, child, label FROM relations"):
            relations.setdefault(doc, set()).add((rid, head, child, label))
        count = 0
        for doc_id, text, status in conn.execute("SELECT id, text, status FROM documents"):
            record = source[doc_id]
            assert (text, status) == (record["text"], record["status"]), doc_id
            want = {(s["id"], s["start"], s["end"], s["text"], s["layer"], s["label"],
                     s["entity"]["id"] if s["entity"] else None,
                     json.dumps(s["attrs"], ensure_ascii=False, separators=(",", ":")) if s["attrs"] else "{}")
                    for s in record["spans"]}
            assert spans.pop(doc_id, set()) == want, f"{doc_id}: spans differ from the source"
            want = {(r["id"], r["head"], r["child"], r["label"]) for r in record["relations"]}
            assert relations.pop(doc_id, set()) == want, f"{doc_id}: relations differ from the source"
            count += 1
        assert not spans and not relations, "spans or relations of documents that are not stored"
        return count
    finally:
        conn.close()


def wal_changed(path: Path):
    """True once the -wal file changed: the import is writing a batch's transaction."""
    wal = path.with_name(path.name + "-wal")

    def stamp():
        try:
            st = wal.stat()
            return st.st_size, st.st_mtime_ns
        except FileNotFoundError:
            return None

    before = stamp()

    def changed():
        now = stamp()
        return now is not None and now[0] > 0 and now != before  # opening creates an empty one

    return changed


def documents_grew(path: Path):
    """True once a batch committed (a plain read-only connection sees more documents)."""
    def count():
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()

    before = count()
    return lambda: count() > before


def after(seconds: float):
    deadline = time.monotonic() + seconds
    return lambda: time.monotonic() >= deadline


def kill_when(args: list, condition, extra: float, tmp: Path) -> tuple[bool, str]:
    """Start `annotator ARGS...`, SIGKILL it `extra` s after `condition()` becomes true;
    (was it still running when killed, its stderr)."""
    with open(tmp / "import.err", "w+b") as err:
        proc = subprocess.Popen([str(ANNOTATOR), *map(str, args)], stdout=subprocess.DEVNULL, stderr=err)
        while proc.poll() is None and not condition():
            time.sleep(0.002)
        time.sleep(extra)
        alive = proc.poll() is None
        if alive:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        err.seek(0)
        return alive, err.read().decode("utf-8", "replace")


def duplicates_reported(stdout: str) -> int:
    return int(re.search(r"(\d+) duplicates skipped", stdout).group(1))


def test_killed_import_leaves_whole_documents_and_rerun_completes(tmp_path):
    """A 3,000-document native JSONL import is SIGKILLed 10 times, each time re-run on the same
    project. After every kill: integrity_check ok, foreign_key_check empty, every stored document
    equals its source record (text, status, exactly its spans and relations, by id) - whole or
    absent - and no stored document disappears. Then an uninterrupted run exits 0, stores the
    rest and reports the ones already stored as duplicates."""
    rng = random.Random(SEED)
    source = tmp_path / "big.jsonl"
    records = [make_document(rng, n) for n in range(DOCS)]
    with open(source, "w", encoding="utf-8") as out:
        out.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    by_id = {r["id"]: r for r in records}
    started = time.monotonic()

    # How long an uninterrupted import takes, so the kills can land anywhere in one.
    reference = tmp_path / "reference.annotator"
    assert run("init", reference).returncode == 0
    t0 = time.monotonic()
    done = run("import", reference, source)
    full = time.monotonic() - t0
    assert done.returncode == 0, done.stderr
    assert stored_documents(reference, by_id) == DOCS

    path = tmp_path / "killed.annotator"
    assert run("init", path).returncode == 0
    # The moments: at a random time (startup, parsing, a batch), as soon as the WAL changes
    # (inside a batch's transaction or its commit), and just after a batch committed (the
    # next one is being read or written). Re-runs skip what is stored and continue from there.
    moments = ["time", "wal", "committed", "wal", "time", "wal", "committed", "time", "wal", "committed"]
    kills, stored, history = 0, 0, []
    for k in range(KILLS):
        moment = moments[k % len(moments)]
        if moment == "time":
            condition, extra = after(rng.uniform(0.05, 0.3) * full), 0.0
        elif moment == "wal":
            condition, extra = wal_changed(path), rng.uniform(0.0, 0.03)
        else:
            condition, extra = documents_grew(path), rng.uniform(0.0, 0.05)
        alive, err = kill_when(["import", path, source], condition, extra, tmp_path)
        assert alive, f"kill {k} ({moment}): the import finished first:\n{err}"
        kills += 1
        now_stored = stored_documents(path, by_id)
        assert now_stored >= stored, "a killed re-run lost documents an earlier run had stored"
        history.append(f"{moment}:{now_stored}")
        stored = now_stored
    assert stored < DOCS, "the killed runs completed the import: the final run would prove nothing"

    final = run("import", path, source)
    assert final.returncode == 0, final.stderr
    assert stored_documents(path, by_id) == DOCS
    assert duplicates_reported(final.stdout) == stored
    assert f"imported {DOCS - stored} documents" in final.stdout
    spans = sum(len(r["spans"]) for r in records)
    print(f"\nkill-import: {kills} kills of `annotator import` ({DOCS} documents, {spans} spans; full run "
          f"{full:.1f}s); moment:documents stored after each kill {' '.join(history)}; final run imported "
          f"{DOCS - stored}, {stored} reported as duplicates; all {DOCS} documents whole, lost 0; "
          f"{time.monotonic() - started:.1f}s")


def test_killed_folder_import_leaves_whole_documents_and_rerun_completes(tmp_path):
    """A folder of 1,500 text files, killed once mid-import: the stored documents are files'
    texts (no spans), the file passes integrity_check and foreign_key_check, and a re-run
    imports exactly the rest (every file once)."""
    rng = random.Random(SEED + 1)
    folder = tmp_path / "articles"
    texts = {}
    for n in range(TXT_FILES):
        sub = folder / f"{n % 10:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        text = f"مقال {n}\n" + "\n".join(" ".join(rng.choice(WORDS) for _ in range(12)) for _ in range(20))
        (sub / f"{n:05d}.txt").write_text(text, "utf-8")
        texts[text] = n
    path = tmp_path / "folder.annotator"
    assert run("init", path).returncode == 0
    started = time.monotonic()

    # Killed just after its first batch committed: the next one is being read or written.
    alive, err = kill_when(["import", path, folder], documents_grew(path), rng.uniform(0.0, 0.1), tmp_path)
    assert alive, f"the folder import finished before it was killed:\n{err}"
    conn = check(path)
    try:
        rows = conn.execute(
            "SELECT text, (SELECT count(*) FROM spans s WHERE s.doc_id = d.id) FROM documents d").fetchall()
    finally:
        conn.close()
    assert all(text in texts and n_spans == 0 for text, n_spans in rows)
    stored = len(rows)

    final = run("import", path, folder)
    assert final.returncode == 0, final.stderr
    conn = check(path)
    try:
        assert sorted(texts[t] for (t,) in conn.execute("SELECT text FROM documents")) == list(range(TXT_FILES))
    finally:
        conn.close()
    assert duplicates_reported(final.stdout) == stored
    assert 0 < stored < TXT_FILES
    print(f"\nkill-folder-import: killed after a batch committed, {stored}/{TXT_FILES} files "
          f"stored (whole); the re-run imported the rest; {time.monotonic() - started:.1f}s")
