"""``regiokg accept``: merge reviewed ingest candidates into ``graph/``."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from regiokg.cli import project_from


@click.command(
    "accept",
    epilog="Example: regiokg accept candidates/news.ttl --drop o3 --drop e2,r5",
)
@click.argument("candidates", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--only",
    multiple=True,
    metavar="ID",
    help="Keep only these candidates (and what they need); repeat or use commas.",
)
@click.option(
    "--drop",
    multiple=True,
    metavar="ID",
    help="Drop these candidates (and what depends on them); repeat or use commas.",
)
@click.option("--name", default=None, help="File name in graph/ (default: date and title).")
@click.pass_context
def command(ctx, candidates, only, drop, name) -> None:
    """Merge reviewed candidates into graph/ as a new file, reusing existing IRIs.

    The whole graph with the new file is validated with the shapes first; if it would
    not conform, nothing is written, the violations are listed and the exit status is 1.
    Run `regiokg build` afterwards to load the new facts into the store.
    """
    from regiokg.ingest.accept import AcceptError, accept

    project = project_from(ctx)
    console = Console(highlight=False)
    try:
        result = accept(candidates, project, only=only, drop=drop, name=name)
    except AcceptError as exc:
        console.print(f"[red]refused[/] {exc}")
        if exc.report is not None:
            click.echo(exc.report_text or exc.report.to_text(), nl=False)
        ctx.exit(1)
        return
    dropped = f": {', '.join(result.dropped)}" if result.dropped else ""
    console.print(
        f"wrote {result.path} ({result.triples} triples; kept {len(result.kept)} candidates, "
        f"dropped {len(result.dropped)}{dropped}); run `regiokg build` to load it"
    )
    text = candidates.with_suffix(".txt")
    if text.exists():
        console.print(f"its offsets refer to {text}: keep that text with your sources")
