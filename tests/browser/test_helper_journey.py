"""The trusted helper on two phones: Mette makes her sister Lene her helper (confirming her
password first); Lene reads what it means and says yes, sees the banner and the whole plan, and
writes a comment for Mette; Mette sees "skrevet af Lene for dig" and Lene's steps in "Hvem har
set min plan"; Mette ends the role, and Lene's very next request is refused. axe finds nothing
on any page of it, at 360 px."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from plans.models import Decision, NetworkMembership, Relation
from tests.browser.helpers import plan_with_a_shared_and_a_private_goal
from tests.plans.factories import build_world, citizen

pytestmark = pytest.mark.browser


@pytest.fixture
def mette_and_sister(live_site):
    world = build_world()
    shared = plan_with_a_shared_and_a_private_goal(world)
    Decision.objects.create(
        plan=world.plan,
        title="Afgørelse om ressourceforløb",
        explanation="Du har brug for ro.",
        meaning="Du får hjælp i et halvt år.",
        how_to_complain="Skriv til os.",
        complaint_deadline=timezone.localdate() + datetime.timedelta(weeks=4),
        contact=world.coordinator_profile,
    )
    sister = citizen(email="lene@example.dk", first_name="Lene")
    membership = NetworkMembership.objects.create(
        plan=world.plan, user=sister, name="Lene", relation=Relation.FAMILY
    )
    membership.goals.set([shared])  # as a member she sees one goal only
    world.sister = sister
    return world


def _confirm_password_if_asked(page, password):
    if "/konto/reauthenticate/" in page.url:
        page.locator('input[name="password"]').fill(password)
        page.get_by_role("button", name="Bekræft").click()


def test_mette_makes_her_sister_her_helper_and_ends_it(
    phones,
    live_site,
    mette_and_sister,
    log_in,
    demo_password,
    assert_accessible,
    server_errors,
):
    world = mette_and_sister
    mette, lene, _third = phones
    base = live_site.url
    plan_url = f"{base}/hjaelper/{world.plan.pk}/"

    # Mette asks Lene, after confirming her password and reading what a helper can and cannot.
    log_in(mette, base, world.citizen.email, next_url="/min-plan/netvaerk/")
    assert_accessible(mette)
    mette.get_by_role("link", name="Gør Lene til din hjælper").click()
    _confirm_password_if_asked(mette, demo_password)
    expect(mette.get_by_role("heading", name="Skal Lene være din hjælper?")).to_be_visible()
    expect(mette.get_by_role("heading", name="Det kan en hjælper ikke")).to_be_visible()
    assert_accessible(mette)
    mette.get_by_role("button", name="Ja, spørg Lene").click()
    expect(mette.get_by_text("Vi har spurgt Lene.")).to_be_visible()
    expect(mette.get_by_text("Vi venter på svar.")).to_be_visible()
    assert_accessible(mette)

    # Lene reads what it means and says yes.
    log_in(lene, base, world.sister.email, next_url="/jeg-hjaelper/")
    lene.get_by_role("link", name="Mette spørger, om du vil være hjælper").click()
    expect(lene.get_by_role("heading", name="Vil du være hjælper for Mette?")).to_be_visible()
    assert_accessible(lene)
    lene.get_by_role("button", name="Ja, jeg vil gerne være hjælper").click()

    # The banner, the way back, and the whole plan (the goal she could not see as a member).
    expect(lene).to_have_url(plan_url)
    banner = lene.get_by_role("region", name="Du er hjælper")
    expect(banner.get_by_text("Du hjælper Mette med planen")).to_be_visible()
    expect(banner.get_by_role("link", name="Tilbage til Planer, jeg hjælper med")).to_be_visible()
    expect(lene.get_by_role("heading", name="Jeg vil drikke mindre")).to_be_visible()
    expect(lene.get_by_text("Samtaler på Rusmiddelcentret")).to_be_visible()
    expect(lene.get_by_role("heading", name="Afgørelse om ressourceforløb")).to_be_visible()
    expect(lene.get_by_role("link", name="Hvem har set planen")).to_have_count(0)
    assert_accessible(lene)

    # She writes for Mette.
    lene.get_by_label("Din kommentar").fill("Jeg ringer til Anne om mødet for dig.")
    lene.get_by_role("button", name="Send for Mette").click()
    expect(lene.get_by_text("Din kommentar er sendt for Mette.")).to_be_visible()
    expect(lene.get_by_text("Dig, for Mette")).to_be_visible()
    assert_accessible(lene)

    # Mette sees it marked "for dig", and Lene's steps in her access log.
    mette.goto(f"{base}/min-plan/")
    expect(mette.get_by_text("Skrevet af Lene for dig")).to_be_visible()
    expect(mette.get_by_text("Jeg ringer til Anne om mødet for dig.")).to_be_visible()
    assert_accessible(mette)
    mette.goto(f"{base}/min-plan/hvem-har-set/")
    # Two reads: the plan when she said yes, and again after her comment.
    expect(mette.get_by_text("Så: hele planen (som hjælper)")).to_have_count(2)
    expect(
        mette.get_by_text("Ændrede: skrev en kommentar til planen (som hjælper)")
    ).to_be_visible()
    assert_accessible(mette)

    # Mette ends the role at once (no password asked to take power away).
    mette.goto(f"{base}/min-plan/netvaerk/")
    mette.get_by_role("button", name="Stop Lene som hjælper nu").click()
    expect(mette.get_by_text("Lene er ikke længere din hjælper.")).to_be_visible()
    assert_accessible(mette)

    # Lene's very next request is refused, and shows nothing of the plan.
    response = lene.reload()
    assert response.status == 403
    assert not server_errors, "\n".join(server_errors)
    expect(
        lene.get_by_role("heading", name="Du er ikke længere hjælper for Mette")
    ).to_be_visible()
    assert "Jeg vil drikke mindre" not in lene.content()
    assert "Afgørelse om ressourceforløb" not in lene.content()
    assert_accessible(lene)
