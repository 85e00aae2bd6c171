"""The events of the graph as a table and as a network of their own: the table a timeline
or a map of events draws (from the named query ``events_timeline``), and the events tied
by the participants they share.
"""

from __future__ import annotations

import networkx as nx

from regiokg.network.definition import local_name
from regiokg.query import get_query, run

__all__ = ["event_network", "events_table", "table_graph"]


def events_table(target, project, *, start: int | None = None, end: int | None = None):
    """The events of ``target`` (a query target, or what :func:`regiokg.query.as_target`
    takes) as a DataFrame from the project's ``events_timeline`` query: one row per event
    (an event typed with several kinds keeps the first by name), with ``kind`` as the
    class's local name. ``start`` and ``end`` keep the events whose year lies in that window
    (inclusive); with either given, undated events are left out."""
    table = run(target, get_query(project, "events_timeline")).to_dataframe()
    table["kind"] = [local_name(str(k)) for k in table["kind"]]
    table["status"] = [None if s is None else str(s).rsplit("/", 1)[-1] for s in table["status"]]
    table = table.sort_values(["event", "kind"], key=lambda c: c.astype(str), kind="stable")
    table = table.drop_duplicates("event").reset_index(drop=True)
    if start is not None or end is not None:
        years = table["year"]
        keep = years.notna()
        if start is not None:
            keep &= years >= start
        if end is not None:
            keep &= years <= end
        table = table[keep.fillna(False).astype(bool)].reset_index(drop=True)
    return table


def _value(v):
    try:
        missing = v is None or bool(v != v)
    except (TypeError, ValueError):
        missing = False
    if not missing and str(v) == "<NA>":
        missing = True
    return None if missing else v


def table_graph(table, *, node: str = "event") -> nx.Graph:
    """A graph without edges whose nodes are the rows of ``table`` (e.g. the events of
    :func:`events_table`), keyed by the ``node`` column, with every other column as an
    attribute (``lat``, ``long``, ``label``, ``kind`` …; missing values as ``None``), so
    that a table of places can be drawn by :func:`regiokg.plot.plot_map`."""
    graph = nx.Graph()
    for _, row in table.iterrows():
        attributes = {k: _value(v) for k, v in row.items() if k != node}
        kind = attributes.get("kind")
        if kind is not None:
            attributes["kind"] = local_name(str(kind))
        graph.add_node(str(row[node]), **attributes)
    return graph


def event_network(events, participation: nx.Graph | None = None) -> nx.Graph:
    """The events of ``events`` (a table as :func:`events_table` returns it) as a graph
    (see :func:`table_graph`), tied when they share a participant in ``participation`` (a
    network from :func:`regiokg.network.participation_network`), with ``weight`` the number
    of participants they share: the events' own network, for a map of events and the ties
    between them. Without ``participation`` there are no ties."""
    graph = table_graph(events)
    if participation is None:
        return graph
    shared = [n for n in sorted(graph.nodes, key=str) if n in participation]
    ties = nx.bipartite.weighted_projected_graph(participation, shared)
    # The projection also reaches projects (the other activities); keep event-event ties.
    graph.add_edges_from(
        (u, v, d) for u, v, d in ties.edges(data=True) if v in graph and u in graph
    )
    return graph
