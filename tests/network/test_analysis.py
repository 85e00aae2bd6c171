"""measure_table: every registered measure gives a ranked table of every node, in the
contract's columns; options reach the measures and unknown ones are refused."""

from __future__ import annotations

import networkx as nx
import pytest

from regiokg.network import MEASURES, measure_table
from regiokg.network.brokerage import ROLES


@pytest.fixture
def two_regions():
    """Two triangles in two regions, joined through the broker 'c'."""
    G = nx.Graph(
        [("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"), ("d", "e"), ("e", "f"), ("d", "f")]
    )
    for node in G:
        G.nodes[node]["label"] = node.upper()
        G.nodes[node]["region"] = "PL22" if node in "abc" else "FRK2"
        G.nodes[node]["country"] = "PL" if node in "abc" else "FR"
    for u, v in G.edges:
        G[u][v]["weight"] = 2 if {u, v} == {"c", "d"} else 1
    return G


def test_the_registry_names_every_measure_of_the_issue():
    assert list(MEASURES) == [
        "degree",
        "weighted_degree",
        "betweenness",
        "closeness",
        "eigenvector",
        "pagerank",
        "constraint",
        "effective_size",
        "brokerage",
        "communities",
        "components",
        "kcore",
    ]


@pytest.mark.parametrize("name", list(MEASURES))
def test_every_measure_ranks_every_node(two_regions, name):
    table = measure_table(two_regions, name)
    assert list(table.columns[:2]) == ["entity", "label"]
    assert {"value", "rank"} <= set(table.columns)
    assert sorted(table["entity"]) == sorted(two_regions)
    assert table["rank"].is_monotonic_increasing and table["rank"].min() == 1
    assert table.attrs["measure"] == name


def test_ranks_put_the_broker_first_and_share_ties(two_regions):
    table = measure_table(two_regions, "betweenness")
    assert list(table["entity"][:2]) == ["c", "d"] or list(table["entity"][:2]) == ["d", "c"]
    assert list(table["rank"][:2]) == [1, 1]
    assert list(table["rank"][2:]) == [3, 3, 3, 3]
    # Low constraint ranks first.
    constraint = measure_table(two_regions, "constraint")
    assert set(constraint["entity"][:2]) == {"c", "d"}
    assert constraint["value"].is_monotonic_increasing


def test_top_and_options(two_regions):
    assert len(measure_table(two_regions, "degree", top=3)) == 3
    weighted = measure_table(two_regions, "weighted_degree")
    assert weighted.loc[weighted["entity"] == "c", "value"].item() == 4
    sampled = measure_table(two_regions, "betweenness", k=6, seed=1)
    assert sampled.attrs["options"] == {"k": 6, "seed": 1}
    with pytest.raises(ValueError, match="takes no option groups"):
        measure_table(two_regions, "degree", groups="region")
    with pytest.raises(ValueError, match="unknown measure"):
        measure_table(two_regions, "fame")


def test_brokerage_table_has_a_column_per_role(two_regions):
    table = measure_table(two_regions, "brokerage", groups="region")
    assert [*ROLES, "total"] == [c for c in table.columns if c in (*ROLES, "total")]
    assert (table["value"] == table["total"]).all()
    c = table[table["entity"] == "c"].iloc[0]
    # c mediates a-d and b-d, both ways: representative and gatekeeper twice each.
    assert (c["representative"], c["gatekeeper"], c["liaison"], c["total"]) == (2, 2, 0, 4)
    assert table.iloc[0]["entity"] in ("c", "d")


def test_communities_and_components(two_regions):
    # Unweighted: the strong c-d tie would otherwise pull c and d together.
    table = measure_table(two_regions, "communities", weighted=False)
    groups = table.groupby("value")["entity"].apply(set).tolist()
    assert sorted(map(sorted, groups)) == [["a", "b", "c"], ["d", "e", "f"]]
    assert 0 < table.attrs["modularity"] < 1
    assert (table["rank"] == table["value"] + 1).all()
    two_regions.add_node("lonely", label="LONELY")
    components = measure_table(two_regions, "components")
    assert components.loc[components["entity"] == "lonely", "rank"].item() == 2
