"""The wheel carries its fonts, schemas, translations and seeds, and an installed wheel runs.

Built from a copy of the working tree (what a clean checkout holds: no build/, egg-info or
caches), OFFLINE with this venv's own setuptools, and installed into a fresh venv outside the
checkout. That venv sees the third-party dependencies through a .pth line pointing at this venv's
site-packages, but not annotator itself: a .pth path line adds a folder without running the .pth
files inside it, so this venv's editable-install finder never loads; every check below also
asserts that annotator comes from the new venv.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path, PurePosixPath

import pytest

ROOT = Path(__file__).resolve().parents[1]
NEWS_LABELS = {"PERSON", "ORG", "GPE", "LOC", "CLAIM"}

# Not part of a clean checkout, or not build inputs; copying them could hide a packaging mistake
# (a stale build/lib feeding the wheel) or just cost time.
_SKIP = {".git", ".venv", "build", "dist", "__pycache__", ".pytest_cache", ".hypothesis"}


def _ignore(folder: str, names: list[str]) -> set[str]:
    skipped = {n for n in names if n in _SKIP or n.endswith(".egg-info") or ".annotator" in n}
    if Path(folder) == ROOT / "bench":
        skipped.add("out")
    return skipped


def _clean_env(home: Path) -> dict[str, str]:
    """No PYTHONPATH (pytest's pythonpath is only in this process, but CI may export one), no
    pip configuration or index: the install must work from the wheel alone."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"} and not k.startswith("PIP_")}
    env.update(PIP_NO_INDEX="1", PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1",
               PIP_NO_INPUT="1", HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local/share"), XDG_CACHE_HOME=str(home / ".cache"),
               QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    return env


def _run(args: list, cwd: Path, env: dict[str, str], timeout: float = 240) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, (
        f"{' '.join(map(str, args))} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


class Installed:
    def __init__(self, base: Path):
        self.source = base / "src"
        self.run_dir = base / "run"
        self.venv = base / "venv"
        for folder in (self.run_dir, base / "home"):
            folder.mkdir()
        self.env = _clean_env(base / "home")
        shutil.copytree(ROOT, self.source, ignore=_ignore)
        _run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "--no-index",
              "-w", base / "dist", self.source], base, self.env)
        (self.wheel,) = (base / "dist").glob("annotator-*.whl")
        # --without-pip: this venv's pip installs into it (pip --python), which is faster than ensurepip
        _run([sys.executable, "-m", "venv", "--without-pip", self.venv], base, self.env)
        self.python = self.venv / "bin" / "python"
        _run([sys.executable, "-m", "pip", "--python", self.python, "install", "--no-index", "--no-deps",
              self.wheel], base, self.env)
        # Only after installing: seeing this venv's annotator metadata, pip would call it installed.
        site = Path(self.py("import sysconfig; print(sysconfig.get_paths()['purelib'])").strip())
        ours = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
        (site / "_annotator_test_deps.pth").write_text("".join(f"{p}\n" for p in ours))

    def py(self, code: str) -> str:
        return _run([self.python, "-c", code], self.run_dir, self.env).stdout

    def annotator(self, *args) -> subprocess.CompletedProcess:
        return _run([self.venv / "bin" / "annotator", *args], self.run_dir, self.env)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    base = tmp_path_factory.mktemp("wheel")
    assert not base.resolve().is_relative_to(ROOT), "the fresh venv must live outside the checkout"
    return Installed(base)


