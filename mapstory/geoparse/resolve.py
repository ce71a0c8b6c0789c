"""Toponym resolution: which gazetteer place each mention means.

"Paris", "Georgia" and "Springfield" name many places; the article around them usually says
which. Candidates come from the offline gazetteer and are scored by prominence (population
and feature type), by the countries, states and counties the rest of the article is about,
by how near they lie to the article's other towns, by a country named in the same sentence,
and by the "Springfield, Illinois" pattern. Each name keeps one sense for the whole article
(one sense per discourse), and the runner-up is kept so a reader can switch to it.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from dataclasses import dataclass

from mapstory.gazetteer import Gazetteer, GazetteerEntry, fold
from mapstory.geoparse.recognize import SPACED_ABBREVIATION, TITLES, Mention, _country_named

__all__ = ["Resolution", "resolve"]

_CANDIDATES = 25
# Score bonuses, in units of log10(population): a country outranks a same-named town unless
# the town is ~100 000 times bigger; a first-level region (a US state) outranks most towns.
_KIND_BONUS = {"country": 5.0, "continent": 5.0}
_ADM1_BONUS = 3.0
# The populations (as log10) between which a division earns that bonus (see _state_weight).
_STATE_LOW, _STATE_FULL = 4.5, 5.5
# A world region ("the Sahel", "the Middle East") outranks a same-named province or town
# as a state does: news means the wide region unless the article is local to the small one.
_WORLD_REGION_BONUS = 3.0
_ADM2_BONUS = 0.5
# An ocean, sea or strait has no people to weigh: it ranks as a country of 100 000 does, so
# "the Pacific" is the ocean, not Pacific, Missouri, unless the article is local to the town
# (its state and neighbours named: up to _COUNTRY_CONTEXT + _LOCAL_CAP more for the town).
_SEA_PRIOR = 10.0
_CAPITAL_BONUS = 1.5
# A city is the meaning of its namesake region's name only with this share of its people.
_SEAT_SHARE = 0.2
_COUNTRY_CONTEXT = 3.0
_REGION_CONTEXT = 3.0
# A region several other names agree on counts up to this many times: local news names a
# string of places in one state, and their agreement should outweigh a far bigger namesake.
_REGION_SUPPORT_CAP = 2.0
# A town in a county another name may mean, and a county holding another name's town: the
# county, not just the state, is what ties "Huntsville" to the "Walker County" beside it.
_COUNTY_CONTEXT = 3.0
# State, county and nearby towns mostly echo the same few names, so together they count at
# most this much: else a cluster of ambiguous names (three counties that exist in two states)
# outvotes the state the article names outright.
_LOCAL_CAP = 6.0
# ... but a town in a county another name may be still gains this much when the state has
# already filled the cap: of two same-named towns in one state ("Chatham" in Sangamon County
# and in Chicago) the one in the county the article names is meant.
_COUNTY_BEYOND_CAP = 1.0
# A town or county in a state another name *is* ("Kentucky"), over and above the cap; not
# for a name that may itself be a state or country ("California" in a list of states is the
# state, not the town of that name in a listed neighbour).
_NAMED_REGION = 3.0
_QUALIFIER = 6.0  # "Springfield, Illinois": the qualifier names the container
# A country named in the same sentence ("fly to Cairo ... for his first visit to Egypt"):
# weaker than a qualifier, stronger than the article's mood, which may be another country's.
_SAME_SENTENCE = 3.0
# A national capital listed with another country's capital ("a visit to London and
# Warsaw") is the capital too, not a town of its name where the traveller comes from
# (London, Ontario, in a story about Canada's prime minister): as strong as a qualifier.
_CAPITALS_LISTED = 6.0
# A state listed with another state of its country ("firefighters from Oregon, Washington and
# Mexico") is the state too, not the capital city of its name: as strong as a qualifier. Not
# where the mate may itself be a big city ("New York and Washington" are two cities), nor
# beside a state the city of the name lies by ("Virginia, Washington and Maryland").
_STATES_LISTED = 6.0
_STATE_MATE_CITY_MAX = 100_000
_STATE_MATE_NEAR_KM = 150.0
# A town listed with a town or region surely in one country ("the islands of Kinmen, Matsu
# and Dongyin") is likelier in that country than in another where a town bears the name too.
_LISTED_SAME_COUNTRY = 2.0
# The word a name is followed by: "US Secretary of State", "Philippine Vice President".
_WORD_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*")
# A town gains from the other names' likely towns and counties within _NEAR_KM of it (see
# _Nearby): up to _NEAR_CAP names count, each as much as it is likely; senses below
# _NEAR_MIN_P are not counted at all.
_NEAR_CONTEXT = 1.5
_NEAR_KM = 100.0
_NEAR_CAP = 2.0
_NEAR_MIN_P = 0.05
# Two entries this close under different names are one place seen at two extents.
_SAME_SPOT_KM = 30.0
_SHARPNESS = 1.5  # how quickly a candidate's weight falls with its score gap to the best
# Names settle each other over several rounds; each round keeps _DAMPING of a name's previous
# belief, so two names that each wait for the other ("Huntsville" and "Walker County", each
# in two states) converge on the pair that fits instead of swapping places every round.
_ROUNDS = 10
_DAMPING = 0.6
# A name followed by a town's own institutions ("Lebanon Police", "the Jordan middle school")
# names a town: enough to outweigh a country's kind bonus.
_TOWN_FORM = 6.0
# A small town found only under one of its other names (GeoNames lists "Paris" among the
# old names of a Ukrainian village of 1,800), or a town much smaller than the place that bears
# the name ("Odesa" for Odessa, Texas), is rarely what English news means by it.
_OTHER_NAME = 2.0
_OTHER_NAME_MAX_POPULATION = 100_000
_BEARER_RATIO = 5  # "much smaller": a fifth of the bearer's people or fewer
# A town that shares its name with a city or state twenty times its size ("Rotterdam", New
# York, and the port; "Ontario", New York, and the province) needs some local sign (its
# state or county, a town near it) to be meant when its country has less than _HOME_SHARE of
# the article's country votes: one mention of the US in an article that roams the world does
# not make every name American. Local news, all about one country, keeps its towns.
_OVERSHADOWED = 2.0
_OVERSHADOW_RATIO = 20
_OVERSHADOW_MIN_POPULATION = 200_000
_HOME_SHARE = 0.5
# A town a hundred times smaller than a city or state of its own country bearing its name,
# one of at least half a million people, is not meant because its state is the article's:
# "Philadelphia" in a story about smoke over New York is not the village of Philadelphia, New
# York. Only signs at its own scale count for it (its county, towns near it, "Boston, N.Y.",
# "the Boston police").
_DWARF_RATIO = 100
_DWARF_MIN_POPULATION = 500_000
# ... and a town overshadowed by a city abroad loses its state's support when the article
# gives that city's country at least this many votes.
_RIVAL_HOME = 0.5
# "The Pacific", "the Sahara": what the model calls a location and the article calls "the"
# something is an ocean, a desert or a range, not the small town that shares its name; only
# a city this big is written that way ("the Hague").
_NATURAL_FEATURE_MIN_CITY = 100_000
# ... unless the words after it say it is an area people live in ("the Etoumbi and Mbomo
# districts", "the Rice Lake area").
_AREA_AFTER = re.compile(
    r"(?:\s+and\s+[A-Z][\w'-]*)?\s+(?:region|area|district|province|county|department|"
    r"municipality|prefecture|state|township)s?\b"
)
_TOWN_WORDS = re.compile(
    r"(?:['’]s)?\s+(?:police|mayor|city\s+(?:council|hall|manager|schools?)|high\s+school|"
    r"middle\s+school|elementary|fire\s+(?:department|chief|station))\b",
    re.IGNORECASE,
)
_SAINT = re.compile(r"\bSt\.?\s", re.IGNORECASE)
_MOUNT = re.compile(r"\bMt\.?\s", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Resolution:
    """A mention and the place chosen for it (``entry`` is None when nothing matched)."""

    mention: Mention
    entry: GazetteerEntry | None
    confidence: float
    runner_up: GazetteerEntry | None = None


_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}")
_ACRONYM = re.compile(r"[A-Z]{2,3}")
_MIN_INITIALISM_TOWN = 100_000
_MIN_TOWN_OF_REGION = 15_000
# Worlds news names that small towns are also called ("Earth", Texas): told in a story,
# they are the worlds, which no map of the Earth places.
_HEAVENLY_BODIES = frozenset({"earth", "moon", "mars"})
_THE = re.compile(r"^(?:the|The)\s+")
# Last words of a watercourse's name, which no county is called by without its own word.
_WATERCOURSE_WORDS = frozenset({"river", "creek", "brook", "stream"})
_ROYAL_TITLES = frozenset(
    {"prince", "princess", "king", "queen", "duke", "duchess", "sheikh", "emir", "sultan"}
)


def _candidates(gazetteer: Gazetteer, mention: Mention) -> list[GazetteerEntry]:
    if mention.hint is not None:
        entry = gazetteer.get(mention.hint)
        return [entry] if entry is not None else []
    name = mention.lookup or mention.text
    if fold(_THE.sub("", name)) in _HEAVENLY_BODIES:
        return []  # "returned to Earth": a world, not the small towns named after it
    found = gazetteer.search(name, limit=_CANDIDATES)
    if found and (_INITIALISM.fullmatch(name.strip()) or _ACRONYM.fullmatch(name.strip())):
        # Letters with dots, or a few capitals, abbreviate a long name ("U.K.", "D.C.", "LA"),
        # never a small town's short one: "E.U." is not Eu in Normandy, nor "AI" Baxter,
        # Tennessee.
        found = [e for e in found if e.kind != "city" or e.population >= _MIN_INITIALISM_TOWN]
    if found and mention.kind == "island":
        # "the Greek island of Rhodes": the island (a land, or a state that is one: Crete,
        # Bali), not its town of the same name.
        return [e for e in found if e.feature_code == "ISL" or e.kind == "region"] or found
    if found and mention.kind is not None:
        # "the city of Donetsk": the cities of that name, when the gazetteer has any.
        # "Russia's Ryazan region": a first-level region whose name is this one with its
        # division word ("Ryazan Oblast"), before the city the name alone finds. (Not a
        # county: "the Houston region" is the city's area, not Houston County.)
        return (
            [e for e in found if e.kind == mention.kind]
            or [
                e
                for e in (gazetteer.search_core(name) if mention.kind == "region" else [])
                if e.feature_code == "ADM1"
            ]
            # ("Florida's Big Bend region": no hamlet in Wisconsin either; a region called
            # after a town is called after a sizeable one.)
            or [
                e
                for e in found
                if mention.kind != "region"
                or e.kind != "city"
                or e.population >= _MIN_TOWN_OF_REGION
            ]
        )
    if found:
        return found
    for variant in (
        _SAINT.sub("Saint ", name),
        _MOUNT.sub("Mount ", name),
        SPACED_ABBREVIATION.sub(".", name),  # "W. Va." is "W.Va."
    ):
        if variant != name:
            found = gazetteer.search(variant, limit=_CANDIDATES)
            if found:
                return found
    # The recogniser already judged the words a place name; a region is often written
    # without its division word ("Anhui" for Anhui Sheng, "Ouachita" for Ouachita Parish).
    # Not after a royal's title: "Britain's Prince William" is no Prince William County (a
    # place that begins so is found by its whole name: "Prince Edward Island").
    if fold(name).split(" ", 1)[0] in _ROYAL_TITLES:
        return []
    # Nor a river's name: "the Red River" in Vietnam is no Red River County in Texas.
    if fold(name).rsplit(" ", 1)[-1] in _WATERCOURSE_WORDS:
        return []
    return gazetteer.search_core(name, limit=_CANDIDATES)


def _canonical(name: str) -> str:
    """A name as compared with a gazetteer entry's own: "St. Charles" is "Saint Charles"."""
    return fold(_MOUNT.sub("Mount ", _SAINT.sub("Saint ", name)))


