"""Writers for the W3C RDF syntaxes (Turtle, N-Triples, N-Quads, TriG, RDF/XML), one per
format, all serialised by pyoxigraph: it streams, escapes by the book and writes the
prefixes of the project's JSON-LD context, so every dump reads with the same short names.
Instance IRIs get a prefix per kind, as in the curated files (``city:katowice`` for
``{base}id/city/katowice``, ``graph:`` for the named graphs), under the project's base.

Each writer takes pyoxigraph triples or quads, a binary stream and the project (see
:mod:`regiokg.export.formats`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import BinaryIO

import pyoxigraph as ox

from regiokg.config import Project
from regiokg.export.jsonld import context_prefixes

__all__ = [
    "SyntaxWriter",
    "dump_prefixes",
    "write_nquads",
    "write_ntriples",
    "write_rdfxml",
    "write_trig",
    "write_turtle",
]


@dataclass(frozen=True)
class SyntaxWriter:
    """A writer for one RDF ``syntax``: called with triples (or quads, for the dataset
    syntaxes), a binary stream and the project, it serialises them with pyoxigraph and the
    prefixes of the project's context (syntaxes without prefixes ignore them)."""

    syntax: ox.RdfFormat

    def __call__(
        self, statements: Iterable[ox.Triple] | Iterable[ox.Quad], out: BinaryIO, project: Project
    ) -> None:
        prefixes = dump_prefixes(statements, project)
        ox.serialize(statements, out, self.syntax, prefixes=prefixes)


_PREFIX_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


def dump_prefixes(
    statements: Iterable[ox.Triple] | Iterable[ox.Quad], project: Project
) -> dict[str, str]:
    """The prefixes for a dump of ``statements``: the project's context prefixes, ``graph:``
    for its named graphs and one per kind of instance the statements name (``city:`` for
    ``{base}id/city/``; ``org-id:`` where the kind's name is already a prefix)."""
    prefixes = context_prefixes(project)
    base = project.instance_iri("")
    kinds = set()
    for statement in statements:
        for term in (statement.subject, statement.object):
            if isinstance(term, ox.NamedNode) and term.value.startswith(base):
                kind, slash, _ = term.value[len(base) :].partition("/")
                if slash and _PREFIX_NAME.match(kind):
                    kinds.add(kind)
    extra = {"graph": project.graph_iri("")} | {kind: f"{base}{kind}/" for kind in sorted(kinds)}
    for name, namespace in extra.items():
        prefixes[name if name not in prefixes else f"{name}-id"] = namespace
    return prefixes


write_turtle = SyntaxWriter(ox.RdfFormat.TURTLE)
write_ntriples = SyntaxWriter(ox.RdfFormat.N_TRIPLES)
write_nquads = SyntaxWriter(ox.RdfFormat.N_QUADS)
# The quads come sorted by graph name, so each named graph is one TriG block.
write_trig = SyntaxWriter(ox.RdfFormat.TRIG)
write_rdfxml = SyntaxWriter(ox.RdfFormat.RDF_XML)
