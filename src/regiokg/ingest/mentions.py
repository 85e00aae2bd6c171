"""Mentions of entities the graph already holds, found through all their labels.

Every label, name and alternative label of an organisation, person, place, programme, fund
or project in the built store (``queries/ingest_gazetteer.rq``) becomes a sequence of
lemma sets; a run of words in the text names the entity when each word shares a lemma with
the label's word at its place ("Śląskiego Klastra Lotniczego" and "Śląski Klaster Lotniczy"
share "śląski", "klaster", "lotniczy"). Words the dictionary does not know (foreign names,
text typed without Polish letters) match by their folded stem instead. Acronyms (labels in
capitals, and the initials of multi-word names when no two entities share them) match in
capitals only, with or without a Polish ending ("GAPP-u"). The longest match wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from regiokg.ingest.morphology import analyses, fold, is_known, lemmas

__all__ = ["Token", "Mention", "KnownEntity", "Gazetteer", "tokenize", "KINDS"]

#: coarse kinds of mentions, used in review and evaluation
KINDS = ("org", "person", "place", "programme", "project")

_TOKEN = re.compile(r"\w+(?:[-’'.&]\w+)*\.?|[„”“\"«»()–—,:;]", re.UNICODE)
_ACRONYM = re.compile(r"^[A-ZĄĆĘŁŃÓŚŹŻ0-9][A-ZĄĆĘŁŃÓŚŹŻ0-9&-]{1,9}$")
_ENDING = re.compile(
    r"^(?P<stem>[A-ZĄĆĘŁŃÓŚŹŻ0-9&-]{2,10}?)(?:-?(?:u|em|owi|ie|y|ów|ach|ami|om|a))?$"
)
_LEGAL = re.compile(r"\s*(?:,?\s*(?:S\.A\.|SA|sp\. z o\.o\.|Sp\. z o\.o\.|Ltd\.?|GmbH|Inc\.?))$")
_ABBREVIATIONS = {
    "ds",
    "ul",
    "r",
    "br",
    "pt",
    "np",
    "sp",
    "dr",
    "prof",
    "inż",
    "mgr",
    "st",
    "mr",
    "mrs",
    "ms",
    "al",
    "tzn",
    "tj",
    "ok",
    "im",
    "godz",
    "nr",
    "ang",
    "ltd",
    "inc",
    "co",
    "corp",
    "jr",
    "św",
    "pl",
    "wg",
    "tys",
    "mln",
    "mld",
    "zł",
    "pkt",
}
_STOP = {"w", "i", "z", "na", "do", "od", "ds.", "dla", "of", "and", "the", "for", "in", "de", "du"}


@dataclass(frozen=True)
class Token:
    """A word (or punctuation mark) of the text at ``start:end``."""

    text: str
    start: int
    end: int

    @property
    def capitalised(self) -> bool:
        """Whether the word starts with a capital letter (or a digit, as in names)."""
        return self.text[:1].isupper() or self.text[:1].isdigit()


def tokenize(text: str) -> list[Token]:
    """The words and punctuation of ``text`` with their offsets; a word keeps inner
    hyphens, apostrophes and dots ("Przemysłowo-Technologicznego", "S.A.")."""
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        end = m.end()
        # a sentence-final dot is not part of the word, abbreviations keep theirs
        if word.endswith(".") and word.count(".") == 1 and word[:-1].lower() not in _ABBREVIATIONS:
            word, end = word[:-1], end - 1
        out.append(Token(word, m.start(), end))
    return out


@dataclass
class Mention:
    """A name in the text at ``start:end``: its ``kind`` (one of :data:`KINDS`), the
    existing ``iri`` it links to (or None for a new candidate), ``label`` (the base form),
    ``cls`` (the regiokg class local name guessed or known), ``confidence`` in [0, 1] and
    ``how`` it was found."""

    start: int
    end: int
    text: str
    kind: str
    label: str
    iri: str | None = None
    cls: str | None = None
    confidence: float = 0.5
    how: str = ""
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class KnownEntity:
    """An entity of the graph: IRI, coarse kind, class local names and labels."""

    iri: str
    kind: str
    classes: tuple[str, ...]
    labels: tuple[str, ...]
    labels_by_language: tuple[tuple[str, str, bool], ...] = ()

    def label(self, language: str) -> str:
        """The entity's name in ``language`` (another one if it has none)."""
        ranked = sorted(self.labels_by_language, key=lambda x: (x[0] != language, not x[2]))
        names = [lb for _lang, lb, _preferred in ranked] + list(self.labels)
        full = [n for n in names if not _ACRONYM.match(n)]
        return (full or names)[0]


