"""Explicit layer roles (issue 9): how a layer is drawn, whether its spans link to canonical
entities, which attributes the span list summarises. Code asks the schema for the role; only
schemas written before roles existed get them from position and name (with_default_roles)."""

import json

import pytest

from annotator import RESOURCES
from annotator.core.model import Document, Span
from annotator.core.schema import SchemaError, load_schema, parse_schema, with_default_roles
from annotator.core.span_index import SpanIndex
from annotator.io import conll, prodigy
from annotator.io.pipeline import Prepared, Preparer
from annotator.io.records import Draft, Rejection

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")

# The news schema as it was written before roles existed: the same layers, no role keys.
ROLELESS_NEWS = "\n".join(
    line for line in (RESOURCES / "schemas" / "news.toml").read_text(encoding="utf-8").splitlines()
    if not line.startswith(("draw =", "links_entities =", "summary ="))
)

# Claims first and underlined, entities second, drawn as background and linkable: every
# decision must follow the roles, not the order.
CLAIMS_FIRST = """
name = "claims-first"

[layers.claim]
overlap = "any"
draw = "underline"

[[layers.claim.labels]]
name = "CLAIM"
color = "#e8590c"

[[layers.claim.attributes]]
name = "claimant"
kind = "relation"
values = ["AUTHOR"]

[[layers.claim.attributes]]
name = "stance"
kind = "choice"
values = ["affirm", "deny"]

[[layers.claim.attributes]]
name = "topic"
kind = "text"
summary = true

[layers.mention]
overlap = "nested"
draw = "background"
links_entities = true

[[layers.mention.labels]]
name = "PERSON"
color = "#f4a6a6"

[[layers.mention.labels]]
name = "GPE"
color = "#a6e3b4"
"""


def roles(schema):
    return [(layer.name, layer.draw, layer.links_entities) for layer in schema.layers]


def summaries(schema):
    return {layer.name: [a.name for a in schema.summary_attributes(layer.name)] for layer in schema.layers}


# -- loading ---------------------------------------------------------------------------------

def test_news_schema_declares_its_roles():
    assert "links_entities = true" in (RESOURCES / "schemas" / "news.toml").read_text(encoding="utf-8")
    assert roles(NEWS) == [("entity", "background", True), ("claim", "underline", False)]
    assert summaries(NEWS) == {"entity": [], "claim": ["claimant", "stance"]}
    assert [layer.name for layer in NEWS.entity_layers()] == ["entity"]
    assert [layer.name for layer in NEWS.background_layers()] == ["entity"]
    assert NEWS.is_entity_layer("entity") and not NEWS.is_entity_layer("claim")
    assert not NEWS.is_entity_layer("nonexistent")
    assert NEWS.default_layer().name == "entity"


def test_roles_are_read_as_declared_whatever_the_order():
    schema = parse_schema(CLAIMS_FIRST)
    assert roles(schema) == [("claim", "underline", False), ("mention", "background", True)]
    # `summary` is declared (on topic), so the old relation/stance rule does not add any
    assert summaries(schema) == {"claim": ["topic"], "mention": []}
    assert schema.default_layer().name == "mention"


def test_a_schema_without_roles_keeps_todays_behaviour():
    old = parse_schema(ROLELESS_NEWS)
    assert roles(old) == roles(NEWS)
    assert summaries(old) == summaries(NEWS)
    assert old == NEWS  # the explicit file and the old one are the same schema


def test_default_roles_follow_the_first_layer_and_relation_or_stance():
    source = CLAIMS_FIRST.replace('draw = "underline"\n', "").replace('draw = "background"\n', "")
    source = source.replace("links_entities = true\n", "").replace("summary = true\n", "")
    old = parse_schema(source)
    # Before roles, the first layer was the entity layer, however it was named.
    assert roles(old) == [("claim", "background", True), ("mention", "underline", False)]
    assert summaries(old) == {"claim": ["claimant", "stance"], "mention": []}


