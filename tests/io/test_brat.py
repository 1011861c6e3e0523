from pathlib import Path

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
    assert sorted(p.name for p in out.iterdir()) == ["annotation.conf", "news_1_ar_.ann", "news_1_ar_.txt"]
    assert (out / "news_1_ar_.txt").read_bytes() == TEXT.encode("utf-8")
    assert (out / "news_1_ar_.ann").read_bytes().decode("utf-8") == (
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
        "#1\tAnnotatorNotes T2\tملاحظة سطر\n"
    )


def test_fragments_match_the_text(tmp_path):
    text = "أ\n\nقال بوتين إن\n"
    doc = Document("d", text, spans=[Span("s", 0, len(text), text, "claim", "CLAIM"), Span("n", 1, 3, "\n\n", "claim", "CLAIM")])
    warnings = brat.export([doc, example()], tmp_path, SCHEMA)
    assert warnings == ["d: span n (CLAIM 1-3) is only line breaks and is left out of brat"]
    assert (tmp_path / "d.txt").read_bytes() == text.encode("utf-8")  # nothing translated
    for name in ("d", "news_1_ar_"):
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
    assert [brat.safe_name(i, taken) for i in ["a/b", "a?b", "A_B", "..x", "", "مقال"]] == [
        "a_b", "a_b-2", "A_B-3", "x", "doc", "_"]


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
