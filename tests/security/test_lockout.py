"""An outsider who knows a caseworker's address cannot keep her out, and guessing her password
is still limited. allauth refuses a login after 5 failed ones for the same address within 5
minutes (login_failed, "5/300s/key"), even with the right password; portal.accounts.adapter
counts a browser that has logged in to the account before (a device cookie) on its own, so
the outsider's failures do not lock that browser out. A new browser gets in by a code sent by
email, then the second factor."""

import re

import pytest
from django.core import mail
from django.test import Client

from portal.accounts.adapter import DEVICE_COOKIE
from portal.demo.accounts import ensure_demo_user

pytestmark = pytest.mark.django_db

OUTSIDER_IP = "203.0.113.66"
CASEWORKER_IP = "198.51.100.7"
TOO_MANY = "Du har prøvet for mange gange. Vent lidt. Eller log ind med en kode."
ATTEMPTS = 5  # allauth's default per address


@pytest.fixture
def caseworker(db):
    return ensure_demo_user(
        email="sagsbehandler@example.dk", first_name="Sofie", groups=["Sagsbehandlere"]
    )


def _password(client, email, password):
    return client.post("/konto/login/", {"login": email, "password": password})


def _outsider_guesses(email, n, ip=OUTSIDER_IP):
    outsider = Client(REMOTE_ADDR=ip)
    return [_password(outsider, email, f"gæt-{k}-forkert") for k in range(n)]


def _full_login(client, caseworker, demo_password, totp_code):
    assert _password(client, caseworker.email, demo_password)["Location"] == (
        "/konto/2fa/authenticate/"
    )
    client.post("/konto/2fa/authenticate/", {"code": totp_code(caseworker.email)})
    assert client.session["_auth_user_id"] == str(caseworker.pk)


def test_after_an_outsiders_guesses_a_new_browser_is_refused_even_with_the_password(
    caseworker, demo_password
):
    *_guesses, last = _outsider_guesses(caseworker.email, ATTEMPTS + 1)
    # The outsider's further guesses are refused without the password being tried.
    assert TOO_MANY in last.content.decode()

    fresh = Client(REMOTE_ADDR=CASEWORKER_IP)
    response = _password(fresh, caseworker.email, demo_password)

    assert response.status_code == 200
    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in fresh.session


def test_a_browser_she_logged_in_on_before_still_gets_her_in(caseworker, demo_password, totp_code):
    hers = Client(REMOTE_ADDR=CASEWORKER_IP)
    _full_login(hers, caseworker, demo_password, totp_code)
    assert DEVICE_COOKIE in hers.cookies
    hers.post("/konto/logout/")
    assert "_auth_user_id" not in hers.session

    *_guesses, last = _outsider_guesses(caseworker.email, ATTEMPTS + 3)
    assert TOO_MANY in last.content.decode()

    # Her password still leads to the second factor, which still decides.
    _full_login(hers, caseworker, demo_password, totp_code)
    assert hers.get("/admin/").status_code == 200


def test_her_browser_is_limited_too_and_its_cookie_is_hers_alone(
    caseworker, demo_password, totp_code
):
    hers = Client(REMOTE_ADDR=CASEWORKER_IP)
    _full_login(hers, caseworker, demo_password, totp_code)
    hers.post("/konto/logout/")
    cookie = hers.cookies[DEVICE_COOKIE].value

    # Someone who takes her cookie to guess gets the same 5 tries, then the lock.
    thief = Client(REMOTE_ADDR=OUTSIDER_IP)
    thief.cookies[DEVICE_COOKIE] = cookie
    for k in range(ATTEMPTS):
        assert TOO_MANY not in _password(thief, caseworker.email, f"gæt-{k}").content.decode()
    assert TOO_MANY in _password(thief, caseworker.email, "gæt-igen").content.decode()
    # The cookie counts for her address only, and a made-up one counts for nothing.
    _outsider_guesses("anden@example.dk", ATTEMPTS, ip="203.0.113.99")
    for value in (cookie, "opdigtet"):
        other = Client(REMOTE_ADDR=CASEWORKER_IP)
        other.cookies[DEVICE_COOKIE] = value
        response = _password(other, "anden@example.dk", "gæt")
        assert TOO_MANY in response.content.decode()


def test_on_a_new_browser_a_code_by_email_gets_her_in_during_the_lock(
    caseworker, demo_password, totp_code
):
    _outsider_guesses(caseworker.email, ATTEMPTS + 1)
    fresh = Client(REMOTE_ADDR=CASEWORKER_IP)
    assert TOO_MANY in _password(fresh, caseworker.email, demo_password).content.decode()

    fresh.post("/konto/login/code/", {"email": caseworker.email})
    body = mail.outbox[-1].body
    email_code = re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", body, re.MULTILINE).group(1)
    response = fresh.post("/konto/login/code/confirm/", {"code": email_code})

    assert response["Location"] == "/konto/2fa/authenticate/"
    fresh.post("/konto/2fa/authenticate/", {"code": totp_code(caseworker.email)})
    assert fresh.session["_auth_user_id"] == str(caseworker.pk)
    # And from now on this browser is hers as well.
    assert DEVICE_COOKIE in fresh.cookies
