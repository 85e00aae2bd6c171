"""Polish word forms: lemmas of inflected words and the nominative of inflected names.

Morfeusz 2 (its wheel ships the SGJP dictionary, so nothing is downloaded) analyses each
word into lemmas with tags ``pos:number:case:gender...``; simplemma is the fallback for
words Morfeusz does not know and for English. :func:`nominative` turns an inflected name
("Górnośląskiej Agencji Przekształceń Przedsiębiorstw") into its base form ("Górnośląska
Agencja Przekształceń Przedsiębiorstw") by the agreement rule of Polish noun phrases: the
adjectives before the head noun, the head noun and the adjectives after it share case,
number and gender, and are put in the nominative; the words after them (genitive
complements, names in apposition) keep their form.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "lemmas", "nominative", "person_nominative", "is_known", "analyses"]

_CASES = ("nom", "gen", "dat", "acc", "inst", "loc")


@lru_cache(maxsize=1)
def _morfeusz():
    try:
        import morfeusz2
    except ImportError:  # pragma: no cover - morfeusz2 is a dependency; keep a fallback
        return None
    return morfeusz2.Morfeusz(generate=True, expand_tags=True)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case without diacritics ("Śląskiego" -> "slaskiego"), for unaccented text."""
    text = text.replace("ł", "l").replace("Ł", "L")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


@lru_cache(maxsize=200_000)
def analyses(word: str) -> tuple[tuple[str, str], ...]:
    """Morfeusz's readings of one word as (lemma, tag) pairs; lemma suffixes that only tell
    homonyms apart (``śląski:A``) are removed; unknown words give ``()``."""
    morf = _morfeusz()
    if morf is None or not word:
        return ()
    out = []
    for _start, _end, (_orth, lemma, tag, _names, _quals) in morf.analyse(word):
        if tag == "ign" or tag == "interp":
            continue
        out.append((lemma.split(":", 1)[0], tag))
    return tuple(dict.fromkeys(out))


def is_known(word: str) -> bool:
    """Whether the dictionary knows ``word``."""
    return bool(analyses(word))


@lru_cache(maxsize=200_000)
def lemmas(word: str, language: str = "pl") -> frozenset[str]:
    """Lower-case lemmas of ``word`` (several where the form is ambiguous), with the folded
    word itself, so that "Katowicach" gives {"katowice", ...} and an unknown word still
    matches itself."""
    found = {fold(word)}
    if language == "pl":
        head = word.rsplit("-", 1)
        found |= {fold(lemma) for lemma, _tag in analyses(head[-1])}
        if len(head) == 2:
            found |= {fold(head[0] + "-" + lemma) for lemma, _tag in analyses(head[1])}
    if len(found) == 1:
        try:
            import simplemma

            found.add(fold(simplemma.lemmatize(word, lang=language)))
        except (ImportError, ValueError):
            pass
    if language == "en" and word.lower().endswith("'s"):
        found.add(fold(word[:-2]))
    return frozenset(found)


def _readings(word: str, pos: set[str]) -> list[tuple[str, str, set[str], set[str], str]]:
    """(lemma, number, cases, genders, pos) readings of ``word`` among parts of speech
    ``pos``; a tag field such as ``gen.acc`` is split into its alternatives."""
    out = []
    for lemma, tag in analyses(word):
        parts = tag.split(":")
        if parts[0] not in pos or len(parts) < 4:
            continue
        out.append((lemma, parts[1], set(parts[2].split(".")), set(parts[3].split(".")), parts[0]))
    return out