def test_declaring_one_kind_of_role_leaves_the_other_to_the_defaults():
    only_draw = ROLELESS_NEWS.replace('[layers.claim]\n', '[layers.claim]\ndraw = "background"\n')
    schema = parse_schema(only_draw)
    # a layer role is declared: no layer gets the first-layer rule, even the one not mentioned
    assert roles(schema) == [("entity", "underline", False), ("claim", "background", False)]
    assert schema.entity_layers() == ()
    assert summaries(schema)["claim"] == ["claimant", "stance"]  # summary not declared: default


def test_with_default_roles_leaves_a_schema_with_roles_alone():
    assert with_default_roles(NEWS) == NEWS
    claims_first = parse_schema(CLAIMS_FIRST)
    assert with_default_roles(claims_first) == claims_first


def test_new_labels_keep_the_layer_roles():
    schema = parse_schema(CLAIMS_FIRST).with_label("mention", "ORG")
    assert roles(schema) == [("claim", "underline", False), ("mention", "background", True)]
    assert summaries(schema) == {"claim": ["topic"], "mention": []}


# -- validation --------------------------------------------------------------------------------

@pytest.mark.parametrize("written, bad, message", [
    ('draw = "underline"', 'draw = "bold"', "layer claim: draw must be one of background, underline, not 'bold'"),
    ('draw = "underline"', "draw = true", "layer claim: draw must be one of background, underline, not True"),
    # a bidi override is shown escaped, not applied to the message
    ('draw = "underline"', 'draw = "\\u202ebackground"',
     "layer claim: draw must be one of background, underline, not '\\u202ebackground'"),
    ("summary = true", 'summary = "yes"', "attribute topic: summary must be true or false, not 'yes'"),
    ("links_entities = true", "links_entities = 1", "layer mention: links_entities must be true or false, not 1"),
])
def test_bad_role_values_are_refused_with_their_line(written, bad, message):
    assert CLAIMS_FIRST.count(written) == 1
    source = CLAIMS_FIRST.replace(written, bad)
    line = source.splitlines().index(bad) + 1  # the line the error must name
    with pytest.raises(SchemaError) as caught:
        parse_schema(source, "claims.toml")
    assert str(caught.value) == f"claims.toml:{line}: {message}"


def test_a_bad_role_is_located_in_its_own_layer():
    # not the comment, not layer a's valid `draw`: layer b's, after its labels
    source = ('# draw = "background" fills the text\n'
              '[layers.a]\ndraw = "background"\nlabels = [{name = "A", color = "#aaaaaa"}]\n'
              '[layers.b]\nlabels = [{name = "B", color = "#bbbbbb"}]\ndraw = "under"\n')
    with pytest.raises(SchemaError, match=r"^s\.toml:7: layer b: draw must be one of background, underline, not 'under'$"):
        parse_schema(source, "s.toml")


# -- roles decide, not positions: span index, CoNLL, Prodigy, import -----------------------------

def _doc():
    text = "قال شويغو إن روسيا ستنتصر"
    def at(words, label, layer):
        start = text.index(words)
        return Span(f"{label}{start}", start, start + len(words), words, layer, label)
    return Document("d1", text, spans=[
        at("شويغو", "PERSON", "mention"), at("روسيا", "GPE", "mention"),
        at("روسيا ستنتصر", "CLAIM", "claim"), at("روسيا", "CLAIM", "claim"),
    ])


def test_span_index_prefers_the_entity_layers_it_is_given():
    schema = parse_schema(CLAIMS_FIRST)
    doc = _doc()
    index = SpanIndex(doc.spans)
    pos = doc.text.index("روسيا")
    entity = [layer.name for layer in schema.entity_layers()]
    # two spans as long at the click: the entity layer's first, though claim is the first layer
    assert [s.layer for s in index.at(pos, prefer=entity)][:2] == ["mention", "claim"]
    assert [s.layer for s in index.at(pos, prefer=["claim"])][:2] == ["claim", "mention"]
    assert [s.label for s in index.at(pos, prefer=entity)][-1] == "CLAIM"  # the longer claim last


