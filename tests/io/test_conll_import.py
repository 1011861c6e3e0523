"""CoNLL / IOB import: real exports of doccano and Label Studio, ANERcorp- and WikiFANE-shaped
Arabic files, every tag scheme, bad lines named, and annotator's own CoNLL export imported back."""

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator import RESOURCES
from annotator.core.graphemes import snap_out
from annotator.core.model import Document, Span
from annotator.core.schema import load_schema
from annotator.core.text import canonicalise
from annotator.core.tokenize import tokenize
from annotator.io import conll, conll_import
from annotator.io.importing import import_paths
from annotator.io.records import Draft, Rejection
from annotator.store import Project
from tests.strategies import raw_texts

DATA = Path(__file__).parent / "data" / "conll"
NEWS = load_schema(RESOURCES / "schemas" / "news.toml")


def spans_of(draft: Draft) -> list[tuple[str, str]]:
    return [(s["text"], s["label"]) for s in draft.spans]


def read(path) -> list:
    return list(conll_import.read(path))


def write(tmp_path, text: str, name: str = "in.conll") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_doccano_export_gives_its_two_documents():
    first, second = read(DATA / "labeling_text_label.conll2003")
    assert first.text == ("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .\nNadim Ladki\n"
                          "AL-AIN , United Arab Emirates 1996-12-06")
    assert spans_of(first) == [("JAPAN", "LOC"), ("CHINA", "PER"), ("Nadim Ladki", "PER"), ("AL-AIN", "LOC"),
                               ("United Arab Emirates", "LOC")]
    assert spans_of(second) == [("RUGBY UNION", "ORG"), ("CUTTITTA", "PER"), ("ITALY", "LOC"), ("ROME", "LOC"),
                                ("Italy", "LOC"), ("Marcello Cuttitta", "PER")]
    assert (first.line, second.line) == (1, 26)
    for draft in (first, second):
        assert all(draft.text[s["start"]:s["end"]] == s["text"] for s in draft.spans)


def test_label_studio_export_with_header_and_middle_columns():
    (draft,) = read(DATA / "labelstudio_result.conll")
    assert draft.text == "Showers continued throughout the week in the Bahia cocoa zone,\nقال لافروف"
    assert spans_of(draft) == [("Bahia", "Location"), ("لافروف", "Person")]


def test_anercorp_shape_one_document_without_docstart():
    (draft,) = read(DATA / "anercorp_style.txt")
    assert draft.text.split("\n") == ["أعلن الرئيس الفرنسي جاك شيراك في باريس أن الأمم المتحدة .",
                                      "قال مصدر في بي بي سي ."]
    assert spans_of(draft) == [("جاك شيراك", "PERS"), ("باريس", "LOC"), ("الأمم المتحدة", "ORG"),
                               ("بي بي سي", "ORG")]
    assert draft.meta["file"] == "anercorp_style.txt" and draft.meta["title"] is None


def test_fane_shape_bom_crlf_marks_and_tab_only_break():
    (draft,) = read(DATA / "fane_style.txt")
    assert draft.text == "زار بوتين طهران .\nوكالة تسنيم 👍🏽"
    assert "\u200e" not in draft.text and "\ufeff" not in draft.text
    assert spans_of(draft) == [("بوتين", "PER"), ("طهران", "GPE"), ("وكالة تسنيم", "ORG")]


def test_tag_schemes_iob1_bioes_bilou(tmp_path):
    iob1 = "Jan I-PER\nSmit I-PER\nPiet B-PER\nen O\nParijs I-LOC\nBerlijn I-ORG\n"
    (draft,) = read(write(tmp_path, iob1))
    assert spans_of(draft) == [("Jan Smit", "PER"), ("Piet", "PER"), ("Parijs", "LOC"), ("Berlijn", "ORG")]
    bioes = "بي B-ORG\nبي I-ORG\nسي E-ORG\nفي O\nموسكو S-GPE\nروسيا S-GPE\nو O\nأ B-X\nب E-X\nج I-X\n"
    (draft,) = read(write(tmp_path, bioes))
    assert spans_of(draft) == [("بي بي سي", "ORG"), ("موسكو", "GPE"), ("روسيا", "GPE"), ("أ ب", "X"), ("ج", "X")]
    bilou = "a U-PER\nb B-LOC\nc L-LOC\nd L-LOC\n"
    (draft,) = read(write(tmp_path, bilou))
    assert spans_of(draft) == [("a", "PER"), ("b c", "LOC"), ("d", "LOC")]
    (draft,) = read(write(tmp_path, "بوتين B_PER\nفلاديمير I_PER\n"))
    assert spans_of(draft) == [("بوتين فلاديمير", "PER")]


