"""sanitize_html: what a person types is shown safely, links are clickable and carry no credit."""

import pytest

from portal.sanitize import sanitize_html


def test_plain_text_keeps_paragraphs_and_line_breaks():
    assert sanitize_html("Hej Anne\nTak for i går\n\nVi ses") == (
        "<p>Hej Anne<br>Tak for i går</p><p>Vi ses</p>"
    )


def test_allowed_formatting_stays():
    html = (
        "<p><strong>Vigtigt</strong> og <em>rart</em></p><ul><li>en</li></ul><ol><li>to</li></ol>"
    )
    assert sanitize_html(html) == html


@pytest.mark.parametrize(
    "attack",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">klik</a>',
        '<p onclick="alert(1)">tekst</p>',
        "<iframe src='https://evil.example'></iframe>",
        '<a href="data:text/html;base64,PHNjcmlwdD4=">klik</a>',
        "<style>body{display:none}</style>",
    ],
)
def test_scripts_handlers_and_dangerous_links_are_removed(attack):
    cleaned = sanitize_html(attack)
    for bad in (
        "<script",
        "onerror",
        "javascript:",
        "onclick",
        "<iframe",
        "data:",
        "<style",
        "<img",
    ):
        assert bad not in cleaned.lower()


def test_bare_addresses_become_safe_links():
    cleaned = sanitize_html("Se https://borger.dk og skriv til anne@kommune.dk")
    assert '<a href="https://borger.dk" rel="nofollow noopener">https://borger.dk</a>' in cleaned
    assert 'href="mailto:anne@kommune.dk"' in cleaned


def test_written_links_get_rel_and_lose_other_attributes():
    cleaned = sanitize_html('<a href="http://x.dk" target="_blank" rel="opener">x</a>')
    assert cleaned == '<p><a href="http://x.dk" rel="nofollow noopener">x</a></p>'


def test_text_that_looks_like_html_is_escaped_not_lost():
    assert sanitize_html("2 < 3 og 5 > 4") == "<p>2 &lt; 3 og 5 &gt; 4</p>"
