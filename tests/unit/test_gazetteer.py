"""The offline gazetteer resolves the names news articles use, from the committed geodata/."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from mapstory.gazetteer import (
    COLUMNS,
    COUNTRIES_FILE,
    GAZETTEER_FILE,
    GEODATA_DIR,
    TOWNS_FILE,
    Gazetteer,
    GazetteerEntry,
    GeodataError,
    default_country_shape,
    default_gazetteer,
    fold,
    fold_many,
)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


def top(gaz: Gazetteer, name: str, **kwargs: object) -> GazetteerEntry:
    hits = gaz.search(name, **kwargs)  # type: ignore[arg-type]
    assert hits, f"no match for {name!r}"
    return hits[0]


def near(entry: GazetteerEntry, lat: float, lon: float, tolerance: float = 0.05) -> bool:
    return abs(entry.lat - lat) <= tolerance and abs(entry.lon - lon) <= tolerance


# -- folding -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Côte d’Ivoire", "Cote d'Ivoire"),
        ("U.S.", "US"),
        ("São Tomé", "sao tome"),
        ("Guinea-Bissau", "Guinea Bissau"),
        ("  New\tYork  ", "new york"),
        ("Bosnia & Herzegovina", "Bosnia and Herzegovina"),
        ("Nuku‘alofa", "Nuku'alofa"),
        ("Straße", "strasse"),
        ("Łódź", "Lodz"),
        ("KYIV", "Kyiv"),
    ],
)
def test_fold_unifies_spelling_variants(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_fold_keeps_distinct_names_distinct() -> None:
    assert fold("Kiev") != fold("Kyiv")  # variants are alternate names, not folding rules
    assert fold("Niger") != fold("Nigeria")


def test_fold_many_matches_fold_on_every_stored_name(gaz: Gazetteer) -> None:
    names = [n for e in gaz for n in (e.name, *e.alt_names)]
    names += ["", " ", "a--b", "x&y", "_a_", "é-\u0301", "Ærø", "İstanbul", "multi\nline"]
    assert fold_many(names) == [fold(n) for n in names]


# -- cities ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "geonameid", "lat", "lon", "cc"),
    [
        ("Beijing", 1816670, 39.9075, 116.39723, "CN"),
        ("Moscow", 524901, 55.75204, 37.61781, "RU"),
        ("Vladivostok", 2013348, 43.10562, 131.87353, "RU"),
        ("Kyiv", 703448, 50.45466, 30.5238, "UA"),
        ("Tokyo", 1850147, 35.6895, 139.69171, "JP"),
    ],
)
def test_major_cities_resolve_to_geonames(
    gaz: Gazetteer, name: str, geonameid: int, lat: float, lon: float, cc: str
) -> None:
    entry = top(gaz, name)
    assert entry.id == f"geonames:{geonameid}"
    assert entry.kind == "city"
    assert entry.country_code == cc
    assert near(entry, lat, lon, 1e-4)
    assert gaz.get(entry.id) is entry


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [("Peking", "Beijing"), ("Kiev", "Kyiv"), ("Kiew", "Kyiv"), ("KIEV", "Kyiv")],
)
def test_historic_and_foreign_spellings(gaz: Gazetteer, variant: str, canonical: str) -> None:
    assert top(gaz, variant).id == top(gaz, canonical).id


def test_capitals_are_marked(gaz: Gazetteer) -> None:
    assert top(gaz, "Beijing").feature_code == "PPLC"
    assert top(gaz, "Kyiv").is_capital
    assert top(gaz, "Vladivostok").feature_code == "PPL"
    assert top(gaz, "Washington").country_code == "US"  # DC, not a same-named small town
    assert top(gaz, "Washington").is_capital


def test_big_city_beats_small_namesake(gaz: Gazetteer) -> None:
    hits = gaz.search("Moscow")
    assert (hits[0].kind, hits[0].country_code) == ("city", "RU")
    assert "US" in [h.country_code for h in hits]  # Moscow, Idaho is still a candidate


def test_iata_codes_and_machine_romanisations_are_not_names(gaz: Gazetteer) -> None:
    beijing = top(gaz, "Beijing")
    assert "BJS" not in beijing.alt_names
    assert "bei jing" not in beijing.alt_names
    assert all(not any("\u4e00" <= ch <= "\u9fff" for ch in alt) for alt in beijing.alt_names)


# -- countries and continents -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso2", "iso3", "lat", "lon"),
    [
        ("United States", "US", "USA", 39.5, -97.5),
        ("US", "US", "USA", 39.5, -97.5),
        ("U.S.", "US", "USA", 39.5, -97.5),
        ("USA", "US", "USA", 39.5, -97.5),
        ("Japan", "JP", "JPN", 36.1, 138.4),
        ("China", "CN", "CHN", 35.7, 103.5),
        ("Russia", "RU", "RUS", 59.4, 97.2),
        ("Ukraine", "UA", "UKR", 49.7, 32.1),
        ("Britain", "GB", "GBR", 54.0, -2.0),
    ],
)
def test_countries_with_reference_points(
    gaz: Gazetteer, name: str, iso2: str, iso3: str, lat: float, lon: float
) -> None:
    entry = top(gaz, name)
    assert (entry.kind, entry.country_code, entry.iso3) == ("country", iso2, iso3)
    assert near(entry, lat, lon, tolerance=2.0)


def test_us_has_its_geonames_id_and_the_is_optional(gaz: Gazetteer) -> None:
    assert top(gaz, "US").id == "geonames:6252001"
    # Callers may pass "the US" as written; a leading "the" is retried without it...
    assert top(gaz, "the US").id == "geonames:6252001"
    # ...but a "the" that belongs to the name still matches exactly.
    assert top(gaz, "The Hague").country_code == "NL"


def test_country_outranks_same_named_city(gaz: Gazetteer) -> None:
    hits = gaz.search("Georgia")
    assert hits[0].kind == "country"
    assert hits[0].country_code == "GE"
    mexico = gaz.search("Mexico")
    assert mexico[0].kind == "country"
    assert "Mexico City" in [m.name for m in mexico[:3]]


def test_far_more_populous_city_outranks_tiny_territory(gaz: Gazetteer) -> None:
    hits = [(h.kind, h.country_code) for h in gaz.search("Norfolk")]
    # Norfolk, Virginia before Norfolk Island (the English county, more populous still,
    # comes first of all).
    assert hits.index(("city", "US")) < hits.index(("country", "NF"))
    assert hits[0] == ("region", "GB")


def test_ambiguous_alias_returns_all_candidates(gaz: Gazetteer) -> None:
    assert [h.country_code for h in gaz.search("Congo", kinds=["country"])] == ["CD", "CG"]


def test_continents(gaz: Gazetteer) -> None:
    europe = top(gaz, "Europe")
    assert (europe.kind, europe.country_code, europe.feature_code) == ("continent", "", "CONT")
    assert top(gaz, "Africa").id == "geonames:6255146"


def test_filters(gaz: Gazetteer) -> None:
    # Several small US towns are called Moscow; Idaho's, the largest, comes first.
    in_us = gaz.search("Moscow", country_codes=["us"])
    assert in_us and {h.country_code for h in in_us} == {"US"}
    assert in_us[0].admin1 == "admin1:US.ID"
    assert gaz.search("Moscow", country_codes=["USA"]) == in_us
    assert all(h.kind == "city" for h in gaz.search("Paris", kinds=["city"]))
    assert gaz.search("Georgia", kinds=["country"])[0].country_code == "GE"
    assert gaz.search("Europe", country_codes=["DE"]) == []
    assert len(gaz.search("Moscow", limit=1)) == 1
    assert gaz.search("Moscow", limit=0) == []
    assert gaz.search("Nowhereville-on-Sea") == []
    assert gaz.search("") == []


def test_regions_are_found_without_their_division_word(gaz: Gazetteer) -> None:
    assert gaz.search("Avoyelles") == []  # the plain search stays exact
    parish = gaz.search_core("Avoyelles")
    assert parish and parish[0].admin1 == "admin1:US.LA"
    assert all(entry.kind == "region" for entry in gaz.search_core("Clay"))
    assert gaz.search_core("Paris") == []  # cities have no division word to drop
    # The words of an autonomous region's title go with the division word.
    assert gaz.search_core("Tibet")[0].id == "admin1:CN.14"  # Tibet Autonomous Region
    assert gaz.search_core("Avoyelles", limit=0) == []


def test_regions_named_with_a_local_designator_are_found_by_their_bare_name(
    gaz: Gazetteer,
) -> None:
    # GeoNames writes "Anhui Sheng", "Xinjiang Uygur Zizhiqu", "Muhafazat Matruh"; news
    # writes "Anhui", "Xinjiang", "Matruh".
    anhui = gaz.search("Anhui")
    assert anhui and (anhui[0].feature_code, anhui[0].country_code) == ("ADM1", "CN")
    assert gaz.search("Xinjiang")[0].id == "admin1:CN.13"
    assert any(e.feature_code == "ADM1" and e.country_code == "EG" for e in gaz.search("Matruh"))


def test_country_lookup_by_code(gaz: Gazetteer) -> None:
    assert gaz.country("ru").name == "Russia"  # type: ignore[union-attr]
    assert gaz.country("RUS") is gaz.country("RU")
    # Natural Earth gives Clipperton France's alpha-2; the code must still mean France.
    assert gaz.country("FR").iso3 == "FRA"  # type: ignore[union-attr]
    assert gaz.country("AU").name == "Australia"  # type: ignore[union-attr]
    assert gaz.country("XX") is None


def test_lookups_by_id_do_not_build_the_name_index() -> None:
    fresh = Gazetteer.load(GEODATA_DIR)
    assert fresh.get("geonames:1816670").name == "Beijing"
    assert fresh.country("RU").name == "Russia"
    assert fresh._index is None  # a story placed by ids never pays for folding every name
    assert fresh.search("Beijing")[0].id == "geonames:1816670"
    assert fresh._index is not None


def test_drawing_a_country_does_not_load_the_place_table(
    gaz: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("the place table was loaded")

    monkeypatch.setattr(Gazetteer, "load", refuse)
    russia = default_country_shape("RU")
    assert russia is not None and russia == gaz.country_shape("RU")
    assert default_country_shape("fra") == gaz.country_shape("FRA")
    assert default_country_shape("XX") is None


def test_territories_natural_earth_folds_into_france(gaz: Gazetteer) -> None:
    reunion = gaz.country("RE")
    assert reunion is not None and reunion.kind == "country"
    assert near(reunion, -21.1, 55.5, tolerance=0.5)
    assert gaz.country_shape("RE") is not None


def test_country_shapes(gaz: Gazetteer) -> None:
    russia = gaz.country_shape("RU")
    assert russia is not None and russia["type"] in ("Polygon", "MultiPolygon")
    assert gaz.country_shape("rus") is russia
    # Alpha-2 gathers every unit with the code; alpha-3 only the unit itself.
    france_all = gaz.country_shape("FR")
    france_only = gaz.country_shape("FRA")
    assert france_all is not None and france_only is not None
    assert len(france_all["coordinates"]) > len(france_only["coordinates"])
    assert gaz.country_shape("XX") is None


def test_len_and_iteration(gaz: Gazetteer) -> None:
    assert len(gaz) > 30_000
    kinds = {e.kind for e in gaz}
    assert kinds == {"city", "region", "country", "continent", "sea"}


# -- broken data -------------------------------------------------------------------------------


def _copy_geodata(tmp_path: Path) -> Path:
    for name in (GAZETTEER_FILE, TOWNS_FILE, COUNTRIES_FILE):
        shutil.copy(GEODATA_DIR / name, tmp_path / name)
    return tmp_path


def test_missing_directory_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(GeodataError, match=r"gazetteer\.tsv\.gz.*missing"):
        Gazetteer.load(tmp_path / "nope")


def test_corrupt_gzip_names_the_file(tmp_path: Path) -> None:
    (tmp_path / GAZETTEER_FILE).write_bytes(b"not gzip at all")
    with pytest.raises(GeodataError, match=r"gazetteer\.tsv\.gz.*corrupt"):
        Gazetteer.load(tmp_path)


def _write_rows(path: Path, lines: list[str]) -> None:
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))


def test_bad_header_and_bad_rows_are_reported(tmp_path: Path) -> None:
    header = "\t".join(COLUMNS)
    good = "geonames:1\tA\tcity\tPPL\tXX\t\t1.0\t2.0\t3\tB|C\t\t"
    _write_rows(tmp_path / GAZETTEER_FILE, ["id\tname", good])
    with pytest.raises(GeodataError, match="header"):
        Gazetteer.load(tmp_path)
    _write_rows(tmp_path / GAZETTEER_FILE, [header, good, "geonames:2\tB\tcity"])
    with pytest.raises(GeodataError, match="bad row 3"):
        Gazetteer.load(tmp_path)
    _write_rows(tmp_path / GAZETTEER_FILE, [header, good.replace("1.0", "north")])
    with pytest.raises(GeodataError, match="bad row 2"):
        Gazetteer.load(tmp_path)
    _write_rows(tmp_path / GAZETTEER_FILE, [header, good])
    _write_rows(tmp_path / TOWNS_FILE, [header])  # a table may have no small towns at all
    small = Gazetteer.load(tmp_path)
    assert len(small) == 1 and small.search("c")[0].alt_names == ("B", "C")


def _tiny_tables(directory: Path) -> None:
    header = "\t".join(COLUMNS)
    _write_rows(
        directory / GAZETTEER_FILE,
        [header, "geonames:1\tBigtown\tcity\tPPL\tXX\t\t1.0\t2.0\t90000\t\t\t"],
    )
    _write_rows(
        directory / TOWNS_FILE,
        [header, "geonames:2\tSmallton\tcity\tPPL\tXX\t\t3.0\t4.0\t2000\t\t\t"],
    )


def test_the_towns_table_is_read_only_when_needed(tmp_path: Path) -> None:
    _tiny_tables(tmp_path)
    gaz = Gazetteer.load(tmp_path)
    (tmp_path / TOWNS_FILE).rename(tmp_path / "aside")
    assert gaz.get("geonames:1").name == "Bigtown"  # a known id: no need for the towns
    with pytest.raises(GeodataError, match=r"gazetteer-towns\.tsv\.gz.*missing"):
        gaz.search("Smallton")
    with pytest.raises(GeodataError, match="missing"):  # still pending, still reported
        gaz.get("geonames:2")
    (tmp_path / "aside").rename(tmp_path / TOWNS_FILE)  # repaired: picked up, no reload
    assert gaz.get("geonames:2").name == "Smallton"
    assert [e.name for e in gaz.search("smallton")] == ["Smallton"]
    assert len(gaz) == 2 and {e.id for e in gaz} == {"geonames:1", "geonames:2"}
    assert gaz.get("geonames:3") is None


def test_an_unknown_id_reads_the_towns_table(tmp_path: Path) -> None:
    _tiny_tables(tmp_path)
    assert Gazetteer.load(tmp_path).get("geonames:2").name == "Smallton"


def test_a_broken_towns_table_is_named(tmp_path: Path) -> None:
    _tiny_tables(tmp_path)
    (tmp_path / TOWNS_FILE).write_bytes(b"not gzip at all")
    with pytest.raises(GeodataError, match=r"gazetteer-towns\.tsv\.gz.*corrupt"):
        Gazetteer.load(tmp_path).complete()
    header = "\t".join(COLUMNS)
    _write_rows(
        tmp_path / TOWNS_FILE, [header, "geonames:1\tBigtown\tcity\tPPL\tXX\t\t1\t2\t5\t\t\t"]
    )
    with pytest.raises(GeodataError, match=r"gazetteer-towns\.tsv\.gz: id geonames:1 is already"):
        len(Gazetteer.load(tmp_path))


def test_the_bundled_split_puts_small_towns_apart(gaz: Gazetteer) -> None:
    main = Gazetteer.load(GEODATA_DIR)
    # Straight after loading, only the main table is in: its towns are 15,000 people or more.
    loaded = list(main._by_id.values())
    assert loaded and all(
        e.population >= 15_000 or e.is_capital for e in loaded if e.kind == "city"
    )
    small = [e for e in gaz if e.kind == "city" and e.population < 15_000 and not e.is_capital]
    assert len(small) > 50_000 and all(e.id not in main._by_id for e in small[:1000])


def test_missing_or_corrupt_shapes_raise_on_first_use(tmp_path: Path) -> None:
    directory = _copy_geodata(tmp_path)
    (directory / COUNTRIES_FILE).unlink()
    gaz = Gazetteer.load(directory)  # points alone still load
    with pytest.raises(GeodataError, match=r"countries\.geojson.*missing"):
        gaz.country_shape("RU")
    (directory / COUNTRIES_FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(GeodataError, match=r"countries\.geojson.*corrupt"):
        Gazetteer.load(directory).country_shape("RU")


def test_ranking_ignores_case_and_is_stable(gaz: Gazetteer) -> None:
    assert gaz.search("Washington") == gaz.search("WASHINGTON") == gaz.search("washington")


def test_regions_news_names_in_english_are_found(gaz: Gazetteer) -> None:
    # GeoNames spells them Oromiya, Nord Kivu, Al Jazirah, Muhafazat Hadramawt.
    for name, region in [
        ("Oromia", "admin1:ET.51"),
        ("North Kivu", "admin1:CD.11"),
        ("Gezira", "admin1:SD.38"),
        ("Hadramout", "admin1:YE.04"),
    ]:
        assert gaz.search(name)[0].id == region, name
    kordofan = gaz.search("Kordofan")[0]  # the Kordofan states together
    assert (kordofan.kind, kordofan.country_code) == ("region", "SD")
