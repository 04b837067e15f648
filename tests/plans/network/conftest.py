"""Fixtures for the network tests: network_world is the plans world (tests.plans.factories) with
goals, activities, comments and people around Mette."""

from types import SimpleNamespace

import pytest
from django.core import mail

from plans.models import Activity, Decision, Goal, Relation
from plans.network import services
from plans.services import comment_add
from tests.plans.factories import INVITATION_LINK, NETWORK_ACTIVITY_TITLES, build_world, citizen


@pytest.fixture
def network_world(db):
    """build_world plus three goals on Mette's plan: one to share, one to keep private, and one
    more; an activity and a comment on each; a decision; Ali's plan with a goal of its own."""
    w = build_world()
    job, social, _health = w.departments
    texts = ["Jeg vil have et job", "Jeg vil drikke mindre", "Jeg vil se mine børn mere"]
    w.goals = [
        Goal.objects.create(plan=w.plan, text=text, written_by="citizen", sort_order=n)
        for n, text in enumerate(texts)
    ]
    w.shared_goal, w.private_goal = w.goals[0], w.goals[1]
    w.activities = [
        Activity.objects.create(
            plan=w.plan,
            goal=goal,
            department=[job, social, social][n],
            title=NETWORK_ACTIVITY_TITLES[n],
            description=f"Fortrolig beskrivelse {n}",
            responsible=w.coordinator_profile,
        )
        for n, goal in enumerate(w.goals)
    ]
    Decision.objects.create(
        plan=w.plan,
        title="Afgørelse om ressourceforløb",
        explanation="Hemmelig forklaring",
        meaning="Du får hjælp.",
        how_to_complain="Skriv til os.",
        complaint_deadline="2030-01-01",
        contact=w.coordinator_profile,
    )

    comment_add(
        plan=w.plan, author=w.citizen, author_role="citizen", body="Om jobbet", goal=w.shared_goal
    )
    comment_add(
        plan=w.plan,
        author=w.citizen,
        author_role="citizen",
        body="Om at drikke mindre",
        goal=w.private_goal,
    )
    w.other_goal = Goal.objects.create(plan=w.other_plan, text="Alis eget mål", sort_order=0)
    return w


@pytest.fixture
def invite(network_world):
    """Send an invitation the way the citizen does and return (invitation, link path)."""

    def invite(*, name="Lene", email="lene@example.dk", goals=None, whole_plan=False):
        mail.outbox.clear()
        invitation = services.invitation_send(
            plan=network_world.plan,
            invited_by=network_world.citizen,
            name=name,
            email=email,
            relation=Relation.FAMILY,
            whole_plan=whole_plan,
            goals=[network_world.shared_goal] if goals is None else goals,
            message="Du er god til at køre bil.",
        )
        (message,) = mail.outbox
        return invitation, INVITATION_LINK.search(message.body).group(1)

    return invite


@pytest.fixture
def member(network_world, invite):
    """Lene, Mette's sister: accepted, sees the first goal only."""
    user = citizen(email="lene@example.dk", first_name="")
    invitation, _link = invite()
    membership = services.invitation_accept(invitation=invitation, user=user)
    mail.outbox.clear()
    return SimpleNamespace(user=user, membership=membership)


@pytest.fixture
def reauthenticate(demo_password):
    """Log in and confirm the password again, as allauth asks before inviting or removing."""

    def reauthenticate(client, user):
        client.force_login(user)
        response = client.post("/konto/reauthenticate/", {"password": demo_password})
        assert response.status_code == 302, response.content.decode()[:500]

    return reauthenticate
