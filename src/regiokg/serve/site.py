"""The published dataset as the server sees it: a read-only handle on the store, the
named queries, the label index and partner links read once at start-up, the IRI mapping,
the templates, and the pool of query workers that answers ``/sparql``.

Pages run the project's own named queries in the server process (they are bounded and
fast); queries sent by clients go through the :class:`~regiokg.serve.pool.WorkerPool`,
which enforces the time and row limits.
"""

from __future__ import annotations

import gc
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import pyoxigraph as ox
from fastapi.templating import Jinja2Templates
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDFS, SKOS

from regiokg.config import Project
from regiokg.prefixes import PREFIXES, curie, project_prefixes
from regiokg.query import NamedQuery, QueryResult, StoreTarget, load_queries, run
from regiokg.serve.iris import IriMap
from regiokg.serve.pool import WorkerPool
from regiokg.serve.search import LabelIndex
from regiokg.serve.worker import Answer
from regiokg.store import open_store

__all__ = ["Site", "Term"]

HERE = Path(__file__).parent
#: Label properties, most preferred first, for the name a page shows for an IRI.
LABEL_ORDER = [
    str(SKOS.prefLabel),
    str(RDFS.label),
    PREFIXES["schema"] + "name",
    str(FOAF.name),
    str(DCTERMS.title),
    str(SKOS.altLabel),
]
LANGUAGE_ORDER = ["en", "pl", ""]
#: The prefixes graphs are written with (the project's one table).
CURIES = PREFIXES


@dataclass
class Term:
    """How a page shows one RDF term: its ``text``, the ``href`` it links to (None for
    literals and for IRIs that are not http(s)), the full ``iri``, and for literals the
    ``lang`` tag or ``datatype`` CURIE; ``external`` marks links leaving this server."""

    text: str
    href: str | None = None
    iri: str | None = None
    lang: str | None = None
    datatype: str | None = None
    external: bool = False


