"""The SPARQL 1.1 Protocol endpoint ``/sparql`` (https://www.w3.org/TR/sparql11-protocol/):
queries by GET, by POST as a form or as ``application/sparql-query``; answers in the
results format (JSON, XML, CSV, TSV) or RDF syntax (Turtle, JSON-LD, N-Triples, RDF/XML,
N-Quads, TriG) chosen by ``Accept`` or a ``format`` parameter, and as an HTML table for a
browser.

The endpoint is read-only and never federates (see :mod:`regiokg.serve.guard`). Each
query runs in a worker process under the server's time limit; an answer longer than the
row limit is cut to that many rows (or triples) and flagged with the response headers
``X-SPARQL-MaxRows: <limit>`` and ``X-SPARQL-Truncated: true``. Without
``default-graph-uri`` the default graph is the union of the named graphs.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qsl

import pyoxigraph as ox
from fastapi import APIRouter, Request, Response
from fastapi.responses import PlainTextResponse
from rdflib import BNode, Literal, URIRef

from regiokg.convert import to_rdflib
from regiokg.serve.guard import Refusal, refusal
from regiokg.serve.negotiation import (
    GRAPH_TYPES,
    HTML,
    RESULT_TYPES,
    best_match,
    media_type_for,
)
from regiokg.serve.representations import bytes_response, graph_response, results_bytes
from regiokg.serve.site import CURIES, Site
from regiokg.serve.worker import Answer, QueryFailed

__all__ = ["client_address", "router", "service_description", "term_from_json"]

router = APIRouter()

_FORMAT_PARAMETERS = ("format", "output", "results")
_CORS = {"Access-Control-Allow-Origin": "*"}
#: Protocol parameter naming graphs -> the worker's option for them.
_GRAPH_PARAMETERS = {"default-graph-uri": "default_graph", "named-graph-uri": "named_graphs"}


async def _parameters(request: Request) -> list[tuple[str, str]]:
    params = list(request.query_params.multi_items())
    if request.method != "POST":
        return params
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = (await request.body()).decode("utf-8", errors="replace")
    if media == "application/x-www-form-urlencoded":
        return params + parse_qsl(body, keep_blank_values=True)
    if media == "application/sparql-query":
        return params + [("query", body)]
    if media == "application/sparql-update":
        return params + [("update", body)]
    raise Refusal(
        f"unsupported request body type {media or '(none)'!r}: POST a form "
        "(application/x-www-form-urlencoded) or application/sparql-query",
        status=415,
    )


def client_address(request: Request) -> str:
    """The address a request came from, by which the worker pool shares its capacity
    between clients (the socket's peer: forwarded-for headers can be forged)."""
    return request.client.host if request.client is not None else ""


def _error(request: Request, status: int, message: str, query: str | None = None) -> Response:
    headers = dict(_CORS)
    if status in (429, 503):
        headers["Retry-After"] = "5"
    if best_match(request.headers.get("accept"), ["text/plain", HTML]) == HTML:
        site: Site = request.app.state.site
        # The query form comes back filled in, so a stopped query can be narrowed.
        context = {"status": status, "message": message, "query": query}
        return site.templates.TemplateResponse(
            request, "error.html", context, status_code=status, headers=headers
        )
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)


@router.api_route("/sparql", methods=["GET", "POST"])
async def sparql(request: Request) -> Response:
    """Answer one SPARQL query (see the module docstring for the protocol)."""
    site: Site = request.app.state.site
    try:
        params = await _parameters(request)
    except Refusal as exc:
        return _error(request, exc.status, str(exc))
    values: dict[str, list[str]] = {}
    for key, value in params:
        values.setdefault(key, []).append(value)
    if "update" in values:
        return _error(request, 403, "this endpoint is read-only: SPARQL Update is refused")
    queries = values.get("query", [])
    if not queries:
        if request.method == "GET":
            media = best_match(request.headers.get("accept"), [HTML, *GRAPH_TYPES])
            if media == HTML:
                return site.templates.TemplateResponse(request, "query_form.html", {"query": ""})
            if media is not None:
                headers = {**_CORS, "Vary": "Accept"}
                return graph_response(service_description(site), media, CURIES, headers)
        return _error(request, 400, "no query: give the SPARQL text as the 'query' parameter")
    if len(queries) > 1:
        return _error(request, 400, "give exactly one 'query' parameter")
    text = queries[0]
    refused = refusal(text)
    if refused is not None:
        return _error(request, refused.status, str(refused), text)
    graphs = {}
    for parameter, option in _GRAPH_PARAMETERS.items():
        graphs[option] = values.get(parameter, [])
        for iri in graphs[option]:
            try:
                ox.NamedNode(iri)
            except ValueError:
                return _error(request, 400, f"{parameter} {iri!r} is not an absolute IRI", text)
    try:
        answer: Answer = await site.answer({"query": text, **graphs}, client_address(request))
    except QueryFailed as exc:
        return _error(request, exc.status, str(exc), query=text)
    return _respond(request, site, text, answer, values)


