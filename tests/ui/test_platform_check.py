"""The platform check names missing xcb libraries and their apt packages, or the missing display."""

import subprocess
import sys

import pytest

from annotator.ui import platform_check as pc

LDD_SAMPLE = """\
\tlinux-vdso.so.1 (0x00007ffd3b5f2000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x7f)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibEGL.so.1 => /lib/x86_64-linux-gnu/libEGL.so.1 (0x00007f0a6c1f1000)
\tlibxcb-icccm.so.4 => not found
\t/lib64/ld-linux-x86-64.so.2 (0x00007f0a6e0b5000)
"""


def test_parse_ldd_keeps_not_found_entries_once():
    assert pc.parse_ldd(LDD_SAMPLE) == [
        "libxcb-cursor.so.0",
        "libxcb-icccm.so.4",
        "libxkbcommon-x11.so.0",
    ]
    assert pc.parse_ldd("") == []


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libEGL.so.1", "libegl1"),
        ("libGL.so.1", "libgl1"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libfontconfig.so.1", "libfontconfig1"),
        ("libGLdispatch.so.0", "libglvnd0"),
    ],
)
def test_apt_package_names(soname, package):
    assert pc.apt_package(soname) == package


def test_missing_libraries_runs_on_this_machine():
    missing = pc.missing_libraries()
    assert isinstance(missing, list) and all(s.startswith("lib") for s in missing)


def test_fallback_without_ldd(monkeypatch):
    monkeypatch.setattr(pc.shutil, "which", lambda name: None)
    present = lambda name: None if name == "xcb-icccm" else f"lib{name}.so"  # noqa: E731
    monkeypatch.setattr(pc.ctypes.util, "find_library", present)
    assert pc.missing_libraries() == ["libxcb-icccm.so.4"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is for Linux")
@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        ("", True),
        ("xcb", True),
        ("wayland;xcb", True),
        ("xcb:dpi=96", True),
        ("offscreen", False),
        ("wayland", False),
    ],
)
def test_uses_xcb(platform, expected):
    env = {"QT_QPA_PLATFORM": platform} if platform else {}
    assert pc.uses_xcb(env) is expected


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is for Linux")
def test_diagnose(monkeypatch):
    missing = ["libxcb-cursor.so.0", "libxkbcommon-x11.so.0"]
    monkeypatch.setattr(pc, "missing_libraries", lambda: missing)
    assert pc.diagnose({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert pc.diagnose({}).startswith("no display: set DISPLAY, or QT_QPA_PLATFORM=offscreen")
    message = pc.diagnose({"DISPLAY": ":0"})
    assert "libxcb-cursor.so.0" in message
    assert "sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0" in message
    monkeypatch.setattr(pc, "missing_libraries", lambda: ["libQt6Gui.so.6"])
    assert "reinstall PySide6" in pc.diagnose({"WAYLAND_DISPLAY": "wayland-0"})
    monkeypatch.setattr(pc, "missing_libraries", lambda: [])
    assert pc.diagnose({"DISPLAY": ":0"}) is None


def test_main_exit_codes(monkeypatch, capsys):
    monkeypatch.setattr(pc, "diagnose", lambda: "no display: set DISPLAY")
    assert pc.main() == 1
    assert "no display" in capsys.readouterr().err
    monkeypatch.setattr(pc, "diagnose", lambda: None)
    assert pc.main() == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is for Linux")
def test_runs_as_a_module_without_a_display():
    env = {"PATH": "/usr/bin:/bin"}  # no DISPLAY, no QT_QPA_PLATFORM
    command = [sys.executable, "-m", "annotator.ui.platform_check"]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert "no display" in result.stderr


def test_check_imports_no_qt():
    # QtGui may be exactly what cannot load on the user's machine.
    code = (
        "import sys, annotator.ui.platform_check as pc; pc.missing_libraries(); "
        "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]"
