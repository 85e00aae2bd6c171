"""New candidate names: organisations, people with their posts, places and programmes that
the graph does not hold yet, each labelled in its base form with a kind guessed from the
words of its name.

Names are runs of capitalised words (joined by the short words Polish and English names
contain: "i", "w", "ds.", "of", "and"). A run is an organisation when it contains a kind
word (klaster, park, agencja, urząd, uniwersytet, izba, stowarzyszenie, fundacja, związek,
ministerstwo, department, agency, chamber, ...; a legal form such as "sp. z o.o." or "S.A."
makes a company); it starts at the adjectives before that word ("Mazowieckiego Klastra")
and a second singular kind word starts the next organisation ("Wydział Innowacyjności w
Departamencie ... Urzędu Marszałkowskiego" is three). A person is a first name (Morfeusz
marks them) or a title ("pan", "prezes", "Mr", "director") followed by one or two
capitalised words; a place is a name the gazetteers know; a programme carries "program",
"programme", "fundusz", "fund" or a known programme family name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from regiokg.ingest.mentions import Mention, Token
from regiokg.ingest.morphology import analyses, fold, lemmas, nominative, person_nominative
from regiokg.ingest.places import lookup_place

__all__ = ["find_new_names", "POSTS", "org_class", "Run"]

# kind words (lemmas, folded) -> regiokg class of the organisation they head
_ORG_HEADS = {
    "klaster": "ClusterInitiative",
    "klastr": "ClusterInitiative",
    "cluster": "ClusterInitiative",
    "park": "SciencePark",
    "agencja": "DevelopmentAgency",
    "agency": "DevelopmentAgency",
    "urzad": "PublicAuthority",
    "office": "PublicAuthority",
    "starostwo": "PublicAuthority",
    "ministerstwo": "Ministry",
    "ministry": "Ministry",
    "departament": "PublicAuthority",
    "department": "PublicAuthority",
    "wydzial": "PublicAuthority",
    "directorate": "PublicAuthority",
    "dyrekcja": "PublicAuthority",
    "uniwersytet": "University",
    "university": "University",
    "politechnika": "University",
    "akademia": "University",
    "academy": "University",
    "uczelnia": "University",
    "instytut": "ResearchOrganisation",
    "institute": "ResearchOrganisation",
    "centrum": "ResearchOrganisation",
    "centre": "ResearchOrganisation",
    "center": "ResearchOrganisation",
    "laboratorium": "ResearchOrganisation",
    "izba": "ChamberOfCommerce",
    "chamber": "ChamberOfCommerce",
    "stowarzyszenie": "Organisation",
    "association": "Organisation",
    "zwiazek": "Organisation",
    "union": "Organisation",
    "federacja": "Organisation",
    "fundacja": "Organisation",
    "foundation": "Organisation",
    "siec": "ClusterNetwork",
    "network": "ClusterNetwork",
    "platforma": "Platform",
    "platform": "Platform",
    "rada": "AdvisoryBody",
    "council": "AdvisoryBody",
    "inkubator": "Organisation",
    "incubator": "Organisation",
    "spolka": "Company",
    "company": "Company",
    "grupa": "Company",
    "group": "Company",
    "komisja": "EUInstitution",
    "commission": "EUInstitution",
    "gmina": "MunicipalGovernment",
    "municipality": "MunicipalGovernment",
    "samorzad": "PublicAuthority",
    "marszalkowski": "RegionalGovernment",
}
_COMPANY = re.compile(r"^(?:S\.A\.|SA|Sp\.|sp\.|Ltd\.?|GmbH|Inc\.?|S\.r\.l\.|SAS|plc|AG)$")
_PROGRAMME_HEADS = {
    "program",
    "programme",
    "fundusz",
    "fund",
    "horyzont",
    "horizon",
    "interreg",
    "erasmus",
    "rpo",
    "zporr",
}

#: post words (folded lemmas) -> role concept of the post
POSTS = {
    "prezes": "president",
    "president": "president",
    "wiceprezes": "board-member",
    "prezydent": "president",
    "ceo": "president",
    "chairman": "president",
    "chair": "president",
    "przewodniczacy": "president",
    "rektor": "president",
    "burmistrz": "president",
    "mayor": "president",
    "marszalek": "president",
    "wojewoda": "president",
    "starosta": "president",
    "wojt": "president",
    "minister": "president",
    "dyrektor": "director",
    "director": "director",
    "manager": "director",
    "menedzer": "director",
    "koordynator": "director",
    "coordinator": "director",
    "kierownik": "head-of-unit",
    "head": "head-of-unit",
    "naczelnik": "head-of-unit",
    "czlonek": "board-member",
    "member": "board-member",
    "wicemarszalek": "board-member",
    "wiceminister": "board-member",
    "wiceburmistrz": "board-member",
    "wiceprezydent": "board-member",
    "wicedyrektor": "director",
    "pelnomocnik": "plenipotentiary",
    "plenipotentiary": "plenipotentiary",
    "przedstawiciel": "representative",
    "representative": "representative",
    "ekspert": "expert",
    "expert": "expert",
    "doradca": "expert",
    "adviser": "expert",
}
_HONORIFICS = {
    "pan",
    "pani",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "prof.",
    "dr.",
    "inż",
    "mgr",
    "sir",
    "dame",
}
_CONNECTORS = {
    "i",
    "w",
    "we",
    "z",
    "ds.",
    "ds",
    "na",
    "dla",
    "of",
    "and",
    "for",
    "the",
    "de",
    "du",
    "des",
    "la",
    "le",
    "o.o.",
    "&",
    "-",
    "im.",
    "in",
}
_PLACE_PREPOSITIONS = {
    "w",
    "we",
    "z",
    "ze",
    "do",
    "na",
    "pod",
    "koło",
    "przy",
    "in",
    "to",
    "from",
    "at",
    "near",
    "of",
}
_QUOTES = {"„", "”", "“", '"', "«", "»"}


@dataclass
class Run:
    """A run of name words ``tokens[first:last]`` (exclusive) of one sentence."""

    first: int
    last: int


def _folded_lemmas(word: str, language: str) -> set[str]:
    return {fold(x) for x in lemmas(word, language) | lemmas(word, "en")}


def _is_nameish(token: Token) -> bool:
    return token.capitalised and token.text not in _QUOTES and token.text[:1].isalnum()


def _runs(tokens: list[Token], text: str) -> list[Run]:
    """Maximal runs of capitalised words (with inner connectors) that do not cross a
    sentence end or punctuation."""
    runs = []
    i = 0
    while i < len(tokens):
        if not _is_nameish(tokens[i]):
            i += 1
            continue
        j = i + 1
        while j < len(tokens):
            gap = text[tokens[j - 1].end : tokens[j].start]
            if "\n" in gap or "." in gap:
                break
            t = tokens[j]
            if _is_nameish(t) or _COMPANY.match(t.text):
                j += 1
            elif (
                (t.text.lower() in _CONNECTORS or t.text == "z")
                and j + 1 < len(tokens)
                and (
                    _is_nameish(tokens[j + 1])
                    or _COMPANY.match(tokens[j + 1].text)
                    or tokens[j + 1].text in {"o.o", "o.o."}
                )
            ):
                j += 2
            elif t.text in {"o.o", "o.o."}:
                j += 1
            else:
                break
        runs.append(Run(i, j))
        i = j
    return runs


def org_class(words: list[str], language: str) -> str | None:
    """The regiokg class an organisation name suggests, or None when it names none."""
    classes = []
    for w in words:
        if _COMPANY.match(w):
            classes.append("Company")
        for lemma in _folded_lemmas(w, language):
            if lemma in _ORG_HEADS:
                classes.append(_ORG_HEADS[lemma])
                break
    if not classes:
        return None
    head = classes[0]
    text = fold(" ".join(words))
    if head == "PublicAuthority" and ("miast" in text or "city" in text or "gmin" in text):
        return "MunicipalGovernment"
    if head == "PublicAuthority" and ("marszal" in text or "wojewodz" in text):
        return "RegionalGovernment"
    if head == "Organisation" and ("klast" in text or "cluster" in text):
        return "ClusterAssociation"
    if head == "ResearchOrganisation" and "Company" in classes:
        return "Company"
    return head


def _is_org_head(word: str, language: str) -> bool:
    if not word[:1].isupper():
        return False
    return bool(_folded_lemmas(word, language) & _ORG_HEADS.keys())


def _is_plural(word: str) -> bool:
    readings = [tag for _lemma, tag in analyses(word) if tag.startswith("subst")]
    return bool(readings) and all(":pl:" in tag for tag in readings)


def _is_adjective(word: str) -> bool:
    return any(tag.startswith(("adj", "adja")) for _lemma, tag in analyses(word.split("-")[-1]))


def _is_first_name(word: str) -> bool:
    return any("imię" in names for names in _name_tags(word))


def _name_tags(word: str):
    from regiokg.ingest.morphology import _morfeusz

    morf = _morfeusz()
    if morf is None:
        return []
    return [names for _s, _e, (_o, _l, _t, names, _q) in morf.analyse(word)]


def _is_geo(word: str) -> bool:
    return any("nazwa_geograficzna" in names for names in _name_tags(word))


def _post_at(tokens: list[Token], i: int, language: str) -> str | None:
    if i < 0 or i >= len(tokens):
        return None
    for lemma in _folded_lemmas(tokens[i].text, language):
        if lemma in POSTS:
            return POSTS[lemma]
    return None


def _base_label(words: list[str], language: str) -> str:
    if language != "pl":
        return " ".join(words)
    return " ".join(nominative(words))


def _span_text(tokens: list[Token], a: int, b: int, text: str) -> tuple[int, int, str]:
    start, end = tokens[a].start, tokens[b - 1].end
    return start, end, text[start:end]


def _split_orgs(tokens: list[Token], run: Run, language: str) -> list[Run]:
    """The organisations inside one run: each starts at the adjectives before a kind word;
    a later singular kind word opens the next one (a unit of a larger body)."""
    heads = [
        k
        for k in range(run.first, run.last)
        if _is_org_head(tokens[k].text, language) or _COMPANY.match(tokens[k].text)
    ]
    if not heads:
        return []
    starts = []
    for k in heads:
        if _COMPANY.match(tokens[k].text):
            continue
        if starts and (_is_plural(tokens[k].text) or not _starts_new(tokens, k, starts[-1])):
            continue
        start = k
        while (
            start > run.first
            and _is_adjective(tokens[start - 1].text)
            and (not starts or start - 1 > starts[-1])
        ):
            start -= 1
        starts.append(start)
    if not starts:
        # a name with a legal form but no kind word: the words before the legal form
        return [Run(run.first, run.last)]
    out = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else run.last
        while end > start + 1 and tokens[end - 1].text.lower() in _CONNECTORS:
            end -= 1
        out.append(Run(start, end))
    # words before the first kind word that are themselves a name ("Dom Miasta") are kept
    # only when they are not titles of posts or sentence openers
    return out


def _starts_new(tokens: list[Token], k: int, previous: int) -> bool:
    """A kind word after an organisation's own words opens a new organisation when it is
    not inside the previous one's genitive complement of the same kind."""
    return k - previous >= 2


