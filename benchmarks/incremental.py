"""A full ``regiokg build`` against an incremental one after a small edit, on a copy of the
project with a large imported table (a synthetic N-Triples file in ``imports/``).

    python benchmarks/incremental.py --triples 1000000

prints a markdown table: the full build (streamed through pyoxigraph, as every build of
more than 10 MB of sources is; ``--in-memory`` is not offered, the rdflib build of a
large project is what this replaces), the incremental build after editing one curated
file (one label changed), and the build that finds nothing changed, each with wall time,
CPU time and peak memory of its process.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BASE = "https://w3id.org/regiokg/"


def write_import(path: Path, triples: int) -> None:
    """Organisations, each with a type, a label, a country and a project participation,
    as N-Triples: four triples per organisation until ``triples``."""
    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    with open(path, "w", encoding="utf-8") as out:
        for n in range(triples // 4):
            org = f"<{BASE}id/organisation/synth-{n}>"
            out.write(f"{org} {rdf_type} <{BASE}ontology#Organisation> .\n")
            out.write(f'{org} {label} "Synthetic organisation {n}"@en .\n')
            out.write(f"{org} <{BASE}ontology#basedIn> <{BASE}id/city/katowice> .\n")
            out.write(
                f"{org} <http://www.w3.org/ns/prov#wasDerivedFrom> "
                f"<{BASE}id/document/reference> .\n"
            )


def build(root: Path, *args: str) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident MB of one ``regiokg build``."""
    command = [sys.executable, "-c", "from regiokg.cli import main; main()"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [*command, "--project", str(root), "build", "--quiet", "--allow-invalid", *args],
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "COLUMNS": "200"},
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    # ru_maxrss of the children is the largest of any of them so far (kB on Linux).
    return wall, cpu, after.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        for part in ("ontology", "shapes", "queries", "graph"):
            shutil.copytree(REPO / part, root / part)
        (root / "imports").mkdir()
        write_import(root / "imports" / "synthetic.nt", args.triples)
        full = build(root, "--full")
        edited = root / "graph" / "reference.ttl"
        text = edited.read_text(encoding="utf-8")
        edited.write_text(text.replace('"Katowice"@en', '"Katowice (city)"@en', 1), "utf-8")
        incremental = build(root)
        unchanged = build(root)
    print(f"| build ({args.triples:,} imported triples) | wall s | CPU s | peak MB so far |")
    print("|---|---:|---:|---:|")
    rows = [
        ("full (streamed)", full),
        ("incremental, one curated file edited", incremental),
        ("nothing changed", unchanged),
    ]
    for name, (wall, cpu, peak) in rows:
        print(f"| {name} | {wall:.1f} | {cpu:.1f} | {peak:.0f} |")


if __name__ == "__main__":
    main()
