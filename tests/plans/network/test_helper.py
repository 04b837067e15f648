"""The trusted helper: Mette asks Lene (her sister, who sees one goal) to help with the whole
plan; Lene says yes after reading what it means; Lene reads everything, writes for Mette and
answers offers for her, each marked and logged; Mette ends it and Lene's next request is shut.
Through the real views, as a person or an attacker would notice."""

import pytest
from django.core import mail
from django.db import IntegrityError
from django.test import Client
from django.urls import reverse

from plans.errors import PlanRuleError
from plans.models import (
    AccessLogEntry,
    Comment,
    NetworkMembership,
    Notice,
    Offer,
    Plan,
    Relation,
)
from plans.network import selectors, services
from tests.plans.factories import citizen

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _log(plan):
    return list(AccessLogEntry.objects.filter(plan=plan).order_by("pk"))


@pytest.fixture
def helper(network_world, member):
    """Lene, asked and accepted: Mette's helper, who may not see the access log."""
    services.helper_ask(
        membership=member.membership, by=network_world.citizen, sees_access_log=False
    )
    services.helper_accept(membership=member.membership)
    member.membership.refresh_from_db()
    mail.outbox.clear()
    return member


# --- Asking and answering ----


def test_the_citizen_is_asked_for_her_password_before_giving_the_role(
    client, network_world, member, reauthenticate
):
    url = f"/min-plan/netvaerk/medlemmer/{member.membership.pk}/hjaelper/"
    client.force_login(network_world.citizen)
    response = client.post(url, {"sees_access_log": "yes"})
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/reauthenticate/")
    member.membership.refresh_from_db()
    assert member.membership.helper_asked_at is None

    reauthenticate(client, network_world.citizen)
    page = client.get(url).content.decode()
    # The plain explanation before she says yes: what a helper can and cannot do.
    assert "Det kan en hjælper" in page and "Det kan en hjælper ikke" in page
    assert "Rollen starter først, når Lene har sagt ja." in page
    response = client.post(url, {"sees_access_log": "yes"})
    assert response.status_code == 302
    member.membership.refresh_from_db()
    assert member.membership.helper_asked_at is not None
    assert member.membership.helper_since is None  # not before Lene says yes
    assert member.membership.helper_sees_access_log
    # Lene is told, with a link to the explanation, and cannot see the plan yet.
    notice = Notice.objects.get(recipient=member.user, kind="helper_asked")
    assert notice.link.endswith(f"/hjaelper/{network_world.plan.pk}/svar/")
    lene = _client(member.user)
    assert lene.get(f"/hjaelper/{network_world.plan.pk}/").status_code == 404


def test_the_member_reads_what_it_means_and_the_role_starts_when_she_says_yes(
    network_world, member
):
    services.helper_ask(
        membership=member.membership, by=network_world.citizen, sees_access_log=False
    )
    lene = _client(member.user)
    answer_url = f"/hjaelper/{network_world.plan.pk}/svar/"
    page = lene.get(answer_url).content.decode()
    assert "Vil du være hjælper for Mette?" in page
    assert "Det kan en hjælper ikke" in page
    assert "Se, hvem der har set planen." in page  # listed under "cannot": Mette said no
    response = lene.post(answer_url, {"action": "accept"})
    assert response["Location"] == f"/hjaelper/{network_world.plan.pk}/"
    member.membership.refresh_from_db()
    assert member.membership.is_helper
    assert Notice.objects.filter(recipient=network_world.citizen, kind="helper_started").exists()
    # The link in the email, clicked again, leads to the plan, not to an error.
    assert lene.get(answer_url)["Location"] == f"/hjaelper/{network_world.plan.pk}/"


def test_saying_no_thanks_keeps_the_membership_as_it_was(network_world, member):
    services.helper_ask(
        membership=member.membership, by=network_world.citizen, sees_access_log=True
    )
    lene = _client(member.user)
    lene.post(f"/hjaelper/{network_world.plan.pk}/svar/", {"action": "decline"})
    member.membership.refresh_from_db()
    assert member.membership.is_active and not member.membership.is_helper
    assert member.membership.helper_asked_at is None
    assert not member.membership.helper_sees_access_log
    assert lene.get(f"/hjaelper/{network_world.plan.pk}/").status_code == 404
    assert Notice.objects.filter(recipient=network_world.citizen, kind="helper_declined").exists()


def test_one_helper_per_plan(network_world, member, helper):
    bent = NetworkMembership.objects.create(
        plan=network_world.plan,
        user=citizen(email="bent@example.dk", first_name=""),
        name="Bent",
        relation=Relation.NEIGHBOUR,
    )
    with pytest.raises(PlanRuleError, match="Du har allerede spurgt Lene"):
        services.helper_ask(membership=bent, by=network_world.citizen, sees_access_log=False)
    # And the database says so too, whatever path writes.
    with pytest.raises(IntegrityError):
        NetworkMembership.objects.filter(pk=bent.pk).update(helper_asked_at="2030-01-01T00:00Z")


