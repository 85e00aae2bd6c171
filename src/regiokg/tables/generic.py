"""Any table with a mapping: cluster member lists, event attendance lists and the like.

A mapping for ``regiokg import table`` is a YARRRML file that, beside its ``mappings:``,
has a ``regiokg:`` section saying how the table's columns are read::

    regiokg:
      source: members            # the logical source ('{members}~csv') the records go to
      title: Cluster member list # title of the source-table node
      language: pl               # language of the names in the table (pl or en)
      columns:
        organisation: {type: organisation, required: true, city: city, kind: kind}
        kind: {type: choice, values: {firma: Company, uczelnia: University}}
        city: {type: city, country: country, required: true}
        country: {type: country, required: true}
        joined: {type: date}

Column types: ``text`` (the default; ``slug: true`` adds ``{column}_slug``), ``date``,
``decimal``, ``boolean``, ``choice`` (the cell, without case, must be one of ``values``;
the record gets what it maps to), ``country`` (an ISO code; the record gets the country
IRI), ``city`` (a name in the country of column ``country``; the record gets the city
IRI), ``organisation`` (a name, in the city of column ``city`` if given; the record gets
the IRI by the identity rule, curated or new, and ``{column}_key``, its last IRI segment;
``kind`` names a choice column or a class of the ontology). The mapping's other logical
sources (places, organisations, rows, the table) are those of ``mappings/common.yml``,
which runs with it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from regiokg.config import Project
from regiokg.namespace import RKG
from regiokg.tables.cleaning import (
    FieldError,
    RowProblem,
    clean_boolean,
    clean_date,
    clean_decimal,
    clean_text,
    slug,
)
from regiokg.tables.engine import MappingError, load_mapping
from regiokg.tables.gazetteer import Gazetteer, Origin
from regiokg.tables.reading import TableFile, records
from regiokg.tables.writing import GraphWriter, ImportReport

__all__ = ["import_table"]

_SCALARS: dict[str, Callable] = {
    "date": clean_date,
    "decimal": clean_decimal,
    "boolean": clean_boolean,
}
_TYPES = {"text", "choice", "country", "city", "organisation", *_SCALARS}


def import_table(
    project: Project,
    table_path: str | Path,
    mapping_path: str | Path,
    *,
    out_dir: str | Path | None = None,
    name: str | None = None,
    chunk_size: int = 20_000,
    progress: Callable[[str, int, int], None] | None = None,
) -> ImportReport:
    """Import the CSV or ``.xlsx`` table at ``table_path`` with the mapping at
    ``mapping_path`` (run together with ``mappings/common.yml``) into
    ``{out_dir}/{name}.nt`` (default: ``imports/{table stem}.nt``). Records are cleaned as
    the mapping's ``regiokg:`` section says; a record that cannot be cleaned is reported in
    the returned report's ``problems`` with its line and field and left out."""
    table = TableFile.open(table_path)
    mapping = load_mapping(project.root / "mappings" / "common.yml", Path(mapping_path))
    settings = mapping.settings
    columns = _columns(Path(mapping_path), settings)
    source = settings.get("source")
    if not source:
        raise MappingError(f"{mapping_path}: the regiokg: section names no source")
    language = settings.get("language", "en")
    if language not in ("pl", "en"):
        raise MappingError(f"{mapping_path}: language must be pl or en, not {language!r}")
    target = Path(out_dir or project.imports_dir) / f"{name or slug(table.path.stem)}.nt"
    gazetteer = Gazetteer.from_project(project, exclude=target)
    required = [c for c, spec in columns.items() if spec.get("required")]
    with GraphWriter(target, mapping, gazetteer, chunk_size=chunk_size) as writer:
        writer.table(table, f"{settings.get('title', 'Table')} ({table.path.name})")
        for record in records(table, required):
            writer.read(table)
            if progress is not None:
                progress(table.path.name, record.line, table.lines)
            origin = Origin(table.key, record.line)
            if record.error:
                writer.problem(RowProblem(table.path, record.line, "", record.error))
                continue
            try:
                row = _clean(record.cells, columns, gazetteer, writer, origin, language)
            except FieldError as exc:
                writer.problem(RowProblem(table.path, record.line, exc.field, str(exc)))
                continue
            writer.add(source, {**row, "table": origin.table, "line": origin.line})
            writer.loaded(table, origin)
    return writer.report


