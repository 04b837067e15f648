"""The invited person's way in, on a phone: from the invitation email to being in the network
takes that one email, the address is already filled in, and no page asks to verify it."""

import re

import pytest
from playwright.sync_api import expect

from plans.models import NetworkMembership, Relation
from plans.network import services
from tests.browser.helpers import plan_with_a_shared_and_a_private_goal
from tests.plans.factories import build_world

pytestmark = pytest.mark.browser

PASSWORD = "en-lang-god-adgangskode-42"


def _messages_to(mail_dir, address):
    """Every message the file backend wrote for `address`, oldest first."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(mail_dir.glob("*.log"))]
    messages = [m for text in texts for m in re.split(r"\n-{79}\n", text) if m.strip()]
    return [m for m in messages if re.search(rf"^To: {re.escape(address)}$", m, re.MULTILINE)]


def test_one_email_and_no_second_verification_from_invitation_to_member(
    phones, live_site, mail_dir, assert_accessible, server_errors
):
    world = build_world()
    shared = plan_with_a_shared_and_a_private_goal(world)
    services.invitation_send(
        plan=world.plan,
        invited_by=world.citizen,
        name="Jonas",
        email="jonas@example.dk",
        relation=Relation.FRIEND,
        whole_plan=False,
        goals=[shared],
    )
    jonas = phones[0]
    visited = []
    jonas.on("framenavigated", lambda frame: visited.append(frame.url))
    (invitation_email,) = _messages_to(mail_dir, "jonas@example.dk")
    link = re.search(r"http://[^\s\"]+/invitation/[A-Za-z0-9_\-]+/", invitation_email).group(0)

    # Before: 2 emails, 5 clicks and 3 fields until he could say yes. Now: 1 email; clicks: the
    # link, "Opret en konto", "Opret konto"; fields: the two passwords.
    jonas.goto(link)
    expect(jonas.get_by_role("heading", name="Mette vil gerne have dig med")).to_be_visible()
    jonas.get_by_role("link", name="Opret en konto").click()
    email = jonas.locator('input[name="email"]')
    expect(email).to_have_value("jonas@example.dk")
    assert_accessible(jonas)
    jonas.locator('input[name="password1"]').fill(PASSWORD)
    jonas.locator('input[name="password2"]').fill(PASSWORD)
    jonas.get_by_role("button", name="Opret konto").click()

    # Straight back to the invitation, logged in, ready to say yes.
    expect(jonas).to_have_url(link)
    expect(
        jonas.locator("p:not(.message)", has_text="Du er logget ind som jonas@example.dk.")
    ).to_be_visible()
    jonas.get_by_role("button", name="Ja, jeg vil gerne være med").click()

    expect(jonas.get_by_role("heading", name="Du hjælper Mette")).to_be_visible()
    expect(jonas.get_by_role("heading", name="Jeg vil have et job")).to_be_visible()
    expect(jonas.get_by_text("Jeg vil drikke mindre")).to_have_count(0)
    assert NetworkMembership.objects.get().user.email == "jonas@example.dk"
    assert len(_messages_to(mail_dir, "jonas@example.dk")) == 1
    assert not [url for url in visited if "/konto/confirm-email/" in url], visited
    assert not server_errors, "\n".join(server_errors)
