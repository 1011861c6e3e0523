"""The export dialog and the spaCy format: CoNLL's nesting said before writing, the spaCy
DocBin offered with its suffix, refused in the dialog (with the install line) without spaCy."""

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from annotator.core.display import neutralised
from annotator.io.spacy_docbin import INSTALL
from tests.ui.test_export_import_window import claims_project, pick


def test_conll_nesting_is_said_in_the_dialog(qtbot, tmp_path, open_window):
    window = open_window(claims_project(tmp_path))
    dialog = window.make_export_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    pick(dialog.format, "conll")
    # s4 (شويغو) nests in s1 (سيرغي شويغو): IOB cannot hold it, and it is not counted as written
    assert dialog.summary.text().startswith("2 documents, 3 spans will be written.")
    assert f"1 nested or overlapping span of layer {neutralised('entity')}" in dialog.summary.text()
    dialog.grab().save("/tmp/shots/export-dialog-conll-nested.png")
    pick(dialog.format, "native")
    assert "nested" not in dialog.summary.text()


def test_spacy_export_from_the_dialog(qtbot, tmp_path, open_window, monkeypatch, dialogs):
    window = open_window(claims_project(tmp_path))
    dialog = window.make_export_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    pick(dialog.format, "spacy")
    assert dialog.path.text().endswith("claims-spacy.spacy")
    assert dialog.summary.text() == "2 documents, 6 spans will be written."  # a DocBin carries everything
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with monkeypatch.context() as blocked:
        for name in {"spacy", *(m for m in sys.modules if m.startswith("spacy."))}:
            blocked.setitem(sys.modules, name, None)  # as without the extra
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and dialog.problem.isVisible()
        assert dialog.problem.text() == f"The spaCy format needs spaCy: {INSTALL}"
        dialog.grab().save("/tmp/shots/export-dialog-spacy-missing.png")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    fmt, path, statuses, spans = dialog.chosen()
    warnings = window.export_to(fmt, path, statuses, spans)
    assert warnings == ["document d1: span s4 (PERSON 10-15) overlaps another and is left out of doc.ents "
                        "(kept in doc.spans)"]
    assert dialogs[-1][1] == "Export finished with warnings"
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab
    docs = list(DocBin().from_disk(path).get_docs(Vocab()))
    assert sorted(len(d.spans.get("entity", [])) + len(d.spans.get("claim", [])) for d in docs) == [2, 4]
