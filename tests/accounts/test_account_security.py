"""Logging in without a password, not telling who has an account, limits on guessing,
asking for the password again before sensitive changes, and seeing and ending sessions."""

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.db import connection
from django.http import HttpResponse
from django.urls import path

from portal import urls as portal_urls
from portal.demo.accounts import ensure_demo_user
from portal.security import reauthentication_required

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def citizen(db):
    return ensure_demo_user(email="borger@example.dk", first_name="Mette")


def _code_from(message) -> str:
    return re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", message.body, re.MULTILINE).group(1)


def test_a_citizen_logs_in_with_a_code_from_an_email(client, citizen):
    login_page = client.get("/konto/login/").content.decode()
    assert 'href="/konto/login/code/' in login_page

    response = client.post("/konto/login/code/", {"email": "Borger@example.dk"})
    assert response["Location"] == "/konto/login/code/confirm/"
    (message,) = mail.outbox
    assert message.to == ["borger@example.dk"]
    assert message.subject.startswith("Fællesplan: ")

    response = client.post("/konto/login/code/confirm/", {"code": _code_from(message)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(citizen.pk)


def test_a_wrong_code_three_times_ends_the_attempt(client, citizen):
    client.post("/konto/login/code/", {"email": citizen.email})
    for _ in range(3):
        response = client.post("/konto/login/code/confirm/", {"code": "XXXXXX"})
    assert "_auth_user_id" not in client.session
    # After the third wrong code the code is spent; the real one no longer works.
    client.post("/konto/login/code/confirm/", {"code": _code_from(mail.outbox[0])})
    assert "_auth_user_id" not in client.session
    assert response.status_code in {200, 302}


@pytest.mark.parametrize(
    ("url", "field"),
    [("/konto/login/code/", "email"), ("/konto/password/reset/", "email")],
)
def test_the_answer_is_the_same_whether_or_not_an_account_exists(client, citizen, url, field):
    known = client.post(url, {field: citizen.email})
    client.logout()
    unknown = client.post(url, {field: "findes-ikke@example.dk"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])


def test_signing_up_with_a_taken_address_looks_like_any_signup(client, citizen):
    password = "en-lang-god-adgangskode-42"
    response = client.post(
        "/konto/signup/",
        {"email": citizen.email, "password1": password, "password2": password},
    )
    assert response["Location"] == "/konto/confirm-email/"
    # The owner of the address is told by email instead.
    (message,) = mail.outbox
    assert message.to == [citizen.email]


def test_password_guessing_is_stopped_after_five_tries(client, citizen, demo_password):
    for _ in range(5):
        client.post("/konto/login/", {"login": citizen.email, "password": "forkert-gæt"})
    response = client.post("/konto/login/", {"login": citizen.email, "password": demo_password})
    assert "_auth_user_id" not in client.session
    assert "Du har prøvet for mange gange." in response.content.decode()


def test_the_counters_live_in_the_shared_database_cache(client, citizen):
    assert settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache")
    client.post("/konto/login/", {"login": citizen.email, "password": "forkert-gæt"})
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM portal_cache")
        (rows,) = cursor.fetchone()
    assert rows >= 1  # any app server process reads the same counters


def _settings_value(expression: str, env: dict) -> str:
    clean = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            f"from django.conf import settings; print({expression})",
        ],  # fmt: skip
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "portal.settings.test", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_redis_is_the_cache_and_holds_the_sessions_when_redis_url_is_set():
    backend, sessions = _settings_value(
        "settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE",
        {"REDIS_URL": "redis://cache:6379/0"},
    ).split()
    assert backend == "portal.cache.RedisCache"
    # Read from Redis, written through to the database: a Redis restart logs nobody out.
    assert sessions == "django.contrib.sessions.backends.cached_db"
    assert _settings_value("settings.SESSION_ENGINE", {}) == "django.contrib.sessions.backends.db"


def test_a_fresh_database_gets_the_cache_table_from_migrate(tmp_path):
    database = tmp_path / "fresh.sqlite3"
    clean = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "migrate", "--no-input"],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "DATABASE_URL": f"sqlite:///{database}",
        },
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    tables = {
        name for (name,) in sqlite3.connect(database).execute("SELECT name FROM sqlite_master")
    }
    assert "portal_cache" in tables


def test_changing_the_email_address_asks_for_the_password_first(client, citizen, demo_password):
    client.force_login(citizen)

    response = client.post("/konto/email/", {"email": "ny@example.dk", "action_add": ""})

    assert response["Location"] == "/konto/reauthenticate/?next=%2Fkonto%2Femail%2F"
    assert not EmailAddress.objects.filter(email="ny@example.dk").exists()
    # After the password, the stashed change goes through.
    client.post(response["Location"], {"password": demo_password}, follow=True)
    assert EmailAddress.objects.filter(user=citizen, email="ny@example.dk").exists()
    # And within five minutes it is not asked again.
    client.post("/konto/email/", {"email": "nyere@example.dk", "action_add": ""})
    assert EmailAddress.objects.filter(user=citizen, email="nyere@example.dk").exists()


@reauthentication_required
def _remove_member(request):
    return HttpResponse(f"fjernet af {request.user.email}")


urlpatterns = [path("fjern/", _remove_member), *portal_urls.urlpatterns]


@pytest.mark.urls(__name__)
def test_the_helper_for_plan_views_asks_for_the_password_before_removing(
    client, citizen, demo_password
):
    client.force_login(citizen)

    response = client.post("/fjern/", {"member": "7"})
    assert response["Location"] == "/konto/reauthenticate/?next=%2Ffjern%2F"

    response = client.post(response["Location"], {"password": demo_password}, follow=True)
    assert response.content.decode() == "fjernet af borger@example.dk"


def test_a_person_sees_their_sessions_and_ends_the_others(citizen, demo_password):
    from django.test import Client

    phone, library = Client(HTTP_USER_AGENT="Telefon"), Client(HTTP_USER_AGENT="Bibliotek")
    for browser in (phone, library):
        browser.post("/konto/login/", {"login": citizen.email, "password": demo_password})

    page = phone.get("/konto/email/").content.decode()
    assert 'href="/konto/sessions/"' in page  # linked from the account pages
    sessions = phone.get("/konto/sessions/")
    assert len(sessions.context["sessions"]) == 2

    phone.post("/konto/sessions/")

    assert "_auth_user_id" in phone.session
    assert "_auth_user_id" not in library.session
    assert library.get("/konto/email/").status_code == 302
