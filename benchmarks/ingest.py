"""Speed of regiokg ingest: reading news items of growing length (the items of
``tests/ingest`` repeated), from text to candidates with evidence.

Run with ``python benchmarks/ingest.py``. Prints one table: characters, mentions found and
the median wall time of extraction and of writing the candidates, after the gazetteers are
loaded (loading them, once per run of the command, is timed apart).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table
from timing import timed

from regiokg.config import Project
from regiokg.ingest import build_candidates, extract, load_gazetteer, read_document

ROOT = Path(__file__).resolve().parents[1]
ITEMS = ROOT / "tests" / "ingest" / "heldout"


def main(argv: list[str] | None = None) -> None:
    """Print the table for the lengths given (``--chars 3000 30000 300000``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, nargs="+", default=[3_000, 30_000, 300_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    project = Project(ROOT)
    start = time.perf_counter()
    gazetteer = load_gazetteer(project)
    loaded = time.perf_counter() - start
    sample = read_document(ITEMS / "h3-klastry-wroclaw.txt").text
    table = Table("characters", "mentions", "extract", "candidates", title="regiokg ingest")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.chars:
            path = Path(tmp) / f"news-{n}.txt"
            path.write_text((sample * (n // len(sample) + 1))[:n], encoding="utf-8")
            document = read_document(path, max_chars=max(n, 1_000_000))
            extraction = extract(document, gazetteer)
            took = timed(lambda d=document: extract(d, gazetteer), args.repeat)
            wrote = timed(lambda x=extraction: build_candidates(x), args.repeat)
            table.add_row(
                f"{n:,}", str(len(extraction.mentions)), f"{took:.2f} s", f"{wrote:.2f} s"
            )
    console = Console()
    console.print(f"gazetteers loaded in {loaded:.1f} s")
    console.print(table)


if __name__ == "__main__":
    main()
