"""The CORDIS sample imported into a copy of the project: what is reported, what the graph
holds (funding chain, money, roles, places, provenance to the row), the identity rule,
validation, the named queries and the region network."""

from __future__ import annotations

import hashlib

import pytest
from click.testing import CliRunner
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import PROV, RDF, XSD

from regiokg.cli import main
from regiokg.network import collaboration_network, place_network
from regiokg.query import get_query, run
from regiokg.store import store_from_dataset
from regiokg.tables import TableError, import_cordis
from regiokg.validate import validate_dataset

from .conftest import CORDIS, copy_project

R = Namespace("https://w3id.org/regiokg/id/")
RKG = Namespace("https://w3id.org/regiokg/ontology#")
SDO = Namespace("https://schema.org/")
ROLE = Namespace("https://w3id.org/regiokg/vocab/role/")


@pytest.fixture(scope="module")
def store(imported_dataset):
    return store_from_dataset(imported_dataset)


def test_bad_records_are_reported_by_line_and_the_rest_loads(imported):
    report = imported[1]["cordis"]
    assert [str(p) for p in report.problems] == [
        "project.csv:10: startDate: '2018-13-01' is not a date (YYYY-MM-DD)",
        "project.csv:11: totalCost: '12,34,56' is not a decimal number",
        "organization.csv:28: projectID: project 999999 is not in the project table",
        "organization.csv:29: role: unknown role 'observer' (known: coordinator, participant, "
        "partner, internationalpartner, thirdparty, associatedpartner)",
        "organization.csv:30: ecContribution: 'lots' is not a decimal number",
        "organization.csv:31: organisationID: organisation 999888012 is listed twice in "
        "project 900004",
        "organization.csv:32: has 5 fields where the header has 25",
    ]
    assert report.read == {"cordis-programmes.csv": 3, "project.csv": 10, "organization.csv": 31}
    assert report.loaded["project.csv"] == 8
    assert report.loaded["organization.csv"] == 26
    assert report.output.name == "cordis.nt"
    assert report.output.parent.name == "imports"


def test_build_reads_the_import_as_its_own_named_graph(imported_dataset):
    graph = imported_dataset.graph(URIRef("https://w3id.org/regiokg/graph/import/cordis"))
    assert (R["project/cordis-900001"], RDF.type, RKG.Project) in graph
    assert (R["project/cordis-900008"], None, None) not in graph


def test_imported_graph_conforms_to_the_shapes(imported, imported_dataset):
    report = validate_dataset(imported_dataset, imported[0])
    assert report.conforms, [r for r in report.results if r.severity == "violation"][:3]


def test_funding_chain_dates_and_money(imported_dataset):
    g = imported_dataset
    project = R["project/cordis-900001"]
    funding = R["funding/cordis-900001--h2020-ria"]
    assert (funding, RKG.fundedProject, project) in g
    assert (funding, RKG.fundingInstrument, R["measure/h2020-ria"]) in g
    assert (
        R["measure/h2020-ria"],
        URIRef("http://purl.org/dc/terms/isPartOf"),
        R["programme/h2020"],
    ) in g
    assert (R["programme/h2020"], RKG.financedBy, R["fund/eu-budget"]) in g
    assert g.value(project, SDO.startDate) == Literal("2016-01-01", datatype=XSD.date)
    cost = g.value(project, RKG.totalCost)
    assert g.value(cost, SDO.value) == Literal("3064875.5", datatype=XSD.decimal)
    assert str(g.value(cost, SDO.currency)) == "EUR"
    assert (R["project/cordis-900006"], None, None) in g  # FP7
    assert (
        R["project/cordis-900007"],
        RKG.status,
        URIRef("https://w3id.org/regiokg/vocab/status/terminated"),
    ) in g


def test_quotes_and_line_breaks_in_cells_survive(imported_dataset):
    objective = imported_dataset.value(R["project/cordis-900001"], SDO.description)
    assert '"clean" combustion' in str(objective)
    objective = imported_dataset.value(R["project/cordis-900002"], SDO.description)
    # a quoted cell over two lines is one record; white space is made single spaces
    assert "sample, with a line break: composite" in str(objective)


