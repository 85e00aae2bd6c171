"""``regiokg init``: make a new project of one's own."""

from __future__ import annotations

import click

from regiokg.config import DEFAULT_BASE


@click.command(
    "init",
    epilog="Example: regiokg init my-region --base https://example.org/kg/ --title 'My region'",
)
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--base", "base_iri", default=DEFAULT_BASE, show_default=True, help="Base IRI.")
@click.option("--title", default=None, help="Title of the dataset (default: the folder's name).")
def command(directory: str, base_iri: str, title: str | None) -> None:
    """Make a new regiokg project in DIRECTORY: regiokg.toml, graph/ with a commented
    example source, a README and a notebook. The ontology, shapes and named queries come
    with the package; `regiokg build` works in it at once."""
    from regiokg.config import ConfigError
    from regiokg.skeleton import create_project

    try:
        project = create_project(directory, base_iri=base_iri, title=title)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"made a regiokg project in {project.root}; next: cd {directory} && regiokg build")
