"""Quakes, storms, floods, fires and outbreaks drafted from news text, and what is not one."""

from __future__ import annotations

import datetime as dt

from mapstory.geoparse.draft import draft_story
from mapstory.model import Disaster, Story
from mapstory.storyfile import dump_story, parse_story


def _disasters(text: str, day: dt.date = dt.date(2024, 10, 10)) -> tuple[Story, list[Disaster]]:
    story = draft_story(text, date=day)
    return story, [e for e in story.events if isinstance(e, Disaster)]


def _places(story: Story, event: Disaster) -> list[str]:
    return [story.place(p).name for p in event.places]


def test_a_quake_is_placed_where_the_clause_says_it_struck() -> None:
    story, (quake,) = _disasters(
        "KABUL, Oct 8 (Reuters) - A powerful earthquake and several strong aftershocks killed "
        "more than 2,000 people in western Afghanistan, the Taliban administration said on "
        "Sunday.\n\nThe magnitude 6.3 quake struck about 40 km northwest of the city of Herat "
        "on Saturday, the U.S. Geological Survey said. The World Health Organization sent "
        "medical supplies from its warehouse in Dubai.",
        dt.date(2023, 10, 8),
    )
    assert quake.title == "Earthquake in Afghanistan"
    assert _places(story, quake) == ["Afghanistan", "Herat"]  # not the agency's US, not Dubai
    assert quake.date.start == dt.date(2023, 10, 7) and len(quake.spans) == 2
    # It survives the story file.
    assert parse_story(dump_story(story)).events == story.events


def test_a_named_storm_goes_by_its_name_and_its_unnamed_mentions_are_it() -> None:
    story, storms = _disasters(
        "Typhoon kills 20 in Philippines as Japan signs defence pact\n\n"
        "Typhoon Kong-rey, the strongest storm this year, hit the northern Philippines on "
        "Thursday, killing at least 20 people. The storm struck Luzon with winds of 185km/h.",
        dt.date(2024, 11, 1),
    )
    (storm,) = storms
    assert storm.title == "Typhoon Kong-rey"
    assert _places(story, storm) == ["Philippines", "Luzon"]  # not the pact's Japan
    assert storm.date.start == dt.date(2024, 10, 31)  # Thursday, not "this year"
    # Two named storms stay two.
    story, storms = _disasters(
        "Hurricane Milton roared ashore near Siesta Key on Wednesday night, lashing Florida. "
        "It came two weeks after Hurricane Helene made landfall in North Carolina."
    )
    assert [s.title for s in storms] == ["Hurricane Milton", "Hurricane Helene"]


def test_outbreaks_floods_and_fires_are_disasters_too() -> None:
    story, found = _disasters(
        "A cholera outbreak in Yemen has killed 300 people. Floods in Pakistan displaced "
        "millions, and wildfires on Rhodes forced thousands to flee.",
        dt.date(2023, 8, 1),
    )
    assert [(d.title, _places(story, d)) for d in found] == [
        ("Cholera outbreak in Yemen", ["Yemen"]),
        ("Floods in Pakistan", ["Pakistan"]),
        ("Wildfires in Rhodes", ["Rhodes"]),
    ]


def test_figures_of_speech_and_fighting_are_no_disasters() -> None:
    _, found = _disasters(
        "The vote was a political earthquake in France. A flood of migrants reached Italy, "
        "and a storm of criticism hit Germany. The outbreak of war in Sudan displaced "
        "millions. The storm in Spain's parliament went on. The ruling set off a tsunami of "
        "lawsuits in California."
    )
    assert found == []
    # What a literal one is "of" is its measure.
    story, (quake,) = _disasters("An earthquake of magnitude 6.3 struck near Herat on Saturday.")
    assert _places(story, quake) == ["Herat"]
    # A storm's name keeps the words of its title.
    _, (storm,) = _disasters("Tropical Storm Alberto brought heavy rain to Mexico.")
    assert storm.title == "Tropical Storm Alberto"


def test_an_outbreak_is_named_by_its_disease_and_an_unnamed_one_is_the_one_named() -> None:
    story, found = _disasters(
        "A cholera outbreak in Yemen has killed 300 people. The worst outbreak in decades has "
        "spread to Aden.",
        dt.date(2017, 6, 1),
    )
    assert [(d.title, _places(story, d)) for d in found] == [
        ("Cholera outbreak in Yemen", ["Yemen", "Aden"])
    ]
    story, found = _disasters(
        "The last outbreak of foot-and-mouth in the UK cost billions. A measles outbreak hit "
        "Samoa. The outbreak spread to Fiji.",
        dt.date(2019, 12, 1),
    )
    # With two outbreaks named, "the outbreak" is the one told last before it.
    assert [(d.title, _places(story, d)) for d in found] == [
        ("Outbreak of foot-and-mouth in the United Kingdom", ["United Kingdom"]),
        ("Measles outbreak in Samoa", ["Samoa", "Fiji"]),
    ]
    # Two storms named: "the storm" is the one named last before it.
    story, found = _disasters(
        "Hurricane Helene killed 200 people in North Carolina. Two weeks later Hurricane "
        "Milton made landfall near Sarasota, Florida. The storm flooded streets in St. "
        "Petersburg."
    )
    assert [(d.title, _places(story, d)) for d in found] == [
        ("Hurricane Helene", ["North Carolina"]),
        ("Hurricane Milton", ["Sarasota", "Florida", "St. Petersburg"]),
    ]
    # Denied, or of nothing the article names, it is no outbreak on the map.
    _, found = _disasters(
        "There is no salmonella outbreak in Eastern Visayas. Officials fear a disease outbreak "
        "in Kenya."
    )
    assert found == []


