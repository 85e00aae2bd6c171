"""What goes wrong when a query is read, bound or run, said one way wherever it happens:
:class:`QueryError` names the query (its file, or its name) and, for syntax errors, the line
and column; :func:`syntax_error` words pyoxigraph's syntax errors for the command line, the
library and the server alike."""

from __future__ import annotations

import re

import pyoxigraph as ox

__all__ = [
    "QueryError",
    "SyntaxPosition",
    "check_syntax",
    "syntax_error",
    "syntax_position",
]

_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)


class QueryError(ValueError):
    """A query cannot be read, bound or run. ``str()`` names the query and, for syntax
    errors, the line and column (``queries/x.rq:3:14: expected ...``)."""

    def __init__(
        self,
        message: str,
        *,
        where: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ):
        self.where, self.line, self.column, self.message = where, line, column, message
        prefix = where or ""
        if line is not None:
            prefix += f":{line}" + (f":{column}" if column is not None else "")
        super().__init__(f"{prefix}: {message}" if prefix else message)


class SyntaxPosition(tuple):
    """``(line, column, reason)`` of a SPARQL syntax error; line and column are None when
    the parser gave no position."""

    __slots__ = ()

    def __new__(cls, line: int | None, column: int | None, reason: str):
        return super().__new__(cls, (line, column, reason))

    @property
    def message(self) -> str:
        """The one wording of a SPARQL syntax error: ``SPARQL syntax error at line 3,
        column 14: <reason>``, or without the position when there is none."""
        line, column, reason = self
        if line is None:
            return f"SPARQL syntax error: {reason}"
        return f"SPARQL syntax error at line {line}, column {column}: {reason}"


def syntax_position(message: str) -> SyntaxPosition:
    """Read pyoxigraph's syntax error text (``error at 3:14: expected ...``) into a
    :class:`SyntaxPosition`."""
    match = _POSITION.match(message)
    if match is None:
        return SyntaxPosition(None, None, message)
    return SyntaxPosition(int(match[1]), int(match[2]), match[3])


def syntax_error(exc: SyntaxError, where: str | None = None) -> QueryError:
    """The :class:`QueryError` for pyoxigraph's ``SyntaxError`` ``exc`` raised while
    parsing the query that ``where`` names."""
    position = syntax_position(exc.msg or str(exc))
    return QueryError(position.message, where=where, line=position[0], column=position[1])


def check_syntax(text: str, where: str | None = None) -> None:
    """Raise :class:`QueryError` with line and column when ``text`` is not SPARQL 1.1, as
    pyoxigraph reads it (on an empty store, so nothing is evaluated): one message for
    every target, whatever its own parser would say."""
    try:
        ox.Store().query(text)
    except SyntaxError as exc:
        raise syntax_error(exc, where) from None
    except OSError:
        pass
