"""Partner search: organisations a cluster (or any organisation) could work with, ranked,
each with its reasons and their evidence -- the main service of the European Cluster
Collaboration Platform, computed on the knowledge graph.

A candidate ``c`` for the organisation ``s`` scores

.. math::

   \\mathrm{score}(s, c) = w_t\\,T(s, c) + w_h\\,H(s, c) + w_p\\,P(s, c)

with weights :data:`WEIGHTS` and three parts, each in [0, 1]:

* **themes** :math:`T`: the Jaccard similarity of the sets of sectors and themes of the two
  organisations (their own ``rkg:sector`` values, and the topics and sectors of the events
  and projects they took part in);
* **helix** :math:`H`: 1 when the two belong to different helices of the triple (or
  quadruple) helix -- industry, research, public, civil society (Etzkowitz & Leydesdorff
  2000) -- so that complementary partners rank higher; 0 when they share one or either is
  unknown;
* **proximity** :math:`P`: the mean of the Adamic--Adar index and the personalised
  PageRank of ``c`` seen from ``s`` in the collaboration network, each divided by its
  largest value among the candidates. The Adamic--Adar index sums
  :math:`1/\\log k_w` over the common neighbours :math:`w` of ``s`` and ``c`` (:math:`k_w`
  the degree of :math:`w`), so a shared partner with few ties counts more than a hub;
  personalised PageRank is PageRank whose random jumps all return to ``s`` (damping
  :math:`\\alpha = 0.85`, weighted by tie weight), which also reaches organisations two or
  more steps away.

Organisations already tied to ``s`` are not suggested unless ``include_known`` is set.
Every non-zero part comes with reasons ("shares the aviation sector", "both met Klastry
Polskie at …") and the IRIs that support them.

References
----------
.. [1] L. A. Adamic and E. Adar, "Friends and neighbors on the Web", Social Networks
   25(3), 211--230, 2003. doi:10.1016/S0378-8733(03)00009-1
.. [2] M. E. J. Newman, "Clustering and preferential attachment in growing networks",
   Physical Review E 64, 025102, 2001 (common neighbours as link predictor).
   doi:10.1103/PhysRevE.64.025102
.. [3] T. H. Haveliwala, "Topic-sensitive PageRank", Proceedings of WWW 2002, 517--526.
   doi:10.1145/511446.511513
.. [4] D. Liben-Nowell and J. Kleinberg, "The link-prediction problem for social
   networks", JASIST 58(7), 1019--1031, 2007. doi:10.1002/asi.20591
.. [5] H. Etzkowitz and L. Leydesdorff, "The dynamics of innovation: from National
   Systems and 'Mode 2' to a Triple Helix of university--industry--government
   relations", Research Policy 29(2), 109--123, 2000. doi:10.1016/S0048-7333(99)00055-4

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_edges_from([("a", "hub"), ("b", "hub"), ("b", "c")], weight=1)
>>> for n in G:
...     G.nodes[n].update(label=n, kind="Company")
>>> [s.candidate for s in suggest_partners(G, "a", {}, top=2)]
['b', 'c']
"""

from __future__ import annotations

import math
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from regiokg.config import Project
from regiokg.network.projections import _project, _rows

__all__ = [
    "HELIX_OF_KIND",
    "WEIGHTS",
    "Profile",
    "Reason",
    "Suggestion",
    "find_organisation",
    "partner_profiles",
    "partners_table",
    "suggest_partners",
]

HELIX = "https://w3id.org/regiokg/vocab/helix/"
#: Weights of the themes, helix and proximity parts of the score.
WEIGHTS = {"themes": 0.35, "helix": 0.2, "proximity": 0.45}
#: The helix of an organisation by its most specific class, where its memberships state
#: none: firms are industry, universities and institutes research, authorities and
#: development agencies public, chambers and associations civil society. Cluster
#: organisations, networks and platforms bridge the helices and get none.
HELIX_OF_KIND = {
    "Company": "industry",
    "University": "research",
    "ResearchOrganisation": "research",
    "PublicAuthority": "public",
    "MunicipalGovernment": "public",
    "RegionalGovernment": "public",
    "Ministry": "public",
    "EUDirectorateGeneral": "public",
    "EUInstitution": "public",
    "MunicipalUnion": "public",
    "DevelopmentAgency": "public",
    "ChamberOfCommerce": "civil-society",
    "ClusterAssociation": "civil-society",
}
_DAMPING = 0.85


@dataclass
class Profile:
    """What partner search knows of one organisation: its ``themes`` (sector IRI ->
    the IRIs it comes from: the organisation itself, or events and projects), its
    ``helices`` (helix IRI -> the memberships stating it) and ``activities`` (IRI ->
    label, year)."""

    themes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    helices: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    activities: dict[str, tuple[str, str | None]] = field(default_factory=dict)


