"""Grow the graph from new documents: read news items (Polish or English, text or HTML),
find what they say about the ecosystem, and write reviewable candidates with evidence.

One module per concern: :mod:`~regiokg.ingest.documents` (reading and decoding),
:mod:`~regiokg.ingest.morphology` (Polish word forms), :mod:`~regiokg.ingest.lexicon` (the
word lists the rules read), :mod:`~regiokg.ingest.mentions`
(entities already in the graph), :mod:`~regiokg.ingest.names` (new names),
:mod:`~regiokg.ingest.places` (gazetteers), :mod:`~regiokg.ingest.dates`,
:mod:`~regiokg.ingest.posts`, :mod:`~regiokg.ingest.events`,
:mod:`~regiokg.ingest.candidates` (Turtle with evidence), :mod:`~regiokg.ingest.review`,
:mod:`~regiokg.ingest.accept` (merge into ``graph/``) and
:mod:`~regiokg.ingest.evaluation` (precision and recall against gold annotations).
Ingest never writes to ``graph/``; only :func:`~regiokg.ingest.accept.accept` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from regiokg.atomic import write_atomically
from regiokg.ingest.candidates import CandidateSet, build_candidates
from regiokg.ingest.documents import MAX_CHARS, Document, DocumentError, read_document
from regiokg.ingest.extraction import Extraction, extract, load_gazetteer
from regiokg.ingest.review import Review

__all__ = [
    "DocumentError",
    "Document",
    "Extraction",
    "IngestResult",
    "ingest_document",
    "load_gazetteer",
    "read_document",
    "extract",
    "build_candidates",
    "collect_paths",
    "INPUT_SUFFIXES",
]

#: file name endings ingest reads when given a folder
INPUT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml")


@dataclass
class IngestResult:
    """The outcome for one document: its candidates, the review, and the files written
    (``candidates`` Turtle, ``text`` the UTF-8 text the offsets refer to, ``review`` JSON
    and ``html``)."""

    candidates: CandidateSet
    review: Review
    files: dict[str, Path]

    @property
    def document(self) -> Document:
        """The document read."""
        return self.candidates.extraction.document


def collect_paths(paths: list[Path | str]) -> list[Path]:
    """The files named, with the readable files of each folder named (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(
                f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES
            )
        else:
            out.append(p)
    return out


def ingest_document(
    path: Path | str,
    project,
    *,
    gazetteer=None,
    out_dir: Path | str | None = None,
    language: str | None = None,
    published: date | None = None,
    url: str | None = None,
    max_chars: int = MAX_CHARS,
) -> IngestResult:
    """Read one document, extract candidates and, when ``out_dir`` is given, write
    ``{stem}.ttl`` (candidates), ``{stem}.txt`` (the text the offsets refer to),
    ``{stem}.review.json`` and ``{stem}.review.html`` there, each atomically. Raises
    :class:`DocumentError` for unusable input; never touches ``graph/``. ``gazetteer``
    is a :class:`~regiokg.ingest.mentions.Gazetteer`, a function returning one, or None
    (read from the project's store)."""
    document = read_document(
        path, language=language, published=published, url=url, max_chars=max_chars
    )
    if out_dir is not None and Path(out_dir).resolve() == Path(project.graph_dir).resolve():
        raise DocumentError(path, "candidates are not written into graph/; use regiokg accept")
    if gazetteer is None:
        gazetteer = load_gazetteer(project)
    elif callable(gazetteer):
        gazetteer = gazetteer()  # loaded only once a document proved readable
    extraction = extract(document, gazetteer)
    from regiokg.config import DEFAULT_BASE

    cset = build_candidates(
        extraction,
        base=DEFAULT_BASE,
        known_base=gazetteer.base,
        place_codes=gazetteer.place_codes,
        known_iris=gazetteer.entities,
    )
    review = Review(cset)
    files: dict[str, Path] = {}
    if out_dir is not None:
        out = Path(out_dir)
        stem = document.stem
        files["candidates"] = write_atomically(
            out / f"{stem}.ttl", _turtle(cset, document).encode("utf-8")
        )
        files["text"] = write_atomically(out / f"{stem}.txt", document.text.encode("utf-8"))
        files["review"] = write_atomically(
            out / f"{stem}.review.json", review.to_json().encode("utf-8")
        )
        page = f"<!doctype html><meta charset='utf-8'><title>{stem}</title>{review.to_html()}"
        files["html"] = write_atomically(out / f"{stem}.review.html", page.encode())
    return IngestResult(cset, review, files)


def _turtle(cset: CandidateSet, document: Document) -> str:
    head = (
        f"# Candidates read by regiokg ingest from {document.path.name} "
        f"({document.encoding}, {document.language}).\n"
        "# Machine-made: review with the table beside this file, then\n"
        f"#   regiokg accept {document.stem}.ttl [--only ID ...] [--drop ID ...]\n"
        "# Offsets refer to the text in the .txt file beside this one.\n"
    )
    return head + cset.graph.serialize(format="turtle")
