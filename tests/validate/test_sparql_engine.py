"""The SPARQL engine gives pySHACL's results: the same focus node, path, value, severity,
shape, constraint component and message on every break fixture, on the curated graph and
on a synthetic graph with planted violations."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Literal
from rdflib.namespace import SH

from regiokg.sources import SourceError
from regiokg.synth import PLANTS, synthesise
from regiokg.validate import (
    SHAPES_NS,
    ShapesError,
    load_shapes,
    validate_dataset,
    validate_files,
    validate_store,
)
from regiokg.validate.sparql_engine import UnsupportedShape, compile_shapes
from tests.validate.conftest import BASE, BREAKS, break_report


def _key(result):
    # Oxigraph keeps numbers in canonical form ("95.0000" is stored as "95"): literals are
    # compared as RDF values, everything else as terms.
    value = result.value
    if isinstance(value, Literal) and value.value is not None and value.language is None:
        value = (value.datatype, value.value)
    return (
        result.severity,
        result.shape,
        result.focus,
        result.path,
        value,
        result.constraint,
        result.message,
    )


def _same(reference, candidate):
    expected = sorted(map(_key, reference.results), key=repr)
    found = sorted(map(_key, candidate.results), key=repr)
    assert found == expected, candidate.to_text()


@pytest.mark.parametrize("fixture", BREAKS, ids=[p.stem for p in BREAKS])
def test_engines_agree_on_each_break(fixture):
    sparql = break_report(fixture, "sparql")
    assert sparql.results, f"the SPARQL engine finds nothing wrong in {fixture.name}"
    _same(break_report(fixture), sparql)


def test_engines_agree_on_base_fixture(project):
    assert validate_files([BASE], project, engine="sparql").results == []


def test_engines_agree_on_curated_graph(project, dataset):
    _same(validate_dataset(dataset, project), validate_dataset(dataset, project, engine="sparql"))


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth")
    summary = synthesise(out, organisations=40, years=(2012, 2014), seed=5, plant=tuple(PLANTS))
    return summary


def test_engines_agree_on_planted_violations(project, planted):
    path = [planted.path]
    _same(validate_files(path, project), validate_files(path, project, engine="sparql"))


def test_sparql_engine_finds_each_planted_violation(project, planted):
    report = validate_files([planted.path], project, engine="sparql")
    found = {(str(r.shape), str(r.focus), str(r.path)) for r in report.violations}
    for _kind, shape, focus, path in planted.planted:
        assert (SHAPES_NS + shape, focus, path) in found
    assert len(planted.planted) == len(PLANTS)


def test_unknown_engine_is_refused(project):
    with pytest.raises(ValueError, match="unknown validation engine"):
        validate_files([BASE], project, engine="fast")


def test_store_with_ontology_validates_in_place(project, dataset):
    from regiokg.convert import dataset_to_quads

    store = ox.Store()
    store.extend(dataset_to_quads(dataset))
    report = validate_store(store, project)
    assert report.conforms, report.to_text()


def test_unsupported_constraint_is_named(project, tmp_path):
    shapes = load_shapes(project.shapes_dir)
    shape = next(shapes.subjects(SH.targetClass, None))
    shapes.add((shape, SH.closed, Literal(True)))
    with pytest.raises(UnsupportedShape, match="closed"):
        compile_shapes(shapes, ox.Store())
    (tmp_path / "shapes.ttl").write_text(shapes.serialize(format="turtle"), encoding="utf-8")
    with pytest.raises(ShapesError, match="SPARQL engine cannot use"):
        validate_files([BASE], project, shapes_dir=tmp_path, engine="sparql")


def test_one_query_per_constraint(project):
    shapes = load_shapes(project.shapes_dir)
    checks = compile_shapes(shapes, ox.Store())
    constraints = sum(1 for _ in shapes.objects(None, SH.sparql))
    assert len(checks) > constraints
    assert all("$this" not in c.query for c in checks)


def test_bad_quads_file_names_file_and_line(project, tmp_path):
    broken = tmp_path / "broken.nq"
    broken.write_text("<http://a> <http://b> <http://c> <http://g> .\n<http://a> <http://b> .\n")
    with pytest.raises(SourceError) as caught:
        validate_files([broken], project, engine="sparql")
    assert caught.value.line == 2 and str(broken) in str(caught.value)


def test_default_graph_of_a_quads_file_is_the_file(project, tmp_path):
    data = tmp_path / "triples.nq"
    data.write_text(
        '<https://w3id.org/regiokg/id/test/x> <http://www.w3.org/ns/prov#wasDerivedFrom> "doc" .\n'
    )
    report = validate_files([data], project, engine="sparql")
    assert {r.sources for r in report.results} == {(str(data),)}