def _hyphenless(name: str) -> str:
    return _canonical(name.replace("-", " "))


def _state_weight(population: int) -> float:
    """How much of a state's standing a first-level division has: all of it from 300 000
    people, none below 30 000. A US state or a Chinese province is what news means by its
    name; a Jamaican parish of 60 000 ("Manchester") or a Slovenian commune is not, beside a
    city of half a million."""
    if population <= 0:
        return 1.0  # not counted: no reason to think it small
    share = (math.log10(population) - _STATE_LOW) / (_STATE_FULL - _STATE_LOW)
    return min(1.0, max(0.0, share))


def _prior(entry: GazetteerEntry) -> float:
    if entry.kind == "sea":
        return _SEA_PRIOR
    score = math.log10(entry.population + 1) + _KIND_BONUS.get(entry.kind, 0.0)
    if entry.feature_code == "ADM1":
        score += _ADM1_BONUS * _state_weight(entry.population)
    elif entry.feature_code == "RGN":
        score += _WORLD_REGION_BONUS
    elif entry.feature_code == "ADM2":
        score += _ADM2_BONUS
    if entry.feature_code == "PPLC":
        score += _CAPITAL_BONUS
    return score


def _seat_bonus(entry: GazetteerEntry, options: list[GazetteerEntry], key: str = "") -> float:
    """A city beats a same-named region it lies in when it holds a good share of the region's
    people ("Moscow" is the city, not the oblast; "Quebec" is the province, whose capital has
    a sixteenth of its people), and a national capital beats any same-named region
    ("Washington" is the capital)."""
    if entry.kind != "city":
        return 0.0
    # The region must bear the city's own name; a capital's region may bear the name the
    # article used instead ("Ulaanbaatar" is the region's name and one of Ulan Bator's).
    # ("New York" is one of New York City's names too, but the state keeps it.)
    # (Compared as canonical names: the federal city "St.-Petersburg" bears Saint
    # Petersburg's name.)
    names = {_hyphenless(entry.name)}
    if entry.feature_code == "PPLC":
        names.add(key)
    for other in options:
        if other.kind != "region" or not names & {
            _hyphenless(other.name),
            *map(_hyphenless, other.alt_names),
        }:
            continue
        same_region = other.id == entry.admin1 or (
            other.feature_code == "ADM2" and other.admin1 == entry.admin1
        )
        seat = same_region and entry.population >= _SEAT_SHARE * other.population
        if seat or entry.feature_code == "PPLC":
            return 1.0 + max(0.0, _prior(other) - _prior(entry))
    return 0.0


