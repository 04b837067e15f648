"""A plan's own history: what staff change in the admin, the citizen's own goals and her network's
comings and goings, each one plain line, shown to the plan's team on the admin's History page and
never in Wagtail's site-wide reports."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from plans.models import AccessLogEntry, Offer, PlanEvent, Relation
from plans.network import services as network
from plans.services import goal_add_by_citizen, goal_edit_by_citizen
from tests.plans.factories import INVITATION_LINK, admin_edit_data, admin_row, citizen


@pytest.fixture
def coordinator_client(client, mettes):
    client.force_login(mettes.coordinator)
    return client


def _save(client, plan, data):
    response = client.post(reverse("planer:edit", args=[plan.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def _lines(plan):
    return list(PlanEvent.objects.filter(plan=plan).values_list("actor_name", "what"))


def test_a_save_without_changes_adds_nothing(coordinator_client, mettes):
    _save(coordinator_client, mettes.plan, admin_edit_data(coordinator_client, mettes.plan))
    assert _lines(mettes.plan) == []


def test_an_admin_save_is_told_line_by_line(coordinator_client, mettes):
    plan = mettes.plan
    meeting = plan.meetings.get()
    data = admin_edit_data(coordinator_client, plan)
    data["status"] = "archived"
    data["what_matters"] = "At få ro på"
    # The meeting moves to 10 December at 10.
    row = admin_row(data, "meetings", meeting.pk)
    data[f"{row}-starts_at"] = "2026-12-10 10:00"
    # The activity is removed.
    row = admin_row(data, "activities", mettes.activity.pk)
    data[f"{row}-DELETE"] = "1"
    # A decision is added.
    n = int(data["decisions-TOTAL_FORMS"])
    data["decisions-TOTAL_FORMS"] = str(n + 1)
    data.update(
        {
            f"decisions-{n}-title": "Du får en mentor",
            f"decisions-{n}-decided_on": "2026-12-01",
            f"decisions-{n}-explanation": "Fordi det hjælper dig i gang",
            f"decisions-{n}-meaning": "En mentor ringer til dig",
            f"decisions-{n}-how_to_complain": "Ring til mig",
            f"decisions-{n}-complaint_deadline": "2026-12-29",
            f"decisions-{n}-contact": str(mettes.coordinator_profile.pk),
        }
    )
    _save(coordinator_client, plan, data)

    decision = plan.decisions.get(title="Du får en mentor")
    events = {event.what: event for event in PlanEvent.objects.filter(plan=plan)}
    assert set(events) == {
        "Ændrede status fra Aktiv til Afsluttet",
        "Ændrede det vigtigste for borgeren",
        "Flyttede mødet til 10. december kl. 10.00",
        "Fjernede indsatsen: Indsats 0",
        "Tilføjede afgørelsen: Du får en mentor",
    }
    assert {event.actor_name for event in events.values()} == {"Anne Holm"}
    assert {event.actor_kind for event in events.values()} == {"staff"}
    assert events["Tilføjede afgørelsen: Du får en mentor"].anchor == f"afgoerelse-{decision.pk}"
    assert events["Flyttede mødet til 10. december kl. 10.00"].anchor == "naeste-skridt"
    assert events["Ændrede det vigtigste for borgeren"].anchor == "vigtigst"


def test_an_admin_edit_of_a_row_names_it_and_a_new_meeting_says_when(coordinator_client, mettes):
    plan = mettes.plan
    goal = plan.goals.get(text="Mål nummer 0")
    data = admin_edit_data(coordinator_client, plan)
    row = admin_row(data, "activities", mettes.activity.pk)
    data[f"{row}-next_step"] = "Ring til Jobcentret"
    row = admin_row(data, "goals", goal.pk)
    data[f"{row}-status"] = "reached"
    n = int(data["meetings-TOTAL_FORMS"])
    data["meetings-TOTAL_FORMS"] = str(n + 1)
    data[f"meetings-{n}-starts_at"] = "2026-12-03 10:00"
    data[f"meetings-{n}-place"] = "Jobcentret"
    _save(coordinator_client, plan, data)
    assert sorted(what for _name, what in _lines(plan)) == [
        "Tilføjede mødet 3. december kl. 10.00",
        "Ændrede indsatsen: Indsats 0",
        "Ændrede målet: Mål nummer 0",
    ]
    activity_event = PlanEvent.objects.get(kind=PlanEvent.Kind.ACTIVITY)
    assert activity_event.anchor == f"maal-{mettes.activity.goal_id}"


def test_a_team_change_is_kept_from_the_citizen(coordinator_client, mettes):
    other = mettes.other_team
    other.members.add(mettes.coordinator)
    data = admin_edit_data(coordinator_client, mettes.plan)
    data["team"] = str(other.pk)
    _save(coordinator_client, mettes.plan, data)
    event = PlanEvent.objects.get(plan=mettes.plan)
    assert (event.what, event.shown_to_citizen) == ("Flyttede planen til Team Vest", False)


def test_the_citizens_own_goals_are_in_the_history(mettes):
    goal = goal_add_by_citizen(plan=mettes.plan, citizen=mettes.citizen, text="Gå til svømning")
    goal_edit_by_citizen(goal=goal, citizen=mettes.citizen, text="Gå til svømning om fredagen")
    assert _lines(mettes.plan) == [
        ("Mette", "Rettede sit mål: Gå til svømning om fredagen"),
        ("Mette", "Skrev et nyt mål: Gå til svømning"),
    ]
    assert set(PlanEvent.objects.values_list("actor_kind", "anchor")) == {
        ("citizen", f"maal-{goal.pk}")
    }


def _join(world, *, name, email):
    """Invite someone the way Mette does and let them accept with the link's address."""
    mail.outbox.clear()
    invitation = network.invitation_send(
        plan=world.plan,
        invited_by=world.citizen,
        name=name,
        email=email,
        relation=Relation.FAMILY,
        whole_plan=False,
        goals=[world.goal],
    )
    assert INVITATION_LINK.search(mail.outbox[0].body)
    return network.invitation_accept(
        invitation=invitation, user=citizen(email=email, first_name="")
    )


