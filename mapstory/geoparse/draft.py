"""Any article → a draft :class:`~mapstory.model.Story`, with no curated file.

The draft uses the same model as a curated story, so the Story and Explore views, the
exports and the validator all work on it unchanged. Everything in it points back at the
article's own words; what the engine inferred rather than read (a traveller's starting point
taken from their nationality) is marked as inferred.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import itertools
import re
from collections import Counter
from dataclasses import dataclass

from geopy.location import Location

from mapstory.blocs import BlocDataError, BlocDef, alias_pattern, load_blocs
from mapstory.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    default_gazetteer,
    division_core,
    fold,
    world_region_members,
)
from mapstory.geocode.chain import BatchResult, GeocoderChain
from mapstory.geoparse import geoparse
from mapstory.geoparse.events import HOME_PREFIX, ActorRef, EventDraft, PlaceRef, extract_events
from mapstory.geoparse.lexicon import nlp
from mapstory.geoparse.recognize import TITLES
from mapstory.geoparse.resolve import Resolution
from mapstory.messages import number, plural, text
from mapstory.model import (
    Actor,
    Alliance,
    Article,
    Bloc,
    Conflict,
    DateValue,
    Disaster,
    Institution,
    Member,
    Place,
    Port,
    Span,
    Statement,
    Story,
    Trade,
    Visit,
)

__all__ = ["DraftResult", "draft_story", "make_draft", "relocate_place"]

_KINDS = {
    "city": "city",
    "region": "region",
    "country": "country",
    "continent": "continent",
    "sea": "sea",
}
# Nominatim's kinds that the offline gazetteer has no equivalent for.
_ONLINE_KINDS = {**_KINDS, "water": "sea", "island": "site", "other": "site"}
_TITLE_MAX = 90


def _slug(text: str, taken: set[str], prefix: str = "") -> str:
    base = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:50] or "item"
    base = f"{prefix}{base}"[:58]
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


def _span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def _note(resolution: Resolution) -> str:
    note = f"Placed by the offline gazetteer ({resolution.confidence:.0%} confidence)"
    runner = resolution.runner_up
    if runner is not None:
        where = f", {runner.country_code}" if runner.country_code else ""
        note += f"; runner-up: {runner.name}{where} ({runner.kind})"
    return note + "."


def _online_note(location: Location) -> str:
    address = location.raw.get("display_name") or location.address
    return (
        "Not in the offline gazetteer; placed by Nominatim (OpenStreetMap data, ODbL) as "
        f"{address}."
    )


def _online_entry(location: Location) -> GazetteerEntry:
    """A Nominatim answer in the gazetteer's shape, so events can use it like any place."""
    raw = location.raw
    return GazetteerEntry(
        id=str(raw.get("id") or ""),
        name=str(raw.get("name") or location.address),
        kind=str(raw.get("kind") or "other"),
        feature_code="",
        country_code=str(raw.get("country_code") or ""),
        iso3="",
        lat=location.latitude,
        lon=location.longitude,
        population=int(raw.get("population") or 0),
        alt_names=(),
    )


# Letters and marks of scholarly transliteration (GeoNames writes "Rafaḩ", "Ḩajjah",
# "Ţūlkarm", "Herāt", "Tōkai"), which English news spells without; a language's own letters
# ("Kahramanmaraş") are its name and stay.
_TRANSLITERATION_MARKS = frozenset("ḨḩḐḑẒẓẔẕṢṣṬṭḤḥŢţ‘’ʿʾʻĀāĒēĪīŌōŪū")


_SAINT = re.compile(r"St\.? (?=[A-Z])")


def _as_written(entry: GazetteerEntry, written: str, hint: str | None) -> GazetteerEntry:
    """*entry* under the article's spelling when that is one of its names ("Ulaanbaatar" for
    GeoNames' "Ulan Bator", "Zhejiang" for "Zhejiang Sheng", "Pampanga" for "Province of
    Pampanga"): the reader finds on the map the word they read. Only for towns and regions,
    and not for abbreviations, adjectives or a dateline's capitals; the first such spelling
    wins."""
    written = " ".join(written.split())
    if (
        hint is None
        and _SAINT.match(written)
        and fold(_SAINT.sub("Saint ", written)) == fold(entry.name)
    ):
        return dataclasses.replace(entry, name=written)  # "St. Lucie County", "St. Louis"
    if hint is not None or len(written) < 4 or "." in written or written.isupper():
        return entry
    if fold(entry.name) == "the " + fold(written):
        return entry  # "The Hague", "The Bronx": the article's article belongs to the name
    if (
        fold(written) == fold(entry.name)
        and written.isascii()
        and any(c in _TRANSLITERATION_MARKS for c in entry.name)
        and written[:1].isupper()
    ):
        # "Rafah" for GeoNames' transliteration "Rafaḩ": marks no English reader types.
        return dataclasses.replace(entry, name=written)
    if entry.feature_code in ("ADM1", "ADM2"):  # not "Baltic" for the Baltic states
        if fold(entry.name) in (fold(written), division_core(fold(written))):
            return entry  # "the Aude department": its name, with the article's word for it
        if fold(written) != fold(entry.name) and fold(written) in {
            fold(a) for a in entry.alt_names
        }:
            return dataclasses.replace(entry, name=written)
        if fold(written) != division_core(fold(entry.name)):
            # "the Ryazan region": the English name with its division word ("Ryazan
            # Oblast"), where the source's own is another spelling ("Rjazan")
            full = next(
                (a for a in entry.alt_names if division_core(fold(a)) == fold(written)), None
            )
            if full is not None:
                return dataclasses.replace(entry, name=full)
        return entry
    if (
        entry.kind != "city"
        or fold(written).startswith(fold(entry.name))  # "Springfield City" (its schools)
        or fold(entry.name).startswith(fold(written))
    ):
        return entry
    if fold(written) not in {fold(a) for a in entry.alt_names}:
        return entry
    return dataclasses.replace(entry, name=written)


def _place(entry: GazetteerEntry, place_id: str, **extra) -> Place:
    return Place(
        id=place_id,
        name=entry.name,
        kind=_ONLINE_KINDS.get(entry.kind, "site"),  # type: ignore[arg-type]
        gazetteer_id=entry.id,
        lat=entry.lat,
        lon=entry.lon,
        country_code=entry.country_code or None,
        capital_of=entry.country_code if entry.feature_code == "PPLC" else None,
        **extra,
    )


# Titles that are part of how a person is named: "Pope Francis" is his name, where
# "President Lula" is a title before a name.
_STYLED_TITLES = frozenset(
    {"pope", "king", "queen", "prince", "princess", "emperor", "empress", "sheikh", "emir",
     "patriarch"}
)  # fmt: skip
_REGNAL_NUMBER = re.compile(r"[IVX]{1,5}")  # "King Felipe VI", "Pope Leo XIV"


# Words after a styled title that make it a place's name: "King County", "Prince Edward
# Island", "Queen Maud Land".
_NAMED_PLACE_WORDS = frozenset(
    {"county", "island", "islands", "land", "street", "road", "bay", "sound", "city", "town",
     "river", "mountain", "mountains", "avenue", "square", "park", "station", "airport",
     "hospital", "college", "university", "school", "bridge", "hall"}
)  # fmt: skip


def _untagged_monarchs(doc) -> list:
    """ "King Charles", "Pope Leo XIV" that the model tagged as nothing at all (after a
    dateline it often does), or as a place or body of its own ("Britain's King Charles"
    as a GPE): a styled title and one or two capitalised names, in no entity or in one of
    their own, are a person."""
    from spacy.tokens import Span as NameSpan  # loaded already: doc is spaCy's

    found = []
    for token in doc:
        if token.lower_ not in _STYLED_TITLES or not token.is_title:
            continue
        # In an entity, only a place's that starts at the title (an organisation's is
        # read as a titled name in _actors).
        tagged = bool(token.ent_type_)
        if tagged and (token.ent_type_ not in ("GPE", "LOC", "NORP") or token.ent_iob_ != "B"):
            continue
        end = token.i + 1
        while (
            end < len(doc)
            and end - token.i <= 2
            and doc[end].pos_ == "PROPN"
            and doc[end].is_title
            and (doc[end].ent_iob_ == "I" if tagged else not doc[end].ent_type_)
        ):
            end += 1
        if (
            tagged
            and end < len(doc)
            and doc[end].ent_iob_ == "I"
            and doc[end].is_alpha
            and doc[end].pos_ != "CCONJ"
        ):
            continue  # the entity goes on past the name: something else's name
        if any(t.lower_ in _NAMED_PLACE_WORDS for t in doc[token.i + 1 : end]):
            continue
        if end < len(doc) and _REGNAL_NUMBER.fullmatch(doc[end].text):
            end += 1
        if end - token.i >= 2:
            found.append(NameSpan(doc, token.i, end, label="PERSON"))
    return found


