"""Binding a named query's parameters: values become typed RDF terms first (an IRI, or a
literal of the parameter's datatype, checked), and the terms go into the query as one
``VALUES`` row at the top of its WHERE clause, serialised by pyoxigraph (escaped N-Triples
syntax, so no user text reaches a parser as syntax). The row joins like a substitution for
the variables used in that group. This is the only way parameters enter a query, and the
same text goes to every target: the embedded store, an rdflib dataset, a remote endpoint
and the server's query workers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from regiokg.convert import to_oxigraph
from regiokg.query.catalogue import NamedQuery, Parameter
from regiokg.query.errors import QueryError
from regiokg.query.lexer import where_brace

__all__ = ["bind", "bound_text", "with_values"]


def _term(param: Parameter, value: Any, query: NamedQuery) -> ox.NamedNode | ox.Literal:
    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return value
    if isinstance(value, (URIRef, Literal)):
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
    datatype = param.datatype or str(XSD.string)
    literal = Literal(text, datatype=URIRef(datatype))
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


def with_values(query: NamedQuery, bound: Mapping[str, ox.Term]) -> str:
    """The text of ``query`` with the terms of ``bound`` (variable -> term) as one
    ``VALUES`` row at the top of its WHERE group; the text itself when nothing is bound."""
    if not bound:
        return query.text
    at = where_brace(query.text)
    if at is None:
        raise QueryError("cannot find the WHERE clause of the query", where=query.where)
    names = " ".join(f"?{v}" for v in bound)
    row = " ".join(str(t) for t in bound.values())
    return f"{query.text[:at]} VALUES ({names}) {{ ({row}) }}{query.text[at:]}"


def bound_text(query: NamedQuery, params: Mapping[str, Any] | None = None) -> str:
    """The text of ``query`` with ``params`` bound (see :func:`bind`) as one ``VALUES`` row
    of escaped RDF terms at the top of its WHERE clause: what every target is sent, and
    what a caller that runs the query elsewhere (a worker process, a queue) sends."""
    return with_values(query, bind(query, params))
