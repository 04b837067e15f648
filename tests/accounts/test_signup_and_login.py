"""Accounts through allauth: email as login, verification before access, pages in Danish."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

pytestmark = pytest.mark.django_db

PASSWORD = "en-lang-god-adgangskode-42"


def _sign_up(client, email="ny@example.dk"):
    return client.post(
        "/konto/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    )


def test_login_page_is_danish_and_in_the_site_layout(client, demo_site):
    html = client.get("/konto/login/").content.decode()
    assert "<title>" in html and "Log ind" in html
    assert 'class="site-header"' in html
    assert 'role="search"' in html
    assert 'type="email" name="login"' in html
    assert "Har du ingen konto?" in html


def test_signup_sends_a_danish_verification_email_and_gives_no_access(client, demo_site):
    response = _sign_up(client)

    assert response.status_code == 302
    assert response["Location"] == "/konto/confirm-email/"
    user = get_user_model().objects.get(email="ny@example.dk")
    assert not EmailAddress.objects.get(user=user).verified
    assert "_auth_user_id" not in client.session

    (message,) = mail.outbox
    assert message.to == ["ny@example.dk"]
    assert message.subject.startswith("Fællesplan: ")
    assert message.subject == "Fællesplan: Bekræft din e-mail"
    assert "Så tryk på linket for at bekræfte din e-mail" in message.body
    link = re.search(r"http://testserver(/konto/confirm-email/\S+)", message.body).group(1)

    confirm_page = client.get(link)
    assert confirm_page.status_code == 200
    client.post(link)
    assert EmailAddress.objects.get(user=user).verified


def test_an_unverified_account_cannot_log_in(client, demo_site):
    _sign_up(client)
    client.logout()

    response = client.post("/konto/login/", {"login": "ny@example.dk", "password": PASSWORD})

    assert response["Location"] == "/konto/confirm-email/"
    assert "_auth_user_id" not in client.session
    assert "Bekræft din e-mail" in client.get(response["Location"]).content.decode()


def test_a_verified_account_logs_in_with_email(client, editor, demo_password, totp_code):
    response = client.post(
        "/konto/login/", {"login": "REDAKTOER@example.dk", "password": demo_password}
    )
    # An editor has a second factor: the password alone only leads to the code step.
    assert response["Location"] == "/konto/2fa/authenticate/"
    assert "_auth_user_id" not in client.session

    response = client.post("/konto/2fa/authenticate/", {"code": totp_code(editor.email)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_wrong_password_gets_a_danish_message_and_keeps_the_email(client, editor):
    response = client.post("/konto/login/", {"login": editor.email, "password": "forkert"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "E-mail eller adgangskode er forkert." in html
    assert f'value="{editor.email}"' in html


def test_the_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/login/?next=/admin/pages/"

    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")
