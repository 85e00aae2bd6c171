"""``regiokg serve``: the linked-data server (SPARQL endpoint, entity pages, dumps) over
the embedded store."""

from __future__ import annotations

import click

from regiokg.cli import project_from, store_option


@click.command(
    "serve",
    epilog=(
        "Example: regiokg serve --port 8000 --timeout 10 --max-rows 10000, then open "
        "http://127.0.0.1:8000/ or run SPARQL against http://127.0.0.1:8000/sparql"
    ),
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@store_option("Store directory (default: the project's .regiokg/store), opened read-only.")
@click.option(
    "--timeout",
    default=10.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds a /sparql query may run before it is stopped.",
)
@click.option(
    "--max-rows",
    default=10_000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Rows (or triples) a /sparql answer holds at most; longer answers are cut and "
    "flagged with the X-SPARQL-Truncated header.",
)
@click.pass_context
def command(ctx, host, port, store_dir, timeout, max_rows) -> None:
    """Serve the graph as linked open data: a read-only SPARQL 1.1 endpoint at /sparql
    with a time and a row limit per query, every entity IRI dereferenceable (HTML or RDF
    by content negotiation), a landing page with search, a map and the named queries, a
    query editor (YASGUI), the interactive partner network at /network, partner search at
    /partners, /void, /dumps, /ontology and /context.jsonld. The editor and network need
    the browser libraries `make assets` installs; without them the pages fall back to
    plain forms."""
    from regiokg.serve import serve
    from regiokg.store import StoreError

    project = project_from(ctx, store_dir=store_dir)
    try:
        serve(
            project,
            host=host,
            port=port,
            store=project.store_dir,
            timeout=timeout,
            max_rows=max_rows,
        )
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
