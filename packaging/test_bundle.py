"""The built bundle works as shipped, and the desktop metadata validates (`make bundle-test`).

Outside tests/ on purpose: `make test` and `make stress` never collect it; `make bundle-test`
builds the bundle first and names this file. Every run goes through the tar.gz a user downloads,
unpacked into a fresh folder (so nothing can lean on dist/ or on the checkout), with an empty
HOME and no display: --version, demo + stats, `bundle-check` (fonts, translations, plugins,
icon found inside the bundle), the window saved as a PNG in English and in Arabic, the window
on Xvfb through the xcb plugin, a run without network, and the start-to-window time against the
venv's `annotator gui`.
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

sys.path.insert(0, str(PACKAGING))
from startup_time import median_seconds  # noqa: E402


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed: `make bundle-test` installs it as root "
                    "(apt-get install desktop-file-utils appstream shared-mime-info xvfb xdotool)")
    return path


def run(args, env: dict[str, str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], env=env, cwd=cwd, capture_output=True, text=True,
                            timeout=timeout)
    assert result.returncode == 0, f"{args} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory) -> Path:
    """The tar.gz's executable, unpacked where no build ever was."""
    name = f"annotator-{VERSION}-linux-{os.uname().machine}.tar.gz"
    tarball = ROOT / os.environ.get("ANNOTATOR_TARBALL", f"dist/{name}")  # absolute stays absolute
    assert tarball.is_file(), f"{tarball} is missing: run `make bundle` (or `make bundle-test`)"
    assert tarball.name == name
    folder = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(tarball) as archive:
        names = archive.getnames()
        assert all(n == "annotator" or n.startswith("annotator/") for n in names), "one top folder, annotator/"
        archive.extractall(folder, filter="tar")
    executable = folder / "annotator" / "annotator"
    assert executable.is_file() and os.access(executable, os.X_OK)
    return executable


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    """No display, no Python of ours (the bundle must not need one), an empty home."""
    home = tmp_path / "home"
    home.mkdir()
    keep = {k: v for k, v in os.environ.items()
            if k not in {"DISPLAY", "WAYLAND_DISPLAY", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}}
    keep.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
                XDG_STATE_HOME=str(home / ".local/state"), XDG_CACHE_HOME=str(home / ".cache"),
                QT_QPA_PLATFORM="offscreen", PATH="/usr/bin:/bin")
    return keep


def test_version(unpacked, env, tmp_path):
    assert run([unpacked, "--version"], env, tmp_path).stdout.strip() == f"annotator, version {VERSION}"


def test_demo_opens_with_stats(unpacked, env, tmp_path):
    demo = tmp_path / "demo.annotator"
    made = run([unpacked, "demo", demo], env, tmp_path)
    assert f"with {len(SEEDS)} articles" in made.stdout
    stats = run([unpacked, "stats", demo], env, tmp_path).stdout
    assert re.search(rf"^documents\s+{len(SEEDS)}$", stats, re.M), stats


def test_formats_loaded_by_name(unpacked, env, tmp_path):
    """annotator.io imports its format modules by name (the spec's hidden imports): export in
    three formats, then import the native export into a new project with detection (which asks
    every import module for its suffixes)."""
    demo = tmp_path / "demo.annotator"
    run([unpacked, "demo", demo], env, tmp_path)
    for form, out in [("native", "all.jsonl"), ("conll", "all.conll"), ("doccano", "doccano.jsonl")]:
        run([unpacked, "export", demo, "--format", form, "-o", tmp_path / out], env, tmp_path)
        assert (tmp_path / out).stat().st_size > 1000, form
    again = tmp_path / "again.annotator"
    run([unpacked, "init", again], env, tmp_path)
    run([unpacked, "import", again, tmp_path / "all.jsonl"], env, tmp_path)
    stats = run([unpacked, "stats", again], env, tmp_path).stdout
    assert re.search(rf"^documents\s+{len(SEEDS)}$", stats, re.M), stats


