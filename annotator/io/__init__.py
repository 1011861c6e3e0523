"""Importers and exporters, one module per format, registered by name.

An import module defines ``SUFFIXES`` and ``read(path, *, encoding=None)``, yielding
``Draft`` (one document) or ``Rejection`` (a bad file or line) from ``annotator.io.records``.
An export module defines ``WRITES_FOLDER`` and ``export(docs, out, schema) -> list[str]``
(warnings for the user), writing every document of ``docs`` to ``out``.
"""

from __future__ import annotations

import importlib
import os
import shutil
from collections.abc import Iterable
from pathlib import Path
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


def export_to(name: str, docs: Iterable, out: Path, schema) -> list[str]:
    """Export with the named format, writing beside `out` and renaming at the end, so a failed
    or interrupted export never leaves half a file (or folder) where the last good one was."""
    module = exporter(name)
    out = Path(out)
    partial = out.with_name(out.name + ".partial")
    try:
        warnings = module.export(docs, partial, schema)
        if module.WRITES_FOLDER and out.exists():
            shutil.rmtree(out)
        os.replace(partial, out)
    except BaseException:
        if partial.is_dir():
            shutil.rmtree(partial, ignore_errors=True)
        elif partial.exists():
            partial.unlink()
        raise
    return warnings
