"""The self-contained HTML export, read as a browser's parser would read it: one file, nothing
fetched, every step and excerpt in it, and hostile text only ever as text."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from mapstory.export.html import CONTENT_SECURITY_POLICY, _inline, script_json, story_to_html
from mapstory.model import Story
from mapstory.narrative import build_steps
from tests.security.test_hostile_story_browser import PAYLOADS, hostile_story

# Attributes that make a browser fetch something (or navigate somewhere).
URL_ATTRIBUTES = {
    "src",
    "href",
    "xlink:href",
    "srcset",
    "action",
    "formaction",
    "poster",
    "data",
    "background",
    "manifest",
    "ping",
}
CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)


class Document(HTMLParser):
    """Everything the tests look at: elements, their attributes, text, scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.styles: list[str] = []
        self._open: tuple[str, dict[str, str | None]] | None = None
        self._raw: list[str] = []
        self._by_id: dict[str, list[str]] = {}
        self._id_stack: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag in ("script", "style"):
            self._open = (tag, attributes)
            self._raw = []
        if tag not in ("meta", "link", "br", "img", "input", "hr", "path", "circle", "rect"):
            self._id_stack.append((tag, attributes.get("id")))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            body = "".join(self._raw)
            if tag == "script":
                self.scripts.append((self._open[1], body))
            else:
                self.styles.append(body)
            self._open = None
        while self._id_stack:
            open_tag, _ = self._id_stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self._open:
            self._raw.append(data)
            return
        self.text.append(data)
        for _, element_id in self._id_stack:
            if element_id:
                self._by_id.setdefault(element_id, []).append(data)

    def text_of(self, element_id: str) -> str:
        return "".join(self._by_id.get(element_id, []))

    @property
    def all_text(self) -> str:
        return "".join(self.text)


def parse(document: str) -> Document:
    parser = Document()
    parser.feed(document)
    parser.close()
    return parser


@pytest.fixture(scope="module")
def seed_html(seed_story: Story) -> str:
    return story_to_html(seed_story)


@pytest.fixture(scope="module")
def seed_doc(seed_html: str) -> Document:
    return parse(seed_html)


def test_script_json_cannot_close_a_script() -> None:
    value = {"t": "</script><!-- <script> a & b \u2028 \u2029 ${x} `y`"}
    text = script_json(value)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == value


def test_inline_refuses_text_that_would_close_its_element() -> None:
    assert _inline("script", "var a = 1;") == "<script>var a = 1;</script>"
    for body in ("x = '</script>';", "x = '</SCRIPT '", "<!-- <script>"):
        with pytest.raises(ValueError):
            _inline("script", body)
    with pytest.raises(ValueError):
        _inline("style", "a { } </style><script>")


def test_the_document_has_a_strict_csp_first(seed_doc: Document) -> None:
    tags = [tag for tag, _ in seed_doc.elements]
    assert tags[:3] == ["html", "head", "meta"]  # <meta charset>, then the policy
    policy = [
        attrs
        for tag, attrs in seed_doc.elements
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy"
    ]
    assert len(policy) == 1
    assert seed_doc.elements.index(("meta", policy[0])) == 3
    content = policy[0]["content"]
    assert content == CONTENT_SECURITY_POLICY
    directives = dict(d.strip().split(" ", 1) for d in content.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'unsafe-inline'"
    assert directives["img-src"] == "data:"
    assert "connect-src" not in directives  # falls back to default-src 'none'


def test_nothing_is_fetched_from_anywhere(seed_doc: Document) -> None:
    for tag, attrs in seed_doc.elements:
        assert tag not in ("iframe", "object", "embed", "img", "base", "video", "audio")
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)  # no inline handlers
            if name in URL_ATTRIBUTES:
                assert (value or "").startswith("data:"), (tag, name, value)
            if name == "style":
                assert all(u.startswith("#") for _, u in CSS_URL.findall(value or ""))
        if tag == "link":
            assert attrs.get("rel") == "icon" and attrs.get("href") == "data:,"
    for style in seed_doc.styles:
        assert "@import" not in style
        for _, url in CSS_URL.findall(style):
            assert url.startswith(("data:", "#")), url[:80]
    for attrs, body in seed_doc.scripts:
        assert "src" not in attrs
        assert "sourceMappingURL" not in body
    assert not re.search(
        r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", "".join(seed_doc.text), re.IGNORECASE
    )