def test_conll_exports_the_entity_layer_by_role(tmp_path):
    schema = parse_schema(CLAIMS_FIRST)
    out = tmp_path / "out.conll"
    warnings = conll.export([_doc()], out, schema)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert "شويغو B-PERSON" in lines and "روسيا B-GPE" in lines
    assert not any("CLAIM" in line for line in lines)
    assert warnings == ["CoNLL holds one flat layer (mention); spans of other layers are left out: 2 claim"]


def test_conll_without_an_entity_or_background_layer_says_which_it_exports(tmp_path):
    source = CLAIMS_FIRST.replace('draw = "background"\n', "").replace("links_entities = true\n", "")
    schema = parse_schema(source)
    assert schema.default_layer() is None
    warnings = conll.export([_doc()], tmp_path / "out.conll", schema)
    assert warnings[0] == ('the schema marks no layer with links_entities = true or draw = "background"; '
                           "CoNLL exports layer claim")


def test_conll_of_the_news_schema_is_unchanged(tmp_path):
    text = "قال شويغو"
    doc = Document("d", text, spans=[Span("s", 4, 9, "شويغو", "entity", "PERSON"),
                                     Span("c", 0, 9, text, "claim", "CLAIM")])
    out = tmp_path / "news.conll"
    assert conll.export([doc], out, NEWS) == [
        "CoNLL holds one flat layer (entity); spans of other layers are left out: 1 claim"]
    assert out.read_text(encoding="utf-8") == "-DOCSTART- O\n\nقال O\nشويغو B-PERSON\n\n"
    assert conll.export([doc], out, parse_schema(ROLELESS_NEWS))[0].startswith("CoNLL holds one flat layer (entity)")


def test_prodigy_round_trip_puts_unlayered_new_labels_in_the_entity_layer(tmp_path):
    schema = parse_schema(CLAIMS_FIRST)
    out = tmp_path / "out.jsonl"
    assert prodigy.export([_doc()], out, schema) == []
    task = json.loads(out.read_text(encoding="utf-8"))
    assert {(s["label"], s["layer"]) for s in task["spans"]} == {
        ("PERSON", "mention"), ("GPE", "mention"), ("CLAIM", "claim")}
    # spaCy/Prodigy tasks from elsewhere carry no layer; a label new to the schema joins the
    # entity layer by role, not the first layer (claim)
    spans = [{k: v for k, v in s.items() if k != "layer"} for s in task["spans"]]
    spans.append({"start": 0, "end": 3, "label": "VERB"})
    draft = prodigy.parse_record({**task, "spans": spans}, "in.jsonl", 1)
    assert isinstance(draft, Draft), draft
    prepared = Preparer(schema).prepare(draft)
    assert isinstance(prepared, Prepared), prepared
    assert {(s.label, s.layer) for s in prepared.doc.spans} == {
        ("PERSON", "mention"), ("GPE", "mention"), ("CLAIM", "claim"), ("VERB", "mention")}
    assert prepared.new_labels == [("mention", "VERB")]


def test_import_without_a_default_layer_asks_for_one():
    source = CLAIMS_FIRST.replace('draw = "background"\n', "").replace("links_entities = true\n", "")
    draft = Draft("قال شويغو", "in.jsonl", 3, spans=[
        {"start": 4, "end": 9, "label": "PERSON"},  # known: its layer is found by label
        {"start": 0, "end": 3, "label": "VERB"},  # new and without a layer: no role says where
    ])
    rejected = Preparer(parse_schema(source)).prepare(draft)
    assert isinstance(rejected, Rejection)
    assert "span 2: label VERB is not in the schema and the span names no layer" in rejected.reason
    layered = Draft("قال شويغو", "in.jsonl", 3, spans=[{"start": 0, "end": 3, "label": "VERB", "layer": "claim"}])
    assert isinstance(Preparer(parse_schema(source)).prepare(layered), Prepared)