@dataclass
class Reason:
    """Why a candidate is suggested: the ``part`` of the score it explains (themes,
    helix, proximity), a sentence, and the IRIs of the ``evidence``."""

    part: str
    text: str
    evidence: list[str] = field(default_factory=list)


@dataclass
class Suggestion:
    """One suggested partner: ``candidate`` IRI, its ``label``, ``kind`` and
    ``region_label``, the ``score`` and its ``parts``, and the ``reasons``."""

    candidate: str
    label: str
    kind: str | None
    region_label: str | None
    score: float
    parts: dict[str, float]
    reasons: list[Reason]


def partner_profiles(
    target, *, project: Project | str | Path | None = None
) -> tuple[dict[str, Profile], dict[str, str]]:
    """The :class:`Profile` of every organisation in ``target`` (anything
    :func:`regiokg.query.run` accepts), from the named query ``partner_profiles``, and the
    labels of the sectors, helices and activities it names."""
    profiles: dict[str, Profile] = defaultdict(Profile)
    labels: dict[str, str] = {}
    for row in _rows(target, _project(project), "partner_profiles"):
        org, value, via = str(row["org"]), str(row["value"]), str(row["via"])
        profile = profiles[org]
        if row["value_label"]:
            labels[value] = str(row["value_label"])
        if row["via_label"]:
            labels[via] = str(row["via_label"])
        if row["aspect"] == "theme":
            profile.themes[value].add(via)
        elif row["aspect"] == "helix":
            profile.helices[value].add(via)
        else:
            year = row["year"] or None
            profile.activities[value] = (labels.get(value, _tail(value)), year)
    return dict(profiles), labels


def _tail(iri: str) -> str:
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def find_organisation(G: nx.Graph, text: str) -> str:
    """The node of ``G`` that ``text`` names: its IRI, the end of its IRI (``org/pppt``
    or ``pppt``), its label or a part of one label (case and diacritics ignored). Raises
    ``ValueError`` saying what matched when the text names none or several."""
    if text in G:
        return text
    tails = [n for n in G if str(n).endswith("/" + text.strip("/"))]
    if len(tails) == 1:
        return tails[0]
    wanted = _fold(text)
    labels = {n: [_fold(str(G.nodes[n].get(k) or "")) for k in ("label", "label_en")] for n in G}
    exact = [n for n, names in labels.items() if wanted in names]
    if len(exact) == 1:
        return exact[0]
    partial = sorted(n for n, names in labels.items() if any(wanted in name for name in names))
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise ValueError(f"no organisation in the network is called {text!r}")
    names = ", ".join(f"{G.nodes[n].get('label')} ({n})" for n in partial[:6])
    raise ValueError(f"{text!r} names several organisations: {names}; give the IRI")


def _helix(G: nx.Graph, node: str, profile: Profile | None) -> dict[str, set[str]]:
    if profile is not None and profile.helices:
        return profile.helices
    helix = HELIX_OF_KIND.get(G.nodes[node].get("kind") or "")
    return {HELIX + helix: {node}} if helix else {}


def _matches(value: str | None, wanted: str | None, *also: str | None) -> bool:
    if wanted is None:
        return True
    folded = _fold(wanted)
    for candidate in (value, *also):
        if candidate and (candidate == wanted or _fold(_tail(candidate)) == folded):
            return True
        if candidate and _fold(candidate) == folded:
            return True
    return False


def _normalised(values: dict[str, float]) -> dict[str, float]:
    top = max(values.values(), default=0.0)
    return {k: (v / top if top > 0 else 0.0) for k, v in values.items()}


def _theme_reasons(s: str, c: str, profile_s, profile_c, shared, labels) -> list[Reason]:
    reasons = []
    for theme in sorted(shared, key=lambda t: (labels.get(t, _tail(t)), t)):
        name = labels.get(theme, _tail(theme))
        from_s, from_c = profile_s.themes[theme], profile_c.themes[theme]
        if s in from_s and c in from_c:
            text = f"shares the {name} sector"
        else:
            text = f"both work on {name}"
        reasons.append(Reason("themes", text, [theme, *sorted(from_s | from_c)]))
    return reasons


def _proximity_reasons(G, s, c, common, labels) -> list[Reason]:
    reasons = []
    # The shared partners with fewest ties first: they weigh most in Adamic-Adar.
    for w in sorted(common, key=lambda w: (G.degree(w), str(w))):
        acts_s = set(G[s][w].get("activities", []))
        acts_c = set(G[c][w].get("activities", []))
        shared = sorted(acts_s & acts_c)
        who = G.nodes[w].get("label") or _tail(w)
        if shared:
            where = ", ".join(labels.get(a, _tail(a)) for a in shared[:2])
            text = f"both met {who} at {where}"
        else:
            text = f"both work with {who}"
        reasons.append(Reason("proximity", text, [w, *shared, *sorted(acts_s ^ acts_c)[:4]]))
    return reasons


