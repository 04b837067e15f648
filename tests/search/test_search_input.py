"""Whatever a visitor types into site search, they get the plain page back, never an error;
and nothing a logged-in person types is kept."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.utils.html import escape
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

pytestmark = pytest.mark.django_db

PAYLOADS = Path(__file__).parent.parent / "browser" / "xss_payloads.txt"


def _xss_payloads():
    lines = PAYLOADS.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("# ")]


OPERATOR_CASES = [
    '"',
    '""',
    '"plan',
    'plan"',
    '"møde" "',
    "'",
    "plan's",
    "\\",
    '\\"',
    "(",
    ")",
    "((plan",
    "plan))",
    "(møde OR",
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "NEAR(plan møde)",
    "plan NEAR/2 møde",
    "plan AND",
    "OR møde",
    "NOT plan",
    "plan NOT",
    "plan AND OR NOT møde",
    "*",
    "plan*",
    "*plan",
    "^",
    "^plan",
    ":",
    "title:plan",
    "plan:",
    "-",
    "-plan",
    "plan -",
    "+",
    "+plan",
    "plan + møde",
    "{title summary}: plan",
    "&",
    "|",
    "!",
    "plan & | ! møde",
    "<->",
    "plan <-> møde",
    "plan:*",
    "%",
    "%s %d",
    "_",
    ";",
    "plan; DROP TABLE wagtailcore_page;--",
    "' OR 1=1 --",
    "plan\x00møde",
    "\x00",
    "\x01\x02\x1f\x7f",
    "\t\n\r",
    "\u200b",
    "\ufeff",
    "…",
    "!?.,;:-_/()[]{}",
    "......",
    "😀",
    "plan 😀 møde",
    "👩‍👩‍👧",
    "x" * 201,
    "plan " * 60,
    '"' * 250,
    "( " * 150,
    "ÆØÅ æøå",
    "١٢٣",
    "汉字",
]


def _assert_plain_page(response, typed):
    assert response.status_code == 200, repr(typed)
    html = response.content.decode()
    assert "Traceback" not in html
    assert "Noget gik galt" not in html
    shown = response.context["search_query"]
    if shown:
        assert escape(shown) in html
        # what the visitor typed never comes back as markup
        if "<" in shown:
            assert shown not in html
    assert shown == typed.replace("\x00", "").strip()[:200]


# One site for all the inputs: building the demo site per input took minutes per backend.


def test_every_xss_payload_gets_the_plain_page(client, demo_site):
    for typed in _xss_payloads():
        _assert_plain_page(client.get("/soeg/", {"q": typed}), typed)


def test_search_operators_and_odd_characters_are_plain_text(client, demo_site):
    for typed in OPERATOR_CASES:
        _assert_plain_page(client.get("/soeg/", {"q": typed}), typed)


def test_odd_input_on_later_pages_too(client, demo_site):
    for typed in ['"', "plan (", "NOT", "plan*", "😀"]:
        _assert_plain_page(client.get("/soeg/", {"q": typed, "page": 2}), typed)


def test_the_quote_that_broke_sqlite_shows_no_results(client, demo_site):
    response = client.get("/soeg/?q=%22")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vi fandt 0 sider om “&quot;”." in html
    assert "Prøv at søge på en anden måde" in html


def test_operators_are_words_not_commands(client, demo_site):
    """ "afgørelse OR zxqvrk" must not find the afgørelse page by OR-ing: the visitor's words are
    text, and the page has no "zxqvrk" on it."""
    plain = client.get("/soeg/", {"q": "afgørelse"})
    quoted = client.get("/soeg/", {"q": '"afgørelse"'})
    assert "Hvis du er uenig i en afgørelse" in [r.title for r in plain.context["answer"].results]
    assert "Hvis du er uenig i en afgørelse" in [r.title for r in quoted.context["answer"].results]


def _citizen():
    return get_user_model().objects.create_user(email="borger@example.org", password="x")


def test_a_logged_in_search_stores_nothing(client, demo_site):
    client.force_login(_citizen())

    response = client.get("/soeg/", {"q": "cpr 010190-1234 alkoholbehandling"})
    client.get("/soeg/", {"q": "afgørelse"})

    assert response.status_code == 200
    assert "alkoholbehandling" in response.content.decode()
    assert not Query.objects.exists()
    assert not QueryDailyHits.objects.exists()


def test_a_logged_in_search_served_twice_stores_nothing(client, demo_site):
    """The second identical search would be a page-cache hit for an anonymous visitor; a
    logged-in one is never served from the cache, so nothing is counted either way."""
    client.force_login(_citizen())
    client.get("/soeg/", {"q": "møde"})
    client.get("/soeg/", {"q": "møde"})
    assert not Query.objects.exists()
    assert not QueryDailyHits.objects.exists()


def test_an_anonymous_search_is_still_counted(client, demo_site):
    client.get("/soeg/", {"q": "møde"})
    client.get("/soeg/", {"q": "Møde "})

    assert Query.get("møde").hits == 2
    assert QueryDailyHits.objects.get(query__query_string="møde").hits == 2
