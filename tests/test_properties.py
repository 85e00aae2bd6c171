"""Properties that must hold for any input, checked on inputs hypothesis makes up:

- a parameter value, whatever characters it holds, reaches the query as exactly that value,
  and the embedded store and an rdflib dataset answer the bound query alike (binding is a
  typed VALUES row, never text pasted into the query);
- a value that is not of the parameter's type is refused with a message naming the
  parameter, never run;
- every dump format gives back the very quads it was made from, whatever the literals hold
  (quotes, backslashes, line breaks, control characters, any script) and whatever the
  IRIs' local names look like.
"""

from __future__ import annotations

import datetime as dt

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset

from regiokg.export import FORMATS, serialize_dump
from regiokg.query import QueryError, parse_query, run

#: Text as sources hold it: any character but surrogates (which no RDF syntax can carry).
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

ECHO = """#+ summary: Echo a parameter.
SELECT ?v WHERE { BIND (?_value AS ?v) }
"""
ECHO_DATE = """#+ summary: Echo a date parameter.
SELECT ?v WHERE { BIND (?_value_xsd_date AS ?v) }
"""
ECHO_IRI = """#+ summary: Echo an IRI parameter.
SELECT ?v WHERE { BIND (?_value_iri AS ?v) }
"""


def _answers(query, params) -> list:
    store_rows = run(ox.Store(), query, params).rows
    dataset_rows = run(Dataset(), query, params).rows
    assert [tuple(r) for r in store_rows] == [tuple(r) for r in dataset_rows]
    return [row[0] for row in store_rows]


@SETTINGS
@given(TEXT)
def test_a_string_parameter_arrives_as_exactly_that_string(value):
    (answer,) = _answers(parse_query(ECHO, "echo"), {"value": value})
    assert str(answer) == value


@SETTINGS
@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2999, 12, 31)))
def test_a_date_parameter_arrives_as_that_date(value):
    query = parse_query(ECHO_DATE, "echo_date")
    (answer,) = _answers(query, {"value": value.isoformat()})
    assert answer.toPython() == value


@SETTINGS
@given(st.text(alphabet="0123456789-:/xTZ ", min_size=1, max_size=12))
def test_a_value_that_is_no_date_is_refused_naming_the_parameter(value):
    query = parse_query(ECHO_DATE, "echo_date")
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        parsed = None
    if parsed is not None and len(value) == 10:
        return  # a real date: covered above
    with pytest.raises(QueryError, match="value"):
        run(ox.Store(), query, {"value": value})


@SETTINGS
@given(
    st.from_regex(r"https://example\.org/(?:[A-Za-z0-9._~-]|%[0-9A-F]{2}){0,20}", fullmatch=True)
)
def test_an_iri_parameter_arrives_as_that_iri(value):
    (answer,) = _answers(parse_query(ECHO_IRI, "echo_iri"), {"value": value})
    assert str(answer) == value


LOCAL = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,12}", fullmatch=True).filter(
    lambda s: not s.endswith(".")
)
LITERAL = st.one_of(
    TEXT.map(ox.Literal),
    st.tuples(TEXT, st.sampled_from(["pl", "en", "fr", "en-GB"])).map(
        lambda t: ox.Literal(t[0], language=t[1])
    ),
    st.integers(-(10**12), 10**12).map(
        lambda n: ox.Literal(
            str(n), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
        )
    ),
    st.dates().map(
        lambda d: ox.Literal(
            d.isoformat(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
        )
    ),
)


@st.composite
def quads(draw, base: str):
    """A few quads about instances under ``base`` (kinds and local names the dumps give
    prefixes to) in one or two named graphs."""
    kinds = ["org", "city", "event", "person"]
    subjects = [
        ox.NamedNode(f"{base}id/{draw(st.sampled_from(kinds))}/{draw(LOCAL)}")
        for _ in range(draw(st.integers(1, 4)))
    ]
    predicates = [
        ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
        ox.NamedNode("https://schema.org/description"),
        ox.NamedNode("https://w3id.org/regiokg/ontology#basedIn"),
    ]
    graphs = [ox.NamedNode(f"{base}graph/{name}") for name in ("a-source", "b.source")]
    out = []
    for _ in range(draw(st.integers(1, 8))):
        obj = draw(st.one_of(LITERAL, st.sampled_from(subjects)))
        out.append(
            ox.Quad(
                draw(st.sampled_from(subjects)),
                draw(st.sampled_from(predicates)),
                obj,
                draw(st.sampled_from(graphs)),
            )
        )
    return out


def _read_back(data: bytes, fmt) -> set:
    syntax = {
        "ttl": ox.RdfFormat.TURTLE,
        "nt": ox.RdfFormat.N_TRIPLES,
        "nq": ox.RdfFormat.N_QUADS,
        "trig": ox.RdfFormat.TRIG,
        "jsonld": ox.RdfFormat.JSON_LD,
        "xml": ox.RdfFormat.RDF_XML,
    }[fmt.name]
    parsed = ox.parse(data, format=syntax)
    if fmt.datasets:
        return {(q.subject, q.predicate, q.object, q.graph_name) for q in parsed}
    return {(q.subject, q.predicate, q.object) for q in parsed}


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_dump_gives_back_its_quads(project, name):
    fmt = FORMATS[name]

    @SETTINGS
    @given(quads(project.base_iri))
    def round_trip(made):
        store = ox.Store()
        store.extend(made)
        expected = {(q.subject, q.predicate, q.object, q.graph_name) for q in made}
        if not fmt.datasets:
            expected = {t[:3] for t in expected}
        assert _read_back(serialize_dump(store, fmt, project=project), fmt) == expected

    round_trip()
