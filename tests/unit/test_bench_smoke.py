"""The benchmark scripts still run (smoke mode: tiny inputs, figures not checked)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval" / "geoparse"


def run(script: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), "--smoke", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_geoparse_speed_smoke() -> None:
    out = run("geoparse_speed.py")
    assert "1,000-word article -> draft, median" in out and "w/s" in out


def test_seed_draft_report_smoke() -> None:
    out = run("seed_draft_report.py")
    assert "places (curated -> draft)" in out and "visit: curated" in out and "summary:" in out


@pytest.mark.skipif(not (EVAL / "score.py").exists(), reason="shared eval corpora not present")
def test_geoparse_accuracy_smoke() -> None:
    out = run("geoparse_accuracy.py")
    assert all(corpus in out for corpus in ("lgl", "trnews", "geovirus"))


@pytest.mark.browser
def test_story_perf_smoke() -> None:
    out = run("story_perf.py")
    for figure in (
        "start → Story map",
        "Next → reframed",
        "websocket bytes per step",
        "first page load, gzip",
        "server rerun",
        "story of 10",
    ):
        assert figure in out, figure


@pytest.mark.browser
def test_load_test_smoke() -> None:
    out = run("load_test.py")
    for figure in (
        "sessions: 2 websocket",
        "steps completed",
        "step, websocket",
        "step, browser",
        "errors: 0",
        "server memory (RSS, MB)",
    ):
        assert figure in out, figure
