"""The header's guide link, the footer and the breadcrumbs read the published state from the
cache; on the embedded default that cache is a database table. Within the page cache's local
second a process reads none of them again, so navigation costs no query per page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.pagecache import cache as page_cache

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]

GUIDE = "/vejledninger/saadan-virker-din-plan/"


def _cache_table_reads(queries) -> list[str]:
    return [q["sql"] for q in queries if "portal_cache" in q["sql"]]


@pytest.fixture
def process_memory(settings):
    settings.PAGE_CACHE_LOCAL_SECONDS = 60
    page_cache._local.forget()
    yield
    page_cache._local.forget()


@pytest.mark.usefixtures("process_memory")
def test_a_logged_in_guide_reads_no_navigation_from_the_database_cache(client, citizen):
    client.force_login(citizen)
    client.get(GUIDE)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(GUIDE).content.decode()
    assert '<a href="/vejledninger/">Vejledninger</a>' in html
    assert 'aria-label="Brødkrummesti"' in html
    assert "Tilgængelighedserklæring" in html
    reads = [sql for sql in _cache_table_reads(queries) if "pagecache" in str(sql)]
    assert reads == []


@pytest.mark.usefixtures("process_memory")
def test_a_publish_in_this_process_shows_in_the_navigation_at_once(client, citizen):
    from home.models import GuideIndexPage

    client.force_login(citizen)
    client.get(GUIDE)
    index = GuideIndexPage.objects.get(slug="vejledninger")
    index.title = "Gode råd"
    index.save_revision().publish()
    assert ">Gode råd</a>" in client.get(GUIDE).content.decode()
