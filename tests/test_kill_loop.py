"""A build killed at any moment (SIGKILL, which no code can catch) leaves each of its
results as it was before or as the finished build makes it, never in between: the
N-Quads and Turtle files byte for byte, and the embedded store quad for quad. Parts of files
the killed build left behind are removed by the next run."""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from regiokg.store import open_store

REPO = Path(__file__).resolve().parents[1]
KILLS = 20


def _build(root: Path) -> subprocess.Popen:
    command = [sys.executable, "-c", "from regiokg.cli import main; main()"]
    return subprocess.Popen(
        [*command, "--project", str(root), "build"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "COLUMNS": "200"},
    )


_BLANK = re.compile(rb"_:[A-Za-z0-9]+")


def _masked(data: bytes) -> list[bytes]:
    """The lines of ``data`` with blank node labels masked (each build draws new ones),
    sorted (the serialisers' order may differ between runs)."""
    return sorted(_BLANK.sub(b"_:b", data).splitlines())


def _state(root: Path) -> tuple[list, list, list]:
    """The N-Quads file, the Turtle file and the store's quads, as masked lines."""
    out = root / "build"
    store = open_store(root / ".regiokg" / "store", read_only=True)
    quads = _masked("\n".join(str(q) for q in store).encode())
    del store
    return (
        _masked((out / "regiokg.nq").read_bytes()),
        _masked((out / "regiokg.ttl").read_bytes()),
        quads,
    )


@pytest.fixture
def copy(tmp_path) -> Path:
    """A copy of the project (without its outputs or store) in a temporary directory."""
    root = tmp_path / "project"
    for part in ("ontology", "shapes", "queries", "graph"):
        shutil.copytree(REPO / part, root / part)
    return root


def test_a_build_killed_at_any_moment_leaves_before_or_after(copy):
    assert _build(copy).wait(timeout=300) == 0
    # The change the killed builds are making: one more organisation in a new source file.
    (copy / "graph" / "zz-kill-test.ttl").write_text(
        "@prefix rkg: <https://w3id.org/regiokg/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix prov: <http://www.w3.org/ns/prov#> .\n"
        "<https://w3id.org/regiokg/id/document/reference> a rkg:CuratedReference .\n",
        encoding="utf-8",
    )
    started = time.monotonic()
    assert _build(copy).wait(timeout=300) == 0
    full = time.monotonic() - started
    after = _state(copy)
    # Put the "before" back, then kill builds that make "after" again at random moments.
    shutil.rmtree(copy / "build")
    shutil.rmtree(copy / ".regiokg")
    (copy / "graph" / "zz-kill-test.ttl").rename(copy / "zz-kill-test.ttl")
    assert _build(copy).wait(timeout=300) == 0
    before = _state(copy)
    assert before != after
    (copy / "zz-kill-test.ttl").rename(copy / "graph" / "zz-kill-test.ttl")
    # Kill moments spread over the whole length of a build, in a shuffled order, so that
    # some land before the outputs are written and some after, however loaded the machine.
    rng = random.Random(20261201)
    moments = [full * (i + rng.random()) / KILLS for i in range(KILLS)]
    rng.shuffle(moments)
    seen = set()
    for moment in moments:
        process = _build(copy)
        time.sleep(moment)
        process.send_signal(signal.SIGKILL)
        process.wait()
        state = _state(copy)
        assert state[0] in (before[0], after[0]), "regiokg.nq is neither before nor after"
        assert state[1] in (before[1], after[1]), "regiokg.ttl is neither before nor after"
        assert state[2] in (before[2], after[2]), "the store is neither before nor after"
        seen.add((state[0] == after[0], state[2] == after[2]))
    # A build that runs to the end clears what killed ones left and gives "after".
    assert _build(copy).wait(timeout=300) == 0
    assert _state(copy) == after
    leftovers = []
    leftovers += [p.name for p in (copy / ".regiokg").iterdir() if p.name != "store"]
    leftovers += [p.name for p in (copy / "build").iterdir() if p.name.startswith(".")]
    assert leftovers == []
    # The kills landed at different stages (some before the outputs, some after).
    assert len(seen) >= 2, seen
