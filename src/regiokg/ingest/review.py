"""The review table of one document's candidates: in the terminal (rich), as HTML for a
notebook or a browser, and as JSON that ``regiokg accept`` reads back.

Each row gives the candidate's id, kind, whether it is new or a link to an entity of the
graph, its label and IRI, the confidence, what was read (class, role, status) and the words
of the text it was read from, so that a reviewer decides without opening the document.
"""

from __future__ import annotations

import html
import json

from regiokg.ingest.candidates import Candidate, CandidateSet

__all__ = [
    "review_rows",
    "review_table",
    "review_html",
    "review_json",
    "Review",
    "candidate_summary",
]

_ORDER = {
    "org": 0,
    "person": 1,
    "place": 2,
    "programme": 3,
    "project": 4,
    "post": 5,
    "event": 6,
    "participation": 7,
}


def _quote(text: str, span: tuple[int, int], width: int = 70) -> str:
    words = " ".join(text[span[0] : span[1]].split())
    return words if len(words) <= width else words[: width - 1] + "…"


def review_rows(cset: CandidateSet) -> list[dict]:
    """One dict per candidate, in review order (entities, posts, events, participations)."""
    text = cset.extraction.document.text
    rows = []
    for c in sorted(cset.candidates, key=lambda c: (_ORDER[c.kind], not c.new, c.id)):
        rows.append(
            {
                "id": c.id,
                "kind": c.kind,
                "status": "new" if c.new else "linked",
                "label": c.label,
                "iri": c.iri,
                "confidence": round(c.confidence, 2),
                "detail": c.detail,
                "mentions": len(c.spans),
                "evidence": _quote(text, c.spans[0]) if c.spans else "",
                "spans": [list(s) for s in c.spans],
                "depends": c.depends,
            }
        )
    return rows


class Review:
    """A document's review in the forms a person or a program reads: ``rows``, a rich
    ``table()``, ``to_html()`` (also shown by Jupyter) and ``to_json()``."""

    def __init__(self, cset: CandidateSet):
        self.cset = cset
        self.rows = review_rows(cset)

    def table(self):
        """A rich Table of the candidates."""
        return review_table(self.cset, self.rows)

    def to_html(self) -> str:
        """A self-contained HTML table (escaped)."""
        return review_html(self.cset, self.rows)

    def _repr_html_(self) -> str:
        return self.to_html()

    def to_json(self) -> str:
        """The review as JSON: the document and the rows."""
        return review_json(self.cset, self.rows)


def _title(cset: CandidateSet) -> str:
    d = cset.extraction.document
    bits = [d.title or d.path.name, d.language]
    if d.published:
        bits.append(d.published.isoformat())
    bits.append(d.encoding)
    return " · ".join(bits)


def review_table(cset: CandidateSet, rows: list[dict] | None = None):
    """The candidates as a rich Table for the terminal."""
    from rich.table import Table

    rows = review_rows(cset) if rows is None else rows
    table = Table(title=_title(cset), show_lines=False, expand=False)
    for name in ("id", "kind", "", "label", "conf.", "read as", "evidence"):
        table.add_column(name, overflow="fold")
    for r in rows:
        status = "[green]new[/]" if r["status"] == "new" else "[cyan]graph[/]"
        table.add_row(
            r["id"],
            r["kind"],
            status,
            r["label"],
            f"{r['confidence']:.2f}",
            r["detail"],
            r["evidence"] + (f" (×{r['mentions']})" if r["mentions"] > 1 else ""),
        )
    return table


def review_html(cset: CandidateSet, rows: list[dict] | None = None) -> str:
    """The candidates as an HTML table; every value is escaped."""
    rows = review_rows(cset) if rows is None else rows
    e = html.escape
    head = "".join(
        f"<th>{e(h)}</th>"
        for h in ("id", "kind", "status", "label", "IRI", "confidence", "read as", "evidence")
    )
    body = []
    for r in rows:
        colour = "#e8f5e9" if r["status"] == "new" else "#e3f2fd"
        body.append(
            f'<tr style="background:{colour}"><td>{e(r["id"])}</td><td>{e(r["kind"])}</td>'
            f"<td>{e(r['status'])}</td><td>{e(r['label'])}</td>"
            f"<td><code>{e(r['iri'])}</code></td><td>{r['confidence']:.2f}</td>"
            f"<td>{e(r['detail'])}</td><td>{e(r['evidence'])}</td></tr>"
        )
    return (
        f'<div class="regiokg-review"><h3>{e(_title(cset))}</h3>'
        f'<table border="1" style="border-collapse:collapse;font-size:90%">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def review_json(cset: CandidateSet, rows: list[dict] | None = None) -> str:
    """The review as JSON, read back by ``regiokg accept``."""
    rows = review_rows(cset) if rows is None else rows
    d = cset.extraction.document
    payload = {
        "document": {
            "iri": cset.document_iri,
            "file": str(d.path.name),
            "stem": d.stem,
            "title": d.title,
            "published": d.published.isoformat() if d.published else None,
            "language": d.language,
            "encoding": d.encoding,
            "url": d.url,
            "sha256": d.sha256,
            "notes": list(d.notes),
        },
        "candidates": rows,
    }
    return json.dumps(payload, ensure_ascii=False, indent=1)


def candidate_summary(candidates: list[Candidate]) -> str:
    """A one-line count of candidates by kind, new and linked."""
    new = sum(c.new for c in candidates)
    kinds: dict[str, int] = {}
    for c in candidates:
        kinds[c.kind] = kinds.get(c.kind, 0) + 1
    parts = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items(), key=lambda x: _ORDER[x[0]]))
    return f"{len(candidates)} candidates ({new} new, {len(candidates) - new} linked): {parts}"
