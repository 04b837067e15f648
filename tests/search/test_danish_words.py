"""Danish word forms find the page on whichever database runs the site: PostgreSQL stems with
its "danish" config, the embedded SQLite default through search/backend.py."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def _titles(client, query):
    results = client.get("/soeg/", {"q": query}).context["answer"].results
    return [page.title for page in results]


WORD_FORMS = [
    ("planer", "Sådan virker din plan"),
    ("afgørelser", "Hvis du er uenig i en afgørelse"),
    ("netværket", "Inviter dit netværk"),
    ("kontaktpersonen", "Din faste kontaktperson"),
    ("ydelse", "Hvis du er uenig i en afgørelse"),
    ("møder", "Når du skal til møde med kommunen"),
    ("Afgørelserne", "Hvis du er uenig i en afgørelse"),
]


@pytest.mark.parametrize(("query", "expected"), WORD_FORMS)
def test_a_danish_word_form_finds_the_page(client, demo_site, query, expected):
    assert expected in _titles(client, query)


def test_a_word_on_no_page_still_finds_nothing(client, demo_site):
    """Stemming widens a word to its forms, not to everything."""
    assert _titles(client, "cykelhjelme") == []


def test_word_forms_still_work_after_the_index_is_rebuilt(client, demo_site):
    call_command("update_index", verbosity=0)
    assert "Inviter dit netværk" in _titles(client, "netværket")
    assert "Sådan virker din plan" in _titles(client, "planerne")
