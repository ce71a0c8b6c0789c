"""Story files: authoring conveniences resolve exactly, and every mistake names its field."""

import pytest

from mapstory.storyfile import StoryFileError, dump_story, parse_story

ARTICLE = """\
schema_version: 1
id: tiny
title: Tiny
article:
  title: A visit
  date: 2023-05-24
  text: "On Tuesday, the minister flew from Paris to Rome. Rome welcomed him."
"""

PLACES = """
places:
  - {id: paris, name: Paris, kind: city, lat: 48.85, lon: 2.35, mentions: [Paris]}
  - {id: rome, name: Rome, kind: city, lat: 41.9, lon: 12.5,
     mentions: [{quote: Rome, occurrence: all}]}
actors:
  - {id: minister, name: The minister}
"""


def story_text(events: str = "", places: str = PLACES) -> str:
    return ARTICLE + places + events


def test_quotes_and_phrases_become_exact_spans_and_dates() -> None:
    story = parse_story(
        story_text("""
events:
  - id: trip
    kind: visit
    title: Trip
    actor: minister
    origin: paris
    destination: rome
    date: {phrase: On Tuesday}
    spans: ["the minister flew from Paris to Rome"]
""")
    )
    trip = story.events[0]
    assert story.article.text[trip.spans[0].start : trip.spans[0].end] == (
        "the minister flew from Paris to Rome"
    )
    assert trip.date.start.isoformat() == "2023-05-23"
    assert [m.start for m in story.place("rome").mentions] == [44, 50]


def test_round_trip_through_json_and_yaml() -> None:
    story = parse_story(story_text())
    assert parse_story(dump_story(story, "json")) == story
    assert parse_story(dump_story(story, "yaml")) == story


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        (
            "events:\n  - {id: x, kind: visit, title: X, actor: minister, destination: nowhere,"
            " spans: [Rome welcomed him.]}\n",
            "unknown place 'nowhere'",
        ),
        (
            "events:\n  - {id: x, kind: visit, title: X, actor: minister, destination: rome,"
            " spans: [Rome]}\n",
            "events[0].spans[0]: the quote 'Rome' occurs 2 times",
        ),
        (
            "events:\n  - {id: x, kind: visit, title: X, actor: minister, destination: rome,"
            " spans: [Madrid]}\n",
            "events[0].spans[0]: the quote 'Madrid' is not in the article",
        ),
        (
            "events:\n  - {id: x, kind: visit, title: X, actor: minister, destination: rome,"
            " spans: [{start: 0, end: 5, text: nope!}]}\n",
            "events[0]",
        ),
        (
            "events:\n  - {id: x, kind: visit, title: X, actor: minister, destination: rome,"
            " colour: red, spans: [Rome welcomed him.]}\n",
            "events[0].colour",
        ),
        (
            "events:\n  - {id: x, kind: parade, title: X, spans: [Rome welcomed him.]}\n",
            "events[0]",
        ),
        (
            "events:\n  - {id: x, kind: conflict, title: X, name: X, places: [rome],"
            " parties: [atlantis], spans: [Rome welcomed him.]}\n",
            "events[0] (x).parties: unknown place 'atlantis'",
        ),
        (
            "events:\n  - {id: x, kind: visit, title: X, actor: minister, destination: rome,"
            " date: {phrase: someday soon}, spans: [Rome welcomed him.]}\n",
            "events[0].date.phrase: cannot read 'someday soon' as a date",
        ),
    ],
)
def test_mistakes_are_reported_by_field(events: str, expected: str) -> None:
    with pytest.raises(StoryFileError) as info:
        parse_story(story_text(events), source="bad.yaml")
    message = str(info.value)
    assert message.startswith("bad.yaml:")
    assert expected in message


def test_span_text_must_match_the_article() -> None:
    with pytest.raises(StoryFileError) as info:
        parse_story(
            story_text(
                places="""
places:
  - {id: paris, name: Paris, kind: city, lat: 48.85, lon: 2.35,
     mentions: [{start: 0, end: 5, text: Paris}]}
"""
            )
        )
    assert "places[0].mentions[0]: span 0:5 says 'Paris' but the article has 'On Tu'" in str(
        info.value
    )


def test_unknown_gazetteer_id_is_named() -> None:
    with pytest.raises(StoryFileError) as info:
        parse_story(
            story_text(
                places="""
places:
  - {id: paris, name: Paris, kind: city, gazetteer_id: "geonames:0"}
"""
            )
        )
    assert "places[0].gazetteer_id: 'geonames:0' is not in the offline gazetteer" in str(info.value)


@pytest.mark.parametrize("text", ["", "- just\n- a list\n", "article: [unclosed", "\x00\x01"])
def test_garbage_gets_a_clear_error(text: str) -> None:
    with pytest.raises(StoryFileError):
        parse_story(text)


def test_missing_file(tmp_path) -> None:
    from mapstory.storyfile import load_story

    with pytest.raises(StoryFileError, match="does not exist"):
        load_story(tmp_path / "nope.yaml")


def test_impossible_yaml_date_is_a_story_file_error() -> None:
    from mapstory.storyfile import StoryFileError, parse_story

    bad = "schema_version: 1\nid: x\ntitle: T\narticle: {title: T, text: hi, date: 2023-13-40}\n"
    with pytest.raises(StoryFileError, match="cannot be read"):
        parse_story(bad, source="bad.yaml")
