"""Wagtail's admin in Danish for the screens staff use daily: the words Wagtail's own Danish
catalogue leaves in English are ours in portal/borrowed (tests/accounts/test_borrowed_words.py
has the citizen's side)."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from wagtail.models import Page

from tests.plans.factories import admin_formset

pytestmark = pytest.mark.django_db

# English that staff met on the dashboard, the plan list and form and the page editor before
# (measured by rendering them as a Danish caseworker and editor).
ENGLISH = [
    "Skip to main content",
    "Close dialog",
    "Sidebar",
    "Search all pages…",
    "Toggle section",
    "Breadcrumb",
    "Actions",
    "Back",
    "Filter by",
    "Show filters",
    "Pagination",
    "Search…",
    "Add comment",
    "History",
    "View history",
    "Minimap",
    "Side panels",
    "Toggle side panel",
    "Checks",
    "Comments",
    "Content metrics",
    "First published",
    "More actions",
    "Not visible to the public",
    "Preview in mobile size",
    "Readability",
    "Reading time",
    "Visible to all",
    "The page title as you'd like it to be seen by the public",
    "Bulk actions",
    "Date updated",
    "Page type",
    "Select all",
]


class _Words(HTMLParser):
    """Text nodes and the attributes a screen reader or tooltip shows, outside scripts."""

    def __init__(self):
        super().__init__()
        self.found, self.skip = set(), 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in {"script", "style", "template"}
        self.found |= {
            v.strip() for k, v in attrs if k in {"aria-label", "title", "placeholder"} and v
        }

    def handle_endtag(self, tag):
        self.skip -= tag in {"script", "style", "template"}

    def handle_data(self, data):
        if not self.skip:
            self.found.add(data.strip())


def _english_on(html: str) -> list[str]:
    words = _Words()
    words.feed(html)
    return [text for text in ENGLISH if text in words.found]


@pytest.fixture
def caseworker_client(client, world):
    client.force_login(world.coordinator)
    return client


@pytest.mark.parametrize("screen", ["dashboard", "plan list", "plan edit"])
def test_the_caseworkers_daily_screens_have_no_english_left(caseworker_client, world, screen):
    url = {
        "dashboard": "/admin/",
        "plan list": reverse("planer:index"),
        "plan edit": reverse("planer:edit", args=[world.plan.pk]),
    }[screen]
    html = caseworker_client.get(url).content.decode()
    assert _english_on(html) == []


def test_the_menu_says_overblik_not_dashboard(caseworker_client):
    html = caseworker_client.get("/admin/").content.decode()
    assert "Gå til indholdet" in html
    assert '"Dashboard"' not in html and "Overblik" in html


@pytest.mark.parametrize("screen", ["page edit", "page list"])
def test_the_editors_daily_screens_have_no_english_left(client, demo_site, editor, screen):
    client.force_login(editor)
    page = Page.objects.live().filter(depth__gt=2).first()
    url = {
        "page edit": f"/admin/pages/{page.pk}/edit/",
        "page list": f"/admin/pages/{page.get_parent().pk}/",
    }[screen]
    html = client.get(url).content.decode()
    assert _english_on(html) == []


def test_saving_a_plan_says_so_in_danish(caseworker_client, world):
    data = {
        "citizen": world.citizen.pk,
        "team": world.team.pk,
        "status": "active",
        "coordinator": world.coordinator_profile.pk,
        "what_matters": "At have det godt med børnene",
        **admin_formset("goals"),
        **admin_formset("activities"),
        **admin_formset("meetings"),
        **admin_formset("decisions"),
    }
    response = caseworker_client.post(
        reverse("planer:edit", args=[world.plan.pk]), data, follow=True
    )
    html = response.content.decode()
    assert re.search(
        r"Plan &#x27;Plan for Mette&#x27; er gemt\.|Plan 'Plan for Mette' er gemt\.", html
    )
    assert "updated." not in html
