"""From a document to candidates with evidence, and from reviewed candidates into graph/."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF

from regiokg.config import Project
from regiokg.ingest import ingest_document
from regiokg.ingest.accept import AcceptError, accept, select_candidates

OA = Namespace("http://www.w3.org/ns/oa#")
RKG = Namespace("https://w3id.org/regiokg/ontology#")
ID = "https://w3id.org/regiokg/id/"


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.glob("*.ttl")}


@pytest.fixture(scope="module")
def ingested(project, gazetteer, heldout_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("candidates")
    before = _digest(project.graph_dir)
    result = ingest_document(
        heldout_dir / "h2-delegacja-lyon.html", project, gazetteer=gazetteer, out_dir=out
    )
    assert _digest(project.graph_dir) == before, "ingest must never change graph/"
    return result


def test_files_written(ingested):
    assert {"candidates", "text", "review", "html"} <= set(ingested.files)
    assert all(path.exists() for path in ingested.files.values())
    assert ingested.files["text"].read_text(encoding="utf-8") == ingested.document.text


def test_every_span_checksum_matches_the_text(ingested):
    text = ingested.document.text
    graph = Graph().parse(ingested.files["candidates"], format="turtle")
    selectors = list(graph.subjects(OA.start, None))
    assert len(selectors) > 20
    for derivation, selector in graph.subject_objects(OA.hasSelector):
        start = int(graph.value(selector, OA.start))
        end = int(graph.value(selector, OA.end))
        expected = hashlib.sha256(text[start:end].encode("utf-8")).hexdigest()[:16]
        assert str(graph.value(derivation, RKG.spanChecksum)) == expected
        assert graph.value(derivation, RKG.confidence) is not None
    # the committed model holds offsets only; quotes are the build's business
    assert not list(graph.subjects(OA.exact, None))


def test_known_entities_keep_their_iris_and_new_ones_are_nominative(ingested):
    rows = {r["label"]: r for r in ingested.review.rows}
    assert rows["Płocki Park Przemysłowo-Technologiczny S.A."]["iri"] == ID + "org/pppt"
    assert rows["Płocki Park Przemysłowo-Technologiczny S.A."]["status"] == "linked"
    assert rows["Polska Agencja Rozwoju Przedsiębiorczości"]["status"] == "new"
    assert rows["Instytut Chemii Przemysłowej"]["detail"] == "ResearchOrganisation"
    posts = [r for r in ingested.review.rows if r["kind"] == "post"]
    assert any("Jan Zieliński" in r["label"] and r["detail"] == "president" for r in posts)


def test_review_html_escapes(ingested):
    html = ingested.review.to_html()
    assert "<table" in html and "Płocki Park" in html and "<script" not in html


def test_events_with_dates_and_status(ingested):
    events = {r["detail"]: r for r in ingested.review.rows if r["kind"] == "event"}
    assert "DelegationVisit, held" in events
    assert "BusinessMission, planned" in events


@pytest.fixture
def scratch_project(project, tmp_path) -> Project:
    for part in ("ontology", "graph", "shapes", "queries"):
        shutil.copytree(project.root / part, tmp_path / part)
    return Project(tmp_path)


def test_accept_writes_a_readable_validated_file(ingested, scratch_project):
    rows = ingested.review.rows
    person = next(r for r in rows if r["kind"] == "person" and "Claire" in r["label"])
    result = accept(ingested.files["candidates"], scratch_project, drop=[person["id"]])
    assert result.path.parent == scratch_project.graph_dir
    assert result.path.name.startswith("2016-03-04-delegacja-z-lyonu")
    assert person["id"] in result.dropped
    written = Graph().parse(result.path, format="turtle")
    assert (URIRef(person["iri"]), None, None) not in written
    assert (None, None, URIRef(person["iri"])) not in written
    with pytest.raises(AcceptError, match="exists already"):
        accept(ingested.files["candidates"], scratch_project)


def test_accept_refuses_what_would_not_conform(ingested, scratch_project, tmp_path):
    broken = tmp_path / "broken.ttl"
    text = ingested.files["candidates"].read_text(encoding="utf-8")
    broken.write_text(
        text.replace("rkg:status status:held", "rkg:status status:planned, status:held"),
        encoding="utf-8",
    )
    shutil.copy(ingested.files["review"], tmp_path / "broken.review.json")
    before = _digest(scratch_project.graph_dir)
    with pytest.raises(AcceptError, match="would not conform") as info:
        accept(broken, scratch_project)
    assert info.value.report is not None and not info.value.report.conforms
    assert _digest(scratch_project.graph_dir) == before


def test_accept_names_unknown_ids(ingested, scratch_project):
    with pytest.raises(AcceptError, match="no candidate 'zz9'"):
        accept(ingested.files["candidates"], scratch_project, only=["zz9"])


def test_selection_follows_dependencies():
    rows = [
        {"id": "o1", "iri": "a", "depends": []},
        {"id": "e1", "iri": "b", "depends": ["l1"]},
        {"id": "l1", "iri": "c", "depends": []},
        {"id": "r1", "iri": "d", "depends": ["e1", "o1"]},
    ]
    kept, dropped = select_candidates(rows, drop=["l1"])
    assert kept == {"o1"} and dropped == {"l1", "e1", "r1"}
    kept, dropped = select_candidates(rows, only=["r1"])
    assert kept == {"r1", "e1", "o1", "l1"}
    kept, _ = select_candidates(rows, only=["d"])  # by IRI
    assert "r1" in kept


def test_a_new_name_whose_iri_exists_is_a_link(tmp_path):
    from regiokg.ingest import build_candidates, extract, read_document
    from regiokg.ingest.mentions import Gazetteer

    path = tmp_path / "n.txt"
    path.write_text("Spotkanie\n\nW Warszawie działa Klaster Zielonej Energii.\n", "utf-8")
    known = ID + "org/klaster-zielonej-energii"
    gazetteer = Gazetteer.from_rows([(known, "Green Energy Cluster", "ClusterInitiative", "org")])
    cset = build_candidates(extract(read_document(path), gazetteer), known_iris=[known])
    (row,) = [c for c in cset.candidates if c.iri == known]
    assert not row.new
    assert (URIRef(known), None, None) in cset.graph  # its evidence
    assert (URIRef(known), RDF.type, None) not in cset.graph  # but no second type or label


def test_accept_keeps_to_graph(ingested, scratch_project):
    with pytest.raises(AcceptError, match="plain file name"):
        accept(ingested.files["candidates"], scratch_project, name="../outside.ttl")