def test_participations_roles_and_contributions(imported_dataset):
    g = imported_dataset
    coordinator = R["participation/cordis-900001--pic-999888001"]
    assert (coordinator, RKG.role, ROLE.coordinator) in g
    assert g.value(g.value(coordinator, RKG.ecContribution), SDO.value) == Literal(
        "1200000.50", datatype=XSD.decimal
    )
    assert (R["participation/cordis-900002--pic-999888007"], RKG.role, ROLE["third-party"]) in g
    assert (R["participation/cordis-900010--pic-999888001"], RKG.role, ROLE["project-partner"]) in g
    assert (
        R["participation/cordis-900004--pic-999888013"],
        RKG.role,
        ROLE["associated-partner"],
    ) in g
    # one organisation, one IRI, in four projects (and, through the attendance list
    # imported after CORDIS, in the seminar: the identity rule reads earlier imports)
    mine = {g.value(p, RKG.activity) for p in g.subjects(RKG.agent, R["org/pic-999888001"])}
    projects = {a for a in mine if (a, RDF.type, RKG.Project) in g}
    assert len(projects) == 4
    assert R["event/2015-05-20-seminarium-kompozyty-w-lotnictwie"] in mine


def test_kinds_sme_and_places(imported_dataset):
    g = imported_dataset
    lyon = R["org/pic-999888004"]
    assert (lyon, RDF.type, RKG.University) in g
    assert (R["org/pic-999888003"], RKG.sme, Literal(True)) in g
    assert (R["org/pic-999888018"], RDF.type, RKG.Company) in g
    assert (R["org/pic-999888014"], RKG.basedIn, R["city/wroclaw"]) in g  # curated city
    assert (R["city/lyon-fr"], SDO.containedInPlace, R["region/rhone-alpes"]) in g
    # NUTS codes map to the curated region with the longest prefix, else NUTS 2
    assert (R["city/krakow-pl"], SDO.containedInPlace, R["region/nuts-pl21"]) in g
    nuts = URIRef("http://data.europa.eu/nuts/code/PL21")
    assert (R["region/nuts-pl21"], RKG.nutsRegion, nuts) in g
    # an empty NUTS code: the city lies in the country
    assert (R["city/andrezieux-boutheon-fr"], SDO.containedInPlace, R["country/france"]) in g


def test_identity_rule_links_to_curated_organisations(imported_dataset):
    g = imported_dataset
    for curated, pic in [
        ("uniwersytet-slaski", "999888002"),
        ("scntpl", "999888005"),
        ("pppt", "999888008"),  # "…SA" against "… S.A."
        ("politechnika-warszawska", "999888009"),
        ("miasto-katowice", "999888012"),
    ]:
        assert str(g.value(R[f"org/{curated}"], RKG.pic)) == pic, curated
        assert (R[f"org/pic-{pic}"], None, None) not in g
    # same name, other city: not the same organisation
    assert (R["org/pic-999888011"], RDF.type, RKG.Organisation) in g


def test_every_statement_traces_to_its_row_and_file(imported_dataset):
    g = imported_dataset
    node = R["participation/cordis-900004--pic-999888001"]
    derivation = g.value(node, PROV.qualifiedDerivation)
    assert g.value(derivation, RKG.sourceRow) == Literal(15, datatype=XSD.positiveInteger)
    table = g.value(derivation, PROV.entity)
    assert (node, PROV.wasDerivedFrom, table) in g
    data = (CORDIS / "organization.csv").read_bytes()
    assert str(g.value(table, RKG.sha256)) == hashlib.sha256(data).hexdigest()
    assert str(g.value(table, RKG.sourceFile)) == "organization.csv"
    assert (table, RDF.type, RKG.SourceTable) in g


def _rows(store, project, name, **params):
    return run(store, get_query(project, name), params).rows