def _actors(
    doc, text: str, place_spans: list[tuple[int, int]]
) -> tuple[list[Actor], list[ActorRef], dict[str, str]]:
    """People named in the article; a lone surname is the same person as the full name.

    A "person" that the geoparser took for a place ("Vladivostok") or that holds a digit
    ("200bn") is one of spaCy's mistakes, not a person.
    """

    def plausible(ent) -> bool:
        if any(ch.isdigit() for ch in ent.text):
            return False
        if len(ent) == 1 and ent.label_ == "PERSON" and _names_a_thing(ent.root, text):
            return False
        return not any(s < ent.end_char and ent.start_char < e for s, e in place_spans)

    def titled(ent) -> bool:
        """A name the model took for an organisation right after a person's title
        ("Chancellor Olaf Scholz" tagged ORG) or before a "who", or a monarch's with the
        title inside it ("King Felipe VI")."""
        if ent.label_ != "ORG":
            return False
        if ent[0].lower_ in _STYLED_TITLES and ent[0].is_title and 2 <= len(ent) <= 4:
            words = list(ent[1:])
            if len(words) > 1 and _REGNAL_NUMBER.fullmatch(words[-1].text):
                words.pop()
            return len(words) <= 2 and all(t.is_alpha and t.is_title for t in words)
        if not (2 <= len(ent) <= 3 and all(t.is_alpha and t.is_title for t in ent)):
            return False
        doc = ent.doc
        return (ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in TITLES) or (
            # "Vadim Krasikov, who was serving a life sentence": a "who" says a person
            ent.end + 1 < len(doc) and doc[ent.end].text == "," and doc[ent.end + 1].lower_ == "who"
        )

    def named(ent):
        """The person's name as the article writes it, with a title that is part of it
        ("Pope Francis", "King Charles"), which the model leaves out of the name, and without
        a possessive it took in ("Chancellor Olaf Scholz's coalition")."""
        from spacy.tokens import Span as NameSpan  # loaded already: doc is spaCy's

        if len(ent) > 1 and ent[-1].text in ("'s", "’s", "'", "’"):
            ent = NameSpan(ent.doc, ent.start, ent.end - 1, label=ent.label_)
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.is_title and before.lower_ in _STYLED_TITLES:
            return NameSpan(ent.doc, ent.start - 1, ent.end, label=ent.label_)
        return ent

    persons = [named(e) for e in doc.ents if (e.label_ == "PERSON" or titled(e)) and plausible(e)]
    monarchs = [e for e in _untagged_monarchs(doc) if plausible(e)]
    persons += monarchs
    persons.sort(key=lambda e: e.start)
    full_names = [e for e in persons if len(e) > 1]
    by_token: dict[str, str] = {}
    actors: dict[str, dict] = {}
    taken: set[str] = set()
    # "King Charles" in a headline and "King Charles III" in the body are one man: names
    # equal but for a title that is part of them or a regnal number.
    same_as: dict[str, str] = {}
    by_bare_name: dict[str, str] = {}
    for ent in full_names:
        name = ent.text.strip()
        key = fold(name)
        bare = fold(" ".join(_bare_name_words(ent)))
        if key not in actors and bare and bare in by_bare_name:
            same_as[key] = by_bare_name[bare]
            continue
        if key not in actors:
            actors[key] = {"id": _slug(name, taken), "name": name, "spans": []}
            if bare:
                by_bare_name.setdefault(bare, key)
        for token in ent:
            if token.lower_ not in _STYLED_TITLES:
                by_token.setdefault(fold(token.text), key)

    def _key_of(ent) -> str:
        key = fold(ent.text.strip())
        return same_as.get(key, key)

    # A surname of several words ("von der Leyen", "Lula da Silva") is its person's too.
    by_surname: dict[str, str] = {}
    for ent in full_names:
        words = [t.text for t in ent if t.lower_ not in _STYLED_TITLES]
        for n in range(1, len(words) - 1):
            by_surname.setdefault(fold(" ".join(words[n:])), _key_of(ent))

    refs: list[ActorRef] = []
    # (A monarch the model took for a place, "Britain's King Charles" as a GPE, is named
    # here; one it tagged nothing is found by its name's words below.)
    for ent in [*doc.ents, *(m for m in monarchs if m[0].ent_type_)]:
        if ent.label_ == "PERSON":
            ent = named(ent)
        # A named person's surname alone may be tagged anything ("Blinken" as a place).
        surname = len(ent) == 1 and fold(ent.text.strip()) in by_token
        if (ent.label_ not in ("PERSON", "ORG") and not surname) or not plausible(ent):
            continue
        key = fold(ent.text.strip())
        key = same_as.get(key, key)
        if key not in actors:
            if len(ent) == 1 and key in by_token:
                key = by_token[key]
            elif len(ent) > 1 and key in by_surname:
                key = by_surname[key]  # "Von der Leyen", however tagged
            elif ent.label_ == "PERSON" and len(ent) == 1:
                # "Macron and his wife Brigitte": a first name by kin is of the family.
                name = " ".join([ent.text, *_family_name(ent, full_names)])
                actors[key] = {"id": _slug(name, taken), "name": name, "spans": []}
            else:
                continue
        actors[key]["spans"].append((ent.start_char, ent.end_char))
        refs.append(ActorRef(actors[key]["id"], ent.start_char, ent.end_char))
    # A surname the model tagged nothing at all ("Sunak flew to San Diego" opening a
    # sentence) is still its person; so is any other word of one person's full name, as
    # names that put the family name first or go by one name are written ("Xi", "Prabowo",
    # "Lula"). A word two people's names share is neither's.
    owners: dict[str, set[str]] = {}
    for ent in full_names:
        for token in ent:
            if token.lower_ not in _STYLED_TITLES and token.is_title and len(token.text) > 2:
                owners.setdefault(fold(token.text), set()).add(_key_of(ent))
    surnames = {word: keys.pop() for word, keys in owners.items() if len(keys) == 1}
    surnames.update({fold(ent[-1].text): _key_of(ent) for ent in full_names})
    # "From Manila Blinken will fly to Seoul": the model may run a place and the surname after
    # it into one name, of which the geoparser kept only the place.
    run_on = {
        token.i
        for ent in doc.ents
        if ent.label_ != "PERSON"
        and len(ent) > 1
        and any(s <= ent.start_char and ent.start_char < e for s, e in place_spans)
        for token in ent[1:]
    }
    for token in doc:
        key = surnames.get(fold(token.text))
        # ("Trump flew to Rome": the model may read the name as the common noun, but not
        # as the subject of what a person does.)
        subject = token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass")
        if (
            key is None
            or (token.ent_type_ and token.i not in run_on)
            or (token.pos_ != "PROPN" and not subject)
            or not token.is_title
            or any(s <= token.idx < e for s, e in place_spans)
        ):
            continue
        actors[key]["spans"].append((token.idx, token.idx + len(token.text)))
        refs.append(ActorRef(actors[key]["id"], token.idx, token.idx + len(token.text)))
    refs.sort(key=lambda ref: ref.start)
    for actor in actors.values():
        actor["spans"].sort()
    result = [
        Actor(id=a["id"], name=a["name"], mentions=[_span(text, s, e) for s, e in a["spans"]])
        for a in actors.values()
    ]
    names = {a["id"]: a["name"] for a in actors.values()}
    return result, refs, names


def _bare_name_words(ent) -> list[str]:
    """A person's name without the title or regnal number that is part of it."""
    words = [t.text for t in ent if t.lower_ not in _STYLED_TITLES]
    if len(words) > 1 and _REGNAL_NUMBER.fullmatch(words[-1]):
        words.pop()
    return words


# Names English writes with "the": "the United States", "the Philippines", "the European
# Union".
_NAMES_WITH_THE = re.compile(
    r"\b(?:United|Republic|Kingdom|Emirates|Islands|Union|Council)\b"
    r"|^(?:Netherlands|Philippines|Bahamas|Maldives|Comoros|Seychelles|Gambia)$"
    # waters: "in the Red Sea", "in the Strait of Hormuz"
    r"|\b(?:Sea|Ocean|Gulf|Strait|Straits|Channel|Canal)$|^(?:Gulf|Strait|Straits|Bay|Sea) of\b"
)


def _in_prose(name: str) -> str:
    """A place's name as a sentence writes it after a preposition: "by the United States"."""
    if name.startswith(("The ", "the ")):
        return f"the {name[4:]}"  # "to the Netherlands", as GeoNames writes "The Netherlands"
    return f"the {name}" if _NAMES_WITH_THE.search(name) else name


def _first_upper(title: str) -> str:
    return title[:1].upper() + title[1:]


def _names_a_thing(token, text: str) -> bool:
    """A lone capitalised word naming a product or a model, not someone: "Patriot systems",
    "Iris-T air defence" — it modifies a common noun, or a hyphen joins it to a code."""
    if token.dep_ == "compound" and token.head.pos_ == "NOUN" and token.head.i > token.i:
        return True
    end = token.idx + len(token.text)
    return text[end : end + 1] == "-" and text[end + 1 : end + 2].isupper()


