"""Competency questions: every named query in ``queries/cq*.rq`` answers exactly what the
seed documents state (``../shared/competency-questions.md`` and our own additions), on the
path the command line and the server take (the embedded pyoxigraph store) and on the rdflib
path a notebook takes, with the same answers on both."""

from __future__ import annotations

import pytest
from rdflib import BNode

from regiokg.query import DatasetTarget, QueryError, StoreTarget, load_queries, run
from regiokg.store import store_from_dataset

from .conftest import REPO

ID = "https://w3id.org/regiokg/id/"
VOCAB = "https://w3id.org/regiokg/vocab/"


@pytest.fixture(scope="module")
def store_target(dataset):
    """The built dataset in a pyoxigraph store: the engine `regiokg query` runs on."""
    return StoreTarget(store_from_dataset(dataset))


@pytest.fixture(scope="module", params=["store", "rdflib"])
def target(request, dataset, store_target):
    """Each target a competency question must answer on alike."""
    return store_target if request.param == "store" else DatasetTarget(dataset)


def answers(target, project, name, column, **params):
    """The set of values in ``column`` of the named query's result."""
    query = load_queries(project)[name]
    result = run(target, query, params or None)
    return {str(row[column]) if row[column] is not None else None for row in result}


def ids(*paths):
    return {ID + p for p in paths}


EXPECTED = [
    ("cq01_twinning_year", "year", {"1994"}),
    ("cq02_organisation_founding", "year", {"1998"}),
    ("cq02_organisation_founding", "city", ids("city/katowice")),
    (
        "cq03_promising_sectors",
        "sector",
        {
            VOCAB + "sector/" + s
            for s in (
                "energy-efficiency",
                "renewable-energy",
                "medical",
                "aviation",
                "mechanical-engineering",
                "composites",
            )
        },
    ),
    (
        "cq04_mission_participants",
        "org",
        ids(
            "org/eurocentrum",
            "org/medsilesia",
            "org/scntpl",
            "org/slaski-klaster-lotniczy",
            "org/gapp",
            "org/miasto-katowice",
            "org/metropolia-silesia",
        ),
    ),
    ("cq05_event_place_date_parent", "start", {"2011-04-07"}),
    ("cq05_event_place_date_parent", "venue", ids("venue/cci-saint-etienne")),
    ("cq05_event_place_date_parent", "parent", ids("event/2011-04-mission-saint-etienne")),
    (
        "cq06_project_municipalities",
        "cityLabel",
        {"Katowice", "Gliwice", "Tychy", "Jaworzno", "Jastrzębie-Zdrój", "Rybnik"},
    ),
    ("cq07_project_funding_chain", "notation", {"2.6"}),
    ("cq07_project_funding_chain", "name", {"Regionalne strategie innowacyjne i transfer wiedzy"}),
    ("cq07_project_funding_chain", "programmeAbbrev", {"ZPORR"}),
    ("cq08_cluster_coordinator", "coordinator", ids("org/pppt")),
    (
        "cq09_event_speakers",
        "name",
        {"Michał Luczewski", "Hugues Labar", "Cezary Supeł", "Piotr Popik", "Małgorzata Rudnicka"},
    ),
    (
        "cq09_event_speakers",
        "org",
        ids(
            "org/pppt",
            "org/walonia-departament-konkurencyjnosci",
            "org/miasto-plock",
            "org/arm",
            "org/umwm-wydzial-innowacyjnosci",
        ),
    ),
    ("cq10_event_organisers", "org", ids("org/dg-enterprise-industry", "org/accio", "org/erai")),
    (
        "cq11_platform_consortia_sectors",
        "sector",
        {
            VOCAB + "sector/" + s
            for s in (
                "clean-technologies",
                "biotechnology",
                "renewable-energy",
                "sport-industries",
                "advanced-textiles",
            )
        },
    ),
    ("cq12_project_programme_fund", "programme", ids("programme/central-europe")),
    ("cq12_project_programme_fund", "fund", ids("fund/erdf")),
    ("cq13_event_when_where", "start", {"2006-05-29"}),
    ("cq13_event_when_where", "city", ids("city/gliwice")),
    ("cq14_cluster_members_by_helix", "kind", {VOCAB + "helix/public"}),
    (
        "cq15_entity_sources",
        "document",
        ids("document/000_19bbb48e405d2545", "document/001_b75833e6e84d6d6d", "document/reference"),
    ),
    (
        "cq16_event_participating_organisations",
        "org",
        ids(
            "org/pppt",
            "org/walonia-departament-konkurencyjnosci",
            "org/umwm",
            "org/arm",
            "org/miasto-plock",
            "org/politechnika-warszawska-plock",
        ),
    ),
    ("cq17_organisation_networks", "network", ids("org/ecrn")),
    ("cq18_prepared_programmes", "name", {"Innochem", "ChemBR"}),
    ("cq19_parent_organisation", "parent", ids("org/european-commission")),
    ("cq20_event_regions", "nuts", {"BE10", "ES51", "FRK2"}),
    ("cq21_event_topics_count", "topics", {"3"}),
    ("cq23_speaker_represented", "org", ids("org/klastry-polskie", "org/slaski-klaster-lotniczy")),
    (
        "cq24_project_themes",
        "sector",
        {
            VOCAB + "sector/" + s
            for s in (
                "sustainable-transport",
                "green-economy",
                "active-ageing",
                "knowledge-technology-transfer",
            )
        },
    ),
    ("cq25_project_events", "status", {VOCAB + "status/held", VOCAB + "status/planned"}),
    ("cq26_organisations_linking_events", "org", ids("org/slaski-klaster-lotniczy")),
    ("cq27_event_date", "start", {"2013-07-03"}),
]


