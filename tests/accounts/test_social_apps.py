"""The MitID broker is switched on in the environment only (portal.accounts.social): a row in
allauth's SocialApp table is neither offered nor started, and the login page reads no such row."""

import pytest
from allauth.socialaccount.models import SocialApp
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db
LOGIN = "/konto/login/"
BROKER = {
    "openid_connect": {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": "mitid",
                "name": "MitID",
                "client_id": "faellesplan",
                "secret": "broker-hemmelighed",
                "settings": {"server_url": "http://127.0.0.1:9/"},
            }
        ],
    }
}


@pytest.fixture
def app_in_table(db):
    return SocialApp.objects.create(
        provider="openid_connect",
        provider_id="andet",
        name="Andet login",
        client_id="fremmed",
        secret="fremmed-hemmelighed",
        settings={"server_url": "http://127.0.0.1:9/"},
    )


@pytest.mark.parametrize("broker", [False, True], ids=["no broker", "broker configured"])
def test_an_app_in_the_table_is_neither_offered_nor_started(
    client, demo_site, settings, app_in_table, broker
):
    settings.SOCIALACCOUNT_PROVIDERS = BROKER if broker else {}
    page = client.get(LOGIN).content.decode()
    assert "Andet login" not in page and "/konto/oidc/andet/" not in page
    assert ("/konto/oidc/mitid/login/" in page) is broker
    assert client.post("/konto/oidc/andet/login/", {"process": "login"}).status_code == 404


@pytest.mark.parametrize("broker", [False, True], ids=["no broker", "broker configured"])
def test_the_login_page_reads_nothing_from_the_database(client, demo_site, settings, broker):
    settings.SOCIALACCOUNT_PROVIDERS = BROKER if broker else {}
    client.get(LOGIN)  # the first view fills the per-process caches (site, translations)
    client.cookies.clear()  # a first visit, without the CSRF cookie the first view set
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LOGIN)
    assert response.status_code == 200
    assert ("MitID" in response.content.decode()) is broker
    # The tests keep Django's cache in a table (production: Redis); nothing else is read.
    cache_table = settings.CACHES["default"]["LOCATION"]
    assert [q["sql"] for q in queries if f'FROM "{cache_table}"' not in q["sql"]] == []
