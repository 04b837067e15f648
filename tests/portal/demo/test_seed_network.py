"""seed_demo adds Lene, Mette's sister: one goal shared, one offer accepted, one waiting."""

import os

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command

from plans.models import NetworkMembership, Offer

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_mettes_sister_to_her_network(seed_demo, client, demo_password):
    membership = NetworkMembership.objects.get(user__email="netvaerk@example.dk")
    assert membership.is_active and membership.plan.citizen.email == "borger@example.dk"
    assert membership.relation == "family" and not membership.whole_plan
    assert membership.goals.count() == 1
    assert EmailAddress.objects.get(email="netvaerk@example.dk").verified
    statuses = sorted(Offer.objects.filter(membership=membership).values_list("status", flat=True))
    assert statuses == ["accepted", "waiting"]

    # Idempotent: a second run adds nothing.
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert NetworkMembership.objects.filter(user__email="netvaerk@example.dk").count() == 1
    assert Offer.objects.filter(membership=membership).count() == 2

    # The sister logs in and sees the one shared goal.
    client.post("/konto/login/", {"login": "netvaerk@example.dk", "password": demo_password})
    html = client.get(f"/jeg-hjaelper/{membership.plan_id}/").content.decode()
    assert "Jeg vil have et arbejde igen" in html
    assert "Jeg vil drikke mindre" not in html
