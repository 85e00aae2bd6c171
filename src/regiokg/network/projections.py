"""Networks drawn from the knowledge graph: who collaborates with whom.

The ties come from named SPARQL queries (``queries/network_*.rq``), never from walking
Python objects, so the same networks can be drawn from the embedded store, an rdflib
dataset or a remote endpoint:

* ``network_participations`` -- who took part in which event or project (``rkg:Participation``
  role nodes), in which role and year. A person who acted ``rkg:onBehalfOf`` organisations
  counts as a participation of each of them (so a speaker links the cluster he represents
  to the event);
* ``network_ties`` -- standing ties: ``org:Membership`` (member -- organisation) and cluster
  coordination (``rkg:coordinates`` / ``rkg:coordinatedBy``);
* ``network_agents`` and ``network_activities`` -- the attributes of the nodes.

From them:

* :func:`participation_network` is the bipartite network of agents (``bipartite=0``) and
  the events and projects they took part in (``bipartite=1``);
* :func:`collaboration_network` is its one-mode projection on the agents: two organisations
  are tied when they took part in the same event or project, or when one is a member or the
  coordinator of the other. The tie's ``weight`` is the number of shared events and projects
  plus one for each membership or coordination tie between the two;
* :func:`place_network` aggregates a collaboration network to the cities, regions or
  countries the organisations are located in.

Time windows. An activity belongs to the window ``[start, end]`` when its start year (or
its parent event's, for a sub-event without dates) lies in it; activities without a known
year are left out of every windowed network. Membership and coordination ties hold until
stated otherwise: they are kept unless they started after ``end``.

Each network records how it was made in ``G.graph["definition"]`` (a
:class:`NetworkDefinition`), which :mod:`regiokg.network.results` writes next to the
values computed on it.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from regiokg.config import ConfigError, Project
from regiokg.network.definition import NETWORK_KINDS, NetworkDefinition, local_name
from regiokg.network.places import PLACE_KINDS, PLACE_LEVELS, place_network
from regiokg.query import as_target, get_query, run

__all__ = [
    "NETWORK_KINDS",
    "PLACE_LEVELS",
    "NetworkDefinition",
    "brokerage_groups",
    "collaboration_network",
    "network",
    "participation_network",
    "place_network",
]  # the definition and place networks are re-exported for older imports


def brokerage_groups(kind: str) -> str:
    """The node attribute that groups the nodes of the network called ``kind`` for
    brokerage by default: a region network's nodes are regions, so they are grouped by
    country (as are country networks, trivially); every other network by region."""
    return "country" if kind in ("regions", "countries") else "region"


CO_PARTICIPATION = "co-participation"
ACTIVITY_ATTRIBUTES = (
    "label",
    "label_en",
    "kind",
    "category",
    "year",
    "status",
    "city",
    "region",
    "country",
    "lat",
    "long",
)


def _project(project: Project | str | Path | None) -> Project:
    if isinstance(project, Project):
        return project
    if project is not None:
        return Project(Path(project))
    try:
        return Project.discover()
    except ConfigError:
        # A notebook or script run outside the checkout still finds the queries that ship
        # beside the package source.
        return Project(Path(__file__).resolve().parents[3])


def _rows(target, project: Project, name: str, params: dict | None = None) -> list[dict]:
    result = run(target, get_query(project, name), {k: v for k, v in (params or {}).items()})
    return [
        {var: (None if row[var] is None else row[var].toPython()) for var in result.variables}
        for row in result.rows
    ]


def _text(value) -> str | None:
    return None if value is None else str(value)


def _number(value) -> float | None:
    return None if value is None else float(value)


def _year(value) -> int | None:
    return None if value is None else int(value)


def _window(start: int | None, end: int | None) -> dict:
    if start is not None and end is not None and start > end:
        raise ValueError(f"the time window starts ({start}) after it ends ({end})")
    params = {}
    if start is not None:
        params["from"] = int(start)
    if end is not None:
        params["to"] = int(end)
    return params


def _agent_attributes(row: dict) -> dict:
    attributes = {
        "label": _text(row["label"]) or local_name(str(row["agent"])),
        "label_en": _text(row["label_en"]),
        "kind": _text(row["kind"]),
    }
    for name in ("city", "city_label", "region", "region_label", "country", "country_label"):
        attributes[name] = _text(row[name])
    attributes["lat"], attributes["long"] = _number(row["lat"]), _number(row["long"])
    return attributes


def _activity_attributes(row: dict) -> dict:
    attributes = {name: _text(row.get(name)) for name in ACTIVITY_ATTRIBUTES}
    attributes["label"] = attributes["label"] or local_name(str(row["activity"]))
    attributes["year"] = _year(row["year"])
    attributes["lat"], attributes["long"] = _number(row["lat"]), _number(row["long"])
    return attributes


def _kept_activities(
    activities: dict[str, dict], event_kinds: Iterable[str] | None, include_projects: bool
) -> set[str]:
    wanted = {local_name(k) for k in event_kinds or ()}
    kept = set()
    for iri, attributes in activities.items():
        if attributes["category"] == "Project":
            if include_projects:
                kept.add(iri)
        elif not wanted or attributes["kind"] in wanted or attributes["category"] in wanted:
            kept.add(iri)
    return kept


def _participations(
    target, project: Project, definition: NetworkDefinition
) -> tuple[list[dict], dict[str, dict], dict[str, dict]]:
    """The participation rows of the window, the attributes of the agents and of the
    activities they keep."""
    agents = {
        str(r["agent"]): _agent_attributes(r) for r in _rows(target, project, "network_agents")
    }
    activities = {
        str(r["activity"]): _activity_attributes(r)
        for r in _rows(target, project, "network_activities")
    }
    kept = _kept_activities(activities, definition.event_kinds, definition.include_projects)
    rows = []
    window = _window(definition.start, definition.end)
    for row in _rows(target, project, "network_participations", window):
        agent, activity = str(row["agent"]), str(row["activity"])
        if activity not in kept or agent not in agents:
            continue
        if agents[agent]["kind"] == "Person" and not definition.include_people:
            continue
        rows.append(
            {
                "agent": agent,
                "activity": activity,
                "role": _text(row["role"]),
                "year": _year(row["year"]),
            }
        )
    return rows, agents, activities


def participation_network(
    target,
    *,
    start: int | None = None,
    end: int | None = None,
    event_kinds: Iterable[str] | None = None,
    include_people: bool = False,
    include_projects: bool = True,
    project: Project | str | Path | None = None,
) -> nx.Graph:
    """The bipartite network of agents and the activities they took part in, from
    ``target`` (a :class:`regiokg.query.SparqlTarget`, or what
    :func:`regiokg.query.as_target` takes). Agents (organisations, and
    people with ``include_people``) carry ``bipartite=0`` and the attributes of
    :func:`collaboration_network`; events and projects carry ``bipartite=1``, ``label``,
    ``label_en``, ``kind``, ``category`` ("Event" or "Project"), ``year``, ``status``,
    ``city``, ``region``, ``country``, ``lat`` and ``long``. An edge joins an agent to an
    activity, with ``roles`` (sorted role IRIs) and ``weight`` 1. ``start``/``end`` keep
    activities of those years, ``event_kinds`` (class names such as "BusinessMission")
    keeps only those events, ``include_projects`` whether projects are kept; ``project``
    is where the named queries are read (default: the project around the working
    directory)."""
    definition = NetworkDefinition(
        "events", start, end, event_kinds or (), include_people, include_projects, False
    )
    rows, agents, activities = _participations(as_target(target), _project(project), definition)
    G = nx.Graph(definition=definition)
    roles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in rows:
        G.add_node(row["agent"], bipartite=0, **agents[row["agent"]])
        G.add_node(row["activity"], bipartite=1, **activities[row["activity"]])
        roles[row["agent"], row["activity"]].update([row["role"]] if row["role"] else [])
    for (agent, activity), found in roles.items():
        G.add_edge(agent, activity, weight=1, roles=sorted(found))
    return G


def collaboration_network(
    target,
    *,
    start: int | None = None,
    end: int | None = None,
    event_kinds: Iterable[str] | None = None,
    include_people: bool = False,
    include_projects: bool = True,
    include_memberships: bool = True,
    project: Project | str | Path | None = None,
) -> nx.Graph:
    """The collaboration network of organisations (and people, with ``include_people``)
    from ``target`` (a query target, or a pyoxigraph Store, an rdflib Dataset or an
    endpoint URL): two agents
    are tied when they took part in the same event or project of the window, or (with
    ``include_memberships``) when one is a member or the coordinator of the other.

    Nodes are IRI strings with ``label`` (Polish, else English, else the IRI's last
    segment), ``label_en``, ``kind`` (the most specific regiokg class, e.g.
    "ClusterInitiative", or "Person"), ``city``, ``city_label``, ``region``,
    ``region_label``, ``country``, ``country_label`` and the city's ``lat``/``long`` (None
    where unknown). Edges carry ``weight`` (shared events and projects, plus one per
    membership or coordination tie), ``activities`` and ``years`` (sorted) and
    ``relations`` (sorted names: "co-participation", "coordination", "membership"). Every
    agent with a participation in the window is a node, even without ties. The other
    options are those of :func:`participation_network`."""
    definition = NetworkDefinition(
        "organisations",
        start,
        end,
        event_kinds or (),
        include_people,
        include_projects,
        include_memberships,
    )
    target, project = as_target(target), _project(project)
    rows, agents, _ = _participations(target, project, definition)
    G = nx.Graph(definition=definition)
    members: dict[str, set[str]] = defaultdict(set)
    years: dict[str, int | None] = {}
    for row in rows:
        G.add_node(row["agent"], **agents[row["agent"]])
        members[row["activity"]].add(row["agent"])
        years[row["activity"]] = row["year"]
    ties: dict[tuple[str, str], dict] = {}

    def tie(a: str, b: str) -> dict:
        key = (a, b) if a < b else (b, a)
        if key not in ties:
            ties[key] = {"weight": 0, "activities": set(), "years": set(), "relations": set()}
        return ties[key]

    for activity, agents_in in members.items():
        for a, b in itertools.combinations(sorted(agents_in), 2):
            data = tie(a, b)
            data["weight"] += 1
            data["activities"].add(activity)
            data["relations"].add(CO_PARTICIPATION)
            if years[activity] is not None:
                data["years"].add(years[activity])
    if include_memberships:
        for row in _rows(target, project, "network_ties", _window(None, end)):
            a, b = str(row["a"]), str(row["b"])
            if a == b or a not in agents or b not in agents:
                continue
            if not include_people and "Person" in (agents[a]["kind"], agents[b]["kind"]):
                continue
            data = tie(a, b)
            if row["relation"] not in data["relations"]:
                data["weight"] += 1
                data["relations"].add(str(row["relation"]))
            if row["year"] is not None:
                data["years"].add(int(row["year"]))
            for node in (a, b):
                G.add_node(node, **agents[node])
    for (a, b), data in ties.items():
        G.add_edge(
            a,
            b,
            weight=data["weight"],
            activities=sorted(data["activities"]),
            years=sorted(data["years"]),
            relations=sorted(data["relations"]),
        )
    return G


def network(
    target,
    kind: str = "organisations",
    *,
    start: int | None = None,
    end: int | None = None,
    event_kinds: Iterable[str] | None = None,
    include_people: bool = False,
    include_projects: bool = True,
    include_memberships: bool = True,
    project: Project | str | Path | None = None,
) -> nx.Graph:
    """The network called ``kind`` (one of :data:`NETWORK_KINDS`): "organisations" is
    :func:`collaboration_network`, "events" the bipartite :func:`participation_network`
    (measures are then computed on the bipartite network itself, so events and agents are
    ranked together), "cities", "regions" and "countries" the :func:`place_network` of the
    collaboration network at that level. The other options are those of
    :func:`collaboration_network`."""
    if kind not in NETWORK_KINDS:
        raise ValueError(f"unknown network {kind!r}; choose one of {', '.join(NETWORK_KINDS)}")
    options = dict(
        start=start,
        end=end,
        event_kinds=event_kinds,
        include_people=include_people,
        include_projects=include_projects,
        project=project,
    )
    if kind == "events":
        return participation_network(target, **options)
    G = collaboration_network(target, include_memberships=include_memberships, **options)
    if kind == "organisations":
        return G
    level = next(level for level, name in PLACE_KINDS.items() if name == kind)
    return place_network(G, level)
