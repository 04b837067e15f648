"""The invited person's way in: the valid link proves the invited address, so "Opret en konto"
has it filled in and the account is verified without a second email. Only that address, only
while the link is valid; someone with an account logs in as allauth asks and says yes at once."""

import re
import time
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from plans.models import Invitation, NetworkMembership
from plans.network import services
from tests.plans.factories import citizen

pytestmark = pytest.mark.django_db

PASSWORD = "en-lang-god-adgangskode-42"


def _sign_up(client, email, link):
    return client.post(
        "/konto/signup/",
        {"email": email, "password1": PASSWORD, "password2": PASSWORD, "next": link},
    )


def _email_field(html):
    return re.search(r'<input[^>]*name="email"[^>]*>', html).group(0)


def test_opret_en_konto_from_the_link_has_the_invited_address_filled_in(client, invite):
    _, link = invite()
    page = client.get(link).content.decode()
    signup_url = re.search(r'href="(/konto/signup/\?next=[^"]+)"', page).group(1)

    field = _email_field(client.get(signup_url.replace("&amp;", "&")).content.decode())

    assert 'value="lene@example.dk"' in field


def test_signing_up_with_the_invited_address_needs_no_second_email(
    client, network_world, invite, django_capture_on_commit_callbacks
):
    invitation, link = invite()
    client.get(link)
    mail.outbox.clear()

    signup = _sign_up(client, "lene@example.dk", link)

    # Straight back to the invitation, logged in: no "check your email" page, no email.
    assert signup.status_code == 302 and signup["Location"] == link
    assert mail.outbox == []
    user = get_user_model().objects.get(email="lene@example.dk")
    assert list(EmailAddress.objects.filter(user=user).values_list("email", "verified")) == [
        ("lene@example.dk", True)
    ]
    page = client.get(link).content.decode()
    assert "Du er logget ind som lene@example.dk" in page
    with django_capture_on_commit_callbacks(execute=True):
        accept = client.post(link, {"action": "accept"})
    assert accept["Location"] == f"/jeg-hjaelper/{network_world.plan.pk}/"
    assert NetworkMembership.objects.get().user == user
    assert [m.to for m in mail.outbox if "lene@example.dk" in m.to] == []


def test_another_address_typed_at_signup_is_not_verified_by_the_link_and_cannot_say_yes(
    client, network_world, invite
):
    invitation, link = invite()
    client.get(link)
    mail.outbox.clear()

    signup = _sign_up(client, "someone@example.dk", link)

    # The typed address is checked by email as for anyone; the invited one is not on the account.
    assert signup["Location"] == "/konto/confirm-email/"
    (message,) = mail.outbox
    assert message.to == ["someone@example.dk"]
    user = get_user_model().objects.get(email="someone@example.dk")
    assert list(EmailAddress.objects.filter(user=user).values_list("email", "verified")) == [
        ("someone@example.dk", False)
    ]
    confirm = re.search(r"http://testserver(/konto/confirm-email/\S+)", message.body).group(1)
    assert client.post(confirm)["Location"] == link

    response = client.post(link, {"action": "accept"})

    assert response.status_code == 400
    assert "Invitationen er sendt til lene@example.dk" in response.content.decode()
    assert not NetworkMembership.objects.exists()
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.SENT
    assert not EmailAddress.objects.filter(email="lene@example.dk").exists()


def _expire(invitation):
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(1))


def _withdraw(invitation):
    services.invitation_withdraw(invitation=invitation)


def _use(invitation):
    services.invitation_decline(invitation=invitation)


