"""Role statements read as sentences: on an entity's page, every n-ary node it takes part
in (a participation, membership, post, funding, twinning or label award) becomes one line
with the counterpart, the role, the dates, the place and the source document, grouped by
what the entity is in it ("Took part in", "Members", "Posts held" …), as Wikidata shows a
statement with its qualifiers. The rows come from the named query ``entity_roles``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import URIRef

from regiokg.serve.site import Site, Term

__all__ = ["RoleGroup", "RoleLine", "role_groups"]

RKG = "https://w3id.org/regiokg/ontology#"
ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"

#: (kind, the entity's position) -> heading, most telling first.
HEADINGS = {
    (RKG + "Participation", RKG + "agent"): "Took part in",
    (RKG + "Participation", RKG + "onBehalfOf"): "Represented by",
    (RKG + "Participation", RKG + "activity"): "Participants",
    (ORG + "Membership", ORG + "member"): "Member of",
    (ORG + "Membership", ORG + "organization"): "Members",
    (ORG + "Post", ORG + "heldBy"): "Posts held",
    (ORG + "Post", ORG + "postIn"): "People and posts",
    (RKG + "Funding", RKG + "fundedProject"): "Funded by",
    (RKG + "Funding", RKG + "fundingInstrument"): "Funds",
    (RKG + "Twinning", RKG + "twinnedCity"): "Twinned with",
    (RKG + "LabelAward", RKG + "awardedTo"): "Labels awarded",
    # On the pages of concepts: the statements that use them.
    (RKG + "Participation", RKG + "role"): "Participations in this role",
    (ORG + "Membership", ORG + "role"): "Memberships in this role",
    (ORG + "Post", ORG + "role"): "Posts of this kind",
    (ORG + "Membership", RKG + "helixKind"): "Memberships in this helix",
    (RKG + "LabelAward", RKG + "labelLevel"): "Awards at this level",
}
#: Properties naming the other parties of a statement, in the order a line names them,
#: with the words that introduce them.
PARTIES = [
    (RKG + "agent", ""),
    (ORG + "heldBy", ""),
    (ORG + "member", ""),
    (RKG + "fundedProject", ""),
    (RKG + "activity", ""),
    (ORG + "postIn", ""),
    (ORG + "organization", ""),
    (RKG + "fundingInstrument", ""),
    (RKG + "twinnedCity", ""),
    (RKG + "awardedTo", ""),
    (RKG + "onBehalfOf", "on behalf of"),
]
ROLE_PROPERTIES = (RKG + "role", ORG + "role", RKG + "labelLevel")
QUALIFIERS = {RKG + "helixKind": "helix", RKG + "awardYear": "year"}


@dataclass
class RoleLine:
    """One statement as a line: the other ``parties`` (introducing words, term), the
    ``role`` (or label level), the ``title`` it was given (a post's title), ``dates``
    (text), ``place``, other ``qualifiers`` (name, term), the ``sources`` (document term,
    issued date) and the ``node`` itself, for the raw triples."""

    node: Term
    parties: list[tuple[str, Term]] = field(default_factory=list)
    role: Term | None = None
    title: str | None = None
    dates: str = ""
    place: Term | None = None
    qualifiers: list[tuple[str, Term]] = field(default_factory=list)
    sources: list[tuple[Term, str]] = field(default_factory=list)


@dataclass
class RoleGroup:
    """The lines of one kind of statement in which the entity plays one part."""

    heading: str
    kind: Term
    lines: list[RoleLine]


def _dates(values: dict[str, list], *, lasting: bool) -> str:
    start = [str(v) for v in values.get(SCHEMA + "startDate", [])]
    end = [str(v) for v in values.get(SCHEMA + "endDate", [])]
    if start and end and start[0] != end[0]:
        return f"{start[0]} – {end[0]}"
    if start and end:
        return start[0]
    if start:
        # A membership or twinning lasts from its start; an event just took place then.
        return f"since {start[0]}" if lasting else start[0]
    if end:
        return f"until {end[0]}"
    return ""


def _issued(site: Site) -> dict[str, str]:
    """Source document -> the date it was issued (cached)."""
    return site.cached(
        "document-issued",
        lambda: {
            str(row["document"]): str(row["issued"])
            for row in site.run("source_documents")
            if row["issued"] is not None
        },
    )


def _line(site: Site, iri: str, node: str, rows: list[tuple[str, str, object]]) -> RoleLine:
    own: dict[str, list] = defaultdict(list)
    activity: dict[str, list] = defaultdict(list)
    for of, prop, value in rows:
        (own if of == "node" else activity)[prop].append(value)
    line = RoleLine(node=site.term(URIRef(node)))
    for prop, words in PARTIES:
        for value in own.get(prop, []):
            if str(value) != iri:
                # "at" the event once someone has been named before it.
                said = "at" if prop == RKG + "activity" and line.parties else words
                line.parties.append((said, site.term(value)))
    roles = [v for p in ROLE_PROPERTIES for v in own.get(p, [])]
    line.role = site.term(roles[0]) if roles else None
    titles = own.get(RDFS + "label", [])
    if ORG + "heldBy" in own and titles:
        english = [t for t in titles if getattr(t, "language", None) == "en"]
        line.title = str((english or titles)[0])
    line.dates = _dates(own, lasting=True) or _dates(activity, lasting=False)
    places = activity.get(SCHEMA + "location", [])
    line.place = site.term(places[0]) if places else None
    for prop, name in QUALIFIERS.items():
        line.qualifiers += [(name, site.term(v)) for v in own.get(prop, [])]
    documents = own.get(PROV + "wasDerivedFrom", [])
    issued = _issued(site)
    line.sources = [(site.term(d), issued.get(str(d), "")) for d in documents]
    return line


def role_groups(site: Site, iri: str) -> list[RoleGroup]:
    """The role statements ``iri`` takes part in, as readable lines grouped by kind and
    position, in the order of :data:`HEADINGS` (unknown pairs last); lines are ordered by
    date, then by their first party's label."""
    by_node: dict[tuple[str, str, str], list] = defaultdict(list)
    for row in site.run("entity_roles", entity_iri=iri):
        key = (str(row["kind"]), str(row["position"]), str(row["node"]))
        by_node[key].append((str(row["of"]), str(row["property"]), row["value"]))
    grouped: dict[tuple[str, str], list[RoleLine]] = defaultdict(list)
    for (kind, position, node), rows in by_node.items():
        grouped[kind, position].append(_line(site, iri, node, rows))
    order = list(HEADINGS)
    groups = []
    for key in sorted(grouped, key=lambda k: (order.index(k) if k in order else len(order), k)):
        kind, position = key
        heading = HEADINGS.get(key) or f"{site.curie(kind)} as {site.curie(position)}"
        lines = sorted(
            grouped[key],
            key=lambda line: (
                line.dates or "~",
                line.parties[0][1].text if line.parties else "",
                line.node.iri or "",
            ),
        )
        groups.append(RoleGroup(heading, site.term(URIRef(kind)), lines))
    return groups