def _contains(container: GazetteerEntry, entry: GazetteerEntry) -> bool:
    if container.id == entry.id:
        return False
    if container.kind == "country":
        return bool(entry.country_code) and entry.country_code == container.country_code
    if container.feature_code == "ADM1":
        return entry.admin1 == container.id
    if container.feature_code == "ADM2":
        return entry.admin2 == container.id
    return False


def _region(entry: GazetteerEntry) -> str:
    return entry.admin1 or (entry.id if entry.feature_code == "ADM1" else "")


def _county(entry: GazetteerEntry) -> str:
    return entry.admin2 or (entry.id if entry.feature_code == "ADM2" else "")


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or)\s*$")


def _qualifiers(text: str, mentions: list[Mention], areal: set[str]) -> dict[int, int]:
    """Index of each mention followed by ", <mention>" (its qualifier) -> qualifier index.

    In a list of states or countries ("Alaska, California, Missouri and Ohio") every pair
    looks like "Springfield, Illinois"; a name that may itself be a state or country is not
    qualified by a next name that the list goes on after.
    """
    pairs: dict[int, int] = {}
    for i in range(len(mentions) - 1):
        gap = text[mentions[i].end : mentions[i + 1].start]
        if gap.strip() != "," or "\n" in gap:
            continue
        if i + 2 < len(mentions) and _key(mentions[i]) in areal:
            after = text[mentions[i + 1].end : mentions[i + 2].start]
            if "\n" not in after and _LIST_GAP.fullmatch(after):
                continue
        pairs[i] = i + 1
    return pairs


