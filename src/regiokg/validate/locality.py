"""How far from its focus node a compiled validation query can look, and so which focus
nodes a change to the graph can affect.

A check of :mod:`regiokg.validate.sparql_engine` is one SPARQL query whose rows carry the
focus node in ``?this``. :func:`reach_of` reads the query with rdflib's SPARQL parser and
finds, for every triple pattern, a chain of triple patterns that leads to it from
``?this`` (through patterns evaluated together with it: the same group, or an enclosing
one). A triple can change the rows of a focus node only if it matches some pattern and the
chain leads from the focus node to it in the graph before or after the change; walking the
chains backwards from the changed triples (:meth:`Reach.affected`) therefore finds every
focus node whose results may differ. A query with a pattern no chain reaches (it looks at
the whole graph), a ``*`` or ``+`` path, LIMIT, or a grouping not by ``?this`` has no
reach: it must run in full. ``rdfs:subClassOf*`` (the class hierarchy the engine adds to
``a C``) is allowed as long as the hierarchy itself is unchanged.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import RDFS, URIRef, Variable
from rdflib.paths import AlternativePath, InvPath, MulPath, NegatedPath, SequencePath
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue

from regiokg.convert import to_oxigraph

__all__ = ["HIERARCHY", "Reach", "reach_of"]

#: Predicates whose change alters the compiled queries themselves (class and property
#: hierarchies): with such a change every check runs in full.
HIERARCHY = frozenset({RDFS.subClassOf, RDFS.subPropertyOf})
_THIS = Variable("this")
#: A chain longer than this is not walked: the check runs in full.
MAX_DEPTH = 4

# One step of a chain: the predicates it may use (None: any) and whether it goes from
# subject to object (True) or back.
Step = tuple[frozenset | None, bool]


@dataclass(frozen=True)
class _Pattern:
    subject: object
    predicates: frozenset | None
    object: object


@dataclass(frozen=True)
class _Target:
    """A pattern whose near end (``at_subject`` or not) a chain of ``steps`` reaches."""

    predicates: frozenset | None
    at_subject: bool
    steps: tuple[Step, ...]


class Unbounded(Exception):
    """The query looks beyond any fixed distance from ?this."""


@dataclass(frozen=True)
class Reach:
    """The patterns of one check with the chains that lead to them from ``?this``."""

    targets: tuple[_Target, ...]

    @property
    def depth(self) -> int:
        return max((len(t.steps) for t in self.targets), default=0)

    def affected(
        self,
        changed: Iterable[tuple[ox.Term, ox.Term, ox.Term]],
        stores: list[ox.Store],
        limit: int,
    ) -> set | None:
        """The focus nodes whose results the ``changed`` triples (added or removed) may
        alter, found by walking the chains backwards over ``stores`` (the graph before and
        after); None when more than ``limit`` nodes are met on the way."""
        found: set = set()
        for s, p, o in changed:
            for target in self.targets:
                if target.predicates is not None and p not in target.predicates:
                    continue
                nodes = {s if target.at_subject else o}
                for step in reversed(target.steps):
                    nodes = _back(nodes, step, stores)
                    if len(nodes) > limit:
                        return None
                found |= nodes
                if len(found) > limit:
                    return None
        return found


def _back(nodes: set, step: Step, stores: list[ox.Store]) -> set:
    """The nodes one step before ``nodes`` on a chain."""
    predicates, forward = step
    earlier = set()
    for node in nodes:
        for predicate in predicates if predicates is not None else (None,):
            for store in stores:
                if forward:
                    # the step is (earlier p node): look for triples ending at node
                    earlier |= {q.subject for q in store.quads_for_pattern(None, predicate, node)}
                elif not isinstance(node, ox.Literal):
                    earlier |= {q.object for q in store.quads_for_pattern(node, predicate, None)}
    return earlier


def reach_of(query: str) -> Reach | None:
    """The reach of a validation ``query`` (see the module's description), or None if the
    query may look at the whole graph."""
    try:
        algebra = prepareQuery(query).algebra
        analysis = _Analysis()
        _inline_data(algebra, analysis)
        analysis.scope(algebra["p"], [], root=True)
        return as_oxigraph_predicates(Reach(tuple(analysis.targets)))
    except Unbounded:
        return None


def _inline_data(node, analysis: _Analysis) -> None:
    """Record every VALUES block first: its variables stand for constants everywhere."""
    if isinstance(node, CompValue):
        if node.name in ("values", "InlineData"):
            analysis.inline(node)
        for value in node.values():
            _inline_data(value, analysis)
    elif isinstance(node, list):
        for value in node:
            _inline_data(value, analysis)


class _Analysis:
    def __init__(self) -> None:
        self.targets: list[_Target] = []
        self.values: dict[Variable, set] = {}
        self._fresh = itertools.count()

    # --- collecting one group's patterns and its children

    def scope(self, node, inherited: list, root: bool = False) -> None:
        """Analyse a group: its own patterns chained with those of enclosing groups."""
        own: list = []
        children: list = []
        self.collect(node, own, children, root)
        edges = inherited + own
        for pattern in own:
            if isinstance(pattern, _Pattern):
                self.target(pattern, edges)
        for child, fresh in children:
            self.scope(child, [] if fresh else edges)

    def collect(self, node, own: list, children: list, root: bool) -> None:
        if isinstance(node, list):
            for part in node:
                self.collect(part, own, children, root)
            return
        if not isinstance(node, CompValue):
            raise Unbounded(f"unexpected {type(node).__name__}")
        name = node.name
        if name in ("BGP", "TriplesBlock"):
            for triple in node["triples"]:
                # the parser's blocks (inside EXISTS) are flat runs of s p o s p o ...
                terms = list(triple)
                for i in range(0, len(terms) - 2, 3):
                    own.extend(self.patterns(*terms[i : i + 3]))
        elif name == "Join":
            self.collect(node["p1"], own, children, root)
            self.collect(node["p2"], own, children, root)
        elif name == "Union":
            children += [(node["p1"], False), (node["p2"], False)]
        elif name == "LeftJoin":
            self.collect(node["p1"], own, children, root)
            children.append((node["p2"], False))
            self.expression(node.get("expr"), children)
        elif name == "Minus":
            self.collect(node["p1"], own, children, root)
            children.append((node["p2"], True))
        elif name == "Filter":
            self.expression(node["expr"], children)
            self.collect(node["p"], own, children, root)
        elif name == "Extend":
            if isinstance(node["expr"], Variable):
                own.append((node["var"], node["expr"]))
            else:
                self.expression(node["expr"], children)
            self.collect(node["p"], own, children, root)
        elif name in ("Distinct", "Reduced", "ToMultiSet", "OrderBy"):
            self.collect(node["p"], own, children, root)
        elif name == "Project":
            if root:
                self.collect(node["p"], own, children, False)
            else:
                children.append((node["p"], True))
        elif name == "Group":
            if _THIS not in (node.get("expr") or []):
                raise Unbounded("grouped by something else than ?this")
            self.collect(node["p"], own, children, root)
        elif name == "AggregateJoin":
            self.collect(node["p"], own, children, root)
        elif name in ("values", "InlineData"):
            self.inline(node)
        elif name == "GroupGraphPatternSub":
            self.collect(node["part"], own, children, root)
        else:
            raise Unbounded(f"{name} is not analysed")

    def expression(self, expr, children: list) -> None:
        """EXISTS patterns in a filter expression are groups inside the current one."""
        if isinstance(expr, CompValue):
            if expr.name in ("Builtin_EXISTS", "Builtin_NOTEXISTS"):
                children.append((expr["graph"], False))
                return
            for value in expr.values():
                self.expression(value, children)
        elif isinstance(expr, list):
            for value in expr:
                self.expression(value, children)

    def inline(self, node: CompValue) -> None:
        if node.name == "values":
            for row in node["res"]:
                for var, term in row.items():
                    self.values.setdefault(var, set()).add(term)
            return
        variables = node["var"]
        for i, term in enumerate(node["value"]):
            self.values.setdefault(variables[i % len(variables)], set()).add(term)

    # --- patterns and paths

    def fresh(self) -> Variable:
        return Variable(f"_reach{next(self._fresh)}")

    def predicates(self, p) -> frozenset | None:
        if isinstance(p, URIRef):
            return frozenset({p})
        if isinstance(p, Variable):
            if p in self.values:
                return frozenset(self.values[p])
            return None
        raise Unbounded(f"predicate {p!r}")

    def patterns(self, s, p, o) -> list:
        if isinstance(p, InvPath):
            return self.patterns(o, p.arg, s)
        if isinstance(p, SequencePath):
            found, here = [], s
            for i, part in enumerate(p.args):
                there = o if i == len(p.args) - 1 else self.fresh()
                found += self.patterns(here, part, there)
                here = there
            return found
        if isinstance(p, AlternativePath):
            if all(isinstance(a, URIRef) for a in p.args):
                return [_Pattern(s, frozenset(p.args), o)]
            raise Unbounded("an alternative of paths")
        if isinstance(p, MulPath):
            if p.path in HIERARCHY:
                # Fixed while the hierarchy is unchanged (the caller checks): no step.
                return []
            raise Unbounded(f"the path {p.path}{p.mod}")
        if isinstance(p, NegatedPath):
            return [_Pattern(s, None, o)]
        if not isinstance(p, (URIRef, Variable)):
            raise Unbounded(f"the path {p!r}")
        return [_Pattern(s, p, o)]

    def target(self, pattern: _Pattern, edges: list) -> None:
        predicates = self.predicates(pattern.predicates)
        if isinstance(pattern.predicates, Variable) and any(
            isinstance(e, _Pattern) and pattern.predicates in (e.subject, e.object) for e in edges
        ):
            raise Unbounded("a predicate variable used as a node")
        chains = _chains(edges, self.predicates)
        near = [
            (len(chains[end]), at_subject, chains[end])
            for end, at_subject in ((pattern.subject, True), (pattern.object, False))
            if _is_node_variable(end) and end not in self.values and end in chains
        ]
        if not near:
            raise Unbounded(f"no chain from ?this to {pattern}")
        best = min(n[0] for n in near)
        if best >= MAX_DEPTH:
            raise Unbounded("too deep")
        for length, at_subject, steps in near:
            if length == best:
                self.targets.append(_Target(predicates, at_subject, tuple(steps)))


def _is_node_variable(term) -> bool:
    return isinstance(term, Variable)


def _chains(edges: list, predicates) -> dict:
    """The shortest chain of steps from ?this to each variable, over ``edges`` (patterns,
    and (var, var) aliases from BIND)."""
    links: dict = {}
    for edge in edges:
        if isinstance(edge, _Pattern):
            s, o = edge.subject, edge.object
            if not (_is_node_variable(s) and _is_node_variable(o)):
                continue
            step = predicates(edge.predicates)
            links.setdefault(s, []).append((o, (step, True)))
            links.setdefault(o, []).append((s, (step, False)))
        else:
            a, b = edge
            links.setdefault(a, []).append((b, None))
            links.setdefault(b, []).append((a, None))
    chains = {_THIS: []}
    todo = deque([_THIS])
    while todo:
        node = todo.popleft()
        for other, step in links.get(node, ()):
            if other in chains:
                continue
            chains[other] = chains[node] + ([step] if step is not None else [])
            # aliases cost nothing: look at them before longer chains
            (todo.appendleft if step is None else todo.append)(other)
    return chains


def as_oxigraph_predicates(reach: Reach) -> Reach:
    """``reach`` with its predicates as pyoxigraph terms, to compare with store triples."""
    return Reach(
        tuple(
            _Target(
                _ox_set(t.predicates),
                t.at_subject,
                tuple((_ox_set(p), forward) for p, forward in t.steps),
            )
            for t in reach.targets
        )
    )


def _ox_set(terms: frozenset | None) -> frozenset | None:
    return None if terms is None else frozenset(to_oxigraph(t) for t in terms)
