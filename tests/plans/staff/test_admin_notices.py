"""What an admin save tells people, at once and in the save's own transaction: the citizen of a
new decision (she has a deadline to complain), the network that the plan is finished."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from plans.models import NetworkMembership, Notice, Plan, Relation
from tests.plans.factories import admin_edit_data, citizen


@pytest.fixture
def anne(client, mettes):
    client.force_login(mettes.coordinator)
    return client


def _save(client, plan, data):
    response = client.post(reverse("planer:edit", args=[plan.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]


def _add_decision(data, world, deadline):
    n = int(data["decisions-TOTAL_FORMS"])
    data["decisions-TOTAL_FORMS"] = str(n + 1)
    data.update(
        {
            f"decisions-{n}-title": "Du får en mentor",
            f"decisions-{n}-decided_on": timezone.localdate().isoformat(),
            f"decisions-{n}-explanation": "Fordi det hjælper dig i gang",
            f"decisions-{n}-meaning": "En mentor ringer til dig",
            f"decisions-{n}-how_to_complain": "Ring til mig",
            f"decisions-{n}-complaint_deadline": deadline.isoformat(),
            f"decisions-{n}-contact": str(world.coordinator_profile.pk),
        }
    )


def test_a_new_decision_reaches_the_citizen_at_once_with_its_deadline(
    anne, mettes, mailoutbox, django_capture_on_commit_callbacks
):
    deadline = timezone.localdate() + datetime.timedelta(weeks=4)
    data = admin_edit_data(anne, mettes.plan)
    _add_decision(data, mettes, deadline)
    with django_capture_on_commit_callbacks(execute=True):
        _save(anne, mettes.plan, data)

    decision = mettes.plan.decisions.get(title="Du får en mentor")
    # At once, though her setting is the daily digest: a decision has a deadline.
    (email,) = [m for m in mailoutbox if m.to == ["mette@example.dk"]]
    assert email.subject == "Fællesplan: Du har fået en afgørelse fra kommunen"
    day = f"{deadline.day}. "
    assert f"klage til og med den {day}" in email.body and str(deadline.year) in email.body
    assert f"http://testserver/min-plan/#afgoerelse-{decision.pk}" in email.body
    assert "mentor" not in email.body  # what was decided is read behind the login

    # Saved again unchanged: she is not told twice.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _save(anne, mettes.plan, admin_edit_data(anne, mettes.plan))
    assert Notice.objects.filter(kind="decision").count() == 1
    assert mailoutbox == []


def test_archiving_in_the_admin_tells_every_active_member_once(
    anne, mettes, mailoutbox, django_capture_on_commit_callbacks
):
    lene = citizen(email="lene@example.dk", first_name="Lene")
    NetworkMembership.objects.create(
        plan=mettes.plan, user=lene, name="Lene", relation=Relation.FAMILY, whole_plan=True
    )
    data = admin_edit_data(anne, mettes.plan)
    data["status"] = Plan.Status.ARCHIVED
    with django_capture_on_commit_callbacks(execute=True):
        _save(anne, mettes.plan, data)
    (email,) = [m for m in mailoutbox if m.to == ["lene@example.dk"]]
    assert email.subject == "Fællesplan: Planen, du hjalp Mette med, er afsluttet"

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _save(anne, mettes.plan, admin_edit_data(anne, mettes.plan))
    assert [m for m in mailoutbox if m.to == ["lene@example.dk"]] == []
