"""Dereferenceable IRIs, after the W3C note "Cool URIs for the Semantic Web"
(https://www.w3.org/TR/cooluris/, the 303 variant): the IRI of a thing answers
``303 See Other`` pointing at a document about it, chosen by ``Accept`` (``Vary:
Accept``): an HTML page at ``/page/<key>`` or a data document at ``/data/<key>.<ext>``
(Turtle ``.ttl``, JSON-LD ``.jsonld``, N-Triples ``.nt``, RDF/XML ``.rdf``, N-Quads
``.nq``, TriG ``.trig``). See
:mod:`regiokg.serve.iris` for which IRIs map to which keys.

The page of an entity shows its labels in Polish and English, its types, its role
statements as readable lines (:mod:`~regiokg.serve.roles`), a map of where it is
(:mod:`~regiokg.serve.mapview`), every statement in both directions with the named graph
that makes it, its source documents, and a picture of its partner network. IRIs the
graph does not mention get 404.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox
from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import RedirectResponse
from rdflib import URIRef
from rdflib.namespace import PROV, RDF

from regiokg.convert import to_oxigraph
from regiokg.serve.iris import VOCAB_IRI
from regiokg.serve.mapview import entity_map
from regiokg.serve.negotiation import GRAPH_TYPES, HTML, best_match
from regiokg.serve.picture import ego_network
from regiokg.serve.representations import EXTENSIONS, graph_response
from regiokg.serve.roles import role_groups
from regiokg.serve.site import CURIES, Site, Term

__all__ = ["EntityPage", "GraphPage", "entity_page", "graph_page", "router"]

router = APIRouter()

RDF_TYPE = str(RDF.type)
DERIVED_FROM = str(PROV.wasDerivedFrom)
_EXTENSION_OF = {media: ext for ext, media in EXTENSIONS.items()}


def _known(site: Site, key: str) -> str:
    """The IRI of page key ``key``, or 404 when the key is malformed or the graph never
    mentions that IRI."""
    iri = site.iris.iri(key)
    if iri is None or site.iris.key(iri) != key:
        raise HTTPException(404, f"no such resource: {key}")
    if not site.run("entity_mentioned", entity_iri=iri).boolean:
        raise HTTPException(404, f"{iri} is not mentioned in this graph")
    return iri


def _see_other(request: Request, key: str) -> Response:
    site: Site = request.app.state.site
    _known(site, key)
    media = best_match(request.headers.get("accept"), [HTML, *GRAPH_TYPES])
    if media is None:
        raise HTTPException(406, f"offered: {', '.join([HTML, *GRAPH_TYPES])}")
    target = f"/page/{key}" if media == HTML else f"/data/{key}.{_EXTENSION_OF[media]}"
    return RedirectResponse(target, status_code=303, headers={"Vary": "Accept"})


@router.get("/id/{path:path}")
def instance(request: Request, path: str) -> Response:
    """An instance IRI ``{base}id/<path>``: 303 to its page or data document."""
    site: Site = request.app.state.site
    if site.iris.key(site.project.instance_iri(path)) != path:
        raise HTTPException(404, f"no such resource: /id/{path}")
    return _see_other(request, path)


@router.get("/vocab/{path:path}")
def concept(request: Request, path: str) -> Response:
    """A vocabulary IRI ``https://w3id.org/regiokg/vocab/<path>``: 303 likewise."""
    site: Site = request.app.state.site
    if site.iris.key(VOCAB_IRI + path) != f"vocab/{path}":
        raise HTTPException(404, f"no such resource: /vocab/{path}")
    return _see_other(request, f"vocab/{path}")


@router.get("/graph/{name:path}")
def named_graph(request: Request, name: str) -> Response:
    """A named graph IRI ``{base}graph/<name>``: 303 likewise."""
    return _see_other(request, f"graph/{name}")


@router.get("/data/{document:path}")
def data(request: Request, document: str) -> Response:
    """The description of an entity (triples in both directions) in the RDF syntax its
    extension names."""
    site: Site = request.app.state.site
    key, dot, ext = document.rpartition(".")
    if not dot or ext not in EXTENSIONS:
        known = ", ".join(f".{e}" for e in EXTENSIONS)
        raise HTTPException(404, f"no data document {document}: use one of {known}")
    iri = _known(site, key)
    if key.startswith("graph/"):
        # A named graph's data document is what it holds.
        graph = site.run("graph_statements", graph_iri=iri).graph
    else:
        graph = site.run("entity_description", entity_iri=iri).graph
    triples = [ox.Triple(*(to_oxigraph(term) for term in triple)) for triple in graph]
    return graph_response(triples, EXTENSIONS[ext], CURIES)


