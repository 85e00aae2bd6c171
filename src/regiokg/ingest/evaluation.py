"""Precision, recall and F1 of ingest against gold annotations.

A gold file (JSON, one per document; the format is documented in
``tests/ingest/gold/README.md``) lists the document's entity mentions (offsets, the short
mention string, kind, and the IRI of the graph entity it names or null), its dates (offsets
and ISO value) and its events (kind, date, status and participants with roles). Four
figures are computed over all documents together (micro-averaged):

- **mentions**: a predicted mention is right when a gold mention of the same coarse kind
  overlaps it (partial credit is not given: one gold mention matches at most one
  prediction); the strict variant needs the same offsets;
- **linking**: among predicted mentions linked to an IRI of the graph, those whose gold
  mention has that IRI (precision), and among gold mentions with an IRI, those predicted
  with it (recall);
- **dates**: a predicted date is right when it overlaps a gold date with the same value;
- **event–participant links**: the pairs (event, participant) where the event is matched
  by kind and overlapping date (or, for undated events, kind and status) and the
  participant by IRI or, for new entities, by base-form label; the role must agree for the
  *roles* variant.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from regiokg.ingest.extraction import Extraction

__all__ = [
    "EvaluationError",
    "Scores",
    "EvaluationResult",
    "evaluate",
    "evaluate_gold_dir",
    "read_gold",
    "scores_table",
]

MEASURES = (
    "mentions",
    "mentions (strict)",
    "linking",
    "dates",
    "event participants",
    "event participants with roles",
)


class EvaluationError(ValueError):
    """A gold file or its document cannot be used; the message names the file."""


@dataclass
class Count:
    """True positives, predictions and gold items of one measure."""

    tp_pred: int = 0
    pred: int = 0
    tp_gold: int = 0
    gold: int = 0

    def add(self, other: Count) -> None:
        """Add another count to this one."""
        self.tp_pred += other.tp_pred
        self.pred += other.pred
        self.tp_gold += other.tp_gold
        self.gold += other.gold

    @property
    def precision(self) -> float:
        """Right predictions / predictions (1.0 when nothing was predicted)."""
        return self.tp_pred / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        """Gold items found / gold items (1.0 when there are none)."""
        return self.tp_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """One :class:`Count` per measure."""

    counts: dict[str, Count] = field(default_factory=lambda: {m: Count() for m in MEASURES})

    def add(self, other: Scores) -> None:
        """Add another document's counts."""
        for name, count in other.counts.items():
            self.counts[name].add(count)

    def as_dict(self) -> dict[str, dict[str, float]]:
        """{measure: {precision, recall, f1, predicted, gold}}."""
        return {
            name: {
                "precision": c.precision,
                "recall": c.recall,
                "f1": c.f1,
                "predicted": c.pred,
                "gold": c.gold,
            }
            for name, c in self.counts.items()
        }


@dataclass
class EvaluationResult:
    """The micro-averaged ``total`` and the scores of each document by gold file name."""

    total: Scores
    documents: dict[str, Scores]
    skipped: dict[str, str] = field(default_factory=dict)


def read_gold(path: Path) -> dict:
    """A gold file, checked for the fields evaluation needs."""
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"{path}: cannot read the gold file: {exc}") from exc
    for key in ("document", "entities", "dates", "events"):
        if key not in gold:
            raise EvaluationError(f"{path}: the gold file has no {key!r} field")
    return gold


def _overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _match(pred: list, gold: list, same) -> Count:
    """Greedy one-to-one matching of predictions and gold items by ``same``."""
    used: set[int] = set()
    count = Count(pred=len(pred), gold=len(gold))
    for p in pred:
        for n, g in enumerate(gold):
            if n not in used and same(p, g):
                used.add(n)
                count.tp_pred += 1
                break
    count.tp_gold = len(used)
    return count


def _local(iri: str | None) -> str | None:
    return iri.split("/id/", 1)[1] if iri and "/id/" in iri else iri


