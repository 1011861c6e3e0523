"""Fuzzing every importer: hostile bytes and structurally plausible records with random offsets,
labels and texts, each imported into a fresh project. The importer never raises (every problem
is a Rejection), every input line or file has exactly one outcome, and the project file is
sound with no half-written document (see tests/io/test_hostile.py for the exact messages)."""

import csv
import io
import json
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import STATUSES
from annotator.core.text import TextError, canonicalise
from annotator.io import jsonl as jsonl_format
from annotator.io.decode import DecodeError, decode
from annotator.io.importing import import_paths
from annotator.store import Project
from tests.io.test_hostile import NEWS, assert_sound
from tests.strategies import PIECES, SAFE_CHARS

EXAMPLES = 150  # per format; the whole file runs in about 20 s

# What analysts' files really contain, plus what they should never contain.
HOSTILE = st.sampled_from([
    "\x00", "\ud800", "\udfff", "\ud83d", "\ufffe", "\uffff", "\ufdd0", "\U0010ffff", "\ufeff", "\r\n", "\r",
    "\u2028", "\u2029", "\x01", "\x1b", "\x7f", "\u064b\u0651", "\u0640", "😀", "👍🏽", "\"", "\\", ",", ";", "\t",
    "<", ">", "&", "&#0;", "&#xD800;", "&#xFFFE;", "&amp;", "\u200f", "\u202e", " ",
])


def mostly(good, bad):
    """`good` four times in five: hostile enough to find bugs, sane enough that documents with
    spans and relations get stored (and can be checked for being whole)."""
    return st.integers(0, 4).flatmap(lambda n: good if n else bad)  # one_of would pick half and half


texts = st.lists(st.one_of(PIECES, PIECES, HOSTILE, st.text(max_size=3)), max_size=25).map("".join)
clean_texts = st.lists(st.one_of(PIECES, st.text(SAFE_CHARS, max_size=3)), min_size=1, max_size=25).map("".join)
ANYTHING = st.one_of(st.none(), st.booleans(), st.integers(-2, 2), st.floats(), st.text(max_size=4),
                     st.lists(st.integers(0, 3), max_size=2),
                     st.dictionaries(st.text(max_size=2), st.integers(), max_size=2))
LABELS = mostly(st.sampled_from(["PERSON", "GPE", "ORG", "CLAIM", "WEAPON"]),
                st.one_of(st.sampled_from(["entity", "", " ", "\ud800", "A\x00B", "claimant", "😀"]), ANYTHING))


def encode(text: str, codec: str) -> bytes:
    if codec == "cp1256":
        return text.encode("cp1256", "replace")
    return text.encode(codec, "surrogatepass")  # a lone surrogate becomes bytes no decoder accepts


codecs = st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1256"])


