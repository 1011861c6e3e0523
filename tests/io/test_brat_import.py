"""brat import: brat's own tutorial files, discontinuous fragments, CRLF and BOM offsets the way
brat counts them, malformed lines named by line, and annotator's brat export read back whole."""

from pathlib import Path

import pytest

from annotator import RESOURCES
from annotator.core.model import Document, EntityRef, Relation, Span
from annotator.core.schema import load_schema
from annotator.io import export_to, format_for_path
from annotator.io.brat_import import read
from annotator.io.importing import import_paths
from annotator.io.pipeline import Preparer
from annotator.io.records import Rejection
from annotator.store import Project

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
DATA = Path(__file__).parent / "data" / "brat"


def imported(tmp_path, paths, name="p.annotator"):
    project = Project.create(tmp_path / name, NEWS)
    report = import_paths(project, paths, "brat")
    return project, report


def by_text(doc):
    return {doc.text[s.start:s.end]: s for s in doc.spans}


def test_brat_tutorial_notes_events_and_relations(tmp_path):
    project, report = imported(tmp_path, [DATA / "tutorial" / "110-note_annotation.ann"])
    with project:
        assert not report.rejected and report.documents == 1
        assert report.spans == 14 and report.relations == 8  # 2 Family + 6 event arguments
        assert sorted(report.added_labels) == ["entity/Merge-org", "entity/Organization", "entity/Person"]
        (doc,) = project.iter_documents()
        for span in doc.spans:
            assert doc.text[span.start:span.end] == span.text
        names = {(s.start, s.text): s for s in doc.spans}
        assert names[(412, "Discworld")].attrs == {"note": "Should fictional places be annotated?"}
        assert names[(495, "merged")].attrs["note"].startswith("Annotate as one merge event")  # E1's note
        spans = {s.id: s for s in doc.spans}
        pairs = sorted((r.label, spans[r.head].text, spans[r.child].text) for r in doc.relations)
        assert ("Family", "Orville Wright", "Wilbur Wright") in pairs
        assert [p for p in pairs if p[1] == "merged"] == [
            ("Org-Arg", "merged", "YouTube"), ("Org-Arg", "merged", "YouTube"),
            ("Org-Arg2", "merged", "DoubleClick"), ("Org-Arg2", "merged", "DoubleClick"),
            ("Org-Arg3", "merged", "Google"), ("Org-Arg3", "merged", "Google")]
        # A relation has no note in annotator: the line is kept in the meta, not dropped.
        assert doc.meta["brat_unplaced"] == ["#3\tAnnotatorNotes R1\tShould this be marked? It's not explicitly stated."]
        assert doc.meta["file"] == "110-note_annotation.txt"


def test_brat_tutorial_attributes_binary_valued_and_on_events():
    (draft,) = read(DATA / "tutorial" / "100-attribute_annotation.ann")
    prepared = Preparer(None).prepare(draft)  # the news schema has no Confidence/Individual
    doc = prepared.doc
    assert len(doc.spans) == 26 and len(doc.relations) == 20
    first = [s for s in doc.spans if s.start < 560]
    assert [(s.text, s.attrs) for s in first if s.attrs] == [
        ("Somebody", {"Individual": True}),  # A4 Individual T1: binary
        ("twitted", {"Confidence": "Neutral"}),  # on event E1, whose trigger is T17
        ("merge", {"Confidence": "Low"}),
        ("merger", {"Confidence": "Neutral"})]
    spans = {s.id: s for s in doc.spans}
    # E1's Event-Arg is the event E2: the relation goes to E2's trigger.
    assert ("Event-Arg", "twitted", "merge") in {(r.label, spans[r.head].text, spans[r.child].text)
                                                 for r in doc.relations if spans[r.head].start == 506}


def test_discontinuous_fragments_with_words_between_are_one_span_each(tmp_path):
    project, report = imported(tmp_path, [DATA / "standoff" / "north-america.ann"])
    with project:
        assert not report.rejected
        (doc,) = project.iter_documents()
        assert sorted((s.start, s.end, s.text, s.label) for s in doc.spans) == [
            (0, 5, "North", "Location"), (10, 23, "South America", "Location"), (16, 23, "America", "Location")]
        assert doc.meta["brat_split"] == ["T1"]


