"""The W3C SPARQL 1.0 and 1.1 query suites through ``regiokg serve`` and ``oxigraph serve``.

Run with ``make bench`` (or ``python benchmarks/w3c_sparql.py``). Prints, per suite and
kind of test, how many tests ran and how many each server passed, then the tests Oxigraph
passes and regiokg fails (the project requires none), the refusals regiokg makes by design,
the tests only regiokg passes and the suites left out with the reason; and the wall time.
The same run is the ``w3c`` test group of ``make test`` (tests/w3c).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
# The harness lives with the tests that use it; this runner prints its table.
sys.path.insert(0, str(ROOT))

from tests.w3c.harness import run_everything, summary_rows  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--suites",
        type=Path,
        default=ROOT.parent / "shared" / "w3c-rdf-tests" / "sparql",
        help="the sparql/ directory of the W3C rdf-tests (default ../shared/w3c-rdf-tests)",
    )
    args = parser.parse_args()
    if not (args.suites / "sparql10" / "manifest.ttl").is_file():
        sys.exit(f"no W3C SPARQL suites at {args.suites}: give --suites")
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as work:
        run = run_everything(args.suites, Path(work))
    seconds = time.perf_counter() - start

    console = Console()
    table = Table(title="W3C SPARQL suites through the two servers (same data, same queries)")
    for column in ("suite", "tests run", "Oxigraph passes", "regiokg passes"):
        table.add_column(column, justify="left" if column == "suite" else "right")
    for name, tests, theirs, ours in summary_rows(run.tests, run.outcomes):
        table.add_row(name, str(tests), str(theirs), str(ours))
    console.print(table)
    console.print(run.report(table=False), highlight=False)
    console.print(f"{len(run.tests)} tests through both servers in {seconds:.1f} s")
    sys.exit(1 if run.regressions() else 0)


if __name__ == "__main__":
    main()
