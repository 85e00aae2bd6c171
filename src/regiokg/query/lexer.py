"""The one SPARQL lexer of the package. It splits a query into the tokens the SPARQL 1.1
grammar defines (https://www.w3.org/TR/sparql11-query/#grammar): prefixed names (with their
``\\``-escapes and ``%XX`` in the local part), strings, IRIs, variables, language tags,
blank nodes, numbers, keywords, punctuation and comments, so that nothing inside a string,
an IRI or a name is ever taken for syntax. The catalogue reads a query's parameters and
form with it, binding finds the WHERE clause with it, and the server's guard decides what
to refuse with it (after :func:`unescape_codepoints`, as section 19.2 of the grammar says).

It is a lexer, not a parser: pyoxigraph parses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = [
    "FORMS",
    "Token",
    "prefixes",
    "query_form",
    "tokens",
    "unescape_codepoints",
    "where_brace",
]

#: The four query forms.
FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

_PN_CHARS_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_PN_CHARS_U = _PN_CHARS_BASE + "_"
_PN_CHARS = _PN_CHARS_U + r"\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PN_PREFIX = rf"[{_PN_CHARS_BASE}](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?"
_PN_LOCAL = (
    rf"(?:[{_PN_CHARS_U}:0-9]|{_PLX})"
    rf"(?:(?:[{_PN_CHARS}.:]|{_PLX})*(?:[{_PN_CHARS}:]|{_PLX}))?"
)

_LEXEME = re.compile(
    rf"""(?P<space>\s+)
      | (?P<comment>\#[^\r\n]*)
      | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\" | '''(?:[^'\\]|\\.|'(?!''))*'''
                  | "(?:[^"\\\r\n]|\\.)*" | '(?:[^'\\\r\n]|\\.)*')
      | (?P<iri><[^<>"{{}}|^`\\\x00-\x20]*>)
      | (?P<var>[?$][{_PN_CHARS_U}0-9][{_PN_CHARS_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*)
      | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
      | (?P<pname>(?P<prefix>{_PN_PREFIX})?:(?:{_PN_LOCAL})?)
      | (?P<bnode>_:[{_PN_CHARS_U}0-9](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?)
      | (?P<number>[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)
      | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<punct>\^\^|\|\||&&|!=|<=|>=|.)""",
    re.VERBOSE | re.DOTALL,
)
_PREFIX = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.IGNORECASE)


@dataclass(frozen=True)
class Token:
    """One lexeme of a SPARQL text: its ``kind`` (``comment``, ``string``, ``iri``,
    ``var``, ``langtag``, ``pname``, ``bnode``, ``number``, ``word`` or ``punct``), its
    ``text``, its ``start`` offset and, for a prefixed name, its ``prefix`` (``""`` for
    the empty prefix)."""

    kind: str
    text: str
    start: int
    prefix: str | None = None


def unescape_codepoints(text: str) -> str:
    """``text`` with its SPARQL codepoint escapes (``\\u0053``, ``\\U00000053``) replaced
    by the characters they stand for, as the SPARQL grammar does before it parses."""

    def character(match: re.Match) -> str:
        code = int(match[1] or match[2], 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"

    return _CODEPOINT.sub(character, text)


def tokens(text: str) -> Iterator[Token]:
    """The tokens of the SPARQL ``text`` (white space left out), in order. The text is
    taken as it is: apply :func:`unescape_codepoints` first where escapes must count."""
    for match in _LEXEME.finditer(text):
        kind = match.lastgroup
        if kind == "prefix":  # the named group inside pname ends last
            kind = "pname"
        if kind == "space":
            continue
        prefix = match["prefix"] or "" if kind == "pname" else None
        yield Token(kind, match[0], match.start(), prefix)


def query_form(text: str) -> str | None:
    """The form of the query (``SELECT``, ``CONSTRUCT``, ``ASK`` or ``DESCRIBE``): its
    first form keyword outside strings, IRIs, names and comments; None when there is
    none."""
    for token in tokens(text):
        if token.kind == "word" and token.text.upper() in FORMS:
            return token.text.upper()
    return None


def where_brace(text: str) -> int | None:
    """Offset just after the ``{`` that opens the query's outermost WHERE group (after the
    template of a CONSTRUCT), or None when there is none."""
    depth, form, after_where, template_done = 0, None, False, False
    for token in tokens(text):
        if token.kind == "word" and depth == 0:
            upper = token.text.upper()
            if form is None and upper in FORMS:
                form = upper
            elif upper == "WHERE":
                after_where = True
        elif token.kind == "punct" and token.text == "{":
            if depth == 0 and (
                after_where or form in ("SELECT", "ASK", "DESCRIBE") or template_done
            ):
                return token.start + 1
            depth += 1
        elif token.kind == "punct" and token.text == "}":
            depth -= 1
            if depth == 0 and form == "CONSTRUCT":
                template_done = True
    return None


def prefixes(text: str) -> dict[str, str]:
    """The ``PREFIX`` declarations of ``text``, prefix -> namespace IRI (``""`` for the
    empty prefix)."""
    return {p or "": iri for p, iri in _PREFIX.findall(text)}
