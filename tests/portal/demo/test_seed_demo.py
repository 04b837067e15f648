"""`seed_demo`: the demo data contract of DESIGN.md, safe to run again, never outside DEBUG."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page

from home.models import GuidePage

pytestmark = pytest.mark.django_db


def _snapshot():
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "title", "live")),
        "users": list(get_user_model().objects.order_by("email").values_list("email", flat=True)),
    }


def test_seed_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert not get_user_model().objects.exists()


def test_seed_demo_builds_the_public_site_and_the_editor(seed_demo, client, demo_password):
    assert GuidePage.objects.live().child_of(Page.objects.get(slug="vejledninger")).count() >= 6
    for path in ["/", "/vejledninger/", "/kontakt/", "/tilgaengelighedserklaering/"]:
        assert client.get(path).status_code == 200, path
    assert client.login(email="redaktoer@example.dk", password=demo_password)


def test_seed_demo_can_run_again_without_duplicates(seed_demo, settings):
    before = _snapshot()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _snapshot() == before


def test_the_demo_leader_sees_the_value_report_and_no_plan(seed_demo):
    from django.test import Client

    from plans.models import Plan

    leader = get_user_model().objects.get(email="leder@example.dk")
    client = Client()
    client.force_login(leader)
    assert client.get("/admin/borgeroplevet-vaerdi/").status_code == 200
    mettes = Plan.objects.get(citizen__email="borger@example.dk")
    assert client.get(f"/admin/planer/edit/{mettes.pk}/").status_code in (302, 403, 404)
