"""Gould-Fernandez brokerage roles on small hand-made networks, each role following from
the definitions of Gould & Fernandez (1989): for a two-path a -> b -> c without a tie
a -> c, coordinator (all three in one group), itinerant (a and c together, b elsewhere),
representative (a with b, c elsewhere), gatekeeper (b with c, a elsewhere), liaison (three
groups)."""

from __future__ import annotations

import networkx as nx

from regiokg.network.brokerage import ROLES, brokerage_roles


def roles_of_b(groups: dict, *, directed: bool = True) -> dict:
    G = (nx.DiGraph if directed else nx.Graph)([("a", "b"), ("b", "c")])
    profile = brokerage_roles(G, groups)["b"]
    return {role: profile[role] for role in ROLES if profile[role]}


def test_coordinator():
    assert roles_of_b({"a": "X", "b": "X", "c": "X"}) == {"coordinator": 1}


def test_itinerant():
    assert roles_of_b({"a": "X", "b": "Y", "c": "X"}) == {"itinerant": 1}


def test_representative():
    assert roles_of_b({"a": "X", "b": "X", "c": "Y"}) == {"representative": 1}


def test_gatekeeper():
    assert roles_of_b({"a": "X", "b": "Y", "c": "Y"}) == {"gatekeeper": 1}


def test_liaison():
    assert roles_of_b({"a": "X", "b": "Y", "c": "Z"}) == {"liaison": 1}


def test_undirected_ties_count_both_ways_so_gatekeeper_equals_representative():
    assert roles_of_b({"a": "X", "b": "X", "c": "Y"}, directed=False) == {
        "gatekeeper": 1,
        "representative": 1,
    }
    assert roles_of_b({"a": "X", "b": "Y", "c": "Z"}, directed=False) == {"liaison": 2}


def test_a_closed_triad_mediates_nothing():
    G = nx.Graph([("a", "b"), ("b", "c"), ("a", "c")])
    profile = brokerage_roles(G, dict.fromkeys("abc", "X"))
    assert all(profile[v]["total"] == 0 for v in G)


def test_nodes_of_unknown_group_are_not_counted():
    assert roles_of_b({"a": None, "b": "X", "c": "X"}) == {}
    assert (
        brokerage_roles(nx.DiGraph([("a", "b"), ("b", "c")]), {"a": "X", "c": "X"})["b"]["total"]
        == 0
    )


def test_groups_from_a_node_attribute_and_total():
    # A star: the hub (Silesia) mediates between every pair of its three partners.
    G = nx.star_graph(["hub", "same", "other1", "other2"])
    regions = {"hub": "PL22", "same": "PL22", "other1": "FRK2", "other2": "BE3"}
    nx.set_node_attributes(G, regions, "region")
    profile = brokerage_roles(G, "region")["hub"]
    # ordered pairs: (same, other_k) and back = 2 x 2 gatekeeper/representative pairs;
    # (other1, other2) and back = 2 liaisons.
    assert profile == {
        "coordinator": 0,
        "gatekeeper": 2,
        "representative": 2,
        "itinerant": 0,
        "liaison": 2,
        "total": 6,
    }