def evaluate(extraction: Extraction, gold: dict, candidate_set=None) -> Scores:
    """The scores of one document's extraction against its gold annotations."""
    scores = Scores()
    c = scores.counts
    pred_mentions = [((m.start, m.end), m.kind, _local(m.iri)) for m in extraction.mentions]
    gold_mentions = [
        ((g["start"], g["end"]), g["kind"], _local(g.get("iri"))) for g in gold["entities"]
    ]
    c["mentions"] = _match(
        pred_mentions, gold_mentions, lambda p, g: p[1] == g[1] and _overlaps(p[0], g[0])
    )
    c["mentions (strict)"] = _match(
        pred_mentions, gold_mentions, lambda p, g: p[1] == g[1] and p[0] == g[0]
    )
    linked_pred = [p for p in pred_mentions if p[2]]
    linked_gold = [g for g in gold_mentions if g[2]]
    link = _match(linked_pred, gold_mentions, lambda p, g: _overlaps(p[0], g[0]) and p[2] == g[2])
    link_recall = _match(
        linked_gold, linked_pred, lambda g, p: _overlaps(p[0], g[0]) and p[2] == g[2]
    )
    c["linking"] = Count(link.tp_pred, len(linked_pred), link_recall.tp_pred, len(linked_gold))
    pred_dates = [((d.start, d.end), d.value) for d in extraction.dates if d.value]
    gold_dates = [((g["start"], g["end"]), g["value"]) for g in gold["dates"]]
    c["dates"] = _match(pred_dates, gold_dates, lambda p, g: _overlaps(p[0], g[0]) and p[1] == g[1])
    pairs_pred, pairs_gold = _event_pairs(extraction, gold)
    c["event participants"] = _match(
        pairs_pred, pairs_gold, lambda p, g: p[0] == g[0] and p[1] == g[1]
    )
    c["event participants with roles"] = _match(pairs_pred, pairs_gold, lambda p, g: p == g)
    return scores


def _agent_key(iri: str | None, label: str) -> str:
    from regiokg.ingest.morphology import fold

    return _local(iri) if iri else "label:" + fold(label)


def _event_pairs(extraction: Extraction, gold: dict):
    """(gold event index, agent key, role) triples for predictions and gold alike; a
    predicted event takes the index of the gold event it matches (or a fresh one)."""
    gold_events = gold["events"]
    taken: set[int] = set()
    pairs_pred = []
    for n, event in enumerate(extraction.events):
        index = None
        for k, g in enumerate(gold_events):
            if k in taken or g["kind"] != event.cls:
                continue
            if _same_when(event, g):
                index = k
                break
        if index is None:
            index = f"pred-{n}"
        else:
            taken.add(index)
        for p in event.participants:
            pairs_pred.append((index, _agent_key(p.mention.iri, p.mention.label), p.role))
    pairs_gold = [
        (k, _agent_key(p.get("iri"), p.get("label", "")), p["role"])
        for k, g in enumerate(gold_events)
        for p in g.get("participants", [])
    ]
    return pairs_pred, pairs_gold


def _same_when(event, g: dict) -> bool:
    value = g.get("date")
    if event.date is None or not event.date.value or not value:
        return event.date is None and not value and event.status == g.get("status", "held")
    first, _, last = value.partition("/")
    last = last or first
    pred_first, pred_last = event.date.first, event.date.last
    return pred_first[: len(last)] <= last and first[: len(pred_last)] <= pred_last


def evaluate_gold_dir(
    gold_dir: Path, project, *, docs_dir: Path | None = None, gazetteer=None
) -> EvaluationResult:
    """Run ingest on the document of each ``*.json`` gold file in ``gold_dir`` (found
    beside it, in ``docs_dir`` or in the project's seeds folder) and score it."""
    from regiokg.ingest.documents import DocumentError, read_document
    from regiokg.ingest.extraction import extract, load_gazetteer

    files = sorted(Path(gold_dir).glob("*.json"))
    if not files:
        raise EvaluationError(f"{gold_dir}: no gold files (*.json)")
    if gazetteer is None:
        gazetteer = load_gazetteer(project)
    total = Scores()
    per_doc: dict[str, Scores] = {}
    skipped: dict[str, str] = {}
    for path in files:
        gold = read_gold(path)
        candidates = [
            d / gold["document"]
            for d in (docs_dir, Path(gold_dir), Path(project.seeds_dir))
            if d is not None
        ]
        doc_path = next((p for p in candidates if p.is_file()), None)
        if doc_path is None:
            skipped[path.name] = f"document {gold['document']} not found"
            continue
        published = gold.get("published")
        try:
            document = read_document(
                doc_path,
                language=gold.get("language"),
                published=date.fromisoformat(published) if published else None,
            )
        except DocumentError as exc:
            skipped[path.name] = str(exc)
            continue
        scores = evaluate(extract(document, gazetteer), gold)
        per_doc[path.name] = scores
        total.add(scores)
    return EvaluationResult(total, per_doc, skipped)


def scores_table(scores: Scores, title: str):
    """A rich table of the scores."""
    from rich.table import Table

    table = Table(title=title)
    for name in ("measure", "precision", "recall", "F1", "predicted", "gold"):
        table.add_column(name, justify="left" if name == "measure" else "right")
    for name, c in scores.counts.items():
        table.add_row(
            name, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.pred), str(c.gold)
        )
    return table
