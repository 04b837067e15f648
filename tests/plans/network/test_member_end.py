"""How a network member's access ends, and what stays: a finished plan locks every member out on
the next request, whichever way it was archived, and they are told; a removed or left member
gets a plain page that says why, without plan data, while a stranger still gets 404; help a
former member gave stays as help from "et tidligere netværksmedlem"; the header links by role."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from plans import notices
from plans.errors import PlanRuleError
from plans.models import Comment, NetworkMembership, Notice, Offer, Plan, Relation
from plans.network import selectors, services
from tests.plans.factories import NETWORK_ACTIVITY_TITLES, admin_edit_data, citizen

pytestmark = pytest.mark.django_db

# What Lene sees of Mette's plan while she helps: none of it may show once her access ended.
PLAN_DATA = [
    "Jeg vil have et job",
    "Om jobbet",
    NETWORK_ACTIVITY_TITLES[0],
    "Kørsel til jobcentret",
]


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _archive_by_raw_update(plan):
    # As a data fix would: no model save, no service, no admin.
    Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.ARCHIVED)


def _member_urls(plan, goal):
    return [
        ("get", f"/jeg-hjaelper/{plan.pk}/"),
        ("get", f"/jeg-hjaelper/{plan.pk}/tilbyd-hjaelp/"),
        ("get", f"/jeg-hjaelper/{plan.pk}/forlad/"),
        ("post", f"/jeg-hjaelper/{plan.pk}/forlad/"),
        ("post", f"/jeg-hjaelper/{plan.pk}/maal/{goal.pk}/kommentar/"),
        ("post", f"/jeg-hjaelper/{plan.pk}/tilbyd-hjaelp/"),
    ]


@pytest.fixture
def helped(network_world, member):
    """Lene has offered a lift and Mette said yes: there is something of hers to see."""
    offer = services.offer_create(
        membership=member.membership,
        goal=network_world.shared_goal,
        kind="transport",
        what="Kørsel til jobcentret",
    )
    services.offer_answer(offer=offer, accepted=True)
    return offer


# --- A finished plan ----


def test_a_raw_update_to_archived_locks_the_member_out_on_the_next_request(
    network_world, member, helped
):
    lene = _client(member.user)
    assert (
        "Jeg vil have et job"
        in lene.get(f"/jeg-hjaelper/{network_world.plan.pk}/").content.decode()
    )

    _archive_by_raw_update(network_world.plan)

    response = lene.get(f"/jeg-hjaelper/{network_world.plan.pk}/")
    body = response.content.decode()
    assert response.status_code == 403
    assert "Planen er afsluttet" in body
    assert "Planen, du hjalp Mette med, er afsluttet." in body
    for text in PLAN_DATA:
        assert text not in body


def test_the_admin_archiving_locks_the_member_out(client, network_world, member, helped):
    client.force_login(network_world.coordinator)
    data = admin_edit_data(client, network_world.plan)
    data["status"] = Plan.Status.ARCHIVED
    response = client.post(reverse("planer:edit", args=[network_world.plan.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Plan.objects.get(pk=network_world.plan.pk).is_archived

    body = _client(member.user).get(f"/jeg-hjaelper/{network_world.plan.pk}/").content.decode()
    assert "Planen er afsluttet" in body
    assert "Jeg vil have et job" not in body


def test_on_a_finished_plan_nothing_a_member_does_is_written(network_world, member, helped):
    _archive_by_raw_update(network_world.plan)
    lene = _client(member.user)
    comments, offers = Comment.objects.count(), Offer.objects.count()
    for method, url in _member_urls(network_world.plan, network_world.shared_goal):
        data = {
            "body": "Hej",
            "goal": network_world.shared_goal.pk,
            "kind": "company",
            "what": "X",
        }
        response = lene.post(url, data) if method == "post" else lene.get(url)
        assert response.status_code == 403, url
        assert "Planen er afsluttet" in response.content.decode()
    assert (Comment.objects.count(), Offer.objects.count()) == (comments, offers)
    assert NetworkMembership.objects.get(pk=member.membership.pk).is_active  # not "left"


def test_the_services_refuse_a_members_writes_on_a_finished_plan(network_world, member):
    _archive_by_raw_update(network_world.plan)
    membership = NetworkMembership.objects.select_related("plan").get(pk=member.membership.pk)
    with pytest.raises(PlanRuleError, match="Planen er afsluttet"):
        services.offer_create(
            membership=membership, goal=network_world.shared_goal, kind="company", what="Kaffe"
        )
    with pytest.raises(PlanRuleError, match="Planen er afsluttet"):
        services.member_comment_add(
            membership=membership, goal=network_world.shared_goal, body="Hej"
        )
    assert not Offer.objects.exists()


def test_the_list_shows_a_finished_plan_without_a_link(network_world, member):
    _archive_by_raw_update(network_world.plan)
    body = _client(member.user).get("/jeg-hjaelper/").content.decode()
    assert "Du hjalp Mette. Planen er afsluttet." in body
    assert f'href="/jeg-hjaelper/{network_world.plan.pk}/"' not in body


def test_an_invitation_to_a_finished_plan_cannot_be_answered(client, network_world, invite):
    _invitation, link = invite(email="sofie@example.dk", name="Sofie")
    _archive_by_raw_update(network_world.plan)
    response = client.get(link)
    assert response.status_code == 404
    assert "Jeg vil have et job" not in response.content.decode()


# --- The notice ----


def test_archiving_holds_one_urgent_notice_per_active_member_without_a_link(network_world, member):
    bent = citizen(email="bent@example.dk", first_name="")
    removed = NetworkMembership.objects.create(
        plan=network_world.plan, user=bent, name="Bent", relation=Relation.FRIEND, whole_plan=True
    )
    services.membership_remove(membership=removed, by=network_world.citizen)
    Notice.objects.all().delete()
    plan = Plan.objects.get(pk=network_world.plan.pk)
    plan.status = Plan.Status.ARCHIVED
    plan.save()

    assert services.plan_archived_notify(plan=plan) == 1
    notice = Notice.objects.get()
    assert notice.recipient == member.user  # not Bent, who was removed before
    assert notice.kind == notices.PLAN_ARCHIVED
    assert notice.urgent
    assert notice.subject == "Planen, du hjalp Mette med, er afsluttet"
    assert notice.link == ""
    assert not any("Jeg vil have et job" in line for line in notice.lines)
    # Saved again as finished: nobody is told twice.
    assert services.plan_archived_notify(plan=plan) == 0
    assert Notice.objects.count() == 1


def test_only_a_finished_plan_can_be_announced_as_finished(network_world, member):
    with pytest.raises(PlanRuleError, match="Planen er ikke afsluttet"):
        services.plan_archived_notify(plan=network_world.plan)
    assert not Notice.objects.filter(kind=notices.PLAN_ARCHIVED).exists()


def test_the_member_gets_the_email_at_once(network_world, member):
    plan = Plan.objects.get(pk=network_world.plan.pk)
    plan.status = Plan.Status.ARCHIVED
    plan.save()
    services.plan_archived_notify(plan=plan)
    mail.outbox.clear()
    notices.notices_deliver()
    (message,) = mail.outbox
    assert message.to == ["lene@example.dk"]
    assert message.subject == "Fællesplan: Planen, du hjalp Mette med, er afsluttet"
    assert "/jeg-hjaelper/" not in message.body
    assert "Jeg vil have et job" not in message.body


# --- Removed or left ----


def test_a_removed_member_is_told_mette_closed_access_without_plan_data(
    network_world, member, helped
):
    services.membership_remove(membership=member.membership, by=network_world.citizen)
    lene = _client(member.user)
    for method, url in _member_urls(network_world.plan, network_world.shared_goal):
        response = lene.post(url, {"body": "Hej"}) if method == "post" else lene.get(url)
        body = response.content.decode()
        assert response.status_code == 403, url
        assert "Mette har lukket for din adgang" in body
        for text in PLAN_DATA:
            assert text not in body
    assert not Comment.objects.filter(body="Hej").exists()


def test_a_member_who_left_is_told_so(network_world, member):
    services.membership_leave(membership=member.membership)
    response = _client(member.user).get(f"/jeg-hjaelper/{network_world.plan.pk}/")
    assert response.status_code == 403
    assert "Du har forladt netværket omkring Mette" in response.content.decode()


def test_a_member_removed_and_invited_again_sees_the_plan(network_world, member, invite):
    services.membership_remove(membership=member.membership, by=network_world.citizen)
    invitation, _link = invite()
    services.invitation_accept(invitation=invitation, user=member.user)
    body = _client(member.user).get(f"/jeg-hjaelper/{network_world.plan.pk}/").content.decode()
    assert "Jeg vil have et job" in body


def test_a_stranger_still_gets_404_for_a_plan_they_never_had(network_world, member):
    karl = citizen(email="karl@example.dk", first_name="")
    NetworkMembership.objects.create(
        plan=network_world.other_plan, user=karl, name="Karl", relation=Relation.FRIEND
    )
    services.membership_remove(
        membership=NetworkMembership.objects.get(user=karl), by=network_world.other_citizen
    )
    karl_client = _client(karl)
    # Karl was in Ali's network, never in Mette's: her plan's pages do not exist for him.
    for method, url in _member_urls(network_world.plan, network_world.shared_goal):
        response = (
            karl_client.post(url, {"body": "Hej"}) if method == "post" else karl_client.get(url)
        )
        assert response.status_code == 404, url
    assert karl_client.get(f"/jeg-hjaelper/{2**70}/").status_code == 404
    assert selectors.ended_access(user=karl, plan_id=network_world.plan.pk) is None


# --- The help a former member gave stays ----


def test_accepted_help_of_a_removed_member_stays_as_from_a_former_member(
    client, network_world, member, helped
):
    services.membership_remove(membership=member.membership, by=network_world.citizen)

    client.force_login(network_world.citizen)
    body = client.get(reverse("plans:min_plan")).content.decode()
    assert "Kørsel til jobcentret</span> – et tidligere netværksmedlem" in body
    assert "– Lene" not in body

    client.force_login(network_world.coordinator)
    admin = client.get(reverse("planer:edit", args=[network_world.plan.pk])).content.decode()
    assert "Kørsel til jobcentret</span> – et tidligere netværksmedlem" in admin
    assert "et tidligere netværksmedlem, familie" not in admin


def test_accepted_help_of_an_active_member_names_them(client, network_world, member, helped):
    client.force_login(network_world.coordinator)
    admin = client.get(reverse("planer:edit", args=[network_world.plan.pk])).content.decode()
    assert "Kørsel til jobcentret</span> – Lene, familie" in admin


# --- The offer cue on Min plan ----


@pytest.mark.parametrize("waiting", [1, 2])
def test_min_plan_says_how_many_offers_wait_for_an_answer(client, network_world, member, waiting):
    for n in range(waiting):
        services.offer_create(
            membership=member.membership,
            goal=network_world.shared_goal,
            kind="company",
            what=f"K{n}",
        )
    client.force_login(network_world.citizen)
    body = client.get(reverse("plans:min_plan")).content.decode()
    assert f"{waiting} tilbud venter på dit svar" in body
    assert 'href="/min-plan/netvaerk/#tilbud-titel"' in body


def test_no_cue_when_no_offer_waits(client, network_world, member, helped):
    # The one offer is answered; a removed member's waiting offer cannot be answered any more.
    services.offer_create(
        membership=member.membership, goal=network_world.shared_goal, kind="company", what="K"
    )
    services.membership_remove(membership=member.membership, by=network_world.citizen)
    client.force_login(network_world.citizen)
    assert "venter på dit svar" not in client.get(reverse("plans:min_plan")).content.decode()


# --- The header ----
# On the public home page the header reads what the session keeps; on Min plan and the member's
# pages it comes from those pages' own query.


def _header(client, url="/"):
    body = client.get(url).content.decode()
    return body[body.index('<header class="site-header">') : body.index("</header>")]


def test_a_person_who_only_helps_sees_plans_i_help_with_not_min_plan(
    demo_site, network_world, member
):
    header = _header(_client(member.user))
    assert 'href="/jeg-hjaelper/">Planer, jeg hjælper med</a>' in header
    assert "Min plan" not in header


def test_a_citizen_sees_min_plan_only(demo_site, network_world):
    header = _header(_client(network_world.citizen))
    assert 'href="/min-plan/">Min plan</a>' in header
    assert "Planer, jeg hjælper med" not in header


def test_a_citizen_who_also_helps_sees_both(demo_site, network_world):
    NetworkMembership.objects.create(
        plan=network_world.plan,
        user=network_world.other_citizen,
        name="Ali",
        relation=Relation.FRIEND,
    )
    for url in ("/", "/min-plan/", f"/jeg-hjaelper/{network_world.plan.pk}/"):
        header = _header(_client(network_world.other_citizen), url)
        assert 'href="/min-plan/">Min plan</a>' in header, url
        assert 'href="/jeg-hjaelper/">Planer, jeg hjælper med</a>' in header, url


def test_the_header_follows_a_removal_once_the_person_opens_their_list(
    demo_site, network_world, member
):
    lene = _client(member.user)
    assert "Planer, jeg hjælper med" in _header(lene)
    services.membership_remove(membership=member.membership, by=network_world.citizen)
    assert "Planer, jeg hjælper med" not in _header(lene, "/jeg-hjaelper/")
    assert 'href="/min-plan/">Min plan</a>' in _header(lene)
