"""People's names with a lowercase particle: "Ursula von der Leyen", "Luiz Inácio Lula da Silva".

spaCy's small model often stops a person's name at its particle and tags the rest as
something else ("Ursula von der" a person, "Leyen" a place). Every later rule — who visited
where, which words are a surname rather than a town — then works with half a name. This
component, run after the entity recogniser, gives the person the whole name; so too where it
leaves out a first name after a job told in lower case ("chief executive Alexei Miller").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

__all__ = ["COMPONENT"]

#: Name of the pipeline component, added after the entity recogniser.
COMPONENT = "mapstory_name_particles"

# Lowercase words inside names in the languages news quotes most often.
_PARTICLES = frozenset(
    {
        "von", "van", "der", "den", "de", "da", "di", "del", "della", "dos", "das", "do",
        "du", "la", "le", "bin", "ibn", "ter", "ten", "zu", "y",
    }
)  # fmt: skip
_MAX_PARTICLES = 2


def _whole_name_end(doc: Doc, person: Span) -> int:
    """Where *person*'s name really ends: after a particle and the capitalised word it
    introduces, whether the particle ended the entity ("Ursula von der") or followed it."""
    start = person.end
    while start > person.start + 1 and doc[start - 1].text in _PARTICLES:
        start -= 1  # "Ursula von der": the particles the entity ends with
    end = start
    while end < len(doc) and end - start < _MAX_PARTICLES and doc[end].text in _PARTICLES:
        end += 1
    if end == start or end >= len(doc):
        return person.end
    following = doc[end]
    if not (following.is_alpha and following.is_title):
        return person.end
    return end + 1


def _head_word_end(doc: Doc, person: Span) -> int:
    """Where *person*'s name ends when the model left out its last word, the one its words
    hang on as parts of one name ("Min Aung" of "Min Aung Hlaing"): a capitalised word no
    entity holds."""
    if person.end >= len(doc):
        return person.end
    following = doc[person.end]
    if (
        following.pos_ == "PROPN"
        and following.is_alpha
        and following.is_title
        and following.ent_iob_ == "O"
        and all(t.dep_ == "compound" and t.head.i < person.end + 1 for t in person)
        and person[-1].head == following
    ):
        return person.end + 1
    return person.end


def _first_word_start(doc: Doc, person: Span) -> int:
    """Where *person*'s name starts when the model left out its first word after a job told
    in lower case ("chief executive Alexei Miller" tagged as "Miller"): a capitalised word no
    entity holds, hung on the name as part of it. (A capitalised title is no job in lower
    case: "President Vladimir Putin" keeps its title apart.)"""
    if person.start < 2:
        return person.start
    before, job = doc[person.start - 1], doc[person.start - 2]
    if (
        before.pos_ == "PROPN"
        and before.is_alpha
        and before.is_title
        and before.ent_iob_ == "O"
        and before.dep_ == "compound"
        and person.start <= before.head.i < person.end
        and job.pos_ == "NOUN"
        and job.is_lower
    ):
        return person.start - 1
    return person.start


@Language.component(COMPONENT)
def join_name_particles(doc: Doc) -> Doc:
    """Extend each person over the particle and the surname the model left out of it, and
    over a first name it left out."""
    ents = list(doc.ents)
    changed = False
    result: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        if ent.label_ == "PERSON":
            end = max(_whole_name_end(doc, ent), _head_word_end(doc, ent))
            start = _first_word_start(doc, ent)
            if end > ent.end or start < ent.start:
                ent = Span(doc, start, end, label="PERSON")
                changed = True
                while i + 1 < len(ents) and ents[i + 1].start < end:
                    i += 1  # the surname's own (wrong) entity goes
        result.append(ent)
        i += 1
    if changed:
        doc.ents = result
    return doc
