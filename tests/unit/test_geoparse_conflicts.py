"""Acts of war read from news sentences: who struck, where and when, told in the ways
reports of border clashes and strikes abroad tell them."""

from __future__ import annotations

import datetime as dt

from mapstory.geoparse.draft import draft_story
from mapstory.model import Conflict, Story


def _conflicts(text: str, day: dt.date) -> dict[str, Conflict]:
    story = draft_story(text, date=day)
    return {e.title: e for e in story.events if isinstance(e, Conflict)}


def _place_names(story: Story, conflict: Conflict) -> list[str]:
    return [story.place(key).name for key in conflict.places]


def test_strikes_on_a_countrys_military_targets_are_strikes_on_that_country() -> None:
    conflicts = _conflicts(
        "Thai and Cambodian troops exchanged fire along their disputed border on Thursday, "
        "and Thailand launched air strikes on Cambodian military targets, in the worst "
        "fighting between the neighbours in more than a decade.\n\n"
        "Thai F-16 jets struck two Cambodian military sites near an ancient temple.",
        dt.date(2025, 7, 24),
    )
    assert set(conflicts) == {"Strikes on Cambodia by Thailand"}
    # The day of the clause it is joined to; "more than a decade" is no day.
    assert conflicts["Strikes on Cambodia by Thailand"].date.start == dt.date(2025, 7, 24)


def test_targets_hit_in_a_place_told_after_the_first_target_are_hit_there() -> None:
    conflicts = _conflicts(
        "Cambodian rockets hit a petrol station and a hospital in Thailand's Sisaket "
        "province, killing at least nine civilians.",
        dt.date(2025, 7, 24),
    )
    assert set(conflicts) == {"Strikes on Sisaket by Cambodia"}


def test_people_struck_in_a_city_are_a_strike_on_the_city() -> None:
    conflicts = _conflicts(
        "The pact comes a week after Israel struck Hamas leaders in Doha, Qatar.",
        dt.date(2025, 9, 17),
    )
    assert set(conflicts) == {"Strikes on Doha by Israel"}
    # Not the strikers' leaders struck wherever a deal was struck.
    assert not _conflicts("The two leaders struck a deal in Doha on Monday.", dt.date(2025, 9, 17))


def test_every_region_of_the_list_the_targets_lie_in_is_struck() -> None:
    text = (
        "Russian forces attacked Ukraine's gas production facilities in the Poltava and "
        "Kharkiv regions overnight with drones and missiles."
    )
    story = draft_story(text, date=dt.date(2025, 10, 17))
    (attack,) = [e for e in story.events if isinstance(e, Conflict)]
    assert _place_names(story, attack) == ["Ukraine", "Poltava", "Kharkiv"]


def test_missiles_and_drones_fired_at_a_city_are_an_attack_on_it() -> None:
    conflicts = _conflicts(
        "Overnight, Russia launched 14 ballistic missiles and 250 drones at Kyiv, injuring at "
        "least 15 people, the city's military administration said.",
        dt.date(2025, 5, 23),
    )
    assert set(conflicts) == {"Missile attack on Kyiv by Russia"}


def test_a_country_that_responded_by_firing_fired() -> None:
    conflicts = _conflicts(
        "Iran responded on Friday night by firing about 100 ballistic missiles at Israel.",
        dt.date(2025, 6, 13),
    )
    assert set(conflicts) == {"Missile attack on Israel by Iran"}


def test_a_country_that_said_it_struck_struck() -> None:
    conflicts = _conflicts(
        'India said it targeted "terrorist infrastructure" in Bahawalpur and Muridke in '
        "Pakistan's Punjab province.",
        dt.date(2025, 5, 7),
    )
    assert set(conflicts) == {"Strikes on Bahawalpur and Muridke by India"}


def test_an_attack_that_killed_people_somewhere_is_an_attack_there() -> None:
    conflicts = _conflicts(
        "The April 22 attack in Pahalgam killed 26 men, most of them Indian tourists.\n\n"
        "A heart attack in Paris killed the singer. A shark attack in Sydney killed a swimmer.",
        dt.date(2025, 5, 7),
    )
    assert set(conflicts) == {"Attack in Pahalgam"}
    assert conflicts["Attack in Pahalgam"].date.start == dt.date(2025, 4, 22)


