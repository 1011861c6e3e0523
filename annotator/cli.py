"""Command line: a thin layer over annotator.store and annotator.io (no Qt is imported here)."""

from __future__ import annotations

import getpass
import json
import os
import re
import secrets
import sys
from pathlib import Path

import click
from tqdm import tqdm

from annotator import RESOURCES, SEEDS, __version__
from annotator.core.arabic import find_all
from annotator.core.model import STATUSES
from annotator.core.schema import SchemaError, load_schema
from annotator.io import EXPORT_FORMATS, IMPORT_FORMATS, SpanMismatch, export_to, exporter, write_beside
from annotator.io.format_loss import selection_losses, sentence
from annotator.io.importing import ImportReport, import_paths
from annotator.io.jsonl_writer import write_jsonl
from annotator.io.outputs import OutputRefused, guard_output, protected_paths
from annotator.io.pipeline import OFFSET_UNITS
from annotator.io.validation import Counts, Note, validate as check_files
from annotator.store import Project, ProjectError
from annotator.store.lock import WriterLock
from annotator.store.connection import inspect as inspect_file
from annotator.store.project import SUFFIX, SpanFilter

DEFAULT_SCHEMA = RESOURCES / "schemas" / "news.toml"
MAX_LISTED = 20  # duplicates listed one by one before "... and N more"


def default_annotator() -> str:
    name = os.environ.get("ANNOTATOR_NAME")
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:
        return "unknown"


def default_demo_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("annotator", appauthor=False)) / f"demo{SUFFIX}"


# What a terminal would act on instead of showing: C0 and C1 controls (ESC starts escape
# sequences that can rewrite the screen or the title), DEL, line/paragraph separators, and the
# bidi controls that reorder what follows them (a "txt.exe" that reads "exe.txt").
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """`text` with every control character shown as an escape (\\x1b, \\u202e ...), for echoing
    untrusted strings (ids, text, titles, labels, file names) to a terminal."""
    return _CONTROLS.sub(_escape, str(text))


def _json_escape(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"


def echo(message: str) -> None:
    click.echo(terminal_safe(message))


def echo_err(message: str) -> None:
    click.echo(terminal_safe(message), err=True)


def fail(message: str) -> click.ClickException:
    return click.ClickException(terminal_safe(message))


def progress_bar(desc: str, unit: str, total: int | None = None):
    # disable=None: a bar on a terminal, silence in pipes and CI logs
    return tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, disable=None, leave=False, dynamic_ncols=True)


def open_project(path: str, readonly: bool = False) -> Project:
    try:
        project = Project.open(path, readonly=readonly)
    except ProjectError as exc:
        raise fail(str(exc)) from None
    if project.backup:
        echo_err(f"upgraded {path}; the previous version is kept at {project.backup}")
    return project


existing_project = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="annotator")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Annotate Arabic news articles with entities and claims; export training data.

    Offsets in every file annotator reads or writes are Python code points, end exclusive.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(gui)


@cli.command()
@click.argument("project", required=False, type=existing_project)
@click.option("--annotator", "annotator_name", default=None,
              show_default="$ANNOTATOR_NAME, else the name the window asked once",
              help="Name recorded on the spans you make.")
def gui(project: Path | None, annotator_name: str | None) -> None:
    """Open the annotation window on PROJECT (default: the last project, else the demo)."""
    from annotator.ui.platform_check import diagnose  # Qt-free: it explains what Qt would not

    problem = diagnose()
    if problem:
        raise fail(problem)
    from annotator.ui.app import last_project, run  # Qt only from here on

    if project is None:
        project = last_project()
    if project is None:
        project = default_demo_path()
        if not project.exists():
            build_demo(project)
    # None: not given, so the window uses the name it asked once (annotator/ui/app.py).
    sys.exit(run(project, annotator_name or os.environ.get("ANNOTATOR_NAME") or None))


@cli.command()
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--schema", "schema_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=DEFAULT_SCHEMA, show_default="the news schema", help="Label schema (TOML).")
@click.option("--name", help="Project name (default: the file name).")
def init(project: Path, schema_path: Path, name: str | None) -> None:
    """Create a new PROJECT file with a label schema."""
    try:
        schema = load_schema(schema_path)
        Project.create(project, schema, name).close()
    except (SchemaError, ProjectError) as exc:
        raise fail(str(exc)) from None
    labels = schema.labels()
    echo(f"created {project}: {len(schema.layers)} layers, {len(labels)} labels "
               f"({', '.join(lab.name for lab in labels)})")


