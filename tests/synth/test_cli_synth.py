"""``regiokg synth`` and ``regiokg validate --engine`` from the command line."""

from __future__ import annotations

from click.testing import CliRunner

from regiokg.cli import main
from tests.validate.conftest import BASE, FIXTURES


def test_synth_help_has_an_example():
    result = CliRunner().invoke(main, ["synth", "--help"])
    assert result.exit_code == 0
    assert "Example: regiokg synth" in result.output


def test_synth_writes_quads_and_reports(tmp_path):
    result = CliRunner().invoke(
        main, ["synth", "--organisations", "20", "--years", "2015-2016", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert "quads to" in result.output
    assert (tmp_path / "synth.nq").stat().st_size > 0


def test_synth_refuses_bad_years_and_plants(tmp_path):
    runner = CliRunner()
    years = runner.invoke(main, ["synth", "--organisations", "5", "--years", "20x", "--out", "x"])
    assert years.exit_code == 2 and "range of years" in years.output
    plant = runner.invoke(
        main, ["synth", "--organisations", "5", "--plant", "nope", "--out", str(tmp_path)]
    )
    assert plant.exit_code == 2 and "known kinds" in plant.output


def test_validate_engine_sparql_reports_like_pyshacl():
    broken = FIXTURES / "breaks" / "event_ends_before_start.ttl"
    runner = CliRunner()
    outputs = {}
    for engine in ("pyshacl", "sparql"):
        result = runner.invoke(
            main, ["validate", "--engine", engine, "--format", "json", str(BASE), str(broken)]
        )
        assert result.exit_code == 1, result.output
        outputs[engine] = result.output
    assert outputs["pyshacl"] == outputs["sparql"]
