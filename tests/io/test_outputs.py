"""The output guard and folder exports that never delete what they did not write."""

import json
import os

import pytest

from annotator import RESOURCES
from annotator.core.model import Document, Span
from annotator.core.schema import load_schema
from annotator.io import export_to
from annotator.io.outputs import MANIFEST, OutputRefused, guard_output, protected_paths, read_manifest

NEWS = load_schema(RESOURCES / "schemas" / "news.toml")


def docs(*ids):
    return [Document(i, f"نص {i}", spans=[Span(f"s-{i}", 0, 2, "نص", "entity", "GPE")]) for i in ids]


def tree(root):
    """Every file under root with its bytes (links by target), to compare before and after."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            if os.path.islink(path):
                out[rel] = ("link", os.readlink(path))
            elif os.path.isfile(path):
                with open(path, "rb") as fh:
                    out[rel] = fh.read()
            else:
                out[rel] = "dir"
    return out


@pytest.fixture
def project(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    path = work / "p.annotator"
    path.write_bytes(b"SQLite format 3\0project")
    (work / "p.annotator-wal").write_bytes(b"wal")
    (work / "p.annotator.v1.bak").write_bytes(b"backup")
    (work / "p.annotator.v2.3.bak").write_bytes(b"backup 2")
    return path


def test_protected_paths_name_the_project_its_side_files_backups_and_inputs(project, tmp_path):
    names = {p.name for p in protected_paths(project, [tmp_path / "in.txt"])}
    assert names == {"p.annotator", "p.annotator-wal", "p.annotator-shm", "p.annotator-journal",
                     "p.annotator.lock", "p.annotator.v1.bak", "p.annotator.v2.3.bak", "in.txt"}


@pytest.mark.parametrize("folder", [False, True])
@pytest.mark.parametrize("target, code", [
    ("work/p.annotator", "is_project"),
    ("work/p.annotator-wal", "is_project"),
    ("work/p.annotator-shm", "is_project"),  # does not exist yet: SQLite may create it any time
    ("work/p.annotator.lock", "is_project"),
    ("work/p.annotator.v1.bak", "is_project"),
    ("work/./../work/p.annotator", "is_project"),
    ("work/p.annotator/x", "inside_protected"),
    ("work", "inside_output"),
    (".", "inside_output"),
    ("in.txt", "is_input"),
])
def test_refused_outputs(project, tmp_path, target, code, folder):
    (tmp_path / "in.txt").write_text("input")
    before = tree(tmp_path)
    with pytest.raises(OutputRefused) as refused:
        guard_output(tmp_path / target, protected=protected_paths(project, [tmp_path / "in.txt"]), folder=folder)
    assert refused.value.code == code
    assert str(refused.value).startswith(str(tmp_path / target))
    assert tree(tmp_path) == before


def test_links_to_the_project_are_the_project(project, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    os.link(project, other / "hard.annotator")
    os.symlink(project, other / "soft.annotator")
    os.symlink(project.parent, other / "dir")
    for target in ("hard.annotator", "soft.annotator", "dir/p.annotator-wal"):
        with pytest.raises(OutputRefused, match="is the project|beside the project"):
            guard_output(other / target, protected=protected_paths(project), folder=False)
    with pytest.raises(OutputRefused, match="contains the project"):
        guard_output(other / "dir", protected=protected_paths(project), folder=True)


def test_file_format_refuses_a_folder_and_folder_format_a_file(project, tmp_path):
    (tmp_path / "f").mkdir()
    (tmp_path / "x.jsonl").write_text("old")
    with pytest.raises(OutputRefused, match="is a folder") as refused:
        guard_output(tmp_path / "f", protected=protected_paths(project), folder=False)
    assert refused.value.code == "is_folder"
    with pytest.raises(OutputRefused, match="is not a folder"):
        guard_output(tmp_path / "x.jsonl", protected=protected_paths(project), folder=True)
    guard_output(tmp_path / "x.jsonl", protected=protected_paths(project), folder=False)  # an old export: fine


def test_export_to_refuses_the_project_and_leaves_it(project):
    before = tree(project.parent)
    for fmt in ("native", "doccano", "prodigy", "conll", "brat"):
        with pytest.raises(OutputRefused):
            export_to(fmt, docs("a"), project, NEWS, protected=protected_paths(project))
        with pytest.raises(OutputRefused):
            export_to(fmt, docs("a"), project.parent, NEWS, protected=protected_paths(project))
    assert tree(project.parent) == before


def test_folder_export_into_a_folder_of_user_files_is_refused(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "a.txt").write_text("my thesis")
    (out / "sub").mkdir()
    (out / "sub" / "b.ann").write_text("my notes")
    before = tree(tmp_path)
    with pytest.raises(OutputRefused, match="not empty; choose a new or empty folder") as refused:
        export_to("brat", docs("a"), out, NEWS)
    assert refused.value.code == "not_empty"
    assert tree(tmp_path) == before


def test_folder_export_into_new_and_empty_folders_writes_a_manifest(tmp_path):
    export_to("brat", docs("a", "b"), tmp_path / "new", NEWS)
    (tmp_path / "empty").mkdir()
    export_to("brat", docs("a", "b"), tmp_path / "empty", NEWS)
    for out in (tmp_path / "new", tmp_path / "empty"):
        manifest = read_manifest(out)
        assert manifest["files"] == ["a.ann", "a.txt", "annotation.conf", "b.ann", "b.txt"]
        assert manifest["documents"] == {"a": "a", "b": "b"}
        assert sorted(p.name for p in out.iterdir()) == sorted(manifest["files"] + [MANIFEST])
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_reexport_replaces_and_removes_only_its_own_files(tmp_path):
    out = tmp_path / "brat"
    export_to("brat", docs("a", "b"), out, NEWS)
    (out / "notes.md").write_text("mine")  # the user's, not in the manifest
    (out / "sub").mkdir()
    (out / "sub" / "b.txt").write_text("mine too")
    export_to("brat", docs("a", "c"), out, NEWS)
    assert sorted(p.name for p in out.iterdir()) == [
        MANIFEST, "a.ann", "a.txt", "annotation.conf", "c.ann", "c.txt", "notes.md", "sub"]
    assert (out / "notes.md").read_text() == "mine" and (out / "sub" / "b.txt").read_text() == "mine too"
    assert read_manifest(out)["files"] == ["a.ann", "a.txt", "annotation.conf", "c.ann", "c.txt"]
    assert (out / "c.txt").read_text("utf-8") == "نص c"


@pytest.mark.parametrize("user_file", ["c.txt", "C.ANN"])
def test_reexport_refuses_before_writing_when_a_name_is_a_user_file(tmp_path, user_file):
    out = tmp_path / "brat"
    export_to("brat", docs("a", "b"), out, NEWS)
    (out / user_file).write_text("the user's own")
    before = tree(tmp_path)
    with pytest.raises(OutputRefused, match=f"already holds {user_file}") as refused:
        export_to("brat", docs("a", "c"), out, NEWS)
    assert refused.value.code == "collides"
    assert tree(tmp_path) == before


@pytest.mark.parametrize("files", [["../victim.txt"], ["/etc/passwd"], "a.txt", [3]])
def test_a_forged_manifest_is_no_manifest(tmp_path, files):
    out = tmp_path / "brat"
    out.mkdir()
    (tmp_path / "victim.txt").write_text("keep me")
    (out / MANIFEST).write_text(json.dumps({"tool": "annotator", "files": files}))
    before = tree(tmp_path)
    with pytest.raises(OutputRefused, match="not empty"):
        export_to("brat", docs("a"), out, NEWS)
    assert tree(tmp_path) == before


def test_a_manifest_entry_that_became_a_folder_is_not_removed(tmp_path):
    out = tmp_path / "brat"
    export_to("brat", docs("a", "b"), out, NEWS)
    (out / "b.txt").unlink()
    (out / "b.txt").mkdir()
    (out / "b.txt" / "keep").write_text("mine")
    export_to("brat", docs("a"), out, NEWS)
    assert (out / "b.txt" / "keep").read_text() == "mine"


@pytest.mark.parametrize("fmt", ["native", "brat"])
def test_partial_names_are_new_and_never_a_protected_name(tmp_path, monkeypatch, fmt):
    from annotator.io import exporter

    project = tmp_path / "p.annotator"
    protected = protected_paths(project)
    seen = []
    real = exporter(fmt).export

    def spy(docs, out, schema, **kw):
        seen.append(out)
        return real(docs, out, schema, **kw)

    monkeypatch.setattr(exporter(fmt), "export", spy)
    # An output named like the project: its partial must still not be the project's -wal etc.
    export_to(fmt, docs("a"), tmp_path / "p.annotator.out", NEWS, protected=protected)
    (partial,) = seen
    assert partial.parent == tmp_path and partial.name.endswith(".partial")
    assert partial not in protected and not partial.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.annotator.out"]


def test_folder_export_has_the_usual_permissions(tmp_path):
    mask = os.umask(0o022)
    try:
        export_to("brat", docs("a"), tmp_path / "b", NEWS)
    finally:
        os.umask(mask)
    assert (tmp_path / "b").stat().st_mode & 0o777 == 0o755
    assert (tmp_path / "b" / "a.txt").stat().st_mode & 0o777 == 0o644
