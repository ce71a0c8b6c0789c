"""People's names with a lowercase particle: "Ursula von der Leyen", "Luiz Inácio Lula da Silva".

spaCy's small model often stops a person's name at its particle and tags the rest as
something else ("Ursula von der" a person, "Leyen" a place). Every later rule — who visited
where, which words are a surname rather than a town — then works with half a name. This
component, run after the entity recogniser, gives the person the whole name.
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


@Language.component(COMPONENT)
def join_name_particles(doc: Doc) -> Doc:
    """Extend each person over the particle and the surname the model left out of it."""
    ents = list(doc.ents)
    changed = False
    result: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        if ent.label_ == "PERSON":
            end = max(_whole_name_end(doc, ent), _head_word_end(doc, ent))
            if end > ent.end:
                ent = Span(doc, ent.start, end, label="PERSON")
                changed = True
                while i + 1 < len(ents) and ents[i + 1].start < end:
                    i += 1  # the surname's own (wrong) entity goes
        result.append(ent)
        i += 1
    if changed:
        doc.ents = result
    return doc
