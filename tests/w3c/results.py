"""Compare a SPARQL answer with a W3C test's expected result.

Both sides become one of three shapes: a boolean (ASK), a list of solutions (SELECT: rows
of variable -> term) or a graph (CONSTRUCT, DESCRIBE: a set of triples). Expected results
come as SPARQL Results XML (``.srx``), JSON (``.srj``), TSV, CSV, or an RDF graph (``.ttl``,
``.rdf``, ``.nt``) that is either the answer graph or a result set in the DAWG result-set
vocabulary. Answers are read in the media type the server declares.

Two answers are the same when a one-to-one renaming of blank nodes makes them equal,
in order only where the query sorts at its top level, as a set where the cardinality is
lax (REDUCED). Terms compare exactly (lexical form, datatype), language tags without case
(RFC 5646), and numeric and boolean literals by value (both servers store values). CSV
drops term kinds, so CSV answers compare cell text, blank nodes by label.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox

__all__ = [
    "ComparisonTooLarge",
    "Solutions",
    "answer_from_bytes",
    "expected_answer",
    "is_ordered",
    "same_answer",
]

_RS = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#: Steps the blank-node matcher may take before it gives up on an answer.
_BUDGET = 200_000

#: A comparable term: ("I", iri), ("B", label), ("L", lexical, datatype, language) or,
#: for CSV cells, ("C", text).
Key = tuple


@dataclass(frozen=True)
class Solutions:
    """A SELECT answer: its ``variables`` and ``rows`` (each a sorted tuple of (variable,
    term key) pairs, unbound variables left out)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[tuple[str, Key], ...], ...]


class ComparisonTooLarge(RuntimeError):
    """The blank-node matching of two answers took more than its step budget."""


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {
    _XSD + name
    for name in [
        *("integer", "nonPositiveInteger", "negativeInteger", "nonNegativeInteger"),
        *("positiveInteger", "long", "int", "short", "byte"),
        *("unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"),
    ]
}
_FLOATS = {_XSD + "double", _XSD + "float"}


def _canonical(lexical: str, datatype: str) -> str:
    """The canonical form of a numeric or boolean literal's value (Oxigraph's store keeps
    values, not lexical forms: ``"01"^^xsd:integer`` comes back as ``"1"``), or the
    lexical form when it is not a valid one of its datatype."""
    text = lexical.strip()
    try:
        if datatype in _INTEGERS:
            return str(int(text))
        if datatype == _XSD + "decimal":
            return str(Decimal(text).normalize()) if "e" not in text.lower() else lexical
        if datatype in _FLOATS:
            return repr(float(text))
    except (ValueError, ArithmeticError):
        return lexical
    if datatype == _XSD + "boolean" and text in ("true", "false", "1", "0"):
        return str(text in ("true", "1")).lower()
    return lexical


def _key(term) -> Key:
    if isinstance(term, ox.NamedNode):
        return ("I", term.value)
    if isinstance(term, ox.BlankNode):
        return ("B", term.value)
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        language = (term.language or "").lower()
        return ("L", _canonical(term.value, datatype), datatype, language)
    return ("T", str(term))  # an RDF-star triple term, compared by its text


def _csv_key(cell: str) -> Key:
    return ("B", cell[2:]) if cell.startswith("_:") else ("C", cell)


def _solutions(parsed: ox.QuerySolutions) -> Solutions:
    variables = tuple(v.value for v in parsed.variables)
    rows = []
    for solution in parsed:
        row = [(v, _key(solution[v])) for v in variables if solution[v] is not None]
        rows.append(tuple(sorted(row)))
    return Solutions(variables, tuple(rows))


def _results(data: bytes, fmt: ox.QueryResultsFormat) -> bool | Solutions:
    parsed = ox.parse_query_results(data, format=fmt)
    if isinstance(parsed, ox.QueryBoolean):
        return bool(parsed)
    return _solutions(parsed)


def _csv(data: bytes) -> Solutions:
    reader = csv.reader(io.StringIO(data.decode("utf-8")))
    header = next(reader, [])
    rows = [
        tuple(sorted((v, _csv_key(c)) for v, c in zip(header, record, strict=True) if c))
        for record in reader
        if record
    ]
    return Solutions(tuple(header), tuple(rows))


def _result_set(triples: list[ox.Triple]) -> bool | Solutions | None:
    """The result set an RDF graph in the DAWG result-set vocabulary describes, or None
    when the graph is not one (it is then a CONSTRUCT answer)."""
    by_subject: dict = {}
    for t in triples:
        by_subject.setdefault(t.subject, []).append(t)

    def values(subject, name: str) -> list:
        return [t.object for t in by_subject.get(subject, []) if t.predicate.value == _RS + name]

    sets = [
        t.subject
        for t in triples
        if t.predicate.value == _RDF_TYPE and t.object == ox.NamedNode(_RS + "ResultSet")
    ]
    if not sets:
        return None
    result_set = sets[0]
    boolean = values(result_set, "boolean")
    if boolean:
        return boolean[0].value == "true"
    variables = tuple(v.value for v in values(result_set, "resultVariable"))
    indexed = []
    for solution in values(result_set, "solution"):
        row = []
        for binding in values(solution, "binding"):
            value = values(binding, "value")
            if value:
                row.append((values(binding, "variable")[0].value, _key(value[0])))
        index = values(solution, "index")
        indexed.append((int(index[0].value) if index else 0, tuple(sorted(row))))
    indexed.sort(key=lambda pair: pair[0])
    return Solutions(variables, tuple(row for _, row in indexed))


def _graph(triples) -> frozenset:
    return frozenset((_key(t.subject), _key(t.predicate), _key(t.object)) for t in triples)


