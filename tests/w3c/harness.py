"""Run the W3C SPARQL query suites through two SPARQL endpoints, ``regiokg serve`` and
``oxigraph serve``, over the same data, and judge each against the expected results.

Every data file of every test is loaded once, as a named graph named by the file's IRI,
into two pyoxigraph stores built from the same quads (one for each server; pyoxigraph keeps
lexical forms such as ``"01"^^xsd:integer`` that a round trip through rdflib would
normalise). A test then picks its dataset with the protocol's ``default-graph-uri`` and
``named-graph-uri`` parameters (an empty graph's IRI when the test has no default data),
except when its query names its own ``FROM``/``FROM NAMED``: then no parameter is sent and
both servers must honour the query's dataset (regiokg once let its union default graph
override it). The query goes with a ``BASE`` of its file's IRI, so relative IRIs resolve
as in the suite.

Syntax tests: a positive one must be answered (200), a negative one refused (4xx). The
differences that regiokg makes on purpose (it refuses SERVICE and updates, 403) are
reported as expected differences, never silently.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urljoin

import httpx
import pyoxigraph as ox

from tests.query.conftest import free_port, oxigraph_binary, stop, wait_until_up
from tests.w3c.manifests import SUITE_BASE, W3CTest, local_path, read_suites
from tests.w3c.results import (
    ComparisonTooLarge,
    answer_from_bytes,
    expected_answer,
    is_ordered,
    same_answer,
)

__all__ = [
    "EMPTY_GRAPH",
    "Outcome",
    "Servers",
    "SuiteRun",
    "run_everything",
    "build_store",
    "expected_difference",
    "run_suites",
    "run_test",
    "running_servers",
    "summary_rows",
]

#: A graph IRI that no test uses: the default graph of a test without default data.
EMPTY_GRAPH = "urn:x-regiokg:w3c:empty"
REPO = Path(__file__).resolve().parents[2]

_RESULT_MEDIA = {
    ".srx": "application/sparql-results+xml",
    ".srj": "application/sparql-results+json",
    ".tsv": "text/tab-separated-values",
    ".csv": "text/csv",
}
# For result sets and graphs given as RDF: results in JSON, graphs in N-Triples.
_DEFAULT_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"
_DATASET_CLAUSE = re.compile(r"\bFROM\b", re.IGNORECASE)


@dataclass(frozen=True)
class Outcome:
    """How one server did on one test: ``passed``, the HTTP ``status`` (None when the
    request failed) and, when it failed, ``reason``."""

    passed: bool
    status: int | None
    reason: str = ""


@dataclass(frozen=True)
class Servers:
    """The SPARQL query URLs of the two servers under comparison."""

    regiokg: str
    oxigraph: str


_FROM_FILE = re.compile(r"\bFROM\s+(?:NAMED\s+)?<([^>]*)>", re.IGNORECASE)


def _data_files(root: Path, tests: Iterable[W3CTest]) -> list[str]:
    """The data files of the ``tests``: those of the manifests and the suite's files
    that queries name in FROM or FROM NAMED (the dataset tests have only those)."""
    files = {iri for t in tests for iri in (*t.data, *t.graph_data)}
    for test in tests:
        if test.kind == "evaluation":
            text = local_path(root, test.query).read_text(errors="replace")
            named = (urljoin(test.query, iri) for iri in _FROM_FILE.findall(text))
            files.update(i for i in named if i.startswith(SUITE_BASE))
    return sorted(i for i in files if local_path(root, i).is_file())


def _quads(root: Path, iri: str) -> Iterator[ox.Quad]:
    path = local_path(root, iri)
    graph = ox.NamedNode(iri)
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
    # Blank-node labels are local to their file: the same label in two files is two nodes.
    blanks: dict[str, ox.BlankNode] = {}

    def own(term):
        if isinstance(term, ox.BlankNode):
            return blanks.setdefault(term.value, ox.BlankNode())
        return term

    for quad in ox.parse(path=path, format=fmt, base_iri=iri):
        yield ox.Quad(own(quad.subject), quad.predicate, own(quad.object), graph)


def build_store(root: Path, tests: list[W3CTest], directories: list[Path]) -> dict[str, str]:
    """Write every data file the ``tests`` use (found under ``root``) into a new pyoxigraph
    store in each of ``directories``, each file a named graph named by its IRI, the same
    quads in each. Returns the files that could not be read -> why (their tests fail on
    both servers)."""
    quads: list[ox.Quad] = []
    unreadable: dict[str, str] = {}
    for iri in _data_files(root, tests):
        try:
            quads.extend(_quads(root, iri))
        except (OSError, SyntaxError, ValueError) as exc:
            unreadable[iri] = f"{type(exc).__name__}: {exc}"
    for directory in directories:
        store = ox.Store(str(directory))
        store.extend(quads)
        store.flush()
        del store
    return unreadable


@contextmanager
def running_servers(
    work: Path, root: Path, tests: list[W3CTest]
) -> Iterator[tuple[Servers, dict[str, str]]]:
    """``regiokg serve`` and ``oxigraph serve`` on free loopback ports, each over a store
    of the tests' data built under ``work``; yields their URLs and the data files that
    could not be read (see :func:`build_store`). Both servers are stopped when the block
    ends.

    Oxigraph runs without ``--union-default-graph``: every request here names its dataset
    (by parameters or FROM), so the union plays no part, except that with it on
    ``oxigraph serve`` 0.5 ignores a query's FROM and fails ten dataset tests, which would
    make the reference weaker than Oxigraph's engine is."""
    binary = oxigraph_binary()
    if binary is None:
        raise FileNotFoundError("the oxigraph server is not installed (pip install -e .[dev])")
    ours, theirs = work / "regiokg-store", work / "oxigraph-store"
    unreadable = build_store(root, tests, [ours, theirs])
    ours_port, theirs_port = free_port(), free_port()
    log = (work / "regiokg-serve.log").open("wb")
    processes = []
    try:
        command = [sys.executable, "-c"]
        command += ["from regiokg.cli import main; main()", "--project", str(REPO), "serve"]
        command += ["--port", str(ours_port), "--store", str(ours), "--timeout", "20"]
        # One client sends four queries at once: on a busy machine a query may outlast
        # --light-seconds, and the per-client cap on expensive queries must not refuse it.
        command += ["--max-expensive", "4", "--expensive-per-client", "4"]
        processes.append(subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT))
        command = [binary, "serve", "--location", str(theirs)]
        command += ["--bind", f"127.0.0.1:{theirs_port}"]
        processes.append(
            subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        )
        servers = Servers(
            f"http://127.0.0.1:{ours_port}/sparql", f"http://127.0.0.1:{theirs_port}/query"
        )
        wait_until_up(servers.regiokg, processes[0], seconds=120)
        wait_until_up(servers.oxigraph, processes[1])
        yield servers, unreadable
    finally:
        for process in processes:
            stop(process)
        log.close()


