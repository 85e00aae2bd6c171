"""``regiokg serve --help``."""

from __future__ import annotations

from click.testing import CliRunner

from regiokg.cli import main


def test_help_shows_options_and_an_example():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--store", "--timeout", "--max-rows"):
        assert option in result.output
    assert "Example: regiokg serve" in result.output


def test_a_missing_store_is_a_clean_error(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--store", str(tmp_path / "none")])
    assert result.exit_code != 0
    assert "regiokg build" in result.output
    assert "Traceback" not in result.output