def test_a_coast_struck_is_the_land_not_the_sea_and_a_saint_keeps_its_spelling() -> None:
    story, (tornadoes,) = _disasters(
        "At least four people were killed by tornadoes in St. Lucie County on Florida's "
        "Atlantic coast."
    )
    assert _places(story, tornadoes) == ["St. Lucie County", "Florida"]  # GeoNames: Saint …
    # States named in a list are the states, not their capitals' namesakes.
    story, (floods,) = _disasters(
        "Flooding this year has killed more than 200 people across Nigeria, including in "
        "Jigawa and Bauchi states."
    )
    kinds = {p.name: p.kind for p in story.places}
    assert kinds["Bauchi"] == "region" and kinds["Jigawa"] == "region"
    assert {"Jigawa", "Bauchi"} <= set(_places(story, floods))


def test_the_harm_told_in_the_sentences_after_a_disaster_places_it_there_too() -> None:
    story, (quake,) = _disasters(
        "The number of people killed by the earthquake that struck southern Turkey on Monday "
        "has risen above 20,000, officials said on Thursday.\n\nThe 7.8-magnitude quake hit "
        "near the city of Gaziantep in the early hours. Whole apartment blocks collapsed in "
        "Antakya, Adiyaman and Malatya.\n\nIn Syria, the worst damage was in Aleppo.\n\n"
        "President Recep Tayyip Erdogan visited Hatay on Wednesday. Rescue teams have flown in "
        "from more than 60 countries, including Greece and Mexico. A week later, buildings "
        "were damaged by a storm in Rome.",
        dt.date(2023, 2, 9),
    )
    names = _places(story, quake)
    # ("the earthquake that struck southern Turkey": its own relative clause says where.)
    assert names[:2] == ["Turkey", "Gaziantep"]
    assert {"Antakya", "Adıyaman", "Malatya", "Syria", "Aleppo"} <= set(names)
    # Not where the president went, nor where the help came from, nor, after the article has
    # moved on, other harm elsewhere.
    assert not {"Hatay", "Greece", "Mexico", "Rome"} & set(names)


def test_a_boat_that_capsized_is_a_shipwreck_where_it_went_down() -> None:
    story, (wreck,) = _disasters(
        "At least 79 people died after a fishing boat packed with migrants capsized and sank "
        "off the coast of southern Greece early on Wednesday, officials said. The vessel had "
        "set sail from Tobruk in eastern Libya. The coastguard said the boat sank about 47 "
        "nautical miles south-west of Pylos, in one of the deepest parts of the Mediterranean.",
        dt.date(2023, 6, 14),
    )
    assert wreck.title == "Shipwreck in Greece" and wreck.date.start == dt.date(2023, 6, 14)
    # Not where it had sailed from.
    names = _places(story, wreck)
    assert names[0] == "Greece" and "Mediterranean Sea" in names
    assert not {"Tobruk", "Libya"} & set(names)
    story, (wreck,) = _disasters(
        "Two crew drowned when a cargo ship under the flag of St. Kitts and Nevis sank in bad "
        "weather on Monday in the Red Sea."
    )
    assert wreck.title == "Shipwreck in the Red Sea"  # not in the country of its flag
    # A ship sunk by fire, shares that sank and a warship are no shipwreck of this kind.
    for text in (
        "Shares in Maersk sank 5% in Copenhagen on Monday.",
        "A missile sank the warship Moskva in the Black Sea.",
    ):
        assert _disasters(text)[1] == []


def test_a_hazard_goes_on_in_its_own_words_and_then_is_left() -> None:
    story, (fire,) = _disasters(
        "A fast-moving wildfire has destroyed much of the historic town of Lahaina on the "
        "Hawaiian island of Maui, "
        "officials said on Thursday. The fire forced residents to flee into the ocean. The "
        "governor said the blaze was likely the worst disaster in the state's history. Further "
        "fires were burning in Kula.",
        dt.date(2023, 8, 10),
    )
    assert _places(story, fire)[0] == "Lahaina" and "Kula" in _places(story, fire)
    story, (outbreak,) = _disasters(
        "A cholera outbreak in Malawi has killed more than 1,000 people, the health ministry "
        "said on Monday. Blantyre and Lilongwe have been worst affected. Neighbouring "
        "Mozambique and Zambia have also reported cases. The World Health Organization sent "
        "vaccines from its hub in Nairobi.",
        dt.date(2023, 2, 6),
    )
    assert _places(story, outbreak) == ["Malawi", "Blantyre", "Lilongwe", "Mozambique", "Zambia"]


def test_thunderstorms_and_the_outages_they_left_are_one_disaster() -> None:
    story, disasters = _disasters(
        "DETROIT (AP) — Severe thunderstorms swept across southern Michigan on Wednesday night, "
        "knocking out power to more than 200,000 homes. DTE Energy said the worst outages were "
        "in Oakland and Macomb counties, north of Detroit.",
        dt.date(2024, 8, 8),
    )
    (storm,) = disasters
    assert storm.title == "Thunderstorms in Michigan"
    assert {"Oakland County", "Macomb County"} <= set(_places(story, storm))


def test_a_quake_to_hit_a_country_and_where_its_deaths_were_are_its_places() -> None:
    story, (quake,) = _disasters(
        "The death toll from the strongest earthquake to hit Morocco in more than a century "
        "rose to 2,012 on Sunday, the interior ministry said.\n\nThe magnitude 6.8 quake struck "
        "late on Friday about 72 km southwest of Marrakesh, according to the U.S. Geological "
        "Survey. Most of the deaths were in Taroudant province further south. The quake was "
        "felt as far away as Casablanca.",
        dt.date(2023, 9, 10),
    )
    # Not the agency's country, not the city where it was only felt.
    assert _places(story, quake) == ["Morocco", "Marrakesh", "Taroudant"]
    assert quake.title == "Earthquake in Morocco"


