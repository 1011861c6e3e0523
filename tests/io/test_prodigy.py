import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import Document, Span
from annotator.core.text import canonicalise
from annotator.io import prodigy
from annotator.io.records import Draft, Rejection

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc  # noqa: E402

NLP = spacy.blank("ar")
SEEDS = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))
ALPHABET = list(
    "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئةى\u064e\u0650\u0651\u0670\u0640\u200c\u200d"
    "0123456789٠١٢٣.,٫،؛؟«»“”!?:\"()_…"
    "abcXYZ\U0001f600\U0001f44d\U0001f3fd\u2764\ufe0f\U0001f1f7\U0001f1fa"
    "\u200e\u200f\u061c\u2067\u2069\u200b    \n\n\t\u00a0"
)


def make_doc(text: str, offsets, doc_id="d1") -> Document:
    spans = [
        Span(f"s{n}", s, e, text[s:e], "claim" if n % 3 == 2 else "entity", "CLAIM" if n % 3 == 2 else "GPE")
        for n, (s, e) in enumerate(offsets)
    ]
    return Document(doc_id, text, {"title": "t"}, "done", spans)


def read_back(docs, path: Path) -> list[dict]:
    assert prodigy.export(docs, path, None) == []
    raw = path.read_bytes()
    assert b"\r" not in raw.replace(b"\\r", b"")
    return [json.loads(line) for line in raw.decode("utf-8").split("\n")[:-1]]


def check_with_spacy(task: dict, doc: Document) -> None:
    """THE contract: spaCy rebuilds the text and every span is a strict token span."""
    assert task["text"] == doc.text
    sdoc = Doc(NLP.vocab, words=[t["text"] for t in task["tokens"]], spaces=[t["ws"] for t in task["tokens"]])
    assert sdoc.text == doc.text
    assert [t["id"] for t in task["tokens"]] == list(range(len(task["tokens"])))
    assert len(task["spans"]) == len(doc.spans)
    for out in task["spans"]:
        span = sdoc.char_span(out["start"], out["end"], label=out["label"], alignment_mode="strict")
        assert span is not None, out
        assert (span.start, span.end) == (out["token_start"], out["token_end"] + 1)
        assert span.text == doc.text[out["start"] : out["end"]]


@st.composite
def documents(draw):
    text = draw(st.text(alphabet=st.one_of(st.sampled_from(ALPHABET), st.characters(blacklist_categories=("Cs",))), min_size=1, max_size=60))
    n = len(text)
    pairs = st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted).filter(lambda p: p[0] < p[1])
    return make_doc(text, draw(st.lists(pairs, max_size=6)))


@given(documents())
@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_random_spans_align_in_spacy(tmp_path, doc):
    (task,) = read_back([doc], tmp_path / "out.jsonl")
    check_with_spacy(task, doc)


def seed_spans(text: str) -> list[tuple[int, int]]:
    """Spans on known names wherever they occur, also after clitics (وروسيا, لروسيا, بموسكو),
    plus a line-crossing claim and spans that begin or end on whitespace."""
    names = ["روسيا", "كوريا الشمالية", "بيلوسوف", "موسكو", "بيونغ يانغ", "وزير الدفاع", "الروسي", "شويغو", "بوتين"]
    offsets = [(m.start(), m.end()) for name in names for m in re.finditer(name, text)]
    first_break = text.index("\n")
    offsets.append((first_break - 5, first_break + 6))
    space = text.index(" ", 20)
    offsets += [(space, space + 4), (space - 3, space + 1)]
    return offsets


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seed_articles_align_in_spacy(tmp_path, path):
    text = canonicalise(path.read_text(encoding="utf-8"))
    doc = make_doc(text, seed_spans(text), path.stem)
    assert len(doc.spans) > 10
    (task,) = read_back([doc], tmp_path / "out.jsonl")
    check_with_spacy(task, doc)
    # a name glued to a clitic gets a token of its own
    for out in task["spans"]:
        first = task["tokens"][out["token_start"]]
        assert first["start"] == out["start"]


def test_task_layout(tmp_path):
    text = "زار بيلوسوف بيونغ يانغ وروسيا تراقب 👍"
    doc = Document("a1", text, {"title": "زيارة", "source": "x"}, "done", [
        Span("s1", 24, 29, "روسيا", "entity", "GPE"), Span("s2", 4, 11, "بيلوسوف", "entity", "PERSON")])
    line = (tmp_path / "o.jsonl")
    prodigy.export([doc], line, None)
    raw = line.read_text(encoding="utf-8")
    assert "زار" in raw and raw.endswith("}\n") and raw.count("\n") == 1
    task = json.loads(raw)
    assert list(task) == ["id", "text", "meta", "tokens", "spans", "answer", "annotator_status"]
    assert task["meta"] == {"title": "زيارة", "source": "x", "url": None, "file": None}
    assert task["spans"] == [
        {"start": 4, "end": 11, "label": "PERSON", "token_start": 1, "token_end": 1, "layer": "entity"},
        {"start": 24, "end": 29, "label": "GPE", "token_start": 5, "token_end": 5, "layer": "entity"},
    ]
    assert task["tokens"][4:6] == [
        {"text": "و", "start": 23, "end": 24, "id": 4, "ws": False},
        {"text": "روسيا", "start": 24, "end": 29, "id": 5, "ws": True},
    ]
    assert task["answer"] == "accept"


