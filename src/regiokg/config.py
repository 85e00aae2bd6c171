"""Where a regiokg project keeps its parts, and which base IRI its instances live under.

A project is a directory with ``ontology/``, ``graph/``, ``shapes/`` and ``queries/``. Its
settings come from keyword arguments, then the environment (``REGIOKG_BASE``,
``REGIOKG_STORE``, ``REGIOKG_SEEDS``), then an optional ``regiokg.toml`` in the project
root, then the defaults below.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

#: The base IRI the curated files are written with. Instance IRIs are ``{base}id/...`` and
#: named graphs ``{base}graph/...``; ontology and vocabulary IRIs never move.
DEFAULT_BASE = "https://w3id.org/regiokg/"
ONTOLOGY_IRI = "https://w3id.org/regiokg/ontology"


class ConfigError(ValueError):
    """A setting of the project is unusable; the message names the setting and its source."""


def _find_root(start: Path) -> Path:
    for candidate in [start, *start.parents]:
        if (candidate / "ontology").is_dir() and (candidate / "graph").is_dir():
            return candidate
    raise ConfigError(
        f"no regiokg project found at or above {start} "
        "(a project has an ontology/ and a graph/ directory); pass --project DIR"
    )


@dataclass(frozen=True)
class Project:
    """The files and settings of one regiokg project.

    ``root`` holds ``ontology/``, ``graph/``, ``shapes/`` and ``queries/``; ``base_iri`` is
    the base the built graph's instance IRIs are rewritten to; ``store_dir`` is where the
    embedded store lives and ``out_dir`` where ``regiokg build`` writes its files.
    """

    root: Path
    base_iri: str = DEFAULT_BASE
    store_dir: Path = field(default=None)  # type: ignore[assignment]
    out_dir: Path = field(default=None)  # type: ignore[assignment]
    seeds_dir: Path = field(default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        root = Path(self.root).resolve()
        object.__setattr__(self, "root", root)
        if not self.base_iri.endswith(("/", "#")):
            raise ConfigError(f"base IRI {self.base_iri!r} must end with '/' or '#'")
        defaults = {
            "store_dir": root / ".regiokg" / "store",
            "out_dir": root / "build",
            "seeds_dir": root.parent / "shared" / "seeds",
        }
        for name, default in defaults.items():
            value = getattr(self, name)
            object.__setattr__(self, name, Path(value) if value is not None else default)

    @classmethod
    def discover(
        cls,
        root: str | Path | None = None,
        *,
        base_iri: str | None = None,
        store_dir: str | Path | None = None,
        out_dir: str | Path | None = None,
    ) -> Project:
        """Find the project at or above ``root`` (default: the working directory) and settle
        its settings from arguments, environment, ``regiokg.toml`` and defaults, in that
        order of precedence."""
        found = _find_root(Path(root or Path.cwd()).resolve())
        settings: dict[str, str] = {}
        toml_path = found / "regiokg.toml"
        if toml_path.exists():
            try:
                settings = tomllib.loads(toml_path.read_text(encoding="utf-8"))
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"{toml_path}: {exc}") from exc

        def pick(arg, env, key):
            if arg is not None:
                return arg
            if os.environ.get(env):
                return os.environ[env]
            value = settings.get(key)
            return found / value if value and key.endswith("_dir") else value

        return cls(
            root=found,
            base_iri=pick(base_iri, "REGIOKG_BASE", "base_iri") or DEFAULT_BASE,
            store_dir=pick(store_dir, "REGIOKG_STORE", "store_dir"),
            out_dir=pick(out_dir, "REGIOKG_OUT", "out_dir"),
            seeds_dir=pick(None, "REGIOKG_SEEDS", "seeds_dir"),
        )

    @property
    def ontology_dir(self) -> Path:
        return self.root / "ontology"

    @property
    def graph_dir(self) -> Path:
        return self.root / "graph"

    @property
    def imports_dir(self) -> Path:
        """Where ``regiokg import`` writes the graphs it makes from tables; the build reads
        every ``*.nt`` file there as a named graph of its own."""
        return self.root / "imports"

    @property
    def shapes_dir(self) -> Path:
        return self.root / "shapes"

    @property
    def queries_dir(self) -> Path:
        return self.root / "queries"

    def instance_iri(self, path: str) -> str:
        """The IRI of an instance under this project's base, e.g. ``city/katowice``."""
        return f"{self.base_iri}id/{path}"

    def graph_iri(self, name: str) -> str:
        """The IRI of a named graph under this project's base, e.g. ``ontology``."""
        return f"{self.base_iri}graph/{name}"
