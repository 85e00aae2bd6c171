"""Network analysis of the partner network: networks drawn from a query target by SPARQL
(:mod:`~regiokg.network.projections`, :mod:`~regiokg.network.places`,
:mod:`~regiokg.network.events`), measures computed on them (centrality, structural
holes, Gould--Fernandez brokerage, communities, cohesion), a registry of the measures by
name (:mod:`~regiokg.network.analysis`) and the results written back as RDF
(:mod:`~regiokg.network.results`)."""

from regiokg.network.analysis import MEASURES, measure_table
from regiokg.network.definition import NETWORK_KINDS, NetworkDefinition
from regiokg.network.events import event_network, events_table
from regiokg.network.places import place_network
from regiokg.network.projections import (
    brokerage_groups,
    collaboration_network,
    network,
    participation_network,
)
from regiokg.network.results import analysis_graph, save_analysis

__all__ = [
    "MEASURES",
    "NETWORK_KINDS",
    "NetworkDefinition",
    "analysis_graph",
    "brokerage_groups",
    "collaboration_network",
    "event_network",
    "events_table",
    "measure_table",
    "network",
    "participation_network",
    "place_network",
    "save_analysis",
]
