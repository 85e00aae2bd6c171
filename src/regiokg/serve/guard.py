"""What the public SPARQL endpoint refuses before a query reaches the store: updates (the
server is read-only), ``SERVICE`` (a federated query would make the server fetch an
address the request names), texts longer than :data:`MAX_QUERY_CHARS` and groups nested
deeper than :data:`MAX_NESTING` (the engine's recursive parser would exhaust its stack).

The decision is taken on the query's tokens as the SPARQL 1.1 grammar defines them (the
package's one lexer, :mod:`regiokg.query.lexer`), after the codepoint escapes ``\\uXXXX``
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

from regiokg.query.lexer import Token, tokens, unescape_codepoints

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

_OPENERS, _CLOSERS = frozenset("({["), frozenset(")}]")


class Refusal(ValueError):
    """A request the endpoint will not run; ``status`` is the HTTP status to answer
    with (403 for updates and federated queries, 400 or 413 for unparseable sizes)."""

    def __init__(self, message: str, status: int = 403):
        self.status = status
        super().__init__(message)


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
