"""Danish first: a browser set to English still gets Danish; only the switch (its cookie)
chooses English, and a language prefix in a URL still wins (portal.ui_language)."""

import pytest
from django.test import Client
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}
GUIDE = "/vejledninger/saadan-virker-din-plan/"


def _english_browser(user=None) -> Client:
    client = Client(**ENGLISH_BROWSER)
    if user is not None:
        client.force_login(user)
    return client


def _mette():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(email="borger@example.dk")


@pytest.mark.parametrize(
    ("url", "danish_words"),
    [
        ("/", "Søg på siden"),
        (GUIDE, "Søg på siden"),
        ("/konto/login/", "Adgangskode"),
    ],
)
def test_an_english_browser_gets_the_public_pages_in_danish(demo_site, url, danish_words):
    response = _english_browser().get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="da">' in html
    assert danish_words in html
    assert response["Content-Language"] == "da"


def test_an_english_browser_gets_min_plan_in_danish(seed_demo):
    html = _english_browser(_mette()).get("/min-plan/").content.decode()
    assert '<html lang="da">' in html
    assert "Mine mål" in html
    assert "My goals" not in html


def test_choosing_english_is_remembered_for_min_plan_and_login(seed_demo):
    visitor = _english_browser()
    response = visitor.post("/i18n/setlang/", {"language": "en", "next": "/konto/login/"})
    assert response.cookies["django_language"].value == "en"
    login = visitor.get("/konto/login/").content.decode()
    assert '<html lang="en">' in login
    assert "Password" in login

    visitor.force_login(_mette())
    html = visitor.get("/min-plan/").content.decode()
    assert '<html lang="en">' in html
    assert "My goals" in html


def test_choosing_danish_again_beats_the_english_browser(demo_site):
    visitor = _english_browser()
    visitor.post("/i18n/setlang/", {"language": "en", "next": "/"})
    visitor.post("/i18n/setlang/", {"language": "da", "next": "/"})
    assert '<html lang="da">' in visitor.get(GUIDE).content.decode()


def test_an_unknown_language_in_the_cookie_falls_back_to_danish(demo_site):
    visitor = _english_browser()
    visitor.cookies["django_language"] = "xx"
    assert '<html lang="da">' in visitor.get("/").content.decode()


def test_an_english_browser_shares_the_danish_cached_copy(demo_site):
    """The page cache keys on the language shown, not on Accept-Language: the English
    browser is served the copy a Danish browser left, and the other way round."""
    english_browser, danish_browser = _english_browser(), Client(HTTP_ACCEPT_LANGUAGE="da")
    first = english_browser.get(GUIDE)
    second = danish_browser.get(GUIDE)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert '<html lang="da">' in second.content.decode()


def test_a_language_prefix_in_the_url_still_wins(settings):
    settings.ROOT_URLCONF = "tests.portal.language_urls"
    danish_cookie = Client(**ENGLISH_BROWSER)
    danish_cookie.cookies["django_language"] = "da"
    assert danish_cookie.get("/en/side/").content == b"en"

    english_cookie = Client()
    english_cookie.cookies["django_language"] = "en"
    assert english_cookie.get("/da/side/").content == b"da"

    # Without a prefix, Django's redirect goes to the chosen language, never the browser's.
    assert _english_browser().get("/side/")["Location"] == "/da/side/"
    assert english_cookie.get("/side/")["Location"] == "/en/side/"


def test_the_admin_is_danish_for_an_english_browser_and_english_when_the_user_chose(editor):
    client = _english_browser(editor)
    assert '<html lang="da"' in client.get("/admin/").content.decode()

    # Wagtail's own per-user choice (Account > Preferred language) still rules the admin.
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    html = client.get("/admin/").content.decode()
    assert '<html lang="en"' in html
    assert "Pages" in html