def _list_mates(text: str, mentions: list[Mention]) -> dict[str, set[str]]:
    """Each name -> the names it is listed with ("London and Warsaw", "Paris, Berlin or
    Rome"): next to each other, joined by a comma, "and" or "or"."""
    mates: dict[str, set[str]] = {}
    for first, second in itertools.pairwise(mentions):
        gap = text[first.end : second.start]
        if first.source == "demonym" or second.source == "demonym" or "\n" in gap:
            continue
        if _LIST_GAP.fullmatch(gap) and _key(first) != _key(second):
            mates.setdefault(_key(first), set()).add(_key(second))
            mates.setdefault(_key(second), set()).add(_key(first))
    return mates


def _sentence_mates(text: str, mentions: list[Mention]) -> dict[str, set[str]]:
    """Each name -> the other names that share a sentence with one of its mentions.

    A demonym describes someone, not where things happen ("Ukrainian President Zelensky
    flew on to Paris"), so it is no one's sentence mate; nor is a country's name worn as a
    title ("a visit by US Secretary of State Rubio to Panama City" is not in Florida).
    """
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    by_sentence: dict[int, set[str]] = {}
    for mention in mentions:
        if mention.source == "demonym":
            continue
        title = _WORD_AFTER.match(text, mention.end)
        if title and title.group(1).lower() in TITLES:
            continue
        by_sentence.setdefault(bisect.bisect_right(ends, mention.start), set()).add(_key(mention))
    mates: dict[str, set[str]] = {}
    for keys in by_sentence.values():
        for key in keys:
            mates.setdefault(key, set()).update(keys - {key})
    return mates


def _key(mention: Mention) -> str:
    """One sense per discourse is one sense per name, and per kind where the text says it:
    "the city of Donetsk" and "the Donetsk region" are two places."""
    key = mention.hint or fold(mention.lookup or mention.text)
    return f"{key}|{mention.kind}" if mention.kind and not mention.hint else key


