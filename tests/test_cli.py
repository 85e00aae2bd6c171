"""The command line as a user runs it: help with examples, queries, clear errors."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from regiokg.cli import COMMANDS, main


@pytest.fixture(scope="module")
def built(tmp_path_factory, project):
    """A project whose store was loaded by ``regiokg build`` into a temporary directory."""
    out = tmp_path_factory.mktemp("build")
    runner = CliRunner()
    args = ["--project", str(project.root), "build", "--out", str(out), "--store", str(out / "s")]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    return ["--project", str(project.root)], out / "s"


def invoke(args, store):
    return CliRunner(env={"REGIOKG_STORE": str(store)}).invoke(main, args)


@pytest.mark.parametrize("name", sorted(n for n in COMMANDS if n in main.list_commands(None)))
def test_every_command_has_help_with_an_example(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Example: regiokg" in result.output


def test_query_as_csv_gives_the_answer(built):
    base, store = built
    result = invoke([*base, "query", "cq01_twinning_year", "--format", "csv"], store)
    assert result.exit_code == 0, result.output
    assert list(csv.reader(io.StringIO(result.output))) == [["year"], ["1994"]]


def test_query_parameter_changes_the_answer(built):
    base, store = built
    plock = "https://w3id.org/regiokg/id/org/pppt"
    args = [*base, "query", "cq17_organisation_networks", "--param", f"org={plock}"]
    result = invoke([*args, "--format", "csv"], store)
    assert "European Chemical Regions Network" in result.output


def test_unknown_parameter_and_bad_sparql_are_named(built):
    base, store = built
    result = invoke([*base, "query", "cq01_twinning_year", "--param", "town=x"], store)
    assert result.exit_code == 1
    assert "unknown parameter(s) town" in result.output
    result = invoke([*base, "query", "-e", "SELECT * WHERE { ?s ?p }"], store)
    assert result.exit_code == 1
    assert "line 1, column" in result.output and "Traceback" not in result.output


def test_queries_lists_competency_questions(built):
    base, store = built
    result = invoke([*base, "queries", "--tag", "competency"], store)
    assert "cq04_mission_participants" in result.output
    assert "cq15_entity_sources" not in result.output
