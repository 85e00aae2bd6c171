"""Fixtures of the validation tests: the fixture graphs and a reader of their expectations."""

from __future__ import annotations

import re
import shutil
from functools import cache
from pathlib import Path

import pytest
from rdflib import RDF, URIRef

from regiokg.config import Project
from regiokg.validate import ValidationReport, validate_files

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "base.ttl"
BREAKS = sorted((FIXTURES / "breaks").glob("*.ttl"))
REPO = Path(__file__).resolve().parents[2]

_EXPECT = re.compile(r"^# expect: (\w+) (\S+) (\S+) (\S+)$", re.MULTILINE)
_PREFIX = re.compile(r"^@prefix (\w*): <([^>]*)> \.$", re.MULTILINE)


def expected_results(path: Path) -> list[tuple[str, URIRef, URIRef, URIRef]]:
    """The ``# expect: severity shape focus path`` lines of a fixture, CURIEs expanded
    with the fixture's own ``@prefix`` lines (rdflib's default bindings, such as its
    ``geo:``, must not get in the way)."""
    text = path.read_text(encoding="utf-8")
    prefixes = {"rdf": str(RDF), **dict(_PREFIX.findall(text))}

    def expand(curie: str) -> URIRef:
        prefix, local = curie.split(":", 1)
        return URIRef(prefixes[prefix] + local)

    return sorted(
        (severity, expand(shape), expand(focus), expand(path_))
        for severity, shape, focus, path_ in _EXPECT.findall(text)
    )


def copy_project(target: Path) -> Project:
    """A copy of the repository's project (ontology, curated graph, shapes, queries) that a
    test may break without touching the real one."""
    for part in ("ontology", "graph", "shapes", "queries"):
        shutil.copytree(REPO / part, target / part)
    return Project(target)


@pytest.fixture
def project_copy(tmp_path) -> Project:
    return copy_project(tmp_path / "project")


@cache
def break_report(fixture: Path, engine: str = "pyshacl") -> ValidationReport:
    """The report on the base fixture plus ``fixture``, computed once per engine in a test
    session: the expectations test and the engine conformance test share pySHACL's run."""
    return validate_files([BASE, fixture], Project(REPO), engine=engine)
