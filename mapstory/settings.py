"""Run-time settings, from the environment (the UI layer may overlay st.secrets).

Everything online is opt-in: by default mapstory needs no network at all.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from mapstory.intake.base import IntakeLimits

TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    online: bool = False  # online tiles and Nominatim geocoding
    nominatim_user_agent: str | None = None
    nominatim_domain: str = "nominatim.openstreetmap.org"
    nominatim_scheme: str = "https"  # "http" only for a local server (tests, a private mirror)
    # Seconds per request, and the most one draft waits for Nominatim in all.
    nominatim_timeout: float = 10.0
    static_url: str = "/app/static"
    story_file: str | None = None  # the story the Story page opens; default: the seed story
    store_path: str = "data/stories.sqlite3"  # drafts and fixed stories, shared by sessions
    intake: IntakeLimits = field(default_factory=IntakeLimits)  # MAPSTORY_INTAKE_* limits

    @classmethod
    def from_mapping(cls, values: Mapping[str, object]) -> Settings:
        def get(name: str) -> str | None:
            value = values.get(name)
            return None if value is None else str(value).strip() or None

        timeout = get("MAPSTORY_NOMINATIM_TIMEOUT")
        try:
            timeout_value = float(timeout) if timeout else cls.nominatim_timeout
        except ValueError:
            timeout_value = cls.nominatim_timeout
        if not (math.isfinite(timeout_value) and timeout_value > 0):
            # "0", "-1", "inf" or "nan" would mean no answer ever or waiting forever.
            timeout_value = cls.nominatim_timeout
        scheme = (get("MAPSTORY_NOMINATIM_SCHEME") or cls.nominatim_scheme).lower()
        return cls(
            online=(get("MAPSTORY_ONLINE") or "").lower() in TRUE,
            nominatim_user_agent=get("MAPSTORY_NOMINATIM_USER_AGENT"),
            nominatim_domain=get("MAPSTORY_NOMINATIM_DOMAIN") or cls.nominatim_domain,
            nominatim_scheme=scheme if scheme in ("http", "https") else cls.nominatim_scheme,
            nominatim_timeout=timeout_value,
            static_url=get("MAPSTORY_STATIC_URL") or cls.static_url,
            story_file=get("MAPSTORY_STORY_FILE"),
            store_path=get("MAPSTORY_STORE_PATH") or cls.store_path,
            intake=IntakeLimits.from_mapping(values),
        )
