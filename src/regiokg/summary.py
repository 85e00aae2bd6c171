"""What a built store holds, counted with SPARQL on the store itself: the summary a full
build prints when it streams its sources through pyoxigraph and has no rdflib dataset to
count with (:func:`regiokg.build.summarise` counts the same on a dataset).

The queries are the build's own bookkeeping, not questions a user would ask of the graph,
so they live here rather than in ``queries/``.
"""

from __future__ import annotations

import pyoxigraph as ox

from regiokg.build import BuildSummary
from regiokg.config import Project
from regiokg.convert import quads_to_dataset
from regiokg.evidence import EvidenceReport, evidence_coverage
from regiokg.prefixes import curie, project_prefixes
from regiokg.sources import ONTOLOGY_GRAPH

__all__ = ["COVERAGE_QUADS", "summarise_store"]

#: Evidence coverage is counted (in rdflib) for seed-document graphs up to this size;
#: larger ones (a synthetic import of thousands of news items) are left out, with a note.
COVERAGE_QUADS = 50_000

_PREFIXES = {
    "rkg": "https://w3id.org/regiokg/ontology#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "dcterms": "http://purl.org/dc/terms/",
}
_GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
# Instances outside the ontology graph, each once per class however many graphs type it.
_CLASS_SIZES = (
    "SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e a ?class } } GROUP BY ?class"
)
_SOURCES = """SELECT DISTINCT ?doc ?title WHERE {
  { ?doc a rkg:SourceDocument } UNION { ?kind rdfs:subClassOf rkg:SourceDocument . ?doc a ?kind }
  OPTIONAL { ?doc dcterms:title ?title }
}"""
_SEED_GRAPHS = """SELECT DISTINCT ?g WHERE {
  GRAPH ?g { ?doc rkg:sourceFile ?file ; a ?kind }
  VALUES ?kind { rkg:NewsItem rkg:Presentation }
}"""


def _title(titles: list) -> str:
    """One title of a document: the English one if it has one (the curated files give
    English and Polish titles), else the first in code-point order."""
    found = sorted((t for t in titles if t is not None), key=str)
    english = [t for t in found if getattr(t, "language", None) == "en"]
    return (english or found or [ox.Literal("")])[0].value


def summarise_store(store: ox.Store, project: Project, evidence: EvidenceReport) -> BuildSummary:
    """The :class:`regiokg.build.BuildSummary` of a built ``store``, with ``evidence`` (what
    resolving the quotes came to) as its evidence report: triples per named graph,
    instances per class outside the ontology graph, the source documents with their
    titles, and the evidence coverage of each seed document whose graph holds at most
    :data:`COVERAGE_QUADS` quads (the others are named in ``notes``)."""
    summary = BuildSummary(triples=0, evidence=evidence)
    for row in store.query(_GRAPH_SIZES):
        summary.graphs[row["g"].value] = int(row["n"].value)
    summary.triples = sum(summary.graphs.values())
    ontology = project.graph_iri(ONTOLOGY_GRAPH)
    data = [ox.NamedNode(g) for g in summary.graphs if g != ontology]
    names = project_prefixes(project)
    counts = {
        curie(row["class"].value, names) or row["class"].value: int(row["n"].value)
        for row in store.query(_CLASS_SIZES, named_graphs=data)
    }
    summary.classes = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    titles: dict[str, list] = {}
    for row in store.query(_SOURCES, prefixes=_PREFIXES, use_default_graph_as_union=True):
        title = row["title"]
        titles.setdefault(row["doc"].value, []).append(title)
    summary.sources = [(doc, _title(found)) for doc, found in sorted(titles.items())]
    left_out = 0
    for row in store.query(_SEED_GRAPHS, prefixes=_PREFIXES):
        graph = row["g"]
        if summary.graphs.get(graph.value, 0) > COVERAGE_QUADS:
            left_out += 1
            continue
        dataset = quads_to_dataset(store.quads_for_pattern(None, None, None, graph))
        summary.coverage += evidence_coverage(dataset)
    summary.coverage.sort(key=lambda c: c.document)
    if left_out:
        summary.notes.append(
            f"evidence coverage not counted for {left_out} graph{'s' if left_out != 1 else ''}"
            f" of more than {COVERAGE_QUADS:,} quads"
        )
    return summary
