"""``regiokg import``: turn tables (CORDIS project data, member lists, attendance lists)
into graphs in ``imports/`` through declarative mappings."""

from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table

from regiokg.cli import project_from

#: Problems printed in full; the rest are counted (``--problems FILE`` writes them all).
SHOWN = 30


@click.group(
    "import",
    epilog=(
        "Example: regiokg import cordis --projects project.csv "
        "--organizations organization.csv && regiokg build"
    ),
)
def command() -> None:
    """Import tables into the graph through declarative mappings (mappings/*.yml).

    Each import writes one N-Triples file into imports/ (or --out DIR); `regiokg build`
    reads every imports/*.nt as a named graph of its own, validates it with the rest and
    loads it into the store. Malformed records are reported by file, line and field and
    left out; the rest loads.
    """


def _options(function):
    function = click.option(
        "--out",
        "out_dir",
        type=click.Path(file_okay=False),
        default=None,
        help="Directory for the graph (default: the project's imports/, read by build).",
    )(function)
    function = click.option(
        "--problems",
        "problems_file",
        type=click.Path(dir_okay=False),
        default=None,
        help="Write every problem to this CSV file (file, line, field, message).",
    )(function)
    function = click.option(
        "--strict", is_flag=True, help="Exit with status 1 when any record was left out."
    )(function)
    return function


@command.command(
    "cordis",
    epilog=(
        "Example: regiokg import cordis --projects h2020/project.csv "
        "--organizations h2020/organization.csv --name cordis-h2020"
    ),
)
@click.option(
    "--projects",
    "projects_csv",
    required=True,
    type=click.Path(dir_okay=False),
    help="CORDIS project.csv (semicolon-separated, quoted, UTF-8).",
)
@click.option(
    "--organizations",
    "--organisations",
    "organisations_csv",
    required=True,
    type=click.Path(dir_okay=False),
    help="CORDIS organization.csv of the same export.",
)
@click.option(
    "--name", default="cordis", show_default=True, help="Name of the graph (imports/NAME.nt)."
)
@_options
@click.pass_context
def cordis(ctx, projects_csv, organisations_csv, name, out_dir, problems_file, strict) -> None:
    """Import a CORDIS export (Horizon Europe, Horizon 2020 or FP7): projects in the
    funding chain fund -> programme -> measure -> project, organisations with their kind,
    SME flag, city and NUTS region, and participations with role and EU contribution,
    each statement traced to its file, row and the file's checksum."""
    from regiokg.tables import import_cordis

    project = project_from(ctx)
    _run(
        lambda progress: import_cordis(
            project,
            projects_csv,
            organisations_csv,
            out_dir=out_dir,
            name=name,
            progress=progress,
        ),
        problems_file,
        strict,
    )


@command.command(
    "table",
    epilog=(
        "Example: regiokg import table mappings/examples/cluster-members.csv "
        "--mapping mappings/cluster-members.yml"
    ),
)
@click.argument("table_file", type=click.Path(dir_okay=False))
@click.option(
    "--mapping",
    "mapping_file",
    required=True,
    type=click.Path(dir_okay=False),
    help="YARRRML mapping with a regiokg: section describing the columns.",
)
@click.option("--name", default=None, help="Name of the graph (default: the table's file stem).")
@_options
@click.pass_context
def table(ctx, table_file, mapping_file, name, out_dir, problems_file, strict) -> None:
    """Import any CSV or .xlsx table with a mapping (see mappings/cluster-members.yml and
    mappings/event-attendance.yml): organisations, cities and countries are linked to the
    curated ones by the identity rule, every statement traced to its row."""
    from regiokg.tables.generic import import_table

    project = project_from(ctx)
    _run(
        lambda progress: import_table(
            project, table_file, mapping_file, out_dir=out_dir, name=name, progress=progress
        ),
        problems_file,
        strict,
    )


def _run(do_import, problems_file, strict) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from regiokg.tables import MappingError, TableError

    console = Console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    tasks: dict[str, int] = {}
    try:
        with Progress(*columns, console=console, transient=True) as bar:

            def progress(file_name: str, line: int, lines: int) -> None:
                if file_name not in tasks:
                    tasks[file_name] = bar.add_task(f"reading {file_name} (lines)", total=lines)
                bar.update(tasks[file_name], completed=line)

            report = do_import(progress)
    except ImportError as exc:
        raise click.ClickException(
            f"{exc}: the mapping engine Morph-KGC is missing; `make` installs it "
            "(pip install --no-deps 'morph-kgc==2.10.0')"
        ) from exc
    except (TableError, MappingError) as exc:
        raise click.ClickException(str(exc)) from exc
    _print_report(Console(), console, report)
    if problems_file:
        _write_problems(problems_file, report.problems)
    if strict and report.problems:
        raise click.ClickException(f"{len(report.problems)} problems (--strict)")


def _print_report(out: Console, err: Console, report) -> None:
    summary = Table("file", "records", "loaded", title="Import")
    for name, read in report.read.items():
        summary.add_row(name, str(read), str(report.loaded.get(name, 0)))
    out.print(summary)
    out.print(
        f"wrote {report.triples} triples to {report.output} in {report.seconds:.1f} s "
        f"({report.triples_per_second:,.0f} triples/s)"
    )
    if report.problems:
        err.print(
            f"[bold]{len(report.problems)} problems[/bold] (records left out or cells dropped):"
        )
        for problem in report.problems[:SHOWN]:
            err.print(f"  {problem}", markup=False, highlight=False)
        if len(report.problems) > SHOWN:
            err.print(f"  … and {len(report.problems) - SHOWN} more (--problems FILE lists all)")
    out.print("run `regiokg build` to add it to the graph and the store")


def _write_problems(path: str, problems) -> None:
    import csv
    import io

    from regiokg.atomic import write_atomically

    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(["file", "line", "field", "message"])
    for p in problems:
        writer.writerow([str(p.path), p.line, p.field, p.message])
    write_atomically(path, text.getvalue().encode("utf-8"))