def test_drone_attacks_on_airbases_deep_inside_a_country_are_attacks_on_it() -> None:
    conflicts = _conflicts(
        "The talks came a day after Ukraine launched drone attacks on airbases deep inside "
        "Russia, destroying bombers.",
        dt.date(2025, 6, 2),
    )
    assert set(conflicts) == {"Attacks on Russia by Ukraine"}


def test_drones_that_struck_the_city_of_a_name_struck_it() -> None:
    conflicts = _conflicts(
        "Russian drones and glide bombs struck Ukraine's second-largest city of Kharkiv "
        "overnight, killing at least three people.",
        dt.date(2025, 6, 7),
    )
    assert set(conflicts) == {"Strikes on Kharkiv by Russia"}


def test_drones_after_a_dateline_strike_the_city_they_hit() -> None:
    # After the dateline's dash the model takes "Drones" for a name; it is still armed force.
    conflicts = _conflicts(
        "KHARTOUM (Reuters) - Drones struck Port Sudan for a third consecutive day on "
        "Tuesday, hitting the city's main fuel depot, the army said.",
        dt.date(2025, 5, 6),
    )
    assert set(conflicts) == {"Strikes on Port Sudan"}
    assert conflicts["Strikes on Port Sudan"].date.start == dt.date(2025, 5, 6)


def test_a_vehicle_struck_in_a_region_of_a_country_is_a_strike_on_the_region() -> None:
    text = (
        "Hours after the talks ended, a Russian drone struck a bus in the Sumy region of "
        "northeastern Ukraine, killing nine people, regional officials said."
    )
    story = draft_story(text, date=dt.date(2025, 5, 17))
    (strike,) = [e for e in story.events if isinstance(e, Conflict)]
    assert strike.title == "Strikes on Sumy by Russia"
    assert _place_names(story, strike) == ["Sumy"]


def test_a_siege_laid_to_a_city_is_the_siege_of_it() -> None:
    conflicts = _conflicts(
        "The RSF still holds most of the western region of Darfur, where it laid siege to "
        "El Fasher.",
        dt.date(2025, 5, 6),
    )
    assert set(conflicts) == {"Siege of El Fasher"}


def test_strikes_by_two_countries_forces_and_attacks_on_shipping_at_sea() -> None:
    conflicts = _conflicts(
        "U.S. and British warplanes, ships and submarines launched dozens of air and sea "
        "strikes on Houthi targets across Yemen overnight, in retaliation for the Iran-backed "
        "group's attacks on shipping in the Red Sea.\n\n"
        "The Houthis have attacked dozens of merchant vessels in the Red Sea since November, "
        "as the group kept up attacks on shipping despite U.S. and British strikes.",
        dt.date(2024, 1, 12),
    )
    assert set(conflicts) == {
        "Strikes on Yemen by the United States and the United Kingdom",
        "Attacks on shipping in the Red Sea",
    }


def test_missiles_fired_at_a_country_that_hit_its_towns_are_one_attack_on_it() -> None:
    text = (
        "Israel strikes Iran's nuclear sites; Iran fires missiles at Tel Aviv\n\n"
        "JERUSALEM, June 13 - Israel launched strikes on Iran's nuclear facilities early on "
        "Friday, hitting the Natanz enrichment site and residential buildings in Tehran.\n\n"
        "Iran responded on Friday evening by firing more than 100 ballistic missiles at "
        "Israel, some of which hit buildings in Tel Aviv and Ramat Gan, the Israeli military "
        "said."
    )
    story = draft_story(text, date=dt.date(2025, 6, 13))
    conflicts = {e.title: e for e in story.events if isinstance(e, Conflict)}
    assert set(conflicts) == {"Strikes on Iran by Israel", "Missile attack on Israel by Iran"}
    answer = conflicts["Missile attack on Israel by Iran"]
    # The towns it hit are on the map; the headline's Tel Aviv is this attack.
    assert _place_names(story, answer) == ["Israel", "Tel Aviv", "Ramat Gan"]
    assert answer.date.start == dt.date(2025, 6, 13)
    assert _place_names(story, conflicts["Strikes on Iran by Israel"]) == ["Iran", "Tehran"]


