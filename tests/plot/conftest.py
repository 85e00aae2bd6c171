"""Fixtures of the plot tests: the seed graph in an in-memory store, the networks drawn from
it by :mod:`regiokg.network`, and helpers that read a figure back (its node markers, texts
and legend) and render it with missing glyphs treated as errors."""

from __future__ import annotations

import io
import warnings

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from regiokg.network import collaboration_network  # noqa: E402


@pytest.fixture(scope="session")
def organisations(embedded, project):
    """The organisation collaboration network of the seed graph."""
    return collaboration_network(embedded, project=project)


@pytest.fixture(autouse=True)
def close_figures():
    """Every figure a test opens through pyplot is closed after it."""
    yield
    plt.close("all")


def collections(fig, prefix: str):
    """The collections of the figure's first axes whose gid starts with ``prefix``."""
    return [c for c in fig.axes[0].collections if (c.get_gid() or "").startswith(prefix)]


def marker_count(fig, prefix: str = "nodes") -> int:
    """How many markers the collections with gid ``prefix…`` draw."""
    return sum(len(c.get_offsets()) for c in collections(fig, prefix))


def texts(fig, gid: str) -> list[str]:
    """The texts of the first axes with gid ``gid``, unwrapped: a line break reads as a
    space, or as nothing after a hyphen (wrapping breaks after hyphens too)."""
    found = [t.get_text() for t in fig.axes[0].texts if t.get_gid() == gid]
    return [text.replace("-\n", "-").replace("\n", " ") for text in found]


def legend_entries(fig) -> list[str]:
    """The entries of the first axes' legend, without the counts in brackets."""
    legend = fig.axes[0].get_legend()
    if legend is None:
        return []
    return [t.get_text().rsplit(" (", 1)[0] for t in legend.get_texts()]


def render(fig, fmt: str) -> bytes:
    """The figure written in ``fmt``; a glyph missing from the font raises."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*[Gg]lyph.*missing.*")
        fig.savefig(buffer, format=fmt)
    return buffer.getvalue()
