"""spaCy DocBin export and import: tokens on span boundaries, the text exactly, ents and span
groups as spaCy's own loaders and trainer corpus read them, the way back, and life without spaCy."""

import json
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import DocBin  # noqa: E402
from spacy.training import Corpus  # noqa: E402

from annotator import RESOURCES, SEEDS  # noqa: E402
from annotator.core.schema import load_schema  # noqa: E402
from annotator.io import export_to  # noqa: E402
from annotator.io.detect import detect  # noqa: E402
from annotator.io.importing import import_paths  # noqa: E402
from annotator.io.spacy_docbin import INSTALL, SpacyMissing, export, read  # noqa: E402
from annotator.store import Project  # noqa: E402

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
# Clitic و on الرئيس, a run of spaces, a tab, a blank line, an RLM, a ZWJ emoji sequence.
TEXT = ("قال والرئيس  بوتين\tإن روسيا\n\nستدعم \u200fكوريا الشمالية 👨\u200d👩\u200d👧 اليوم.\n"
        "وأكدت وزارة الدفاع الروسية ذلك.")


def at(word: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def span(sid: str, word: str, label: str, layer: str = "entity", **extra) -> dict:
    start, end = at(word)
    return {"id": sid, "start": start, "end": end, "text": word, "layer": layer, "label": label,
            "entity": None, "attrs": {}, "annotator": "amal", "created": "2026-01-01T00:00:00.000Z",
            "updated": "2026-01-02T00:00:00.000Z", **extra}


RECORD = {
    "id": "art-1", "text": TEXT, "status": "done",
    "meta": {"title": "عنوان", "source": "تسنيم", "url": "https://example.org/1", "file": None, "tags": ["أ", 2]},
    "spans": [
        span("s1", "الرئيس", "PERSON"),
        span("s2", "بوتين", "PERSON", entity={"id": "e-putin", "name": "فلاديمير بوتين", "type": "PERSON"}),
        span("s3", "روسيا", "GPE"),
        span("s4", "كوريا الشمالية", "GPE"),
        span("s5", "وزارة الدفاع الروسية", "ORG"),
        span("s6", "الروسية", "GPE"),  # nested in s5: kept in doc.spans, not in doc.ents
        span("c1", "إن روسيا\n\nستدعم \u200fكوريا الشمالية", "CLAIM", "claim",
             attrs={"stance": "deny", "note": "<b>x</b>"}),
    ],
    "relations": [{"id": "r1", "head": "c1", "child": "s2", "label": "claimant"}],
    "schema_version": 1,
}


def project(tmp_path: Path, name: str = "p.annotator", seeds: bool = False) -> Project:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    proj = Project.create(tmp_path / name, NEWS)
    report = import_paths(proj, [source, *([SEEDS] if seeds else [])])
    assert not report.rejected, report.rejected
    return proj


def test_docbin_as_spacy_reads_it(tmp_path):
    out = tmp_path / "train.spacy"
    with project(tmp_path) as proj:
        warnings = export_to("spacy", proj.iter_documents(), out, proj.schema)
        doc = next(proj.iter_documents())
    nlp = spacy.blank("ar")
    [sdoc] = list(DocBin().from_disk(out).get_docs(nlp.vocab))
    assert sdoc.text == TEXT  # whitespace runs, tab, newlines, RLM and emoji all kept
    assert [t.text for t in sdoc if t.idx == at("الرئيس")[0]] == ["الرئيس"]  # و is a token of its own
    by_layer = {layer: sorted((s.start, s.end, s.label) for s in doc.spans if s.layer == layer)
                for layer in ("entity", "claim")}
    for layer, expected in by_layer.items():
        assert sorted((s.start_char, s.end_char, s.label_) for s in sdoc.spans[layer]) == expected
    nested = at("الروسية")
    assert sorted((e.start_char, e.end_char, e.label_) for e in sdoc.ents) == [
        t for t in by_layer["entity"] if t[:2] != nested]
    assert warnings == ["document art-1: span s6 (GPE %d-%d) overlaps another and is left out of doc.ents "
                        "(kept in doc.spans)" % nested]
    assert {s.text: s.kb_id_ for s in sdoc.spans["entity"] if s.kb_id_} == {"بوتين": "e-putin"}
    ours = sdoc.user_data["annotator"]
    assert ours["id"] == "art-1" and ours["meta"]["source"] == "تسنيم" and ours["status"] == "done"
    assert list(ours["relations"]) == [{"id": "r1", "head": "c1", "child": "s2", "label": "claimant"}]


def test_trainer_corpus_yields_the_ents(tmp_path):
    out = tmp_path / "train.spacy"
    with project(tmp_path, seeds=True) as proj:
        export_to("spacy", proj.iter_documents(), out, proj.schema)
        docs = {d.text: d for d in proj.iter_documents()}
    nlp = spacy.blank("ar")
    examples = list(Corpus(out)(nlp))
    assert len(examples) == len(docs) > 1
    for example in examples:
        reference = example.reference
        doc = docs[reference.text]
        expected = sorted((s.start, s.end, s.label) for s in doc.spans if s.layer == "entity"
                          and (s.start, s.end) != at("الروسية"))
        assert sorted((e.start_char, e.end_char, e.label_) for e in reference.ents) == expected
        assert example.predicted.text == reference.text


def test_export_imports_back_the_same(tmp_path):
    out = tmp_path / "train.bin"  # found by its content, not its name
    with project(tmp_path) as proj:
        export_to("spacy", proj.iter_documents(), out, proj.schema)
        before = list(proj.iter_documents())
    assert detect(out)[0] == "spacy"
    with Project.create(tmp_path / "back.annotator", NEWS) as back:
        report = import_paths(back, [out])
        assert not report.rejected and report.documents == 1
        after = list(back.iter_documents())
    [one], [two] = before, after
    assert (two.id, two.text, two.status, two.meta) == (one.id, one.text, one.status, one.meta)

    def spans(doc):
        return sorted((s.id, s.start, s.end, s.layer, s.label, s.entity, s.attrs, s.annotator, s.created)
                      for s in doc.spans)

    assert spans(two) == spans(one)
    # as native JSONL: a relation keeps its id, ends and label; the import stamps it anew
    assert [(r.id, r.head, r.child, r.label) for r in two.relations] == [("r1", "c1", "s2", "claimant")]


def test_foreign_docbin_ents_and_kb_ids_import(tmp_path):
    nlp = spacy.blank("xx")
    sdoc = nlp.make_doc("زار بوتين روسيا")
    sdoc.ents = [sdoc.char_span(4, 9, "PERSON", kb_id="Q7747"), sdoc.char_span(10, 15, "GPE")]
    path = tmp_path / "other.spacy"
    DocBin(docs=[sdoc]).to_disk(path)
    with Project.create(tmp_path / "p.annotator", NEWS) as proj:
        report = import_paths(proj, [path])
        assert not report.rejected
        [doc] = list(proj.iter_documents())
    assert doc.text == "زار بوتين روسيا"
    assert [(s.text, s.layer, s.label, s.entity and s.entity.id) for s in doc.spans] == [
        ("بوتين", "entity", "PERSON", "Q7747"), ("روسيا", "entity", "GPE", None)]


def test_binary_that_is_not_a_docbin_is_refused(tmp_path):
    fake = tmp_path / "fake.spacy"
    fake.write_bytes(zlib.compress(b"\x93\x01\x02\x03" * 50))  # zlib, but no DocBin inside
    [rejection] = list(read(fake))
    assert rejection.path == str(fake) and "not a spaCy DocBin" in rejection.reason
    blob = tmp_path / "blob.bin"
    blob.write_bytes(zlib.compress(bytes(range(256)) * 20))
    fmt, reason = detect(blob)
    assert fmt is None and "not imported" in reason


def test_without_spacy(tmp_path, monkeypatch):
    good = tmp_path / "good.spacy"
    with project(tmp_path) as proj:
        export_to("spacy", proj.iter_documents(), good, proj.schema)
        docs = list(proj.iter_documents())
    for name in {"spacy", *(m for m in sys.modules if m.startswith("spacy."))}:
        monkeypatch.setitem(sys.modules, name, None)  # import spacy now raises ImportError
    with pytest.raises(SpacyMissing) as caught:
        export(docs, tmp_path / "x.spacy", NEWS)
    assert INSTALL in str(caught.value) and caught.value.code == "needs_spacy"
    [rejection] = list(read(good))
    assert rejection.path == str(good) and INSTALL in rejection.reason


def test_cli_and_io_do_not_import_spacy():
    code = ("import sys; import annotator.cli, annotator.io.detect, annotator.io.spacy_docbin, "
            "annotator.io.format_loss; assert 'spacy' not in sys.modules, 'spacy imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_odd_user_data_does_not_break_the_import(tmp_path):
    nlp = spacy.blank("xx")
    sdoc = nlp.make_doc("زار بوتين روسيا")
    sdoc.spans["entity"] = [sdoc.char_span(4, 9, "PERSON")]
    sdoc.user_data["annotator"] = {"spans": [{"layer": {"x": 1}, "start": [4], "end": 9, "label": "PERSON"}, 7],
                                   "relations": 5, "meta": "no", "id": 3}
    path = tmp_path / "odd.spacy"
    DocBin(docs=[sdoc], store_user_data=True).to_disk(path)
    [draft] = list(read(path))
    assert (draft.text, draft.id, draft.meta, draft.relations) == ("زار بوتين روسيا", None, {}, [])
    assert draft.spans == [{"start": 4, "end": 9, "label": "PERSON", "text": "بوتين", "layer": "entity"}]


def test_a_cut_docbin_is_refused_naming_the_file(tmp_path):
    with project(tmp_path) as proj:
        whole = tmp_path / "whole.spacy"
        export_to("spacy", proj.iter_documents(), whole, proj.schema)
    cut = tmp_path / "cut.spacy"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    assert detect(cut)[0] == "spacy"  # still recognisably a DocBin: its reader says what is wrong
    [rejection] = list(read(cut))
    assert rejection.path == str(cut) and rejection.reason.startswith("damaged spaCy DocBin file")
    with Project.create(tmp_path / "q.annotator", NEWS) as proj:
        report = import_paths(proj, [cut])
        assert report.documents == 0 and len(report.rejected) == 1
