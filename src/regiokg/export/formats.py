"""The dump formats: one writer per RDF syntax, registered by name and imported on first use,
the way rdflib's plugin registry keeps its serializers.

The built-in formats are the RDF syntaxes of :mod:`regiokg.formats`, registered here like
any other. A format is a :class:`DumpFormat`: its name (``ttl``, ``nq``, …), the media type and file
extension it is published under, whether it keeps named graphs (``datasets``), and the
dotted path of its writer, ``"module:function"``. A writer is called as
``writer(statements, out, project)`` with pyoxigraph quads for dataset formats and
pyoxigraph triples (the merged graph) for the others, and writes bytes to the binary
stream ``out``. :func:`register` adds a format; :data:`FORMATS` holds them all.
"""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import BinaryIO

import pyoxigraph as ox

from regiokg.formats import RDF_SYNTAXES

__all__ = ["DumpFormat", "ExportError", "FORMATS", "Writer", "get_format", "register"]

#: ``writer(statements, out, project)``: serialise quads (dataset formats) or triples.
Writer = Callable[[Iterable[ox.Quad] | Iterable[ox.Triple], BinaryIO, object], None]


class ExportError(ValueError):
    """An export cannot be made: an unknown format, a missing context file, a source that
    is neither a store nor a dataset. The message says which and what is available."""


@dataclass(frozen=True)
class DumpFormat:
    """A dump format: ``name`` (the ``--format`` value), ``media_type``, ``extension``
    (dumps are ``regiokg.<extension>``), ``datasets`` (True when the syntax keeps one named
    graph per source, False when it holds the merged graph), a human ``label``,
    ``writer``, the ``"module:function"`` path of the function that serialises it, and
    ``spec``, the W3C format IRI (``http://www.w3.org/ns/formats/…``) or ``""``."""

    name: str
    media_type: str
    extension: str
    datasets: bool
    label: str
    writer: str
    spec: str = ""

    @property
    def filename(self) -> str:
        """The file name of this format's dump, ``regiokg.<extension>``."""
        return f"regiokg.{self.extension}"

    def load_writer(self) -> Writer:
        """Import and return the writer function (imported on first use, so a format's
        dependencies load only when it is written)."""
        module, _, attr = self.writer.partition(":")
        return getattr(importlib.import_module(module), attr)


#: format name -> :class:`DumpFormat`, in the order ``--format all`` writes them.
FORMATS: dict[str, DumpFormat] = {}


def register(
    name: str,
    *,
    media_type: str,
    extension: str,
    datasets: bool,
    label: str,
    writer: str,
    spec: str = "",
) -> DumpFormat:
    """Register a dump format under ``name`` (replacing one of the same name) and return
    it; ``writer`` is the ``"module:function"`` path of its writer, imported when the format
    is first written, and ``spec`` the W3C format IRI (see :class:`DumpFormat`)."""
    fmt = DumpFormat(name, media_type, extension, datasets, label, writer, spec)
    FORMATS[name] = fmt
    return fmt


def get_format(name: str | DumpFormat) -> DumpFormat:
    """The registered format called ``name`` (a :class:`DumpFormat` is returned as is); an
    unknown name raises :class:`ExportError` listing the registered ones."""
    if isinstance(name, DumpFormat):
        return name
    if name in FORMATS:
        return FORMATS[name]
    close = difflib.get_close_matches(name, list(FORMATS), n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    raise ExportError(f"unknown dump format {name!r}{hint}; use one of {', '.join(FORMATS)}")


#: The writer of each syntax of :data:`regiokg.formats.RDF_SYNTAXES`.
_WRITERS = {
    "ttl": "regiokg.export.syntaxes:write_turtle",
    "nt": "regiokg.export.syntaxes:write_ntriples",
    "nq": "regiokg.export.syntaxes:write_nquads",
    "trig": "regiokg.export.syntaxes:write_trig",
    "jsonld": "regiokg.export.jsonld:write_jsonld",
    "xml": "regiokg.export.syntaxes:write_rdfxml",
}
for _syntax in RDF_SYNTAXES:
    register(
        _syntax.name,
        media_type=_syntax.media_type,
        extension=_syntax.suffix,
        datasets=_syntax.datasets,
        label=_syntax.label,
        writer=_WRITERS[_syntax.name],
        spec=_syntax.spec,
    )
