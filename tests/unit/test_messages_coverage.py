"""With a pseudo-translation switched on, nothing the library renders is left in English
except the story's own words: every UI word goes through the message catalogue."""

from __future__ import annotations

import json
import re

import pytest

from mapstory import explore
from mapstory.blocs import blocs_in_story, load_blocs
from mapstory.export.html import story_to_html
from mapstory.gazetteer import default_gazetteer
from mapstory.geocode import OfflineGazetteer
from mapstory.mapbuild import layout_story, legend_rows, marks_script
from mapstory.mapbuild.builder import offline_attributions
from mapstory.mapbuild.popups import event_popup, place_popup
from mapstory.narrative import build_steps, clamp_step
from mapstory.render import (
    article_html,
    draft_summary_html,
    explore_event_html,
    explore_place_html,
    explore_summary_html,
    legend_strip_html,
    membership_html,
    place_results_html,
    step_panel_html,
    story_header_html,
    timeline_html,
)
from mapstory.sharing import embed_code, export_files
from mapstory.storyfile import default_story_path, load_story
from tests.translation_check import content_words, leaks, pseudo_language, visible_text

__all__ = ["pseudo_language"]  # the fixture, used by name


# Strings in the marks script for the machine: class lists, inline styles, console messages.
MACHINE = re.compile(r"^(ms-[\w-]+\s*)+$|[;{}]|^mapstory: ")


@pytest.fixture(scope="module")
def story():
    return load_story(default_story_path())


def test_the_check_finds_a_word_that_bypasses_the_catalogue(story, pseudo_language):
    allowed = content_words([story])
    html = step_panel_html(build_steps(story)[1], 9) + "<p>Zoomstufe</p>"
    assert leaks([visible_text(html)], allowed) == ["Zoomstufe"]


def test_everything_the_library_renders_is_translated(story, pseudo_language):
    layout = layout_story(story, default_gazetteer().country_shape)
    steps = build_steps(story)
    blocs = blocs_in_story(story, load_blocs())
    ctx = explore.context_for(story, blocs)
    everything = explore.default_state(ctx)
    visible = explore.visible_marks(story, everything)
    day = story.article.date
    marks = marks_script(story, layout)
    html = [
        story_header_html(story),
        story_header_html(story, full_link="https://example.org/?story=x"),
        article_html(story),
        legend_strip_html(legend_rows(story), ""),
        explore_summary_html(story, visible),
        membership_html(story, blocs, day, explore.institution_notes(story, blocs, day)),
        timeline_html(story, ctx.first_day, ctx.last_day, (ctx.first_day, ctx.last_day), visible),
        draft_summary_html(story),
        place_results_html(OfflineGazetteer().geocode("Vladivostok", exactly_one=False)),
        embed_code("https://example.org/?story=x"),
        story_to_html(story, layout),
    ]
    html += [step_panel_html(step, len(steps)) for step in steps]
    html += [explore_place_html(story, p.id) for p in story.places]
    html += [explore_event_html(story, e.id) for e in story.events]
    html += [event_popup(story, e) for e in story.events]
    html += [place_popup(story, p) for p in story.places]
    plain = [step.description for step in steps] + [s.date_label or "" for s in steps]
    plain += [str(k) for row in explore.place_rows(story, visible) for k in row]
    plain += [
        v for row in explore.place_rows(story, visible) for v in row.values() if isinstance(v, str)
    ]
    plain += [str(k) for row in explore.event_rows(story, visible) for k in row]
    plain += [
        v for row in explore.event_rows(story, visible) for v in row.values() if isinstance(v, str)
    ]
    plain += [layer.label for layer in explore.bloc_layers(story, blocs, ctx.blocs, day)]
    plain += [explore.layer_label(k) for k in ctx.layers]
    plain += offline_attributions() + [f.label for f in export_files(story)]
    plain += [clamp_step(value, 9)[1] or "" for value in ("abc", "-1", "99")]
    _, notes = explore.parse_query(
        {
            "layers": "visits,bogus",
            "from": "2023-13-01",
            "to": "1999-01-01",
            "undated": "maybe",
            "place": "atlantis",
            "event": "nothing",
            "zzz": "1",
            "a/b": "c",
            "certainty": "x" * 300,
            "status": "../etc",
        },
        ctx,
    )
    assert len(notes) >= 8
    plain += notes
    # In the marks script, tooltips and popups are JSON strings among the code: read those.
    quoted = [json.loads(q) for q in re.findall(r'"(?:[^"\\]|\\.)*"', marks)]
    scripts = [visible_text(q) for q in quoted if "<" in q or (" " in q and not MACHINE.search(q))]
    assert any("Ｌｅｇｅｎｄ" in q for q in scripts)  # the legend came through
    # The link's own parameter names and values are echoed back in the notes.
    echoed = ["abc layers bogus certainty status undated maybe atlantis nothing zzz"]
    allowed = content_words([story], echoed)
    texts = [visible_text(h) for h in html] + plain + scripts
    found = leaks(texts, allowed)
    assert found == [], [t for t in texts if any(w in t for w in found)][:5]
