"""DESIGN.md: personal data is never put in Wagtail pages, snippets or the search index. Build a
plan with goals, activities and comments, rebuild the index as production's worker would, and
look for the plan's content in it and in the public search."""

import os

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.search.models import IndexEntry

from .factories import fill_plan

pytestmark = pytest.mark.django_db


def test_no_plan_content_reaches_the_search_index_or_the_public_search(world, client, demo_site):
    fill_plan(
        plan=world.plan,
        profile=world.coordinator_profile,
        departments=world.departments,
        goals=2,
        activities=2,
        comments=2,
    )
    call_command("update_index", stdout=open(os.devnull, "w"))  # noqa: SIM115
    indexed_apps = set(IndexEntry.objects.values_list("content_type__app_label", flat=True))
    assert indexed_apps, "the index was built: the public pages are in it"
    assert not indexed_apps & {"plans", "accounts"}

    for personal in ["Mette", world.citizen.email]:
        response = client.get(reverse("search"), {"q": personal})
        assert response.status_code == 200
        assert len(response.context["answer"].results) == 0, personal
    # The same search does find public pages, so the empty answers above mean something.
    assert len(client.get(reverse("search"), {"q": "plan"}).context["answer"].results) > 0
