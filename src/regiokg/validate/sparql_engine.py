"""SHACL validation on the SPARQL store: the shapes compiled to one query per constraint.

pySHACL evaluates each constraint once per focus node in Python over an rdflib graph, which
costs minutes and gigabytes at a million triples. This engine compiles every constraint of
every shape into one SPARQL query that finds all the focus nodes that break it at once, and
runs the queries on a pyoxigraph store (the embedded store, or one filled from files). The
results are the same records pySHACL gives (focus node, path, value, severity, shape,
constraint component, message), and :func:`validate_store` returns them as the same
:class:`~regiokg.validate.report.ValidationReport`; a conformance test requires identical
results from both engines on every fixture.

What the engine reproduces of pySHACL's RDFS inference (``inference="rdfs"`` over the
ontology's hierarchies): targets and ``sh:class`` see instances of subclasses, and a path
sees the values of its subproperties. Both are expanded when the shapes are compiled, from
the ``rdfs:subClassOf`` and ``rdfs:subPropertyOf`` statements in the store, so the queries
need no property paths.

The shapes may use the SHACL Core constraints this project's shapes use (targets by class,
subjects, objects or node; predicate paths; cardinality, qualified cardinality, value type,
node kind, datatype, pattern, language, range, ``sh:uniqueLang``, ``sh:hasValue``,
``sh:node`` and ``sh:or``) and SHACL-SPARQL SELECT constraints. Anything else raises
:class:`UnsupportedShape`, so that a caller can fall back to pySHACL.

The module is long because the compiler is one recursive translation (a constraint's
condition may nest ``sh:node`` and ``sh:or`` shapes to any depth, all sharing the class
and property hierarchies and one supply of fresh variable names); split by constraint,
each part would need all of that passed around.

One difference is known and cannot be removed here: Oxigraph stores literals of the
derived integer types (``xsd:nonNegativeInteger``, ``xsd:int`` …) as ``xsd:integer``, so
``sh:datatype xsd:nonNegativeInteger`` accepts an ``xsd:integer`` in range; pySHACL would
not.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from regiokg.convert import to_rdflib

__all__ = ["Check", "UnsupportedShape", "compile_shapes", "find_violations", "report_graph"]

Progress = Callable[[int, int], None]


class UnsupportedShape(ValueError):
    """A shape uses a SHACL feature the SPARQL engine does not compile; the message names
    the shape and the feature."""


@dataclass(frozen=True)
class Check:
    """One compiled constraint: the SPARQL ``query`` whose rows are its results, the
    ``shape`` that reports them (a property shape or a node shape), the constraint
    ``component``, the ``severity``, the ``path`` (None for node shapes), the ``messages``
    and whether rows come from a SHACL-SPARQL constraint (``sparql``: the row's ``?path``
    and ``?value`` are taken and the message's ``{?var}`` are filled in)."""

    query: str
    shape: Node
    component: URIRef
    severity: URIRef
    path: URIRef | None
    messages: tuple[Literal, ...]
    sparql: bool = False
    value_is_focus: bool = False


@dataclass(frozen=True)
class Finding:
    """One result of a check: ``focus``, ``value`` (or None) and ``path`` (or None), with
    the check it comes from and the bound variables that fill in its message."""

    check: Check
    focus: Node
    path: Node | None
    value: Node | None
    bindings: tuple[tuple[str, Node], ...] = ()


_VALUE_COMPONENTS = {
    SH["class"]: SH.ClassConstraintComponent,
    SH.datatype: SH.DatatypeConstraintComponent,
    SH.nodeKind: SH.NodeKindConstraintComponent,
    SH.pattern: SH.PatternConstraintComponent,
    SH.languageIn: SH.LanguageInConstraintComponent,
    SH.minInclusive: SH.MinInclusiveConstraintComponent,
    SH.maxInclusive: SH.MaxInclusiveConstraintComponent,
    SH.minExclusive: SH.MinExclusiveConstraintComponent,
    SH.maxExclusive: SH.MaxExclusiveConstraintComponent,
    SH.node: SH.NodeConstraintComponent,
    SH["or"]: SH.OrConstraintComponent,
}
_COUNT_COMPONENTS = {
    SH.minCount: SH.MinCountConstraintComponent,
    SH.maxCount: SH.MaxCountConstraintComponent,
}
#: Shape properties that describe rather than constrain.
_DESCRIPTIVE = {
    RDF.type,
    RDFS.label,
    RDFS.comment,
    SH.name,
    SH.description,
    SH.message,
    SH.severity,
    SH.path,
    SH.order,
    SH.group,
    SH.targetClass,
    SH.targetSubjectsOf,
    SH.targetObjectsOf,
    SH.targetNode,
    SH.property,
    SH.sparql,
    SH.qualifiedValueShapesDisjoint,
    SH.qualifiedMinCount,
    SH.qualifiedMaxCount,
    SH.declare,
    URIRef("http://www.w3.org/2002/07/owl#imports"),
    URIRef("http://purl.org/dc/terms/title"),
    URIRef("http://purl.org/dc/terms/description"),
}
_NODE_KINDS = {
    SH.IRI: "isIRI({v})",
    SH.BlankNode: "isBlank({v})",
    SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "(isIRI({v}) || isBlank({v}))",
    SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}
#: Datatypes whose lexical form the store can check with a cast to the type itself.
_CASTABLE = {
    XSD.date,
    XSD.dateTime,
    XSD.time,
    XSD.gYear,
    XSD.gYearMonth,
    XSD.decimal,
    XSD.integer,
    XSD.boolean,
    XSD.double,
    XSD.float,
    XSD.duration,
}
#: Derived integer types, stored by Oxigraph as xsd:integer, with their lowest value.
_INTEGERS = {
    XSD.nonNegativeInteger: 0,
    XSD.positiveInteger: 1,
    XSD.nonPositiveInteger: None,
    XSD.negativeInteger: None,
    XSD.long: None,
    XSD.int: None,
    XSD.short: None,
    XSD.byte: None,
    XSD.unsignedInt: 0,
    XSD.unsignedLong: 0,
}
_LANGUAGE_TAG = "^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$"
_SELECT = re.compile(r"\bSELECT\b", re.IGNORECASE)
# A group that is not a subquery and not the pattern of EXISTS / NOT EXISTS (which sees
# the bindings of the solution it tests, ?this among them).
_OPENING = re.compile(r"(?<!EXISTS )\{(?!\s*SELECT\b)", re.IGNORECASE)
_THIS = re.compile(r"\$this\b")
_MESSAGE_VAR = re.compile(r"\{[?$](\w+)\}")
_TYPE_OF = re.compile(r"(?<![\w?$:])a\s+((?:[A-Za-z][\w-]*)?:[\w-]+|<[^>\s]+>)")
_INSTANCE_OF = f"<{RDF.type}>/<{RDFS.subClassOf}>*"


def _string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _term(node: Node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        if node.language:
            return f"{_string(str(node))}@{node.language}"
        datatype = node.datatype or XSD.string
        return f"{_string(str(node))}^^<{datatype}>"
    raise UnsupportedShape(f"a blank node ({node}) cannot be a value in a compiled query")


def _values(var: str, nodes: Iterable[Node]) -> str:
    return f"VALUES {var} {{ {' '.join(sorted(_term(n) for n in nodes))} }}"


def _closure(pairs: Iterable[tuple[Node, Node]]) -> dict[Node, set[Node]]:
    """Each node and everything below it (itself included), from (sub, super) pairs."""
    below: dict[Node, set[Node]] = {}
    for sub, sup in pairs:
        below.setdefault(sup, set()).add(sub)

    def down(node: Node) -> set[Node]:
        seen, todo = {node}, [node]
        while todo:
            for sub in below.get(todo.pop(), ()):
                if sub not in seen:
                    seen.add(sub)
                    todo.append(sub)
        return seen

    return {node: down(node) for node in list(below)}


class _Compiler:
    def __init__(self, shapes: Graph, classes, properties):
        self.shapes = shapes
        self.classes = classes
        self.properties = properties
        self._fresh = itertools.count()
        self.prefixes = "".join(
            f"PREFIX {prefix}: <{namespace}>\n"
            for prefix, namespace in sorted(
                (str(shapes.value(d, SH.prefix)), str(shapes.value(d, SH.namespace)))
                for d in shapes.objects(None, SH.declare)
            )
        )

    def var(self, stem: str) -> str:
        return f"?_{stem}{next(self._fresh)}"

    def subclasses(self, cls: Node) -> set[Node]:
        return self.classes.get(cls, {cls})

    def subproperties(self, prop: Node) -> set[Node]:
        return self.properties.get(prop, {prop})

    # --- patterns

    def target(self, shape: Node, this: str = "?this") -> str | None:
        """A graph pattern that binds ``this`` to each focus node of ``shape``."""
        parts = []
        classes = set().union(
            *(self.subclasses(c) for c in self.shapes.objects(shape, SH.targetClass))
        )
        if classes:
            t = self.var("type")
            parts.append(f"{this} a {t} . {_values(t, classes)}")
        for prop in self.shapes.objects(shape, SH.targetSubjectsOf):
            parts.append(self.edge(this, prop, self.var("o")))
        for prop in self.shapes.objects(shape, SH.targetObjectsOf):
            parts.append(self.edge(self.var("s"), prop, this))
        nodes = list(self.shapes.objects(shape, SH.targetNode))
        if nodes:
            parts.append(_values(this, nodes))
        if not parts:
            return None
        return " UNION ".join(f"{{ {p} }}" for p in parts) if len(parts) > 1 else parts[0]

    def edge(self, subject: str, prop: Node, obj: str) -> str:
        if not isinstance(prop, URIRef):
            raise UnsupportedShape(f"only predicate paths are compiled, not {prop!r}")
        props = self.subproperties(prop)
        if len(props) == 1:
            return f"{subject} {_term(prop)} {obj} ."
        p = self.var("p")
        return f"{subject} {p} {obj} . {_values(p, props)}"

    # --- conditions on one value node

    def conforms(self, shape: Node, v: str) -> str:
        """A SPARQL expression, never an error, true when the node ``v`` conforms to the
        node-level constraints and property shapes of ``shape``."""
        terms = [self.value_condition(shape, p, o, v) for p, o in self._constraints(shape)]
        for prop_shape in self.shapes.objects(shape, SH.property):
            terms.append(self.nested_property(prop_shape, v))
        return " && ".join(f"({t})" for t in terms) if terms else "true"

    def _constraints(self, shape: Node) -> list[tuple[Node, Node]]:
        found = []
        for p, o in self.shapes.predicate_objects(shape):
            if p in _VALUE_COMPONENTS or p == SH.hasValue:
                found.append((p, o))
            elif (
                p not in _DESCRIPTIVE
                and p not in _COUNT_COMPONENTS
                and p
                not in (
                    SH.qualifiedValueShape,
                    SH.uniqueLang,
                    SH.select,
                    SH.prefixes,
                )
            ):
                raise UnsupportedShape(f"shape {shape}: {p} is not compiled to SPARQL")
        return sorted(found)

    def value_condition(self, shape: Node, p: Node, o: Node, v: str) -> str:
        if p == SH["class"]:
            t = self.var("type")
            return f"EXISTS {{ {v} a {t} . {_values(t, self.subclasses(o))} }}"
        if p == SH.datatype:
            return self.datatype(o, v)
        if p == SH.nodeKind:
            return _NODE_KINDS[o].format(v=v)
        if p == SH.pattern:
            flags = self.shapes.value(shape, SH.flags)
            extra = f", {_string(str(flags))}" if flags else ""
            return f"COALESCE(!isBlank({v}) && REGEX(STR({v}), {_string(str(o))}{extra}), false)"
        if p == SH.languageIn:
            tags = [
                f"LANGMATCHES(LANG({v}), {_string(str(t))})" for t in Collection(self.shapes, o)
            ]
            return f"COALESCE(isLiteral({v}) && ({' || '.join(tags) or 'false'}), false)"
        if p in (SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive):
            op = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">"}.get(p, "<")
            return f"COALESCE(isLiteral({v}) && {v} {op} {_term(o)}, false)"
        if p == SH.node:
            return self.conforms(o, v)
        if p == SH["or"]:
            branches = [self.conforms(s, v) for s in Collection(self.shapes, o)]
            return " || ".join(f"({b})" for b in branches) or "false"
        if p == SH.hasValue:
            return f"sameTerm({v}, {_term(o)})"
        raise UnsupportedShape(f"shape {shape}: {p} is not compiled to SPARQL")

    def datatype(self, datatype: Node, v: str) -> str:
        if datatype == RDF.langString:
            return f'COALESCE(isLiteral({v}) && LANG({v}) != "", false)'
        if datatype in _INTEGERS:
            lowest = _INTEGERS[datatype]
            stored = f"DATATYPE({v}) IN ({_term(datatype)}, {_term(XSD.integer)})"
            bound = f" && {v} >= {lowest}" if lowest is not None else ""
            return f"COALESCE(isLiteral({v}) && {stored}{bound}, false)"
        same = f'isLiteral({v}) && LANG({v}) = "" && DATATYPE({v}) = {_term(datatype)}'
        if datatype in _CASTABLE:
            same += f' && STR({_term(datatype)}(STR({v}))) != ""'
        elif datatype == XSD.language:
            same += f" && REGEX(STR({v}), {_string(_LANGUAGE_TAG)})"
        return f"COALESCE({same}, false)"

    def nested_property(self, prop_shape: Node, v: str) -> str:
        """A property shape inside a shape reached by sh:node or sh:or, as a condition."""
        path = self.shapes.value(prop_shape, SH.path)
        terms = []
        for p, o in self._constraints(prop_shape):
            if p == SH.hasValue:
                terms.append(f"EXISTS {{ {self.edge(v, path, _term(o))} }}")
            else:
                w = self.var("w")
                condition = self.value_condition(prop_shape, p, o, w)
                terms.append(f"NOT EXISTS {{ {self.edge(v, path, w)} FILTER (!({condition})) }}")
        for p in (SH.minCount, SH.maxCount, SH.qualifiedValueShape, SH.uniqueLang):
            if self.shapes.value(prop_shape, p) is not None:
                raise UnsupportedShape(f"{p} inside a nested shape is not compiled to SPARQL")
        return " && ".join(f"({t})" for t in terms) if terms else "true"

    # --- checks of targeted shapes

    def compile(self) -> list[Check]:
        checks = []
        shapes = sorted(
            set(self.shapes.subjects(RDF.type, SH.NodeShape))
            | set(self.shapes.subjects(SH.property, None)),
            key=str,
        )
        for shape in shapes:
            target = self.target(shape)
            if target is None:
                continue
            severity = self.shapes.value(shape, SH.severity) or SH.Violation
            focus = f"{{ SELECT DISTINCT ?this WHERE {{ {target} }} }}"
            for p, o in self._constraints(shape):
                condition = self.value_condition(shape, p, o, "?this")
                query = f"SELECT DISTINCT ?this WHERE {{ {focus} FILTER (!({condition})) }}"
                checks.append(
                    self._check(query, shape, _component(p), severity, None, value_is_focus=True)
                )
            for prop_shape in sorted(self.shapes.objects(shape, SH.property), key=str):
                checks.extend(self.property_checks(prop_shape, focus))
            for constraint in sorted(self.shapes.objects(shape, SH.sparql), key=str):
                checks.append(self.sparql_check(shape, constraint, severity))
        return checks

    def _check(self, query, shape, component, severity, path, **kwargs) -> Check:
        messages = tuple(
            m for m in self.shapes.objects(shape, SH.message) if isinstance(m, Literal)
        )
        return Check(self.prefixes + query, shape, component, severity, path, messages, **kwargs)

    def property_checks(self, prop: Node, focus: str) -> list[Check]:
        path = self.shapes.value(prop, SH.path)
        severity = self.shapes.value(prop, SH.severity) or SH.Violation
        values = self.edge("?this", path, "?value")
        checks = []

        def add(query: str, component: URIRef) -> None:
            checks.append(self._check(query, prop, component, severity, path))

        for p, o in self._constraints(prop):
            if p == SH.hasValue:
                has = self.edge("?this", path, _term(o))
                query = f"SELECT ?this WHERE {{ {focus} FILTER NOT EXISTS {{ {has} }} }}"
                add(query, SH.HasValueConstraintComponent)
                continue
            condition = self.value_condition(prop, p, o, "?value")
            query = (
                f"SELECT DISTINCT ?this ?value WHERE {{ {focus} {values} FILTER (!({condition})) }}"
            )
            add(query, _component(p))
        for p, component in _COUNT_COMPONENTS.items():
            bound = self.shapes.value(prop, p)
            if bound is not None:
                add(self.count_query(focus, values, None, p == SH.minCount, int(bound)), component)
        qualified = self.shapes.value(prop, SH.qualifiedValueShape)
        if qualified is not None:
            condition = self.conforms(qualified, "?value")
            for p, component in (
                (SH.qualifiedMinCount, SH.QualifiedMinCountConstraintComponent),
                (SH.qualifiedMaxCount, SH.QualifiedMaxCountConstraintComponent),
            ):
                bound = self.shapes.value(prop, p)
                if bound is not None:
                    query = self.count_query(
                        focus, values, condition, p == SH.qualifiedMinCount, int(bound)
                    )
                    add(query, component)
        unique = self.shapes.value(prop, SH.uniqueLang)
        if unique is not None and unique.toPython() is True:
            other = self.edge("?this", path, "?other")
            query = (
                f"SELECT DISTINCT ?this ?lang WHERE {{ {focus} {values} {other} "
                f'FILTER (isLiteral(?value) && LANG(?value) != "" && !sameTerm(?value, ?other) '
                "&& LCASE(LANG(?value)) = LCASE(LANG(?other))) "
                "BIND (LCASE(LANG(?value)) AS ?lang) }"
            )
            add(query, SH.UniqueLangConstraintComponent)
        return checks

    def count_query(
        self, focus: str, values: str, condition: str | None, at_least: bool, bound: int
    ) -> str:
        where = values + (f" FILTER ({condition})" if condition else "")
        if at_least and bound == 1:
            return f"SELECT ?this WHERE {{ {focus} FILTER NOT EXISTS {{ {where} }} }}"
        if at_least:
            return (
                f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ {where} }} }} "
                f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) < {bound})"
            )
        return (
            f"SELECT ?this WHERE {{ {focus} {where} }} "
            f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {bound})"
        )

    def sparql_check(self, shape: Node, constraint: Node, severity: URIRef) -> Check:
        select = self.shapes.value(constraint, SH.select)
        if select is None:
            raise UnsupportedShape(f"shape {shape}: a SPARQL constraint without sh:select")
        text = _THIS.sub("?this", str(select))
        text = re.sub(r"EXISTS\s*\{", "EXISTS {", text)

        # The query is evaluated once for all focus nodes, not with $this pre-bound: every
        # group that is not a subquery or an EXISTS pattern gets the target pattern, so
        # that ?this is bound to a focus node wherever the original relied on the
        # pre-binding (a branch of UNION testing FILTER NOT EXISTS). Where ?this is
        # already bound it changes nothing.
        def bind_this(match: re.Match) -> str:
            return "{ " + self.target(shape) + " "

        text = _OPENING.sub(bind_this, text)
        text = _instances_of_subclasses(text)
        text = _SELECT.sub("SELECT DISTINCT", text, count=1).replace(
            "DISTINCT DISTINCT", "DISTINCT"
        )
        messages = tuple(
            m for m in self.shapes.objects(constraint, SH.message) if isinstance(m, Literal)
        )
        return Check(
            self.prefixes + text,
            shape,
            SH.SPARQLConstraintComponent,
            severity,
            None,
            messages,
            sparql=True,
        )


