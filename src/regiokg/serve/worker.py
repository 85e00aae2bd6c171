"""The query worker: a process that holds its own read-only handle on the store and
answers one SPARQL query at a time. pyoxigraph cannot cancel a running query, so a process
is the unit that can be stopped; :class:`regiokg.serve.pool.WorkerPool` runs several.

The limits a worker enforces on itself:

- **no network**: at start the worker moves into a network namespace of its own (Linux
  ``unshare``), so the engine can reach no address even if a federated query got past
  :mod:`regiokg.serve.guard`;
- **memory**: its data segment is capped (``RLIMIT_DATA``); a query that needs more ends the
  worker, and the pool answers with :class:`QueryResourceExceeded`;
- **answer size**: at most ``max_rows`` solutions (or triples) and ``max_bytes`` of terms;
  a longer answer is cut and flagged.

SELECT and ASK answers travel as SPARQL 1.1 Results JSON, graphs as N-Triples; the server
re-serialises them in the format the client asked for.
"""

from __future__ import annotations

import ctypes
import json
import multiprocessing
from dataclasses import dataclass, field
from itertools import islice

import pyoxigraph as ox

from regiokg.query.errors import syntax_position
from regiokg.query.results import json_term
from regiokg.serve.guard import has_dataset_clause

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_WORKER_MEMORY_MB",
    "Answer",
    "QueryFailed",
    "QueryNotSupported",
    "QueryRejected",
    "QueryResourceExceeded",
    "QuerySyntaxError",
    "QueryTimeout",
    "Worker",
    "answer_query",
    "syntax_error",
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


class QueryNotSupported(QueryFailed):
    """The query is SPARQL but asks for something this engine does not offer (a function
    it does not know, for example)."""

    status = 400


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
    triples and ``max_bytes`` of term text. Without either list (or ``FROM`` in the query,
    which then decides) the default graph is the union of the named graphs, as in
    :func:`regiokg.query.run`; with one list only, the other part of the dataset is empty.
    Raises SyntaxError or OSError as pyoxigraph does."""
    given = bool(request.get("default_graph") or request.get("named_graphs"))
    options: dict = {
        "use_default_graph_as_union": not (given or has_dataset_clause(request["query"]))
    }
    if given:
        # The protocol's graphs are the whole dataset (SPARQL 1.1 Protocol, 2.1.4): named
        # graphs alone leave the default graph empty, a default graph alone no named graphs.
        for option in ("default_graph", "named_graphs"):
            options[option] = [ox.NamedNode(iri) for iri in request.get(option, [])]
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
    bindings = [{v: json_term(row[v]) for v in variables if row[v] is not None} for row in rows]
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
        except RuntimeError as exc:
            # pyoxigraph's word for a query it understands but cannot run (an unknown
            # function, say): the client's mistake, not the server's.
            reply = ("unsupported" if "not supported" in str(exc) else "failed", str(exc))
        except Exception as exc:  # an evaluation error must not end the worker
            reply = ("failed", f"{type(exc).__name__}: {exc}")
        connection.send(reply)


def syntax_error(message: str) -> QuerySyntaxError:
    """The :class:`QuerySyntaxError` for pyoxigraph's message, with its line and column."""
    position = syntax_position(message)
    return QuerySyntaxError(position.message, position[0], position[1])


class Worker:
    """One worker process over the store in ``store_dir``, started at once; it says it is
    ready (and whether its network is isolated) once the store is open."""

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
        """Wait at most ``seconds`` for the worker to have opened the store."""
        if self.ready:
            return
        if not self.connection.poll(seconds):
            raise QueryFailed(f"the query worker did not start within {seconds:g} s")
        tag, isolated = self.connection.recv()
        self.ready, self.isolated = tag == "ready", bool(isolated)

    def stop(self) -> None:
        """End the process, whatever it is doing."""
        self.process.kill()
        self.process.join(timeout=5)
        self.connection.close()
