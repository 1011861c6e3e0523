"""One small project that every export format is tried on: Arabic with clitic-prefixed spans
(والرئيس, وبالأمم), an emoji before a span, Latin names, digits, a claim with an attribute and a
claimant relation, and a second document."""

import json
from pathlib import Path

from annotator import RESOURCES
from annotator.core.schema import load_schema
from annotator.io.importing import import_paths
from annotator.store import Project

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")

FIRST = "قال والرئيس ماكرون 😀 إن فرنسا ستدفع 2024 مليون يورو لـ Total وبالأمم المتحدة."
SECOND = "أعلنت شركة Aramco في الرياض عن أرباح بلغت ٣٫٥ مليار 🎉"


def _span(text: str, word: str, label: str, sid: str, layer: str = "entity", attrs=None) -> dict:
    start = text.index(word)
    return {"id": sid, "start": start, "end": start + len(word), "text": word, "layer": layer, "label": label,
            "attrs": attrs or {}}


def records() -> list[dict]:
    claim = FIRST[FIRST.index("فرنسا"):-1]
    first = {"id": "d1", "text": FIRST, "spans": [
        _span(FIRST, "الرئيس ماكرون", "PERSON", "p"),  # after the clitic و
        _span(FIRST, "فرنسا", "GPE", "g"),
        _span(FIRST, "Total", "ORG", "t"),
        _span(FIRST, "الأمم المتحدة", "ORG", "u"),  # after the clitics و and ب
        _span(FIRST, claim, "CLAIM", "c", layer="claim", attrs={"stance": "deny"}),
    ], "relations": [{"id": "r", "head": "c", "child": "p", "label": "claimant"}]}
    second = {"id": "d2", "text": SECOND, "spans": [
        _span(SECOND, "Aramco", "ORG", "a"),
        _span(SECOND, "الرياض", "GPE", "r2"),  # a whole word, Arabic-Indic digits follow
    ], "relations": []}
    return [first, second]


def make_project(folder: Path) -> Path:
    """The project file in `folder`, built (once) by importing the records as native JSONL."""
    path = folder / "mixed.annotator"
    if path.exists():
        return path
    source = folder / "source.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records()), "utf-8")
    with Project.create(path, NEWS) as project:
        report = import_paths(project, [source], "jsonl")
        assert not report.rejected and report.documents == 2, report.rejected
    source.unlink()
    return path
