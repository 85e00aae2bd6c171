"""A short load test of the real server on loopback: many light clients (pages, named
queries, small SPARQL queries) while clients of expensive queries keep the workers busy.
Light work must keep being answered; expensive work is stopped at its limits. The full
run (32 clients, 5 expensive, 60 s) with throughput and latencies is in ``make bench``."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "loadgen", Path(__file__).resolve().parents[2] / "benchmarks" / "loadgen.py"
)
loadgen = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("loadgen", loadgen)  # its dataclasses look their module up there
_SPEC.loader.exec_module(loadgen)


def test_light_requests_keep_being_answered_while_expensive_queries_run(server):
    report = loadgen.run_load(server, clients=8, expensive=3, seconds=8)
    light = {kind: report.statuses[kind] for kind in report.light_kinds()}
    assert {"page", "named query", "sparql"} <= set(light)
    assert report.light_success() >= 0.98, light
    expensive = report.statuses["expensive"]
    # Expensive queries never get an answer here: stopped at the time limit (503) or,
    # past the first of an address, once they turn expensive (429).
    assert expensive[200] == 0 and expensive[503] + expensive[429] >= 3, expensive


def test_the_generator_refuses_addresses_beyond_loopback():
    for url in ("http://10.0.0.1:8000", "http://example.org", "http://192.168.1.1"):
        with pytest.raises(ValueError, match="loopback"):
            loadgen.run_load(url, clients=1, expensive=0, seconds=1)