@dataclass
class Statement:
    """One row of the page: the ``property``, the term at the other end and the
    named ``graphs`` (as page terms) that state it."""

    property: Term
    other: Term
    graphs: list[Term] = field(default_factory=list)


@dataclass
class EntityPage:
    """What the HTML page of an entity shows."""

    iri: str
    key: str
    title: str
    labels: dict[str, list[str]]
    types: list[Term]
    outgoing: list[Statement]
    incoming: list[Statement]
    sources: list[Term]
    graphs: list[Term]
    network: object = None
    roles: list = field(default_factory=list)
    map: object = None


def entity_page(site: Site, iri: str, key: str) -> EntityPage:
    """Gather the page of ``iri``: labels by language, types, statements both ways with
    their graphs, source documents (``prov:wasDerivedFrom`` and the documents of the
    graphs that mention it), its ego network, its role statements as readable lines and
    a map of where it is."""
    rows: dict[tuple, list[str]] = defaultdict(list)
    for row in site.run("entity_statements", entity_iri=iri):
        rows[(str(row["direction"]), row["property"], row["other"])].append(str(row["graph"]))
    statements = {"out": [], "in": []}
    graph_iris: set[str] = set()
    for (direction, prop, other), graphs in rows.items():
        graph_iris.update(graphs)
        statements[direction].append(
            Statement(site.term(prop), site.term(other), [site.term(URIRef(g)) for g in graphs])
        )
    outgoing = statements["out"]
    types = [s.other for s in outgoing if s.property.iri == RDF_TYPE]
    sources = {s.other.iri: s.other for s in outgoing if s.property.iri == DERIVED_FROM}
    documents = site.graph_documents()
    for graph in sorted(graph_iris):
        document = documents.get(graph)
        if document and document not in sources:
            sources[document] = site.term(URIRef(document))
    labels: dict[str, list[str]] = defaultdict(list)
    for s in outgoing:
        is_label = s.other.lang and s.property.iri in site.label_properties
        if is_label and s.other.text not in labels[s.other.lang]:
            labels[s.other.lang].append(s.other.text)

    def label(node: str) -> str:
        return site.label(node) or site.curie(node)

    return EntityPage(
        iri=iri,
        key=key,
        title=label(iri),
        labels={lang: labels[lang] for lang in sorted(labels, key=lambda x: (x != "pl", x))},
        types=types,
        outgoing=outgoing,
        incoming=statements["in"],
        sources=list(sources.values()),
        graphs=[site.term(URIRef(g)) for g in sorted(graph_iris)],
        network=ego_network(site.partners, iri, label),
        roles=role_groups(site, iri),
        map=entity_map(site, iri),
    )


@router.get("/page/{key:path}")
def page(request: Request, key: str) -> Response:
    """The HTML page of an entity, vocabulary concept or named graph."""
    site: Site = request.app.state.site
    iri = _known(site, key)
    alternates = {ext: f"/data/{key}.{ext}" for ext in EXTENSIONS}
    if key.startswith("graph/"):
        context = {"page": graph_page(site, iri), "alternates": alternates}
        return site.templates.TemplateResponse(request, "graph.html", context)
    view = entity_page(site, iri, key)
    return site.templates.TemplateResponse(
        request, "entity.html", {"page": view, "alternates": alternates}
    )


@dataclass
class GraphPage:
    """What the HTML page of a named graph shows: its ``iri``, ``title``, the ``source``
    document it holds (None for the ontology's graph and for analyses), how many
    ``statements`` it makes, and its ``subjects`` as (page term, kinds, statements)."""

    iri: str
    title: str
    source: Term | None
    statements: int
    subjects: list[tuple[Term, list[Term], int]]


def graph_page(site: Site, iri: str) -> GraphPage:
    """Gather the page of the named graph ``iri``: its source document and what it says
    about which subjects."""
    subjects = []
    for row in site.run("graph_subjects", graph_iri=iri):
        entity = str(row["entity"])
        kinds = [site.term(URIRef(t)) for t in site.types.get(entity, [])]
        subjects.append((site.term(row["entity"]), kinds, int(row["statements"])))
    document = site.graph_documents().get(iri)
    source = site.term(URIRef(document)) if document else None
    title = source.text if source is not None else site.curie(iri)
    return GraphPage(iri, title, source, sum(n for _, _, n in subjects), subjects)
