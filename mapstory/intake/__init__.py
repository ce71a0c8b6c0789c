"""Turn what a stranger pastes, uploads or links into clean article text.

Three entry points, one result type and one error type; importable without Streamlit and
cheap to import (trafilatura and python-docx load on first use):

* :func:`read_text` — pasted text;
* :func:`read_upload` — an uploaded file (plain text, Markdown, HTML or .docx, decided by
  its content, not its name);
* :func:`fetch_url` — a web page, fetched with SSRF protection.

Each returns an :class:`Intake` or raises :class:`IntakeError`, whose message is one sentence
that can be shown to the user as it is. :class:`IntakeLimits` bounds every input.
"""

from mapstory.intake.base import Intake, IntakeError, IntakeLimits
from mapstory.intake.text import read_text
from mapstory.intake.upload import read_upload
from mapstory.intake.url import AddressPolicy, Resolver, blocked_reason, fetch_url

__all__ = [
    "AddressPolicy",
    "Intake",
    "IntakeError",
    "IntakeLimits",
    "Resolver",
    "blocked_reason",
    "fetch_url",
    "read_text",
    "read_upload",
]
