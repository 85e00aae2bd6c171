"""Incremental builds: reload only the sources that changed since the store was built.

The embedded store carries a manifest of what it was built from (:class:`Manifest`, a
file inside the store directory, so it is swapped in and out with the store): each
source's named graph and SHA-256, and a fingerprint of everything else that shapes the
result (regiokg's version, the base IRI, the ontology, the shapes and the seed texts the
evidence quotes come from). :func:`plan_build` compares it with the project as it is now;
:func:`update_build` applies the plan to a checkpoint copy of the store (drop the graphs
of changed and removed sources, load the changed and added ones, resolve their quotes),
validates the copy (only the focus nodes a change can reach, where that is provably
enough; see :mod:`regiokg.validate.changes`), writes the outputs from it and swaps it in
as a full build would. What the plan cannot cover (a changed ontology, shapes, base IRI,
version or seed text, or a source document whose text file changed) needs a full build.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import PROV

from regiokg import __version__
from regiokg.build import output_prefixes, source_quads, update_outputs
from regiokg.config import Project
from regiokg.convert import quads_to_dataset, to_oxigraph, to_rdflib
from regiokg.evidence import resolve_quotes
from regiokg.namespace import RKG
from regiokg.sources import Source, discover
from regiokg.store import open_store, read_store_file, update_store
from regiokg.validate import ValidationReport
from regiokg.validate.changes import Changes, ValidationRun, validate_changes

__all__ = [
    "MANIFEST_FILE",
    "VALIDATION_FILE",
    "BuildPlan",
    "Manifest",
    "NeedsFullBuild",
    "UpdateResult",
    "plan_build",
    "project_manifest",
    "update_build",
]

#: The manifest's file name inside the store directory (not a RocksDB name).
MANIFEST_FILE = "regiokg-build.json"
#: The validation results of the stored graph, for the next incremental validation.
VALIDATION_FILE = "regiokg-validation.json"
_SEED_KINDS = (RKG.NewsItem, RKG.Presentation)


class NeedsFullBuild(RuntimeError):
    """An incremental build found a change it cannot apply alone; the message says what."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _files_digest(paths) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(f"{path.name}\0{_sha256(path)}\n".encode())
    return digest.hexdigest()


@dataclass
class Manifest:
    """What a store was built from: ``settings`` (a fingerprint of everything but the
    sources), ``sources`` (named-graph IRI -> SHA-256 of the file), ``paths`` (named-graph
    IRI -> file, for messages) and ``outputs`` (file name -> [size, mtime in ns] of
    the N-Quads and Turtle written with the store)."""

    settings: dict[str, str]
    sources: dict[str, str]
    paths: dict[str, str] = field(default_factory=dict)
    outputs: dict[str, list[int]] = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        return json.dumps(self.__dict__, indent=1, sort_keys=True).encode()

    @classmethod
    def from_bytes(cls, data: bytes | None) -> Manifest | None:
        """The manifest in ``data``, or None if there is none or it is unreadable."""
        if not data:
            return None
        try:
            return cls(**json.loads(data))
        except (ValueError, TypeError):
            return None

    def with_outputs(self, outputs: dict[str, Path]) -> Manifest:
        """This manifest, recording the size and time of the written ``outputs``."""
        stats = {Path(p).name: _stat(p) for p in outputs.values()}
        return Manifest(self.settings, self.sources, self.paths, stats)


def _stat(path: Path) -> list[int]:
    try:
        info = Path(path).stat()
    except OSError:
        return []
    return [info.st_size, info.st_mtime_ns]


def _project_sources(project: Project) -> list[Source]:
    return [s for s in discover(project) if not s.is_ontology]


