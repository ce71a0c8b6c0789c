from mapstory.escaping import html_text

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "${alert(1)}",
    "`; alert(1); `",
    "\\`${alert(1)}\\`",
    '" onmouseover="alert(1)',
    "</script><script>alert(1)</script>",
]


def test_escaped_text_has_no_markup_or_template_syntax() -> None:
    for payload in PAYLOADS:
        out = html_text(payload)
        for forbidden in ("<", ">", "`", "${", "\\", '"'):
            assert forbidden not in out, (payload, out)


def test_escaping_is_reversible_by_an_html_parser() -> None:
    import html

    for payload in PAYLOADS:
        assert html.unescape(html_text(payload)) == payload
