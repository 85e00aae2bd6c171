"""``regiokg build``: merge ontology and curated files, check, write and load the graph."""

from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table

from regiokg.build import STREAM_BYTES, build_dataset, source_bytes, summarise, write_outputs
from regiokg.cli import allow_invalid_option, project_from, store_option
from regiokg.cli.evidence import print_evidence
from regiokg.incremental import (
    MANIFEST_FILE,
    VALIDATION_FILE,
    NeedsFullBuild,
    full_build,
    plan_build,
    update_build,
)
from regiokg.sources import SourceError
from regiokg.store import load_dataset
from regiokg.validate import ShapesError, validate_dataset
from regiokg.validate.changes import validate_changes


@click.command(
    "build",
    epilog=(
        "Example: regiokg --base https://example.org/kg/ build --out build/\n\n"
        "Example, after editing graph/some-news.ttl: regiokg build (reloads that file "
        "only); regiokg build --full (reads every source again)."
    ),
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Directory for regiokg.nq and regiokg.ttl (default: build/).",
)
@store_option("Embedded store directory (default: .regiokg/store).")
@click.option("--no-store", is_flag=True, help="Do not load the embedded store.")
@allow_invalid_option("Write and load the graph")
@click.option(
    "--full",
    "--force",
    "full",
    is_flag=True,
    help="Read every source and rebuild the store whole, even if the store is up to date.",
)
@click.option(
    "--stream",
    is_flag=True,
    help=(
        "Stream the sources through the on-disk store (pyoxigraph) without an rdflib "
        "graph, validating with the SPARQL engine; chosen anyway above "
        f"{STREAM_BYTES // 1_000_000} MB of sources."
    ),
)
@click.option("--quiet", is_flag=True, help="Print nothing but errors.")
@click.pass_context
def command(
    ctx: click.Context,
    out_dir: str | None,
    store_dir: str | None,
    no_store: bool,
    allow_invalid: bool,
    full: bool,
    stream: bool,
    quiet: bool,
) -> None:
    """Merge the ontology and the curated data into one graph and write it.

    Writes N-Quads (one named graph per source document) and Turtle, atomically, and
    loads the embedded SPARQL store (replaced whole, never half-loaded). A bad file stops
    the build with its name, line and column, and no output is touched. The graph is
    checked against the SHACL shapes first: violations stop the build (unless
    --allow-invalid), warnings are printed.

    The store remembers what it was built from (a SHA-256 per source file, and a
    fingerprint of the ontology, shapes, seed texts, base IRI and regiokg version). If
    nothing changed, the build says so and touches nothing. If only some files in graph/
    or imports/ changed, were added or removed, only those are reloaded into a copy of the
    store, and the SHACL checks run only for the focus nodes the change can reach where
    that is provably enough (the others run in full); the result is the same as a full
    build's. Anything else, or --full, rebuilds everything.

    A full build of a large project (more than 10 MB of sources, or with --stream) never
    holds the graph in rdflib: each source is streamed into a fresh store directory, the
    store is validated in place with the SHACL shapes compiled to SPARQL, the outputs are
    written from the sources again and the store is swapped in. Small projects are
    validated with pySHACL.
    """
    project = project_from(ctx, out_dir=out_dir, store_dir=store_dir)
    console = Console(stderr=quiet, quiet=quiet)
    plan = None
    if not no_store:
        try:
            plan = plan_build(project)
        except SourceError as exc:
            raise click.ClickException(str(exc)) from exc
        if not full and _incremental(console, project, plan, allow_invalid):
            return
    try:
        stream = stream or source_bytes(project) > STREAM_BYTES
    except SourceError as exc:
        raise click.ClickException(str(exc)) from exc
    if stream:
        _streamed(console, project, allow_invalid, store=not no_store)
        return
    try:
        with console.status("reading sources") as status:
            dataset = build_dataset(
                project, progress=lambda s: status.update(f"read {s.path.name}")
            )
    except SourceError as exc:
        raise click.ClickException(str(exc)) from exc
    _check_shapes(console, dataset, project, allow_invalid)
    outputs = write_outputs(dataset, project.out_dir)
    summary = summarise(dataset, project)
    _print_summary(console, summary, outputs)
    if plan is not None:

        def files(store) -> dict[str, bytes]:
            # What the next build compares with; the validation results let it re-check
            # only what a change can reach.
            written = {MANIFEST_FILE: plan.manifest.with_outputs(outputs).to_bytes()}
            if _has_shapes(project):
                try:
                    run = validate_changes(
                        store, project, changes=None, old_store=None, previous=None
                    )[1]
                    written[VALIDATION_FILE] = run.state
                except (SourceError, ShapesError):
                    pass
            return written

        with console.status(f"loading the embedded store at {project.store_dir}"):
            count = load_dataset(project.store_dir, dataset, files=files)
        console.print(f"loaded {count} quads into the embedded store at {project.store_dir}")


