"""A real ``regiokg serve`` for the server tests: the CLI started in a subprocess on a free
loopback port over a temporary store (the built graph plus a small hostile graph), with a
short time limit and a small row limit, stopped at the end of the session."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS

from regiokg.store import load_dataset, open_store
from tests.query.conftest import free_port, stop

#: Limits of the test server: short enough for a quick test, long enough for real queries.
TIMEOUT = 2.0
MAX_ROWS = 500
EVIL_LABEL = "<script>document.title='owned'</script> Evil & Co"
EVIL_KEY = "org/evil-test"


@pytest.fixture(scope="session")
def serve_store(tmp_path_factory, project, dataset) -> Path:
    """A store directory with the built graph and a test graph holding an organisation
    whose label is a script tag and whose ``rdfs:seeAlso`` is a ``javascript:`` IRI."""
    rkg = Namespace("https://w3id.org/regiokg/ontology#")
    graph = dataset.graph(URIRef(project.graph_iri("test-hostile")))
    evil = URIRef(project.instance_iri(EVIL_KEY))
    graph.add((evil, RDF.type, rkg.Organisation))
    graph.add((evil, RDFS.label, Literal(EVIL_LABEL, lang="en")))
    graph.add((evil, RDFS.seeAlso, URIRef("javascript:alert(1)")))
    directory = tmp_path_factory.mktemp("serve") / "store"
    try:
        load_dataset(directory, dataset)
    finally:
        dataset.remove_graph(graph)
    return directory


@pytest.fixture(scope="session")
def served(serve_store):
    """The served store opened read-only in the test process, to compare answers with."""
    return open_store(serve_store, read_only=True)


def _wait(url: str, process: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"regiokg serve exited: {log.read_text()}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


@pytest.fixture(scope="session")
def server(project, serve_store, tmp_path_factory) -> str:
    """The base URL (``http://127.0.0.1:<port>``) of ``regiokg serve`` over the test store."""
    port = free_port()
    command = [
        sys.executable,
        "-c",
        "from regiokg.cli import main; main()",
        "--project",
        str(project.root),
        "serve",
        "--port",
        str(port),
        "--store",
        str(serve_store),
        "--timeout",
        str(TIMEOUT),
        "--max-rows",
        str(MAX_ROWS),
    ]
    log = tmp_path_factory.mktemp("serve-log") / "serve.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base + "/", process, log)
        yield base
    finally:
        stop(process)


@pytest.fixture
def client(server):
    """An HTTP client for the test server that does not follow redirects."""
    with httpx.Client(base_url=server, timeout=30, follow_redirects=False) as http:
        yield http
