"""Answering an invitation: who invites and why, decline without an account, accept only with
the invited address verified, single use."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from plans.models import AccessLogEntry, Invitation, NetworkMembership
from tests.plans.factories import citizen, deliver_digests

pytestmark = pytest.mark.django_db


def test_the_link_shows_who_invites_why_and_what_would_be_shared(client, network_world, invite):
    _, link = invite()
    response = client.get(link)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mette vil gerne have dig med" in html
    assert "Du er god til at køre bil." in html
    assert "Jeg vil have et job" in html
    assert "Jeg vil drikke mindre" not in html
    assert f"/konto/signup/?next={link.replace('/', '%2F')}" in html
    assert f"/konto/login/?next={link.replace('/', '%2F')}" in html
    assert "no-store" in response["Cache-Control"]


def test_declining_needs_no_account_and_tells_the_citizen(
    client, network_world, invite, django_capture_on_commit_callbacks
):
    invitation, link = invite()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link, {"action": "decline"})
    assert response.status_code == 200
    assert "Tak for dit svar" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.DECLINED
    assert mail.outbox == []  # in Mette's morning digest (her default setting)
    deliver_digests()
    (message,) = [m for m in mail.outbox if m.to == ["mette@example.dk"]]
    assert "Lene har sagt nej tak" in message.body
    assert client.get(link).status_code == 404


def test_accepting_without_logging_in_does_nothing(client, network_world, invite):
    invitation, link = invite()
    response = client.post(link, {"action": "accept"})
    assert response.status_code == 200
    assert "Opret en konto" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.SENT
    assert not NetworkMembership.objects.exists()


def test_accepting_with_the_invited_verified_address(
    client, network_world, invite, django_capture_on_commit_callbacks
):
    invitation, link = invite()
    lene = citizen(email="lene@example.dk", first_name="")
    client.force_login(lene)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link, {"action": "accept"})

    membership = NetworkMembership.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/jeg-hjaelper/{network_world.plan.pk}/"
    assert (membership.user, membership.name, membership.whole_plan) == (lene, "Lene", False)
    assert list(membership.goals.all()) == [network_world.shared_goal]
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED
    deliver_digests()
    (message,) = [m for m in mail.outbox if m.to == ["mette@example.dk"]]
    assert "Lene har sagt ja" in message.body
    entry = AccessLogEntry.objects.filter(plan=network_world.plan).latest("pk")
    assert entry.actor_name == "Lene" and "lene@example.dk" not in str(entry.__dict__)
    # Single use: the link is spent.
    assert client.get(link).status_code == 404
    assert client.post(link, {"action": "accept"}).status_code == 404


@pytest.mark.parametrize("case", ["other_account", "unverified_address"])
def test_accepting_needs_the_invited_address_verified_on_the_account(
    client, network_world, invite, case
):
    _, link = invite()
    if case == "other_account":
        user = citizen(email="someone@example.dk", first_name="Søren")
    else:
        user = citizen(email="someone@example.dk", first_name="Søren")
        EmailAddress.objects.create(user=user, email="lene@example.dk", verified=False)
    client.force_login(user)

    response = client.post(link, {"action": "accept"})

    assert response.status_code == 400
    assert "Invitationen er sendt til lene@example.dk" in response.content.decode()
    assert not NetworkMembership.objects.exists()
    assert Invitation.objects.get().status == Invitation.Status.SENT


def test_the_citizen_cannot_accept_her_own_invitation(client, network_world, invite):
    _, link = invite(email="mette2@example.dk")
    EmailAddress.objects.create(
        user=network_world.citizen, email="mette2@example.dk", verified=True
    )
    client.force_login(network_world.citizen)
    response = client.post(link, {"action": "accept"})
    assert response.status_code == 400
    assert "Det er din egen plan" in response.content.decode()


def test_signing_up_from_the_link_comes_back_to_the_invitation(client, network_world, invite):
    import re

    invitation, link = invite(email="jonas@example.dk")
    mail.outbox.clear()
    password = "en-lang-god-adgangskode-42"
    signup = client.post(
        "/konto/signup/",
        {"email": "jonas@example.dk", "password1": password, "password2": password, "next": link},
    )
    assert signup["Location"] == "/konto/confirm-email/"
    # Not yet: the address is not verified, so the invitation cannot be accepted.
    assert client.post(link, {"action": "accept"}).status_code == 200
    assert not NetworkMembership.objects.exists()

    confirm = re.search(r"http://testserver(/konto/confirm-email/\S+)", mail.outbox[-1].body)
    response = client.post(confirm.group(1))
    assert response["Location"] == link
    response = client.post(link, {"action": "accept"})
    assert response["Location"] == f"/jeg-hjaelper/{network_world.plan.pk}/"
    assert NetworkMembership.objects.get().user.email == "jonas@example.dk"
