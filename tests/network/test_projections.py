"""The networks drawn from the seed graph connect what the source documents connect, carry
the attributes the plots use, and change with the time window as they should."""

from __future__ import annotations

import networkx as nx
import pytest

from regiokg.network import (
    collaboration_network,
    network,
    participation_network,
    place_network,
)

from .conftest import ID

MISSION_2011 = ID + "event/2011-04-mission-saint-etienne"
MEETING_2013 = ID + "event/2013-07-03-meeting-wroclaw"
CLEAN_COAL_PROJECT = ID + "project/iskctw"
AVIATION_CLUSTER = ID + "org/slaski-klaster-lotniczy"
KATOWICE = ID + "org/miasto-katowice"
KLASTRY_POLSKIE = ID + "org/klastry-polskie"
GAPP = ID + "org/gapp"
BULANDA = ID + "person/jaroslaw-bulanda"


@pytest.fixture(scope="module")
def bipartite(seed_store, project):
    return participation_network(seed_store, project=project)


@pytest.fixture(scope="module")
def organisations(seed_store, project):
    return collaboration_network(seed_store, project=project)


def test_the_aviation_cluster_ties_the_2011_mission_to_the_2013_wroclaw_meeting(bipartite):
    assert nx.shortest_path(bipartite, MISSION_2011, MEETING_2013) == [
        MISSION_2011,
        AVIATION_CLUSTER,
        MEETING_2013,
    ]


def test_katowice_ties_the_2011_mission_to_the_clean_coal_cluster_project(bipartite):
    assert nx.shortest_path(bipartite, MISSION_2011, CLEAN_COAL_PROJECT) == [
        MISSION_2011,
        KATOWICE,
        CLEAN_COAL_PROJECT,
    ]


def test_bipartite_sides_and_activity_attributes(bipartite):
    assert nx.is_bipartite(bipartite)
    assert bipartite.nodes[KATOWICE]["bipartite"] == 0
    mission = bipartite.nodes[MISSION_2011]
    assert mission["bipartite"] == 1
    assert mission["kind"] == "BusinessMission" and mission["year"] == 2011
    assert mission["label"].startswith("Misja gospodarcza")
    # Held in Saint-Étienne, whose coordinates the reference file gives.
    assert mission["lat"] == pytest.approx(45.43, abs=0.01)
    assert bipartite.nodes[CLEAN_COAL_PROJECT]["kind"] == "Project"
    roles = bipartite[KATOWICE][MISSION_2011]["roles"]
    assert roles == ["https://w3id.org/regiokg/vocab/role/delegate"]


def test_organisation_attributes(organisations):
    katowice = organisations.nodes[KATOWICE]
    assert katowice["label"] == "Miasto Katowice"
    assert katowice["label_en"] == "City of Katowice"
    assert katowice["kind"] == "MunicipalGovernment"
    assert katowice["city"] == ID + "city/katowice"
    assert katowice["region"] == ID + "region/slaskie"
    assert katowice["country"] == ID + "country/poland"
    assert katowice["region_label"] == "województwo śląskie"
    assert isinstance(katowice["lat"], float) and isinstance(katowice["long"], float)
    # The aviation cluster has a region but no city: its region still comes through.
    cluster = organisations.nodes[AVIATION_CLUSTER]
    assert cluster["region"] == ID + "region/slaskie" and cluster["city"] is None
    assert cluster["country"] == ID + "country/poland" and cluster["lat"] is None
    assert not any(d["kind"] == "Person" for _, d in organisations.nodes(data=True))


def test_edges_keep_activities_years_and_relations(organisations):
    tie = organisations[AVIATION_CLUSTER][KLASTRY_POLSKIE]
    # Both spoke at the 2013 meeting through the one person who represented them (the
    # item states no membership of the cluster in the union).
    assert tie["activities"] == [MEETING_2013]
    assert tie["years"] == [2013]
    assert tie["relations"] == ["co-participation"]
    assert tie["weight"] == 1
    # Gliwice is a partner of the clean coal project with Katowice, and a member of the
    # cluster the project sets up.
    gliwice = ID + "org/miasto-gliwice"
    assert organisations[KATOWICE][gliwice]["relations"] == ["co-participation"]
    assert organisations[ID + "org/iskctw-cluster"][gliwice]["relations"] == ["membership"]
    delegates = organisations[KATOWICE][GAPP]
    assert MISSION_2011 in delegates["activities"]
    assert delegates["weight"] == len(delegates["activities"])


