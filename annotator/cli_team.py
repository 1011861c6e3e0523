"""Team commands of the command line: `assign` packages out, `merge` them back (annotator.team)."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli import _CONTROLS, _json_escape, cli, echo, echo_err, existing_project, fail, open_project
from annotator.core.model import STATUSES
from annotator.store import ProjectError


@cli.command()
@click.argument("project", type=existing_project)
@click.option("--annotators", required=True, metavar="A,B,C", help="The annotators, comma separated.")
@click.option("--overlap", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Fraction of the documents given to more than one annotator (for agreement).")
@click.option("--copies", type=click.IntRange(2), default=2, show_default=True,
              help="How many annotators get each shared document.")
@click.option("--status", "statuses", multiple=True, type=click.Choice(STATUSES),
              help="Only documents with this status (repeatable).")
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the packages (one <annotator>.annotator file each; none may exist).")
def assign(project: Path, annotators: str, overlap: float, copies: int, statuses, out_dir: Path) -> None:
    """Write one project file per annotator with the documents given to them.

    Each analyst works offline in their own file; `annotator merge` brings the files back. The
    same project, annotators and options always give the same documents to the same people.
    """
    from annotator.team.assign import assign as assign_packages

    with open_project(project, readonly=True) as proj:
        try:
            packages = assign_packages(proj, annotators.split(","), out_dir, overlap=overlap, copies=copies,
                                       statuses=statuses)
        except ProjectError as exc:
            raise fail(str(exc)) from None
    for package in packages:
        echo(f"{package.path}: {package.annotator}, {len(package.documents)} documents "
             f"({package.shared} shared)")


@cli.command()
@click.argument("project", type=existing_project)
@click.argument("packages", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def merge(project: Path, packages: tuple[Path, ...]) -> None:
    """Bring annotators' package files back into PROJECT, each as its annotator's sets.

    Merging a package again changes nothing; a newer package of the same annotator replaces
    that annotator's sets of its documents and nothing else. All or nothing: a package of
    another project, or one with a document PROJECT lacks, stops the whole merge.
    """
    from annotator.team.merge import merge as merge_packages

    if any(Path(p).resolve() == Path(project).resolve() for p in packages):
        raise click.BadParameter("a project cannot be merged into itself", param_hint="PACKAGES")
    with open_project(project) as proj:
        try:
            report = merge_packages(proj, packages)
        except ProjectError as exc:
            raise fail(str(exc)) from None
    for merged in report.packages:
        line = (f"{merged.path}: {merged.annotator}, {merged.documents} documents, {merged.changed} changed, "
                f"{merged.spans} spans, {merged.relations} relations")
        if merged.entities_added:
            line += f", {merged.entities_added} new canonical entities"
        if merged.rejections:
            line += f", {merged.rejections} suggestions rejected"
        if merged.kept_newer:
            line += f"; {merged.kept_newer} documents kept from a newer package"
        echo(line)
    echo_err(f"merged {len(report.packages)} packages; {report.changed} document sets changed")



def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


@cli.command()
@click.argument("project", type=existing_project)
@click.option("--layer", help="Only this layer (default: every layer, the entity layer first).")
@click.option("--label", "labels", multiple=True, help="Only spans with this label (repeatable).")
@click.option("--with-gold", is_flag=True, help="Count the gold set as one more annotator.")
@click.option("--top", type=click.IntRange(0), default=10, show_default=True,
              help="How many of the documents with most disagreement to list.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def agreement(project: Path, layer: str | None, labels, with_gold: bool, top: int, as_json: bool) -> None:
    """Agreement between the annotators' sets of PROJECT's documents that two or more did.

    Span F1 (exact boundaries, and overlap) per pair and label; Cohen's kappa per pair, Fleiss'
    kappa and Krippendorff's alpha on token tags (the export tokenizer, O included); a label
    confusion table; claim attributes and claimants on matched claims.
    """
    import json

    from annotator.team.agreement_data import project_agreement

    with open_project(project, readonly=True) as proj:
        if layer is not None and proj.schema.layer(layer) is None:
            raise click.BadParameter(f"no layer {layer!r} in the project", param_hint="--layer")
        for name in labels:
            if proj.schema.label(name) is None:
                raise click.BadParameter(f"no label {name!r} in the project", param_hint="--label")
        report = project_agreement(proj, layer=layer, labels=tuple(labels), with_gold=with_gold, top=top)
    if as_json:
        # \uXXXX for control characters keeps the JSON valid and a terminal safe (as stats does)
        for line in json.dumps(report.to_dict(), ensure_ascii=False, indent=2).split("\n"):
            click.echo(_CONTROLS.sub(_json_escape, line))
        return
    if report.documents == 0:
        echo("no document has two or more annotators' sets: nothing to compare "
             "(annotator assign --overlap gives documents to several annotators)")
        return
    echo(f"{report.documents} documents, annotators: {', '.join(report.annotators)}")
    for result in report.layers.values():
        click.echo("")
        echo(f"layer {result.layer}: span F1 exact {_figure(result.f1_exact)}, overlap {_figure(result.f1_overlap)}; "
             f"Fleiss' kappa {_figure(result.fleiss_kappa)} ({result.fleiss_documents} documents); "
             f"Krippendorff's alpha {_figure(result.krippendorff_alpha)} ({result.tokens} tokens)")
        echo(f"  {'pair':<30}{'documents':>10}{'F1 exact':>10}{'overlap':>10}{'kappa':>10}")
        for pair in result.pairs:
            echo(f"  {pair.a + ' / ' + pair.b:<30}{pair.documents:>10}{_figure(pair.f1_exact):>10}"
                 f"{_figure(pair.f1_overlap):>10}{_figure(pair.kappa):>10}")
        if result.labels:
            echo(f"  {'label':<30}{'spans':>10}{'F1 exact':>10}{'overlap':>10}")
            for name, lab in result.labels.items():
                echo(f"  {name:<30}{lab.spans:>10}{_figure(lab.f1_exact):>10}{_figure(lab.f1_overlap):>10}")
        if result.confusion:
            echo("  confusion of matched spans (first annotator's label: second's label count)")
            for first, row in result.confusion.items():
                echo(f"    {first}: " + ", ".join(f"{second} {n}" for second, n in row.items()))
        for name, value in result.attributes.items():
            echo(f"  attribute {name}: {_figure(value.percent)} agree, kappa {_figure(value.kappa)} "
                 f"({value.compared} compared)")
        if result.claimants.compared:
            echo(f"  claimants: {_figure(result.claimants.percent)} agree ({result.claimants.compared} compared)")
    if report.most_disagreement:
        click.echo("")
        echo("most disagreement (mean pairwise overlap F1)")
        for doc in report.most_disagreement:
            echo(f"  {doc.id}  {_figure(doc.f1_overlap)}  {', '.join(doc.annotators)}")