@pytest.mark.parametrize(("name", "column", "expected"), EXPECTED)
def test_competency_question_has_exact_answer(target, project, name, column, expected):
    assert answers(target, project, name, column) == expected


def test_cq22_lists_five_consortia(target, project):
    found = answers(target, project, "cq22_platform_consortia", "consortium")
    assert len(found) == 5
    assert all(iri.startswith(ID + "org/eccp-consortium-") for iri in found)


def test_parameters_change_the_answer(target, project):
    sources = answers(target, project, "cq15_entity_sources", "document", entity=ID + "org/pppt")
    assert sources == ids("document/002_16598245d1df39de")
    coordinator = answers(
        target, project, "cq08_cluster_coordinator", "coordinator", cluster=ID + "org/medsilesia"
    )
    assert coordinator == set()


def _rows(result):
    # Each solution as its terms (blank-node labels are the engine's own), in any order.
    return sorted(
        (tuple("_:" if isinstance(t, BNode) else t for t in row) for row in result), key=repr
    )


COMPETENCY = sorted(path.stem for path in (REPO / "queries").glob("cq*.rq"))


@pytest.mark.parametrize("name", COMPETENCY)
def test_store_and_rdflib_give_the_same_answer(name, project, dataset, store_target):
    # One text, one meaning: the same bound query answers alike on both engines, whole
    # solutions compared, not just the column the exact-answer tests look at.
    query = load_queries(project)[name]
    on_store, on_rdflib = run(store_target, query), run(DatasetTarget(dataset), query)
    assert on_rdflib.variables == on_store.variables
    assert _rows(on_rdflib) == _rows(on_store)


def test_every_seed_has_at_least_five_questions(project):
    names = set(load_queries(project))
    for seed in ("000", "001", "002", "003", "004"):
        questions = [q for q, seeds in QUESTION_SEEDS.items() if seed in seeds.split()]
        assert len(questions) >= 5, seed
        assert set(questions) <= names


# Which seed documents each competency question draws its answer from.
QUESTION_SEEDS = {
    "cq01_twinning_year": "000",
    "cq02_organisation_founding": "000",
    "cq03_promising_sectors": "000",
    "cq04_mission_participants": "000",
    "cq05_event_place_date_parent": "000",
    "cq06_project_municipalities": "001",
    "cq07_project_funding_chain": "001",
    "cq13_event_when_where": "001",
    "cq14_cluster_members_by_helix": "001",
    "cq15_entity_sources": "001 000",
    "cq08_cluster_coordinator": "002",
    "cq09_event_speakers": "002",
    "cq16_event_participating_organisations": "002",
    "cq17_organisation_networks": "002",
    "cq18_prepared_programmes": "002",
    "cq10_event_organisers": "003",
    "cq11_platform_consortia_sectors": "003",
    "cq19_parent_organisation": "003",
    "cq20_event_regions": "003",
    "cq21_event_topics_count": "003",
    "cq12_project_programme_fund": "004",
    "cq22_platform_consortia": "003",
    "cq23_speaker_represented": "004",
    "cq24_project_themes": "004",
    "cq25_project_events": "004",
    "cq26_organisations_linking_events": "004 000",
    "cq27_event_date": "004",
}


def test_unknown_and_bad_parameters_are_named(target, project):
    query = load_queries(project)["cq01_twinning_year"]
    with pytest.raises(QueryError, match="unknown parameter.*town"):
        run(target, query, {"town": "x"})
    with pytest.raises(QueryError, match="city.*not an IRI"):
        run(target, query, {"city": "not an iri"})
