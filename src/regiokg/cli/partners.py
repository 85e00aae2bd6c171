"""``regiokg partners``: organisations a cluster could work with, ranked by shared
sectors and themes, complementary helix kinds and closeness in the collaboration network,
each with its reasons and their evidence."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from regiokg.cli import project_from, store_option

FORMATS = ["table", "json"]


@click.command(
    "partners",
    epilog=(
        'Example: regiokg partners "Śląski Klaster Lotniczy" --kind ChamberOfCommerce --top 5; '
        "regiokg partners org/pppt --sector chemicals --format json"
    ),
)
@click.argument("organisation")
@click.option(
    "--sector",
    default=None,
    help="Keep candidates with this sector or theme (local name such as aviation, IRI or label).",
)
@click.option(
    "--region",
    default=None,
    help="Keep candidates in this region (e.g. slaskie, a NUTS region IRI or its label).",
)
@click.option(
    "--kind",
    default=None,
    metavar="CLASS",
    help="Keep candidates of this regiokg class, e.g. ClusterInitiative.",
)
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True)
@click.option("--from", "start", type=int, default=None, metavar="YEAR", help="First year.")
@click.option("--to", "end", type=int, default=None, metavar="YEAR", help="Last year.")
@click.option(
    "--include-known", is_flag=True, help="Also rank organisations already tied to ORGANISATION."
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@store_option()
@click.pass_context
def command(
    ctx, organisation, sector, region, kind, top, start, end, include_known, fmt, store_dir
) -> None:
    """Suggest partners for ORGANISATION (its IRI, the end of its IRI such as org/pppt, or
    its label), best first. The score adds shared sectors and themes (Jaccard), a
    complementary helix kind (industry, research, public, civil society) and network
    proximity (Adamic-Adar and personalised PageRank over the collaboration network);
    each suggestion lists the reasons and the IRIs that support them. Organisations
    already tied to ORGANISATION are left out unless --include-known is given."""
    from rich.console import Console

    from regiokg.network import collaboration_network
    from regiokg.network.partners import find_organisation, partner_profiles, suggest_partners
    from regiokg.store import StoreError, open_store

    project = project_from(ctx, store_dir=store_dir)
    console = Console(stderr=True, quiet=fmt != "table")
    try:
        store = open_store(project.store_dir, read_only=True)
        with console.status("drawing the collaboration network"):
            G = collaboration_network(store, start=start, end=end, project=project)
            profiles, labels = partner_profiles(store, project=project)
        source = find_organisation(G, organisation)
        found = suggest_partners(
            G,
            source,
            profiles,
            labels=labels,
            sector=sector,
            region=region,
            kind=kind,
            top=top,
            include_known=include_known,
        )
    except (ValueError, StoreError) as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        document = {
            "organisation": source,
            "label": G.nodes[source].get("label"),
            "suggestions": [asdict(s) for s in found],
        }
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    _print(G, source, found)


def _print(G, source, found) -> None:
    from rich.console import Console
    from rich.table import Table

    title = f"partners for {G.nodes[source].get('label')}"
    view = Table(
        "rank",
        "organisation",
        "kind",
        "region",
        "score",
        "reasons",
        title=title,
        caption=f"{len(G)} organisations, {G.number_of_edges()} ties",
    )
    for rank, s in enumerate(found, start=1):
        reasons = "\n".join(f"• {r.text}" for r in s.reasons[:5])
        if len(s.reasons) > 5:
            reasons += f"\n… {len(s.reasons) - 5} more"
        view.add_row(
            str(rank), s.label, s.kind or "", s.region_label or "", f"{s.score:.3f}", reasons
        )
    if not found:
        Console().print("no candidate matches these filters")
        return
    Console().print(view)
