"""Draft stories from articles laid out as news is pasted: headline, dateline, a trip told in
legs, money in several currencies, a pact named with its partners."""

from __future__ import annotations

import datetime as dt

import pytest

from mapstory.geoparse.draft import draft_story
from mapstory.geoparse.figures import amounts, percents
from mapstory.geoparse.lexicon import nlp
from mapstory.model import Alliance, Conflict, Port, Statement, Story, Trade, Visit

TRIP = """Macron lands in New Delhi as India and France seal submarine deal

NEW DELHI, 14 July 2025 — French President Emmanuel Macron arrived in New Delhi on Monday \
for a three-day state visit, as the two countries prepare to sign an agreement on submarines \
to be built in Mumbai.

Macron flew in from Abu Dhabi, where he met the UAE president on Sunday. He will travel to \
Jaipur on Wednesday before returning to Paris.

Indian Prime Minister Narendra Modi, who visited Paris last year, said the partnership had \
"never been stronger". Bilateral trade between India and France reached $15bn in 2024.

Chinese Premier Li Qiang is expected to visit Canberra and Perth in June. Australia is part \
of the Aukus security pact with the United States and Britain."""


@pytest.fixture(scope="module")
def story() -> Story:
    return draft_story(TRIP, date=dt.date(2025, 7, 14))


def _visit_events(story: Story) -> list[Visit]:
    return [v for v in story.events if isinstance(v, Visit)]


def _visits(story: Story) -> dict[tuple[str, str], Visit]:
    return {
        (story.actor(v.actor).name, story.place(v.destination).name): v
        for v in _visit_events(story)
    }


def _name(story: Story, place_id: str | None) -> str | None:
    return story.place(place_id).name if place_id else None


def _leg_pairs(story: Story) -> list[tuple[str | None, str | None]]:
    """(origin name, destination name) of each visit, in story order."""
    return [(_name(story, v.origin), _name(story, v.destination)) for v in _visit_events(story)]


def test_headline_and_dateline_are_sentences_of_their_own() -> None:
    sentences = [s.text.strip() for s in nlp()(TRIP).sents]
    assert sentences[:3] == [
        "Macron lands in New Delhi as India and France seal submarine deal",
        "NEW DELHI, 14 July 2025 —",
        sentences[2],
    ]
    assert sentences[2].startswith("French President Emmanuel Macron arrived")


def test_a_wrapped_line_is_not_a_sentence_start() -> None:
    text = "The minister said the\n    talks would go on. Then she left."
    first = next(iter(nlp()(text).sents)).text
    assert first.startswith("The minister said the") and "talks would go on." in first


def test_a_trip_told_in_legs(story: Story) -> None:
    visits = _visits(story)
    delhi = visits[("Emmanuel Macron", "New Delhi")]  # named as the article names it
    assert _name(story, delhi.origin) == "Abu Dhabi" and "origin" not in delhi.inferred
    assert delhi.date.start == dt.date(2025, 7, 14)
    abu_dhabi = visits[("Emmanuel Macron", "Abu Dhabi")]  # "where he met … on Sunday"
    assert abu_dhabi.date.start == dt.date(2025, 7, 13) and abu_dhabi.status == "happened"
    jaipur = visits[("Emmanuel Macron", "Jaipur")]
    assert jaipur.status == "scheduled" and jaipur.date.start == dt.date(2025, 7, 16)
    # The onward leg starts at the latest stop before it, and says it was inferred.
    assert _name(story, jaipur.origin) == "New Delhi" and "origin" in jaipur.inferred
    assert jaipur.note and "previous stop" in jaipur.note


def test_who_visited_in_a_relative_clause(story: Story) -> None:
    modi = _visits(story)[("Narendra Modi", "Paris")]
    assert modi.date.precision == "year" and modi.date.start.year == 2024


def test_every_place_of_a_listed_trip(story: Story) -> None:
    visits = _visits(story)
    for city in ("Canberra", "Perth"):
        leg = visits[("Li Qiang", city)]
        assert leg.status == "scheduled" and leg.date.precision == "month"


def test_how_trade_is_counted_is_not_what_is_traded(story: Story) -> None:
    trade = next(e for e in story.events if isinstance(e, Trade))
    assert trade.goods is None and "Bilateral" not in trade.title
    assert {_name(story, p) for p in trade.between} == {"India", "France"}


def test_a_pact_named_with_its_partners(story: Story) -> None:
    pact = next(e for e in story.events if isinstance(e, Alliance))
    assert pact.name == "Aukus security pact"
    assert [_name(story, m.place) for m in pact.members] == [
        "Australia",
        "United States",
        "United Kingdom",
    ]
    assert pact.title.startswith("Australia, United States and United Kingdom")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("A$3.2bn", 3.2, "AUD bn"),
        ("US$5 million", 5.0, "USD m"),
        ("$190bn", 190.0, "USD bn"),
        ("HK$1.2bn", 1.2, "HKD bn"),
        ("EUR 40m", 40.0, "EUR m"),
        ("Rs 500 crore", 5.0, "INR bn"),
        ("2 lakh rupees", 0.2, "INR m"),
        ("1.2 million tonnes", 1.2, "million tonnes"),
        ("2.1m barrels a day", 2.1, "million barrels a day"),
        ("800,000 bpd", 800000.0, "barrels a day"),
        ("1.9 million b/d", 1.9, "million barrels a day"),
    ],
)
def test_money_keeps_its_currency(text: str, value: float, unit: str) -> None:
    (amount,) = amounts(text)
    assert (amount.value, amount.unit) == (value, unit)


WAR = """Fighting spreads as Sudan war enters second year

KHARTOUM, 15 April 2024 (Reuters) — Fighting between Sudan's army and the paramilitary Rapid \
Support Forces spread to El Fasher, aid groups said on Monday.

The conflict, which began in Khartoum on 15 April 2023, has killed more than 14,000 people. \
Egypt's president hosted the leaders of Brics in Cairo, with Russia, China and India."""


def test_a_war_told_across_sentences_is_one_war_with_its_cities() -> None:
    story = draft_story(WAR, date=dt.date(2024, 4, 15))
    (war,) = [e for e in story.events if e.kind == "conflict"]
    assert [_name(story, p) for p in war.places] == ["Sudan", "El Fasher", "Khartoum"]
    assert war.date.start == dt.date(2023, 4, 15)  # when it began
    assert len(war.spans) == 3


def test_a_named_bloc_shades_the_members_the_article_names() -> None:
    story = draft_story(WAR, date=dt.date(2024, 4, 15))
    (brics,) = [e for e in story.events if e.kind == "bloc"]
    members = {_name(story, m.place) for m in brics.members}
    # Egypt joined on 1 January 2024; Sudan is named but is no member.
    assert members == {"Egypt", "Russia", "China", "India"}
    assert all(m.certainty == "inferred" for m in brics.members)


TOUR = """Zelensky visits Berlin and Paris in push for air defence

Ukrainian President Volodymyr Zelensky travelled to Berlin on Sunday, where he met Chancellor \
Olaf Scholz, before flying on to Paris for talks with Emmanuel Macron on Monday.

Zelensky, who visited Rome on Saturday, said Russia's attacks on Kharkiv and Odesa showed the \
need for more Patriot systems and Iris-T launchers."""


@pytest.fixture(scope="module")
def tour() -> Story:
    return draft_story(TOUR, date=dt.date(2024, 5, 15))  # a Wednesday


def test_legs_chain_in_the_order_they_happened_not_the_order_told(tour: Story) -> None:
    visits = {story_place: v for (_, story_place), v in _visits(tour).items()}
    assert {d: visits[d].date.start.day for d in visits} == {"Rome": 11, "Berlin": 12, "Paris": 13}
    # Monday is the Paris leg's date, though it sits inside the Berlin sentence.
    assert _name(tour, visits["Berlin"].origin) == "Rome"
    assert _name(tour, visits["Paris"].origin) == "Berlin"
    assert _name(tour, visits["Rome"].origin) == "Kyiv"  # from his country, inferred
    assert "origin" in visits["Rome"].inferred and "origin" in visits["Berlin"].inferred
    # "travelled to Berlin … before flying on to Paris" says where the Paris leg began.
    assert "origin" not in visits["Paris"].inferred
    assert tour.place(visits["Rome"].destination).country_code == "IT"


def test_an_inferred_starting_point_is_one_place(tour: Story) -> None:
    assert [p.name for p in tour.places].count("Kyiv") == 1


def test_weapons_are_not_people(tour: Story) -> None:
    assert {a.name for a in tour.actors} == {"Volodymyr Zelensky", "Olaf Scholz", "Emmanuel Macron"}


def test_a_list_of_cities_taken_for_an_organisation_is_still_places(tour: Story) -> None:
    assert {"Kharkiv", "Odesa"} <= {p.name for p in tour.places}


SUMMIT = """JOHANNESBURG, 23 August 2023 — Chinese President Xi Jinping and Indian Prime Minister \
Narendra Modi attended the Brics summit in Johannesburg on Wednesday. Brazil's President Luiz \
Inacio Lula da Silva flew in from Luanda on Tuesday.

China's imports of Russian crude oil rose 20% to 2.1 million barrels a day this year, while \
India's purchases of Russian oil jumped to $30bn."""


@pytest.fixture(scope="module")
def summit() -> Story:
    return draft_story(SUMMIT, date=dt.date(2023, 8, 23))


def test_everyone_a_sentence_lists_attended(summit: Story) -> None:
    visits = _visits(summit)
    for leader, capital in (("Xi Jinping", "Beijing"), ("Narendra Modi", "New Delhi")):
        assert _name(summit, visits[(leader, "Johannesburg")].origin) == capital


def test_an_arrival_from_somewhere_ends_where_the_story_is_filed(summit: Story) -> None:
    lula = _visits(summit)[("Luiz Inacio Lula da Silva", "Johannesburg")]
    assert _name(summit, lula.origin) == "Luanda"
    assert lula.inferred == ["destination"] and "filed from" in lula.note
    assert lula.date.start == dt.date(2023, 8, 22)
    assert len(_visits(summit)) == 3


def test_imports_flow_to_the_country_that_buys_them(summit: Story) -> None:
    flows = {
        (_name(summit, t.origin), _name(summit, t.destination)): t
        for t in summit.events
        if isinstance(t, Trade)
    }
    assert set(flows) == {("Russia", "China"), ("Russia", "India")}  # never China–India
    crude = flows[("Russia", "China")]
    assert crude.goods == "crude oil"
    assert [(f.value, f.unit, f.change_pct) for f in crude.figures] == [
        (2.1, "million barrels a day", 20.0)
    ]
    oil = flows[("Russia", "India")]
    assert [(f.value, f.unit) for f in oil.figures] == [(30.0, "USD bn")]


def _kinds(text: str) -> list[tuple[str, str]]:
    story = draft_story(text, date=dt.date(2024, 5, 15))
    return [(e.kind, e.title) for e in story.events]


@pytest.mark.parametrize(
    "text",
    [
        "Kimberly Underwood attended law school in Houston, Texas.",
        "Cristiano Ronaldo was unable to attend the awards ceremony in Paris.",
        "Rodney Smith will go to trial in Alexandria, Virginia, next month.",
        "John Finney's parents are visiting other cities in Europe.",
        "Angela Merkel did not travel to Brussels on Monday.",
    ],
)
def test_what_is_not_a_visit(text: str) -> None:
    assert not [k for k in _kinds(text) if k[0] == "visit"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Shimon Peres is to make an official visit to Prague on Monday.",
            "Shimon Peres to visit Prague",
        ),
        (
            "Lance Armstrong said he would fly to the United States.",
            "Lance Armstrong to visit United States",
        ),
        ("Chancellor Olaf Scholz cancelled a visit to Warsaw.", None),
    ],
)
def test_plans_are_scheduled_and_cancelled_trips_are_none(text: str, title: str | None) -> None:
    visits = [t for k, t in _kinds(text) if k == "visit"]
    assert visits == ([title] if title else [])


@pytest.mark.parametrize(
    ("text", "port"),
    [
        ("The Iranian ship anchored off the Cypriot port of Limassol.", "Limassol"),
        ("Ships were diverted to the port city of Haifa on Monday.", "Haifa"),
        ("Shanghai, the busiest port in the world, handled record volumes.", "Shanghai"),
        ("Port Authority director Milan Kruszynski said boaters in Lowell were unhappy.", None),
        ("The car blew up near a bus terminal in Baghdad.", None),
        # (a town before its port, in lower case; the place of a blast there is no port story)
        ("Sri Lanka's Hambantota port handled a record number of ships.", "Hambantota"),
        ("The pope will pray at the site of the 2020 explosion at the port of Beirut.", None),
        # (the model tags "Chancay" a nationality here)
        (
            "Xi Jinping on Thursday inaugurated the $3.5 billion deep-water port of Chancay "
            "north of Lima.",
            "Chancay",
        ),
    ],
)
def test_a_port_is_a_city_the_sentence_calls_one(text: str, port: str | None) -> None:
    ports = [t for k, t in _kinds(text) if k == "port"]
    assert ports == ([f"{port} as a port"] if port else [])


def test_trade_without_figures_is_not_drawn() -> None:
    assert _kinds("The United States and Canada signed a trade deal in Ottawa.") == []


def test_a_pact_told_with_its_members_is_not_drawn_twice(story: Story) -> None:
    assert not [e for e in story.events if e.kind == "bloc" and "Aukus" in e.title]


@pytest.mark.parametrize(
    "text",
    [
        "A federal trial over the Pottstown home invasion ended with a hung jury.",
        "A price war in Texas has cut petrol prices.",
        "The trade war between China and the United States went on.",
    ],
)
def test_wars_that_are_not_fighting(text: str) -> None:
    assert not [k for k in _kinds(text) if k[0] == "conflict"]


TOUR_OF_ASIA = """Published: 19 March 2024

MANILA — US Secretary of State Antony Blinken arrived in Manila on Tuesday after visiting \
Seoul on Monday, pledging support for the Philippines in its maritime dispute with China.

The United States and the Philippines are bound by a 1951 treaty. Trade between the two \
countries reached $24bn last year, while Philippine exports to Japan rose 8% to $11.3bn.

Blinken will travel to Vienna on Thursday for talks on Ukraine."""


@pytest.fixture(scope="module")
def asia() -> Story:
    return draft_story(TOUR_OF_ASIA, date=dt.date(2024, 3, 19))


def test_a_statement_is_placed_at_the_stop_of_its_day(asia: Story) -> None:
    (said,) = [e for e in asia.events if e.kind == "statement"]
    # Not "in its maritime dispute with China": that is what it was about.
    assert _name(asia, said.place) == "Manila" and said.inferred == ["place"]
    assert said.date.start == dt.date(2024, 3, 19)  # Tuesday's arrival, not Monday's Seoul


def test_the_two_countries_are_the_two_just_named(asia: Story) -> None:
    flows = {
        (t.goods, tuple(sorted(_name(asia, p) for p in t.endpoints))): t
        for t in asia.events
        if isinstance(t, Trade)
    }
    assert set(flows) == {
        (None, ("Philippines", "United States")),
        (None, ("Japan", "Philippines")),
    }
    exports = flows[(None, ("Japan", "Philippines"))]
    assert (_name(asia, exports.origin), _name(asia, exports.destination)) == (
        "Philippines",
        "Japan",
    )


def test_a_surname_the_model_calls_a_place_is_still_the_person(asia: Story) -> None:
    vienna = _visits(asia)[("Antony Blinken", "Vienna")]
    assert vienna.status == "scheduled" and vienna.date.start == dt.date(2024, 3, 21)


def _flows(text: str, day: dt.date = dt.date(2023, 6, 21)) -> dict[tuple[str | None, ...], Trade]:
    story = draft_story(text, date=day)
    flows: dict[tuple[str | None, ...], Trade] = {}
    for t in story.events:
        if isinstance(t, Trade):
            ends = (t.origin, t.destination) if t.origin else tuple(t.between or ())
            flows[tuple(_name(story, p) for p in ends)] = t
    return flows


def test_a_run_of_years_is_no_period_so_the_last_one_told_holds() -> None:
    flows = _flows(
        "German exports to China fell 9.8% to 90 billion euros last year, official data "
        "showed on Friday. Exports to the United States rose 1.3% to 158 billion euros, making "
        "it Germany's biggest customer for the ninth year running.",
        dt.date(2024, 2, 9),
    )
    assert [f.period for f in flows[("Germany", "United States")].figures] == ["2023"]
    assert [f.period for f in flows[("Germany", "China")].figures] == ["2023"]


def test_a_paragraph_opening_with_trade_is_read() -> None:
    # After a blank line spaCy tags the capitalised "Trade" as a proper noun.
    text = (
        "Modi arrived in Washington on Wednesday.\n\n"
        "Trade between India and the United States reached $191bn in 2022, making the US "
        "India's largest trading partner."
    )
    (pair,) = _flows(text)
    assert set(pair) == {"India", "United States"}


def test_what_a_country_buys_flows_to_it_and_what_dates_it_does_not_trade() -> None:
    text = (
        "Modi arrived in Washington on Wednesday.\n\n"
        "India has also been buying record volumes of discounted Russian oil since Moscow's "
        "invasion of Ukraine, imports that rose to 1.9 million barrels a day in May."
    )
    flows = _flows(text)
    assert set(flows) == {("Russia", "India")}  # never India–Ukraine
    oil = flows[("Russia", "India")]
    assert oil.goods == "discounted oil"
    assert [(f.value, f.unit) for f in oil.figures] == [(1.9, "million barrels a day")]


def test_a_country_that_ships_or_imports_goods_is_a_flow_with_its_figures() -> None:
    text = (
        "Australia shipped a record 750 million tonnes of iron ore to China in the year to "
        "June, worth A$124bn, figures released on Thursday showed. Brazil exported 250 million "
        "tonnes to China. India imported 1.9 million barrels a day of crude from Russia in May."
    )
    flows = _flows(text, dt.date(2024, 8, 15))
    assert set(flows) == {("Australia", "China"), ("Brazil", "China"), ("Russia", "India")}
    ore = flows[("Australia", "China")]
    assert ore.goods == "iron ore"
    assert [(f.value, f.unit) for f in ore.figures] == [
        (750.0, "million tonnes"),
        (124.0, "AUD bn"),
    ]
    # "The year to June" is the twelve months it names, not the day the figures came out.
    assert {f.period for f in ore.figures} == {"July 2023 – June 2024"}
    assert (ore.date.start, ore.date.end) == (dt.date(2023, 7, 1), dt.date(2024, 6, 30))
    assert flows[("Brazil", "China")].goods is None
    assert [(f.value, f.unit) for f in flows[("Russia", "India")].figures] == [
        (1.9, "million barrels a day")
    ]


def _trips(text: str, day: dt.date = dt.date(2023, 6, 18)) -> dict[tuple[str, str], Visit]:
    return _visits(draft_story(text, date=day))


def test_a_trip_to_a_city_and_its_country_in_one_sentence_is_one_visit() -> None:
    trips = _trips(
        "U.S. Secretary of State Antony Blinken arrived in Beijing on Sunday, the first visit "
        "by America's top diplomat to China in five years."
    )
    assert set(trips) == {("Antony Blinken", "Beijing")}
    assert trips[("Antony Blinken", "Beijing")].date.start == dt.date(2023, 6, 18)


def test_an_invitation_to_visit_is_a_proposed_trip() -> None:
    story = draft_story(
        "Foreign Minister Qin Gang met Antony Blinken in Beijing on Sunday. Qin accepted an "
        "invitation to visit Washington at a mutually convenient time.",
        date=dt.date(2023, 6, 18),
    )
    trip = _visits(story)[("Qin Gang", "Washington")]
    assert trip.status == "proposed" and trip.title == "Qin Gang may visit Washington"
    # spaCy lemmatises this "hopes" as "hop".
    hoped = _trips("When she returns, Jackie Underwood hopes to tour Wellington, she said.")
    assert hoped[("Jackie Underwood", "Wellington")].status == "proposed"


def test_a_previous_paragraphs_country_is_not_a_persons_home() -> None:
    story = draft_story(
        "Blinken met Foreign Minister Qin Gang on Sunday. China is the largest holder of US "
        "Treasuries after Japan.\n\nQin accepted an invitation to visit Washington.",
        date=dt.date(2023, 6, 18),
    )
    assert "Tokyo" not in {p.name for p in story.places}


def test_a_surname_the_model_tags_nothing_is_still_the_person() -> None:
    story = draft_story(
        "British Prime Minister Rishi Sunak met Joe Biden in San Diego on Monday.\n\n"
        "Sunak flew to San Diego from London and will travel on to Washington.",
        date=dt.date(2023, 3, 13),
    )
    legs = {
        (where, _name(story, trip.origin), trip.status)
        for (who, where), trip in _visits(story).items()
        if who == "Rishi Sunak"
    }
    assert legs == {
        ("San Diego", "London", "happened"),
        ("Washington", "San Diego", "scheduled"),  # onward from the first stop
    }


def test_a_tour_of_two_towns_is_two_visits_dated_by_its_own_clause() -> None:
    trips = _trips(
        "Turkish President Tayyip Erdogan, who faces elections in May, toured Kahramanmaras "
        "and Adiyaman last week and promised to rebuild homes within a year.",
        dt.date(2023, 2, 14),
    )
    assert {where for _, where in trips} == {"Kahramanmaraş", "Adıyaman"}
    for trip in trips.values():
        assert trip.date.precision == "week" and trip.date.phrase == "last week"


def test_a_design_named_after_a_place_is_not_the_place() -> None:
    story = draft_story(
        "Australia will buy up to five US Virginia-class nuclear-powered submarines.",
        date=dt.date(2023, 3, 13),
    )
    assert "Virginia" not in {p.name for p in story.places}


def test_a_dateline_without_a_year_is_still_a_dateline() -> None:
    text = (
        "Blinken begins fourth Middle East tour\n\n"
        "TEL AVIV, Jan 9 — Secretary of State Antony Blinken arrived in Tel Aviv on Tuesday."
    )
    sentences = [s.text.strip() for s in nlp()(text).sents]
    assert "TEL AVIV, Jan 9 —" in sentences
    assert ("Antony Blinken", "Tel Aviv") in _trips(text, dt.date(2024, 1, 9))


def test_a_meeting_abroad_is_a_visit_and_a_meeting_at_home_is_not() -> None:
    trips = _trips(
        "Hungarian Prime Minister Viktor Orban met Russian President Vladimir Putin in Beijing "
        "in October. Secretary of State Antony Blinken arrived in Tel Aviv on Tuesday. Blinken "
        "met Prime Minister Benjamin Netanyahu in Jerusalem and will travel to Ramallah on "
        "Wednesday. Mayor Misty Buscher met residents in Springfield on Monday.",
        dt.date(2024, 1, 9),
    )
    assert ("Viktor Orban", "Beijing") in trips  # from another country
    assert ("Antony Blinken", "Jerusalem") in trips  # travelling in this story
    jerusalem = trips[("Antony Blinken", "Jerusalem")]
    assert jerusalem.date is None  # not the Ramallah leg's Wednesday
    assert ("Vladimir Putin", "Beijing") not in trips  # the one met is not the subject
    assert not [who for who, _ in trips if who == "Misty Buscher"]  # at home, no trip
    # A host who travels abroad later in the story still met at home; one who travels
    # about their own country did not.
    trips = _trips(
        "Mitsotakis and Erdogan meet in Athens\n\n"
        "Turkish President Recep Tayyip Erdogan arrived in Athens on Thursday. He was "
        "received by Greek Prime Minister Kyriakos Mitsotakis. Mitsotakis is expected to pay "
        "a return visit to Ankara in the spring.",
        dt.date(2023, 12, 7),
    )
    assert ("Recep Tayyip Erdogan", "Athens") in trips
    assert ("Kyriakos Mitsotakis", "Ankara") in trips
    assert ("Kyriakos Mitsotakis", "Athens") not in trips
    trips = _trips(
        "US President Joe Biden flew to Chicago on Monday and met union leaders in Detroit on "
        "Tuesday.",
        dt.date(2023, 12, 7),
    )
    assert ("Joe Biden", "Detroit") in trips


def test_a_headlines_country_is_not_the_persons_home() -> None:
    story = draft_story(
        "EU leaders clash over Ukraine aid as Orban blocks deal\n\n"
        "Leaders agreed after Hungarian Prime Minister Viktor Orban left the room. Orban met "
        "Chinese President Xi Jinping in Beijing in October.",
        date=dt.date(2023, 12, 15),
    )
    trip = _visits(story)[("Viktor Orban", "Beijing")]
    assert _name(story, trip.origin) == "Budapest" and trip.inferred == ["origin"]


def test_a_visit_goes_to_the_place_named_not_to_places_a_clause_mentions() -> None:
    story = draft_story(
        "ULAANBAATAR, Sept 1 (AP) — Pope Francis arrived in Mongolia on Friday, the first "
        "pontiff to visit the landlocked nation wedged between Russia and China.\n\n"
        "Francis flew overnight from Rome. He will celebrate Mass in Ulaanbaatar on Sunday.",
        date=dt.date(2023, 9, 1),
    )
    trips = _visits(story)
    # Never Russia or China: to Mongolia, at the city the article was filed from (inferred).
    assert set(trips) == {("Pope Francis", "Ulaanbaatar")}
    assert _name(story, trips[("Pope Francis", "Ulaanbaatar")].origin) == "Rome"
    assert "destination" in trips[("Pope Francis", "Ulaanbaatar")].inferred
    # The capital, not its province, and under the article's spelling (GeoNames: Ulan Bator).
    capital = next(p for p in story.places if p.gazetteer_id == "geonames:2028462")
    assert capital.name == "Ulaanbaatar" and capital.kind == "city"


def test_a_transliteration_macron_gives_way_to_the_articles_spelling() -> None:
    story = draft_story(
        "The quake struck 40 km northwest of the city of Herat on Saturday. Villages in "
        "Herat province were flattened. Erdogan toured Kahramanmaras.",
        date=dt.date(2023, 10, 8),
    )
    names = {p.kind: p.name for p in story.places if p.name.startswith("Her")}
    assert names == {"city": "Herat", "region": "Herat"}  # GeoNames: Herāt
    # A language's own letter is its name, whatever the article types.
    assert "Kahramanmaraş" in {p.name for p in story.places}


def test_a_country_on_the_itinerary_becomes_its_capital_told_later_in_order() -> None:
    story = draft_story(
        "U.S. Secretary of State Antony Blinken will travel to Israel on Sunday.\n\n"
        "Blinken will meet Israeli Prime Minister Benjamin Netanyahu in Jerusalem on Monday "
        "before travelling to Egypt and Qatar. In Cairo he is due to meet President Abdel "
        "Fattah al-Sisi.",
        date=dt.date(2024, 8, 16),
    )
    legs = _leg_pairs(story)
    assert legs == [("Washington", "Jerusalem"), ("Jerusalem", "Cairo"), ("Cairo", "Qatar")]
    # Signing with one's hosts in their capital is being there.
    trips = _trips(
        "Japanese Foreign Minister Yoko Kamikawa signed the Reciprocal Access Agreement with "
        "their Philippine counterparts in Manila on Monday.",
        dt.date(2024, 7, 8),
    )
    assert set(trips) == {("Yoko Kamikawa", "Manila")}


def test_a_sea_before_a_noun_is_no_stop_and_a_country_gives_way_to_its_capital() -> None:
    story = draft_story(
        "Indian Prime Minister Narendra Modi arrived in Cyprus on Sunday, the first visit by an "
        "Indian leader to the Mediterranean island in more than two decades, at the start of a "
        "tour that will also take him to Canada and Croatia.\n\nModi held talks with "
        "President Nikos Christodoulides in Nicosia. He will end his trip in Zagreb on "
        "Wednesday.",
        date=dt.date(2025, 6, 15),
    )
    legs = _leg_pairs(story)
    assert legs == [("New Delhi", "Nicosia"), ("Nicosia", "Canada"), ("Canada", "Zagreb")]


def test_a_monarch_the_model_tags_as_nothing_is_still_the_traveller() -> None:
    story = draft_story(
        "King Charles to visit Australia and Samoa in October\n\n"
        "LONDON, May 22 (Reuters) - King Charles will visit Australia and Samoa in October, "
        "Buckingham Palace said on Wednesday.\n\nThe King will travel to Sydney and Canberra "
        "before flying to Apia, the Samoan capital, where Charles will attend the Commonwealth "
        "Heads of Government Meeting.",
        date=dt.date(2024, 5, 22),
    )
    visits = _visit_events(story)
    assert {v.actor for v in visits} == {"king-charles"}
    legs = [(_name(story, v.origin), _name(story, v.destination)) for v in visits]
    # Not from Apia: "the Samoan capital, where Charles" says nothing of where he is from.
    assert legs == [(None, "Sydney"), ("Sydney", "Canberra"), ("Canberra", "Apia")]
    # The headline's "to visit … in October" is ahead, not last October.
    assert all(v.status == "scheduled" for v in visits)
    assert visits[0].date.start == dt.date(2024, 10, 1)


def test_a_meeting_at_a_seat_of_government_is_in_its_capital_and_on_to_is_a_leg() -> None:
    story = draft_story(
        "WASHINGTON, Dec 12 (Reuters) - Ukrainian President Volodymyr Zelenskiy met President "
        "Joe Biden at the White House on Tuesday.\n\nZelenskiy flew to Washington from Buenos "
        "Aires, where he attended the inauguration of Argentina's President Javier Milei on "
        "Sunday. He is due to travel on to Oslo for a summit of Nordic leaders on Wednesday.",
        date=dt.date(2023, 12, 12),
    )
    legs = {
        _name(story, v.destination): (_name(story, v.origin), v.date.start, v.status)
        for v in _visit_events(story)
    }
    assert legs["Washington"] == ("Buenos Aires", dt.date(2023, 12, 12), "happened")
    assert legs["Oslo"] == ("Washington", dt.date(2023, 12, 13), "scheduled")
    # Arrived on Tuesday, meeting at the White House on Wednesday: one stay, not two trips.
    story = draft_story(
        "Japan's prime minister Fumio Kishida arrived in Washington on Tuesday for a state "
        "visit. Kishida flew from Tokyo and will meet President Joe Biden at the White House "
        "on Wednesday.",
        date=dt.date(2024, 4, 9),
    )
    (stay,) = [v for v in _visit_events(story) if _name(story, v.destination) == "Washington"]
    assert (stay.date.start, stay.date.end) == (dt.date(2024, 4, 9), dt.date(2024, 4, 10))
    # A seat whose capital the article does not name puts no one anywhere.
    trips = _trips("German Chancellor Olaf Scholz met Vladimir Putin at the Kremlin.")
    assert trips == {}


def test_a_titled_name_the_model_calls_an_organisation_is_a_person() -> None:
    trips = _trips(
        "German Chancellor Olaf Scholz visited Copenhagen on Wednesday to discuss energy "
        "security with Danish Prime Minister Mette Frederiksen.",
        dt.date(2022, 10, 20),
    )
    assert set(trips) == {("Olaf Scholz", "Copenhagen")}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Saudi Arabia has demanded a defence pact with the United States.", "proposed"),
        ("Japan and Australia signed a defence pact with the United States.", "happened"),
        ("Talks on a proposed alliance between Kenya and Ethiopia stalled.", "proposed"),
    ],
)
def test_a_pact_sought_is_not_a_pact_made(text: str, status: str) -> None:
    story = draft_story(text, date=dt.date(2023, 9, 21))
    (pact,) = [e for e in story.events if isinstance(e, Alliance)]
    assert pact.status == status


def test_a_visit_by_someone_during_a_deal_and_the_leg_flown_on_after_it() -> None:
    story = draft_story(
        "LONDON, July 24 — Britain and India signed a free trade agreement on Thursday that "
        "will cut tariffs on whisky, during a visit to London by Indian Prime Minister "
        "Narendra Modi.\n\nModi, who arrived from New Delhi on Wednesday, met King Charles "
        "before flying on to the Maldives.",
        date=dt.date(2025, 7, 24),
    )
    trips = _visits(story)
    london = trips[("Narendra Modi", "London")]
    assert london.status == "happened" and london.date.start == dt.date(2025, 7, 24)
    assert _name(story, london.origin) == "New Delhi"
    maldives = trips[("Narendra Modi", "Maldives")]
    assert _name(story, maldives.origin) == "London"  # flown on from the stop before
    assert maldives.date is None  # Wednesday is the arrival's, not the flight's
    assert maldives.inferred == []


def test_a_trip_to_two_countries_is_two_visits() -> None:
    trips = _trips(
        "President Volodymyr Zelensky, who returned from a trip to Spain and Belgium last "
        "week, travelled to Kharkiv on Sunday.",
        dt.date(2024, 5, 26),
    )
    assert {where for _, where in trips} == {"Spain", "Belgium", "Kharkiv"}
    assert trips[("Volodymyr Zelensky", "Spain")].date.precision == "week"


def test_a_unit_based_in_a_town_is_visited_in_the_town() -> None:
    trips = _trips(
        "US general John Cartwright arrived in Tbilisi on Monday. He will also see the town of "
        "Gori, according to the Georgian MoD, and visit the Gori-based first infantry brigade.",
        dt.date(2009, 1, 5),
    )
    assert trips[("John Cartwright", "Gori")].status == "scheduled"


def test_a_town_keeps_its_name_when_the_article_adds_a_word_to_it() -> None:
    story = draft_story(
        "Springfield, Ohio — Springfield City Schools kept costs low, Bob Sommers said.",
        date=dt.date(2009, 1, 5),
    )
    assert "Springfield City" not in {p.name for p in story.places}


def test_a_stopover_a_summit_left_and_a_trip_dated_after_the_article() -> None:
    story = draft_story(
        "HANOI, Sept 10 — President Joe Biden arrived in Hanoi on Sunday from New Delhi, where "
        "he attended the Group of 20 summit, to sign a partnership with Vietnam. Biden will "
        "fly home on Monday via Anchorage, Alaska.\n\nFrench President Emmanuel Macron flies "
        "to Amsterdam next week.",
        date=dt.date(2023, 9, 10),
    )
    trips = _visits(story)
    assert ("Joe Biden", "New Delhi") in trips  # "where he attended the … summit"
    # … from somewhere before: not from Hanoi, nor from Vietnam's capital as his home's (the
    # sentence before ends with Vietnam).
    assert trips[("Joe Biden", "New Delhi")].origin is None
    anchorage = trips[("Joe Biden", "Anchorage")]
    assert anchorage.status == "scheduled" and _name(story, anchorage.origin) == "Hanoi"
    assert trips[("Emmanuel Macron", "Amsterdam")].status == "scheduled"  # dated ahead


def test_talks_in_the_city_of_a_place_put_a_traveller_there() -> None:
    trips = _trips(
        "French President Emmanuel Macron and Chinese President Xi Jinping held talks on "
        "Friday in the southern city of Guangzhou, after meeting in Beijing on Thursday.",
        dt.date(2023, 4, 7),
    )
    guangzhou = trips[("Emmanuel Macron", "Guangzhou")]
    assert guangzhou.date.start == dt.date(2023, 4, 7)


def test_an_event_celebrating_a_city_does_not_put_the_speaker_there() -> None:
    trips = _trips(
        "Palestinian President Mahmoud Abbas spoke on Saturday. Addressing an audience at the "
        "opening of an event celebrating Jerusalem's role in Arab culture, Abbas called for a "
        "two-state solution.",
        dt.date(2009, 3, 21),
    )
    assert ("Mahmoud Abbas", "Jerusalem") not in trips


def test_a_town_of_a_province_is_the_town_and_a_later_clause_gives_its_start() -> None:
    story = draft_story(
        "JAKARTA, Feb 8 — Indonesian President Joko Widodo flew to the West Java town of "
        "Cianjur on Tuesday, a day after Australian Foreign Minister Penny Wong arrived in "
        "Jakarta.\n\nWidodo, who travelled from Jakarta by helicopter, promised to rebuild "
        "schools.",
        date=dt.date(2023, 2, 8),
    )
    trips = _visits(story)
    assert ("Joko Widodo", "West Java") not in trips
    cianjur = trips[("Joko Widodo", "Cianjur")]
    # Wong's arrival was told after his flight; his own later clause still starts his trip.
    assert _name(story, cianjur.origin) == "Jakarta"


def test_countries_signing_a_pact_and_a_treaty_ally_are_alliances() -> None:
    story = draft_story(
        "Japan and the Philippines signed a defence pact on Monday. Chile and Peru signed a "
        "trade agreement. The United States, a treaty ally of both Japan and the Philippines, "
        "has troops in Okinawa. He is an ally of Orban in Hungary.",
        date=dt.date(2024, 7, 8),
    )
    pacts = {
        tuple(sorted(_name(story, m.place) for m in e.members)): e.name
        for e in story.events
        if isinstance(e, Alliance)
    }
    assert pacts == {
        ("Japan", "Philippines"): "defence pact",
        ("Japan", "United States"): "treaty alliance",
        ("Philippines", "United States"): "treaty alliance",
    }


def test_a_defence_agreement_of_the_two_countries_is_an_alliance_a_trade_one_is_not() -> None:
    story = draft_story(
        "Trade between Indonesia and Australia reached $18bn last year, and the two countries "
        "signed a defence cooperation agreement in 2022. Indonesia and Malaysia signed a trade "
        "agreement on Monday.",
        date=dt.date(2023, 2, 8),
    )
    pacts = [e for e in story.events if isinstance(e, Alliance)]
    assert [sorted(_name(story, m.place) for m in p.members) for p in pacts] == [
        ["Australia", "Indonesia"]
    ]
    assert "defence cooperation agreement" in pacts[0].title


def test_a_place_taken_or_struck_by_force_is_a_dated_conflict() -> None:
    story = draft_story(
        "Russia invaded Ukraine in February 2022. Moscow annexed Crimea in 2014. Fighting also "
        "continued around Avdiivka. The army did not occupy Kherson.",
        date=dt.date(2023, 6, 5),
    )
    conflicts = {e.title: e for e in story.events if isinstance(e, Conflict)}
    assert conflicts["Invasion of Ukraine by Russia"].date.start == dt.date(2022, 2, 1)
    assert conflicts["Annexation of Crimea"].date.start == dt.date(2014, 1, 1)
    assert "Fighting in Avdiivka" in conflicts
    assert not any("Kherson" in title for title in conflicts)  # negated


