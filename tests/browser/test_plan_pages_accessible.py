"""Every Min plan page on a phone, including the error and empty states, passes axe and fits
360 px: the pages the journey does not pass through."""

import pytest
from playwright.sync_api import Page, expect

from plans.models import Comment, Plan
from plans.services import comment_add
from portal.demo.accounts import ensure_demo_user
from portal.demo.plans import seed_plans
from tests.plans.factories import written_over_time

pytestmark = pytest.mark.browser


def _check(page, assert_accessible):
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)


def test_every_min_plan_page_is_accessible(page: Page, live_site, log_in, assert_accessible):
    seed_plans()
    plan = Plan.objects.get(citizen__email="borger@example.dk")
    with written_over_time():
        for n in range(51):
            comment_add(plan=plan, author=plan.citizen, author_role="citizen", body=f"Besked {n}")
    own = Comment.objects.filter(plan=plan).order_by("-pk").first()
    goal = plan.goals.order_by("sort_order").first()
    base = live_site.url

    log_in(page, base, "borger@example.dk", next_url="/min-plan/")
    expect(page.get_by_role("link", name="Vis ældre kommentarer")).to_be_visible()
    page.get_by_role("link", name="Vis ældre kommentarer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ældre kommentarer")
    _check(page, assert_accessible)

    page.goto(f"{base}/min-plan/maal/{goal.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mit mål")
    _check(page, assert_accessible)

    page.goto(f"{base}/min-plan/maal/{goal.pk}/ret/")
    page.get_by_label("Dit mål med dine egne ord").fill("x" * 501)
    page.get_by_role("button", name="Gem mål").click()
    # At the field, and in the summary at the top of the form.
    expect(page.locator("#id_text_error")).to_contain_text("Teksten er for lang: 501 tegn.")
    expect(page.locator(".error-summary")).to_contain_text("Teksten er for lang: 501 tegn.")
    _check(page, assert_accessible)

    page.goto(f"{base}/min-plan/kommentar/{own.pk}/ret/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ret din kommentar")
    _check(page, assert_accessible)

    page.goto(f"{base}/min-plan/kommentar/{own.pk}/slet/")
    _check(page, assert_accessible)
    page.get_by_role("button", name="Ja, slet den").click()
    expect(page.get_by_text("Kommentaren er slettet").first).to_be_visible()

    page.goto(f"{base}/min-plan/meningsfuld/")
    page.get_by_role("button", name="Send svar").click()
    expect(page.locator(".errorlist").get_by_text("Vælg et tal fra 1 til 5.")).to_be_visible()
    _check(page, assert_accessible)

    page.goto(f"{base}/min-plan/kommentar/?goal={goal.pk}")
    page.get_by_role("button", name="Send kommentar").click()
    expect(
        page.locator(".errorlist").get_by_text("Skriv din kommentar, før du sender den.")
    ).to_be_visible()
    _check(page, assert_accessible)

    page.goto(f"{base}/min-plan/hvem-har-set/")
    _check(page, assert_accessible)

    # Ali's coordinator has not opened his plan: the log says so plainly.
    page.context.clear_cookies()
    log_in(page, base, "borger2@example.dk", next_url="/min-plan/hvem-har-set/")
    expect(page.get_by_text("Ingen andre end dig har set din plan endnu.")).to_be_visible()


def test_the_page_for_someone_without_a_plan(page: Page, live_site, log_in, assert_accessible):

    ensure_demo_user(email="ny@example.dk", first_name="Nina")
    log_in(page, live_site.url, "ny@example.dk", next_url="/min-plan/")
    expect(page.get_by_text("Du har ikke en plan hos os endnu.")).to_be_visible()
    expect(
        page.get_by_role("navigation", name="Genveje").get_by_role("link", name="Min plan")
    ).to_be_visible()
    _check(page, assert_accessible)
