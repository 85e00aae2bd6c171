"""Cell cleaners and the name forms of the identity rule."""

from __future__ import annotations

import pytest

from regiokg.tables.cleaning import (
    FieldError,
    clean_boolean,
    clean_date,
    clean_decimal,
    clean_text,
    normalise_name,
    slug,
)
from regiokg.tables.gazetteer import organisation_name_key


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1234567,5", "1234567.5"),
        ("1234567.50", "1234567.50"),
        ("3 064 875,25", "3064875.25"),
        ("0", "0"),
        ("-12,5", "-12.5"),
        ("", None),
        (None, None),
    ],
)
def test_decimal_accepts_point_comma_and_grouping(raw, expected):
    assert clean_decimal("x", raw) == expected


@pytest.mark.parametrize("raw", ["12,34,56", "lots", "1.2.3", "1e5", "12 34"])
def test_decimal_rejects_what_is_not_a_number(raw):
    with pytest.raises(FieldError) as error:
        clean_decimal("ecContribution", raw)
    assert error.value.field == "ecContribution"


def test_dates():
    assert clean_date("d", "2016-01-01") == "2016-01-01"
    assert clean_date("d", "2016-01-01 00:00:00") == "2016-01-01"
    assert clean_date("d", "31.12.2019") == "2019-12-31"
    for bad in ("2018-13-01", "2015-02-30", "soon"):
        with pytest.raises(FieldError):
            clean_date("d", bad)


def test_booleans_and_required_text():
    assert clean_boolean("SME", "TRUE") == "true"
    assert clean_boolean("SME", "no") == "false"
    with pytest.raises(FieldError):
        clean_boolean("SME", "maybe")
    assert clean_text("name", "  Politechnika   Śląska ") == "Politechnika Śląska"
    with pytest.raises(FieldError, match="is empty"):
        clean_text("name", "  ", required=True)


def test_names_compare_without_diacritics_case_and_punctuation():
    assert normalise_name("Politechnika Śląska") == normalise_name("POLITECHNIKA SLASKA")
    assert normalise_name("Saint-Étienne") == normalise_name("SAINT ETIENNE")
    assert normalise_name("Łódź") == "lodz"
    assert slug("Bielsko-Biała") == "bielsko-biala"


def test_legal_forms_do_not_tell_organisations_apart():
    assert organisation_name_key("PŁOCKI PARK PRZEMYSŁOWO-TECHNOLOGICZNY SA") == (
        organisation_name_key("Płocki Park Przemysłowo-Technologiczny S.A.")
    )
    assert organisation_name_key("Zakład Sp. z o.o.") == organisation_name_key("ZAKLAD")
    assert organisation_name_key("SA") == "sa"
