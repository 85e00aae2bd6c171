"""Fixtures of the ingest tests: the gazetteer of the curated graph and the folders of gold
annotations."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent


@pytest.fixture(scope="session")
def gazetteer(project, dataset):
    """The known entities of the curated graph, read through the named query."""
    from regiokg.ingest import load_gazetteer

    return load_gazetteer(project, dataset)


@pytest.fixture(scope="session")
def heldout_dir() -> Path:
    """Items written for the project (made up, and saying so) with their gold files."""
    return HERE / "heldout"
