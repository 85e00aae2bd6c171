"""A real browser on the running server: headless Chromium (Debian's ``chromium`` and
``chromium-driver``) opens the landing page, searches with an inflected Polish form, opens
an entity page and a query result page, and saves a screenshot of each."""

from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


def chromium(profile: Path, *flags: str, window: str = "1280,1000", logs: bool = False):
    """A headless Chromium driven by selenium with a fresh ``profile`` directory, no
    network chatter and the extra command-line ``flags``; ``logs`` keeps the browser console
    for the test to read. Skips the test when Debian's chromium or chromium-driver is not
    installed."""
    webdriver = pytest.importorskip("selenium.webdriver")
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("Chromium is not installed (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--window-size={window}",
        f"--user-data-dir={profile}",
        *flags,
    ):
        options.add_argument(flag)
    if logs:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path=str(CHROMEDRIVER))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(60)
    # submit() does not wait for the next page: lookups wait for its elements instead (each
    # step looks for an element the previous page does not have).
    driver.implicitly_wait(15)
    return driver


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless Chromium with a fresh profile (see :func:`chromium`)."""
    driver = chromium(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    """Where the screenshots go (a temporary directory, named in the test output)."""
    return tmp_path_factory.mktemp("screenshots")


def shoot(driver, directory: Path, name: str) -> Path:
    """Save a screenshot of the page as ``name``.png in ``directory``; it must not be blank."""
    path = directory / f"{name}.png"
    driver.save_screenshot(str(path))
    assert path.stat().st_size > 10_000, f"{path} looks empty"
    return path


def test_browse_search_entity_and_query(browser, server, served, screenshots):
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    assert "regiokg" in browser.title
    assert browser.find_element(By.ID, "triples").text == str(len(served))
    assert browser.find_elements(By.CSS_SELECTOR, "#named details")
    shoot(browser, screenshots, "landing")

    box = browser.find_element(By.ID, "landing-search")
    box.send_keys("Płockiego Parku")
    box.submit()
    first = browser.find_element(By.CSS_SELECTOR, "ol.hits li a")
    assert first.get_attribute("href").endswith("/page/org/pppt")
    shoot(browser, screenshots, "search")

    first.click()
    assert "Płock" in browser.find_element(By.ID, "title").text
    polish = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".labels dd[lang=pl]")]
    assert any("Płocki Park Przemysłowo-Technologiczny" in label for label in polish)
    assert browser.find_elements(By.CSS_SELECTOR, "svg.ego circle.partner")
    assert browser.find_elements(By.CSS_SELECTOR, "#outgoing tbody tr")
    shoot(browser, screenshots, "entity")

    browser.get(server + "/")
    form = browser.find_element(By.CSS_SELECTOR, 'form[action="/sparql"] textarea')
    text = form.get_attribute("value")
    assert "ClusterInitiative" in text
    form.submit()
    rows = browser.find_elements(By.CSS_SELECTOR, "#results table tbody tr")
    expected = list(served.query(text, use_default_graph_as_union=True))
    assert expected and len(rows) == len(expected)
    assert browser.find_elements(By.CSS_SELECTOR, '#results a[href^="/page/org/"]')
    shoot(browser, screenshots, "results")
    print(f"screenshots in {screenshots}")