def test_fragments_split_only_at_line_breaks_are_one_span(tmp_path):
    text = "قال الوزير:\nإن الزيارة ناجحة 👍"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tCLAIM 4 11;12 30\tالوزير: إن الزيارة ناجحة 👍\n", encoding="utf-8")
    project, report = imported(tmp_path, [tmp_path / "a.ann"])
    with project:
        assert not report.rejected, report.rejected
        (doc,) = project.iter_documents()
        assert [(s.start, s.end, s.layer) for s in doc.spans] == [(4, 30, "claim")]
        assert doc.spans[0].text == "الوزير:\nإن الزيارة ناجحة 👍" and "brat_split" not in doc.meta


# A BOM, CRLF line breaks, a clitic (و ب before روسيا) and an emoji before the last name.
RAW = "\ufeffزار وبروسيا\r\nالوزير 🇷🇺 بيلوسوف\r\n"


def ann_for(text: str) -> str:
    words = [("GPE", text.index("روسيا"), 5), ("PERSON", text.index("بيلوسوف"), 7)]
    return "".join(f"T{n}\t{label} {s} {s + k}\t{text[s:s + k]}\n" for n, (label, s, k) in enumerate(words, 1))


@pytest.mark.parametrize("counted", ["as brat reads the file", "on unified line breaks"])
def test_crlf_and_bom_offsets_land_on_the_same_letters(tmp_path, counted):
    # brat reads the .txt without newline translation: the BOM and both characters of a CRLF
    # count. Tools that read it with universal newlines count a CRLF as one: both must work.
    offsets_text = RAW if counted == "as brat reads the file" else RAW[1:].replace("\r\n", "\n")
    (tmp_path / "d.txt").write_bytes(RAW.encode("utf-8"))
    (tmp_path / "d.ann").write_bytes(ann_for(offsets_text).replace("\n", "\r\n").encode("utf-8"))
    assert ann_for(RAW) != ann_for(RAW[1:].replace("\r\n", "\n"))  # the two readings really differ
    project, report = imported(tmp_path, [tmp_path / "d.ann"])
    with project:
        assert not report.rejected, report.rejected
        (doc,) = project.iter_documents()
        assert doc.text == "زار وبروسيا\nالوزير 🇷🇺 بيلوسوف\n"
        assert [(s.label, s.text) for s in doc.spans] == [("GPE", "روسيا"), ("PERSON", "بيلوسوف")]


@pytest.mark.parametrize("ann, line, reason", [
    ("T1\tGPE 0 3\tزار\nT2\tGPE 4 x\tو\n", 2, "offsets '4 x' are not two numbers"),
    ("T1\tGPE 0 3\tزار\n\nT2\tGPE 4 11\tروسيا\n", 3, "T2: text 'روسيا' does not match d.txt"),
    ("T1\tGPE 0 3\tزار\nR1\tclaimant Arg1:T1 Arg2:T9\n", 2, "refers to T9"),
    ("T1\tGPE 0 300\tزار\n", 1, "beyond the text of d.txt"),
    ("T1\tGPE 0 3\tزار\nX1\tfoo\n", 2, "unknown annotation kind 'X1'"),
    ("T1\tGPE 0 3\tزار\nR1\tclaimant Arg1:T1\n", 2, "needs exactly Arg1: and Arg2:"),
])
def test_a_malformed_line_rejects_the_document_and_names_its_line(tmp_path, ann, line, reason):
    (tmp_path / "d.txt").write_text("زار وبروسيا", encoding="utf-8")
    (tmp_path / "d.ann").write_text(ann, encoding="utf-8")
    (result,) = read(tmp_path / "d.ann")
    assert isinstance(result, Rejection) and result.line == line and reason in result.reason, result


def test_an_ann_without_its_text_is_rejected(tmp_path):
    (tmp_path / "lost.ann").write_text("T1\tGPE 0 3\tزار\n", encoding="utf-8")
    (result,) = read(tmp_path / "lost.ann")
    assert isinstance(result, Rejection) and "no lost.txt beside it" in result.reason
    assert format_for_path(tmp_path / "lost.ann") == "brat"


TEXT = "🇷🇺 قالت وزارة الخارجية الروسية:\nإن الزيارة ناجحة 👍 وبيلوسوف سيزور بكين"