def test_towns_a_flood_swept_and_regions_where_people_died_are_its_places() -> None:
    story, (flood,) = _disasters(
        "MADRID, Oct 30 (Reuters) - Flash floods have killed at least 95 people in Spain's "
        "Valencia region, authorities said on Wednesday.\n\nRivers burst their banks, sweeping "
        "away cars and flooding homes in the towns of Paiporta, Chiva and Utiel. Two people "
        "also died in the neighbouring region of Castilla-La Mancha.",
        dt.date(2024, 10, 30),
    )
    assert _places(story, flood)[-4:] == ["Paiporta", "Chiva", "Utiel", "Castilla-La Mancha"]
    assert "Rivers" not in [p.name for p in story.places]


def test_a_quake_of_another_year_is_another_quake() -> None:
    story, quakes = _disasters(
        "TOKYO, Jan 2 (Reuters) - A magnitude 7.5 earthquake struck the Noto peninsula in "
        "Ishikawa prefecture on Monday, killing at least 48 people.\n\nThe quake was the "
        "deadliest in Japan since 2016, when earthquakes in Kumamoto killed more than 200 "
        "people.",
        dt.date(2024, 1, 2),
    )
    by_year = {q.date.start.year: _places(story, q) for q in quakes}
    assert set(by_year) == {2024, 2016}
    assert "Kumamoto" not in by_year[2024]
    assert by_year[2016] == ["Kumamoto"]


def test_where_a_storm_moved_on_to_and_washed_away_roads_is_its_place() -> None:
    story, (helene,) = _disasters(
        "ATLANTA, Sept 28 (AP) — Hurricane Helene has killed at least 52 people after making "
        "landfall in Florida late Thursday.\n\nThe storm weakened as it moved into Georgia, "
        "where it knocked out power to more than a million homes. In the mountain city of "
        "Asheville, North Carolina, roads were washed away.",
        dt.date(2024, 9, 28),
    )
    assert {"Florida", "Georgia", "Asheville"} <= set(_places(story, helene))


def test_a_wildfire_told_again_as_a_blaze_in_its_sentence_goes_where_the_blaze_went() -> None:
    story, (fire,) = _disasters(
        "CALGARY, Alberta, May 15 (Reuters) - Wildfires raging across northern Alberta forced "
        "more than 6,000 people from their homes on Wednesday, as a blaze moved within 5 km of "
        "the oil sands hub of Fort McMurray.",
        dt.date(2024, 5, 15),
    )
    assert "Fort McMurray" in _places(story, fire)


def test_where_winds_tore_roofs_off_is_a_storms_place() -> None:
    story, (yagi,) = _disasters(
        "HANOI, Sept 8 (Reuters) - Typhoon Yagi killed at least 14 people in northern Vietnam "
        "on Saturday.\n\nIn the port city of Haiphong, winds tore roofs off houses and uprooted "
        "trees.",
        dt.date(2024, 9, 8),
    )
    assert "Haiphong" in _places(story, yagi)


def test_deaths_told_in_a_clause_of_their_own_place_the_disaster_there_too() -> None:
    story, (storm,) = _disasters(
        "KINGSTON, July 3 (Reuters) - Hurricane Beryl lashed Jamaica on Wednesday.\n\nThree "
        "people were killed in Grenada and one in St Vincent and the Grenadines, while three "
        "died in northern Venezuela.",
        dt.date(2024, 7, 3),
    )
    assert _places(story, storm)[-2:] == ["St Vincent and the Grenadines", "Venezuela"]


def test_the_harm_told_in_the_sentence_that_names_a_disaster_places_it_there() -> None:
    story, (quake,) = _disasters(
        "The death toll from Monday's earthquake in Turkey and Syria rose above 20,000 on "
        "Thursday as rescuers pulled survivors from the rubble of collapsed buildings in the "
        "southern Turkish city of Antakya.\n\nIn Syria, the worst-hit areas were around Aleppo.",
        dt.date(2023, 2, 9),
    )
    assert _places(story, quake) == ["Turkey", "Syria", "Antakya", "Aleppo"]
    # Called by the places its own phrase names together.
    assert quake.title == "Earthquake in Turkey and Syria"


def test_a_hazards_own_relative_clause_tells_where_it_struck() -> None:
    story, (fire,) = _disasters(
        "The death toll from the wildfire that destroyed the historic town of Lahaina on the "
        "Hawaiian island of Maui rose to 93 on Saturday. Smaller fires also burned in Kula.",
        dt.date(2023, 8, 13),
    )
    assert _places(story, fire)[0] == "Lahaina" and "Kula" in _places(story, fire)
    # Not a clause about what someone else did there.
    story, found = _disasters(
        "The earthquake, which officials in Tokyo reported on Monday, caused no damage.",
        dt.date(2024, 1, 2),
    )
    assert not found


def test_harm_told_in_a_where_clause_is_in_the_place_it_hangs_from() -> None:
    story, (storm,) = _disasters(
        "BLANTYRE, Malawi, March 16 (Reuters) - The death toll from Cyclone Freddy rose to 326 "
        "in Malawi on Thursday, as rescuers dug for survivors in the commercial hub of "
        "Blantyre, where landslides swept away entire neighbourhoods.",
        dt.date(2023, 3, 16),
    )
    assert _places(story, storm) == ["Malawi", "Blantyre"]


