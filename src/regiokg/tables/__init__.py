"""Importing tables (CORDIS project data, cluster member lists, attendance lists) into the
graph through declarative mappings.

The stage reads a table as a stream of records (:mod:`.reading`), cleans and checks each
record and reports the bad ones by file, line and field (:mod:`.cleaning`), links places and
organisations to the curated ones by the identity rule (:mod:`.gazetteer`), and runs the
YARRRML mapping under ``mappings/`` with Morph-KGC over chunks of records (:mod:`.engine`,
:mod:`.writing`). The result is an N-Triples file in the project's ``imports/`` that
``regiokg build`` reads as a named graph of its own.
"""

from regiokg.tables.cleaning import RowProblem, normalise_name, slug
from regiokg.tables.cordis import import_cordis
from regiokg.tables.engine import MappingError
from regiokg.tables.reading import TableError
from regiokg.tables.writing import ImportReport

__all__ = [
    "ImportReport",
    "MappingError",
    "RowProblem",
    "TableError",
    "import_cordis",
    "normalise_name",
    "slug",
]
