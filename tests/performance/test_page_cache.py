"""The anonymous page cache as visitors and editors meet it: fast for everyone who is not
logged in, never stale after a publish, never anything personal."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from home.models import FooterSettings, GuideIndexPage, GuidePage
from portal.pagecache import cache as page_cache
from search import services

pytestmark = pytest.mark.django_db

GUIDE = "/vejledninger/saadan-virker-din-plan/"


def _guide():
    return GuidePage.objects.get(slug="saadan-virker-din-plan")


def test_the_second_anonymous_visit_comes_from_the_cache(
    client, demo_site, django_assert_num_queries
):
    first = client.get(GUIDE)
    assert first["X-Page-Cache"] == "miss"
    # The embedded default keeps the cache in the database: a hit is one read of it, where a
    # render is a dozen queries. (With Redis, as in production, a hit is no query at all.)
    with django_assert_num_queries(1):
        second = client.get(GUIDE)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Cookie" in second["Vary"]


def test_a_published_change_shows_at_once(client, demo_site):
    client.get(GUIDE)
    guide = _guide()
    guide.title = "Sådan virker din nye plan"
    guide.save_revision().publish()

    response = client.get(GUIDE)
    assert response["X-Page-Cache"] == "miss"
    assert "Sådan virker din nye plan" in response.content.decode()
    # and the home page and section that link to it are rendered again too
    assert "Sådan virker din nye plan" in client.get("/vejledninger/").content.decode()


def test_an_unpublished_page_is_gone_at_once(client, demo_site):
    assert client.get(GUIDE).status_code == 200
    _guide().unpublish()
    assert client.get(GUIDE).status_code == 404


def test_a_page_made_private_is_never_served_from_the_cache(client, demo_site):
    client.get(GUIDE)
    PageViewRestriction.objects.create(page=_guide(), restriction_type="login")
    response = client.get(GUIDE)
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


def test_a_password_form_is_never_stored(client, demo_site):
    PageViewRestriction.objects.create(page=_guide(), restriction_type="password", password="x")
    for _ in range(2):
        response = client.get(GUIDE)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response


def test_footer_settings_show_at_once(client, demo_site):
    client.get("/")
    footer = FooterSettings.objects.get()
    footer.contact_page = None
    footer.save()
    html = client.get("/").content.decode()
    assert ">Kontakt<" not in html


def test_logged_in_people_never_get_the_cached_copy(client, demo_site, editor):
    anonymous_html = client.get("/").content.decode()
    assert "Log ud" not in anonymous_html

    client.force_login(editor)
    for _ in range(2):
        response = client.get("/")
        assert "X-Page-Cache" not in response
        assert "Log ud" in response.content.decode()

    client.logout()
    response = client.get("/")
    assert response["X-Page-Cache"] == "hit"
    assert "Log ud" not in response.content.decode()


def test_a_one_off_message_bypasses_the_cache(client, demo_site):
    client.get("/")
    client.cookies["messages"] = "anything"
    assert "X-Page-Cache" not in client.get("/")


def test_nothing_personal_or_secret_is_stored(client, demo_site):
    """Pages with a form that needs a CSRF token set a cookie; those are never cached."""
    for _ in range(2):
        login = client.get("/konto/login/")
        assert "X-Page-Cache" not in login
        assert "csrfmiddlewaretoken" in login.content.decode()

    for url in ["/", "/vejledninger/", GUIDE]:
        for _ in range(2):
            response = Client().get(url)
            assert response["X-Page-Cache"] in {"miss", "hit"}
            assert not response.cookies
            assert "csrfmiddlewaretoken" not in response.content.decode()


def test_a_query_string_is_not_a_new_cache_entry(client, demo_site):
    client.get("/")
    assert "X-Page-Cache" not in client.get("/?utm_source=nyhedsbrev")


def test_danish_and_english_visitors_each_get_their_own_copy(demo_site):
    danish, english = Client(), Client()
    english.cookies["django_language"] = "en"
    for _ in range(2):
        assert '<html lang="da">' in danish.get("/").content.decode()
        assert '<html lang="en">' in english.get("/").content.decode()
    assert english.get("/")["X-Page-Cache"] == "hit"


def test_the_language_switch_works_on_a_cached_page_without_javascript(demo_site):
    """Cached pages carry no CSRF token, so the switch is exempt from the check. That is safe:
    it only sets the visitor's own language cookie and sends them back to a page of this site.
    The form is a plain POST; no script is involved."""
    visitor = Client(enforce_csrf_checks=True)
    visitor.get(GUIDE)
    html = visitor.get(GUIDE).content.decode()
    assert '<form class="language-switch" method="post" action="/i18n/setlang/">' in html

    response = visitor.post("/i18n/setlang/", {"language": "en", "next": GUIDE})
    assert response.status_code == 302
    assert response["Location"] == GUIDE
    assert response.cookies["django_language"].value == "en"
    assert '<html lang="en">' in visitor.get(GUIDE).content.decode()


def test_the_cache_can_be_switched_off(client, demo_site, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/")
    assert "X-Page-Cache" not in client.get("/")


def test_a_popular_search_is_cached_and_still_counted(client, demo_site, monkeypatch):
    from wagtail.contrib.search_promotions.models import QueryDailyHits

    first = client.get("/soeg/", {"q": "afgørelse"})
    second = client.get("/soeg/", {"q": "afgørelse"})
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content

    monkeypatch.setattr(services, "FLUSH_SECONDS", 0)
    client.get("/soeg/", {"q": "afgørelse"})
    assert QueryDailyHits.objects.get(query__query_string="afgørelse").hits == 3


def test_a_new_guide_is_found_at_once(client, demo_site):

    assert "Vi fandt 0 sider" in client.get("/soeg/", {"q": "cykelhjelm"}).content.decode()
    guide = GuidePage(title="Cykelhjelm til børn", summary="Om cykelhjelm.")
    GuideIndexPage.objects.get(slug="vejledninger").add_child(instance=guide)
    guide.save_revision().publish()
    assert "Cykelhjelm til børn" in client.get("/soeg/", {"q": "cykelhjelm"}).content.decode()


def test_each_process_keeps_its_last_pages_and_forgets_them_on_publish(
    client, demo_site, settings, django_assert_num_queries
):
    """In production a hit is a dictionary lookup in the app server's own memory; the shared
    cache is asked for the generation at most once a second. A publish in this process is
    seen at once."""

    settings.PAGE_CACHE_LOCAL_SECONDS = 60
    page_cache._local.forget()
    try:
        client.get(GUIDE)
        with django_assert_num_queries(0):
            assert client.get(GUIDE)["X-Page-Cache"] == "hit"
        guide = _guide()
        guide.title = "Sådan virker din plan nu"
        guide.save_revision().publish()
        assert "Sådan virker din plan nu" in client.get(GUIDE).content.decode()
    finally:
        page_cache._local.forget()
