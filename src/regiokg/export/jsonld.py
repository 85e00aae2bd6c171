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

from regiokg.config import Project
from regiokg.export.formats import ExportError

__all__ = ["context_path", "expanded_form", "context_prefixes", "jsonld_context", "write_jsonld"]


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


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _node_id(term: ox.NamedNode | ox.BlankNode) -> str:
    return term.value if isinstance(term, ox.NamedNode) else f"_:{term.value}"


def _object(term) -> dict:
    if isinstance(term, (ox.NamedNode, ox.BlankNode)):
        return {"@id": _node_id(term)}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    if term.datatype.value == _XSD_STRING:
        return {"@value": term.value}
    return {"@value": term.value, "@type": term.datatype.value}


def expanded_form(quads: Iterable[ox.Quad]) -> list[dict]:
    """``quads`` in expanded JSON-LD, as the JSON-LD 1.1 "Serialize RDF as JSON-LD"
    algorithm makes it (no native types, ``rdf:type`` as ``@type``): one node object per
    subject of the default graph, and one graph object per named graph holding its own."""
    graphs: dict[str, dict[str, dict]] = {}
    for quad in quads:
        name = "" if isinstance(quad.graph_name, ox.DefaultGraph) else _node_id(quad.graph_name)
        subject = _node_id(quad.subject)
        node = graphs.setdefault(name, {}).setdefault(subject, {"@id": subject})
        if quad.predicate.value == _RDF_TYPE and not isinstance(quad.object, ox.Literal):
            node.setdefault("@type", []).append(_node_id(quad.object))
        else:
            node.setdefault(quad.predicate.value, []).append(_object(quad.object))
    expanded = list(graphs.pop("", {}).values())
    for name, nodes in graphs.items():
        expanded.append({"@id": name, "@graph": list(nodes.values())})
    return expanded


def write_jsonld(quads: Iterable[ox.Quad], out: BinaryIO, project: Project) -> None:
    """Write ``quads`` to ``out`` as compacted JSON-LD with the project's context embedded:
    a top-level ``@graph`` holding one ``{"@id": graph, "@graph": [...]}`` object per
    named graph (and the default graph's nodes, if any). The RDF becomes JSON-LD through
    pyld's ``fromRdf`` and ``compact``, the JSON-LD 1.1 algorithms as the W3C specifies
    them (rdflib's compaction loses values: of ``""`` and ``"0"`` on one property it
    keeps one)."""
    from pyld import jsonld

    context = jsonld_context(project)["@context"]
    compacted = jsonld.compact(expanded_form(quads), context, {"graph": True})
    out.write(json.dumps(compacted, indent=1, ensure_ascii=False).encode("utf-8"))
