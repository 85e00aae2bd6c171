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
@click.option(
    "--public-url",
    default=None,
    help="The address the server is published at (default http://HOST:PORT/); /void names "
    "it. The Host header of a request is never used.",
)
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(min=1),
    help="Worker processes for light queries; each expensive query gets one of its own.",
)
@click.option(
    "--max-expensive",
    default=2,
    show_default=True,
    type=click.IntRange(min=0),
    help="Expensive queries (running past --light-seconds) that may run at once.",
)
@click.option(
    "--expensive-per-client",
    default=1,
    show_default=True,
    type=click.IntRange(min=0),
    help="Expensive queries one client address may run at once; more are stopped with 429.",
)
@click.option(
    "--light-seconds",
    default=1.0,
    show_default=True,
    type=click.FloatRange(min=0.05),
    help="A query still running after this many seconds counts as expensive.",
)
@click.option(
    "--worker-memory",
    default=2048,
    show_default=True,
    type=click.IntRange(min=128),
    help="MiB of memory a query worker may use; a query that needs more is answered 503.",
)
@click.option(
    "--max-bytes",
    default=32 * 1024 * 1024,
    show_default=True,
    type=click.IntRange(min=1024),
    help="Bytes of terms an answer holds at most; longer answers are cut and flagged.",
)
@click.pass_context
def command(
    ctx,
    host,
    port,
    store_dir,
    timeout,
    max_rows,
    public_url,
    workers,
    max_expensive,
    expensive_per_client,
    light_seconds,
    worker_memory,
    max_bytes,
) -> None:
    """Serve the graph as linked open data: a read-only SPARQL 1.1 endpoint at /sparql
    with a time and a row limit per query, every entity IRI dereferenceable (HTML or RDF
    by content negotiation), a landing page with search, a map and the named queries, a
    query editor (YASGUI), the interactive partner network at /network, partner search at
    /partners, /void, /dumps, /ontology and /context.jsonld. The editor and network need
    the browser libraries `make assets` installs; without them the pages fall back to
    plain forms.

    Queries run in worker processes without network access and with a memory cap; light
    queries keep their own workers while expensive ones run, and each client address may
    run only --expensive-per-client expensive queries at once."""
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
            public_url=public_url,
            workers=workers,
            max_expensive=max_expensive,
            expensive_per_client=expensive_per_client,
            light_seconds=light_seconds,
            memory_mb=worker_memory,
            max_bytes=max_bytes,
        )
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
