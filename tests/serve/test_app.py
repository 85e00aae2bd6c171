"""The app factory over an in-memory pyoxigraph store, as a notebook would use it."""

from __future__ import annotations

from fastapi.testclient import TestClient

from regiokg.serve import create_app
from regiokg.store import store_from_dataset


def test_create_app_serves_an_in_memory_store(project, dataset):
    store = store_from_dataset(dataset)
    app = create_app(project, store=store, timeout=5, max_rows=3, workers=1)
    with TestClient(app) as client:
        answer = client.get(
            "/sparql",
            params={"query": "SELECT * WHERE { ?s ?p ?o }"},
            headers={"Accept": "application/sparql-results+json"},
        )
        assert len(answer.json()["results"]["bindings"]) == 3
        assert answer.headers["X-SPARQL-Truncated"] == "true"
        assert client.get("/page/city/katowice").status_code == 200
    scratch = app.state.site.scratch
    assert scratch is not None and not scratch.exists()