def test_span_not_matching_text_is_left_out_with_a_warning(tmp_path):
    doc = Document("a1", "روسيا", spans=[Span("s1", 0, 5, "روسي", "entity", "GPE")])
    warnings = prodigy.export([doc], tmp_path / "o.jsonl", None)
    assert warnings == ["document a1: span s1 (GPE 0-5): does not match the document text"]


def test_parse_record_round_trip(tmp_path):
    text = "قال بوتين\nإن روسيا ستدعم"
    doc = make_doc(text, [(4, 9), (13, 18), (0, len(text))])
    (task,) = read_back([doc], tmp_path / "o.jsonl")
    draft = prodigy.parse_record(task, "o.jsonl", 1)
    assert isinstance(draft, Draft)
    assert (draft.shape, draft.id, draft.text, draft.path, draft.line) == ("prodigy", "d1", text, "o.jsonl", 1)
    assert draft.meta["title"] == "t"
    assert [(s["start"], s["end"], s["label"], s["layer"]) for s in draft.spans] == [
        (sp.start, sp.end, sp.label, sp.layer) for sp in sorted(doc.spans, key=Span.sort_key)]


def test_parse_record_minimal_spacy_shape():
    draft = prodigy.parse_record({"text": "روسيا", "spans": [{"start": 0, "end": 5, "label": "GPE", "text": "روسيا"}], "id": 7}, "f", 3)
    assert draft.spans == [{"start": 0, "end": 5, "label": "GPE", "text": "روسيا"}] and draft.id == "7"
    assert prodigy.parse_record({"text": "x"}, "f", 1).spans == []


TOKENS = [{"text": "قال", "start": 0, "end": 3, "id": 0, "ws": True}, {"text": "بوتين", "start": 4, "end": 9, "id": 1, "ws": False}]


@pytest.mark.parametrize(
    "obj, reason",
    [
        ([1], "expected a JSON object"),
        ({"spans": []}, '"text" must be a string'),
        ({"text": "x", "meta": []}, '"meta" must be an object'),
        ({"text": "x", "spans": {"start": 0}}, '"spans" must be a list'),
        ({"text": "x", "spans": ["a"]}, "span 1 must be an object"),
        ({"text": "x", "spans": [{"start": "0", "end": 1, "label": "A"}]}, "span 1: start and end must be integers"),
        ({"text": "x", "spans": [{"start": True, "end": 1, "label": "A"}]}, "span 1: start and end must be integers"),
        ({"text": "x", "spans": [{"start": 0, "end": 1}]}, "span 1: label must be a non-empty string"),
        ({"text": "x", "tokens": "a"}, '"tokens" must be a list'),
        ({"text": "x", "tokens": [{"start": 0}]}, "token 0 needs integer start and end"),
        ({"text": "x", "id": 1.5}, '"id" must be a string or an integer'),
        ({"text": "قال بوتين", "tokens": TOKENS, "spans": [{"start": 4, "end": 9, "label": "P", "token_start": 0, "token_end": 1}]},
         "span 1: token_start 0 starts at 0, but the span starts at 4"),
        ({"text": "قال بوتين", "tokens": TOKENS, "spans": [{"start": 0, "end": 9, "label": "P", "token_start": 0, "token_end": 0}]},
         "span 1: token_end 0 ends at 3, but the span ends at 9"),
        ({"text": "قال بوتين", "tokens": TOKENS, "spans": [{"start": 4, "end": 9, "label": "P", "token_start": 5, "token_end": 1}]},
         "span 1: token_start 5 is not a token id"),
        ({"text": "x", "spans": [{"start": 0, "end": 1, "label": "A", "layer": 3}]}, "span 1: layer must be a string"),
    ],
)
def test_parse_record_rejects_malformed_shapes(obj, reason):
    result = prodigy.parse_record(obj, "in.jsonl", 4)
    assert isinstance(result, Rejection)
    assert (result.path, result.line) == ("in.jsonl", 4)
    assert result.reason.startswith(reason), result.reason


def test_parse_record_leaves_offsets_to_the_pipeline():
    # out of range, but well-shaped: the shared pipeline reports it, with the text in hand
    draft = prodigy.parse_record({"text": "x", "spans": [{"start": 5, "end": 2, "label": "A"}]}, "f", 1)
    assert isinstance(draft, Draft)


@pytest.mark.parametrize("status, answer", [("done", "accept"), ("in_progress", "ignore"), ("new", "ignore"),
                                            ("skipped", "ignore")])
def test_only_a_done_document_is_an_accepted_task(tmp_path, status, answer):
    # Prodigy trains on "accept" as complete annotation; unreviewed work is "ignore" (skipped).
    text = "قال شويغو إن روسيا"
    doc = make_doc(text, [(text.index("روسيا"), len(text))])
    doc.status = status
    (task,) = read_back([doc], tmp_path / "out.jsonl")
    assert task["answer"] == answer and [s["label"] for s in task["spans"]] == ["GPE"]
