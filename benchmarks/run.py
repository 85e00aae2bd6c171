"""Speed of the build's stages, each beside the peer it could have used instead.

Run with ``make bench``. Prints a table: parsing the curated Turtle with pyoxigraph (what
regiokg uses) and with rdflib (the peer), and loading the embedded store against an
in-memory rdflib Dataset, on the seed graph replicated ``--copies`` times so that the
numbers are not dominated by start-up cost.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rich.console import Console
from rich.table import Table
from timing import timed

from regiokg.build import build_dataset
from regiokg.config import Project
from regiokg.store import load_dataset

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=50, help="times the seed graph is repeated")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    project = Project(ROOT)
    dataset = build_dataset(project)
    nquads = dataset.serialize(format="nquads").encode("utf-8")
    # Renaming each copy's graphs keeps the copies distinct quads.
    big = b"".join(nquads.replace(b"/graph/", f"/graph/c{i}-".encode()) for i in range(args.copies))
    quads = big.count(b"\n")

    table = Table(
        "stage", "regiokg (pyoxigraph)", "peer (rdflib)", "speed-up", title=f"{quads} quads"
    )
    ox_parse = timed(lambda: list(ox.parse(big, format=ox.RdfFormat.N_QUADS)), args.repeat)
    rd_parse = timed(lambda: Dataset().parse(data=big, format="nquads"), args.repeat)
    table.add_row(
        "parse N-Quads", f"{ox_parse:.3f} s", f"{rd_parse:.3f} s", f"{rd_parse / ox_parse:.1f}x"
    )

    ttl = (ROOT / "graph" / "2011-katowice-saint-etienne.ttl").read_bytes()
    ox_ttl = timed(lambda: list(ox.parse(ttl, format=ox.RdfFormat.TURTLE)), args.repeat * 10)
    rd_ttl = timed(lambda: Graph().parse(data=ttl, format="turtle"), args.repeat * 10)
    table.add_row(
        "parse one curated Turtle file",
        f"{ox_ttl * 1000:.1f} ms",
        f"{rd_ttl * 1000:.1f} ms",
        f"{rd_ttl / ox_ttl:.1f}x",
    )

    with tempfile.TemporaryDirectory() as tmp:
        ox_load = timed(lambda: load_dataset(Path(tmp) / "store", dataset), args.repeat)
    rd_load = timed(lambda: Dataset().parse(data=nquads, format="nquads"), args.repeat)
    table.add_row(
        "load seed graph (disk store vs memory)",
        f"{ox_load:.3f} s",
        f"{rd_load:.3f} s",
        f"{rd_load / ox_load:.1f}x",
    )
    Console().print(table)


if __name__ == "__main__":
    main()
