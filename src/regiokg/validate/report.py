"""A SHACL validation report for people who have never read one.

pySHACL answers with a report graph: one ``sh:ValidationResult`` per problem, naming the
focus node, the property path, the value and the shape by IRI. :func:`read_report` turns
that graph into :class:`ValidationResult` records that also carry what a person needs to
find and fix the problem: the label of the node, the name and description of the shape,
the message written for the constraint, and the source files and documents the node comes
from. :class:`ValidationReport` groups them by shape and renders them as text (rich, and
readable without colour), JSON or the original Turtle.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from rdflib import RDFS, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import FOAF, PROV, SH, SKOS, XSD
from rdflib.term import Node
from rich.console import Console
from rich.table import Table
from rich.text import Text

from regiokg.prefixes import PREFIXES, curie

__all__ = ["ValidationReport", "ValidationResult", "read_report"]

SCHEMA_NAME = URIRef(PREFIXES["schema"] + "name")

#: Severities in the order a reader should see them.
SEVERITIES = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}

_LABELS = (SKOS.prefLabel, RDFS.label, FOAF.name, SCHEMA_NAME)
_STYLE = {"violation": "bold red", "warning": "yellow", "info": "cyan"}


@dataclass(frozen=True)
class ValidationResult:
    """One problem: ``severity`` (``violation``, ``warning`` or ``info``), the node
    ``shape`` whose rule it breaks (with its ``shape_name``, ``shape_description`` and the
    ``constraint`` component), the ``focus`` node with its ``focus_label``, the property
    ``path``, the offending ``value`` (None when the problem is the node itself) with its
    ``value_label``, the ``message``, the ``sources`` (files or named graphs the node is
    stated in) and the ``documents`` it is derived from (``prov:wasDerivedFrom``)."""

    severity: str
    shape: Node
    shape_name: str
    shape_description: str
    constraint: URIRef
    focus: Node
    focus_label: str
    path: Node | None
    value: Node | None
    value_label: str
    message: str
    sources: tuple[str, ...] = ()
    documents: tuple[URIRef, ...] = ()

    def to_dict(self) -> dict:
        """The result as plain JSON types: IRIs as strings, values in N-Triples syntax."""
        return {
            "severity": self.severity,
            "shape": str(self.shape),
            "shape_name": self.shape_name,
            "shape_description": self.shape_description,
            "constraint": str(self.constraint),
            "focus": str(self.focus),
            "focus_label": self.focus_label,
            "path": None if self.path is None else str(self.path),
            "value": None if self.value is None else self.value.n3(),
            "value_label": self.value_label,
            "message": self.message,
            "sources": list(self.sources),
            "documents": [str(d) for d in self.documents],
        }


@dataclass
class ValidationReport:
    """What validation found: the ``results`` (see :class:`ValidationResult`), the SHACL
    report ``graph`` as pySHACL wrote it, and the ``prefixes`` used to shorten IRIs when
    the report is shown. The graph ``conforms`` when there is no violation; warnings and
    infos do not count against it."""

    results: list[ValidationResult]
    graph: Graph
    prefixes: dict[str, str] = field(default_factory=dict)

    @property
    def conforms(self) -> bool:
        return not self.violations

    @property
    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "violation"]

    @property
    def warnings(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "warning"]

    @property
    def counts(self) -> dict[str, int]:
        """Number of results per severity, every severity present (zero or more)."""
        return _count(self.results)

    def curie(self, term: Node | None) -> str:
        """``term`` shortened with the report's prefixes (``r:org/gapp``), literals in
        Turtle syntax; IRIs outside every prefix stay whole, in angle brackets."""
        if term is None:
            return ""
        if isinstance(term, Literal):
            if term.datatype == XSD.string:
                return _visible(Literal(str(term)).n3())
            text = term.n3()
            if term.datatype is not None:
                text = text.replace(term.datatype.n3(), self.curie(term.datatype))
            return _visible(text)
        if isinstance(term, URIRef):
            short = curie(str(term), self.prefixes)
            if short is not None:
                return short
        return term.n3()

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON: ``conforms``, ``counts`` and the list of ``results``."""
        body = {
            "conforms": self.conforms,
            "counts": self.counts,
            "results": [r.to_dict() for r in self.results],
        }
        return json.dumps(body, ensure_ascii=False, indent=indent)

    def to_turtle(self) -> str:
        """The SHACL report graph in Turtle, as other SHACL tools read it."""
        return self.graph.serialize(format="turtle")

    def to_text(self, *, width: int = 100) -> str:
        """The report as plain text (see :meth:`render`), without colour."""
        buffer = io.StringIO()
        # Inside Jupyter rich would print to the notebook instead of the buffer.
        console = Console(
            file=buffer, width=width, color_system=None, highlight=False, force_jupyter=False
        )
        self.render(console)
        # rich pads table cells to the full width; the padding only gets in a reader's way.
        return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"

    def render(self, console: Console, *, brief: bool = False) -> None:
        """Print the report on a rich ``console``: results grouped by shape, the shapes
        with violations first, each result with the node's label and IRI, the property,
        the value, the message and the source; then the counts per severity. ``brief``
        prints one line per result instead."""
        if brief:
            for _, results in self._groups():
                for r in results:
                    line = Text(f"{r.severity}: ", style=_STYLE.get(r.severity, ""))
                    line.append(f"{r.focus_label} ({self.curie(r.focus)}) ")
                    line.append(f"{self.curie(r.path)}: {r.message}".lstrip(": "))
                    console.print(line)
            console.print(Text(self.summary(), style="bold"))
            return
        for shape, results in self._groups():
            first = results[0]
            tally = _tally(_count(results))
            console.print()
            console.rule(Text(f"{first.shape_name} ({self.curie(shape)}): {tally}"), align="left")
            if first.shape_description:
                console.print(Text(first.shape_description, style="italic"))
            for result in results:
                self._render_result(console, result)
        console.print()
        console.print(Text(self.summary(), style="bold"))

    def summary(self) -> str:
        """One sentence: the counts per severity and whether the graph conforms."""
        tally = _tally(self.counts)
        if self.conforms:
            return f"The graph conforms to the shapes ({tally})."
        return f"The graph does not conform to the shapes: {tally}."

    def _groups(self) -> list[tuple[Node, list[ValidationResult]]]:
        groups: dict[Node, list[ValidationResult]] = {}
        for result in self.results:
            groups.setdefault(result.shape, []).append(result)
        order = list(SEVERITIES.values())
        for results in groups.values():
            results.sort(key=lambda r: (order.index(r.severity), r.focus_label, str(r.focus)))
        return sorted(
            groups.items(),
            key=lambda kv: (min(order.index(r.severity) for r in kv[1]), kv[1][0].shape_name),
        )

    def _render_result(self, console: Console, result: ValidationResult) -> None:
        console.print()
        head = Text("  ")
        head.append(result.severity.upper(), style=_STYLE.get(result.severity, ""))
        head.append(f"  {result.focus_label}  ", style="bold")
        head.append(self.curie(result.focus))
        console.print(head)
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column()
        if result.path is not None:
            grid.add_row("    property", self.curie(result.path))
        if result.value is not None:
            value = self.curie(result.value)
            if result.value_label:
                value += f"  ({result.value_label})"
            grid.add_row("    value", value)
        grid.add_row("    problem", result.message)
        if result.sources or result.documents:
            where = ", ".join(result.sources)
            documents = ", ".join(self.curie(d) for d in result.documents)
            if documents:
                where = f"{where}  (from {documents})" if where else documents
            grid.add_row("    source", where)
        console.print(grid)


