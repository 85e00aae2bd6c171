"""``regiokg ingest``: read new news items into reviewable candidates with evidence."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click
from rich.console import Console

from regiokg.cli import project_from


def _published(_ctx, _param, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date of the form YYYY-MM-DD") from exc


@click.command(
    "ingest",
    epilog=(
        "Example: regiokg ingest news/2015-plock.html --lang pl --out candidates/  "
        "(then review candidates/*.review.html and run regiokg accept)"
    ),
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--lang",
    "language",
    type=click.Choice(["pl", "en", "auto"]),
    default="auto",
    show_default=True,
    help="Language of the documents.",
)
@click.option(
    "--published",
    callback=_published,
    default=None,
    metavar="YYYY-MM-DD",
    help="Publication date (default: the page's metadata or its first date).",
)
@click.option("--source-url", "url", default=None, help="Address the document was read from.")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("candidates"),
    show_default=True,
    help="Folder for the candidates, texts and review tables.",
)
@click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    default=None,
    help="Longest text to read (default 1,000,000 characters).",
)
@click.option("--quiet", is_flag=True, help="Print one line per document, not the tables.")
@click.pass_context
def command(ctx, paths, language, published, url, out_dir, max_chars, quiet) -> None:
    """Read news items (text in any common encoding, or saved web pages) and write, per
    document, candidate facts with their evidence and a review table. Never changes graph/.

    PATHS are files or folders (*.txt, *.html). For each document DOC, the --out folder
    gets DOC.ttl (candidates in the model of graph/, with offsets and confidence),
    DOC.txt (the text the offsets refer to), DOC.review.html and DOC.review.json. Exit
    status 1 when some document could not be read (each is named with the reason).
    """
    from rich.progress import track

    from regiokg.ingest import DocumentError, collect_paths, ingest_document, load_gazetteer
    from regiokg.ingest.documents import MAX_CHARS
    from regiokg.ingest.review import candidate_summary

    project = project_from(ctx)
    console = Console(highlight=False)
    err = Console(stderr=True, highlight=False)
    files = collect_paths(list(paths))
    if not files:
        raise click.UsageError("no documents found (give files, or folders of .txt/.html)")
    for path in files:
        if not path.exists():
            raise click.UsageError(f"{path}: no such file or folder")
    loaded = {}

    def gazetteer():
        """The known entities, read once, when the first document proved readable."""
        if "gazetteer" not in loaded:
            loaded["gazetteer"] = load_gazetteer(project)
        return loaded["gazetteer"]

    failed = 0
    steps = track(files, description="Reading", console=err) if len(files) > 1 else files
    for path in steps:
        try:
            result = ingest_document(
                path,
                project,
                gazetteer=gazetteer,
                out_dir=out_dir,
                language=None if language == "auto" else language,
                published=published,
                url=url,
                max_chars=max_chars or MAX_CHARS,
            )
        except DocumentError as exc:
            failed += 1
            err.print(f"[red]skipped[/] {exc}")
            continue
        doc = result.document
        for note in doc.notes:
            err.print(f"[yellow]note[/] {path}: {note}")
        if not quiet:
            console.print(result.review.table())
        console.print(
            f"{path} ({doc.encoding}, {doc.language}"
            f"{', ' + doc.published.isoformat() if doc.published else ', no date'}): "
            f"{candidate_summary(result.candidates.candidates)} -> {result.files['candidates']}"
        )
    ctx.exit(1 if failed else 0)
