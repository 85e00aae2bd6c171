"""A copy of the project in a temporary directory with the CORDIS sample and the two
example tables imported into its ``imports/`` (once per session), and the dataset built
from it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from regiokg.build import build_dataset
from regiokg.config import Project
from regiokg.tables import import_cordis
from regiokg.tables.generic import import_table

FIXTURES = Path(__file__).parent / "fixtures"
CORDIS = FIXTURES / "cordis"
PARTS = ("ontology", "graph", "shapes", "queries", "mappings")


def copy_project(source: Project, target: Path) -> Project:
    """A copy of the project's parts (not its imports, build or store) at ``target``."""
    for part in PARTS:
        shutil.copytree(source.root / part, target / part)
    return Project(target)


@pytest.fixture(scope="session")
def imported(project, tmp_path_factory):
    """The project copy with the CORDIS sample, then the member list, then the attendance
    list imported, and the three reports by name."""
    copy = copy_project(project, tmp_path_factory.mktemp("imported"))
    examples = copy.root / "mappings" / "examples"
    reports = {
        "cordis": import_cordis(copy, CORDIS / "project.csv", CORDIS / "organization.csv"),
        "members": import_table(
            copy, examples / "cluster-members.csv", copy.root / "mappings/cluster-members.yml"
        ),
        "attendance": import_table(
            copy, examples / "event-attendance.xlsx", copy.root / "mappings/event-attendance.yml"
        ),
    }
    return copy, reports


@pytest.fixture(scope="session")
def imported_dataset(imported):
    """The dataset `regiokg build` makes of the project copy with its imports."""
    copy, _ = imported
    return build_dataset(copy)