def _instances_of_subclasses(text: str) -> str:
    """``?x a C`` in a SHACL-SPARQL query made to match instances of subclasses of C too,
    as under pySHACL's RDFS inference (the ontology's hierarchy is in the store); string
    literals in the query are left alone."""
    parts = text.split('"')
    for i in range(0, len(parts), 2):
        parts[i] = _TYPE_OF.sub(lambda m: f"{_INSTANCE_OF} {m.group(1)}", parts[i])
    return '"'.join(parts)


def _component(p: Node) -> URIRef:
    return _VALUE_COMPONENTS.get(p) or SH.HasValueConstraintComponent


def hierarchy(store: ox.Store) -> tuple[dict[Node, set[Node]], dict[Node, set[Node]]]:
    """The class and property hierarchies stated in ``store``: each class (property) with
    all its subclasses (subproperties), itself included."""
    found = []
    for predicate in (RDFS.subClassOf, RDFS.subPropertyOf):
        query = f"SELECT DISTINCT ?sub ?super WHERE {{ ?sub <{predicate}> ?super }}"
        rows = store.query(query, use_default_graph_as_union=True)
        pairs = [(to_rdflib(r["sub"]), to_rdflib(r["super"])) for r in rows]
        found.append(
            _closure((s, o) for s, o in pairs if isinstance(s, URIRef) and isinstance(o, URIRef))
        )
    return found[0], found[1]


