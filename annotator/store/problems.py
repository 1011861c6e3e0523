"""What `annotator check` reports: problems, with the repair that loses nothing when there is one."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.store.errors import ProjectError

RESTORE = ("restore the file from a backup copy (a .bak beside it, or your own), or salvage what is "
           "readable with `sqlite3 FILE .recover`")
MAX_IDS = 5  # ids named in a grouped problem before "and N more"


@dataclass(frozen=True)
class Problem:
    kind: str
    where: str  # table and id
    detail: str
    repair: str | None = None  # SQL that fixes it without losing annotations, if there is one
    params: tuple = ()
    fix: str | None = None  # what the user can do by hand, when there is no repair
    more: tuple = ()  # further (sql, params) steps of the same repair

    def __str__(self) -> str:
        if self.repair:
            return f"{self.kind}: {self.where}: {self.detail} (repairable)"
        fix = f"; needs a manual fix: {self.fix}" if self.fix else ""
        return f"{self.kind}: {self.where}: {self.detail}{fix}"

    def steps(self) -> list[tuple[str, tuple]]:
        return [(self.repair, self.params), *self.more] if self.repair else []


class RepairError(ProjectError):
    """The repairs could not all be applied; none was (the transaction was rolled back)."""


def names(ids: list, total: int) -> str:
    shown = ", ".join(str(i) for i in ids[:MAX_IDS])
    return shown + (f" and {total - MAX_IDS} more" if total > MAX_IDS else "")


@dataclass(frozen=True)
class CheckResult:
    """What `annotator check` found: the problems left, and how many repairs were applied."""

    problems: list[Problem]
    repaired: int = 0
