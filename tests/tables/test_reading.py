"""Reading tables as records with the line each starts on."""

from __future__ import annotations

import hashlib

import pytest

from regiokg.tables.reading import TableError, TableFile, records


def test_line_numbers_follow_records_across_line_breaks(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text('a;b\n"1";"x"\n"2";"two\nlines"\n\n"3";"y"\n"4"\n', encoding="utf-8")
    table = TableFile.open(path)
    found = list(records(table, ["a"]))
    assert [(r.line, r.cells["a"]) for r in found] == [(2, "1"), (3, "2"), (6, "3"), (7, "4")]
    assert found[1].cells["b"] == "two\nlines"
    assert found[3].error == "has 1 fields where the header has 2"
    assert table.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert table.key == f"table-t-{table.sha256[:8]}"


def test_comma_separated_with_bom(tmp_path):
    path = tmp_path / "members.csv"
    path.write_bytes("\ufeffname,city\nÉcole,Lyon\n".encode())
    assert next(records(TableFile.open(path))).cells == {"name": "École", "city": "Lyon"}


def test_missing_columns_are_named(tmp_path):
    path = tmp_path / "project.csv"
    path.write_text("id;title\n1;x\n", encoding="utf-8")
    with pytest.raises(TableError, match=r"project.csv:1: missing columns acronym, status"):
        list(records(TableFile.open(path), ["id", "acronym", "status"]))


def test_not_utf8_is_a_clear_error(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("name\nPo\xb3czenie\n".encode("latin-1"))
    with pytest.raises(TableError, match="not UTF-8"):
        list(records(TableFile.open(path)))


def test_missing_file(tmp_path):
    with pytest.raises(TableError, match="cannot read"):
        TableFile.open(tmp_path / "nope.csv")


def test_xlsx_dates_and_numbers(project):
    path = project.root / "mappings" / "examples" / "event-attendance.xlsx"
    first = next(records(TableFile.open(path), ["event", "date"]))
    assert first.line == 2
    assert first.cells["date"] == "2015-05-20"
    assert first.cells["city"] == ""
