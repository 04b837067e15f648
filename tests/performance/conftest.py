"""Fixtures for the performance budgets: a citizen, and the production kind of cache."""

import pytest

from portal.demo.accounts import ensure_demo_user


@pytest.fixture
def citizen(db):

    return ensure_demo_user(email="borger@example.dk", first_name="Mette")


@pytest.fixture
def memory_cache(settings):
    """Production keeps the cache in Redis, where reading it is no SQL query. The embedded
    default (the database cache) would count every cache read as one; the budgets are about
    the database work a page does, so they are measured with an in-memory cache instead."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "perf"}
    }
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