def test_a_city_captured_or_attacked_is_a_conflict_but_a_person_attacked_is_not() -> None:
    story = draft_story(
        "Rebels seized the city of Goma in January. Russian forces captured the outskirts of "
        "Pokrovsk. Fighting between the army and the RSF broke out in Khartoum in April 2023. "
        "Ukrainian troops retook the city of Kherson in November 2022. "
        "Critics attacked the governor of Texas. Trump attacked California's governor. The "
        "rebels seized the moment.",
        date=dt.date(2025, 2, 10),
    )
    conflicts = {e.title: e for e in story.events if isinstance(e, Conflict)}
    assert set(conflicts) == {
        "Seizure of Goma",
        "Capture of Pokrovsk by Russia",
        "Fighting in Khartoum",
        "Recapture of Kherson by Ukraine",
    }
    assert conflicts["Seizure of Goma"].date.start == dt.date(2025, 1, 1)
    assert conflicts["Fighting in Khartoum"].date.start == dt.date(2023, 4, 1)
    # A war or an offensive "on" or "against" a place is called so; against people of a
    # place, it is fighting there.
    for told, title in (
        ("Russia launched its largest drone attack of the war on Kyiv.", "War on Kyiv"),
        ("An offensive against the Hamas rulers of Gaza went on.", "Offensive in Gaza"),
    ):
        (conflict,) = [e for e in draft_story(told).events if isinstance(e, Conflict)]
        assert conflict.title == title


def test_an_armed_attack_and_a_war_the_parser_misreads_are_still_conflicts() -> None:
    story = draft_story(
        "The Hamas attack on southern Israel on October 7 triggered the war in Gaza. "
        "More than 40,000 people have been killed in the Israeli offensive in Gaza. "
        "A Russian drone attack on Kharkiv killed three people.",
        date=dt.date(2024, 8, 16),
    )
    conflicts = {e.title for e in story.events if isinstance(e, Conflict)}
    assert conflicts == {"Attack on Israel", "War in Gaza", "Attack on Kharkiv by Russia"}
    # The war, not the army, began in Khartoum, though the parser hangs the clause on "army".
    story = draft_story(
        "The war between the army and the RSF, which began in Khartoum in April last year, "
        "has displaced more than 10 million people.",
        date=dt.date(2024, 6, 14),
    )
    (war,) = [e for e in story.events if isinstance(e, Conflict)]
    assert war.title == "War in Khartoum" and war.date.start == dt.date(2023, 4, 1)
    # A siege and the fighting round it are one mark; the war they belong to, which began
    # elsewhere, is its own, not more about that battle.
    story = draft_story(
        "Sudan's RSF tighten siege of El Fasher\n\nFighting around El Fasher has killed at "
        "least 226 people since May 10. The war between the army and the RSF, which began in "
        "Khartoum in April last year, has displaced more than 10 million people.",
        date=dt.date(2024, 6, 14),
    )
    conflicts = {e.title: e for e in story.events if isinstance(e, Conflict)}
    assert set(conflicts) == {"Siege of El Fasher", "War in Khartoum"}
    assert len(conflicts["Siege of El Fasher"].spans) == 2
    assert conflicts["War in Khartoum"].date.start == dt.date(2023, 4, 1)
    (istanbul,) = [
        e
        for e in draft_story("44 people were killed in a PKK attack in Istanbul.").events
        if isinstance(e, Conflict)
    ]
    assert istanbul.title == "Attack in Istanbul"
    # Attacks on shipping are at sea.
    (red_sea,) = [
        e
        for e in draft_story(
            "Attacks by Yemen's Houthi militants on ships in the Red Sea forced shipping lines "
            "to divert around Africa."
        ).events
        if isinstance(e, Conflict)
    ]
    assert red_sea.title == "Attack in the Red Sea"
    # Not fighting: a heart attack, a war of words on a policy, a war won in a year, an
    # attack only plotted.
    for told in (
        "Police arrested two teenagers accused of plotting a terror attack in Aschaffenburg.",
        "He suffered a heart attack in Paris.",
        "Beijing's attack on Washington's trade policy drew criticism.",
        "Critics attacked the governor in Texas.",
        "He won the war in 1945.",
    ):
        assert not [e for e in draft_story(told).events if isinstance(e, Conflict)], told


def test_a_tour_that_takes_him_on_and_a_host_are_an_itinerary_in_order() -> None:
    story = draft_story(
        "Antony Blinken arrived in Riyadh on Tuesday at the start of a tour of the Middle East "
        "that will also take him to Doha, Amman and Cairo.\n\n"
        "Blinken, who flew in from Washington overnight, met the crown prince.\n\n"
        "Jordan's King Abdullah II will host Blinken in Amman on Thursday. Xi welcomed "
        "Vladimir Putin to Beijing in October.",
        date=dt.date(2024, 1, 9),
    )
    trips = _visits(story)
    legs = {
        place: (_name(story, v.origin) if v.origin else None, v.status, "origin" in v.inferred)
        for (actor, place), v in trips.items()
        if actor == "Antony Blinken"
    }
    assert legs == {
        "Riyadh": ("Washington", "happened", False),
        "Doha": ("Riyadh", "scheduled", False),
        "Amman": ("Doha", "scheduled", True),
        "Cairo": ("Amman", "scheduled", True),
    }
    assert trips[("Antony Blinken", "Amman")].date.start == dt.date(2024, 1, 11)
    assert trips[("Vladimir Putin", "Beijing")].date.start == dt.date(2023, 10, 1)


def test_a_trip_to_the_countrys_capital_is_to_the_capital_the_article_names() -> None:
    story = draft_story(
        "German Chancellor Olaf Scholz flew to the Ukrainian capital on Friday. Air raid "
        "sirens sounded in Kyiv as he arrived. Finland's Alexander Stubb flew to the Estonian "
        "capital on Friday.",
        date=dt.date(2024, 12, 6),
    )
    trips = _visits(story)
    assert ("Olaf Scholz", "Kyiv") in trips
    assert trips[("Olaf Scholz", "Kyiv")].date.start == dt.date(2024, 12, 6)
    # Tallinn is named nowhere: no place to put the trip.
    assert not any(actor == "Alexander Stubb" for actor, _ in trips)


def test_an_act_on_several_places_is_one_event_apart_from_the_fighting_there() -> None:
    story = draft_story(
        "Fighting continued in the eastern Donetsk region. Moscow annexed Donetsk, Luhansk, "
        "Kherson and Zaporizhzhia in September 2022.",
        date=dt.date(2023, 9, 17),
    )
    conflicts = {e.title: e for e in story.events if isinstance(e, Conflict)}
    annexation = conflicts["Annexation of Donetsk, Luhansk, Kherson and Zaporizhzhia"]
    assert len(annexation.places) == 4 and annexation.date.start == dt.date(2022, 9, 1)
    fighting = conflicts["Fighting in Donetsk"]
    assert fighting.date is None and fighting.places == [annexation.places[0]]


def test_leaving_for_a_city_is_a_trip_and_the_leg_after_it_starts_there_undated() -> None:
    story = draft_story(
        "NEW DELHI, July 12 - Indian Prime Minister Narendra Modi will leave for Paris on "
        "Thursday, where he will be the guest of honour at the Bastille Day parade, before "
        "flying to Washington for a state visit, the foreign ministry said.",
        date=dt.date(2023, 7, 12),
    )
    trips = _visits(story)
    paris = trips[("Narendra Modi", "Paris")]
    assert paris.status == "scheduled" and paris.date.start == dt.date(2023, 7, 13)
    washington = trips[("Narendra Modi", "Washington")]
    assert _name(story, washington.origin) == "Paris"
    assert washington.date is None  # Thursday is the day he leaves for Paris


def test_the_quad_is_a_bloc_but_a_quad_bike_is_not() -> None:
    story = draft_story(
        "India and Japan are members of the Quad grouping with the United States and "
        "Australia. Farmers in Australia ride a quad bike to check fences.",
        date=dt.date(2023, 6, 1),
    )
    (quad,) = [e for e in story.events if e.kind == "bloc"]
    assert {_name(story, m.place) for m in quad.members} == {
        "India",
        "Japan",
        "United States",
        "Australia",
    }
    bikes = draft_story("Farmers in Australia ride a quad bike.", date=dt.date(2023, 6, 1))
    assert not [e for e in bikes.events if e.kind == "bloc"]


def test_a_name_with_particles_and_a_capital_the_model_calls_a_date() -> None:
    story = draft_story(
        "BRUSSELS, Dec 6 - European Commission President Ursula von der Leyen said in "
        "Montevideo, where she flew on Thursday, that the pact was historic. Health officials "
        "confirmed an outbreak in Pampanga province.",
        date=dt.date(2024, 12, 6),
    )
    assert "Ursula von der Leyen" in {a.name for a in story.actors}
    montevideo = _visits(story)[("Ursula von der Leyen", "Montevideo")]
    assert montevideo.date.start == dt.date(2024, 12, 5)
    # The region is shown under the article's word, not GeoNames' "Province of Pampanga".
    assert "Pampanga" in {p.name for p in story.places}


PAPAL_TOUR = """Pope Francis begins tour of Asia and Oceania

Pope Francis left Rome on Monday for the longest trip of his papacy, a 12-day journey that \
will take him to Indonesia, Papua New Guinea, East Timor and Singapore.

The 87-year-old pontiff landed in Jakarta on Tuesday, where he will meet President Joko \
Widodo. From Jakarta he flies on Friday to Port Moresby, the capital of Papua New Guinea, \
and then to Vanimo, a remote town near the border with Indonesia. He will then travel to \
Dili on September 9 and end the tour in Singapore on September 11 before returning to Rome \
on September 13."""


@pytest.fixture(scope="module")
def papal_tour() -> Story:
    return draft_story(PAPAL_TOUR, date=dt.date(2024, 9, 3))


def _legs(story: Story) -> dict[str, tuple[str | None, Visit]]:
    """Destination name -> (origin name, visit), for the tour's one traveller."""
    return {
        story.place(v.destination).name: (_name(story, v.origin), v) for v in _visit_events(story)
    }


def test_a_title_that_is_part_of_a_name_is_kept_with_it(papal_tour: Story) -> None:
    assert [a.name for a in papal_tour.actors] == ["Pope Francis", "Joko Widodo"]


def test_a_definite_description_and_the_pronoun_after_it_are_the_person_named_before(
    papal_tour: Story,
) -> None:
    # "The 87-year-old pontiff … where he will meet President Joko Widodo. From Jakarta he
    # flies …": the pontiff is Pope Francis, and so is the next "he", not the president met.
    travellers = {papal_tour.actor(v.actor).name for v in papal_tour.events if isinstance(v, Visit)}
    assert travellers == {"Pope Francis"}


def test_a_tour_told_by_country_then_by_city_is_one_trip_per_stop(papal_tour: Story) -> None:
    legs = _legs(papal_tour)
    # The countries of the opening itinerary fold into the cities told later.
    assert set(legs) == {"Jakarta", "Port Moresby", "Vanimo", "Dili", "Singapore", "Rome"}
    origin, jakarta = legs["Jakarta"]
    assert origin == "Rome"  # "left Rome … for a journey that will take him to Indonesia"
    assert jakarta.status == "happened" and jakarta.date.start == dt.date(2024, 9, 3)
    assert len(jakarta.spans) == 2  # the itinerary's excerpt and the landing's


def test_travel_in_the_present_with_a_day_named_is_ahead(papal_tour: Story) -> None:
    origin, leg = _legs(papal_tour)["Port Moresby"]
    assert origin == "Jakarta"
    assert leg.status == "scheduled" and leg.date.start == dt.date(2024, 9, 6)  # Friday


def test_and_then_to_is_the_next_stop_on_no_stated_day(papal_tour: Story) -> None:
    origin, leg = _legs(papal_tour)["Vanimo"]
    assert origin == "Port Moresby" and "origin" in leg.inferred
    assert leg.date is None
    # "He will then travel to Dili": onward from the stop told last.
    assert _legs(papal_tour)["Dili"][0] == "Vanimo"


def test_returning_is_a_leg_from_where_the_tour_ended(papal_tour: Story) -> None:
    origin, leg = _legs(papal_tour)["Rome"]
    assert origin == "Singapore"
    assert leg.title == "Pope Francis to return to Rome"
    assert leg.date.start == dt.date(2024, 9, 13)


def test_a_description_needs_the_persons_title() -> None:
    # Modi is a prime minister: "the president" is not him, so no one travels.
    story = draft_story(
        "Indian Prime Minister Narendra Modi met officials in New Delhi on Monday. "
        "The president flew to Paris on Tuesday.",
        date=dt.date(2025, 2, 12),
    )
    assert not [v for v in story.events if isinstance(v, Visit)]


def test_two_clauses_of_trade_keep_their_own_amounts_and_a_balance_is_no_flow() -> None:
    flows = _flows(
        "India bought $20bn of US defence equipment since 2008, and bilateral trade in goods "
        "reached $129bn in 2024, with India running a surplus of $45.7bn.",
        day=dt.date(2025, 2, 10),
    )
    arms = flows[("United States", "India")]  # the seller is the country the goods are of
    assert [(f.value, f.period) for f in arms.figures] == [(20.0, "2008–2025")]
    assert arms.date.start == dt.date(2008, 1, 1) and arms.date.end == dt.date(2025, 2, 10)
    trade = next(
        t for ends, t in flows.items() if set(ends) == {"India", "United States"} and t.between
    )
    assert [(f.value, f.period) for f in trade.figures] == [(129.0, "2024")]


def test_a_multi_word_surname_alone_is_its_person() -> None:
    # spaCy tags "Von der Leyen" an organisation; it is Ursula von der Leyen's surname.
    trips = _trips(
        "The deal was reached in Montevideo on Friday, European Commission President "
        "Ursula von der Leyen said. "
        "Von der Leyen flew to the Uruguayan capital to finalise the accord.",
        day=dt.date(2024, 12, 6),
    )
    assert set(trips) == {("Ursula von der Leyen", "Montevideo")}


def test_a_clause_about_a_port_city_does_not_make_its_subject_the_ports_user() -> None:
    story = draft_story(
        "Indian ships will call at the port city of Marseille, where India is opening a consulate.",
        date=dt.date(2025, 2, 10),
    )
    (port,) = [e for e in story.events if e.kind == "port"]
    assert port.granted_to is None and port.title == "Marseille as a port"
    # A port city told by the way, with no ship in sight, is no port story.
    story = draft_story(
        "Modi will visit the port city of Marseille, where India is opening a consulate.",
        date=dt.date(2025, 2, 10),
    )
    assert not [e for e in story.events if e.kind == "port"]
    # Nor does a country told in another clause of the sentence.
    story = draft_story(
        "The Houthi movement, which controls the port of Hodeidah, said it had targeted "
        "ships linked to Israel.",
        date=dt.date(2023, 12, 18),
    )
    (port,) = [e for e in story.events if e.kind == "port"]
    assert port.granted_to is None
    # Nor the country that only says where another city is.
    story = draft_story(
        "The port of Piraeus in Greece and Jeddah in Saudi Arabia have also reported falling "
        "traffic.",
        date=dt.date(2024, 1, 16),
    )
    (port,) = [e for e in story.events if e.kind == "port"]
    assert port.granted_to is None and port.title == "Piraeus as a port"


def test_the_quad_capitalised_is_the_bloc() -> None:
    story = draft_story(
        "India is a member of the Quad alongside the United States, Japan and Australia.",
        date=dt.date(2025, 2, 10),
    )
    (bloc,) = [e for e in story.events if e.kind == "bloc"]
    assert bloc.name == "Quad"
    assert {story.place(m.place).name for m in bloc.members} == {
        "India",
        "United States",
        "Japan",
        "Australia",
    }


def test_a_travellers_stops_are_told_in_the_order_they_happen(papal_tour: Story) -> None:
    # The opening itinerary names every country first; the steps still go stop by stop,
    # the undated Vanimo after the Port Moresby leg told with it.
    stops = [
        papal_tour.place(v.destination).name for v in papal_tour.events if isinstance(v, Visit)
    ]
    assert stops == ["Jakarta", "Port Moresby", "Vanimo", "Dili", "Singapore", "Rome"]


def test_a_stop_on_the_way_and_the_way_there_are_visits() -> None:
    trips = _trips(
        "US President Joe Biden made a brief stop in Anchorage on his way to Tokyo. "
        "The bus stop in Brighton was closed."
    )
    assert set(trips) == {("Joe Biden", "Anchorage"), ("Joe Biden", "Tokyo")}


CUSTOMS = """China's exports rose 13% in October from a year earlier to $309bn, the fastest pace \
in two years, as factories rushed out orders ahead of expected US tariffs, customs data showed \
on Thursday.

Shipments to the United States grew 8.1% to $47.4bn. Purchases of Russian crude oil rose 6% \
to 9.5 million tonnes.

China's trade with Japan fell 3%, and trade with South Korea rose 5% to $28bn.

Vietnam, which has drawn factories moving out of China, reported exports to the United States \
up 25%."""


def test_a_customs_report_is_read_as_one_countrys_flows_for_the_month_it_names() -> None:
    flows = _flows(CUSTOMS, dt.date(2024, 11, 7))
    # A country's total and the tariffs of a clause beside it are no flow with anyone.
    assert set(flows) == {
        ("China", "United States"),
        ("Russia", "China"),
        ("China", "Japan"),
        ("China", "South Korea"),
        ("Vietnam", "United States"),
    }
    shipments = flows[("China", "United States")]
    # "from a year earlier" is what October is compared with, not the period.
    assert [(f.value, f.change_pct, f.period) for f in shipments.figures] == [
        (47.4, 8.1, "October 2024")
    ]
    assert shipments.date.start == dt.date(2024, 10, 1)
    assert [(f.value, f.unit) for f in flows[("Russia", "China")].figures] == [
        (9.5, "million tonnes")
    ]
    # Each clause keeps its own change: Japan's fell, Korea's rose with its amount.
    assert [(f.value, f.change_pct) for f in flows[("China", "Japan")].figures] == [(None, -3.0)]
    assert [(f.value, f.change_pct) for f in flows[("China", "South Korea")].figures] == [
        (28.0, 5.0)
    ]


BRIEFING = """Blinken heads to Middle East

US Secretary of State Antony Blinken will travel to Israel, Egypt and Qatar this week, the \
State Department said on Sunday.

Blinken will arrive in Tel Aviv on Tuesday for talks with Israeli Prime Minister Benjamin \
Netanyahu, then fly to Cairo on Wednesday to meet Egyptian President Abdel Fattah el-Sisi, \
spokesman Matthew Miller said. He will end the trip in Doha on Thursday.

Blinken last visited the region in August, when he travelled to Israel, Egypt and Qatar.

Last week Israeli troops pushed deeper into Jabalia, and Israeli jets struck targets in \
Beirut's southern suburbs. Hezbollah fired about 100 rockets at Haifa on Sunday. A storm hit \
Florida on Saturday."""


def test_a_trip_ahead_and_one_made_are_apart_and_the_spokesman_does_not_travel() -> None:
    story = draft_story(BRIEFING, date=dt.date(2024, 10, 20))
    legs = [
        (
            story.actor(v.actor).name,
            _name(story, v.origin),
            _name(story, v.destination),
            v.status,
            v.date.start if v.date else None,
        )
        for v in _visit_events(story)
    ]
    ahead = [leg for leg in legs if leg[3] == "scheduled"]
    # "then fly to Cairo": the leg after Tel Aviv, not before it; "He" is Blinken.
    assert [leg[1:3] for leg in ahead] == [
        ("Washington", "Tel Aviv"),
        ("Tel Aviv", "Cairo"),
        ("Cairo", "Doha"),
    ]
    assert all(leg[0] == "Antony Blinken" for leg in legs)
    made = [leg for leg in legs if leg[3] == "happened"]
    # The August trip is its own, dated by the month its clause hangs on.
    assert [leg[2] for leg in made] == ["Israel", "Egypt", "Qatar"]
    assert {leg[4] for leg in made} == {dt.date(2024, 8, 1)}


def test_rockets_fired_and_strikes_on_a_place_are_dated_acts_of_war() -> None:
    story = draft_story(BRIEFING, date=dt.date(2024, 10, 20))
    conflicts = {e.title: e for e in story.events if isinstance(e, Conflict)}
    assert set(conflicts) == {
        "Advance into Jabalia by Israel",
        "Strikes on Beirut by Israel",
        "Rocket attack on Haifa",
    }
    assert conflicts["Rocket attack on Haifa"].date.start == dt.date(2024, 10, 20)
    # Both clauses of "Last week …, and …" happened last week.
    assert conflicts["Strikes on Beirut by Israel"].date.start == dt.date(2024, 10, 7)


def test_an_assault_launched_on_a_place_and_parts_of_it_taken_are_acts_of_war() -> None:
    story = draft_story(
        "The army recaptured parts of Omdurman in March. The RSF launched a fresh assault on "
        "El Fasher on Sunday, residents said. The company launched an attack on its rival's "
        "prices in Paris.",
        date=dt.date(2024, 9, 22),
    )
    conflicts = {e.title: e.date.start for e in story.events if isinstance(e, Conflict)}
    assert conflicts == {
        "Recapture of Omdurman": dt.date(2024, 3, 1),
        "Assault on El Fasher": dt.date(2024, 9, 22),
    }


KAZAN = """Putin hosts Brics summit

Chinese President Xi Jinping arrived in Kazan on Tuesday afternoon, and Indian Prime Minister \
Narendra Modi flew in from New Delhi earlier in the day.

United Nations Secretary-General Antonio Guterres is expected to attend on Thursday, his first \
visit to Russia in more than two years.

Russia's trade with China reached a record $240bn last year, and trade with India rose to $65bn.

Moscow sent troops into Ukraine in February 2022. The United States sent about 100 troops to \
Israel last week. Israeli tanks rolled into Rafah on Tuesday."""


def test_a_summit_told_without_a_dateline() -> None:
    story = draft_story(KAZAN, date=dt.date(2024, 10, 22))
    visits = _visits(story)
    # Flown in from somewhere, in the sentence of another's arrival: to that city, that day.
    modi = visits[("Narendra Modi", "Kazan")]
    assert _name(story, modi.origin) == "New Delhi"
    assert modi.date.start == dt.date(2024, 10, 22)
    # A duration is no date; the day of the attending is the visit's.
    assert visits[("Antonio Guterres", "Russia")].date.start == dt.date(2024, 10, 24)
    flows = _flows(KAZAN, dt.date(2024, 10, 22))
    assert set(flows) == {("China", "Russia"), ("India", "Russia")}
    assert flows[("India", "Russia")].date.start == dt.date(2023, 1, 1)
    conflicts = {e.title for e in story.events if isinstance(e, Conflict)}
    # Troops sent into a country, not to an ally; the town under the article's spelling.
    assert conflicts == {"Advance into Ukraine", "Advance into Rafah by Israel"}


def test_an_invasion_told_as_noun_and_verb_is_one_act_and_being_somewhere_for_talks_a_visit():
    story = draft_story(
        "Russia invaded Ukraine in February 2022. Putin's invasion of Ukraine had achieved the "
        "opposite, Stoltenberg said. The siege of Mariupol lasted months.\n\n"
        "Ukrainian President Volodymyr Zelensky, who was in Warsaw on Monday for talks with "
        "Polish President Andrzej Duda, welcomed the move. Mayor Ann Reed was in Chicago for "
        "years.",
        date=dt.date(2023, 4, 4),
    )
    conflicts = {e.title: e for e in story.events if isinstance(e, Conflict)}
    assert set(conflicts) == {"Invasion of Ukraine by Russia", "Siege of Mariupol"}
    assert conflicts["Invasion of Ukraine by Russia"].date.start == dt.date(2022, 2, 1)
    visits = _visits(story)
    assert set(visits) == {("Volodymyr Zelensky", "Warsaw")}
    assert visits[("Volodymyr Zelensky", "Warsaw")].date.start == dt.date(2023, 4, 3)


def test_an_agreement_letting_troops_into_each_others_countries_is_a_defence_pact() -> None:
    def pacts(text: str) -> list[str]:
        story = draft_story(text, date=dt.date(2024, 11, 2))
        return [e.title for e in story.events if isinstance(e, Alliance)]

    assert pacts(
        "Japan and the Philippines signed a reciprocal access agreement in Manila, allowing "
        "their troops to train in each other's countries."
    ) == ["Japan and Philippines: reciprocal access agreement"]
    assert not pacts(
        "Japan and Vietnam signed a trade agreement, allowing their firms to sell more."
    )
    # Nothing armed hit by a storm or struck by a company is war.
    story = draft_story(
        "Typhoon Kong-rey hit the northern Philippines on Thursday. The storm struck Luzon. "
        "Vietnam's VinFast struck a deal with Indonesia.",
        date=dt.date(2024, 11, 2),
    )
    assert not [e for e in story.events if isinstance(e, Conflict)]


EUROPE_TOUR = """Chinese leader Xi Jinping arrived in Paris on Sunday at the start of a five-day \
European tour that will also take him to Serbia and Hungary.

Xi will then fly to Belgrade, where he is expected to sign agreements with Serbian President \
Aleksandar Vucic. He ends his trip in Budapest, where Viktor Orban has courted a car plant in \
Szeged."""


def test_a_listed_country_told_again_as_its_city_is_that_leg_of_the_tour() -> None:
    story = draft_story(EUROPE_TOUR, date=dt.date(2024, 5, 5))
    legs = {
        _name(story, v.destination): (_name(story, v.origin), v.status)
        for v in _visit_events(story)
    }
    assert legs == {
        "Paris": ("Beijing", "happened"),
        # "then fly to Belgrade" after the list is the Serbian leg, from Paris, not from the
        # last country listed; Budapest in the present, undated, is the tour still ahead.
        "Belgrade": ("Paris", "scheduled"),
        "Budapest": ("Belgrade", "scheduled"),
    }


def test_a_place_inside_an_events_name_or_tagged_a_product_after_in() -> None:
    from mapstory.geoparse import toponyms

    names = [t["name"] for t in toponyms(EUROPE_TOUR)]
    assert "Szeged" in names
    names = [t["name"] for t in toponyms("Agent Orange was used during the Vietnam war.")]
    assert names == ["Vietnam"]


def test_the_side_that_invades_is_not_where_and_a_plan_for_the_day_of_a_stay_is_that_stay():
    story = draft_story(
        "The U.S. invasion of Iraq in 2003 toppled Saddam Hussein. The Gaza war goes on.",
        date=dt.date(2024, 3, 1),
    )
    conflicts = {e.title: e for e in story.events if isinstance(e, Conflict)}
    assert set(conflicts) == {"Invasion of Iraq", "War in Gaza"}
    assert conflicts["Invasion of Iraq"].date.start == dt.date(2003, 1, 1)
    story = draft_story(
        "The actress Pamela Anderson arrived today in Athens, Greece, for a charity campaign. "
        "Later, fans of Pamela Anderson would have the opportunity to meet her in downtown "
        "Athens.",
        date=dt.date(2008, 3, 1),
    )
    visits = [v for v in story.events if isinstance(v, Visit)]
    assert [(v.status, v.date.start) for v in visits] == [("happened", dt.date(2008, 3, 1))]
    assert len(visits[0].spans) == 2


def test_the_country_called_the_buyer_of_anothers_goods_is_where_they_go() -> None:
    # China is only what the US overtook: the €158bn go from Germany to the US.
    flows = _flows(
        "Germany's exports to China fell by almost 9% last year to €97bn, figures showed on "
        "Monday. The United States overtook China as the biggest buyer of German goods, "
        "taking €158bn worth of exports.",
        dt.date(2024, 2, 19),
    )
    assert set(flows) == {("Germany", "China"), ("Germany", "United States")}
    assert [f.value for f in flows[("Germany", "United States")].figures] == [158.0]
    flows = _flows(
        "China was the largest customer for Japanese exports, at $130bn.", dt.date(2024, 2, 19)
    )
    assert set(flows) == {("Japan", "China")}


def test_he_after_a_title_and_the_name_beside_it_is_that_person_and_travel_no_statement() -> None:
    story = draft_story(
        "A magnitude 7.4 earthquake struck Hualien on Wednesday. Taiwan's president-elect, "
        "Lai Ching-te, said he would travel to Hualien on Thursday to visit the injured. "
        "France's president, Emmanuel Macron, said he would travel to Taipei on Friday.",
        date=dt.date(2024, 4, 3),
    )
    trips = _visits(story)
    assert set(trips) == {("Lai Ching-te", "Hualien City"), ("Emmanuel Macron", "Taipei")}
    assert trips[("Lai Ching-te", "Hualien City")].date.start == dt.date(2024, 4, 4)
    assert trips[("Lai Ching-te", "Hualien City")].status == "scheduled"
    # Saying where he will go is the visit, not also a statement about the place.
    assert not [e for e in story.events if isinstance(e, Statement)]


def test_what_someone_said_is_neither_dated_nor_about_by_the_trip_told_in_it() -> None:
    story = draft_story(
        "Emmanuel Macron said in Paris that Russia was dangerous and that he would travel to "
        "Kyiv on Friday.",
        date=dt.date(2024, 4, 3),
    )
    (said,) = [e for e in story.events if isinstance(e, Statement)]
    assert [story.place(p).name for p in said.about] == ["Russia"]
    assert said.date is None  # Friday is the trip's, not the day he spoke
    (trip,) = [e for e in story.events if isinstance(e, Visit)]
    assert (story.place(trip.destination).name, trip.date.start) == ("Kyiv", dt.date(2024, 4, 5))


POPE_TOUR = (
    "Pope Francis lands in Jakarta at start of marathon Asia tour\n\n"
    "Pope Francis arrived in Jakarta on Tuesday at the start of a 12-day journey that will "
    "take him to Indonesia, Papua New Guinea, East Timor and Singapore, the longest trip of "
    "his papacy.\n\n"
    "The 87-year-old pontiff flew 13 hours from Rome on a charter. He will meet President "
    "Joko Widodo on Wednesday and visit the Istiqlal mosque, southeast Asia's largest, on "
    "Thursday.\n\n"
    "On Friday he will fly to Port Moresby, and then to Vanimo, a remote town near the border "
    "with Indonesia, before travelling on to Dili next Monday. He ends the trip in Singapore "
    "on September 13."
)


def test_a_tour_told_leg_by_leg_after_he_meets_someone() -> None:
    story = draft_story(POPE_TOUR, date=dt.date(2024, 9, 3))
    legs = [
        (
            story.actor(v.actor).name,
            _name(story, v.origin),
            _name(story, v.destination),
            v.date.start if v.date else None,
            v.status,
        )
        for v in _visit_events(story)
    ]
    # "He will meet President Joko Widodo": the "he" of the next sentence is still the pope;
    # "Port Moresby", which the model took for a person, is the capital; the second "to" of
    # "to Port Moresby, and then to Vanimo" is a stop, and Dili follows it; "ends the trip
    # … on September 13" is the coming one; the mosque "southeast Asia's largest" is no
    # visit to Asia.
    assert legs == [
        ("Pope Francis", "Rome", "Jakarta", dt.date(2024, 9, 3), "happened"),
        ("Pope Francis", "Jakarta", "Port Moresby", dt.date(2024, 9, 6), "scheduled"),
        ("Pope Francis", "Port Moresby", "Vanimo", None, "scheduled"),
        ("Pope Francis", "Vanimo", "Dili", dt.date(2024, 9, 9), "scheduled"),
        ("Pope Francis", "Dili", "Singapore", dt.date(2024, 9, 13), "scheduled"),
    ]
    assert [a.name for a in story.actors] == ["Pope Francis", "Joko Widodo"]


def test_someone_who_had_flown_in_from_a_city_landed_where_the_story_is() -> None:
    # A paragraph on, with no arrival beside it: where the article's first arrival put the
    # story (Berlin), not nowhere.
    story = draft_story(
        "Emmanuel Macron travelled to Berlin on Friday to meet Donald Tusk and Olaf Scholz.\n\n"
        "Tusk, who had flown in from Warsaw that morning, said Europe had to wake up.",
        date=dt.date(2024, 3, 15),
    )
    trips = _visits(story)
    assert set(trips) == {("Emmanuel Macron", "Berlin"), ("Donald Tusk", "Berlin")}
    assert _name(story, trips[("Donald Tusk", "Berlin")].origin) == "Warsaw"


TOUR_FROM_FRANCE = """Xi Jinping begins European tour in Paris

Chinese President Xi Jinping arrived in Paris on Sunday for his first visit to Europe in five \
years, beginning a tour that will also take him to Serbia and Hungary.

From France Xi travels to Belgrade, arriving on the anniversary of the 1999 Nato bombing of \
the Chinese embassy, and then to Budapest."""


def test_a_tour_from_a_country_the_traveller_is_in_goes_on_from_its_city() -> None:
    story = draft_story(TOUR_FROM_FRANCE, date=dt.date(2024, 5, 6))
    legs = [
        (_name(story, v.origin), story.place(v.destination).name, v.date and v.date.start, v.status)
        for v in _visit_events(story)
    ]
    # "From France Xi travels" (the model takes Xi into the "from" phrase) starts at Paris,
    # not France; "arriving on the anniversary of the 1999 … bombing" dates the bombing, not
    # the arrival; "and then to Budapest" hangs on the arriving and is the next stop; the
    # visit to Europe is the Paris one told at a wider scale.
    assert legs == [
        ("Beijing", "Paris", dt.date(2024, 5, 5), "happened"),
        ("Paris", "Belgrade", None, "scheduled"),
        ("Belgrade", "Budapest", None, "scheduled"),
    ]


def test_a_stay_spent_somewhere_and_a_train_from_a_country_are_the_legs_of_a_trip() -> None:
    story = draft_story(
        "Indian Prime Minister Narendra Modi arrived in Kyiv on Friday on a train from Poland.\n\n"
        "Modi, who spent Wednesday and Thursday in Warsaw, met President Volodymyr Zelensky. "
        "He spent three years in Moscow as a student and spent $5bn in Minsk.",
        date=dt.date(2024, 8, 23),
    )
    trips = _visits(story)
    assert set(trips) == {("Narendra Modi", "Kyiv"), ("Narendra Modi", "Warsaw")}
    warsaw = trips[("Narendra Modi", "Warsaw")].date
    assert (warsaw.start, warsaw.end) == (dt.date(2024, 8, 21), dt.date(2024, 8, 22))
    # The train came from Poland, where he was last in Warsaw.
    assert _name(story, trips[("Narendra Modi", "Kyiv")].origin) == "Warsaw"


def test_someone_expected_or_due_in_a_city_is_a_visit_ahead() -> None:
    story = draft_story(
        "CIA director William Burns is expected in Paris next week for talks. Egyptian "
        "Foreign Minister Sameh Shoukry is due in Doha on Monday. Rain is expected in Amman "
        "on Monday.",
        date=dt.date(2024, 2, 6),
    )
    trips = {k: (v.date.start, v.status) for k, v in _visits(story).items()}
    assert trips == {
        ("William Burns", "Paris"): (dt.date(2024, 2, 12), "scheduled"),
        ("Sameh Shoukry", "Doha"): (dt.date(2024, 2, 12), "scheduled"),
    }


def test_strikes_launched_on_targets_in_a_country_are_an_act_of_war_not_a_port_story() -> None:
    story = draft_story(
        "The United States and Britain launched strikes on Houthi targets in Yemen, including "
        "the port of Hodeidah, on 12 January. Israel carried out strikes on Beirut on Friday.",
        date=dt.date(2024, 2, 15),
    )
    kinds = {e.kind for e in story.events}
    assert "port" not in kinds
    conflicts = {
        e.title: ([story.place(p).name for p in e.places], e.date.start)
        for e in story.events
        if isinstance(e, Conflict)
    }
    assert conflicts == {
        # (The town it includes is on the map; the title names the country it is in.)
        "Strikes on Yemen by the United States and the United Kingdom": (
            ["Yemen", "Hodeidah"],
            dt.date(2024, 1, 12),
        ),
        "Strikes on Beirut by Israel": (["Beirut"], dt.date(2024, 2, 9)),
    }


def test_the_buyer_of_a_countrys_goods_named_by_a_joined_verb_imports_those_goods() -> None:
    flows = _flows(
        "India has refused to condemn Russia's invasion and has become a major buyer of "
        "Russian oil, with imports rising to $46bn last year.",
        dt.date(2024, 8, 23),
    )
    assert set(flows) == {("Russia", "India")}
    assert flows[("Russia", "India")].goods == "oil"
    assert [f.value for f in flows[("Russia", "India")].figures] == [46.0]


SUMMIT_ARRIVALS = """G20 leaders gather in Rio as Lula pushes hunger alliance

World leaders began arriving in Rio de Janeiro on Sunday for the G20 summit.

US President Joe Biden flew in from Lima, where he attended the Apec summit and met Chinese \
President Xi Jinping on Saturday. On the way he stopped in Manaus to visit the Amazon rainforest.

Xi also travelled to Rio from Peru, where he inaugurated the Chinese-funded megaport of Chancay."""


def test_whoever_flies_in_comes_to_where_leaders_were_said_to_arrive_stopping_on_the_way() -> None:
    story = draft_story(SUMMIT_ARRIVALS, date=dt.date(2024, 11, 18))
    legs = [
        (
            story.actor(v.actor).name,
            _name(story, v.origin),
            story.place(v.destination).name,
            v.date and v.date.start,
        )
        for v in _visit_events(story)
    ]
    # No one is named arriving in Rio, but the story is there: Biden "flew in" to it on the
    # day the leaders began arriving, from Lima (where he was, not where the story is), by
    # way of Manaus; Xi's "from Peru" hangs on "Rio" and is still where he came from.
    assert legs == [
        ("Joe Biden", "Washington", "Lima", dt.date(2024, 11, 16)),
        ("Joe Biden", "Lima", "Manaus", None),
        ("Joe Biden", "Manaus", "Rio de Janeiro", dt.date(2024, 11, 17)),
        ("Xi Jinping", "Peru", "Rio de Janeiro", None),
    ]
    # "Rio" first, then "Rio de Janeiro": the city both times, not the state the city is in.
    assert [p.kind for p in story.places if p.name == "Rio de Janeiro"] == ["city"]


