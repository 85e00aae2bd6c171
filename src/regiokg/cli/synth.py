"""``regiokg synth``: write a synthetic Europe-wide ecosystem as N-Quads, for tests and
benchmarks at scale."""

from __future__ import annotations

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from regiokg.cli import project_from


def _years(ctx, param, value: str) -> tuple[int, int]:
    try:
        first, last = (int(part) for part in value.split("-", 1))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a range of years such as 2007-2020") from None
    if first > last:
        raise click.BadParameter(f"{value!r}: the first year is after the last")
    return first, last


@click.command(
    "synth",
    epilog=(
        "Example: regiokg synth --organisations 7000 --years 2007-2020 --seed 1 --out "
        "build/synth  (about 1M quads; then: regiokg validate --engine sparql "
        "build/synth/synth.nq)"
    ),
)
@click.option(
    "--organisations",
    type=click.IntRange(min=1),
    required=True,
    help="Number of organisations; about 160 quads are written per organisation.",
)
@click.option(
    "--years",
    callback=_years,
    default="2007-2020",
    show_default=True,
    help="First and last year with events and projects.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the generator.")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    required=True,
    help="Directory for synth.nq and synth.json (the summary).",
)
@click.option("--texts", is_flag=True, help="Also write each synthetic news item's text.")
@click.option(
    "--plant",
    multiple=True,
    help="Plant one violation of this kind (repeatable), to test validators.",
)
@click.pass_context
def command(
    ctx: click.Context,
    organisations: int,
    years: tuple[int, int],
    seed: int,
    out_dir: str,
    texts: bool,
    plant: tuple[str, ...],
) -> None:
    """Write a synthetic, Europe-wide innovation ecosystem that passes the shapes.

    Real countries, NUTS-2 regions and cities; organisations, clusters of heavy-tailed
    size, EU programmes and projects with consortia, events each year with participants
    drawn with regional homophily and preferential attachment; a source document and
    evidence for every statement. The output is N-Quads (one named graph per document),
    written as it is generated, and the same for the same seed.
    """
    from regiokg.synth import PLANTS, synthesise

    unknown = [p for p in plant if p not in PLANTS]
    if unknown:
        raise click.BadParameter(
            f"{', '.join(unknown)}; known kinds: {', '.join(PLANTS)}", param_hint="--plant"
        )
    project = project_from(ctx)
    console = Console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done)

        summary = synthesise(
            out_dir,
            organisations=organisations,
            years=years,
            seed=seed,
            base_iri=project.base_iri,
            texts=texts,
            plant=plant,
            progress=progress,
        )
    counts = ", ".join(f"{n} {kind}" for kind, n in summary.counts.items())
    console.print(f"wrote {summary.quads} quads to {summary.path}: {counts}")
