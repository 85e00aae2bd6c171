"""The ontology and vocabulary documentation generated with pyLODE names every class and
concept, in the language asked for, and leaves the application's logging alone."""

from __future__ import annotations

import html
import logging
import re

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from regiokg.export import ontology_html, vocabulary_html
from regiokg.export.docs import write_docs

RKG = "https://w3id.org/regiokg/ontology#"


@pytest.fixture(scope="module")
def ontology(project) -> Graph:
    return Graph().parse(project.ontology_dir / "regiokg.ttl")


@pytest.fixture(scope="module")
def vocabularies(project) -> Graph:
    return Graph().parse(project.ontology_dir / "vocabularies.ttl")


def label(graph: Graph, subject, language: str) -> str:
    (text,) = [o for o in graph.objects(subject, RDFS.label) if o.language == language]
    return str(text)


def heading(page: str, iri: str) -> str:
    """The heading of the section whose IRI row is ``iri``."""
    section = r"<h3>([^<]*)<sup[^>]*>[^<]*</sup>\s*</h3>\s*<table>\s*<tr>\s*<th>IRI</th>\s*"
    match = re.search(section + rf"<td>\s*<code>{re.escape(iri)}</code>", page)
    assert match, f"no section for {iri}"
    return html.unescape(match.group(1)).strip()


@pytest.mark.parametrize("language", ["en", "pl"])
def test_ontology_page_names_every_class_in_one_language(language, project, ontology):
    page = ontology_html(project, language=language)
    classes = sorted(c for c in ontology.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef))
    assert len(classes) > 40
    for cls in classes:
        assert f"<code>{cls}</code>" in page, cls
        if str(cls).startswith(RKG):
            assert heading(page, str(cls)) == label(ontology, cls, language)


def test_ontology_page_documents_the_properties(project, ontology):
    page = ontology_html(project)
    for prop in ontology.subjects(RDF.type, OWL.ObjectProperty):
        if str(prop).startswith(RKG):
            assert f"<code>{prop}</code>" in page, prop


@pytest.mark.parametrize("language", ["en", "pl"])
def test_one_vocabulary_page_per_scheme_with_its_concepts(language, project, vocabularies):
    pages = vocabulary_html(project, language=language)
    schemes = set(vocabularies.subjects(RDF.type, SKOS.ConceptScheme))
    assert set(pages) == {str(s).rstrip("/").rsplit("/", 2)[-2] for s in schemes}
    for scheme in schemes:
        page = pages[str(scheme).rstrip("/").rsplit("/", 2)[-2]]
        for concept in vocabularies.subjects(SKOS.inScheme, scheme):
            assert f"<code>{concept}</code>" in page, concept
            (pref,) = [
                o for o in vocabularies.objects(concept, SKOS.prefLabel) if o.language == language
            ]
            assert html.escape(str(pref), quote=False) in page, (concept, pref)
    # Concepts of one scheme do not leak into another's page.
    assert "https://w3id.org/regiokg/vocab/role/" not in pages["sector"]


def test_generating_pages_keeps_the_logging_configuration(project):
    root = logging.getLogger()
    before = (list(root.handlers), root.level)
    ontology_html(project)
    assert (list(root.handlers), root.level) == before


def test_write_docs_writes_the_pages(project, tmp_path):
    paths = write_docs(project, tmp_path)
    names = sorted(p.name for p in paths)
    assert "ontology.html" in names and "vocabulary-sector.html" in names
    assert all(p.read_text(encoding="utf-8").lstrip().startswith("<!DOCTYPE html>") for p in paths)
