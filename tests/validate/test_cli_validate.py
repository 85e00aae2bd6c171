"""``regiokg validate``: exit status 0 / 1 / 2, the three formats, clear errors for
malformed data and shapes files, and the example in ``--help``."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from regiokg.build import build_dataset, write_outputs
from regiokg.cli import main
from tests.validate.conftest import BASE, FIXTURES

BREAK = FIXTURES / "breaks" / "event_ends_before_start.ttl"


def run(project_root, *args):
    return CliRunner().invoke(main, ["--project", str(project_root), "validate", *args])


def test_help_shows_an_example(project):
    result = run(project.root, "--help")
    assert result.exit_code == 0
    assert "Example: regiokg validate" in result.output


def test_curated_graph_conforms_with_exit_status_0(project):
    result = run(project.root)
    assert result.exit_code == 0, result.output
    assert "The graph conforms to the shapes" in result.output


def test_violations_give_exit_status_1_and_a_readable_report(project):
    result = run(project.root, str(BASE), str(BREAK))
    assert result.exit_code == 1
    assert "Start and end (rkgsh:TimeSpanShape): 1 violation" in result.output
    assert "VIOLATION  Workshop  r:test/event" in result.output
    assert "Ends (2011-04-06) before it starts (2011-04-09)." in result.output
    assert "The graph does not conform to the shapes: 1 violation." in result.output


def test_json_and_turtle_formats(project):
    body = json.loads(run(project.root, "--format", "json", str(BASE), str(BREAK)).output)
    assert [r["path"] for r in body["results"]] == ["https://schema.org/endDate"]
    turtle = run(project.root, "--format", "turtle", str(BASE), str(BREAK))
    assert turtle.exit_code == 1
    assert "sh:ValidationReport" in turtle.output


def test_malformed_data_file_names_file_line_and_column(project, tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix x: <http://x/> .\nx:a x:b x:c ;\n  x:d .\n", encoding="utf-8")
    result = run(project.root, str(bad))
    assert result.exit_code == 2
    assert f"{bad}:3:" in result.output
    assert "Traceback" not in result.output


def test_malformed_nquads_file_names_file_and_line(project, tmp_path):
    bad = tmp_path / "bad.nq"
    bad.write_text("<http://x/a> <http://x/b> <http://x/c> .\n<http://x/a> <http://x/b> .\n")
    result = run(project.root, str(bad))
    assert result.exit_code == 2
    assert f"{bad}:2:" in result.output


def test_unknown_file_kind_is_unusable_input(project, tmp_path):
    odd = tmp_path / "graph.json"
    odd.write_text("{}", encoding="utf-8")
    result = run(project.root, str(odd))
    assert result.exit_code == 2
    assert "unknown RDF syntax" in result.output


def shapes_with(project, tmp_path, extra: str):
    """A copy of the project's shapes with ``extra`` appended to events.ttl."""
    shapes = tmp_path / "shapes"
    shutil.copytree(project.shapes_dir, shapes)
    with (shapes / "events.ttl").open("a", encoding="utf-8") as f:
        f.write("\n" + extra + "\n")
    return shapes


def test_malformed_shapes_file_names_file_line_and_column(project, tmp_path):
    shapes = shapes_with(
        project, tmp_path, "rkgsh:Broken a sh:NodeShape ; sh:targetClass rkg:Event"
    )
    result = run(project.root, "--shapes", str(shapes), str(BASE))
    assert result.exit_code == 2
    assert f"{shapes / 'events.ttl'}:" in result.output
    assert "Traceback" not in result.output


def test_unusable_shape_is_reported_without_traceback(project, tmp_path):
    broken = 'rkgsh:Broken a sh:NodeShape ; sh:targetClass rkg:Event ; sh:maxCount "many" .'
    shapes = shapes_with(project, tmp_path, broken)
    result = run(project.root, "--shapes", str(shapes), str(BASE))
    assert result.exit_code == 2, result.output
    assert "the shapes cannot be used" in result.output
    assert "Traceback" not in result.output


def test_empty_shapes_directory_is_unusable_input(project, tmp_path):
    result = run(project.root, "--shapes", str(tmp_path), str(BASE))
    assert result.exit_code == 2
    assert "no SHACL shapes" in result.output


def test_a_node_stated_in_several_graphs_of_one_file_names_the_file_once(project, tmp_path):
    # An N-Quads dump holds one named graph per source; Katowice is in three of them.
    outputs = write_outputs(build_dataset(project), tmp_path)
    body = json.loads(run(project.root, "--format", "json", str(outputs["nquads"])).output)
    katowice = [r for r in body["results"] if r["focus"].endswith("/city/katowice")]
    assert katowice and all(r["sources"] == [str(outputs["nquads"])] for r in katowice)


def test_every_registered_syntax_is_read_by_its_suffix(project, tmp_path):
    # The same broken data as Turtle, RDF/XML and JSON-LD: the one format registry tells
    # validation how to read each, so each gives the same violation.
    import pyoxigraph as ox

    triples = [
        t
        for path in (BASE, BREAK)
        for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=path.as_uri())
    ]
    for suffix, syntax in (("rdf", ox.RdfFormat.RDF_XML), ("jsonld", ox.RdfFormat.JSON_LD)):
        path = tmp_path / f"data.{suffix}"
        ox.serialize(triples, str(path), syntax)
        result = run(project.root, str(path))
        assert result.exit_code == 1, (suffix, result.output)
        assert "Ends (2011-04-06) before it starts (2011-04-09)." in result.output