def print_import_report(report: ImportReport) -> None:
    for rejection in report.rejected:
        echo_err(str(rejection))
    for warning in report.warnings:  # taken with a change: no exit code of their own
        echo_err(f"warning: {warning}")
    for line in report.duplicates[:MAX_LISTED]:
        echo_err(f"{line} (duplicate, skipped)")
    if len(report.duplicates) > MAX_LISTED:
        echo_err(f"... and {len(report.duplicates) - MAX_LISTED} more duplicates")
    if report.skipped_files:
        listed = [f"{path} ({report.skipped_reasons[path]})" if path in report.skipped_reasons else path
                  for path in report.skipped_files[:5]]
        echo_err(f"skipped {len(report.skipped_files)} files in folders that are not {'/'.join(IMPORT_FORMATS)}: "
                 + ", ".join(listed) + (" ..." if len(report.skipped_files) > 5 else ""))
    for label in report.added_labels:
        echo_err(f"added label {label} to the project schema (it was in the imported data)")
    for attribute in report.added_attributes:
        echo_err(f"added attribute {attribute} to the project schema (it was in the imported data)")
    summary = (f"imported {report.documents} documents ({report.spans} spans, {report.relations} relations) "
               f"from {report.files} files; {len(report.duplicates)} duplicates skipped; "
               f"{len(report.rejected)} rejected")
    if report.warnings:
        summary += f"; {len(report.warnings)} warnings"
    if report.formats:
        summary += "; by format: " + ", ".join(f"{name} {count}" for name, count in sorted(report.formats.items()))
    if report.renamed_ids:
        summary += f"; {report.renamed_ids} ids already in use were replaced"
    if report.as_suggestions:
        summary += f"; {report.suggestions} suggestions stored"
        if report.dropped_relations:
            summary += f" ({report.dropped_relations} relations not suggested)"
    rejects, ignores = report.prodigy_answers.get("reject", 0), report.prodigy_answers.get("ignore", 0)
    if rejects or ignores:
        kept = "skipped: not suggestions" if report.as_suggestions else "kept as rejected suggestions"
        summary += f"; {rejects} Prodigy tasks answered reject ({kept}), {ignores} ignore (skipped)"
    if report.joined:
        summary += f"; {report.joined} accepted Prodigy tasks joined the document of their text"
    if report.sets_added or report.sets_replaced or report.sets_unchanged:
        summary += (f"; annotators' sets of documents already in the project: {report.sets_added} added, "
                    f"{report.sets_replaced} replaced, {report.sets_unchanged} unchanged")
    echo(summary)


@cli.command(name="import")
@click.argument("project", type=existing_project)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["auto", *IMPORT_FORMATS]), default="auto", show_default=True,
              help="Input format; auto detects it from each file's content (then its suffix).")
@click.option("--offset-unit", type=click.Choice(OFFSET_UNITS), default="codepoint", show_default=True,
              help="Unit of span offsets in JSONL input (doccano and browsers count UTF-16).")
@click.option("--encoding", help="Force a text encoding instead of detecting it.")
@click.option("--annotator", "annotator_name", default=default_annotator, show_default="$ANNOTATOR_NAME or user",
              help="Name recorded on imported spans that carry none.")
@click.option("--as-suggestions", is_flag=True,
              help="Store the spans as suggestions for the analyst to accept or reject (pre-annotations); "
                   "documents already in the project get them too.")
@click.option("--text-column", metavar="NAME",
              help="CSV/TSV column holding the text (default: text, content, body or article).")
def import_(project: Path, paths: tuple[Path, ...], fmt: str, offset_unit: str, encoding: str | None,
            annotator_name: str, as_suggestions: bool, text_column: str | None) -> None:
    """Import files (folders recursively) into PROJECT, each in the format its content shows.

    Bad files and lines are reported as path:line: reason and the rest is imported;
    exact duplicates are skipped. Exit code 1 if anything was rejected.
    """
    with open_project(project) as proj, progress_bar("importing", " docs") as bar:
        try:
            report = import_paths(proj, paths, fmt, offset_unit=offset_unit, annotator=annotator_name,
                                  encoding=encoding, progress=bar.update, as_suggestions=as_suggestions,
                                  text_column=text_column)
        except LookupError as exc:
            raise click.UsageError(str(exc)) from None
    print_import_report(report)
    sys.exit(1 if report.rejected else 0)


