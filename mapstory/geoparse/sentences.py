"""Sentence starts the parser cannot see: paragraph breaks, headlines and datelines.

spaCy's small parser was trained on running prose. Handed an article as people paste it — a
headline with no full stop, a blank line, "PARIS, 14 July 2025 — Italy's minister arrived…"
— it glues headline, dateline and first sentence into one, and then takes "PARIS" for the
subject of "arrived". Marking those starts before the parser runs (the parser keeps
sentence starts it is given) gives every later rule — who visited where, who said what — a
clean first sentence. Only starts that layout makes certain are marked; a line wrapped in
the middle of a sentence is left to the parser.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from mapstory.geoparse.datelines import find_datelines

__all__ = ["COMPONENT"]

#: Name of the pipeline component, added before the parser.
COMPONENT = "mapstory_sentence_starts"

# A line this short with no closing punctuation, followed by a capitalised line, is a
# headline, standfirst or byline rather than the first half of a wrapped sentence.
_HEADLINE_WORDS = 14
_CLOSING = frozenset('.!?:;"”’)')


def _line_starts(text: str) -> list[int]:
    """Character offsets where layout alone says a sentence starts."""
    starts = []
    lines = text.split("\n")
    offset = 0
    previous = ""
    blank_before = True
    for line in lines:
        stripped = line.strip()
        if stripped:
            first = offset + len(line) - len(line.lstrip())
            if blank_before or _headline(previous, line):
                starts.append(first)
            previous = stripped
            blank_before = False
        else:
            blank_before = True
        offset += len(line) + 1
    # The story proper starts after its dateline ("PARIS, 14 July 2025 — Italy's minister").
    starts.extend(dateline.end for dateline in find_datelines(text) if dateline.end < len(text))
    return sorted(starts)


def _headline(previous: str, line: str) -> bool:
    """Whether the line break before *line* ends a headline-like line."""
    if not previous or previous[-1] in _CLOSING or line[:1] in " \t":
        return False  # closed by punctuation (the parser sees that), or an indented wrap
    return len(previous.split()) <= _HEADLINE_WORDS and line.lstrip()[:1].isupper()


@Language.component(COMPONENT)
def mark_sentence_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` where the layout of *doc*'s text starts a sentence."""
    for token in doc[:-1]:
        # "hit at 11:47 p.m. local time", "U.S. officials said": an abbreviation's full stop
        # before a word in lower case ends no sentence, whatever the parser would make of it.
        after = doc[token.i + 1]
        if len(token) > 1 and token.text.endswith(".") and after.is_lower and after.is_alpha:
            after.is_sent_start = False
    starts = _line_starts(doc.text)
    if not starts:
        return doc
    marked: set[int] = set()
    for offset in starts:
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
            marked.add(span.start)
    # The word after a start goes on with it: left free, the parser may cut off a first
    # word that reads like a headline's ("South" of "South Korean President Lee …",
    # "Cyclone" of "Cyclone Chido killed …") as a sentence of its own.
    for i in marked:
        after = i + 1
        if (
            after < len(doc)
            and after not in marked
            and not doc[i].is_punct
            and not doc[after].is_space
            and "\n" not in doc.text[doc[i].idx : doc[after].idx]
        ):
            doc[after].is_sent_start = False
    return doc
