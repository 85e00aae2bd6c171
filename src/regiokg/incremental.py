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
as a full build would. A full build without rdflib (:func:`full_build`) is the same
update applied to an empty store with every source. What the plan cannot cover (a changed
ontology, shapes, base IRI, version or seed text, or a source document whose text file
changed) needs a full build.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from regiokg import __version__
from regiokg.build import (
    BuildSummary,
    output_prefixes,
    source_quads,
    stream_outputs,
    update_outputs,
)
from regiokg.config import Project
from regiokg.evidence import EvidenceReport
from regiokg.sources import Source, discover
from regiokg.store import open_store, read_store_file, replace_store, update_store
from regiokg.stored_evidence import ENTITY, resolve_graph_quotes, seed_documents
from regiokg.summary import summarise_store
from regiokg.validate import ValidationReport
from regiokg.validate.changes import Changes, ValidationRun, validate_changes

__all__ = [
    "MANIFEST_FILE",
    "VALIDATION_FILE",
    "BuildPlan",
    "Manifest",
    "NeedsFullBuild",
    "UpdateResult",
    "full_build",
    "plan_build",
    "project_manifest",
    "update_build",
]

#: The manifest's file name inside the store directory (not a RocksDB name).
MANIFEST_FILE = "regiokg-build.json"
#: The validation results of the stored graph, for the next incremental validation.
VALIDATION_FILE = "regiokg-validation.json"


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
    """What :func:`update_build` or :func:`full_build` did: quads in the store, the
    validation report, which checks ran restricted to the changed neighbourhood and which
    in full, the outputs written, and (full builds) what the evidence quotes came to and
    the summary of the new store."""

    quads: int
    report: ValidationReport | None
    validation: ValidationRun | None
    outputs: dict[str, Path]
    evidence: EvidenceReport = field(default_factory=EvidenceReport)
    summary: BuildSummary | None = None


def _check_documents(store: ox.Store, before: dict[str, str], reloaded: list) -> None:
    """Raise :class:`NeedsFullBuild` when a document whose text file changed (or which
    came or went) has evidence in a graph that was not reloaded: its quotes would be
    resolved differently by a full build."""
    after = seed_documents(store)
    for doc in {d for d in before.keys() | after.keys() if before.get(d) != after.get(d)}:
        for quad in store.quads_for_pattern(None, ENTITY, ox.NamedNode(doc)):
            if quad.graph_name not in reloaded:
                raise NeedsFullBuild(
                    f"the text file of {doc} changed and {quad.graph_name.value} quotes it"
                )


Progress = Callable[[str], None]


def update_build(
    project: Project,
    plan: BuildPlan,
    *,
    check: Callable[[ValidationReport], None] | None = None,
    validate: bool = True,
    progress: Progress | None = None,
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
    step = _Step(project, plan.manifest, plan.reload, plan.drop, check, validate, progress)
    return step.run(fresh=False, store=True)


def full_build(
    project: Project,
    *,
    check: Callable[[ValidationReport], None] | None = None,
    validate: bool = True,
    progress: Progress | None = None,
    store: bool = True,
) -> UpdateResult:
    """Build ``project`` from scratch without an rdflib graph: the update of an empty
    store (see :func:`update_build`) by every source. Each source is streamed by
    pyoxigraph into a fresh store directory, evidence quotes are resolved for the spans
    whose texts are at hand, the store is validated in place with the SPARQL engine (the
    same run leaves the state the next incremental validation starts from; ``check`` as
    in :func:`update_build`), the outputs are written from the sources again (lexical
    forms kept) and the store is summarised with SPARQL, then swapped in. Without
    ``store`` the store is kept in memory and dropped. A bad file raises
    :class:`regiokg.sources.SourceError`, a violation what ``check`` raises; either
    leaves outputs and store untouched."""
    step = _Step(
        project, project_manifest(project), discover(project), [], check, validate, progress
    )
    return step.run(fresh=True, store=store)


@dataclass
class _Step:
    """One build: ``reload`` these sources and drop the graphs ``drop`` (IRIs) from a copy
    of the store (``fresh``: from an empty store, every check run in full)."""

    project: Project
    manifest: Manifest
    reload: list[Source]
    drop: list[str]
    check: Callable[[ValidationReport], None] | None
    validate: bool
    progress: Progress | None
    quotes: list[ox.Quad] = field(default_factory=list)

    def say(self, message: str) -> None:
        if self.progress is not None:
            self.progress(message)

    def run(self, *, fresh: bool, store: bool) -> UpdateResult:
        project = self.project
        result = UpdateResult(0, None, None, {})
        graphs = list(
            dict.fromkeys(ox.NamedNode(project.graph_iri(s.graph_name)) for s in self.reload)
        )
        dropped = [ox.NamedNode(iri) for iri in self.drop]
        previous = None if fresh else read_store_file(project.store_dir, VALIDATION_FILE)

        def change(target: ox.Store) -> None:
            documents = {} if fresh else seed_documents(target)
            changes = None if fresh else Changes.before(target, graphs + dropped)
            for graph in [] if fresh else graphs + dropped:
                target.remove_graph(graph)
            for n, source in enumerate(self.reload, 1):
                self.say(f"loading {source.path.name} ({n}/{len(self.reload)})")
                target.bulk_extend(source_quads(project, source))
            if not fresh:
                _check_documents(target, documents, graphs + dropped)
            self.say("resolving evidence quotes")
            documents = seed_documents(target)
            for graph in graphs:
                self.quotes += resolve_graph_quotes(
                    target, project, graph, documents, result.evidence
                )
            if changes is not None:
                changes.after(target, graphs + dropped)
            if self.validate:
                self.say("validating " + ("the graph" if fresh else "the changed graph"))
                old = None if fresh else open_store(project.store_dir, read_only=True)
                result.report, result.validation = validate_changes(
                    target, project, changes=changes, old_store=old, previous=previous
                )
                if self.check is not None:
                    self.check(result.report)

        def before_swap(target: ox.Store) -> None:
            # The sources are read again rather than kept: an import may be large.
            new_quads = itertools.chain(
                *(source_quads(project, source) for source in self.reload), self.quotes
            )
            prefixes = output_prefixes(project)
            if fresh:
                self.say("summarising the store")
                result.summary = summarise_store(target, project, result.evidence)
                self.say("writing the outputs")
                result.outputs = stream_outputs(project.out_dir, new_quads, prefixes)
            else:
                self.say("writing the outputs")
                replaced = {g.value for g in graphs + dropped}
                result.outputs = update_outputs(project.out_dir, replaced, new_quads, prefixes)

        def files(target: ox.Store) -> dict[str, bytes]:
            written = {MANIFEST_FILE: self.manifest.with_outputs(result.outputs).to_bytes()}
            if result.validation is not None:
                written[VALIDATION_FILE] = result.validation.state
            return written

        if not store:
            target = ox.Store()
            change(target)
            before_swap(target)
            result.quads = len(target)
        elif fresh:
            result.quads = replace_store(
                project.store_dir, change, before_swap=before_swap, files=files
            )
        else:
            result.quads = update_store(
                project.store_dir, change, before_swap=before_swap, files=files
            )
        return result
