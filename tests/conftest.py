"""Fixtures shared by the whole suite: the repository's project, the seed documents beside
it, the dataset built from the curated files and the store holding it (each made once per
session)."""

from __future__ import annotations

from pathlib import Path

import pytest

from regiokg.build import build_dataset
from regiokg.config import Project
from regiokg.query import StoreTarget
from regiokg.store import store_from_dataset

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def project() -> Project:
    """The repository itself as a regiokg project, with the default base IRI."""
    return Project(REPO)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """``../shared/seeds`` beside the repository; tests that read it skip when it is absent."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS} (expected ../shared/seeds)")
    return SEEDS


@pytest.fixture(scope="session")
def dataset(project):
    """The dataset built from the repository's ontology and curated files."""
    return build_dataset(project)


@pytest.fixture(scope="session")
def embedded(dataset):
    """The built dataset in an in-memory pyoxigraph store: the engine the command line and
    the server query (read it only; tests that write make a store of their own)."""
    return store_from_dataset(dataset)


@pytest.fixture(scope="session")
def store_target(embedded):
    """:func:`embedded` as a query target."""
    return StoreTarget(embedded)
