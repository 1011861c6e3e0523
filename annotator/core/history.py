"""Undo/redo as a history of domain operations (the Anki way), not Qt's text undo stack.

An operation knows how to apply and revert itself against a store; the history only orders them.
"""

from __future__ import annotations

from typing import Generic, Protocol, TypeVar


class Operation(Protocol):
    description: str


Op = TypeVar("Op", bound=Operation)


class History(Generic[Op]):
    def __init__(self, limit: int = 1000):
        self.limit = limit
        self._done: list[Op] = []
        self._undone: list[Op] = []

    def record(self, op: Op) -> None:
        """An operation that has just been applied; it clears what could be redone."""
        self._done.append(op)
        del self._done[: -self.limit]
        self._undone.clear()

    def take_undo(self) -> Op | None:
        """The operation to revert now (the caller reverts it, then calls `undone`)."""
        return self._done[-1] if self._done else None

    def undone(self) -> None:
        self._undone.append(self._done.pop())

    def take_redo(self) -> Op | None:
        return self._undone[-1] if self._undone else None

    def redone(self) -> None:
        self._done.append(self._undone.pop())

    @property
    def undo_count(self) -> int:
        """How many actions can be undone (a no-op records none)."""
        return len(self._done)

    @property
    def redo_count(self) -> int:
        return len(self._undone)

    def undo_text(self) -> str | None:
        return self._done[-1].description if self._done else None

    def redo_text(self) -> str | None:
        return self._undone[-1].description if self._undone else None

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
