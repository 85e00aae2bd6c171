"""Evidence: every span cited in ``graph/`` is found in its seed at its offsets, every key
statement made from a seed has a span or a basis, the build quotes the spans (or says it
could not), and the curator's locating tool finds offsets."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Dataset, URIRef
from rdflib.namespace import PROV

from regiokg.build import build_dataset, summarise
from regiokg.cli import main
from regiokg.evidence import OA, evidence_coverage, locate, resolve_quotes, span_checksum
from regiokg.namespace import RKG
from regiokg.network import collaboration_network
from regiokg.query import load_queries, run
from regiokg.sources import discover, read_triples

ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"
ID = "https://w3id.org/regiokg/id/"
#: The key statements of each kind of node that must have a span or an explicit basis.
KEY = {
    RKG.Participation: [RKG.agent, RKG.activity, RKG.role, RKG.onBehalfOf],
    URIRef(ORG + "Membership"): [URIRef(ORG + "member"), URIRef(ORG + "organization")],
    URIRef(ORG + "Post"): [URIRef(ORG + "heldBy"), URIRef(ORG + "postIn"), URIRef(ORG + "role")],
    RKG.Funding: [RKG.fundedProject, RKG.fundingInstrument],
    RKG.Event: [URIRef(SCHEMA + "startDate"), URIRef(SCHEMA + "endDate")],
}


@pytest.fixture(scope="module")
def curated(project) -> Dataset:
    """The curated files as written (no quotes added), one named graph per file."""
    ds = Dataset(default_union=True)
    for source in discover(project):
        graph = ds.graph(URIRef(project.graph_iri(source.graph_name)))
        for t in read_triples(source.path):
            graph.add(tuple(_term(x) for x in (t.subject, t.predicate, t.object)))
    return ds


def _term(node):
    from regiokg.convert import to_rdflib

    return to_rdflib(node)


def test_every_span_checksum_matches_its_seed_at_its_offsets(curated, seeds_dir):
    texts = {
        doc: (seeds_dir / str(name)).read_text(encoding="utf-8")
        for doc, name in curated.subject_objects(RKG.sourceFile)
        if (seeds_dir / str(name)).is_file()
    }
    assert len(texts) == 5
    spans = 0
    for evidence in set(curated.subjects(RDF.type, RKG.TextEvidence)):
        text = texts[curated.value(evidence, PROV.entity)]
        selector = next(
            s
            for s in curated.objects(evidence, OA.hasSelector)
            if (s, RDF.type, OA.TextPositionSelector) in curated
        )
        start, end = int(curated.value(selector, OA.start)), int(curated.value(selector, OA.end))
        span = text[start:end]
        digest = hashlib.sha256(span.encode("utf-8")).hexdigest()[:16]
        assert 0 <= start < end <= len(text), evidence
        assert span == span.strip() and digest == str(curated.value(evidence, RKG.spanChecksum))
        spans += 1
    assert spans > 250


def test_every_key_statement_from_a_seed_has_evidence_or_a_basis(curated):
    seeds = {
        d for kind in (RKG.NewsItem, RKG.Presentation) for d in curated.subjects(RDF.type, kind)
    }
    missing, checked = [], 0
    for cls, properties in KEY.items():
        kinds = set(curated.transitive_subjects(RDFS.subClassOf, cls))
        for node in {n for k in kinds for n in curated.subjects(RDF.type, k)}:
            if not set(curated.objects(node, PROV.wasDerivedFrom)) & seeds:
                continue
            backed = {
                p
                for d in curated.objects(node, PROV.qualifiedDerivation)
                for p in curated.objects(d, RKG.supports)
            }
            for prop in properties:
                if curated.value(node, prop) is not None:
                    checked += 1
                    if prop not in backed:
                        missing.append((str(node), str(prop)))
    assert missing == []
    assert checked > 200


def test_every_statement_of_each_seed_is_covered(dataset):
    coverage = evidence_coverage(dataset)
    assert [c.document.rsplit("/", 1)[-1][:3] for c in coverage] == [
        "000",
        "001",
        "002",
        "003",
        "004",
    ]
    for doc in coverage:
        assert doc.unsupported == [], doc.document
        assert doc.text > doc.inferred + doc.reference


def test_the_built_graph_quotes_each_span(dataset, project, seeds_dir):
    report = resolve_quotes(dataset, project, add=False)
    assert report.problems == [] and report.absent == set()
    quotes = 0
    for evidence in set(dataset.subjects(RDF.type, RKG.TextEvidence)):
        selectors = list(dataset.objects(evidence, OA.hasSelector))
        exact = [dataset.value(s, OA.exact) for s in selectors if dataset.value(s, OA.exact)]
        assert len(exact) == 1, evidence
        assert span_checksum(str(exact[0])) == str(dataset.value(evidence, RKG.spanChecksum))
        quotes += 1
    assert quotes == report.quoted


def test_a_source_whose_text_is_absent_builds_with_offsets_only(project, tmp_path):
    blind = replace(project, seeds_dir=tmp_path / "no-seeds")
    dataset = build_dataset(blind)
    assert not list(dataset.subjects(RDF.type, OA.TextQuoteSelector))
    summary = summarise(dataset, blind)
    assert summary.evidence.quoted == 0 and len(summary.evidence.absent) == 5
    assert all(d.unsupported == [] for d in summary.coverage)


def test_a_changed_source_is_detected(project, seeds_dir, tmp_path):
    changed = tmp_path / "seeds"
    changed.mkdir()
    for path in seeds_dir.glob("*.txt"):
        (changed / path.name).write_text("x" + path.read_text(encoding="utf-8"), encoding="utf-8")
    moved = replace(project, seeds_dir=changed)
    report = resolve_quotes(build_dataset(moved), moved, add=False)
    assert report.quoted == 0 and len(report.problems) > 250
    assert all("does not match" in p.reason or "outside" in p.reason for p in report.problems)


def test_build_summary_reports_coverage_and_absent_texts(project, tmp_path):
    from rich.console import Console

    from regiokg.cli.evidence import print_evidence

    blind = replace(project, seeds_dir=tmp_path / "none")
    summary = summarise(build_dataset(blind), blind)
    console = Console(record=True, width=200)
    print_evidence(console, summary.evidence, summary.coverage)
    shown = console.export_text()
    assert "Evidence of the statements" in shown and "100%" in shown
    assert shown.count("not found: its spans have offsets only") == 5


def test_locate_finds_phrases_across_white_space():
    text = "Ala ma\n kota.  Ala ma psa."
    spans = locate(text, "Ala ma kota")
    assert [(s.start, s.end) for s in spans] == [(0, 12)]
    assert spans[0].checksum == span_checksum("Ala ma\n kota")
    assert len(locate(text, "Ala ma")) == 2
    assert locate(text, "Ala ma kreta") == []
    assert span_checksum("abc") == "ba7816bf8f01cfea"


def test_locate_command_prints_offsets_and_turtle(project, seeds_dir):
    text = (seeds_dir / "000_19bbb48e405d2545.txt").read_text(encoding="utf-8")
    start = text.index("1994")
    args = ["--project", str(project.root), "evidence", "locate", "000", "1994"]
    result = CliRunner().invoke(main, [*args, "--node", "twin:x", "--supports", "schema:startDate"])
    assert result.exit_code == 0, result.output
    assert f"\t{start}\t{start + 4}\t{span_checksum('1994')}" in result.output
    assert "rkg:supports schema:startDate" in result.output
    missing = CliRunner().invoke(main, [*args[:-1], "zzzq"])
    assert missing.exit_code == 1 and "not in the text" in missing.output
    assert "Example:" in CliRunner().invoke(main, ["evidence", "locate", "--help"]).output


def test_statement_evidence_quotes_the_source(dataset, project, seeds_dir):
    query = load_queries(project)["statement_evidence"]
    entity = ID + "participation/2011-04-mission-saint-etienne--gapp"
    rows = list(run(dataset, query, {"entity": entity}))
    text = (seeds_dir / "000_19bbb48e405d2545.txt").read_text(encoding="utf-8")
    agent = [r for r in rows if str(r["property"]) == str(RKG.agent)]
    assert agent and all(str(r["kind"]) == "text" for r in agent)
    for row in rows:
        assert str(row["quote"]) == text[int(row["start"]) : int(row["end"])]
    assert any("GAPP" in str(r["quote"]) for r in agent)
    inferred = ID + "participation/2011-05-delegation-saint-etienne-katowice--miasto-saint-etienne"
    basis = [r for r in run(dataset, query, {"entity": inferred}) if str(r["kind"]) == "inferred"]
    assert basis and basis[0]["comment"] is not None


def test_network_uses_stated_ties_unless_asked(dataset, project):
    from regiokg.store import store_from_dataset

    store = store_from_dataset(dataset)
    stated = collaboration_network(store, project=project)
    both = collaboration_network(store, include_inferred=True, project=project)
    saint_etienne = ID + "org/miasto-saint-etienne"
    assert saint_etienne not in stated and saint_etienne in both
    assert set(stated.edges) < set(both.edges)
    assert stated.graph["definition"].include_inferred is False
