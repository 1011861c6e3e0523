"""Arbitrary text (emoji, CRLF, tashkeel, bidi controls) through canonicalisation, the database
and every exporter; native export -> import -> export is identical; every format in
EXPORT_FORMATS imports back, detected by content, to the same spans (tests/io/mixed_project.py)."""

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator import RESOURCES
from annotator.core.graphemes import snap_out
from annotator.core.schema import load_schema
from annotator.core.text import canonicalise
from annotator.io import EXPORT_FORMATS, export_to, exporter
from annotator.io.conll import default_layer
from annotator.io.format_loss import CARRIES
from annotator.io.importing import import_paths
from annotator.store import Project
from tests.io.mixed_project import make_project
from tests.strategies import raw_texts

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
WORD = re.compile(r"\w+")


@st.composite
def native_lines(draw):
    """A native JSONL record on raw (not yet canonical) text, with non-overlapping entity spans on
    words, a claim over the whole text and a claimant relation."""
    raw = draw(raw_texts)
    text = canonicalise(raw)
    words = sorted({snap_out(text, *m.span()) for m in WORD.finditer(text)})  # whole characters
    chosen = sorted(draw(st.sets(st.sampled_from(words), max_size=6)) if words else [])
    spans = [{"id": f"s{n}", "start": s, "end": e, "text": text[s:e], "layer": "entity",
              "label": draw(st.sampled_from(["PERSON", "GPE", "ORG"])), "entity": None, "attrs": {},
              "annotator": "amal", "created": "2026-01-01T00:00:00.000Z", "updated": "2026-01-02T00:00:00.000Z"}
             for n, (s, e) in enumerate(chosen)]
    relations = []
    stripped = text.rstrip()
    if stripped:
        spans.append({"id": "c", "start": 0, "end": len(stripped), "text": stripped, "layer": "claim",
                      "label": "CLAIM", "entity": None, "attrs": {"stance": "deny", "note": "<b>x</b>"},
                      "annotator": "amal", "created": "2026-01-01T00:00:00.000Z",
                      "updated": "2026-01-01T00:00:00.000Z"})
        if chosen:
            relations.append({"id": "r", "head": "c", "child": "s0", "label": "claimant"})
    record = {"id": draw(st.sampled_from(["a", "b-1", "مقال"])), "text": text,
              "meta": {"title": draw(st.one_of(st.none(), raw_texts)), "source": "src", "url": None,
                       "file": None, "extra": [1, "٢"]},
              "status": draw(st.sampled_from(["new", "done"])), "spans": spans, "relations": relations,
              "schema_version": 1}
    return record


def write_jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def export_all(project: Project, folder: Path) -> dict[str, Path]:
    outputs = {}
    for name in EXPORT_FORMATS:
        out = folder / f"out.{name}"
        exporter(name).export(project.iter_documents(), out, project.schema)
        outputs[name] = out
    return outputs


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(native_lines(), min_size=1, max_size=4, unique_by=lambda r: r["text"]))
def test_native_round_trip_and_every_exporter(records):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        source = write_jsonl(tmp / "in.jsonl", records)
        with Project.create(tmp / "one.annotator", NEWS) as one:
            report = import_paths(one, [source], "jsonl")
            assert not report.rejected, report.rejected
            assert report.documents == len(records)
            (tmp / "1").mkdir()
            first = export_all(one, tmp / "1")
            stored = list(one.iter_documents())
        for doc, record in zip(stored, records):
            assert doc.text == record["text"]
            assert [(s.start, s.end, s.text) for s in doc.spans] == sorted(
                [(s["start"], s["end"], s["text"]) for s in record["spans"]], key=lambda t: (t[0], -t[1]))
            for span in doc.spans:
                assert doc.text[span.start : span.end] == span.text

        with Project.create(tmp / "two.annotator", NEWS) as two:
            report = import_paths(two, [first["native"]], "jsonl")
            assert not report.rejected and report.documents == len(records)
            (tmp / "2").mkdir()
            second = export_all(two, tmp / "2")
        assert first["native"].read_bytes() == second["native"].read_bytes()

        check_exports(first, stored)


