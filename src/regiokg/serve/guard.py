"""What the public SPARQL endpoint refuses before a query reaches the store: updates (the
server is read-only), ``SERVICE`` (a federated query would make the server fetch an
address the request names), texts longer than :data:`MAX_QUERY_CHARS` and groups nested
deeper than :data:`MAX_NESTING` (the engine's recursive parser would exhaust its stack).

The decision is taken on the query's tokens as the SPARQL 1.1 grammar defines them
(https://www.w3.org/TR/sparql11-query/#grammar), after the codepoint escapes ``\\uXXXX``
and ``\\UXXXXXXXX`` are replaced, as section 19.2 says they are before parsing. A lexer that
knows prefixed names (with their ``\\``-escapes and ``%XX`` in the local part), strings,
IRIs, language tags and comments tells a keyword from a name: ``schema:Service``,
``ex:copy`` and ``"DROP it"`` are harmless, while ``SERVICE:x`` is refused, because
Oxigraph's parser reads it as the keyword ``SERVICE`` followed by the name ``:x``.

This check is the first of two walls: the query workers also run without network access
(see :func:`regiokg.serve.worker.isolate_network`), so a query that slipped past it could
still reach no address.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = [
    "MAX_NESTING",
    "MAX_QUERY_CHARS",
    "UPDATE_KEYWORDS",
    "Refusal",
    "Token",
    "has_dataset_clause",
    "refusal",
    "tokens",
    "unescape_codepoints",
]

#: Keywords that open a SPARQL 1.1 Update operation; none of them can appear in a query.
UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)
#: The longest query text the endpoint parses (characters).
MAX_QUERY_CHARS = 100_000
#: The deepest nesting of ``(``, ``{`` and ``[`` the endpoint parses.
MAX_NESTING = 64

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
_OPENERS, _CLOSERS = frozenset("({["), frozenset(")}]")


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


class Refusal(ValueError):
    """A request the endpoint will not run; ``status`` is the HTTP status to answer
    with (403 for updates and federated queries, 400 or 413 for unparseable sizes)."""

    def __init__(self, message: str, status: int = 403):
        self.status = status
        super().__init__(message)


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


def refusal(text: str) -> Refusal | None:
    """The reason to refuse the SPARQL ``text``, or None when it may run: a text longer
    than :data:`MAX_QUERY_CHARS` (413), groups nested deeper than :data:`MAX_NESTING`
    (400), an update keyword (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD, MOVE, COPY,
    WITH) or ``SERVICE`` as a keyword, including a prefixed name whose prefix is
    ``SERVICE`` (403)."""
    if len(text) > MAX_QUERY_CHARS:
        return Refusal(
            f"the query is {len(text):,} characters long; this endpoint parses at most "
            f"{MAX_QUERY_CHARS:,}",
            status=413,
        )
    depth = 0
    for token in tokens(unescape_codepoints(text)):
        if token.kind == "punct":
            if token.text in _OPENERS:
                depth += 1
                if depth > MAX_NESTING:
                    return Refusal(
                        f"the query nests brackets deeper than {MAX_NESTING} levels "
                        f"(at character {token.start + 1}); this endpoint parses no deeper",
                        status=400,
                    )
            elif token.text in _CLOSERS:
                depth = max(0, depth - 1)
            continue
        keyword = None
        if token.kind == "word":
            keyword = token.text.upper()
        elif token.kind == "pname" and token.prefix.upper() == "SERVICE":
            keyword = "SERVICE"
        if keyword in UPDATE_KEYWORDS:
            return Refusal(
                f"this endpoint is read-only: {keyword} is a SPARQL Update operation and is "
                "refused; only SELECT, ASK, CONSTRUCT and DESCRIBE queries run here"
            )
        if keyword == "SERVICE":
            return Refusal(
                "SERVICE (a federated query) is refused: this server never fetches an "
                "address named in a request; query the other endpoint yourself"
            )
    return None


def has_dataset_clause(text: str) -> bool:
    """Whether the query ``text`` names its own dataset (``FROM`` or ``FROM NAMED``), which
    then replaces the endpoint's default dataset, as the SPARQL 1.1 Protocol requires."""
    found = tokens(unescape_codepoints(text))
    return any(t.kind == "word" and t.text.upper() == "FROM" for t in found)