def _count(results: list[ValidationResult]) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES.values(), 0)
    for result in results:
        counts[result.severity] += 1
    return counts


def _tally(counts: Mapping[str, int]) -> str:
    parts = [f"{n} {name}{'' if n == 1 else 's'}" for name, n in counts.items() if n]
    return ", ".join(parts) if parts else "no violations, no warnings"


def read_report(
    report_graph: Graph,
    *,
    shapes: Graph,
    dataset: Dataset,
    ontology_iri: URIRef,
    sources: Mapping[str, str],
    prefixes: Mapping[str, str],
) -> ValidationReport:
    """Turn pySHACL's report graph into a :class:`ValidationReport`, looking up shape
    names in ``shapes`` and labels and sources of nodes in ``dataset`` (whose named graphs
    ``sources`` maps to the files they were read from)."""
    where = _Provenance(dataset, ontology_iri, sources)
    results = []
    for node in report_graph.objects(None, SH.result):
        focus = report_graph.value(node, SH.focusNode)
        source_shape = report_graph.value(node, SH.sourceShape)
        shape = _node_shape(shapes, source_shape)
        value = report_graph.value(node, SH.value)
        if value == focus:
            value = None
        results.append(
            ValidationResult(
                severity=SEVERITIES.get(report_graph.value(node, SH.resultSeverity), "info"),
                shape=shape,
                shape_name=_text(shapes, shape, (RDFS.label, SH.name)) or str(shape),
                shape_description=_text(shapes, shape, (RDFS.comment, SH.description)),
                constraint=report_graph.value(node, SH.sourceConstraintComponent),
                focus=focus,
                focus_label=where.label(focus),
                path=report_graph.value(node, SH.resultPath),
                value=value,
                value_label=where.label(value, fallback="") if value is not None else "",
                message=_text(report_graph, node, (SH.resultMessage,)),
                sources=where.files(focus),
                documents=where.documents(focus),
            )
        )
    return ValidationReport(results=results, graph=report_graph, prefixes=dict(prefixes))


