"""The catalogue of named queries: one ``.rq`` file per query in ``queries/``, its name the
file stem, its header in the grlc decorator convention, so that the same folder can be
served as a web API by grlc::

    #+ summary: Organisations of a region by kind
    #+ tags:
    #+   - organisations
    #+ defaults:
    #+   - region: https://w3id.org/regiokg/id/region/slaskie

Parameters are the query's variables that start with an underscore: ``?_name`` is required,
``?__name`` optional; the suffix ``_iri`` makes an IRI parameter (``?_region_iri``) and
``_xsd_TYPE`` a typed literal (``?_year_xsd_integer``); other literals take the type of
their default, or ``xsd:string``. A parameter is passed under its grlc name (``region``,
``year``) or its variable name (``region_iri``); :mod:`regiokg.query.binding` binds it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib.namespace import XSD

from regiokg.query.errors import QueryError
from regiokg.query.lexer import prefixes, query_form, tokens

__all__ = ["NamedQuery", "Parameter", "get_query", "load_queries", "parse_query"]

_PARAM = re.compile(r"^(?P<opt>_?)_(?P<name>.+?)(?:_(?P<iri>iri)|_xsd_(?P<xsd>[A-Za-z]+))?$")


def _header(text: str) -> dict[str, Any]:
    """The grlc decorators (``#+ key: value`` lines, lists as ``#+   - item``)."""
    lines = [line[2:] for line in text.splitlines() if line.startswith("#+")]
    header: dict[str, Any] = {}
    key = None
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("- ") and key is not None:
            item = stripped[2:].strip()
            entry = item.split(":", 1) if re.match(r"^[\w-]+:\s", item) else None
            value = {entry[0].strip(): _scalar(entry[1])} if entry else _scalar(item)
            if not isinstance(header.get(key), list):
                header[key] = []
            header[key].append(value)
        elif ":" in stripped:
            key, value = (part.strip() for part in stripped.split(":", 1))
            header[key] = _scalar(value) if value else []
    return header


def _scalar(value: str) -> Any:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    if value.startswith("[") and value.endswith("]"):
        return [_scalar(v) for v in value[1:-1].split(",") if v.strip()]
    if value.lower() in ("true", "false"):
        return value.lower() == "true"
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            pass
    return value


@dataclass(frozen=True)
class Parameter:
    """One parameter of a named query: its grlc ``name``, the ``variable`` it binds (without
    ``?``), whether it is ``required``, and what it becomes: an IRI (``datatype`` None and
    ``iri`` True) or a literal of ``datatype``; ``default`` is the header's default or None."""

    name: str
    variable: str
    required: bool
    iri: bool
    datatype: str | None
    default: Any = None

    @property
    def type_label(self) -> str:
        """``IRI`` or the literal's datatype as a ``xsd:`` CURIE, for listings and errors."""
        if self.iri:
            return "IRI"
        return (self.datatype or str(XSD.string)).replace(str(XSD), "xsd:")


@dataclass(frozen=True)
class NamedQuery:
    """A SPARQL query with its grlc header: ``name`` (file stem), ``text`` (the whole file,
    so error positions match the file), ``summary``, ``description``, ``tags``, its
    ``parameters``, the query ``form`` (SELECT, CONSTRUCT, ASK, DESCRIBE) and the
    ``prefixes`` it declares."""

    name: str
    text: str
    path: Path | None = None
    summary: str = ""
    description: str = ""
    tags: tuple[str, ...] = ()
    parameters: tuple[Parameter, ...] = ()
    form: str = "SELECT"
    prefixes: dict[str, str] = field(default_factory=dict)

    @property
    def where(self) -> str:
        """How errors name the query: its file path or its name."""
        return str(self.path) if self.path is not None else self.name


def parse_query(text: str, name: str = "query", path: Path | None = None) -> NamedQuery:
    """Read one query and its grlc header into a :class:`NamedQuery` (without checking its
    syntax, which the store does when it runs)."""
    header = _header(text)
    defaults: dict[str, Any] = {}
    for entry in header.get("defaults") or []:
        if isinstance(entry, dict):
            defaults.update(entry)
    params: dict[str, Parameter] = {}
    for tok in tokens(text):
        if tok.lastgroup != "var":
            continue
        variable = tok.group()[1:]
        match = _PARAM.match(variable)
        if not variable.startswith("_") or match is None or variable in params:
            continue
        pname = match["name"]
        default = defaults.get(pname, defaults.get(variable.lstrip("_")))
        datatype = None
        if match["xsd"]:
            datatype = str(XSD) + match["xsd"]
        elif not match["iri"]:
            datatype = _datatype_of(default)
        params[variable] = Parameter(
            name=pname,
            variable=variable,
            required=not match["opt"],
            iri=bool(match["iri"]),
            datatype=datatype,
            default=default,
        )
    tags = header.get("tags") or []
    form = query_form(text)
    if form is None:
        raise QueryError(
            "not a SPARQL query: no SELECT, CONSTRUCT, ASK or DESCRIBE",
            where=str(path) if path else name,
        )
    return NamedQuery(
        name=name,
        text=text,
        path=path,
        summary=str(header.get("summary") or ""),
        description=str(header.get("description") or ""),
        tags=tuple(str(t) for t in (tags if isinstance(tags, list) else [tags])),
        parameters=tuple(params.values()),
        form=form,
        prefixes=prefixes(text),
    )


def _datatype_of(default: Any) -> str:
    if isinstance(default, bool):
        return str(XSD.boolean)
    if isinstance(default, int):
        return str(XSD.integer)
    if isinstance(default, float):
        return str(XSD.decimal)
    return str(XSD.string)


def _queries_dir(where) -> Path:
    return Path(getattr(where, "queries_dir", where))


def load_queries(project) -> dict[str, NamedQuery]:
    """Every named query of a project (or of a directory of ``.rq`` files), by name, in name
    order. A file whose header cannot be read raises :class:`QueryError` naming it."""
    directory = _queries_dir(project)
    return {
        path.stem: parse_query(path.read_text(encoding="utf-8"), path.stem, path)
        for path in sorted(directory.glob("*.rq"))
    }


def get_query(project, name: str) -> NamedQuery:
    """The query called ``name`` in the project's ``queries/``, or the ``.rq`` file at path
    ``name``; an unknown name raises :class:`QueryError` suggesting the closest names."""
    path = Path(name)
    if name.endswith(".rq") or path.is_file():
        if not path.is_file():
            raise QueryError(f"no query file {name}")
        return parse_query(path.read_text(encoding="utf-8"), path.stem, path)
    queries = load_queries(project)
    if name in queries:
        return queries[name]
    close = difflib.get_close_matches(name, list(queries), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else "; `regiokg queries` lists them"
    raise QueryError(f"no named query {name!r} in {_queries_dir(project)}{hint}")
