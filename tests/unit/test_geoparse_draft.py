"""Draft stories from raw text: the seed article read with no curated file, and others."""

from __future__ import annotations

import datetime as dt

import pytest

from mapstory.gazetteer import default_gazetteer
from mapstory.geoparse.draft import draft_story, relocate_place
from mapstory.model import Bloc, Port, Statement, Story, Trade, Visit
from mapstory.storyfile import dump_story, parse_story

ARTICLE_DATE = dt.date(2023, 5, 24)


@pytest.fixture(scope="module")
def draft(seed_text: str) -> Story:
    return draft_story(seed_text, date=ARTICLE_DATE)


def _blocs(story: Story) -> dict[str, Bloc]:
    return {e.id: e for e in story.events if isinstance(e, Bloc)}


def _member_names(story: Story, bloc: Bloc) -> list[str]:
    return [story.place(m.place).name for m in bloc.members]


def _place_name(story: Story, place_id: str | None) -> str | None:
    return story.place(place_id).name if place_id else None


def test_named_places_match_the_curated_story(draft: Story, seed_story: Story) -> None:
    names = {p.name for p in draft.places}
    assert {"Beijing", "Moscow", "Vladivostok", "Ukraine", "Japan"} <= names
    assert {"China", "Russia", "United States"} <= names
    curated = {p.gazetteer_id for p in seed_story.places if p.certainty == "stated"}
    drafted = {p.gazetteer_id for p in draft.places}
    assert curated <= drafted


def test_the_four_visits(draft: Story) -> None:
    visits = {
        (draft.actor(v.actor).name, _place_name(draft, v.destination)): v
        for v in draft.events
        if isinstance(v, Visit)
    }
    assert set(visits) == {
        ("Mikhail Mishustin", "Beijing"),
        ("Xi Jinping", "Moscow"),
        ("Li Hui", "Ukraine"),
        ("Li Hui", "Russia"),
    }
    mishustin = visits[("Mikhail Mishustin", "Beijing")]
    assert _place_name(draft, mishustin.origin) == "Moscow" and "origin" in mishustin.inferred
    xi = visits[("Xi Jinping", "Moscow")]
    assert (xi.date.start, xi.date.end, xi.date.precision) == (
        dt.date(2023, 3, 1),
        dt.date(2023, 3, 31),
        "month",
    )
    ukraine = visits[("Li Hui", "Ukraine")]
    assert ukraine.date.precision == "week" and ukraine.date.end < ARTICLE_DATE
    russia = visits[("Li Hui", "Russia")]
    assert russia.status == "scheduled"
    assert russia.date.start == russia.date.end == dt.date(2023, 5, 26)  # Friday


def test_the_port(draft: Story) -> None:
    (port,) = [e for e in draft.events if isinstance(e, Port)]
    assert _place_name(draft, port.port) == "Vladivostok"
    assert _place_name(draft, port.granted_to) == "China"
    assert port.date.start == dt.date(2023, 6, 1) and port.status == "scheduled"
    assert dt.date(1860, 1, 1) in {d.start for d in port.other_dates}  # "163 years ago"


def test_the_trade_figures(draft: Story) -> None:
    trades = [e for e in draft.events if isinstance(e, Trade)]
    bilateral = next(t for t in trades if not t.directed)
    assert {_place_name(draft, p) for p in bilateral.between} == {"China", "Russia"}
    figures = {(f.value, f.period, f.basis) for f in bilateral.figures}
    assert {(190.0, "2022", "actual"), (200.0, "2023", "forecast")} <= figures
    quarter = next(f for f in bilateral.figures if f.value == 53.8)
    assert (quarter.period, quarter.change_pct, quarter.approximate) == ("Q1 2023", 40.0, True)
    assert all(f.unit == "USD bn" for f in bilateral.figures)
    energy = next(t for t in trades if t.directed)
    assert (_place_name(draft, energy.origin), _place_name(draft, energy.destination)) == (
        "Russia",
        "China",
    )
    assert [(f.change_pct, f.basis) for f in energy.figures] == [(40.0, "projected")]


def test_other_events_and_excerpts(draft: Story, seed_text: str) -> None:
    kinds = {e.kind for e in draft.events}
    assert {"conflict", "alliance", "institution"} <= kinds
    office = next(e for e in draft.events if e.kind == "institution")
    assert (office.organisation, _place_name(draft, office.place), office.status) == (
        "Nato",
        "Japan",
        "proposed",
    )
    for event in draft.events:
        for span in event.spans:
            assert seed_text[span.start : span.end] == span.text