def test_a_companion_travels_and_someone_who_was_somewhere_returns_from_there() -> None:
    story = draft_story(
        "Italian Prime Minister Giorgia Meloni flew to Tunis on Sunday with European "
        "Commission President Ursula von der Leyen to sign a deal. King Mohammed VI, who was "
        "in Paris when the quake struck, returned to Rabat on Saturday. Prime Minister Narendra "
        "Modi met with Olaf Scholz in Berlin.",
        date=dt.date(2023, 9, 11),
    )
    trips = {k: (_name(story, v.origin), v.date.start) for k, v in _visits(story).items()}
    assert trips[("Ursula von der Leyen", "Tunis")][1] == dt.date(2023, 9, 10)
    assert trips[("Giorgia Meloni", "Tunis")][1] == dt.date(2023, 9, 10)
    assert trips[("King Mohammed VI", "Rabat")] == ("Paris", dt.date(2023, 9, 9))
    assert ("Olaf Scholz", "Berlin") not in trips  # met with: no companion on a journey


def test_the_country_people_on_board_come_from_is_no_user_of_the_port() -> None:
    story = draft_story(
        "The boat left the port of Sfax in Tunisia on Wednesday morning with about 45 people "
        "on board, most of them from Ivory Coast, Guinea and Mali.",
        date=dt.date(2023, 8, 4),
    )
    ports = [e for e in story.events if e.kind == "port"]
    assert [(story.place(p.port).name, p.granted_to) for p in ports] == [("Sfax", None)]


def test_a_percentage_of_a_whole_is_a_share_not_a_change() -> None:
    flows = _flows(
        "Taiwan's exports to China were worth $151bn last year, about 35% of its total "
        "exports. Exports to Japan rose 12% to $30bn last year.",
        dt.date(2024, 5, 23),
    )
    assert [(f.value, f.change_pct) for f in flows[("Taiwan", "China")].figures] == [(151.0, None)]
    assert [(f.value, f.change_pct) for f in flows[("Taiwan", "Japan")].figures] == [(30.0, 12.0)]


def test_where_someone_was_in_a_country_is_the_city_the_clause_names() -> None:
    story = draft_story(
        "Ukrainian President Volodymyr Zelensky arrived in Washington on Monday for talks with "
        "Joe Biden. Zelensky travelled to the US from Argentina, where he attended the "
        "inauguration of President Javier Milei in Buenos Aires on Sunday.",
        date=dt.date(2023, 12, 12),
    )
    trips = {k: (_name(story, v.origin), v.date.start) for k, v in _visits(story).items()}
    assert trips == {
        ("Volodymyr Zelensky", "Buenos Aires"): ("Kyiv", dt.date(2023, 12, 10)),
        ("Volodymyr Zelensky", "Washington"): ("Buenos Aires", dt.date(2023, 12, 11)),
    }


def test_every_place_of_a_list_struck_is_in_the_act_of_war() -> None:
    story = draft_story(
        "The Houthis have fired missiles at Saudi cities including Riyadh and Jeddah. The RSF "
        "launched a fresh assault on El Fasher and Nyala on Sunday.",
        date=dt.date(2023, 3, 10),
    )
    conflicts = {
        e.title: [story.place(p).name for p in e.places]
        for e in story.events
        if isinstance(e, Conflict)
    }
    assert conflicts == {
        "Missile attack on Riyadh and Jeddah": ["Riyadh", "Jeddah"],
        "Assault on El Fasher and Nyala": ["El Fasher", "Nyala"],
    }


def test_a_countrys_embassy_or_consulate_abroad_is_an_institution_there() -> None:
    story = draft_story(
        "Riyadh cut ties with Tehran after protesters stormed the Saudi embassy in Tehran. "
        "Narendra Modi will visit the port city of Marseille, where India is opening a "
        "consulate. The Iranian embassy in Tehran is closed.",
        date=dt.date(2025, 2, 10),
    )
    posts = {
        (e.title, e.organisation, story.place(e.place).name)
        for e in story.events
        if e.kind == "institution"
    }
    # An Iranian embassy in Iran is no post abroad.
    assert posts == {
        ("Saudi embassy in Tehran", "Saudi", "Tehran"),
        ("India's consulate in Marseille", "India", "Marseille"),
    }