class _Nearby:
    """Where the other names' likely towns and counties lie, on a grid of one-degree cells.

    Local news names places near each other, and a state is too coarse to see it: the
    Paris of an article that also names two towns of the next county across a state line is
    that county's neighbour, not the capital of France. A town gains from each other name
    with a likely town or county within _NEAR_KM of it (the strongest such sense per name).
    States and countries are not sources: their point says nothing about where in them the
    article is, and a small town near a state's middle would gain from every mention of it.
    """

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[tuple[float, float, float, str, str]]] = {}

    def add(self, key: str, entry: GazetteerEntry, p: float) -> None:
        cell = (math.floor(entry.lat), math.floor(entry.lon))
        self._cells.setdefault(cell, []).append((entry.lat, entry.lon, p, key, entry.id))

    def support(self, key: str, entry: GazetteerEntry) -> float:
        lat, lon = entry.lat, entry.lon
        span_lat = math.ceil(_NEAR_KM / 111.0)
        span_lon = min(180, math.ceil(_NEAR_KM / (111.0 * max(0.05, math.cos(math.radians(lat))))))
        best: dict[str, float] = {}
        row, col = math.floor(lat), math.floor(lon)
        for dr in range(-span_lat, span_lat + 1):
            for dc in range(-span_lon, span_lon + 1):
                c = (col + dc + 180) % 360 - 180
                for plat, plon, p, other, place in self._cells.get((row + dr, c), ()):
                    if other == key or place == entry.id or p <= best.get(other, 0.0):
                        continue
                    if _km(lat, lon, plat, plon) <= _NEAR_KM:
                        best[other] = p
        return sum(best.values())


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    rad = math.pi / 180.0
    h = (
        math.sin((lat2 - lat1) * rad / 2) ** 2
        + math.cos(lat1 * rad) * math.cos(lat2 * rad) * math.sin((lon2 - lon1) * rad / 2) ** 2
    )
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _posterior(scored: list[tuple[float, GazetteerEntry]]) -> list[tuple[float, GazetteerEntry]]:
    top = scored[0][0]
    weights = [math.exp(_SHARPNESS * (score - top)) for score, _ in scored]
    total = sum(weights)
    return [(w / total, entry) for w, (_, entry) in zip(weights, scored, strict=True)]


