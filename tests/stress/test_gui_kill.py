"""The real window, killed: `annotator gui PROJECT` under Xvfb (the xcb platform, not offscreen),
driven with xdotool like an analyst at the keyboard, then SIGKILLed.

Every label key the analyst presses is one committed transaction: each span seen in the file
(plain sqlite3, read-only) before the kill must be there afterwards, the file must pass
integrity_check, and the writer lock must die with the process, so a restarted window opens the
project for writing (no "Project in use" question, no "[read-only]" in the title) and can
annotate again.

Selection by keyboard: Ctrl+Home puts the caret at offset 0; in a right-to-left paragraph Left
moves to the next character (logical order), so `Left x start` then `Shift+Left x length`
selects text[start:start + length]. The text is pure Arabic, one paragraph for the targets, so
Qt positions equal code-point offsets.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator import RESOURCES
from annotator.core.schema import load_schema
from annotator.io.importing import import_paths
from annotator.store import Project

pytestmark = pytest.mark.stress

ANNOTATOR = Path(sys.executable).with_name("annotator")
TEXT = ("التقى وزير الدفاع سيرغي شويغو الزعيم كيم جونغ أون في بيونغ يانغ اليوم "
        "وبحث الجانبان التعاون العسكري بين روسيا وكوريا الشمالية\n"
        "وقالت الوكالة إن الزيارة تستمر يومين")
# (word, label key): acknowledged before the kill; the last of each run is pressed and killed at once.
FIRST_RUN = [("شويغو", "p"), ("بيونغ", "g"), ("روسيا", "g"), ("كيم", "p"), ("سيرغي", "p")]
SECOND_RUN = [("يانغ", "g"), ("كوريا", "g"), ("الدفاع", "o")]
KEY_LABEL = {"p": "PERSON", "g": "GPE", "o": "ORG"}
WINDOW_TIMEOUT = 30.0
SPAN_TIMEOUT = 10.0
RUNNING: list[subprocess.Popen] = []  # app processes this module started, killed if a test fails


def tools() -> tuple[str, str]:
    xvfb, xdotool = shutil.which("Xvfb"), shutil.which("xdotool")
    if not xvfb or not xdotool:
        pytest.skip("the GUI kill test needs Xvfb and xdotool (make stress-deps, or apt-get install xvfb xdotool)")
    if not ANNOTATOR.exists():
        pytest.skip(f"no `annotator` console script beside {sys.executable} (pip install -e .)")
    return xvfb, xdotool


@pytest.fixture(autouse=True)
def no_app_left():
    yield
    while RUNNING:
        proc = RUNNING.pop()
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)


@pytest.fixture
def display(tmp_path):
    """A fresh Xvfb server; its display name (":N"). Xvfb picks a free display itself."""
    xvfb, xdotool = tools()
    read, write = os.pipe()
    log = open(tmp_path / "xvfb.log", "wb")
    server = subprocess.Popen([xvfb, "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=log, stderr=subprocess.STDOUT)
    os.close(write)
    try:
        number = b""
        deadline = time.monotonic() + 15
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            # Xvfb writes the display number once it accepts connections.
            if not select.select([read], [], [], max(deadline - time.monotonic(), 0))[0]:
                break
            chunk = os.read(read, 16)
            if not chunk:
                break
            number += chunk
        if not number.strip().isdigit() or server.poll() is not None:
            server.kill()
            server.wait()
            log.close()
            pytest.fail(f"Xvfb did not start: {(tmp_path / 'xvfb.log').read_text(errors='replace')}")
        name = f":{number.strip().decode()}"
        check = subprocess.run([xdotool, "getdisplaygeometry"], env={**os.environ, "DISPLAY": name},
                               capture_output=True, text=True, timeout=10)
        assert check.returncode == 0 and check.stdout.split() == ["1280", "1024"], check
        yield name
    finally:
        os.close(read)
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        log.close()


class Gui:
    """One `annotator gui` process on a display, and xdotool pointed at it."""

    def __init__(self, project: Path, display: str, home: Path, run: int):
        self.display = display
        self.env = app_env(display, home)
        self.out = home / f"gui-{run}.log"
        with open(self.out, "wb") as out:
            self.proc = subprocess.Popen([str(ANNOTATOR), "gui", str(project)], env=self.env, stdout=out,
                                         stderr=subprocess.STDOUT)
        RUNNING.append(self.proc)
        self.window = self._find_window()

    def xdotool(self, *args: str, timeout: float = 10) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=timeout)
        assert done.returncode == 0, f"xdotool {' '.join(args)}: {done.stderr}"
        return done.stdout.strip()

    def _find_window(self) -> str:
        # "Qt Selection Owner for annotator" is a window too, never mapped: visible ones only.
        deadline = time.monotonic() + WINDOW_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"annotator gui exited with {self.proc.returncode}: {self.log()}")
            try:
                found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "annotator"],
                                       env=self.env, capture_output=True, text=True, timeout=2)
            except subprocess.TimeoutExpired:
                continue
            if found.returncode == 0 and found.stdout.split():
                return found.stdout.split()[0]
        pytest.fail(f"no annotator window within {WINDOW_TIMEOUT} s (windows shown: {self.shown()}): {self.log()}")

    def shown(self) -> list[str]:
        """Names of the visible windows (a "Project in use" question, say)."""
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "."], env=self.env,
                               capture_output=True, text=True, timeout=10)
        names = []
        for wid in found.stdout.split():
            name = subprocess.run(["xdotool", "getwindowname", wid], env=self.env, capture_output=True, text=True,
                                  timeout=10)
            names.append(name.stdout.strip())
        return names

    def log(self) -> str:
        return self.out.read_text("utf-8", "replace")[-3000:]

    def title(self) -> str:
        return self.xdotool("getwindowname", self.window)

    def focus(self) -> None:
        """Keyboard focus on the window (no window manager: point at it and set the X focus);
        the window itself puts Qt's focus on the article."""
        geometry = dict(line.strip().split(": ", 1) for line in
                        self.xdotool("getwindowgeometry", self.window).splitlines()[1:])
        x, y = (int(v) for v in geometry["Position"].split(" ")[0].split(","))
        w = int(geometry["Geometry"].split("x")[0])
        self.xdotool("mousemove", "--sync", str(x + w // 2), str(y + 40))  # over the menu bar: no click
        self.xdotool("windowfocus", "--sync", self.window)

    def label(self, start: int, length: int, key: str) -> None:
        """Select text[start:start+length] with the keyboard and press a label key."""
        self.xdotool("key", "--clearmodifiers", "ctrl+Home")
        if start:
            self.xdotool("key", "--repeat", str(start), "--delay", "2", "Left")
        self.xdotool("key", "--repeat", str(length), "--delay", "2", "shift+Left")
        self.xdotool("key", key)

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        assert self.proc.wait(10) == -signal.SIGKILL


def app_env(display: str, home: Path) -> dict[str, str]:
    """The app's environment: a real X display, settings, logs and caches all under tmp."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_", "WAYLAND"))}
    runtime = home / "runtime"
    for sub in ("config", "data", "cache", "state", "logs"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    runtime.mkdir(mode=0o700, exist_ok=True)
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", HOME=str(home), ANNOTATOR_NAME="gui-kill",
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_CACHE_HOME=str(home / "cache"), XDG_STATE_HOME=str(home / "state"),
               XDG_RUNTIME_DIR=str(runtime), ANNOTATOR_LOG_DIR=str(home / "logs"))
    return env


def stored_spans(path: Path) -> dict[str, tuple[int, int, str, str, str]]:
    """id -> (start, end, text, label, annotator), read as any SQLite tool would (read-only)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        return {row[0]: row[1:] for row in conn.execute('SELECT id, start, "end", text, label, annotator FROM spans')}
    finally:
        conn.close()


def wait_for_span(path: Path, known: dict, start: int, word: str, label: str) -> dict:
    """Poll the file until a new span on `word` is committed; all spans then."""
    deadline = time.monotonic() + SPAN_TIMEOUT
    while time.monotonic() < deadline:
        spans = stored_spans(path)
        new = {k: v for k, v in spans.items() if k not in known}
        if new:
            assert list(new.values()) == [(start, start + len(word), word, label, "gui-kill")], new
            return spans
        time.sleep(0.05)
    pytest.fail(f"no span on {word} {label} in the file within {SPAN_TIMEOUT} s")


def check_project(path: Path, acknowledged: dict, in_flight: tuple) -> dict:
    """Open with annotator's store (for writing: the lock is free): integrity ok, every
    acknowledged span present unchanged, and nothing else but the span in flight, whole."""
    with Project.open(path) as project:
        assert not project.readonly
        assert project.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert project.db.execute("PRAGMA foreign_key_check").fetchall() == []
        doc = project.get_document(project.document_rows()[0][0])
        assert doc.text == TEXT
        stored = {s.id: (s.start, s.end, s.text, s.label, s.annotator) for s in doc.spans}
    missing = {k: v for k, v in acknowledged.items() if stored.get(k) != v}
    assert not missing, f"acknowledged spans lost or changed by the kill: {missing}"
    extra = [v for k, v in stored.items() if k not in acknowledged]
    assert extra in ([], [in_flight]), extra
    return stored


def run_and_kill(project: Path, display: str, home: Path, run: int, actions, known: dict) -> tuple[dict, tuple]:
    """Start the window, label all but the last action waiting for each to be committed, press
    the last and SIGKILL at once: (the spans seen committed, the span in flight)."""
    gui = Gui(project, display, home, run)
    # Writable: not "gui — annotator [read-only]", nor a "Project in use — annotator" question.
    # "<document title> — <project> — annotator", names isolated (FSI…PDI) as the window shows them.
    assert gui.title().endswith(f"\u2068{project.stem}\u2069 — annotator"), gui.title()
    gui.focus()
    time.sleep(0.3)  # the window's first paint and deferred span loading
    acknowledged = dict(known)
    for word, key in actions[:-1]:
        start = TEXT.index(word)
        gui.label(start, len(word), key)
        acknowledged = wait_for_span(project, acknowledged, start, word, KEY_LABEL[key])
    acknowledged = stored_spans(project)  # everything seen committed before the kill
    word, key = actions[-1]
    start = TEXT.index(word)
    gui.label(start, len(word), key)  # in flight when the kill comes: whole or absent afterwards
    gui.kill()
    return acknowledged, (start, start + len(word), word, KEY_LABEL[key], "gui-kill")


def test_killed_window_keeps_every_acknowledged_span(tmp_path, display):
    started = time.monotonic()
    source = tmp_path / "article.txt"
    source.write_text(TEXT, "utf-8")
    path = tmp_path / "gui.annotator"
    with Project.create(path, load_schema(RESOURCES / "schemas" / "news.toml")) as project:
        assert import_paths(project, [source]).documents == 1
    home = tmp_path / "home"

    first, in_flight = run_and_kill(path, display, home, 1, FIRST_RUN, {})
    assert len(first) == len(FIRST_RUN) - 1
    after_first = check_project(path, first, in_flight)

    # Again on the same file: the lock died with the process, the window opens it for writing.
    second, in_flight = run_and_kill(path, display, home, 2, SECOND_RUN, after_first)
    assert len(second) == len(after_first) + len(SECOND_RUN) - 1
    final = check_project(path, second, in_flight)
    log = home / "logs" / "annotator.log"
    assert not log.exists() or "Traceback" not in log.read_text("utf-8", "replace"), log.read_text()
    print(f"GUI kill: {len(first)} spans acknowledged in run 1 (+{len(after_first) - len(first)} in flight), "
          f"{len(second) - len(after_first)} in run 2 (+{len(final) - len(second)} in flight), "
          f"{len(final)} stored after two SIGKILLs, {time.monotonic() - started:.1f} s")
