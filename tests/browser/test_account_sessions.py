"""Where you are logged in (/konto/sessions/) on a small phone: two logins with a long browser
name each, and the page is no wider than the screen (it was 527 px at 360 px as a table)."""

import pytest
from playwright.sync_api import Page, expect

from portal.demo.accounts import ensure_demo_user

pytestmark = pytest.mark.browser
LONG_BROWSER = (
    "Mozilla/5.0 (Linux; Android 14; SM-A546B Build/UP1A.231005.007; wv) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.135 Mobile Safari/537.36"
)


@pytest.mark.parametrize("width", [320, 360])
def test_the_sessions_page_fits_a_small_phone(
    browser, live_site, log_in, assert_accessible, demo_password, width
):
    ensure_demo_user(email="borger@example.dk", first_name="Mette")
    pages = []
    for _ in range(2):
        context = browser.new_context(
            locale="da-DK", user_agent=LONG_BROWSER, viewport={"width": width, "height": 740}
        )
        pages.append(context.new_page())
        log_in(pages[-1], live_site.url, "borger@example.dk")
    page: Page = pages[-1]

    page.goto(f"{live_site.url}/konto/sessions/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Hvor du er logget ind")
    expect(page.get_by_text("Her er du nu")).to_be_visible()
    expect(page.get_by_role("button", name="Log ud alle andre steder")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page)
    for other in pages:
        other.context.close()
