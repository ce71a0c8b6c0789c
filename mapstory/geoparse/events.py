"""Events in an article: who travelled where, ports, partnerships, offices, trade, wars and
what people said about places.

Each extractor reads spaCy's dependency parse of one sentence with the article's places and
people already found, and returns plain drafts (:class:`EventDraft`) keyed by what makes two
sentences talk about the same event (the same traveller and destination, the same two trading
countries), so that repeated mentions merge into one event with several excerpts. Dates are
resolved against the article's date. The rules are deliberately conservative: a missing event
is a gap the reader can see; an invented one is a falsehood on the map.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from mapstory.dates import resolve
from mapstory.geoparse.figures import DatePhrase, amounts, date_phrases, percents
from mapstory.model import DateValue, Figure, Span

__all__ = ["ActorRef", "EventDraft", "PlaceRef", "extract_events"]

_VISIT_VERBS = frozenset(
    {
        "visit", "travel", "fly", "go", "head", "arrive", "tour", "land", "attend", "leave", "come",
        "depart", "return",
        "flee",  # "Gonzalez, who fled to Spain in September": into exile, a journey too
    }
)  # fmt: skip
# Nouns of travel that name where it went ("his visit to Kyiv", "a trip to Spain").
_VISIT_NOUNS = frozenset({"visit", "trip", "tour", "journey"})
# Verbs that start or end a trip ("begins his tour in Hanoi", "ends the trip in Singapore").
_TRIP_ENDS = frozenset({"begin", "start", "end", "finish", "conclude", "wrap"})
_TIMES_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "day", "noon", "midnight"})
# How long a stay "spent" somewhere may be and still be a visit.
_SHORT_STAYS = frozenset({"day", "night", "weekend", "hour", "morning", "afternoon", "evening"})
_LONG_STAYS = frozenset({"year", "month", "decade", "life", "career", "childhood", "century"})
# What a traveller comes on ("on a train from Poland", "aboard a flight from Delhi").
_VEHICLES = frozenset(
    {"train", "flight", "plane", "jet", "aircraft", "boat", "ship", "ferry", "bus", "helicopter"}
)
# A halt on the way ("a brief stop in Anchorage"): a visit where it is, not a trip's name.
_STOP_NOUNS = frozenset({"stop", "stopover"})
_DIRECTIONAL_PREPS = {
    "visit": ("to", "in"),
    "arrive": ("in", "at"),
    "attend": ("in", "at"),
    "leave": ("for",),  # "will leave for Paris"; "left Kyiv" names where a trip began
    "depart": ("for",),
    "head": ("to", "for", "via"),
    "land": ("in", "at"),
    "return": ("to",),
}
# What a person does at a place that puts them there: "Abu Dhabi, where he met the president".
_PRESENCE_VERBS = frozenset(
    {
        "meet", "hold", "sign", "attend", "address", "tour", "stop", "stay", "inspect", "open",
        "discuss", "negotiate",
        # "handed over the accession documents at the State Department in Washington", "laid
        # a wreath at a memorial in Kyiv"
        "hand", "lay",
    }
)  # fmt: skip
# ... of which these have for object what was talked of, not whom they met.
_TALKING_VERBS = frozenset({"discuss", "negotiate"})
# ... of which these make a leg of a trip in a place of any size ("stop in Guam"), on a day of
# its own.
_STOPPING_VERBS = frozenset({"stop", "stay"})
# A travel verb under one of these ("scheduled to visit", "plans to fly") has not happened yet.
_SCHEDULING_VERBS = frozenset({"schedule", "plan", "expect", "due", "set", "intend", "prepare"})
# A trip under one of these is only wished for or offered.
_WISHING_WORDS = frozenset(
    {
        "invitation", "invite", "hope", "want", "wish", "offer", "eager",
        # "He had vowed to return to Caracas": a trip promised, not made
        "vow", "pledge", "promise", "threaten", "intend",
    }
)  # fmt: skip
_WISHING_FORMS = frozenset({"hopes", "hoped", "hoping"})  # spaCy may lemmatise "hopes" as "hop"
_PROPOSAL_MARKERS = frozenset(
    {"plan", "propose", "possibility", "consider", "could", "would", "may", "might", "idea"}
)
_PORT_NOUNS = frozenset({"port", "harbour", "harbor"})
_TRADE_NOUNS = frozenset(
    {
        "trade",
        "export",
        "import",
        "shipment",
        "sale",
        "purchase",
        "commerce",
        "supply",
        "deliveries",
    }
)
_ALLIANCE_NOUNS = frozenset(
    {"alliance", "partnership", "friendship", "pact", "treaty", "axis", "coalition"}
)
# An agreement is an alliance only when it is about defence: "a defence cooperation
# agreement", "a security pact"; a trade or climate agreement is not.
_AGREEMENT_NOUNS = frozenset({"agreement", "accord", "deal", "arrangement", "compact"})
_SECURITY_WORDS = frozenset({"defence", "defense", "security", "military"})
_INSTITUTION_NOUNS = frozenset(
    {
        "office", "embassy", "consulate", "base", "headquarters", "mission", "bureau", "outpost",
        # a company's works abroad ("BYD's car plant in Szeged"), named by the company
        "factory", "plant", "gigafactory",
    }
)  # fmt: skip
_CONFLICT_NOUNS = frozenset(
    {
        "war", "invasion", "conflict", "fighting", "offensive", "insurgency", "clash", "siege",
        # "a ceasefire in Gaza took effect": a pause in a war is where the war is.
        "ceasefire", "truce",
    }
)  # fmt: skip
_PAUSE_NOUNS = frozenset({"ceasefire", "truce"})
# A campaign or operation is armed conflict only when a word says so ("a military campaign",
# "an air campaign"; not "an election campaign").
_CAMPAIGN_NOUNS = frozenset({"campaign", "operation"})
# ... and what its maker may call one ("what it called anti-terrorist operations", "a
# counter-terrorism operation"), which the map calls a military one.
_TERROR_WORDS = frozenset({"terrorist", "terrorism", "counterterrorism", "counterterrorist"})
_ARMED_CAMPAIGNS = (
    frozenset({"military", "air", "bombing", "ground", "aerial", "army"}) | _TERROR_WORDS
)
# Verbs that report what someone said: the speaker is their subject, what it was about their
# complement ("Mishustin told Xi that Moscow and Beijing would push back").
_STATEMENT_VERBS = frozenset(
    {
        "say", "tell", "warn", "criticise", "criticize", "urge", "accuse", "announce",
        "insist", "deny", "claim", "state", "argue", "condemn", "praise", "vow", "pledge",
        "declare", "promise", "threaten",
    }
)  # fmt: skip
_RISE = frozenset(
    {
        "rise", "increase", "grow", "growth", "jump", "surge", "up", "climb", "gain", "soar",
        "rebound", "leap", "double", "triple", "treble", "quadruple",
    }
)  # fmt: skip
_FALL = frozenset(
    {
        "fall", "drop", "decline", "decrease", "down", "shrink", "slump", "dip", "slip",
        "plunge", "tumble", "sink", "slide", "halve",
    }
)  # fmt: skip
_MODALS = frozenset({"could", "would", "will", "may", "might", "expect", "forecast", "predict"})
_PROJECTED = frozenset({"project", "projection", "estimate"})
# What a figure is aimed at, not reached: "set a target of $200bn", "aim to double trade to
# $26bn", "agreed to boost trade to $100bn by 2030".
_GOAL_NOUNS = frozenset(
    {"target", "goal", "aim", "ambition", "objective",
     # a sum promised: "in return for a $550 billion package of Japanese investment"
     "pledge", "commitment", "promise", "package"}
)  # fmt: skip
# Words an infinitive hangs from when it tells an aim ("want trade to reach $50bn"), not a
# result ("rose 20% to reach $50bn").
_AIMING = frozenset(
    {
        "aim", "seek", "want", "hope", "plan", "pledge", "vow", "agree", "promise", "intend",
        "strive", "commit", "resolve", "target", "decide", "push", "work", "set", "goal", "bid",
    }
)  # fmt: skip
# Trade said to run both ways, between the two the sentence names.
_TWO_WAY = re.compile(r"\b(?:two-way|bilateral)\b", re.I)
# A sentence with one of these tells an aim, so its periods do not date the figures after it.
_AIM_WORDS = _GOAL_NOUNS | frozenset({"seek", "want", "hope", "pledge", "vow", "target"})
_MONEY_SIGN = re.compile(r"[$€£¥₹₽]")
_BILATERAL = re.compile(
    r"\b(?:bilateral|(?:two|both) (?:countries|nations|neighbou?rs|economies))\b", re.I
)


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A place mention as the event extractors see it."""

    key: str  # the draft place it belongs to
    start: int
    end: int
    kind: str  # gazetteer kind: city, region, country, continent, sea
    country_code: str
    demonym: bool  # "Russian" rather than "Russia"
    capital: bool = False  # a country's capital city
    members: frozenset[str] = frozenset()  # a world region's countries ("Central Asia")


@dataclass(frozen=True, slots=True)
class ActorRef:
    key: str
    start: int
    end: int


@dataclass
class EventDraft:
    kind: str
    key: tuple
    spans: list[tuple[int, int]]
    fields: dict = field(default_factory=dict)
    date: DateValue | None = None
    other_dates: list[DateValue] = field(default_factory=list)
    status: str = "happened"
    figures: list[Figure] = field(default_factory=list)


class _Sentence:
    """One sentence with the places and people inside it, indexed by token."""

    def __init__(self, sent, places: list[PlaceRef], actors: list[ActorRef]) -> None:
        self.sent = sent
        self.places = [p for p in places if sent.start_char <= p.start < sent.end_char]
        self.article_places = places
        self.actors = [a for a in actors if sent.start_char <= a.start < sent.end_char]

    def place_at(self, token) -> PlaceRef | None:
        for place in self.places:
            if place.start <= token.idx < place.end:
                return place
        return None

    def named_place_at(self, token) -> PlaceRef | None:
        """The place named at *token*, not an adjective of one ("Russian")."""
        place = self.place_at(token)
        return place if place is not None and not place.demonym else None

    def actor_at(self, token) -> ActorRef | None:
        for actor in self.actors:
            if actor.start <= token.idx < actor.end:
                return actor
        return None

    def span(self) -> tuple[int, int]:
        text = self.sent.text
        start = self.sent.start_char
        return start, start + len(text.rstrip())


def _plain_noun(token) -> str | None:
    """*token* read as a common noun even where the model took it for a name: "KHARTOUM
    (Reuters) - Drones struck Port Sudan" (after a dateline's dash the first word is
    capitalised, and no entity)."""
    found = _noun_lemma(token)
    if found is None and token.pos_ == "PROPN" and token.is_title and not token.ent_type_:
        word = token.lower_
        found = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    return found


def _noun_lemma(token) -> str | None:
    """The lemma of *token* used as a common noun, or None.

    After a blank line spaCy often tags a paragraph's capitalised first word as a proper
    noun ("Trade between India and …", "Imports of …"); there it still is the noun, whose
    plural is undone by hand (the lemmatiser kept the proper noun's form).
    """
    if token.pos_ == "NOUN":
        return token.lemma_.lower()
    if token.pos_ == "PROPN" and token.is_sent_start and token.is_title:
        word = token.lower_
        return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    if token.pos_ == "ADJ" and token.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj"):
        # "Azerbaijan launches offensive in Nagorno-Karabakh": a headline's bare noun the
        # model took for an adjective, where only a noun can stand.
        return token.lower_
    return None


def _noun_in(token, nouns: frozenset[str]) -> bool:
    return _noun_lemma(token) in nouns


_BORDERS = frozenset({"border", "frontier", "boundary"})


def _places_under(tokens, sentence: _Sentence, preps: tuple[str, ...], *, demonyms: bool = False):
    """(preposition, place) for each of *tokens* that is one of *preps* ("in", "from") with
    a place named under it."""
    for prep in tokens:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            place = _subtree_place(prep, sentence, demonyms=demonyms)
            if place is not None:
                yield prep, place


def _subtree_place(
    token, sentence: _Sentence, *, demonyms: bool = False, clauses: bool = True
) -> PlaceRef | None:
    """The first place named under *token*; with *clauses* false, not inside a relative
    clause there, nor across a border ("fighting in an area of Dagestan near the border with
    Georgia" is not in Georgia)."""
    inside = (
        set()
        if clauses
        else {
            t.i
            for c in token.subtree
            if c.dep_ == "relcl"
            or (c.dep_ == "prep" and c.lower_ == "with" and c.head.lemma_.lower() in _BORDERS)
            for t in c.subtree
        }
    )
    for t in token.subtree:
        if t.i in inside:
            continue
        place = sentence.place_at(t)
        if place is not None and (demonyms or not place.demonym):
            return place
    return None


def _subject_actor(verb, sentence: _Sentence, last_actor: ActorRef | None) -> ActorRef | None:
    """The person doing *verb*: its subject, climbing through "scheduled to", "official to"."""
    if verb.pos_ == "NOUN":
        # "a visit to London by Indian Prime Minister Narendra Modi"
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                for t in child.subtree:
                    if (actor := sentence.actor_at(t)) is not None:
                        return actor
        if _verb_taken_for_noun(verb, sentence):
            # "Trump travels to Doha on Wednesday": the name before the "noun" travels.
            return next(
                actor
                for c in verb.children
                if c.dep_ == "compound" and (actor := sentence.actor_at(c)) is not None
            )
    elif (actor := _opening_person(verb, sentence)) is not None:
        return actor
    elif not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and (
        actor := next(
            (
                found
                for c in verb.children
                if c.dep_ == "advmod" and c.i < verb.i
                for g in c.children
                if g.dep_ == "compound" and (found := sentence.actor_at(g)) is not None
            ),
            None,
        )
    ):
        return actor  # "Xi last visited Moscow": the model may make the name part of "last"
    token = verb
    # "His secret trip to Beijing": whose it is, unless the clause it hangs on names him
    # ("During her visit to Israel, Clinton spoke").
    owned = False
    # ("… for talks with Sheikh Mohamed before returning home": up through the talks.)
    for _ in range(6):
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child == verb:
                continue  # the trip itself as subject ("His trip … paved the way")
            if child.lower_ in ("his", "her") and child.dep_ == "poss" and token == verb:
                owned = verb.pos_ == "NOUN"
                continue
            if child.dep_ in ("nsubj", "nsubjpass", "poss"):
                actor = sentence.actor_at(child)
                if actor is None:
                    # "Finney's parents are visiting": not Finney.
                    # ... nor is "the Bob Wills Day celebration returns": a name that only
                    # modifies a thing is not who travels.
                    owners = [
                        c
                        for c in child.children
                        if c.dep_ in ("poss", "compound") and child.pos_ == "NOUN"
                    ]
                    for t in child.subtree:
                        if any(t == o or o.is_ancestor(t) for o in owners):
                            continue
                        actor = sentence.actor_at(t)
                        if actor is not None:
                            break
                if actor is not None:
                    return actor
                if child.lower_ in ("he", "she"):
                    # "Modi said he would visit": the sentence's own earlier subject first.
                    earlier = [
                        a
                        for a in sentence.actors
                        if a.end <= child.idx and _is_subject(sentence.sent.doc, a)
                    ]
                    if not earlier and any(
                        t.dep_ in ("nsubj", "nsubjpass")
                        and t.pos_ == "NOUN"
                        and t.lemma_.lower() in _SOMEONE_UNNAMED
                        for t in sentence.sent
                        if t.i < child.i
                    ):
                        # "The man passed a medical check when he arrived at Moscow's
                        # airport": the one the sentence is about, no one named.
                        return None
                    if earlier or last_actor is not None:
                        return (earlier or [last_actor])[-1]
                if child.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
                    about = token.head
                    if (
                        about.lower_ == "those"
                        and about.dep_ == "pobj"
                        and about.head.lower_ == "among"
                    ):
                        # "Xi and Modi were among those who arrived": the ones among them.
                        about = next(
                            (c for c in about.head.head.children if c.dep_ == "nsubj"), about
                        )
                    # "Narendra Modi, who visited Paris": the person the clause is about.
                    found = sentence.actor_at(about)
                    if found is None and token != verb and _hung_before(verb, token):
                        # "… the bloc that also includes Portugal, before ending the trip in
                        # Maputo": the model hangs the traveller's last leg on the aside.
                        token = about
                        break
                    return found
                if (
                    child.dep_ in ("nsubj", "nsubjpass")
                    and last_actor is not None
                    and _role_of(child, last_actor)
                ):
                    return last_actor  # "The top US diplomat began the trip in Israel"
                if child.dep_ != "poss" and not any(
                    other.dep_ == "nsubj" and other.i > child.i for other in token.children
                ):
                    # Someone else is the subject ("investigators would fly") — unless the
                    # model split the subject in two: "Sudan's army chief Abdel Fattah
                    # al-Burhan arrived" has "chief" and "Burhan" both for subject.
                    return None
        else:
            if token.head == token:
                break
            token = token.head
            continue
        # (climbing on from what the aside is about)
        while token.dep_ in ("appos", "npadvmod", "conj") and token.head != token:
            token = token.head
    if owned:
        earlier = [
            a for a in sentence.actors if a.end <= verb.idx and _is_subject(sentence.sent.doc, a)
        ]
        return (earlier or [last_actor])[-1]
    if verb.pos_ == "VERB":
        # "On Friday Lula will travel to Toulon …, before flying to Le Havre": the person
        # the clause it hangs from took into its opening phrase.
        for above in verb.ancestors:
            if above.pos_ == "VERB" and (actor := _opening_person(above, sentence)) is not None:
                return actor
    return None


# What news calls a person it has named, by their office: "the top US diplomat" is the
# secretary of state told before. Each word, with the words of a title it stands for.
_ROLE_WORDS = {
    "diplomat": ("secretary of state", "foreign minister", "foreign secretary", "diplomat"),
    "envoy": ("envoy",),
    "chancellor": ("chancellor",),
    "pontiff": ("pope",),
    "pope": ("pope",),
    "monarch": ("king", "queen"),
    "premier": ("premier", "prime minister"),
}


def _role_of(subject, actor: ActorRef) -> bool:
    """Whether *subject* ("the top US diplomat", "the chancellor") is *actor* called by the
    office the article gave them when it first named them."""
    if subject.pos_ != "NOUN" or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in subject.children
    ):
        return False
    titles = _ROLE_WORDS.get(subject.lemma_.lower())
    if titles is None:
        return False
    told = subject.doc.user_data.get("actor_titles", {}).get(actor.key, "")
    return any(title in told for title in titles)


def _opening_person(verb, sentence: _Sentence) -> ActorRef | None:
    """ "From France Xi travels to Belgrade", "On Friday Putin will travel to Harbin": with
    no comma the model takes the traveller into the opening phrase; a person there, before
    a verb with no subject, is its subject."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    for child in verb.children:
        if (
            child.dep_ == "prep"
            and child.lower_ in ("from", "on", "in", "after", "at")
            and child.i < verb.i
            and not any(t.is_punct for t in child.subtree)
        ):
            for t in child.subtree:
                if t.dep_ == "pobj" and (actor := sentence.actor_at(t)) is not None:
                    return actor
    return None


# What one does with an invitation one takes up oneself.
_TAKING_UP = frozenset({"accept", "receive", "get", "take", "have", "welcome", "consider"})


def _invitation_passed_on(token) -> bool:
    """Whether the trip *token* tells is what an invitation someone carries, extends or
    hands over is for: "arrived carrying an invitation from King Charles for a state visit
    to Britain" is the invitee's trip, not the carrier's. ("Accepted an invitation to visit
    Washington" is the subject's own, proposed.)"""
    for ancestor in list(token.ancestors)[:4]:
        if ancestor.pos_ == "NOUN" and ancestor.lemma_.lower() in ("invitation", "invite"):
            verb = ancestor.head
            return ancestor.dep_ == "dobj" and verb.lemma_.lower() not in _TAKING_UP
    return False


def _verb_taken_for_noun(token, sentence: _Sentence) -> bool:
    """ "Trump travels to Doha on Wednesday and to Abu Dhabi on Thursday": the model may read
    a travel verb in the present as a plural noun ruling the sentence, its subject a name
    before it."""
    return (
        token.dep_ == "ROOT"
        and token.tag_ == "NNS"
        and token.lemma_.lower() in _VISIT_VERBS
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children)
        and any(
            c.dep_ == "compound" and c.i < token.i and sentence.actor_at(c) is not None
            for c in token.children
        )
    )


def _where_clause_place(noun, sentence: _Sentence) -> PlaceRef | None:
    """The place a "where" clause is about, when *noun* is told in that clause as what its
    subject is on ("Poland, where he will be on a two-day visit"), no clause between."""
    token = noun
    for _ in range(3):
        if token.head == token:
            return None
        token = token.head
        if token.dep_ == "relcl":
            if not any(c.lower_ == "where" for c in token.children) or token.lemma_ != "be":
                return None
            place = sentence.named_place_at(token.head)
            return place if place is not None and place.kind in ("country", "city") else None
        if token.pos_ == "VERB":
            return None
    return None


# People a report tells of without a name ("the man", "a passenger"), whom "he" or "she"
# after them in a sentence is.
_SOMEONE_UNNAMED = frozenset(
    {
        "man", "woman", "boy", "girl", "child", "patient", "person", "passenger", "traveller",
        "traveler", "tourist", "student", "suspect", "victim", "driver", "pilot", "worker",
    }
)  # fmt: skip


def _hung_before(verb, clause) -> bool:
    """Whether *verb* (or the trip noun) hangs on *clause* through "before" or "after"."""
    token = verb
    while token != clause and token.head != token:
        if token.dep_ in ("pcomp", "pobj") and token.head.lower_ in ("before", "after"):
            return True
        token = token.head
    return False


# A definite description of someone named before ("the pontiff", "the prime minister") and
# the titles that name them so: the description is the latest person the article gave one.
_ROLE_TITLES = {
    "president": {"president"},
    "pope": {"pope", "pontiff"},
    "pontiff": {"pope", "pontiff"},
    "minister": {"minister", "premier"},
    "premier": {"premier", "minister"},
    "chancellor": {"chancellor"},
    "king": {"king"},
    "queen": {"queen"},
    "monarch": {"king", "queen", "monarch", "emperor"},
    "prince": {"prince"},
    "princess": {"princess"},
    "emperor": {"emperor"},
    "secretary": {"secretary"},
    "envoy": {"envoy", "ambassador", "representative"},
    "ambassador": {"ambassador", "envoy"},
    "governor": {"governor"},
    "mayor": {"mayor"},
    "senator": {"senator", "sen"},
    "general": {"general", "gen"},
    "leader": {"leader", "chief"},
    "chief": {"chief", "leader"},
    "diplomat": {"diplomat", "envoy", "minister", "secretary", "ambassador"},
}
_TITLE_REACH = 4  # words before a name that may be its title ("Indian Prime Minister …")


def _described_actors(doc, actors: list[ActorRef]) -> list[ActorRef]:
    """*actors* and the definite descriptions that refer back to them, as their mentions.

    "Pope Francis left Rome … The 87-year-old pontiff landed in Jakarta, where he will meet
    President Joko Widodo": the pontiff is Pope Francis, and so is the "he" after him. A
    description is a sentence's subject, "the" and a role word, and it means the person named
    most recently with a title of that role; modifiers that are names ("the French
    president") must be among that person's title words too.
    """
    if not actors:
        return actors
    titles: dict[str, set[str]] = {}
    for ref in actors:
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is None:
            continue
        words = titles.setdefault(ref.key, set())
        words.update(t.lower_.rstrip(".") for t in span)
        for t in reversed(doc[max(0, span.start - _TITLE_REACH) : span.start]):
            if not t.is_alpha or t.pos_ in ("DET", "VERB", "AUX", "ADP", "PRON", "CCONJ"):
                break
            words.add(t.lower_.rstrip("."))
        for child in span.root.children:
            if child.dep_ == "appos":  # "Li Hui, China's special envoy"
                words.update(t.lower_ for t in child.subtree if t.is_alpha)
    described = []
    for token in doc:
        roles = _ROLE_TITLES.get(token.lower_)
        if (
            roles is None
            or token.dep_ not in ("nsubj", "nsubjpass")
            or token.tag_ not in ("NN", "NNP")  # "The King and Queen Camilla will travel"
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        ):
            continue
        joined = [c for c in token.children if c.dep_ == "conj"]
        own = [t for t in token.subtree if not any(t == c or c.is_ancestor(t) for c in joined)]
        if any(a.start <= t.idx < a.end for t in own for a in actors):
            continue  # "the president, Joe Biden": named there
        names = {
            c.lower_
            for c in token.children
            if c.dep_ in ("amod", "compound") and (c.pos_ == "PROPN" or c.text[:1].isupper())
        }
        before = [a for a in actors if a.end <= token.idx]
        for ref in reversed(before):
            words = titles.get(ref.key, set())
            if words & roles and names <= words:
                described.append(ActorRef(ref.key, token.idx, token.idx + len(token.text)))
                break
    return sorted([*actors, *described], key=lambda a: a.start) if described else actors


# What makes a person the record holder of a trip: "the first French president to visit".
_RECORD_WORDS = frozenset({"first", "second", "third", "last", "only", "latest"})


# The auxiliaries that put a clause ahead: "will visit", "said he would fly".
_FUTURE_AUX = frozenset({"will", "shall", "would", "'ll"})


def _status(verb) -> str:
    if (
        verb.dep_ in ("relcl", "acl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and any(c.dep_ == "amod" and c.lower_ in _RECORD_WORDS for c in verb.head.children)
    ):
        # "Macron, the first French president to visit Vietnam since 2016, will meet …":
        # the record is the trip being made, whatever the sentence goes on to plan.
        return "happened"
    for token in [verb, *verb.ancestors]:
        if token.lemma_ in _WISHING_WORDS or token.lower_ in _WISHING_FORMS:
            return "proposed"  # "accepted an invitation to visit Washington": no trip yet
        if token.lemma_ in _SCHEDULING_VERBS:
            return "scheduled"
        if token.dep_ == "xcomp" and token.head.lemma_ in ("be", "agree"):
            # "Peres is to make an official visit"; "Trump and Putin agreed to meet in
            # Budapest": agreed on, not yet made.
            return "scheduled"
        for child in token.children:
            if child.dep_ == "aux" and child.lower_ in _FUTURE_AUX:
                return "scheduled"  # "said he would fly to the United States"
        if _is_due(token):
            return "scheduled"  # "is due in Abu Dhabi on Saturday before returning home"
        if (
            token.dep_ == "ROOT"
            and token.tag_ == "VB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        ):
            return "scheduled"  # a headline's "King Charles to visit Australia in October"
        if (
            token.dep_ == "ROOT"
            or (token is verb and verb.tag_ == "VBD")
            # "Blinken, who flew in after a stop in Tokyo, is expected to meet Qin": an aside
            # in the past tense tells what was done.
            or (token.dep_ == "relcl" and token.tag_ == "VBD")
        ):
            # A verb in the past tense is its own clause's, whatever the sentence it sits in
            # will do ("will hold talks with Albanese, the first since he visited Beijing").
            break
    return "happened"


_LONGEST_STAY = dt.timedelta(days=7)


def _days_of_stay(told: DateValue, more: DateValue) -> DateValue:
    """One stay told on two days ("met Xi in Beijing on Monday … Blinken, who arrived on
    Sunday"): the days from the first to the last, when both are days a week apart at most."""
    if (
        told.precision != "day"
        or more.precision != "day"
        or (more.start, more.end) == (told.start, told.end)
        or abs(more.start - told.start) > _LONGEST_STAY
    ):
        return told
    first, last = sorted((told, more), key=lambda d: d.start)
    return DateValue(
        start=first.start,
        end=max(told.end, more.end),
        precision="day",
        phrase=f"{first.phrase} … {last.phrase}" if first.phrase and last.phrase else None,
        relative=told.relative or more.relative,
        certainty=told.certainty,
    )


# Between the stops of an itinerary told with their days, and between a stop and its day.
_STOP_JOIN = re.compile(
    r"\s*(?:,|,?\s+and|,?\s+then|,?\s+and\s+then)\s*(?:to\s+)?(?:the\s+)?", re.IGNORECASE
)
_STOP_DAY = re.compile(r"\s+(?:on\s+|in\s+)?")


def _gapped_stops(destination: PlaceRef, sentence: _Sentence, ctx) -> list[tuple[PlaceRef, object]]:
    """The stops after *destination* in "X on Tuesday, Y on Wednesday and Z on Thursday",
    each as (place, its first token); none unless the destination has its own day."""
    text = ctx.text
    phrases = sorted(ctx.dates_in(sentence), key=lambda p: p.start)

    def day_after(end: int):
        return next(
            (
                p
                for p in phrases
                if p.start >= end
                and (_STOP_DAY.fullmatch(text, end, p.start) or p.start == end)
                and resolve(p.text, ctx.anchor, "future", reference=p.reference) is not None
            ),
            None,
        )

    told = day_after(destination.end)
    stops: list[tuple[PlaceRef, object]] = []
    while told is not None:
        following = [
            p for p in sentence.places if p.start >= told.end and not p.demonym and p.kind != "sea"
        ]
        stop = min(following, key=lambda p: p.start, default=None)
        if stop is None or not _STOP_JOIN.fullmatch(text, told.end, stop.start):
            break
        told = day_after(stop.end)
        if told is None:
            break
        step = next(t for t in sentence.sent if t.idx >= stop.start)
        stops.append((stop, step))
    return stops


def _event_city(verb, country: PlaceRef, sentence: _Sentence) -> PlaceRef | None:
    """The city, in *country*, of the gathering a trip is "for" ("for the Brics summit in
    Kazan", "to attend the Apec summit in Lima"), if the verb's clause names one."""
    gatherings = [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for g in c.children
        if g.dep_ == "pobj"
    ] + [
        g
        for c in verb.children
        if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() == "attend"
        for g in c.children
        if g.dep_ == "dobj"
    ]
    # ("for the Commonwealth Heads of Government Meeting in Apia": the gathering's head
    # word may be deep in its name.)
    gatherings = [
        t
        for g in gatherings
        for t in g.subtree
        if t.dep_ not in ("relcl", "acl")
        and (
            (_noun_lemma(t) or (t.lower_ if t.pos_ == "PROPN" else None)) in _ATTENDED_EVENTS
            or t.lower_ == "talks"  # ("for talks in Hanoi": its lemma is "talk")
        )
    ]
    for gathering in gatherings:
        # ("for a summit of the Shanghai Cooperation Organisation in Tianjin": the model may
        # hang the place on what the gathering is of.)
        named = [
            g
            for c in gathering.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
        ]
        for prep in [*gathering.children, *(c for g in named for c in g.children)]:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                city = _subtree_place(prep, sentence)
                # ("for a summit at a luxury resort in Puglia": or the region it is in.)
                if (
                    city is not None
                    and city.kind in ("city", "region")
                    and city.country_code == country.country_code
                ):
                    return city
    return None


def _is_due(token) -> bool:
    """Whether *token* is the "is" of "is due in Abu Dhabi": a stop still ahead."""
    return token.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.lower_ == "due" for c in token.children
    )


def _nearest_date(
    phrases: list[DatePhrase], position: int, anchor: dt.date, tense: str, *, said: bool = False
) -> DateValue | None:
    """The date of the phrase nearest *position* that resolves; with *said*, only one on or
    before the article's day."""
    for phrase in sorted(phrases, key=lambda p: abs(p.start - position)):
        value = resolve(phrase.text, anchor, tense, reference=phrase.reference)  # type: ignore[arg-type]
        if value is not None and not (said and value.start > anchor):
            return value
    return None


# Nouns a journey can end at that stand for the place after them ("to the Turkish capital
# of Ankara", "to a summit in Johannesburg"); "went to trial in Alexandria" is no journey.
_WAYPOINT_NOUNS = frozenset(
    {
        "capital", "city", "town", "village", "region", "province", "state", "country",
        "island", "port", "border", "district", "territory", "frontline", "front", "area",
        "airport",
    }
)  # fmt: skip


def _destination(prep, sentence: _Sentence) -> PlaceRef | None:
    """The place a "to"/"in" phrase of travel names: its own object, or a place standing for
    it ("the Turkish capital of Ankara", "the summit in Johannesburg")."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    place = sentence.place_at(obj)
    if place is not None:
        return None if place.demonym else place
    if obj.lemma_.lower() in _WAYPOINT_NOUNS | _ATTENDED_EVENTS:
        # "the West Java town of Cianjur": the town, not the province that qualifies it.
        # ("Finland's capital" is Helsinki where the article names it, not Finland.)
        found = (
            _capital_named(obj, sentence)
            or _object_place(obj, sentence)
            or _subtree_place(obj, sentence)
        )
        if found is None:
            found = _city_just_named(obj, sentence)
        return None if _sea_qualifies(found, obj, sentence) else found
    if obj.pos_ == "PROPN" or obj.lemma_.lower() in _COMPASS_NOUNS:
        # "arrived in Russia's Far East", "in China's northwest": a part of the place no
        # gazetteer holds is in the place that owns it.
        owner = next(
            (
                place
                for c in obj.children
                if c.dep_ == "poss"
                and (place := sentence.place_at(c)) is not None
                and not place.demonym
                and place.kind in ("country", "region")
            ),
            None,
        )
        if owner is not None or obj.pos_ != "PROPN":
            return owner
        # "were flown to Joint Base Andrews near Washington": a named site no gazetteer
        # holds is at the town it is told to be near, or in.
        return next(
            (
                place
                for c, place in _places_under(obj.children, sentence, ("near", "outside", "in"))
                if not place.demonym
                and (place.kind == "city" or (c.lower_ == "in" and place.kind == "region"))
            ),
            None,
        )
    return None


# The parts of a place named by where they lie in it ("China's northwest").
_COMPASS_NOUNS = frozenset(
    {
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
        "interior", "heartland", "hinterland",
    }
)  # fmt: skip


# How far back (characters) "the city" may look for the city it means.
_CITY_REACH = 600


def _city_just_named(obj, sentence: _Sentence) -> PlaceRef | None:
    """ "Welcomed leaders to the city of Kazan … Xi and Modi arrived in the Volga city": a
    definite "the city" or "the town" naming none is the city named last before it, when
    that is near (within _CITY_REACH characters)."""
    if obj.lemma_.lower() not in ("city", "town") or obj.tag_ != "NN":
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in obj.children):
        return None
    if any(c.dep_ == "prep" for c in obj.children):
        return None  # "the city of …", "the town near the border": it says which
    start = sentence.sent.start_char
    before = [
        p for p in sentence.article_places if p.end <= start and p.kind == "city" and not p.demonym
    ]
    if not before:
        return None
    last = max(before, key=lambda p: p.start)
    return last if start - last.end <= _CITY_REACH else None


def _sea_qualifies(place: PlaceRef | None, noun, sentence: _Sentence) -> bool:
    """Whether *place* is a sea only saying where *noun* lies: "to the Mediterranean
    island" goes to the island (told elsewhere), not to the sea."""
    return (
        place is not None
        and place.kind == "sea"
        and noun.pos_ in ("NOUN", "PROPN")
        and sentence.place_at(noun) != place
        and any(
            sentence.place_at(c) == place
            for c in noun.children
            if c.dep_ in ("compound", "amod", "nmod")
        )
    )


def _capital_named(obj, sentence: _Sentence) -> PlaceRef | None:
    """ "Flew to the Uruguayan capital", "Ukraine's capital", "the capital of Finland": the
    country's capital, when the article names it somewhere."""
    if obj.lemma_.lower() != "capital":
        return None
    country = next(
        (
            place
            for c in [
                *obj.children,
                *(
                    g
                    for c in obj.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children
                ),
            ]
            if c.dep_ in ("amod", "poss", "compound", "pobj")
            and (place := sentence.place_at(c)) is not None
            and place.kind == "country"
        ),
        None,
    )
    if country is None:
        return None
    return next(
        (
            p
            for p in sentence.article_places
            if p.capital and p.country_code == country.country_code and not p.demonym
        ),
        None,
    )


def _presence_place(token, sentence: _Sentence) -> PlaceRef | None:
    """The place a "where" clause about *token* is attached to ("Abu Dhabi, where he met",
    "Montevideo, where she flew on Thursday")."""
    if token.lemma_.lower() not in _PRESENCE_VERBS | _VISIT_VERBS or token.dep_ != "relcl":
        return None
    if not any(c.dep_ == "advmod" and c.lower_ == "where" for c in token.children):
        return None
    place = sentence.place_at(_where_town(token) or token.head)
    if place is None or place.demonym:
        return None
    if token.lemma_.lower() in ("visit", "tour") and any(
        c.dep_ == "dobj" and _object_place(c, sentence) is not None for c in token.children
    ):
        return None  # "Papua New Guinea, where he will visit Port Moresby": what is visited
    if place.kind == "country":
        # "from Argentina, where he attended the inauguration … in Buenos Aires": the city
        # the clause names in that country.
        return next(
            (
                inside
                for t in token.subtree
                if t.dep_ == "prep"
                and t.lower_ in ("in", "at")
                and (inside := _subtree_place(t, sentence)) is not None
                and inside.kind == "city"
                and inside.country_code == place.country_code
            ),
            place,
        )
    return place


# How much of a place is taken or struck ("retook parts of Omdurman").
_PORTION_NOUNS = frozenset({"part", "parts", "much", "most", "rest", "half", "swathe", "swath"})
# A side or end of something placed: "the Egyptian side of the Rafah crossing".
_SIDES = _PORTION_NOUNS | frozenset({"side", "end", "edge"})
# Nouns for a place itself, which "of" names: "the city of Goma", "the outskirts of Kyiv".
_PLACE_NOUNS = _WAYPOINT_NOUNS | frozenset(
    {
        "enclave", "stronghold", "outskirts", "outskirt", "centre", "center", "suburb",
        "county", "peninsula", "strip",
    }
)  # fmt: skip


def _place_named_or_described(token, sentence: _Sentence) -> PlaceRef | None:
    """The place *token* names, or one a noun for a place says it is ("the remote town of
    Vanimo", "the port city of Hodeidah"): a member of a list of places."""
    return sentence.named_place_at(token) or (
        _object_place(token, sentence) if token.lemma_.lower() in _PLACE_NOUNS else None
    )


def _object_place(obj, sentence: _Sentence, *, owners: bool = True) -> PlaceRef | None:
    """The place a travel verb's object names: itself, its apposition ("the Ukrainian
    capital, Kyiv"), its possessor ("Kyiv's main station") or what it is of ("the city of
    Kharkiv"); never a place only a clause about it mentions ("the landlocked nation wedged
    between Russia and China" is neither). What it is of comes before a place that only
    qualifies it: "the West Java town of Cianjur" is Cianjur. Without *owners*, a possessor
    or compound does not count ("attacked California's governor" attacks no place)."""
    for token in [obj, *(c for c in obj.children if c.dep_ == "appos")]:
        if token is not obj and any(c.dep_ == "case" for c in token.children):
            continue  # "the Istiqlal mosque, southeast Asia's largest": a record, not a place
        place = sentence.named_place_at(token)
        if place is not None:
            return place
    # ("visit Iznik, the ancient town of Nicaea": or of the apposition's noun for a place.)
    renamed = [
        (a, c)
        for a in obj.children
        if a.dep_ == "appos" and a.lemma_.lower() in _PLACE_NOUNS
        for c in a.children
    ]
    for noun, child in [*((obj, c) for c in obj.children), *renamed]:
        if child.dep_ == "prep" and child.lower_ == "of":
            if not owners and noun.lemma_.lower() not in _PLACE_NOUNS | _PORTION_NOUNS:
                break  # "the city of Goma", "parts of Omdurman"; not "the governor of Texas"
            named = next((c for c in child.children if c.dep_ == "pobj"), None)
            place = sentence.named_place_at(named) if named is not None else None
            if place is None and noun.lemma_.lower() in _PLACE_NOUNS:
                # "the southern city of Rostov-on-Don, headquarters of …": the model may
                # hang the name on the apposition after it; it is still what follows "of".
                place = sentence.named_place_at(noun.doc[child.i + 1])
            if place is None and named is not None and noun.lemma_.lower() in _SIDES:
                # "visited the Egyptian side of the Rafah border crossing": the side of a
                # thing a place names is there.
                place = _object_place(named, sentence, owners=owners)
            if place is not None and place.kind == "country":
                # "the Sumy region of northeastern Ukraine": the country the named place
                # is in; the place is the name before the noun.
                inner = next(
                    (
                        found
                        for c in noun.children
                        if c.dep_ in ("compound", "nmod")
                        and (found := sentence.named_place_at(c)) is not None
                        and found.kind in ("region", "city")
                        and found.country_code == place.country_code
                    ),
                    None,
                )
                place = inner or place
            if place is not None:
                return place
    # The name in the noun before its owner's: "Russia's Samara region" is Samara.
    # ("the Itaguaí naval base": the model may call the name a modifier of the noun.)
    # A noun for a place is named by the name before it even where owners do not count
    # ("retook the breakaway Nagorno-Karabakh region").
    naming = owners or obj.lemma_.lower() in _PLACE_NOUNS
    named_by = [c for c in obj.children if naming and c.dep_ in ("compound", "nmod")]
    # "the Rafah border crossing": the name may qualify the noun before the head.
    named_by += [g for c in named_by for g in c.children if g.dep_ == "compound"]
    for token in [*named_by, *(c for c in obj.children if owners and c.dep_ == "poss")]:
        if token.dep_ == "compound" and _brand(token):
            continue  # "toured a Toyota battery plant": the maker's, not the town's
        place = sentence.named_place_at(token)
        if place is not None and place.kind == "country":
            # "visits US base in Greenland": a country's base abroad is where it stands.
            within = next(
                (
                    found
                    for _, found in _places_under(obj.children, sentence, ("in",))
                    if found.country_code != place.country_code
                ),
                None,
            )
            place = within or place
        # A sea before a noun says where the thing lies, not what it is: "the Mediterranean
        # island", "a Red Sea port".
        if place is not None and not (place.kind == "sea" and token.dep_ != "poss"):
            return place
    for child in obj.children:  # "the Gori-based infantry brigade"
        if child.dep_ == "amod" and child.lower_ == "based":
            place = _subtree_place(child, sentence)
            if place is not None:
                return place
    return None


def _brand(token) -> bool:
    """Whether *token* is an organisation's one-word name the model tags as such ("Toyota",
    "Tesla") — a maker named like a town, not the town."""
    doc = token.doc
    return (
        token.ent_type_ == "ORG"
        and token.ent_iob_ == "B"
        and (token.i + 1 >= len(doc) or doc[token.i + 1].ent_iob_ != "I")
    )


def _met_at(token, sentence: _Sentence) -> PlaceRef | None:
    """The city a meeting verb puts its subject in ("met Netanyahu in Jerusalem", "In Riyadh
    he held talks"), for verbs that are not travel themselves."""
    lemma = token.lemma_.lower()
    if lemma == "be":
        # "Zelensky, who was in Warsaw on Wednesday for talks with Duda": being somewhere
        # for a meeting is having gone there for it.
        if not any(
            c.dep_ == "prep"
            and c.lower_ == "for"
            and any(
                g.dep_ == "pobj" and (g.lower_ in _ATTENDED_EVENTS or g.lemma_ == "visit")
                for g in c.children
            )
            for c in token.children
        ):
            return None
    elif token.pos_ != "VERB" or lemma not in _PRESENCE_VERBS or lemma in _VISIT_VERBS:
        return None
    met = [c for c in token.children if c.dep_ == "dobj"]  # "met Xi Jinping in Beijing"
    # "signed the pact with their Philippine counterparts in Manila", "held talks with
    # President Christodoulides in Nicosia": the hosts are where the meeting was.
    hosts = [
        g
        for h in [token, *met]
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children
        if g.dep_ == "pobj" and (g.lemma_.lower() in _HOST_NOUNS or g.ent_type_ == "PERSON")
    ]
    # "discussed the war in Gaza": what was talked of is not where.
    met = hosts if lemma in _TALKING_VERBS else met + hosts
    if lemma in _TALKING_VERBS and not met:
        return None  # "discussed the war in Gaza"; "discuss a ceasefire with Sisi" in Cairo
    frame = []
    if token.dep_ == "xcomp" and token.head.dep_ == "acomp" and token.head.head.lemma_ == "be":
        frame = [token.head.head]  # "In Cairo he is due to meet Sisi": "in Cairo" hangs on "is"
    for head in [token, *met, *frame]:
        for child in head.children:
            # ("met Putin outside Moscow": at a residence by the city, a visit to it.)
            if child.dep_ == "prep" and child.lower_ in ("in", "at", "outside"):
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                # "in Beijing", "in the southern city of Guangzhou"; not any place the
                # object's clauses mention ("at an event celebrating Jerusalem's role").
                place = (
                    (_object_place(obj, sentence) or _capital_named(obj, sentence))
                    if obj is not None
                    else None
                )
                # A stop may be a whole island or territory ("stop in Guam on his way home"),
                # and so may a summit's host ("met in Bali on the sidelines of the G20").
                if place is not None and (
                    place.kind == "city"
                    # "are expected to meet … in the Amur region": a region told as one
                    or (
                        place.kind == "region"
                        and obj.lemma_.lower() in ("region", "province", "oblast", "prefecture")
                    )
                    # "addressed the UN General Assembly in New York": a gathering's host (the
                    # draft puts a state named like its great city at the city)
                    or (place.kind in _HOSTS and head.lemma_.lower() in _ATTENDED_EVENTS)
                    or lemma in _STOPPING_VERBS
                    or (place.kind in _HOSTS and _gathering(token) is not None)
                ):
                    return place
                if place is None and obj is not None and child.lower_ == "at":
                    # "at the State Department in Washington": where the named building
                    # is (not "at a dinner in the city": an occasion, not a place).
                    seat = _seat_city(obj, sentence) or next(
                        (
                            found
                            for g in obj.children
                            if (obj.pos_ == "PROPN" or obj.lemma_.lower() in _VENUE_NOUNS)
                            and g.dep_ == "prep"
                            and g.lower_ == "in"
                            and (found := _destination(g, sentence)) is not None
                            # ("at the Vostochny Cosmodrome in the Amur region")
                            and found.kind in ("city", "region")
                        ),
                        None,
                    )
                    if seat is not None:
                        return seat
    if lemma != "be":
        return _gathering_place(token, sentence)
    return None


# Buildings a visit is made at, in a city the phrase names ("visited the wounded at a
# hospital in Marrakech").
_BUILDINGS = frozenset(
    {
        "hospital",
        "school",
        "factory",
        "plant",
        "base",
        "camp",
        "shelter",
        "church",
        "mosque",
        "temple",
        "museum",
        "memorial",
        "cemetery",
        "site",
        "port",
        "mine",
    }
)


# Buildings a meeting is held at, in a city the phrase names ("met at a naval base in San
# Diego"); not occasions ("at a dinner in the city").
_VENUE_NOUNS = frozenset(
    {
        "base", "hotel", "palace", "residence", "resort", "ranch", "estate", "retreat",
        "headquarters", "museum", "centre", "center", "hall", "embassy", "airport", "castle",
        "villa", "mansion", "cathedral", "mosque", "temple", "shipyard", "port",
    }
)  # fmt: skip


# Seats of government news names for their capitals: "met Biden at the White House" was
# in Washington. The words of the seat, folded, and its country.
_SEATS = {
    "white house": "US", "oval office": "US", "kremlin": "RU", "elysee": "FR",
    "elysee palace": "FR", "élysée": "FR", "élysée palace": "FR", "downing street": "GB",
    "great hall of the people": "CN", "zhongnanhai": "CN", "kantei": "JP",
    "rashtrapati bhavan": "IN", "mariinsky palace": "UA", "casa rosada": "AR",
    "planalto palace": "BR", "moncloa palace": "ES", "quirinale": "IT", "chigi palace": "IT",
    "bellevue palace": "DE", "chancellery": "DE", "blue house": "KR", "malacanang": "PH",
    "malacañang": "PH", "malacanang palace": "PH", "aso rock": "NG", "union buildings": "ZA",
}  # fmt: skip


def _seat_city(obj, sentence: _Sentence) -> PlaceRef | None:
    """The capital the article names for a seat of government a meeting was at ("at the
    White House"), when the article names that capital somewhere; else None."""
    words = " ".join(
        t.lower_ for t in obj.subtree if t.dep_ != "det" and t.i <= obj.i and not t.is_punct
    )
    country = _SEATS.get(words)
    if country is None:
        return None
    return next(
        (
            p
            for p in sentence.article_places
            if p.capital and p.country_code == country and not p.demonym
        ),
        None,
    )


# People one meets or signs with where they are: "with his counterpart in Manila".
_HOST_NOUNS = frozenset(
    {"counterpart", "host", "leader", "president", "premier", "minister", "chancellor", "king"}
)


# "On the sidelines of the G7 summit", "on the margins of the UN General Assembly".
_SIDELINES = frozenset({"sideline", "sidelines", "margin", "margins", "fringe", "fringes"})


# Kinds of place a summit is held in.
_HOSTS = frozenset({"city", "country", "region", "site"})


# Plural nouns a tour goes "to" before the region they lie in.
_MANY_PLACES = frozenset({"country", "nation", "city", "state", "capital", "island"})
# Words that put a place after the one before it in a trip: "then to Dili", "finally to
# Singapore", "next to Hanoi".
_NEXT_WORDS = frozenset({"then", "finally", "next", "later", "afterwards", "subsequently"})


def _objects_of(noun) -> list:
    """What *noun* is "of": "the sidelines of the G7 summit", "an outbreak of cholera"."""
    return [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _gathering(verb):
    """The summit, conference or talks a meeting verb says it took place at ("at the G20
    summit", "on the sidelines of the G7 summit"), else None."""
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ not in ("at", "on", "during"):
            continue
        held = next((c for c in child.children if c.dep_ == "pobj"), None)
        if held is not None and held.lower_ in _SIDELINES:
            held = next(iter(_objects_of(held)), None)
        if held is not None and held.lemma_.lower() in _ATTENDED_EVENTS:
            return held
    return None


def _gathering_place(verb, sentence: _Sentence) -> PlaceRef | None:
    """Where the gathering a meeting took place at was held: "met Zelenskiy on the sidelines
    of the G7 summit in Italy", "met Xi at the G20 summit in Bali". A summit's host may be
    a country or an island, not only a city, and its place says where the traveller went."""
    held = _gathering(verb)
    if held is None:
        return None
    for prep in held.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            place = _object_place(obj, sentence) if obj is not None else None
            if place is not None and place.kind in _HOSTS:
                return place
    return None


# Verbs whose object is the traveller: "Abdullah will host Blinken in Amman", "Xi welcomed
# Putin to Beijing", "a tour that will take him to Doha" (with a trip as subject); with
# the prepositions that say where.
_GUEST_VERBS = {"host": ("in", "at"), "welcome": ("to", "in"), "receive": ("in", "at")}


# Nouns for a meeting whose "between" names who met: "talks in Beijing between …".
_TALKS_NOUNS = frozenset({"talk", "meeting", "negotiation", "summit"})


def _talks_between(token, sentence: _Sentence) -> tuple[list[ActorRef], PlaceRef] | None:
    """(the people, the city) of "four days of talks in Beijing between Iran's top security
    official Ali Shamkhani and Saudi national security adviser Musaed Al-Aiban": a meeting
    in a city, and two or more people named as meeting there (who of them is at home is
    left to the draft, as for any meeting)."""
    if _noun_lemma(token) not in _TALKS_NOUNS:
        return None
    where = between = None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "at") and where is None:
            where = _subtree_place(child, sentence, clauses=False)
        elif child.dep_ == "prep" and child.lower_ == "between":
            between = child
    if where is None or where.kind != "city" or between is None:
        return None
    people = _people_under(between, sentence)
    return (people, where) if len(people) >= 2 else None


def _people_under(token, sentence: _Sentence) -> list[ActorRef]:
    """The people *token*'s phrase names, each once, in the order named."""
    people: list[ActorRef] = []
    for t in token.subtree:
        actor = sentence.actor_at(t)
        if actor is not None and actor not in people:
            people.append(actor)
    return people


def _guest(token, sentence: _Sentence, last_actor: ActorRef | None):
    """(traveller, place) for a verb whose object travels, else None."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB":
        return None
    if lemma == "take":
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        trip = token.head if token.dep_ == "relcl" else (subjects[0] if subjects else None)
        if trip is not None and trip.lower_ in ("which", "that") and trip.i > 0:
            # "at the start of his first European tour in five years, which will also take
            # him to Serbia": the model may hang the clause on the verb; the trip it tells of
            # is the nearest one named before.
            trip = next(
                (
                    t
                    for t in reversed(sentence.sent.doc[max(0, trip.i - 8) : trip.i])
                    if t.pos_ == "NOUN" and t.lemma_.lower() in _VISIT_NOUNS
                ),
                trip,
            )
        if trip is None or trip.lemma_.lower() not in _VISIT_NOUNS:
            return None
        preps = ("to",)
    elif lemma in _GUEST_VERBS:
        preps = _GUEST_VERBS[lemma]
    elif (
        lemma in ("end", "finish", "conclude")
        and token.dep_ == "relcl"
        and token.head.lemma_.lower() in _VISIT_NOUNS
        and not any(c.dep_ == "dobj" for c in token.children)
    ):
        # "the second leg of a European tour that will end in Paris on Friday": the tour's
        # last stop, for whoever the clause it is told in has travelling ("Wang Yi arrived
        # in Berlin … after meeting Kaja Kallas in Brussels, the second leg of …": Wang Yi).
        traveller = next(
            (
                actor
                for verb in token.head.ancestors
                if verb.pos_ == "VERB"
                for c in verb.children
                if c.dep_ == "nsubj" and (actor := sentence.actor_at(c)) is not None
            ),
            None,
        )
        if traveller is None:
            earlier = [a for a in sentence.actors if a.end <= token.head.idx]
            traveller = (earlier or [last_actor])[-1]
        for child in token.children:
            if traveller is not None and child.dep_ == "prep" and child.lower_ in ("in", "at"):
                place = _destination(child, sentence)
                if place is not None:
                    return traveller, place
        return None
    else:
        return None
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    traveller = sentence.actor_at(obj)
    if traveller is None and obj.lower_ in ("him", "her"):
        earlier = [a for a in sentence.actors if a.end <= obj.idx]
        traveller = _whose_trip(token, sentence) or (earlier or [last_actor])[-1]
    if traveller is None:
        return None
    # ("welcomed President Zelensky in Istanbul": the model may hang the place on the guest.)
    for child in [*token.children, *obj.children]:
        if child.dep_ == "prep" and child.lower_ in preps:
            place = _destination(child, sentence)
            if place is not None:
                return traveller, place
    return None


def _whose_trip(take, sentence: _Sentence) -> ActorRef | None:
    """The traveller a trip that "will take him on to Washington" is of, when the clause it
    hangs on says: "Lee met Ishiba in Tokyo, the first stop of a trip that …" is Lee's trip
    (who met someone where they went), "Xi hosted Macron at the start of a tour that …" is
    Macron's (who was hosted). None when the clause has no such verb."""
    verb = next((a for a in take.ancestors if a.pos_ == "VERB" and a != take), None)
    if verb is None:
        return None
    if verb.lemma_.lower() in _GUEST_VERBS:
        role = "dobj"
    elif verb.lemma_.lower() == "meet":
        role = "nsubj"
    else:
        return None
    person = next((c for c in verb.children if c.dep_ == role), None)
    return sentence.actor_at(person) if person is not None else None


def _attended_by(
    token, sentence: _Sentence, dateline: PlaceRef | None = None
) -> tuple[list[ActorRef], PlaceRef] | None:
    """(the people, the city) of "a summit in Johannesburg attended by Chinese President Xi
    Jinping, Indian Prime Minister Narendra Modi and Lula": each went there. "The summit,
    which was attended by …", in a story filed from Johannesburg with no other place told
    for it, is the one held there."""
    relative = token.dep_ == "relcl" and any(c.dep_ == "nsubjpass" for c in token.children)
    if token.lemma_.lower() != "attend" or not (token.dep_ == "acl" or relative):
        return None
    gathering = token.head
    if _noun_lemma(gathering) not in _ATTENDED_EVENTS:
        return None
    where = next(
        (
            place
            for c in gathering.children
            if c.dep_ == "prep"
            and c.lower_ in ("in", "at")
            and (place := _destination(c, sentence)) is not None
            and place.kind == "city"
        ),
        None,
    )
    if (
        where is None
        and dateline is not None
        and dateline.kind == "city"
        and _definite(gathering)
        and not any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in gathering.children)
        and not any(p.kind == "city" and p.key != dateline.key for p in sentence.places)
    ):
        where = dateline
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    if where is None or agent is None:
        return None
    people = _people_under(agent, sentence)
    return (people, where) if people else None


def _stays_told(token, sentence: _Sentence, ctx) -> list[tuple[PlaceRef, object]]:
    """The places a person is said to be in on days told with them, each with its "in".

    "He will be in Dili from Sept 9 to 11 and in Singapore from Sept 11 to 13": the stops of
    a trip told as an itinerary. Being somewhere is no trip without its days: "he was in
    Moscow in 1991" is a life, and "will be in talks" names no place at all.
    """
    # ("… was in Berlin on Monday and will be in Rome on Wednesday": the subject of both.)
    told_of = [*token.children, *(token.head.children if token.dep_ == "conj" else ())]
    if token.lemma_ != "be" or not any(
        c.dep_ == "nsubj" and (c.lower_ in ("he", "she", "they") or sentence.actor_at(c))
        for c in told_of
    ):
        return []
    steps = [
        t
        for t in token.subtree
        if t.pos_ == "ADP"
        and t.lower_ in ("in", "at")
        and all(a == token or a.pos_ == "ADP" for a in _ancestors_to(t, token))
    ]
    stays: list[tuple[PlaceRef, object]] = []
    bounds = [t.idx for t in steps] + [sentence.sent.end_char]
    for step, (start, end) in zip(steps, itertools.pairwise(bounds), strict=True):
        place = _destination(step, sentence)
        days = [
            value
            for p in ctx.dates_in(sentence)
            if start <= p.start < end
            and (value := resolve(p.text, ctx.anchor, "future", reference=p.reference))
        ]
        if place is None or place.kind not in ("city", "country") or not days:
            continue
        if any(value.precision != "day" for value in days):
            continue
        stays.append((place, step))
    return stays


def _ancestors_to(token, top) -> list:
    """The tokens from *token*'s head up to *top*, or [] when *top* is not above it."""
    path = []
    while token.head != token:
        token = token.head
        path.append(token)
        if token == top:
            return path
    return []


# What a visit to where the story happened is a visit to: "visited the site", "toured the
# scene of the blast".
_SCENE_NOUNS = frozenset({"site", "scene"})


def _told_after(verb) -> bool:
    """Whether *verb* is told as done before what it hangs on: "after attending …"."""
    return (verb.dep_ == "pcomp" and verb.head.lower_ == "after") or (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "after" for c in verb.children)
    )


def _scene_told_elsewhere(token, sentence: _Sentence, dateline: PlaceRef) -> bool:
    """Whether the paragraph, before *token*, names a place the site may be at other than
    the dateline or a region of its country ("PARIS - … The project, on the Afungi peninsula
    in Cabo Delgado province … Pouyanne visited the site": not in Paris)."""
    text = sentence.sent.doc.text
    start = text.rfind("\n", 0, sentence.sent.start_char) + 1
    # ("left New Delhi for Hanoi after attending the summit": where the clause it is told
    # before goes is after it.)
    before = _told_after(token)
    return any(
        start <= p.start < token.idx
        and not (before and p.start >= sentence.sent.start_char)
        and p.key != dateline.key
        and not p.demonym
        and p.kind not in ("country", "continent")
        and not (p.kind == "region" and p.country_code == dateline.country_code)
        for p in sentence.article_places
    )


def _visits(sentence, ctx, last_actor) -> list[EventDraft]:
    drafts = []
    reached: dict[int, tuple[str, str]] = {}  # travel verb -> (traveller, where it went)
    made: dict[int, list[EventDraft]] = {}  # travel word -> the visits it told
    for token in sentence.sent:
        lemma = token.lemma_.lower()
        via = False  # the leg's end is a stop "via" which the journey goes on
        presence = _presence_place(token, sentence)
        met_at = None if presence is not None else _met_at(token, sentence)
        talks = None if presence or met_at else _talks_between(token, sentence)
        if talks is not None:
            met_at = talks[1]
        stays = [] if presence or met_at else _stays_told(token, sentence, ctx)
        if stays:
            met_at = stays[0][0]
        attendees = None if presence or met_at else _attended_by(token, sentence, ctx.dateline)
        if attendees is not None:
            met_at = attendees[1]
        travel_noun = token.pos_ == "NOUN" and (
            lemma in _VISIT_NOUNS
            or _verb_taken_for_noun(token, sentence)
            or lemma in _STOP_NOUNS
            # "after a day in Shanghai", "after two days in Paris": a stop before this one
            or (
                lemma in ("day", "night", "week")
                and token.dep_ == "pobj"
                and token.head.lower_ == "after"
                and any(c.dep_ == "prep" and c.lower_ == "in" for c in token.children)
            )
            # "on his way to Tokyo"
            or (
                lemma == "way"
                and token.head.lower_ == "on"
                and any(c.dep_ == "poss" for c in token.children)
            )
        )
        guest = _guest(token, sentence, last_actor)
        # Words that put the traveller in a place (its "in" or "at" says which). "Burns is
        # expected in Paris next week", "is due in Doha on Monday": an arrival awaited (the
        # scheduling word makes it so).
        held_at = (
            lemma == "expect"
            and token.pos_ == "VERB"
            and any(c.dep_ == "auxpass" for c in token.children)
        ) or (lemma == "due" and token.pos_ == "ADJ")
        # "Wang will begin in Paris on Monday", "will end the tour at the Munich Security
        # Conference": where a tour starts or ends, it is.
        held_at = held_at or (
            lemma in _TRIP_ENDS
            and token.pos_ == "VERB"
            and all(c.lemma_.lower() in _VISIT_NOUNS for c in token.children if c.dep_ == "dobj")
        )
        # "spent Wednesday and Thursday in Warsaw", "spent two days in Kyiv": a short stay.
        # ("Spent three years in Moscow" is a life, not a trip.)
        held_at = held_at or (
            lemma == "spend"
            and token.pos_ == "VERB"
            and any(
                c.dep_ in ("dobj", "npadvmod")
                and (c.ent_type_ in ("DATE", "TIME") or c.lemma_.lower() in _SHORT_STAYS)
                and not any(t.lemma_.lower() in _LONG_STAYS for t in c.subtree)
                for c in token.children
            )
        )
        if (
            lemma not in _VISIT_VERBS
            and not held_at
            and not travel_noun
            and presence is None
            and met_at is None
            and guest is None
        ):
            continue
        destination = presence or met_at or (guest[1] if guest else None)
        next_stops: list[PlaceRef] = []
        stop_steps: list = []  # the "to" of each next stop, whose phrase may date it
        for stop, step in stays[1:]:
            next_stops.append(stop)
            stop_steps.append(step)
        if met_at is not None and not stays and token.pos_ == "VERB":
            # "met Starmer in London on Wednesday and Macron in Paris later that day": the
            # next one met, where he was met, is the next stop.
            # (The model may hang the second "in" on the verb, the second person on the
            # day.)
            preps = [
                prep
                for holder in [
                    token,
                    *(o for m in token.children if m.dep_ == "dobj" for o in m.conjuncts),
                ]
                for prep in holder.children
                if prep.dep_ == "prep" and prep.lower_ == "in"
            ]
            for prep in sorted(preps, key=lambda t: t.i):
                named = next((c for c in prep.children if c.dep_ == "pobj"), None)
                stop = _object_place(named, sentence) if named is not None else None
                if (
                    stop is not None
                    and stop.kind == "city"
                    and stop.start > met_at.start
                    and stop.key not in {met_at.key, *(s.key for s in next_stops)}
                ):
                    next_stops.append(stop)
                    stop_steps.append(prep)
        if _negated(token) or (
            lemma == "attend" and attendees is None and not _attends_an_event(token)
        ):
            continue  # "was unable to attend", "attended law school"
        if lemma == "return" and any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
            continue  # "will be returned to Meigs County": sent back, not travelling
        if (token.pos_ == "VERB" or held_at) and destination is None:
            # ("flew back to London": the model may hang the "to" on the "back"; "is due
            # back in Berlin": on the "is" of the "due".)
            for child in [
                # ("In Turkey, Leo will visit Iznik": the place visited before the one the
                # sentence opens in.)
                *sorted(
                    token.children,
                    key=lambda c: not (c.dep_ == "dobj" and lemma in ("visit", "tour")),
                ),
                *(
                    g
                    for c in token.children
                    if (c.dep_ == "advmod" and c.lower_ == "back")
                    # "travel on to Oslo": the model may hang the "to" on the "on".
                    or (c.dep_ in ("prep", "prt", "advmod") and c.lower_ in ("on", "onward"))
                    for g in c.children
                    if g.dep_ == "prep" and g.lower_ in ("to", "for")
                ),
                *(_due_words(token) if held_at else ()),
            ]:
                if child.dep_ == "dobj" and lemma in ("visit", "tour", "attend"):
                    # "attended the summit in Johannesburg": only where it was, not whose.
                    destination = _object_place(child, sentence) if lemma != "attend" else None
                    if destination is None:  # "visited Vladimir Putin in Moscow"
                        # ("attending the inauguration of President Javier Milei in Buenos
                        # Aires": the model may hang the "in" on the name inside.)
                        for grandchild in child.subtree:
                            if (
                                grandchild.dep_ == "prep"
                                and grandchild.lower_ in ("in", "at", "near")
                                and not _in_clause_below(grandchild, child)
                            ):
                                destination = _subtree_place(grandchild, sentence)
                                if destination is not None:
                                    break
                    if (
                        destination is None
                        and lemma != "attend"
                        and ctx.dateline is not None
                        and _noun_lemma(child) in _SCENE_NOUNS
                        and any(c.dep_ == "det" and c.lower_ == "the" for c in child.children)
                        and not _scene_told_elsewhere(token, sentence, ctx.dateline)
                    ):
                        # "EAST PALESTINE, Ohio - … DeWine visited the site on Tuesday",
                        # "toured the crash site": the scene the story is filed from.
                        destination = ctx.dateline
                    if (
                        destination is None
                        and lemma == "attend"
                        and ctx.dateline is not None
                        and ctx.dateline.kind == "city"
                        and _definite(child)
                        and _attends_an_event(token)
                        and not any(
                            p.kind == "city"
                            and p.key != ctx.dateline.key
                            # ("left New Delhi for Hanoi after attending the Group of 20
                            # summit": where the traveller went on to, after it, is no
                            # other place for it.)
                            and not (
                                _told_after(token)
                                and not token.left_edge.idx <= p.start <= token.right_edge.idx
                            )
                            for p in sentence.places
                        )
                        # ("… travel on to Beijing to attend a military parade … Kim, who will
                        # also attend the parade": the gathering told elsewhere)
                        and not _scene_told_elsewhere(token, sentence, ctx.dateline)
                    ):
                        # "TIANJIN - … Erdogan and Pezeshkian also attended the two-day
                        # gathering": the gathering the story is filed from.
                        destination = ctx.dateline
                    # "will visit Mosul, the former Islamic State stronghold, and Irbil":
                    # the model may join the next place to the apposition, as another object.
                    for other in token.children:
                        if destination is None or other.dep_ != "dobj" or other == child:
                            continue
                        for t in other.subtree:
                            stop = sentence.named_place_at(t) if t.dep_ == "conj" else None
                            if stop is not None and stop != destination and stop not in next_stops:
                                next_stops.append(stop)
                                stop_steps.append(t)
                    # "attending the APEC summit in Peru and the G20 summit in Brazil": the
                    # next gathering's place is the next stop.
                    for listed in child.subtree:
                        # ("… in Lima and the Group of 20 summit in Rio": the model may join
                        # the name of the next gathering, not the gathering, to the list.)
                        gathering = (
                            next(
                                (t for t in listed.subtree if _noun_lemma(t) in _ATTENDED_EVENTS),
                                None,
                            )
                            if listed.dep_ == "conj"
                            else None
                        )
                        if destination is not None and gathering is not None:
                            for where in gathering.children:
                                stop = (
                                    _subtree_place(where, sentence)
                                    if where.dep_ == "prep" and where.lower_ in ("in", "at")
                                    else None
                                )
                                if stop is not None and stop != destination:
                                    next_stops.append(stop)
                                    stop_steps.append(where)
                if destination is None and child.dep_ == "prep":
                    # "fly home on Monday via Anchorage": a stop on the way is a visit too.
                    preps = _DIRECTIONAL_PREPS.get(lemma, ("to", "via", "into"))
                    if held_at:
                        preps = ("in", "at")
                    # "visited troops in Kharkiv", "toured a factory in Scranton", "visited
                    # troops near the eastern city of Pokrovsk"
                    if child.lower_ in preps or (
                        lemma in ("visit", "tour") and child.lower_ in ("in", "near", "at")
                    ):
                        destination = _destination(child, sentence)
                        via = child.lower_ == "via" and destination is not None
                        if destination is None and child.lower_ == "at":
                            # "visited injured people at a hospital in Marrakech": where the
                            # building is.
                            destination = next(
                                (
                                    _where_in(g.children, sentence)
                                    for g in child.children
                                    if g.dep_ == "pobj" and g.lemma_.lower() in _BUILDINGS
                                ),
                                None,
                            )
                        if destination is None:
                            continue  # its stops are those of the "to" that names a place
                        # "flies to Port Moresby and then to Vanimo": the next stops (the
                        # model hangs the second "to" on the first, or on the verb).
                        # ("… to Belgrade, arriving on the anniversary, and then to
                        # Budapest": or on a clause that only says how the first went, or
                        # on a phrase that says when: "to Belgrade on Tuesday, the 25th
                        # anniversary of …, and then to Budapest").
                        further = [c for c in child.children if c.dep_ == "conj"] + [
                            c
                            for c in (
                                *token.children,
                                *(
                                    g
                                    for a in token.children
                                    if a.dep_ in ("advcl", "npadvmod") and a.i > child.i
                                    for g in a.children
                                ),
                                # "to Lima for the APEC summit and to Rio for the G20": or
                                # on the purpose after the first stop, or its day ("to the
                                # Dominican Republic on Wednesday and then to Panama").
                                *(
                                    g
                                    for a in token.children
                                    if a.dep_ == "prep"
                                    and a.i > child.i
                                    and (
                                        a.lower_ in ("for", "on", "by")
                                        # ("to Turkey from Nov 27 to 30 and then to
                                        # Lebanon": or on the days' "from")
                                        or (
                                            a.lower_ == "from"
                                            and any(
                                                g.dep_ == "pobj" and g.ent_type_ == "DATE"
                                                for g in a.children
                                            )
                                        )
                                    )
                                    for g in a.children
                                ),
                            )
                            if c.dep_ == "conj" and c.pos_ == "ADP" and c.i > child.i
                        ]
                        # "… and then to Nasiriyah and the city of Ur, believed to be …":
                        # the model may hang a "then to" on a verb joined to this one.
                        further += [
                            g
                            for a in token.children
                            if a.dep_ == "conj"
                            and a.pos_ == "VERB"
                            and a.lemma_.lower() not in _VISIT_VERBS
                            for g in a.children
                            if g.dep_ == "prep"
                            and g.lower_ == child.lower_
                            and any(n.lower_ in _NEXT_WORDS for n in g.children)
                        ]
                        # "flown from Moscow to Ankara on Thursday and then on to
                        # Washington": the model may join an "on" to the day's "on" and
                        # hang the next "to" on it.
                        # ("… to Ankara and then on to Washington": or on the verb.)
                        further += [
                            g
                            for g in (
                                g
                                for a in (token, *token.children)
                                if a == token or (a.dep_ == "prep" and a.i > child.i)
                                for c in a.children
                                # (an "on" the model takes for a preposition is one of
                                # the conjuncts above)
                                if c.dep_ == "conj"
                                and c.pos_ == "ADV"
                                and c.i > child.i
                                and c.lower_ in ("on", "onward", "onwards", "then")
                                for g in c.children
                                if g.dep_ == "prep" and g.lower_ == child.lower_
                            )
                            if g not in further
                        ]
                        # "travel to Vanimo, then to Dili … and finally to Singapore": a
                        # later "to" of the verb's own, after a "then", is the next stop
                        # (the "then" may hang on a date before it: "and then on Sunday to").
                        further += [
                            a
                            for a in token.children
                            if a.dep_ == "prep"
                            and a.i > child.i
                            and a.lower_ == child.lower_
                            and any(g.lower_ in _NEXT_WORDS for g in a.subtree if g.i < a.i)
                        ]
                        while further:
                            step = further.pop(0)
                            if step.pos_ == "ADP" and step.lower_ in preps:
                                stop = _destination(step, sentence)
                                named = [
                                    c
                                    for c in step.children
                                    if c.dep_ in ("pobj", "pcomp")
                                    and sentence.named_place_at(c) is not None
                                ]
                                if stop is None and named:
                                    # "and then to Reading and Pittsburgh": the model may
                                    # take the name for a verb.
                                    stop = sentence.named_place_at(named[0])
                                if stop is not None:
                                    next_stops.append(stop)
                                    stop_steps.append(step)
                                    # … and the names joined to it are stops after it
                                    for joined in named[0].children if named else ():
                                        place = sentence.named_place_at(joined)
                                        if joined.dep_ == "conj" and place is not None:
                                            next_stops.append(place)
                                            stop_steps.append(step)
                                further.extend(c for c in step.children if c.dep_ == "conj")
                            elif step.pos_ == "ADP" and step.lower_ in ("on", "onward"):
                                # "… on Tuesday and on to Phnom Penh on Thursday": the model
                                # joins the "on" of "on to" to the day's "on".
                                further.extend(
                                    c
                                    for c in step.children
                                    if c.dep_ == "prep" and c.lower_ in preps
                                )
                if destination is not None:
                    break
            if destination is None and any(
                c.dep_ == "prep"
                and c.lower_ == "to"
                and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in c.children)
                for c in token.children
            ):
                # "travelled to the Vostochny Cosmodrome in the Amur region": a named site
                # the gazetteer lacks, in a place the verb's "in" names.
                where = next(
                    (c for c in token.children if c.dep_ == "prep" and c.lower_ == "in"), None
                )
                destination = _destination(where, sentence) if where is not None else None
        elif travel_noun:
            # "will end the trip at the Shangri-La Dialogue in Singapore": where a trip ends
            # or begins, it is "at" too.
            ends = token.dep_ == "dobj" and token.head.lemma_.lower() in _TRIP_ENDS
            for child in token.children:
                if child.dep_ == "prep" and (
                    child.lower_ in ("to", "in") or (ends and child.lower_ == "at")
                ):
                    if any(
                        g.dep_ == "pobj" and g.tag_ == "NNS" and g.lemma_.lower() in _MANY_PLACES
                        for g in child.children
                    ):
                        continue  # "a trip to four countries in Southeast Asia": a tour
                    destination = _subtree_place(child, sentence)
                    obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if obj is not None and _sea_qualifies(destination, obj, sentence):
                        destination = None
                    if destination is not None:
                        break
            if destination is None:
                # "from Poland, where he will be on a two-day visit starting Wednesday": a
                # visit made where the clause it is told in is.
                destination = _where_clause_place(token, sentence)
        if travel_noun and destination is not None and destination.kind == "country":
            # "began a three-day visit to Brazil on Tuesday in the Amazon city of Belem": the
            # visit (or its verb) says in which of its cities it began.
            for prep in [*token.children, *token.head.children]:
                city = _destination(prep, sentence) if prep.dep_ == "prep" else None
                if (
                    prep.lower_ == "in"
                    and city is not None
                    and city.kind == "city"
                    and city.country_code == destination.country_code
                ):
                    destination = city
                    break
        if destination is None and token.pos_ == "VERB" and lemma in _FLYING_VERBS:
            # "flew from London on Monday and were greeted at Ottawa airport": where the
            # travellers were met as they landed.
            destination = _greeted_at(token, sentence)
        if destination is not None and destination.kind == "country" and token.pos_ == "VERB":
            # "will travel to Russia next week for the Brics summit in Kazan": the summit's
            # city in that country is where the trip goes.
            destination = _event_city(token, destination, sentence) or destination
        if destination is not None and token.pos_ == "VERB":
            # "will visit Saudi Arabia on Tuesday, Egypt on Wednesday and Israel on
            # Thursday": stops the model cannot hang on the verb, each with its day — also
            # after the last stop it could ("then to Qatar on Tuesday and the United Arab
            # Emirates on Wednesday").
            last = next_stops[-1] if next_stops else destination
            for stop, step in _gapped_stops(last, sentence, ctx):
                if all(stop.key != s.key for s in [destination, *next_stops]):
                    next_stops.append(stop)
                    stop_steps.append(step)
        actor = guest[0] if guest else _subject_actor(token, sentence, last_actor)
        group: list[ActorRef] = []
        if talks is not None:
            group = talks[0]  # "talks in Beijing between Shamkhani and Al-Aiban": both
            actor = group[0]
        elif attendees is not None:
            group = attendees[0]  # "a summit in Johannesburg attended by Xi, Modi and Lula"
            actor = group[0]
        named_group = [c for c in token.children if _names_the_group(c)]
        governing = token
        for _ in range(2):
            # "The royal couple will travel to Mombasa before returning to London": the
            # subject of the leg this one is told after.
            if named_group or actor is not None:
                break
            if governing.dep_ == "pcomp" and governing.head.dep_ == "prep":
                governing = governing.head.head
            elif governing.dep_ in ("advcl", "xcomp", "conj"):
                governing = governing.head
            else:
                break
            if any(
                c.dep_ in ("nsubj", "nsubjpass") and not _names_the_group(c)
                for c in governing.children
            ):
                break
            named_group = [c for c in governing.children if _names_the_group(c)]
        if actor is None and named_group:
            # "Blinken and Lammy arrived in Kyiv … They travelled from Poland overnight", "The
            # leaders visited Irpin"; "the two leaders", however much was told between, are
            # the last people named together.
            # ("The royal couple will travel to Mombasa", after "The king met President
            # Ruto": a couple is a pair named together, not one who met the other.)
            together = ctx.last_joined if named_group[0].lemma_.lower() in _PAIR_NOUNS else None
            group = (
                ctx.last_group
                or together
                or (ctx.last_together if named_group[0].lower_ != "they" else [])
            )
            actor = group[0] if group else None
        if actor is None and token.pos_ == "NOUN":
            # "X's visit" without a destination adds an excerpt to X's latest visit.
            continue
        if _invitation_passed_on(token):
            continue  # "carrying an invitation from King Charles for a state visit to Britain"
        if destination is None and actor is not None and _goes_home(token):
            # "before flying home on Friday": to where the traveller lives, which the draft
            # knows once it knows whom each person speaks for (see HOME_PREFIX).
            destination = PlaceRef(HOME_PREFIX + actor.key, token.idx, token.idx, "home", "", False)
        elif via and actor is not None and not next_stops:
            # "will fly home on Monday via Anchorage", "flew back to Rome via Dubai": the
            # stop, then the journey's end after it.
            end = (
                PlaceRef(HOME_PREFIX + actor.key, token.idx, token.idx, "home", "", False)
                if _goes_home(token)
                else next(
                    (
                        found
                        for c in token.children
                        if c.dep_ in ("advmod", "prt") and c.lower_ in ("back", "home", "on")
                        for p in c.children
                        if p.dep_ == "prep"
                        and p.lower_ == "to"
                        and (found := _destination(p, sentence)) is not None
                    ),
                    None,
                )
            )
            if end is not None:
                next_stops.append(end)
                stop_steps.append(token)
        origin = _origin_told(token, sentence)
        if origin is None and travel_noun and token.dep_ == "dobj":
            # "made a surprise visit to Ukraine, travelling by train from Poland": the way
            # the visit's verb says it was made.
            origin = next(
                (
                    found
                    for c in token.head.children
                    if c.dep_ == "advcl"
                    and c.lemma_.lower() in _VISIT_VERBS
                    and (found := _origin_told(c, sentence)) is not None
                ),
                None,
            )
        if origin is None:
            # "travelled to Rio from Peru": the model may hang the "from" on the destination.
            origin = next(
                (
                    place
                    for prep in token.children
                    if prep.dep_ == "prep"
                    for pobj in prep.children
                    if pobj.dep_ == "pobj"
                    for child in pobj.children
                    if child.dep_ == "prep"
                    and child.lower_ == "from"
                    and (place := _subtree_place(child, sentence)) is not None
                ),
                None,
            )
        after_place = None
        if origin is None:
            # ("After Astana, Xi will pay a state visit to Tajikistan": on the noun's verb.)
            after_place = (
                _place_after(token, sentence)
                or (_place_after(token.head, sentence) if token.pos_ == "NOUN" else None)
                or (_gathering_after(token, sentence) if token.pos_ == "VERB" else None)
            )
        if origin is None and actor is not None and destination is not None:
            was = _was_in(actor, sentence)
            if was is not None and was.key != destination.key:
                origin = was
        onward_from = None
        earlier = _earlier_leg(token)
        came_from = _done_where_they_came_from(token, sentence)
        if (
            origin is None
            and came_from is not None
            and came_from.kind == "city"
            and destination is not None
            and came_from.key != destination.key
        ):
            # "arrived in Washington from Paris, where he … visited Marseille": a side trip
            # from where the leg began, made before it, not onward from where it ended. (Not
            # "flew in from Turkey, where he held talks in Ankara": that is where he was.)
            origin, earlier = came_from, None
        if earlier is None and travel_noun and token.dep_ == "dobj" and _ends_a_trip(token.head):
            # "travels to East Timor and ends the trip in Singapore": on from East Timor.
            earlier = _earlier_leg(token.head)
        for _ in range(3):  # "leave for Paris on Thursday, where he will …, before flying"
            if earlier is None or earlier.i in reached:
                break
            # "end the tour in Singapore before returning to Rome": the tour is the leg.
            trip = next((c for c in earlier.children if c.dep_ == "dobj" and c.i in reached), None)
            if trip is not None or earlier.head == earlier:
                earlier = trip or earlier
                break
            earlier = earlier.head
        if origin is None and guest is not None:
            # "left Rome on Monday for a journey that will take him to Indonesia": the
            # journey starts where he left.
            left = next((a for a in token.ancestors if a.pos_ == "VERB"), None)
            if left is not None and left.lemma_.lower() in ("leave", "depart"):
                origin = next(
                    (
                        place
                        for child in left.children
                        if child.dep_ == "dobj"
                        and (place := sentence.named_place_at(child)) is not None
                    ),
                    None,
                )
        if origin is None and earlier is None and guest is not None:
            # "arrived in Riyadh at the start of a tour that will take him to Doha": the
            # tour goes on from the arrival its phrase hangs from.
            # ("arrived in Berlin … after meeting Kallas in Brussels, the second leg of a tour
            # that will end in Paris": not the stop made before, told "after".)
            earlier = next(
                (a for a in token.ancestors if a.i in reached and not _told_after(a)),
                None,
            )
        if origin is None and earlier is not None and earlier.i in reached:
            # "flew to San Diego … and will travel on to Washington", "will leave for Paris
            # … before flying to Washington": from the first stop.
            traveller, stop = reached[earlier.i]
            if actor is not None and traveller == actor.key:
                onward_from = stop
        if (
            origin is None
            and onward_from is None
            and destination is not None
            and token.dep_ == "pcomp"
            and token.head.lower_ == "before"
        ):
            # "In Beijing, Prabowo is scheduled to meet Xi …, before flying to Washington":
            # from where the clause it comes after puts the traveller.
            origin = _clause_set_in(token.head.head, token, sentence)
            if origin is not None and origin.key == destination.key:
                origin = None
        governor = token if token.pos_ == "VERB" or held_at or stays else token.head
        if governor.lower_ == "during":
            # "signed a deal … during a visit to London": as the sentence's own event is.
            governor = sentence.sent.root
        status = _status(governor)
        if (
            status == "happened"
            and governor.dep_ == "pcomp"
            and governor.head.lower_ == "before"
            and (leg := made.get(governor.head.head.i))
            and (
                leg[0].status == "scheduled"
                # ("arrived in Kazakhstan on Wednesday …, before heading to Uzbekistan", told
                # that Wednesday: after a leg made that very day — unless the story is filed
                # from where it goes, "… before flying to Doha" told from Doha.)
                or (
                    leg[0].date is not None
                    and leg[0].date.precision == "day"
                    and leg[0].date.end >= ctx.anchor
                    and destination is not None
                    and not (
                        ctx.dateline is not None
                        and destination.country_code == ctx.dateline.country_code
                    )
                )
            )
        ):
            # "He then travels to Jakarta on Wednesday …, before ending the trip in
            # Singapore": the leg after one still ahead is ahead too.
            status = "scheduled"
        # "From Jakarta he flies on Friday to Port Moresby": travel in the present simple
        # with a day named is the timetable ahead, not a day gone.
        # So is a trip's start or end ("He ends the trip in Singapore on September 13").
        # ("The trip comes six weeks after …": not a timetable, nor "comes" a leg.)
        timetable = (
            governor.tag_ in ("VBZ", "VBP")
            and (
                (governor.lemma_.lower() in _VISIT_VERBS and governor.lemma_.lower() != "come")
                or (travel_noun and governor.lemma_.lower() in _TRIP_ENDS)
                # "… and ends the tour in Abu Dhabi on Wednesday"
                or (
                    governor.lemma_.lower() in _TRIP_ENDS
                    and any(
                        c.dep_ == "dobj" and c.lemma_.lower() in _VISIT_NOUNS
                        for c in governor.children
                    )
                )
            )
        ) or _verb_taken_for_noun(governor, sentence)
        # ("From Luanda he flies to Sao Tome …, before ending the trip in Maputo on Friday":
        # and what follows "before" a leg in the timetable.)
        root = sentence.sent.root
        timetable = timetable or (
            governor.dep_ == "pcomp"
            and governor.head.lower_ == "before"
            and root.tag_ in ("VBZ", "VBP")
            and root.lemma_.lower() in _VISIT_VERBS - {"come"}
        )
        if (
            status == "happened"
            and guest is not None
            and lemma in ("take", "end", "finish", "conclude")
            and governor.tag_ in ("VBZ", "VBP")
        ):
            # "arrived in Hanoi, the first stop of a tour that also takes him to Malaysia and
            # Cambodia": the stops a tour under way takes him to are ahead (and the one it
            # "ends in").
            status = "scheduled"
        tense = "future" if status == "scheduled" or timetable else "past"
        # ("visited Kahramanmaras, near the epicentre of Monday's earthquake, on Wednesday":
        # Monday is the earthquake's.)
        # "travelled to North Korea and Vietnam in June, and to China in May": a next stop's
        # own date is its own.
        # (The model hangs "in May" on the verb: a stop's words run up to the next stop's, or
        # to the next verb, "… and then to Vanimo, … before travelling on to Dili next Monday".)
        # (A stop's words may come before its "to": "and then on Sunday to Vanimo".)
        bounds = [
            min(step.idx, max(step.left_edge.idx, previous.idx + 1))
            for previous, step in zip([token, *stop_steps], stop_steps, strict=False)
        ] + [sentence.sent.end_char]
        stop_extents = [
            (
                start,
                min(
                    [end]
                    + [t.idx for t in sentence.sent if t.pos_ == "VERB" and start < t.idx < end]
                ),
            )
            for start, end in itertools.pairwise(bounds)
        ]
        stop_dates = [
            _nearest_date(
                [p for p in ctx.dates_in(sentence) if a <= p.start < b], step.idx, ctx.anchor, tense
            )
            for step, (a, b) in zip(stop_steps, stop_extents, strict=True)
        ]
        dated_there: set[int] = set()  # stops dated by what is done there, not by their own day
        for n, stop in enumerate(next_stops):
            # "… and then on to Washington, where Biden greeted them late on Thursday": a
            # stop with no day of its own is dated by what is done there.
            there = next(
                (
                    t
                    for t in sentence.sent
                    if stop_dates[n] is None
                    and _is_where_clause(t)
                    and sentence.place_at(_where_antecedent(t)) == stop
                ),
                None,
            )
            if there is not None:
                stop_dates[n] = _done_there(there, sentence, ctx, tense)[1]
                dated_there.add(n)
        # "… and travel to Marrakech on Wednesday before returning to Paris": a leg told as
        # after another takes no day but its own clause's.
        # ("… on July 6 and 7 before a state visit to Brasilia": so is a trip noun.)
        told_after = token.head.lower_ == "before" and (
            token.dep_ == "pcomp" or (token.dep_ == "pobj" and travel_noun)
        )
        # "… before travelling to Vienna, the first trip to Austria by an Indian prime
        # minister in 41 years": a trip noun that renames a leg told is dated by that leg.
        renames = (
            travel_noun and token.dep_ == "appos" and sentence.place_at(token.head) is not None
        )
        # ("… on Wednesday, before ending the trip in Singapore": nor a trip that ends
        # after it.)
        ends_after = (
            travel_noun and token.head.dep_ == "pcomp" and token.head.head.lower_ == "before"
        )
        said_ahead = {id(p) for p in _dates_of_saying_ahead(token, ctx.dates_in(sentence))}
        phrases = [
            p
            for p in _own_dates(token, ctx.dates_in(sentence))
            if not _names_another_event(p, sentence, token)
            and id(p) not in said_ahead
            and not any(a <= p.start < b for a, b in stop_extents)
            and not _since(p, ctx.text)
            and not _in_since_phrase(p, sentence, token)
        ] or [
            p
            for p in (
                []
                if told_after or renames
                # ("before ending the trip in Maputo on Friday": the end's own day is the
                # trip's.)
                else _own_dates(governor, ctx.dates_in(sentence))
                if ends_after
                else _dated_by(governor, ctx.dates_in(sentence))
            )
            if not _since(p, ctx.text) and not _in_since_phrase(p, sentence, token)
        ]
        date = _nearest_date(phrases, token.idx, ctx.anchor, tense)
        if told_after and date is not None and date.precision == "day":
            # "… on Thursday, before flying to Beijing on Friday": the Friday after it, not
            # the one before the article.
            before = _nearest_date(
                [
                    p
                    for p in _own_dates(token.head.head, ctx.dates_in(sentence))
                    if not token.left_edge.idx <= p.start < token.right_edge.idx + 1
                ],
                token.head.head.idx,
                ctx.anchor,
                tense,
            )
            if before is None and actor is not None:
                # "signed a deal on Thursday during Modi's visit to London … Modi met Starmer
                # at Chequers before travelling on to the Maldives on Friday": after the day
                # the traveller's trip has reached.
                before = ctx.trip_days.get(actor.key)
            if before is not None and date.start < before.start:
                date = _nearest_date(phrases, token.idx, ctx.anchor, "future") or date
        elif (
            date is not None
            and date.precision == "day"
            and date.relative
            and actor is not None
            # (or the visit it is flown on for: "flew on to Hanoi for a state visit")
            and (
                _onward(token)
                or (
                    token.pos_ == "NOUN"
                    and (going := next((a for a in token.ancestors if a.pos_ == "VERB"), None))
                    is not None
                    and _onward(going)
                )
            )
            and (trip_day := ctx.trip_days.get(actor.key)) is not None
            and date.start < trip_day.start
        ):
            # "Putin flew to Pyongyang … on Wednesday. From Pyongyang he flew on to Hanoi
            # for a state visit on Thursday": a leg on from the day the trip has reached
            # is after it.
            date = _nearest_date(phrases, token.idx, ctx.anchor, "future") or date
        # A meeting takes no other clause's date, nor a clause set apart in time ("a year
        # after Albanese visited Beijing": not on the day the sentence's talks are).
        # Nor the stops a tour "will take him to": the sentence's day is the tour's start
        # ("welcomed Macron on Tuesday at the start of a visit that will also take him to
        # Rio, São Paulo and Brasília").
        itinerary = guest is not None and lemma == "take"
        # A trip told in a relative clause is an aside: "Biden, who also arrived in Lima for
        # the summit, is due to meet Xi on Saturday" does not date his arrival.
        aside = token.dep_ == "relcl" and token.pos_ == "VERB"
        if (
            date is None
            and aside
            and token.head.ent_type_ == "DATE"
            and any(c.lower_ == "when" for c in token.children)
        ):
            # "his first visit since 2015, when he addressed the General Assembly in New
            # York": then, not now.
            date = _nearest_date(
                [p for p in ctx.dates_in(sentence) if p.start <= token.head.idx < p.end],
                token.head.idx,
                ctx.anchor,
                "past",
            )
        if (
            date is None
            and token.dep_ == "advcl"
            and token.pos_ == "VERB"
            and any(c.lower_ == "when" for c in token.children)
            and token.head.pos_ in ("VERB", "AUX")
        ):
            # "visited the Gulf in September when he stopped in Qatar": when the clause it
            # explains was.
            low, high = _extent(token)
            date = _nearest_date(
                [
                    p
                    for p in _own_dates(token.head, ctx.dates_in(sentence))
                    if not low <= p.start < high
                ],
                token.head.idx,
                ctx.anchor,
                tense,
            )
        if (
            date is None
            and met_at is None
            and not itinerary
            and not aside
            and not told_after
            and not renames
            and not ends_after
            and not _time_set_apart(token)
            # "meet Putin on Wednesday, and may later visit Vladivostok": not that day.
            and not _told_as_later(token)
        ):
            # Nothing in its own clause that is a date ("in more than two years" is not).
            phrases = [
                p
                for p in _unclaimed_dates(token, sentence, ctx.dates_in(sentence))
                if not _since(p, ctx.text)
            ]
            date = _nearest_date(phrases, token.idx, ctx.anchor, tense)
        if status == "happened" and date is not None and date.start > ctx.anchor:
            status = "scheduled"  # "Macron flies to Amsterdam next week"
        if (
            travel_noun
            and token.lemma_.lower() == "way"
            and status == "happened"
            and (date is None or date.end >= ctx.anchor)
        ):
            # "arrived in Tokyo on Saturday, stopping in Japan on his way to Washington":
            # still on his way, the leg to Washington is ahead, on no day this clause tells.
            status, date = "scheduled", None
        if date is None and destination is not None and (token.pos_ == "VERB" or travel_noun):
            # "before flying on to Abidjan, where he was due to watch the match on Monday
            # evening": what the traveller does there, and when, is the stop's day.
            there = [
                t
                for t in token.subtree
                if t.dep_ == "relcl"
                and _is_where_clause(t)
                # ("to Busan, South Korea, where …": or on the country set beside it.)
                and (
                    sentence.place_at(_where_antecedent(t)) == destination
                    or (t.head.dep_ == "appos" and sentence.place_at(t.head.head) == destination)
                )
            ]
            if there:
                # (Not the date of what is done there: "where he will mark the anniversary
                # of the bombing of the embassy in 1999".) What is still to be done there is
                # ahead, whatever the leg's tense: "before flying to Doha, where he is due to
                # meet the emir on Wednesday".
                ahead, date = _done_there(there[0], sentence, ctx, tense)
                if ahead and status == "happened" and date is not None and date.start > ctx.anchor:
                    status = "scheduled"
                if tense == "future" and date is not None and date.end < ctx.anchor:
                    # "flies to Belgrade, where he will mark the anniversary of … in 1999":
                    # a day gone is not that of a leg still ahead.
                    date = None
        if renames:
            # (… and is as made, or as ahead, as that leg: "before travelling to Vienna")
            leg = token.head.head.head if token.head.head.dep_ == "prep" else None
            if leg is not None and made.get(leg.i):
                status = made[leg.i][0].status
        if told_after and date is None and status == "happened":
            # "left for Moscow on Monday for a two-day visit … before travelling to Vienna",
            # told on that Monday: the leg after one begun today is still ahead.
            begun = _nearest_date(
                [
                    p
                    for p in _own_dates(token.head.head, ctx.dates_in(sentence))
                    if not token.left_edge.idx <= p.start < token.right_edge.idx + 1
                ],
                token.head.head.idx,
                ctx.anchor,
                "past",
            )
            # (Not a leg of the same day: "travelled to El Alamein on Tuesday morning before
            # flying to Doha", told that Tuesday, is made.)
            head = token.head.head
            days_long = re.search(
                r"\b(?:two|three|four|five|six|seven|\d+)[- ]day\b",
                ctx.text[head.left_edge.idx : token.left_edge.idx],
                re.IGNORECASE,
            )
            if (
                begun is not None
                and begun.precision == "day"
                and begun.end >= ctx.anchor
                and days_long
            ):
                status = "scheduled"
        arrival = token.pos_ == "VERB" and (
            lemma == "arrive"
            # "Charles flew from London on Monday", told from Ottawa: to where the story is
            or (lemma in ("fly", "travel") and origin is not None and destination is None)
            or any(
                c.lower_ == "in"
                and (
                    c.dep_ in ("prt", "advmod")
                    # "who had flown in from Warsaw": an "in" with nothing after it
                    or (c.dep_ == "prep" and not any(g.dep_ == "pobj" for g in c.children))
                )
                for c in token.children
            )
        )
        if (
            actor is not None
            and destination is None
            and (
                origin is not None
                or (arrival and status == "happened")
                # "Zelensky is expected to arrive on Wednesday": at the summit told.
                or (arrival and status == "scheduled" and lemma == "arrive")
            )
        ):
            # "Macron flew in from Abu Dhabi": where the visit just told came from — or, for
            # an arrival with no visit before it, a trip to where the story is filed from
            # ("Putin flew in on Wednesday", "Erdogan and Sharif also arrived for the summit").
            ctx.origins.extend(
                _Origin(
                    who.key,
                    origin.key if origin is not None else None,
                    sentence.span(),
                    arrival and (status != "scheduled" or origin is None),
                    date,
                    status == "scheduled",
                )
                for who in group or [actor, *_conjoined(actor, sentence, sentence.actor_at)]
            )
        if (
            actor is None
            and destination is not None
            and destination.kind in ("city", "region")
            and lemma in ("arrive", "land")
            and status == "happened"
            and ctx.scene is None
        ):
            # "World leaders began arriving in Rio on Sunday": no one named, but the story
            # is there, and whoever "flew in" later came to it.
            ctx.scene, ctx.scene_date = destination.key, date
        if actor is None or destination is None:
            continue
        travellers = group or [actor, *_conjoined(actor, sentence, sentence.actor_at)]
        if not group and token.pos_ == "VERB":
            # "David Lammy and U.S. Secretary of State Antony Blinken arrived": the model
            # may make each a subject of the verb, with no list between them.
            for subject in token.children:
                other = sentence.actor_at(subject) if subject.dep_ == "nsubj" else None
                if (
                    other is not None
                    and other.key not in {t.key for t in travellers}
                    and any(
                        c.dep_ == "cc" and c.lower_ == "and"
                        for t in token.children
                        if t.dep_ == "nsubj" and t.i < subject.i
                        for c in t.children
                    )
                ):
                    travellers.append(other)
        told = len(drafts)
        if lemma in _VISIT_VERBS and token.pos_ == "VERB":
            # "Meloni flew to Tunis on Sunday with Ursula von der Leyen": she went too.
            # (With "… to sign a deal" after, the model makes "with" a clause's marker and
            # the companion its subject.)
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("with", "alongside"):
                    with_whom = [c for c in child.children if c.dep_ == "pobj"]
                elif child.dep_ == "advcl" and any(
                    c.dep_ == "mark" and c.lower_ == "with" for c in child.children
                ):
                    with_whom = [c for c in child.children if c.dep_ == "nsubj"]
                else:
                    continue
                for who in with_whom:
                    companion = sentence.actor_at(who)
                    if companion is None:
                        continue
                    # "with von der Leyen and Dutch Prime Minister Mark Rutte": all of them.
                    for one in [companion, *_conjoined(companion, sentence, sentence.actor_at)]:
                        if one.key not in {t.key for t in travellers}:
                            travellers.append(one)
        # A leg after this one starts where its last stop is ("… then to Singapore, returning
        # to Rome").
        reached[token.i] = (actor.key, (next_stops or [destination])[-1].key)
        start = origin.key if origin is not None else onward_from
        chained = False
        previous = None
        # ("visit Port Moresby and the remote town of Vanimo": a stop named as a town.)
        listed = _conjoined(destination, sentence, lambda t: _place_named_or_described(t, sentence))
        # "… take him to Indonesia and Singapore, where he will speak on Friday": a stop of
        # the list dated by what is done there.
        listed_dates: dict[str, DateValue] = {}
        for t in token.subtree if listed else ():
            if not _is_where_clause(t):
                continue
            there_place = sentence.place_at(_where_antecedent(t))
            if there_place is None or there_place not in listed:
                continue
            _, there_date = _done_there(t, sentence, ctx, tense)
            if there_date is not None:
                listed_dates[there_place.key] = there_date
        for place in [destination, *listed, *next_stops]:
            if start is not None and place.key == start:
                continue
            if (
                previous is not None
                and previous.kind == "city"
                and place.kind == "region"
                and place.country_code == previous.country_code
                and ctx.text[previous.end : place.start].strip() == ","
            ):
                continue  # "Scranton, Pennsylvania": the town's state, not a stop after it
            own_date = (
                stop_dates[next_stops.index(place)]
                if place in next_stops
                else listed_dates.get(place.key)
            )
            # "arrived in Jakarta at the start of a trip to Indonesia, Papua New Guinea and
            # Singapore": the trip's other countries are still ahead of the arrival.
            ahead = (
                (guest is not None or (travel_noun and _just_begun(token)))
                and place in listed
                and status == "happened"
            )
            later = place in next_stops or ahead
            place_status = "scheduled" if ahead else status
            if (
                own_date is not None
                and place in next_stops
                and next_stops.index(place) not in dated_there
            ):
                # A stop with a date of its own is a trip of its own, from wherever it began;
                # not a listed stop dated by what is done there ("to Japan and South Korea,
                # where he will meet Xi on Thursday"), which the list still puts in its order.
                start, chained = None, False
            elif (
                previous is not None
                and (previous.kind == place.kind or later)
                # "Scholz visits Kazakhstan and Uzbekistan": a headline's list has no order.
                and token.idx >= ctx.headline_end
                # "had visited Washington, Beijing and Moscow many times": nor a list of
                # places someone went to again and again.
                and not _again_and_again(token)
            ):
                # "will take him to Doha, Amman and Cairo": an itinerary, told in its order.
                start, chained = previous.key, True
            previous = place
            # "flies on Friday to Port Moresby and then to Vanimo": not on that Friday.
            when = own_date or (
                None if later and date is not None and date.precision == "day" else date
            )
            for traveller in travellers:
                fields = {
                    "actor": traveller.key,
                    "destination": place.key,
                    "origin": start,
                    # Only a meeting puts them there: the draft keeps it for someone away
                    # from home (see mapstory.geoparse.draft).
                    # ("… flown to Moscow, where Putin met him": a meeting too, which a host
                    # holds at home; "Chita, where he met officials" is a stop of his.)
                    "met_there": met_at is not None
                    or (
                        presence is not None
                        and lemma in _PRESENCE_VERBS
                        and lemma not in _VISIT_VERBS
                        and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in token.children)
                    ),
                    # "will spend four days in Ulaanbaatar": a stay, not a leg of travel
                    "stay": lemma == "spend" and held_at,
                    "onward": _onward(token),
                    # Told in the present ("He then flies to Abu Dhabi"), or as the leg after
                    # one ("… before returning to Brasilia"): as made, or as ahead, as the
                    # traveller's leg told just before it (see _timetable_goes_on).
                    "follows": timetable or earlier is not None,
                }
                # ("fly home via Anchorage": the stop is no return; home after it is.)
                if not (via and place is destination) and (
                    lemma == "return"
                    or _goes_home(token)
                    or any(
                        c.lower_ == "back" and c.dep_ in ("advmod", "prt")
                        for c in [*token.children, *_due_words(token)]
                    )
                ):
                    # "returned to Ottawa", "flew back to London", "flew home to Brussels"
                    fields["returning"] = True
                if _en_route(token):
                    fields["en_route"] = True
                    bound_for = _way_to(token, sentence)
                    if bound_for is not None:
                        fields["en_route_to"] = bound_for.key
                if _after_a_stay(token):
                    fields["after_stay"] = True
                if when is None and _told_as_earlier(token):
                    fields["earlier"] = True
                if _told_as_later(token):
                    fields["later"] = True
                if _again_and_again(token):
                    fields["habit"] = True
                if (held_at and lemma in ("begin", "start")) or (
                    travel_noun
                    and token.dep_ == "dobj"
                    and token.head.lemma_.lower() in ("begin", "start")
                ):
                    # "Lula began the trip in Tokyo": the first stop, from no stop told.
                    fields["trip_start"] = True
                if travel_noun and _stop_before_arrival(token, reached):
                    fields["before_arrival"] = True
                if chained:
                    fields["origin_inferred"] = True
                if origin is None and start is not None and start == onward_from:
                    fields["went_on"] = True  # from the leg its clause is joined to
                if start is None and after_place is not None and after_place.key != place.key:
                    fields["after_place"] = after_place.key
                drafts.append(
                    EventDraft(
                        kind="visit",
                        # A trip made and one still ahead are two, even to one place
                        # ("last visited Israel in August" and "will arrive on Tuesday").
                        key=("visit", traveller.key, place.key, place_status == "happened"),
                        spans=[sentence.span()],
                        fields=fields,
                        date=when,
                        status=place_status,
                    )
                )
        if previous is not None:
            # "fly to Port Moresby, and then to Vanimo, … before travelling on to Dili": on
            # from the last stop told.
            reached[token.i] = (actor.key, previous.key)
        made[token.i] = drafts[told:]
    _legs_told_after(sentence, reached, made)
    return drafts


# Words that make travel a habit, not one trip: "many times", "often", "regularly".
_HABIT_WORDS = frozenset({"often", "frequently", "regularly", "repeatedly", "routinely"})


def _again_and_again(verb) -> bool:
    """Whether *verb*'s travel is told as a habit ("had visited Washington, Beijing and
    Moscow many times", "often travels to Paris"): its places are no itinerary."""
    for child in verb.children:
        if child.lower_ in _HABIT_WORDS:
            return True
        if child.lemma_.lower() == "time" and child.dep_ in ("npadvmod", "advmod", "dobj"):
            counted = {c.lower_ for c in child.children if c.dep_ in ("amod", "nummod")}
            if counted & {"many", "several", "numerous", "countless", "multiple"}:
                return True
    return False


def _origin_told(word, sentence: _Sentence) -> PlaceRef | None:
    """Where travel told by *word* set out from: its "from" ("flew from Warsaw"), or its
    vehicle's ("arrived in Kyiv on a train from Poland")."""
    origin = None
    for child in word.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            if any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in child.children):
                continue  # "from Nov 27 to 30 and then to Lebanon": when, not where from
            # ("from Poland's border town of Przemysl": the town, not its country.)
            named = next((g for g in child.children if g.dep_ == "pobj"), None)
            found = _object_place(named, sentence) if named is not None else None
            origin = found or _subtree_place(child, sentence)
        elif child.dep_ == "prep" and child.lower_ in ("on", "aboard", "by") and origin is None:
            for vehicle in child.children:
                if vehicle.dep_ == "pobj" and vehicle.lemma_.lower() in _VEHICLES:
                    origin = next(
                        (
                            place
                            for _, place in _places_under(vehicle.children, sentence, ("from",))
                        ),
                        None,
                    )
    if origin is None and word.pos_ == "VERB":
        # "stopped in Qatar on his way back from the General Assembly in New York": where
        # the way set out from.
        origin = next(
            (
                place
                for way in _ways_on(word)
                for told in [way, *(c for c in way.children if c.lower_ == "back")]
                for _, place in _places_under(told.children, sentence, ("from",))
            ),
            None,
        )
    if origin is None and word.pos_ == "VERB" and word.lemma_.lower() in ("leave", "depart"):
        # "left Tokyo on Monday for the Philippines": the place left is where the leg began.
        origin = next(
            (
                place
                for child in word.children
                if child.dep_ == "dobj" and (place := _object_place(child, sentence)) is not None
            ),
            None,
        )
    return origin


def _stop_before_arrival(noun, reached: dict) -> bool:
    """ "Blinken, who flew in from Washington after a stop in Tokyo": a stop made on the way
    to an arrival told with no place, where the story already is (see _Origin)."""
    verb = noun.head.head
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "after"
        and noun.head.dep_ == "prep"
        and verb.pos_ == "VERB"
        and verb.i < noun.i
        and verb.i not in reached
        and verb.lemma_.lower() in _VISIT_VERBS
        and any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children)
    )


#: Place key prefix of a leg "home" (the traveller's id follows), for the draft to settle.
HOME_PREFIX = "home:"


def _goes_home(verb) -> bool:
    """ "flying home", "returned home", "will leave for home": travel with home its end."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _VISIT_VERBS:
        return False
    return any(
        (
            c.lower_ == "home"
            and c.dep_ in ("advmod", "npadvmod", "dobj", "prt")
            # "visited Meloni's holiday home in Puglia": someone's house, not going home
            and not any(g.dep_ in ("poss", "compound", "amod", "det") for g in c.children)
        )
        or (
            c.dep_ == "prep"
            and c.lower_ == "for"
            and any(g.lower_ == "home" and g.dep_ == "pobj" for g in c.children)
        )
        for c in verb.children
    )


def _place_after(verb, sentence: _Sentence) -> PlaceRef | None:
    """ "After Lima, Xi will travel to Rio": the place a leg sets out from, named as the
    stop it comes after (also on the verb the leg's hangs on: "After Jeddah, Zelenskyy is
    expected to travel to the United Arab Emirates")."""
    governors = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    for child in (c for v in governors for c in v.children):
        if child.dep_ == "prep" and child.lower_ == "after":
            for obj in child.children:
                if obj.dep_ == "pobj" and (place := sentence.named_place_at(obj)) is not None:
                    return place
    return None


def _gathering_after(verb, sentence: _Sentence) -> PlaceRef | None:
    """ "travelled to Marseille on Wednesday, a day after co-chairing an AI summit in
    Paris": the city of the gathering a clause of *verb* says it came after."""
    for clause in verb.children:
        if clause.dep_ not in ("advcl", "prep", "npadvmod"):
            continue
        words = list(clause.subtree)
        if not any(t.lower_ == "after" and t.dep_ in ("mark", "prep") for t in words):
            continue
        for noun in words:
            if _noun_lemma(noun) in _ATTENDED_EVENTS and (
                place := _city_named_in(noun.children, sentence)
            ):
                return place
    return None


def _city_named_in(tokens, sentence: _Sentence) -> PlaceRef | None:
    """The city the first "in" among *tokens* that names one names ("a summit in Paris")."""
    for prep in tokens:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        named = next((c for c in prep.children if c.dep_ == "pobj"), None)
        place = sentence.named_place_at(named) if named is not None else None
        if place is not None and place.kind == "city" and not place.demonym:
            return place
    return None


def _from_place_after(drafts: list[EventDraft], where: dict[str, PlaceRef]) -> None:
    """A leg told as coming "after" a place starts there: at the traveller's last stop told
    before it, when that stop is the place or in it ("arrived in Sydney … After Australia,
    Charles will fly to Samoa": from Sydney, inferred), or else at the place itself."""
    for draft, before in _legs_after_legs(drafts):
        after = draft.fields.pop("after_place", None)
        if after is None or draft.fields["origin"] is not None:
            continue
        place = where.get(after)
        last = where.get(before.fields["destination"]) if before is not None else None
        if (
            last is not None
            and place is not None
            and last.key != draft.fields["destination"]
            and (
                last.key == place.key
                or (place.kind == "country" and last.country_code == place.country_code)
            )
        ):
            draft.fields["origin"] = last.key
            draft.fields["origin_inferred"] = last.key != place.key
        else:
            draft.fields["origin"] = after


def _legs_told_after(sentence: _Sentence, reached: dict, made: dict) -> None:
    """ "Will travel to Vietnam after attending the G20 summit in New Delhi", "After stops
    in Tokyo and Seoul, Harris arrived in Manila": the leg in the "after" phrase comes first,
    so the other starts where it ended; it takes none of the other's date, and is marked so
    that nothing later takes it for the next leg (see _from_last_stop)."""
    for earlier in sentence.sent:
        later = earlier.head.head
        # "met Biden on Thursday, a day after addressing the UN in Geneva": the day before
        # the meeting. (The model hangs "a day" on "after", or "after" on "a day".)
        span_noun = later if later.dep_ == "npadvmod" and later.pos_ == "NOUN" else None
        span_noun = span_noun or next(
            (c for c in earlier.head.children if c.dep_ == "npadvmod" and c.pos_ == "NOUN"), None
        )
        days_before = None
        if span_noun is not None and span_noun.lemma_.lower() == "day":
            days_before = next(
                (
                    _SMALL_COUNTS.get(c.lower_)
                    for c in span_noun.children
                    if c.dep_ in ("det", "nummod") and c.lower_ in _SMALL_COUNTS
                ),
                None,
            )
        if later is span_noun:
            later = later.head
        for _ in range(2):
            # ("met Biden … to present his plan, a day after …": on the purpose, the visit.)
            if later.i in reached or later.dep_ not in ("xcomp", "advcl") or later.head == later:
                break
            later = later.head
        if later.i not in reached:
            # ("made a visit to Ukraine, travelling by train … after attending a summit in
            # Lithuania": on the verb whose object the visit is.)
            later = next((c for c in later.children if c.dep_ == "dobj" and c.i in reached), later)
        if not (
            earlier.dep_ in ("pcomp", "pobj")
            and earlier.head.lower_ == "after"
            and earlier.head.dep_ == "prep"
            and earlier.i in reached
            and later.i in reached
            and reached[earlier.i][0] == reached[later.i][0]
        ):
            continue
        dates = {d.date for d in made[later.i] if d.date is not None}
        ahead = bool(made[later.i]) and all(d.status == "scheduled" for d in made[later.i])
        for draft in made[earlier.i]:
            draft.fields["made_before"] = True
            if draft.date in dates or (
                # ("He returns to Seoul on Wednesday after a stop in Philadelphia": the
                # return's Wednesday, read for a stop made, is still the return's.)
                draft.date is not None
                and draft.date.phrase
                and any(d.phrase == draft.date.phrase for d in dates)
            ):
                draft.date = None
            if ahead and draft.date is None and draft.status == "happened":
                # … and a stop before a leg still ahead is ahead too.
                draft.status = "scheduled"
                draft.key = (*draft.key[:3], False)
            if draft.date is None and days_before is not None and len(dates) == 1:
                day = next(iter(dates))
                if day.precision == "day":
                    draft.date = DateValue(
                        start=day.start - dt.timedelta(days=days_before),
                        end=day.start - dt.timedelta(days=days_before),
                        precision="day",
                        relative=True,
                    )
        for draft in made[later.i]:
            if draft.fields["origin"] is None or draft.fields.get("origin_inferred"):
                draft.fields["origin"] = reached[earlier.i][1]
                draft.fields["origin_inferred"] = True


# "a day after", "two days before": how many days a leg is told apart from another.
_SMALL_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


# What a traveller stays somewhere for: "after the summit, Xi will travel to Rio".
_STAY_NOUNS = frozenset(
    {"summit", "talk", "meeting", "visit", "stay", "conference", "ceremony", "forum", "event"}
)


def _after_a_stay(verb) -> bool:
    """ "After the summit, Xi will travel to Rio de Janeiro": the leg goes on from where the
    summit was, the stop told before it (see _from_last_stop), whatever days lie between."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "after"
        and any(
            g.dep_ == "pobj"
            and g.lemma_.lower() in _STAY_NOUNS
            and not any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in g.subtree)
            for g in c.children
        )
        for c in verb.children
    )


def _in_clause_below(token, top) -> bool:
    """Whether *token* sits in a clause inside *top*'s phrase ("the man who lives in Rome")."""
    while token != top and token.head != token:
        if token.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return True
        token = token.head
    return False


def _just_begun(trip) -> bool:
    """ "At the start of a 12-day trip", "began a tour": a trip whose first stop was just
    reached, so its other stops are ahead."""
    head = trip.head
    if head.lower_ == "of" and head.head.lemma_.lower() in ("start", "beginning", "outset"):
        return True
    return trip.dep_ == "dobj" and head.lemma_.lower() in ("begin", "start", "kick")


def _told_as_earlier(verb) -> bool:
    """ "Earlier he had visited Israel and Jordan", "had previously stopped in Doha": a trip
    made before the one just told, not after it."""
    if verb.pos_ != "VERB":
        return False
    pluperfect = verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ == "had" for c in verb.children
    )
    return pluperfect or any(
        c.dep_ == "advmod" and c.lower_ in ("earlier", "previously") for c in verb.children
    )


def _told_as_later(verb) -> bool:
    """ "… and may later visit Vladivostok", "afterwards flew to Rome": a leg told as coming
    some time after the one before it, on no day of that one's."""
    return any(
        c.dep_ == "advmod" and c.lower_ in ("later", "afterwards", "subsequently")
        for c in verb.children
    )


def _earlier_stops(drafts: list[EventDraft]) -> None:
    """ "Blinken flew in from Turkey, where he held talks in Ankara on Monday. Earlier he had
    visited Israel, the West Bank and Jordan": the stops told as earlier, right after a
    traveller's leg, came before it. The leg starts at the last of them (inferred), and the
    first of them does not start where the leg ended (see _from_last_stop)."""
    run_of: dict[int, EventDraft] = {}  # an earlier stop -> the leg its run came before
    told_earlier: set[int] = set()
    for draft, before in _legs_after_legs(drafts):
        if not draft.fields.pop("earlier", False):
            continue
        told_earlier.add(id(draft))
        if before is None:
            continue
        if id(before) in told_earlier and id(before) not in run_of:
            # "had travelled to Qatar and Israel": a run told as earlier with no leg before
            # it to come before; its stops follow each other.
            continue
        if id(before) in run_of:
            # the run goes on ("Israel, the West Bank and Jordan"): the leg after the run
            # starts at its last stop
            leg = run_of[id(before)]
        elif before.date is not None or before.status == "happened":
            leg = before
            draft.fields["made_before"] = True  # not from where the later leg ended
        else:
            continue
        run_of[id(draft)] = leg
        if leg.fields["origin"] is None or leg.fields.get("origin_inferred"):
            leg.fields["origin"] = draft.fields["destination"]
            leg.fields["origin_inferred"] = True


def _ways_on(verb) -> list:
    """The "way" of "on his way" the verb (or a word above it) hangs on."""
    ways = []
    for token in [verb, *verb.ancestors][:3]:
        if token.lower_ == "way" and token.head.lower_ == "on":
            ways.append(token)
        ways += [
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "on"
            for g in c.children
            if g.dep_ == "pobj" and g.lower_ == "way"
        ]
    return ways


def _en_route(verb) -> bool:
    """ "On the way he stopped in Manaus", "stopped en route in Anchorage": a halt inside the
    leg told before, not a leg after it. (The model may make the verb a clause of "way".)"""
    return (
        bool(_ways_on(verb))
        or any(
            child.lower_ == "en" and verb.doc[child.i + 1 : child.i + 2].text == "route"
            for token in [verb, *verb.ancestors][:3]
            for child in token.children
        )
        # "will fly home on Monday evening, stopping in Anchorage": a halt on that flight.
        or (
            verb.dep_ == "advcl"
            and verb.tag_ == "VBG"
            and verb.lemma_.lower() in _STOPPING_VERBS
            and verb.i > verb.head.i
            and verb.head.pos_ == "VERB"
            and verb.head.lemma_.lower() in _VISIT_VERBS
        )
    )


def _way_to(verb, sentence: _Sentence) -> PlaceRef | None:
    """Where the way a stop was made on leads: "stopped in Cape Verde on his way to Angola"."""
    for way in _ways_on(verb):
        for child in way.children:
            if child.dep_ == "prep" and child.lower_ == "to":
                place = _destination(child, sentence)
                if place is not None:
                    return place
    return None


def _fold_headline_visits(
    drafts: list[EventDraft], text: str, where: dict[str, PlaceRef]
) -> list[EventDraft]:
    """ "Erdogan hosts Putin in Ankara" above "will host … on Monday": a headline's present
    tense says nothing of when, so a visit only the headline tells, undated, is the body's
    visit by the same traveller to the same place, or to a city in the headline's country
    ("Scholz visits Kazakhstan" above "will fly to … Astana") — or, for a headline's
    continent ("Wang Yi tours Europe"), the body's first visit by that traveller."""
    end = _headline_end(text)
    if end < 0:
        return drafts
    kept = []
    for draft in drafts:
        told = None
        if draft.date is None and all(e <= end for _, e in draft.spans):
            if draft.kind == "visit":
                told = _told_again(draft, drafts, where, "destination", "actor")
            # (or a side's strikes, told as a noun: "Israeli strikes kill dozens in Gaza")
            elif draft.kind == "conflict" and (draft.fields.get("act") or draft.fields.get("by")):
                # "Ukraine says it hit Russian warship in Crimea" above "struck a landing
                # ship … at a shipyard in Sevastopol": the body's strike, told where it was.
                told = _told_again(draft, drafts, where, "places", "name", regions=True)
                body = [
                    d
                    for d in drafts
                    if d is not draft and d.kind == "conflict" and any(e > end for _, e in d.spans)
                ]
                if told is None and draft.fields["name"] == "attacks on shipping in":
                    # "Houthi missile hits tanker off Yemen's Hodeidah" above "hit a tanker in
                    # the Red Sea, about 77 nautical miles west of the port of Hodeidah": the
                    # body's one attack on shipping, placed where the ship was.
                    same = [d for d in body if d.fields["name"] == draft.fields["name"]]
                    told = same[0] if len(same) == 1 else None
                if told is None and draft.fields.get("by"):
                    # "India strikes Pakistan after Kashmir attack" above strikes by India
                    # "on nine sites in Pakistan and Pakistan-administered Kashmir": the one
                    # act of that name by that side the body tells; the headline's place is
                    # among those it struck.
                    # ("Israel strikes Hamas leaders in Qatar's capital" above "carried out an
                    # air strike on Hamas leaders in Doha": one strike or many, the same act.)
                    same = [
                        d
                        for d in body
                        if _HEADLINE_SAME_ACTS.get(d.fields["name"], d.fields["name"])
                        == _HEADLINE_SAME_ACTS.get(draft.fields["name"], draft.fields["name"])
                        and d.fields.get("by") == draft.fields["by"]
                    ]
                    told = same[0] if len(same) == 1 else None
                    if told is not None:
                        places = told.fields["places"]
                        # (Not the one country the body places it all in: "in Qatar's
                        # capital" is Doha, told.)
                        inside = {where[p].country_code for p in places if p in where}
                        if len(inside) != 1 or any(
                            where[p].kind == "country" for p in places if p in where
                        ):
                            inside = set()
                        places.extend(
                            p
                            for p in draft.fields["places"]
                            if p not in places
                            and not (
                                p in where
                                and where[p].kind == "country"
                                and where[p].country_code in inside
                            )
                        )
                if told is None and draft.fields["name"].endswith(" in"):
                    # "Azerbaijan launches offensive in Nagorno-Karabakh" above "launched
                    # what it called anti-terrorist operations in Nagorno-Karabakh": the
                    # body's fighting in just that place, by whatever name it gives it.
                    told = next(
                        (d for d in body if d.fields["places"] == draft.fields["places"]), None
                    )
                    if told is not None and draft.fields.get("by"):
                        told.fields.setdefault("by", draft.fields["by"])
        if told is None:
            kept.append(draft)
        else:
            told.spans.extend(span for span in draft.spans if span not in told.spans)
    return kept


def _told_again(
    draft: EventDraft,
    drafts: list[EventDraft],
    where: dict[str, PlaceRef],
    place_field: str,
    same_field: str,
    *,
    regions: bool = False,
) -> EventDraft | None:
    """The body's event of *draft*'s kind with the same *same_field* (traveller, act) whose
    place is the headline's or lies in it."""

    def place(d: EventDraft) -> PlaceRef | None:
        value = d.fields[place_field]
        return where.get(value[0] if isinstance(value, list) else value)

    return next(
        (
            other
            for other in drafts
            if other is not draft
            and other.kind == draft.kind
            and other.fields[same_field] == draft.fields[same_field]
            and (
                _headline_place_holds(place(draft), place(other), regions=regions)
                # ("Iran fires missiles at Tel Aviv" above missiles fired at Israel that hit
                # Tel Aviv: one of the places the body's act struck.)
                or (
                    isinstance(other.fields[place_field], list)
                    and isinstance(draft.fields[place_field], list)
                    and len(draft.fields[place_field]) == 1
                    and draft.fields[place_field][0] in other.fields[place_field]
                )
            )
        ),
        None,
    )


def _due_words(token) -> list:
    """The words hung on the "is" of "is due": "He is due back in Berlin on Tuesday"."""
    if token.lower_ == "due" and token.dep_ == "acomp":
        return [c for c in token.head.children if c.i > token.i]
    return []


def _headline_end(text: str) -> int:
    """Where the headline line above the article ends, or -1 when there is none."""
    first = text.lstrip().split("\n", 1)[0].strip()
    if not first or first[-1] in ".!?" or len(first) > 200 or "\n" not in text.strip():
        return -1
    return text.index(first) + len(first)


def _headline_place_holds(
    headline: PlaceRef | None, body: PlaceRef | None, *, regions: bool = False
) -> bool:
    """Whether the body's destination is the headline's, or lies in it (with *regions*, a
    city in a headline's region is taken to lie in it when they share a country)."""
    if headline is None or body is None:
        return False
    if headline.key == body.key or headline.kind == "continent":
        return True
    if headline.members:  # "Scholz visits Central Asia" above "arrived in Astana"
        return body.kind != "continent" and body.country_code in headline.members
    if regions and headline.kind == "region":
        return body.kind == "city" and body.country_code == headline.country_code
    return (
        headline.kind == "country"
        and body.kind in ("city", "region")
        and body.country_code == headline.country_code
    )


def _legs_after_legs(drafts: list[EventDraft]):
    """Each visit, with the same traveller's visit told just before it (None for the first)."""
    last: dict[str, EventDraft] = {}  # traveller -> their visit told last
    for draft in drafts:
        if draft.kind == "visit" and draft.fields.get("habit"):
            # "had visited Washington, Beijing and Moscow many times": visits, each on its
            # own, that no leg follows or goes on from.
            yield draft, None
        elif draft.kind == "visit":
            yield draft, last.get(draft.fields["actor"])
            last[draft.fields["actor"]] = draft


def _told_right_after(before: EventDraft, draft: EventDraft, text: str) -> bool:
    """Whether *draft* is told in the sentence of *before*'s last excerpt or the next one."""
    return not text[_last_end(before) : min(s for s, _ in draft.spans)].strip()


def _timetable_goes_on(drafts: list[EventDraft], text: str) -> None:
    """ "Lula will travel to Beijing on Thursday … He then flies to Abu Dhabi … before
    returning to Brasilia": an undated leg told in the present, or as the leg after another,
    right after a leg still ahead is ahead too."""
    for draft, before in _legs_after_legs(drafts):
        if (
            before is not None
            and before.status == "scheduled"
            and draft.status == "happened"
            and draft.date is None
            and draft.fields.get("follows")
            and not draft.fields.get("made_before")
            and _told_right_after(before, draft, text)
        ):
            draft.status = "scheduled"


def _from_last_stop(drafts: list[EventDraft], text: str, anchor: dt.date) -> None:
    """ "Lammy will travel on to Warsaw, while Blinken returns to Washington"; "arrived in
    Kyiv … The leaders visited Irpin": a return, or an undated trip told in the very next
    sentence, with no origin told starts where the traveller's leg told before it ended,
    when that leg is made or ahead as it is (or made, before one still ahead). Marked
    inferred. A dated return starts at the stop reached last before its day, in whatever
    order the article told the stops ("met Xi in Beijing on Monday. Albanese arrived in
    Shanghai on Saturday … He will return to Canberra on Tuesday": from Beijing)."""
    # Travellers with a leg dated about the article's day: a trip is under way.
    under_way = {
        d.fields["actor"]
        for d in drafts
        if d.kind == "visit"
        and d.date is not None
        and abs((d.date.start - anchor).days) <= _SAME_TRIP_DAYS
    }
    told: dict[str, list[EventDraft]] = {}
    for draft, before in _legs_after_legs(drafts):
        earlier = told.setdefault(draft.fields["actor"], [])
        if draft.fields.get("returning") and draft.date is not None:
            reached = [
                d for d in earlier if d.date is not None and d.date.start <= draft.date.start
            ]
            if reached:
                # (the later told of two the same day: "will stay in Congo until Friday, when
                # he flies to Juba" leaves from Juba)
                before = max(
                    reached,
                    key=lambda d: (d.date.start, earlier.index(d)),  # type: ignore[union-attr]
                )
                # "… visit Mosul and Irbil on Sunday. He returns to Rome on Monday": from an
                # undated stop on from that one, told before the return.
                before = _gone_on_to(
                    before,
                    earlier,
                    lambda d, draft=draft: (
                        d.date is None
                        and d.fields["destination"] != draft.fields["destination"]
                        and d.status in (draft.status, "happened")
                    ),
                )
        if before is not None and not draft.fields.get("returning"):
            # "arrived in Tokyo from Kuala Lumpur, where he attended the summit. … before
            # flying to Busan": the stop told last was left for another, told before it.
            before = _gone_on_to(before, earlier, lambda d: d.status == "happened")
        earlier.append(draft)
        if (
            before is not None
            and not draft.fields.get("made_before")
            and not draft.fields.get("trip_start")
            and (
                draft.fields.get("returning")
                or draft.fields.get("after_stay")
                # (An undated leg only: a dated one told later may well have come first.)
                or (
                    draft.date is None
                    and _told_right_after(before, draft, text)
                    # "Modi, who visited Moscow in July … He spent two days in Warsaw
                    # before travelling to Przemysl": not on from a trip long over, when
                    # one is under way.
                    and not (
                        draft.fields["actor"] in under_way
                        and before.date is not None
                        and (anchor - before.date.end).days > _SAME_TRIP_DAYS
                    )
                )
                # "… arrived in Baghdad … held talks … He later travelled to Erbil"
                or (draft.date is None and draft.fields.get("later"))
            )
            and draft.fields["origin"] is None
            and before.fields["destination"] != draft.fields["destination"]
            and before.status in (draft.status, "happened")
            # "arrived in Hanoi from New Delhi, where he attended the G20": the stop the leg
            # came from was before it, not after.
            and (
                draft.fields.get("returning")
                or before.fields["origin"] != draft.fields["destination"]
            )
        ):
            draft.fields["origin"] = before.fields["destination"]
            draft.fields["origin_inferred"] = True


def _gone_on_to(leg: EventDraft, earlier: list[EventDraft], goes_on) -> EventDraft:
    """The last of the legs among *earlier* that went on, one from the other, from where
    *leg* ended, taking only those *goes_on* accepts (each once)."""
    passed = {id(leg)}
    while (
        onward := next(
            (
                d
                for d in earlier
                if d.fields["origin"] == leg.fields["destination"]
                and id(d) not in passed
                and goes_on(d)
            ),
            None,
        )
    ) is not None:
        leg = onward
        passed.add(id(onward))
    return leg


def _arrived_at_dateline(
    drafts: list[EventDraft], where: dict[str, PlaceRef], filed_from: str | None, anchor: dt.date
) -> None:
    """ "RABAT — Macron began a three-day state visit to Morocco on Monday": a visit to a
    country made on the article's day, or the day before, is to the city the article was
    filed from in that country, when the article takes the traveller to no other city of
    it that day. Marked inferred: the article named only the country."""
    city = where.get(filed_from or "")
    if city is None or city.kind != "city":
        return
    for draft in drafts:
        country = where.get(draft.fields.get("destination", "")) if draft.kind == "visit" else None
        if (
            country is None
            or country.kind != "country"
            or country.country_code != city.country_code
            or draft.status != "happened"
            or draft.date is None
            or draft.date.precision != "day"
            or not 0 <= (anchor - draft.date.start).days <= 1
        ):
            continue
        elsewhere = any(
            other.kind == "visit"
            and other.fields["actor"] == draft.fields["actor"]
            and (place := where.get(other.fields["destination"])) is not None
            and place.kind == "city"
            # ("SEOUL — Blinken arrived in South Korea on Monday … will meet Choi in
            # Seoul", "He last visited Seoul in November": a visit to the dateline's own
            # city still ahead, or long gone, is no other arrival.)
            and not (
                place.key == city.key
                and (
                    other.status == "scheduled"
                    or (
                        other.date is not None
                        and (draft.date.start - other.date.end).days > _SAME_TRIP_DAYS
                    )
                )
            )
            and place.country_code == country.country_code
            and (other.date is None or other.date.start <= draft.date.end)
            for other in drafts
        )
        if not elsewhere:
            draft.fields["destination"] = city.key
            draft.fields["destination_inferred"] = "dateline"


def _fold_meetings_into_stays(drafts: list[EventDraft], anchor: dt.date) -> list[EventDraft]:
    """ "LUANDA — Biden arrived in Angola on Monday … met President Lourenco in Luanda on
    Tuesday": a meeting in the city an arrival reached days before, with no other stop
    between, is that stay, not a second trip there. (A meeting still ahead is not yet
    part of a stay that happened.)"""
    kept: list[EventDraft] = []
    for draft in drafts:
        f = draft.fields
        if (
            draft.kind == "visit"
            and f.get("met_there")
            and not f.get("origin")
            and draft.date is None
            and draft.status == "scheduled"
        ):
            # "arrived in Seoul on Monday … will meet Choi in Seoul before travelling to
            # Tokyo on Tuesday": a meeting ahead in the city just reached, before the leg
            # on from it, is the stay under way.
            stay = next(
                (
                    d
                    for d in kept
                    if d.kind == "visit"
                    and d.fields["actor"] == f["actor"]
                    and d.fields["destination"] == f["destination"]
                    and d.status == "happened"
                    and d.date is not None
                    and d.date.precision == "day"
                    and 0 <= (anchor - d.date.end).days <= 1
                ),
                None,
            )
            leaving = any(
                d.kind == "visit"
                and d.fields["actor"] == f["actor"]
                and d.fields.get("origin") == f["destination"]
                and d.status == "scheduled"
                for d in drafts
            )
            if stay is not None and leaving:
                _take_excerpts(stay, draft)
                continue
        if draft.kind == "visit" and f.get("met_there") and not f.get("origin") and draft.date:
            legs = [
                d
                for d in drafts
                if d.kind == "visit" and d is not draft and d.fields["actor"] == f["actor"]
            ]
            stay = next(
                (
                    d
                    for d in kept
                    if d in legs
                    and d.fields["destination"] == f["destination"]
                    and d.status == draft.status
                    and d.date is not None
                    and d.date.precision == "day"
                    and dt.timedelta(0) < draft.date.start - d.date.end <= _LONGEST_STAY
                    and (d.status != "happened" or draft.date.end <= anchor)
                ),
                None,
            )
            if stay is not None and stay.date is not None:
                arrived, met = stay.date, draft.date
                if not any(
                    d.date is not None
                    and d.fields["destination"] != f["destination"]
                    and arrived.end <= d.date.start <= met.start
                    # ("… is to fly on to Doha later on Wednesday. On Wednesday, Trump met
                    # al-Sharaa in Riyadh": a leg still ahead was not made in between.)
                    and (draft.status != "happened" or d.status == "happened")
                    for d in legs
                ):
                    _take_excerpts(stay, draft)
                    stay.date = _days_of_stay(arrived, met)
                    continue
        kept.append(draft)
    return kept


def _fold_meetings_on_legs(drafts: list[EventDraft]) -> list[EventDraft]:
    """ "He ends the tour in Windhoek, where he will address Namibia's parliament": what the
    traveller does at a stop the same sentence takes them to is that leg, once it is told
    the same way (made or ahead) and on no other day."""
    kept: list[EventDraft] = []
    for draft in drafts:
        f = draft.fields
        if draft.kind == "visit" and f.get("origin") is None and not f.get("returning"):
            leg = next(
                (
                    d
                    for d in kept
                    if d.kind == "visit"
                    and d.fields["actor"] == f["actor"]
                    and d.fields["destination"] == f["destination"]
                    and d.status == draft.status
                    and set(draft.spans) <= set(d.spans)
                    and (draft.date is None or d.date is None or draft.date == d.date)
                ),
                None,
            )
            if leg is not None:
                leg.date = leg.date or draft.date
                continue
        kept.append(draft)
    return kept


def _from_where_it_returns(drafts: list[EventDraft], anchor: dt.date) -> None:
    """ "Pope Francis arrived in Baghdad on Friday … He returns to Rome on Monday": a trip
    whose first leg has no start told began where the traveller goes back to at its end.
    Marked inferred."""
    legs: dict[str, list[EventDraft]] = {}
    for draft in drafts:
        if draft.kind == "visit":
            legs.setdefault(draft.fields["actor"], []).append(draft)
    for trip in legs.values():
        first = trip[0]
        if first.fields["origin"] is not None or first.fields.get("returning"):
            continue
        # ("… returned to Poland before flying home to Seoul": the last of the returns.)
        back = next(
            (
                leg
                for leg in reversed(trip[1:])
                if leg.fields.get("returning")
                and leg.fields["destination"] != first.fields["destination"]
                and (
                    # (an undated return on from another stop is the article's own trip's,
                    # not one of 2018's; "vowed to return to Caracas" is home, whenever)
                    (
                        leg.date is None
                        and (
                            first.date is None
                            or _lately(first.date, anchor)
                            or not leg.fields.get("went_on")
                        )
                    )
                    or first.date is None
                    or (
                        leg.date is not None
                        and 0 <= (leg.date.start - first.date.end).days <= _SAME_TRIP_DAYS
                    )
                )
            ),
            None,
        )
        if back is not None:
            first.fields["origin"] = back.fields["destination"]
            first.fields["origin_inferred"] = True
            first.fields["start_from_return"] = True  # a guess: see draft's story order


def _lately(date: DateValue, anchor: dt.date) -> bool:
    """Whether *date* ends within a trip's length of the article's day, or after it."""
    return (anchor - date.end).days <= _SAME_TRIP_DAYS


def _stops_on_the_way(drafts: list[EventDraft], where: dict[str, PlaceRef]) -> None:
    """ "Arrived in Washington … He is due to return to Kyiv on Wednesday after a brief stop
    in Germany": a stop told as made before the leg told just ahead of it starts where the
    traveller was before that leg (Washington), not at home — nor in the country that leg
    goes to ("Putin visits North Korea" above "arrived in Pyongyang after a stop in
    Yakutsk")."""
    told: dict[str, list[EventDraft]] = {}
    for draft, before in _legs_after_legs(drafts):
        legs = told.setdefault(draft.fields["actor"], [])
        legs.append(draft)
        if not (
            draft.fields.get("made_before")
            and draft.fields["origin"] is None
            and before is not None
            and before.fields["origin"] == draft.fields["destination"]
        ):
            continue
        # Where the traveller was before: the latest leg by date, else the last told.
        away = (draft.fields["destination"], before.fields["destination"])
        ahead = where.get(before.fields["destination"])
        ahead_code = ahead.country_code if ahead is not None else None
        earlier = [
            leg
            for leg in legs[: legs.index(before)]
            if leg.status in (draft.status, "happened")
            and leg.fields["destination"] not in away
            and not (
                (place := where.get(leg.fields["destination"])) is not None
                and place.kind == "country"
                and place.country_code == ahead_code
            )
        ]
        dated = [leg for leg in earlier if leg.date is not None]
        if dated:
            prior = max(dated, key=lambda leg: leg.date.end)  # type: ignore[union-attr]
        elif earlier:
            prior = earlier[-1]
        else:
            continue
        draft.fields["origin"] = prior.fields["destination"]
        draft.fields["origin_inferred"] = True


def _from_stops_between(drafts: list[EventDraft]) -> None:
    """ "Lula arrived in Shanghai on Wednesday night and will fly to the UAE on Saturday",
    told after "met Xi in Beijing on Friday": a leg joined to an earlier one in its sentence
    goes on from the traveller's latest stop dated between the two (Beijing), not from the
    stop its clause is joined to. Marked inferred."""
    visits = [d for d in drafts if d.kind == "visit"]
    for leg in visits:
        if not leg.fields.get("went_on") or leg.date is None:
            continue
        actor = leg.fields["actor"]
        joined = next(
            (
                d
                for d in visits
                if d.fields["actor"] == actor
                and d.fields["destination"] == leg.fields["origin"]
                and d is not leg
                and d.date is not None
            ),
            None,
        )
        if joined is None:
            continue
        between = [
            d
            for d in visits
            if d.fields["actor"] == actor
            and d is not leg
            and d is not joined
            and d.date is not None
            and joined.date.end < d.date.start <= leg.date.start  # type: ignore[union-attr]
            and d.status in ("happened", leg.status)
            and d.fields["destination"] not in (leg.fields["destination"], leg.fields["origin"])
        ]
        if between:
            latest = max(between, key=lambda d: d.date.start)  # type: ignore[union-attr]
            leg.fields["origin"] = latest.fields["destination"]
            leg.fields["origin_inferred"] = True


def _home_from_the_tour_told(drafts: list[EventDraft]) -> None:
    """ "Pope Francis returned to Rome on Friday after a 12-day tour … during which he
    visited Indonesia, Papua New Guinea, East Timor and Singapore": a return still told of
    no start comes back from the stop its own sentence's tour ends at (the one stop of
    those made there that no other leg left)."""
    for draft in drafts:
        f = draft.fields
        if (
            draft.kind != "visit"
            or not f.get("returning")
            or f.get("origin") is not None
            or draft.status != "happened"
        ):
            continue
        stops = [
            d
            for d in drafts
            if d is not draft
            and d.kind == "visit"
            and d.fields["actor"] == f["actor"]
            and d.spans[0] == draft.spans[0]
            and d.status == "happened"
            and not d.fields.get("returning")
            and d.fields["destination"] != f["destination"]
            and (d.date is None or draft.date is None or d.date.end <= draft.date.start)
        ]
        left = {d.fields["origin"] for d in stops}
        ends = {d.fields["destination"] for d in stops} - left
        if len(ends) == 1:
            f["origin"] = ends.pop()
            f["origin_inferred"] = True


def _stops_en_route(drafts: list[EventDraft]) -> None:
    """Put a stop made on the way inside the traveller's leg told before it: "flew in from
    Lima … On the way he stopped in Manaus" is Lima to Manaus, then Manaus to Rio."""
    for n, stop in enumerate(drafts):
        if stop.kind != "visit" or not stop.fields.get("en_route"):
            continue
        leg = next(
            (
                d
                for d in reversed(drafts[:n])
                if d.kind == "visit"
                and d.fields["actor"] == stop.fields["actor"]
                and d.status == stop.status
            ),
            None,
        )
        bound_for = stop.fields.get("en_route_to")
        if bound_for is not None:
            # "Biden stopped in Cape Verde on his way to Angola": the leg to Angola, wherever
            # the article told it.
            leg = next(
                (
                    d
                    for d in drafts
                    if d.kind == "visit"
                    and d is not stop
                    and d.fields["actor"] == stop.fields["actor"]
                    and bound_for in (d.key[2], d.fields["destination"])
                ),
                None,
            )
            if leg is not None and leg.fields["origin"] is None and not stop.fields["origin"]:
                leg.fields["origin"] = stop.fields["destination"]
                leg.fields["origin_inferred"] = True
                stop.fields["made_before"] = True  # not from where the later leg ended
                continue
        if leg is None:
            continue
        if stop.fields["origin"]:
            # "Biden stopped in Cape Verde on his way from Washington": the leg told before,
            # with no start of its own, goes on from the stop.
            if (
                leg.fields["origin"] in (None, stop.fields["origin"])
                and leg.fields["destination"] != stop.fields["destination"]
            ):
                leg.fields["origin"] = stop.fields["destination"]
                leg.fields["origin_inferred"] = True
            continue
        if stop.fields["destination"] in (leg.fields["origin"], leg.fields["destination"]):
            continue
        if leg.fields["origin"] is None:
            # "will fly home on Monday evening, stopping in Anchorage": the leg goes on from
            # the stop; where the stop was reached from, later passes find.
            leg.fields["origin"] = stop.fields["destination"]
            leg.fields["origin_inferred"] = True
            continue
        stop.fields["origin"] = leg.fields["origin"]
        stop.fields["origin_inferred"] = True
        leg.fields["origin"] = stop.fields["destination"]
        leg.fields["origin_inferred"] = True


# Plural nouns for people named together before ("the leaders", "the ministers").
_GROUP_NOUNS = frozenset(
    {"leader", "minister", "president", "diplomat", "official", "man", "woman"}
)
# Nouns for two people named together before, whatever qualifies them ("the royal couple").
_PAIR_NOUNS = frozenset({"couple", "pair", "duo"})


def _names_the_group(subject) -> bool:
    """Whether a subject refers back to people named together: "they", "the leaders" (also
    of a passive: "The two leaders are expected to meet")."""
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if subject.lower_ == "they":
        return True
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return False
    if subject.lemma_.lower() in _PAIR_NOUNS:
        return True  # "the royal couple", "the pair"
    return (
        subject.tag_ == "NNS"
        and subject.lemma_.lower() in _GROUP_NOUNS
        and not any(c.dep_ in ("amod", "compound", "prep") for c in subject.children)
    )


def _was_in(actor: ActorRef, sentence: _Sentence) -> PlaceRef | None:
    """Where a clause about the traveller says they were: "King Mohammed VI, who was in
    Paris when the quake struck, returned to Rabat" returned from Paris; "Rubio, attending a
    NATO meeting in Antalya, arrived in Istanbul" came from Antalya."""
    for token in sentence.sent:
        if (
            token.lemma_ == "be"
            and token.dep_ == "relcl"
            and actor.start <= token.head.idx < actor.end
        ):
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "at"):
                    named = next((c for c in child.children if c.dep_ == "pobj"), None)
                    place = sentence.named_place_at(named) if named is not None else None
                    if place is not None:
                        return place
        if (
            token.lemma_ == "attend"
            and token.dep_ == "acl"
            and token.tag_ == "VBG"
            and actor.start <= token.head.idx < actor.end
        ):
            # "Rubio, attending a NATO meeting in Antalya, arrived in Istanbul"
            place = _city_named_in(token.subtree, sentence)
            if place is not None:
                return place
    return None


def _clause_set_in(verb, before, sentence: _Sentence) -> PlaceRef | None:
    """The city an "In …" opening *verb*'s clause (or the clause above it) names, told
    before the word *before*: "In Beijing, Prabowo is scheduled to meet Xi"."""
    for token in [verb, *verb.ancestors]:
        place = _city_named_in([c for c in token.children if c.i < before.i], sentence)
        if place is not None:
            return place
    return None


def _name_head(start: int, end: int, sentence: _Sentence):
    """The syntactic head of the name at [start, end): its token whose own head lies
    outside the name ("Delhi" in "New Delhi"), which lists attach to."""
    inside = [t for t in sentence.sent if start <= t.idx < end]
    return next((t for t in inside if t.head not in inside or t.head == t), None)


def _conjoined(ref, sentence: _Sentence, find) -> list:
    """The other members, as *find* reads them off a token, of a list *ref*'s name heads
    ("Xi Jinping and Narendra Modi attended", "visit Canberra and Perth")."""
    head = _name_head(ref.start, ref.end, sentence)
    found: list = []
    # ("visited Komsomolsk-on-Amur and Vladivostok": the model may join the next name to a
    # word inside a name of several tokens.)
    inside = (
        [t for t in sentence.sent if ref.start <= t.idx < ref.end and t.i != head.i]
        if head is not None
        else []
    )
    conjuncts = [*head.conjuncts] if head is not None else []
    conjuncts += [c for t in inside for c in t.children if c.dep_ == "conj"]
    if head is not None:
        # "to the United States, Peru, Brazil and Britain": the model may take the second
        # of a list for the first's apposition, and join the rest to it.
        conjuncts += [
            c
            for a in head.children
            if a.dep_ == "appos" and any(g.dep_ == "conj" for g in a.children)
            for c in (a, *a.conjuncts)
        ]
    told = head.head if head is not None and head.dep_ == "appos" else head
    if told is not None and told.dep_ == "pobj" and told.head.dep_ == "prep":
        # "air strikes … in southern Khartoum and in Omdurman", "broke out in Nyala, …, and
        # in Kutum": the preposition told again, which the model joins to the first or to
        # what it hangs on. ("in the capital Sanaa and in …": the name may be the noun's.)
        prep = told.head
        again = [
            *(p for p in prep.conjuncts if p.pos_ == "ADP"),
            *(
                c
                for c in prep.head.children
                if c.dep_ == "conj" and c.pos_ == "ADP" and c.lower_ == prep.lower_ and c.i > prep.i
            ),
        ]
        named = [g for p in again for g in p.children if g.dep_ == "pobj"]
        # ("and in the port city of Hodeidah": the name after the noun's "of".)
        conjuncts += named + [
            n
            for g in named
            if g.pos_ == "NOUN"
            for c in g.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for n in c.children
            if n.dep_ == "pobj"
        ]
    for token in conjuncts:
        other = find(token)
        if other is None:
            # "Meloni and her Albanian counterpart Edi Rama": the name beside the noun.
            other = next(
                (named for c in token.children if c.dep_ == "appos" and (named := find(c))),
                None,
            )
        if other is not None and other.key != ref.key and other not in found:
            found.append(other)
    return found


def _extent(token) -> tuple[int, int]:
    """Where *token*'s phrase (its whole subtree) starts and ends in the text."""
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge)


def _ends_a_trip(verb) -> bool:
    """ "ends the trip in Singapore on Sept. 13": a trip's start or end, with its own day."""
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in _TRIP_ENDS
        and any(c.dep_ == "dobj" and c.lemma_.lower() in _VISIT_NOUNS for c in verb.children)
    )


def _dated_by(verb, phrases: list[DatePhrase]) -> list[DatePhrase]:
    """ "… in August, when he travelled to Israel": a clause hung on a date happened then,
    and so did what it goes on to with "and" ("…, when he met Modi in New Delhi and visited
    Bengaluru")."""
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head
    if (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.i > verb.head.i
        and verb.head.pos_ == "VERB"
        and verb.head.lemma_.lower() in _VISIT_VERBS
    ):
        # "toured Africa in July, visiting Egypt, Uganda and Ethiopia": the tour's time is
        # that of the visits it is told as.
        return _own_dates(verb.head, phrases)
    if verb.dep_ not in ("relcl", "advcl"):
        return []
    head = verb.head
    return [p for p in phrases if p.start <= head.idx < p.end]


def _own_dates(verb, phrases: list[DatePhrase]) -> list[DatePhrase]:
    """The date phrases in *verb*'s own clause, leaving out clauses of other travel in it
    and relative clauses about its people: in "travelled to Berlin on Sunday … before flying
    on to Paris … on Monday" Sunday is the Berlin trip's and Monday the Paris leg's, though
    Monday lies inside the first clause."""

    low, high = _extent(verb)
    nested = [
        _extent(t)
        for t in verb.subtree
        if t != verb
        and (
            (t.lemma_.lower() in _VISIT_VERBS and t.pos_ == "VERB")
            # "Erdogan, who faces elections in May, toured …": May is the elections'.
            or t.dep_ == "relcl"
            # "… his first tour since taking office last month": the office's month.
            or _phrase_set_apart(t)
            # "fly on to Palau … and stop in Guam on his way home on Friday": the stop's.
            or (t.dep_ == "conj" and t.pos_ == "VERB" and t.lemma_.lower() in _STOPPING_VERBS)
            # "travels to East Timor and ends the trip in Singapore on Sept. 13": the end's.
            or (t.dep_ == "conj" and _ends_a_trip(t))
            # "Blinken, on his ninth trip since the war began in October, will meet …": the
            # war's month, not the meeting's.
            or _time_set_apart(t)
        )
    ]
    # "the first French president to visit Vietnam since Francois Hollande in 2016": from
    # the one compared with on, the other's visit.
    nested += [
        (c.idx, high)
        for c in verb.children
        if c.dep_ == "prep"
        and c.lower_ == "since"
        and any(
            g.dep_ == "pobj" and g.pos_ == "PROPN" and g.ent_type_ != "DATE" for g in c.children
        )
    ]
    return [
        p
        for p in phrases
        if low <= p.start and p.end <= high and not any(a <= p.start < b for a, b in nested)
    ]


def _done_where_they_came_from(verb, sentence: _Sentence) -> PlaceRef | None:
    """The place a leg began at whose "where" clause tells *verb*: "arrived in Washington
    from Paris, where he co-chaired a summit and visited Marseille" (Paris)."""
    clause = next((a for a in [verb, *verb.ancestors] if _is_where_clause(a)), None)
    if clause is not None:
        antecedent = _where_antecedent(clause)
    else:
        # (A word the model splits, "co-chaired", may break the clause apart: then the
        # words tell it, ", where" after the place and before the verb in its sentence.)
        where = next(
            (
                t
                for t in reversed(sentence.sent[: verb.i - sentence.sent.start])
                if t.lower_ == "where" and t.i >= 2 and t.nbor(-1).lower_ == ","
            ),
            None,
        )
        antecedent = where.nbor(-2) if where is not None else None
    if antecedent is None or antecedent.dep_ != "pobj" or antecedent.head.lower_ != "from":
        return None
    return sentence.named_place_at(antecedent)


def _earlier_leg(verb):
    """Where to look for the travel verb whose leg comes just before *verb*'s: the one it is
    joined to by "and", what it follows "before" ("leave for Paris … before flying to
    Washington"; the caller climbs from there), or the one a participle after it goes on
    from ("…, returning to Rome")."""
    if verb.dep_ == "conj":
        return verb.head
    if verb.dep_ == "pcomp" and verb.head.lower_ == "before":
        return verb.head.head
    if verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "before" for c in verb.children
    ):
        return verb.head
    if (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.i > verb.head.i
        and verb.lemma_.lower() not in _STOPPING_VERBS  # "…, stopping in Anchorage": en route
    ):
        return verb.head  # "travel to Dili and finally to Singapore, returning to Rome"
    return None


def _onward(verb) -> bool:
    """ "flying on to the Maldives", "travel onward to Rome", "then fly to Cairo": from the
    stop before. A "then" counts only before the verb: the parser may hang the one of the
    next leg ("arrive in Tel Aviv …, then fly to Cairo") on the first."""
    doc = verb.doc
    before = verb.i - 1
    while before >= 0 and doc[before].dep_ in ("aux", "neg"):
        before -= 1
    if before >= 0 and doc[before].lower_ == "then":
        return True
    return any(
        (c.lower_ == "on" and not any(g.dep_ == "pobj" for g in c.children))
        or c.lower_ in ("onward", "onwards")
        or (c.lower_ == "then" and c.i < verb.i)
        for c in verb.children
        if c.dep_ in ("prt", "advmod", "prep")
    )


def _goes_somewhere(verb) -> bool:
    """Whether a travel verb tells a trip of its own: "is expected to attend on Thursday, his
    first visit to Russia" attends nothing named, and its day is the visit's."""
    return any(
        c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ not in ("on", "at", "by", "until"))
        for c in verb.children
    )


_TIME_APART = frozenset({"after", "since", "before", "until"})
_MOMENTS_APART = frozenset(
    {"hour", "minute", "moment", "shortly", "just", "soon", "immediately", "right"}
)


def _phrase_set_apart(token) -> bool:
    """Whether *token* heads a phrase dated apart from its clause's trip ("since taking
    office last month": the month is the office's; "travelled to Mexico after a visit to
    London last week": the week is the earlier visit's)."""
    return token.head.lower_ in _TIME_APART and (
        token.dep_ == "pcomp"
        or (
            token.dep_ == "pobj"
            and (_noun_in(token, _VISIT_NOUNS) or token.lemma_.lower() in _DATED_EVENT_NOUNS)
        )
    )


# Events a trip is told before or after, whose dates are their own: "had hoped to travel
# to Iznik before his death in April".
_DATED_EVENT_NOUNS = frozenset(
    {"death", "election", "inauguration", "retirement", "resignation", "coronation"}
)
# The same told right before a date, which the model may hang on the trip instead.
_EVENT_BEFORE_DATE = re.compile(
    r"\b(?:before|after|since|until)\s+(?:(?:his|her|their|its|the)\s+)?(?:"
    + "|".join(sorted(_DATED_EVENT_NOUNS))
    + r")s?\s+(?:in|on)\s+$",
    re.IGNORECASE,
)


def _time_set_apart(verb) -> bool:
    """Whether *verb* heads a clause that says it came before or after another ("since
    Albanese visited Beijing", "a year after he returned to Kyiv"), and not just so ("hours
    before Zelenskyy left for Washington", "shortly after he arrived": the same day)."""
    return (
        verb.dep_ in ("advcl", "relcl")
        and any(c.dep_ == "mark" and c.lower_ in _TIME_APART for c in verb.children)
        and not any(
            c.dep_ in ("npadvmod", "advmod") and c.lemma_.lower() in _MOMENTS_APART
            for c in verb.children
        )
    )


def _done_there(clause, sentence: _Sentence, ctx, tense: str) -> tuple[bool, DateValue | None]:
    """Whether what a "where" clause tells is still ahead ("where he is due to meet the emir
    on Wednesday"), whatever the leg's tense, and the day of it: its own clause's, not one a
    noun in it names ("where he will mark the anniversary of the bombing in 1999")."""
    ahead = _status(clause) == "scheduled" or any(_is_due(t) for t in clause.subtree)
    if not ahead and clause.tag_ == "VBD":
        # "… to the United Arab Emirates, where he visited in February": a time gone, told
        # in the past, whatever the leg's tense.
        tense = "past"
    date = _nearest_date(
        [
            p
            for p in _own_dates(clause, ctx.dates_in(sentence))
            if not _inside_a_noun(p, clause, sentence)
        ],
        clause.idx,
        ctx.anchor,
        "future" if ahead else tense,
    )
    return ahead, date


# Verbs of a journey whose end a clause joined to them may tell ("flew from London and were
# greeted at Ottawa airport").
_FLYING_VERBS = frozenset({"fly", "travel", "arrive", "land", "come"})
# Verbs by which travellers are met on arrival.
_GREETING_VERBS = frozenset({"greet", "welcome", "receive", "meet"})


def _greeted_at(verb, sentence: _Sentence) -> PlaceRef | None:
    """The place a passive clause joined to a journey's *verb* says the travellers were met
    at: "flew from London on Monday and were greeted at Ottawa airport by Mark Carney"."""
    for clause in verb.children:
        if (
            clause.dep_ != "conj"
            or clause.pos_ != "VERB"
            or clause.lemma_.lower() not in _GREETING_VERBS
            or not any(c.dep_ == "auxpass" for c in clause.children)
        ):
            continue
        for prep in clause.children:
            if prep.dep_ == "prep" and prep.lower_ in ("at", "in"):
                place = _subtree_place(prep, sentence)
                if place is not None and place.kind in ("city", "region", "country"):
                    return place
    return None


def _is_where_clause(token) -> bool:
    """Whether *token* heads a relative clause opened by "where": the model hangs the word on
    the clause's verb or, "where he is expected to meet the emir", on the verb it governs."""
    if token.dep_ != "relcl":
        return False
    first = token.left_edge
    return any(c.lower_ == "where" for c in token.children) or (
        first.lower_ == "where" and first.dep_ == "advmod"
    )


def _where_antecedent(clause):
    """The place a "where" clause tells of: the model hangs it on the first of a list, but
    "to Indonesia and Singapore, where he will speak" is Singapore's."""
    later = [c for c in clause.head.children if c.dep_ == "conj" and c.i < clause.i]
    if later:
        return later[-1]
    return _where_town(clause) or clause.head


def _where_town(clause):
    """The town a "where" clause tells of when the model hangs it on the area after the
    town, which only places it: "flew in from Yakutsk in Russia's Far East, where he had
    stopped" (Yakutsk); else None."""
    head = clause.head
    prep = head.head
    if (
        head.dep_ == "pobj"
        and prep.lower_ == "in"
        and prep.i > 0
        and (town := head.doc[prep.i - 1]).dep_ == "pobj"
        and town.pos_ == "PROPN"
        and town.head.dep_ == "prep"
        and town.head.head == prep.head
    ):
        return town
    return None


def _unclaimed_dates(verb, sentence: _Sentence, phrases: list[DatePhrase]) -> list[DatePhrase]:
    """The sentence's dates that no other travel or relative clause owns: "Modi, who arrived
    on Wednesday, met the King before flying on to the Maldives" does not date the flight."""

    others = [
        _extent(t)
        for t in sentence.sent
        if t != verb
        and not t.is_ancestor(verb)
        and (
            (t.lemma_.lower() in _VISIT_VERBS and t.pos_ == "VERB" and _goes_somewhere(t))
            or t.dep_ == "relcl"
            or _phrase_set_apart(t)
            or _time_set_apart(t)
            or (t.pos_ == "VERB" and t.lemma_.lower() in _STOPPING_VERBS)
            or _ends_a_trip(t)
        )
    ]
    # "will leave for Paris on Thursday … before flying to Washington": Thursday is the
    # enclosing trip's own date, not the later leg's. (A travel noun under the verb, "flies
    # to Amsterdam next week for a state visit", is the same trip and shares its date.)
    claimed = {
        id(p)
        for t in (verb.ancestors if verb.pos_ == "VERB" else ())
        # ("will begin in Paris on Monday … before travelling to Rome": Monday is Paris's;
        # "is due in Abu Dhabi on Saturday before returning": Saturday is Abu Dhabi's.)
        if (t.lemma_.lower() in _VISIT_VERBS | _TRIP_ENDS and t.pos_ == "VERB") or _is_due(t)
        for p in _own_dates(t, phrases)
    }
    claimed |= {id(p) for p in _dates_of_saying_ahead(verb, phrases)}
    return [
        p
        for p in phrases
        if id(p) not in claimed
        and not any(a <= p.start < b for a, b in others)
        and not _names_another_event(p, sentence)
    ]


def _dates_of_saying_ahead(token, phrases: list[DatePhrase]) -> list[DatePhrase]:
    """The dates of a past saying that puts *token*'s trip ahead: "On Monday he said he would
    visit Paris", "In February the government said it would leave the pact after a visit by
    Rubio". The day the words were said is gone; it is not the day of the trip they foretold
    (nor, read forward, the next such day)."""

    ahead = False
    below = token
    for above in token.ancestors:
        ahead = ahead or any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in below.children)
        if above.lemma_.lower() in _ATTRIBUTION_VERBS and above.tag_ == "VBD":
            if not ahead:
                return []
            low, high = _extent(below)
            # ("said in February it would leave": the model may hang the saying's date on
            # the clause said, but it comes before that clause's subject.)
            subject = next((c for c in below.children if c.dep_ == "nsubj"), None)
            if subject is not None and above.i < subject.i:
                low = subject.left_edge.idx
            said_low, said_high = _extent(above)
            return [
                p for p in phrases if said_low <= p.start < said_high and not low <= p.start < high
            ]
        below = above
    return []


def _inside_a_noun(phrase: DatePhrase, verb, sentence: _Sentence) -> bool:
    """Whether the date hangs on a noun below *verb* rather than on the verb's clause ("mark
    the anniversary of the bombing in 1999": the bombing's year). Talks held there are the
    stop's own business: "where he is due to hold talks with Xi on Thursday" is Thursday."""
    span = sentence.sent.doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    while token.head != token and token.head != verb:
        token = token.head
        if (
            token.pos_ in ("NOUN", "PROPN")
            and token.ent_type_ not in ("DATE", "TIME")
            and not _noun_in(token, _TALKS_NOUNS)
        ):
            return True
    return False


def _names_another_event(phrase: DatePhrase, sentence: _Sentence, travel=None) -> bool:
    """Whether the date only says which event a noun is ("on the anniversary of the 1999 Nato
    bombing", "the 2022 invasion", "Monday's earthquake"): it dates that noun, not the
    clause's travel (unless the noun is the *travel* word itself: "Tuesday's visit")."""
    if _EVENT_BEFORE_DATE.search(sentence.sent.doc.text, max(0, phrase.start - 40), phrase.start):
        return True  # "to travel to Iznik before his death in April": the death's April
    span = sentence.sent.doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    if span is None:
        return False
    heads = [t.head for t in span if not (t.head.i >= span.start and t.head.i < span.end)]
    return (
        len(heads) == 1
        and heads[0].pos_ == "NOUN"
        and heads[0].i > span.end - 1
        # "landed on Tuesday evening": a time of that day is that day.
        and heads[0].ent_type_ not in ("DATE", "TIME")
        and heads[0].lemma_.lower() not in _TIMES_OF_DAY
        and heads[0] != travel
        and all(
            t.dep_ in ("nummod", "compound", "amod", "det", "poss")
            for t in span
            if t.head == heads[0]
        )
    )


# What one attends somewhere as a visitor; not "school", "church" or "college".
_ATTENDED_EVENTS = frozenset(
    {
        "summit", "conference", "meeting", "talks", "ceremony", "funeral", "forum", "rally",
        "session", "celebration", "parade", "inauguration", "gathering", "games", "olympics",
        "festival", "negotiation", "assembly", "congress", "convention", "coronation",
        "wedding", "memorial", "commemoration", "event", "opening", "fair", "expo",
        "exhibition", "tournament", "concert",
    }
)  # fmt: skip
_NEGATING = frozenset({"unable", "fail", "refuse", "decline", "cancel", "postpone", "scrap"})


def _attends_an_event(verb) -> bool:
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    # "attended the Group of 20 summit": the event may be what the object is "of"; "a trade
    # fair": the model may make the noun a modifier of the word before it.
    named = [
        obj,
        *(g for c in obj.children if c.lower_ == "of" for g in c.children),
        *(c for c in obj.children if c.dep_ == "amod" and c.i == obj.i + 1),
    ]
    return any(t.lemma_.lower() in _ATTENDED_EVENTS for t in named)


def _negated(verb) -> bool:
    """ "did not travel", "was unable to attend", "cancelled a visit", "the planned trip to
    Washington was cancelled": no travel happened."""
    token = verb
    for _ in range(3):
        if any(c.dep_ == "neg" for c in token.children) or token.lemma_.lower() in _NEGATING:
            return True
        if token is not verb and _plan_given_up(token):
            return True
        if (
            token.dep_ not in ("xcomp", "ccomp", "dobj", "acomp", "nsubjpass")
            or token.head == token
        ):
            return False
        token = token.head
    return False


def _plan_given_up(word) -> bool:
    """ "He had been due to visit Goma", "had planned to travel": a plan told in the past
    perfect, which the story tells because it was not carried out."""
    had = any(c.dep_ == "aux" and c.lower_ == "had" for c in word.children)
    if word.lower_ == "due" and word.dep_ == "acomp":
        had = any(c.dep_ == "aux" and c.lower_ == "had" for c in word.head.children)
        return had
    return had and word.lemma_.lower() in _SCHEDULING_VERBS


def _port_cities(sentence: _Sentence) -> list[PlaceRef]:
    """The cities the sentence calls ports — "the port of Odesa", "Vladivostok's port", "the
    port city of Haifa", "Gdansk, a Baltic port", "added Vladivostok to its list of transit
    ports", "the ports of Primorsk and Ust-Luga" — and not just any city of a sentence that
    says "port" ("Port Authority", "Port Said")."""

    def city(token) -> PlaceRef | None:
        place = sentence.place_at(token)
        return place if place is not None and place.kind == "city" and not place.demonym else None

    def named_by(noun) -> PlaceRef | None:
        if noun.dep_ == "compound":
            if noun.head.lemma_.lower() not in ("city", "town"):
                return None  # "Port Authority", "port workers"
            noun = noun.head  # "the port city of Haifa"
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                found = _subtree_place(child, sentence)
                if found is not None and found.kind == "city":
                    return found
            # ("the $1.3 billion Chancay deep-water port": the model may make it a modifier.)
            elif child.dep_ in ("compound", "poss", "amod", "nmod") and (found := city(child)):
                return found
        if noun.dep_ in ("appos", "attr") and (found := city(noun.head)):
            return found
        if noun.dep_ == "attr":
            subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
            if subject is not None and (found := city(subject)):
                return found
        head = noun
        listed = False  # "to its list of ports", "as a port": not "via ports in Mexico"
        for _ in range(4):  # up to the verb: "added Vladivostok to its list of ports"
            if head.pos_ in ("VERB", "AUX") or head.head == head:
                break
            listed = listed or (head.dep_ == "prep" and head.lower_ in ("to", "as", "among"))
            head = head.head
        if not listed:
            return None
        for child in head.children:
            if child.dep_ == "dobj":
                for t in child.subtree:
                    if found := city(t):
                        return found
        return None

    ports: list[PlaceRef] = []
    for noun in sentence.sent:
        # ("Cambodia's Ream Naval Base": a harbour for warships is a port too.)
        naval_base = noun.lemma_.lower() == "base" and any(
            c.dep_ in ("amod", "compound") and c.lower_ == "naval" for c in noun.children
        )
        if not naval_base and (
            noun.lemma_.lower() not in _PORT_NOUNS or sentence.place_at(noun) is not None
        ):
            continue
        if any(
            c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ == "entry" for g in c.children)
            for c in noun.children
        ):
            continue  # "the Hidalgo port of entry": a border crossing, not a harbour
        if _landmark(noun):
            continue  # "77 nautical miles west of the port of Hodeidah": where, not a port story
        if noun.dep_ == "appos" and ports:
            # "inaugurated the port of Chancay … from the palace in Lima, the first major
            # Chinese-controlled port in South America": the port told, renamed; the model
            # hangs the words on the last name before them.
            continue
        # "Gwadar, on the Arabian Sea, is being developed by China. The port was leased to
        # …": the port the article has just named.
        found = named_by(noun)
        if found is None and noun.lemma_.lower() == "port":
            found = _port_just_told(noun, sentence)
            if found is not None:
                # (told here by the noun: what the sentence says of it is said of the noun)
                found = dataclasses.replace(found, start=noun.idx, end=noun.idx + len(noun))
        if found is None:
            continue
        if (
            noun.dep_ == "compound"
            and _port_user(found, sentence) is None
            and not any(_noun_in(t, _SHIPPING_WORDS) for t in sentence.sent)
        ):
            # "visited the southern port city of Marseille": what the city is, told by the
            # way, with no one using or granted the port and no ship in the sentence (not
            # "Ships were diverted to the port city of Haifa").
            continue
        listed = [found, *_conjoined(found, sentence, sentence.named_place_at)]
        if noun.tag_ == "NNS" and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
            # "the ports of Piraeus in Greece, Valencia in Spain and Zeebrugge in Belgium":
            # every city of the list, however the model strings it together.
            listed += [
                place
                for t in noun.subtree
                if not _in_clause_below(t, noun) and (place := city(t)) is not None
            ]
        for each in listed:
            if each.kind == "city" and not each.demonym and each not in ports:
                ports.append(each)
    return ports


# What makes a sentence about a port's use: ships and what they carry.
_SHIPPING_WORDS = frozenset(
    {"ship", "vessel", "tanker", "freighter", "cargo", "container", "shipping", "shipment",
     "dock", "berth", "ferry", "warship", "fleet", "navy", "trade", "export", "import"}
)  # fmt: skip


_CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "acl", "pcomp"})


def _same_clause(at: int, anchor: int, sentence: _Sentence) -> bool:
    """Whether the word at *at* belongs to the clause of the word at *anchor*, not to a
    clause of its own inside it: "customs authorities of China added Vladivostok to its
    list" ties China to the port; "the port city of Marseille, where India is opening a
    consulate" and "the port of Hodeidah, said it had targeted ships linked to Israel"
    do not tie India or Israel to theirs."""
    token = next((t for t in sentence.sent if t.idx <= at < t.idx + len(t)), None)
    home = next((t for t in sentence.sent if t.idx <= anchor < t.idx + len(t)), None)
    if token is None or home is None:
        return False
    head = next((a for a in home.ancestors if a.pos_ in ("VERB", "AUX")), sentence.sent.root)
    if token != head and not head.is_ancestor(token):
        return False
    for step in [token, *token.ancestors]:
        if step == head:
            return True
        if step.dep_ in _CLAUSE_DEPS and not (step == home or step.is_ancestor(home)):
            return False
    return True


def _after_from(place: PlaceRef, sentence: _Sentence) -> bool:
    """Whether the place is the object of "from" ("migrants from Ivory Coast, Guinea and
    Mali": each of a list)."""
    span = sentence.sent.doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ == "from"


# People brought somewhere after a shipwreck or a rescue, and what brings them there.
_CARRYING_VERBS = frozenset({"take", "bring", "transfer", "evacuate", "ferry", "carry", "move"})
_CARRIED_PEOPLE = frozenset(
    {"survivor", "migrant", "passenger", "crew", "body", "refugee", "people", "victim", "tourist"}
)


# What happened at a port that says only where it was: "the explosion at the port of
# Beirut".
_INCIDENT_NOUNS = frozenset(
    {"explosion", "blast", "fire", "collapse", "disaster", "accident", "stampede", "protest"}
)


def _landmark(noun) -> bool:
    """Whether *noun* only says where something else was: "77 nautical miles west of the
    port of Hodeidah", "near the port city of Mariupol", "in the port of Shengjin and the
    town of Gjader", survivors "taken to the port of Kalamata". (A ship "anchored off the
    port of Limassol" is calling there.)"""
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in ("city", "town"):
        noun = noun.head  # "in the port city of Hodeidah"
    head = noun.head
    if any(
        c.dep_ == "conj" and c.lemma_.lower() in _WAYPOINT_NOUNS - {"port"} for c in noun.children
    ):
        # "the centres, in the port of Shengjin and the inland town of Gjader": a place
        # named by its kind, like the town beside it.
        return True
    # ("… and in the port city of Hodeidah": a preposition told again is one too.)
    if noun.dep_ != "pobj" or not (
        head.dep_ == "prep" or (head.dep_ == "conj" and head.pos_ == "ADP")
    ):
        return False
    verb = head.head
    if (
        head.lower_ == "to"
        and verb.lemma_.lower() in _CARRYING_VERBS
        and any(
            c.dep_ in ("nsubjpass", "dobj") and c.lemma_.lower() in _CARRIED_PEOPLE
            for c in verb.children
        )
    ):
        return True  # "Survivors were taken to the port of Kalamata": where people were put
    if head.lower_ == "near":
        return True
    struck = next((a for a in noun.ancestors if a.pos_ == "VERB"), None)
    if (
        head.lower_ in ("at", "in")
        and struck is not None
        and struck.lemma_.lower() in _STRIKING_VERBS
    ):
        # "hitting Houthi targets in the capital Sanaa and in the port city of Hodeidah":
        # where the strikes fell.
        return True
    if head.lower_ in ("at", "in") and head.head.lemma_.lower() in _INCIDENT_NOUNS:
        return True  # "the site of the 2020 explosion at the port of Beirut": where it was
    return head.lower_ == "of" and head.head.lower_ in _COMPASS_NOUNS


def _port_just_told(noun, sentence: _Sentence) -> PlaceRef | None:
    """ "Gwadar, on the Arabian Sea, is being developed by China. The port was leased to …":
    a bare "the port" opening a sentence is the city the sentence before was about — its
    subject — in the same paragraph; not any city it named ("Xi, who arrived in Lima …")."""
    if noun.tag_ != "NN" or noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    # ("The port, 80 km north of Lima, is owned by …": an aside says no more which port.)
    if [c.lower_ for c in noun.children if c.dep_ not in ("punct", "appos", "advmod")] != ["the"]:
        return None
    doc = noun.doc
    if sentence.sent.start == 0:
        return None
    before = doc[sentence.sent.start - 1].sent
    if "\n" in doc.text[before.end_char : sentence.sent.start_char]:
        return None
    # (Its subject, or the name it opens with: the model may not take "Gwadar, on the
    # Arabian Sea, is …" for a subject.)
    subject = next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), before[0])

    def city_at(token) -> PlaceRef | None:
        return next(
            (
                p
                for p in sentence.article_places
                if p.start <= token.idx < p.end and p.kind == "city" and not p.demonym
            ),
            None,
        )

    # ("… inaugurated the Chancay deep-water port. The port …": or the port it named.)
    named = [
        found
        for t in before
        if t.lemma_.lower() in _PORT_NOUNS
        for c in t.children
        if c.dep_ in ("compound", "nmod", "poss") and (found := city_at(c)) is not None
    ]
    return city_at(subject) or (named[0] if len(named) == 1 else None)


def _port_user(port: PlaceRef, sentence: _Sentence) -> PlaceRef | None:
    """The country another's port is given to or taken by: whose the subject of the port's
    verb is ("China's customs authorities added Russia's Vladivostok to its list", "the
    customs authorities of China"), who it goes "to" or "for" ("leased Hambantota port to
    China"), or whose the buyer of a stake in it is ("approved Chinese shipping giant
    Cosco's purchase of a stake in … the port of Hamburg"). Not a country that only says
    where a place is ("Piraeus in Greece, Valencia in Spain"), where people come from, or
    one a clause inside tells of ("the port city of Marseille, where India is opening a
    consulate")."""
    span = sentence.sent.doc.char_span(port.start, port.end, alignment_mode="expand")
    if span is None:
        return None
    verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    # The noun phrases the port lies inside, up to its verb ("Cosco's purchase of a stake in
    # a terminal at the port"), and the verb's own subject, object and beneficiaries.
    owners = [
        c
        for t in span.root.ancestors
        if t.i != verb.i and (verb.is_ancestor(t))
        for c in t.children
        if c.dep_ in ("poss", "amod", "compound", "nmod")
    ]
    doer = verb
    for _ in range(3):
        # "India signed a contract … to develop and operate the Chabahar port": the one who
        # signed operates it.
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in doer.children):
            break
        if doer.dep_ == "acl" and doer.head.dep_ in ("dobj", "attr"):
            # "Ethiopia signed an agreement … to use Somaliland's port of Berbera": the one
            # who signed the agreement uses the port.
            doer = doer.head.head
            continue
        if doer.dep_ not in ("xcomp", "advcl", "conj") or doer.head == doer:
            break
        if doer.dep_ == "advcl" and doer.tag_ == "VBN":
            # "accuse Pyongyang of supplying shells …, shipped … from the port of Rason": a
            # participle tells of the things, not of what the accusers do.
            break
        doer = doer.head
    sides = [c for c in verb.children if c.dep_ in ("dative", "agent")]
    # ("The port … is majority-owned by China's Cosco": the owner after the copula.)
    sides += [
        g for c in verb.children if c.dep_ == "acomp" for g in c.children if g.dep_ == "agent"
    ]
    sides += [
        c
        for c in doer.children
        if c.dep_ in ("nsubj", "nsubjpass")
        # ("The first ship … since Russia's invasion left the port of Odesa": the model may
        # take a time told after "since" for a second subject.)
        and not (c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].lower_ in _TIME_MARKS)
    ]
    # "leased Hambantota port to China": the country the "to" or "for" names itself, not
    # the places of a route ("run … to the UAE port of Jebel Ali").
    # ("leased to China Overseas Port Holding Company": or a firm named after its country.)
    sides += [
        named
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("to", "for")
        for g in c.children
        if g.dep_ == "pobj"
        for named in [g, *(t for t in g.children if t.dep_ == "compound" and t.i == g.left_edge.i)]
        if getattr(sentence.named_place_at(named), "kind", None) == "country"
    ]

    def users(token):
        # Not inside a clause of its own, nor a phrase that only places something.
        # ("the customs authorities of China")
        if token.dep_ in ("relcl", "acl", "advcl", "ccomp") or (
            token.dep_ == "prep" and token.lower_ != "of"
        ):
            return
        if token.lower_.endswith("flagged"):
            return  # "The Singapore-flagged Dali was leaving the port": a ship's flag
        yield token
        for child in token.children:
            yield from users(child)

    for top in [*sides, *owners]:
        if top.is_ancestor(span.root):
            continue  # "… to the UAE port of Jebel Ali": the port's own phrase
        for token in users(top):
            place = sentence.place_at(token)
            if (
                place is not None
                and (
                    place.kind == "country"
                    # "Dubai's DP World signed … to operate the port of Tartus": the
                    # city-state a firm that signs is of.
                    or (
                        place.kind == "city"
                        and token.dep_ == "poss"
                        and token.head == top
                        and top.dep_ in ("nsubj", "nsubjpass")
                    )
                )
                and place.country_code not in ("", port.country_code)
                # ("The Iranian ship anchored off the port of Limassol": a ship's flag is no
                # user; a buyer's is, "Chinese shipping giant Cosco's purchase", and so is a
                # navy's, "Two Chinese warships have docked at Ream Naval Base".)
                and (not place.demonym or top in owners or top.lemma_.lower() in _NAVAL_VESSELS)
            ):
                return place
    return None


# Words that open a time told by what happened then: "since Russia's invasion".
_TIME_MARKS = frozenset({"since", "after", "before", "until", "till"})
_NAVAL_VESSELS = frozenset(
    {"warship", "navy", "frigate", "destroyer", "submarine", "corvette", "cruiser"}
)


def _ports(sentence, ctx) -> list[EventDraft]:
    return [draft for port in _port_cities(sentence) for draft in _port(port, sentence, ctx)]


def _port(port: PlaceRef, sentence, ctx) -> list[EventDraft]:
    grantee = _port_user(port, sentence)
    phrases = ctx.dates_in(sentence)
    named = _name_head(port.start, port.end, sentence)
    aside = next(
        (a for a in named.ancestors if a.dep_ == "relcl") if named is not None else (), None
    )
    if aside is not None and aside.head.lemma_.lower() not in _DEAL_NOUNS:
        # "The Houthis, who control … the port of Hodeidah, began attacking ships in November
        # 2023": told in a clause about someone, the port has that clause's dates only (not
        # in one about the deal that grants it: "an agreement that lets Ethiopia use …").
        low, high = _extent(aside)
        phrases = [p for p in phrases if low <= p.start < high]
    effective = [p for p in phrases if re.search(r"\b(?:from|effective|starting)\b", p.text, re.I)]
    after_effective = [
        p
        for p in phrases
        if re.search(
            r"\b(?:from|effective|starting)\s*$",
            ctx.text[max(sentence.sent.start_char, p.start - 20) : p.start],
            re.I,
        )
    ]
    chosen = (effective or after_effective or [None])[0]
    date = (
        resolve(chosen.text, ctx.anchor, "future", reference=chosen.reference) if chosen else None
    )
    # ("will be inspected in Istanbul on Tuesday before sailing on to the port of Tripoli":
    # a day ahead, told of what is ahead.)
    ahead = named is not None and any(
        a.pos_ in ("VERB", "AUX") and _status(a) == "scheduled" for a in named.ancestors
    )
    others = [
        value
        for p in phrases
        if p is not chosen
        and (
            value := resolve(
                p.text, ctx.anchor, "future" if ahead else "past", reference=p.reference
            )
        )
        is not None
    ]
    date = date or (others.pop(0) if others else None)
    status = "scheduled" if date is not None and date.start > ctx.anchor else "happened"
    spans = [sentence.span()]
    if ctx.text[port.start : port.end].lower() == "port" and sentence.sent.start > 0:
        # "Gwadar, on the Arabian Sea, is being developed by China. The port was leased …":
        # the sentence that named the port is part of its story.
        before = ctx.doc[sentence.sent.start - 1].sent
        spans.insert(0, (before.start_char, before.start_char + len(before.text.rstrip())))
    return [
        EventDraft(
            kind="port",
            key=("port", port.key),
            spans=spans,
            fields={"port": port.key, "granted_to": grantee.key if grantee else None},
            date=date,
            other_dates=others,
            status=status,
        )
    ]


# What trades: a country, or a bloc that trades as one ("India's exports to the EU"; the
# draft gives the article's such blocs to the trade extractors only).
_TRADERS = frozenset({"country", "bloc"})


def _trade_endpoints(
    sentence, keyword, ctx, scope: tuple[int, int]
) -> tuple[str, tuple[str, ...]] | None:
    """("directed", (origin, destination)) or ("between", (a, b)) for a trade phrase.

    Whose exports they are is the country before the noun ("Australian wheat exports",
    "China's exports"); whose imports, likewise, but that country receives them ("China's
    imports of Russian crude": Russia to China).
    """
    importing = _noun_lemma(keyword) in _IMPORT_NOUNS
    own = None
    # ("U.S. LNG exports": the country may qualify the goods before the noun.)
    before = [
        *keyword.children,
        *(
            g
            for c in keyword.children
            if c.dep_ == "compound" and c.i < keyword.i
            for g in c.children
            if g.dep_ in ("amod", "compound") and g.i < c.i
        ),
    ]
    for child in before:
        if child.dep_ in ("amod", "compound", "poss"):
            place = sentence.place_at(child)
            if place is not None and place.kind in _TRADERS:
                own = place
            elif child.dep_ == "poss" and child.lower_ == "its":
                # "India has refused to condemn Russia's invasion and increased its
                # purchases": the subject's; with no country for subject, the country whose
                # the sentence told something before ("China's surplus … narrowed, while its
                # exports to Russia rose").
                own = _subject_owning(keyword, sentence) or next(
                    (
                        found
                        for t in reversed(sentence.sent[: child.i - sentence.sent.start])
                        if t.dep_ == "poss"
                        and (found := sentence.place_at(t)) is not None
                        and found.kind in _TRADERS
                        and not found.demonym
                    ),
                    None,
                )
    if own is None and keyword.dep_ == "dobj":
        # "Vietnam reported exports to the United States up 25%": whose they are is who
        # reports them.
        subject = next((c for c in keyword.head.children if c.dep_ == "nsubj"), None)
        place = sentence.place_at(subject) if subject is not None else None
        if place is not None and place.kind in _TRADERS and not place.demonym:
            own = place
    if own is None:
        # "The United States imported $427bn from China, while exports to China totalled
        # $148bn": whose they are is the country the clause they contrast with is about.
        clause = next((a for a in keyword.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if (
            clause is not None
            and clause.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in clause.children)
        ):
            subject = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
            place = sentence.place_at(subject) if subject is not None else None
            if place is None and subject is not None and _noun_in(subject, _TRADE_NOUNS):
                # "EU exports to Mercosur were worth €56bn, while imports from the bloc
                # totalled €54bn": the trader whose exports the clause told.
                place = next(
                    (
                        found
                        for c in subject.children
                        if c.dep_ in ("compound", "amod", "poss")
                        and (found := sentence.place_at(c)) is not None
                    ),
                    None,
                )
            if place is not None and place.kind in _TRADERS and not place.demonym:
                own = place
    partner = None
    for child in keyword.children:
        if child.dep_ == "prep" and child.lower_ == "with":
            place = _subtree_place(child, sentence)
            if place is not None and place.kind in _TRADERS:
                partner = place
    if own is None:
        # "China's exports rose 13%. Shipments to the United States grew 8%": a flow told
        # with one end only has the country whose trade the article was telling at the other.
        own = ctx.trader
    elif own.key != (partner.key if partner else None):
        ctx.trader = own
    source = None
    for t in keyword.subtree:
        if t.dep_ == "prep" and t.lower_ == "from":
            source = (
                _subtree_place(t, sentence, demonyms=True)
                or _bloc_named_before(t, own, sentence)
                or source
            )
        elif t.dep_ == "prep" and t.lower_ == "of" and t.head == keyword and source is None:
            # "imports of Russian crude": the goods' nationality is where they come from.
            made_in = _subtree_place(t, sentence, demonyms=True)
            if made_in is not None and made_in.demonym and made_in.kind == "country":
                source = made_in
    destination = None
    for t in [*keyword.subtree, *keyword.head.subtree]:
        if t.head != keyword and _noun_in(t.head, _TRADE_NOUNS):
            continue  # "exports rose, helped by shipments to the US": the shipments' end
        if t.dep_ == "prep" and t.lower_ == "to":
            place = _subtree_place(t, sentence) or _bloc_named_before(t, own, sentence)
            # "exports of Chinese electric cars to Europe": a continent is a market too.
            if place is not None and place.kind in (*_TRADERS, "continent"):
                destination = place
                break
    if importing:
        origin, destination = source, own or destination
    else:
        origin = source or own
    if origin is None or destination is None:
        bought = _bought_by(keyword, sentence) or _buyer_of(sentence, origin)
        if bought is not None:
            origin, destination = bought
    if origin is not None and destination is not None and origin.key != destination.key:
        return "directed", (origin.key, destination.key)
    if partner is not None and own is not None and partner.key != own.key:
        return "between", tuple(sorted((own.key, partner.key)))
    if (partners := _partners_told(keyword, sentence)) is not None:
        return "between", partners
    aside = _side_clauses(keyword, sentence)
    countries = []
    for place in sentence.places:
        inside = scope[0] <= place.start < scope[1]
        if (
            inside
            and place.kind in _TRADERS
            and not place.demonym
            and place.key not in countries
            and place.start not in aside
            and not _in_time_clause(place, sentence)
        ):
            countries.append(place.key)
    if len(countries) >= 2:
        return "between", tuple(sorted(countries[:2]))
    if _TWO_WAY.search(ctx.text, scope[0], scope[1]):
        # "Japan and South Korea signed a swap deal, and two-way trade was worth $77bn": the
        # two the sentence named before it.
        before = list(
            dict.fromkeys(
                p.key
                for p in sentence.places
                if p.end <= scope[0] and p.kind == "country" and not p.demonym
            )
        )
        if len(before) == 2:
            return "between", tuple(sorted(before))
    if _BILATERAL.search(ctx.text, scope[0], scope[1]):
        pair = ctx.previous_pair or ctx.last_pair  # "the two countries": the last two named
        if pair is not None:
            return "between", pair
    return None


def _subject_owning(keyword, sentence: _Sentence) -> PlaceRef | None:
    """Whose "its" is in "Indonesia, which filled the gap, saw its coal sales to China
    fall": the subject of the nearest clause above the phrase that has one of its own."""
    for verb in keyword.ancestors:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or keyword in subject.subtree:
            continue
        place = sentence.place_at(subject)
        if place is not None and place.kind in _TRADERS and not place.demonym:
            return place
        return None
    return None


def _bloc_named_before(prep, own: PlaceRef | None, sentence: _Sentence) -> PlaceRef | None:
    """The bloc "the bloc" stands for: the last other one the sentence named before it
    ("Mercosur exported €56bn to the EU, while EU exports to the bloc reached €55.7bn")."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if (
        obj is None
        or obj.lemma_.lower() != "bloc"
        or not any(c.dep_ == "det" and c.lower_ == "the" for c in obj.children)
    ):
        return None
    named = [
        p
        for p in sentence.places
        if p.kind == "bloc" and p.end <= obj.idx and (own is None or p.key != own.key)
    ]
    return named[-1] if named else None


def _partners_told(keyword, sentence: _Sentence) -> tuple[str, str] | None:
    """The two a trade's clause calls partners: "China is Africa's largest trading partner,
    with two-way trade of $282bn" (a continent may be one), whatever else the sentence
    names ("Wagner has deployed fighters to Mali, while China is …")."""
    holder = keyword.head.head if keyword.head.lower_ == "with" else None
    if holder is None:
        return None
    copula = holder.head if holder.lemma_.lower() == "partner" else holder
    noun = next(
        (c for c in copula.children if c.dep_ == "attr" and c.lemma_.lower() == "partner"), None
    )
    if copula.lemma_ != "be" or noun is None:
        return None
    subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    whose = next((c for c in noun.children if c.dep_ == "poss"), None)
    one = sentence.place_at(subject) if subject is not None else None
    other = sentence.place_at(whose) if whose is not None else None
    kinds = (*_TRADERS, "continent")
    if one is None or other is None or one.kind not in kinds or other.kind not in kinds:
        return None
    if one.key == other.key:
        return None
    return (one.key, other.key) if one.key < other.key else (other.key, one.key)


_SIDE_CLAUSES = frozenset({"advcl", "relcl", "acl"})


def _side_clauses(keyword, sentence: _Sentence) -> set[int]:
    """Character offsets of the words in clauses beside the trade noun's own ("… as
    factories rushed out orders ahead of US tariffs", "Vietnam, which has drawn factories
    out of China, …"): the countries there are not the ones trading."""
    mine = {keyword.i, *(t.i for t in keyword.ancestors)}
    aside: set[int] = set()
    for token in sentence.sent:
        if token.dep_ in _SIDE_CLAUSES and token.i not in mine:
            aside.update(t.idx for t in token.subtree if t.i not in mine)
    return aside


def _bought_by(keyword, sentence: _Sentence) -> tuple[PlaceRef, PlaceRef] | None:
    """(seller, buyer) when the trade noun is what a country buys ("India has been buying
    discounted Russian oil …, imports that rose …": Russia to India)."""
    verb = keyword.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _BUYING_VERBS:
        return None
    if keyword.dep_ not in ("dobj", "appos", "conj"):  # "conj": how spaCy may hang ", imports"
        return None
    buyer = seller = None
    for child in verb.children:
        if child.dep_ == "nsubj":
            buyer = _subtree_place(child, sentence, demonyms=True)
        elif child.dep_ == "dobj":
            seller = seller or _subtree_place(child, sentence, demonyms=True)
    if buyer is None or seller is None or buyer.kind not in _TRADERS or seller.kind not in _TRADERS:
        return None
    return seller, buyer


# Nouns that name a country by what it buys ("the biggest buyer of German goods").
_BUYER_NOUNS = frozenset({"buyer", "importer", "customer", "purchaser", "market"})


def _buyer_of(sentence: _Sentence, seller: PlaceRef | None) -> tuple[PlaceRef, PlaceRef] | None:
    """(seller, buyer) when the sentence calls a country the buyer of another's goods: "The
    United States overtook China as the biggest buyer of German goods, taking €158bn worth of
    exports" is Germany to the US, not trade between the US and China."""
    for noun in sentence.sent:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _BUYER_NOUNS:
            continue
        sold = next(
            (
                place
                for _, place in _places_under(noun.children, sentence, ("of", "for"), demonyms=True)
                if place.kind in _TRADERS
            ),
            None,
        )
        if sold is None or (seller is not None and sold.key != seller.key):
            continue
        # Whom the noun describes: "X as the biggest buyer", "X is the biggest buyer",
        # "X, the biggest buyer".
        if noun.dep_ == "appos":
            buyer = sentence.place_at(noun.head)
        else:
            verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "as" else noun.head
            if noun.dep_ not in ("attr", "pobj") or verb.pos_ not in ("VERB", "AUX"):
                continue
            subject = None
            for _ in range(3):
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subject is not None or verb.dep_ not in ("conj", "xcomp"):
                    break
                # "India has refused to condemn … and has become a major buyer": the
                # subject the joined verbs share.
                verb = verb.head
            buyer = _subtree_place(subject, sentence) if subject is not None else None
        if buyer is not None and buyer.kind in _TRADERS and buyer.key != sold.key:
            return sold, buyer
    return None


def _in_time_clause(place: PlaceRef, sentence: _Sentence) -> bool:
    """Whether *place* only dates something ("since Moscow's invasion of Ukraine")."""
    for token in sentence.sent:
        if token.idx == place.start:
            return any(
                a.dep_ in ("prep", "mark") and a.lower_ in _TIME_PREPOSITIONS
                for a in [token, *token.ancestors]
            )
    return False


_BALANCE_BEFORE = re.compile(
    r"\b(?:surplus|deficit|gap|imbalance)\s+(?:of|at|to|by)\s+(?:about|around|nearly|almost|"
    r"some|roughly|over|more\s+than|less\s+than)?\s*$",
    re.IGNORECASE,
)
_BALANCE_NOUNS = frozenset({"surplus", "deficit", "imbalance", "balance", "gap"})
_BALANCE_AFTER = re.compile(r"\s*(?:trade\s+)?(?:surplus|deficit|imbalance)\b", re.IGNORECASE)
# A price, not what flows: "capped at $60 a barrel", "$2.50 per bushel".
_PER_UNIT = re.compile(
    r"\s*(?:a|an|per)\s+(?:barrel|tonne|ton|share|unit|gallon|litre|liter|ounce|kilogram|kg|"
    r"pound|bushel|cubic\s+met(?:re|er)|megawatt[- ]hour|mwh|head)\b",
    re.IGNORECASE,
)


# "rose 13% from a year earlier", "higher than in 2022": the date a change is measured
# against, not the period the figure covers.
_COMPARED_WITH = re.compile(
    r"\b(?:from|than|compared\s+(?:with|to)|versus|vs\.?)\s+(?:in\s+)?(?:the\s+)?$", re.IGNORECASE
)


# Verbs whose date is when figures were told, not what they cover ("data showed on
# Wednesday").
_PUBLISHING_VERBS = frozenset(
    {"say", "show", "announce", "report", "publish", "release", "confirm", "reveal"}
)


def _reports_date(phrase: DatePhrase, sentence: _Sentence) -> bool:
    """Whether *phrase* dates the telling of the figures: "Commerce Department data showed
    on Wednesday", "the ministry said on Friday"."""
    span = sentence.sent.doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    if head.dep_ == "prep" and head.lower_ == "on":
        head = head.head
    return head.pos_ == "VERB" and head.lemma_.lower() in _PUBLISHING_VERBS


# "for the ninth year running", "the third consecutive year", "a second year in a row": how
# long something has lasted, not a period a figure covers.
_RUNNING_AFTER = re.compile(r"^\s*(?:running|straight|in\s+a\s+row)\b", re.IGNORECASE)
_RUNNING_IN = re.compile(
    r"\b(?:running|in\s+a\s+row|(?:consecutive|straight|successive)\s+\w+)\s*$", re.IGNORECASE
)


# What makes an amount a yearly rate: "4 million tonnes of liquefied natural gas a year".
_YEARLY_AFTER = re.compile(
    r"(?:\s+of\s+[A-Za-z][A-Za-z -]{0,40}?)?\s+(?:a|per|each|every)\s+year\b|\s+annually\b",
    re.IGNORECASE,
)


def _periods(sentence, ctx) -> list[DatePhrase]:
    """The sentence's date phrases that may say what period a figure covers."""
    return [
        p
        for p in ctx.dates_in(sentence)
        if not _COMPARED_WITH.search(ctx.text, max(0, p.start - 20), p.start)
        and not _reports_date(p, sentence)
        and not _RUNNING_AFTER.search(ctx.text[p.end : p.end + 12])
        and not _RUNNING_IN.search(ctx.text[p.start : p.end])
        and not _aside_without_figures(p, sentence)
    ]


# Entities that make a clause one telling figures.
_FIGURE_ENTS = frozenset({"MONEY", "QUANTITY", "PERCENT"})


def _aside_without_figures(phrase: DatePhrase, sentence: _Sentence) -> bool:
    """Whether *phrase* lies in a relative clause that tells no figure: "through the Power
    of Siberia pipeline, which began operating in 2019" dates the pipeline, not the gas
    that flows through it now, "under a trade deal reached in July" the deal; "trade, which
    rose 40% in the first quarter" dates trade."""
    token = next((t for t in sentence.sent if t.idx <= phrase.start < t.idx + len(t)), None)
    aside = next(
        (a for a in (token, *token.ancestors) if a.dep_ in ("relcl", "acl"))
        if token is not None
        else (),
        None,
    )
    return aside is not None and not any(t.ent_type_ in _FIGURE_ENTS for t in aside.subtree)


def _gap(amount, percent) -> int:
    """How many characters lie between an amount and a percentage, either way round."""
    return max(percent.start - amount.end, amount.start - percent.end)


def _figures(sentence, ctx, measure: str, fallback: DateValue | None = None) -> list[Figure]:
    """The amounts and changes the sentence tells; *fallback* is the period of those it
    gives no date of."""
    text = ctx.text
    base = sentence.sent.start_char
    sent_text = sentence.sent.text
    phrases = _periods(sentence, ctx)
    lemmas = {t.lemma_.lower() for t in sentence.sent}
    figures: list[Figure] = []
    found_amounts = amounts(sent_text, base)
    # "tariffs of up to 45% on imports", "a 100% tariff": a rate levied, not a change.
    found_percents = [p for p in percents(sent_text, base) if not _levied(sentence, p)]
    used_percents = set()

    def period_for(position: int, end: int) -> DateValue | None:
        following = [p for p in phrases if 0 <= p.start - end <= 4]
        preceding = [p for p in phrases if p.end <= position]
        # "signed a deal on Monday to supply 4 million tonnes of LNG a year": a yearly
        # rate is no day's.
        yearly = bool(_YEARLY_AFTER.match(text, end))
        for pool in (following, preceding[::-1], phrases):
            for phrase in pool:
                value = _period(phrase, ctx)
                if value is not None and not (yearly and value.precision == "day"):
                    return value
        return fallback

    def basis(value: DateValue | None, start: int, end: int) -> str:
        if lemmas & _PROJECTED:
            return "projected"
        if _deal_to_do(sentence):
            return "forecast"  # whatever day the deal was signed on
        if value is not None and value.end < ctx.anchor:
            return "actual"
        if _aimed_at(sentence, start, end):
            return "target"
        return "forecast" if lemmas & _MODALS else "actual"

    def label(value: DateValue | None, told: str) -> str:
        # An aim with no year ("aim to double trade to $26bn") has none, not this year's.
        return "" if value is None and told == "target" else _period_label(value, ctx.anchor)

    gain_end: int | None = None
    for amount in found_amounts:
        if _BALANCE_BEFORE.search(text, max(0, amount.start - 30), amount.start) or (
            _BALANCE_AFTER.match(text, amount.end)
        ):
            continue  # "running a surplus of $45.7bn": a balance, not what flows
        if _PER_UNIT.match(text, amount.end):
            continue  # "capped at $60 a barrel": a price
        if (
            lemmas & (_RISE | _FALL | {"boost", "raise", "cut", "lift", "add"})
            and (
                _CHANGED_BY.search(text, max(0, amount.start - 24), amount.start)
                # (and the same in another currency: "by 25.5 billion pounds ($34 billion)")
                or (gain_end is not None and text[gain_end : amount.start].strip() == "(")
            )
        ):
            # "expected to increase bilateral trade by 25.5 billion pounds by 2040": what
            # the flow gains, not what it comes to.
            gain_end = amount.end
            continue
        # "fell to $0.7bn … from $3.4bn before the war": the amount a flow changed from is
        # of its own earlier time ("from $190bn in 2022"), not of the period of the new one.
        changed_from = bool(lemmas & (_RISE | _FALL)) and _CHANGED_FROM.search(
            text, max(0, amount.start - 16), amount.start
        )
        if changed_from:
            period = next(
                (
                    value
                    for p in phrases
                    if 0 <= p.start - amount.end <= 4 and (value := _period(p, ctx)) is not None
                ),
                None,
            )
        else:
            period = period_for(amount.start, amount.end)
        change = None
        approximate = False
        # "$53.8bn, an almost 40% increase" or "rose by 12% last year to $450m": the nearest
        # percentage within a few words, not one told of another flow before it ("trade
        # with Japan fell 3%, and trade with Korea rose 5% to $28bn").
        nearest = None
        for i, percent in enumerate(found_percents):
            if i in used_percents or _SHARE_AFTER.match(text, percent.end):
                continue
            after = 0 <= percent.start - amount.end <= 40
            before = 0 <= amount.start - percent.end <= 40
            between = (
                text[amount.end : percent.start] if after else text[percent.end : amount.start]
            )
            if not (after or before) or _MONEY_SIGN.search(between):
                continue
            if any(
                other is not amount and _gap(other, percent) < len(between)
                for other in found_amounts
            ):
                continue  # "… to $279bn, while exports rose 26% to $110bn": the closer one's
            if nearest is None or len(between) < len(nearest[2]):
                nearest = (i, percent, between)
        if nearest is not None:
            i, percent, between = nearest
            context = text[percent.end : percent.end + 20].lower() + between.lower()
            sign = _percent_direction(sentence, percent.end - 1) or (
                -1 if any(word in context for word in _FALL) else 1
            )
            change = sign * percent.value
            approximate = percent.approximate
            used_percents.add(i)
        told = basis(period, amount.start, amount.end)
        figures.append(
            Figure(
                measure=measure,
                value=amount.value,
                unit=amount.unit,
                period="" if changed_from and period is None else label(period, told),
                basis=told,  # type: ignore[arg-type]
                change_pct=change,
                approximate=approximate,
                span=Span(start=amount.start, end=amount.end, text=text[amount.start : amount.end]),
            )
        )
    for i, percent in enumerate(found_percents):
        if i in used_percents or _SHARE_AFTER.match(text, percent.end):
            continue
        if not (lemmas & _RISE or lemmas & _FALL):
            continue
        if _CHANGED_FROM.search(text, max(0, percent.start - 16), percent.start):
            continue  # "19% of the EU's gas imports, down from 45%": a level before, no change
        sign = _percent_sign(sentence, percent.end - 1, lemmas)
        period = period_for(percent.start, percent.end)
        told = basis(period, percent.start, percent.end)
        figures.append(
            Figure(
                measure=measure,
                period=label(period, told),
                basis=told,  # type: ignore[arg-type]
                change_pct=sign * percent.value,
                approximate=percent.approximate,
                span=Span(
                    start=percent.start, end=percent.end, text=text[percent.start : percent.end]
                ),
            )
        )
    return figures


# The words before the amount a flow rose or fell from: "… from $3.4bn", "from about 40m".
_CHANGED_BY = re.compile(
    r"\bby\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|an\s+estimated\s+|"
    r"more\s+than\s+|over\s+|up\s+to\s+)?$",
    re.I,
)
_CHANGED_FROM = re.compile(r"\bfrom\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?$", re.I)

# What a percentage may be the rate of rather than a change in a flow.
_LEVY_NOUNS = frozenset({"tariff", "duty", "tax", "levy", "surcharge", "vat"})


def _levied(sentence, percent) -> bool:
    """Whether *percent* is the rate of a tariff or tax: the noun it hangs from, a few steps
    up ("tariffs of up to 45%", "a 100% tariff", "duties of 35.3% on Chinese EVs")."""
    span = sentence.sent.doc.char_span(percent.start, percent.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    for _ in range(3):
        if token.lemma_.lower() in _LEVY_NOUNS:
            return True
        if token.head == token:
            break
        token = token.head
    return token.lemma_.lower() in _LEVY_NOUNS


def _aimed_at(sentence, start: int, end: int) -> bool:
    """Whether the amount between *start* and *end* is a goal: it hangs from a target noun
    ("a target of $200bn") or from an infinitive told as an aim ("agreed to boost trade to
    $100bn", "want trade to reach $50bn"), within a few steps up."""
    span = sentence.sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    if token.head.dep_ == "prep" and token.head.lower_ == "from":
        return False  # "boost trade to $10bn from about $6bn": where it starts is a fact
    came = None
    for _ in range(6):
        if token.lemma_.lower() in _GOAL_NOUNS and token.pos_ == "NOUN":
            return True
        if token.pos_ == "VERB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children):
            return token.head.lemma_.lower() in _AIMING
        if (
            token.pos_ == "VERB"
            and token.lemma_.lower() in _AIMING
            and came is not None
            and came.dep_ == "prep"
            and (came.lower_ == "for" or (came.lower_ == "to" and span.root.head == came))
        ):
            # "India and Russia aim for $100bn trade"; "agreed to more than double bilateral
            # trade to $500 billion": the model may hang the sum on the agreeing, "to" it.
            return True
        if (
            token.pos_ == "VERB"
            and token.lemma_.lower() in ("commit", "pledge", "promise")
            and came is not None
            and (came.dep_ == "dobj" or (came.dep_ == "prep" and came.lower_ == "to"))
        ):
            # "has committed to a $1.4 trillion investment framework", "pledged $20bn of
            # investment": a sum promised, not spent yet.
            return True
        if token.head == token:
            break
        came, token = token, token.head
    return False


def _percent_sign(sentence, at: int, lemmas: set[str]) -> int:
    """-1 for a fall, 1 for a rise: the word the percentage hangs from says which ("fell
    3%", "a 40% increase"), so a sentence telling both ("trade with Japan fell 3%, and trade
    with Korea rose 5%") gives each its own; the sentence's words decide otherwise."""
    told = _percent_direction(sentence, at)
    if told is not None:
        return told
    return -1 if lemmas & _FALL and not lemmas & _RISE else 1


def _percent_direction(sentence, at: int) -> int | None:
    """-1 or 1 when a word the percentage (ending at character *at*) hangs from, within
    three steps up (the sign, "by", the verb), is a fall or a rise ("fell by almost 9% to
    €97bn"), else None."""
    token = next((t for t in sentence.sent if t.idx <= at < t.idx + len(t.text)), None)
    for _ in range(3):
        if token is None:
            break
        lemma = token.lemma_.lower()
        if lemma in _FALL:
            return -1
        if lemma in _RISE:
            return 1
        token = token.head if token.head != token else None
    return None


# "about 35% of its total exports": a share of something, not a change in it.
_SHARE_AFTER = re.compile(r"\s+of\b")
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)


def _since(phrase: DatePhrase, text: str) -> bool:
    """Whether *phrase* tells since when ("his first trip to Dushanbe since 2019"): the last
    time, not this one's."""
    return bool(_SINCE.search(text, max(0, phrase.start - 12), phrase.start)) or (
        phrase.text.lower().startswith("since ")
    )


def _in_since_phrase(phrase: DatePhrase, sentence: _Sentence, below) -> bool:
    """Whether *phrase* lies in a "since" phrase under *below* that tells of something else
    ("a visit to Madrid, his first to the country since Russia's full-scale invasion in
    2022"): the time of that, not of this."""
    token = next((t for t in sentence.sent if t.idx <= phrase.start < t.idx + len(t)), None)
    if token is None:
        return False
    for step in token.ancestors:
        if step == below:
            return False
        if step.lower_ == "since" and step.dep_ in ("prep", "mark") and step.i < token.i - 1:
            return True
    return False


def _period(phrase: DatePhrase, ctx) -> DateValue | None:
    """The time a figure covers: "$20bn … since 2008" is from 2008 to the article's day;
    "will ship 2 million barrels … in March", told in January, the March ahead."""
    span = ctx.doc.char_span(phrase.start, phrase.end, alignment_mode="expand")
    verb = (
        next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if span is not None
        else None
    )
    tense = "future" if verb is not None and _status(verb) == "scheduled" else "past"
    value = resolve(phrase.text, ctx.anchor, tense, reference=phrase.reference)
    if value is None:
        return None
    if _since(phrase, ctx.text) and value.start < ctx.anchor:
        return value.model_copy(update={"end": ctx.anchor})
    return value


def _period_label(value: DateValue | None, anchor: dt.date) -> str:
    if value is None:
        return str(anchor.year)
    if value.precision == "year":
        first, last = value.start.year, value.end.year
        return str(first) if first == last else f"{first}–{last}"
    if value.precision == "quarter":
        return f"Q{(value.start.month - 1) // 3 + 1} {value.start.year}"
    if value.precision == "month":
        first, last = value.start.strftime("%B %Y"), value.end.strftime("%B %Y")
        return first if first == last else f"{first} – {last}"  # "the year to June"
    # A deal signed on a day: the day as the story writes dates ("1 December 2023").
    first, last = (f"{d.day} {d:%B %Y}" for d in (value.start, value.end))
    return first if first == last else f"{first} – {last}"


# Flows told from the receiving side: the country before the noun buys.
_IMPORT_NOUNS = frozenset({"import", "purchase"})
_BUYING_VERBS = frozenset({"buy", "purchase", "import"})
# A place under one of these dates the trade, it does not take part in it.
_TIME_PREPOSITIONS = frozenset({"since", "after", "before", "during", "until", "amid"})
# Words before "trade" that say how it is counted, not what is traded.
_NOT_GOODS = frozenset(
    {
        "bilateral",
        # how much of it, or how it is to grow: "most EU exports", "double bilateral trade"
        "most",
        "all",
        "some",
        "more",
        "double",
        "triple",
        "total",
        "overall",
        "annual",
        "mutual",
        "foreign",
        "international",
        "global",
        "way",  # "two-way"
        "pipeline",  # how it travels, not what ("pipeline exports")
        "seaborne",
        "worth",  # "exports worth about $4 billion"
        "onward",  # "for processing and onward shipment"
        "further",
        "additional",
    }
)


# What is bought once, not traded: a purchase of one is a deal ("the purchase of the port
# of Haifa", "the purchase of a 20% stake").
_ASSETS = frozenset(
    {
        "port", "stake", "company", "firm", "share", "terminal", "airline", "business",
        "asset", "property", "building", "club", "team", "mine", "refinery", "plant",
    }
)  # fmt: skip


def _trade(sentence, ctx) -> list[EventDraft]:
    """One flow per trade noun; a sentence telling two ("China's imports … rose, while
    India's purchases … jumped") gives each the figures and dates of its own clause."""
    keywords = [t for t in sentence.sent if _noun_in(t, _TRADE_NOUNS)]
    # "Germany's trade surplus with the US hit €70bn": a balance, not what flows.
    # Nor is "China, Angola's biggest trade partner, imported …": a partner, not a flow.
    keywords = [
        k
        for k in keywords
        if not (
            k.dep_ in ("compound", "amod")
            and k.head.lemma_.lower()
            in _BALANCE_NOUNS
            | _TRADE_RULE_NOUNS
            # ("… making it the largest U.S. export market": what a country is to trade)
            | {"partner", "partnership", "market", "destination", "hub"}
            # ("under a trade deal reached in July", "trade talks", "a trade war": the
            # deal, the talks or the quarrel, not goods that flow)
            | _DEAL_NOUNS
            | _TRADE_AFFAIRS
        )
    ]
    # "… importing 1.9 million barrels a day, a trade that Kyiv says funds the war": a noun
    # that renames what the clause told is no flow of its own.
    keywords = [
        k for k in keywords if not (k.dep_ == "appos" and not any(t.like_num for t in k.subtree))
    ]
    # "imported 7.8 million tonnes of Kazakh oil, about a tenth of its crude imports": the
    # whole a flow is a share of is no flow of its own.
    keywords = [
        k
        for k in keywords
        if not (k.head.lower_ == "of" and k.head.head.lemma_.lower() in _SHARE_NOUNS)
    ]
    # "lowers U.S. tariffs on Japanese imports", "a ban on imports of Russian oil": what a
    # rule falls on, not a flow told.
    keywords = [
        k
        for k in keywords
        if not (
            k.head.lower_ in ("on", "against") and k.head.head.lemma_.lower() in _TRADE_RULE_NOUNS
        )
    ]
    # "Canada, the largest buyer of U.S. exports, shipped $413bn of goods to the United
    # States": what a country is called by the way, not the flow the sentence tells.
    keywords = [
        k
        for k in keywords
        if not (
            k.head.lower_ == "of"
            and k.head.head.lemma_.lower() in _BUYER_NOUNS | _SUPPLIER_NOUNS
            and k.head.head.dep_ == "appos"
        )
    ]
    # "after halting purchases of Russian oil": a flow stopped is none to draw.
    keywords = [
        k
        for k in keywords
        if not (
            k.dep_ == "dobj" and k.head.lemma_.lower() in _HALTING_VERBS and not _negated(k.head)
        )
        # ("after halting purchases": the model may take the verb for the noun's adjective.)
        and not any(c.dep_ == "amod" and c.lemma_.lower() in _HALTING_VERBS for c in k.children)
    ]
    # Trade nouns inside another's phrase ("trade in exports") are part of that one.
    keywords = [k for k in keywords if not any(o != k and k in o.subtree for o in keywords)]
    low, high = sentence.span()
    starts = [low] + [k.left_edge.idx for k in keywords[1:]] + [high]
    drafts = []
    for i, keyword in enumerate(keywords):
        scope = (starts[i], starts[i + 1]) if len(keywords) > 1 else (low, high)
        clause = _clause_extent(keyword)
        scope = (max(scope[0], clause[0]), min(scope[1], clause[1]))
        draft = _trade_flow(sentence, ctx, keyword, scope)
        if draft is not None:
            drafts.append(draft)
    drafts = _one_flow_each(
        drafts + _trade_verbs(sentence, ctx, keywords) + _investment_nouns(sentence, ctx)
    )
    # ("The United States ran a trade surplus of $7.4 billion with Brazil last year": a
    # balance is no flow, but the year the article's figures are of.)
    balance = any(t.lemma_.lower() in ("surplus", "deficit") for t in sentence.sent)
    if keywords or drafts or balance:
        periods = _spans_of_time(sentence, ctx)
        if periods and periods[0].end <= ctx.anchor and _told_as_fact(sentence):
            ctx.trade_period = periods[0]
    return drafts


# What stops a flow: "halted purchases of Russian oil", "suspended exports".
_HALTING_VERBS = frozenset({"halt", "stop", "end", "suspend", "ban", "cease", "freeze", "block"})

# A rule on trade, not trade: "export controls on advanced semiconductors", "an import ban".
_TRADE_RULE_NOUNS = frozenset(
    {"control", "ban", "curb", "restriction", "licence", "license", "tariff", "duty", "quota"}
)

# What a part of a whole is counted as ("a tenth of its crude imports").
_SHARE_NOUNS = frozenset(
    {"half", "third", "quarter", "fifth", "tenth", "share", "portion", "fraction", "percent", "%"}
)


def _one_flow_each(drafts: list[EventDraft]) -> list[EventDraft]:
    """ "China is Nigeria's biggest source of imports, selling it goods worth $22.6bn": the
    noun and the verb of one sentence telling one flow, with the same figures, are one; the
    one that says more (which way, what goods) is kept."""

    def says(draft: EventDraft) -> tuple[bool, bool]:
        return draft.key[1] == "directed", draft.fields.get("goods") is not None

    kept: list[EventDraft] = []
    for draft in drafts:
        values = sorted(f.value for f in draft.figures if f.value is not None)
        same = next(
            (
                k
                for k in kept
                if set(k.key[2]) == set(draft.key[2])
                and values
                and sorted(f.value for f in k.figures if f.value is not None) == values
                and (k.key[1] == "between" or draft.key[1] == "between" or k.key[2] == draft.key[2])
            ),
            None,
        )
        if same is None:
            kept.append(draft)
        elif says(draft) > says(same):
            kept[kept.index(same)] = draft
    return kept


def _spans_of_time(sentence, ctx) -> list[DateValue]:
    """The periods longer than a day that the sentence's figures may cover, in order."""
    return [
        value
        for phrase in _periods(sentence, ctx)
        if (value := _period(phrase, ctx)) is not None and value.precision != "day"
    ]


def _told_as_fact(sentence) -> bool:
    """Whether the sentence reports figures rather than forecasts or projects them."""
    # "ahead of expected US tariffs": an adjective forecasts the tariffs, not the figures.
    if {t.lemma_.lower() for t in sentence.sent if t.dep_ != "amod"} & (
        _MODALS | _PROJECTED | _AIM_WORDS
    ):
        return False
    return not _deal_to_do(sentence)


def _deal_to_do(sentence) -> bool:
    """ "close to completing an agreement to supply 1 million tonnes of grain", "signed a
    deal to supply China with 4 million tonnes of LNG a year": what a deal is to do, not
    what was done."""
    return any(
        (
            (t.dep_ in ("acl", "relcl") and t.head.lemma_.lower() in _DEAL_NOUNS)
            # ("signed a deal on Monday to supply": the model may hang it on the signing.)
            or (
                t.dep_ == "advcl"
                and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in _DEAL_NOUNS for c in t.head.children
                )
            )
        )
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        for t in sentence.sent
    )


_DEAL_NOUNS = frozenset({"agreement", "deal", "contract", "plan", "offer", "accord"})
# What "trade" names when it qualifies them: the business of trade, not a flow of goods.
_TRADE_AFFAIRS = frozenset(
    {"pact", "treaty", "talks", "negotiation", "negotiator", "war", "dispute", "row", "truce",
     "tension", "minister", "ministry", "representative", "envoy", "official", "policy",
     "framework", "bloc", "body", "organisation", "organization"}
)  # fmt: skip


def _clause_extent(token) -> tuple[int, int]:
    """Where the clause holding *token* starts and ends, without the clauses "and" joins to
    it: "India bought $20bn of US arms since 2008, and bilateral trade reached $129bn" is
    two statements, each with its own amount."""
    head = token
    while (
        head.dep_ not in ("ROOT", "conj") or head.pos_ not in ("VERB", "AUX")
    ) and not _trades_apart(head):
        if head.head == head:
            break
        head = head.head
    low, high = _extent(head)
    for child in head.children:
        if (
            (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")) or _trades_apart(child)
        ) and child.i > token.i:
            # The "and" (and comma) before the next clause are not this one's either.
            high = min(high, child.left_edge.idx)
    return low, high


def _trades_apart(verb) -> bool:
    """Whether *verb* heads a side clause telling a trade of its own: "China bought $89.7bn
    of Brazilian goods, while Brazil imported $60.7bn from China"."""
    if verb.dep_ != "advcl" or verb.pos_ not in ("VERB", "AUX"):
        return False  # (an "AUX": "while Brazil's imports from China were worth $60.7bn")
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.lemma_.lower() in _SENDING_VERBS | _BUYING_VERBS and subjects:
        return True
    # "China's surplus with the US narrowed to $279bn, while its exports to Russia rose 26%
    # to $110bn": a contrast whose subject is a trade of its own.
    return any(
        c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in verb.children
    ) and any(_noun_in(t, _TRADE_NOUNS) for s in subjects for t in s.subtree)


def _own_clause(verb) -> list:
    """*verb*'s subtree without the clauses conjoined to it, nor a side clause telling a
    trade of its own ("China bought $89.7bn of Brazilian goods, while Brazil's imports
    from China were worth $60.7bn")."""
    others = [
        c
        for c in verb.children
        if (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")) or _trades_apart(c)
    ]
    return [t for t in verb.subtree if not any(t in o.subtree for o in others)]


def _goods_before(noun, sentence: _Sentence) -> list[str]:
    """The goods words in front of a trade noun ("Australian wine exports": wine), without
    places or their adjectives."""
    return [
        t.text
        for t in noun.children
        if t.dep_ in ("compound", "amod")
        and sentence.place_at(t) is None
        and t.lower_ not in _NOT_GOODS
        and t.ent_type_ != "MONEY"  # "aim for $100bn trade": a sum, not what is traded
        and not any(ch.isdigit() for ch in t.text)
    ]


def _trade_flow(sentence, ctx, keyword, scope: tuple[int, int]) -> EventDraft | None:
    endpoints = _trade_endpoints(sentence, keyword, ctx, scope)
    if endpoints is None:
        return None
    shape, pair = endpoints
    goods_words = _goods_before(keyword, sentence)
    if not goods_words:
        goods_words = _goods_of(keyword, sentence)
    if not goods_words and keyword.head.lemma_.lower() in _BUYING_VERBS:
        # "buying record volumes of Russian oil …, imports that …": the goods are what is bought.
        for bought in keyword.head.children:
            if bought.dep_ == "dobj" and bought != keyword:
                goods_words = _goods_of(bought, sentence)
                break
    if not goods_words:
        # "a major buyer of Russian oil, with imports rising to $46bn": what it buys.
        goods_words = next(
            (
                words
                for noun in sentence.sent
                if noun.pos_ == "NOUN"
                and noun.lemma_.lower() in _BUYER_NOUNS
                and (words := _goods_of(noun, sentence))
            ),
            [],
        )
    goods = " ".join(goods_words) or None
    if goods_words and goods_words[-1].lower().removesuffix("s") in _ASSETS:
        return None  # "the $1.18 billion purchase of the port of Haifa": a deal, not trade
    aside = _goods_aside(keyword, sentence) if goods is None else None
    if shape == "directed" and _noun_lemma(keyword) in ("import", "export"):
        # "India's imports of Russian oil rose … Imports from Iraq fell 10%": the goods a
        # country's imports (or exports) were told to be of, until told otherwise — not
        # what an aside says one flow is of ("Imports from Russia, mostly oil and gas").
        importing = _noun_lemma(keyword) == "import"
        told = (pair[1] if importing else pair[0], "imports" if importing else "exports")
        if goods is not None:
            ctx.goods_told[told] = goods
        goods = goods or aside or ctx.goods_told.get(told)
    else:
        goods = goods or aside
    if shape == "between":
        ctx.last_pair = pair
    noun = keyword.text.lower() if keyword.tag_ == "NNS" else "trade"  # "shipments", "exports"
    measure = f"{goods} {keyword.text}".lower() if goods else noun
    if shape == "between" and goods is None:
        measure = "bilateral trade"
    return _flow_draft(sentence, ctx, shape, pair, goods, measure, scope)


def _anothers_figure(figure: Figure, pair: tuple[str, ...], sentence) -> bool:
    """Whether *figure* is told of a country not in the flow: "Russia supplied 44% of
    India's imports, ahead of Iraq at 1 million bpd" (Iraq's, not Russia's)."""
    text = sentence.sent.doc.text
    return any(
        place.kind == "country"
        and not place.demonym
        and place.key not in pair
        and _AT_AMOUNT.fullmatch(text, place.end, figure.span.start)
        for place in sentence.places
        if place.end <= figure.span.start
    )


# What stands between a country and the amount told of it: "Iraq at 1 million bpd".
_AT_AMOUNT = re.compile(r"\s+at\s+(?:about\s+|around\s+|some\s+|nearly\s+)?")


def _flow_draft(
    sentence,
    ctx,
    shape: str,
    pair: tuple[str, ...],
    goods: str | None,
    measure: str,
    scope: tuple[int, int],
) -> EventDraft:
    """A trade flow with the figures and period told within *scope* of the sentence."""
    # The flow's date is the period its figures describe ("this year"), not the day someone
    # announced them ("on Tuesday").
    phrases = _periods(sentence, ctx)
    values = [
        value
        for phrase in phrases
        if scope[0] <= phrase.start < scope[1] and (value := _period(phrase, ctx)) is not None
    ]
    periods = [v for v in values if v.precision != "day"]
    date = (periods or values or [None])[0]
    if date is None:
        # "Trade with China reached $240bn last year, and trade with India rose to $65bn":
        # the period another clause gives, as its figures take it.
        date = next(iter(_spans_of_time(sentence, ctx)), None)
    fallback = None
    if not phrases and _told_as_fact(sentence):
        # "China's exports rose 13% in October. Shipments to the US grew 8.1%": the month
        # the article's figures are of, until it names another.
        fallback = date = ctx.trade_period
    figures = [
        f
        for f in _figures(sentence, ctx, measure, fallback)
        if scope[0] <= f.span.start < scope[1] and not _anothers_figure(f, pair, sentence)
    ]
    fields = {"goods": goods}
    if shape == "directed":
        fields.update(origin=pair[0], destination=pair[1])
    else:
        fields.update(between=list(pair))
    return EventDraft(
        kind="trade",
        key=("trade", shape, pair, goods),
        spans=[sentence.span()],
        fields=fields,
        date=date,
        # A flow told only as an aim ("agreed to boost trade to $100bn by 2030") is not one
        # that happened in 2030.
        status="proposed" if figures and all(f.basis == "target" for f in figures) else "happened",
        figures=figures,
    )


# Verbs that tell a flow from the side that sends it ("Australia shipped 750 million tonnes
# of iron ore to China"); the side that receives it buys (_BUYING_VERBS: "India imported
# 1.9 million barrels from Russia").
_SENDING_VERBS = frozenset({"export", "ship", "sell", "supply", "deliver", "pipe"})
# Money sent to be put to work in another country: "agreed to invest $550bn in the United
# States" is a flow of investment, not of trade.
_INVESTING_VERBS = frozenset({"invest"})
# The forms of "pipe" the model lemmatises wrongly ("piped" as "pip").
_PIPING_FORMS = frozenset({"piped", "pipes", "piping"})
# What an amount is counted in, not what is traded: the goods are what it is "of".
_UNIT_NOUNS = frozenset(
    {
        "tonne", "ton", "barrel", "cubic", "metre", "meter", "unit", "kilogram", "kg", "worth",
        "bcm",  # billion cubic metres, of gas
        "bpd", "b/d",  # barrels a day
        # "exported 56 billion euros of goods": money, not what was sold
        "euro", "dollar", "pound", "yen", "yuan", "rupee", "rouble", "ruble", "peso", "franc",
    }
)  # fmt: skip


def _company_country(subject, sentence: _Sentence, ctx) -> PlaceRef | None:
    """The country a company is named after, when the article names that country too:
    "QatarEnergy signed a deal to supply China's Sinopec …" (Qatar), "Saudi Aramco will
    ship …" (Saudi Arabia). The name must go on with a word or a capital after the country's
    ("Indiana" is no company of India's)."""
    # (A run-together name the model may take for a person's: "QatarEnergy"; not "Jordan
    # Peterson".)
    camel = subject.ent_type_ == "PERSON" and any(ch.isupper() for ch in subject.text[1:])
    if (subject.ent_type_ not in ("ORG", "") and not camel) or subject.pos_ != "PROPN":
        return None
    # (the model may tag the name nothing at all: "QatarEnergy signed …")
    span = (
        None if camel else next((e for e in subject.doc.ents if e.start <= subject.i < e.end), None)
    )
    words = [t for t in subject.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    name = (
        span.text.removeprefix("the ").removeprefix("The ")
        if span is not None
        else " ".join(t.text for t in [*words, subject])
    )
    for place in sentence.article_places:
        told = ctx.text[place.start : place.end]
        rest = name[len(told) :]
        if (
            place.kind == "country"
            and len(told) >= 4
            and name.startswith(told)
            and (rest[:1].isupper() or (rest[:1] == " " and not camel))
        ):
            return place
    return None


def _trade_verbs(sentence, ctx, taken: list) -> list[EventDraft]:
    """Flows told by a verb between two countries: the subject sends ("ships … to") or
    receives ("imports … from"). Verbs whose phrase already holds a trade noun are left to it."""
    drafts = []
    for verb in sentence.sent:
        lemma = "pipe" if verb.lower_ in _PIPING_FORMS else verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma not in _SENDING_VERBS | _BUYING_VERBS | _INVESTING_VERBS:
            continue
        if any(k in _own_clause(verb) for k in taken):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and verb.dep_ in ("advcl", "xcomp", "conj"):
            # "Russia is China's biggest supplier, shipping 107 million tonnes": the
            # subject of the clause the verb hangs from.
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if (
            subject is None
            and verb.dep_ in ("relcl", "acl")
            and verb.head.lemma_.lower() in _DEAL_NOUNS
            and verb.head.head.pos_ == "VERB"
        ):
            # "Qatar signed a deal to supply China with LNG": who signed is who supplies.
            subject = next((c for c in verb.head.head.children if c.dep_ == "nsubj"), None)
        if (
            subject is not None
            and subject.lower_ in ("which", "that", "who")
            and verb.dep_ == "relcl"
        ):
            subject = verb.head  # "… is China, which bought $156 billion of Taiwanese goods"
        own = _subtree_place(subject, sentence) if subject is not None else None
        wanted = "in" if lemma in _INVESTING_VERBS else "to" if lemma in _SENDING_VERBS else "from"
        back = None
        if own is None and subject is not None:
            # "EU exports to Mercosur were worth €56bn, while the bloc imported €54bn":
            # the flow back between the two the clause it contrasts with told.
            back = _flow_contrasted(verb, subject, sentence, ctx, taken)
            if back is not None:
                own, other = back
        if own is None and subject is not None:
            own = _company_country(subject, sentence, ctx)
        if own is None or own.kind not in _TRADERS:
            continue
        thing = next((c for c in verb.children if c.dep_ == "dobj"), None)
        other = back[1] if back is not None else None
        given = next(
            (
                g
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ == "with"
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        if lemma == "supply" and thing is not None and given is not None and other is None:
            # "Qatar will supply China with 4 million tonnes of LNG a year": the one supplied
            # is the object, what is supplied comes "with".
            other = _subtree_place(thing, sentence)
            if other is not None:
                thing = given
        # ("exported electric vehicles worth $11.5bn to the European Union": or the
        # phrase that gives the goods' value.)
        held = [*thing.children] if thing is not None else []
        held += [g for c in held if c.dep_ in ("amod", "acl") for g in c.children]
        # ("sold goods worth $505bn to the United States": the place hangs from the sum.)
        held += [g for c in held if c.ent_type_ == "MONEY" for g in c.children]
        for prep in [*verb.children, *held]:
            if other is not None:
                break
            if prep.dep_ == "prep" and prep.lower_ == wanted:
                other = _subtree_place(prep, sentence)
                break
        whole = _share_of_trade(thing) if other is None and wanted == "to" else None
        if whole is not None:
            # "Saudi Arabia supplies about 40% of Japan's crude oil imports": to the country
            # whose imports they are a share of.
            other = next(
                (
                    place
                    for c in whole.children
                    if c.dep_ == "poss" and (place := sentence.place_at(c)) is not None
                ),
                None,
            )
        supplier = None
        if other is None and wanted == "to":
            # "Russia is China's biggest supplier of crude oil, shipping …", "Saudi Arabia,
            # India's second-largest supplier, shipped …": whose supplier it is.
            supplier, other = _supplier_noun([*verb.head.children, *subject.children], sentence)
        if other is None and wanted == "from" and thing is not None:
            # "bought $20bn of US defence equipment", "buys Russian oil": the seller is
            # the country the goods are of.
            other = next(
                (
                    place
                    for t in thing.subtree
                    if (place := sentence.place_at(t)) is not None
                    and place.kind in _TRADERS
                    and place.key != own.key
                ),
                None,
            )
        customer = None
        told_with = verb.dep_ == "pcomp" and verb.head.lower_ == "with"
        if (
            other is None
            and wanted == "from"
            and (verb.dep_ in ("advcl", "xcomp", "conj") or told_with)
        ):
            # "China is Peru's largest trading partner, buying copper …": whose partner
            # (or customer) it is sells; "India has become one of the biggest buyers of
            # Russian oil, importing …": so does the country the goods bought are of
            # ("… buyers of Russian crude, with India importing …").
            customer, other = _customer_noun(
                verb.head.head if told_with else verb.head, own, sentence
            )
        # "piped 122 bcm of gas to Europe": a continent is a market too.
        # "piped 122 bcm of gas to Europe": a continent is a market too.
        markets = (*_TRADERS, "continent") if wanted == "to" else _TRADERS
        if other is None or other.kind not in markets or other.key == own.key:
            continue
        if _conjoined(other, sentence, sentence.named_place_at):
            continue  # "to terminals in the Netherlands, France and Spain": whose figure?
        pair = (own.key, other.key) if wanted in ("to", "in") else (other.key, own.key)
        goods_words: list[str] = []
        if thing is not None and thing.pos_ == "NUM" and thing.ent_type_ in ("MONEY", "QUANTITY"):
            goods_words = _goods_of(thing, sentence)  # "bought $29.25 billion of farm products"
        elif thing is not None and thing.pos_ in ("NOUN", "PROPN"):
            if thing.lemma_.lower() in _UNIT_NOUNS or any(ch.isdigit() for ch in thing.text):
                goods_words = _goods_of(thing, sentence)  # "$20bn of defence equipment"
            elif not sentence.place_at(thing):
                goods_words = _goods_named(thing, sentence)
        if whole is not None:
            goods_words = _goods_before(whole, sentence)  # "Japan's crude oil imports"
        if not goods_words and (supplier is not None or customer is not None):
            goods_words = _goods_of(supplier or customer, sentence)
        if wanted == "in":
            goods_words = ["investment"]  # money put to work there, whatever it buys
        goods = " ".join(goods_words) or None
        noun = {"to": "exports", "in": "investment"}.get(wanted, "imports")
        measure = f"{goods} {noun}".lower() if goods and wanted != "in" else noun
        # "exported $1.1 billion of lithium to South Korea and $620 million to Japan": one
        # flow to each, with the sum told before its "to".
        gapped = [
            (prep, found)
            for prep, found in _places_under(verb.children, sentence, ("to",))
            if wanted == "to" and found.kind in markets and found.key != own.key
        ]
        if len(gapped) > 1 and back is None:
            low, high = _clause_extent(verb)
            for n, (prep, found) in enumerate(gapped):
                start = low if n == 0 else gapped[n - 1][0].right_edge.idx + 1
                end = prep.right_edge.idx + len(prep.right_edge) if n + 1 < len(gapped) else high
                drafts.append(
                    _flow_draft(
                        sentence,
                        ctx,
                        "directed",
                        (own.key, found.key),
                        goods,
                        measure,
                        (start, end),
                    )
                )
            continue
        drafts.append(
            _flow_draft(sentence, ctx, "directed", pair, goods, measure, _clause_extent(verb))
        )
    return drafts


def _investment_nouns(sentence, ctx) -> list[EventDraft]:
    """ "The UAE has committed to a $1.4 trillion investment framework in the United States":
    a sum of investment a country puts in another, told by the noun, flows from the one the
    clause is about to the one it is put in."""
    drafts = []
    for noun in sentence.sent:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() != "investment":
            continue
        phrase = noun.head if noun.dep_ == "compound" else noun  # "investment framework"
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            phrase = noun.head.head  # "a $550 billion package of Japanese investment"
        if not any(t.ent_type_ == "MONEY" for t in phrase.subtree):
            continue
        other = next(
            (
                place
                for _, place in _places_under([*phrase.children, *noun.children], sentence, ("in",))
            ),
            None,
        )
        # Whose investment the noun says ("Japanese investment"), else the clause's subject's.
        own = next(
            (
                found
                for c in noun.children
                if c.dep_ in ("amod", "compound", "poss")
                and (found := sentence.place_at(c)) is not None
                and found.kind in _TRADERS
            ),
            None,
        )
        verb = next((a for a in phrase.ancestors if a.pos_ in ("VERB", "AUX")), None)
        subject = None
        while own is None and verb is not None and subject is None:
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            verb = verb.head if subject is None and verb.dep_ in ("xcomp", "conj") else None
        own = own or (sentence.place_at(subject) if subject is not None else None)
        if (
            own is None
            or other is None
            or own.kind not in _TRADERS
            or other.kind not in _TRADERS
            or own.key == other.key
        ):
            continue
        drafts.append(
            _flow_draft(
                sentence,
                ctx,
                "directed",
                (own.key, other.key),
                "investment",
                "investment",
                _clause_extent(phrase),
            )
        )
    return drafts


def _share_of_trade(thing):
    """The imports (or trade) a verb's object is a share of: "supplies about 40% of Japan's
    crude oil imports" (the imports)."""
    if thing is None or thing.lemma_.lower() not in _SHARE_NOUNS:
        return None
    return next(
        (
            p
            for c in thing.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj" and _noun_in(p, _TRADE_NOUNS)
        ),
        None,
    )


# What stands for a trader already named: "while the bloc imported €54bn", "while it bought".
_TRADER_STANDINS = frozenset({"it", "bloc", "country", "nation", "union"})


def _flow_contrasted(
    verb, subject, sentence: _Sentence, ctx, taken: list
) -> tuple[PlaceRef, PlaceRef] | None:
    """(own, other) for a trade verb in a "while" clause whose subject stands for the trader
    of the flow the clause it hangs on tells ("EU exports to Mercosur were worth €56bn, while
    the bloc imported €54bn": the EU, and Mercosur)."""
    if (
        subject.lemma_.lower() not in _TRADER_STANDINS
        or verb.dep_ != "advcl"
        or not any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in verb.children)
    ):
        return None
    told = next((k for k in taken if k in _own_clause(verb.head)), None)
    if told is None:
        return None
    ends = _trade_endpoints(sentence, told, ctx, _clause_extent(told))
    if ends is None or ends[0] != "directed":
        return None
    origin, destination = ends[1]
    own, other = (
        (destination, origin) if _noun_lemma(told) in _IMPORT_NOUNS else (origin, destination)
    )
    by_key = {p.key: p for p in sentence.places}
    if own not in by_key or other not in by_key:
        return None
    return by_key[own], by_key[other]


_SUPPLIER_NOUNS = frozenset({"supplier", "exporter", "seller", "provider", "source"})
_CUSTOMER_NOUNS = frozenset({"partner", "customer", "buyer", "market", "client", "importer"})


def _customer_noun(
    head, own: PlaceRef, sentence: _Sentence
) -> tuple[object | None, PlaceRef | None]:
    """(the customer noun, the seller) of "China is Peru's largest trading partner" (Peru)
    or "India has become one of the biggest buyers of Russian oil" (Russia)."""
    for attr in head.children:
        if attr.dep_ != "attr":
            continue
        noun = attr
        if attr.lower_ == "one":  # "one of the biggest buyers"
            noun = next(iter(_objects_of(attr)), attr)
        if noun.lemma_.lower() not in _CUSTOMER_NOUNS:
            continue
        for child in noun.children:
            place = None
            if child.dep_ == "poss":
                place = sentence.place_at(child)
            elif child.dep_ == "prep" and child.lower_ == "of":
                place = _subtree_place(child, sentence, demonyms=True)
            if place is not None and place.kind in _TRADERS and place.key != own.key:
                return noun, place
    return None, None


def _supplier_noun(nouns, sentence: _Sentence) -> tuple[object | None, PlaceRef | None]:
    """Among *nouns*, the one that calls a subject a supplier ("Russia is now China's biggest
    supplier of crude oil") and the country it supplies, the noun's owner."""
    # ("Mexico overtook China as the biggest exporter to the United States": or the noun
    # after "as", the country it sells "to".)
    nouns = [
        *nouns,
        *(g for n in nouns if n.dep_ == "prep" and n.lower_ == "as" for g in n.children),
    ]
    for noun in nouns:
        if noun.lemma_.lower() not in _SUPPLIER_NOUNS:
            continue
        if noun.dep_ in ("attr", "appos"):
            for child in noun.children:
                place = sentence.place_at(child) if child.dep_ == "poss" else None
                if place is not None and place.kind in _TRADERS:
                    return noun, place
        if noun.dep_ in ("attr", "appos", "pobj"):
            for child in noun.children:
                if child.dep_ == "prep" and child.lower_ == "to":
                    place = _subtree_place(child, sentence)
                    if place is not None and place.kind in _TRADERS:
                        return noun, place
    return None, None


def _goods_of(keyword, sentence: _Sentence) -> list[str]:
    """What "imports of Russian crude oil" are of: the noun and its modifiers, without
    places or their adjectives."""
    # ("2.2 million barrels per day of Russian crude oil", "4 million tonnes a year of
    # liquefied natural gas": or what the rate is of.)
    rates = [
        g
        for c in keyword.children
        if c.dep_ == "prep" and c.lower_ == "per"
        for g in c.children
        if g.dep_ == "pobj"
    ] + [
        c
        for c in keyword.children
        if c.dep_ == "npadvmod" and c.lemma_.lower() in ("year", "day", "month", "week")
    ]
    for child in [*keyword.children, *(c for rate in rates for c in rate.children)]:
        if child.dep_ == "prep" and child.lower_ == "of":
            noun = next((c for c in child.children if c.dep_ == "pobj"), None)
            while noun is not None and _counted(noun):
                # "total trade of 253bn euros" is an amount, not goods; "exports of 20
                # million tonnes of LNG" are of what the amount is of.
                noun = next(iter(_objects_of(noun)), None)
            # ("20 million tonnes of LNG": goods the model may take for a name.)
            acronym = noun is not None and noun.pos_ == "PROPN" and noun.text.isupper()
            if noun is None or (noun.pos_ != "NOUN" and not acronym) or sentence.place_at(noun):
                return []
            return _goods_named(noun, sentence)
    return []


# What a country is to another, which an aside about it may say instead of its goods.
_ROLE_NOUNS = _SUPPLIER_NOUNS | _CUSTOMER_NOUNS | {"ally", "neighbour", "neighbor", "rival"}


_MOSTLY = frozenset({"mostly", "mainly", "largely", "chiefly", "primarily"})


def _goods_aside(keyword, sentence: _Sentence) -> str | None:
    """ "Imports from Russia, mostly oil and gas, fell 6%": the goods an aside names, hung
    on the noun or on the country it comes from."""
    holders = [
        keyword,
        *(g for c in keyword.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"),
    ]
    for holder in holders:
        for aside in holder.children:
            # (The model may join "mostly oil" to the country as if it were another.)
            marked = any(c.lower_ in _MOSTLY for c in aside.children)
            if not (aside.dep_ == "appos" or (aside.dep_ == "conj" and marked)):
                continue
            if aside.pos_ != "NOUN" or sentence.place_at(aside):
                continue
            if aside.lemma_.lower() in _NOT_GOODS | _ROLE_NOUNS or _counted(aside):
                continue
            if any(c.dep_ == "poss" for c in aside.children):
                continue  # "Iraq, traditionally India's top supplier": what it is to whom
            nouns = [aside, *(c for c in aside.children if c.dep_ == "conj" and c.pos_ == "NOUN")]
            return " and ".join(n.text for n in nouns)
    return None


def _counted(noun) -> bool:
    """Whether *noun* is counted out ("253bn euros", "20 million tonnes"): an amount."""
    return noun.ent_type_ in ("MONEY", "QUANTITY") or any(
        c.dep_ in ("nummod", "quantmod") or c.like_num or c.text[:1].isdigit()  # "253bn"
        for c in noun.children
    )


def _goods_named(noun, sentence: _Sentence) -> list[str]:
    """The goods noun with the words before it that say what it is ("crude oil"), without
    places or their adjectives ("Russian")."""
    words = [
        t.text
        for t in noun.children
        if t.dep_ in ("compound", "amod") and t.i < noun.i and not sentence.place_at(t)
    ]
    return [*words, noun.text]


_ARMED_FORCES = frozenset({"troop", "soldier", "warship", "military", "army", "navy"})


def _alliance_noun(token) -> bool:
    if _noun_in(token, _ALLIANCE_NOUNS):
        return True
    if not _noun_in(token, _AGREEMENT_NOUNS):
        return False
    if any(t.lower_ in _SECURITY_WORDS for t in token.subtree if t.i < token.i):
        return True
    # "signed a reciprocal access agreement …, allowing their troops to train in each
    # other's countries": what the agreement lets armed forces do says it is about defence.
    told = [c for c in token.head.children if c.dep_ in ("advcl", "acl") and c.tag_ == "VBG"]
    told += [c for c in token.children if c.dep_ in ("acl", "relcl")]
    return any(t.lemma_.lower() in _ARMED_FORCES for c in told for t in c.subtree)


# Words about a pact, not of its name.
_PACT_ASIDES = frozenset(
    {"similar", "same", "such", "another", "new", "landmark", "historic", "major", "first"}
)


# Verbs a headline makes a pact with, which the model may read as a word of its name.
_PACT_MAKING = frozenset({"sign", "signs", "seal", "seals", "ink", "inks", "renew", "renews"})


def _alliances(sentence, ctx) -> list[EventDraft]:
    drafts = []
    for token in sentence.sent:
        if not _alliance_noun(token):
            continue
        window_start = max(sentence.sent.start, token.i - 8)
        members = []
        for t in sentence.sent.doc[window_start : token.i]:
            if t.pos_ in ("VERB", "AUX") or t.text in (".", ";"):
                members = []
                continue
            place = sentence.place_at(t)
            if place is not None and place.kind == "country" and place.key not in members:
                members.append(place.key)
        if len(members) < 2:
            members = _partners_with(token, sentence) or _signatories(token, sentence)
        if len(members) < 2:
            # "… and the two countries signed a defence agreement": the last pair named —
            # in the sentence itself, if it names two before ("The UAE agreed to invest $10
            # billion in Turkey and the two countries signed …").
            # ("the two countries are expected to sign a comprehensive strategic
            # partnership": the pair may stand further back than the members would.)
            clause = sentence.sent.doc[max(sentence.sent.start, token.i - 12) : token.i]
            said = _BILATERAL.search(clause.text)
            before = list(
                dict.fromkeys(
                    p.key
                    for p in sentence.places
                    if p.kind == "country" and said and p.start < clause.start_char + said.start()
                )
            )
            if said and len(before) == 2:
                members = before
            elif said and ctx.last_pair is not None:
                members = list(ctx.last_pair)
        if len(members) < 2:
            continue
        # The partnership's own words: what stands between its members and the noun
        # ("China and Russia's “no limits” friendship" -> "“no limits” friendship").
        start = token.i
        while start > window_start:
            previous = sentence.sent.doc[start - 1]
            if sentence.place_at(previous) is not None or previous.dep_ == "case":
                break
            if previous.pos_ in ("VERB", "AUX", "ADP", "CCONJ") or previous.lower_ in (
                "a",
                "an",
                "the",
                "its",
                "their",
            ):
                break
            if previous.lower_ in _PACT_ASIDES:
                break  # "a similar pact", "a landmark defence deal": not part of its name
            if previous.lower_ in _PACT_MAKING:
                break  # "Australia and PNG sign defence treaty": a headline's verb, as a noun
            start -= 1
        name = sentence.sent.doc[start : token.i + 1].text.strip() or token.text
        like = sentence.sent.doc[start - 1].lower_ if start > 0 else ""
        if like in ("similar", "same", "such") and ctx.pact_name and start == token.i:
            name = ctx.pact_name  # "a similar pact" after "a security treaty": that kind
        ctx.pact_name = name
        # "… signed a comprehensive economic partnership agreement in March": when it was
        # made, if the verb making it says.
        # ("will sign a defence pact on Monday": a pact to be made that day.)
        date, status = None, _pact_status(token)
        pact = token
        while pact.dep_ == "compound":
            pact = pact.head  # "a comprehensive economic partnership agreement"
        if pact.dep_ == "dobj" and pact.head.lemma_.lower() in _SIGNING_VERBS:
            if status == "happened" and _status(pact.head) == "scheduled":
                status = "scheduled"
            date = _nearest_date(
                _own_dates(pact.head, ctx.dates_in(sentence)),
                token.idx,
                ctx.anchor,
                "future" if status != "happened" else "past",
            )
        drafts.append(
            EventDraft(
                kind="alliance",
                key=("alliance", tuple(sorted(members))),
                spans=[sentence.span()],
                fields={"name": name, "members": members},
                date=date,
                status=status,
            )
        )
    return drafts


# A pact under one of these is sought, not made ("has demanded a defence pact with …").
_SEEKING_VERBS = frozenset(
    {"demand", "seek", "want", "propose", "push", "negotiate", "discuss", "consider", "call"}
)
_UNMADE = frozenset({"proposed", "planned", "possible", "potential", "future", "prospective"})


def _pact_status(noun) -> str:
    if any(c.dep_ == "amod" and c.lower_ in _UNMADE for c in noun.children):
        return "proposed"
    verb = next((a for a in noun.ancestors if a.pos_ == "VERB"), None)
    if verb is not None and (
        verb.lemma_.lower() in _SEEKING_VERBS | _WISHING_WORDS or verb.lower_ in _WISHING_FORMS
    ):
        return "proposed"
    return "happened"


# Verbs by which countries make a pact together: "Japan and the Philippines signed a pact".
_SIGNING_VERBS = frozenset(
    {
        "sign", "conclude", "seal", "ink", "forge", "form", "strike", "renew", "finalise",
        "finalize", "declare", "announce", "establish",
    }
)  # fmt: skip


def _signatories(noun, sentence: _Sentence) -> list[str]:
    """The countries that are the subject of the verb making the pact, when two or more."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in _SIGNING_VERBS:
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return []
    members: list[str] = []
    for t in [subject, *subject.conjuncts]:
        place = sentence.named_place_at(t)
        if place is None and sentence.actor_at(t) is not None:
            # "Russian President Vladimir Putin and North Korean leader Kim Jong Un signed":
            # the leaders sign for the countries their titles name.
            place = next(
                (
                    found
                    for w in t.subtree
                    if w.i < t.i
                    and w.dep_ in ("amod", "compound", "poss", "nmod")
                    and (found := sentence.place_at(w)) is not None
                ),
                None,
            )
        if place is not None and place.kind == "country" and place.key not in members:
            members.append(place.key)
    return members if len(members) >= 2 else []


def _allies(sentence) -> list[EventDraft]:
    """ "The United States, a treaty ally of Japan and the Philippines", "France is an ally
    of Poland": one alliance of the country and each it is an ally of."""
    drafts = []
    for noun in sentence.sent:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() != "ally":
            continue
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None:
            continue
        if noun.dep_ == "appos":
            owner = sentence.named_place_at(noun.head)
        elif noun.dep_ == "attr":
            subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
            owner = sentence.named_place_at(subject) if subject is not None else None
        else:
            owner = None
        if owner is None or owner.kind != "country":
            continue
        treaty = any(c.dep_ in ("compound", "amod") and c.lower_ == "treaty" for c in noun.children)
        for t in of.subtree:
            other = sentence.named_place_at(t)
            if other is None or other.kind != "country" or other.key == owner.key:
                continue
            members = [owner.key, other.key]
            key = ("alliance", tuple(sorted(members)))
            if any(d.key == key for d in drafts):
                continue
            drafts.append(
                EventDraft(
                    kind="alliance",
                    key=key,
                    spans=[sentence.span()],
                    fields={
                        "name": "treaty alliance" if treaty else "alliance",
                        "members": members,
                    },
                    status="happened",
                )
            )
    return drafts


def _partners_with(noun, sentence: _Sentence) -> list[str]:
    """Members told around the noun: "Australia is part of the Aukus pact with the United
    States and Britain" — the clause's subject and the countries after "with" — or all of
    them after "between"."""
    partners: list[str] = []
    # ("signed a security pact with China last year": the model may hang the "with" on the
    # verb the pact is the object of.)
    withs = [c for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "with"]
    signed = noun.dep_ == "dobj" and noun.head.lemma_.lower() in _SIGNING_VERBS
    for child in [*noun.children, *(withs if signed else [])]:
        if child.dep_ == "prep" and child.lower_ == "between":
            # "an alliance between Kenya and Ethiopia": every member is named after it.
            between = [
                place.key
                for t in child.subtree
                if (place := sentence.named_place_at(t)) is not None and place.kind == "country"
            ]
            return list(dict.fromkeys(between)) if len(set(between)) >= 2 else []
        if child.dep_ == "prep" and child.lower_ == "with":
            for t in child.subtree:
                place = sentence.place_at(t)
                if place and place.kind == "country" and place.key not in partners:
                    partners.append(place.key)
    if not partners:
        return []
    token = noun
    for _ in range(4):  # up through "part of the … pact" to the clause's verb
        if token.pos_ in ("VERB", "AUX"):
            break
        if token.head == token:
            return []
        token = token.head
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and token.dep_ in ("xcomp", "conj"):
        # "Russia seeks to deepen its partnership with China": the subject of the seeking;
        # "The Solomon Islands switched recognition … and signed a security pact with
        # China": of the verb it is joined to.
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    place = sentence.place_at(subject) if subject is not None else None
    if place is None or place.kind != "country" or place.key in partners:
        return []
    return [place.key, *partners]


def _institutions(sentence, ctx) -> list[EventDraft]:
    drafts = []
    for token in sentence.sent:
        if not _noun_in(token, _INSTITUTION_NOUNS):
            continue
        place = None
        # ("plans to open a consulate in Lubumbashi": the model may hang "in" on the verb.)
        verb_preps = list(token.head.children) if token.dep_ == "dobj" else []
        for child in [*token.children, *verb_preps]:
            if place is not None and child in verb_preps:
                break
            if child.dep_ == "prep" and child.lower_ in ("in", "at"):
                place = _subtree_place(child, sentence)
                # "an embassy in Paraguay's capital Asuncion": in the city the phrase names.
                city = next(
                    (
                        found
                        for t in child.subtree
                        if (found := sentence.place_at(t)) is not None
                        and found.kind == "city"
                        and not found.demonym
                    ),
                    None,
                )
                if (
                    place is not None
                    and city is not None
                    and city.country_code == place.country_code
                ):
                    place = city
        verb = token.head
        if (
            place is None
            and token.dep_ == "dobj"
            and verb.dep_ == "relcl"
            and any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children)
        ):
            place = sentence.place_at(verb.head)  # "Marseille, where India is opening a consulate"
        if place is None or place.demonym or place.kind == "continent" or place.members:
            continue  # ("embassies in 53 of Africa's 54 countries": no one place)
        organisation = None
        for ent in sentence.sent.ents:
            # The organisation names the office: "a Nato liaison office", "the FBI field office".
            if (
                ent.label_ == "ORG"
                and 0 <= token.i - ent.end <= 3
                # (not "The Times visited a factory in Dongguan": a verb between)
                and not any(t.pos_ in ("VERB", "AUX") for t in sentence.sent.doc[ent.end : token.i])
            ):
                organisation = re.sub(r"^(?:the|The)\s+", "", ent.text)
        if (
            organisation is None
            and token.dep_ == "dobj"
            and (
                any(c.dep_ == "poss" and c.lower_ == "its" for c in token.children)
                or verb.lemma_.lower() in _HOLDING_VERBS
            )
        ):
            # "Tesla opened its first European factory in Gruenheide": whose "its" is;
            # "Tesla has factories in Fremont": whose they are.
            doer = verb.head if verb.dep_ == "xcomp" else verb
            organisation = next(
                (
                    ent.text
                    for c in doer.children
                    if c.dep_ == "nsubj"
                    for ent in sentence.sent.ents
                    if ent.label_ == "ORG" and ent.start <= c.i < ent.end
                ),
                None,
            )
        words = [t.text for t in token.lefts if t.dep_ == "compound" and t.ent_type_ != "ORG"]
        name = " ".join([organisation or "", *words, token.text]).strip()
        owner_place = None  # the country whose post it is: "US", "the United States"
        also_owners: list[PlaceRef] = []  # "China, Pakistan and Iran have kept their embassies"
        if organisation is None and _noun_lemma(token) in _POSTS_ABROAD:
            # A country's post abroad: "the Saudi embassy in Tehran", "where India is
            # opening a consulate".
            owner = next(
                (
                    c
                    for c in token.children
                    if c.dep_ in ("amod", "compound", "poss")
                    and (found := sentence.place_at(c)) is not None
                    and found.kind == "country"
                ),
                None,
            )
            if owner is not None:
                organisation, name = owner.text, f"{owner.text} {token.text}"
                owner_place = sentence.place_at(owner)
            elif token.dep_ == "dobj":
                doer = verb.head if verb.dep_ == "xcomp" else verb  # "plans to open"
                subject = next((c for c in doer.children if c.dep_ == "nsubj"), None)
                if (
                    subject is not None
                    and subject.lower_ in ("which", "that")
                    and doer.dep_ == "relcl"
                ):
                    subject = doer.head  # "Russia, which has had a naval base at Tartus"
                found = sentence.place_at(subject) if subject is not None else None
                if found is not None and found.capital and not found.demonym:
                    # "Tokyo plans to open a consulate": the capital speaks for its country.
                    found = next(
                        (
                            p
                            for p in sentence.article_places
                            if p.kind == "country"
                            and p.country_code == found.country_code
                            and not p.demonym
                        ),
                        None,
                    )
                if found is not None and found.kind == "country" and not found.demonym:
                    # ("South Korea reopened its embassy": the whole name, not its head.)
                    country = sentence.sent.doc.text[found.start : found.end]
                    organisation, name = country, f"{_possessive(country)} {token.text}"
                    owner_place = found
                    also_owners = [
                        other
                        for other in _conjoined(found, sentence, sentence.named_place_at)
                        if other.kind == "country" and not other.demonym
                    ]
            if organisation is not None and sentence.place_at(token) is None:
                owned = sentence.place_at(owner) if owner is not None else found
                if owned is not None and owned.country_code == place.country_code:
                    continue  # a country's own embassy at home is no post abroad
        if organisation is None and _noun_lemma(token) in _WORKS_NOUNS:
            # "opened the carmaker's first European factory": the one company the sentence
            # names.
            companies = {e.text for e in sentence.sent.ents if e.label_ == "ORG"}
            if len(companies) == 1 and any(
                c.dep_ == "poss" and c.lemma_.lower() in _COMPANY_NOUNS for c in token.children
            ):
                (organisation,) = companies
                name = f"{organisation} {token.text}"
        if organisation is None:
            continue
        context = {t.lemma_.lower() for t in sentence.sent}
        status = "proposed" if context & _PROPOSAL_MARKERS else "happened"
        date = None
        if token.dep_ == "dobj" and verb.pos_ == "VERB":
            # "Britain will reopen its embassy in Kabul next month": an opening ahead, and
            # when.
            ahead = _status(verb) == "scheduled"
            if ahead and status == "happened":
                status = "scheduled"
            date = _nearest_date(
                [p for p in _own_dates(verb, ctx.dates_in(sentence)) if not _since(p, ctx.text)],
                verb.idx,
                ctx.anchor,
                "future" if ahead else "past",
            )
            if (
                date is not None
                and not ahead
                and verb.lemma_.lower()
                in _HOLDING_VERBS
                - {
                    "open",
                    "close",
                    "build",
                }
            ):
                date = None  # "has factories in Fremont": held, not done on a day
        # "Tesla has factories in Fremont, California, Shanghai and Austin": one at each town.
        sites = [place]
        if _noun_lemma(token) in _WORKS_NOUNS:
            sites += [
                other
                for other in _conjoined(place, sentence, sentence.named_place_at)
                if other.kind == "city"
            ]
        owned = [(owner_place, organisation, name)]
        for other in also_owners:
            country = sentence.sent.doc.text[other.start : other.end]
            owned.append((other, country, f"{_possessive(country)} {token.text}"))
        for (owner, organisation, name), site in itertools.product(owned, dict.fromkeys(sites)):
            drafts.append(
                EventDraft(
                    kind="institution",
                    # (One owner however named: "US opens embassy" above "the United States
                    # reopened its embassy in Honiara".)
                    key=(
                        "institution",
                        owner.key if owner is not None else organisation.lower(),
                        site.key,
                    ),
                    spans=[sentence.span()],
                    fields={"name": name, "organisation": organisation, "place": site.key},
                    date=date,
                    status=status,
                )
            )
    return drafts


def _possessive(name: str) -> str:
    """ "South Korea's", "the Philippines'": a country's name as the owner of its post."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


# Verbs by which a subject holds what it has, builds or opens somewhere.
_HOLDING_VERBS = frozenset({"have", "own", "operate", "run", "build", "open", "close"})
# A company's works abroad, which the company names.
_WORKS_NOUNS = frozenset({"factory", "plant", "gigafactory"})
# What a company is called once named: "the carmaker's first European factory".
_COMPANY_NOUNS = frozenset(
    {"company", "carmaker", "automaker", "firm", "group", "manufacturer", "maker", "giant"}
)


def _fold_arrivals_told_again(drafts: list[EventDraft], anchor: dt.date) -> list[EventDraft]:
    """ "Pope Francis arrived in Indonesia on Tuesday … will stay in Jakarta until Friday …
    Francis landed at Jakarta's airport after a flight from Rome": an undated arrival at
    where the traveller's trip under way already is, made, is that stay told again; it
    gives the stay its words and where it began."""
    kept: list[EventDraft] = []
    for draft in drafts:
        stay = (
            next(
                (
                    d
                    for d in drafts
                    if d is not draft
                    and d.kind == "visit"
                    and d.fields["actor"] == draft.fields["actor"]
                    and d.fields["destination"] == draft.fields["destination"]
                    and d.status == "happened"
                    and d.date is not None
                    and abs((d.date.start - anchor).days) <= _SAME_TRIP_DAYS
                    and d.fields["origin"] in (None, draft.fields["origin"])
                    and not d.fields.get("returning")
                ),
                None,
            )
            if draft.kind == "visit"
            and draft.date is None
            and draft.status == "happened"
            and not draft.fields.get("returning")
            and not draft.fields.get("again")
            else None
        )
        if stay is None:
            kept.append(draft)
            continue
        _take_excerpts(stay, draft)
        if not draft.fields.get("met_there"):
            stay.fields["met_there"] = False  # travel, not only a meeting there
        if stay.fields["origin"] is None and draft.fields["origin"] is not None:
            stay.fields["origin"] = draft.fields["origin"]
            if draft.fields.get("origin_inferred"):
                stay.fields["origin_inferred"] = True
    return kept


def _fold_office_countries(
    drafts: list[EventDraft], where: dict[str, PlaceRef]
) -> list[EventDraft]:
    """ "India opens embassy in Paraguay" above "opened an embassy in Paraguay's capital
    Asuncion": one office, in the city; the country's mention is another excerpt of it."""
    kept: list[EventDraft] = []
    for draft in drafts:
        country = where.get(draft.fields.get("place", "")) if draft.kind == "institution" else None
        city = (
            next(
                (
                    d
                    for d in drafts
                    if d.kind == "institution"
                    and d.key[1] == draft.key[1]
                    and (found := where.get(d.fields["place"])) is not None
                    and found.kind == "city"
                    and found.country_code == country.country_code
                ),
                None,
            )
            if country is not None and country.kind == "country"
            else None
        )
        if city is None:
            kept.append(draft)
            continue
        _take_excerpts(city, draft)
    return kept


# Where one country keeps its people in another.
_DIPLOMATIC_POSTS = frozenset({"embassy", "consulate", "mission"})
# What a country keeps abroad: its diplomatic posts and its bases ("Russia has had a naval
# base at Tartus since 1971").
_POSTS_ABROAD = _DIPLOMATIC_POSTS | {"base"}
_CONFLICT_NOUN_PREPS = ("in", "of", "on", "against", "around", "near", "outside")


# How much of a place is taken: "seized control of most of Goma".
_SHARES_OF = frozenset({"most", "much", "part", "parts", "all", "half", "swathe", "large"})


def _force(token, sentence: _Sentence, ctx) -> list[EventDraft]:
    """ "Moscow annexed Crimea in 2014": the places taken or struck by a verb of force whose
    object names them ("annexed Donetsk, Luhansk, Kherson and Zaporizhzhia": one act on
    four); dated by the verb's own clause. An act is its own event, apart from the fighting
    at the same place."""
    name = _FORCE_VERBS.get(token.lemma_.lower())
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    if (
        token.lemma_.lower() in ("take", "seize", "gain")
        and obj is not None
        and obj.lower_ == "control"  # "fighters had taken control of Rostov-on-Don"
    ):
        name = name or "capture of"  # (a seizure, "seized control of Goma", is one still)
        obj = next(iter(_objects_of(obj)), None)
        if obj is not None and obj.lemma_.lower() in _SHARES_OF:
            obj = next(iter(_objects_of(obj)), None)  # "control of most of Goma"
    if token.pos_ != "VERB" or name is None or _negated(token):
        return []
    if any(
        c.dep_ in ("nsubj", "nsubjpass", "agent")
        and any(g.lemma_.lower() in _HAZARDS for g in c.subtree)
        for c in token.children
    ):
        return []  # "Locust swarms invade East Africa": a plague, no army
    if obj is None and token.i + 1 < sentence.sent.end:
        # "captured Bakhmut in May": the model may not make the name the object.
        following = token.doc[token.i + 1]
        obj = following if sentence.named_place_at(following) is not None else None
    relative = False
    if (
        obj is not None
        and obj.lower_ in ("which", "that")
        and token.dep_ == "relcl"
        and sentence.named_place_at(token.head) is not None
    ):
        obj = token.head  # "Crimea, which Russia annexed in 2014"
        relative = True
    # A strike hits what stands in a place ("shelled Kharkiv's station"); taking or attacking
    # has the place itself as object ("attacked the governor of Texas" takes no town).
    owners = name.split()[0] in ("bombing", "shelling", "bombardment")
    place = _object_place(obj, sentence, owners=owners) if obj is not None else None
    if (
        place is not None
        and obj is not None
        and name in _TAKING
        and place.kind == "city"
        and sentence.named_place_at(obj) is None
        and _noun_in(obj, _TARGET_NOUNS)
    ):
        # "M23 rebels seize Goma airport": a site taken in the city, as "seized the airport
        # in Goma" tells it.
        name = f"{name.split()[0]} in"
    if (
        place is None
        and obj is not None
        and name in _TAKING
        and _noun_in(obj, _TARGET_NOUNS | _SEATS_OF_POWER)
        # (by armed force: not protesters who stormed a parliament)
        and _armed_subject(token, sentence)
    ):
        # "recaptured the presidential palace in central Khartoum": a site taken in the
        # city, not the city ("Recapture in Khartoum").
        # (the model may hang the "in" on the verb)
        place = _where_in([*obj.children, *token.children], sentence)
        if place is not None and place.kind != "city":
            place = None
        name = f"{name.split()[0]} in"
        # "seized the army's last stronghold in Darfur, the city of El Fasher": the site
        # is the city its apposition names (the model may hang that on the region).
        called = next(
            (
                found
                for t in obj.subtree
                if t.dep_ == "appos"
                and t.lemma_.lower() in _PLACE_NOUNS
                and (found := _object_place(t, sentence)) is not None
                and found.kind == "city"
            ),
            None,
        )
        if called is not None:
            place, name = called, f"{name.split()[0]} of"
    if place is None:
        return []
    if relative and place is not None and (place.members or place.kind == "continent"):
        # "the largest U.S. base in the Middle East, which Iran attacked": the model may
        # hang the clause on the region the base is in; no one attacks a whole region so.
        return []
    # (Only the place its relative clause is about: "Khartoum, which it retook in March, and
    # Port Sudan" did not take Port Sudan.)
    places = [
        each.key
        for each in [
            place,
            *([] if relative else _conjoined(place, sentence, sentence.named_place_at)),
        ]
        if each.kind in ("country", "region", "city")
    ]
    if not places:
        return []
    date = _nearest_date(_own_dates(token, ctx.dates_in(sentence)), token.idx, ctx.anchor, "past")
    if date is None and token.dep_ == "ccomp" and token.head.lemma_.lower() in _ATTRIBUTION_VERBS:
        # "The RSF said on Sunday they had seized El Fasher": told as done by the day it was
        # said, and likely just then.
        date = _nearest_date(
            _own_dates(token.head, ctx.dates_in(sentence)), token.head.idx, ctx.anchor, "past"
        )
    # One act, done: later fighting is not more of it (see _conflicts).
    fields = {"name": name, "places": list(dict.fromkeys(places)), "act": True}
    attackers = [p.key for p in _attacking_countries(token, sentence) if p.key not in places]
    if attackers:
        fields["by"] = list(dict.fromkeys(attackers))
    return [
        EventDraft(
            kind="conflict",
            key=("conflict", places[0], _SAME_ACTS.get(name, name)),
            spans=[sentence.span()],
            fields=fields,
            date=date,
        )
    ]


# What is fired at a place, and who or what strikes or pushes into one: armed force, not a
# storm that "hit" a coast or a company that "struck" a market.
_PROJECTILES = frozenset(
    {"rocket", "missile", "drone", "shell", "mortar", "salvo", "barrage", "projectile", "bomb"}
)
_ARMED = frozenset(
    {
        "jet", "warplane", "aircraft", "plane", "helicopter", "drone", "missile", "rocket",
        "troop", "force", "army", "military", "soldier", "tank", "artillery", "navy",
        "militant", "fighter", "gunman", "rebel", "militia", "warship", "coalition",
        "jihadist", "insurgent", "guerrilla", "gang",
    }
)  # fmt: skip
# What strikes hit in a place ("struck targets in Beirut", "a hospital in Kyiv"). (Not the
# goals of trade figures: _GOAL_NOUNS.)
_TARGET_NOUNS = frozenset(
    {
        "target", "position", "site", "base", "area", "suburb", "district", "facility", "depot",
        "refinery", "airfield", "airport", "plant", "infrastructure", "consulate", "embassy",
        "terminal", "warehouse", "substation", "station", "building", "airbase", "hospital",
        "school", "market", "bridge", "camp", "factory", "headquarters", "compound",
        "complex", "checkpoint", "outpost", "barracks", "garrison", "port", "dam", "pipeline",
        "stronghold", "block", "house", "home", "cafe", "restaurant", "tent", "prison",
        "jail",
        "hotel", "apartment", "church", "mosque", "university", "shelter", "location",
        # Vehicles struck where they are: "a drone struck a bus in the Sumy region".
        "bus", "train", "car", "vehicle", "convoy", "truck", "minibus", "ambulance",
    }
)  # fmt: skip
# People an armed force strikes where they are ("struck Hamas leaders in Doha").
_PEOPLE_STRUCK = frozenset(
    {"leader", "commander", "official", "militant", "fighter", "operative", "member", "chief"}
)
# Ships attacked where they sail ("attacked a cargo ship in the Red Sea"): an attack on
# shipping there, the sea or the port.
_SHIP_NOUNS = frozenset(
    {"ship", "vessel", "tanker", "freighter", "carrier", "boat", "shipping", "warship"}
)
_FIRING_VERBS = frozenset({"fire", "launch"})
# Verbs of striking back, which say with what: "responded with a barrage of missiles".
_ANSWERING_VERBS = frozenset({"respond", "retaliate", "reply", "answer"})
# What counts what is fired: "dozens of rockets", "a barrage of missiles".
# What singles out one act or a run of them: "launched one of its largest drone attacks on
# Moscow", "a series of strikes" (the act the verb tells, not a noun's of its own).
_ONE_OF = frozenset({"one", "series", "spate"})
_COUNTS_OF = frozenset(
    {
        "dozen",
        "hundred",
        "thousand",
        "score",
        "number",
        "volley",
        "wave",
        "barrage",
        "salvo",
        "round",
        *_ONE_OF,
    }
)
# Where ships lie when struck: "a submarine being repaired at a shipyard in Sevastopol".
_DOCKS = frozenset({"shipyard", "dock", "port", "harbour", "harbor", "base", "naval"})
# An assault someone launches, mounts or carries out on a place.
_LAUNCHING_VERBS = frozenset({"launch", "mount", "begin", "start", "stage", "conduct", "carry"})
_ASSAULT_NOUNS = frozenset(
    {
        "assault", "attack", "offensive", "raid", "incursion", "counteroffensive", "strike",
        "airstrike", "bombardment", "bombing",
    }
)  # fmt: skip
_STRIKING_VERBS = frozenset(
    {"strike", "hit", "target", "pound", "raid", "attack", "bomb", "overrun", "storm",
     "overran",  # (the model leaves "overran" as it is)
     "sink"}  # "the Houthis had sunk the bulk carrier Eternity C in the Red Sea"
)  # fmt: skip
_ADVANCING_VERBS = frozenset({"push", "advance", "move", "roll", "enter", "sweep", "press"})


def _doer(verb):
    """Who did what a passive verb tells: "was hit by a missile fired by Houthi rebels" (the
    rebels: a weapon's own "by" says whose it was), "was struck by Israeli jets"."""
    agent = next(
        (p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"),
        None,
    )
    if agent is None:
        return None
    fired_by = next(
        (
            p
            for acl in agent.children
            if acl.dep_ == "acl"
            for c in acl.children
            if c.dep_ == "agent"
            for p in c.children
            if p.dep_ == "pobj"
        ),
        None,
    )
    return fired_by if fired_by is not None and agent.lemma_.lower() in _PROJECTILES else agent


def _how_done(verb) -> list:
    """The words hung on how *verb*'s act was done, which may say where: "struck a tanker
    with a missile in the Red Sea", "was hit by a missile fired by Houthi rebels in the Red
    Sea" — and where the model hangs the "with" on what was struck ("struck a cargo ship
    with two missiles in the Gulf of Aden")."""
    struck = [c for c in verb.children if c.dep_ == "dobj"]
    means = [
        p
        for c in [*verb.children, *(g for o in struck for g in o.children)]
        if (c.dep_ == "prep" and c.lower_ == "with") or (c.dep_ == "agent" and c.head == verb)
        for p in c.children
        if p.dep_ == "pobj"
    ]
    doer = _doer(verb)
    if doer is not None and doer not in means:
        means.append(doer)
    return [g for p in means for g in p.children] + [
        g for p in means for acl in p.children if acl.dep_ == "acl" for g in acl.children
    ]


def _armed_subject(verb, sentence: _Sentence) -> bool:
    """Whether *verb*'s subject is armed force: troops, jets, a country or a named group
    ("Israeli jets", "Iran", "Hezbollah") — or, told in the passive, whoever did it ("was
    hit by a missile")."""
    # (The model may give a verb two subjects: "Sudan's paramilitary Rapid Support Forces
    # said", the adjective too; "GOMA, … Jan 28 (Reuters) - Rwanda-backed M23 rebels
    # seized", the dateline too. Either may be the one.)
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "ADJ"]
    if not subjects and any(c.dep_ == "nsubjpass" for c in verb.children):
        doer = _doer(verb)
        subjects = [doer] if doer is not None else []
    return any(_armed_one(subject, verb, sentence) for subject in subjects)


def _armed_one(subject, verb, sentence: _Sentence) -> bool:
    if subject.lemma_.lower() in _ARMED or _plain_noun(subject) in _ARMED:
        return True
    if subject.lower_ in ("that", "which") and verb.dep_ == "relcl":
        subject = verb.head  # "a Russian attack that struck the cities of Lviv and Lutsk"
    if _noun_lemma(subject) in _ASSAULT_NOUNS and any(
        c.dep_ in ("amod", "compound", "nmod", "poss")
        and (
            c.lower_ in _ARMED_ATTACK_WORDS
            or getattr(sentence.place_at(c), "kind", None) == "country"
        )
        for c in subject.children
    ):
        return True  # "A Russian attack struck …", "a drone strike hit …": force by its kind
    if subject.lower_ in ("it", "they", "we") and verb.dep_ == "ccomp" and verb.head != verb:
        # "Ukraine's military said it had struck a landing ship": who said it did it.
        return _armed_subject(verb.head, sentence)
    place = sentence.place_at(subject)
    if place is not None:
        return place.kind == "country" and not place.demonym
    return subject.ent_type_ in ("ORG", "NORP") and subject.pos_ == "PROPN"


def _acts_told_before(verb, ctx) -> EventDraft | None:
    """ "the strikes hit residential buildings", after "Israel struck Iran's nuclear
    facility": the armed acts of that name the article told last, whoever did them."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not _definite(subject):
        return None
    noun = _noun_lemma(subject)
    if noun not in _ASSAULT_NOUNS:
        return None
    return next(
        (
            act
            for act in reversed(ctx.acts)
            # ("strikes on", "air strike on": the noun before the preposition.)
            if len(words := act.fields["name"].split()) >= 2 and words[-2].removesuffix("s") == noun
        ),
        None,
    )


def _struck_too(verb, sentence: _Sentence, ctx) -> EventDraft | None:
    """ "The port of Chornomorsk, south of Odesa, was also hit", after "Russia attacked
    Odesa …": a place struck "also" in the passive was struck by the armed acts the article
    told last, in this paragraph or the one before."""
    if verb.lemma_.lower() not in _STRIKING_VERBS or not ctx.acts:
        return None
    if not any(c.dep_ == "auxpass" for c in verb.children) or not any(
        c.dep_ == "advmod" and c.lower_ == "also" for c in verb.children
    ):
        return None
    struck = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    place = _object_place(struck, sentence, owners=False) if struck is not None else None
    if place is None or place.kind not in ("city", "region"):
        return None
    act = ctx.acts[-1]
    told_at = max(end for _, end in act.spans)
    between = ctx.text[told_at : sentence.sent.start_char]
    return act if between.count("\n\n") <= 1 else None


def _where_clause_about(verb, sentence: _Sentence) -> PlaceRef | None:
    """The city or region a "where" clause told by *verb* hangs on ("Tehran, where …")."""
    if not _is_where_clause(verb):
        return None
    place = sentence.named_place_at(verb.head)
    return place if place is not None and place.kind in ("city", "region") else None


# What is launched in a place, not on it: an offensive there is fighting there.
_CAMPAIGN_OPENERS = frozenset({"offensive", "counteroffensive", "incursion"})


def _targets_country(target, sentence: _Sentence) -> PlaceRef | None:
    """The country whose adjective a target noun bears ("air strikes on Cambodian military
    targets", "struck two Cambodian military sites"): the targets are that country's, and
    no nearer place is told. (A group's targets, "Houthi targets", name no country.)"""
    return next(
        (
            found
            for c in target.children
            if c.dep_ in ("amod", "compound", "nmod")
            and (found := sentence.place_at(c)) is not None
            and found.kind == "country"
        ),
        None,
    )


def _where_in(preps, sentence: _Sentence) -> PlaceRef | None:
    """The place the first of *preps* that says where ("in", "across", "near", "around")
    names: "struck targets in Beirut's southern suburbs", "the facility at Natanz"."""
    for child in preps:
        if child.dep_ == "prep" and child.lower_ in (
            *("in", "at", "across", "near", "around", "off"),
            *("inside", "within"),  # "airbases deep inside Russia"
        ):
            # The place the phrase is about ("in Russia's Samara region": Samara), else any.
            named = next((c for c in child.children if c.dep_ == "pobj"), None)
            if named is None:
                continue  # "in what it says is solidarity with Palestinians in Gaza": a why
            place = (named is not None and _object_place(named, sentence)) or _subtree_place(
                child, sentence
            )
            if place is not None:
                return place
    return None


# Verbs of killing by force of arms, told of gunmen or troops: "Gunmen killed 26 men at a
# meadow near Pahalgam".
_ARMED_KILLING_VERBS = frozenset({"kill", "shoot", "massacre", "gun", "execute", "ambush"})


def _armed_killing(token, sentence: _Sentence, ctx) -> list[EventDraft]:
    """ "Gunmen killed 26 men at a meadow near Pahalgam on April 22", "Militants ambushed a
    convoy in Borno state": people armed killing where the clause says is an attack there,
    dated by its own clause. (Not police, nor a storm that killed: only armed force.)"""
    if (
        token.pos_ != "VERB"
        or token.lemma_.lower() not in _ARMED_KILLING_VERBS
        or _negated(token)
        or not any(
            c.dep_ == "nsubj"
            and (
                c.lemma_.lower() in _ARMED
                or _plain_noun(c) in _ARMED
                # ("Gunmen killed …": the model may take the word opening a paragraph for
                # a name.)
                or (c.lower_.endswith("men") and c.lower_[:-3] + "man" in _ARMED)
            )
            for c in token.children
        )
    ):
        return []
    place = _where_in(token.children, sentence)
    if place is None:
        # ("killed 26 men at a meadow near Pahalgam": where the spot named is.)
        place = next(
            (
                found
                for c in token.children
                if c.dep_ == "prep" and c.lower_ in ("at", "in", "on")
                for g in c.children
                if g.dep_ == "pobj"
                and sentence.named_place_at(g) is None
                and (found := _where_in(g.children, sentence)) is not None
            ),
            None,
        )
    if place is None or place.kind not in ("city", "region"):
        return []
    date = _nearest_date(_own_dates(token, ctx.dates_in(sentence)), token.idx, ctx.anchor, "past")
    return [
        EventDraft(
            kind="conflict",
            key=("conflict", place.key, "attack in"),
            spans=[sentence.span()],
            fields={"name": "attack in", "places": [place.key], "act": True},
            date=date,
        )
    ]


def _strike(token, sentence: _Sentence, ctx) -> list[EventDraft]:
    """ "Hezbollah fired about 100 rockets at Haifa", "Israeli jets struck targets in
    Beirut's southern suburbs", "Israeli troops pushed deeper into Jabalia": an armed act
    on a place, dated by its own clause."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or _negated(token):
        return []
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    place = None
    name = None
    also: list[PlaceRef] = []
    # An answer given with things fired ("responded with barrages of missiles at Tel Aviv").
    answer = (
        next(
            (
                g
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "with"
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        if lemma in _ANSWERING_VERBS
        else None
    )
    counting = []
    if lemma in _LAUNCHING_VERBS and obj is not None and obj.lemma_.lower() in _COUNTS_OF:
        # "carried out several rounds of strikes on Houthi targets": the strikes
        # ("launched a wave of air strikes across Iran": where, hung on what counts them)
        counting = list(obj.children)
        obj = next((o for o in _objects_of(obj) if o.lemma_.lower() in _ASSAULT_NOUNS), obj)
    if lemma in _LAUNCHING_VERBS and obj is not None and obj.lemma_.lower() in _ASSAULT_NOUNS:
        # "The RSF launched a fresh assault on El Fasher".
        preposition = "on"
        # ("launched a major assault on El Fasher": the model may hang the "on" on the verb.)
        for child in [*obj.children, *counting, *token.children]:
            if child.dep_ == "prep" and child.lower_ in ("on", "against", "into", "across"):
                preposition = "into" if child.lower_ == "into" else "on"
                # The place attacked, not one a phrase about it names ("an attack on its
                # rival's prices in Paris").
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
                if target is not None and target.lemma_.lower() in _COUNTS_OF:
                    # "launched air strikes on dozens of Houthi targets in Yemen"
                    target = next(iter(_objects_of(target)), target)
                place = _object_place(target, sentence, owners=False) if target else None
                if place is None and target is not None and _noun_in(target, _SHIP_NOUNS):
                    # "launched hundreds of drone attacks on ships in the Red Sea"
                    place = _where_in(target.children, sentence)
                    if place is not None:
                        name = "attacks on shipping in"
                        break
                if place is None and target is not None and _noun_in(target, _TARGET_NOUNS):
                    # "launched strikes on Houthi targets in Yemen": where the targets are;
                    # "carried out a strike on Beirut's southern suburbs": whose they are.
                    place = (
                        _where_in([*target.children, *obj.children, *token.children], sentence)
                        or next(
                            (
                                found
                                for c in target.children
                                if c.dep_ == "poss"
                                and (found := sentence.named_place_at(c)) is not None
                            ),
                            None,
                        )
                        or _targets_country(target, sentence)
                    )
                if place is not None:
                    break
        if place is None and any(
            c.dep_ == "prep" and c.lower_ in ("on", "against") for c in obj.children
        ):
            # "carries out air strikes against the PKK in the mountains of northern Iraq":
            # struck at a group, where the strikes are (or the group: "against Kurdistan
            # Workers Party (PKK) militants in northern Iraq").
            foes = [
                foe
                for c in obj.children
                if c.dep_ == "prep" and c.lower_ in ("on", "against")
                for pobj in c.children
                if pobj.dep_ == "pobj"
                for foe in [pobj, *(a for a in pobj.children if a.dep_ == "appos")]
                if foe.lemma_.lower() in _ARMED_GROUPS  # not "an attack on its rival's prices"
            ]
            place = _where_in(
                [*obj.children, *token.children, *(g for foe in foes for g in foe.children)],
                sentence,
            )
        if place is None and obj.lemma_.lower() in _CAMPAIGN_OPENERS:
            # "Azerbaijan launches offensive in Nagorno-Karabakh": where it is fought.
            place = _where_in([*obj.children, *token.children], sentence)
            if place is not None:
                preposition = "in"
        # "…, including the port of Hodeidah": the places the strikes are said to include.
        also = [
            named
            for child in [*obj.children, *token.children]
            if child.dep_ == "prep" and child.lower_ == "including"
            for pobj in child.children
            if pobj.dep_ == "pobj"
            and (named := _object_place(pobj, sentence, owners=False)) is not None
        ]
        # As told: "strikes on", "a fresh assault on".
        name = name or f"{obj.lower_ if obj.tag_ == 'NNS' else obj.lemma_.lower()} {preposition}"
    elif lemma in _FIRING_VERBS or answer is not None:
        if answer is not None:
            obj = answer  # "Iran responded with barrages of ballistic missiles at Tel Aviv"
        if obj is None:
            # "rockets were fired from Lebanon at the town of Kiryat Shmona"
            obj = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        counted = obj
        if obj is not None and obj.lemma_.lower() in _COUNTS_OF:
            obj = next(iter(_objects_of(obj)), obj)  # "fired dozens of rockets at Haifa"
        if obj is None or (_noun_lemma(obj) or obj.lemma_.lower()) not in _PROJECTILES:
            return []
        name = f"{_noun_lemma(obj) or obj.lemma_.lower()} attack on"
        # ("launched a barrage of drones at Ukraine's energy infrastructure": the "at" may
        # hang on what counts them.)
        counting = list(counted.children) if counted is not None and counted != obj else []
        # ("fired more than 100 missiles and about as many drones at Ukraine": or on the
        # last of the things fired.)
        # ("launched 14 ballistic missiles and 250 drones at Kyiv": or on the last of a
        # list of things fired.)
        others = [
            g
            for o in [*token.children, *obj.conjuncts]
            if (o.dep_ == "dobj" or o in obj.conjuncts) and o not in (obj, counted)
            for g in o.children
        ]
        for child in [*token.children, *obj.children, *counting, *others]:
            if child.dep_ == "prep" and child.lower_ in ("at", "on", "into", "toward", "towards"):
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
                if target is not None and target.lemma_.lower() in _SHIP_NOUNS:
                    # "fired missiles at merchant vessels near the Bab el-Mandeb strait"
                    place = _where_in(target.children, sentence)
                    name = "attacks on shipping in"
                else:
                    place = _subtree_place(child, sentence)
                if place is not None:
                    break
        # "… missiles at Israel, some of which hit buildings in Tel Aviv and Ramat Gan":
        # the towns the things fired hit.
        # (The model may hang the clause on the firing: "some of which" says whose it is.)
        also += [
            found
            for hit in [*obj.children, *token.children]
            if (
                (hit.dep_ == "relcl" and hit.head == obj)
                or (
                    hit.dep_ == "advcl"
                    and any(
                        c.dep_ == "nsubj" and any(g.lower_ == "which" for g in c.subtree)
                        for c in hit.children
                    )
                )
            )
            and hit.lemma_.lower() in _STRIKING_VERBS
            for target in hit.children
            if target.dep_ == "dobj"
            and (
                found := _object_place(target, sentence, owners=False)
                or _where_in(target.children, sentence)
            )
            is not None
        ]
    elif lemma in _STRIKING_VERBS:
        if obj is None:
            # "A tanker was hit by a missile": what was struck is the passive's subject.
            obj = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        counted = obj
        if obj is not None and obj.lemma_.lower() in _COUNTS_OF:
            # "have attacked dozens of merchant vessels in the Red Sea": what is counted
            obj = next(iter(_objects_of(obj)), obj)
        # ("The Houthis have attacked dozens of merchant vessels": whoever attacks ships is
        # armed, whatever the model made of the name.)
        at_sea = lemma in ("attack", "target") and obj is not None and _noun_in(obj, _SHIP_NOUNS)
        if obj is None or not (
            _armed_subject(token, sentence)
            or at_sea
            or _acts_told_before(token, ctx) is not None
            or _struck_too(token, sentence, ctx) is not None
        ):
            return []
        # ("struck Ukraine's second-largest city of Kharkiv": what the city is of.)
        place = sentence.named_place_at(obj) or _object_place(obj, sentence, owners=False)
        # As told: "attacked" an attack, "raided" a raid; struck, hit, pounded: strikes;
        # "overran a military base", "stormed a town": an attack by men on the ground.
        name = {
            "attack": "attack on", "raid": "raid on", "overrun": "attack on",
            "overran": "attack on", "storm": "attack on",
        }.get(lemma, "strikes on")  # fmt: skip
        if place is None and obj.lemma_.lower() in _SHIP_NOUNS:
            counting = list(counted.children) if counted is not obj else []
            place = _where_in(
                [*obj.children, *counting, *token.children, *_how_done(token)], sentence
            ) or _where_in(
                [
                    t
                    for t in obj.subtree
                    if t.dep_ == "pobj" and t.lemma_.lower() in _DOCKS
                    for t in t.children
                ],
                sentence,
            )
            name = "attacks on shipping in"
        elif place is None and obj.lemma_.lower() in _PEOPLE_STRUCK:
            # "Israel struck Hamas leaders in Doha": where the people were.
            place = _where_in([*obj.children, *token.children], sentence)
        elif place is None and obj.lemma_.lower() in _TARGET_NOUNS:
            # "struck grain terminals in the port of Odesa": where the targets are;
            # "struck Beirut's southern suburbs": whose they are.
            within = _where_in([*obj.children, *token.children], sentence)
            owner = next(
                (
                    found
                    for c in obj.children
                    if c.dep_ == "poss" and (found := sentence.named_place_at(c)) is not None
                ),
                None,
            )
            # "attacked the Gwadar Port Authority complex in Balochistan province": the town
            # the target is named after is nearer than the province it is in.
            named_by = next(
                (
                    found
                    for t in obj.subtree
                    if t.dep_ == "compound"
                    and t.i < obj.i
                    and (found := sentence.named_place_at(t)) is not None
                    and found.kind == "city"
                    and not found.demonym
                ),
                None,
            )
            # "the strikes hit six locations, including Muridke near Lahore and Bahawalpur":
            # the places the targets are said to include.
            # ("struck port facilities in Odesa, including in the town of Izmail": the
            # model may hang the "including" on the verb, and a place it includes on an
            # "in" of its own.)
            including = [
                named
                for child in [*obj.children, *token.children]
                if child.dep_ == "prep" and child.lower_ == "including"
                for pobj in [
                    *child.children,
                    *(
                        g
                        for c in child.children
                        if c.dep_ == "prep" and c.lower_ in ("in", "at")
                        for g in c.children
                    ),
                ]
                if pobj.dep_ == "pobj"
                and (named := _object_place(pobj, sentence, owners=False)) is not None
            ]
            place = (
                owner
                or named_by
                or within
                or _targets_country(obj, sentence)
                # "Explosions were heard in Tehran, where the strikes hit residential
                # buildings": where the clause is about.
                or _where_clause_about(token, sentence)
                or (including[0] if including else None)
            )
            # "… a refinery in the Ryazan region and an airbase in Kursk": and where the
            # other targets struck are (the model may join the second to the first's place).
            also = [
                found
                for t in obj.subtree
                if t.dep_ == "conj"
                and _noun_in(t, _TARGET_NOUNS)
                and (found := _where_in(t.children, sentence)) is not None
            ]
            if owner is not None and within is not None and within != owner:
                # "struck Beirut's southern suburbs and targets in the city of Tyre": the
                # model hangs the second target's place on the first.
                also.append(within)
            if place is None and also:
                # "hit a petrol station and a hospital in Thailand's Sisaket province": the
                # model hangs the place on the last target only.
                place = also.pop(0)
            # (… and every place the targets include: "including Bahawalpur in Punjab
            # province and Muzaffarabad", the model joining the second to the province.)
            also += [
                p
                for named in including
                for p in (
                    named,
                    *_conjoined(named, sentence, sentence.named_place_at),
                    *(
                        sentence.named_place_at(t)
                        for t in sentence.sent
                        if t.dep_ == "conj"
                        and t.head.dep_ == "pobj"
                        and t.head.head.dep_ == "prep"
                        and sentence.named_place_at(t.head.head.head) == named
                    ),
                )
                if p is not None and p != place
            ]
    elif lemma in _ADVANCING_VERBS or lemma == "send":
        # "troops pushed into Jabalia"; "Moscow sent troops into Ukraine" (into, not "to":
        # troops sent to an ally are no attack on it).
        # ("Russian forces continued to press towards Pokrovsk": the subject of "continued".)
        doer = token.head if token.dep_ == "xcomp" else token
        mover = (
            obj if lemma == "send" else next((c for c in doer.children if c.dep_ == "nsubj"), None)
        )
        if mover is None or mover.lemma_.lower() not in _ARMED:
            return []
        name = "advance into"
        for child in token.children:
            if child.dep_ == "advmod":  # "pushed deeper into"
                child = next((c for c in child.children if c.dep_ == "prep"), child)
            if child.dep_ == "prep" and child.lower_ in ("into", "towards", "toward", "on"):
                # "into Russia's Kursk region": the region, not Russia.
                named = next((c for c in child.children if c.dep_ == "pobj"), None)
                place = (named is not None and _object_place(named, sentence)) or _subtree_place(
                    child, sentence
                )
                if place is not None:
                    if child.lower_ != "into":
                        name = "advance on"  # "pressed towards Pokrovsk": not in it yet
                    break
    if place is None or name is None or place.kind not in ("country", "region", "city", "sea"):
        return []
    # "launched strikes on Iran's nuclear facilities …, hitting the Natanz enrichment site
    # and residential buildings in Tehran": what the strikes went on to hit.
    hits = [
        hit
        for hit in token.children
        if hit.dep_ == "advcl"
        and hit.tag_ == "VBG"
        and hit.lemma_.lower() in _STRIKING_VERBS
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in hit.children)
    ]
    also += [
        found
        for hit in hits
        for target in hit.children
        if target.dep_ == "dobj"
        for one in (target, *target.conjuncts)
        if (
            found := _object_place(one, sentence)
            or (
                # (the model may hang the "in" on the verb: "hitting … buildings in Tehran")
                _where_in([*one.children, *hit.children], sentence)
                if _noun_in(one, _TARGET_NOUNS)
                else None
            )
        )
        is not None
        and found.kind in ("city", "region")
    ]
    # ("hitting the enrichment site at Natanz and targets in Tehran": each place the hits
    # are told at or in.)
    also += [
        found
        for hit in hits
        if any(c.dep_ == "dobj" and _noun_in(c, _TARGET_NOUNS) for c in hit.children)
        for _, found in _places_under(hit.children, sentence, ("in", "at"))
        if found.kind in ("city", "region") and not found.demonym
    ]
    # "… at Saudi cities including Riyadh and Jeddah": every place of the list struck (and
    # of the lists of the other places: "Ukraine's facilities in the Poltava and Kharkiv
    # regions").
    also = [
        *_conjoined(place, sentence, lambda t: _place_named_or_described(t, sentence)),
        *(
            p
            for other in also
            for p in (other, *_conjoined(other, sentence, sentence.named_place_at))
        ),
    ]
    places = list(dict.fromkeys([place.key, *(p.key for p in also)]))
    phrases = ctx.dates_in(sentence)
    # "Last week troops pushed into Jabalia, and jets struck Beirut": both last week.
    # ("…, and Thailand launched air strikes …, in the worst fighting in more than a
    # decade": a span of time in its own clause is no date; the head's day is.)
    date = _nearest_date(_own_dates(token, phrases), token.idx, ctx.anchor, "past")
    if date is None and token.dep_ == "conj":
        date = _nearest_date(_own_dates(token.head, phrases), token.idx, ctx.anchor, "past")
    if date is None and token.dep_ == "pcomp" and token.head.lower_ == "by":
        # "Iran responded on Friday evening by firing …": the day of what it answered with.
        date = _nearest_date(_own_dates(token.head.head, phrases), token.idx, ctx.anchor, "past")
    fields = {"name": name, "places": places, "act": True}
    attackers = [p.key for p in _attacking_countries(token, sentence) if p.key not in places]
    told = None if attackers else _acts_told_before(token, ctx) or _struck_too(token, sentence, ctx)
    if told is not None:
        attackers = [key for key in told.fields.get("by", []) if key not in places]
        fields["again"] = told.key  # where "the strikes" hit: see _fold_acts_told_again
    if attackers:
        fields["by"] = list(dict.fromkeys(attackers))
    if obj is not None and obj.tag_ == "NN" and _definite(obj) and lemma in _LAUNCHING_VERBS:
        fields["again"] = True  # "carrying out the attack on …": see _fold_acts_told_again
    return [
        EventDraft(
            kind="conflict",
            key=("conflict", place.key, _SAME_ACTS.get(name, name)),
            spans=[sentence.span()],
            fields=fields,
            date=date,
        )
    ]


# Natural hazards and outbreaks, by the noun news names them with, and the word the
# article's mentions of one merge under ("the quake", "aftershocks": the earthquake).
_HAZARDS = {
    "earthquake": "earthquake", "quake": "earthquake", "aftershock": "earthquake",
    "tsunami": "tsunami", "hurricane": "hurricane", "typhoon": "typhoon", "cyclone": "cyclone",
    "tornado": "tornado", "flood": "flood", "flooding": "flood", "landslide": "landslide",
    "mudslide": "landslide", "avalanche": "avalanche", "wildfire": "wildfire",
    "bushfire": "wildfire", "eruption": "eruption", "drought": "drought",
    "heatwave": "heatwave", "famine": "famine", "outbreak": "outbreak", "epidemic": "outbreak",
    "storm": "storm", "shipwreck": "shipwreck", "thunderstorm": "thunderstorm",
    "blizzard": "blizzard", "snowstorm": "blizzard", "hailstorm": "hailstorm",
    "sandstorm": "sandstorm", "locust": "locust",
}  # fmt: skip
# What locusts come in: "swarms of desert locusts crossed into Kenya" is the locusts' doing.
_PLAGUE_NOUNS = frozenset(
    {
        "swarm", "plague", "invasion", "infestation", "cloud", "band",
        # "a series of quakes in Herat province killed …": the hazards' own clause
        "series", "string", "spate", "wave", "succession",
    }
)  # fmt: skip
# Words that make a hazard noun a figure of speech ("a political earthquake").
_FIGURATIVE = frozenset(
    {"political", "diplomatic", "electoral", "financial", "market", "media", "social", "perfect"}
)
# A storm is weather only when named ("Storm Boris") or called so ("a tropical storm"); not
# "a storm of criticism".
_WEATHER = frozenset({"tropical", "winter", "severe", "snow", "dust", "ice", "hail", "rain"})
# What breaks out that is not a disease: fighting, told as a conflict.
_NOT_DISEASE = frozenset(
    {"violence", "fighting", "war", "hostility", "protest", "unrest", "clash", "riot", "panic"}
)
# What an outbreak "of" these is of, the article must say elsewhere.
_ANY_DISEASE = frozenset({"disease", "illness", "case", "infection", "virus", "strain"})
# What a hazard is "of" when it is literal: "an earthquake of magnitude 6.3".
_MEASURES = frozenset({"magnitude", "intensity", "category", "force", "strength", "scale"})
# Names a storm goes by in front of its own: "Hurricane Milton", "Tropical Storm Alberto".
_STORM_TITLES = frozenset({"hurricane", "typhoon", "cyclone", "storm"})


# "Florida's Atlantic coast": the land along the water, which the storm struck, not the sea.
_COAST = re.compile(r"\s+(?:coast|coastline|coasts|seaboard|shore|shores|seaside)\b", re.I)


# The last word of a land's name after a place's: "the Texas Hill Country", "the Rift
# Valley", "the Gulf Coast".
_LANDS_NAMED = frozenset(
    {
        "country", "valley", "coast", "hills", "highlands", "plains", "panhandle", "delta",
        "basin", "peninsula", "mountains", "desert", "lowlands", "uplands", "plateau",
    }
)  # fmt: skip


def _sea_of_a_kind(place: PlaceRef, sentence: _Sentence) -> bool:
    """Whether a sea's name only qualifies a noun after it ("Atlantic storms", "the Pacific
    typhoon season")."""
    token = next((t for t in sentence.sent if t.idx == place.start), None)
    return (
        token is not None
        and token.dep_ in ("compound", "amod", "nmod")
        and token.head.pos_ == "NOUN"
        and token.head.i > token.i
        and place.start <= token.idx < place.end
        and token.head.idx >= place.end
    )


# Flights a disaster grounds, named after where they fly: not where it struck.
_FLIGHT_NOUNS = frozenset({"flight", "cancellation", "airline", "route"})


def _disasters(sentence, ctx) -> list[EventDraft]:
    """Quakes, storms, floods, fires and outbreaks, with the places the clause says they
    struck: "A magnitude 6.3 quake struck … northwest of the city of Herat", "Hurricane
    Milton roared ashore near Siesta Key", "a cholera outbreak in Yemen"."""
    drafts = []
    for token in sentence.sent:
        found = _hazard(token)
        if found is None:
            continue
        name, kind, named = found
        # Where it struck: the places in the clause of the verb it is subject or object of
        # ("struck near Herat", "made landfall in the Big Bend region, killing … in North
        # Carolina"), or in its own phrase after a preposition ("killed in floods in
        # Pakistan", "after wildfires on Rhodes"); not places of clauses with a subject of
        # their own ("… as Japan signs a defence pact", "… and fires forced …") or told as
        # said.
        verb = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
        held = token
        if (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.lemma_.lower() in _PLAGUE_NOUNS
        ):
            held = token.head.head  # "Swarms of desert locusts have crossed …"
        scope = verb if verb is not None and held.dep_ != "pobj" else token
        if (
            named
            and scope.dep_ == "acl"
            and any(c.dep_ == "agent" and token in c.subtree for c in scope.children)
            and _hazard(scope.head) is not None
        ):
            # "Floods triggered by Storm Daniel swept through Derna": the storm did what
            # the hazard it caused did, where that did it.
            scope = next((t for t in scope.head.ancestors if t.pos_ in ("VERB", "AUX")), scope)
        told = next((c for c in scope.children if c.dep_ == "ccomp"), None)
        if (
            token.pos_ == "NOUN"
            and scope.lemma_.lower() in _ATTRIBUTION_VERBS
            and token.head == scope
            and told is not None
        ):
            # "Bangladesh has recorded 1,000 deaths from dengue, the worst outbreak since …,
            # officials said": the model may hang the apposition on the saying; it tells of
            # what was said.
            scope = told
        if token.pos_ == "VERB":
            scope = token  # "a boat capsized off Greece": the hazard is its own verb
        elif (
            scope.dep_ == "advcl"
            and token.dep_ == "nsubj"
            and any(
                (c.dep_ == "advmod" and c.lower_ == "when")
                or (c.dep_ == "mark" and c.lower_ == "as")
                for c in scope.children
            )
            # (not "the king, who was in Paris when the quake struck")
            and (
                scope.head.lemma_.lower() in _DAMAGE_VERBS | _FLEEING_VERBS
                or _fled_from(scope.head) is not None
            )
        ):
            # "Two people died in Georgia when a tornado struck a mobile home park": the
            # harm it did is told by the clause it explains; so is the flight from it
            # ("Greece evacuated 19,000 people on Rhodes as a wildfire raged").
            scope = _fled_from(scope.head) or scope.head
        elif (
            token.dep_ == "pobj"
            and token.head.lower_ == "as"
            and token.head.dep_ == "prep"
            and any(c.dep_ == "acl" for c in token.children)
            and (fled := _fled_from(token.head.head)) is not None
        ):
            # "were ordered to leave by noon on Friday as a wildfire advanced": the model
            # may make the "as" a preposition and the hazard its object.
            scope = fled
        agents = (
            [_extent(c) for c in scope.children if c.dep_ == "nsubj"]
            if scope.lemma_.lower() in _FLEEING_VERBS
            else []
        )  # "Greece evacuated …": who did it, not where
        low, high = _extent(scope)
        said = [
            _extent(c)
            for c in scope.subtree
            if c != scope
            and (
                c.dep_ == "ccomp"
                # ("the wildfire that destroyed the town of Lahaina": but the hazard's own
                # relative clause tells where it struck.)
                or (c.dep_ == "relcl" and not _relative_of(c, token))
                # ("… weakened as it moved into Georgia", "… as a blaze moved within 5 km of
                # Fort McMurray": the hazard's own clause goes on.)
                or (
                    c.dep_ in ("advcl", "conj")
                    and any(
                        g.dep_ == "nsubj"
                        and g.lower_ != "it"
                        # (another hazard's clause is its own: "floods …, and wildfires
                        # on Rhodes forced …")
                        and _HAZARDS.get(g.lemma_.lower()) != kind
                        and g.lemma_.lower() not in _HAZARD_GOES_ON.get(_hazard_word(kind), ())
                        for g in c.children
                    )
                )
                # "a cargo ship under the flag of St. Kitts and Nevis sank": whose ship it
                # was, not where it went down
                # (but a volcano's is where it erupted: "Mount Lewotobi on Flores erupted")
                or (
                    token.pos_ == "VERB"
                    and c.dep_ == "nsubj"
                    and c.head == token
                    and kind != "eruption"
                )
                # "… southwest of Marrakesh, according to the U.S. Geological Survey": who
                # says so, not where it struck
                or (c.dep_ == "prep" and c.lemma_.lower() == "accord")
                # "near the border with Turkey": the country across it, not struck
                or (c.dep_ == "prep" and c.lower_ == "with" and c.head.lemma_.lower() in _BORDERS)
                # "forcing Bali flight cancellations", "flights to and from Bali": where
                # the flights go, not where it struck
                or (c.pos_ == "NOUN" and c.lemma_.lower() in _FLIGHT_NOUNS)
            )
        ] + agents
        if scope.lemma_.lower() == "feel":
            continue  # "was felt as far away as Casablanca": where it shook, not struck
        if kind == "shipwreck":
            said += _route_told(scope)
        spans = [(low, high)]
        # "the strongest earthquake to hit Morocco in a century": the model may hang the
        # "to hit" on whatever the hazard's phrase is part of ("The death toll from …").
        doc = token.doc
        if (
            token.pos_ == "NOUN"
            and token.i + 2 < len(doc)
            and doc[token.i + 1].lower_ == "to"
            and doc[token.i + 2].lemma_.lower() in _HAZARD_HITS
        ):
            spans.append(_extent(doc[token.i + 2]))
        # "Wildfires raging across Alberta …, as a blaze moved within 5 km of Fort McMurray":
        # the hazard told again in its own words in the sentence, and where that went.
        spans += [
            _extent(again.head)
            for again in sentence.sent
            if again.i != token.i
            and again.dep_ == "nsubj"
            and _noun_lemma(again) in _HAZARD_GOES_ON.get(_hazard_word(kind), ())
            and again.head.pos_ == "VERB"
        ]
        # (the words the article names places by, wherever: "Lahaina on Maui")
        named_places = {ctx.text[q.start : q.end] for q in sentence.article_places}
        places = [
            p.key
            for p in sentence.places
            if any(a <= p.start < b for a, b in spans)
            # ("Marburg kills more slowly": the disease, not the town it is named after)
            and not p.start <= token.idx < p.end
            and not p.demonym
            and p.kind in ("city", "region", "country", "sea", "site")
            and not any(a <= p.start < b for a, b in said)
            and not (p.kind == "sea" and _COAST.match(sentence.sent.doc.text, p.end))
            # "one of the strongest Atlantic storms on record": a sea naming a kind of
            # storm, not where this one struck
            and not (p.kind == "sea" and _sea_of_a_kind(p, sentence))
            # "The US Geological Service measured the quakes": a word of a body's name
            and not any(
                e.label_ == "ORG"
                and e.start_char <= p.start
                and p.end < e.end_char
                # (not a land the model took for a body: "the Texas Hill Country"; nor
                # places it ran together, "Lahaina on Maui")
                and e[-1].lower_ not in _LANDS_NAMED
                and any(
                    t.text[:1].isupper() and t.pos_ != "DET" and t.text not in named_places
                    for t in e
                )
                and not (
                    e.start_char == p.start
                    and p.end < e.end_char
                    and ctx.text[p.end : p.end + 4] in (" on ", " in ")
                )
                for e in sentence.sent.ents
            )
        ]
        places = _owned_first(_without_bearings(places, sentence), sentence)
        if not places:
            continue
        phrases = ctx.dates_in(sentence)
        own = _own_dates(scope, phrases) if scope.pos_ in ("VERB", "AUX") else []
        if not own and scope.lemma_.lower() in _ORDERING_VERBS:
            # "Residents were ordered to leave on Sunday as a wildfire approached": when they
            # were to go (not by when: "to leave by noon on Friday" is a deadline ahead).
            own = [
                p
                for c in scope.children
                if c.dep_ == "xcomp"
                for p in _own_dates(c, phrases)
                if not _DEADLINE.search(ctx.text, max(0, p.start - 20), p.start)
            ]
        if (
            not own
            and scope.dep_ == "advcl"
            and any(c.lower_ == "when" for c in scope.children)
            and scope.head.pos_ in ("VERB", "AUX")
        ):
            # "In 2018, 160 people drowned when a ferry sank": when the harm it did was
            # (also "In June, hundreds are believed to have died when …").
            harm = scope.head
            while harm.dep_ == "xcomp" and harm.head.pos_ in ("VERB", "AUX"):
                harm = harm.head
            own = _own_dates(harm, phrases)
        struck = next(
            (
                c
                for c in token.children
                if c.dep_ == "relcl" and c.lemma_.lower() in _HAZARD_HITS | _DAMAGE_VERBS
            ),
            None,
        )
        if token.pos_ == "NOUN" and struck is not None and _own_dates(struck, phrases):
            # "The death toll from the earthquake that struck central Myanmar on Friday has
            # risen …": the hazard's own clause says when it struck.
            own = _own_dates(struck, phrases)
        elif token.pos_ == "NOUN" and struck is not None:
            # ("… that struck Turkey and Syria on Monday rose above 20,000 on Thursday": the
            # model may hang the day right after the clause on the verb after it.)
            end = struck.right_edge.idx + len(struck.right_edge)
            # ("… that struck Morocco's High Atlas mountains late on Friday rose …": or a
            # "late" or "early" before the day.)
            right_after = [
                p
                for p in phrases
                if p.start >= end
                and _DAY_RIGHT_AFTER.fullmatch(ctx.text, end, p.start)
                and not any(t.pos_ == "VERB" and end <= t.idx < p.start for t in sentence.sent)
            ]
            verb_after = next(
                (t for t in sentence.sent if t.pos_ in ("VERB", "AUX") and t.idx >= end), None
            )
            if right_after and verb_after is not None and right_after[0].end <= verb_after.idx:
                own = right_after[:1]
        # "The quake was the deadliest since 2016": a measure, not when it struck.
        own = [p for p in own if not _since(p, ctx.text)]
        if (
            scope.dep_ == "relcl"
            and scope.head.ent_type_ == "DATE"
            and any(c.lower_ == "when" for c in scope.children)
        ):
            # "… since 2016, when earthquakes in Kumamoto killed 200": the year it names.
            own = [p for p in phrases if p.start <= scope.head.idx < p.end]
        if scope is not token:
            # "Typhoon Yagi, Asia's most powerful storm this year, made landfall … on
            # Saturday": not a date told about the storm's name.
            left, right = _extent(token.head if token.dep_ == "compound" else token)
            # ("Last year floods in Maiduguri killed …": but a date before the hazard's
            # word is when it struck.)
            own = [p for p in own if not left <= p.start < right or p.end <= token.idx]
        date = _nearest_date(own, token.idx, ctx.anchor, "past")
        fields = {"name": name, "places": list(dict.fromkeys(places)), "kind": kind}
        # "An outbreak of mpox that began in Congo has spread to Kenya": called after where
        # it began, wherever the article first told it.
        began = next(
            (
                place
                for t in token.subtree
                if t.dep_ == "relcl" and t.lemma_.lower() in _OUTBREAK_VERBS | {"originate"}
                for _, place in _places_under(t.children, sentence, ("in",))
                if place.key in places
            ),
            None,
        )
        if began is not None:
            fields["began_in"] = (began.key,)
        if named:
            fields["named"] = True
        else:
            # "the earthquake in Turkey and Syria": what it is called by, in the places
            # of its own phrase.
            own_phrase = [
                place.key
                for prep in token.children
                if prep.dep_ == "prep" and prep.lower_ in ("in", "across")
                for place in sentence.places
                if place.key in places and prep.idx <= place.start < _extent(prep)[1]
            ]
            kinds = {place.kind for place in sentence.places if place.key in own_phrase}
            if 1 < len(own_phrase) <= 3 and len(kinds) == 1:  # not "in Brazil and Rio …"
                fields["called_in"] = tuple(dict.fromkeys(own_phrase))
        drafts.append(
            EventDraft(
                kind="disaster",
                key=("disaster", name.lower() if named else kind),
                spans=[sentence.span()],
                fields=fields,
                date=date,
            )
        )
    return _storm_brings(drafts)


# What people do before a disaster: "evacuated 19,000 people … as a wildfire raged".
_FLEEING_VERBS = frozenset({"evacuate", "flee", "escape"})
# What may stand between a clause and the day told right after it: " on ", " late on ".
_DAY_RIGHT_AFTER = re.compile(r"\s*(?:(?:late|early)\s+)?(?:(?:on|in|at)\s+)?", re.IGNORECASE)
# The words before a date that make it a deadline: "by Friday", "by noon on Friday".
_DEADLINE = re.compile(r"\bby(?:\s+\S+\s+(?:on|at))?\s+$", re.IGNORECASE)
# What people are ordered or urged to do before a disaster ("were ordered to leave").
_ORDERING_VERBS = frozenset({"order", "tell", "urge", "advise", "force"})


def _fled_from(verb):
    """The clause of flight *verb* tells, if it does: "evacuated" itself, or the order to go
    that "leave" is the object of ("All 20,000 residents of Yellowknife were ordered to
    leave … as a wildfire advanced"), whose subject says who went from where."""
    lemma = verb.lemma_.lower()
    if (
        lemma in _FLEEING_VERBS | {"leave"}
        and verb.dep_ == "xcomp"
        and verb.head.lemma_.lower() in _ORDERING_VERBS
    ):
        return verb.head
    if lemma in _ORDERING_VERBS and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in _FLEEING_VERBS | {"leave"} for c in verb.children
    ):
        return verb
    return verb if lemma in _FLEEING_VERBS else None


# What a storm brings, told beside its name: "Storm Boris has killed 17, with floods
# swamping towns in Poland" is the storm's harm, not a disaster of its own.
_STORM_HARMS = frozenset({"flood", "landslide", "tornado"})
# Disasters the weather brings, which "the storm" of an article naming no storm is.
_WEATHER_DISASTERS = frozenset(
    {"flood", "tornado", "thunderstorm", "hailstorm", "blizzard", "landslide"}
)
# What a quake sets off, told after it: landslides (a tsunami, felt on other shores, is a
# mark of its own).
_QUAKE_HARMS = frozenset({"landslide"})
# How many days around a storm's own day what it brings is told on.
_STORM_DAYS = 7


def _owned_first(keys: list[str], sentence: _Sentence) -> list[str]:
    """*keys* with a place told as a country's ("Nigeria's Mokwa") before the country: the
    nearer place is what the disaster is called after."""
    order = list(keys)
    for place in sentence.places:
        token = next((t for t in sentence.sent if t.idx == place.start), None)
        if token is None or token.dep_ != "poss" or place.key not in order:
            continue
        owned = sentence.named_place_at(token.head)
        if (
            owned is not None
            and owned.key in order
            and owned.kind in ("city", "region")
            and owned.country_code == place.country_code
            and order.index(owned.key) > order.index(place.key)
        ):
            order.remove(owned.key)
            order.insert(order.index(place.key), owned.key)
    # "Swarms of locusts have crossed from Ethiopia into Kenya": where it came from is not
    # what it is called after, while it is somewhere else too.
    came_from = [
        place.key
        for place in sentence.places
        if place.key in order
        and (token := next((t for t in sentence.sent if t.idx == place.start), None)) is not None
        and token.dep_ == "pobj"
        and token.head.lower_ == "from"
        and token.head.head.pos_ == "VERB"
    ]
    if len(came_from) < len(order):
        order = [k for k in order if k not in came_from] + [k for k in order if k in came_from]
    return order


def _without_bearings(keys: list[str], sentence: _Sentence) -> list[str]:
    """*keys* less the places named only to say how far from them another lies: "homes in
    the town in Niger State, about 350 km west of the capital Abuja" struck Niger State,
    not Abuja. (Where the bearing is all the clause tells, "struck 40 km northwest of the
    city of Herat", it is where it struck.)"""
    doc = sentence.sent.doc
    bearings = set()
    for place in sentence.places:
        token = next((t for t in sentence.sent if t.idx == place.start), None)
        while token is not None and token.dep_ in ("compound", "appos", "flat"):
            token = token.head
        if (
            token is not None
            and token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.lower_ in _COMPASS_NOUNS
            and token.head.head.i > sentence.sent.start
            and any(t.like_num for t in doc[max(0, token.head.head.i - 3) : token.head.head.i])
        ):
            bearings.add(place.key)
    located = {
        p.key
        for p in sentence.places
        if p.key in keys and p.key not in bearings and p.kind in ("city", "region")
    }
    return [k for k in keys if k not in bearings] if located else keys


def _storm_brings(drafts: list[EventDraft]) -> list[EventDraft]:
    named = next((d for d in drafts if d.fields.get("named")), None)
    if named is None:
        return drafts
    kept = []
    for draft in drafts:
        if (
            draft is not named
            and not draft.fields.get("named")
            and draft.fields["kind"] in (_STORM_HARMS)
        ):
            named.fields["places"] += [
                p for p in draft.fields["places"] if p not in named.fields["places"]
            ]
        else:
            kept.append(draft)
    return kept


def _relative_of(clause, noun) -> bool:
    """Whether a relative clause tells what *noun* itself did ("the wildfire that destroyed
    Lahaina"), not what another did to or near it ("the quake, which residents felt in …")."""
    # ("an outbreak of a new strain of mpox that began in Congo": or what it is of did.)
    heads = [noun, *(_objects_of(noun) if _noun_lemma(noun) in ("outbreak", "epidemic") else [])]
    return clause.head in heads and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which") for c in clause.children
    )


def _fold_unnamed_disasters(drafts: list[EventDraft]) -> list[EventDraft]:
    """ "Typhoon kills 20 in Philippines" above "Typhoon Kong-rey hit the northern
    Philippines": a storm told without its name, in an article naming one storm of its
    kind, is that storm; "the storm" is the named storm told last before it, "the worst
    outbreak" the outbreak of a disease named last before it."""
    named: dict[str, list[EventDraft]] = {}
    for draft in drafts:
        if draft.kind != "disaster":
            continue
        if draft.fields.get("named"):
            named.setdefault(draft.fields["kind"], []).append(draft)
            named.setdefault("the storm", []).append(draft)  # "The storm struck Luzon"
        elif draft.fields["kind"].startswith("outbreak "):
            named.setdefault("the outbreak", []).append(draft)  # "the worst outbreak"
    storms = [d for d in named.get("the storm", []) if d.fields["kind"] in _STORM_TITLES]
    quakes = [d for d in drafts if d.kind == "disaster" and d.fields["kind"] == "earthquake"]
    kept = []
    for draft in drafts:
        kind = draft.fields.get("kind", "") if draft.kind == "disaster" else None
        # "The quake … was centred south of Hualien. Landslides blocked roads across Hualien
        # county": what the one quake the article tells set off.
        causes = storms if kind in _STORM_HARMS else []
        if kind in _QUAKE_HARMS and not causes:
            # (the quake told before it: "The last major quake, in 1999, …" comes after)
            causes = [q for q in quakes if min(q.spans)[0] < max(draft.spans)[0]]
        if (
            len(causes) == 1
            # (told again after the storm is: "Floods in Libya's Derna" above "Floods
            # triggered by Storm Daniel … caused deadly floods in Greece")
            and min(causes[0].spans)[0] < max(draft.spans)[0]
            and (
                draft.date is None
                or causes[0].date is None
                or abs((draft.date.start - causes[0].date.start).days) <= _STORM_DAYS
            )
        ):
            # "Hurricane Helene made landfall … Two people died in Georgia when a tornado
            # struck": what the one storm the article tells brought, after it was told.
            storm = causes[0]
            storm.spans.extend(s for s in draft.spans if s not in storm.spans)
            places = storm.fields["places"]
            places.extend(p for p in draft.fields["places"] if p not in places)
            continue
        same = named.get(kind) if kind is not None else None
        if kind in ("the storm", "the outbreak") and same:
            # "Hurricane Milton made landfall … The storm tore the roof off …", however many
            # storms the article names later: the one named last before it.
            start = min(draft.spans)[0]
            before = [d for d in same if min(d.spans)[0] < start]
            same = [max(before, key=lambda d: min(d.spans)[0])] if before else None
        if kind == "the storm" and not same:
            # "Flash floods unleashed by torrential rain have killed 205 … The storm also
            # brought heavy rain to Andalusia": with no storm named, the one weather
            # disaster told before it.
            start = min(draft.spans)[0]
            weather = [
                d
                for d in drafts
                if d.kind == "disaster"
                and d.fields["kind"] in _WEATHER_DISASTERS
                and min(d.spans)[0] < start
            ]
            same = weather if len(weather) == 1 else None
        if kind == "the outbreak" and not same and draft.fields["name"] != "Outbreak":
            # "deaths from dengue …, the worst outbreak": with none named before it, the
            # outbreak of the disease its sentence names.
            draft.fields["kind"] = f"outbreak {draft.fields['name'].split()[-2].lower()}"
            kept.append(draft)
            continue
        if kind in ("the storm", "the outbreak") and (same is None or len(same) != 1):
            continue  # with none named before it: which one, if any, is not said
        if same is None or len(same) != 1 or draft.fields.get("named"):
            kept.append(draft)
            continue
        storm = same[0]
        storm.spans.extend(s for s in draft.spans if s not in storm.spans)
        places = storm.fields["places"]
        places.extend(p for p in draft.fields["places"] if p not in places)
        storm.date = storm.date or draft.date
    return kept


# Acts of force that go on for days or months, whose place is the fighting there: "the siege
# of El Fasher" and "fighting around El Fasher" are one thing on the map; an invasion or an
# annexation is a moment, and the war after it another mark.
_ONGOING_ACTS = (
    "siege of", "blockade of", "shelling of", "bombardment of", "bombing of",
    "attacks on shipping in",
)  # fmt: skip


def _fold_fighting_into_sieges(drafts: list[EventDraft]) -> list[EventDraft]:
    """Fighting told at exactly the places of an ongoing act (a siege, a blockade) is that
    act: its words join the act's mark instead of drawing a second circle on the first."""
    sieges = {
        tuple(sorted(d.fields["places"])): d
        for d in drafts
        if d.kind == "conflict" and d.fields.get("act") and d.fields["name"] in _ONGOING_ACTS
    }
    kept = []
    for draft in drafts:
        siege = (
            sieges.get(tuple(sorted(draft.fields["places"])))
            if draft.kind == "conflict" and not draft.fields.get("act")
            else None
        )
        if siege is None:
            kept.append(draft)
            continue
        _take_excerpts(siege, draft)
        siege.date = siege.date or draft.date
    return kept


def _fold_acts_referred_to(drafts: list[EventDraft]) -> list[EventDraft]:
    """ "India launched missile strikes on nine sites in Pakistan … Pakistan said the
    strikes hit six locations, including Muridke and Bahawalpur": where "the strikes" hit
    is where the acts they refer to struck (see _acts_told_before), whatever country —
    folded before a headline is matched to the body's acts."""
    kept: list[EventDraft] = []
    for draft in drafts:
        referred = draft.fields.get("again") if draft.kind == "conflict" else None
        told = (
            next((d for d in kept if d.key == referred), None)
            if isinstance(referred, tuple)
            else None
        )
        if isinstance(referred, tuple):
            draft.fields["again"] = True  # (else the acts of its name, as for any other)
        if told is None:
            kept.append(draft)
            continue
        del draft.fields["again"]
        _act_told_again(told, draft)
    return kept


def _act_told_again(told: EventDraft, draft: EventDraft) -> None:
    """*told* takes the places, words and (if it has none) the day of *draft*, the same act
    told again."""
    for key in draft.fields["places"]:
        if key not in told.fields["places"]:
            told.fields["places"].append(key)
    _take_excerpts(told, draft)
    told.date = told.date or draft.date


def _fold_acts_told_again(drafts: list[EventDraft], where: dict[str, PlaceRef]) -> list[EventDraft]:
    """ "A rocket attack that killed 12 children in the Golan Heights … Hezbollah denied
    carrying out the attack on the town of Majdal Shams": "the attack", told after the one
    attack of that name in that country, is that one — and says where exactly it struck."""

    def noun(draft: EventDraft) -> str:
        return draft.fields["name"].split()[0].removesuffix("s")

    def codes(draft: EventDraft) -> set[str]:
        return {where[k].country_code for k in draft.fields["places"] if k in where}

    kept: list[EventDraft] = []
    for draft in drafts:
        if draft.kind == "conflict" and draft.fields.pop("again", False):
            earlier = [
                d
                for d in kept
                if d.kind == "conflict"
                and noun(d) == noun(draft)
                and min(d.spans) < min(draft.spans)
                and codes(d) & codes(draft)
            ]
            if len(earlier) == 1:
                _act_told_again(earlier[0], draft)
                continue
        kept.append(draft)
    return kept


# A storm's own name after its title: "Milton", "Kong-rey".
_STORM_NAME = re.compile(r"\s+([A-Z][\w'’]*(?:-[\w'’]+)*)")
# A storm's title and own name anywhere in a text: "Cyclone Chido".
_TITLED_STORM = re.compile(
    r"\b("
    + "|".join(sorted(title.capitalize() for title in _STORM_TITLES))
    + r")\s+([A-Z][\w'’]*(?:-[\w'’]+)*)"
)


def _storm_own_names(doc) -> dict[str, tuple[str, int]]:
    """Own name -> (the storm's name with its title, where it is first told) for each storm
    the text names ("Chido" -> "Cyclone Chido"), found once per text."""
    found = doc.user_data.get("storm_own_names")
    if found is None:
        found = {}
        for match in _TITLED_STORM.finditer(doc.text):
            found.setdefault(match.group(2), (match.group(0), match.start()))
        doc.user_data["storm_own_names"] = found
    return found


# A boat's journey: "on its way from Sfax", "on the route to Lampedusa".
_ROUTE_NOUNS = frozenset({"way", "journey", "route", "voyage", "crossing", "passage"})
# What sinks or capsizes in a shipwreck; not a warship, whose sinking is war.
_VESSELS = frozenset(
    {"boat", "vessel", "ship", "ferry", "dinghy", "trawler", "yacht", "barge", "raft", "tanker",
     "freighter", "canoe"}
)  # fmt: skip


def _sinking(token) -> bool:
    """ "a fishing boat packed with migrants capsized and sank off Greece": a vessel that
    went down of itself ("was sunk by a missile" is an attack, "shares sank" no ship)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in ("capsize", "sink"):
        return False
    verb = token
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head  # "capsized and sank"
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "acl":
        subject = verb.head  # "after a boat packed with migrants capsized"
        if subject.dep_ == "dobj" and subject.head.dep_ == "acl":
            subject = subject.head.head  # "a boat carrying migrants capsized": the model's
            # "capsized" may hang on the migrants
    if (
        subject is not None
        and verb.dep_ == "relcl"
        and (
            subject.lower_ in ("which", "that")
            # "A passenger ferry carrying more than 300 people sank": the model may make
            # the people sink, in a clause of the ferry's own.
            or any(c.dep_ == "acl" and c.i < subject.i for c in verb.head.children)
        )
    ):
        subject = verb.head
    return subject is not None and subject.lemma_.lower() in _VESSELS


def _route_told(verb) -> list[tuple[int, int]]:
    """Where the phrases of a boat's route under *verb* lie: "capsized in the Mediterranean
    on its way from Sfax to Lampedusa" — where it was going, or had come from, is not where
    it went down."""
    return [
        _extent(c)
        for c in verb.children
        if c.dep_ == "prep"
        and (
            c.lower_ in ("from", "to", "for", "toward", "towards")
            or any(g.lemma_.lower() in _ROUTE_NOUNS for g in c.children)
        )
    ]


def _hazard(token) -> tuple[str, str, bool] | None:
    """(name as the article writes it, the kind of hazard, whether that is a storm's own
    name) when *token* names a natural hazard or an outbreak ("Hurricane Milton",
    "Earthquake", "Cholera outbreak"), else None."""
    word = token.lower_
    if _sinking(token):
        return "Shipwreck", "shipwreck", False
    if (
        token.pos_ == "VERB"
        and token.lemma_.lower() == "erupt"
        and any(
            c.dep_ == "nsubj"
            and (
                c.lemma_.lower() == "volcano"
                # "Mount Lewotobi Laki-laki on the Indonesian island of Flores erupted"
                or any(t.lower_ in ("mount", "mt", "mt.") for t in c.subtree if t.i < c.i)
                or c.lower_ in ("mount", "mt", "mt.")
            )
            for c in token.children
        )
    ):
        return "Eruption", "eruption", False  # "A volcano erupted on Iceland's Reykjanes …"
    # "Hurricane Milton", "Typhoon Kong-rey": the title before a storm's own name.
    # ("Ex-tropical cyclone Alfred crossed the coast": or in lower case, before the name.)
    titled = token.is_title or (
        token.is_lower
        and token.dep_ == "compound"
        and token.i + 1 < len(token.doc)
        and token.doc[token.i + 1].is_title
        and token.head.i == token.i + 1
    )
    if word in _STORM_TITLES and titled and token.i + 1 < len(token.doc):
        own = _STORM_NAME.match(token.doc.text, token.idx + len(token))
        if own is not None and token.doc[token.i + 1].pos_ == "PROPN":
            before = token.doc[token.i - 1] if token.i > 0 else None
            if before is not None and before.lower_ in ("tropical", "super") and before.is_title:
                return f"{before.text} {token.text} {own.group(1)}", word, True
            return f"{token.text.capitalize()} {own.group(1)}", word, True
    if (
        # (opening a sentence, the model may take the name for a common noun: "Chido then
        # moved inland into Malawi")
        (token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.is_title))
        and token.dep_ in ("nsubj", "nsubjpass")
        and not (token.i > 0 and token.doc[token.i - 1].lower_ in _STORM_TITLES)
    ):
        # "Cyclone Chido tore through Mayotte … After Mayotte, Chido made landfall in
        # Mozambique": a storm told again by its own name alone.
        earlier = _storm_own_names(token.doc).get(token.text)
        if earlier is not None and earlier[1] < token.idx - len(earlier[0]):
            return earlier[0], earlier[0].split()[-2].lower(), True
    lemma = _noun_lemma(token)
    if lemma is None and token.lower_ == "flooding" and token.dep_ in ("pcomp", "pobj"):
        lemma = "flooding"  # "died after flooding in the town of Mokwa": the model's gerund
    if (found := _disease_spreading(token)) is not None:
        return found
    if lemma is None or lemma not in _HAZARDS or token.dep_ == "compound":
        return None  # "storm surge", "flood defences": a thing about the hazard
    modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod")]
    if any(m.lower_ in _FIGURATIVE for m in modifiers):
        return None
    if any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return None  # "There is no salmonella outbreak in Eastern Visayas"
    kind = _HAZARDS[lemma]
    of = _objects_of(token)
    if kind != "outbreak" and any(g.lemma_.lower() not in _MEASURES for g in of):
        # "a flood of migrants", "a storm of criticism", "a tsunami of lawsuits"; not "an
        # earthquake of magnitude 6.3"
        return None
    if kind == "storm" and not any(m.lower_ in _WEATHER for m in modifiers):
        if any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return "Storm", "the storm", False  # the named storm (_fold_unnamed_disasters)
        return None
    name = token.text.lower()
    if kind == "locust":
        # "desert locusts": the kind of locust with it.
        name = " ".join([*(m.lower_ for m in modifiers if m.i < token.i), name])
    if kind == "outbreak":
        disease = (
            next(iter(of), None)
            or next((m for m in modifiers if m.dep_ in ("compound", "nmod")), None)
            # ("A measles outbreak": the model may take the disease for the subject of a
            # noun, right before it.)
            or next(
                (
                    c
                    for c in token.children
                    if c.dep_ == "nsubj" and c.i == token.i - 1 and c.lower_ in _DISEASES
                ),
                None,
            )
        )
        if disease is not None and disease.pos_ not in ("NOUN", "PROPN"):
            disease = None  # "an outbreak of an, as yet, unidentified illness"
        if disease is not None and disease.lemma_.lower() in _NOT_DISEASE:
            return None  # "the outbreak of war"
        if disease is not None and disease.lemma_.lower() in _ANY_DISEASE:
            # "an outbreak of a new strain of mpox": the disease the strain is of.
            disease = next((d for d in _objects_of(disease) if d.lower_ in _DISEASES), disease)
        if disease is None or disease.lemma_.lower() in _ANY_DISEASE:
            # "the worst outbreak", "a disease outbreak": the outbreak the article names,
            # if it names one (see _fold_unnamed_disasters) — else, "has recorded 1,000
            # deaths from dengue this year, the worst outbreak since …", one of the one
            # disease its sentence names (not "flu-like symptoms").
            named = {
                t.lower_: t
                for t in token.sent
                if t.lower_ in _DISEASES
                and (t.whitespace_ or t.i + 1 == len(t.doc) or t.doc[t.i + 1].text != "-")
            }
            if len(named) == 1:
                (told,) = named.values()
                words = [c.text for c in told.children if c.dep_ == "compound" and c.i < told.i]
                name = " ".join([*words, told.text])  # "bird flu"
                return f"{name[:1].upper()}{name[1:]} outbreak", "the outbreak", False
            return "Outbreak", "the outbreak", False
        # "bird flu", "the H7N7 strain", "E. coli": the disease with the words before it.
        before = [
            t for t in disease.subtree if t.i < disease.i and t.dep_ in ("compound", "amod", "nmod")
        ]
        first = min(before, key=lambda t: t.i, default=disease)
        last = disease
        while last.i + 1 < len(disease.doc) and not last.whitespace_:
            last = disease.doc[last.i + 1]  # "foot-and-mouth"
        told = disease.doc[first.i : last.i + 1].text.rstrip(",.;:")
        name = f"{told} {name}" if disease.i < token.i else f"{name} of {told}"
        kind = f"outbreak {disease.lemma_.lower()}"
    return name[:1].upper() + name[1:], kind, False


# Diseases news names outbreaks by, as the word the model reads them as.
_DISEASES = frozenset(
    {
        "cholera", "measles", "ebola", "mpox", "monkeypox", "dengue", "malaria", "polio",
        "h5n1", "h1n1", "covid", "covid-19", "coronavirus", "zika", "marburg", "plague",
        "anthrax", "diphtheria", "salmonella", "listeria", "meningitis", "lassa", "nipah",
        "hepatitis", "typhoid", "chikungunya", "flu", "influenza", "norovirus", "sars",
        "mers", "yellow fever",
    }
)  # fmt: skip
# What a disease does when an outbreak of it is told by the disease alone: "Bird flu has
# been detected in dairy cattle in Texas", "Cholera spread to Kassala".
_SPREADING_VERBS = frozenset(
    {"detect", "find", "confirm", "report", "spread", "reach", "hit", "kill", "sicken",
     "infect", "emerge", "surge", "strike", "break", "appear", "ravage", "sweep"}
)  # fmt: skip


def _disease_spreading(token) -> tuple[str, str, bool] | None:
    """ "Bird flu has been detected in dairy cattle in Texas": a disease the clause's verb
    finds, spreads or has strike somewhere is an outbreak of it, named by the disease."""
    if token.pos_ not in ("NOUN", "PROPN") or token.lower_ not in _DISEASES:
        return None
    word = token.lower_
    verb = token.head.lemma_.lower()
    # ("The WHO declared mpox a global public health emergency": so grave an outbreak.)
    declared = (
        token.dep_ in ("dobj", "xcomp", "nsubj")
        and verb == "declare"
        and any(
            t.lemma_.lower() in ("emergency", "epidemic", "pandemic") for t in token.head.subtree
        )
    )
    # ("Mpox outbreak spreads to Kenya": a headline the model reads with "outbreak" for
    # its verb.)
    misread = token.head.lower_ == "outbreak" and token.head.pos_ == "VERB"
    if not declared and (
        token.dep_ not in ("nsubj", "nsubjpass") or (verb not in _SPREADING_VERBS and not misread)
    ):
        return None
    if _negated(token.head):
        return None
    before = [t for t in token.subtree if t.i < token.i and t.dep_ in ("compound", "amod")]
    if word in ("flu", "influenza") and not before:
        return None  # "the flu" alone is the season's, not an outbreak somewhere
    first = min(before, key=lambda t: t.i, default=token)
    told = token.doc[first.i : token.i + 1].text
    return f"{told[:1].upper()}{told[1:]} outbreak", f"outbreak {word}", False


def _attacking_countries(verb, sentence: _Sentence) -> list[PlaceRef]:
    """The countries whose act it is: the verb's subject ("Iran fired missiles", "the United
    States and Britain launched strikes"), or the country its forces are of ("Israeli jets
    struck", "Russia's army pushed into")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "xcomp":
        # "Russian forces continued to press towards Pokrovsk"
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None and any(c.dep_ == "nsubjpass" for c in verb.children):
        subject = _doer(verb)  # "was hit by a missile fired by Yemen's Houthi rebels"
    if subject is None and verb.dep_ == "pcomp" and verb.head.lower_ == "by":
        # "Iran responded by firing about 100 ballistic missiles at Israel"
        subject = next((c for c in verb.head.head.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("it", "they", "we") and verb.dep_ == "ccomp":
        # "India said it targeted … in Bahawalpur": who said it did it.
        return _attacking_countries(verb.head, sentence)
    if subject is None:
        return []
    first = _attacking_country(subject, sentence)
    if first is None:
        return []
    # ("U.S. and British warplanes": the forces of both, an adjective naming the second.)
    find = sentence.place_at if first.demonym or subject.lemma_.lower() in _ARMED else None
    others = _conjoined(first, sentence, find or sentence.named_place_at)
    return [first, *(p for p in others if p.kind == "country")]


def _attacking_country(subject, sentence: _Sentence) -> PlaceRef | None:
    place = sentence.place_at(subject)
    if place is None and subject.lemma_.lower() in _ARMED:
        # ("Thai F-16 jets": the model may hang the country on the model of jet.)
        modifiers = [
            *subject.children,
            *(
                g
                for c in subject.children
                if c.dep_ in ("nummod", "compound")
                for g in c.children
                if g.i < c.i
            ),
        ]
        place = next(
            (
                found
                for c in modifiers
                # ("U.S. and British warplanes": the model may call the first a modifier.)
                if c.dep_ in ("amod", "compound", "poss", "nmod")
                and (found := sentence.place_at(c)) is not None
            ),
            None,
        )
    return place if place is not None and place.kind == "country" else None


def _conflicts(sentence, ctx) -> list[EventDraft]:
    drafts = []
    for token in sentence.sent:
        forced = (
            _force(token, sentence, ctx)
            or _strike(token, sentence, ctx)
            or _armed_killing(token, sentence, ctx)
        )
        if forced:
            drafts.extend(forced)
            continue
        # spaCy often tags "Fighting" opening a sentence as a verb, even as a clause of the
        # sentence's verb ("Fighting between … broke out in Khartoum").
        # "people who fled fighting in the capital Khartoum": what they fled, as a verb.
        gerund = token.lower_ == "fighting" and (
            token.dep_ in ("nsubj", "nsubjpass", "ROOT")
            or (token.dep_ == "advcl" and token.i == sentence.sent.start)
            or (token.dep_ == "dobj" and token.head.lemma_.lower() in ("flee", "escape"))
        )
        # "a Saudi-led coalition has fought the Houthis in Yemen since 2015": armed force
        # fighting somewhere is fighting there.
        # (Troops, a coalition, a country; not any organisation: "Apple fought the fine in
        # Ireland" is no war.)
        gerund = gerund or (
            token.pos_ == "VERB"
            and token.lemma_.lower() in ("fight", "battle")
            and any(
                c.dep_ == "nsubj"
                and (
                    c.lemma_.lower() in _ARMED
                    or getattr(sentence.place_at(c), "kind", None) == "country"
                )
                for c in token.children
            )
            and not _negated(token)
        )
        # "Israel's military campaign in Gaza", "a Russian air campaign in Syria".
        campaign = next(
            (
                c.lower_
                for c in token.children
                if c.dep_ in ("amod", "compound") and c.lower_ in _ARMED_CAMPAIGNS
            ),
            None,
        )
        campaign = campaign if _noun_in(token, _CAMPAIGN_NOUNS) else None
        if (
            not gerund
            and not campaign
            and not _noun_in(token, _CONFLICT_NOUNS)
            and not _armed_attack(token, sentence)
        ):
            continue
        if any(c.dep_ in ("compound", "amod") and c.lower_ in _NOT_ARMED for c in token.children):
            continue  # "home invasion", "price war", "trade war"
        counted = (
            token.head.head
            if token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.lemma_.lower() in _ONE_OF
            else token
        )
        if (
            counted.dep_ == "dobj"
            and counted.head.lemma_.lower() in _LAUNCHING_VERBS
            and _noun_lemma(token) in _ASSAULT_NOUNS
        ):
            # "carried out an air strike on …", "launched one of its largest drone attacks
            # on Moscow": the act its verb told (_strike)
            continue
        if _only_feared(token):
            continue  # "raising fears of a new war in the South Caucasus"
        place = None
        preposition = "in"
        # Where the fighting is, told by a preposition ("the U.S. invasion of Iraq"), before
        # a name in front of the noun, which for an invasion or offensive is the side that
        # makes it, not where ("the Gaza war" is in Gaza).
        for child in sorted(token.children, key=lambda c: c.dep_ != "prep"):
            if child.dep_ in ("compound", "amod", "nmod") and token.lemma_.lower() in (
                "invasion",
                "offensive",
            ):
                continue
            if (
                child.dep_ in ("compound", "amod", "nmod")
                and _noun_lemma(token) in _ARMED_ACT_NOUNS
                and getattr(sentence.place_at(child), "kind", None) == "country"
            ):
                continue  # "a U.S. drone strike" is the side's; "the Paris attacks" are there
            if (
                child.dep_ == "prep"
                and child.lower_ in _CONFLICT_NOUN_PREPS
                and not (child.lower_ == "of" and _noun_lemma(token) == "attack")
            ):
                # Not a place a clause inside the phrase names ("a war in 2020 in which
                # Azerbaijan recaptured territory" is not a war in Azerbaijan), nor what an
                # attack is "of" ("its largest drone attack of the war on Kyiv").
                place = _subtree_place(child, sentence, clauses=False)
                named = next((c for c in child.children if c.dep_ == "pobj"), None)
                if (
                    named is not None
                    and child.lower_ in ("on", "against")
                    and _noun_in(named, _SHIP_NOUNS)
                ):
                    # "attacks on shipping in the Red Sea": where the ships sail, not a place
                    # a phrase about them names ("… despite U.S. strikes").
                    place = _where_in(named.children, sentence)
                if (
                    child.lower_ in ("on", "against")
                    and named is not None
                    and sentence.named_place_at(named) == place
                ):
                    # "the war on Kyiv", "an offensive against Kharkiv"; not "an offensive
                    # against the rulers of Gaza", which is fighting in Gaza.
                    preposition = child.lower_
                elif (
                    child.lower_ == "of"
                    and token.lemma_.lower() in ("invasion", "siege", "bombardment", "shelling")
                    and named is not None
                    and sentence.named_place_at(named) == place
                ):
                    preposition = "of"  # "Putin's invasion of Ukraine"
            elif child.dep_ in ("compound", "amod", "nmod"):
                candidate = sentence.place_at(child)
                if candidate is not None and not candidate.demonym:
                    place = candidate
            if place is not None:
                break
        if (
            place is None
            and _noun_lemma(token) in ("siege", "blockade")
            and token.dep_ == "dobj"
            and token.head.lemma_.lower() in ("lay", "impose", "place", "tighten")
        ):
            # "where it laid siege to El Fasher": the siege of El Fasher.
            for child in [*token.children, *token.head.children]:
                named = next((c for c in child.children if c.dep_ == "pobj"), None)
                if child.dep_ == "prep" and child.lower_ in ("to", "on") and named is not None:
                    place = sentence.named_place_at(named) or _object_place(named, sentence)
                    if place is not None:
                        preposition = "of"
                        break
        if place is None and _border_fighting(token):
            # "border clashes between Thailand and Cambodia", "Thailand and Cambodia, whose
            # border clashes killed 48": fought on both sides of the border.
            place = _border_sides(token, sentence)
            if place is not None:
                preposition = "between"
        if place is None and (trailing := _trailing_prep(token)) is not None:
            place = _subtree_place(trailing, sentence, clauses=False)
        if place is None and token.pos_ == "VERB" and _is_where_clause(token):
            place = sentence.named_place_at(token.head)  # "in Yemen, where a coalition fought"
        if place is None and token.pos_ == "VERB":
            # "has fought the Houthis in Yemen": the model may hang the place on the foe.
            foes = [c for c in token.children if c.dep_ == "dobj"]
            place = _where_in([g for foe in foes for g in foe.children], sentence)
        if place is None and _noun_lemma(token) == "attack":
            # "Attacks by Yemen's Houthi militants on ships in the Red Sea": the target, hung
            # on the attackers.
            for t in token.subtree:
                if (
                    t.dep_ == "prep"
                    and t.lower_ in ("on", "against")
                    and t.head.dep_ == "pobj"
                    and t.head.head.lower_ == "by"
                    and t.head.head.head == token
                ):
                    place = _subtree_place(t, sentence, clauses=False)
                    break
        verb = _conflict_verb(token)
        if place is None and verb is not None:
            # "Fighting spread to El Fasher", "the war, which began in Khartoum"; "shelling
            # killed 12 people in the town of Poonch" (the model may hang the "in" on them).
            killed = [
                g
                for c in verb.children
                if c.dep_ == "dobj" and verb.lemma_.lower() in _KILLING_VERBS
                for g in c.children
            ]
            for child in [*verb.children, *killed]:
                if child.dep_ == "prep" and child.lower_ in _CONFLICT_PREPS:
                    place = _subtree_place(child, sentence)
                    if place is not None:
                        break
        kinds = (
            ("country", "region", "city", "sea") if _noun_lemma(token) in _ARMED_ACT_NOUNS else None
        )
        if place is None or place.kind not in (kinds or ("country", "region", "city")):
            continue  # (attacks on shipping are at sea; a war is not fought on a sea's name)
        # "clashes were reported in El Geneina and Nyala": every place of the list.
        places = [place] + [
            p
            for p in _conjoined(place, sentence, sentence.named_place_at)
            if p.kind in (kinds or ("country", "region", "city")) and not p.demonym
        ]
        date = None
        if verb is not None and verb.lemma_.lower() in _OUTBREAK_VERBS:
            date = _nearest_date(ctx.dates_in(sentence), verb.idx, ctx.anchor, "past")
        elif verb is not None and _noun_lemma(token) == "clash" and verb.pos_ == "VERB":
            # "In 2011, clashes near the Preah Vihear temple killed 20 people": clashes last
            # days, not years; what their clause dates is when they were.
            date = _nearest_date(
                _own_dates(verb, ctx.dates_in(sentence)), verb.idx, ctx.anchor, "past"
            )
        elif _noun_lemma(token) in _ARMED_ACT_NOUNS:
            # "a rocket attack that killed 12 children in the Golan Heights on Saturday":
            # an act's own phrase says when it struck.
            low, high = _extent(token)
            own = [p for p in ctx.dates_in(sentence) if low <= p.start < high]
            if (
                not own
                and token.dep_ == "nsubj"
                and token.head.lemma_.lower() in _STRIKING_VERBS | _KILLING_VERBS
            ):
                # "Drone strikes on Port Sudan in May hit the city's airport": or the
                # clause of the harm the act did.
                own = _own_dates(token.head, ctx.dates_in(sentence))
            date = _nearest_date(own, token.idx, ctx.anchor, "past")
        if date is None and preposition == "between":
            # "fought a five-day border war in July": short fighting, dated by its phrase
            date = _nearest_date(
                _own_dates(token.head if token.dep_ == "dobj" else token, ctx.dates_in(sentence)),
                token.idx,
                ctx.anchor,
                "past",
            )
        told = ctx.last_conflict
        if told is not None and told.fields.get("act"):
            told = None
        if (
            told is not None
            and not gerund
            and token.lemma_.lower() in ("war", "conflict")
            and told.fields["name"].split()[0] not in ("war", "conflict")
        ):
            # "The war …, which began in Khartoum" after "fighting in El Fasher": the war is
            # more than that battle, not more about it.
            told = None
        if told is not None and (gerund or _definite(token)) and place.kind == "city":
            # "The conflict, which began in Khartoum": more about the war already told.
            for each in places:
                if each.key not in told.fields["places"]:
                    told.fields["places"].append(each.key)
            if sentence.span() not in told.spans:
                told.spans.append(sentence.span())
            told.date = told.date or date
            continue
        name = (
            # (a ceasefire tells of the fighting it pauses, which the map shows)
            "fighting in"
            if gerund or _noun_lemma(token) in _PAUSE_NOUNS
            # ("Clashes broke out in Nyala": clashes, as told, not one clash.)
            else f"{token.lower_} {preposition}"
            if token.tag_ == "NNS" and _noun_lemma(token) in ("clash", "skirmish")
            else f"{token.lemma_.lower()} {preposition}"
        )
        if preposition == "between":
            # "Border clashes between Thailand and Cambodia", as the article counts them
            border = any(c.dep_ == "compound" and c.lower_ == "border" for c in token.children)
            name = f"{'border ' if border else ''}{token.lower_} between"
        if (
            _noun_lemma(token) == "attack"
            and place.kind == "sea"
            and any(
                c.dep_ == "prep"
                and c.lower_ in ("on", "against")
                and any(g.dep_ == "pobj" and _noun_in(g, _SHIP_NOUNS) for g in c.children)
                for c in token.children
            )
        ):
            name = "attacks on shipping in"  # "the group's attacks on shipping in the Red Sea"
        if campaign:
            # "military campaign in", "air campaign in"; what its maker calls it ("anti-
            # terrorist operations") is a military one.
            campaign = "military" if campaign in _TERROR_WORDS else campaign
            name = f"{campaign} {name}"
        if preposition == "of":
            # "the invasion of Ukraine" is the act "Russia invaded Ukraine" told as a noun,
            # dated by its own phrase ("the invasion of Iraq in 2003").
            date = date or _nearest_date(
                _own_dates(token, ctx.dates_in(sentence)), token.idx, ctx.anchor, "past"
            )
            key: tuple = ("conflict", place.key, name)
            fields = {"name": name, "places": [p.key for p in places], "act": True}
        else:
            key = ("conflict", place.key)
            # (named after the places its first telling lists, not those it spread to)
            fields = {"name": name, "places": [p.key for p in places], "listed": len(places)}
        if _noun_lemma(token) in _ARMED_ACT_NOUNS:
            # "killed in an Israeli strike in Tehran": the side whose strike it was.
            sides = [
                found.key
                for c in token.children
                if c.dep_ in ("amod", "compound", "poss")
                and (found := sentence.place_at(c)) is not None
                and found.kind == "country"
                and found.key not in fields["places"]
            ]
            if sides:
                fields["by"] = sides
            if token.tag_ == "NN" and _definite(token):
                fields["again"] = True  # "the attack on Majdal Shams": see _fold_acts_told_again
        drafts.append(
            EventDraft(kind="conflict", key=key, spans=[sentence.span()], fields=fields, date=date)
        )
    return drafts


_CONFLICT_PREPS = ("in", "to", "into", "across", "around", "near", "outside", "along", "on")


def _border_fighting(noun) -> bool:
    """Whether *noun* tells of fighting between two countries on their border: "clashes
    between", "border clashes", "a border war"."""
    lemma = _noun_lemma(noun)
    return lemma in ("clash", "skirmish") or (
        lemma in _CONFLICT_NOUNS
        and any(c.dep_ == "compound" and c.lower_ == "border" for c in noun.children)
    )


def _border_sides(noun, sentence: _Sentence) -> PlaceRef | None:
    """The first of the two countries whose border fighting *noun* tells of, named "between"
    them or before "whose" ("Thailand and Cambodia, whose border clashes …"); None unless
    the sides are two countries or more."""
    first = None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            first = next((g for g in child.children if g.dep_ == "pobj"), None)
        elif child.lower_ == "whose" and child.i >= 2:
            before = noun.doc[child.i - 1]
            first = noun.doc[child.i - 2] if before.lower_ == "," else before
            while first.dep_ == "conj" and first.head.i < first.i:
                first = first.head
    if first is None and noun.dep_ == "dobj":
        # "Thailand and Cambodia fought a five-day border war"
        first = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    place = sentence.named_place_at(first) if first is not None else None
    if place is None or place.kind != "country" or place.demonym:
        return None
    others = _conjoined(place, sentence, sentence.named_place_at)
    return place if any(p.kind == "country" and not p.demonym for p in others) else None


# What a war no one is fighting yet is: feared, risked, averted.
_FEARED_NOUNS = frozenset(
    {"fear", "risk", "threat", "prospect", "spectre", "specter", "danger", "possibility"}
)
_FEARING_VERBS = frozenset(
    {"fear", "risk", "threaten", "avert", "avoid", "prevent", "warn", "plot", "plan", "foil",
     "thwart"}
)  # fmt: skip


def _only_feared(noun) -> bool:
    """Whether a war noun names one only feared, plotted or averted: "fears of a new war",
    "risk a wider war", "to avert war", "plotting a terror attack"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lemma_.lower() in _FEARED_NOUNS
    return noun.dep_ == "dobj" and head.lemma_.lower() in _FEARING_VERBS


# Verbs of taking or striking a place by force, and the name their act goes by: "Russia
# invaded Ukraine in February 2022" is the invasion of Ukraine, dated.
# Acts of taking a place, which may take a site in a city instead.
_TAKING = frozenset({"capture of", "recapture of", "seizure of", "liberation of"})
# Seats of power an army takes in a city ("the presidential palace in Khartoum").
_SEATS_OF_POWER = frozenset({"palace", "parliament", "ministry", "residence", "building", "center"})
_FORCE_VERBS = {
    "invade": "invasion of",
    "annex": "annexation of",
    "occupy": "occupation of",
    "bomb": "bombing of",
    "shell": "shelling of",
    "bombard": "bombardment of",
    "capture": "capture of",
    "recapture": "recapture of",
    "retake": "recapture of",
    "retook": "recapture of",  # the small model keeps the past tense as its lemma
    "seize": "seizure of",
    "storm": "storming of",
    "besiege": "siege of",
    "blockade": "blockade of",
    "attack": "attack on",
    "liberate": "liberation of",
}
# Names of one act told in other words ("RSF seizes Wad Madani" in the headline, "had taken
# control of Wad Madani" below): one event.
_SAME_ACTS = {"seizure of": "capture of", "strike on": "strikes on", "airstrike on": "strikes on"}
# And what a headline's verb may call the body's act: "Ukrainian drones strike Moscow" above
# "launched one of its largest drone attacks on Moscow" (not in the body, where an attack and
# strikes on one place may be two sides' acts).
_HEADLINE_SAME_ACTS = {**_SAME_ACTS, "attacks on": "strikes on", "attack on": "strikes on"}
# Words that make a "war" or an "invasion" something other than armed conflict.
_NOT_ARMED = frozenset(
    {
        "home", "price", "trade", "tariff", "turf", "culture", "bidding", "currency",
        "ratings", "talent", "legal", "court", "custody", "console", "format", "cola",
        "pitch", "field", "stage", "privacy", "heart", "panic", "asthma", "cyber", "shark",
        "ransomware", "hacker", "verbal", "personal",
    }
)  # fmt: skip


def _definite(noun) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


_OUTBREAK_VERBS = frozenset({"begin", "start", "erupt", "break"})


# Words that make an "attack" armed: its weapon or its kind ("a drone attack on Kyiv").
# An attack by a named group or people ("the Hamas attack", "a Russian attack") is armed too.
_ARMED_ATTACK_WORDS = frozenset(
    {
        "drone", "missile", "rocket", "terror", "terrorist", "air", "artillery", "suicide",
        "militant", "bomb", "knife", "gun", "armed", "military", "deadly", "cross-border",
        "ground", "naval", "insurgent", "jihadist", "mortar",
    }
)  # fmt: skip


# Nouns of an armed act, which a country before them made: "a U.S. drone strike".
_ARMED_ACT_NOUNS = frozenset({"attack", "strike", "airstrike", "shelling", "bombardment"})
_ARMED_GROUPS = frozenset(
    {"militant", "rebel", "force", "troop", "army", "insurgent", "fighter", "gunman", "jihadist"}
)


_KILLING_VERBS = frozenset({"kill", "die", "wound", "injure", "assassinate"})
# Attacks that kill but are no violence: "a heart attack killed him", "a shark attack".
_NOT_VIOLENCE = frozenset(
    {"heart", "asthma", "panic", "anxiety", "shark", "bear", "dog", "animal", "cyber"}
)


def _target_place(target, sentence: _Sentence) -> PlaceRef | None:
    """Where a struck target is: "a compound in Damascus", "Beirut's southern suburbs"."""
    owner = next(
        (
            place
            for c in target.children
            if c.dep_ == "poss" and (place := sentence.named_place_at(c)) is not None
        ),
        None,
    )
    if owner is not None:
        return owner
    found = _where_in(target.children, sentence)
    if found is None:
        # "strikes on six locations, including a mosque in Bahawalpur": where the targets
        # it goes on to name are.
        found = next(
            (
                place
                for c in target.children
                if c.dep_ == "prep" and c.lower_ in ("including", "like")
                for g in c.children
                if g.dep_ == "pobj"
                and _noun_in(g, _TARGET_NOUNS)
                and (place := _target_place(g, sentence)) is not None
            ),
            None,
        )
    return found


def _armed_attack(noun, sentence: _Sentence) -> bool:
    """An "attack" that is fighting: told by its weapon, its kind or who made it ("the Hamas
    attack on southern Israel", "a drone attack on Kyiv"); not a heart attack, a cyber
    attack or an attack on a policy."""
    lemma = _noun_lemma(noun)
    if noun.pos_ != "NOUN":
        return False
    if lemma in ("airstrike", "shelling", "bombardment"):
        return True  # "Russian shelling killed 23 people in Kherson"
    if lemma == "strike":
        # "an Israeli drone strike on a car in Tyre", "Russian strikes on Kyiv", "an Israeli
        # strike on its embassy compound in Damascus"; not a rail strike, nor French
        # workers' one.
        modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
        on_place = any(
            c.dep_ == "prep"
            and c.lower_ in ("on", "against")
            and any(
                g.dep_ == "pobj"
                and (
                    sentence.named_place_at(g) is not None
                    or (_noun_in(g, _TARGET_NOUNS) and _target_place(g, sentence) is not None)
                )
                for g in c.children
            )
            for c in noun.children
        )
        # "was killed in an Israeli strike in Tehran", "killed a commander in a strike on
        # Beirut's southern suburbs": a strike that kills is armed.
        killing = (
            noun.dep_ == "pobj"
            and noun.head.lower_ in ("in", "by")
            and noun.head.head.lemma_.lower() in _KILLING_VERBS
        )
        in_place = any(
            c.dep_ == "prep"
            and c.lower_ == "in"
            and any(g.dep_ == "pobj" and sentence.named_place_at(g) is not None for g in c.children)
            for c in noun.children
        )
        # "Israeli strikes killed 19 people in northern Gaza": a side's strikes that kill.
        side_kills = (
            noun.dep_ == "nsubj"
            and noun.head.lemma_.lower() in _KILLING_VERBS
            and any(c.ent_type_ == "NORP" or c.lower_ in _ARMED_ATTACK_WORDS for c in modifiers)
        )
        return (
            any(c.lower_ in _ARMED_ATTACK_WORDS for c in modifiers)
            or (on_place and any(c.ent_type_ == "NORP" for c in modifiers))
            or (killing and (on_place or in_place))
            or side_kills
        )
    if lemma != "attack":
        return False
    if (
        noun.dep_ == "nsubj"
        and noun.head.lemma_.lower() in _KILLING_VERBS
        and not any(c.lemma_.lower() in _NOT_VIOLENCE for c in noun.children)
    ):
        return True  # "The April 22 attack in Pahalgam killed 26 men"
    on = next(
        (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("on", "against")), None
    )
    target = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    if target is not None and _noun_in(target, _SHIP_NOUNS):
        return True  # "the group's attacks on shipping in the Red Sea": at sea, by force
    if target is not None and noun.dep_ == "dobj":
        # "Ukrainian forces have stepped up attacks on Crimea": made by armed force.
        subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lemma_.lower() in _ARMED_GROUPS:
            return True
    if by is not None and any(
        t.ent_type_ in ("ORG", "NORP") or t.lemma_.lower() in _ARMED_GROUPS for t in by.subtree
    ):
        return True  # "attacks by Yemen's Houthi militants on ships"
    for child in noun.children:
        if child.dep_ == "poss" and child.ent_type_ == "GPE":
            # "Russia's attack on Ukraine", not "Beijing's attack on Washington's policy"
            if target is not None and target.ent_type_ == "GPE":
                return True
            continue
        if child.dep_ not in ("compound", "amod", "nmod", "poss"):
            continue
        if child.lower_ in _ARMED_ATTACK_WORDS:
            return True
        if child.ent_type_ in ("ORG", "NORP") and child.lower_ not in _NOT_ARMED:
            return True
    return False


def _trailing_prep(noun):
    """A preposition right after the noun's phrase that the parser hung on the verb instead:
    "triggered the war in Gaza", "killed in the offensive in Gaza" are wars in Gaza."""
    end = max(t.i for t in noun.subtree) + 1
    if end >= len(noun.doc):
        return None
    prep = noun.doc[end]
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "near", "around", "outside"):
        return None
    heads = (noun.head, noun.head.head) if noun.dep_ == "pobj" else (noun.head,)
    return prep if prep.head in heads and noun.dep_ in ("dobj", "pobj") else None


def _conflict_verb(noun):
    """The verb telling where the fighting is: the noun's own clause ("fighting spread to"),
    or a clause about it ("the conflict, which began in")."""
    for child in noun.children:
        if child.dep_ == "relcl" and child.pos_ == "VERB":
            return child
    # The parser hangs "which began in Khartoum" on the nearest noun ("the war between the
    # army and the RSF, which began"): an army does not begin, the war does.
    for t in noun.subtree:
        if t.dep_ == "relcl" and t.pos_ == "VERB" and t.lemma_.lower() in _OUTBREAK_VERBS:
            return t
    # "Israeli air strikes killed 51 Palestinians in Gaza": the model may make the verb a
    # clause of the noun that opens the sentence.
    for child in noun.children:
        if child.dep_ == "acl" and child.pos_ == "VERB" and child.lemma_.lower() in _KILLING_VERBS:
            return child
    if noun.dep_ in ("nsubj", "nsubjpass", "advcl") and noun.head.pos_ == "VERB":
        return noun.head
    after = noun.right_edge.i + 1
    if (
        noun.dep_ == "pobj"
        and after < len(noun.doc)
        and noun.doc[after].pos_ == "VERB"
        and noun.doc[after].lemma_.lower() in _OUTBREAK_VERBS
    ):
        # "his ninth trip since the war in Gaza began in October": the model may take the
        # war for what "since" governs and leave its verb to another clause.
        return noun.doc[after]
    return None


# A clause of speaking that tells where the speaker was: "Speaking at a news conference in
# Moscow, Lavrov said …".
_SPEAKING_VERBS = frozenset({"speak", "talk", "address", "appear"})
# What a statement is given in, whose place is where it was said.
_SPEECH_NOUNS = frozenset(
    {
        "speech", "address", "interview", "conference", "briefing", "rally", "statement",
        "broadcast", "remarks", "appearance", "summit", "forum", "meeting",
    }
)  # fmt: skip


def _depth(token, ancestor) -> int:
    """How many steps up from *token* *ancestor* is."""
    return next(n for n, a in enumerate(token.ancestors, 1) if a == ancestor)


def _statements(sentence, ctx, last_actor) -> list[EventDraft]:
    """A named person reporting on places: "the spokesperson, Ann Reed, criticised plans for
    a base in Japan". Only with a place in what was said (or where it was said): a statement
    is drawn at a place, and one about nothing on the map is not a map's business."""
    drafts = []
    for token in sentence.sent:
        if token.lemma_.lower() not in _STATEMENT_VERBS or token.pos_ != "VERB":
            continue
        passive = any(c.dep_ == "nsubjpass" for c in token.children)
        if passive:
            # "he was criticised in Kyiv": the one spoken of; the speaker is the "by", if told.
            actor = next(
                (
                    found
                    for c in token.children
                    if c.dep_ == "agent"
                    for g in c.children
                    if g.dep_ == "pobj" and (found := sentence.actor_at(g)) is not None
                ),
                None,
            )
        else:
            actor = _subject_actor(token, sentence, last_actor)
        if actor is None:
            continue
        # ("Russia was condemned by Blinken": what was said is about Russia.)
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        subject = {t.i for child in subjects for t in child.subtree}
        site = None
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "at"):
                # "said in Beijing", not "support … in its dispute with China"
                site = _destination(child, sentence) or site
        if site is None:
            # "announced the extension in a televised speech in Ankara": where the speech was.
            for t in token.subtree:
                if (
                    t.lemma_.lower() in _SPEECH_NOUNS
                    and t.pos_ == "NOUN"
                    and t.dep_ == "pobj"
                    and t.head.lower_ in ("in", "at", "during")
                    # its own clause's: "said the summit in Kazan would …" is what was said
                    and not any(
                        a.dep_ in _CLAUSE_DEPS
                        # ("Speaking at a news conference in Moscow, Lavrov said": his own)
                        and not (a.dep_ == "advcl" and a.lemma_.lower() in _SPEAKING_VERBS)
                        for a in [t, *t.ancestors][: _depth(t, token)]
                    )
                ):
                    for child in t.children:
                        # ("in a televised address from Port Sudan": where it was given)
                        if child.dep_ == "prep" and child.lower_ in ("in", "at", "from"):
                            site = _destination(child, sentence) or site
        about: list[str] = []
        for t in token.subtree:
            place = sentence.place_at(t)
            if (
                place is not None
                and not place.demonym
                and t.i not in subject
                and place.key not in about
                and (site is None or place.key != site.key)
            ):
                about.append(place.key)
        if not about and site is None:
            continue
        start, end = sentence.span()
        drafts.append(
            EventDraft(
                kind="statement",
                key=("statement", actor.key),
                spans=[(start, end)],
                fields={
                    "actor": actor.key,
                    "about": about,
                    "site": site.key if site is not None else None,
                },
                date=_nearest_date(
                    _statement_dates(token, ctx.dates_in(sentence)),
                    token.idx,
                    ctx.anchor,
                    "past",
                    # (what was said was said by the article's day: "announced at the
                    # summit, will take effect on Jan. 1" was not said on Jan. 1)
                    said=True,
                ),
            )
        )
        break  # one statement per sentence: "said ..., adding that ..." is one
    return drafts


_DAY_OF_THIS_WEEK = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)\b", re.I
)


def _statement_dates(verb, phrases: list[DatePhrase]) -> list[DatePhrase]:
    """The dates of what was said: its own clause's, else the clause it hangs on ("arrived in
    Manila on Tuesday …, pledging support": Tuesday, not the Monday of a trip told between),
    else any in the sentence but those of travel told in it ("said … that he would travel
    to Kyiv on Friday": Friday is the trip's)."""
    travel = [
        _extent(t)
        for t in verb.sent
        if t.lemma_.lower() in _VISIT_VERBS and t.pos_ == "VERB" and t != verb
    ]
    # "said Albania owed Italy a debt for taking in Albanians in the 1990s": what was said
    # has dates of its own, not the day it was said — but for a day of this week ("the EU
    # and Mercosur reached a deal on Friday, von der Leyen said"), which news tells the
    # same day.
    # (A clause with a subject of its own: not "In a call late last week to mark …, Peres
    # told", which the model may make a clause of the verb's.)
    clauses = [
        c
        for c in verb.children
        if c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
    ]
    said = [_extent(c) for c in clauses]
    # ("said he would host a summit in Nairobi on Wednesday": a day still ahead is the
    # summit's, not the saying's.)
    ahead = [
        _extent(c)
        for c in clauses
        if any(g.dep_ == "aux" and g.lower_ in _FUTURE_AUX for g in c.children)
    ]
    phrases = [
        p
        for p in phrases
        if not any(a <= p.start < b for a, b in said)
        or (_DAY_OF_THIS_WEEK.search(p.text) and not any(a <= p.start < b for a, b in ahead))
    ]
    return (
        _own_dates(verb, phrases)
        or _own_dates(verb.head, phrases)
        or [p for p in phrases if not any(a <= p.start < b for a, b in travel)]
    )


@dataclass(frozen=True, slots=True)
class _Origin:
    """Travel told with where it came from but not where it went."""

    actor: str
    origin: str | None  # None: "Putin flew in on Wednesday", from nowhere told
    span: tuple[int, int]
    arrival: bool  # "arrived from", "flew in from": it ended where the story is
    date: DateValue | None
    scheduled: bool = False  # "is expected to arrive on Wednesday": still ahead


class _Context:
    def __init__(self, doc, text: str, anchor: dt.date) -> None:
        self.doc = doc
        self.text = text
        self.anchor = anchor
        self.headline_end = _headline_end(text)
        self.last_pair: tuple[str, ...] | None = None
        self.last_conflict: EventDraft | None = None
        # The last day of a trip made each traveller's visits have told ("on Thursday").
        self.trip_days: dict[str, DateValue] = {}
        self.acts: list[EventDraft] = []  # the armed acts told so far ("the strikes" again)
        # The last country whose trade the article told ("China's exports").
        self.trader: PlaceRef | None = None
        # The period the article's last trade figures told as fact covered ("in October").
        self.trade_period: DateValue | None = None
        # (country, "imports" or "exports") -> the goods its flows were last told to be of
        self.goods_told: dict[tuple[str, str], str] = {}
        # The name of the last pact told ("security pact"), for "a similar pact".
        self.pact_name: str | None = None
        # The two countries the previous sentence names, if it names exactly two.
        self.previous_pair: tuple[str, ...] | None = None
        # Travel told with its origin only, in this sentence.
        self.origins: list[_Origin] = []
        # The city the article's first arrival put the story in ("Macron travelled to
        # Berlin"): where someone who "had flown in from Warsaw" later landed.
        self.scene: str | None = None
        self.scene_date: DateValue | None = None  # when that arrival was
        # The dateline's city, where "the summit" of a story filed from it is held.
        self.dateline: PlaceRef | None = None
        # The people the last sentence named together as its subject, for a "they".
        self.last_group: list[ActorRef] = []
        self.last_together: list[ActorRef] = []  # the last people named together, kept
        self.last_joined: list[ActorRef] = []  # … and the last joined by "and" as subject
        self._dates: dict[int, list[DatePhrase]] = {}
        # The last date the story has told so far, and, per sentence reached, the one told
        # before it: what "a day earlier" and "the following year" count from.
        self.reference: DateValue | None = None
        self._references: dict[int, DateValue | None] = {}

    def reach(self, sentence: _Sentence) -> None:
        """Note the date the story had told when it reached *sentence*."""
        self._references[sentence.sent.start] = self.reference

    def told(self, sentence: _Sentence, found: list[EventDraft]) -> None:
        """Move the story's last date on to what *sentence* told: its events' dates, else
        the dates of its own phrases ("On Tuesday, officials said …")."""
        dates = [d.date for d in found if d.date is not None]
        if not dates:
            resolved = (
                resolve(p.text, self.anchor, "past", reference=p.reference)
                for p in self.dates_in(sentence)
            )
            dates = [v for v in resolved if v is not None]
        if dates:
            self.reference = dates[-1]

    def dates_in(self, sentence: _Sentence) -> list[DatePhrase]:
        key = sentence.sent.start
        if key not in self._dates:
            # Each phrase counts from the one before it in the sentence ("in 1971 … the
            # following year"), the first from the story's last date before the sentence.
            reference = self._references.get(key)
            phrases = []
            for phrase in date_phrases(sentence.sent):
                phrases.append(dataclasses.replace(phrase, reference=reference))
                # ("meet Xi in Beijing on Dec 9, before visiting Shanghai the following day",
                # told on Dec 2: the Dec 9 a week ahead, not the one a year gone.)
                readings = [
                    value
                    for tense in ("past", "future")
                    if (value := resolve(phrase.text, self.anchor, tense, reference=reference))
                ]
                value = min(readings, key=lambda v: abs((v.start - self.anchor).days), default=None)
                reference = value or reference
            self._dates[key] = phrases
        return self._dates[key]


def extract_events(
    doc,
    text: str,
    anchor: dt.date,
    places: list[PlaceRef],
    actors: list[ActorRef],
    default_pair: tuple[str, str] | None = None,
    filed_from: str | None = None,
    blocs: list[PlaceRef] | None = None,
) -> list[EventDraft]:
    """Every event found in the article, merged by key, in order of first mention.

    *filed_from* is the place key of the article's dateline city, where someone who "flew in
    from Luanda" with no destination told arrived. *blocs* are the mentions of blocs that
    trade as one ("the EU"), kind "bloc": trade flows may start or end at them, nothing else
    does; a place named inside one ("European" in "European Union") gives way to it there.
    """
    traders = sorted(
        [
            *(p for p in places if not any(b.start <= p.start < b.end for b in blocs or ())),
            *(blocs or ()),
        ],
        key=lambda p: p.start,
    )
    ctx = _Context(doc, text, anchor)
    # The words before each person's mentions, where news gives their office ("US Secretary
    # of State Antony Blinken"), for the office told alone later (see _role_of).
    titles: dict[str, str] = {}
    for actor in actors:
        told = text[max(0, actor.start - 60) : actor.start].lower()
        titles[actor.key] = f"{titles.get(actor.key, '')}\n{told}"
    doc.user_data["actor_titles"] = titles
    ctx.last_pair = default_pair
    ctx.dateline = next((p for p in places if p.key == filed_from), None)
    where = {p.key: p for p in places}
    actors = _described_actors(doc, actors)
    merged: dict[tuple, EventDraft] = {}
    last_actor: ActorRef | None = None
    last_port: EventDraft | None = None
    # The disaster the article is telling, and for how many sentences it has said nothing
    # more of it: "The quake hit near Gaziantep. Whole blocks collapsed in Antakya."
    last_disaster: EventDraft | None = None
    quiet = 0
    left_disaster: EventDraft | None = None  # … and the one it moved on from
    # The visits of the last sentence that told any: "Widodo flew to Cianjur a day after
    # Wong arrived in Jakarta. Widodo, who travelled from Jakarta, …" gives Widodo's trip
    # its start even though Wong's was told last.
    last_visits: list[EventDraft] = []
    for sent in doc.sents:
        sentence = _Sentence(sent, places, actors)
        ctx.reach(sentence)
        ctx.origins.clear()
        if last_port is not None:
            _continue_port(last_port, sentence, ctx)
        found = (
            _visits(sentence, ctx, last_actor)
            + _ports(sentence, ctx)
            + _trade(_Sentence(sent, traders, actors) if blocs else sentence, ctx)
            + _alliances(sentence, ctx)
            + _allies(sentence)
            + _institutions(sentence, ctx)
            + _conflicts(sentence, ctx)
            + _disasters(sentence, ctx)
            + _statements(sentence, ctx, last_actor)
        )
        found = _travel_not_statements(_fold_country_visits(found, sentence))
        found = _arrivals_at_airports(found, sentence, merged, where)
        found = _fold_hits_within(found, sentence)
        ctx.told(sentence, found)
        # "Strikes on Yemen, including the port of Hodeidah": a port struck is a target,
        # not a port story.
        struck = {p for d in found if d.kind == "conflict" for p in d.fields["places"]}
        found = [d for d in found if not (d.kind == "port" and d.fields["port"] in struck)]
        ports = [d for d in found if d.kind == "port"]
        if ports:
            last_port = ports[-1]
        elif last_port is not None and "\n" in text[_last_end(last_port) : sent.start_char]:
            last_port = None  # a new paragraph: it no longer continues the port's story
        for draft in found:
            current = merged.get(draft.key)
            if current is not None and _trips_apart(current, draft, anchor):
                # "Putin last visited Mongolia in 2019": not the visit the story is about.
                # (An undated disaster apart from a dated one is the article's own, now.)
                draft.key = (*draft.key, draft.date.start.isoformat() if draft.date else "now")
                current = merged.get(draft.key)
            if current is None:
                merged[draft.key] = draft
                continue
            for span in draft.spans:
                if span not in current.spans:
                    current.spans.append(span)
            if (
                draft.kind == "institution"
                and current.date is None
                and draft.date is not None
                and current.status == "happened"
            ):
                # "Britain reopens embassy in Kabul" above "will reopen its embassy … next
                # month": a headline's present tense says nothing of when; the body does.
                current.status = draft.status
            if draft.kind == "trade" and draft.status != current.status:
                # A flow told as fact once happened, dated by the fact, not by the aim.
                if current.status == "proposed":
                    current.status, current.date = draft.status, draft.date
                draft.date = None
            if current.date is None or (
                draft.kind == "visit"
                and draft.date is not None
                and (
                    _finer(draft.date, current.date)
                    # "will visit Luxembourg and Belgium from Sept. 26 to 29 … will spend one
                    # day in Luxembourg on Sept. 26": the stay told, within the tour's days.
                    or (
                        draft.fields.get("stay")
                        and current.date.start <= draft.date.start
                        and draft.date.end <= current.date.end
                    )
                )
            ):
                current.date = draft.date or current.date
            elif draft.kind == "visit" and draft.date is not None:
                current.date = _days_of_stay(current.date, draft.date)
            if draft.kind == "trade" and draft.figures and not current.figures:
                # "the biggest UK trade delegation to India … Trade between the two was worth
                # £44.1bn last year": the flow is dated by its figures, not the day of words
                # about it.
                current.date = draft.date or current.date
            current.figures.extend(draft.figures)
            current.other_dates.extend(d for d in draft.other_dates if d not in current.other_dates)
            if (
                draft.kind == "visit"
                and current.fields.get("origin_inferred")
                and draft.fields.get("origin") is not None
                and not draft.fields.get("origin_inferred")
            ):
                # Where a leg began, told outright, over where a list's order put it.
                current.fields["origin"] = draft.fields["origin"]
                del current.fields["origin_inferred"]
            if draft.kind == "visit":  # told as travel once, it is travel
                current.fields["met_there"] = bool(
                    current.fields.get("met_there") and draft.fields.get("met_there")
                )
            for name, value in draft.fields.items():
                if isinstance(value, list) and isinstance(current.fields.get(name), list):
                    known = current.fields[name]
                    known.extend(v for v in value if v not in known)
                elif current.fields.get(name) is None and value is not None:
                    current.fields[name] = value
        disasters = [merged[d.key] for d in found if d.kind == "disaster"]
        if disasters:
            last_disaster, quiet = disasters[-1], 0
            if len(disasters) == 1:
                # "The toll from the quake in Turkey rose as rescuers pulled survivors from
                # collapsed buildings in Antakya": the sentence telling it may tell its harm.
                _disaster_damage(last_disaster, sentence, ctx)
        elif last_disaster is None and left_disaster is not None:
            if (
                _disaster_named_again(left_disaster, sentence) or _harm_told_again(sentence)
            ) and _disaster_damage(left_disaster, sentence, ctx):
                # "Greece evacuated 19,000 people as a wildfire raged … Tour operators
                # cancelled flights … The fire burned through forests near Lardos": back to
                # the disaster the article left.
                last_disaster, left_disaster, quiet = left_disaster, None, 0
        elif last_disaster is not None and not any(d.kind == "conflict" for d in found):
            if _disaster_damage(last_disaster, sentence, ctx):
                quiet = 0
            else:
                quiet += 1
                if quiet >= _DISASTER_QUIET:
                    # the article has moved on from it
                    last_disaster, left_disaster = None, last_disaster
        for n, draft in enumerate(found):
            if draft.kind == "visit" and draft.fields.get("onward") and not draft.fields["origin"]:
                # Travel told later in the sentence ("… before returning to Rome") is not
                # where this leg began.
                later = {id(merged[d.key]) for d in found[n + 1 :]}
                before = [
                    d
                    for d in merged.values()
                    if d.kind == "visit"
                    and d is not draft
                    and id(d) not in later
                    and d.fields["actor"] == draft.fields["actor"]
                    and d.fields["destination"] != draft.fields["destination"]
                ]
                # "… a tour that will take him to Serbia and Hungary. Xi will then fly to
                # Belgrade": when the last thing told is that list, the leg to Serbia is
                # told again, from where that one starts.
                listed = bool(before) and (
                    before[-1].fields.get("origin_inferred")
                    and getattr(where.get(before[-1].fields["destination"]), "kind", "")
                    == "country"
                )
                again = next(
                    (
                        d
                        for d in before
                        if listed
                        and (country := where.get(d.fields["destination"])) is not None
                        and country.kind == "country"
                        and (city := where.get(draft.fields["destination"])) is not None
                        and city.kind != "country"
                        and city.country_code == country.country_code
                        and d.fields["origin"] not in (None, draft.fields["destination"])
                    ),
                    None,
                )
                if again is not None:
                    draft.fields["origin"] = again.fields["origin"]
                elif before:
                    # "arrived in Beijing … after a stop in Shanghai": a stop the traveller
                    # has left for another is not where the next leg starts.
                    left = {d.fields["origin"] for d in before}
                    staying = [d for d in before if d.fields["destination"] not in left]
                    last = (staying or before)[-1]
                    days = [
                        (d.date.end, n, d)
                        for n, d in enumerate(staying or before)
                        if d.date is not None and d.date.precision == "day"
                    ]
                    if last.date is not None and last.date.precision != "day" and days:
                        # ("welcomed Zelensky in Istanbul on Friday … Earlier this week he
                        # visited Slovakia … was due to travel on to Lithuania": the stop
                        # reached last by its day, not the one told last in a week.)
                        latest = max(days, key=lambda told: told[:2])[2]
                        if latest.date.start >= last.date.start:  # type: ignore[union-attr]
                            last = latest
                    country = where.get(last.fields["destination"])
                    city = where.get(draft.fields["destination"])
                    if (
                        country is not None
                        and country.kind == "country"
                        and city is not None
                        and city.kind != "country"
                        and city.country_code == country.country_code
                        and last.fields["origin"] is not None
                    ):
                        # "… then heads to Vietnam" above "flew on to Hanoi": the country
                        # told again as its city, from where that leg began.
                        draft.fields["origin"] = last.fields["origin"]
                    else:
                        draft.fields["origin"] = last.fields["destination"]
                elif (
                    ctx.dateline is not None
                    and ctx.dateline.kind == "city"
                    and ctx.dateline.key != draft.fields["destination"]
                ):
                    # "JOHANNESBURG - … Modi will travel on to Athens on Friday": on from
                    # where the story is, told of no leg there.
                    draft.fields["origin"] = ctx.dateline.key
                    draft.fields["origin_inferred"] = True
        # Where the story is, this sentence: the dateline's city, else where someone else
        # just arrived ("Xi arrived in Kazan on Tuesday, and Modi flew in from New Delhi").
        arrived = next(
            (
                d
                for d in reversed(found)
                if d.kind == "visit"
                and d.status == "happened"
                and not d.fields.get("onward")
                # "Biden flew in from Lima, where he attended the Apec summit": Lima is
                # where he came from, not where the story is.
                and d.fields["destination"] not in {told.origin for told in ctx.origins}
                # ("returned home": where the story is not.)
                and not d.fields["destination"].startswith(HOME_PREFIX)
            ),
            None,
        )
        if ctx.scene is None and arrived is not None:
            scene = where.get(arrived.fields["destination"])
            if scene is not None and scene.kind == "city":
                ctx.scene, ctx.scene_date = scene.key, arrived.date
        here = filed_from or (arrived.fields["destination"] if arrived else ctx.scene)
        for told in ctx.origins:
            # "Blinken, who flew in from Washington": to the trip that happened, not to the
            # stops still ahead of him.
            theirs = [v for v in last_visits if v.fields["actor"] == told.actor]
            made = [v for v in theirs if v.status == "happened"]
            last_visit = (made or theirs or [None])[-1]
            stop = next(
                (
                    merged[d.key]
                    for d in found
                    if d.kind == "visit"
                    and d.fields.get("before_arrival")
                    and d.fields["actor"] == told.actor
                ),
                None,
            )
            if (
                stop is not None
                and told.origin is not None
                and last_visit is not None
                and last_visit.fields["origin"] is None
                and stop.fields["destination"]
                not in (told.origin, last_visit.fields["destination"])
            ):
                # "… who flew in from Washington after a stop in Tokyo": Washington to Tokyo,
                # then Tokyo to where the story is.
                stop.fields["origin"] = told.origin
                stop.fields.pop("origin_inferred", None)
                stop.fields["made_before"] = True
                last_visit.fields["origin"] = stop.fields["destination"]
                if told.span not in last_visit.spans:
                    last_visit.spans.append(told.span)
            elif (
                told.origin is not None
                and last_visit is not None
                and last_visit.fields["origin"] is None
                and last_visit.fields["destination"] != told.origin
            ):
                last_visit.fields["origin"] = told.origin
                if told.span not in last_visit.spans:
                    last_visit.spans.append(told.span)
            elif told.arrival and here is not None and here != told.origin:
                key = ("visit", told.actor, here, True)
                if key in merged and told.origin is None and told.date is not None:
                    # "met Xi in Beijing on Monday … Blinken, who arrived on Sunday": the
                    # arrival's day begins the stay told already.
                    stay = merged[key]
                    if stay.date is not None:
                        stay.date = _days_of_stay(stay.date, told.date)
                    if told.span not in stay.spans:
                        stay.spans.append(told.span)
                if key not in merged:
                    merged[key] = EventDraft(
                        kind="visit",
                        key=key,
                        spans=[told.span],
                        fields={
                            "actor": told.actor,
                            "destination": here,
                            "origin": told.origin,
                            # (why: see mapstory.geoparse.draft._DESTINATION_NOTES)
                            "destination_inferred": "dateline" if here == filed_from else "scene",
                        },
                        # "… earlier in the day": the day of the arrival it is told with;
                        # with none, of the arrival that set the scene ("World leaders
                        # began arriving in Rio on Sunday … Biden flew in from Lima").
                        date=told.date
                        or (arrived.date if arrived and here != filed_from else None)
                        or (ctx.scene_date if here == ctx.scene else None),
                        status="scheduled" if told.scheduled else "happened",
                    )
                    found.append(merged[key])
                    # "Putin flew in from Moscow on Sunday and will travel on to Beijing
                    # after the summit": on from where he flew in to.
                    for d in found:
                        onward = merged.get(d.key)
                        if (
                            onward is not None
                            and onward.kind == "visit"
                            and onward.fields.get("onward")
                            and onward.fields["actor"] == told.actor
                            and onward.fields["origin"] is None
                            and onward.fields["destination"] != here
                        ):
                            onward.fields["origin"] = here
                            onward.fields["origin_inferred"] = True
        visits = [d for d in found if d.kind == "visit"]
        if visits:
            last_visits = [merged[v.key] for v in visits]
            for visit in visits:
                day = merged[visit.key].date
                if day is not None and day.precision == "day" and visit.status == "happened":
                    ctx.trip_days[visit.fields["actor"]] = day
        conflicts = [d for d in found if d.kind == "conflict"]
        if conflicts:
            ctx.last_conflict = merged[conflicts[-1].key]
            ctx.acts.extend(merged[d.key] for d in conflicts if d.fields.get("act"))
        named = sorted({p.key for p in sentence.places if p.kind == "country" and not p.demonym})
        ctx.previous_pair = tuple(named) if len(named) == 2 else None
        subjects = [a for a in sentence.actors if _is_subject(doc, a)]
        doers = [a for a in subjects if not _only_reports(doc, a)]
        if sentence.actors:
            # "he" in the next sentence is most likely this sentence's last named subject,
            # but not one who only reports it ("…, spokesman Matthew Miller said").
            # ("It was Merz's first visit to Ukraine since he took office": a "he" after the
            # one the sentence names is that one.)
            named_first = min(a.start for a in sentence.actors)
            still_him = not subjects and any(
                (t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass"))
                # "His secret trip … paved the way for Nixon's visit": still him
                or (
                    t.lower_ in ("his", "her")
                    and t.dep_ == "poss"
                    and t.head.dep_ in ("nsubj", "nsubjpass")
                )
                for t in sentence.sent
                if t.idx < named_first
            )
            # "The crown prince met Prime Minister Fumio Kishida and the two sides signed
            # agreements. … He will fly to Beijing": the one the story was about is still
            # its subject, whoever the next clause has for its own.
            kept_on = last_actor is not None and any(
                a.key == last_actor.key and _subject_of(doc, a, sentence.sent.root) for a in doers
            )
            if (not still_him or last_actor is None) and not kept_on:
                # "He will meet President Joko Widodo": still the "he", not the one he meets.
                last_actor = (doers or subjects or sentence.actors[:1])[-1]
        if doers:
            # "they" next is the people named together as this sentence's subject.
            together = [doers[0], *_conjoined(doers[0], sentence, sentence.actor_at)]
            ctx.last_group = together if len(together) > 1 else []
            if len(together) > 1:
                ctx.last_together = ctx.last_joined = together
            else:
                # "Macron urged Xi on Thursday … The two leaders last met in Bali": one
                # person acting on the only other one named are two together too.
                others = {a.key: a for a in sentence.actors if a.key != doers[0].key}
                if len(others) == 1:
                    (other,) = others.values()
                    if not _only_reports(doc, other):
                        ctx.last_together = [doers[0], other]
        elif (
            last_actor is not None
            and not subjects
            and any(t.lower_ in ("he", "she") and t.dep_ == "nsubj" for t in sentence.sent)
            and len(others := {a.key: a for a in sentence.actors if a.key != last_actor.key}) == 1
            and not _only_reports(doc, (other := next(iter(others.values()))))
        ):
            # "… where he will meet Ecumenical Patriarch Bartholomew. On Saturday the two men
            # will travel to Iznik": the one the story follows, and the one he meets.
            ctx.last_together = [last_actor, other]
        elif any(t.dep_ == "nsubj" and not _names_the_group(t) for t in sentence.sent):
            ctx.last_group = []  # "Russian forces advanced …": "they" next are the forces
    # A trade flow is drawn to its figures; "trade deal", "arms sales" or "water supplies"
    # with no amount or change anywhere are not a flow the article measures.
    drafts = sorted(
        (d for d in merged.values() if d.kind != "trade" or d.figures),
        key=lambda d: min(s[0] for s in d.spans),
    )
    _stops_en_route(drafts)
    _from_place_after(drafts, where)
    _timetable_goes_on(drafts, text)
    _earlier_stops(drafts)
    _from_last_stop(drafts, text, anchor)
    _stops_on_the_way(drafts, where)
    _from_stops_between(drafts)
    _arrived_at_dateline(drafts, where, filed_from, anchor)
    drafts = _fold_meetings_on_legs(_fold_meetings_into_stays(drafts, anchor))
    drafts = _fold_headline_visits(_fold_acts_referred_to(drafts), text, where)
    drafts = _fold_unnamed_disasters(drafts)
    drafts = _fold_fighting_into_sieges(drafts)
    drafts = _fold_acts_told_again(drafts, where)
    drafts = _fold_trip_countries(_fold_plans_made(drafts, anchor), where, text)
    # (Again after the countries' folds: "arrived in Vietnam on Sunday … landed in Hanoi …
    # On Monday he will meet To Lam": the stay in Hanoi took Sunday from its country.)
    drafts = _fold_plans_made(_fold_arrivals_told_again(drafts, anchor), anchor)
    drafts = _fold_office_countries(drafts, where)
    _onward_origins(drafts, where)
    _from_where_it_returns(drafts, anchor)
    _home_from_the_tour_told(drafts)
    _origin_cities(drafts, where, anchor)
    _no_start_in_a_wider_place(drafts, where)
    _companions_share_the_leg(drafts)
    return drafts


# "at Vnukovo airport", "at Noi Bai International Airport": a place named only as an
# airport's.
_AIRPORT_AFTER = re.compile(r"\s+(?:International\s+)?[Aa]irport\b")


def _arrivals_at_airports(
    found: list[EventDraft], sentence: _Sentence, merged: dict, where: dict[str, PlaceRef]
) -> list[EventDraft]:
    """ "Xi arrived in Moscow on Wednesday … Xi was met at Vnukovo airport": a traveller met
    at an airport named after a place, in the country of the city they were told to reach
    just before, arrived there; the airport's town is no stop of its own."""
    text = sentence.sent.doc.text
    kept = []
    for draft in found:
        if draft.kind == "visit" and draft.fields["origin"] is None:
            dest = draft.fields["destination"]
            at_airport = any(
                p.key == dest and _AIRPORT_AFTER.match(text, p.end) for p in sentence.places
            )
            city = where.get(dest)
            reached = [
                d
                for d in merged.values()
                if d.kind == "visit"
                and d.fields["actor"] == draft.fields["actor"]
                and d.status == draft.status
                and d.fields["destination"] != dest
                and (arrived := where.get(d.fields["destination"])) is not None
                and arrived.kind == "city"
                and city is not None
                and arrived.country_code == city.country_code
            ]
            if at_airport and reached:
                stay = reached[-1]
                if sentence.span() not in stay.spans:
                    stay.spans.append(sentence.span())
                continue
        kept.append(draft)
    return kept


def _companions_share_the_leg(drafts: list[EventDraft]) -> None:
    """ "Macron and his wife Brigitte landed at Noi Bai airport in Hanoi": the undated leg of
    one of the family (an id ending in the same name), told only in words that also tell the
    other's leg to the same place, is that leg — its day and where it set out from. (Others
    named together may well have come on other days: "attended by Li Qiang, Modi and Lula",
    Modi having "arrived on Friday".)"""
    visits = [d for d in drafts if d.kind == "visit"]
    for draft in visits:
        if draft.date is not None:
            continue
        family = draft.fields["actor"].rsplit("-", 1)[-1]
        lead = next(
            (
                d
                for d in visits
                if d.fields["actor"] != draft.fields["actor"]
                and d.fields["actor"].rsplit("-", 1)[-1] == family
                and d.fields["destination"] == draft.fields["destination"]
                and d.status == draft.status
                and d.date is not None
                and set(draft.spans) <= set(d.spans)
            ),
            None,
        )
        if lead is None:
            continue
        draft.date = lead.date
        if draft.fields["origin"] is None and lead.fields["origin"] is not None:
            draft.fields["origin"] = lead.fields["origin"]
            if lead.fields.get("origin_inferred"):
                draft.fields["origin_inferred"] = True


def _no_start_in_a_wider_place(drafts: list[EventDraft], where: dict[str, PlaceRef]) -> None:
    """ "Xi makes rare visit to Europe, starting in France": a leg that would go on from a
    continent, or from a world region that holds where it goes, has the trip's wider aim for
    a start; it has no start told (the draft may still infer one from home)."""
    for draft in drafts:
        if draft.kind != "visit":
            continue
        origin = where.get(draft.fields["origin"] or "")
        destination = where.get(draft.fields["destination"])
        if origin is None or destination is None:
            continue
        if (
            origin.kind == "continent"
            or (origin.members and destination.country_code in origin.members)
            # ("Wang Yi visits Pakistan and Afghanistan" above "a two-day trip to Kabul": a
            # country's own town is no leg from the country.)
            or (
                origin.kind == "country"
                and destination.kind != "country"
                and destination.country_code == origin.country_code
            )
        ):
            draft.fields["origin"] = None
            draft.fields.pop("origin_inferred", None)


def _origin_cities(drafts: list[EventDraft], where: dict[str, PlaceRef], anchor: dt.date) -> None:
    """ "Arrived in Paris on Sunday … From France Xi travels to Belgrade": a leg that starts
    from a country the traveller was told to be in a city of starts from that city — the
    latest one dated before the leg, else the latest told before it. The city is marked
    inferred: the article named only the country."""
    visits = [d for d in drafts if d.kind == "visit"]
    for n, draft in enumerate(visits):
        origin = where.get(draft.fields["origin"] or "")
        if origin is None or origin.kind != "country":
            continue
        stays = [
            (m, other)
            for m, other in enumerate(visits)
            if other.fields["actor"] == draft.fields["actor"]
            and other.fields["destination"] != draft.fields["destination"]
            and (city := where.get(other.fields["destination"])) is not None
            and city.kind == "city"
            and city.country_code == origin.country_code
        ]
        # Only a stay on the same trip: days apart by no more than a trip's, or, undated,
        # as made (or still ahead) as the leg ("last visited the region in August, when he
        # travelled to Israel, Egypt …" does not start from next week's Tel Aviv).
        dated = [
            other
            for _, other in stays
            if draft.date is not None
            and other.date is not None
            and 0 <= (draft.date.start - other.date.end).days <= _SAME_TRIP_DAYS
            # (Not a stop the leg leads on to: "may visit Vladivostok and Komsomolsk".)
            and other.fields["origin"] != draft.fields["destination"]
        ]
        told = [
            other
            for m, other in stays
            if m < n
            and (draft.date is None or other.date is None)
            and (
                other.status == draft.status
                # "arrived in Paris on Sunday … From France Xi travels to Belgrade": a trip
                # under way goes on from its latest stop made.
                or (
                    other.status == "happened"
                    and other.date is not None
                    and (anchor - other.date.end).days <= _SAME_TRIP_DAYS
                )
            )
        ]
        # "Arrived in Kyiv … from Poland. Modi, who spent two days in Warsaw …": an undated
        # stay in that country told after the leg, and taken as on from it, came before it.
        came_from = [
            other
            for m, other in stays
            if m > n
            and draft.date is not None
            and other.date is None
            and other.status == draft.status
            and not other.fields.get("returning")
            and not other.fields.get("later")
            # (not "… to Toulon on Friday, before flying to Le Havre": a leg on from it)
            and not other.fields.get("went_on")
            and other.fields["origin"] in (None, draft.fields["destination"])
        ]
        if dated:
            city_visit = max(dated, key=lambda other: other.date.end)  # type: ignore[union-attr]
            # ("travel to Canberra on Monday … before returning to Sydney. From Australia
            # the couple will fly to Samoa": from the stay the last dated one went on to.)
            city_visit = _gone_on_to(
                city_visit,
                [
                    other
                    for m, other in stays
                    if m < n
                    and other.date is None
                    and other.fields.get("went_on")
                    and other.status == city_visit.status
                ],
                lambda other: True,
            )
        elif told:
            city_visit = told[-1]
        elif came_from:
            city_visit = came_from[0]
            if city_visit.fields.get("origin_inferred"):
                city_visit.fields["origin"] = None
                del city_visit.fields["origin_inferred"]
            # ("… in Warsaw before travelling to the border town of Przemysl, where he
            # boarded the train": from the last of the stays that went on one from another.)
            city_visit = _gone_on_to(
                city_visit,
                [other for m, other in stays if m > n and other.date is None],
                lambda other, draft=draft: other.status == draft.status,
            )
        else:
            continue
        draft.fields["origin"] = city_visit.fields["destination"]
        draft.fields["origin_inferred"] = True


def _travel_not_statements(found: list[EventDraft]) -> list[EventDraft]:
    """ "Macron said he would travel to Hualien on Thursday" tells a visit: where he will go
    is not also what a statement of his is about."""
    travelled: dict[str, set[str | None]] = {}
    for draft in found:
        if draft.kind == "visit":
            f = draft.fields
            travelled.setdefault(f["actor"], set()).update(
                (f.get("origin"), f.get("destination"), f.get("site"))
            )
    kept = []
    for draft in found:
        went = travelled.get(draft.fields.get("actor", ""), set())
        if draft.kind == "statement" and went:
            about = [p for p in draft.fields["about"] if p not in went]
            if not about and draft.fields["site"] is None:
                continue
            draft.fields["about"] = about
        kept.append(draft)
    return kept


# A visit to a country and one to a city in it, by one traveller, this close in time, are one
# trip told at two scales.
_SAME_TRIP_DAYS = 14


def _fold_trip_countries(
    drafts: list[EventDraft], where: dict[str, PlaceRef], text: str
) -> list[EventDraft]:
    """ "A journey that will take him to Indonesia, Papua New Guinea …" and, later, "landed in
    Jakarta", "flies to Port Moresby": the countries are the cities' trips, not others.

    A traveller's visit to a country folds into their first visit to a city or region in it
    (its excerpts, and its date or origin where the city's has none); legs that began in the
    folded country begin in that city. Visits more than _SAME_TRIP_DAYS apart stay apart.
    """
    kept: list[EventDraft] = []
    # (traveller, country, status; None: any trip still ahead) -> the city it folded into
    moved: dict[tuple[str, str, str | None], str] = {}
    early: set[int] = set()  # cities that took the place in the story of a country told first
    for draft in drafts:
        if id(draft) in early:
            continue
        # A trip made is not part of one still ahead, however close their dates (a tour
        # announced as ahead may well have begun with a landing already made).
        city = _city_visit(
            draft,
            drafts,
            where,
            lambda country, city: (
                _same_trip(country, city)
                and not (
                    country.status == "happened"
                    and city.status != "happened"
                    # "arrived in Mongolia on Friday … will spend four days in Ulaanbaatar":
                    # the stay the arrival began
                    and not (city.fields.get("stay") and city.date is None)
                    and not _landed_at_capital(country, city, where, text)
                    # "… on Saturday before flying to the United States. Zelenskiy will
                    # first visit an arms factory in Scranton on Sunday": the flight, of no
                    # day, is to the first stop told right after it.
                    and not (
                        country.date is None
                        and city.date is not None
                        and min(city.spans) > min(country.spans)
                        and _told_right_after(country, city, text)
                    )
                )
            ),
        )
        if city is None:
            kept.append(draft)
            continue
        # "before travelling to Egypt and Qatar … In Cairo he is due to meet Sisi": the city's
        # leg was chained from the stop told after the country (Qatar, whose leg starts in
        # Egypt), a loop; the city takes the country's leg and its place in the trip.
        loops = (
            bool(city.fields.get("origin_inferred"))
            and min(draft.spans) < min(city.spans)
            and any(
                other.kind == "visit"
                and other.fields["actor"] == city.fields["actor"]
                and other.fields["destination"] == city.fields["origin"]
                and other.fields["origin"] == draft.fields["destination"]
                for other in drafts
            )
        )
        # Or from a stop the trip reaches only after the country ("will visit Saudi Arabia on
        # Tuesday, Egypt on Wednesday and Israel on Thursday … In Riyadh he will meet the
        # crown prince": Riyadh's leg does not start in Israel).
        loops = loops or (
            draft.date is not None
            and any(
                other.kind == "visit"
                and other is not city
                and other.fields["actor"] == city.fields["actor"]
                and other.fields["destination"] == city.fields["origin"]
                and other.date is not None
                and other.date.start > draft.date.end
                for other in drafts
            )
        )
        # So does a city leg "from" the very country folding into it ("arrived in Cyprus …
        # held talks in Nicosia"): it starts where the country's did.
        itself = city.fields["origin"] == draft.fields["destination"]
        if (loops or itself) and not any(k is city for k in kept):
            kept.append(city)  # the trip's order is the country's: Cairo before Qatar
            early.add(id(city))
        if city.fields.get("stay") and city.date is None and draft.status == "happened":
            city.status = "happened"  # the stay began with the arrival told
        elif draft.status == "happened" != city.status and _landed_at_capital(
            draft, city, where, text
        ):
            # the stay in the capital began with the landing: its days run from it
            city.status = "happened"
            city.date = _days_of_stay(draft.date, city.date or draft.date)  # type: ignore[arg-type]
        elif (
            draft.status == city.status
            and draft.date is not None
            and city.date is not None
            and draft.date.start < city.date.start
            # (the trip's first leg: not a stop of a list dated by the tour's first day,
            # "will visit Brussels, Germany and France from Monday")
            and draft.fields["origin"] is None
        ):
            # "will travel to Israel on Saturday … will meet Netanyahu in Jerusalem on
            # Monday": the stay in the city runs from the day the trip to its country began.
            city.date = _days_of_stay(city.date, draft.date)
        _absorb(city, draft)
        if city.date is None and draft.status != "happened":
            # "a tour that will take him to … Hungary" and "He ends his trip in Budapest":
            # undated, the city's present tense is the tour's timetable.
            city.status = draft.status
        if (
            itself
            or loops
            or (draft.fields["origin"] is not None and city.fields["origin"] is None)
            # "travelling by train from Poland" over the stop the city was told after
            or (
                city.fields.get("origin_inferred")
                and draft.fields["origin"] not in (None, city.fields["destination"])
                and not draft.fields.get("origin_inferred")
            )
        ):
            city.fields["origin"] = draft.fields["origin"]
            city.fields.pop("origin_inferred", None)
            if draft.fields.get("origin_inferred"):
                city.fields["origin_inferred"] = True
        moved[(draft.fields["actor"], draft.fields["destination"], draft.status)] = city.fields[
            "destination"
        ]
        if draft.status == "happened":
            # Where the traveller now is: "arrived in Cyprus … will fly on to Canada" leaves
            # from the city the arrival was.
            moved.setdefault(
                (draft.fields["actor"], draft.fields["destination"], None),
                city.fields["destination"],
            )
    for draft in kept:
        if draft.kind != "visit":
            continue
        key = (draft.fields["actor"], draft.fields["origin"])
        start = moved.get((*key, draft.status))
        if start is None and draft.status != "happened":
            start = moved.get((*key, None))
        if start is not None and draft.date is not None:
            # "arrived in New York on Tuesday … travelling to Washington on Wednesday …
            # wrapped up a state visit to the United States on Friday and flew to Cairo": the
            # country's city the traveller reached last before the leg.
            country = where.get(draft.fields["origin"] or "")
            reached = [
                other
                for other in kept
                if other.kind == "visit"
                and other is not draft
                and other.fields["actor"] == draft.fields["actor"]
                and other.date is not None
                and other.date.start <= draft.date.start
                and (place := where.get(other.fields["destination"])) is not None
                and place.kind == "city"
                and country is not None
                and place.country_code == country.country_code
            ]
            if reached:
                start = max(reached, key=lambda other: other.date.start).fields["destination"]  # type: ignore[union-attr]
        if start is not None and start != draft.fields["destination"]:
            draft.fields["origin"] = start
    return kept


def _landed_at_capital(
    country: EventDraft, city: EventDraft, where: dict[str, PlaceRef], text: str
) -> bool:
    """ "Arrived in France on Sunday … Macron will host Xi in Paris on Monday": an arrival in
    a country is at its capital when the capital is where the traveller is next, within days
    or, undated, told right after ("arrived in New Caledonia … before driving to the capital
    Noumea, where he will meet local leaders"); the trip does not fly from France to Paris.
    (A city elsewhere, "will travel to Jaipur on Wednesday", is a leg on from wherever the
    arrival was.)"""
    place = where.get(city.fields["destination"])
    if place is None or not place.capital or country.date is None:
        return False
    land = where.get(country.fields["destination"])
    if land is None or land.kind != "country" or land.country_code != place.country_code:
        return False  # "has toured Latin America": a world region has no capital
    if city.date is None:
        return min(city.spans) > min(country.spans) and _told_right_after(country, city, text)
    gap = (city.date.start - country.date.end).days
    return 0 <= gap <= _ONWARD_DAYS


def _city_visit(
    draft: EventDraft,
    drafts: list[EventDraft],
    where: dict[str, PlaceRef],
    fits,
    *,
    continents: bool = False,
) -> EventDraft | None:
    """The same traveller's visit, among *drafts*, to a city or region inside the country
    *draft* goes to, that *fits* it; None when *draft* goes to no country or there is none.

    With *continents*, a visit to a continent folds into a visit to any city, region or
    country told with it: the gazetteer does not say which continent a country is on, so
    only a caller that knows both are one trip (told in one sentence) asks for that.
    """
    place = where.get(draft.fields.get("destination", "")) if draft.kind == "visit" else None
    if place is None:
        return None
    members: frozenset[str] | None = None
    if place.kind == "continent" and continents:
        kinds, country = ("city", "region", "country"), None
    elif place.kind == "country":
        kinds, country = ("city", "region"), place.country_code
    elif place.members:
        # "on his ninth trip to the Middle East" with "arrived in Israel": a world region
        # holds the places of its member countries.
        kinds, country, members = ("city", "region", "country"), None, place.members
    else:
        return None
    return next(
        (
            other
            for other in drafts
            if other.kind == "visit"
            and other is not draft
            and other.fields["actor"] == draft.fields["actor"]
            and (inside := where.get(other.fields["destination"])) is not None
            and inside.kind in kinds
            and country in (None, inside.country_code)
            and (members is None or inside.country_code in members)
            and fits(draft, other)
        ),
        None,
    )


def _fold_plans_made(drafts: list[EventDraft], anchor: dt.date) -> list[EventDraft]:
    """A visit still ahead on days a visit to the same place already spans is that visit
    ("arrived today in Athens"; "later today, fans would meet her in downtown Athens"): a
    trip made and one ahead are apart only when their days are. Undated, the plan is the
    stay going on when the article was written."""

    def during(plan: EventDraft, made: EventDraft) -> bool:
        if plan.date is None:
            # (Not a leg back there from elsewhere: "will travel to Canberra … before
            # returning to Sydney".)
            return made.date.end >= anchor and not (  # type: ignore[union-attr]
                plan.fields.get("returning") and plan.fields.get("went_on")
            )
        if made.date.start <= plan.date.end and plan.date.start <= made.date.end:  # type: ignore[union-attr]
            return True
        # "left for Washington on Sunday … is due to meet Biden at the White House on
        # Tuesday": a meeting ahead days after the arrival made is the same stay.
        gap = (plan.date.start - made.date.end).days  # type: ignore[union-attr]
        return (
            0 < gap <= _ONWARD_DAYS
            and made.date.end <= anchor < plan.date.start  # type: ignore[union-attr]
            # ("met Sisi in Cairo on Thursday … visited the Rafah crossing on Friday … will
            # attend a summit in Cairo on Saturday": away between, two stays)
            and not any(
                other.fields["actor"] == plan.fields["actor"]
                and other.fields["destination"] != plan.fields["destination"]
                and other.date is not None
                and made.date.end < other.date.start < plan.date.start  # type: ignore[union-attr]
                for other in made_any
            )
        )

    made = [d for d in drafts if d.kind == "visit" and d.status == "happened" and d.date]
    made_any = [d for d in drafts if d.kind == "visit" and d.date]
    kept = []
    for draft in drafts:
        same = (
            next(
                (
                    m
                    for m in made
                    if m.fields["actor"] == draft.fields["actor"]
                    and m.fields["destination"] == draft.fields["destination"]
                    and during(draft, m)
                ),
                None,
            )
            if draft.kind == "visit" and draft.status != "happened"
            else None
        )
        if same is None:
            kept.append(draft)
        else:
            _absorb(same, draft)
            if draft.date is not None and same.date is not None:
                same.date = _days_of_stay(same.date, draft.date)
    return kept


def _take_excerpts(into: EventDraft, other: EventDraft) -> None:
    """*into* tells *other*'s words too, in the article's order (*other* is folded into it)."""
    into.spans.extend(s for s in other.spans if s not in into.spans)
    into.spans.sort()


def _fold_hits_within(found: list[EventDraft], sentence: _Sentence) -> list[EventDraft]:
    """One act told of a country and of its towns in a sentence ("fired more than 100
    missiles at Israel, some of which hit buildings in Tel Aviv and Ramat Gan") is one
    attack on the country, with the towns it hit."""
    where = {p.key: p for p in sentence.places}

    def country_of(draft: EventDraft) -> PlaceRef | None:
        if draft.kind != "conflict" or not draft.fields.get("act"):
            return None
        if len(draft.fields["places"]) != 1:
            return None
        found = where.get(draft.fields["places"][0])
        return found if found is not None and found.kind == "country" else None

    def within(draft: EventDraft, country: PlaceRef) -> bool:
        return all(
            (inner := where.get(key)) is not None
            and inner.kind in ("city", "region")
            and inner.country_code == country.country_code
            for key in draft.fields["places"]
        )

    kept: list[EventDraft] = []
    for draft in found:
        whole = next(
            (
                other
                for other in found
                if other is not draft
                and draft.kind == "conflict"
                and draft.fields.get("act")
                and other.fields.get("name") == draft.fields["name"]
                and other.fields.get("by") == draft.fields.get("by")
                and (country := country_of(other)) is not None
                and within(draft, country)
            ),
            None,
        )
        if whole is None:
            kept.append(draft)
            continue
        places = whole.fields["places"]
        places.extend(p for p in draft.fields["places"] if p not in places)
        whole.date = whole.date or draft.date
    return kept


def _absorb(city: EventDraft, country: EventDraft) -> None:
    """The city visit takes the country visit's excerpts, and its date if it has none —
    and where the trip to the country began, when the city's leg began in that country
    ("arrived in Uzbekistan on Sunday …, signing an agreement in Samarkand": not a leg
    from Uzbekistan to Samarkand)."""
    city.spans.extend(span for span in country.spans if span not in city.spans)
    city.date = city.date or country.date
    if (
        city.kind == "visit"
        and country.kind == "visit"
        and city.fields.get("origin") == country.fields.get("destination")
    ):
        city.fields["origin"] = country.fields.get("origin")
        if country.fields.get("origin_inferred"):
            city.fields["origin_inferred"] = True
        else:
            city.fields.pop("origin_inferred", None)


def _same_trip(draft: EventDraft, other: EventDraft) -> bool:
    if draft.date is None or other.date is None:
        return True
    return abs((draft.date.start - other.date.start).days) <= _SAME_TRIP_DAYS


def _same_status(draft: EventDraft, other: EventDraft) -> bool:
    return draft.status == other.status


# An onward leg starts where the traveller just was when it follows that stop within days.
_ONWARD_DAYS = 3


def _fold_country_visits(found: list[EventDraft], sentence: _Sentence) -> list[EventDraft]:
    """One trip told twice in a sentence, to a city and to its country ("fly to Cairo … for
    his first visit to Egypt") or its continent ("arrived in Paris on Sunday for his first
    visit to Europe in five years"), is the visit to the city; the wider place's words join
    its excerpt."""
    where = {p.key: p for p in sentence.places}
    kept = []
    for draft in found:
        city = _city_visit(draft, found, where, _same_status, continents=True)
        if city is None:
            kept.append(draft)
            continue
        _absorb(city, draft)
    return kept


def _left_for(where: dict[str, PlaceRef], stop: EventDraft, leg: EventDraft) -> bool:
    """Whether *leg* can go on from *stop*: the stop is a city, or the leg leaves its country
    (a region visited, then abroad; not the region, then a town inside it)."""
    here = where.get(stop.fields["destination"])
    there = where.get(leg.fields["destination"])
    if here is None or there is None:
        return False
    return here.kind == "city" or here.country_code not in ("", there.country_code)


def _onward_origins(drafts: list[EventDraft], where: dict[str, PlaceRef]) -> None:
    """Start a visit with no stated origin at the traveller's latest stop before it, when the
    new leg follows that stop within _ONWARD_DAYS ("arrived in New Delhi on Monday … will
    travel to Jaipur on Wednesday"; "who visited Rome on Saturday" before Sunday's Berlin).
    Both need a day-precise date; the origin is marked inferred. An undated leg on from
    that stop, told between the two ("will fly to Auckland on Saturday and then to Adelaide
    … In Canberra on Monday"), comes between them: the new leg starts there. A stop of the
    same day, told before the leg, is such a stop too, when the leg can leave it (see
    _left_for)."""
    dated: dict[str, list[EventDraft]] = {}
    told: dict[str, list[EventDraft]] = {}
    for draft in drafts:
        if draft.kind == "visit":
            told.setdefault(draft.fields["actor"], []).append(draft)
        if draft.kind == "visit" and draft.date is not None and draft.date.precision == "day":
            dated.setdefault(draft.fields["actor"], []).append(draft)
    for actor, legs in dated.items():
        order = told[actor]
        for draft in legs:
            if draft.fields["origin"] is not None:
                continue
            start = draft.date.start  # type: ignore[union-attr]
            stops = [
                before
                for before in legs
                if before.fields["destination"] != draft.fields["destination"]
                # (A leg made does not start at a stop still ahead.)
                and (draft.status != "happened" or before.status == "happened")
                and (
                    0 < (start - before.date.end).days <= _ONWARD_DAYS  # type: ignore[union-attr]
                    # "visited troops in the Kharkiv region on Thursday … Later on Thursday he
                    # flew to Stockholm": a stop of the same day, told before it.
                    # (Not "a visit to Darfur" that holds the town visited next.)
                    or (
                        before.date.end == start  # type: ignore[union-attr]
                        and order.index(before) < order.index(draft)
                        and not before.fields.get("made_before")
                        and not draft.fields.get("made_before")
                        and _left_for(where, before, draft)
                    )
                )
            ]
            if stops:
                # The stop that ends last; of stops ending on one day, the one told last
                # ("stop in Paris on Monday and Tuesday … and visit … Marseille").
                latest = max(
                    stops,
                    key=lambda before: (before.date.end, legs.index(before)),  # type: ignore[union-attr]
                )
                # Undated legs on from that stop, told before this one, come first.
                between = order[order.index(latest) + 1 : order.index(draft)]
                while onward := next(
                    (
                        leg
                        for leg in between
                        if leg.date is None
                        and leg.status == latest.status
                        and leg.fields["origin"] == latest.fields["destination"]
                        and leg.fields["destination"] != draft.fields["destination"]
                    ),
                    None,
                ):
                    latest = onward
                    between = between[between.index(onward) + 1 :]
                draft.fields["origin"] = latest.fields["destination"]
                draft.fields["origin_inferred"] = True


def _last_end(draft: EventDraft) -> int:
    return max(end for _, end in draft.spans)


_ATTRIBUTION_VERBS = frozenset({"say", "tell", "add", "announce", "confirm", "report"})


def _only_reports(doc, actor: ActorRef) -> bool:
    """Whether *actor* is the subject of a sentence-final attribution ("…, Miller said"),
    which names a source, not who the story follows."""
    span = doc.char_span(actor.start, actor.end)
    if span is None:
        return False
    subject = next((t for t in span if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.head.lemma_.lower() not in _ATTRIBUTION_VERBS:
        return False
    verb = subject.head
    # The verb comes after what was said: it ends the sentence or follows a comma.
    return any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children) or (
        verb.dep_ in ("parataxis",)
    )


def _subject_of(doc, actor: ActorRef, verb) -> bool:
    """Whether the person is *verb*'s own subject."""
    span = doc.char_span(actor.start, actor.end)
    return span is not None and any(
        t.dep_ in ("nsubj", "nsubjpass") and t.head == verb for t in span
    )


def _is_subject(doc, actor: ActorRef) -> bool:
    """Whether the person is a clause's subject, or named beside it ("Taiwan's
    president-elect, Lai Ching-te, said he would travel")."""
    span = doc.char_span(actor.start, actor.end)
    return span is not None and any(
        t.dep_ in ("nsubj", "nsubjpass")
        or (t.dep_ == "appos" and t.head.dep_ in ("nsubj", "nsubjpass"))
        for t in span
    )


# Words of the harm a disaster did, which place the sentences after it in its story.
_DAMAGE_VERBS = frozenset(
    {
        "collapse", "destroy", "damage", "flood", "devastate", "hit", "batter", "ravage",
        "inundate", "submerge", "raze", "flatten", "wreck", "swamp", "engulf", "topple",
        "affect", "sweep", "drown", "die", "kill", "wash", "knock", "tear", "uproot",
        "burst",  # "Rivers burst their banks in Derbyshire"
    }
)  # fmt: skip
_DAMAGE_NOUNS = frozenset(
    {"damage", "destruction", "devastation", "outage", "death", "fatality", "casualty",
     # "pulled survivors from the rubble in Antakya": what is left where it struck
     "rubble", "ruins", "debris"}
)  # fmt: skip
# What a hazard does to a place, in "the worst storm to hit Japan in decades".
_HAZARD_HITS = frozenset({"hit", "strike", "batter", "ravage", "rock", "lash"})
# The words a hazard's own story goes on in: "Further fires were burning in Kula" after a
# wildfire, "Mozambique and Zambia have also reported cases" after an outbreak.
_HAZARD_GOES_ON = {
    "wildfire": frozenset({"fire", "blaze", "burn", "flame"}),
    "flood": frozenset({"water", "floodwater", "river"}),
    "outbreak": frozenset({"case", "infection", "strain", "variant"}),
    "heatwave": frozenset({"temperature", "heat", "mercury"}),
    # "… according to survivors. It sank about 47 nautical miles southwest of Pylos."
    "shipwreck": frozenset({"sink", "capsize"}),
    "locust": frozenset({"swarm", "insect"}),
}
# Sentences without word of a disaster after which the article has left it.
_DISASTER_QUIET = 2


# What a place is called as the heart of a disaster: "the centre of the outbreak".
_CENTRE_NOUNS = frozenset({"centre", "center", "epicentre", "epicenter", "heart"})


def _hazard_word(kind: str) -> str:
    """The hazard a disaster's kind names: "outbreak" of "the outbreak" or "outbreak
    measle", "wildfire" of "wildfire"."""
    words = kind.split()
    return next((w for w in words if w in _HAZARD_GOES_ON), words[0] if words else kind)


def _disaster_named_again(disaster: EventDraft, sentence: _Sentence) -> bool:
    """Whether *sentence* is about *disaster* again by its own word with "the" as its
    subject: "The fire burned through forests …" after a wildfire."""
    kind = _hazard_word(disaster.fields["kind"])
    words = _HAZARD_GOES_ON.get(kind, frozenset()) | {kind}
    return any(
        t.dep_ in ("nsubj", "nsubjpass") and t.lemma_.lower() in words and _definite(t)
        for t in sentence.sent
    )


def _harm_told_again(sentence: _Sentence) -> bool:
    """Whether *sentence* tells again of harm already told, with "the": "In Bangladesh, most
    of the deaths were in the coastal districts …", "The death toll rose to 20" — the
    disaster's, however many sentences about flights and evacuations came between."""
    return any(
        t.pos_ == "NOUN"
        and t.lemma_.lower() in _DAMAGE_NOUNS
        and (_definite(t) or (t.dep_ == "compound" and _definite(t.head)))
        for t in sentence.sent
    )


def _of_another_time(token) -> bool:
    """Whether *token* is in a clause about another time: "the largest since 1949, when a
    fire in the Landes forest killed 82 people" tells of that fire, not this one."""
    return any(
        above.dep_ == "relcl"
        and above.head.ent_type_ == "DATE"
        and any(c.lower_ == "when" for c in above.children)
        for above in (token, *token.ancestors)
    )


def _disaster_damage(disaster: EventDraft, sentence: _Sentence, ctx=None) -> bool:
    """Add to *disaster* the places a sentence after it tells its harm in ("Whole apartment
    blocks collapsed in Antakya, Adiyaman and Malatya", "the towns of Bayda and Marj were
    also badly hit", "the worst damage was in Aleppo"); whether the sentence still tells of
    it, with places or without ("the blaze was the worst disaster in the state's history")."""
    telling = False
    own_words = _HAZARD_GOES_ON.get(_hazard_word(disaster.fields["kind"]), frozenset())
    # The words a harm's places were taken from, and the clauses of their own left out of
    # them ("killed in Grenada …, while three died in northern Venezuela": told next).
    covered: tuple[int, int] | None = None
    left_out: list[tuple[int, int]] = []
    hazard = _hazard_word(disaster.fields["kind"])
    for token in sentence.sent:
        # "lived in Gaines County, the centre of the outbreak": the place it centres on.
        centre = (
            sentence.named_place_at(token.head)
            if token.lemma_.lower() in _CENTRE_NOUNS
            and token.dep_ == "appos"
            and any(
                g.dep_ == "pobj" and _HAZARDS.get(g.lemma_.lower(), g.lemma_.lower()) == hazard
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
            )
            else None
        )
        if centre is not None and not centre.demonym:
            if centre.key not in disaster.fields["places"]:
                disaster.fields["places"].append(centre.key)
            if sentence.span() not in disaster.spans:
                disaster.spans.append(sentence.span())
            telling = True
    for token in sentence.sent:
        if covered is not None and not any(a <= token.idx < b for a, b in left_out):
            continue
        if _of_another_time(token):
            continue
        if any(
            a.dep_ == "relcl"
            and (other := _HAZARDS.get(a.head.lemma_.lower())) is not None
            and other != hazard
            for a in (token, *token.ancestors)
        ):
            continue  # "surpassing a 1960 tsunami that killed 61 people": that one's harm
        lemma = token.lemma_.lower()
        if token.pos_ == "ADJ" and token.dep_ == "amod" and lemma.endswith("ed"):
            # "visited flooded homes in Retford": the model may take the participle for an
            # adjective.
            lemma = next(
                (stem for stem in (lemma[:-2], lemma[:-1]) if stem in _DAMAGE_VERBS), lemma
            )
        if (token.pos_ == "VERB" or (token.pos_ == "ADJ" and lemma in _DAMAGE_VERBS)) and (
            lemma in _DAMAGE_VERBS or lemma in own_words
        ):
            if _negated(token):
                continue  # "Flights at Keflavik airport were not affected"
            if lemma == "hit" and any(c.dep_ == "prt" for c in token.children):
                continue  # "hit back", "hit out at"; "swept away cars" is harm
            scope = token
            if token.dep_ == "amod":
                # "collapsed buildings in Antakya", "the worst-hit areas were around
                # Aleppo": the harm is where the things it describes are.
                noun = token.head
                scope = noun.head if noun.dep_ in ("nsubj", "nsubjpass") else noun
            elif (
                token.dep_ == "advcl"
                and token.tag_ == "VBG"
                and token.head.pos_ == "VERB"
                and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children)
            ):
                # "rain fell overnight on Kerr County, sweeping away homes": the harm was
                # where the clause it goes on from was.
                scope = token.head
        elif token.pos_ == "NOUN" and (
            lemma in _DAMAGE_NOUNS
            or lemma in own_words
            # "The town of Paiporta was among the worst hit"
            or (lemma == "hit" and any(c.lower_ in ("worst", "hardest") for c in token.children))
        ):
            scope = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), token)
        else:
            continue
        telling = True
        low, high = _extent(scope)
        own = [
            _extent(c)
            for c in scope.subtree
            if c != scope
            and (
                (
                    c.dep_ in ("ccomp", "relcl", "advcl", "conj")
                    and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                )
                # ("near the border with Turkey": across it, not harmed)
                or (c.dep_ == "prep" and c.lower_ == "with" and c.head.lemma_.lower() in _BORDERS)
                # ("…, according to the U.S. Geological Survey": who says so)
                or (c.dep_ == "prep" and c.lemma_.lower() == "accord")
            )
        ]
        if disaster.fields["kind"] == "shipwreck":
            # (nor whose flag the ship sailed under: "A cargo ship under the flag of St.
            # Kitts and Nevis sank in the Red Sea")
            own += _route_told(scope) + [_extent(c) for c in scope.children if c.dep_ == "nsubj"]
        places = [
            place
            for place in sentence.places
            if low <= place.start < high
            and not place.demonym
            and place.kind in ("city", "region", "country")
            and not any(a <= place.start < b for a, b in own)
        ]
        kept = _without_bearings([place.key for place in places], sentence)
        places = [place for place in places if place.key in kept]
        if _is_where_clause(scope):
            # "survivors in Blantyre, where landslides swept away entire neighbourhoods"
            there = sentence.place_at(scope.head)
            if there is not None and not there.demonym and there.kind in ("city", "region"):
                places.insert(0, there)
        for place in places:
            if place.key not in disaster.fields["places"]:
                disaster.fields["places"].append(place.key)
        # ("The blaze … swept through Lahaina on Tuesday": the model may make the blaze
        # the sentence's head and the sweeping a clause of it.)
        harm = (
            token
            if token.pos_ == "VERB"
            else next(
                (
                    c
                    for c in token.children
                    if c.dep_ == "acl" and c.pos_ == "VERB" and c.lemma_.lower() in _DAMAGE_VERBS
                ),
                None,
            )
        )
        doer = (
            next(
                (
                    c
                    for c in [*harm.children, harm.head]
                    if (c.dep_ == "nsubj" or (c == harm.head and harm.dep_ == "acl"))
                    and (c.lemma_.lower() in own_words or _HAZARDS.get(c.lemma_.lower()) == hazard)
                ),
                None,
            )
            if harm is not None
            else None
        )
        # (Where no place is told, "the flood" it names is still the one told before.)
        if (
            (places or (doer is not None and _definite(doer)))
            and disaster.date is None
            and ctx is not None
            and doer is not None
        ):
            # "The death toll from the wildfire … rose to 93 on Saturday. The blaze swept
            # through Lahaina on Tuesday": when it did the harm is when it struck.
            phrases = [
                p for p in _own_dates(harm, ctx.dates_in(sentence)) if not _since(p, ctx.text)
            ]
            if not phrases:
                # "The flood, which struck before dawn on Thursday, swept away homes": or
                # when its own clause says it struck.
                phrases = [
                    p
                    for c in [*harm.children, harm.head]
                    if c.dep_ == "nsubj" or c == harm.head
                    for r in c.children
                    if r.dep_ == "relcl" and r.lemma_.lower() in _HAZARD_HITS | _DAMAGE_VERBS
                    for p in _own_dates(r, ctx.dates_in(sentence))
                ]
            disaster.date = _nearest_date(phrases, harm.idx, ctx.anchor, "past")
        if places:
            if sentence.span() not in disaster.spans:
                disaster.spans.append(sentence.span())
            if covered is not None:
                break
            covered, left_out = (low, high), own
    return telling


def _continue_port(port: EventDraft, sentence: _Sentence, ctx: _Context) -> None:
    """The next sentence of the same paragraph naming the port tells more about it
    ("... access to Vladivostok since the territory was ceded 163 years ago")."""
    if not any(p.key == port.fields["port"] and not p.demonym for p in sentence.places):
        return
    port.spans.append(sentence.span())
    for phrase in ctx.dates_in(sentence):
        value = resolve(phrase.text, ctx.anchor, "past", reference=phrase.reference)
        if value is not None and value not in port.other_dates and value != port.date:
            port.other_dates.append(value)


_PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}


# Two visits to one place told this far apart in time are two trips, not one told twice.
_TRIPS_APART_DAYS = 30


def _trips_apart(told: EventDraft, draft: EventDraft, anchor: dt.date | None = None) -> bool:
    """Two visits, or two disasters of a kind ("the deadliest since 2016, when earthquakes in
    Kumamoto killed 200"), told this far apart in time are two. A disaster told with no day
    is the one the article reports, on or about its own day: "a boat capsized …" and "In
    June, hundreds died when a fishing boat sank off Pylos" are two wrecks."""
    if draft.kind not in ("visit", "disaster"):
        return False
    now = (anchor, anchor) if draft.kind == "disaster" and anchor is not None else None
    first = (told.date.start, told.date.end) if told.date is not None else now
    then = (draft.date.start, draft.date.end) if draft.date is not None else now
    if first is None or then is None or (told.date is None and draft.date is None):
        return False
    gap = max((then[0] - first[1]).days, (first[0] - then[1]).days)
    return gap > _TRIPS_APART_DAYS


def _finer(new: DateValue, old: DateValue) -> bool:
    return _PRECISION_ORDER[new.precision] < _PRECISION_ORDER[old.precision]
