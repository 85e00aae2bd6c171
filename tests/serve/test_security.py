"""The endpoint under attack: federated-query bypasses that would make the server fetch an
address (server-side request forgery), deep nesting, huge bodies and answers, memory-hungry
queries, and clients that hog the workers. Each attack is refused or bounded with a clear
message, and the server goes on answering everyone else."""

from __future__ import annotations

import http.server
import socketserver
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from regiokg.serve.guard import MAX_NESTING, refusal, tokens, unescape_codepoints
from regiokg.serve.pool import WorkerPool
from regiokg.serve.worker import QueryFailed, QueryRejected, QueryResourceExceeded

from .test_worker import CROSS_JOIN

#: Federated queries written to slip past a scan of words; ``{url}`` is a canary server.
SERVICE_BYPASSES = [
    "PREFIX : <{url}> SELECT * WHERE {{ SERVICE:x {{ ?s ?p ?o }} }}",
    "PREFIX : <{url}> SELECT * WHERE {{ SERVICE: {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ service <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SeRvIcE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ \\U00000053ERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?a ?b ?c }}#x\nSERVICE <{url}> {{ ?s ?p ?o }}",
    "SELECT * WHERE {{ ?a ?b ?c FILTER(?c<1)SERVICE<{url}>{{?s?p?o}} }}",
    "SELECT * WHERE {{ OPTIONAL {{ {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
    "SELECT * WHERE {{ BIND(<{url}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ex:a\\#b ?o SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ex:a\\'b ?o SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?s ?p 'it''s' SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "PREFIX service: <{url}> SELECT * WHERE {{ service:x {{ ?s ?p ?o }} }}",
]
#: Queries that only look like federation or updates: they must run.
LOOK_ALIKES = [
    "PREFIX schema: <https://schema.org/> SELECT * WHERE { ?s a schema:Service }",
    "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:copy ?o ; ex:with ?w }",
    "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:Load ex:SERVICE }",
    "SELECT ?service WHERE { ?service ?p 'SERVICE <http://127.0.0.1/> {}' }",
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1/> { }",
    "SELECT * WHERE { <http://example.org/service/load> ?p ?o }",
    'SELECT * WHERE { ?s ?p "x"@en . ?s ?q ?insert }',
]


class _Canary(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def _answer(self):
        type(self).hits.append(self.path)
        body = b'{"head":{"vars":["s"]},"results":{"bindings":[]}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def canary():
    """An HTTP server on a free loopback port that records every request it gets."""
    _Canary.hits = []
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Canary) as httpd:
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{httpd.server_address[1]}/sparql", _Canary.hits
        httpd.shutdown()


@pytest.mark.parametrize("template", SERVICE_BYPASSES)
def test_every_federation_bypass_is_refused_by_the_guard(template):
    found = refusal(template.format(url="http://127.0.0.1:9/"))
    assert found is not None and found.status == 403 and "SERVICE" in str(found)


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_of_keywords_are_not_refused(text):
    assert refusal(text) is None


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_run_on_the_server(client, text):
    response = client.get("/sparql", params={"query": text, "format": "json"})
    assert response.status_code == 200, response.text


def test_no_bypass_reaches_the_canary_through_the_server(client, canary):
    url, hits = canary
    for template in SERVICE_BYPASSES:
        response = client.get("/sparql", params={"query": template.format(url=url)})
        assert response.status_code in (400, 403), (template, response.text)
    assert hits == []


