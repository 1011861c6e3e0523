"""Hostile input: every bad file or line is refused as `path:line: reason`, the good rest is
imported, and nothing is ever half-written (checked on the project file with plain sqlite3)."""

import io
import json
import os
import sqlite3
import subprocess
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from annotator import RESOURCES
from annotator.core.schema import load_schema
from annotator.io import txt
from annotator.io.importing import import_paths
from annotator.store import Project

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
ANNOTATOR = Path(sys.executable).with_name("annotator")

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00>\x00\x01\x00\x00\x00" + bytes(range(256))


def zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("article.txt", "نص المقال " * 50)
    return buf.getvalue()


# -- the invariants every import must keep ------------------------------------------------


def assert_sound(db_path: Path) -> dict[str, list[tuple[int, int, str, str]]]:
    """Check the project file with plain sqlite3; return {document text: [(start, end, label, text)]}."""
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # substr counts characters (code points) in SQLite, as our offsets do
        bad = conn.execute('SELECT s.id FROM spans s JOIN documents d ON d.id = s.doc_id '
                           'WHERE substr(d.text, s.start + 1, s."end" - s.start) IS NOT s.text').fetchall()
        assert bad == []
        orphans = conn.execute("SELECT count(*) FROM relations r LEFT JOIN spans h ON h.id = r.head "
                               "LEFT JOIN spans c ON c.id = r.child WHERE h.id IS NULL OR c.id IS NULL "
                               "OR h.doc_id != r.doc_id OR c.doc_id != r.doc_id").fetchone()[0]
        assert orphans == 0
        docs: dict[str, list] = {}
        ids = {}
        for doc_id, text in conn.execute("SELECT id, text FROM documents"):
            assert "\x00" not in text and "\r" not in text and text.strip()
            text.encode("utf-8")  # no lone surrogates
            docs[text] = []
            ids[doc_id] = text
        for doc_id, start, end, label, span_text in conn.execute(
                'SELECT doc_id, start, "end", label, text FROM spans ORDER BY doc_id, start, "end", label'):
            text = ids[doc_id]
            assert 0 <= start < end <= len(text) and text[start:end] == span_text  # and again in Python
            docs[text].append((start, end, label, span_text))
        return docs
    finally:
        conn.close()


def assert_whole(docs: dict, expected: dict[str, list[tuple[int, int, str]]]) -> None:
    """Every document of `expected` that was stored has exactly its spans (never some of them)."""
    for text, spans in expected.items():
        if text in docs:
            assert sorted((s, e, lab) for s, e, lab, _ in docs[text]) == sorted(spans), text[:40]


def new_project(tmp_path, name="p.annotator") -> Path:
    path = tmp_path / name
    Project.create(path, NEWS).close()
    return path


def run_import(db: Path, *paths, **options):
    with Project.open(db) as project:
        return import_paths(project, list(paths), **options)


def messages(report) -> list[str]:
    return [str(r) for r in report.rejected]


def cli(*args):
    env = {**os.environ, "ANNOTATOR_NAME": "amal"}
    return subprocess.run([str(ANNOTATOR), *map(str, args)], capture_output=True, text=True, env=env, check=False)


def jsonl(path: Path, records) -> Path:
    """Records (dicts) or raw lines (bytes/str) as a JSONL file; ASCII-escaped, as some tools write it."""
    out = []
    for record in records:
        if isinstance(record, bytes):
            out.append(record)
        elif isinstance(record, str):
            out.append(record.encode("utf-8"))
        else:
            out.append(json.dumps(record).encode("ascii"))  # lone surrogates become "\ud800" escapes
    path.write_bytes(b"\n".join(out) + b"\n")
    return path


def doccano(text, *triples, **extra):
    return {"text": text, "label": [list(t) for t in triples], **extra}


# -- files that are not text ------------------------------------------------------------