def test_the_network_comings_and_goings_are_in_the_history(mettes):
    lene = _join(mettes, name="Lene", email="lene@example.dk")
    kim = _join(mettes, name="Kim", email="kim@example.dk")
    offer = network.offer_create(
        membership=lene, goal=mettes.goal, kind=Offer.Kind.TRANSPORT, what="Jeg kører dig"
    )
    network.offer_answer(offer=offer, accepted=True)
    network.membership_leave(membership=kim)
    network.membership_remove(membership=lene, by=mettes.citizen)
    assert list(reversed(_lines(mettes.plan))) == [
        ("Lene", "Sagde ja til at være med i netværket"),
        ("Kim", "Sagde ja til at være med i netværket"),
        ("Lene", f"Tilbød hjælp til målet: {mettes.goal.text}"),
        ("Mette", "Sagde ja tak til hjælp fra Lene"),
        ("Kim", "Forlod netværket"),
        ("Mette", "Fjernede Lene fra netværket"),
    ]
    kinds = list(PlanEvent.objects.order_by("pk").values_list("actor_kind", flat=True))
    assert kinds == ["network", "network", "network", "citizen", "network", "citizen"]


def test_comments_are_not_history_lines(mettes):
    # Conversation is shown from the comments themselves; mettes made one.
    assert not PlanEvent.objects.filter(plan=mettes.plan).exists()


# --- The History page in the admin ----


def _history(client, plan):
    return client.get(reverse("planer:history", args=[plan.pk]))


