"""CORDIS project data (Horizon Europe, Horizon 2020, FP7) into the regiokg model.

The Commission publishes each framework programme's projects as two semicolon-separated,
quoted UTF-8 tables: ``project.csv`` (one row per project) and ``organization.csv`` (one row
per organisation and project, with its role and EU contribution). This module streams both,
cleans and checks each record (:mod:`regiokg.tables.cleaning`), resolves places and
organisations (:mod:`regiokg.tables.gazetteer`) and hands the records to the declarative
mapping ``mappings/common.yml`` + ``mappings/cordis.yml``; the framework programmes come
from ``mappings/cordis-programmes.csv``. A record that cannot be cleaned is reported with
its file, line and field and left out; the rest loads.

Column names follow the current CORDIS data dictionary; FP7's older layout differs in a few
names (``id`` for ``organisationID`` in the organisation table, ``organizationUrl``) and is
read through :data:`ALIASES`.
"""

from __future__ import annotations

import re
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
from regiokg.tables.engine import load_mapping
from regiokg.tables.gazetteer import ID, Gazetteer, Origin
from regiokg.tables.reading import Record, TableFile, records
from regiokg.tables.writing import GraphWriter, ImportReport

__all__ = ["ACTIVITY_TYPES", "ALIASES", "ROLES", "import_cordis"]

CURRENCY = "EUR"

#: CORDIS activityType -> the organisation's class.
ACTIVITY_TYPES = {
    "HES": str(RKG.University),
    "REC": str(RKG.ResearchOrganisation),
    "PRC": str(RKG.Company),
    "PUB": str(RKG.PublicAuthority),
    "OTH": str(RKG.Organisation),
}
#: CORDIS role (compared without case) -> local name of the role concept.
ROLES = {
    "coordinator": "coordinator",
    "participant": "participant",
    "partner": "project-partner",
    "internationalpartner": "project-partner",
    "thirdparty": "third-party",
    "associatedpartner": "associated-partner",
}
_STATUSES = {"SIGNED": "ongoing", "CLOSED": "closed", "TERMINATED": "terminated"}
#: Older (FP7) column names -> the current ones, per table.
ALIASES = {
    "organisations": {"id": "organisationID", "organizationUrl": "organizationURL"},
    "projects": {},
}
PROJECT_COLUMNS = ("id", "title", "frameworkProgramme", "fundingScheme")
ORGANISATION_COLUMNS = ("projectID", "organisationID", "name", "role", "country")
_URL = re.compile(r"^(https?://)?[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:[0-9]+)?(/[^\s<>\"{}|\\^`]*)?$")

Progress = Callable[[str, int, int], None]


