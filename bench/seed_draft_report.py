"""What the geoparser's draft of the seed article has, beside the curated seed story.

Usage: ``python bench/seed_draft_report.py`` (``--smoke`` is accepted and changes nothing: the
report is one draft of one article)

The curated story (``geodata/stories/``) is what a careful editor made of the article; the
draft is what ``draft_story`` makes of the same text with no curated file. This prints both,
mark by mark, and which curated marks the draft lacks, so the gap is read off one run rather
than argued from memory. Marks are compared by what a reader sees: a visit by its traveller
and destination, a port by its place, trade by its figures, a bloc or alliance by its members,
an institution by its organisation, a conflict by its places, a statement by its speaker.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mapstory.geoparse.draft import draft_story  # noqa: E402
from mapstory.model import Story  # noqa: E402
from mapstory.storyfile import DEFAULT_STORY_PATH, load_story  # noqa: E402

SEED = ROOT / "tests" / "fixtures" / "seed-article.txt"
ARTICLE_DATE = dt.date(2023, 5, 24)


def _name(story: Story, place_id: str | None) -> str:
    return story.place(place_id).name if place_id else "?"


def _figure(figure) -> str:
    value = "" if figure.value is None else f"{figure.value:g}"
    unit = figure.unit or ""
    change = "" if figure.change_pct is None else f" ({figure.change_pct:+g}%)"
    return f"{figure.measure} {value} {unit} {figure.period} {figure.basis}{change}".strip()


def marks(story: Story) -> dict[str, set[str]]:
    """Kind -> the keys a reader would tell its marks apart by."""
    found: dict[str, set[str]] = {}
    for event in story.events:
        kind = event.kind
        if kind == "visit":
            keys = {f"{story.actor(event.actor).name} -> {_name(story, event.destination)}"}
        elif kind == "port":
            keys = {_name(story, event.port)}
        elif kind == "trade":
            keys = {_figure(f) for f in event.figures} or {event.title}
        elif kind in ("alliance", "bloc"):
            keys = {", ".join(sorted(_name(story, m.place) for m in event.members))}
        elif kind == "institution":
            keys = {f"{event.organisation} @ {_name(story, event.place)}"}
        elif kind == "conflict":
            keys = {", ".join(sorted(_name(story, p) for p in event.places))}
        elif kind == "statement":
            keys = {event.speaker.split(",")[0]}  # "Mao Ning, China's spokesperson": Mao Ning
        else:
            keys = {event.title}
        found.setdefault(kind, set()).update(keys)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="accepted for the smoke tests")
    parser.parse_args()
    curated = load_story(DEFAULT_STORY_PATH)
    draft = draft_story(SEED.read_text(encoding="utf-8"), date=ARTICLE_DATE)

    by_id = {p.gazetteer_id: p for p in draft.places if p.gazetteer_id}
    print("places (curated -> draft)")
    missing_places = []
    for place in curated.places:
        hit = by_id.get(place.gazetteer_id)
        state = "found" if hit else "MISSING"
        if hit is None:
            missing_places.append(place.name)
        print(f"  {place.name:<22} {place.certainty:<9} {state}")
    curated_ids = {p.gazetteer_id for p in curated.places}
    extra = sorted(p.name for p in draft.places if p.gazetteer_id not in curated_ids)
    print(f"  draft only: {', '.join(extra) or '-'}")

    ours, theirs = marks(curated), marks(draft)
    missing_total = 0
    for kind in sorted(set(ours) | set(theirs)):
        have, got = ours.get(kind, set()), theirs.get(kind, set())
        print(f"\n{kind}: curated {len(have)}, draft {len(got)}")
        for key in sorted(have):
            print(f"  {'found  ' if key in got else 'MISSING'} {key}")
            missing_total += key not in got
        for key in sorted(got - have):
            print(f"  draft   {key}")
    print(
        f"\nsummary: {len(missing_places)} curated place(s) missing "
        f"({', '.join(missing_places) or 'none'}), {missing_total} curated mark(s) without "
        "an identical draft mark"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
