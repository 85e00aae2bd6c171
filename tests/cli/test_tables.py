"""Tables for people and for programs: every format carries every value whole."""

from __future__ import annotations

import csv
import io
import json

import pytest

from regiokg.cli.tables import TABLE_FORMATS, render_table

LONG = "https://w3id.org/regiokg/id/org/" + "a-very-long-slug-" * 6 + "end"
ROWS = [[LONG, "Płocki Park | Przemysłowo", None], ["r:org/gapp", "GAPP", 3]]


def test_programs_get_every_value_whole():
    parsed = list(csv.reader(io.StringIO(render_table(["iri", "label", "n"], ROWS, "csv"))))
    assert parsed == [
        ["iri", "label", "n"],
        [LONG, "Płocki Park | Przemysłowo", ""],
        *[["r:org/gapp", "GAPP", "3"]],
    ]
    tsv = render_table(["iri", "label", "n"], ROWS, "tsv").splitlines()
    assert tsv[1].split("\t") == [LONG, "Płocki Park | Przemysłowo", ""]
    records = json.loads(render_table(["iri", "label", "n"], ROWS, "json"))
    assert records[1] == {"iri": "r:org/gapp", "label": "GAPP", "n": "3"}


def test_markdown_escapes_the_pipe_and_keeps_long_iris():
    lines = render_table(["iri", "label", "n"], ROWS, "markdown").splitlines()
    assert lines[:2] == ["| iri | label | n |", "|---|---|---|"]
    assert lines[2] == f"| {LONG} | Płocki Park \\| Przemysłowo |  |"


def test_a_table_for_people_folds_and_never_cuts(capsys):
    assert render_table(["iri", "label", "n"], ROWS, "table") is None
    printed = capsys.readouterr().out
    assert "…" not in printed
    joined = "".join(line.strip("│┃ ") for line in printed.splitlines())
    assert "a-very-long-slug-" * 2 in joined.replace(" ", "").replace("│", "")


def test_unknown_format_is_refused():
    assert "markdown" in TABLE_FORMATS
    with pytest.raises(ValueError, match="unknown table format"):
        render_table(["a"], [], "html")
