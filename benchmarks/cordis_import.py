"""Speed and memory of ``regiokg import cordis`` on Horizon-2020-sized generated tables.

Run with ``make bench`` (not part of ``make test``). Generates CORDIS-layout files with
:mod:`cordis_generator` (35,000 projects and 180,000 participations by default, as Horizon
2020 has), imports them in a child process per size and prints wall time, processor time,
triples written, triples per second and the child's peak resident memory. Two sizes are
run, a quarter and the whole, so that the table shows whether memory grows with the input
(the import streams in chunks; what grows is only the sets of identifiers seen).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cordis_generator import generate
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]


def child(projects_csv: str, organisations_csv: str, out_dir: str) -> None:
    """Import in this process and print the measurements as JSON."""
    from regiokg.config import Project
    from regiokg.tables import import_cordis

    started = time.process_time()
    report = import_cordis(Project(ROOT), projects_csv, organisations_csv, out_dir=out_dir)
    print(
        json.dumps(
            {
                "triples": report.triples,
                "wall": report.seconds,
                "cpu": time.process_time() - started,
                "problems": len(report.problems),
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=35_000)
    parser.add_argument("--participations", type=int, default=180_000)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    console = Console(width=120)
    table = Table(
        "projects",
        "participations",
        "triples",
        "wall s",
        "cpu s",
        "triples/s (wall)",
        "triples/s (cpu)",
        "peak memory",
        title="regiokg import cordis (generated CORDIS-layout tables)",
    )
    with tempfile.TemporaryDirectory() as tmp:
        for share in (4, 1):
            projects, participations = args.projects // share, args.participations // share
            data = Path(tmp) / f"data-{share}"
            with console.status(f"generating {projects} projects, {participations} participations"):
                project_csv, org_csv = generate(data, projects, participations)
            with console.status(f"importing {projects} projects"):
                done = subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--child",
                        str(project_csv),
                        str(org_csv),
                        str(data),
                    ],
                    check=True,
                    capture_output=True,
                    text=True,
                )
            m = json.loads(done.stdout.strip().splitlines()[-1])
            table.add_row(
                f"{projects:,}",
                f"{participations:,}",
                f"{m['triples']:,}",
                f"{m['wall']:.1f}",
                f"{m['cpu']:.1f}",
                f"{m['triples'] / m['wall']:,.0f}",
                f"{m['triples'] / m['cpu']:,.0f}",
                f"{m['peak_mb']:.0f} MB",
            )
    console.print(table)
    console.print(
        "cpu s is the importing process's own processor time: on a shared machine wall time "
        "also counts waiting for a core."
    )


if __name__ == "__main__":
    main()