def import_cordis(
    project: Project,
    projects_csv: str | Path,
    organisations_csv: str | Path,
    *,
    out_dir: str | Path | None = None,
    name: str = "cordis",
    chunk_size: int = 20_000,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a CORDIS ``project.csv`` and ``organization.csv`` into ``{out_dir}/{name}.nt``
    (default: the project's ``imports/``, which ``regiokg build`` reads as the named graph
    ``{base}graph/import/{name}``). Records are cleaned, checked and mapped ``chunk_size``
    at a time; ``progress(file name, line, lines)`` is called as they are read. Returns
    the :class:`~regiokg.tables.writing.ImportReport`, whose ``problems`` name every record
    left out by file, line and field. A table that cannot be read at all (missing file or
    columns) raises :class:`~regiokg.tables.reading.TableError` and writes nothing."""
    mappings = project.root / "mappings"
    programmes_table = TableFile.open(mappings / "cordis-programmes.csv")
    projects_table = TableFile.open(projects_csv)
    organisations_table = TableFile.open(organisations_csv)
    target = Path(out_dir or project.imports_dir) / f"{name}.nt"
    gazetteer = Gazetteer.from_project(project, exclude=target)
    mapping = load_mapping(mappings / "common.yml", mappings / "cordis.yml")
    writer = GraphWriter(target, mapping, gazetteer, chunk_size=chunk_size)
    with writer:
        writer.table(programmes_table, "Framework programmes of the EU (regiokg reference)")
        writer.table(projects_table, f"CORDIS projects ({projects_table.path.name})")
        writer.table(organisations_table, f"CORDIS participants ({organisations_table.path.name})")
        programmes = _programmes(writer, programmes_table)
        state = _State(gazetteer, programmes)
        for record in _stream(projects_table, PROJECT_COLUMNS, "projects", writer, progress):
            _take(writer, projects_table, record, lambda r, o: state.project(writer, r, o))
        for record in _stream(
            organisations_table, ORGANISATION_COLUMNS, "organisations", writer, progress
        ):
            _take(
                writer, organisations_table, record, lambda r, o: state.participation(writer, r, o)
            )
    return writer.report


def _stream(table: TableFile, required, kind: str, writer: GraphWriter, progress):
    aliases = ALIASES[kind]
    for record in records(table, [c for c in required if c not in aliases.values()]):
        writer.read(table)
        if progress is not None:
            progress(table.path.name, record.line, table.lines)
        cells = {aliases.get(k, k): v for k, v in record.cells.items()}
        yield Record(record.line, cells, record.error)


def _take(writer: GraphWriter, table: TableFile, record: Record, handle) -> None:
    origin = Origin(table.key, record.line)
    if record.error:
        writer.problem(RowProblem(table.path, record.line, "", record.error))
        return
    try:
        handled = handle(record.cells, origin)
    except FieldError as exc:
        writer.problem(RowProblem(table.path, record.line, exc.field, str(exc)))
        return
    for field_name, message in handled or ():
        writer.problem(RowProblem(table.path, record.line, field_name, message))
    writer.loaded(table, origin)


def _programmes(writer: GraphWriter, table: TableFile) -> dict[str, dict]:
    found = {}
    for record in records(table, ["code", "programme", "fund"]):
        writer.read(table)
        row = {k: clean_text(k, v) for k, v in record.cells.items()}
        origin = Origin(table.key, record.line)
        writer.add("programmes", {**row, "table": origin.table, "line": origin.line})
        found[row["code"]] = row
        writer.loaded(table, origin)
    return found


def _soft(problems: list, clean, field_name: str, value):
    """Clean an optional cell; a bad value is dropped and reported, the record kept."""
    try:
        return clean(field_name, value)
    except FieldError as exc:
        problems.append((field_name, f"{exc} (cell left out)"))
        return None


def _url(field_name: str, value: str | None) -> str | None:
    text = clean_text(field_name, value)
    if text is None:
        return None
    if not _URL.match(text):
        raise FieldError(field_name, f"{text!r} is not a web address")
    return text if text.startswith(("http://", "https://")) else "http://" + text


class _State:
    """What the import remembers between records: the projects seen, the organisations
    resolved (by CORDIS organisationID) and the participations written."""

    def __init__(self, gazetteer: Gazetteer, programmes: dict[str, dict]):
        self.gazetteer = gazetteer
        self.programmes = programmes
        self.projects: set[str] = set()
        self.measures: set[str] = set()
        self.organisations: dict[str, str] = {}
        self.participations: set[tuple[str, str]] = set()

    def project(self, writer: GraphWriter, cells: dict, origin: Origin):
        problems: list = []
        pid = clean_text("id", cells.get("id"), required=True)
        if not pid.isdigit():
            raise FieldError("id", f"{pid!r} is not a CORDIS project number")
        if pid in self.projects:
            raise FieldError("id", f"project {pid} is listed twice")
        code = clean_text("frameworkProgramme", cells.get("frameworkProgramme"), required=True)
        programme = self.programmes.get(code.upper())
        if programme is None:
            raise FieldError(
                "frameworkProgramme",
                f"unknown programme {code!r} (known: {', '.join(self.programmes)}; add it "
                "to mappings/cordis-programmes.csv)",
            )
        scheme = clean_text("fundingScheme", cells.get("fundingScheme"), required=True)
        title = clean_text("title", cells.get("title"), required=True)
        acronym = clean_text("acronym", cells.get("acronym"))
        start = clean_date("startDate", cells.get("startDate"))
        end = clean_date("endDate", cells.get("endDate"))
        if start and end and end < start:
            raise FieldError("endDate", f"{end} is before the start date {start}")
        cost = clean_decimal("totalCost", cells.get("totalCost"))
        ec_max = clean_decimal("ecMaxContribution", cells.get("ecMaxContribution"))
        status = clean_text("status", cells.get("status"))
        if status is not None and status.upper() not in _STATUSES:
            problems.append(("status", f"unknown status {status!r} (cell left out)"))
        measure = f"{programme['programme']}-{slug(scheme)}"
        if measure not in self.measures:
            self.measures.add(measure)
            writer.add(
                "measures",
                {
                    "measure": measure,
                    "notation": scheme,
                    "label": f"{programme['code']} {scheme}",
                    "programme": programme["programme"],
                    **_where(origin),
                },
            )
        row = {
            "id": pid,
            "label": acronym or title,
            "acronym": acronym,
            "title": title,
            "objective": clean_text("objective", cells.get("objective")),
            "start": start,
            "end": end,
            "status": _STATUSES.get((status or "").upper()),
            "measure": measure,
            "cost_node": _amount(writer, f"p{pid}-cost", cost),
            "ec_node": _amount(writer, f"p{pid}-ecmax", ec_max),
            **_where(origin),
        }
        writer.add("projects", row)
        self.projects.add(pid)
        return problems

    def participation(self, writer: GraphWriter, cells: dict, origin: Origin):
        problems: list = []
        pid = clean_text("projectID", cells.get("projectID"), required=True)
        if pid not in self.projects:
            raise FieldError("projectID", f"project {pid} is not in the project table")
        org_id = clean_text("organisationID", cells.get("organisationID"), required=True)
        if not org_id.isdigit():
            raise FieldError("organisationID", f"{org_id!r} is not a CORDIS organisation number")
        role_text = clean_text("role", cells.get("role"), required=True)
        role = ROLES.get(role_text.replace(" ", "").casefold())
        if role is None:
            raise FieldError("role", f"unknown role {role_text!r} (known: {', '.join(ROLES)})")
        ec = clean_decimal("ecContribution", cells.get("ecContribution"))
        net = clean_decimal("netEcContribution", cells.get("netEcContribution"))
        cost = clean_decimal("totalCost", cells.get("totalCost"))
        if (pid, org_id) in self.participations:
            raise FieldError(
                "organisationID", f"organisation {org_id} is listed twice in project {pid}"
            )
        org = self.organisations.get(org_id)
        if org is None:
            org = self._organisation(writer, cells, org_id, origin, problems)
        self.participations.add((pid, org_id))
        key = f"{pid}-{org_id}"
        writer.add(
            "participations",
            {
                "project": pid,
                "org": org,
                "org_key": f"pic-{org_id}",
                "role": role,
                "ec_node": _amount(writer, f"e{key}", ec),
                "net_node": _amount(writer, f"n{key}", net),
                "cost_node": _amount(writer, f"c{key}", cost),
                **_where(origin),
            },
        )
        return problems

    def _organisation(self, writer, cells, org_id, origin, problems) -> str:
        name = clean_text("name", cells.get("name"), required=True)
        country_code = clean_text("country", cells.get("country"), required=True)
        country = self.gazetteer.country(country_code, origin)
        region = None
        nuts = clean_text("nutsCode", cells.get("nutsCode"))
        if nuts:
            try:
                region = self.gazetteer.region(nuts, country, origin)
            except FieldError as exc:
                problems.append((exc.field, f"{exc} (cell left out)"))
        city_name = clean_text("city", cells.get("city"))
        city = None
        if city_name:
            city = self.gazetteer.city(city_name, country_code, region or country, origin)
        short = clean_text("shortName", cells.get("shortName"))
        vat = clean_text("vatNumber", cells.get("vatNumber"))
        sme = _soft(problems, clean_boolean, "SME", cells.get("SME"))
        homepage = _soft(problems, _url, "organizationURL", cells.get("organizationURL"))
        kind_code = (clean_text("activityType", cells.get("activityType")) or "OTH").upper()
        kind = ACTIVITY_TYPES.get(kind_code)
        if kind is None:
            problems.append(("activityType", f"unknown activity type {kind_code!r} (taken as OTH)"))
            kind = ACTIVITY_TYPES["OTH"]
        known = self.gazetteer.organisation([name, short], city, {"pic": org_id, "vat": vat})
        common = {"legal_name": name, "pic": org_id, "vat": vat, "sme": sme, **_where(origin)}
        if known is not None:
            writer.add("known_organisations", {"iri": known, **common})
            iri = known
        else:
            iri = f"{ID}org/pic-{org_id}"
            writer.add(
                "organisations",
                {
                    "iri": iri,
                    "name_en": name,
                    "short_name": short,
                    "kind": kind,
                    "city": city,
                    "region": region if city is None else None,
                    "homepage": homepage,
                    **common,
                },
            )
        self.organisations[org_id] = iri
        return iri


def _where(origin: Origin) -> dict:
    return {"table": origin.table, "line": origin.line}


def _amount(writer: GraphWriter, node: str, value: str | None) -> str | None:
    if value is None:
        return None
    writer.add("amounts", {"node": node, "value": value, "currency": CURRENCY})
    return node
