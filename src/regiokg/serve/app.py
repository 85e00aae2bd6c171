"""The web application: :func:`create_app` assembles the routes of the linked-data server
over a store opened read-only, for ``regiokg serve``, tests and notebooks; :func:`serve`
runs it with uvicorn."""

from __future__ import annotations

import re
from contextlib import asynccontextmanager
from pathlib import Path

import pyoxigraph as ox
from fastapi import FastAPI, Request
from fastapi.responses import PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from regiokg.config import Project
from regiokg.serve import (
    assets,
    editor,
    landing,
    network_page,
    pages,
    partners,
    publication,
    sparql,
    suggest,
)
from regiokg.serve.negotiation import HTML, best_match
from regiokg.serve.site import HERE, Site

__all__ = ["DEFAULT_MAX_ROWS", "DEFAULT_TIMEOUT", "create_app", "serve"]

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_ROWS = 10_000

# "..", "." and encoded dots or slashes in a raw path segment: never a resource here.
_TRAVERSAL = re.compile(rb"(^|/)\.{1,2}(/|$)|%2e|%2f|%5c|\\", re.IGNORECASE)


class TraversalGuard:
    """ASGI middleware that answers 404 to any request whose raw path holds a ``.`` or
    ``..`` segment or an encoded dot, slash or backslash, before routing decodes them."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            raw = scope.get("raw_path") or scope["path"].encode("utf-8")
            decoded = scope["path"]
            if _TRAVERSAL.search(raw) or "/../" in decoded + "/" or "/./" in decoded + "/":
                response = PlainTextResponse("not found\n", status_code=404)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(
    project: Project,
    *,
    store: ox.Store | str | Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_rows: int = DEFAULT_MAX_ROWS,
    workers: int = 2,
) -> FastAPI:
    """The linked-data server of ``project`` as a FastAPI app: ``/sparql``, the entity
    IRIs and their pages, the landing page, search, named queries, ``/void``, ``/dumps``,
    ``/ontology`` and ``/context.jsonld``. ``store`` is a store directory (default: the
    project's, opened read-only) or a pyoxigraph Store; each ``/sparql`` query may run
    ``timeout`` seconds and return ``max_rows`` rows, in one of ``workers`` worker
    processes started with the app and stopped when it shuts down."""
    site = Site.open(project, store=store, timeout=timeout, max_rows=max_rows, workers=workers)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        site.start()
        try:
            yield
        finally:
            site.close()

    app = FastAPI(
        title="regiokg",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.site = site
    app.state.assets = assets.AssetShelf(project.root / "node_modules")
    editor.install(site, app.state.assets)
    app.add_middleware(TraversalGuard)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    front_end = (assets, editor, network_page, partners, suggest)
    for module in (landing, sparql, pages, publication, *front_end):
        app.include_router(module.router)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = str(exc.detail)
        if best_match(request.headers.get("accept"), ["text/plain", HTML]) == HTML:
            context = {"status": exc.status_code, "message": message}
            return site.templates.TemplateResponse(
                request, "error.html", context, status_code=exc.status_code
            )
        return PlainTextResponse(message + "\n", status_code=exc.status_code)

    return app


def serve(
    project: Project,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    store: str | Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_rows: int = DEFAULT_MAX_ROWS,
) -> None:
    """Run the server of ``project`` with uvicorn until interrupted (see
    :func:`create_app`)."""
    import uvicorn

    app = create_app(project, store=store, timeout=timeout, max_rows=max_rows)
    uvicorn.run(app, host=host, port=port, log_level="info")
