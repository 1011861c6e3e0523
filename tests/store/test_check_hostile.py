"""`annotator check` on hostile and damaged projects: never a traceback, linear in spans, the
rules SQLite cannot check, and a --repair that deletes nothing a user made."""

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator import RESOURCES
from annotator.core.model import Document, Relation, Span
from annotator.core.overlap import conflicts
from annotator.core.schema import load_schema
from annotator.core.text import content_hash
from annotator.store import Project
from annotator.store.check import Problem, RepairError, _overlaps, check, repair

ANNOTATOR = Path(sys.executable).with_name("annotator")

SCHEMA = """
name = "hostile"
[layers.token]
overlap = "none"
[[layers.token.labels]]
name = "TOK"
color = "#336699"
[layers.entity]
overlap = "nested"
[[layers.entity.labels]]
name = "PERSON"
color = "#aa0000"
[[layers.entity.labels]]
name = "ORG"
color = "#00aa00"
[layers.claim]
overlap = "any"
[[layers.claim.labels]]
name = "CLAIM"
color = "#0000aa"
"""


def run(*args):
    return subprocess.run([str(ANNOTATOR), *map(str, args)], capture_output=True, text=True)


def span(sid, text, start, end, layer="entity", label="PERSON"):
    return Span(sid, start, end, text[start:end], layer, label)


def make(tmp_path, docs, name="p.annotator"):
    schema_file = tmp_path / "schema.toml"
    schema_file.write_text(SCHEMA, encoding="utf-8")
    path = tmp_path / name
    with Project.create(path, load_schema(schema_file)) as project:
        project.add_documents(docs)
    return path


def doc(doc_id, text, spans=(), relations=()):
    return Document(doc_id, text, {"title": doc_id}, "done", list(spans), list(relations), content_hash(text))


def words_doc(doc_id, words, layer="entity", label="PERSON"):
    """A document of `words` distinct words with a span on each."""
    head = f"{doc_id}\n"  # every text distinct (content hashes are unique)
    text = head + " ".join(f"كلمة{n:05d}" for n in range(words))
    spans = [span(f"{doc_id}.{n}", text, len(head) + n * 10, len(head) + n * 10 + 9, layer, label)
             for n in range(words)]
    return doc(doc_id, text, spans)