def test_a_heatwave_is_where_its_temperatures_soar() -> None:
    story, found = _disasters(
        "ROME, July 18 (Reuters) - Temperatures soared above 40 degrees Celsius in parts of "
        "Italy, Spain and Greece on Tuesday, as a heatwave forced the closure of the Acropolis.",
        dt.date(2023, 7, 18),
    )
    (heat,) = found
    assert _places(story, heat) == ["Italy", "Spain", "Greece"]


def test_a_boat_sunk_on_its_way_is_wrecked_where_it_went_down_not_where_it_was_going() -> None:
    story, (wreck,) = _disasters(
        "ROME, Aug 5 (Reuters) - At least 41 people are feared dead after a boat carrying "
        "migrants capsized in the Mediterranean on its way from the Tunisian city of Sfax to "
        "the Italian island of Lampedusa, survivors told aid workers.",
        dt.date(2023, 8, 5),
    )
    assert wreck.title == "Shipwreck in the Mediterranean Sea"
    assert _places(story, wreck) == ["Mediterranean Sea"]


def test_a_disease_found_or_spreading_somewhere_is_an_outbreak_named_by_it() -> None:
    story, (flu,) = _disasters(
        "Bird flu has been detected in dairy cattle in Texas, Kansas and Idaho, the U.S. "
        "Department of Agriculture said on Tuesday.",
        dt.date(2024, 4, 2),
    )
    assert flu.title == "Bird flu outbreak in Texas"
    assert _places(story, flu) == ["Texas", "Kansas", "Idaho"]
    # Declared an emergency, then told by its cases and its strain.
    story, (mpox,) = _disasters(
        "GENEVA, Aug 14 (Reuters) - The World Health Organization declared mpox a global "
        "public health emergency on Wednesday, as a new variant of the virus spread from the "
        "Democratic Republic of Congo to neighbouring countries.\n\nMore than 15,600 cases "
        "have been reported in Congo this year. The new strain has also been detected in "
        "Burundi and Kenya.",
        dt.date(2024, 8, 14),
    )
    assert mpox.title.startswith("Mpox outbreak in")
    assert {"Burundi", "Kenya"} <= set(_places(story, mpox))
    # Not a disease only named, nor the season's flu, nor the town a disease is named after.
    for text in (
        "Cholera is a waterborne disease.",
        "The flu has spread in Ohio this winter.",
        "Marburg kills more slowly than Ebola.",
    ):
        assert not _disasters(text, dt.date(2024, 8, 14))[1], text


def test_floods_told_beside_a_named_storm_are_the_storms_harm() -> None:
    story, found = _disasters(
        "WARSAW, Sept 16 (Reuters) - Storm Boris has killed at least 17 people in central and "
        "eastern Europe, with floods swamping towns in Poland, the Czech Republic, Austria and "
        "Romania over the weekend.\n\nIn Poland, floodwaters inundated the city of Nysa on "
        "Monday.",
        dt.date(2024, 9, 16),
    )
    (storm,) = found
    assert storm.title == "Storm Boris"
    assert _places(story, storm) == ["Poland", "Czechia", "Austria", "Romania", "Nysa"]


def test_a_ferry_sunk_in_a_strait_between_islands_is_wrecked_in_the_strait() -> None:
    story, (wreck,) = _disasters(
        "DENPASAR, Indonesia, July 3 - A ferry carrying 65 people sank in the Bali Strait late "
        "on Wednesday, killing at least six and leaving 30 missing.",
        dt.date(2025, 7, 3),
    )
    assert wreck.title == "Shipwreck in the Bali Strait"
    assert _places(story, wreck) == ["Bali Strait"]


def test_a_volcano_that_erupted_is_an_eruption_and_nothing_else_that_erupted_is() -> None:
    story, (eruption,) = _disasters(
        "REYKJAVIK, April 1 - A volcano erupted on Iceland's Reykjanes peninsula on Tuesday, "
        "forcing the evacuation of the fishing town of Grindavik.\n\nProtests erupted in "
        "Paris and violence erupted in Gaza.",
        dt.date(2025, 4, 1),
    )
    assert eruption.title == "Eruption in Iceland"
    assert eruption.date.start == dt.date(2025, 4, 1)
    assert "Paris" not in _places(story, eruption)


def test_a_place_named_only_to_say_how_far_off_the_disaster_was_is_not_struck() -> None:
    story, disasters = _disasters(
        "At least 115 people have died after flooding in the market town of Mokwa in "
        "central Nigeria.\n\nThe floods struck early on Thursday after hours of heavy rain, "
        "sweeping away homes in the town in Niger State, about 350 km west of the capital "
        "Abuja.\n\nLast year floods in Maiduguri, in the north-east, killed at least 30 "
        "people after the Alau dam collapsed.",
        dt.date(2025, 5, 31),
    )
    by_title = {d.title: d for d in disasters}
    assert set(by_title) == {"Flooding in Mokwa", "Floods in Maiduguri"}
    assert "Abuja" not in _places(story, by_title["Flooding in Mokwa"])
    assert by_title["Flooding in Mokwa"].date.start == dt.date(2025, 5, 29)
    # Last year's floods are floods of their own, in their own year.
    assert by_title["Floods in Maiduguri"].date.start == dt.date(2024, 1, 1)
    assert _places(story, by_title["Floods in Maiduguri"]) == ["Maiduguri"]


