"""Mette prints her plan and puts her next meeting in her phone's calendar, in Chromium: the
PDF of the print view fits on three A4 pages and holds the next meeting, her coordinator's
phone and the complaint deadline, without the site's header or any form; the .ics the page
links to reads back with the meeting's Danish time."""

import datetime
import io
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import formats, timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from plans.models import Comment, Plan
from portal.demo.network import MEMBER_EMAIL, seed_network
from portal.demo.plans import seed_plans

pytestmark = pytest.mark.browser
CPH = ZoneInfo("Europe/Copenhagen")


def _pdf_text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), " ".join(text.split())


def test_mette_prints_her_plan_and_puts_a_meeting_in_her_calendar(
    page: Page, live_site, log_in, assert_accessible, server_errors
):
    seed_plans()
    plan = Plan.objects.get(citizen__email="borger@example.dk")
    meeting = plan.meetings.order_by("starts_at").first()
    decision = plan.decisions.first()
    base = live_site.url

    log_in(page, base, "borger@example.dk", next_url="/min-plan/")
    page.get_by_role("link", name="Udskriv min plan").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plan for Mette")
    # The print button is JavaScript's (static/js/print.js): shown once the script ran.
    expect(page.get_by_role("button", name="Udskriv nu")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)

    pdf = page.pdf(format="A4", print_background=False)
    pages, text = _pdf_text(pdf)
    print(f"\nPrinted plan: {pages} A4 page(s)")
    assert pages <= 3
    when = formats.date_format(timezone.localtime(meeting.starts_at), r"j. F Y \k\l. H.i")
    assert when in text
    assert meeting.place in text
    assert plan.coordinator.phone in text
    deadline = formats.date_format(decision.complaint_deadline, "j. F Y")
    assert f"Du skal klage senest {deadline}" in text
    # No header, search, navigation or forms on paper, and no tools of the page.
    for absent in ("Søg på siden", "Log ud", "Tag kommentarerne med", "Udskriv nu", "Genveje"):
        assert absent not in text, absent

    # Asked for, the comments come along (the demo's few take no more than one page more).
    page.get_by_role("link", name="Tag kommentarerne med").click()
    # The PDF is made of whatever page is there: wait for the new one to have loaded (CI once
    # printed the page in between, with no text at all).
    page.wait_for_url("**/*?med_kommentarer=1", wait_until="load")
    pages_with_comments, text = _pdf_text(page.pdf(format="A4"))
    print(f"Printed with comments: {pages_with_comments} A4 page(s)")
    newest = Comment.objects.filter(plan=plan, deleted_at__isnull=True).latest("pk")
    assert " ".join(newest.body.split()[:4]) in text
    assert pages_with_comments <= pages + 1

    # Back on Min plan: "Læg i kalender" downloads the meeting.
    page.goto(f"{base}/min-plan/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Læg i kalender").first.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    with open(download.path(), "rb") as ics:
        cal = icalendar.Calendar.from_ical(ics.read())
    (event,) = cal.walk("VEVENT")
    start = event.decoded("dtstart")
    assert start == meeting.starts_at
    assert start.astimezone(CPH).replace(tzinfo=None) == timezone.localtime(
        meeting.starts_at
    ).replace(tzinfo=None)
    assert start.astimezone(CPH).time() == datetime.time(10, 0)
    assert str(event["LOCATION"]) == meeting.place
    assert server_errors == []


def test_her_sister_prints_what_mette_shared(
    page: Page, live_site, log_in, assert_accessible, server_errors
):
    seed_plans()
    seed_network()
    plan = Plan.objects.get(citizen__email="borger@example.dk")
    base = live_site.url
    log_in(page, base, MEMBER_EMAIL, next_url=f"/jeg-hjaelper/{plan.pk}/")
    page.get_by_role("link", name="Udskriv det, du kan se").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Det, Mette har delt med dig")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
    pages, text = _pdf_text(page.pdf(format="A4"))
    print(f"\nPrinted member view: {pages} A4 page(s)")
    assert pages == 1
    assert plan.what_matters not in text
    assert "Søg på siden" not in text and "Tag kommentarerne med" not in text
    assert server_errors == []
