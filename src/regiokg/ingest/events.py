"""Events from their trigger words, with date, place, status and the organisations and
people that took part in them, each in a role.

A trigger (misja gospodarcza, seminarium, konferencja, kongres, targi, wizyta studyjna,
warsztaty, spotkanie, forum; mission, seminar, conference, congress, fair, study visit,
workshop, meeting, forum) is matched by its lemma. It makes an event when its sentence
(or the heading line it stands in) gives a date, or when the text announces it ("planowane",
"odbędzie się", "will be held"); a later trigger of the same kind without a date of its own
refers back to that event. The event's place is the first place named in its sentence;
its status is *planned* when the text announces it or its date lies after the publication
date, *held* otherwise. Participants come from role cues in the sentences up to the next
event: "zorganizowane przez", "organised by" (organiser), "przy współpracy",
"in cooperation with" (co-organiser), "w siedzibie", "hosted by" (host), "udział wzięli",
"z udziałem", "took part" (participant; delegate for missions and visits), and speaking
verbs ("przedstawił", "omówił", "presented") for the person who speaks (speaker).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from regiokg.ingest.dates import DateMention
from regiokg.ingest.lexicon import HELD as _HELD
from regiokg.ingest.lexicon import OCCASION as _OCCASION
from regiokg.ingest.lexicon import PLANNED as _PLANNED
from regiokg.ingest.lexicon import QUOTED as _QUOTED
from regiokg.ingest.lexicon import ROLE_CUES as _ROLE_CUES
from regiokg.ingest.lexicon import SPEAKER_LIST as _SPEAKER_LIST
from regiokg.ingest.lexicon import SPEAKING as _SPEAKING
from regiokg.ingest.lexicon import TRIGGERS as _TRIGGERS
from regiokg.ingest.mentions import Mention, Token
from regiokg.ingest.morphology import fold, lemmas

__all__ = ["EventCandidate", "Participant", "find_events", "sentences"]


@dataclass
class Participant:
    """An agent mention taking part in an event in ``role``."""

    mention: Mention
    role: str
    confidence: float


@dataclass
class EventCandidate:
    """An event: ``cls`` (regiokg class local name), the ``trigger`` span, ``name`` (a
    quoted title near the trigger, if any), ``date``, ``place`` mention, ``status``
    (``held``/``planned``), ``participants``, and the sentence span it was read from."""

    cls: str
    trigger: tuple[int, int]
    sentence: tuple[int, int]
    name: str | None = None
    date: DateMention | None = None
    place: Mention | None = None
    status: str = "held"
    participants: list[Participant] = field(default_factory=list)
    confidence: float = 0.6
    mentions: list[tuple[int, int]] = field(default_factory=list)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``: a sentence ends at ., ! or ? followed by a space and a
    capital, or at a line break; abbreviations such as "r." and "ul." do not end one."""
    out = []
    start = 0
    for m in re.finditer(
        r"(?<!\br)(?<!\bul)(?<!\bds)(?<!\bpt)(?<!\bnp)(?<!\bm\.in)"
        r"(?<!\bS\.A)(?<!\bo\.o)(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bSt)(?<!\bprof)(?<!\bdr)"
        r"(?<!\binż)(?<!\bhab)(?<!\bmgr)(?<!\bim)(?<!\bśw)(?<!\btj)(?<!\bProf)"
        r"[.!?](?=\s+[A-ZĄĆĘŁŃÓŚŹŻ„\"•–-])|\n\s*\n|\n(?=\s*[•–\-*\d])",
        text,
    ):
        end = m.end()
        if text[start:end].strip():
            out.append((start, end))
        start = end
    if text[start:].strip():
        out.append((start, len(text)))
    return out


@lru_cache(maxsize=100_000)
def _word_lemmas(word: str, language: str) -> frozenset[str]:
    return frozenset(fold(x) for x in lemmas(word, language) | lemmas(word, "en"))


_TRIGGER_HEADS = frozenset(words[0] for words, _cls in _TRIGGERS)


def _trigger_at(tokens: list[Token], i: int, language: str) -> tuple[str, int] | None:
    """(class, end token) of a trigger starting at token ``i``."""
    if not _word_lemmas(tokens[i].text, language) & _TRIGGER_HEADS:
        return None
    for words, cls in _TRIGGERS:
        if i + len(words) > len(tokens):
            continue
        if all(words[k] in _word_lemmas(tokens[i + k].text, language) for k in range(len(words))):
            return cls, i + len(words)
    return None