def test_a_site_an_army_takes_in_a_city_is_taken_in_the_city() -> None:
    conflicts = _conflicts(
        "PORT SUDAN, March 21 - Sudan's army said on Friday it had recaptured the "
        "presidential palace in central Khartoum from the paramilitary Rapid Support "
        "Forces.\n\nIn Nairobi, thousands of protesters stormed the parliament building on "
        "Tuesday and seized the speaker's office in the city.",
        dt.date(2025, 3, 21),
    )
    # The palace, not the whole city; protesters are no armed force.
    assert set(conflicts) == {"Recapture in Khartoum by Sudan"}


def test_a_headline_strike_is_the_bodys_one_strike_by_that_side() -> None:
    conflicts = _conflicts(
        "India strikes Pakistan after Kashmir attack\n\nNEW DELHI, May 7 - India launched "
        "missile strikes on nine sites in Pakistan and Pakistan-administered Kashmir early on "
        "Wednesday.",
        dt.date(2025, 5, 7),
    )
    (strikes,) = conflicts.values()
    assert strikes.title.endswith("by India")
    assert "Pakistan" in strikes.title
    assert strikes.date.start == dt.date(2025, 5, 7)


def test_jets_of_a_country_named_before_their_model_are_that_countrys() -> None:
    conflicts = _conflicts(
        "Thailand's army said Cambodian forces fired rockets at a hospital in Sisaket "
        "province, while Thai F-16 jets bombed Cambodian military targets near the temple.",
        dt.date(2025, 7, 24),
    )
    assert set(conflicts) == {
        "Rocket attack on Sisaket by Cambodia",
        "Strikes on Cambodia by Thailand",
    }


def test_a_country_that_responded_with_missiles_at_cities_attacked_them() -> None:
    story = draft_story(
        "JERUSALEM, June 13 - Israel struck Iran's main uranium enrichment facility at Natanz "
        "early on Friday, and Iran responded with barrages of ballistic missiles at Tel Aviv "
        "and Jerusalem.",
        date=dt.date(2025, 6, 13),
    )
    conflicts = {e.title: e for e in story.events if isinstance(e, Conflict)}
    attack = conflicts["Missile attack on Tel Aviv and Jerusalem by Iran"]
    assert _place_names(story, attack) == ["Tel Aviv", "Jerusalem"]
    assert attack.date.start == dt.date(2025, 6, 13)


def test_where_the_strikes_told_before_hit_is_struck_by_their_side() -> None:
    text = (
        "JERUSALEM, June 13 - Israel struck Iran's main uranium enrichment facility at Natanz "
        "early on Friday.\n\nExplosions were also heard in Tehran, where the strikes hit "
        "residential buildings."
    )
    story = draft_story(text, date=dt.date(2025, 6, 13))
    (strikes,) = [e for e in story.events if isinstance(e, Conflict)]
    assert strikes.title == "Strikes on Iran by Israel"
    assert _place_names(story, strikes) == ["Iran", "Natanz", "Tehran"]
    assert any("where the strikes hit" in text[s.start : s.end] for s in strikes.spans)
    # A strike no armed act before it explains is a walkout, not an attack.
    story = draft_story(
        "Dockers walked out in Antwerp on Monday.\n\nCargo piled up in Rotterdam, where the "
        "strike hit container terminals.",
        date=dt.date(2025, 6, 13),
    )
    assert not any(isinstance(e, Conflict) for e in story.events)


def test_strikes_on_dozens_of_targets_and_the_towns_the_strikes_hit_are_one_act() -> None:
    text = (
        "Houthis claim attack on ship as U.S. strikes Yemen\n\nDUBAI, Jan 12 - Yemen's Houthi "
        "movement said on Friday it had fired missiles at a U.S. cargo ship in the Gulf of "
        "Aden, hours after the United States and Britain launched air strikes on dozens of "
        "Houthi targets in Yemen.\n\nThe strikes hit targets in the capital Sanaa, the port "
        "city of Hodeidah and the northern stronghold of Saada, residents said."
    )
    story = draft_story(text, date=dt.date(2024, 1, 12))
    conflicts = {e.title: e for e in story.events if isinstance(e, Conflict)}
    strikes = conflicts["Strikes on Yemen by the United States and the United Kingdom"]
    assert _place_names(story, strikes) == ["Yemen", "Sanaa", "Hodeidah", "Saada"]
    assert "Attacks on shipping in the Gulf of Aden" in conflicts


