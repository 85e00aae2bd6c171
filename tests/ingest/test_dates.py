"""Date expressions: Polish and English forms, ranges, year markers and relative dates."""

from __future__ import annotations

from datetime import date

import pytest

from regiokg.ingest.dates import find_dates

PUBLISHED = date(2013, 7, 4)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        (
            "odbyła się 6 – 9 kwietnia 2011 roku w",
            "6 – 9 kwietnia 2011 roku",
            "2011-04-06/2011-04-09",
        ),
        ("wizyta 16-19 maja br.", "16-19 maja br.", "2013-05-16/2013-05-19"),
        ("Data: 27 marca 2012 r.", "27 marca 2012 r.", "2012-03-27"),
        (
            "od 30 grudnia do 2 stycznia 2014",
            "30 grudnia do 2 stycznia 2014",
            "2013-12-30/2014-01-02",
        ),
        ("GLIWICE 29.05.2006", "29.05.2006", "2006-05-29"),
        ("Czwartek, 04 Lipiec 2013 14:32", "04 Lipiec 2013", "2013-07-04"),
        ("w kwietniu 2011 w", "kwietniu 2011", "2011-04"),
        ("na przełomie lat 2009 i 2010", "2009 i 2010", "2009/2010"),
        ("od 1994 roku", "1994 roku", "1994"),
        ("on April 6-9, 2011 in", "April 6-9, 2011", "2011-04-06/2011-04-09"),
        ("held on 30 March - 2 April 2012.", "30 March - 2 April 2012", "2012-03-30/2012-04-02"),
        ("kwi 9, 2011 | News", "kwi 9, 2011", "2011-04-09"),
        ("w czerwcu odbędą się", "w czerwcu", "2013-06"),
        ("w maju przyszłego roku", "w maju przyszłego roku", "2014-05"),
        ("targi 12-14.10.2016 r. w", "12-14.10.2016 r.", "2016-10-12/2016-10-14"),
        ("on October 14th, 2015", "October 14th, 2015", "2015-10-14"),
    ],
)
def test_absolute_dates(text, span, value):
    found = find_dates(text, PUBLISHED)
    assert [(text[d.start : d.end], d.value) for d in found] == [(span, value)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("temat wczorajszego spotkania", "2013-07-03"),
        ("wczoraj odbyła się", "2013-07-03"),
        ("w przyszłym roku", "2014"),
        ("last week the cluster", "2013-06-24/2013-06-30"),
        ("next month", "2013-08"),
    ],
)
def test_relative_dates_resolve_against_publication(text, value):
    (found,) = find_dates(text, PUBLISHED)
    assert found.relative and found.value == value


def test_relative_dates_need_a_publication_date():
    assert find_dates("wczoraj odbyła się konferencja") == []


@pytest.mark.parametrize(
    "text",
    ["Europejskiej Stolicy Kultury 2016", "31.02.2011", "tel. 12 345 67 89", "RPO WM 2014-2020"],
)
def test_not_dates(text):
    assert [d.value for d in find_dates(text, PUBLISHED) if d.value] == []