@cli.command()
@click.argument("project", type=existing_project)
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="Output file (a folder for brat).")
@click.option("--format", "fmt", type=click.Choice(list(EXPORT_FORMATS)), default="native", show_default=True)
@click.option("--status", "statuses", multiple=True, type=click.Choice(STATUSES),
              help="Only documents with this status (repeatable).")
@click.option("--layer", "layers", multiple=True, help="Only spans of this layer (repeatable).")
@click.option("--label", "labels", multiple=True, help="Only spans with this label (repeatable).")
@click.option("--annotator", "annotators", multiple=True, help="Only spans by this annotator (repeatable).")
@click.option("--set", "set_name", metavar="NAME",
              help="Only this annotation set (an annotator's name, or gold), with its status. Default: the gold "
                   "set of a document that has one, else every set.")
@click.option("--entities", "entities_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the canonical entities as JSONL (id, type, name, aliases, mentions).")
def export(project: Path, output: Path, fmt: str, statuses, layers, labels, annotators, set_name: str | None,
           entities_out: Path | None) -> None:
    """Export PROJECT's documents and spans as native, doccano, Prodigy, CoNLL or brat.

    Never writes over the project, its side files or backups; a brat folder must be new, empty,
    or one annotator exported before. Spans whose text no longer matches their document are
    left out and reported; exit code 1 if there is any.
    """
    module = exporter(fmt)
    protected = protected_paths(project)
    check_outputs(output, entities_out, protected, module.WRITES_FOLDER)
    with open_project(project, readonly=True) as proj:
        schema = proj.schema
        for name in layers:
            if schema.layer(name) is None:
                raise click.BadParameter(f"no layer {name!r} in the project", param_hint="--layer")
        for name in labels:
            if schema.label(name) is None:
                raise click.BadParameter(f"no label {name!r} in the project", param_hint="--label")
        total = proj.document_count(statuses)
        if set_name is not None and set_name not in {row["set"] for row in proj.set_summary()}:
            raise click.BadParameter(f"no annotation set {set_name!r} in the project", param_hint="--set")
        span_filter = SpanFilter(tuple(layers), tuple(labels), tuple(annotators), set_name=set_name,
                                 prefer_gold=set_name is None)
        # Said before anything is written (as the window's export dialog does), never silently.
        lost = sentence(fmt, selection_losses(proj, fmt, statuses, span_filter)[1])
        if lost:
            echo_err(f"warning: {lost}")
        counted = {"documents": 0, "spans": 0}

        def documents():
            with progress_bar(f"exporting {fmt}", " docs", total) as bar:
                for doc in proj.iter_documents(statuses, span_filter):
                    counted["documents"] += 1
                    counted["spans"] += len(doc.spans)
                    bar.update()
                    yield doc

        try:
            warnings = export_to(fmt, documents(), output, schema, protected=protected)
        except OutputRefused as exc:
            raise click.BadParameter(terminal_safe(str(exc)), param_hint="-o") from None
        if entities_out is not None:
            written: list[int] = []
            write_beside(entities_out, lambda partial: written.append(write_jsonl(partial, (
                {"id": e.id, "type": e.type, "name": e.name, "aliases": e.aliases, "mentions": e.mentions}
                for e in proj.entities()))))
    for warning in warnings:
        echo_err(f"warning: {warning}")
    mismatched = sum(isinstance(w, SpanMismatch) for w in warnings)
    echo(f"exported {counted['documents']} documents, {counted['spans'] - mismatched} spans to {output} ({fmt})")
    if entities_out is not None:
        echo(f"exported {written[0]} canonical entities to {entities_out}")
    if mismatched:
        echo_err(f"{mismatched} spans do not match their document's text and were left out; "
                 "`annotator check` lists them")
        sys.exit(1)


def check_outputs(output: Path, entities_out: Path | None, protected: list[Path], folder: bool) -> None:
    """Refuse, before anything is read or written, an output that would destroy the project (or
    its side files, or the other output)."""
    try:
        guard_output(output, protected=protected, folder=folder)
        if entities_out is not None:
            guard_output(entities_out, protected=protected, folder=False)
    except OutputRefused as exc:
        hint = "--entities" if entities_out is not None and exc.path == entities_out else "-o"
        raise click.BadParameter(terminal_safe(str(exc)), param_hint=hint) from None
    if entities_out is not None:
        a, b = Path(os.path.realpath(output)), Path(os.path.realpath(entities_out))
        same = a == b or (a.exists() and b.exists() and os.path.samefile(a, b))
        if same or b.is_relative_to(a) or a.is_relative_to(b):
            raise click.BadParameter(terminal_safe(f"{entities_out} is (or lies inside) the -o output {output}; "
                                                   "choose another file."), param_hint="--entities")


