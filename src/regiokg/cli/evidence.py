"""``regiokg evidence``: find a phrase's offsets in a source text, and check the evidence of
the curated graph (every span against its text, and how many statements have evidence)."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from regiokg.build import build_dataset
from regiokg.cli import project_from
from regiokg.config import DEFAULT_BASE
from regiokg.evidence import evidence_coverage, evidence_turtle, locate, resolve_quotes
from regiokg.sources import SourceError


@click.group("evidence", epilog='Example: regiokg evidence locate 000 "od 1994 roku"')
def command() -> None:
    """Where each statement of the graph is said in its source."""


@command.command(
    "locate",
    epilog=(
        'Example: regiokg evidence locate 000_19bbb48e405d2545 "od 1994 roku" '
        "--node twin:katowice--saint-etienne --supports schema:startDate"
    ),
)
@click.argument("source")
@click.argument("phrase")
@click.option("--node", "nodes", multiple=True, help="Node (CURIE or <IRI>) the span is for.")
@click.option("--supports", default="", help="Comma-separated properties the span states.")
@click.pass_context
def locate_command(ctx, source: str, phrase: str, nodes: tuple[str, ...], supports: str) -> None:
    """Print start, end and checksum of every occurrence of PHRASE in SOURCE.

    SOURCE is a text file, or the name (or its start, e.g. 000) of a seed in the
    project's seeds directory. White space in PHRASE matches any white space in the text.
    With --node, also print the Turtle of the evidence to paste into the curated file
    (one node given as a full <IRI> gets a derivation of its own, named after it).
    """
    path = _source_path(ctx, source)
    text = path.read_text(encoding="utf-8")
    spans = locate(text, phrase)
    if not spans:
        raise click.ClickException(f"{path.name}: the phrase is not in the text")
    props = [p.strip() for p in supports.split(",") if p.strip()]
    own = _node_path(nodes)
    for span in spans:
        click.echo(f"{path.name}\t{span.start}\t{span.end}\t{span.checksum}")
        if nodes:
            click.echo(evidence_turtle(path.stem, span, props, nodes, path=own))
    if len(spans) > 1:
        click.echo(f"{len(spans)} occurrences: cite the one that states the fact", err=True)


def _node_path(nodes: tuple[str, ...]) -> str | None:
    """The path under ``id/`` of the one node given as a full IRI, which names the
    node's own derivation; None for CURIEs or several nodes (one shared derivation).
    Curated files are written under the default base, whatever the project's base."""
    prefix = f"<{DEFAULT_BASE}id/"
    if len(nodes) == 1 and nodes[0].startswith(prefix) and nodes[0].endswith(">"):
        return nodes[0][len(prefix) : -1]
    return None


def _source_path(ctx, source: str) -> Path:
    path = Path(source)
    if path.is_file():
        return path
    seeds = project_from(ctx).seeds_dir
    found = sorted(seeds.glob(f"{source}*.txt")) if seeds.is_dir() else []
    if len(found) != 1:
        what = "no" if not found else f"{len(found)}"
        raise click.UsageError(f"{what} source text matches {source!r} in {seeds}")
    return found[0]


@command.command("check", epilog="Example: regiokg evidence check --unsupported")
@click.option("--unsupported", is_flag=True, help="List the statements without evidence.")
@click.pass_context
def check_command(ctx, unsupported: bool) -> None:
    """Check every evidence span against its source text and count the statements of
    each source that have evidence; exits 1 when a span does not match its text."""
    project = project_from(ctx)
    console = Console()
    try:
        dataset = build_dataset(project)
    except SourceError as exc:
        raise click.ClickException(str(exc)) from exc
    report = resolve_quotes(dataset, project, add=False)
    coverage = evidence_coverage(dataset)
    print_evidence(console, report, coverage)
    if unsupported:
        for doc in coverage:
            for node, prop in doc.unsupported:
                console.print(f"{doc.document.rsplit('/', 1)[-1]}\t{node}\t{prop}")
    if report.problems:
        raise SystemExit(1)


def print_evidence(console: Console, report, coverage) -> None:
    """Print the evidence coverage table, the documents whose text is absent and the spans
    that do not match their text (shared by ``build`` and ``evidence check``)."""
    table = Table(
        "source document",
        "statements",
        "text",
        "inferred",
        "reference",
        "none",
        "covered",
        title="Evidence of the statements",
    )
    for doc in coverage:
        share = f"{100 * doc.covered / doc.statements:.0f}%" if doc.statements else "–"
        table.add_row(
            doc.document.rsplit("/", 1)[-1], str(doc.statements), str(doc.text),
            str(doc.inferred), str(doc.reference), str(len(doc.unsupported)), share,
        )  # fmt: skip
    console.print(table)
    console.print(f"{report.quoted} evidence spans quoted from their source text")
    for document in sorted(report.absent):
        console.print(
            f"[yellow]text of {document.rsplit('/', 1)[-1]} not found: its spans have "
            "offsets only, no quotes[/yellow]"
        )
    for problem in report.problems:
        console.print(f"[red]{problem.evidence}: {problem.reason}[/red]")
