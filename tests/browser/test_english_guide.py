"""Choosing English on a guide lands on the English guide at its own URL (issue 16)."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_choosing_english_on_a_guide_lands_on_the_english_guide(page: Page, live_site):
    page.goto(live_site.url + "/vejledninger/saadan-virker-din-plan/")
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sådan virker din plan")

    page.get_by_role("button", name="English").click()

    expect(page).to_have_url(re.compile(r"/en/guides/how-your-plan-works/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("How your plan works")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    # And back: the Danish guide at its unchanged URL, chosen language remembered.
    page.get_by_role("button", name="Dansk").click()
    expect(page).to_have_url(re.compile(r"/vejledninger/saadan-virker-din-plan/$"))
    expect(page.locator("html")).to_have_attribute("lang", "da")
