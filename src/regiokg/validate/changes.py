"""Validate a changed store, re-checking only the focus nodes the change can affect where
that is provably enough.

Each compiled check (:mod:`regiokg.validate.sparql_engine`) whose reach is bounded
(:mod:`regiokg.validate.locality`) runs restricted to the affected focus nodes (a VALUES
block on ``?this``); its results for every other focus node are taken over from the
previous validation of the store, which is kept as a :class:`ValidationRun` ``state``
beside it. A check runs in full when its reach is unbounded, when the previous results are
missing or from another query (the shapes or hierarchy changed), when the class or
property hierarchy is among the changes, or when too many focus nodes are affected (or
any is a blank node, which a query cannot name). The results are those of a full
validation of the changed store; a test compares the two on several edits.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyoxigraph as ox
from rdflib.term import Node
from rdflib.util import from_n3

from regiokg.config import Project
from regiokg.convert import to_oxigraph, to_rdflib
from regiokg.validate.locality import HIERARCHY, reach_of
from regiokg.validate.report import ValidationReport
from regiokg.validate.sparql_engine import Check, Finding, find_violations

__all__ = ["Changes", "ValidationRun", "validate_changes"]

#: More changed triples than this and every check runs in full (a reloaded table).
MAX_CHANGED = 20_000
#: More affected focus nodes than this for one check and it runs in full.
MAX_AFFECTED = 2_000
_HIERARCHY_OX = {to_oxigraph(p) for p in HIERARCHY}


@dataclass
class Changes:
    """The triples removed from and added to the union graph of a store, or ``None`` for
    either when there were more than :data:`MAX_CHANGED` (every check then runs in
    full)."""

    removed: set | None = field(default_factory=set)
    added: set | None = field(default_factory=set)

    @staticmethod
    def _triples(store: ox.Store, graphs: list) -> set | None:
        found = set()
        for graph in graphs:
            for q in store.quads_for_pattern(None, None, None, graph):
                found.add((q.subject, q.predicate, q.object))
                if len(found) > MAX_CHANGED:
                    return None
        return found

    @classmethod
    def before(cls, store: ox.Store, graphs: list) -> Changes:
        """Start recording: the triples of ``graphs`` in ``store`` before they change."""
        return cls(removed=cls._triples(store, graphs))

    def after(self, store: ox.Store, graphs: list) -> None:
        """Finish recording with the triples of ``graphs`` after the change."""
        self.added = self._triples(store, graphs)
        if self.removed is not None and self.added is not None:
            same = self.removed & self.added
            self.removed -= same
            self.added -= same

    @property
    def triples(self) -> set | None:
        if self.removed is None or self.added is None:
            return None
        return self.removed | self.added


@dataclass
class ValidationRun:
    """How a validation ran: the checks restricted to affected focus nodes (with how many)
    and those run in full, with the ``state`` (bytes) to keep for the next one."""

    restricted: list[tuple[Check, int]] = field(default_factory=list)
    full: list[Check] = field(default_factory=list)
    state: bytes = b""


def _key(check: Check) -> str:
    return hashlib.sha256(check.query.encode()).hexdigest()[:24]


def _encode(findings: Iterable[Finding]) -> dict[str, list]:
    by_check: dict[str, list] = {}
    for f in findings:
        terms = [None if t is None else t.n3() for t in (f.focus, f.path, f.value)]
        by_check.setdefault(_key(f.check), []).append(
            [*terms, [[name, value.n3()] for name, value in f.bindings]]
        )
    return by_check


def _decode(record: list, check: Check) -> Finding:
    focus, path, value = (None if t is None else from_n3(t) for t in record[:3])
    bindings = tuple((name, from_n3(value)) for name, value in record[3])
    return Finding(check, focus, path, value, bindings)


_OPEN = re.compile(r"\bSELECT\b[^{]*\{", re.IGNORECASE)


def restricted(query: str, nodes: Iterable[Node]) -> str:
    """``query`` with ``?this`` bound to ``nodes`` (IRIs or literals) by a VALUES block at
    the start of the top-level group and of each group of a subquery that selects
    ``?this``, so that the store never enumerates the other focus nodes."""
    block = "VALUES ?this { " + " ".join(sorted(n.n3() for n in nodes)) + " } "

    def insert(match: re.Match) -> str:
        head = match.group(0)
        return head + " " + block if re.search(r"[?$]this\b", head) else head

    prefix_end = query.rfind("\nPREFIX ")
    cut = query.index("\n", prefix_end + 1) + 1 if prefix_end >= 0 else 0
    body = query[cut:]
    first = _OPEN.search(body)
    if first is None:
        raise ValueError("not a SELECT query")
    body = body[: first.end()] + " " + block + _OPEN.sub(insert, body[first.end() :])
    return query[:cut] + body


def validate_changes(
    store: ox.Store,
    project: Project,
    *,
    changes: Changes | None,
    old_store: ox.Store | None,
    previous: bytes | None,
    shapes_dir: Path | None = None,
    sources: Mapping[str, str] | None = None,
) -> tuple[ValidationReport, ValidationRun]:
    """Validate ``store`` after ``changes`` (None: unknown) to the graph of ``old_store``,
    whose validation left ``previous`` (a :attr:`ValidationRun.state`, or None), and
    return the report (the same as :func:`regiokg.validate.validate_store` gives) with
    how each check ran."""
    from regiokg.validate import compiled_checks, report_of

    checks, shapes = compiled_checks(store, project, shapes_dir)
    try:
        before = json.loads(previous) if previous else None
    except ValueError:
        before = None
    changed = changes.triples if changes is not None else None
    if changed is not None and any(p in _HIERARCHY_OX for _, p, _ in changed):
        changed = None
    stores = [store] + ([old_store] if old_store is not None else [])
    run = ValidationRun()
    findings: list[Finding] = []
    for check in checks:
        kept = (before or {}).get("checks", {}).get(_key(check))
        reach = reach_of(check.query) if kept is not None and changed is not None else None
        nodes = reach.affected(changed, stores, MAX_AFFECTED) if reach is not None else None
        if nodes is None or any(isinstance(n, ox.BlankNode) for n in nodes):
            findings += find_violations(store, [check])
            run.full.append(check)
            continue
        run.restricted.append((check, len(nodes)))
        affected = {to_rdflib(n) for n in nodes}
        findings += [f for f in (_decode(r, check) for r in kept) if f.focus not in affected]
        if affected:
            narrowed = replace(check, query=restricted(check.query, affected))
            findings += [replace(f, check=check) for f in find_violations(store, [narrowed])]
    by_check = _encode(findings)
    state = {"checks": {_key(c): by_check.get(_key(c), []) for c in checks}}
    run.state = json.dumps(state).encode()
    return report_of(findings, store, project, shapes, shapes_dir, sources), run
