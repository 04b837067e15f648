"""Danish first, English on request: the header's switch works without JavaScript."""

import pytest

pytestmark = pytest.mark.django_db


def test_pages_are_danish_by_default(client, demo_site):
    html = client.get("/").content.decode()
    assert '<html lang="da">' in html
    assert "Søg på siden" in html


def test_language_switch_is_a_plain_form_in_the_header(client, demo_site):
    html = client.get("/vejledninger/").content.decode()
    assert '<form class="language-switch" method="post" action="/i18n/setlang/">' in html
    # The guide index has an English version: the switch lands on it (test_english_pages).
    assert '<input type="hidden" name="next" value="/en/guides/">' in html
    assert 'name="language" value="en" lang="en"' in html


def test_switching_to_english_and_back_keeps_the_page(client, demo_site):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/vejledninger/"})
    assert response.status_code == 302
    assert response["Location"] == "/vejledninger/"

    html = client.get("/vejledninger/").content.decode()
    assert '<html lang="en">' in html
    assert "Search the site" in html
    assert 'name="language" value="da" lang="da"' in html

    client.post("/i18n/setlang/", {"language": "da", "next": "/"})
    assert "Søg på siden" in client.get("/").content.decode()


def test_switch_refuses_to_send_people_to_another_site(client, demo_site):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/en/"  # Django's fallback: the home page, in English


def test_the_admin_speaks_danish_to_danish_users(client, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert '<html lang="da"' in html
    assert "Sider" in html