def test_bundle_finds_its_resources_inside_itself(unpacked, env, tmp_path):
    found = json.loads(run([unpacked, "bundle-check"], env, tmp_path).stdout)
    inside = unpacked.parent / "_internal"
    assert found["frozen"] and found["version"] == VERSION
    assert Path(found["resources"]) == inside / "annotator" / "resources"
    assert found["seeds"] == [p.name for p in SEEDS]
    assert "Noto Naskh Arabic" in found["fonts"]
    assert found["qtbase_ar"], "Qt's Arabic translation (qtbase_ar.qm) is not in the bundle"
    assert found["annotator_en"]
    # The Arabic catalogue ships whenever the checkout has it compiled.
    arabic = (ROOT / "resources" / "translations" / "annotator_ar.qm").is_file()
    assert found["annotator_ar"] == arabic
    assert found["arabic_interface"] == arabic, "View > Language Arabic: catalogue and right-to-left layout"
    assert found["platform"] == "offscreen"
    assert found["platform_plugins"] == ["libqoffscreen.so", "libqxcb.so"]
    assert found["icon_sizes"] == [16, 32, 48, 64, 128, 256, 512]


def test_carries_the_desktop_files(unpacked):
    """README's desktop integration copies them out of the unpacked bundle."""
    share = unpacked.parent / "_internal" / "share"
    for name, folder in [("annotator.desktop", "applications"), ("annotator-mime.xml", "mime/packages"),
                         ("annotator.metainfo.xml", "metainfo")]:
        assert (share / folder / name).read_bytes() == (PACKAGING / name).read_bytes(), name
    icons = unpacked.parent / "_internal" / "annotator" / "icons"
    assert sorted(p.name for p in icons.glob("*.png")) == sorted(
        p.name for p in (PACKAGING / "icons").glob("*.png"))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_window_saved_offscreen(unpacked, env, tmp_path, language):
    """The real window on a seed article (annotator.ui.screenshot): it loads the bundled font
    (it stops with FontLoadError otherwise) and is saved at the size asked for."""
    from PySide6.QtGui import QImage

    out = tmp_path / f"window-{language}.png"
    run([unpacked, "screenshot", out, "1000x700", "--lang", language], env, tmp_path)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 700)
    assert len({image.pixel(x, y) for x in range(0, 1000, 50) for y in range(0, 700, 50)}) > 5, "a blank image"


@pytest.fixture
def x_display(tmp_path):
    """A fresh Xvfb server (it picks a free display and writes its number when it accepts
    connections); its DISPLAY name."""
    read, write = os.pipe()
    with open(tmp_path / "xvfb.log", "wb") as log:
        server = subprocess.Popen([tool("Xvfb"), "-displayfd", str(write), "-screen", "0", "1280x1024x24",
                                   "-nolisten", "tcp"], pass_fds=(write,), stdout=log, stderr=subprocess.STDOUT)
    os.close(write)
    try:
        number = b""
        deadline = time.monotonic() + 15
        while not number.endswith(b"\n") and select.select([read], [], [], max(deadline - time.monotonic(), 0))[0]:
            chunk = os.read(read, 16)
            if not chunk:
                break
            number += chunk
        assert number.strip().isdigit(), (tmp_path / "xvfb.log").read_text(errors="replace")
        yield f":{number.strip().decode()}"
    finally:
        os.close(read)
        server.kill()
        server.wait()


def test_window_on_x11(unpacked, env, tmp_path, x_display):
    """`annotator gui` through the bundled xcb plugin on a real X server (Xvfb): the main window
    is mapped, the demo project's name in its title."""
    demo = tmp_path / "demo.annotator"
    run([unpacked, "demo", demo], env, tmp_path)
    x_env = {**env, "DISPLAY": x_display, "ANNOTATOR_NAME": "bundle"}
    del x_env["QT_QPA_PLATFORM"]
    with open(tmp_path / "gui.log", "wb") as log:
        app = subprocess.Popen([unpacked, "gui", demo], env=x_env, stdout=log, stderr=subprocess.STDOUT)
    try:
        title, deadline = "", time.monotonic() + 60
        while not title and time.monotonic() < deadline and app.poll() is None:
            found = subprocess.run([tool("xdotool"), "search", "--onlyvisible", "--name", "annotator",
                                    "getwindowname", "%@"], env=x_env, capture_output=True, text=True, timeout=10)
            title = found.stdout.strip()
            time.sleep(0.2)
        assert "demo" in title, (title, (tmp_path / "gui.log").read_text(errors="replace"))
    finally:
        app.kill()
        app.wait()


