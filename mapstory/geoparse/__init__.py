"""Read place names out of any article: recognition, resolution, and (later) events.

:func:`toponyms` is the layer the shared geoparsing scorer calls; it loads spaCy, the
gazetteer and the demonym table once per process and is safe to call from several threads.
"""

from __future__ import annotations

import re

from mapstory.gazetteer import Gazetteer, default_gazetteer
from mapstory.geoparse.lexicon import demonyms, nlp
from mapstory.geoparse.recognize import PLACES_BY_FORM, Mention, recognise
from mapstory.geoparse.resolve import Resolution, resolve

__all__ = ["Mention", "Resolution", "geoparse", "toponyms"]


_FEATURE_WORDS = re.compile(
    r"\b(?:Street|St|Road|Rd|Avenue|Ave|Drive|Parkway|Highway|Boulevard|Lane|Bridge|River|"
    r"Creek|Lake|Sea|Ocean|Gulf|Bay|Strait|Island|Islands|Mountain|Mountains|Mount|Valley|"
    r"Desert|Forest|Park|Bank|Coast|Peninsula|Canal|County|Parish|Province|Region|District|"
    r"Basin|Plateau|Plain|Plains|Square)\b\.?$"
)


def _worth_keeping(resolution: Resolution) -> bool:
    """Whether a name the gazetteer cannot place is still reported.

    spaCy tags many surnames and brand names as places; if the gazetteer does not know the
    name either, it is kept only when spaCy calls it a location (a river, a region), the
    name itself says it is a feature ("Red River"), or the text's form says it is a place
    (a dateline, a street address).
    """
    if resolution.entry is not None:
        return True
    mention = resolution.mention
    if mention.source in PLACES_BY_FORM:
        return True
    return mention.source == "ner:LOC" or bool(_FEATURE_WORDS.search(mention.text))


def geoparse(text: str, *, doc=None, gazetteer: Gazetteer | None = None) -> list[Resolution]:
    """Every place mention in *text* with the place chosen for it, in text order."""
    if not text or not text.strip():
        return []
    gazetteer = gazetteer or default_gazetteer()
    doc = doc if doc is not None else nlp()(text)
    mentions = recognise(text, doc, gazetteer, demonyms())
    return [r for r in resolve(text, mentions, gazetteer) if _worth_keeping(r)]


def toponyms(text: str) -> list[dict]:
    """Place mentions as plain dicts: ``start``, ``end``, ``name``, ``lat``, ``lon`` (+ extras).

    ``lat``/``lon`` are None for a recognised name the gazetteer cannot place.
    """
    result = []
    for r in geoparse(text):
        entry = r.entry
        result.append(
            {
                "start": r.mention.start,
                "end": r.mention.end,
                "name": r.mention.text,
                "lat": entry.lat if entry else None,
                "lon": entry.lon if entry else None,
                "gazetteer_id": entry.id if entry else None,
                "kind": entry.kind if entry else None,
                "confidence": r.confidence,
            }
        )
    return result
