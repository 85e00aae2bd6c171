"""The curated sources of a regiokg project: the ontology files and one Turtle file per
source document, read with clear errors.

Each file in ``graph/`` describes one source document (a seed news item, a presentation,
or the reference compilation) and becomes one named graph of the built dataset; the files
in ``ontology/`` together become the ``ontology`` named graph.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from regiokg.config import Project

__all__ = [
    "Source",
    "SourceError",
    "discover",
    "read_triples",
    "seed_checksums",
    "stream_triples",
]

ONTOLOGY_GRAPH = "ontology"
#: Named graphs of imported tables are ``{base}graph/import/{file stem}``.
IMPORT_GRAPH_PREFIX = "import/"
_POSITION = re.compile(r"^Parser error (at|between) [^:]*: ")


class SourceError(ValueError):
    """A source file cannot be read; ``str()`` names file, line and column."""

    def __init__(
        self, path: Path, message: str, line: int | None = None, column: int | None = None
    ):
        self.path = Path(path)
        self.line = line
        self.column = column
        self.message = message
        where = str(path)
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Source:
    """One curated file and the named graph it becomes (``graph_name`` is the last IRI
    segment: the curated file stem, ``reference`` or ``ontology``)."""

    path: Path
    graph_name: str

    @property
    def is_ontology(self) -> bool:
        return self.graph_name == ONTOLOGY_GRAPH

    @property
    def is_import(self) -> bool:
        return self.graph_name.startswith(IMPORT_GRAPH_PREFIX)


def discover(project: Project) -> list[Source]:
    """The ontology files, then the graph files of ``project``, then the graphs imported
    from tables (``imports/*.nt``, written by ``regiokg import``), each in name order."""
    found = [Source(p, ONTOLOGY_GRAPH) for p in sorted(project.ontology_dir.glob("*.ttl"))]
    found += [Source(p, p.stem) for p in sorted(project.graph_dir.glob("*.ttl"))]
    found += [
        Source(p, IMPORT_GRAPH_PREFIX + p.stem) for p in sorted(project.imports_dir.glob("*.nt"))
    ]
    if not any(not (s.is_ontology or s.is_import) for s in found):
        raise SourceError(project.graph_dir, "no curated Turtle files (*.ttl) found")
    return found


def read_triples(path: Path) -> list[ox.Triple]:
    """Parse one Turtle file completely; a syntax error raises :class:`SourceError` with the
    file, line and column where the parser stopped, and nothing of the file is returned."""
    return list(stream_triples(path))


def stream_triples(path: Path) -> Iterator[ox.Triple]:
    """The triples of one Turtle (or N-Triples) file as the parser reads them, without
    holding the file in memory; a syntax error raises :class:`SourceError` with the file,
    line and column when the parser reaches it (triples before it have been yielded)."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(path, "cannot read file: no such file")
    try:
        yield from ox.parse(path=path, format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri())
    except SyntaxError as exc:
        # pyoxigraph repeats the position inside the message; keep only the reason.
        message = _POSITION.sub("", (exc.msg or str(exc)).split(" (", 1)[0])
        raise SourceError(path, message, exc.lineno, exc.offset) from exc
    except OSError as exc:
        raise SourceError(path, f"cannot read file: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise SourceError(path, str(exc)) from exc


def seed_checksums(seeds_dir: Path) -> dict[str, str]:
    """SHA-256 of every ``*.txt`` seed in ``seeds_dir`` by file name, for checking that the
    curated files describe the documents at hand."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(Path(seeds_dir).glob("*.txt"))
    }
