"""Layouts from 800x600 to 4K (issue 10 items 3 and 15): the article keeps a readable width,
the docks tabify and come back, Reset layout, the F1 sheet, the Entities and Labels docks."""

from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from annotator.ui import layout
from annotator.ui.dialogs import ShortcutsDialog
from annotator.ui.entity_browser import DOCUMENTS, MENTIONS, NAME
from annotator.ui.fonts import FAMILY


def settle(qtbot):
    for _ in range(3):
        qtbot.wait(10)
        QApplication.processEvents()


def sized(open_window, qtbot, path, width, height):
    window = open_window(path)
    window.resize(width, height)
    settle(qtbot)
    return window


def tabbed(window, dock):
    return set(window.tabifiedDockWidgets(dock))


def test_at_800x600_the_article_keeps_its_width_and_breaks_lines_only_at_spaces(qtbot, demo_path, open_window):
    window = sized(open_window, qtbot, demo_path, 800, 600)
    view = window.view
    assert view.width() >= layout.article_min_width(view) >= layout.MIN_ARTICLE_PX
    # Compact: every dock in one tab group beside the article.
    assert tabbed(window, window.span_dock) == {window.claim_dock, window.palette_dock, window.doc_dock,
                                                window.entity_dock}
    assert window.span_dock.width() >= 300  # wide enough to show span texts and document titles
    text = view.document().toPlainText()
    assert "الشمالية" in text
    breaks = 0
    block = view.document().begin()
    while block.isValid():
        lines = block.layout()
        for i in range(1, lines.lineCount()):
            start = block.position() + lines.lineAt(i).textStart()
            assert text[start - 1].isspace(), f"a line starts inside a word: …{text[start - 8:start + 8]}…"
            breaks += 1
        block = block.next()
    assert breaks > 20  # the article really wraps at this width


def test_docks_give_way_below_the_threshold_and_come_back_above(qtbot, demo_path, open_window):
    window = sized(open_window, qtbot, demo_path, 1600, 900)
    assert not tabbed(window, window.span_dock) and not tabbed(window, window.doc_dock)
    window.resize(1024, 700)
    settle(qtbot)
    # Narrow: the right docks share one tab group, the left docks another.
    assert tabbed(window, window.span_dock) == {window.claim_dock, window.palette_dock}
    assert tabbed(window, window.doc_dock) == {window.entity_dock}
    assert window.view.width() >= window.view.minimumWidth()
    window.resize(1500, 900)
    settle(qtbot)
    assert not tabbed(window, window.span_dock)
    assert all(d.isVisible() for d in (window.span_dock, window.claim_dock, window.palette_dock, window.doc_dock))
    # Side by side as before: the article between the two dock columns, wider than its minimum.
    assert window.doc_dock.geometry().right() < window.view.mapTo(window, window.view.rect().topLeft()).x()
    assert window.view.width() > window.view.minimumWidth()


def test_a_zoom_raises_the_article_minimum(qtbot, demo_path, open_window):
    window = sized(open_window, qtbot, demo_path, 1280, 800)
    before = window.view.minimumWidth()
    for _ in range(10):
        window.zoom(2)
    settle(qtbot)
    screen = window.screen().availableGeometry().width()
    wanted = layout.article_min_width(window.view)
    assert wanted > before
    # As wide as the larger font needs, but never so wide that no dock is left on the screen.
    assert window.view.minimumWidth() == min(wanted, max(layout.MIN_ARTICLE_PX, screen - layout.DOCK_ROOM)) > before
    assert window.view.width() >= window.view.minimumWidth()


def test_reset_layout_forgets_the_saved_state(qtbot, tmp_path, demo_path, open_window):
    window = sized(open_window, qtbot, demo_path, 1280, 800)
    window.tabifyDockWidget(window.span_dock, window.claim_dock)  # the analyst's own layout
    window.palette_dock.hide()
    window.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert settings.contains("window_state")
    again = sized(open_window, qtbot, demo_path, 1280, 800)
    assert tabbed(again, again.span_dock) == {again.claim_dock}  # restored as left
    assert not again.palette_dock.isVisible()
    again.registry.actions["reset_layout"].trigger()
    settle(qtbot)
    assert not again.settings.contains("window_state")
    assert not tabbed(again, again.span_dock)
    assert again.palette_dock.isVisible() and again.claim_dock.isVisible()


