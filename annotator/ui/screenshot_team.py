"""`make screenshot`, team work (issue 12): the window's team views on a demo project of three
annotators' sets over the seed articles, saved as PNGs at 1280x800:

    python -m annotator.ui.screenshot_team review docs/review-mode.png
    python -m annotator.ui.screenshot_team agreement docs/agreement-view.png

`team_project(tmp_dir)` builds the demo project every shot here shares (reproducibly: the same
spans, claims and claimants each run); each shot is a function `NAME_shot(path)` listed in
SHOTS. Runs offscreen when there is no display.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from annotator import RESOURCES, SEEDS
from annotator.core.model import Relation, Span, new_id
from annotator.core.schema import load_schema
from annotator.io.importing import import_paths
from annotator.store import Project

ANNOTATORS = ("amal", "badr", "carim")
SIZE = (1280, 800)
# The seed article review is shown on, found by a phrase of its title.
REVIEW_TITLE = "ما وراء الزيارة"

# The review article, by hand: (phrase, label, who marked it); two agreed names, a label
# conflict (the agency), a boundary conflict (the two events), a lone date, and claims.
REVIEW_ENTITIES = [
    ("أندريه بيلوسوف", "PERSON", ANNOTATORS), ("كوريا الشمالية", "GPE", ANNOTATORS),
    ("اليوم الجمعة", "DATE", ("carim",)),
    ("وكالات الأنباء الروسية", "ORG", ("amal", "carim")), ("وكالات الأنباء الروسية", "NORP", ("badr",)),
    ("تعزيز التعاون العسكري", "EVENT", ("amal",)), ("العسكري بين البلدين", "EVENT", ("badr",)),
    ("زيارة بيلوسوف", "EVENT", ("amal", "badr")),
]
# (phrase, who, {who: claimant}): a claimant is the entity phrase of that annotator's set, or a
# literal of the schema (AUTHOR, UNKNOWN); (phrase, stance, checkworthy) of each is below.
REVIEW_CLAIMS = [
    ("هذه الزيارة تأتي في إطار تعزيز التعاون العسكري بين البلدين", ANNOTATORS,
     {"amal": "وكالات الأنباء الروسية", "badr": "وكالات الأنباء الروسية", "carim": "وكالات الأنباء الروسية"}),
    ("هذه الزيارة قد تكون بداية لتعزيز التعاون في مجالات الدفاع المشترك", ("amal", "carim"),
     {"amal": "UNKNOWN", "carim": "AUTHOR"}),
    ("قد تكون بداية لتعزيز التعاون في مجالات الدفاع المشترك", ("badr",), {"badr": "UNKNOWN"}),
]
STANCE = {"badr": "deny"}  # badr reads the second claim as denied; everyone else affirms
CHECKWORTHY = ("high", "high", "low")  # by annotator

# The other seeds: these names marked wherever they occur (longest first, none overlapping),
# each annotator missing or relabelling a few of them by a fixed rule.
NAMES = [
    ("وزير الدفاع الروسي", "PERSON"), ("وزير الخارجية الروسي", "PERSON"), ("كيم جونغ أون", "PERSON"),
    ("سيرغي شويغو", "PERSON"), ("سيرجي لافروف", "PERSON"), ("أندريه بيلوسوف", "PERSON"), ("شويغو", "PERSON"),
    ("لافروف", "PERSON"), ("بيلوسوف", "PERSON"), ("كوريا الشمالية", "GPE"), ("الولايات المتحدة", "GPE"),
    ("بيونغ يانغ", "GPE"), ("بيونج يانج", "GPE"), ("روسيا", "GPE"), ("موسكو", "GPE"), ("أوكرانيا", "GPE"),
    ("وكالة أنباء تسنيم", "ORG"), ("الحكومة الروسية", "ORG"), ("اليوم الجمعة", "DATE"),
]
RELABEL = {"GPE": "LOC", "PERSON": "ORG", "ORG": "NORP", "DATE": "EVENT"}
SENTENCE = re.compile(r"[^.\n:؟!]{60,220}[.؟!]")


def _span(text: str, start: int, end: int, label: str, who: str, layer: str = "entity",
          attrs: dict | None = None) -> Span:
    return Span(new_id(), start, end, text[start:end], layer, label, None, attrs or {}, who)


def _review_sets(text: str) -> dict[str, tuple[list[Span], list[Relation]]]:
    line = text.index("في خطوة هامة")
    sets: dict[str, tuple[list[Span], list[Relation]]] = {who: ([], []) for who in ANNOTATORS}
    mentions: dict[tuple[str, str], Span] = {}
    for phrase, label, by in REVIEW_ENTITIES:
        start = text.index(phrase, line)
        for who in by:
            span = _span(text, start, start + len(phrase), label, who)
            sets[who][0].append(span)
            mentions[(who, phrase)] = span
    for number, (phrase, by, claimants) in enumerate(REVIEW_CLAIMS):
        start = text.index(phrase, line)
        for who in by:
            attrs = {"stance": STANCE.get(who, "affirm") if number else "affirm",
                     "checkworthy": CHECKWORTHY[ANNOTATORS.index(who)]}
            said_by = claimants[who]
            if (who, said_by) not in mentions:
                attrs["claimant"] = said_by
            claim = _span(text, start, start + len(phrase), "CLAIM", who, "claim", attrs)
            sets[who][0].append(claim)
            if (who, said_by) in mentions:
                sets[who][1].append(Relation(new_id(), claim.id, mentions[(who, said_by)].id, "claimant", who))
    return sets


def _name_marks(text: str) -> list[tuple[int, int, str]]:
    taken: list[tuple[int, int, str]] = []
    for phrase, label in NAMES:
        for match in re.finditer(re.escape(phrase), text):
            start, end = match.span()
            if all(end <= s or start >= e for s, e, _ in taken):
                taken.append((start, end, label))
    return sorted(taken)


def _generated_sets(text: str, doc_number: int) -> dict[str, tuple[list[Span], list[Relation]]]:
    """Names and two claims of one seed: everyone's work with a few fixed disagreements."""
    marks = _name_marks(text)
    claims = [m.span() for m in SENTENCE.finditer(text)][1:3]
    sets: dict[str, tuple[list[Span], list[Relation]]] = {}
    for k, who in enumerate(ANNOTATORS):
        spans, relations = [], []
        for n, (start, end, label) in enumerate(marks):
            if (n + 2 * k + doc_number) % 13 == 3:
                continue  # this one missed it
            if k and (3 * n + k + doc_number) % 11 == 1:
                label = RELABEL[label]
            spans.append(_span(text, start, end, label, who))
        people = [s for s in spans if s.label == "PERSON"]
        for c, (start, end) in enumerate(claims):
            while text[start].isspace():
                start += 1
            if k == 2 and (c + doc_number) % 2:
                start = text.index(" ", start) + 1  # carim leaves the first word out
            # Most claims read alike: badr flips the second claim's stance in every other
            # article, carim rates some second claims higher, badr gives some to the AUTHOR.
            denied = (c + doc_number) % 3 == 0
            attrs = {"stance": "deny" if denied != ((k, c) == (1, 1) and doc_number % 2 == 1) else "affirm",
                     "checkworthy": "high" if c == 0 or (k == 2 and doc_number % 2 == 0) else "low"}
            said_by = next((p for p in reversed(people) if p.end <= start), None)
            if said_by is None or (k, c) == (1, 1) and doc_number % 2 == 0:
                attrs["claimant"] = "AUTHOR"
            claim = _span(text, start, end, "CLAIM", who, "claim", attrs)
            spans.append(claim)
            if "claimant" not in attrs:
                relations.append(Relation(new_id(), claim.id, said_by.id, "claimant", who))
        sets[who] = (spans, relations)
    return sets


