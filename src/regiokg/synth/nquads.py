"""N-Quads written line by line: the generator's output needs no graph in memory.

Terms are kept as N-Triples strings (``<iri>``, ``"text"@en``, ``_:b1``); :class:`NQuadsWriter`
joins four of them into a line. Only literal text needs escaping; the generator mints IRIs
from ASCII slugs, so they are written as they are.
"""

from __future__ import annotations

from typing import TextIO

__all__ = ["NQuadsWriter", "iri", "literal"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def iri(value: str) -> str:
    """An IRI as an N-Triples term."""
    return f"<{value}>"


def literal(text: object, *, lang: str | None = None, datatype: str | None = None) -> str:
    """A literal as an N-Triples term: tagged with ``lang``, typed with ``datatype`` (an
    ``xsd:`` local name such as ``date``, or a full IRI), or a plain string."""
    value = f'"{str(text).translate(_ESCAPES)}"'
    if lang is not None:
        return f"{value}@{lang}"
    if datatype is not None:
        full = datatype if ":" in datatype else _XSD + datatype
        return f"{value}^^<{full}>"
    return value


class NQuadsWriter:
    """Writes quads to a text stream and counts them; every term is an N-Triples string."""

    def __init__(self, stream: TextIO):
        self._write = stream.write
        self.count = 0

    def quad(self, subject: str, predicate: str, obj: str, graph: str) -> None:
        """Write one quad (all four terms already in N-Triples syntax)."""
        self._write(f"{subject} {predicate} {obj} {graph} .\n")
        self.count += 1
