from pathlib import Path

import pytest

from annotator.core.model import Document, EntityRef, Relation, Span
from annotator.core.schema import load_schema
from annotator.io import brat

SCHEMA = load_schema(Path(__file__).parents[2] / "resources/schemas/news.toml")
TEXT = "🇷🇺 روسيا تقول:\nالزيارة ناجحة 👍 بيلوسوف"


def example() -> Document:
    def span(sid, start, end, layer, label, **kw):
        return Span(sid, start, end, TEXT[start:end], layer, label, **kw)

    attrs = {"stance": "affirm", "checkworthy": "high", "verifiable": None, "claim_type": "",
             "quoted": True, "hedged": False, "cue": "k1", "note": "ملاحظة\nسطر"}
    return Document("news/1 (ar)", TEXT, spans=[
        span("p1", 31, 38, "entity", "PERSON"),  # after an astral flag and an emoji
        span("c1", 9, 28, "claim", "CLAIM", attrs=attrs),  # crosses a line break
        span("k1", 9, 13, "claim", "CUE"),  # a label the schema does not know
        span("e1", 3, 8, "entity", "GPE", entity=EntityRef("ent-ru", "روسيا", "GPE")),
    ], relations=[Relation("r1", "c1", "e1", "claimant")])


def test_exact_files(tmp_path):
    assert TEXT[3:8] == "روسيا" and TEXT[31:38] == "بيلوسوف"
    out = tmp_path / "brat"
    assert brat.export([example()], out, SCHEMA) == []
    # The id had to be changed to make a file name: a hash of it tells such names apart.
    stem = "news_1_ar_-383a3afa"
    assert sorted(p.name for p in out.iterdir()) == ["annotation.conf", f"{stem}.ann", f"{stem}.txt"]
    assert (out / f"{stem}.txt").read_bytes() == TEXT.encode("utf-8")
    assert (out / f"{stem}.ann").read_bytes().decode("utf-8") == (
        "T1\tGPE 3 8\tروسيا\n"
        "T2\tCLAIM 9 14;15 28\tتقول: الزيارة ناجحة\n"
        "T3\tCUE 9 13\tتقول\n"
        "T4\tPERSON 31 38\tبيلوسوف\n"
        "R1\tclaimant Arg1:T2 Arg2:T1\n"
        "R2\tcue Arg1:T2 Arg2:T3\n"
        "A1\tstance T2 affirm\n"
        "A2\tcheckworthy T2 high\n"
        "A3\tquoted T2\n"
        "N1\tReference T1 annotator:ent-ru\tروسيا\n"
        "#0\tAnnotatorNotes T1\tdocument id: news/1 (ar)\n"  # the original id, kept
        "#1\tAnnotatorNotes T2\tملاحظة سطر\n"
    )


def test_fragments_match_the_text(tmp_path):
    text = "أ\n\nقال بوتين إن\n"
    doc = Document("d", text, spans=[Span("s", 0, len(text), text, "claim", "CLAIM"), Span("n", 1, 3, "\n\n", "claim", "CLAIM")])
    warnings = brat.export([doc, example()], tmp_path, SCHEMA)
    assert warnings == ["document d: span n (CLAIM 1-3) is only line breaks and is left out of brat"]
    assert (tmp_path / "d.txt").read_bytes() == text.encode("utf-8")  # nothing translated
    for name in ("d", "news_1_ar_-383a3afa"):
        doc_text = (tmp_path / f"{name}.txt").read_bytes().decode("utf-8")
        for line in (tmp_path / f"{name}.ann").read_text(encoding="utf-8").splitlines():
            if line.startswith("T"):
                _, label_offsets, shown = line.split("\t")
                pieces = [tuple(map(int, p.split())) for p in label_offsets.split(" ", 1)[1].split(";")]
                assert " ".join(doc_text[s:e] for s, e in pieces) == shown
                assert all("\n" not in doc_text[s:e] for s, e in pieces)
    assert (tmp_path / "d.ann").read_text(encoding="utf-8") == "T1\tCLAIM 0 1;3 15\tأ قال بوتين إن\n"


def test_annotation_conf(tmp_path):
    brat.export([example()], tmp_path, SCHEMA)
    conf = (tmp_path / "annotation.conf").read_text(encoding="utf-8")
    sections = {}
    for block in conf.strip().split("\n\n"):
        head, *lines = block.split("\n")
        sections[head] = lines
    assert sections["[entities]"] == [
        "# entity", "PERSON", "ORG", "GPE", "LOC", "FACILITY", "DATE", "EVENT", "NORP",
        "# claim", "CLAIM", "PREDICTION", "# not in the schema", "CUE"]
    assert sections["[relations]"] == [
        "<OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
        "claimant Arg1:CLAIM|PREDICTION, Arg2:<ENTITY>",
        "cue Arg1:CLAIM|PREDICTION, Arg2:<ENTITY>",
    ]
    assert sections["[attributes]"] == [
        "claimant Arg:CLAIM|PREDICTION, Value:AUTHOR|UNKNOWN",
        "attribution Arg:CLAIM|PREDICTION, Value:direct_quote|indirect|author",
        "stance Arg:CLAIM|PREDICTION, Value:affirm|deny",
        "claim_type Arg:CLAIM|PREDICTION, Value:factual|statistical|causal|quote|policy|prediction|other",
        "checkworthy Arg:CLAIM|PREDICTION, Value:no|low|high",
        "verifiable Arg:CLAIM|PREDICTION, Value:yes|no",
        "quoted Arg:<ENTITY>",
    ]
    assert "[events]" in sections


