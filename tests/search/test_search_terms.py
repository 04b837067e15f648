"""What site search keeps: only counts of anonymous searches that found a public page, for 30
days, readable only by the editors who pin answers; nothing a logged-in citizen typed, nothing
that found no page (a name, a CPR number), and nothing from before that rule."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page

from portal.demo.accounts import ensure_demo_user
from search import services

pytestmark = pytest.mark.django_db


def test_a_search_that_finds_no_page_is_not_kept(client, demo_site):
    services._buffer.clear()
    for _ in range(2):  # were a copy served from the page cache, it would count in memory
        response = client.get("/soeg/", {"q": "cpr 010190-1234 zxqvrk"})
        assert "Vi fandt 0 sider" in response.content.decode()
    assert not Query.objects.exists()
    assert not QueryDailyHits.objects.exists()
    assert not services._buffer


def test_a_search_that_finds_a_page_is_counted(client, demo_site):
    client.get("/soeg/", {"q": "afgørelse"})
    client.get("/soeg/", {"q": "zxqvrk"})
    assert list(Query.objects.values_list("query_string", flat=True)) == ["afgørelse"]
    assert Query.get("afgørelse").hits == 1


def test_counts_older_than_30_days_are_pruned_by_wagtails_command(db):
    today = timezone.localdate()
    old, recent = Query.get("gammel"), Query.get("ny")
    QueryDailyHits.objects.create(query=old, date=today - datetime.timedelta(days=31), hits=4)
    QueryDailyHits.objects.create(query=recent, date=today - datetime.timedelta(days=29), hits=2)

    call_command("searchpromotions_garbage_collect", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert list(Query.objects.values_list("query_string", flat=True)) == ["ny"]
    assert QueryDailyHits.objects.get().hits == 2


def test_the_migration_forgets_every_stored_term_but_the_editors_promotions(db):
    page = Page.objects.get(depth=1)
    citizen_typed = Query.get("cpr 010190-1234 alkoholbehandling")
    citizen_typed.add_hit()
    pinned = Query.get("klage")
    pinned.add_hit()
    SearchPromotion.objects.create(query=pinned, page=page, sort_order=0)

    migration = importlib.import_module("search.migrations.0002_forget_stored_search_terms")
    migration.forget(apps, None)

    assert list(Query.objects.values_list("query_string", flat=True)) == ["klage"]
    assert not QueryDailyHits.objects.exists()


CHOOSER = "/admin/searchpicks/queries/chooser/"
CHOOSER_RESULTS = "/admin/searchpicks/queries/chooser/results/"


@pytest.fixture
def typed(client, demo_site):
    """One anonymous search that found a page, one that found none, and one by a citizen."""
    client.get("/soeg/", {"q": "afgørelse"})
    client.get("/soeg/", {"q": "zxqvrk hemmelig"})
    citizen = get_user_model().objects.create_user(email="borger@example.org", password="x")
    client.force_login(citizen)
    client.get("/soeg/", {"q": "møde misbrug"})
    client.logout()


@pytest.mark.parametrize("url", [CHOOSER, CHOOSER_RESULTS])
def test_a_caseworker_cannot_open_the_query_chooser(client, typed, url):
    caseworker = ensure_demo_user(
        email="sagsbehandler@example.dk", first_name="Sara", groups=["Sagsbehandlere"]
    )
    client.force_login(caseworker)

    response = client.get(url)

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
    assert "afgørelse" not in response.content.decode()


def test_the_editors_chooser_lists_only_anonymous_searches_that_found_a_page(
    client, typed, editor
):
    client.force_login(editor)
    html = client.get(CHOOSER_RESULTS).content.decode()
    assert client.get(CHOOSER).status_code == 200
    assert "afgørelse" in html
    for never_stored in ["zxqvrk", "hemmelig", "misbrug"]:
        assert never_stored not in html