def project_manifest(project: Project) -> Manifest:
    """The manifest of ``project`` as its files are now (outputs not recorded)."""
    found = discover(project)
    seeds = Path(project.seeds_dir)
    settings = {
        "regiokg": __version__,
        "base_iri": project.base_iri,
        "ontology": _files_digest(s.path for s in found if s.is_ontology),
        "shapes": _files_digest(Path(project.shapes_dir).glob("*.ttl")),
        "seeds": _files_digest(p for p in seeds.glob("*") if p.is_file()) if seeds.is_dir() else "",
    }
    sources = {}
    paths = {}
    for source in found:
        if source.is_ontology:
            continue
        iri = project.graph_iri(source.graph_name)
        sources[iri] = _sha256(source.path)
        paths[iri] = source.path.name
    return Manifest(settings, sources, paths)


@dataclass
class BuildPlan:
    """What a build has to do: ``full`` says why it must start from scratch (None if it
    need not), ``reload`` lists the changed and added sources, ``drop`` the named graphs
    of removed sources, ``outputs_current`` whether the N-Quads and Turtle files are the
    ones written with the store; ``manifest`` is the project's manifest now."""

    manifest: Manifest
    full: str | None = None
    reload: list[Source] = field(default_factory=list)
    drop: list[str] = field(default_factory=list)
    outputs_current: bool = False
    previous: set[str] = field(default_factory=set)

    @property
    def up_to_date(self) -> bool:
        return self.full is None and not self.reload and not self.drop and self.outputs_current


_SETTING_NAMES = {
    "regiokg": "the regiokg version",
    "base_iri": "the base IRI",
    "ontology": "the ontology",
    "shapes": "the SHACL shapes",
    "seeds": "the seed texts",
}


def plan_build(project: Project) -> BuildPlan:
    """Compare ``project`` with the manifest of its store and say what a build must do
    (see :class:`BuildPlan`)."""
    now = project_manifest(project)
    before = Manifest.from_bytes(read_store_file(project.store_dir, MANIFEST_FILE))
    if before is None:
        return BuildPlan(now, full="the store has no build manifest")
    changed = [k for k in _SETTING_NAMES if before.settings.get(k) != now.settings.get(k)]
    if changed:
        return BuildPlan(now, full=f"{_SETTING_NAMES[changed[0]]} changed")
    outputs = {"regiokg.nq", "regiokg.ttl"} == set(before.outputs) and all(
        _stat(project.out_dir / name) == stat for name, stat in before.outputs.items()
    )
    reload = [
        s
        for s in _project_sources(project)
        if before.sources.get(project.graph_iri(s.graph_name))
        != now.sources[project.graph_iri(s.graph_name)]
    ]
    drop = sorted(set(before.sources) - set(now.sources))
    return BuildPlan(
        now, reload=reload, drop=drop, outputs_current=outputs, previous=set(before.sources)
    )


@dataclass
class UpdateResult:
    """What :func:`update_build` did: quads in the store, the validation report, which
    checks ran restricted to the changed neighbourhood and which in full, and the
    outputs written."""

    quads: int
    report: ValidationReport | None
    validation: ValidationRun | None
    outputs: dict[str, Path]


def _documents(store: ox.Store) -> dict[str, str]:
    """Each seed document of ``store`` with the text file its quotes are resolved from."""
    found = {}
    kinds = {to_oxigraph(k) for k in _SEED_KINDS}
    for quad in store.quads_for_pattern(None, to_oxigraph(RKG.sourceFile), None):
        types = {q.object for q in store.quads_for_pattern(quad.subject, _RDF_TYPE, None)}
        if types & kinds:
            found[str(quad.subject)] = str(quad.object)
    return found


_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_TEXT_EVIDENCE = to_oxigraph(RKG.TextEvidence)


def _resolve_quotes_of(store: ox.Store, project: Project, graph: ox.NamedNode) -> list[ox.Quad]:
    """Give the evidence spans of one reloaded graph their quotes, as a full build does;
    the texts are looked up through the documents of the whole store."""
    if next(store.quads_for_pattern(None, _RDF_TYPE, _TEXT_EVIDENCE, graph), None) is None:
        return []
    dataset = quads_to_dataset(store.quads_for_pattern(None, None, None, graph))
    documents = dataset.graph(URIRef("urn:x-regiokg:documents"))
    rdf_type = to_rdflib(_RDF_TYPE)
    for doc, file in _documents(store).items():
        documents.add((URIRef(doc), rdf_type, RKG.NewsItem))
        documents.add((URIRef(doc), RKG.sourceFile, to_rdflib(ox.Literal(file))))
    before = set(dataset.graph(to_rdflib(graph)))
    resolve_quotes(dataset, project)
    added = set(dataset.graph(to_rdflib(graph))) - before
    quads = [ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), graph) for s, p, o in added]
    store.extend(quads)
    return quads


