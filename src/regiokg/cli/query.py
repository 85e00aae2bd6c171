"""``regiokg query``: run a named query, a query file or a query text on the embedded store
or a remote SPARQL endpoint."""

from __future__ import annotations

import click

from regiokg.cli import project_from, store_option
from regiokg.cli.tables import TABLE_FORMATS

TABLE = "table"
#: Tables (``table``, ``markdown``: cells shortened with the project's prefixes; ``csv``,
#: ``tsv``, ``json``, ``xml``: the SPARQL 1.1 results formats) and, for graphs, RDF.
FORMATS = [*TABLE_FORMATS, "xml", "turtle", "nt", "jsonld"]


def _query_names(ctx, param, incomplete: str) -> list[str]:
    # Shell completion of NAME: the named queries of the project around the shell.
    from regiokg.config import ConfigError, Project
    from regiokg.query import QueryError, load_queries

    try:
        names = load_queries(Project.discover())
    except (ConfigError, QueryError, OSError):
        return []
    return [name for name in names if name.startswith(incomplete)]


@click.command(
    "query",
    epilog=(
        "Example: regiokg query cq15_entity_sources --param entity=r:org/gapp --format csv\n\n"
        "Environment: REGIOKG_PROJECT, REGIOKG_STORE, REGIOKG_BASE (see regiokg --help)."
    ),
)
@click.argument("name", required=False, shell_complete=_query_names)
@click.option(
    "-e",
    "--expression",
    default=None,
    help="SPARQL text to run instead of a NAME; the project's prefixes (rkg:, r:, …) are known.",
)
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Parameter value, bound as a typed RDF term (repeatable); an IRI may be a CURIE "
    "with the project's prefixes (r:org/pppt, rkg:Cluster).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=TABLE,
    help="A readable table or markdown (IRIs shortened, never cut), a SPARQL 1.1 results "
    "format (csv, tsv, json, xml), or for CONSTRUCT answers an RDF syntax (turtle, nt, "
    "jsonld; json = JSON-LD, xml = RDF/XML).",
)
@click.option(
    "--endpoint",
    default=None,
    metavar="URL",
    help="Run on this remote SPARQL 1.1 query endpoint instead of the embedded store.",
)
@click.option("--timeout", default=60.0, show_default=True, help="Seconds to wait for a remote.")
@store_option()
@click.pass_context
def command(ctx, name, expression, params, fmt, endpoint, timeout, store_dir) -> None:
    """Run a named query (NAME), a query file (FILE.rq) or SPARQL text (-e) on the embedded
    store, or with --endpoint on a remote SPARQL endpoint; the answer is the same.

    Parameters (`regiokg queries` lists them) are bound as typed RDF terms, never pasted
    into the query text; unknown or missing parameters and syntax errors are reported with
    the query's name, line and column, and the line with a caret under the place.
    """
    from regiokg.prefixes import project_prefixes
    from regiokg.query import (
        QueryError,
        RemoteError,
        bind,
        get_query,
        open_target,
        parse_query,
        run,
    )
    from regiokg.store import StoreError

    project = project_from(ctx, store_dir=store_dir)
    if bool(name) == bool(expression):
        raise click.UsageError("give either a query NAME (or FILE.rq) or -e 'SPARQL'")
    values = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise click.UsageError(f"--param {item!r} is not of the form name=value")
        values[key.strip()] = value
    prefixes = project_prefixes(project)
    shift = 0
    try:
        if name:
            query = get_query(project, name)
        else:
            text, shift = with_prefixes(expression, prefixes)
            query = parse_query(text, "-e")
        target = open_target(project, store_dir=store_dir, endpoint=endpoint, timeout=timeout)
        values = _labels_resolved(target, project, query, values, prefixes)
        if fmt == TABLE:
            bound = bind(query, values, prefixes=prefixes)
            _say_bindings(query, values, bound)
            _warn_unknown(target, project, query, bound)
        result = run(target, query, values, prefixes=prefixes)
    except QueryError as exc:
        text = query_text(name, exc)
        raise click.ClickException(_with_caret(exc, expression or "", text, shift)) from None
    except (StoreError, RemoteError) as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == TABLE and "analysis" in query.tags and result.boolean is None and not len(result):
        click.echo("no saved analysis: run `regiokg analyse --save` first", err=True)
    if result.graph is None and fmt in ("table", "markdown"):
        _print_table(result, query, {**prefixes, **query.prefixes}, fmt)
        return
    try:
        out = result.serialize("turtle" if fmt == TABLE else fmt)
    except QueryError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(out, nl=False)


