""" "Udskriv min plan": what matters on paper, with no forms, no navigation and no comments
unless she asks for them; only for the citizen (the privacy matrix knocks on it too)."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import formats, timezone

from plans.models import AccessLogEntry, Plan

URL = "/min-plan/udskriv/"


@pytest.fixture
def mette(client, mettes):
    client.force_login(mettes.citizen)
    return client


def _page(client, url=URL) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _main(body: str) -> str:
    return body[body.index("<main") : body.index("</main>")]


def test_the_print_view_carries_what_matters(mette, mettes):
    plan = mettes.plan
    meeting = plan.meetings.get()
    decision = plan.decisions.get()
    main = _main(_page(mette))
    assert reverse("plans:print") == URL
    assert plan.what_matters in main
    when = formats.date_format(timezone.localtime(meeting.starts_at), r"l j. F Y \k\l. H.i")
    assert f"{when}: Møde" in main
    # What people wrote is marked Danish, for a reader set to English (WCAG 3.1.2).
    assert 'Sted: <span lang="da">Rådhuset, mødelokale 2</span>' in main
    assert 'Hvem kommer: <span lang="da">Dig og Anne</span>' in main
    assert 'Tag med: <span lang="da">Dit sundhedskort</span>' in main
    # Goals with their activities and who to call, by phone.
    assert "Mit eget mål" in main and "Mål nummer 0" in main
    assert 'Ring til Anne Holm, <span class="print-phone">70 11 22 33</span>.' in main
    # The decision and its deadline, the coordinator and her phone, the day it was printed.
    deadline = formats.date_format(decision.complaint_deadline, "j. F Y")
    assert f"Du skal klage senest {deadline}." in main
    assert "Min koordinator" in main
    assert 'Telefon: <span class="print-phone">70 11 22 33</span>' in main
    printed = formats.date_format(timezone.localdate(), "j. F Y")
    assert f"Udskrevet den {printed}" in main


def test_no_forms_and_no_comments_unless_she_asks(mette):
    main = _main(_page(mette))
    assert "<form" not in main and "<textarea" not in main
    assert "Mettes kommentar" not in main
    assert 'href="/min-plan/udskriv/?med_kommentarer=1"' in main
    assert "Tag kommentarerne med" in main

    with_comments = _main(_page(mette, URL + "?med_kommentarer=1"))
    assert "Mettes kommentar" in with_comments
    assert "<form" not in with_comments
    # Her own comment carries no edit or delete links on paper.
    assert "/ret/" not in with_comments and "/slet/" not in with_comments


def test_it_works_without_javascript_and_the_only_script_is_our_file(mette):
    body = _page(mette)
    scripts = re.findall(r"<script[^>]*>", body)
    assert scripts == ['<script src="/static/js/print.js" defer>']
    assert "<script>" not in body  # nothing inline: the CSP allows none
    # The print button needs JavaScript, so it starts hidden and the page tells how instead.
    assert re.search(r"<button[^>]*data-print-button[^>]*hidden", body)
    assert "Vælg Udskriv i din browsers menu" in body


def test_every_page_prints_without_header_and_forms(mette):
    body = _page(mette, reverse("plans:min_plan"))
    assert '<link rel="stylesheet" href="/static/css/print.css" media="print">' in body
    assert reverse("plans:print") in body  # "Udskriv min plan" from Min plan


def test_her_own_print_is_not_in_the_access_log(mette, mettes):
    before = AccessLogEntry.objects.filter(plan=mettes.plan).count()
    _page(mette)
    assert AccessLogEntry.objects.filter(plan=mettes.plan).count() == before


def test_a_finished_plan_still_prints(mette, mettes):
    Plan.objects.filter(pk=mettes.plan.pk).update(status=Plan.Status.ARCHIVED)
    assert mettes.plan.what_matters in _main(_page(mette))


def test_only_what_is_coming_is_printed(mette, mettes):
    meeting = mettes.plan.meetings.get()
    meeting.starts_at = timezone.now() - datetime.timedelta(days=3)
    meeting.save()
    assert "Rådhuset, mødelokale 2" not in _page(mette)


@pytest.mark.parametrize("who", ["coordinator", "outsider", "editor", "other_citizen"])
def test_nobody_else_prints_her_plan(mettes, who):
    client = Client()
    client.force_login(getattr(mettes, who))
    response = client.get(URL)
    body = response.content.decode()
    assert mettes.plan.what_matters not in body
    assert response.status_code == (200 if who == "other_citizen" else 404)
