"""A synthetic, Europe-wide innovation ecosystem in the regiokg model, written as N-Quads.

The generator follows what is known of real cluster ecosystems closely enough for the graph
to stress the pipeline the way real data would:

* **places** are real: EU countries, their NUTS-2 regions and main cities with coordinates
  (:mod:`regiokg.synth.places`);
* **region sizes are heavy-tailed**: each region draws a Pareto weight, and organisations,
  clusters, projects and events are placed in proportion to it, so a few metropolitan
  regions hold much of the activity;
* **clusters** have Pareto-distributed membership counts, mostly from their own region,
  each coordinated by a park, agency or university;
* **events** (conferences, seminars, missions, study visits, …) happen every year; their
  participants are drawn with **regional homophily** (mostly from the host region, then the
  host country, then anywhere) and **preferential attachment** (an organisation that took
  part often is more likely to take part again), which gives the skewed degree
  distribution and the regional communities of observed partner networks;
* **projects** of EU programmes have consortia drawn with weaker homophily (cross-border
  partnerships are what such programmes pay for), a lead partner and a funding statement.

Every statement has a source, in the shape the project's evidence model describes: events,
projects and cluster profiles are reported by synthetic news items whose text the generator
writes, and each node they state carries a ``prov:qualifiedDerivation`` with the
``oa:TextPositionSelector`` offsets and the checksum of its sentence; places, programmes and
organisations come from synthetic reference compilations (``rkg:ReferenceBasis``). Each
document is one named graph. The output is deterministic for a seed.

The module is long because the ecosystem is one generative model: the kinds of
organisation, event and programme with their shares, and the steps that draw them, share
one random stream (the order of draws is what makes a seed reproducible) and one writer.
"""

from __future__ import annotations

import hashlib
import json
import random
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

from regiokg.atomic import atomic_path
from regiokg.config import DEFAULT_BASE
from regiokg.namespace import HELIX, RKG, ROLE, SECTOR, STATUS, THEME
from regiokg.synth.nquads import NQuadsWriter, iri, literal
from regiokg.synth.places import COUNTRIES, REGIONS, City, Region

__all__ = ["PLANTS", "SynthSummary", "synthesise"]

Progress = Callable[[str, int, int], None]

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_SCHEMA = "https://schema.org/"
_PROV = "http://www.w3.org/ns/prov#"
_ORG = "http://www.w3.org/ns/org#"
_DCT = "http://purl.org/dc/terms/"
_GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"
_OWL = "http://www.w3.org/2002/07/owl#"
_OA = "http://www.w3.org/ns/oa#"
_RKG = str(RKG._NS)

# Terms of the shared evidence model (docs/modelling.md); minted from the namespace string
# because the ontology may not declare them yet on every branch.
_TEXT_EVIDENCE = _RKG + "TextEvidence"
_REFERENCE_BASIS = _RKG + "ReferenceBasis"
_SUPPORTS = _RKG + "supports"
_SPAN_CHECKSUM = _RKG + "spanChecksum"

A = iri(_RDF + "type")
LABEL = iri(_RDFS + "label")
DERIVED = iri(_PROV + "wasDerivedFrom")
START = iri(_SCHEMA + "startDate")
END = iri(_SCHEMA + "endDate")
CONTAINED = iri(_SCHEMA + "containedInPlace")

#: Kinds of violation :func:`synthesise` can plant, each with the shape and path it breaks.
PLANTS = {
    "participation_two_agents": ("ParticipationShape", _RKG + "agent"),
    "event_ends_before_start": ("TimeSpanShape", _SCHEMA + "endDate"),
    "organisation_without_source": ("SourcedShape", _PROV + "wasDerivedFrom"),
    "city_latitude_out_of_range": ("CityShape", _GEO + "lat"),
    "region_code_mismatch": ("RegionShape", _SKOS + "notation"),
    "membership_without_organisation": ("MembershipShape", _ORG + "organization"),
    "event_start_as_text": ("EventShape", _SCHEMA + "startDate"),
    "organisation_based_in_region": ("OrganisationShape", _RKG + "basedIn"),
}

