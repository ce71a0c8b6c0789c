"""Toponym recognition: which spans of an article name places.

spaCy's small English model finds most place names (GPE/LOC), but news geoparsing loses a
lot where it is weak: demonyms and adjectives ("Russian" is about Russia), places inside
organisation names ("Dublin City Council"), well-known places tagged as people or
organisations ("Georgia"), and names it misses entirely. Each rule below adds one of those,
checked against the gazetteer so that a rule only fires on names that really are places.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace

from mapstory.gazetteer import Gazetteer, GazetteerEntry, fold
from mapstory.geoparse.datelines import DATELINE_WORDS, find_datelines

__all__ = ["Mention", "recognise"]

# Entity labels spaCy uses for places, and those that often *contain* a place name.
_PLACE_LABELS = frozenset({"GPE", "LOC"})
_CONTAINER_LABELS = frozenset({"ORG", "FAC", "PERSON", "PRODUCT", "EVENT", "WORK_OF_ART"})
# Only names of organisations and buildings embed places ("Dublin City Council"); inside a
# person's name a town-sized match is a surname ("Li", "Mao").
_EMBEDDING_LABELS = frozenset({"ORG", "FAC", "EVENT"})
# Words that end the name of a building, a road or a site ("Brooklyn Bridge", "Fulton County
# Jail"): a place at the head of such a name says where it is.
_FACILITY_WORDS = frozenset(
    {
        "bridge", "airport", "station", "stadium", "arena", "park", "hospital", "centre",
        "center", "hall", "jail", "prison", "square", "street", "road", "avenue", "museum",
        "church", "cathedral", "mosque", "temple", "synagogue", "tower", "towers", "building",
        "mall", "port", "harbour", "harbor", "dam", "zoo", "library", "plaza", "market",
        "palace", "castle", "field", "courthouse", "school", "college", "university", "base",
        "gate", "wall", "tunnel", "highway", "freeway", "expressway", "interstate", "canal",
        "beach", "hotel", "theater", "theatre", "garden", "gardens", "club", "house",
        "complex", "terminal", "pier", "dock", "docks", "camp", "cemetery", "line", "fair",
        "fairgrounds", "speedway", "raceway", "coliseum", "colosseum", "dome", "pavilion",
        "auditorium", "forum", "memorial", "monument", "plant", "mine", "refinery", "farm",
        "reservoir", "pipeline", "crossing", "checkpoint", "embassy", "consulate", "office",
        "galleria", "common", "commons", "green", "wilderness", "forest", "trail", "singers",
        "choir", "chorus", "orchestra", "band", "players",
    }
)  # fmt: skip
_MAX_NGRAM = 4
# A stray capitalised word matching a small town is far more often something else
# ("Mobile", "Reading"); outside spaCy's place entities only prominent places are taken.
_MIN_POPULATION_OUTSIDE_ENTITIES = 200_000
_MIN_POPULATION_INSIDE_NAMES = 20_000
_MIN_POPULATION_ORG_HEAD = 100_000
_MIN_POPULATION_RESIDENT = 5_000
# A person's or organisation's name that is also a state or province is taken for the
# place only if the region is a big one ("Georgia", "Brittany"), not a small department
# that shares a surname ("Flores", Uruguay).
_MIN_POPULATION_RELABEL = 500_000
# The ids of the lands and world regions geodata/lands.tsv and the world-region table name
# ("Nagorno-Karabakh", "the Sahel"): names news uses for a place, whatever their people.
_LAND_ID_PREFIX = "region:"
# Prepositions after which a name is where something is: "around Bakhmut", "near Kupiansk".
_NEARBY_WORDS = frozenset({"around", "near", "outside", "towards", "toward"})
# Words that put a person's name right after them ("coach Hale", "Sen. Ann Morrow").
TITLES = frozenset(
    {
        "mr", "mrs", "ms", "dr", "sen", "senator", "rep", "representative", "gov", "governor",
        "president", "coach", "judge", "justice", "sheriff", "officer", "sgt", "sergeant",
        "capt", "captain", "lt", "lieutenant", "col", "colonel", "cmdr", "commander", "chief",
        "mayor", "prof", "professor", "rev", "reverend", "pastor", "bishop", "deputy",
        "detective", "det", "trooper", "secretary", "minister", "chancellor", "pope",
        "councilman", "councilwoman", "commissioner", "superintendent", "principal",
        "spokesman", "spokeswoman", "director", "manager", "attorney", "chairman",
        "chairwoman", "ambassador", "premier", "vice",
    }
)  # fmt: skip
# Verbs of saying: their proper-noun subject is a person ("Nelson said"), unless the name is a
# country or a capital speaking for its government ("Moscow said"), see _prominent.
_REPORTING_VERBS = frozenset(
    {
        "say", "tell", "add", "recall", "explain", "note", "exclaim", "insist", "suggest",
        "contend", "comment", "claim", "state", "write", "announce", "argue", "ask", "reply",
        "testify", "acknowledge", "admit", "predict", "recount", "remember", "laugh",
    }
)  # fmt: skip
_PROMINENT_POPULATION = 1_000_000
# How alike (difflib's ratio) another name must be to a place's own to count as its spelling.
_SPELLING_RATIO = 0.5
# Who may be the subject of "said": a name spaCy calls a place too ("Petrova said"), since
# only a prominent place speaks for its government (see _prominent).
_SPEAKER_TYPES = frozenset({"PERSON", "GPE", ""})
# A name ending in a dotted abbreviation ("U.S", "W.Va") whose final dot the sentence took.
_DOTTED_END = re.compile(r"\.[A-Z][a-z]{0,3}$")
# How many tokens a mention may grow on each side to reach a longer known name.
_MAX_EXTENSION = 4
_NAME_CONNECTORS = frozenset(
    {"of", "the", "and", "do", "de", "del", "da", "la", "-", "'s", "’s", "upon", "on"}
)
# Rules that take a word for a place on weak evidence (inside a name, against spaCy's label,
# or outside any entity); their finds get the extra checks of _article_head.
_WEAK_SOURCES = frozenset({"inside", "relabelled", "gazetteer"})
_INSTITUTION_LABELS = frozenset({"ORG", "FAC", "NORP", "LOC"})
# Words naming a town's own institutions: "<town> Police", "<town> City Council". Not
# "Elementary" or "Middle": such schools are as often named after a person or a street.
_MUNICIPAL_WORDS = frozenset(
    {
        "police", "fire", "city", "town", "village", "township", "borough", "county",
        "council", "mayor", "public", "high", "school", "schools",
        "historical", "library", "chamber", "municipal", "area", "board",
        "department", "courthouse", "sheriff", "sheriff's", "sheriff’s", "park", "parks",
        "rotary", "lions", "kiwanis", "volunteer", "community", "recreation", "planning",
        "zoning", "water", "utilities", "housing",
    }
)  # fmt: skip
# Last words of newspapers' names ("Los Angeles Times", "The Des Moines Register"). Not
# "Democrat" or "Republican": "a Manhattan Democrat" is a politician from Manhattan.
_NEWSPAPER_WORDS = frozenset(
    {
        "Times", "Post", "Herald", "Tribune", "Gazette", "Chronicle", "Journal", "Observer",
        "Telegraph", "Guardian", "Inquirer", "Examiner", "Courier", "Dispatch", "Register",
        "Bulletin", "Globe", "Star", "News", "Sentinel", "Constitution", "Advocate",
        "Enquirer", "Mercury", "Statesman", "Sun",
    }
)  # fmt: skip
# A region is the article's focus when its names give it this many votes (see _focus_regions).
_FOCUS_VOTES = 1.0
_FOCUS_CANDIDATES = 5
_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING = re.compile(r"(?:['’]s|['’]|[.,;:!?)\]\-–—]+)$")
_ABBREVIATION = re.compile(r"^(?:[A-Z]\.)+$")
_WORD = re.compile(r"\S+")
# Words that name an institution, not a kind of place: a place entity that runs on into
# them ("Marlow County Jail") names the place before them.
_INSTITUTION_WORDS = frozenset(
    {
        "jail", "court", "courthouse", "police", "sheriff", "sheriff's", "sheriff’s",
        "department", "council", "party", "commissioners", "commission", "administration",
        "office", "offices", "board", "school", "schools", "hospital", "church", "fire",
        "university", "college", "library", "committee", "authority", "government",
        "officer", "officials", "chamber", "club", "association", "museum", "senate",
        "assembly", "legislature", "democratic", "republican", "web", "site",
    }
)  # fmt: skip


_ABBREVIATED = re.compile(r"(?:^|[\s.])[A-Z][a-z]{0,3}\.$")
_COMPASS = re.compile(
    r"^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|"
    r"North(?:east|west)|South(?:east|west)|Upstate|Downstate)(?:ern)?\s+"
)
# A disease named after a place ("West Nile virus", "Marburg virus", "Lassa
# fever", the "Sudan strain" of Ebola, "the Delta variant"): the place name is part of the
# disease's.
_DISEASE = re.compile(
    r"\s*(?:-\s*)?\[?(?-i:[a-z]+(?:ic|al|ory)\s+)?"
    r"(?:[a-z]*virus|viruses|fever|flu|influenza|disease|syndrome|encephalitis|strains?|variants?)\b",
    re.I,
)
# The place name a disease is called by, written beside its disease word somewhere in the
# article ("Marburg virus", "Lassa fever"): told alone later ("no treatment for Marburg") it
# is still the disease.
_DISEASE_NAME = re.compile(r"\b([A-Z][a-z]+)\s+(?:virus|fever|disease)\b")
# A firm named like a town, told so by the word after it ("Toyota Motor", "Tata Group"):
# the article's other bare mentions of the name are the firm too.
_FIRM_AFTER = re.compile(
    r"\s+(?:Motors?|Corp\b\.?|Corporation|Inc\b\.?|Ltd\b\.?|Holdings|Group|Co\b\.?|PLC|plc)\b"
)
# What puts a name told alone at the place rather than the disease: "cases in Marburg".
_AT_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|to|outside|around)\s+$", re.I)
# A one-word name with a capital inside it is a company's ("BlackRock", "PetroChina"), unless
# a surname-like prefix explains it ("McAllen", "DeKalb", "KwaZulu") or the gazetteer spells
# a place so ("SeaTac").
_INNER_CAPITAL = re.compile(r"(?!(?:Mc|Mac|De|Di|Du|La|Le|Van|Fitz|Kwa)[A-Z])[A-Z][a-z]+[A-Z]\w*")
# A river named like a town ("the Guaiba river", "the Bakhmutka River").
_WATER_AFTER = re.compile(r"\s+(?:river|River)\b(?!\s+(?:of|in)\b)")
# A saint a church is dedicated to, not the town of its name: "the Basilica of Santa Maria
# Maggiore", "the Cathedral of Saint Sophia" (the text before a name, up to its start).
_DEDICATED_TO = re.compile(
    r"\b(?:[Bb]asilica|[Cc]athedral|[Cc]hurch|[Cc]hapel|[Aa]bbey|[Ss]hrine|[Ss]anctuary|"
    r"[Mm]onastery|[Cc]onvent)\s+of\s+(?:the\s+)?$"
)
_SAINTLY = re.compile(r"(?:San|Santa|Santo|Santi|São|Saint|Sainte|St\.?|Ste\.?|Notre|Our)\s")
# A class of ship or weapon named after a place ("Virginia-class submarines").
_CLASS_NAME = re.compile(r"-(?:class|type)\b", re.I)
# Rules that find a place by the form of the text, whatever the words: never a person, and
# reported even where the gazetteer cannot place it (see geoparse._worth_keeping).
PLACES_BY_FORM = frozenset({"dateline", "street", "qualified", "affiliation", "division list"})
# "Barrow, Jackson and Madison counties": the plural says each name is a county (or parish).
# A list's last word naming what its names are, and what to add to each name to look it up:
# "Barrow, Jackson and Madison counties" are Barrow County …; "Bac Ninh and Thai Nguyen
# provinces" are looked up by the names alone, as GeoNames names provinces without the word.
_DIVISION_PLURALS = {
    "counties": " County",
    "parishes": " Parish",
    "provinces": "",
    "prefectures": "",
    "governorates": "",
    "oblasts": "",
    "regions": "",
    "states": "",
}
_LIST_WORDS = frozenset({",", "and", "or", "&"})
# Words that, before "states", name a group of countries, not a state: "Gulf states",
# "the Baltic states" ("Britain and Gulf states urged restraint" lists no states).
_STATE_GROUPS = frozenset(
    {"gulf", "baltic", "balkan", "arab", "nordic", "caribbean", "pacific", "island", "member"}
)
# A US legislator's party and home after the name: "Sen. Ann Reed, D-Mapleford, said" or
# "R-Pa.". The home is a town, county or state; what follows closes the aside.
_AFFILIATION = re.compile(
    r"(?<=, )[DRI]-(?P<place>[A-Z][\w.'’]*(?:[ ][A-Z][\w.'’]*){0,2})"
    r"(?=[ ]?[,;)]|[ ]+(?:and|--)[ ]|[ ]?[—–]|\.?[ ]*(?:\n|$)|\.[ ]+[\"“A-Z])"
)
# ", Ohio", ", W.Va.", ", Kenya" right after a name: its state or country.
_QUALIFIER = re.compile(r",[ ]+([A-Z][\w.’']*(?:[ ][A-Z][\w.’']*)?)")
_NAME_GOES_ON = re.compile(r"[ ](?:de|del|da|do|dos|das|di|du|la|le|of|upon|on)[ ]+[A-Z]")
_CITY_SUFFIX = re.compile(r"\s+(?:City|city)$")
# A town's governing body or office after "<town> City": "Fargo City Commission".
_COUNCIL_AFTER = re.compile(
    r"\s+(?:Council|Hall|Commission|Manager|Attorney|Clerk|Administrator|Schools?|Police|"
    r"Board|Government|Assembly|Corporation)\b"
)
# "W. Va." is written "W.Va." in the gazetteer (shared with resolve.py).
SPACED_ABBREVIATION = re.compile(r"(?<=\b[A-Z])\.\s+(?=[A-Z][a-z]{0,3}\.)")
# "a Mapleford man", "Fairview residents": a town's name before a word for its people.
_RESIDENT_WORDS = frozenset(
    {
        "man", "woman", "men", "women", "resident", "residents", "native", "natives",
        "teen", "teens", "teenager", "teenagers", "couple", "boy", "girl", "youth",
    }
)  # fmt: skip
# Words that may stand between an organisation's start and the place it is named after:
# "Eastern Ohio Medical Center", "Greater London", "Historic Savannah".
_PLACE_QUALIFIERS = frozenset(
    {
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
        "northern", "southern", "eastern", "western", "central", "metro", "metropolitan",
        "greater", "historic", "downtown",
    }
)  # fmt: skip
# Labels the small model sometimes gives a well-known place's name by mistake.
# Words of time the model runs a place's name into: "at Kyiv overnight", "in Gaza today".
_TIME_WORDS = frozenset(
    {"overnight", "today", "tonight", "yesterday", "tomorrow", "earlier", "later", "again"}
)
_MISTAKEN_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "LANGUAGE", "PRODUCT"}
)
# "the city of Kramatorsk", "the Zaporizhzhia region": words that say what a name is.
# ("the island of Lampedusa" says it is a place, not which kind: an island is a town's
# name, or a region's, as the gazetteer has it.)
_KIND_BEFORE = re.compile(
    r"\b(?:(?P<city>city|town|village|port|suburb|hamlet)|"
    r"(?P<region>province|region|state|county|district|oblast)|(?P<island>island|isle))"
    r"\s+of\s+(?:the\s+)?$"
)
# ... and each name of a list after a plural of one: "the Baltic ports of Primorsk and
# Ust-Luga", "the towns of Paiporta, Alfafar and Sedaví".
_KINDS_LIST_BEFORE = re.compile(
    r"\b(?:(?P<city>cities|towns|villages|ports|suburbs)|(?P<region>provinces|regions|states|"
    r"counties|districts|oblasts)|(?P<island>islands))\s+of\s+(?:the\s+)?"
    # ("the ports of Piraeus in Greece, Valencia in Spain and …": each may say where it is.)
    r"(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}"
    r"(?:\s+in\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})?(?:,\s+|\s+(?=and|or)))*"
    r"(?:(?:and|or)\s+)?$"
)
_KIND_AFTER = re.compile(
    r"^\s+(?:(?P<region>region|province|oblast|department|prefecture|governorate|state)\b"
    r"(?!\s+stores?\b)"  # not "Chile's Ripley department store chain"
    # "Sri Lanka's Chinese-run Hambantota port": a town's port, in lower case
    r"|(?P<city>port|harbour|harbor)\b(?!\s+(?:authority|authorities)\b))"
)
# "driving to the capital Noumea", "the Ukrainian capital, Kyiv": a capital is a city.
_CAPITAL_BEFORE = re.compile(r"\bthe\s+(?:[\w'’-]+\s+){0,2}capital,?\s+$", re.IGNORECASE)
# "Vanimo, a remote town near the border", "Lviv, a city in the west": an apposition that
# says what the name is. The word must end its phrase ("a town councillor" is a person).
_KIND_APPOSITION = re.compile(
    # ("Nuuk, the Greenlandic capital": or a people's adjective, capitalised)
    # ("Mandalay, Myanmar's second-largest city": or the country's, by its possessive)
    r"^,\s+(?:a|an|the|[A-Z][A-Za-z]+['’]s?)\s+"
    r"(?:[a-z][a-z'’-]*\s+|[A-Z][a-z]+(?:an|ic|ese|ish|i)\s+){0,2}"
    r"(?:(?P<city>town|city|village|port|hamlet|suburb|capital)|"
    r"(?P<region>province|region|district))"
    r"(?=\s*[,.;:)]|\s+(?:near|in|on|at|by|about|close|outside|north|south|east|west|"
    r"some|where|that|which|with|known|famous|home)\b"
    # "of" another name is that place's own kind, not this one's: "In Poland, the town of
    # Nysa was evacuated"; "Nysa, a town of 40,000" is Nysa's.
    r"|\s+of\b(?!\s+[A-Z]))"
)
# The one-word name of a place may differ this little from a gazetteer spelling and still be
# that place ("Zaporizhzhia", "Zaporizhzhya"), where a mere translation would not.
_CLOSE_SPELLING = 0.9
_CLOSE_SPELLING_MIN_LETTERS = 8


# Verbs whose object is a place taken or struck by force.
_CAPTURING_VERBS = frozenset(
    {
        "capture", "recapture", "retake", "seize", "occupy", "besiege", "shell", "bomb",
        "bombard", "liberate", "annex", "storm", "encircle",
    }
)  # fmt: skip


# Nouns whose "of" names a place: "the mayor of Sligo", "the streets of Kherson".
_OF_PLACE_NOUNS = frozenset(
    {
        "mayor", "governor", "residents", "people", "citizens", "outskirts", "streets",
        "suburbs", "centre", "center", "heart", "mayoress", "terminal", "terminals",
        "harbour", "harbor", "docks",
    }
)  # fmt: skip


# Tags of a common word: a noun, or a verb's "-ing" ("Reading fans celebrated").
_COMMON_TAGS = frozenset({"NN", "NNS", "VBG"})
# Nouns of a place a list's next name is joined to: "in Al Haouz province and Taroudant".
_LISTED_PLACE_HEADS = frozenset({"province", "region", "city", "town", "district", "county"})
# Nouns for a place whose "of" names it: "the exclave of Kaliningrad".
_OF_PLACE_HEADS = frozenset({"exclave", "enclave", "territory", "city", "town", "port"})


def _placed_organisation(ent) -> bool:
    """Whether a one-word name tagged an organisation stands where a place would: "to",
    "in", "from" or "and" before it ("travel to Marrakech", "between Kenitra and
    Marrakech")."""
    return (
        ent.label_ == "ORG"
        and len(ent) == 1
        and ent.start > 0
        and ent.doc[ent.start - 1].lower_ in ("to", "in", "from", "and")
        and ent[0].is_title
    )


# Words before a name that make it one end of a route or a spot on the way.
_ROUTE_WORDS = frozenset({"between", "from", "to", "and", "near", "at", "via", "outside", "in"})
# Words that put a name on a route, as a person's never is ("sailing from Khor Fakkan").
_ROUTE_PREPOSITIONS = frozenset({"between", "from", "to", "via", "near", "outside"})
# What a maker's name goes before ("a Toyota battery plant", "a Honda factory"), as a town
# of the name seldom does ("a Danbury man" is of the town).
_MAKERS_THINGS = frozenset(
    {"plant", "factory", "dealership", "showroom", "car", "vehicle", "truck", "engine"}
)
# A name joined by hyphens around a small word: "Barrow-in-Furness", "Rostov-on-Don".
_HYPHENATED_TOWN = re.compile(
    r"\b[A-Z][\w'’]+(?:-(?:in|on|upon|under|sur|en|le|la|les|am|an|de|du|di|del|by)-[A-Z][\w'’]+)+"
)
# Titles "of" a see or a shire, which name no place the story is about.
_PEERAGE = frozenset(
    {"archbishop", "bishop", "duke", "duchess", "earl", "countess", "marquess", "viscount"}
)
# The possessive inside a town's name: "Cox's Bazar".
_NAME_POSSESSIVES = frozenset({"'s", "’s"})
# Compass words between "in" and the area: "in southern Finland".
_COMPASS_ADJECTIVES = frozenset(
    {
        "northern", "southern", "eastern", "western", "central", "north", "south", "east",
        "west", "northeastern", "northwestern", "southeastern", "southwestern",
    }
)  # fmt: skip


def _town_placed_in_area(ent, gazetteer: Gazetteer) -> bool:
    """Whether a name of up to three words tagged an organisation or a building, where a
    place would stand, is followed by "in" a country or region that holds a town of that
    name: "between Porvoo in southern Finland and Harku near Tallinn", "camps in Cox's
    Bazar in southern Bangladesh". A name of two or three words tagged a person is such a
    town on a route ("sailing from Khor Fakkan in the United Arab Emirates") if the article
    names no one so elsewhere."""
    doc = ent.doc
    person = (
        ent.label_ == "PERSON"
        and len(ent) > 1
        and ent.start > 0
        and doc[ent.start - 1].lower_ in _ROUTE_PREPOSITIONS
        and not any(o.text == ent.text and o.start != ent.start for o in doc.ents)
    )
    if (
        (ent.label_ not in ("ORG", "FAC", "PRODUCT") and not person)
        or len(ent) > 3
        or not all((t.is_title and t.is_alpha) or t.text in _NAME_POSSESSIVES for t in ent)
        or ent[0].text in _NAME_POSSESSIVES
        or ent.start == 0
        or doc[ent.start - 1].lower_ not in _ROUTE_WORDS
        or ent.end + 1 >= len(doc)
        or doc[ent.end].lower_ != "in"
    ):
        return False
    at = ent.end + 1
    while at < len(doc) and (doc[at].lower_ == "the" or doc[at].lower_ in _COMPASS_ADJECTIVES):
        at += 1
    # ("in the United Arab Emirates": the model may take the article into the name.)
    area = next(
        (
            e
            for e in doc.ents
            if e.label_ in _PLACE_LABELS
            and (e.start == at or (e.start == at - 1 and doc[e.start].lower_ == "the"))
        ),
        None,
    )
    if area is None:
        return False
    areas = [a for a in gazetteer.search(_LEADING.sub("", area.text), limit=5) if _is_area(a)]
    return bool(areas) and _town_in(gazetteer, ent.text, areas)


def _placed_capital(ent, gazetteer: Gazetteer) -> bool:
    """Whether a name of up to three words tagged an organisation, where a place would
    stand, is wholly a country's capital: "flies to Sao Tome" (a capital of fifty thousand,
    too small for the size a city of no rank needs)."""
    doc = ent.doc
    if (
        ent.label_ != "ORG"
        or not 1 <= len(ent) <= 3
        or ent.start == 0
        or doc[ent.start - 1].lower_ not in ("to", "in", "from")
        or not all(t.is_title and t.pos_ == "PROPN" for t in ent)
    ):
        return False
    found = _known(gazetteer, ent.text, min_population=0)
    return (
        found is not None and found.feature_code == "PPLC" and _spelling_of(fold(ent.text), found)
    )


def _place_run_on(ent, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """The places in a name tagged as something else that runs on past a place into the
    sentence: a city or country that a preposition before the tag governs, then a
    preposition of the sentence's own ("to Montevideo for the Mercosur"), and the place
    that one names, if all that is left is it ("the port of Baltimore for Colombo")."""
    doc = ent.doc
    if ent.label_ not in _CONTAINER_LABELS or ent.start == 0 or len(ent) < 3:
        return []
    before = doc[ent.start - 1]
    # ("was leaving Baltimore for Colombo": or the place a ship or a traveller leaves.)
    leaving = before.pos_ == "VERB" and before.lemma_.lower() in ("leave", "depart")
    if not leaving and (
        before.pos_ != "ADP" or before.lower_ not in ("to", "in", "from", "at", "of")
    ):
        return []
    cut = next(
        (
            t
            for t in ent[1:]
            if t.pos_ == "ADP" and t.is_lower and not ent.start <= t.head.i < ent.end
        ),
        None,
    )
    if cut is None or not all(t.is_title and t.pos_ == "PROPN" for t in doc[ent.start : cut.i]):
        return []
    name = doc[ent.start : cut.i]
    if name.root.head != before or name.root.dep_ != ("dobj" if leaving else "pobj"):
        return []

    def known(span) -> bool:
        found = _known(gazetteer, span.text, min_population=_MIN_POPULATION_INSIDE_NAMES)
        return found is not None and found.kind in ("city", "country")

    if not known(name):
        return []
    parts = [(name.start_char, name.end_char)]
    rest = doc[cut.i + 1 : ent.end]
    if (
        len(rest)
        and all(t.is_title and t.pos_ == "PROPN" for t in rest)
        and rest.root.head == cut
        and known(rest)
    ):
        parts.append((rest.start_char, rest.end_char))
    return parts


# What stands at a town ("the enrichment facility at Natanz", "a refinery in Ryazan").
_SITE_NOUNS = frozenset(
    {
        "facility", "site", "plant", "base", "airbase", "refinery", "reactor", "depot",
        "factory", "mine", "terminal", "complex", "shipyard",
    }
)  # fmt: skip


# Words of a title after the adjective of its country: "Sri Lankan Prime Minister".
_TITLE_WORDS = TITLES | {"prime", "foreign", "defence", "defense", "finance", "trade", "king"}


def _demonym_before_title(ent, demonyms: dict[str, str]) -> tuple[int, int, str, str] | None:
    """(start, end, source, target) of the country adjective a name of a title only opens
    ("Sri Lankan President", "South Korean Foreign Minister"), else None."""
    for stop in (2, 1):
        if len(ent) <= stop:
            continue
        target = demonyms.get(fold(ent[:stop].text))
        rest = ent[stop:]
        if target is not None and all(t.lower_.rstrip(".") in _TITLE_WORDS for t in rest):
            return ent[:stop].start_char, ent[:stop].end_char, "demonym", target
    return None


def _place_then_surname(ent, gazetteer: Gazetteer) -> tuple[int, int] | None:
    """The characters of the place a name tagged as one place starts with, when the rest of it
    is the surname of someone the article names in full ("From Manila Blinken will fly")."""
    if len(ent) < 2 or _known(gazetteer, ent.text, min_population=0, any_name=True) is not None:
        return None
    doc = ent.doc
    if ent.start > 0 and not doc[ent.start].is_sent_start and doc[ent.start - 1].pos_ != "ADP":
        return None  # "From Manila Blinken": the place opens the clause or follows its "from"
    # Someone named in full, first name and surname ("Antony Blinken"), not by a title alone
    # ("Beverly Lockhart … Ms Lockhart": her first name, not a town).
    people = [
        other
        for other in doc.ents
        if other.label_ == "PERSON"
        and 1 < len(other) <= 3
        and other[0].lower_.rstrip(".") not in TITLES
    ]
    if fold(ent[-1].text) not in {fold(other[-1].text) for other in people}:
        return None
    if any(fold(t.text) == fold(ent[0].text) for other in people for t in other):
        return None
    name = ent[:-1]
    found = _known(gazetteer, name.text, min_population=_MIN_POPULATION_INSIDE_NAMES)
    if found is None or found.kind not in ("city", "country"):
        return None
    return name.start_char, name.end_char


def _site_at(ent) -> bool:
    """Whether a one-word name follows "the facility at", "a refinery in" and the like."""
    doc = ent.doc
    return (
        ent.start >= 2
        and doc[ent.start - 1].lower_ in ("at", "in", "near")
        and doc[ent.start - 2].lemma_.lower() in _SITE_NOUNS
    )


# What a ship is called before its name: "the container ship Dali", "the tanker Eagle S".
_VESSEL_WORDS = frozenset(
    {
        "ship", "vessel", "tanker", "freighter", "carrier", "boat", "ferry", "yacht", "trawler",
        # warships, named after towns as often as not: "the cruiser Zunyi"
        "cruiser", "destroyer", "frigate", "corvette", "warship", "submarine", "icebreaker",
    }
)  # fmt: skip


def _named_vessel(ent) -> bool:
    """Whether a name is a ship's: "the Singapore-flagged Dali", "the container ship Dali"."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and (
        before.lower_.endswith("flagged") or before.lemma_.lower() in _VESSEL_WORDS
    )


def _of_a_place(ent) -> bool:
    """Whether a one-word name follows "the mayor of", "the outskirts of" and the like."""
    doc = ent.doc
    return (
        ent.start >= 2
        and doc[ent.start - 1].lower_ == "of"
        and doc[ent.start - 2].lower_ in _OF_PLACE_NOUNS
    )


def _taken_by_force(ent) -> bool:
    """Whether a one-word name is what a verb of capture takes ("captured Bakhmut"): its
    object, or the word right after it (the model may parse the name as anything there)."""
    verb = ent.root.head
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in _CAPTURING_VERBS
        and (ent.root.dep_ == "dobj" or ent.start == verb.i + 1)
    )


def _form_kind(text: str, start: int, end: int) -> str | None:
    """ "city", "region" or "island" when the words around a name say it is one, else None."""
    before = _KIND_BEFORE.search(text, max(0, start - 30), start) or _KINDS_LIST_BEFORE.search(
        text, max(0, start - 90), start
    )
    if before is not None:
        return next(kind for kind in ("city", "region", "island") if before.group(kind))
    if _CAPITAL_BEFORE.search(text, max(0, start - 40), start):
        return "city"
    after = _KIND_AFTER.match(text[end : end + 25])
    if after is not None:
        return "city" if after.group("city") else "region"
    apposition = _KIND_APPOSITION.match(text[end : end + 60])
    if apposition is not None:
        return "city" if apposition.group("city") else "region"
    return None


# "Yunnan province", "Kansas State": a division word after a region's own name.
_DIVISION_SUFFIX = re.compile(
    r"\s+(?:[Pp]rovince|[Ss]tate|[Rr]egion|[Oo]blast|[Pp]refecture|[Gg]overnorate|[Tt]erritory)$"
)
# The same in lower case, which only describes: "Marsabit county", "Hotan prefecture".
_LOWER_DIVISION_SUFFIX = re.compile(
    r"\s+(?:province|county|district|prefecture|governorate|region)$"
)
# Street names: one to three capitalised words or ordinals before a street word ("Orchard
# St.", "40th Avenue South"). An address is a place a reader may want on the map, even when
# the gazetteer cannot place it.
_STREET_WORDS = frozenset(
    {
        "street",
        "st.",
        "avenue",
        "ave.",
        "road",
        "rd.",
        "drive",
        "boulevard",
        "blvd.",
        "lane",
        "parkway",
        "pkwy.",
        "highway",
        "pike",
        "turnpike",
        "expressway",
        "freeway",
    }
)
_STREET_SUFFIXES = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northwest",
        "northeast",
        "southwest",
        "southeast",
        "n.w.",
        "n.e.",
        "s.w.",
        "s.e.",
        "nw",
        "ne",
        "sw",
        "se",
    }
)
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
# "W. Main St.", "N.E. 12th St.": an abbreviated direction opens the street's name.
_COMPASS_ABBREVIATION = re.compile(r"^(?:[NSEW]|[NS][EW]|[NS]\.[EW])\.?$")
# Words that may follow a street's name without making it part of a longer one.
_CALENDAR_WORDS = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    }
)
# Words that name a kind of place or a direction and, alone, are also the name of some town
# ("Center", "University", "North"): never a toponym on their own.
_GENERIC = frozenset(
    fold(word)
    for word in (
        "Center",
        "Centre",
        "University",
        "College",
        "School",
        "Police",
        "Hall",
        "Department",
        "Church",
        "Hospital",
        "Airport",
        "Station",
        "Park",
        "Street",
        "Road",
        "Avenue",
        "Union",
        "Metro",
        "Central",
        "National",
        "International",
        "Federal",
        "State",
        "City",
        "Town",
        "Village",
        "County",
        "Council",
        "Court",
        "Gulf",
        "Bay",
        "Lake",
        "River",
        "Mount",
        "Island",
        "Port",
        "Fort",
        "North",
        "South",
        "East",
        "West",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Northeast",
        "Northwest",
        "Southeast",
        "Southwest",
    )
)
# Ordinary English words that are also towns ("Mobile", "Reading"): a place when spaCy says
# so, never on the gazetteer's word alone.
_COMMON_WORDS = frozenset(
    fold(word)
    for word in (
        "Superior",
        "Man",
        "Gold",
        "Bell",
        "Dome",
        "Titan",
        "Miss",
        "Mission",
        "Home",
        "Media",
        "Energy",
        "Justice",
        "Liberty",
        "Independence",
        "Providence",
        "Victoria",
        "Sale",
        "Nice",
        "Reading",
        "Mobile",
        "Bath",
        "Split",
        "Wells",
        "Mass",
        "Wash",
        # US federal departments: "the Commerce Department" is no town of Commerce.
        "Commerce",
        "Defense",
        "Interior",
        "Labor",
        "Treasury",
        "Agriculture",
        "Education",
        "Transportation",
        # The Commonwealth of Nations and its Games, not Commonwealth, Quezon City.
        "Commonwealth",
        # Regions named by an everyday word, which organisations borrow: "UK Maritime Trade
        # Operations" (not Togo's Maritime), "the Capital Markets Authority", "the Littoral
        # Combat Ship".
        "Maritime",
        "Capital",
        "Littoral",
    )
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the text that names a place.

    ``hint`` pins the place when the recogniser already knows it (a demonym names its
    country); otherwise resolution picks among the gazetteer's candidates for ``text``.
    """

    start: int
    end: int
    text: str
    source: str  # which rule found it: "ner", "demonym", "relabelled", "inside", "gazetteer"
    hint: str | None = None
    # The name to look up when the text says less than it means: "Barrow" in "Barrow and
    # Jackson counties" is looked up as "Barrow County".
    lookup: str | None = None
    # The kind of place the words around the name say it is: "the city of Donetsk" is the
    # city, not the region of the same name; "the state of Georgia" is not the country.
    kind: str | None = None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the", a possessive and trailing punctuation from a span.

    An abbreviation keeps its final dot ("U.S.", "Fla.", "W.Va."), as news style writes it.
    """
    span = text[start:end]
    lead = _LEADING.match(span)
    if lead and end - start > lead.end():
        start += lead.end()
        span = text[start:end]
    while True:
        trail = _TRAILING.search(span)
        if not trail or trail.start() == 0:
            break
        if trail.group() == "." and (_ABBREVIATION.match(span) or _ABBREVIATED.search(span)):
            break
        end -= len(trail.group())
        span = text[start:end]
    return start, end


# "North Texas", "West Philadelphia": a compass word before a state or a city big enough to
# have quarters. Before a small town it is part of another place's name ("East Bank" is not
# the Indian town of Bank).
_COMPASS_CORE_POPULATION = 100_000


def _is_area(entry: GazetteerEntry) -> bool:
    """A country, continent, state or sea: a name no company or person borrows unnoticed."""
    return entry.kind in ("country", "continent", "sea") or entry.feature_code == "ADM1"


def _land_named(gazetteer: Gazetteer, name: str) -> bool:
    """Whether *name* is the name of a land of geodata/lands.tsv or a world region (not an
    island, whose name people bear too: "Rhodes")."""
    return any(
        entry.id.startswith(_LAND_ID_PREFIX) and entry.feature_code == "RGN"
        for entry in gazetteer.search(name, limit=3)
    )


def _compass_core(gazetteer: Gazetteer, name: str) -> bool:
    """Whether a compass word before *name* is a part of it ("North Texas") rather than of a
    longer name ("East Bank")."""
    return any(
        _is_area(entry) or entry.population >= _COMPASS_CORE_POPULATION
        for entry in gazetteer.search(name, limit=3)
    )


def _known(
    gazetteer: Gazetteer,
    name: str,
    *,
    min_population: int,
    areas_only: bool = False,
    any_name: bool = False,
) -> GazetteerEntry | None:
    """The best gazetteer entry for *name* that is prominent enough, if any.

    *any_name*: the words around the name already say it is a place ("the port of
    Hodeidah"), so one of a town's other names is as good as its own."""
    # (An everyday word is a place when the words around it say so: "the Littoral region",
    # "the city of Mobile".)
    if fold(name) in _GENERIC or (fold(name) in _COMMON_WORDS and not any_name):
        return None
    key = fold(name)
    # A one-word name that is only another spelling of a town ("Hamas" for Hamm, in some
    # language) is far more often something else; the town's own name, an abbreviation
    # ("L.A.") or a longer name ("Santa Rosa") is real evidence.
    own_name_needed = " " not in key and "." not in name and not any_name
    for entry in gazetteer.search(name, limit=5):
        if _is_area(entry):
            return entry
        if (
            not areas_only
            and entry.population >= min_population
            and (not own_name_needed or _close_spelling(key, entry))
            and ("." in name or _spelling_of(key, entry))  # "L.A.": an abbreviation
        ):
            return entry
    return None


def _close_spelling(key: str, entry: GazetteerEntry) -> bool:
    """Whether a one-word name is the entry's own or a transliteration of it: long names
    only, since a letter apart, short ones are other words ("Soul", "Trent", "Gaz")."""
    own = fold(entry.name)
    if own == key:
        return True
    return (
        len(key) >= _CLOSE_SPELLING_MIN_LETTERS
        and difflib.SequenceMatcher(None, own, key).ratio() >= _CLOSE_SPELLING
    )


def _spelling_of(key: str, entry: GazetteerEntry) -> bool:
    """Whether *key* is the entry's name or a spelling of it ("Ft. Worth", "New Delhi"), not a
    translation GeoNames lists among its other names ("White House" for Casablanca)."""
    own = fold(entry.name)
    return own == key or difflib.SequenceMatcher(None, own, key).ratio() >= _SPELLING_RATIO


def _world_region(span: str, gazetteer: Gazetteer) -> str | None:
    """The continent of "West Africa", "Eastern Europe", "Southeast Asia", else None.

    A compass word before a continent names a world region of its own, kept whole; it is
    placed on its continent, the nearest place the gazetteer has. (A compass word before a
    state or city, "North Texas", is narrowed to the state instead: see _narrow.)
    """
    compass = _COMPASS.match(span)
    if not compass or gazetteer.search(span, limit=1):
        return None
    for entry in gazetteer.search(span[compass.end() :], limit=1):
        if entry.kind == "continent":
            return entry.id
    return None


def _city_is_no_name(text: str, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """Whether the "City" ending the span is not part of the place's name: "Dublin City" is
    Dublin, and the "City" of "Springfield City Council" is the council's, though GeoNames
    lists "Springfield City" for one Springfield. "Oklahoma City" and "Gaza City" keep it."""
    span = text[start:end]
    suffix = _CITY_SUFFIX.search(span)
    if not suffix:
        return False
    core = gazetteer.search(span[: suffix.start()], limit=1)
    if not core:
        return False
    full = gazetteer.search(span, limit=1)
    return (
        not full
        or full[0].id == core[0].id
        or (_COUNCIL_AFTER.match(text, end) is not None and not _CITY_SUFFIX.search(full[0].name))
    )


def _council_lookup(text: str, start: int, end: int, gazetteer: Gazetteer) -> str | None:
    """The fuller name to look up a town by when its "City" was cut as the council's: the
    "Springfield City" GeoNames lists for one Springfield still says which, unless the
    article names its Springfield otherwise (see _one_town_per_name)."""
    span = text[start:end]
    suffix = _CITY_SUFFIX.search(span)
    if not suffix or _COUNCIL_AFTER.match(text, end) is None:
        return None
    full = gazetteer.search(span, limit=1)
    core = gazetteer.search(span[: suffix.start()], limit=1)
    return span if full and core and full[0].id != core[0].id else None


def _one_town_per_name(mentions: list[Mention]) -> list[Mention]:
    """ "SPRINGFIELD, Ill. — The Springfield City Council": a town the article also names
    bare is that town, whatever a fuller name would look up (one sense per discourse)."""
    bare = {fold(m.text) for m in mentions if m.lookup is None}
    return [
        replace(m, lookup=None)
        if m.lookup is not None and _CITY_SUFFIX.search(m.lookup) and fold(m.text) in bare
        else m
        for m in mentions
    ]


def _narrow(
    text: str, start: int, end: int, gazetteer: Gazetteer, *, partial: bool = False
) -> tuple[int, int]:
    """ "North Texas" -> "Texas", "Dublin City" -> "Dublin", "Yunnan province" -> "Yunnan"
    when only the core is a place.

    "City" is dropped when it does not change the place ("Dublin City" is Dublin) but kept
    when it does ("Oklahoma City" is not Oklahoma). With *partial* (the span is a place
    entity of spaCy's), an unknown span is cut to its longest known leading words.
    """
    span = text[start:end]
    full = gazetteer.search(span, limit=1)
    suffix = _CITY_SUFFIX.search(span)
    if suffix and _city_is_no_name(text, start, end, gazetteer):
        return start, start + suffix.start()
    if full:
        return start, end
    division = _DIVISION_SUFFIX.search(span)
    if (
        division
        and any(
            _is_area(entry) or entry.kind == "region"  # "Pampanga province", a district
            for entry in gazetteer.search(span[: division.start()], limit=3)
        )
    ):
        return start, start + division.start()
    division = _LOWER_DIVISION_SUFFIX.search(span)
    if division and any(
        entry.kind == "city" and _country_named(text, entry, gazetteer)
        for entry in gazetteer.search(span[: division.start()], limit=3)
    ):
        # "Marsabit county", where the gazetteer lacks the county: the town it is named
        # after, and governed from, stands in for it — when the article names the town's
        # country ("Nyanza province" of a story from Kenya is no town in Rwanda).
        return start, start + division.start()
    compass = _COMPASS.match(span)
    if compass and _compass_core(gazetteer, span[compass.end() :]):
        return start + compass.end(), end
    if partial:
        # spaCy's place entity sometimes runs on into an institution the place names:
        # "Marlow County Jail", "East Fairview Police". The longest leading run of
        # words the gazetteer knows, before a word naming an institution, is the place.
        words = list(_WORD.finditer(span))
        for n in range(len(words) - 1, 0, -1):
            rest = {word.group().lower() for word in words[n:]}
            if not rest & _INSTITUTION_WORDS:
                continue  # "Colorado River", "Lincoln Park": the whole span is the place
            head = span[: words[n - 1].end()]
            key = fold(head)
            if key in _GENERIC or key in _COMMON_WORDS:
                continue
            if gazetteer.search(head, limit=1):
                return start, start + words[n - 1].end()
    return start, end


def _division_abroad(text: str, mention: Mention, gazetteer: Gazetteer) -> bool:
    """Whether a name told as a province ("near Astorga in Leon province") is a division
    only of countries the article never names (Nicaragua's León), while a town of the name
    lies in one it does (Spain's León, whose province the gazetteer lacks): the town stands
    in for its province."""
    entries = gazetteer.search(mention.lookup or mention.text, limit=5)
    regions = [e for e in entries if e.kind == "region"]
    return (
        bool(regions)
        and not any(_country_named(text, e, gazetteer) for e in regions)
        and any(e.kind == "city" and _country_named(text, e, gazetteer) for e in entries)
    )


def _country_named(text: str, entry: GazetteerEntry, gazetteer: Gazetteer) -> bool:
    """Whether *text* names the country *entry* lies in, by its name or another of its names."""
    country = gazetteer.country(entry.country_code) if entry.country_code else None
    if country is None:
        return False
    return any(
        re.search(r"\b" + re.escape(name) + r"\b", text)
        for name in (country.name, *country.alt_names)
        if len(name) > 3
    )


def _person_names(doc) -> tuple[set[str], set[str]]:
    """Folded words this article uses as people's names, judged by grammar, not the gazetteer.

    A name right after a title ("coach Hale", "President Obama") or the proper-noun subject
    of a verb of saying ("Nelson said") is a person; by one sense per discourse, so is every
    other use of that word in the article ("Hale's account"). Returns the titled names and
    the speaking ones.
    """
    names: set[str] = set()
    speakers: set[str] = set()
    for token in doc:
        if token.lower_.rstrip(".") in TITLES:
            for follower in doc[token.i + 1 : token.i + 4]:
                if not (follower.text[:1].isupper() and follower.is_alpha):
                    break
                if follower.ent_type_ in _INSTITUTION_LABELS:
                    break  # "Chief Marlow Circuit Judge": a title before a court's name
                names.add(fold(follower.text))
        elif (
            token.lower_ == "administration"
            and token.i > 0
            and doc[token.i - 1].pos_ == "PROPN"
            and doc[token.i - 1].ent_type_ in ("PERSON", "")
        ):
            names.add(fold(doc[token.i - 1].text))  # "the Obama administration"
        elif (
            token.dep_ in ("nsubj", "nsubjpass")
            and token.pos_ == "PROPN"
            and token.ent_type_ in _SPEAKER_TYPES
            and token.head.lemma_ in _REPORTING_VERBS
            # "a Mapleford resident said": the speaker is the resident, Mapleford a town.
            and token.lower_ not in _RESIDENT_WORDS
        ):
            speakers.add(fold(token.text))
            speakers.update(
                fold(child.text)
                for child in token.children
                if child.dep_ == "compound"
                and child.ent_type_ in ("PERSON", "")
                and not _before_institution(child)  # "Mapleford Fire Chief Ann Reed said"
            )
    return names, speakers


# Words that name a storm with the word after them ("Hurricane Milton", "Typhoon Haiyan",
# "Tropical Storm Alberto", "Storm Ciarán").
_STORM_WORDS = frozenset({"hurricane", "typhoon", "cyclone", "storm"})


def _storm_names(doc) -> set[str]:
    """Folded names this article gives to storms, which are then never places in it.

    Storms take people's names, and some of those are towns ("Milton", "Florence"): once the
    article says "Hurricane Milton", a bare "Milton arrives" later is the storm too (one sense
    per discourse), however big a town of that name the gazetteer holds.
    """
    names: set[str] = set()
    for token in doc[:-1]:
        if token.lower_ not in _STORM_WORDS or not token.text[:1].isupper():
            continue
        name = doc[token.i + 1]
        if name.is_alpha and name.text[:1].isupper() and name.lower_ not in _CALENDAR_WORDS:
            names.add(fold(name.text))
    return names


def _before_institution(token) -> bool:
    """Whether the next word names an institution or a title: the word is its town."""
    doc = token.doc
    if token.i + 1 >= len(doc):
        return False
    after = doc[token.i + 1].lower_
    return after in _MUNICIPAL_WORDS or after in _INSTITUTION_WORDS or after in TITLES


def _names_institution(ent) -> bool:
    """Whether a word after the first names an institution ("Mapleford Police", "Fire")."""
    return any(t.lower_ in _MUNICIPAL_WORDS or t.lower_ in _INSTITUTION_WORDS for t in ent[1:])


def _resident_names(doc) -> set[str]:
    """Folded one-word names this article puts before a word for people ("Mapleford residents")."""
    return {
        fold(token.text)
        for token in doc[:-1]
        if token.is_alpha
        and token.text[:1].isupper()
        and not token.is_stop
        and doc[token.i + 1].lower_ in _RESIDENT_WORDS
    }


def _extend(text: str, doc, mention: Mention, gazetteer: Gazetteer) -> Mention:
    """The longest name the gazetteer knows that contains *mention* (longest match).

    spaCy and the rules above often catch only part of a longer place name: "Congo" of
    "Democratic Republic of the Congo", "Iowa" of "Iowa City", "Rosa" of "Santa Rosa",
    "Marlow" of "Marlow County". Neighbouring capitalised words (and the connectors
    of place names: of, the, and, do, de, a hyphen) are taken in when the longer name is a
    place. A sentence-final abbreviation keeps its dot ("Calif.", "W.Va.").
    """
    if mention.hint is not None or mention.source in PLACES_BY_FORM:
        return mention
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return mention
    best: tuple[int, int] | None = None
    # (Not bounded by the parser's sentences: it may end one inside a name, "… as Rio
    # Grande | do Sul swamped"; a full stop or a line break ends the name anyway.)
    sentence = doc[:]
    for i in range(span.start, max(sentence.start, span.start - _MAX_EXTENSION) - 1, -1):
        if not _name_edge(doc[i]) or not all(_name_inside(t) for t in doc[i : span.start]):
            continue
        if (
            i < span.start
            and all(
                fold(t.text) in _GENERIC or t.lower_ in _NAME_CONNECTORS
                for t in doc[i : span.start]
            )
            and not (
                any(t.lower_ in _NAME_CONNECTORS for t in doc[i : span.start])
                and _town_so_named(gazetteer, doc[i : span.end].text)
            )
        ):
            continue  # "City of Richmond" is Richmond; "Port of Spain" is a town
        for j in range(min(sentence.end, span.end + _MAX_EXTENSION), span.end - 1, -1):
            if (i, j) == (span.start, span.end) or not _name_edge(doc[j - 1]):
                continue
            if not all(_name_inside(t) for t in doc[span.end : j]):
                continue
            start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
            if best is not None and end - start <= best[1] - best[0]:
                continue
            found = gazetteer.search(text[start:end], limit=1)
            if not found:
                continue
            if _city_is_no_name(text, start, end, gazetteer):
                continue  # "Dublin City" is Dublin: _narrow drops such a "City" again
            best = (start, end)
    start, end = best if best is not None else (mention.start, mention.end)
    if text[end : end + 1] == "." and text[end + 1 : end + 2] in ("", " ", "\n"):
        core = text[start:end]
        top = gazetteer.search(core, limit=1)
        if _DOTTED_END.search(core) or (
            top
            and len(core) <= 5
            and core[1:].islower()
            and len(core) + 3 <= len(top[0].name)
            and fold(top[0].name).startswith(fold(core))
            and fold(top[0].name)[len(fold(core))].isalpha()  # "Anhui" of "Anhui Sheng": whole
        ):
            end += 1  # "U.S." or "Calif." at the end of a sentence
    if (start, end) == (mention.start, mention.end):
        return mention
    return Mention(start, end, text[start:end], mention.source, mention.hint)


def _town_so_named(gazetteer: Gazetteer, name: str) -> bool:
    """A town whose own name (not a variant) is the whole phrase: "Port of Spain", whose
    generic head would otherwise be shed like the "City of" of "City of Richmond". (Only
    with its "of": "North Arlington Neighbors" is an Arlington group's, not a town's.)"""
    return any(
        entry.kind == "city" and fold(entry.name) == fold(name)
        for entry in gazetteer.search(name, kinds=("city",), limit=3)
    )


def _named_so(gazetteer: Gazetteer, name: str) -> bool:
    """Whether a place bears *name* as its own name, not only among its variants."""
    return any(fold(entry.name) == fold(name) for entry in gazetteer.search(name, limit=5))


def _name_edge(token) -> bool:
    """A token that can begin or end a place name: a capitalised word, not "The"."""
    return token.text[:1].isupper() and not token.is_punct and not token.is_stop


def _name_inside(token) -> bool:
    """A token that can sit inside a place name."""
    return _name_edge(token) or token.lower_ in _NAME_CONNECTORS


def _article_head(text: str, doc, mention: Mention, gazetteer: Gazetteer) -> bool:
    """Whether a town-like name found by a weak rule is "the X" heading its own phrase.

    English gives towns no article: "the White House", "the Woodlands", "the Duma" are a
    building, an estate, a parliament. A town name after "the" is still a place when it
    modifies a noun ("the Gainesville police", "the Athens area"), when spaCy itself tagged
    it a place, or when a place of that name takes the article (the Hague, the Philippines).
    """
    if mention.source not in _WEAK_SOURCES:
        return False
    if text[max(0, mention.start - 4) : mention.start].lower() != "the ":
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is not None and span.end < len(doc):
        following = doc[span.end]
        if following.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or following.text in ("-", "–"):
            return False  # "the Athens area", "the Columbia-based firm"
    for entry in gazetteer.search(mention.text, limit=5):
        if entry.kind != "city" or fold(entry.name).startswith("the "):
            return False
    return True


def _name_before_day(ent) -> int | None:
    """Where the name ends in a date entity the model made of a name, or ran one into
    ("Turbat on Monday"): one or two title-case proper nouns, then "on" and a weekday."""
    doc = ent.doc
    for end in range(ent.start + 1, min(ent.start + 3, ent.end + 1)):
        words = doc[ent.start : end]
        if not all(t.is_title and t.pos_ == "PROPN" for t in words):
            return None
        if any(fold(t.text) in _CALENDAR_WORDS for t in words):
            return None
        if (
            end + 1 < len(doc)
            and doc[end].lower_ == "on"
            and fold(doc[end + 1].text) in _CALENDAR_WORDS
            and end + 2 >= ent.end
        ):
            return end
    return None


def _prominent(gazetteer: Gazetteer, name: str) -> bool:
    """A country, a capital, or a city or state of a million: it can speak for its government.

    ("Moscow said", "Texas says"); a small region or town that "said" something is far more
    often a person of that name.
    """
    for entry in gazetteer.search(name, limit=1):
        return (
            entry.kind in ("country", "continent")
            or entry.feature_code == "PPLC"
            or entry.population >= _PROMINENT_POPULATION
        )
    return False


def _great_city(gazetteer: Gazetteer, ent) -> bool:
    """Whether a name of several words the model took for a person's is, word for word, a
    national capital's or a city of a million's ("Port Moresby", "Addis Ababa"): no one is
    called that."""
    if len(ent) < 2:
        return False
    key = fold(ent.text)
    return any(
        fold(entry.name) == key
        and entry.kind == "city"
        and (entry.feature_code == "PPLC" or entry.population >= _PROMINENT_POPULATION)
        for entry in gazetteer.search(ent.text, limit=3)
    )


def _focus_regions(mentions: list[Mention], gazetteer: Gazetteer) -> frozenset[str]:
    """First-level regions (states, provinces) the article's place names point to.

    Each distinct name splits one vote among the regions of its likely senses (its top
    candidates); a state named outright gives its own region a full vote. A region is the
    article's focus once it holds :data:`_FOCUS_VOTES` votes: a state named outright, a
    name found in that region only, or several ambiguous names that agree on it.
    """
    votes: dict[str, float] = {}
    seen: set[str] = set()
    for mention in mentions:
        key = fold(mention.text)
        if mention.hint is not None or mention.source == "street" or key in seen:
            continue
        seen.add(key)
        regions = set()
        for entry in gazetteer.search(mention.text, limit=_FOCUS_CANDIDATES):
            if entry.feature_code == "ADM1":
                regions.add(entry.id)
            elif entry.admin1:
                regions.add(entry.admin1)
        for region in regions:
            votes[region] = votes.get(region, 0.0) + 1.0 / len(regions)
    return frozenset(region for region, vote in votes.items() if vote >= _FOCUS_VOTES)


def _title_case(tokens) -> bool:
    first, last = tokens[0].text, tokens[-1].text
    if not (first[:1].isupper() and last[:1].isupper()):
        return False
    return all(t.text[:1].isupper() or t.text in ("of", "de", "-", "upon") for t in tokens)


def _country_code(tokens, gazetteer: Gazetteer) -> bool:
    """ "UAE", "DRC": a country's capital-letter short name, which the model often leaves
    untagged.

    Short words are otherwise too easily acronyms to look up; a country's own code is not,
    unless the text around it is in capitals too (a headline) or it starts a compound
    ("CAR-T cells").
    """
    if len(tokens) != 1:
        return False
    token = tokens[0]
    text = token.text
    if not (2 <= len(text) <= 3 and text.isalpha() and text.isupper()):
        return False
    doc = token.doc
    if token.i + 1 < len(doc) and doc[token.i + 1].text in ("-", "/"):
        return False
    neighbours = [doc[i].text for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    if neighbours and all(word.isupper() for word in neighbours if word.isalpha()):
        return False
    entries = gazetteer.search(text, limit=1)
    return bool(entries) and entries[0].kind == "country"


def _opening_other_name(ent, gazetteer: Gazetteer) -> bool:
    """ "Tsunami warnings were issued": a word capitalised only because it opens the
    sentence, that the model calls a place because it looks like one, and that the
    gazetteer knows only as another name of a small town (GeoNames lists "Tsunami" for
    Tsuha, Okinawa). A place's own name, or a city's other name ("Bombay"), stays a place."""
    if len(ent) != 1 or not ent[0].is_sent_start:
        return False
    key = fold(ent.text)
    entries = gazetteer.search(ent.text, limit=5)
    return bool(entries) and all(
        entry.kind == "city"
        and entry.population < _MIN_POPULATION_OUTSIDE_ENTITIES
        and not _close_spelling(key, entry)
        for entry in entries
    )


def _stop_word(token) -> bool:
    """A function word, but not an abbreviation that spells like one: "US" is not "us".

    spaCy's stop list is case-blind. Capitals in mixed-case text are an abbreviation; in an
    all-capitals headline they say nothing, and the word stays a stop word.
    """
    if not token.is_stop:
        return False
    text = token.text
    if len(text) < 2 or not text.isupper():
        return True
    doc = token.doc
    neighbours = [doc[i].text for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return not any(not word.isupper() for word in neighbours if word.isalpha())


def _scan(doc, start: int, end: int, accept) -> list[tuple[int, int]]:
    """Longest-first, non-overlapping title-case n-grams in tokens[start:end] that *accept*."""
    found: list[tuple[int, int]] = []
    i = start
    while i < end:
        hit = None
        for n in range(min(_MAX_NGRAM, end - i), 0, -1):
            tokens = doc[i : i + n]
            if _title_case(tokens) and not (n == 1 and _stop_word(tokens[0])) and accept(tokens):
                hit = (i, i + n)
                break
        if hit:
            found.append(hit)
            i = hit[1]
        else:
            i += 1
    return found


# Words before a city in a sports club's name ("Real Madrid", "AC Milan", "Club America").
_CLUB_WORDS = frozenset(
    {
        "real", "ac", "fc", "cf", "sc", "afc", "club", "inter", "athletic", "atletico",
        "sporting", "dynamo", "dinamo", "olympique", "lokomotiv", "spartak", "cska", "rapid",
    }
)  # fmt: skip


def _listed_with_organisations(ent, gazetteer: Gazetteer) -> bool:
    """ "BHP, Rio Tinto and Fortescue operate mines": a name the model calls a place, listed
    only with organisations, is one of them unless it names a country, a region or a big
    city (a town that shares a company's name is no evidence)."""
    others = [t for t in ent.root.conjuncts if not ent.start <= t.i < ent.end]
    if not others or any(t.ent_type_ != "ORG" for t in others):
        return False
    return _known(gazetteer, ent.text, min_population=_MIN_POPULATION_ORG_HEAD) is None


def _branch_place(
    doc, ent, head: int, taken: list[tuple[int, int]], gazetteer: Gazetteer, people: set[str]
) -> tuple[int, int] | None:
    """Tokens of a prominent place ending an organisation's name: "Costco Canada", "CBC
    Toronto", "Environment Canada", "Air Berlin".

    Companies, broadcasters and agencies name a national or city branch by putting the place
    last. Only a prominent place (a country, a continent, a city or region of a million) is
    taken: a small town's name at the end of an organisation's is as often a person's
    ("Goldman Sachs") or a word ("Blue Cross").
    """
    end = ent.end
    while end > head and (doc[end - 1].is_punct or doc[end - 1].text in ("'s", "’s")):
        end -= 1
    for start in range(max(head + 1, end - 3), end):
        tokens = doc[start:end]
        before = doc[start - 1]
        if any(a < end and start < b for a, b in taken):
            return None
        if not _title_case(tokens) or not (before.text[:1].isupper() or before.text == "!"):
            continue
        if fold(tokens.text) in people or fold(tokens.text) in _COMMON_WORDS:
            continue
        if fold(before.text) in _CLUB_WORDS:
            return None  # "Real Madrid", "AC Milan": a sports club, not its city's branch
        for entry in gazetteer.search(tokens.text, limit=1):
            if len(tokens.text) <= 2 and entry.kind != "country":
                return None  # "Metix MD": a managing director, not Maryland
            if entry.kind in ("country", "continent") or entry.feature_code == "RGN":
                return start, end
            if entry.population >= _PROMINENT_POPULATION:
                return start, end  # not any capital: "McDonnell Douglas"
    return None


def _char_span(doc, i: int, j: int) -> tuple[int, int]:
    return doc[i].idx, doc[j - 1].idx + len(doc[j - 1])


def _streets(doc) -> list[tuple[int, int]]:
    """Token spans of named streets: "Orchard St.", "North Elmore Street", "40th Avenue South".

    The name is one to three capitalised words or ordinals in the same sentence; a leading
    "the" or stop word ends it. "St." followed by a capitalised word is "Saint" ("St. Louis"),
    and numbered routes ("Highway 12", "County Road 43") are left alone: news writes the same
    words for the road and for the county or route system around it.
    """
    found: list[tuple[int, int]] = []
    last_end = 0
    for token in doc:
        word = token.lower_
        if word not in _STREET_WORDS or not token.text[:1].isupper() or token.i < last_end:
            continue
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if (
            following is not None
            and (
                following.like_num  # a numbered route
                or (
                    # "St. Louis" is Saint Louis; "Quarry Road Elementary School", "Florida Highway
                    # Patrol" are longer names that a street or state only begins.
                    following.text[:1].isupper()
                    and following.is_alpha
                    and following.lower_ not in _STREET_SUFFIXES
                    and following.lower_ not in _CALENDAR_WORDS
                )
            )
        ):
            continue
        if token.i > 0 and doc[token.i - 1].lower_ == "county":
            continue
        start = token.i
        sentence_start = token.sent.start if doc.has_annotation("SENT_START") else 0
        while start > max(sentence_start, last_end) and token.i - start < 3:
            previous = doc[start - 1]
            name_like = (previous.text[:1].isupper() and previous.is_alpha) or bool(
                _ORDINAL.match(previous.text)
            )
            if _COMPASS_ABBREVIATION.match(previous.text) and start < token.i:
                start -= 1
                break
            if not name_like or previous.is_stop or previous.lower_ in _STREET_WORDS:
                break
            start -= 1
        if start == token.i:
            continue
        end = token.i + 1
        if (
            following is not None
            and following.lower_ in _STREET_SUFFIXES
            and following.text[:1].isupper()
        ):
            end += 1
        found.append((start, end))
        last_end = end
    return found


def _towns_by_area(
    text: str, doc, gazetteer: Gazetteer
) -> list[tuple[tuple[int, int], tuple[int, int] | None]]:
    """Spans of "Town, State" towns with their state's span, found by form and the gazetteer.

    The words before the comma (up to three capitalised ones, longest first) must name a
    town or county that the gazetteer puts in the state or country after it; words of a
    person's full name ("Ann Reed, Ohio") are never taken.
    """
    ends = {token.idx + len(token): token.i for token in doc}
    full_names = {t.i for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
    found: list[tuple[tuple[int, int], tuple[int, int] | None]] = []
    for match in _QUALIFIER.finditer(text):
        last = ends.get(match.start())
        if last is None:
            continue
        area_text, area_span = match.group(1), match.span(1)
        if _NAME_GOES_ON.match(text, match.end()):
            continue  # "Santa Maria, Davao del Sur": the state's name is longer than that
        areas = [a for a in gazetteer.search(area_text, limit=5) if _is_area(a)]
        if not areas and " " in area_text:  # ", Ohio Democrat": the state is the first word
            area_text = area_text.split(" ")[0]
            area_span = (area_span[0], area_span[0] + len(area_text))
            areas = [a for a in gazetteer.search(area_text, limit=5) if _is_area(a)]
        if not areas:
            continue
        first = last
        while (
            first > 0
            and last - first < 2
            and doc[first - 1].is_alpha
            and doc[first - 1].text[:1].isupper()
            and not doc[first - 1].is_sent_end
        ):
            first -= 1
        for i in range(first, last + 1):
            tokens = doc[i : last + 1]
            if not (tokens[0].is_alpha and tokens[0].text[:1].isupper()):
                continue
            if tokens[0].ent_iob_ == "I":
                continue  # the tail of a longer name: "Mexico" of "New Mexico, New York"
            if any(t.i in full_names for t in tokens):
                continue  # part of a person's full name
            key = fold(tokens.text)
            if key in _GENERIC or key in _COMMON_WORDS or key in DATELINE_WORDS:
                continue
            if _town_in(gazetteer, tokens.text, areas):
                found.append(
                    ((tokens.start_char, tokens.end_char), _area_span(doc, area_span, areas))
                )
                break
    return found


def _area_span(doc, span: tuple[int, int], areas: list[GazetteerEntry]) -> tuple[int, int] | None:
    """The state's own span: "Ohio." is "Ohio" and a full stop, "Fla." an abbreviation. None
    if the words run on ("KY--(Wire") or begin a longer name the model found."""
    start, end = span
    if doc.text[start:end].endswith(".") and any(
        fold(doc.text[start : end - 1]) == fold(area.name) for area in areas
    ):
        end -= 1
    tokens = doc.char_span(start, end, alignment_mode="expand")
    if tokens is None or tokens.start_char != start or tokens.end_char != end:
        return None
    for ent in doc.ents:
        overlaps = ent.start < tokens.end and tokens.start < ent.end
        if overlaps and (ent.start_char < start or ent.end_char > end):
            return None
    return start, end


def _town_in(gazetteer: Gazetteer, name: str, areas: list[GazetteerEntry]) -> bool:
    for entry in gazetteer.search(name, limit=10):
        if entry.kind == "city" or entry.feature_code == "ADM2":
            for area in areas:
                if entry.admin1 == area.id or (
                    area.kind == "country" and entry.country_code == area.country_code
                ):
                    return True
    return False


def _named_venue(ent, gazetteer: Gazetteer) -> bool:
    """A building named after a person, whose first name is a town's: "the Santiago
    Bernabeu" (a stadium), told by spaCy as a facility of two names after "the", the second
    no word for what it is ("the Brooklyn Bridge" is in Brooklyn) nor part of a town's own
    name ("Madison Heights")."""
    doc = ent.doc
    the = ent[0].lower_ == "the" or (ent.start > 0 and doc[ent.start - 1].lower_ == "the")
    words = [t for t in ent if t.lower_ != "the"]
    return (
        the
        and ent.label_ == "FAC"
        and len(words) == 2
        and all(t.pos_ == "PROPN" and t.is_title for t in words)
        and words[-1].lower_ not in _FACILITY_WORDS
        and not gazetteer.search(f"{words[0].text} {words[1].text}", limit=1)
    )


# Words that end the name of a meeting, which may be named after a hotel or a hill rather
# than its town ("the Shangri-La Dialogue", "the Raisina Dialogue").
_GATHERING_WORDS = frozenset(
    {"dialogue", "forum", "summit", "conference", "congress", "talks", "meeting", "symposium"}
)


def _gathering_held_elsewhere(ent, name: str, gazetteer: Gazetteer) -> bool:
    """Whether a meeting's name holds *name* though the article says it is held in a place
    no town so named lies in: "the Shangri-La Dialogue security forum in Singapore" (a
    hotel's name, not the Chinese city's); "the Davos forum in Switzerland" keeps Davos."""
    doc = ent.doc
    if not any(t.lower_ in _GATHERING_WORDS for t in ent):
        return False
    after = ent.end
    while after < len(doc) and doc[after].lower_ in _GATHERING_WORDS | {"security", "economic"}:
        after += 1  # "the Shangri-La Dialogue security forum in Singapore"
    if after + 1 < len(doc) and doc[after].lower_ == "in":
        held = doc[after + 1]
    else:
        # "… to Singapore, where he will speak at the Shangri-La Dialogue": held where the
        # relative clause it is told in is.
        clause = next(
            (
                a
                for a in ent.root.ancestors
                if a.dep_ == "relcl" and any(c.lower_ == "where" for c in a.children)
            ),
            None,
        )
        if clause is None or not clause.head.ent_type_:
            return False
        held = clause.head
        while held.i > 0 and held.ent_iob_ == "I":
            held = doc[held.i - 1]
    end = held.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    where = {e.country_code for e in gazetteer.search(doc[held.i : end].text, limit=5)}
    named = {e.country_code for e in gazetteer.search(name, limit=5)}
    return bool(where) and bool(named) and not where & named


def _fire_named_otherwise(ent, name: str, gazetteer: Gazetteer) -> bool:
    """Whether a wildfire's name ("the Palisades Fire") holds *name* only as another
    spelling of a town's: fires are named after the canyon or neighbourhood they start in,
    so a town elsewhere that merely lists the word among its names (Palisade, Colorado) is
    not where it burns."""
    if ent[-1].text not in ("Fire", "Complex"):
        return False
    return not any(fold(e.name) == fold(name) for e in gazetteer.search(name, limit=5))


def _division_lists(doc) -> list[tuple[int, int, str]]:
    """Token spans and lookup names of the counties in "Barrow, Jackson and Madison counties".

    Walking back from the plural, a name is one or two capitalised proper nouns, names are
    joined by commas, "and" or "or", and anything else ends the list; a list of one
    ("Madison counties") is not taken.
    """
    found: list[tuple[int, int, str]] = []
    for token in doc:
        division = _DIVISION_PLURALS.get(token.text)
        if division is None:
            continue
        names: list[tuple[int, int]] = []
        i = token.i
        while i > 0:
            end = i
            while i > 0 and end - i < 2 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].is_title:
                i -= 1
            if i == end:
                break
            names.append((i, end))
            if i == 0 or doc[i - 1].lower_ not in _LIST_WORDS:
                break
            i -= 1
            if doc[i].text == "," and i > 0 and doc[i - 1].lower_ in ("and", "or"):
                i -= 1  # "Douglas, Lancaster, and Sarpy"
            if i > 0 and doc[i - 1].lower_ in _LIST_WORDS:
                i -= 1  # ", and"
        if token.lower_ == "states" and any(
            doc[a:b].text.lower() in _STATE_GROUPS for a, b in names
        ):
            continue
        if len(names) >= 2:
            found.extend((a, b, f"{doc[a:b].text}{division}") for a, b in names)
    return found


_LIST_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _place_list(ent, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Character spans of the parts of an entity that is only a list of well-known places
    ("Kharkiv and Odesa"), or nothing when any part is not one."""
    text = ent.text
    if _LIST_SPLIT.search(text) is None:
        return []
    spans = []
    start = 0
    for separator in [*_LIST_SPLIT.finditer(text), None]:
        end = separator.start() if separator else len(text)
        part = text[start:end]
        if not part or _known(gazetteer, part, min_population=_MIN_POPULATION_ORG_HEAD) is None:
            return []
        spans.append((ent.start_char + start, ent.start_char + end))
        start = separator.end() if separator else end
    return spans


def _joined_names(doc, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Token spans of country names joined by "and" that the model split in two ("Trinidad"
    a place, "Tobago" an organisation): the whole is one country, not two mentions.

    Only a country the gazetteer knows by the whole phrase counts, so a list of two places
    ("Kharkiv and Odesa") stays two.
    """
    found: list[tuple[int, int]] = []
    for token in doc:
        if token.lower_ != "and" or not 0 < token.i < len(doc) - 1:
            continue
        if found and found[-1][1] > token.i:
            continue
        best = None
        for left in range(1, 4):
            i = token.i - left
            if i < 0 or not doc[i].text[:1].isupper():
                break
            for right in range(1, 5):
                j = token.i + 1 + right
                if j > len(doc) or not doc[j - 1].text[:1].isupper():
                    if j <= len(doc) and doc[j - 1].lower_ == "the":
                        continue  # "Saint Vincent and the Grenadines"
                    break
                entry = _known(gazetteer, doc[i:j].text, min_population=10**12, areas_only=True)
                if entry is not None and entry.kind == "country":
                    best = (i, j)
        if best is not None:
            found.append(best)
    return found


def recognise(text: str, doc, gazetteer: Gazetteer, demonyms: dict[str, str]) -> list[Mention]:
    """All place mentions in *text* (already parsed into *doc*), in text order, no overlaps.

    Two passes: first what spaCy tags as a place (plus demonyms and countries or states it
    mislabels); then, knowing which names this article uses for places, the same names
    wherever else they occur (one sense per discourse), places at the head of organisation
    names, and prominent places spaCy missed.
    """
    mentions: list[Mention] = []
    covered = [False] * len(doc)
    diseases = {
        name
        for name in _DISEASE_NAME.findall(text)
        if (entry := _known(gazetteer, name, min_population=10**12, areas_only=True)) is None
        or (entry.feature_code != "ADM1" and entry.kind not in ("country", "continent"))
    }  # (the "Sudan virus" leaves Sudan a country everywhere else)
    firms = {
        ent[0].text
        for ent in doc.ents
        if ent.label_ == "ORG"
        and len(ent) >= 2
        and _FIRM_AFTER.match(text, ent[0].idx + len(ent[0]))
        and not any(_is_area(e) for e in gazetteer.search(ent[0].text, limit=5))
    }

    def add(
        start: int, end: int, source: str, hint: str | None = None, *, exact: bool = False
    ) -> None:
        start, end = _trim(text, start, end)
        if _DISEASE.match(text, end) or _CLASS_NAME.match(text, end):
            return  # "West Nile virus", "Virginia-class": a disease or a design named after one
        if text[start:end] in diseases | firms and not _AT_PLACE_BEFORE.search(
            text, max(0, start - 12), start
        ):
            # "no approved treatment for Marburg", the Marburg virus named before; "Shares of
            # Toyota Motor rose … Toyota builds cars in Kentucky"
            return
        name = text[start:end]
        if _INNER_CAPITAL.fullmatch(name) and not any(
            name == entry.name or name in entry.alt_names
            for entry in gazetteer.search(name, limit=5)
        ):
            return  # "a group led by BlackRock": the firm, not Blackrock in Dublin
        if _WATER_AFTER.match(text, end):
            return  # "the Guaiba river": the river, not the town of its name
        if _SAINTLY.match(text, start) and _DEDICATED_TO.search(text, max(0, start - 30), start):
            return  # "the Basilica of Santa Maria Maggiore": a church, not the town
        if hint is None and not exact:
            hint = _world_region(text[start:end], gazetteer)
        lookup = None
        if hint is None and not exact:
            lookup = _council_lookup(text, start, end, gazetteer)
            start, end = _narrow(
                text, start, end, gazetteer, partial=source in ("ner:GPE", "ner:LOC")
            )
            if fold(text[start:end]) in _GENERIC:
                return  # "North", "Gulf" alone: a direction or a common noun
        if end > start and text[start:end].strip():
            mentions.append(Mention(start, end, text[start:end], source, hint, lookup=lookup))

    def cover(start: int, end: int) -> None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for token in span:
                covered[token.i] = True

    for i, j in _joined_names(doc, gazetteer):
        add(*_char_span(doc, i, j), "joined", exact=True)
        for k in range(i, j):
            covered[k] = True

    for i, j, lookup in _division_lists(doc):
        start, end = _char_span(doc, i, j)
        mentions.append(
            Mention(start, end, text[start:end], "division list", lookup=lookup, kind="region")
        )
        for k in range(i, j):
            covered[k] = True

    # The dateline names the place the story was filed from, whatever spaCy makes of the
    # capitals; its qualifier ("W.Va.") is kept when the gazetteer knows it as a state or
    # country.
    for dateline in find_datelines(text):
        add(*dateline.place, "dateline", exact=True)
        cover(*dateline.place)
        if dateline.also is not None:
            add(*dateline.also, "dateline", exact=True)
            cover(*dateline.also)
        qualifier = dateline.qualifier
        if qualifier is not None and _known(
            gazetteer, text[qualifier[0] : qualifier[1]], min_population=10**12, areas_only=True
        ):
            add(*qualifier, "dateline")
            cover(*qualifier)

    # "D-Mapleford": the party letter says what follows is where the legislator is from.
    for match in _AFFILIATION.finditer(text):
        start, end = match.span("place")
        for stop in (end, end - 1) if text[end - 1] == "." else (end,):
            name = SPACED_ABBREVIATION.sub(".", text[start:stop])  # "W. Va." is "W.Va."
            if gazetteer.search(name, limit=1) or gazetteer.search_core(name, limit=1):
                add(start, stop, "affiliation", exact=True)
                cover(start, stop)
                break

    # "Greer, South Carolina": a town by its state or country, whatever spaCy made of it (a
    # group, a person, part of an organisation's name, or nothing), when the gazetteer has a
    # town or county of that name there.
    for (start, end), area in _towns_by_area(text, doc, gazetteer):
        if not any(covered[t.i] for t in doc.char_span(start, end, alignment_mode="expand")):
            add(start, end, "qualified", exact=True)
            cover(start, end)
            if area is not None and not any(
                covered[t.i] for t in doc.char_span(*area, alignment_mode="expand")
            ):
                add(*area, "qualifier", exact=True)
                cover(*area)

    # "Barrow-in-Furness", "Stratford-upon-Avon": a town whose name the tokenizer cuts at
    # its hyphens, and the model tags in part or not at all.
    for match in _HYPHENATED_TOWN.finditer(text):
        span = doc.char_span(*match.span(), alignment_mode="expand")
        if span is None or any(covered[t.i] for t in span):
            continue
        if _known(gazetteer, match.group(), min_population=_MIN_POPULATION_INSIDE_NAMES):
            add(*match.span(), "gazetteer", exact=True)
            cover(*match.span())

    deferred = []
    groups = []  # NORP names to take as places if the article names that place elsewhere
    for ent in doc.ents:
        if any(covered[token.i] for token in ent):
            continue
        label = ent.label_
        for token in ent:
            covered[token.i] = True
        if label in _PLACE_LABELS and not any(ch.isupper() for ch in ent.text):
            continue  # "landing at the capital's airport": a common noun, not a name
        if label in _PLACE_LABELS or label == "NORP":
            target = demonyms.get(fold(_LEADING.sub("", ent.text)))
            if target is not None:  # "Sri Lankan" is sometimes tagged a place
                add(ent.start_char, ent.end_char, "demonym", target)
            elif label in _PLACE_LABELS:
                qualified = _QUALIFIER.match(text, ent.end_char)
                if qualified and _known(
                    gazetteer, qualified.group(1), min_population=10**12, areas_only=True
                ):
                    # "Brackenridge Falls, Ohio": a place the gazetteer may not know, placed by
                    # the state or country after it.
                    add(ent.start_char, ent.end_char, "qualified")
                elif _known(gazetteer, ent.text, min_population=0, any_name=True) is None and (
                    parts := _place_list(ent, gazetteer)
                ):
                    # "in Derbyshire and Nottinghamshire" tagged one place: the places it lists.
                    for start, end in parts:
                        add(start, end, f"ner:{label}")
                elif (place := _place_then_surname(ent, gazetteer)) is not None:
                    # "From Manila Blinken will fly to Seoul" tagged one place: the place,
                    # then the man the article names in full elsewhere.
                    add(*place, f"ner:{label}")
                elif (
                    not _listed_with_organisations(ent, gazetteer)
                    and not _opening_other_name(ent, gazetteer)
                    and not _named_vessel(ent)  # "the cruiser Zunyi" tagged a place
                ):
                    add(ent.start_char, ent.end_char, f"ner:{label}")
            elif label == "NORP" and _known(
                gazetteer, ent.text, min_population=_MIN_POPULATION_ORG_HEAD
            ):
                # The small model calls some cities a nationality ("the outskirts of
                # Aleppo"); a name the gazetteer gives to a big city or an area is the place.
                add(ent.start_char, ent.end_char, "relabelled")
            elif "-" in ent.text:
                # "inter-Palestinian", "Arab-Israeli": each demonym part on its own.
                offset = ent.start_char
                for part in ent.text.split("-"):
                    target = demonyms.get(fold(part))
                    if target is not None:
                        add(offset, offset + len(part), "demonym", target)
                    offset += len(part) + 1
            elif label == "NORP":
                groups.append(ent)
        elif label in _CONTAINER_LABELS and fold(bare := _LEADING.sub("", ent.text)) in demonyms:
            # "Sri Lankan" alone, tagged a person or an organisation: still the adjective.
            add(ent.end_char - len(bare), ent.end_char, "demonym", demonyms[fold(bare)])
        elif label in ("PERSON", "ORG") and (adjective := _demonym_before_title(ent, demonyms)):
            # "Sri Lankan President" tagged a person: the adjective, then the title.
            add(*adjective)
        elif (
            label in ("DATE", "TIME")
            and len(ent) >= 2
            and ent[0].is_title
            and ent[0].pos_ == "PROPN"
            and all(t.lower_ in _TIME_WORDS for t in ent[1:])
            and _prominent(gazetteer, ent[0].text)
        ):
            # "drones at Kyiv overnight" tagged a time: the city, then when.
            add(ent.start_char, ent[0].idx + len(ent[0]), "relabelled")
        elif (
            label in ("DATE", "TIME")
            and (name_end := _name_before_day(ent)) is not None
            and ent.start > 0
            and doc[ent.start - 1].lower_ in ("in", "near", "at")
            and _known(
                gazetteer,
                doc[ent.start : name_end].text,
                min_population=_MIN_POPULATION_INSIDE_NAMES,
            )
            is not None
        ):
            # "a naval air base in Turbat on Monday" tagged a date: the town, then the day.
            add(ent.start_char, doc[name_end - 1].idx + len(doc[name_end - 1]), "relabelled")
        elif (
            label in _MISTAKEN_LABELS
            and len(ent) <= 3
            and not any(c.isdigit() for c in ent.text)
            and all(token.is_title for token in ent)
            and fold(ent.text) not in _CALENDAR_WORDS
            and (
                _prominent(gazetteer, ent.text)
                # "a car plant in Szeged" tagged a product: a city after "in" is the city,
                # as one after "the exclave of" ("the Russian exclave of Kaliningrad").
                or (
                    label == "PRODUCT"
                    and ent.start > 0
                    and (
                        doc[ent.start - 1].lower_ in ("in", "near")
                        or (
                            ent.start > 1
                            and doc[ent.start - 1].lower_ == "of"
                            and doc[ent.start - 2].lemma_.lower() in _OF_PLACE_HEADS
                        )
                    )
                    and _known(gazetteer, ent.text, min_population=_MIN_POPULATION_ORG_HEAD)
                    is not None
                )
                # "the $1.3 billion Chancay deep-water port" tagged a product: the town a
                # port is named after.
                or (
                    ent.root.dep_ in ("compound", "nmod")
                    and ent.root.head.lemma_.lower() in ("port", "harbour", "harbor")
                    and _known(gazetteer, ent.text, min_population=_MIN_POPULATION_INSIDE_NAMES)
                    is not None
                )
                # "deaths were in Al Haouz province and Taroudant": a product joined to a
                # place by "and" is another place, when a town has its name.
                or (
                    label == "PRODUCT"
                    and ent.root.dep_ == "conj"
                    and (
                        ent.root.head.lemma_.lower() in _LISTED_PLACE_HEADS
                        or ent.root.head.ent_type_ in _PLACE_LABELS
                    )
                    and _known(gazetteer, ent.text, min_population=_MIN_POPULATION_INSIDE_NAMES)
                    is not None
                )
            )
        ):
            # "said in Montevideo" tagged a date or a product, "Aleppo" a language: a capital or
            # a city of a million is no such thing.
            add(ent.start_char, ent.end_char, "relabelled")
        elif (
            label in _CONTAINER_LABELS
            and len(ent) <= 3
            and _form_kind(text, *_trim(text, ent.start_char, ent.end_char)) is not None
            and _known(gazetteer, ent.text, min_population=0, any_name=True) is not None
        ):
            # "the city of Kramatorsk", "the Zaporizhzhia region": the words around the name
            # say it is a place, whatever the model made of it.
            add(ent.start_char, ent.end_char, "relabelled")
        elif (
            label in _CONTAINER_LABELS
            and len(ent) == 1
            and ent.start > 0
            and (
                doc[ent.start - 1].lower_ in _NEARBY_WORDS
                or _taken_by_force(ent)
                or _of_a_place(ent)
                or _site_at(ent)
            )
            and ent[0].is_title
            and _known(gazetteer, ent.text, min_population=_MIN_POPULATION_INSIDE_NAMES)
            and not any(
                other.text == ent.text and other.label_ in _CONTAINER_LABELS
                for other in doc.ents
                if other.start != ent.start
            )
        ):
            # "Fighting continued around Bakhmut" tagged an organisation: what lies around,
            # near or outside something, what forces capture or shell ("Russian forces
            # captured Bakhmut"), or what has a mayor or streets ("the mayor of Sligo"), is a
            # place, when a town has that name — unless the
            # article uses the name for a person or an organisation elsewhere too ("deaths
            # near Franklin", the company the article is about).
            add(ent.start_char, ent.end_char, "relabelled")
        elif _placed_capital(ent, gazetteer):
            # "flies to Sao Tome" tagged an organisation: a capital where a place goes.
            add(ent.start_char, ent.end_char, "relabelled")
        elif parts := _place_run_on(ent, gazetteer):
            # "flew to Montevideo for the Mercosur summit", "Montevideo for the Mercosur"
            # tagged a work: the place, then the words of the sentence the tag ran on into
            # (and the place they name: "the port of Baltimore for Colombo").
            for start, end in parts:
                add(start, end, "relabelled")
        elif (
            _placed_organisation(ent)
            and (big := _known(gazetteer, ent.text, min_population=0, any_name=True)) is not None
            and big.population >= _MIN_POPULATION_RELABEL
            and _spelling_of(fold(ent.text), big)  # "Marrakech", not a translation
            and not any(
                other.text == ent.text
                and other.label_ in _CONTAINER_LABELS
                and not _placed_organisation(other)
                for other in doc.ents
                if other.start != ent.start
            )
        ):
            # "will travel to Marrakech", "between Kenitra and Marrakech" tagged an
            # organisation: a city of half a million where a place goes is the city.
            add(ent.start_char, ent.end_char, "relabelled")
        elif _town_placed_in_area(ent, gazetteer) and not any(
            other.text == ent.text and other.label_ in _CONTAINER_LABELS
            for other in doc.ents
            if other.start != ent.start
        ):
            # "between Porvoo in southern Finland and Harku" tagged an organisation: a town
            # the gazetteer puts in the country the text places it in.
            add(ent.start_char, ent.end_char, "relabelled")
        elif label in _CONTAINER_LABELS:
            # "Sri Lanka's former president": the possessive is not part of the name.
            bare_start, bare_end = _trim(text, ent.start_char, ent.end_char)
            whole = _known(
                gazetteer, text[bare_start:bare_end], min_population=10**12, areas_only=True
            )
            if whole is not None and (
                # "Côte d'Ivoire" tagged a building, "the Bab el-Mandeb" a facility: no
                # facility or work bears a country's or a strait's whole name and nothing else.
                whole.kind in ("country", "sea")
                or (
                    label in ("PERSON", "ORG")
                    and len(ent) <= 4
                    and (whole.kind != "region" or whole.population >= _MIN_POPULATION_RELABEL)
                )
            ):
                add(ent.start_char, ent.end_char, "relabelled")
            elif text[bare_start:bare_end].startswith("County ") and any(
                entry.feature_code == "ADM2"
                for entry in gazetteer.search(text[bare_start:bare_end], limit=3)
            ):
                # "County Kerry" tagged an organisation: a county by its word and its name.
                add(bare_start, bare_end, "relabelled")
            elif label == "ORG" and _land_named(gazetteer, text[bare_start:bare_end]):
                # "Nagorno-Karabakh" tagged an organisation: a land news names as such, by its
                # whole name and nothing else.
                add(ent.start_char, ent.end_char, "relabelled")
            elif label in ("PERSON", "ORG") and (parts := _place_list(ent, gazetteer)):
                # "Kharkiv and Odesa" taken for one organisation: the places it lists.
                for start, end in parts:
                    add(start, end, "relabelled")
            else:
                deferred.append(ent)

    known = {fold(m.text) for m in mentions if m.hint is None}
    # Words this article uses inside people's full names ("Tim Pawlenty", "Willie Nelson"):
    # alone, later, they are that person, not the town of the same name.
    # A "person" whose name goes on with an institution's word ("Mapleford Fire") is an
    # organisation the model mislabelled, and says nothing about people.
    person_parts = {
        fold(token.text)
        for ent in doc.ents
        if ent.label_ == "PERSON" and len(ent) > 1 and not _names_institution(ent)
        for token in ent
    } - known
    # "Ann Holroyd" and, later, "Holroyd" alone tagged a person: every other bare "Holroyd" in
    # the article is her too, even where spaCy calls it a place (a small town shares the
    # name). Only the last word of a two- or three-word name is taken: "Greer Station" may be
    # mislabelled a person, and its first word is still the town.
    surnames = {
        fold(ent[-1].text)
        for ent in doc.ents
        if ent.label_ == "PERSON" and 1 < len(ent) <= 3 and not _names_institution(ent)
    } & {fold(ent.text) for ent in doc.ents if ent.label_ == "PERSON" and len(ent) == 1}
    # "Muhammad Yunus … Yunus, who attended": the last name of someone the article names in
    # full is that person, where no place bears it as its own name (Khan Yunis is "Yunus"
    # only among its variants).
    family_names = {
        fold(ent[-1].text)
        for ent in doc.ents
        if ent.label_ == "PERSON" and 1 < len(ent) <= 3 and not _names_institution(ent)
    }
    titled, speakers = _person_names(doc)
    # "Mapleford says no" is the town speaking when the article also has "Mapleford residents".
    speakers -= _resident_names(doc)
    # "Georgia Stevens … said Georgia": a name that can speak for its government is still a
    # person when, standing alone, it speaks and the article also gives someone that first or
    # last name in full ("Racing Victoria said" is the one name, not a person and a name).
    full_names = {
        fold(ent[edge].text)
        for ent in doc.ents
        if ent.label_ == "PERSON" and 1 < len(ent) <= 3 and not _names_institution(ent)
        for edge in (0, -1)
    }
    lone_speakers = {
        fold(token.text)
        for token in doc
        if fold(token.text) in speakers & full_names
        and token.dep_ in ("nsubj", "nsubjpass")
        and token.head.lemma_ in _REPORTING_VERBS
        and not any(child.dep_ == "compound" for child in token.children)
        and not (token.i > 0 and doc[token.i - 1].pos_ == "PROPN")
    }
    people = {
        name
        for name in titled | speakers
        if not _prominent(gazetteer, name) or name in lone_speakers
    }
    person_parts |= people
    storms = _storm_names(doc)
    person_parts |= storms

    def is_known(tokens) -> bool:
        return fold(tokens.text) in known

    focus = _focus_regions(mentions, gazetteer)

    def local(tokens) -> bool:
        """Whether *tokens* name a town or county in the region the article is about.

        Local news names small places ("the Fairview police", "the Mapleford library") that are
        too obscure to take on the gazetteer's word alone, but a town of that name in the
        same state as the article's other places is very likely the one meant.
        """
        if not focus:
            return False
        key = fold(tokens.text)
        if len(key) < 4 or key in person_parts or key in _GENERIC or key in _COMMON_WORDS:
            return False
        if any(token.is_stop or token.pos_ not in ("PROPN", "NOUN") for token in tokens):
            return False
        for entry in gazetteer.search(tokens.text, limit=10):
            if (entry.kind == "city" or entry.feature_code == "ADM2") and entry.admin1 in focus:
                return True
        return False

    def municipal(tokens, ent) -> bool:
        """ "Fairview Police", "Mapleford Historical Society": a town's own institution.

        A town of any size heads the names of its police, council, schools and societies;
        when the word after the name says such an institution, a gazetteer town of that
        name is taken even if it is small.
        """
        if tokens.end >= ent.end or doc[tokens.end].lower_ not in _MUNICIPAL_WORDS:
            return False
        key = fold(tokens.text)
        if len(key) < 4 or key in _GENERIC or key in _COMMON_WORDS:
            return False
        if any(token.is_stop or token.pos_ != "PROPN" for token in tokens):
            return False
        return any(
            entry.kind == "city" or entry.feature_code == "ADM2"
            for entry in gazetteer.search(tokens.text, limit=5)
        )

    def resident(tokens) -> bool:
        """ "A Mapleford man", "Fairview residents": a town, by the word after it."""
        if tokens.end >= len(doc) or doc[tokens.end].lower_ not in _RESIDENT_WORDS:
            return False
        key = fold(tokens.text)
        if len(tokens) > 3 or key in person_parts or key in _GENERIC or key in _COMMON_WORDS:
            return False
        if any(token.pos_ != "PROPN" for token in tokens):
            return False
        # A village sharing a surname ("a Smith woman") needs the article's region to agree.
        return any(
            e.kind in ("city", "region") and e.population >= _MIN_POPULATION_RESIDENT
            for e in gazetteer.search(tokens.text, limit=5)
        ) or local(tokens)

    for ent in groups:
        # ... or that the words before say is one ("the port of Chancay" tagged a people).
        if fold(ent.text) in known or (
            _form_kind(text, ent.start_char, ent.end_char) is not None
            and _known(gazetteer, ent.text, min_population=0, any_name=True) is not None
        ):
            add(ent.start_char, ent.end_char, "relabelled")

    for ent in deferred:
        if fold(ent.text) in known:
            add(ent.start_char, ent.end_char, "relabelled")
            continue
        if _listed_with_a_place(ent, {m.start for m in mentions if m.hint is None}) and _known(
            gazetteer, ent.text, min_population=_MIN_POPULATION_INSIDE_NAMES
        ):
            # "other regions, including Kursk and Bryansk": a name listed with a place the
            # model saw (not the submarine it took "Kursk" for).
            add(ent.start_char, ent.end_char, "relabelled")
            continue
        if resident(ent):
            add(ent.start_char, ent.end_char, "resident")
            continue
        if ent.label_ == "PERSON" and len(ent) == 1:
            # A lone "Alexandria" tagged as a person, in an article where no person of that
            # name appears, is the town.
            if (
                fold(ent.text) not in person_parts
                and not _named_vessel(ent)
                and (
                    _known(gazetteer, ent.text, min_population=_MIN_POPULATION_INSIDE_NAMES)
                    or local(ent)
                )
            ):
                add(ent.start_char, ent.end_char, "relabelled")
            continue
        if ent.label_ == "PERSON" and len(ent) <= 3 and (local(ent) or _great_city(gazetteer, ent)):
            add(ent.start_char, ent.end_char, "relabelled")  # "Glen Ellyn", "Port Moresby"
            continue
        # A "person" or "product" whose name goes on with an institution's word ("Ouachita
        # Parish Fire District", "Fairview Police") is an organisation spaCy mislabelled.
        institution = _names_institution(ent)
        if ent.label_ not in _EMBEDDING_LABELS and not institution:
            continue
        if ent[-1].text in _NEWSPAPER_WORDS:
            continue  # "The Washington Post" reports; the paper, not the city, is meant
        if _named_venue(ent, gazetteer):
            continue  # "the Santiago Bernabeu" is a stadium named after a man, not Santiago
        if (
            len(ent) == 1
            and ent.start > 0
            and doc[ent.start - 1].lower_ in ("a", "an")
            and ent.root.dep_ == "compound"
            and ent.root.head.lemma_.lower() in _MAKERS_THINGS
        ):
            continue  # "to visit a Toyota battery plant": a maker's, not the town's

        # A place heads an organisation's name ("Gainesville Police"), follows its "of"
        # ("University of Georgia") or says where it is ("Children's Hospital of Manitoba in
        # Winnipeg", "St. John's Lutheran School in Lombard").
        def heads(tokens, ent=ent) -> bool:
            first = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
            at = tokens.start
            if at > first and doc[at - 1].lower_ in _PLACE_QUALIFIERS:
                at -= 1  # "Eastern Ohio Medical Center": the place after its qualifier
                if _COMPASS.match(doc[at].text + " ") and not _compass_core(gazetteer, tokens.text):
                    return False  # "East Bank Middle School": not the town of Bank
            at_head = at == first or doc[at - 1].lower_ in ("of", "in")
            if not at_head or fold(tokens.text) in person_parts:
                return False
            return (
                is_known(tokens)
                or _known(gazetteer, tokens.text, min_population=_MIN_POPULATION_ORG_HEAD)
                is not None
                or local(tokens)
                or municipal(tokens, ent)
            )

        head = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
        # "American Electric Power", "Sri Lankan Airlines": the adjective names a country.
        adjective = next(
            (
                (stop, demonyms[fold(doc[head:stop].text)])
                for stop in range(min(ent.end, head + 3), head, -1)
                if fold(doc[head:stop].text) in demonyms
            ),
            None,
        )
        if adjective is not None:
            add(*_char_span(doc, head, adjective[0]), "demonym", adjective[1])
            continue
        taken = [
            (i, j)
            for i, j in _scan(doc, ent.start, ent.end, heads)
            if not _gathering_held_elsewhere(ent, doc[i:j].text, gazetteer)
            and not _fire_named_otherwise(ent, doc[i:j].text, gazetteer)
        ]
        for i, j in taken:
            add(*_char_span(doc, i, j), "inside")
        if ent.label_ == "ORG":
            branch = _branch_place(doc, ent, head, taken, gazetteer, person_parts)
            if branch is not None:
                add(*_char_span(doc, *branch), "inside")

    for i, j in _streets(doc):
        add(*_char_span(doc, i, j), "street", exact=True)
        for k in range(i, j):
            covered[k] = True

    # ("the Gwadar Port Authority complex … Gwadar, on the Arabian Sea, is …": a town an
    # organisation is named after is a name the article uses for a place, too, wherever the
    # model took it for a product or a date.)
    named_inside = {fold(m.text) for m in mentions if m.source == "inside" and m.hint is None}
    for ent in deferred:
        if ent.label_ in _MISTAKEN_LABELS and fold(ent.text) in named_inside - known:
            add(ent.start_char, ent.end_char, "relabelled")
    known |= named_inside

    # Words outside any entity: demonyms spaCy did not tag, names this article already uses
    # for places, and prominent places it missed.
    def outside(tokens) -> bool:
        if (
            tokens.start >= 2
            and doc[tokens.start - 1].lower_ == "of"
            and doc[tokens.start - 2].lower_ in _PEERAGE
        ):
            return False  # "the Archbishop of Canterbury", "the Duke of Sussex": a title
        if is_known(tokens):
            return True
        if _country_code(tokens, gazetteer):
            return True
        if len(tokens.text) < 4 or fold(tokens.text) in person_parts:
            return False
        if len(tokens) == 1 and tokens[0].is_sent_start and tokens[0].tag_ in _COMMON_TAGS:
            # "Rivers burst their banks": a common word that opens the sentence, tagged as
            # one, is not the state of its name (a name the article places elsewhere, or a
            # country, is found above).
            return False
        if local(tokens) or resident(tokens):
            return True
        start, end = _char_span(doc, tokens.start, tokens.end)
        if _form_kind(text, start, end) is not None:
            return _known(gazetteer, tokens.text, min_population=0, any_name=True) is not None
        areas_only = tokens[0].is_sent_start
        return (
            _known(
                gazetteer,
                tokens.text,
                min_population=_MIN_POPULATION_OUTSIDE_ENTITIES,
                areas_only=areas_only,
            )
            is not None
        )

    i = 0
    while i < len(doc):
        if covered[i]:
            i += 1
            continue
        j = i
        while j < len(doc) and not covered[j]:
            j += 1
        for k in range(i, j):
            token = doc[k]
            if token.text[:1].isupper():
                target = demonyms.get(fold(token.text))
                if target is not None:
                    add(token.idx, token.idx + len(token), "demonym", target)
                    covered[k] = True
        for a, b in _scan(doc, i, j, outside):
            if not any(covered[a:b]):
                add(*_char_span(doc, a, b), "gazetteer")
        i = j

    mentions = [_extend(text, doc, m, gazetteer) for m in mentions]
    mentions = [
        m
        for m in mentions
        if m.hint is not None
        or m.source in PLACES_BY_FORM
        or (
            fold(m.text) not in people
            and fold(m.text) not in storms
            and not _article_head(text, doc, m, gazetteer)
            and not (
                " " not in m.text and fold(m.text) in surnames and not _prominent(gazetteer, m.text)
            )
            and not (
                " " not in m.text
                and fold(m.text) in family_names
                and not _named_so(gazetteer, m.text)
            )
        )
    ]
    mentions.sort(key=lambda m: (m.start, -m.end))
    result: list[Mention] = []
    last_end = -1
    for mention in mentions:
        if mention.start >= last_end:
            if mention.hint is None:
                said = mention.kind or _form_kind(text, mention.start, mention.end)
                if said == "region" and _division_abroad(text, mention, gazetteer):
                    said = "city"
                mention = replace(mention, kind=said)
            result.append(mention)
            last_end = mention.end
    result = _one_town_per_name(result)
    # "Mandalay, the country's second-largest city … northwest of Mandalay": said once, the
    # kind holds for the name's bare mentions too, unless the article says both kinds.
    kinds: dict[str, set[str]] = {}
    for mention in result:
        if mention.kind is not None:
            kinds.setdefault(fold(mention.lookup or mention.text), set()).add(mention.kind)
    if kinds:
        result = [
            replace(m, kind=next(iter(said)))
            if m.hint is None
            and m.kind is None
            and len(said := kinds.get(fold(m.lookup or m.text), set())) == 1
            # ("drones over the Moscow region … attacks on Moscow": a great city's bare name
            # is the city, whatever region bears it too; so is a dateline's.)
            and not (said == {"region"} and (m.source == "dateline" or _great_name(gazetteer, m)))
            else m
            for m in result
        ]
    return result


_GREAT_CITY_POPULATION = 1_000_000


def _listed_with_a_place(ent, placed: set[int] = frozenset()) -> bool:
    """Whether a name is joined by "and" or a comma to a name the model tags a place
    ("Kursk and Bryansk") or that the recogniser has taken for one already, at a character
    offset in *placed* ("near Durban and Richards Bay", "Durban" tagged an organisation).
    A name of two or three words is listed only with a place taken as one."""
    if len(ent) > 3 or (len(ent) > 1 and not all(t.is_title for t in ent)):
        return False
    token = ent.root
    mates = [c for c in token.children if c.dep_ == "conj"]
    if token.dep_ == "conj":
        mates.append(token.head)
    # (Not a mate the model took for a person: "Peter, Paul and Mary" are a band, whatever
    # the recogniser made of "Paul".)
    return any(
        (m.idx in placed and m.ent_type_ != "PERSON")
        or (len(ent) == 1 and m.ent_type_ in _PLACE_LABELS)
        for m in mates
    )


def _great_name(gazetteer: Gazetteer, mention: Mention) -> bool:
    """Whether a national capital or a city of a million bears the mention's name."""
    return any(
        e.kind == "city"
        and (e.feature_code == "PPLC" or e.population >= _GREAT_CITY_POPULATION)
        and fold(e.name) == fold(mention.lookup or mention.text)
        for e in gazetteer.search(mention.lookup or mention.text, kinds=["city"], limit=5)
    )
