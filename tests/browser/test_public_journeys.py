"""A newcomer on a phone and an editor at a desk, in Debian's chromium."""

import re

import pytest
from django.db import connection
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def _search_word():
    # PostgreSQL stems Danish, so the plural finds the guide about "plan"; SQLite's full-text
    # search has no Danish stemmer and needs the word as written.
    return "planer" if connection.vendor == "postgresql" else "plan"


def test_newcomer_on_a_phone_finds_a_guide(page: Page, live_site, assert_accessible):
    page.goto(live_site.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Fællesplan")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.get_by_role("searchbox", name="Søg på siden").fill(_search_word())
    page.get_by_role("search").get_by_role("button", name="Søg").click()

    expect(page).to_have_url(re.compile(r"/soeg/\?q="))
    page.get_by_role("link", name="Sådan virker din plan").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Sådan virker din plan")
    page.get_by_text("Hvem kan se min plan?").click()
    expect(page.get_by_text("Du kan altid se, hvem der har set den.")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