#: Share of each kind among the organisations that are not clusters or regional governments.
_KINDS = (
    ("Company", 0.66, "industry"),
    ("University", 0.05, "research"),
    ("ResearchOrganisation", 0.05, "research"),
    ("SciencePark", 0.04, "industry"),
    ("DevelopmentAgency", 0.05, "public"),
    ("MunicipalGovernment", 0.07, "public"),
    ("ChamberOfCommerce", 0.04, "civil-society"),
    ("ClusterAssociation", 0.04, "civil-society"),
)
_EVENT_KINDS = (
    ("Conference", 0.22),
    ("Seminar", 0.22),
    ("Workshop", 0.2),
    ("Meeting", 0.12),
    ("StudyVisit", 0.08),
    ("BusinessMission", 0.08),
    ("DelegationVisit", 0.05),
    ("Congress", 0.03),
)
# fmt: off
_SECTORS = (
    "energy", "energy-efficiency", "renewable-energy", "clean-coal", "mining", "medical",
    "aviation", "mechanical-engineering", "composites", "chemicals", "clean-technologies",
    "biotechnology", "sport-industries", "advanced-textiles", "industrial-design",
    "construction", "passive-construction", "emerging-industries",
)
#: Themes (theme: scheme) an event may be about besides a sector.
_THEMES = (
    "cluster-policy", "internationalisation", "knowledge-technology-transfer",
    "active-ageing", "green-economy", "sustainable-transport", "smart-city",
)
# fmt: on
#: EU programmes: IRI slug, name, first and last year, fund slug (or None).
_PROGRAMMES = (
    ("cip", "Competitiveness and Innovation Framework Programme", 2007, 2013, None),
    ("fp7", "Seventh Framework Programme", 2007, 2013, None),
    ("interreg-ce-2007", "Central Europe Programme 2007-2013", 2007, 2013, "erdf"),
    ("horizon-2020", "Horizon 2020", 2014, 2020, None),
    ("cosme", "COSME", 2014, 2020, None),
    ("interreg-europe", "Interreg Europe 2014-2020", 2014, 2020, "erdf"),
    ("interreg-ce", "Interreg Central Europe 2014-2020", 2014, 2020, "erdf"),
    ("horizon-europe", "Horizon Europe", 2021, 2027, None),
    ("single-market", "Single Market Programme", 2021, 2027, None),
    ("interreg-europe-2021", "Interreg Europe 2021-2027", 2021, 2027, "erdf"),
)
_FUNDS = (("erdf", "European Regional Development Fund", "ERDF"),)
_SUFFIX = {
    "PL": "sp. z o.o.",
    "DE": "GmbH",
    "AT": "GmbH",
    "FR": "SAS",
    "BE": "SA",
    "NL": "B.V.",
    "CZ": "s.r.o.",
    "SK": "s.r.o.",
    "HU": "Kft.",
    "ES": "S.L.",
    "IT": "S.r.l.",
    "PT": "Lda.",
    "SE": "AB",
    "DK": "ApS",
    "FI": "Oy",
    "LT": "UAB",
    "LV": "SIA",
    "EE": "OÜ",
    "SI": "d.o.o.",
    "RO": "S.R.L.",
}
# fmt: off
_SYLLABLES = (
    "ar", "bel", "cor", "dan", "el", "fir", "gal", "hel", "ion", "kar", "lum", "mer", "nov",
    "or", "pol", "quin", "ros", "sil", "tek", "ul", "var", "wen", "xen", "zor",
)
# fmt: on


@dataclass
class SynthSummary:
    """What :func:`synthesise` wrote: the N-Quads ``path``, the number of ``quads``, counts
    of the main kinds of node, the ``seed`` and ``years``, and the ``planted`` violations
    (kind, shape local name, focus IRI, path IRI), none unless asked for."""

    path: str
    quads: int
    seed: int
    years: tuple[int, int]
    counts: dict[str, int] = field(default_factory=dict)
    planted: list[tuple[str, str, str, str]] = field(default_factory=list)

    def to_json(self) -> str:
        """The summary as JSON (what ``regiokg synth`` saves beside the N-Quads)."""
        return json.dumps(asdict(self), indent=2, ensure_ascii=False)


def synthesise(
    out_dir: str | Path,
    *,
    organisations: int,
    years: tuple[int, int] = (2007, 2020),
    seed: int = 0,
    base_iri: str = DEFAULT_BASE,
    texts: bool = False,
    plant: tuple[str, ...] = (),
    progress: Progress | None = None,
) -> SynthSummary:
    """Write a synthetic ecosystem of about ``organisations`` organisations, with events in
    each of the ``years`` (first, last), to ``out_dir/synth.nq`` and its summary to
    ``out_dir/synth.json``; return the summary. The quads are streamed to a temporary file
    that replaces the target only when complete. About 160 quads are written per
    organisation (63 organisations give 10k quads, 6,250 give 1M). ``texts`` also writes
    each synthetic news item's text to ``out_dir/texts/``, so the evidence offsets can be
    checked; ``plant`` names kinds of violation (see :data:`PLANTS`) to plant once each,
    for testing validators. The same arguments always give the same bytes."""
    if organisations < 1:
        raise ValueError("the number of organisations must be at least 1")
    first, last = years
    if first > last:
        raise ValueError(f"the first year ({first}) is after the last ({last})")
    unknown = sorted(set(plant) - set(PLANTS))
    if unknown:
        raise ValueError(f"unknown kinds of violation to plant: {', '.join(unknown)}")
    out_dir = Path(out_dir)
    target = out_dir / "synth.nq"
    with atomic_path(target) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as stream:
        generator = _Generator(
            NQuadsWriter(stream),
            random.Random(seed),
            base_iri=base_iri,
            years=(first, last),
            texts=out_dir / "texts" if texts else None,
            plant=plant,
            progress=progress,
        )
        generator.run(organisations)
        stream.flush()
    summary = SynthSummary(
        path=str(target),
        quads=generator.out.count,
        seed=seed,
        years=(first, last),
        counts=dict(generator.counts),
        planted=generator.planted,
    )
    (out_dir / "synth.json").write_text(summary.to_json() + "\n", encoding="utf-8")
    return summary


