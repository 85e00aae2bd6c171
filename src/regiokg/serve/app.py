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

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "DEFAULT_MAX_BODY",
    "DEFAULT_MAX_ROWS",
    "DEFAULT_TIMEOUT",
    "create_app",
    "serve",
]

DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_ROWS = 10_000
#: Bytes a request body may hold (a SPARQL query is a few kilobytes).
DEFAULT_MAX_BODY = 1024 * 1024
#: What a page may load: only this server's own files; no inline script, no framing.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
_STANDARD_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"access-control-allow-origin", b"*"),
]
_CORS_PREFLIGHT = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    "Access-Control-Max-Age": "86400",
}

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


class BodyLimit:
    """ASGI middleware that answers 413 to a request whose body is longer than
    ``max_body`` bytes, by its Content-Length or, without one, as it arrives, before the
    application reads it whole."""

    def __init__(self, app, max_body: int = DEFAULT_MAX_BODY):
        self.app, self.max_body = app, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await self._refuse(scope, receive, send)
            return
        seen = 0

        async def bounded_receive():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise _BodyTooLarge
            return message

        try:
            await self.app(scope, bounded_receive, send)
        except _BodyTooLarge:
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope, receive, send):
        message = f"the request body is longer than the {self.max_body:,} bytes accepted here\n"
        response = PlainTextResponse(message, status_code=413)
        await response(scope, receive, send)


class _BodyTooLarge(Exception):
    pass


class StandardHeaders:
    """ASGI middleware for what every answer of a public read-only server shares:
    ``X-Content-Type-Options``, ``X-Frame-Options`` and ``Referrer-Policy`` on all, and
    :data:`CONTENT_SECURITY_POLICY` on HTML pages that set no policy of their own; CORS
    (``Access-Control-Allow-Origin: *``, the data being public and no request carrying
    credentials) with answers to preflight ``OPTIONS``; and ``HEAD`` on every ``GET``
    resource, answered with the GET's headers and no body."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] == "OPTIONS":
            headers = {**_CORS_PREFLIGHT, "Allow": "GET, HEAD, POST, OPTIONS"}
            await Response(status_code=204, headers=headers)(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                headers += [(k, v) for k, v in _STANDARD_HEADERS if k not in names]
                content_type = dict(headers).get(b"content-type", b"")
                if content_type.startswith(b"text/html") and (
                    b"content-security-policy" not in names
                ):
                    headers.append((b"content-security-policy", CONTENT_SECURITY_POLICY.encode()))
                message = {**message, "headers": headers}
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(
    project: Project,
    *,
    store: ox.Store | str | Path | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_rows: int = DEFAULT_MAX_ROWS,
    workers: int = 2,
    public_url: str = "http://127.0.0.1:8000/",
    max_body: int = DEFAULT_MAX_BODY,
    **pool_options,
) -> FastAPI:
    """The linked-data server of ``project`` as a FastAPI app: ``/sparql``, the entity
    IRIs and their pages, the landing page, search, named queries, ``/void``, ``/dumps``,
    ``/ontology`` and ``/context.jsonld``. ``store`` is a store directory (default: the
    project's, opened read-only) or a pyoxigraph Store; each ``/sparql`` query may run
    ``timeout`` seconds and return ``max_rows`` rows, in one of ``workers`` worker
    processes started with the app and stopped when it shuts down. ``pool_options`` are
    the further limits of :class:`~regiokg.serve.worker.WorkerPool` (``max_bytes``,
    ``memory_mb``, ``light_seconds``, ``expensive_per_client``, ``max_expensive``).
    ``public_url`` is the address the server is published at, which ``/void`` names (the
    Host header of a request is never copied into a document); request bodies longer than
    ``max_body`` bytes are refused."""
    site = Site.open(
        project,
        store=store,
        timeout=timeout,
        max_rows=max_rows,
        workers=workers,
        pool_options=pool_options,
        public_url=public_url,
    )

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
    app.add_middleware(BodyLimit, max_body=max_body)
    app.add_middleware(StandardHeaders)
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
    public_url: str | None = None,
    **options,
) -> None:
    """Run the server of ``project`` with uvicorn until interrupted (see
    :func:`create_app`; ``public_url`` defaults to ``http://{host}:{port}/``)."""
    import uvicorn

    public_url = public_url or f"http://{host}:{port}/"
    app = create_app(
        project, store=store, timeout=timeout, max_rows=max_rows, public_url=public_url, **options
    )
    uvicorn.run(app, host=host, port=port, log_level="info")
