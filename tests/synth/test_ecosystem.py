"""The synthetic ecosystem: deterministic, valid, shaped like a real one, with evidence for
every statement it makes."""

from __future__ import annotations

import hashlib
import json
from collections import Counter

import pyoxigraph as ox
import pytest

from regiokg.synth import PLANTS, synthesise
from regiokg.synth.places import REGIONS
from regiokg.validate import validate_files

PROV = "http://www.w3.org/ns/prov#"
RKG = "https://w3id.org/regiokg/ontology#"
OA = "http://www.w3.org/ns/oa#"


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth")
    summary = synthesise(out, organisations=150, years=(2010, 2013), seed=7, texts=True)
    store = ox.Store()
    store.bulk_load(path=summary.path, format=ox.RdfFormat.N_QUADS)
    return out, summary, store


def _rows(store, query):
    return list(store.query(query, use_default_graph_as_union=True))


def test_same_seed_same_bytes_other_seed_other_graph(tmp_path, small):
    out, summary, _ = small
    again = synthesise(tmp_path / "a", organisations=150, years=(2010, 2013), seed=7)
    other = synthesise(tmp_path / "b", organisations=150, years=(2010, 2013), seed=8)
    first = (out / "synth.nq").read_bytes()
    assert (tmp_path / "a" / "synth.nq").read_bytes() == first
    assert (tmp_path / "b" / "synth.nq").read_bytes() != first
    assert again.quads == summary.quads != other.quads or other.counts != summary.counts


def test_summary_counts_what_was_written(small):
    out, summary, store = small
    assert len(store) == summary.quads
    saved = json.loads((out / "synth.json").read_text(encoding="utf-8"))
    assert saved["quads"] == summary.quads and saved["planted"] == []
    organisations = _rows(store, f"SELECT (COUNT(?o) AS ?n) WHERE {{ ?o a <{RKG}Company> }}")
    assert 0 < int(organisations[0]["n"].value) < summary.counts["organisations"]


def test_conforms_to_the_shapes(project, small):
    _, summary, _ = small
    report = validate_files([summary.path], project, engine="sparql")
    assert report.conforms, report.to_text()


def test_regions_are_real_nuts_codes_in_their_country(small):
    _, _, store = small
    known = {r.nuts for r in REGIONS}
    rows = _rows(
        store,
        """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
           SELECT ?code ?country WHERE {
             ?r skos:notation ?code ;
                <https://schema.org/containedInPlace>/skos:notation ?country }""",
    )
    assert rows
    for row in rows:
        assert row["code"].value in known
        assert row["code"].value.startswith(row["country"].value)


def test_every_subject_but_evidence_has_a_source(small):
    _, _, store = small
    rows = _rows(
        store,
        f"""SELECT DISTINCT ?s WHERE {{
              ?s a ?class . FILTER (isIRI(?s))
              FILTER NOT EXISTS {{ ?s <{PROV}wasDerivedFrom> ?doc }}
              FILTER NOT EXISTS {{ ?s a <{PROV}Derivation> }}
              FILTER (?class NOT IN (<{RKG}NewsItem>, <{RKG}CuratedReference>))
            }} LIMIT 5""",
    )
    assert rows == []


def test_text_evidence_points_at_the_sentence(small):
    out, _, store = small
    rows = _rows(
        store,
        f"""SELECT ?file ?start ?end ?sum WHERE {{
              ?e a <{RKG}TextEvidence> ; <{PROV}entity> ?doc ; <{RKG}spanChecksum> ?sum ;
                 <{OA}hasSelector> [ <{OA}start> ?start ; <{OA}end> ?end ] .
              ?doc <{RKG}sourceFile> ?file }} LIMIT 200""",
    )
    assert len(rows) == 200
    for row in rows:
        text = (out / row["file"].value).read_text(encoding="utf-8")
        span = text[int(row["start"].value) : int(row["end"].value)]
        assert hashlib.sha256(span.encode()).hexdigest()[:16] == row["sum"].value


def test_participation_is_heavy_tailed_and_regional(small):
    _, _, store = small
    rows = _rows(
        store,
        f"""SELECT ?agent ?event ?home ?host WHERE {{
              ?p <{RKG}agent> ?agent ; <{RKG}activity> ?event .
              ?event <https://schema.org/location>/<https://schema.org/containedInPlace> ?host .
              ?agent <{RKG}region> ?home }}""",
    )
    degree = Counter(r["agent"].value for r in rows)
    top = sorted(degree.values(), reverse=True)
    # A few organisations take part far more often than the typical one.
    assert top[0] >= 4 * top[len(top) // 2]
    same_region = sum(r["home"] == r["host"] for r in rows) / len(rows)
    # Homophily: far more participations at home than a uniform draw over ~100 regions.
    assert same_region > 0.3


def test_planted_violations_are_listed(tmp_path):
    summary = synthesise(tmp_path, organisations=30, seed=1, plant=("region_code_mismatch",))
    assert [p[0] for p in summary.planted] == ["region_code_mismatch"]
    with pytest.raises(ValueError, match="unknown kinds"):
        synthesise(tmp_path, organisations=30, plant=("no_such_thing",))
    assert set(PLANTS) >= {p[0] for p in summary.planted}


def test_bad_arguments_are_refused(tmp_path):
    with pytest.raises(ValueError, match="at least 1"):
        synthesise(tmp_path, organisations=0)
    with pytest.raises(ValueError, match="after the last"):
        synthesise(tmp_path, organisations=5, years=(2020, 2010))
    assert not (tmp_path / "synth.nq").exists()