def test_the_workers_have_no_network_even_without_the_guard(serve_store, canary):
    url, hits = canary
    pool = WorkerPool(serve_store, size=1, timeout=10, max_rows=10, spares=0)
    try:
        # The pool runs what it is given: the guard is not in this path on purpose.
        with pytest.raises(QueryFailed) as caught:
            pool.run({"query": f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"})
        if not pool.isolated:
            pytest.skip("this kernel lets no process enter a network namespace of its own")
        assert "unreachable" in str(caught.value).lower() or "network" in str(caught.value)
    finally:
        pool.close()
    assert hits == []


def test_codepoint_escapes_are_read_as_the_grammar_reads_them():
    assert unescape_codepoints("\\u0053ERVICE \\U0001F600") == "SERVICE \U0001f600"
    assert [t.kind for t in tokens("SERVICE:x ex:a\\#b")] == ["pname", "pname"]


def test_deep_nesting_is_refused_before_parsing_and_the_server_stays_up(client):
    for opener, closer in (("(", ")"), ("{", "}"), ("[", "]")):
        text = "SELECT * WHERE { FILTER(" + opener * 5000 + "1" + closer * 5000 + ") }"
        response = client.post("/sparql", data={"query": text})
        assert response.status_code == 400
        assert f"deeper than {MAX_NESTING}" in response.text
    shallow = "SELECT * WHERE { FILTER(" + "(" * 20 + "true" + ")" * 20 + ") } LIMIT 1"
    assert client.get("/sparql", params={"query": shallow}).status_code == 200


def test_a_huge_body_is_refused_with_413(client):
    body = b"SELECT * WHERE { ?s ?p ?o } #" + b"x" * (2 * 1024 * 1024)
    response = client.post(
        "/sparql", content=body, headers={"Content-Type": "application/sparql-query"}
    )
    assert response.status_code == 413
    assert "bytes" in response.text


def test_an_answer_past_the_byte_limit_is_cut_and_flagged(serve_store):
    pool = WorkerPool(serve_store, size=1, timeout=10, max_rows=1000, max_bytes=4096, spares=0)
    try:
        one_big_row = (
            "SELECT (GROUP_CONCAT(STR(?o)) AS ?all) WHERE { ?s ?p ?o FILTER isLiteral(?o) }"
        )
        answer = pool.run({"query": one_big_row})
        assert answer.truncated and answer.size == 0
        many_rows = pool.run({"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert many_rows.truncated and 0 < many_rows.size < 1000
        assert len(many_rows.payload) < 3 * 4096
    finally:
        pool.close()


def test_a_query_past_the_memory_cap_is_answered_503_and_the_pool_recovers(serve_store):
    pool = WorkerPool(serve_store, size=1, timeout=60, max_rows=10, memory_mb=300, spares=0)
    hungry = "SELECT * WHERE { ?a ?x ?b . ?c ?y ?d . ?e ?z ?f } ORDER BY ?d ?c ?b ?a"
    try:
        with pytest.raises(QueryResourceExceeded) as caught:
            pool.run({"query": hungry})
        assert caught.value.status == 503 and "300 MiB" in str(caught.value)
        assert pool.run({"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 3"}).size == 3
    finally:
        pool.close()


def test_light_queries_keep_flowing_while_one_client_runs_expensive_ones(serve_store):
    pool = WorkerPool(
        serve_store,
        size=1,
        timeout=4,
        max_rows=10,
        light_seconds=0.3,
        expensive_per_client=1,
        max_expensive=2,
    )
    light = {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"}
    try:
        pool.run(light, "warm-up")
        with ThreadPoolExecutor(max_workers=4) as threads:
            heavy = [threads.submit(pool.run, {"query": CROSS_JOIN}, "10.0.0.1") for _ in range(3)]
            answered = []
            while not all(f.done() for f in heavy):
                answered.append(pool.run(light, "10.0.0.2").size)
        outcomes = []
        for future in heavy:
            error = future.exception()
            if isinstance(error, QueryRejected):
                outcomes.append("rejected")
            elif error is not None and "stopped after" in str(error):
                outcomes.append("ran to the limit")
            else:
                outcomes.append(f"{type(error).__name__}: {error}")
        # One expensive query of that address runs (to its time limit); the others are
        # stopped once they turn expensive (or, on a slow machine, find no free worker
        # in time), and the other client is answered throughout.
        assert outcomes.count("ran to the limit") == 1, outcomes
        assert outcomes.count("rejected") >= 1, outcomes
        assert answered and all(size == 1 for size in answered)
    finally:
        pool.close()


def test_a_client_cannot_queue_without_bound(serve_store):
    pool = WorkerPool(
        serve_store,
        size=1,
        timeout=1.5,
        max_rows=10,
        light_seconds=5,
        waiting_per_client=2,
        queue_seconds=1.5,
        spares=0,
    )
    try:
        with ThreadPoolExecutor(max_workers=6) as threads:
            futures = [
                threads.submit(pool.run, {"query": CROSS_JOIN}, "10.0.0.9") for _ in range(5)
            ]
            errors = [type(f.exception()).__name__ for f in futures]
        assert errors.count("QueryRejected") >= 2
    finally:
        pool.close()


def test_html_pages_carry_security_headers(client):
    page = client.get("/", headers={"Accept": "text/html"})
    assert page.status_code == 200
    policy = page.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["x-frame-options"] == "DENY"
    data = client.get("/sparql", params={"query": "ASK {}", "format": "json"})
    assert data.headers["x-content-type-options"] == "nosniff"


def test_a_stopped_query_keeps_its_text_on_the_error_page(client):
    response = client.get("/sparql", params={"query": CROSS_JOIN}, headers={"Accept": "text/html"})
    assert response.status_code == 503
    assert "COUNT(*) AS ?n" in response.text and "<textarea" in response.text


def test_a_graph_iri_that_is_no_iri_is_a_client_error(client):
    response = client.get(
        "/sparql", params={"query": "ASK { ?s ?p ?o }", "default-graph-uri": "not an iri"}
    )
    assert response.status_code == 400 and "default-graph-uri" in response.text
