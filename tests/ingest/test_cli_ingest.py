"""The ingest, accept and evaluate-ingest commands through click's runner."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from regiokg.cli import main


@pytest.mark.parametrize("command", ["ingest", "accept", "evaluate-ingest"])
def test_help_has_an_example(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Example: regiokg " + command in result.output


def test_ingest_reports_unusable_files_without_traceback(project, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(
        main, ["--project", str(project.root), "ingest", str(empty), "--out", str(tmp_path)]
    )
    output = " ".join(result.output.split())
    assert result.exit_code == 1
    assert "the file is empty" in output and "Traceback" not in output


def test_ingest_rejects_a_bad_date(project, tmp_path):
    result = CliRunner().invoke(
        main, ["--project", str(project.root), "ingest", str(tmp_path), "--published", "2015-13-01"]
    )
    assert result.exit_code == 2 and "YYYY-MM-DD" in " ".join(result.output.split())


def test_accept_missing_candidates(project, tmp_path):
    result = CliRunner().invoke(
        main, ["--project", str(project.root), "accept", str(tmp_path / "none.ttl")]
    )
    assert result.exit_code == 1
    assert "no such candidates file" in " ".join(result.output.split())


def test_ingest_a_folder(project, heldout_dir, tmp_path):
    out = tmp_path / "candidates"
    result = CliRunner().invoke(
        main,
        ["--project", str(project.root), "ingest", str(heldout_dir), "--out", str(out), "--quiet"],
    )
    assert result.exit_code == 0, result.output
    stems = {p.stem for p in heldout_dir.iterdir() if p.suffix in {".txt", ".html"}}
    assert {p.stem for p in out.glob("*.ttl")} == stems
    assert {p.name.removesuffix(".review.html") for p in out.glob("*.review.html")} == stems
    assert "candidates" in " ".join(result.output.split())