@cli.command()
@click.argument("project", type=existing_project)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats(project: Path, as_json: bool) -> None:
    """Documents by status, spans by layer and label, annotators."""
    with open_project(project, readonly=True) as proj:
        figures = proj.stats()
    if as_json:
        # \uXXXX keeps the JSON valid and equal to what was stored; "\n" only separates lines here
        for line in json.dumps(figures, ensure_ascii=False, indent=2).split("\n"):
            click.echo(_CONTROLS.sub(_json_escape, line))
        return
    echo(f"documents  {figures['documents']}")
    for status in STATUSES:
        echo(f"  {status:<12}{figures['by_status'].get(status, 0):>8}")
    echo(f"spans      {figures['spans']}   relations {figures['relations']}   "
               f"canonical entities {figures['entities']}")
    for row in figures["by_label"]:
        echo(f"  {row['layer'] + '/' + row['label']:<24}{row['spans']:>8} spans in {row['documents']} documents")
    click.echo("annotators")
    for row in figures["annotators"] or [{"annotator": "(none yet)", "spans": 0, "documents": 0, "last": ""}]:
        echo(f"  {row['annotator']:<20}{row['spans']:>8} spans in {row['documents']} documents"
                   + (f", last {row['last']}" if row["last"] else ""))
    sets = [row for row in figures.get("sets", []) if row["set"]]
    if sets:
        click.echo("annotation sets (documents by the set's status)")
        for row in sets:
            progress = ", ".join(f"{status} {n}" for status, n in row["by_status"].items())
            echo(f"  {row['set']:<20}{row['documents']:>8} documents, {row['spans']} spans: {progress}")
        gold = next((row["documents"] for row in sets if row["set"] == "gold"), 0)
        echo(f"  gold covers {gold} of {figures['documents']} documents")


@cli.command()
@click.argument("project", type=existing_project)
@click.argument("query")
@click.option("--variants", is_flag=True,
              help="Match by Arabic match keys: diacritics, letter forms (أ/ا, ى/ي, ة/ه), Persian letters, "
                   "digits and the g-letters of foreign names (غ ج ق گ) fold together; a clitic prefix "
                   "(و ب ل ك ف ال) may precede the match and stays outside it.")
@click.option("--status", "statuses", multiple=True, type=click.Choice(STATUSES),
              help="Only documents with this status (repeatable).")
def search(project: Path, query: str, variants: bool, statuses) -> None:
    """Print `doc_id start end text` for every occurrence of QUERY (code-point offsets).

    Without --variants the exact characters are searched.
    """
    if not query.strip():
        raise click.BadParameter("the query is empty", param_hint="QUERY")
    found = 0
    with open_project(project, readonly=True) as proj:
        for doc_id, text in proj.document_texts(statuses):
            if variants:
                matches = find_all(text, query)
            else:
                matches, start = [], text.find(query)
                while start != -1:
                    matches.append((start, start + len(query)))
                    start = text.find(query, start + 1)
            for start, end in matches:
                shown = text[start:end].replace("\\", "\\\\").replace("\n", "\\n")  # one match, one line
                echo(f"{doc_id} {start} {end} {shown}")
                found += 1
    echo_err(f"{found} matches")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["auto", *IMPORT_FORMATS]), default="auto", show_default=True,
              help="Input format; auto detects it from each file's content (then its suffix), as import does.")
@click.option("--offset-unit", type=click.Choice(OFFSET_UNITS), default="codepoint", show_default=True)
@click.option("--schema", "schema_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Also check labels, attributes and overlaps against this schema.")
@click.option("--encoding", help="Force a text encoding instead of detecting it.")
@click.option("--text-column", metavar="NAME",
              help="CSV/TSV column holding the text (default: text, content, body or article).")