_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "ø": "o", "Ø": "O", "đ": "d"})


def _slug(text: str) -> str:
    ascii_text = (
        unicodedata.normalize("NFKD", text.translate(_LETTERS)).encode("ascii", "ignore").decode()
    )
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_text.lower()).split())


@dataclass
class _Org:
    iri: str
    label: str
    kind: str
    helix: str
    region: int
    country: str
    degree: int = 0


class _Document:
    """A synthetic news item: sentences, each stating facts about one node, written as the
    document's named graph with a text-evidence derivation per sentence."""

    def __init__(self, generator: _Generator, stem: str, title: str, issued: date):
        self.generator = generator
        self.stem = stem
        self.title = title
        self.issued = issued
        self.sentences: list[tuple[str, str, list[tuple[str, str]], tuple[str, ...]]] = []

    def say(self, sentence: str, node: str, facts: list[tuple[str, str]], supports=()) -> None:
        """Add a sentence stating ``facts`` (predicate, object) of ``node``; ``supports``
        names the predicates the sentence supports (default: those of the facts)."""
        self.sentences.append((sentence, node, facts, supports or tuple(p for p, _ in facts)))

    def write(self) -> None:
        gen = self.generator
        doc = gen.id("document/" + self.stem)
        graph = gen.graph(self.stem)
        text = " ".join(s for s, *_ in self.sentences)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        q = gen.out.quad
        q(doc, A, iri(_RKG + "NewsItem"), graph)
        q(doc, iri(_DCT + "title"), literal(self.title, lang="en"), graph)
        q(doc, iri(_DCT + "issued"), literal(self.issued.isoformat(), datatype="date"), graph)
        q(doc, iri(_DCT + "language"), literal("en", datatype="language"), graph)
        q(doc, iri(_RKG + "sourceFile"), literal(f"texts/{self.stem}.txt"), graph)
        q(doc, iri(_RKG + "sha256"), literal(digest), graph)
        offset = 0
        for sentence, node, facts, supports in self.sentences:
            start, end = offset, offset + len(sentence)
            offset = end + 1
            for predicate, obj in facts:
                q(node, predicate, obj, graph)
            if not gen.skip_source(node):
                q(node, DERIVED, doc, graph)
            span = gen.id(f"evidence/{self.stem}/{start}-{end}")
            q(node, iri(_PROV + "qualifiedDerivation"), span, graph)
            q(span, A, iri(_PROV + "Derivation"), graph)
            q(span, A, iri(_TEXT_EVIDENCE), graph)
            q(span, iri(_PROV + "entity"), doc, graph)
            for predicate in dict.fromkeys(supports):
                q(span, iri(_SUPPORTS), predicate, graph)
            selector = gen.bnode()
            q(span, iri(_OA + "hasSelector"), selector, graph)
            q(selector, A, iri(_OA + "TextPositionSelector"), graph)
            q(selector, iri(_OA + "start"), literal(start, datatype="nonNegativeInteger"), graph)
            q(selector, iri(_OA + "end"), literal(end, datatype="nonNegativeInteger"), graph)
            checksum = hashlib.sha256(sentence.encode("utf-8")).hexdigest()[:16]
            q(span, iri(_SPAN_CHECKSUM), literal(checksum), graph)
        if gen.texts is not None:
            gen.texts.mkdir(parents=True, exist_ok=True)
            (gen.texts / f"{self.stem}.txt").write_text(text, encoding="utf-8", newline="")


