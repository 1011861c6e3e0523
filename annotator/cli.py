"""Command line: a thin layer over annotator.store and annotator.io (no Qt is imported here)."""

from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path

import click
from tqdm import tqdm

from annotator import RESOURCES, SEEDS, __version__
from annotator.core.arabic import find_all
from annotator.core.model import STATUSES
from annotator.core.schema import SchemaError, load_schema
from annotator.io import EXPORT_FORMATS, IMPORT_FORMATS, export_to, exporter, jsonl
from annotator.io.importing import ImportReport, import_paths
from annotator.io.jsonl_writer import write_jsonl
from annotator.io.pipeline import OFFSET_UNITS, Preparer
from annotator.io.records import Rejection
from annotator.store import Project, ProjectError
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


def echo_err(message: str) -> None:
    click.echo(message, err=True)


def progress_bar(desc: str, unit: str, total: int | None = None):
    # disable=None: a bar on a terminal, silence in pipes and CI logs
    return tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, disable=None, leave=False, dynamic_ncols=True)


def open_project(path: str, readonly: bool = False) -> Project:
    try:
        project = Project.open(path, readonly=readonly)
    except ProjectError as exc:
        raise click.ClickException(str(exc)) from None
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
@click.option("--annotator", "annotator_name", default=default_annotator, show_default="$ANNOTATOR_NAME or user",
              help="Name recorded on the spans you make.")
def gui(project: Path | None, annotator_name: str) -> None:
    """Open the annotation window on PROJECT (default: the last project, else the demo)."""
    from annotator.ui.platform_check import diagnose  # Qt-free: it explains what Qt would not

    problem = diagnose()
    if problem:
        raise click.ClickException(problem)
    from annotator.ui.app import last_project, run  # Qt only from here on

    if project is None:
        project = last_project()
    if project is None:
        project = default_demo_path()
        if not project.exists():
            build_demo(project)
    sys.exit(run(project, annotator_name))


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
        raise click.ClickException(str(exc)) from None
    labels = schema.labels()
    click.echo(f"created {project}: {len(schema.layers)} layers, {len(labels)} labels "
               f"({', '.join(lab.name for lab in labels)})")


def print_import_report(report: ImportReport) -> None:
    for rejection in report.rejected:
        echo_err(str(rejection))
    for line in report.duplicates[:MAX_LISTED]:
        echo_err(f"{line} (duplicate, skipped)")
    if len(report.duplicates) > MAX_LISTED:
        echo_err(f"... and {len(report.duplicates) - MAX_LISTED} more duplicates")
    if report.skipped_files:
        echo_err(f"skipped {len(report.skipped_files)} files that are not {'/'.join(IMPORT_FORMATS)}: "
                 + ", ".join(report.skipped_files[:5]) + (" ..." if len(report.skipped_files) > 5 else ""))
    for label in report.added_labels:
        echo_err(f"added label {label} to the project schema (it was in the imported data)")
    summary = (f"imported {report.documents} documents ({report.spans} spans, {report.relations} relations) "
               f"from {report.files} files; {len(report.duplicates)} duplicates skipped; "
               f"{len(report.rejected)} rejected")
    if report.renamed_ids:
        summary += f"; {report.renamed_ids} ids already in use were replaced"
    if report.as_suggestions:
        summary += f"; {report.suggestions} suggestions stored"
        if report.dropped_relations:
            summary += f" ({report.dropped_relations} relations not suggested)"
    click.echo(summary)


@cli.command(name="import")
@click.argument("project", type=existing_project)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["auto", *IMPORT_FORMATS]), default="auto", show_default=True,
              help="Input format; auto goes by file suffix.")
@click.option("--offset-unit", type=click.Choice(OFFSET_UNITS), default="codepoint", show_default=True,
              help="Unit of span offsets in JSONL input (doccano and browsers count UTF-16).")
@click.option("--encoding", help="Force a text encoding instead of detecting it.")
@click.option("--annotator", "annotator_name", default=default_annotator, show_default="$ANNOTATOR_NAME or user",
              help="Name recorded on imported spans that carry none.")