def test_a_facility_struck_at_a_town_strikes_the_town_too() -> None:
    story = draft_story(
        "Israel struck Iran's main uranium enrichment facility at Natanz early on Friday.",
        date=dt.date(2025, 6, 13),
    )
    (strikes,) = [e for e in story.events if isinstance(e, Conflict)]
    assert _place_names(story, strikes) == ["Iran", "Natanz"]


def test_the_towns_the_strikes_were_said_to_hit_join_the_strikes_told_before() -> None:
    text = (
        "India strikes Pakistan after Kashmir attack\n\nNEW DELHI, May 7 - India launched "
        "missile strikes on nine sites in Pakistan and Pakistan-administered Kashmir early on "
        "Wednesday.\n\nPakistan said the strikes hit six locations, including Muridke near "
        "Lahore and Bahawalpur in Punjab province. Artillery fire was exchanged across the "
        "Line of Control in Kashmir, where Pakistani shelling killed 12 people in the Indian "
        "town of Poonch."
    )
    story = draft_story(text, date=dt.date(2025, 5, 7))
    conflicts = {e.title: e for e in story.events if isinstance(e, Conflict)}
    assert set(conflicts) == {
        "Strikes on Kashmir and Pakistan by India",
        "Shelling in Poonch by Pakistan",
    }
    strikes = conflicts["Strikes on Kashmir and Pakistan by India"]
    assert {"Muridke", "Bahawalpur"} <= set(_place_names(story, strikes))


def test_jihadists_who_overran_a_base_attacked_the_town_it_is_in() -> None:
    conflicts = _conflicts(
        "MAIDUGURI, Nigeria - Officials in Borno state said on Sunday that at least 20 "
        "soldiers were killed when jihadists overran a military base in Monguno.",
        dt.date(2020, 6, 14),
    )
    assert "Attack on Monguno" in {c.title for c in conflicts.values()}


def test_what_strikes_went_on_to_hit_and_what_missiles_fired_struck_are_their_places() -> None:
    story = draft_story(
        "JERUSALEM - Israel launched air strikes on Iran's nuclear facilities early on "
        "Friday, hitting the uranium enrichment site at Natanz and targets in Tehran.\n\nIran "
        "responded hours later by firing about 100 ballistic missiles at Israel, some of which "
        "struck buildings in Tel Aviv and Ramat Gan, the Israeli military said.",
        date=dt.date(2025, 6, 13),
    )
    places = {e.title: _place_names(story, e) for e in story.events if isinstance(e, Conflict)}
    assert {"Natanz", "Tehran"} <= set(places["Strikes on Iran by Israel"])
    assert {"Tel Aviv", "Ramat Gan"} <= set(places["Missile attack on Israel by Iran"])


def test_a_stronghold_taken_is_the_city_its_apposition_names_dated_by_the_saying() -> None:
    story = draft_story(
        "Sudan's paramilitary Rapid Support Forces said on Sunday they had seized the army's "
        "last stronghold in Darfur, the city of El Fasher, after a siege of more than 18 "
        "months.\n\n"
        "The army holds the north and east of Sudan, including Khartoum, which it retook in "
        "March, and Port Sudan on the Red Sea, where the government is based.",
        date=dt.date(2025, 10, 27),
    )
    conflicts = {e.title: e for e in story.events if isinstance(e, Conflict)}
    assert set(conflicts) == {"Seizure of El Fasher", "Recapture of Khartoum"}
    assert conflicts["Seizure of El Fasher"].date.start == dt.date(2025, 10, 26)
    # Only the city its relative clause is about was retaken, not Port Sudan after it.
    assert _place_names(story, conflicts["Recapture of Khartoum"]) == ["Khartoum"]
    assert conflicts["Recapture of Khartoum"].date.start == dt.date(2025, 3, 1)


def test_rebels_after_a_dateline_seize_a_site_in_the_city_apart_from_a_capture_years_ago() -> None:
    conflicts = _conflicts(
        "M23 rebels seize Goma airport as Congo army retreats\n\n"
        "GOMA, Democratic Republic of Congo, Jan 28 (Reuters) - Rwanda-backed M23 rebels "
        "seized the airport in Goma on Tuesday, consolidating their grip on the city.\n\n"
        "The M23 rebels captured Goma once before, in 2012, and held it for over a week.",
        dt.date(2025, 1, 28),
    )
    assert set(conflicts) == {"Seizure in Goma", "Capture of Goma"}
    assert conflicts["Seizure in Goma"].date.start == dt.date(2025, 1, 28)
    assert conflicts["Capture of Goma"].date.start == dt.date(2012, 1, 1)


