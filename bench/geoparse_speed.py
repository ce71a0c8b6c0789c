"""How fast an article becomes a draft story: one 1,000-word article, and a batch.

Usage: ``python bench/geoparse_speed.py [--repeat N] [--smoke]``

Pinned to one CPU core where the OS allows it (the budget is "under 1 s on one core after
warm-up"). The article is the seed article, repeated and cut to exactly 1,000 words so the
figure does not depend on data outside the repository. The batch figure runs the
``python -m mapstory parse`` code path over 20 copies and reports words per second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mapstory.cli import main as cli_main  # noqa: E402
from mapstory.geoparse.draft import draft_story  # noqa: E402

SEED = ROOT / "tests" / "fixtures" / "seed-article.txt"


def thousand_words() -> str:
    words: list[str] = []
    text = SEED.read_text(encoding="utf-8")
    while len(words) < 1000:
        words.extend(text.split(" "))
    return " ".join(words[:1000])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--smoke", action="store_true", help="2 repeats, 2 files")
    args = parser.parse_args(argv)
    repeat, batch = (2, 2) if args.smoke else (args.repeat, args.batch)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    article = thousand_words()
    date = dt.date(2023, 5, 24)

    started = time.perf_counter()
    draft_story(article, date=date)  # loads spaCy, the gazetteer and the demonyms
    warm_up = time.perf_counter() - started
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        story = draft_story(article, date=date)
        times.append(time.perf_counter() - started)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i in range(batch):
            (folder / f"article-{i:03}.txt").write_text(article, encoding="utf-8")
        files = [str(p) for p in sorted(folder.glob("*.txt"))]
        started = time.perf_counter()
        cli_main(
            ["parse", *files, "--out", str(folder / "out"), "--date", "2023-05-24"],
            out=io.StringIO(),
            err=io.StringIO(),
        )
        batch_s = time.perf_counter() - started

    print(f"{'figure':<44}{'value':>12}")
    print(f"{'first call (model + gazetteer load)':<44}{warm_up:>11.2f}s")
    print(f"{'1,000-word article -> draft, median':<44}{statistics.median(times):>11.3f}s")
    spread = (min(times), max(times))
    print(f"{'  min / max over ' + str(repeat) + ' runs':<44}{spread[0]:>6.3f}/{spread[1]:.3f}s")
    print(f"{'  places / events in the draft':<44}{len(story.places):>6} / {len(story.events)}")
    print(f"{'batch command, ' + str(batch) + ' files':<44}{batch * 1000 / batch_s:>8,.0f} w/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