def _respond(request: Request, site: Site, text: str, answer: Answer, values) -> Response:
    graph = answer.form == "GRAPH"
    asked = [v for name in _FORMAT_PARAMETERS for v in values.get(name, [])]
    offered = [*(GRAPH_TYPES if graph else RESULT_TYPES), HTML]
    media = media_type_for(asked, graph=graph) if asked else None
    if media is None:
        media = best_match(request.headers.get("accept"), offered)
    if media is None:
        return _error(request, 406, f"cannot answer in any accepted type; offered: {offered}")
    headers = dict(_CORS)
    if answer.truncated:
        headers |= {"X-SPARQL-MaxRows": str(site.max_rows), "X-SPARQL-Truncated": "true"}
    if media == HTML:
        context = {"query": text, "table": results_table(site, answer), "answer": answer}
        return site.templates.TemplateResponse(request, "results.html", context, headers=headers)
    if graph:
        triples = ox.parse(answer.payload, format=ox.RdfFormat.N_TRIPLES)
        return graph_response(triples, media, CURIES, headers)
    return bytes_response(results_bytes(answer.payload, media), media, headers)


_SD = "http://www.w3.org/ns/sparql-service-description#"


def service_description(site: Site) -> list[ox.Triple]:
    """The SPARQL 1.1 Service Description (https://www.w3.org/TR/sparql11-service-description/)
    of this endpoint: its address, SPARQL 1.1 Query, the result and graph formats it
    answers in, the union default graph, and the VoID description of its dataset."""
    endpoint = ox.NamedNode(site.public_url + "sparql")
    service = ox.BlankNode("service")
    dataset = ox.BlankNode("dataset")
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

    def sd(name: str) -> ox.NamedNode:
        return ox.NamedNode(_SD + name)

    triples = [
        ox.Triple(service, rdf_type, sd("Service")),
        ox.Triple(service, sd("endpoint"), endpoint),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
        ox.Triple(service, sd("defaultDataset"), dataset),
        ox.Triple(dataset, rdf_type, sd("Dataset")),
        ox.Triple(
            dataset,
            ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso"),
            ox.NamedNode(site.public_url + "void"),
        ),
    ]
    for fmt in [*RESULT_TYPES.values(), *GRAPH_TYPES.values()]:
        triples.append(ox.Triple(service, sd("resultFormat"), ox.NamedNode(fmt.iri)))
    return triples


def term_from_json(term: dict | None):
    """The rdflib term of a SPARQL Results JSON term (None for a missing one)."""
    if term is None:
        return None
    if term["type"] == "uri":
        return URIRef(term["value"])
    if term["type"] == "bnode":
        return BNode(term["value"])
    return Literal(term["value"], lang=term.get("xml:lang"), datatype=term.get("datatype"))


def results_table(site: Site, answer: Answer) -> dict:
    """The answer laid out for the HTML table: ``columns`` and ``rows`` of page terms, or
    the ``boolean`` of an ASK answer."""
    if answer.form == "ASK":
        return {"boolean": json.loads(answer.payload)["boolean"], "columns": [], "rows": []}
    if answer.form == "GRAPH":
        triples = ox.parse(answer.payload, format=ox.RdfFormat.N_TRIPLES)
        rows = [
            [site.term(to_rdflib(part)) for part in (t.subject, t.predicate, t.object)]
            for t in triples
        ]
        return {"boolean": None, "columns": ["subject", "predicate", "object"], "rows": rows}
    document = json.loads(answer.payload)
    columns = document["head"]["vars"]
    rows = [
        [site.term(term_from_json(b[v])) if v in b else None for v in columns]
        for b in document["results"]["bindings"]
    ]
    return {"boolean": None, "columns": columns, "rows": rows}
