"""``regiokg build`` validates before it writes: a graph with violations is refused with a
clear message and exit status 1, previous outputs and store stay as they were, and
``--allow-invalid`` writes it anyway."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from regiokg.cli import main

# A participation without an agent (its activity with a basis), in a curated file of its own.
BROKEN = """\
@prefix rkg: <https://w3id.org/regiokg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
<https://w3id.org/regiokg/id/participation/broken> a rkg:Participation ;
    rkg:activity <https://w3id.org/regiokg/id/event/2011-04-mission-saint-etienne> ;
    prov:wasDerivedFrom <https://w3id.org/regiokg/id/document/000_19bbb48e405d2545> ;
    prov:qualifiedDerivation [ a prov:Derivation , rkg:CuratorInference ;
        prov:entity <https://w3id.org/regiokg/id/document/000_19bbb48e405d2545> ;
        rkg:supports rkg:activity ; rdfs:comment "A test."@en ] .
"""


def build(project, out, *extra):
    args = ["--project", str(project.root), "build", "--out", str(out), "--store", str(out / "s")]
    return CliRunner().invoke(main, [*args, *extra])


@pytest.fixture
def built(project_copy, tmp_path):
    """A copy of the project built once (valid), then given a broken curated file."""
    out = tmp_path / "out"
    first = build(project_copy, out)
    assert first.exit_code == 0, first.output
    (project_copy.graph_dir / "zzz_broken.ttl").write_text(BROKEN, encoding="utf-8")
    return project_copy, out


def test_valid_build_prints_warnings_and_writes(project_copy, tmp_path):
    result = build(project_copy, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "warning: Katowice (r:city/katowice) owl:sameAs" in result.output
    assert "The graph conforms to the shapes" in result.output
    assert (tmp_path / "out" / "regiokg.nq").exists()


def test_build_refuses_violations_and_leaves_outputs_untouched(built):
    project, out = built
    before = {p.name: p.read_bytes() for p in out.glob("regiokg.*")}
    store = sorted((p.name, p.stat().st_mtime_ns) for p in (out / "s").iterdir())
    result = build(project, out)
    assert result.exit_code == 1
    assert "Participation (rkgsh:ParticipationShape): 1 violation" in result.output
    assert "graph/zzz_broken.ttl" in result.output
    assert "nothing was written" in result.output
    assert "--allow-invalid" in result.output
    assert "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in out.glob("regiokg.*")} == before
    assert sorted((p.name, p.stat().st_mtime_ns) for p in (out / "s").iterdir()) == store


def test_allow_invalid_writes_anyway(built):
    project, out = built
    result = build(project, out, "--allow-invalid")
    assert result.exit_code == 0, result.output
    assert "despite 1 SHACL violation" in result.output
    assert "participation/broken" in (out / "regiokg.nq").read_text(encoding="utf-8")


def test_build_help_names_the_option(project):
    result = CliRunner().invoke(main, ["build", "--help"])
    assert "--allow-invalid" in result.output
    assert "Example:" in result.output
