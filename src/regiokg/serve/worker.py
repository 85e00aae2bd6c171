"""Queries with a deadline: every SPARQL query sent to the server runs in a worker process
that holds its own read-only handle on the store, so a query that outruns its time limit
is stopped by ending that process (pyoxigraph cannot cancel a running query) and a fresh
worker takes its place.

A worker answers at most ``max_rows`` solutions (or triples) and says whether it cut the
answer; SELECT and ASK answers travel as SPARQL 1.1 Results JSON, graphs as N-Triples, and
the server re-serialises them in the format the client asked for.
"""

from __future__ import annotations

import json
import multiprocessing
import queue
import threading
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from regiokg.query.errors import syntax_position
from regiokg.query.results import json_term

__all__ = [
    "Answer",
    "QueryFailed",
    "QuerySyntaxError",
    "QueryTimeout",
    "WorkerPool",
    "answer_query",
]

# Spawned, not forked: RocksDB handles and the server's threads do not survive a fork.
_CONTEXT = multiprocessing.get_context("spawn")


class QueryFailed(RuntimeError):
    """The store could not answer a query (an evaluation error); the message says why."""


class QuerySyntaxError(QueryFailed):
    """The query text is not SPARQL 1.1; ``line`` and ``column`` point at the error."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        self.line, self.column = line, column
        super().__init__(message)


class QueryTimeout(QueryFailed):
    """The query ran longer than the time limit and its worker was stopped."""


@dataclass
class Answer:
    """A worker's answer: ``form`` is ``SELECT``, ``ASK`` or ``GRAPH`` (CONSTRUCT and
    DESCRIBE); ``payload`` holds Results JSON (SELECT, ASK) or N-Triples (GRAPH);
    ``size`` counts the rows or triples kept and ``truncated`` says whether more were
    cut at the row limit."""

    form: str
    payload: bytes
    size: int = 0
    truncated: bool = False
    variables: list[str] = field(default_factory=list)


def answer_query(store: ox.Store, request: dict, max_rows: int) -> Answer:
    """Run one query ``request`` (``query`` text, optional ``default_graph`` and
    ``named_graphs`` IRI lists) on ``store`` and keep at most ``max_rows`` rows or
    triples. Without ``default_graph`` the default graph is the union of the named graphs,
    as in :func:`regiokg.query.run`. Raises SyntaxError or OSError as pyoxigraph does."""
    options: dict = {"use_default_graph_as_union": not request.get("default_graph")}
    if request.get("default_graph"):
        options["default_graph"] = [ox.NamedNode(iri) for iri in request["default_graph"]]
    if request.get("named_graphs"):
        options["named_graphs"] = [ox.NamedNode(iri) for iri in request["named_graphs"]]
    result = store.query(request["query"], **options)
    if isinstance(result, ox.QueryBoolean):
        return Answer("ASK", json.dumps({"head": {}, "boolean": bool(result)}).encode(), 1)
    if isinstance(result, ox.QueryTriples):
        triples = list(islice(result, max_rows + 1))
        kept = triples[:max_rows]
        payload = ox.serialize(kept, format=ox.RdfFormat.N_TRIPLES) or b""
        return Answer("GRAPH", payload, len(kept), len(triples) > max_rows)
    variables = [v.value for v in result.variables]
    rows = list(islice(result, max_rows + 1))
    bindings = [
        {v: json_term(row[v]) for v in variables if row[v] is not None} for row in rows[:max_rows]
    ]
    document = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    payload = json.dumps(document, ensure_ascii=False).encode("utf-8")
    return Answer("SELECT", payload, len(bindings), len(rows) > max_rows, variables)


def _work(connection, store_dir: str, max_rows: int) -> None:
    from regiokg.store import open_store

    store = open_store(store_dir, read_only=True)
    connection.send(("ready", None))
    while True:
        try:
            request = connection.recv()
        except (EOFError, KeyboardInterrupt):
            return
        try:
            reply = ("answer", answer_query(store, request, max_rows))
        except SyntaxError as exc:
            reply = ("syntax", exc.msg or str(exc))
        except Exception as exc:  # an evaluation error must not end the worker
            reply = ("failed", f"{type(exc).__name__}: {exc}")
        connection.send(reply)


def _syntax_error(message: str) -> QuerySyntaxError:
    position = syntax_position(message)
    return QuerySyntaxError(position.message, position[0], position[1])


class _Worker:
    def __init__(self, store_dir: str, max_rows: int):
        self.connection, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(
            target=_work, args=(child, store_dir, max_rows), daemon=True, name="regiokg-query"
        )
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self, seconds: float) -> None:
        if self.ready:
            return
        if not self.connection.poll(seconds):
            raise QueryFailed(f"the query worker did not start within {seconds:g} s")
        tag, _ = self.connection.recv()
        self.ready = tag == "ready"

    def stop(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.connection.close()


class WorkerPool:
    """``size`` worker processes with read-only handles on the store in ``store_dir``.
    :meth:`run` hands a query to an idle worker and waits at most ``timeout`` seconds for
    its answer; past that the worker is killed and replaced, and :class:`QueryTimeout`
    is raised. Thread-safe: the server calls it from its request threads."""

    def __init__(self, store_dir: str | Path, *, size: int = 2, timeout: float, max_rows: int):
        self.store_dir, self.timeout, self.max_rows = str(store_dir), timeout, max_rows
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(size):
            self._add()

    def _add(self) -> None:
        worker = _Worker(self.store_dir, self.max_rows)
        with self._lock:
            self._all.add(worker)
        self._idle.put(worker)

    def _retire(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop()
        if not self._closed:
            self._add()

    def run(self, request: dict) -> Answer:
        """Answer one query ``request`` (see :func:`answer_query`); raises
        :class:`QuerySyntaxError`, :class:`QueryFailed` or :class:`QueryTimeout`."""
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryTimeout(
                f"every query worker stayed busy for {self.timeout:g} s; try again later"
            ) from None
        try:
            # A fresh worker's start-up (opening the store) does not count against the query.
            worker.wait_ready(max(30.0, self.timeout))
            worker.connection.send(request)
            if not worker.connection.poll(self.timeout):
                self._retire(worker)
                worker = None
                raise QueryTimeout(
                    f"the query was stopped after {self.timeout:g} s, the time limit per "
                    "query of this server"
                )
            tag, body = worker.connection.recv()
        except (OSError, EOFError) as exc:
            if worker is not None:
                self._retire(worker)
                worker = None
            raise QueryFailed(f"the query worker failed: {exc}") from exc
        finally:
            if worker is not None:
                self._idle.put(worker)
        if tag == "syntax":
            raise _syntax_error(body)
        if tag == "failed":
            raise QueryFailed(body)
        return body

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.stop()
