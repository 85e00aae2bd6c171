"""The one SPARQL lexer of the package: it splits query text into tokens so that nothing
inside strings, IRIs or comments is ever taken for syntax. The catalogue reads parameter
variables and the query form with it, binding finds the WHERE clause with it, and the
server's guard reads keywords with it.

It is a lexer, not a parser: it knows strings (all four quote forms, with escapes),
IRIs, variables, prefixed names, braces and comments, and hands everything else on as
single characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["FORMS", "Token", "prefixes", "query_form", "tokens", "where_brace"]

#: The four query forms.
FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")

_TOKEN = re.compile(
    r"""(?P<comment>\#[^\n]*)
      | (?P<string>\"\"\"(?:[^\\]|\\.)*?\"\"\"|'''(?:[^\\]|\\.)*?'''
                  |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
      | (?P<iri><[^<>"{}|^`\\\s]*>)
      | (?P<var>[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)
      | (?P<open>\{) | (?P<close>\})
      | (?P<word>[A-Za-z_][A-Za-z0-9_-]*(?::[^\s{}()<>,;]*)?)
      | (?P<other>\S)""",
    re.VERBOSE | re.DOTALL,
)
_PREFIX = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.IGNORECASE)

#: A token: its ``kind`` (``string``, ``iri``, ``var``, ``open``, ``close``, ``word`` or
#: ``other``) is ``match.lastgroup``, its text ``match.group()``.
Token = re.Match


def tokens(text: str) -> Iterator[Token]:
    """The tokens of ``text`` in order, comments left out."""
    for match in _TOKEN.finditer(text):
        if match.lastgroup != "comment":
            yield match


def query_form(text: str) -> str | None:
    """The form of the query (``SELECT``, ``CONSTRUCT``, ``ASK`` or ``DESCRIBE``): its
    first form keyword outside strings, IRIs and comments; None when there is none."""
    for tok in tokens(text):
        if tok.lastgroup == "word" and tok.group().upper() in FORMS:
            return tok.group().upper()
    return None


def where_brace(text: str) -> int | None:
    """Offset just after the ``{`` that opens the query's outermost WHERE group (after the
    template of a CONSTRUCT), or None when there is none."""
    depth, form, after_where, template_done = 0, None, False, False
    for tok in tokens(text):
        kind, value = tok.lastgroup, tok.group()
        if kind == "word" and depth == 0:
            upper = value.upper()
            if form is None and upper in FORMS:
                form = upper
            elif upper == "WHERE":
                after_where = True
        elif kind == "open":
            if depth == 0 and (
                after_where or form in ("SELECT", "ASK", "DESCRIBE") or template_done
            ):
                return tok.end()
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth == 0 and form == "CONSTRUCT":
                template_done = True
    return None


def prefixes(text: str) -> dict[str, str]:
    """The ``PREFIX`` declarations of ``text``, prefix -> namespace IRI (``""`` for the
    empty prefix)."""
    return {p or "": iri for p, iri in _PREFIX.findall(text)}
