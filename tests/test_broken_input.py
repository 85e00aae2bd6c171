"""Broken input (``tests/broken/``) through the command line as a user meets it: each file
dropped into a project's ``graph/`` makes ``regiokg build`` stop with a message that names
the file (and the line, where the syntax tells it), with no traceback, and leaves the
written graph and the store exactly as they were; ``regiokg validate FILE`` says the same
of each file on its own; ``regiokg query`` says what is wrong with a bad parameter or a bad
query in one message."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from regiokg.cli import main
from regiokg.store import open_store

BROKEN = Path(__file__).resolve().parent / "broken"
REPO = Path(__file__).resolve().parents[1]
#: File -> what the message must name besides the file (a line number, or the violation).
SYNTAX = {
    "unterminated.ttl": ":3:",
    "undeclared-prefix.ttl": ":2:",
    "cp1250.ttl": "UTF-8",
    "binary.ttl": "UTF-8",
}
SHAPES = {
    "impossible-date.ttl": "founding date",
    "control-character.ttl": "control character",
    "circular-parents.ttl": "circle",
}
OTHER_SYNTAXES = {
    "truncated.jsonld": ":4:",
    "remote-context.jsonld": "never fetched",
    "missing-dot.nt": ":3:",
}


def _fingerprint(root: Path) -> tuple[str, str, int]:
    """A digest of the written N-Quads file, of the store's quads, and their count."""
    written = hashlib.sha256((root / "build" / "regiokg.nq").read_bytes()).hexdigest()
    store = open_store(root / ".regiokg" / "store", read_only=True)
    quads = sorted(str(q) for q in store)
    del store
    return written, hashlib.sha256("\n".join(quads).encode()).hexdigest(), len(quads)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A built copy of the project, to drop broken files into."""
    root = tmp_path_factory.mktemp("broken") / "project"
    for part in ("ontology", "shapes", "queries", "graph"):
        shutil.copytree(REPO / part, root / part)
    result = CliRunner().invoke(main, ["--project", str(root), "build"])
    assert result.exit_code == 0, result.output
    return root


def _invoke(*args: str):
    result = CliRunner().invoke(main, list(args))
    # A crash would surface as an exception caught by the runner, not as a message.
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize("name", [*SYNTAX, *SHAPES])
def test_build_stops_naming_the_file_and_changes_nothing(built, name):
    before = _fingerprint(built)
    dropped = built / "graph" / f"zz-{name}"
    shutil.copyfile(BROKEN / name, dropped)
    try:
        result = _invoke("--project", str(built), "build")
    finally:
        dropped.unlink()
    assert result.exit_code != 0
    # The report may wrap a long path; the file's own name is never cut.
    assert f"zz-{name}" in result.output.replace("\n", "")
    assert (SYNTAX | SHAPES)[name] in result.output.replace("\n", " ")
    assert _fingerprint(built) == before


@pytest.mark.parametrize("name", [*SYNTAX, *OTHER_SYNTAXES])
def test_validate_names_the_file_and_where(project, name):
    result = _invoke("--project", str(project.root), "validate", str(BROKEN / name))
    assert result.exit_code == 2
    assert name in result.output
    assert (SYNTAX | OTHER_SYNTAXES)[name] in result.output


def test_a_huge_literal_is_carried_whole(built):
    text = "Płock " * 900_000  # about 5 MB
    dropped = built / "graph" / "zz-huge.ttl"
    dropped.write_text(
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        f'<https://w3id.org/regiokg/id/org/pppt> rdfs:comment """{text}"""@pl .\n',
        encoding="utf-8",
    )
    try:
        result = _invoke("--project", str(built), "build")
        assert result.exit_code == 0, result.output[-2000:]
        store = open_store(built / ".regiokg" / "store", read_only=True)
        comments = [q.object.value for q in store if q.object.value.startswith("Płock Płock")]
        del store
        assert comments == [text]
    finally:
        dropped.unlink()
        assert _invoke("--project", str(built), "build").exit_code == 0


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["cq15_entity_sources", "--param", "entity=not an iri"], "is not an IRI"),
        (["cq15_entity_sources", "--param", "nonsense=1"], "nonsense"),
        (["-e", "SELECT * WHERE {\n  ?s ?p }"], "line 2"),
        (["-e", "SELECT * WHERE { ?s ?p ?o " + "(" * 50], "SPARQL"),
        (["no_such_query"], "no_such_query"),
    ],
)
def test_query_says_what_is_wrong_in_one_message(built, args, expected):
    result = _invoke("--project", str(built), "query", *args)
    assert result.exit_code != 0
    assert expected in result.output
