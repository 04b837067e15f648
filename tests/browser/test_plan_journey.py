"""Mette on her phone and Sofie, her coordinator, at a desk, in Debian's chromium: Mette reads her
plan, writes a goal, comments and rates an activity; Sofie answers in the admin; Mette sees the
answer and Sofie's visit in "Hvem har set min plan". axe checks every page on the way."""

import re

import pytest
from playwright.sync_api import Page, expect

from plans.models import Plan
from portal.demo.plans import seed_plans

pytestmark = pytest.mark.browser


def _fits_the_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_mette_and_her_coordinator_work_on_the_plan(
    page: Page, desk, live_site, log_in, assert_accessible
):
    seed_plans()
    plan = Plan.objects.get(citizen__email="borger@example.dk")

    # Mette reads her plan.
    log_in(page, live_site.url, "borger@example.dk", next_url="/min-plan/")
    expect(page).to_have_url(re.compile(r"/min-plan/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Min plan")
    expect(page.get_by_text("At være en god mor for Freja.")).to_be_visible()
    expect(page.get_by_text("Du skal klage senest")).to_be_visible()
    _fits_the_phone(page)
    assert_accessible(page)

    # ... adds a goal in her own words,
    page.get_by_role("link", name="Skriv et nyt mål").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Skriv et nyt mål")
    assert_accessible(page)
    page.get_by_label("Dit mål med dine egne ord").fill("Jeg vil gå en tur med Freja hver dag.")
    page.get_by_role("button", name="Gem mål").click()
    expect(page.get_by_text("Dit mål er gemt.")).to_be_visible()
    goal = page.get_by_role("article").filter(has_text="Jeg vil gå en tur med Freja hver dag.")
    expect(goal).to_contain_text("Skrevet af dig")

    # ... comments on the plan,
    page.get_by_label("Din kommentar").fill("Kan vi flytte mødet til om eftermiddagen?")
    page.get_by_role("button", name="Send kommentar").click()
    expect(page.get_by_text("Din kommentar er sendt.")).to_be_visible()
    expect(page.get_by_text("Kan vi flytte mødet til om eftermiddagen?")).to_be_visible()
    assert_accessible(page)

    # ... and says how meaningful an activity is to her.
    page.get_by_role("link", name="Praktik i et supermarked").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Praktik i et supermarked")
    assert_accessible(page)
    page.get_by_label("4", exact=True).check()
    page.get_by_label("Vil du sige mere? (kan udelades)").fill("Det er hårdt, men godt.")
    page.get_by_role("button", name="Send svar").click()
    expect(page.get_by_text("Tak for dit svar.")).to_be_visible()
    expect(page.get_by_label("4", exact=True)).to_be_checked()
    _fits_the_phone(page)

    # Sofie answers in the admin.
    log_in(desk, live_site.url, "sagsbehandler@example.dk", next_url="/admin/planer/")
    expect(desk).to_have_url(re.compile(r"/admin/planer/$"))
    # Again without the "logged in" flash: axe would measure Wagtail's message mid-fade.
    desk.goto(f"{live_site.url}/admin/planer/")
    assert_accessible(desk)
    desk.get_by_role("link", name="Plan for Mette Larsen").click()
    expect(desk).to_have_url(re.compile(rf"/admin/planer/edit/{plan.pk}/$"))
    assert_accessible(desk)
    desk.get_by_role("link", name="Kommentarer").click()
    expect(desk.get_by_text("Kan vi flytte mødet til om eftermiddagen?")).to_be_visible()
    assert_accessible(desk)
    desk.get_by_role("link", name=re.compile("Svar på kommentaren fra Mette Larsen")).last.click()
    expect(desk.get_by_role("heading", name="Svar til Mette Larsen")).to_be_visible()
    desk.get_by_label("Dit svar").fill("Ja, det kan vi godt. Jeg ringer til dig i morgen.")
    desk.get_by_role("button", name="Send svar").click()
    expect(desk.get_by_text("Dit svar er sendt.")).to_be_visible()

    # Mette sees the answer and who has looked at her plan.
    page.goto(f"{live_site.url}/min-plan/")
    answer = page.locator(".comment").filter(has_text="Ja, det kan vi godt.")
    expect(answer).to_contain_text("Sofie Madsen")
    expect(answer).to_contain_text("Svar til dig")
    page.get_by_role("link", name="Hvem har set min plan").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hvem har set min plan")
    newest = page.locator(".access-log__entry").first
    expect(newest).to_contain_text("Sofie Madsen, Koordinator, Socialafdelingen")
    log = page.get_by_role("list").filter(has=page.locator(".access-log__entry"))
    expect(log).to_contain_text("Ændrede: Skrev en kommentar")
    expect(log).to_contain_text("Så: Planen")
    _fits_the_phone(page)
    assert_accessible(page)