def test_draft_round_trips_through_a_story_file(draft: Story) -> None:
    again = parse_story(dump_story(draft), source="draft")
    assert again == draft


def test_reader_fix_moves_a_place_and_keeps_its_mentions(draft: Story) -> None:
    moscow = next(p for p in draft.places if p.name == "Moscow")
    idaho = next(e for e in default_gazetteer().search("Moscow") if e.country_code == "US")
    fixed = relocate_place(draft, moscow.id, idaho)
    moved = fixed.place(moscow.id)
    assert (moved.lat, moved.lon, moved.country_code) == (idaho.lat, idaho.lon, "US")
    assert moved.mentions == moscow.mentions and "Corrected" in moved.note
    assert parse_story(dump_story(fixed), source="fixed").place(moscow.id).gazetteer_id == idaho.id


def test_statements_are_placed_where_they_were_made(draft: Story) -> None:
    said = {e.speaker: e for e in draft.events if isinstance(e, Statement)}
    # "On Wednesday, Mishustin told Xi that Moscow and Beijing would push back": said during
    # his visit, so in Beijing (inferred), about Moscow.
    mishustin = said["Mikhail Mishustin"]
    assert _place_name(draft, mishustin.place) == "Beijing" and mishustin.inferred == ["place"]
    assert "visiting" in mishustin.note
    assert [_place_name(draft, p) for p in mishustin.about] == ["Moscow"]
    assert mishustin.date.start == ARTICLE_DATE
    # "China's foreign ministry spokesperson, Mao Ning, criticised plans for ... Japan".
    mao = said["Mao Ning"]
    assert (_place_name(draft, mao.place), [_place_name(draft, p) for p in mao.about]) == (
        "China",
        ["Japan"],
    )
    # The analyst at a London think tank speaks for no country the article names, and the
    # article does not say where he spoke: nothing to draw.
    assert "Ben Bland" not in said


def test_blocs_the_article_names_with_the_members_it_names(draft: Story) -> None:
    blocs = [e for e in draft.events if isinstance(e, Bloc)]
    # "G7 leaders called on Russia and China ...": the G7, with the article's countries that
    # were members in May 2023, marked inferred (the article does not list them).
    assert [b.name for b in blocs] == ["G7"]
    g7 = blocs[0]
    assert {_place_name(draft, m.place) for m in g7.members} == {"United States", "Japan"}
    assert all(m.certainty == "inferred" for m in g7.members) and g7.inferred == ["members"]
    assert any("G7 leaders called on Russia and China" in s.text for s in g7.spans)
    # Nato appears only as the owner of the planned office: the institution mark tells it.


def test_a_bloc_without_members_in_the_article_is_not_drawn() -> None:
    text = "G7 leaders met on Friday. Brazil and India were not invited to the talks."
    story = draft_story(text, date=dt.date(2024, 6, 14))
    assert not any(isinstance(e, Bloc) for e in story.events)
    text = "G7 leaders met on Friday. Canada and Italy pushed for a deal; Brazil was not invited."
    story = draft_story(text, date=dt.date(2024, 6, 14))
    g7 = next(e for e in story.events if isinstance(e, Bloc))
    assert {story.place(m.place).name for m in g7.members} == {"Canada", "Italy"}


def test_a_bloc_named_beyond_its_office_is_drawn_as_well() -> None:
    # Nato is not only the owner of its headquarters here: Sweden joined it.
    text = (
        "Sweden formally joined Nato on Thursday, ending two centuries of non-alignment. The "
        "Swedish flag will be raised at Nato's headquarters in Brussels on Monday. Finland "
        "joined the alliance last April."
    )
    story = draft_story(text, date=dt.date(2024, 3, 7))
    nato = next(e for e in story.events if isinstance(e, Bloc))
    assert {story.place(m.place).name for m in nato.members} == {"Sweden", "Finland"}
    # The article says Sweden joined, and Finland too: "the alliance" is the bloc named last.
    certainty = {story.place(m.place).name: m.certainty for m in nato.members}
    assert certainty == {"Sweden": "stated", "Finland": "stated"}
    assert "It says that Sweden and Finland joined." in nato.note
    assert any("Finland joined the alliance" in text[s.start : s.end] for s in nato.spans)
    assert any(e.kind == "institution" for e in story.events)
    # Named only where its office is told, the office's mark tells it.
    text = (
        "Sweden criticised plans for Nato to open a liaison office in Japan. Sweden said on "
        "Monday that a Nato liaison office in Japan would be unwelcome."
    )
    story = draft_story(text, date=dt.date(2024, 3, 7))
    assert [e.kind for e in story.events] == ["institution"]


