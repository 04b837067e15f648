"""A security key works as the second factor under the strict Content-Security-Policy: a staff
member registers one (Chromium's virtual authenticator stands in for the USB key) and then
logs in with password and key, and no page reports a policy violation on the way."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse
from playwright.sync_api import Page, expect

from portal.demo.accounts import demo_password, ensure_demo_user

from .helpers import watch_csp

pytestmark = pytest.mark.browser


def _plug_in_security_key(page: Page) -> None:
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )


def test_staff_register_a_security_key_and_log_in_with_it(page: Page, live_site, log_in, settings):
    # The live server speaks plain http on localhost, as `make run` does (settings/dev.py).
    settings.MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
    caseworker = ensure_demo_user(
        email="sagsbehandler@example.dk", first_name="Sofie", groups=["Sagsbehandlere"]
    )
    refused = watch_csp(page)
    _plug_in_security_key(page)

    # Register the key. Adding a factor is a sensitive change: allauth asks for the password
    # once more, even right after the login.
    add_url = reverse("mfa_add_webauthn")
    log_in(page, live_site.url, caseworker.email, next_url=add_url)
    page.wait_for_url("**/konto/reauthenticate/**")
    page.get_by_label("Adgangskode").fill(demo_password())
    page.get_by_label("Adgangskode").press("Enter")
    page.wait_for_url(f"**{add_url}")
    # allauth labels the field "Name" without a Danish translation yet; find it by its name.
    page.locator("input[name=name]").fill("Min nøgle")
    page.get_by_role("button", name="Tilføj").click()
    page.wait_for_url(lambda url: not url.endswith(add_url))
    key = Authenticator.objects.get(user=caseworker, type=Authenticator.Type.WEBAUTHN)
    assert key.wrap().name == "Min nøgle"

    # Log out and in again, this time with the key as the second step instead of the app.
    with page.expect_navigation():
        page.get_by_role("navigation", name="Genveje").get_by_role("button", name="Log ud").click()
    page.goto(f"{live_site.url}/konto/login/?next=/admin/")
    page.get_by_label("E-mail").fill(caseworker.email)
    page.get_by_label("Adgangskode").fill(demo_password())
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url("**/konto/2fa/authenticate/")
    page.get_by_role("button", name="Brug en sikkerhedsnøgle").click()
    page.wait_for_url("**/admin/")
    expect(page.locator("body")).to_contain_text("Sofie")
    page.wait_for_load_state("networkidle")

    assert refused == []