def _columns(path: Path, settings: dict) -> dict[str, dict]:
    columns = settings.get("columns")
    if not isinstance(columns, dict) or not columns:
        raise MappingError(f"{path}: the regiokg: section declares no columns")
    for column, spec in columns.items():
        spec = spec or {}
        columns[column] = spec
        kind = spec.get("type", "text")
        if kind not in _TYPES:
            raise MappingError(
                f"{path}: column {column}: unknown type {kind!r} "
                f"(known: {', '.join(sorted(_TYPES))})"
            )
    for column, spec in columns.items():
        if spec.get("type") != "organisation":
            continue
        kind = spec.get("kind") or "Organisation"
        kinds = (columns[kind].get("values") or {}).values() if kind in columns else [kind]
        for name in kinds:
            try:
                _class(name)
            except FieldError as exc:
                raise MappingError(f"{path}: column {column}: {exc}") from exc
    return columns


def _order(columns: dict[str, dict]) -> list[str]:
    """Countries before cities before organisations, since each resolves in the next."""
    rank = {"country": 0, "city": 1, "organisation": 2}
    return sorted(columns, key=lambda c: rank.get(columns[c].get("type", "text"), -1))


def _clean(cells, columns, gazetteer: Gazetteer, writer: GraphWriter, origin, language) -> dict:
    row: dict = {}
    codes: dict[str, str] = {}
    for column in _order(columns):
        spec = columns[column]
        kind = spec.get("type", "text")
        value = clean_text(column, cells.get(column), required=bool(spec.get("required")))
        if value is None:
            row[column] = None
            continue
        if kind == "text":
            row[column] = value
            if spec.get("slug"):
                row[f"{column}_slug"] = slug(value)
        elif kind in _SCALARS:
            row[column] = _SCALARS[kind](column, value)
        elif kind == "choice":
            row[column] = _choice(column, value, spec)
        elif kind == "country":
            codes[column] = value.upper()
            row[column] = gazetteer.country(value, origin, column)
        elif kind == "city":
            country = spec.get("country")
            if not country or not row.get(country):
                raise FieldError(column, f"a city needs its country (column {country or '?'})")
            row[column] = gazetteer.city(
                value, codes[country], row[country], origin, language=language
            )
        else:
            row[column] = _organisation(value, spec, row, gazetteer, writer, origin, language)
            row[f"{column}_key"] = row[column].rsplit("/", 1)[-1]
    return row


def _choice(column: str, value: str, spec: dict) -> str:
    values = {str(k).casefold(): v for k, v in (spec.get("values") or {}).items()}
    found = values.get(value.casefold())
    if found is None:
        raise FieldError(column, f"{value!r} is not one of {', '.join(spec.get('values') or {})}")
    return found


def _organisation(name, spec, row, gazetteer: Gazetteer, writer, origin, language) -> str:
    city = row.get(spec["city"]) if spec.get("city") else None
    known = gazetteer.organisation([name], city, {})
    if known is not None:
        return known
    iri, new = gazetteer.mint_organisation(name, city)
    if new:
        kind = spec.get("kind") or "Organisation"
        # ``kind`` names a choice column (already cleaned, so in ``row``) or a class.
        kind = (row.get(kind) or "Organisation") if kind in row else kind
        writer.add(
            "organisations",
            {
                "iri": iri,
                f"name_{language}": name,
                "kind": _class(kind),
                "city": city,
                "table": origin.table,
                "line": origin.line,
            },
        )
    return iri


def _class(name: str) -> str:
    """The IRI of the ontology class ``name``; a name the ontology lacks is a field error
    (the namespace is generated from the ontology and refuses unknown terms)."""
    try:
        return str(RKG[name])
    except (AttributeError, KeyError) as exc:
        raise FieldError("kind", f"{name!r} is not a class of the regiokg ontology") from exc
