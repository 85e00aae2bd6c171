"""``regiokg build`` on a store that is already built: nothing changed means nothing is
touched; changed, added or removed sources are reloaded alone, and the result (store,
N-Quads, Turtle, validation report) is the one a full build of the same files gives."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from regiokg.cli import main
from regiokg.config import Project
from regiokg.incremental import plan_build, update_build
from regiokg.store import open_store
from regiokg.validate import validate_store
from regiokg.validate.locality import reach_of

REPO = Path(__file__).resolve().parents[1]
PREFIXES = (
    "@prefix rkg: <https://w3id.org/regiokg/ontology#> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "@prefix city: <https://w3id.org/regiokg/id/city/> .\n"
    "@prefix org: <https://w3id.org/regiokg/id/organisation/> .\n"
    "@prefix prov: <http://www.w3.org/ns/prov#> .\n"
    "@prefix schema: <https://schema.org/> .\n"
    "@prefix doc: <https://w3id.org/regiokg/id/document/> .\n"
)
CITY = PREFIXES + (
    'city:zz-town a rkg:City ; rdfs:label "Zz Town"@en ; prov:wasDerivedFrom doc:reference ;\n'
    "    schema:containedInPlace <https://w3id.org/regiokg/id/country/tunisia> .\n"
)
ORGANISATION = PREFIXES + (
    'org:zz-org a rkg:Organisation ; rdfs:label "Zz Org"@en ;\n'
    "    rkg:basedIn city:zz-town ; prov:wasDerivedFrom doc:reference .\n"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A copy of the project, built once; each test works on a copy of it."""
    root = tmp_path_factory.mktemp("incremental") / "project"
    for part in ("ontology", "shapes", "queries", "graph"):
        shutil.copytree(REPO / part, root / part)
    (root / "graph" / "zz-city.ttl").write_text(CITY, encoding="utf-8")
    (root / "graph" / "zz-org.ttl").write_text(ORGANISATION, encoding="utf-8")
    _build(root)
    return root


@pytest.fixture
def project(built, tmp_path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(built, root, symlinks=True)
    return root


def _build(root: Path, *args: str) -> str:
    result = CliRunner().invoke(
        main, ["--project", str(root), "build", *args], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    return result.output


_BLANK = re.compile(r"_:[A-Za-z0-9]+")


def _lines(quads) -> list[str]:
    return sorted(_BLANK.sub("_:b", str(q)) for q in quads)


def _state(root: Path) -> tuple[list, list, list]:
    """The store's quads, the N-Quads file's and the Turtle file's triples, with blank
    node labels masked (each parse draws new ones)."""
    store = open_store(root / ".regiokg" / "store", read_only=True)
    quads = _lines(store)
    del store
    out = root / "build"
    nq = _lines(ox.parse(path=out / "regiokg.nq", format=ox.RdfFormat.N_QUADS))
    ttl = _lines(ox.parse(path=out / "regiokg.ttl", format=ox.RdfFormat.TURTLE))
    return quads, nq, ttl


def _files(root: Path) -> dict[str, int]:
    places = [root / "build", root / ".regiokg" / "store"]
    return {str(p): p.stat().st_mtime_ns for place in places for p in place.iterdir()}


def test_nothing_changed_is_up_to_date_and_touches_nothing(project):
    before = _files(project)
    assert "up to date" in _build(project)
    assert _files(project) == before


def test_a_changed_source_alone_is_reloaded_and_equals_a_full_build(project):
    path = project / "graph" / "zz-org.ttl"
    path.write_text(path.read_text().replace("Zz Org", "Zz Organisation"), encoding="utf-8")
    output = _build(project)
    assert "zz-org.ttl" in output and "changed" in output
    assert "reference.ttl" not in output
    incremental = _state(project)
    assert any("Zz Organisation" in line for line in incremental[0])
    _build(project, "--full")
    assert _state(project) == incremental


def test_an_added_and_a_removed_source_equal_a_full_build(project):
    (project / "graph" / "zz-city.ttl").unlink()
    (project / "graph" / "zz-more.ttl").write_text(
        PREFIXES + 'city:zz-village a rkg:City ; rdfs:label "Zz Village"@en .\n',
        encoding="utf-8",
    )
    output = _build(project, "--allow-invalid")
    assert "removed" in output and "added" in output
    incremental = _state(project)
    assert not any("zz-town> <http://www.w3.org/2000/01/rdf" in q for q in incremental[0])
    _build(project, "--full", "--allow-invalid")
    assert _state(project) == incremental


def test_changed_shapes_mean_a_full_build(project):
    shapes = project / "shapes" / "labels.ttl"
    shapes.write_text(shapes.read_text() + "\n# edited\n", encoding="utf-8")
    assert "full build: the SHACL shapes changed" in _build(project)
    assert "up to date" in _build(project)


def test_deleted_outputs_are_written_again(project):
    (project / "build" / "regiokg.ttl").unlink()
    assert "up to date" not in _build(project)
    assert (project / "build" / "regiokg.ttl").is_file()


def _results(report) -> set:
    return {
        (r.focus, r.path, r.value, r.shape, r.constraint, r.severity, r.message)
        for r in report.results
    }


@pytest.mark.parametrize(
    "edit",
    [
        # a new node that breaks shapes (no label, a seat that is not a city)
        (
            "zz-org.ttl",
            ORGANISATION + "org:zz-bad a rkg:Organisation ; rkg:basedIn org:zz-org .\n",
        ),
        # the city others point to (sh:class) goes: the organisation based there is
        # in violation although none of its own triples changed
        ("zz-city.ttl", None),
        # a literal edited
        ("zz-city.ttl", CITY.replace('"Zz Town"@en', '"Zz Town"@en , "Zz Stadt"@en')),
    ],
    ids=["violating-node", "class-target-removed", "literal"],
)
def test_incremental_validation_reports_what_a_full_validation_does(project, edit):
    name, text = edit
    if text is None:
        (project / "graph" / name).unlink()
    else:
        (project / "graph" / name).write_text(text, encoding="utf-8")
    config = Project(project)
    plan = plan_build(config)
    assert plan.full is None and (plan.reload or plan.drop)
    result = update_build(config, plan)
    assert result.validation.restricted, "no check ran restricted"
    store = open_store(config.store_dir, read_only=True)
    full = validate_store(store, config)
    assert _results(result.report) == _results(full)
    if name == "zz-city.ttl" and text is None:
        focus = {
            str(r.focus)
            for r in full.results
            if str(r.constraint).endswith("ClassConstraintComponent")
        }
        assert "https://w3id.org/regiokg/id/organisation/zz-org" in focus


def test_reach_of_a_query():
    this = "SELECT ?this WHERE { ?this <http://a/p> ?v . ?v <http://a/q> ?w }"
    reach = reach_of(this)
    assert reach is not None and reach.depth == 1
    assert reach_of("SELECT ?this WHERE { ?this <http://a/p>+ ?v }") is None
    assert reach_of("SELECT ?this WHERE { ?this <http://a/p> ?v . ?x <http://a/q> ?y }") is None
    assert reach_of("SELECT ?this WHERE { ?this <http://a/p> ?v } LIMIT 1") is None
