"""Geocoding against the bundled offline gazetteer (no network, always available)."""

from __future__ import annotations

from collections.abc import Iterable

from geopy.location import Location

from mapstory.gazetteer import Gazetteer, GazetteerEntry, GeodataError, default_gazetteer
from mapstory.geocode.base import Geocoder, GeocoderUnavailable, make_location

__all__ = ["OfflineGazetteer"]

DEFAULT_LIMIT = 10


class OfflineGazetteer(Geocoder):
    """:class:`Geocoder` over :class:`mapstory.gazetteer.Gazetteer`.

    Besides plain names it understands a trailing country, "Moscow, Russia" or "Moscow, RU",
    because that is how online geocoders are usually queried and the chain passes the same
    string to both. Missing or broken data files surface as :class:`GeocoderUnavailable`
    (naming the file), like any other geocoder that cannot answer.
    """

    service_name = "offline gazetteer"

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        # Without one, the default gazetteer is looked up on use: constructing the geocoder
        # (e.g. at app start-up) costs nothing, and it follows the geodata directory in use.
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        return self._gazetteer if self._gazetteer is not None else default_gazetteer()

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        limit: int | None = None,
        country_codes: Iterable[str] | None = None,
        timeout: float | None = None,
    ) -> Location | list[Location] | None:
        """See :meth:`Geocoder.geocode`; *timeout* is accepted and ignored."""
        count = 1 if exactly_one else (limit if limit is not None else DEFAULT_LIMIT)
        if count < 1:
            raise ValueError("limit must be at least 1")
        codes = list(country_codes) if country_codes is not None else None
        try:
            entries = self._search(query, codes, count)
        except GeodataError as exc:
            raise GeocoderUnavailable(
                f"The {self.service_name} is unavailable: {exc}",
                service=self.service_name,
                query=query,
            ) from exc
        if not entries:
            return None
        locations = [self.to_location(entry) for entry in entries]
        return locations[0] if exactly_one else locations

    def _search(self, query: str, codes: list[str] | None, count: int) -> list[GazetteerEntry]:
        gazetteer = self.gazetteer
        query = query.strip()
        if not query:
            return []
        entries = gazetteer.search(query, country_codes=codes, limit=count)
        if entries or "," not in query:
            return entries
        head, _, tail = query.rpartition(",")
        country = self._country_for(tail.strip())
        if country is None or not country.country_code:
            return []
        if codes is not None and country.country_code not in {c.upper() for c in codes}:
            return []
        return gazetteer.search(head, country_codes=[country.country_code], limit=count)

    def _country_for(self, text: str) -> GazetteerEntry | None:
        if not text:
            return None
        if len(text) in (2, 3) and text.isalpha() and text.isupper():
            found = self.gazetteer.country(text)
            if found is not None:
                return found
        matches = self.gazetteer.search(text, kinds=("country",), limit=1)
        return matches[0] if matches else None

    def by_id(self, id: str) -> Location | None:
        """The Location of a gazetteer id (as found in ``raw["id"]``), or None if unknown."""
        try:
            entry = self.gazetteer.get(id)
        except GeodataError as exc:
            raise GeocoderUnavailable(
                f"The {self.service_name} is unavailable: {exc}", service=self.service_name
            ) from exc
        return self.to_location(entry) if entry is not None else None

    def to_location(self, entry: GazetteerEntry) -> Location:
        """Location for an entry; the address adds the country name to cities."""
        address = entry.name
        if entry.kind == "city" and entry.country_code:
            country = self.gazetteer.country(entry.country_code)
            if country is not None:
                address = f"{entry.name}, {country.name}"
        raw = {
            "id": entry.id,
            "name": entry.name,
            "kind": entry.kind,
            "feature_code": entry.feature_code,
            "country_code": entry.country_code,
            "iso3": entry.iso3,
            "population": entry.population,
            "source": "offline",
        }
        return make_location(address, entry.lat, entry.lon, raw)
