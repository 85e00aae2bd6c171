"""The words the ingest rules read, in Polish and English: kind words of organisations,
titles of posts, honorifics, the short words inside names, event triggers and the cues of
tense and role. Kept apart from the rules so that a researcher can extend a list (a new kind
of body, another title) without reading the code that uses it.
"""

from __future__ import annotations

import re

__all__ = [
    "ORG_KINDS",
    "COMPANY_FORM",
    "PROGRAMME_WORDS",
    "POSTS",
    "HONORIFICS",
    "CONNECTORS",
    "PLACE_PREPOSITIONS",
    "EN_CAPITALISED_WORDS",
    "DEMONYM",
    "QUOTES",
    "TRIGGERS",
    "PLANNED",
    "HELD",
    "ROLE_CUES",
    "SPEAKING",
    "SPEAKER_LIST",
    "OCCASION",
    "QUOTED",
]

# kind words (lemmas, folded) -> regiokg class of the organisation they head
ORG_KINDS = {
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
    "centrum": "Organisation",
    "centre": "Organisation",
    "center": "Organisation",
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
    "strefa": "Organisation",
    "zone": "Organisation",
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
COMPANY_FORM = re.compile(r"^(?:S\.A\.|SA|Sp\.|sp\.|Ltd\.?|GmbH|Inc\.?|S\.r\.l\.|SAS|plc|AG)$")
PROGRAMME_WORDS = {
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
HONORIFICS = {
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
    "professor",
    "profesor",
    "pana",
    "panią",
    "panem",
    "doktor",
    "hab",
    "inż.",
}
CONNECTORS = {
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
PLACE_PREPOSITIONS = {
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
    "i",
    "oraz",
    "and",
    ",",
}
# English words that open sentences and are also names of towns somewhere
EN_CAPITALISED_WORDS = {
    "All",
    "The",
    "This",
    "That",
    "It",
    "In",
    "On",
    "At",
    "As",
    "An",
    "And",
    "But",
    "For",
    "No",
    "One",
    "Two",
    "May",
    "Will",
    "Can",
    "Our",
    "We",
    "He",
    "She",
    "They",
    "There",
    "Here",
    "More",
    "Most",
    "Many",
    "Some",
    "Each",
    "Every",
    "New",
    "Best",
    "Early",
    "Late",
    "Second",
    "First",
    "Next",
    "Last",
    "Also",
    "Both",
    "Union",
    "Unity",
    "Independence",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
}
# demonyms ("the French cluster") are not names of organisations
DEMONYM = re.compile(r"(?:ish|ian|ese|ean|ench|utch|zech|man|can|ic)$")
QUOTES = {"„", "”", "“", '"', "«", "»"}

# (lemma words, class) — the first word of a multi-word trigger is its head
TRIGGERS = [
    (("misja", "gospodarczy"), "BusinessMission"),
    (("business", "mission"), "BusinessMission"),
    (("trade", "mission"), "BusinessMission"),
    (("misja",), "BusinessMission"),
    (("mission",), "BusinessMission"),
    (("wizyta", "studyjny"), "StudyVisit"),
    (("study", "visit"), "StudyVisit"),
    (("study", "tour"), "StudyVisit"),
    (("wizyta",), "DelegationVisit"),
    (("visit",), "DelegationVisit"),
    (("delegacja",), "DelegationVisit"),
    (("delegation",), "DelegationVisit"),
    (("seminarium",), "Seminar"),
    (("seminar",), "Seminar"),
    (("webinar",), "Seminar"),
    (("konferencja",), "Conference"),
    (("conference",), "Conference"),
    (("kongres",), "Congress"),
    (("congress",), "Congress"),
    (("targi",), "Conference"),
    (("targ",), "Conference"),
    (("fair",), "Conference"),
    (("warsztat",), "Workshop"),
    (("warsztaty",), "Workshop"),
    (("workshop",), "Workshop"),
    (("spotkanie",), "Meeting"),
    (("meeting",), "Meeting"),
    (("forum",), "Conference"),
    (("szczyt",), "Conference"),
    (("summit",), "Conference"),
]
PLANNED = re.compile(
    r"\b(planowan\w*|zaplanowan\w*|odbędzie się|odbędą się|będzie|będą|zostanie|zostaną|"
    r"zaprasza\w*|przyszł\w+|zapowiedzi\w*|zapowiedzia\w*|zapowiada\w*|kolejn\w+|"
    r"will be|will take|is planned|are planned|planned|upcoming|announced|next|"
    r"to be held|will hold|invites?)\b",
    re.IGNORECASE,
)
HELD = re.compile(
    r"\b(odbył\w* się|odbyło się|zorganizowan\w* został\w*|miał\w* miejsce|took place|"
    r"was held|were held|hosted|gathered|wzięli udział|wziął udział|wzięło udział)\b",
    re.IGNORECASE,
)
# role cues: pattern -> role; a cue gives its role to the names after it in its clause
ROLE_CUES = [
    (
        r"zorganizowan\w*(?:\s+\w+){0,2}\s+przez|organizowan\w*\s+przez|organizatorem\w*|"
        r"organizatorami|organi[sz]ed by|organi[sz]ers?\b|zorganizował\w*|zorganizowali|"
        r"organizował\w*|organizowali|przygotował\w*|przygotowali|prepared by",
        "organiser",
    ),
    (
        r"przy współpracy|we współpracy z|współorganizator\w*|partnerem|partnerami|"
        r"in (?:co-?operation|partnership|collaboration) with|co-organi[sz]ed by|together with|"
        r"partnered by",
        "co-organiser",
    ),
    (
        r"w siedzibie|w gościnie|gospodarzem\w*|hosted by|at the (?:seat|premises|offices?) of|"
        r"host(?:s|ed)?\b|siedzibę|odwiedzi\w*|visited|welcomed by|gościł\w*",
        "host",
    ),
    (
        r"udział wzię\w*|wzię\w* (?:także |również )?udział|z udziałem|uczestnic\w*|uczestnikami|"
        r"took part|participants?|attended|attending|delegat\w*|delegation|przedstawiciel\w*|"
        r"representatives? of|joined by|represented by|reprezentowa\w*|reprezentanci|goście|"
        r"guests",
        "participant",
    ),
]
SPEAKING = re.compile(
    r"\b(przedstawił\w*|omówił\w*|scharakteryzował\w*|podkreślił\w*|zaprezentował\w*|"
    r"wygłosił\w*|mówił\w*|zabrał\w* głos|głos zabrał\w*|wystąpieni\w+|prelegent\w*|"
    r"zapowiedział\w*|powiedział\w*|stwierdził\w*|dodał\w*|zapewnił\w*|announced|noted|"
    r"added|underlined|described|opisał\w*|"
    r"presented|spoke|said|stressed|outlined|gave a (?:talk|presentation|speech)|speakers?|"
    r"keynote|explained|introduced)\b",
    re.IGNORECASE,
)
# a cue naming several speakers at once: every person after it in the sentence speaks
SPEAKER_LIST = re.compile(
    r"\b(speakers?(?: included| were)?|prelegent\w*|wśród prelegentów|wystąpili|"
    r"wystąpienia wygłosili|głos zabrali)\b",
    re.IGNORECASE,
)
# a trigger standing as the occasion of something the text dated just before
OCCASION = re.compile(
    r"\b(podczas|w trakcie|przy okazji|during|on the occasion of)\s+$", re.IGNORECASE
)
QUOTED = re.compile(r"[„“\"]([^„“”\"]{4,200})[”“\"]")