def test_sentence_break_ends_a_span(tmp_path):
    (draft,) = read(write(tmp_path, "كوريا B-GPE\n \t \nالشمالية I-GPE\n"))
    assert draft.text == "كوريا\nالشمالية"
    assert spans_of(draft) == [("كوريا", "GPE"), ("الشمالية", "GPE")]


def test_bad_line_rejects_its_document_only(tmp_path):
    text = ("-DOCSTART- O\n\nموسكو B-GPE\nبلا\n\n-DOCSTART- O\n\nباريس B-LOC\n\n"
            "-DOCSTART- O\n\nلندن PLACE\nروما B-GPE\n-DOCSTART- O\nقال O\n")
    path = write(tmp_path, text)
    results = read(path)
    assert [type(r) for r in results] == [Rejection, Draft, Rejection, Draft]
    assert (results[0].line, results[2].line) == (4, 12)
    assert "'بلا' has no tag column" in results[0].reason
    assert "tag 'PLACE' is not O or B-" in results[2].reason
    assert str(results[0]).startswith(f"{path}:4: ")
    assert spans_of(results[1]) == [("باريس", "LOC")] and results[3].text == "قال"


def test_empty_and_docstart_only_files_are_rejected(tmp_path):
    for text in ("", "\n\n", "-DOCSTART- -X- O\n\n"):
        (result,) = read(write(tmp_path, text))
        assert isinstance(result, Rejection) and "empty file" in result.reason


def test_import_into_a_project_adds_new_labels(tmp_path):
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [DATA / "anercorp_style.txt", DATA / "fane_style.txt"], "conll")
        assert not report.rejected and report.documents == 2 and report.spans == 7
        assert "entity/PERS" in report.added_labels and "entity/GPE" not in report.added_labels
        for doc in project.iter_documents():
            assert all(doc.text[s.start:s.end] == s.text and s.layer == "entity" for s in doc.spans)


def span(text, sid, words, label, layer="entity", after=0):
    start = text.index(words, after)
    return Span(sid, start, start + len(words), words, layer, label)


def test_round_trip_of_annotators_own_export(tmp_path):
    text = "زار بيلوسوف بيونغ يانغ، وروسيا تراقب.\nقال لافروف\u00a0: «نعم» \u200f👍🏽 مُحَمَّد"
    doc = Document("a1", text, spans=[
        span(text, "s1", "بيلوسوف", "PERSON"), span(text, "s2", "بيونغ يانغ", "GPE"),
        span(text, "s3", "روسيا", "GPE"),  # after the clitic و
        span(text, "s4", "لافروف", "PERSON"), span(text, "s5", "👍🏽 مُحَمَّد", "PERSON"),
    ])
    second = Document("a2", "موسكو\r\nو", spans=[span("موسكو\r\nو", "t1", "موسكو", "GPE")])
    first_out = tmp_path / "one.conll"
    conll.export([doc, second], first_out, NEWS)
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [first_out], "conll")
        assert not report.rejected and report.documents == 2
        stored = list(project.iter_documents())
        again = tmp_path / "two.conll"
        conll.export(stored, again, project.schema)
    assert again.read_bytes() == first_out.read_bytes()
    one, two = stored
    assert one.text == "زار بيلوسوف بيونغ يانغ ، و روسيا تراقب .\nقال لافروف : « نعم » 👍🏽 مُحَمَّد"
    assert [(s.text, s.label) for s in one.spans] == [(s.text, s.label) for s in doc.spans]
    assert [(s.text, s.label) for s in two.spans] == [("موسكو", "GPE")]
    for stored_doc in stored:
        assert all(stored_doc.text[s.start:s.end] == s.text for s in stored_doc.spans)


