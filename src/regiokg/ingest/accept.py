"""Merge reviewed candidates into ``graph/`` as a new, readably named file.

The reviewer keeps or drops candidates by id (``--only``/``--drop``); dropping one drops
whatever depends on it (the participations of a dropped event, the post of a dropped
person), and the evidence and reference nodes nothing points to any more. The result is
validated with the project's shapes together with every file already in ``graph/``
before anything is written; if it would not conform, nothing is written and the report
says why. The file is named after the document's date and title
(``2014-12-19-synergia-dzialan-klastrowych-walonii-i-pppt.ttl``); an existing file of that
name is never overwritten.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import PROV, RDF

from regiokg.atomic import write_atomically

__all__ = ["AcceptError", "AcceptResult", "accept", "select_candidates"]


class AcceptError(ValueError):
    """The candidates cannot be accepted; ``str()`` says why (and ``report`` holds the
    validation report when the shapes refused them, ``report_text`` its text naming the
    file that was not written)."""

    def __init__(self, message: str, report=None, report_text: str | None = None):
        self.report = report
        self.report_text = report_text
        super().__init__(message)


@dataclass
class AcceptResult:
    """What was written: the new ``path`` in ``graph/``, the candidate ids ``kept`` and
    ``dropped``, and the number of ``triples``."""

    path: Path
    kept: list[str]
    dropped: list[str]
    triples: int


def _review_of(candidates: Path) -> dict:
    review = candidates.with_name(candidates.name.removesuffix(".ttl") + ".review.json")
    try:
        return json.loads(review.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise AcceptError(
            f"{review}: the review file written beside the candidates is "
            "missing; run regiokg ingest again"
        ) from exc
    except (OSError, ValueError) as exc:
        raise AcceptError(f"{review}: cannot read the review file: {exc}") from exc


def select_candidates(rows: list[dict], only=(), drop=()) -> tuple[set[str], set[str]]:
    """(kept ids, dropped ids): ``only`` keeps those ids (and what they need), ``drop``
    removes those ids and whatever depends on them. Ids may also be given as IRIs."""
    by_id = {r["id"]: r for r in rows}
    by_iri = {r["iri"]: r["id"] for r in rows}

    def resolve(names) -> set[str]:
        """Candidate ids of ids or IRIs (comma-separated lists too)."""
        out = set()
        for name in names:
            for part in str(name).split(","):
                part = part.strip()
                if not part:
                    continue
                ident = part if part in by_id else by_iri.get(part)
                if ident is None:
                    raise AcceptError(f"no candidate {part!r}; the ids are in the review table")
                out.add(ident)
        return out

    keep = set(by_id)
    if only:
        wanted = resolve(only)
        closure = set()
        stack = list(wanted)
        while stack:
            ident = stack.pop()
            if ident not in closure:
                closure.add(ident)
                stack += by_id[ident]["depends"]
        keep = closure
    dropped = resolve(drop)
    changed = True
    while changed:
        changed = False
        for ident in list(keep):
            if ident in dropped or any(
                dep not in keep or dep in dropped for dep in by_id[ident]["depends"]
            ):
                keep.discard(ident)
                dropped.add(ident)
                changed = True
    return keep, set(by_id) - keep


def _filtered_graph(graph: Graph, rows: list[dict], dropped: set[str], doc_iri: str) -> Graph:
    by_id = {r["id"]: r for r in rows}
    doc = URIRef(doc_iri)
    for ident in dropped:
        row = by_id[ident]
        node = URIRef(row["iri"])
        if row["status"] == "new":
            graph.remove((node, None, None))
            graph.remove((None, None, node))
        else:
            # a link to an entity of the graph: remove only what this document says of it
            for ev in list(graph.objects(node, PROV.qualifiedDerivation)):
                graph.remove((node, PROV.qualifiedDerivation, ev))
            graph.remove((node, PROV.wasDerivedFrom, doc))
    _drop_orphans(graph)
    return graph


def _drop_orphans(graph: Graph) -> None:
    """Remove derivations, selectors and reference nodes nothing points to any more."""
    changed = True
    while changed:
        changed = False
        referenced = set(graph.objects())
        for node in set(graph.subjects()):
            if node in referenced:
                continue
            types = set(graph.objects(node, RDF.type))
            orphan = isinstance(node, BNode) or types & {PROV.Derivation, PROV.Entity}
            if orphan and not types & {URIRef("https://w3id.org/regiokg/ontology#NewsItem")}:
                graph.remove((node, None, None))
                changed = True


def _file_name(document: dict) -> str:
    from regiokg.ingest.candidates import slug

    title = slug(document.get("title") or document["stem"])[:50].strip("-")
    date = document.get("published")
    return f"{date}-{title}.ttl" if date else f"{title}.ttl"


def accept(candidates: Path | str, project, *, only=(), drop=(), name: str | None = None):
    """Merge the candidates file ``candidates`` (written by ingest, with its review JSON
    beside it) into the project's ``graph/`` as a new file, after validating the whole
    graph with it; raises :class:`AcceptError` (nothing written) when the file is missing
    or unreadable, an id is unknown, the target exists, or the shapes report violations."""
    from regiokg.sources import SourceError
    from regiokg.validate import validate_files

    candidates = Path(candidates)
    if candidates.suffix != ".ttl":
        candidates = candidates.with_suffix(".ttl")
    if not candidates.is_file():
        raise AcceptError(f"{candidates}: no such candidates file")
    review = _review_of(candidates)
    rows = review["candidates"]
    kept, dropped = select_candidates(rows, only, drop)
    graph = Graph()
    try:
        graph.parse(candidates, format="turtle")
    except Exception as exc:  # rdflib raises several kinds on broken Turtle
        raise AcceptError(f"{candidates}: not readable as Turtle: {exc}") from exc
    graph = _filtered_graph(graph, rows, dropped, review["document"]["iri"])
    if name is not None and (Path(name).name != name or not name.endswith(".ttl")):
        raise AcceptError(f"--name {name!r}: give a plain file name ending in .ttl")
    target = Path(project.graph_dir) / (name or _file_name(review["document"]))
    if target.exists():
        raise AcceptError(
            f"{target} exists already: this document was accepted before "
            "(remove that file to accept it again)"
        )
    data = graph.serialize(format="turtle").encode("utf-8")
    header = (
        f"# Accepted from {candidates.name} (regiokg ingest, machine-made and reviewed).\n"
        f"# Kept {len(kept)} candidates, dropped {len(dropped)}.\n"
    ).encode()
    existing = sorted(Path(project.graph_dir).glob("*.ttl"))
    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp) / target.name
        trial.write_bytes(header + data)
        try:
            report = validate_files([*existing, trial], project)
        except SourceError as exc:
            raise AcceptError(f"cannot validate: {exc}") from exc
    if not report.conforms:
        # the report names the trial copy; say which file it would have been
        text = report.to_text().replace(str(trial), f"{target} (not written)")
        raise AcceptError(
            f"the graph with {candidates.name} would not conform to the shapes; nothing was "
            "written. Drop the candidates named below (--drop ID) or fix the candidates file.",
            report,
            text,
        )
    write_atomically(target, header + data)
    return AcceptResult(target, sorted(kept), sorted(dropped), len(graph))
