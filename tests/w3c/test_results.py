"""The comparator of the W3C suite runs: blank nodes up to renaming, order only where the
query sorts at its top level, numeric literals by value, every expected-result syntax."""

from __future__ import annotations

import json

import pyoxigraph as ox

from tests.w3c.results import (
    Solutions,
    answer_from_bytes,
    expected_answer,
    is_ordered,
    same_answer,
)

JSON = "application/sparql-results+json"


def _json(*rows: dict) -> bytes:
    names = sorted({n for row in rows for n in row})
    bindings = [
        {
            n: {"type": "bnode", "value": v[2:]}
            if v.startswith("_:")
            else {"type": "literal", "value": v}
            for n, v in row.items()
        }
        for row in rows
    ]
    return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}).encode()


def test_blank_nodes_match_up_to_a_one_to_one_renaming():
    expected = answer_from_bytes(_json({"x": "_:a", "y": "_:a"}, {"x": "_:b", "y": "1"}), JSON)
    renamed = answer_from_bytes(_json({"x": "_:q", "y": "_:q"}, {"x": "_:r", "y": "1"}), JSON)
    merged = answer_from_bytes(_json({"x": "_:q", "y": "_:q"}, {"x": "_:q", "y": "1"}), JSON)
    split = answer_from_bytes(_json({"x": "_:q", "y": "_:s"}, {"x": "_:r", "y": "1"}), JSON)
    assert same_answer(expected, renamed) is None
    assert same_answer(expected, merged) is not None
    assert same_answer(expected, split) is not None


def test_order_counts_only_when_the_query_sorts():
    ab = answer_from_bytes(_json({"x": "a"}, {"x": "b"}), JSON)
    ba = answer_from_bytes(_json({"x": "b"}, {"x": "a"}), JSON)
    assert same_answer(ab, ba, ordered=False) is None
    assert same_answer(ab, ba, ordered=True) is not None
    assert is_ordered("SELECT * { ?s ?p ?o } ORDER BY ?s")
    assert not is_ordered("SELECT * { { SELECT * { ?s ?p ?o } ORDER BY ?s LIMIT 2 } }")
    assert not is_ordered('SELECT * { ?s ?p "ORDER BY" } # ORDER BY ?s')


def test_duplicates_count_unless_the_cardinality_is_lax():
    once = answer_from_bytes(_json({"x": "a"}), JSON)
    twice = answer_from_bytes(_json({"x": "a"}, {"x": "a"}), JSON)
    assert same_answer(twice, once) is not None
    assert same_answer(twice, once, lax=True) is None


def test_numbers_compare_by_value_and_strings_by_text():
    def one(literal: str) -> Solutions:
        data = f"?x\n{literal}\n".encode()
        return answer_from_bytes(data, "text/tab-separated-values")

    integer = "<http://www.w3.org/2001/XMLSchema#integer>"
    assert same_answer(one(f'"01"^^{integer}'), one(f'"1"^^{integer}')) is None
    assert (
        same_answer(one('"1.0e0"^^<http://www.w3.org/2001/XMLSchema#double>'), one("1E0")) is None
    )
    assert same_answer(one('"01"'), one('"1"')) is not None
    assert same_answer(one('"a"@EN'), one('"a"@en')) is None


def test_result_sets_in_rdf_and_graphs(tmp_path):
    result_set = tmp_path / "r.ttl"
    result_set.write_text(
        "@prefix rs: <http://www.w3.org/2001/sw/DataAccess/tests/result-set#> .\n"
        '[] a rs:ResultSet ; rs:resultVariable "x" ;\n'
        '   rs:solution [ rs:binding [ rs:variable "x" ; rs:value <s> ] ] .\n'
    )
    expected = expected_answer(result_set, "http://example.org/dir/r.ttl")
    actual = answer_from_bytes(
        b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"uri",'
        b'"value":"http://example.org/dir/s"}}]}}',
        JSON,
    )
    assert same_answer(expected, actual) is None
    graph = tmp_path / "g.ttl"
    graph.write_text("<http://e/s> <http://e/p> [ <http://e/q> 1 ] .\n")
    expected = expected_answer(graph, "http://example.org/g.ttl")
    triples = [
        ox.Triple(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.BlankNode("z")),
        ox.Triple(
            ox.BlankNode("z"),
            ox.NamedNode("http://e/q"),
            ox.Literal("1", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
        ),
    ]
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    assert same_answer(expected, answer_from_bytes(body, "application/n-triples")) is None
    assert same_answer(
        expected, answer_from_bytes(body[: body.index(b"\n") + 1], "application/n-triples")
    )
