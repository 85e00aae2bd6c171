"""Validate the knowledge graph against its SHACL shapes (``shapes/*.ttl``).

Validation is the stage between build and store: :func:`validate_dataset` checks the dataset
:func:`regiokg.build.build_dataset` returns, :func:`validate_files` checks Turtle, N-Triples,
N-Quads, TriG, JSON-LD or RDF/XML files with the project's ontology. Both run pySHACL with RDFS
inference over the ontology and return a :class:`~regiokg.validate.report.ValidationReport` that
names every problem by the label, IRI and source document of the node it is about.

The data graph is the union of the source graphs plus the controlled vocabularies (the SKOS
concepts and schemes of the ontology graph), so that shapes can check that a sector is a
concept of the sector scheme. The ontology is mixed in for its class and property
hierarchies only; in particular its ``rdfs:domain`` and ``rdfs:range`` axioms are left out, because
inferring from them would make every value of ``rkg:basedIn`` a city and so hide exactly
the mistakes ``sh:class`` is there to find.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from pyshacl import validate as pyshacl_validate
from pyshacl.errors import ReportableRuntimeError, ShapeLoadError
from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.namespace import OWL, SKOS
from rdflib.plugins.sparql import prepareQuery

from regiokg.config import Project
from regiokg.convert import dataset_to_quads, to_rdflib
from regiokg.prefixes import PREFIXES, project_prefixes
from regiokg.sources import ONTOLOGY_GRAPH, SourceError, discover, read_triples
from regiokg.validate.inputs import DATA_FORMATS, read_data_files, read_data_store
from regiokg.validate.report import ValidationReport, ValidationResult, read_report
from regiokg.validate.sparql_engine import (
    Check,
    Finding,
    UnsupportedShape,
    compile_shapes,
    described,
    find_violations,
    report_graph,
)

__all__ = [
    "DATA_FORMATS",
    "ENGINES",
    "SHAPES_NS",
    "ShapesError",
    "SourceError",
    "ValidationReport",
    "ValidationResult",
    "compiled_checks",
    "load_shapes",
    "read_data_files",
    "read_data_store",
    "report_of",
    "validate_dataset",
    "validate_files",
    "validate_store",
]

#: Namespace of the shapes in ``shapes/``.
SHAPES_NS = "https://w3id.org/regiokg/shapes#"

#: What validation needs of the ontology: the class and property hierarchies (see above).
_HIERARCHY = {RDF.type, RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass}
#: What shapes check of the vocabularies; definitions and NACE mappings only cost time.
_VOCABULARY = {RDF.type, SKOS.inScheme, SKOS.prefLabel, SKOS.broader, SKOS.topConceptOf}
_VOCABULARY_CLASSES = (SKOS.Concept, SKOS.ConceptScheme)


#: The validation engines: pySHACL (the reference), the shapes compiled to SPARQL and run on
#: a pyoxigraph store (see :mod:`regiokg.validate.sparql_engine`), or the one that suits
#: the size of the input.
ENGINES = ("auto", "pyshacl", "sparql")

#: Above this many quads (or, for files, bytes / 200) ``auto`` picks the SPARQL engine.
AUTO_QUADS = 50_000


class ShapesError(ValueError):
    """The shapes cannot be used: none were found, or pySHACL refused one of them (the
    message says which and why)."""


def load_shapes(shapes_dir: Path) -> Graph:
    """Read every ``*.ttl`` file of ``shapes_dir`` into one shapes graph; a syntax error
    raises :class:`regiokg.sources.SourceError` naming the file, line and column, and a
    directory without shapes raises :class:`ShapesError`."""
    shapes_dir = Path(shapes_dir)
    files = sorted(shapes_dir.glob("*.ttl"))
    if not files:
        raise ShapesError(f"{shapes_dir}: no SHACL shapes (*.ttl) found")
    shapes = Graph()
    _bind_prefixes(shapes)
    for path in files:
        for t in read_triples(path):
            shapes.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
    return shapes


@contextmanager
def _rdflib_conversions_kept() -> Iterator[None]:
    # pySHACL's RDFS inference (owlrl) registers its own lexical conversions in rdflib's
    # global table and leaves some behind (gYear values become str afterwards), so literals
    # made after a validation compare differently from those made before. Validation must
    # have no such side effect: put rdflib's table and normalisation switch back.
    import rdflib
    from rdflib.term import _toPythonMapping

    saved, normalize = dict(_toPythonMapping), rdflib.NORMALIZE_LITERALS
    try:
        yield
    finally:
        _toPythonMapping.clear()
        _toPythonMapping.update(saved)
        rdflib.NORMALIZE_LITERALS = normalize


def validate_dataset(
    dataset: Dataset,
    project: Project,
    *,
    shapes_dir: Path | None = None,
    sources: Mapping[str, str] | None = None,
    engine: str = "pyshacl",
) -> ValidationReport:
    """Validate a built dataset (named graphs per source plus the ``ontology`` graph)
    against the shapes in ``shapes_dir`` (default: the project's ``shapes/``) and return
    the report. ``sources`` maps named-graph IRIs to the file each came from, for the
    report; by default the project's curated files. ``engine`` is one of :data:`ENGINES`;
    both give the same results, the SPARQL engine faster on large graphs."""
    if _engine(engine, len(dataset)) == "sparql":
        store = ox.Store()
        store.bulk_extend(dataset_to_quads(dataset))
        if sources is None:
            sources = _project_sources(project)
        return validate_store(store, project, shapes_dir=shapes_dir, sources=sources)
    shapes = load_shapes(shapes_dir or project.shapes_dir)
    ontology_iri = URIRef(project.graph_iri(ONTOLOGY_GRAPH))
    data, ontology = _split(dataset, ontology_iri)
    try:
        with _rdflib_conversions_kept():
            _conforms, report_graph, _text = pyshacl_validate(
                data,
                shacl_graph=shapes,
                ont_graph=ontology,
                inference="rdfs",
                allow_warnings=True,
                # The data graph is our own copy: letting pySHACL add the ontology and the
                # inferred triples to it saves a copy and keeps its query cache (below).
                inplace=True,
            )
    except (ShapeLoadError, ReportableRuntimeError) as exc:
        where = shapes_dir or project.shapes_dir
        raise ShapesError(f"{where}: the shapes cannot be used: {exc.message}") from exc
    if isinstance(report_graph, Exception):
        # pySHACL hands a failure back instead of raising it (a SPARQL constraint it
        # refuses, for one): the shapes are at fault, not the data.
        where = shapes_dir or project.shapes_dir
        reason = getattr(report_graph, "message", str(report_graph))
        raise ShapesError(f"{where}: the shapes cannot be used: {reason}")
    if sources is None:
        sources = _project_sources(project)
    return read_report(
        report_graph,
        shapes=shapes,
        dataset=dataset,
        ontology_iri=ontology_iri,
        sources=sources,
        prefixes=_prefixes(project),
    )


def validate_files(
    paths: Iterable[Path],
    project: Project,
    *,
    shapes_dir: Path | None = None,
    engine: str = "pyshacl",
) -> ValidationReport:
    """Validate the given data files with the project's ontology and shapes. Each Turtle
    or N-Triples file is a source of its own; N-Quads and TriG keep their named graphs (an
    ontology graph among them is replaced by the project's ontology). Unreadable files
    raise :class:`regiokg.sources.SourceError` with file, line and column. With the
    SPARQL ``engine`` the files are streamed into an in-memory store, never into rdflib;
    ``auto`` picks it for files of more than about 10 MB."""
    paths = [Path(p) for p in paths]
    size = sum(p.stat().st_size for p in paths if p.is_file()) // 200
    if _engine(engine, size) == "sparql":
        store, sources = read_data_store(paths, project)
        return validate_store(store, project, shapes_dir=shapes_dir, sources=sources)
    dataset, sources = read_data_files(paths, project)
    return validate_dataset(dataset, project, shapes_dir=shapes_dir, sources=sources)


def validate_store(
    store: ox.Store,
    project: Project,
    *,
    shapes_dir: Path | None = None,
    sources: Mapping[str, str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ValidationReport:
    """Validate the quads of a pyoxigraph ``store`` (the embedded store, or one filled by
    :func:`read_data_store`; it must hold the ontology graph) with the shapes compiled to
    SPARQL, one query per constraint, and return the same report pySHACL's results give.
    ``progress`` is called with (checks done, checks in all). Shapes the compiler does not
    support raise :class:`ShapesError`."""
    checks, shapes = compiled_checks(store, project, shapes_dir)
    findings = find_violations(store, checks, progress=progress)
    return report_of(findings, store, project, shapes, shapes_dir, sources)


def compiled_checks(
    store: ox.Store, project: Project, shapes_dir: Path | None = None
) -> tuple[list[Check], Graph]:
    """The shapes of ``shapes_dir`` (default: the project's) compiled to SPARQL checks
    with the hierarchies of ``store``, and the shapes graph; shapes the compiler does not
    support raise :class:`ShapesError`."""
    where = shapes_dir or project.shapes_dir
    shapes = load_shapes(where)
    try:
        return compile_shapes(shapes, store), shapes
    except UnsupportedShape as exc:
        raise ShapesError(f"{where}: the SPARQL engine cannot use the shapes: {exc}") from exc


def report_of(
    findings: list[Finding],
    store: ox.Store,
    project: Project,
    shapes: Graph,
    shapes_dir: Path | None = None,
    sources: Mapping[str, str] | None = None,
) -> ValidationReport:
    """The validation report of the ``findings`` of compiled checks on ``store``."""
    return read_report(
        report_graph(findings),
        shapes=shapes,
        dataset=described(store, findings),
        ontology_iri=URIRef(project.graph_iri(ONTOLOGY_GRAPH)),
        sources=sources if sources is not None else _project_sources(project),
        prefixes=_prefixes(project),
    )


def _engine(engine: str, size: int) -> str:
    if engine not in ENGINES:
        raise ValueError(f"unknown validation engine {engine!r}; one of {', '.join(ENGINES)}")
    if engine == "auto":
        return "sparql" if size > AUTO_QUADS else "pyshacl"
    return engine


class _DataGraph(Graph):
    """A data graph that parses each SHACL-SPARQL query once. pySHACL hands the same query
    text to :meth:`query` for every focus node (binding ``$this`` separately), and parsing
    it, not running it, is what takes the time."""

    def query(self, query_object, *args, **kwargs):
        if isinstance(query_object, str):
            # pySHACL writes the PREFIX lines in no fixed order; sorted, equal queries
            # share one cache entry across validations.
            lines = query_object.splitlines()
            prefixes = sorted(line for line in lines if line.startswith("PREFIX "))
            body = [line for line in lines if not line.startswith("PREFIX ")]
            query_object = _prepared("\n".join(prefixes + body))
        return super().query(query_object, *args, **kwargs)


@lru_cache(maxsize=256)
def _prepared(text: str):
    return prepareQuery(text)


def _split(dataset: Dataset, ontology_iri: URIRef) -> tuple[Graph, Graph]:
    """The data graph (source graphs plus vocabularies) and the ontology's hierarchies."""
    data, ontology = _DataGraph(), Graph()
    _bind_prefixes(data)
    for graph in dataset.graphs():
        if graph.identifier != ontology_iri:
            for triple in graph:
                data.add(triple)
            continue
        vocabulary = {s for cls in _VOCABULARY_CLASSES for s in graph.subjects(RDF.type, cls)}
        for s, p, o in graph:
            if s in vocabulary and p in _VOCABULARY:
                data.add((s, p, o))
            elif p in _HIERARCHY:
                ontology.add((s, p, o))
    return data, ontology


def _project_sources(project: Project) -> dict[str, str]:
    return {
        project.graph_iri(s.graph_name): _relative(s.path, project.root)
        for s in discover(project)
        if not s.is_ontology
    }


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return str(path)


def _prefixes(project: Project) -> dict[str, str]:
    return {**project_prefixes(project), "rkgsh": SHAPES_NS}


def _bind_prefixes(graph: Graph) -> None:
    graph.bind("rkgsh", SHAPES_NS)
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri)
