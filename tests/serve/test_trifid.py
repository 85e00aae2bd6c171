"""Trifid (https://github.com/zazuko/trifid), Zazuko's linked-data front end, pointed at
``regiokg serve``: its entity renderer asks the endpoint whether an IRI exists (ASK), for
its description (DESCRIBE, answered in N-Quads) and for labels, and renders the page.
Trifid runs on loopback with every connection to another address refused and logged
(``tests/clients/loopback-only.mjs``); skipped with the reason when node or the npm
packages are absent (``make test`` installs them with ``npm ci`` in tests/clients, from
its pinned ``package-lock.json``)."""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from tests.query.conftest import free_port, stop

CLIENTS = Path(__file__).resolve().parents[1] / "clients"
TRIFID = CLIENTS / "node_modules" / "trifid" / "server.js"
PPPT_LABELS = [
    "Płocki Park Przemysłowo-Technologiczny S.A.",
    "Płock Industrial and Technology Park",
]


@pytest.fixture(scope="module")
def trifid(server, project, tmp_path_factory):
    """Trifid's base URL; yields it with the file where refused connections are logged."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: Trifid cannot run")
    if not TRIFID.is_file():
        pytest.skip("Trifid is not installed: run 'npm ci' in tests/clients (make test does)")
    work = tmp_path_factory.mktemp("trifid")
    refused, log = work / "refused.log", work / "trifid.log"
    refused.touch()
    port = free_port()
    command = [node, "--import", "./loopback-only.mjs", str(TRIFID), "--config", "trifid.yaml"]
    command += ["--port", str(port), "--sparql-endpoint-url", f"{server}/sparql"]
    command += ["--dataset-base-url", project.base_iri]
    environment = {**os.environ, "LOOPBACK_ONLY_LOG": str(refused)}
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command, cwd=CLIENTS, env=environment, stdout=sink, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"Trifid exited: {log.read_text()}")
            try:
                httpx.get(base + "/", timeout=2)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Trifid did not start: {log.read_text()}") from None
                time.sleep(0.3)
        yield base, refused
    finally:
        stop(process)


def test_trifid_renders_the_page_of_an_entity(trifid):
    base, _ = trifid
    response = httpx.get(base + "/id/org/pppt", headers={"Accept": "text/html"}, timeout=60)
    assert response.status_code == 200, response.text[:500]
    page = html.unescape(response.text)
    for label in PPPT_LABELS:
        assert label in page
    # The IRIs on the page are rewritten to Trifid's address, so its links stay on it.
    assert f"{base}/id/city/plock" in page


def test_trifid_serves_the_description_as_rdf(trifid):
    base, _ = trifid
    response = httpx.get(base + "/id/org/pppt", headers={"Accept": "text/turtle"}, timeout=60)
    assert response.status_code == 200
    assert PPPT_LABELS[0] in response.text


def test_trifid_answers_404_for_an_iri_the_graph_does_not_know(trifid):
    base, _ = trifid
    response = httpx.get(base + "/id/org/no-such-org", headers={"Accept": "text/html"}, timeout=60)
    assert response.status_code == 404


def test_trifid_sparql_proxy_forwards_queries_to_the_endpoint(trifid, project):
    base, _ = trifid
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    query = f"SELECT ?label WHERE {{ <{project.instance_iri('org/pppt')}> {label} ?label }}"
    accept = {"Accept": "application/sparql-results+json"}
    response = httpx.get(base + "/query", params={"query": query}, headers=accept, timeout=60)
    assert response.status_code == 200, response.text[:500]
    labels = {b["label"]["value"] for b in response.json()["results"]["bindings"]}
    assert labels == set(PPPT_LABELS)


def test_trifid_made_no_connection_outside_loopback(trifid):
    _, refused = trifid
    assert refused.read_text() == ""
