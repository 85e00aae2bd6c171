"""``regiokg build``: merge ontology and curated files, check, write and load the graph."""

from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table

from regiokg.build import build_dataset, summarise, write_outputs
from regiokg.cli import allow_invalid_option, project_from, store_option
from regiokg.cli.evidence import print_evidence
from regiokg.sources import SourceError
from regiokg.store import load_dataset
from regiokg.validate import ShapesError, validate_dataset


@click.command(
    "build",
    epilog="Example: regiokg --base https://example.org/kg/ build --out build/",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Directory for regiokg.nq and regiokg.ttl (default: build/).",
)
@store_option("Embedded store directory (default: .regiokg/store).")
@click.option("--no-store", is_flag=True, help="Do not load the embedded store.")
@allow_invalid_option("Write and load the graph")
@click.option("--quiet", is_flag=True, help="Print nothing but errors.")
@click.pass_context
def command(
    ctx: click.Context,
    out_dir: str | None,
    store_dir: str | None,
    no_store: bool,
    allow_invalid: bool,
    quiet: bool,
) -> None:
    """Merge the ontology and the curated data into one graph and write it.

    Writes N-Quads (one named graph per source document) and Turtle, atomically, and
    loads the embedded SPARQL store (replaced whole, never half-loaded). A bad file stops
    the build with its name, line and column, and no output is touched. The graph is
    checked against the SHACL shapes first: violations stop the build (unless
    --allow-invalid), warnings are printed.
    """
    project = project_from(ctx, out_dir=out_dir, store_dir=store_dir)
    console = Console(stderr=quiet, quiet=quiet)
    try:
        with console.status("reading sources") as status:
            dataset = build_dataset(
                project, progress=lambda s: status.update(f"read {s.path.name}")
            )
    except SourceError as exc:
        raise click.ClickException(str(exc)) from exc
    _check_shapes(console, dataset, project, allow_invalid)
    outputs = write_outputs(dataset, project.out_dir)
    summary = summarise(dataset, project)
    _print_summary(console, summary, outputs)
    if not no_store:
        with console.status(f"loading the embedded store at {project.store_dir}"):
            count = load_dataset(project.store_dir, dataset)
        console.print(f"loaded {count} quads into the embedded store at {project.store_dir}")


def _check_shapes(console: Console, dataset, project, allow_invalid: bool) -> None:
    """Validate before anything is written, so that a graph with violations never replaces
    the previous outputs or store unless the user asks for it."""
    if not any(project.shapes_dir.glob("*.ttl")):
        console.print(f"no SHACL shapes in {project.shapes_dir}: the graph was not validated")
        return
    try:
        with console.status("validating against the SHACL shapes"):
            report = validate_dataset(dataset, project)
    except (SourceError, ShapesError) as exc:
        raise click.ClickException(str(exc)) from exc
    if report.conforms:
        report.render(console, brief=True)
        return
    # Violations are printed even with --quiet: they are why the build stops.
    report.render(Console(stderr=True, highlight=False))
    n = report.counts["violation"]
    violations = f"{n} SHACL violation{'s' if n != 1 else ''}"
    if not allow_invalid:
        raise click.ClickException(
            f"the graph has {violations} (listed above); nothing was written. Fix the "
            "curated files, or pass --allow-invalid to write the graph anyway."
        )
    console.print(f"writing the graph despite {violations} (--allow-invalid)")


def _print_summary(console, summary, outputs) -> None:
    console.print(f"[bold]{summary.triples}[/bold] triples in {len(summary.graphs)} named graphs")
    table = Table("class", "entities", title="Entities per class")
    for cls, n in summary.classes.items():
        table.add_row(cls, str(n))
    console.print(table)
    sources = Table("source document", "title", title="Sources")
    for iri, title in summary.sources:
        sources.add_row(iri.rsplit("/", 1)[-1], title)
    console.print(sources)
    print_evidence(console, summary.evidence, summary.coverage)
    for kind, path in outputs.items():
        console.print(f"wrote {kind}: {path}")
