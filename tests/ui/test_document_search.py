"""The document search in a large project: texts keyed in steps between events with a progress
bar (the window never freezes on the first search), keyed once (an import keys only the new
documents), stopped by clearing the query."""

import json

from PySide6.QtCore import QTimer

from annotator.ui import document_search
from tests.ui.conftest import make_project

NEEDLE = "بيونجيانج"


def corpus(path, n: int) -> list:
    rows = [{"id": f"doc{i:04d}", "text": f"مقال رقم {i} عن العلاقات بين روسيا والصين.\n"
             + (f"وصل الوفد إلى {NEEDLE} صباح اليوم." if i == n - 7 else "لا جديد في الأخبار."),
             "meta": {"title": f"عنوان {i}"}} for i in range(n)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return rows


def shown(window) -> list[str]:
    return [window.doc_filter.index(r, 0).data(256) for r in range(window.doc_filter.rowCount())]


def test_the_first_search_keys_texts_in_steps_with_progress_and_finds_the_text(qtbot, tmp_path, open_window,
                                                                                monkeypatch):
    monkeypatch.setattr(document_search, "CHUNK", 20)
    monkeypatch.setattr(document_search, "STEP_SECONDS", 0)  # one chunk a step
    source = tmp_path / "big.jsonl"
    corpus(source, 300)
    window = open_window(make_project(tmp_path / "big.annotator", [source]))
    reads, real = [], window.project.document_texts
    monkeypatch.setattr(window.project, "document_texts", lambda *a, **k: reads.append(k.get("ids")) or real(*a, **k))
    seen = []  # what the analyst sees between two events while the index is built
    timer = QTimer(window, interval=0)
    timer.timeout.connect(lambda: seen.append((window.search_progress.isVisible(), window.search_progress.value(),
                                               window.search_progress.maximum())))
    timer.start()
    window.search.setText("بيونغ يانغ")  # spelled apart and with غ: the text has بيونجيانج
    qtbot.waitUntil(lambda: shown(window) == ["doc0293"], timeout=10000)
    timer.stop()
    # Never more than one chunk read at a time, each document once, and progress as it went.
    assert all(len(ids) <= 20 for ids in reads) and sum(len(ids) for ids in reads) == 300
    moving = [value for visible, value, maximum in seen if visible and maximum == 300]
    assert len(set(moving)) >= 5 and moving == sorted(moving)
    qtbot.waitUntil(lambda: not window.search_progress.isVisible(), timeout=2000)
    # Another query reads nothing: the keys are kept.
    reads.clear()
    window.search.setText("عنوان 12")
    qtbot.waitUntil(lambda: len(shown(window)) == 11, timeout=3000)  # 12, 120-129
    assert reads == []


def test_clearing_the_search_stops_the_index_and_an_import_keys_only_new_texts(qtbot, tmp_path, open_window,
                                                                              monkeypatch):
    monkeypatch.setattr(document_search, "CHUNK", 10)
    monkeypatch.setattr(document_search, "STEP_SECONDS", 0)
    source = tmp_path / "big.jsonl"
    corpus(source, 200)
    window = open_window(make_project(tmp_path / "big.annotator", [source]))
    reads, real = [], window.project.document_texts

    def read(*args, **kwargs):
        reads.append(kwargs.get("ids"))
        if len(reads) == 2:  # the analyst clears the query between two steps, not after a fixed wait
            QTimer.singleShot(0, lambda: window.doc_filter.set_query(""))
        return real(*args, **kwargs)

    monkeypatch.setattr(window.project, "document_texts", read)
    window.doc_filter.set_query("روسيا")
    qtbot.waitUntil(lambda: not window.doc_filter.query_key, timeout=3000)
    qtbot.wait(50)
    assert len(reads) == 2 and not window.search_progress.isVisible()
    window.doc_filter.set_query("روسيا")  # goes on where it stopped
    qtbot.waitUntil(lambda: len(shown(window)) == 200, timeout=10000)
    assert sum(len(ids) for ids in reads) == 200
    more = tmp_path / "more.txt"
    more.write_text(f"خبر جديد\nوصل الوفد إلى {NEEDLE}\n", encoding="utf-8")  # not in its title
    reads.clear()
    window.search.setText(NEEDLE)
    report = window.import_paths([more])
    assert report.documents == 1
    qtbot.waitUntil(lambda: len(shown(window)) == 2, timeout=5000)  # doc0193 and the new one
    assert [len(ids) for ids in reads] == [1]  # the new text alone
