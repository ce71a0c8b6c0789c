"""The toponym layer: recognition rules and resolution in context, on short real-style texts."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapstory.gazetteer import default_gazetteer
from mapstory.geoparse import geoparse, toponyms
from mapstory.geoparse.datelines import find_datelines
from mapstory.geoparse.lexicon import demonyms


def _places(text: str) -> dict[str, tuple[str, str, str]]:
    """Mention text -> (kind, country code, name) of the place chosen for it."""
    return {
        r.mention.text: (r.entry.kind, r.entry.country_code, r.entry.name)
        for r in geoparse(text)
        if r.entry is not None
    }


def test_seed_article_places(seed_text: str) -> None:
    found = toponyms(seed_text)
    for item in found:
        assert seed_text[item["start"] : item["end"]] == item["name"]
    by_name = {item["name"]: item for item in found}
    assert by_name["Beijing"]["kind"] == "city"  # the city, not the municipality
    assert by_name["Moscow"]["kind"] == "city"
    assert by_name["Vladivostok"]["kind"] == "city"
    for country in ("China", "Russia", "Ukraine", "Japan", "US"):
        assert by_name[country]["kind"] == "country", country
    assert by_name["Russian"]["gazetteer_id"] == by_name["Russia"]["gazetteer_id"]
    # Parts of people's names are not towns ("Li Hui" is not Li and Hui in Gansu).
    assert not {"Li", "Hui", "Mao", "Xi"} & set(by_name)


def test_qualified_name_takes_its_state() -> None:
    places = _places("She grew up in Springfield, Illinois, before moving to Chicago.")
    assert places["Springfield"][:2] == ("city", "US")
    assert places["Illinois"][0] == "region"
    found = {r.mention.text: r.entry for r in geoparse("Springfield, Illinois, is small.")}
    assert found["Springfield"].admin1 == found["Illinois"].id


def test_a_name_around_or_near_which_things_happen_is_a_place() -> None:
    found = toponyms(
        "Russian forces shelled Kherson, and fighting continued around Bakhmut in the "
        "eastern Donetsk region."
    )
    bakhmut = next(t for t in found if t["name"] == "Bakhmut")
    assert 48.4 < bakhmut["lat"] < 48.8 and 37.8 < bakhmut["lon"] < 38.2
    # Not when the article also uses the name for a person or an organisation.
    told = "Sanchez then explained about more cancer-related deaths near Franklin."
    assert [t["name"] for t in toponyms(told)] == ["Franklin"]
    assert toponyms(f"{told} Franklin denied that its plant caused them.") == []


def test_news_abbreviations_keep_their_dot() -> None:
    text = "A man from Jacksonville, Fla., was arrested in Huntington, W.Va., on Friday."
    places = _places(text)
    assert places["Fla."] == ("region", "US", "Florida")
    assert places["W.Va."] == ("region", "US", "West Virginia")
    assert places["Jacksonville"][2] == "Jacksonville"


def test_article_context_settles_ambiguous_names() -> None:
    text = (
        "Athens-Clarke County commissioners met on Tuesday. The Athens police chief said "
        "crime in Clarke County fell last year, and other cities in Georgia saw the same."
    )
    found = {r.mention.text: r.entry for r in geoparse(text)}
    assert found["Athens"].country_code == "US"
    assert found["Georgia"].feature_code == "ADM1"  # the state, not the country
    assert found["Clarke County"].admin1 == found["Georgia"].id


def test_without_context_the_prominent_sense_wins() -> None:
    places = _places("Tourists crowded the Acropolis in Athens, Greece's capital.")
    assert places["Athens"][:2] == ("city", "GR")
    assert _places("Protests continued in Paris on Saturday.")["Paris"][1] == "FR"


def test_demonyms_and_plurals_name_countries() -> None:
    places = _places("Turkish officials met Canadians and the French delegation.")
    assert places["Turkish"] == ("country", "TR", "Turkey")
    assert places["Canadians"][1] == "CA"
    assert places["French"][1] == "FR"


def test_place_inside_an_organisation_name() -> None:
    found = toponyms("The Dublin City Council voted on Monday to close the old library.")
    assert [item["name"] for item in found] == ["Dublin"]


def test_a_country_abbreviation_heading_an_agency_is_the_country() -> None:
    # spaCy's stop list is case-blind: "US" must not be taken for "us".
    found = _places("Officials at the US Centers for Disease Control said the risk was low.")
    assert found == {"US": ("country", "US", "United States")}
    assert toponyms("He told us about the Centers for Disease Control.") == []


def test_a_branch_named_by_a_prominent_place_at_the_end_of_an_organisation() -> None:
    text = (
        "Costco Canada recalled the product, CBC Toronto reported. "
        "Goldman Sachs and Blue Cross declined to comment. AC Milan beat Club America on Sunday."
    )
    assert [item["name"] for item in toponyms(text)] == ["Canada", "Toronto"]


def test_islands_and_regions_without_an_administration_are_places() -> None:
    found = _places(
        "A tsunami hit the Indonesian island of Java. Aid also went to Darfur and the Donbas."
    )
    assert found["Java"] == ("region", "ID", "Java")
    assert found["Darfur"] == ("region", "SD", "Darfur")
    assert found["Donbas"] == ("region", "UA", "Donbas")


def test_the_words_around_a_name_say_whether_it_is_a_city_or_a_region() -> None:
    found = _places(
        "Zelensky met commanders in the city of Kramatorsk. Fighting went on north of the "
        "occupied city of Donetsk and in the Luhansk region."
    )
    assert found["Kramatorsk"][:2] == ("city", "UA")  # tagged a product by the model
    assert found["Donetsk"] == ("city", "UA", "Donetsk")  # not the larger region
    assert found["Luhansk"][0] == "region"
    # A one-word name a letter or two from a place's is a transliteration only when long.
    assert _places("Shelling hit Zaporizhzhia on Monday.")["Zaporizhzhia"][:2] == ("city", "UA")
    assert _places("He thanked his wife, Caroline, and his son, Trent.") == {}


def test_a_region_named_like_its_capital_is_the_region_when_the_text_says_region() -> None:
    found = _places(
        "Ukrainian drones struck an oil refinery in Russia's Ryazan region and an airbase in "
        "Kursk overnight. A heatwave hit the Krasnodar region."
    )
    assert found["Ryazan"] == ("region", "RU", "Rjazan")
    assert found["Krasnodar"][:2] == ("region", "RU")
    # A city's area is not the county of its name.
    assert _places("There have been nine cases in the Houston region.")["Houston"][0] == "city"
    # Russia's republics go by their English names.
    assert _places("Wildfires spread in Yakutia and Buryatia.") == {
        "Yakutia": ("region", "RU", "Sakha"),
        "Buryatia": ("region", "RU", "Respublika Buryatiya"),
    }


def test_a_name_called_the_capital_is_a_city_whatever_the_model_tagged_it() -> None:
    # The model tags "Noumea" an organisation here.
    found = _places("Macron landed at the airport before driving to the capital Noumea.")
    assert found["Noumea"][:2] == ("city", "NC")


def test_gaza_is_palestinian_unless_the_article_is_about_mozambique() -> None:
    assert _places("Hamas fighters in Gaza fired rockets at Israel.")["Gaza"][1] == "PS"
    mozambique = _places("Gaza province in southern Mozambique was flooded on Monday.")
    assert mozambique["Gaza"][1] == "MZ"


def test_compass_prefix_and_city_suffix_are_trimmed_to_the_place() -> None:
    names = [item["name"] for item in toponyms("Storms hit North Texas and Oklahoma City.")]
    assert "Texas" in names
    assert "Oklahoma City" in names  # a real place name keeps its "City"


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "no places here at all."])
def test_texts_without_places(text: str) -> None:
    assert toponyms(text) == []


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=30),
            st.sampled_from(
                ["Paris", "Georgia", "Russian", "W.Va.", "the U.S.", ", ", "\n", "North Texas"]
            ),
        ),
        max_size=12,
    ).map("".join)
)
def test_any_text_gives_spans_inside_it(text: str) -> None:
    for item in toponyms(text):
        assert 0 <= item["start"] < item["end"] <= len(text)
        assert text[item["start"] : item["end"]] == item["name"]
        if item["lat"] is not None:
            assert -90 <= item["lat"] <= 90 and -180 <= item["lon"] <= 180


def test_dateline_place_is_found_whatever_its_capitals() -> None:
    text = (
        "Storm closes bridge. MAPLEFORD, Ohio (AP) -- A storm closed the old bridge on "
        "Tuesday, and the town council met in the evening."
    )
    by_name = {item["name"]: item for item in toponyms(text)}
    assert "MAPLEFORD" in by_name  # unknown to the gazetteer, but the dateline says place
    assert by_name["Ohio"]["kind"] == "region"
    byline = "By Ann Reed, Staff Reporter March 3, 2009 MAPLEFORD -- The council met."
    assert "MAPLEFORD" in {item["name"] for item in toponyms(byline)}
    found = {item["name"] for item in toponyms("UPDATE -- The meeting was moved to Friday.")}
    assert "UPDATE" not in found


def test_a_town_before_a_word_for_its_people_is_a_place() -> None:
    found = {r.mention.text: r for r in geoparse("A 40-year-old Muncie man was arrested.")}
    assert found["Muncie"].mention.source == "resident"
    assert found["Muncie"].entry.country_code == "US"
    assert geoparse("A Smith woman and her lawyer left the court.") == []  # a surname


def test_a_place_after_a_qualifier_heads_an_organisation() -> None:
    text = "She was flown to Eastern Ohio Medical Center on Sunday."
    names = {item["name"] for item in toponyms(text)}
    assert names == {"Ohio"}


def test_spaced_state_abbreviations_are_places() -> None:
    text = "Rep. Ann Reed, D-W. Va., said the bill would pass."
    found = {r.mention.text: r.entry for r in geoparse(text)}
    assert found["W. Va."].name == "West Virginia"


def test_a_division_word_after_a_regions_name_is_left_out() -> None:
    text = (
        "Floods cut roads in Yunnan province on Saturday. Nearby, West Virginia State "
        "Police closed the highway."
    )
    names = {item["name"]: item for item in toponyms(text)}
    assert names["Yunnan"]["kind"] == "region"
    assert names["West Virginia"]["kind"] == "region"


def test_a_city_the_model_calls_a_nationality_is_a_place() -> None:
    text = "Aid convoys reached the outskirts of Aleppo, and Republican senators objected."
    names = {item["name"]: item for item in toponyms(text)}
    assert names["Aleppo"]["kind"] == "city"
    assert "Republican" not in names


def test_a_legislators_home_after_the_party_letter_is_a_place() -> None:
    text = (
        "The bill passed. Sen. Ann Reed, D-Charleston, said it was overdue; Del. Tom Hale, "
        "R-Braxton, and Sen. Bob Lee, D-Pa., voted no. Planning for D-Day took months."
    )
    found = {r.mention.text: r for r in geoparse(text)}
    assert found["Charleston"].mention.source == "affiliation"
    assert found["Braxton"].entry.feature_code == "ADM2"  # a county, written without "County"
    assert found["Pa."].entry.id == "admin1:US.PA"
    assert "D-Day" not in found and "Day" not in found


def test_dateline_of_a_known_town_takes_its_state() -> None:
    text = "CHARLESTON, W.Va. -- Lawmakers returned to the capitol on Monday."
    found = {r.mention.text: r.entry for r in geoparse(text)}
    assert found["CHARLESTON"].country_code == "US"
    assert found["CHARLESTON"].admin1 == found["W.Va."].id


def test_a_qualified_dateline_is_the_biggest_town_of_the_name_there() -> None:
    # An accented capital opens a dateline too; the towns the story goes on to name (São
    # Paulo, whose state has a small Belém) do not make the dateline's town theirs.
    text = (
        "BELÉM, Brazil, March 26 (AP) — Lula welcomed Macron on Tuesday at the start of a visit "
        "that will also take him to São Paulo, Campinas and Santos."
    )
    found = {r.mention.text: r.entry for r in geoparse(text)}
    assert (found["BELÉM"].name, found["BELÉM"].admin1) == ("Belém", "admin1:BR.16")


def test_street_names_are_places() -> None:
    text = (
        "Police were called to 1200 Birchwood Lane on Monday. The parade runs along "
        "W. Elmore Street and 40th Avenue South, past St. Louis Cathedral."
    )
    names = [item["name"] for item in toponyms(text)]
    assert "Birchwood Lane" in names
    assert "W. Elmore Street" in names
    assert "40th Avenue South" in names
    assert not any(name.endswith("St.") for name in names)  # "St. Louis" is Saint Louis


def test_longer_names_that_start_like_a_street_are_not_streets() -> None:
    text = "She teaches at Quarry Road Elementary School; the Kansas Highway Patrol was called."
    names = [item["name"] for item in toponyms(text)]
    assert "Quarry Road" not in names
    assert "Kansas Highway" not in names
    assert "Highway 12" not in [
        item["name"] for item in toponyms("Highway 12 was closed by the flood.")
    ]


def test_region_written_without_its_division_word() -> None:
    found = {r.mention.text: r.entry for r in geoparse("Poultry farms in Anhui were closed.")}
    assert found["Anhui"].feature_code == "ADM1"
    assert found["Anhui"].country_code == "CN"


def test_small_town_in_the_article_s_state_is_recognised() -> None:
    # Pewaukee (Wisconsin, ~8,000 people) is too small to take on the gazetteer's word
    # alone; in an article about Wisconsin it is the town.
    text = (
        "Milwaukee County deputies said the couple had lived in Waukesha, Wisconsin. "
        "The Pewaukee police chief said the case was closed."
    )
    found = {r.mention.text: r.entry for r in geoparse(text)}
    assert found["Pewaukee"].admin1 == found["Wisconsin"].id
    elsewhere = {r.mention.text for r in geoparse("The Pewaukee police chief said no more.")}
    assert "Pewaukee" not in elsewhere


def test_titled_and_speaking_names_are_people_throughout_the_article() -> None:
    text = (
        'The Panthers won again on Friday. "We were ready," said coach Ripley. '
        "Ripley's team now leads the league. Officer Nelson arrived first, and Nelson "
        "said the road was icy."
    )
    names = {item["name"] for item in toponyms(text)}
    assert not {"Ripley", "Nelson"} & names


def test_a_capital_speaking_for_its_government_stays_a_place() -> None:
    names = {item["name"] for item in toponyms("Moscow said on Monday that talks would resume.")}
    assert "Moscow" in names


def test_place_entity_running_into_an_institution_is_cut_to_the_place() -> None:
    text = "He was booked into the Henderson County Jail on Friday, deputies said."
    names = [item["name"] for item in toponyms(text)]
    assert "Henderson County" in names
    # A feature named after a place keeps its whole name.
    names = [item["name"] for item in toponyms("A body was found in the Kanawha River.")]
    assert "Kanawha" not in names


def test_the_before_a_town_name_heading_its_phrase_is_not_the_town() -> None:
    text = (
        "Senators met at the White House on Monday. The Obama administration said "
        "the Gainesville police and the Columbia-based firm would help."
    )
    names = {item["name"] for item in toponyms(text)}
    assert "White House" not in names  # a building, not White House, Tennessee
    assert "Obama" not in names  # a president, not Obama, Japan
    assert {"Gainesville", "Columbia"} <= names  # a town name modifying a noun stays


def test_mentions_grow_to_the_longest_known_place_name() -> None:
    text = (
        "Cases rose in the Democratic Republic of the Congo and in Guinea-Bissau. "
        "A team from Iowa City flew out of Sacramento, Calif."
    )
    names = [item["name"] for item in toponyms(text)]
    assert "Democratic Republic of the Congo" in names
    assert "Guinea-Bissau" in names
    assert "Iowa City" in names
    assert "Calif." in names  # the sentence's full stop is also the abbreviation's dot
    assert "UK" in [item["name"] for item in toponyms("The virus reached the UK.")]


def test_compass_and_continent_is_a_world_region_kept_whole() -> None:
    found = {r.mention.text: r.entry for r in geoparse("Cholera spread across West Africa.")}
    assert found["West Africa"].id == "region:west-africa"  # a world region of its own
    found = {r.mention.text: r.entry for r in geoparse("Storms swept Northern Europe.")}
    assert found["Northern Europe"].kind == "continent"  # none in the table: its continent
    names = [item["name"] for item in toponyms("Storms hit North Texas on Monday.")]
    assert "Texas" in names  # a compass word before a state is narrowed to the state


def test_unknown_name_followed_by_its_state_is_a_place() -> None:
    text = "She spent her childhood in Brackenridge Falls, Ohio, before moving west."
    by_name = {item["name"]: item for item in toponyms(text)}
    assert by_name["Ohio"]["kind"] == "region"
    assert by_name["Brackenridge Falls"]["lat"] is None  # found, though no gazetteer has it
    names = [item["name"] for item in toponyms("He was born in Quillerton, Kenya, in 1970.")]
    assert names == ["Quillerton", "Kenya"]


def test_names_agreeing_on_a_state_outweigh_a_country_of_the_same_name() -> None:
    text = (
        "Lebanon police said the driver, from Zionsville, was taken to a hospital in "
        "Carmel after the crash near Noblesville."
    )
    found = {r.mention.text: r.entry for r in geoparse(text)}
    assert found["Lebanon"].kind == "city"
    assert found["Lebanon"].admin1 == found["Carmel"].admin1 == "admin1:US.IN"
    assert _places("Lebanon and Syria signed the accord.")["Lebanon"][0] == "country"


def test_small_town_heading_its_own_institution_is_recognised() -> None:
    # Grand Ledge, Michigan (~8,000 people), with nothing else in the article to place it.
    text = "Grand Ledge Police Chief Martin Underhill said the officers acted quickly."
    found = {r.mention.text: r.entry for r in geoparse(text)}
    assert found["Grand Ledge"].country_code == "US"
    text = "Parents met at the Fernhill Elementary School on Tuesday."
    assert "Fernhill" not in {item["name"] for item in toponyms(text)}


def test_a_newspaper_named_after_a_city_is_not_the_city() -> None:
    text = "The Baltimore Sun and the Denver Post reported the outbreak on Monday."
    names = {item["name"] for item in toponyms(text)}
    assert not {"Baltimore", "Denver"} & names


def test_compass_adjectives_and_small_regions_sharing_a_surname_are_not_places() -> None:
    text = "Maria Flores thanked the Western Boone Foundation. Flores said it helped."
    names = {item["name"] for item in toponyms(text)}
    assert not {"Flores", "Western"} & names
    assert "Georgia" in {item["name"] for item in toponyms("Georgia said it would appeal.")}


def test_a_country_name_is_a_person_who_speaks_when_someone_bears_it_in_full() -> None:
    text = (
        "Georgia Stevens, 9, moved back from Australia. Georgia began skating at four. "
        '"I worked hard," said Georgia.'
    )
    names = {item["name"] for item in toponyms(text)}
    assert "Georgia" not in names
    assert "Australia" in names
    # The one name of an organisation that speaks does not make its place a person.
    text = "Cases were seen in Victoria. Racing Victoria said the Melbourne Cup would go ahead."
    assert "Victoria" in {item["name"] for item in toponyms(text)}
    text = "Georgia Stevens lives in Ohio. Georgia said it would appeal the ruling."
    assert "Georgia" not in {item["name"] for item in toponyms(text)}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Aid reached the Democratic Republic of Congo on Monday.",
            "Democratic Republic of Congo",
            "CD",
        ),
        ("Talks were held in the UAE on Monday.", "UAE", "AE"),
        ("Officials flew to DRC on Monday.", "DRC", "CD"),
        ("The team flew to Trinidad and Tobago on Monday.", "Trinidad and Tobago", "TT"),
        ("Officials flew to Côte d'Ivoire on Monday.", "Côte d'Ivoire", "CI"),
        (
            "Officials flew to Saint Vincent and the Grenadines.",
            "Saint Vincent and the Grenadines",
            "VC",
        ),
    ],
)
def test_countries_by_the_names_news_gives_them(text: str, name: str, country: str) -> None:
    found = _places(text)
    assert found.get(name, ("",))[0:2] == ("country", country), found


def test_capital_letter_words_are_country_codes_only_where_they_can_be() -> None:
    names = [item["name"] for item in toponyms("Patients were given CAR-T cells in Boston.")]
    assert names == ["Boston"]
    # Two places listed with "and" stay two; the joined name is only for one country's name.
    names = [item["name"] for item in toponyms("Kharkiv and Odesa were shelled overnight.")]
    assert names == ["Kharkiv", "Odesa"]


def test_the_ocean_is_not_the_small_town_that_shares_its_name() -> None:
    text = "The storm formed in the Pacific and crossed the Atlantic within a week."
    places = _places(text)
    # Not Pacific, Missouri, nor Atlantic, Iowa: the oceans.
    assert places["Pacific"] == ("sea", "", "Pacific Ocean")
    assert places["Atlantic"] == ("sea", "", "Atlantic Ocean")
    # Without "the" too, in an article about the US ("the canal links the Atlantic and
    # Pacific oceans"; the model may call one of them an organisation).
    text = (
        "The canal, which links the Atlantic and Pacific oceans, is used most by the "
        "United States. Premier Li begins his Pacific tour on Thursday."
    )
    assert {n: k for n, (k, _, _) in _places(text).items()} == {
        "Atlantic": "sea",
        "Pacific": "sea",
        "United States": "country",
    }
    # The town, where the article is about it.
    assert _places("PACIFIC, Mo. — The Pacific city council met on Monday.")["PACIFIC"][:2] == (
        "city",
        "US",
    )
    # A district's name after "the" is still the district's town.
    text = "Officials announced a quarantine of the Etoumbi and Mbomo districts."
    assert _places(text).get("Etoumbi", ("",))[0] == "city"


def test_a_place_after_in_inside_an_organisations_name_is_a_place() -> None:
    text = (
        "Lucy was rushed by air ambulance from Churchill to the Children's Hospital of "
        "Manitoba in Winnipeg."
    )
    names = {item["name"] for item in toponyms(text)}
    assert {"Manitoba", "Winnipeg"} <= names


def test_breakaway_regions_and_their_peoples_are_placed() -> None:
    text = (
        "South Ossetian forces clashed with Georgian troops, and Abkhaz officials met in Sukhumi."
    )
    found = _places(text)
    assert found["South Ossetian"][1:] == ("GE", "South Ossetia")
    assert found["Abkhaz"][1:] == ("GE", "Abkhazia")


def test_diseases_named_after_places_are_not_places() -> None:
    text = (
        "Pigs carried the Reston ebolavirus; Marburg hemorrhagic fever was ruled out. "
        "Kenya has disease surveillance teams in Nairobi."
    )
    names = {item["name"] for item in toponyms(text)}
    assert not {"Reston", "Marburg"} & names
    assert {"Kenya", "Nairobi"} <= names
    # Nor are strains and variants named after them; the places they spread to are.
    names = [
        item["name"]
        for item in toponyms(
            "The Sudan strain of Ebola spread in Uganda. Cases of the Delta variant rose in "
            "Texas, and flooding put a strain on Kenya."
        )
    ]
    assert names == ["Uganda", "Texas", "Kenya"]


def test_a_foreign_spelling_alone_is_weak_evidence_for_a_town() -> None:
    # "Hamas" is an alternate spelling of Hamm (Germany) in the gazetteer.
    text = "Negotiators said Hamas rejected the offer on Friday."
    assert "Hamas" not in {item["name"] for item in toponyms(text)}


def test_a_mislabelled_institution_still_names_its_place() -> None:
    from mapstory.geoparse.lexicon import nlp
    from mapstory.geoparse.recognize import recognise

    text = "Officers from the Mansfield Police Department arrived first."
    doc = nlp()(text)
    # Whatever label spaCy gives the whole name, its town is found.
    names = {m.text for m in recognise(text, doc, default_gazetteer(), demonyms())}
    assert "Mansfield" in names


def test_a_town_before_its_state_is_a_place_whatever_the_model_made_of_it() -> None:
    # The small model reads "Boone, North Carolina" as one organisation and leaves "Hickory"
    # untagged; the state after the comma, and a town of that name in it, say otherwise.
    for text, town in (
        ("Boone, North Carolina . The town grew.", "Boone"),
        ("Hickory, North Carolina . The city grew.", "Hickory"),
    ):
        found = {r.mention.text: r.entry for r in geoparse(text)}
        assert found[town].kind == "city" and found[town].admin1 == "admin1:US.NC", text
        assert found["North Carolina"].id == "admin1:US.NC", text
    # Only a town the gazetteer puts in that state, never part of a person's name, and never
    # the tail of a longer name ("Mexico" of "New Mexico, New York").
    names = {item["name"] for item in toponyms("Senator Ann Reed, Ohio Democrat, said no.")}
    assert not {"Reed", "Ann Reed"} & names
    names = [item["name"] for item in toponyms("Cases rose in Ohio, New Mexico, New York.")]
    assert names == ["Ohio", "New Mexico", "New York"]


def test_a_state_after_a_town_keeps_an_abbreviation_s_dot_but_not_a_full_stop() -> None:
    found = [item["name"] for item in toponyms("A couple from Melville, Sask. believes it.")]
    assert found == ["Melville", "Sask."]
    found = [item["name"] for item in toponyms("It was tested in Ames, Iowa. Snow said so.")]
    assert found == ["Ames", "Iowa"]


def test_a_town_whose_residents_the_article_names_may_speak() -> None:
    # "Ocala says" alone would read as a person speaking; "Ocala residents" says it is a town.
    text = "Ocala residents marched on Friday. Later, Ocala says no to the plan."
    found = [r.entry for r in geoparse(text) if r.mention.text == "Ocala"]
    assert len(found) == 2 and all(e is not None and e.admin1 == "admin1:US.FL" for e in found)


def test_a_hyphen_after_a_place_is_not_part_of_its_name() -> None:
    text = "Flights left the Dallas- Fort Worth airport late."
    names = [item["name"] for item in toponyms(text)]
    assert "Dallas-" not in names


def test_nearby_towns_settle_a_name_across_a_state_line() -> None:
    # Paris, Illinois lies 30 km from Terre Haute, Indiana: no state or county joins them,
    # distance does. Without the neighbour, Paris is the capital of France.
    text = "Firefighters from Terre Haute were called to a barn fire in Paris."
    found = {r.mention.text: r.entry for r in geoparse(text)}
    assert found["Paris"].country_code == "US" and found["Paris"].admin1 == "admin1:US.IL"
    assert _places("A barn fire broke out in Paris.")["Paris"][1] == "FR"


def test_a_town_heading_an_institution_is_not_a_person_s_name() -> None:
    # The small model reads "Waco Fire" (and "Conroe Fire Chief Ann Reed") as a person; the
    # word after the town names its fire service, so the town is not taken for a surname.
    for text, town in (
        (
            "Waco Fire Chief Ann Reed said the blaze was out. Waco Fire Department crews stayed.",
            "Waco",
        ),
        (
            "Conroe Fire Chief Ann Reed said the blaze was out. Residents of Conroe stayed in.",
            "Conroe",
        ),
    ):
        found = [r.entry for r in geoparse(text) if r.mention.text == town]
        assert len(found) == 2 and all(e is not None and e.admin1 == "admin1:US.TX" for e in found)
    assert toponyms("Coach Jim Tyler said the team was ready.") == []


def test_a_demonym_the_model_tags_a_person_or_an_organisation_is_still_a_demonym() -> None:
    found = {r.mention.text: r for r in geoparse("Sri Lankan officials met on Monday.")}
    assert found["Sri Lankan"].mention.source == "demonym"
    assert found["Sri Lankan"].entry.name == "Sri Lanka"
    found = {r.mention.text: r for r in geoparse("The South Korean Navy fired warning shots.")}
    assert found["South Korean"].entry.name == "South Korea"


def test_a_town_and_the_county_it_lies_in_settle_each_other() -> None:
    # Walker County is in Texas, Georgia and Alabama; Huntsville in Alabama and Texas. Only
    # in Texas is the one in the other, and the two must not settle on different states.
    for text in (
        "Huntsville police and the Walker County sheriff searched the woods overnight.",
        "The Walker County burn ban ended on Monday, Huntsville fire officials said.",
    ):
        found = {r.mention.text: r.entry for r in geoparse(text)}
        assert found["Huntsville"].admin2 == found["Walker County"].id
        assert found["Walker County"].admin1 == "admin1:US.TX"
    found = {
        r.mention.text: r.entry
        for r in geoparse("The Madison County sheriff said deputies in Jackson arrested two men.")
    }
    assert found["Jackson"].admin2 == found["Madison County"].id  # Jackson, Tennessee


def test_a_state_named_outright_outweighs_names_that_merely_agree() -> None:
    # All three counties exist in Kentucky and in several other states: the state the
    # article names settles them, and the town names that happen to cluster elsewhere do not.
    text = (
        "Students from Madison County, Jefferson County and Montgomery County competed in the "
        "Kentucky state finals in Louisville."
    )
    found = {r.mention.text: r.entry for r in geoparse(text)}
    for county in ("Madison County", "Jefferson County", "Montgomery County"):
        assert found[county].admin1 == "admin1:US.KY", county


def test_a_list_of_states_is_states_not_towns_qualified_by_the_next_one() -> None:
    # "California, Missouri" reads like a town and its state, but in a list of states each
    # name is a state (California, Missouri and Indiana, Pennsylvania are also small towns).
    for text in (
        "The recall covers stores in Alaska, California, Missouri, Ohio and West Virginia.",
        "Shipments reached California, Oregon, Pennsylvania, Indiana and Nevada last week.",
    ):
        for resolution in geoparse(text):
            entry = resolution.entry
            assert entry is not None and entry.feature_code == "ADM1", resolution.mention.text
    # A town followed by its state alone is still the town.
    found = {r.mention.text: r.entry for r in geoparse("He grew up in Indiana, Pennsylvania.")}
    assert found["Indiana"].kind == "city" and found["Indiana"].admin1 == "admin1:US.PA"


def test_a_surname_stays_a_person_where_the_model_calls_it_a_place() -> None:
    # "Emilie Fairfield", then "Fairfield" alone tagged a person and twice a place: all are her.
    text = (
        "Emilie Fairfield led the board for a decade. Fairfield retired in May. Voters in the "
        "district loved Fairfield. Under Fairfield the board grew."
    )
    assert toponyms(text) == []


def test_a_name_the_model_calls_a_place_that_speaks_is_a_person() -> None:
    # spaCy tags "Petrova" a place; a small town that "said" something is a person.
    text = "Irina Petrova curated the show. Petrova said the paintings came from Moscow."
    assert [item["name"] for item in toponyms(text)] == ["Moscow"]


def test_a_name_before_a_town_s_own_institutions_is_the_town_not_the_country() -> None:
    # "Lebanon Police", "the Jordan middle school": a country does not go by its bare name
    # before a police force or a school; with another US place in the article, the town wins.
    for text, state in (
        ("The Jordan middle school reopened on Monday. Buses from Minneapolis arrived.", "MN"),
        (
            "Lebanon Police arrested a man after a chase. He was taken to a hospital in "
            "Indianapolis.",
            "IN",
        ),
    ):
        entry = geoparse(text)[0].entry
        assert entry.kind == "city" and entry.admin1 == f"admin1:US.{state}", text
    # Without that form the countries stay countries, and a state keeps its own police.
    found = {
        r.mention.text: r.entry
        for r in geoparse("Residents of Lebanon and Jordan protested in Washington.")
    }
    assert found["Lebanon"].kind == found["Jordan"].kind == "country"
    assert (
        _places("Officers of the Queensland Police Service searched the coast.")["Queensland"][0]
        == "region"
    )


def test_a_compass_word_before_a_small_town_is_part_of_another_name() -> None:
    # "East Bank" is a place of its own (the gazetteer lacks it), not the Indian town of Bank;
    # before a state or a big city the compass word is a part of it ("North Texas").
    text = (
        "A mudslide closed the road in East Bank. East Bank Mayor Ann Reed said classes at "
        "East Bank Middle School were cancelled."
    )
    assert [item["name"] for item in toponyms(text)] == ["East Bank"] * 3
    names = [item["name"] for item in toponyms("Storms hit North Texas and West Philadelphia.")]
    assert names == ["Texas", "Philadelphia"]


def test_names_before_counties_are_each_a_county() -> None:
    # "Barrow, Jackson and Madison counties": each name is a county, placed as one (Barrow,
    # Alaska and Jackson, Mississippi are towns), and settled together in one state.
    text = "School boards in Barrow, Jackson and Madison counties cut jobs in Northeast Georgia."
    found = {r.mention.text: r for r in geoparse(text)}
    for name in ("Barrow", "Jackson", "Madison"):
        entry = found[name].entry
        assert found[name].mention.source == "division list"
        assert entry.name == f"{name} County" and entry.admin1 == "admin1:US.GA", name
    parishes = {
        r.mention.text: r.entry for r in geoparse("Floods hit Ouachita and Caddo parishes.")
    }
    assert {e.name for e in parishes.values()} == {"Ouachita Parish", "Caddo Parish"}
    # One name before the plural is not a list; nor is a sentence that merely ends in it.
    assert all(r.mention.source != "division list" for r in geoparse("Madison counties are many."))


def test_a_possessive_country_the_model_calls_a_person_is_the_country() -> None:
    found = toponyms("Critics like Sri Lanka's former president disagreed.")
    assert [(item["name"], item["kind"]) for item in found] == [("Sri Lanka", "country")]


def test_a_city_is_its_namesake_region_only_when_it_holds_a_good_share_of_it() -> None:
    # Moscow the city outnumbers Moscow Oblast; Quebec City has a sixteenth of Quebec's people
    # and Fukushima city a seventh of its prefecture's: the bare name is the province.
    assert _places("Protests spread in Moscow.")["Moscow"][0] == "city"
    assert _places("Flooding hit Quebec on Monday.")["Quebec"][0] == "region"
    assert _places("Radiation levels in Fukushima fell.")["Fukushima"][0] == "region"


def test_a_town_found_only_under_another_name_yields_to_the_place_bearing_it() -> None:
    # GeoNames lists "Paris" among a Ukrainian village's old names and "Odesa" among the
    # spellings of Odessa, Texas; with Ukraine and Washington in the article neither wins.
    places = _places(
        "Ukraine's president flew from Odesa to Paris. Russia's attacks on Kharkiv went on, "
        "and Nato leaders will meet in Washington in July."
    )
    assert places["Paris"] == ("city", "FR", "Paris")
    assert places["Odesa"] == ("city", "UA", "Odesa")


def test_a_big_city_under_its_short_name_keeps_it() -> None:
    places = _places("Fans travelled from Newcastle to Sunderland for the derby in England.")
    assert places["Newcastle"][1:] == ("GB", "Newcastle upon Tyne")


def test_a_translation_among_a_citys_other_names_is_not_the_city() -> None:
    # GeoNames lists "White House" among Casablanca's names.
    assert "White House" not in _places("A statement issued by the White House on Thursday.")


def test_a_country_in_the_same_sentence_places_its_city() -> None:
    # Washington, New York and the White House make the article American; Cairo, New York
    # (1,400 people) lies in a state it names. The sentence names Egypt.
    places = _places(
        "The prime minister arrived in Washington on Wednesday after two days in New York. "
        "He will hold talks at the White House and address Congress. He is then due to fly "
        "to Cairo on Saturday for his first bilateral visit to Egypt."
    )
    assert places["Cairo"] == ("city", "EG", "Cairo")
    # Without the sentence's country the American town may win: the cue is the sentence.
    american = _places(
        "The senator flew from Albany to Cairo, New York, on Saturday to meet farmers in "
        "Greene County."
    )
    assert american["Cairo"][1] == "US"


def test_a_small_namesake_needs_a_local_sign_in_a_world_roaming_article() -> None:
    # One mention of the US among a dozen countries does not make "Rotterdam" the New York
    # town of 20,000 rather than the port of 870,000.
    text = (
        "Shipping lines paused sailings through the Red Sea after attacks near Yemen. Freight "
        "rates from Shanghai to Rotterdam doubled. The US Defense Secretary arrived in Bahrain; "
        "Britain, Canada and France will join a naval task force, while Egypt and Saudi Arabia "
        "watched their canal and port revenues fall."
    )
    assert _places(text)["Rotterdam"][1] == "NL"
    # In local news the town's own county is the local sign, and it wins.
    local = _places("Rotterdam police said the fire in Schenectady County was under control.")
    assert local["Rotterdam"][1] == "US"


def test_a_state_named_elsewhere_does_not_pull_a_world_citys_name_abroad() -> None:
    # Texas is named once, far from "Paris"; France and Marseille speak for the capital.
    text = (
        "The prime minister will stop in Paris on Monday to co-chair a summit with the French "
        "president, then visit the port city of Marseille. France is a close partner.\n\n"
        "Talks in Washington will cover tariffs and defence purchases.\n\n"
        "Last week a military aircraft flew 104 migrants from Texas to Amritsar."
    )
    assert _places(text)["Paris"][1] == "FR"
    # Without France in the article, the state named is the town's sign and it wins.
    local = _places(
        "A Paris man was injured on the highway. Police in Texas said the crash was the "
        "third this month."
    )
    assert local["Paris"][1] == "US"


def test_a_world_region_is_the_region_not_a_namesake_town() -> None:
    # GeoNames' cities list has a "Middle East" in Baltimore and a "Baltic" in Connecticut;
    # world news means the regions, and the Sahel is more than Burkina Faso's province of it.
    places = {
        r.mention.text: r.entry.id
        for r in geoparse(
            "Blinken began his fourth Middle East tour. Poland and the Baltic states accused "
            "Budapest of disloyalty. Fighting spread across the Sahel and the Horn of Africa."
        )
        if r.entry is not None
    }
    assert places["Middle East"] == "region:middle-east"
    assert places["Baltic"] == "region:baltic-states"
    assert places["Sahel"] == "region:sahel"
    # In Baltimore's own news the neighbourhood keeps its name.
    local = _places("Baltimore areas such as Middle East and Canton flooded, Maryland said.")
    assert local["Middle East"][:2] == ("city", "US")


def test_of_two_towns_in_one_state_the_one_in_the_named_county_is_meant() -> None:
    # Illinois has a Chatham in Sangamon County and one in Chicago; the state alone fills the
    # local cap for both, the county decides.
    text = (
        "Heavy rain flooded streets in Springfield and closed roads across Sangamon County. "
        "Residents of Chatham and Rochester were urged to avoid low-lying areas. Gov. JB "
        "Pritzker, who was in Chicago, said Illinois would send help."
    )
    chatham = next(r.entry for r in geoparse(text) if r.mention.text == "Chatham")
    assert chatham.admin2 == "admin2:US.IL.sangamon-county"


def test_a_capital_the_model_tags_a_date_or_a_language_is_a_place() -> None:
    found = _places("The minister said in Montevideo that talks would resume in May.")
    assert found["Montevideo"][:2] == ("city", "UY")
    assert "May" not in found


def test_an_apposition_saying_what_a_name_is_makes_it_a_place() -> None:
    # The model takes "Vanimo" (11,000 people) for a person; the apposition says it is a town.
    places = _places(
        "He flies to Port Moresby and then to Vanimo, a remote town near the border with Indonesia."
    )
    assert places["Vanimo"] == ("city", "PG", "Vanimo")
    # A word that only begins a longer noun is no such apposition.
    assert "Vanimo" not in _places("Jane Vanimo, a town councillor, said the plan was sound.")


def test_a_kind_said_once_holds_for_the_names_other_mentions() -> None:
    # Mandalay is a region of 2.3 million and a city of 1.2 million, and the towns of the
    # regions around it pull towards the region: the apposition says which, and the later
    # bare mention is the same city.
    found = [
        (r.mention.text, r.entry.kind)
        for r in geoparse(
            "A strong earthquake struck central Myanmar on Friday, bringing down buildings in "
            "Mandalay, the country's second-largest city. Its epicentre was near Sagaing, "
            "16 km northwest of Mandalay. Tremors were felt in Bangkok and in Yunnan "
            "province.\n\nThe junta leader visited a hospital in the capital Naypyidaw. China "
            "sent a rescue team to Yangon on Saturday."
        )
        if r.entry is not None and r.mention.text == "Mandalay"
    ]
    assert found == [("Mandalay", "city"), ("Mandalay", "city")]


def test_a_name_with_its_kind_said_keeps_its_namesakes_ranked_by_the_name() -> None:
    # ", the capital of Coptic Christianity" marks Alexandria a city; that must not make
    # every Alexandria a mere other name of it (so that a Minnesota town of 13,000 wins).
    text = (
        "Coptic Christians make up about 10 percent of Egypt's population. They trace their "
        "church to the Apostle Mark, according to St. Takla Church in Alexandria, the "
        "capital of Coptic Christianity. Minnesota and Virginia congregations sent prayers."
    )
    assert _places(text)["Alexandria"][1] == "EG"


def test_a_place_word_before_a_name_admits_a_towns_other_name() -> None:
    # GeoNames' own name is "Al Ḩudaydah"; "Hodeidah" is one of its other names, which alone
    # is weak evidence, but "the port of" says the name is a place.
    places = _places(
        "The Houthis control the capital Sanaa and the port of Hodeidah, said officials."
    )
    assert places["Hodeidah"][:2] == ("city", "YE")


def test_a_word_opening_a_sentence_known_only_as_a_small_towns_other_name_is_no_place() -> None:
    # GeoNames lists "Tsunami" among the other names of Tsuha, Okinawa (18,000 people).
    places = _places(
        "A magnitude 7.4 earthquake struck Taiwan's eastern coast on Wednesday, killing nine "
        "people in Hualien. It was felt in Taipei.\n\nTsunami warnings were issued for Japan's "
        "southern Okinawa prefecture and for the Philippines, but were later lifted."
    )
    assert "Tsunami" not in places
    assert {"Taiwan", "Taipei", "Japan", "Okinawa", "Philippines"} <= set(places)


def test_a_storms_name_is_no_place_anywhere_in_the_article() -> None:
    # Milton, Florida (10,000 people) and Florence, Italy share names with hurricanes: once the
    # article says "Hurricane Milton", its bare "Milton" is the storm too.
    places = _places(
        "Hurricane Milton made landfall near Siesta Key on Florida's Gulf coast on Wednesday "
        "night. More than two million people in Tampa and Sarasota were ordered to evacuate.\n\n"
        "Milton arrives less than two weeks after Hurricane Florence killed 200 people in "
        "North Carolina. Florence dumped rain on Wilmington."
    )
    assert "Milton" not in places and "Florence" not in places
    assert {"Florida", "Tampa", "Sarasota", "North Carolina", "Wilmington"} <= set(places)
    # A capitalised "Storm" before a common noun names no storm.
    assert "Paris" in _places("Storm clouds gathered over Paris on Monday.")


def test_a_city_told_by_its_short_name_does_not_make_its_full_name_the_state() -> None:
    # Rio de Janeiro is a city of 6.7 million and a state of 16 million: the headline's "Rio"
    # (the city) is no evidence that the body's "Rio de Janeiro" is the state around it.
    kinds = [
        (r.mention.text, r.entry.kind)
        for r in geoparse(
            "G20 leaders gather in Rio as Lula pushes hunger alliance\n\nWorld leaders began "
            "arriving in Rio de Janeiro on Sunday for the G20 summit."
        )
        if r.entry is not None
    ]
    assert kinds == [("Rio", "city"), ("Rio de Janeiro", "city")]


def test_a_village_a_hundredth_the_size_of_its_namesake_needs_more_than_its_state() -> None:
    # New York State holds a village called Philadelphia and a town called Ontario; a story
    # that names New York does not make them the city of 1.5 million and the province.
    found = {
        r.mention.text: r.entry
        for r in geoparse(
            "Smoke from wildfires in Quebec and Ontario turned the sky orange over New York on "
            "Wednesday. Health alerts were issued in Philadelphia and Chicago."
        )
        if r.entry is not None
    }
    assert (found["Philadelphia"].kind, found["Philadelphia"].admin1) == ("city", "admin1:US.PA")
    assert (found["Ontario"].kind, found["Ontario"].country_code) == ("region", "CA")
    assert (found["New York"].kind, found["New York"].country_code) == ("region", "US")


def test_the_island_of_a_name_is_a_place_whatever_the_model_made_of_it() -> None:
    # The model takes Lampedusa (4,000 people, in the towns table) for a person.
    places = _places(
        "A boat carrying migrants from Libya capsized off the Italian island of Lampedusa on "
        "Thursday. Four survivors were brought to Lampedusa by the coast guard. Floods hit "
        "the island of Java."
    )
    assert places["Lampedusa"] == ("city", "IT", "Lampedusa")
    assert places["Java"][:2] == ("region", "ID")


def test_seas_straits_and_canals() -> None:
    text = (
        "Houthi attacks on ships in the Red Sea have pushed traffic away from the Suez Canal, "
        "while tankers still cross the Strait of Hormuz and the Black Sea."
    )
    places = _places(text)
    for name in ("Red Sea", "Suez Canal", "Strait of Hormuz", "Black Sea"):
        assert places[name][0] == "sea", name
    # The Sudanese state named after the sea keeps its name when the article says "state".
    places = _places("Port Sudan, in Red Sea state, has become the army's seat in Sudan.")
    assert places["Red Sea"][:2] == ("region", "SD")
    # A headline writes the sea without its "the", and Egypt has a Red Sea governorate: the
    # article's "through the Red Sea" still says which it is. A strait the model takes for a
    # facility is the strait.
    places = _places(
        "Shipping giants pause Red Sea voyages\n\nContainer lines said they would pause "
        "voyages through the Red Sea after Houthi rebels fired missiles near the Bab el-Mandeb "
        "strait. Egypt earns billions of dollars a year from canal fees."
    )
    assert places["Red Sea"][0] == "sea" and places["Bab el-Mandeb"][0] == "sea"


def test_each_name_in_a_list_after_ports_of_is_a_place() -> None:
    places = _places(
        "Most cargoes are loaded at the Baltic ports of Primorsk and Ust-Luga and sail to India."
    )
    assert places["Primorsk"][:2] == ("city", "RU")
    assert places["Ust-Luga"][:2] == ("city", "RU")


def test_a_common_noun_the_model_calls_a_place_is_no_place() -> None:
    text = (
        "Donald Trump Jr. made a private visit to Nuuk last week, landing at the capital's "
        "airport on his father's plane."
    )
    assert [item["name"] for item in toponyms(text)] == ["Nuuk"]


def test_a_province_named_after_its_country_is_not_the_country() -> None:
    places = _places(
        "TAIPEI, Dec 1 (Reuters) - Taiwan President Lai Ching-te flew from Taipei to Honolulu. "
        "Taiwan's exports to the United States rose 46% to $111 billion, and Kaohsiung's port "
        "handled more of them."
    )
    assert places["Taiwan"][:2] == ("country", "TW")


def test_letters_with_dots_abbreviate_a_long_name_never_a_small_towns() -> None:
    places = _places("E.U. and U.K. officials met in Brussels, then flew on to L.A.")
    # "E.U." is no place the gazetteer holds (not Eu, a Normandy town of 8,000 people).
    assert "E.U." not in places
    assert places["U.K."][:2] == ("country", "GB")
    assert places["L.A."][:2] == ("city", "US")


def test_the_soviet_union_and_a_town_with_a_mayor_are_places() -> None:
    places = _places(
        "Volunteer pilots flew for China, Britain and the Soviet Union. The USSR fell in 1991. "
        "The mayor of Sligo, Veronica Cawley, stood by her decision."
    )
    # No former country is in the gazetteer: the Soviet Union is placed at its successor.
    assert places["Soviet Union"][:2] == places["USSR"][:2] == ("country", "RU")
    assert places["Sligo"][:2] == ("city", "IE")  # tagged an organisation by the model


def test_a_few_capitals_abbreviate_a_long_name_never_a_small_towns() -> None:
    places = _places(
        "Sunak heads for Washington to talk AI and Ukraine with Biden. He flies on to LA, "
        "then home to the UK."
    )
    assert "AI" not in places  # not Baxter, Tennessee, nor ‘Ayy in Jordan
    assert places["LA"][:2] == ("city", "US")
    assert places["UK"][:2] == ("country", "GB")


def test_lands_news_names_that_no_division_table_holds() -> None:
    places = _places("Israel annexed the Golan Heights in 1981. The Dalai Lama fled Tibet in 1959.")
    assert places["Golan Heights"][:2] == ("region", "SY")
    assert places["Tibet"][:2] == ("region", "CN")


def test_the_city_of_a_city_council_is_the_councils_not_the_towns_name() -> None:
    # GeoNames lists "Springfield City" for Springfield, Massachusetts only.
    found = geoparse(
        "SPRINGFIELD, Ill. — The Springfield City Council voted 8-2 on Tuesday to approve "
        "a plan to restore the rail depot."
    )
    assert [r.mention.text for r in found] == ["SPRINGFIELD", "Ill.", "Springfield"]
    assert {r.entry.admin1 for r in found if r.mention.text != "Ill."} == {"admin1:US.IL"}
    # Named no other way, the fuller name still says which Springfield.
    (council,) = geoparse("The Springfield City Council voted 9-0 on the plant site.")
    assert (council.mention.text, council.entry.admin1) == ("Springfield", "admin1:US.MA")
    # A town called "… City" keeps it.
    (oklahoma,) = geoparse("The Oklahoma City Council met on Monday.")
    assert oklahoma.mention.text == "Oklahoma City"


def test_a_list_of_provinces_names_places() -> None:
    found = {
        r.mention.text: (r.entry.country_code if r.entry else None)
        for r in geoparse(
            "Much of it came from Samsung factories in Bac Ninh and Thai Nguyen provinces."
        )
    }
    # Not Thailand for the "Thai" of Thai Nguyen, nor a person's name for Bac Ninh.
    assert found == {"Bac Ninh": "VN", "Thai Nguyen": "VN"}


def test_a_venue_named_after_a_person_is_not_his_first_names_town() -> None:
    found = _places(
        "Real Madrid beat Barcelona 3-2 at the Santiago Bernabeu on Sunday. Traffic stopped "
        "on the Brooklyn Bridge. Shoppers filled the Madison Heights mall."
    )
    assert "Santiago" not in found  # a stadium, not Chile's capital
    assert found["Brooklyn"][0] == "city"  # a bridge says where it is
    assert found["Madison Heights"][2] == "Madison Heights"  # a town's own two names


def test_a_small_parish_does_not_outrank_a_great_city_of_its_name() -> None:
    # Manchester is a Jamaican parish of 60 000 as well as the English city; a state of
    # 400 000 (Delaware, Wyoming) still outranks a town of its name.
    assert _places("Celebrations went on late into the night in Manchester.")["Manchester"][:2] == (
        "city",
        "GB",
    )
    assert _places("Floods hit Wyoming on Monday.")["Wyoming"][:2] == ("region", "US")


def test_a_land_the_model_takes_for_an_organisation_is_the_land() -> None:
    places = _places(
        "More than 50,000 ethnic Armenians have fled Nagorno-Karabakh for Armenia, the "
        "government said. The Kurdistan Workers Party claimed the attack. Rhodes won the seat."
    )
    assert places["Nagorno-Karabakh"][:2] == ("region", "AZ")
    assert "Kurdistan" not in places and "Rhodes" not in places  # a party's, a person's name


def test_the_island_of_a_name_is_the_island_not_its_town() -> None:
    places = _places("About 19,000 people were evacuated on the Greek island of Rhodes on Sunday.")
    assert places["Rhodes"][0] == "region"  # the island, not Rhodes town
    assert _places("He lives in Rhodes, a town in Greece.")["Rhodes"][0] == "city"


def test_a_common_word_opening_a_sentence_is_not_a_state_of_its_name() -> None:
    # Rivers State, Nigeria, has 2.5 million people; "Rivers burst their banks" is water.
    assert "Rivers" not in _places("Rivers burst their banks, sweeping away cars.")
    assert _places("Rivers is an oil-rich state in Nigeria.")["Rivers"][1] == "NG"


def test_a_place_the_model_takes_for_a_product_or_a_people_is_placed_by_its_kind() -> None:
    # The small model tags "Kaliningrad" a product and "Chancay" a nationality here.
    exclave = _places(
        "Sweden's entry leaves Russia's coast ringed by Nato, apart from the Russian exclave "
        "of Kaliningrad."
    )
    assert exclave["Kaliningrad"][1] == "RU"
    port = _places(
        "Chinese President Xi Jinping on Thursday inaugurated the $3.5 billion deep-water port "
        "of Chancay north of Lima."
    )
    assert port["Chancay"][:2] == ("city", "PE")


def test_capes_ships_round_and_regions_in_their_own_language_are_known() -> None:
    places = _places(
        "Container lines diverted ships around the Cape of Good Hope. Two people died in the "
        "neighbouring region of Castilla-La Mancha."
    )
    assert places["Cape of Good Hope"][0] == "sea"
    assert places["Castilla-La Mancha"][:2] == ("region", "ES")


def test_a_big_city_the_model_takes_for_an_organisation_where_a_place_goes_is_the_city() -> None:
    places = _places(
        "Macron will travel to Marrakech on Wednesday, on a high-speed line between Kenitra "
        "and Marrakech."
    )
    assert places["Marrakech"][:2] == ("city", "MA")
    assert _places("She joined Apple in 2019 and moved to Amazon.") == {}


def test_a_town_the_model_takes_for_a_product_joined_to_a_province_is_a_place() -> None:
    found = toponyms("Most of the deaths were in Al Haouz province and Taroudant.")
    assert [t["name"] for t in found] == ["Taroudant"]


def test_a_town_the_model_runs_into_a_weekday_is_still_the_town() -> None:
    # spaCy tags "Turbat" (a town of 75,000) here as a date.
    places = _places("Militants also targeted a naval air base in Turbat on Monday.")
    assert places["Turbat"] == ("city", "PK", "Turbat")
    assert "Monday" not in _places("Talks were held in Geneva on Monday.")


def test_a_name_an_organisation_is_named_after_is_a_place_where_the_model_calls_it_a_product() -> (
    None
):
    text = (
        "Militants attack Pakistan's Chinese-run Gwadar port complex\n\nMilitants attacked "
        "the Gwadar Port Authority complex in Pakistan's southwestern Balochistan province on "
        "Wednesday.\n\nGwadar, on the Arabian Sea, is "
        "being developed by China."
    )
    starts = [t["start"] for t in toponyms(text) if t["name"] == "Gwadar"]
    assert [text[s : s + 6] for s in starts] == ["Gwadar"] * 3


def test_a_region_named_by_an_everyday_word_is_found_only_where_words_say_it_is_a_place() -> None:
    assert "Maritime" not in _places(
        "A tanker was hit in the Red Sea, the UK Maritime Trade Operations agency said."
    )
    assert "Capital" not in _places("The Capital Markets Authority fined the bank in Nairobi.")
    assert _places("Floods hit the Littoral region of Cameroon, near Douala.")["Littoral"][:2] == (
        "region",
        "CM",
    )
    assert _places("He grew up in the city of Mobile, Alabama.")["Mobile"][:2] == ("city", "US")


def test_indian_territories_go_by_the_names_news_uses() -> None:
    places = _places(
        "Troops have faced off in the Ladakh region since 2020, while Jammu and Kashmir and "
        "Lakshadweep voted."
    )
    assert places["Ladakh"][:2] == ("region", "IN")
    assert places["Jammu and Kashmir"][:2] == ("region", "IN")
    assert places["Lakshadweep"][:2] == ("region", "IN")


def test_a_town_whose_own_name_begins_with_a_generic_word_and_of_is_the_whole_name() -> None:
    places = _places("From there he flies to Port of Spain on Thursday, and then to Buenos Aires.")
    assert places["Port of Spain"][:2] == ("city", "TT")
    assert "Spain" not in places
    # A generic word straight before a name is still shed ("North Arlington Neighbors").
    assert "North Arlington" not in _places("The North Arlington Neighbors group met in Texas.")


def test_a_capital_listed_with_another_countrys_capital_is_the_capital() -> None:
    places = _places(
        "Canadian Prime Minister Mark Carney made a visit to London and Warsaw last week."
    )
    assert places["London"][:2] == ("city", "GB")
    # Alone in a story about Canada, London is still Ontario's, as local news means it.
    assert _places("Canadian Prime Minister Mark Carney visited London on Friday.")["London"][
        :2
    ] == ("city", "CA")


def test_names_listed_before_regions_are_the_regions() -> None:
    places = _places(
        "Russian forces attacked gas facilities in the Poltava and Kharkiv regions overnight, "
        "and power was cut in the Kyiv and Zaporizhzhia regions."
    )
    assert {name: places[name][:2] for name in ("Poltava", "Kharkiv", "Kyiv", "Zaporizhzhia")} == {
        name: ("region", "UA") for name in ("Poltava", "Kharkiv", "Kyiv", "Zaporizhzhia")
    }


def test_a_royal_named_by_title_is_no_county_named_after_one() -> None:
    places = _places(
        "Britain's Prince William and French President Emmanuel Macron attended the meeting."
    )
    assert "Prince William" not in places
    assert _places("They flew over Prince Edward Island.")["Prince Edward Island"][:2] == (
        "region",
        "CA",
    )


def test_a_story_filed_from_two_places_names_both_in_its_dateline() -> None:
    text = (
        "India strikes Pakistan\n\nNEW DELHI/ISLAMABAD, May 7 - India launched missile strikes "
        "on nine sites in Pakistan early on Wednesday."
    )
    assert {"NEW DELHI", "ISLAMABAD"} <= {t["name"] for t in toponyms(text)}
    # … and the story's first sentence starts after it, with its subject.
    assert [d.end for d in find_datelines(text)] == [text.index("India launched")]


def test_the_last_name_of_someone_named_in_full_is_them_where_no_place_is_so_named() -> None:
    places = _places(
        "Bangladesh's Yunus seeks Chinese investment on Beijing visit\n\nDHAKA, March 28 - "
        "Bangladesh's interim leader Muhammad Yunus met Chinese President Xi Jinping in "
        "Beijing on Friday."
    )
    assert "Yunus" not in places  # Khan Yunis goes by it only among its variants
    # A place that bears the name itself still counts.
    assert _places(
        "Michael Jackson's fans gathered. Flooding hit Jackson, Mississippi, on Monday."
    )["Jackson"][:2] == ("city", "US")


def test_a_meeting_named_after_a_place_it_is_not_held_in_names_no_place() -> None:
    found = _places(
        "He will end the trip at the Shangri-La Dialogue security forum in Singapore, "
        "where he is due to give the keynote speech."
    )
    assert "Shangri-La" not in found
    assert found["Singapore"][0] == "country"


def test_a_capital_the_model_takes_for_an_organisation_is_the_capital() -> None:
    found = _places("From Luanda he flies to Sao Tome for a summit of Portuguese-speaking nations.")
    assert found["Sao Tome"] == ("city", "ST", "São Tomé")


def test_a_name_the_parser_cuts_at_a_sentence_end_is_still_whole() -> None:
    # The model ends a "sentence" inside the headline's name ("… as Rio Grande | do Sul").
    found = _places("Brazil floods kill 100 as Rio Grande do Sul swamped")
    assert found["Rio Grande do Sul"][0] == "region"
    assert "Rio Grande" not in found


def test_a_river_named_like_a_town_is_not_the_town() -> None:
    # (A town of the name lies in the state the article's other towns are in.)
    found = _places(
        "Floods in Rio Grande do Sul have killed at least 100 people.\n\nThe Guaiba river, "
        "which runs through the state capital Porto Alegre, rose to a record 5.3 metres. "
        "Rescuers used boats in Canoas and Sao Leopoldo."
    )
    assert "Guaiba" not in found
    assert found["Porto Alegre"][0] == "city"
    assert found["Canoas"][0] == "city"


def test_a_tag_run_on_past_a_city_into_the_sentence_is_cut_back_to_the_places() -> None:
    # The model tags "Baltimore for Colombo" one organisation; "Dali" is the ship's name.
    found = _places(
        "The Singapore-flagged Dali was leaving the port of Baltimore for Colombo, Sri Lanka, "
        "when it struck a support pillar."
    )
    assert found["Baltimore"][:2] == ("city", "US")
    assert found["Colombo"][:2] == ("city", "LK")
    assert "Dali" not in found


def test_a_one_word_town_a_facility_stands_at_is_the_town() -> None:
    found = _places("Israel struck Iran's main uranium enrichment facility at Natanz on Friday.")
    assert found["Natanz"][:2] == ("city", "IR")


def test_an_island_no_division_names_is_found_by_its_names() -> None:
    found = _places("Fires also burned on the islands of Corfu and Evia.")
    assert found["Evia"][:2] == ("region", "GR")


def test_a_town_whose_terminals_are_told_is_the_town() -> None:
    found = _places(
        "France, Spain and Belgium took most of the cargoes, landed at the terminals of "
        "Dunkirk, Bilbao and Zeebrugge."
    )
    assert found["Dunkirk"][:2] == ("city", "FR")


def test_an_english_county_news_names_bare_is_the_county() -> None:
    found = _places(
        "Eurostar cancelled trains between London and Paris on Monday after Storm Eowyn "
        "flooded a tunnel in Kent."
    )
    assert found["Kent"][:2] == ("region", "GB")


def test_a_town_tagged_an_organisation_is_placed_by_the_country_after_it() -> None:
    places = _places(
        "The Estlink 2 cable, which carries electricity between Porvoo in southern Finland "
        "and Harku near Tallinn, lost power on Christmas Day."
    )
    assert places["Porvoo"] == ("city", "FI", "Porvoo")


def test_a_river_is_no_county_of_its_name() -> None:
    found = {
        t["name"]: t
        for t in toponyms(
            "In Phu Tho province a steel bridge over the Red River collapsed on Monday morning, "
            "sending 10 cars into the water, Vietnamese officials said."
        )
    }
    assert "Phu Tho" in found
    # Still a place the article names, but no Red River County in Texas.
    assert found.get("Red River", {}).get("lat") is None


def test_a_county_the_gazetteer_lacks_stands_for_its_town_in_the_articles_country() -> None:
    places = _places(
        "Locusts have crossed into northern Kenya. The swarms were first seen in Marsabit "
        "county last week and have since moved south into Isiolo and Samburu, the FAO said."
    )
    assert places["Marsabit"] == ("city", "KE", "Marsabit")
    # Not a town of another country: Kenya's Nyanza province is no Nyanza in Rwanda.
    places = _places("Tourists troop to Kogelo in Nyanza province in Kenya.")
    assert "Nyanza" not in places and "Nyanza province" not in places


def test_lakes_and_french_departements_are_places() -> None:
    places = _places(
        "A ferry sank in Lake Toba in North Sumatra. A wildfire burned in the Aude department "
        "of southern France. Wildfires have burned 20,000 hectares in the Gironde, where "
        "thousands were evacuated."
    )
    assert places["Lake Toba"] == ("sea", "", "Lake Toba")
    assert places["Aude"][:2] == ("region", "FR")
    assert places["Gironde"][:2] == ("region", "FR")


def test_a_province_goes_by_its_english_name_too() -> None:
    places = _places(
        "The tanker Princess Empress sank off Oriental Mindoro with 800,000 litres of oil."
    )
    assert places["Oriental Mindoro"][:2] == ("region", "PH")


def test_a_warship_named_after_a_town_is_no_place() -> None:
    places = _places(
        "The three Chinese warships, including the cruiser Zunyi, had sailed down "
        "Australia's east coast from the Coral Sea."
    )
    assert "Zunyi" not in places and places["Australia"][0] == "country"


def test_a_town_with_a_possessive_in_its_name_and_a_state_told_with_its_word() -> None:
    places = _places(
        "The refugees sailed for weeks from camps in Cox's Bazar in southern Bangladesh, "
        "after fleeing a military crackdown in Myanmar's Rakhine state in 2017."
    )
    assert places["Cox's Bazar"][:2] == ("city", "BD")
    assert places["Rakhine"][:2] == ("region", "MM")


def test_the_earth_is_told_but_is_no_town_in_texas() -> None:
    found = {
        t["name"]: t
        for t in toponyms(
            "The crew blasted off from Baikonur in Kazakhstan. They replace three crew members "
            "who returned to Earth last week."
        )
    }
    assert found["Baikonur"]["lat"] is not None
    assert found.get("Earth", {}).get("lat") is None


def test_a_county_tagged_an_organisation_is_the_county() -> None:
    places = _places("A man died in County Kerry when a tree fell on his car.")
    assert places["County Kerry"] == ("region", "IE", "County Kerry")


def test_the_town_of_another_place_is_not_the_kind_of_the_name_before_it() -> None:
    # "In Poland, the town of Nysa": the town is Nysa's kind, not Poland's (Poland, Maine).
    places = _places(
        "Floods swept central Europe on Monday. In Poland, the town of Nysa was evacuated "
        "after a dam broke. Ocala, a city of 60,000 people, was spared."
    )
    assert places["Poland"][:2] == ("country", "PL")
    assert places["Nysa"][:2] == ("city", "PL")
    assert places["Ocala"][0] == "city"  # an apposition of its own still tells its kind


def test_a_disease_named_after_a_town_is_no_town_even_told_alone() -> None:
    places = _places(
        "Rwanda has confirmed 26 cases of Marburg virus. There is no approved vaccine or "
        "treatment for Marburg, which was first found in Marburg, Germany, in 1967."
    )
    found = [
        r.mention.text
        for r in geoparse(
            "Rwanda has confirmed 26 cases of Marburg virus. There is no approved vaccine or "
            "treatment for Marburg."
        )
    ]
    assert found == ["Rwanda"]
    assert places["Marburg"][:2] == ("city", "DE")  # "in Marburg": the town
    # A country a disease is named after stays the country everywhere else.
    assert (
        _places("An outbreak of Sudan virus disease hit Uganda. Sudan said it had no cases.")[
            "Sudan"
        ][0]
        == "country"
    )


def test_a_firm_written_with_a_capital_inside_is_no_town() -> None:
    found = {
        r.mention.text
        for r in geoparse(
            "Hutchison sold its ports to a group led by BlackRock. Floods hit McAllen and DeKalb, "
            "and KwaZulu-Natal."
        )
        if r.entry is not None
    }
    assert "BlackRock" not in found  # not Blackrock, a suburb of Dublin
    assert {"McAllen", "DeKalb", "KwaZulu-Natal"} <= found


def test_english_spellings_of_provinces_and_islands_news_names() -> None:
    places = _places(
        "Most of the deaths were in Kunar province. Fighting spread to Cambodia's Oddar "
        "Meanchey province. A volcano on the Indonesian island of Flores erupted."
    )
    assert places["Kunar"][:2] == ("region", "AF")
    assert places["Oddar Meanchey"][:2] == ("region", "KH")
    assert places["Flores"][:2] == ("region", "ID")  # the island, not Uruguay's department


def test_a_federal_city_is_the_city_whatever_its_regions_spelling() -> None:
    # GeoNames spells the federal subject "St.-Petersburg": still the seat of its name.
    places = _places("Putin met him in St. Petersburg on Friday, then flew to Kaliningrad.")
    assert places["St. Petersburg"][:2] == ("city", "RU")


def test_a_town_before_its_port_a_province_abroad_and_a_firm_named_like_a_town() -> None:
    places = _places(
        "Sri Lanka's Chinese-run Hambantota port handled a record number of ships. In "
        "Spain, a firefighter died near the town of Astorga in Leon province."
    )
    assert places["Hambantota"][:2] == ("city", "LK")
    # Spain's León, whose province the gazetteer lacks; not Nicaragua's León department.
    assert places["Leon"][:2] == ("city", "ES")
    assert _places("In Nicaragua, floods hit Leon province.")["Leon"][:2] == ("region", "NI")
    found = {
        r.mention.text
        for r in geoparse(
            "Shares of Toyota Motor rose 14% in Tokyo. Toyota builds cars in Kentucky. "
            "Workers in Toyota, Aichi, cheered."
        )
    }
    assert "Toyota Motor" not in found and {"Tokyo", "Kentucky", "Aichi"} <= found
    # "in Toyota": the town, told as one.
    assert "Toyota" in found


def test_a_country_worn_as_a_title_does_not_place_the_towns_beside_it() -> None:
    places = _places(
        "Panama's President Jose Raul Mulino has rejected the claim. The government acted "
        "after a visit by US Secretary of State Marco Rubio to Panama City."
    )
    assert places["Panama City"] == ("city", "PA", "Panama City")


def test_a_wildfire_named_after_a_canyon_is_not_a_town_that_spells_it_otherwise() -> None:
    places = _places(
        "The Palisades Fire has burned through 17,000 acres between Santa Monica and Malibu. "
        "The Lahaina Fire destroyed the town."
    )
    assert "Palisades" not in places  # (Palisade, Colorado, lists "Palisades" as a name)
    assert places["Santa Monica"][1] == "US"
    assert places["Lahaina"][0] == "city"


def test_a_state_listed_with_states_is_the_state_not_the_city_of_its_name() -> None:
    assert (
        _places("Firefighters from Oregon, Washington and Mexico joined the battle.")["Washington"][
            0
        ]
        == "region"
    )
    # Not beside a state the city lies by, nor with a city, nor qualified as the city.
    for text in (
        "Storms hit Virginia, Washington and Maryland.",
        "Talks were held in New York and Washington.",
        "People came from as far as Texas and Washington, D.C., to eat.",
    ):
        assert _places(text)["Washington"][0] == "city", text


def test_a_saint_a_church_is_dedicated_to_is_no_town() -> None:
    places = _places(
        "The coffin was driven to the Basilica of Santa Maria Maggiore in Rome. The choir of "
        "the Church of St. Mary sang. He later flew to San Francisco."
    )
    assert "Santa Maria Maggiore" not in places
    assert places["San Francisco"][1] == "US" and places["Rome"][1] == "IT"


def test_islands_listed_together_are_of_the_country_the_sure_one_is_in() -> None:
    places = _places(
        "The drills took place in the Taiwan Strait and around the outlying islands of Kinmen, "
        "Matsu and Dongyin, near China's coast."
    )
    assert places["Kinmen"][:2] == ("region", "TW")
    assert places["Matsu"][1] == "TW"  # not Matsue, Japan, which GeoNames also calls so


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # a town on a route, placed in "the" country, tagged a person
        (
            "The ship was sailing from Khor Fakkan in the United Arab Emirates to Varna.",
            "Khor Fakkan",
            ("city", "AE", "Khawr Fakkān"),
        ),
        # a town of two words listed with a place the recogniser took
        (
            "Exercises will be held off its east coast near Durban and Richards Bay next month.",
            "Richards Bay",
            ("city", "ZA", "Richards Bay"),
        ),
        # the place a ship leaves, run on into where it goes
        (
            "The Singapore-flagged Dali was leaving Baltimore for Colombo, Sri Lanka, when it "
            "hit the bridge.",
            "Colombo",
            ("city", "LK", "Colombo"),
        ),
        (
            "Lavrov visited Egypt and Congo Republic in July.",
            "Congo Republic",
            ("country", "CG", "Republic of the Congo"),
        ),
        (
            "Clashes broke out in Kutum in North Darfur.",
            "North Darfur",
            ("region", "SD", "Northern Darfur"),
        ),
    ],
)
def test_places_the_model_runs_together_or_mislabels_are_found(
    text: str, name: str, expected: tuple[str, str, str]
) -> None:
    assert _places(text)[name] == expected


def test_a_person_run_on_or_listed_with_a_mistaken_place_stays_a_person() -> None:
    places = _places(
        "Beverly Lockhart, 3 News reporter, and cameraman Joe Morgan, both tried a glass of "
        "the water. Ms Lockhart said she was fine."
    )
    assert "Beverly" not in places
    places = _places(
        "Mary Travers of the ’60s folk group, Peter, Paul and Mary was born and raised in Kentucky."
    )
    assert "Mary" not in places and "Kentucky" in places


def test_capitals_listed_together_are_capitals_and_gulf_states_no_state() -> None:
    places = _places(
        "The United States, Britain and Gulf states urged restraint, and Iranian Foreign "
        "Minister Abbas Araqchi visited Islamabad and New Delhi this week to mediate."
    )
    assert places["Islamabad"] == ("city", "PK", "Islamabad")
    assert places["New Delhi"] == ("city", "IN", "New Delhi")
    assert "Gulf" not in places


def test_a_capital_in_the_dateline_is_the_capital_not_a_town_so_called_in_the_story() -> None:
    places = _places(
        "ISLAMABAD, Aug 18 (Reuters) - Flash floods have killed at least 300 people in "
        "northwest Pakistan since Friday. Floods also hit Pakistan-administered Kashmir. In "
        "India's Jammu and Kashmir, at least 60 people were killed when a cloudburst hit a "
        "village in Kishtwar district."
    )
    assert places["ISLAMABAD"] == ("city", "PK", "Islamabad")


def test_a_country_adjective_the_model_runs_into_a_title_is_still_the_country() -> None:
    places = _places(
        "Sri Lankan President Anura Kumara Dissanayake is expected to visit New Delhi next "
        "month. South Korean Foreign Minister Cho Tae-yul will visit Tokyo."
    )
    assert places["Sri Lankan"] == ("country", "LK", "Sri Lanka")
    assert places["South Korean"] == ("country", "KR", "South Korea")


def test_a_makers_name_before_its_plant_is_no_town() -> None:
    places = _places(
        "Kishida will travel to North Carolina to visit a Toyota battery plant and a Honda factory."
    )
    assert set(places) == {"North Carolina"}
    # (but a town before what is in it is the town)
    places = _places(
        "BANTAM — A Danbury stonework mason was arraigned. The taxi stopped yards from an "
        "Oxford police station."
    )
    assert {"Danbury", "Oxford"} <= set(places)


def test_the_see_or_shire_of_a_title_is_no_place_of_the_story() -> None:
    places = _places(
        "Francis flies to Juba for a joint visit with the Archbishop of Canterbury Justin Welby."
    )
    assert "Canterbury" not in places and "Juba" in places


def test_a_town_named_with_hyphens_around_a_small_word_is_one_name() -> None:
    places = _places(
        "The new submarines will be built in Adelaide and at Barrow-in-Furness in northern England."
    )
    assert places["Barrow-in-Furness"] == ("city", "GB", "Barrow in Furness")