def test_a_country_that_became_a_member_is_a_stated_member() -> None:
    text = (
        "China is Iran's largest trading partner. Iran joined the Shanghai Cooperation "
        "Organisation last year and became a member of the BRICS group on Jan. 1."
    )
    story = draft_story(text, date=dt.date(2024, 1, 28))
    blocs = {e.name: e for e in story.events if isinstance(e, Bloc)}
    for name in ("Brics", "SCO"):
        certainty = {story.place(m.place).name: m.certainty for m in blocs[name].members}
        assert certainty == {"China": "inferred", "Iran": "stated"}, name


def test_a_statement_made_somewhere_named() -> None:
    text = "Foreign minister Ann Reed said in Vienna on Tuesday that talks with Iran would resume."
    story = draft_story(text, date=dt.date(2024, 3, 6))
    statement = next(e for e in story.events if isinstance(e, Statement))
    assert (statement.speaker, statement.inferred) == ("Ann Reed", [])
    assert story.place(statement.place).name == "Vienna"
    assert [story.place(p).name for p in statement.about] == ["Iran"]


def test_another_article() -> None:
    text = (
        "Kenya's president William Ruto flew to Addis Ababa on Monday for talks. "
        "Ruto said Kenyan tea exports to Egypt rose by 12% last year to $450m."
    )
    story = draft_story(text, date=dt.date(2024, 3, 6))
    visit = next(e for e in story.events if isinstance(e, Visit))
    assert story.place(visit.destination).name == "Addis Ababa"
    assert story.place(visit.origin).name == "Nairobi"  # inferred from "Kenya's president"
    assert visit.date.start == dt.date(2024, 3, 4)
    trade = next(e for e in story.events if isinstance(e, Trade))
    assert (story.place(trade.origin).name, story.place(trade.destination).name) == (
        "Kenya",
        "Egypt",
    )
    assert [(f.value, f.unit, f.change_pct, f.period) for f in trade.figures] == [
        (450.0, "USD m", 12.0, "2023")
    ]


@pytest.mark.parametrize("text", ["", "   \n "])
def test_empty_article_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="empty"):
        draft_story(text)


def test_text_without_places_gives_an_empty_but_valid_story() -> None:
    story = draft_story("Nothing happened here, said nobody in particular.")
    assert story.places == [] and story.events == []
    assert story.article.text.startswith("Nothing")


def test_a_country_that_joined_the_alliance_named_before_joined_that_bloc() -> None:
    text = (
        "Sweden joins NATO\n\nBRUSSELS, March 7 - Sweden formally became the 32nd member of "
        "NATO on Thursday.\n\nPrime Minister Ulf Kristersson handed over the documents in "
        "Washington. Neighbouring Finland joined the alliance in April last year. Hungary "
        "was the last member to ratify the bid, after Turkey approved it."
    )
    story = draft_story(text, date=dt.date(2024, 3, 7))
    nato = next(e for e in story.events if isinstance(e, Bloc))
    certainty = {story.place(m.place).name: m.certainty for m in nato.members}
    assert certainty == {
        "Sweden": "stated",
        "Finland": "stated",
        "Hungary": "inferred",
        "Turkey": "inferred",
    }
    # "the alliance" is no bloc's when none is named before it.
    story = draft_story(
        "Finland joined the alliance in April. Hungary and Turkey are NATO members.",
        date=dt.date(2024, 3, 7),
    )
    nato = next(e for e in story.events if isinstance(e, Bloc))
    assert {m.certainty for m in nato.members} == {"inferred"}


def test_a_country_applying_after_the_bloc_is_told_again_is_invited() -> None:
    story = draft_story(
        "KAZAN, Russia, Oct 22 - Putin welcomed leaders to the BRICS summit in Kazan on "
        "Tuesday.\n\nEgypt, Ethiopia, Iran and the United Arab Emirates joined the bloc this "
        "year. Turkey has applied to join.",
        date=dt.date(2024, 10, 22),
    )
    blocs = _blocs(story)
    assert _member_names(story, blocs["bloc-brics-invited"]) == ["Turkey"]
    members = {story.place(m.place).name: m.certainty for m in blocs["bloc-brics"].members}
    assert members["Egypt"] == "stated"
    assert members["Russia"] == "inferred"