def compile_shapes(shapes: Graph, store: ox.Store) -> list[Check]:
    """Compile every constraint of the targeted shapes in ``shapes`` into SPARQL, with
    class and property hierarchies taken from ``store``; raises :class:`UnsupportedShape`
    for what is not compiled."""
    classes, properties = hierarchy(store)
    return _Compiler(shapes, classes, properties).compile()


def find_violations(
    store: ox.Store, checks: list[Check], *, progress: Progress | None = None
) -> list[Finding]:
    """Run each check on ``store`` (default graph = union of its named graphs) and return
    the results, in the order of the checks."""
    findings = []
    for n, check in enumerate(checks):
        for row in store.query(check.query, use_default_graph_as_union=True):
            findings.append(_finding(check, row))
        if progress is not None:
            progress(n + 1, len(checks))
    return findings


def _finding(check: Check, row: ox.QuerySolution) -> Finding:
    focus = to_rdflib(row["this"])
    if not check.sparql:
        value = focus if check.value_is_focus else _optional(row, "value")
        return Finding(check, focus, check.path, value)
    bindings = tuple(
        (str(var.value), to_rdflib(row[var])) for var in _variables(check) if row[var] is not None
    )
    path = _optional(row, "path")
    value = _optional(row, "value")
    return Finding(check, focus, path, value if value is not None else focus, bindings)