def tamper(path, *statements):
    """Write as a careless tool would: foreign keys and CHECK constraints off."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("PRAGMA ignore_check_constraints=ON")
    for statement, params in statements:
        conn.execute(statement, params)
    conn.commit()
    conn.close()


def problems_of(path):
    conn = sqlite3.connect(path)
    try:
        return check(conn)
    finally:
        conn.close()


def kinds(problems):
    return sorted({p.kind for p in problems})


@pytest.fixture
def sound(tmp_path):
    text = "قال وزير الدفاع سيرغي شويغو إن الزيارة ناجحة"
    a = text.index("سيرغي")
    c = text.index("إن")
    spans = [span("person", text, a, a + 11), span("claim", text, c, len(text), "claim", "CLAIM")]
    other = "نص آخر لا علاقة له بالأول"
    path = make(tmp_path, [doc("d1", text, spans, [Relation("rel", "claim", "person", "claimant")]),
                           doc("d2", other), doc("d3", other + " ثالث")])
    assert problems_of(path) == []
    return path


# -- 1. damaged files: a report line, never a traceback ---------------------------------------

def _damage_middle(data, page, root):
    mid = len(data) // 2
    data[mid:mid + 3000] = bytes((n * 151 + 7) % 256 for n in range(3000))


def _damage_spans_page(data, page, root):
    data[(root - 1) * page:root * page] = bytes(page)


def _damage_schema_page(data, page, root):
    data[100:page] = bytes(page - 100)  # the header survives: opening the file still works


def _damage_truncate(data, page, root):
    del data[len(data) // 2:]


def _damage_header(data, page, root):
    data[0:16] = b"not a database!!"


DAMAGES = {"bytes in the middle": _damage_middle, "a zeroed page of spans": _damage_spans_page,
           "a zeroed schema page": _damage_schema_page, "truncated": _damage_truncate,
           "not a database": _damage_header}


@pytest.fixture
def damageable(tmp_path):
    docs = [words_doc(f"d{n}", 150) for n in range(12)]  # spans over several b-tree pages
    path = make(tmp_path, docs)
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    conn = sqlite3.connect(path)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'spans'").fetchone()[0]
    conn.close()
    return path, page, root


@pytest.mark.parametrize("how", DAMAGES)
def test_a_damaged_file_is_a_problem_line_not_an_exception(damageable, how):
    path, page, root = damageable
    data = bytearray(path.read_bytes())
    DAMAGES[how](data, page, root)
    path.write_bytes(bytes(data))
    problems = problems_of(path)
    assert problems and kinds(problems)[0] in ("damaged", "integrity")
    assert all(not p.repair for p in problems)
    line = str(problems[0])
    assert str(path) in line and "backup" in line


@pytest.mark.parametrize("how", DAMAGES)
def test_the_cli_says_so_in_clear_lines_and_exits_1(damageable, how):
    path, page, root = damageable
    data = bytearray(path.read_bytes())
    DAMAGES[how](data, page, root)
    path.write_bytes(bytes(data))
    for args in (("check", path), ("check", path, "--repair")):
        result = run(*args)
        output = result.stdout + result.stderr
        assert result.returncode == 1, output
        assert "Traceback" not in output and "Error:" not in output.replace("Error: " + str(path), "")
        assert path.name in output
    assert path.read_bytes() == bytes(data)  # --repair wrote nothing to a damaged file


def test_text_that_is_not_utf8_is_named_not_a_crash(sound):
    tamper(sound, ("UPDATE documents SET text = CAST(X'D986D8B5FF' AS TEXT) WHERE id = 'd2'", ()))
    problems = problems_of(sound)
    texts = [str(p) for p in problems if p.kind == "document text"]
    assert texts and "documents d2" in texts[0] and "lone surrogate" in texts[0]


def test_a_dropped_table_is_a_problem_line(sound):
    tamper(sound, ("DROP TABLE relations", ()))
    problems = problems_of(sound)
    assert [p.kind for p in problems] == ["damaged"] and "relations" in problems[0].detail


# -- 2. linear in spans ---------------------------------------------------------------------

def _counted(path):
    """Run check with every SQL statement and every substr() call counted."""
    conn = sqlite3.connect(path)
    statements, substr_calls = [], []

    def substr(value, start, length=None):
        substr_calls.append(1)
        return value[start - 1:] if length is None else value[start - 1:start - 1 + length]

    # An application-defined substr() replaces SQLite's: a query that slices the document
    # text per span (quadratic: SQLite walks UTF-8 from the start) shows up as calls here.
    conn.create_function("substr", 3, substr)
    conn.create_function("substr", 2, substr)
    conn.set_trace_callback(statements.append)
    try:
        assert check(conn) == []
    finally:
        conn.close()
    return len(statements), len(substr_calls)


def test_check_reads_spans_in_one_pass_whatever_their_number(tmp_path):
    few = make(tmp_path, [words_doc("a", 20)], "few.annotator")
    many = make(tmp_path, [words_doc("a", 2000)], "many.annotator")
    docs = make(tmp_path, [words_doc(f"d{n}", 20) for n in range(100)], "docs.annotator")
    counts = [_counted(path) for path in (few, many, docs)]
    # The same statements for 20 spans, 2,000 spans and 100 documents: no query per span or
    # per document, and no per-span substr() of the text in SQLite.
    assert len({statements for statements, _ in counts}) == 1
    assert [calls for _, calls in counts] == [0, 0, 0]


# -- 3. what SQLite cannot check ------------------------------------------------------------

def test_overlap_in_a_none_layer_fails_check_as_its_export_would_fail_import(tmp_path):
    text = "كلمة أخرى ثالثة"
    path = make(tmp_path, [doc("d", text, [span("t1", text, 0, 4, "token", "TOK"),
                                           span("t2", text, 5, 9, "token", "TOK")])])
    assert problems_of(path) == []
    tamper(path, ('UPDATE spans SET "end" = 9, text = ? WHERE id = ?', (text[0:9], "t1")))
    problems = problems_of(path)
    assert [str(p) for p in problems] == [
        "overlap: spans t1 and t2 (document d): layer token allows no overlap, but TOK 0-9 and TOK 5-9 cross; "
        "needs a manual fix: delete or shorten one of them in the window"]
    # The reason it matters: the export of this project is refused by import.
    out = tmp_path / "out.jsonl"
    assert run("export", path, "-o", out).returncode == 0
    fresh = tmp_path / "fresh.annotator"
    assert run("init", fresh, "--schema", tmp_path / "schema.toml").returncode == 0
    imported = run("import", fresh, out)
    assert imported.returncode == 1 and "overlap" in imported.stderr + imported.stdout
    assert run("check", path).returncode == 1


def test_nested_layers_may_nest_but_not_cross_and_any_layers_may_cross(tmp_path):
    text = "واحد اثنان ثلاثة أربعة خمسة"
    spans = [span("outer", text, 0, 16), span("inner", text, 5, 10, label="ORG"),
             span("c1", text, 0, 10, "claim", "CLAIM"), span("c2", text, 5, 22, "claim", "CLAIM")]
    path = make(tmp_path, [doc("d", text, spans)])
    assert problems_of(path) == []
    tamper(path, ('UPDATE spans SET "end" = 22, text = ? WHERE id = ?', (text[5:22], "inner")))
    problems = problems_of(path)
    assert [(p.kind, p.where) for p in problems] == [("overlap", "spans outer and inner (document d)")]
    assert "layer entity allows spans only inside one another" in problems[0].detail


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 8), st.sampled_from(["A", "B"])), max_size=12),
       st.sampled_from(["none", "nested", "any"]))
def test_the_sweep_finds_a_conflict_exactly_when_the_core_rule_does(raw, mode):
    spans = [Span(f"s{n}", s, s + w, "x" * w, "L", label) for n, (s, w, label) in enumerate(raw)]
    found = list(_overlaps("d", "L", mode, [(s.start, -s.end, s.label, s.id) for s in spans]))
    assert bool(found) == (conflicts(spans, mode) is not None)


def test_duplicate_spans_are_reported_and_never_deleted(sound):
    tamper(sound, ('INSERT INTO spans (id, doc_id, start, "end", text, layer, label, created, updated) '
                   "SELECT 'twin', doc_id, start, \"end\", text, layer, label, created, updated "
                   "FROM spans WHERE id = 'person'", ()))
    problems = problems_of(sound)
    assert [str(p).split(";")[0] for p in problems] == [
        "duplicate span: spans person and twin (document d1): both PERSON 16-27 in layer entity"]
    result = run("check", sound, "--repair")
    assert result.returncode == 1 and "repaired" not in result.stdout
    conn = sqlite3.connect(sound)
    assert conn.execute("SELECT count(*) FROM spans WHERE id IN ('person', 'twin')").fetchone()[0] == 2


def test_a_label_missing_from_the_schema_is_reported(sound):
    tamper(sound, ("UPDATE spans SET label = 'PERS\u202eON' WHERE id = 'person'", ()))
    problems = problems_of(sound)
    assert [p.kind for p in problems] == ["label not in schema"]
    assert problems[0].where == "spans person" and "'PERS\\u202eON'" in problems[0].detail


def test_a_relation_joining_two_documents_is_reported(tmp_path):
    text = "سيرغي شويغو قال"
    other = "فلاديمير بوتين أكد"
    path = make(tmp_path, [doc("a", text, [span("sa", text, 0, 11)]), doc("b", other, [span("sb", other, 0, 14)])])
    tamper(path, ("INSERT INTO relations (id, doc_id, head, child, label, created, updated) "
                  "VALUES ('r', 'a', 'sa', 'sb', 'claimant', 'now', 'now')", ()))
    problems = problems_of(path)
    assert [(p.kind, p.where, p.repair) for p in problems] == [("relation across documents", "relations r", None)]


def test_a_relation_in_the_wrong_document_is_moved_to_its_spans_document(sound):
    tamper(sound, ("UPDATE relations SET doc_id = 'd2' WHERE id = 'rel'", ()))
    problems = problems_of(sound)
    assert [(p.kind, bool(p.repair)) for p in problems] == [("relation document", True)]
    conn = sqlite3.connect(sound)
    assert repair(conn, problems) == 1
    assert conn.execute("SELECT doc_id FROM relations WHERE id = 'rel'").fetchone()[0] == "d1"
    assert check(conn) == []
    conn.close()


def test_a_span_that_splits_a_grapheme_cluster_is_reported(tmp_path):
    pytest.importorskip("annotator.core.graphemes")
    text = "شدّة كبيرة"  # ش د ّ ة: the shadda (index 2) belongs to the dal
    path = make(tmp_path, [doc("d", text, [span("half", text, 0, 2), span("whole", text, 5, 10)])])
    problems = problems_of(path)
    assert [(p.kind, p.where) for p in problems] == [("grapheme boundary", "spans half (document d)")]
    assert "PERSON 0-2 ends inside a character" in problems[0].detail


# -- 4. --repair deletes nothing a user made --------------------------------------------------

@pytest.fixture
def demo(tmp_path):
    """The demo project with a claim, its claimant and the relation between them (via the CLI
    and the Workspace, as a user makes them)."""
    from annotator.store.workspace import Workspace

    path = tmp_path / "demo.annotator"
    assert run("demo", path).returncode == 0
    with Project.open(path) as proj:
        ws = Workspace(proj, "amal")
        doc_id = proj.document_rows()[1][0]
        ws.open_document(doc_id)
        text = ws.document.text
        a = text.index("شويغو")
        person = ws.add_span(a, a + 5, "PERSON").span
        claim = ws.add_span(text.index("هذه الزيارة"), text.index("هذه الزيارة") + 11, "CLAIM").span
        ws.set_claimant(claim.id, person.id)
    return path, doc_id


def _counts(path):
    conn = sqlite3.connect(path)
    try:
        return [conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("spans", "relations", "entities", "documents")]
    finally:
        conn.close()


def test_a_hand_edited_document_id_is_repaired_by_keeping_every_span_and_relation(demo):
    path, doc_id = demo
    before = _counts(path)
    tamper(path, ("UPDATE documents SET id = 'renamed' WHERE id = ?", (doc_id,)))
    result = run("check", path)
    assert result.returncode == 1 and "orphan" not in result.stdout
    assert f"missing document: document {doc_id}: 2 spans, 1 relations" in result.stdout
    assert "document renamed (which has no spans) holds all of their texts" in result.stdout
    repaired = run("check", path, "--repair")
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    assert _counts(path) == before
    conn = sqlite3.connect(path)
    assert {row[0] for row in conn.execute("SELECT doc_id FROM spans UNION SELECT doc_id FROM relations")} == {"renamed"}


def test_spans_of_a_vanished_document_are_reported_not_deleted(demo):
    path, doc_id = demo
    tamper(path, ("DELETE FROM documents WHERE id = ?", (doc_id,)))
    before = _counts(path)
    result = run("check", path, "--repair")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"missing document: document {doc_id}" in result.stdout and "needs a manual fix" in result.stdout
    assert _counts(path) == before


def test_a_relation_whose_span_is_gone_is_reported_not_deleted(demo):
    path, _ = demo
    conn = sqlite3.connect(path)
    child = conn.execute("SELECT child FROM relations").fetchone()[0]
    conn.close()
    tamper(path, ("DELETE FROM spans WHERE id = ?", (child,)))
    result = run("check", path, "--repair")
    assert result.returncode == 1
    assert "dangling relation: relations" in result.stdout and f"its child span {child} does not exist" in result.stdout
    assert _counts(path)[1] == 1


def test_a_missing_entity_link_is_reported_and_kept(demo):
    path, _ = demo
    tamper(path, ("UPDATE spans SET entity_id = 'gone' WHERE label = 'PERSON'", ()))
    result = run("check", path, "--repair")
    assert result.returncode == 1 and "linked to canonical entity 'gone'" in result.stdout
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM spans WHERE entity_id = 'gone'").fetchone()[0] == 1


def test_two_documents_with_the_same_text_are_reported_and_repair_does_not_crash(sound):
    tamper(sound, ("UPDATE documents SET text = (SELECT text FROM documents WHERE id = 'd2') WHERE id = 'd3'", ()))
    problems = problems_of(sound)
    assert [(p.kind, p.where, p.repair) for p in problems] == [("duplicate text", "documents d2 and d3", None)]
    result = run("check", sound, "--repair")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "duplicate text: documents d2 and d3: have the same text; needs a manual fix" in result.stdout


def test_swapped_content_hashes_are_repaired_despite_the_unique_index(sound):
    conn = sqlite3.connect(sound)
    h2, h3 = (conn.execute("SELECT content_hash FROM documents WHERE id = ?", [d]).fetchone()[0] for d in ("d2", "d3"))
    conn.close()
    tamper(sound, ("UPDATE documents SET content_hash = 'tmp' WHERE id = 'd2'", ()),
           ("UPDATE documents SET content_hash = ? WHERE id = 'd3'", (h2,)),
           ("UPDATE documents SET content_hash = ? WHERE id = 'd2'", (h3,)))
    result = run("check", sound, "--repair")
    assert "repaired 2 problems" in result.stdout and result.returncode == 0, result.stdout + result.stderr


def test_repairs_are_all_applied_or_none(sound):
    conn = sqlite3.connect(sound)
    problems = [Problem("content hash", "documents d2", "x", "UPDATE documents SET content_hash = ? WHERE id = ?",
                        ("changed", "d2")),
                Problem("status", "documents d3", "x", "UPDATE documents SET status = ? WHERE id = ?", ("bogus", "d3"))]
    with pytest.raises(RepairError, match="nothing was repaired") as raised:
        repair(conn, problems)
    assert str(sound) in str(raised.value)
    assert not conn.in_transaction
    assert conn.execute("SELECT content_hash FROM documents WHERE id = 'd2'").fetchone()[0] == content_hash(
        "نص آخر لا علاقة له بالأول")
    conn.close()


def test_stored_label_names_and_keys_that_break_the_rules_are_reported(tmp_path):
    # An older file (or a hand edit) may hold what today's schema rules refuse.
    text = "قال المتحدث"
    path = make(tmp_path, [Document("d1", text, {}, "new", [span("s1", text, 0, 3)], [], content_hash(text))])
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("UPDATE labels SET name = ? WHERE name = 'PERSON'", ("\u202eNOSREP",))
        conn.execute("UPDATE labels SET key = ? WHERE name = 'ORG'", ("\x01",))
    conn.close()
    with Project.open(path, readonly=True) as project:
        problems = [p for p in check(project.db.conn) if p.kind == "schema"]
    assert len(problems) == 2
    assert "\\u202eNOSREP" in str(problems[0]) and "needs a manual fix" in str(problems[0])
    assert "key '\\x01'" in str(problems[1]) and not any(p.repair for p in problems)
    result = run("check", path)
    assert result.returncode == 1 and "\u202e" not in result.stdout and "\\u202eNOSREP" in result.stdout
