"""``regiokg load``: stream large RDF files into the embedded store, validated on the store."""

from __future__ import annotations

import click
from rich.console import Console

from regiokg.cli import allow_invalid_option, project_from, store_option


@click.command(
    "load",
    epilog=(
        "Example: regiokg synth --organisations 7000 --out build/synth && "
        "regiokg load build/synth/synth.nq"
    ),
)
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@store_option("Embedded store to replace (default: .regiokg/store).")
@allow_invalid_option("Load the files")
@click.option("--no-validate", is_flag=True, help="Do not validate (faster; use with care).")
@click.pass_context
def command(
    ctx: click.Context,
    files: tuple[str, ...],
    store_dir: str | None,
    allow_invalid: bool,
    no_validate: bool,
) -> None:
    """Replace the embedded store by RDF files (N-Quads, TriG, Turtle, N-Triples) and the
    project's ontology, without reading them into memory.

    The way to load millions of quads: the files are streamed into a fresh store by
    Oxigraph's bulk loader, the new store is validated against the SHACL shapes with the
    SPARQL engine, and only then swapped in for the old one. Violations stop the load
    (unless --allow-invalid) and leave the old store as it was. The triples of a Turtle or
    N-Triples file go into the named graph {base}graph/FILE-STEM.
    """
    from pathlib import Path

    import pyoxigraph as ox

    from regiokg.sources import ONTOLOGY_GRAPH, discover, read_triples
    from regiokg.store import load_files
    from regiokg.validate import ShapesError, validate_store

    project = project_from(ctx, store_dir=store_dir)
    console = Console(stderr=True)
    ontology = project.graph_iri(ONTOLOGY_GRAPH)
    extra = [
        ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(ontology))
        for source in discover(project)
        if source.is_ontology
        for t in read_triples(source.path)
    ]

    def check(store) -> None:
        if no_validate:
            return
        with console.status("validating the new store against the SHACL shapes"):
            try:
                report = validate_store(store, project, sources={})
            except ShapesError as exc:
                raise click.ClickException(str(exc)) from exc
        if report.conforms:
            console.print(report.summary())
            return
        report.render(Console(stderr=True, highlight=False), brief=True)
        if not allow_invalid:
            raise click.ClickException(
                f"the files have {report.counts['violation']} SHACL violations (listed "
                "above); the store was not changed. Pass --allow-invalid to load anyway."
            )

    with console.status(f"loading {len(files)} file(s) into {project.store_dir}"):
        try:
            count = load_files(
                project.store_dir,
                [Path(f) for f in files],
                graph_of=lambda p: project.graph_iri(p.stem),
                extra=extra,
                before_swap=check,
            )
        except (SyntaxError, ValueError) as exc:
            raise click.ClickException(str(exc)) from exc
    console.print(f"loaded {count} quads into the embedded store at {project.store_dir}")
