"""Loading large files straight into the embedded store: streamed, validated on the new
store, swapped in only when valid."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from regiokg.cli import main
from regiokg.store import load_files, open_store
from regiokg.synth import synthesise


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth")
    good = synthesise(out / "good", organisations=30, years=(2015, 2016), seed=3)
    bad = synthesise(
        out / "bad", organisations=30, years=(2015, 2016), seed=3, plant=("region_code_mismatch",)
    )
    return good.path, bad.path, good.quads


def test_load_files_keeps_graphs_and_names_triple_files(tmp_path, synthetic):
    good, _, quads = synthetic
    turtle = tmp_path / "extra.ttl"
    turtle.write_text("<http://example.org/a> <http://example.org/p> <b> .\n", encoding="utf-8")
    count = load_files(tmp_path / "store", [good, turtle], graph_of=lambda p: f"urn:g:{p.stem}")
    assert count == quads + 1
    store = open_store(tmp_path / "store")
    (quad,) = store.quads_for_pattern(ox.NamedNode("http://example.org/a"), None, None)
    assert quad.graph_name == ox.NamedNode("urn:g:extra")
    # Relative IRIs resolve against the file, as the curated files do.
    assert quad.object.value == turtle.resolve().as_uri()[: -len("extra.ttl")] + "b"


def test_load_files_refuses_unknown_syntax_and_keeps_store(tmp_path, synthetic):
    good, _, quads = synthetic
    load_files(tmp_path / "store", [good], graph_of=str)
    broken = tmp_path / "broken.nq"
    broken.write_text("<http://a> <http://b> .\n", encoding="utf-8")
    with pytest.raises(SyntaxError):
        load_files(tmp_path / "store", [broken], graph_of=str)
    with pytest.raises(ValueError, match="unknown RDF syntax"):
        load_files(tmp_path / "store", [tmp_path / "x.csv"], graph_of=str)
    assert len(open_store(tmp_path / "store")) == quads
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".store")] == []


def test_cli_load_validates_before_the_swap(tmp_path, synthetic):
    good, bad, quads = synthetic
    runner = CliRunner()
    store = tmp_path / "store"
    ok = runner.invoke(main, ["load", "--store", str(store), good])
    assert ok.exit_code == 0, ok.output
    loaded = len(open_store(store))
    assert loaded > quads  # the ontology graph comes too
    refused = runner.invoke(main, ["load", "--store", str(store), bad])
    assert refused.exit_code == 1
    assert "store was not changed" in refused.output
    assert len(open_store(store)) == loaded
    forced = runner.invoke(main, ["load", "--allow-invalid", "--store", str(store), bad])
    assert forced.exit_code == 0, forced.output


def test_cli_load_help_has_an_example():
    result = CliRunner().invoke(main, ["load", "--help"])
    assert result.exit_code == 0 and "Example: regiokg synth" in result.output