def test_gunmen_killing_people_somewhere_is_an_attack_there() -> None:
    conflicts = _conflicts(
        "India blamed Pakistan for the attack.\n\nGunmen killed 26 men at a meadow near "
        "Pahalgam in Kashmir on April 22. Militants killed 12 soldiers in an ambush in Borno "
        "state on Sunday. Police killed a suspect in Dayton on Monday. The storm killed 12 "
        "people in Florida.",
        dt.date(2025, 5, 7),
    )
    assert set(conflicts) == {"Attack in Pahalgam", "Attack in Borno"}
    assert conflicts["Attack in Pahalgam"].date.start == dt.date(2025, 4, 22)


def test_clashes_are_dated_by_their_clause_and_strikes_placed_by_the_targets_listed() -> None:
    conflicts = _conflicts(
        "In 2011, clashes near the Preah Vihear temple killed at least 20 people.",
        dt.date(2025, 7, 24),
    )
    assert conflicts["Clashes in Preah Vihear"].date.start == dt.date(2011, 1, 1)
    story = draft_story(
        "Pakistan said 26 civilians had been killed and 46 wounded in strikes on six "
        "locations, including a mosque in Bahawalpur in Punjab province.",
        date=dt.date(2025, 5, 7),
    )
    (strike,) = [e for e in story.events if isinstance(e, Conflict)]
    assert _place_names(story, strike) == ["Bahawalpur"]


def test_the_headlines_strikes_on_a_country_are_the_bodys_on_its_capital() -> None:
    story = draft_story(
        "Israel strikes Hamas leaders in Qatar's capital\n\n"
        "DOHA, Sept 9 (Reuters) - Israel carried out an air strike on Hamas leaders in Doha "
        "on Tuesday.\n\nQatar hosts the Al Udeid air base, the largest U.S. military base in "
        "the Middle East, which Iran attacked with missiles in June.",
        date=dt.date(2025, 9, 9),
    )
    conflicts = {e.title: e for e in story.events if isinstance(e, Conflict)}
    # One strike, on Doha; and no attack on the whole Middle East.
    assert set(conflicts) == {"Strike on Doha by Israel"}
    assert _place_names(story, conflicts["Strike on Doha by Israel"]) == ["Doha"]


def test_an_attack_told_by_its_kind_strikes_the_towns_it_hit() -> None:
    story = draft_story(
        "The drones were part of a Russian attack that struck the Ukrainian cities of Lviv, "
        "Lutsk and Zhytomyr. A Russian drone strike hit an apartment block in Sumy on Monday.",
        date=dt.date(2025, 9, 10),
    )
    conflicts = {e.title: e for e in story.events if isinstance(e, Conflict)}
    assert _place_names(story, conflicts["Strikes on Lviv, Lutsk and Zhytomyr"]) == [
        "Lviv",
        "Lutsk",
        "Zhytomyr",
    ]
    assert conflicts["Strikes on Sumy"].date.start == dt.date(2025, 9, 8)


def test_militants_who_sank_a_ship_attacked_shipping_where_it_sank() -> None:
    conflicts = _conflicts(
        "DUBAI, July 9 (Reuters) - Yemen's Houthi militants said on Wednesday they had sunk "
        "the Greek-operated bulk carrier Eternity C in the Red Sea.",
        dt.date(2025, 7, 9),
    )
    assert set(conflicts) == {"Attacks on shipping in the Red Sea by Yemen"}
    # A ferry that sank is a wreck, and a hope sunk no attack.
    assert (
        _conflicts(
            "A ferry sank off Bali on Monday. The defeat sank his hopes in Texas.",
            dt.date(2025, 7, 9),
        )
        == {}
    )


def test_strikes_that_killed_are_placed_where_they_killed_and_gangs_are_armed() -> None:
    story = draft_story(
        "Israeli air strikes killed at least 51 Palestinians across the Gaza Strip on Monday, "
        "local health officials said.\n\nGangs stormed two prisons in Port-au-Prince in "
        "March, freeing about 4,000 inmates.",
        date=dt.date(2025, 6, 30),
    )
    conflicts = {e.title: e for e in story.events if isinstance(e, Conflict)}
    assert _place_names(story, conflicts["Strike in Gaza Strip by Israel"]) == ["Gaza Strip"]
    assert conflicts["Strike in Gaza Strip by Israel"].date.start == dt.date(2025, 6, 30)
    assert conflicts["Attack on Port-au-Prince"].date.start == dt.date(2025, 3, 1)


