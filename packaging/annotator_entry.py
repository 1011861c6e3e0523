"""The bundle's one executable (packaging/annotator.spec): the annotator command line, which opens
the window with `gui` or with no arguments, exactly as the `annotator` script of a pip install.

Two more first arguments exist only here, because a bundle has no interpreter to run
`python -m ...` with:
- `annotator screenshot OUT [WxH] [options]` is `python -m annotator.ui.screenshot` (`make
  screenshot`): the real window, offscreen when there is no display, saved as a PNG;
- `annotator bundle-check` prints, as JSON, what the bundle found of itself (the Arabic font
  families Qt loaded from resources/fonts, Qt's and annotator's Arabic translations and whether
  the Arabic interface comes up mirrored, the resources folder, the platform plugins, the icon);
  it exits 1 when something is missing.
packaging/test_bundle.py runs both on the built bundle.
"""

from __future__ import annotations

import sys


def bundle_check() -> int:
    import json
    import os

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator

    from annotator import RESOURCES, SEEDS, __version__
    from annotator.ui.app import create_application
    from annotator.ui.app_icon import app_icon
    from annotator.ui.fonts import load_bundled_fonts
    from annotator.ui.language import install_translator

    app = create_application()
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    plugins = QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)
    arabic = QLocale(QLocale.Language.Arabic)
    found = {
        "version": __version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "resources": str(RESOURCES),
        "seeds": sorted(p.name for p in SEEDS.glob("*.txt")),
        "fonts": load_bundled_fonts(),
        "qtbase_ar": QTranslator(app).load(arabic, "qtbase", "_", qt_translations),
        "annotator_ar": QTranslator(app).load(arabic, "annotator", "_", str(RESOURCES / "translations")),
        "annotator_en": QTranslator(app).load("annotator_en", str(RESOURCES / "translations")),
        "platform": app.platformName(),
        "platform_plugins": sorted(os.listdir(os.path.join(plugins, "platforms"))),
        "icon_sizes": sorted(size.width() for size in app_icon().availableSizes()),
    }
    # The Arabic interface as View > Language puts it in place: catalogue loaded, layout mirrored.
    found["arabic_interface"] = (install_translator(app, language="ar") is not None
                                 and app.layoutDirection() == Qt.LayoutDirection.RightToLeft)
    print(json.dumps(found, ensure_ascii=False, indent=1))
    # annotator_ar is reported, not required here: packaging/test_bundle.py requires it when the
    # checkout has it compiled.
    needed = ("fonts", "qtbase_ar", "annotator_en", "seeds", "icon_sizes")
    return 0 if all(found[key] for key in needed) else 1


def main() -> None:
    command = sys.argv[1:2]
    if command == ["screenshot"]:
        from annotator.ui.screenshot import main as screenshot

        sys.exit(screenshot(*sys.argv[2:]))
    if command == ["bundle-check"]:
        sys.exit(bundle_check())
    from annotator.cli import main as cli

    cli()


if __name__ == "__main__":
    main()
