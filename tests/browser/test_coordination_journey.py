"""The coordination loop on phones, through the real stack: Mette chooses email at once; Lene,
in her network, offers help; Mette gets the email, sees the cue on Min plan and says yes; the
coordinator sees it on Mine borgere and the plan's history, then finishes the plan; Lene's next
request says "Planen er afsluttet", and Mette sees her plan read-only. axe finds nothing at
360 px on any page of it."""

import re

import pytest
from playwright.sync_api import expect

from plans.models import Activity, Goal, NetworkMembership, NoticeEmail, Offer, Plan, Relation
from tests.plans.factories import build_world, citizen

pytestmark = pytest.mark.browser


@pytest.fixture
def world(live_site):
    world = build_world()
    job = world.departments[0]
    world.goal = Goal.objects.create(
        plan=world.plan, text="Jeg vil have et job", written_by="citizen", sort_order=0
    )
    Activity.objects.create(
        plan=world.plan,
        goal=world.goal,
        department=job,
        title="Jobsamtaler hos Jobcentret",
        responsible=world.coordinator_profile,
    )
    world.lene = citizen(email="lene@example.dk", first_name="Lene")
    membership = NetworkMembership.objects.create(
        plan=world.plan, user=world.lene, name="Lene", relation=Relation.FAMILY
    )
    membership.goals.set([world.goal])
    return world


def _mails_to(mail_dir, address):
    if not mail_dir.exists():
        return []
    return [
        text
        for path in sorted(mail_dir.glob("*.log"), key=lambda p: p.stat().st_mtime)
        if f"To: {address}" in (text := path.read_text(encoding="utf-8"))
    ]


def test_the_coordination_loop_closes(
    phones, live_site, world, mail_dir, log_in, assert_accessible, server_errors
):
    mette, lene, anne = phones
    base = live_site.url

    # Mette wants to hear at once.
    log_in(mette, base, world.citizen.email, next_url="/indstillinger/beskeder/")
    expect(mette.get_by_role("heading", name="Hvor tit vil du have e-mail?")).to_be_visible()
    assert_accessible(mette)
    mette.get_by_label(re.compile("Med det samme")).check()
    mette.get_by_role("button", name="Gem mit valg").click()
    expect(mette.get_by_text("Dit valg er gemt.")).to_be_visible()
    assert_accessible(mette)

    # Lene, whose header says where she helps, offers a lift.
    log_in(lene, base, world.lene.email, next_url="/jeg-hjaelper/")
    expect(lene.get_by_role("link", name="Planer, jeg hjælper med").first).to_be_visible()
    lene.goto(f"{base}/jeg-hjaelper/{world.plan.pk}/")
    assert_accessible(lene)
    lene.get_by_role("link", name="Tilbyd hjælp til dette mål").click()
    lene.get_by_label("Transport").check()
    lene.get_by_label("Hvad vil du gøre?").fill("Jeg kører dig til jobsamtalen")
    assert_accessible(lene)
    lene.get_by_role("button", name="Send tilbuddet").click()
    expect(lene.get_by_text("Venter på svar")).to_be_visible()

    # The email reaches Mette at once: who offered, never what.
    (email,) = _mails_to(mail_dir, "mette@example.dk")
    assert "Lene tilbyder at hjælpe dig" in email and "jobsamtalen" not in email
    assert f"{base}/min-plan/netvaerk/" in email

    # Anne sees on Mine borgere that an offer waits for Mette.
    log_in(anne, base, world.coordinator.email, next_url="/admin/mine-borgere/")
    offers_cell = anne.get_by_role("row", name=re.compile("Mette")).locator("td").nth(3)
    expect(anne.get_by_role("columnheader").nth(4)).to_have_text("Tilbud venter på borgeren")
    expect(offers_cell).to_have_text("1")
    assert_accessible(anne)

    # Mette sees the cue on Min plan, and what is new since her last visit.
    mette.goto(f"{base}/min-plan/")
    cue = mette.get_by_role("link", name="1 tilbud venter på dit svar")
    expect(cue).to_be_visible()
    assert_accessible(mette)
    cue.click()
    mette.get_by_label("Dit svar til Lene (kan udelades)").fill("Tak, det er en stor hjælp!")
    mette.get_by_role("button", name="Ja tak").click()
    assert Offer.objects.get().status == Offer.Status.ACCEPTED
    mette.goto(f"{base}/min-plan/")
    expect(mette.get_by_role("link", name="1 tilbud venter på dit svar")).to_have_count(0)
    expect(mette.get_by_text("Jeg kører dig til jobsamtalen")).to_be_visible()
    assert_accessible(mette)

    # Anne: nothing waits any more; the plan's history tells what happened.
    anne.goto(f"{base}/admin/mine-borgere/")
    expect(offers_cell).to_have_text("0")
    anne.goto(f"{base}/admin/planer/history/{world.plan.pk}/")
    expect(anne.get_by_text("Sagde ja tak til hjælp fra Lene")).to_be_visible()
    assert_accessible(anne)

    # Anne finishes the plan in the admin.
    anne.goto(f"{base}/admin/planer/edit/{world.plan.pk}/")
    assert_accessible(anne)
    anne.locator('select[name="status"]').select_option("archived")
    anne.get_by_role("button", name="Gem").first.click()
    expect(anne.get_by_role("status")).to_contain_text("Plan for Mette")
    assert_accessible(anne)
    assert Plan.objects.get(pk=world.plan.pk).is_archived
    assert not server_errors, "\n".join(server_errors)

    # Lene's next request: the plan is finished, nothing of it shown; she was told at once.
    response = lene.reload()
    assert response.status == 403
    expect(lene.get_by_role("heading", name="Planen er afsluttet")).to_be_visible()
    assert "Jeg vil have et job" not in lene.content()
    assert_accessible(lene)
    (ended,) = _mails_to(mail_dir, "lene@example.dk")
    assert "Planen, du hjalp Mette med, er afsluttet" in ended

    # Mette reads her finished plan; nothing can be written in it.
    mette.goto(f"{base}/min-plan/")
    expect(mette.get_by_text(re.compile("Din plan blev afsluttet den"))).to_be_visible()
    expect(mette.locator("form textarea")).to_have_count(0)
    expect(mette.get_by_text("Jeg kører dig til jobsamtalen")).to_be_visible()
    assert_accessible(mette)

    assert not server_errors, "\n".join(server_errors)
    # Each email went once: one to Mette (the offer), one to Lene (the end).
    assert NoticeEmail.objects.filter(sent_at__isnull=True).count() == 0
