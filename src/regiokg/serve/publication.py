"""The dataset's published documents, made by :mod:`regiokg.export` and served as they
are: the VoID/DCAT description at ``/void``, the dumps at ``/dumps/regiokg.<ext>`` (every
registered format), the ontology at ``/ontology`` (pyLODE HTML or RDF by ``Accept``, with
``Vary: Accept``) and the JSON-LD context at ``/context.jsonld``. Each document is made
once and kept, as the store is read-only while the server runs."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse
from rdflib import BNode, Graph
from rdflib.namespace import RDF, VOID

from regiokg import export
from regiokg.serve.negotiation import GRAPH_TYPES, HTML, best_match
from regiokg.serve.representations import bytes_response
from regiokg.serve.site import Site

__all__ = ["router"]

router = APIRouter()

#: RDF media type -> rdflib serializer, for the graphs the export stage hands over.
_RDFLIB = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
}


def _negotiated(request: Request, offered: list[str]) -> str:
    media = best_match(request.headers.get("accept"), offered)
    if media is None:
        raise HTTPException(406, f"offered: {', '.join(offered)}")
    return media


def _graph_document(request: Request, name: str, graph: Graph) -> Response:
    site: Site = request.app.state.site
    media = _negotiated(request, list(GRAPH_TYPES))
    key = (name, media)
    if key not in site.cache:
        site.cache[key] = graph.serialize(format=_RDFLIB[media], encoding="utf-8")
    return bytes_response(site.cache[key], media, {"Vary": "Accept"})


@router.get("/void")
def void(request: Request) -> Response:
    """The VoID and DCAT description of the dataset, naming this server's SPARQL
    endpoint and dump addresses at its public address (never the Host header a client
    sends, which would let anyone make the description link to any host)."""
    site: Site = request.app.state.site
    base = site.public_url
    if "void-graph" not in site.cache:
        site.cache["void-graph"] = export.describe_dataset(
            site.target, site.project, sparql_endpoint=base + "sparql", dumps_base=base + "dumps/"
        )
    graph = site.cache["void-graph"]
    if best_match(request.headers.get("accept"), [*GRAPH_TYPES, HTML]) == HTML:
        return site.templates.TemplateResponse(
            request, "void.html", {"groups": _statement_groups(site, graph)}, headers=_VARY
        )
    return _graph_document(request, "void", graph)


_VARY = {"Vary": "Accept"}


def _statement_groups(site: Site, graph: Graph) -> list[tuple]:
    """The statements of ``graph`` as (subject, [(property, [values])]) for a page: the
    dataset first, then the other described things, each as page terms."""

    def rank(subject) -> tuple:
        return ((subject, RDF.type, VOID.Dataset) not in graph, isinstance(subject, BNode))

    groups = []
    for subject in sorted(set(graph.subjects()), key=lambda s: (rank(s), str(s))):
        properties: dict = {}
        for _, prop, value in sorted(graph.triples((subject, None, None))):
            properties.setdefault(prop, []).append(site.term(value))
        rows = [(site.term(prop), values) for prop, values in properties.items()]
        groups.append((site.term(subject), rows))
    return groups


@router.get("/dumps/")
def dump_index(request: Request) -> Response:
    """The list of dumps, one per export format, with their media types."""
    site: Site = request.app.state.site
    formats = list(export.FORMATS.values())
    if best_match(request.headers.get("accept"), [HTML, "application/json"]) == HTML:
        return site.templates.TemplateResponse(request, "dumps.html", {"formats": formats})
    listing = [
        {"file": f.filename, "href": f"/dumps/{f.filename}", "media_type": f.media_type}
        for f in formats
    ]
    return JSONResponse(listing)


@router.get("/dumps/{filename}")
def dump(request: Request, filename: str) -> Response:
    """The whole dataset in one file, ``regiokg.<ext>`` for each export format."""
    site: Site = request.app.state.site
    by_name = {fmt.filename: fmt for fmt in export.FORMATS.values()}
    fmt = by_name.get(filename)
    if fmt is None:
        raise HTTPException(404, f"no dump {filename}; there are {', '.join(sorted(by_name))}")
    key = ("dump", fmt.name)
    if key not in site.cache:
        site.cache[key] = export.serialize_dump(site.target, fmt.name, project=site.project)
    headers = {"Content-Disposition": f'attachment; filename="{fmt.filename}"'}
    return bytes_response(site.cache[key], fmt.media_type, headers)


@router.get("/ontology")
def ontology(request: Request) -> Response:
    """The ontology: its pyLODE documentation for a browser, RDF otherwise."""
    site: Site = request.app.state.site
    media = _negotiated(request, [HTML, *GRAPH_TYPES])
    if media == HTML:
        if "ontology.html" not in site.cache:
            site.cache["ontology.html"] = export.ontology_html(site.project)
        return HTMLResponse(site.cache["ontology.html"], headers={"Vary": "Accept"})
    if "ontology-graph" not in site.cache:
        graph = Graph()
        graph.parse(site.project.ontology_dir / "regiokg.ttl", format="turtle")
        site.cache["ontology-graph"] = graph
    return _graph_document(request, "ontology", site.cache["ontology-graph"])


@router.get("/context.jsonld")
def context(request: Request) -> Response:
    """The JSON-LD ``@context`` the JSON-LD dump and data documents are written with."""
    site: Site = request.app.state.site
    return JSONResponse(export.jsonld_context(site.project), media_type="application/ld+json")
