"""Writing an import: records collect in chunks, each chunk is run through the mapping and
its triples appended to the output, so memory stays bounded by the chunk size (plus the
sets of identifiers already seen), whatever the size of the tables.

The output is an N-Triples file written atomically: it appears complete or not at all.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from regiokg.atomic import atomic_path
from regiokg.tables.cleaning import RowProblem
from regiokg.tables.engine import TableMapping
from regiokg.tables.gazetteer import Gazetteer, Origin
from regiokg.tables.reading import TableFile

__all__ = ["GraphWriter", "ImportReport"]


@dataclass
class ImportReport:
    """What an import did: the output file, triples written, records read and loaded per
    table file, the problems (records left out, or cells dropped), and the seconds it
    took."""

    output: Path
    triples: int = 0
    read: dict[str, int] = field(default_factory=dict)
    loaded: dict[str, int] = field(default_factory=dict)
    problems: list[RowProblem] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def triples_per_second(self) -> float:
        return self.triples / self.seconds if self.seconds else 0.0


class GraphWriter:
    """Collects the cleaned records of an import by logical source, runs the mapping every
    ``chunk_size`` records and writes the triples to ``target`` (atomically, when the
    ``with`` block ends without an error)."""

    def __init__(
        self,
        target: Path,
        mapping: TableMapping,
        gazetteer: Gazetteer,
        *,
        chunk_size: int = 20_000,
    ):
        self.target = Path(target)
        self.mapping = mapping
        self.gazetteer = gazetteer
        self.chunk_size = chunk_size
        self.report = ImportReport(self.target)
        self._buffer: dict[str, list[dict]] = defaultdict(list)
        self._pending = 0
        self._started = time.perf_counter()

    def __enter__(self) -> GraphWriter:
        self._atomic = atomic_path(self.target)
        self._handle = self._atomic.__enter__().open("w", encoding="utf-8")
        return self

    def __exit__(self, kind, value, traceback) -> bool | None:
        try:
            if kind is None:
                self.flush()
        finally:
            self._handle.close()
            self.report.seconds = time.perf_counter() - self._started
            self.mapping.close()
        return self._atomic.__exit__(kind, value, traceback)

    def table(self, table: TableFile, title: str) -> None:
        """Describe a source table (its node carries the file name and checksum)."""
        self.add(
            "tables",
            {
                "key": table.key,
                "file": table.path.name,
                "sha256": table.sha256,
                "title": title,
                "media_type": table.media_type,
            },
        )
        self.report.read.setdefault(table.path.name, 0)
        self.report.loaded.setdefault(table.path.name, 0)

    def add(self, source: str, row: dict) -> None:
        """Queue one row for the logical source ``source`` of the mapping."""
        self._buffer[source].append(row)

    def read(self, table: TableFile) -> None:
        """Count a record read from ``table``."""
        self.report.read[table.path.name] += 1

    def loaded(self, table: TableFile, origin: Origin) -> None:
        """Count a record of ``table`` as loaded, give it its evidence node, and run the
        mapping when the chunk is full."""
        self.report.loaded[table.path.name] += 1
        self.add("rows", {"table": origin.table, "line": origin.line})
        self._pending += 1
        if self._pending >= self.chunk_size:
            self.flush()

    def problem(self, problem: RowProblem) -> None:
        """Record a problem with a record."""
        self.report.problems.append(problem)

    def flush(self) -> None:
        """Run the mapping over the queued rows (and the places minted for them) and
        append the triples to the output."""
        for kind, rows in self.gazetteer.drain().items():
            self._buffer[kind].extend(rows)
        if not self._buffer:
            return
        lines = self.mapping.run(self._buffer)
        self._handle.writelines(f"{line} .\n" for line in lines)
        self.report.triples += len(lines)
        self._buffer = defaultdict(list)
        self._pending = 0
