"""Queries under limits: every SPARQL query sent to the server runs in a worker process
that holds its own read-only handle on the store. pyoxigraph cannot cancel a running
query, so a process is the unit that can be stopped.

The limits a worker enforces on itself:

- **no network**: at start the worker moves into a network namespace of its own (Linux
  ``unshare``), so the engine can reach no address even if a federated query got past
  :mod:`regiokg.serve.guard`;
- **memory**: its data segment is capped (``RLIMIT_DATA``); a query that needs more ends the
  worker, and the pool answers with :class:`QueryResourceExceeded`;
- **answer size**: at most ``max_rows`` solutions (or triples) and ``max_bytes`` of terms;
  a longer answer is cut and flagged.

The limits the :class:`WorkerPool` enforces between clients:

- **time**: a query past ``timeout`` seconds has its worker killed and replaced;
- **fairness**: waiting queries are served round-robin by client address, so one client's
  queue never holds up another's;
- **expensive queries**: a query still running after ``light_seconds`` counts as expensive.
  Its worker leaves the pool of light workers (a fresh one takes its place, so light queries
  keep flowing), and at most ``expensive_per_client`` such queries per address and
  ``max_expensive`` in all may run at once; past that the query is stopped with
  :class:`QueryRejected` (HTTP 429).

SELECT and ASK answers travel as SPARQL 1.1 Results JSON, graphs as N-Triples; the server
re-serialises them in the format the client asked for.
"""

from __future__ import annotations

import ctypes
import json
import multiprocessing
import re
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_WORKER_MEMORY_MB",
    "Answer",
    "QueryFailed",
    "QueryRejected",
    "QueryResourceExceeded",
    "QuerySyntaxError",
    "QueryTimeout",
    "WorkerPool",
    "answer_query",
    "isolate_network",
    "limit_memory",
]

#: Bytes of terms an answer holds at most before it is cut.
DEFAULT_MAX_BYTES = 32 * 1024 * 1024
#: Memory (data segment) a query worker may use, in MiB.
DEFAULT_WORKER_MEMORY_MB = 2048

# Spawned, not forked: RocksDB handles and the server's threads do not survive a fork.
_CONTEXT = multiprocessing.get_context("spawn")
_CLONE_NEWNET = 0x40000000
_CLONE_NEWUSER = 0x10000000
# Per term in an answer: quotes, type, datatype and separators of its JSON form.
_TERM_OVERHEAD = 48


class QueryFailed(RuntimeError):
    """The store could not answer a query (an evaluation error); the message says why.
    ``status`` is the HTTP status the server answers with."""

    status = 500


class QuerySyntaxError(QueryFailed):
    """The query text is not SPARQL 1.1; ``line`` and ``column`` point at the error."""

    status = 400

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        self.line, self.column = line, column
        super().__init__(message)


class QueryTimeout(QueryFailed):
    """The query ran longer than the time limit and its worker was stopped, or no worker
    became free in time."""

    status = 503


class QueryRejected(QueryFailed):
    """The query was not run or was stopped because its client already has as many
    queries running or waiting as the server allows one address."""

    status = 429


class QueryResourceExceeded(QueryFailed):
    """The query's worker ended while answering, almost always because the query needed
    more memory than a worker may use."""

    status = 503


@dataclass
class Answer:
    """A worker's answer: ``form`` is ``SELECT``, ``ASK`` or ``GRAPH`` (CONSTRUCT and
    DESCRIBE); ``payload`` holds Results JSON (SELECT, ASK) or N-Triples (GRAPH);
    ``size`` counts the rows or triples kept and ``truncated`` says whether more were
    cut at the row or byte limit."""

    form: str
    payload: bytes
    size: int = 0
    truncated: bool = False
    variables: list[str] = field(default_factory=list)