def test_f1_sheet_cuts_nothing_off_and_lists_the_panel_keys(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    rows = window.shortcuts()
    dialog = ShortcutsDialog(rows, window)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot)
    table = dialog.table
    keys = [table.item(r, 0).text().strip("\u2066\u2069") for r in range(table.rowCount())]
    texts = [table.item(r, 1).text() for r in range(table.rowCount())]
    assert "F2" in keys and any("Ctrl+Y" in k for k in keys)
    entity_keys = [t for k, t in zip(keys, texts, strict=True) if "Return" in k or "Enter" in k]
    assert any("Entities" in t and "mention" in t for t in entity_keys)  # Enter on an entity
    for label in window.project.schema.labels():  # every label key with its full name
        assert any(k == label.key and t.endswith(label.name) for k, t in zip(keys, texts, strict=True))
    metrics = QFontMetrics(table.font())
    assert not table.horizontalScrollBar().isVisible()
    assert table.columnWidth(0) >= max(metrics.horizontalAdvance(k) for k in keys)
    width = table.columnWidth(1)
    for row, text in enumerate(texts):  # wrapped, each row as tall as its wrapped text
        needed = metrics.boundingRect(QRect(0, 0, width - 8, 10_000), Qt.TextFlag.TextWordWrap, text).height()
        assert table.rowHeight(row) >= needed, text
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()


def test_entities_dock_shows_the_counts_without_scrolling(qtbot, demo_path, open_window):
    window = sized(open_window, qtbot, demo_path, 1280, 800)
    window.view.select_range(*_find(window, "روسيا"))
    window.apply_label("GPE")
    window.workspace.link_new_entity(window.view.selected_span)
    settle(qtbot)
    table = window.entity_browser.table
    header = table.horizontalHeader()
    assert table.model().rowCount() == 1
    for width in (280, 320, 600):
        window.resizeDocks([window.entity_dock], [width], Qt.Orientation.Horizontal)
        settle(qtbot)
        viewport = table.viewport().width()
        for column in (NAME, MENTIONS, DOCUMENTS):
            assert not header.isSectionHidden(column)
            assert header.sectionViewportPosition(column) + header.sectionSize(column) <= viewport
        assert header.sectionSize(NAME) >= window.entity_browser.NAME_ROOM
    assert table.horizontalScrollBar().maximum() == 0


def test_every_label_is_visible_in_the_labels_dock(qtbot, demo_path, open_window):
    for width, height in ((1280, 800), (1920, 1080)):
        window = sized(open_window, qtbot, demo_path, width, height)
        scroll = window.palette_dock.widget()
        area = scroll.viewport().rect()
        for name, button in window.palette.buttons.items():
            assert button.isVisible(), name
            top_left = button.mapTo(scroll.viewport(), button.rect().topLeft())
            bottom_right = button.mapTo(scroll.viewport(), button.rect().bottomRight())
            assert area.contains(top_left) and area.contains(bottom_right), name
        assert {"CLAIM", "PREDICTION"} <= set(window.palette.buttons)
        window.close()


def test_side_panels_use_the_arabic_font(qtbot, demo_path, open_window):
    window = open_window(demo_path)
    for widget in (window.doc_table, window.span_table, window.entity_browser.table, window.claim_panel):
        assert widget.font().families()[0] == FAMILY
    assert window.view.font().family() == FAMILY


def _find(window, word):
    start = window.view.text().find(word)
    assert start >= 0
    return start, start + len(word)


def test_at_4k_the_docks_grow_with_the_window(qtbot, demo_path, open_window):
    window = sized(open_window, qtbot, demo_path, 3840, 2160)
    assert layout.mode_for(window.width()) == layout.WIDE
    window.registry.actions["reset_layout"].trigger()  # the layout for this size, as a first run at 4K
    settle(qtbot)
    assert not tabbed(window, window.span_dock) and not tabbed(window, window.doc_dock)
    # Twice the 1920 px layout's 300 and 380: Arabic span texts and the claim form get room too.
    assert window.doc_dock.width() >= 560 and window.span_dock.width() >= 720
    assert window.view.width() >= 3840 - window.doc_dock.width() - window.span_dock.width() - 40
