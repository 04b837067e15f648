"""Login through a MitID broker by OpenID Connect: off unless configured, always with PKCE,
tested against a fake provider on a local port."""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from tests.accounts.fake_oidc import FakeOIDCProvider

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID, CLIENT_SECRET = "faellesplan", "broker-hemmelighed-som-er-lang-nok-til-hs256"


@pytest.fixture
def broker(settings):
    with FakeOIDCProvider(client_id=CLIENT_ID, client_secret=CLIENT_SECRET) as provider:
        settings.SOCIALACCOUNT_PROVIDERS = {
            "openid_connect": {
                "OAUTH_PKCE_ENABLED": True,
                "APPS": [
                    {
                        "provider_id": "mitid",
                        "name": "MitID",
                        "client_id": CLIENT_ID,
                        "secret": CLIENT_SECRET,
                        "settings": {"server_url": provider.url},
                    }
                ],
            }
        }
        yield provider


def _start_login(client) -> str:
    response = client.post("/konto/oidc/mitid/login/", {"process": "login"})
    assert response.status_code == 302
    return response["Location"]


def test_a_citizen_logs_in_through_the_broker_with_pkce(client, broker, demo_site):
    login_page = client.get("/konto/login/").content.decode()
    assert "MitID" in login_page and "/konto/oidc/mitid/login/" in login_page

    authorize_url = _start_login(client)
    query = {k: v[0] for k, v in parse_qs(urlsplit(authorize_url).query).items()}
    assert authorize_url.startswith(f"{broker.url}/authorize?")
    assert query["client_id"] == CLIENT_ID
    assert query["code_challenge_method"] == "S256" and len(query["code_challenge"]) >= 43
    assert "openid" in query["scope"].split()
    assert query["redirect_uri"] == "http://testserver/konto/oidc/mitid/login/callback/"

    code = broker.log_in(
        authorize_url=authorize_url,
        claims={"sub": "mitid-uuid-1", "email": "ny.borger@example.dk", "email_verified": True},
    )
    response = client.get(
        "/konto/oidc/mitid/login/callback/", {"code": code, "state": query["state"]}
    )

    assert response.status_code == 302, response.content.decode()[:500]
    user = get_user_model().objects.get(email="ny.borger@example.dk")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert EmailAddress.objects.get(user=user).verified
    # The code was exchanged together with the verifier only this server knew.
    (token_request,) = broker.token_requests
    assert token_request["code_verifier"] and token_request["code_verifier"] not in authorize_url


def test_a_stolen_code_without_the_verifier_is_refused(client, broker, demo_site):
    authorize_url = _start_login(client)
    query = {k: v[0] for k, v in parse_qs(urlsplit(authorize_url).query).items()}
    # An attacker's login started elsewhere: the code is bound to a different challenge.
    code = broker.log_in(
        authorize_url=authorize_url.replace(query["code_challenge"], "x" * 43),
        claims={"sub": "mitid-uuid-2", "email": "offer@example.dk", "email_verified": True},
    )

    client.get("/konto/oidc/mitid/login/callback/", {"code": code, "state": query["state"]})

    assert "_auth_user_id" not in client.session
    assert not get_user_model().objects.filter(email="offer@example.dk").exists()


def test_without_configuration_there_is_no_broker_login(client, demo_site, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {}
    assert "/konto/oidc/" not in client.get("/konto/login/").content.decode()
    assert client.post("/konto/oidc/mitid/login/").status_code == 404


def _settings_from_env(env: dict) -> subprocess.CompletedProcess:
    names = (
        "OIDC_CLIENT_ID",
        "OIDC_CLIENT_SECRET",
        "OIDC_SERVER_URL",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
    )
    clean = {k: v for k, v in os.environ.items() if k not in names}
    code = (
        "import json; from django.conf import settings; "
        "print(json.dumps([settings.SOCIALACCOUNT_PROVIDERS, "
        "settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['form-action']]))"
    )
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "portal.settings.test", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_environment_switches_the_broker_on_with_pkce():
    result = _settings_from_env(
        {
            "OIDC_CLIENT_ID": "kommune-klient",
            "OIDC_CLIENT_SECRET": "s3cret",
            "OIDC_SERVER_URL": "https://broker.example.dk/oidc",
        }
    )
    assert result.returncode == 0, result.stderr
    providers, form_action = json.loads(result.stdout.strip().splitlines()[-1])
    oidc = providers["openid_connect"]
    assert oidc["OAUTH_PKCE_ENABLED"] is True
    (app,) = oidc["APPS"]
    assert app["provider_id"] == "mitid" and app["client_id"] == "kommune-klient"
    assert app["settings"]["server_url"] == "https://broker.example.dk/oidc"
    # The login form may post on to the broker, and nowhere else.
    assert form_action == ["'self'", "https://broker.example.dk"]

    providers, form_action = json.loads(_settings_from_env({}).stdout.strip().splitlines()[-1])
    assert providers == {} and form_action == ["'self'"]


def test_a_half_configured_broker_stops_the_start():
    result = _settings_from_env({"OIDC_CLIENT_ID": "kommune-klient"})
    assert result.returncode != 0
    assert "KeyError: 'OIDC_CLIENT_SECRET'" in result.stderr
