"""The build: merging sources into named graphs, base IRIs, atomic outputs, clear errors."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, URIRef

from regiokg.build import build_dataset, summarise, write_outputs
from regiokg.cli import main
from regiokg.config import DEFAULT_BASE, Project
from regiokg.sources import SourceError, discover, read_triples

from .conftest import REPO


def copy_project(tmp_path: Path) -> Project:
    """A throw-away copy of the repository's ontology and curated files."""
    for part in ("ontology", "graph", "shapes", "queries"):
        if (REPO / part).is_dir():
            shutil.copytree(REPO / part, tmp_path / part)
    return Project(tmp_path)


def test_every_curated_file_becomes_one_named_graph(project, dataset):
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    expected = {project.graph_iri(s.graph_name) for s in discover(project)}
    assert names == expected
    assert project.graph_iri("ontology") in names


def test_summary_counts_entities_and_sources(project, dataset):
    summary = summarise(dataset, project)
    assert summary.triples == sum(summary.graphs.values())
    assert summary.classes["rkg:City"] >= 10
    seeds = [iri for iri, _ in summary.sources if "/document/0" in iri]
    assert len(seeds) == 5
    assert all(title for _, title in summary.sources)


def test_base_iri_moves_instances_but_not_the_ontology(tmp_path):
    project = Project(REPO, base_iri="https://example.org/kg/")
    data = build_dataset(project)
    subjects = {str(s) for s in data.subjects()}
    assert "https://example.org/kg/id/city/katowice" in subjects
    assert not any(s.startswith(DEFAULT_BASE + "id/") for s in subjects)
    assert "https://w3id.org/regiokg/ontology" in subjects
    graphs = {str(g.identifier) for g in data.graphs() if len(g)}
    assert "https://example.org/kg/graph/ontology" in graphs


def test_malformed_turtle_names_file_line_and_column(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e .\n")
    with pytest.raises(SourceError) as err:
        read_triples(bad)
    assert err.value.path == bad
    assert err.value.line == 3
    assert err.value.column is not None
    assert str(err.value).startswith(f"{bad}:3:")


def test_build_with_a_broken_file_writes_nothing(tmp_path):
    project = copy_project(tmp_path / "p")
    (project.graph_dir / "zz_broken.ttl").write_text('<http://a> <http://b> "open .\n')
    previous = project.out_dir / "regiokg.nq"
    previous.parent.mkdir(parents=True)
    previous.write_text("old contents\n")
    result = CliRunner().invoke(main, ["--project", str(project.root), "build", "--no-store"])
    assert result.exit_code != 0
    assert "zz_broken.ttl:1:" in result.output
    assert "Traceback" not in result.output
    assert previous.read_text() == "old contents\n"
    assert not (project.out_dir / "regiokg.ttl").exists()
    assert not list(project.out_dir.glob("*.part"))


def test_outputs_round_trip_to_the_same_graphs(tmp_path, project, dataset):
    outputs = write_outputs(dataset, tmp_path)
    reread = Dataset()
    reread.parse(outputs["nquads"], format="nquads")
    for graph in dataset.graphs():
        if len(graph):
            assert len(reread.graph(graph.identifier)) == len(graph), graph.identifier
    merged = Dataset().parse(outputs["turtle"], format="turtle")
    assert len(merged) == len({(s, p, o) for s, p, o, _ in dataset.quads()})


def test_build_command_prints_summary_and_writes_files(tmp_path):
    project = copy_project(tmp_path / "p")
    result = CliRunner().invoke(main, ["--project", str(project.root), "build", "--no-store"])
    assert result.exit_code == 0, result.output
    assert "triples in" in result.output
    assert "rkg:City" in result.output
    assert (project.out_dir / "regiokg.nq").stat().st_size > 0
    assert (project.out_dir / "regiokg.ttl").stat().st_size > 0


def test_seed_checksums_match_the_curated_documents(dataset, seeds_dir):
    from regiokg.sources import seed_checksums

    rkg = "https://w3id.org/regiokg/ontology#"
    recorded = {
        str(f): str(h)
        for doc, f in dataset.subject_objects(URIRef(rkg + "sourceFile"))
        for h in dataset.objects(doc, URIRef(rkg + "sha256"))
    }
    actual = seed_checksums(seeds_dir)
    assert set(actual) <= set(recorded), "a seed has no curated file"
    for name, digest in actual.items():
        assert recorded[name] == digest, f"{name} changed since it was curated"


CURATED_NAME = re.compile(r"\d{4}-[a-z0-9]+(?:-[a-z0-9]+)+\.ttl")


def test_curated_files_are_named_for_what_they_hold(project):
    # A reader finds a document by year and subject; the seed's own file name (a hash)
    # stays inside the file as the document's rkg:sourceFile.
    rkg = "https://w3id.org/regiokg/ontology#"
    for source in discover(project):
        if source.is_ontology or source.graph_name == "reference":
            continue
        assert CURATED_NAME.fullmatch(source.path.name), source.path.name
        files = {
            t.object.value
            for t in read_triples(source.path)
            if t.predicate.value == rkg + "sourceFile"
        }
        assert len(files) == 1 and next(iter(files)).endswith(".txt"), source.path.name
