"""PNG snapshots of a step's map: drawn by Chromium from the self-contained export, or a
plain statement of what the server lacks."""

from __future__ import annotations

import io

import pytest

from mapstory.export import snapshot
from mapstory.narrative import build_steps


def test_without_chromium_the_reason_is_given(monkeypatch, seed_story) -> None:
    monkeypatch.setattr(snapshot, "chromium_path", lambda: None)
    reason = snapshot.snapshot_unavailable()
    assert reason and "Chromium" in reason and "apt-get install chromium" in reason
    with pytest.raises(snapshot.SnapshotError, match="Chromium"):
        snapshot.map_snapshot(seed_story, 1)


def test_without_playwright_the_reason_is_given(monkeypatch) -> None:
    monkeypatch.setattr(snapshot.importlib.util, "find_spec", lambda name: None)
    reason = snapshot.snapshot_unavailable()
    assert reason and "Playwright" in reason


@pytest.mark.browser
def test_a_step_map_is_drawn_at_the_size_asked(seed_story) -> None:
    from PIL import Image

    from mapstory.mapbuild import style

    if snapshot.snapshot_unavailable():
        pytest.fail(snapshot.snapshot_unavailable())
    alliance_step = next(
        s.number
        for s in build_steps(seed_story)
        if not s.overview and any(seed_story.event(e).kind == "alliance" for e in s.events)
    )
    data = snapshot.map_snapshot(seed_story, alliance_step, width=1000, height=640)
    assert data.startswith(snapshot.PNG_SIGNATURE)
    image = Image.open(io.BytesIO(data)).convert("RGB")
    assert abs(image.width - 1000) <= 2 and abs(image.height - 640) <= 2
    colours = {colour for _, colour in image.getcolors(maxcolors=1 << 20)}
    rgb = lambda h: tuple(int(h.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))  # noqa: E731
    assert rgb(style.LAND) in colours and rgb(style.SEA) in colours  # the offline basemap
    assert rgb(style.ALLIANCE_EDGE) in colours  # the step's alliance outline
    assert len(colours) > 200  # a map, not a blank frame