def resolve(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Resolution]:
    """Choose a place for every mention, using the whole article as context.

    Each distinct name votes for the countries, states and counties its candidates lie in,
    and places its likely towns on a map, weighted by how likely each candidate is; a
    candidate then gains from the votes and the nearby towns of the *other* names. Repeated
    rounds let a confident name ("Clarke County", only in Georgia, US) settle an ambiguous one
    ("Athens") and that in turn settle a third ("Georgia").
    """
    names: dict[str, list[int]] = {}
    for i, mention in enumerate(mentions):
        names.setdefault(_key(mention), []).append(i)
    # The name as written, without the kind a key may carry ("donetsk|city").
    written = {
        key: mentions[indexes[0]].lookup or mentions[indexes[0]].text
        for key, indexes in names.items()
    }
    options: dict[str, list[GazetteerEntry]] = {
        key: _candidates(gazetteer, mentions[indexes[0]]) for key, indexes in names.items()
    }
    for key, indexes in names.items():

        def natural(i: int) -> bool:
            return (
                mentions[i].source == "ner:LOC"
                and mentions[i].hint is None
                and text[max(0, mentions[i].start - 4) : mentions[i].start].lower() == "the "
                and not _AREA_AFTER.match(text, mentions[i].end)
            )

        waters = [e for e in options[key] if e.kind == "sea"]
        if (
            waters
            and any(natural(i) for i in indexes)
            and not any(
                mentions[i].hint is not None or _AREA_AFTER.match(text, mentions[i].end)
                for i in indexes
            )
        ):
            # "The Red Sea" is the sea, not the Sudanese state named after it ("Red Sea
            # state" keeps the state: the division word follows), though a headline writes
            # it without its "the" ("pause Red Sea voyages").
            options[key] = waters
        elif all(natural(i) for i in indexes):
            options[key] = [
                e
                for e in options[key]
                if e.kind != "city" or e.population >= _NATURAL_FEATURE_MIN_CITY
            ]
    # A province named after its own country ("Taiwan", the State of Mexico, Panama's
    # province) is not what news means by the country's name: the country is.
    for key, entries in options.items():
        countries = {e.country_code for e in entries if e.kind == "country"}
        if countries:
            options[key] = [
                e for e in entries if not (e.kind == "region" and e.country_code in countries)
            ]
    # Names that may themselves be a state or country.
    areal = {
        key
        for key, entries in options.items()
        if any(e.kind in ("country", "continent") or e.feature_code == "ADM1" for e in entries)
    }
    # A state has its own police and schools ("Queensland Police Service"), a country rarely
    # goes by its bare name before them ("Lebanon Police" is the town's).
    townish = {
        _key(m)
        for m in mentions
        if _TOWN_WORDS.match(text, m.end)
        and not any(e.feature_code == "ADM1" for e in options[_key(m)])
    }
    qualifier_of: dict[str, list[str]] = {}
    for i, q in _qualifiers(text, mentions, areal).items():
        qualifier_of.setdefault(_key(mentions[i]), []).append(_key(mentions[q]))
    # A dateline with its state or country names the biggest town of the name there,
    # whatever towns the story names ("BELÉM, Brazil" is Pará's capital of 1.5 million,
    # though the story goes on to São Paulo, whose state has a Belém too). Without one, it is
    # the paper's own town ("MANSFIELD (AP)" in a Louisiana paper), which the story decides.
    for key, indexes in names.items():
        containers = [e for q in qualifier_of.get(key, ()) for e in options.get(q, ())]
        if not containers or not any(mentions[i].source == "dateline" for i in indexes):
            continue
        cities = [
            e for e in options[key] if e.kind == "city" and any(_contains(c, e) for c in containers)
        ]
        if cities:
            biggest = max(cities, key=lambda e: (e.population, e.feature_code == "PPLC"))
            options[key] = [biggest]  # ("NEW YORK (AP)" is the city, not the state)
    # A dateline of a national capital alone ("PANAMA CITY, Nov 1 (Reuters)") is that capital
    # when no town of the name is bigger: a town elsewhere would carry its state or country
    # ("PANAMA CITY, Fla."), as "SAN JOSE" alone may still be California's larger one.
    for key, indexes in names.items():
        if qualifier_of.get(key) or not any(mentions[i].source == "dateline" for i in indexes):
            continue
        towns = [e for e in options[key] if e.kind == "city"]
        # (Bigger than any town bearing the name as its own: "ISLAMABAD" is no Chattogram,
        # which some call so.)
        own = [e for e in towns if _canonical(e.name) == _canonical(written[key])]
        capital = max(own or towns, key=lambda e: e.population, default=None)
        if (
            capital is not None
            and capital.feature_code == "PPLC"
            and len(towns) > 1
            # (and the story names its country: "the Panama Canal"; a "VICTORIA" story
            # that never names Hong Kong is not from there)
            and _country_named(text, capital, gazetteer)
        ):
            options[key] = [capital]
    listed = _list_mates(text, mentions)
    # Countries named beside a name, in one of its sentences.
    beside = {
        key: [m for m in mates if any(e.kind == "country" for e in options.get(m, ()))]
        for key, mates in _sentence_mates(text, mentions).items()
    }

    # Candidates found only under another of their names that lose to the place bearing the
    # name: small towns, or towns much smaller than that place ("Odesa" is not Odessa, Texas;
    # "Newcastle" may well be Newcastle upon Tyne). Decided once, not in every round.
    other_named: set[tuple[str, str]] = set()
    for key, entries in options.items():
        own = {e.id for e in entries if _canonical(e.name) == _canonical(written[key])}
        bearer = max((e.population for e in entries if e.id in own), default=0)
        other_named.update(
            (key, e.id)
            for e in entries
            if e.kind == "city"
            and e.id not in own
            and (e.population < _OTHER_NAME_MAX_POPULATION or e.population * _BEARER_RATIO < bearer)
        )

    # Towns whose name is borne by a place a hundred times their size (Philadelphia, New
    # York, a village; Ontario, New York, a town, and the province): see _DWARF_RATIO.
    dwarfed: set[tuple[str, str]] = set()
    for key, entries in options.items():
        bearers = [
            e
            for e in entries
            if (e.kind == "city" or e.feature_code == "ADM1")
            and _canonical(e.name) == _canonical(written[key])
        ]
        for bearer in bearers:
            if bearer.population >= _DWARF_MIN_POPULATION:
                dwarfed.update(
                    (key, e.id)
                    for e in bearers
                    if e.kind == "city"
                    and e.country_code == bearer.country_code
                    and e.population * _DWARF_RATIO <= bearer.population
                )

    overshadowed: set[tuple[str, str]] = set()
    # The country of the city that overshadows a town, where it is another country.
    abroad: dict[tuple[str, str], str] = {}
    for key, entries in options.items():
        own = [
            e
            for e in entries
            if (e.kind == "city" or e.feature_code == "ADM1")
            and _canonical(e.name) == _canonical(written[key])
        ]
        if not any(e.kind == "city" for e in own):
            continue
        bearer = max(own, key=lambda e: e.population)
        if bearer.population >= _OVERSHADOW_MIN_POPULATION:
            for e in own:
                if e.kind == "city" and e.population * _OVERSHADOW_RATIO < bearer.population:
                    overshadowed.add((key, e.id))
                    if bearer.country_code and bearer.country_code != e.country_code:
                        abroad[(key, e.id)] = bearer.country_code

    def scores(key: str, picks: dict, nearby: _Nearby) -> list:
        result = []
        own_countries, own_regions, own_counties = votes_of.get(key, ({}, {}, {}))
        own_senses = beliefs.get(key, {})
        for entry in options[key]:
            # Other names that may mean this very place do not make it local to itself.
            echo = senses.get(entry.id, 0.0) - own_senses.get(entry.id, 0.0)
            if entry.feature_code == "ADM1":
                # Nor does its namesake seat, meant by another mention ("Rio", then "Rio de
                # Janeiro"): the city is in the state, but says nothing for the state reading.
                echo += sum(
                    senses.get(seat.id, 0.0) - own_senses.get(seat.id, 0.0)
                    for seat in options[key]
                    if seat.kind == "city" and seat.admin1 == entry.id
                )
            score = _prior(entry) + _seat_bonus(entry, options[key], fold(written[key]))
            share = 0.0
            if entry.country_code:
                support = countries.get(entry.country_code, 0.0) - own_countries.get(
                    entry.country_code, 0.0
                )
                score += _COUNTRY_CONTEXT * min(1.0, support)
                share = support / max(1e-9, votes - sum(own_countries.values()))
            local = 0.0
            region = _region(entry)
            # A town overshadowed by a foreign city whose country the article also names
            # ("Paris" in an article about India, France and, three paragraphs on, Texas)
            # needs a sign of itself: its state named, or its state's other towns, are not
            # enough against the city, which its own country speaks for.
            foreign = abroad.get((key, entry.id))
            rival_home = foreign is not None and (
                countries.get(foreign, 0.0) - own_countries.get(foreign, 0.0) >= _RIVAL_HOME
            )
            dwarf = (key, entry.id) in dwarfed
            if region and not rival_home and not dwarf:
                support = regions.get(region, 0.0) - own_regions.get(region, 0.0) - echo
                local += _REGION_CONTEXT * min(_REGION_SUPPORT_CAP, support)
            county = _county(entry)
            in_county = 0.0
            if county:
                support = counties.get(county, 0.0) - own_counties.get(county, 0.0) - echo
                in_county = min(1.0, support)
                local += _COUNTY_CONTEXT * in_county
            if entry.kind == "city":
                local += _NEAR_CONTEXT * min(_NEAR_CAP, nearby.support(key, entry))
            score += min(_LOCAL_CAP, local) + _COUNTY_BEYOND_CAP * in_county
            if (
                region
                and entry.feature_code != "ADM1"
                and key not in areal
                and not rival_home
                and not dwarf
            ):
                named_here = _NAMED_REGION * min(1.0, named.get(region, 0.0))
                local += named_here
                score += named_here
            if local < _OVERSHADOWED and share < _HOME_SHARE and (key, entry.id) in overshadowed:
                score -= _OVERSHADOWED - local
            if (key, entry.id) in other_named:
                score -= _OTHER_NAME
            if entry.kind == "city" and key in townish:
                score += _TOWN_FORM
            # (A mate that is a capital by its very name counts whatever it is picked as this
            # round: "New Delhi" may waver between the capital and Delhi.)
            if entry.feature_code == "PPLC" and any(
                mate.feature_code == "PPLC"
                and mate.country_code != entry.country_code
                and (
                    mate is picks.get(other) or _canonical(mate.name) == _canonical(written[other])
                )
                for other in listed.get(key, ())
                for mate in options.get(other, ())
            ):
                score += _CAPITALS_LISTED
            if (
                entry.feature_code == "ADM1"
                and not qualifier_of.get(key)  # ("Texas and Washington, D.C.")
                and any(
                    (mate := picks.get(other)) is not None
                    and mate.feature_code == "ADM1"
                    and mate.country_code == entry.country_code
                    and not any(
                        e.kind == "city" and e.population >= _STATE_MATE_CITY_MAX
                        for e in options.get(other, ())
                    )
                    and not any(
                        town.kind == "city"
                        and town.population >= _STATE_MATE_CITY_MAX
                        and _km(town.lat, town.lon, mate.lat, mate.lon) < _STATE_MATE_NEAR_KM
                        for town in options[key]
                    )
                    for other in listed.get(key, ())
                )
            ):
                score += _STATES_LISTED
            if (
                entry.kind == "city"
                and entry.country_code
                and any(
                    (mate := picks.get(other)) is not None
                    and mate.kind in ("city", "region")
                    and mate.country_code == entry.country_code
                    # (a mate that is surely there: all its readings in that country)
                    and {e.country_code for e in options.get(other, ())} == {entry.country_code}
                    for other in listed.get(key, ())
                )
            ):
                score += _LISTED_SAME_COUNTRY
            for qualifier_key in qualifier_of.get(key, ()):
                container = picks.get(qualifier_key)
                pool = [container] if container is not None else options.get(qualifier_key, [])
                if any(_contains(q, entry) for q in pool):
                    score += _QUALIFIER
                    break
            else:
                if (
                    entry.kind == "city"
                    and key not in areal
                    and (key, entry.id) not in other_named
                    and any(
                        (country := picks.get(mate)) is not None
                        and country.kind == "country"
                        and _contains(country, entry)
                        for mate in beside.get(key, ())
                    )
                ):
                    score += _SAME_SENTENCE
            result.append((score, entry))
        result.sort(key=lambda se: (-se[0], se[1].id))
        return result

    votes_of: dict[str, tuple[dict, dict, dict]] = {}
    countries: dict[str, float] = {}
    votes = 0.0
    regions: dict[str, float] = {}
    counties: dict[str, float] = {}
    picks: dict[str, GazetteerEntry] = {}
    ranked: dict[str, list] = {}
    nearby = _Nearby()
    beliefs: dict[str, dict[str, float]] = {}
    senses: dict[str, float] = {}
    named: dict[str, float] = {}
    for _round in range(_ROUNDS):
        ranked = {key: scores(key, picks, nearby) for key in names if options[key]}
        picks = {key: scored[0][1] for key, scored in ranked.items()}
        votes_of = {}
        countries, regions, counties = {}, {}, {}
        senses = {}
        named = {}
        nearby = _Nearby()
        for key, scored in ranked.items():
            own_c: dict[str, float] = {}
            own_r: dict[str, float] = {}
            own_k: dict[str, float] = {}
            fresh = _posterior(scored)
            previous = beliefs.get(key)
            if previous is not None:
                fresh = [
                    ((1 - _DAMPING) * p + _DAMPING * previous.get(entry.id, 0.0), entry)
                    for p, entry in fresh
                ]
            beliefs[key] = {entry.id: p for p, entry in fresh}
            for p, entry in fresh:
                senses[entry.id] = senses.get(entry.id, 0.0) + p
                if entry.feature_code == "ADM1":
                    named[entry.id] = named.get(entry.id, 0.0) + p
                if p >= _NEAR_MIN_P and (entry.kind == "city" or entry.feature_code == "ADM2"):
                    nearby.add(key, entry, p)
                if entry.country_code:
                    own_c[entry.country_code] = own_c.get(entry.country_code, 0.0) + p
                region = _region(entry)
                if region:
                    own_r[region] = own_r.get(region, 0.0) + p
                county = _county(entry)
                if county:
                    own_k[county] = own_k.get(county, 0.0) + p
            votes_of[key] = (own_c, own_r, own_k)
            for code, p in own_c.items():
                countries[code] = countries.get(code, 0.0) + p
            for region, p in own_r.items():
                regions[region] = regions.get(region, 0.0) + p
            for county, p in own_k.items():
                counties[county] = counties.get(county, 0.0) + p
        votes = sum(countries.values())

    results: list[Resolution] = []
    for mention in mentions:
        scored = ranked.get(_key(mention))
        if not scored:
            results.append(Resolution(mention, None, 0.0))
            continue
        posterior = _posterior(scored)
        runner = scored[1][1] if len(scored) > 1 else None
        entry = _as_named(scored[0][1], [e for _, e in scored], mention)
        results.append(Resolution(mention, entry, round(posterior[0][0], 3), runner))
    return results


def _as_named(
    entry: GazetteerEntry, options: list[GazetteerEntry], mention: Mention
) -> GazetteerEntry:
    """The chosen place under the name the article uses, when the gazetteer holds that name
    as a separate entry on the same spot: "New Delhi" is New Delhi, not the larger Delhi
    that lists it among its other names. Where it is drawn barely moves; what it is called
    on the map is what the reader read."""
    name = _canonical(mention.lookup or mention.text)
    if mention.hint is not None or _canonical(entry.name) == name:
        return entry
    for other in options:
        if (
            other.kind == entry.kind
            and _canonical(other.name) == name
            and _km(entry.lat, entry.lon, other.lat, other.lon) <= _SAME_SPOT_KM
        ):
            return other
    return entry