@click.option("--as-suggestions", is_flag=True,
              help="Store the spans as suggestions for the analyst to accept or reject (pre-annotations); "
                   "documents already in the project get them too.")
def import_(project: Path, paths: tuple[Path, ...], fmt: str, offset_unit: str, encoding: str | None,
            annotator_name: str, as_suggestions: bool) -> None:
    """Import text, JSONL, CSV or HTML files (folders recursively) into PROJECT.

    Bad files and lines are reported as path:line: reason and the rest is imported;
    exact duplicates are skipped. Exit code 1 if anything was rejected.
    """
    with open_project(project) as proj, progress_bar("importing", " docs") as bar:
        try:
            report = import_paths(proj, paths, fmt, offset_unit=offset_unit, annotator=annotator_name,
                                  encoding=encoding, progress=bar.update, as_suggestions=as_suggestions)
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
@click.option("--entities", "entities_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the canonical entities as JSONL (id, type, name, aliases, mentions).")
def export(project: Path, output: Path, fmt: str, statuses, layers, labels, annotators,
           entities_out: Path | None) -> None:
    """Export PROJECT's documents and spans as native, doccano, Prodigy, CoNLL or brat."""
    module = exporter(fmt)
    with open_project(project, readonly=True) as proj:
        schema = proj.schema
        for name in layers:
            if schema.layer(name) is None:
                raise click.BadParameter(f"no layer {name!r} in the project", param_hint="--layer")
        for name in labels:
            if schema.label(name) is None:
                raise click.BadParameter(f"no label {name!r} in the project", param_hint="--label")
        if module.WRITES_FOLDER and output.exists() and not output.is_dir():
            raise click.BadParameter(f"{output} exists and is not a folder", param_hint="-o")
        if not module.WRITES_FOLDER and output.is_dir():
            raise click.BadParameter(f"{output} is a folder", param_hint="-o")
        total = proj.document_count(statuses)
        span_filter = SpanFilter(tuple(layers), tuple(labels), tuple(annotators))
        counted = {"documents": 0, "spans": 0}

        def documents():
            with progress_bar(f"exporting {fmt}", " docs", total) as bar:
                for doc in proj.iter_documents(statuses, span_filter):
                    counted["documents"] += 1
                    counted["spans"] += len(doc.spans)
                    bar.update()
                    yield doc

        warnings = export_to(fmt, documents(), output, schema)
        if entities_out is not None:
            written = write_jsonl(entities_out, (
                {"id": e.id, "type": e.type, "name": e.name, "aliases": e.aliases, "mentions": e.mentions}
                for e in proj.entities()))
    for warning in warnings:
        echo_err(f"warning: {warning}")
    click.echo(f"exported {counted['documents']} documents, {counted['spans']} spans to {output} ({fmt})")
    if entities_out is not None:
        click.echo(f"exported {written} canonical entities to {entities_out}")


@cli.command()
@click.argument("project", type=existing_project)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats(project: Path, as_json: bool) -> None:
    """Documents by status, spans by layer and label, annotators."""
    with open_project(project, readonly=True) as proj:
        figures = proj.stats()
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    click.echo(f"documents  {figures['documents']}")
    for status in STATUSES:
        click.echo(f"  {status:<12}{figures['by_status'].get(status, 0):>8}")
    click.echo(f"spans      {figures['spans']}   relations {figures['relations']}   "
               f"canonical entities {figures['entities']}")
    for row in figures["by_label"]:
        click.echo(f"  {row['layer'] + '/' + row['label']:<24}{row['spans']:>8} spans in {row['documents']} documents")
    click.echo("annotators")
    for row in figures["annotators"] or [{"annotator": "(none yet)", "spans": 0, "documents": 0, "last": ""}]:
        click.echo(f"  {row['annotator']:<20}{row['spans']:>8} spans in {row['documents']} documents"
                   + (f", last {row['last']}" if row["last"] else ""))


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
        where = f" WHERE status IN ({','.join('?' * len(statuses))})" if statuses else ""
        for doc_id, text in proj.db.execute(f"SELECT id, text FROM documents{where} ORDER BY seq", statuses):
            if variants:
                matches = find_all(text, query)
            else:
                matches, start = [], text.find(query)
                while start != -1:
                    matches.append((start, start + len(query)))
                    start = text.find(query, start + 1)
            for start, end in matches:
                shown = text[start:end].replace("\\", "\\\\").replace("\n", "\\n")  # one match, one line
                click.echo(f"{doc_id} {start} {end} {shown}")
                found += 1
    echo_err(f"{found} matches")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--offset-unit", type=click.Choice(OFFSET_UNITS), default="codepoint", show_default=True)
