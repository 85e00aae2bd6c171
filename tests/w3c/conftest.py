"""The W3C SPARQL suites run once per session through ``regiokg serve`` and ``oxigraph
serve`` (see :mod:`tests.w3c.harness`); skipped with the reason when the suites (expected
at ``../shared/w3c-rdf-tests/sparql`` beside the repository) or the oxigraph server are
absent."""

from __future__ import annotations

import pytest

from tests.conftest import REPO
from tests.query.conftest import oxigraph_binary
from tests.w3c.harness import SuiteRun, run_everything

SUITES = REPO.parent / "shared" / "w3c-rdf-tests" / "sparql"


@pytest.fixture(scope="session")
def suite_root():
    """The ``sparql/`` directory of the W3C rdf-tests checkout."""
    if not (SUITES / "sparql10" / "manifest.ttl").is_file():
        pytest.skip(f"the W3C SPARQL suites are not at {SUITES} (../shared/w3c-rdf-tests)")
    return SUITES


@pytest.fixture(scope="session")
def suite_run(suite_root, tmp_path_factory) -> SuiteRun:
    """Every query evaluation and syntax test through both servers (both stopped after)."""
    if oxigraph_binary() is None:
        pytest.skip("the oxigraph server is not installed (pip install -e .[dev])")
    run = run_everything(suite_root, tmp_path_factory.mktemp("w3c"))
    print("\n" + run.report())
    return run
