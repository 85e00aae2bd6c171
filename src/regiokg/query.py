"""Named SPARQL queries: read them from ``queries/*.rq``, bind their parameters safely, run
them on the embedded store, an rdflib graph or a remote endpoint, and hand the answers on
as SPARQL result formats, a pandas DataFrame or an rdflib Graph.

Each ``.rq`` file holds one query whose name is the file stem. Its header follows the grlc
decorator convention, so the same folder can be served as a web API by grlc::

    #+ summary: Organisations of a region by kind
    #+ tags:
    #+   - organisations
    #+ defaults:
    #+   - region: https://w3id.org/regiokg/id/region/slaskie

Parameters are the query's variables that start with an underscore: ``?_name`` is required,
``?__name`` optional; the suffix ``_iri`` makes an IRI parameter (``?_region_iri``) and
``_xsd_TYPE`` a typed literal (``?_year_xsd_integer``); other literals take the type of
their default, or ``xsd:string``. A parameter is passed under its grlc name (``region``,
``year``) or its variable name (``region_iri``). Values become RDF terms first and are bound
as terms (a ``VALUES`` row of terms serialised by pyoxigraph for the embedded store and
remote endpoints, ``initBindings`` for rdflib), never pasted into the query text.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef, Variable
from rdflib import Literal as RdfLiteral
from rdflib.graph import Dataset
from rdflib.query import ResultRow
from rdflib.term import Node

from regiokg.convert import to_oxigraph, to_rdflib

__all__ = [
    "NamedQuery",
    "Parameter",
    "QueryError",
    "QueryResult",
    "RESULT_FORMATS",
    "bind",
    "bound_text",
    "get_query",
    "load_queries",
    "parse_query",
    "run",
    "to_dataframe",
]

XSD = "http://www.w3.org/2001/XMLSchema#"

#: ``--format`` name -> pyoxigraph results format (``table`` is rendered by the CLI).
RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
#: ``--format`` name -> rdflib serializer for CONSTRUCT and DESCRIBE answers.
GRAPH_FORMATS = {
    "table": "turtle",
    "turtle": "turtle",
    "ttl": "turtle",
    "nt": "nt",
    "json": "json-ld",
    "xml": "xml",
}


class QueryError(ValueError):
    """A query cannot be read, bound or run. ``str()`` names the query and, for syntax
    errors, the line and column (``queries/x.rq:3:14: expected ...``)."""

    def __init__(
        self,
        message: str,
        *,
        where: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ):
        self.where, self.line, self.column, self.message = where, line, column, message
        prefix = where or ""
        if line is not None:
            prefix += f":{line}" + (f":{column}" if column is not None else "")
        super().__init__(f"{prefix}: {message}" if prefix else message)


# --- reading queries -----------------------------------------------------------------------

# One lexer for everything that must not look inside strings, IRIs or comments.
_TOKEN = re.compile(
    r"""(?P<comment>\#[^\n]*)
      | (?P<string>\"\"\"(?:[^\\]|\\.)*?\"\"\"|'''(?:[^\\]|\\.)*?'''
                  |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
      | (?P<iri><[^<>"{}|^`\\\s]*>)
      | (?P<var>[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)
      | (?P<open>\{) | (?P<close>\})
      | (?P<word>[A-Za-z_][A-Za-z0-9_-]*(?::[^\s{}()<>,;]*)?)
      | (?P<other>\S)""",
    re.VERBOSE | re.DOTALL,
)
_PARAM = re.compile(r"^(?P<opt>_?)_(?P<name>.+?)(?:_(?P<iri>iri)|_xsd_(?P<xsd>[A-Za-z]+))?$")
_PREFIX = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.IGNORECASE)
_FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")


def _tokens(text: str) -> Iterator[re.Match]:
    for match in _TOKEN.finditer(text):
        if match.lastgroup != "comment":
            yield match


def _form(text: str) -> str:
    for tok in _tokens(text):
        if tok.lastgroup == "word" and tok.group().upper() in _FORMS:
            return tok.group().upper()
    raise QueryError("not a SPARQL query: no SELECT, CONSTRUCT, ASK or DESCRIBE")


def _where_brace(text: str) -> int:
    """Offset just after the ``{`` that opens the query's outermost WHERE group."""
    depth, form, after_where, template_done = 0, None, False, False
    for tok in _tokens(text):
        kind, value = tok.lastgroup, tok.group()
        if kind == "word" and depth == 0:
            upper = value.upper()
            if form is None and upper in _FORMS:
                form = upper
            elif upper == "WHERE":
                after_where = True
        elif kind == "open":
            if depth == 0 and (
                after_where or form in ("SELECT", "ASK", "DESCRIBE") or template_done
            ):
                return tok.end()
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth == 0 and form == "CONSTRUCT":
                template_done = True
    raise QueryError("cannot find the WHERE clause of the query")


def _header(text: str) -> dict[str, Any]:
    """The grlc decorators (``#+ key: value`` lines, lists as ``#+   - item``)."""
    lines = [line[2:] for line in text.splitlines() if line.startswith("#+")]
    header: dict[str, Any] = {}
    key = None
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("- ") and key is not None:
            item = stripped[2:].strip()
            entry = item.split(":", 1) if re.match(r"^[\w-]+:\s", item) else None
            value = {entry[0].strip(): _scalar(entry[1])} if entry else _scalar(item)
            if not isinstance(header.get(key), list):
                header[key] = []
            header[key].append(value)
        elif ":" in stripped:
            key, value = (part.strip() for part in stripped.split(":", 1))
            header[key] = _scalar(value) if value else []
    return header


def _scalar(value: str) -> Any:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    if value.startswith("[") and value.endswith("]"):
        return [_scalar(v) for v in value[1:-1].split(",") if v.strip()]
    if value.lower() in ("true", "false"):
        return value.lower() == "true"
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            pass
    return value


@dataclass(frozen=True)
class Parameter:
    """One parameter of a named query: its grlc ``name``, the ``variable`` it binds (without
    ``?``), whether it is ``required``, and what it becomes: an IRI (``datatype`` None and
    ``iri`` True) or a literal of ``datatype``; ``default`` is the header's default or None."""

    name: str
    variable: str
    required: bool
    iri: bool
    datatype: str | None
    default: Any = None

    @property
    def type_label(self) -> str:
        """``IRI`` or the literal's datatype as a ``xsd:`` CURIE, for listings and errors."""
        if self.iri:
            return "IRI"
        return (self.datatype or XSD + "string").replace(XSD, "xsd:")


@dataclass(frozen=True)
class NamedQuery:
    """A SPARQL query with its grlc header: ``name`` (file stem), ``text`` (the whole file,
    so error positions match the file), ``summary``, ``description``, ``tags``, its
    ``parameters``, the query ``form`` (SELECT, CONSTRUCT, ASK, DESCRIBE) and the
    ``prefixes`` it declares."""

    name: str
    text: str
    path: Path | None = None
    summary: str = ""
    description: str = ""
    tags: tuple[str, ...] = ()
    parameters: tuple[Parameter, ...] = ()
    form: str = "SELECT"
    prefixes: dict[str, str] = field(default_factory=dict)

    @property
    def where(self) -> str:
        """How errors name the query: its file path or its name."""
        return str(self.path) if self.path is not None else self.name


def parse_query(text: str, name: str = "query", path: Path | None = None) -> NamedQuery:
    """Read one query and its grlc header into a :class:`NamedQuery` (without checking its
    syntax, which the store does when it runs)."""
    header = _header(text)
    defaults: dict[str, Any] = {}
    for entry in header.get("defaults") or []:
        if isinstance(entry, dict):
            defaults.update(entry)
    params: dict[str, Parameter] = {}
    for tok in _tokens(text):
        if tok.lastgroup != "var":
            continue
        variable = tok.group()[1:]
        match = _PARAM.match(variable)
        if not variable.startswith("_") or match is None or variable in params:
            continue
        pname = match["name"]
        datatype = None
        if match["xsd"]:
            datatype = XSD + match["xsd"]
        elif not match["iri"]:
            datatype = _datatype_of(defaults.get(pname, defaults.get(variable.lstrip("_"))))
        params[variable] = Parameter(
            name=pname,
            variable=variable,
            required=not match["opt"],
            iri=bool(match["iri"]),
            datatype=datatype,
            default=defaults.get(pname, defaults.get(variable.lstrip("_"))),
        )
    tags = header.get("tags") or []
    try:
        form = _form(text)
    except QueryError as exc:
        raise QueryError(exc.message, where=str(path) if path else name) from None
    return NamedQuery(
        name=name,
        text=text,
        path=path,
        summary=str(header.get("summary") or ""),
        description=str(header.get("description") or ""),
        tags=tuple(str(t) for t in (tags if isinstance(tags, list) else [tags])),
        parameters=tuple(params.values()),
        form=form,
        prefixes={p or "": iri for p, iri in _PREFIX.findall(text)},
    )


def _datatype_of(default: Any) -> str:
    if isinstance(default, bool):
        return XSD + "boolean"
    if isinstance(default, int):
        return XSD + "integer"
    if isinstance(default, float):
        return XSD + "decimal"
    return XSD + "string"


def _queries_dir(where) -> Path:
    return Path(getattr(where, "queries_dir", where))


def load_queries(project) -> dict[str, NamedQuery]:
    """Every named query of a project (or of a directory of ``.rq`` files), by name, in name
    order. A file whose header cannot be read raises :class:`QueryError` naming it."""
    directory = _queries_dir(project)
    return {
        path.stem: parse_query(path.read_text(encoding="utf-8"), path.stem, path)
        for path in sorted(directory.glob("*.rq"))
    }


def get_query(project, name: str) -> NamedQuery:
    """The query called ``name`` in the project's ``queries/``, or the ``.rq`` file at path
    ``name``; an unknown name raises :class:`QueryError` suggesting the closest names."""
    path = Path(name)
    if name.endswith(".rq") or path.is_file():
        if not path.is_file():
            raise QueryError(f"no query file {name}")
        return parse_query(path.read_text(encoding="utf-8"), path.stem, path)
    queries = load_queries(project)
    if name in queries:
        return queries[name]
    close = difflib.get_close_matches(name, list(queries), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else "; `regiokg queries` lists them"
    raise QueryError(f"no named query {name!r} in {_queries_dir(project)}{hint}")


# --- binding parameters ----------------------------------------------------------------------


def _term(param: Parameter, value: Any, query: NamedQuery) -> ox.NamedNode | ox.Literal:
    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return value
    if isinstance(value, (URIRef, RdfLiteral)):
        return to_oxigraph(value)
    text = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)
    if isinstance(value, bool):
        text = text.lower()
    if param.iri:
        prefix, _, local = text.partition(":")
        if prefix in query.prefixes and not local.startswith("//"):
            text = query.prefixes[prefix] + local
        try:
            return ox.NamedNode(text)
        except ValueError as exc:
            raise QueryError(
                f"parameter {param.name!r}: {text!r} is not an IRI ({exc})", where=query.where
            ) from None
    datatype = param.datatype or XSD + "string"
    literal = RdfLiteral(text, datatype=URIRef(datatype))
    if getattr(literal, "ill_typed", False):
        raise QueryError(
            f"parameter {param.name!r}: {text!r} is not a valid {param.type_label}",
            where=query.where,
        )
    return ox.Literal(text, datatype=ox.NamedNode(datatype))


def bind(query: NamedQuery, params: Mapping[str, Any] | None = None) -> dict[str, ox.Term]:
    """The RDF term each parameter variable is bound to, from ``params`` (by grlc name or
    variable name; strings are read as the parameter's type) and the header defaults.
    Unknown parameters, missing required ones and values of the wrong type raise
    :class:`QueryError` naming them."""
    params = dict(params or {})
    by_name = {p.name: p for p in query.parameters}
    by_name |= {p.variable.lstrip("_"): p for p in query.parameters}
    unknown = sorted(k for k in params if k not in by_name)
    if unknown:
        known = ", ".join(p.name for p in query.parameters) or "none"
        raise QueryError(
            f"unknown parameter(s) {', '.join(unknown)} (this query takes: {known})",
            where=query.where,
        )
    given = {by_name[k].variable: v for k, v in params.items()}
    bound: dict[str, ox.Term] = {}
    missing = []
    for param in query.parameters:
        value = given.get(param.variable, param.default)
        if value is None:
            if param.required:
                missing.append(f"{param.name} ({param.type_label})")
            continue
        bound[param.variable] = _term(param, value, query)
    if missing:
        raise QueryError(f"missing parameter {', '.join(missing)}", where=query.where)
    return bound


def _with_values(query: NamedQuery, bound: Mapping[str, ox.Term]) -> str:
    # The terms go in as one VALUES row at the top of the WHERE group, serialised by
    # pyoxigraph (escaped N-Triples syntax, so no user text reaches the parser as syntax);
    # it joins like a substitution for the variables used in that group.
    if not bound:
        return query.text
    at = _where_brace(query.text)
    names = " ".join(f"?{v}" for v in bound)
    row = " ".join(str(t) for t in bound.values())
    return f"{query.text[:at]} VALUES ({names}) {{ ({row}) }}{query.text[at:]}"


def bound_text(query: NamedQuery, params: Mapping[str, Any] | None = None) -> str:
    """The text of ``query`` with ``params`` bound (see :func:`bind`) as one ``VALUES`` row
    of escaped RDF terms at the top of its WHERE clause: what :func:`run` sends to a store
    or endpoint, for callers that run the query elsewhere (a worker process, a queue)."""
    return _with_values(query, bind(query, params))


# --- results ---------------------------------------------------------------------------------


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
            {v: _json_term(t) for v, t in zip(self.variables, row, strict=True) if t is not None}
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
        rows = (
            [None if sol[v] is None else to_rdflib(sol[v]) for v in variables] for sol in solutions
        )
        return cls("SELECT", variables=variables, rows=_rows(variables, rows))


def _json_term(term: Node) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None and str(term.datatype) != XSD + "string":
        out["datatype"] = str(term.datatype)
    return out


def _rows(variables: list[str], rows) -> list[ResultRow]:
    labels = [Variable(v) for v in variables]
    return [
        ResultRow({label: v for label, v in zip(labels, row, strict=True) if v is not None}, labels)
        for row in rows
    ]


def _graph_from_triples(triples, query: NamedQuery) -> Graph:
    graph = Graph()
    for prefix, iri in query.prefixes.items():
        graph.bind(prefix, iri)
    for t in triples:
        graph.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return graph


def _syntax_error(exc: SyntaxError, query: NamedQuery) -> QueryError:
    message = exc.msg or str(exc)
    match = re.match(r"error at (\d+):(\d+): (.*)", message, re.DOTALL)
    if match:
        line, column = int(match[1]), int(match[2])
        # Both the editor-friendly "file:line:col" prefix and words a reader can search for.
        message = f"SPARQL syntax error at line:{line}, col:{column}: {match[3]}"
        return QueryError(message, where=query.where, line=line, column=column)
    return QueryError(message, where=query.where)


def _check_syntax(query: NamedQuery) -> None:
    # Remote endpoints report syntax errors in their own words, or not at all; check with
    # pyoxigraph first (on an empty store, so nothing is evaluated) for one clear message.
    try:
        ox.Store().query(query.text)
    except SyntaxError as exc:
        raise _syntax_error(exc, query) from None
    except OSError:
        pass


def _as_query(query: NamedQuery | str) -> NamedQuery:
    return query if isinstance(query, NamedQuery) else parse_query(query, "query")


def run(
    target, query: NamedQuery | str, params: Mapping[str, Any] | None = None, *, timeout: float = 60
) -> QueryResult:
    """Run ``query`` (a :class:`NamedQuery` or SPARQL text) with ``params`` on ``target``: a
    pyoxigraph Store (the default graph is the union of all named graphs), an rdflib
    Dataset (likewise) or Graph, or the URL of a remote SPARQL 1.1 endpoint (queried through
    SPARQLWrapper; the endpoint should likewise expose the union as its default graph).
    Returns a :class:`QueryResult`; bad parameters and syntax errors raise
    :class:`QueryError`."""
    query = _as_query(query)
    bound = bind(query, params)
    if isinstance(target, ox.Store):
        # pyoxigraph's substitutions= only binds projected variables (SEP-0007), so bind
        # through the same VALUES row a remote endpoint gets: one text, one semantics.
        try:
            answer = target.query(_with_values(query, bound), use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise _syntax_error(exc, query) from None
        except OSError as exc:
            raise QueryError(str(exc), where=query.where) from exc
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult("ASK", boolean=bool(answer))
        if isinstance(answer, ox.QueryTriples):
            return QueryResult(query.form, graph=_graph_from_triples(answer, query))
        return QueryResult.from_solutions(answer)
    if isinstance(target, Graph):
        return _run_rdflib(target, query, bound)
    if isinstance(target, str):
        from regiokg.remote import remote_query

        _check_syntax(query)
        return remote_query(
            target, _with_values(query, bound), query.form, timeout=timeout, prefixes=query.prefixes
        )
    raise TypeError(f"cannot run a query on {type(target).__name__}")


def _run_rdflib(graph: Graph, query: NamedQuery, bound: Mapping[str, ox.Term]) -> QueryResult:
    _check_syntax(query)
    union = getattr(graph, "default_union", None)
    if isinstance(graph, Dataset):
        graph.default_union = True
    try:
        answer = graph.query(query.text, initBindings={k: to_rdflib(v) for k, v in bound.items()})
    finally:
        if isinstance(graph, Dataset):
            graph.default_union = union
    if answer.type == "ASK":
        return QueryResult("ASK", boolean=bool(answer.askAnswer))
    if answer.type in ("CONSTRUCT", "DESCRIBE"):
        result = Graph()
        for prefix, iri in query.prefixes.items():
            result.bind(prefix, iri)
        for triple in answer.graph:
            result.add(triple)
        return QueryResult(answer.type, graph=result)
    variables = [str(v) for v in answer.vars]
    return QueryResult("SELECT", variables=variables, rows=_rows(variables, answer))


# --- pandas ------------------------------------------------------------------------------------

_INTEGER = {
    XSD + t
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


def _python(term: Node | None) -> Any:
    if term is None or isinstance(term, (URIRef, BNode)):
        return term
    datatype = str(term.datatype) if term.datatype is not None else None
    text = str(term).strip()
    try:
        if datatype in _INTEGER or datatype == XSD + "gYear":
            return int(text)
        if datatype in (XSD + "decimal", XSD + "double", XSD + "float"):
            return float(text)
        if datatype == XSD + "boolean":
            return text in ("true", "1")
        if datatype == XSD + "date":
            return dt.date.fromisoformat(text[:10])
        if datatype == XSD + "dateTime":
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
