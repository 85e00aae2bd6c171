"""The W3C SPARQL 1.0 and 1.1 query evaluation and syntax suites through ``regiokg serve``
beside ``oxigraph serve`` over the same data: regiokg must pass every test Oxigraph passes,
save the refusals it makes by design (SERVICE), which are listed with their reason."""

from __future__ import annotations

import pytest

from tests.w3c.harness import summary_rows

pytestmark = pytest.mark.w3c


def test_regiokg_passes_every_test_oxigraph_passes(suite_run):
    assert suite_run.regressions() == [], suite_run.report()


def test_the_harness_ran_every_suite_and_oxigraph_passes_most(suite_run):
    # A broken harness would fail both servers alike and make the test above vacuous.
    rows = {
        name: (run, theirs)
        for name, run, theirs, _ in summary_rows(suite_run.tests, suite_run.outcomes)
    }
    assert set(rows) == {
        f"{suite} {kind}"
        for suite in ("sparql10", "sparql11")
        for kind in ("evaluation", "positive-syntax", "negative-syntax")
    }
    for name, (run, theirs) in rows.items():
        assert run >= 40 and theirs >= 0.85 * run, (name, suite_run.report())


def test_a_query_with_from_sees_exactly_its_dataset(suite_run):
    # The dataset tests name their graphs only in FROM / FROM NAMED: a server whose union
    # default graph overrides FROM sees the whole store (oxigraph serve
    # --union-default-graph does, and regiokg did).
    dataset = [t for t in suite_run.tests if t.group == "dataset"]
    assert len(dataset) == 12
    failed = [t.short for t in dataset if not suite_run.outcomes[t.short][0].passed]
    assert failed == []


def test_protocol_graphs_alone_make_the_dataset(suite_run):
    # dawg-graph-02 names only named graphs, dawg-graph-04 only a default graph.
    for name in ("sparql10/graph/dawg-graph-02", "sparql10/graph/dawg-graph-04"):
        assert suite_run.outcomes[name][0].passed, suite_run.outcomes[name][0]


def test_the_only_differences_by_design_are_service_refusals(suite_run):
    differences = suite_run.expected_differences()
    assert differences, "the federation syntax tests should be refused by regiokg"
    for test, reason in differences:
        assert test.kind == "positive-syntax" and "SERVICE" in reason, (test.short, reason)
