"""``regiokg export``: dumps of the embedded store in every RDF syntax, and on request the
VoID/DCAT dataset description and the ontology documentation."""

from __future__ import annotations

import click

from regiokg.cli import project_from, store_option
from regiokg.export.formats import FORMATS

ALL = "all"


@click.command(
    "export",
    epilog=(
        "Example: regiokg export --format all --out build/dumps --void "
        "--sparql-endpoint https://kg.example.org/sparql "
        "--dumps-base https://kg.example.org/dumps/ --docs"
    ),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice([*FORMATS, ALL]),
    default=ALL,
    show_default=True,
    help="Dump format: Turtle, N-Triples, N-Quads, TriG, JSON-LD or RDF/XML; all writes each.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Directory for the dumps (default: build/dumps/).",
)
@store_option()
@click.option("--void", "with_void", is_flag=True, help="Also write void.ttl (VoID and DCAT).")
@click.option(
    "--docs", "with_docs", is_flag=True, help="Also write ontology.html and vocabulary pages."
)
@click.option(
    "--language",
    type=click.Choice(["en", "pl"]),
    default="en",
    show_default=True,
    help="Language of the ontology and vocabulary pages.",
)
@click.option(
    "--sparql-endpoint",
    default=None,
    metavar="URL",
    help="SPARQL endpoint named in void.ttl (default: {base}sparql).",
)
@click.option(
    "--dumps-base",
    default=None,
    metavar="URL",
    help="Address the dumps are published under, in void.ttl (default: {base}dumps/).",
)
@click.option("--quiet", is_flag=True, help="Print nothing but errors.")
@click.pass_context
def command(
    ctx,
    fmt,
    out_dir,
    store_dir,
    with_void,
    with_docs,
    language,
    sparql_endpoint,
    dumps_base,
    quiet,
) -> None:
    """Write the graph of the embedded store as dump files, regiokg.<ext> for each format.

    N-Quads, TriG and JSON-LD keep one named graph per source document; Turtle,
    N-Triples and RDF/XML hold the merged graph. JSON-LD embeds the project's context
    (ontology/context.jsonld). Every file is written atomically. Run `regiokg build`
    first: the export reads the store it loads.
    """
    from pathlib import Path

    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn

    from regiokg.export import ExportError, write_description, write_docs, write_dump
    from regiokg.query import open_target
    from regiokg.store import StoreError, StoreNotFound

    project = project_from(ctx, store_dir=store_dir)
    out = Path(out_dir) if out_dir else project.out_dir / "dumps"
    try:
        store = open_target(project)
    except StoreNotFound as exc:
        raise click.ClickException(
            f"no embedded store at {project.store_dir}: run regiokg build first"
        ) from exc
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc

    names = list(FORMATS) if fmt == ALL else [fmt]
    console = Console(stderr=True, quiet=quiet)
    written = []
    with Progress(
        TextColumn("{task.description}"), BarColumn(), console=console, transient=True
    ) as progress:
        task = progress.add_task("exporting", total=len(names) + with_void + with_docs)
        try:
            for name in names:
                progress.update(task, description=f"writing {FORMATS[name].label}")
                written.append(write_dump(store, name, out, project=project))
                progress.advance(task)
            if with_void:
                progress.update(task, description="describing the dataset (VoID, DCAT)")
                written.append(
                    write_description(
                        store,
                        project,
                        out,
                        sparql_endpoint=sparql_endpoint or f"{project.base_iri}sparql",
                        dumps_base=dumps_base or f"{project.base_iri}dumps/",
                    )
                )
                progress.advance(task)
            if with_docs:
                progress.update(task, description="documenting the ontology (pyLODE)")
                written.extend(write_docs(project, out, language=language))
                progress.advance(task)
        except (ExportError, OSError) as exc:
            raise click.ClickException(str(exc)) from exc
    for path in written:
        console.print(f"wrote {path} ({path.stat().st_size:,} bytes)")
