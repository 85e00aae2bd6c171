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

Long because the rules for the kinds of names share one pass over the runs of capitalised
words and one record of the spans already taken (a person found first is no organisation
later); split by kind, each part would walk the text again and re-check the others' spans.
The word lists they read are in :mod:`regiokg.ingest.lexicon`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from regiokg.ingest.lexicon import COMPANY_FORM as _COMPANY
from regiokg.ingest.lexicon import CONNECTORS as _CONNECTORS
from regiokg.ingest.lexicon import DEMONYM as _DEMONYM
from regiokg.ingest.lexicon import EN_CAPITALISED_WORDS as _EN_CAPITALISED_WORDS
from regiokg.ingest.lexicon import HONORIFICS as _HONORIFICS
from regiokg.ingest.lexicon import ORG_KINDS as _ORG_HEADS
from regiokg.ingest.lexicon import PLACE_PREPOSITIONS as _PLACE_PREPOSITIONS
from regiokg.ingest.lexicon import POSTS
from regiokg.ingest.lexicon import PROGRAMME_WORDS as _PROGRAMME_HEADS
from regiokg.ingest.lexicon import QUOTES as _QUOTES
from regiokg.ingest.mentions import Mention, Token
from regiokg.ingest.morphology import analyses, fold, lemmas, nominative, person_nominative
from regiokg.ingest.places import lookup_place

__all__ = ["find_new_names", "POSTS", "ORG_HEADS", "org_class", "Run"]


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
    if head == "Organisation" and re.search(r"naukow|badaw|research|science|technolog", text):
        return "ResearchOrganisation"
    if head == "ResearchOrganisation" and "Company" in classes:
        return "Company"
    return head


#: the kind words of organisation names (folded lemmas)
ORG_HEADS = frozenset(_ORG_HEADS)


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


