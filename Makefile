# Everything a fresh clone needs: `make run`, `make test`, `make bench`.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO := $(CURDIR)/demo.annotator

# Python >= 3.12 (DESIGN.md §8: PySide6 6.12 crashes on 3.11). pyenv shims answer for versions
# that are not selected, so each candidate must really run and report its version.
FIND_PYTHON = for c in "$$PYTHON" python3.12 python3.13 python3 \
	  $$HOME/.pyenv/versions/3.12*/bin/python3 $$HOME/.pyenv/versions/3.13*/bin/python3 \
	  /usr/local/bin/python3.12 /usr/local/bin/python3.13; do \
	  [ -n "$$c" ] || continue; \
	  if "$$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then echo "$$c"; exit 0; fi; \
	done; echo "no Python >= 3.12 found: install python3.12 or set PYTHON=/path/to/python" >&2; exit 1

.PHONY: setup run test stress stress-deps bench screenshot translations bundle bundle-test clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@py="$$($(FIND_PYTHON))" && \
	if [ ! -x $(BIN)/python ]; then echo "creating $(VENV) with $$py"; "$$py" -m venv $(VENV); fi
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

# The window on the demo project (built from seeds/ on first run). `annotator gui` itself says
# which system libraries Qt's xcb plugin lacks, instead of Qt's bare plugin error.
run: $(STAMP)
	@[ -f $(DEMO) ] || $(BIN)/annotator demo $(DEMO)
	$(BIN)/annotator gui $(DEMO)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m "not stress"

# Long crash/kill tests: writers SIGKILLed at random moments, a killed import, the real window
# killed under Xvfb. Xvfb and xdotool come from Debian's packages (installed when run as root).
stress: $(STAMP) stress-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m stress

XVFB_PACKAGES := xvfb xdotool libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
	libxcb-render-util0 libxcb-xinerama0 libxcb-randr0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 \
	libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1
stress-deps:
	@missing=$$(for p in $(XVFB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing $$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "missing system packages for the GUI kill test: $$missing (apt-get install them)"; fi; \
	fi

bench: $(STAMP)
	$(BIN)/python bench/run.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/gui.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/freeze.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/search.py
	$(BIN)/python bench/agreement.py
	$(BIN)/python bench/team.py
	$(BIN)/python bench/check_bench.py

# docs/screenshot.png: the real window on a seed article with entity and claim highlights;
# docs/screenshot-WxH.png: the same at the sizes the layouts are made for (annotator/ui/layout.py);
# docs/screenshot-ar.png: the Arabic interface (mirrored, annotator_ar.qm) at 1280x800;
# docs/review-mode.png, docs/agreement-view.png: review mode and the agreement view on three
# annotators' sets (annotator/ui/screenshot_team.py).
screenshot: $(STAMP)
	$(BIN)/python -m annotator.ui.screenshot docs/screenshot.png
	for size in 800x600 1280x800 1920x1080; do \
	  $(BIN)/python -m annotator.ui.screenshot docs/screenshot-$$size.png $$size || exit 1; done
	$(BIN)/python -m annotator.ui.screenshot docs/screenshot-ar.png 1280x800 --lang ar
	$(BIN)/python -m annotator.ui.screenshot_team review docs/review-mode.png
	$(BIN)/python -m annotator.ui.screenshot_team agreement docs/agreement-view.png

# resources/translations: every string of annotator/ui extracted (pyside6-lupdate) into
# annotator_en.ts (its English plural forms filled in) and annotator_ar.ts (translations kept;
# fails on an unfinished, obsolete or inconsistent Arabic entry), both compiled to .qm. Run it
# after adding or changing a user-facing string; tests/ui/test_translations.py fails until then.
translations: $(STAMP)
	$(BIN)/python resources/translations/update.py

# packaging/: a one-folder bundle, dist/annotator/, whose executable is the CLI and, with `gui` or
# no arguments, the window (PyInstaller, packaging/annotator.spec, from the `bundle` extra), and
# dist/annotator-<version>-linux-<arch>.tar.gz of it (files sorted, owner and dates fixed to the
# last commit's). For Windows and macOS see README, "Building the bundle".
VERSION = $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
TARBALL = dist/annotator-$(VERSION)-linux-$(shell uname -m).tar.gz
BUNDLE_STAMP := $(VENV)/.bundle-installed
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

$(BUNDLE_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[bundle]'
	@touch $@

bundle: $(BUNDLE_STAMP)
	rm -rf dist/annotator $(TARBALL) build/pyinstaller
	SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH) $(BIN)/python -m PyInstaller --noconfirm --log-level WARN \
	  --distpath dist --workpath build/pyinstaller packaging/annotator.spec
	tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@$(SOURCE_DATE_EPOCH) -C dist -cf - annotator \
	  | gzip -n > $(TARBALL)
	@du -sh dist/annotator $(TARBALL)

# The bundle just built, run from its unpacked tar.gz: --version, demo + stats, the window saved
# offscreen (English and Arabic) with the bundled fonts, the window on Xvfb, a run without network,
# start-to-window time against the venv's (packaging/test_bundle.py);
# and the .desktop, shared-mime-info and AppStream files validated by their own tools (Debian's
# packages, installed when run as root; Xvfb and xdotool for the window on X11 from stress-deps).
BUNDLE_TEST_PACKAGES := desktop-file-utils appstream shared-mime-info
bundle-test: bundle stress-deps
	@missing=$$(for p in $(BUNDLE_TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing $$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "missing system packages for the bundle test: $$missing (apt-get install them)"; fi; \
	fi
	ANNOTATOR_TARBALL=$(TARBALL) QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -s -p no:cacheprovider \
	  packaging/test_bundle.py

clean:
	rm -rf $(VENV) build dist *.egg-info demo.annotator* .pytest_cache .hypothesis
