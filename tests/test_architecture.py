"""The package's shape: stages import one another in one direction only (no import cycle),
and no module grows past 400 lines without saying why in its docstring."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

from .conftest import REPO

PACKAGE = REPO / "src" / "regiokg"
LONGEST = 400


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> nx.DiGraph:
    """Module -> the regiokg modules it imports, anywhere in its body (imports inside
    functions count: they are cycles too, only deferred)."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                    base = f"{anchor}.{base}" if base else anchor
                targets = [f"{base}.{alias.name}" for alias in node.names]
                targets = [t if t in modules else base for t in targets]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                continue
            for target in targets:
                # A module importing its own package's __init__ is how Python loads it,
                # not a dependency between stages.
                if target in modules and target != name and not name.startswith(target + "."):
                    graph.add_edge(name, target)
    return graph


def test_the_import_graph_has_no_cycle():
    graph = import_graph()
    assert graph.number_of_edges() > 50, "the import graph was not read"
    cycles = list(nx.simple_cycles(graph))
    assert cycles == [], "import cycles: " + "; ".join(" -> ".join(c) for c in cycles[:5])


def test_query_and_remote_do_not_import_each_other():
    graph = import_graph()
    assert not graph.has_edge("regiokg.query.targets", "regiokg.remote")
    assert not any(target == "regiokg.remote" for _, target in graph.out_edges("regiokg.query"))


def test_plot_runs_no_queries_and_computes_no_networks_of_its_own():
    graph = import_graph()
    plot_modules = [m for m in graph if m.startswith("regiokg.plot")]
    for module in plot_modules:
        imported = set(graph.successors(module))
        assert not {m for m in imported if m.startswith("regiokg.query")}, module
        assert imported <= {
            m for m in graph if m.startswith(("regiokg.plot", "regiokg.network"))
        } | {"regiokg.atomic"}, module


def test_long_modules_say_why():
    for path in PACKAGE.rglob("*.py"):
        lines = path.read_text(encoding="utf-8").count("\n")
        if lines > LONGEST:
            docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
            assert "long because" in docstring.lower(), (
                f"{path.relative_to(REPO)} has {lines} lines; split it, or say in its "
                "docstring why it is long ('long because ...')"
            )