def test_a_sides_strikes_that_killed_and_a_ceasefire_mark_the_fighting() -> None:
    story = draft_story(
        "Israeli strikes kill dozens in Gaza\n\nCAIRO, June 30 (Reuters) - Israeli strikes "
        "killed at least 51 Palestinians across the Gaza Strip on Monday, local health "
        "officials said.\n\nA ceasefire in Sudan took effect on Monday.\n\nDrone strikes on "
        "Port Sudan in May hit the city's airport and fuel depots.",
        date=dt.date(2025, 6, 30),
    )
    conflicts = {e.title: e for e in story.events if isinstance(e, Conflict)}
    # The headline's strikes are the body's, told where the body tells them.
    assert set(conflicts) == {
        "Strike in Gaza Strip by Israel",
        "Fighting in Sudan",
        "Strike on Port Sudan",
    }
    assert _place_names(story, conflicts["Strike in Gaza Strip by Israel"]) == [
        "Gaza Strip",
        "Gaza",
    ]
    assert conflicts["Strike in Gaza Strip by Israel"].date.start == dt.date(2025, 6, 30)
    # The strikes' month is the clause of the harm they did.
    assert conflicts["Strike on Port Sudan"].date.start == dt.date(2025, 5, 1)


def test_control_seized_of_most_of_a_city_is_its_seizure() -> None:
    conflicts = _conflicts(
        "GOMA, Congo, Jan 27 (AP) - M23 rebels seized control of most of Goma on Monday.",
        dt.date(2025, 1, 27),
    )
    assert {title: c.date.start for title, c in conflicts.items()} == {
        "Seizure of Goma": dt.date(2025, 1, 27)
    }


def test_strikes_made_overnight_are_dated_by_the_night_just_gone() -> None:
    conflicts = _conflicts(
        "KYIV, Feb 14 (Reuters) - Ukrainian drones struck an oil refinery in Russia's "
        "Volgograd region overnight, setting it on fire, the regional governor said on "
        "Friday.\n\nThe overnight rate on loans in Moscow rose.",
        dt.date(2025, 2, 14),
    )
    assert {title: c.date.start for title, c in conflicts.items()} == {
        "Strikes on Volgograd by Ukraine": dt.date(2025, 2, 14)
    }


def test_border_clashes_between_two_countries_are_fought_in_both() -> None:
    for text, title in (
        (
            "Trump witnessed the signing of a ceasefire agreement between Thailand and "
            "Cambodia, whose border clashes in July killed at least 48 people.",
            "Border clashes between Thailand and Cambodia",
        ),
        (
            "Clashes between Thailand and Cambodia in July killed at least 48 people.",
            "Clashes between Thailand and Cambodia",
        ),
        (
            "Thailand and Cambodia fought a five-day border war in July that killed 48 people.",
            "Border war between Thailand and Cambodia",
        ),
    ):
        story = draft_story(text, date=dt.date(2025, 10, 26))
        conflicts = {e.title: e for e in story.events if isinstance(e, Conflict)}
        assert set(conflicts) == {title}, text
        assert _place_names(story, conflicts[title]) == ["Thailand", "Cambodia"]
        assert conflicts[title].date.start == dt.date(2025, 7, 1)
    # Sides that are no countries are not where the fighting is.
    assert set(
        _conflicts(
            "Fighting between the army and the RSF erupted in April 2023 in Khartoum.",
            dt.date(2025, 10, 26),
        )
    ) == {"Fighting in Khartoum"}


def test_a_wave_of_strikes_across_a_country_is_strikes_on_it_dated_by_its_clause() -> None:
    conflicts = _conflicts(
        "JERUSALEM, June 13 (Reuters) - Israel launched a wave of air strikes across Iran on "
        "Friday, hitting the Natanz uranium enrichment facility.",
        dt.date(2025, 6, 13),
    )
    assert set(conflicts) == {"Strikes on Iran by Israel"}
    assert conflicts["Strikes on Iran by Israel"].date.start == dt.date(2025, 6, 13)


