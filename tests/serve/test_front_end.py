"""The front end over HTTP: the browser libraries are served from the server itself (and
their absence gives a plain form and a clear note), the editor's configuration names only
this server, named queries are bound by the server, suggestions, role lines, maps, the
network's data and partner search, all escaped."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from regiokg.serve import create_app
from regiokg.serve.assets import AssetShelf

from .conftest import EVIL_LABEL

ID = "https://w3id.org/regiokg/id/"


def test_assets_come_from_the_server_and_nothing_else(client, project):
    shelf = AssetShelf(project.root / "node_modules")
    page = client.get("/sparql", headers={"Accept": "text/html"}).text
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert all(
        not s.startswith(("http:", "https:", "//")) for s in sources if ".js" in s or ".css" in s
    )
    if shelf.ready("editor"):
        assert '<script src="/assets/yasgui.min.js" defer></script>' in page
        script = client.get("/assets/yasgui.min.js")
        assert script.status_code == 200 and script.headers["content-type"].startswith(
            "text/javascript"
        )
    # Only the listed files are served: no path into node_modules.
    assert client.get("/assets/package.json").status_code == 404
    assert client.get("/assets/..%2Fpackage.json").status_code == 404


def test_without_the_libraries_pages_fall_back_and_say_why(project, serve_store):
    app = create_app(project, store=serve_store, timeout=5, max_rows=10, workers=1)
    # Without its lifespan the app starts no query workers: these pages need none.
    client = TestClient(app)
    app.state.assets = AssetShelf(project.root / "no-such-node_modules")
    app.state.site.templates.env.globals["assets"] = app.state.assets
    editor = client.get("/editor").text
    assert 'id="editor-missing"' in editor and "make assets" in editor
    assert 'id="plain-query"' in editor and "yasgui.min.js" not in editor
    network = client.get("/network").text
    assert 'id="network-missing"' in network and "sigma.min.js" not in network
    assert "Miasto Katowice" in network  # the ranked list instead
    missing = client.get("/assets/yasgui.min.js")
    assert missing.status_code == 404 and "make assets" in missing.text


def test_editor_config_knows_the_project_and_no_other_host(client):
    config = client.get("/editor/config.json").json()
    assert config["endpoint"] == "/sparql"
    assert config["prefixes"]["rkg"] == "https://w3id.org/regiokg/ontology#"
    assert config["prefixes"]["r"] == ID
    assert "PREFIX rkg: <https://w3id.org/regiokg/ontology#>" in config["example"]
    assert "https://w3id.org/regiokg/ontology#ClusterInitiative" in config["classes"]
    assert "https://w3id.org/regiokg/ontology#agent" in config["properties"]
    assert config["prefixes_url"].startswith("/")
    assert client.get(config["prefixes_url"]).json()["org"] == "http://www.w3.org/ns/org#"


def test_the_example_query_answers_a_number_column(client):
    example = client.get("/editor/config.json").json()["example"]
    answer = client.post(
        "/sparql", data={"query": example}, headers={"Accept": "application/sparql-results+json"}
    ).json()
    rows = answer["results"]["bindings"]
    assert rows and all(r["events"]["datatype"].endswith("#integer") for r in rows)


def test_named_query_text_is_bound_by_the_server(client):
    text = client.get("/editor/named/events_in_year", params={"year": "2006"}).text
    assert "VALUES" in text and '"2006"^^<http://www.w3.org/2001/XMLSchema#integer>' in text
    bad = client.get("/editor/named/events_in_year", params={"year": "20x6"})
    assert bad.status_code == 400 and "20x6" in bad.text
    assert client.get("/editor/named/no_such_query").status_code == 404


def test_suggestions_as_one_types(client):
    found = client.get("/search/suggest", params={"q": "Płockiego"}).json()
    assert found and any(s["href"] == "/page/org/pppt" for s in found)
    park = next(s for s in found if s["href"] == "/page/org/pppt")
    assert park["place"] == "Płock" and "park" in park["kind"]
    assert client.get("/search/suggest", params={"q": "P"}).json() == []
    evil = client.get("/search/suggest", params={"q": "Evil script"})
    assert evil.headers["content-type"].startswith("application/json")
    assert any(s["name"] == EVIL_LABEL for s in evil.json())


def test_role_lines_on_event_and_person_pages(client):
    visit = client.get("/page/event/2014-12-18-study-visit-pppt").text
    section = visit.split('id="roles"')[1].split("</section>")[0]
    assert "Participants" in section and "on behalf of" in section
    assert 'class="role">host<' in section and "2014-12-18" in section
    person = client.get("/page/person/michal-luczewski").text
    posts = person.split('id="roles"')[1].split("</section>")[0]
    assert "Posts held" in posts and "president" in posts and "President of PPPT" in posts
    twin = client.get("/page/city/katowice").text
    assert "Twinned with" in twin and "since 1994" in twin


def test_maps_on_pages_and_landing(client):
    landing = client.get("/").text
    map_svg = landing.split('id="map"')[1].split("</svg>")[0]
    assert map_svg.count('class="place"') >= 8 and 'class="land"' in map_svg
    assert 'href="/page/city/katowice"' in map_svg
    region = client.get("/page/region/slaskie").text
    assert 'id="where"' in region and 'href="/page/city/gliwice"' in region
    # A thing without a place has no map.
    assert 'id="where"' not in client.get("/page/vocab/sector/aviation").text


def test_network_data_window_and_measure(client):
    whole = client.get("/network/data.json").json()
    assert len(whole["nodes"]) > 30 and whole["edges"]
    katowice = next(n for n in whole["nodes"] if n["key"] == ID + "org/miasto-katowice")
    assert katowice["href"] == "/page/org/miasto-katowice" and katowice["color"].startswith("#")
    early = client.get("/network/data.json", params={"start": 2011, "end": 2011}).json()
    assert 0 < len(early["edges"]) < len(whole["edges"])
    same = next(n for n in early["nodes"] if n["key"] == katowice["key"])
    assert (same["x"], same["y"], same["color"]) == (
        katowice["x"],
        katowice["y"],
        katowice["color"],
    )
    by_betweenness = client.get("/network/data.json", params={"measure": "betweenness"}).json()
    assert by_betweenness["measure"] == "betweenness"
    assert client.get("/network/data.json", params={"measure": "nonsense"}).status_code == 400
    backwards = client.get("/network/data.json", params={"start": 2014, "end": 2011})
    assert backwards.status_code == 400


def test_partner_search_page(client):
    empty = client.get("/partners").text
    assert 'id="partners-form"' in empty and "Śląski Klaster Lotniczy" in empty
    page = client.get(
        "/partners", params={"org": ID + "org/slaski-klaster-lotniczy", "top": 3}
    ).text
    results = page.split('id="partners-results"')[1]
    assert results.count('<li><span class="score"') == 3
    assert "both work on aviation" in results and 'href="/page/vocab/sector/aviation"' in results
    unknown = client.get("/partners", params={"org": "<script>x</script>"}).text
    assert 'id="partners-error"' in unknown and "&lt;script&gt;" in unknown
    assert "<script>x</script>" not in unknown