def find_new_names(
    tokens: list[Token], text: str, language: str, taken: list[tuple[int, int]]
) -> list[Mention]:
    """Candidate organisations, people, places and programmes among ``tokens`` that overlap
    none of the ``taken`` spans (known entities found before)."""
    covered = bytearray(len(text) + 1)
    for a, b in taken:
        covered[a:b] = b"\1" * (b - a)

    def free(a: int, b: int) -> bool:
        return not any(covered[a:b])

    def take(a: int, b: int) -> None:
        covered[a:b] = b"\1" * (b - a)

    out: list[Mention] = []
    for run in _runs(tokens, text):
        words = [t.text for t in tokens[run.first : run.last]]
        # people: a first name or a title before one or two capitalised words
        person = _person_in(tokens, run, language)
        if person is not None:
            a, b, conf = person
            start, end, span = _span_text(tokens, a, b, text)
            if free(start, end):
                label = " ".join(
                    person_nominative([t.text for t in tokens[a:b]])
                    if language == "pl"
                    else [t.text for t in tokens[a:b]]
                )
                out.append(
                    Mention(
                        start,
                        end,
                        span,
                        "person",
                        label,
                        cls="Person",
                        confidence=conf,
                        how="name rule",
                    )
                )
                take(start, end)
            continue
        lowered = {x for w in words for x in _folded_lemmas(w, language)}
        if lowered & _PROGRAMME_HEADS and not any(_is_org_head(w, language) for w in words[:1]):
            start, end, span = _span_text(tokens, run.first, run.last, text)
            if free(start, end) and len(words) >= 2 or words[0].isupper():
                label = _base_label(words, language)
                out.append(
                    Mention(
                        start,
                        end,
                        span,
                        "programme",
                        label,
                        cls="Programme",
                        confidence=0.6,
                        how="programme word",
                    )
                )
                take(start, end)
            continue
        for org in _split_orgs(tokens, run, language):
            org_words = [t.text for t in tokens[org.first : org.last]]
            klass = org_class(org_words, language)
            if klass is None:
                continue
            start, end, span = _span_text(tokens, org.first, org.last, text)
            if not free(start, end) or len(org_words) < 2 and not _COMPANY.match(org_words[-1]):
                continue
            out.append(
                Mention(
                    start,
                    end,
                    span,
                    "org",
                    _base_label(org_words, language),
                    cls=klass,
                    confidence=0.7,
                    how="kind word",
                )
            )
            take(start, end)
    for run in _runs(tokens, text):
        for k in range(run.first, run.last):
            token = tokens[k]
            if not free(token.start, token.end) or not token.capitalised:
                continue
            place = _place_at(tokens, k, run, language)
            if place is None:
                continue
            b, match = place
            start, end, span = _span_text(tokens, k, b, text)
            if not free(start, end):
                continue
            label = match.name_pl if (language == "pl" and match.name_pl) else match.name_en
            if match.kind == "city" and language == "pl":
                label = " ".join(nominative([t.text for t in tokens[k:b]]))
            out.append(
                Mention(
                    start,
                    end,
                    span,
                    "place",
                    label,
                    cls={"city": "City", "region": "Region", "country": "Country"}[match.kind],
                    confidence=0.75,
                    how="gazetteer",
                    extra={"place": match},
                )
            )
            take(start, end)
    out.sort(key=lambda m: m.start)
    return out


