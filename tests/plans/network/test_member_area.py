"""The member's side ("Planer, jeg hjælper med"), offers of help, and ending access."""

import pytest
from django.core import mail

from plans.models import AccessLogEntry, AuthorRole, Comment, NetworkMembership, Notice, Offer
from plans.network import services
from plans.services import comment_add
from tests.plans.factories import NETWORK_ACTIVITY_TITLES as TITLES
from tests.plans.factories import deliver_digests

pytestmark = pytest.mark.django_db


def _page(member, network_world):
    return f"/jeg-hjaelper/{network_world.plan.pk}/"


def test_the_member_sees_only_the_shared_goal_and_every_read_is_logged(
    client, network_world, member
):
    client.force_login(member.user)
    before = AccessLogEntry.objects.filter(plan=network_world.plan).count()

    response = client.get(_page(member, network_world))
    html = response.content.decode()

    assert response.status_code == 200
    assert "Du hjælper Mette" in html
    assert "Jeg vil have et job" in html and TITLES[0] in html and "Om jobbet" in html
    for hidden in [
        "Jeg vil drikke mindre",
        TITLES[1],
        "Om at drikke mindre",
        "Jeg vil se mine",
        TITLES[2],
        "Fortrolig beskrivelse",
        "Afgørelse om",
        "Hemmelig forklaring",
        "mette@example.dk",
        "koordinator@example.dk",
        "Et job.",
    ]:
        assert hidden not in html
    entry = AccessLogEntry.objects.filter(plan=network_world.plan).latest("pk")
    assert AccessLogEntry.objects.filter(plan=network_world.plan).count() == before + 1
    assert (entry.actor_kind, entry.action, entry.actor_name) == ("network", "read", "Lene")
    assert "Jeg vil have et job" in entry.what

    listing = client.get("/jeg-hjaelper/").content.decode()
    assert f'href="/jeg-hjaelper/{network_world.plan.pk}/"' in listing


def test_whole_plan_scope_shows_all_goals_but_never_decisions(client, network_world, invite):
    from tests.plans.factories import citizen

    invitation, _ = invite(whole_plan=True, goals=[])
    user = citizen(email="lene@example.dk", first_name="")
    services.invitation_accept(invitation=invitation, user=user)
    client.force_login(user)
    html = client.get(f"/jeg-hjaelper/{network_world.plan.pk}/").content.decode()
    for text in ["Jeg vil have et job", "Jeg vil drikke mindre", "Jeg vil se mine børn mere"]:
        assert text in html
    assert "Afgørelse om" not in html and "Fortrolig beskrivelse" not in html


def test_a_member_comments_under_the_name_the_citizen_gave(client, network_world, member):
    client.force_login(member.user)
    url = f"/jeg-hjaelper/{network_world.plan.pk}/maal/{network_world.shared_goal.pk}/kommentar/"
    response = client.post(url, {"body": "Jeg kan <b>godt</b> hjælpe <script>x()</script>"})
    assert response.status_code == 302
    comment = Comment.objects.latest("pk")
    assert (comment.author_role, comment.author_name, comment.goal) == (
        AuthorRole.NETWORK,
        "Lene",
        network_world.shared_goal,
    )
    assert "<script>" not in comment.body_html
    html = client.get(f"/jeg-hjaelper/{network_world.plan.pk}/").content.decode()
    assert "<strong>Lene</strong>" in html and "lene@example.dk" not in html


def test_an_empty_comment_keeps_the_page_and_says_why(client, network_world, member):
    client.force_login(member.user)
    url = f"/jeg-hjaelper/{network_world.plan.pk}/maal/{network_world.shared_goal.pk}/kommentar/"
    response = client.post(url, {"body": "   "})
    assert response.status_code == 400
    assert "Skriv din kommentar" in response.content.decode()
    long_text = "ord " * 600
    response = client.post(url, {"body": long_text})
    assert response.status_code == 400
    assert long_text.strip() in response.content.decode()


def test_a_member_cannot_comment_on_a_goal_outside_the_scope(client, network_world, member):
    client.force_login(member.user)
    for goal in (network_world.private_goal, network_world.other_goal):
        url = f"/jeg-hjaelper/{network_world.plan.pk}/maal/{goal.pk}/kommentar/"
        assert client.post(url, {"body": "Hej"}).status_code == 404
    assert not Comment.objects.filter(author=member.user).exists()