def _label_variants(label: str) -> set[str]:
    """A label and its shorter forms a text also uses: without a legal-form suffix
    ("S.A."), without a trailing place ("… w Katowicach"), without a bracketed part."""
    out = {label.strip()}
    for form in list(out):
        out.add(_LEGAL.sub("", form).strip())
        out.add(re.sub(r"\s*\([^)]*\)\s*", " ", form).strip())
        m = re.match(r"^(.{6,}?)\s+(?:w|we|in)\s+[A-ZĄĆĘŁŃÓŚŹŻ][\w-]+$", form)
        if m:
            out.add(m.group(1))
    return {o for o in out if o}


class Gazetteer:
    """The known entities indexed for matching; build it with :meth:`from_rows` from the
    rows of ``queries/ingest_gazetteer.rq``."""

    def __init__(self, entities: Iterable[KnownEntity]):
        self.entities = {e.iri: e for e in entities}
        self.language = "pl"
        #: ("country", ISO code) or ("region", NUTS code) -> IRI of that place in the graph
        self.place_codes: dict[tuple[str, str], str] = {}
        #: the base IRI of the store the entities were read from
        self.base: str | None = None
        self._by_first: dict[str, list[tuple[tuple[frozenset, ...], KnownEntity, str]]] = {}
        self._acronyms: dict[str, set[str]] = {}
        initials: dict[str, set[str]] = {}
        for entity in self.entities.values():
            for label in entity.labels:
                for variant in _label_variants(label):
                    if _ACRONYM.match(variant) and not variant.isdigit():
                        self._acronyms.setdefault(variant.replace("-", ""), set()).add(entity.iri)
                        continue
                    words = [t.text for t in tokenize(variant)]
                    if not words:
                        continue
                    lang = "en" if all(not is_known(w) for w in words) else "pl"
                    seq = tuple(lemmas(w, lang) | lemmas(w, "en") for w in words)
                    for key in seq[0] | {"~" + fold(words[0])[:3]}:
                        self._by_first.setdefault(key, []).append((seq, entity, variant))
                    initials.setdefault(_initials(words), set()).add(entity.iri)
        for acronym, iris in initials.items():
            if len(acronym) >= 3 and len(iris) == 1 and acronym not in self._acronyms:
                self._acronyms[acronym] = set(iris)

    @classmethod
    def from_rows(cls, rows: Iterable[tuple]) -> Gazetteer:
        """Build from (entity IRI, label, class local name, coarse kind[, language[,
        preferred]]) rows."""
        merged: dict[str, dict] = {}
        for iri, label, klass, kind, *more in rows:
            lang, preferred = (list(more) + ["", False])[:2]
            slot = merged.setdefault(
                iri, {"kind": kind, "classes": set(), "labels": set(), "by_lang": set()}
            )
            slot["classes"].add(klass)
            slot["labels"].add(label)
            slot["by_lang"].add((lang, label, bool(preferred)))
        return cls(
            KnownEntity(
                iri,
                v["kind"],
                tuple(sorted(v["classes"])),
                tuple(sorted(v["labels"])),
                tuple(sorted(v["by_lang"])),
            )
            for iri, v in merged.items()
        )

    def find(self, tokens: list[Token], text: str, language: str = "pl") -> list[Mention]:
        """Every mention of a known entity among ``tokens``, none overlapping."""
        self.language = language
        found: list[Mention] = []
        i = 0
        while i < len(tokens):
            match = self._match_at(tokens, i, text, language)
            if match is None:
                i += 1
                continue
            found.append(match[0])
            i = match[1]
        return found

    def by_prefix(self, words: list[str], kind: str, language: str = "pl") -> KnownEntity | None:
        """The one entity of ``kind`` whose label begins with ``words`` (two or more,
        matched by lemma): a short form such as "Płockiego Parku" for "Płocki Park
        Przemysłowo-Technologiczny S.A."; None when no entity or several do."""
        if len(words) < 2:
            return None
        found = set()
        keys = lemmas(words[0], language) | lemmas(words[0], "en")
        for key in keys:
            for seq, entity, _variant in self._by_first.get(key, ()):
                if entity.kind != kind or len(seq) <= len(words):
                    continue
                if all(_same_word(seq[k], words[k], language) for k in range(len(words))):
                    found.add(entity.iri)
        return self.entities[found.pop()] if len(found) == 1 else None

    def _match_at(self, tokens: list[Token], i: int, text: str, language: str):
        token = tokens[i]
        acronym = _ENDING.match(token.text)
        if acronym:
            stem = acronym.group("stem").replace("-", "")
            iris = self._acronyms.get(stem) or self._acronyms.get(token.text.replace("-", ""))
            if iris and len(iris) == 1:
                (iri,) = iris
                return self._mention(tokens, i, i + 1, text, iri, 0.8, "acronym"), i + 1
        if not token.capitalised:
            return None
        keys = lemmas(token.text, language) | lemmas(token.text, "en")
        if not is_known(token.text) and len(token.text) >= 7:
            keys = keys | {"~" + fold(token.text)[:3]}  # variant spellings, see _same_word
        best = None
        for key in keys:
            for seq, entity, _variant in self._by_first.get(key, ()):
                if key.startswith("~") and len(seq) == 1:
                    continue  # one word alone is matched by its lemmas only
                end = _match_end(seq, tokens, i, language)
                if end is None or (best is not None and end <= best[1]):
                    continue
                if len(seq) > 1 or _single_word_ok(tokens, i, language):
                    best = (entity, end)
        if best is None:
            return None
        entity, end = best
        confidence = 0.95 if end - i > 1 else 0.85
        return self._mention(tokens, i, end, text, entity.iri, confidence, "label"), end

    def _mention(self, tokens, i, end, text, iri, confidence, how) -> Mention:
        entity = self.entities[iri]
        start, stop = tokens[i].start, tokens[end - 1].end
        label = entity.label(self.language)
        return Mention(
            start,
            stop,
            text[start:stop],
            entity.kind,
            label,
            iri,
            entity.classes[0] if entity.classes else None,
            confidence,
            how,
        )


