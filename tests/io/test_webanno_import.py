"""WebAnno/INCEpTION TSV 3 import: INCEpTION's own test-suite files (stacked, sub-token,
multi-token spans, emoji in UTF-16 offsets, multi-line and tab-escaped sentences, relations) and
an Arabic named-entity file with a clitic sub-token, an entity link and a relation."""

from pathlib import Path

import pytest

from annotator import RESOURCES
from annotator.core.schema import load_schema
from annotator.io import format_for_path
from annotator.io.importing import import_paths
from annotator.io.pipeline import Preparer
from annotator.io.records import Rejection
from annotator.io.webanno import read
from annotator.store import Project

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
DATA = Path(__file__).parent / "data" / "webanno"


def prepared(name: str):
    (draft,) = read(DATA / name)
    result = Preparer(None).prepare(draft)
    assert not isinstance(result, Rejection), result
    return result.doc


def test_arabic_named_entities_clitic_emoji_link_and_relation(tmp_path):
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [DATA / "arabic-ner.tsv"], "webanno")
        assert not report.rejected, report.rejected
        assert (report.documents, report.spans, report.relations, report.added_labels) == (1, 4, 1, [])
        (doc,) = project.iter_documents()
        # The emoji flag is 4 UTF-16 units in the file, 2 characters here; the second sentence
        # sits after the one character the offsets leave between them.
        assert doc.text == "قال وزير الخارجية الروسي 🇷🇺 سيرغي لافروف\nوزار لافروف وبكين اليوم"
        assert [(s.text, s.label, s.layer) for s in doc.spans] == [
            ("الروسي", "NORP", "entity"), ("سيرغي لافروف", "PERSON", "entity"),
            ("لافروف", "PERSON", "entity"), ("بكين", "GPE", "entity")]  # بكين without its و (a sub-token)
        person = doc.spans[1]
        assert person.entity is not None and person.entity.id == "https://www.wikidata.org/wiki/Q70184"
        spans = {s.id: s.text for s in doc.spans}
        assert [(r.label, spans[r.head], spans[r.child]) for r in doc.relations] == [("visited", "لافروف", "بكين")]


def test_inception_stacked_and_sub_token_spans():
    # The reader's draft: labels such as "2a" break annotator's naming rule (a letter first), so
    # the pipeline refuses this file, naming the label.
    (doc,) = read(DATA / "stacked-sub-multi-token.tsv")
    assert doc.text == "aaaaaa bbbbbb cccccc"
    found = sorted((s["label"], s["start"], s["end"]) for s in doc.spans)
    assert found == sorted([
        ("1a", 0, 6), ("1b", 0, 6), ("2a", 0, 13), ("2b", 0, 13), ("3a", 9, 10), ("3b", 9, 10),
        ("4a", 7, 13), ("4b", 7, 13), ("5a", 9, 13), ("5b", 9, 13), ("6a", 3, 13), ("6b", 3, 13),
        ("7a", 0, 10), ("7b", 0, 10), ("8a", 3, 10), ("8b", 3, 10), ("9a", 3, 17), ("9b", 3, 17)])
    # Zero-width annotations cannot be spans: named in the meta by line, not dropped silently.
    assert doc.meta["webanno_unplaced"] == [
        "line 10: zero-width Span annotation at 7", "line 10: zero-width Span annotation at 7",
        "line 13: zero-width Span annotation at 10", "line 13: zero-width Span annotation at 10",
        "line 14: zero-width Span annotation at 13", "line 14: zero-width Span annotation at 13"]


@pytest.mark.parametrize("name, text, spans", [
    ("emoji.tsv", "I like it 😊 .", [("Span", "😊")]),  # offsets 10-12 in UTF-16
    ("multi-token.tsv", "This is a test .", [("PERSON", "This is a test .")]),
    ("line-break.tsv", "This is\na test .", [("Span", "This")]),
    ("tab.tsv", "This is\ta test .", [("Span", "This")]),
])
def test_inception_text_and_spans(name, text, spans):
    doc = prepared(name)
    assert doc.text == text
    assert [(s.label, s.text) for s in doc.spans] == spans


def test_relations_between_spans_and_on_tokens():
    doc = prepared("span-relation.tsv")
    spans = {s.id: s.text for s in doc.spans}
    assert [(r.label, spans[r.head], spans[r.child]) for r in doc.relations] == [("SimpleRelation", "This", ".")]
    tokens = prepared("token-relation.tsv")
    assert not tokens.relations
    assert tokens.meta["webanno_unplaced"] == ["line 10: relation ComplexRelation joins tokens, not spans of a span layer"]


@pytest.mark.parametrize("content, line, reason", [
    ("#FORMAT=CSV\n", 1, "not a WebAnno TSV 3 file"),
    ("#FORMAT=WebAnno TSV 3.3\n#T_SP=x.Span|value\n\n#Text=ab cd\n1-1\t0-2\tab\tX\n1-2\t3-5\tce\t_\n", 6,
     "token 'ce' at 3-5 does not match"),
    ("#FORMAT=WebAnno TSV 3.3\n#T_SP=x.Span|value\n\n#Text=ab\n1-1\t0-x\tab\tX\n", 5, "offsets '0-x'"),
])
def test_a_broken_file_is_rejected_naming_its_line(tmp_path, content, line, reason):
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    (result,) = read(path)
    assert isinstance(result, Rejection) and result.line == line and reason in result.reason, result


def test_tsv_suffix_stays_with_csv():
    # .tsv is also CSV's: only the header (detection) or --format webanno makes it this format.
    assert format_for_path(DATA / "emoji.tsv") != "webanno"


def test_a_custom_layer_feature_becomes_an_attribute_and_escapes_are_read(tmp_path):
    note_cell = r"a\|b\_c[1]"  # TSV3 escapes | and _ in feature values with a backslash
    text = "قال الوزير إن الزيارة ناجحة"
    path = tmp_path / "claims.tsv"
    rows = [("1-1", 0, 3, "قال", "_", "_"), ("1-2", 4, 10, "الوزير", "_", "_"),
            ("1-3", 11, 13, "إن", "CLAIM[1]", "deny[1]"), ("1-4", 14, 21, "الزيارة", "CLAIM[1]", "deny[1]"),
            ("1-5", 22, 27, "ناجحة", "CLAIM[1]", "deny[1]")]
    path.write_text("#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Claim|note|stance|value\n\n\n#Text=" + text + "\n"
                    + "".join(f"{i}\t{b}-{e}\t{t}\t{note_cell if v != '_' else '_'}\t{s}\t{v}\t\n"
                              for i, b, e, t, v, s in rows), encoding="utf-8")
    with Project.create(tmp_path / "p.annotator", NEWS) as project:
        report = import_paths(project, [path], "webanno")
        assert not report.rejected, report.rejected
        (doc,) = project.iter_documents()
        (claim,) = doc.spans
        assert (claim.text, claim.layer, claim.label) == ("إن الزيارة ناجحة", "claim", "CLAIM")
        assert claim.attrs == {"note": "a|b_c", "stance": "deny"}
