"""axe-core (WCAG 2.1 A and AA) on the public pages, on a phone and on a desktop screen."""

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/",
    "guide": "/vejledninger/saadan-virker-din-plan/",
    "search results": "/soeg/?q=plan",
    "search without hits": "/soeg/?q=zxqvrk",
    "empty search": "/soeg/",
    "login": "/konto/login/",
    "signup": "/konto/signup/",
    "not found": "/findes-ikke/",
}


@pytest.mark.parametrize("width", [360, 1280])
def test_public_pages_have_no_axe_violations(page: Page, live_site, assert_accessible, width):
    page.set_viewport_size({"width": width, "height": 800})
    for name, path in PAGES.items():
        response = page.goto(f"{live_site.url}{path}")
        assert response.status == (404 if name == "not found" else 200), name
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
