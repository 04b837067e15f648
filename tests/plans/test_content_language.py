"""Under the English UI, every piece of Danish that people wrote (goals, activities, comments,
offers, what matters most, decisions) sits inside an element marked lang="da", so a screen
reader reads it with a Danish voice (WCAG 3.1.2). Checked on the demo data, page by page."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags

from plans.models import Activity, Comment, Decision, Goal, NetworkMembership, Offer, Plan
from plans.network import services as network_services

pytestmark = pytest.mark.django_db

# Shorter pieces ("Jobcenter") could be an English word or a name as well; every demo text is
# longer than this.
MIN_PIECE = 12


def _english(email: str) -> Client:
    client = Client()
    client.cookies["django_language"] = "en"
    client.force_login(get_user_model().objects.get(email=email))
    return client


def _danish_texts(plan: Plan) -> set[str]:
    """What people wrote in Mette's plan: each text whole, as the pages show it."""
    comments = Comment.objects.filter(plan=plan, deleted_at__isnull=True)
    texts = {
        *Goal.objects.filter(plan=plan).values_list("text", flat=True),
        *Activity.objects.filter(plan=plan).values_list("title", flat=True),
        *Decision.objects.filter(plan=plan).values_list("title", flat=True),
        *Offer.objects.filter(goal__plan=plan).values_list("what", flat=True),
        *(strip_tags(html) for html in comments.values_list("body_html", flat=True)),
        plan.what_matters,
    }
    return {" ".join(text.split()) for text in texts if len(text) >= MIN_PIECE}


def _pieces(html: str, texts: set[str]) -> list[tuple[str, str | None]]:
    """Each text node of <main> that shows (part of) one of `texts`, with the language of
    the nearest element that states one."""
    main = BeautifulSoup(html, "html.parser").find("main")
    found = []
    for node in main.find_all(string=True):
        piece = " ".join(node.split()).rstrip(" …")
        if len(piece) < MIN_PIECE or node.parent.name in {"script", "style", "textarea"}:
            continue
        if any(piece in text for text in texts):
            holder = node.find_parent(attrs={"lang": True})
            found.append((piece, holder["lang"] if holder else None))
    return found


def _assert_danish_marked(response, texts: set[str], *, at_least: int) -> None:
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<html lang="en">', html)
    pieces = _pieces(html, texts)
    unmarked = [piece for piece, lang in pieces if lang != "da"]
    assert not unmarked, f"{response.request['PATH_INFO']}: Danish without lang=da: {unmarked}"
    assert len(pieces) >= at_least, pieces


@pytest.fixture
def mettes_plan(seed_demo):
    return Plan.objects.get(citizen__email="borger@example.dk", status=Plan.Status.ACTIVE)


@pytest.mark.parametrize(
    ("url", "at_least"),
    [
        ("plans:min_plan", 10),
        ("plans:print", 6),
        ("plans:my_data", 6),
        ("plans:comments_older", 1),
        ("network:index", 2),
    ],
)
def test_mettes_pages_mark_her_danish_under_the_english_ui(mettes_plan, url, at_least):
    response = _english("borger@example.dk").get(reverse(url))
    _assert_danish_marked(response, _danish_texts(mettes_plan), at_least=at_least)


def test_a_goal_and_an_activity_page_mark_their_danish(mettes_plan):
    client = _english("borger@example.dk")
    texts = _danish_texts(mettes_plan)
    goal = mettes_plan.goals.filter(activities__isnull=False).first()
    _assert_danish_marked(client.get(reverse("plans:goal", args=[goal.pk])), texts, at_least=2)
    activity = mettes_plan.activities.first()
    response = client.get(reverse("plans:activity", args=[activity.pk]))
    _assert_danish_marked(response, texts, at_least=1)


def test_the_network_members_page_marks_the_shared_danish(mettes_plan):
    response = _english("netvaerk@example.dk").get(
        reverse("network:member_plan", args=[mettes_plan.pk])
    )
    _assert_danish_marked(response, _danish_texts(mettes_plan), at_least=2)


def test_the_helpers_page_marks_the_whole_plans_danish(mettes_plan):
    lene = NetworkMembership.objects.get(plan=mettes_plan, user__email="netvaerk@example.dk")
    network_services.helper_ask(membership=lene, by=mettes_plan.citizen, sees_access_log=True)
    network_services.helper_accept(membership=lene)
    client = _english("netvaerk@example.dk")
    texts = _danish_texts(mettes_plan)
    response = client.get(reverse("network:helper_plan", args=[mettes_plan.pk]))
    _assert_danish_marked(response, texts, at_least=10)
    response = client.get(reverse("network:helper_access_log", args=[mettes_plan.pk]))
    assert response.status_code == 200
    assert 'lang="da"' in response.content.decode()


def test_the_danish_ui_needs_no_english_marks_and_the_switch_is_marked_english(mettes_plan):
    client = Client()
    client.force_login(mettes_plan.citizen)
    html = client.get(reverse("plans:min_plan")).content.decode()
    assert '<html lang="da">' in html
    soup = BeautifulSoup(html, "html.parser")
    assert [tag.get_text(strip=True) for tag in soup.find_all(attrs={"lang": "en"})] == ["English"]
