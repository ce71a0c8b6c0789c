"""``python -m mapstory parse``: drafts story files, reports bad files, sets the exit status."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from mapstory.cli import main
from mapstory.escaping import html_text
from mapstory.storyfile import load_story

HTML = (
    "<html><head><title>Ruto in Addis</title></head><body><article><h1>Ruto in Addis</h1>"
    "<p>Kenya's president William Ruto flew to Addis Ababa on Monday for talks with Ethiopian "
    "leaders about regional trade and security in the Horn of Africa.</p>"
    "<script>alert('x')</script><p>Officials said more talks would follow in Nairobi.</p>"
    "</article></body></html>"
)


def test_parse_writes_valid_story_files(tmp_path: Path, seed_text: str) -> None:
    (tmp_path / "seed.txt").write_text(seed_text, encoding="utf-8")
    (tmp_path / "ruto.html").write_text(HTML, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    status = main(
        [
            "parse",
            str(tmp_path / "seed.txt"),
            str(tmp_path / "ruto.html"),
            "--out",
            str(tmp_path / "stories"),
            "--date",
            "2023-05-24",
        ],
        out=out,
        err=err,
    )
    assert status == 0, err.getvalue()
    seed = load_story(tmp_path / "stories" / "seed.yaml")
    assert seed.article.date.isoformat() == "2023-05-24"
    assert sum(e.kind == "visit" for e in seed.events) == 4
    ruto = load_story(tmp_path / "stories" / "ruto.yaml")
    assert ruto.title == "Ruto in Addis" and "alert" not in ruto.article.text
    assert "Addis Ababa" in {p.name for p in ruto.places}
    assert "2/2" in err.getvalue() and "words/s" in err.getvalue()


def test_a_bad_file_is_reported_and_the_rest_still_drafted(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (tmp_path / "good.md").write_text("# Visit\n\nThe minister flew to Paris.\n", encoding="utf-8")
    err = io.StringIO()
    status = main(
        [
            "parse",
            str(tmp_path / "binary.txt"),
            str(tmp_path / "missing.txt"),
            str(tmp_path / "good.md"),
            "--out",
            str(tmp_path / "out"),
        ],
        out=io.StringIO(),
        err=err,
    )
    assert status == 1
    assert "binary.txt: The file" in err.getvalue() and "missing.txt" in err.getvalue()
    assert (tmp_path / "out" / "good.yaml").exists()
    assert not (tmp_path / "out" / "binary.yaml").exists()


def test_module_entry_point_and_bad_arguments(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mapstory",
            "parse",
            "x.txt",
            "--out",
            str(tmp_path),
            "--date",
            "24 May",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "not a date" in result.stderr and "Traceback" not in result.stderr


def test_export_writes_each_format(tmp_path: Path, seed_story) -> None:
    from mapstory.export import story_from_geojson
    from mapstory.storyfile import DEFAULT_STORY_PATH, parse_story

    out = io.StringIO()
    written = {}
    for name, extra in (
        ("story.html", []),
        ("story.geojson", []),
        ("story.yml", []),
        ("story.txt", ["--format", "json"]),
    ):
        target = tmp_path / name
        status = main(
            ["export", str(DEFAULT_STORY_PATH), "--out", str(target), *extra],
            out=out,
            err=io.StringIO(),
        )
        assert status == 0
        written[name] = target.read_text(encoding="utf-8")
    assert written["story.html"].startswith("<!DOCTYPE html>")
    assert "Content-Security-Policy" in written["story.html"]
    assert html_text(seed_story.title) in written["story.html"]
    assert story_from_geojson(written["story.geojson"]) == seed_story
    assert parse_story(written["story.yml"]) == seed_story
    assert parse_story(written["story.txt"]) == seed_story
    assert "(html, " in out.getvalue() and "(json, " in out.getvalue()
    # A GeoJSON export is itself a story file the command reads.
    status = main(
        ["export", str(tmp_path / "story.geojson"), "--out", str(tmp_path / "again.html")],
        out=io.StringIO(),
        err=io.StringIO(),
    )
    assert status == 0
    assert (tmp_path / "again.html").read_text(encoding="utf-8") == written["story.html"]


def test_export_reports_bad_input_without_a_traceback(tmp_path: Path) -> None:
    from mapstory.storyfile import DEFAULT_STORY_PATH

    err = io.StringIO()
    status = main(
        ["export", str(DEFAULT_STORY_PATH), "--out", str(tmp_path / "story.pdf")],
        out=io.StringIO(),
        err=err,
    )
    assert status == 2 and "--format" in err.getvalue()
    assert not (tmp_path / "story.pdf").exists()
    broken = tmp_path / "broken.yaml"
    broken.write_text("article: [unclosed", encoding="utf-8")
    err = io.StringIO()
    status = main(["export", str(broken), "--out", str(tmp_path / "x.html")], err=err)
    assert status == 1 and "broken.yaml" in err.getvalue()
    err = io.StringIO()
    status = main(
        ["export", str(tmp_path / "missing.yaml"), "--out", str(tmp_path / "x.html")], err=err
    )
    assert status == 1 and "missing.yaml" in err.getvalue()
    assert not (tmp_path / "x.html").exists()


def test_export_from_the_command_line(tmp_path: Path) -> None:
    from mapstory.storyfile import DEFAULT_STORY_PATH

    repo = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mapstory",
            "export",
            str(DEFAULT_STORY_PATH),
            "--out",
            str(tmp_path / "story.html"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=repo,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "story.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.browser
def test_export_draws_a_step_map_as_png(tmp_path: Path) -> None:
    from mapstory.storyfile import DEFAULT_STORY_PATH

    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "map.png"
    status = main(
        ["export", str(DEFAULT_STORY_PATH), "--out", str(target), "--step", "7"], out=out, err=err
    )
    assert status == 0, err.getvalue()
    assert target.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert "(png, step 7" in out.getvalue()
    bad = main(
        ["export", str(DEFAULT_STORY_PATH), "--out", str(target), "--step", "99"],
        out=io.StringIO(),
        err=err,
    )
    assert bad == 2 and "--step must be between 1 and 9" in err.getvalue()
