"""packaging/'s desktop metadata agrees with the code and with itself, so that a version bump,
a renamed file type or a new icon size cannot leave it behind. (The validators themselves run in
`make bundle-test`, packaging/test_bundle.py, which installs them.)"""

from __future__ import annotations

import configparser
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

from annotator import __version__
from annotator.store.project import SUFFIX

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive: Name[ar], MimeType
    parser.read(PACKAGING / "annotator.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def metainfo() -> ET.Element:
    return ET.parse(PACKAGING / "annotator.metainfo.xml").getroot()


def test_newest_release_is_the_project_version():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    releases = [r.get("version") for r in metainfo().iter("release")]
    assert releases and releases[0] == project["version"] == __version__


def test_licence_is_the_project_licence_and_the_fonts():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    licence = metainfo().findtext("project_license")
    assert licence == f"{project['license']} AND OFL-1.1"
    assert "SIL OPEN FONT LICENSE" in (ROOT / "resources" / "fonts" / "OFL.txt").read_text(encoding="utf-8").upper()


def test_arabic_beside_english():
    entry = desktop_entry()
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        assert entry[key] and entry[f"{key}[ar]"], key
        assert any("\u0600" <= c <= "\u06ff" for c in entry[f"{key}[ar]"]), key
    root = metainfo()
    for tag in ("name", "summary"):
        assert {e.get(XML_LANG) for e in root.iter(tag) if e.text} == {None, "ar"}, tag
    paragraphs = {p.get(XML_LANG) for p in root.find("description").iter("p")}
    assert paragraphs == {None, "ar"}
    for screenshot in root.iter("screenshot"):
        assert {c.get(XML_LANG) for c in screenshot.iter("caption")} == {None, "ar"}


def test_screenshots_are_the_repository_docs():
    images = [e.text for e in metainfo().iter("image")]
    prefix = "https://github.com/annotator/annotator/raw/main/"
    assert images == [prefix + "docs/screenshot.png", prefix + "docs/screenshot-ar.png"]
    assert (ROOT / "docs" / "screenshot.png").is_file()


def test_one_file_type_everywhere():
    entry = desktop_entry()
    mime = ET.parse(PACKAGING / "annotator-mime.xml").getroot().find(f"{MIME_NS}mime-type")
    mime_type = mime.get("type")
    assert entry["MimeType"] == f"{mime_type};"
    assert [g.get("pattern") for g in mime.iter(f"{MIME_NS}glob")] == [f"*{SUFFIX}"]
    assert [m.text for m in metainfo().iter("mediatype")] == [mime_type]
    assert entry["Exec"] == "annotator gui %f"  # one file; `gui` takes one PROJECT


def test_names_agree():
    """The window tells Qt its desktop file is annotator.desktop (annotator/ui/app.py), AppStream
    launches that file, and all three name the icon the PNGs are installed as."""
    root = metainfo()
    assert root.find("launchable").text == "annotator.desktop" == (PACKAGING / "annotator.desktop").name
    assert 'setDesktopFileName("annotator")' in (ROOT / "annotator" / "ui" / "app.py").read_text(encoding="utf-8")
    assert desktop_entry()["Icon"] == root.findtext("icon") == "annotator"
    assert [b.text for b in root.iter("binary")] == ["annotator"]


def test_readme_names_this_version_tarball():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.count(f"annotator-{__version__}-linux-x86_64.tar.gz") >= 3  # English, command, Arabic
