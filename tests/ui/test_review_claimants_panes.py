"""Review mode finished (issue 12): claims go into gold with their claimants (through the real
keys, checked in the database, gone again after Ctrl+Z), the Review dock is a pane of F6 /
Shift+F6 and goes back in its place on View > Reset layout, Alt+Down / Alt+Up step through the
disagreements from the review list and from a combo box, and the review screenshot is made."""

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QComboBox

from annotator import SEEDS
from annotator.core.model import Relation, Span, new_id
from annotator.store import Project
from annotator.ui.screenshot_team import SIZE, review_document, review_shot, team_project
from tests.ui.conftest import make_project

SEED = SEEDS / "000_2b33112958e51758.txt"
CLAIM = "هذه الزيارة تأتي في إطار تعزيز التعاون العسكري بين البلدين"
AGENCY = "وكالات الأنباء الروسية"


def gold_claimants(path):
    """(claim text, claimant text, claimant label) of the gold set's claimant relations."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT h.text, c.text, c.label FROM relations r JOIN spans h ON h.id = r.head "
            "JOIN spans c ON c.id = r.child WHERE r.annotator = 'gold' AND r.label = 'claimant' "
            "AND h.annotator = 'gold' AND c.annotator = 'gold' ORDER BY h.start").fetchall()
    finally:
        conn.close()


def gold_spans(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT text, label FROM spans WHERE annotator = 'gold' ORDER BY start, label").fetchall()
    finally:
        conn.close()


def outlined(window):
    focused = window.view.focused_suggestion()
    return (window.view.text()[focused.start:focused.end], focused.label) if focused else None


def enter_review(qtbot, window, doc_id):
    window.open_document(doc_id)
    window.registry.actions["review"].trigger()
    qtbot.waitUntil(lambda: window.review.result is not None, timeout=5000)
    QApplication.processEvents()


def review_team(qtbot, tmp_path, open_window):
    path = team_project(tmp_path)
    with Project.open(path, readonly=True) as project:
        doc_id = review_document(project)
    window = open_window(path)
    enter_review(qtbot, window, doc_id)
    qtbot.waitUntil(lambda: len(gold_spans(path)) == 3, timeout=3000)  # the agreed ones
    return path, window


def outline(window, text, label):
    row = next(n for n, c in enumerate(window.review.rows) if (c.text, c.label) == (text, label))
    window.review._outline(row)
    assert outlined(window) == (text, label)


def test_a_claim_accepted_before_its_claimant_gets_it_when_the_claimant_is_taken(qtbot, tmp_path, open_window):
    path, window = review_team(qtbot, tmp_path, open_window)
    view = window.view
    # The claim all three marked alike was pre-accepted; its claimant (the agency) is a conflict
    # (ORG or NORP), not in gold yet: no relation dangles.
    assert (CLAIM, "CLAIM") in gold_spans(path) and gold_claimants(path) == []
    view.setFocus()
    # Enter on amal's ORG agency: the claim in gold gets amal's claimant with it, one action.
    outline(window, AGENCY, "ORG")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert gold_claimants(path) == [(CLAIM, AGENCY, "ORG")]
    claim = next(s for s in window.workspace.spans if s.layer == "claim")
    assert window.workspace.claimant(claim.id).label == "ORG"  # the window's copy follows
    # The claim form of the gold claim shows it.
    window.view.select_span(claim.id, scroll=False)
    window.claim_panel.show_span(claim.id)
    combo = window.claim_panel.fields()["claimant"].editor
    assert AGENCY in combo.currentText()
    # Ctrl+Z takes back the agency and its claimant together.
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold_claimants(path) == [] and (AGENCY, "ORG") not in gold_spans(path)
    # 2: badr's version of the agency, NORP: the claim gets badr's claimant, the NORP agency.
    outline(window, AGENCY, "NORP")
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert gold_claimants(path) == [(CLAIM, AGENCY, "NORP")]
    assert (AGENCY, "ORG") not in gold_spans(path)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gold_claimants(path) == []


def test_pre_accepting_agreed_claims_brings_their_agreed_claimants(qtbot, tmp_path, open_window):
    path = make_project(tmp_path / "claims.annotator", [SEED])
    with Project.open(path) as project:
        doc_id, text = next(iter(project.document_texts()))
        for who in ("amal", "badr", "carim"):
            start = text.index(AGENCY)
            agency = Span(new_id(), start, start + len(AGENCY), AGENCY, "entity", "ORG", None, {}, who)
            start = text.index(CLAIM)
            claim = Span(new_id(), start, start + len(CLAIM), CLAIM, "claim", "CLAIM", None, {"stance": "affirm"}, who)
            said = Relation(new_id(), claim.id, agency.id, "claimant", who)
            project.replace_set(doc_id, who, [agency, claim], [said], "done")
    window = open_window(path)
    enter_review(qtbot, window, doc_id)
    qtbot.waitUntil(lambda: len(gold_spans(path)) == 2, timeout=3000)
    assert gold_claimants(path) == [(CLAIM, AGENCY, "ORG")]
    assert window.review.rows == []
    # The pre-accepting is one action: undone, the spans and the claimant go together.
    window.undo()
    assert gold_spans(path) == [] and gold_claimants(path) == []
    # A (accept all agreed) takes them again, the claimant with them.
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    assert gold_claimants(path) == [(CLAIM, AGENCY, "ORG")]


def focus():
    return QApplication.focusWidget()


def f6(qtbot, shift=False):
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(focus(), Qt.Key.Key_F6, modifier)


def test_the_review_dock_is_a_pane_while_review_is_on(qtbot, tmp_path, open_window):
    path, window = review_team(qtbot, tmp_path, open_window)
    review, view = window.review, window.view
    view.setFocus()
    # F6 from the article: the review list first (its dock raised over the span list).
    f6(qtbot)
    assert focus() is review.panel.table and review.dock.isVisible() and not review.dock.visibleRegion().isEmpty()
    f6(qtbot)
    assert focus() is window.span_table
    f6(qtbot, shift=True)
    assert focus() is review.panel.table
    f6(qtbot, shift=True)
    assert focus() is view
    # Esc in the review list goes back to the article, as in the other lists.
    f6(qtbot)
    qtbot.keyClick(review.panel.table, Qt.Key.Key_Escape)
    assert focus() is view
    # Out of review, the cycle is as before: the span list after the article.
    window.registry.actions["review"].trigger()
    assert not review.active and not review.dock.isVisible()
    view.setFocus()
    f6(qtbot)
    assert focus() is window.span_table


def test_reset_layout_puts_the_review_dock_back_and_keeps_it_hidden_out_of_review(qtbot, tmp_path, open_window):
    path, window = review_team(qtbot, tmp_path, open_window)
    dock = window.review.dock
    assert dock in window.tabifiedDockWidgets(window.span_dock)
    # Moved away (to the left, beside the documents) and floated: Reset layout brings it back.
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    assert dock not in window.tabifiedDockWidgets(window.span_dock)
    dock.setFloating(True)
    window.registry.actions["reset_layout"].trigger()
    QApplication.processEvents()
    assert not dock.isFloating() and dock.isVisible()
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert dock in window.tabifiedDockWidgets(window.span_dock)
    assert not dock.visibleRegion().isEmpty()  # raised: the review list is on show, not the spans
    # Closed in review, Reset layout shows it again.
    dock.close()
    window.registry.actions["reset_layout"].trigger()
    assert dock.isVisible()
    # Out of review the reset lays out every other dock and leaves the review dock hidden.
    window.registry.actions["review"].trigger()
    window.registry.actions["reset_layout"].trigger()
    QApplication.processEvents()
    assert not dock.isVisible() and window.span_dock.isVisible()
    assert not window.span_dock.visibleRegion().isEmpty()


def test_alt_down_and_up_step_from_the_review_list_and_from_a_combo_box(qtbot, tmp_path, open_window):
    path, window = review_team(qtbot, tmp_path, open_window)
    review = window.review
    disputed = review.result.disputed()
    # From the review list: the table's own arrow handling does not take Alt+Down.
    table = review.panel.table
    review._outline(review.rows.index(disputed[0]))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert review.current() == disputed[1] and review.panel.selected_row() == review.rows.index(disputed[1])
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert review.current() == disputed[2]
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert review.current() == disputed[1] and focus() is table
    # From a combo box (the gold claim's claimant in the claim form): Alt+Down steps, it opens no popup.
    claim = next(s for s in window.workspace.spans if s.layer == "claim")
    window.view.select_span(claim.id, scroll=False)
    window.claim_panel.show_span(claim.id)
    combo = window.claim_panel.fields()["claimant"].editor
    assert isinstance(combo, QComboBox)
    combo.setFocus()
    QApplication.processEvents()
    assert focus() is combo
    qtbot.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert review.current() == disputed[2] and not combo.view().isVisible()
    qtbot.keyClick(combo, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert review.current() == disputed[1] and not combo.view().isVisible()
    assert gold_claimants(path) == []  # stepping decides nothing
    # From the pre-accept check box too.
    review.panel.preaccept.setFocus()
    qtbot.keyClick(review.panel.preaccept, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert review.current() == disputed[2]


def test_the_review_screenshot_is_made_at_its_size(qtbot, tmp_path):
    out = review_shot(tmp_path / "shots" / "review-mode.png")
    image = QImage(str(out))
    assert (image.width(), image.height()) == SIZE
    # Not blank: the article, the marks and the review list make many colours.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 50