def _query_text(root: Path, test: W3CTest) -> str:
    text = local_path(root, test.query).read_bytes().decode("utf-8", errors="replace")
    return f"BASE <{test.query}>\n{text}"


def _parameters(test: W3CTest, text: str) -> list[tuple[str, str]]:
    if test.kind != "evaluation":
        return [("default-graph-uri", EMPTY_GRAPH)]
    if _DATASET_CLAUSE.search(_strip_opaque(text)):
        return []
    params = [("default-graph-uri", iri) for iri in test.data]
    params += [("named-graph-uri", iri) for iri in test.graph_data]
    # Named graphs alone leave the default graph empty (SPARQL 1.1 Protocol, 2.1.4); a
    # test with neither must still not see the whole store.
    return params or [("default-graph-uri", EMPTY_GRAPH)]


def _strip_opaque(text: str) -> str:
    return re.sub(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s]*>|#[^\n]*', " ", text)


def run_test(
    http: httpx.Client, url: str, root: Path, test: W3CTest, unreadable: dict[str, str]
) -> Outcome:
    """Send ``test``'s query to the SPARQL endpoint ``url`` and judge the answer: against
    the expected result for an evaluation test, by its status for a syntax test."""
    text = _query_text(root, test)
    accept = _DEFAULT_ACCEPT
    if test.result is not None:
        accept = _RESULT_MEDIA.get(Path(test.result).suffix, _DEFAULT_ACCEPT)
    body = urlencode([("query", text), *_parameters(test, text)])
    headers = {"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"}
    try:
        response = http.post(url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        return Outcome(False, None, f"request failed: {exc}")
    status = response.status_code
    if test.kind == "positive-syntax":
        return Outcome(status == 200, status, "" if status == 200 else response.text[:300])
    if test.kind == "negative-syntax":
        refused = 400 <= status < 500
        return Outcome(refused, status, "" if refused else "accepted an invalid query")
    missing = [iri for iri in (*test.data, *test.graph_data) if iri in unreadable]
    if missing:
        return Outcome(False, status, f"data file unreadable: {unreadable[missing[0]]}")
    if status != 200:
        return Outcome(False, status, response.text[:300])
    try:
        expected = expected_answer(local_path(root, test.result), test.result)
        actual = answer_from_bytes(response.content, response.headers.get("content-type", ""))
        differs = same_answer(expected, actual, ordered=is_ordered(text), lax=test.lax)
    except (SyntaxError, ValueError, ComparisonTooLarge) as exc:
        return Outcome(False, status, f"{type(exc).__name__}: {exc}")
    return Outcome(differs is None, status, differs or "")


def expected_difference(test: W3CTest, outcome: Outcome, root: Path) -> str | None:
    """Why regiokg may refuse ``test`` where Oxigraph does not, when the refusal is by
    design (a 403 for a query that uses SERVICE or an update keyword), else None."""
    if outcome.status != 403:
        return None
    text = _strip_opaque(local_path(root, test.query).read_text(errors="replace"))
    if re.search(r"\bSERVICE\b", text, re.IGNORECASE):
        return "SERVICE refused: the endpoint never federates"
    return "refused as an update keyword: the endpoint is read-only"


def run_suites(
    servers: Servers, root: Path, tests: list[W3CTest], unreadable: dict[str, str]
) -> dict[str, tuple[Outcome, Outcome]]:
    """Every test through both servers: test short name -> (regiokg, Oxigraph) outcome."""
    with httpx.Client(timeout=60) as http:

        def both(test: W3CTest) -> tuple[str, tuple[Outcome, Outcome]]:
            ours = run_test(http, servers.regiokg, root, test, unreadable)
            theirs = run_test(http, servers.oxigraph, root, test, unreadable)
            return test.short, (ours, theirs)

        with ThreadPoolExecutor(max_workers=4) as pool:
            return dict(pool.map(both, tests))


def summary_rows(
    tests: list[W3CTest], outcomes: dict[str, tuple[Outcome, Outcome]]
) -> list[tuple[str, int, int, int]]:
    """Per suite and kind (``sparql11 evaluation``…): tests run, Oxigraph passes, regiokg
    passes."""
    rows: dict[str, list[int]] = {}
    for test in tests:
        ours, theirs = outcomes[test.short]
        row = rows.setdefault(f"{test.suite} {test.kind}", [0, 0, 0])
        row[0] += 1
        row[1] += theirs.passed
        row[2] += ours.passed
    return [(name, *figures) for name, figures in rows.items()]


@dataclass
class SuiteRun:
    """The result of :func:`run_everything`: the ``tests`` run, the ``skipped`` suites ->
    why, every test's ``outcomes`` (regiokg, Oxigraph) by short name and the data files
    that could not be read."""

    tests: list[W3CTest]
    skipped: dict[str, str]
    outcomes: dict[str, tuple[Outcome, Outcome]]
    root: Path

    def regressions(self) -> list[tuple[W3CTest, Outcome]]:
        """Tests Oxigraph passes and regiokg fails for no reason of design."""
        return [
            (t, ours)
            for t in self.tests
            for ours, theirs in [self.outcomes[t.short]]
            if theirs.passed and not ours.passed and expected_difference(t, ours, self.root) is None
        ]

    def expected_differences(self) -> list[tuple[W3CTest, str]]:
        """Tests Oxigraph passes and regiokg refuses by design, with the reason."""
        found = []
        for test in self.tests:
            ours, theirs = self.outcomes[test.short]
            reason = expected_difference(test, ours, self.root)
            if theirs.passed and not ours.passed and reason is not None:
                found.append((test, reason))
        return found

    def only_regiokg_passes(self) -> list[W3CTest]:
        """Tests regiokg passes and Oxigraph fails."""
        return [
            t
            for t in self.tests
            if self.outcomes[t.short][0].passed > self.outcomes[t.short][1].passed
        ]

    def report(self, *, table: bool = True) -> str:
        """The table (per suite and kind: run, Oxigraph passes, regiokg passes; left out
        when ``table`` is false) and the lists of differences, as plain text."""
        lines = []
        if table:
            lines.append(f"{'suite':<28}{'run':>6}{'oxigraph':>10}{'regiokg':>9}")
            for name, run, theirs, ours in summary_rows(self.tests, self.outcomes):
                lines.append(f"{name:<28}{run:>6}{theirs:>10}{ours:>9}")
        sections = {
            "Oxigraph passes, regiokg fails": [
                f"{test.short} ({outcome.status}): {outcome.reason[:200]}"
                for test, outcome in self.regressions()
            ],
            "Expected differences (regiokg refuses by design)": [
                f"{test.short}: {reason}" for test, reason in self.expected_differences()
            ],
            "regiokg passes, Oxigraph fails": [t.short for t in self.only_regiokg_passes()],
            "Suites left out": [f"{suite}: {why}" for suite, why in self.skipped.items()],
        }
        for title, items in sections.items():
            lines.append(f"{title}:" + ("" if items else " none"))
            lines += [f"  {item}" for item in items]
        return "\n".join(lines)


def run_everything(root: Path, work: Path) -> SuiteRun:
    """Read the suites under ``root`` (the ``sparql/`` directory), start both servers over
    their data in ``work``, run every test through both and stop the servers."""
    tests, skipped = read_suites(root)
    with running_servers(work, root, tests) as (servers, unreadable):
        outcomes = run_suites(servers, root, tests, unreadable)
    return SuiteRun(tests, skipped, outcomes, root)
