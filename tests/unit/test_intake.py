"""mapstory.intake: pasted text and uploaded files (text, Markdown, HTML, .docx) → article text.

Inputs are real bytes: files written by python-docx and zipfile, HTML as browsers save it,
text in the encodings people actually have. Limits are small where a test needs to cross them.
"""

from __future__ import annotations

import datetime
import io
import ipaddress
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mapstory.intake import (
    Intake,
    IntakeError,
    IntakeLimits,
    blocked_reason,
    fetch_url,
    read_text,
    read_upload,
)
from mapstory.intake.base import ENV_NAMES, clean_text, human_size
from mapstory.intake.text import clean_markdown
from mapstory.settings import Settings
from tests.translation_check import leaks, pseudo_language

__all__ = ["pseudo_language"]  # the fixture, used by name

LIMITS = IntakeLimits()
ROOT = Path(__file__).resolve().parents[2]

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Mishustin in Beijing | World News</title>
<meta property="og:title" content="Mishustin arrives in Beijing for talks">
<meta property="article:published_time" content="2023-05-23T08:00:00+00:00">
<style>body { font-family: "Secret Style Font"; }</style>
<script>alert(1); var leaked = "SCRIPT-TEXT-MARKER";</script>
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/paris">Paris bureau</a></nav>
<article>
<h1>Mishustin arrives in Beijing for talks</h1>
<p>Russian prime minister Mikhail Mishustin arrived in Beijing on Tuesday for two days of
talks with Chinese leaders, the most senior Russian official to visit since the war began.</p>
<p>He flew in from Shanghai, where he had addressed a business forum, and is expected to
meet President Xi Jinping before returning to Moscow.</p>
<script>document.write("INLINE-SCRIPT-MARKER")</script>
<p>Trade between the two countries reached a record of $190 billion last year, according to
Chinese customs data.</p>
</article>
<footer>Copyright 2023. Follow us from London, New York and Tokyo.</footer>
</body></html>
"""


def docx_bytes(*paragraphs: str, table: list[list[str]] | None = None, title: str = "") -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
        document.add_paragraph("After the table.")
    if title:
        document.core_properties.title = title
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------------------------
# Pasted text
# --------------------------------------------------------------------------------------------


def test_pasted_text_is_cleaned_and_described() -> None:
    result = read_text("  Mishustin flew to Beijing.\r\nThen to Shanghai.\r\n\n", LIMITS)
    assert result == Intake(
        text="Mishustin flew to Beijing.\nThen to Shanghai.",
        title=None,
        published=None,
        source="pasted text",
        kind="text",
        warnings=(),
    )


@pytest.mark.parametrize("text", ["", "   ", "\n\r\n\t  \n", "\x00\x07\x1b"])
def test_empty_or_whitespace_text_is_refused(text: str) -> None:
    with pytest.raises(IntakeError, match="is empty"):
        read_text(text, LIMITS)


def test_text_over_the_cap_is_refused_with_size_and_cap() -> None:
    text = "Beijing " * 625_000  # 5,000,000 characters
    with pytest.raises(IntakeError) as info:
        read_text(text, LIMITS)
    message = str(info.value)
    assert "5,000,000 characters" in message
    assert "500,000 characters" in message
    assert "\n" not in message and "Traceback" not in message


def test_a_single_long_line_under_the_cap_is_accepted() -> None:
    line = ("Moscow-Beijing " * 70_000)[:1_000_000]
    result = read_text(line, IntakeLimits(max_text_chars=1_000_000))
    assert result.text == line.strip()
    assert "\n" not in result.text


def test_mixed_scripts_emoji_and_rtl_survive_intact() -> None:
    text = (
        "Мишустин прибыл в Пекин. 米舒斯京抵达北京。 "
        "رئيس الوزراء الروسي في بكين \u200f(RTL mark) "
        "Family 👨\u200d👩\u200d👧 flag 🇨🇳 e\u0301 Ελλάδα हिन्दी"
    )
    assert read_text(text, LIMITS).text == text


def test_crlf_and_lone_cr_become_newlines() -> None:
    assert read_text("a\r\nb\rc\nd", LIMITS).text == "a\nb\nc\nd"


def test_control_characters_are_dropped_but_tabs_and_newlines_kept() -> None:
    result = read_text("Moscow\x00\x01\x08\x0b\x0c\x1b[31m\x7f\x85\x9f\tBeijing\nXi\u200b", LIMITS)
    # NEL (U+0085) is a line break; zero-width characters are text, not controls.
    assert result.text == "Moscow[31m\n\tBeijing\nXi\u200b"
    assert result.warnings == ("8 control character(s) were removed.",)


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_cleaned_text_never_holds_controls_or_carriage_returns(text: str) -> None:
    cleaned, _ = clean_text(text)
    assert cleaned == cleaned.strip()
    assert all(ch in "\n\t" or not (ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F) for ch in cleaned)
    assert "\ufeff" not in cleaned
    cleaned.encode("utf-8")  # no lone surrogates


def test_non_string_paste_is_an_intake_error() -> None:
    with pytest.raises(IntakeError, match="not text"):
        read_text(b"bytes", LIMITS)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Uploads: plain text and encodings
# --------------------------------------------------------------------------------------------


def test_utf8_text_file() -> None:
    result = read_upload("article.txt", "Visit to Kyiv and Kraków.\n".encode(), LIMITS)
    assert (result.text, result.kind, result.source) == (
        "Visit to Kyiv and Kraków.",
        "text",
        "article.txt",
    )
    assert result.warnings == ()


def test_utf8_with_bom() -> None:
    result = read_upload("article.txt", "\ufeffSão Paulo to Beijing".encode(), LIMITS)
    assert result.text == "São Paulo to Beijing"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(codec: str) -> None:
    text = "Пекин — Beijing — 北京\r\nSecond line"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    result = read_upload("article.txt", data, LIMITS)
    assert result.text == "Пекин — Beijing — 北京\nSecond line"
    assert any("decoded from UTF-" in warning for warning in result.warnings)


def test_latin1_bytes_are_refused_as_not_utf8() -> None:
    with pytest.raises(IntakeError, match="is not UTF-8 text") as info:
        read_upload("article.txt", "Café in Zürich".encode("latin-1"), LIMITS)
    assert "'article.txt'" in str(info.value)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100), "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "PDF document"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(50), "old-style Office file"),
        (b"Beijing\x00\x01\x02Moscow", r"binary data \(NUL bytes\)"),
    ],
)
def test_binary_content_is_refused_whatever_the_name(data: bytes, expected: str) -> None:
    with pytest.raises(IntakeError, match=expected):
        read_upload("article.txt", data, LIMITS)


def test_other_zip_archives_are_refused_by_name() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(IntakeError, match="Excel workbook"):
        read_upload("article.docx", buffer.getvalue(), LIMITS)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "Beijing")
    with pytest.raises(IntakeError, match="zip archive"):
        read_upload("article.txt", buffer.getvalue(), LIMITS)


def test_empty_upload_is_refused() -> None:
    with pytest.raises(IntakeError, match="is empty"):
        read_upload("article.txt", b"", LIMITS)
    with pytest.raises(IntakeError, match="is empty"):
        read_upload("article.txt", b" \r\n\t ", LIMITS)


def test_oversized_upload_is_refused_before_any_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed an oversized upload")

    import mapstory.intake.upload as upload

    for name in ("_read", "looks_like_html", "decode_text", "read_docx"):
        monkeypatch.setattr(upload, name, explode)
    with pytest.raises(IntakeError) as info:
        read_upload("big.txt", b"a" * 2_000_001, IntakeLimits(max_upload_bytes=2_000_000))
    assert str(info.value) == "The file 'big.txt' is 2.0 MB; the upload limit is 2 MB."


def test_file_names_are_reduced_to_their_base_name() -> None:
    result = read_upload("C:\\Users\\x\\news\\story.txt", b"Kyiv", LIMITS)
    assert result.source == "story.txt"
    assert read_upload("\x1b[2Jnews\x07.txt", b"Kyiv", LIMITS).source == "[2Jnews.txt"
    assert read_upload("", b"Kyiv", LIMITS).source == "upload"
    with pytest.raises(IntakeError, match=r"^The file 'evil\.txt' is empty"):
        read_upload("../../etc/evil.txt\x07", b"", LIMITS)


def test_text_in_an_upload_is_capped_in_characters() -> None:
    with pytest.raises(IntakeError, match="1,001 characters long; the limit is 1,000"):
        read_upload("long.txt", b"x" * 1001, IntakeLimits(max_text_chars=1000))


# --------------------------------------------------------------------------------------------
# Uploads: Markdown
# --------------------------------------------------------------------------------------------

MARKDOWN = """# Mishustin visits *Beijing*