def exported_docs() -> list[Document]:
    def span(sid, word, layer, label, nth=0, **kw):
        start = TEXT.index(word)
        for _ in range(nth):
            start = TEXT.index(word, start + 1)
        return Span(sid, start, start + len(word), word, layer, label, **kw)

    cue = TEXT.index("قالت")
    claim = span("c1", "إن الزيارة ناجحة 👍", "claim", "CLAIM", attrs={
        "stance": "deny", "checkworthy": "high", "note": "ملاحظة: من المصدر؟",
        "cue": {"start": cue, "end": cue + 4, "text": "قالت"}})
    crossing = span("c2", "الروسية:\nإن الزيارة", "claim", "PREDICTION", attrs={"claimant": "AUTHOR"})
    return [
        Document("news/1 (ar)", TEXT, spans=[
            span("o1", "وزارة الخارجية الروسية", "entity", "ORG", entity=EntityRef("ent-mfa", "الخارجية الروسية", "ORG")),
            span("p1", "بيلوسوف", "entity", "PERSON", attrs={"note": "بعد واو العطف"}),  # a clitic before it
            span("g1", "بكين", "entity", "GPE"), claim, crossing,
        ], relations=[Relation("r1", "c1", "o1", "claimant")]),
        Document("d2", "نص ثان قصير عن روسيا", spans=[Span("x", 15, 20, "روسيا", "entity", "GPE")]),
    ]


def test_annotators_own_brat_export_imports_back_to_the_same_documents(tmp_path):
    docs = exported_docs()
    out = tmp_path / "brat"
    assert export_to("brat", docs, out, NEWS) == []
    project, report = imported(tmp_path, sorted(out.glob("*.ann")))
    with project:
        assert not report.rejected, report.rejected
        assert report.documents == 2 and not report.added_labels
        stored = {d.id: d for d in project.iter_documents()}
        assert sorted(stored) == ["d2", "news/1 (ar)"]  # ids from the export's manifest
        for original in docs:
            doc = stored[original.id]
            assert doc.text == original.text
            assert [(s.start, s.end, s.text, s.layer, s.label, s.attrs) for s in doc.spans] == [
                (s.start, s.end, s.text, s.layer, s.label, s.attrs) for s in sorted(original.spans, key=Span.sort_key)]
            assert [(s.text, s.entity.id if s.entity else None) for s in doc.spans] == [
                (s.text, s.entity.id if s.entity else None) for s in sorted(original.spans, key=Span.sort_key)]
            spans, old = {s.id: s for s in doc.spans}, {s.id: s for s in original.spans}
            assert sorted((r.label, spans[r.head].text, spans[r.child].text) for r in doc.relations) == sorted(
                (r.label, old[r.head].text, old[r.child].text) for r in original.relations)


def test_either_file_of_a_pair_reads_the_pair_and_configuration_is_no_document(tmp_path):
    (tmp_path / "d.txt").write_text("زار وبروسيا", encoding="utf-8")
    (tmp_path / "d.ann").write_text("T1\tGPE 6 11\tروسيا\n", encoding="utf-8")
    (tmp_path / "annotation.conf").write_text("[entities]\nGPE\n", encoding="utf-8")
    (from_text,) = read(tmp_path / "d.txt")
    assert from_text.path == str(tmp_path / "d.ann") and [s["label"] for s in from_text.spans] == ["GPE"]
    assert list(read(tmp_path / "annotation.conf")) == []


def test_notes_and_attributes_of_relations_are_kept_in_the_meta(tmp_path):
    (tmp_path / "d.txt").write_text("زار وبروسيا", encoding="utf-8")
    (tmp_path / "d.ann").write_text("T1\tPERSON 0 3\tزار\nT2\tGPE 6 11\tروسيا\nR1\tvisit Arg1:T1 Arg2:T2\n"
                                    "A1\tCertain R1\n#1\tAnnotatorNotes R1\tقد\n#2\tAnnotatorNotes A1\tx\n", encoding="utf-8")
    (draft,) = read(tmp_path / "d.ann")
    assert draft.meta["brat_unplaced"] == ["A1\tCertain R1", "#1\tAnnotatorNotes R1\tقد", "#2\tAnnotatorNotes A1\tx"]
    assert [r["label"] for r in draft.relations] == ["visit"] and all(not s["attrs"] for s in draft.spans)
