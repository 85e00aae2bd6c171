"""Partner search on the server: ``/partners`` is a form (organisation, sector, region,
kind, how many) and the ranked suggestions of
:func:`regiokg.network.partners.suggest_partners`, each with its reasons and the
entities and statements that support them, linked to their pages."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from rdflib import URIRef

from regiokg.network.partners import partner_profiles, suggest_partners
from regiokg.serve.network_page import site_network
from regiokg.serve.site import Site

__all__ = ["router"]

router = APIRouter()


def _profiles(site: Site):
    if "partner-profiles" not in site.cache:
        site.cache["partner-profiles"] = partner_profiles(site.store, project=site.project)
    return site.cache["partner-profiles"]


@router.get("/partners")
def partners(
    request: Request,
    org: str = "",
    sector: str = "",
    region: str = "",
    kind: str = "",
    top: int = 10,
) -> Response:
    """The partner search form and, with ``org``, its suggestions."""
    site: Site = request.app.state.site
    G = site_network(site)
    profiles, labels = _profiles(site)
    organisations = sorted(
        ((n, d.get("label") or n) for n, d in G.nodes(data=True) if d.get("kind") != "Person"),
        key=lambda item: item[1].casefold(),
    )
    sectors = sorted(
        {t for p in profiles.values() for t in p.themes}, key=lambda t: labels.get(t, t)
    )
    regions = sorted(
        {
            (d.get("region"), d.get("region_label"))
            for _, d in G.nodes(data=True)
            if d.get("region")
        },
        key=lambda r: str(r[1]),
    )
    kinds = sorted({d.get("kind") for _, d in G.nodes(data=True) if d.get("kind")})
    context = {
        "organisations": organisations,
        "sectors": [(t, labels.get(t, site.curie(t))) for t in sectors],
        "regions": regions,
        "kinds": kinds,
        "chosen": {"org": org, "sector": sector, "region": region, "kind": kind, "top": top},
        "suggestions": None,
        "error": None,
    }
    if org:
        try:
            found = suggest_partners(
                G,
                org,
                profiles,
                labels=labels,
                sector=sector or None,
                region=region or None,
                kind=kind or None,
                top=max(1, min(top, 50)),
            )
        except ValueError as exc:
            context["error"] = str(exc)
        else:
            context["source"] = site.term(URIRef(org))
            context["suggestions"] = [
                {
                    "entity": site.term(URIRef(s.candidate)),
                    "suggestion": s,
                    "reasons": [
                        (r, [site.term(URIRef(iri)) for iri in r.evidence]) for r in s.reasons
                    ],
                }
                for s in found
            ]
    return site.templates.TemplateResponse(request, "partners.html", context)
