"""How a network was drawn from the graph: :class:`NetworkDefinition`, which every network
records in ``G.graph["definition"]`` and :mod:`regiokg.network.results` writes next to the
values computed on it."""

from __future__ import annotations

from dataclasses import asdict, dataclass

__all__ = ["NETWORK_KINDS", "NetworkDefinition", "local_name"]

#: The networks a researcher can ask for by name (the command line's ``--network``).
NETWORK_KINDS = ("organisations", "events", "cities", "regions", "countries")


def local_name(iri: str) -> str:
    """The last segment of an IRI (after its last ``/`` or ``#``): ``BusinessMission`` for
    ``…ontology#BusinessMission``."""
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


@dataclass(frozen=True)
class NetworkDefinition:
    """How a network was drawn from the graph: its ``kind`` (one of :data:`NETWORK_KINDS`),
    the year window ``start``..``end`` (None: open), the ``event_kinds`` kept (regiokg class
    names; empty: all), and whether people, projects and membership or coordination ties
    were included. Equal definitions give equal networks from the same graph."""

    kind: str = "organisations"
    start: int | None = None
    end: int | None = None
    event_kinds: tuple[str, ...] = ()
    include_people: bool = False
    include_projects: bool = True
    include_memberships: bool = True

    def __post_init__(self) -> None:
        # Kinds may be given as IRIs or local names, in any order: store one spelling.
        kinds = tuple(sorted({local_name(str(k)) for k in self.event_kinds}))
        object.__setattr__(self, "event_kinds", kinds)

    def as_dict(self) -> dict:
        """The definition as plain values (a list for ``event_kinds``), e.g. for JSON."""
        data = asdict(self)
        data["event_kinds"] = list(self.event_kinds)
        return data
