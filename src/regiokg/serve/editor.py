"""The query editor page: YASGUI (syntax highlighting, autocompletion, result table with
download, and a chart of a numeric column) talking to this server's ``/sparql``, with the
project's prefixes and an example preloaded and the named queries as a menu whose
parameters are filled in a form and bound by the server (as one typed ``VALUES`` row,
:func:`regiokg.query.bound_text`), never pasted into the text by the browser.

Everything the page needs comes from this server: the YASGUI files (:mod:`~.assets`), the
editor's own script, and its configuration at ``/editor/config.json`` (prefixes, example,
the classes and properties of the graph for autocompletion). When the YASGUI files are not
installed the page is a plain query form with a note saying how to install them.
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse

from regiokg.query import QueryError, bound_text
from regiokg.serve.assets import INSTALL_HINT, AssetShelf
from regiokg.serve.site import CURIES, Site

__all__ = ["example_query", "install", "prefixes", "router"]

router = APIRouter()


def prefixes(site: Site) -> dict[str, str]:
    """The prefixes the editor knows: the project's, ``r:`` for its instances and
    ``graph:`` for its named graphs."""
    project = site.project
    return {**CURIES, "r": project.instance_iri(""), "graph": project.graph_iri("")}


def example_query(site: Site) -> str:
    """The query a new editor tab starts with: the project's prefixes, then events per
    year (a table with a number column, so the chart view has something to show)."""
    declared = "\n".join(f"PREFIX {p}: <{iri}>" for p, iri in sorted(prefixes(site).items()))
    return (
        f"{declared}\n\n"
        "# Events per year. Run with Ctrl+Enter; see the Table and Chart views below.\n"
        "SELECT ?year (COUNT(DISTINCT ?event) AS ?events) WHERE {\n"
        "  ?event a/rdfs:subClassOf* rkg:Event ;\n"
        "         schema:startDate ?start .\n"
        "  BIND (SUBSTR(STR(?start), 1, 4) AS ?year)\n"
        "}\n"
        "GROUP BY ?year\n"
        "ORDER BY ?year\n"
    )


def _terms(site: Site, query: str, column: str) -> list[str]:
    return site.cached(
        f"editor-{query}", lambda: sorted({str(row[column]) for row in site.run(query)})
    )


def install(site: Site, shelf: AssetShelf) -> None:
    """Make the asset shelf and the example query visible to every template, so that the
    plain ``/sparql`` page can show the editor too."""
    site.templates.env.globals["assets"] = shelf
    site.templates.env.globals["example_query"] = lambda: example_query(site)
    site.templates.env.globals["install_hint"] = INSTALL_HINT


@router.get("/editor")
def editor(request: Request) -> Response:
    """The query editor."""
    site: Site = request.app.state.site
    return site.templates.TemplateResponse(request, "editor.html", {"query": ""})


@router.get("/editor/config.json")
def config(request: Request) -> JSONResponse:
    """The editor's configuration: endpoint path, instance base, prefixes, example, and the
    classes and properties of the graph for autocompletion."""
    site: Site = request.app.state.site
    return JSONResponse(
        {
            "endpoint": "/sparql",
            "base": site.project.instance_iri("").removesuffix("id/"),
            "prefixes": prefixes(site),
            "prefixes_url": "/editor/prefixes.json",
            "example": example_query(site),
            "classes": _terms(site, "class_partitions", "class"),
            "properties": _terms(site, "property_partitions", "property"),
        }
    )


@router.get("/editor/prefixes.json")
def prefix_table(request: Request) -> JSONResponse:
    """The prefixes as prefix.cc writes them (``{"rkg": "https://…#"}``), for the editor's
    prefix autocompletion."""
    return JSONResponse(prefixes(request.app.state.site))


@router.get("/editor/named/{name}")
def named(request: Request, name: str) -> PlainTextResponse:
    """The text of the named query ``name`` with the request's parameters bound, to load
    into the editor; 400 with the reason for a bad parameter."""
    site: Site = request.app.state.site
    query = site.queries.get(name)
    if query is None:
        raise HTTPException(404, f"no named query {name!r}")
    params = {k: v for k, v in request.query_params.items() if v != ""}
    try:
        return PlainTextResponse(bound_text(query, params))
    except QueryError as exc:
        return PlainTextResponse(f"{exc}\n", status_code=400)
