"""The interactive partner network at ``/network``: the collaboration network of
organisations (:func:`regiokg.network.collaboration_network`) drawn in the browser by
sigma.js on graphology, served from this server (:mod:`~.assets`), with a time window,
filters by kind and region, node size by a chosen measure, and a click on a node opening
its page. The drawing's data is :func:`regiokg.plot.interactive.network_view` at
``/network/data.json``, the same view a notebook draws with ipysigma.

Networks are drawn once per time window and kept; nodes keep the position the whole
network gives them, so a window shows the same map with fewer ties.
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import JSONResponse

from regiokg.network import collaboration_network
from regiokg.plot.interactive import SIZE_MEASURES, network_view
from regiokg.serve.site import Site

__all__ = ["router", "site_network"]

router = APIRouter()


def site_network(site: Site, start: int | None = None, end: int | None = None):
    """The collaboration network of the served graph in the window ``start``..``end``
    (cached per window)."""
    key = ("collaboration-network", start, end)
    if key not in site.cache:
        site.cache[key] = collaboration_network(
            site.store, start=start, end=end, project=site.project
        )
    return site.cache[key]


def _years(site: Site) -> tuple[int | None, int | None]:
    years = [y for _, _, d in site_network(site).edges(data=True) for y in d.get("years", [])]
    return (min(years), max(years)) if years else (None, None)


@router.get("/network")
def network_page(request: Request) -> Response:
    """The page of the interactive network (a ranked list of organisations when sigma.js
    is not installed)."""
    site: Site = request.app.state.site
    full = network_view(site_network(site))
    first, last = _years(site)
    ranked = sorted(full["nodes"], key=lambda n: (-n["degree"], n["label"]))
    for node in ranked:
        node["href"] = site.iris.href(node["key"])
    context = {
        "view": full,
        "ranked": ranked,
        "first_year": first,
        "last_year": last,
        "measures": SIZE_MEASURES,
        "ready": request.app.state.assets.ready("network"),
    }
    return site.templates.TemplateResponse(request, "network.html", context)


@router.get("/network/data.json")
def network_data(
    request: Request,
    start: int | None = None,
    end: int | None = None,
    measure: str = "degree",
) -> JSONResponse:
    """The view of the network in the window ``start``..``end`` with sizes by
    ``measure``; each node also has the ``href`` of its page."""
    site: Site = request.app.state.site
    if measure not in SIZE_MEASURES:
        raise HTTPException(400, f"unknown measure {measure!r}; use {', '.join(SIZE_MEASURES)}")
    if start is not None and end is not None and start > end:
        raise HTTPException(400, f"the window starts ({start}) after it ends ({end})")
    key = ("network-positions",)
    if key not in site.cache:
        whole = network_view(site_network(site))
        positions = {n["key"]: (n["x"], n["y"]) for n in whole["nodes"]}
        site.cache[key] = positions, [k["kind"] for k in whole["kinds"]]
    positions, kinds = site.cache[key]
    G = site_network(site, start, end)
    view = network_view(G, measure=measure, positions=positions, kinds=kinds)
    for node in view["nodes"]:
        node["href"] = site.iris.href(node["key"])
    return JSONResponse(view)