def test_every_asset_is_inline(seed_doc: Document) -> None:
    bodies = [body for _, body in seed_doc.scripts]
    assert any("Leaflet 1.9.3" in body for body in bodies)
    assert any("jQuery v3.7.1" in body for body in bodies)
    assert any(".leaflet-container" in style for style in seed_doc.styles)
    data = {
        attrs["id"]: json.loads(body)
        for attrs, body in seed_doc.scripts
        if attrs.get("type") == "application/json"
    }
    assert data["ms-basemap-data"]["type"] == "FeatureCollection"
    assert len(data["ms-basemap-data"]["features"]) > 150
    assert len(data["ms-steps-data"]["steps"]) == 9
    executable = [body for attrs, body in seed_doc.scripts if "type" not in attrs]
    assert len(executable) == 5  # jQuery, Leaflet, prelude, the map, the step controller


def test_every_step_title_and_excerpt_is_in_the_file(seed_story: Story, seed_doc) -> None:
    steps = build_steps(seed_story)
    text = seed_doc.all_text
    for step in steps:
        template = seed_doc.text_of(f"ms-step-{step.number}")
        assert step.title in template
        assert step.description in template
        if step.date_label:
            assert step.date_label in template
        for excerpt in step.excerpts:
            assert excerpt.text in template
    assert seed_doc.text_of("ms-counter") == f"1 / {len(steps)}"
    assert steps[0].title in seed_doc.text_of("ms-panel")  # the overview shows first
    assert seed_story.article.title in text
    for credit in ("Natural Earth", "GeoNames"):
        assert credit in text
    # Place names are highlighted in the excerpts, as in the app.
    marked = [attrs for tag, attrs in seed_doc.elements if tag == "mark"]
    assert {"beijing", "moscow", "russia", "china"} <= {m.get("data-place") for m in marked}


def test_map_marks_and_steps_data_match_the_app(seed_story: Story, seed_doc) -> None:
    from mapstory.gazetteer import default_gazetteer
    from mapstory.mapbuild import layout_story, step_bounds, step_css

    layout = layout_story(seed_story, default_gazetteer().country_shape)
    steps = build_steps(seed_story)
    data = next(
        json.loads(body) for attrs, body in seed_doc.scripts if attrs.get("id") == "ms-steps-data"
    )
    for step, frame in zip(steps, data["steps"], strict=True):
        assert frame["css"] == step_css(step)
        expected = step_bounds(step, layout)
        assert frame["bounds"] == [[round(v, 4) for v in c] for c in expected.as_list()]
    map_script = next(body for attrs, body in seed_doc.scripts if "L.map(" in body)
    for event in seed_story.events:
        assert f"ms-ev-{event.id}" in map_script
    assert "fetch(" not in map_script  # the basemap is read from the page, not fetched
    assert "ms-basemap-data" in map_script


def test_the_same_story_gives_the_same_file(seed_story: Story, seed_html: str) -> None:
    assert story_to_html(seed_story) == seed_html


def test_hostile_story_is_escaped_everywhere() -> None:
    story = hostile_story()
    story = story.model_copy(
        update={
            "article": story.article.model_copy(
                update={"url": "https://example.org/\"><script>alert('url')</script>"}
            )
        }
    )
    document = story_to_html(story)
    doc = parse(document)
    tags = [tag for tag, _ in doc.elements]
    assert "img" not in tags
    assert tags.count("script") == 7  # only ours: two JSON blocks and five scripts
    for _, attrs in doc.elements:
        assert not any(name.startswith("on") for name in attrs)
    # Shown literally, as text.
    assert "Headline <img src=x onerror=alert('img')>" in doc.all_text
    assert "https://example.org/\"><script>alert('url')</script>" in doc.all_text
    steps_text = "".join(doc.text_of(f"ms-step-{n}") for n in range(1, 5))
    for payload in PAYLOADS[:8]:
        assert payload in doc.all_text + steps_text, payload
    # Template tags are kept as written in Beijing's popup (no step quotes that sentence).
    assert f"Officials said {PAYLOADS[8]} in <mark>Beijing" in document
    # In the scripts it is escaped: no markup, no template-literal holes, no early close.
    for attrs, body in doc.scripts:
        lowered = body.lower()
        assert "</script" not in lowered and "<!--" not in lowered
        if "jQuery v3.7.1" in body or "Leaflet 1.9.3" in body:
            continue  # the libraries' own code (which has "<script" in a regular expression)
        assert "<img" not in body and "<script" not in lowered
        if attrs.get("type") == "application/json":
            json.loads(body)
    map_script = next(body for attrs, body in doc.scripts if "L.map(" in body)
    # folium writes popups and tooltips as template literals: none may hold a ${…} hole.
    literals = re.findall(r"`([^`]*)`", map_script)
    assert literals and not [lit for lit in literals if "${" in lit]
    assert "&#36;{alert(" in map_script
    assert "&#96;backtick&#96;" in map_script
    assert "back&#92;slash" in map_script
    assert "&lt;img src=x onerror=" in map_script
    # The title element holds the title as text.
    assert "<title>Title &lt;script&gt;" in document
