from pathlib import Path

from annotator.core.model import Document, Span
from annotator.core.schema import load_schema
from annotator.io import conll

SCHEMA = load_schema(Path(__file__).parents[2] / "resources/schemas/news.toml")


def span(text, sid, words, label, layer="entity", after=0):
    start = text.index(words, after)
    return Span(sid, start, start + len(words), words, layer, label)


def test_exact_output_with_clitic_and_whitespace_tokens(tmp_path):
    text = "زار بيلوسوف بيونغ يانغ، وروسيا تراقب.\nقال لافروف\u00a0: «نعم» \u200f👍"
    doc = Document("a1", text, spans=[
        span(text, "s1", "بيلوسوف", "PERSON"),
        span(text, "s2", "بيونغ يانغ", "GPE"),
        span(text, "s3", "روسيا", "GPE"),  # after the clitic و
        span(text, "s4", "لافروف", "PERSON"),
        span(text, "s5", "روسيا تراقب", "CLAIM", "claim"),
    ])
    second = Document("a2", "موسكو", spans=[span("موسكو", "t1", "موسكو", "GPE")])
    out = tmp_path / "out.conll"
    warnings = conll.export([doc, second], out, SCHEMA)
    assert out.read_bytes().decode("utf-8") == (
        "-DOCSTART- O\n"
        "\n"
        "زار O\n"
        "بيلوسوف B-PERSON\n"
        "بيونغ B-GPE\n"
        "يانغ I-GPE\n"
        "، O\n"
        "و O\n"
        "روسيا B-GPE\n"
        "تراقب O\n"
        ". O\n"
        "\n"
        "قال O\n"
        "لافروف B-PERSON\n"
        ": O\n"
        "« O\n"
        "نعم O\n"
        "» O\n"
        "👍 O\n"
        "\n"
        "-DOCSTART- O\n"
        "\n"
        "موسكو B-GPE\n"
        "\n"
    )
    assert warnings == ["CoNLL holds one flat layer (entity); spans of other layers are left out: 1 claim"]


def test_overlapping_spans_keep_the_first_longest():
    text = "أعلنت وزارة الدفاع الروسية أمس"
    doc = Document("a1", text, spans=[
        span(text, "n1", "الروسية", "NORP"),
        span(text, "o1", "وزارة الدفاع الروسية", "ORG"),
        span(text, "o2", "الدفاع الروسية أمس", "ORG"),
        span(text, "d1", "أمس", "DATE"),
    ])
    warnings = []
    block = conll.document_block(doc, "entity", warnings)
    assert block.splitlines()[2:] == [
        "أعلنت O", "وزارة B-ORG", "الدفاع I-ORG", "الروسية I-ORG", "أمس B-DATE", ""]
    assert warnings == [
        "document a1: span o2 (ORG 12-30) overlaps another and is left out of CoNLL",
        "document a1: span n1 (NORP 19-26) overlaps another and is left out of CoNLL",
    ]


def test_span_starting_on_space_and_crossing_a_line():
    text = "قال إن روسيا\nستدعم كوريا. انتهى"
    doc = Document("a1", text, spans=[
        Span("s1", 6, 12, " روسيا", "entity", "GPE"),  # begins on the space
        span(text, "s2", "روسيا\nستدعم", "EVENT"),
        Span("s3", 3, 4, " ", "entity", "DATE"),
    ])
    warnings = []
    block = conll.document_block(doc, "entity", warnings)
    assert block.split("\n\n")[1:] == ["قال O\nإن O\nروسيا B-GPE", "ستدعم O\nكوريا O\n. O", "انتهى O", ""]
    assert warnings == [
        "document a1: span s3 (DATE 3-4) is only whitespace and is left out of CoNLL",
        "document a1: span s2 (EVENT 7-18) overlaps another and is left out of CoNLL",
    ]
    doc.spans = doc.spans[1:2]  # alone, the line-crossing span keeps the two lines one sentence
    assert conll.document_block(doc).split("\n\n")[1] == "قال O\nإن O\nروسيا B-EVENT\nستدعم I-EVENT\nكوريا O\n. O"


def test_no_token_holds_whitespace_on_a_seed_article():
    path = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))[0]
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n").lstrip("\ufeff")
    block = conll.document_block(Document("x", text))
    for line in block.split("\n")[2:]:
        assert line == "" or (len(line.split(" ")) == 2 and line.endswith(" O"))


def test_a_label_with_whitespace_never_breaks_a_line():
    text = "زار لافروف كوريا"
    doc = Document("a1", text, spans=[span(text, "s1", "لافروف", "PER\nSON"), span(text, "s2", "كوريا", "G\tPE X")])
    warnings = []
    block = conll.document_block(doc, "entity", warnings)
    assert block.splitlines()[2:] == ["زار O", "لافروف B-PER_SON", "كوريا B-G_PE_X", ""]
    assert all(len(line.split(" ")) == 2 for line in block.splitlines() if line)
    assert len(warnings) == 2 and "written as PER_SON" in warnings[0]


def test_a_span_edited_behind_our_back_is_left_out_with_the_shared_warning():
    text = "زار لافروف كوريا"
    doc = Document("a1", text, spans=[Span("s1", 4, 10, "بوتين", "entity", "PERSON"),
                                      Span("s2", 11, 99, "كوريا", "entity", "GPE")])
    warnings = []
    assert conll.document_block(doc, "entity", warnings).splitlines()[2:] == ["زار O", "لافروف O", "كوريا O", ""]
    assert warnings == ["document a1: span s1 (PERSON 4-10): does not match the document text",
                        "document a1: span s2 (GPE 11-99): does not match the document text"]
