"""The network story on a phone: Mette invites Jonas, he signs up from the email link, sees only
the goal she shared, offers a lift to a job interview; Mette says yes and sees it in her plan;
the coordinator sees it in the admin; Mette removes Jonas, and his next request is refused.
axe finds nothing on any page of it."""

import re

import pytest
from playwright.sync_api import expect

from plans.models import NetworkMembership, Offer
from tests.browser.helpers import plan_with_a_shared_and_a_private_goal
from tests.plans.factories import build_world

pytestmark = pytest.mark.browser

PASSWORD = "en-lang-god-adgangskode-42"


def _newest_link(mail_dir, pattern):
    """The newest matching link in the mail folder, as a person would click it."""
    for path in sorted(mail_dir.glob("*.log"), key=lambda p: p.stat().st_mtime, reverse=True):
        found = re.findall(pattern, path.read_text(encoding="utf-8"))
        if found:
            return found[-1]
    raise AssertionError(f"no mail with {pattern} in {mail_dir}")


def _confirm_password_if_asked(page, password):
    if "/konto/reauthenticate/" in page.url:
        page.locator('input[name="password"]').fill(password)
        page.get_by_role("button", name="Bekræft").click()


@pytest.fixture
def mette_and_plan(live_site):
    world = build_world()
    plan_with_a_shared_and_a_private_goal(world)
    return world


def test_the_whole_network_story(
    phones,
    live_site,
    mette_and_plan,
    mail_dir,
    log_in,
    demo_password,
    assert_accessible,
    server_errors,
):
    world = mette_and_plan
    mette, jonas, coordinator = phones
    base = live_site.url

    # Mette invites Jonas and sees exactly what he will see before sending.
    log_in(mette, base, world.citizen.email, next_url="/min-plan/netvaerk/inviter/")
    _confirm_password_if_asked(mette, demo_password)
    expect(mette.get_by_role("heading", name="Inviter en person til dit netværk")).to_be_visible()
    assert_accessible(mette)
    mette.get_by_label("Navn").fill("Jonas")
    mette.get_by_label("E-mail").fill("jonas@example.dk")
    mette.get_by_label("Ven", exact=True).check()
    mette.get_by_label("Kun de mål, jeg vælger").check()
    mette.get_by_label("Jeg vil have et job").check()
    mette.get_by_label("Personlig besked (kan udelades)").fill("Du har selv prøvet det.")
    mette.get_by_role("button", name="Se, hvad personen kan se").click()
    expect(mette.get_by_role("heading", name="Det kan Jonas se")).to_be_visible()
    expect(mette.get_by_text("Jobsamtaler hos Jobcentret")).to_be_visible()
    expect(mette.get_by_text("Jeg vil drikke mindre")).to_have_count(0)
    assert_accessible(mette)
    mette.get_by_role("button", name="Send invitationen til Jonas").click()
    expect(mette.get_by_text("Invitationen er sendt til Jonas.")).to_be_visible()
    assert_accessible(mette)

    # Jonas opens the link from his email, signs up (the link proved his address, which is
    # filled in) and accepts.
    link = _newest_link(mail_dir, r"http://[^\s\"]+/invitation/[A-Za-z0-9_\-]+/")
    jonas.goto(link)
    expect(jonas.get_by_role("heading", name="Mette vil gerne have dig med")).to_be_visible()
    expect(jonas.get_by_text("Du har selv prøvet det.")).to_be_visible()
    assert_accessible(jonas)
    jonas.get_by_role("link", name="Opret en konto").click()
    expect(jonas.locator('input[name="email"]')).to_have_value("jonas@example.dk")
    jonas.locator('input[name="password1"]').fill(PASSWORD)
    jonas.locator('input[name="password2"]').fill(PASSWORD)
    jonas.get_by_role("button", name="Opret konto").click()
    expect(jonas).to_have_url(re.compile(r"/invitation/"))
    jonas.get_by_role("button", name="Ja, jeg vil gerne være med").click()

    expect(jonas.get_by_role("heading", name="Du hjælper Mette")).to_be_visible()
    expect(jonas.get_by_role("heading", name="Jeg vil have et job")).to_be_visible()
    expect(jonas.get_by_text("Jeg vil drikke mindre")).to_have_count(0)
    expect(jonas.get_by_text("Samtaler på Rusmiddelcentret")).to_have_count(0)
    assert_accessible(jonas)

    # He offers a lift to the job interview.
    jonas.get_by_role("link", name="Tilbyd hjælp til dette mål").click()
    jonas.get_by_label("Transport").check()
    jonas.get_by_label("Hvad vil du gøre?").fill("Jeg kører dig til jobsamtalen")
    jonas.get_by_label("Hvornår eller hvor tit? (kan udelades)").fill("Tirsdag kl. 9")
    assert_accessible(jonas)
    jonas.get_by_role("button", name="Send tilbuddet").click()
    expect(jonas.get_by_text("Venter på svar")).to_be_visible()

    # Mette says yes, and the help shows under the goal in her plan.
    mette.goto(f"{base}/min-plan/netvaerk/")
    expect(mette.get_by_text("Jeg kører dig til jobsamtalen")).to_be_visible()
    assert_accessible(mette)
    mette.get_by_label("Dit svar til Jonas (kan udelades)").fill("Tak, det er en stor hjælp!")
    mette.get_by_role("button", name="Ja tak").click()
    assert Offer.objects.get().status == Offer.Status.ACCEPTED
    mette.goto(f"{base}/min-plan/")
    assert not server_errors, "\n".join(server_errors)
    expect(mette.get_by_text("Mit netværk hjælper med …")).to_be_visible()
    expect(mette.get_by_text("Jeg kører dig til jobsamtalen")).to_be_visible()
    assert_accessible(mette)

    # The coordinator sees it on the plan in the admin.
    log_in(coordinator, base, world.coordinator.email, next_url="/admin/")
    coordinator.goto(f"{base}/admin/planer/edit/{world.plan.pk}/")
    expect(coordinator.get_by_text("Jeg kører dig til jobsamtalen")).to_be_visible()

    # Mette removes Jonas; his very next request is refused.
    mette.goto(f"{base}/min-plan/netvaerk/")
    mette.get_by_role("link", name="Fjern Jonas").click()
    _confirm_password_if_asked(mette, demo_password)
    assert_accessible(mette)
    mette.get_by_role("button", name="Ja, fjern Jonas").click()
    expect(mette.get_by_text("Jonas er fjernet fra dit netværk")).to_be_visible()
    assert NetworkMembership.objects.get().status == NetworkMembership.Status.REMOVED

    response = jonas.reload()
    assert response.status == 403
    assert not server_errors, "\n".join(server_errors)
    expect(jonas.get_by_text("Mette har lukket for din adgang")).to_be_visible()
    assert "Jeg vil have et job" not in jonas.content()
    assert_accessible(jonas)
