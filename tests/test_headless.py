"""annotator.core, store, io and cli run where PySide6 is absent."""

import subprocess
import sys

HEADLESS = """
import importlib, pkgutil, sys

class NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError(f"headless code imported {name}")

sys.meta_path.insert(0, NoQt())
import annotator
for package in ("annotator.core", "annotator.store", "annotator.io", "annotator.team"):
    module = importlib.import_module(package)
    for info in pkgutil.walk_packages(module.__path__, package + "."):
        importlib.import_module(info.name)
import annotator.cli
assert not any(name.startswith(("PySide6", "shiboken6")) for name in sys.modules)
print("ok")
"""


def test_headless_packages_import_without_qt():
    result = subprocess.run([sys.executable, "-c", HEADLESS], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_cli_runs_without_qt(tmp_path):
    code = HEADLESS.replace('print("ok")', "") + (
        "from annotator.cli import cli\n"
        f"cli(['demo', {str(tmp_path / 'd.annotator')!r}], standalone_mode=False)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