# --- What the helper sees ----


def test_the_helper_sees_the_whole_plan_under_the_banner_and_the_read_is_logged(
    network_world, helper
):
    before = len(_log(network_world.plan))
    html = _client(helper.user).get(f"/hjaelper/{network_world.plan.pk}/").content.decode()
    assert "Du hjælper Mette med planen" in html
    assert 'href="/jeg-hjaelper/"' in html  # the way back
    # Everything Mette sees: every goal, activity, the decision, the comments.
    for text in [
        network_world.plan.what_matters,
        "Jeg vil have et job",
        "Jeg vil drikke mindre",  # outside Lene's member scope: the helper sees it
        "Samtaler på Rusmiddelcentret",
        "Afgørelse om ressourceforløb",
        "Om at drikke mindre",
        "Anne Holm",
    ]:
        assert text in html, text
    # Not the access log, and no link into Mette's own pages.
    assert "/min-plan/" not in html
    assert "hvem-har-set" not in html
    (entry,) = _log(network_world.plan)[before:]
    assert (entry.actor_name, entry.actor_kind, entry.action) == ("Lene", "network", "read")
    assert entry.what == "hele planen (som hjælper)"


def test_the_access_log_only_when_the_citizen_allowed_it(network_world, helper):
    lene = _client(helper.user)
    url = f"/hjaelper/{network_world.plan.pk}/hvem-har-set/"
    assert lene.get(url).status_code == 404
    NetworkMembership.objects.filter(pk=helper.membership.pk).update(helper_sees_access_log=True)
    response = lene.get(url)
    assert response.status_code == 200
    assert "Sagde ja til at være hjælper" in response.content.decode()
    assert _log(network_world.plan)[-1].what == "hvem der har set planen (som hjælper)"


# --- What the helper writes, for her ----


def test_a_comment_for_mette_is_marked_for_everyone_and_logged(network_world, helper):
    lene = _client(helper.user)
    response = lene.post(
        f"/hjaelper/{network_world.plan.pk}/kommentar/",
        {"body": "Mette vil gerne flytte mødet.", "goal": network_world.private_goal.pk},
    )
    assert response.status_code == 302
    comment = Comment.objects.get(body="Mette vil gerne flytte mødet.")
    assert (comment.author, comment.author_name, comment.on_behalf_of_name) == (
        helper.user,
        "Lene",
        "Mette",
    )
    assert comment.display_author == "Lene for Mette"
    entry = _log(network_world.plan)[-1]
    assert entry.action == "write" and entry.actor_name == "Lene"
    assert entry.what == "skrev en kommentar til målet: Jeg vil drikke mindre (som hjælper)"
    # Mette reads "for dig"; the coordinator reads "for Mette".
    mette = _client(network_world.citizen).get(f"/min-plan/maal/{network_world.private_goal.pk}/")
    assert "Skrevet af <strong>Lene</strong> for dig" in mette.content.decode()
    staff = _client(network_world.coordinator).get(
        reverse("plans_admin:comments", args=[network_world.plan.pk])
    )
    assert staff.status_code == 200
    assert "Lene for Mette" in staff.content.decode()
    # Mette is told, as for any comment.
    assert Notice.objects.filter(recipient=network_world.citizen, kind="comment").exists()


def test_a_comment_on_a_goal_of_another_plan_is_404(network_world, helper):
    lene = _client(helper.user)
    for goal in [network_world.other_goal.pk, "abc", 2**70]:
        response = lene.post(
            f"/hjaelper/{network_world.plan.pk}/kommentar/", {"body": "Hej", "goal": goal}
        )
        assert response.status_code == 404
    assert not Comment.objects.filter(body="Hej").exists()


@pytest.fixture
def offer_from_bent(network_world):
    bent = NetworkMembership.objects.create(
        plan=network_world.plan,
        user=citizen(email="bent@example.dk", first_name=""),
        name="Bent",
        relation=Relation.NEIGHBOUR,
        whole_plan=True,
    )
    return services.offer_create(
        membership=bent, goal=network_world.shared_goal, kind="transport", what="Kørsel"
    )


def test_the_helper_answers_an_offer_for_mette(network_world, helper, offer_from_bent):
    lene = _client(helper.user)
    url = f"/hjaelper/{network_world.plan.pk}/tilbud/{offer_from_bent.pk}/svar/"
    lene.post(url, {"answer_with": "yes", "answer": "Tak fra Mette"})
    offer_from_bent.refresh_from_db()
    assert offer_from_bent.status == Offer.Status.ACCEPTED
    assert offer_from_bent.answered_by_name == "Lene"
    assert _log(network_world.plan)[-1].what == "sagde ja tak til hjælp fra Bent (som hjælper)"
    page = _client(network_world.citizen).get("/min-plan/netvaerk/").content.decode()
    assert "Svaret af Lene for dig" in page
    # Answered once: a second answer is refused, a foreign offer id is 404.
    assert lene.post(url, {"answer_with": "no"}).status_code == 404
    assert lene.post(f"/hjaelper/{network_world.plan.pk}/tilbud/abc/svar/", {}).status_code == 404


