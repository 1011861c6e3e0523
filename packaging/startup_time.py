"""Start-to-window time of an annotator command: from starting the process to the main window's
first frame, offscreen, median of several runs.

`python packaging/startup_time.py [--runs 3] PROJECT -- COMMAND...`, e.g. the bundle against the
venv:
    python packaging/startup_time.py demo.annotator -- dist/annotator/annotator gui
    python packaging/startup_time.py demo.annotator -- .venv/bin/annotator gui

The first frame is seen from outside, with no hook in annotator: Qt's `qt.widgets.painting`
debug category logs "Flushing ... of MainWindow(...)" when the window's first painted frame
reaches the (offscreen) screen. The clock starts before the process is spawned, so interpreter
start-up, imports and opening the project are all counted; the process is killed at that line.
Each run gets an empty HOME (no remembered project, settings or name to ask).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIRST_FRAME = "of MainWindow("  # in qt.widgets.painting's "Flushing QRegion(...) of MainWindow(0x...) to ..."


def first_frame_seconds(command: list[str], project: Path, timeout: float = 60.0) -> float:
    with tempfile.TemporaryDirectory(prefix="annotator-start-") as home:
        env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
        env.update(HOME=home, XDG_CONFIG_HOME=f"{home}/.config", XDG_DATA_HOME=f"{home}/.local/share",
                   XDG_STATE_HOME=f"{home}/.local/state", XDG_CACHE_HOME=f"{home}/.cache",
                   QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.widgets.painting.debug=true",
                   ANNOTATOR_NAME="timing")
        start = time.perf_counter()
        process = subprocess.Popen([*command, str(project)], env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True, errors="replace")
        seen: list[str] = []
        try:
            for line in process.stderr:
                if "Flushing" in line and FIRST_FRAME in line:
                    return time.perf_counter() - start
                seen.append(line)
                if time.perf_counter() - start > timeout:
                    break
        finally:
            process.kill()
            process.wait()
        tail = "".join(seen[-20:])
        raise RuntimeError(f"{' '.join(command)}: no first frame of the main window "
                           f"(exit {process.returncode}):\n{tail}")


def median_seconds(command: list[str], project: Path, runs: int = 3) -> tuple[float, list[float]]:
    times = [first_frame_seconds(command, project) for _ in range(runs)]
    return statistics.median(times), times


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("project", type=Path)
    parser.add_argument("command", nargs="+", help="the command before the project, after --")
    args = parser.parse_args(argv)
    median, times = median_seconds(args.command, args.project, args.runs)
    print(f"{' '.join(args.command)}: median {median:.2f} s to the first frame "
          f"({', '.join(f'{t:.2f}' for t in times)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
