"""Inviting: the preview, the limits, the email and its link, resending and withdrawing."""

import hashlib
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from plans.errors import PlanRuleError
from plans.models import Invitation, InvitationSend, NetworkMembership
from plans.network import services
from tests.plans.factories import INVITATION_LINK as LINK

pytestmark = pytest.mark.django_db

INVITE = "/min-plan/netvaerk/inviter/"


def _form(network_world, **overrides):
    data = {
        "name": "Lene",
        "email": "lene@example.dk",
        "relation": "family",
        "scope": "goals",
        "goals": [network_world.shared_goal.pk],
        "message": "Du er god til at køre bil.",
    }
    return {**data, **overrides}


def test_inviting_asks_for_the_password_again(client, network_world):
    client.force_login(network_world.citizen)
    response = client.get(INVITE)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/reauthenticate/?next=")


def test_preview_shows_exactly_what_the_person_will_see_and_sends_nothing(
    client, network_world, reauthenticate
):
    reauthenticate(client, network_world.citizen)
    mail.outbox.clear()
    response = client.post(INVITE, _form(network_world, preview="1"))
    html = response.content.decode()

    assert response.status_code == 200
    assert "Det kan Lene se" in html
    assert "Jeg vil have et job" in html
    assert "Jobsamtaler hos Jobcentret" in html  # the activity's plain title
    assert "Om jobbet" in html  # a comment on the shared goal
    for hidden in [
        "Jeg vil drikke mindre",
        "Samtaler på Rusmiddelcentret",
        "Om at drikke mindre",
        "Fortrolig beskrivelse",
        "Hemmelig forklaring",
        "Afgørelse om",
    ]:
        assert hidden not in html
    assert not Invitation.objects.exists()
    assert mail.outbox == []
    # What was typed travels with the preview, so "Ret invitationen" keeps it.
    assert 'name="message" value="Du er god til at køre bil."' in html

    edit = client.post(INVITE, _form(network_world, edit="1")).content.decode()
    assert 'value="Lene"' in edit and "Du er god til at køre bil." in edit


def test_sending_stores_only_a_hash_and_emails_a_single_use_link(
    client, network_world, reauthenticate
):
    reauthenticate(client, network_world.citizen)
    mail.outbox.clear()
    response = client.post(INVITE, _form(network_world, send="1"))

    assert response.status_code == 302 and response["Location"] == "/min-plan/netvaerk/"
    invitation = Invitation.objects.get()
    (message,) = mail.outbox
    assert message.to == ["lene@example.dk"]
    assert "Mette" in message.subject
    assert "Du er god til at køre bil." in message.body
    html_body = message.alternatives[0][0]
    link = LINK.search(message.body).group(1)
    assert link in html_body
    token = link.split("/")[2]
    assert len(token) >= 43  # 32 bytes from secrets, base64: 256 bits
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(Invitation.objects.values().get())
    assert invitation.expires_at - invitation.sent_at == timedelta(days=14)
    assert list(invitation.goals.all()) == [network_world.shared_goal]
    page = client.get("/min-plan/netvaerk/").content.decode()
    assert "Lene" in page and "Sendt" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "lene@"}, "Det ligner ikke en e-mailadresse"),
        ({"email": ""}, "Skriv e-mailadressen"),
        ({"email": "mette@example.dk"}, "Det er din egen e-mailadresse."),
        ({"goals": []}, "Vælg mindst ét mål"),
        ({"relation": ""}, "Vælg, hvem personen er for dig."),
    ],
)
def test_bad_input_gets_a_danish_message_and_keeps_what_was_typed(
    client, network_world, reauthenticate, overrides, message
):
    reauthenticate(client, network_world.citizen)
    response = client.post(INVITE, _form(network_world, preview="1", **overrides))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'value="Lene"' in html
    assert "Du er god til at køre bil." in html
    assert not Invitation.objects.exists()


def test_the_same_email_twice_is_refused(client, network_world, invite, reauthenticate):
    invite(email="lene@example.dk")
    reauthenticate(client, network_world.citizen)
    html = client.post(
        INVITE, _form(network_world, email="LENE@example.dk", preview="1")
    ).content.decode()
    assert "Du har allerede sendt en invitation til den e-mailadresse." in html
    assert Invitation.objects.count() == 1


def test_at_most_twenty_invitations_a_day(client, network_world, invite, reauthenticate):
    for n in range(20):
        invitation, _ = invite(email=f"person{n}@example.dk")
        Invitation.objects.filter(pk=invitation.pk).update(status=Invitation.Status.WITHDRAWN)
    reauthenticate(client, network_world.citizen)
    html = client.post(INVITE, _form(network_world, preview="1")).content.decode()
    assert "Du har sendt 20 invitationer det sidste døgn" in html
    assert 'value="Lene"' in html
    # A day later the citizen may invite again.
    InvitationSend.objects.update(sent_at=timezone.now() - timedelta(days=1, minutes=1))
    assert (
        "Det kan Lene se"
        in client.post(INVITE, _form(network_world, preview="1")).content.decode()
    )


def test_at_most_thirty_in_the_network(network_world, invite):
    from tests.plans.factories import citizen

    for n in range(30):
        user = citizen(email=f"m{n}@example.dk", first_name=f"M{n}")
        NetworkMembership.objects.create(
            plan=network_world.plan, user=user, name=f"M{n}", relation="friend"
        )
    with pytest.raises(Exception, match="højst være 30 personer"):
        invite()


