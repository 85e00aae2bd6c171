"""Reading tables as streams of records, each with the line it starts on.

CSV files are read with Python's csv module (the delimiter, ``;`` as CORDIS uses, ``,`` or
a tab, is taken from the header line; quoted fields may hold delimiters and line breaks);
spreadsheets (``.xlsx``) with openpyxl in read-only mode, first sheet, one record a row.
Nothing is held beyond the current record, so memory does not grow with the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from regiokg.tables.cleaning import slug

__all__ = ["Record", "TableError", "TableFile", "records"]

_CHUNK = 1 << 20


class TableError(ValueError):
    """A table cannot be read at all (missing file, no header, missing columns); the
    message names the file and, where there is one, the line."""


@dataclass(frozen=True)
class TableFile:
    """A table file with what its provenance needs: the path, the SHA-256 of its bytes,
    the number of lines (for progress) and ``key``, the stable name of its source-table
    node (``table-{stem}-{first 8 hex digits of the checksum}``)."""

    path: Path
    sha256: str
    lines: int

    @classmethod
    def open(cls, path: str | Path) -> TableFile:
        """Checksum and count the lines of the file at ``path`` in one pass over its bytes;
        a missing or unreadable file raises :class:`TableError`."""
        path = Path(path)
        digest = hashlib.sha256()
        lines = 0
        try:
            with path.open("rb") as handle:
                while chunk := handle.read(_CHUNK):
                    digest.update(chunk)
                    lines += chunk.count(b"\n")
        except OSError as exc:
            raise TableError(f"{path}: cannot read: {exc.strerror or exc}") from exc
        return cls(path, digest.hexdigest(), lines)

    @property
    def key(self) -> str:
        return f"table-{slug(self.path.stem)}-{self.sha256[:8]}"

    @property
    def media_type(self) -> str:
        if self.path.suffix.lower() == ".xlsx":
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return "text/csv"


@dataclass(frozen=True)
class Record:
    """One record of a table: the ``line`` it starts on (the header is line 1), its cells
    by column name, and ``error`` when the record is malformed as a whole (wrong number
    of cells)."""

    line: int
    cells: dict[str, str]
    error: str | None = None


def records(table: TableFile, required: list[str] | tuple[str, ...] = ()) -> Iterator[Record]:
    """The records of ``table`` in file order. The header must name every column in
    ``required`` (a :class:`TableError` says which are missing before any record is read);
    other columns are kept as they are."""
    if table.path.suffix.lower() == ".xlsx":
        yield from _xlsx_records(table, required)
    else:
        yield from _csv_records(table, required)


def _check_header(table: TableFile, header: list[str], required) -> list[str]:
    header = [(name or "").strip().lstrip("\ufeff") for name in header]
    if not any(header):
        raise TableError(f"{table.path}:1: the first line has no column names")
    missing = [name for name in required if name not in header]
    if missing:
        raise TableError(
            f"{table.path}:1: missing column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(missing)} (the header has {', '.join(h for h in header if h)})"
        )
    return header


def _csv_records(table: TableFile, required) -> Iterator[Record]:
    try:
        handle = table.path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise TableError(f"{table.path}: cannot read: {exc.strerror or exc}") from exc
    with handle:
        reader = None
        try:
            first = handle.readline()
            delimiter = max(";,\t", key=first.count)
            handle.seek(0)
            reader = csv.reader(handle, delimiter=delimiter, quotechar='"', strict=False)
            header = _check_header(table, next(reader, []), required)
            start = reader.line_num + 1
            for row in reader:
                if not any(cell.strip() for cell in row):
                    start = reader.line_num + 1
                    continue
                cells = dict(zip(header, row, strict=False))
                error = None
                if len(row) != len(header):
                    error = f"has {len(row)} fields where the header has {len(header)}"
                yield Record(start, cells, error)
                start = reader.line_num + 1
        except UnicodeDecodeError as exc:
            line = reader.line_num + 1 if reader is not None else 1
            raise TableError(
                f"{table.path}:{line}: not UTF-8 ({exc.reason}); save the file as UTF-8"
            ) from exc
        except csv.Error as exc:
            raise TableError(f"{table.path}:{reader.line_num}: {exc}") from exc


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_records(table: TableFile, required) -> Iterator[Record]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(table.path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise TableError(f"{table.path}: not a readable .xlsx workbook: {exc}") from exc
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header = _check_header(table, [_cell(v) for v in next(rows, ())], required)
        for number, row in enumerate(rows, start=2):
            values = [_cell(v) for v in row]
            if not any(v.strip() for v in values):
                continue
            yield Record(number, dict(zip(header, values, strict=False)))
    finally:
        workbook.close()
