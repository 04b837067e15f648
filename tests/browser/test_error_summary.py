"""A form sent back with a mistake, in Chromium under the site's strict CSP: the focus is on the
error summary when the page opens (so a screen reader reads it first), the title starts with
"Fejl: ", and following the summary's link puts the person in the field to correct."""

import pytest
from playwright.sync_api import Page, expect

from portal.demo.plans import seed_plans
from tests.browser.helpers import watch_csp

pytestmark = pytest.mark.browser

FOCUSED = "document.activeElement && document.activeElement.className"


def test_the_summary_takes_the_focus_and_its_link_leads_to_the_field(
    page: Page, live_site, log_in
):
    seed_plans()
    refused = watch_csp(page)
    log_in(page, live_site.url, "borger@example.dk")
    page.goto(f"{live_site.url}/min-plan/maal/nyt/")
    assert page.evaluate(FOCUSED) != "error-summary"  # nothing wrong yet
    page.get_by_label("Dit mål med dine egne ord").fill("x" * 501)
    page.get_by_role("button", name="Gem mål").click()

    expect(page).to_have_title(
        "Fejl: Skriv et nyt mål · Fællesplan",
    )
    page.wait_for_function(f"{FOCUSED} === 'error-summary'")
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    summary.get_by_role("link", name="Dit mål med dine egne ord").click()
    expect(page.get_by_label("Dit mål med dine egne ord")).to_be_focused()
    # What she typed is still there to shorten.
    expect(page.get_by_label("Dit mål med dine egne ord")).to_have_value("x" * 501)
    assert refused == []


def test_a_wrong_password_puts_the_focus_on_the_summary(page: Page, live_site):
    page.goto(f"{live_site.url}/konto/login/")
    page.get_by_label("E-mail").fill("ingen@example.dk")
    page.get_by_label("Adgangskode").fill("forkert-forkert")
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_function(f"{FOCUSED} === 'error-summary'")
    assert page.title().startswith("Fejl: ")
