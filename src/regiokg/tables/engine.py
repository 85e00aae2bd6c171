"""Running a declarative mapping: YARRRML files under ``mappings/``, executed by Morph-KGC
over the cleaned records of one chunk, giving N-Triples lines.

A mapping file may carry a ``regiokg:`` section (the table's columns and how to clean
them, see :mod:`regiokg.tables.generic`); it is taken out before Morph-KGC reads the rest.
Sources are in-memory tables named in braces (``sources: [['{participations}~csv']]``):
the Python side hands Morph-KGC one pandas DataFrame per name and chunk.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterable
from pathlib import Path

from regiokg.tables.reading import TableError

__all__ = ["MappingError", "TableMapping", "load_mapping"]

# Morph-KGC strips double quotes from the strings of in-memory tables; a character no
# table uses stands in for them through the engine and is turned back afterwards.
_QUOTE_STAND_IN = "\ue000"


class MappingError(TableError):
    """A mapping cannot be read or run; the message names the mapping file."""


class TableMapping:
    """One or more YARRRML files run together (e.g. the shared places mapping and the
    CORDIS mapping), with the ``regiokg:`` sections of each merged into :attr:`settings`."""

    def __init__(self, paths: Iterable[Path]):
        from ruamel.yaml import YAML
        from ruamel.yaml.error import YAMLError

        self.paths = [Path(p) for p in paths]
        self.settings: dict = {}
        self._dir = tempfile.TemporaryDirectory(prefix="regiokg-mapping-")
        self._files: list[str] = []
        self._parsed = None
        yaml = YAML(typ="safe", pure=True)
        for n, path in enumerate(self.paths):
            try:
                content = yaml.load(path.read_text(encoding="utf-8"))
            except OSError as exc:
                raise MappingError(f"{path}: cannot read: {exc.strerror or exc}") from exc
            except YAMLError as exc:
                raise MappingError(f"{path}: not valid YAML: {exc}") from exc
            if not isinstance(content, dict) or "mappings" not in content:
                raise MappingError(f"{path}: not a YARRRML mapping (no 'mappings:' section)")
            self.settings.update(content.pop("regiokg", None) or {})
            target = Path(self._dir.name) / f"{n}-{path.stem}.yml"
            out = YAML(pure=True)
            with target.open("w", encoding="utf-8") as handle:
                out.dump(content, handle)
            self._files.append(str(target))

    def run(self, tables: dict[str, list[dict]]) -> list[str]:
        """The N-Triples lines (without the closing `` .``) the mapping gives for the
        records in ``tables`` (logical source name -> records). Sources the mapping names
        but ``tables`` lacks run on no records."""
        import pandas as pd

        frames = {}
        for name, columns in self.sources().items():
            rows = tables.get(name, [])
            frame = pd.DataFrame.from_records(rows, columns=sorted(columns | _keys(rows)))
            # Morph-KGC turns every cell into a string and then drops the rows whose
            # referenced cells are empty strings (its na_values): missing is "".
            frame = frame.astype(object).where(frame.notna(), "")
            for column in frame.columns:
                frame[column] = frame[column].map(_protect)
            frames[name] = frame
        if not any(len(f) for f in frames.values()):
            return []
        try:
            triples = self._materialise(frames)
        except Exception as exc:  # Morph-KGC signals every problem of a mapping this way
            names = ", ".join(str(p) for p in self.paths)
            raise MappingError(f"{names}: the mapping cannot be run: {exc}") from exc
        return [t.replace(_QUOTE_STAND_IN, '\\"') for t in triples]

    def _materialise(self, frames: dict) -> set[str]:
        """Morph-KGC's ``materialize_set``, with the mapping parsed once for all chunks:
        parsing (YARRRML to RML, then SPARQL over the rules) takes seconds, each chunk
        only what its records need. Falls back to ``materialize_set`` where the parsed
        form is not reachable (another Morph-KGC than the 2.10 the Makefile installs)."""
        import morph_kgc

        config = (
            "[CONFIGURATION]\nnumber_of_processes=1\nlogging_level=WARNING\nna_values=\n"
            f"[Mapping]\nmappings={','.join(self._files)}\n"
        )
        logging.getLogger("morph_kgc").setLevel(logging.WARNING)
        try:
            from morph_kgc.args_parser import load_config_from_argument
            from morph_kgc.constants import RML_TRIPLES_MAP_CLASS
            from morph_kgc.mapping.mapping_parser import retrieve_mappings
            from morph_kgc.materializer import _materialize_mapping_group_to_set
        except ImportError:
            return morph_kgc.materialize_set(config, frames)
        if self._parsed is None:
            parsed_config = load_config_from_argument(config)
            rules, functions, http_api = retrieve_mappings(parsed_config)
            parsed_config.set("CONFIGURATION", "http_api_df", http_api.to_csv())
            asserted = rules.loc[rules["triples_map_type"] == RML_TRIPLES_MAP_CLASS]
            groups = [group for _, group in asserted.groupby(by="mapping_partition")]
            self._parsed = (parsed_config, rules, functions, groups)
        parsed_config, rules, functions, groups = self._parsed
        triples: set[str] = set()
        for group in groups:
            triples.update(
                _materialize_mapping_group_to_set(group, rules, functions, parsed_config, frames)
            )
        return triples

    def sources(self) -> dict[str, set[str]]:
        """The in-memory sources the mapping reads, each with the columns it references."""
        if not hasattr(self, "_sources"):
            self._sources = _referenced_columns(self._files)
        return self._sources

    def close(self) -> None:
        """Remove the temporary copies of the mapping files."""
        self._dir.cleanup()


def load_mapping(*paths: Path) -> TableMapping:
    """The :class:`TableMapping` of the YARRRML files at ``paths``."""
    return TableMapping(paths)


def _protect(value):
    if isinstance(value, str) and '"' in value:
        return value.replace('"', _QUOTE_STAND_IN)
    return value


def _keys(rows: list[dict]) -> set[str]:
    return set(rows[0]) if rows else set()


def _referenced_columns(files: list[str]) -> dict[str, set[str]]:
    import re

    from ruamel.yaml import YAML

    reference = re.compile(r"\$\(([^)]+)\)")
    found: dict[str, set[str]] = {}
    for file in files:
        content = YAML(typ="safe", pure=True).load(Path(file).read_text(encoding="utf-8"))
        for rule in (content.get("mappings") or {}).values():
            names = []
            for source in rule.get("sources") or []:
                text = source[0] if isinstance(source, list) else str(source)
                if text.startswith("{"):
                    names.append(text[1:].split("}", 1)[0])
            columns = set(reference.findall(str(rule)))
            for name in names:
                found.setdefault(name, set()).update(columns)
    return found