WORD = re.compile(r"\w+")


@st.composite
def documents(draw):
    raw = draw(raw_texts)
    text = canonicalise(raw)
    if not conll_tokens_in(text):
        text += " كلمة"
    words = sorted({snap_out(text, *m.span()) for m in WORD.finditer(text)})
    chosen = sorted(draw(st.sets(st.sampled_from(words), max_size=5)) if words else [])
    spans, reach = [], 0
    for n, (start, end) in enumerate(chosen):
        if start >= reach:  # CoNLL is flat: overlaps are left out by the exporter, and reported
            spans.append(Span(f"s{n}", start, end, text[start:end], "entity",
                              draw(st.sampled_from(["PERSON", "GPE", "ORG"]))))
            reach = end
    return Document(draw(st.sampled_from(["a", "b"])), text, spans=spans)


def conll_tokens_in(text: str) -> bool:
    return any(not t.is_space for t in tokenize(text, [], []))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(documents(), min_size=1, max_size=3))
def test_any_export_imports_back_to_the_same_spans_tokens_and_tags(docs):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        first = tmp / "one.conll"
        conll.export(docs, first, NEWS)
        drafts = list(conll_import.read(first))
        assert all(isinstance(d, Draft) for d in drafts) and len(drafts) == len(docs)
        for doc, draft in zip(docs, drafts):
            assert [s["label"] for s in draft.spans] == [s.label for s in doc.spans]
            # a span's text is its tokens joined by one space
            assert [s["text"] for s in draft.spans] == [
                " ".join(t.text for t in tokenize(s.text, [], []) if not t.is_space) for s in doc.spans]
        again = tmp / "two.conll"
        conll.export([Document(d.id, draft.text, spans=[
            Span(f"t{n}", s["start"], s["end"], s["text"], "entity", s["label"]) for n, s in enumerate(draft.spans)])
            for d, draft in zip(docs, drafts)], again, NEWS)
        # The same token and tag lines; sentence breaks may be added where joining tokens by a
        # space put final punctuation before a space ("." glued to a word in the original).
        assert nonblank(again) == nonblank(first)


def nonblank(path: Path) -> list[str]:
    return [line for line in path.read_text("utf-8").split("\n") if line]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["-DOCSTART- O", "", " \t", "روسيا B-GPE", "x I-GPE", "y E-ORG",
                                           "\u200eز S-PER", "O", "a b", "\ufeffq O"]), st.text(max_size=8)),
                max_size=20), st.sampled_from(["\n", "\r\n"]))
def test_arbitrary_lines_never_raise_and_spans_fit(lines, newline):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.conll"
        path.write_bytes(newline.join(lines).encode("utf-8", "surrogatepass"))
        for result in conll_import.read(path):
            assert isinstance(result, (Draft, Rejection))
            if isinstance(result, Draft):
                assert result.text and all(result.text[s["start"]:s["end"]] == s["text"] for s in result.spans)


def test_comment_lines_before_sentences_are_skipped_but_hash_tokens_kept(tmp_path):
    # MultiCoNER's shape: "# id ... domain=..." before every sentence, "token _ _ TAG".
    text = ("# id 3a5e domain=ar\nمحمد _ _ B-PER\n# _ _ O\nصلاح _ _ B-PER\n\n"
            "# id 77b1 domain=ar\n#\nليفربول _ _ B-ORG\n")
    (draft,) = read(write(tmp_path, text))
    assert draft.text == "محمد # صلاح\nليفربول"
    assert spans_of(draft) == [("محمد", "PER"), ("صلاح", "PER"), ("ليفربول", "ORG")]


def test_a_line_of_prose_is_named_without_copying_it_whole(tmp_path):
    prose = "كلمة" * 200
    (result,) = read(write(tmp_path, f"موسكو B-GPE\n{prose}\n"))
    assert result.line == 2 and result.reason.startswith(f"token {'كلمة' * 10!r}... has no tag column")
    assert len(result.reason) < 200