def _tree(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


def test_wheel_carries_every_module_and_every_resource(installed):
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    src = installed.source

    def under(prefix: str) -> set[str]:
        return {str(PurePosixPath(n).relative_to(prefix)) for n in names if n.startswith(prefix + "/")}

    resources, seeds = under("annotator/resources"), under("annotator/seeds")
    assert resources == _tree(src / "resources")
    assert seeds == _tree(src / "seeds")
    # the font travels with its licence (SIL OFL 1.1 requires it), the default schema with the fonts
    assert {"fonts/NotoNaskhArabic-Regular.ttf", "fonts/NotoNaskhArabic-Bold.ttf", "fonts/OFL.txt",
            "schemas/news.toml"} <= resources
    if (src / "resources" / "translations").is_dir():
        assert any(r.startswith("translations/") for r in resources)
    assert len(seeds) == 5
    # pyproject.toml lists the packages by hand (it maps resources/ and seeds/ into the package):
    # a subpackage missing from that list would silently be missing from the wheel.
    code = {n for n in names if n.startswith("annotator/") and n.endswith(".py")}
    missing = {f"annotator/{p}" for p in _tree(src / "annotator") if p.endswith(".py")} - code
    assert not missing, f"not in the wheel (add the package to pyproject.toml [tool.setuptools] packages): {missing}"
    # nothing from outside the package (no top-level resources/, tests/ or bench/ in site-packages)
    assert {n.split("/")[0] for n in names} == {"annotator", installed.wheel.name.split("-py")[0] + ".dist-info"}


def test_installed_annotator_uses_its_own_resources(installed):
    found = json.loads(installed.py(
        "import json, annotator; print(json.dumps([annotator.__file__, str(annotator.RESOURCES), str(annotator.SEEDS)]))"))
    venv = installed.venv.resolve()
    for path in found:
        assert Path(path).resolve().is_relative_to(venv), f"{path} is not inside the fresh venv {venv}"
    resources, seeds = map(Path, found[1:])
    assert (resources / "fonts" / "NotoNaskhArabic-Regular.ttf").is_file()
    assert (resources / "schemas" / "news.toml").is_file()
    assert len(list(seeds.glob("*.txt"))) == 5


def test_installed_cli_version_and_demo(installed):
    assert installed.annotator("--version").stdout.split() == ["annotator,", "version", "0.1.0"]
    created = installed.annotator("demo", "X.annotator")
    assert "with 5 articles" in created.stdout, created.stdout
    figures = json.loads(installed.annotator("stats", "X.annotator", "--json").stdout)
    assert figures["documents"] == 5


# Built the way annotator.ui.app.run builds it (application, bundled fonts, project, window).
WINDOW = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontDatabase, QImage
from annotator.store import Project
from annotator.ui.app import create_application
from annotator.ui.fonts import FAMILY, FONT_DIR, load_bundled_fonts
from annotator.ui.main_window import MainWindow

project_path, shot = Path(sys.argv[1]), Path(sys.argv[2])
app = create_application()
families = load_bundled_fonts()
project = Project.open(project_path)
window = MainWindow(project, "demo", QSettings(str(shot.with_suffix(".ini")), QSettings.Format.IniFormat))
window.resize(1200, 800)
window.show()
app.processEvents()
saved = window.grab().save(str(shot))
print(json.dumps({
    "family": FAMILY, "loaded": families, "font_dir": str(FONT_DIR),
    "known": FAMILY in QFontDatabase.families(),
    "labels": [label.name for label in project.schema.labels()],
    "documents": len(list(project.document_rows())),
    "saved": saved, "width": QImage(str(shot)).width(),
}))
"""


def test_installed_window_opens_with_bundled_font_and_schema(installed):
    if not installed.run_dir.joinpath("X.annotator").exists():
        installed.annotator("demo", "X.annotator")
    script = installed.run_dir / "window.py"
    script.write_text(WINDOW, encoding="utf-8")
    shot = installed.run_dir / "window.png"
    out = _run([installed.python, script, "X.annotator", shot], installed.run_dir, installed.env).stdout
    seen = json.loads(out.strip().splitlines()[-1])
    assert seen["family"] == "Noto Naskh Arabic"
    assert "Noto Naskh Arabic" in seen["loaded"] and seen["known"]
    assert Path(seen["font_dir"]).resolve().is_relative_to(installed.venv.resolve())
    assert NEWS_LABELS <= set(seen["labels"])
    assert seen["documents"] == 5
    assert seen["saved"] and seen["width"] == 1200
    assert shot.stat().st_size > 10_000