def _variables(check: Check) -> list[ox.Variable]:
    names = re.findall(r"\?(\w+)", check.query.split("WHERE", 1)[0])
    return [ox.Variable(n) for n in dict.fromkeys(names) if not n.startswith("_")]


def _optional(row: ox.QuerySolution, name: str) -> Node | None:
    term = row[name]
    return None if term is None else to_rdflib(term)


def report_graph(findings: list[Finding]) -> Graph:
    """The SHACL validation report of ``findings`` as pySHACL writes it: one
    ``sh:ValidationResult`` per finding, with ``sh:conforms`` false when any is a
    violation."""
    graph = Graph()
    graph.bind("sh", str(SH))
    report = BNode()
    graph.add((report, RDF.type, SH.ValidationReport))
    conforms = not any(f.check.severity == SH.Violation for f in findings)
    graph.add((report, SH.conforms, Literal(conforms)))
    for finding in findings:
        check = finding.check
        node = BNode()
        graph.add((report, SH.result, node))
        graph.add((node, RDF.type, SH.ValidationResult))
        graph.add((node, SH.focusNode, finding.focus))
        graph.add((node, SH.resultSeverity, check.severity))
        graph.add((node, SH.sourceConstraintComponent, check.component))
        graph.add((node, SH.sourceShape, check.shape))
        if finding.path is not None:
            graph.add((node, SH.resultPath, finding.path))
        if finding.value is not None:
            graph.add((node, SH.value, finding.value))
        for message in check.messages:
            graph.add((node, SH.resultMessage, _fill(message, finding)))
    return graph