@pytest.mark.parametrize("spend", [_expire, _withdraw, _use], ids=["expired", "withdrawn", "used"])
def test_a_link_that_is_no_longer_valid_proves_nothing(client, invite, spend):
    invitation, link = invite()
    spend(invitation)
    assert client.get(link).status_code == 404
    mail.outbox.clear()

    assert 'value="lene@example.dk"' not in _email_field(
        client.get(f"/konto/signup/?next={link}").content.decode()
    )
    signup = _sign_up(client, "lene@example.dk", link)

    assert signup["Location"] == "/konto/confirm-email/"
    (message,) = mail.outbox
    assert message.to == ["lene@example.dk"] and "/konto/confirm-email/" in message.body
    assert EmailAddress.objects.get(email="lene@example.dk").verified is False


def test_opening_the_link_while_logged_in_verifies_nothing_for_a_later_signup(
    client, network_world, invite
):
    # Mette looks at her own invitation; after she logs out, a signup on her browser is not
    # helped by it (logging out ends the session, and a logged-in visit stashes nothing).
    _, link = invite()
    client.force_login(network_world.citizen)
    client.get(link)
    client.post("/konto/logout/")
    mail.outbox.clear()

    assert _sign_up(client, "lene@example.dk", link)["Location"] == "/konto/confirm-email/"
    assert EmailAddress.objects.get(email="lene@example.dk").verified is False


def test_with_an_account_already_a_password_login_comes_back_and_says_yes_at_once(
    client, network_world, invite, demo_password
):
    lene = citizen(email="lene@example.dk", first_name="")
    _, link = invite()
    client.get(link)
    mail.outbox.clear()

    login = client.post(
        "/konto/login/", {"login": "lene@example.dk", "password": demo_password, "next": link}
    )
    assert login["Location"] == link
    accept = client.post(link, {"action": "accept"})

    assert accept["Location"] == f"/jeg-hjaelper/{network_world.plan.pk}/"
    assert NetworkMembership.objects.get().user == lene
    assert mail.outbox == []


def test_with_an_account_already_a_code_login_is_the_only_email(client, network_world, invite):
    lene = citizen(email="lene@example.dk", first_name="")
    _, link = invite()
    client.get(link)
    mail.outbox.clear()

    client.post("/konto/login/code/", {"email": "lene@example.dk", "next": link})
    (message,) = mail.outbox
    code = re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", message.body, re.MULTILINE).group(1)
    confirm = client.post("/konto/login/code/confirm/", {"code": code, "next": link})
    assert confirm["Location"] == link
    accept = client.post(link, {"action": "accept"})

    assert accept["Location"] == f"/jeg-hjaelper/{network_world.plan.pk}/"
    assert NetworkMembership.objects.get().user == lene
    assert len(mail.outbox) == 1


def test_saying_yes_never_asks_for_the_password_again_even_long_after_login(
    client, network_world, invite, demo_password
):
    citizen(email="lene@example.dk", first_name="")
    _, link = invite()
    client.post("/konto/login/", {"login": "lene@example.dk", "password": demo_password})
    # Age the login past allauth's reauthentication timeout (ACCOUNT_REAUTHENTICATION_TIMEOUT).
    session = client.session
    for method in session["account_authentication_methods"]:
        method["at"] = time.time() - 3600
    session.save()
    assert client.post("/konto/email/", {"email": "ny@example.dk", "action_add": ""})[
        "Location"
    ].startswith("/konto/reauthenticate/")

    accept = client.post(link, {"action": "accept"})

    assert accept["Location"] == f"/jeg-hjaelper/{network_world.plan.pk}/"


def test_inviting_asks_for_the_password_only_when_the_login_is_older_than_five_minutes(
    client, network_world, demo_password
):
    client.post("/konto/login/", {"login": network_world.citizen.email, "password": demo_password})
    # Fresh login: the form opens at once, also a second time (not on every invitation).
    assert client.get("/min-plan/netvaerk/inviter/").status_code == 200
    assert client.get("/min-plan/netvaerk/inviter/").status_code == 200
    session = client.session
    for method in session["account_authentication_methods"]:
        method["at"] = time.time() - 301
    session.save()

    response = client.get("/min-plan/netvaerk/inviter/")

    assert response["Location"].startswith("/konto/reauthenticate/?next=")
