"""``regiokg validate``: check the graph, or given files, against the SHACL shapes."""

from __future__ import annotations

import click
from rich.console import Console

from regiokg.cli import project_from

FORMATS = ["text", "turtle", "json"]

#: Exit status when the input cannot be validated at all (click's own usage errors also exit 2).
UNUSABLE = 2


class UnusableInput(click.ClickException):
    """A data or shapes file cannot be read or used: exit status 2, not 1 (violations)."""

    exit_code = UNUSABLE


@click.command(
    "validate",
    epilog=(
        "Example: regiokg validate --engine sparql --format json build/regiokg.nq  "
        "(exit status: 0 conforms, 1 violations, 2 unusable input)"
    ),
)
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="A report for people (text), the SHACL report graph (turtle) or JSON.",
)
@click.option(
    "--shapes",
    "shapes_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Directory of SHACL shapes in Turtle (default: the project's shapes/).",
)
@click.option(
    "--engine",
    type=click.Choice(["auto", "pyshacl", "sparql"]),
    default="auto",
    show_default=True,
    help=(
        "pySHACL (the reference), the shapes compiled to SPARQL on an Oxigraph store "
        "(same results, much faster on large graphs), or by size (SPARQL above ~50k quads)."
    ),
)
@click.pass_context
def command(
    ctx: click.Context, files: tuple[str, ...], fmt: str, shapes_dir: str | None, engine: str
) -> None:
    """Check the knowledge graph against the SHACL shapes and report what is wrong.

    Without FILES, checks the graph built from the project's ontology and curated files; with FILES
    (Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML), checks those with the project's
    ontology. Each problem is named by the label and IRI of the node, the property, the offending
    value, the rule it breaks and the source it comes from. Violations make the exit status 1;
    warnings (a missing English label or Wikidata link) do not.
    """
    from pathlib import Path

    from regiokg.build import build_dataset
    from regiokg.validate import ShapesError, SourceError, validate_dataset, validate_files

    project = project_from(ctx)
    shapes = Path(shapes_dir) if shapes_dir else None
    try:
        if files:
            paths = [Path(f) for f in files]
            report = validate_files(paths, project, shapes_dir=shapes, engine=engine)
        else:
            dataset = build_dataset(project)
            report = validate_dataset(dataset, project, shapes_dir=shapes, engine=engine)
    except (SourceError, ShapesError) as exc:
        raise UnusableInput(str(exc)) from exc
    if fmt == "json":
        click.echo(report.to_json())
    elif fmt == "turtle":
        click.echo(report.to_turtle(), nl=False)
    elif Console().is_terminal:
        report.render(Console(highlight=False))
    else:
        click.echo(report.to_text(), nl=False)
    ctx.exit(0 if report.conforms else 1)