def _check_documents(store: ox.Store, before: dict[str, str], reloaded: list) -> None:
    """Raise :class:`NeedsFullBuild` when a document whose text file changed (or which
    came or went) has evidence in a graph that was not reloaded: its quotes would be
    resolved differently by a full build."""
    after = _documents(store)
    entity = to_oxigraph(PROV.entity)
    for doc in {d for d in before.keys() | after.keys() if before.get(d) != after.get(d)}:
        for quad in store.quads_for_pattern(None, entity, ox.NamedNode(doc)):
            if quad.graph_name not in reloaded:
                raise NeedsFullBuild(
                    f"the text file of {doc} changed and {quad.graph_name.value} quotes it"
                )


def update_build(
    project: Project,
    plan: BuildPlan,
    *,
    check: Callable[[ValidationReport], None] | None = None,
    validate: bool = True,
    progress: Callable[[str], None] | None = None,
) -> UpdateResult:
    """Apply ``plan`` (see :func:`plan_build`) to a copy of the store, validate it, write
    the outputs from it and swap it in; ``check`` is called with the validation report
    and may raise to stop the build with nothing changed. Raises :class:`NeedsFullBuild`
    if a change reaches beyond the reloaded graphs (a seed document's text file), and
    :class:`regiokg.sources.SourceError` for a bad file, both with nothing changed."""
    if plan.full is not None:
        raise NeedsFullBuild(plan.full)
    if not plan.outputs_current:
        # The outputs are updated, not made anew from the store (which normalises
        # literals): they must be the ones the store was built with.
        raise NeedsFullBuild("the outputs are not the ones written with the store")
    say = progress or (lambda _message: None)
    result = UpdateResult(0, None, None, {})
    graphs = [ox.NamedNode(project.graph_iri(s.graph_name)) for s in plan.reload]
    graphs += [ox.NamedNode(iri) for iri in plan.drop]
    previous = read_store_file(project.store_dir, VALIDATION_FILE)
    quotes: list[ox.Quad] = []

    def change(store: ox.Store) -> None:
        documents = _documents(store)
        changes = Changes.before(store, graphs)
        for graph in graphs:
            store.remove_graph(graph)
        for source in plan.reload:
            say(f"loading {source.path.name}")
            store.bulk_extend(source_quads(project, source))
        _check_documents(store, documents, graphs)
        for source in plan.reload:
            graph = ox.NamedNode(project.graph_iri(source.graph_name))
            quotes.extend(_resolve_quotes_of(store, project, graph))
        changes.after(store, graphs)
        if validate:
            say("validating the changed graph")
            old = open_store(project.store_dir, read_only=True)
            result.report, result.validation = validate_changes(
                store, project, changes=changes, old_store=old, previous=previous
            )
            if check is not None:
                check(result.report)

    def before_swap(store: ox.Store) -> None:
        say("writing the outputs")
        # The reloaded sources are read again rather than kept: an import may be large.
        new_quads = itertools.chain(
            *(source_quads(project, source) for source in plan.reload), quotes
        )
        result.outputs = update_outputs(
            project.out_dir, {g.value for g in graphs}, new_quads, output_prefixes(project)
        )

    def files(store: ox.Store) -> dict[str, bytes]:
        written = {MANIFEST_FILE: plan.manifest.with_outputs(result.outputs).to_bytes()}
        if result.validation is not None:
            written[VALIDATION_FILE] = result.validation.state
        return written

    result.quads = update_store(project.store_dir, change, before_swap=before_swap, files=files)
    return result