def test_safe_names_are_unique():
    taken = set()
    # A changed id gets a hash of itself, so ids that clean up alike still differ by name.
    assert [brat.safe_name(i, taken) for i in ["a/b", "a?b", "A_B", "..x", "", "مقال", "a_B"]] == [
        "a_b-c14cddc0", "a_b-c2a7b64a", "A_B", "x-8901738c", "doc-e3b0c442", "_-eac128b0", "a_B-2"]


@pytest.mark.parametrize("doc_id", ["CON", "con", "Nul.txt", "com1", "LPT9.tar.gz", "aux", "prn.", "x.", "x ", ".."])
def test_safe_names_avoid_windows_device_names_and_trailing_dots(doc_id):
    stem = brat.safe_name(doc_id, set())
    assert stem.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT9"}
    assert not stem.endswith((".", " ")) and not stem.startswith(".")
    assert stem != doc_id


def test_a_long_id_gets_a_short_unique_name_and_is_kept(tmp_path):
    long_a, long_b = "أ" * 300, "x" * 299 + "y"
    doc_a = Document(long_a, "نص", spans=[Span("s", 0, 2, "نص", "entity", "GPE")])
    doc_b = Document(long_b, "text")
    documents = {}
    brat.export([doc_a, doc_b], tmp_path / "b", SCHEMA, documents=documents)
    stems = sorted(documents)
    assert all(len(stem) <= brat.MAX_STEM for stem in stems) and len(set(stems)) == 2
    assert sorted(documents.values()) == sorted([long_a, long_b])
    stem_a = next(stem for stem, doc_id in documents.items() if doc_id == long_a)
    assert f"AnnotatorNotes T1\tdocument id: {long_a}\n" in (tmp_path / "b" / f"{stem_a}.ann").read_text("utf-8")


def test_whitespace_in_labels_and_values_never_breaks_a_line(tmp_path):
    text = "روسيا تقول"
    span = Span("s", 0, 5, "روسيا", "entity", "BAD\nLABEL", attrs={"kind\tx": "a b\nc", "flag x": True})
    claim = Span("c", 6, 10, "تقول", "claim", "CLAIM")
    doc = Document("d", text, spans=[span, claim], relations=[Relation("r", "c", "s", "claim\u2028ant")])
    warnings = brat.export([doc], tmp_path, SCHEMA)
    assert any("BAD_LABEL" in w for w in warnings)
    for name in ("d.ann", "annotation.conf"):
        for line in (tmp_path / name).read_text("utf-8").splitlines():
            if name == "d.ann" and line[0] in "TRA":
                kind_fields = line.split("\t")[1].split(" ")
                assert all(field and not any(c.isspace() for c in field) for field in kind_fields)
    ann = (tmp_path / "d.ann").read_text("utf-8")
    assert "T1\tBAD_LABEL 0 5\tروسيا\n" in ann and "claim_ant Arg1:T2 Arg2:T1" in ann
    assert len(ann.splitlines()) == len(ann.split("\n")) - 1  # no line break but "\n"


def test_a_span_off_the_text_is_left_out_with_the_shared_warning(tmp_path):
    text = "روسيا تقول"
    doc = Document("d", text, spans=[Span("s", 0, 5, "كوريا", "entity", "GPE"), Span("o", 6, 40, "x", "entity", "GPE"),
                                     Span("k", 6, 10, "تقول", "claim", "CLAIM")])
    warnings = brat.export([doc], tmp_path, SCHEMA)
    assert warnings == ["document d: span s (GPE 0-5): does not match the document text",
                        "document d: span o (GPE 6-40): does not match the document text"]
    assert (tmp_path / "d.ann").read_text("utf-8") == "T1\tCLAIM 6 10\tتقول\n"


def test_every_line_break_character_splits_a_fragment():
    text = "أ\x0bب\x1cج\u2029د\x85ه"
    assert brat.fragments(text, 0, len(text)) == [(0, 1), (2, 3), (4, 5), (6, 7), (8, 9)]


def test_cue_attribute_becomes_its_own_text_bound_annotation(tmp_path):
    from annotator import RESOURCES
    from annotator.core.model import Document, Span
    from annotator.core.schema import load_schema
    from annotator.io import brat

    text = "قال لافروف إن الزيارة ناجحة"
    claim = Span("c", 14, 27, text[14:27], "claim", "CLAIM",
                 attrs={"cue": {"start": 0, "end": 3, "text": "قال"}, "stance": "affirm"})
    brat.export([Document("d", text, spans=[claim])], tmp_path / "b", load_schema(RESOURCES / "schemas" / "news.toml"))
    assert (tmp_path / "b" / "d.ann").read_text("utf-8") == (
        "T1\tCLAIM 14 27\tالزيارة ناجحة\n"
        "T2\tcue 0 3\tقال\n"
        "R1\tcue Arg1:T1 Arg2:T2\n"
        "A1\tstance T1 affirm\n"
    )
    assert "\ncue\n" in (tmp_path / "b" / "annotation.conf").read_text("utf-8")
