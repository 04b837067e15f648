"""A logged-in search is answered from the kept answer of the same words (search.answers):
never searched twice until an editor's next change, which shows on the very next search;
nothing kept for words that found nothing, nor across languages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import GuideIndexPage, GuidePage

pytestmark = pytest.mark.django_db

DA_GUIDE = "/vejledninger/saadan-virker-din-plan/"
EN_GUIDE = "/en/guides/how-your-plan-works/"


def _search(client, words, **params):
    """The page, and whether the full-text index was asked (it is only on a search)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/soeg/", {"q": words, **params})
    assert response.status_code == 200
    searched = any("wagtailsearch_indexentry" in query["sql"] for query in queries)
    return response.content.decode(), searched


def _guide(title):
    index = GuideIndexPage.objects.get(slug="vejledninger")
    page = GuidePage(title=title, summary=f"Om {title.lower()}.")
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def logged_in(client, django_user_model):
    client.force_login(django_user_model.objects.create_user(email="borger@example.org"))
    return client


def test_the_same_words_are_searched_once(logged_in, demo_site):
    first, searched_first = _search(logged_in, "afgørelse")
    again, searched_again = _search(logged_in, "afgørelse")

    assert searched_first and not searched_again
    assert "Hvis du er uenig i en afgørelse" in again
    assert again.count('class="result"') == first.count('class="result"') > 0


def test_a_publish_shows_on_the_very_next_search(logged_in, demo_site):
    _guide("Flyttedag i kommunen")
    before, _ = _search(logged_in, "flyttedag")
    assert "Vi fandt 1 side om “flyttedag”." in before

    _guide("Flyttedag for ældre")
    after, searched = _search(logged_in, "flyttedag")

    assert searched
    assert "Vi fandt 2 sider om “flyttedag”." in after
    assert "Flyttedag for ældre" in after


def test_an_unpublished_page_leaves_the_next_answer(logged_in, demo_site):
    page = _guide("Flyttedag i kommunen")
    _search(logged_in, "flyttedag")

    page.unpublish()
    html, _ = _search(logged_in, "flyttedag")

    assert "Vi fandt 0 sider om “flyttedag”." in html


def test_words_that_find_nothing_are_kept_nowhere(logged_in, demo_site):
    """Free text (a name, a CPR number) is searched again, not kept under any key."""
    for _ in range(2):
        html, searched = _search(logged_in, "cpr 010190-1234 zxqvrk")
        assert searched
        assert "Vi fandt 0 sider om “cpr 010190-1234 zxqvrk”." in html


def test_a_page_past_the_end_is_not_kept_as_that_page(logged_in, demo_site):
    """page=99 shows the last page, and is searched again rather than kept for every number."""
    for number in range(12):
        _guide(f"Cykelparkering {number}")
    last, _ = _search(logged_in, "cykelparkering", page=2)

    for _ in range(2):
        past, searched = _search(logged_in, "cykelparkering", page=99)
        assert searched
        assert "Side 2 af 2" in past
    kept, searched = _search(logged_in, "cykelparkering", page=2)
    assert not searched
    assert kept.count('class="result"') == last.count('class="result"') == 2


def test_the_answer_in_one_language_is_not_the_answer_in_the_other(logged_in, demo_site):
    danish, _ = _search(logged_in, "plan")
    logged_in.cookies["django_language"] = "en"
    english, searched = _search(logged_in, "plan")

    assert DA_GUIDE in danish and EN_GUIDE not in danish
    assert searched
    assert EN_GUIDE in english and DA_GUIDE in english


def test_an_editors_pick_shows_on_the_next_search(logged_in, demo_site):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    guide = GuidePage.objects.get(slug="hvis-du-er-uenig")
    _search(logged_in, "klage")
    SearchPromotion.objects.create(
        query=Query.get("klage"), page=guide, sort_order=0, description="Sådan klager du."
    )

    html, _ = _search(logged_in, "klage")

    assert "Det leder mange efter" in html and "Sådan klager du." in html
