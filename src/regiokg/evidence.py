"""Evidence: for each statement of the graph, the words of the source that say it.

A curated node ``N`` that a document states carries ``N prov:qualifiedDerivation E``, where
``E`` is a ``rkg:TextEvidence`` (a ``prov:Derivation`` whose ``prov:entity`` is the
document) with an ``oa:TextPositionSelector`` (start inclusive, end exclusive, counted in
Unicode code points of the text as decoded from UTF-8, newlines as they are) and a
``rkg:spanChecksum`` (the first 16 hex digits of the SHA-256 of the span's UTF-8 bytes).
``rkg:supports`` lists the properties of ``N`` the span backs. Statements a curator infers,
or takes from a public reference, carry a ``rkg:CuratorInference`` or ``rkg:ReferenceBasis``
derivation instead. The curated files hold offsets and checksums only: :func:`resolve_quotes`
turns each span into an ``oa:TextQuoteSelector`` (exact, prefix, suffix) in the built graph,
from the source text when it is at hand, and :func:`evidence_coverage` counts how many
statements have evidence. :func:`locate` is the curator's tool for finding offsets.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, BNode, Dataset, Literal, Namespace, URIRef
from rdflib.namespace import PROV

from regiokg.config import Project
from regiokg.namespace import RKG

__all__ = [
    "OA",
    "Span",
    "SpanProblem",
    "EvidenceReport",
    "DocumentCoverage",
    "span_checksum",
    "locate",
    "evidence_turtle",
    "source_texts",
    "resolve_quotes",
    "evidence_coverage",
]

OA = Namespace("http://www.w3.org/ns/oa#")
#: Code points of context kept on each side of a quote, as oa:prefix and oa:suffix.
CONTEXT = 32
#: Properties that say where a statement comes from, or annotate it; not statements of
#: the source themselves, so not counted by :func:`evidence_coverage`.
META = frozenset({PROV.wasDerivedFrom, PROV.qualifiedDerivation, RDFS.comment})
_SEED_KINDS = (RKG.NewsItem, RKG.Presentation)


def span_checksum(span: str) -> str:
    """The checksum of a span of text: the first 16 hexadecimal digits of the SHA-256 of its
    UTF-8 bytes (``rkg:spanChecksum``)."""
    return hashlib.sha256(span.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Span:
    """A span of a text: ``start`` inclusive, ``end`` exclusive, in code points, with the
    span's checksum and its words."""

    start: int
    end: int
    checksum: str
    text: str


def locate(text: str, phrase: str) -> list[Span]:
    """Every place where ``phrase`` occurs in ``text``, as spans. Runs of white space in the
    phrase match any run of white space in the text (sources break lines and double spaces
    where a curator would not), so a phrase copied from a rendered page is still found; an
    empty list means the phrase is not in the text."""
    words = phrase.split()
    if not words:
        raise ValueError("the phrase to locate is empty")
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    return [
        Span(m.start(), m.end(), span_checksum(m.group(0)), m.group(0))
        for m in pattern.finditer(text)
    ]


def evidence_turtle(
    document_stem: str,
    span: Span,
    supports: Iterable[str] = (),
    nodes: Iterable[str] = (),
    base: str = "https://w3id.org/regiokg/",
    path: str | None = None,
) -> str:
    """The Turtle a curator pastes into a ``graph/`` file for ``span`` of the document
    ``r:document/{document_stem}``: the ``rkg:TextEvidence`` node with its selector and
    checksum, the properties it ``supports`` (CURIEs such as ``rkg:agent``), and one
    ``prov:qualifiedDerivation`` line per node (CURIEs or IRIs) it is evidence for. With
    ``path`` (the node's IRI after ``id/``, e.g. ``participation/x--y``) the derivation is
    that node's own, ``…/{start}-{end}/{path}``, so that what it supports is about that
    node alone even when other nodes cite the same span."""
    suffix = f"/{path}" if path else ""
    iri = f"<{base}id/evidence/{document_stem}/{span.start}-{span.end}{suffix}>"
    lines = [f"{node} prov:qualifiedDerivation {iri} ." for node in nodes]
    lines.append(
        f"{iri} a prov:Derivation , rkg:TextEvidence ;\n"
        f"    prov:entity <{base}id/document/{document_stem}> ;\n"
        f"    oa:hasSelector [ a oa:TextPositionSelector ; oa:start {span.start} ; "
        f"oa:end {span.end} ] ;\n"
        + (f"    rkg:supports {' , '.join(supports)} ;\n" if supports else "")
        + f'    rkg:spanChecksum "{span.checksum}" .'
    )
    return "\n".join(lines)


def source_texts(dataset: Dataset, project: Project) -> dict[URIRef, str | None]:
    """The text of every source document of ``dataset`` that names a ``rkg:sourceFile``,
    read from the project's seeds directory, or None where the file is not there (the
    reference file is no text source and is left out)."""
    texts: dict[URIRef, str | None] = {}
    for doc, file in dataset.subject_objects(RKG.sourceFile):
        if any((doc, RDF.type, kind) in dataset for kind in _SEED_KINDS):
            path = Path(project.seeds_dir) / str(file)
            texts[doc] = path.read_text(encoding="utf-8") if path.is_file() else None
    return texts


