"""Network analysis results as RDF, kept in the graph beside the data they were computed on.

A run of one measure on one network is an ``rkg:NetworkAnalysis`` (a ``prov:Activity``) with
``prov:startedAtTime``, ``prov:endedAtTime``, the measure (``rkg:networkMeasure``, a concept
of the ``measure:`` scheme), its options (``rkg:parameter`` -> ``schema:PropertyValue`` with
``schema:name`` and ``schema:value``) and ``prov:used`` the ``rkg:NetworkDefinition`` of the
network (kind, year window, event kinds, what was included). Each value is an
``rkg:MeasureValue``: ``rkg:measuredEntity`` the node, ``rkg:networkMeasure``,
``rkg:inNetwork``, ``rdf:value`` (``xsd:double``), ``rkg:rank`` and ``prov:wasGeneratedBy``
the run. Brokerage gives one value per role (``measure:brokerage-liaison``, ...) besides the
total (``measure:brokerage``); communities add the partition's ``measure:modularity`` as a
value of the network definition.

IRIs: the run is ``{base}id/analysis/{run id}``, its values
``{base}id/measure-value/{run id}--{n}``, its parameters ``{base}id/parameter/{run
id}--{name}``, and a network definition ``{base}id/network/{digest}`` where the digest is
taken over the definition, so equal definitions share one node. Everything goes into the
named graph ``{base}graph/analysis/{run id}`` (:func:`save_analysis`, one transaction), so a
run can be dropped by dropping its graph.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import uuid
from collections.abc import Mapping

import networkx as nx
import pyoxigraph as ox
from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, SDO

from regiokg.config import DEFAULT_BASE, Project
from regiokg.convert import to_oxigraph
from regiokg.namespace import MEASURE, RKG
from regiokg.network.brokerage import ROLES
from regiokg.network.definition import NetworkDefinition

__all__ = ["AnalysisRun", "analysis_graph", "measure_iri", "new_run_id", "save_analysis"]


def new_run_id(now: dt.datetime | None = None) -> str:
    """A fresh run id: the UTC start time and a random suffix, e.g.
    ``20250301T101500Z-3f9a1c``, sortable by time and unique across machines."""
    now = now or dt.datetime.now(dt.UTC)
    return f"{now.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:6]}"


def measure_iri(name: str) -> URIRef:
    """The ``measure:`` concept of a measure of the registry (``weighted_degree`` ->
    ``measure:weighted-degree``) or of a brokerage role (``liaison`` ->
    ``measure:brokerage-liaison``)."""
    slug = name.replace("_", "-")
    return MEASURE[f"brokerage-{slug}" if name in ROLES else slug]


class AnalysisRun:
    """The IRIs of one analysis run under a base IRI: ``run``, ``graph`` (its named graph),
    ``value(n)``, ``parameter(name)`` and ``network(definition)``."""

    def __init__(self, run_id: str, base_iri: str = DEFAULT_BASE):
        self.id = run_id
        self._id = Namespace(f"{base_iri}id/")
        self.run = self._id[f"analysis/{run_id}"]
        self.graph = URIRef(f"{base_iri}graph/analysis/{run_id}")

    def value(self, n: int) -> URIRef:
        """The IRI of the run's ``n``-th measure value."""
        return self._id[f"measure-value/{self.id}--{n}"]

    def parameter(self, name: str) -> URIRef:
        """The IRI of the run's parameter ``name``."""
        return self._id[f"parameter/{self.id}--{name}"]

    def network(self, definition: NetworkDefinition) -> URIRef:
        """The IRI of a network definition, the same for equal definitions."""
        text = json.dumps(definition.as_dict(), sort_keys=True)
        return self._id[f"network/{hashlib.sha256(text.encode()).hexdigest()[:16]}"]


def _literal(value) -> Literal:
    if isinstance(value, bool):
        return Literal(value, datatype=XSD.boolean)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, float):
        return Literal(value, datatype=XSD.double)
    return Literal(str(value))


def _describe_network(graph: Graph, iri: URIRef, definition: NetworkDefinition) -> None:
    graph.add((iri, RDF.type, RKG.NetworkDefinition))
    graph.add((iri, RKG.networkKind, Literal(definition.kind)))
    if definition.start is not None:
        graph.add((iri, RKG.fromYear, Literal(f"{definition.start:04d}", datatype=XSD.gYear)))
    if definition.end is not None:
        graph.add((iri, RKG.toYear, Literal(f"{definition.end:04d}", datatype=XSD.gYear)))
    for kind in definition.event_kinds:
        graph.add((iri, RKG.eventKind, RKG[kind]))
    for prop, flag in [
        (RKG.includesPeople, definition.include_people),
        (RKG.includesProjects, definition.include_projects),
        (RKG.includesMemberships, definition.include_memberships),
    ]:
        graph.add((iri, prop, Literal(flag)))


