"""`make screenshot`: the real window on a seed article with entity and claim highlights,
saved as a PNG (docs/screenshot.png). Runs offscreen when there is no display."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# (text, label) in the order they appear in seeds/001_*.txt; claims contain entities.
EXAMPLE = [
    ("شويغو", "PERSON"), ("كيم جونغ أون", "PERSON"), ("كوريا الشمالية", "GPE"), ("روسيا", "GPE"),
    ("سيرغي شويغو", "PERSON"), ("بيونغ يانغ", "GPE"),
    ("هذه الزيارة تأتي في وقت حساس يشهد فيه العالم توترات جيوسياسية متزايدة", "CLAIM"),
    ("الحكومة الروسية", "ORG"),
]


def main(out: str = "docs/screenshot.png") -> int:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from annotator import RESOURCES, SEEDS
    from annotator.core.schema import load_schema
    from annotator.io.importing import import_paths
    from annotator.store import Project
    from annotator.ui.app import create_application
    from annotator.ui.fonts import load_bundled_fonts
    from annotator.ui.main_window import MainWindow

    app = create_application()
    load_bundled_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.annotator"
        with Project.create(path, load_schema(RESOURCES / "schemas" / "news.toml"), "demo") as project:
            import_paths(project, [SEEDS], "txt", annotator="demo")
        window = MainWindow(Project.open(path), "demo", QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window.resize(1400, 860)
        window.show()
        seed = next(row[0] for row in window.project.document_rows() if "شويغو" in (row[1] or ""))
        window.open_document(seed)
        text, cursor, made = window.view.text(), 0, {}
        for phrase, label in EXAMPLE:
            start = text.find(phrase, cursor)
            if start < 0:
                raise SystemExit(f"screenshot: {phrase!r} not found in the seed article")
            window.view.select_range(start, start + len(phrase))
            window.apply_label(label)
            made.setdefault(phrase, window.view.selected_span)
            cursor = start if label == "CLAIM" else start + len(phrase)
            app.processEvents()
        # Straight to the workspace, as a script would: the window's views follow its Changes.
        ws = window.workspace
        shoigu = ws.link_new_entity(made["سيرغي شويغو"], name="سيرغي شويغو").span.entity
        ws.link_entity(made["شويغو"], shoigu.id)
        ws.link_new_entity(made["كيم جونغ أون"])
        claim = made[EXAMPLE[6][0]]
        ws.set_claimant(claim, made["سيرغي شويغو"])
        ws.set_attribute(claim, "stance", "affirm")
        ws.set_attribute(claim, "checkworthy", "high")
        window.view.select_span(claim, scroll=False)
        window.claim_panel.show_span(claim)
        window._sync_span_row(claim)
        app.processEvents()
        window.message("")
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(out):
            raise SystemExit(f"screenshot: could not write {out}")
        window.close()
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
