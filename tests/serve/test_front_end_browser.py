"""The front end in a real browser with the outside network blocked: headless Chromium
(Debian's ``chromium`` and ``chromium-driver``) types a query into the YASGUI editor, runs
it and sees the table; reads the role lines of an organisation's page; opens the network
page and clicks a node; uses partner search and the search suggestions. Every resource a
page loads must come from the test server. Screenshots are kept in the pytest temporary
directory (named in the output)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.serve.test_browser import chromium, shoot

pytestmark = pytest.mark.skipif(
    not (Path(__file__).resolve().parents[2] / "node_modules" / "@zazuko" / "yasgui").is_dir(),
    reason="browser libraries not installed (make assets: npm ci)",
)


@pytest.fixture(scope="module")
def offline_browser(tmp_path_factory):
    """Headless Chromium that cannot resolve any host but the loopback address, so a page
    that asks another host for anything fails to get it."""
    driver = chromium(
        tmp_path_factory.mktemp("chromium-offline-profile"),
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
        "--proxy-server=http://127.0.0.1:9",
        "--proxy-bypass-list=127.0.0.1",
        window="1280,1100",
        logs=True,
    )
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    """Where the screenshots go."""
    directory = tmp_path_factory.mktemp("front-end-screenshots")
    print(f"front-end screenshots in {directory}")
    return directory


def _only_local(driver, server: str) -> None:
    """Every resource the page loaded came from the server, and the console has no
    failed request or refused resource."""
    host = urlsplit(server).netloc
    urls = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href]);"
    )
    foreign = [
        u for u in urls if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != host
    ]
    assert not foreign, f"requests to other hosts: {foreign}"
    errors = [
        entry["message"]
        for entry in driver.get_log("browser")
        if entry["level"] == "SEVERE" and "/favicon.ico" not in entry["message"]
    ]
    assert not errors, errors


def _wait(driver, script: str, seconds: float = 20):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds).until(lambda d: d.execute_script(script))


def test_editor_types_runs_and_shows_a_table(offline_browser, server, served, shots):
    from selenium.webdriver.common.by import By

    driver = offline_browser
    driver.get(server + "/sparql")
    _wait(driver, "return document.body.getAttribute('data-editor') === 'ready'")
    assert driver.find_elements(By.CSS_SELECTOR, ".CodeMirror")
    preloaded = driver.execute_script("return window.regiokgEditor.getTab().getQuery();")
    assert "PREFIX rkg: <https://w3id.org/regiokg/ontology#>" in preloaded
    query = (
        "PREFIX rkg: <https://w3id.org/regiokg/ontology#>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?cluster ?label WHERE { ?cluster a rkg:ClusterInitiative ; rdfs:label ?label . "
        'FILTER (lang(?label) = "pl") } ORDER BY ?label'
    )
    editor = driver.find_element(By.CSS_SELECTOR, ".CodeMirror textarea")
    driver.execute_script("window.regiokgEditor.getTab().getYasqe().setValue('');")
    editor.send_keys(query)
    typed = driver.execute_script("return window.regiokgEditor.getTab().getQuery();")
    assert "ClusterInitiative" in typed and "SELECT" in typed
    # Highlighting: the editor marks keywords and variables as tokens.
    assert driver.find_elements(By.CSS_SELECTOR, ".CodeMirror .cm-keyword")
    assert driver.find_elements(By.CSS_SELECTOR, ".CodeMirror .cm-atom")
    driver.find_element(By.CSS_SELECTOR, ".yasqe_queryButton").click()
    _wait(driver, "return document.querySelectorAll('.yasr table tbody tr').length > 0")
    rows = driver.find_elements(By.CSS_SELECTOR, ".yasr table.dataTable tbody tr")
    expected = list(served.query(query, use_default_graph_as_union=True))
    assert expected and len(rows) == len(expected)
    assert "Klaster" in driver.find_element(By.CSS_SELECTOR, ".yasr table.dataTable").text
    shoot(driver, shots, "editor-table")

    # The preloaded example counts events per year: the chart view draws its bars.
    driver.execute_script("window.regiokgEditor.getTab().setQuery(arguments[0]);", preloaded)
    driver.find_element(By.CSS_SELECTOR, ".yasqe_queryButton").click()
    _wait(driver, "return document.querySelectorAll('.yasr table tbody tr').length > 3")
    driver.find_element(By.CSS_SELECTOR, ".yasr .select_chart").click()
    bars = driver.find_elements(By.CSS_SELECTOR, "svg.regiokg-chart rect.bar")
    assert len(bars) >= 3
    shoot(driver, shots, "editor-chart")

    # A named query from the menu, its parameter bound by the server.
    menu = driver.find_element(By.ID, "named-query")
    driver.execute_script(
        "arguments[0].value = 'events_in_year'; arguments[0].dispatchEvent(new Event('change'));",
        menu,
    )
    form = driver.find_element(By.CSS_SELECTOR, 'form[data-name="events_in_year"]')
    year = form.find_element(By.NAME, "year")
    year.clear()
    year.send_keys("2006")
    form.find_element(By.CSS_SELECTOR, 'button[value="run"]').click()
    _wait(driver, "return window.regiokgEditor.getTab().getQuery().includes('VALUES')")
    _wait(
        driver,
        "return Array.from(document.querySelectorAll('.yasr table tbody tr'))"
        ".some(r => r.textContent.includes('2006-05-29'));",
    )
    _only_local(driver, server)


def test_editor_autocompletes_from_the_server_and_flags_cut_answers(offline_browser, server, shots):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    from tests.serve.conftest import MAX_ROWS

    driver = offline_browser
    driver.get(server + "/sparql")
    _wait(driver, "return document.body.getAttribute('data-editor') === 'ready'")
    editor = driver.find_element(By.CSS_SELECTOR, ".CodeMirror textarea")

    def hints(text: str) -> list[str]:
        driver.execute_script(
            "const y = window.regiokgEditor.getTab().getYasqe();"
            "y.setValue(arguments[0]); y.setCursor({line: y.lineCount(), ch: 0});",
            text,
        )
        editor.send_keys(Keys.CONTROL, Keys.SPACE)
        _wait(driver, "return document.querySelectorAll('.CodeMirror-hints li').length > 0")
        return [h.text for h in driver.find_elements(By.CSS_SELECTOR, ".CodeMirror-hints li")]

    rkg = "PREFIX rkg: <https://w3id.org/regiokg/ontology#>\n"
    assert "rkg:ClusterInitiative" in hints(rkg + "SELECT * WHERE { ?x a rkg:Clus")
    shoot(driver, shots, "editor-autocomplete")
    assert "rkg:agent" in hints(rkg + "SELECT * WHERE { ?x rkg:ag")
    assert any(h.startswith("skos: <") for h in hints("PREFIX sk"))

    driver.execute_script(
        "window.regiokgEditor.getTab().setQuery(arguments[0]);",
        f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {MAX_ROWS + 50}",
    )
    driver.find_element(By.CSS_SELECTOR, ".yasqe_queryButton").click()
    _wait(driver, "return !document.getElementById('editor-truncated').hidden")
    assert str(MAX_ROWS) in driver.find_element(By.ID, "editor-truncated").text

    # The graph's own IRIs in the results open their pages on this server.
    driver.execute_script(
        "window.regiokgEditor.getTab().setQuery(arguments[0]);",
        rkg + "SELECT ?park WHERE { ?park a rkg:SciencePark } ORDER BY ?park",
    )
    driver.find_element(By.CSS_SELECTOR, ".yasqe_queryButton").click()
    _wait(
        driver,
        "const rows = document.querySelectorAll('.yasr table tbody tr');"
        "return rows.length > 0 && rows.length < 10 && rows[0].querySelector('a');",
    )
    driver.find_element(By.CSS_SELECTOR, ".yasr table tbody tr a").click()
    _wait(driver, "return location.pathname.startsWith('/page/org/')")
    _only_local(driver, server)


def test_role_lines_on_an_organisation_page(offline_browser, server, shots):
    from selenium.webdriver.common.by import By

    driver = offline_browser
    driver.get(server + "/page/org/pppt")
    groups = {
        g.find_element(By.TAG_NAME, "h3").text.split(" (")[0]: g
        for g in driver.find_elements(By.CSS_SELECTOR, "#roles .role-group")
    }
    assert {"Took part in", "Member of", "People and posts"} <= set(groups)
    took_part = [li.text for li in groups["Took part in"].find_elements(By.CSS_SELECTOR, "li")]
    visit = [line for line in took_part if "Study visit of a Walloon representative" in line]
    assert visit and "host" in visit[0] and "2014-12-18" in visit[0] and "source:" in visit[0]
    posts = groups["People and posts"].text
    assert "Michał Luczewski" in posts and "president" in posts
    # The raw triples stay below, and a map shows where the park is.
    assert driver.find_elements(By.CSS_SELECTOR, "#outgoing tbody tr")
    assert driver.find_elements(By.CSS_SELECTOR, "#where svg.map path.land")
    assert driver.find_elements(By.CSS_SELECTOR, "#where svg.map a.place circle")
    driver.execute_script("document.getElementById('roles').scrollIntoView();")
    shoot(driver, shots, "entity-roles")
    _only_local(driver, server)


def test_network_page_click_opens_the_entity(offline_browser, server, shots):
    from selenium.webdriver.common.actions.action_builder import ActionBuilder
    from selenium.webdriver.common.by import By

    driver = offline_browser
    driver.get(server + "/network")
    _wait(driver, "return window.regiokgNetwork && window.regiokgNetwork.graph.order > 10")
    container = driver.find_element(By.ID, "sigma-container")
    assert driver.find_elements(By.CSS_SELECTOR, "#sigma-container canvas")
    # The legend's colours are the nodes' colours.
    mismatched = driver.execute_script(
        "const g = window.regiokgNetwork.graph; const bad = [];"
        "document.querySelectorAll('label.kind').forEach(label => {"
        "  const kind = label.querySelector('input').value;"
        "  const swatch = label.querySelector('.swatch').getAttribute('data-color');"
        "  g.forEachNode((k, a) => { if (a.kind === kind && a.color !== swatch) bad.push(k); });"
        "}); return bad;"
    )
    assert mismatched == []
    shoot(driver, shots, "network")
    target = "https://w3id.org/regiokg/id/org/miasto-katowice"
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", container)
    x, y = driver.execute_script(
        "const n = window.regiokgNetwork; const a = n.graph.getNodeAttributes(arguments[0]);"
        "const p = n.renderer.graphToViewport(a);"
        "const box = arguments[1].getBoundingClientRect();"
        "return [box.left + p.x, box.top + p.y];",
        target,
        container,
    )
    # A real pointer click at the node's place on the screen, as a reader would.
    actions = ActionBuilder(driver)
    actions.pointer_action.move_to_location(int(x), int(y))
    actions.pointer_action.click()
    actions.perform()
    _wait(driver, "return location.pathname === '/page/org/miasto-katowice'")
    assert "Katowice" in driver.find_element(By.ID, "title").text


def test_network_filters_and_time_window(offline_browser, server):
    from selenium.webdriver.common.by import By

    driver = offline_browser
    driver.get(server + "/network")
    _wait(driver, "return window.regiokgNetwork && window.regiokgNetwork.graph.order > 10")
    whole = driver.execute_script("return window.regiokgNetwork.graph.size;")
    start = driver.find_element(By.ID, "net-start")
    end = driver.find_element(By.ID, "net-end")
    driver.execute_script(
        "arguments[0].value = 2011; arguments[1].value = 2011;"
        "arguments[1].dispatchEvent(new Event('change', {bubbles: true}));",
        start,
        end,
    )
    _wait(driver, f"return window.regiokgNetwork.graph.size < {whole};")
    kind = driver.find_element(By.CSS_SELECTOR, 'input[name="kind"][value="MunicipalGovernment"]')
    kind.click()
    hidden = driver.execute_script(
        "const n = window.regiokgNetwork; return n.graph.filterNodes("
        "(k, a) => a.kind === 'MunicipalGovernment').every("
        "k => n.renderer.getNodeDisplayData(k).hidden);"
    )
    assert hidden
    _only_local(driver, server)


def test_partner_search_and_suggestions(offline_browser, server, shots):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver = offline_browser
    driver.get(server + "/partners")
    Select(driver.find_element(By.ID, "partners-org")).select_by_value(
        "https://w3id.org/regiokg/id/org/slaski-klaster-lotniczy"
    )
    driver.find_element(By.CSS_SELECTOR, "#partners-form button").click()
    results = driver.find_elements(By.CSS_SELECTOR, "#partners-results > li")
    assert results
    # Every suggestion shows at least one reason under its name.
    assert all(len(r.text.strip().splitlines()) >= 2 for r in results)
    assert any("both work with" in r.text for r in results)
    shoot(driver, shots, "partners")

    driver.get(server + "/")
    box = driver.find_element(By.ID, "landing-search")
    box.send_keys("Płockiego")
    _wait(driver, "return document.querySelectorAll('ul.suggestions li').length > 0")
    first = driver.find_element(By.CSS_SELECTOR, "ul.suggestions li a")
    assert "/page/" in first.get_attribute("href")
    assert driver.find_elements(By.CSS_SELECTOR, "#map svg.map a.place")
    shoot(driver, shots, "landing-suggest")
    _only_local(driver, server)
