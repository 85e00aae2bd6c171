"""What the public SPARQL endpoint refuses before a query reaches the store: updates (the
server is read-only) and ``SERVICE`` (federated queries would make the server fetch an
address the request names).

The query text is scanned token by token so that the words inside strings, comments and
IRIs do not count: ``"DROP it"``, ``# SERVICE`` and ``<http://x/load>`` are harmless, a bare
``SERVICE`` keyword is not. pyoxigraph would reject an update as a syntax error anyway; the
scan is there to say clearly why.
"""

from __future__ import annotations

import re

__all__ = ["UPDATE_KEYWORDS", "Refusal", "refusal"]

#: Keywords that open a SPARQL 1.1 Update operation; none of them can appear in a query.
UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)

_LEXEME = re.compile(
    r"""\#[^\r\n]*
      | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\" | '''(?:[^'\\]|\\.|'(?!''))*'''
      | "(?:[^"\\\r\n]|\\.)*" | '(?:[^'\\\r\n]|\\.)*'
      | <[^<>"{}|^`\\\x00-\x20]*>
      | [?$][\w\u00B7\u00C0-\uFFFF]+
      | (?P<word>[A-Za-z_][\w.-]*) (?P<colon>:)?
      | [^\s]""",
    re.VERBOSE | re.DOTALL,
)


class Refusal(ValueError):
    """A request the endpoint will not run; ``status`` is the HTTP status to answer
    with (403 for updates and federated queries)."""

    def __init__(self, message: str, status: int = 403):
        self.status = status
        super().__init__(message)


def _bare_words(text: str):
    for match in _LEXEME.finditer(text):
        # A word followed by ':' is a prefix of a prefixed name, not a keyword.
        if match["word"] and not match["colon"]:
            yield match["word"].upper()


def refusal(text: str) -> Refusal | None:
    """The reason to refuse the SPARQL ``text``, or None when it may run: an update
    keyword (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD, MOVE, COPY, WITH) or the
    ``SERVICE`` keyword outside strings, comments and IRIs."""
    for word in _bare_words(text):
        if word in UPDATE_KEYWORDS:
            return Refusal(
                f"this endpoint is read-only: {word} is a SPARQL Update operation and is "
                "refused; only SELECT, ASK, CONSTRUCT and DESCRIBE queries run here"
            )
        if word == "SERVICE":
            return Refusal(
                "SERVICE (a federated query) is refused: this server never fetches an "
                "address named in a request; query the other endpoint yourself"
            )
    return None