def test_a_plague_invading_is_no_war_and_a_war_begun_since_is_dated_by_its_start() -> None:
    assert not _conflicts(
        "Huge swarms of desert locusts invaded Kenya and Uganda, the FAO said.",
        dt.date(2020, 2, 10),
    )
    conflicts = _conflicts(
        "It is his ninth trip to the region since the war in Gaza began in October.",
        dt.date(2024, 8, 16),
    )
    assert conflicts["War in Gaza"].date.start == dt.date(2023, 10, 1)


def test_one_of_the_largest_drone_attacks_is_the_act_and_the_headline_tells_it_too() -> None:
    story = draft_story(
        "Ukrainian drones strike Moscow\n\nMOSCOW, May 21 (Reuters) - Ukraine launched one of "
        "its largest drone attacks on Moscow overnight, Russia's defence ministry said on "
        "Wednesday. Air defences shot down 105 drones over the Moscow region and 300 more over "
        "other regions, including Kursk and Bryansk.",
        date=dt.date(2025, 5, 21),
    )
    conflicts = [e for e in story.events if isinstance(e, Conflict)]
    assert [(c.title, c.date.start) for c in conflicts] == [
        ("Attacks on Moscow by Ukraine", dt.date(2025, 5, 21))
    ]
    # The capital attacked is the city, whatever region bears its name too.
    assert story.place(conflicts[0].places[0]).kind == "city"
    assert "Kursk" in {p.name for p in story.places}  # not the submarine the model saw


def test_each_place_told_with_the_preposition_again_is_struck_or_fought_over() -> None:
    story = draft_story(
        "Clashes broke out in Nyala, the capital of South Darfur, and in Kutum in North Darfur. "
        "Army jets carried out air strikes on RSF positions in southern Khartoum and in "
        "Omdurman.",
        date=dt.date(2023, 6, 15),
    )
    conflicts = {e.title: e for e in story.events if isinstance(e, Conflict)}
    assert set(conflicts) == {"Clashes in Nyala and Kutum", "Strikes on Khartoum and Omdurman"}
    assert _place_names(story, conflicts["Clashes in Nyala and Kutum"]) == ["Nyala", "Kutum"]


def test_a_port_city_where_strikes_fell_is_struck_not_a_port_story() -> None:
    story = draft_story(
        "U.S. and British warplanes, ships and submarines launched dozens of air strikes across "
        "Yemen overnight, hitting Houthi targets in the capital Sanaa and in the port city of "
        "Hodeidah, U.S. officials said on Friday.",
        date=dt.date(2024, 1, 12),
    )
    (strikes,) = [e for e in story.events if isinstance(e, Conflict)]
    assert _place_names(story, strikes) == ["Yemen", "Sanaa", "Hodeidah"]
    assert [e.kind for e in story.events] == ["conflict"]


def test_where_a_ship_was_struck_may_hang_on_what_struck_it_or_what_a_list_includes() -> None:
    conflicts = _conflicts(
        "Yemen's Houthi militants struck a British-owned cargo ship with two missiles in the "
        "Gulf of Aden late on Sunday. Russian drones struck port facilities in Odesa on "
        "Wednesday, including in the town of Izmail.",
        dt.date(2024, 2, 19),
    )
    shipping = next(c for t, c in conflicts.items() if t.startswith("Attacks on shipping"))
    assert shipping.date.start == dt.date(2024, 2, 18)
    assert "Strikes on Odesa and Izmail by Russia" in conflicts


def test_a_place_also_hit_was_struck_by_the_acts_just_told() -> None:
    conflicts = _conflicts(
        "Russia attacked Ukraine's southern port city of Odesa with missiles and drones for a "
        "third straight night, damaging grain terminals. The port of Chornomorsk, south of "
        "Odesa, was also hit, destroying 60,000 tonnes of grain.",
        dt.date(2023, 7, 20),
    )
    assert set(conflicts) == {"Attack on Odesa and Chornomorsk by Russia"}
    # Not what else a storm hit, nor acts told far before.
    assert (
        _conflicts("A storm hit Florida on Monday. Georgia was also hit.", dt.date(2023, 7, 20))
        == {}
    )
    conflicts = _conflicts(
        "Russia attacked Odesa with missiles on Wednesday.\n\nKyiv said so.\n\nTalks went on in "
        "Geneva.\n\nLviv was also hit by floods.",
        dt.date(2023, 7, 20),
    )
    assert set(conflicts) == {"Attack on Odesa by Russia"}