def _initials(words: list[str]) -> str:
    parts = [p for w in words if w.lower() not in _STOP for p in w.split("-") if p]
    return "".join(p[0] for p in parts).upper()


def _match_end(seq, tokens: list[Token], i: int, language: str) -> int | None:
    """The token index after a match of the label ``seq`` starting at token ``i``, or
    None; a dash between two words of the text is passed over ("Klastra Medycznego –
    MedSilesia")."""
    k = i
    for n, label_word in enumerate(seq):
        if n and k < len(tokens) and tokens[k].text in {"–", "-", "—"}:
            k += 1
        if k >= len(tokens) or not _same_word(label_word, tokens[k].text, language):
            return None
        k += 1
    return k


def _single_word_ok(tokens: list[Token], i: int, language: str) -> bool:
    """A one-word label names the entity where the word is capitalised as a name and is not
    an adjective opening a longer name ("Śląskiego Klastra …" is not the region)."""
    token = tokens[i]
    if not token.capitalised:
        return False
    readings = analyses(token.text)
    if language == "pl" and readings and all(tag.startswith("adj") for _l, tag in readings):
        return False  # "Politechniki Śląskiej": an adjective is not the region
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if following is not None and following.capitalised and following.text[:1].isalpha():
        gap = following.start - token.end
        adjective = any(tag.startswith("adj") for _lemma, tag in analyses(token.text))
        if adjective and gap <= 1 and language == "pl":
            return False
    return True


def _same_word(label_lemmas: frozenset, word: str, language: str) -> bool:
    if word in {"„", "”", "“", '"', "(", ")", ",", "–", "—"}:
        return False
    if label_lemmas & (lemmas(word, language) | lemmas(word, "en")):
        return True
    folded = fold(word)
    if len(folded) < 4:
        return False
    # words the dictionary does not know (unaccented text, foreign names): a shared stem
    if is_known(word) and language == "pl" and any(fold(w) == folded for w in label_lemmas):
        return True
    for lemma in label_lemmas:
        if len(folded) >= 7 and not is_known(word) and _one_edit(lemma, folded):
            return True  # a variant spelling of a foreign name ("Masovian", "Mazovian")
        shared = len(_common_prefix(lemma, folded))
        if shared >= 5 and shared >= max(len(lemma), len(folded)) - 3 and not is_known(word):
            return True
    return False


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by at most one substituted letter."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) <= 1


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]
