"""Date expressions in Polish and English news text, normalised to ISO 8601.

Rules, not a model: day, month and year patterns in both languages (month names in the
nominative, genitive and locative, abbreviations, numeric forms), ranges within and across
months ("6 – 9 kwietnia 2011", "16-19 maja", "April 6-9, 2011", "od 3 do 5 marca"), the
Polish year markers ("27 marca 2012 r.", "w 2011 roku", "br."), and relative expressions
("wczoraj", "w przyszłym roku", "last week") resolved against the publication date. A date
without a year takes the publication year, or else the last year the text named before it.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["DateMention", "find_dates"]

_PL_MONTHS = {
    1: ("styczeń", "stycznia", "styczniu", "sty"),
    2: ("luty", "lutego", "lutym", "lut"),
    3: ("marzec", "marca", "marcu", "mar"),
    4: ("kwiecień", "kwietnia", "kwietniu", "kwi"),
    5: ("maj", "maja", "maju"),
    6: ("czerwiec", "czerwca", "czerwcu", "cze"),
    7: ("lipiec", "lipca", "lipcu", "lip"),
    8: ("sierpień", "sierpnia", "sierpniu", "sie"),
    9: ("wrzesień", "września", "wrześniu", "wrz"),
    10: ("październik", "października", "październiku", "paź", "paz"),
    11: ("listopad", "listopada", "listopadzie", "lis"),
    12: ("grudzień", "grudnia", "grudniu", "gru"),
}
_EN_MONTHS = {
    1: ("january", "jan"),
    2: ("february", "feb"),
    3: ("march", "mar"),
    4: ("april", "apr"),
    5: ("may",),
    6: ("june", "jun"),
    7: ("july", "jul"),
    8: ("august", "aug"),
    9: ("september", "sept", "sep"),
    10: ("october", "oct"),
    11: ("november", "nov"),
    12: ("december", "dec"),
}
_MONTH_OF: dict[str, int] = {}
for _table in (_PL_MONTHS, _EN_MONTHS):
    for _number, _names in _table.items():
        for _name in _names:
            _MONTH_OF.setdefault(_name, _number)
# unaccented spellings of the Polish names, as pages without Polish letters write them
for _name, _number in list(_MONTH_OF.items()):
    _MONTH_OF.setdefault(_name.translate(str.maketrans("ńźś", "nzs")), _number)

_MONTH = (
    r"(?P<{g}>"
    + "|".join(sorted((re.escape(n) for n in _MONTH_OF), key=len, reverse=True))
    + r")\.?(?![a-ząćęłńóśźż])"
)
_DASH = r"\s*(?:[-–—]|do|to|until|and|i)\s*"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th|\.)?"
_YEAR = r"(?P<{g}>(?:1[89]|20)\d\d)"
# "r.", "roku", "rok" after a year; "br." (bieżącego roku) stands for the year itself
_YEAR_MARK = r"(?:\s*(?:r\.|roku\b|rok\b))?"
_THIS_YEAR = r"(?P<br>\s*(?:br\.|b\.r\.|bieżącego roku|this year))?"


#: The part each placeholder of a date pattern stands for, by its name: ``{d1}`` a day,
#: ``{m2}`` a month, ``{y1}`` a year (each a named group of its own), and the separators.
_PARTS = {"d": _DAY, "m": _MONTH, "y": _YEAR, "dash": _DASH, "mark": _YEAR_MARK, "br": _THIS_YEAR}


def _p(template: str, **groups: str) -> str:
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    parts = {name: groups.get(name, _PARTS.get(name) or _PARTS[name[0]]) for name in names}
    return template.format(**{k: v.format(g=k) for k, v in parts.items()})


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 6 – 9 kwietnia 2011 | 6-9 April 2011 | od 3 do 5 marca br.
    (
        "dd-month",
        re.compile(
            _p(r"(?:\bod\s+|\bfrom\s+)?\b{d1}{dash}{d2}\s+{m2}(?:\s+{y2}{mark})?{br}"),
            re.IGNORECASE,
        ),
    ),
    # 30 marca – 2 kwietnia 2012 | 30 March - 2 April 2012
    (
        "dm-dm",
        re.compile(
            _p(r"\b{d1}\s+{m1}(?:\s+{y1})?{dash}{d2}\s+{m2}(?:\s+{y2}{mark})?{br}"),
            re.IGNORECASE,
        ),
    ),
    # April 6-9, 2011 | April 30 - May 2, 2012
    (
        "month-dd",
        re.compile(
            _p(
                r"\b{m1}\s+{d1}{dash}(?:{m2}\s+)?{d2}(?:,?\s+{y2})?",
                dash=r"\s*[-–—]\s*",
            ),
            re.IGNORECASE,
        ),
    ),
    # 27 marca 2012 r. | 12 grudnia br. | 4 July 2013 | Czwartek, 04 Lipiec 2013
    (
        "d-month",
        re.compile(
            _p(r"\b{d2}\s+{m2}(?:,?\s+{y2}{mark})?{br}"),
            re.IGNORECASE,
        ),
    ),
    # April 6, 2011 | kwi 9, 2011
    (
        "month-d",
        re.compile(
            _p(r"\b{m2}\s+{d2}(?:,\s*{y2})?\b(?!\s*[-–]\s*\d)", m2=_MONTH, d2=_DAY, y2=_YEAR),
            re.IGNORECASE,
        ),
    ),
    # 12-14.10.2016 r. (a range of days written in numbers)
    (
        "numeric-range",
        re.compile(
            r"(?<![\d.\-/])(?P<d1>[0-3]?\d)\s*[-–]\s*(?P<d2>[0-3]?\d)\.(?P<m2>[01]?\d)\."
            r"(?P<y2>(?:19|20)\d\d)(?:\s*r\.)?(?![\d])"
        ),
    ),
    # 2011-04-09 | 29.05.2006 | 19-12-2014 | 9/4/2011
    (
        "iso",
        re.compile(r"(?<![\d.])(?P<y2>(?:19|20)\d\d)-(?P<m2>[01]\d)-(?P<d2>[0-3]\d)(?![\d])"),
    ),
    (
        "numeric",
        re.compile(
            r"(?<![\d.\-/])(?P<d2>[0-3]?\d)(?P<sep>[./-])(?P<m2>[01]?\d)(?P=sep)"
            r"(?P<y2>(?:19|20)\d\d)(?:\s*r\.)?(?![\d])"
        ),
    ),
    # w kwietniu 2011 | April 2011 | maj 2013
    (
        "month-year",
        re.compile(_p(r"\b{m2},?\s+{y2}{mark}", m2=_MONTH, y2=_YEAR, mark=_YEAR_MARK), re.I),
    ),
    # w czerwcu | in June (the year comes from the publication date, or the text before)
    (
        "month",
        re.compile(
            _p(
                r"(?:\bwe?\s+|\bin\s+)(?:early\s+|late\s+|mid-?\s*)?{m2}(?![\s\d]*\d)"
                r"(?:\s+(?P<shift>przyszłego|następnego|zeszłego|ubiegłego|poprzedniego)\s+roku"
                r"|\s+(?P<shift_en>next|last) year)?",
            ),
            re.IGNORECASE,
        ),
    ),
    # w latach 2009-2010 | na przełomie lat 2009 i 2010 | 2014-2020 period
    (
        "year-range",
        re.compile(
            r"\b(?:(?P<lead>w latach|latach|lat|na przełomie lat|przełomie lat|between|from|"
            r"perspektyw\w*|okres\w*|period)\s+)"
            r"(?P<y1>(?:19|20)\d\d)\s*(?:[-–—]|i|and|to|do)\s*(?P<y2>(?:19|20)\d\d)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "bare-year-range",
        re.compile(
            r"(?<![\d\w./-])(?P<y1>(?:19|20)\d\d)\s*[-–]\s*(?P<y2>(?:19|20)\d\d)"
            r"(?=\s+(?:period|programming|perspective)\b)",
            re.IGNORECASE,
        ),
    ),
    # od 1994 roku | w roku 2011 | in 2011 | since 1998
    (
        "year",
        re.compile(
            r"(?:\b(?:w roku|roku)\s+(?P<y2a>(?:19|20)\d\d)\b)"
            r"|(?:(?<![\d\w.,/-])(?P<y2>(?:19|20)\d\d)\s*(?:r\.|roku\b|rok\b))"
            r"|(?:\b(?:in|since|from|until|by|od|do|w)\s+(?P<y2b>(?:19|20)\d\d)\b(?![-–./]\d)"
            r"(?:\s*(?:r\.|roku\b))?)",
            re.IGNORECASE,
        ),
    ),
]

# relative expressions: (pattern, unit, offset); unit "day", "week", "month" or "year"
_RELATIVE: list[tuple[re.Pattern[str], str, int]] = [
    (re.compile(p, re.IGNORECASE), unit, offset)
    for p, unit, offset in [
        (r"\bprzedwczoraj\w*", "day", -2),
        (r"\bwczoraj\w*", "day", -1),
        (r"\bdzisiejsz\w+", "day", 0),
        (r"\bpojutrze\b", "day", 2),
        (r"\bjutr(?:o|zejsz\w+)\b", "day", 1),
        (r"\bthe day before yesterday\b", "day", -2),
        (r"\byesterday(?:'s)?\b", "day", -1),
        (r"\btomorrow(?:'s)?\b", "day", 1),
        (r"\bw (?:zeszłym|ubiegłym|poprzednim) tygodniu\b", "week", -1),
        (r"\bw (?:przyszłym|następnym|kolejnym) tygodniu\b", "week", 1),
        (r"\blast week(?:'s)?\b", "week", -1),
        (r"\bnext week(?:'s)?\b", "week", 1),
        (r"\bw (?:zeszłym|ubiegłym|poprzednim) miesiącu\b", "month", -1),
        (r"\bw (?:przyszłym|następnym|kolejnym) miesiącu\b", "month", 1),
        (r"\blast month(?:'s)?\b", "month", -1),
        (r"\bnext month(?:'s)?\b", "month", 1),
        (r"\bw (?:zeszłym|ubiegłym|poprzednim) roku\b", "year", -1),
        (r"\bw (?:przyszłym|następnym|kolejnym) roku\b", "year", 1),
        (r"\bw (?:tym|bieżącym) roku\b", "year", 0),
        (r"\blast year(?:'s)?\b", "year", -1),
        (r"\bnext year(?:'s)?\b", "year", 1),
        (r"\bthis year(?:'s)?\b", "year", 0),
    ]
]


@dataclass(frozen=True)
class DateMention:
    """A date expression at ``start:end`` of the text (code points, end exclusive) and its
    value: ``first`` and ``last`` are ISO dates of the precision the text gives (``2011``,
    ``2011-04``, ``2011-04-06``), equal for a single date; ``None`` where no year can be
    settled. ``relative`` marks values computed from the publication date."""

    start: int
    end: int
    first: str | None
    last: str | None
    relative: bool = False

    @property
    def value(self) -> str | None:
        """The ISO 8601 value: one date, or ``first/last`` for a range."""
        if self.first is None:
            return None
        return self.first if self.first == self.last else f"{self.first}/{self.last}"


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month(match: re.Match[str], group: str) -> int | None:
    name = match.groupdict().get(group)
    return _MONTH_OF.get(name.lower().rstrip(".")) if name else None


def _int(match: re.Match[str], group: str) -> int | None:
    value = match.groupdict().get(group)
    return int(value) if value else None


def _absolute(kind: str, m: re.Match[str], default_year: int | None) -> tuple:
    """(first, last) of one absolute match, years filled from ``default_year``."""
    if kind in {"year-range", "bare-year-range"}:
        y1, y2 = _int(m, "y1"), _int(m, "y2")
        return (_iso(y1), _iso(y2)) if y1 and y2 and y1 <= y2 else (None, None)
    if kind == "year":
        year = _int(m, "y2") or _int(m, "y2a") or _int(m, "y2b")
        return _iso(year), _iso(year)
    if kind == "month-year":
        year = _int(m, "y2")
        return _iso(year, _month(m, "m2")), _iso(year, _month(m, "m2"))
    if kind == "numeric-range":
        year, month = _int(m, "y2"), _int(m, "m2")
        first, last = _iso(year, month, _int(m, "d1")), _iso(year, month, _int(m, "d2"))
        return (first, last) if first and last and first <= last else (None, None)
    if kind in {"iso", "numeric"}:
        value = _iso(_int(m, "y2"), _int(m, "m2"), _int(m, "d2"))
        return value, value
    year2 = _int(m, "y2") or default_year
    shift = m.groupdict().get("shift") or m.groupdict().get("shift_en")
    if shift and year2 is not None:
        year2 += -1 if shift.lower() in {"zeszłego", "ubiegłego", "poprzedniego", "last"} else 1
    month2 = _month(m, "m2")
    day2 = _int(m, "d2")
    last = _iso(year2, month2, day2)
    if kind in {"d-month", "month-d"}:
        return last, last
    if kind == "month-dd":
        month1 = _month(m, "m1")
        month2 = month2 or month1
        last = _iso(year2, month2, day2)
    else:
        month1 = _month(m, "m1") or month2
    year1 = _int(m, "y1") or year2
    if year1 is not None and month1 is not None and month1 > (month2 or 0) and not _int(m, "y1"):
        year1 -= 1  # "30 grudnia – 2 stycznia 2012" starts in the year before
    first = _iso(year1, month1, _int(m, "d1"))
    if first is None or last is None or first > last:
        return None, None
    return first, last


def _shift(published: date, unit: str, offset: int) -> tuple[str, str]:
    if unit == "day":
        day = published + timedelta(days=offset)
        return day.isoformat(), day.isoformat()
    if unit == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
        return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
    if unit == "month":
        index = published.year * 12 + published.month - 1 + offset
        value = f"{index // 12:04d}-{index % 12 + 1:02d}"
        return value, value
    year = f"{published.year + offset:04d}"
    return year, year


def find_dates(text: str, published: date | None = None) -> list[DateMention]:
    """Every date expression of ``text`` in text order, none overlapping another (the longest
    pattern wins). Relative expressions are kept only when ``published`` is known; a date
    without a year takes the publication year, or else the last year named before it."""
    taken = bytearray(len(text))
    found: list[tuple[int, int, str, re.Match[str] | None, tuple | None]] = []

    def free(start: int, end: int) -> bool:
        """Whether no longer expression already covers ``start:end``."""
        return not any(taken[start:end])

    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            # keep the surrounding words ("od", "w latach") out of the span but for ranges
            if kind == "year-range" and m.group("lead"):
                start = m.start("y1")
            elif kind == "year" and m.group("y2b"):
                start = m.start("y2b")
            while end > start and text[end - 1].isspace():
                end -= 1
            if free(start, end):
                taken[start:end] = b"\1" * (end - start)
                found.append((start, end, kind, m, None))
    if published is not None:
        for pattern, unit, offset in _RELATIVE:
            for m in pattern.finditer(text):
                if free(m.start(), m.end()):
                    taken[m.start() : m.end()] = b"\1" * (m.end() - m.start())
                    found.append((m.start(), m.end(), "relative", None, (unit, offset)))
    found.sort(key=lambda item: item[0])

    mentions: list[DateMention] = []
    last_year = None
    for start, end, kind, m, rel in found:
        if rel is not None:
            first, last = _shift(published, *rel)
            mentions.append(DateMention(start, end, first, last, relative=True))
            continue
        this_year = published.year if published else None
        default = this_year if (m.groupdict().get("br") or last_year is None) else last_year
        if published is not None and not m.groupdict().get("br"):
            default = published.year
        first, last = _absolute(kind, m, default)
        if first is None and kind not in {"d-month", "month-d", "dd-month", "dm-dm"}:
            continue  # impossible dates such as 31.02.2011 are not dates
        mentions.append(DateMention(start, end, first, last))
        if last is not None:
            last_year = int(last[:4])
    return mentions
