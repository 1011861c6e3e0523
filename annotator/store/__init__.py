"""The project file: one SQLite database per project, accessed through sqlite-utils."""

from annotator.store.errors import ProjectError, ProjectLocked
from annotator.store.interface import Store
from annotator.store.project import Project

__all__ = ["Project", "ProjectError", "ProjectLocked", "Store"]