@dataclass
class Site:
    """Everything the routes share; build it with :meth:`open`."""

    project: Project
    store: ox.Store
    store_dir: Path
    timeout: float
    max_rows: int
    workers: int = 2
    iris: IriMap = None  # type: ignore[assignment]
    queries: dict[str, NamedQuery] = field(default_factory=dict)
    labels: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict)
    types: dict[str, list[str]] = field(default_factory=dict)
    index: LabelIndex = None  # type: ignore[assignment]
    partners: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    templates: Jinja2Templates = None  # type: ignore[assignment]
    pool: WorkerPool | None = None
    cache: dict[str, Any] = field(default_factory=dict)
    scratch: Path | None = None
    #: Further :class:`WorkerPool` limits (memory, bytes, expensive queries per client).
    pool_options: dict[str, Any] = field(default_factory=dict)
    #: The address the server is published at; documents name it, never a Host header.
    public_url: str = "http://127.0.0.1:8000/"
    _limiter: Any = None

    @classmethod
    def open(
        cls,
        project: Project,
        *,
        store: ox.Store | str | Path | None = None,
        timeout: float,
        max_rows: int,
        workers: int = 2,
        pool_options: dict[str, Any] | None = None,
        public_url: str = "http://127.0.0.1:8000/",
    ) -> Site:
        """The site of ``project`` over ``store``: a store directory (default: the
        project's), or a pyoxigraph Store, which is copied into a temporary directory so
        that the query workers can open it too. Reads the labels and partner links.
        ``pool_options`` go to the :class:`WorkerPool`; ``public_url`` is the server's
        public address."""
        scratch = None
        if isinstance(store, ox.Store):
            scratch = Path(tempfile.mkdtemp(prefix="regiokg-serve-"))
            copy = ox.Store(str(scratch / "store"))
            copy.bulk_extend(store.quads_for_pattern(None, None, None, None))
            copy.flush()
            # RocksDB releases its lock only when the writer is gone.
            del copy
            gc.collect()
            store = scratch / "store"
        store_dir = Path(store if store is not None else project.store_dir)
        site = cls(
            project=project,
            store=open_store(store_dir, read_only=True),
            store_dir=store_dir,
            timeout=timeout,
            max_rows=max_rows,
            workers=workers,
            pool_options=dict(pool_options or {}),
            public_url=public_url.rstrip("/") + "/",
            iris=IriMap(project),
            queries=load_queries(project),
            scratch=scratch,
        )
        site._read_labels()
        site._read_partners()
        # Autoescape everything: labels and literals come from data anyone could write.
        loader = jinja2.FileSystemLoader(str(HERE / "templates"))
        site.templates = Jinja2Templates(env=jinja2.Environment(loader=loader, autoescape=True))
        site.templates.env.globals["site"] = site
        return site

    def run(self, name: str, **params) -> QueryResult:
        """Run the named query ``name`` with ``params`` on the store."""
        return run(self.target, self.queries[name], params)

    @property
    def target(self) -> StoreTarget:
        """The served store as a query target (for the export stage's documents too)."""
        return StoreTarget(self.store, where=str(self.store_dir))

    def _read_labels(self) -> None:
        labels: dict[str, dict[tuple[int, int], str]] = defaultdict(dict)
        types: dict[str, set[str]] = defaultdict(set)
        pairs = set()
        for row in self.run("label_index"):
            iri, prop, label = str(row["entity"]), str(row["property"]), row["label"]
            lang = (label.language or "").lower()
            rank = (
                LABEL_ORDER.index(prop),
                LANGUAGE_ORDER.index(lang) if lang in LANGUAGE_ORDER else len(LANGUAGE_ORDER),
            )
            # Several labels of one rank: keep the first in sort order, for stable pages.
            labels[iri].setdefault(rank, str(label))
            pairs.add((iri, str(label)))
            if row["type"] is not None:
                types[iri].add(str(row["type"]))
        self.labels = dict(labels)
        self.types = {iri: sorted(t) for iri, t in types.items()}
        self.index = LabelIndex(sorted(pairs), self.types)

    def _read_partners(self) -> None:
        partners: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for row in self.run("partner_links"):
            a, b, via = str(row["a"]), str(row["b"]), str(row["via"])
            partners[a][b].add(via)
            partners[b][a].add(via)
        self.partners = {k: dict(v) for k, v in partners.items()}

    @property
    def label_properties(self) -> set[str]:
        """The properties whose values are labels (``rdfs:label``, ``skos:prefLabel``…)."""
        return set(LABEL_ORDER)

    def cached(self, key: str, make: Callable[[], Any]) -> Any:
        """What ``make()`` gives, made once and kept under ``key`` (the store is read-only
        while the server runs, so what is read from it stays true)."""
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]

    def graph_documents(self) -> dict[str, str]:
        """Named graph IRI -> the IRI of the source document it holds."""
        return self.cached(
            "graph_documents",
            lambda: {
                str(row["graph"]): str(row["document"])
                for row in self.run("source_graphs")
                if row["document"] is not None
            },
        )

    def label(self, iri: str, lang: str | None = None) -> str | None:
        """The label a page shows for ``iri`` (English, then Polish, then untagged), or
        with ``lang`` only a label in that language; None when it has none."""
        ranked = self.labels.get(iri, {})
        for rank in sorted(ranked):
            known = rank[1] < len(LANGUAGE_ORDER)
            if lang is None or (known and LANGUAGE_ORDER[rank[1]] == lang):
                return ranked[rank]
        return None

    def curie(self, iri: str) -> str:
        """``iri`` shortened with the project's prefixes (``rkg:Event``), or as is."""
        return curie(iri, project_prefixes(self.project)) or iri

    def term(self, node) -> Term:
        """How a page shows an rdflib term (see :class:`Term`)."""
        if isinstance(node, URIRef):
            iri = str(node)
            href = self.iris.href(iri)
            return Term(
                text=self.label(iri) or self.curie(iri),
                href=href,
                iri=iri,
                external=href is not None and href == iri,
            )
        if isinstance(node, BNode):
            return Term(text=f"_:{node}")
        if isinstance(node, Literal):
            datatype = None
            if node.datatype is not None and not node.language:
                datatype = self.curie(str(node.datatype))
            return Term(text=str(node), lang=node.language, datatype=datatype)
        return Term(text=str(node))

    def start(self) -> None:
        """Start the query workers (idempotent)."""
        if self.pool is None:
            self.pool = WorkerPool(
                self.store_dir,
                size=self.workers,
                timeout=self.timeout,
                max_rows=self.max_rows,
                **self.pool_options,
            )

    async def answer(self, job: dict, client: str) -> Answer:
        """Run the query ``job`` for the client at address ``client`` in the worker pool
        (see :meth:`WorkerPool.run`). Waiting for the answer holds a thread of a limiter of
        its own, so that slow queries never take the threads that render pages."""
        import anyio

        self.start()
        if self._limiter is None:
            pool = self.pool
            self._limiter = anyio.CapacityLimiter(pool.max_waiting + pool.size + pool.max_expensive)
        return await anyio.to_thread.run_sync(self.pool.run, job, client, limiter=self._limiter)

    def close(self) -> None:
        """Stop the workers and remove the temporary copy of an in-memory store."""
        if self.pool is not None:
            self.pool.close()
            self.pool = None
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
