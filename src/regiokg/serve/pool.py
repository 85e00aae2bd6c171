"""The pool of query workers (:mod:`regiokg.serve.worker`) and the limits it enforces
between clients:

- **time**: a query past ``timeout`` seconds has its worker killed and replaced;
- **fairness**: waiting queries are served round-robin by client address, so one client's
  queue never holds up another's, and a client may keep only ``waiting_per_client``
  queries waiting;
- **expensive queries**: a query still running after ``light_seconds`` counts as expensive.
  Its worker leaves the pool of light workers (a fresh one takes its place, so light queries
  keep flowing), and at most ``expensive_per_client`` such queries per address and
  ``max_expensive`` in all may run at once; past that the query is stopped with
  :class:`~regiokg.serve.worker.QueryRejected` (HTTP 429).
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
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
    """A query waiting for a worker."""

    client: str
    ready: threading.Event = field(default_factory=threading.Event)
    worker: Worker | None = None


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
        self._all: set[Worker] = set()
        self._idle: list[Worker] = []
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

    def _spawn(self) -> Worker:
        worker = Worker(self.store_dir, self.max_rows, self.max_bytes, self.memory_mb)
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

    def _promote(self, worker: Worker, client: str) -> str | None:
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

    def _release(self, worker: Worker, client: str, expensive: bool, broken: bool) -> None:
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
            raise syntax_error(body)
        if tag == "memory":
            raise QueryResourceExceeded(
                f"the query needed more than the {self.memory_mb} MiB of memory a query may "
                "use here"
            )
        if tag == "unsupported":
            raise QueryNotSupported(body)
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
