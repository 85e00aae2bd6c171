"""The package as a new user gets it: the wheel, installed into a fresh virtual environment
outside the checkout, makes a project with ``regiokg init`` and takes it through build,
validate, a named query, analyse, plot and export, and runs the project's notebook from
Python. The ontology, shapes and named queries must come from the wheel itself."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from regiokg import __version__

from .conftest import REPO

SMALL_GRAPH = REPO / "tests" / "validate" / "fixtures" / "base.ttl"


def _run(args, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{args}:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh virtual environment holding the wheel built from this checkout; the
    dependencies come from the test's own environment (a path, not an install), so only
    regiokg itself is new."""
    work = tmp_path_factory.mktemp("wheel")
    pip = [sys.executable, "-m", "pip"]
    done = subprocess.run(
        [*pip, "wheel", "--no-deps", "-q", "-w", str(work / "dist"), str(REPO)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot build the wheel here (offline without setuptools?): {done.stderr}")
    (wheel,) = (work / "dist").glob("regiokg-*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(purelib, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run([*pip, "--python", str(python), "install", "--no-deps", "-q", str(wheel)], work, None)
    return venv


def test_five_commands_in_a_folder_of_ones_own(installed, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REGIOKG_", "PYTHON"))}
    env["MPLBACKEND"] = "Agg"
    regiokg = str(installed / "bin" / "regiokg")
    assert _run([regiokg, "--version"], tmp_path, env).stdout.strip().endswith(__version__)
    # The installed package, not the checkout, answers.
    where = _run(
        [str(installed / "bin" / "python"), "-c", "import regiokg; print(regiokg.__file__)"],
        tmp_path,
        env,
    )
    assert str(REPO) not in where.stdout

    _run([regiokg, "init", "region", "--title", "A region"], tmp_path, env)
    project = tmp_path / "region"
    shutil.copy(SMALL_GRAPH, project / "graph" / "clusters.ttl")
    _run([regiokg, "build"], project, env)
    assert "conforms" in _run([regiokg, "validate"], project, env).stdout
    sizes = _run([regiokg, "query", "class_sizes", "--format", "csv"], project, env).stdout
    assert "https://w3id.org/regiokg/ontology#ClusterInitiative" in sizes
    measured = _run([regiokg, "analyse", "--measure", "degree", "--format", "json"], project, env)
    assert json.loads(measured.stdout)["rows"]
    _run([regiokg, "plot", "network", "--out", "network.png"], project, env)
    assert (project / "network.png").stat().st_size > 0
    _run([regiokg, "export", "--format", "ttl", "--out", "dumps"], project, env)
    assert (project / "dumps" / "regiokg.ttl").stat().st_size > 0

    notebook = json.loads((project / "notebooks" / "quick_start.ipynb").read_text())
    code = "\n\n".join(
        "".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code"
    )
    code += "\nprint(len(run(target, queries['class_sizes'])))"
    out = _run([str(installed / "bin" / "python"), "-c", code], project, env).stdout
    assert "conforms" in out and int(out.split()[-1]) > 0
