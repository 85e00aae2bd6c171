"""``regiokg build --full --stream``: the full build through pyoxigraph, without an rdflib
graph, gives the quads the rdflib build gives (store, N-Quads and Turtle, compared as
graphs, blank nodes up to isomorphism), on the curated project and with an import; a
violation leaves outputs and store untouched; the next build after it is incremental."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset
from rdflib.compare import isomorphic

from regiokg.cli import main
from regiokg.config import Project
from regiokg.convert import quads_to_dataset
from regiokg.incremental import full_build
from regiokg.store import open_store

from .conftest import REPO

IMPORT = (
    "<https://w3id.org/regiokg/id/organisation/zz-imported> "
    "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    "<https://w3id.org/regiokg/ontology#Organisation> .\n"
    "<https://w3id.org/regiokg/id/organisation/zz-imported> "
    '<http://www.w3.org/2000/01/rdf-schema#label> "Zz imported"@en .\n'
    "<https://w3id.org/regiokg/id/organisation/zz-imported> "
    "<https://w3id.org/regiokg/ontology#basedIn> <https://w3id.org/regiokg/id/city/katowice> .\n"
    "<https://w3id.org/regiokg/id/organisation/zz-imported> "
    "<https://w3id.org/regiokg/ontology#foundingYear> "
    '"2001"^^<http://www.w3.org/2001/XMLSchema#gYear> .\n'
    "<https://w3id.org/regiokg/id/organisation/zz-imported> "
    "<http://www.w3.org/ns/prov#wasDerivedFrom> "
    "<https://w3id.org/regiokg/id/document/reference> .\n"
    "_:zz <http://www.w3.org/2000/01/rdf-schema#comment> "
    '"19.2740"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n'
)


def _project(root: Path, *, imported: bool) -> Path:
    for part in ("ontology", "shapes", "queries", "graph"):
        shutil.copytree(REPO / part, root / part)
    if imported:
        (root / "imports").mkdir()
        (root / "imports" / "zz-table.nt").write_text(IMPORT, encoding="utf-8")
    return root


def _build(root: Path, *args: str, seeds: Path | None = None) -> str:
    env = {"COLUMNS": "200", "REGIOKG_SEEDS": str(seeds) if seeds else None}
    result = CliRunner().invoke(main, ["--project", str(root), "build", *args], env=env)
    assert result.exit_code == 0, result.output
    return result.output


def _dataset(quads) -> Dataset:
    return quads_to_dataset(quads, Dataset())


def _same(a: Dataset, b: Dataset) -> bool:
    graphs = {g.identifier for g in a.graphs() if len(g)} | {
        g.identifier for g in b.graphs() if len(g)
    }
    return all(isomorphic(a.graph(g), b.graph(g)) for g in graphs)


_OUTPUTS = (("regiokg.nq", ox.RdfFormat.N_QUADS), ("regiokg.ttl", ox.RdfFormat.TURTLE))


def _built(root: Path) -> tuple[Dataset, ...]:
    """The store's graphs and those of the N-Quads and Turtle files."""
    store = open_store(root / ".regiokg" / "store", read_only=True)
    stored = _dataset(store)
    del store
    files = [ox.parse(path=root / "build" / name, format=fmt) for name, fmt in _OUTPUTS]
    return (stored, *(_dataset(quads) for quads in files))


@pytest.mark.parametrize(
    "imported",
    [False, pytest.param(True, marks=pytest.mark.slow)],
    ids=["curated", "with-import"],
)
def test_the_streamed_build_gives_the_quads_of_the_rdflib_build(tmp_path, seeds_dir, imported):
    streamed = _project(tmp_path / "one", imported=imported)
    in_memory = _project(tmp_path / "two", imported=imported)
    printed = _build(streamed, "--full", "--stream", seeds=seeds_dir)
    expected = _build(in_memory, "--full", seeds=seeds_dir)
    assert "evidence spans quoted" in printed
    # Same summary (classes, sources, evidence), same validation outcome.
    assert printed.replace(str(streamed), str(in_memory)) == expected
    for ours, theirs in zip(_built(streamed), _built(in_memory), strict=True):
        assert len(ours) == len(theirs) > 8000
        assert _same(ours, theirs)
    # The lexical form of the source is kept in the files (the store normalises it).
    if imported:
        assert '"19.2740"' in (streamed / "build" / "regiokg.nq").read_text(encoding="utf-8")


def test_a_violation_stops_the_streamed_build_with_nothing_changed(tmp_path):
    root = _project(tmp_path / "p", imported=True)
    _build(root, "--stream")
    before = {p: p.read_bytes() for p in (root / "build").iterdir()}
    quads = len(open_store(root / ".regiokg" / "store", read_only=True))
    table = root / "imports" / "zz-table.nt"
    # An organisation without a label and based in an organisation: violations.
    table.write_text(
        IMPORT.replace('"Zz imported"@en', '""')
        + "<https://w3id.org/regiokg/id/organisation/zz-bad> "
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<https://w3id.org/regiokg/ontology#Organisation> .\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["--project", str(root), "build", "--full", "--stream"], env={"COLUMNS": "200"}
    )
    assert result.exit_code != 0
    assert "nothing was written" in result.output
    assert {p: p.read_bytes() for p in (root / "build").iterdir()} == before
    assert len(open_store(root / ".regiokg" / "store", read_only=True)) == quads
    assert not [p for p in (root / ".regiokg").iterdir() if p.name != "store"]


@pytest.mark.slow
def test_after_a_streamed_build_an_edit_is_incremental(tmp_path):
    root = _project(tmp_path / "p", imported=True)
    _build(root, "--stream")
    assert "up to date" in _build(root)
    table = root / "imports" / "zz-table.nt"
    table.write_text(IMPORT.replace("Zz imported", "Zz imported again"), encoding="utf-8")
    output = _build(root)
    assert "Incremental build" in output and "zz-table.nt" in output
    incremental = _built(root)
    _build(root, "--full", "--stream")
    for ours, theirs in zip(_built(root), incremental, strict=True):
        assert _same(ours, theirs)


def test_full_build_without_a_store_writes_the_outputs(tmp_path):
    root = _project(tmp_path / "p", imported=False)
    result = full_build(Project(root), store=False)
    assert result.report is not None and result.report.conforms
    assert result.summary.classes["rkg:City"] >= 10
    assert (root / "build" / "regiokg.nq").stat().st_size > 0
    assert not (root / ".regiokg").exists()


@pytest.mark.slow
def test_an_edited_news_item_keeps_its_quotes_when_reloaded(tmp_path, seeds_dir):
    root = _project(tmp_path / "p", imported=False)
    _build(root, "--stream", seeds=seeds_dir)
    full = _built(root)
    edited = root / "graph" / "2011-katowice-saint-etienne.ttl"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert "Incremental build" in _build(root, seeds=seeds_dir)
    # A line was added, no triple: the reloaded graph has its quotes again.
    for ours, theirs in zip(_built(root), full, strict=True):
        assert _same(ours, theirs)
