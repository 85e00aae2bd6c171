"""The one registry of the formats regiokg reads and writes: the W3C RDF syntaxes (Turtle,
N-Triples, N-Quads, TriG, JSON-LD, RDF/XML) and the SPARQL 1.1 query results formats (JSON,
XML, CSV, TSV). Each :class:`Format` carries its names, media types, file suffix and how it
is read and written (pyoxigraph's format, rdflib's plugin name), so that the export, the
server's content negotiation, the query command's output and the validation of files all
agree on what ``ttl``, ``text/turtle`` or ``.rdf`` mean.

Look-ups are by kind: ``json`` is a results format to :func:`results_format` and JSON-LD to
:func:`rdf_syntax`, as a SPARQL client expects.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

__all__ = [
    "RDF_SYNTAXES",
    "RESULTS_FORMATS",
    "Format",
    "graph_syntaxes",
    "rdf_syntax",
    "results_format",
    "syntax_for_suffix",
]

_W3C = "http://www.w3.org/ns/formats/"


@dataclass(frozen=True)
class Format:
    """One format: its ``name`` (the short name commands take: ``ttl``, ``json`` …), a
    human ``label``, ``kind`` (``rdf`` or ``results``), the ``media_type`` it is published
    under, the file ``suffix`` (without the dot), the other ``names`` and ``media_aliases``
    clients use for it, whether it keeps named graphs (``datasets``), whether the server
    offers it for graph answers and data documents (``for_graphs``), pyoxigraph's
    ``oxigraph`` format (its reader and writer), rdflib's plugin name (``rdflib``) and the
    W3C format IRI (``spec``)."""

    name: str
    label: str
    kind: str
    media_type: str
    suffix: str
    oxigraph: ox.RdfFormat | ox.QueryResultsFormat
    rdflib: str | None = None
    names: tuple[str, ...] = ()
    media_aliases: tuple[str, ...] = ()
    datasets: bool = False
    for_graphs: bool = False
    spec: str = ""

    def known_as(self, value: str) -> bool:
        """Whether ``value`` (a name, a media type or a ``.suffix``) names this format."""
        value = value.strip().lower()
        return (
            value in (self.name, self.media_type, "." + self.suffix)
            or value in self.names
            or value in self.media_aliases
        )


RDF = "rdf"
RESULTS = "results"


def _rdf(name, label, media, suffix, fmt, rdflib, spec, **more) -> Format:
    return Format(name, label, RDF, media, suffix, fmt, rdflib, spec=_W3C + spec, **more)


def _results(name, media, suffix, fmt, spec, **more) -> Format:
    label = "SPARQL Results " + spec.rsplit("_", 1)[-1]
    return Format(name, label, RESULTS, media, suffix, fmt, spec=_W3C + spec, **more)


_ox = ox.RdfFormat
#: The RDF syntaxes, in the order dumps are written; Turtle first, the default for graphs.
RDF_SYNTAXES: tuple[Format, ...] = (
    _rdf("ttl", "Turtle", "text/turtle", "ttl", _ox.TURTLE, "turtle", "Turtle",
         names=("turtle", "n3"), media_aliases=("application/x-turtle", "text/n3"),
         for_graphs=True),
    _rdf("nt", "N-Triples", "application/n-triples", "nt", _ox.N_TRIPLES, "nt", "N-Triples",
         names=("ntriples", "n-triples"), media_aliases=("text/plain",), for_graphs=True),
    # Dataset syntaxes serve graph answers too (as their default graph): Trifid asks
    # for N-Quads.
    _rdf("nq", "N-Quads", "application/n-quads", "nq", _ox.N_QUADS, "nquads", "N-Quads",
         names=("nquads", "n-quads"), media_aliases=("text/x-nquads",), datasets=True,
         for_graphs=True),
    _rdf("trig", "TriG", "application/trig", "trig", _ox.TRIG, "trig", "TriG",
         media_aliases=("application/x-trig",), datasets=True, for_graphs=True),
    _rdf("jsonld", "JSON-LD", "application/ld+json", "jsonld", _ox.JSON_LD, "json-ld", "JSON-LD",
         names=("json-ld", "json"), media_aliases=("application/json-ld",), datasets=True,
         for_graphs=True),
    _rdf("xml", "RDF/XML", "application/rdf+xml", "rdf", _ox.RDF_XML, "xml", "RDF_XML",
         names=("rdfxml", "rdf+xml", "rdf"), for_graphs=True),
)  # fmt: skip

_qr = ox.QueryResultsFormat
#: The SPARQL 1.1 query results formats, JSON first (the default for tables).
RESULTS_FORMATS: tuple[Format, ...] = (
    _results("json", "application/sparql-results+json", "srj", _qr.JSON, "SPARQL_Results_JSON",
             media_aliases=("application/json",)),
    _results("xml", "application/sparql-results+xml", "srx", _qr.XML, "SPARQL_Results_XML",
             media_aliases=("application/xml", "text/xml")),
    _results("csv", "text/csv", "csv", _qr.CSV, "SPARQL_Results_CSV"),
    _results("tsv", "text/tab-separated-values", "tsv", _qr.TSV, "SPARQL_Results_TSV"),
)  # fmt: skip


def _find(formats: tuple[Format, ...], value: str) -> Format | None:
    # Names first: "json" is the name of one format and an alias of another.
    value = value.strip().lower()
    return next((f for f in formats if f.name == value), None) or next(
        (f for f in formats if f.known_as(value)), None
    )


def rdf_syntax(value: str) -> Format | None:
    """The RDF syntax a name, media type or ``.suffix`` stands for, or None."""
    return _find(RDF_SYNTAXES, value)


def results_format(value: str) -> Format | None:
    """The SPARQL results format a name or media type stands for, or None."""
    return _find(RESULTS_FORMATS, value)


#: The order graph answers are offered in when a client likes several equally.
_GRAPH_ORDER = ("ttl", "jsonld", "nt", "xml", "nq", "trig")


def graph_syntaxes() -> tuple[Format, ...]:
    """The syntaxes graph answers and data documents are offered in, Turtle first."""
    chosen = [f for f in RDF_SYNTAXES if f.for_graphs]
    return tuple(sorted(chosen, key=lambda f: _GRAPH_ORDER.index(f.name)))


def syntax_for_suffix(suffix: str) -> Format | None:
    """The RDF syntax of a file whose name ends in ``suffix`` (``.ttl``, ``.nq`` …)."""
    suffix = suffix.lower()
    return next((f for f in RDF_SYNTAXES if "." + f.suffix == suffix), None)