def find_events(
    text: str,
    tokens: list[Token],
    mentions: list[Mention],
    dates: list[DateMention],
    language: str,
    published: date | None,
) -> list[EventCandidate]:
    """The events of a document (see the module docstring for the rules)."""
    spans = sentences(text)
    events: list[EventCandidate] = []
    by_kind: dict[str, tuple[EventCandidate, int]] = {}
    sentence_of_event: dict[int, EventCandidate] = {}
    announced = False  # a line such as "planowane są:" announces the list after it
    ti = 0
    for s_index, (s_start, s_end) in enumerate(spans):
        sentence_text = text[s_start:s_end]
        s_tokens = []
        while ti < len(tokens) and tokens[ti].start < s_end:
            if tokens[ti].start >= s_start:
                s_tokens.append(tokens[ti])
            ti += 1
        if not _is_list_item(sentence_text):
            announced = False
        s_dates = [d for d in dates if s_start <= d.start < s_end and d.first]
        previous_span = spans[s_index - 1] if s_index else (0, 0)
        s_places = [m for m in mentions if s_start <= m.start < s_end and m.kind == "place"]
        in_sentence: list[EventCandidate] = []
        i = 0
        while i < len(s_tokens):
            found = _trigger_at(s_tokens, i, language)
            if found is None:
                i += 1
                continue
            cls, end = found
            trigger = (s_tokens[i].start, s_tokens[end - 1].end)
            i = end
            if any(m.start <= trigger[0] < m.end and m.kind != "place" for m in mentions):
                continue  # the word is part of an organisation's name
            claimed = {id(e.date) for e in in_sentence if e.date is not None}
            free_dates = [d for d in s_dates if id(d) not in claimed]
            when = _nearest(free_dates, trigger[0], limit=150)
            if when is None and _OCCASION.search(text, max(s_start, trigger[0] - 30), trigger[0]):
                # "the signing took place during the congress": the congress holds the date
                # the sentence before gives to what happened at it
                before = [d for d in dates if previous_span[0] <= d.start < previous_span[1]]
                if len(before) == 1 and before[0].first:
                    when = before[0]
            planned = announced or _announces(text, s_start, s_end, trigger[0])
            previous = by_kind.get(cls)
            joined = in_sentence[-1] if in_sentence else None
            if (
                joined is not None
                and text[trigger[0]].islower()
                and (_is_weak(text, joined) or _compound(text, joined.mentions[-1][1], trigger[0]))
            ):
                joined.mentions.append(trigger)  # "misja i seminarium, 6–9 kwietnia"
                if _is_weak(text, joined) and cls != "DelegationVisit":
                    joined.cls = cls  # "a delegation travelled ... for a business mission"
                    joined.trigger = trigger
                    by_kind[cls] = (joined, s_index)
                continue
            if when is None and not planned:
                if previous is not None and s_index - previous[1] <= 6:
                    previous[0].mentions.append(trigger)
                    sentence_of_event[s_index] = previous[0]
                    continue
                if not _HELD.search(sentence_text):
                    continue  # a word such as "meeting" used in passing
            if (
                previous is not None
                and when is not None
                and (
                    _same_date(previous[0], when)
                    or (s_index - previous[1] <= 3 and abs(when.start - trigger[0]) > 60)
                )
            ):
                previous[0].mentions.append(trigger)
                sentence_of_event[s_index] = previous[0]
                continue
            event = EventCandidate(cls, trigger, (s_start, s_end), date=when)
            event.mentions.append(trigger)
            event.place = _nearest(s_places, trigger[0], limit=200)
            quoted = _QUOTED.search(text, trigger[1], min(len(text), s_end + 300))
            if quoted and quoted.start() - trigger[1] < 40:
                event.name = quoted.group(1).strip()
            event.status = _status(planned, sentence_text, when, published, language)
            event.confidence = 0.8 if when is not None else 0.55
            events.append(event)
            in_sentence.append(event)
            by_kind[cls] = (event, s_index)
            sentence_of_event[s_index] = event
        if sentence_text.rstrip().endswith(":") and _PLANNED.search(sentence_text):
            announced = True
    _attach_participants(text, spans, mentions, sentence_of_event, events)
    return events


def _is_weak(text: str, event: EventCandidate) -> bool:
    """Whether the event was named only by the word for a delegation, which a more
    specific word of the same sentence (mission, seminar) replaces."""
    word = text[event.trigger[0] : event.trigger[1]].lower()
    return word.startswith(("delegac", "delegation"))


def _compound(text: str, end: int, start: int) -> bool:
    """Whether two trigger words are one compound name ("misja gospodarcza i seminarium",
    "conference and workshop"): only a conjunction and a few words between them."""
    between = text[end:start]
    return len(between) < 40 and bool(re.search(r"\b(i|oraz|and|&)\b", between))