def test_resending_makes_a_new_link_and_the_old_one_stops_working(client, network_world, invite):
    invitation, old_link = invite()
    Invitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now() - timedelta(hours=2))
    invitation.refresh_from_db()
    mail.outbox.clear()
    services.invitation_resend(invitation=invitation)
    (message,) = mail.outbox
    new_link = LINK.search(message.body).group(1)

    assert new_link != old_link
    assert client.get(old_link).status_code == 404
    assert client.get(new_link).status_code == 200


def test_resending_right_away_is_refused(network_world, invite):
    invitation, _ = invite()
    with pytest.raises(Exception, match="Vent en time"):
        services.invitation_resend(invitation=invitation)


def _an_hour_on(invitation):
    Invitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now() - timedelta(hours=2))
    invitation.refresh_from_db()


def test_sending_again_counts_in_the_daily_limit(network_world, invite):
    first, _ = invite(email="a@example.dk")
    for n in range(18):
        invitation, _ = invite(email=f"person{n}@example.dk")
    _an_hour_on(first)
    services.invitation_resend(invitation=first)  # the 20th email today
    mail.outbox.clear()
    _an_hour_on(first)
    with pytest.raises(PlanRuleError, match="Du har sendt 20 invitationer det sidste døgn"):
        services.invitation_resend(invitation=first)
    with pytest.raises(PlanRuleError, match="Du har sendt 20 invitationer det sidste døgn"):
        invite(email="ny@example.dk")
    assert mail.outbox == []


def test_one_address_gets_at_most_three_invitation_emails_a_day(network_world, invite):
    invitation, _ = invite()
    for _ in range(2):
        _an_hour_on(invitation)
        services.invitation_resend(invitation=invitation)
    _an_hour_on(invitation)
    mail.outbox.clear()
    with pytest.raises(PlanRuleError, match="sendt invitationen 3 gange det sidste døgn"):
        services.invitation_resend(invitation=invitation)
    assert mail.outbox == []
    # A day later it may go again.
    InvitationSend.objects.update(sent_at=timezone.now() - timedelta(days=1, minutes=1))
    services.invitation_resend(invitation=invitation)
    assert len(mail.outbox) == 1


def test_withdrawn_and_expired_links_get_one_plain_page_that_reveals_nothing(
    client, network_world, invite
):
    withdrawn, withdrawn_link = invite(email="a@example.dk")
    services.invitation_withdraw(invitation=withdrawn)
    expired, expired_link = invite(email="b@example.dk")
    Invitation.objects.filter(pk=expired.pk).update(expires_at=timezone.now())
    unknown_link = "/invitation/" + "x" * 43 + "/"

    pages = [client.get(link) for link in (withdrawn_link, expired_link, unknown_link)]
    for response in pages:
        html = response.content.decode()
        assert response.status_code == 404
        assert "Linket virker ikke" in html
        assert "Mette" not in html and "job" not in html
        assert "no-store" in response["Cache-Control"]
        assert response["Referrer-Policy"] == "same-origin"
    mains = {r.content.decode().split("<main")[1].split("</main>")[0] for r in pages}
    assert len(mains) == 1

    citizen_page = Invitation.objects.get(pk=expired.pk)
    assert citizen_page.get_state_display() == "Udløbet"
    assert Invitation.objects.get(pk=withdrawn.pk).get_state_display() == "Trukket tilbage"


def test_the_citizen_sees_each_state_and_can_withdraw(client, network_world, invite):
    _, _ = invite(email="a@example.dk", name="Anna")
    declined, link = invite(email="b@example.dk", name="Bent")
    client.post(link, {"action": "decline"})
    expired, _ = invite(email="c@example.dk", name="Carl")
    Invitation.objects.filter(pk=expired.pk).update(expires_at=timezone.now())
    client.force_login(network_world.citizen)
    html = client.get("/min-plan/netvaerk/").content.decode()
    for state in ["Sendt", "Afvist", "Udløbet"]:
        assert state in html
    open_one = Invitation.objects.get(email="a@example.dk")
    response = client.post(f"/min-plan/netvaerk/invitationer/{open_one.pk}/traek-tilbage/")
    assert response.status_code == 302
    assert "Trukket tilbage" in client.get("/min-plan/netvaerk/").content.decode()


def test_goals_of_another_plan_cannot_be_slipped_into_an_invitation(
    client, network_world, reauthenticate
):
    reauthenticate(client, network_world.citizen)
    response = client.post(
        INVITE, _form(network_world, goals=[network_world.other_goal.pk], send="1")
    )
    assert response.status_code == 200
    assert "Vælg kun blandt dine egne mål." in response.content.decode()
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(
    "name", ["Lene\nBcc: alle@example.dk", "Lene\r\nX", "Le\x1bne", "Lene\x07"]
)
def test_a_name_must_be_one_line_and_is_given_back(client, network_world, reauthenticate, name):
    reauthenticate(client, network_world.citizen)
    response = client.post(INVITE, _form(network_world, name=name, preview="1"))
    html = response.content.decode()
    assert "Skriv det på én linje, uden linjeskift eller usynlige tegn." in html
    assert 'value="Le' in html  # what she typed is still in the field
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_a_message_may_have_line_breaks_but_no_hidden_characters(
    client, network_world, reauthenticate
):
    reauthenticate(client, network_world.citizen)
    html = client.post(
        INVITE, _form(network_world, message="Hej Lene\n\nVil du?", preview="1")
    ).content.decode()
    assert "Det kan Lene se" in html
    html = client.post(
        INVITE, _form(network_world, message="Hej\x1b[31m Lene", preview="1")
    ).content.decode()
    assert "Teksten indeholder et usynligt tegn, som ikke kan gemmes. Fjern det." in html
