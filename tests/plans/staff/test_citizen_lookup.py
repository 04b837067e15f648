"""A caseworker finds the citizen of a new plan by the exact address she gives, never from a
list; whatever stands in the way, the answer is one neutral sentence, so a caseworker of Team
Øst learns nothing of Ali's plan with Team Vest, of staff accounts or of unconfirmed signups."""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import reverse

from plans.models import AccessLogEntry, NetworkMembership, Plan, StaffLookup
from plans.models.audit import identifier_hash
from tests.plans.factories import citizen

NEUTRAL = (
    "Der kan ikke oprettes en plan for denne person. Tjek e-mailadressen sammen med borgeren. "
    "Passer den, så kontakt din leder."
)


@pytest.fixture
def anne(client, world):
    client.force_login(world.coordinator)
    return client


def _new_plan(world, email):
    empty = {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0"}
    data = {
        "citizen": email,
        "team": world.team.pk,
        "status": "active",
        "coordinator": world.coordinator_profile.pk,
        "what_matters": "Ro i hverdagen",
    }
    for prefix in ("goals", "activities", "meetings", "decisions"):
        data.update({f"{prefix}-{key}": value for key, value in empty.items()})
        data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
    return data


def test_the_exact_confirmed_address_finds_her(anne, world):
    karen = citizen(email="karen@example.dk", first_name="Karen")
    response = anne.post(reverse("planer:add"), _new_plan(world, "KAREN@example.dk "))
    assert response.status_code == 302
    plan = Plan.objects.get(citizen=karen)
    assert plan.team == world.team
    # The lookup and the creation are one line in the new plan's access log, nothing elsewhere.
    (entry,) = AccessLogEntry.objects.filter(plan=plan)
    assert (entry.actor, entry.action, entry.what) == (
        world.coordinator,
        "write",
        "Fandt borgeren på sin e-mailadresse og oprettede planen",
    )
    assert not StaffLookup.objects.exists()


def test_a_person_found_but_no_plan_saved_is_audited_as_found(anne, world):
    citizen(email="karen@example.dk", first_name="Karen")
    data = _new_plan(world, "karen@example.dk") | {"team": world.other_team.pk}  # not hers
    response = anne.post(reverse("planer:add"), data)
    assert response.status_code == 200
    assert not Plan.objects.filter(citizen__email="karen@example.dk").exists()
    (row,) = StaffLookup.objects.all()
    assert row.found is True and row.get_outcome_display() == "Ingen plan oprettet"


def test_the_audit_log_is_for_superusers_only_and_cannot_be_rewritten(anne, world):
    anne.post(reverse("planer:add"), _new_plan(world, "ingen@example.dk"))
    assert anne.get(reverse("opslag-uden-plan:index")).status_code in (302, 403)
    world.outsider.is_superuser = True  # Bo, enrolled in the second factor like all staff
    world.outsider.save()
    client = Client()
    client.force_login(world.outsider)
    response = client.get(reverse("opslag-uden-plan:index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Anne Holm" in html and "Ingen plan oprettet" in html
    assert "ingen@example.dk" not in html
    with pytest.raises(PermissionError):
        StaffLookup.objects.update(actor_name="Nogen anden")
    with pytest.raises(PermissionError):
        StaffLookup.objects.get().delete()


def _unconfirmed(world):
    person = citizen(email="ny@example.dk", first_name="Ny")
    EmailAddress.objects.filter(user=person).update(verified=False)
    return person.email


def _network_member(world):
    person = citizen(email="soester@example.dk", first_name="Lene")
    NetworkMembership.objects.create(
        plan=world.plan, user=person, name="Lene", relation="family", whole_plan=True
    )
    return person.email


def test_a_member_of_someone_elses_network_can_get_a_plan_of_her_own(anne, world):
    """Her exact confirmed address finds her; helping Mette does not stand in the way."""
    email = _network_member(world)
    response = anne.post(reverse("planer:add"), _new_plan(world, email))
    assert response.status_code == 302
    assert Plan.objects.get(citizen__email=email).team == world.team


def _closed(world):
    person = citizen(email="lukket@example.dk", first_name="Lukket")
    person.is_active = False
    person.save()
    return person.email


REFUSED = {
    "nobody has it": lambda w: "ingen@example.dk",
    "a citizen with a plan in another team": lambda w: w.other_citizen.email,
    "a citizen with a plan in this team": lambda w: w.citizen.email,
    "a caseworker": lambda w: w.outsider.email,
    "an editor": lambda w: w.editor.email,
    "a leader": lambda w: w.leader.email,
    "an address never confirmed": _unconfirmed,
    "a closed account": _closed,
}


@pytest.mark.parametrize("case", REFUSED)
def test_every_refusal_is_the_same_neutral_sentence(anne, world, case):
    email = REFUSED[case](world)
    plans_before = Plan.objects.count()
    response = anne.post(reverse("planer:add"), _new_plan(world, email))
    html = response.content.decode()
    assert response.status_code == 200
    assert NEUTRAL in html
    assert f'value="{email}"' in html  # what she typed stays in the field
    for leak in ["plans_one_active_plan_per_citizen", "Team Vest", "Begrænsning", "Ali"]:
        assert leak not in html
    assert Plan.objects.count() == plans_before
    # Written down for the superusers, without the address in clear.
    (row,) = StaffLookup.objects.all()
    assert (row.actor, row.actor_name, row.kind, row.found, row.get_outcome_display()) == (
        world.coordinator,
        "Anne Holm",
        "email",
        False,
        "Ingen plan oprettet",
    )
    assert row.identifier_hash == identifier_hash(email.upper())
    stored = " ".join(str(value) for value in StaffLookup.objects.values().get().values())
    assert email.split("@")[0] not in stored


def test_part_of_an_address_finds_no_one(anne, world):
    citizen(email="karen@example.dk", first_name="Karen")
    html = anne.post(reverse("planer:add"), _new_plan(world, "karen")).content.decode()
    assert "Karen" not in html and "karen@example.dk" not in html
    assert not Plan.objects.filter(citizen__email="karen@example.dk").exists()
