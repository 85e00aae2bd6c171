"""Publish the graph as linked open data: dumps in every RDF syntax, the JSON-LD
``@context`` the project ships, the VoID/DCAT description of the dataset, and the ontology
documentation generated with pyLODE.

One module per concern: :mod:`~regiokg.export.formats` (the registry of dump formats, a
writer per format), :mod:`~regiokg.export.syntaxes` (the W3C syntaxes, written by
pyoxigraph), :mod:`~regiokg.export.jsonld` (the context and the JSON-LD writer),
:mod:`~regiokg.export.dump` (writing a dump atomically), :mod:`~regiokg.export.void` (the
dataset description) and :mod:`~regiokg.export.docs` (pyLODE pages).
"""

from regiokg.export.docs import ontology_html, vocabulary_html, write_docs
from regiokg.export.dump import serialize_dump, write_dump
from regiokg.export.formats import FORMATS, DumpFormat, ExportError, register
from regiokg.export.jsonld import jsonld_context
from regiokg.export.void import dataset_figures, describe_dataset, write_description

__all__ = [
    "FORMATS",
    "DumpFormat",
    "ExportError",
    "dataset_figures",
    "describe_dataset",
    "jsonld_context",
    "ontology_html",
    "register",
    "serialize_dump",
    "vocabulary_html",
    "write_docs",
    "write_description",
    "write_dump",
]
