"""Label search over the labels of the built graph: diacritics and Polish inflection are
forgiven, every significant word must match."""

from __future__ import annotations

import pytest

from regiokg.query import get_query, run
from regiokg.serve.search import LabelIndex, fold, word_keys
from regiokg.store import store_from_dataset

R = "https://w3id.org/regiokg/id/"


@pytest.fixture(scope="module")
def index(project, dataset) -> LabelIndex:
    rows = run(store_from_dataset(dataset), get_query(project, "label_index"))
    return LabelIndex(sorted({(str(r["entity"]), str(r["label"])) for r in rows}), {})


def test_fold_removes_diacritics_including_the_polish_l():
    assert fold("Śląski Łódź Płock Saint-Étienne") == "slaski lodz plock saint-etienne"


def test_inflected_forms_share_a_key_with_the_nominative():
    assert word_keys("klastra") & word_keys("klaster")
    assert word_keys("Katowicach") & word_keys("Katowice")


@pytest.mark.parametrize(
    "query, entity",
    [
        ("Katowicach", "city/katowice"),
        ("w Katowicach", "city/katowice"),
        ("slaski klaster", "org/slaski-klaster-lotniczy"),
        ("Śląskiego Klastra Lotniczego", "org/slaski-klaster-lotniczy"),
        ("Płockiego Parku", "org/pppt"),
        ("plockiego parku", "org/pppt"),
        ("Wrocławiu", "city/wroclaw"),
    ],
)
def test_inflected_and_folded_queries_find_the_entity_first(index, query, entity):
    hits = index.search(query)
    assert hits and hits[0].iri == R + entity


def test_every_significant_word_must_match(index):
    assert index.search("Katowicach Wrocławiu") == []
    assert index.search("zzzz") == []
    assert index.search("   ") == []


def test_the_search_page_lists_the_hits(client):
    page = client.get("/search", params={"q": "Płockiego Parku"}).text
    assert 'href="/page/org/pppt"' in page
    assert "match" in page
