"""The registry of dump formats: the six formats by name, with the media types and file
extensions they are published under, writers imported on first use, and new formats
registered by name."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from regiokg.export import FORMATS, ExportError, register, serialize_dump
from regiokg.export.formats import get_format


def test_the_six_formats_with_their_media_types_and_extensions():
    assert {name: (f.media_type, f.extension, f.datasets) for name, f in FORMATS.items()} == {
        "ttl": ("text/turtle", "ttl", False),
        "nt": ("application/n-triples", "nt", False),
        "nq": ("application/n-quads", "nq", True),
        "trig": ("application/trig", "trig", True),
        "jsonld": ("application/ld+json", "jsonld", True),
        "xml": ("application/rdf+xml", "rdf", False),
    }


def test_media_types_agree_with_pyoxigraph():
    # pyoxigraph knows the registered media types and extensions of the W3C syntaxes.
    for fmt in FORMATS.values():
        known = ox.RdfFormat.from_media_type(fmt.media_type)
        assert known is not None and known.file_extension == fmt.extension, fmt.name


def test_every_writer_loads():
    for fmt in FORMATS.values():
        assert callable(fmt.load_writer()), fmt.name


def test_get_format_suggests_the_closest_name():
    assert get_format("trig") is FORMATS["trig"]
    assert get_format(FORMATS["nq"]) is FORMATS["nq"]
    with pytest.raises(ExportError, match=r"'json' \(did you mean jsonld\?\)"):
        get_format("json")


def write_lines(statements, out, project) -> None:
    """A format of our own: one subject IRI a line."""
    for statement in statements:
        out.write(f"{statement.subject}\n".encode())


def test_a_registered_format_is_written_by_its_writer(monkeypatch, store, project):
    monkeypatch.setattr("regiokg.export.formats.FORMATS", dict(FORMATS))
    from regiokg.export import formats

    fmt = register(
        "subjects",
        media_type="text/plain",
        extension="txt",
        datasets=False,
        label="Subjects",
        writer="tests.export.test_formats:write_lines",
    )
    assert formats.FORMATS["subjects"] is fmt and fmt.filename == "regiokg.txt"
    lines = serialize_dump(store, "subjects", project=project).decode().splitlines()
    assert len(lines) == len({q.triple for q in store})
