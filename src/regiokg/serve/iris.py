"""Which IRIs this server answers for, and where: the project's instance IRIs
``{base}id/<path>`` are served at ``/id/<path>``, the named graphs ``{base}graph/<name>`` at
``/graph/<name>``, and the controlled vocabularies ``https://w3id.org/regiokg/vocab/<path>``
at ``/vocab/<path>``. Each has an HTML page at ``/page/<key>`` and data documents at
``/data/<key>.<ext>``, where the key is ``<path>`` for instances and ``vocab/<path>`` or
``graph/<name>`` otherwise (so ``vocab`` and ``graph`` are not used as instance kinds).
Ontology terms are hash IRIs of the ontology document, served at ``/ontology``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from regiokg.config import ONTOLOGY_IRI, Project

__all__ = ["VOCAB_IRI", "IriMap"]

VOCAB_IRI = "https://w3id.org/regiokg/vocab/"

# One path segment of a served IRI: ASCII slugs as the data mints them, never "." or "..".
_SEGMENT = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._~-]*")


@dataclass(frozen=True)
class IriMap:
    """The mapping between the IRIs a project mints and this server's paths."""

    project: Project

    @property
    def spaces(self) -> dict[str, str]:
        """Key prefix -> IRI prefix, most specific first."""
        return {
            "vocab/": VOCAB_IRI,
            "graph/": self.project.graph_iri(""),
            "": self.project.instance_iri(""),
        }

    def iri(self, key: str) -> str | None:
        """The IRI a page key (``org/gapp``, ``vocab/sector/aviation``) stands for, or None
        when the key is not a well-formed path (empty, ``.``/``..`` segments, characters
        outside the slug alphabet)."""
        segments = key.split("/")
        if not all(_SEGMENT.fullmatch(s) and s.strip(".") for s in segments):
            return None
        for prefix, namespace in self.spaces.items():
            if key.startswith(prefix) and len(key) > len(prefix):
                return namespace + key[len(prefix) :]
        return None

    def key(self, iri: str) -> str | None:
        """The page key of an IRI this server answers for, or None for other IRIs."""
        for prefix, namespace in self.spaces.items():
            if iri.startswith(namespace) and len(iri) > len(namespace):
                key = prefix + iri[len(namespace) :]
                return key if self.iri(key) == iri else None
        return None

    def href(self, iri: str) -> str | None:
        """Where a link to ``iri`` points on this server's pages: the entity's page, the
        ontology documentation for ontology terms, the IRI itself for other http(s) IRIs
        (followed by the browser, never by the server), None for anything else (e.g. a
        ``javascript:`` IRI, which is shown as text)."""
        key = self.key(iri)
        if key is not None:
            return f"/page/{key}"
        if iri == ONTOLOGY_IRI or iri.startswith(ONTOLOGY_IRI + "#"):
            return "/ontology" + iri[len(ONTOLOGY_IRI) :]
        if iri.startswith(("http://", "https://")):
            return iri
        return None