def run(files: dict[str, bytes], **options):
    """Import `files` into a fresh project: (report, {stored text: spans}, {stored text: relations})."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        paths = []
        for name, data in files.items():
            paths.append(folder / name)
            paths[-1].write_bytes(data)
        db = Path(tmp) / "p.annotator"
        with Project.create(db, NEWS) as project:
            report = import_paths(project, paths, **options)  # must never raise
        docs = assert_sound(db)
        conn = sqlite3.connect(db)
        relations = dict(conn.execute("SELECT d.text, count(r.id) FROM documents d "
                                      "LEFT JOIN relations r ON r.doc_id = d.id GROUP BY d.id"))
        conn.close()
        for rejection in report.rejected:
            assert rejection.path in map(str, paths) and rejection.reason.strip()
            assert rejection.line is None or rejection.line >= 1
            assert str(rejection).startswith(f"{rejection.path}:")
        assert report.documents == len(docs) and report.spans == sum(map(len, docs.values()))
        assert report.relations == sum(relations.values())
        return report, docs, relations


def outcomes(report) -> int:
    return report.documents + len(report.duplicates) + len(report.rejected)


def canonical(text: str) -> str | None:
    try:
        return canonicalise(text)
    except TextError:
        return None


# -- one file, one document -------------------------------------------------------------


@settings(max_examples=EXAMPLES)
@given(st.one_of(st.binary(max_size=600), st.tuples(texts, codecs).map(lambda t: encode(*t))),
       st.integers(0, 8))
def test_txt(data, cut):
    data = data[: len(data) - cut] if cut < len(data) else data  # truncated, often mid-character
    report, docs, _ = run({"a.txt": data})
    assert outcomes(report) == 1  # a document or one rejection, never both, never none
    try:
        decoded = decode(data)
    except DecodeError:
        assert not docs
        return
    expected = canonical(decoded)
    assert list(docs) == ([expected] if expected else [])


HTML_PIECES = st.sampled_from([
    "<p>", "</p>", "<br>", "<br/>", "<div>", "</div>", "<script>", "</script>", "<style>", "</style>",
    "<title>", "</title>", "<h1>", "</h1>", "<pre>", "</pre>", "<head>", "</head>", "<!--", "-->", "<![CDATA[",
    "]]>", "<meta charset=windows-1256>", "<meta property='og:url' content='x'>", "<link rel=canonical href=",
    "<a href=\"", "<td>", "<tr>", "<table>", "&nbsp;", "&#x1F600;", "<!DOCTYPE html>", "<svg><text>", "</svg>",
])


@settings(max_examples=EXAMPLES)
@given(st.one_of(st.binary(max_size=400),
                 st.tuples(st.lists(st.one_of(HTML_PIECES, texts), max_size=20).map("".join), codecs)
                 .map(lambda t: encode(*t))))
def test_html(data):
    report, docs, _ = run({"a.html": data})
    assert outcomes(report) == 1
    assert len(docs) <= 1


# -- tables -----------------------------------------------------------------------------

HEADERS = st.sampled_from([
    ["text"], ["id", "text"], ["id", "title", "text", "status"], ["Body", "url", "lang"], ["content", "file"],
    ["id", "headline"], ["text", "TEXT"], ["", "text", ""], ["title"], ["article", "status", "source"],
])


@settings(max_examples=EXAMPLES)
@given(HEADERS, st.lists(st.lists(st.one_of(texts, st.sampled_from(["done", "new", "bogus", ""])), min_size=0,
                                  max_size=5), max_size=8),
       st.sampled_from([",", ";", "\t", "|"]), st.booleans(), st.sampled_from(["utf-8", "utf-8", "cp1256", "utf-16"]))
def test_csv(header, rows, delimiter, well_formed, codec):
    if well_formed:
        rows = [(row + [""] * len(header))[: len(header)] for row in rows]
        buf = io.StringIO(newline="")
        csv.writer(buf, delimiter=delimiter).writerows([header, *rows])
        content = buf.getvalue()
    else:  # no quoting at all: stray quotes, embedded delimiters and line breaks, ragged rows
        content = "\n".join(delimiter.join(r) for r in [header, *rows]) + "\n"
    data = encode(content, codec)
    report, docs, _ = run({"t.csv" if delimiter != "\t" else "t.tsv": data})
    assert outcomes(report) >= 1
    try:
        decoded = decode(data)
    except DecodeError:
        assert (report.documents, len(report.rejected)) == (0, 1)  # the whole file, once
        return
    keys = [h.strip().casefold() for h in header]
    text_col = next((keys.index(c) for c in ("text", "content", "body", "article") if c in keys), None)
    if text_col is None or len({k for k in keys if k}) != len([k for k in keys if k]):
        assert (report.documents, len(report.rejected)) == (0, 1)  # no text column / duplicate columns
        return
    if not (well_formed and codec != "cp1256" and len(header) >= 2 and decoded == content):
        return  # the sniffer may pick another delimiter; a code page may have replaced characters
    # one outcome per row (with 2+ columns no row is blank); a header alone is one rejection
    assert outcomes(report) == (len(rows) or 1)
    status_col = keys.index("status") if "status" in keys else None
    expected = {c for r in rows if r[text_col].strip() and (c := canonical(r[text_col]))
                and (status_col is None or (r[status_col].strip() or "new") in STATUSES)}
    assert set(docs) == expected


# -- JSONL in its three shapes -----------------------------------------------------------

OFFSET = st.one_of(st.integers(-2, 40), st.integers(-2, 40), st.integers(), ANYTHING)
ENTITY_LABELS = st.sampled_from(["PERSON", "GPE", "ORG", "NORP", "WEAPON"])  # WEAPON: new, learnt on import


@st.composite
def spans_for(draw, text: str, native: bool, sane: bool):
    """Spans for `text`: when `sane`, valid and disjoint (so the document can be stored whole);
    otherwise each one mostly plausible, with random offsets, labels, texts and fields."""
    pick = (lambda good, bad: good) if sane else mostly
    if sane:
        cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=8))) if text else []
        bounds = list(zip(cuts[0::2], cuts[1::2]))
    else:
        bounds = [None] * draw(st.integers(0, 4))
    spans = []
    for n, bound in enumerate(bounds):
        if bound is not None:
            start, end = bound
        elif draw(st.integers(0, 4)) and text:
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start + 1, len(text)))
        else:
            start, end = draw(OFFSET), draw(OFFSET)
        span = {"start": start, "end": end, "label": draw(pick(ENTITY_LABELS, LABELS))}
        if draw(st.booleans()):
            exact = isinstance(start, int) and isinstance(end, int)
            span["text"] = draw(pick(st.just(text[start:end] if exact else ""), st.one_of(texts, ANYTHING)))
        if native:
            fields = (("id", pick(st.just("abcdefgh"[n]), st.one_of(st.sampled_from(["a", "\ud800"]), ANYTHING))),
                      ("layer", pick(st.sampled_from([None, "entity"]), st.sampled_from(["claim", "", "nope", 1]))),
                      ("attrs", pick(st.just({}), st.one_of(st.sampled_from([{"note": float("nan")}, {"bogus": 1},
                                                                              {"note": "\udc00"}]), ANYTHING))),
                      ("entity", pick(st.sampled_from([None, {"id": "e1", "name": "شويغو", "type": "PERSON"}]),
                                      ANYTHING)),
                      ("annotator", pick(st.sampled_from(["amal", "سارة"]), st.one_of(texts, ANYTHING))))
            for key, values in fields:
                if key == "id" or draw(st.booleans()):
                    span[key] = draw(values)
        spans.append(span)
    return spans


@st.composite
def records(draw, shape: str):
    """A record of `shape`: a third are sane (stored whole, with spans and relations), the
    others have each field mostly plausible and sometimes hostile."""
    sane = draw(st.integers(0, 2)) == 1
    pick = (lambda good, bad: good) if sane else mostly
    text = draw(pick(clean_texts, st.one_of(texts, ANYTHING)))
    as_text = text if isinstance(text, str) else ""
    if shape == "native":
        spans = draw(pick(spans_for(as_text, True, sane), ANYTHING))
        ids = [s.get("id") for s in spans if isinstance(s, dict)] if isinstance(spans, list) else []
        refs = st.sampled_from(ids) if ids else st.just("zz")
        record = {"id": draw(pick(st.one_of(st.none(), st.text(SAFE_CHARS, max_size=3)), ANYTHING)), "text": text,
                  "meta": draw(pick(st.dictionaries(st.sampled_from(["title", "source", "url", "x"]),
                                                    st.one_of(clean_texts, st.none()), max_size=3),
                                    st.one_of(st.dictionaries(st.text(max_size=3), st.one_of(texts, ANYTHING),
                                                              max_size=3), ANYTHING))),
                  "status": draw(pick(st.sampled_from(["new", "done", "in_progress", "skipped"]),
                                      st.sampled_from(["bogus", None, 3]))),
                  "spans": spans,
                  "relations": draw(st.lists(st.fixed_dictionaries(
                      {"head": pick(refs, st.sampled_from(["zz", 1, None])),
                       "child": pick(refs, st.sampled_from(["zz", 1, None])),
                       "label": pick(st.just("claimant"), LABELS)}), max_size=2 if ids else 0)),
                  "schema_version": draw(pick(st.just(1), st.sampled_from([2, "1", None])))}
    elif shape == "doccano":
        spans = draw(spans_for(as_text, False, sane))
        if draw(st.booleans()):
            record = {"id": draw(st.one_of(st.integers(0, 5), st.text(SAFE_CHARS, max_size=3))), "text": text,
                      "label": [[s["start"], s["end"], s["label"]] for s in spans]}
        else:
            ids = st.integers(0, len(spans) - 1) if spans else st.just(99)
            record = {"text": text, "entities": [{"id": n, "start_offset": s["start"], "end_offset": s["end"],
                                                  "label": s["label"]} for n, s in enumerate(spans)],
                      "relations": draw(st.lists(st.fixed_dictionaries(
                          {"id": st.integers(0, 3), "from_id": pick(ids, st.integers(-1, 9)),
                           "to_id": pick(ids, st.integers(-1, 9)), "type": pick(st.just("claimant"), LABELS)}),
                          max_size=2 if spans else 0, unique_by=lambda r: r["id"]))}
        if draw(st.booleans()):
            record["source"] = draw(pick(clean_texts, st.one_of(texts, ANYTHING)))
    else:
        spans = draw(spans_for(as_text, False, sane))
        for span in spans:
            if not sane and not draw(st.integers(0, 4)):
                span["token_start"], span["token_end"] = draw(OFFSET), draw(OFFSET)
        record = {"text": text, "spans": spans, "meta": draw(pick(st.just({}), ANYTHING)), "answer": "accept"}
        if not sane and not draw(st.integers(0, 4)):
            record["tokens"] = draw(st.one_of(
                st.lists(st.fixed_dictionaries({"start": OFFSET, "end": OFFSET, "id": st.integers(0, 5)}), max_size=4),
                ANYTHING))
    return record


@st.composite
def jsonl_files(draw, shape: str):
    """(file bytes, [(record, line bytes)]) with lines sometimes mangled."""
    lines = []
    for record in draw(st.lists(records(shape), max_size=6)):
        line = json.dumps(record, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
        mangle = draw(st.sampled_from(["none"] * 12 + ["cut", "bytes", "garbage", "blank"]))
        if mangle == "cut":
            line = line[: draw(st.integers(0, len(line)))]
        elif mangle == "bytes":
            at = draw(st.integers(0, len(line)))
            line = line[:at] + draw(st.binary(min_size=1, max_size=3)).replace(b"\n", b"") + line[at:]
        elif mangle == "garbage":
            line = draw(st.sampled_from([b"[1]", b"42", b'"x"', b"null", b"{", b"[" * 5000, b"{}", b"\xff"]))
        elif mangle == "blank":
            line = b"  "
        lines.append((record, line))
    eol = draw(st.sampled_from([b"\n", b"\r\n"]))
    return b"".join(line + eol for _, line in lines), lines


def _expected(record: dict) -> tuple[list[str], int] | None:
    """(sorted span labels, relation count) a stored document of this record must have, as its
    shape is read; None when the record cannot be stored with spans anyway."""
    try:
        return _expected_of(record)
    except (TypeError, KeyError, IndexError, AttributeError):
        return None  # a malformed record: it is rejected


def _expected_of(record: dict):
    shape = jsonl_format.shape_of(record)
    relations = 0
    if shape in ("native", "prodigy"):
        spans = record.get("spans") or []
        labels = [s.get("label") for s in spans] if isinstance(spans, list) and all(
            isinstance(s, dict) for s in spans) else None
        relations = len(record.get("relations") or []) if shape == "native" else 0
    elif shape == "doccano" and "label" in record:
        # An exact repeat of a triple is one span (doccano saves a span twice on a double click).
        labels = [t[2] for t in dict.fromkeys(tuple(t) for t in record["label"])]
    elif shape == "doccano":
        labels = [e["label"] for e in record["entities"]]
        relations = len(record.get("relations") or [])
    else:
        labels = []
    if labels is None or not all(isinstance(label, str) for label in labels):
        return None
    return sorted(labels), relations


def check_jsonl(data: bytes, lines, unit: str):
    report, docs, relations = run({"in.jsonl": data}, offset_unit=unit)
    counted = 0
    for _, line in lines:
        try:
            counted += bool(line.decode("utf-8").strip())
        except UnicodeDecodeError:
            counted += 1
    assert outcomes(report) == (counted or 1)  # one outcome per line (an empty file: one rejection)
    # Nothing half-written: a stored document has all the spans and relations of its line.
    candidates: dict[str, list] = {}
    for _, line in lines:
        try:  # a mangled line may still be a record, so read them all back
            record = json.loads(line.decode("utf-8").removeprefix("\ufeff"))
        except (ValueError, RecursionError):
            continue
        if isinstance(record, dict) and isinstance(record.get("text"), str) and canonical(record["text"]):
            candidates.setdefault(canonical(record["text"]), []).append(_expected(record))
    for text, spans in docs.items():
        stored = (sorted(label for _, _, label, _ in spans), relations[text])
        assert stored in candidates.get(text, []), (text, stored, candidates.get(text))


UNITS = st.sampled_from(["codepoint", "codepoint", "utf16"])


@settings(max_examples=EXAMPLES)
@given(jsonl_files("native"), UNITS)
def test_jsonl_native(file, unit):
    check_jsonl(*file, unit)


@settings(max_examples=EXAMPLES)
@given(jsonl_files("doccano"), UNITS)
def test_jsonl_doccano(file, unit):
    check_jsonl(*file, unit)


@settings(max_examples=EXAMPLES)
@given(jsonl_files("prodigy"), UNITS)
def test_jsonl_prodigy(file, unit):
    check_jsonl(*file, unit)


@settings(max_examples=EXAMPLES // 2)
@given(st.binary(max_size=600))
def test_jsonl_random_bytes(data):
    report, _, _ = run({"in.jsonl": data})
    assert outcomes(report) >= 1
