"""Every export format says what it cannot carry, counted, before anything is written; the
counts come from SQL (no text read) and match the documents themselves."""

import json
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator import RESOURCES
from annotator.cli import cli
from annotator.core.schema import load_schema
from annotator.io import EXPORT_FORMATS, export_to
from annotator.io.format_loss import CARRIES, Loss, Tally, losses, selection_losses, sentence
from annotator.io.importing import import_paths
from annotator.store import Project
from annotator.store.documents import SpanFilter

T1 = "قال سيرغي شويغو إن روسيا قوية"
T2 = "أعلنت الحكومة خطة جديدة"
T3 = "توقع الخبراء ارتفاع الأسعار"


def span(span_id, text, word, label, layer="entity", **extra):
    start = text.index(word)
    return {"id": span_id, "start": start, "end": start + len(word), "text": word, "label": label, "layer": layer,
            **extra}


RECORDS = [
    {"id": "d1", "text": T1, "status": "done", "meta": {"title": "عنوان", "source": "وكالة"},
     "schema_version": 1,
     "spans": [span("s1", T1, "سيرغي شويغو", "PERSON",
                    entity={"id": "E1", "name": "شويغو", "type": "PERSON"}),
               span("s4", T1, "شويغو", "PERSON"),  # nested in s1: CoNLL cannot hold both
               span("s2", T1, "روسيا", "GPE", entity={"id": "E2", "name": "روسيا", "type": "GPE"}),
               span("s3", T1, "إن روسيا قوية", "CLAIM", "claim",
                    attrs={"claimant": "AUTHOR", "stance": "affirm", "checkworthy": "high", "note": ""})],
     "relations": [{"id": "r1", "head": "s3", "child": "s1", "label": "claimant"}]},
    {"id": "d2", "text": T2, "status": "done", "schema_version": 1,
     "spans": [span("s5", T2, "الحكومة", "ORG"),
               span("s6", T2, T2, "CLAIM", "claim", attrs={"stance": "deny", "claim_type": None})],
     "relations": [{"id": "r2", "head": "s6", "child": "s5", "label": "claimant"}]},
    {"id": "d3", "text": T3, "status": "new", "schema_version": 1,  # not done: outside the default selection
     "spans": [span("s7", T3, T3, "PREDICTION", "claim", attrs={"stance": "affirm", "verifiable": "no"})]},
]


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.annotator"
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS) + "\n", encoding="utf-8")
    with Project.create(path, load_schema(RESOURCES / "schemas" / "news.toml")) as proj:
        report = import_paths(proj, [source])
        assert not report.rejected and report.documents == 3
    with Project.open(path) as proj:
        yield proj


def counted(proj, statuses=(), spans=SpanFilter()) -> Tally:
    tally = Tally()
    for doc in proj.iter_documents(statuses, spans):
        tally.add(doc)
    return tally


@pytest.mark.parametrize("statuses, spans", [
    ((), SpanFilter()), (("done",), SpanFilter()), (("new",), SpanFilter()),
    (("done",), SpanFilter(labels=("PERSON", "CLAIM"))), ((), SpanFilter(layers=("claim",))),
    ((), SpanFilter(annotators=("nobody",))),
])
def test_the_sql_tally_equals_the_documents_own(project, statuses, spans):
    assert Tally.from_counts(project.selection_counts(statuses, spans)) == counted(project, statuses, spans)


def test_the_tally_counts_what_the_data_holds(project):
    tally = Tally.from_counts(project.selection_counts(("done",)))
    assert (tally.documents, tally.documents_with_meta, tally.spans) == (2, 1, 6)
    assert tally.spans_by_layer == {"entity": 4, "claim": 2}
    # claimant, stance, checkworthy of s3 and stance of s6; the empty note and the None are not set
    assert tally.attrs_by_layer == {"claim": 4}
    assert tally.entity_links == 2 and tally.relations_by_label == {"claimant": 2}
    only_claims = Tally.from_counts(project.selection_counts((), SpanFilter(layers=("claim",))))
    assert only_claims.relations_by_label == {}  # a relation is exported only with both its spans
    assert only_claims.attrs_by_layer == {"claim": 6} and only_claims.documents == 3


def test_each_format_names_what_it_leaves_out(project):
    said = {fmt: selection_losses(project, fmt, ("done",))[1] for fmt in EXPORT_FORMATS}
    assert said["native"] == []
    everything = [Loss("attributes", 4, "claim"), Loss("relations", 2, "claimant"), Loss("entity_links", 2)]
    assert said["doccano"] == said["prodigy"] == [Loss("attributes", 4, "claim"), Loss("entity_links", 2)]
    assert said["labelstudio"] == said["doccano"]
    assert said["conll"] == [Loss("layer_spans", 2, "claim"), Loss("nested_spans", 1, "entity"),
                             Loss("relations", 2, "claimant"), Loss("entity_links", 2), Loss("metadata", 1)]
    assert said["brat"] == [Loss("metadata", 1)]
    assert sentence("doccano", said["doccano"]) == (
        "doccano cannot carry 4 claim attributes, 2 entity links: they are not written")
    assert sentence("native", said["native"]) is None
    # The flat format's attributes are those of the layer it writes: an entity layer has none here.
    assert losses("conll", Tally(spans_by_layer={"entity": 3}, attrs_by_layer={"entity": 5}), "entity")[0] == \
        Loss("attributes", 5, "entity")


