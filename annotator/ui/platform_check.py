"""Why the GUI would not start on Linux: no display, or system libraries Qt's xcb plugin needs.

Run `python -m annotator.ui.platform_check`. PySide6 wheels bundle Qt but not the X11 client
libraries, and a missing one only produces Qt's cryptic "could not load the Qt platform plugin
xcb". This module imports no Qt binding code (QtGui itself may be what fails to load): it finds
the plugin on disk and asks the dynamic linker, via `ldd`, what it cannot resolve.
"""

from __future__ import annotations

import ctypes.util
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Used when ldd or the plugin is unavailable: (find_library name, soname) of what Qt 6's xcb
# plugin loads (https://doc.qt.io/qt-6/linux-requirements.html).
FALLBACK_LIBS = [
    ("xcb-cursor", "libxcb-cursor.so.0"),
    ("xcb-icccm", "libxcb-icccm.so.4"),
    ("xcb-keysyms", "libxcb-keysyms.so.1"),
    ("xcb-image", "libxcb-image.so.0"),
    ("xcb-render-util", "libxcb-render-util.so.0"),
    ("xcb-randr", "libxcb-randr.so.0"),
    ("xcb-shape", "libxcb-shape.so.0"),
    ("xcb-xfixes", "libxcb-xfixes.so.0"),
    ("xcb-xkb", "libxcb-xkb.so.1"),
    ("xcb-util", "libxcb-util.so.1"),
    ("xkbcommon-x11", "libxkbcommon-x11.so.0"),
    ("X11-xcb", "libX11-xcb.so.1"),
    ("EGL", "libEGL.so.1"),
    ("GL", "libGL.so.1"),
    ("fontconfig", "libfontconfig.so.1"),
    ("dbus-1", "libdbus-1.so.3"),
]

# Debian/Ubuntu package names that do not follow the soname rule in apt_package().
PACKAGE_EXCEPTIONS = {
    "libGLdispatch.so.0": "libglvnd0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$")


def parse_ldd(output: str) -> list[str]:
    """Sonames that ldd reports as "not found", in first-seen order, without repeats."""
    found = (m.group(1) for m in map(_NOT_FOUND.match, output.splitlines()) if m)
    return list(dict.fromkeys(found))


def apt_package(soname: str) -> str:
    """Debian's package for a soname: libfoo.so.1 -> libfoo1, libxcb-icccm.so.4 -> libxcb-icccm4,
    libfoo-x11.so.0 -> libfoo-x11-0 (a dash when the name ends in a digit), lower case."""
    if soname in PACKAGE_EXCEPTIONS:
        return PACKAGE_EXCEPTIONS[soname]
    name, _, version = soname.partition(".so.")
    sep = "-" if name[-1:].isdigit() else ""
    return f"{name}{sep}{version}".lower()


def xcb_plugin() -> Path | None:
    """PySide6's Qt/plugins/platforms/libqxcb.so, found without importing PySide6."""
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def missing_libraries() -> list[str]:
    """Sonames the xcb platform plugin needs and the system lacks (empty: all present)."""
    plugin, ldd = xcb_plugin(), shutil.which("ldd")
    if plugin and ldd:
        # ldd resolves the whole tree, including Qt's own libraries through their RPATH.
        result = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, check=False)
        if result.returncode == 0:
            return parse_ldd(result.stdout)
    return [soname for name, soname in FALLBACK_LIBS if ctypes.util.find_library(name) is None]


def uses_xcb(env: os._Environ[str] | dict[str, str] = os.environ) -> bool:
    """Whether Qt will try the xcb plugin: QT_QPA_PLATFORM unset or naming xcb ("xcb",
    "wayland;xcb", "xcb:option=..."), on Linux."""
    if not sys.platform.startswith("linux"):
        return False
    platforms = env.get("QT_QPA_PLATFORM", "").strip()
    return not platforms or "xcb" in (p.split(":")[0].strip() for p in platforms.split(";"))


def diagnose(env: os._Environ[str] | dict[str, str] = os.environ) -> str | None:
    """A message saying why the GUI cannot start, or None when nothing is wrong."""
    if not uses_xcb(env):
        return None
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        return "no display: set DISPLAY, or QT_QPA_PLATFORM=offscreen for a headless run"
    missing = missing_libraries()
    if not missing:
        return None
    qt_own = [s for s in missing if s.startswith("libQt6")]
    if qt_own:  # Qt's own libraries ship in the wheel: the installation is broken
        return f"PySide6 is incomplete ({', '.join(qt_own)} not found): reinstall PySide6"
    packages = " ".join(dict.fromkeys(apt_package(s) for s in missing))
    return (
        "Qt's xcb platform plugin cannot load; missing system libraries: "
        f"{', '.join(missing)}\n"
        f"On Debian/Ubuntu install them with:\n    sudo apt-get install {packages}\n"
        "(other distributions ship them under similar names)"
    )


def main() -> int:
    problem = diagnose()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    print("platform check: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
