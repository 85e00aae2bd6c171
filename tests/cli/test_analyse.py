"""``regiokg analyse`` on a temporary store built from the seed graph: every network kind,
the output formats, saving, and clear errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from regiokg.cli import main
from regiokg.network import NETWORK_KINDS
from regiokg.query import get_query, run
from regiokg.store import load_dataset, open_store


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory, dataset):
    path = tmp_path_factory.mktemp("analyse") / "store"
    load_dataset(path, dataset)
    return path


@pytest.fixture
def analyse(store_dir, monkeypatch, project):
    monkeypatch.setenv("REGIOKG_STORE", str(store_dir))

    def invoke(*args):
        return CliRunner().invoke(main, ["--project", str(project.root), "analyse", *args])

    return invoke


def test_help_ends_with_an_example(analyse):
    result = analyse("--help")
    assert result.exit_code == 0
    assert "Example: regiokg analyse" in result.output


@pytest.mark.parametrize("kind", NETWORK_KINDS)
def test_every_network_kind(analyse, kind):
    result = analyse("--network", kind, "--measure", "degree", "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["network"]["kind"] == kind
    assert document["rows"] and document["rows"][0]["rank"] == 1


def test_table_and_csv(analyse):
    table = analyse("--measure", "betweenness", "--top", "3", "--k", "10", "--seed", "1")
    assert table.exit_code == 0, table.output
    assert "Miasto Katowice" in table.output
    csv = analyse(
        "--measure",
        "pagerank",
        "--format",
        "csv",
        "--from",
        "2011",
        "--to",
        "2011",
        "--no-memberships",
    )
    lines = csv.output.splitlines()
    assert lines[0] == "entity,label,value,rank"
    assert any(
        line.startswith("https://w3id.org/regiokg/id/org/miasto-katowice,") for line in lines
    )
    assert not any("klastry-polskie" in line for line in lines)  # active in 2013 only


def test_brokerage_and_communities(analyse):
    result = analyse("--measure", "brokerage", "--groups", "country", "--format", "csv")
    assert result.output.splitlines()[0].split(",") == [
        "entity",
        "label",
        "coordinator",
        "gatekeeper",
        "representative",
        "itinerant",
        "liaison",
        "total",
        "value",
        "rank",
    ]
    communities = analyse("--measure", "communities", "--seed", "1", "--format", "json")
    assert 0 < json.loads(communities.output)["modularity"] < 1


def test_kinds_and_people(analyse):
    result = analyse(
        "--measure",
        "degree",
        "--kind",
        "BusinessMission",
        "--no-projects",
        "--people",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["network"]["event_kinds"] == ["BusinessMission"]


def test_save_writes_a_run_the_query_reads(analyse, store_dir, project):
    result = analyse("--measure", "brokerage", "--top", "2", "--save")
    assert result.exit_code == 0, result.output
    store = open_store(store_dir, read_only=True)
    answer = run(store, get_query(project, "top_brokers"))
    # The whole table is saved, not only the two rows printed.
    assert len(answer) > 2
    del store


def test_errors_are_clear(analyse):
    wrong = analyse("--measure", "degree", "--groups", "region")
    assert wrong.exit_code != 0 and "brokerage only" in wrong.output
    window = analyse("--measure", "degree", "--from", "2014", "--to", "2011")
    assert window.exit_code == 1 and "starts (2014) after it ends (2011)" in window.output
    option = analyse("--measure", "degree", "--k", "3")
    assert option.exit_code == 1 and "takes no option k" in option.output
    remote = analyse("--measure", "degree", "--save", "--endpoint", "http://127.0.0.1:9/q")
    assert remote.exit_code != 0 and "--save" in remote.output


def test_store_option_names_the_store(store_dir, project, monkeypatch, tmp_path):
    monkeypatch.setenv("REGIOKG_STORE", str(tmp_path / "nothing-here"))
    args = ["--project", str(project.root), "analyse", "--measure", "degree", "--top", "1"]
    missing = CliRunner().invoke(main, args)
    assert missing.exit_code != 0 and "regiokg build" in missing.output
    found = CliRunner().invoke(main, [*args, "--store", str(store_dir)])
    assert found.exit_code == 0, found.output
    assert "Miasto Katowice" in found.output


def test_brokerage_groups_regions_by_country_by_default(analyse):
    # On the region network each node is a region, so regions cannot be its groups.
    result = analyse("--network", "regions", "--measure", "brokerage", "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["options"]["groups"] == "country"
    organisations = analyse("--measure", "brokerage", "--format", "json")
    assert json.loads(organisations.output)["options"]["groups"] == "region"


def test_igraph_backend_gives_the_same_ranking(analyse):
    rows = {}
    for backend in ("networkx", "igraph"):
        result = analyse("--measure", "betweenness", "--backend", backend, "--format", "json")
        assert result.exit_code == 0, result.output
        rows[backend] = [(r["entity"], r["rank"]) for r in json.loads(result.output)["rows"]]
    assert rows["igraph"] == rows["networkx"]
    wrong = analyse("--measure", "degree", "--backend", "igraph")
    assert wrong.exit_code == 2 and "--backend applies" in wrong.output
