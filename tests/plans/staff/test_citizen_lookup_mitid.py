"""With a MitID broker on, a caseworker may find the citizen of a new plan by what the broker
knows her by (its identifier for her, or the configured claim such as the CPR number) instead
of her email address; the same neutral sentence and the same logs as for an address. The
accounts are made by a real login through the fake broker, so the claims sit where allauth
puts them."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from plans.models import AccessLogEntry, Plan, StaffLookup
from plans.models.audit import identifier_hash
from tests.accounts.test_openid_connect import broker  # noqa: F401 - the fixture
from tests.plans.staff.test_citizen_lookup import NEUTRAL, _new_plan

CLAIM = "dk:gov:cpr"


@pytest.fixture
def broker_citizen(broker, demo_site, settings):  # noqa: F811
    settings.STAFF_LOOKUP_OIDC_CLAIM = CLAIM
    client = Client()
    start = client.post("/konto/oidc/mitid/login/", {"process": "login"})["Location"]
    state = parse_qs(urlsplit(start).query)["state"][0]
    claims = {
        "sub": "mitid-uuid-7",
        "email": "ny.borger@example.dk",
        "email_verified": True,
        CLAIM: "0101901234",
    }
    code = broker.log_in(authorize_url=start, claims=claims)
    response = client.get("/konto/oidc/mitid/login/callback/", {"code": code, "state": state})
    assert response.status_code == 302
    return get_user_model().objects.get(email="ny.borger@example.dk")


@pytest.fixture
def anne(client, world):
    client.force_login(world.coordinator)
    return client


@pytest.mark.parametrize("typed", ["010190-1234", "0101901234", " mitid-uuid-7 "])
def test_the_broker_identifier_or_the_cpr_claim_finds_her(anne, world, broker_citizen, typed):
    form = anne.get(reverse("planer:add")).content.decode()
    assert "Borgerens e-mail eller MitID-oplysning" in form

    response = anne.post(reverse("planer:add"), _new_plan(world, typed))

    assert response.status_code == 302
    plan = Plan.objects.get(citizen=broker_citizen)
    (entry,) = AccessLogEntry.objects.filter(plan=plan)
    assert entry.what == "Fandt borgeren på sin MitID-oplysning og oprettede planen"
    assert not StaffLookup.objects.exists()


@pytest.mark.parametrize("typed", ["010190-1235", "mitid-uuid", "0101901234 x"])
def test_an_identifier_that_is_not_hers_gets_the_neutral_sentence(
    anne, world, broker_citizen, typed
):
    response = anne.post(reverse("planer:add"), _new_plan(world, typed))

    assert response.status_code == 200
    assert NEUTRAL in response.content.decode()
    assert not Plan.objects.filter(citizen=broker_citizen).exists()
    (row,) = StaffLookup.objects.all()
    assert (row.kind, row.found, row.identifier_hash) == ("mitid", False, identifier_hash(typed))


def test_she_cannot_get_a_second_plan_by_her_cpr_number(anne, world, broker_citizen):
    Plan.objects.create(
        citizen=broker_citizen,
        team=world.other_team,
        coordinator=world.outsider_profile,
        what_matters="Ro.",
    )
    response = anne.post(reverse("planer:add"), _new_plan(world, "010190-1234"))
    html = response.content.decode()
    assert NEUTRAL in html and "Team Vest" not in html
    assert Plan.objects.filter(citizen=broker_citizen).count() == 1


def test_without_a_broker_a_cpr_number_finds_nobody(anne, world, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {}
    html = anne.post(reverse("planer:add"), _new_plan(world, "010190-1234")).content.decode()
    assert NEUTRAL in html
    assert "MitID" not in anne.get(reverse("planer:add")).content.decode()
