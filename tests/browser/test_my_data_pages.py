"""Mine data on a phone: Mette finds it from Min plan, reads it, asks her coordinator to delete
her data; Lene (network member) finds it from her area and deletes her account. axe finds
nothing on any of the pages, and nothing is wider than 360 px."""

import re

import pytest
from playwright.sync_api import Page, expect

from plans.models import ErasureRequest, NetworkMembership, Plan, Relation
from plans.network import services as network_services
from portal.demo.plans import seed_plans
from tests.plans.factories import citizen

pytestmark = pytest.mark.browser


def _check(page, assert_accessible):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)


def test_mine_data_for_a_citizen_and_a_member(
    page: Page, live_site, log_in, assert_accessible, demo_password
):
    seed_plans()
    plan = Plan.objects.get(citizen__email="borger@example.dk")
    lene = citizen(email="lene@example.dk", first_name="Lene")
    membership = NetworkMembership.objects.create(
        plan=plan, user=lene, name="Lene", relation=Relation.FAMILY, whole_plan=True
    )
    goal = plan.goals.order_by("sort_order").first()
    network_services.member_comment_add(membership=membership, goal=goal, body="Jeg hjælper")
    base = live_site.url

    log_in(page, base, "borger@example.dk", next_url="/min-plan/")
    page.get_by_role("link", name="Mine data: se og hent alt om dig").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mine data")
    expect(page.locator("dfn", has_text="arkivloven")).to_be_visible()
    page.get_by_text("Hvad betyder “arkivloven”?").click()
    expect(
        page.get_by_text("Arkivloven betyder: loven om, hvad kommunen skal gemme.")
    ).to_be_visible()
    _check(page, assert_accessible)
    with page.expect_download() as download:
        page.get_by_role("link", name="Hent mine data som fil (JSON)").click()
    assert download.value.suggested_filename.startswith("faellesplan-mine-data-")
    page.get_by_role("button", name="Bed min koordinator om at slette mine oplysninger").click()
    expect(page.get_by_text("Du bad om sletning", exact=False)).to_be_visible()
    _check(page, assert_accessible)
    assert ErasureRequest.objects.filter(plan=plan).count() == 1

    page.context.clear_cookies()
    log_in(page, base, "lene@example.dk", next_url="/jeg-hjaelper/")
    page.get_by_role("link", name="Mine data: se, hent eller slet alt om dig").click()
    # Her comment "Jeg hjælper" in her data (the header's "Planer, jeg hjælper med" aside).
    expect(page.get_by_text(re.compile(r"\d\d\.\d\d: Jeg hjælper$"))).to_be_visible()
    _check(page, assert_accessible)
    page.get_by_role("link", name="Slet min konto").click()
    if "/konto/reauthenticate/" in page.url:
        page.locator('input[name="password"]').fill(demo_password)
        page.get_by_role("button", name="Bekræft").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Slet min konto")
    _check(page, assert_accessible)
    page.get_by_label("Ja, slet min konto").check()
    page.get_by_role("button", name="Slet min konto").click()
    expect(page.get_by_text("Din konto er slettet.")).to_be_visible()
    assert not type(lene).objects.filter(email="lene@example.dk").exists()
