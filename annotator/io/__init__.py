"""Importers and exporters, one module per format, registered by name.

An import module defines ``SUFFIXES`` and ``read(path, *, encoding=None)``, yielding
``Draft`` (one document) or ``Rejection`` (a bad file or line) from ``annotator.io.records``.
An export module defines ``WRITES_FOLDER`` and ``export(docs, out, schema) -> list[str]``
(warnings for the user), writing every document of ``docs`` to ``out``.
"""

from __future__ import annotations

import importlib
from types import ModuleType

IMPORT_FORMATS = {
    "txt": "annotator.io.txt",
    "jsonl": "annotator.io.jsonl",
    "csv": "annotator.io.csv_table",
    "html": "annotator.io.html_page",
}
EXPORT_FORMATS = {
    "native": "annotator.io.native",
    "doccano": "annotator.io.doccano",
    "prodigy": "annotator.io.prodigy",
    "conll": "annotator.io.conll",
    "brat": "annotator.io.brat",
}


def importer(name: str) -> ModuleType:
    return importlib.import_module(IMPORT_FORMATS[name])


def exporter(name: str) -> ModuleType:
    return importlib.import_module(EXPORT_FORMATS[name])


def format_for_path(path) -> str | None:
    """The import format a file's suffix names, or None (auto-detection skips such files)."""
    suffix = str(path).lower().rsplit(".", 1)[-1] if "." in str(path) else ""
    for name in IMPORT_FORMATS:
        if suffix in importer(name).SUFFIXES:
            return name
    return None