def test_the_helper_cannot_answer_her_own_offer(network_world, helper):
    own = services.offer_create(
        membership=helper.membership, goal=network_world.shared_goal, kind="company", what="Kaffe"
    )
    lene = _client(helper.user)
    lene.post(f"/hjaelper/{network_world.plan.pk}/tilbud/{own.pk}/svar/", {"answer_with": "yes"})
    own.refresh_from_db()
    assert own.status == Offer.Status.WAITING


# --- Ending ----


def test_mette_ends_the_role_at_once_and_the_next_request_is_shut(network_world, helper):
    lene = _client(helper.user)
    url = f"/hjaelper/{network_world.plan.pk}/"
    assert lene.get(url).status_code == 200
    # No password needed to take power away.
    mette = _client(network_world.citizen)
    response = mette.post(f"/min-plan/netvaerk/medlemmer/{helper.membership.pk}/hjaelper/stop/")
    assert response.status_code == 302
    # The very next request, in the same session (nothing cached in it keeps the role).
    response = lene.get(url)
    assert response.status_code == 403
    body = response.content.decode()
    assert "Du er ikke længere hjælper for Mette" in body
    assert "Jeg vil drikke mindre" not in body and network_world.plan.what_matters not in body
    assert lene.post(url + "kommentar/", {"body": "Hej"}).status_code == 403
    assert not Comment.objects.filter(body="Hej").exists()
    # Still in the network with the scope Mette gave her.
    assert lene.get(f"/jeg-hjaelper/{network_world.plan.pk}/").status_code == 200
    notice = Notice.objects.get(recipient=helper.user, kind="helper_ended")
    assert notice.urgent
    ended = AccessLogEntry.objects.get(plan=network_world.plan, what="Stoppede Lene som hjælper")
    assert ended.actor == network_world.citizen
    assert selectors.helper_for_plan(network_world.plan) is None


@pytest.mark.parametrize("how", ["removed", "left", "archived"])
def test_the_role_ends_with_the_membership_and_with_the_plan(network_world, helper, how):
    if how == "removed":
        services.membership_remove(membership=helper.membership, by=network_world.citizen)
        heading = "Mette har lukket for din adgang"
    elif how == "left":
        services.membership_leave(membership=helper.membership)
        heading = "Du har forladt netværket omkring Mette"
    else:
        # Finished by a bare UPDATE: the reading rule alone must shut the door.
        Plan.objects.filter(pk=network_world.plan.pk).update(status=Plan.Status.ARCHIVED)
        heading = "Planen er afsluttet"
    response = _client(helper.user).get(f"/hjaelper/{network_world.plan.pk}/")
    assert response.status_code == 403
    assert heading in response.content.decode()
    assert selectors.helper_for_plan(network_world.plan) is None
    assert selectors.acting_helper(helper.user, network_world.plan) is None


def test_an_archived_plan_takes_no_new_helper(network_world, member):
    Plan.objects.filter(pk=network_world.plan.pk).update(status=Plan.Status.ARCHIVED)
    plan = Plan.objects.get(pk=network_world.plan.pk)
    membership = NetworkMembership.objects.get(pk=member.membership.pk)
    with pytest.raises(PlanRuleError):
        services.helper_ask(membership=membership, by=network_world.citizen, sees_access_log=False)
    assert plan.is_archived


def test_the_seams_name_the_helper(network_world, helper, member):
    assert selectors.helper_for_plan(network_world.plan) == helper.membership
    assert selectors.acting_helper(helper.user, network_world.plan) == helper.membership
    assert selectors.acting_helper(network_world.citizen, network_world.plan) is None
    assert selectors.acting_helper(helper.user, network_world.other_plan) is None


def test_the_helper_page_reads_a_bigger_plan_in_the_same_number_of_queries(
    network_world, helper, offer_from_bent
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from plans.models import Goal
    from tests.plans.factories import written_over_time

    lene = _client(helper.user)
    url = f"/hjaelper/{network_world.plan.pk}/"

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert lene.get(url).status_code == 200
        return len(queries.captured_queries)

    # The first pages fill the session and the site's page cache; count once they are warm.
    count()
    count()
    small = count()
    with written_over_time():
        for n in range(5):
            goal = Goal.objects.create(plan=network_world.plan, text=f"Mål {n}", sort_order=10 + n)
            services.helper_comment_add(
                membership=helper.membership, body=f"For dig {n}", goal=goal
            )
            services.member_comment_add(
                membership=offer_from_bent.membership, goal=goal, body=f"Fra Bent {n}"
            )
    count()
    assert count() == small
