"""Content negotiation (RFC 9110, section 12.5.1): pick the representation a client
prefers from the media types a resource offers, by the ``Accept`` header's quality values
and, on ties, by the more specific range and then by the server's order."""

from __future__ import annotations

import pyoxigraph as ox

__all__ = ["GRAPH_TYPES", "HTML", "RESULT_TYPES", "best_match", "media_type_for"]

HTML = "text/html"

#: SPARQL result media types -> pyoxigraph results format.
RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
#: RDF media types -> pyoxigraph RDF format (Turtle first: the default for graphs).
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    # Dataset syntaxes too (a graph answer is their default graph): Trifid asks for N-Quads.
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
}
# Aliases clients use for the same types (SPARQLWrapper sends several of these at once).
_ALIASES = {
    "application/json": "application/sparql-results+json",
    "application/xml": "application/sparql-results+xml",
    "text/xml": "application/sparql-results+xml",
    "application/x-turtle": "text/turtle",
    "text/n3": "text/turtle",
    "text/plain": "application/n-triples",
    "application/json-ld": "application/ld+json",
    "text/x-nquads": "application/n-quads",
    "application/x-trig": "application/trig",
}
# Values of the ``format`` request parameter: results type, graph type.
_FORMAT_NAMES = {
    "json": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv", None),
    "tsv": ("text/tab-separated-values", None),
    "html": (HTML, HTML),
    "turtle": (None, "text/turtle"),
    "ttl": (None, "text/turtle"),
    "n3": (None, "text/turtle"),
    "nt": (None, "application/n-triples"),
    "ntriples": (None, "application/n-triples"),
    "n-triples": (None, "application/n-triples"),
    "json-ld": (None, "application/ld+json"),
    "jsonld": (None, "application/ld+json"),
    "rdf+xml": (None, "application/rdf+xml"),
    "rdfxml": (None, "application/rdf+xml"),
    "nq": (None, "application/n-quads"),
    "nquads": (None, "application/n-quads"),
    "n-quads": (None, "application/n-quads"),
    "trig": (None, "application/trig"),
}


def _ranges(accept: str):
    for position, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        quality = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        yield media, quality, position


def _specificity(media_range: str, offered: str) -> int:
    if media_range == "*/*":
        return 0
    if media_range.endswith("/*") or offered not in (media_range, _ALIASES.get(media_range)):
        return 1
    return 2


def _covers(media_range: str, offered: str) -> bool:
    if media_range == "*/*":
        return True
    if media_range.endswith("/*"):
        return offered.split("/")[0] == media_range[:-2]
    if media_range == "application/json" and offered.endswith("+json"):
        # RFC 6839: a client that reads JSON reads every +json type (JSON-LD for an
        # entity's data, SPARQL results for a query).
        return True
    return media_range == offered or _ALIASES.get(media_range) == offered


def best_match(accept: str | None, offered: list[str]) -> str | None:
    """The media type of ``offered`` that the ``accept`` header ranks highest, the first
    offered one when the header is absent or empty, or None when it accepts none of them
    (the caller answers 406)."""
    if not accept or not accept.strip():
        return offered[0]
    best, best_key = None, None
    for order, media in enumerate(offered):
        # The most specific range that covers a type decides its quality.
        matching = [
            (_specificity(r, media), q, -p) for r, q, p in _ranges(accept) if _covers(r, media)
        ]
        if not matching:
            continue
        specificity, quality, _ = max(matching)
        if quality <= 0:
            continue
        key = (quality, specificity, -order)
        if best_key is None or key > best_key:
            best, best_key = media, key
    return best


def media_type_for(values: list[str], *, graph: bool) -> str | None:
    """The media type a ``format`` request parameter asks for (``json``, ``csv``,
    ``turtle``… or a media type; several values are tried in order), for a graph answer
    when ``graph`` is true; None when no value names a type of that kind."""
    known = GRAPH_TYPES if graph else RESULT_TYPES
    for value in values:
        value = value.strip().lower()
        media = _FORMAT_NAMES.get(value, (None, None))[1 if graph else 0]
        if media is None:
            media = _ALIASES.get(value, value)
        if media in known or media == HTML:
            return media
    return None
