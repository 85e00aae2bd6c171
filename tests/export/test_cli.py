"""``regiokg export`` as a user runs it: help with an example, every dump and the extras
written into a directory of the user's choice, and clear errors."""

from __future__ import annotations

import pyoxigraph as ox
from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import VOID

from regiokg.cli import main
from regiokg.export import FORMATS


def run(project, *args):
    return CliRunner().invoke(main, ["--project", str(project.root), "export", *args])


def test_help_has_an_example(project):
    result = run(project, "--help")
    assert result.exit_code == 0
    assert "Example: regiokg export" in result.output
    assert all(name in result.output for name in FORMATS)


def test_export_all_with_description_and_docs(project, store_dir, store, tmp_path):
    out = tmp_path / "dumps"
    endpoint = "http://127.0.0.1:8000/sparql"
    result = run(
        project, "--store", str(store_dir), "--out", str(out), "--void", "--docs",
        "--sparql-endpoint", endpoint, "--quiet",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    names = {p.name for p in out.iterdir()}
    assert {fmt.filename for fmt in FORMATS.values()} | {"void.ttl", "ontology.html"} <= names
    nquads = ox.parse(path=str(out / "regiokg.nq"), format=ox.RdfFormat.N_QUADS)
    assert set(nquads) == set(store)
    void = Graph().parse(out / "void.ttl", format="turtle")
    assert str(next(void.objects(None, VOID.sparqlEndpoint))) == endpoint
    # By default the dumps are announced under the project's base IRI.
    assert str(next(void.objects(None, VOID.dataDump))).startswith(
        f"{project.base_iri}dumps/regiokg."
    )


def test_one_format(project, store_dir, tmp_path):
    result = run(project, "--store", str(store_dir), "--out", str(tmp_path), "--format", "trig")
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["regiokg.trig"]
    assert "regiokg.trig" in result.output


def test_without_a_store_it_says_to_build_first(project, tmp_path):
    result = run(project, "--store", str(tmp_path / "none"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "run regiokg build first" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_an_unknown_format_is_a_usage_error(project, store_dir, tmp_path):
    result = run(project, "--store", str(store_dir), "--format", "n3", "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "'n3' is not one of" in result.output
