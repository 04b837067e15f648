"""Indstillinger for beskeder: every logged-in person chooses how often email comes; a wrong
choice gets a plain Danish message and keeps the page; what is held moves with the choice."""

import pytest
from django.urls import reverse
from django.utils import timezone

from plans.models import Frequency, Notice, NoticePreference
from plans.notices import notices_deliver
from plans.services import comment_add

URL = "/indstillinger/beskeder/"


def test_the_url_is_where_the_emails_point():
    assert reverse("preferences:notices") == URL


def test_anonymous_visitors_are_sent_to_log_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/konto/login/")


@pytest.mark.parametrize("who", ["citizen", "coordinator", "editor"])
def test_every_person_sees_the_three_choices_with_the_daily_digest_chosen(client, world, who):
    client.force_login(getattr(world, who))
    html = client.get(URL).content.decode()
    assert '<html lang="da"' in html
    for label in ["Med det samme", "Samlet én gang om dagen", "Kun det vigtigste"]:
        assert label in html
    assert 'value="daily" id="id_frequency_1" required checked>' in html
    assert html.count(" checked>") == 1
    # The page is about the person, never about a plan.
    assert world.plan.what_matters not in html


def test_the_choices_are_in_the_language_of_the_page_whichever_came_first(client, world):
    # One process serves both languages: the labels are made per request, not at import.
    client.force_login(world.citizen)
    for language, wanted, other in [
        ("en", "Right away. You get an email every time", "Med det samme"),
        ("da", "Med det samme. Du får en e-mail, hver gang", "Right away"),
        ("en", "Right away. You get an email every time", "Med det samme"),
    ]:
        client.cookies["django_language"] = language
        html = client.get(URL).content.decode()
        assert f'<html lang="{language}"' in html
        assert wanted in html and other not in html


def test_choosing_saves_and_moves_what_is_held(client, world, mailoutbox):
    comment_add(plan=world.plan, author=world.coordinator, author_role="staff", body="Hej")
    assert mailoutbox == []  # held for Mette's morning digest
    client.force_login(world.citizen)
    response = client.post(URL, {"frequency": "immediate"}, follow=True)
    assert response.redirect_chain == [(URL, 302)]
    assert "Dit valg er gemt." in response.content.decode()
    assert NoticePreference.objects.get(user=world.citizen).frequency == Frequency.IMMEDIATE
    # What was held is due now: the next delivery (any event's task, or cron) sends it.
    assert Notice.objects.get(recipient=world.citizen).due_at <= timezone.now()
    assert notices_deliver() == 1
    assert [m.to for m in mailoutbox] == [["mette@example.dk"]]
    # Back on the page, her choice is the one checked.
    html = client.get(URL).content.decode()
    assert 'value="immediate" id="id_frequency_0" required checked>' in html


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({}, "Vælg, hvor tit du vil have e-mail."),
        ({"frequency": "never"}, "Vælg en af de tre muligheder."),
        ({"frequency": "<b>x</b>"}, "Vælg en af de tre muligheder."),
    ],
)
def test_a_wrong_choice_gets_a_plain_message_and_saves_nothing(client, world, bad, message):
    client.force_login(world.citizen)
    response = client.post(URL, bad)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<div class="error-summary" role="alert" tabindex="-1" autofocus>' in html
    assert "<title>Fejl: " in html
    assert '<a href="#id_frequency">Hvor tit vil du have e-mail fra os?</a>' in html
    assert f'<ul class="errorlist" id="id_frequency_error"><li>{message}</li></ul>' in html
    assert "<b>x</b>" not in html
    assert not NoticePreference.objects.exists()


def test_staff_reach_the_page_from_their_caseload(client, world):
    client.force_login(world.coordinator)
    for page in ["/admin/mine-borgere/", "/admin/"]:
        html = client.get(page).content.decode()
        assert f'<a href="{URL}">Vælg, hvor tit du får e-mail om dine borgere</a>' in html, page


def test_citizens_and_members_reach_the_page_from_their_own_pages(client, world):
    from plans.models import NetworkMembership, Relation

    from .factories import citizen

    lene = citizen(email="lene@example.dk", first_name="Lene")
    NetworkMembership.objects.create(
        plan=world.plan, user=lene, name="Lene", relation=Relation.FAMILY, whole_plan=True
    )
    link = f'<a href="{URL}">Vælg, hvor tit du får e-mail</a>'
    client.force_login(world.citizen)
    assert link in client.get("/min-plan/").content.decode()
    client.force_login(lene)
    assert link in client.get("/jeg-hjaelper/").content.decode()
