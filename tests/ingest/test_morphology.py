"""Polish names put in their base form, and lemmas for matching inflected forms."""

from __future__ import annotations

import pytest

from regiokg.ingest.morphology import fold, lemmas, nominative, person_nominative


@pytest.mark.parametrize(
    ("inflected", "base"),
    [
        (
            "Polskiej Agencji Rozwoju Przedsiębiorczości",
            "Polska Agencja Rozwoju Przedsiębiorczości",
        ),
        ("Śląskiego Klastra Lotniczego", "Śląski Klaster Lotniczy"),
        (
            "Płockiego Parku Przemysłowo-Technologicznego S.A.",
            "Płocki Park Przemysłowo-Technologiczny S.A.",
        ),
        (
            "Urzędzie Marszałkowskim Województwa Mazowieckiego",
            "Urząd Marszałkowski Województwa Mazowieckiego",
        ),
        ("Politechniki Warszawskiej", "Politechnika Warszawska"),
        ("Izbą Handlową", "Izba Handlowa"),
        ("Klastry Polskie", "Klastry Polskie"),
        ("Uniwersytet Śląski", "Uniwersytet Śląski"),
    ],
)
def test_names_in_the_nominative(inflected, base):
    assert " ".join(nominative(inflected.split())) == base


@pytest.mark.parametrize(
    ("inflected", "base"),
    [
        ("Jarosława Bulandy", "Jarosław Bulanda"),
        ("Anny Kowalskiej", "Anna Kowalska"),
        ("Michał Luczewski", "Michał Luczewski"),
    ],
)
def test_people_in_the_nominative(inflected, base):
    assert " ".join(person_nominative(inflected.split())) == base


def test_lemmas_of_inflected_and_unaccented_forms():
    assert "katowice" in lemmas("Katowicach")
    assert "slaskiego" in lemmas("Slaskiego")  # unknown unaccented words match themselves
    assert fold("Łódź") == "lodz"
