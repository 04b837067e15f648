"""An editor at a desk writes a guide in the Wagtail admin, publishes it, and citizens find it."""

import re

import pytest
from playwright.sync_api import expect

from home.models import GuideIndexPage, GuidePage

pytestmark = pytest.mark.browser


@pytest.fixture
def desk(browser, live_site):
    # Depends on live_site so the browser closes (and sends its last requests) before the
    # database is flushed.
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_editor_writes_publishes_and_the_guide_is_found(desk, live_site, editor, log_in):
    index = GuideIndexPage.objects.get()
    log_in(desk, live_site.url, editor.email, next_url="/admin/")
    expect(desk).to_have_url(re.compile(r"/admin/$"))

    desk.goto(f"{live_site.url}/admin/pages/add/home/guidepage/{index.pk}/")
    desk.get_by_role("textbox", name=re.compile("Titel")).fill("Når du får brev fra kommunen")
    desk.get_by_role("textbox", name=re.compile("Kort resumé")).fill(
        "Sådan læser du et brev, og hvem du kan spørge."
    )
    # Wagtail 8 has no Danish for some admin controls, so these are named in English.
    desk.get_by_role("button", name="Insert a block").first.click()
    desk.get_by_role("option", name="Afsnit").click()
    editor_box = desk.locator(".Draftail-Editor .public-DraftEditor-content").first
    editor_box.click()
    desk.keyboard.type("Læs brevet roligt. Ring til os, hvis noget er svært at forstå.")
    # Draftail saves its state to the form a moment after typing; wait for it like a person would.
    expect(desk.locator('input[name="body-0-value"]')).to_have_value(re.compile("Læs brevet"))

    desk.get_by_role("button", name="More actions").click()
    desk.get_by_role("button", name="Udgiv").click()
    # Wagtail's Danish catalogue lacks this message, so only the page title is checked.
    expect(desk.get_by_role("status").first).to_contain_text("Når du får brev fra kommunen")

    guide = GuidePage.objects.get(title="Når du får brev fra kommunen")
    assert guide.live

    phone = desk.context.new_page()
    phone.set_viewport_size({"width": 360, "height": 740})
    phone.goto(f"{live_site.url}/soeg/?q=brev")
    phone.get_by_role("link", name="Når du får brev fra kommunen").click()
    expect(phone.get_by_text("Læs brevet roligt.")).to_be_visible()
