"""The landing page and what it leads to: the dataset's figures (triples, entities per
class, source documents), the label search, the named queries with forms for their
parameters, and a query form that posts to ``/sparql``."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import PlainTextResponse
from rdflib import URIRef

from regiokg.query import QueryError, QueryResult
from regiokg.serve.representations import bytes_response
from regiokg.serve.site import Site, Term

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
    context = {"figures": figures(site), "queries": site.queries, "example": EXAMPLE_QUERY}
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


def _table(site: Site, result: QueryResult) -> dict:
    if result.boolean is not None:
        return {"boolean": result.boolean, "columns": [], "rows": []}
    if result.graph is not None:
        rows = [[site.term(t) for t in triple] for triple in sorted(result.graph)]
        return {"boolean": None, "columns": ["subject", "predicate", "object"], "rows": rows}
    rows = [[None if v is None else site.term(v) for v in row] for row in result.rows]
    return {"boolean": None, "columns": result.variables, "rows": rows}


@router.get("/queries/{name}")
def named_query(request: Request, name: str) -> Response:
    """Run the named query ``name`` with the request's parameters: an HTML table, or with
    ``format=json|xml|csv|tsv`` (``turtle``, ``nt`` for graphs) a download."""
    site: Site = request.app.state.site
    query = site.queries.get(name)
    if query is None:
        raise HTTPException(404, f"no named query {name!r}")
    params = {k: v for k, v in request.query_params.items() if k != "format" and v != ""}
    fmt = request.query_params.get("format", "html")
    try:
        result = site.run(name, **params)
        if fmt != "html":
            body = result.serialize(fmt)
    except QueryError as exc:
        return PlainTextResponse(f"{exc}\n", status_code=400)
    if fmt != "html":
        return bytes_response(body, (_DOWNLOADS if result.graph is None else _GRAPH_DOWNLOADS)[fmt])
    context = {"named": query, "params": params, "table": _table(site, result)}
    return site.templates.TemplateResponse(request, "results.html", context)