@lru_cache(maxsize=50_000)
def _generate(lemma: str, pos: str, number: str, gender: str, like: str = "") -> str | None:
    """The nominative of ``lemma`` in ``number`` (and ``gender`` for adjectives); of
    variant forms ("klastry", "klastery") the one closest to the word ``like`` read."""
    morf = _morfeusz()
    if morf is None:
        return None
    forms = []
    for orth, _lemma, tag, _names, _quals in morf.generate(lemma):
        parts = tag.split(":")
        if (
            len(parts) >= 4
            and parts[0] == pos
            and parts[1] == number
            and "nom" in parts[2].split(".")
            and (gender in parts[3].split(".") or pos == "subst")
            and (pos != "adj" or parts[-1] == "pos")
        ):
            forms.append(orth)
    if not forms:
        return None
    like = like.lower()
    return max(forms, key=lambda f: (_shared(f.lower(), like), -forms.index(f)))


def _shared(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _like(original: str, form: str) -> str:
    """``form`` spelt with the capitals of ``original`` (title case or all capitals)."""
    if original.isupper() and len(original) > 1:
        return form.upper()
    if original[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def _to_nominative(word: str, pos: str, number: str, case: str, gender: str) -> str | None:
    """``word`` in the nominative, or None when it has no reading of that case."""
    prefix, _, tail = word.rpartition("-") if "-" in word else ("", "", word)
    for lemma, num, cases, genders, _pos in _readings(tail, {pos}):
        if num == number and case in cases and (gender in genders or pos == "subst"):
            if case == "nom":
                return word
            form = _generate(lemma, pos, number, gender, tail)
            if form:
                return (prefix + "-" if prefix else "") + _like(tail, form)
    return None


def nominative(words: list[str]) -> list[str]:
    """The base form of an inflected Polish name given as words (see :func:`_nominative`)."""
    return list(_nominative(tuple(words)))


@lru_cache(maxsize=50_000)
def _nominative(words: tuple[str, ...]) -> tuple[str, ...]:
    """The base form of an inflected Polish name given as words: leading adjectives, the
    head noun and the adjectives agreeing with it after it are put in the nominative; the
    other words stay. Of the readings, the one whose agreeing phrase is longest wins (the
    nominative on a tie, so a name already in the base form is kept)."""
    best: list[str] = list(words)
    best_score = (0, False, False)
    for case in _CASES:
        for head_index, head in enumerate(words):
            if head_index and not _readings(words[head_index - 1], {"adj"}):
                break  # only adjectives may stand before the head noun
            for _lemma, number, cases, genders, _p in _readings(head, {"subst"}):
                if case not in cases:
                    continue
                converted = _agreeing(words, head_index, case, number, sorted(genders)[0])
                if converted is None:
                    continue
                # the longest agreeing phrase; on a tie a singular name, then the nominative
                score = (len(converted), number == "sg", case == "nom")
                if score > best_score:
                    best, best_score = converted + list(words[len(converted) :]), score
    return tuple(best)


def _agreeing(words: list[str], head_index: int, case: str, number: str, gender: str):
    """The nominative of the phrase headed by ``words[head_index]`` in ``case``: the
    adjectives before it, the head, and the agreeing adjectives after it; None if a word
    before the head does not agree."""
    out = []
    for w in words[:head_index]:
        form = _to_nominative(w, "adj", number, case, gender)
        if form is None:
            return None
        out.append(form)
    form = _to_nominative(words[head_index], "subst", number, case, gender)
    if form is None:
        return None
    out.append(form)
    for w in words[head_index + 1 :]:
        form = _to_nominative(w, "adj", number, case, gender)
        if form is None:
            break
        out.append(form)
    return out


def person_nominative(words: list[str]) -> list[str]:
    """A person's name ("Jarosława Bulandy") in the nominative ("Jarosław Bulanda"): every
    word is a noun of the same case and gender; unknown surnames keep their form."""
    for gender in ("m1", "f"):
        for case in _CASES:
            out = []
            for w in words:
                form = _to_nominative(w, "subst", "sg", case, gender)
                if form is None and not re.fullmatch(r"[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+", w):
                    break
                if form is None:
                    form = w if analyses(w) == () else None
                if form is None:
                    break
                out.append(form)
            else:
                if any(_readings(w, {"subst"}) for w in words):
                    return out
    return list(words)
