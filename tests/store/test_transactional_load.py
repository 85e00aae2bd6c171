"""The embedded store is replaced whole or not at all: an exception, a failure between the
two renames, or a killed process during a load leaves the previous store as it was."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from rdflib import Dataset, Literal, URIRef

import regiokg.store as store_module
from regiokg.store import StoreNotFound, load_dataset, open_store

EX = "http://example.org/"


def small(value: str) -> Dataset:
    data = Dataset()
    data.graph(URIRef(EX + "g")).add((URIRef(EX + "s"), URIRef(EX + "p"), Literal(value)))
    return data


def values(store_dir) -> list[str]:
    return sorted(q.object.value for q in open_store(store_dir, read_only=True))


def test_reload_replaces_and_keeps_one_graph_per_source(tmp_path, project, dataset):
    target = tmp_path / "store"
    load_dataset(target, small("old"))
    count = load_dataset(target, dataset)
    store = open_store(target, read_only=True)
    assert len(store) == count == len(list(dataset.quads()))
    graphs = {g.value for g in store.named_graphs()}
    stems = {p.stem for p in project.graph_dir.glob("*.ttl")}
    assert graphs == {project.graph_iri(s) for s in stems | {"ontology"}}
    assert [p.name for p in tmp_path.iterdir()] == ["store"]


def test_exception_just_before_the_swap_keeps_the_old_store(tmp_path, dataset):
    target = tmp_path / "store"
    load_dataset(target, small("kept"))

    def fail(complete_store):
        assert len(complete_store) == len(list(dataset.quads()))
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        load_dataset(target, dataset, before_swap=fail)
    assert values(target) == ["kept"]
    assert [p.name for p in tmp_path.iterdir()] == ["store"]


def test_failure_between_the_two_renames_puts_the_old_store_back(tmp_path, monkeypatch):
    target = tmp_path / "store"
    load_dataset(target, small("kept"))
    calls = []
    real_replace = os.replace

    def second_rename_fails(src, dst):
        calls.append((src, dst))
        if len(calls) == 2:
            raise OSError("power cut")
        return real_replace(src, dst)

    monkeypatch.setattr(store_module.os, "replace", second_rename_fails)
    with pytest.raises(OSError, match="power cut"):
        load_dataset(target, small("new"))
    monkeypatch.undo()
    assert values(target) == ["kept"]


def test_crash_between_the_renames_is_repaired_on_open(tmp_path):
    target = tmp_path / "store"
    load_dataset(target, small("kept"))
    # What a crash after the first rename leaves: the old store under its ".old-" name.
    os.replace(target, tmp_path / ".store.old-abc123")
    assert values(target) == ["kept"]
    assert [p.name for p in tmp_path.iterdir()] == ["store"]


def test_killed_load_leaves_the_old_store(tmp_path, dataset):
    target = tmp_path / "store"
    load_dataset(target, small("kept"))
    script = (
        "import sys, time\n"
        "from regiokg.build import build_dataset\n"
        "from regiokg.config import Project\n"
        "from regiokg.store import load_dataset\n"
        "data = build_dataset(Project(sys.argv[2]))\n"
        "load_dataset(sys.argv[1], data, before_swap=lambda s: (print('ready', flush=True),"
        " time.sleep(60)))\n"
    )
    from regiokg.config import Project

    root = str(Project.discover(os.path.dirname(__file__)).root)
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(target), root], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout.readline().strip() == "ready"  # the new store is complete
        assert any(p.name.startswith(".store.new-") for p in tmp_path.iterdir())
        child.kill()
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    time.sleep(0.1)
    assert values(target) == ["kept"]
    load_dataset(target, small("next"))  # the next load clears the dead load's directory
    assert [p.name for p in tmp_path.iterdir()] == ["store"]
    assert values(target) == ["next"]


def test_missing_store_says_to_build(tmp_path):
    with pytest.raises(StoreNotFound, match="regiokg build"):
        open_store(tmp_path / "nothing", read_only=True)