def test_what_the_one_storm_told_brings_later_is_that_storm() -> None:
    story, disasters = _disasters(
        "PERRY, Florida, Sept 27 (Reuters) - Hurricane Helene made landfall in Florida's Big "
        "Bend region late on Thursday as a Category 4 storm, killing at least three people."
        "\n\nThe storm came ashore near the town of Perry with winds of 140 mph.\n\n"
        "Two people died in Georgia when a tornado struck a mobile home park.",
        dt.date(2024, 9, 27),
    )
    (helene,) = disasters
    assert helene.title == "Hurricane Helene"
    # The tornado it spawned killed in Georgia; the Big Bend is no hamlet of that name in
    # Wisconsin or Eswatini.
    assert _places(story, helene) == ["Florida", "Perry", "Georgia"]
    # Someone who was elsewhere when a quake struck was not struck there.
    story, (quake,) = _disasters(
        "A powerful earthquake struck Morocco's High Atlas mountains late on Friday, killing "
        "more than 2,000 people in villages south of Marrakech.\n\nKing Mohammed VI, who was "
        "in Paris when the quake struck, returned to Rabat.",
        dt.date(2023, 9, 10),
    )
    assert "Paris" not in _places(story, quake)


def test_a_disaster_in_a_countrys_town_is_called_after_the_town() -> None:
    story, (floods,) = _disasters(
        "Floods kill dozens in Nigeria's Mokwa as dam bursts\n\nAt least 115 people have "
        "died, emergency officials said on Saturday.",
        dt.date(2025, 5, 31),
    )
    assert floods.title == "Floods in Mokwa"
    assert _places(story, floods) == ["Mokwa", "Nigeria"]


def test_a_storm_named_after_a_lower_case_title_is_that_storm() -> None:
    story, disasters = _disasters(
        "BRISBANE, March 8 - Ex-tropical cyclone Alfred crossed the coast near Brisbane on "
        "Saturday, bringing heavy rain and flooding to southeast Queensland and northern New "
        "South Wales.",
        dt.date(2025, 3, 8),
    )
    (alfred,) = disasters
    assert alfred.title == "Cyclone Alfred"
    assert _places(story, alfred)[0] == "Brisbane"


def test_a_town_among_the_worst_hit_is_a_place_the_disaster_struck() -> None:
    story, (floods,) = _disasters(
        "VALENCIA, Spain, Oct 30 - Flash floods in eastern Spain killed at least 95 people, "
        "emergency services said on Wednesday.\n\nThe town of Paiporta, south of Valencia, "
        "was among the worst hit, with at least 40 dead.",
        dt.date(2024, 10, 30),
    )
    assert "Paiporta" in _places(story, floods)


def test_the_disaster_named_again_after_sentences_about_else_is_the_same_one() -> None:
    story, (fire,) = _disasters(
        "RHODES, Greece, July 23 - Greece evacuated about 19,000 people from homes and hotels "
        "on the island of Rhodes on Sunday as a wildfire raged for a sixth day.\n\nTour "
        "operators TUI and Jet2 cancelled flights to the island. Britain said it would send "
        "consular staff to Rhodes airport. The fire burned through forests near the village "
        "of Lardos.\n\nFires also burned on the islands of Corfu and Evia.",
        dt.date(2023, 7, 23),
    )
    assert _places(story, fire) == ["Rhodes", "Lárdos", "Corfu", "Evia"]


def test_an_outbreaks_centre_and_the_cases_told_after_it_are_its_places() -> None:
    story, (measles,) = _disasters(
        "AUSTIN, Texas, Feb 26 - A measles outbreak in West Texas has grown to 124 cases, "
        "health officials said on Wednesday.\n\nThe child who died was unvaccinated and "
        "lived in Gaines County, the centre of the outbreak. Nine cases have been reported in "
        "Lea County, New Mexico.",
        dt.date(2025, 2, 26),
    )
    assert {"Gaines County", "Lea County"} <= set(_places(story, measles))


def test_flooded_homes_and_rivers_that_burst_their_banks_are_the_storms_harm() -> None:
    story, (babet,) = _disasters(
        "LEEDS, Oct 23 - Opposition leader Keir Starmer visited flooded homes in Retford on "
        "Monday after Storm Babet brought record rainfall to parts of England, killing at "
        "least seven people.\n\nRivers burst their banks in Derbyshire and Nottinghamshire.",
        dt.date(2023, 10, 23),
    )
    assert {"Retford", "Derbyshire", "Nottinghamshire"} <= set(_places(story, babet))


def test_a_storm_that_triggered_floods_did_what_they_did_and_takes_them_in() -> None:
    story, disasters = _disasters(
        "Floods in Libya's Derna kill thousands after dams burst\n\nBENGHAZI, Sept 12 - Floods "
        "triggered by Storm Daniel swept through the eastern Libyan city of Derna, killing "
        "more than 5,000 people, officials said on Tuesday.\n\nThe storm also hit Benghazi, "
        "and earlier caused deadly floods in Greece.",
        dt.date(2023, 9, 12),
    )
    (daniel,) = disasters
    assert daniel.title == "Storm Daniel"
    assert _places(story, daniel)[0] == "Derna"
    assert {"Benghazi", "Greece"} <= set(_places(story, daniel))


def test_swarms_of_locusts_are_a_disaster_called_after_where_they_went() -> None:
    story, (locusts,) = _disasters(
        "NAIROBI, Kenya - Swarms of desert locusts have crossed from Ethiopia into northern "
        "Kenya, threatening crops and pasture, the FAO said on Tuesday.\n\nThe swarms were "
        "first seen in Marsabit county last week and have since moved south into Isiolo.",
        dt.date(2020, 1, 21),
    )
    assert locusts.title == "Desert locusts in Kenya"  # not where they came from
    assert {"Kenya", "Ethiopia", "Marsabit", "Isiolo"} <= set(_places(story, locusts))


