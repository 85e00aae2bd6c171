"""The shapes: the curated graph conforms, the base fixture conforms, and each break
fixture produces exactly the result it announces and nothing else."""

from __future__ import annotations

import re

import pytest
from rdflib import RDF, XSD, Literal, URIRef
from rdflib.namespace import SH

from regiokg.validate import SHAPES_NS, load_shapes, validate_dataset, validate_files
from tests.validate.conftest import BASE, BREAKS, break_report, expected_results

_REPORTED_PATH = re.compile(r"BIND \((\w+:\w+) AS \?path\)")


def _found(report) -> list[tuple[str, URIRef, URIRef, URIRef]]:
    return sorted((r.severity, r.shape, r.focus, r.path) for r in report.results)


def test_curated_graph_has_no_violations(project, dataset):
    report = validate_dataset(dataset, project)
    assert report.violations == [], report.to_text()
    assert report.conforms


def test_base_fixture_conforms_without_warnings(project):
    report = validate_files([BASE], project)
    assert report.results == [], report.to_text()


@pytest.mark.parametrize("fixture", BREAKS, ids=[p.stem for p in BREAKS])
def test_each_break_gives_exactly_its_result(project, fixture):
    expected = expected_results(fixture)
    assert expected, f"{fixture.name} announces no result"
    report = break_report(fixture)
    assert _found(report) == expected, report.to_text()


def _targeted_shapes(shapes):
    """Node shapes with a target; the others (a calendar value, a concept of a scheme) are
    reached through sh:node and reported on the property shape that uses them."""
    targets = (SH.targetClass, SH.targetSubjectsOf, SH.targetNode, SH.targetObjectsOf)
    return {
        s
        for s in shapes.subjects(RDF.type, SH.NodeShape)
        if any(shapes.value(s, t) is not None for t in targets)
    }


def test_every_shape_with_a_target_has_a_breaking_fixture(project):
    shapes = load_shapes(project.shapes_dir)
    targeted = _targeted_shapes(shapes)
    broken = {shape for fixture in BREAKS for _, shape, _, _ in expected_results(fixture)}
    assert targeted - broken == set()
    assert all(str(s).startswith(SHAPES_NS) for s in targeted)


def test_every_property_shape_and_sparql_rule_is_broken_by_some_fixture(project):
    """Each property shape (identified by its path within its node shape) and each
    SHACL-SPARQL rule (by the path it reports, or by its shape where the rule reports the
    path it found) is the announced result of a fixture."""
    shapes = load_shapes(project.shapes_dir)
    rules = set()
    for node_shape in _targeted_shapes(shapes):
        for prop in shapes.objects(node_shape, SH.property):
            rules.add((node_shape, shapes.value(prop, SH.path)))
        for sparql in shapes.objects(node_shape, SH.sparql):
            fixed = _REPORTED_PATH.search(str(shapes.value(sparql, SH.select)))
            path = fixed and shapes.namespace_manager.expand_curie(fixed.group(1))
            rules.add((node_shape, path))
    results = [r for f in BREAKS for r in expected_results(f)]
    announced = {(shape, path) for _, shape, _, path in results}
    announced |= {(shape, None) for _, shape, _, _ in results}
    assert rules - announced == set()


def test_curated_graph_conforms_under_another_base_iri(project):
    """No shape names an instance IRI, so moving the instances leaves the verdict as it was."""
    from dataclasses import replace

    from regiokg.build import build_dataset

    moved = replace(project, base_iri="https://example.org/kg/")
    report = validate_dataset(build_dataset(moved), moved)
    assert report.conforms, report.to_text()
    assert all(str(r.focus).startswith("https://example.org/kg/id/") for r in report.results)


def test_validation_leaves_rdflib_literal_conversion_as_it_was(dataset, project):
    # pySHACL's RDFS inference changes rdflib's global literal table; regiokg restores it.
    before = Literal("2007", datatype=XSD.gYear, normalize=False).toPython()
    validate_dataset(dataset, project)
    after = Literal("2007", datatype=XSD.gYear, normalize=False).toPython()
    assert type(after) is type(before) and after == before
