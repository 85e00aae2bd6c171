"""``regiokg partners`` on a temporary store built from the seed graph: the table, JSON
with reasons and evidence, filters, and clear errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from regiokg.cli import main
from regiokg.store import load_dataset


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory, dataset):
    path = tmp_path_factory.mktemp("partners") / "store"
    load_dataset(path, dataset)
    return path


@pytest.fixture
def partners(store_dir, project):
    def invoke(*args):
        command = ["--project", str(project.root), "partners", "--store", str(store_dir)]
        return CliRunner().invoke(main, [*command, *args])

    return invoke


def test_help_has_an_example():
    result = CliRunner().invoke(main, ["partners", "--help"])
    assert result.exit_code == 0 and "Example: regiokg partners" in result.output


def test_table_and_json(partners):
    table = partners("Śląski Klaster Lotniczy", "--top", "3")
    assert table.exit_code == 0, table.output
    assert "partners for Śląski Klaster Lotniczy" in table.output
    document = json.loads(partners("org/slaski-klaster-lotniczy", "--format", "json").output)
    assert document["organisation"] == "https://w3id.org/regiokg/id/org/slaski-klaster-lotniczy"
    first = document["suggestions"][0]
    assert set(first["parts"]) == {"themes", "helix", "proximity"}
    assert first["reasons"] and all(r["evidence"] for r in first["reasons"])


def test_filters(partners):
    found = json.loads(
        partners("org/pppt", "--kind", "MunicipalGovernment", "--format", "json").output
    )["suggestions"]
    assert found and {s["kind"] for s in found} == {"MunicipalGovernment"}
    none = partners("org/pppt", "--kind", "NoSuchKind")
    assert none.exit_code == 0 and "no candidate matches" in none.output


def test_unknown_or_ambiguous_organisation_is_a_clear_error(partners):
    unknown = partners("Atlantis Cluster")
    assert unknown.exit_code == 1 and "no organisation in the network" in unknown.output
    assert "Traceback" not in unknown.output
    several = partners("Miasto")
    assert several.exit_code == 1 and "several organisations" in several.output