def test_named_queries(store, imported):
    project = imported[0]
    silesia = _rows(store, project, "projects_of_region", region=R["region/slaskie"])
    imported_projects = {str(r.acronym) for r in silesia if "/cordis-" in str(r.project)}
    assert imported_projects == {
        "SILCLEAN",
        "AEROSIL",
        "ÉNERLOIRE",
        "CARBOTEX",
        "GRIDSIL",
        "ROBOLYON",
    }
    gridsil = next(r for r in silesia if str(r.acronym) == "GRIDSIL")
    assert int(gridsil.participantsInRegion) == 1  # Katowice, not Kraków
    partners = _rows(
        store, project, "partners_of_organisation", organisation=R["org/pic-999888001"]
    )
    shared = {str(r.partner).rsplit("/", 1)[-1]: int(r.shared) for r in partners}
    assert shared["pic-999888003"] == 1 and shared["miasto-katowice"] == 1
    money = {
        (str(r.code), int(r.year)): r.ecContribution.toPython()
        for r in _rows(store, project, "ec_contribution_by_region_year")
    }
    from decimal import Decimal

    assert money[("PL22", 2016)] == Decimal("1800000.50")
    assert money[("PL9", 2019)] == Decimal("3000000.75")


def test_region_network_from_imported_projects(store, imported):
    G = collaboration_network(store, project=imported[0])
    regions = place_network(G, "region")
    slaskie, rhone = str(R["region/slaskie"]), str(R["region/rhone-alpes"])
    assert regions.has_edge(slaskie, rhone)
    assert str(R["region/nuts-pl21"]) in regions


def test_fp7_layout_is_read_through_aliases(project, tmp_path):
    copy = copy_project(project, tmp_path / "p")
    (tmp_path / "project.csv").write_text(
        "rcn;id;acronym;status;programme;topics;frameworkProgramme;title;startDate;endDate;"
        "projectUrl;objective;totalCost;ecMaxContribution;call;fundingScheme\n"
        '"1";"800001";"OLDIE";"CLOSED";"FP7-ICT";"ICT";"FP7";"An FP7 project";"2009-01-01";'
        '"2011-12-31";"";"";"1000,5";"800";"FP7-ICT-2008";"CP"\n',
        encoding="utf-8",
    )
    (tmp_path / "organization.csv").write_text(
        "projectRcn;projectID;projectAcronym;role;id;name;shortName;activityType;"
        "endOfParticipation;ecContribution;country;street;city;postCode;organizationUrl\n"
        '"1";"800001";"OLDIE";"coordinator";"999777001";"INSTYTUT X";"";"REC";"false";'
        '"800";"PL";"";"KATOWICE";"";"www.x.pl"\n',
        encoding="utf-8",
    )
    report = import_cordis(copy, tmp_path / "project.csv", tmp_path / "organization.csv")
    assert report.problems == []
    text = report.output.read_text(encoding="utf-8")
    assert "<https://w3id.org/regiokg/id/org/pic-999777001>" in text
    assert "<http://www.x.pl>" in text


def test_unreadable_table_writes_nothing(project, tmp_path):
    copy = copy_project(project, tmp_path / "p")
    bad = tmp_path / "project.csv"
    bad.write_text("id;title\n1;x\n", encoding="utf-8")
    with pytest.raises(TableError, match="missing columns frameworkProgramme, fundingScheme"):
        import_cordis(copy, bad, CORDIS / "organization.csv")
    assert not (copy.imports_dir / "cordis.nt").exists()
    assert not list(copy.imports_dir.glob("*")) if copy.imports_dir.exists() else True


def test_cli(project, tmp_path):
    copy = copy_project(project, tmp_path / "p")
    runner = CliRunner()
    args = ["--project", str(copy.root), "import", "cordis"]
    assert "Example: regiokg import cordis" in runner.invoke(main, [*args, "--help"]).output
    files = [
        "--projects",
        str(CORDIS / "project.csv"),
        "--organizations",
        str(CORDIS / "organization.csv"),
    ]
    problems = tmp_path / "problems.csv"
    result = runner.invoke(main, [*args, *files, "--problems", str(problems)])
    assert result.exit_code == 0, result.output
    assert "organization.csv:29: role: unknown role 'observer'" in result.output
    assert "triples/s" in result.output
    assert problems.read_text(encoding="utf-8").count("\n") == 8
    strict = runner.invoke(main, [*args, *files, "--strict"])
    assert strict.exit_code == 1 and "7 problems (--strict)" in strict.output
    missing = runner.invoke(main, [*args, "--projects", str(tmp_path / "nope.csv"), *files[2:]])
    assert missing.exit_code == 1
    assert "nope.csv: cannot read" in missing.output and "Traceback" not in missing.output