def test_the_team_reads_the_history_newest_first_and_the_read_is_logged(
    coordinator_client, mettes
):
    plan = mettes.plan
    goal_add_by_citizen(plan=plan, citizen=mettes.citizen, text="Gå til svømning")
    data = admin_edit_data(coordinator_client, plan)
    data["what_matters"] = "At få ro på"
    _save(coordinator_client, plan, data)
    before = AccessLogEntry.objects.filter(plan=plan).count()

    response = _history(coordinator_client, plan)
    body = response.content.decode()
    assert response.status_code == 200
    newest, older = body.index("Ændrede det vigtigste"), body.index("Skrev et nyt mål")
    assert newest < older
    assert "Anne Holm" in body and "Mette" in body
    entries = AccessLogEntry.objects.filter(plan=plan).order_by("pk")
    assert entries.count() == before + 1
    last = entries.last()
    assert (last.actor_name, last.action, last.what) == ("Anne Holm", "read", "Planens historik")


def test_the_history_is_paginated(coordinator_client, mettes):
    PlanEvent.objects.bulk_create(
        PlanEvent(
            plan=mettes.plan,
            actor_name="Anne Holm",
            actor_kind="staff",
            kind="plan",
            what=f"Ændring nummer {n:03}",
            at=timezone.now() - datetime.timedelta(minutes=n),
        )
        for n in range(60)
    )
    first = _history(coordinator_client, mettes.plan).content.decode()
    assert "Ændring nummer 000" in first and "Ændring nummer 049" in first
    assert "Ændring nummer 050" not in first
    second = coordinator_client.get(
        reverse("planer:history", args=[mettes.plan.pk]), {"p": 2}
    ).content.decode()
    assert "Ændring nummer 059" in second and "Ændring nummer 000" not in second


def test_another_team_and_an_editor_do_not_see_the_history(mettes):
    goal_add_by_citizen(plan=mettes.plan, citizen=mettes.citizen, text="Gå til svømning")
    for person in (mettes.outsider, mettes.editor):
        client = Client()
        client.force_login(person)
        for name in ("planer:history", "planer:history_results"):
            response = client.get(reverse(name, args=[mettes.plan.pk]))
            assert response.status_code == 404, (person, name)
    assert not AccessLogEntry.objects.filter(what="Planens historik").exists()


def test_wagtails_site_history_shows_no_plan_history(coordinator_client, mettes):
    data = admin_edit_data(coordinator_client, mettes.plan)
    data["what_matters"] = "At få ro på"
    _save(coordinator_client, mettes.plan, data)
    goal_add_by_citizen(plan=mettes.plan, citizen=mettes.citizen, text="Gå til svømning")
    assert PlanEvent.objects.count() == 2
    mettes.coordinator.is_superuser = True  # sees every entry the report has
    mettes.coordinator.save()
    fresh = Client()  # without the "saved" message the edit left in the session
    fresh.force_login(mettes.coordinator)
    report = fresh.get("/admin/reports/site-history/")
    assert report.status_code == 200
    body = report.content.decode()
    assert "Ændrede det vigtigste" not in body
    assert "Gå til svømning" not in body
    assert "Plan for Mette" not in body


def test_a_new_plan_starts_its_history(coordinator_client, mettes):
    karen = citizen(email="karen@example.dk", first_name="Karen")
    data = admin_edit_data(coordinator_client, mettes.plan)
    data = {key: value for key, value in data.items() if not key.startswith(("goals", "activ"))}
    data.update({"citizen": karen.email, "goals-TOTAL_FORMS": "1", "goals-INITIAL_FORMS": "0"})
    data.update({"goals-MIN_NUM_FORMS": "0", "goals-MAX_NUM_FORMS": "1000"})
    data.update({"goals-0-text": "Flytte i egen bolig", "goals-0-written_by": "staff"})
    data.update({"goals-0-status": "active", "goals-0-ORDER": "1"})
    for prefix in ("activities", "meetings", "decisions"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = coordinator_client.post(reverse("planer:add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    plan = karen.plans.get()
    assert list(reversed(_lines(plan))) == [
        ("Anne Holm", "Oprettede planen"),
        ("Anne Holm", "Tilføjede målet: Flytte i egen bolig"),
    ]
    results = coordinator_client.get(reverse("planer:history_results", args=[plan.pk]))
    assert "Tilføjede målet: Flytte i egen bolig" in results.content.decode()
