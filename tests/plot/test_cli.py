"""``regiokg plot`` as a user runs it: every picture in PNG and SVG from a store built into a
temporary directory, read only; clear errors for a bad file name or a missing store."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from regiokg.cli import main
from regiokg.store import load_dataset


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory, dataset):
    """The seed graph loaded, as ``regiokg build`` loads it, into a temporary store."""
    path = tmp_path_factory.mktemp("plot") / "store"
    load_dataset(path, dataset)
    return path


def plot(project, store_dir, *args):
    command = ["--project", str(project.root), "plot", *args, "--store", str(store_dir)]
    return CliRunner().invoke(main, command)


@pytest.mark.parametrize("fmt", ["png", "svg"])
@pytest.mark.parametrize(
    ("picture", "options"),
    [
        ("network", ["--measure", "betweenness", "--color-by", "region", "--top", "8"]),
        ("map", ["--network", "events"]),
        ("timeline", ["--from", "2011", "--to", "2014"]),
        ("centrality", ["--measure", "brokerage", "--groups", "country", "--top", "5"]),
    ],
)
def test_every_picture_in_png_and_svg(project, store_dir, tmp_path, picture, options, fmt):
    out = tmp_path / f"{picture}.{fmt}"
    result = plot(project, store_dir, picture, *options, "--out", str(out))
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG") if fmt == "png" else b"<svg" in data
    # Written through a temporary file renamed into place: nothing else is left behind.
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_place_networks_and_communities(project, store_dir, tmp_path):
    for args in (
        ["network", "--network", "cities"],
        ["network", "--network", "regions"],
        ["network", "--color-by", "community"],
        ["map", "--network", "cities", "--plain"],
    ):
        out = tmp_path / "p.pdf"
        result = plot(project, store_dir, *args, "--out", str(out))
        assert result.exit_code == 0, (args, result.output)
        assert out.read_bytes().startswith(b"%PDF")


def test_an_unknown_suffix_is_refused(project, store_dir, tmp_path):
    result = plot(project, store_dir, "network", "--out", str(tmp_path / "p.gif"))
    assert result.exit_code == 2
    assert "p.gif" in result.output and ".png" in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["map", "--network", "regions"], "coordinates"),
        (["timeline", "--color-by", "kind"], "region or country"),
    ],
)
def test_pictures_refuse_what_they_cannot_show(project, store_dir, tmp_path, args, says):
    out = tmp_path / "m.png"
    result = plot(project, store_dir, *args, "--out", str(out))
    assert result.exit_code == 2 and says in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_a_grouping_measure_is_not_ranked(project, store_dir, tmp_path):
    out = str(tmp_path / "x.png")
    result = plot(project, store_dir, "centrality", "--measure", "communities", "--out", out)
    assert result.exit_code == 1
    assert "--color-by" in result.output and "Traceback" not in result.output


def test_a_missing_store_says_to_build(project, tmp_path):
    result = plot(project, tmp_path / "none", "timeline", "--out", str(tmp_path / "t.png"))
    assert result.exit_code == 1
    assert "regiokg build" in result.output
    assert not (tmp_path / "t.png").exists()


def test_help_shows_an_example():
    result = CliRunner().invoke(main, ["plot", "--help"])
    assert result.exit_code == 0
    assert "Example: regiokg plot network" in result.output