def _add_value(graph: Graph, iri, run: AnalysisRun, network, entity, measure, value, rank):
    graph.add((iri, RDF.type, RKG.MeasureValue))
    graph.add((iri, RKG.measuredEntity, URIRef(str(entity))))
    graph.add((iri, RKG.networkMeasure, measure))
    graph.add((iri, RKG.inNetwork, network))
    graph.add((iri, RDF.value, Literal(float(value), datatype=XSD.double)))
    if rank is not None:
        graph.add((iri, RKG.rank, Literal(int(rank), datatype=XSD.positiveInteger)))
    graph.add((iri, PROV.wasGeneratedBy, run.run))


def analysis_graph(
    G: nx.Graph,
    table,
    *,
    definition: NetworkDefinition | None = None,
    parameters: Mapping | None = None,
    project: Project | None = None,
    base_iri: str | None = None,
    run_id: str | None = None,
    started: dt.datetime | None = None,
    ended: dt.datetime | None = None,
) -> Graph:
    """The RDF of one analysis run: the measure table ``table`` (from
    :func:`~regiokg.network.analysis.measure_table`, whole or cut) computed on ``G``, as an
    ``rkg:NetworkAnalysis`` with its values (see the module's notes). The network
    ``definition`` and the measure's ``parameters`` default to what ``G.graph`` and
    ``table.attrs`` recorded; IRIs are minted under ``base_iri``, else the ``project``'s base,
    else the default base; ``run_id`` defaults to :func:`new_run_id`, ``started`` and
    ``ended`` to now. Values that are not numbers (NaN, such as the constraint of an
    isolated node) are left out. The graph's identifier is the run's named graph."""
    definition = definition or G.graph.get("definition") or table.attrs.get("definition")
    if definition is None:
        raise ValueError(
            "no network definition: pass definition= or use a network from "
            "regiokg.network (which records it in G.graph['definition'])"
        )
    name = table.attrs.get("measure")
    if name is None:
        raise ValueError("the table does not say its measure; make it with measure_table()")
    parameters = dict(table.attrs.get("options", {}) if parameters is None else parameters)
    base = base_iri or (project.base_iri if project is not None else DEFAULT_BASE)
    now = dt.datetime.now(dt.UTC)
    run = AnalysisRun(run_id or new_run_id(started or now), base)
    graph = Graph(identifier=run.graph)
    graph.bind("rkg", str(RKG._NS))
    graph.bind("measure", str(MEASURE))
    graph.bind("prov", str(PROV))
    graph.bind("schema", str(SDO))

    network = run.network(definition)
    _describe_network(graph, network, definition)
    graph.add((run.run, RDF.type, RKG.NetworkAnalysis))
    graph.add((run.run, RKG.networkMeasure, measure_iri(name)))
    graph.add((run.run, PROV.used, network))
    for moment, when in [(PROV.startedAtTime, started or now), (PROV.endedAtTime, ended or now)]:
        graph.add((run.run, moment, Literal(when.astimezone(dt.UTC), datatype=XSD.dateTime)))
    for key, value in sorted(parameters.items()):
        node = run.parameter(key)
        graph.add((run.run, RKG.parameter, node))
        graph.add((node, RDF.type, SDO.PropertyValue))
        graph.add((node, SDO.name, Literal(key)))
        graph.add((node, SDO.value, _literal(value)))

    columns = [("value", measure_iri(name), "rank")]
    if name == "brokerage":
        # Each role is ranked on its own count, as a researcher asks for "top liaisons".
        columns += [(role, measure_iri(role), None) for role in ROLES]
    n = 0
    for column, measure, rank_column in columns:
        ranks = table[column].rank(method="min", ascending=False) if rank_column is None else None
        for i, row in table.iterrows():
            value = row[column]
            if value is None or (isinstance(value, float) and math.isnan(value)):
                continue
            rank = row[rank_column] if rank_column else ranks[i]
            n += 1
            _add_value(graph, run.value(n), run, network, row["entity"], measure, value, rank)
    modularity = table.attrs.get("modularity")
    if modularity is not None:
        n += 1
        _add_value(graph, run.value(n), run, network, network, MEASURE.modularity, modularity, None)
    return graph


def save_analysis(store: ox.Store, graph: Graph) -> URIRef:
    """Write an analysis ``graph`` (from :func:`analysis_graph`) into the pyoxigraph
    ``store`` as the named graph its identifier names, in one transaction (pyoxigraph's
    ``Store.extend``): readers see all of the run or none of it. Runs are never
    overwritten: a graph of that name in the store raises ValueError. Returns the named
    graph's IRI. The store must be open for writing (not ``read_only``)."""
    name = ox.NamedNode(str(graph.identifier))
    if name in set(store.named_graphs()):
        raise ValueError(f"the store already holds the analysis graph <{name.value}>")
    store.extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), name) for s, p, o in graph)
    return URIRef(name.value)
