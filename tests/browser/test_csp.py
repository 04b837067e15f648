"""In Chromium, the policies hold without breaking anything: no page a citizen or an editor
opens reports a Content-Security-Policy violation, the admin included."""

import pytest
from playwright.sync_api import Page

from portal.demo.accounts import ensure_demo_user

from .helpers import watch_csp

pytestmark = pytest.mark.browser


def test_citizen_pages_run_under_the_strict_policy(page: Page, live_site, log_in):
    ensure_demo_user(email="borger@example.dk", first_name="Mette")
    refused = watch_csp(page)
    log_in(page, live_site.url, "borger@example.dk", next_url="/konto/email/")
    for path in ["/", "/min-plan/", "/konto/email/", "/konto/sessions/", "/konto/2fa/"]:
        page.goto(live_site.url + path)
        page.wait_for_load_state("networkidle")
    assert refused == []


def test_an_editor_sees_the_userbar_and_the_admin_without_violations(
    page: Page, live_site, editor, log_in
):
    refused = watch_csp(page)
    log_in(page, live_site.url, editor.email, next_url="/admin/")
    page.wait_for_url("**/admin/")
    page.goto(live_site.url + "/admin/pages/")
    page.wait_for_load_state("networkidle")
    page.goto(live_site.url + "/")
    page.wait_for_load_state("networkidle")
    assert page.locator("wagtail-userbar").count() == 1
    assert refused == []
