"""The report: what a person reads names the node by label and IRI, the property, the value,
the rule and the source file and document; JSON carries the same fields."""

from __future__ import annotations

import json

import pytest

from regiokg.validate import validate_files
from tests.validate.conftest import BASE, FIXTURES

BREAK = FIXTURES / "breaks" / "organisation_based_in_region.ttl"


@pytest.fixture(scope="module")
def report(project):
    return validate_files([BASE, BREAK], project)


def test_text_names_label_iri_path_value_message_and_source(report):
    text = report.to_text()
    assert "Organisation (rkgsh:OrganisationShape): 1 violation" in text
    assert "VIOLATION  Development Unit  r:test/unit" in text
    assert "property  rkg:basedIn" in text
    assert "value     r:test/slaskie  (Silesian Voivodeship)" in text
    assert "An organisation is based in at most one city (a rkg:City)." in text
    assert BREAK.name in text
    assert "r:test/doc" in text
    assert text.rstrip().endswith("The graph does not conform to the shapes: 1 violation.")


def test_text_has_no_colour_codes(report):
    assert "\x1b[" not in report.to_text()


def test_json_has_the_same_fields(report):
    body = json.loads(report.to_json())
    assert body["conforms"] is False
    assert body["counts"] == {"violation": 1, "warning": 0, "info": 0}
    (result,) = body["results"]
    assert result["focus"] == "https://w3id.org/regiokg/id/test/unit"
    assert result["focus_label"] == "Development Unit"
    assert result["path"] == "https://w3id.org/regiokg/ontology#basedIn"
    assert result["value"] == "<https://w3id.org/regiokg/id/test/slaskie>"
    assert result["shape"] == "https://w3id.org/regiokg/shapes#OrganisationShape"
    assert result["documents"] == ["https://w3id.org/regiokg/id/test/doc"]
    assert sorted(result["sources"]) == sorted([str(BASE), str(BREAK)])


def test_turtle_is_the_shacl_report_graph(report):
    from rdflib import Graph
    from rdflib.namespace import SH

    graph = Graph().parse(data=report.to_turtle(), format="turtle")
    assert len(list(graph.subjects(SH.focusNode, None))) == 1


def test_blank_node_focus_is_named_through_its_owner(project, tmp_path):
    broken = tmp_path / "address.ttl"
    broken.write_text(
        BASE.read_text(encoding="utf-8").replace(
            'schema:addressLocality "Katowice"', 'schema:addressLocality "Katowice" , "Kattowitz"'
        ),
        encoding="utf-8",
    )
    (result,) = validate_files([broken], project).results
    assert result.focus_label == "(part of Palace)"
    assert result.sources == (str(broken),)


def test_text_never_cuts_a_file_name_or_an_iri(project, tmp_path):
    # A checkout at a long path must read the same: the report prints whole lines, even
    # on a console narrower than the file's name.
    deep = tmp_path.joinpath(*["a-rather-long-directory-name"] * 6)
    deep.mkdir(parents=True)
    copy = deep / BREAK.name
    copy.write_bytes(BREAK.read_bytes())
    text = validate_files([BASE, copy], project).to_text(width=40)
    assert str(copy) in text
    assert "Organisation (rkgsh:OrganisationShape): 1 violation" in text
    assert "VIOLATION  Development Unit  r:test/unit" in text
