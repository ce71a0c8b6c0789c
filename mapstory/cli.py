"""Command line: ``python -m mapstory parse FILE… --out DIR`` and ``… export STORY --out FILE``.

``parse`` batch-drafts story files from articles on disk (text, Markdown, HTML or .docx,
sniffed by content like uploads in the app), so a newsroom can pre-process an archive and
review the drafts in the app. One bad file is reported and skipped; the exit status says
whether any file failed.

``export`` writes a story file (YAML, JSON or mapstory GeoJSON) as a self-contained HTML map
story, GeoJSON, YAML or JSON — the files the app's "Share and export" offers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from mapstory.geoparse.draft import draft_story
from mapstory.intake import IntakeError, IntakeLimits, read_upload
from mapstory.storyfile import dump_story

__all__ = ["main"]


class Progress:
    """A one-line progress bar on a terminal, plain lines when piped."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.tty = stream.isatty()
        self.started = time.perf_counter()

    def step(self, label: str) -> None:
        self.done += 1
        width = 30
        filled = width * self.done // max(1, self.total)
        bar = "#" * filled + "-" * (width - filled)
        line = f"[{bar}] {self.done}/{self.total} {label}"
        if self.tty:
            self.stream.write("\r" + line[:100].ljust(100))
            if self.done == self.total:
                self.stream.write("\n")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def parse_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    args.out.mkdir(parents=True, exist_ok=True)
    limits = IntakeLimits()
    progress = Progress(len(args.files), err)
    failures = 0
    words = 0
    started = time.perf_counter()
    for path in args.files:
        target = args.out / f"{path.stem}.yaml"
        try:
            data = path.read_bytes()
            intake = read_upload(path.name, data, limits)
            story = draft_story(
                intake.text,
                title=intake.title,
                date=args.date or intake.published or dt.date.today(),
                source=intake.source,
            )
        except (OSError, IntakeError, ValueError) as error:
            failures += 1
            progress.step(f"{path.name}: failed")
            print(f"{path}: {error}", file=err)
            continue
        target.write_text(dump_story(story), encoding="utf-8")
        words += len(intake.text.split())
        progress.step(path.name)
        print(
            f"{path} -> {target}: {len(story.places)} places, {len(story.events)} events",
            file=out,
        )
    elapsed = time.perf_counter() - started
    rate = words / elapsed if elapsed > 0 else 0.0
    print(
        f"{len(args.files) - failures} of {len(args.files)} files drafted, "
        f"{words} words in {elapsed:.1f} s ({rate:,.0f} words/s)",
        file=err,
    )
    return 1 if failures else 0


EXPORT_FORMATS = {
    ".html": "html",
    ".htm": "html",
    ".geojson": "geojson",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".png": "png",
}


def export_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mapstory.export import parse_story_upload
    from mapstory.storyfile import StoryFileError

    fmt = args.format or EXPORT_FORMATS.get(args.out.suffix.lower())
    if fmt is None:
        print(
            f"{args.out}: cannot tell the format from the name; add --format "
            f"({', '.join(sorted(set(EXPORT_FORMATS.values())))})",
            file=err,
        )
        return 2
    try:
        story = parse_story_upload(args.story.name, args.story.read_bytes())
    except OSError as error:
        print(f"{args.story}: {error.strerror or error}", file=err)
        return 1
    except StoryFileError as error:
        print(error, file=err)
        return 1
    if fmt == "png":
        return _snapshot(story, args, out, err)
    if fmt == "html":
        from mapstory.export.html import story_to_html

        text = story_to_html(story)
    elif fmt == "geojson":
        from mapstory.export.geojson import story_to_geojson_text

        text = story_to_geojson_text(story)
    else:
        text = dump_story(story, fmt)
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"{args.out}: {error.strerror or error}", file=err)
        return 1
    size = args.out.stat().st_size
    print(f"{args.story} -> {args.out} ({fmt}, {size:,} bytes)", file=out)
    return 0


def _snapshot(story, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """The map at one step as a PNG, drawn by a headless Chromium (mapstory.export.snapshot)."""
    from mapstory.export.snapshot import SnapshotError, map_snapshot
    from mapstory.narrative import build_steps

    total = len(build_steps(story))
    if not 1 <= args.step <= total:
        print(f"--step must be between 1 and {total}", file=err)
        return 2
    try:
        data = map_snapshot(story, args.step)
        args.out.write_bytes(data)
    except SnapshotError as error:
        print(error, file=err)
        return 1
    except OSError as error:
        print(f"{args.out}: {error.strerror or error}", file=err)
        return 1
    print(f"{args.story} -> {args.out} (png, step {args.step}, {len(data):,} bytes)", file=out)
    return 0


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout, err: TextIO = sys.stderr):
    parser = argparse.ArgumentParser(prog="python -m mapstory", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="draft story files from articles")
    parse.add_argument("files", nargs="+", type=Path, help="article files (.txt .md .html .docx)")
    parse.add_argument("--out", type=Path, required=True, help="directory for the story files")
    parse.add_argument(
        "--date",
        type=_date,
        default=None,
        help="article date for relative dates (default: the page's own date, else today)",
    )
    export = commands.add_parser(
        "export",
        help="write a story as one self-contained HTML file, GeoJSON, YAML, JSON or a PNG map",
    )
    export.add_argument("story", type=Path, help="story file (.yaml, .json or mapstory .geojson)")
    export.add_argument("--out", type=Path, required=True, help="file to write")
    export.add_argument(
        "--format",
        choices=sorted(set(EXPORT_FORMATS.values())),
        default=None,
        help="what to write (default: from the --out file's extension)",
    )
    export.add_argument(
        "--step", type=int, default=1, help="for png: the step whose map to draw (default 1)"
    )
    args = parser.parse_args(argv)
    if args.command == "export":
        return export_command(args, out, err)
    return parse_command(args, out, err)
