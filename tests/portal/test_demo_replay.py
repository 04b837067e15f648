"""The tests' demo site (tests/demo_replay.py): the copy written back is the site seed_pages()
builds, down to revisions, translations, references and the search index."""

import pytest
from django.db import transaction
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision, Site

from home.models import FooterSettings, HomePage
from portal.demo.pages import seed_pages
from tests import demo_replay


def _fingerprint() -> dict:
    """What a visitor, an editor or the search sees of the site, without ids, keys or times
    (a second real build gets new ones)."""
    url = {page.pk: page.url_path for page in Page.objects.all()}
    pages = [
        (p.url_path, p.depth, p.title, p.locale.language_code, p.live, p.content_type.model)
        for p in Page.objects.select_related("locale", "content_type").order_by("path")
    ]
    translations = {}
    for page in Page.objects.all():
        translations.setdefault(page.translation_key, set()).add(page.url_path)
    site = Site.objects.get(is_default_site=True)
    footer = FooterSettings.for_site(site)
    return {
        "pages": pages,
        "translations": sorted(sorted(group) for group in translations.values()),
        "site": (site.hostname, site.port, site.site_name, url[site.root_page_id]),
        "footer": (url[footer.contact_page_id], url[footer.accessibility_page_id]),
        "top_tasks": {
            home.url_path: [
                (task.value["title"], task.value["page"].url_path) for task in home.top_tasks
            ]
            for home in HomePage.objects.all()
        },
        "revisions": sorted(url[int(r.object_id)] for r in Revision.page_revisions.all()),
        "log": sorted((url[int(e.page_id)], e.action) for e in PageLogEntry.objects.all()),
        "references": ReferenceIndex.objects.count(),
        "search": sorted(p.title for p in Page.objects.live().search("plan")),
    }


def test_the_replayed_site_is_the_site_seed_pages_builds(db, monkeypatch):
    start = transaction.savepoint()
    demo_replay.demo_site()  # records, unless an earlier test in this process did
    transaction.savepoint_rollback(start)

    def not_again():
        raise AssertionError("the recorded site should be written back, not built again")

    with monkeypatch.context() as patch:
        patch.setattr(demo_replay, "seed_pages", not_again)
        home = demo_replay.demo_site()
    replayed = _fingerprint()
    transaction.savepoint_rollback(start)

    built = seed_pages()

    assert replayed == _fingerprint()
    assert home.url_path == built.url_path
    assert len(replayed["pages"]) == 23  # root, 11 Danish pages and their 11 translations
    assert replayed["search"], "the search index should find the guides"


def test_a_database_that_differs_from_the_recording_gets_a_real_build(db, monkeypatch):
    start = transaction.savepoint()
    demo_replay.demo_site()
    transaction.savepoint_rollback(start)
    Page.objects.filter(depth=1).update(title="Rod, ændret af testen")
    builds = []
    monkeypatch.setattr(demo_replay, "seed_pages", lambda: builds.append(1) or seed_pages())

    home = demo_replay.demo_site()

    assert builds == [1]
    assert home.get_parent().title == "Rod, ændret af testen"
    assert Page.objects.live().filter(slug="kontakt").exists()


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_replayed_pages_answer(client, demo_site, language):
    response = client.get("/" if language == "da" else "/en/")

    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()