@pytest.mark.parametrize("name, data, reason", [
    ("image.txt", PNG, "binary file (NUL byte at line 3)"),
    ("program.txt", ELF, "binary file (NUL byte at line 1)"),
    ("archive.txt", None, "binary file (NUL byte at line 1)"),
    ("wide.txt", "خبر عاجل from Moscow".encode("utf-16-le"),
     "UTF-16 without a byte-order mark: give the encoding (utf-16-le or utf-16-be)"),
])
def test_binary_files_named_txt_are_refused_as_a_whole(tmp_path, name, data, reason):
    db = new_project(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    bad = folder / name
    bad.write_bytes(zip_bytes() if data is None else data)
    (folder / "good.txt").write_text("وصل لافروف إلى بيونغ يانغ", "utf-8")
    report = run_import(db, folder)
    assert messages(report) == [f"{bad}: {reason}"]
    assert report.documents == 1
    assert list(assert_sound(db)) == ["وصل لافروف إلى بيونغ يانغ"]


def test_utf8_truncated_mid_character(tmp_path):
    db = new_project(tmp_path)
    data = "السطر الأول\nالسطر الثاني".encode()
    cut = tmp_path / "cut.txt"
    cut.write_bytes(data[:-1])  # the last letter loses its second byte
    assert data[:-1].decode("utf-8", "replace").endswith("\ufffd")
    report = run_import(db, cut)
    assert messages(report) == [f"{cut}:2: truncated UTF-8 at end of file"]
    assert report.documents == 0 and assert_sound(db) == {}


def test_invalid_utf8_in_the_middle_of_a_text_file(tmp_path):
    db = new_project(tmp_path)
    bad = tmp_path / "bad.txt"
    bad.write_bytes("سطر أول صحيح\nسطر ثان ".encode() + b"\xff\xfe" + "صحيح أيضا\nسطر ثالث".encode())
    report = run_import(db, bad)
    assert messages(report) == [f"{bad}:2: invalid UTF-8 at byte offset {len('سطر أول صحيح\nسطر ثان '.encode())}"]
    assert assert_sound(db) == {}


def test_nul_in_the_middle_of_a_text_file(tmp_path):
    db = new_project(tmp_path)
    bad = tmp_path / "nul.txt"
    bad.write_bytes("أول\nثاني\x00ثالث\nرابع\n".encode())
    report = run_import(db, bad)
    assert messages(report) == [f"{bad}: binary file (NUL byte at line 2)"]
    assert assert_sound(db) == {}


def test_empty_and_whitespace_only_files(tmp_path):
    db = new_project(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    for suffix in ("txt", "jsonl", "csv", "html"):
        (folder / f"empty.{suffix}").write_bytes(b"")
        (folder / f"blank.{suffix}").write_bytes(b" \n\t\r\n  \n")
    (folder / "zz.txt").write_text("نص حقيقي", "utf-8")
    report = run_import(db, folder)
    assert sorted(messages(report)) == sorted([
        f"{folder / 'empty.txt'}:1: empty text",
        f"{folder / 'blank.txt'}:1: empty text",
        f"{folder / 'empty.jsonl'}: empty file (no JSON lines)",
        f"{folder / 'blank.jsonl'}: empty file (no JSON lines)",
        f"{folder / 'empty.csv'}: empty table (no header row)",
        f"{folder / 'blank.csv'}: empty table (no header row)",
        f"{folder / 'empty.html'}: no text in HTML",
        f"{folder / 'blank.html'}: no text in HTML",
    ])
    assert report.documents == 1 and list(assert_sound(db)) == ["نص حقيقي"]


def test_html_without_prose(tmp_path):
    db = new_project(tmp_path)
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>عنوان</title><script>var a = 'نص';</script></head>"
                    "<body><style>p {}</style><img src=x></body></html>", "utf-8")
    report = run_import(db, page)
    assert messages(report) == [f"{page}: no text in HTML"]
    assert assert_sound(db) == {}


# -- JSONL lines ------------------------------------------------------------------------


def test_nul_and_lone_surrogates_inside_json_strings(tmp_path):
    db = new_project(tmp_path)
    source = jsonl(tmp_path / "in.jsonl", [
        {"text": "سطر أول\nفيه \x00 بايت صفري"},  # json.dumps writes "\u0000"
        {"text": "نص \ud800 مكسور"},  # written as "\ud800"
        {"text": "قال بوتين", "status": "new", "schema_version": 1,
         "spans": [{"start": 4, "end": 9, "label": "PERSON", "text": "\ud800"}]},
        doccano("قال شويغو", (4, 9, "PERSON\udfff")),
        {"text": "قال لافروف", "source": "وكالة \udc80"},
        {"id": "\ud83d", "text": "قال كيم"},
        {"text": "قالت الوكالة", "status": "new", "schema_version": 1,
         "spans": [{"id": "c", "start": 0, "end": 4, "label": "CLAIM", "attrs": {"note": "\ud800"}},
                   {"id": "o", "start": 5, "end": 12, "label": "ORG", "annotator": "\udc00"}]},
        {"text": "قال المتحدث", "status": "new", "schema_version": 1,
         "spans": [{"id": "c", "start": 0, "end": 3, "label": "CLAIM"},
                   {"id": "p", "start": 4, "end": 11, "label": "PERSON"}],
         "relations": [{"head": "c", "child": "p", "label": "claimant\ud800"}]},
        doccano("سيرغي شويغو في بيونغ يانغ", (0, 11, "PERSON"), (15, 25, "GPE")),
    ])
    report = run_import(db, source)
    assert messages(report) == [
        f"{source}:1: text line 2: NUL byte (U+0000)",
        f"{source}:2: text line 1: lone surrogate U+D800",
        f"{source}:3: span 1: text '\\ud800' does not match the document at 4-9 ('بوتين')",
        f"{source}:4: span 1: label: lone surrogate U+DFFF",
        f"{source}:5: meta: lone surrogate U+DC80",
        f"{source}:6: id: lone surrogate U+D83D",
        f"{source}:7: span 1: attrs: lone surrogate U+D800",
        f"{source}:8: relation 1: label: lone surrogate U+D800",
    ]
    assert report.documents == 1 and report.spans == 2
    docs = assert_sound(db)
    assert docs == {"سيرغي شويغو في بيونغ يانغ": [(0, 11, "PERSON", "سيرغي شويغو"), (15, 25, "GPE", "بيونغ يانغ")]}


def test_invalid_utf8_in_the_middle_of_a_jsonl_line(tmp_path):
    db = new_project(tmp_path)
    source = jsonl(tmp_path / "in.jsonl", [
        doccano("أول", (0, 3, "GPE")),
        '{"text": "ثا'.encode() + b"\xc3\x28" + 'ني"}'.encode(),
        doccano("ثالث", (0, 4, "GPE")),
    ])
    report = run_import(db, source)
    assert messages(report) == [f"{source}:2: invalid UTF-8 at byte 14 of the line"]
    assert report.documents == 2
    assert assert_sound(db) == {"أول": [(0, 3, "GPE", "أول")], "ثالث": [(0, 4, "GPE", "ثالث")]}


TEXT = "قال سيرغي شويغو"  # 15 code points; شويغو is 10-15


@pytest.mark.parametrize("start, end, reason", [
    (10, 16, "span 1: offsets 10-16 outside the text (length 15) or empty/reversed"),
    (10, 10**30, f"span 1: offsets 10-{10**30} outside the text (length 15) or empty/reversed"),
    (-1, 3, "span 1: offsets -1-3 outside the text (length 15) or empty/reversed"),
    (15, 10, "span 1: offsets 15-10 outside the text (length 15) or empty/reversed"),
    (10, 10, "span 1: offsets 10-10 outside the text (length 15) or empty/reversed"),
    (10.0, 15, "span 1: start and end must be integers, got 10.0 and 15"),
    (10, 14.5, "span 1: start and end must be integers, got 10 and 14.5"),
    ("10", 15, "span 1: start and end must be integers, got '10' and 15"),
    (False, True, "span 1: start and end must be integers, got False and True"),
    (None, 15, "span 1: start and end must be integers, got None and 15"),
    ([10], 15, "span 1: start and end must be integers, got [10] and 15"),
    (10, float("inf"), "span 1: start and end must be integers, got 10 and inf"),
    (float("nan"), 15, "span 1: start and end must be integers, got nan and 15"),
])
def test_bad_offsets(tmp_path, start, end, reason):
    db = new_project(tmp_path)
    good = doccano("قال سيرغي لافروف", (4, 16, "PERSON"))
    source = jsonl(tmp_path / "in.jsonl", [doccano(TEXT, (4, 9, "PERSON"), (start, end, "PERSON")), good])
    report = run_import(db, source)
    assert messages(report) == [f"{source}:1: {reason.replace('span 1', 'span 2')}"]
    assert report.documents == 1
    assert assert_sound(db) == {"قال سيرغي لافروف": [(4, 16, "PERSON", "سيرغي لافروف")]}


@pytest.mark.parametrize("fmt", ["native", "prodigy"])
def test_offsets_in_the_other_shapes(tmp_path, fmt):
    db = new_project(tmp_path)
    if fmt == "native":
        def record(text, *spans):
            return {"text": text, "status": "done", "schema_version": 1,
                    "spans": [{"start": s, "end": e, "label": "PERSON"} for s, e in spans]}
    else:
        def record(text, *spans):
            return {"text": text, "spans": [{"start": s, "end": e, "label": "PERSON"} for s, e in spans]}
    source = jsonl(tmp_path / "in.jsonl", [
        record(TEXT, (10, 15), (4, 99)),
        record(TEXT + " أمس", (10, 15), (12, 3)),
        record(TEXT + " اليوم", (10, 15), (4, "9")),
        record(TEXT + " غدا", (4, 9), (10, 15)),
    ])
    report = run_import(db, source)
    integers = ("span 2: start and end must be integers, got 4 and '9'" if fmt == "native"
                else "span 2: start and end must be integers, not 4 and '9'")
    assert messages(report) == [
        f"{source}:1: span 2: offsets 4-99 outside the text (length 15) or empty/reversed",
        f"{source}:2: span 2: offsets 12-3 outside the text (length 19) or empty/reversed",
        f"{source}:3: {integers}",
    ]
    assert assert_sound(db) == {TEXT + " غدا": [(4, 9, "PERSON", "سيرغي"), (10, 15, "PERSON", "شويغو")]}


def test_span_text_that_does_not_match_its_offsets(tmp_path):
    db = new_project(tmp_path)

    def native(text, *spans):
        return {"text": text, "status": "done", "schema_version": 1, "spans": list(spans)}

    source = jsonl(tmp_path / "in.jsonl", [
        native(TEXT, {"start": 4, "end": 9, "text": "سيرغي", "label": "PERSON"},
               {"start": 10, "end": 15, "text": "شويجو", "label": "PERSON"}),  # a variant, not the text
        native(TEXT + ".", {"start": 4, "end": 9, "text": "سيرغي ", "label": "PERSON"}),  # one too long
        native("😀 قال شويغو اليوم", {"start": 7, "end": 12, "text": "شويغو", "label": "PERSON"}),  # UTF-16
        native("قال\r\nشويغو", {"start": 0, "end": 10, "text": "قال\r\nشويغو", "label": "CLAIM"}),  # CRLF is fine
    ])
    report = run_import(db, source)
    assert messages(report) == [
        f"{source}:1: span 2: text 'شويجو' does not match the document at 10-15 ('شويغو')",
        f"{source}:2: span 1: text 'سيرغي ' does not match the document at 4-9 ('سيرغي')",
        f"{source}:3: span 1: text 'شويغو' does not match the document at 7-12 ('ويغو ')",
    ]
    assert assert_sound(db) == {"قال\nشويغو": [(0, 9, "CLAIM", "قال\nشويغو")]}


@pytest.mark.parametrize("unit", ["codepoint", "utf16"])
def test_span_on_what_canonicalisation_removes(tmp_path, unit):
    # The BOM and the LF of CRLF vanish from the stored text; a span on them alone would be
    # empty there (this used to abort the whole import on the spans CHECK constraint).
    db = new_project(tmp_path)
    source = jsonl(tmp_path / "in.jsonl", [
        doccano("\ufeffقال بوتين", (0, 1, "PERSON")),
        doccano("قال\r\nبوتين", (4, 5, "PERSON")),
        doccano("\ufeffقال\r\nبوتين", (0, 4, "CLAIM"), (6, 11, "PERSON")),
    ])
    report = run_import(db, source, offset_unit=unit)
    removed = "cover only a byte-order mark or the LF of a CRLF, which the stored text does not have"
    assert messages(report) == [f"{source}:1: span 1: offsets 0-1 {removed}",
                                f"{source}:2: span 1: offsets 4-5 {removed}"]
    assert assert_sound(db) == {"قال\nبوتين": [(0, 3, "CLAIM", "قال"), (4, 9, "PERSON", "بوتين")]}


def test_lines_that_are_not_objects(tmp_path):
    db = new_project(tmp_path)
    source = jsonl(tmp_path / "in.jsonl", ["[1, 2]", "42", '"قال بوتين"', "null", "true", "{}", '{"text": 5}',
                                           '{"text": "قال بوتين"}'])
    report = run_import(db, source)
    assert messages(report) == [
        f"{source}:1: expected a JSON object, got list",
        f"{source}:2: expected a JSON object, got int",
        f"{source}:3: expected a JSON object, got str",
        f"{source}:4: expected a JSON object, got NoneType",
        f"{source}:5: expected a JSON object, got bool",
        f"{source}:6: no \"text\" string",
        f"{source}:7: no \"text\" string",
    ]
    assert list(assert_sound(db)) == ["قال بوتين"]


def test_deeply_nested_json(tmp_path):
    db = new_project(tmp_path)
    depth = 100_000
    source = jsonl(tmp_path / "in.jsonl", [
        "[" * depth + "]" * depth,
        '{"text": "عميق", "meta": ' + '{"a": ' * depth + "1" + "}" * depth + "}",
        '{"text": "عميق جدا", "label": [[0, 4, "GPE"]], "x": ' + "[" * depth + "]" * depth + "}",
        '{"text": "معقول", "meta": {"x": ' + "[" * 100 + "]" * 100 + "}, \"status\": \"new\", \"spans\": []}",
    ])
    report = run_import(db, source)
    assert messages(report) == [f"{source}:{n}: JSON nested too deeply" for n in (1, 2, 3)]
    assert list(assert_sound(db)) == ["معقول"]


def test_numbers_json_allows_but_a_project_cannot_store(tmp_path):
    # A 5000-digit integer made json.loads raise a plain ValueError, NaN/Infinity/1e400 in meta
    # or attrs failed the json_valid() CHECK at commit: each aborted the whole import.
    db = new_project(tmp_path)
    source = jsonl(tmp_path / "in.jsonl", [
        '{"text": "أول", "label": [[0, ' + "1" * 5000 + ', "GPE"]]}',
        '{"text": "ثان", "views": NaN}',
        '{"text": "ثالث", "meta": {"score": Infinity}, "status": "new", "spans": []}',
        '{"text": "رابع", "score": 1e400}',
        ('{"text": "قال", "status": "new", "schema_version": 1, "spans": [{"start": 0, "end": 3, '
         '"label": "CLAIM", "attrs": {"cue": {"start": 0, "end": 3, "text": "قال", "p": -Infinity}}}]}'),
        doccano("خامس", (0, 4, "GPE")),
    ])
    report = run_import(db, source)
    assert messages(report) == [
        f"{source}:1: invalid JSON: a number too long",
        f"{source}:2: meta: NaN or Infinity (not valid JSON)",
        f"{source}:3: meta: NaN or Infinity (not valid JSON)",
        f"{source}:4: meta: NaN or Infinity (not valid JSON)",
        f"{source}:5: span 1: attrs: NaN or Infinity (not valid JSON)",
    ]
    assert assert_sound(db) == {"خامس": [(0, 4, "GPE", "خامس")]}


def test_doccano_lists_that_are_not_lists(tmp_path):
    db = new_project(tmp_path)
    source = jsonl(tmp_path / "in.jsonl", [
        {"text": "أول", "entities": 5},
        {"text": "ثان", "label": [], "relations": {"from_id": 1}},
        {"text": "ثالث", "label": "GPE"},
        {"text": "رابع", "label": [[0, 4]]},
        {"text": "خامس", "entities": [{"id": 1, "start_offset": 0, "end_offset": 4, "label": "GPE"}]},
    ])
    report = run_import(db, source)
    assert messages(report) == [
        f"{source}:1: \"entities\" must be a list of objects",
        f"{source}:2: \"relations\" must be a list of objects",
        f"{source}:3: \"label\" must be a list of [start, end, label]",
        f"{source}:4: label 1: expected [start, end, label], got [0, 4]",
    ]
    assert assert_sound(db) == {"خامس": [(0, 4, "GPE", "خامس")]}


# -- tables -----------------------------------------------------------------------------


def test_csv_without_a_text_column(tmp_path):
    db = new_project(tmp_path)
    table = tmp_path / "t.csv"
    table.write_text("id,title,headline,url\n1,عنوان,قال بوتين,https://a\n", "utf-8")
    report = run_import(db, table)
    assert messages(report) == [
        f"{table}: no text column (text, content, body or article); columns: id, title, headline, url"]
    assert assert_sound(db) == {}


def test_csv_bad_rows_are_refused_one_by_one(tmp_path):
    db = new_project(tmp_path)
    table = tmp_path / "t.csv"
    table.write_text('id,text\n1,أول\n2,ثان,زائد\n3,\n4,"نص \x01 ضابط"\n5,خامس\n6,"لم يغلق\n', "utf-8")
    report = run_import(db, table)
    assert messages(report) == [
        f"{table}:3: 3 fields, the header has 2",
        f"{table}:4: empty text cell",
        f"{table}:7: unterminated quoted field",
    ]
    assert sorted(assert_sound(db)) == sorted(["أول", "نص \x01 ضابط", "خامس"])


# -- size -------------------------------------------------------------------------------

WORD = "قال الرئيس الروسي فلاديمير بوتين 😀 "


def _measure(action):
    tracemalloc.start()
    began = time.perf_counter()
    try:
        result = action()
    finally:
        elapsed = time.perf_counter() - began
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return result, elapsed, peak


def test_ten_megabyte_single_line_text_file(tmp_path):
    db = new_project(tmp_path)
    data = (WORD * (10_000_000 // len(WORD.encode()) + 1)).encode()[:10_000_000]
    data = data.decode("utf-8", "ignore").encode()  # do not cut the last letter
    big = tmp_path / "big.txt"
    big.write_bytes(data)
    report, elapsed, peak = _measure(lambda: run_import(db, big))
    print(f"\n10 MB single-line .txt: {elapsed:.2f} s, peak traced memory {peak / 1e6:.0f} MB")
    assert not report.rejected and report.documents == 1
    assert elapsed < 30 and peak < 400e6  # a few copies of the text, not a per-character structure
    conn = sqlite3.connect(db)
    (length,) = conn.execute("SELECT length(text) FROM documents").fetchone()
    conn.close()
    assert length == len(data.decode())
    assert_sound(db)


def test_ten_megabyte_single_jsonl_line(tmp_path):
    db = new_project(tmp_path)
    text = WORD * (10_000_000 // len(json.dumps(WORD, ensure_ascii=False).encode()))
    step, at = len(WORD), WORD.index("بوتين")
    spans = [[i * step + at, i * step + at + 5, "PERSON"] for i in range(0, len(text) // step, 50)]
    line = json.dumps({"text": text, "label": spans}, ensure_ascii=False).encode()
    assert len(line) > 9_500_000 and b"\n" not in line
    big = tmp_path / "big.jsonl"
    big.write_bytes(line + b"\n" + json.dumps({"text": "x", "label": [[0, 2, "GPE"]]}).encode() + b"\n")
    report, elapsed, peak = _measure(lambda: run_import(db, big))
    print(f"\n10 MB single JSONL line ({len(spans)} spans): {elapsed:.2f} s, peak traced memory {peak / 1e6:.0f} MB")
    assert messages(report) == [f"{big}:2: span 1: offsets 0-2 outside the text (length 1) or empty/reversed"]
    assert report.documents == 1 and report.spans == len(spans)
    assert elapsed < 30 and peak < 600e6
    docs = assert_sound(db)
    assert_whole(docs, {text: [(s, e, lab) for s, e, lab in spans]})
    assert all(t == "بوتين" for *_, t in docs[text])


OUTSIDE_2 = "outside the text (length 2) or empty/reversed"


def test_hundred_thousand_lines_with_bad_ones_scattered(tmp_path):
    db = new_project(tmp_path)
    bad_kinds = [
        (b'{"text": "broken', "invalid JSON: Unterminated string starting at column 10"),
        (b"[1, 2, 3]", "expected a JSON object, got list"),
        (b'{"text": 17}', 'no "text" string'),
        (b'{"text": "\xff\xfe"}', "invalid UTF-8 at byte 10 of the line"),
        (b'{"text": "a\\ud800"}', "text line 1: lone surrogate U+D800"),
        (b'{"text": "a\\u0000"}', "text line 1: NUL byte (U+0000)"),
        (b'{"text": "ab", "label": [[0, 3, "GPE"]]}', f"span 1: offsets 0-3 {OUTSIDE_2}"),
        (b'{"text": "ab", "label": [[1, 0, "GPE"]]}', f"span 1: offsets 1-0 {OUTSIDE_2}"),
        (b'{"text": "ab", "n": NaN}', "meta: NaN or Infinity (not valid JSON)"),
    ]
    lines, expected_bad, expected = [], [], {}
    for n in range(1, 100_001):
        if n % 97 == 13:  # ~1%, scattered
            raw, reason = bad_kinds[n % len(bad_kinds)]
            lines.append(raw)
            expected_bad.append(f"{tmp_path / 'many.jsonl'}:{n}: {reason}")
        else:
            text = f"مقال رقم {n} عن بوتين"
            start = text.index("بوتين")
            lines.append(json.dumps(doccano(text, (start, start + 5, "PERSON")), ensure_ascii=False).encode())
            expected[text] = [(start, start + 5, "PERSON")]
    source = jsonl(tmp_path / "many.jsonl", lines)
    began = time.perf_counter()
    report = run_import(db, source)
    elapsed = time.perf_counter() - began
    print(f"\n100,000-line JSONL, {len(expected_bad)} bad lines: {elapsed:.2f} s")
    assert len(expected_bad) == 1031
    assert messages(report) == expected_bad  # each with its own line number, in file order
    assert report.documents == len(expected) == 100_000 - len(expected_bad)
    assert report.spans == len(expected)
    docs = assert_sound(db)
    assert len(docs) == len(expected)
    assert_whole(docs, expected)


# -- unreadable -------------------------------------------------------------------------


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads chmod 000 files anyway")
def test_unreadable_file_in_a_folder(tmp_path):
    db = new_project(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("locked.txt", "locked.jsonl", "locked.csv", "locked.html"):
        (folder / name).write_text("نص", "utf-8")
        (folder / name).chmod(0)
    (folder / "open.txt").write_text("نص مفتوح", "utf-8")
    try:
        report = run_import(db, folder)
    finally:
        for name in ("locked.txt", "locked.jsonl", "locked.csv", "locked.html"):
            (folder / name).chmod(0o644)
    assert sorted(messages(report)) == sorted([
        f"{folder / 'locked.csv'}: cannot read file: Permission denied",
        f"{folder / 'locked.html'}: cannot read file: Permission denied",
        f"{folder / 'locked.jsonl'}: cannot read: Permission denied",
        f"{folder / 'locked.txt'}: cannot read file: Permission denied",
    ])
    assert list(assert_sound(db)) == ["نص مفتوح"]


def test_read_errors_are_rejections_even_for_root(tmp_path, monkeypatch):
    # The same paths as above, with the OS error simulated (root can read chmod 000 files).
    db = new_project(tmp_path)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("locked.txt", "locked.jsonl", "locked.csv", "open.txt"):
        (folder / name).write_text(f"نص {name}", "utf-8")
    real_read_bytes, real_open = Path.read_bytes, open

    def read_bytes(self):
        if self.name.startswith("locked"):
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    def fake_open(file, *args, **kwargs):
        if Path(file).name.startswith("locked"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr("annotator.io.jsonl.open", fake_open, raising=False)
    report = run_import(db, folder)
    assert messages(report) == [
        f"{folder / 'locked.csv'}: cannot read file: Permission denied",
        f"{folder / 'locked.jsonl'}: cannot read: Permission denied",
        f"{folder / 'locked.txt'}: cannot read file: Permission denied",
    ]
    assert list(assert_sound(db)) == ["نص open.txt"]
    assert isinstance(txt.read_bytes(folder / "locked.txt"), txt.Rejection)


# -- the real command line --------------------------------------------------------------


def test_cli_import_of_a_hostile_folder(tmp_path):
    db = tmp_path / "p.annotator"
    assert cli("init", db).returncode == 0
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "image.txt").write_bytes(PNG)
    (folder / "archive.txt").write_bytes(zip_bytes())
    (folder / "cut.txt").write_bytes("خبر عاجل".encode()[:-1])
    (folder / "nul.txt").write_bytes("أول\nثا\x00ني".encode())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.jsonl").write_bytes(b"\n  \n")
    (folder / "table.csv").write_text("id,headline\n1,قال بوتين\n", "utf-8")
    (folder / "sub" / "good.txt").write_text("وصل شويغو إلى بيونغ يانغ\r\n", "utf-8")
    lines = jsonl(folder / "sub" / "lines.jsonl", [
        doccano("قال سيرغي شويغو", (4, 15, "PERSON")),
        {"text": "فيه \x00 صفر"},
        b'{"text": "\xe2\x28\xa1"}',
        {"text": "قال \ud800"},
        doccano("نص قصير", (0, 99, "GPE")),
        doccano("نص آخر", (4, 2, "GPE")),
        {"text": "قال بوتين", "status": "done", "schema_version": 1,
         "spans": [{"start": 4, "end": 9, "text": "لافروف", "label": "PERSON"}]},
        "[" * 100_000 + "]" * 100_000,
        "[1]",
        doccano("قال لافروف", (4, 10, "PERSON")),
    ])
    result = cli("import", db, folder)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    errors = set(result.stderr.splitlines())
    expected = {
        f"{folder / 'archive.txt'}: binary file (NUL byte at line 1)",
        f"{folder / 'blank.jsonl'}: empty file (no JSON lines)",
        f"{folder / 'cut.txt'}:1: truncated UTF-8 at end of file",
        f"{folder / 'empty.txt'}:1: empty text",
        f"{folder / 'image.txt'}: binary file (NUL byte at line 3)",
        f"{folder / 'nul.txt'}: binary file (NUL byte at line 2)",
        f"{lines}:2: text line 1: NUL byte (U+0000)",
        f"{lines}:3: invalid UTF-8 at byte 10 of the line",
        f"{lines}:4: text line 1: lone surrogate U+D800",
        f"{lines}:5: span 1: offsets 0-99 outside the text (length 7) or empty/reversed",
        f"{lines}:6: span 1: offsets 4-2 outside the text (length 6) or empty/reversed",
        f"{lines}:7: span 1: text 'لافروف' does not match the document at 4-9 ('بوتين')",
        f"{lines}:8: JSON nested too deeply",
        f"{lines}:9: expected a JSON object, got list",
        f"{folder / 'table.csv'}: no text column (text, content, body or article); columns: id, headline",
    }
    assert expected <= errors
    assert len([e for e in errors if str(folder) in e]) == len(expected)
    assert "imported 3 documents (2 spans, 0 relations) from 9 files" in result.stdout
    assert f"{len(expected)} rejected" in result.stdout
    docs = assert_sound(db)
    assert docs == {
        "وصل شويغو إلى بيونغ يانغ\n": [],
        "قال سيرغي شويغو": [(4, 15, "PERSON", "سيرغي شويغو")],
        "قال لافروف": [(4, 10, "PERSON", "لافروف")],
    }


def test_cli_import_of_a_clean_file_exits_0(tmp_path):
    db = tmp_path / "p.annotator"
    assert cli("init", db).returncode == 0
    source = jsonl(tmp_path / "ok.jsonl", [doccano("قال لافروف", (4, 10, "PERSON"))])
    result = cli("import", db, source)
    assert (result.returncode, result.stderr) == (0, "")
    assert_sound(db)
