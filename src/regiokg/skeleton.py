"""A new project of one's own: :func:`create_project` writes the folder ``regiokg init``
makes, in which ``regiokg build`` works at once. The ontology, shapes and named queries
come from the package; the project holds its settings (``regiokg.toml``), its curated
sources (``graph/``, with a commented example of a source file), a README and a notebook
that runs on it.
"""

from __future__ import annotations

import json
from pathlib import Path

from regiokg.atomic import write_atomically
from regiokg.config import DEFAULT_BASE, ConfigError, Project

__all__ = ["create_project"]

_TOML = """# Settings of this regiokg project (see `regiokg --help` for the environment variables
# that override them).
title = {title}
# Instance IRIs are {{base_iri}}id/{{kind}}/{{slug}}, named graphs {{base_iri}}graph/{{name}}.
base_iri = {base_iri}
# Where `regiokg build` loads the embedded store and writes its files.
store_dir = ".regiokg/store"
out_dir = "build"
"""

_EXAMPLE = """# One curated source per file: every statement of one document, in its own named graph
# ({base}graph/<file name>). Remove the leading '# ' of the lines below, adapt them, and
# run `regiokg build` (it validates against the shapes and says what is missing).
#
# @prefix rkg: <https://w3id.org/regiokg/ontology#> .
# @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
# @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
# @prefix dcterms: <http://purl.org/dc/terms/> .
# @prefix prov: <http://www.w3.org/ns/prov#> .
# @prefix doc: <{base}id/document/> .
# @prefix o: <{base}id/org/> .
# @prefix city: <{base}id/city/> .
#
# doc:my-source a rkg:NewsItem ;
#     dcterms:title "Title of the news item"@pl ;
#     dcterms:issued "2024-01-31"^^xsd:date ;
#     dcterms:language "pl"^^xsd:language ;
#     rkg:sourceFile "my-source.txt" ;
#     rkg:sha256 "<sha256sum of my-source.txt>" .
#
# o:my-cluster a rkg:ClusterInitiative ;
#     rdfs:label "My cluster"@pl, "My cluster"@en ;
#     rkg:basedIn city:my-city ;
#     prov:wasDerivedFrom doc:my-source .
"""

_README = """# {title}

A [regiokg](https://pypi.org/project/regiokg/) project: a knowledge graph of a regional
innovation ecosystem, curated from its sources.

```sh
regiokg build                 # graph/*.ttl -> validated dataset, build/, .regiokg/store
regiokg validate              # what is wrong or missing, by node and source file
regiokg queries               # the named queries; add your own as queries/NAME.rq
regiokg analyse --measure betweenness --top 10
regiokg plot network --out network.png
regiokg export --format all
```

`graph/` holds one Turtle file per source document (see `graph/example.ttl`);
`notebooks/quick_start.ipynb` does the same from Python.
"""

_NOTEBOOK_CELLS = [
    ("markdown", "# Quick start\n\nBuild this project's graph, validate it and ask it."),
    (
        "code",
        "from pathlib import Path\n\n"
        "from regiokg.build import build_dataset\n"
        "from regiokg.config import Project\n"
        "from regiokg.query import StoreTarget, load_queries, run\n"
        "from regiokg.store import store_from_dataset\n"
        "from regiokg.validate import validate_dataset\n\n"
        "project = Project.discover(Path.cwd())\n"
        "dataset = build_dataset(project)\n"
        "print(validate_dataset(dataset, project).summary())\n"
        "target = StoreTarget(store_from_dataset(dataset))",
    ),
    (
        "code",
        'queries = load_queries(project)\nrun(target, queries["class_sizes"]).to_dataframe()',
    ),
]


def _notebook() -> str:
    cells = []
    for kind, text in _NOTEBOOK_CELLS:
        cell = {"cell_type": kind, "metadata": {}, "source": text.splitlines(keepends=True)}
        if kind == "code":
            cell |= {"execution_count": None, "outputs": []}
        cells.append(cell)
    document = {
        "cells": cells,
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def create_project(
    directory: str | Path, *, base_iri: str = DEFAULT_BASE, title: str | None = None
) -> Project:
    """Make a new project in ``directory`` (created if missing; it must not hold a project
    already): ``regiokg.toml`` with the ``base_iri`` and ``title``, ``graph/example.ttl``
    (a commented example source, so the first build gives an empty, valid graph), a
    ``README.md`` and ``notebooks/quick_start.ipynb``. Returns the project. Each file is
    written atomically."""
    root = Path(directory)
    if (root / "regiokg.toml").exists() or any((root / "graph").glob("*.ttl")):
        raise ConfigError(f"{root} already holds a regiokg project")
    if not base_iri.endswith(("/", "#")):
        raise ConfigError(f"base IRI {base_iri!r} must end with '/' or '#'")
    title = title or root.resolve().name
    files = {
        "regiokg.toml": _TOML.format(title=json.dumps(title), base_iri=json.dumps(base_iri)),
        "graph/example.ttl": _EXAMPLE.format(base=base_iri),
        "README.md": _README.format(title=title),
        "notebooks/quick_start.ipynb": _notebook(),
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text.encode("utf-8"))
    return Project.discover(root)
