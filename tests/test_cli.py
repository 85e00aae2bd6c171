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


def test_query_knows_the_project_prefixes_and_says_what_a_curie_became(built):
    base, store = built
    run = CliRunner()
    # --store on the command itself, no environment needed.
    args = [*base, "query", "--store", str(store), "cq15_entity_sources"]
    result = run.invoke(main, [*args, "--param", "entity=r:org/pppt"])
    assert result.exit_code == 0, result.output
    assert "entity = <https://w3id.org/regiokg/id/org/pppt>" in result.stderr
    result = run.invoke(main, [*args, "--param", "entity=r:org/pppt", "--format", "markdown"])
    assert "| r:document/002_16598245d1df39de |" in result.stdout
    expression = "SELECT ?c WHERE { ?c a rkg:ClusterInitiative ; rkg:coordinatedBy ?o }"
    result = run.invoke(main, [*base, "query", "--store", str(store), "-e", expression])
    assert result.exit_code == 0, result.output
    assert "r:org/" in result.stdout


def test_a_syntax_error_shows_its_line_with_a_caret(built):
    base, store = built
    broken = "SELECT ?c WHERE { ?c a rkg:ClusterInitiative ; rdfs:label }"
    result = invoke([*base, "query", "-e", broken], store)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "line 1, column 59" in lines[0] and len(lines[0]) < 400
    assert lines[-2].strip() == broken
    assert lines[-1].index("^") == lines[-2].index("}")


def test_tables_fold_long_values_rather_than_cut_them(built):
    base, store = built
    # CliRunner is not a terminal: rich lays the table out 80 columns wide.
    result = invoke([*base, "query", "cq15_entity_sources", "--param", "entity=r:org/pppt"], store)
    assert result.exit_code == 0, result.output
    assert "…" not in result.stdout
    folded = "".join(line.strip("│ ") for line in result.stdout.splitlines())
    assert "Synergiadziałań" in folded.replace(" ", "") or "Synergia działań" in folded


def test_an_iri_the_graph_never_mentions_is_a_warning(built):
    base, store = built
    args = [*base, "query", "cq15_entity_sources", "--param", "entity=r:org/no-such-org"]
    result = invoke(args, store)
    assert result.exit_code == 0, result.output
    assert "warning: entity = <https://w3id.org/regiokg/id/org/no-such-org> is not mentioned" in (
        result.stderr
    )
    known = invoke([*base, "query", "cq15_entity_sources", "--param", "entity=r:org/pppt"], store)
    assert "warning" not in known.stderr


def test_a_plain_label_names_an_entity_when_it_is_unambiguous(built):
    base, store = built
    args = [*base, "query", "cq15_entity_sources", "--format", "csv", "--param"]
    by_label = invoke([*args, "entity=pppt"], store)
    by_iri = invoke([*args, "entity=r:org/pppt"], store)
    assert by_label.exit_code == 0, by_label.output
    assert by_label.stdout == by_iri.stdout
    assert "entity = <https://w3id.org/regiokg/id/org/pppt> (labelled 'pppt')" in by_label.stderr
    unknown = invoke([*args, "entity=no such thing"], store)
    assert unknown.exit_code == 2
    assert "'no such thing' is not an IRI, and as a label none is" in unknown.output
