"""A bounded load generator for ``regiokg serve`` on this machine's loopback.

``clients`` light clients loop for ``seconds`` over a mix of what researchers do (the
landing page, entity pages, search, named queries, small SPARQL queries), while
``expensive`` further clients send a query that cannot finish within the server's time
limit, again and again. Every request is counted by kind and status with its latency, so
a run tells whether light work keeps flowing while expensive work runs. It refuses any
address outside 127.0.0.0/8 and ::1, and stops by itself.

Run ``python benchmarks/loadgen.py --help``; ``make bench`` runs it against a server it
starts itself.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import itertools
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx

#: Requests of the light clients, taken in turn: (kind, path, query parameters).
LIGHT_MIX = [
    ("page", "/", {}),
    ("page", "/page/org/pppt", {}),
    ("page", "/search", {"q": "klaster"}),
    ("named query", "/queries/cq04_mission_participants", {"format": "json"}),
    ("named query", "/queries/cq12_project_programme_fund", {"format": "json"}),
    ("sparql", "/sparql", {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 20", "format": "json"}),
    (
        "sparql",
        "/sparql",
        {
            "query": "SELECT ?type (COUNT(*) AS ?n) WHERE { ?s a ?type } GROUP BY ?type",
            "format": "json",
        },
    ),
]
#: A query no time limit lets finish: five copies of every triple joined with each other.
EXPENSIVE_QUERY = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
)


@dataclass
class LoadReport:
    """What a run measured: per request kind, the statuses and latencies (seconds)."""

    seconds: float
    statuses: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))

    def light_kinds(self) -> list[str]:
        """The kinds of request the light clients made."""
        return [kind for kind in self.statuses if kind != "expensive"]

    def light_success(self) -> float:
        """The share of light requests answered 200."""
        total = sum(sum(self.statuses[k].values()) for k in self.light_kinds())
        ok = sum(self.statuses[k][200] for k in self.light_kinds())
        return ok / total if total else 0.0

    def rows(self) -> list[dict]:
        """One row per kind: requests, requests/s, statuses, p50 and p99 latency (ms)."""
        out = []
        for kind in sorted(self.statuses):
            latencies = sorted(self.latencies[kind])
            count = sum(self.statuses[kind].values())
            out.append(
                {
                    "kind": kind,
                    "requests": count,
                    "per second": count / self.seconds,
                    "statuses": dict(sorted(self.statuses[kind].items(), key=str)),
                    "p50 ms": 1000 * statistics.median(latencies) if latencies else None,
                    "p99 ms": 1000 * _percentile(latencies, 0.99) if latencies else None,
                }
            )
        return out


def _percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _require_loopback(base_url: str) -> None:
    host = urlsplit(base_url).hostname or ""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ValueError(f"the load generator only targets loopback addresses, not {host!r}")


async def _client(http, requests, report: LoadReport, deadline: float) -> None:
    for kind, path, params in requests:
        if time.monotonic() >= deadline:
            return
        started = time.monotonic()
        try:
            response = await http.get(path, params=params)
            status = response.status_code
        except httpx.HTTPError as exc:
            status = type(exc).__name__
        report.statuses[kind][status] += 1
        report.latencies[kind].append(time.monotonic() - started)
        if status in (429, 503) and kind == "expensive":
            await asyncio.sleep(0.2)  # as a polite client would after Retry-After


async def _run(base_url: str, clients: int, expensive: int, seconds: float) -> LoadReport:
    report = LoadReport(seconds)
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients + expensive + 4)
    timeout = httpx.Timeout(seconds + 30)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=timeout) as http:
        tasks = []
        for number in range(clients):
            # Each client starts at another point of the mix, so the kinds interleave.
            turn = itertools.islice(itertools.cycle(LIGHT_MIX), number, None)
            tasks.append(_client(http, turn, report, deadline))
        heavy = itertools.repeat(("expensive", "/sparql", {"query": EXPENSIVE_QUERY}))
        tasks += [_client(http, heavy, report, deadline) for _ in range(expensive)]
        await asyncio.gather(*tasks)
    return report


def run_load(base_url: str, *, clients: int = 32, expensive: int = 5, seconds: float = 60):
    """Drive the server at ``base_url`` (loopback only) with ``clients`` light clients and
    ``expensive`` clients of expensive queries for ``seconds`` and return the
    :class:`LoadReport`."""
    _require_loopback(base_url)
    return asyncio.run(_run(base_url, clients, expensive, seconds))


def print_report(report: LoadReport) -> None:
    """Print the report as a table."""
    from rich.console import Console
    from rich.table import Table

    table = Table(
        "kind",
        "requests",
        "req/s",
        "statuses",
        "p50 ms",
        "p99 ms",
        title=f"load over {report.seconds:g} s; light answered: {report.light_success():.1%}",
    )
    for row in report.rows():
        table.add_row(
            row["kind"],
            str(row["requests"]),
            f"{row['per second']:.1f}",
            ", ".join(f"{k}: {v}" for k, v in row["statuses"].items()),
            f"{row['p50 ms']:.1f}",
            f"{row['p99 ms']:.1f}",
        )
    Console().print(table)


@contextlib.contextmanager
def _server(url: str | None):
    if url is not None:
        yield url
        return
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    root = Path(__file__).resolve().parents[1]
    command = [sys.executable, "-c", "from regiokg.cli import main; main()"]
    command += ["--project", str(root), "serve"]
    process = subprocess.Popen([*command, "--port", str(port)], stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(url + "/", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="Example: python benchmarks/loadgen.py http://127.0.0.1:8000 --seconds 60",
    )
    parser.add_argument(
        "url",
        nargs="?",
        help="the server's base URL, on loopback (default: start regiokg serve over this "
        "project's store on a free port, and stop it at the end)",
    )
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--expensive", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    with _server(args.url) as url:
        report = run_load(url, clients=args.clients, expensive=args.expensive, seconds=args.seconds)
    print_report(report)
    raise SystemExit(0 if report.light_success() >= 0.99 else 1)


if __name__ == "__main__":
    main()
