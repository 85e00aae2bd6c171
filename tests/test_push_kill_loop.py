"""A push killed at any moment (SIGKILL, which no code can catch) leaves the remote store
as it was before or as the finished push makes it, never in between: ``regiokg push
--protocol update`` sends every graph in one SPARQL Update request, which ``oxigraph
serve`` runs as one transaction. A push the server rejects part of applies nothing."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from regiokg import remote
from regiokg.remote import RemoteError, push
from tests.query.conftest import free_port, oxigraph_binary, stop, wait_until_up

KILLS = 20
GRAPHS = 6
TRIPLES = 3000  # per graph, 15 000 in a push: long enough to be cut mid-way
EX = "https://example.org/push-test/"


def dataset(version: str, graphs: range) -> ox.Store:
    """Graphs of made-up organisations whose labels carry ``version``, with a blank node
    per hundred (shared by two graphs for one of them, as a dataset may)."""
    store = ox.Store()
    label, part = ox.NamedNode(EX + "label"), ox.NamedNode(EX + "part")
    shared = ox.BlankNode()
    quads = []
    for k in graphs:
        graph = ox.NamedNode(f"{EX}graph/{k}")
        for i in range(TRIPLES):
            node = ox.NamedNode(f"{EX}org/{k}/{i}")
            if i % 100 == 0:
                quads.append(ox.Quad(node, part, ox.BlankNode(), graph))
            else:
                quads.append(ox.Quad(node, label, ox.Literal(f"org {i} {version}"), graph))
        quads.append(ox.Quad(ox.NamedNode(f"{EX}graph/{k}"), part, shared, graph))
    store.extend(quads)
    return store


_BLANK = re.compile(rb"_:[A-Za-z0-9]+")
BUSY = {"01", "08"}  # TCP states ESTABLISHED and CLOSE_WAIT in /proc/net/tcp


def server_state(base: str) -> list[bytes]:
    """Every quad of the server's dataset (Graph Store GET), blank node labels masked and
    lines sorted, so two reads of the same dataset compare equal."""
    request = urllib.request.Request(base + "/store", headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(request, timeout=60) as response:
        data = response.read()
    return sorted(_BLANK.sub(b"_:b", data).splitlines())


@pytest.fixture
def server(tmp_path):
    """``oxigraph serve`` on a free loopback port with its store in ``tmp_path``; yields
    its base URL and the file its error log goes to."""
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install -e .[dev])")
    if not Path("/proc/net/tcp").exists():
        pytest.skip("telling when the server is idle reads Linux's /proc/net/tcp")
    port = free_port()
    log = tmp_path / "oxigraph.log"
    with log.open("wb") as errors:
        process = subprocess.Popen(
            [binary, "serve", "--location", str(tmp_path / "ox"), "--bind", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/query", process)
        yield base, log
    finally:
        stop(process)


def settle(base: str, seconds: float = 60) -> None:
    """Wait until the server has finished every request it took: a push killed after its
    body had gone out whole is still being applied, and oxigraph does not order concurrent
    updates (two overlapping replacements of a graph leave the union of both), so the next
    push or reset must not start before. The server is done with a request when it has
    closed its side of the connection (no socket of its port ESTABLISHED or CLOSE_WAIT)."""
    port = f"{urllib.parse.urlsplit(base).port:04X}"
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        rows = Path("/proc/net/tcp").read_text().splitlines()[1:]
        busy = [r for r in rows if r.split()[1].endswith(":" + port) and r.split()[3] in BUSY]
        if not busy:
            return
        time.sleep(0.05)
    raise AssertionError(f"the server at {base} still holds a connection after {seconds} s")


def _push(project: Path, base: str) -> subprocess.Popen:
    command = [sys.executable, "-c", "from regiokg.cli import main; main()"]
    return subprocess.Popen(
        [*command, "--project", str(project), "push", "--protocol", "update"]
        + ["--endpoint", base + "/update"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "COLUMNS": "200"},
    )


def test_a_push_killed_at_any_moment_leaves_before_or_after(server, tmp_path):
    base, log = server
    # Two versions of graphs 1-5, each in a project of its own; graph 0, which neither
    # carries, must stay as it is whatever the pushes do.
    push(dataset("kept", range(1)), base + "/update", protocol="update")
    projects = []
    for version in ("one", "two"):
        project = tmp_path / version
        (project / "build").mkdir(parents=True)
        (project / "regiokg.toml").write_text("", encoding="utf-8")
        dataset(version, range(1, GRAPHS)).dump(
            str(project / "build" / "regiokg.nq"), format=ox.RdfFormat.N_QUADS
        )
        started = time.monotonic()
        assert _push(project, base).wait(timeout=120) == 0
        full = time.monotonic() - started
        projects.append((project, server_state(base)))
    states = [state for _, state in projects]
    assert states[0] != states[1]
    kept = [[line for line in state if b"/graph/0>" in line] for state in states]
    assert kept[0] == kept[1] != []
    # Each killed push goes from the state the store is in towards the other one.
    random.seed(20261215)
    outcomes = []
    now = 1
    for kill in range(KILLS):
        target = 1 - now
        process = _push(projects[target][0], base)
        if kill % 2:
            # Half the kills at a random moment of the whole run (start-up included, and
            # a little past its end) ...
            time.sleep(random.uniform(0, full * 1.1))
        else:
            # ... half once some graphs have gone out, so the request is cut mid-body.
            for _ in range(random.randint(1, GRAPHS - 2)):
                process.stdout.readline()
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()
        settle(base)
        state = server_state(base)
        assert state in states, f"kill {kill}: the store is neither before nor after the push"
        now = states.index(state)
        outcomes.append(now == target)
    # Some kills left the store before, some after; requests were cut off mid-way (the
    # server logs each body it could not read whole).
    assert set(outcomes) == {False, True}, outcomes
    assert log.read_text().count("error") >= KILLS // 4
    # A push that runs to the end gives "after".
    assert _push(projects[1 - now][0], base).wait(timeout=120) == 0
    assert server_state(base) == states[1 - now]


def test_a_push_whose_last_graph_is_rejected_applies_nothing(server, monkeypatch):
    base, _ = server
    push(dataset("before", range(3)), base + "/update", protocol="update")
    before = server_state(base)
    serialize = remote.ox.serialize

    def broken_last_graph(triples, **how):
        text = serialize(triples, **how)
        # Unreadable to the server's SPARQL parser, only in the last graph's text.
        return text + b"<no closing bracket\n" if b"/org/3/" in text else text

    monkeypatch.setattr(remote.ox, "serialize", broken_last_graph)
    sent = []
    with pytest.raises(RemoteError, match="HTTP 400"):
        push(
            dataset("after", range(4)),
            base + "/update",
            protocol="update",
            progress=lambda graph, n: sent.append(graph),
        )
    assert sent == [f"{EX}graph/{k}" for k in range(4)]
    assert server_state(base) == before