def suggest_partners(
    G: nx.Graph,
    source: str,
    profiles: dict[str, Profile],
    *,
    labels: dict[str, str] | None = None,
    sector: str | None = None,
    region: str | None = None,
    kind: str | None = None,
    top: int = 10,
    include_known: bool = False,
    weights: dict[str, float] | None = None,
) -> list[Suggestion]:
    """The ``top`` partners suggested for ``source`` in the collaboration network ``G``
    (:func:`regiokg.network.collaboration_network`), best first, scored as the module
    docstring says from ``G`` and the :class:`Profile` of each organisation
    (:func:`partner_profiles`; ``labels`` name sectors and activities in the reasons).

    ``sector`` keeps candidates with that sector or theme (IRI, local name such as
    "aviation", or label), ``region`` those in that region (IRI, local name or label),
    ``kind`` those of that class ("ClusterInitiative"); ``include_known`` also ranks
    organisations already tied to ``source``. Ties in score are broken by label, then
    IRI, so the ranking is the same every time."""
    if source not in G:
        raise ValueError(f"{source} is not in the network")
    labels = labels or {}
    weights = weights or WEIGHTS
    known = set(G[source])
    candidates = []
    for c, data in G.nodes(data=True):
        if c == source or (c in known and not include_known) or data.get("kind") == "Person":
            continue
        themes = profiles.get(c, Profile()).themes
        if sector is not None and not any(_matches(t, sector, labels.get(t)) for t in themes):
            continue
        if not _matches(data.get("region"), region, data.get("region_label")):
            continue
        if not _matches(data.get("kind"), kind):
            continue
        candidates.append(c)
    adamic_adar = {c: 0.0 for c in candidates}
    for c in candidates:
        for w in nx.common_neighbors(G, source, c):
            adamic_adar[c] += 1 / math.log(G.degree(w)) if G.degree(w) > 1 else 0.0
    component = nx.node_connected_component(G, source)
    if len(component) > 1:
        sub = G.subgraph(component)
        rank = nx.pagerank(sub, alpha=_DAMPING, personalization={source: 1.0}, weight="weight")
    else:
        rank = {}
    aa = _normalised(adamic_adar)
    ppr = _normalised({c: rank.get(c, 0.0) for c in candidates})
    profile_s = profiles.get(source, Profile())
    helix_s = _helix(G, source, profile_s)
    suggestions = []
    for c in candidates:
        profile_c = profiles.get(c, Profile())
        shared = set(profile_s.themes) & set(profile_c.themes)
        union = set(profile_s.themes) | set(profile_c.themes)
        helix_c = _helix(G, c, profile_c)
        complementary = bool(helix_s and helix_c and not set(helix_s) & set(helix_c))
        parts = {
            "themes": len(shared) / len(union) if union else 0.0,
            "helix": 1.0 if complementary else 0.0,
            "proximity": (aa[c] + ppr[c]) / 2,
        }
        score = sum(weights[k] * v for k, v in parts.items())
        label_c = G.nodes[c].get("label") or _tail(c)
        reasons = _theme_reasons(source, c, profile_s, profile_c, shared, labels)
        if complementary:
            mine = ", ".join(labels.get(h, _tail(h)) for h in sorted(helix_s))
            theirs = ", ".join(labels.get(h, _tail(h)) for h in sorted(helix_c))
            reasons.append(
                Reason(
                    "helix",
                    f"complementary helix: {theirs} beside {mine}",
                    sorted({*helix_c, *(v for vs in helix_c.values() for v in vs)}),
                )
            )
        reasons += _proximity_reasons(G, source, c, set(nx.common_neighbors(G, source, c)), labels)
        suggestions.append(
            Suggestion(
                candidate=c,
                label=label_c,
                kind=G.nodes[c].get("kind"),
                region_label=G.nodes[c].get("region_label"),
                score=round(score, 6),
                parts={k: round(v, 6) for k, v in parts.items()},
                reasons=reasons,
            )
        )
    suggestions.sort(key=lambda s: (-s.score, s.label, s.candidate))
    return suggestions[:top]


def partners_table(suggestions: list[Suggestion]):
    """The suggestions as a pandas DataFrame (rank, candidate, label, kind, region,
    score, the three parts and the reasons joined by "; "), for notebooks."""
    import pandas as pd

    return pd.DataFrame(
        [
            {
                "rank": i,
                "candidate": s.candidate,
                "label": s.label,
                "kind": s.kind,
                "region": s.region_label,
                "score": s.score,
                **s.parts,
                "reasons": "; ".join(r.text for r in s.reasons),
            }
            for i, s in enumerate(suggestions, start=1)
        ]
    )
