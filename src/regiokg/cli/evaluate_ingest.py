"""``regiokg evaluate-ingest``: precision, recall and F1 of ingest against gold annotations."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from regiokg.cli import project_from


@click.command(
    "evaluate-ingest",
    epilog="Example: regiokg evaluate-ingest tests/ingest/gold --docs ../shared/seeds",
)
@click.argument("gold_dir", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option(
    "--docs",
    "docs_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the documents are (default: beside the gold files, "
    "then the project's seeds folder).",
)
@click.option("--per-document", is_flag=True, help="Also print the figures of each document.")
@click.pass_context
def command(ctx, gold_dir, docs_dir, per_document) -> None:
    """Print precision, recall and F1 of ingest against gold annotations: entity mentions,
    linking to existing IRIs, dates, and event–participant links (their format:
    tests/ingest/gold/README.md)."""
    from regiokg.ingest.evaluation import EvaluationError, evaluate_gold_dir, scores_table

    project = project_from(ctx)
    try:
        result = evaluate_gold_dir(gold_dir, project, docs_dir=docs_dir)
    except EvaluationError as exc:
        raise click.ClickException(str(exc)) from exc
    console = Console(highlight=False)
    console.print(
        scores_table(result.total, f"ingest against {gold_dir} ({len(result.documents)} documents)")
    )
    if per_document:
        for name, scores in result.documents.items():
            console.print(scores_table(scores, name))
    for name, reason in result.skipped.items():
        console.print(f"[yellow]skipped[/] {name}: {reason}")