def test_a_ferry_that_sank_and_one_that_sank_years_before_are_two_shipwrecks() -> None:
    story, (ferry, toba) = _disasters(
        "JAKARTA - A passenger ferry carrying more than 300 people sank in rough seas off the "
        "Indonesian island of Sulawesi on Sunday, leaving at least 29 dead.\n\nIn 2018, more "
        "than 160 people drowned when an overcrowded ferry sank in Lake Toba in North Sumatra.",
        dt.date(2025, 6, 1),
    )
    assert ferry.title == "Shipwreck in Sulawesi" and ferry.date.start == dt.date(2025, 6, 1)
    assert toba.title == "Shipwreck in Lake Toba" and toba.date.start.year == 2018
    assert story.place(toba.places[0]).kind == "sea"


def test_a_fire_of_another_year_told_in_a_when_clause_is_not_this_fires_harm() -> None:
    story, (fire,) = _disasters(
        "MARSEILLE - A wildfire has burned more than 16,000 hectares in the Aude department of "
        "southern France, officials said on Wednesday.\n\nFirefighters were battling the blaze, "
        "the largest in France since 1949, when a fire in the Landes forest near Bordeaux "
        "killed 82 people.",
        dt.date(2025, 8, 6),
    )
    places = _places(story, fire)
    assert "Aude" in places  # the département, by the name news uses
    assert "Bordeaux" not in places and "Landes" not in places


def test_a_wreck_told_with_no_day_is_todays_and_one_months_before_another() -> None:
    story, (lampedusa, pylos) = _disasters(
        "ROME - Forty-one migrants drowned after their boat capsized in the Mediterranean on "
        "its way from Sfax to Lampedusa, survivors said on Wednesday.\n\nIn June, hundreds are "
        "believed to have died when a fishing boat carrying up to 750 people sank off the "
        "Greek town of Pylos.",
        dt.date(2023, 8, 9),
    )
    assert _places(story, lampedusa) == ["Mediterranean Sea"]
    assert _places(story, pylos) == ["Pýlos"] and pylos.date.start == dt.date(2023, 6, 1)


def test_landslides_after_a_quake_are_its_harm() -> None:
    story, disasters = _disasters(
        "A magnitude 7.4 earthquake struck off Taiwan's eastern coast on Wednesday, officials "
        "said.\n\nThe quake was centred about 18km south of the city of Hualien. Landslides "
        "blocked roads and tunnels across Hualien county.\n\nThe last major quake in Taiwan, "
        "in 1999, killed about 2,400 people.",
        dt.date(2024, 4, 3),
    )
    assert [d.title for d in disasters] == ["Earthquake in Taiwan", "Quake in Taiwan"]
    assert len(disasters[0].spans) == 3  # the landslides' sentence is the quake's
    assert "Hualien City" in _places(story, disasters[0])


def test_a_flood_of_a_year_gone_and_one_told_with_no_day_are_two() -> None:
    story, floods = _disasters(
        "In 2019, severe flooding in Burkina Faso affected over 100,000 people, the UN said."
        "\n\nFlooding has also affected the neighbouring countries of Benin and Ghana, "
        "officials said on Monday.",
        dt.date(2020, 6, 1),
    )
    assert [_places(story, f)[0] for f in floods] == ["Burkina Faso", "Benin"]
    assert floods[0].date.start.year == 2019 and floods[1].date is None


def test_the_agency_that_measured_a_quake_is_no_place_of_it_nor_its_magnitude_a_day() -> None:
    story, (quakes,) = _disasters(
        "Two strong earthquakes have struck north-western Iran, leaving at least 180 people "
        "dead, officials say.\nThe quakes struck near Tabriz and Ahar.\nThe US Geological "
        "Service measured the quakes at magnitude 6.4 and 6.3.",
        dt.date(2012, 8, 12),
    )
    assert _places(story, quakes) == ["Iran", "Tabriz", "Ahar"]
    assert quakes.date is None  # "6.4" is no 6 April


def test_an_outbreak_told_beside_its_disease_is_an_outbreak_of_it() -> None:
    story, (dengue,) = _disasters(
        "DHAKA - Bangladesh has recorded more than 1,000 deaths from dengue this year, the "
        "worst outbreak since the disease was first recorded in the country, health officials "
        "said on Sunday.\n\nThe outbreak has spread to all 64 districts, with Chattogram and "
        "Barishal among the worst hit.",
        dt.date(2023, 9, 17),
    )
    assert dengue.title == "Dengue outbreak in Bangladesh"
    assert {"Chattogram", "Barishal"} <= set(_places(story, dengue))


def test_a_storm_told_again_by_its_own_name_alone_is_that_storm() -> None:
    story, (chido,) = _disasters(
        "Cyclone Chido tore through the French territory of Mayotte on Saturday, killing at "
        "least 21 people.\n\nAfter Mayotte, Chido made landfall in northern Mozambique on "
        "Sunday near the city of Pemba, and later moved into Malawi.",
        dt.date(2024, 12, 16),
    )
    assert chido.title == "Cyclone Chido"
    assert {"Mayotte", "Mozambique", "Pemba", "Malawi"} <= set(_places(story, chido))


def test_a_storm_named_in_the_headline_and_again_with_its_title_is_told_once() -> None:
    story, (babet,) = _disasters(
        "Starmer visits flood-hit towns as Storm Babet toll rises\n\nLEEDS, Oct 23 - Keir "
        "Starmer visited flooded homes in Retford, Nottinghamshire, on Monday after Storm "
        "Babet brought record rainfall to parts of England, killing at least seven people.",
        dt.date(2023, 10, 23),
    )
    assert "Retford" in _places(story, babet)


