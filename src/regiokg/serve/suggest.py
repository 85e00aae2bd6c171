"""Search that suggests as one types: ``/search/suggest?q=…`` answers the best label
matches (:class:`~regiokg.serve.search.LabelIndex`, which forgives Polish inflection and
missing diacritics) as JSON, each with its label, kind and place, for the search boxes'
drop-down list (``static/suggest.js``)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from rdflib import URIRef

from regiokg.serve.site import Site

__all__ = ["router", "suggestions"]

router = APIRouter()


def _places(site: Site) -> dict[str, str]:
    """Entity -> the label of the first place it lies in (cached)."""
    if "suggest-places" not in site.cache:
        places: dict[str, str] = {}
        for row in site.run("entity_places"):
            entity, place = str(row["entity"]), str(row["place"])
            if entity != place:
                places.setdefault(entity, site.label(place) or site.curie(place))
        site.cache["suggest-places"] = places
    return site.cache["suggest-places"]


def suggestions(site: Site, text: str, limit: int = 8) -> list[dict]:
    """The entities whose labels match ``text``, best first: ``label`` (as matched),
    ``name`` (the label pages show), ``href``, ``kind`` (class labels) and ``place``."""
    if len(text.strip()) < 2:
        return []
    places = _places(site)
    found = []
    for hit in site.index.search(text, limit=limit):
        found.append(
            {
                "label": hit.label,
                "name": site.label(hit.iri) or hit.label,
                "href": site.iris.href(hit.iri),
                "kind": ", ".join(site.term(URIRef(t)).text for t in hit.types[:2]),
                "place": places.get(hit.iri, ""),
            }
        )
    return found


@router.get("/search/suggest")
def suggest(request: Request, q: str = "") -> JSONResponse:
    """Up to eight suggestions for the text typed so far."""
    return JSONResponse(suggestions(request.app.state.site, q[:200]))
