"""A second factor for everyone who reaches the admin: no admin page before it is set up,
the login asks for the code, and the demo staff are enrolled with the known secret."""

import re
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.contrib.messages import get_messages

from portal.demo.accounts import DEFAULT_DEMO_TOTP_SECRET, ensure_demo_user

pytestmark = pytest.mark.django_db


def _code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture
def caseworker(db):
    return ensure_demo_user(
        email="sagsbehandler@example.dk", first_name="Sofie", groups=["Sagsbehandlere"]
    )


@pytest.fixture
def unenrolled_caseworker(caseworker):
    Authenticator.objects.filter(user=caseworker).delete()
    return caseworker


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/planer/"])
def test_staff_without_a_second_factor_are_sent_to_set_one_up(client, unenrolled_caseworker, path):
    client.force_login(unenrolled_caseworker)

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == "/konto/2fa/"
    (message,) = get_messages(response.wsgi_request)
    assert "Før du kan bruge administrationen, skal du slå totrinsbekræftelse til" in str(message)
    # The setup pages themselves stay open to them.
    assert client.get("/konto/2fa/").status_code == 200


def test_is_staff_alone_is_enough_to_need_it(client):
    user = ensure_demo_user(email="it@example.dk", first_name="It")
    user.is_staff = True
    user.save()
    client.force_login(user)
    assert client.get("/admin/")["Location"] == "/konto/2fa/"


def test_a_citizen_is_not_asked_for_a_second_factor(client):
    client.force_login(ensure_demo_user(email="borger@example.dk", first_name="Mette"))
    response = client.get("/admin/")
    assert response["Location"] != "/konto/2fa/"
    assert response.status_code == 302  # Wagtail refuses: no admin access


def test_staff_set_up_an_authenticator_app_and_then_reach_the_admin(
    client, unenrolled_caseworker, demo_password
):
    client.post("/konto/login/", {"login": unenrolled_caseworker.email, "password": demo_password})
    assert client.session["_auth_user_id"] == str(unenrolled_caseworker.pk)
    # Setting up a factor is a sensitive change: allauth asks for the password once more.
    response = client.get("/konto/2fa/totp/activate/")
    assert response["Location"].startswith("/konto/reauthenticate/")
    client.post("/konto/reauthenticate/", {"password": demo_password})

    page = client.get("/konto/2fa/totp/activate/")
    assert page.status_code == 200
    secret = page.context["form"].secret
    response = client.post("/konto/2fa/totp/activate/", {"code": _code(secret)})
    assert response.status_code == 302

    assert Authenticator.objects.filter(
        user=unenrolled_caseworker, type=Authenticator.Type.TOTP
    ).exists()
    # allauth hands out recovery codes with the app, for a lost phone.
    assert Authenticator.objects.filter(
        user=unenrolled_caseworker, type=Authenticator.Type.RECOVERY_CODES
    ).exists()
    assert client.get("/admin/").status_code == 200


def test_the_login_asks_for_the_code_and_refuses_a_wrong_or_reused_one(
    client, caseworker, demo_password
):
    def password_step():
        response = client.post(
            "/konto/login/", {"login": caseworker.email, "password": demo_password}
        )
        assert response["Location"] == "/konto/2fa/authenticate/"

    password_step()
    wrong = client.post("/konto/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200
    assert "Koden er forkert." in wrong.content.decode()
    assert "_auth_user_id" not in client.session

    code = _code(DEFAULT_DEMO_TOTP_SECRET)
    assert client.post("/konto/2fa/authenticate/", {"code": code}).status_code == 302
    assert client.session["_auth_user_id"] == str(caseworker.pk)
    assert client.get("/admin/").status_code == 200

    # Someone who saw the code over a shoulder cannot use it again.
    client.logout()
    password_step()
    client.post("/konto/2fa/authenticate/", {"code": code})
    assert "_auth_user_id" not in client.session


def test_a_code_by_email_does_not_skip_the_second_factor(client, caseworker):
    from django.core import mail

    client.post("/konto/login/code/", {"email": caseworker.email})
    (message,) = mail.outbox
    email_code = re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", message.body, re.MULTILINE).group(1)

    response = client.post("/konto/login/code/confirm/", {"code": email_code})

    assert response["Location"] == "/konto/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    client.post("/konto/2fa/authenticate/", {"code": _code(DEFAULT_DEMO_TOTP_SECRET)})
    assert client.session["_auth_user_id"] == str(caseworker.pk)


def test_the_account_pages_offer_an_app_security_keys_and_recovery_codes(client, caseworker):
    client.force_login(caseworker)
    html = client.get("/konto/2fa/").content.decode()
    for heading in ("App med koder", "Sikkerhedsnøgler", "Reservekoder"):
        assert heading in html


def test_seed_demo_enrolls_staff_and_editors_with_the_demo_secret(seed_demo, monkeypatch):
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    for email in ("sagsbehandler@example.dk", "redaktoer@example.dk"):
        totp = Authenticator.objects.get(user__email=email, type=Authenticator.Type.TOTP)
        assert decrypt(totp.data["secret"]) == DEFAULT_DEMO_TOTP_SECRET
    citizen = users.get(email="borger@example.dk")
    assert not Authenticator.objects.filter(user=citizen).exists()


def test_the_demo_secret_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("DEMO_TOTP_SECRET", "GEZDGNBVGY3TQOJQ")
    editor = ensure_demo_user(email="redaktoer@example.dk", first_name="R", groups=["Redaktører"])
    totp = Authenticator.objects.get(user=editor, type=Authenticator.Type.TOTP)
    assert decrypt(totp.data["secret"]) == "GEZDGNBVGY3TQOJQ"

    # Run again with the default: the same authenticator gets the new secret.
    monkeypatch.delenv("DEMO_TOTP_SECRET")
    ensure_demo_user(email="redaktoer@example.dk", first_name="R", groups=["Redaktører"])
    totp.refresh_from_db()
    assert decrypt(totp.data["secret"]) == DEFAULT_DEMO_TOTP_SECRET
    assert Authenticator.objects.filter(user=editor).count() == 1