Setext heading
==============

The Russian prime minister flew from [Moscow](https://en.wikipedia.org/wiki/Moscow "Moscow")
to **Beijing** on _Tuesday_, see ![a map of Shanghai](https://img.example/shanghai.png).
Trade grew ~~slowly~~ fast, says the [customs office][customs] <https://customs.gov.cn>.

> Quoted: relations are at a `historic high`.

- Harbin
* Vladivostok
+ Kazan

| City | Role |
|------|:----:|
| Tianjin | port |

---
Snake_case_names and 2 * 3 * 4 stay. An escaped \\*star\\*.

[customs]: https://customs.gov.cn/report
"""


def test_markdown_keeps_words_and_drops_markup() -> None:
    result = read_upload("story.md", MARKDOWN.encode(), LIMITS)
    assert result.kind == "markdown"
    assert result.title == "Mishustin visits Beijing"
    text = result.text
    for word in ("Moscow", "Beijing", "Tuesday", "a map of Shanghai", "customs office", "fast"):
        assert word in text
    for junk in ("http", "wikipedia", ".png", "](", "**", "~~", "`", "# ", "===", "|", "---"):
        assert junk not in text, junk
    assert text.startswith("Mishustin visits Beijing\n")
    assert "flew from Moscow\nto Beijing on Tuesday" in text
    assert "Quoted: relations are at a historic high." in text
    assert "Harbin\nVladivostok\nKazan" in text
    assert "City\tRole\nTianjin\tport" in text
    assert "Snake_case_names and 2 * 3 * 4 stay. An escaped *star*." in text
    assert "slowly" in text  # struck-out words are still the author's words


def test_markdown_links_with_parentheses_and_footnotes() -> None:
    text = clean_markdown(
        "Flights to [Moscow](https://en.wikipedia.org/wiki/Moscow_(city)) resumed.[^1]\n\n"
        "[^1]: Reported from Minsk."
    )
    assert text == "Flights to Moscow resumed.\n\nReported from Minsk."


def test_markdown_is_recognised_by_content_despite_a_txt_name() -> None:
    result = read_upload("notes.txt", b"See [Odesa](https://example.org/odesa) today.", LIMITS)
    assert (result.kind, result.text) == ("markdown", "See Odesa today.")


def test_plain_text_with_stray_asterisks_is_not_markdown() -> None:
    result = read_upload("notes.txt", b"Prices rose 2 * 3 percent; #1 seller in Lyon.", LIMITS)
    assert (result.kind, result.text) == ("text", "Prices rose 2 * 3 percent; #1 seller in Lyon.")


def test_markdown_inline_script_is_dropped() -> None:
    text = clean_markdown("Kyiv <script>alert('x')</script><b>Lviv</b> <!-- hidden Paris -->")
    assert text == "Kyiv Lviv "


# --------------------------------------------------------------------------------------------
# Uploads: HTML
# --------------------------------------------------------------------------------------------


def test_html_upload_gives_main_text_title_and_date() -> None:
    result = read_upload("saved-page.html", ARTICLE_HTML.encode(), LIMITS)
    assert result.kind == "html"
    assert result.title == "Mishustin arrives in Beijing for talks"
    assert result.published == datetime.date(2023, 5, 23)
    assert "Mikhail Mishustin arrived in Beijing on Tuesday" in result.text
    assert "Trade between the two countries" in result.text
    # Navigation and footer are boilerplate, not the story.
    assert "Paris bureau" not in result.text and "Tokyo" not in result.text


def test_scripts_and_styles_never_reach_the_text() -> None:
    result = read_upload("page.html", ARTICLE_HTML.encode(), LIMITS)
    for marker in ("alert", "SCRIPT-TEXT-MARKER", "INLINE-SCRIPT-MARKER", "Secret Style Font"):
        assert marker not in result.text


def test_html_named_txt_is_read_as_html() -> None:
    html = (
        "<html><body><p>Ankara and Istanbul signed a trade deal, the ministry said on "
        "Monday.</p><script>alert(1)</script></body></html>"
    )
    result = read_upload("article.txt", html.encode(), LIMITS)
    assert result.kind == "html"
    assert result.text == "Ankara and Istanbul signed a trade deal, the ministry said on Monday."


def test_html_fragment_starting_with_a_paragraph_is_html() -> None:
    result = read_upload("fragment.txt", b"<p>Talks in <b>Minsk</b> ended.</p>", LIMITS)
    assert (result.kind, result.text) == ("html", "Talks in Minsk ended.")


def test_html_in_utf16_is_decoded_then_extracted() -> None:
    html = "<html><body><p>Visit to Zürich and Genève ended on Friday.</p></body></html>"
    result = read_upload("page.htm", html.encode("utf-16"), LIMITS)
    assert result.kind == "html"
    assert result.text == "Visit to Zürich and Genève ended on Friday."


def test_html_declaring_a_legacy_charset_is_decoded_with_it() -> None:
    html = (
        '<html><head><meta charset="windows-1252"></head><body>'
        "<p>Talks in Zürich ended.</p></body></html>"
    )
    result = read_upload("page.html", html.encode("cp1252"), LIMITS)
    assert result.text == "Talks in Zürich ended."


def test_html_with_far_too_much_text_is_refused_before_extraction(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import trafilatura

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("trafilatura ran on an oversized page")

    monkeypatch.setattr(trafilatura, "bare_extraction", never)
    html = "<html><body>" + "<p>Talks in Riga ended on Monday.</p>" * 100 + "</body></html>"
    with pytest.raises(IntakeError) as info:
        read_upload("long.html", html.encode(), IntakeLimits(max_text_chars=1000))
    assert str(info.value) == (
        "long.html holds about 3,000 characters of text, far more than one article "
        "(the limit is 1,000 characters)."
    )


def test_html_declaring_utf16_in_meta_is_read_as_utf8() -> None:
    html = '<html><head><meta charset="utf-16"></head><body><p>Kraków talks.</p></body></html>'
    assert read_upload("page.html", html.encode(), LIMITS).text == "Kraków talks."


def test_html_without_main_text_is_refused_clearly() -> None:
    html = b"<html><head><script>render()</script></head><body><div id='app'></div></body></html>"
    with pytest.raises(IntakeError, match=r"No article text was found in app\.html"):
        read_upload("app.html", html, LIMITS)


# --------------------------------------------------------------------------------------------
# Uploads: Word
# --------------------------------------------------------------------------------------------


def test_docx_paragraphs_and_tables_in_order() -> None:
    data = docx_bytes(
        "Mishustin visited Beijing.",
        "He met Xi Jinping.",
        table=[["City", "Date"], ["Shanghai", "24 May"]],
        title="Mishustin's trip",
    )
    result = read_upload("trip.docx", data, LIMITS)
    assert result.kind == "docx"
    assert result.title == "Mishustin's trip"
    assert result.published is None
    assert result.text == (
        "Mishustin visited Beijing.\nHe met Xi Jinping.\nCity\tDate\nShanghai\t24 May\n"
        "After the table."
    )


def test_docx_is_recognised_by_content_whatever_the_name() -> None:
    result = read_upload("article.txt", docx_bytes("Kazan and Samara."), LIMITS)
    assert (result.kind, result.text) == ("docx", "Kazan and Samara.")


def test_docx_merged_cells_are_read_once() -> None:
    document = docx.Document()
    grid = document.add_table(rows=1, cols=3)
    merged = grid.cell(0, 0).merge(grid.cell(0, 1))
    merged.text = "Vladivostok"
    grid.cell(0, 2).text = "port"
    buffer = io.BytesIO()
    document.save(buffer)
    assert read_upload("t.docx", buffer.getvalue(), LIMITS).text == "Vladivostok\tport"


def test_empty_docx_is_refused() -> None:
    with pytest.raises(IntakeError, match="is empty"):
        read_upload("blank.docx", docx_bytes(), LIMITS)


def zip_bomb(size: int) -> bytes:
    """A docx-shaped zip whose document.xml expands to *size* bytes of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = bytes(1_000_000)
            for _ in range(size // len(block)):
                member.write(block)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return zip_bomb(64_000_000)  # ~60 kB compressed


def test_zip_bomb_is_refused_quickly_without_expanding(
    bomb: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert len(bomb) < 1_000_000
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(self: zipfile.ZipFile, name: object, *args: object, **kwargs: object) -> object:
        opened.append(str(name))
        return real_open(self, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    started = time.monotonic()
    with pytest.raises(IntakeError) as info:
        read_upload("bomb.docx", bomb, LIMITS)
    assert time.monotonic() - started < 0.5
    assert opened == []  # no member was decompressed
    assert str(info.value) == ("The file 'bomb.docx' would expand to 64.0 MB; the limit is 30 MB.")


def test_zip_bomb_under_the_size_cap_is_refused_by_its_ratio(bomb: bytes) -> None:
    with pytest.raises(IntakeError, match=r"compressed [\d,]+ to 1"):
        read_upload("bomb.docx", bomb, IntakeLimits(max_docx_uncompressed_bytes=10**9))


def test_corrupt_docx_is_refused_clearly() -> None:
    data = docx_bytes("Kyiv and Kharkiv.")
    with pytest.raises(IntakeError, match="is a damaged zip archive"):
        read_upload("broken.docx", data[: len(data) // 2], LIMITS)
    # A well-formed zip with broken XML inside.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("word/document.xml", "<w:document><unclosed>")
    with pytest.raises(IntakeError, match="could not be read as a Word document") as info:
        read_upload("broken.docx", buffer.getvalue(), LIMITS)
    assert info.value.__cause__ is not None


# --------------------------------------------------------------------------------------------
# Limits and settings
# --------------------------------------------------------------------------------------------


def test_intake_imports_without_streamlit_and_defers_heavy_parsers() -> None:
    code = (
        "import sys, mapstory.intake, mapstory.settings; "
        "print(sorted(m for m in ('streamlit', 'trafilatura', 'docx') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"


def test_limits_defaults() -> None:
    defaults = IntakeLimits()
    assert defaults == IntakeLimits(
        max_upload_bytes=10_000_000,
        max_text_chars=500_000,
        max_docx_uncompressed_bytes=30_000_000,
        url_timeout_s=10.0,
        max_url_bytes=5_000_000,
        max_redirects=5,
    )


def test_limits_come_from_settings_and_bad_values_fall_back() -> None:
    settings = Settings.from_mapping(
        {
            "MAPSTORY_INTAKE_MAX_UPLOAD_BYTES": "2_000_000",
            "MAPSTORY_INTAKE_MAX_TEXT_CHARS": "lots",
            "MAPSTORY_INTAKE_URL_TIMEOUT": "2.5",
            "MAPSTORY_INTAKE_MAX_REDIRECTS": "0",
            "MAPSTORY_INTAKE_MAX_URL_BYTES": "-5",
        }
    )
    limits = IntakeLimits.from_settings(settings)
    assert limits == IntakeLimits(max_upload_bytes=2_000_000, url_timeout_s=2.5, max_redirects=0)
    assert Settings.from_mapping({}).intake == IntakeLimits()
    assert set(ENV_NAMES) == set(IntakeLimits.__dataclass_fields__)


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (999, "999 bytes"),
        (200_000, "200 kB"),
        (200_001, "200.0 kB"),
        (10_000_000, "10 MB"),
        (10_500_000, "10.5 MB"),
        (2_000_001, "2.0 MB"),
    ],
)
def test_sizes_are_shown_so_that_over_the_limit_never_equals_it(size: int, shown: str) -> None:
    assert human_size(size) == shown


def test_limits_accept_exponent_notation_and_ignore_nonsense() -> None:
    limits = IntakeLimits.from_mapping(
        {
            "MAPSTORY_INTAKE_MAX_UPLOAD_BYTES": "1e7",
            "MAPSTORY_INTAKE_MAX_TEXT_CHARS": "2.5",
            "MAPSTORY_INTAKE_MAX_URL_BYTES": "inf",
            "MAPSTORY_INTAKE_URL_TIMEOUT": "nan",
        }
    )
    assert limits == IntakeLimits(max_upload_bytes=10_000_000)


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_text_chars"):
        IntakeLimits(max_text_chars=0)


def test_unexpected_failures_surface_as_intake_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    import mapstory.intake.upload as upload

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("internal detail")

    monkeypatch.setattr(upload, "decode_text", broken)
    with pytest.raises(IntakeError) as info:
        read_upload("a.txt", b"Kyiv", LIMITS)
    assert str(info.value) == "The file 'a.txt' could not be read because of an internal error."
    assert isinstance(info.value.__cause__, RuntimeError)


# --------------------------------------------------------------------------------------------
# Robustness: arbitrary input ends in an Intake or an IntakeError, nothing else
# --------------------------------------------------------------------------------------------

_PREFIXES = [b"", b"PK\x03\x04", b"<html><body><p>", b"\xef\xbb\xbf", b"\xff\xfe", b"# "]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(_PREFIXES), st.binary(max_size=600))
def test_any_upload_ends_in_intake_or_intake_error(prefix: bytes, data: bytes) -> None:
    try:
        result = read_upload("fuzz.txt", prefix + data, LIMITS)
    except IntakeError as exc:
        message = str(exc)
        assert message and "\n" not in message and message.endswith(".")
        assert "internal error" not in message, exc.__cause__
    else:
        assert result.text and result.text == result.text.strip()


@pytest.fixture(scope="module")
def small_docx() -> bytes:
    return docx_bytes("Kyiv and Kharkiv.", table=[["Odesa", "port"]])


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_damaged_docx_ends_in_intake_or_intake_error(
    small_docx: bytes, data: st.DataObject
) -> None:
    damaged = bytearray(small_docx)
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(damaged) - 1))
        damaged[position] = data.draw(st.integers(0, 255))
    try:
        read_upload("damaged.docx", bytes(damaged), LIMITS)
    except IntakeError as exc:
        assert "\n" not in str(exc)
        assert "internal error" not in str(exc), exc.__cause__


def test_docx_needing_a_newer_zip_version_is_a_clear_error() -> None:
    # zipfile raises NotImplementedError for "version needed to extract" above 6.3.
    data = bytearray(docx_bytes("Paris is lovely."))
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) != -1:
        data[start + 6 : start + 8] = (64).to_bytes(2, "little")
        start += 4
    with pytest.raises(IntakeError) as error:
        read_upload("new.docx", bytes(data))
    assert "internal error" not in str(error.value)


# --------------------------------------------------------------------------------------------
# Messages come from the catalogue, in the reader's language
# --------------------------------------------------------------------------------------------


def test_intake_errors_and_warnings_speak_the_readers_language(
    pseudo_language: dict[str, str],
) -> None:
    with pytest.raises(IntakeError) as info:
        read_text("", LIMITS)
    message = str(info.value)
    assert message == pseudo_language["intake.empty"].format(
        what=pseudo_language["intake.pasted.what"]
    )
    assert leaks([message], set()) == []
    pasted = read_text("Kyiv\x07", LIMITS)
    assert pasted.source == pseudo_language["intake.pasted.source"]
    assert leaks([*pasted.warnings], set()) == []
    # An upload's refusal: the file name is the visitor's, every other word is the catalogue's.
    with pytest.raises(IntakeError) as info:
        read_upload("report.pdf", b"%PDF-1.7\n", LIMITS)
    assert "'report.pdf'" in str(info.value)
    assert leaks([str(info.value)], {"report", "pdf"}) == []
    with pytest.raises(IntakeError) as info:
        read_upload("", b"a" * 2_000_001, IntakeLimits(max_upload_bytes=2_000_000))
    size, limit = (pseudo_language["intake.size.mb"].format(size=n) for n in ("2.0", "2"))
    assert str(info.value) == pseudo_language["intake.file.too_big"].format(
        name=pseudo_language["intake.file.unnamed"], size=size, limit=limit
    )


def test_a_refused_link_speaks_the_readers_language(pseudo_language: dict[str, str]) -> None:
    # A literal loopback address is refused before any name resolution or connection.
    with pytest.raises(IntakeError) as info:
        fetch_url("http://127.0.0.1:8501/_stcore/health", LIMITS, resolver=pytest.fail)  # type: ignore[arg-type]
    message = str(info.value)
    assert "127.0.0.1" in message
    assert pseudo_language["intake.address.loopback"] in message
    assert leaks([message], set()) == []
    # A host name is the visitor's word; the rest of the sentence is translated.
    with pytest.raises(IntakeError) as info:
        fetch_url("http://intranet.test/", LIMITS, resolver=lambda host, port: ["10.0.0.7"])
    assert leaks([str(info.value)], {"intranet", "test"}) == []
    assert blocked_reason(ipaddress.ip_address("::1")) == pseudo_language["intake.address.loopback"]
