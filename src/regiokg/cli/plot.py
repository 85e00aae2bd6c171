"""``regiokg plot``: draw the partner network, a map, the event timeline or a ranked measure
from the embedded store (read only) and write it as PNG, SVG or PDF."""

from __future__ import annotations

import click

from regiokg.cli import project_from, store_option

PICTURES = ["network", "map", "timeline", "centrality"]
NETWORKS = ["organisations", "cities", "regions", "countries", "events"]
COLOURS = ["kind", "region", "country", "community"]


@click.command(
    "plot",
    epilog=(
        "Example: regiokg plot network --measure betweenness --color-by region --top 12 "
        "--from 2011 --to 2013 --out partners.png"
    ),
)
@click.argument("picture", type=click.Choice(PICTURES))
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False),
    required=True,
    help="Picture file; its suffix (.png, .svg, .pdf) sets the format.",
)
@click.option(
    "--measure",
    default=None,
    help="Measure for node size (network, map) or the bars (centrality; default "
    "betweenness). `regiokg analyse --help` lists them.",
)
@click.option(
    "--color-by",
    type=click.Choice(COLOURS),
    default=None,
    help="Node colour: organisation kind, region, country or Louvain community (timeline: "
    "region or country). Default: kind for organisations and events, region for cities, "
    "country for regions.",
)
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=None,
    help="Nodes to label (network; default 10) or bars to draw (centrality; default 15).",
)
@click.option("--from", "start", type=int, default=None, metavar="YEAR", help="First year.")
@click.option("--to", "end", type=int, default=None, metavar="YEAR", help="Last year.")
@click.option(
    "--network",
    "kind",
    type=click.Choice(NETWORKS),
    default="organisations",
    show_default=True,
    help="Which network: organisations, or aggregated to cities, regions or countries; "
    "events = the events tied by shared participants (map) or the bipartite network of "
    "agents and activities (network, centrality).",
)
@click.option(
    "--groups",
    type=click.Choice(["region", "country"]),
    default=None,
    help="Groups for --measure brokerage (default: region; country for region networks).",
)
@click.option("--people", is_flag=True, help="People are nodes too.")
@click.option("--title", default=None, help="Title over the picture.")
@click.option("--plain", is_flag=True, help="Map: no country outlines, a plain frame.")
@store_option()
@click.option(
    "--endpoint", default=None, metavar="URL", help="Read a remote SPARQL endpoint instead."
)
@click.pass_context
def command(
    ctx,
    picture,
    out,
    measure,
    color_by,
    top,
    start,
    end,
    kind,
    groups,
    people,
    title,
    plain,
    store_dir,
    endpoint,
) -> None:
    """Draw PICTURE from the graph and write it to --out.

    network: organisations (or places) as nodes sized by --measure (default weighted
    degree) and coloured by --color-by, ties as lines as wide as the number of shared
    events and projects, the --top nodes named. map: the same at their city's coordinates,
    with country outlines when Natural Earth data is installed. timeline: every event on
    the row of its kind, at its date, coloured by region. centrality: the --top
    organisations by --measure as bars (brokerage: stacked by role).
    """
    import matplotlib

    # Pictures are files here: never open a window, whatever the environment says.
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from rich.console import Console

    from regiokg.plot import FORMATS, save_figure
    from regiokg.query import QueryError, RemoteError, open_target
    from regiokg.store import StoreError

    project = project_from(ctx, store_dir=store_dir)
    suffix = out[out.rfind(".") :].lower() if "." in out else ""
    if suffix not in FORMATS:
        raise click.BadParameter(
            f"{out}: the suffix must be one of {', '.join(FORMATS)}", param_hint="--out"
        )
    if picture == "map" and kind in ("regions", "countries"):
        raise click.BadParameter(
            "only cities have coordinates: map organisations, cities or events",
            param_hint="--network",
        )
    if picture == "timeline" and color_by not in (None, "region", "country"):
        raise click.BadParameter(
            "a timeline is coloured by region or country", param_hint="--color-by"
        )
    console = Console(stderr=True)
    try:
        target = open_target(project, endpoint=endpoint)
        with console.status(f"drawing the {picture}"):
            figure = _draw(
                picture,
                target,
                project,
                measure=measure,
                color_by=color_by,
                top=top,
                start=start,
                end=end,
                kind=kind,
                groups=groups,
                people=people,
                title=title,
                outlines=not plain,
            )
        save_figure(figure, out)
        plt.close(figure)
    except (ValueError, QueryError, StoreError, RemoteError) as exc:
        raise click.ClickException(str(exc)) from exc
    console.print(f"wrote {picture}: {out}")


def _draw(picture, target, project, *, measure, color_by, top, start, end, kind, groups, **rest):
    from regiokg.network import (
        brokerage_groups,
        event_network,
        events_table,
        measure_table,
        network,
        participation_network,
    )
    from regiokg.plot import plot_map, plot_network, plot_ranking, plot_timeline

    title, people = rest["title"], rest["people"]
    if picture == "timeline":
        events = events_table(target, project, start=start, end=end)
        return plot_timeline(events, color_by=color_by or "region", title=title)
    window = {"start": start, "end": end, "include_people": people, "project": project}
    if picture == "map" and kind == "events":
        events = events_table(target, project, start=start, end=end)
        graph = event_network(events, participation_network(target, **window))
    else:
        graph = network(target, kind, **window)
    options = {}
    if measure == "brokerage":
        options["groups"] = groups or brokerage_groups(kind)
    elif groups:
        raise ValueError("--groups applies to --measure brokerage only")
    if picture == "centrality":
        name = measure or "betweenness"
        table = measure_table(graph, name, **options)
        if table.attrs.get("modularity") is not None or name == "components":
            raise ValueError(f"{name} assigns groups, not scores: draw it with --color-by")
        return plot_ranking(table, top=15 if top is None else top, measure=name, title=title)
    sizes = measure_table(graph, measure, **options) if measure else None
    colours = _colours(graph, kind, color_by)
    if picture == "map":
        what = {"events": "events", "organisations": "organisations"}.get(kind, kind)
        return plot_map(
            graph, sizes=sizes, color_by=colours, title=title, outlines=rest["outlines"], what=what
        )
    return plot_network(
        graph,
        sizes=sizes,
        color_by=colours,
        top=10 if top is None else top,
        title=title,
        legend_title="community" if color_by == "community" else None,
    )


def _colours(graph, kind, color_by):
    if color_by == "community":
        from regiokg.network import measure_table

        table = measure_table(graph, "communities")
        pairs = zip(table["entity"], table["value"], strict=True)
        return {entity: f"community {int(value) + 1}" for entity, value in pairs}
    if color_by is not None:
        return color_by
    return {"cities": "region", "regions": "country", "countries": None}.get(kind, "kind")