def check_exports(outputs: dict[str, Path], docs) -> None:
    by_id = {d.id: d for d in docs}
    for line in outputs["doccano"].read_text("utf-8").split("\n")[:-1]:
        record = json.loads(line)
        text = by_id[record["id"]].text
        assert record["text"] == text
        triples = record.get("label") or [(e["start_offset"], e["end_offset"], e["label"]) for e in record["entities"]]
        assert sorted(text[s:e] for s, e, _ in triples) == sorted(s.text for s in by_id[record["id"]].spans)
    for line in outputs["prodigy"].read_text("utf-8").split("\n")[:-1]:
        task = json.loads(line)
        tokens = task["tokens"]
        assert "".join(t["text"] + (" " if t["ws"] else "") for t in tokens) == task["text"]
        for span in task["spans"]:
            assert tokens[span["token_start"]]["start"] == span["start"]
            assert tokens[span["token_end"]]["end"] == span["end"]
    conll = outputs["conll"].read_text("utf-8")
    assert conll.count("-DOCSTART-") == len(docs)
    for line in conll.split("\n"):
        assert line == "" or len(line.split(" ")) == 2, repr(line)
    for doc in docs:
        folder = outputs["brat"]
        txt = next(p for p in folder.glob("*.txt") if p.read_bytes().decode("utf-8") == doc.text)
        for line in txt.with_suffix(".ann").read_text("utf-8").split("\n"):
            if line.startswith("T"):
                _, middle, covered = line.split("\t", 2)
                ranges = [tuple(map(int, r.split())) for r in middle.split(" ", 1)[1].split(";")]
                assert " ".join(doc.text[s:e] for s, e in ranges) == covered


# Export formats whose writer needs a package annotator does not require (an optional extra).
OPTIONAL_DEPENDENCY = {"spacy": "spacy"}
# Formats that write the text as tokens joined by spaces (CoNLL: و + الرئيس), so the text comes
# back tokenised and offsets move; every other format must give the text back exactly.
TOKENISED = {"conll"}


def _spans(spans, carries) -> list[tuple]:
    """What a format carries of each span: start, end, text, label, layer (if it has layers),
    attributes (if it carries them)."""
    return sorted((s.start, s.end, s.text, s.label, s.layer if "layers" in carries else None,
                   tuple(sorted(s.attrs.items())) if "attributes" in carries else ()) for s in spans)


@pytest.mark.parametrize("name", list(EXPORT_FORMATS))
def test_every_export_format_imports_back_to_the_same_spans(name, tmp_path):
    # Every export format is an import format too: there is none that cannot be read back.
    if name in OPTIONAL_DEPENDENCY:
        pytest.importorskip(OPTIONAL_DEPENDENCY[name])
    assert name in CARRIES, f"format_loss.CARRIES does not say what {name!r} carries"
    carries = CARRIES[name]
    source = make_project(tmp_path)
    out = tmp_path / f"out.{name}"
    with Project.open(source, readonly=True) as project:
        export_to(name, project.iter_documents(), out, project.schema)
        layer = default_layer(project.schema)
        before = {d.id: d for d in project.iter_documents()}
    with Project.create(tmp_path / "back.annotator", NEWS) as back:
        report = import_paths(back, [out])  # the default: the format detected from the content
        assert not report.rejected, f"{name} export does not import back: {[str(r) for r in report.rejected]}"
        assert report.documents == len(before), f"{name} export imports back as {report.documents} documents"
        after = list(back.iter_documents())
    assert len(after) == len(before)
    for doc in after:
        original = next(d for d in before.values() if _same_text(d.text, doc.text, name))
        wanted = [s for s in original.spans if "layers" in carries or s.layer == layer]
        for span in doc.spans:
            assert doc.text[span.start:span.end] == span.text
        if name in TOKENISED:
            assert [(s.text, s.label) for s in sorted(doc.spans, key=lambda s: s.start)] == \
                [(s.text, s.label) for s in sorted(wanted, key=lambda s: s.start)]
            continue
        assert doc.text == original.text
        assert _spans(doc.spans, carries) == _spans(wanted, carries)
        if "relations" in carries:
            by_id = {s.id: s for s in doc.spans}
            wanted_by_id = {s.id: s for s in original.spans}
            assert sorted((r.label, by_id[r.head].text, by_id[r.child].text) for r in doc.relations) == \
                sorted((r.label, wanted_by_id[r.head].text, wanted_by_id[r.child].text) for r in original.relations)


def _same_text(original: str, back: str, name: str) -> bool:
    if name in TOKENISED:  # the same characters, with spaces where tokens were split
        return original.replace(" ", "") == back.replace(" ", "")
    return original == back
