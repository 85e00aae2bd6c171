"""Writers for the W3C RDF syntaxes (Turtle, N-Triples, N-Quads, TriG, RDF/XML), one per
format, all serialised by pyoxigraph: it streams, escapes by the book and writes the
prefixes of the project's JSON-LD context, so every dump reads with the same short names.

Each writer takes pyoxigraph triples or quads, a binary stream and the project (see
:mod:`regiokg.export.formats`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import BinaryIO

import pyoxigraph as ox

from regiokg.config import Project
from regiokg.export.jsonld import context_prefixes

__all__ = ["SyntaxWriter", "write_nquads", "write_ntriples", "write_rdfxml", "write_trig"]
__all__ += ["write_turtle"]


@dataclass(frozen=True)
class SyntaxWriter:
    """A writer for one RDF ``syntax``: called with triples (or quads, for the dataset
    syntaxes), a binary stream and the project, it serialises them with pyoxigraph and the
    prefixes of the project's context (syntaxes without prefixes ignore them)."""

    syntax: ox.RdfFormat

    def __call__(
        self, statements: Iterable[ox.Triple] | Iterable[ox.Quad], out: BinaryIO, project: Project
    ) -> None:
        ox.serialize(statements, out, self.syntax, prefixes=context_prefixes(project))


write_turtle = SyntaxWriter(ox.RdfFormat.TURTLE)
write_ntriples = SyntaxWriter(ox.RdfFormat.N_TRIPLES)
write_nquads = SyntaxWriter(ox.RdfFormat.N_QUADS)
# The quads come sorted by graph name, so each named graph is one TriG block.
write_trig = SyntaxWriter(ox.RdfFormat.TRIG)
write_rdfxml = SyntaxWriter(ox.RdfFormat.RDF_XML)