def isolate_network() -> bool:
    """Move the calling process into a new, empty network namespace (Linux), so that
    nothing it runs can open a connection to any address, loopback included. Tries a
    plain network namespace (needs CAP_SYS_ADMIN, as root has) and then one inside a new
    user namespace (for unprivileged users where the kernel allows it). Returns whether
    the process is now isolated; it must be called before the process starts threads."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    unshare = getattr(libc, "unshare", None)
    if unshare is None:
        return False
    return any(unshare(flags) == 0 for flags in (_CLONE_NEWNET, _CLONE_NEWUSER | _CLONE_NEWNET))


def limit_memory(megabytes: int) -> None:
    """Cap the calling process's data segment (heap and private anonymous mappings) at
    ``megabytes`` MiB, so that an allocation past it fails and ends the process instead
    of growing the machine's memory; mapped store files do not count."""
    import resource

    limit = megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    # RDF-star quoted triples: shown as their N-Triples text, which every client can read.
    return {"type": "literal", "value": str(term)}


def _within(items, max_rows: int, max_bytes: int, size) -> tuple[list, bool]:
    """The first items that fit ``max_rows`` and ``max_bytes`` (measured by ``size``),
    and whether any were left out."""
    kept, used = [], 0
    for item in islice(items, max_rows + 1):
        used += size(item)
        if len(kept) == max_rows or used > max_bytes:
            return kept, True
        kept.append(item)
    return kept, False


def answer_query(
    store: ox.Store, request: dict, max_rows: int, max_bytes: int = DEFAULT_MAX_BYTES
) -> Answer:
    """Run one query ``request`` (``query`` text, optional ``default_graph`` and
    ``named_graphs`` IRI lists) on ``store`` and keep at most ``max_rows`` rows or
    triples and ``max_bytes`` of term text. Without ``default_graph`` the default graph is
    the union of the named graphs, as in :func:`regiokg.query.run`. Raises SyntaxError or
    OSError as pyoxigraph does."""
    options: dict = {"use_default_graph_as_union": not request.get("default_graph")}
    if request.get("default_graph"):
        options["default_graph"] = [ox.NamedNode(iri) for iri in request["default_graph"]]
    if request.get("named_graphs"):
        options["named_graphs"] = [ox.NamedNode(iri) for iri in request["named_graphs"]]
    result = store.query(request["query"], **options)
    if isinstance(result, ox.QueryBoolean):
        return Answer("ASK", json.dumps({"head": {}, "boolean": bool(result)}).encode(), 1)
    if isinstance(result, ox.QueryTriples):
        kept, cut = _within(result, max_rows, max_bytes, lambda t: len(str(t)) + 4)
        payload = ox.serialize(kept, format=ox.RdfFormat.N_TRIPLES) or b""
        return Answer("GRAPH", payload, len(kept), cut)
    variables = [v.value for v in result.variables]

    def row_size(row) -> int:
        return sum(len(str(term)) + _TERM_OVERHEAD for term in row if term is not None)

    rows, cut = _within(result, max_rows, max_bytes, row_size)
    bindings = [{v: _json_term(row[v]) for v in variables if row[v] is not None} for row in rows]
    document = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    payload = json.dumps(document, ensure_ascii=False).encode("utf-8")
    return Answer("SELECT", payload, len(bindings), cut, variables)


def _work(connection, store_dir: str, max_rows: int, max_bytes: int, memory_mb: int) -> None:
    # Both limits are set before the store opens: RocksDB starts threads, and a process
    # with threads may not enter a new user namespace.
    isolated = isolate_network()
    limit_memory(memory_mb)
    from regiokg.store import open_store

    store = open_store(store_dir, read_only=True)
    connection.send(("ready", isolated))
    while True:
        try:
            request = connection.recv()
        except (EOFError, KeyboardInterrupt):
            return
        try:
            reply = ("answer", answer_query(store, request, max_rows, max_bytes))
        except SyntaxError as exc:
            reply = ("syntax", exc.msg or str(exc))
        except MemoryError:
            reply = ("memory", None)
        except Exception as exc:  # an evaluation error must not end the worker
            reply = ("failed", f"{type(exc).__name__}: {exc}")
        connection.send(reply)


_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)


def _syntax_error(message: str) -> QuerySyntaxError:
    match = _POSITION.match(message)
    if match is None:
        return QuerySyntaxError(f"SPARQL syntax error: {message}")
    line, column = int(match[1]), int(match[2])
    return QuerySyntaxError(
        f"SPARQL syntax error at line {line}, column {column}: {match[3]}", line, column
    )


