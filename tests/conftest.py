"""Fixtures shared by the whole suite: the repository's project, the seed documents beside
it, and the dataset built from the curated files (built once per session)."""

from __future__ import annotations

from pathlib import Path

import pytest

from regiokg.build import build_dataset
from regiokg.config import Project

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
