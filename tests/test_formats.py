"""The one format registry: names, media types and suffixes mean the same to the export, the
server, the query command and validation."""

from __future__ import annotations

from regiokg.export import FORMATS
from regiokg.formats import RDF_SYNTAXES, RESULTS_FORMATS, rdf_syntax, results_format
from regiokg.serve.negotiation import GRAPH_TYPES, RESULT_TYPES, media_type_for
from regiokg.serve.representations import EXTENSIONS
from regiokg.validate import DATA_FORMATS


def test_names_media_types_and_suffixes_are_unambiguous_within_a_kind():
    for formats in (RDF_SYNTAXES, RESULTS_FORMATS):
        media = [f.media_type for f in formats] + [a for f in formats for a in f.media_aliases]
        assert len(media) == len(set(media))
        assert len({f.suffix for f in formats}) == len(formats)


def test_a_name_means_one_thing_per_kind():
    assert results_format("json").media_type == "application/sparql-results+json"
    assert rdf_syntax("json").media_type == "application/ld+json"
    assert rdf_syntax("xml").suffix == "rdf"
    assert rdf_syntax(".trig").name == "trig"
    assert rdf_syntax("text/n3").name == "ttl"
    assert results_format("turtle") is None


def test_every_consumer_reads_the_registry():
    assert [(f.name, f.media_type, f.extension) for f in FORMATS.values()][:6] == [
        (s.name, s.media_type, s.suffix) for s in RDF_SYNTAXES
    ]
    assert set(RESULT_TYPES) == {f.media_type for f in RESULTS_FORMATS}
    assert set(GRAPH_TYPES) == set(EXTENSIONS.values())
    assert set(DATA_FORMATS) == {"." + s.suffix for s in RDF_SYNTAXES}
    assert media_type_for(["json"], graph=True) == "application/ld+json"
    assert media_type_for(["application/json"], graph=False) == "application/sparql-results+json"
