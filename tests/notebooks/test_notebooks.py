"""The notebooks run top to bottom, as a researcher runs them: each in a fresh kernel of this
Python (the .venv's), inside a temporary copy of the project that has no built graph and no
store, so that a notebook which needs a build does it itself. Committed notebooks carry no
outputs."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
KERNEL = "regiokg-tests"
#: The project's parts a notebook may read; build outputs and stores stay behind.
PARTS = ("ontology", "graph", "shapes", "queries", "notebooks")
#: Seconds one cell may take (the slowest builds, validates and starts a server).
CELL_TIMEOUT = 180


@pytest.fixture(scope="module")
def checkout(tmp_path_factory):
    """A clean copy of the project's sources: no build/, no .regiokg/store."""
    root = tmp_path_factory.mktemp("checkout") / "regiokg"
    for part in PARTS:
        shutil.copytree(REPO / part, root / part)
    return root


@pytest.fixture(scope="module")
def kernel(tmp_path_factory, checkout, monkeypatch_module):
    """A kernel spec running ipykernel on this interpreter, with the copy's root in its
    environment, found through JUPYTER_PATH."""
    jupyter = tmp_path_factory.mktemp("jupyter")
    spec = jupyter / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "regiokg tests",
                "language": "python",
                "env": {"REGIOKG_PROJECT_ROOT": str(checkout)},
            }
        )
    )
    monkeypatch_module.setenv("JUPYTER_PATH", str(jupyter))
    return KERNEL


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_there_are_four_notebooks():
    assert [p.name for p in NOTEBOOKS] == [
        "01_quick_start.ipynb",
        "02_partner_network.ipynb",
        "03_linked_open_data.ipynb",
        "04_add_a_source.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: a cell has outputs"
            assert cell.execution_count is None, f"{path.name}: a cell has an execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_runs_top_to_bottom(path, checkout, kernel):
    copy = checkout / "notebooks" / path.name
    notebook = nbformat.read(copy, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT,
        kernel_name=kernel,
        resources={"metadata": {"path": str(copy.parent)}},
    )
    client.execute()
    errors = [
        output
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if output.output_type == "error"
    ]
    assert errors == []
    # Every cell that draws shows its picture, as it would to a researcher.
    for cell in notebook.cells:
        if cell.cell_type == "code" and "plot_" in cell.source and "import" not in cell.source:
            kinds = {kind for output in cell.outputs for kind in output.get("data", {})}
            assert "image/png" in kinds, cell.source
    # The interactive network renders as a widget (its HTML page is written by the cell).
    for cell in notebook.cells:
        if cell.cell_type == "code" and "sigma_widget(" in cell.source:
            kinds = {kind for output in cell.outputs for kind in output.get("data", {})}
            assert "application/vnd.jupyter.widget-view+json" in kinds, cell.source
            assert any(".html" in output.get("text", "") for output in cell.outputs)
    # The notebooks build into temporary directories, never into the project.
    assert not (checkout / "build").exists() and not (checkout / ".regiokg").exists()
