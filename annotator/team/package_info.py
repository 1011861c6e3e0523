"""What a per-annotator package file says about itself, in its `project` table."""

from __future__ import annotations

from dataclasses import dataclass

PACKAGE_OF = "package_of"  # the project_id of the project it was assigned from
PACKAGE_ID = "package_id"
PACKAGE_ANNOTATOR = "package_annotator"
PACKAGE_CREATED = "package_created"


@dataclass(frozen=True)
class PackageInfo:
    project_id: str
    package_id: str
    annotator: str
    created: str

    @classmethod
    def of(cls, info: dict[str, str]) -> "PackageInfo | None":
        if PACKAGE_OF not in info:
            return None
        return cls(info[PACKAGE_OF], info.get(PACKAGE_ID, ""), info.get(PACKAGE_ANNOTATOR, ""),
                   info.get(PACKAGE_CREATED, ""))

    def items(self) -> list[tuple[str, str]]:
        return [(PACKAGE_OF, self.project_id), (PACKAGE_ID, self.package_id),
                (PACKAGE_ANNOTATOR, self.annotator), (PACKAGE_CREATED, self.created)]


def package_annotator(info: dict[str, str]) -> str | None:
    """The annotator a package file belongs to (the window works as them), None for a project."""
    found = PackageInfo.of(info)
    return found.annotator if found else None
