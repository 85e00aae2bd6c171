"""One document through every reading step: known entities, new names, dates, posts and
events, gathered in an :class:`Extraction`.

Known entities come from the built store through the named query ``ingest_gazetteer``
(never from the files of ``graph/``, whose names may change); when the store has not been
built, the curated files are built in memory first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from regiokg.ingest.dates import DateMention, find_dates
from regiokg.ingest.documents import Document
from regiokg.ingest.events import EventCandidate, find_events
from regiokg.ingest.mentions import Gazetteer, Mention, tokenize
from regiokg.ingest.names import find_new_names
from regiokg.ingest.posts import PostCandidate, find_posts

__all__ = ["Extraction", "extract", "load_gazetteer"]


@dataclass
class Extraction:
    """What ingest read in one document: ``mentions`` of known and new entities (text
    order, none overlapping), ``dates``, ``posts`` and ``events``."""

    document: Document
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    posts: list[PostCandidate] = field(default_factory=list)
    events: list[EventCandidate] = field(default_factory=list)


def load_gazetteer(project, store=None) -> Gazetteer:
    """The known entities of ``project`` as a :class:`Gazetteer`, read with the named query
    ``ingest_gazetteer`` from ``store`` (a pyoxigraph store or rdflib dataset), else from
    the project's embedded store, else from a dataset built in memory."""
    from regiokg.query import load_queries, run

    if store is None:
        store = _project_store(project)
    if not hasattr(store, "quads_for_pattern"):
        from regiokg.store import store_from_dataset

        # rdflib's SPARQL engine takes tens of seconds on the subclass paths of the query
        store = store_from_dataset(store)
    result = run(store, load_queries(project)["ingest_gazetteer"])
    rows = []
    for row in result.rows:
        names = ("entity", "label", "class", "kind", "lang", "property")
        values = [_value(row[name]) for name in names]
        values[5] = values[5] in _PREFERRED
        values[2] = values[2].rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        rows.append(tuple(values))
    gazetteer = Gazetteer.from_rows(rows)
    codes = run(store, load_queries(project)["ingest_place_codes"])
    gazetteer.place_codes = {
        (_value(row["kind"]), _value(row["code"])): _value(row["place"]) for row in codes.rows
    }
    gazetteer.base = project.base_iri
    return gazetteer


#: the properties that give an entity's own name (others give variants)
_PREFERRED = {
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2000/01/rdf-schema#label",
}


def _value(term) -> str:
    return str(getattr(term, "value", term))


def _project_store(project):
    from regiokg.store import StoreError, open_store

    try:
        if Path(project.store_dir).exists():
            return open_store(project.store_dir, read_only=True)
    except StoreError:
        pass
    from regiokg.build import build_dataset

    return build_dataset(project)


def extract(document: Document, gazetteer: Gazetteer) -> Extraction:
    """Read ``document``: known entities first (longest label wins), then new names in
    the text left over, dates, posts and events."""
    text = document.text
    tokens = tokenize(text)
    known = gazetteer.find(tokens, text, document.language)
    places = [(m.start, m.end) for m in known if m.kind == "place"]
    others = [(m.start, m.end) for m in known if m.kind != "place"]
    new = find_new_names(tokens, text, document.language, others, places)
    for m in new:
        if m.kind == "org" and _distinctive(m.text.split(), document.language):
            entity = gazetteer.by_prefix(m.text.split(), "org", document.language)
            if entity is not None:
                m.iri, m.label, m.how, m.confidence = (
                    entity.iri,
                    entity.label(document.language),
                    "label prefix",
                    0.7,
                )
                m.cls = entity.classes[0] if entity.classes else m.cls
    mentions = _resolve(known + new)
    _share_labels(mentions)
    dates = find_dates(text, document.published)
    posts = find_posts(text, tokens, mentions, document.language)
    events = find_events(text, tokens, mentions, dates, document.language, document.published)
    return Extraction(document, mentions, dates, posts, events)


_GENERIC = {"miasto", "gmina", "wojewodztwo", "powiat", "region", "city", "county", "state"}


def _distinctive(words: list[str], language: str) -> bool:
    """Whether a short form says which body it is ("Płockiego Parku"), not only what kind
    ("Urzędu Miasta"): a word that is neither a kind word nor a generic place noun."""
    from regiokg.ingest.morphology import fold, lemmas
    from regiokg.ingest.names import ORG_HEADS

    return any(not ({fold(x) for x in lemmas(w, language)} & (ORG_HEADS | _GENERIC)) for w in words)


def _resolve(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions overlapping a longer (or, at equal length, a linked) one."""
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), m.iri is None, m.start))
    kept: list[Mention] = []
    for m in ordered:
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def _share_labels(mentions: list[Mention]) -> None:
    """New names met several times in different forms become one candidate: a shorter
    form whose words begin a longer one's label takes that label (a surname alone takes
    the full name)."""
    people = [m for m in mentions if m.kind == "person" and m.iri is None]
    for m in people:
        for other in people:
            if other is not m and other.label.endswith(" " + m.label):
                m.label = other.label
