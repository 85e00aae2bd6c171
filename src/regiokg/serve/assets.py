"""The browser libraries the server ships from its own address, so that its pages work
offline and make no request to another host: the YASGUI query editor (``@zazuko/yasgui``),
sigma.js and graphology for the network page. They are npm packages pinned in the
project's ``package.json`` and ``package-lock.json`` and installed by ``make`` (``npm ci``)
into ``node_modules/``; they are not part of the repository.

Only the files named in :data:`ASSETS` are served, under ``/assets/<name>``. When they are
missing, pages that need them fall back to plain HTML forms and say how to install them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse

__all__ = ["ASSETS", "INSTALL_HINT", "AssetShelf", "router"]

#: Served name -> path inside ``node_modules``.
ASSETS = {
    "yasgui.min.js": "@zazuko/yasgui/build/yasgui.min.js",
    "yasgui.min.css": "@zazuko/yasgui/build/yasgui.min.css",
    "graphology.umd.min.js": "graphology/dist/graphology.umd.min.js",
    "sigma.min.js": "sigma/dist/sigma.min.js",
}
#: The assets each front-end feature needs.
FEATURES = {
    "editor": ("yasgui.min.js", "yasgui.min.css"),
    "network": ("graphology.umd.min.js", "sigma.min.js"),
}
INSTALL_HINT = "run `make assets` (npm ci) in the project directory and restart the server"

router = APIRouter()


@dataclass(frozen=True)
class AssetShelf:
    """Where the browser libraries are: the ``node_modules`` directory of a project."""

    directory: Path

    def path(self, name: str) -> Path | None:
        """The file served as ``/assets/<name>``, or None when the name is not an asset or
        the file is not installed."""
        relative = ASSETS.get(name)
        if relative is None:
            return None
        path = self.directory / relative
        return path if path.is_file() else None

    def ready(self, feature: str) -> bool:
        """Whether every file of ``feature`` ("editor", "network") is installed."""
        return all(self.path(name) is not None for name in FEATURES[feature])


@router.get("/assets/{name}")
def asset(request: Request, name: str) -> FileResponse:
    """One installed browser library file (see :data:`ASSETS`)."""
    shelf: AssetShelf = request.app.state.assets
    path = shelf.path(name)
    if path is None:
        raise HTTPException(404, f"asset {name} is not installed: {INSTALL_HINT}")
    media = "text/css" if name.endswith(".css") else "text/javascript"
    return FileResponse(path, media_type=media, headers={"Cache-Control": "max-age=86400"})
