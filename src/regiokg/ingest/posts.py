"""Posts people hold: "Prezes PPPT S.A., Michał Luczewski", "Małgorzata Rudnicka, Kierownik
Wydziału Innowacyjności", "Jan Nowak, director of the Silesian Cluster", "pan Łukasz Urbanek z
Wydziału Koordynacji" — a post word next to a person's name, and the organisation named
right after the post word (or after "z"/"from" for a representative without a title).
"""

from __future__ import annotations

from dataclasses import dataclass

from regiokg.ingest.mentions import Mention, Token
from regiokg.ingest.morphology import fold, lemmas, nominative
from regiokg.ingest.names import POSTS

__all__ = ["PostCandidate", "find_posts"]

_GAP = 12  # words between a post word and its organisation, or its person


@dataclass
class PostCandidate:
    """``person`` holds a post with ``role`` (role concept local name) in ``org``; ``title``
    is the post as the text writes it, in its base form; ``span`` the words it was read
    from."""

    person: Mention
    org: Mention
    role: str
    title: str
    span: tuple[int, int]
    confidence: float = 0.6


def _post_role(token: Token, language: str) -> str | None:
    for lemma in {fold(x) for x in lemmas(token.text, language) | lemmas(token.text, "en")}:
        if lemma in POSTS:
            return POSTS[lemma]
    return None


def find_posts(
    text: str, tokens: list[Token], mentions: list[Mention], language: str
) -> list[PostCandidate]:
    """The posts of people named in the text (see the module docstring)."""
    people = [m for m in mentions if m.kind == "person"]
    orgs = [m for m in mentions if m.kind == "org"]
    index_of = {t.start: n for n, t in enumerate(tokens)}
    out: list[PostCandidate] = []
    for person in people:
        p_first = index_of.get(person.start)
        if p_first is None:
            continue
        p_last = p_first
        while p_last + 1 < len(tokens) and tokens[p_last + 1].end <= person.end:
            p_last += 1
        post = _title_before(tokens, p_first, language) or _title_after(tokens, p_last, language)
        if post is None:
            after = p_last + 1
            if after < len(tokens) and tokens[after].text.lower() in {"z", "ze", "from"}:
                org = _org_starting(orgs, tokens, after + 1)
                if org is not None:
                    out.append(
                        PostCandidate(
                            person,
                            org,
                            "representative",
                            "Przedstawiciel" if language == "pl" else "Representative",
                            (person.start, org.end),
                            0.5,
                        )
                    )
            continue
        k, role = post
        org = _org_after(orgs, tokens, k, person)
        if org is None:
            continue
        title_words = [t.text for t in tokens[k : _index_at(tokens, org.start)]]
        while title_words and title_words[-1].lower() in {",", "w", "in", "of", "at", "the", "–"}:
            title_words.pop()
        if not title_words:
            title_words = [tokens[k].text]
        title = (
            " ".join(nominative(title_words[:1]) + title_words[1:])
            if language == "pl"
            else (" ".join(title_words))
        )
        title = title[:1].upper() + title[1:]
        span = (min(person.start, tokens[k].start), max(person.end, org.end))
        out.append(PostCandidate(person, org, role, title, span, 0.65))
    return out


def _index_at(tokens: list[Token], position: int) -> int:
    for n, t in enumerate(tokens):
        if t.start >= position:
            return n
    return len(tokens)


def _title_before(tokens, p_first, language):
    """A post word at most a few words before the name ("Prezes PPPT S.A., Michał …")."""
    for k in range(p_first - 1, max(-1, p_first - _GAP), -1):
        if tokens[k].text in {".", "!", "?"}:
            return None
        role = _post_role(tokens[k], language)
        if role:
            return k, role
    return None


def _title_after(tokens, p_last, language):
    """A post word right after the name and a comma or dash ("Jan Nowak, dyrektor …")."""
    k = p_last + 1
    if k < len(tokens) and tokens[k].text in {",", "–", "-", "("}:
        k += 1
    if k < len(tokens) and tokens[k].text.lower() in {"the", "a"}:
        k += 1
    if k < len(tokens):
        role = _post_role(tokens[k], language)
        if role:
            return k, role
    return None


def _org_after(orgs, tokens, k, person):
    """The first organisation named after the post word at ``k``, within a few words."""
    limit = tokens[min(len(tokens) - 1, k + _GAP)].end
    for org in orgs:
        if tokens[k].end <= org.start <= limit and not (person.start <= org.start < person.end):
            return org
    return None


def _org_starting(orgs, tokens, k):
    if k >= len(tokens):
        return None
    for org in orgs:
        if org.start == tokens[k].start:
            return org
    return None
