"""Evidence quotes resolved on a pyoxigraph store, one named graph at a time, without
an rdflib graph of the whole: what a streamed full build and an incremental build do
instead of :func:`regiokg.evidence.resolve_quotes` on a dataset (which they still use, on
the few spans whose document text is at hand)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, URIRef
from rdflib.namespace import PROV

from regiokg.config import Project
from regiokg.convert import quads_to_dataset, to_oxigraph, to_rdflib
from regiokg.evidence import OA, EvidenceReport, SpanProblem, resolve_quotes
from regiokg.namespace import RKG

__all__ = ["ENTITY", "resolve_graph_quotes", "seed_documents"]

_SEED_KINDS = (RKG.NewsItem, RKG.Presentation)


def seed_documents(store: ox.Store) -> dict[str, str]:
    """Each seed document (news item or presentation) of ``store``, by IRI, with the
    text file its quotes are resolved from."""
    found = {}
    kinds = {to_oxigraph(k) for k in _SEED_KINDS}
    for quad in store.quads_for_pattern(None, to_oxigraph(RKG.sourceFile), None):
        types = {q.object for q in store.quads_for_pattern(quad.subject, _RDF_TYPE, None)}
        if types & kinds:
            found[quad.subject.value] = quad.object.value
    return found


_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_TEXT_EVIDENCE = to_oxigraph(RKG.TextEvidence)
#: ``prov:entity``: the document an evidence span is taken from.
ENTITY = to_oxigraph(PROV.entity)
_HAS_SELECTOR = to_oxigraph(OA.hasSelector)
_POSITION = (to_oxigraph(OA.start), to_oxigraph(OA.end))
_POSITION_SELECTOR = to_oxigraph(OA.TextPositionSelector)


def _has_position(store: ox.Store, evidence, graph: ox.NamedNode) -> bool:
    """Whether ``evidence`` has a complete oa:TextPositionSelector in ``graph``."""

    def has(subject, predicate, obj=None) -> bool:
        return next(store.quads_for_pattern(subject, predicate, obj, graph), None) is not None

    return any(
        has(q.object, _RDF_TYPE, _POSITION_SELECTOR) and all(has(q.object, p) for p in _POSITION)
        for q in store.quads_for_pattern(evidence, _HAS_SELECTOR, None, graph)
    )


def resolve_graph_quotes(
    store: ox.Store,
    project: Project,
    graph: ox.NamedNode,
    documents: dict[str, str],
    report: EvidenceReport,
) -> list[ox.Quad]:
    """Give the evidence spans of one loaded graph their quotes, as a full build does, add
    them to ``store`` and ``report`` and return them. Only the spans whose document text
    is at hand (``documents``: every seed document of the store with its file) go through
    :func:`regiokg.evidence.resolve_quotes`, with their selectors alone: a large import
    whose texts are absent costs no rdflib graph, and its spans are counted as offsets
    only, as there."""
    seeds = Path(project.seeds_dir)
    at_hand = {doc for doc, file in documents.items() if (seeds / file).is_file()}
    quoted = []
    for quad in store.quads_for_pattern(None, _RDF_TYPE, _TEXT_EVIDENCE, graph):
        evidence = quad.subject
        entity = next(store.quads_for_pattern(evidence, ENTITY, None, graph), None)
        document = entity.object if entity is not None else None
        if document is not None and document.value in at_hand:
            quoted.append(evidence)
            continue
        report.offsets_only += 1
        if document is not None:
            report.absent.add(document.value)
        if not _has_position(store, evidence, graph):
            where = document.value if document is not None else "None"
            problem = SpanProblem(evidence.value, where, "no oa:TextPositionSelector")
            report.problems.append(problem)
    if not quoted:
        return []
    spans = []
    for evidence in quoted:
        for quad in store.quads_for_pattern(evidence, None, None, graph):
            spans.append(quad)
            if quad.predicate == _HAS_SELECTOR:
                spans.extend(store.quads_for_pattern(quad.object, None, None, graph))
    # A union default graph, so that the documents' files are found beside the spans.
    dataset = quads_to_dataset(spans, Dataset(default_union=True))
    texts = dataset.graph(URIRef("urn:x-regiokg:documents"))
    rdf_type = to_rdflib(_RDF_TYPE)
    for doc in at_hand:
        texts.add((URIRef(doc), rdf_type, RKG.NewsItem))
        texts.add((URIRef(doc), RKG.sourceFile, to_rdflib(ox.Literal(documents[doc]))))
    before = set(dataset.graph(to_rdflib(graph)))
    found = resolve_quotes(dataset, project)
    report.quoted += found.quoted
    report.offsets_only += found.offsets_only
    report.absent |= found.absent
    report.problems += found.problems
    added = set(dataset.graph(to_rdflib(graph))) - before
    quads = [ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), graph) for s, p, o in added]
    store.extend(quads)
    return quads
