"""Hand RDF terms between rdflib (the in-memory model pySHACL and small jobs use) and
pyoxigraph (the embedded store and fast parser), in memory, without going through files.

Blank nodes keep their identifiers across the hand-over, so a dataset converted one way
and back is the same dataset.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

__all__ = [
    "to_rdflib",
    "to_oxigraph",
    "quads_to_dataset",
    "dataset_to_quads",
]

IriMap = Callable[[str], str]
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _same(iri: str) -> str:
    return iri


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal, iri_map: IriMap = _same) -> Node:
    """The rdflib term equal to a pyoxigraph term; ``iri_map`` may rewrite IRIs on the way
    (used to move instance IRIs to another base)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(iri_map(term.value))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            # RDF 1.1 makes "a" and "a"^^xsd:string one term; rdflib keeps them apart and
            # its parsers give the plain form, so the plain form it is.
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value), normalize=False)
    raise TypeError(f"cannot convert {term!r} to rdflib")


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term equal to an rdflib term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot convert {term!r} to pyoxigraph")


def quads_to_dataset(quads: Iterable[ox.Quad], dataset: Dataset | None = None) -> Dataset:
    """Add pyoxigraph quads to an rdflib Dataset (a new one by default), graph by graph."""
    dataset = dataset if dataset is not None else Dataset()
    graphs: dict[str, object] = {}
    for quad in quads:
        if isinstance(quad.graph_name, ox.DefaultGraph):
            graph = dataset.default_context
        else:
            key = quad.graph_name.value
            graph = graphs.get(key) or graphs.setdefault(key, dataset.graph(URIRef(key)))
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return dataset


def dataset_to_quads(dataset: Dataset) -> list[ox.Quad]:
    """The quads of an rdflib Dataset as pyoxigraph quads; the default graph stays default."""
    quads = []
    for s, p, o, g in dataset.quads((None, None, None, None)):
        graph_id = getattr(g, "identifier", g)
        graph = (
            ox.DefaultGraph()
            if graph_id is None or graph_id == DATASET_DEFAULT_GRAPH_ID
            else to_oxigraph(graph_id)
        )
        quads.append(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), graph))
    return quads
