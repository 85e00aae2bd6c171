"""Cleaning of table cells before they are mapped: each cleaner turns one raw cell into the
lexical form its RDF datatype wants, or raises :class:`FieldError` saying what is wrong, so
that a bad row is reported by file, line and field and the other rows still load.

Names are compared in a folded form (:func:`normalise_name`) for the identity rule, and
instance IRIs use ASCII slugs (:func:`slug`), as the curated files do.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

__all__ = [
    "FieldError",
    "RowProblem",
    "clean_boolean",
    "clean_date",
    "clean_decimal",
    "clean_text",
    "normalise_name",
    "slug",
]

# Letters NFKD does not decompose into a base letter and a mark.
_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE"}
)
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_DECIMAL = re.compile(r"^-?[0-9]+([.,][0-9]+)?$")
_GROUPED = re.compile(r"^-?[0-9]{1,3}([ \u00a0'][0-9]{3})+([.,][0-9]+)?$")
_TRUE = {"true", "yes", "y", "1", "t"}
_FALSE = {"false", "no", "n", "0", "f"}


class FieldError(ValueError):
    """A cell cannot be used; ``field`` names its column and the message says why."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(message)


@dataclass(frozen=True)
class RowProblem:
    """A record that was left out (or a cell that was dropped): the file, the line the
    record starts on (1 = the header), the field, and what is wrong."""

    path: Path
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path.name}:{self.line}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def normalise_name(text: str) -> str:
    """A name as the identity rule compares it: diacritics folded (ł as l), case folded,
    every run of punctuation and spaces one space ("Politechnika Śląska" and "POLITECHNIKA
    SLASKA" agree; so do "Saint-Étienne" and "SAINT ETIENNE")."""
    return _NOT_ALNUM.sub(" ", _fold(text)).strip()


def slug(text: str) -> str:
    """An ASCII slug for an IRI: folded, lower case, hyphens between words."""
    return _NOT_ALNUM.sub("-", _fold(text)).strip("-")


def clean_text(field: str, value: str | None, *, required: bool = False) -> str | None:
    """The cell with surrounding and repeated white space removed; None when empty, and a
    :class:`FieldError` when empty but ``required``."""
    text = " ".join((value or "").split())
    if not text:
        if required:
            raise FieldError(field, "is empty")
        return None
    return text


def clean_decimal(field: str, value: str | None) -> str | None:
    """An ``xsd:decimal`` lexical form from a cell that writes a number with a decimal point
    or comma ("1234,50" and "1234.50" as CORDIS exports have it), optionally with thousands
    grouped by spaces; None when empty."""
    text = clean_text(field, value)
    if text is None:
        return None
    if _GROUPED.match(text):
        text = re.sub(r"[ \u00a0']", "", text)
    if not _DECIMAL.match(text):
        raise FieldError(field, f"{text!r} is not a decimal number")
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - the pattern already checked
        raise FieldError(field, f"{text!r} is not a decimal number") from exc
    return format(number, "f")


def clean_date(field: str, value: str | None) -> str | None:
    """An ``xsd:date`` from ``YYYY-MM-DD`` (a time after it, as some exports add, is
    dropped) or ``DD.MM.YYYY``; None when empty. Impossible dates are errors."""
    text = clean_text(field, value)
    if text is None:
        return None
    day = text.split(" ", 1)[0].split("T", 1)[0]
    for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(day, pattern).date().isoformat()
        except ValueError:
            continue
    raise FieldError(field, f"{text!r} is not a date (YYYY-MM-DD)")


def clean_boolean(field: str, value: str | None) -> str | None:
    """``true`` or ``false`` from the spellings tables use (true/false, yes/no, 1/0);
    None when empty."""
    text = clean_text(field, value)
    if text is None:
        return None
    lowered = text.casefold()
    if lowered in _TRUE:
        return "true"
    if lowered in _FALSE:
        return "false"
    raise FieldError(field, f"{text!r} is not true or false")