def _streamed(console: Console, project, allow_invalid: bool, store: bool) -> None:
    """The full build through pyoxigraph (see :func:`regiokg.incremental.full_build`)."""
    validate = _has_shapes(project)
    try:
        with console.status("reading sources") as status:
            result = full_build(
                project,
                check=lambda report: _judge(console, report, allow_invalid),
                validate=validate,
                progress=status.update,
                store=store,
            )
    except (SourceError, ShapesError) as exc:
        raise click.ClickException(str(exc)) from exc
    if not validate:
        _say_not_validated(console, project)
    _print_summary(console, result.summary, result.outputs)
    if store:
        console.print(f"loaded {result.quads} quads into the embedded store at {project.store_dir}")


def _incremental(console: Console, project, plan, allow_invalid: bool) -> bool:
    """Bring the store up to date by reloading only the changed sources, if the plan
    allows; False when a full build is needed (and why is printed)."""
    if plan.up_to_date:
        console.print(f"up to date: nothing changed since {project.store_dir} was built")
        return True
    if plan.full is not None:
        console.print(f"full build: {plan.full}")
        return False
    table = Table("source", "change", title="Incremental build")
    for source in plan.reload:
        known = project.graph_iri(source.graph_name) in plan.previous
        table.add_row(source.path.name, "changed" if known else "added")
    for iri in plan.drop:
        table.add_row(iri.rsplit("/", 1)[-1], "removed")
    console.print(table)
    validate = _has_shapes(project)
    try:
        with console.status("updating a copy of the store") as status:
            result = update_build(
                project,
                plan,
                check=lambda report: _judge(console, report, allow_invalid),
                validate=validate,
                progress=status.update,
            )
    except NeedsFullBuild as exc:
        console.print(f"full build: {exc}")
        return False
    except (SourceError, ShapesError) as exc:
        raise click.ClickException(str(exc)) from exc
    if result.validation is not None:
        checks = Table("checks", "count", "focus nodes re-checked", title="Validation")
        restricted = result.validation.restricted
        checks.add_row(
            "restricted to the change", str(len(restricted)), str(sum(n for _, n in restricted))
        )
        checks.add_row("run in full", str(len(result.validation.full)), "all")
        console.print(checks)
    else:
        _say_not_validated(console, project)
    for kind, path in result.outputs.items():
        console.print(f"wrote {kind}: {path}")
    console.print(f"the embedded store at {project.store_dir} holds {result.quads} quads")
    return True


def _check_shapes(console: Console, dataset, project, allow_invalid: bool) -> None:
    """Validate before anything is written, so that a graph with violations never replaces
    the previous outputs or store unless the user asks for it."""
    if not _has_shapes(project):
        _say_not_validated(console, project)
        return
    try:
        with console.status("validating against the SHACL shapes"):
            report = validate_dataset(dataset, project, engine="auto")
    except (SourceError, ShapesError) as exc:
        raise click.ClickException(str(exc)) from exc
    _judge(console, report, allow_invalid)


def _has_shapes(project) -> bool:
    """Whether the project has SHACL shapes to validate the graph against."""
    return any(project.shapes_dir.glob("*.ttl"))


def _say_not_validated(console: Console, project) -> None:
    """Tell the user the graph went unchecked because the project has no shapes."""
    console.print(f"no SHACL shapes in {project.shapes_dir}: the graph was not validated")


def _judge(console: Console, report, allow_invalid: bool) -> None:
    """Print the report; stop the build on violations unless --allow-invalid."""
    if report.conforms:
        report.render(console, brief=True)
        return
    # Violations are printed even with --quiet: they are why the build stops.
    report.render(Console(stderr=True, highlight=False))
    n = report.counts["violation"]
    violations = f"{n} SHACL violation{'s' if n != 1 else ''}"
    if not allow_invalid:
        raise click.ClickException(
            f"the graph has {violations} (listed above); nothing was written. Fix the "
            "curated files, or pass --allow-invalid to write the graph anyway."
        )
    console.print(f"writing the graph despite {violations} (--allow-invalid)")


def _print_summary(console, summary, outputs) -> None:
    console.print(f"[bold]{summary.triples}[/bold] triples in {len(summary.graphs)} named graphs")
    table = Table("class", "entities", title="Entities per class")
    for cls, n in summary.classes.items():
        table.add_row(cls, str(n))
    console.print(table)
    sources = Table("source document", "title", title="Sources")
    for iri, title in summary.sources:
        sources.add_row(iri.rsplit("/", 1)[-1], title)
    console.print(sources)
    print_evidence(console, summary.evidence, summary.coverage)
    for note in summary.notes:
        console.print(f"note: {note}")
    for kind, path in outputs.items():
        console.print(f"wrote {kind}: {path}")
