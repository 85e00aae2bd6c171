"""``regiokg build``: merge ontology and curated files, check, write and load the graph."""

from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table

from regiokg.build import build_dataset, summarise, write_outputs
from regiokg.cli import project_from
from regiokg.sources import SourceError
from regiokg.store import load_dataset


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
@click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Embedded store directory (default: .regiokg/store).",
)
@click.option("--no-store", is_flag=True, help="Do not load the embedded store.")
@click.option("--quiet", is_flag=True, help="Print nothing but errors.")
@click.pass_context
def command(
    ctx: click.Context, out_dir: str | None, store_dir: str | None, no_store: bool, quiet: bool
) -> None:
    """Merge the ontology and the curated data into one graph and write it.

    Writes N-Quads (one named graph per source document) and Turtle, atomically, and
    loads the embedded SPARQL store (replaced whole, never half-loaded). A bad file stops
    the build with its name, line and column, and no output is touched.
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
    outputs = write_outputs(dataset, project.out_dir)
    summary = summarise(dataset, project)
    _print_summary(console, summary, outputs)
    if not no_store:
        with console.status(f"loading the embedded store at {project.store_dir}"):
            count = load_dataset(project.store_dir, dataset)
        console.print(f"loaded {count} quads into the embedded store at {project.store_dir}")


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
    for kind, path in outputs.items():
        console.print(f"wrote {kind}: {path}")
