"""The window's import summary counts Prodigy's reject and ignore answers and the tasks that
joined the document of their text (tests/io/test_prodigy_teach.py: what is stored)."""

from pathlib import Path

TEACH = Path(__file__).parents[1] / "io" / "data" / "prodigy" / "ner_teach_ar.jsonl"


def test_import_summary_counts_prodigy_answers(open_window, demo_path):
    window = open_window(demo_path)
    report = window.import_paths([TEACH])
    assert report.prodigy_answers == {"reject": 3, "ignore": 1}
    text = window.message_label.text()
    assert "Imported 2 documents (4 spans); 0 duplicates skipped; 0 rejected." in text
    assert "3 Prodigy tasks answered reject (kept as rejected suggestions), 1 ignore (skipped)." in text
    assert "2 accepted Prodigy tasks joined the document of their text." in text
    again = window.import_paths([TEACH])
    assert len(again.duplicates) == 7
    assert "0 Prodigy tasks answered reject (kept as rejected suggestions), 1 ignore (skipped)." in \
        window.message_label.text()

