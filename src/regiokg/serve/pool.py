"""The pool of query workers (:mod:`regiokg.serve.worker`) and the limits it enforces
between clients:

- **time**: a query past ``timeout`` seconds has its worker killed and replaced;
- **fairness**: waiting queries are served round-robin by client address, so one client's
  queue never holds up another's, and a client may keep only ``waiting_per_client``
  queries waiting;
- **expensive queries**: a query still running after ``light_seconds`` counts as expensive.
  Its worker leaves the pool of light workers and a warm spare takes its place, so light
  queries keep flowing; at most ``expensive_per_client`` such queries per address and
  ``max_expensive`` in all may run at once, and past that the query is stopped with
  :class:`~regiokg.serve.worker.QueryRejected` (HTTP 429). The pool remembers the texts of
  expensive queries: sent again, such a query goes straight to a worker of its own, or is
  refused at once, and never takes a light worker's time again.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict, defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path

from regiokg.serve.worker import (
    DEFAULT_MAX_BYTES,
    DEFAULT_WORKER_MEMORY_MB,
    Answer,
    QueryFailed,
    QueryNotSupported,
    QueryRejected,
    QueryResourceExceeded,
    QueryTimeout,
    Worker,
    syntax_error,
)

__all__ = ["WorkerPool"]


@dataclass(eq=False)
class _Ticket:
    """A query waiting for a light worker."""

    client: str
    ready: threading.Event = field(default_factory=threading.Event)
    worker: Worker | None = None


#: How many texts of expensive queries the pool remembers.
_REMEMBERED = 4096


class WorkerPool:
    """Query workers with read-only handles on the store in ``store_dir``, under the
    limits the module docstring lists: ``size`` light workers, ``spares`` warm spares
    that replace a light worker at once, and up to ``max_expensive`` workers running
    expensive queries. :meth:`run` waits at most ``queue_seconds`` for a light worker
    (default: ``timeout``, and at least 15 s: a burst of queries should wait its turn, not
    fail) and ``timeout`` for the answer. Thread-safe: the server calls it from its request
    threads."""

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
        queue_seconds: float | None = None,
        spares: int = 2,
    ):
        self.store_dir, self.timeout, self.max_rows = str(store_dir), timeout, max_rows
        self.max_bytes, self.memory_mb, self.size = max_bytes, memory_mb, size
        self.light_seconds = light_seconds
        self.expensive_per_client, self.max_expensive = expensive_per_client, max_expensive
        self.waiting_per_client, self.max_waiting = waiting_per_client, max_waiting
        self.queue_seconds = max(timeout, 15.0) if queue_seconds is None else queue_seconds
        self.spares = spares
        self._lock = threading.Lock()
        self._all: set[Worker] = set()
        self._idle: list[Worker] = []
        self._spare: list[Worker] = []
        self._waiting: dict[str, deque[_Ticket]] = {}
        self._turns: deque[str] = deque()
        self._expensive: dict[str, int] = defaultdict(int)
        self._known_expensive: OrderedDict[bytes, None] = OrderedDict()
        self._closed = False
        with self._lock:
            self._idle.extend(self._spawn() for _ in range(size))
            self._refill()

    @property
    def isolated(self) -> bool | None:
        """Whether the started workers run without network access (None before any has
        started)."""
        with self._lock:
            states = {w.isolated for w in self._all if w.isolated is not None}
        return None if not states else all(states)

    # --- workers (all under the lock) ---------------------------------------------------

    def _spawn(self) -> Worker:
        worker = Worker(self.store_dir, self.max_rows, self.max_bytes, self.memory_mb)
        self._all.add(worker)
        return worker

    def _refill(self) -> None:
        while not self._closed and len(self._spare) < self.spares:
            self._spare.append(self._spawn())

    def _take_spare(self) -> Worker:
        worker = self._spare.pop(0) if self._spare else self._spawn()
        self._refill()
        return worker

    def _hand_out(self) -> None:
        """Give idle light workers to waiting tickets, one client at a time in turn."""
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

    # --- light queue --------------------------------------------------------------------

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

    # --- expensive queries --------------------------------------------------------------

    def _remember(self, fingerprint: bytes) -> None:
        with self._lock:
            self._known_expensive[fingerprint] = None
            self._known_expensive.move_to_end(fingerprint)
            while len(self._known_expensive) > _REMEMBERED:
                self._known_expensive.popitem(last=False)

    def _admit(self, client: str) -> str | None:
        """Count one more expensive query of ``client``, or say why it may not run."""
        with self._lock:
            running = self._expensive[client]
            if running >= self.expensive_per_client:
                return (
                    f"your address already runs {running} expensive "
                    f"quer{'y' if running == 1 else 'ies'} (running longer than "
                    f"{self.light_seconds:g} s), as many as this server allows one address; "
                    "send this one again when the other is answered"
                )
            if sum(self._expensive.values()) >= self.max_expensive:
                return (
                    f"this server already runs {self.max_expensive} expensive queries "
                    f"(running longer than {self.light_seconds:g} s); try again in a little "
                    "while"
                )
            self._expensive[client] += 1
            return None

    def _promote(self, worker: Worker) -> None:
        """``worker`` now runs an expensive query: a spare takes its place among the
        light workers."""
        with self._lock:
            if not self._closed:
                self._idle.append(self._take_spare())
                self._hand_out()

    def _release(self, worker: Worker, client: str, *, light: bool, expensive: bool, broken: bool):
        """Take ``worker`` back after a query: a sound light worker waits for the next;
        any other is stopped, and a broken light worker is replaced by a spare."""
        with self._lock:
            if expensive:
                self._expensive[client] -= 1
                if not self._expensive[client]:
                    del self._expensive[client]
            keep = light and not broken and not expensive and not self._closed
            if keep:
                self._idle.append(worker)
            else:
                self._all.discard(worker)
                if light and not expensive and not self._closed:
                    self._idle.append(self._take_spare())
            self._hand_out()
        if not keep:
            worker.stop()

    # --- running a query ----------------------------------------------------------------

    def run(self, request: dict, client: str = "") -> Answer:
        """Answer one query ``request`` (see :func:`answer_query`) for the client at
        address ``client``; raises :class:`QuerySyntaxError`, :class:`QueryFailed`,
        :class:`QueryTimeout`, :class:`QueryRejected` or :class:`QueryResourceExceeded`,
        each with a message for the person who asked."""
        fingerprint = hashlib.sha256(repr(sorted(request.items())).encode()).digest()
        if fingerprint in self._known_expensive:
            return self._run_expensive(request, client, fingerprint)
        ticket = self._enqueue(client)
        if not ticket.ready.wait(self.queue_seconds) and self._withdraw(ticket):
            raise QueryTimeout(
                f"every query worker stayed busy for {self.queue_seconds:g} s; try again later"
            )
        worker = ticket.worker
        if fingerprint in self._known_expensive:  # learnt while this one waited
            self._release(worker, client, light=True, expensive=False, broken=False)
            return self._run_expensive(request, client, fingerprint)
        expensive = broken = False
        try:
            kind, (tag, body) = self._ask(worker, request, fingerprint, client)
            expensive = kind == "expensive"
        except _Stopped as stop:
            broken, expensive = True, stop.expensive
            raise stop.error from None
        finally:
            self._release(worker, client, light=True, expensive=expensive, broken=broken)
        return _result(tag, body, self.memory_mb)

    def _ask(self, worker: Worker, request: dict, fingerprint: bytes, client: str):
        """Send ``request`` to a light ``worker`` and wait for the answer, promoting the
        query when it turns expensive. Returns ``("light", reply)`` or
        ``("expensive", reply)``; raises :class:`_Stopped`."""
        # A fresh worker's start-up (opening the store) does not count against the query.
        self._wait_ready(worker)
        self._send(worker, request)
        started = time.monotonic()
        if self._poll(worker, min(self.light_seconds, self.timeout), False):
            return "light", self._receive(worker, False)
        if self.light_seconds >= self.timeout:
            raise _Stopped(self._timed_out(), expensive=False)
        self._remember(fingerprint)
        reason = self._admit(client)
        if reason is not None:
            raise _Stopped(QueryRejected(reason), expensive=False)
        self._promote(worker)
        left = self.timeout - (time.monotonic() - started)
        if not self._poll(worker, left, True):
            raise _Stopped(self._timed_out(), expensive=True)
        return "expensive", self._receive(worker, True)

    def _run_expensive(self, request: dict, client: str, fingerprint: bytes) -> Answer:
        reason = self._admit(client)
        if reason is not None:
            raise QueryRejected(reason)
        with self._lock:
            worker = self._take_spare()
        broken = False
        try:
            self._wait_ready(worker)
            self._send(worker, request)
            if not self._poll(worker, self.timeout, True):
                broken = True
                raise self._timed_out()
            tag, body = self._receive(worker, True)
        except _Stopped as stop:
            broken = True
            raise stop.error from None
        finally:
            self._release(worker, client, light=False, expensive=True, broken=broken)
        return _result(tag, body, self.memory_mb)

    # --- talking to a worker ------------------------------------------------------------

    def _wait_ready(self, worker: Worker) -> None:
        try:
            worker.wait_ready(max(30.0, self.timeout))
        except (OSError, EOFError, QueryFailed) as exc:
            error = QueryFailed(f"the query worker failed to start: {exc}")
            raise _Stopped(error, False) from None

    def _send(self, worker: Worker, request: dict) -> None:
        try:
            worker.connection.send(request)
        except (OSError, EOFError):
            raise _Stopped(self._died(), False) from None

    def _poll(self, worker: Worker, seconds: float, expensive: bool) -> bool:
        try:
            return seconds > 0 and worker.connection.poll(seconds)
        except (OSError, EOFError):
            raise _Stopped(self._died(), expensive) from None

    def _receive(self, worker: Worker, expensive: bool):
        try:
            return worker.connection.recv()
        except (OSError, EOFError):
            raise _Stopped(self._died(), expensive) from None

    def _timed_out(self) -> QueryTimeout:
        return QueryTimeout(
            f"the query was stopped after {self.timeout:g} s, the time limit per query of "
            "this server"
        )

    def _died(self) -> QueryResourceExceeded:
        return QueryResourceExceeded(
            f"the query ended its worker process, almost always because it needed more "
            f"than the {self.memory_mb} MiB of memory a query may use here; nothing was "
            "answered: narrow it (fewer joins, a LIMIT, no ORDER BY over everything)"
        )

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            self._closed = True
            workers, self._all, self._idle, self._spare = list(self._all), set(), [], []
        for worker in workers:
            worker.stop()


class _Stopped(Exception):
    """A query ended without an answer: ``error`` is what the client is told, and
    ``expensive`` says whether it had been counted as expensive."""

    def __init__(self, error: QueryFailed, expensive: bool):
        self.error, self.expensive = error, expensive
        super().__init__(str(error))


def _result(tag: str, body, memory_mb: int) -> Answer:
    """The answer of a worker's reply, or the error it stands for."""
    if tag == "syntax":
        raise syntax_error(body)
    if tag == "memory":
        raise QueryResourceExceeded(
            f"the query needed more than the {memory_mb} MiB of memory a query may use here"
        )
    if tag == "unsupported":
        raise QueryNotSupported(body)
    if tag == "failed":
        raise QueryFailed(body)
    return body
