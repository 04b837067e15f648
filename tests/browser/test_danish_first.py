"""A phone set to English (en-US) meets Fællesplan: it is Danish, marked lang="da", until Mette
chooses English with the switch; then the labels are English and everything people wrote in
her plan is still marked Danish, so a screen reader keeps a Danish voice for it."""

import re

import pytest
from django.utils.html import strip_tags
from playwright.sync_api import expect

from plans.models import Comment, Goal, Plan
from portal.demo.plans import seed_plans

pytestmark = pytest.mark.browser

GUIDE = "/vejledninger/saadan-virker-din-plan/"

# Each text node inside <main> that is part of one of `texts` (at least 12 characters, so a
# name or a department alone is not counted), with the language of its nearest marked element.
DANISH_PIECES_JS = """(texts) => {
    const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const piece = node.textContent.replace(/\\s+/g, ' ').trim().replace(/[ …]+$/, '');
        if (piece.length < 12 || !texts.some((text) => text.includes(piece))) continue;
        const marked = node.parentElement.closest('[lang]');
        found.push([piece, marked ? marked.getAttribute('lang') : null]);
    }
    return found;
}"""


@pytest.fixture
def english_phone(browser, live_site):
    context = browser.new_context(locale="en-US", viewport={"width": 360, "height": 740})
    yield context.new_page()
    context.close()


def _mettes_words(plan) -> list[str]:
    comments = Comment.objects.filter(plan=plan, deleted_at__isnull=True)
    texts = [
        *Goal.objects.filter(plan=plan).values_list("text", flat=True),
        *(strip_tags(html) for html in comments.values_list("body_html", flat=True)),
    ]
    return [" ".join(text.split()) for text in texts]


def _assert_marked_danish(page, texts, *, at_least):
    pieces = page.evaluate(DANISH_PIECES_JS, texts)
    assert [piece for piece, lang in pieces if lang != "da"] == [], page.url
    assert len(pieces) >= at_least, pieces


def test_an_english_phone_gets_danish_until_mette_chooses_english(
    english_phone, live_site, log_in
):
    seed_plans()
    plan = Plan.objects.get(citizen__email="borger@example.dk")
    page = english_phone

    page.goto(f"{live_site.url}{GUIDE}")
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page.get_by_role("button", name="Søg", exact=True)).to_be_visible()

    # The login page is Danish too: the shared log-in helper finds its Danish labels.
    log_in(page, live_site.url, "borger@example.dk", next_url="/min-plan/")
    expect(page).to_have_url(re.compile(r"/min-plan/$"))
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page.get_by_role("heading", level=1)).to_have_text("Min plan")

    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(re.compile(r"/min-plan/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("My plan")
    texts = _mettes_words(plan)
    _assert_marked_danish(page, texts, at_least=len(plan.goals.all()) + 1)

    # The choice is remembered: her goal's page, reached by a link, is English as well.
    goal = plan.goals.order_by("sort_order").first()
    page.locator(f'a[href="/min-plan/maal/{goal.pk}/"]').first.click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    _assert_marked_danish(page, texts, at_least=1)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
