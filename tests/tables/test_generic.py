"""Tables with a mapping of their own: the member list and the attendance list samples, and
mappings that cannot be used."""

from __future__ import annotations

import pytest
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD

from regiokg.tables import MappingError
from regiokg.tables.generic import import_table

from .conftest import copy_project

R = Namespace("https://w3id.org/regiokg/id/")
RKG = Namespace("https://w3id.org/regiokg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
SDO = Namespace("https://schema.org/")


def test_member_list_problems(imported):
    report = imported[1]["members"]
    assert [str(p) for p in report.problems] == [
        "cluster-members.csv:8: city: is empty",
        "cluster-members.csv:9: kind: 'spółdzielnia' is not one of firma, company, uczelnia, "
        "university, instytut, research, samorząd, public, agencja, agency, inna, other",
        "cluster-members.csv:10: joined: '2015-02-30' is not a date (YYYY-MM-DD)",
    ]
    assert report.loaded == {"cluster-members.csv": 6}


def test_memberships_link_curated_and_earlier_imported_organisations(imported_dataset):
    g = imported_dataset
    cluster = R["org/slaski-klaster-lotniczy"]  # curated, matched by its name alone
    members = {g.value(m, ORG.member) for m in g.subjects(ORG.organization, cluster)}
    assert R["org/scntpl"] in members  # curated: name without legal form, same city
    assert R["org/pic-999888001"] in members  # Politechnika Śląska from the CORDIS import
    new = R["org/zaklad-kompozytow-bielsko-sp-z-o-o"]
    assert new in members
    assert (new, RDF.type, RKG.Company) in g
    assert (new, RKG.basedIn, R["city/bielsko-biala-pl"]) in g
    assert (R["city/bielsko-biala-pl"], URIRef(str(RDF.type)), RKG.City) in g
    membership = R["membership/slaski-klaster-lotniczy--scntpl"]
    assert g.value(membership, SDO.startDate) == Literal("2011-06-01", datatype=XSD.date)


def test_attendance_list(imported, imported_dataset):
    report = imported[1]["attendance"]
    assert [str(p) for p in report.problems] == [
        "event-attendance.xlsx:8: date: 'nie wiem' is not a date (YYYY-MM-DD)",
        "event-attendance.xlsx:9: role: 'obserwator' is not one of uczestnik, participant, "
        "prelegent, speaker, organizator, organiser, gospodarz, host, delegat, delegate",
    ]
    g = imported_dataset
    event = R["event/2015-05-20-seminarium-kompozyty-w-lotnictwie"]
    assert (event, RDF.type, RKG.Event) in g
    agents = {g.value(p, RKG.agent) for p in g.subjects(RKG.activity, event)}
    assert R["org/gapp"] in agents  # curated, same name and city
    assert len(agents) == 6


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("prefixes: {}\n", "not a YARRRML mapping"),
        ("mappings: {}\nregiokg: {source: x}\n", "declares no columns"),
        ("mappings: {}\nregiokg: {source: x, columns: {a: {type: colour}}}\n", "unknown type"),
        ("mappings: [\n", "not valid YAML"),
        (
            "mappings: {}\nregiokg: {source: x, columns: {o: {type: organisation, kind: Shop}}}\n",
            "'Shop' is not a class of the regiokg ontology",
        ),
    ],
)
def test_unusable_mappings_are_named(project, tmp_path, text, message):
    copy = copy_project(project, tmp_path / "p")
    mapping = tmp_path / "bad.yml"
    mapping.write_text(text, encoding="utf-8")
    with pytest.raises(MappingError, match=message) as error:
        import_table(copy, copy.root / "mappings/examples/cluster-members.csv", mapping)
    assert "bad.yml" in str(error.value)


def test_cli_table(project, tmp_path):
    from click.testing import CliRunner

    from regiokg.cli import main

    copy = copy_project(project, tmp_path / "p")
    args = ["--project", str(copy.root), "import", "table"]
    runner = CliRunner()
    assert "Example: regiokg import table" in runner.invoke(main, [*args, "--help"]).output
    examples = copy.root / "mappings" / "examples"
    result = runner.invoke(
        main,
        [
            *args,
            str(examples / "cluster-members.csv"),
            "--mapping",
            str(copy.root / "mappings/cluster-members.yml"),
            "--name",
            "members",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "cluster-members.csv:10: joined:" in result.output
    assert (copy.imports_dir / "members.nt").is_file()
