"""The answer to a query, the same whichever target gave it: rows of rdflib terms for
SELECT, a boolean for ASK, an rdflib Graph for CONSTRUCT and DESCRIBE; and its forms for
others to read: SPARQL 1.1 results documents (one JSON-term writer, :func:`json_term`,
shared with the server's query workers), typed pandas DataFrames and RDF syntaxes."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef, Variable
from rdflib.namespace import XSD
from rdflib.query import ResultRow
from rdflib.term import Node

from regiokg.convert import to_oxigraph, to_rdflib
from regiokg.formats import RESULTS_FORMATS, graph_syntaxes
from regiokg.query.errors import QueryError

__all__ = [
    "GRAPH_FORMATS",
    "RESULT_FORMATS",
    "QueryResult",
    "graph_of",
    "json_term",
    "result_rows",
    "to_dataframe",
]

#: ``--format`` name -> pyoxigraph results format (``table`` is rendered by the CLI).
RESULT_FORMATS = {f.name: f.oxigraph for f in RESULTS_FORMATS}
#: ``--format`` name -> rdflib serializer for CONSTRUCT and DESCRIBE answers (a table
#: of a graph is its Turtle).
GRAPH_FORMATS = {"table": "turtle"} | {
    name: f.rdflib for f in graph_syntaxes() for name in (f.name, *f.names)
}
_XSD_STRING = str(XSD.string)


def json_term(term) -> dict:
    """A term (pyoxigraph or rdflib) as a SPARQL 1.1 Query Results JSON term:
    ``{"type": "uri"|"bnode"|"literal", "value": ...}`` with ``xml:lang`` or ``datatype``
    (none for ``xsd:string``). An RDF-star quoted triple is given as a literal holding its
    N-Triples text, which every client can read."""
    if isinstance(term, Node):
        term = to_oxigraph(term)
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}


def result_rows(variables: list[str], rows: Iterable[Iterable[Node | None]]) -> list[ResultRow]:
    """rdflib ``ResultRow``s of ``variables`` from rows of terms (None where unbound)."""
    labels = [Variable(v) for v in variables]
    return [
        ResultRow({label: v for label, v in zip(labels, row, strict=True) if v is not None}, labels)
        for row in rows
    ]


def graph_of(triples: Iterable, prefixes: Mapping[str, str]) -> Graph:
    """An rdflib Graph of ``triples`` (pyoxigraph or rdflib) with ``prefixes`` bound."""
    graph = Graph()
    for prefix, iri in prefixes.items():
        graph.bind(prefix, iri)
    for t in triples:
        if isinstance(t, ox.Triple):
            t = (to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object))
        graph.add(t)
    return graph


@dataclass
class QueryResult:
    """The answer to a query, the same whichever store gave it: for SELECT the
    ``variables`` and ``rows`` (rdflib ``ResultRow``s: ``row["name"]``, ``row.name`` or
    ``row[0]``, None where unbound), for ASK the ``boolean``, for CONSTRUCT and DESCRIBE the
    rdflib ``graph``. Iterating a result iterates its rows."""

    form: str
    variables: list[str] = field(default_factory=list)
    rows: list[ResultRow] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    def __len__(self) -> int:
        if self.graph is not None:
            return len(self.graph)
        return len(self.rows) if self.boolean is None else int(self.boolean)

    def __iter__(self) -> Iterator[ResultRow]:
        return iter(self.rows)

    def to_json(self) -> dict:
        """The SPARQL 1.1 Query Results JSON document of a SELECT or ASK answer."""
        if self.boolean is not None:
            return {"head": {}, "boolean": self.boolean}
        bindings = [
            {v: json_term(t) for v, t in zip(self.variables, row, strict=True) if t is not None}
            for row in self.rows
        ]
        return {"head": {"vars": list(self.variables)}, "results": {"bindings": bindings}}

    def serialize(self, format: str = "json") -> bytes:
        """The answer in a SPARQL 1.1 results format (``json``, ``xml``, ``csv``, ``tsv``),
        or, for CONSTRUCT and DESCRIBE, as RDF (``turtle``, ``nt``, ``json`` = JSON-LD,
        ``xml`` = RDF/XML)."""
        if self.graph is not None:
            if format not in GRAPH_FORMATS:
                raise QueryError(
                    f"a {self.form} answer is a graph; format {format!r} is not one of "
                    f"{', '.join(sorted(GRAPH_FORMATS))}"
                )
            return self.graph.serialize(format=GRAPH_FORMATS[format], encoding="utf-8")
        if format not in RESULT_FORMATS:
            raise QueryError(f"unknown result format {format!r}; use {', '.join(RESULT_FORMATS)}")
        # pyoxigraph writes the formats by the book; hand it the JSON and let it re-serialise.
        data = json.dumps(self.to_json()).encode("utf-8")
        parsed = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        return parsed.serialize(format=RESULT_FORMATS[format])

    def to_dataframe(self):
        """See :func:`to_dataframe`."""
        return to_dataframe(self)

    @classmethod
    def from_solutions(cls, solutions: ox.QuerySolutions) -> QueryResult:
        """The SELECT answer held by pyoxigraph ``solutions`` (from a store, or parsed from
        a results document), with rdflib terms in its rows."""
        variables = [v.value for v in solutions.variables]
        # The same IRIs and counts come back row after row (an edge list names each node
        # thousands of times); converting each once makes large answers several times faster.
        converted: dict = {}

        def term(value):
            if value is None:
                return None
            found = converted.get(value)
            if found is None:
                found = converted[value] = to_rdflib(value)
            return found

        rows = ([term(sol[v]) for v in variables] for sol in solutions)
        return cls("SELECT", variables=variables, rows=result_rows(variables, rows))

    @classmethod
    def from_oxigraph(cls, answer, form: str, prefixes: Mapping[str, str]) -> QueryResult:
        """The answer pyoxigraph gave (solutions, a boolean or triples, from a store or
        parsed from a results document) to a query of ``form``."""
        if isinstance(answer, ox.QueryBoolean):
            return cls("ASK", boolean=bool(answer))
        if isinstance(answer, ox.QueryTriples):
            return cls(form, graph=graph_of(answer, prefixes))
        return cls.from_solutions(answer)


# --- pandas ------------------------------------------------------------------------------------

_INTEGER = {
    str(XSD) + t
    for t in [
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    ]
}
_FLOAT = {str(XSD.decimal), str(XSD.double), str(XSD.float)}


def _python(term: Node | None) -> Any:
    if term is None or isinstance(term, (URIRef, BNode)):
        return term
    datatype = str(term.datatype) if term.datatype is not None else None
    text = str(term).strip()
    try:
        if datatype in _INTEGER or datatype == str(XSD.gYear):
            return int(text)
        if datatype in _FLOAT:
            return float(text)
        if datatype == str(XSD.boolean):
            return text in ("true", "1")
        if datatype == str(XSD.date):
            return dt.date.fromisoformat(text[:10])
        if datatype == str(XSD.dateTime):
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    return str(term)


def to_dataframe(result: QueryResult):
    """A pandas DataFrame of a SELECT answer, one column per variable, typed: integers
    (and ``xsd:gYear``) as nullable ``Int64``, decimals and doubles as ``float64``,
    booleans as ``boolean``, ``xsd:date``/``xsd:dateTime`` as ``datetime64``, IRIs kept as
    rdflib ``URIRef`` (an ``object`` column), other literals as their text. A column whose
    values mix types stays ``object`` with each value converted."""
    import pandas as pd

    if result.graph is not None or result.boolean is not None:
        raise QueryError(f"a {result.form} answer has no table; use result.graph or .boolean")
    columns = {}
    for i, name in enumerate(result.variables):
        values = [_python(row[i]) for row in result.rows]
        present = [v for v in values if v is not None]
        kinds = {type(v) for v in present}
        if kinds <= {bool} and present:
            series = pd.Series(values, dtype="boolean")
        elif kinds <= {int} and present:
            series = pd.Series(values, dtype="Int64")
        elif kinds <= {int, float} and present:
            series = pd.Series([float("nan") if v is None else v for v in values], dtype="float64")
        elif kinds <= {dt.date} and present:
            series = pd.to_datetime(pd.Series(values, dtype="object"))
        elif kinds <= {dt.datetime} and present:
            series = pd.to_datetime(pd.Series(values, dtype="object"), utc=None)
        elif kinds <= {str} and present:
            series = pd.Series(values, dtype="string")
        else:
            series = pd.Series(values, dtype="object")
        columns[name] = series
    return pd.DataFrame(columns, index=pd.RangeIndex(len(result.rows)))
