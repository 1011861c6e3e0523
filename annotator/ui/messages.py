"""The one place where the store's and the rules' messages become translatable sentences.

A ProjectError (store) or a RuleError (core/rules, and the Workspace's AnnotationError) carries
an English sentence (str(exc), what the CLI prints) and a `code` with `params`. `text(exc)`
looks the code up in TEMPLATES and returns the translated template filled with the params.

A template is used only when, filled with the params, its English is exactly str(exc): a store
that words a message differently (a variant this table does not know, a location prefix, a
reworded sentence) is shown as its own English sentence rather than as a translation of some
other sentence. tests/ui/test_translations.py checks that the real store errors still match.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from annotator.core.rules import RuleError
from annotator.store.errors import ProjectError

CONTEXT = "Messages"
# The store's "your last action was not saved" tail (store/errors.py sqlite_error): the
# templates that can carry it are listed with and without it, each a whole sentence.

TEMPLATES: dict[tuple[str, str], tuple[str, ...]] = {
    # -- the rules and the Workspace (RuleError, AnnotationError) --
    ("rule", "no_document"): (QT_TRANSLATE_NOOP("Messages", "no document is open"),),
    ("rule", "loading"): (QT_TRANSLATE_NOOP("Messages", "the document is still loading"),),
    ("rule", "readonly"): (QT_TRANSLATE_NOOP("Messages", "the project is open read-only"),),
    ("rule", "viewing_set"): (QT_TRANSLATE_NOOP(
        "Messages", "the set of {name} is shown read-only; annotate as {name} to change it"),),
    ("rule", "entity_name"): (QT_TRANSLATE_NOOP("Messages", "an entity needs a name"),),
    ("rule", "merge_self"): (QT_TRANSLATE_NOOP("Messages", "an entity cannot be merged into itself"),),
    ("rule", "no_span"): (QT_TRANSLATE_NOOP("Messages", "no span {span!r} in this document"),),
    ("rule", "no_entity"): (QT_TRANSLATE_NOOP("Messages", "no entity {entity!r} in the project"),),
    ("rule", "unknown_label"): (QT_TRANSLATE_NOOP("Messages", "no label {label!r} in the project"),),
    ("rule", "unknown_attribute"): (
        QT_TRANSLATE_NOOP("Messages", "{label} spans have no attribute {name!r}"),
        QT_TRANSLATE_NOOP("Messages", "layer {layer} has no attribute {name!r}"),
    ),
    ("rule", "label_layer"): (
        QT_TRANSLATE_NOOP("Messages", "{layer!r} is not a layer of the schema"),
        QT_TRANSLATE_NOOP("Messages", "label {name} stays in layer {layer}"),
    ),
    ("rule", "label_taken"): (QT_TRANSLATE_NOOP("Messages", "label {name} is already defined (layer {layer})"),),
    ("rule", "label_color"): (QT_TRANSLATE_NOOP("Messages", "label {name}: color must be #rrggbb, not {color!r}"),),
    ("rule", "key_taken"): (QT_TRANSLATE_NOOP("Messages", "key {key!r} is already used by {owner}"),),
    ("rule", "label_title"): (QT_TRANSLATE_NOOP(
        "Messages", "label {name}: a display name is one line of at most {most} printable characters, not {title!r}"),),
    ("rule", "outside_text"): (QT_TRANSLATE_NOOP("Messages", "{start}-{end} is outside the document"),),
    ("rule", "duplicate_span"): (QT_TRANSLATE_NOOP("Messages", "«{text}» is already {label}"),),
    ("rule", "attribute_text"): (QT_TRANSLATE_NOOP("Messages", "attribute {name} must be a string"),),
    ("rule", "attribute_flag"): (QT_TRANSLATE_NOOP("Messages", "attribute {name} is a flag: true or false, not {value!r}"),),
    ("rule", "attribute_span"): (
        QT_TRANSLATE_NOOP("Messages", "attribute {name} must be {{start, end, text}} matching the document"),),
    ("rule", "no_claimant"): (QT_TRANSLATE_NOOP("Messages", "{label} spans have no claimant"),),
    ("rule", "claimant_not_entity"): (QT_TRANSLATE_NOOP("Messages", "a claimant is an entity, not another claim"),),
    # -- import warnings (annotator.io.importing ImportReport.warnings: taken with a change) --
    ("import", "duplicate_span"): (
        QT_TRANSLATE_NOOP("Messages", "span {span} ({start!r}-{end!r} {label}) is listed twice; kept once"),),
    ("import", "meta_field"): (
        QT_TRANSLATE_NOOP("Messages", "field {name!r} is also in \"meta\"; the value in \"meta\" is kept"),),
    # a later Prodigy task of a text joining its document (annotator.io.task_join)
    ("import", "task_duplicate_span"): (
        QT_TRANSLATE_NOOP("Messages", "span {start}-{end} {label} is already in the document of this text "
                                      "(an earlier task); kept once"),),
    ("import", "task_overlap"): (
        QT_TRANSLATE_NOOP("Messages", "span {start}-{end} {label} is not kept: it crosses {other} of an earlier "
                                      "task of this text, which layer {layer} does not allow"),),
    ("import", "task_relation"): (
        QT_TRANSLATE_NOOP("Messages", "relation {label} is not kept: one of its spans was not"),),
    # a .spacy file without the spacy extra (annotator.io.spacy_docbin.SpacyMissing)
    ("import", "needs_spacy"): (QT_TRANSLATE_NOOP("Messages", "the spaCy format needs spaCy: {install}"),),
    # -- the store (ProjectError) --
    ("project", "locked"): (
        QT_TRANSLATE_NOOP("Messages", "{path} is open for writing by {holder}; close it there, or open this "
                                      "project read-only"),),
    ("project", "not_found"): (QT_TRANSLATE_NOOP("Messages", "{path}: no such project file"),),
    ("project", "closed"): (QT_TRANSLATE_NOOP("Messages", "{path} is closed"),),
    ("project", "readonly"): (
        QT_TRANSLATE_NOOP("Messages", "{path} is open read-only"),
        QT_TRANSLATE_NOOP("Messages", "{path} cannot be written (it or its folder is read-only): make it "
                                      "writable and open it again, or open it read-only"),
        QT_TRANSLATE_NOOP("Messages", "{path} cannot be written (it or its folder is read-only): make it "
                                      "writable and open it again, or open it read-only (your last action was "
                                      "not saved; everything before it is)"),
    ),
    ("project", "exists"): (QT_TRANSLATE_NOOP("Messages", "{path} already exists"),),
    # merging packages (annotator.team.merge): refused before anything is written
    ("project", "not_a_package"): (
        QT_TRANSLATE_NOOP("Messages", "{path} is a project, not a package made by `annotator assign`"),),
    ("project", "package_of_other"): (QT_TRANSLATE_NOOP("Messages", "{path} is a package of another project"),),
    ("project", "package_document_missing"): (
        QT_TRANSLATE_NOOP("Messages", "{path}: {count} documents are not in the project (first: {doc_id})"),),
    ("project", "no_folder"): (QT_TRANSLATE_NOOP("Messages", "{path} is not a folder"),),
    ("project", "no_document"): (QT_TRANSLATE_NOOP("Messages", "no document {doc_id!r}"),),
    ("project", "no_span"): (QT_TRANSLATE_NOOP("Messages", "no span {span_id!r}"),),
    ("project", "no_entity"): (QT_TRANSLATE_NOOP("Messages", "no entity {entity_id!r}"),),
    ("project", "not_a_project"): (
        QT_TRANSLATE_NOOP("Messages", "{path}: not an annotator project (a SQLite file of another program)"),),
    ("project", "disk_full"): (
        QT_TRANSLATE_NOOP("Messages", "the disk holding {path} is full: free some space and open it again"),
        QT_TRANSLATE_NOOP("Messages", "the disk holding {path} is full: free some space and open it again, or "
                                      "open it read-only"),
        QT_TRANSLATE_NOOP("Messages", "the disk holding {path} is full: free some space and create it again"),
        QT_TRANSLATE_NOOP("Messages", "the disk holding {path} is full: free some space and try again (your "
                                      "last action was not saved; everything before it is)"),
    ),
    ("project", "busy"): (
        QT_TRANSLATE_NOOP("Messages", "{path} is busy: another program kept it locked, try again in a moment"),
        QT_TRANSLATE_NOOP("Messages", "{path} is busy: another program kept it locked, try again in a moment "
                                      "(your last action was not saved; everything before it is)"),
    ),
    ("project", "damaged"): (
        QT_TRANSLATE_NOOP("Messages", "{path} is damaged ({detail}): run `annotator check` on it or restore a "
                                      "backup copy"),
        QT_TRANSLATE_NOOP("Messages", "{path} is damaged ({detail}): run `annotator check` on it or restore a "
                                      "backup copy (your last action was not saved; everything before it is)"),
    ),
    ("project", "io_error"): (
        QT_TRANSLATE_NOOP("Messages", "{path} could not be read or written ({detail}): check the disk and open "
                                      "the project again"),
        QT_TRANSLATE_NOOP("Messages", "{path} could not be read or written ({detail}): check the disk and open "
                                      "the project again (your last action was not saved; everything before it "
                                      "is)"),
    ),
}


def _family(exc: BaseException) -> str | None:
    if isinstance(exc, RuleError):
        return "rule"
    if isinstance(exc, ProjectError):
        return "project"
    return None


def text(exc: BaseException) -> str:
    """The user's sentence for `exc`, translated when its code has a matching template."""
    english = str(exc)
    family = _family(exc)
    params = getattr(exc, "params", None)
    if family is None or not isinstance(params, dict):
        return english
    for template in TEMPLATES.get((family, getattr(exc, "code", "")), ()):
        try:
            if template.format(**params) != english:
                continue
        except (KeyError, IndexError, ValueError, AttributeError):
            continue  # the params of another variant of this code
        try:
            return QCoreApplication.translate(CONTEXT, template).format(**params)
        except (KeyError, IndexError, ValueError, AttributeError):
            return english  # a translation with a broken placeholder: the English is still right
    return english


__all__ = ["TEMPLATES", "text"]