def test_weight_counts_shared_activities_plus_standing_ties(organisations):
    for _, _, data in organisations.edges(data=True):
        standing = len(set(data["relations"]) - {"co-participation"})
        assert data["weight"] == len(data["activities"]) + standing


def test_time_windows(seed_store, project):
    in_2011 = collaboration_network(seed_store, start=2011, end=2011, project=project)
    in_2013 = collaboration_network(seed_store, start=2013, end=2013, project=project)
    later = collaboration_network(seed_store, start=2012, project=project)
    # The 2011 mission ties Katowice and GAPP only in windows holding 2011.
    assert in_2011.has_edge(KATOWICE, GAPP)
    assert not in_2013.has_edge(KATOWICE, GAPP) and not later.has_edge(KATOWICE, GAPP)
    # The 2013 meeting is the other way round.
    assert MEETING_2013 in in_2013[AVIATION_CLUSTER][KLASTRY_POLSKIE]["activities"]
    assert MEETING_2013 in later[AVIATION_CLUSTER][KLASTRY_POLSKIE]["activities"]
    # The undated membership holds in every window; alone it weighs 1.
    cluster, gliwice = ID + "org/iskctw-cluster", ID + "org/miasto-gliwice"
    assert in_2011[cluster][gliwice]["relations"] == ["membership"]
    assert in_2011[cluster][gliwice]["weight"] == 1
    for G, low, high in [(in_2011, 2011, 2011), (in_2013, 2013, 2013), (later, 2012, 9999)]:
        assert all(low <= y <= high for _, _, d in G.edges(data=True) for y in d["years"])
    # Undated activities (the clean-coal project) are outside every window.
    windowed = participation_network(seed_store, start=2000, end=2100, project=project)
    assert CLEAN_COAL_PROJECT not in windowed


def test_a_window_that_ends_before_it_starts_is_refused(seed_store, project):
    with pytest.raises(ValueError, match="starts"):
        collaboration_network(seed_store, start=2013, end=2011, project=project)


def test_people_event_kinds_and_projects(seed_store, project):
    with_people = collaboration_network(seed_store, include_people=True, project=project)
    assert with_people.nodes[BULANDA]["kind"] == "Person"
    assert with_people.has_edge(BULANDA, AVIATION_CLUSTER)
    missions = collaboration_network(
        seed_store, event_kinds=["BusinessMission"], include_projects=False, project=project
    )
    activities = {a for _, _, d in missions.edges(data=True) for a in d["activities"]}
    assert activities == {MISSION_2011}
    without_projects = participation_network(seed_store, include_projects=False, project=project)
    assert CLEAN_COAL_PROJECT not in without_projects


def test_place_networks(organisations):
    regions = place_network(organisations, "region")
    slaskie = ID + "region/slaskie"
    # Mazovia and Wallonia meet at the Płock study visit (stated ties only by default).
    mazovia, wallonia = ID + "region/mazowieckie", ID + "region/wallonia"
    assert regions.has_edge(mazovia, wallonia)
    assert regions.nodes[slaskie]["label"] == "województwo śląskie"
    assert regions.nodes[slaskie]["country"] == ID + "country/poland"
    located = [n for n, d in organisations.nodes(data=True) if d["region"] == slaskie]
    assert regions.nodes[slaskie]["organisations"] == len(located)
    # The weight between two regions sums the ties between their organisations.
    expected = sum(
        d["weight"]
        for a, b, d in organisations.edges(data=True)
        if {organisations.nodes[a]["region"], organisations.nodes[b]["region"]}
        == {mazovia, wallonia}
    )
    assert regions[mazovia][wallonia]["weight"] == expected
    assert nx.number_of_selfloops(regions) == 0
    cities = place_network(organisations, "city")
    katowice = cities.nodes[ID + "city/katowice"]
    assert katowice["lat"] == pytest.approx(50.26, abs=0.01)
    with pytest.raises(ValueError, match="unknown level"):
        place_network(organisations, "street")


def test_network_by_name(seed_store, project):
    for kind in ("organisations", "events", "cities", "regions", "countries"):
        G = network(seed_store, kind, project=project)
        assert G.graph["definition"].kind == kind and len(G) > 0
    with pytest.raises(ValueError, match="unknown network"):
        network(seed_store, "streets", project=project)


def test_the_same_network_from_an_rdflib_dataset(dataset, organisations, project):
    G = collaboration_network(dataset, project=project)
    assert nx.utils.edges_equal(G.edges(data=True), organisations.edges(data=True))
    assert dict(G.nodes(data=True)) == dict(organisations.nodes(data=True))