@click.option("--schema", "schema_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Also check labels, attributes and overlaps against this schema.")
def validate(files: tuple[Path, ...], offset_unit: str, schema_path: Path | None) -> None:
    """Check that every span's offsets and text agree in native, doccano or Prodigy JSONL FILES.

    Prints path:line: reason for each bad line; exit code 1 if there is any.
    """
    try:
        schema = load_schema(schema_path) if schema_path else None
    except SchemaError as exc:
        raise click.ClickException(str(exc)) from None
    preparer = Preparer(schema, offset_unit)
    bad = documents = spans = 0
    for path in files:
        for item in jsonl.read(path):
            result = item if isinstance(item, Rejection) else preparer.prepare(item)
            if isinstance(result, Rejection):
                bad += 1
                click.echo(str(result))
            else:
                documents += 1
                spans += len(result.doc.spans)
    verdict = "all valid" if not bad else f"{bad} bad lines"
    echo_err(f"{documents} documents, {spans} spans checked; {verdict}")
    sys.exit(1 if bad else 0)


@cli.command(name="check")
@click.argument("project", type=existing_project)
@click.option("--repair", is_flag=True,
              help="Fix what can be fixed without losing an annotation (orphan relations, stale hashes, "
                   "broken suggestions, links to missing entities), in one transaction.")
def check_(project: Path, repair: bool) -> None:
    """Check PROJECT: SQLite integrity, foreign keys, every span's offsets and text, relations.

    Prints each problem; exit code 1 if any remains.
    """
    from annotator.store.check import check, repair as apply_repairs

    with open_project(project, readonly=not repair) as proj:
        conn = proj.db.conn
        problems = check(conn)
        if repair and problems:
            fixed = apply_repairs(conn, problems)
            if fixed:
                click.echo(f"repaired {fixed} problems")
            problems = check(conn)
    for problem in problems:
        click.echo(str(problem))
    if problems:
        echo_err(f"{len(problems)} problems" + ("" if repair or not any(p.repair for p in problems)
                                                 else "; --repair fixes those marked repairable"))
        sys.exit(1)
    click.echo(f"{project}: no problems")


@cli.command()
@click.argument("project", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Rebuild the demo project if it exists.")
def demo(project: Path | None, force: bool) -> None:
    """Create a demo PROJECT from the bundled seed articles (default: in the user data folder)."""
    project = project or default_demo_path()
    if project.exists():
        if not force:
            click.echo(f"{project} already exists (use --force to rebuild it)")
            return
        for suffix in ("", "-wal", "-shm"):
            Path(f"{project}{suffix}").unlink(missing_ok=True)
    build_demo(project)


def build_demo(project: Path) -> None:
    project.parent.mkdir(parents=True, exist_ok=True)
    try:
        with Project.create(project, load_schema(DEFAULT_SCHEMA), "demo") as proj:
            report = import_paths(proj, [SEEDS], "txt", annotator=default_annotator())
    except (SchemaError, ProjectError) as exc:
        raise click.ClickException(str(exc)) from None
    for rejection in report.rejected:
        echo_err(str(rejection))
    click.echo(f"created {project} with {report.documents} articles")


def main() -> None:
    cli(prog_name="annotator")
