"""`make screenshot`: the real window on a seed article with entity and claim highlights,
saved as a PNG (docs/screenshot.png), at 1400x860 or at the size given, in English unless
`--lang ar` asks for the Arabic interface (docs/screenshot-ar.png):
`python -m annotator.ui.screenshot docs/screenshot-800x600.png 800x600 [dark] [--lang ar]`.
Runs offscreen when there is no display."""

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


def parse_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()):
        raise SystemExit(f"screenshot: size must be WIDTHxHEIGHT (800x600), not {text!r}")
    return int(width), int(height)


def main(out: str = "docs/screenshot.png", size: str = "1400x860", *options: str) -> int:
    if size.startswith("-") or size == "dark":  # no size given, options only
        size, options = "1400x860", (size, *options)
    width, height = parse_size(size)
    language = options[options.index("--lang") + 1] if "--lang" in options[:-1] else "en"
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from annotator import RESOURCES, SEEDS
    from annotator.core.schema import load_schema
    from annotator.io.importing import import_paths
    from annotator.store import Project
    from annotator.ui.app import create_application
    from annotator.ui.fonts import load_bundled_fonts
    from annotator.ui.language import TRANSLATIONS, current_language
    from annotator.ui.main_window import MainWindow

    app = create_application(language=language)  # never the system's: the docs show one language each
    if current_language() != language:
        raise SystemExit(f"screenshot: no {language} catalogue in {TRANSLATIONS} (run update.py --merge-ar)")
    load_bundled_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.annotator"
        with Project.create(path, load_schema(RESOURCES / "schemas" / "news.toml"), "demo") as project:
            import_paths(project, [SEEDS], "txt", annotator="demo")
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        settings.setValue("dark_theme", "dark" in options)
        window = MainWindow(Project.open(path), "demo", settings)
        window.resize(width, height)
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
