"""Named SPARQL queries: one ``queries/NAME.rq`` file each, described by grlc decorators.

A query file starts with comment lines in the grlc convention::

    #+ summary: Since which year are two cities twinned?
    #+ tags:
    #+   - competency
    #+ defaults:
    #+   - city_iri: https://w3id.org/regiokg/id/city/katowice

Variables named ``?_name`` are parameters taking a plain literal, ``?_name_iri`` an IRI and
``?_name_xsd_TYPE`` a literal of that XSD datatype (``?_year_xsd_gYear``). Parameters are
bound as typed RDF terms through the engine's initial bindings, never pasted into the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.query import Result
from rdflib.term import Node

from regiokg.config import Project

__all__ = ["NamedQuery", "Parameter", "QueryError", "load_queries", "bind", "run"]

_PARAM = re.compile(r"\?(_[A-Za-z0-9_]+)")
_HEADER = re.compile(r"^#\+\s?(.*)$")


class QueryError(ValueError):
    """A query or its parameters are unusable; the message names the query and the problem."""


@dataclass(frozen=True)
class Parameter:
    """A query parameter: its name as the user gives it, its SPARQL variable, and its kind
    (``iri``, ``literal`` or an XSD datatype IRI)."""

    name: str
    variable: str
    kind: str
    default: str | None = None

    def term(self, value: str) -> Node:
        """The RDF term for ``value`` of this parameter's kind."""
        if self.kind == "iri":
            if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", value):
                raise QueryError(f"parameter {self.name!r}: {value!r} is not an IRI")
            return URIRef(value)
        if self.kind == "literal":
            return Literal(value)
        term = Literal(value, datatype=URIRef(self.kind))
        if term.ill_typed:
            raise QueryError(f"parameter {self.name!r}: {value!r} is not a valid {self.kind}")
        return term


@dataclass(frozen=True)
class NamedQuery:
    """A query file: its name (the file stem), summary, tags, parameters and SPARQL text."""

    name: str
    path: Path
    text: str
    summary: str = ""
    tags: tuple[str, ...] = ()
    parameters: dict[str, Parameter] = field(default_factory=dict)


def _parameter(variable: str, defaults: dict[str, str]) -> Parameter:
    raw = variable[1:]
    if raw.endswith("_iri"):
        name, kind = raw[: -len("_iri")], "iri"
    elif "_xsd_" in raw:
        name, dtype = raw.split("_xsd_", 1)
        kind = str(XSD[dtype])
    else:
        name, kind = raw, "literal"
    default = defaults.get(raw, defaults.get(name))
    return Parameter(name=name, variable=variable, kind=kind, default=default)


def parse_query_file(path: Path) -> NamedQuery:
    """Read one ``.rq`` file with its grlc header (summary, tags, defaults)."""
    text = Path(path).read_text(encoding="utf-8")
    header: dict[str, object] = {}
    key = None
    for line in text.splitlines():
        match = _HEADER.match(line)
        if not match:
            if line.startswith("#") or not line.strip():
                continue
            break
        body = match.group(1)
        if re.match(r"^[a-z]+:", body):
            key, _, value = body.partition(":")
            header[key] = value.strip() or []
        elif key and body.strip().startswith("- "):
            item = body.strip()[2:]
            target = header.setdefault(key, [])
            if isinstance(target, list):
                target.append(item)
    defaults: dict[str, str] = {}
    for item in header.get("defaults", []) or []:
        name, _, value = str(item).partition(":")
        defaults[name.strip()] = value.strip()
    body_text = "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("#"))
    variables = dict.fromkeys(_PARAM.findall(body_text))
    params = {}
    for variable in variables:
        param = _parameter(variable, defaults)
        params[param.name] = param
    tags = header.get("tags", [])
    return NamedQuery(
        name=Path(path).stem,
        path=Path(path),
        text=text,
        summary=str(header.get("summary", "")),
        tags=tuple(tags) if isinstance(tags, list) else (str(tags),),
        parameters=params,
    )


def load_queries(project: Project) -> dict[str, NamedQuery]:
    """Every named query of ``project`` by name, in name order."""
    return {p.stem: parse_query_file(p) for p in sorted(project.queries_dir.glob("*.rq"))}


def bind(query: NamedQuery, params: dict[str, str] | None = None) -> dict[str, Node]:
    """Typed initial bindings for ``query`` from user values, falling back to the defaults
    of its header; an unknown or missing parameter raises :class:`QueryError` naming it."""
    params = dict(params or {})
    unknown = sorted(set(params) - set(query.parameters))
    if unknown:
        known = ", ".join(sorted(query.parameters)) or "none"
        raise QueryError(
            f"{query.name}: unknown parameter(s) {', '.join(unknown)} (known: {known})"
        )
    bindings = {}
    for name, param in query.parameters.items():
        value = params.get(name, param.default)
        if value is None:
            raise QueryError(f"{query.name}: missing parameter {name!r}")
        bindings[param.variable] = param.term(value)
    return bindings


def run(target, query: NamedQuery, params: dict[str, str] | None = None) -> Result:
    """Run a named query on an rdflib Dataset or Graph with its parameters bound safely."""
    bindings = bind(query, params)
    try:
        prepared = prepareQuery(query.text)
    except Exception as exc:  # rdflib raises pyparsing errors with line and column
        line = getattr(exc, "lineno", None)
        col = getattr(exc, "col", None)
        where = f":{line}:{col}" if line else ""
        raise QueryError(f"{query.path}{where}: SPARQL syntax error: {exc}") from exc
    return target.query(prepared, initBindings=bindings)
