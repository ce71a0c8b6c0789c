from streamlit.testing.v1 import AppTest

PAGE = "../../pages/about.py"


def html_of(at: AppTest) -> str:
    return "".join(h.proto.body for h in at.get("html"))


def test_about_page_shows_article_and_attribution() -> None:
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.run()
    assert not at.exception
    body = html_of(at)
    assert "Mishustin" in body and "<mark" in body
    text = " ".join(m.value for m in at.markdown)
    assert "GeoNames" in text and "CC BY 4.0" in text and "Natural Earth" in text


def test_gazetteer_lookup_offline() -> None:
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.run()
    at.text_input[0].input("Kiew").run()
    assert not at.exception
    assert "Kyiv" in html_of(at) and "offline" in html_of(at)
    at.text_input[0].input("<script>alert(1)</script>").run()
    assert not at.exception
    assert "No place of that name" in at.info[0].value


def test_online_without_user_agent_says_what_to_configure(monkeypatch) -> None:
    monkeypatch.setenv("MAPSTORY_ONLINE", "1")
    monkeypatch.delenv("MAPSTORY_NOMINATIM_USER_AGENT", raising=False)
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.run()
    at.text_input[0].input("Moscow").run()
    assert not at.exception
    assert at.warning and "not configured" in at.warning[0].value
