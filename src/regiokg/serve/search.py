"""Search by label that forgives Polish spelling and grammar: "Katowicach" finds
Katowice, "slaski klaster" finds Śląski Klaster Lotniczy, "Płockiego Parku" finds the Płock
park.

Every word of a label and of a query is reduced to a set of keys: the word with its
diacritics folded (``ś`` → ``s``, ``ł`` → ``l``), and the folded lemma simplemma gives for it
in Polish (``klastra`` → ``klaster``). A query word matches a label word when they share a
key, or when one key is a prefix of the other with at most three letters left over and at
least four in common (an inflected ending: ``płock`` ~ ``płockiego``). A label matches when
every query word of three or more letters matches one of its words; entities are ranked by
their best label (whole-word matches first, then shorter labels).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import simplemma

__all__ = ["Hit", "LabelIndex", "fold", "word_keys"]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Letters that Unicode does not decompose into a base letter and a mark.
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "đ": "d", "ß": "ss"})
_MIN_STEM = 4
_MAX_ENDING = 3


def fold(text: str) -> str:
    """``text`` in lower case without diacritics (``Śląski`` → ``slaski``)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=65536)
def word_keys(word: str) -> frozenset[str]:
    """The keys a word is matched by: its folded form and its folded Polish lemma."""
    lower = word.lower()
    return frozenset({fold(lower), fold(simplemma.lemmatize(lower, lang="pl"))})


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _word_match(query: frozenset[str], label: frozenset[str]) -> int:
    """2 for a shared key, 1 for a shared stem (an inflected ending), 0 for no match."""
    if query & label:
        return 2
    for q in query:
        for w in label:
            short, long = sorted((q, w), key=len)
            ending = len(long) - len(short)
            if len(short) >= _MIN_STEM and ending <= _MAX_ENDING and long.startswith(short):
                return 1
    return 0


@dataclass
class Hit:
    """One entity found: its ``iri``, the ``label`` that matched, its ``types`` and the
    ``score`` it was ranked by (higher is better)."""

    iri: str
    label: str
    types: list[str] = field(default_factory=list)
    score: tuple = ()


class LabelIndex:
    """The labels of a graph, indexed for :meth:`search`."""

    def __init__(self, labels: Iterable[tuple[str, str]], types: dict[str, list[str]]):
        self._labels = [
            (iri, label, [word_keys(word) for word in _words(label)]) for iri, label in labels
        ]
        self._types = types

    def __len__(self) -> int:
        return len(self._labels)

    def search(self, text: str, limit: int = 50) -> list[Hit]:
        """The entities whose labels match every word of ``text`` (words shorter than three
        letters, such as "w" or "na", are ignored unless the query has no other words),
        best first, at most ``limit``."""
        words = _words(text)
        significant = [w for w in words if len(w) >= 3] or words
        query = [word_keys(w) for w in significant]
        if not query:
            return []
        best: dict[str, Hit] = {}
        for iri, label, keys in self._labels:
            grades = []
            for q in query:
                grade = max((_word_match(q, k) for k in keys), default=0)
                if grade == 0:
                    break
                grades.append(grade)
            else:
                score = (sum(grades), -len(keys), -len(label))
                if iri not in best or score > best[iri].score:
                    best[iri] = Hit(iri, label, self._types.get(iri, []), score)
        ranked = sorted(best.values(), key=lambda hit: (hit.score, hit.iri), reverse=True)
        return ranked[:limit]
