"""Every dump format round-trips to the graph it was written from: the dumps written by the
export's writers are read back by parsers other than the writer (rdflib for the syntaxes
pyoxigraph writes, and pyoxigraph's own parser as a second reader; pyld for JSON-LD) and
compared with the source as canonical datasets, blank nodes included."""

from __future__ import annotations

import io
import json

import pyoxigraph as ox
import pytest
from pyld import jsonld
from rdflib import BNode, Dataset, Graph

from regiokg.convert import dataset_to_quads, to_oxigraph
from regiokg.export import FORMATS, DumpFormat, ExportError, serialize_dump, write_dump
from tests.export.conftest import canonical, merged

RDF_SYNTAXES = {
    "ttl": ("turtle", ox.RdfFormat.TURTLE),
    "nt": ("nt", ox.RdfFormat.N_TRIPLES),
    "nq": ("nquads", ox.RdfFormat.N_QUADS),
    "trig": ("trig", ox.RdfFormat.TRIG),
    "xml": ("xml", ox.RdfFormat.RDF_XML),
}


def expected(source_quads, fmt: str) -> set[ox.Quad]:
    quads = source_quads if FORMATS[fmt].datasets else merged(source_quads)
    return canonical(quads)


def read_with_rdflib(data: bytes, fmt: str) -> list[ox.Quad]:
    rdflib_format, _ = RDF_SYNTAXES[fmt]
    if FORMATS[fmt].datasets:
        dataset = Dataset()
        dataset.parse(data=data, format=rdflib_format)
        return dataset_to_quads(dataset)
    graph = Graph().parse(data=data, format=rdflib_format)
    return [ox.Quad(*map(to_oxigraph, t), ox.DefaultGraph()) for t in graph]


def test_the_source_has_blank_nodes_and_named_graphs(dataset):
    # Otherwise the round trips below would not test them.
    assert any(isinstance(t, BNode) for q in dataset.quads() for t in q[:3])
    assert len({str(g.identifier) for g in dataset.graphs() if len(g)}) > 1


@pytest.mark.parametrize("fmt", sorted(RDF_SYNTAXES))
def test_rdf_syntax_dump_reads_back_with_rdflib(fmt, source, project, tmp_path):
    source, source_quads = source
    path = write_dump(source, fmt, tmp_path, project=project)
    assert path == tmp_path / f"regiokg.{FORMATS[fmt].extension}"
    assert canonical(read_with_rdflib(path.read_bytes(), fmt)) == expected(source_quads, fmt)


@pytest.mark.parametrize("fmt", sorted(RDF_SYNTAXES))
def test_rdf_syntax_dump_reads_back_with_pyoxigraph(fmt, source, project, tmp_path):
    source, source_quads = source
    path = write_dump(source, fmt, tmp_path, project=project)
    _, syntax = RDF_SYNTAXES[fmt]
    # pyoxigraph reads every syntax as quads: a triple syntax's in the default graph.
    parsed = list(ox.parse(path=str(path), format=syntax))
    assert canonical(parsed) == expected(source_quads, fmt)


def test_jsonld_dump_expands_with_pyld_to_the_source(source, project, tmp_path):
    source, source_quads = source
    path = write_dump(source, "jsonld", tmp_path, project=project)
    document = json.loads(path.read_text(encoding="utf-8"))
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads"})
    parsed = list(ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    assert canonical(parsed) == canonical(source_quads)


@pytest.mark.parametrize("fmt", ["nq", "trig", "jsonld"])
def test_dataset_formats_keep_one_named_graph_per_source(fmt, store, dataset, project):
    data = serialize_dump(store, fmt, project=project)
    if fmt == "jsonld":
        data = jsonld.to_rdf(json.loads(data), {"format": "application/n-quads"}).encode()
        fmt = "nq"
    graphs = {q.graph_name.value for q in ox.parse(data, format=RDF_SYNTAXES[fmt][1])}
    assert graphs == {str(g.identifier) for g in dataset.graphs() if len(g)}


@pytest.mark.parametrize("fmt", ["ttl", "nt", "xml"])
def test_triple_formats_hold_each_triple_once(fmt, store, project):
    data = serialize_dump(store, fmt, project=project)
    triples = list(ox.parse(data, format=RDF_SYNTAXES[fmt][1]))
    assert len(triples) == len({q.triple for q in store})


def test_turtle_uses_the_context_prefixes(store, project):
    text = serialize_dump(store, "ttl", project=project).decode("utf-8")
    assert "@prefix rkg: <https://w3id.org/regiokg/ontology#> ." in text
    assert f"@prefix city: <{project.instance_iri('city/')}> ." in text
    assert f"@prefix org-id: <{project.instance_iri('org/')}> ." in text
    assert "city:katowice a rkg:City" in text


def half_then_fail(statements, out: io.BufferedIOBase, project) -> None:
    """A writer that fails half way through, as a full disk or a bug would."""
    out.write(b"@prefix broken: <http://example.org/> .\n")
    raise OSError("disk full")


def test_a_failed_write_leaves_the_previous_dump(store, project, tmp_path):
    good = write_dump(store, "ttl", tmp_path, project=project)
    before = good.read_bytes()
    broken = DumpFormat(
        "broken", "text/turtle", "ttl", False, "Broken", "tests.export.test_dump:half_then_fail"
    )
    with pytest.raises(OSError, match="disk full"):
        write_dump(store, broken, tmp_path, project=project)
    assert good.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["regiokg.ttl"]


def test_unknown_format_and_source_are_clear_errors(store, project, tmp_path):
    with pytest.raises(ExportError, match="did you mean ttl"):
        write_dump(store, "tll", tmp_path, project=project)
    with pytest.raises(ExportError, match="cannot export a dict"):
        serialize_dump({}, "nq", project=project)
    assert not any(tmp_path.iterdir())
