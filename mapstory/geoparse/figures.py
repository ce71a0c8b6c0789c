"""Numbers and date phrases in news sentences: "$53.8bn", "almost 40%", "this year".

spaCy's small model tags money and dates unreliably ("200bn" as a person, "This month" not at
all), so amounts, percentages and relative date phrases are found with patterns here, and
spaCy's DATE entities only add the phrases the patterns do not know ("in March").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from mapstory.model import DateValue

__all__ = ["Amount", "DatePhrase", "Percent", "amounts", "date_phrases", "percents"]

# A bare "$" is the US dollar, as in most English-language news; other dollars say whose.
_CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "nz$": "NZD",
    "hk$": "HKD",
    "s$": "SGD",
    "r$": "BRL",
    "€": "EUR",
    "£": "GBP",
    "¥": "CNY",
    "₹": "INR",
    "₽": "RUB",
    "rmb": "CNY",
    "rs": "INR",
}
_CODES = ("USD", "EUR", "GBP", "AUD", "CAD", "NZD", "JPY", "CNY", "INR", "RUB", "CHF", "HKD")
_CURRENCY_WORDS = {
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "yuan": "CNY",
    "roubles": "RUB",
    "rubles": "RUB",
    "yen": "JPY",
    "rupees": "INR",
}
_SCALES = {
    "k": "k",
    "thousand": "k",
    "m": "m",
    "mn": "m",
    "million": "m",
    "bn": "bn",
    "b": "bn",
    "billion": "bn",
    "tn": "tn",
    "trillion": "tn",
}
_SYMBOL_AMOUNT = re.compile(
    r"(?<![A-Za-z])(?P<cur>(?:US|AU?|CA?|NZ|HK|S|R)\$|\$|€|£|¥|₹|₽|RMB\s?|Rs\.?\s?|(?:"
    + "|".join(_CODES)
    + r")\s?)(?P<num>\d[\d,]*(?:\.\d+)?)\s?"
    r"(?P<scale>bn|billion|mn|million|tn|trillion|crores?|lakhs?|m|b|k|thousand)?\b",
    re.IGNORECASE,
)
_WORD_AMOUNT = re.compile(
    r"\b(?P<num>\d[\d,]*(?:\.\d+)?)\s?(?P<scale>bn|billion|mn|million|tn|trillion|crores?|lakhs?)?\s+"
    r"(?P<word>dollars|dollar|euros|euro|pounds|yuan|roubles|rubles|yen|rupees)\b",
    re.IGNORECASE,
)
# Trade in kind: "1.2 million tonnes", "2.1m barrels a day", "22 bcm", "800,000 bpd".
_QUANTITY = re.compile(
    r"\b(?P<num>\d[\d,]*(?:\.\d+)?)\s?(?P<scale>bn|billion|mn|million|m|thousand)?\s+"
    r"(?:metric\s+)?(?P<unit>tonnes|tons|barrels|cubic\s+met(?:re|er)s|bcm|bpd|b/d)"
    r"(?P<rate>\s+(?:a|per)\s+day)?(?![\w/])",
    re.IGNORECASE,
)
# Units written with their rate: "bpd" is barrels a day.
_RATE_UNITS = {"bpd": "barrels", "b/d": "barrels"}
_SCALE_WORDS = {"k": "thousand", "m": "million", "bn": "billion", "tn": "trillion"}
_PERCENT = re.compile(
    r"(?:(?P<approx>almost|nearly|about|around|some|roughly|approximately|more than|over)\s+)?"
    r"(?P<num>\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b|percent\b)",
    re.IGNORECASE,
)
_RELATIVE_DATE = re.compile(
    r"\b(?:(?:this|last|next|the past|the coming)\s+(?:week|month|year|quarter)|"
    r"(?:earlier|later)\s+in\s+the\s+(?:week|month|year)|"
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"(?:yesterday|today|tomorrow|overnight)|"
    r"the\s+(?:following|next)\s+day|"
    r"\d+\s+(?:years?|months?|weeks?|days?)\s+ago|"
    r"(?:in\s+)?(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


# A plain decimal number the model may tag a date.
_DECIMAL = re.compile(r"\d+\.\d+")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)


# "the day" the model reads with its "before" left off, when nothing follows the "before".
_DAY_BEFORE = re.compile(r"(\s+(?:before|after))\s*(?:[,.;:]|$)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Amount:
    start: int
    end: int
    value: float
    unit: str  # "USD bn", "EUR m", "USD"


@dataclass(frozen=True, slots=True)
class Percent:
    start: int
    end: int
    value: float
    approximate: bool


@dataclass(frozen=True, slots=True)
class DatePhrase:
    start: int
    end: int
    text: str
    # The last date the story told before the phrase, which "a day earlier" and "the
    # following year" count from (None: the article's date).
    reference: DateValue | None = None


# Indian numbering: a crore is ten million, a lakh a hundred thousand.
_INDIAN_SCALES = {
    "crore": (0.01, "bn"),
    "crores": (0.01, "bn"),
    "lakh": (0.1, "m"),
    "lakhs": (0.1, "m"),
}


def _scaled(value: float, scale_word: str | None) -> tuple[float, str]:
    """(value, scale) in the international scales the story model writes."""
    word = (scale_word or "").lower()
    if word in _INDIAN_SCALES:
        factor, scale = _INDIAN_SCALES[word]
        return round(value * factor, 6), scale
    return value, _SCALES.get(word, "")


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def amounts(text: str, offset: int = 0) -> list[Amount]:
    """Money amounts and traded quantities in *text*; offsets are shifted by *offset*."""
    found: list[Amount] = []
    for m in _SYMBOL_AMOUNT.finditer(text):
        value = _number(m["num"])
        if value is None:
            continue
        symbol = m["cur"].strip().rstrip(".")
        currency = symbol.upper() if symbol.upper() in _CODES else _CURRENCIES[symbol.lower()]
        value, scale = _scaled(value, m["scale"])
        unit = f"{currency} {scale}".strip()
        found.append(Amount(offset + m.start(), offset + m.end(), value, unit))
    for m in _WORD_AMOUNT.finditer(text):
        if any(a.start <= offset + m.start() < a.end for a in found):
            continue
        value = _number(m["num"])
        if value is None:
            continue
        value, scale = _scaled(value, m["scale"])
        unit = f"{_CURRENCY_WORDS[m['word'].lower()]} {scale}".strip()
        found.append(Amount(offset + m.start(), offset + m.end(), value, unit))
    for m in _QUANTITY.finditer(text):
        value = _number(m["num"])
        if value is None or any(a.start <= offset + m.start() < a.end for a in found):
            continue
        scale = _SCALE_WORDS.get(_SCALES.get((m["scale"] or "").lower(), ""), "")
        unit = " ".join(m["unit"].lower().split())
        rate = " a day" if m["rate"] or unit in _RATE_UNITS else ""
        unit = _RATE_UNITS.get(unit, unit)
        found.append(
            Amount(offset + m.start(), offset + m.end(), value, f"{scale} {unit}{rate}".strip())
        )
    return sorted(found, key=lambda a: a.start)


# Changes told in words, as the percentage they are: "more than halved", "dropped by about a
# third", "doubled". (Only as done: "aims to double trade" is an aim, told by its amount.)
_MULTIPLES = {
    "halved": 50.0, "doubled": 100.0, "tripled": 200.0, "trebled": 200.0, "quadrupled": 300.0
}  # fmt: skip
_FRACTIONS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0}
_HEDGES = r"almost|nearly|about|around|roughly|more than|over"
_WORDED_CHANGE = re.compile(
    rf"(?:(?P<hedge>{_HEDGES})\s+)?(?P<multiple>halved|doubled|tripled|trebled|quadrupled)\b"
    # ("by about a third": the hedge sits between "by" and the fraction)
    rf"|(?<=\bby\s)(?:(?P<by_hedge>{_HEDGES})\s+)?(?:(?:a|one)[\s-])?"
    r"(?P<fraction>half|third|quarter|fifth)\b",
    re.IGNORECASE,
)
# A figure told as approximate reads "almost": only "almost" and "nearly" say so.
_SHORT_OF = frozenset({"almost", "nearly"})


def percents(text: str, offset: int = 0) -> list[Percent]:
    found = [
        Percent(offset + m.start(), offset + m.end(), float(m["num"]), bool(m["approx"]))
        for m in _PERCENT.finditer(text)
    ]
    for m in _WORDED_CHANGE.finditer(text):
        if m["multiple"]:
            value = _MULTIPLES[m["multiple"].lower()]
        else:
            value = round(_FRACTIONS[m["fraction"].lower()], 1)
        hedge = (m["hedge"] or m["by_hedge"] or "").lower()
        found.append(Percent(offset + m.start(), offset + m.end(), value, hedge in _SHORT_OF))
    return sorted(found, key=lambda p: p.start)


_COUNT_AFTER_DATE = re.compile(
    r",\s+(?:(?:a\s+few|several|two|three|some)\s+)?(?:days|weeks|months|years)$", re.IGNORECASE
)


# Days with a name of their own, which a weekday alone does not date: "Good Friday", "Super
# Tuesday", "Black Friday".
_DAY_NAMES = (
    "Good",
    "Black",
    "Cyber",
    "Super",
    "Bloody",
    "Ash",
    "Palm",
    "Easter",
    "Holy",
    "Maundy",
)
_DAY_NAME_BEFORE = re.compile(r"\b(?:" + "|".join(_DAY_NAMES) + r")\s+$")
# Verbs heading a clause of their own, not a word of the date ("the following year").
_CLAUSES = frozenset({"acl", "advcl", "relcl", "ccomp", "xcomp", "conj"})
_NAMING_LABELS = frozenset({"ORG", "EVENT", "LAW", "WORK_OF_ART", "FAC", "PRODUCT"})


def _named_day(text: str, start: int, phrase: str) -> bool:
    """Whether the weekday *phrase* at *start* of *text* is part of a day's own name ("Good
    Friday", "Super Tuesday"), or is that whole name."""
    words = phrase.split()
    if len(words) == 2:
        return words[0].capitalize() in _DAY_NAMES and words[1].lower() in _WEEKDAY_NAMES
    return phrase.lower() in _WEEKDAY_NAMES and bool(_DAY_NAME_BEFORE.search(text, 0, start))