def test_an_embassy_its_country_opens_named_two_ways_is_one_office() -> None:
    story = draft_story(
        "US opens embassy in Solomon Islands to counter China\n\nHONIARA, Feb 2 - The United "
        "States reopened its embassy in the Solomon Islands capital Honiara on Thursday "
        "after a 30-year absence.",
        date=dt.date(2023, 2, 2),
    )
    (office,) = [e for e in story.events if e.kind == "institution"]
    assert story.place(office.place).name == "Honiara"


def test_a_pact_signed_with_a_country_by_the_subject_of_a_verb_before() -> None:
    story = draft_story(
        "The Solomon Islands switched diplomatic recognition from Taiwan to Beijing in 2019 "
        "and signed a security pact with China last year, alarming Australia. Sweden applied "
        "to join the alliance with Finland in May 2022.",
        date=dt.date(2023, 2, 2),
    )
    pacts = [e for e in story.events if e.kind == "alliance"]
    assert [sorted(story.place(m.place).name for m in p.members) for p in pacts] == [
        ["China", "Solomon Islands"]
    ]


def test_countries_that_became_a_blocs_partners_are_drawn_beside_its_members() -> None:
    story = draft_story(
        "Malaysia became a Brics partner country in January, alongside Thailand, Indonesia "
        "and Vietnam. Indonesia joined as a full member the same month.",
        date=dt.date(2025, 7, 13),
    )
    blocs = _blocs(story)
    partners = blocs["bloc-brics-partners"]
    names = [_place_name(story, m.place) for m in partners.members]
    assert names == ["Malaysia", "Thailand", "Vietnam"]  # Indonesia is a member, not a partner
    assert all(m.certainty == "stated" for m in partners.members)
    members = [_place_name(story, m.place) for m in blocs["bloc-brics"].members]
    assert "Indonesia" in members and "Malaysia" not in members
    assert parse_story(dump_story(story)).events == story.events


def test_a_companys_factories_are_its_presence_at_each_town() -> None:
    story = draft_story(
        "Chinese carmaker BYD will build its first European car plant in Szeged, Hungary, the "
        "company said.\n\nTesla has factories in Fremont, Shanghai and Austin.\n\nRussian "
        "drones struck a power plant in Kharkiv overnight.",
        date=dt.date(2023, 12, 22),
    )
    works = {
        (e.organisation, _place_name(story, e.place))
        for e in story.events
        if e.kind == "institution"
    }
    assert works == {
        ("BYD", "Szeged"),
        ("Tesla", "Fremont"),
        ("Tesla", "Shanghai"),
        ("Tesla", "Austin"),
    }  # a power plant struck is no one's presence


def test_the_arab_league_shades_its_members_of_the_day() -> None:
    text = (
        "Leaders of the Arab League met in Baghdad on Saturday. Egypt, Saudi Arabia and Syria "
        "called for a ceasefire in Gaza."
    )

    def members(day: dt.date) -> set[str | None]:
        story = draft_story(text, date=day)
        (league,) = [e for e in story.events if isinstance(e, Bloc) and e.name == "Arab League"]
        return {_place_name(story, m.place) for m in league.members}

    assert members(dt.date(2025, 5, 17)) == {"Egypt", "Saudi Arabia", "Syria"}
    assert "Syria" not in members(dt.date(2015, 3, 28))  # suspended from 2011 to 2023


def test_countries_a_bloc_agreed_to_admit_are_invited() -> None:
    story = draft_story(
        "JOHANNESBURG, Aug 24 (Reuters) - The BRICS group of emerging economies agreed on "
        "Thursday to admit Saudi Arabia, Iran, Ethiopia and Egypt. A court may admit evidence "
        "from Iran.",
        date=dt.date(2023, 8, 24),
    )
    invited = _blocs(story)["bloc-brics-invited"]
    assert _member_names(story, invited) == [
        "Saudi Arabia",
        "Iran",
        "Ethiopia",
        "Egypt",
    ]


