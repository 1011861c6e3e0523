"""The contract every store implementation passes (annotator.store.interface.Store).

A store module is tested by subclassing `StoreContract` and giving it a `store_factory` fixture
that returns a `StoreFactory`; tests/store/test_contract_sqlite.py does it for the SQLite
Project. A server store for teams is a new module plus such a fixture, nothing else.

Only the Store interface is used here: no SQL, no file paths, no private attributes.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

import pytest

from annotator import RESOURCES
from annotator.core.model import Document, Entity, EntityRef, Relation, Span, Suggestion
from annotator.core.schema import Attribute, Schema, SchemaError, load_schema
from annotator.core.text import content_hash
from annotator.store.errors import ProjectError
from annotator.store.interface import Store
from annotator.store.project import SpanFilter

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")
TEXT = "وصل سيرغي شويغو إلى بيونغ يانغ 😀 اليوم."
OTHER = "قالت وزارة الدفاع إن سيرغي شويغو زار بيونغ يانغ."


class StoreFactory(Protocol):
    def create(self, schema: Schema) -> Store:
        """A new, empty, writable store with this schema."""

    def reopen(self, store: Store, readonly: bool = False) -> Store:
        """Close `store` and open the same data again (read-only, if asked)."""


def at(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def span(sid: str, text: str, part: str, label: str = "PERSON", entity: EntityRef | None = None,
         attrs: dict | None = None, annotator: str = "amal") -> Span:
    start, end = at(text, part)
    known = NEWS.label(label)
    layer = known.layer if known else "entity"  # a label the test added to the entity layer
    return Span(sid, start, end, part, layer, label, entity, attrs or {}, annotator, "2026-01-01T00:00:00.000Z",
                "2026-01-01T00:00:00.000Z")


SHOIGU = EntityRef("e1", "سيرغي شويغو", "PERSON")


def article(doc_id: str = "d1", text: str = TEXT, status: str = "new") -> Document:
    """A document with an entity span (linked), a claim containing it and the claimant relation."""
    person = span(f"{doc_id}-s1", text, "سيرغي شويغو", entity=SHOIGU)
    claim = Span(f"{doc_id}-c1", 0, len(text) - 1, text[:-1], "claim", "CLAIM", None, {"stance": "affirm"}, "amal",
                 "2026-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z")
    relation = Relation(f"{doc_id}-r1", claim.id, person.id, "claimant", "amal", "2026-01-01T00:00:00.000Z",
                        "2026-01-01T00:00:00.000Z")
    return Document(doc_id, text, {"title": f"title {doc_id}"}, status, [person, claim], [relation], content_hash(text))


def fingerprint(store: Store) -> tuple:
    """Everything a user made, to compare before and after an action that must change nothing."""
    docs = [(d.id, d.text, d.status, d.meta, [(s.id, s.start, s.end, s.label, s.entity, s.attrs) for s in d.spans],
             [(r.id, r.head, r.child, r.label) for r in d.relations],
             [(x.id, x.key()) for x in store.suggestions(d.id)])
            for d in store.iter_documents()]
    return docs, [(e.id, e.name, e.aliases, e.mentions) for e in store.entities()], store.schema


class StoreContract:
    """Subclass it with a `store_factory` fixture (a StoreFactory)."""

    @pytest.fixture
    def store(self, store_factory):
        made = store_factory.create(NEWS)
        yield made
        made.close()

    @pytest.fixture
    def filled(self, store):
        store.add_documents([article("d1"), article("d2", OTHER, "done")], [SHOIGU])
        return store

    # -- documents ---------------------------------------------------------------------------

    def test_a_document_round_trips_with_its_spans_relations_and_links(self, filled):
        loaded = filled.get_document("d1")
        expected = article("d1")
        assert (loaded.id, loaded.text, loaded.status, loaded.content_hash) == ("d1", TEXT, "new", content_hash(TEXT))
        assert loaded.meta["title"] == "title d1"
        assert [s.id for s in loaded.spans] == ["d1-c1", "d1-s1"]  # by start, the longer first
        person = loaded.spans[1]
        assert loaded.text[person.start:person.end] == person.text == "سيرغي شويغو"
        assert person.entity == SHOIGU and person.annotator == "amal"
        assert loaded.spans[0].attrs == {"stance": "affirm"}
        assert loaded.relations == expected.relations

    def test_documents_come_in_the_order_they_were_added(self, filled):
        third = Document("a0", "نص ثالث", {}, "new", [], [], content_hash("نص ثالث"))
        filled.add_documents([third])
        assert [d.id for d in filled.iter_documents()] == ["d1", "d2", "a0"]
        assert [row[0] for row in filled.document_rows()] == ["d1", "d2", "a0"]
        assert [doc_id for doc_id, _ in filled.document_texts()] == ["d1", "d2", "a0"]

    def test_listings_filter_by_status_and_id(self, filled):
        assert [d.id for d in filled.iter_documents(statuses=["done"])] == ["d2"]
        assert [d.id for d in filled.iter_documents(ids=["d2", "d1"])] == ["d1", "d2"]
        assert filled.document_count() == 2 and filled.document_count(["new", "done"]) == 2
        assert filled.document_count(["skipped"]) == 0
        assert list(filled.document_texts(["done"])) == [("d2", OTHER)]
        assert list(filled.document_texts(ids=["d2", "d1"])) == [("d1", TEXT), ("d2", OTHER)]  # project order
        assert list(filled.document_texts(["new"], ids=["d2"])) == []
        assert filled.document_rows() == [("d1", "title d1", "new", 2), ("d2", "title d2", "done", 2)]

    def test_a_span_filter_keeps_only_relations_between_kept_spans(self, filled):
        entities_only = filled.get_document("d1", SpanFilter(layers=("entity",)))
        assert [s.id for s in entities_only.spans] == ["d1-s1"] and entities_only.relations == []
        assert [s.id for s in filled.get_document("d1", SpanFilter(labels=("CLAIM",))).spans] == ["d1-c1"]
        assert filled.get_document("d1", SpanFilter(annotators=("nobody",))).spans == []
        first_screen = filled.get_document("d1", SpanFilter(start_before=1))
        assert [s.id for s in first_screen.spans] == ["d1-c1"]

    def test_status_is_set_and_read(self, filled):
        filled.set_status("d1", "in_progress")
        assert filled.document_status("d1") == "in_progress"
        assert filled.get_document("d1").status == "in_progress"

    def test_unknown_ids_are_one_clear_error(self, filled):
        for call in (lambda: filled.get_document("nope"), lambda: filled.document_status("nope"),
                     lambda: filled.set_status("nope", "done"), lambda: filled.entity("nope"),
                     lambda: filled.delete_span("nope")):
            with pytest.raises(ProjectError, match="nope"):
                call()

    def test_ids_and_texts_already_stored_are_found(self, filled):
        assert filled.taken_ids("documents", ["d1", "x"]) == {"d1"}
        assert filled.taken_ids("spans", ["d2-s1", "d9-s1"]) == {"d2-s1"}
        assert filled.taken_ids("relations", ["d1-r1"]) == {"d1-r1"}
        assert filled.stored_ids_by_hash([content_hash(OTHER), content_hash("غير موجود")]) == {
            content_hash(OTHER): "d2"}
        many = [f"id{i}" for i in range(2500)] + ["d2"]  # more than one query's worth of ids
        assert filled.taken_ids("documents", many) == {"d2"}

    def test_stats_count_what_is_stored(self, filled):
        figures = filled.stats()
        assert figures["documents"] == 2 and figures["by_status"] == {"new": 1, "done": 1}
        assert figures["spans"] == 4 and figures["relations"] == 2 and figures["entities"] == 1
        assert figures["suggestions"] == 0
        person = next(row for row in figures["by_label"] if row["label"] == "PERSON")
        assert person == {"layer": "entity", "label": "PERSON", "spans": 2, "documents": 2}
        assert figures["annotators"][0]["annotator"] == "amal" and figures["annotators"][0]["spans"] == 4

    # -- spans and relations --------------------------------------------------------------

    def test_an_inserted_span_is_stored_in_its_place(self, filled):
        new = span("n1", TEXT, "بيونغ يانغ", "GPE")
        filled.insert_span("d1", new)
        assert [s.id for s in filled.get_document("d1").spans] == ["d1-c1", "d1-s1", "n1"]
        assert filled.get_document("d1").spans[2] == new

    def test_spans_come_by_start_then_longer_first_whatever_their_ids(self, store):
        store.add_documents([Document("d1", TEXT, {}, "new", [], [], content_hash(TEXT))])
        for sid, part, label in (("a", "اليوم", "DATE"), ("b", "يانغ", "GPE"), ("c", "بيونغ", "GPE"),
                                 ("d", "بيونغ يانغ", "GPE"), ("e", "وصل", "EVENT")):
            store.insert_span("d1", span(sid, TEXT, part, label))
        assert [s.id for s in store.get_document("d1").spans] == ["e", "d", "c", "b", "a"]

    def test_an_updated_span_keeps_its_offsets(self, filled):
        person = filled.get_document("d1").spans[1]
        person.label, person.entity, person.attrs = "ORG", None, {"note": "x"}
        filled.update_span(person)
        stored = filled.get_document("d1").spans[1]
        assert (stored.label, stored.entity, stored.attrs, stored.start) == ("ORG", None, {"note": "x"}, person.start)
        ghost = span("ghost", TEXT, "اليوم")
        with pytest.raises(ProjectError, match="ghost"):
            filled.update_span(ghost)

    def test_deleting_a_span_deletes_its_relations(self, filled):
        assert [r.id for r in filled.span_relations("d1-s1")] == ["d1-r1"]
        filled.delete_span("d1-s1")
        doc = filled.get_document("d1")
        assert [s.id for s in doc.spans] == ["d1-c1"] and doc.relations == []
        assert filled.span_relations("d1-c1") == []
        assert filled.entity("e1").mentions == 1  # the other document's span still links it

    def test_relations_are_inserted_and_deleted(self, filled):
        extra = Relation("r2", "d1-s1", "d1-c1", "cue", "amal", "t", "t")
        filled.insert_relations("d1", [extra])
        assert [r.id for r in filled.span_relations("d1-s1")] == ["d1-r1", "r2"]
        filled.delete_relation("d1-r1")
        assert filled.get_document("d1").relations == [extra]

    # -- canonical entities -------------------------------------------------------------------

    def test_entities_carry_their_mention_and_document_counts(self, filled):
        assert filled.entities() == [Entity("e1", "PERSON", "سيرغي شويغو", [], 2, 2)]
        assert filled.entity("e1").ref() == SHOIGU
        assert filled.mentions("e1") == ["d1-s1", "d2-s1"]
        assert filled.mention_locations("e1") == [("d1", "d1-s1"), ("d2", "d2-s1")]

    def test_entities_are_listed_by_name_and_updated(self, filled):
        filled.insert_entity(Entity("e0", "GPE", "بيونغ يانغ", ["پيونغ يانغ"]))
        assert [e.id for e in filled.entities()] == ["e0", "e1"]  # ب sorts before س
        assert [e.id for e in filled.entities(["e1"])] == ["e1"]
        filled.update_entity(Entity("e0", "GPE", "بيونغيانغ", ["بيونغ يانغ"]))
        assert filled.entity("e0").aliases == ["بيونغ يانغ"] and filled.entity("e0").name == "بيونغيانغ"
        with pytest.raises(ProjectError):
            filled.update_entity(Entity("none", "GPE", "x"))

    def test_mention_locations_follow_document_order_then_start(self, filled):
        filled.insert_entity(Entity("e2", "GPE", "بيونغ يانغ"))
        gpe = EntityRef("e2", "بيونغ يانغ", "GPE")
        filled.insert_span("d2", span("late", OTHER, "بيونغ يانغ", "GPE", gpe))
        filled.insert_span("d2", span("early", OTHER, "وزارة الدفاع", "ORG", gpe))
        filled.insert_span("d1", span("first", TEXT, "بيونغ يانغ", "GPE", gpe))
        assert filled.mention_locations("e2") == [("d1", "first"), ("d2", "early"), ("d2", "late")]

    def test_a_merge_moves_every_mention_and_undoes(self, filled):
        # What the workspace's MergeEntities does, and its undo.
        drop = Entity("e9", "PERSON", "شويجو")
        filled.insert_entity(drop)
        filled.insert_span("d1", span("v1", TEXT, "شويغو", entity=drop.ref()))
        moved = filled.mentions("e9")
        with filled.transaction():
            filled.link_spans(moved, "e1")
            filled.update_entity(Entity("e1", "PERSON", "سيرغي شويغو", ["شويجو"]))
            filled.delete_entity("e9")
        assert filled.entity("e1").mentions == 3 and filled.entity("e1").aliases == ["شويجو"]
        assert [e.id for e in filled.entities()] == ["e1"]
        with filled.transaction():
            filled.insert_entity(drop)
            filled.link_spans(moved, "e9")
            filled.update_entity(Entity("e1", "PERSON", "سيرغي شويغو", []))
        assert filled.mentions("e9") == ["v1"] and filled.entity("e1").mentions == 2

    def test_deleting_an_entity_keeps_its_spans_unlinked(self, filled):
        filled.delete_entity("e1")
        assert filled.entities() == []
        person = filled.get_document("d1").spans[1]
        assert person.id == "d1-s1" and person.entity is None

    def test_linking_many_spans_at_once(self, filled):
        filled.link_spans(["d1-c1", "d2-c1"], "e1")
        assert filled.entity("e1").mentions == 4
        filled.link_spans(["d1-c1", "d2-c1", "d1-s1"], None)
        assert filled.mentions("e1") == ["d2-s1"]

    # -- suggestions --------------------------------------------------------------------------

    def test_suggestions_are_stored_listed_and_deleted(self, filled):
        later = Suggestion(*at(TEXT, "اليوم"), "اليوم", "entity", "DATE", None, "import:a.jsonl", "x2")
        earlier = Suggestion(*at(TEXT, "بيونغ يانغ"), "بيونغ يانغ", "entity", "GPE", SHOIGU, "import:a.jsonl", "x1")
        filled.insert_suggestions("d1", [later, earlier])
        assert filled.suggestions("d1") == [earlier, later]  # by start
        assert filled.suggestions("d2") == [] and filled.stats()["suggestions"] == 2
        filled.delete_suggestions(["x1"])
        assert filled.suggestions("d1") == [later]

    def test_rejections_are_remembered_per_document_and_forgotten_on_request(self, store_factory, filled):
        key = (*at(TEXT, "اليوم"), "entity", "DATE")
        other = (*at(TEXT, "بيونغ يانغ"), "entity", "GPE")
        assert filled.reject_suggestions("d1", [key, key]) == [key]  # the same key once
        assert filled.reject_suggestions("d1", [key, other]) == [other]  # only the new one is returned
        assert filled.rejections("d1") == {key, other} and filled.rejections("d2") == set()
        filled.unreject_suggestions("d1", [other])
        again = store_factory.reopen(filled)
        try:
            assert again.rejections("d1") == {key}  # they last
            assert again.check().problems == []
        finally:
            again.close()

    def test_rejections_belong_to_the_set_that_made_them(self, store_factory, filled):
        key = (*at(TEXT, "اليوم"), "entity", "DATE")
        everyone = (*at(TEXT, "بيونغ يانغ"), "entity", "GPE")
        assert filled.reject_suggestions("d1", [key], "amal") == [key]
        assert filled.reject_suggestions("d1", [everyone]) == [everyone]  # set '': made before sets, imported
        assert filled.rejections("d1", "amal") == {key, everyone}
        assert filled.rejections("d1", "badr") == {everyone}  # amal's rejection is not badr's
        assert filled.rejections("d1", "gold") == {everyone} and filled.rejections("d1") == {key, everyone}
        assert filled.reject_suggestions("d1", [everyone, key], "badr") == [key]  # badr saw only `everyone`
        filled.unreject_suggestions("d1", [key], "badr")  # forgets badr's only
        assert filled.rejections("d1", "badr") == {everyone} and filled.rejections("d1", "amal") == {key, everyone}
        filled.unreject_suggestions("d1", [everyone], "amal")  # not amal's to forget
        assert filled.rejections("d1", "amal") == {key, everyone}
        again = store_factory.reopen(filled)
        try:
            assert again.rejections("d1", "amal") == {key, everyone} and again.rejections("d1", "badr") == {everyone}
            assert again.check().problems == []
        finally:
            again.close()

    # -- schema and facts ---------------------------------------------------------------------

    def test_the_schema_is_stored_and_a_label_added_lasts(self, store_factory, filled):
        assert filled.schema == NEWS and "name" in filled.info()
        label = filled.add_label("entity", "WEAPON")
        assert label.name == "WEAPON" and filled.schema.label("WEAPON").layer == "entity"
        filled.insert_span("d1", span("w", TEXT, "اليوم", "PERSON"))
        again = store_factory.reopen(filled)
        try:
            assert again.schema.label("WEAPON") == label
            assert [lab.name for lab in again.schema.layer("entity").labels][-1] == "WEAPON"
            assert [d.id for d in again.iter_documents()] == ["d1", "d2"]  # and the data lasts too
        finally:
            again.close()

    def test_an_attribute_added_and_widened_lasts_and_a_failed_action_forgets_it(self, store_factory, filled):
        flag = filled.add_attribute(Attribute("Negation", "entity", "flag"))
        assert flag == Attribute("Negation", "entity", "flag") and filled.schema.layer("entity").attributes == (flag,)
        filled.add_attribute(Attribute("Confidence", "entity", "choice", ("High",)))
        # Widening a choice changes its values only, never its place or description.
        stance = filled.add_attribute(Attribute("stance", "claim", "choice", ("affirm", "deny", "doubt")))
        assert stance == replace(NEWS.layer("claim").attributes[3], values=("affirm", "deny", "doubt"))
        with pytest.raises(SchemaError):
            filled.add_attribute(Attribute("stance", "claim", "flag"))  # another kind: refused
        with pytest.raises(RuntimeError):
            with filled.transaction():
                filled.add_attribute(Attribute("Speculation", "entity", "flag"))
                raise RuntimeError("the import's batch fails")
        assert [a.name for a in filled.schema.layer("entity").attributes] == ["Negation", "Confidence"]
        before = filled.schema
        again = store_factory.reopen(filled)
        try:
            assert again.schema == before
            assert [(a.name, a.kind, a.values) for a in again.schema.layer("entity").attributes] == [
                ("Negation", "flag", ()), ("Confidence", "choice", ("High",))]
            assert again.schema.layer("claim").attributes[3] == stance
        finally:
            again.close()

    def test_a_label_renamed_carries_its_spans_and_back(self, filled):
        before = filled.schema.label("PERSON")
        filled.replace_label(before, replace(before, name="PER"))
        assert filled.schema.label("PERSON") is None and filled.label_documents(filled.schema.label("PER")) == {"d1", "d2"}
        assert {s.label for s in filled.get_document("d1").spans if s.layer == "entity"} == {"PER"}
        filled.replace_label(filled.schema.label("PER"), before, [])
        assert filled.schema.label("PERSON") == before
        assert {s.label for s in filled.get_document("d2").spans if s.layer == "entity"} == {"PERSON"}

    def test_selection_counts_what_an_export_would_hold(self, filled):
        counts = filled.selection_counts()
        assert counts["documents"] == 2 and counts["spans_by_layer"] == {"entity": 2, "claim": 2}
        assert counts["entity_links"] == 2 and counts["relations_by_label"] == {"claimant": 2}
        assert counts["attrs_by_layer"] == {"claim": 2}  # the stances
        assert counts["overlapping_by_layer"] == {}  # a claim over an entity is another layer: no nesting
        done = filled.selection_counts(("done",), SpanFilter(layers=("entity",)))
        assert done["documents"] == 1 and done["spans_by_layer"] == {"entity": 1}
        assert done["relations_by_label"] == {}  # a claimant relation needs its claim selected too

    # -- transactions -----------------------------------------------------------------------

    def test_a_failed_action_leaves_nothing(self, filled):
        before = fingerprint(filled)
        with pytest.raises(RuntimeError):
            with filled.transaction():
                filled.add_label("entity", "WEAPON")
                filled.insert_span("d1", span("n1", TEXT, "اليوم", "WEAPON"))
                filled.delete_span("d1-s1")
                filled.add_documents([Document("d3", "نص", {}, "new", [], [], content_hash("نص"))])
                filled.set_status("d2", "skipped")
                raise RuntimeError("the action fails at its end")
        assert fingerprint(filled) == before
        assert filled.schema.label("WEAPON") is None

    def test_a_write_that_fails_inside_an_action_undoes_the_whole_action(self, filled):
        before = fingerprint(filled)
        with pytest.raises(Exception):
            with filled.transaction():
                filled.insert_span("d1", span("n1", TEXT, "اليوم", "DATE"))
                filled.insert_span("d1", span("n1", TEXT, "اليوم", "DATE"))  # the same id twice
        assert fingerprint(filled) == before

    def test_a_nested_failure_undoes_only_itself(self, filled):
        with filled.transaction():
            filled.set_status("d1", "done")
            with pytest.raises(RuntimeError):
                with filled.transaction():
                    filled.set_status("d2", "skipped")
                    filled.add_label("entity", "WEAPON")
                    raise RuntimeError("inner")
        assert filled.document_status("d1") == "done" and filled.document_status("d2") == "done"
        assert filled.schema.label("WEAPON") is None

    def test_an_outer_failure_undoes_what_nested_ones_did(self, filled):
        before = fingerprint(filled)
        with pytest.raises(RuntimeError):
            with filled.transaction():
                with filled.transaction():
                    filled.delete_entity("e1")
                raise RuntimeError("outer")
        assert fingerprint(filled) == before

    # -- read-only and closed ---------------------------------------------------------------

    def test_a_read_only_store_refuses_every_write_and_changes_nothing(self, store_factory, filled):
        reader = store_factory.reopen(filled, readonly=True)
        try:
            assert reader.readonly and reader.readonly_reason
            before = fingerprint(reader)
            entity = reader.entity("e1")
            person = reader.get_document("d1").spans[1]
            writes = [
                lambda: reader.add_documents([Document("d3", "نص", {}, "new", [], [], content_hash("نص"))]),
                lambda: reader.add_label("entity", "WEAPON"),
                lambda: reader.set_status("d1", "done"),
                lambda: reader.insert_span("d1", span("n1", TEXT, "اليوم", "DATE")),
                lambda: reader.update_span(person),
                lambda: reader.delete_span("d1-s1"),
                lambda: reader.insert_relations("d1", [Relation("r9", "d1-s1", "d1-c1", "x")]),
                lambda: reader.delete_relation("d1-r1"),
                lambda: reader.insert_entity(Entity("e5", "GPE", "x")),
                lambda: reader.update_entity(entity),
                lambda: reader.delete_entity("e1"),
                lambda: reader.link_spans(["d1-c1"], "e1"),
                lambda: reader.insert_suggestions("d1", [Suggestion(0, 3, TEXT[:3], "entity", "DATE", id="x")]),
                lambda: reader.delete_suggestions(["x"]),
                lambda: reader.reject_suggestions("d1", [(0, 3, "entity", "DATE")]),
                lambda: reader.unreject_suggestions("d1", [(0, 3, "entity", "DATE")]),
                lambda: reader.set_status("d1", "done", "amal"),
                lambda: reader.replace_set("d1", "badr", [], [], "done"),
                lambda: reader.record_package("p", "badr", "t", 1),
                lambda: reader.set_info([("k", "v")]),
                lambda: reader.transaction().__enter__(),
                lambda: reader.check(repair=True),
            ]
            for write in writes:
                with pytest.raises(ProjectError) as refused:
                    write()
                assert refused.value.code == "readonly"
            assert fingerprint(reader) == before
            assert reader.check().problems == []  # reading is allowed
        finally:
            reader.close()

    def test_a_closed_store_says_so(self, store_factory):
        made = store_factory.create(NEWS)
        assert not made.closed
        made.close()
        assert made.closed
        with pytest.raises(ProjectError) as refused:
            made.get_document("d1")
        assert refused.value.code == "closed"

    # -- annotation sets ---------------------------------------------------------------------

    def test_each_recorded_annotator_is_a_set_with_the_documents_status(self, filled):
        assert filled.document_sets() == {"d1": {"amal": "new"}, "d2": {"amal": "done"}}
        assert filled.document_sets(["d2"]) == {"d2": {"amal": "done"}}

    def test_a_set_is_replaced_alone_and_has_its_own_status(self, filled):
        mine = filled.get_document("d1")
        theirs = [replace(s, id=f"b-{s.id}", annotator="badr") for s in mine.spans]
        relation = replace(mine.relations[0], id="b-r", head=theirs[1].id, child=theirs[0].id, annotator="badr")
        filled.replace_set("d1", "badr", theirs, [relation], "done", "2026-02-01T00:00:00.000Z")
        assert filled.document_sets(["d1"]) == {"d1": {"amal": "new", "badr": "done"}}
        assert filled.set_sources(["d1"]) == {"d1": {"badr": "2026-02-01T00:00:00.000Z"}}
        badr = filled.get_document("d1", SpanFilter(set_name="badr"))
        assert [s.id for s in badr.spans] == [s.id for s in theirs] and badr.status == "done"
        assert [r.id for r in badr.relations] == ["b-r"]
        # Overlapping spans of two sets do not meet: amal's set is as it was.
        assert [s.id for s in filled.get_document("d1", SpanFilter(set_name="amal")).spans] == ["d1-c1", "d1-s1"]
        filled.replace_set("d1", "badr", theirs[:1], [], None)
        assert [s.id for s in filled.get_document("d1", SpanFilter(set_name="badr")).spans] == [theirs[0].id]
        assert filled.document_sets(["d1"])["d1"]["badr"] == "done"
        with pytest.raises(ValueError):
            filled.replace_set("d1", "badr", mine.spans, [], None)  # amal's spans are not badr's
        with pytest.raises(ProjectError) as missing:
            filled.replace_set("nope", "badr", [], [], None)
        assert missing.value.code == "no_document"

    def test_a_sets_status_is_set_with_the_documents(self, filled):
        filled.set_status("d1", "skipped", "amal")
        filled.set_status("d1", "in_progress", "badr")
        assert filled.document_status("d1") == "in_progress"
        assert filled.document_sets(["d1"]) == {"d1": {"amal": "skipped", "badr": "in_progress"}}
        listed = list(filled.iter_documents(statuses=("skipped",), spans=SpanFilter(set_name="amal")))
        assert [d.id for d in listed] == ["d1"] and listed[0].status == "skipped"
        assert [d.id for d in filled.iter_documents(spans=SpanFilter(set_name="badr"))] == ["d1"]
        assert list(filled.iter_documents(spans=SpanFilter(set_name="nobody"))) == []

    def test_the_document_list_as_a_set_sees_it(self, filled):
        imported = Document("d3", "نص مستورد", {"title": "title d3"}, "done", [], [], content_hash("نص مستورد"))
        filled.add_documents([imported])  # a status imported with the document, nobody's set
        as_documents = [("d1", "title d1", "new", 2), ("d2", "title d2", "done", 2), ("d3", "title d3", "done", 0)]
        assert filled.document_rows() == as_documents and filled.document_rows("amal") == as_documents
        # badr has no set: amal's documents are new to him, the imported status holds for everyone.
        assert filled.document_rows("badr") == [("d1", "title d1", "new", 0), ("d2", "title d2", "new", 0),
                                                ("d3", "title d3", "done", 0)]
        filled.set_status("d2", "in_progress", "badr")
        assert filled.document_status("d2") == "in_progress"  # the document's: the last one set
        assert [row[2] for row in filled.document_rows("badr")] == ["new", "in_progress", "done"]
        assert [row[2] for row in filled.document_rows("amal")] == ["new", "done", "done"]
        # Unattributed spans are every annotator's work (not gold's), and leave the status as it is.
        filled.insert_span("d3", Span("u1", 0, 2, "نص", "entity", "ORG", None, {}, "", "t", "t"))
        assert filled.document_rows("badr")[2] == ("d3", "title d3", "done", 1)
        gold = [replace(s, id=f"g-{s.id}", annotator="gold") for s in filled.get_document("d2").spans[:1]]
        filled.replace_set("d2", "gold", gold, [], "skipped")
        assert filled.document_rows("gold") == [("d1", "title d1", "new", 0), ("d2", "title d2", "skipped", 1),
                                                ("d3", "title d3", "new", 0)]
        assert filled.document_rows("badr")[1] == ("d2", "title d2", "in_progress", 0)
        for name in ("amal", "badr", "gold", "nobody"):
            assert [filled.set_status_of(row[0], name) for row in filled.document_rows(name)] == [
                row[2] for row in filled.document_rows(name)]
        with pytest.raises(ProjectError) as missing:
            filled.set_status_of("nope", "badr")
        assert missing.value.code == "no_document"

    def test_gold_wins_where_it_exists(self, filled):
        gold = [replace(s, id=f"g-{s.id}", annotator="gold") for s in filled.get_document("d2").spans[:1]]
        filled.replace_set("d2", "gold", gold, [], "done")
        preferred = {d.id: [s.id for s in d.spans] for d in filled.iter_documents(spans=SpanFilter(prefer_gold=True))}
        assert preferred == {"d1": ["d1-c1", "d1-s1"], "d2": [gold[0].id]}
        summary = {row["set"]: row for row in filled.set_summary()}
        assert list(summary) == ["amal", "gold"]
        assert summary["amal"]["documents"] == 2 and summary["gold"]["by_status"] == {"done": 1}

    def test_merged_packages_are_remembered(self, filled):
        filled.record_package("p1", "badr", "2026-02-01T00:00:00.000Z", 3)
        filled.record_package("p1", "badr", "2026-02-01T00:00:00.000Z", 4)
        assert [(p["id"], p["annotator"], p["documents"]) for p in filled.packages()] == [("p1", "badr", 4)]
        filled.set_info([("package_of", "x")])
        assert filled.info()["package_of"] == "x" and filled.info()["project_id"]

    # -- consistency -------------------------------------------------------------------------

    def test_what_the_store_wrote_passes_its_check(self, filled):
        filled.insert_suggestions("d1", [Suggestion(*at(TEXT, "اليوم"), "اليوم", "entity", "DATE", None, "s", "x")])
        result = filled.check()
        assert result.problems == [] and result.repaired == 0
        assert filled.check(repair=True).problems == []