def _is_surname(word: str) -> bool:
    return any("nazwisko" in names for names in _name_tags(word))


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
    a later singular kind word opens the next one (a unit of a larger body). English names
    put the kind word last or first ("Paul Sabatier University", "University of Silesia"):
    the whole run is the name."""
    if language == "en":
        has_head = any(
            _is_org_head(t.text, language) or _COMPANY.match(t.text)
            for t in tokens[run.first : run.last]
        )
        return [run] if has_head else []
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


class _Found:
    """The new mentions of a document and the spans already taken."""

    def __init__(self, text: str, taken: list[tuple[int, int]]):
        self.text = text
        self.covered = bytearray(len(text) + 1)
        for a, b in taken:
            self.take(a, b)
        self.out: list[Mention] = []

    def free(self, a: int, b: int) -> bool:
        """Whether no earlier mention covers ``a:b``."""
        return not any(self.covered[a:b])

    def take(self, a: int, b: int) -> None:
        """Mark ``a:b`` as covered."""
        self.covered[a:b] = b"\1" * (b - a)

    def add(self, tokens, a, b, kind, label, cls, confidence, how, extra=None) -> bool:
        """Add a mention of tokens ``a:b`` unless covered; whether it was added."""
        start, end, span = _span_text(tokens, a, b, self.text)
        if not self.free(start, end):
            return False
        self.out.append(
            Mention(
                start,
                end,
                span,
                kind,
                label,
                cls=cls,
                confidence=confidence,
                how=how,
                extra=extra or {},
            )
        )
        self.take(start, end)
        return True


def find_new_names(
    tokens: list[Token],
    text: str,
    language: str,
    taken: list[tuple[int, int]],
    places: list[tuple[int, int]] = (),
) -> list[Mention]:
    """Candidate organisations, people, places, programmes and projects among ``tokens``
    that overlap none of the ``taken`` spans (known entities found before). Known
    ``places`` may lie inside a new name ("Programu Operacyjnego dla Województwa
    Dolnośląskiego"); the longer name wins over them later."""
    found = _Found(text, taken)
    _quoted_projects(tokens, text, language, found)
    for run in _runs(tokens, text):
        for part in _split_at_person(tokens, run, language):
            _classify_run(tokens, part, language, found)
    _named_after_kind_word(tokens, text, language, found)
    for run in _runs(tokens, text):
        for k in range(run.first, run.last):
            token = tokens[k]
            if not found.free(token.start, token.end) or not token.capitalised:
                continue
            place = _place_at(tokens, k, run, language)
            if place is None:
                continue
            b, match = place
            label = match.name_pl if (language == "pl" and match.name_pl) else match.name_en
            if match.kind == "city" and language == "pl":
                label = _place_lemma([t.text for t in tokens[k:b]], match.name_en) or label
            cls = {"city": "City", "region": "Region", "country": "Country"}[match.kind]
            found.add(tokens, k, b, "place", label, cls, 0.75, "gazetteer", {"place": match})
    # new names may contain known places; everything else must stay clear of known names
    found.out = [m for m in found.out if m.kind == "place" or _may_hold(m, places, text)]
    found.out.sort(key=lambda m: m.start)
    return found.out


def _may_hold(m: Mention, places, text: str) -> bool:
    """A new name may hold a known place only as a complement after its own words
    ("… dla Województwa Dolnośląskiego", "Urząd Marszałkowski Województwa Śląskiego"),
    never at its start nor in a list of places in capitals."""
    for a, b in places:
        if a >= m.start and b <= m.end:
            before = text[m.start : a].split()
            if not before or text[m.start : m.end].isupper():
                return False
    return True


def _split_at_person(tokens: list[Token], run: Run, language: str) -> list[Run]:
    """A run "Andrzej Kowal z Uniwersytetu Wrocławskiego" is a person and an organisation:
    split it at "z"/"ze"/"from"/"of" when the words before are a person's name."""
    for k in range(run.first + 2, run.last - 1):
        if tokens[k].text.lower() in {"z", "ze", "from", "of", "at"}:
            head = Run(run.first, k)
            if _person_in(tokens, head, language) is not None:
                return [head, Run(k + 1, run.last)]
            break
    return [run]


def _classify_run(tokens: list[Token], run: Run, language: str, found: _Found) -> None:
    words = [t.text for t in tokens[run.first : run.last]]
    person = _person_in(tokens, run, language)
    if person is not None:
        a, b, conf = person
        names = [t.text for t in tokens[a:b]]
        label = " ".join(person_nominative(names) if language == "pl" else names)
        found.add(tokens, a, b, "person", label, "Person", conf, "name rule")
        return
    lowered = {x for w in words for x in _folded_lemmas(w, language)}
    if lowered & _PROGRAMME_HEADS and not any(_is_org_head(w, language) for w in words[:1]):
        if len(words) >= 2 or words[0].isupper():
            found.add(
                tokens,
                run.first,
                run.last,
                "programme",
                _base_label(words, language),
                "Programme",
                0.6,
                "programme word",
            )
        return
    for org in _split_orgs(tokens, run, language):
        org_words = [t.text for t in tokens[org.first : org.last]]
        klass = org_class(org_words, language)
        if klass is None:
            continue
        if len(org_words) < 2 and not _COMPANY.match(org_words[-1]):
            continue
        found.add(
            tokens,
            org.first,
            org.last,
            "org",
            _base_label(org_words, language),
            klass,
            0.7,
            "kind word",
        )


def _named_after_kind_word(tokens: list[Token], text: str, language: str, found: _Found):
    """A name standing right after a lower-case kind word ("klastra Axelera", "the company
    Airbus"), or followed by one in apposition ("Aerospace Valley, the aeronautics
    cluster"), is an organisation of that kind."""
    for k, token in enumerate(tokens[:-1]):
        word = token.text
        if not word[:1].islower():
            continue
        lemma = _folded_lemmas(word, language) & _ORG_HEADS.keys()
        nxt = tokens[k + 1]
        gap = text[token.end : nxt.start]
        proper = (
            nxt.text.isupper()
            or not analyses(nxt.text)
            or any(lemma_[:1].isupper() for lemma_, _tag in analyses(nxt.text))
        )
        # a brand written in mixed case ("bavAIRia") is a name too
        brand = nxt.text[:1].islower() and any(c.isupper() for c in nxt.text[1:])
        if (
            lemma
            and gap == " "
            and proper
            and (nxt.capitalised or brand)
            and nxt.text[:1].isalpha()
            and found.free(nxt.start, nxt.end)
        ):
            b = k + 2
            while (
                b < len(tokens)
                and tokens[b].capitalised
                and tokens[b].text[:1].isalpha()
                and text[tokens[b - 1].end : tokens[b].start] == " "
                and b - k <= 4
            ):
                b += 1
            names = [t.text for t in tokens[k + 1 : b]]
            if any(_is_first_name(n) for n in names[:1]) or _post_at(tokens, k + 1, language):
                continue
            found.add(
                tokens,
                k + 1,
                b,
                "org",
                " ".join(names),
                _ORG_HEADS[sorted(lemma)[0]],
                0.55,
                "after a kind word",
            )
    for run in _runs(tokens, text) if language == "en" else ():
        # "the Axelera cluster": a name between "the" and a lower-case kind word
        b = run.last
        if (
            run.first > 0
            and tokens[run.first - 1].text.lower() == "the"
            and b < len(tokens)
            and tokens[b].text[:1].islower()
            and (heads := _folded_lemmas(tokens[b].text, language) & _ORG_HEADS.keys())
        ):
            names = [x.text for x in tokens[run.first : b]]
            if not _DEMONYM.search(names[-1]):
                found.add(
                    tokens,
                    run.first,
                    b,
                    "org",
                    " ".join(names),
                    _ORG_HEADS[sorted(heads)[0]],
                    0.55,
                    "before a kind word",
                )
    for run in _runs(tokens, text) if language == "en" else ():
        b = run.last
        if b + 2 >= len(tokens) or tokens[b].text != ",":
            continue
        window = tokens[b + 1 : b + 6]
        if not window or window[0].text.lower() not in {"the", "a", "an"}:
            continue
        for t in window[1:]:
            heads = _folded_lemmas(t.text, language) & _ORG_HEADS.keys()
            if heads and t.text[:1].islower():
                names = [x.text for x in tokens[run.first : b]]
                found.add(
                    tokens,
                    run.first,
                    b,
                    "org",
                    " ".join(names),
                    _ORG_HEADS[sorted(heads)[0]],
                    0.55,
                    "apposition",
                )
                break


def _quoted_projects(tokens: list[Token], text: str, language: str, found: _Found) -> None:
    """A quoted name right after "projekt"/"project"/"program"/"programme" names that
    project or programme ('projektu „Klaster bez granic”')."""
    for k, token in enumerate(tokens[:-1]):
        lemmas_ = _folded_lemmas(token.text, language)
        kind = (
            "project"
            if lemmas_ & {"projekt", "project"}
            else ("programme" if lemmas_ & {"program", "programme"} else None)
        )
        if kind is None or tokens[k + 1].text not in _QUOTES:
            continue
        close = next(
            (n for n in range(k + 2, min(len(tokens), k + 40)) if tokens[n].text in _QUOTES), None
        )
        if close is None or close == k + 2:
            continue
        label = text[tokens[k + 2].start : tokens[close - 1].end]
        if "\n\n" in label:
            continue
        found.add(
            tokens,
            k + 2,
            close,
            kind,
            " ".join(label.split()),
            "Project" if kind == "project" else "Programme",
            0.6,
            "quoted name",
        )


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
    if not titled and before == ",":
        # "dyrektor klastra Axelera, Claire Martin": a post word a few words before
        titled = any(
            _post_at(tokens, j, language) for j in range(max(0, run.first - 6), run.first - 1)
        )
    if _is_first_name(words[0]) and (not _is_geo(words[1]) or _is_surname(words[1])):
        return k, run.last, 0.85 if titled else 0.75
    if titled:
        return k, run.last, 0.7
    after = run.last
    if (
        after + 1 < len(tokens)
        and tokens[after].text in {",", "–", "-"}
        and (
            _post_at(tokens, after + 1, language)
            or (
                after + 2 < len(tokens)
                and tokens[after + 1].text.lower() in {"the", "a"}
                and _post_at(tokens, after + 2, language)
            )
        )
    ):
        return k, run.last, 0.7
    return None


def _place_lemma(words: list[str], hint: str = "") -> str | None:
    """The base form of a place name from the dictionary's proper-noun lemmas, part by
    part ("Bielsku-Białej" -> "Bielsko-Biała", "Jeleniej Górze" -> "Jelenia Góra"); for
    names the dictionary lacks, the name in the nominative. Of several lemmas, the one the
    gazetteer's name ``hint`` has wins ("Bielsko", not "Bielsk")."""
    known = set(re.split(r"[\s-]+", fold(hint)))
    out = []
    for word in words:
        parts = []
        for part in word.split("-"):
            proper = [lemma for lemma, _tag in analyses(part) if lemma[:1].isupper()]
            if not proper:
                break
            parts.append(next((p for p in proper if fold(p) in known), proper[0]))
        else:
            out.append("-".join(parts))
            continue
        break
    else:
        if " ".join(out) and all(out):
            return " ".join(out)
    return " ".join(nominative(words))


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
            common = language == "pl" and any(lemma[:1].islower() for lemma, _ in analyses(word))
            before = tokens[k - 1].text.lower() if k > 0 else ""
            if common and before not in _PLACE_PREPOSITIONS:
                continue  # "Marki" (brands) at a line start is not the town of Marki
            if (
                k > run.first
                and tokens[k - 1].capitalised
                and not _is_geo(tokens[k - 1].text)
                and tokens[k - 1].text[:1].isalpha()
                and language == "en"
            ):
                continue  # "Aerospace Valley": a word of a longer name
            if language == "en" and word in _EN_CAPITALISED_WORDS:
                continue  # "All people ...": a sentence opener, not the town of All
            names |= {lemma for lemma, _tag in analyses(word) if lemma[:1].isupper()}
        else:
            names |= {" ".join(nominative(words)), "-".join(nominative(words))}
        match = lookup_place(names)
        if match is not None:
            return b, match
    return None
