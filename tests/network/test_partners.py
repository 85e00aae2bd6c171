"""Partner search: known ties held back come back at the top, filters keep what they name,
each part of the score explains itself with evidence, and the ranking is stable."""

from __future__ import annotations

import copy
import statistics

import networkx as nx
import pytest

from regiokg.network import collaboration_network
from regiokg.network.partners import (
    Profile,
    find_organisation,
    partner_profiles,
    partners_table,
    suggest_partners,
)

ID = "https://w3id.org/regiokg/id/"
AVIATION = ID + "org/slaski-klaster-lotniczy"


@pytest.fixture(scope="module")
def network(seed_store, project):
    return collaboration_network(seed_store, project=project)


@pytest.fixture(scope="module")
def profiles(seed_store, project):
    return partner_profiles(seed_store, project=project)


def _held_back(G, profiles, a, b):
    """``G`` and ``profiles`` without the tie a--b: the edge goes, and so do the themes
    the two owe to the activities that tied them."""
    H = G.copy()
    shared = set(H[a][b].get("activities", []))
    H.remove_edge(a, b)
    P = copy.deepcopy(profiles)
    for org in (a, b):
        for theme in list(P.get(org, Profile()).themes):
            P[org].themes[theme] -= shared
            if not P[org].themes[theme]:
                del P[org].themes[theme]
    return H, P


def test_held_back_ties_come_back_near_the_top(network, profiles):
    profile, labels = profiles
    ranks, chance = [], []
    for a, b in sorted(network.edges()):
        if network.degree(a) < 2 or network.degree(b) < 2:
            continue  # a tie that is someone's only one leaves nothing to find it by
        H, P = _held_back(network, profile, a, b)
        order = [s.candidate for s in suggest_partners(H, a, P, labels=labels, top=1000)]
        assert b in order, f"{b} is not suggested for {a} once their tie is held back"
        ranks.append(order.index(b) + 1)
        chance.append((len(order) + 1) / 2)
    assert len(ranks) > 50
    # Chance would put them in the middle of ~30 candidates.
    assert statistics.median(ranks) <= 2 < statistics.mean(chance)
    assert sum(r <= 5 for r in ranks) / len(ranks) >= 0.9


def test_proximity_reasons_name_the_shared_partner_and_event(network, profiles):
    profile, labels = profiles
    found = suggest_partners(network, AVIATION, profile, labels=labels, top=40)
    assert found and all(s.candidate not in network[AVIATION] for s in found)
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)
    chamber = next(s for s in found if s.candidate == ID + "org/cci-saint-etienne")
    texts = [r.text for r in chamber.reasons]
    assert "both work on aviation" in texts
    assert any(t.startswith("both work with Miasto Katowice") for t in texts)
    aviation = next(r for r in chamber.reasons if r.text == "both work on aviation")
    assert aviation.evidence[0] == "https://w3id.org/regiokg/vocab/sector/aviation"
    assert all(e.startswith("https://w3id.org/regiokg/") for e in aviation.evidence)


def test_filters_keep_only_what_they_name(network, profiles):
    profile, labels = profiles
    by_kind = suggest_partners(
        network, AVIATION, profile, labels=labels, kind="MunicipalGovernment", top=50
    )
    assert by_kind and {s.kind for s in by_kind} == {"MunicipalGovernment"}
    by_region = suggest_partners(network, AVIATION, profile, labels=labels, region="slaskie")
    assert by_region and all(
        network.nodes[s.candidate]["region"].endswith("/slaskie") for s in by_region
    )
    by_sector = suggest_partners(network, AVIATION, profile, labels=labels, sector="chemicals")
    assert by_sector
    assert all(
        "https://w3id.org/regiokg/vocab/sector/chemicals" in profile[s.candidate].themes
        for s in by_sector
    )
    assert suggest_partners(network, AVIATION, profile, labels=labels, kind="NoSuchKind") == []


def test_complementary_helix_is_a_reason():
    G = nx.Graph()
    for node, kind in [("firm", "Company"), ("uni", "University"), ("firm2", "Company")]:
        G.add_node(node, label=node, kind=kind)
    G.add_edge("firm", "hub", weight=1)
    G.add_edge("uni", "hub", weight=1)
    G.add_edge("firm2", "hub", weight=1)
    G.nodes["hub"].update(label="hub", kind="ClusterInitiative")
    found = suggest_partners(G, "firm", {}, top=5)
    assert [s.candidate for s in found] == ["uni", "firm2"]
    assert found[0].parts["helix"] == 1.0 and found[1].parts["helix"] == 0.0
    assert any(r.part == "helix" and "research" in r.text for r in found[0].reasons)


def test_find_organisation_and_table(network):
    assert find_organisation(network, "org/pppt") == ID + "org/pppt"
    assert find_organisation(network, "slaski klaster lotniczy") == AVIATION
    with pytest.raises(ValueError, match="several organisations"):
        find_organisation(network, "Miasto")
    with pytest.raises(ValueError, match="no organisation"):
        find_organisation(network, "Atlantis Cluster")
    table = partners_table(suggest_partners(network, AVIATION, {}, top=3))
    assert list(table["rank"]) == [1, 2, 3]
    assert {"themes", "helix", "proximity", "reasons"} <= set(table.columns)
