"""How the command line prints a table: for a person (``table``, a rich table whose cells
fold rather than lose their end, so an IRI or a name is never cut, on a terminal or a
pipe alike) or for a program or a document (``csv``, ``tsv``, ``json``, ``markdown``).
Every command that prints a table takes ``--format`` with these names."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

import click

__all__ = ["TABLE_FORMATS", "format_option", "render_table"]

#: The ``--format`` values of a command that prints a table.
TABLE_FORMATS = ["table", "csv", "tsv", "json", "markdown"]


def format_option(*extra: str, help: str = "How to print the table.") -> click.Option:
    """The ``--format`` option of a table-printing command: :data:`TABLE_FORMATS` and
    ``extra`` formats of its own, passed to the command as ``fmt``."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice([*TABLE_FORMATS, *extra]),
        default="table",
        show_default=True,
        help=help + " table (for people), csv, tsv, json or markdown.",
    )


def _markdown_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def render_table(
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    fmt: str = "table",
    *,
    title: str | None = None,
    caption: str | None = None,
    whole: Sequence[str] = (),
) -> str | None:
    """Print ``rows`` (values shown as ``str``; None as empty) under ``columns`` in
    ``fmt``: a rich table on the terminal (returns None; the columns named in ``whole``
    are never wrapped, the others fold), or the text of the CSV, TSV, JSON (a list of
    objects) or Markdown table, which the caller echoes."""
    cells = [["" if v is None else str(v) for v in row] for row in rows]
    if fmt == "table":
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title, caption=caption)
        for column in columns:
            table.add_column(column, overflow="fold", no_wrap=column in whole)
        for row in cells:
            table.add_row(*row)
        Console().print(table)
        return None
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(cells)
        return buffer.getvalue()
    if fmt == "json":
        records = [dict(zip(columns, row, strict=True)) for row in cells]
        return json.dumps(records, indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        lines = ["| " + " | ".join(_markdown_cell(c) for c in columns) + " |"]
        lines.append("|" + "|".join("---" for _ in columns) + "|")
        lines += ["| " + " | ".join(_markdown_cell(c) for c in row) + " |" for row in cells]
        return "\n".join(lines) + "\n"
    raise ValueError(f"unknown table format {fmt!r}; use one of {', '.join(TABLE_FORMATS)}")
