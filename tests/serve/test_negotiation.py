"""Choosing a representation from an Accept header or a format parameter."""

from __future__ import annotations

import pytest

from regiokg.export import FORMATS
from regiokg.serve.negotiation import GRAPH_TYPES, HTML, best_match, media_type_for
from regiokg.serve.representations import EXTENSIONS

OFFERED = [HTML, "text/turtle", "application/ld+json", "application/n-triples"]


@pytest.mark.parametrize(
    "accept, chosen",
    [
        (None, HTML),
        ("", HTML),
        ("*/*", HTML),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", HTML),
        ("text/turtle", "text/turtle"),
        ("application/ld+json;q=0.5, text/turtle;q=0.9", "text/turtle"),
        ("text/*;q=0.3, application/n-triples", "application/n-triples"),
        ("text/n3", "text/turtle"),
        ("*/*;q=0.1, text/html;q=0", "text/turtle"),
        ("image/png", None),
    ],
)
def test_best_match(accept, chosen):
    assert best_match(accept, OFFERED) == chosen


def test_format_parameter_names_results_or_graph_types():
    assert media_type_for(["json"], graph=False) == "application/sparql-results+json"
    assert media_type_for(["json"], graph=True) == "application/ld+json"
    assert media_type_for(["xml"], graph=True) == "application/rdf+xml"
    assert media_type_for(["tsv", "text/tab-separated-values"], graph=False) == (
        "text/tab-separated-values"
    )
    assert media_type_for(["csv"], graph=True) is None


def test_every_export_syntax_is_served_for_graphs_and_entity_documents():
    exported = {fmt.media_type for fmt in FORMATS.values()}
    assert exported <= set(GRAPH_TYPES)
    assert exported <= set(EXTENSIONS.values())