def team_project(tmp_dir: Path | str) -> Path:
    """A project of the seed articles (the news schema) with three annotators' sets on each,
    all done, no gold yet: the review article (REVIEW_TITLE) by hand, the others by a fixed
    rule; claims carry stance, checkworthiness and a claimant (a relation to an entity span,
    or AUTHOR/UNKNOWN)."""
    path = Path(tmp_dir) / "team.annotator"
    with Project.create(path, load_schema(RESOURCES / "schemas" / "news.toml"), "team") as project:
        import_paths(project, [SEEDS], "txt")
        for number, (doc_id, text) in enumerate(list(project.document_texts())):
            sets = _review_sets(text) if REVIEW_TITLE in text[:200] else _generated_sets(text, number)
            for who, (spans, relations) in sets.items():
                project.replace_set(doc_id, who, spans, relations, "done")
    return path


def review_document(project) -> str:
    """The id of the review article in a team_project."""
    return next(doc_id for doc_id, text in project.document_texts() if REVIEW_TITLE in text[:200])


def _window(tmp: str):
    """A MainWindow at SIZE on a fresh team_project (and the application)."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from annotator.ui.app import create_application
    from annotator.ui.fonts import load_bundled_fonts
    from annotator.ui.main_window import MainWindow

    app = create_application(language="en")
    load_bundled_fonts()
    path = team_project(tmp)
    settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Project.open(path), "curator", settings)
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    return app, window


def _save(window, path: Path | str) -> Path:
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        raise SystemExit(f"screenshot: could not write {out}")
    return out


def review_shot(path: Path | str) -> Path:
    """Review mode on the review article: the agreed spans pre-accepted into gold, the agency's
    ORG taken (the claim in gold gets its claimant with it, shown in the claim form), the next
    disagreement outlined."""
    from PySide6.QtCore import Qt

    with tempfile.TemporaryDirectory() as tmp:
        app, window = _window(tmp)
        window.open_document(review_document(window.project))
        window.registry.actions["review"].trigger()
        app.processEvents()
        review = window.review
        agency = next(c for c in review.rows if c.label == "ORG")
        review._outline(review.rows.index(agency))
        review.accept([window.view.focused_suggestion()])
        app.processEvents()
        review.step(1)
        # The claim in gold with its claimant, which came with the agency taken into gold.
        claim = next(s for s in window.workspace.spans if s.layer == "claim")
        window.view.select_span(claim.id, scroll=False)
        window.claim_panel.show_span(claim.id)
        window.view.setFocus(Qt.FocusReason.OtherFocusReason)
        window.message("")
        app.processEvents()
        out = _save(window, path)
        window.close()
    return out


def agreement_shot(path: Path | str, tab: int | None = None) -> Path:
    """View > Agreement on the team project: the headline figures of the entity layer and the
    label confusion heat map (or another tab of agreement_view)."""
    import time

    from annotator.ui.agreement_view import CONFUSION

    with tempfile.TemporaryDirectory() as tmp:
        app, window = _window(tmp)
        window.registry.actions["agreement"].trigger()
        view = window.agreement_view
        deadline = time.monotonic() + 60
        while (view.computed == 0 or view.task is not None) and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        if view.computed == 0:
            raise SystemExit("screenshot_team: the agreement figures were not computed within a minute")
        view.resize(*SIZE)
        view.tabs.setCurrentIndex(CONFUSION if tab is None else tab)
        app.processEvents()
        out = Path(path)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not view.grab().save(str(out)):
            raise SystemExit(f"screenshot: could not write {out}")
        view.close()
        window.close()
    return out


SHOTS: dict[str, Callable[[Path | str], Path]] = {"review": review_shot, "agreement": agreement_shot}


def main(name: str = "review", out: str = "docs/review-mode.png") -> int:
    if name not in SHOTS:
        raise SystemExit(f"screenshot_team: one of {', '.join(SHOTS)}, not {name!r}")
    print(f"wrote {SHOTS[name](out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