class _Worker:
    def __init__(self, store_dir: str, max_rows: int, max_bytes: int, memory_mb: int):
        self.connection, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(
            target=_work,
            args=(child, store_dir, max_rows, max_bytes, memory_mb),
            daemon=True,
            name="regiokg-query",
        )
        self.process.start()
        child.close()
        self.ready = False
        self.isolated: bool | None = None

    def wait_ready(self, seconds: float) -> None:
        if self.ready:
            return
        if not self.connection.poll(seconds):
            raise QueryFailed(f"the query worker did not start within {seconds:g} s")
        tag, isolated = self.connection.recv()
        self.ready, self.isolated = tag == "ready", bool(isolated)

    def stop(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.connection.close()


@dataclass(eq=False)
class _Ticket:
    """A query waiting for a worker."""

    client: str
    ready: threading.Event = field(default_factory=threading.Event)
    worker: _Worker | None = None


class WorkerPool:
    """Query workers with read-only handles on the store in ``store_dir``, under the
    limits the module docstring lists. ``size`` workers answer light queries; up to
    ``max_expensive`` more run expensive ones. :meth:`run` waits at most ``timeout``
    seconds for a free worker and as long again for the answer. Thread-safe: the server
    calls it from its request threads."""

    def __init__(
        self,
        store_dir: str | Path,
        *,
        size: int = 2,
        timeout: float,
        max_rows: int,
        max_bytes: int = DEFAULT_MAX_BYTES,
        memory_mb: int = DEFAULT_WORKER_MEMORY_MB,
        light_seconds: float = 1.0,
        expensive_per_client: int = 1,
        max_expensive: int = 2,
        waiting_per_client: int = 16,
        max_waiting: int = 256,
    ):
        self.store_dir, self.timeout, self.max_rows = str(store_dir), timeout, max_rows
        self.max_bytes, self.memory_mb, self.size = max_bytes, memory_mb, size
        self.light_seconds = light_seconds
        self.expensive_per_client, self.max_expensive = expensive_per_client, max_expensive
        self.waiting_per_client, self.max_waiting = waiting_per_client, max_waiting
        self._lock = threading.Lock()
        self._all: set[_Worker] = set()
        self._idle: list[_Worker] = []
        self._waiting: dict[str, deque[_Ticket]] = {}
        self._turns: deque[str] = deque()
        self._expensive: dict[str, int] = defaultdict(int)
        self._closed = False
        with self._lock:
            for _ in range(size):
                self._idle.append(self._spawn())

    @property
    def isolated(self) -> bool | None:
        """Whether the started workers run without network access (None before any has
        started)."""
        with self._lock:
            states = {w.isolated for w in self._all if w.isolated is not None}
        return None if not states else all(states)

    def _spawn(self) -> _Worker:
        worker = _Worker(self.store_dir, self.max_rows, self.max_bytes, self.memory_mb)
        self._all.add(worker)
        return worker

    def _capacity(self) -> int:
        return self.size + sum(self._expensive.values())

    def _hand_out(self) -> None:
        """Give idle workers to waiting tickets, one client at a time in turn."""
        while self._idle and self._turns:
            client = self._turns.popleft()
            tickets = self._waiting[client]
            ticket = tickets.popleft()
            if tickets:
                self._turns.append(client)
            else:
                del self._waiting[client]
            ticket.worker = self._idle.pop()
            ticket.ready.set()

    def _enqueue(self, client: str) -> _Ticket:
        ticket = _Ticket(client)
        with self._lock:
            if self._closed:
                raise QueryFailed("the server is shutting down")
            waiting = self._waiting.get(client)
            if waiting is not None and len(waiting) >= self.waiting_per_client:
                raise QueryRejected(
                    f"{len(waiting)} queries from your address are already waiting; send the "
                    "next when one has been answered"
                )
            if sum(len(q) for q in self._waiting.values()) >= self.max_waiting:
                raise QueryTimeout("the server is busy; try again in a few seconds")
            if waiting is None:
                self._waiting[client] = waiting = deque()
                self._turns.append(client)
            waiting.append(ticket)
            self._hand_out()
        return ticket

    def _withdraw(self, ticket: _Ticket) -> bool:
        """Take a ticket that got no worker out of the queue; False if it got one."""
        with self._lock:
            if ticket.worker is not None:
                return False
            tickets = self._waiting.get(ticket.client)
            if tickets is not None and ticket in tickets:
                tickets.remove(ticket)
                if not tickets:
                    del self._waiting[ticket.client]
                    self._turns.remove(ticket.client)
            return True

    def _promote(self, worker: _Worker, client: str) -> str | None:
        """Count ``worker``'s query as expensive and add a light worker in its place, or
        say why it may not run on."""
        with self._lock:
            if self._expensive[client] >= self.expensive_per_client:
                return (
                    f"your address already runs {self._expensive[client]} expensive "
                    f"quer{'y' if self._expensive[client] == 1 else 'ies'} (running longer "
                    f"than {self.light_seconds:g} s), as many as this server allows one "
                    "address; this one was stopped: send it again when the other is answered"
                )
            if sum(self._expensive.values()) >= self.max_expensive:
                return (
                    f"this server already runs {self.max_expensive} expensive queries "
                    f"(running longer than {self.light_seconds:g} s); this one was stopped: "
                    "try again in a little while"
                )
            self._expensive[client] += 1
            if not self._closed:
                self._idle.append(self._spawn())
                self._hand_out()
            return None

    def _release(self, worker: _Worker, client: str, expensive: bool, broken: bool) -> None:
        with self._lock:
            if expensive:
                self._expensive[client] -= 1
                if not self._expensive[client]:
                    del self._expensive[client]
            surplus = len(self._all) > self._capacity()
            if broken or surplus or self._closed:
                self._all.discard(worker)
                stop = True
            else:
                self._idle.append(worker)
                stop = False
            if not self._closed and len(self._all) < self._capacity():
                self._idle.append(self._spawn())
            self._hand_out()
        if stop:
            worker.stop()

    def run(self, request: dict, client: str = "") -> Answer:
        """Answer one query ``request`` (see :func:`answer_query`) for the client at
        address ``client``; raises :class:`QuerySyntaxError`, :class:`QueryFailed`,
        :class:`QueryTimeout`, :class:`QueryRejected` or :class:`QueryResourceExceeded`,
        each with a message for the person who asked."""
        ticket = self._enqueue(client)
        if not ticket.ready.wait(self.timeout) and self._withdraw(ticket):
            raise QueryTimeout(
                f"every query worker stayed busy for {self.timeout:g} s; try again later"
            )
        worker = ticket.worker
        expensive = broken = False
        try:
            # A fresh worker's start-up (opening the store) does not count against the query.
            worker.wait_ready(max(30.0, self.timeout))
            worker.connection.send(request)
            started = time.monotonic()
            if not worker.connection.poll(min(self.light_seconds, self.timeout)):
                if self.light_seconds < self.timeout:
                    reason = self._promote(worker, client)
                    if reason is not None:
                        broken = True
                        raise QueryRejected(reason)
                    expensive = True
                left = self.timeout - (time.monotonic() - started)
                if left <= 0 or not worker.connection.poll(left):
                    broken = True
                    raise QueryTimeout(
                        f"the query was stopped after {self.timeout:g} s, the time limit per "
                        "query of this server"
                    )
            tag, body = worker.connection.recv()
        except (OSError, EOFError):
            broken = True
            raise QueryResourceExceeded(
                f"the query ended its worker process, almost always because it needed more "
                f"than the {self.memory_mb} MiB of memory a query may use here; nothing was "
                "answered: narrow it (fewer joins, a LIMIT, no ORDER BY over everything)"
            ) from None
        finally:
            self._release(worker, client, expensive, broken)
        if tag == "syntax":
            raise _syntax_error(body)
        if tag == "memory":
            raise QueryResourceExceeded(
                f"the query needed more than the {self.memory_mb} MiB of memory a query may "
                "use here"
            )
        if tag == "failed":
            raise QueryFailed(body)
        return body

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            self._closed = True
            workers, self._all, self._idle = list(self._all), set(), []
        for worker in workers:
            worker.stop()