def validate(paths: tuple[Path, ...], fmt: str, offset_unit: str, schema_path: Path | None,
             encoding: str | None, text_column: str | None) -> None:
    """Check files (folders recursively) as import would read them, storing nothing.

    Every format import reads: native, doccano and Prodigy JSONL, CoNLL, brat folders, Label
    Studio, WebAnno TSV, CSV/TSV. Prints path:line: reason for each bad item; an empty file is
    valid (said on stderr). Exit code 1 if there is any bad item.
    """
    try:
        schema = load_schema(schema_path) if schema_path else None
    except SchemaError as exc:
        raise fail(str(exc)) from None
    counts = Counts()
    for item in check_files(paths, fmt, schema=schema, offset_unit=offset_unit, encoding=encoding,
                            text_column=text_column, counts=counts):
        if isinstance(item, Note):
            echo_err(str(item))
        else:
            echo(str(item))
    echo_err(counts.summary())
    sys.exit(1 if counts.bad else 0)


@cli.command(name="check")
@click.argument("project", type=existing_project)
@click.option("--repair", is_flag=True,
              help="Fix what loses nothing, in one transaction: relations filed under the wrong document, spans "
                   "of a renamed document, stale content hashes, suggestions that no longer fit. Never deletes a "
                   "span, relation or entity; the rest is listed with what to do.")
def check_(project: Path, repair: bool) -> None:
    """Check PROJECT: SQLite integrity, foreign keys, every span's offsets and text, relations.

    Prints each problem; exit code 1 if any remains.
    """
    with open_project(project, readonly=not repair) as proj:
        try:
            result = proj.check(repair=repair)
        except ProjectError as exc:  # a repair failed and was rolled back: the file is unchanged
            raise fail(str(exc)) from None
    if result.repaired:
        echo(f"repaired {result.repaired} problems")
    problems = result.problems
    for problem in problems:
        echo(str(problem))
    if problems:
        echo_err(f"{len(problems)} problems" + ("" if repair or not any(p.repair for p in problems)
                                                 else "; --repair fixes those marked repairable"))
        sys.exit(1)
    echo(f"{project}: no problems")


@cli.command()
@click.argument("project", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Rebuild the demo project if it exists (not while it is open for writing).")
def demo(project: Path | None, force: bool) -> None:
    """Create a demo PROJECT from the bundled seed articles (default: in the user data folder)."""
    project = project or default_demo_path()
    if not project.exists():
        build_demo(project)
        return
    if not force:
        echo(f"{project} already exists (use --force to rebuild it)")
        return
    if not is_project_file(project):
        raise fail(f"{project} is not an annotator project; demo --force only replaces a project.")
    # The lock first: a writer that has the project open must never see it deleted under it,
    # and the old -wal/-shm may only go while nobody can be writing into them.
    lock = WriterLock(project)
    try:
        lock.acquire()
    except ProjectError as exc:  # locked by a writer, or the disk/file refuses a lock
        raise fail(str(exc)) from None
    partial = project.with_name(f".{project.name}.{secrets.token_hex(4)}.partial")
    try:
        build_demo(partial, show=project)
        for suffix in ("-wal", "-shm", "-journal"):  # the old file's: never to be applied to the new one
            Path(f"{project}{suffix}").unlink(missing_ok=True)
        os.replace(partial, project)
    finally:
        lock.release()
        remove_leftovers(partial)


def is_project_file(path: Path) -> bool:
    """An annotator project, told from its header (and its -wal's, where a busy project's header
    may be committed only there) without connecting, since connecting could write to a file
    that is not ours, and without closing a descriptor SQLite's locks depend on."""
    try:
        inspect_file(path)
    except ProjectError:
        return False
    return True


def remove_leftovers(partial: Path) -> None:
    """Remove the temporary demo and whatever SQLite or the lock left beside it (all named after
    it, a name nobody else uses)."""
    for path in partial.parent.glob(glob_escape(partial.name) + "*"):
        path.unlink(missing_ok=True)


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def build_demo(project: Path, show: Path | None = None) -> None:
    project.parent.mkdir(parents=True, exist_ok=True)
    try:
        with Project.create(project, load_schema(DEFAULT_SCHEMA), "demo") as proj:
            report = import_paths(proj, [SEEDS], "txt", annotator=default_annotator())
    except (SchemaError, ProjectError) as exc:
        raise fail(str(exc)) from None
    for rejection in report.rejected:
        echo_err(str(rejection))
    echo(f"created {show or project} with {report.documents} articles")


# The team commands register themselves on `cli` (a module of their own keeps this one short).
from annotator import cli_team  # noqa: E402,F401


def main() -> None:
    cli(prog_name="annotator")
