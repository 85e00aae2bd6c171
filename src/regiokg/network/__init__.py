"""Network analysis of the partner network: networks drawn from the graph by SPARQL
(:mod:`~regiokg.network.projections`), measures computed on them (centrality, structural
holes, Gould--Fernandez brokerage, communities, cohesion), a registry of the measures by
name (:mod:`~regiokg.network.analysis`) and the results written back as RDF
(:mod:`~regiokg.network.results`)."""

from regiokg.network.analysis import MEASURES, measure_table
from regiokg.network.projections import (
    NETWORK_KINDS,
    NetworkDefinition,
    brokerage_groups,
    collaboration_network,
    network,
    participation_network,
    place_network,
)
from regiokg.network.results import analysis_graph, save_analysis

__all__ = [
    "MEASURES",
    "NETWORK_KINDS",
    "NetworkDefinition",
    "analysis_graph",
    "brokerage_groups",
    "collaboration_network",
    "measure_table",
    "network",
    "participation_network",
    "place_network",
    "save_analysis",
]
