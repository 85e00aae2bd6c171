"""The generated namespace module matches the ontology and refuses unknown terms."""

from __future__ import annotations

import importlib.util

import pytest

from regiokg import namespace
from regiokg.namespace import RKG

from .conftest import REPO


def _generator():
    spec = importlib.util.spec_from_file_location("gen", REPO / "tools" / "generate_namespace.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_namespace_module_is_up_to_date():
    expected = _generator().render()
    actual = (REPO / "src" / "regiokg" / "namespace.py").read_text(encoding="utf-8")
    assert actual == expected, "run: python tools/generate_namespace.py"


def test_known_terms_resolve_and_misspelt_ones_raise():
    assert str(RKG.Participation) == "https://w3id.org/regiokg/ontology#Participation"
    with pytest.raises(AttributeError):
        RKG.Participaton  # noqa: B018
    assert str(namespace.SECTOR["clean-coal"]).endswith("/vocab/sector/clean-coal")


def test_one_prefix_table_for_code_and_the_published_context(project):
    from regiokg.export import jsonld_context
    from regiokg.prefixes import PREFIXES, curie, project_prefixes

    context = jsonld_context(project)["@context"]
    declared = {
        term: value
        for term, value in context.items()
        if isinstance(value, str) and value.endswith(("/", "#"))
    }
    assert declared == PREFIXES
    names = project_prefixes(project)
    # The longest namespace wins: an instance is r:…, a graph graph:…, a sector sector:….
    assert curie(project.instance_iri("org/gapp"), names) == "r:org/gapp"
    assert curie(project.graph_iri("reference"), names) == "graph:reference"
    assert curie(str(namespace.SECTOR["aviation"]), names) == "sector:aviation"
    assert curie("http://example.org/x", names) is None
    assert curie(PREFIXES["rkg"], names) is None