def _fill(message: Literal, finding: Finding) -> Literal:
    if not finding.check.sparql:
        return message
    values = dict(finding.bindings)
    values.setdefault("this", finding.focus)

    def replace(match: re.Match) -> str:
        value = values.get(match.group(1))
        return match.group(0) if value is None else str(value)

    return Literal(_MESSAGE_VAR.sub(replace, str(message)), lang=message.language)


def described(
    store: ox.Store, findings: list[Finding], graph_names: Mapping | None = None
) -> Dataset:
    """A small dataset with what the report needs to know of the nodes in ``findings``:
    their statements (for labels, sources and documents), and for blank nodes the
    statements that point to them and those of their owners."""
    dataset = Dataset(default_union=True)
    wanted = {f.focus for f in findings} | {f.value for f in findings if f.value is not None}
    seen: set[Node] = set()
    while wanted:
        owners = set()
        for node in wanted - seen:
            seen.add(node)
            if isinstance(node, Literal):
                continue
            term = ox.BlankNode(str(node)) if isinstance(node, BNode) else ox.NamedNode(str(node))
            quads = list(store.quads_for_pattern(term, None, None))
            if isinstance(node, BNode):
                pointing = list(store.quads_for_pattern(None, None, term))
                quads += pointing
                owners |= {to_rdflib(q.subject) for q in pointing}
            for q in quads:
                graph = dataset.graph(
                    to_rdflib(q.graph_name)
                    if not isinstance(q.graph_name, ox.DefaultGraph)
                    else URIRef("urn:x-default")
                )
                graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
        wanted = owners
    return dataset
