"""The document list's search: a filter proxy over DocumentListModel and the index it searches.

The query's key (arabic.search_key: diacritics, letter variants and spacing folded, so بيونغ يانغ
finds بيونجيانج) is looked for in the key of each document's title and text. Keying every text
takes seconds in a large project (20,000 articles: ~8 s), so the texts are keyed in short steps
between events, a chunk of documents at a time, with the progress said as it goes (`progress`):
the window never freezes, documents appear as they are keyed (title and text), and the list is
refiltered when the index is complete. A key is computed once per document: an import keys only
the new documents (a stored text never changes), another project starts afresh.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, QTimer, Signal

CHUNK = 50  # documents read per query: ~10 ms of 2,000-character articles on a slow machine
STEP_SECONDS = 0.015  # a step keys chunks until this long: an event is never kept waiting longer
REFILTER_SECONDS = 2.0  # between two refilters while the index grows (one of 20,000 rows: ~0.1 s)


class DocumentFilter(QSortFilterProxyModel):
    """Filters by status and by the search query. `texts(ids)` gives (id, text) of those
    documents; `can_read()` says whether the project may be read now (not while an import owns
    the connection: the index waits and goes on when asked again)."""

    progress = Signal(int, int)  # documents keyed, documents to key (0, 0: nothing in progress)
    refiltered = Signal()

    def __init__(self, key: Callable[[str], str], texts: Callable[[list[str]], Iterable[tuple[str, str]]],
                 parent=None, can_read: Callable[[], bool] = lambda: True):
        super().__init__(parent)
        self._key = key
        self._texts = texts
        self._can_read = can_read
        self._text_keys: dict[str, str] = {}
        self._title_keys: dict[str, str] = {}
        self._pending: list[str] = []
        self._titles: dict[str, str | None] = {}  # of the pending documents
        self._refiltered_at = 0.0
        self._total = 0
        self._scheduled = False
        self.status: str | None = None
        self.query_key = ""

    # -- what the list shows ------------------------------------------------------------

    def set_status(self, status: str | None) -> None:
        self._refilter(lambda: setattr(self, "status", status))

    def set_query(self, query: str) -> None:
        key = self._key(query.strip()) if query.strip() else ""
        self._refilter(lambda: setattr(self, "query_key", key))
        if key:
            self._index_rest()
        elif self._pending:
            self._stop()  # nothing to search for: the rest is keyed when a query needs it

    def searching(self) -> bool:
        """True while texts are still being keyed for the current query."""
        return bool(self._pending)

    def forget_texts(self) -> None:
        """Another project: nothing of the previous index applies."""
        self._text_keys.clear()
        self._title_keys.clear()
        self._stop()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802
        doc_id, title, status, _ = self.sourceModel().rows[row]
        if self.status and status != self.status:
            return False
        if not self.query_key:
            return True
        # A document not keyed yet is not shown until it is (in a step, its title with it):
        # keying 20,000 titles here would freeze the first keystroke as keying texts did.
        return self.query_key in self._title_keys.get(doc_id, "") or self.query_key in self._text_keys.get(doc_id, "")

    def _refilter(self, change) -> None:
        # Qt 6.10 replaced invalidateRowsFilter() by a begin/end pair around the change.
        if hasattr(self, "beginFilterChange") and hasattr(self, "endFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()
        self.refiltered.emit()

    # -- the index ----------------------------------------------------------------------

    def _index_rest(self) -> None:
        """Key the documents not keyed yet, in steps (the list's documents: new ones after an
        import included)."""
        if not self._pending:
            self._pending = [row[0] for row in self.sourceModel().rows if row[0] not in self._text_keys]
            self._titles = {row[0]: row[1] for row in self.sourceModel().rows if row[0] not in self._text_keys}
            self._refiltered_at = time.perf_counter()
            self._total = len(self._pending)
        if self._pending and not self._scheduled:
            self._scheduled = True
            self.progress.emit(self._total - len(self._pending), self._total)
            QTimer.singleShot(0, self, self._step)

    def _step(self) -> None:
        self._scheduled = False
        if not self._pending or not self.query_key:
            return
        if not self._can_read():
            return  # an import owns the connection; set_query after it goes on from here
        started = time.perf_counter()
        while True:  # one chunk at least, more while the step is short
            chunk, self._pending = self._pending[:CHUNK], self._pending[CHUNK:]
            for doc_id, text in self._texts(chunk):
                self._text_keys[doc_id] = self._key(text)
            for doc_id in chunk:
                self._text_keys.setdefault(doc_id, "")  # removed meanwhile (check --repair): nothing to find
                self._title_keys[doc_id] = self._key(self._titles.pop(doc_id, None) or "")
            if not self._pending or time.perf_counter() - started >= STEP_SECONDS:
                break
        if self._pending:
            self.progress.emit(self._total - len(self._pending), self._total)
            if time.perf_counter() - self._refiltered_at >= REFILTER_SECONDS:
                self._refilter(lambda: None)
                self._refiltered_at = time.perf_counter()
            self._scheduled = True
            QTimer.singleShot(0, self, self._step)
        else:
            self._refilter(lambda: None)
            self.progress.emit(0, 0)

    def _stop(self) -> None:
        self._pending, self._total, self._titles = [], 0, {}
        self.progress.emit(0, 0)


__all__ = ["CHUNK", "DocumentFilter"]
