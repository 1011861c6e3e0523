"""The one validation path every importer goes through."""

import pytest

from annotator import RESOURCES
from annotator.core.schema import load_schema
from annotator.io.pipeline import Prepared, Preparer
from annotator.io.records import Draft, Rejection

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
TEXT = "قال 😀 شويغو\r\nإن روسيا"


def prepare(spans, text=TEXT, unit="codepoint", relations=(), schema=NEWS, **kw):
    draft = Draft(text, "in.jsonl", 7, spans=list(spans), relations=list(relations), **kw)
    return Preparer(schema, unit, "tester").prepare(draft)


def ok(result) -> Prepared:
    assert isinstance(result, Prepared), result
    return result


def test_crlf_in_raw_text_shifts_offsets_onto_canonical_text():
    start = TEXT.index("روسيا")
    doc = ok(prepare([{"start": start, "end": start + 5, "label": "GPE", "text": "روسيا"}])).doc
    span = doc.spans[0]
    assert "\r" not in doc.text
    assert (span.start, span.end) == (start - 1, start + 4)
    assert doc.text[span.start : span.end] == "روسيا"
    assert span.layer == "entity" and span.annotator == "tester" and span.created


def test_utf16_offsets_are_converted():
    start16 = len(TEXT[: TEXT.index("شويغو")].encode("utf-16-le")) // 2
    doc = ok(prepare([{"start": start16, "end": start16 + 5, "label": "PERSON"}], unit="utf16")).doc
    assert doc.spans[0].text == "شويغو"


def test_utf16_offset_inside_an_emoji_is_rejected():
    result = prepare([{"start": 5, "end": 7, "label": "PERSON"}], unit="utf16")
    assert isinstance(result, Rejection) and "splits a surrogate pair" in result.reason
    assert str(result).startswith("in.jsonl:7: span 1:")


@pytest.mark.parametrize(
    "span, reason",
    [
        ({"start": 0, "end": 99, "label": "PERSON"}, "outside the text"),
        ({"start": 5, "end": 2, "label": "PERSON"}, "empty/reversed"),
        ({"start": -1, "end": 2, "label": "PERSON"}, "outside the text"),
        ({"start": "0", "end": 2, "label": "PERSON"}, "must be integers"),
        ({"start": True, "end": 2, "label": "PERSON"}, "must be integers"),
        ({"start": 0, "end": 3, "label": "PERSON", "text": "قول"}, "does not match"),
        ({"start": 0, "end": 3, "label": ""}, "label must be"),
        ({"start": 0, "end": 3, "label": "PERSON", "layer": "claim"}, "belongs to layer entity"),
        ({"start": 0, "end": 3, "label": "X", "layer": "sentiment"}, "unknown layer"),
        ({"start": 0, "end": 3, "label": "CLAIM", "attrs": {"stance": "maybe"}}, "must be one of affirm, deny"),
        ({"start": 0, "end": 3, "label": "CLAIM", "attrs": {"colour": "red"}}, "has no attribute"),
        ({"start": 0, "end": 3, "label": "PERSON", "entity": {"id": "e"}}, "entity must be"),
    ],
)
def test_bad_spans_are_rejected_with_a_reason(span, reason):
    result = prepare([span])
    assert isinstance(result, Rejection)
    assert reason in result.reason


def test_overlap_rules_follow_the_layer():
    crossing = [{"start": 0, "end": 5, "label": "PERSON"}, {"start": 3, "end": 8, "label": "ORG"}]
    assert "may not overlap" in prepare(crossing).reason
    nested = [{"start": 0, "end": 8, "label": "ORG"}, {"start": 4, "end": 8, "label": "PERSON"}]
    ok(prepare(nested))
    claims = [{"start": 0, "end": 5, "label": "CLAIM"}, {"start": 3, "end": 8, "label": "CLAIM"}]
    ok(prepare(claims))
    same = [{"start": 0, "end": 5, "label": "CLAIM"}, {"start": 0, "end": 5, "label": "CLAIM"}]
    assert isinstance(prepare(same), Rejection)


def test_unknown_label_is_added_to_the_first_layer():
    prepared = ok(prepare([{"start": 0, "end": 3, "label": "WEAPON"}, {"start": 6, "end": 11, "label": "WEAPON"}]))
    assert prepared.new_labels == [("entity", "WEAPON")]


def test_relations_must_point_at_spans_of_the_document():
    spans = [{"id": "a", "start": 0, "end": 3, "label": "CLAIM"}, {"id": "b", "start": 6, "end": 11, "label": "PERSON"}]
    doc = ok(prepare(spans, relations=[{"id": "r", "head": "a", "child": "b", "label": "claimant"}])).doc
    assert doc.relations[0].head == "a"
    bad = prepare(spans, relations=[{"head": "a", "child": "zzz", "label": "claimant"}])
    assert "not a span of this document" in bad.reason


def test_text_errors_point_at_the_file_line_for_text_files():
    draft = Draft("ok\nsecond\x00", "a.txt", 1, text_is_file=True)
    result = Preparer(NEWS).prepare(draft)
    assert str(result) == "a.txt:2: NUL byte (U+0000)"
    draft = Draft("ok\nsecond\x00", "a.jsonl", 12)
    assert str(Preparer(NEWS).prepare(draft)) == "a.jsonl:12: text line 2: NUL byte (U+0000)"


def test_title_defaults_to_first_non_empty_line():
    doc = ok(prepare([], text="\n\n  العنوان هنا  \nنص")).doc
    assert doc.meta == {"title": "العنوان هنا", "source": None, "url": None, "file": None}


def test_bad_status():
    assert "status" in prepare([], status="finished").reason


def test_rejections_carry_a_code_and_params_for_translation():
    # The CLI prints the English reason; the window can translate from the code and params.
    from annotator.io.records import Draft

    news = load_schema(RESOURCES / "schemas" / "news.toml")
    preparer = Preparer(news)
    split = preparer.prepare(Draft("شدّة", "a.jsonl", 3, spans=[{"start": 0, "end": 2, "label": "PERSON"}]))
    assert isinstance(split, Rejection) and split.line == 3 and split.code != "rejected" and split.params
    status = preparer.prepare(Draft("نص", "a.jsonl", 4, status="finished"))
    assert status.code == "status" and status.params["status"] == "finished" and "finished" in str(status)
