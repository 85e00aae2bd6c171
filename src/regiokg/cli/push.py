"""``regiokg push``: load the built graph into a remote SPARQL store, one named graph per
source document."""

from __future__ import annotations

import click

from regiokg.cli import project_from, store_option


@click.command(
    "push",
    epilog="Example: regiokg push --protocol update --endpoint http://127.0.0.1:7878/update",
)
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="With --protocol update a SPARQL Update endpoint (oxigraph: /update); with gsp a "
    "Graph Store Protocol endpoint (oxigraph: /store, Virtuoso: /sparql-graph-crud).",
)
@click.option(
    "--protocol",
    type=click.Choice(["gsp", "update"]),
    default="gsp",
    show_default=True,
    help="update: the whole push as one SPARQL 1.1 Update request, which oxigraph applies "
    "all or nothing (recommended). gsp: Graph Store HTTP Protocol, one PUT per graph; NOT "
    "atomic: a push cut off half way leaves some graphs new and some old.",
)
@click.option("--timeout", default=120.0, show_default=True, help="Seconds per request.")
@click.option("--quiet", is_flag=True, help="Print nothing but errors.")
@store_option("Embedded store to push (default: .regiokg/store; without one, build/regiokg.nq).")
@click.pass_context
def command(ctx, endpoint: str, protocol: str, timeout: float, quiet: bool, store_dir) -> None:
    """Push the graph of the embedded store (or, without one, build/regiokg.nq) to a
    remote store. Every named graph is replaced whole, so pushing twice leaves no
    duplicates. With --protocol update the push is one transaction on the server (all
    graphs or none); with gsp (the default, kept for existing scripts) it is one request
    per graph."""
    import pyoxigraph as ox

    from regiokg.remote import RemoteError, push
    from regiokg.store import StoreError, StoreNotFound, open_store

    project = project_from(ctx, store_dir=store_dir)
    try:
        source = open_store(project.store_dir, read_only=True)
    except StoreNotFound:
        nquads = project.out_dir / "regiokg.nq"
        if not nquads.is_file():
            raise click.ClickException(
                f"nothing to push: no store at {project.store_dir} and no {nquads}; "
                "run `regiokg build` first"
            ) from None
        source = ox.Store()
        source.load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc

    def report(graph, n) -> None:
        if not quiet:
            click.echo(f"{n:>7} triples -> {graph or 'default graph'}")

    try:
        sent = push(source, endpoint, protocol=protocol, timeout=timeout, progress=report)
    except RemoteError as exc:
        raise click.ClickException(str(exc)) from exc
    if not quiet:
        how = " in one update request" if protocol == "update" else ""
        click.echo(f"pushed {sum(sent.values())} triples in {len(sent)} graphs to {endpoint}{how}")
