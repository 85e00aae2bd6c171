"""The ``regiokg`` command line: a thin layer over the library, one module per command.

Commands are imported on first use, so ``regiokg --help`` stays fast and each command's
dependencies load only when it runs.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging

import click

from regiokg import __version__
from regiokg.config import ConfigError, Project

#: command name -> module under regiokg.cli holding a click command called ``command``
COMMANDS = {
    "init": "init",
    "build": "build",
    "validate": "validate",
    "queries": "queries",
    "query": "query",
    "push": "push",
    "analyse": "analyse",
    "export": "export",
    "serve": "serve",
    "plot": "plot",
    "evidence": "evidence",
    "ingest": "ingest",
    "accept": "accept",
    "evaluate-ingest": "evaluate_ingest",
    "partners": "partners",
    "import": "imports",
    "synth": "synth",
    "load": "load",
}


class LazyGroup(click.Group):
    """A click group that imports each command's module only when that command is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name, module in COMMANDS.items() if _importable(module))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module = COMMANDS.get(name)
        if module is None or not _importable(module):
            return None
        return importlib.import_module(f"regiokg.cli.{module}").command


def _importable(module: str) -> bool:
    return importlib.util.find_spec(f"regiokg.cli.{module}") is not None


@click.group(
    cls=LazyGroup,
    epilog=(
        "Example: regiokg build && regiokg query cq01_twinning_year\n\n"
        "Environment: REGIOKG_PROJECT (the project directory), REGIOKG_BASE (base IRI), "
        "REGIOKG_STORE (the embedded store), REGIOKG_OUT (where build writes), "
        "REGIOKG_SEEDS (the seed documents); options win over them, and they over "
        "regiokg.toml."
    ),
)
@click.option(
    "--project",
    "project_dir",
    type=click.Path(file_okay=False, path_type=str),
    default=None,
    envvar="REGIOKG_PROJECT",
    help="Project directory (default: $REGIOKG_PROJECT, else the one holding the working "
    "directory).",
)
@click.option("--base", "base_iri", default=None, help="Base IRI for instance IRIs.")
@click.version_option(version=__version__, package_name="regiokg")
@click.pass_context
def main(ctx: click.Context, project_dir: str | None, base_iri: str | None) -> None:
    """regiokg: a knowledge graph of regional innovation ecosystems."""
    # rdflib logs a traceback for every ill-typed literal it meets ("2011-02-30"^^xsd:date);
    # the shapes report each of them with its file, so the log would only be noise.
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)
    ctx.ensure_object(dict)
    ctx.obj["project_dir"] = project_dir
    ctx.obj["base_iri"] = base_iri


def store_option(help: str = "Embedded store to read (default: .regiokg/store)."):
    """The ``--store DIR`` option every command that reads the embedded store takes, passed
    to the command as ``store_dir``."""
    return click.option(
        "--store", "store_dir", type=click.Path(file_okay=False), default=None, help=help
    )


def allow_invalid_option(what: str):
    """The ``--allow-invalid`` flag of the commands that refuse a graph with SHACL
    violations unless told otherwise; ``what`` says what they do anyway."""
    return click.option(
        "--allow-invalid",
        is_flag=True,
        help=f"{what} even if it violates the SHACL shapes.",
    )


def project_from(ctx: click.Context, **overrides) -> Project:
    """The project the command line names (``--project``, ``--base``, environment,
    ``regiokg.toml``), or a clean usage error saying why there is none."""
    obj = ctx.find_root().obj or {}
    try:
        return Project.discover(obj.get("project_dir"), base_iri=obj.get("base_iri"), **overrides)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc
