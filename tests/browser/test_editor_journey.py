"""Borgerland review at a desk: an editor writes a guide with a Fagland word, sees the everyday
word to use, and submits; a Kommunikationsansvarlig sees the score and publishes by approving;
a citizen's phone finds the guide and gets the word explained."""

import re

import pytest
from playwright.sync_api import expect

from home.models import GuideIndexPage, GuidePage

pytestmark = pytest.mark.browser


@pytest.fixture
def other_desk(browser, live_site):
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_editor_writes_approver_publishes_citizen_reads_the_explanation(
    desk, other_desk, live_site, editor, approver, log_in, assert_accessible
):
    index = GuideIndexPage.objects.get(slug="vejledninger")
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
    desk.keyboard.type("Læs brevet roligt. Står der afgørelse, så ring til os.")
    # Draftail saves its state to the form a moment after typing; wait for it like a person would.
    expect(desk.locator('input[name="body-0-value"]')).to_have_value(re.compile("Læs brevet"))

    # Saving a draft shows the score and the everyday word, before anything is published.
    desk.get_by_role("button", name=re.compile("Gem skitse|Save draft")).click()
    expect(desk.get_by_role("status").first).to_contain_text(
        "Fagord: “afgørelse” (skriv hellere: beslutning)."
    )
    panel = desk.locator("[data-readability]")
    expect(panel).to_contain_text("LIX:")
    expect(panel).to_contain_text("“afgørelse” → beslutning")

    # An editor cannot publish; the page goes to review.
    desk.get_by_role("button", name="Flere handlinger").click()
    expect(desk.get_by_role("button", name="Udgiv", exact=True)).to_have_count(0)
    desk.get_by_role("button", name=re.compile("Borgerland-gennemsyn")).click()
    guide = GuidePage.objects.get(title="Når du får brev fra kommunen")
    expect(desk.get_by_role("status").first).to_contain_text("Når du får brev fra kommunen")
    guide.refresh_from_db()
    assert not guide.live
    assert guide.current_workflow_task is not None

    # The approver opens the page from the review and sees the same figures.
    log_in(other_desk, live_site.url, approver.email, next_url=f"/admin/pages/{guide.pk}/edit/")
    review_panel = other_desk.locator("[data-readability]")
    expect(review_panel).to_contain_text("LIX:")
    expect(review_panel).to_contain_text("“afgørelse” → beslutning")
    other_desk.get_by_role("button", name="Flere handlinger").click()
    # The last task's approve button reads "Godkend og Publicér" in Wagtail's Danish.
    approve = re.compile(r"^(Approve|Godkend)( og Publicér| and Publish)?$")
    other_desk.get_by_role("button", name=approve).click()
    expect(other_desk.get_by_role("status").first).to_contain_text("Når du får brev fra kommunen")
    guide.refresh_from_db()
    assert guide.live

    # A citizen on a phone finds the guide and opens the explanation (plain <details>: the
    # page ships no script for it).
    phone = desk.context.browser.new_context(
        locale="da-DK", viewport={"width": 360, "height": 740}
    ).new_page()
    phone.goto(f"{live_site.url}/soeg/?q=brev")
    phone.get_by_role("link", name="Når du får brev fra kommunen").click()
    expect(phone.get_by_text("Læs brevet roligt.")).to_be_visible()
    expect(phone.locator("dfn")).to_have_text("afgørelse")
    question = phone.get_by_text("Hvad betyder “afgørelse”?")
    question.click()
    expect(phone.get_by_text("Afgørelse betyder: beslutning.")).to_be_visible()
    assert_accessible(phone)
    phone.context.close()