def test_the_storm_of_an_article_naming_none_is_its_one_flood() -> None:
    story, (floods,) = _disasters(
        "VALENCIA, Spain - Flash floods unleashed by torrential rain have killed at least 205 "
        "people in Spain's eastern Valencia region, officials said on Friday.\n\nThe storm "
        "also brought heavy rain to Andalusia, where a man died in Malaga province.",
        dt.date(2024, 11, 1),
    )
    assert {"Valencia", "Andalusia"} <= set(_places(story, floods))


def test_a_series_of_quakes_another_year_is_another_disaster() -> None:
    story, quakes = _disasters(
        "A magnitude 6.0 earthquake struck eastern Afghanistan late Sunday, killing at least "
        "800 people. Most of the deaths were in Kunar province.\n\n"
        "In October 2023, a series of quakes in Herat province in the west of the country "
        "killed more than 1,500 people.",
        dt.date(2025, 9, 1),
    )
    by_title = {q.title: q for q in quakes}
    assert set(by_title) == {"Earthquake in Afghanistan", "Quakes in Herat"}
    assert "Herat" not in _places(story, by_title["Earthquake in Afghanistan"])
    assert by_title["Quakes in Herat"].date.start == dt.date(2023, 10, 1)


def test_a_land_named_after_its_state_and_rain_that_swept_homes_away_place_a_flood() -> None:
    story, (flood,) = _disasters(
        "Flash floods tore through the Texas Hill Country on Friday, killing at least 24 "
        "people.\n\nThe river rose 26 feet in 45 minutes after up to 10 inches of rain fell "
        "overnight on Kerr County, sweeping away homes, cars and cabins.",
        dt.date(2025, 7, 4),
    )
    assert _places(story, flood) == ["Texas", "Kerr County"]
    assert flood.date.start == dt.date(2025, 7, 4)


def test_rivers_bursting_their_banks_are_the_flood_there() -> None:
    story, (flood,) = _disasters(
        "Floods caused by Storm Boris swept through central and eastern Europe on Monday, "
        "killing at least 16 people, as rivers burst their banks in Poland, the Czech "
        "Republic, Austria and Romania.",
        dt.date(2024, 9, 16),
    )
    assert _places(story, flood) == ["Poland", "Czechia", "Austria", "Romania"]


def test_a_mountain_erupting_is_an_eruption_where_it_stands_not_where_flights_go() -> None:
    story, (eruption,) = _disasters(
        "Indonesian volcano erupts again, forcing Bali flight cancellations\n\n"
        "Mount Lewotobi Laki-laki on the Indonesian island of Flores erupted again on "
        "Tuesday, forcing dozens of international flights to and from Bali to be cancelled.",
        dt.date(2024, 11, 12),
    )
    assert eruption.title == "Eruption in Flores"
    assert _places(story, eruption) == ["Flores"]
    assert eruption.date.start == dt.date(2024, 11, 12)


def test_a_sea_naming_a_kind_of_storm_is_not_where_the_storm_struck() -> None:
    story, (storm,) = _disasters(
        "Hurricane Melissa made landfall in southwestern Jamaica on Tuesday as one of the "
        "strongest Atlantic storms on record.",
        dt.date(2025, 10, 28),
    )
    assert _places(story, storm) == ["Jamaica"]


def test_the_country_across_a_border_near_a_quake_is_not_struck() -> None:
    story, (quake,) = _disasters(
        "A magnitude 5.9 earthquake shook northwestern Iran near the border with Turkey late "
        "Saturday, killing at least seven people. The quake struck near the city of Khoy in "
        "West Azerbaijan province.",
        dt.date(2023, 1, 29),
    )
    assert _places(story, quake) == ["Iran", "Khoy", "West Azerbaijan"]  # not Turkey


def test_a_wildfire_told_by_its_toll_is_dated_by_the_blaze_that_swept_a_town() -> None:
    story, fires = _disasters(
        "LAHAINA, Hawaii (AP) — The death toll from the wildfire that destroyed the historic "
        "town of Lahaina on Maui rose to 93 on Saturday.\n\n"
        "The blaze, fanned by winds from Hurricane Dora passing far to the south, swept "
        "through Lahaina on Tuesday, destroying more than 2,200 buildings.\n\n"
        "Gov. Josh Green said the fires were the worst natural disaster in Hawaii's history, "
        "surpassing a 1960 tsunami that killed 61 people on the Big Island.",
        dt.date(2023, 8, 12),
    )
    (fire,) = [f for f in fires if f.title.startswith("Wildfire")]
    assert _places(story, fire)[0] == "Lahaina"  # not lost inside "Lahaina on Maui"
    assert fire.date.start == dt.date(2023, 8, 8)  # not the tsunami's 1960


def test_a_drought_lowering_the_canals_lake_is_a_disaster_there() -> None:
    story, (drought,) = _disasters(
        "PANAMA CITY, Nov 1 (Reuters) - The Panama Canal will further cut the number of ships "
        "allowed to cross each day because of a severe drought that has lowered the level of "
        "Gatun Lake, the canal's main water source. Some shippers have diverted cargo to ports "
        "in the United States.",
        dt.date(2023, 11, 1),
    )
    assert _places(story, drought) == ["Gatun Lake"]
    # The dateline alone is Panama's capital, in a story naming Panama, not Florida's town.
    assert any(p.name == "Panama City" and p.country_code == "PA" for p in story.places)