_OWNER_AFTER = re.compile(r"^,\s*(?:the\s+)?(?P<owner>[^,;.]{2,40}?)(?:’s|'s)\s")
_CLAUSE_BREAK = re.compile(r"[.;:!?”\"\n]")
_SENTENCE_GAP = re.compile(r"[.!?][\"'”’)]*\s+[A-Z]")
_AFTER_PREPOSITION = re.compile(
    r"\b(?:after|before|from|to|in|into|at|for|via|through|across|leaving|visiting)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# What may stand between a country and the name of someone speaking for it: a possessive
# and a title ("Russia's Putin", "Ukraine President Volodymyr Zelensky", "Iran's supreme
# leader Ali Khamenei").
_TITLE_BETWEEN = re.compile(
    r"(?:['’]s)?(?:[\s,]+(?:[A-Z][\w.'’-]*|prime|minister|foreign|defen[cs]e|finance|trade|"
    r"interior|deputy|vice|acting|interim|caretaker|transitional|outgoing|incoming|former|"
    r"then|new|president|leader|chief|supreme|king|queen|"
    r"crown|prince|premier|chancellor|secretary|of|state|general|envoy|ambassador|top|"
    r"diplomat|official|counterpart|ruler|opposition|army|military|spy|security|national|"
    r"special|representative|spokesman|spokeswoman|speaker|head|the|ministry|spokesperson|"
    r"economy|energy|health|justice|education|industry|commerce|labou?r|environment|"
    r"climate|affairs|external|senior|navy|air|force|intelligence|central|bank|governor|"
    r"mayor|senator|lawmaker|monarch|emir|sheikh|pope|cardinal|archbishop|bishop|"
    r"billionaire|tycoon|businessman|businesswoman|activist|journalist|author|singer|star|"
    r"shipping|transport|agriculture|tourism|culture|technology|science|digital|development|"
    r"infrastructure|mining|mines|oil|petroleum|water|housing|planning|budget|treasury|"
    r"aviation|railways?|fisheries|immigration|migration|asylum|communications|information|"
    r"sports?|adviser|advisor|aide|negotiator|commander))*"
    r"[\s,]*"
)
_OWNER_BEFORE = re.compile(r"(?P<owner>[A-Z][^,;.]{1,40}?)(?:’s|'s)\s[^,;.]{2,60},\s*$")


def _home_countries(
    text: str, actor_refs: list[ActorRef], places: list[PlaceRef], *, strict: bool = False
) -> dict[str, str]:
    """Actor id -> place key of the country they speak for ("Russia's prime minister").

    A person's clear signs, at any of their mentions ("Hungarian Prime Minister Viktor
    Orban", "Orban, Hungary's prime minister"), win over a country that merely precedes a
    mention ("… clash over Ukraine aid as Orban blocks deal"). *strict* (for placing what
    someone said) takes only the clear signs.
    """
    countries = [p for p in places if p.kind == "country"]

    def sign(ref: ActorRef, clear: bool) -> str | None:
        after = _OWNER_AFTER.match(text[ref.end : ref.end + 80])
        before = _OWNER_BEFORE.search(text[max(0, ref.start - 90) : ref.start])
        windows = []
        if after:
            windows.append((ref.end + after.start("owner"), ref.end + after.end("owner")))
        if before:
            base = max(0, ref.start - 90)
            windows.append((base + before.start("owner"), base + before.end("owner")))
        # "Russian prime minister Mikhail Mishustin": a demonym just before the name.
        windows.append((max(0, ref.start - 40), ref.start))
        for start, end in windows:
            match = [p for p in countries if start <= p.start and p.end <= end]
            if (start, end) == windows[-1]:
                # The previous paragraph's or sentence's last country is not the name's
                # ("… a partnership with Vietnam. Biden will fly home").
                match = [
                    p
                    for p in match
                    if "\n" not in text[p.end : ref.start]
                    and not _SENTENCE_GAP.search(text, p.end, ref.start + 1)
                ]
                if clear:
                    # ("Apia, the Samoan capital, where Charles will attend": a demonym of
                    # the place, not of the man; only title words may stand between.)
                    match = [
                        p
                        for p in match
                        if p.demonym
                        and not _CLAUSE_BREAK.search(text[p.end : end])
                        and _TITLE_BETWEEN.fullmatch(text[p.end : ref.start])
                    ]
                else:
                    # "After Australia, Charles and Camilla will fly to Samoa": a place
                    # the sentence goes to or from, not the country the name speaks for;
                    # "to talk AI and Ukraine with Biden": words between that are no title.
                    match = [
                        p
                        for p in match
                        if not _AFTER_PREPOSITION.search(text, max(0, p.start - 20), p.start)
                        and _TITLE_BETWEEN.fullmatch(text[p.end : ref.start])
                    ]
            if match:
                return match[-1].key
        return None

    homes: dict[str, str] = {}
    for clear in (True, False) if not strict else (True,):
        for ref in actor_refs:
            if ref.key not in homes and (home := sign(ref, clear)) is not None:
                homes[ref.key] = home
    # "Japanese Foreign Minister Yoko Kamikawa and Defence Minister Minoru Kihara": the
    # demonym before the first of two officials joined by "and" is the second's too, when
    # nothing else tells the second's.
    for first, second in itertools.pairwise(sorted(actor_refs, key=lambda r: r.start)):
        if (
            second.key not in homes
            and first.key in homes
            and first.key != second.key
            and _JOINED_TITLE.fullmatch(text[first.end : second.start])
        ):
            homes[second.key] = homes[first.key]
    return homes


# A head of state or government named by title alone, as news names its own country's:
# "Prime Minister Keir Starmer", not "Indian Prime Minister Narendra Modi".
_BARE_TITLE = re.compile(
    r"(?:^|[.;:\n]\s*|[,(]\s*|\b(?:[a-z]+|The)\s+)"
    r"(?:Prime Minister|President|Chancellor|Premier|King|Queen)\s+$"
)


def _homes_by_dateline(
    text: str,
    actor_refs: list[ActorRef],
    refs: list[PlaceRef],
    homes: dict[str, str],
    filed_from: str | None,
    entries: dict[str, GazetteerEntry | None],
    drafts: list[EventDraft],
) -> None:
    """ "LONDON, Dec 3 - … Prime Minister Keir Starmer will hold talks": a leader named by
    title alone in a story filed from a country's capital is that country's, as a wire
    story names the host's own leaders — unless the story has them travel to that country
    ("Prime Minister Narendra Modi arrived in Kyiv", as his own country's press writes)."""
    capital = entries.get(filed_from or "")
    if capital is None or not capital.is_capital:
        return
    country = next(
        (
            r.key
            for r in refs
            if r.kind == "country" and r.country_code == capital.country_code and not r.demonym
        ),
        None,
    )
    # (A territory's leaders are another country's: "MAMOUDZOU, Mayotte … Prime Minister
    # Francois Bayrou held a crisis meeting in Paris".)
    if country is None or getattr(entries.get(country), "feature_code", "") != "PCLI":
        return
    going_there = {
        d.fields["actor"]
        for d in drafts
        if d.kind == "visit"
        and (went := entries.get(d.fields["destination"])) is not None
        and went.country_code == capital.country_code
    }
    travelling = {
        d.fields["actor"] for d in drafts if d.kind == "visit" and not d.fields.get("met_there")
    }
    for ref in sorted(actor_refs, key=lambda r: r.start):
        if (
            ref.key not in homes
            and ref.key not in going_there
            and _BARE_TITLE.search(text, max(0, ref.start - 40), ref.start)
            # (one who travels is the host's leader going abroad; one only met abroad is
            # that country's: "… to Moscow, where President Vladimir Putin met him")
            and (
                ref.key in travelling
                or not _placed_elsewhere(text, ref, refs, capital.country_code)
            )
        ):
            homes[ref.key] = country


def _placed_elsewhere(text: str, ref: ActorRef, refs: list[PlaceRef], code: str) -> bool:
    """Whether the sentence naming *ref* puts them in a town of a country other than *code*
    ("He was flown to Moscow, where President Vladimir Putin met him", filed from Ankara)."""
    start = max(text.rfind(". ", 0, ref.start), text.rfind("\n", 0, ref.start)) + 1
    ends = [i for i in (text.find(". ", ref.end), text.find("\n", ref.end)) if i >= 0]
    end = min(ends) if ends else len(text)
    return any(
        start <= r.start < end and r.kind == "city" and r.country_code not in ("", code)
        for r in refs
    )


# " and Defence Minister ": an official named right after another, by title alone.
_JOINED_TITLE = re.compile(
    r"\s+and\s+(?:(?:[A-Z][a-z]+|of)\s+)*?(?:[Mm]inister|[Ss]ecretary|[Cc]hief|[Aa]dviser|"
    r"[Ee]nvoy)\s+"
)


def _met_at_home(
    draft: EventDraft,
    travelling: dict[str, set[str]],
    homes: dict[str, str],
    entries: dict[str, GazetteerEntry | None],
) -> bool:
    """Whether *draft* is a meeting that does not make a visit ("the mayor met residents in
    Springfield"): a meeting in a city is a visit only for someone away from home, from
    another country ("Blinken arrived in Tel Aviv … met Netanyahu in Jerusalem") or
    travelling about that country in the story ("Biden flew to Chicago … met union leaders
    in Detroit"), or of no known country but travelling abroad in it. A host who travels
    abroad later ("Mitsotakis and Erdogan meet in Athens"; "Mitsotakis will pay a return
    visit to Ankara") still met at home."""
    if draft.kind != "visit" or not draft.fields.get("met_there"):
        return False
    if draft.fields.get("en_route"):
        return False  # "fly home …, stopping in Anchorage": a halt on a journey, made
    actor = draft.fields["actor"]
    home = entries.get(homes.get(actor, ""))
    there = entries.get(draft.fields["destination"])
    if there is not None and there.country_code in travelling.get(actor, set()):
        return False
    if home is None and there is not None and travelling.get(actor, set()) - {""}:
        # Someone of no known country who travels abroad in the story ("a tour of Asia that
        # took him to Singapore … met Vietnam's prime minister in Hanoi") meets on the tour.
        return False
    return home is None or there is None or home.country_code == there.country_code


@functools.cache
def _capitals(gazetteer: Gazetteer) -> dict[str, GazetteerEntry]:
    """Country code -> national capital, built once per gazetteer (a scan of ~76 000 rows)."""
    return {e.country_code: e for e in gazetteer if e.is_capital and e.country_code}


@dataclass(frozen=True)
class DraftResult:
    """A draft story and, when online geocoding was on, how the names it asked about fared.

    ``online`` is None offline; otherwise it holds every name the offline gazetteer lacked,
    what Nominatim placed and what it could not be asked about (errors, time running out).
    """

    story: Story
    online: BatchResult | None = None

    def online_problem(self) -> str | None:
        """A sentence naming the places that could not be geocoded online, and why; or None.

        Plain text (the page escapes it): the names come from the article.
        """
        batch = self.online
        if batch is None or not batch.unplaced:
            return None
        names = batch.unplaced
        error = batch.first_error
        listed = text("list.separator").join(names[:12])
        if len(names) > 12:
            listed = text("draft_online.more", names=listed, count=number(len(names) - 12))
        why = text("draft_online.why", error=error.message) if error is not None else ""
        return plural("draft_online.unplaced", len(names), names=listed, why=why)

    def online_placed(self) -> list[str]:
        """Names the offline gazetteer lacks that the online geocoder placed."""
        batch = self.online
        return [name for name in batch.names if name in batch.found] if batch else []


# A continent's adjective opening a name: "the European Union", "African Union troops".
_INSTITUTION_AFTER = re.compile(r"\s+[A-Z][a-z]")


def _names_institution(resolution: Resolution, entry: GazetteerEntry, text: str) -> bool:
    """Whether a continent's adjective only begins an institution's name ("the European
    Commission", "the African Union"): the institution is not the continent, and the map
    has its own marks for blocs ("European leaders" is Europe)."""
    mention = resolution.mention
    return (
        mention.source == "demonym"
        and entry.kind == "continent"
        and _INSTITUTION_AFTER.match(text, mention.end) is not None
    )


def _bloc_names(text: str) -> list[tuple[int, int]]:
    """Spans of the blocs the article names by the bloc table's names: a town inside one
    ("the Shanghai Cooperation Organisation") names the bloc, not a place it happens in."""
    try:
        definitions = load_blocs()
    except BlocDataError:
        return []  # the bloc table is an extra; a damaged one must not stop the draft
    return [
        match.span()
        for bloc in definitions.values()
        for match in alias_pattern(bloc.aliases, bloc.proper_names).finditer(text)
    ]


def _inside_bloc_name(mention, bloc_names: list[tuple[int, int]]) -> bool:
    """Whether *mention* is a part, not the whole, of a bloc's name."""
    return any(
        start <= mention.start and mention.end <= end and end - start > mention.end - mention.start
        for start, end in bloc_names
    )


def draft_story(
    text: str,
    *,
    title: str | None = None,
    date: dt.date | None = None,
    source: str | None = None,
    url: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> Story:
    """Read *text* and return a draft story: places, people and events with their excerpts.

    *date* anchors relative dates ("on Tuesday"); without it, today's date is used. Offline
    only; :func:`make_draft` can also ask an online geocoder about unknown names.
    """
    return make_draft(
        text, title=title, date=date, source=source, url=url, gazetteer=gazetteer
    ).story


def make_draft(
    text: str,
    *,
    title: str | None = None,
    date: dt.date | None = None,
    source: str | None = None,
    url: str | None = None,
    gazetteer: Gazetteer | None = None,
    online: GeocoderChain | None = None,
    budget: float = 10.0,
) -> DraftResult:
    """:func:`draft_story`, asking *online* about the place names the gazetteer lacks.

    Only names the offline gazetteer cannot place go online, and all of them together may
    take at most *budget* seconds (see :meth:`GeocoderChain.geocode_many`): an outage costs
    one wait, never one per name. A name the service could not answer stays off the map,
    as it would offline; everything else in the draft is the same as offline.
    """
    if not text or not text.strip():
        raise ValueError("The article is empty.")
    gazetteer = gazetteer or default_gazetteer()
    anchor = date or dt.date.today()
    doc = nlp()(text)
    resolutions = geoparse(text, doc=doc, gazetteer=gazetteer)
    batch: BatchResult | None = None
    found_online: dict[str, GazetteerEntry] = {}
    notes_online: dict[str, str] = {}
    if online is not None:
        # A street name alone ("Main Street") names a street in thousands of towns: looked up
        # online without its town it would land on an arbitrary one.
        unknown = [
            r.mention.text for r in resolutions if r.entry is None and r.mention.source != "street"
        ]
        batch = online.geocode_many(unknown, budget=budget)
        for name, location in batch.found.items():
            entry = _online_entry(location)
            if entry.id:
                found_online[name] = entry
                notes_online[entry.id] = _online_note(location)

    taken: set[str] = set()
    place_ids: dict[str, str] = {}  # gazetteer id -> place id
    best: dict[str, Resolution] = {}
    chosen: dict[str, GazetteerEntry] = {}
    mentions: dict[str, list[tuple[int, int]]] = {}
    refs: list[PlaceRef] = []
    regions = world_region_members()
    bloc_names = _bloc_names(text)
    for r in resolutions:
        entry = r.entry or found_online.get(r.mention.text.strip())
        if (
            entry is None
            or _names_institution(r, entry, text)
            or _inside_bloc_name(r.mention, bloc_names)
        ):
            continue
        gid = entry.id
        if gid not in place_ids:
            place_ids[gid] = _slug(entry.name, taken)
            best[gid] = r
            chosen[gid] = entry
        mentions.setdefault(gid, []).append((r.mention.start, r.mention.end))
        refs.append(
            PlaceRef(
                key=place_ids[gid],
                start=r.mention.start,
                end=r.mention.end,
                kind=entry.kind,
                country_code=entry.country_code,
                demonym=r.mention.hint is not None,
                capital=entry.is_capital,
                members=(
                    regions.get(fold(entry.name), frozenset())
                    if entry.feature_code == "RGN"
                    else frozenset()
                ),
            )
        )

    renamed: set[str] = set()
    for r in resolutions:  # the map calls a town what the article calls it
        gid = r.entry.id if r.entry is not None else ""
        if gid in chosen and gid not in renamed:
            written = _as_written(chosen[gid], r.mention.text, r.mention.hint)
            if written is not chosen[gid]:
                chosen[gid] = written
                renamed.add(gid)
            elif fold(r.mention.text) == fold(written.name) and (
                not r.mention.text.isupper() or r.mention.text.lower() == written.name.lower()
            ):
                # "Iznik, the ancient city of Nicaea": told first by its own name, it keeps it
                # (and so by a dateline's capitals that spell it, "WASHINGTON"; "JALALABAD"
                # says nothing of "Jalālābād").
                renamed.add(gid)

    actors, actor_refs, actor_names = _actors(doc, text, [(r.start, r.end) for r in refs])
    counts = Counter(ref.key for ref in refs if ref.kind == "country")
    top_two = [key for key, _ in counts.most_common(2)]
    default_pair = tuple(sorted(top_two)) if len(top_two) == 2 else None
    filed_from = next(
        (
            place_ids[r.entry.id]
            for r in resolutions
            if r.mention.source == "dateline" and r.entry is not None and r.entry.kind == "city"
        ),
        None,
    )
    traders = _trading_blocs(text, taken)
    drafts = extract_events(
        doc,
        text,
        anchor,
        refs,
        actor_refs,
        default_pair,
        filed_from,  # type: ignore[arg-type]
        blocs=[ref for refs, _ in traders.values() for ref in refs],
    )

    notes_travel = _travel_to_cities(drafts, place_ids, chosen, gazetteer)
    entries = {place_ids[gid]: chosen[gid] for gid in place_ids}
    extra_places: dict[str, Place] = {}
    ends = {
        end
        for d in drafts
        if d.kind == "trade"
        for end in (
            d.fields.get("origin"),
            d.fields.get("destination"),
            *d.fields.get("between", ()),
        )
    }
    for key in sorted(ends & traders.keys()):
        mentioned, bloc = traders[key]
        place = _bloc_place(key, bloc, mentioned, text, anchor, gazetteer)
        if place is not None:
            extra_places[key] = place
            taken.add(key)
    homes = _home_countries(text, actor_refs, refs)
    _homes_by_dateline(text, actor_refs, refs, homes, filed_from, entries, drafts)
    speaks_for = _home_countries(text, actor_refs, refs, strict=True)
    drafts = _legs_home(drafts, homes, entries, extra_places, taken, gazetteer)
    # The countries each traveller goes to, by the story's own travel words.
    travelling: dict[str, set[str]] = {}
    for d in drafts:
        if d.kind == "visit" and not d.fields.get("met_there"):
            went = entries.get(d.fields["destination"])
            travelling.setdefault(d.fields["actor"], set()).add(went.country_code if went else "")
    drafts = [d for d in drafts if not _met_at_home(d, travelling, homes, entries)]
    _go_on_from_earlier_stops(drafts, homes, entries, anchor)
    # Where each traveller went: a statement with no place of its own was most likely made
    # there ("Mishustin told Xi ..." during his visit to Beijing).
    visiting: dict[str, list[EventDraft]] = {}
    for d in drafts:
        if d.kind == "visit" and d.status == "happened":
            visiting.setdefault(d.fields["actor"], []).append(d)
    events = []
    event_ids: set[str] = set()
    guessed_starts: set[str] = set()  # visits that start at their home or journey's end, guessed
    returns: set[str] = set()  # visits told as going back ("returned to Poland")
    made_first: set[str] = set()  # visits told as made before another ("after attending …")
    for draft in drafts:
        event = _event(
            draft,
            text,
            entries,
            actor_names,
            homes,
            gazetteer,
            extra_places,
            taken,
            visiting,
            speaks_for,
            anchor,
        )
        if event is not None:
            events.append(event.model_copy(update={"id": _slug(event.id, event_ids)}))
            if (
                isinstance(event, Visit)
                and "origin" in event.inferred
                and (
                    not draft.fields.get("origin_inferred")
                    # (or where the trip returns to: "… before returning to Rome")
                    or draft.fields.get("start_from_return")
                )
            ):
                guessed_starts.add(events[-1].id)
            if isinstance(event, Visit) and draft.fields.get("returning"):
                returns.add(events[-1].id)
            if isinstance(event, Visit) and draft.fields.get("made_before"):
                made_first.add(events[-1].id)

    events.extend(_blocs(doc, text, anchor, entries, events, refs))
    events = _story_order(events, anchor, guessed_starts, returns, made_first)

    places = [
        _place(
            chosen[gid],
            pid,
            note=notes_online.get(gid) or notes_travel.get(gid) or _note(best[gid]),
            mentions=[_span(text, s, e) for s, e in mentions[gid]],
        )
        for gid, pid in place_ids.items()
    ]
    places.extend(extra_places.values())
    title = (title or "").strip() or _first_line(text)
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    story = Story(
        id=f"draft-{digest}",
        title=title,
        article=Article(title=title, text=text, date=anchor, source=source, url=url),
        places=places,
        actors=actors,
        events=events,
    )
    return DraftResult(story, batch)


# A traveller bound for a state or province named like a great city in it is bound for the
# city: "Modi flew on to New York", "arrived in Istanbul".
_MIN_CITY_OF_REGION = 500_000


def _travel_to_cities(
    drafts: list[EventDraft],
    place_ids: dict[str, str],
    chosen: dict[str, GazetteerEntry],
    gazetteer: Gazetteer,
) -> dict[str, str]:
    """Put the places people travel to or from, and the offices organisations keep, at the
    city, where the geoparser took the first-level region of the same name (news of New
    York State is as common as of the city, but a visit to "New York" is to the city, and
    "the United Nations headquarters in New York" stands in it). Returns the moved places'
    notes."""
    gid_of = {pid: gid for gid, pid in place_ids.items()}
    notes: dict[str, str] = {}
    for draft in drafts:
        if draft.kind == "visit":
            keys = (draft.fields["destination"], draft.fields.get("origin"))
        elif draft.kind == "institution":
            keys = (draft.fields["place"],)
        else:
            continue
        for key in keys:
            gid = gid_of.get(key or "")
            region = chosen.get(gid or "")
            if gid is None or region is None or region.feature_code != "ADM1":
                continue
            city = next(
                (
                    e
                    for e in gazetteer.search(region.name)
                    if e.kind == "city"
                    and e.country_code == region.country_code
                    and e.population >= _MIN_CITY_OF_REGION
                ),
                None,
            )
            if city is not None:
                chosen[gid] = city
                notes[gid] = (
                    f"Placed by the offline gazetteer at the city, where someone travels "
                    f"or an office stands; "
                    f"runner-up: {region.name}, {region.country_code} (region)."
                )
    return notes


def _trading_blocs(text: str, taken: set[str]) -> dict[str, tuple[list[PlaceRef], BlocDef]]:
    """Place key -> (mentions, definition) of each bloc that trades as one the article names
    ("India's exports to the EU"); the key is free among the story's place ids."""
    try:
        definitions = load_blocs()
    except BlocDataError:
        return {}  # the bloc table is an extra; a damaged one must not stop the draft
    found: dict[str, tuple[list[PlaceRef], BlocDef]] = {}
    for bloc in definitions.values():
        if not bloc.trades_as_one:
            continue
        pattern = alias_pattern(bloc.aliases, bloc.proper_names)
        spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
        if not spans:
            continue
        key = _slug(bloc.place_name, set(taken) | set(found))
        refs = [PlaceRef(key, start, end, "bloc", "", demonym=False) for start, end in spans]
        found[key] = (refs, bloc)
    return found


def _bloc_place(
    key: str,
    bloc: BlocDef,
    mentioned: list[PlaceRef],
    text: str,
    anchor: dt.date,
    gazetteer: Gazetteer,
) -> Place | None:
    """A bloc a trade flow starts or ends at, placed amid its members on the article's date
    (the mean of their countries' points): the arrow meets the bloc, not one member."""
    points = [
        (country.lat, country.lon)
        for code in sorted(bloc.member_codes_on(anchor))
        if (country := gazetteer.country(code)) is not None
    ]
    if not points:
        return None
    return Place(
        id=key,
        name=bloc.place_name,
        kind="bloc",
        lat=round(sum(p[0] for p in points) / len(points), 4),
        lon=round(sum(p[1] for p in points) / len(points), 4),
        note=f"A bloc that trades as one, placed amid its {len(points)} members on "
        f"{anchor:%-d %B %Y} (mapstory's bloc table, {bloc.source.title}).",
        mentions=[_span(text, ref.start, ref.end) for ref in mentioned],
    )


def _capital_id(
    capital: GazetteerEntry,
    entries: dict[str, GazetteerEntry | None],
    extra_places: dict[str, Place],
    taken: set[str],
    note: str,
) -> str:
    """The place id of a capital the article may not name: its own place if it does, else
    one inferred already (as another visit's end), else a new inferred place with *note*."""
    found = next(
        (pid for pid, e in entries.items() if e is not None and e.id == capital.id), None
    ) or next((pid for pid, p in extra_places.items() if p.gazetteer_id == capital.id), None)
    if found is None:
        found = _slug(capital.name, taken)
        extra_places[found] = _place(capital, found, certainty="inferred", note=note)
    return found


# A leg with no start told that comes this soon after another stop abroad of its traveller
# goes on from there: the same trip, told out of order.
_SAME_TRIP_DAYS = 7


def _go_on_from_earlier_stops(
    drafts: list[EventDraft],
    homes: dict[str, str],
    entries: dict[str, GazetteerEntry | None],
    anchor: dt.date,
) -> None:
    """ "Zelenskiy met Biden at the White House on Thursday … Zelenskiy, who arrived in the
    United States on Sunday, visited a factory in Scranton": a leg told first with no start
    begins at the traveller's stop abroad a few days before it, not at their capital.
    Marked inferred, as any start taken from the previous stop."""
    for draft in drafts:
        f = draft.fields
        home = entries.get(homes.get(f.get("actor", ""), ""))
        if draft.kind != "visit" or f.get("origin") is not None or home is None:
            continue
        if draft.date is None or draft.date.precision != "day":
            continue
        earlier = [
            other
            for other in drafts
            if other is not draft
            and other.kind == "visit"
            and other.fields["actor"] == f["actor"]
            and other.status == "happened"
            and other.fields["destination"] != f["destination"]
            and other.date is not None
            and other.date.precision == "day"
            and 0 < (draft.date.start - other.date.end).days <= _SAME_TRIP_DAYS
        ]
        if (
            not earlier
            and draft.status == "scheduled"
            and 0 <= (draft.date.start - anchor).days <= _SAME_TRIP_DAYS
        ):
            # "Jaishankar, who flew in from Brasilia, inaugurated the mission … He will travel
            # to the Dominican Republic on Wednesday": a leg just ahead goes on from the
            # stop the article has the traveller at, dated or not.
            at = [
                other
                for other in drafts
                if other.kind == "visit"
                and other.fields["actor"] == f["actor"]
                and other.status == "happened"
                and other.fields["destination"] != f["destination"]
                and min(other.spans) < min(draft.spans)
                and (other.date is None or 0 <= (anchor - other.date.end).days <= _SAME_TRIP_DAYS)
            ]
            earlier = at[-1:]
        if not earlier:
            continue
        last = max(earlier, key=lambda other: other.date.end if other.date else dt.date.min)
        where = entries.get(last.fields["destination"])
        if where is None or where.country_code in ("", home.country_code):
            continue  # home again in between: a trip of its own
        f["origin"] = last.fields["destination"]
        f["origin_inferred"] = True


def _legs_home(
    drafts: list[EventDraft],
    homes: dict[str, str],
    entries: dict[str, GazetteerEntry | None],
    extra_places: dict[str, Place],
    taken: set[str],
    gazetteer: Gazetteer,
) -> list[EventDraft]:
    """Send each leg "home" ("before flying home on Friday") to the capital of the country
    its traveller speaks for, inferred; a leg home of someone whose country the article does
    not tell is left out, as is one home from home, and a leg told after it starts from
    nowhere told rather than from that unknown home."""
    settled: dict[str, str | None] = {}
    for draft in drafts:
        key = draft.fields.get("destination") if draft.kind == "visit" else None
        if key is None or not key.startswith(HOME_PREFIX) or key in settled:
            continue
        country = entries.get(homes.get(key.removeprefix(HOME_PREFIX), ""))
        capital = _capitals(gazetteer).get(country.country_code) if country else None
        settled[key] = (
            _capital_id(
                capital,
                entries,
                extra_places,
                taken,
                "Not named in the article: the capital of the traveller's country, where the "
                "article says they go home.",
            )
            if capital is not None
            else None
        )
    if not settled:
        return drafts
    kept = []
    for draft in drafts:
        if draft.kind == "visit":
            origin = draft.fields.get("origin")
            if origin in settled:
                draft.fields["origin"] = settled[origin]
                if settled[origin] is None:
                    draft.fields.pop("origin_inferred", None)
            destination = draft.fields["destination"]
            if destination in settled:
                if settled[destination] in (None, draft.fields.get("origin")):
                    continue
                draft.fields["destination"] = settled[destination]
                draft.fields["destination_inferred"] = "home"
        kept.append(draft)
    return kept


def _story_order(
    events: list,
    anchor: dt.date,
    guessed_starts: set[str],
    returns: frozenset[str] | set[str] = frozenset(),
    made_first: frozenset[str] | set[str] = frozenset(),
) -> list:
    """Events in the order the article first tells them; a traveller's visits among them in
    the order they happen.

    An itinerary told up front ("a journey that will take him to Indonesia, … and
    Singapore") is an excerpt of every stop, which would put Singapore second; each
    traveller's visits keep the places in the story their article order gives them, but
    fill them in date order. A visit with no date stays after the one told before it, unless
    it is the leg a dated one goes on from (then just before that one; not when that one's
    start, in *guessed_starts*, is only a guess: the traveller's capital, or where the trip
    returns to), nor when this one is told as a return (in *returns*: "returned to Poland"
    ends a stay, it does not begin the one that set out from Poland). A trip still ahead
    "this week" is not before the article's day, whatever day the week began. An undated
    visit told as made before another (in *made_first*: "visited Ukraine … after attending a
    summit in Lithuania") goes just before the dated one told with it.
    """
    ordered = sorted(events, key=lambda event: min(span.start for span in event.spans))
    slots: dict[str, list[int]] = {}
    for index, event in enumerate(ordered):
        if isinstance(event, Visit):
            slots.setdefault(event.actor, []).append(index)
    result = list(ordered)
    for indexes in slots.values():
        # (when, rank): a dated visit at its date; one with no date right after the leg it
        # continues ("… to Doha, Amman and Cairo": Cairo after Amman), else after a dated
        # leg told in the same sentence ("flies on Friday to Port Moresby and then to
        # Vanimo"), else after the visit told before it.
        keys: dict[int, tuple[dt.date, float]] = {}
        for index in indexes:
            visit = ordered[index]
            if visit.date is not None:
                start = visit.date.start
                if visit.status != "happened" and visit.date.start < anchor <= visit.date.end:
                    start = anchor
                keys[index] = (start, float(index))
        # Legs of one day in the order they chain: "arrived in Qatar on Tuesday … travelled
        # to El Alamein on Tuesday morning before flying to Doha" is El Alamein, then Doha.
        for _ in indexes:
            moved = False
            for index in keys:
                for other in keys:
                    first, then = ordered[other], ordered[index]
                    if (
                        keys[index][0] == keys[other][0]
                        and keys[index] < keys[other]
                        and then.origin == first.destination
                        and first.origin != then.destination
                    ):
                        keys[index] = (keys[other][0], keys[other][1] + 0.1)
                        moved = True
            if not moved:
                break
        for _ in indexes:
            for index in indexes:
                visit = ordered[index]
                if index in keys:
                    continue
                # (Not a return home for a leg whose start is only the guess of home: "began
                # the trip in Tokyo" is not after "returns to Brasilia on Sunday".)
                leg = next(
                    (
                        i
                        for i in indexes
                        if i in keys
                        and ordered[i].destination == visit.origin
                        and not (visit.id in guessed_starts and ordered[i].id in returns)
                    ),
                    None,
                )
                # "… held talks in Ankara on Monday. Earlier he had visited Jordan": a dated
                # leg that starts where this one ends comes after it, whatever this one's
                # guessed start ("met Xi in Beijing on Monday after a trade fair in
                # Shanghai", and back to Canberra on Tuesday: Shanghai from Canberra is
                # before Beijing, not after the return).
                after = next(
                    (
                        i
                        for i in indexes
                        if i in keys
                        and ordered[i].origin == visit.destination
                        and ordered[i].id not in guessed_starts
                    ),
                    None,
                )
                # (A leg there and back, "arrived in Kyiv … returns to Washington", is
                # after the leg it reverses.)
                if (
                    after is not None
                    and visit.id not in returns
                    and (leg is None or ("origin" in visit.inferred and leg != after))
                ):
                    keys[index] = (keys[after][0], keys[after][1] - 0.5)
                elif leg is not None:
                    keys[index] = (keys[leg][0], keys[leg][1] + 0.5)
        when = dt.date.min
        for index in indexes:
            if index in keys:
                when = keys[index][0]
                continue
            starts = {span.start for span in ordered[index].spans}
            told_with = next(
                (i for i in indexes if i in keys and starts & {s.start for s in ordered[i].spans}),
                None,
            )
            keys[index] = keys[told_with] if told_with is not None else (when, float(index))
            shift = -0.25 if told_with is not None and ordered[index].id in made_first else 0.25
            keys[index] = (keys[index][0], keys[index][1] + shift)
        by_key = sorted(indexes, key=lambda i: (keys[i], i))
        for slot, index in zip(indexes, by_key, strict=True):
            result[slot] = ordered[index]
    return result


def _first_line(text: str) -> str:
    """A title for an article that came without one: its first line if that is headline-sized,
    else the start of its first sentence."""
    line = text.strip().split("\n", 1)[0].strip()
    if len(line) > _TITLE_MAX:
        sentence = re.split(r"(?<=[.!?])\s", line, maxsplit=1)[0]
        line = sentence if len(sentence) <= _TITLE_MAX else sentence[: _TITLE_MAX - 1]
        if len(line) < len(sentence):
            line = line.rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return line or "Untitled article"


# A visit over this long before someone spoke is not where they spoke ("Cook, who visited
# Shanghai in March, said …" on an earnings call in August).
_SPOKE_AWAY_DAYS = 14


def _stop_on(
    visits: list[EventDraft], day: DateValue | None, anchor: dt.date | None = None
) -> str | None:
    """Where a traveller was when they spoke: the visit whose dates hold the statement's,
    else the latest visit by date, else the last one told — but not a visit that had ended
    weeks before the statement's day (the article's, when the statement has none)."""
    if not visits:
        return None
    if day is not None:
        for visit in visits:
            if visit.date is not None and visit.date.start <= day.start <= visit.date.end:
                return visit.fields["destination"]
    dated = [v for v in visits if v.date is not None]
    latest = max(dated, key=lambda v: v.date.end) if dated else visits[-1]  # type: ignore[union-attr]
    spoke = day.start if day is not None else anchor
    if (
        spoke is not None
        and latest.date is not None
        and (spoke - latest.date.end).days > _SPOKE_AWAY_DAYS
    ):
        return None
    return latest.fields["destination"]


def _and_list(names: list[str]) -> str:
    """ "A and B", "A, B and C": how a title written in the article's English lists names."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


# Why a destination the article does not state is the one drawn (see extract_events).
_DESTINATION_NOTES = {
    "dateline": "Destination not stated: the city the article was filed from.",
    "scene": "Destination not stated: where the article has the others arrive.",
    "home": "Destination not stated: the capital of the traveller's country, taken as home.",
}


def _event(
    draft: EventDraft,
    text: str,
    entries: dict[str, GazetteerEntry | None],
    actor_names: dict[str, str],
    homes: dict[str, str],
    gazetteer: Gazetteer,
    extra_places: dict[str, Place],
    taken: set[str],
    visiting: dict[str, list[EventDraft]] | None = None,
    speaks_for: dict[str, str] | None = None,
    anchor: dt.date | None = None,
):
    spans = [_span(text, s, e) for s, e in sorted(set(draft.spans))]
    common = {
        "spans": spans,
        "date": draft.date,
        "other_dates": draft.other_dates,
        "status": draft.status,
    }
    f = draft.fields

    def name(key: str | None) -> str:
        entry = entries.get(key or "")
        if entry is not None:
            # "Attacks on shipping in the Red Sea", as a sea's name is written.
            # ("Cape Horn" takes no article, "the Cape of Good Hope" does; nor does "Lake
            # Chad" or "Inle Lake", but "the Dead Sea" and "the Great Salt Lake" do.)
            bare = (entry.feature_code == "CAPE" and " of " not in entry.name) or (
                entry.feature_code == "LK"
                and (entry.name.startswith("Lake ") or entry.name.endswith(" Lake"))
                and not entry.name.startswith("Great ")
            )
            return f"the {entry.name}" if entry.kind == "sea" and not bare else entry.name
        extra = extra_places.get(key or "")
        return extra.name if extra else (key or "")

    if draft.kind == "visit":
        inferred = []
        origin = f.get("origin")
        home = homes.get(f["actor"])
        destination_entry = entries.get(f["destination"])
        home_entry = entries.get(home) if home is not None else None
        if (
            origin is None
            and home != f["destination"]
            and home_entry is not None
            and destination_entry is not None
            and destination_entry.country_code != home_entry.country_code
        ):
            capital = _capitals(gazetteer).get(home_entry.country_code)
            if capital is not None:
                origin = _capital_id(
                    capital,
                    entries,
                    extra_places,
                    taken,
                    "Not named in the article: the capital of the traveller's country, "
                    "taken as the starting point.",
                )
                inferred.append("origin")
        note = None
        origin_entry = entries.get(origin) if origin is not None else None
        went_home_from = None  # the capital a trip "returning to France" began at
        if (
            f.get("start_from_return")
            and origin_entry is not None
            and origin_entry.kind == "country"
            and home_entry is not None
            and origin_entry.country_code == home_entry.country_code
            and (capital := _capitals(gazetteer).get(home_entry.country_code)) is not None
        ):
            # "… before returning to France": the trip began at home, and home is the
            # capital, as for a traveller whose start the article does not tell at all.
            origin = went_home_from = _capital_id(
                capital,
                entries,
                extra_places,
                taken,
                "Not named in the article: the capital of the traveller's country, taken as "
                "the starting point.",
            )
            inferred.append("origin")
        if f.get("origin_inferred") and went_home_from is None:
            inferred.append("origin")
            note = "Starting point not stated: the traveller's previous stop in the article."
        if f.get("destination_inferred"):
            inferred.append("destination")
            note = _DESTINATION_NOTES[f["destination_inferred"]]
        who = actor_names.get(f["actor"], f["actor"])
        origin_entry = entries.get(origin) if origin is not None else None
        # "He is due in Berlin on Tuesday", after a leg abroad: a German chancellor going home.
        going_home = (
            home_entry is not None
            and destination_entry is not None
            and origin_entry is not None
            and destination_entry.country_code == home_entry.country_code
            and origin_entry.country_code not in ("", home_entry.country_code)
        )
        if f.get("returning") or going_home:
            verb = {"scheduled": "to return to", "proposed": "may return to"}.get(
                draft.status, "returns to"
            )
        else:
            verb = {"scheduled": "to visit", "proposed": "may visit"}.get(draft.status, "visits")
        return Visit(
            id=f"visit-{f['actor']}-{f['destination']}",
            title=f"{who} {verb} {name(f['destination'])}",
            actor=f["actor"],
            origin=origin,
            destination=f["destination"],
            inferred=inferred,
            note=note,
            **common,
        )
    if draft.kind == "port":
        return Port(
            id=f"port-{f['port']}",
            title=_first_upper(f"{name(f['port'])} as a port")
            + (f" for {name(f['granted_to'])}" if f.get("granted_to") else ""),
            port=f["port"],
            granted_to=f.get("granted_to"),
            **common,
        )
    if draft.kind == "trade":
        figures = []
        seen = set()
        for figure in draft.figures:
            key = (figure.value, figure.change_pct, figure.period)
            if key not in seen:
                seen.add(key)
                figures.append(figure)
        if f.get("origin"):
            goods = f.get("goods") or "goods"
            title = (
                f"{_first_upper(goods)} from {_in_prose(name(f['origin']))} "
                f"to {_in_prose(name(f['destination']))}"
            )
            return Trade(
                id=f"trade-{f['origin']}-{f['destination']}",
                title=title,
                goods=f.get("goods"),
                origin=f["origin"],
                destination=f["destination"],
                figures=figures,
                **common,
            )
        a, b = f["between"]
        return Trade(
            id=f"trade-{a}-{b}",
            title=f"{name(a)}–{name(b)} trade" + (f" in {f['goods']}" if f.get("goods") else ""),
            goods=f.get("goods"),
            between=[a, b],
            figures=figures,
            **common,
        )
    if draft.kind == "alliance":
        members = [Member(place=m) for m in f["members"]]
        return Alliance(
            id=f"alliance-{'-'.join(f['members'])}",
            title=f"{_and_list([name(m) for m in f['members']])}: {f['name']}",
            name=f["name"],
            members=members,
            **common,
        )
    if draft.kind == "institution":
        return Institution(
            id=f"institution-{f['place']}",
            title=f"{f['name']} in {name(f['place'])}",
            name=f["name"],
            organisation=f["organisation"],
            place=f["place"],
            **common,
        )
    if draft.kind == "statement":
        who = actor_names.get(f["actor"], f["actor"])
        where, inferred, note = f.get("site"), [], None
        if where is None:
            # Not said where: during the speaker's visit, else in the country they speak for.
            where = _stop_on((visiting or {}).get(f["actor"], []), draft.date, anchor)
            note = "The article does not say where; placed where the speaker was visiting."
            if where is None:
                where = (speaks_for or {}).get(f["actor"])
                note = "The article does not say where; placed in the country they speak for."
            inferred = ["place"] if where is not None else []
        if where is None:
            return None  # nowhere to draw it
        about = [a for a in f["about"] if a != where]
        subject = ", ".join(name(a) for a in about) if about else name(where)
        return Statement(
            id=f"statement-{f['actor']}",
            title=f"{who} on {subject}",
            speaker=who,
            place=where,
            about=about,
            inferred=inferred,
            note=note,
            **common,
        )
    if draft.kind == "disaster":
        # "Earthquake in Afghanistan", after where it was first told; "Hurricane Milton": a
        # named storm goes by its name alone.
        label = f["name"]
        if not f.get("named"):
            called_in = f.get("began_in") or f.get("called_in") or f["places"][:1]
            label = f"{label} in {_and_list([_in_prose(name(p)) for p in called_in])}"
        return Disaster(
            id=f"disaster-{f['places'][0]}",
            title=label,
            name=label,
            places=f["places"],
            **common,
        )
    if draft.kind == "conflict":
        # An act names every place it took ("Annexation of Donetsk and Luhansk"); a war is
        # called after where it was first told ("Clashes in El Geneina and Nyala"), whatever
        # places it spread to later.
        shown = f["places"] if f.get("act") else f["places"][: f.get("listed", 1)]
        countries = {
            entry.country_code
            for p in shown
            if (entry := entries.get(p)) is not None and entry.kind == "country"
        }
        # ("Missile attack on Israel by Iran": the towns it hit inside a country it names
        # are on the map, not in the title.)
        shown = [
            p
            for p in shown
            if (entry := entries.get(p)) is None
            or entry.kind == "country"
            or entry.country_code not in countries
        ]
        names = [name(p) for p in shown]
        where = _and_list(names)
        word, _, preposition = f["name"].partition(" ")  # "war in", "annexation of"
        label = f"{word.capitalize()} {preposition or 'in'} {where}"
        by = f.get("by", [])
        if by:
            # "Missile attack on Israel by Iran"
            label = f"{label} by {_and_list([_in_prose(name(p)) for p in by])}"
        return Conflict(
            id=f"conflict-{f['places'][0]}",
            title=label,
            name=label,
            places=f["places"],
            parties=by,
            **common,
        )
    return None


# Kin a first name may follow ("his wife Brigitte"), of the family named just before.
_KIN = frozenset(
    {"wife", "husband", "son", "daughter", "brother", "sister", "mother", "father", "partner"}
)


def _family_name(ent, full_names: list) -> list[str]:
    """The family name a lone first name takes from the person it is kin of ("Macron and
    his wife Brigitte": Macron's), the full name told last before it; else none."""
    doc = ent.doc
    if (
        ent.start < 2
        or doc[ent.start - 1].lower_ not in _KIN
        or doc[ent.start - 2].lower_ not in ("his", "her", "'s", "’s")
    ):
        return []
    before = [e for e in full_names if e.end <= ent.start - 2]
    return [before[-1][-1].text] if before else []


def _blocs(
    doc,
    text: str,
    anchor: dt.date,
    entries: dict[str, GazetteerEntry | None],
    events: list,
    refs: list[PlaceRef],
) -> list[Bloc]:
    """Blocs the article names ("G7 leaders called on ..."), with the article's countries
    that were members on its date.

    The membership comes from ``geodata/blocs.yaml``, not from the article, so the members
    are marked inferred, but for a country the article says joined ("Sweden formally joined
    Nato"). A bloc that owns an office in the article ("a Nato liaison office in
    Japan") has its story told by that institution mark, one the article tells as a pact
    with its members by that alliance mark, and a bloc none of whose members the article
    names has nothing to draw.
    """
    try:
        definitions = load_blocs()
    except BlocDataError:
        return []  # the bloc table is an extra; a damaged one must not stop the draft
    offices = [e for e in events if isinstance(e, Institution)]
    told = [e.name for e in events if isinstance(e, Alliance)]
    found = []
    # "the alliance", "the bloc": the bloc named last before it ("Sweden became the 32nd
    # member of NATO … Neighbouring Finland joined the alliance in April last year").
    named_at = sorted(
        (match.start(), bloc.id)
        for bloc in definitions.values()
        for match in alias_pattern(bloc.aliases, bloc.proper_names).finditer(text)
    )
    called: dict[str, list] = {}
    for token in doc:
        if token.lemma_.lower() in _BLOC_NOUNS and _the(token):
            last = [bloc_id for start, bloc_id in named_at if start < token.idx]
            if last:
                called.setdefault(last[-1], []).append(doc[token.i : token.i + 1])
    for bloc in definitions.values():
        pattern = alias_pattern(bloc.aliases, bloc.proper_names)
        if any(pattern.search(name) for name in told):
            continue  # "the Aukus security pact with the United States and Britain": told
        # What its office tells ("plans for Nato to open a liaison office in Japan", "a Nato
        # liaison office"): the sentences that speak of the office.
        office_words = [
            re.compile(r"\b" + re.escape(words) + r"\b", re.IGNORECASE)
            for office in offices
            if pattern.fullmatch(office.organisation)
            and (words := pattern.sub("", office.name).strip())
        ]
        sentences: list[tuple[int, int]] = []
        joined: set[str] = set()
        told_again: list[tuple[int, int]] = []
        invited: dict[str, list[tuple[int, int]]] = {}  # member to be -> where it is told
        partners: dict[str, list[tuple[int, int]]] = {}  # partner -> where it is told
        for again in called.get(bloc.id, []):
            if members := _joiners(again, refs):
                joined.update(members)
                told_again.append(_sentence_bounds(again.sent))
            # "… joined the bloc this year. Turkey has applied to join."
            _note_invitees(invited, again, refs)
        for match in pattern.finditer(text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None:
                continue
            joined.update(_joiners(span, refs))
            joined.update(_told_joining(span, refs))
            bounds = _sentence_bounds(span.sent)
            for pid in _partners(span, refs):
                partners.setdefault(pid, []).append(bounds)
            if bounds not in sentences:
                sentences.append(bounds)
            _note_invitees(invited, span, refs)
        if office_words and all(
            any(words.search(text, a, b) for words in office_words) for a, b in sentences
        ):
            continue  # told by the office's mark
        if not sentences:
            continue
        sentences = sorted({*sentences, *told_again})
        codes = bloc.member_codes_on(anchor)
        first_told = {r.key: r.start for r in reversed(refs)}
        to_be = sorted(
            (
                pid
                for pid in invited
                if (entry := entries.get(pid)) is not None and entry.country_code not in codes
            ),
            key=lambda pid: first_told.get(pid, 0),
        )
        if to_be:
            # "The BRICS group invited Saudi Arabia, Iran, … to join the bloc": the members it
            # may have, drawn as a proposal beside the members it has.
            invitations = sorted({b for pid in to_be for b in invited[pid]})
            found.append(
                Bloc(
                    id=f"bloc-{bloc.id}-invited",
                    title=f"Invited to join {bloc.name}",
                    name=bloc.name,
                    members=[Member(place=pid, certainty="stated") for pid in to_be],
                    status="proposed",
                    note=f"The article says these countries were invited, or applied, to join "
                    f"{bloc.label}; they were not members on {anchor:%-d %B %Y}.",
                    spans=[_span(text, a, b) for a, b in invitations],
                )
            )
        partnered = [
            pid
            for pid in sorted(partners, key=lambda pid: first_told.get(pid, 0))
            if (entry := entries.get(pid)) is not None and entry.country_code not in codes
        ]
        if partnered:
            # "Malaysia became a Brics partner country, alongside Thailand …": tied to the
            # bloc, not in it, so drawn beside it rather than shaded as its members.
            found.append(
                Bloc(
                    id=f"bloc-{bloc.id}-partners",
                    title=f"Partners of {bloc.name}",
                    name=f"{bloc.name} partners",
                    members=[Member(place=pid) for pid in partnered],
                    note=f"The article says these countries became partners of {bloc.label}, "
                    "short of full membership.",
                    spans=[
                        _span(text, a, b)
                        for a, b in sorted({b for p in partnered for b in partners[p]})
                    ],
                )
            )
        countries = [
            (pid, entry)
            for pid, entry in entries.items()
            if entry is not None and entry.kind == "country" and entry.country_code in codes
        ]
        if not countries:
            continue
        members = [
            Member(place=pid, certainty="stated" if pid in joined else "inferred")
            for pid, _ in countries
        ]
        stated = [entry.name for pid, entry in countries if pid in joined]
        says = (
            f" It says that {_and_list(stated)} joined."
            if stated
            else " The article names the bloc, not them."
        )
        found.append(
            Bloc(
                id=f"bloc-{bloc.id}",
                title=bloc.label,
                name=bloc.name,
                members=members,
                inferred=["members"],
                note=f"Members on {anchor:%-d %B %Y} that the article names, from mapstory's "
                f"bloc table ({bloc.source.title}).{says}",
                spans=[_span(text, a, b) for a, b in sentences],
            )
        )
    return found


# Verbs by which a country becomes a bloc's member ("Sweden formally joined Nato", "acceded
# to the WTO").
_JOINING_VERBS = frozenset({"join", "accede", "enter"})


def _joiners(span, refs: list[PlaceRef]) -> set[str]:
    """Place ids of the countries the sentence says joined the bloc named at *span*."""
    name = span.root
    if name.dep_ == "compound":
        name = name.head  # "the BRICS group"
    verb = name.head
    if name.dep_ == "pobj" and verb.dep_ == "prep":  # "acceded to the WTO"
        verb = verb.head
    if verb.lemma_.lower() == "member" and verb.dep_ == "attr" and verb.head.lemma_ == "become":
        verb = verb.head  # "became a member of the BRICS group"
    elif verb.lemma_.lower() not in _JOINING_VERBS:
        return set()
    if name.dep_ not in ("dobj", "pobj") or any(
        c.dep_ == "aux" and c.lower_ in _NOT_YET_AUX for c in verb.children
    ):
        return set()  # (not "Ukraine could join Nato")
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ == "conj":
        # "Iran joined the SCO last year and became a member of Brics": the first verb's
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    offsets = {t.idx for s in subjects for t in s.subtree}
    if not subjects:
        # After a headline the model may cut the subject off into a sentence of its own:
        # the name just before the verb, with only adverbs between ("Sweden formally joined
        # Nato").
        before = verb.i - 1
        while before > 0 and verb.doc[before].pos_ in ("ADV", "AUX"):
            before -= 1
        offsets = {verb.doc[before].idx} if before >= 0 else set()
    return {r.key for r in refs if r.start in offsets and r.kind == "country" and not r.demonym}


# Words that tell a verb's deed as still to come, or only possible: "will admit", "could
# join".
_NOT_YET_AUX = frozenset({"will", "would", "could", "may", "might", "shall", "should", "to"})


def _told_joining(span, refs: list[PlaceRef]) -> set[str]:
    """Place ids of the countries the sentence of the bloc named at *span* says joined it
    without naming it as what is joined: "leaders admitted Timor-Leste as the 11th member of
    their regional bloc", "the first expansion of Asean since Cambodia joined in 1999". Not
    what is ahead or wished for ("agreed to admit", "could join")."""
    found: set[str] = set()
    for verb in span.sent:
        lemma = verb.lemma_.lower()
        if (
            verb.pos_ != "VERB"
            or lemma not in ("admit", "join")
            or verb.dep_ == "xcomp"
            or any(c.dep_ in ("aux", "auxpass") and c.lower_ in _NOT_YET_AUX for c in verb.children)
        ):
            continue
        if lemma == "admit":
            as_member = any(
                c.dep_ == "prep"
                and c.lower_ == "as"
                and any(g.dep_ == "pobj" and g.lemma_.lower() == "member" for g in c.children)
                for c in verb.children
            )
            told = [c for c in verb.children if c.dep_ == "dobj"] if as_member else []
        else:
            alone = not any(
                c.dep_ == "dobj"
                or (
                    c.dep_ == "prep"
                    and not all(g.ent_type_ == "DATE" for g in c.children if g.dep_ == "pobj")
                )
                for c in verb.children
            )
            told = [c for c in verb.children if c.dep_ == "nsubj"] if alone else []
        offsets = {t.idx for c in told for t in c.subtree}
        found |= {
            r.key for r in refs if r.start in offsets and r.kind == "country" and not r.demonym
        }
    return found


# Verbs by which a country is asked, or asks, to join a bloc: "invited Saudi Arabia … to
# join the bloc", "Turkey has applied to join Brics".
_ASKING_VERBS = frozenset({"invite", "apply", "ask", "seek"})


# What "the bloc" may be called when its name is not repeated: "… to join the bloc".
_BLOC_NOUNS = frozenset({"bloc", "group", "alliance", "club", "organisation", "organization"})


def _note_invitees(invited: dict[str, list[tuple[int, int]]], span, refs: list[PlaceRef]) -> None:
    """Add to *invited* (member to be -> the sentences telling it) those the sentence of the
    bloc named at *span*, and the sentence after it, say were invited or applied to join."""
    doc = span.doc
    after = doc[span.sent.end].sent if span.sent.end < len(doc) else None
    for sentence, pids in (
        (span.sent, _invitees(span, refs)),
        (after, _invitees(span, refs, after) if after is not None else set()),
    ):
        for pid in pids:
            told_at = invited.setdefault(pid, [])
            if _sentence_bounds(sentence) not in told_at:
                told_at.append(_sentence_bounds(sentence))


# What a country may become of a bloc short of a member: "a Brics partner country", "an
# observer of the SCO", "a dialogue partner of Asean".
_PARTNER_NOUNS = frozenset({"partner", "observer"})
# Words that join more countries to the one becoming a partner: "alongside Thailand".
_ALONGSIDE = frozenset({"alongside", "with"})


def _partners(span, refs: list[PlaceRef]) -> set[str]:
    """Place ids of the countries the sentence says became partners (or observers) of the
    bloc named at *span*: "Malaysia became a Brics partner country in January, alongside
    Thailand, Indonesia and Vietnam", "Thailand and Vietnam became partners of Brics"."""
    name = span.root
    if name.dep_ == "compound":
        noun = name.head  # "a Brics partner (country)"
    elif name.dep_ == "pobj" and name.head.lower_ == "of":
        noun = name.head.head  # "partners of Brics"
    else:
        return set()
    if not (
        noun.lemma_.lower() in _PARTNER_NOUNS
        or any(c.dep_ == "compound" and c.lemma_.lower() in _PARTNER_NOUNS for c in noun.children)
    ):
        return set()
    verb = noun.head
    if noun.dep_ != "attr" or verb.lemma_.lower() != "become":
        return set()
    told = [c for c in verb.children if c.dep_ == "nsubj"]
    told += [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in _ALONGSIDE
        for g in c.children
        if g.dep_ == "pobj"
    ]
    offsets = {t.idx for c in told for t in c.subtree}
    return {r.key for r in refs if r.start in offsets and r.kind == "country" and not r.demonym}


def _sentence_bounds(sentence) -> tuple[int, int]:
    """Where *sentence* starts and ends in the text, without the space after it."""
    return sentence.start_char, sentence.start_char + len(sentence.text.rstrip())


def _the(noun) -> bool:
    """Whether *noun* is told with "the" (what the article has named already)."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def _invitees(span, refs: list[PlaceRef], sentence=None) -> set[str]:
    """Place ids of the countries the sentence of the bloc named at *span* says were invited
    to join it, or applied to: members to be, not members yet. ("The EU invited Ukraine to
    join talks" is no invitation into the EU.) Given the *sentence* after that one, those it
    says were invited to join with nothing else named to join ("… told the leaders of the
    BRICS group … Saudi Arabia and Iran were also invited to join")."""
    found: set[str] = set()
    for verb in sentence if sentence is not None else span.sent:
        if verb.lemma_.lower() == "admit" and verb.pos_ == "VERB":
            # "The BRICS group agreed on Thursday to admit Saudi Arabia, Iran …": those the
            # bloc itself lets in.
            doers = [c for t in {verb, verb.head} for c in t.children if c.dep_ == "nsubj"]
            if any(
                span.start <= g.i < span.end or g.lemma_.lower() in _BLOC_NOUNS
                for doer in doers
                for g in doer.subtree
            ):
                offsets = {t.idx for c in verb.children if c.dep_ == "dobj" for t in c.subtree}
                found |= {
                    r.key
                    for r in refs
                    if r.start in offsets and r.kind == "country" and not r.demonym
                }
            continue
        if verb.lemma_.lower() not in _ASKING_VERBS or verb.pos_ != "VERB":
            continue
        joining = [
            c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in _JOINING_VERBS
        ]
        # What is joined: the join's object, or what it accedes "to".
        joined = [
            t
            for j in joining
            for c in j.children
            for t in ([c] if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"])
            if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("to", "into"))
        ]
        # "The BRICS group … invited Argentina, Egypt … to become members": members of the
        # bloc that asks, or of the one named after "of".
        members = [
            a
            for c in verb.children
            if c.dep_ == "xcomp" and c.lemma_.lower() == "become"
            for a in c.children
            if a.dep_ == "attr" and a.lemma_.lower() == "member"
        ]
        joined += [g for a in members for c in a.children if c.lower_ == "of" for g in c.children]
        asked_by_bloc = any(
            span.start <= g.i < span.end
            for c in verb.children
            if c.dep_ == "nsubj"
            for g in c.subtree
        )
        if (
            not any(
                t.lemma_.lower() in _BLOC_NOUNS
                or any(span.start <= g.i < span.end for g in t.subtree)
                for t in joined
            )
            and not (sentence is not None and joining and not joined)
            and not (members and not joined and asked_by_bloc and sentence is None)
        ):
            continue
        role = "dobj" if verb.lemma_.lower() in ("invite", "ask") else "nsubj"
        if role == "dobj" and any(c.dep_ == "auxpass" for c in verb.children):
            role = "nsubjpass"  # "Saudi Arabia … were invited to join"
        offsets = {t.idx for c in verb.children if c.dep_ == role for t in c.subtree}
        if not offsets and role == "nsubj":
            # (The model may cut the subject off, as in _joiners: the name just before.)
            before = verb.i - 1
            while before > 0 and verb.doc[before].pos_ in ("ADV", "AUX"):
                before -= 1
            offsets = {verb.doc[before].idx}
        found |= {
            r.key for r in refs if r.start in offsets and r.kind == "country" and not r.demonym
        }
    return found


def relocate_place(story: Story, place_id: str, entry: GazetteerEntry) -> Story:
    """The story with one place moved to another gazetteer entry (a reader's fix).

    The place keeps its id and mentions, so every event pointing at it follows; its note
    records the correction, which travels with the story into exports.
    """
    places = []
    for place in story.places:
        if place.id == place_id:
            fixed = _place(
                entry,
                place.id,
                mentions=list(place.mentions),
                certainty=place.certainty,
                note=f"Corrected by a reader to {entry.name}"
                + (f", {entry.country_code}" if entry.country_code else "")
                + ".",
            )
            places.append(fixed)
        else:
            places.append(place)
    # Validated afresh (not model_copy): the story's lookups are cached per instance.
    data = story.model_dump()
    data["places"] = [p.model_dump() for p in places]
    return Story.model_validate(data)