def _person_in(tokens: list[Token], run: Run, language: str):
    """(first, last, confidence) of a person's name in ``run``, or None."""
    k = run.first
    # skip a title inside the run ("Prezes", "Pan", "Dr")
    while k < run.last and (
        _post_at(tokens, k, language) or tokens[k].text.lower().rstrip(".") in _HONORIFICS
    ):
        k += 1
    n = run.last - k
    if n < 2 or n > 3:
        return None
    words = [t.text for t in tokens[k : run.last]]
    if any(w.isupper() or not w[:1].isupper() or w.lower() in _CONNECTORS for w in words):
        return None
    if any(_is_org_head(w, language) for w in words):
        return None
    before = tokens[run.first - 1].text.lower().rstrip(".") if run.first > 0 else ""
    titled = k > run.first or before in _HONORIFICS or _post_at(tokens, run.first - 1, language)
    if _is_first_name(words[0]) and not _is_geo(words[1]):
        return k, run.last, 0.85 if titled else 0.75
    if titled:
        return k, run.last, 0.7
    after = run.last
    if (
        after + 1 < len(tokens)
        and tokens[after].text in {",", "–", "-"}
        and _post_at(tokens, after + 1, language)
    ):
        return k, run.last, 0.7
    return None


def _place_at(tokens: list[Token], k: int, run: Run, language: str):
    """(end token, gazetteer match) of a place name starting at token ``k``, or None; the
    longest name of up to three words the gazetteers know."""
    for width in (3, 2, 1):
        b = k + width
        if b > run.last:
            continue
        words = [t.text for t in tokens[k:b]]
        if any(w.lower() in _CONNECTORS for w in words):
            continue
        joined = " ".join(words)
        names = {joined, joined.replace(" ", "-")}
        if width == 1:
            word = words[0]
            if word.isupper():
                continue  # an acronym, not a town
            if language == "pl" and analyses(word) and not _is_geo(word):
                continue  # a common Polish word that happens to name a town abroad
            common = any(lemma[:1].islower() for lemma, _tag in analyses(word))
            before = tokens[k - 1].text.lower() if k > 0 else ""
            if common and before not in _PLACE_PREPOSITIONS:
                continue  # "Marki" (brands) at a line start is not the town of Marki
            names |= {lemma for lemma, _tag in analyses(word) if lemma[:1].isupper()}
        else:
            names |= {" ".join(nominative(words)), "-".join(nominative(words))}
        match = lookup_place(names)
        if match is not None:
            return b, match
    return None