def _node_shape(shapes: Graph, source_shape: Node) -> Node:
    """The node shape a result belongs to: the source shape itself, or the node shape
    whose ``sh:property`` it is."""
    parent = shapes.value(None, SH.property, source_shape)
    return parent if parent is not None else source_shape


def _text(graph: Graph, node: Node, predicates: tuple[URIRef, ...]) -> str:
    """The English (else untagged, else any) value of the first predicate that has one."""
    for predicate in predicates:
        values = [v for v in graph.objects(node, predicate) if isinstance(v, Literal)]
        if values:
            values.sort(key=lambda v: (v.language not in ("en", None), v.language or ""))
            return str(values[0])
    return ""


class _Provenance:
    """Labels, files and documents of nodes, looked up in the validated dataset."""

    def __init__(self, dataset: Dataset, ontology_iri: URIRef, sources: Mapping[str, str]):
        self.dataset = dataset
        self.ontology_iri = ontology_iri
        self.sources = sources

    def _stated(self, node: Node) -> Node:
        # A blank node (a postal address) is found through the node that points to it.
        if isinstance(node, BNode):
            owner = next(iter(self.dataset.subjects(None, node)), None)
            if owner is not None:
                return owner
        return node

    def label(self, node: Node, *, fallback: str | None = None) -> str:
        if not isinstance(node, URIRef | BNode):
            return ""
        for predicate in _LABELS:
            text = _text(self.dataset, node, (predicate,))
            if text:
                return text
        owner = self._stated(node)
        if owner is not node:
            return f"(part of {self.label(owner)})"
        return "(no label)" if fallback is None else fallback

    def files(self, node: Node) -> tuple[str, ...]:
        node = self._stated(node)
        # Dataset.quads yields graph names in rdflib 7, graphs in older releases.
        names = {getattr(g, "identifier", g) for *_, g in self.dataset.quads((node, None, None))}
        found = {str(name) for name in names if name != self.ontology_iri}
        # Several named graphs can come from one file (an N-Quads dump): name it once.
        return tuple(sorted({self.sources.get(g, g) for g in found}))

    def documents(self, node: Node) -> tuple[URIRef, ...]:
        node = self._stated(node)
        return tuple(sorted(set(self.dataset.objects(node, PROV.wasDerivedFrom))))


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _visible(text: str) -> str:
    """``text`` with control characters written as ``\\uXXXX``, so a report shows them."""
    return _CONTROL.sub(lambda m: f"\\u{ord(m[0]):04X}", text)