def with_prefixes(text: str, prefixes: dict[str, str]) -> tuple[str, int]:
    """``text`` with a ``PREFIX`` declaration for each of ``prefixes`` it does not declare
    itself, all on its first line (so line numbers stay those of ``text``), and how many
    characters the first line grew by."""
    from regiokg.query.lexer import prefixes as declared_in

    declared = declared_in(text)
    added = "".join(f"PREFIX {p}: <{iri}> " for p, iri in prefixes.items() if p not in declared)
    return added + text, len(added)


def query_text(name: str | None, exc) -> str | None:
    """The text of the query file an error names, to show its line (None if unreadable)."""
    from pathlib import Path

    where = getattr(exc, "where", None)
    if not name or not where or not Path(where).is_file():
        return None
    return Path(where).read_text(encoding="utf-8")


def _with_caret(exc, expression: str, text: str | None, shift: int) -> str:
    # A syntax error shows the line it is on and a caret under the place, in the words
    # of the query as the user wrote it (before the project's prefixes were added).
    line, column = getattr(exc, "line", None), getattr(exc, "column", None)
    message = str(exc)
    source = text if text is not None else expression
    if line is None or column is None or not source:
        return message
    if text is None and line == 1:
        column -= shift
        message = message.replace(f":1:{column + shift}", f":1:{column}").replace(
            f"line 1, column {column + shift}", f"line 1, column {column}"
        )
    lines = source.splitlines()
    if not 1 <= line <= len(lines):
        return message
    return f"{message}\n  {lines[line - 1]}\n  {' ' * max(column - 1, 0)}^"


def _say_bindings(query, given: dict, bound: dict) -> None:
    # Short forms and defaults are resolved before the query runs: say what they became
    # (on stderr, beside a table for people; programs reading csv or json get the data).
    for param in query.parameters:
        term = bound.get(param.variable)
        if term is None:
            continue
        value = given.get(param.name, given.get(param.variable.lstrip("_")))
        if value is None:
            click.echo(f"{param.name} = {term} (the query's default)", err=True)
        elif param.iri and str(value) != getattr(term, "value", None):
            click.echo(f"{param.name} = {term}", err=True)


def _labels_resolved(target, project, query, given: dict, prefixes: dict) -> dict:
    """``given`` with every IRI parameter written as a plain label (``entity=PPPT``: no
    ``:``) replaced by the one entity the graph labels so (case and diacritics aside);
    a label that names several entities, or none, is a usage error listing what fits."""
    from regiokg.prefixes import curie
    from regiokg.query import load_queries, run
    from regiokg.serve.search import fold

    by_name = {p.name: p for p in query.parameters} | {
        p.variable.lstrip("_"): p for p in query.parameters
    }
    labelled = {
        key: value
        for key, value in given.items()
        if key in by_name and by_name[key].iri and ":" not in str(value)
    }
    if not labelled:
        return given
    index = load_queries(project)["label_index"]
    entities: dict[str, set[str]] = {}
    for row in run(target, index):
        entities.setdefault(fold(str(row["label"])), set()).add(str(row["entity"]))
    resolved = dict(given)
    for key, value in labelled.items():
        found = sorted(entities.get(fold(str(value)), set()))
        if len(found) != 1:
            shown = ", ".join(curie(iri, prefixes) or iri for iri in found[:5])
            fits = f"{len(found)} entities are labelled so ({shown})" if found else "none is"
            raise click.UsageError(
                f"--param {key}: {value!r} is not an IRI, and as a label {fits}; give an "
                "IRI, a CURIE such as r:org/pppt, or the label of one entity"
            )
        click.echo(f"{key} = <{found[0]}> (labelled {value!r})", err=True)
        resolved[key] = found[0]
    return resolved


def _warn_unknown(target, project, query, bound: dict) -> None:
    # An IRI the graph never mentions answers nothing: say so rather than print an empty
    # table that looks like "no such facts".
    import pyoxigraph as ox

    from regiokg.query import load_queries, run

    mentioned = load_queries(project).get("entity_mentioned")
    if mentioned is None:
        return
    for param in query.parameters:
        term = bound.get(param.variable)
        if isinstance(term, ox.NamedNode) and not run(target, mentioned, {"entity": term}):
            click.echo(f"warning: {param.name} = {term} is not mentioned in the graph", err=True)


def _print_table(result, query, names: dict[str, str], fmt: str) -> None:
    from rdflib import BNode, URIRef

    from regiokg.cli.tables import render_table
    from regiokg.prefixes import curie

    if result.boolean is not None:
        click.echo("true" if result.boolean else "false")
        return

    def cell(value) -> str:
        if value is None:
            return ""
        if isinstance(value, URIRef):
            return curie(str(value), names) or f"<{value}>"
        if isinstance(value, BNode):
            return f"_:{value}"
        return f"{value}@{value.language}" if value.language else str(value)

    rows = [[cell(v) for v in row] for row in result]
    out = render_table(result.variables, rows, fmt, title=query.name, caption=f"{len(result)} rows")
    if out is not None:
        click.echo(out, nl=False)
