"""Build the knowledge graph: merge the ontology and the curated source files into one
dataset with a named graph per source document, and write it out.

Instance IRIs are written in the curated files under :data:`regiokg.config.DEFAULT_BASE`;
the build moves them (``{base}id/…`` and ``{base}graph/…``) to the project's base IRI, so
a publisher can mint the graph under its own domain without editing the files.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS

from regiokg.atomic import atomic_path
from regiokg.config import DEFAULT_BASE, Project
from regiokg.convert import to_rdflib
from regiokg.evidence import DocumentCoverage, EvidenceReport, evidence_coverage, resolve_quotes
from regiokg.namespace import RKG
from regiokg.prefixes import PREFIXES, curie, project_prefixes
from regiokg.sources import Source, discover, read_triples, stream_triples

__all__ = [
    "BuildSummary",
    "build_dataset",
    "output_prefixes",
    "source_quads",
    "STREAM_BYTES",
    "source_bytes",
    "stream_outputs",
    "summarise",
    "write_outputs",
    "update_outputs",
]

#: Above this many bytes of sources a full build streams them through the on-disk store
#: instead of an rdflib dataset: about 50,000 quads at 200 bytes each, where validation's
#: ``auto`` engine leaves pySHACL for the SPARQL engine anyway.
STREAM_BYTES = 10_000_000

Progress = Callable[[Source], None]


def _rebaser(base_iri: str) -> Callable[[str], str]:
    if base_iri == DEFAULT_BASE:
        return lambda iri: iri
    moved = tuple(DEFAULT_BASE + part for part in ("id/", "graph/"))

    def rebase(iri: str) -> str:
        return base_iri + iri[len(DEFAULT_BASE) :] if iri.startswith(moved) else iri

    return rebase


def build_dataset(project: Project, *, progress: Progress | None = None) -> Dataset:
    """Read every source of ``project`` and return the merged dataset: the ontology files in
    the ``ontology`` named graph and each curated file in a named graph of its own, with
    instance IRIs moved to the project's base. Every file is parsed before anything is
    merged, so a syntax error (:class:`regiokg.sources.SourceError`) leaves no half-built
    graph behind. Each evidence span gets its quote from the source text where the text is
    at hand (:func:`regiokg.evidence.resolve_quotes`)."""
    sources = discover(project)
    parsed = []
    for source in sources:
        parsed.append((source, read_triples(source.path)))
        if progress is not None:
            progress(source)
    rebase = _rebaser(project.base_iri)
    # Union default graph: a query without GRAPH sees every source, as on the SPARQL store.
    dataset = Dataset(default_union=True)
    for prefix, iri in output_prefixes(project).items():
        dataset.bind(prefix, iri)
    for source, triples in parsed:
        graph = dataset.graph(URIRef(project.graph_iri(source.graph_name)))
        for t in triples:
            graph.add(
                (to_rdflib(t.subject, rebase), to_rdflib(t.predicate), to_rdflib(t.object, rebase))
            )
    resolve_quotes(dataset, project)
    return dataset


def source_bytes(project: Project) -> int:
    """The size of every source file of ``project`` together, in bytes: what decides
    whether a full build streams (see :data:`STREAM_BYTES`)."""
    return sum(source.path.stat().st_size for source in discover(project))


def output_prefixes(project: Project) -> dict[str, str]:
    """The prefixes the built graph is written with: the known vocabularies and ``r:`` for
    the project's instances."""
    return {**PREFIXES, "r": project.instance_iri("")}


def source_quads(project: Project, source: Source) -> Iterator[ox.Quad]:
    """The triples of one source as quads in its named graph, instance IRIs moved to the
    project's base as in :func:`build_dataset`, streamed from the file (a syntax error
    raises :class:`regiokg.sources.SourceError` when the parser reaches it). Evidence
    quotes are not resolved here."""
    graph = ox.NamedNode(project.graph_iri(source.graph_name))
    rebase = _rebaser(project.base_iri)

    def moved(term):
        if isinstance(term, ox.NamedNode):
            iri = rebase(term.value)
            return term if iri == term.value else ox.NamedNode(iri)
        return term

    for t in stream_triples(source.path):
        yield ox.Quad(moved(t.subject), t.predicate, moved(t.object), graph)


