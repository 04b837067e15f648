""" "Nyt siden sidst" on Min plan: what others did on her plan since her previous visit, each line
a link to the spot, her own doings left out, and a visit is hers alone."""

import datetime
import re

import pytest
from django.db.models import F
from django.test import Client
from django.urls import reverse

from plans.models import Comment, NetworkMembership, Offer, PlanEvent, PlanVisit, Relation
from plans.network import services as network
from tests.plans.factories import admin_edit_data, admin_row, citizen

NEWS = re.compile(r'<section class="plan-section plan-section--news".*?</section>', re.S)
LINK = re.compile(r'<li><a href="([^"]+)">([^<]+)</a></li>')


@pytest.fixture
def lene(mettes):
    """Mette's sister in her network, seeing the whole plan."""
    user = citizen(email="lene@example.dk", first_name="")
    return NetworkMembership.objects.create(
        plan=mettes.plan, user=user, name="Lene", relation=Relation.FAMILY, whole_plan=True
    )


def _min_plan(client):
    response = client.get(reverse("plans:min_plan"))
    assert response.status_code == 200
    return response.content.decode()


def _news(body):
    """The lines of "Nyt siden sidst" as (link, text), or None when the page has no such box."""
    section = NEWS.search(body)
    if section is None:
        return None
    return [(href, text.replace("&#x27;", "'")) for href, text in LINK.findall(section.group())]


def _away(world, minutes):
    """`minutes` pass: everything that happened on her plan, her visit too, moves back in time."""
    back = datetime.timedelta(minutes=minutes)
    PlanVisit.objects.filter(plan=world.plan).update(
        seen_at=F("seen_at") - back, previous_at=F("previous_at") - back
    )
    PlanEvent.objects.filter(plan=world.plan).update(at=F("at") - back)
    Comment.objects.filter(plan=world.plan).update(created_at=F("created_at") - back)


def _ids(html):
    return set(re.findall(r'\sid="([^"]+)"', html))


def _staff_moves_the_meeting_and_answers(world):
    staff = Client()
    staff.force_login(world.coordinator)
    data = admin_edit_data(staff, world.plan)
    row = admin_row(data, "meetings", world.plan.meetings.get().pk)
    data[f"{row}-starts_at"] = "2030-12-10 10:00"
    assert staff.post(reverse("planer:edit", args=[world.plan.pk]), data).status_code == 302
    response = staff.post(
        reverse("plans_admin:comments", args=[world.plan.pk]),
        {"body": "Vi ses på tirsdag", "reply_to": world.comment.pk},
    )
    assert response.status_code == 302


def test_the_first_visit_shows_no_news(client, mettes):
    client.force_login(mettes.citizen)
    assert _news(_min_plan(client)) is None
    assert PlanVisit.objects.get(user=mettes.citizen).previous_at is None


def test_she_sees_what_others_did_since_her_last_visit_with_links_to_the_spot(
    client, mettes, lene
):
    client.force_login(mettes.citizen)
    _min_plan(client)
    _away(mettes, 31)
    _staff_moves_the_meeting_and_answers(mettes)
    network.offer_create(
        membership=lene, goal=mettes.goal, kind=Offer.Kind.TRANSPORT, what="Jeg kører dig"
    )
    # Her own doings are not news to her.
    client.post(reverse("plans:goal_add"), {"text": "Gå til svømning"})
    client.post(reverse("plans:comment_add"), {"body": "Tak for svaret"})

    body = _min_plan(client)
    lines = _news(body)
    assert [text for _href, text in lines] == [
        "Lene tilbyder hjælp til målet “Mit eget mål”. Tilbuddet venter på dit svar.",
        "Anne Holm svarede på din kommentar",
        "Anne Holm flyttede mødet til 10. december kl. 10.00",
    ]
    network_page = client.get(reverse("network:index")).content.decode()
    for href, text in lines:
        path, anchor = href.split("#")
        page = body if path == reverse("plans:min_plan") else network_page
        assert path in (reverse("plans:min_plan"), reverse("network:index")), text
        assert anchor in _ids(page), (text, anchor)
    assert "Vi ses på tirsdag" in body  # the reply the line points at is on the page

    # A reload within half an hour is the same visit: the news stays.
    assert _news(_min_plan(client)) == lines


def test_after_a_visit_the_news_is_gone_but_a_waiting_offer_stays_until_answered(
    client, mettes, lene
):
    client.force_login(mettes.citizen)
    _min_plan(client)
    _away(mettes, 31)
    _staff_moves_the_meeting_and_answers(mettes)
    offer = network.offer_create(
        membership=lene, goal=mettes.goal, kind=Offer.Kind.TRANSPORT, what="Jeg kører dig"
    )
    assert len(_news(_min_plan(client))) == 3

    _away(mettes, 31)
    lines = _news(_min_plan(client))
    assert [text for _href, text in lines] == [
        "Lene tilbyder hjælp til målet “Mit eget mål”. Tilbuddet venter på dit svar."
    ]
    response = client.post(
        reverse("network:offer_answer", args=[offer.pk]), {"answer_with": "yes", "answer": ""}
    )
    assert response.status_code == 302
    _away(mettes, 31)
    body = _min_plan(client)
    assert _news(body) == []
    assert "Der er ikke sket noget nyt, siden du sidst så din plan." in body


def test_a_change_kept_from_her_is_not_news(client, mettes):
    client.force_login(mettes.citizen)
    _min_plan(client)
    _away(mettes, 31)
    mettes.other_team.members.add(mettes.coordinator)
    staff = Client()
    staff.force_login(mettes.coordinator)
    data = admin_edit_data(staff, mettes.plan)
    data["team"] = str(mettes.other_team.pk)
    assert staff.post(reverse("planer:edit", args=[mettes.plan.pk]), data).status_code == 302
    assert _news(_min_plan(client)) == []


def test_others_visits_do_not_touch_hers(client, mettes, lene):
    client.force_login(mettes.citizen)
    _min_plan(client)
    _away(mettes, 31)
    before = PlanVisit.objects.get(plan=mettes.plan, user=mettes.citizen)

    member = Client()
    member.force_login(lene.user)
    member.get(reverse("plans:min_plan"))
    member.get(reverse("network:member_plan", args=[mettes.plan.pk]))
    ali = Client()
    ali.force_login(mettes.other_citizen)
    _min_plan(ali)

    after = PlanVisit.objects.get(plan=mettes.plan, user=mettes.citizen)
    assert (after.previous_at, after.seen_at) == (before.previous_at, before.seen_at)
    assert not PlanVisit.objects.filter(plan=mettes.plan).exclude(user=mettes.citizen).exists()
    assert PlanVisit.objects.filter(plan=mettes.other_plan, user=mettes.other_citizen).exists()