@pytest.mark.parametrize("fmt", list(EXPORT_FORMATS))
def test_what_a_format_is_said_to_carry_is_what_its_writer_writes(project, tmp_path, fmt):
    out = tmp_path / ("out" if fmt == "brat" else f"out.{fmt}")
    export_to(fmt, project.iter_documents(("done",)), out, project.schema)
    if fmt == "spacy":  # a DocBin is zlib-compressed msgpack: its strings are UTF-8 inside
        written = zlib.decompress(out.read_bytes()).decode("utf-8", "replace")
    else:
        written = "".join(p.read_text("utf-8") for p in sorted(out.iterdir())) if out.is_dir() else out.read_text("utf-8")
    carries = CARRIES[fmt]
    assert ("high" in written) == ("attributes" in carries)  # s3's checkworthy value
    assert ("E1" in written) == ("entity_links" in carries)
    assert ("r1" in written or "Arg1:T" in written) == ("relations" in carries)
    assert ("وكالة" in written) == ("metadata" in carries)
    assert ("B-CLAIM" not in written) if fmt == "conll" else ("CLAIM" in written)


def test_conll_reports_each_left_out_span_with_its_document(project, tmp_path):
    warnings = export_to("conll", project.iter_documents(("done",)), tmp_path / "o.conll", project.schema)
    assert "document d1: span s4 (PERSON 10-15) overlaps another and is left out of CoNLL" in warnings


def test_the_cli_says_what_is_lost_before_writing(project, tmp_path):
    path = project.path
    project.close()
    out = tmp_path / "o.jsonl"
    result = CliRunner().invoke(cli, ["export", str(path), "-o", str(out), "--format", "doccano", "--status", "done"])
    assert result.exit_code == 0, result.output
    assert "warning: doccano cannot carry 4 claim attributes, 2 entity links: they are not written" in result.stderr
    result = CliRunner().invoke(cli, ["export", str(path), "-o", str(tmp_path / "n.jsonl"), "--status", "done"])
    assert result.exit_code == 0 and "cannot carry" not in result.stderr


def test_conll_counts_nested_and_overlapping_spans_before_writing(project, tmp_path):
    """What IOB cannot hold is counted in SQL for the selection, and is exactly what the writer
    then leaves out span by span."""
    lost = selection_losses(project, "conll", ("done",))[1]
    assert Loss("nested_spans", 1, "entity") in lost
    assert sentence("conll", lost).startswith("conll cannot carry 2 claim spans, 1 nested or overlapping entity span,")
    warnings = export_to("conll", project.iter_documents(("done",)), tmp_path / "o.conll", project.schema)
    assert sum("overlaps another" in w for w in warnings) == 1
    # Only the selected spans count: without the outer PERSON span, nothing nests.
    assert project.selection_counts(("done",), SpanFilter(labels=("GPE",)))["overlapping_by_layer"] == {}
    assert project.selection_counts()["overlapping_by_layer"] == {"entity": 1}
    for fmt in ("native", "brat", "doccano", "spacy"):  # formats that hold nesting say nothing of it
        assert not [x for x in selection_losses(project, fmt)[1] if x.kind == "nested_spans"]


def test_overlap_count_in_sql_and_in_python_agree(tmp_path):
    """Nested, crossing, touching and same-range spans (the claim layer allows any overlap): the
    SQL count and the Documents' own count each span that starts before an earlier one of its
    layer ends, in the writers' (start, longest first) order."""
    text = "قال الوزير إن الحكومة ستخفض الضرائب وترفع الأجور العام المقبل"
    claims = [(0, 30, "CLAIM"), (4, 10, "CLAIM"),  # nested
              (25, 40, "CLAIM"),  # crosses the first
              (40, 45, "CLAIM"),  # touches the third: fine
              (50, 55, "CLAIM"), (50, 55, "PREDICTION")]  # the same range twice
    record = {"id": "d", "text": text, "status": "done", "schema_version": 1,
              "spans": [{"id": f"c{n}", "start": s, "end": e, "text": text[s:e], "label": label, "layer": "claim"}
                        for n, (s, e, label) in enumerate(claims)]
              + [{"id": "p", "start": 4, "end": 10, "text": text[4:10], "label": "PERSON", "layer": "entity"}]}
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with Project.create(tmp_path / "p.annotator", load_schema(RESOURCES / "schemas" / "news.toml")) as proj:
        report = import_paths(proj, [source])
        assert not report.rejected, report.rejected
        sql = Tally.from_counts(proj.selection_counts())
        assert sql.overlapping_by_layer == counted(proj).overlapping_by_layer == {"claim": 3}
        # the entity span inside the claims is in another layer: nothing of the entity layer nests
        assert [x for x in losses("conll", sql, "entity") if x.kind == "nested_spans"] == []
        assert Loss("nested_spans", 3, "claim") in losses("conll", sql, "claim")
