"""``regiokg query``: run a named query, a query file or a query text on the embedded store
or a remote SPARQL endpoint."""

from __future__ import annotations

import click

from regiokg.cli import project_from

TABLE = "table"
FORMATS = [TABLE, "csv", "tsv", "json", "xml", "turtle", "nt"]


@click.command(
    "query",
    epilog=(
        "Example: regiokg query cq15_entity_sources "
        "--param entity=https://w3id.org/regiokg/id/org/gapp --format csv"
    ),
)
@click.argument("name", required=False)
@click.option("-e", "--expression", default=None, help="SPARQL text to run instead of a NAME.")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Parameter value, bound as a typed RDF term (repeatable).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=TABLE,
    help="A readable table, a SPARQL 1.1 results format (csv, tsv, json, xml), or for "
    "CONSTRUCT answers an RDF syntax (turtle, nt; json = JSON-LD, xml = RDF/XML).",
)
@click.option(
    "--endpoint",
    default=None,
    metavar="URL",
    help="Run on this remote SPARQL 1.1 query endpoint instead of the embedded store.",
)
@click.option("--timeout", default=60.0, show_default=True, help="Seconds to wait for a remote.")
@click.pass_context
def command(ctx, name, expression, params, fmt, endpoint, timeout) -> None:
    """Run a named query (NAME), a query file (FILE.rq) or SPARQL text (-e) on the embedded
    store, or with --endpoint on a remote SPARQL endpoint; the answer is the same.

    Parameters (`regiokg queries` lists them) are bound as typed RDF terms, never pasted
    into the query text; unknown or missing parameters and syntax errors are reported with
    the query's name, line and column.
    """
    from regiokg.query import QueryError, RemoteError, get_query, open_target, parse_query, run
    from regiokg.store import StoreError

    project = project_from(ctx)
    if bool(name) == bool(expression):
        raise click.UsageError("give either a query NAME (or FILE.rq) or -e 'SPARQL'")
    values = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise click.UsageError(f"--param {item!r} is not of the form name=value")
        values[key.strip()] = value
    try:
        query = get_query(project, name) if name else parse_query(expression, "-e")
        target = open_target(project, endpoint=endpoint, timeout=timeout)
        result = run(target, query, values)
        if fmt == TABLE and result.graph is None:
            _print_table(result, query, project)
            return
        out = result.serialize("turtle" if fmt == TABLE else fmt)
    except (QueryError, StoreError, RemoteError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(out, nl=False)


def _print_table(result, query, project) -> None:
    from rdflib import BNode, URIRef
    from rich.console import Console
    from rich.table import Table

    from regiokg.prefixes import curie, project_prefixes

    console = Console()
    if result.boolean is not None:
        console.print("true" if result.boolean else "false")
        return
    names = {**project_prefixes(project), **query.prefixes}

    def cell(value) -> str:
        if value is None:
            return ""
        if isinstance(value, URIRef):
            return curie(str(value), names) or f"<{value}>"
        if isinstance(value, BNode):
            return f"_:{value}"
        return f"{value}@{value.language}" if value.language else str(value)

    table = Table(*result.variables, title=query.name, caption=f"{len(result)} rows")
    for row in result:
        table.add_row(*(cell(v) for v in row))
    console.print(table)