_RESULT_EXTENSIONS = {
    "srx": ox.QueryResultsFormat.XML,
    "srj": ox.QueryResultsFormat.JSON,
    "tsv": ox.QueryResultsFormat.TSV,
}


def expected_answer(path: Path, iri: str):
    """The expected result in the file ``path`` (named ``iri``, the base of its relative
    IRIs): a bool, :class:`Solutions` or a graph (frozenset of triple keys)."""
    extension = path.suffix.lstrip(".")
    data = path.read_bytes()
    if extension in _RESULT_EXTENSIONS:
        return _results(data, _RESULT_EXTENSIONS[extension])
    if extension == "csv":
        return _csv(data)
    fmt = ox.RdfFormat.from_extension(extension)
    triples = [q.triple for q in ox.parse(data, format=fmt, base_iri=iri)]
    result_set = _result_set(triples)
    return _graph(triples) if result_set is None else result_set


def answer_from_bytes(data: bytes, content_type: str):
    """A server's answer ``data`` read by its ``content_type``: a bool, :class:`Solutions`
    or a graph, as :func:`expected_answer` gives them."""
    media = content_type.split(";")[0].strip().lower()
    if media == "text/csv":
        return _csv(data)
    results = ox.QueryResultsFormat.from_media_type(media)
    if results is not None:
        return _results(data, results)
    fmt = ox.RdfFormat.from_media_type(media)
    if fmt is None:
        raise ValueError(f"not a SPARQL answer: {content_type}")
    return _graph(q.triple for q in ox.parse(data, format=fmt))


# Strings, IRIs and comments, which may hold braces or the words ORDER BY.
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)


def is_ordered(query: str) -> bool:
    """Whether the query sorts its answer: an ORDER BY outside every group (one inside a
    subquery orders nothing the client sees)."""
    depth = 0
    text = _OPAQUE.sub(" ", query)
    for match in re.finditer(r"[{}]|\bORDER\s+BY\b", text, re.IGNORECASE):
        token = match[0]
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
        elif depth == 0:
            return True
    return False


def _blank(key: Key) -> bool:
    return key[0] == "B"


def _rows_match(expected: list, actual: list, ordered: bool) -> bool:
    """Whether one blank-node renaming maps the ``expected`` rows onto the ``actual`` ones
    (rows are tuples of (name, key) pairs), in order when ``ordered``."""
    if len(expected) != len(actual):
        return False
    if ordered:
        pairs = list(zip(expected, actual, strict=True))
        if any(e != a for e, a in pairs if not _has_blank(e) and not _has_blank(a)):
            return False
    else:
        # Rows without blank nodes must match exactly; only the rest need a search.
        plain_e = Counter(r for r in expected if not _has_blank(r))
        plain_a = Counter(r for r in actual if not _has_blank(r))
        if plain_e != plain_a:
            return False
        expected = [r for r in expected if _has_blank(r)]
        actual = [r for r in actual if _has_blank(r)]
        if len(expected) != len(actual):
            return False
    steps = [0]

    def bind(e_row, a_row, mapping: dict, inverse: dict) -> tuple[dict, dict] | None:
        if len(e_row) != len(a_row):
            return None
        mapping, inverse = dict(mapping), dict(inverse)
        for (e_name, e_key), (a_name, a_key) in zip(e_row, a_row, strict=True):
            if e_name != a_name:
                return None
            if _blank(e_key) and _blank(a_key):
                if mapping.setdefault(e_key, a_key) != a_key:
                    return None
                if inverse.setdefault(a_key, e_key) != e_key:
                    return None
            elif e_key != a_key:
                return None
        return mapping, inverse

    def search(i: int, used: set, mapping: dict, inverse: dict) -> bool:
        steps[0] += 1
        if steps[0] > _BUDGET:
            raise ComparisonTooLarge(f"more than {_BUDGET} steps matching blank nodes")
        if i == len(expected):
            return True
        candidates = [i] if ordered else [j for j in range(len(actual)) if j not in used]
        for j in candidates:
            bound = bind(expected[i], actual[j], mapping, inverse)
            if bound is not None and search(i + 1, used | {j}, *bound):
                return True
        return False

    return search(0, set(), {}, {})


def _has_blank(row) -> bool:
    return any(_blank(key) for _, key in row)


def same_answer(expected, actual, *, ordered: bool = False, lax: bool = False) -> str | None:
    """None when ``actual`` equals ``expected`` (see the module docstring), else what
    differs. ``lax`` compares the rows as sets (REDUCED may keep some duplicates)."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        return None if expected == actual else f"expected {expected}, got {actual}"
    if isinstance(expected, frozenset) or isinstance(actual, frozenset):
        if not (isinstance(expected, frozenset) and isinstance(actual, frozenset)):
            return "expected a graph and got solutions, or the reverse"
        rows_e = [tuple(enumerate(t)) for t in expected]
        rows_a = [tuple(enumerate(t)) for t in actual]
        if _rows_match(rows_e, rows_a, ordered=False):
            return None
        return f"graphs differ: expected {len(expected)} triples, got {len(actual)}"
    if set(expected.variables) != set(actual.variables):
        return f"variables differ: expected {expected.variables}, got {actual.variables}"
    rows_e, rows_a = list(expected.rows), list(actual.rows)
    if lax:
        rows_e, rows_a = list(dict.fromkeys(rows_e)), list(dict.fromkeys(rows_a))
    if _rows_match(rows_e, rows_a, ordered=ordered and not lax):
        return None
    return f"solutions differ: expected {len(expected.rows)} rows, got {len(actual.rows)}"