def date_phrases(sentence, offset: int = 0) -> list[DatePhrase]:
    """Date phrases of a spaCy sentence span: its DATE entities plus relative phrases."""
    text = sentence.text
    base = sentence.start_char
    found: list[DatePhrase] = []
    names = [
        (ent.start_char, ent.end_char) for ent in sentence.ents if ent.label_ in _NAMING_LABELS
    ]
    for ent in sentence.ents:
        if ent.label_ == "DATE" and _named_day(text, ent.start_char - base, ent.text):
            continue  # "Good Friday": a day's own name, not the Friday of the week
        if ent.label_ == "DATE" and _DECIMAL.fullmatch(ent.text):
            continue  # "measured the quakes at magnitude 6.4": a number, not the 6th of April
        if (
            ent.label_ == "DATE"
            and _ORDINAL.fullmatch(ent.text.removeprefix("the ").strip())
            and ent.root.dep_ == "amod"
            and ent.root.head.pos_ == "NOUN"
        ):
            continue  # "the 12th eruption in the area": a count, not the 12th of a month
        if ent.label_ == "DATE":
            # "in March 2023, weeks after …": the model may run a date on into the next
            # phrase's count of time, which is no part of it.
            cut = _COUNT_AFTER_DATE.search(ent.text)
            end = ent.start_char + cut.start() if cut else ent.end_char
            # ("on Wednesday marking 80 years since …": or on into a clause of its own.)
            verb = next((t for t in ent[1:] if t.pos_ == "VERB" and t.dep_ in _CLAUSES), None)
            if verb is not None:
                end = min(end, ent.start_char + len(ent.text[: verb.idx - ent.start_char].rstrip()))
            if (after := _DAY_BEFORE.match(text, ent.end_char - base)) and re.fullmatch(
                r"the (?:day|night)", ent.text, re.IGNORECASE
            ):
                end = ent.end_char + after.end(1) - after.start()  # "The day before, he …"
            found.append(DatePhrase(ent.start_char, end, text[ent.start_char - base : end - base]))
    for m in _RELATIVE_DATE.finditer(text):
        start, end = base + m.start(), base + m.end()
        if any(p.start < end and start < p.end for p in found):
            continue
        if any(a <= start and end <= b for a, b in names):
            continue  # "the Good Friday Agreement", "the Six-Day War": part of a name
        if _named_day(text, m.start(), m.group()):
            continue  # "on Good Friday"
        if m.group().lower() == "overnight" and any(
            t.idx == start and t.dep_ in ("amod", "compound") for t in sentence
        ):
            continue  # "the overnight rate", "an overnight stay": a kind, not a night
        found.append(DatePhrase(start, end, m.group()))
    return _joined_weekdays(sorted(found, key=lambda p: p.start), text, base)


_WEEKDAY_NAMES = frozenset(name.lower() for name in calendar.day_name)
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|and|to|through|until)\s*$")


def _joined_weekdays(phrases: list[DatePhrase], text: str, base: int) -> list[DatePhrase]:
    """ "Spent Wednesday and Thursday in Warsaw": two days joined are one span of days (the
    model tags each day apart). *text* is the sentence's, starting at offset *base*."""
    joined: list[DatePhrase] = []
    for phrase in phrases:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.text.lower() in _WEEKDAY_NAMES
            and phrase.text.lower() in _WEEKDAY_NAMES
            and _RANGE_JOIN.match(text[last.end - base : phrase.start - base])
        ):
            joined[-1] = DatePhrase(
                last.start, phrase.end, text[last.start - base : phrase.end - base]
            )
        else:
            joined.append(phrase)
    return joined
