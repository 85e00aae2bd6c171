"""``regiokg analyse``: one network measure on a network drawn from the graph, as a ranked
table, and with ``--save`` written back into the embedded store as RDF."""

from __future__ import annotations

import json

import click

from regiokg.cli import project_from, store_option
from regiokg.cli.tables import TABLE_FORMATS
from regiokg.network.analysis import MEASURES
from regiokg.network.projections import NETWORK_KINDS

FORMATS = TABLE_FORMATS


@click.command(
    "analyse",
    epilog=(
        "Example: regiokg analyse --network organisations --measure brokerage "
        "--groups region --top 10 --save"
    ),
)
@click.option(
    "--network",
    "kind",
    type=click.Choice(NETWORK_KINDS),
    default="organisations",
    show_default=True,
    help="Organisations tied by shared events, projects and memberships; events = the "
    "bipartite network of agents and activities (both ranked); cities, regions, countries "
    "= the organisation network aggregated to where organisations are.",
)
@click.option(
    "--measure", type=click.Choice(list(MEASURES)), required=True, help="What to compute."
)
@click.option("--top", type=click.IntRange(min=1), default=None, help="Print the first N only.")
@click.option("--from", "start", type=int, default=None, metavar="YEAR", help="First year.")
@click.option("--to", "end", type=int, default=None, metavar="YEAR", help="Last year.")
@click.option(
    "--kind",
    "event_kinds",
    multiple=True,
    metavar="CLASS",
    help="Keep only events of this regiokg class, e.g. BusinessMission (repeatable).",
)
@click.option("--no-projects", is_flag=True, help="Shared projects do not tie organisations.")
@click.option("--no-memberships", is_flag=True, help="Memberships do not tie organisations.")
@click.option("--people", is_flag=True, help="People are nodes too.")
@click.option(
    "--include-inferred",
    is_flag=True,
    help="Also tie agents by participations and memberships a curator inferred (default: "
    "only those a source states).",
)
@click.option(
    "--weighted/--unweighted",
    default=None,
    help="Use tie weights (shared activities; lengths 1/weight for paths). Default: the "
    "measure's own (unweighted, but weighted for communities and weighted_degree).",
)
@click.option("--k", "k", type=click.IntRange(min=1), default=None, help="Betweenness pivots.")
@click.option("--seed", type=int, default=None, help="Random seed (pivots, Louvain).")
@click.option(
    "--backend",
    type=click.Choice(["networkx", "igraph"]),
    default=None,
    help="Where betweenness and pagerank are computed: igraph gives the same values, much "
    "faster on large networks (default: networkx).",
)
@click.option(
    "--groups",
    type=click.Choice(["region", "country"]),
    default=None,
    help="Groups for brokerage (default: region; country for region and country networks).",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option(
    "--endpoint", default=None, metavar="URL", help="Read a remote SPARQL endpoint instead."
)
@store_option("Embedded store to read, and with --save to write (default: .regiokg/store).")
@click.option(
    "--save/--no-save",
    default=False,
    show_default=True,
    help="Write the whole result into the embedded store as the named graph "
    "{base}graph/analysis/<run id> (needs write access to the store).",
)
@click.pass_context
def command(
    ctx,
    kind,
    measure,
    top,
    start,
    end,
    event_kinds,
    no_projects,
    no_memberships,
    people,
    include_inferred,
    weighted,
    k,
    seed,
    backend,
    groups,
    fmt,
    endpoint,
    store_dir,
    save,
) -> None:
    """Compute one network measure on a network drawn from the graph by SPARQL and print
    it ranked (a table, CSV or JSON).

    Measures: degree, weighted_degree, betweenness (exact; --k pivots and --seed sample
    it), closeness, eigenvector, pagerank, constraint and effective_size (Burt's
    structural holes), brokerage (Gould-Fernandez roles between --groups), communities
    (Louvain; prints the modularity), components, kcore. Results are not written unless
    --save is given; saved runs are read back with `regiokg query top_brokers` or any
    SPARQL over rkg:MeasureValue.
    """
    import datetime as dt

    from rich.console import Console

    from regiokg.network import (
        analysis_graph,
        brokerage_groups,
        measure_table,
        network,
        save_analysis,
    )
    from regiokg.query import RemoteError, open_target
    from regiokg.store import StoreError

    project = project_from(ctx, store_dir=store_dir)
    if save and endpoint:
        raise click.UsageError("--save writes into the embedded store; drop --endpoint to save")
    options = {"weighted": weighted, "k": k, "seed": seed, "backend": backend}
    if backend and measure not in ("betweenness", "pagerank"):
        raise click.UsageError("--backend applies to --measure betweenness and pagerank only")
    if measure == "brokerage":
        options["groups"] = groups or brokerage_groups(kind)
    elif groups:
        raise click.UsageError("--groups applies to --measure brokerage only")
    options = {name: value for name, value in options.items() if value is not None}
    console = Console(stderr=True, quiet=fmt != "table")
    started = dt.datetime.now(dt.UTC)
    try:
        target = open_target(project, endpoint=endpoint, writable=save)
        with console.status(f"drawing the {kind} network"):
            G = network(
                target,
                kind,
                start=start,
                end=end,
                event_kinds=event_kinds,
                include_people=people,
                include_projects=not no_projects,
                include_memberships=not no_memberships,
                include_inferred=include_inferred,
                project=project,
            )
        with console.status(f"computing {measure} on {len(G)} nodes, {G.number_of_edges()} ties"):
            table = measure_table(G, measure, **options)
    except (ValueError, StoreError, RemoteError) as exc:
        raise click.ClickException(str(exc)) from exc
    shown = table.head(top) if top else table
    if fmt == "csv":
        click.echo(shown.to_csv(index=False), nl=False)
    elif fmt == "json":
        document = {
            "network": G.graph["definition"].as_dict(),
            "measure": measure,
            "options": options,
            "modularity": table.attrs.get("modularity"),
            "rows": json.loads(shown.to_json(orient="records", force_ascii=False)),
        }
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
    elif fmt == "tsv":
        click.echo(shown.to_csv(index=False, sep="\t"), nl=False)
    else:
        _print_table(shown, G, measure, table.attrs.get("modularity"), fmt)
    if save:
        graph = analysis_graph(G, table, project=project, started=started)
        save_analysis(target.store, graph)
        console.print(f"saved {len(graph)} triples as the named graph <{graph.identifier}>")


def _print_table(table, G, measure, modularity, fmt: str) -> None:
    from regiokg.cli.tables import render_table

    title = f"{measure} on the {G.graph['definition'].kind} network"
    caption = f"{len(G)} nodes, {G.number_of_edges()} ties"
    if modularity is not None:
        caption += f"; modularity {modularity:.4f}"
    # The entity IRI is long and the label names it; brokerage's value repeats its total.
    hidden = {"entity", "value"} if measure == "brokerage" else {"entity"}
    columns = ["rank", *[c for c in table.columns if c not in hidden and c != "rank"]]
    rows = [
        [f"{v:.6g}" if isinstance(v, float) else str(v) for v in (row[c] for c in columns)]
        for _, row in table.iterrows()
    ]
    out = render_table(columns, rows, fmt, title=title, caption=caption)
    if out is not None:
        click.echo(out, nl=False)