@dataclass
class BuildSummary:
    """What a built dataset holds: triples in all and per named graph, instances per class
    (classes of the regiokg ontology and the reused ones the data types with), the
    source documents with their titles, and how many statements of each have evidence;
    ``notes`` say what was left uncounted (a large build counts less)."""

    triples: int
    graphs: dict[str, int] = field(default_factory=dict)
    classes: dict[str, int] = field(default_factory=dict)
    sources: list[tuple[str, str]] = field(default_factory=list)
    evidence: EvidenceReport = field(default_factory=EvidenceReport)
    coverage: list[DocumentCoverage] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def summarise(dataset: Dataset, project: Project) -> BuildSummary:
    """Count what ``dataset`` holds (see :class:`BuildSummary`); instances are counted
    outside the ontology graph, each once per class however many sources state it."""
    ontology = URIRef(project.graph_iri("ontology"))
    summary = BuildSummary(triples=0)
    typed: dict[URIRef, set] = {}
    for graph in dataset.graphs():
        if len(graph) == 0:
            continue
        summary.graphs[str(graph.identifier)] = len(graph)
        summary.triples += len(graph)
        if graph.identifier == ontology:
            continue
        for s, _, cls in graph.triples((None, RDF.type, None)):
            typed.setdefault(cls, set()).add(s)
    names = project_prefixes(project)
    counts = Counter(
        {curie(str(cls), names) or str(cls): len(members) for cls, members in typed.items()}
    )
    summary.classes = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    source_class = RKG.SourceDocument
    kinds = {source_class, *dataset.subjects(RDFS.subClassOf, source_class)}
    docs = {s for kind in kinds for s in dataset.subjects(RDF.type, kind)}
    for doc in sorted(docs):
        title = dataset.value(doc, DCTERMS.title)
        summary.sources.append((str(doc), str(title) if title is not None else ""))
    summary.evidence = resolve_quotes(dataset, project, add=False)
    summary.coverage = evidence_coverage(dataset)
    return summary


def write_outputs(dataset: Dataset, out_dir: Path) -> dict[str, Path]:
    """Write ``regiokg.nq`` (one named graph per source) and ``regiokg.ttl`` (all graphs
    merged) into ``out_dir``. Both are serialised to temporary files first and renamed into
    place only when both are complete, so a failure leaves the previous outputs as they
    were."""
    out_dir = Path(out_dir)
    targets = {"nquads": out_dir / "regiokg.nq", "turtle": out_dir / "regiokg.ttl"}
    merged = Graph()
    for prefix, iri in dataset.namespace_manager.namespaces():
        merged.bind(prefix, iri)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        merged.add((s, p, o))
    with atomic_path(targets["nquads"]) as nq_tmp, atomic_path(targets["turtle"]) as ttl_tmp:
        dataset.serialize(destination=nq_tmp, format="nquads", encoding="utf-8")
        merged.serialize(destination=ttl_tmp, format="turtle", encoding="utf-8")
    return targets


def update_outputs(
    out_dir: Path,
    replaced: set[str],
    new_quads: Iterable[ox.Quad],
    prefixes: dict[str, str],
) -> dict[str, Path]:
    """Rewrite the two files of :func:`write_outputs` for changed graphs, atomically: the
    N-Quads keep every line of the graphs not in ``replaced`` (named-graph IRIs) and get
    ``new_quads`` instead of the others; the Turtle is made again from the new N-Quads as
    in :func:`stream_outputs`. Lexical forms are kept as the sources write them (a store
    would normalise ``"19.2740"^^xsd:decimal``), so the files hold what a full build's
    hold."""
    endings = tuple(f"<{iri}> .\n" for iri in replaced)

    def kept(nq_tmp: Path, target: Path) -> None:
        with open(target, encoding="utf-8") as old, open(nq_tmp, "w", encoding="utf-8") as new:
            # N-Quads escapes line breaks, so each line is one quad ending in its graph.
            new.writelines(line for line in old if not line.endswith(endings))

    return _write_streamed(out_dir, kept, new_quads, prefixes)


def stream_outputs(
    out_dir: Path, quads: Iterable[ox.Quad], prefixes: dict[str, str]
) -> dict[str, Path]:
    """Write the two files of :func:`write_outputs` from ``quads`` (streamed from the
    sources, so with their lexical forms) without an rdflib graph, atomically: the N-Quads
    as the quads come, the Turtle made from them with each triple once, in a fixed order
    (its layout is pyoxigraph's, not rdflib's), so that the same graph always gives the
    same file."""
    return _write_streamed(out_dir, lambda nq_tmp, target: None, quads, prefixes)


def _write_streamed(
    out_dir: Path,
    begin: Callable[[Path, Path], None],
    quads: Iterable[ox.Quad],
    prefixes: dict[str, str],
) -> dict[str, Path]:
    out_dir = Path(out_dir)
    targets = {"nquads": out_dir / "regiokg.nq", "turtle": out_dir / "regiokg.ttl"}
    with atomic_path(targets["nquads"]) as nq_tmp, atomic_path(targets["turtle"]) as ttl_tmp:
        begin(nq_tmp, targets["nquads"])
        with open(nq_tmp, "ab") as new:
            ox.serialize(quads, new, ox.RdfFormat.N_QUADS)
        triples = {
            ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse(path=nq_tmp, format=ox.RdfFormat.N_QUADS)
        }
        ordered = sorted(triples, key=str)
        ox.serialize(ordered, ttl_tmp, ox.RdfFormat.TURTLE, prefixes=prefixes)
    return targets