def test_offer_accept_and_it_shows_in_the_plan(
    client, network_world, member, django_capture_on_commit_callbacks
):
    client.force_login(member.user)
    url = f"/jeg-hjaelper/{network_world.plan.pk}/tilbyd-hjaelp/"
    form = client.get(url + f"?maal={network_world.shared_goal.pk}").content.decode()
    assert "Jeg vil have et job" in form and "Jeg vil drikke mindre" not in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "goal": network_world.shared_goal.pk,
                "kind": "transport",
                "what": "Jeg kører dig til jobsamtalen",
                "when": "Tirsdag kl. 9",
            },
        )
    assert response.status_code == 302
    offer = Offer.objects.get()
    assert (offer.membership, offer.goal, offer.status) == (
        member.membership,
        network_world.shared_goal,
        Offer.Status.WAITING,
    )
    assert mail.outbox == []  # Mette gets it in her morning digest (her default)
    deliver_digests()
    (message,) = [m for m in mail.outbox if m.to == ["mette@example.dk"]]
    assert "Lene tilbyder" in message.body
    assert "jobsamtalen" not in message.body  # who, never what, in an inbox

    client.force_login(network_world.citizen)
    network = client.get("/min-plan/netvaerk/").content.decode()
    assert "Jeg kører dig til jobsamtalen" in network
    response = client.post(
        f"/min-plan/netvaerk/tilbud/{offer.pk}/svar/",
        {"answer_with": "yes", "answer": "Tusind tak!"},
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert (offer.status, offer.answer) == (Offer.Status.ACCEPTED, "Tusind tak!")

    client.force_login(member.user)
    assert "Tusind tak!" in client.get(_page(member, network_world)).content.decode()


def test_offers_for_goals_outside_the_scope_are_refused(client, network_world, member):
    client.force_login(member.user)
    response = client.post(
        f"/jeg-hjaelper/{network_world.plan.pk}/tilbyd-hjaelp/",
        {"goal": network_world.private_goal.pk, "kind": "transport", "what": "Kørsel"},
    )
    assert response.status_code == 400
    assert "Vælg et af de mål, du kan se." in response.content.decode()
    assert not Offer.objects.exists()


def test_removing_a_member_ends_access_on_the_next_request(
    client, network_world, member, reauthenticate, django_capture_on_commit_callbacks
):
    member_client = client.__class__()
    member_client.force_login(member.user)
    assert member_client.get(_page(member, network_world)).status_code == 200

    reauthenticate(client, network_world.citizen)
    url = f"/min-plan/netvaerk/medlemmer/{member.membership.pk}/fjern/"
    assert "Fjern Lene fra dit netværk?" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302

    member.membership.refresh_from_db()
    assert member.membership.status == NetworkMembership.Status.REMOVED
    for path in [
        _page(member, network_world),
        f"/jeg-hjaelper/{network_world.plan.pk}/tilbyd-hjaelp/",
        f"/jeg-hjaelper/{network_world.plan.pk}/forlad/",
    ]:
        # Told why, and shown nothing of the plan (a stranger would get 404).
        response = member_client.get(path)
        assert response.status_code == 403
        html = response.content.decode()
        assert "Mette har lukket for din adgang" in html
        assert "Jeg vil have et job" not in html and "Jobsamtaler" not in html
    comment_url = (
        f"/jeg-hjaelper/{network_world.plan.pk}/maal/{network_world.shared_goal.pk}/kommentar/"
    )
    assert member_client.post(comment_url, {"body": "Hej"}).status_code == 403
    assert not Comment.objects.filter(body="Hej").exists()
    entry = AccessLogEntry.objects.filter(plan=network_world.plan).latest("pk")
    assert entry.what == "Fjernede Lene fra netværket"
    assert entry.actor_kind == "citizen"
    # Urgent: at once, though Lene's setting is the daily digest.
    (message,) = mail.outbox
    assert message.to == ["lene@example.dk"] and "ikke længere med" in message.subject


def test_removing_asks_for_the_password_again(client, network_world, member):
    client.force_login(network_world.citizen)
    url = f"/min-plan/netvaerk/medlemmer/{member.membership.pk}/fjern/"
    response = client.post(url)
    assert response.status_code == 302 and "/konto/reauthenticate/" in response["Location"]
    member.membership.refresh_from_db()
    assert member.membership.is_active


def test_a_member_may_leave(client, network_world, member):
    client.force_login(member.user)
    url = f"/jeg-hjaelper/{network_world.plan.pk}/forlad/"
    assert "Meld dig ud" in client.get(url).content.decode()
    assert client.post(url)["Location"] == "/jeg-hjaelper/"
    response = client.get(_page(member, network_world))
    assert response.status_code == 403
    assert "Du har forladt netværket omkring Mette" in response.content.decode()
    assert "Jeg vil have et job" not in response.content.decode()
    entry = AccessLogEntry.objects.filter(plan=network_world.plan).latest("pk")
    assert (entry.what, entry.actor_name) == ("Forlod netværket", "Lene")


def test_accepted_help_shows_under_the_goal_for_the_citizen_and_for_staff(
    client, network_world, member
):
    waiting = services.offer_create(
        membership=member.membership, goal=network_world.shared_goal, kind="company", what="Gåtur"
    )
    accepted = services.offer_create(
        membership=member.membership,
        goal=network_world.shared_goal,
        kind="transport",
        what="Kørsel til jobsamtalen",
    )
    services.offer_answer(offer=accepted, accepted=True, answer="Tak")

    client.force_login(network_world.citizen)
    html = client.get("/min-plan/").content.decode()
    assert "Mit netværk hjælper med" in html and "Kørsel til jobsamtalen" in html
    assert waiting.what not in html

    client.force_login(network_world.coordinator)
    html = client.get(f"/admin/planer/edit/{network_world.plan.pk}/").content.decode()
    assert "Netværket hjælper med" in html and "Kørsel til jobsamtalen" in html
    assert "Lene, familie" in html

    # Once Lene is removed, the help she gave stays in the plan, from "et tidligere
    # netværksmedlem": the citizen decided who sees her plan, not what happened in it.
    services.membership_remove(membership=member.membership, by=network_world.citizen)
    html = client.get(f"/admin/planer/edit/{network_world.plan.pk}/").content.decode()
    assert "Kørsel til jobsamtalen" in html and "Lene, familie" not in html
    client.force_login(network_world.citizen)
    html = client.get("/min-plan/").content.decode()
    assert "Kørsel til jobsamtalen</span> – et tidligere netværksmedlem" in html


def test_offers_within_an_hour_all_reach_the_citizen_in_one_digest(
    network_world, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for what in ["Kaffe", "Te", "Kage"]:
            services.offer_create(
                membership=member.membership,
                goal=network_world.shared_goal,
                kind="company",
                what=what,
            )
    assert mail.outbox == []
    deliver_digests()
    (digest,) = [m for m in mail.outbox if m.to == ["mette@example.dk"]]
    assert digest.body.count("Lene tilbyder at hjælpe dig") == 3
    assert not any(what in digest.body for what in ["Kaffe", "Te ", "Kage"])


def _told_about_comments(plan):
    return sorted(
        Notice.objects.filter(plan=plan, kind="comment_network").values_list(
            "recipient__email", flat=True
        )
    )


def test_members_who_see_a_goal_hear_of_new_comments_on_it(network_world, member):
    from tests.plans.factories import citizen

    bent = citizen(email="bent@example.dk", first_name="")
    NetworkMembership.objects.create(
        plan=network_world.plan, user=bent, name="Bent", relation="neighbour", whole_plan=True
    )
    comment_add(
        plan=network_world.plan,
        author=network_world.citizen,
        author_role="citizen",
        body="Nyt",
        goal=network_world.shared_goal,
    )
    assert _told_about_comments(network_world.plan) == ["bent@example.dk", "lene@example.dk"]
    deliver_digests()
    assert sorted(m.to[0] for m in mail.outbox if "hjælper Mette med" in m.subject) == [
        "bent@example.dk",
        "lene@example.dk",
    ]
    assert all("Nyt" not in m.body for m in mail.outbox)  # who, never what

    Notice.objects.all().delete()
    comment_add(
        plan=network_world.plan,
        author=network_world.citizen,
        author_role="citizen",
        body="Privat",
        goal=network_world.private_goal,
    )
    assert _told_about_comments(network_world.plan) == ["bent@example.dk"]

    Notice.objects.all().delete()
    services.member_comment_add(
        membership=member.membership, goal=network_world.shared_goal, body="Fra Lene"
    )
    assert _told_about_comments(network_world.plan) == ["bent@example.dk"]
