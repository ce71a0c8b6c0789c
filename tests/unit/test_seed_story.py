"""The embedded default story holds everything the issue asks of it, from the real loader."""

import datetime as dt

from mapstory.model import Alliance, Bloc, Conflict, Institution, Port, Trade, Visit

D = dt.date


def visits(story):
    return {e.id: e for e in story.events if isinstance(e, Visit)}


def test_article_is_the_seed_article(seed_story, seed_text) -> None:
    assert seed_story.article.text == seed_text
    assert seed_story.article.date == D(2023, 5, 24)
    assert seed_story.article.date.strftime("%A") == "Wednesday"


def test_places_come_from_the_offline_gazetteer(seed_story) -> None:
    from mapstory.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    names = {p.id: p for p in seed_story.places}
    for pid in ("beijing", "moscow", "vladivostok", "ukraine", "japan", "china", "russia", "us"):
        place = names[pid]
        entry = gazetteer.get(place.gazetteer_id)
        assert entry is not None
        assert (place.lat, place.lon) == (entry.lat, entry.lon)
        assert place.certainty == "stated"
        assert place.mentions, pid
    assert {p.id for p in seed_story.places if p.certainty == "inferred"} == {"kyiv", "tokyo"}
    assert not names["kyiv"].mentions and not names["tokyo"].mentions
    assert {p.id for p in seed_story.places if p.kind == "country"} == {
        "china",
        "russia",
        "ukraine",
        "japan",
        "us",
    }
    for pid in ("china", "russia", "ukraine", "japan", "us"):
        assert gazetteer.country_shape(names[pid].country_code) is not None


def test_visits_with_travellers_dates_and_status(seed_story) -> None:
    v = visits(seed_story)
    mishustin = v["visit-mishustin-beijing"]
    assert (mishustin.actor, mishustin.origin, mishustin.destination) == (
        "mishustin",
        "moscow",
        "beijing",
    )
    assert (mishustin.date.start, mishustin.date.end) == (D(2023, 5, 23), D(2023, 5, 24))
    xi = v["visit-xi-moscow"]
    assert (xi.actor, xi.origin, xi.destination) == ("xi", "beijing", "moscow")
    assert (xi.date.start, xi.date.end, xi.date.precision) == (
        D(2023, 3, 1),
        D(2023, 3, 31),
        "month",
    )
    ukraine = v["visit-lihui-ukraine"]
    assert (ukraine.destination, ukraine.site) == ("ukraine", "kyiv")
    assert ukraine.date.precision == "week"
    assert ukraine.date.start <= D(2023, 5, 16) and ukraine.date.end >= D(2023, 5, 17)
    kyiv_dates = ukraine.other_dates[0]
    assert (kyiv_dates.start, kyiv_dates.end, kyiv_dates.certainty) == (
        D(2023, 5, 16),
        D(2023, 5, 17),
        "inferred",
    )
    russia = v["visit-lihui-russia"]
    assert (russia.destination, russia.status) == ("russia", "scheduled")
    assert (russia.date.start, russia.date.precision) == (D(2023, 5, 26), "day")


def test_port_blocs_trade_and_conflict(seed_story) -> None:
    events = {e.id: e for e in seed_story.events}
    port = events["port-vladivostok"]
    assert isinstance(port, Port) and port.port == "vladivostok"
    assert port.date.start == D(2023, 6, 1)
    ceded = [d for d in port.other_dates if "Qing" in (d.label or "")]
    assert ceded and ceded[0].start.year == 1860 and ceded[0].precision == "year"

    partnership = events["alliance-no-limits"]
    assert isinstance(partnership, Alliance)
    assert {m.place for m in partnership.members} == {"china", "russia"}
    g7 = events["bloc-g7"]
    assert isinstance(g7, Bloc)
    assert {(m.place, m.certainty) for m in g7.members} == {("us", "stated"), ("japan", "inferred")}
    nato = events["institution-nato-japan"]
    assert isinstance(nato, Institution) and nato.status == "proposed"
    assert (nato.place, nato.site) == ("japan", "tokyo")

    trade = events["trade-russia-china"]
    assert isinstance(trade, Trade)
    figures = {(f.period, f.value, f.basis) for f in trade.figures}
    assert ("2022", 190, "actual") in figures
    assert ("2023", 200, "forecast") in figures
    assert ("Q1 2023", 53.8, "actual") in figures
    q1 = next(f for f in trade.figures if f.period == "Q1 2023")
    assert q1.change_pct == 40 and q1.approximate
    energy = events["trade-energy"]
    assert (energy.origin, energy.destination) == ("russia", "china")
    assert energy.figures[0].change_pct == 40 and energy.figures[0].basis == "projected"

    war = events["conflict-ukraine"]
    assert isinstance(war, Conflict) and war.places == ["ukraine"]


def test_every_mark_is_tied_to_exact_article_spans(seed_story) -> None:
    text = seed_story.article.text
    for event in seed_story.events:
        assert event.spans
        for span in event.spans:
            assert text[span.start : span.end] == span.text
            assert 1 <= seed_story.paragraph_of(span.start) <= 14
    for place in seed_story.places:
        for span in place.mentions:
            assert text[span.start : span.end] in (place.name, "Russian", "Chinese", "US")