def test_posts_abroad_of_listed_countries_and_an_opening_ahead_with_its_month() -> None:
    story = draft_story(
        "Britain reopens embassy in Kabul\n\n"
        "LONDON, Oct 2 - Britain will reopen its embassy in Afghanistan's capital Kabul next "
        "month, the Foreign Office said on Thursday.\n\nChina, Pakistan and Iran have kept "
        "their embassies in Kabul open since 2021. Russia, which has had a naval base at "
        "Tartus since 1971, is negotiating with Syria.",
        date=dt.date(2025, 10, 2),
    )
    posts = {
        (e.organisation, story.place(e.place).name): e
        for e in story.events
        if e.kind == "institution"
    }
    assert set(posts) == {
        ("Britain", "Kabul"),
        ("China", "Kabul"),
        ("Pakistan", "Kabul"),
        ("Iran", "Kabul"),
        ("Russia", "Tartus"),
    }
    britain = posts[("Britain", "Kabul")]
    assert (britain.status, britain.date.start) == ("scheduled", dt.date(2025, 11, 1))
    # Kept since 2021: held, not opened on a day told.
    assert posts[("China", "Kabul")].date is None


def test_a_port_run_by_a_firm_of_a_city_state_that_signed_goes_to_that_city() -> None:
    story = draft_story(
        "DAMASCUS, May 15 - Dubai's DP World signed an $800 million agreement with Syria's "
        "government on Thursday to develop and operate the Mediterranean port of Tartus for "
        "30 years.",
        date=dt.date(2025, 5, 15),
    )
    (port,) = [e for e in story.events if isinstance(e, Port)]
    assert story.place(port.port).name == "Tartus"
    assert story.place(port.granted_to).name == "Dubai"


def test_a_country_admitted_as_a_member_or_said_to_have_joined_is_a_stated_member() -> None:
    story = draft_story(
        "KUALA LUMPUR, Oct 26 - Southeast Asian leaders formally admitted Timor-Leste as the "
        "11th member of their regional bloc on Sunday, the first expansion of the Association "
        "of Southeast Asian Nations since Cambodia joined in 1999. Malaysia hosted the summit.",
        date=dt.date(2025, 10, 26),
    )
    asean = next(e for e in story.events if isinstance(e, Bloc))
    certainty = {story.place(m.place).name: m.certainty for m in asean.members}
    assert certainty == {"Timor-Leste": "stated", "Cambodia": "stated", "Malaysia": "inferred"}
    # What may only come is not told as done: "could join".
    story = draft_story(
        "Sweden could join Nato within weeks, officials said.", date=dt.date(2024, 3, 7)
    )
    nato = next(e for e in story.events if isinstance(e, Bloc))
    assert {m.certainty for m in nato.members} == {"inferred"}


def test_the_article_before_a_name_that_has_one_is_kept_with_it() -> None:
    story = draft_story(
        "THE HAGUE, June 25 - NATO leaders met at a summit in The Hague on Wednesday.",
        date=dt.date(2025, 6, 25),
    )
    assert [p.name for p in story.places if p.kind == "city"] == ["The Hague"]


def test_a_port_told_in_a_clause_about_its_holders_has_that_clauses_dates_only() -> None:
    story = draft_story(
        "The Houthis, who control much of northern Yemen including the port of Hodeidah, "
        "began attacking ships in November 2023.",
        date=dt.date(2025, 2, 12),
    )
    (port,) = [e for e in story.events if isinstance(e, Port)]
    assert story.place(port.port).name == "Hodeidah"
    assert port.date is None


def test_a_town_named_first_in_a_datelines_capitals_takes_the_spelling_told_after() -> None:
    story = draft_story(
        "JALALABAD, Afghanistan (AP) - A magnitude 6.0 earthquake struck eastern Afghanistan "
        "late Sunday. The quake hit about 27 km northeast of the city of Jalalabad.",
        date=dt.date(2025, 9, 1),
    )
    assert "Jalalabad" in [p.name for p in story.places]  # not GeoNames' "Jalālābād"


def test_countries_a_bloc_invites_to_become_members_are_invited() -> None:
    story = draft_story(
        "JOHANNESBURG, Aug 24 (Reuters) - The BRICS group of emerging economies on Thursday "
        "invited Argentina, Egypt, Ethiopia, Iran, Saudi Arabia and the United Arab Emirates "
        "to become members from January 1. Brazil, Russia, India and China met in 2009.",
        date=dt.date(2023, 8, 24),
    )
    invited = _blocs(story)["bloc-brics-invited"]
    assert _member_names(story, invited) == [
        "Argentina",
        "Egypt",
        "Ethiopia",
        "Iran",
        "Saudi Arabia",
        "United Arab Emirates",
    ]
    assert invited.status == "proposed"
