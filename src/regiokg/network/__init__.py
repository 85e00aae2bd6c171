"""Network analysis of the partner network: networks drawn from the graph by SPARQL
(:mod:`~regiokg.network.projections`), measures computed on them (centrality, structural
holes, Gould--Fernandez brokerage, communities, cohesion), a registry of the measures by
name (:mod:`~regiokg.network.analysis`) and the results written back as RDF
(:mod:`~regiokg.network.results`)."""

from regiokg.network.analysis import MEASURES, measure_table
from regiokg.network.projections import (
    NETWORK_KINDS,
    NetworkDefinition,
    collaboration_network,
    participation_network,
    place_network,
)

__all__ = [
    "MEASURES",
    "NETWORK_KINDS",
    "NetworkDefinition",
    "collaboration_network",
    "measure_table",
    "participation_network",
    "place_network",
]
