"""Dereferencing (Cool URIs, 303 variant), data documents and entity pages, including
hostile data and hostile paths."""

from __future__ import annotations

import re
import socket

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from regiokg.convert import to_rdflib
from regiokg.serve.iris import VOCAB_IRI

from .conftest import EVIL_KEY, EVIL_LABEL

KATOWICE = "https://w3id.org/regiokg/id/city/katowice"
SYNTAXES = {
    "text/turtle": ("ttl", "turtle"),
    "application/ld+json": ("jsonld", "json-ld"),
    "application/n-triples": ("nt", "nt"),
    "application/rdf+xml": ("rdf", "xml"),
    "application/n-quads": ("nq", "nquads"),
    "application/trig": ("trig", "trig"),
}


def test_a_browser_is_sent_to_the_page(client):
    response = client.get("/id/city/katowice", headers={"Accept": "text/html,*/*;q=0.8"})
    assert response.status_code == 303
    assert response.headers["location"] == "/page/city/katowice"
    assert response.headers["vary"] == "Accept"


@pytest.mark.parametrize("media", list(SYNTAXES))
def test_rdf_clients_are_sent_to_the_data_document(client, served, media):
    ext, rdflib_format = SYNTAXES[media]
    response = client.get("/id/city/katowice", headers={"Accept": media})
    assert response.status_code == 303
    assert response.headers["location"] == f"/data/city/katowice.{ext}"
    document = client.get(response.headers["location"])
    assert document.headers["content-type"].startswith(media)
    parsed = Dataset().parse(data=document.content, format=rdflib_format)
    graph = {(s, p, o) for s, p, o, _ in parsed.quads((None, None, None, None))}
    subject = ox.NamedNode(KATOWICE)
    quads = [
        *served.quads_for_pattern(subject, None, None),
        *served.quads_for_pattern(None, None, subject),
    ]
    expected = {tuple(to_rdflib(term) for term in quad.triple) for quad in quads}
    assert graph == expected


def test_vocabulary_iris_resolve_the_same_way(client):
    response = client.get("/vocab/sector/aviation", headers={"Accept": "text/turtle"})
    assert response.status_code == 303
    assert response.headers["location"] == "/data/vocab/sector/aviation.ttl"
    page = client.get("/page/vocab/sector/aviation")
    assert page.status_code == 200 and "lotnictwo" in page.text.lower()


@pytest.mark.parametrize(
    "path",
    [
        "/id/org/no-such-organisation",
        "/page/org/no-such-organisation",
        "/data/org/no-such-organisation.ttl",
        "/data/city/katowice.exe",
        "/vocab/sector/no-such-sector",
        "/id/vocab/sector/aviation",
        "/page/city",
    ],
)
def test_unknown_iris_are_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "raw_path",
    [
        "/id/../../etc/passwd",
        "/page/city/../../../etc/passwd",
        "/id/%2e%2e/%2e%2e/etc/passwd",
        "/page/%2E%2E/city/katowice",
        "/data/city%2fkatowice.ttl",
        "/static/../site.py",
        "/static/%2e%2e/site.py",
    ],
)
def test_traversal_paths_are_404(server, raw_path):
    # Sent byte for byte: HTTP clients would normalise the dots away.
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(
            f"GET {raw_path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode()
        )
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    assert reply.split(b"\r\n", 1)[0].split()[1] == b"404"
    assert b"import" not in reply


def test_the_page_shows_labels_types_statements_sources_and_network(client):
    page = client.get("/page/org/pppt").text
    assert "Płocki Park Przemysłowo-Technologiczny" in page
    assert 'href="/page/city/plock"' in page
    assert "/ontology#SciencePark" in page
    assert 'id="incoming"' in page and 'id="outgoing"' in page
    assert "/page/document/002_16598245d1df39de" in page
    assert "/page/graph/2014-plock-park-wallonia" in page
    assert "<svg" in page and 'class="ego"' in page


def test_external_iris_are_plain_outbound_links(client):
    page = client.get("/page/region/slaskie").text
    assert 'href="http://www.wikidata.org/entity/Q54181"' in page
    assert 'rel="external nofollow noopener"' in page


def injected_scripts(page: str) -> list[str]:
    """The script tags of ``page`` other than the server's own files (``/static/``,
    ``/assets/``) loaded by ``src``."""
    tags = re.findall(r"<script[^>]*>", page, flags=re.IGNORECASE)
    return [
        t for t in tags if not re.fullmatch(r'<script src="/(static|assets)/[\w.-]+"( defer)?>', t)
    ]


def test_a_script_label_is_shown_as_text(client):
    page = client.get(f"/page/{EVIL_KEY}").text
    assert EVIL_LABEL not in page
    assert "&lt;script&gt;document.title=" in page
    assert not injected_scripts(page)
    # A javascript: IRI is shown, never linked.
    assert 'href="javascript:' not in page and "javascript:alert(1)" in page


def test_a_script_label_in_search_and_tables_is_text(client):
    found = client.get("/search", params={"q": "Evil script"}).text
    assert not injected_scripts(found) and "&lt;script&gt;" in found
    table = client.get(
        "/sparql",
        params={"query": "SELECT ?l WHERE { ?e ?q ?l FILTER(CONTAINS(STR(?l), 'script')) }"},
        headers={"Accept": "text/html"},
    ).text
    assert not injected_scripts(table) and "&lt;script&gt;" in table


def test_every_iri_the_data_mints_resolves(client, served, project):
    # Every subject or object IRI under the project's base or the vocabularies must
    # dereference: 303 to a page that answers 200 and names the IRI.
    minted = {project.instance_iri(""), project.graph_iri(""), VOCAB_IRI}
    iris = {
        term.value
        for quad in served
        for term in (quad.subject, quad.object, quad.graph_name)
        if isinstance(term, ox.NamedNode) and term.value.startswith(tuple(minted))
    }
    assert len(iris) > 200
    unresolved = []
    for iri in sorted(iris):
        path = "/" + iri[len(project.base_iri) :]
        redirect = client.get(path, headers={"Accept": "text/html"})
        page = client.get(redirect.headers.get("location", path))
        if redirect.status_code != 303 or page.status_code != 200 or iri not in page.text:
            unresolved.append((iri, redirect.status_code, page.status_code))
    assert unresolved == []
