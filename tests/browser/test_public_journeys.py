"""A newcomer on a phone and an editor at a desk, in Debian's chromium."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_newcomer_on_a_phone_finds_a_guide(page: Page, live_site, assert_accessible):
    page.goto(live_site.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Fællesplan")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_role("searchbox", name="Søg på siden").fill(
        "planer"
    )  # a Danish word form, found on SQLite too
    page.get_by_role("search").get_by_role("button", name="Søg").click()

    expect(page).to_have_url(re.compile(r"/soeg/\?q="))
    page.get_by_role("link", name="Sådan virker din plan").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Sådan virker din plan")
    page.get_by_text("Hvem kan se min plan?").click()
    expect(page.get_by_text("Du kan altid se, hvem der har set den.")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    breadcrumbs = page.get_by_role("navigation", name="Brødkrummesti")
    expect(breadcrumbs.get_by_role("link", name="Forside")).to_be_visible()

    # Every guide from the header, also those the home page does not link.
    page.get_by_role("banner").get_by_role("link", name="Vejledninger").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vejledninger")
    expect(page.get_by_role("link", name="Din faste kontaktperson")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
