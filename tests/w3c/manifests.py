"""The W3C SPARQL 1.0 and 1.1 test manifests (https://w3c.github.io/rdf-tests/sparql/) read
with rdflib: every test of the query evaluation and syntax suites, with the files it needs,
and the suites left out with the reason.

Files are named by IRIs under :data:`SUITE_BASE`, the suites' published address, so that the
IRIs a test sees (in its data, its query's relative IRIs and its expected results) are the
same on every machine; :func:`local_path` maps such an IRI to the file in the checkout.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.collection import Collection

__all__ = [
    "SKIPPED_SUITES",
    "SUITE_BASE",
    "W3CTest",
    "local_path",
    "read_suites",
]

#: The published address of the ``sparql/`` directory of the W3C rdf-tests repository.
SUITE_BASE = "https://w3c.github.io/rdf-tests/sparql/"

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
QT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-query#")
DAWGT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#")

#: Directories of ``sparql11`` that are not query evaluation or query syntax -> why left out.
SKIPPED_SUITES = {
    **dict.fromkeys(
        [
            "add",
            "basic-update",
            "clear",
            "copy",
            "delete",
            "delete-data",
            "delete-insert",
            "delete-where",
            "drop",
            "move",
            "update-silent",
            "syntax-update-1",
            "syntax-update-2",
        ],
        "SPARQL Update: the endpoint is read-only by design",
    ),
    "entailment": "entailment regimes: neither server implements one",
    "service": "federated queries: the endpoint refuses SERVICE by design (they would make "
    "the server fetch addresses a request names)",
    "protocol": "protocol tests need a live test driver, not a manifest of files",
    "graph-store-protocol": "the Graph Store Protocol is not served (read-only endpoint)",
    "http-rdf-update": "the Graph Store Protocol is not served (read-only endpoint)",
    "service-description": "service description tests need a live test driver",
}

_KINDS = {
    MF.QueryEvaluationTest: "evaluation",
    MF.CSVResultFormatTest: "evaluation",
    MF.PositiveSyntaxTest: "positive-syntax",
    MF.PositiveSyntaxTest11: "positive-syntax",
    MF.NegativeSyntaxTest: "negative-syntax",
    MF.NegativeSyntaxTest11: "negative-syntax",
}


@dataclass(frozen=True)
class W3CTest:
    """One test: its ``iri``, ``name``, ``suite`` (``sparql10`` or ``sparql11``), ``group``
    (the directory), ``kind`` (``evaluation``, ``positive-syntax`` or ``negative-syntax``),
    the IRIs of its ``query``, default-graph ``data``, named ``graph_data`` and expected
    ``result``, and whether the result's cardinality is ``lax`` (REDUCED)."""

    iri: str
    name: str
    suite: str
    group: str
    kind: str
    query: str
    data: tuple[str, ...] = ()
    graph_data: tuple[str, ...] = ()
    result: str | None = None
    lax: bool = False

    @property
    def short(self) -> str:
        """``suite/group/name``, the test's name in reports."""
        return f"{self.suite}/{self.group}/{self.iri.rpartition('#')[2] or self.name}"


def local_path(root: Path, iri: str) -> Path:
    """The file under the checkout's ``sparql/`` directory ``root`` that ``iri`` names."""
    if not iri.startswith(SUITE_BASE):
        raise ValueError(f"{iri} is not a file of the W3C SPARQL suites")
    return root / iri[len(SUITE_BASE) :]


def _items(graph: Graph, node) -> list:
    return list(Collection(graph, node)) if node is not None else []


def _manifest(root: Path, iri: str) -> Graph:
    graph = Graph()
    graph.parse(local_path(root, iri), format="turtle", publicID=iri)
    return graph


def _test(graph: Graph, entry, suite: str, group: str) -> W3CTest | None:
    kinds = [_KINDS[t] for t in graph.objects(entry, RDF.type) if t in _KINDS]
    if not kinds:
        return None
    if graph.value(entry, DAWGT.approval) == DAWGT.Withdrawn:
        return None
    action = graph.value(entry, MF.action)
    name = str(graph.value(entry, MF.name) or entry)
    if kinds[0] != "evaluation":
        return W3CTest(str(entry), name, suite, group, kinds[0], str(action))
    result = graph.value(entry, MF.result)
    return W3CTest(
        str(entry),
        name,
        suite,
        group,
        "evaluation",
        str(graph.value(action, QT.query)),
        tuple(sorted(str(d) for d in graph.objects(action, QT.data))),
        tuple(sorted(str(d) for d in graph.objects(action, QT.graphData))),
        str(result) if result is not None else None,
        graph.value(entry, MF.resultCardinality) == MF.LaxCardinality,
    )


def read_suites(root: Path) -> tuple[list[W3CTest], dict[str, str]]:
    """Every query evaluation and query syntax test of ``sparql10`` and ``sparql11`` under
    ``root`` (the ``sparql/`` directory), in manifest order, and the directories left out
    -> the reason (see :data:`SKIPPED_SUITES`)."""
    tests: list[W3CTest] = []
    skipped: dict[str, str] = {}
    for suite, top in (("sparql10", "manifest.ttl"), ("sparql11", "manifest-all.ttl")):
        top_iri = f"{SUITE_BASE}{suite}/{top}"
        top_graph = _manifest(root, top_iri)
        includes = _items(top_graph, top_graph.value(URIRef(top_iri), MF.include))
        for manifest_iri in includes:
            group = str(manifest_iri)[len(SUITE_BASE) + len(suite) + 1 :].rpartition("/")[0]
            if group in SKIPPED_SUITES:
                skipped[f"{suite}/{group}"] = SKIPPED_SUITES[group]
                continue
            graph = _manifest(root, str(manifest_iri))
            for entry in _items(graph, graph.value(manifest_iri, MF.entries)):
                test = _test(graph, entry, suite, group)
                if test is not None:
                    tests.append(test)
    return tests, skipped
