"""JSON-LD with the project's published ``@context``.

The context (``ontology/context.jsonld``) gives the ontology and the reused vocabularies
their usual prefixes (``rkg:``, ``schema:``, ``org:``, ``prov:``, ``skos:``, ``dcterms:``,
``foaf:``, ``geo:`` …) and short terms for the properties the data uses, with ``@id``
coercion for links and datatype coercion where a property always has one type (dates,
coordinates). The JSON-LD dump embeds it, so the dump reads without fetching anything; the
Turtle, TriG and RDF/XML dumps use its prefixes too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import XSD, Dataset, Literal, URIRef

from regiokg.config import Project
from regiokg.convert import to_rdflib
from regiokg.export.formats import ExportError

__all__ = ["context_path", "context_prefixes", "jsonld_context", "write_jsonld"]


def context_path(project: Project):
    """Where the project keeps its JSON-LD context: ``ontology/context.jsonld``."""
    return project.ontology_dir / "context.jsonld"


def jsonld_context(project: Project) -> dict:
    """The JSON-LD context document the project ships and publishes (the whole file,
    ``{"@context": {...}}``), read from ``ontology/context.jsonld``. A missing or malformed
    file raises :class:`~regiokg.export.formats.ExportError` naming it (and the line)."""
    path = context_path(project)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ExportError(f"no JSON-LD context at {path}") from None
    except json.JSONDecodeError as exc:
        raise ExportError(f"{path}:{exc.lineno}:{exc.colno}: {exc.msg}") from None
    if not isinstance(document, dict) or not isinstance(document.get("@context"), dict):
        raise ExportError(f"{path}: expected an object with an '@context' object")
    return document


def context_prefixes(project: Project) -> dict[str, str]:
    """The prefixes of the project's context: its terms whose value is a namespace IRI
    ending in ``/`` or ``#`` (``rkg``, ``schema``, ``skos`` …)."""
    context = jsonld_context(project)["@context"]
    return {
        term: value
        for term, value in context.items()
        if isinstance(value, str) and not term.startswith("@") and value.endswith(("/", "#"))
    }


def _term(term: ox.NamedNode | ox.BlankNode | ox.Literal):
    # RDF 1.1 makes a simple literal and an xsd:string one the same term; write the
    # simple form so plain strings stay plain JSON strings.
    node = to_rdflib(term)
    if isinstance(node, Literal) and node.datatype == XSD.string:
        return Literal(str(node))
    return node


def write_jsonld(quads: Iterable[ox.Quad], out: BinaryIO, project: Project) -> None:
    """Write ``quads`` to ``out`` as compacted JSON-LD with the project's context embedded:
    a top-level ``@graph`` holding one ``{"@id": graph, "@graph": [...]}`` object per
    named graph (and the default graph's nodes, if any)."""
    context = jsonld_context(project)["@context"]
    dataset = Dataset()
    graphs = {}
    for quad in quads:
        name = quad.graph_name
        if name not in graphs:
            graphs[name] = (
                dataset.default_context
                if isinstance(name, ox.DefaultGraph)
                else dataset.graph(URIRef(name.value))
            )
        graphs[name].add((_term(quad.subject), _term(quad.predicate), _term(quad.object)))
    text = dataset.serialize(format="json-ld", context=context, indent=1, ensure_ascii=False)
    out.write(text.encode("utf-8"))