def test_needs_no_network(unpacked, env, tmp_path):
    """A demo and the Arabic window in a network namespace with no interface but loopback down."""
    if subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode != 0:
        pytest.skip("this machine allows no network namespace (unshare -rn)")
    offline = ["unshare", "-rn", unpacked]
    run([*offline, "demo", tmp_path / "demo.annotator"], env, tmp_path)
    run([*offline, "screenshot", tmp_path / "offline.png", "800x600", "--lang", "ar"], env, tmp_path)
    assert (tmp_path / "offline.png").stat().st_size > 10_000


def test_leaves_out_the_development_libraries(unpacked, env, tmp_path):
    listing = run([Path(sys.executable).parent / "pyi-archive_viewer", "-r", "-b", unpacked], env, tmp_path).stdout
    modules = {line.strip() for line in listing.splitlines()}
    assert {"annotator.cli", "annotator.io.webanno", "annotator.ui.main_window"} <= modules
    top = {name.split(".")[0] for name in modules}
    assert not top & {"pytest", "spacy", "numpy", "scipy", "sklearn", "tkinter", "PyQt5", "PyQt6"}
    inside = unpacked.parent / "_internal"
    assert not list(inside.rglob("_tkinter*")) and not (inside / "numpy").exists()


def test_starts_as_fast_as_the_venv(unpacked, env, tmp_path):
    """Median of 3 runs, from process start to the window's first frame (packaging/startup_time.py);
    printed for the record. Only a gross regression fails: CI machines are shared."""
    demo = tmp_path / "demo.annotator"
    run([unpacked, "demo", demo], env, tmp_path)
    bundle, bundle_runs = median_seconds([str(unpacked), "gui"], demo)
    venv, venv_runs = median_seconds([str(Path(sys.executable).parent / "annotator"), "gui"], demo)
    size = sum(p.stat().st_size for p in unpacked.parent.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"\nbundle: {size / 2**20:.0f} MiB unpacked; start to window: bundle {bundle:.2f} s "
          f"({', '.join(f'{t:.2f}' for t in bundle_runs)}), venv {venv:.2f} s "
          f"({', '.join(f'{t:.2f}' for t in venv_runs)})")
    assert bundle < max(3 * venv, 10.0)


def test_desktop_file_validates():
    result = subprocess.run([tool("desktop-file-validate"), PACKAGING / "annotator.desktop"],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "error:" not in result.stdout, result.stdout + result.stderr


def test_metainfo_validates():
    result = subprocess.run([tool("appstreamcli"), "validate", "--no-net", PACKAGING / "annotator.metainfo.xml"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mime_definition_installs(tmp_path):
    """update-mime-database rejects a malformed definition; the compiled globs map *.annotator to
    the type the desktop file opens."""
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(PACKAGING / "annotator-mime.xml", packages)
    result = subprocess.run([tool("update-mime-database"), "-V", tmp_path / "mime"], capture_output=True, text=True)
    assert result.returncode == 0 and "rror" not in result.stderr, result.stdout + result.stderr
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")
    assert re.search(r"^\d+:application/x-annotator-project:\*\.annotator$", globs, re.M), globs
    mime = ET.parse(PACKAGING / "annotator-mime.xml").getroot()
    ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
    langs = {c.get("{http://www.w3.org/XML/1998/namespace}lang") for c in mime.iter(f"{ns}comment")}
    assert langs == {None, "ar"}