def test_a_flood_dated_by_its_own_clause_when_told_again_without_a_place() -> None:
    _story, floods = _disasters(
        "ABUJA, May 31 (Reuters) - Torrential rain caused flooding in the market town of Mokwa "
        "in central Nigeria, killing at least 151 people, officials said on Saturday.\n\n"
        "The flood, which struck before dawn on Thursday, swept away homes and a bridge.",
        dt.date(2025, 5, 31),
    )
    (flood,) = floods
    assert flood.date.start == dt.date(2025, 5, 29)


def test_an_eruption_counted_by_its_ordinal_and_an_airport_not_affected() -> None:
    story, (eruption,) = _disasters(
        "A volcano erupted on Iceland's Reykjanes peninsula early on Wednesday, the 12th "
        "eruption in the area since 2021, spewing lava near the fishing town of Grindavik.\n\n"
        "Flights at Keflavik international airport, about 20 km to the northwest, were not "
        "affected.",
        dt.date(2025, 7, 16),
    )
    assert eruption.date.start == dt.date(2025, 7, 16)  # "the 12th" is no December
    assert "Keflavík" not in _places(story, eruption)


def test_a_quake_is_dated_by_the_clause_that_says_when_it_struck() -> None:
    story, (quake,) = _disasters(
        "YANGON, March 31 (AP) - The death toll from the powerful earthquake that struck "
        "central Myanmar on Friday has risen to more than 2,000, the country's military "
        "government said on Monday.\n\nThe quake was centred near Mandalay, Myanmar's "
        "second-largest city.",
        dt.date(2025, 3, 31),
    )
    assert quake.date.start == dt.date(2025, 3, 28)
    # The country's second city, not the region named after it.
    mandalay = next(p for p in story.places if p.name == "Mandalay")
    assert mandalay.kind == "city"


def test_a_storm_named_alone_opening_a_sentence_goes_on_where_it_moved() -> None:
    story, (chido,) = _disasters(
        "Cyclone Chido has killed at least 34 people in northern Mozambique, the agency said "
        "on Tuesday.\n\nChido then moved inland into Malawi, where it killed at least 13 "
        "people, and weakened over Zimbabwe.",
        dt.date(2024, 12, 17),
    )
    assert _places(story, chido) == ["Mozambique", "Malawi", "Zimbabwe"]


def test_a_time_of_day_does_not_end_the_sentence_and_whoever_measured_it_was_not_hit() -> None:
    story, (quake,) = _disasters(
        "KABUL, Sept 1 (AP) - A magnitude 6.0 earthquake struck eastern Afghanistan late on "
        "Sunday, killing at least 800 people. The quake hit at 11:47 p.m. local time near the "
        "city of Jalalabad in Nangarhar province, at a shallow depth of 8 km, according to the "
        "U.S. Geological Survey.",
        dt.date(2025, 9, 1),
    )
    assert _places(story, quake) == ["Afghanistan", "Jalalabad", "Nangarhar"]
    assert quake.date.start == dt.date(2025, 8, 31)


def test_the_harm_told_again_after_sentences_about_else_is_the_disasters() -> None:
    story, (cyclone,) = _disasters(
        "DHAKA, May 27 (AP) - Cyclone Remal slammed into the coasts of Bangladesh and eastern "
        "India on Sunday night, killing at least 16 people.\n\nAuthorities had evacuated about "
        "800,000 people. Flights at Kolkata's international airport were suspended for 21 "
        "hours. In Bangladesh, most of the deaths were in the coastal districts of Barisal, "
        "Bhola and Patuakhali.",
        dt.date(2024, 5, 27),
    )
    assert {"Barisal", "Bhola", "Patuakhali"} <= set(_places(story, cyclone))
    assert "Kolkata" not in _places(story, cyclone)


def test_the_day_right_after_the_clause_a_quake_struck_in_is_its_day_and_rubble_is_harm() -> None:
    story, (quake,) = _disasters(
        "ANTAKYA, Turkey, Feb 9 (Reuters) - The death toll from the earthquake that struck "
        "Turkey and Syria on Monday rose above 20,000 on Thursday, as rescuers pulled more "
        "survivors from the rubble in the southern Turkish city of Antakya.",
        dt.date(2023, 2, 9),
    )
    assert quake.date.start == dt.date(2023, 2, 6)
    assert "Antakya" in _places(story, quake)


def test_an_order_to_leave_as_a_hazard_came_tells_where_it_came() -> None:
    story, (fire,) = _disasters(
        "All 20,000 residents of Yellowknife, the capital of Canada's Northwest Territories, "
        "were ordered to leave by noon on Friday as a wildfire advanced to within 15 "
        "kilometres of the city.",
        dt.date(2023, 8, 17),
    )
    assert _places(story, fire)[0] == "Yellowknife"
    assert fire.date is None  # by noon on Friday is a deadline, not when the fire came
    story, (fire,) = _disasters(
        "Residents of Hay River were ordered to leave on Sunday as a wildfire approached.",
        dt.date(2023, 8, 17),
    )
    assert _places(story, fire) == ["Hay River"]
    assert fire.date.start == dt.date(2023, 8, 13)


def test_a_quake_struck_late_on_a_day_told_right_after_its_clause_is_dated_so() -> None:
    story, (quake,) = _disasters(
        "MARRAKECH, Morocco, Sept 10 (AP) — The death toll from a powerful earthquake that "
        "struck Morocco's High Atlas mountains late on Friday rose above 2,000 on Sunday.",
        dt.date(2023, 9, 10),
    )
    assert quake.date.start == dt.date(2023, 9, 8)
    assert _places(story, quake) == ["Morocco"]
