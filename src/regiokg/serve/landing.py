"""The landing page and what it leads to: the dataset's figures (triples, entities per
class, source documents), the label search, the named queries with forms for their
parameters, and a query form that posts to ``/sparql``."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import PlainTextResponse
from rdflib import URIRef

from regiokg.query import QueryError, bound_text
from regiokg.serve.mapview import graph_map
from regiokg.serve.representations import bytes_response, graph_bytes, results_bytes
from regiokg.serve.site import CURIES, Site, Term
from regiokg.serve.sparql import client_address, results_table
from regiokg.serve.worker import Answer, QueryFailed, QuerySyntaxError

__all__ = ["Figures", "figures", "router"]

router = APIRouter()

EXAMPLE_QUERY = """PREFIX rkg: <https://w3id.org/regiokg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT ?cluster ?label WHERE {
  ?cluster a rkg:ClusterInitiative ; rdfs:label ?label .
  FILTER (lang(?label) = "pl")
}
ORDER BY ?label"""

#: ``format`` parameter of a named query -> media type, for tables and for graphs.
_DOWNLOADS = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
_GRAPH_DOWNLOADS = {
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "json": "application/ld+json",
    "xml": "application/rdf+xml",
}


@dataclass
class Source:
    """A source document on the landing page: its ``document`` and ``graph`` terms,
    ``issued`` date and how many ``statements`` its graph holds."""

    document: Term | None
    graph: Term
    issued: str
    statements: int


@dataclass
class Figures:
    """The dataset's figures: ``triples`` (quads in the store), ``classes`` (class term,
    entity count) and ``sources``."""

    triples: int
    classes: list[tuple[Term, int]]
    sources: list[Source]


def figures(site: Site) -> Figures:
    """The figures of the served dataset (read once and cached)."""
    if "figures" not in site.cache:
        classes = [(site.term(r["class"]), int(r["entities"])) for r in site.run("class_sizes")]
        sources: dict[str, Source] = {}
        for row in site.run("source_graphs"):
            graph = str(row["graph"])
            # A document with titles in two languages gives two rows: keep the first.
            if graph not in sources:
                document = row["document"]
                sources[graph] = Source(
                    document=site.term(document) if document is not None else None,
                    graph=site.term(row["graph"]),
                    issued=str(row["issued"] or ""),
                    statements=int(row["statements"]),
                )
        site.cache["figures"] = Figures(len(site.store), classes, list(sources.values()))
    return site.cache["figures"]


@router.get("/")
def landing(request: Request) -> Response:
    """The landing page."""
    site: Site = request.app.state.site
    context = {
        "figures": figures(site),
        "queries": site.queries,
        "example": EXAMPLE_QUERY,
        "map": graph_map(site),
    }
    return site.templates.TemplateResponse(request, "landing.html", context)


@router.get("/search")
def search(request: Request, q: str = "") -> Response:
    """Entities whose labels match ``q`` (diacritics and Polish inflection forgiven)."""
    site: Site = request.app.state.site
    hits = site.index.search(q) if q.strip() else []
    results = [
        {
            "entity": site.term(URIRef(hit.iri)),
            "label": hit.label,
            "types": [site.term(URIRef(t)) for t in hit.types],
        }
        for hit in hits
    ]
    return site.templates.TemplateResponse(request, "search.html", {"q": q, "results": results})


@router.get("/queries/{name}")
async def named_query(request: Request, name: str) -> Response:
    """Run the named query ``name`` with the request's parameters: an HTML table, or with
    ``format=json|xml|csv|tsv`` (``turtle``, ``nt``, ``json``, ``xml`` for graphs) a
    download. It runs in a query worker, under the same time and row limits as
    ``/sparql``."""
    site: Site = request.app.state.site
    query = site.queries.get(name)
    if query is None:
        raise HTTPException(404, f"no named query {name!r}")
    params = {k: v for k, v in request.query_params.items() if k != "format" and v != ""}
    fmt = request.query_params.get("format", "html")
    graph = query.form in ("CONSTRUCT", "DESCRIBE")
    downloads = _GRAPH_DOWNLOADS if graph else _DOWNLOADS
    if fmt != "html" and fmt not in downloads:
        return PlainTextResponse(
            f"unknown format {fmt!r}; use one of {', '.join(downloads)}\n", status_code=400
        )
    try:
        text = bound_text(query, params)
    except QueryError as exc:
        return PlainTextResponse(f"{exc}\n", status_code=400)
    try:
        answer: Answer = await site.answer({"query": text}, client_address(request))
    except QueryFailed as exc:
        # A named query is the project's own text: a syntax error in it is the server's fault.
        status = 500 if isinstance(exc, QuerySyntaxError) else exc.status
        return PlainTextResponse(f"{name}: {exc}\n", status_code=status)
    headers = {}
    if answer.truncated:
        headers = {"X-SPARQL-MaxRows": str(site.max_rows), "X-SPARQL-Truncated": "true"}
    if fmt == "html":
        context = {
            "named": query,
            "params": params,
            "table": results_table(site, answer),
            "answer": answer,
        }
        return site.templates.TemplateResponse(request, "results.html", context, headers=headers)
    media = downloads[fmt]
    if graph:
        triples = ox.parse(answer.payload, format=ox.RdfFormat.N_TRIPLES)
        return bytes_response(graph_bytes(triples, media, CURIES), media, headers)
    return bytes_response(results_bytes(answer.payload, media), media, headers)
