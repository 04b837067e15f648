"""Reflow (WCAG 1.4.10) at 320 and 360 px: every page the journeys reach, as a visitor, as
Mette (citizen), as her sister (network member) and as her coordinator, and a form sent back
with its errors. The measuring is conftest.no_page_wider_than_a_phone, on every load; this
test makes sure each page is loaded at both widths, including the narrowest phone."""

import re

import pytest
from playwright.sync_api import Page, expect

from plans.models import Plan
from portal.demo.network import seed_network
from portal.demo.plans import seed_plans

pytestmark = pytest.mark.browser

WIDTHS = [320, 360]
PUBLIC = [
    "/",
    "/vejledninger/",
    "/vejledninger/saadan-virker-din-plan/",
    "/vejledninger/inviter-dit-netvaerk/",
    "/kontakt/",
    "/tilgaengelighedserklaering/",
    "/soeg/?q=plan",
    "/soeg/?q=zxqvrk",
    "/konto/login/",
    "/konto/login/code/",
    "/konto/signup/",
    "/konto/password/reset/",
    "/findes-ikke/",
]
ACCOUNT = [
    "/konto/email/",
    "/konto/password/change/",
    "/konto/sessions/",
    "/konto/2fa/",
    "/indstillinger/beskeder/",
]


def _citizen_pages(plan) -> list[str]:
    goal = plan.goals.order_by("sort_order").first()
    activity = plan.activities.order_by("pk").first()
    return [
        "/min-plan/",
        f"/min-plan/maal/{goal.pk}/",
        f"/min-plan/maal/{goal.pk}/ret/",
        "/min-plan/maal/nyt/",
        f"/min-plan/indsats/{activity.pk}/",
        "/min-plan/meningsfuld/",
        f"/min-plan/kommentar/?goal={goal.pk}",
        "/min-plan/hvem-har-set/",
        "/min-plan/mine-data/",
        "/min-plan/udskriv/",
        "/min-plan/netvaerk/",
        "/min-plan/netvaerk/inviter/",
    ]


def _member_pages(plan) -> list[str]:
    return [
        "/jeg-hjaelper/",
        f"/jeg-hjaelper/{plan.pk}/",
        f"/jeg-hjaelper/{plan.pk}/tilbyd-hjaelp/",
        "/min-plan/mine-data/",
    ]


def _visit(page: Page, base: str, paths: list[str]) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 740})
        for path in paths:
            response = page.goto(f"{base}{path}")
            # A page that says "log in first" would be measured instead of the one meant.
            assert "/konto/login/" not in page.url or path.startswith("/konto/login/"), path
            assert response.status in {200, 404}, (path, response.status)


def test_no_page_of_a_journey_is_wider_than_a_phone(page: Page, live_site, log_in):
    seed_plans()
    seed_network()
    plan = Plan.objects.get(citizen__email="borger@example.dk")
    base = live_site.url

    _visit(page, base, PUBLIC)

    log_in(page, base, "borger@example.dk")
    _visit(page, base, _citizen_pages(plan) + ACCOUNT)
    # A form sent back with its errors: the summary and the messages fit too.
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 740})
        page.goto(f"{base}/min-plan/maal/nyt/")
        page.get_by_role("button", name="Gem mål").click()
        # The click returns before the answer has loaded; expect waits for it.
        expect(page).to_have_title(re.compile(r"^Fejl: "))

    page.context.clear_cookies()
    log_in(page, base, "netvaerk@example.dk")
    _visit(page, base, _member_pages(plan))

    page.context.clear_cookies()
    log_in(page, base, "sagsbehandler@example.dk")
    _visit(page, base, ["/indstillinger/beskeder/"])
    # The pages are measured as they load; the fixture fails the test, listing each wide page.
