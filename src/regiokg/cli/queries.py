"""``regiokg queries``: list the named queries with their summaries and parameters."""

from __future__ import annotations

import json

import click

from regiokg.cli import project_from
from regiokg.cli.tables import format_option, render_table


@click.command("queries", epilog="Example: regiokg queries --tag events")
@click.option("--tag", default=None, help="Only the queries with this tag.")
@format_option(help="How to print the list:")
@click.pass_context
def command(ctx: click.Context, tag: str | None, fmt: str) -> None:
    """List the named queries in queries/: name, summary, tags and parameters (with their
    types and defaults). Run one with `regiokg query NAME --param name=value`."""
    from regiokg.query import QueryError, load_queries

    project = project_from(ctx)
    try:
        queries = load_queries(project)
    except QueryError as exc:
        raise click.ClickException(str(exc)) from exc
    chosen = [q for q in queries.values() if tag is None or tag in q.tags]
    if fmt == "json":
        listing = [
            {
                "name": q.name,
                "summary": q.summary,
                "tags": list(q.tags),
                "form": q.form,
                "parameters": [
                    {
                        "name": p.name,
                        "variable": p.variable,
                        "type": p.type_label,
                        "required": p.required,
                        "default": p.default,
                    }
                    for p in q.parameters
                ],
            }
            for q in chosen
        ]
        click.echo(json.dumps(listing, indent=2, ensure_ascii=False))
        return
    rows = []
    for q in chosen:
        params = "\n".join(
            f"{p.name} ({p.type_label}{'' if p.required else ', optional'})"
            + (f" = {p.default}" if p.default is not None else "")
            for p in q.parameters
        )
        rows.append([q.name, q.summary, params, ", ".join(q.tags)])
    columns = ["name", "summary", "parameters", "tags"]
    out = render_table(columns, rows, fmt, title="Named queries", whole=["name"])
    if out is not None:
        click.echo(out, nl=False)