@dataclass(frozen=True)
class SpanProblem:
    """A span whose words are not what the curated file says: ``reason`` tells how."""

    evidence: str
    document: str
    reason: str


@dataclass
class EvidenceReport:
    """What :func:`resolve_quotes` did: spans quoted, spans left with offsets only because
    their document's text is absent (documents named in ``absent``), and spans whose
    checksum or offsets do not fit the text (``problems``)."""

    quoted: int = 0
    offsets_only: int = 0
    absent: set[str] = field(default_factory=set)
    problems: list[SpanProblem] = field(default_factory=list)


def _position(graph, evidence) -> tuple[int, int] | None:
    for selector in graph.objects(evidence, OA.hasSelector):
        if (selector, RDF.type, OA.TextPositionSelector) in graph:
            start, end = graph.value(selector, OA.start), graph.value(selector, OA.end)
            if start is not None and end is not None:
                return int(start), int(end)
    return None


def resolve_quotes(dataset: Dataset, project: Project, *, add: bool = True) -> EvidenceReport:
    """Check every ``rkg:TextEvidence`` of ``dataset`` against its document's text and, with
    ``add``, give it an ``oa:TextQuoteSelector`` (exact words, up to 32 code points of
    prefix and suffix) in the named graph that holds it. A span whose checksum does not
    match, or whose offsets fall outside the text, gets no quote and is reported; a
    document whose text is absent leaves its spans with offsets only."""
    texts = source_texts(dataset, project)
    report = EvidenceReport()
    for graph in list(dataset.graphs()):
        for evidence in set(graph.subjects(RDF.type, RKG.TextEvidence)):
            document = graph.value(evidence, PROV.entity)
            text = texts.get(document)
            position = _position(graph, evidence)
            if text is None or position is None:
                report.offsets_only += 1
                if document is not None and text is None:
                    report.absent.add(str(document))
                if position is None:
                    report.problems.append(
                        SpanProblem(str(evidence), str(document), "no oa:TextPositionSelector")
                    )
                continue
            start, end = position
            expected = str(graph.value(evidence, RKG.spanChecksum) or "")
            reason = None
            if not 0 <= start < end <= len(text):
                reason = f"offsets {start}-{end} outside the text ({len(text)} code points)"
            elif span_checksum(text[start:end]) != expected:
                reason = f"checksum {expected!r} does not match the text at {start}-{end}"
            if reason:
                report.problems.append(SpanProblem(str(evidence), str(document), reason))
                report.offsets_only += 1
                continue
            report.quoted += 1
            if add:
                quote = BNode()
                graph.add((evidence, OA.hasSelector, quote))
                graph.add((quote, RDF.type, OA.TextQuoteSelector))
                graph.add((quote, OA.exact, Literal(text[start:end])))
                graph.add((quote, OA.prefix, Literal(text[max(0, start - CONTEXT) : start])))
                graph.add((quote, OA.suffix, Literal(text[end : end + CONTEXT])))
    return report


@dataclass
class DocumentCoverage:
    """Statements (a node and one of its properties, in one document's graph) of one source
    document, by what backs them: a span of the text, a curator's inference or a public
    reference, or nothing (``unsupported`` lists those as (node, property) pairs)."""

    document: str
    statements: int = 0
    text: int = 0
    inferred: int = 0
    reference: int = 0
    unsupported: list[tuple[str, str]] = field(default_factory=list)

    @property
    def covered(self) -> int:
        return self.text + self.inferred + self.reference


def evidence_coverage(dataset: Dataset) -> list[DocumentCoverage]:
    """How many statements of each seed document's graph have evidence. A statement is a
    node that the graph derives from the document (``prov:wasDerivedFrom``) with one of its
    properties there (provenance and comments aside); it counts as backed by text when a
    ``rkg:TextEvidence`` of the node names the property in ``rkg:supports``, else as
    inferred or reference when such a derivation names it."""
    kinds = ((RKG.TextEvidence, "text"), (RKG.CuratorInference, "inferred"))
    kinds += ((RKG.ReferenceBasis, "reference"),)
    result = []
    for graph in dataset.graphs():
        documents = {d for kind in _SEED_KINDS for d in graph.subjects(RDF.type, kind)} & set(
            graph.subjects(RKG.sourceFile, None)
        )
        for document in sorted(documents):
            coverage = DocumentCoverage(str(document))
            for node in sorted(set(graph.subjects(PROV.wasDerivedFrom, document))):
                backed: dict[URIRef, str] = {}
                for derivation in graph.objects(node, PROV.qualifiedDerivation):
                    for kind, name in kinds:
                        if (derivation, RDF.type, kind) in graph:
                            for prop in graph.objects(derivation, RKG.supports):
                                # text evidence wins over an inference for the same property
                                if backed.get(prop) != "text":
                                    backed[prop] = name
                for prop in sorted({p for p in graph.predicates(node, None)} - META):
                    coverage.statements += 1
                    how = backed.get(prop)
                    if how is None:
                        coverage.unsupported.append((str(node), str(prop)))
                    else:
                        setattr(coverage, how, getattr(coverage, how) + 1)
            result.append(coverage)
    return sorted(result, key=lambda c: c.document)