def _is_list_item(sentence_text: str) -> bool:
    return bool(re.match(r"\s*(?:[-–•*]|\d+[.)])", sentence_text))


def _announces(text: str, s_start: int, s_end: int, position: int) -> bool:
    """Whether a word announcing a future event stands shortly before ``position``, or
    shortly after it in the same sentence ("a visit is planned for March")."""
    window = text[max(s_start, position - 80) : min(s_end, position + 60)]
    return bool(_PLANNED.search(window))


def _same_date(event: EventCandidate, when: DateMention) -> bool:
    return event.date is not None and event.date.value == when.value


def _nearest(items, position: int, limit: int = 10**9):
    close = [m for m in items if abs(m.start - position) <= limit]
    if not close:
        return None
    return min(close, key=lambda m: abs(m.start - position))


def _past_tense(sentence_text: str, language: str) -> bool:
    if _HELD.search(sentence_text):
        return True
    if language == "pl":
        from regiokg.ingest.morphology import analyses

        words = re.findall(r"\w+", sentence_text)
        return any(
            tag.startswith("praet")
            for w in words
            if w.endswith(("ł", "ła", "ło", "li", "ły"))
            for _lemma, tag in analyses(w)
        )
    return bool(re.search(r"\b(was|were|had|\w{3,}ed)\b", sentence_text))


def _status(planned: bool, sentence_text: str, when, published, language: str) -> str:
    """Planned when the text announces the event or its date lies after publication
    (unless the sentence says it took place); held otherwise."""
    if planned and not _HELD.search(sentence_text):
        return "planned"
    if _HELD.search(sentence_text):
        return "held"
    after = (
        when is not None
        and published is not None
        and when.first
        and when.first > published.isoformat()[: len(when.first)]
    )
    if after:
        return "planned"
    return "held" if _past_tense(sentence_text, language) or when is not None else "planned"


def _attach_participants(text, spans, mentions, sentence_of_event, events) -> None:
    """Give each event the agents its sentences name after a role cue, and the speakers."""
    agents = [m for m in mentions if m.kind in {"org", "person"}]
    current = None
    carried: str | None = None  # the role a line ending in ":" gives the list after it
    for s_index, (s_start, s_end) in enumerate(spans):
        sentence_text = text[s_start:s_end]
        if not _is_list_item(sentence_text):
            carried = None
        if s_index in sentence_of_event:
            current = sentence_of_event[s_index]
        elif current is not None and s_start - current.sentence[1] > 2500:
            current = None
        if current is None:
            continue
        s_agents = [m for m in agents if s_start <= m.start < s_end]
        cues = []
        if carried is not None:
            cues.append((s_start, s_start, carried))
        for pattern, role in _ROLE_CUES:
            for m in re.finditer(pattern, sentence_text, re.IGNORECASE):
                cues.append((s_start + m.start(), s_start + m.end(), role))
        for m in _SPEAKING.finditer(sentence_text):
            cues.append((s_start + m.start(), s_start + m.end(), "speaker"))
        for m in _SPEAKER_LIST.finditer(sentence_text):
            cues.append((s_start + m.start(), s_start + m.end(), "speakers"))
        cues.sort()
        if sentence_text.rstrip().endswith(":") and cues:
            carried = cues[-1][2]
        for agent in s_agents:
            role = _role_of(agent, cues, s_agents, current)
            if role is None:
                continue
            if any(p.mention.label == agent.label for p in current.participants):
                continue
            current.participants.append(Participant(agent, role, 0.6))


def _role_of(agent: Mention, cues, s_agents, event: EventCandidate) -> str | None:
    """The role a cue gives ``agent``: the last non-speaking cue before it; a speaking cue
    names the person just before it (or just after it, as in "said John Smith")."""
    for start, end, role in cues:
        if role != "speaker":
            continue
        people = [a for a in s_agents if a.kind == "person"]
        before = [a for a in people if a.end <= start]
        after = [a for a in people if a.start >= end]
        if before and before[-1] is agent and start - agent.end < 220:
            return "speaker"
        if not before and after and after[0] is agent and agent.start - end < 40:
            return "speaker"
    if agent.kind == "person" and any(
        role == "speakers" and end <= agent.start for _start, end, role in cues
    ):
        return "speaker"
    previous = [c for c in cues if c[1] <= agent.start and c[2] not in {"speaker", "speakers"}]
    if not previous:
        return None
    role = previous[-1][2]
    if agent.start - previous[-1][1] > 400:
        return None
    if role == "participant" and event.cls == "BusinessMission":
        return "delegate"
    return role