def test_an_office_in_a_city_named_like_its_state_stands_in_the_city() -> None:
    story = draft_story(
        "Indian Prime Minister Narendra Modi arrived in Washington on Wednesday, after a day "
        "leading a yoga session at the United Nations headquarters in New York.",
        date=dt.date(2023, 6, 21),
    )
    (office,) = [e for e in story.events if e.kind == "institution"]
    place = story.place(office.place)
    assert (place.kind, place.lat // 1, place.lon // 1) == ("city", 40, -75)


def test_a_fall_told_before_the_amount_is_a_fall() -> None:
    # "fell by almost 9% … to €97bn": the verb the percentage hangs from says which way, even
    # with "by" and "almost" between them and the fall told before the amount.
    flows = _flows(
        "Germany's exports to China fell by almost 9% last year to €97bn, while German "
        "imports from China fell by 19% to €157bn. Exports to Japan rose 5% to €20bn.",
        dt.date(2024, 4, 15),
    )
    changes = {ends: [f.change_pct for f in t.figures] for ends, t in flows.items()}
    assert changes == {
        ("Germany", "China"): [-9.0],
        ("China", "Germany"): [-19.0],
        ("Germany", "Japan"): [5.0],
    }


def test_legs_told_after_a_leg_ahead_are_ahead_and_a_return_starts_at_the_last_stop() -> None:
    story = draft_story(
        "Brazilian President Luiz Inacio Lula da Silva arrived in Shanghai on Wednesday.\n\n"
        "Lula will travel to Beijing on Thursday and hold talks with Xi Jinping on Friday. He "
        "then flies to Abu Dhabi for a one-day visit before returning to Brasilia.\n\n"
        "US Secretary of State Antony Blinken arrived in Kyiv by train on Wednesday. David "
        "Lammy will travel on to Warsaw on Friday, while Blinken returns to Washington.",
        date=dt.date(2023, 4, 13),
    )
    legs = [
        (_name(story, v.origin), story.place(v.destination).name, v.status)
        for v in _visit_events(story)
    ]
    assert legs == [
        ("Brasília", "Shanghai", "happened"),
        ("Shanghai", "Beijing", "scheduled"),
        ("Beijing", "Abu Dhabi", "scheduled"),
        ("Abu Dhabi", "Brasília", "scheduled"),
        ("Washington", "Kyiv", "happened"),
        (None, "Warsaw", "scheduled"),
        ("Kyiv", "Washington", "scheduled"),
    ]


def test_a_headlines_present_tense_is_the_bodys_visit_not_one_made() -> None:
    story = draft_story(
        "Erdogan hosts Putin in Ankara for grain corridor talks\n\n"
        "Turkish President Recep Tayyip Erdogan will host Russian President Vladimir Putin in "
        "Ankara on Monday for talks on reviving the Black Sea grain deal, the Kremlin said.",
        date=dt.date(2023, 8, 25),
    )
    visits = [
        (story.actor(v.actor).name, story.place(v.destination).name, v.date.start, v.status)
        for v in _visit_events(story)
    ]
    assert visits == [("Vladimir Putin", "Ankara", dt.date(2023, 8, 28), "scheduled")]


def test_they_after_people_named_together_are_those_people() -> None:
    story = draft_story(
        "US Secretary of State Antony Blinken and British Foreign Secretary David Lammy "
        "arrived in Kyiv by train on Wednesday. They travelled from Poland overnight and met "
        "President Volodymyr Zelensky.\n\nRussian forces advanced around Pokrovsk. They "
        "travelled to Kharkiv.",
        date=dt.date(2024, 9, 11),
    )
    trips = {k: _name(story, v.origin) for k, v in _visits(story).items()}
    assert trips == {
        ("Antony Blinken", "Kyiv"): "Poland",
        ("David Lammy", "Kyiv"): "Poland",
    }


def test_the_leaders_named_together_go_on_from_where_they_just_were() -> None:
    story = draft_story(
        "French President Emmanuel Macron, German Chancellor Olaf Scholz and Italian Prime "
        "Minister Mario Draghi arrived in Kyiv on Thursday morning.\n\nThey travelled "
        "overnight on a special train from Poland. The leaders visited Irpin, a town near the "
        "capital that was heavily damaged in the first weeks of the war.",
        date=dt.date(2022, 6, 16),
    )
    trips = {k: _name(story, v.origin) for k, v in _visits(story).items()}
    assert trips == {
        ("Emmanuel Macron", "Kyiv"): "Poland",
        ("Olaf Scholz", "Kyiv"): "Poland",
        ("Mario Draghi", "Kyiv"): "Poland",
        ("Emmanuel Macron", "Irpin"): "Kyiv",
        ("Olaf Scholz", "Irpin"): "Kyiv",
        ("Mario Draghi", "Irpin"): "Kyiv",
    }


def test_a_leg_in_an_after_phrase_comes_first_and_flying_back_is_a_return() -> None:
    story = draft_story(
        "US President Joe Biden will travel to Vietnam after attending the G20 summit in New "
        "Delhi. After stops in Tokyo and Seoul, US Vice President Kamala Harris arrived in "
        "Manila on Monday. British Prime Minister Rishi Sunak flew back to London on Sunday "
        "after a two-day visit to Washington.",
        date=dt.date(2023, 9, 4),
    )
    legs = {
        (story.actor(v.actor).name, story.place(v.destination).name): (
            _name(story, v.origin),
            v.date and v.date.start,
            "returns to" in v.title,
        )
        for v in _visit_events(story)
    }
    assert legs[("Joe Biden", "Vietnam")][0] == "New Delhi"
    assert legs[("Joe Biden", "New Delhi")][0] == "Washington"
    # The stops came before Monday's arrival, on days the article does not give.
    assert legs[("Kamala Harris", "Manila")][:2] == ("Seoul", dt.date(2023, 9, 4))
    assert legs[("Kamala Harris", "Tokyo")][1] is None
    assert legs[("Kamala Harris", "Seoul")][:2] == ("Tokyo", None)
    assert legs[("Rishi Sunak", "London")] == ("Washington", dt.date(2023, 9, 3), True)


def test_a_continent_can_be_where_exports_go() -> None:
    flows = _flows(
        "Exports of Chinese electric cars to Europe jumped 37% to $11.5bn last year.",
        dt.date(2024, 1, 10),
    )
    assert set(flows) == {("China", "Europe")}
    assert flows[("China", "Europe")].goods == "electric cars"


def test_a_trip_that_was_cancelled_or_postponed_is_no_visit() -> None:
    story = draft_story(
        "Prime Minister Benjamin Netanyahu's planned trip to Washington was cancelled. "
        "President Isaac Herzog's visit to Berlin was postponed. Foreign Minister Israel Katz's "
        "trip to Rome was a success.",
        date=dt.date(2024, 3, 12),
    )
    assert set(_visits(story)) == {("Israel Katz", "Rome")}


def test_an_attack_on_a_facility_is_an_act_of_war_where_the_facility_is() -> None:
    story = draft_story(
        "Israel carried out an air strike on the Iranian consulate in Damascus on Monday. "
        "Ukraine attacked an oil refinery in Russia's Samara region with drones on Saturday. "
        "The senator attacked the plan in Ohio.",
        date=dt.date(2024, 3, 12),
    )
    conflicts = {
        e.title: ([story.place(p).name for p in e.places], e.date.start)
        for e in story.events
        if isinstance(e, Conflict)
    }
    assert conflicts == {
        "Strike on Damascus by Israel": (["Damascus"], dt.date(2024, 3, 11)),
        "Attack on Samara by Ukraine": (["Samara"], dt.date(2024, 3, 9)),
    }


def test_ships_attacked_at_sea_and_terminals_struck_in_a_port_are_acts_of_war() -> None:
    story = draft_story(
        "Houthi rebels attacked a cargo ship in the Red Sea on Tuesday. Russian missiles "
        "struck grain terminals in the Ukrainian port of Odesa on Monday. A storm hit ships in "
        "the Black Sea.",
        date=dt.date(2024, 1, 17),
    )
    conflicts = {
        e.title: ([story.place(p).name for p in e.places], e.date and e.date.start)
        for e in story.events
        if isinstance(e, Conflict)
    }
    assert conflicts == {
        "Attacks on shipping in the Red Sea": (["Red Sea"], dt.date(2024, 1, 16)),
        "Strikes on Odesa by Russia": (["Odesa"], dt.date(2024, 1, 15)),
    }
    assert story.place("red-sea").kind == "sea"


def test_a_past_visit_in_a_clause_of_a_plan_keeps_its_own_tense_and_date() -> None:
    trips = _trips(
        "Chinese Premier Li Qiang arrived in Wellington on Thursday. In Canberra on Monday he "
        "will hold talks with Australian Prime Minister Anthony Albanese, the first since "
        "Albanese visited Beijing last November. Li will meet Albanese's deputy on Monday, a "
        "year after the deputy's predecessor visited Jakarta.",
        dt.date(2024, 6, 13),
    )
    beijing = trips[("Anthony Albanese", "Beijing")]
    assert beijing.status == "happened"
    assert (beijing.date.start, beijing.date.precision) == (dt.date(2023, 11, 1), "month")


def test_a_clause_set_apart_in_time_takes_none_of_the_sentences_date() -> None:
    trips = _trips(
        "Australian Prime Minister Anthony Albanese spoke on Friday. Li will meet Albanese on "
        "Monday, a year after Albanese visited Beijing.",
        dt.date(2024, 6, 13),
    )
    assert trips[("Anthony Albanese", "Beijing")].date is None
    # Hours apart is the same day.
    trips = _trips(
        "Russia launched a drone attack on Kyiv overnight, officials said Sunday, hours before "
        "President Volodymyr Zelenskyy left for Washington.",
        dt.date(2024, 1, 10),
    )
    assert trips[("Volodymyr Zelenskyy", "Washington")].date.start == dt.date(2024, 1, 7)


def test_an_undated_leg_told_between_two_dated_ones_comes_between_them() -> None:
    story = draft_story(
        "Li Qiang arrived in Wellington on Thursday. He will travel to Auckland on Saturday "
        "and then fly to Adelaide, where he will visit the zoo. In Canberra on Monday he will "
        "meet Anthony Albanese.",
        date=dt.date(2024, 6, 13),
    )
    legs = {_name(story, v.destination): _name(story, v.origin) for v in _visit_events(story)}
    assert legs["Adelaide"] == "Auckland"
    assert legs["Canberra"] == "Adelaide"


def test_the_day_figures_were_published_is_not_the_period_they_cover() -> None:
    story = draft_story(
        "US imports from Mexico rose nearly 5% to $475.6 billion in 2023, Commerce Department "
        "data showed on Wednesday, while imports from China fell 20% to $427.2 billion.",
        date=dt.date(2024, 2, 7),
    )
    periods = {
        _name(story, t.origin): [f.period for f in t.figures]
        for t in story.events
        if isinstance(t, Trade)
    }
    assert periods == {"Mexico": ["2023"], "China": ["2023"]}


def test_a_one_word_name_of_a_named_person_is_that_person() -> None:
    trips = _trips(
        "Indonesian President Prabowo Subianto left Jakarta on Friday for a trip that will take "
        "him to China and Peru, his first tour since taking office last month. Prabowo, a "
        "former defence minister, visited Moscow in July 2024. He will travel to Lima for the "
        "APEC summit and to Rio de Janeiro for the G20 summit.",
        dt.date(2024, 11, 8),
    )
    moscow = trips[("Prabowo Subianto", "Moscow")]
    assert (moscow.status, moscow.date.start) == ("happened", dt.date(2024, 7, 1))
    # The month he took office is not the trip's.
    assert all(
        v.date is None for (who, where), v in trips.items() if where in ("Lima", "Rio de Janeiro")
    )
    assert ("Prabowo Subianto", "Rio de Janeiro") in trips  # "… and to Rio for the G20"


def test_a_monarch_with_a_regnal_number_travels_too() -> None:
    trips = _trips(
        "King Felipe VI and Queen Letizia will visit Paiporta on Sunday.", dt.date(2024, 10, 30)
    )
    assert set(trips) == {("King Felipe VI", "Paiporta"), ("Queen Letizia", "Paiporta")}


def test_every_port_of_a_list_is_a_port() -> None:
    story = draft_story(
        "Most of the cargoes are loaded at the Baltic ports of Primorsk and Ust-Luga and the "
        "Black Sea port of Novorossiysk, and sail to Indian refineries.",
        date=dt.date(2024, 7, 22),
    )
    ports = [story.place(e.port).name for e in story.events if e.kind == "port"]
    assert ports == ["Primorsk", "Ust-Luga", "Novorossiysk"]


def test_flying_into_a_city_and_on_to_a_country_s_capital() -> None:
    story = draft_story(
        "US President Joe Biden flew into Vilnius from Helsinki on Monday night. He will travel "
        "on to Finland's capital after the summit to meet Nordic leaders.",
        date=dt.date(2023, 7, 11),
    )
    legs = [
        (_name(story, v.origin), _name(story, v.destination), v.status)
        for v in _visit_events(story)
    ]
    assert legs == [("Helsinki", "Vilnius", "happened"), ("Vilnius", "Helsinki", "scheduled")]


def test_a_date_that_names_another_event_does_not_date_the_trip() -> None:
    trips = _trips(
        "Turkish President Tayyip Erdogan visited Kahramanmaras, near the epicentre of Monday's "
        "earthquake, on Wednesday. Ukrainian President Volodymyr Zelensky's Tuesday's visit to "
        "Kyiv was short.",
        dt.date(2023, 2, 8),
    )
    assert trips[("Tayyip Erdogan", "Kahramanmaraş")].date.start == dt.date(2023, 2, 8)
    assert trips[("Volodymyr Zelensky", "Kyiv")].date.start == dt.date(2023, 2, 7)


def test_the_stops_a_tour_will_take_in_are_not_on_the_day_it_starts() -> None:
    trips = _trips(
        "Brazilian President Luiz Inácio Lula da Silva welcomed French President Emmanuel "
        "Macron to the Amazon on Tuesday at the start of a three-day state visit that will also "
        "take him to Rio de Janeiro, São Paulo and Brasília. Macron will visit the Itaguaí naval "
        "base on Wednesday. He ends his trip in Brasília on Thursday.",
        dt.date(2024, 3, 26),
    )
    assert trips[("Emmanuel Macron", "São Paulo")].date is None
    assert trips[("Emmanuel Macron", "Itaguaí")].date.start == dt.date(2024, 3, 27)
    assert trips[("Emmanuel Macron", "Brasília")].date.start == dt.date(2024, 3, 28)


def test_a_stop_on_the_way_home_is_a_leg_with_its_own_day() -> None:
    story = draft_story(
        "Taiwan President Lai Ching-te arrived in Honolulu on Saturday. He will fly on to the "
        "Marshall Islands and Palau, and stop in the US territory of Guam on his way home on "
        "Friday.",
        date=dt.date(2024, 12, 1),
    )
    legs = {
        _name(story, v.destination): (_name(story, v.origin), v.date and v.date.start)
        for v in _visit_events(story)
    }
    assert legs["Palau"] == ("Marshall Islands", None)
    assert legs["Guam"] == ("Palau", dt.date(2024, 12, 6))


def test_an_earlier_trip_to_the_same_place_and_a_stop_with_its_own_month_are_trips_apart() -> None:
    story = draft_story(
        "Russian President Vladimir Putin arrived in Mongolia on Monday. Putin last visited "
        "Mongolia in 2019. He travelled to North Korea and Vietnam in June, and to China in "
        "May.",
        date=dt.date(2024, 9, 3),
    )
    trips = sorted(
        (_name(story, v.destination), _name(story, v.origin), v.date.start)
        for v in _visit_events(story)
    )
    assert trips == [
        ("China", "Moscow", dt.date(2024, 5, 1)),
        ("Mongolia", "Moscow", dt.date(2019, 1, 1)),
        ("Mongolia", "Moscow", dt.date(2024, 9, 2)),
        ("North Korea", "Moscow", dt.date(2024, 6, 1)),
        ("Vietnam", "North Korea", dt.date(2024, 6, 1)),
    ]


def test_where_a_tour_begins_and_ends_are_stops_and_a_headline_continent_is_the_tour() -> None:
    story = draft_story(
        "Wang Yi tours Europe to shore up ties\n\n"
        "BEIJING, Feb 14 (Reuters) - Chinese Foreign Minister Wang Yi will visit France, Italy "
        "and Germany next week, the foreign ministry said on Tuesday.\n\n"
        "Wang will begin in Paris on Monday, where he will meet President Emmanuel Macron, "
        "before travelling to Rome. He will end the tour at the Munich Security Conference.",
        date=dt.date(2023, 2, 14),
    )
    legs = [
        (_name(story, v.origin), _name(story, v.destination), v.date and v.date.start)
        for v in _visit_events(story)
    ]
    assert legs == [
        ("Beijing", "Paris", dt.date(2023, 2, 20)),
        ("Paris", "Rome", dt.date(2023, 2, 20)),
        ("Rome", "Munich", dt.date(2023, 2, 20)),
    ]


ROYAL_TOUR = """King Charles arrives in Australia for first visit as monarch

SYDNEY (AP) — King Charles III and Queen Camilla arrived in Sydney on Friday night at the \
start of a six-day visit to Australia.

On Monday the king will travel to Canberra, where he will lay a wreath at the Australian War \
Memorial. He will return to Sydney on Tuesday to visit the Opera House.

After Australia, the king will fly to Samoa, where he will open the Commonwealth Heads of \
Government Meeting."""


def test_a_monarch_named_with_and_without_his_number_is_one_traveller() -> None:
    story = draft_story(ROYAL_TOUR, date=dt.date(2024, 10, 18))
    assert [a.name for a in story.actors] == ["King Charles", "Queen Camilla"]
    legs = {
        (story.actor(v.actor).name, _name(story, v.origin), _name(story, v.destination))
        for v in _visit_events(story)
    }
    # "the king" is Charles, not Camilla named after him; "After Australia" sets out from
    # his last stop there.
    assert legs == {
        ("King Charles", None, "Sydney"),
        ("Queen Camilla", None, "Sydney"),
        ("King Charles", "Sydney", "Canberra"),
        ("King Charles", "Canberra", "Sydney"),
        ("King Charles", "Sydney", "Samoa"),
    }
    # The Commonwealth is the association of nations, not a district of Quezon City.
    assert "Commonwealth" not in {p.name for p in story.places}


def test_a_leg_after_a_named_stop_starts_there() -> None:
    story = draft_story(
        "Chinese President Xi Jinping arrived in Lima on Wednesday for the Apec summit. After "
        "Lima, Xi will travel to Rio de Janeiro for the G20 summit.",
        date=dt.date(2024, 11, 14),
    )
    legs = _leg_pairs(story)
    assert legs == [("Beijing", "Lima"), ("Lima", "Rio de Janeiro")]
    rio = _visit_events(story)[1]
    assert "origin" not in rio.inferred  # the article names it


def test_a_trip_told_in_a_relative_clause_takes_no_date_of_the_main_clause() -> None:
    trips = _trips(
        "U.S. President Joe Biden, who also arrived in Lima for the summit, is due to meet Xi "
        "on Saturday.",
        dt.date(2024, 11, 14),
    )
    assert trips[("Joe Biden", "Lima")].date is None


def test_a_traveller_bound_for_a_state_named_like_its_great_city_goes_to_the_city() -> None:
    story = draft_story(
        "Indian Prime Minister Narendra Modi flew to New York on Sunday, where he will speak "
        "at the United Nations.",
        date=dt.date(2024, 9, 22),
    )
    (trip,) = _visit_events(story)
    city = story.place(trip.destination)
    assert (city.name, city.kind) == ("New York City", "city")
    assert "runner-up: New York, US (region)" in (city.note or "")


def test_an_attack_names_the_countries_that_made_it() -> None:
    story = draft_story(
        "Iran fired about 180 ballistic missiles at Israel on Tuesday. Israeli jets struck "
        "targets in Beirut on Monday. The United States and Britain launched strikes on "
        "Houthi targets in Yemen.",
        date=dt.date(2024, 10, 1),
    )
    attacks = {
        e.title: [_name(story, p) for p in e.parties]
        for e in story.events
        if isinstance(e, Conflict)
    }
    assert attacks == {
        "Missile attack on Israel by Iran": ["Iran"],
        "Strikes on Beirut by Israel": ["Israel"],
        "Strikes on Yemen by the United States and the United Kingdom": [
            "United States",
            "United Kingdom",
        ],
    }


def test_gas_piped_to_a_continent_and_a_name_in_capitals_are_flows_of_goods() -> None:
    flows = _flows(
        "Norway piped 122 billion cubic metres of gas to Europe last year. Qatar shipped 20 "
        "million tonnes of LNG to China in 2022.",
        dt.date(2023, 2, 14),
    )
    assert set(flows) == {("Norway", "Europe"), ("Qatar", "China")}
    gas = flows[("Norway", "Europe")]
    assert (gas.title, [(f.value, f.unit) for f in gas.figures]) == (
        "Gas from Norway to Europe",
        [(122.0, "billion cubic metres")],
    )
    assert flows[("Qatar", "China")].title == "LNG from Qatar to China"


def test_ports_a_route_goes_by_do_not_make_the_city_it_reaches_a_port() -> None:
    story = draft_story(
        "Ships from Chancay will reach Shanghai in 23 days, compared with 35 days today via "
        "ports in Mexico and the United States.",
        date=dt.date(2024, 11, 14),
    )
    assert not [e for e in story.events if e.kind == "port"]


def test_a_traveller_the_model_hangs_on_an_opening_date_still_travels() -> None:
    # In this article spaCy parses "On Friday Putin" as one phrase: Putin the object of "On".
    story = draft_story(
        "BEIJING, May 16 (Reuters) -\n\nRussian President Vladimir Putin arrived in Beijing on "
        "Thursday for a two-day state visit, his first foreign trip since starting a new "
        "six-year term, and was greeted by Chinese President Xi Jinping with a ceremony "
        "outside the Great Hall of the People.\n\nOn Friday Putin will travel to the "
        "northeastern city of Harbin, capital of Heilongjiang province, which borders Russia, "
        "to attend a trade fair and visit the Harbin Institute of Technology.",
        date=dt.date(2024, 5, 16),
    )
    legs = [
        (_name(story, v.origin), _name(story, v.destination), v.date.start, v.status)
        for v in _visit_events(story)
    ]
    assert legs == [
        ("Moscow", "Beijing", dt.date(2024, 5, 16), "happened"),
        ("Beijing", "Harbin", dt.date(2024, 5, 17), "scheduled"),
    ]


def test_a_date_the_model_runs_on_into_a_count_of_weeks_still_dates_the_trip() -> None:
    trips = _trips(
        "Xi visited Moscow in March last year, weeks after the International Criminal Court "
        "issued an arrest warrant for Putin.",
        dt.date(2024, 5, 16),
    )
    trip = trips[("Xi", "Moscow")]
    assert (trip.date.start, trip.date.end) == (dt.date(2023, 3, 1), dt.date(2023, 3, 31))


def test_a_return_starts_at_the_stop_reached_last_before_its_day() -> None:
    story = draft_story(
        "Australian Prime Minister Anthony Albanese met Chinese President Xi Jinping in Beijing "
        "on Monday. Albanese arrived in Shanghai on Saturday, before flying to the capital on "
        "Sunday. He will return to Canberra on Tuesday.",
        date=dt.date(2023, 11, 6),
    )
    home = next(v for v in _visit_events(story) if _name(story, v.destination) == "Canberra")
    assert _name(story, home.origin) == "Beijing"


def test_a_country_called_anothers_supplier_ships_to_it() -> None:
    flows = _flows(
        "Russia is now China's biggest supplier of crude oil, shipping 107 million tonnes in "
        "2023. Saudi Arabia, India's second-largest supplier of oil, shipped 30 million tonnes "
        "last year.",
        dt.date(2024, 5, 16),
    )
    assert {ends: flow.goods for ends, flow in flows.items()} == {
        ("Russia", "China"): "crude oil",
        ("Saudi Arabia", "India"): "oil",
    }


def test_a_town_forces_capture_or_take_control_of_is_an_act_of_war() -> None:
    story = draft_story(
        "Russian forces captured Bakhmut in May. Prigozhin said his Wagner fighters had taken "
        "control of the southern Russian city of Rostov-on-Don. Russia invaded Ukraine in "
        "February 2022.",
        date=dt.date(2023, 6, 24),
    )
    acts = {e.title: e.date and e.date.start for e in story.events if isinstance(e, Conflict)}
    assert acts == {
        "Capture of Bakhmut by Russia": dt.date(2023, 5, 1),
        "Capture of Rostov-on-Don": None,
        "Invasion of Ukraine by Russia": dt.date(2022, 2, 1),
    }


def test_a_bloc_that_trades_as_one_is_where_a_flow_starts_or_ends() -> None:
    story = draft_story(
        "The EU is India's second-largest trading partner, with goods trade worth 120 billion "
        "euros in 2021. India's exports to the EU rose to 65 billion euros. China's exports to "
        "Asean grew 15.8% in October. G7 leaders met in Hiroshima.",
        date=dt.date(2022, 6, 17),
    )
    flows = {
        tuple(_name(story, p) for p in ((t.origin, t.destination) if t.origin else t.between)): t
        for t in story.events
        if isinstance(t, Trade)
    }
    assert set(flows) == {
        ("European Union", "India"),
        ("India", "European Union"),
        ("China", "Asean"),
    }
    assert flows[("India", "European Union")].title == "Goods from India to the European Union"
    blocs = {p.name: p for p in story.places if p.kind == "bloc"}
    assert set(blocs) == {"European Union", "Asean"}  # the G7 trades as no one
    # Amid its members on the day: the mean of the 27 countries' points, in central Europe.
    eu = blocs["European Union"]
    assert 45 < eu.lat < 52 and 8 < eu.lon < 20
    assert [story.article.text[m.start : m.end] for m in eu.mentions] == ["EU", "EU"]


def test_an_arrival_told_with_no_place_is_to_where_the_story_is() -> None:
    story = draft_story(
        "ASTANA, July 3 (Reuters) - Chinese President Xi Jinping arrived in the Kazakh capital "
        "Astana on Tuesday for a summit of the Shanghai Cooperation Organisation.\n\n"
        "Russian President Vladimir Putin flew in on Wednesday morning. After Astana, Xi will "
        "pay a state visit to Tajikistan.",
        date=dt.date(2024, 7, 3),
    )
    legs = [
        (story.actor(v.actor).name, _name(story, v.origin), _name(story, v.destination))
        for v in _visit_events(story)
    ]
    assert legs == [
        ("Xi Jinping", "Beijing", "Astana"),
        ("Vladimir Putin", "Moscow", "Astana"),
        ("Xi Jinping", "Astana", "Tajikistan"),
    ]
    putin = _visit_events(story)[1]
    assert putin.date.start == dt.date(2024, 7, 3) and "destination" in putin.inferred


def test_a_span_of_time_as_a_modifier_is_no_date() -> None:
    story = draft_story(
        "Sri Lanka hands over Hambantota port to China on 99-year lease\n\n"
        "COLOMBO, Dec 9 (Reuters) - Sri Lanka formally handed over the strategic southern port "
        "of Hambantota to China on Saturday on a 99-year lease, in a deal that has raised "
        "concerns in India and the United States about Beijing's growing influence in the "
        "Indian Ocean.",
        date=dt.date(2017, 12, 9),
    )
    (port,) = [e for e in story.events if e.kind == "port"]
    assert port.date.start == dt.date(2017, 12, 9)  # not 1999


def test_a_war_only_feared_is_no_war_nor_one_where_a_clause_inside_it_names() -> None:
    story = draft_story(
        "Azerbaijan launched operations on Tuesday, raising fears of a new war in the South "
        "Caucasus. Leaders sought to avert war in Armenia. The fighting comes three years "
        "after a six-week war in 2020 in which Azerbaijan recaptured territory around "
        "Nagorno-Karabakh.",
        date=dt.date(2023, 9, 19),
    )
    assert not [e for e in story.events if isinstance(e, Conflict)]


def test_a_total_helped_by_shipments_somewhere_is_no_flow_there() -> None:
    flows = _flows(
        "Japan's exports to China fell 17.1% in January. Overall exports rose 3.5% to 6.55 "
        "trillion yen, helped by shipments to the United States, which jumped 11.1%.",
        dt.date(2023, 2, 16),
    )
    to_us = flows[("Japan", "United States")]
    assert [f.change_pct for f in to_us.figures] == [11.1]  # not the 6.55 trillion overall


def test_a_leg_after_a_stop_that_is_due_is_ahead_too() -> None:
    story = draft_story(
        "Chinese leader Xi Jinping welcomed Brazil's President Luiz Inácio Lula da Silva to "
        "Beijing on Friday. Mr Lula, who arrived in Shanghai on Wednesday, is due in Abu Dhabi "
        "on Saturday before returning to Brasília.",
        date=dt.date(2023, 4, 14),
    )
    legs = [
        (_name(story, v.origin), _name(story, v.destination), v.date and v.date.start, v.status)
        for v in _visit_events(story)
    ]
    assert legs[-2:] == [
        ("Beijing", "Abu Dhabi", dt.date(2023, 4, 15), "scheduled"),
        ("Abu Dhabi", "Brasília", None, "scheduled"),
    ]


def test_two_countries_buying_from_each_other_in_one_sentence_keep_their_own_figures() -> None:
    flows = _flows(
        "China bought $89.7bn of Brazilian goods last year, mostly soybeans, iron ore and oil, "
        "while Brazil imported $60.7bn from China.",
        dt.date(2023, 4, 14),
    )
    assert {ends: [f.value for f in t.figures] for ends, t in flows.items()} == {
        ("Brazil", "China"): [89.7],
        ("China", "Brazil"): [60.7],
    }


def test_a_day_with_a_name_of_its_own_and_a_topic_before_a_name_date_and_home_nothing() -> None:
    story = draft_story(
        "Sunak heads for Washington to talk AI and Ukraine with Biden\n\n"
        "The visit comes weeks after President Joe Biden travelled to Belfast to mark the 25th "
        "anniversary of the Good Friday Agreement.",
        date=dt.date(2023, 6, 5),
    )
    (trip,) = [v for v in _visit_events(story) if _name(story, v.destination) == "Belfast"]
    # Not the Friday before the article, and not from Kyiv: Ukraine is a topic, not his.
    assert trip.date is None and trip.origin is None
    assert "AI" not in {
        story.article.text[m.start : m.end] for p in story.places for m in p.mentions
    }


def test_the_two_leaders_are_the_last_pair_named_together_whoever_spoke_between() -> None:
    trips = _trips(
        "US President Joe Biden and Chinese President Xi Jinping agreed on Wednesday to restore "
        "military talks. Xi said the talks were candid. The two leaders last met in Jakarta in "
        "September.",
        dt.date(2023, 11, 15),
    )
    assert set(trips) == {("Joe Biden", "Jakarta"), ("Xi Jinping", "Jakarta")}
    assert {t.date.start for t in trips.values()} == {dt.date(2023, 9, 1)}


def test_flying_home_to_a_city_is_a_return() -> None:
    (trip,) = _trips(
        "European Commission President Ursula von der Leyen flew home to Brussels on Thursday "
        "evening.",
        dt.date(2023, 4, 7),
    ).values()
    assert trip.title == "Ursula von der Leyen returns to Brussels"


def test_a_leg_home_goes_to_the_capital_of_the_travellers_country() -> None:
    story = draft_story(
        "Chinese President Xi Jinping landed in San Francisco on Tuesday. He will meet U.S. "
        "business leaders at a dinner in the city before flying home on Friday. President Joe "
        "Biden will fly home on Saturday.",
        date=dt.date(2023, 11, 15),
    )
    legs = [
        (story.actor(v.actor).name, _name(story, v.origin), _name(story, v.destination), v.status)
        for v in _visit_events(story)
    ]
    # Biden's country is not told: no leg home for him.
    assert legs == [
        ("Xi Jinping", "Beijing", "San Francisco", "happened"),
        ("Xi Jinping", "San Francisco", "Beijing", "scheduled"),
    ]
    home = _visit_events(story)[1]
    assert home.title == "Xi Jinping to return to Beijing"
    assert home.date.start == dt.date(2023, 11, 17) and "destination" in home.inferred
    assert story.place(home.destination).certainty == "inferred"


def test_a_leg_after_a_leg_home_to_an_unknown_home_starts_nowhere_told() -> None:
    # No country is told for her, so her home is unknown: the next leg cannot start there.
    (trip,) = _visit_events(
        draft_story(
            "After a year at a rural hospital abroad, Dr Mary Lenton is glad to return home to "
            "Fairview Memorial Hospital. Lenton hopes to visit Wellington again, she said.",
            date=dt.date(2020, 6, 1),
        )
    )
    assert (trip.title, trip.origin, trip.inferred) == (
        "Mary Lenton may visit Wellington",
        None,
        [],
    )


def test_what_exports_are_worth_is_no_goods() -> None:
    flows = _flows(
        "India has become one of the biggest buyers of Russian crude since 2022. Bilateral "
        "trade hit a record $65 billion in the fiscal year to March, largely because of oil "
        "purchases, with India's exports to Russia worth only about $4 billion.",
        dt.date(2024, 7, 8),
    )
    exports = flows[("India", "Russia")]
    assert (exports.goods, exports.title) == (None, "Goods from India to Russia")


def test_a_stay_told_on_two_days_runs_from_the_arrival() -> None:
    story = draft_story(
        "BEIJING (AP) — U.S. Secretary of State Antony Blinken met Chinese President Xi Jinping "
        "in Beijing on Monday.\n\nBlinken, who arrived on Sunday, held more than seven hours "
        "of talks with Foreign Minister Qin Gang.",
        date=dt.date(2023, 6, 19),
    )
    (stay,) = _visit_events(story)
    assert (stay.date.start, stay.date.end, stay.date.precision) == (
        dt.date(2023, 6, 18),
        dt.date(2023, 6, 19),
        "day",
    )
    assert len(stay.spans) == 2  # the arrival's words are the visit's too


def test_a_trade_target_is_an_aim_not_a_fact() -> None:
    flows = _flows(
        "India and the UAE agreed on Tuesday to boost bilateral trade to $100bn by 2030. "
        "Trade between the two countries was $85bn last year.",
        dt.date(2024, 3, 10),
    )
    (trade,) = flows.values()
    assert [(f.value, f.period, f.basis) for f in trade.figures] == [
        (100.0, "2030", "target"),
        (85.0, "2023", "actual"),
    ]
    # Told as fact once, the flow happened, and when is the fact's year, not the aim's.
    assert trade.status == "happened" and trade.date.start == dt.date(2023, 1, 1)
    (aim,) = _flows(
        "Brazil and China set a target of $200bn in trade by 2025, officials said.",
        dt.date(2024, 3, 10),
    ).values()
    assert [(f.period, f.basis) for f in aim.figures] == [("2025", "target")]
    assert aim.status == "proposed"
    # An aim with no year gets none; a result reached is no aim, a forecast stays one.
    (undated,) = _flows("Vietnam and Australia aim to double trade to $26bn.").values()
    assert [(f.period, f.basis) for f in undated.figures] == [("", "target")]
    (doubled,) = _flows(
        "Turkey and Greece agreed to boost bilateral trade to $10 billion from about $6 billion."
    ).values()
    assert [(f.value, f.basis) for f in doubled.figures] == [(10.0, "target"), (6.0, "actual")]
    (reached,) = _flows("Exports from Chile to Peru jumped 20% to reach $5bn last year.").values()
    assert [f.basis for f in reached.figures] == ["actual"]
    (expected,) = _flows(
        "Trade between Chile and Peru is expected to reach $90bn this year."
    ).values()
    assert [f.basis for f in expected.figures] == ["forecast"]


def test_a_meeting_at_a_summit_puts_both_sides_where_the_summit_was() -> None:
    trips = _trips(
        "Indian Prime Minister Narendra Modi met Zelenskiy on the sidelines of the G7 summit in "
        "Italy in June.",
        dt.date(2024, 8, 12),
    )
    assert set(trips) == {("Narendra Modi", "Italy")}
    assert trips[("Narendra Modi", "Italy")].date.start == dt.date(2024, 6, 1)
    # A summit's island counts as where they met, and "the two leaders" are the one who
    # acted and the one acted on.
    trips = _trips(
        "French President Emmanuel Macron urged Chinese President Xi Jinping on Thursday to "
        "act. The two leaders last met in Bali in November on the sidelines of the G20 summit.",
        dt.date(2023, 4, 7),
    )
    assert set(trips) == {("Emmanuel Macron", "Bali"), ("Xi Jinping", "Bali")}
    # Without a summit, meeting in a region is no trip there.
    assert not _trips(
        "French President Emmanuel Macron met Chinese President Xi Jinping in Bali.",
        dt.date(2023, 4, 7),
    )


def test_everyone_a_traveller_went_with_went_too() -> None:
    trips = _trips(
        "Prime Minister Giorgia Meloni travelled to Tunis in June with European Commission "
        "President Ursula von der Leyen and Dutch Prime Minister Mark Rutte.",
        dt.date(2023, 8, 9),
    )
    assert {who for who, _ in trips} == {"Giorgia Meloni", "Ursula von der Leyen", "Mark Rutte"}


def test_a_tour_the_headline_names_by_country_is_the_bodys_city_visits() -> None:
    story = draft_story(
        "Scholz visits Kazakhstan and Uzbekistan in push for Central Asia ties\n\n"
        "German Chancellor Olaf Scholz arrived in Uzbekistan on Sunday. "
        "In Samarkand, Scholz and Uzbek President Shavkat Mirziyoyev signed an agreement on "
        "migration. On Monday he will fly to the Kazakh capital Astana. "
        "He is due back in Berlin on Tuesday.",
        date=dt.date(2024, 9, 16),
    )
    legs = {
        (story.place(v.origin).name if v.origin else None, story.place(v.destination).name): v
        for v in _visit_events(story)
    }
    # The headline's list has no order, its Kazakhstan is the body's Astana, and "he" is
    # the one named first when the sentence before has no subject the model saw.
    assert set(legs) == {("Berlin", "Uzbekistan"), ("Uzbekistan", "Astana"), ("Astana", "Berlin")}
    assert {story.actor(v.actor).name for v in legs.values()} == {"Olaf Scholz"}
    home = legs[("Astana", "Berlin")]
    assert (home.title, home.status, home.date.start) == (
        "Olaf Scholz to return to Berlin",
        "scheduled",
        dt.date(2024, 9, 17),
    )
    # Due at home after a leg abroad, without "back", is going home too.
    trips = _trips(
        "German Chancellor Olaf Scholz arrived in Uzbekistan on Sunday. He is due in Berlin "
        "on Tuesday.",
        dt.date(2024, 9, 16),
    )
    assert trips[("Olaf Scholz", "Berlin")].title == "Olaf Scholz to return to Berlin"


def test_someone_of_no_known_country_on_a_tour_abroad_meets_on_the_tour() -> None:
    trips = _trips(
        "Nvidia Chief Executive Jensen Huang wrapped up a tour of Asia that also took him to "
        "Singapore and Malaysia. Huang met Vietnamese Prime Minister Pham Minh Chinh in Hanoi "
        "on Monday.",
        dt.date(2023, 12, 12),
    )
    assert ("Jensen Huang", "Hanoi") in trips
    # Travelling nowhere in the story, a meeting is no trip ("the mayor met residents").
    assert not _trips(
        "Nvidia Chief Executive Jensen Huang met Vietnamese Prime Minister Pham Minh Chinh in "
        "Hanoi on Monday.",
        dt.date(2023, 12, 12),
    )


def test_the_next_leg_starts_at_the_last_stop_not_one_already_left() -> None:
    story = draft_story(
        "BEIJING, April 13 (Reuters) - Brazilian President Luiz Inacio Lula da Silva arrived in "
        "Beijing on Thursday for a state visit, after a stop in Shanghai. Lula will fly on to "
        "Abu Dhabi on Saturday.",
        date=dt.date(2023, 4, 13),
    )
    legs = {
        story.place(v.destination).name: story.place(v.origin).name if v.origin else None
        for v in _visit_events(story)
    }
    assert legs["Beijing"] == "Shanghai" and legs["Abu Dhabi"] == "Beijing"


def test_a_date_told_of_something_since_is_not_the_trips() -> None:
    trips = _trips(
        "U.S. Secretary of State Antony Blinken, on his ninth trip to the region since the war "
        "began in October, will meet Israeli Prime Minister Benjamin Netanyahu in Jerusalem "
        "on Monday.",
        dt.date(2024, 8, 17),
    )
    assert trips[("Antony Blinken", "Jerusalem")].date.start == dt.date(2024, 8, 19)


def test_touring_a_site_in_a_town_is_a_visit_there_not_to_its_state() -> None:
    trips = _trips(
        "Ukrainian President Volodymyr Zelenskiy earlier toured an ammunition factory in "
        "Scranton, Pennsylvania, Biden's hometown.",
        dt.date(2024, 9, 26),
    )
    assert set(trips) == {("Volodymyr Zelenskiy", "Scranton")}


def test_a_tour_told_as_then_and_finally_is_its_legs_in_order() -> None:
    story = draft_story(
        "JAKARTA, Sept 3 (Reuters) - Pope Francis arrived in Jakarta on Tuesday, kicking off a "
        "12-day trip to four countries in Southeast Asia and Oceania. The pontiff will fly to "
        "Port Moresby on Friday. From there he will travel to the remote town of Vanimo, then "
        "to Dili in East Timor and finally to Singapore, returning to Rome on Sept. 13.",
        date=dt.date(2024, 9, 3),
    )
    legs = [
        (story.place(v.origin).name if v.origin else None, story.place(v.destination).name)
        for v in _visit_events(story)
    ]
    # "A trip to four countries in Southeast Asia" is the tour, not a leg to the region; it
    # began where it returns to.
    assert legs == [
        ("Rome", "Jakarta"),
        ("Jakarta", "Port Moresby"),
        ("Port Moresby", "Vanimo"),
        ("Vanimo", "Dili"),
        ("Dili", "Singapore"),
        ("Singapore", "Rome"),
    ]


def test_a_leg_home_after_talks_with_someone_is_the_travellers() -> None:
    trips = _trips(
        "Indian Prime Minister Narendra Modi will travel to Abu Dhabi on Saturday for talks "
        "with President Sheikh Mohamed bin Zayed before returning home.",
        dt.date(2023, 7, 14),
    )
    assert set(trips) == {("Narendra Modi", "Abu Dhabi"), ("Narendra Modi", "New Delhi")}
    assert trips[("Narendra Modi", "New Delhi")].title == "Narendra Modi to return to New Delhi"


def test_a_trip_a_day_earlier_is_dated_from_the_day_told_and_comes_first() -> None:
    story = draft_story(
        "Ukrainian President Volodymyr Zelensky arrived in Washington on Wednesday on his first "
        "trip abroad since the invasion. Mr Zelensky travelled by train to the Polish border, "
        "officials said. A day earlier he had visited troops in Bakhmut, the eastern city that "
        "has seen some of the fiercest fighting of the war.",
        date=dt.date(2022, 12, 21),
    )
    legs = [
        (story.place(v.destination).name, v.date.start if v.date else None)
        for v in _visit_events(story)
    ]
    # Tuesday's trip to the front, then Wednesday's to Washington: not a leg from Washington
    # to Bakhmut after it.
    assert legs == [("Bakhmut", dt.date(2022, 12, 20)), ("Washington", dt.date(2022, 12, 21))]


def test_a_statement_in_a_speech_somewhere_is_placed_there() -> None:
    story = draft_story(
        "Turkish President Recep Tayyip Erdogan announced the extension of the grain deal in a "
        "televised speech in Ankara on Sunday. Ships will be inspected in Istanbul.",
        date=dt.date(2023, 3, 20),
    )
    statement = next(e for e in story.events if isinstance(e, Statement))
    assert story.place(statement.place).name == "Ankara" and statement.inferred == []
    # What a summit said to be somewhere is, is no place the statement was made at.
    story = draft_story(
        "Russian President Vladimir Putin said on Friday that the Brics summit in Kazan would "
        "show that Russia was not isolated.",
        date=dt.date(2024, 10, 18),
    )
    statement = next(e for e in story.events if isinstance(e, Statement))
    assert story.place(statement.place).name == "Russia" and statement.inferred == ["place"]
    story = draft_story(
        "Speaking at a news conference in Moscow, Russian Foreign Minister Sergei Lavrov said "
        "China and India had confirmed their attendance.",
        date=dt.date(2024, 10, 18),
    )
    statement = next(e for e in story.events if isinstance(e, Statement))
    assert story.place(statement.place).name == "Moscow" and statement.inferred == []


def test_fighting_told_in_a_list_of_towns_is_in_each() -> None:
    story = draft_story(
        "Fighting between the army and the paramilitary Rapid Support Forces entered its second "
        "week in Khartoum. The fighting has also spread to Darfur, where clashes were reported "
        "in El Geneina and Nyala.",
        date=dt.date(2023, 4, 24),
    )
    clash = next(
        e for e in story.events if isinstance(e, Conflict) and e.title.startswith("Clashes")
    )
    assert [story.place(p).name for p in clash.places] == ["El Geneina", "Nyala"]
    assert clash.title == "Clashes in El Geneina and Nyala"


def test_a_port_named_with_nothing_granted_is_not_said_to_open() -> None:
    from mapstory.narrative import describe_event

    story = draft_story(
        "The Houthis, who control much of northern Yemen including the port of Hodeidah, say "
        "they are targeting ships.",
        date=dt.date(2023, 12, 16),
    )
    (port,) = [e for e in story.events if e.kind == "port"]
    assert describe_event(story, port) == "Anchor at Hodeidah: its port."


def test_fighting_near_a_border_is_not_in_the_country_across_it() -> None:
    story = draft_story(
        "Clashes are frequent in the region, but the fighting in an area near the border with "
        "Georgia and Azerbaijan was some of the most intense in recent months.",
        date=dt.date(2009, 3, 1),
    )
    assert [e for e in story.events if isinstance(e, Conflict)] == []


def test_missiles_fired_at_ships_are_attacks_on_shipping_where_they_sail() -> None:
    story = draft_story(
        "Yemen's Houthi rebels fired missiles and drones at merchant vessels near the Bab "
        "el-Mandeb strait on Friday.",
        date=dt.date(2023, 12, 16),
    )
    (attack,) = [e for e in story.events if isinstance(e, Conflict)]
    assert attack.title.startswith("Attacks on shipping in the Bab el-Mandeb")
    assert [story.place(p).kind for p in attack.places] == ["sea"]


def test_rockets_fired_told_in_the_passive_and_strikes_a_military_says_it_made() -> None:
    story = draft_story(
        "Rockets were fired from Lebanon at the town of Kiryat Shmona overnight.",
        date=dt.date(2023, 11, 22),
    )
    (attack,) = [e for e in story.events if isinstance(e, Conflict)]
    assert [story.place(p).name for p in attack.places] == ["Kiryat Shmona"]
    story = draft_story(
        "Ukraine says it hit Russian warship in Crimea\n\n"
        "Ukraine's military said on Tuesday it had struck a Russian landing ship and a "
        "submarine being repaired at a shipyard in Sevastopol. Ukrainian forces have stepped up "
        "attacks on Crimea as they push a counteroffensive in the south.",
        date=dt.date(2023, 9, 13),
    )
    conflicts = [e for e in story.events if isinstance(e, Conflict)]
    # The headline's strike in Crimea is the body's strike at Sevastopol, told once, and
    # Ukraine's, whose military said it struck.
    assert [c.title for c in conflicts] == [
        "Attacks on shipping in Sevastopol by Ukraine",
        "Attack on Crimea",
    ]
    assert conflicts[0].spans[0].text == "Ukraine says it hit Russian warship in Crimea"
    # A military's own words about a strike are not every pronoun's: "it said it had hit a
    # record" strikes nothing.
    story = draft_story(
        "The company said on Tuesday it had struck a deal with shipowners in Piraeus.",
        date=dt.date(2023, 9, 13),
    )
    assert [e for e in story.events if isinstance(e, Conflict)] == []


def test_a_place_taken_by_force_told_in_a_relative_clause() -> None:
    story = draft_story(
        "Ukrainian drones struck a base in Crimea, which Russia annexed in 2014.",
        date=dt.date(2023, 9, 13),
    )
    (annexation,) = [e for e in story.events if e.title.startswith("Annexation")]
    assert annexation.title == "Annexation of Crimea by Russia"
    assert annexation.date.start == dt.date(2014, 1, 1)


def test_rockets_fired_at_a_port_city_are_an_attack_on_it_not_a_port_story() -> None:
    assert _kinds("Rockets were fired at the port city of Haifa on Monday.") == [
        ("conflict", "Rocket attack on Haifa")
    ]


def test_an_amount_traded_is_not_the_goods() -> None:
    story = draft_story(
        "China remained Germany's largest trading partner overall, with total trade of 253bn "
        "euros in 2023.",
        date=dt.date(2024, 2, 19),
    )
    (trade,) = [e for e in story.events if isinstance(e, Trade)]
    assert trade.goods is None and trade.figures[0].value == 253.0
    story = draft_story(
        "Qatar's exports of 20 million tonnes of LNG to China rose 10% last year.",
        date=dt.date(2024, 3, 1),
    )
    (trade,) = [e for e in story.events if isinstance(e, Trade)]
    assert trade.goods == "LNG"


def test_someone_expected_to_arrive_is_due_where_the_story_is() -> None:
    story = draft_story(
        "Nato leaders arrived in the Lithuanian capital Vilnius on Tuesday for a two-day "
        "summit. Ukrainian President Volodymyr Zelensky is expected to arrive on Wednesday.",
        date=dt.date(2023, 7, 11),
    )
    (visit,) = [v for v in _visit_events(story) if story.actor(v.actor).name.endswith("Zelensky")]
    assert story.place(visit.destination).name == "Vilnius"
    assert (visit.status, visit.date.start) == ("scheduled", dt.date(2023, 7, 12))


def test_an_itinerary_told_as_stops_with_their_days() -> None:
    story = draft_story(
        "US Secretary of State Antony Blinken will visit Saudi Arabia on Tuesday, Egypt on "
        "Wednesday and Israel on Thursday, the State Department said on Sunday.\n\n"
        "In Riyadh, Mr Blinken will meet Crown Prince Mohammed bin Salman. In Cairo he is due "
        "to discuss a proposed ceasefire with President Abdel Fattah al-Sisi.",
        date=dt.date(2024, 3, 17),
    )
    legs = [
        (
            story.place(v.origin).name if v.origin else None,
            story.place(v.destination).name,
            v.date.start,
            v.status,
        )
        for v in _visit_events(story)
    ]
    # Each stop on its own day, in order; the cities the article goes on to name are the
    # countries' stops, and Riyadh's leg does not start in Israel, the trip's last stop.
    assert legs == [
        ("Washington", "Riyadh", dt.date(2024, 3, 19), "scheduled"),
        ("Riyadh", "Cairo", dt.date(2024, 3, 20), "scheduled"),
        ("Cairo", "Israel", dt.date(2024, 3, 21), "scheduled"),
    ]


def test_a_day_spent_somewhere_first_is_a_stop_before() -> None:
    story = draft_story(
        "Brazilian President Luiz Inacio Lula da Silva met Chinese President Xi Jinping in "
        "Beijing on Friday, after a day in Shanghai where he attended a ceremony.",
        date=dt.date(2023, 4, 14),
    )
    assert ("Shanghai", "Beijing") in _leg_pairs(story)


def test_strikes_and_rockets_are_attacks_but_a_rail_strike_is_not() -> None:
    assert _kinds("An Israeli drone strike on a car in Tyre killed three people.") == [
        ("conflict", "Strike in Tyre by Israel")
    ]
    assert _kinds("Russian strikes on Kyiv killed five people on Monday.") == [
        ("conflict", "Strike on Kyiv by Russia")
    ]
    assert _kinds("The group fired dozens of rockets at Haifa overnight.") == [
        ("conflict", "Rocket attack on Haifa")
    ]
    # A country before the noun is the side that struck, not where.
    for text in (
        "A French rail strike in Paris disrupted travel on Monday.",
        "The union called a general strike in Buenos Aires.",
        "He was killed in an August 2015 U.S. drone strike.",
    ):
        assert [k for k, _ in _kinds(text) if k == "conflict"] == []


def test_a_war_discussed_is_no_visit_to_it() -> None:
    trips = _trips(
        "Chinese Foreign Minister Wang Yi arrived in Cairo on Saturday. Mr Wang met Egyptian "
        "President Abdel Fattah al-Sisi and discussed the war in Gaza.",
        dt.date(2024, 1, 13),
    )
    assert set(trips) == {("Wang Yi", "Cairo")}


def test_drones_at_a_city_overnight_and_shelling_are_attacks() -> None:
    assert _kinds("Russia launched a wave of drones at Kyiv overnight, officials said.") == [
        ("conflict", "Drone attack on Kyiv by Russia")
    ]
    assert _kinds("In the southern city of Kherson, Russian shelling killed 23 people.") == [
        ("conflict", "Shelling in Kherson by Russia")
    ]
    assert _kinds("The bombardment of Gaza continued on Sunday.") == [
        ("conflict", "Bombardment of Gaza")
    ]


def test_days_spent_in_the_capital_of_a_country_just_reached_are_that_stay() -> None:
    story = draft_story(
        "Pope Francis arrived in Mongolia on Friday, the first pope to visit the country. The "
        "pontiff flew overnight from Rome. Francis will spend four days in Ulaanbaatar, where "
        "he will meet the president. He returns to Rome on Monday.",
        date=dt.date(2023, 9, 1),
    )
    legs = [
        (_name(story, v.origin), _name(story, v.destination), v.date.start, v.status)
        for v in _visit_events(story)
    ]
    assert legs == [
        ("Rome", "Ulaanbaatar", dt.date(2023, 9, 1), "happened"),
        ("Ulaanbaatar", "Rome", dt.date(2023, 9, 4), "scheduled"),
    ]


def test_a_port_of_entry_is_a_border_crossing_not_a_port() -> None:
    assert [
        k
        for k, _ in _kinds(
            "He drove them through the Hidalgo port of entry before he was stopped near "
            "Falfurrias, Texas."
        )
        if k == "port"
    ] == []


def test_a_subject_the_model_splits_in_two_still_travels() -> None:
    # "chief" and "Burhan" are both the verb's subject in the model's reading.
    trips = _trips(
        "Sudan's army chief Abdel Fattah al-Burhan arrived in the Egyptian city of El Alamein "
        "on Tuesday. Burhan flew from Port Sudan.",
        dt.date(2023, 8, 29),
    )
    assert set(trips) == {("Abdel Fattah al-Burhan", "El Alamein")}
    assert trips[("Abdel Fattah al-Burhan", "El Alamein")].date.start == dt.date(2023, 8, 29)
    # Investigators who fly are no named traveller's trip.
    assert _trips("Investigators from the agency flew to Paris on Monday.") == {}


def test_a_trip_to_a_country_for_a_summit_in_its_city_goes_to_the_city() -> None:
    trips = _trips(
        "Indian Prime Minister Narendra Modi will travel to Russia next week for the Brics "
        "summit in Kazan.",
        dt.date(2024, 10, 18),
    )
    assert set(trips) == {("Narendra Modi", "Kazan")}
    trips = _trips(
        "German Chancellor Olaf Scholz travelled to Brazil on Sunday to attend the G20 summit in "
        "Rio de Janeiro.",
        dt.date(2024, 10, 18),
    )
    assert set(trips) == {("Olaf Scholz", "Rio de Janeiro")}
    # Talks with no city named leave the trip in the country.
    assert set(_trips("US President Joe Biden flew to Peru on Wednesday for talks.")) == {
        ("Joe Biden", "Peru")
    }


def test_his_trips_are_the_subject_s_and_the_following_year_counts_from_the_last_told() -> None:
    story = draft_story(
        "Henry Kissinger, the former US secretary of state who opened relations with China, "
        "died on Wednesday at his home in Connecticut. He served under Presidents Richard Nixon "
        "and Gerald Ford.\n\nHis secret trip to Beijing in 1971 paved the way for Nixon's "
        "historic visit to China the following year. As recently as July, he travelled to "
        "Beijing to meet President Xi Jinping.",
        date=dt.date(2023, 11, 30),
    )
    trips = [
        (story.actor(v.actor).name, story.place(v.destination).name, v.date.start, v.date.precision)
        for v in _visit_events(story)
    ]
    assert trips == [
        ("Henry Kissinger", "Beijing", dt.date(1971, 1, 1), "year"),
        ("Richard Nixon", "China", dt.date(1972, 1, 1), "year"),
        ("Henry Kissinger", "Beijing", dt.date(2023, 7, 1), "month"),
    ]


def test_her_visit_is_the_person_the_clause_names_before_the_last_one_told() -> None:
    trips = _trips(
        "Apart from Shimon Peres greeting Hillary Clinton, little came of the trip. During her "
        "visit to Israel, Clinton spoke in favour of the two-state solution.",
        dt.date(2009, 3, 5),
    )
    assert set(trips) == {("Hillary Clinton", "Israel")}


def test_an_arrival_in_a_country_is_at_the_capital_the_traveller_is_in_next_day() -> None:
    story = draft_story(
        "Chinese President Xi Jinping arrived in France on Sunday at the start of his first "
        "visit to Europe in five years. French President Emmanuel Macron will host Xi in Paris "
        "on Monday.\n\nXi will fly on to Belgrade on Tuesday, the 25th anniversary of the NATO "
        "bombing of the Chinese embassy in the Serbian capital, and then to Budapest, where "
        "Prime Minister Viktor Orban is expected to sign deals.",
        date=dt.date(2024, 5, 5),
    )
    visits = _visit_events(story)
    assert [story.place(v.destination).name for v in visits] == ["Paris", "Belgrade", "Budapest"]
    paris = visits[0]
    assert paris.status == "happened"
    assert (paris.date.start, paris.date.end) == (dt.date(2024, 5, 5), dt.date(2024, 5, 6))
    assert _name(story, visits[2].origin) == "Belgrade"
    # A city that is not the capital is a leg on from wherever the arrival was.
    trips = _trips(
        "Macron arrived in India on Monday. He will travel to Jaipur on Wednesday.",
        dt.date(2025, 7, 14),
    )
    assert set(trips) == {("Macron", "India"), ("Macron", "Jaipur")}


def test_what_was_said_is_not_dated_after_the_article() -> None:
    story = draft_story(
        "The expansion, announced by South African President Cyril Ramaphosa at a summit in "
        "Johannesburg, will take effect on Jan. 1, 2024.",
        date=dt.date(2023, 8, 24),
    )
    (said,) = [e for e in story.events if isinstance(e, Statement)]
    assert story.place(said.place).name == "Johannesburg"
    assert said.date is None or said.date.start <= dt.date(2023, 8, 24)


def test_a_city_seized_is_a_capture_even_when_the_model_misplaces_its_name() -> None:
    story = draft_story(
        "Prigozhin's fighters had seized the southern city of Rostov-on-Don, headquarters of "
        "Russia's southern military district, early on Saturday.",
        date=dt.date(2023, 6, 24),
    )
    (seized,) = [e for e in story.events if isinstance(e, Conflict)]
    assert [story.place(p).name for p in seized.places] == ["Rostov-on-Don"]
    assert seized.title == "Seizure of Rostov-on-Don"


def test_stops_told_as_earlier_come_before_the_leg_told_just_before_them() -> None:
    story = draft_story(
        "U.S. Secretary of State Antony Blinken arrived in Tokyo on Tuesday for a meeting of "
        "G7 foreign ministers.\n\nBlinken flew in from Turkey, where he held talks with Turkish "
        "officials in Ankara on Monday. Earlier he had visited Israel, the West Bank and "
        "Jordan.\n\nBlinken will travel to Seoul on Wednesday.",
        date=dt.date(2023, 11, 7),
    )
    assert _leg_pairs(story)[1:] == [
        ("Israel", "West Bank"),
        ("West Bank", "Jordan"),
        ("Jordan", "Ankara"),
        ("Ankara", "Tokyo"),
        ("Tokyo", "Seoul"),
    ]
    assert _leg_pairs(story)[0][1] == "Israel"


def test_a_fair_attended_before_the_meeting_and_a_trip_ahead_this_week_keep_their_order() -> None:
    story = draft_story(
        "Australian Prime Minister Anthony Albanese returned home on Tuesday from a four-day "
        "visit to China.\n\nAlbanese met President Xi Jinping in Beijing on Monday after "
        "attending a trade fair in Shanghai. Albanese will travel to the Cook Islands this "
        "week for the Pacific Islands Forum.",
        date=dt.date(2023, 11, 7),
    )
    assert _leg_pairs(story) == [
        ("Canberra", "Shanghai"),
        ("Shanghai", "Beijing"),
        ("Beijing", "Canberra"),
        ("Canberra", "Cook Islands"),
    ]


def test_a_minister_of_a_portfolio_speaks_for_the_country_before_the_title() -> None:
    story = draft_story(
        "India signed a 10-year contract with Iran on Monday to run the Chabahar port. India's "
        "shipping minister Sarbananda Sonowal travelled to Tehran for the signing.",
        date=dt.date(2024, 5, 13),
    )
    assert _leg_pairs(story) == [("New Delhi", "Tehran")]


def test_a_region_is_shown_by_its_english_name_with_its_division_word() -> None:
    story = draft_story(
        "Ukrainian drones struck an oil refinery in Russia's Ryazan region and an airbase in "
        "Kursk overnight, a source in Ukraine's SBU security service said on Wednesday.",
        date=dt.date(2024, 3, 13),
    )
    (strike,) = [e for e in story.events if isinstance(e, Conflict)]
    # (and every target's place: the airbase's too)
    assert [(story.place(p).name, story.place(p).kind) for p in strike.places] == [
        ("Ryazan Oblast", "region"),
        ("Kursk", "city"),
    ]


def test_an_arrival_in_a_territory_then_a_drive_to_its_capital_is_one_trip_there() -> None:
    story = draft_story(
        "French President Emmanuel Macron arrived in New Caledonia on Thursday after a week "
        "of deadly riots.\n\nMacron, who travelled from Paris with his interior minister, "
        "landed at La Tontouta airport before driving to the capital Noumea, where he will "
        "meet local leaders.",
        date=dt.date(2024, 5, 23),
    )
    (visit,) = _visit_events(story)
    assert (_name(story, visit.origin), _name(story, visit.destination)) == ("Paris", "Nouméa")
    assert visit.status == "happened" and visit.date.start == dt.date(2024, 5, 23)


def test_a_visit_to_the_side_of_a_crossing_and_two_stays_in_a_city_with_a_trip_between() -> None:
    story = draft_story(
        "United Nations Secretary-General Antonio Guterres visited the Egyptian side of the "
        "Rafah border crossing on Friday.\n\nGuterres flew to El Arish from Cairo, where he met "
        "Egyptian President Abdel Fattah al-Sisi on Thursday. He will attend a peace summit in "
        "Cairo on Saturday.",
        date=dt.date(2023, 10, 20),
    )
    stays = [
        (story.place(v.destination).name, v.date and (v.date.start, v.date.end), v.status)
        for v in _visit_events(story)
        if story.place(v.destination).name in ("Cairo", "Rafah")
    ]
    day = dt.date
    assert stays == [
        ("Cairo", (day(2023, 10, 19), day(2023, 10, 19)), "happened"),
        ("Rafah", (day(2023, 10, 20), day(2023, 10, 20)), "happened"),
        ("Cairo", (day(2023, 10, 21), day(2023, 10, 21)), "scheduled"),
    ]


def test_a_country_which_bought_anothers_goods_imports_them() -> None:
    flows = _flows(
        "Taiwan's largest trading partner is China, which bought $156 billion of Taiwanese "
        "goods in 2023.",
        dt.date(2024, 1, 13),
    )
    assert list(flows) == [("Taiwan", "China")]
    figure = flows[("Taiwan", "China")].figures[0]
    assert (figure.value, figure.unit) == (156, "USD bn")


def test_then_to_two_places_the_model_misreads_are_the_next_two_stops() -> None:
    story = draft_story(
        "Republican Donald Trump campaigned in Pennsylvania on Sunday.\n\nOn Monday, Trump "
        "will travel to Raleigh, North Carolina, and then to Reading and Pittsburgh.",
        date=dt.date(2024, 11, 3),
    )
    assert [pair[1] for pair in _leg_pairs(story)][-3:] == ["Raleigh", "Reading", "Pittsburgh"]
    assert _leg_pairs(story)[-1] == ("Reading", "Pittsburgh")


def test_armed_force_that_fought_somewhere_is_fighting_there() -> None:
    for text in (
        "The two countries have backed opposing sides in conflicts across the region, "
        "including in Yemen, where a Saudi-led coalition has fought the Houthis since 2015.",
        "A Saudi-led coalition has fought the Iran-aligned Houthis in Yemen since 2015.",
    ):
        story = draft_story(text, date=dt.date(2023, 3, 10))
        (war,) = [e for e in story.events if isinstance(e, Conflict)]
        assert [story.place(p).name for p in war.places] == ["Yemen"]
        assert war.title == "Fighting in Yemen"
    # A company fighting a fine wages no war.
    story = draft_story("Apple fought the fine in Ireland for years.", date=dt.date(2023, 3, 10))
    assert not [e for e in story.events if isinstance(e, Conflict)]


def test_a_trade_balance_is_no_flow_and_a_change_goes_with_the_nearest_amount() -> None:
    # A deficit or surplus is what one side sells more, not the trade between them.
    assert _flows("France's trade deficit with China reached 54bn euros last year.") == {}
    flows = _flows(
        "China's trade surplus with the United States narrowed to $279 billion, while its "
        "exports to Russia rose 26% to $110 billion.",
        dt.date(2024, 1, 15),
    )
    assert list(flows) == [("China", "Russia")]
    (figure,) = flows[("China", "Russia")].figures
    assert (figure.value, figure.change_pct) == (110, 26)


def test_a_country_overtaking_another_as_the_biggest_exporter_to_a_third_ships_to_it() -> None:
    flows = _flows(
        "Mexico overtook China as the biggest exporter to the United States, shipping $475 "
        "billion of goods in 2023.",
        dt.date(2024, 2, 7),
    )
    assert list(flows) == [("Mexico", "United States")]
    assert flows[("Mexico", "United States")].figures[0].value == 475


def test_a_partnership_declared_or_sought_to_deepen_joins_its_countries() -> None:
    for text in (
        'China and Russia declared a "no limits" partnership in February 2022.',
        'Russia seeks to deepen its "no limits" partnership with China.',
    ):
        story = draft_story(text, date=dt.date(2023, 9, 16))
        (pact,) = [e for e in story.events if isinstance(e, Alliance)]
        assert {story.place(m.place).name for m in pact.members} == {"China", "Russia"}, text


def test_a_named_site_in_a_region_and_names_joined_to_a_long_name_are_stops() -> None:
    story = draft_story(
        "North Korean leader Kim Jong Un travelled to the Vostochny Cosmodrome in the Amur "
        "region by armoured train last week, and later visited Komsomolsk-on-Amur and "
        "Vladivostok.",
        date=dt.date(2023, 9, 16),
    )
    assert [pair[1] for pair in _leg_pairs(story)] == [
        "Amur",
        "Komsomolsk-on-Amur",
        "Vladivostok",
    ]


def test_the_other_countries_of_a_trip_just_begun_are_ahead_and_fold_into_their_cities() -> None:
    story = draft_story(
        "Pope Francis arrived in Jakarta on Tuesday at the start of a 12-day trip to "
        "Indonesia, Papua New Guinea, East Timor and Singapore.\n\nThe 87-year-old pontiff "
        "flew from Rome. Francis will then fly to Port Moresby on Friday, visit the remote "
        "town of Vanimo on Sunday, and travel on to Dili on Monday. He will end the trip in "
        "Singapore before returning to Rome on Sept. 13.",
        date=dt.date(2024, 9, 3),
    )
    legs = [
        (_name(story, v.origin), _name(story, v.destination), v.status)
        for v in _visit_events(story)
    ]
    assert legs == [
        ("Rome", "Jakarta", "happened"),
        ("Jakarta", "Port Moresby", "scheduled"),
        ("Port Moresby", "Vanimo", "scheduled"),
        ("Vanimo", "Dili", "scheduled"),
        ("Dili", "Singapore", "scheduled"),
        ("Singapore", "Rome", "scheduled"),
    ]
    # A trip told as made keeps its countries made.
    trips = _trips("Macron's trip to Germany and Poland last week was a success.")
    assert {v.status for v in trips.values()} <= {"happened"}


def test_rounds_of_strikes_carried_out_on_targets_are_strikes_there() -> None:
    story = draft_story(
        "The United States and Britain have carried out several rounds of strikes on Houthi "
        "targets in Yemen since Jan. 12.",
        date=dt.date(2024, 1, 26),
    )
    (strikes,) = [e for e in story.events if isinstance(e, Conflict)]
    assert [story.place(p).name for p in strikes.places] == ["Yemen"]
    assert strikes.title.startswith("Strikes on Yemen")


def test_a_leg_after_the_summit_goes_on_from_the_summits_city() -> None:
    story = draft_story(
        "Xi, who arrived in Lima on Wednesday for the APEC summit, inaugurated a port on "
        "Thursday. After the summit, Xi will travel to Rio de Janeiro for the Group of 20 "
        "summit on Nov 18-19.",
        date=dt.date(2024, 11, 14),
    )
    rio = _visits(story)[("Xi", "Rio de Janeiro")]
    assert _name(story, rio.origin) == "Lima"  # not Beijing, five days later
    assert (rio.date.start, rio.date.end) == (dt.date(2024, 11, 18), dt.date(2024, 11, 19))
    assert rio.status == "scheduled"


def test_leaders_among_those_who_arrived_in_the_city_just_named_went_there() -> None:
    story = draft_story(
        "Putin welcomed leaders from more than 20 countries to the city of Kazan on Tuesday. "
        "Chinese President Xi Jinping and Indian Prime Minister Narendra Modi were among those "
        "who arrived in the Volga city.",
        date=dt.date(2024, 10, 22),
    )
    assert set(_visits(story)) == {("Xi Jinping", "Kazan"), ("Narendra Modi", "Kazan")}
    # "The city" with nothing named before it goes nowhere.
    assert not _visit_events(
        draft_story("Xi arrived in the city on Tuesday.", date=dt.date(2024, 10, 22))
    )


def test_a_city_seized_in_the_headline_and_taken_below_is_one_capture() -> None:
    story = draft_story(
        "Sudan's RSF seizes Wad Madani as thousands flee\n\n"
        "Sudan's paramilitary Rapid Support Forces said on Tuesday they had taken control of "
        "Wad Madani, the capital of Gezira state. The city had become a refuge for people who "
        "fled fighting in the capital Khartoum.",
        date=dt.date(2023, 12, 19),
    )
    titles = sorted(e.title for e in story.events if isinstance(e, Conflict))
    assert titles == ["Fighting in Khartoum", "Seizure of Wad Madani"]
    (seized,) = [e for e in story.events if e.title == "Seizure of Wad Madani"]
    assert seized.date.start == dt.date(2023, 12, 19)  # the body's day


def test_exports_that_dipped_fell_and_a_goal_is_a_target_not_trade_done() -> None:
    flows = _flows(
        "China's exports to the United States climbed 8.1% to $47 billion in July, while "
        "exports to the EU dipped 0.3%.",
        dt.date(2024, 8, 7),
    )
    assert [f.change_pct for f in flows[("China", "European Union")].figures] == [-0.3]
    (india,) = _flows(
        "Trade between India and Russia reached $65bn last year. The two countries set a goal "
        "of $100bn in bilateral trade by 2030.",
        dt.date(2024, 7, 9),
    ).values()
    assert [(f.value, f.basis) for f in india.figures] == [(65.0, "actual"), (100.0, "target")]


def test_a_leg_flown_on_after_a_headline_country_starts_at_the_last_city() -> None:
    story = draft_story(
        "Putin signs defence pact with Kim in Pyongyang, then heads to Vietnam\n\n"
        "SEOUL, June 19 (Reuters) - Russian President Vladimir Putin and North Korean leader "
        "Kim Jong Un signed a mutual defence pact on Wednesday in Pyongyang.\n\n"
        "Putin arrived in the North Korean capital early on Wednesday. Later on Wednesday, "
        "Putin flew on to Hanoi for a two-day state visit to Vietnam.",
        date=dt.date(2024, 6, 19),
    )
    hanoi = _visits(story)[("Vladimir Putin", "Hanoi")]
    assert _name(story, hanoi.origin) == "Pyongyang"
    # The leaders sign for the countries their titles name.
    (pact,) = [e for e in story.events if isinstance(e, Alliance)]
    assert sorted(_name(story, m.place) for m in pact.members) == ["North Korea", "Russia"]


def test_a_stay_told_after_a_leg_from_its_country_came_before_it() -> None:
    story = draft_story(
        "KYIV, Aug 23 (Reuters) - Indian Prime Minister Narendra Modi arrived in Kyiv on Friday "
        "after a 10-hour overnight train journey from Poland.\n\nModi, who spent two days in "
        "Warsaw meeting Polish Prime Minister Donald Tusk, was greeted at the station.",
        date=dt.date(2024, 8, 23),
    )
    assert _leg_pairs(story) == [("New Delhi", "Warsaw"), ("Warsaw", "Kyiv")]


def test_strikes_on_a_hospital_in_a_city_and_on_a_citys_suburbs_are_strikes_there() -> None:
    story = draft_story(
        "Modi hugged Putin on the day a Russian missile struck a children's hospital in Kyiv. "
        "Hours before the truce began, Israeli jets struck Beirut's southern suburbs and "
        "targets in the city of Tyre.",
        date=dt.date(2024, 8, 23),
    )
    titles = sorted(e.title for e in story.events if isinstance(e, Conflict))
    assert titles == ["Strikes on Beirut and Tyre by Israel", "Strikes on Kyiv by Russia"]


def test_a_headline_tour_of_a_world_region_is_the_trip_to_its_cities() -> None:
    story = draft_story(
        "Scholz visits Central Asia seeking energy deals\n\n"
        "ASTANA, Sept 17 (Reuters) - German Chancellor Olaf Scholz arrived in Kazakhstan on "
        "Tuesday after visiting Uzbekistan, where he signed a migration agreement in Samarkand "
        "on Sunday. In Astana, Scholz met President Kassym-Jomart Tokayev.",
        date=dt.date(2024, 9, 17),
    )
    assert "Central Asia" not in {d for _, d in _leg_pairs(story)}  # no arrow to the region


def test_legs_of_one_day_follow_each_other_as_they_chain() -> None:
    story = draft_story(
        "DOHA, Aug 20 (Reuters) - U.S. Secretary of State Antony Blinken arrived in Qatar on "
        "Tuesday after talks in Egypt.\n\nBlinken had met Israeli Prime Minister Benjamin "
        "Netanyahu in Jerusalem on Monday. He travelled to the Egyptian town of El Alamein on "
        "Tuesday morning before flying to Doha.",
        date=dt.date(2024, 8, 20),
    )
    legs = [(o, d) for o, d in _leg_pairs(story) if d != "Washington"]
    assert legs[-3:] == [
        ("Washington", "Jerusalem"),
        ("Jerusalem", "El Alamein"),
        ("El Alamein", "Doha"),
    ]


def test_an_advance_into_a_countrys_region_is_into_it_and_a_push_toward_a_city_is_on_it() -> None:
    story = draft_story(
        "Ukrainian forces have advanced further into Russia's Kursk region, Zelenskiy said on "
        "Tuesday. Meanwhile Russian forces continued to press towards the eastern Ukrainian "
        "city of Pokrovsk.",
        date=dt.date(2024, 8, 13),
    )
    titles = sorted(e.title for e in story.events if isinstance(e, Conflict))
    assert titles == ["Advance into Kursk by Ukraine", "Advance on Pokrovsk by Russia"]


def test_a_royal_couple_is_the_two_named_before_and_their_trip_goes_on_to_the_meetings_city() -> (
    None
):
    story = draft_story(
        "SYDNEY (AP) — King Charles III and Queen Camilla arrived in Sydney late Friday for a "
        "six-day visit to Australia.\n\nThe royal couple flew from London on a chartered "
        "flight and were greeted at Sydney airport by Prime Minister Anthony Albanese. They "
        "will visit the capital, Canberra, on Monday.\n\nAfter Australia, the couple will "
        "travel to Samoa for the Commonwealth Heads of Government Meeting in Apia.",
        date=dt.date(2024, 10, 18),
    )
    charles = [
        (_name(story, v.origin), _name(story, v.destination), v.date and v.date.start)
        for v in _visit_events(story)
        if "Charles" in story.actor(v.actor).name
    ]
    assert charles == [
        ("London", "Sydney", dt.date(2024, 10, 18)),
        ("Sydney", "Canberra", dt.date(2024, 10, 21)),
        ("Canberra", "Apia", None),
    ]


def test_a_tariff_rate_is_no_change_in_trade_and_a_countrys_goods_exports_are_its_own() -> None:
    flows = _flows(
        "European Union countries on Friday backed tariffs of up to 45% on imports of electric "
        "vehicles made in China, despite opposition from Germany.",
        dt.date(2024, 10, 4),
    )
    assert flows == {}
    lng = _flows("U.S. LNG exports to Asia fell 20% in October.", dt.date(2023, 11, 1))
    assert [f.change_pct for f in lng[("United States", "Asia")].figures] == [-20.0]


def test_a_trip_home_with_a_stop_on_the_way_and_an_inauguration_attended_before() -> None:
    story = draft_story(
        "Ukraine's president, Volodymyr Zelensky, travelled to Washington on Tuesday to make "
        "a personal appeal to US lawmakers.\n\nMr Zelensky, who had flown in from Argentina "
        "after attending the inauguration of President Javier Milei in Buenos Aires on Sunday, "
        "met Joe Biden at the White House.\n\nZelensky was due to return to Kyiv on Wednesday "
        "after a brief stop in Germany.",
        date=dt.date(2023, 12, 12),
    )
    assert _leg_pairs(story) == [
        ("Kyiv", "Buenos Aires"),
        ("Buenos Aires", "Washington"),
        ("Washington", "Germany"),
        ("Germany", "Kyiv"),
    ]


def test_places_listed_as_visited_earlier_with_no_leg_before_follow_each_other() -> None:
    story = draft_story(
        "US President-elect Donald Trump's Middle East envoy, Steve Witkoff, had travelled to "
        "Qatar and Israel in recent days to push for the deal.",
        date=dt.date(2025, 1, 15),
    )
    assert _leg_pairs(story)[-1] == ("Qatar", "Israel")
    assert ("Israel", "Qatar") not in _leg_pairs(story)


def test_summits_attended_one_after_another_are_stops_of_the_trip() -> None:
    story = draft_story(
        "Indonesian President Prabowo Subianto met Xi Jinping in Beijing on Saturday. Prabowo "
        "will travel to the United States on Sunday to meet President Joe Biden in Washington, "
        "before attending the APEC summit in Peru and the G20 summit in Brazil.",
        date=dt.date(2024, 11, 9),
    )
    assert _leg_pairs(story)[-2:] == [("Washington", "Peru"), ("Peru", "Brazil")]


def test_a_military_campaign_is_armed_conflict_and_an_election_campaign_is_not() -> None:
    story = draft_story(
        "Israel's military campaign in Gaza has killed more than 46,000 Palestinians. Trump's "
        "election campaign in Pennsylvania drew crowds.",
        date=dt.date(2025, 1, 15),
    )
    titles = [e.title for e in story.events if isinstance(e, Conflict)]
    assert titles == ["Military campaign in Gaza"]


def test_the_user_of_a_port_is_who_takes_it_not_a_country_on_the_route() -> None:
    def ports(text: str, day: dt.date) -> dict[str, str | None]:
        story = draft_story(text, date=day)
        return {
            story.place(p.port).name: _name(story, p.granted_to)
            for p in story.events
            if p.kind == "port"
        }

    assert ports(
        "The German government on Wednesday approved Chinese shipping giant Cosco's purchase "
        "of a 24.9% stake in a container terminal at the port of Hamburg.",
        dt.date(2023, 5, 10),
    ) == {"Hamburg": "China"}
    assert ports(
        "India signed a 10-year contract with Iran on Monday to develop and operate the "
        "Chabahar port.",
        dt.date(2024, 5, 13),
    ) == {"Chabahar": "India"}
    assert ports(
        "The corridor would run from India to the UAE port of Jebel Ali, then by rail across "
        "Saudi Arabia and Jordan to the Israeli port of Haifa.",
        dt.date(2023, 9, 10),
    ) == {"Jebel Ali": None, "Haifa": None}
    assert ports(
        "Cosco already holds stakes in the ports of Piraeus in Greece, Valencia in Spain and "
        "Zeebrugge in Belgium.",
        dt.date(2023, 5, 10),
    ) == {"Piraeus": None, "Valencia": None, "Zeebrugge": None}


def test_a_name_is_its_person_without_a_possessive_and_a_country_with_its_whole_name() -> None:
    story = draft_story(
        "The deal was criticised by the Greens in Chancellor Olaf Scholz's coalition. Scholz "
        "visited Beijing in November. South Korea reopened its embassy in Kyiv on Monday.",
        date=dt.date(2023, 5, 10),
    )
    assert [a.name for a in story.actors] == ["Olaf Scholz"]
    assert "South Korea's embassy in Kyiv" in {e.title for e in story.events}


def test_a_state_visit_begun_on_the_day_is_to_the_dateline_city_and_goes_on_from_there() -> None:
    story = draft_story(
        "RABAT, Oct 28 (Reuters) - French President Emmanuel Macron began a three-day state "
        "visit to Morocco on Monday.\n\nMacron will address the Moroccan parliament on Tuesday "
        "and travel to Marrakech on Wednesday before returning to Paris.",
        date=dt.date(2024, 10, 28),
    )
    legs = [
        (_name(story, v.origin), _name(story, v.destination), v.date and v.date.start)
        for v in _visit_events(story)
    ]
    assert legs == [
        ("Paris", "Rabat", dt.date(2024, 10, 28)),
        ("Rabat", "Marrakech", dt.date(2024, 10, 30)),
        ("Marrakech", "Paris", None),  # after Wednesday, not Tuesday's speech
    ]
    rabat = _visit_events(story)[0]
    assert "destination" in rabat.inferred


def test_air_strikes_against_a_group_in_a_country_are_strikes_there() -> None:
    story = draft_story(
        "Turkey regularly carries out air strikes against the Kurdistan Workers Party (PKK) in "
        "the mountains of northern Iraq.",
        date=dt.date(2024, 4, 22),
    )
    assert [e.title for e in story.events if isinstance(e, Conflict)] == [
        "Strikes on Iraq by Turkey"
    ]
    # An attack someone was urged to carry out somewhere is no strike there.
    urged = draft_story(
        "An Islamic State member encouraged him to conduct a violent attack in the United "
        "States, prosecutors said.",
        date=dt.date(2016, 11, 23),
    )
    assert not [e for e in urged.events if isinstance(e, Conflict)]


def test_a_stop_on_the_way_from_home_starts_the_leg_told_before_it() -> None:
    story = draft_story(
        "LUANDA, Dec 3 (Reuters) - U.S. President Joe Biden arrived in Angola's capital Luanda "
        "on Monday night.\n\nBiden stopped in Cape Verde on his way from Washington and met "
        "Prime Minister Ulisses Correia e Silva during a brief layover on Sunday.",
        date=dt.date(2024, 12, 3),
    )
    assert _leg_pairs(story) == [("Washington", "Cabo Verde"), ("Cabo Verde", "Luanda")]


def test_a_trade_partner_is_no_flow_and_a_region_retaken_is_named_by_its_name() -> None:
    flows = _flows(
        "China, Angola's biggest trade partner, imported $14 billion of Angolan oil last year.",
        dt.date(2024, 12, 3),
    )
    assert list(flows) == [("Angola", "China")]
    story = draft_story(
        "Azerbaijan retook the breakaway Nagorno-Karabakh region in a lightning offensive in "
        "September 2023.",
        date=dt.date(2025, 3, 13),
    )
    assert [e.title for e in story.events if isinstance(e, Conflict)] == [
        "Recapture of Nagorno-Karabakh by Azerbaijan"
    ]


def test_a_tour_told_stop_by_stop_begins_where_it_returns_to() -> None:
    story = draft_story(
        "BAGHDAD, March 5 (AP) — Pope Francis arrived in Baghdad on Friday for the first-ever "
        "papal visit to Iraq.\n\nOn Saturday he will fly to the holy city of Najaf to meet "
        "Grand Ayatollah Ali al-Sistani, and then to Nasiriyah and the ancient city of Ur, "
        "believed to be the birthplace of the prophet Abraham.\n\nOn Sunday, Francis will "
        "visit Mosul, the former Islamic State stronghold, and Irbil, the capital of the "
        "Kurdish region. He returns to Rome on Monday.",
        date=dt.date(2021, 3, 5),
    )
    assert _leg_pairs(story) == [
        ("Rome", "Baghdad"),
        ("Baghdad", "Najaf"),
        ("Najaf", "Nasiriyah"),
        ("Nasiriyah", "Mosul"),
        ("Mosul", "Irbil"),
        ("Irbil", "Rome"),
    ]


def test_talks_in_a_city_between_two_envoys_from_abroad_are_their_visits_there() -> None:
    story = draft_story(
        "The agreement was announced after four days of talks in Beijing between Iran's top "
        "security official Ali Shamkhani and Saudi national security adviser Musaed Al-Aiban.",
        date=dt.date(2023, 3, 10),
    )
    assert _leg_pairs(story) == [("Tehran", "Beijing"), ("Riyadh", "Beijing")]


def test_a_trip_to_a_world_region_is_the_visits_to_its_members_places() -> None:
    story = draft_story(
        "TEL AVIV, Aug 18 (Reuters) - U.S. Secretary of State Antony Blinken arrived in Israel "
        "on Sunday on his ninth trip to the Middle East since the Gaza war began in October.\n\n"
        "Blinken will meet Prime Minister Benjamin Netanyahu in Jerusalem on Monday before "
        "travelling to Egypt on Tuesday.",
        date=dt.date(2024, 8, 18),
    )
    assert _leg_pairs(story) == [
        ("Washington", "Tel Aviv"),
        ("Tel Aviv", "Jerusalem"),
        ("Jerusalem", "Egypt"),
    ]


def test_who_signed_an_agreement_to_use_a_port_is_its_user() -> None:
    story = draft_story(
        "Ethiopia signed a preliminary agreement on Monday to use the breakaway region of "
        "Somaliland's port of Berbera on the Red Sea.",
        date=dt.date(2024, 1, 1),
    )
    (port,) = [e for e in story.events if e.kind == "port"]
    assert _name(story, port.granted_to) == "Ethiopia"


def test_a_continent_the_headline_tours_is_no_start_of_the_first_leg() -> None:
    story = draft_story(
        "Xi makes rare visit to Europe, starting in France\n\n"
        "PARIS, May 5 (Reuters) - Chinese President Xi Jinping arrived in France on Sunday on "
        "his first trip to Europe in five years.\n\nXi will then go on to Serbia and Hungary.",
        date=dt.date(2024, 5, 5),
    )
    assert _leg_pairs(story) == [("Beijing", "Paris"), ("Paris", "Serbia"), ("Serbia", "Hungary")]


def test_a_leg_told_before_the_next_is_dated_after_it_and_a_later_leg_of_the_day_goes_on() -> None:
    story = draft_story(
        "KYIV, May 30 (Reuters) - Ukrainian President Volodymyr Zelenskiy visited troops in "
        "the northeastern Kharkiv region on Thursday.\n\nZelenskiy met commanders in the town of "
        "Vovchansk.\n\nLater on Thursday he flew to Stockholm, where he signed a security "
        "agreement with Sweden, before travelling on to Brussels on Friday.",
        date=dt.date(2024, 5, 30),
    )
    legs = {
        _name(story, v.destination): (_name(story, v.origin), v.date and v.date.start)
        for v in _visit_events(story)
    }
    assert legs["Stockholm"] == ("Vovchansk", dt.date(2024, 5, 30))
    assert legs["Brussels"] == ("Stockholm", dt.date(2024, 5, 31))  # not the Friday before
    # A region visited, then a town inside it the same day: no leg from the region.
    story = draft_story(
        "During a visit to Darfur on 10 January, Mr. Ali Mahdi visited the town of Nyala, the "
        "capital of South Darfur.",
        date=dt.date(2020, 6, 1),
    )
    assert ("Darfur", "Nyala") not in _leg_pairs(story)


def test_a_side_clause_of_its_own_trade_keeps_its_own_flow() -> None:
    flows = _flows(
        "China bought $89.7 billion of Brazilian goods last year, mostly soybeans and iron "
        "ore, while Brazil's imports from China were worth $60.7 billion.",
        dt.date(2023, 4, 13),
    )
    values = {ends: [f.value for f in flow.figures] for ends, flow in flows.items()}
    assert values == {("Brazil", "China"): [89.7], ("China", "Brazil"): [60.7]}


def test_an_itinerary_of_days_in_places_and_a_then_on_sunday_to_are_legs() -> None:
    story = draft_story(
        "JAKARTA, Sept 3 (Reuters) - Pope Francis arrived in Indonesia on Tuesday at the start "
        "of a 12-day tour of Asia and Oceania.\n\nThe pontiff flew from Rome on an overnight "
        "flight and will meet President Joko Widodo in Jakarta on Wednesday.\n\nOn Friday he "
        "travels to Port Moresby, and then on Sunday to the remote town of Vanimo near the "
        "border with Indonesia. He will be in Dili from Sept 9 to 11 and in Singapore from "
        "Sept 11 to 13.",
        date=dt.date(2024, 9, 3),
    )
    legs = [
        (_name(story, v.origin), _name(story, v.destination), v.date and v.date.start, v.status)
        for v in _visit_events(story)
    ]
    assert legs[1:] == [
        ("Jakarta", "Port Moresby", dt.date(2024, 9, 6), "scheduled"),
        ("Port Moresby", "Vanimo", dt.date(2024, 9, 8), "scheduled"),
        ("Vanimo", "Dili", dt.date(2024, 9, 9), "scheduled"),
        ("Dili", "Singapore", dt.date(2024, 9, 11), "scheduled"),
    ]


def test_being_somewhere_is_a_leg_only_with_its_days() -> None:
    story = draft_story(
        "French President Emmanuel Macron was in Berlin on Monday and will be in Rome on "
        "Wednesday.\n\nHe was in Moscow in 1991 when the Soviet Union collapsed.",
        date=dt.date(2024, 6, 5),
    )
    legs = [
        (_name(story, v.origin), _name(story, v.destination), v.status)
        for v in _visit_events(story)
    ]
    assert legs == [("Paris", "Berlin", "happened"), ("Berlin", "Rome", "scheduled")]


def test_a_return_visit_in_may_of_that_year_is_dated_by_the_year_told() -> None:
    story = draft_story(
        "Yoon visited Tokyo in March 2023, the first such trip in 12 years, and Japanese Prime "
        "Minister Fumio Kishida made a return visit to Seoul in May of that year.",
        date=dt.date(2024, 9, 2),
    )
    (kishida,) = [v for v in _visit_events(story) if _name(story, v.destination) == "Seoul"]
    assert (kishida.date.start, kishida.date.precision) == (dt.date(2023, 5, 1), "month")


def test_whose_trading_partner_a_country_is_trades_with_it_whatever_else_is_named() -> None:
    flows = _flows(
        "Russia's Wagner group has deployed fighters to Mali and the Central African Republic, "
        "while China is Africa's largest trading partner, with two-way trade of $282 billion "
        "in 2023.",
        dt.date(2024, 1, 22),
    )
    assert list(flows) == [("Africa", "China")]
    flows = _flows(
        "China is Peru's largest trading partner, buying copper and other minerals worth about "
        "$36 billion last year.",
        dt.date(2024, 11, 14),
    )
    assert [f.value for f in flows[("Peru", "China")].figures] == [36.0]


def test_the_bloc_is_the_other_bloc_named_and_euros_are_no_goods() -> None:
    flows = _flows(
        "Mercosur, whose members are Brazil, Argentina, Uruguay, Paraguay and Bolivia, exported "
        "56 billion euros of goods to the EU last year, while EU exports to the bloc reached "
        "55.7 billion euros.",
        dt.date(2024, 12, 6),
    )
    values = {ends: [f.value for f in flow.figures] for ends, flow in flows.items()}
    assert values == {
        ("Mercosur", "European Union"): [56.0],
        ("European Union", "Mercosur"): [55.7],
    }
    assert flows[("Mercosur", "European Union")].goods != "euros"


def test_why_an_attack_was_made_is_not_where() -> None:
    story = draft_story(
        "The Iran-aligned group has launched hundreds of drone and missile attacks on ships in "
        "the Red Sea and the Gulf of Aden since November in what it says is solidarity with "
        "Palestinians in Gaza.",
        date=dt.date(2024, 8, 22),
    )
    struck = [
        story.place(p).name for e in story.events if isinstance(e, Conflict) for p in e.places
    ]
    assert "Gaza" not in struck


def test_a_buyer_of_a_countrys_goods_buys_from_it_and_a_trade_renamed_is_no_other() -> None:
    flows = _flows(
        "India has become one of the biggest buyers of Russian oil since the start of the war, "
        "importing about 1.9 million barrels a day last year, a trade that Kyiv and its "
        "Western allies say helps fund Moscow's war effort.",
        dt.date(2024, 8, 23),
    )
    assert list(flows) == [("Russia", "India")]
    assert flows[("Russia", "India")].goods == "oil"


def test_a_visit_to_a_country_begun_in_one_of_its_cities_goes_to_that_city() -> None:
    story = draft_story(
        "BELEM, Brazil, March 27 (Reuters) - French President Emmanuel Macron began a "
        "three-day visit to Brazil on Tuesday in the Amazon city of Belem.",
        date=dt.date(2024, 3, 27),
    )
    (visit,) = _visit_events(story)
    assert _name(story, visit.destination) == "Belém"
    assert "destination" not in visit.inferred


def test_a_leg_told_first_goes_on_from_the_stop_abroad_told_after_it() -> None:
    story = draft_story(
        "WASHINGTON, Sept 26 (Reuters) - Ukrainian President Volodymyr Zelenskiy met U.S. "
        "President Joe Biden at the White House on Thursday.\n\nZelenskiy, who arrived in the "
        "United States on Sunday, visited an ammunition factory in Scranton, Pennsylvania.",
        date=dt.date(2024, 9, 26),
    )
    legs = [(_name(story, v.origin), _name(story, v.destination)) for v in _visit_events(story)]
    assert legs == [("Kyiv", "Scranton"), ("Scranton", "Washington")]


def test_a_barrage_strikes_on_a_compound_and_on_militants_are_placed_where_they_hit() -> None:
    def struck(text: str, day: dt.date) -> list[list[str]]:
        story = draft_story(text, date=day)
        return [
            [story.place(p).name for p in e.places] for e in story.events if isinstance(e, Conflict)
        ]

    assert struck(
        "Russia launched a barrage of drones and missiles at Ukraine's energy infrastructure "
        "overnight, the Ukrainian air force said.",
        dt.date(2024, 9, 26),
    ) == [["Ukraine"]]
    assert struck(
        "Iran's attack came in retaliation for a suspected Israeli strike on its embassy "
        "compound in Damascus on April 1 that killed seven officers.",
        dt.date(2024, 4, 19),
    ) == [["Damascus"]]
    assert struck(
        "Turkey has carried out air strikes against Kurdistan Workers Party (PKK) militants in "
        "northern Iraq for years.",
        dt.date(2024, 4, 22),
    ) == [["Iraq"]]
    # Not a strike of workers on a network.
    assert (
        struck("A rail strike on the network in London disrupted travel.", dt.date(2024, 4, 22))
        == []
    )


def test_attacks_launched_on_ships_are_one_mark_of_attacks_on_shipping_where_they_sail() -> None:
    story = draft_story(
        "Houthis claim attack on Greek tanker in Red Sea\n\nADEN, Aug 22 (Reuters) - Yemen's "
        "Houthi militia said on Thursday it had attacked the Greek-flagged oil tanker Sounion in "
        "the Red Sea.\n\nThe Iran-aligned group has launched hundreds of drone and missile "
        "attacks on ships in the Red Sea and the Gulf of Aden since November in what it says is "
        "solidarity with Palestinians in Gaza.",
        date=dt.date(2024, 8, 22),
    )
    (attacks,) = [e for e in story.events if isinstance(e, Conflict)]
    assert attacks.title.startswith("Attacks on shipping in the Red Sea")
    assert [story.place(p).name for p in attacks.places] == ["Red Sea", "Gulf of Aden"]


def test_warships_docked_at_a_naval_base_make_it_a_port_of_their_navy() -> None:
    story = draft_story(
        "Chinese navy ships dock in Cambodia's Ream base\n\nPHNOM PENH, Dec 4 (Reuters) - Two "
        "Chinese warships have docked at Cambodia's Ream Naval Base on the Gulf of Thailand, the "
        "first foreign vessels to use a new pier built with Chinese funding, Cambodia's defence "
        "ministry said on Monday.",
        date=dt.date(2023, 12, 4),
    )
    (port,) = [e for e in story.events if e.kind == "port"]
    assert (_name(story, port.port), _name(story, port.granted_to)) == ("Ream", "China")


def test_he_is_still_the_one_the_story_was_about_when_a_second_clause_has_another_subject() -> None:
    story = draft_story(
        "TOKYO, Feb 20 (Reuters) - Saudi Crown Prince Mohammed bin Salman arrived in Tokyo on "
        "Tuesday.\n\nThe crown prince met Prime Minister Fumio Kishida and the two sides signed "
        "agreements on hydrogen.\n\nHe will fly to Beijing on Thursday for talks with President "
        "Xi Jinping.",
        date=dt.date(2024, 2, 20),
    )
    (beijing,) = [v for v in _visit_events(story) if _name(story, v.destination) == "Beijing"]
    assert story.actor(beijing.actor).name == "Prince Mohammed bin Salman"
    assert _name(story, beijing.origin) == "Tokyo"


def test_a_stop_on_the_way_to_a_country_starts_its_leg_and_a_meeting_days_later_is_the_stay() -> (
    None
):
    story = draft_story(
        "LUANDA, Dec 3 (Reuters) - U.S. President Joe Biden arrived in Angola on Monday.\n\n"
        "Biden met President Joao Lourenco in Luanda on Tuesday.\n\nBiden stopped in Cape Verde "
        "on his way to Angola, where he met Prime Minister Ulisses Correia e Silva.",
        date=dt.date(2024, 12, 3),
    )
    legs = [
        (_name(story, v.origin), _name(story, v.destination), v.date and v.date.start)
        for v in _visit_events(story)
    ]
    assert legs == [
        ("Washington", "Cabo Verde", None),
        ("Cabo Verde", "Luanda", dt.date(2024, 12, 2)),
    ]
    (luanda,) = [v for v in _visit_events(story) if _name(story, v.destination) == "Luanda"]
    assert luanda.date.end == dt.date(2024, 12, 3)


def test_a_strike_that_killed_someone_is_armed_where_it_hit() -> None:
    story = draft_story(
        "Hamas political chief Ismail Haniyeh was killed in an Israeli strike in Tehran early on "
        "Wednesday.\n\nIsrael said it had killed Hezbollah commander Fuad Shukr in a strike on "
        "Beirut's southern suburbs.",
        date=dt.date(2024, 7, 31),
    )
    struck = [
        [story.place(p).name for p in e.places] for e in story.events if isinstance(e, Conflict)
    ]
    assert struck == [["Tehran"], ["Beirut"]]


def test_a_figure_of_one_day_is_dated_as_the_story_writes_days() -> None:
    flows = _flows(
        "WARSAW, Dec 1 (Reuters) - Poland signed a $2.6 billion deal on Friday to buy 180 K2 "
        "tanks from South Korea's Hyundai Rotem.",
        dt.date(2023, 12, 1),
    )
    (flow,) = flows.values()
    assert [f.period for f in flow.figures] == ["1 December 2023"]


def test_a_royal_couple_travels_together_and_returns_together() -> None:
    story = draft_story(
        "King Charles begins state visit to Kenya\n\nNAIROBI, Oct 31 (Reuters) - Britain's King "
        "Charles and Queen Camilla arrived in Kenya on Tuesday for a four-day state visit.\n\n"
        "The king met President William Ruto at State House in Nairobi.\n\nThe royal couple "
        "will travel to Mombasa on Thursday before returning to London on Friday.",
        date=dt.date(2023, 10, 31),
    )
    legs = sorted(
        (story.actor(v.actor).name, _name(story, v.origin), _name(story, v.destination))
        for v in _visit_events(story)
    )
    assert legs == sorted(
        (who, start, end)
        for who in ("King Charles", "Queen Camilla")
        for start, end in (("London", "Nairobi"), ("Nairobi", "Mombasa"), ("Mombasa", "London"))
    )


def test_a_noun_and_a_verb_telling_one_flow_are_one_flow() -> None:
    story = draft_story(
        "China is Nigeria's biggest source of imports, selling it goods worth $22.6 billion last "
        "year, while Nigeria exported $2.6 billion worth of goods to China.",
        date=dt.date(2024, 9, 3),
    )
    flows = sorted(
        (_name(story, t.origin), _name(story, t.destination), [f.value for f in t.figures])
        for t in story.events
        if isinstance(t, Trade)
    )
    assert flows == [("China", "Nigeria", [22.6]), ("Nigeria", "China", [2.6])]


def test_handing_over_documents_at_a_building_in_a_city_is_being_there() -> None:
    story = draft_story(
        "Swedish Prime Minister Ulf Kristersson handed over the accession documents at the State "
        "Department in Washington, where Secretary of State Antony Blinken hailed the move.",
        date=dt.date(2024, 3, 7),
    )
    assert _leg_pairs(story) == [("Stockholm", "Washington")]


def test_a_leg_just_ahead_goes_on_from_where_the_traveller_is_and_then_to_the_next() -> None:
    story = draft_story(
        "India opens embassy in Paraguay\n\nASUNCION, Sept 25 (Reuters) - India opened an "
        "embassy in Paraguay's capital Asuncion on Monday.\n\nIndian Foreign Minister "
        "Subrahmanyam Jaishankar, who flew in from Brasilia, inaugurated the mission and met "
        "President Santiago Pena. He will travel to the Dominican Republic on Wednesday and then "
        "to Panama.",
        date=dt.date(2023, 9, 25),
    )
    assert _leg_pairs(story) == [
        ("Brasília", "Asunción"),
        ("Asunción", "Dominican Republic"),
        ("Dominican Republic", "Panama"),
    ]
    # One embassy, in the capital the body names, with the headline's words as its own.
    (embassy,) = [e for e in story.events if e.kind == "institution"]
    assert _name(story, embassy.place) == "Asunción" and len(embassy.spans) == 2


def test_leaders_a_summit_was_attended_by_went_to_its_city() -> None:
    story = draft_story(
        "South African President Cyril Ramaphosa announced the expansion at the end of a "
        "three-day summit in Johannesburg attended by Chinese President Xi Jinping, Indian "
        "Prime Minister Narendra Modi and Brazilian President Luiz Inacio Lula da Silva.",
        date=dt.date(2023, 8, 24),
    )
    assert _leg_pairs(story) == [
        ("Beijing", "Johannesburg"),
        ("New Delhi", "Johannesburg"),
        ("Brasília", "Johannesburg"),
    ]


def test_exports_told_against_a_countrys_imports_are_that_countrys() -> None:
    flows = _flows(
        "The United States imported about $427 billion of goods from China last year, while "
        "exports to China totalled $148 billion.",
        dt.date(2024, 5, 14),
    )
    values = {ends: [f.value for f in flow.figures] for ends, flow in flows.items()}
    assert values == {("China", "United States"): [427.0], ("United States", "China"): [148.0]}


def test_a_country_applying_to_join_a_bloc_is_a_member_to_be_but_one_invited_to_talks_is_not() -> (
    None
):
    def invited(text: str) -> list[str]:
        story = draft_story(text, date=dt.date(2023, 8, 24))
        return [
            story.place(m.place).name
            for e in story.events
            if e.kind == "bloc" and e.status == "proposed"
            for m in e.members
        ]

    assert invited("Turkey has applied to join BRICS, officials said. China is a member.") == [
        "Turkey"
    ]
    assert invited("The EU invited Ukraine to join talks on Monday. France is a member.") == []
    # Told in the sentence after the bloc's, invited "to join" with nothing else to join.
    assert invited(
        "Argentina will not join the BRICS group, Milei told its leaders. Saudi Arabia and "
        "Iran were also invited to join at a summit in Johannesburg. China is a member."
    ) == ["Saudi Arabia", "Iran"]
    assert (
        invited("Brazil hosted a BRICS meeting. Ukraine was invited to join the talks in Geneva.")
        == []
    )


def test_a_stop_before_a_country_the_headline_names_starts_nowhere_in_it() -> None:
    story = draft_story(
        "Putin visits North Korea, signs pact with Kim\n\nPYONGYANG, June 19 (Reuters) - "
        "Russian President Vladimir Putin signed a pact with Kim Jong Un on Wednesday.\n\nPutin "
        "arrived in the North Korean capital early on Wednesday after a stop in Yakutsk in "
        "Russia's Far East. He flies on to Vietnam later on Wednesday for talks in Hanoi with "
        "President To Lam.",
        date=dt.date(2024, 6, 19),
    )
    legs = _leg_pairs(story)
    assert ("Pyongyang", "Yakutsk") not in legs and ("North Korea", "Yakutsk") not in legs
    assert legs[-2:] == [("Yakutsk", "Pyongyang"), ("Pyongyang", "Hanoi")]


def test_meeting_someone_outside_a_city_is_a_visit_to_it_on_that_day() -> None:
    story = draft_story(
        "VIENNA, April 11 (Reuters) - Austrian Chancellor Karl Nehammer met Russian President "
        "Vladimir Putin outside Moscow on Monday.",
        date=dt.date(2022, 4, 11),
    )
    (visit,) = _visit_events(story)
    assert (_name(story, visit.destination), visit.date.start) == ("Moscow", dt.date(2022, 4, 11))


def test_a_leg_after_a_stay_of_days_begun_today_is_ahead_and_a_trip_renaming_it_is_that_leg() -> (
    None
):
    story = draft_story(
        "NEW DELHI, July 8 (Reuters) - Indian Prime Minister Narendra Modi left for Moscow on "
        "Monday for a two-day visit, before travelling to Vienna, the first trip to Austria by "
        "an Indian prime minister in 41 years.\n\nIn Vienna, Modi will meet Chancellor Karl "
        "Nehammer on Wednesday.",
        date=dt.date(2024, 7, 8),
    )
    legs = [
        (_name(story, v.origin), _name(story, v.destination), v.date and v.date.start, v.status)
        for v in _visit_events(story)
    ]
    assert legs == [
        ("New Delhi", "Moscow", dt.date(2024, 7, 8), "happened"),
        ("Moscow", "Vienna", dt.date(2024, 7, 10), "scheduled"),
    ]


def test_what_a_traveller_is_due_to_do_where_a_leg_goes_dates_the_leg() -> None:
    story = draft_story(
        "DAKAR, Jan 22 (Reuters) - U.S. Secretary of State Antony Blinken met Cape Verde's Prime "
        "Minister Ulisses Correia e Silva in Praia on Monday before flying on to Abidjan, where "
        "he was due to watch a football match on Monday evening.",
        date=dt.date(2024, 1, 22),
    )
    (abidjan,) = [v for v in _visit_events(story) if _name(story, v.destination) == "Abidjan"]
    assert abidjan.date.start == dt.date(2024, 1, 22)


def test_goods_worth_an_amount_sent_to_a_bloc_are_a_flow_to_it() -> None:
    flows = _flows(
        "China exported electric vehicles worth $11.5 billion to the European Union last "
        "year, up from $1.6 billion in 2020.",
        dt.date(2024, 6, 12),
    )
    flow = flows[("China", "European Union")]
    assert flow.goods == "electric vehicles" and flow.date.start == dt.date(2023, 1, 1)


def test_whose_its_is_in_a_trade_phrase_is_the_subject_of_the_clause_above_it() -> None:
    flows = _flows(
        "Australia shipped 5.2 million tonnes of thermal coal to China in January. Indonesia, "
        "which filled much of the gap, saw its coal sales to China fall 12% in January.",
        dt.date(2023, 2, 20),
    )
    assert set(flows) == {("Australia", "China"), ("Indonesia", "China")}
    assert flows[("Indonesia", "China")].figures[0].change_pct == -12


def test_arriving_in_a_part_of_a_country_is_a_trip_to_the_country_not_the_dateline() -> None:
    story = draft_story(
        "SEOUL, Sept 12 (Reuters) - North Korean leader Kim Jong Un arrived in Russia's Far East "
        "on Tuesday aboard his armoured train for a summit with President Vladimir Putin.\n\n"
        "Kim left Pyongyang on Sunday. He is expected to meet Putin at the Vostochny Cosmodrome "
        "in the Amur region on Wednesday, and may later visit Vladivostok and "
        "Komsomolsk-on-Amur, where Russia builds fighter jets.",
        date=dt.date(2023, 9, 12),
    )
    legs = [
        (_name(story, v.origin), _name(story, v.destination), v.date and v.date.start)
        for v in _visit_events(story)
    ]
    # Where he meets Putin is a stop on that day; the stops told as later follow it, in the
    # order told, on no day of its.
    assert legs == [
        ("Pyongyang", "Russia", dt.date(2023, 9, 12)),
        ("Russia", "Amur", dt.date(2023, 9, 13)),
        ("Amur", "Vladivostok", None),
        ("Vladivostok", "Komsomolsk-on-Amur", None),
    ]


def test_a_leg_joined_to_an_earlier_one_goes_on_from_the_stop_dated_between_them() -> None:
    story = draft_story(
        "BEIJING, April 14 (Reuters) - Brazilian President Luiz Inacio Lula da Silva met "
        "Chinese President Xi Jinping in Beijing on Friday.\n\nLula arrived in Shanghai on "
        "Wednesday night and will fly to the United Arab Emirates on Saturday.",
        date=dt.date(2023, 4, 14),
    )
    (uae,) = [v for v in _visit_events(story) if _name(story, v.origin) != "Brasília"][-1:]
    assert (_name(story, uae.origin), _name(story, uae.destination)) == (
        "Beijing",
        "United Arab Emirates",
    )
    assert "origin" in uae.inferred and uae.status == "scheduled"


def test_a_stop_a_day_before_a_meeting_is_made_the_day_before_and_the_next_leg_starts_there() -> (
    None
):
    story = draft_story(
        "OTTAWA, Sept 22 (Reuters) - Ukrainian President Volodymyr Zelenskiy met U.S. President "
        "Joe Biden at the White House on Thursday, a day after addressing a conference in "
        "Geneva, and then flew to Ottawa.\n\nZelenskiy's visit to Washington came as "
        "Republicans in Congress questioned further aid for Kyiv.",
        date=dt.date(2023, 9, 22),
    )
    legs = {
        _name(story, v.destination): (_name(story, v.origin), v.date and v.date.start)
        for v in _visit_events(story)
    }
    assert legs["Geneva"][1] == dt.date(2023, 9, 20)
    assert legs["Washington"] == ("Geneva", dt.date(2023, 9, 21))
    assert legs["Ottawa"][0] == "Washington"


def test_meeting_at_a_building_in_a_city_puts_the_guests_there() -> None:
    story = draft_story(
        "SAN DIEGO, March 13 (Reuters) - British Prime Minister Rishi Sunak and Australian Prime "
        "Minister Anthony Albanese met at a naval base in San Diego on Monday. Albanese flew "
        "to San Diego from India.",
        date=dt.date(2023, 3, 13),
    )
    visits = _visits(story)
    assert {("Rishi Sunak", "San Diego"), ("Anthony Albanese", "San Diego")} <= set(visits)
    assert _name(story, visits[("Anthony Albanese", "San Diego")].origin) == "India"
    # Not an occasion held somewhere: that says nothing of where anyone went.
    story = draft_story(
        "Sunak met Albanese at a dinner in San Diego on Monday.", date=dt.date(2023, 3, 13)
    )
    assert not _visit_events(story)


def test_an_attack_on_a_complex_named_after_a_town_is_an_attack_on_the_town() -> None:
    story = draft_story(
        "QUETTA, Pakistan, March 20 (Reuters) - Separatist militants attacked the Gwadar Port "
        "Authority complex in Pakistan's southwestern Balochistan province on Wednesday.\n\n"
        "Gwadar, on the Arabian Sea, is being developed by China as part of a flagship of "
        "Beijing's Belt and Road Initiative. The port was leased to China Overseas Port "
        "Holding Company in 2015 for 40 years.\n\nThe militants also targeted a naval air "
        "base in Turbat on Monday.",
        date=dt.date(2024, 3, 20),
    )
    conflicts = {
        e.title: [story.place(p).name for p in e.places]
        for e in story.events
        if isinstance(e, Conflict)
    }
    # As told: "attacked" is an attack; "targeted", strikes.
    assert conflicts == {"Attack on Gwadar": ["Gwadar"], "Strikes on Turbat": ["Turbat"]}
    # "The port" opening the sentence after one about Gwadar is Gwadar's, leased to a firm
    # named after its country.
    (port,) = [e for e in story.events if e.kind == "port"]
    assert (_name(story, port.port), _name(story, port.granted_to)) == ("Gwadar", "China")
    assert port.date.start == dt.date(2015, 1, 1)
    # Its excerpts begin with the sentence that named it.
    assert story.article.text[port.spans[0].start :].startswith("Gwadar, on the Arabian Sea")
    assert len(port.spans) == 2


def test_the_port_is_the_city_the_sentence_before_was_about_not_any_city_it_named() -> None:
    story = draft_story(
        "LIMA, Nov 14 (Reuters) - Xi, who arrived in Lima on Wednesday for the summit, joined "
        "President Dina Boluarte by video link for the ceremony. The port is majority-owned by "
        "China's state shipping giant Cosco.",
        date=dt.date(2024, 11, 14),
    )
    assert not [e for e in story.events if e.kind == "port"]


def test_an_offensive_launched_in_a_region_is_the_fighting_the_body_tells_there() -> None:
    story = draft_story(
        "Azerbaijan launches offensive in Nagorno-Karabakh\n\nBAKU, Sept 19 (Reuters) - "
        "Azerbaijan launched what it called anti-terrorist operations in Nagorno-Karabakh on "
        "Tuesday.",
        date=dt.date(2023, 9, 19),
    )
    (conflict,) = [e for e in story.events if isinstance(e, Conflict)]
    # One mark, called by the words of war, not by its maker's word for its foes.
    assert conflict.title == "Military operation in Nagorno-Karabakh by Azerbaijan"
    assert len(conflict.spans) == 2


def test_a_flow_told_with_the_share_it_is_of_a_whole_is_that_flow() -> None:
    flows = _flows(
        "Germany imported 7.8 million tonnes of Kazakh oil last year, about a tenth of its "
        "crude imports.",
        dt.date(2024, 9, 15),
    )
    (flow,) = flows.values()
    assert (flow.origin, flow.destination, flow.goods) == ("kazakhstan", "germany", "oil")


def test_a_leg_from_a_country_toured_starts_at_its_city_reached_last() -> None:
    story = draft_story(
        "WASHINGTON, June 23 (Reuters) - Indian Prime Minister Narendra Modi wrapped up a state "
        "visit to the United States on Friday and flew to Cairo for his first bilateral visit "
        "to Egypt.\n\nModi arrived in New York on Tuesday, where he led a yoga session at the "
        "United Nations headquarters, before travelling to Washington on Wednesday.",
        date=dt.date(2023, 6, 23),
    )
    assert _leg_pairs(story)[-1] == ("Washington", "Cairo")


def test_a_second_official_named_by_title_alone_after_the_first_shares_their_country() -> None:
    story = draft_story(
        "MANILA, July 8 (Reuters) - Japanese Foreign Minister Yoko Kamikawa and Defence "
        "Minister Minoru Kihara flew to Manila for the signing.",
        date=dt.date(2024, 7, 8),
    )
    assert set(_leg_pairs(story)) == {("Tokyo", "Manila")}
    assert len(_leg_pairs(story)) == 2


def test_an_amount_of_goods_bought_names_the_goods() -> None:
    flows = _flows(
        "China bought $29.25 billion of U.S. agricultural products in 2024, down 14% from a "
        "year earlier.",
        dt.date(2025, 3, 4),
    )
    (flow,) = flows.values()
    assert (flow.origin, flow.destination) == ("united-states", "china")
    assert flow.goods == "agricultural products"


def test_addressing_a_body_in_a_state_named_like_its_great_city_is_a_stop_in_the_city() -> None:
    story = draft_story(
        "WASHINGTON, Sept 26 (Reuters) - Ukrainian President Volodymyr Zelenskiy met U.S. "
        "President Joe Biden at the White House on Thursday to present his plan, a day after "
        "addressing the United Nations General Assembly in New York.\n\nZelenskiy, who arrived "
        "in the United States on Sunday, visited a factory in Scranton, Pennsylvania.",
        date=dt.date(2024, 9, 26),
    )
    legs = [
        (_name(story, v.origin), _name(story, v.destination), v.date and v.date.start)
        for v in _visit_events(story)
    ]
    # "a day after" hangs on the meeting's purpose; it still puts New York the day before.
    assert legs[-2:] == [
        ("Scranton", "New York City", dt.date(2024, 9, 25)),
        ("New York City", "Washington", dt.date(2024, 9, 26)),
    ]


def test_a_countrys_imports_keep_the_goods_they_were_told_to_be_of() -> None:
    flows = _flows(
        "India's imports of Russian oil rose to a record 2.2 million barrels per day in June. "
        "Imports from Iraq fell 10% to 800,000 bpd.",
        dt.date(2024, 7, 18),
    )
    iraq = flows[("Iraq", "India")]
    assert iraq.goods == "oil"
    assert (iraq.figures[0].value, iraq.figures[0].unit) == (800000.0, "barrels a day")


def test_a_day_a_tour_spends_in_one_of_its_countries_dates_that_stop_and_the_return_is_last() -> (
    None
):
    story = draft_story(
        "VATICAN CITY, May 28 (Reuters) - Pope Francis will visit Luxembourg and Belgium from "
        "Sept. 26 to 29, the Vatican said on Tuesday.\n\nThe pope will spend one day in "
        "Luxembourg on Sept. 26 before travelling to Brussels, where he will meet King "
        "Philippe. He will celebrate a Mass in Brussels on Sept. 29 before returning to Rome.",
        date=dt.date(2024, 5, 28),
    )
    legs = [
        (_name(story, v.origin), _name(story, v.destination), v.date and v.date.start)
        for v in _visit_events(story)
    ]
    assert legs[0] == ("Rome", "Luxembourg", dt.date(2024, 9, 26))
    assert legs[-1][:2] == ("Brussels", "Rome")
    (luxembourg,) = [v for v in _visit_events(story) if _name(story, v.destination) == "Luxembourg"]
    assert luxembourg.date.end == dt.date(2024, 9, 26)


def test_a_port_that_only_says_where_something_was_is_no_port_story() -> None:
    story = draft_story(
        "Houthi missile hits tanker off Yemen's Hodeidah\n\nDUBAI, Aug 21 (Reuters) - A "
        "missile fired by Yemen's Houthi movement hit a Greek-flagged oil tanker in the Red Sea "
        "on Wednesday, about 77 nautical miles west of the port of Hodeidah.",
        date=dt.date(2024, 8, 21),
    )
    assert not [e for e in story.events if e.kind == "port"]
    # The headline's attack is the body's one attack on shipping, where the ship was.
    (attack,) = [e for e in story.events if isinstance(e, Conflict)]
    assert attack.title == "Attacks on shipping in the Red Sea" and len(attack.spans) == 2


def test_goods_an_aside_names_are_a_flows_goods_but_a_role_is_not() -> None:
    flows = _flows(
        "China's imports rose 7.2%, boosted by purchases of chips from South Korea. Imports from "
        "Russia, mostly oil and gas, fell 6% in July to $10.4 billion. Imports from Iraq, "
        "traditionally China's top supplier, fell to 830,000 barrels per day.",
        dt.date(2024, 8, 7),
    )
    goods = {ends[0]: flow.goods for ends, flow in flows.items()}
    assert goods["Russia"] == "oil and gas"
    # Neither the chips bought elsewhere nor what Iraq is to China.
    assert goods["Iraq"] is None


def test_a_leg_told_as_later_goes_on_from_the_last_stop_however_far_back_it_was_told() -> None:
    story = draft_story(
        "BAGHDAD, April 22 (Reuters) - Turkish President Tayyip Erdogan arrived in Baghdad on "
        "Monday for his first visit to Iraq in more than a decade.\n\nErdogan held talks with "
        "Prime Minister Mohammed Shia al-Sudani, and the two governments signed an agreement. "
        "He later travelled to Erbil.",
        date=dt.date(2024, 4, 22),
    )
    assert _leg_pairs(story)[-1] == ("Baghdad", "Erbil")


def test_the_side_an_armed_act_noun_is_told_with_made_it() -> None:
    story = draft_story(
        "Hamas political leader Ismail Haniyeh was killed in an Israeli strike in Tehran "
        "early on Wednesday.",
        date=dt.date(2024, 7, 31),
    )
    (strike,) = [e for e in story.events if isinstance(e, Conflict)]
    assert strike.title == "Strike in Tehran by Israel"


def test_a_plant_named_for_its_maker_is_not_in_the_town_of_that_name() -> None:
    story = draft_story(
        "RALEIGH, North Carolina, April 12 (Reuters) - Japanese Prime Minister Fumio Kishida "
        "toured a Toyota battery plant in North Carolina on Friday.",
        date=dt.date(2024, 4, 12),
    )
    assert [dest for _, dest in _leg_pairs(story)] == ["North Carolina"]


def test_a_capital_opening_a_post_speaks_for_its_country_and_a_continent_holds_no_office() -> None:
    story = draft_story(
        "TOKYO, Jan 1 (Reuters) - Japan opened an embassy in Nouakchott, the capital of "
        "Mauritania, on Monday.\n\nTokyo also plans to open a consulate in Lubumbashi in the "
        "Democratic Republic of Congo later this year. China has embassies in 53 of Africa's "
        "54 countries.",
        date=dt.date(2024, 1, 1),
    )
    offices = {
        (e.organisation, _name(story, e.place), e.status)
        for e in story.events
        if e.kind == "institution"
    }
    assert offices == {
        ("Japan", "Nouakchott", "happened"),
        ("Japan", "Lubumbashi", "proposed"),
    }


def test_a_stop_made_on_the_way_to_an_arrival_sits_between_its_start_and_its_end() -> None:
    story = draft_story(
        "US Secretary of State Antony Blinken arrived in Beijing on Sunday for two days of "
        "talks.\n\nMr Blinken, who flew in from Washington after a stop in Tokyo, is expected "
        "to meet Foreign Minister Qin Gang.",
        date=dt.date(2023, 6, 18),
    )
    legs = {
        (_name(story, v.origin), _name(story, v.destination), v.status)
        for v in _visit_events(story)
    }
    assert legs == {("Washington", "Tokyo", "happened"), ("Tokyo", "Beijing", "happened")}


def test_a_tour_a_relative_clause_tells_takes_its_traveller_on_and_an_old_year_is_not_a_leg_s() -> (
    None
):
    story = draft_story(
        "Chinese President Xi Jinping arrived in Paris on Sunday at the start of his first "
        "European tour in five years, which will also take him to Serbia and Hungary.\n\nFrom "
        "France, Mr Xi flies to Belgrade, where he will mark the 25th anniversary of the Nato "
        "bombing of the Chinese embassy in 1999, and then to Budapest.",
        date=dt.date(2024, 5, 5),
    )
    legs = [
        (_name(story, v.origin), _name(story, v.destination), v.status, v.date)
        for v in _visit_events(story)
    ]
    assert legs[1:] == [
        ("Paris", "Belgrade", "scheduled", None),
        ("Belgrade", "Budapest", "scheduled", None),
    ]


def test_one_criticised_is_not_the_one_who_spoke() -> None:
    story = draft_story(
        "Indian Prime Minister Narendra Modi arrived in Kyiv on Friday. The trip comes six "
        "weeks after he was criticised in Kyiv for embracing Vladimir Putin during a visit to "
        "Moscow in July.",
        date=dt.date(2024, 8, 23),
    )
    assert not [e for e in story.events if isinstance(e, Statement)]


def test_a_rule_on_trade_names_no_pair_for_the_two_countries_told_next() -> None:
    flows = _flows(
        "US Secretary of State Antony Blinken arrived in Beijing on Sunday, the highest-level "
        "American visit to China in nearly five years. Relations have "
        "been strained over Taiwan, export controls on advanced semiconductors and China's ties "
        "with Russia. Trade between the two countries hit a record $690bn last year.",
        dt.date(2023, 6, 18),
    )
    assert set(flows) == {("China", "United States")}


def test_the_amount_a_flow_fell_from_is_not_its_latest_value() -> None:
    flows = _flows(
        "India's trade with Ukraine fell to $0.7bn in the last financial year from $3.4bn "
        "before the war, officials said.",
        dt.date(2024, 8, 23),
    )
    (flow,) = flows.values()
    assert [(f.value, f.period) for f in flow.figures] == [(0.7, "2023–2024"), (3.4, "")]


def test_its_purchases_are_the_subject_s_not_those_of_a_country_named_before() -> None:
    flows = _flows(
        "India has refused to condemn Russia's invasion and has sharply increased its "
        "purchases of Russian oil, which rose to about 1.9 million barrels a day last year.",
        dt.date(2024, 8, 23),
    )
    assert flows[("Russia", "India")].goods == "oil"


def test_a_bloc_s_imports_told_against_its_exports_flow_back() -> None:
    flows = _flows(
        "EU exports to Mercosur were worth €56bn in 2023, while the bloc imported €54bn of "
        "goods, mostly agricultural products.",
        dt.date(2024, 12, 6),
    )
    back = flows[("Mercosur", "European Union")]
    assert [f.value for f in back.figures] == [54.0]
    assert [f.value for f in flows[("European Union", "Mercosur")].figures] == [56.0]


def test_a_share_of_a_country_s_imports_is_shipped_to_that_country() -> None:
    flows = _flows(
        "Australia shipped A$124bn of iron ore to China last year, about 85% of its total iron "
        "ore exports. Saudi Arabia supplies about 40% of Japan's crude oil imports, shipping "
        "some 1.1 million barrels a day last year.",
        dt.date(2024, 3, 28),
    )
    assert flows[("Australia", "China")].goods == "iron ore"
    assert [f.value for f in flows[("Saudi Arabia", "Japan")].figures] == [1.1]


def test_a_ship_hit_by_a_missile_fired_by_rebels_is_an_attack_on_shipping() -> None:
    story = draft_story(
        "A Greek-flagged oil tanker was hit by a missile fired by Yemen's Houthi rebels in the "
        "Red Sea on Wednesday, officials said.",
        date=dt.date(2024, 8, 21),
    )
    (attack,) = [e for e in story.events if isinstance(e, Conflict)]
    assert (attack.title, [_name(story, p) for p in attack.parties]) == (
        "Attacks on shipping in the Red Sea by Yemen",
        ["Yemen"],
    )


def test_an_assault_the_model_hangs_on_its_verb_is_on_the_place_after_it() -> None:
    story = draft_story(
        "Sudan's paramilitary Rapid Support Forces (RSF) launched a major assault on El "
        "Fasher, the last army-held city in the western region of Darfur, on Friday.",
        date=dt.date(2024, 10, 26),
    )
    (assault,) = [e for e in story.events if isinstance(e, Conflict)]
    assert assault.title == "Assault on El Fasher"


def test_an_institution_a_continent_s_adjective_opens_is_not_the_continent() -> None:
    story = draft_story(
        "European Commission President Ursula von der Leyen flew to Montevideo. European "
        "leaders welcomed the deal.",
        date=dt.date(2024, 12, 6),
    )
    europe = [p for p in story.places if p.name == "Europe"]
    assert len(europe) == 1
    assert [s.text for s in europe[0].mentions] == ["European"]
    assert europe[0].mentions[0].start > 60


def test_a_counterpart_named_beside_the_noun_went_too_and_a_holiday_home_is_not_home() -> None:
    story = draft_story(
        "ROME, Nov 6 - Italian Prime Minister Giorgia Meloni and her Albanian counterpart Edi "
        "Rama signed an agreement in Rome on Monday under which Albania will host two centres "
        "for migrants.\n\nRama, who visited Meloni's holiday home in Puglia in August, said "
        "Albania owed Italy a debt for taking in Albanians in the 1990s.",
        date=dt.date(2023, 11, 6),
    )
    visits = {(_name(story, v.destination), v.date.start) for v in _visit_events(story)}
    assert visits == {("Rome", dt.date(2023, 11, 6)), ("Puglia", dt.date(2023, 8, 1))}
    # What he said of the 1990s was not said in the 1990s.
    (said,) = [e for e in story.events if isinstance(e, Statement)]
    assert said.date is None or said.date.start.year == 2023


def test_a_port_named_by_its_kind_beside_a_town_is_no_port_story() -> None:
    story = draft_story(
        "The centres, in the port of Shengjin and the inland town of Gjader, will be able to "
        "hold up to 3,000 people at a time and will be run by Italy.",
        date=dt.date(2023, 11, 6),
    )
    assert not [e for e in story.events if e.kind == "port"]


def test_a_halted_flow_is_none_and_the_one_that_replaced_it_is_drawn() -> None:
    flows = _flows(
        "Germany imported about 10 million tonnes of Kazakh oil last year, roughly 12% of its "
        "crude imports, after halting purchases of Russian oil following Moscow's invasion of "
        "Ukraine.",
        dt.date(2024, 9, 15),
    )
    assert list(flows) == [("Kazakhstan", "Germany")]


def test_a_leader_named_by_title_alone_in_a_story_filed_from_a_capital_is_that_country_s() -> None:
    story = draft_story(
        "LONDON, Dec 3 - Qatar's emir Sheikh Tamim bin Hamad Al Thani arrived in London on "
        "Tuesday for a two-day state visit to Britain.\n\nPrime Minister Keir Starmer will hold "
        "talks with Sheikh Tamim on Wednesday. The emir's visit follows a trip by Starmer to "
        "Saudi Arabia last month.",
        date=dt.date(2024, 12, 3),
    )
    (trip,) = [v for v in _visit_events(story) if _name(story, v.destination) == "Saudi Arabia"]
    assert _name(story, trip.origin) == "London" and "origin" in trip.inferred


def test_the_attack_told_again_is_the_one_told_before_and_says_where_it_struck() -> None:
    story = draft_story(
        "Israel strikes Hezbollah targets in Beirut after rocket attack on Golan\n\n"
        "BEIRUT, July 30 - Israel carried out a strike on Beirut's southern suburbs on Tuesday, "
        "targeting a commander it blamed for a rocket attack that killed 12 children and "
        "teenagers in the "
        "Israeli-occupied Golan Heights on Saturday.\n\nHezbollah has denied carrying out the "
        "attack on the town of Majdal Shams.",
        date=dt.date(2024, 7, 30),
    )
    acts = {
        e.name: ([_name(story, p) for p in e.places], e.date and e.date.start)
        for e in story.events
        if isinstance(e, Conflict) and e.name.split()[0] in ("Attack", "Strike", "Strikes")
    }
    assert acts == {
        "Strikes on Beirut by Israel": (["Beirut"], dt.date(2024, 7, 30)),
        "Attack on Golan Heights": (["Golan Heights", "Majdal Shams"], dt.date(2024, 7, 27)),
    }


def test_a_tour_s_list_the_model_breaks_up_and_legs_told_after_a_city_s_talks() -> None:
    story = draft_story(
        "JAKARTA, Nov 8 - Indonesian President Prabowo Subianto will leave for Beijing on "
        "Friday on the first leg of an overseas tour that will also take him to the United "
        "States, Peru, Brazil and Britain, the foreign ministry said.\n\nIn Beijing, Prabowo "
        "is scheduled to meet President Xi Jinping and Premier Li Qiang, before flying to "
        "Washington to meet President Joe Biden. He will then attend the Asia-Pacific Economic "
        "Cooperation summit in Lima and the Group of 20 summit in Rio de Janeiro.",
        date=dt.date(2024, 11, 8),
    )
    assert _leg_pairs(story) == [
        ("Jakarta", "Beijing"),
        ("Beijing", "Washington"),
        ("Washington", "Lima"),
        ("Lima", "Rio de Janeiro"),
        ("Rio de Janeiro", "United Kingdom"),
    ]


def test_trade_between_the_two_neighbours_is_the_pair_the_story_is_about() -> None:
    flows = _flows(
        "NEW DELHI, Oct 21 - India and China have reached an agreement on patrolling along "
        "their disputed border in the Ladakh region, India's foreign secretary said.\n\nTrade "
        "between the two neighbours reached $118 billion in the last fiscal year.",
        dt.date(2024, 10, 21),
    )
    (flow,) = flows.values()
    assert set(flows) == {("China", "India")}
    assert [(f.value, f.period) for f in flow.figures] == [(118.0, "2023–2024")]


def test_missiles_and_drones_fired_at_a_country_are_an_attack_on_it() -> None:
    story = draft_story(
        "KYIV, Aug 26 - Russia fired more than 100 missiles and about as many drones at "
        "Ukraine on Monday in one of the largest attacks of the war, Ukrainian officials said.",
        date=dt.date(2024, 8, 26),
    )
    (attack,) = [e for e in story.events if isinstance(e, Conflict)]
    assert attack.title == "Missile attack on Ukraine by Russia"


def test_an_outbreak_of_a_disease_s_strain_is_called_after_where_it_began() -> None:
    story = draft_story(
        "Mpox outbreak spreads to Kenya and Rwanda\n\nGENEVA, July 31 - An outbreak of a new "
        "strain of mpox that began in the Democratic Republic of Congo has spread to "
        "neighbouring countries including Burundi, Kenya, Rwanda and Uganda, the World Health "
        "Organization said on Wednesday.",
        date=dt.date(2024, 7, 31),
    )
    (outbreak,) = [e for e in story.events if e.kind == "disaster"]
    assert outbreak.title == "Mpox outbreak in the Democratic Republic of the Congo"
    assert {_name(story, p) for p in outbreak.places} == {
        "Kenya",
        "Rwanda",
        "Burundi",
        "Uganda",
        "Democratic Republic of the Congo",
    }


def test_one_flying_in_comes_to_the_region_others_arrived_in_for_a_summit() -> None:
    story = draft_story(
        "Leaders of the Group of Seven rich democracies arrived in southern Italy on Thursday "
        "for a three-day summit at a luxury resort in Puglia.\n\nU.S. President Joe Biden flew "
        "in from Paris, where he had attended D-Day commemorations in Normandy.",
        date=dt.date(2024, 6, 13),
    )
    (leg,) = [v for v in _visit_events(story) if _name(story, v.destination) == "Puglia"]
    assert _name(story, leg.origin) == "Paris"
    assert leg.note == "Destination not stated: where the article has the others arrive."
    (paris,) = [p for p in story.places if p.name == "Paris"]
    assert paris.country_code == "FR"


def test_a_trip_that_returns_to_the_traveller_s_country_began_at_its_capital() -> None:
    story = draft_story(
        "RABAT, Oct 28 - French President Emmanuel Macron arrived in Rabat on Monday for a "
        "three-day state visit to Morocco.\n\nOn Wednesday Macron will travel to Marrakech "
        "before returning to France.",
        date=dt.date(2024, 10, 28),
    )
    (arrival,) = [v for v in _visit_events(story) if _name(story, v.destination) == "Rabat"]
    assert _name(story, arrival.origin) == "Paris" and "origin" in arrival.inferred


def test_a_surname_the_model_reads_as_a_common_noun_is_still_its_person() -> None:
    story = draft_story(
        "Dozens of leaders attended the funeral of Pope Francis on Saturday, among them U.S. "
        "President Donald Trump.\n\nTrump and Zelensky held a brief meeting before the service, "
        "their first since a heated exchange in the Oval Office in February. Trump flew to "
        "Rome on Friday night and returned to "
        "Washington after the funeral.",
        date=dt.date(2025, 4, 26),
    )
    assert _leg_pairs(story) == [("Washington", "Rome"), ("Rome", "Washington")]


def test_a_visit_made_by_train_from_a_country_after_a_summit_elsewhere() -> None:
    story = draft_story(
        "South Korean president visits Kyiv in surprise trip\n\nSouth Korean President Yoon "
        "Suk Yeol made a surprise visit to Ukraine on Saturday, travelling by train from "
        "Poland after attending a NATO summit in Lithuania.\n\nYoon and his wife visited the "
        "towns of Bucha and Irpin near Kyiv before meeting President Volodymyr Zelensky.\n\n"
        "After Kyiv, Yoon returned to Poland before flying home to Seoul.",
        date=dt.date(2023, 7, 15),
    )
    assert _leg_pairs(story) == [
        ("Seoul", "Lithuania"),
        ("Poland", "Bucha"),
        ("Bucha", "Irpin"),
        ("Kyiv", "Poland"),
        ("Poland", "Seoul"),
    ]


def test_a_trip_vowed_is_no_trip_made_and_a_world_region_has_no_capital() -> None:
    story = draft_story(
        "CARACAS, Jan 10 - Nicolas Maduro was sworn in for a third term as Venezuela's "
        "president on Friday.\n\nVenezuelan opposition candidate Edmundo Gonzalez, who fled to "
        "Spain in September, has toured Latin America and met U.S. President Joe Biden in "
        "Washington this week. He had vowed to return to Caracas to take office.",
        date=dt.date(2025, 1, 10),
    )
    statuses = {_name(story, v.destination): v.status for v in _visit_events(story)}
    assert statuses["Spain"] == "happened"
    assert statuses["Caracas"] == "proposed"


def test_a_similar_pact_is_of_the_kind_told_before() -> None:
    story = draft_story(
        "Australia and Papua New Guinea sign security pact\n\nAustralia and Papua New Guinea "
        "signed a security treaty on Thursday under which Canberra will fund police.\n\nThe "
        "treaty follows a similar pact between China and the Solomon Islands "
        "signed in 2022.",
        date=dt.date(2024, 12, 12),
    )
    names = {e.name for e in story.events if isinstance(e, Alliance)}
    assert "similar pact" not in {n.lower() for n in names}
    assert len(names) == 2


def test_a_port_named_for_its_town_and_owned_by_a_country_s_firm() -> None:
    story = draft_story(
        "Xi inaugurates Chinese-funded megaport in Peru\n\nLIMA, Nov 14 - Chinese President Xi "
        "Jinping and Peruvian President Dina Boluarte inaugurated the $1.3 billion Chancay "
        "deep-water port on Thursday by video link from Lima.\n\nThe port, 80 km north of "
        "Lima, is majority-owned by China's state-run Cosco Shipping.",
        date=dt.date(2024, 11, 14),
    )
    (port,) = [e for e in story.events if e.kind == "port"]
    assert (_name(story, port.port), _name(story, port.granted_to)) == ("Chancay", "China")


def test_survivors_taken_to_a_port_make_no_port_story_and_it_sank_says_where() -> None:
    story = draft_story(
        "ATHENS, June 14 - At least 79 people drowned when a fishing boat packed with migrants "
        "capsized and sank off southern Greece early on Wednesday.\n\nThe boat had left Tobruk "
        "in eastern Libya bound for Italy, according to survivors. It sank about 47 nautical "
        "miles southwest of Pylos.\n\nSurvivors were taken to the port of Kalamata.",
        date=dt.date(2023, 6, 14),
    )
    assert not [e for e in story.events if e.kind == "port"]
    (wreck,) = [e for e in story.events if e.kind == "disaster"]
    names = {_name(story, p) for p in wreck.places}
    assert "Pýlos" in names and not names & {"Tobruk", "Libya", "Italy"}


def test_places_visited_many_times_are_no_itinerary() -> None:
    story = draft_story(
        "NARA, Japan, July 8 - Former Japanese Prime Minister Shinzo Abe was shot dead on "
        "Friday.\n\nAbe had visited Washington, Beijing and Moscow many times during his nearly "
        "nine years in office.",
        date=dt.date(2022, 7, 8),
    )
    assert {origin for origin, _ in _leg_pairs(story)} == {"Tokyo"}


def test_a_statement_is_not_placed_at_a_visit_months_before() -> None:
    story = draft_story(
        "CUPERTINO, California, Aug 1 - Apple reported quarterly revenue of $85.8 billion on "
        "Thursday.\n\nChief Executive Tim Cook, who visited Shanghai in March, said the company "
        "remained committed to China.",
        date=dt.date(2024, 8, 1),
    )
    assert not [
        e for e in story.events if isinstance(e, Statement) and _name(story, e.place) == "Shanghai"
    ]


def test_a_leader_named_by_title_alone_in_a_territory_s_capital_is_not_the_territory_s() -> None:
    story = draft_story(
        "MAMOUDZOU, Mayotte, Dec 16 - Cyclone Chido has killed at least 14 people in Mayotte, "
        "officials said on Monday.\n\nFrench President Emmanuel Macron said he would travel to "
        "Mayotte in the coming days. Prime Minister Francois Bayrou held a crisis meeting in "
        "Paris.",
        date=dt.date(2024, 12, 16),
    )
    assert [dest for _, dest in _leg_pairs(story)] == ["Mayotte"]


def test_leaders_who_agreed_to_meet_somewhere_are_scheduled_to_go() -> None:
    story = draft_story(
        "Ukrainian President Volodymyr Zelenskiy met U.S. President Donald Trump at the White "
        "House on Friday, a day after Trump spoke by phone with Russian President Vladimir "
        "Putin.\n\nTrump and Putin agreed in their call to meet in Budapest within two weeks.",
        date=dt.date(2025, 10, 17),
    )
    visits = _visit_events(story)
    assert {story.actor(v.actor).name for v in visits} == {"Donald Trump", "Vladimir Putin"}
    assert {v.status for v in visits} == {"scheduled"}


def test_a_visit_after_which_the_traveller_went_on_is_dated_by_its_own_phrase() -> None:
    story = draft_story(
        "Canadian Prime Minister Mark Carney met Mexican President Claudia Sheinbaum in Mexico "
        "City on Thursday.\n\nCarney travelled to Mexico after a visit to London and Warsaw "
        "last week.",
        date=dt.date(2025, 9, 18),
    )
    legs = {_name(story, v.destination): v for v in _visit_events(story)}
    assert [(_name(story, v.origin), d) for d, v in legs.items()] == [
        ("Ottawa", "London"),
        ("London", "Warsaw"),
        ("Warsaw", "Mexico City"),
    ]
    assert legs["London"].date.start == dt.date(2025, 9, 8)
    assert legs["Warsaw"].date.end == dt.date(2025, 9, 14)
    assert legs["Mexico City"].date.start == dt.date(2025, 9, 18)


def test_a_tour_told_stop_by_stop_keeps_its_last_stop_once_and_its_days() -> None:
    story = draft_story(
        "Indian Prime Minister Narendra Modi left New Delhi on Wednesday for an eight-day, "
        "five-nation tour that will take him to Ghana, Trinidad and Tobago, Argentina, Brazil "
        "and Namibia.\n\nIn Accra, Modi will hold talks with President John Dramani Mahama. From "
        "there he flies to Port of Spain on Thursday, and then to Buenos Aires.\n\nModi will "
        "attend the BRICS summit in Rio de Janeiro on July 6 and 7 before a state visit to "
        "Brasilia. He ends the tour in Windhoek, where he will address Namibia's parliament.",
        date=dt.date(2025, 7, 2),
    )
    assert _leg_pairs(story) == [
        ("New Delhi", "Accra"),
        ("Accra", "Port of Spain"),
        ("Port of Spain", "Buenos Aires"),
        ("Buenos Aires", "Rio de Janeiro"),
        ("Rio de Janeiro", "Brasília"),
        ("Brasília", "Windhoek"),
    ]
    legs = {_name(story, v.destination): v for v in _visit_events(story)}
    rio = legs["Rio de Janeiro"].date
    assert (rio.start, rio.end) == (dt.date(2025, 7, 6), dt.date(2025, 7, 7))
    assert legs["Brasília"].date is None  # after the summit, on no day told
    assert {v.status for v in legs.values()} == {"scheduled"}


def test_a_leader_who_came_for_a_summit_in_a_city_went_there_first() -> None:
    story = draft_story(
        "Chinese President Xi Jinping hosted Russian President Vladimir Putin at a military "
        "parade in Beijing on Wednesday marking 80 years since the end of World War Two.\n\n"
        "Putin came to China on Sunday for a summit of the Shanghai Cooperation Organisation "
        "in Tianjin.",
        date=dt.date(2025, 9, 3),
    )
    legs = {_name(story, v.destination): v for v in _visit_events(story)}
    assert [(_name(story, v.origin), d) for d, v in legs.items()] == [
        ("Moscow", "Tianjin"),
        ("Tianjin", "Beijing"),
    ]
    assert legs["Tianjin"].date.start == dt.date(2025, 8, 31)
    assert legs["Beijing"].date.start == dt.date(2025, 9, 3)
    # The bloc's name is no place of the story.
    assert "Shanghai" not in {p.name for p in story.places}


def test_what_a_trip_comes_after_is_no_trip_of_its_own() -> None:
    story = draft_story(
        "Indian Prime Minister Narendra Modi travelled overnight from Poland to Kyiv. The trip "
        "comes six weeks after he was criticised for embracing Vladimir Putin during a visit "
        "to Moscow in July.",
        date=dt.date(2024, 8, 23),
    )
    moscow = next(v for v in _visit_events(story) if _name(story, v.destination) == "Moscow")
    assert (moscow.status, moscow.date.start) == ("happened", dt.date(2024, 7, 1))


def test_the_first_word_after_a_dateline_stays_with_its_sentence() -> None:
    text = (
        "Japan and South Korea agree to deepen ties\n\nTOKYO, Aug 23 - South Korean President "
        "Lee Jae-myung met Japanese Prime Minister Shigeru Ishiba in Tokyo on Saturday, the "
        "first stop of a trip that will take him on to Washington for talks with President "
        "Donald Trump."
    )
    sentences = [s.text.strip() for s in nlp()(text).sents]
    assert any(s.startswith("South Korean President Lee") for s in sentences)
    story = draft_story(text, date=dt.date(2025, 8, 23))
    # The trip is his who met someone where he went, not his host's.
    assert _leg_pairs(story) == [("Seoul", "Tokyo"), ("Tokyo", "Washington")]
    assert {story.actor(v.actor).name for v in _visit_events(story)} == {"Lee Jae-myung"}


def test_a_trip_ended_after_a_leg_ahead_is_ahead_on_the_day_told_where_it_ends() -> None:
    story = draft_story(
        "French President Emmanuel Macron arrived in Vietnam on Sunday evening.\n\nHe then "
        "travels to Jakarta on Wednesday for talks with President Prabowo Subianto, before "
        "ending the trip in Singapore, where he is due to deliver the keynote speech at a "
        "security forum on Friday.",
        date=dt.date(2025, 5, 25),
    )
    legs = {_name(story, v.destination): v for v in _visit_events(story)}
    singapore = legs["Singapore"]
    assert (_name(story, singapore.origin), singapore.status) == ("Jakarta", "scheduled")
    assert singapore.date.start == dt.date(2025, 5, 30)


def test_two_way_trade_is_between_the_two_countries_its_sentence_names() -> None:
    flows = _flows(
        "Japan and South Korea signed a currency swap agreement in 2023, and two-way trade "
        "was worth about $77 billion last year.",
        dt.date(2025, 8, 23),
    )
    assert set(flows) == {("Japan", "South Korea")}


def test_a_migration_minister_of_a_country_sets_out_from_its_capital() -> None:
    story = draft_story(
        "ATHENS, July 7 - Greece's migration minister Thanos Plevris flew to Benghazi on "
        "Sunday for talks with eastern Libyan commander Khalifa Haftar.",
        date=dt.date(2025, 7, 7),
    )
    assert _leg_pairs(story) == [("Athens", "Benghazi")]


def test_leaders_who_attended_the_summit_of_the_datelines_city_went_there() -> None:
    story = draft_story(
        "JOHANNESBURG, Nov 22 - Leaders of the Group of 20 major economies gathered on "
        "Saturday for the first G20 summit held in Africa.\n\nSouth African President Cyril "
        "Ramaphosa opened the summit, which was attended by Chinese Premier Li Qiang and "
        "Brazil's President Luiz Inacio Lula da Silva.",
        date=dt.date(2025, 11, 22),
    )
    assert sorted(_leg_pairs(story)) == [
        ("Beijing", "Johannesburg"),
        ("Brasília", "Johannesburg"),
    ]
    # Filed from elsewhere, the summit's place is not the dateline's.
    elsewhere = draft_story(
        "WASHINGTON, Nov 22 - The summit, which was attended by Chinese Premier Li Qiang, "
        "ended in Johannesburg.",
        date=dt.date(2025, 11, 22),
    )
    assert ("Beijing", "Washington") not in _leg_pairs(elsewhere)


def test_the_stops_a_tour_under_way_takes_him_to_are_ahead_and_go_on_from_each_other() -> None:
    story = draft_story(
        "HANOI, April 14 - Chinese President Xi Jinping arrived in Hanoi on Monday for a "
        "two-day state visit, the first stop of a regional tour that also takes him to "
        "Malaysia and Cambodia.\n\nXi will fly to Kuala Lumpur on Tuesday and on to Phnom Penh "
        "on Thursday.",
        date=dt.date(2025, 4, 14),
    )
    assert _leg_pairs(story) == [
        ("Beijing", "Hanoi"),
        ("Hanoi", "Kuala Lumpur"),
        ("Kuala Lumpur", "Phnom Penh"),
    ]
    legs = {_name(story, v.destination): v for v in _visit_events(story)}
    assert legs["Phnom Penh"].date.start == dt.date(2025, 4, 17)
    assert [v.status for v in legs.values()] == ["happened", "scheduled", "scheduled"]


def test_a_leg_after_a_stay_starts_where_the_stay_is_not_at_the_stop_before_it() -> None:
    story = draft_story(
        "TOKYO, Oct 27 - U.S. President Donald Trump arrived in Tokyo on Monday from Kuala "
        "Lumpur, where he attended the ASEAN summit.\n\nTrump will meet Japan's new Prime "
        "Minister Sanae Takaichi on Tuesday before flying to Busan, South Korea, where he is "
        "due to hold talks with Chinese President Xi Jinping on Thursday.",
        date=dt.date(2025, 10, 27),
    )
    legs = {_name(story, v.destination): v for v in _visit_events(story)}
    busan = legs["Busan"]
    assert _name(story, busan.origin) == "Tokyo"
    # The day of the talks he is due to hold there.
    assert (busan.status, busan.date.start) == ("scheduled", dt.date(2025, 10, 30))


def test_a_share_down_from_an_earlier_one_is_no_change_in_the_flow() -> None:
    flows = _flows(
        "Russia supplied about 19% of the EU's gas imports last year, down from 45% before "
        "the full-scale invasion of Ukraine in 2022.",
        dt.date(2025, 10, 20),
    )
    assert all(f.change_pct != -45 for t in flows.values() for f in t.figures)


def test_a_stop_the_following_day_near_a_city_is_the_day_after_the_one_told_ahead() -> None:
    story = draft_story(
        "BERLIN, Dec 2 - German Chancellor Friedrich Merz will travel to China next week, with "
        "stops in Beijing and Shanghai.\n\nMerz will meet President Xi Jinping in Beijing on "
        "Dec 9, before visiting a Volkswagen plant near Shanghai the following day.",
        date=dt.date(2025, 12, 2),
    )
    legs = {_name(story, v.destination): v for v in _visit_events(story)}
    assert _leg_pairs(story) == [("Berlin", "Beijing"), ("Beijing", "Shanghai")]
    assert legs["Beijing"].date.start == dt.date(2025, 12, 9)
    assert legs["Shanghai"].date.start == dt.date(2025, 12, 10)


def test_the_first_leader_to_visit_since_another_is_the_trip_being_made() -> None:
    story = draft_story(
        "HANOI, May 26 (AFP) - French President Emmanuel Macron arrived in Hanoi on Sunday "
        "night at the start of a week-long tour of Southeast Asia that will also take him to "
        "Indonesia and Singapore.\n\n"
        "Macron, the first French president to visit Vietnam since Francois Hollande in "
        "2016, will meet Communist Party chief To Lam on Monday.\n\n"
        "In Jakarta, Macron will hold talks with President Prabowo Subianto. He will end the "
        "trip at the Shangri-La Dialogue security forum in Singapore, where he is due to give "
        "the keynote speech on Friday.",
        date=dt.date(2025, 5, 26),
    )
    legs = [
        (_name(story, v.origin), _name(story, v.destination), v.status, v.date and v.date.start)
        for v in _visit_events(story)
    ]
    # Not a trip to Vietnam in 2016, still ahead: the record is the trip now made.
    assert [leg[:3] for leg in legs] == [
        ("Paris", "Hanoi", "happened"),
        ("Hanoi", "Jakarta", "scheduled"),
        ("Jakarta", "Singapore", "scheduled"),
    ]
    assert legs[0][3] == dt.date(2025, 5, 25)
    # The trip ends "at" the forum in Singapore, on the day of what he does there.
    assert legs[2][3] == dt.date(2025, 5, 30)
    # The forum is named after a hotel, not the Chinese city of Shangri-La.
    assert "Shangri-La" not in {p.name for p in story.places}


def test_a_last_leg_the_model_hangs_on_an_aside_is_still_the_travellers() -> None:
    story = draft_story(
        "Brazilian President Luiz Inacio Lula da Silva left Brasilia on Monday for a tour "
        "of Africa.\n\nLula arrives in Luanda on Tuesday. From Luanda he flies to Sao Tome "
        "for a summit of the Community of Portuguese Language Countries, the nine-member "
        "bloc that also includes Portugal, Cape Verde and East Timor, before ending the trip "
        "in Maputo on Friday.",
        date=dt.date(2023, 8, 21),
    )
    legs = {
        _name(story, v.destination): (_name(story, v.origin), v.status, v.date and v.date.start)
        for v in _visit_events(story)
    }
    # A capital the model took for an organisation, where a place goes, is the capital.
    assert legs["São Tomé"][0] == "Luanda"
    # The Friday ahead, as the timetable the sentence tells.
    assert legs["Maputo"] == ("São Tomé", "scheduled", dt.date(2023, 8, 25))


def test_what_a_deal_adds_to_trade_is_no_figure_of_trade() -> None:
    story = draft_story(
        "India and Britain signed a free trade agreement in London on Thursday. The deal is "
        "expected to increase bilateral trade by 25.5 billion pounds ($34 billion) by 2040, "
        "the British government said. Trade between the two countries stood at about 42.6 "
        "billion pounds last year.",
        date=dt.date(2025, 7, 24),
    )
    (trade,) = [e for e in story.events if isinstance(e, Trade)]
    assert [(f.value, f.unit, f.period) for f in trade.figures] == [(42.6, "GBP bn", "2024")]


def test_changes_told_in_words_are_the_percentages_they_say() -> None:
    story = draft_story(
        "BEIJING, June 20 - China's exports of rare earth magnets to the United States fell "
        "93% in May from a year earlier, customs data showed on Friday.\n\nShipments to "
        "Germany dropped by about a third, while exports to India more than halved.",
        date=dt.date(2025, 6, 20),
    )
    changes = {
        _name(story, t.destination): [f.change_pct for f in t.figures]
        for t in story.events
        if isinstance(t, Trade)
    }
    assert changes == {"United States": [-93.0], "Germany": [-33.3], "India": [-50.0]}
    # A doubling told as done is +100%; one only aimed at is no change yet.
    assert [p.value for p in percents("Exports doubled to $5bn.")] == [100.0]
    assert percents("The two sides aim to double trade by 2030.") == []
    assert [(p.value, p.approximate) for p in percents("fell by nearly a quarter")] == [
        (25.0, True)
    ]


def test_a_visit_told_in_a_where_clause_is_to_the_place_the_clause_is_about() -> None:
    story = draft_story(
        "NEW DELHI, Aug 19 - Indian Prime Minister Narendra Modi will visit Kyiv on Friday, "
        "the foreign ministry said on Monday.\n\nModi will travel to Kyiv by train from "
        "Poland, where he will be on a two-day visit starting Wednesday.",
        date=dt.date(2024, 8, 19),
    )
    legs = [
        (_name(story, v.origin), _name(story, v.destination), v.status, v.date and v.date.start)
        for v in _visit_events(story)
    ]
    assert ("New Delhi", "Poland", "scheduled", dt.date(2024, 8, 21)) in legs
    assert ("Poland", "Kyiv", "scheduled", dt.date(2024, 8, 23)) in legs


def test_what_a_deal_is_to_supply_takes_no_month_an_earlier_sentence_gave() -> None:
    story = draft_story(
        "Russia quit the grain deal in July, saying its own exports of food and fertiliser "
        "were being held back.\n\nPutin said Russia was close to completing an agreement to "
        "supply 1 million tonnes of grain at a discount to Turkey for processing and onward "
        "shipment to poorer countries.",
        date=dt.date(2023, 9, 4),
    )
    flows = [t for t in story.events if isinstance(t, Trade) and t.figures]
    assert [(t.goods, [f.period for f in t.figures]) for t in flows] == [(None, ["2023"])]


def test_a_town_visited_in_the_country_arrived_in_is_no_leg_from_the_country() -> None:
    story = draft_story(
        "ASTANA, Sept 16 - German Chancellor Olaf Scholz arrived in Uzbekistan on Sunday at "
        "the start of a three-day trip to Central Asia, signing a migration agreement in "
        "Samarkand before flying to Kazakhstan.\n\nIn Astana on Monday, Scholz met President "
        "Kassym-Jomart Tokayev. He will return to Berlin on Tuesday.",
        date=dt.date(2024, 9, 16),
    )
    legs = [(_name(story, v.origin), _name(story, v.destination)) for v in _visit_events(story)]
    assert legs[0] == ("Berlin", "Samarkand")
    assert ("Samarkand", "Astana") in legs


def test_a_trip_the_first_since_a_year_is_not_a_trip_in_that_year() -> None:
    story = draft_story(
        "ASTANA, July 3 (Reuters) - Chinese President Xi Jinping arrived in Astana on "
        "Tuesday for a summit of the Shanghai Cooperation Organisation.\n\nAfter the summit, "
        "Xi will pay a state visit to Tajikistan from Thursday to Saturday, his first trip to "
        "Dushanbe since 2019.\n\nKim arrived in Beijing by armoured train on Tuesday, his "
        "first trip to China since 2019.",
        date=dt.date(2024, 7, 3),
    )
    trips = {
        (story.actor(v.actor).name, _name(story, v.destination)): (
            _name(story, v.origin),
            v.date and (v.date.start, v.date.end),
        )
        for v in _visit_events(story)
    }
    assert trips[("Xi Jinping", "Dushanbe")] == (
        "Astana",
        (dt.date(2024, 7, 4), dt.date(2024, 7, 6)),
    )
    assert [when for (who, _), (_, when) in trips.items() if who == "Kim"] == [
        (dt.date(2024, 7, 2), dt.date(2024, 7, 2))
    ]


def test_two_people_the_model_makes_each_a_subject_both_travel() -> None:
    story = draft_story(
        "KYIV, Sept 11 - British Foreign Secretary David Lammy and U.S. Secretary of State "
        "Antony Blinken arrived in Kyiv by overnight train from Poland on Wednesday.",
        date=dt.date(2024, 9, 11),
    )
    assert set(_visits(story)) == {("David Lammy", "Kyiv"), ("Antony Blinken", "Kyiv")}


def test_the_days_of_a_stay_are_no_place_the_trip_set_out_from() -> None:
    story = draft_story(
        "VATICAN CITY, Oct 7 - Pope Leo will travel to Turkey from Nov 27 to 30 and then to "
        "Lebanon until Dec 2, the Vatican said on Tuesday.\n\nIn Turkey, Leo will visit "
        "Iznik, the ancient town of Nicaea. He will also meet President Tayyip Erdogan in "
        "Ankara and visit Istanbul.",
        date=dt.date(2025, 10, 7),
    )
    legs = [(_name(story, v.origin), _name(story, v.destination)) for v in _visit_events(story)]
    # Not a trip from Lebanon: "from Nov 27" is when. The town visited "in Turkey" is the
    # stop, not the country the sentence opens with.
    assert "Lebanon" not in {origin for origin, _ in legs}
    destinations = [destination for _, destination in legs]
    assert destinations[0] in ("Iznik", "İznik", "Nicaea")
    assert destinations[1:] == ["Ankara", "Istanbul", "Lebanon"]


def test_words_renaming_a_port_hung_on_the_city_before_them_make_no_port_of_it() -> None:
    story = draft_story(
        "LIMA, Nov 14 - Xi Jinping and Dina Boluarte inaugurated the $3.5 billion deep-water "
        "port of Chancay on Thursday by video link from the presidential palace in Lima, the "
        "first major Chinese-controlled port in South America.",
        date=dt.date(2024, 11, 14),
    )
    ports = [e for e in story.events if e.kind == "port"]
    assert [_name(story, p.port) for p in ports] == ["Chancay"]


def test_where_a_trip_set_out_from_is_the_town_its_from_names() -> None:
    story = draft_story(
        "KYIV, May 10 - French President Emmanuel Macron and Polish Prime Minister Donald "
        "Tusk arrived in Kyiv on Saturday.\n\nThe two leaders travelled together overnight "
        "from Poland's border town of Przemysl.",
        date=dt.date(2025, 5, 10),
    )
    assert {_name(story, v.origin) for v in _visit_events(story)} == {"Przemyśl"}


def test_a_countrys_own_town_is_no_leg_from_the_country() -> None:
    story = draft_story(
        "Wang Yi visits Pakistan and Afghanistan amid India tensions\n\nISLAMABAD, Aug 21 - "
        "Chinese Foreign Minister Wang Yi arrived in Islamabad on Thursday after a two-day "
        "trip to Kabul, where he met Taliban officials.",
        date=dt.date(2025, 8, 21),
    )
    legs = {_name(story, v.destination): _name(story, v.origin) for v in _visit_events(story)}
    assert legs["Kabul"] != "Afghanistan"
    assert legs["Islamabad"] == "Kabul"


def test_people_met_in_two_cities_in_a_sentence_are_two_stops() -> None:
    story = draft_story(
        "BERLIN, Oct 11 - Ukrainian President Volodymyr Zelenskiy met German Chancellor Olaf "
        "Scholz in Berlin on Friday.\n\nZelenskiy met British Prime Minister Keir Starmer in "
        "London on Wednesday and French President Emmanuel Macron in Paris later that day.",
        date=dt.date(2024, 10, 11),
    )
    legs = [(_name(story, v.origin), _name(story, v.destination)) for v in _visit_events(story)]
    assert ("London", "Paris") in legs


def test_a_travel_verb_the_model_reads_as_a_plural_noun_is_still_travel() -> None:
    story = draft_story(
        "RIYADH, May 13 - U.S. President Donald Trump arrived in Saudi Arabia on Tuesday, "
        "kicking off a four-day tour of the Gulf that will also take him to Qatar and the "
        "United Arab Emirates.\n\nCrown Prince Mohammed bin Salman greeted Trump at Riyadh's "
        "King Khalid International Airport.\n\nTrump travels to Doha on Wednesday and to Abu "
        "Dhabi on Thursday.",
        date=dt.date(2025, 5, 13),
    )
    legs = {
        _name(story, v.destination): (_name(story, v.origin), v.status, v.date and v.date.start)
        for v in _visit_events(story)
    }
    # "Trump travels" read as a compound noun: still his leg, on the Wednesday ahead.
    assert legs["Doha"] == ("Riyadh", "scheduled", dt.date(2025, 5, 14))


def test_a_visit_an_invitation_someone_carries_is_for_is_not_the_carriers() -> None:
    story = draft_story(
        "WASHINGTON, Feb 27 - British Prime Minister Keir Starmer arrived in Washington on "
        "Wednesday evening for talks with President Donald Trump, carrying an invitation from "
        "King Charles for a state visit to Britain.\n\nXi accepted an invitation to visit "
        "Washington.",
        date=dt.date(2025, 2, 27),
    )
    trips = {k: v.status for k, v in _visits(story).items()}
    assert trips == {("Keir Starmer", "Washington"): "happened", ("Xi", "Washington"): "proposed"}


def test_a_trip_long_over_is_no_start_for_the_stops_of_the_one_under_way() -> None:
    story = draft_story(
        "KYIV, Aug 23 - Indian Prime Minister Narendra Modi arrived in Kyiv on Friday after "
        "a ten-hour overnight train journey from Poland.\n\nModi, who visited Moscow in July, "
        "will hold talks with President Volodymyr Zelenskiy. He spent two days in Warsaw "
        "before travelling to the Polish border town of Przemysl, where he boarded the train.",
        date=dt.date(2024, 8, 23),
    )
    legs = {_name(story, v.destination): _name(story, v.origin) for v in _visit_events(story)}
    # Not on from Moscow a month before; and into Kyiv from the last Polish town on the way.
    assert legs["Warsaw"] != "Moscow"
    assert legs["Przemyśl"] == "Warsaw"
    assert legs["Kyiv"] == "Przemyśl"


def test_a_landing_told_after_the_arrival_is_that_arrival_and_says_where_from() -> None:
    story = draft_story(
        "JAKARTA, Sept 3 - Pope Francis arrived in Indonesia on Tuesday at the start of a "
        "12-day tour of Asia.\n\nThe pontiff will stay in Jakarta until Friday.\n\nFrancis "
        "landed at Jakarta's Soekarno-Hatta airport after a 13-hour flight from Rome.",
        date=dt.date(2024, 9, 3),
    )
    (jakarta,) = _visit_events(story)
    assert _name(story, jakarta.destination) == "Jakarta"
    assert _name(story, jakarta.origin) == "Rome"
    assert (jakarta.date.start, jakarta.status) == (dt.date(2024, 9, 3), "happened")


def test_towns_visited_in_a_where_clause_and_a_trips_end_are_stops_of_their_own() -> None:
    story = draft_story(
        "JAKARTA, Sept 3 - Pope Francis arrived in Jakarta on Tuesday.\n\nHe will stay in "
        "Jakarta until Friday, when he flies to Papua New Guinea, where he will visit Port "
        "Moresby and the remote town of Vanimo. He then travels to East Timor and ends the "
        "trip in Singapore on Sept. 13.",
        date=dt.date(2024, 9, 3),
    )
    legs = [
        (_name(story, v.origin), _name(story, v.destination), v.date and v.date.start)
        for v in _visit_events(story)
    ]
    assert legs[1:] == [
        ("Jakarta", "Port Moresby", dt.date(2024, 9, 6)),
        ("Port Moresby", "Vanimo", None),
        ("Vanimo", "Timor-Leste", None),  # the 13th is the trip's end, in Singapore
        ("Timor-Leste", "Singapore", dt.date(2024, 9, 13)),
    ]


def test_a_city_the_model_runs_into_the_words_after_it_is_still_where_she_flew() -> None:
    story = draft_story(
        "MONTEVIDEO, Dec 6 - The European Union and Mercosur concluded a trade deal on "
        "Friday.\n\nEuropean Commission President Ursula von der Leyen flew to Montevideo for "
        "the Mercosur summit and announced the deal alongside the presidents of Brazil.",
        date=dt.date(2024, 12, 6),
    )
    assert ("Ursula von der Leyen", "Montevideo") in _visits(story)


def test_he_after_a_man_no_one_names_is_not_the_official_named_before() -> None:
    story = draft_story(
        "Health Secretary Francisco Duque said six of the cases were in people who had "
        "returned from abroad. Russia reported its first case, in a 28-year-old man. The man "
        "passed a medical check when he arrived at Moscow's Sheremetyevo airport on Monday.",
        date=dt.date(2009, 5, 25),
    )
    assert _visit_events(story) == []
    # Named, the traveller who lands at a city's airport arrives in the city.
    story = draft_story(
        "Health Secretary Francisco Duque said six of the cases were in people who had "
        "returned from abroad. Duque arrived at Moscow's Sheremetyevo airport on Monday.",
        date=dt.date(2009, 5, 25),
    )
    assert list(_visits(story)) == [("Francisco Duque", "Moscow")]


def test_kin_who_landed_with_a_traveller_share_the_family_name_and_the_day() -> None:
    story = draft_story(
        "HANOI, May 25 - French President Emmanuel Macron arrived in Vietnam on Sunday "
        "evening.\n\nMacron and his wife Brigitte landed at Noi Bai airport in Hanoi, where "
        "they were welcomed by officials. On Monday he will meet Communist Party chief To "
        "Lam and visit the Hanoi University of Science and Technology.",
        date=dt.date(2025, 5, 25),
    )
    trips = _visits(story)
    assert set(trips) == {("Emmanuel Macron", "Hanoi"), ("Brigitte Macron", "Hanoi")}
    # One stay in Hanoi for him, from the Sunday of the arrival to the Monday's meeting; his
    # wife's leg is the landing they made together.
    macron = trips["Emmanuel Macron", "Hanoi"]
    assert (macron.date.start, macron.date.end) == (dt.date(2025, 5, 25), dt.date(2025, 5, 26))
    assert trips["Brigitte Macron", "Hanoi"].date == macron.date


def test_a_day_told_after_a_stay_of_that_trip_is_the_one_after_it() -> None:
    story = draft_story(
        "LONDON, July 24 - India and Britain signed a free trade agreement on Thursday during "
        "Prime Minister Narendra Modi's visit to London.\n\nModi met British Prime Minister "
        "Keir Starmer at Chequers before travelling on to the Maldives on Friday.",
        date=dt.date(2025, 7, 24),
    )
    legs = {
        _name(story, v.destination): (_name(story, v.origin), v.status, v.date.start)
        for v in _visit_events(story)
    }
    assert legs["Maldives"] == ("London", "scheduled", dt.date(2025, 7, 25))


def test_the_last_word_of_a_name_the_model_left_out_is_still_the_name() -> None:
    story = draft_story(
        "Myanmar's junta leader Min Aung Hlaing visited Beijing in November and met Chinese "
        "Premier Li Qiang.",
        date=dt.date(2025, 6, 5),
    )
    assert ("Min Aung Hlaing", "Beijing") in _visits(story)


def test_troops_visited_near_a_town_and_a_flight_to_the_first_stop_told_next() -> None:
    story = draft_story(
        "KYIV, Sept 22 - Ukrainian President Volodymyr Zelenskiy visited troops near the "
        "eastern city of Pokrovsk on Saturday before flying to the United States, where he "
        "will present a plan to President Joe Biden.\n\nZelenskiy will first visit an arms "
        "factory in Scranton, Pennsylvania, on Sunday.",
        date=dt.date(2024, 9, 22),
    )
    legs = [
        (_name(story, v.origin), _name(story, v.destination), v.date.start)
        for v in _visit_events(story)
    ]
    assert legs == [
        (None, "Pokrovsk", dt.date(2024, 9, 21)),
        ("Pokrovsk", "Scranton", dt.date(2024, 9, 22)),
    ]


def test_a_price_per_barrel_is_no_flow_of_that_value() -> None:
    flows = _flows(
        "China's crude oil imports from Russia rose 24% to a record 107 million tonnes in "
        "2023.\n\nIndia also raised its purchases of Russian oil, which is capped at $60 a "
        "barrel by the Group of Seven.",
        dt.date(2024, 1, 20),
    )
    assert list(flows) == [("Russia", "China")]


def test_where_a_trip_began_is_its_first_stop_not_on_from_the_last_told() -> None:
    story = draft_story(
        "HANOI, March 29 - Brazilian President Luiz Inacio Lula da Silva ended a week-long "
        "Asian tour in Vietnam on Saturday, after visits to Japan and Indonesia.\n\nLula "
        "began the trip in Tokyo, where he met Emperor Naruhito. From there he flew to Jakarta "
        "for talks with President Prabowo Subianto.\n\nHe returns to Brasilia on Sunday.",
        date=dt.date(2025, 3, 29),
    )
    legs = {_name(story, v.destination): _name(story, v.origin) for v in _visit_events(story)}
    assert legs["Tokyo"] != "Hanoi"
    assert legs["Jakarta"] == "Tokyo"
    assert legs["Hanoi"] == "Jakarta"
    assert legs["Brasília"] == "Hanoi"
    # Told in the order they were made: the start from home (a guess) before the return.
    order = [_name(story, v.destination) for v in _visit_events(story)]
    assert order == ["Tokyo", "Jakarta", "Hanoi", "Brasília"]


def test_the_purchase_of_a_port_is_a_deal_not_a_trade_flow() -> None:
    flows = _flows(
        "India's Adani Ports and Israel's Gadot Group completed the $1.18 billion purchase of "
        "the port of Haifa, Israel's largest, the companies said on Tuesday.",
        dt.date(2023, 1, 10),
    )
    assert flows == {}


def test_a_trip_a_day_after_a_summit_in_a_city_sets_out_from_that_city() -> None:
    story = draft_story(
        "MARSEILLE, France, Feb 12 - French President Emmanuel Macron and Indian Prime "
        "Minister Narendra Modi travelled together to Marseille on Wednesday, a day after "
        "co-chairing an artificial intelligence summit in Paris.",
        date=dt.date(2025, 2, 12),
    )
    legs = {
        story.actor(v.actor).name: (_name(story, v.origin), _name(story, v.destination))
        for v in _visit_events(story)
    }
    assert legs == {
        "Emmanuel Macron": ("Paris", "Marseille"),
        "Narendra Modi": ("Paris", "Marseille"),
    }


def test_someone_attending_a_meeting_in_a_city_arrives_elsewhere_from_it() -> None:
    story = draft_story(
        "ISTANBUL, May 16 - U.S. Secretary of State Marco Rubio, attending a NATO meeting in "
        "Antalya, arrived in Istanbul on Friday.",
        date=dt.date(2025, 5, 16),
    )
    legs = {_name(story, v.destination): _name(story, v.origin) for v in _visit_events(story)}
    assert legs["Istanbul"] == "Antalya"


def test_the_two_leaders_expected_to_meet_in_a_region_go_there() -> None:
    story = draft_story(
        "SEOUL, Sept 12 - North Korean leader Kim Jong Un arrived in Russia on Tuesday for a "
        "summit with President Vladimir Putin.\n\nThe two leaders are expected to meet at the "
        "Vostochny Cosmodrome in the Amur region on Wednesday.",
        date=dt.date(2023, 9, 12),
    )
    amur = _visits(story)["Kim Jong Un", "Amur"]
    assert (amur.status, amur.date.start) == ("scheduled", dt.date(2023, 9, 13))


def test_people_visited_at_a_hospital_in_a_city_are_a_visit_to_the_city() -> None:
    story = draft_story(
        "MARRAKECH, Sept 14 - A powerful earthquake struck Morocco late on Friday.\n\nKing "
        "Mohammed VI visited injured people at a hospital in Marrakech on Tuesday.",
        date=dt.date(2023, 9, 14),
    )
    assert list(_visits(story)) == [("King Mohammed VI", "Marrakech")]


def test_an_amount_told_of_another_country_is_not_the_flows() -> None:
    flows = _flows(
        "India imported a record 2.2 million barrels per day of Russian crude oil in June.\n\n"
        "Russia supplied about 44% of India's oil imports last month, ahead of Iraq at 1 "
        "million bpd and Saudi Arabia at 590,000 bpd.",
        dt.date(2024, 7, 19),
    )
    values = [f.value for f in flows["Russia", "India"].figures if f.unit.endswith("a day")]
    assert 1.0 not in values and 1_000_000.0 not in values
    # What a rate bought is of: "barrels per day of Russian crude oil".
    assert flows["Russia", "India"].goods == "crude oil"


def test_the_two_men_are_the_traveller_and_the_one_he_met_and_the_town_keeps_its_name() -> None:
    story = draft_story(
        "Pope Leo XIV landed in Ankara on Thursday at the start of a trip to Turkey and "
        "Lebanon.\n\nOn Friday he will fly to Istanbul, where he will visit the Blue Mosque and "
        "meet Ecumenical Patriarch Bartholomew. On Saturday the two men will travel to Iznik, "
        "the ancient city of Nicaea. The pope will then fly to Beirut on Sunday.\n\nHis "
        "predecessor, Pope Francis, had hoped to travel to Iznik himself before his death in "
        "April.",
        date=dt.date(2025, 11, 27),
    )
    legs = [
        (story.actor(v.actor).name, _name(story, v.origin), _name(story, v.destination))
        for v in _visit_events(story)
    ]
    assert ("Pope Leo XIV", "Istanbul", "İznik") in legs  # told first as Iznik, not Nicaea
    assert ("Pope Leo XIV", "İznik", "Beirut") in legs
    assert "Patriarch Bartholomew" in {name for name, _, _ in legs}
    (hope,) = [v for v in _visit_events(story) if story.actor(v.actor).name == "Pope Francis"]
    assert hope.status == "proposed" and hope.date is None  # April was his death's


def test_a_he_after_the_one_a_sentence_names_is_that_one() -> None:
    trips = _trips(
        "KYIV - German Chancellor Friedrich Merz and French President Emmanuel Macron arrived "
        "in Kyiv on Saturday. The two leaders met President Volodymyr Zelensky and called on "
        "Russia to agree to a ceasefire.\n\nIt was Merz's first visit to Ukraine since he took "
        "office on Tuesday. Earlier in the week he travelled to Paris and Warsaw.",
        dt.date(2025, 5, 10),
    )
    paris, warsaw = trips[("Friedrich Merz", "Paris")], trips[("Friedrich Merz", "Warsaw")]
    assert not any(name == "Volodymyr Zelensky" for name, _ in trips)
    # Earlier in the week: that week's days before the article's Saturday.
    assert (paris.date.start, paris.date.end) == (dt.date(2025, 5, 5), dt.date(2025, 5, 9))
    assert warsaw.date == paris.date


def test_a_traveller_taken_into_the_opening_phrase_makes_the_leg_told_after_too() -> None:
    story = draft_story(
        "PARIS - Brazilian President Luiz Inacio Lula da Silva began a state visit to France "
        "on Wednesday.\n\nOn Friday Lula will travel to Toulon to visit the naval shipyard, "
        "before flying to Le Havre for a business forum.",
        date=dt.date(2023, 6, 21),
    )
    legs = _leg_pairs(story)
    assert ("Toulon", "Le Havre") in legs
    assert ("Le Havre", "Toulon") not in legs  # the leg on from it is no start of it


def test_goods_sold_worth_a_sum_to_a_country_are_a_flow_to_it() -> None:
    flows = _flows(
        "Mexico sold goods worth $505bn to the United States last year, making it the "
        "largest US trading partner.",
        dt.date(2025, 2, 3),
    )
    flow = flows[("Mexico", "United States")]
    assert (flow.figures[0].value, flow.figures[0].unit, flow.figures[0].period) == (
        505,
        "USD bn",
        "2024",
    )


def test_a_headlines_verb_is_no_word_of_the_pacts_name() -> None:
    story = draft_story(
        "Australia and Papua New Guinea sign defence treaty\n\nCANBERRA - Australia and Papua "
        "New Guinea signed a mutual defence treaty on Monday.",
        date=dt.date(2025, 10, 6),
    )
    (pact,) = [e for e in story.events if isinstance(e, Alliance)]
    assert pact.name == "defence treaty"


def test_a_host_who_meets_a_guest_in_his_capital_makes_no_trip_there() -> None:
    story = draft_story(
        "ANKARA - Russia released US journalist Evan Gershkovich on Thursday in a prisoner "
        "swap, Turkey's intelligence agency said.\n\nGershkovich and journalist Alsu "
        "Kurmasheva were flown to Joint Base Andrews near Washington, where President Joe "
        "Biden greeted them.\n\nAmong those sent to Russia was Vadim Krasikov, who was serving "
        "a life sentence in Germany. He was flown to Moscow, where President Vladimir Putin "
        "met him on the tarmac.",
        date=dt.date(2024, 8, 1),
    )
    trips = {(story.actor(v.actor).name, _name(story, v.destination)) for v in _visit_events(story)}
    # Flown to a base near the capital; "who" makes Krasikov a person; Putin is at home.
    assert {("Evan Gershkovich", "Washington"), ("Vadim Krasikov", "Moscow")} <= trips
    assert not any(name in ("Vladimir Putin", "Joe Biden") for name, _ in trips)


def test_a_guest_welcomed_in_a_city_went_there_and_goes_on_from_it() -> None:
    story = draft_story(
        "ISTANBUL - Turkish President Recep Tayyip Erdogan welcomed Ukrainian President "
        "Volodymyr Zelensky in Istanbul on Friday.\n\nZelensky flew to Turkey from Bulgaria, "
        "where he met Prime Minister Nikolai Denkov in Sofia on Thursday. Earlier this week he "
        "visited Slovakia and the Czech Republic.\n\nZelensky was due to travel on to "
        "Lithuania for the Nato summit in Vilnius next week.",
        date=dt.date(2023, 7, 7),
    )
    legs = {_name(story, v.destination): v for v in _visit_events(story)}
    assert _name(story, legs["Istanbul"].origin) == "Sofia"
    assert legs["Istanbul"].date.start == dt.date(2023, 7, 7)
    assert _name(story, legs["Vilnius"].origin) == "Istanbul"  # reached last, not told last


def test_money_invested_in_a_country_is_a_flow_of_investment_not_of_trade() -> None:
    flows = _flows(
        "Under a trade deal struck in July, Japan agreed to invest $550bn in the United States "
        "in return for lower US tariffs of 15% on Japanese cars.",
        dt.date(2025, 10, 24),
    )
    (flow,) = flows.values()
    assert (flow.origin is not None, flow.goods) == (True, "investment")
    assert [f.measure for f in flow.figures] == ["investment"]


def test_the_office_told_alone_is_the_one_who_holds_it_and_a_stop_ahead_is_dated_ahead() -> None:
    story = draft_story(
        "Blinken makes ninth Middle East trip, lands in Cairo\n\nCAIRO - US Secretary of State "
        "Antony Blinken arrived in Cairo on Tuesday.\n\nBlinken met Egyptian President Abdel "
        "Fattah al-Sisi in El Alamein before flying to Doha, where he is due to meet the emir "
        "of Qatar on Wednesday.\n\nThe top US diplomat began the trip in Israel on Monday, "
        "where he held talks with Prime Minister Benjamin Netanyahu in Jerusalem.",
        date=dt.date(2024, 8, 20),
    )
    legs = {_name(story, v.destination): v for v in _visit_events(story)}
    # "The top US diplomat" is Blinken, who began in Israel, in Jerusalem, on the Monday.
    assert legs["Jerusalem"].date.start == dt.date(2024, 8, 19)
    assert _name(story, legs["Cairo"].origin) == "Jerusalem"
    doha = legs["Doha"]
    assert (doha.date.start, doha.status) == (dt.date(2024, 8, 21), "scheduled")


def test_a_leg_back_to_a_city_is_a_leg_and_the_next_one_starts_there() -> None:
    story = draft_story(
        "SYDNEY - King Charles III and Queen Camilla arrived in Sydney on Friday evening for "
        "a six-day visit to Australia.\n\nOn Monday they will travel to Canberra, where the "
        "king will address parliament, before returning to Sydney to see the Opera House.\n\n"
        "From Australia the couple will fly to Samoa on Wednesday.\n\nCharles last visited "
        "Australia in 2018.",
        date=dt.date(2024, 10, 18),
    )
    legs = [
        (_name(story, v.origin), _name(story, v.destination))
        for v in _visit_events(story)
        if story.actor(v.actor).name == "King Charles III"
    ]
    assert ("Canberra", "Sydney") in legs and ("Sydney", "Samoa") in legs
    assert (None, "Australia") in legs  # 2018's visit starts from no stop of this trip


def test_a_sum_a_headline_aims_for_is_a_target_not_the_goods() -> None:
    flows = _flows(
        "Modi visits Moscow as India and Russia aim for $100bn trade\n\nBilateral trade "
        "between India and Russia reached a record $65bn in the last financial year.",
        dt.date(2024, 7, 8),
    )
    (flow,) = flows.values()
    assert flow.goods is None
    assert sorted((f.value, f.basis) for f in flow.figures) == [(65, "actual"), (100, "target")]


def test_a_leg_flown_on_from_the_day_a_trip_reached_is_after_it() -> None:
    story = draft_story(
        "SEOUL - Russian President Vladimir Putin flew to Pyongyang from Yakutsk on Wednesday "
        "and signed a treaty with Kim Jong Un. From Pyongyang he flew on to Hanoi for a state "
        "visit to Vietnam on Thursday.",
        date=dt.date(2024, 6, 19),
    )
    legs = {_name(story, v.destination): v for v in _visit_events(story)}
    assert legs["Hanoi"].date.start == dt.date(2024, 6, 20)
    assert _name(story, legs["Hanoi"].origin) == "Pyongyang"
    assert "Vietnam" not in legs  # the state visit is the Hanoi leg


def test_a_port_things_were_shipped_from_is_given_to_none_of_their_accusers() -> None:
    story = draft_story(
        "South Korea, Japan and the United States accuse Pyongyang of supplying artillery "
        "shells to Russia, shipped by sea from the port of Rason to Vladivostok.",
        date=dt.date(2024, 6, 19),
    )
    (port,) = [e for e in story.events if e.kind == "port"]
    assert _name(story, port.port) == "Rason" and port.granted_to is None


def test_a_meeting_made_before_a_leg_still_ahead_on_its_day_is_part_of_the_stay() -> None:
    story = draft_story(
        "RIYADH (Reuters) - U.S. President Donald Trump arrived in Saudi Arabia on Tuesday at "
        "the start of a four-day tour of the Gulf.\n\n"
        "Trump is scheduled to fly on to Doha later on Wednesday for talks with the emir, and "
        "to Abu Dhabi on Thursday.\n\n"
        "On Wednesday, Trump met Syria's interim President Ahmed al-Sharaa in Riyadh.",
        date=dt.date(2025, 5, 14),
    )
    legs = _legs(story)
    # Not a leg back to Riyadh from Doha, where he had not yet gone.
    assert [pair for pair in _leg_pairs(story) if pair[1] == "Riyadh"] == [
        (legs["Riyadh"][0], "Riyadh")
    ]
    assert legs["Riyadh"][0] != "Doha"
    riyadh = legs["Riyadh"][1].date
    assert (riyadh.start, riyadh.end) == (dt.date(2025, 5, 13), dt.date(2025, 5, 14))
    assert legs["Doha"][0] == "Riyadh" and legs["Doha"][1].status == "scheduled"


def test_a_leg_on_from_a_summit_flown_in_to_starts_there() -> None:
    story = draft_story(
        "TIANJIN, China, Aug 31 (Reuters) - Xi Jinping welcomed more than 20 leaders to "
        "Tianjin on Sunday for a summit.\n\n"
        "Putin flew in from Moscow on Sunday and will travel on to Beijing after the summit "
        "to attend a military parade on Wednesday.",
        date=dt.date(2025, 8, 31),
    )
    legs = _legs(story)
    assert legs["Tianjin"][0] == "Moscow"
    assert legs["Beijing"][0] == "Tianjin"  # not from Moscow again
    assert legs["Beijing"][1].status == "scheduled"


def test_a_trip_told_in_a_clause_on_a_year_is_of_that_year() -> None:
    story = draft_story(
        "Putin landed in Anchorage on Friday and was greeted on the tarmac by Trump. It was "
        "Putin's first visit to the United States since 2015, when he addressed the United "
        "Nations General Assembly in New York.",
        date=dt.date(2025, 8, 15),
    )
    legs = _legs(story)
    new_york = legs["New York City"]
    assert new_york[0] != "Anchorage"  # not on from this trip
    assert (new_york[1].date.start, new_york[1].date.precision) == (dt.date(2015, 1, 1), "year")
    assert legs["Anchorage"][1].date.start == dt.date(2025, 8, 15)


def test_a_sum_of_investment_a_country_commits_flows_to_where_it_is_put() -> None:
    flows = _flows(
        "The United Arab Emirates has committed to a $1.4 trillion investment framework in "
        "the United States over the next 10 years, the White House said on Friday.",
        dt.date(2025, 3, 21),
    )
    flow = flows[("United Arab Emirates", "United States")]
    assert flow.goods == "investment" and flow.status == "proposed"
    assert [(f.value, f.unit, f.basis) for f in flow.figures] == [(1.4, "USD tn", "target")]


def test_what_a_country_is_to_trade_is_no_flow_and_words_about_trade_do_not_date_one() -> None:
    flows = _flows(
        "The UAE imported $27 billion of American goods in 2024, making it the largest U.S. "
        "export market in the Middle East.",
        dt.date(2025, 3, 21),
    )
    assert set(flows) == {("United States", "United Arab Emirates")}
    story = draft_story(
        "Starmer lands in Mumbai with biggest UK trade delegation to India\n\n"
        "British Prime Minister Keir Starmer arrived in Mumbai on Wednesday. Trade between "
        "Britain and India was worth 44.1 billion pounds last year.",
        date=dt.date(2025, 10, 8),
    )
    (trade,) = [e for e in story.events if isinstance(e, Trade)]
    assert (trade.date.start, trade.date.precision) == (dt.date(2024, 1, 1), "year")


def test_a_tour_that_ends_somewhere_on_a_day_in_the_present_is_ahead() -> None:
    legs = _legs(
        draft_story(
            "Turkish President Tayyip Erdogan arrived in Saudi Arabia on Monday. Erdogan "
            "travels to Doha on Tuesday and ends the tour in Abu Dhabi on Wednesday, where he "
            "is expected to sign deals.",
            date=dt.date(2023, 7, 17),
        )
    )
    assert legs["Abu Dhabi"][0] == "Doha"
    assert legs["Abu Dhabi"][1].date.start == dt.date(2023, 7, 19)  # not last Wednesday
    assert legs["Abu Dhabi"][1].status == "scheduled"


def test_sums_told_to_two_countries_after_one_verb_are_two_flows() -> None:
    flows = _flows(
        "Chile also exported $1.1 billion of lithium to South Korea and $620 million to Japan "
        "last year, central bank data showed.",
        dt.date(2024, 2, 5),
    )
    assert {k: [f.value for f in t.figures] for k, t in flows.items()} == {
        ("Chile", "South Korea"): [1.1],
        ("Chile", "Japan"): [620.0],
    }
    assert {t.date.start for t in flows.values()} == {dt.date(2023, 1, 1)}


def test_a_countrys_base_abroad_is_where_it_stands_and_a_capital_told_so_is_a_town() -> None:
    story = draft_story(
        "Vance visits US base in Greenland, accuses Denmark of neglect\n\n"
        "U.S. Vice President JD Vance visited the Pituffik Space Base in northwest Greenland on "
        "Friday. Danish Prime Minister Mette Frederiksen is due to visit Nuuk, the Greenlandic "
        "capital, on Wednesday.",
        date=dt.date(2025, 3, 28),
    )
    trips = {
        (story.actor(v.actor).name, story.place(v.destination).name) for v in _visit_events(story)
    }
    assert ("JD Vance", "United States") not in trips
    assert {("JD Vance", "Greenland"), ("Mette Frederiksen", "Nuuk")} <= trips


def test_a_leg_one_is_still_on_the_way_to_and_a_stop_before_a_return_ahead_are_ahead() -> None:
    story = draft_story(
        "TOKYO, Aug 23 (Reuters) - South Korean President Lee Jae-myung arrived in Tokyo on "
        "Saturday for talks with Japanese Prime Minister Shigeru Ishiba, stopping in Japan on "
        "his way to Washington for his first summit with U.S. President Donald Trump.\n\n"
        "Lee will fly to Washington on Sunday and meet Trump at the White House on Monday. He "
        "returns to Seoul on Wednesday after a stop in Philadelphia, where he will visit a "
        "shipyard.",
        date=dt.date(2025, 8, 23),
    )
    assert [
        (origin, destination, v.status, v.date.start if v.date else None)
        for v in _visit_events(story)
        for origin, destination in [(_name(story, v.origin), _name(story, v.destination))]
    ] == [
        ("Seoul", "Tokyo", "happened", dt.date(2025, 8, 23)),
        ("Tokyo", "Washington", "scheduled", dt.date(2025, 8, 24)),
        ("Washington", "Philadelphia", "scheduled", None),
        ("Philadelphia", "Seoul", "scheduled", dt.date(2025, 8, 27)),
    ]


def test_an_airport_met_at_is_the_city_arrived_in_and_a_name_fused_to_last_still_travels() -> None:
    story = draft_story(
        "MOSCOW, May 7 (Reuters) - Chinese President Xi Jinping arrived in Moscow on Wednesday "
        "for a four-day state visit.\n\nXi was met at Vnukovo airport by Deputy Prime "
        "Minister Dmitry Chernyshenko.\n\nXi last visited Moscow in March 2023.",
        date=dt.date(2025, 5, 7),
    )
    assert [
        (_name(story, v.origin), _name(story, v.destination), v.date.start)
        for v in _visit_events(story)
    ] == [
        ("Beijing", "Moscow", dt.date(2023, 3, 1)),
        ("Beijing", "Moscow", dt.date(2025, 5, 7)),
    ]


def test_the_day_a_trip_was_foretold_is_not_the_day_of_the_trip() -> None:
    day = dt.date(2025, 3, 4)  # a Tuesday
    trips = _trips(
        "The minister Jean Dupont said on Monday he would visit Panama City.\n\n"
        "In February the government said it would leave the pact after a visit by US "
        "Secretary of State Marco Rubio to Panama City.\n\n"
        "Foreign Minister Anna Berg will visit Lima on Friday, officials said on Monday.",
        day,
    )
    dupont = trips[("Jean Dupont", "Panama City")]
    assert (dupont.status, dupont.date) == ("scheduled", None)
    # Not next February: the month the words were said in is gone.
    assert trips[("Marco Rubio", "Panama City")].date is None
    # The trip's own day still dates it.
    assert trips[("Anna Berg", "Lima")].date.start == dt.date(2025, 3, 7)


def test_a_stop_of_a_list_is_dated_by_what_is_done_where_it_is() -> None:
    story = draft_story(
        "HANOI, May 25 (Reuters) - French President Emmanuel Macron arrived in Hanoi on "
        "Sunday, kicking off a tour of Southeast Asia that will also take him to Indonesia and "
        "Singapore, where he will deliver the keynote speech at the Shangri-La Dialogue on "
        "Friday.\n\nMacron travels to Jakarta on Tuesday for talks with President Prabowo "
        "Subianto.",
        date=dt.date(2025, 5, 25),
    )
    legs = [
        (_name(story, v.origin), _name(story, v.destination), v.date and v.date.start)
        for v in _visit_events(story)
    ]
    # Friday is Singapore's, not Indonesia's: the tour reaches Jakarta first.
    assert legs == [
        ("Paris", "Hanoi", dt.date(2025, 5, 25)),
        ("Hanoi", "Jakarta", dt.date(2025, 5, 27)),
        ("Jakarta", "Singapore", dt.date(2025, 5, 30)),
    ]
    # The forum is named after a hotel, not the Chinese town.
    assert "Shangri-La" not in {p.name for p in story.places}


def test_a_country_that_supplies_another_with_goods_sends_them_there() -> None:
    flows = _flows(
        "Qatar signed a deal on Monday to supply China's Sinopec with 4 million tonnes of "
        "liquefied natural gas a year.\n\nRussia supplied Hungary with gas worth $2bn last "
        "year.",
        dt.date(2022, 11, 21),
    )
    lng = flows[("Qatar", "China")]
    assert lng.goods == "liquefied natural gas"
    # What a deal is to do is a forecast, not a figure of what was done.
    assert [(f.value, f.basis) for f in lng.figures] == [(4.0, "forecast")]
    # A yearly rate is not the figure of the day the deal was signed.
    assert lng.figures[0].period != "21 November 2022"
    assert flows[("Russia", "Hungary")].figures[0].basis == "actual"


def test_a_stop_on_the_way_back_when_a_dated_visit_was_made_is_from_where_the_way_began() -> None:
    story = draft_story(
        "British Prime Minister Keir Starmer will travel to Saudi Arabia this week.\n\n"
        "Starmer visited the Gulf in September when he stopped in Qatar on his way back from "
        "the United Nations General Assembly in New York.",
        date=dt.date(2024, 12, 8),
    )
    qatar = _visits(story)[("Keir Starmer", "Qatar")]
    assert _name(story, qatar.origin) == "New York City"
    assert (qatar.date.start, qatar.date.precision) == (dt.date(2024, 9, 1), "month")


def test_a_leg_on_told_of_no_stop_before_goes_on_from_the_dateline() -> None:
    story = draft_story(
        "JOHANNESBURG, Aug 24 (Reuters) - The BRICS summit ended on Thursday.\n\nIndia's "
        "Prime Minister Narendra Modi will travel on to Athens on Friday for talks with Greek "
        "Prime Minister Kyriakos Mitsotakis.",
        date=dt.date(2023, 8, 24),
    )
    athens = _visits(story)[("Narendra Modi", "Athens")]
    assert _name(story, athens.origin) == "Johannesburg"
    assert "origin" in athens.inferred


def test_a_visit_to_the_site_is_a_visit_to_where_the_story_is_filed_from() -> None:
    trips = _trips(
        "EAST PALESTINE, Ohio (AP) - Residents returned home on Thursday, days after a train "
        "carrying hazardous chemicals derailed.\n\nOhio Gov. Mike DeWine visited the site on "
        "Tuesday. Transportation Secretary Pete Buttigieg toured the crash site on Feb. 23. "
        "The senator visited a site of his choosing.",
        dt.date(2023, 2, 23),
    )
    assert {(who, where): v.date.start for (who, where), v in trips.items()} == {
        ("Mike DeWine", "East Palestine"): dt.date(2023, 2, 21),
        ("Pete Buttigieg", "East Palestine"): dt.date(2023, 2, 23),
    }
    # A site the paragraph puts elsewhere is not where the story is filed from.
    assert not _trips(
        "PARIS, Nov 7 (Reuters) - TotalEnergies lifted force majeure on Friday.\n\nThe "
        "project, in Cabo Delgado province, will produce 13 million tonnes of LNG a year. "
        "Chief Executive Patrick Pouyanne visited the site in September.",
        dt.date(2025, 11, 7),
    )


def test_a_day_still_ahead_in_what_was_said_is_not_the_day_it_was_said() -> None:
    story = draft_story(
        "NAIROBI, Jan 27 - Kenyan President William Ruto said he would host a summit of "
        "regional leaders in Nairobi on Wednesday.\n\nHe said the talks went well on Friday.",
        date=dt.date(2025, 1, 27),
    )
    (statement,) = [e for e in story.events if isinstance(e, Statement)]
    assert statement.date is None


def test_a_meeting_ahead_in_the_dateline_city_just_reached_is_the_stay_under_way() -> None:
    story = draft_story(
        "SEOUL, Jan 6 (AP) - U.S. Secretary of State Antony Blinken arrived in South Korea on "
        "Monday.\n\nThe missile, launched from near Pyongyang, flew about 1,100 km before "
        "landing in the sea, South Korea's military said.\n\nBlinken will meet acting "
        "President Choi Sang-mok in Seoul before travelling to Tokyo on Tuesday. He last "
        "visited Seoul in November.",
        date=dt.date(2025, 1, 6),
    )
    # (An earlier trip to the dateline's city is no other city the arrival may be in.)
    assert [
        (_name(story, v.origin), _name(story, v.destination), v.status, v.date.start)
        for v in _visit_events(story)
    ] == [
        ("Washington", "Seoul", "happened", dt.date(2024, 11, 1)),
        ("Washington", "Seoul", "happened", dt.date(2025, 1, 6)),
        ("Seoul", "Tokyo", "scheduled", dt.date(2025, 1, 7)),
    ]


def test_a_return_after_a_tour_comes_back_from_the_last_stop_its_sentence_tells() -> None:
    story = draft_story(
        "Pope Francis returned to Rome on Friday after a 12-day tour of Asia and Oceania, "
        "during which he visited Indonesia, Papua New Guinea, East Timor and Singapore.\n\n"
        "Francis is expected to visit Belgium and Luxembourg at the end of this month.",
        date=dt.date(2024, 9, 13),
    )
    legs = {(_name(story, v.origin), _name(story, v.destination)): v for v in _visit_events(story)}
    home = legs[("Singapore", "Rome")]
    assert home.date.start == dt.date(2024, 9, 13)
    assert "origin" in home.inferred
    # The trip ahead is within the month it ends.
    assert legs[(None, "Belgium")].date.end == dt.date(2024, 9, 30)


def test_a_flow_told_after_a_balance_of_last_year_is_of_that_year() -> None:
    flows = _flows(
        "The United States ran a trade surplus of $7.4 billion with Brazil last year, "
        "according to U.S. data. Brazil exported $40.3 billion worth of goods to the United "
        "States, led by crude oil, steel and coffee.",
        dt.date(2025, 7, 10),
    )
    (flow,) = flows.values()
    assert [f.period for f in flow.figures] == ["2024"]


def test_the_last_stop_of_a_list_dated_by_a_meeting_there_follows_the_stop_before() -> None:
    story = draft_story(
        "KUALA LUMPUR, Oct 26 - U.S. President Donald Trump arrived in the Malaysian capital "
        "earlier on Sunday, his first stop on a three-country Asia tour that also takes him to "
        "Japan and South Korea, where he is expected to meet Chinese President Xi Jinping on "
        "Thursday.",
        date=dt.date(2025, 10, 26),
    )
    legs = _legs(story)
    assert legs["Japan"][0] == "Kuala Lumpur"
    origin, korea = legs["South Korea"]
    assert origin == "Japan"
    assert (korea.date.start, korea.status) == (dt.date(2025, 10, 30), "scheduled")


def test_a_statement_in_an_address_from_somewhere_is_placed_there() -> None:
    story = draft_story(
        "KHARTOUM, Oct 27 (Reuters) - The army confirmed it had withdrawn from the city, and "
        "army chief Abdel Fattah al-Burhan said in a televised address from Port Sudan that his "
        "forces would fight on.",
        date=dt.date(2025, 10, 27),
    )
    statement = next(e for e in story.events if isinstance(e, Statement))
    assert story.place(statement.place).name == "Port Sudan" and statement.inferred == []


def test_a_flight_from_somewhere_ends_where_the_travellers_were_greeted_or_the_story_is() -> None:
    story = draft_story(
        "OTTAWA, May 27 (Reuters) - King Charles opened Canada's parliament on Tuesday.\n\n"
        "Charles and Queen Camilla flew from London on Monday and were greeted at Ottawa "
        "airport by Prime Minister Mark Carney. They will return to Britain on Tuesday "
        "evening after a 24-hour visit.",
        date=dt.date(2025, 5, 27),
    )
    legs = sorted(
        (
            story.actor(v.actor).name,
            _name(story, v.origin),
            _name(story, v.destination),
            v.date.start,
            v.status,
        )
        for v in _visit_events(story)
    )
    assert legs == [
        ("King Charles", "London", "Ottawa", dt.date(2025, 5, 26), "happened"),
        ("King Charles", "Ottawa", "United Kingdom", dt.date(2025, 5, 27), "scheduled"),
        ("Queen Camilla", "London", "Ottawa", dt.date(2025, 5, 26), "happened"),
        ("Queen Camilla", "Ottawa", "United Kingdom", dt.date(2025, 5, 27), "scheduled"),
    ]
    # Told with no greeting, the flight still ends where the story is filed from.
    story = draft_story(
        "OTTAWA, May 27 (Reuters) - King Charles opened Canada's parliament on Tuesday. "
        "Charles flew from London on Monday. He will return to Britain on Tuesday evening.",
        date=dt.date(2025, 5, 27),
    )
    assert ("London", "Ottawa", dt.date(2025, 5, 26)) in {
        (_name(story, v.origin), _name(story, v.destination), v.date.start)
        for v in _visit_events(story)
    }


def test_a_first_name_the_model_left_out_after_a_job_is_part_of_the_name() -> None:
    story = draft_story(
        "BEIJING, Sept 2 - Gazprom chief executive Alexei Miller announced the deal in Beijing "
        "on Tuesday. Russian President Vladimir Putin attended.",
        date=dt.date(2025, 9, 2),
    )
    names = {a.name for a in story.actors}
    assert "Alexei Miller" in names and "Vladimir Putin" in names


def test_a_buyer_told_with_what_it_imports_buys_from_the_country_the_goods_are_of() -> None:
    flows = _flows(
        "India and China are the biggest buyers of Russian crude, with India importing about "
        "1.7 million barrels a day in the first nine months of this year.",
        dt.date(2025, 10, 22),
    )
    flow = flows[("Russia", "India")]
    assert (flow.date.start, flow.date.end) == (dt.date(2025, 1, 1), dt.date(2025, 9, 30))


def test_a_year_told_of_what_carries_the_goods_is_not_the_flows() -> None:
    flows = _flows(
        "Russia already supplies China with about 38 billion cubic metres of gas a year through "
        "the Power of Siberia pipeline, which began operating in 2019.",
        dt.date(2025, 9, 2),
    )
    (figure,) = flows[("Russia", "China")].figures
    assert figure.period == "2025"
    # A clause with figures of its own still dates them.
    flows = _flows(
        "China's trade with Russia, which rose 26% in 2023 to $240 billion, slowed this year.",
        dt.date(2025, 9, 2),
    )
    assert [f.period for f in flows[("China", "Russia")].figures] == ["2023"]


def test_a_visit_told_where_a_leg_began_is_a_side_trip_from_there() -> None:
    story = draft_story(
        "WASHINGTON, Feb 13 (Reuters) - Indian Prime Minister Narendra Modi met U.S. President "
        "Donald Trump at the White House on Thursday.\n\nModi arrived in Washington on "
        "Wednesday evening from Paris, where he co-chaired an artificial intelligence summit "
        "with French President Emmanuel Macron and visited the southern port city of "
        "Marseille.",
        date=dt.date(2025, 2, 13),
    )
    pairs = {(_name(story, v.origin), _name(story, v.destination)) for v in _visit_events(story)}
    assert ("Paris", "Marseille") in pairs and ("Paris", "Washington") in pairs
    assert ("Washington", "Marseille") not in pairs
    assert not [e for e in story.events if e.kind == "port"]


def test_imports_from_the_bloc_contrasted_with_exports_to_it_flow_back() -> None:
    flows = _flows(
        "EU exports to Mercosur were worth 56 billion euros in 2023, while imports from the "
        "bloc totalled 54 billion euros. The deal would remove tariffs on most EU exports.",
        dt.date(2024, 12, 6),
    )
    there = flows[("European Union", "Mercosur")]
    back = flows[("Mercosur", "European Union")]
    assert (there.goods, back.goods) == (None, None)  # not "most"
    assert [f.value for f in there.figures] == [56.0]
    assert [f.value for f in back.figures] == [54.0]


def test_a_sum_agreed_to_is_a_target_however_the_model_hangs_it() -> None:
    flows = _flows(
        "India and the United States agreed to more than double bilateral trade to $500 "
        "billion by 2030.",
        dt.date(2025, 2, 13),
    )
    (flow,) = flows.values()
    assert flow.goods is None  # not "double"
    assert [f.basis for f in flow.figures] == ["target"] and flow.status == "proposed"


def test_a_buyer_named_by_the_way_is_no_flow_the_verb_tells_one() -> None:
    flows = _flows(
        "Canada, the largest buyer of U.S. exports, shipped $413 billion of goods to the "
        "United States last year.",
        dt.date(2025, 2, 1),
    )
    assert set(flows) == {("Canada", "United States")}
    assert [f.value for f in flows[("Canada", "United States")].figures] == [413.0]


def test_then_on_to_a_stop_dated_by_what_is_done_there_follows_the_stop_before() -> None:
    story = draft_story(
        "ANKARA, Aug 1 (Reuters) - Wall Street Journal reporter Evan Gershkovich was flown "
        "from Moscow to Ankara and then on to Joint Base Andrews near Washington, where "
        "President Joe Biden greeted him late on Thursday.",
        date=dt.date(2024, 8, 1),
    )
    legs = _legs(story)
    assert legs["Ankara"][0] == "Moscow"
    origin, home = legs["Washington"]
    assert (origin, home.date.start) == ("Ankara", dt.date(2024, 8, 1))


def test_a_trade_deal_is_no_flow_and_its_month_does_not_date_an_investment_pledged() -> None:
    flows = _flows(
        "Japan has pledged to invest $550 billion in the United States under a trade deal "
        "reached in July.",
        dt.date(2025, 11, 3),
    )
    (flow,) = flows.values()
    assert flow.goods == "investment" and (flow.origin, flow.date) == ("japan", None)
    assert [f.basis for f in flow.figures] == ["target"]


def test_a_trip_to_a_country_then_a_meeting_in_its_city_is_one_stay_from_the_first_day() -> None:
    story = draft_story(
        "WASHINGTON, Aug 16 (Reuters) - U.S. Secretary of State Antony Blinken will travel to "
        "Israel on Saturday, the State Department said.\n\nBlinken will meet Israeli Prime "
        "Minister Benjamin Netanyahu in Jerusalem on Monday.",
        date=dt.date(2024, 8, 16),
    )
    (leg,) = _visit_events(story)
    assert _name(story, leg.destination) == "Jerusalem"
    assert (leg.date.start, leg.date.end) == (dt.date(2024, 8, 17), dt.date(2024, 8, 19))


def test_a_port_reached_ahead_is_dated_ahead_and_a_time_told_by_a_war_is_no_user() -> None:
    story = draft_story(
        "ISTANBUL, Aug 1 (Reuters) - The first ship carrying Ukrainian grain since Russia's "
        "invasion left the port of Odesa on Monday. The ship will be inspected in Istanbul on "
        "Tuesday before sailing on to the Lebanese port of Tripoli.",
        date=dt.date(2022, 8, 1),
    )
    ports = {story.place(e.port).name: e for e in story.events if isinstance(e, Port)}
    assert ports["Odesa"].granted_to is None
    assert (ports["Tripoli"].date.start, ports["Tripoli"].status) == (
        dt.date(2022, 8, 2),
        "scheduled",
    )


def test_imports_a_tariff_falls_on_are_no_flow_and_a_package_of_investment_is_pledged() -> None:
    flows = _flows(
        "Japan and the United States reached a trade deal that lowers U.S. tariffs on Japanese "
        "imports to 15% in return for a $550 billion package of Japanese investment in the "
        "United States, President Donald Trump said on Tuesday.",
        dt.date(2025, 7, 23),
    )
    (flow,) = flows.values()
    assert (flow.origin, flow.destination, flow.goods) == ("japan", "united-states", "investment")
    assert [f.basis for f in flow.figures] == ["target"]


def test_a_time_told_since_something_else_does_not_date_the_visit() -> None:
    story = draft_story(
        "MADRID, May 27 (Reuters) - Ukrainian President Volodymyr Zelenskiy signed a security "
        "agreement with Spain on Monday during a visit to Madrid, his first to the country "
        "since Russia's full-scale invasion in 2022.",
        date=dt.date(2024, 5, 27),
    )
    (leg,) = _visit_events(story)
    assert leg.date.start == dt.date(2024, 5, 27)


def test_those_who_attended_the_gathering_a_story_is_filed_from_went_there() -> None:
    story = draft_story(
        "TIANJIN, Sept 1 (Reuters) - Chinese President Xi Jinping hosted the Shanghai "
        "Cooperation Organisation summit on Monday. Turkish President Tayyip Erdogan and "
        "Iranian President Masoud Pezeshkian also attended the two-day gathering.",
        date=dt.date(2025, 9, 1),
    )
    trips = {(story.actor(v.actor).name, _name(story, v.destination)) for v in _visit_events(story)}
    assert trips == {("Tayyip Erdogan", "Tianjin"), ("Masoud Pezeshkian", "Tianjin")}
    # Not a gathering told elsewhere, nor one that is no gathering.
    story = draft_story(
        "TIANJIN, Sept 1 (Reuters) - Erdogan attended the summit in Ankara. Pezeshkian "
        "attended the university.",
        date=dt.date(2025, 9, 1),
    )
    assert not [v for v in _visit_events(story) if _name(story, v.destination) == "Tianjin"]
    story = draft_story(
        "TIANJIN, Aug 31 (Reuters) - Putin will travel on to Beijing after the summit to attend "
        "a military parade. He is due to meet North Korean leader Kim Jong Un, who will also "
        "attend the parade.",
        date=dt.date(2025, 8, 31),
    )
    assert not [v for v in _visit_events(story) if _name(story, v.destination) == "Tianjin"]


def test_the_place_left_for_another_is_where_the_leg_began() -> None:
    story = draft_story(
        "TOKYO, March 18 (AP) - U.S. Secretary of State Antony Blinken left Tokyo on Monday for "
        "the Philippines after two days of talks.",
        date=dt.date(2024, 3, 18),
    )
    assert _leg_pairs(story) == [("Tokyo", "Philippines")]


def test_a_surname_run_into_the_place_before_it_is_still_the_traveller() -> None:
    story = draft_story(
        "U.S. Secretary of State Antony Blinken arrived in Manila on Monday. From Manila Blinken "
        "will fly to Seoul on Tuesday.",
        date=dt.date(2024, 3, 18),
    )
    assert _leg_pairs(story) == [("Washington", "Manila"), ("Manila", "Seoul")]
    manila = next(p for p in story.places if p.name == "Manila")
    assert [m.text for m in manila.mentions] == ["Manila", "Manila"]


def test_what_a_when_clause_goes_on_to_happened_then_too() -> None:
    story = draft_story(
        "German Chancellor Olaf Scholz arrived in New Delhi on Thursday. Scholz last visited "
        "India in February 2023, when he met Modi in New Delhi and visited Bengaluru.",
        date=dt.date(2024, 10, 25),
    )
    trip = _visits(story)[("Olaf Scholz", "Bengaluru")]
    assert (trip.date.start, trip.date.precision) == (dt.date(2023, 2, 1), "month")


def test_the_countries_a_dated_tour_visited_share_its_time() -> None:
    story = draft_story(
        "Russian Foreign Minister Sergei Lavrov last toured Africa in July, visiting Egypt, "
        "Congo Republic, Uganda and Ethiopia.",
        date=dt.date(2023, 1, 23),
    )
    assert _leg_pairs(story)[1:] == [
        ("Egypt", "Republic of the Congo"),
        ("Republic of the Congo", "Uganda"),
        ("Uganda", "Ethiopia"),
    ]
    assert {(v.date.start, v.date.precision) for v in _visit_events(story)} == {
        (dt.date(2022, 7, 1), "month")
    }


def test_a_stop_made_in_a_town_placed_by_its_area_is_the_towns() -> None:
    story = draft_story(
        "Russian President Vladimir Putin arrived in Pyongyang early on Wednesday. Putin flew in "
        "from Yakutsk in Russia's Far East, where he had stopped on Tuesday to meet officials.",
        date=dt.date(2024, 6, 19),
    )
    assert _leg_pairs(story) == [(None, "Yakutsk"), ("Yakutsk", "Pyongyang")]
    assert _visit_events(story)[0].date.start == dt.date(2024, 6, 18)


def test_each_stop_with_its_own_day_goes_on_after_the_stops_told_by_to() -> None:
    story = draft_story(
        "Turkish President Tayyip Erdogan will travel to Jeddah on Monday, then to Qatar on "
        "Tuesday and the United Arab Emirates on Wednesday.",
        date=dt.date(2023, 7, 17),
    )
    assert _leg_pairs(story) == [
        ("Ankara", "Jeddah"),
        ("Jeddah", "Qatar"),
        ("Qatar", "United Arab Emirates"),
    ]
    assert [v.date.start.day for v in _visit_events(story)] == [17, 18, 19]


def test_a_pact_the_two_countries_of_its_own_sentence_signed_is_theirs_and_dated() -> None:
    story = draft_story(
        "Erdogan visited Saudi Arabia in April 2022. The UAE agreed last year to invest $10 "
        "billion in Turkey and the two countries signed a comprehensive economic partnership "
        "agreement in March. Japan and the Philippines will sign a defence pact on Monday.",
        date=dt.date(2023, 7, 18),
    )
    pacts = {
        tuple(sorted(_name(story, m.place) for m in e.members)): e
        for e in story.events
        if isinstance(e, Alliance)
    }
    assert set(pacts) == {("Turkey", "United Arab Emirates"), ("Japan", "Philippines")}
    partnership = pacts[("Turkey", "United Arab Emirates")]
    assert (partnership.date.start, partnership.date.precision) == (dt.date(2023, 3, 1), "month")
    assert partnership.status == "happened"
    defence = pacts[("Japan", "Philippines")]
    assert (defence.date.start, defence.status) == (dt.date(2023, 7, 24), "scheduled")


def test_the_place_a_tour_will_end_in_is_its_last_stop_ahead() -> None:
    story = draft_story(
        "BERLIN, July 2 (Reuters) - Chinese Foreign Minister Wang Yi arrived in Berlin on "
        "Wednesday after meeting European Union foreign policy chief Kaja Kallas in Brussels, "
        "the second leg of a week-long European tour that will end in Paris on Friday. Pope "
        "Francis arrived in Jakarta on Tuesday at the start of a tour that ends "
        "in Dili.",
        date=dt.date(2025, 7, 2),
    )
    legs = {(_name(story, v.origin), _name(story, v.destination)): v for v in _visit_events(story)}
    paris = legs[("Berlin", "Paris")]
    assert (paris.status, paris.date.start) == ("scheduled", dt.date(2025, 7, 4))
    dili = legs[("Jakarta", "Dili")]
    assert (dili.status, dili.date) == ("scheduled", None)


def test_a_company_named_after_its_country_trades_for_it() -> None:
    flows = _flows(
        "DOHA, Nov 21 (Reuters) - QatarEnergy signed a 27-year deal on Monday to supply "
        "China's Sinopec with 4 million tonnes of liquefied natural gas a year. Qatar ships "
        "most of its gas to Asia.",
        dt.date(2022, 11, 21),
    )
    assert set(flows) == {("Qatar", "China")}
    assert flows[("Qatar", "China")].goods == "liquefied natural gas"
    # (what a yearly amount is of may come after its year)
    flows = _flows(
        "QatarEnergy signed a deal to supply China's Sinopec with 4 million tonnes a year of "
        "liquefied natural gas. Qatar is a big exporter.",
        dt.date(2022, 11, 21),
    )
    assert flows[("Qatar", "China")].goods == "liquefied natural gas"
    # Not a place whose name only begins with a country's.
    assert _flows("India grew fast. Indiana exported corn to India.", dt.date(2022, 11, 21)) == {}


def test_a_month_a_flow_will_come_in_is_the_one_ahead() -> None:
    flows = _flows(
        "Saudi Arabia will ship 2 million barrels of crude to India in March. Iraq shipped 1 "
        "million barrels of crude to India in March.",
        dt.date(2023, 1, 10),
    )
    ahead = flows[("Saudi Arabia", "India")]
    assert (ahead.date.start, ahead.figures[0].basis) == (dt.date(2023, 3, 1), "forecast")
    done = flows[("Iraq", "India")]
    assert (done.date.start, done.figures[0].basis) == (dt.date(2022, 3, 1), "actual")


def test_a_leg_ahead_is_not_dated_by_a_past_visit_to_its_place_nor_begun_at_home() -> None:
    story = draft_story(
        "JEDDAH, Saudi Arabia (AP) — Ukrainian President Volodymyr Zelenskyy met Saudi Crown "
        "Prince Mohammed bin Salman in Jeddah on Monday.\n\nAfter Jeddah, Zelenskyy is expected "
        "to travel to the United Arab Emirates, where he visited in February.",
        date=dt.date(2025, 3, 10),
    )
    legs = {
        (_name(story, v.origin), _name(story, v.destination), v.status): v
        for v in _visit_events(story)
    }
    ahead = legs[("Jeddah", "United Arab Emirates", "scheduled")]
    assert ahead.date is None
    before = next(
        v
        for (_, where, status), v in legs.items()
        if where == "United Arab Emirates" and status == "happened"
    )
    assert (before.date.start, before.date.precision) == (dt.date(2025, 2, 1), "month")


def test_a_halt_on_the_flight_home_and_the_summit_attended_before_leaving() -> None:
    story = draft_story(
        "NEW DELHI, Sept 10 (AP) — U.S. President Joe Biden left New Delhi on Sunday for Hanoi "
        "after attending the Group of 20 summit.\n\nBiden will fly home on Monday evening, "
        "stopping in Anchorage, Alaska, to mark the anniversary of the Sept. 11 attacks.",
        date=dt.date(2023, 9, 10),
    )
    assert _leg_pairs(story) == [
        ("Washington", "New Delhi"),
        ("New Delhi", "Hanoi"),
        ("Hanoi", "Anchorage"),
        ("Anchorage", "Washington"),
    ]
    assert [v.status for v in _visit_events(story)][2:] == ["scheduled", "scheduled"]


def test_the_two_countries_a_pact_is_expected_between_may_stand_well_before_it() -> None:
    story = draft_story(
        "Trade between the United States and Vietnam reached $139 billion last year. In Hanoi, "
        "Biden will meet Trong, and the two countries are expected to sign a comprehensive "
        "strategic partnership.",
        date=dt.date(2023, 9, 10),
    )
    (pact,) = [e for e in story.events if isinstance(e, Alliance)]
    assert sorted(_name(story, m.place) for m in pact.members) == ["United States", "Vietnam"]
    assert pact.status == "scheduled"


def test_barrels_a_day_are_how_much_not_what_is_shipped() -> None:
    flows = _flows(
        "India's imports of Russian oil rose to a record 2.2 million barrels per day in June. "
        "Saudi Arabia shipped 560,000 bpd to India.",
        dt.date(2023, 7, 12),
    )
    assert flows[("Saudi Arabia", "India")].goods is None
    assert flows[("Russia", "India")].goods == "oil"


def test_a_journey_home_via_a_stop_is_two_legs_and_began_where_it_began() -> None:
    story = draft_story(
        "U.S. President Joe Biden arrived in Hanoi on Sunday. Biden will fly home on Tuesday "
        "via Anchorage.",
        date=dt.date(2023, 9, 11),
    )
    assert _leg_pairs(story) == [
        ("Washington", "Hanoi"),
        ("Hanoi", "Anchorage"),
        ("Anchorage", "Washington"),
    ]
    story = draft_story(
        "Italian Prime Minister Giorgia Meloni arrived in Tokyo on Sunday. She flew back to "
        "Rome on Monday via Dubai.",
        date=dt.date(2023, 9, 11),
    )
    assert _leg_pairs(story) == [("Rome", "Tokyo"), ("Tokyo", "Dubai"), ("Dubai", "Rome")]


def test_a_visit_that_had_been_due_is_none_and_the_return_is_from_the_last_stop() -> None:
    story = draft_story(
        "KINSHASA, Jan 31 (Reuters) - Pope Francis arrived in Kinshasa on Tuesday.\n\nThe "
        "86-year-old pontiff will stay in Congo until Friday, when he flies to Juba, the "
        "capital of South Sudan. He had been due to visit Goma in eastern Congo, but that leg "
        "was cancelled because of fighting.\n\nThe pope returns to Rome on Sunday.",
        date=dt.date(2023, 1, 31),
    )
    assert _leg_pairs(story) == [("Rome", "Kinshasa"), ("Kinshasa", "Juba"), ("Juba", "Rome")]


def test_a_leg_told_before_heading_on_from_an_arrival_that_day_is_ahead() -> None:
    story = draft_story(
        "Xi arrives in Kazakhstan for first trip abroad since pandemic\n\n"
        "ASTANA, Sept 14 (Reuters) - Chinese President Xi Jinping arrived in Kazakhstan on "
        "Wednesday on his first trip outside China since the early days of the COVID-19 "
        "pandemic, before heading to Uzbekistan for a summit where he will meet Russian "
        "President Vladimir Putin.\n\nXi was greeted at the airport in Nur-Sultan by Kazakh "
        "President Kassym-Jomart Tokayev.\n\nOn Thursday Xi will travel to Samarkand for the "
        "Shanghai Cooperation Organisation summit, where Putin is also due.",
        date=dt.date(2022, 9, 14),
    )
    legs = {_name(story, v.destination): v for v in _visit_events(story)}
    assert set(legs) == {"Astana", "Samarkand"}  # the country is the city's, both ahead
    assert (legs["Samarkand"].status, legs["Samarkand"].date.start) == (
        "scheduled",
        dt.date(2022, 9, 15),
    )
