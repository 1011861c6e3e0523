"""annotator: Arabic-first span annotation of news articles (entities and claims)."""

from importlib.resources import files
from pathlib import Path

__version__ = "0.1.0"


def _bundled(name: str) -> Path:
    """The folder `name` (resources or seeds) wherever this copy of annotator keeps it.

    An installed wheel carries it inside the package (annotator/resources, mapped there by
    pyproject.toml); a source or editable checkout keeps it at the repository's top level, beside
    the package. The package's own copy wins, so an installed annotator never reads some checkout
    it happens to sit next to. When neither exists the packaged place is returned, so that the
    error a caller reports (e.g. "no .ttf font in …") names where the installation should have it.
    Real paths, not Traversables: Qt loads fonts and translations by file name, and a wheel is
    always installed unpacked, never imported from a zip.
    """
    package = Path(str(files(__name__)))
    packaged, checkout = package / name, package.parent / name
    if packaged.is_dir() or not checkout.is_dir():
        return packaged
    return checkout


RESOURCES = _bundled("resources")
SEEDS = _bundled("seeds")