class _Generator:
    def __init__(self, out, rng, *, base_iri, years, texts, plant, progress):
        self.out: NQuadsWriter = out
        self.rng: random.Random = rng
        self.base = base_iri
        self.years = years
        self.texts: Path | None = texts
        self.plant = {kind: rng.randrange(3) for kind in plant}
        self.planted: list[tuple[str, str, str, str]] = []
        self.progress = progress
        self.counts: dict[str, int] = {}
        self._bnodes = 0
        self._unsourced: set[str] = set()

    # --- terms

    def id(self, path: str) -> str:
        return iri(f"{self.base}id/{path}")

    def graph(self, name: str) -> str:
        return iri(f"{self.base}graph/synth/{name}")

    def bnode(self) -> str:
        self._bnodes += 1
        return f"_:s{self._bnodes}"

    def count(self, kind: str, n: int = 1) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + n

    def planting(self, kind: str, focus: str) -> bool:
        """Whether to plant ``kind`` on ``focus`` now: once per kind, after a few skips."""
        left = self.plant.get(kind)
        if left is None:
            return False
        if left > 0:
            self.plant[kind] = left - 1
            return False
        del self.plant[kind]
        shape, path = PLANTS[kind]
        self.planted.append((kind, shape, focus.strip("<>"), path))
        return True

    def skip_source(self, node: str) -> bool:
        return node in self._unsourced

    def reference(self, stem: str, title: str, source: str) -> tuple[str, str]:
        """Write a reference compilation (a document without a text) and return its IRI
        and named graph."""
        doc, graph = self.id("document/" + stem), self.graph(stem)
        q = self.out.quad
        q(doc, A, iri(_RKG + "CuratedReference"), graph)
        q(doc, iri(_DCT + "title"), literal(title, lang="en"), graph)
        q(doc, iri(_DCT + "source"), iri(source), graph)
        q(doc, iri(_DCT + "language"), literal("en", datatype="language"), graph)
        q(doc, iri(_RKG + "sourceFile"), literal(f"synthetic/{stem}"), graph)
        return doc, graph

    def from_reference(self, node: str, doc: str, graph: str, supports, comment: str) -> None:
        q = self.out.quad
        if not self.skip_source(node):
            q(node, DERIVED, doc, graph)
        basis = self.bnode()
        q(node, iri(_PROV + "qualifiedDerivation"), basis, graph)
        q(basis, A, iri(_PROV + "Derivation"), graph)
        q(basis, A, iri(_REFERENCE_BASIS), graph)
        q(basis, iri(_PROV + "entity"), doc, graph)
        for predicate in supports:
            q(basis, iri(_SUPPORTS), predicate, graph)
        q(basis, iri(_RDFS + "comment"), literal(comment, lang="en"), graph)

    def labels(self, node: str, text: str, graph: str) -> None:
        # Entities carry rdfs:label only; skos:prefLabel is kept for vocabulary concepts.
        self.out.quad(node, LABEL, literal(text, lang="en"), graph)

    def weighted(self, items, weights):
        return self.rng.choices(items, weights=weights, k=1)[0]

    def heavy(self, minimum: int, scale: float, alpha: float, cap: int) -> int:
        return min(cap, minimum + int(scale * (self.rng.paretovariate(alpha) - 1)))

    # --- the ecosystem

    def run(self, organisations: int) -> None:
        rng = self.rng
        weights = [rng.paretovariate(1.1) for _ in REGIONS]
        # Every organisation is placed by region weight; regions without one are left out.
        placed = rng.choices(range(len(REGIONS)), weights=weights, k=organisations)
        used = sorted(set(placed))
        self.region_orgs: dict[int, list[_Org]] = {r: [] for r in used}
        self.places(used)
        self.programmes()
        self.organisations(placed, used)
        self.clusters(used, weights)
        self.projects(organisations)
        self.events(organisations, used, weights)

    def places(self, used: list[int]) -> None:
        doc, graph = self.reference(
            "places",
            "NUTS 2016 regions and their main cities (synthetic compilation)",
            "http://data.europa.eu/nuts/",
        )
        q = self.out.quad
        countries = sorted({REGIONS[r].country for r in used})
        self.country_iri = {}
        for code in countries:
            country = COUNTRIES[code]
            node = self.id(f"country/{code.lower()}")
            self.country_iri[code] = node
            q(node, A, iri(_RKG + "Country"), graph)
            self.labels(node, country.name, graph)
            q(node, iri(_SKOS + "notation"), literal(code), graph)
            q(
                node,
                iri(_OWL + "sameAs"),
                iri("http://www.wikidata.org/entity/" + country.wikidata),
                graph,
            )
            self.from_reference(
                node, doc, graph, (A, LABEL, iri(_SKOS + "notation")), "ISO 3166 code."
            )
        self.region_iri: dict[int, str] = {}
        self.city_iri: dict[int, list[tuple[str, City]]] = {}
        for r in used:
            region = REGIONS[r]
            node = self.id(f"region/nuts-{region.nuts.lower()}")
            self.region_iri[r] = node
            self._region(node, region, graph, doc)
            self.city_iri[r] = []
            for city in region.cities:
                city_node = self.id(f"city/{_slug(city.name)}-{region.nuts.lower()}")
                self.city_iri[r].append((city_node, city))
                lat = 95.0 if self.planting("city_latitude_out_of_range", city_node) else city.lat
                q(city_node, A, iri(_RKG + "City"), graph)
                self.labels(city_node, city.name, graph)
                q(city_node, CONTAINED, node, graph)
                q(city_node, iri(_GEO + "lat"), literal(f"{lat:.4f}", datatype="decimal"), graph)
                q(
                    city_node,
                    iri(_GEO + "long"),
                    literal(f"{city.long:.4f}", datatype="decimal"),
                    graph,
                )
                supports = (A, LABEL, CONTAINED, iri(_GEO + "lat"), iri(_GEO + "long"))
                self.from_reference(
                    city_node,
                    doc,
                    graph,
                    supports,
                    "Seat of the region's administration or a main city.",
                )
            self.count("cities", len(region.cities))
        self.count("countries", len(countries))
        self.count("regions", len(used))

    def _region(self, node: str, region: Region, graph: str, doc: str) -> None:
        q = self.out.quad
        code = region.nuts
        if self.planting("region_code_mismatch", node):
            code = region.country + "99"
        q(node, A, iri(_RKG + "Region"), graph)
        self.labels(node, region.name, graph)
        q(node, iri(_SKOS + "notation"), literal(code), graph)
        q(
            node,
            iri(_RKG + "nutsRegion"),
            iri("http://data.europa.eu/nuts/code/" + region.nuts),
            graph,
        )
        q(node, CONTAINED, self.country_iri[region.country], graph)
        specialisations = self.rng.sample(_SECTORS, 2)
        for sector in specialisations:
            q(node, iri(_RKG + "smartSpecialisation"), iri(str(SECTOR[sector])), graph)
        supports = (A, LABEL, iri(_SKOS + "notation"), iri(_RKG + "nutsRegion"), CONTAINED)
        self.from_reference(node, doc, graph, supports, "NUTS 2016 level 2.")

    def programmes(self) -> None:
        doc, graph = self.reference(
            "programmes",
            "EU funds, programmes and their priorities (synthetic compilation)",
            "https://ec.europa.eu/info/funding-tenders/",
        )
        q = self.out.quad
        for slug, name, acronym in _FUNDS:
            node = self.id(f"fund/{slug}")
            q(node, A, iri(_RKG + "Fund"), graph)
            self.labels(node, name, graph)
            q(node, iri(_SKOS + "altLabel"), literal(acronym, lang="en"), graph)
            self.from_reference(node, doc, graph, (A, LABEL), "An EU fund.")
        self.measures: list[tuple[str, str, int, int]] = []
        for slug, name, first, last, fund in _PROGRAMMES:
            node = self.id(f"programme/{slug}")
            q(node, A, iri(_RKG + "Programme"), graph)
            self.labels(node, name, graph)
            q(node, START, literal(first, datatype="gYear"), graph)
            q(node, END, literal(last, datatype="gYear"), graph)
            supports = [A, LABEL, START, END]
            if fund:
                q(node, iri(_RKG + "financedBy"), self.id(f"fund/{fund}"), graph)
                supports.append(iri(_RKG + "financedBy"))
            self.from_reference(node, doc, graph, supports, "The programme's legal basis.")
            for number in range(1, 4):
                measure = self.id(f"measure/{slug}-{number}")
                q(measure, A, iri(_RKG + "Measure"), graph)
                self.labels(measure, f"{name}, priority {number}", graph)
                q(measure, iri(_DCT + "isPartOf"), node, graph)
                q(measure, iri(_SKOS + "notation"), literal(str(number)), graph)
                supports = (A, LABEL, iri(_DCT + "isPartOf"))
                self.from_reference(measure, doc, graph, supports, "A priority of the programme.")
                self.measures.append((measure, name, first, last))
        self.count("programmes", len(_PROGRAMMES))

    def _name(self, kind: str, region: Region, city: City, number: int) -> str:
        rng = self.rng
        if kind == "Company":
            stem = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
            sector = _words(rng.choice(_SECTORS))
            return f"{stem} {sector} {_SUFFIX[region.country]} ({number})"
        names = {
            "University": f"University of {city.name} ({number})",
            "ResearchOrganisation": (
                f"Institute of {_words(rng.choice(_SECTORS))}, {city.name} ({number})"
            ),
            "SciencePark": f"{city.name} Science and Technology Park ({number})",
            "DevelopmentAgency": f"{region.name} Development Agency ({number})",
            "MunicipalGovernment": f"City of {city.name} ({number})",
            "ChamberOfCommerce": f"{city.name} Chamber of Commerce ({number})",
            "ClusterAssociation": f"{region.name} Cluster Association ({number})",
            "RegionalGovernment": f"Regional Government of {region.name}",
        }
        return names[kind]

    def organisations(self, placed: list[int], used: list[int]) -> None:
        kinds = [k for k, _, _ in _KINDS]
        shares = [s for _, s, _ in _KINDS]
        helix = {k: h for k, _, h in _KINDS}
        helix["RegionalGovernment"] = "public"
        helix["ClusterInitiative"] = "civil-society"
        self.helix = helix
        self.orgs: list[_Org] = []
        registers: dict[int, tuple[str, str]] = {}
        # One regional government per region, then the others by share.
        plan = [(r, "RegionalGovernment") for r in used]
        plan += [(r, self.weighted(kinds, shares)) for r in placed[len(used) :]]
        plan.sort(key=lambda item: item[0])
        total = len(plan)
        for n, (r, kind) in enumerate(plan):
            if r not in registers:
                region = REGIONS[r]
                registers[r] = self.reference(
                    f"register-{region.nuts.lower()}",
                    f"Register of organisations in {region.name} (synthetic)",
                    "https://w3id.org/regiokg/synthetic",
                )
            self._organisation(n, r, kind, *registers[r])
            if self.progress and n % 1000 == 0:
                self.progress("organisations", n, total)
        self.count("organisations", total)

    def _organisation(self, n: int, r: int, kind: str, doc: str, graph: str) -> _Org:
        region = REGIONS[r]
        city_node, city = self.rng.choice(self.city_iri[r])
        node = self.id(f"org/synth-{n:07d}")
        org = _Org(
            node, self._name(kind, region, city, n), kind, self.helix[kind], r, region.country
        )
        self.orgs.append(org)
        self.region_orgs[r].append(org)
        q = self.out.quad
        if self.planting("organisation_without_source", node):
            self._unsourced.add(node)
        q(node, A, iri(_RKG + kind), graph)
        self.labels(node, org.label, graph)
        seat = (
            self.region_iri[r] if self.planting("organisation_based_in_region", node) else city_node
        )
        q(node, iri(_RKG + "basedIn"), seat, graph)
        q(node, iri(_RKG + "region"), self.region_iri[r], graph)
        q(node, iri(_RKG + "sector"), iri(str(SECTOR[self.rng.choice(_SECTORS)])), graph)
        founded = self.rng.randint(1950, self.years[0])
        q(node, iri(_SCHEMA + "foundingDate"), literal(founded, datatype="gYear"), graph)
        supports = (
            A,
            LABEL,
            iri(_RKG + "basedIn"),
            iri(_RKG + "region"),
            iri(_SCHEMA + "foundingDate"),
        )
        self.from_reference(node, doc, graph, supports, "Entry of the register.")
        return org

    def pick(self, pool: list[_Org], taken: set[str]) -> _Org | None:
        """An organisation of ``pool`` not yet ``taken``: by degree (preferential
        attachment) or uniformly, half and half; None after a few misses."""
        rng = self.rng
        for _ in range(8):
            if rng.random() < 0.5:
                org = rng.choice(pool)
            else:
                org = (
                    rng.choices(pool, weights=[o.degree + 1 for o in pool], k=1)[0]
                    if len(pool) < 64
                    else self._by_degree(pool)
                )
            if org.iri not in taken:
                return org
        return None

    def _by_degree(self, pool: list[_Org]) -> _Org:
        # Large pools: rejection sampling on degree avoids a weight list per draw.
        top = max(1, max(o.degree for o in self.rng.sample(pool, min(16, len(pool)))))
        while True:
            org = self.rng.choice(pool)
            if self.rng.random() * (top + 1) <= org.degree + 1:
                return org

    def partners(self, r: int, size: int, home: float, country: float, first: _Org | None = None):
        """``size`` distinct organisations around region ``r``: each from the region with
        probability ``home``, else from its country with probability ``country``, else from
        anywhere."""
        chosen: list[_Org] = [first] if first else []
        taken = {o.iri for o in chosen}
        code = REGIONS[r].country
        national = self.country_orgs.get(code, self.orgs)
        misses = 0
        while len(chosen) < size and misses < 3 * size:
            draw = self.rng.random()
            pool = (
                self.region_orgs[r]
                if draw < home
                else national
                if draw < home + country
                else self.orgs
            )
            org = self.pick(pool, taken)
            if org is None:
                misses += 1
                continue
            chosen.append(org)
            taken.add(org.iri)
        for org in chosen:
            org.degree += 1
        return chosen

    def clusters(self, used: list[int], weights: list[float]) -> None:
        self.country_orgs: dict[str, list[_Org]] = {}
        for org in self.orgs:
            self.country_orgs.setdefault(org.country, []).append(org)
        total = max(1, len(self.orgs) // 40)
        homes = self.rng.choices(used, weights=[weights[r] for r in used], k=total)
        homes.sort()
        first_year = self.years[0]
        for n, r in enumerate(homes):
            region = REGIONS[r]
            sector = self.rng.choice(_SECTORS)
            number = len(self.orgs)
            stem = f"cluster-{n:06d}"
            news = _Document(
                self,
                stem,
                f"Cluster profile {n}",
                date(first_year, 1, 1) + timedelta(days=self.rng.randrange(365)),
            )
            city_node, city = self.rng.choice(self.city_iri[r])
            node = self.id(f"org/synth-{number:07d}")
            label = f"{region.name} {_words(sector)} Cluster ({number})"
            org = _Org(node, label, "ClusterInitiative", "civil-society", r, region.country)
            self.orgs.append(org)
            self.region_orgs[r].append(org)
            candidates = [
                o
                for o in self.region_orgs[r]
                if o.kind in ("SciencePark", "DevelopmentAgency", "University")
            ]
            coordinator = self.rng.choice(candidates or self.region_orgs[r])
            facts = [
                (A, iri(_RKG + "ClusterInitiative")),
                (LABEL, literal(label, lang="en")),
                (iri(_RKG + "basedIn"), city_node),
                (iri(_RKG + "region"), self.region_iri[r]),
                (iri(_RKG + "sector"), iri(str(SECTOR[sector]))),
                (iri(_RKG + "coordinatedBy"), coordinator.iri),
            ]
            news.say(
                f"{label}, based in {city.name}, is coordinated by {coordinator.label}.",
                node,
                facts,
            )
            size = self.heavy(3, 6, 1.3, 400)
            members = self.partners(r, size, 0.85, 0.1, coordinator)
            founded = self.rng.randint(1995, first_year)
            for m, member in enumerate(members):
                membership = self.id(f"membership/synth-{number:07d}-{m:03d}")
                year = self.rng.randint(founded, max(founded, self.years[1]))
                facts = [
                    (A, iri(_ORG + "Membership")),
                    (iri(_ORG + "member"), member.iri),
                    (iri(_ORG + "role"), iri(str(ROLE.member))),
                    (iri(_RKG + "helixKind"), iri(str(HELIX[member.helix]))),
                    (START, literal(year, datatype="gYear")),
                ]
                if not self.planting("membership_without_organisation", membership):
                    facts.insert(2, (iri(_ORG + "organization"), node))
                news.say(
                    f"{member.label} has been a member of {label} since {year}.", membership, facts
                )
            news.write()
            self.count("clusters")
            self.count("memberships", len(members))
            if self.progress:
                self.progress("clusters", n + 1, total)

    def projects(self, organisations: int) -> None:
        total = max(1, organisations // 15)
        first, last = self.years
        self.projects_by_year: dict[int, list[str]] = {}
        measures = [m for m in self.measures if m[3] >= first and m[2] <= last] or self.measures
        for n in range(total):
            measure, programme, p_first, p_last = self.rng.choice(measures)
            start = self.rng.randint(max(first, p_first), min(last, p_last))
            end = start + self.rng.randint(1, 4)
            lead = self.rng.choice(self.orgs)
            size = self.heavy(3, 3, 1.5, 40)
            consortium = self.partners(lead.region, size, 0.3, 0.2, lead)
            acronym = "".join(self.rng.choice(_SYLLABLES) for _ in range(2)).upper() + str(n)
            node = self.id(f"project/synth-{n:07d}")
            stem = f"project-{n:07d}"
            news = _Document(self, stem, f"{acronym}: project fact sheet", date(start, 1, 15))
            title = (
                f"{acronym}: {self.rng.choice(_SECTORS).replace('-', ' ')} cooperation of regions"
            )
            facts = [
                (A, iri(_RKG + "Project")),
                (LABEL, literal(title, lang="en")),
                (iri(_SCHEMA + "name"), literal(title, lang="en")),
                (iri(_SKOS + "altLabel"), literal(acronym, lang="en")),
                (iri(_RKG + "status"), iri(str(STATUS.held))),
                (iri(_RKG + "region"), self.region_iri[lead.region]),
                (iri(_RKG + "sector"), iri(str(SECTOR[self.rng.choice(_SECTORS)]))),
                (START, literal(start, datatype="gYear")),
                (END, literal(end, datatype="gYear")),
            ]
            news.say(f"{title} ran from {start} to {end} under {programme}.", node, facts)
            funding = self.id(f"funding/synth-{n:07d}")
            facts = [
                (A, iri(_RKG + "Funding")),
                (iri(_RKG + "fundedProject"), node),
                (iri(_RKG + "fundingInstrument"), measure),
            ]
            news.say(f"It was financed under {programme}.", funding, facts)
            for i, org in enumerate(consortium):
                role = ROLE["lead-partner"] if i == 0 else ROLE["project-partner"]
                self._participation(
                    news,
                    f"{stem}-{i:03d}",
                    org,
                    node,
                    role,
                    f"{org.label} was a partner of {acronym}.",
                )
            for year in range(start, end + 1):
                self.projects_by_year.setdefault(year, []).append(node)
            news.write()
            self.count("projects")
            if self.progress and n % 100 == 0:
                self.progress("projects", n, total)

    def _participation(
        self, news: _Document, key: str, org: _Org, activity: str, role, sentence: str
    ) -> None:
        node = self.id(f"participation/{key}")
        facts = [
            (A, iri(_RKG + "Participation")),
            (iri(_RKG + "agent"), org.iri),
            (iri(_RKG + "activity"), activity),
            (iri(_RKG + "role"), iri(str(role))),
        ]
        if self.planting("participation_two_agents", node):
            facts.append((iri(_RKG + "agent"), self.rng.choice(self.orgs).iri))
        news.say(sentence, node, facts)
        self.count("participations")

    def events(self, organisations: int, used: list[int], weights: list[float]) -> None:
        first, last = self.years
        span = last - first + 1
        total = max(1, int(organisations * 0.55))
        kinds = [k for k, _ in _EVENT_KINDS]
        shares = [s for _, s in _EVENT_KINDS]
        region_weights = [weights[r] for r in used]
        for n in range(total):
            # Activity grows over the years: later years weigh more.
            year = first + min(span - 1, int(span * self.rng.random() ** 0.8))
            r = self.weighted(used, region_weights)
            kind = self.weighted(kinds, shares)
            city_node, city = self.rng.choice(self.city_iri[r])
            start = date(year, 1, 1) + timedelta(days=self.rng.randrange(360))
            end = start + timedelta(days=self.rng.choice((0, 0, 1, 1, 2, 3)))
            node = self.id(f"event/synth-{n:07d}")
            topic = self.rng.choice(_SECTORS + _THEMES)
            topic_iri = THEME[topic] if topic in _THEMES else SECTOR[topic]
            label = f"{_kind_label(kind)} on {_words(topic)} in {city.name}, {start}"
            start_term = literal(start.isoformat(), datatype="date")
            if self.planting("event_start_as_text", node):
                start_term = literal(start.isoformat())
            end_term = literal(end.isoformat(), datatype="date")
            if self.planting("event_ends_before_start", node):
                end_term = literal((start - timedelta(days=2)).isoformat(), datatype="date")
            facts = [
                (A, iri(_RKG + kind)),
                (LABEL, literal(label, lang="en")),
                (iri(_SCHEMA + "name"), literal(label, lang="en")),
                (START, start_term),
                (END, end_term),
                (iri(_SCHEMA + "location"), city_node),
                (iri(_RKG + "topic"), iri(str(topic_iri))),
                (iri(_RKG + "status"), iri(str(STATUS.held))),
            ]
            active = self.projects_by_year.get(year)
            if active and self.rng.random() < 0.2:
                facts.append((iri(_RKG + "partOfProject"), self.rng.choice(active)))
            stem = f"event-{n:07d}"
            news = _Document(self, stem, label, end + timedelta(days=2))
            news.say(f"The {label} took place in {city.name} from {start} to {end}.", node, facts)
            host = self.pick(self.region_orgs[r], set())
            size = self.heavy(3, 4, 1.4, 80)
            for i, org in enumerate(self.partners(r, size, 0.6, 0.25, host)):
                role = (
                    ROLE.host
                    if i == 0
                    else ROLE.speaker
                    if self.rng.random() < 0.15
                    else ROLE.participant
                )
                self._participation(
                    news,
                    f"{stem}-{i:03d}",
                    org,
                    node,
                    role,
                    f"{org.label} took part as {role.split('/')[-1]}.",
                )
            news.write()
            self.count("events")
            if self.progress and n % 500 == 0:
                self.progress("events", n, total)
        if self.progress:
            self.progress("events", total, total)


def _kind_label(kind: str) -> str:
    # "StudyVisit" -> "Study visit"
    words = "".join(f" {c.lower()}" if c.isupper() else c for c in kind).strip()
    return words[0].upper() + words[1:]


def _words(slug: str) -> str:
    return slug.replace("-", " ").title()
