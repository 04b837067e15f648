"""Finding every public page without search: the header's "Vejledninger", the guide index,
breadcrumbs, and what search engines read (sitemap.xml, robots.txt)."""

import re
from urllib.parse import urlsplit

import pytest
from wagtail.models import Page, PageViewRestriction

from home.models import GuideIndexPage, GuidePage
from portal.demo.accounts import ensure_demo_user

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="([^"]+)"')


def _links(client, path) -> set[str]:
    response = client.get(path)
    if response.status_code != 200 or "text/html" not in response["Content-Type"]:
        return set()
    found = set()
    for href in HREF.findall(response.content.decode()):
        url = urlsplit(href.replace("&amp;", "&"))
        if url.netloc in ("", "testserver", "localhost") and url.path.startswith("/"):
            found.add(url.path)
    return found


def _public_pages():
    return list(Page.objects.live().public().filter(depth__gt=1).specific())


def test_the_header_links_the_guide_index_on_every_page(client, demo_site):
    index = GuideIndexPage.objects.get(slug="vejledninger")
    for path in ["/", "/soeg/?q=plan", index.url, "/konto/login/"]:
        html = client.get(path).content.decode()
        header = html[html.index('<header class="site-header">') : html.index("</header>")]
        assert f'<a href="{index.url}">Vejledninger</a>' in header


def test_every_live_public_page_is_two_clicks_from_the_home_page(client, demo_site):
    # A guide in a section of its own, which the guide index must list as well.
    index = GuideIndexPage.objects.get(slug="vejledninger")
    section = GuideIndexPage(title="Bolig", slug="bolig", intro="Om at finde et sted at bo.")
    index.add_child(instance=section)
    section.save_revision().publish()
    deep = GuidePage(title="Hvis du mangler en bolig", slug="mangler-bolig", summary="Hjælp.")
    section.add_child(instance=deep)
    deep.save_revision().publish()

    # From each language's home page: the Danish one, and the English one at /en/.
    reachable = set()
    for home in ("/", "/en/"):
        first = _links(client, home)
        second = set().union(*(_links(client, path) for path in first))
        reachable |= {home} | first | second

    missing = [p.title for p in _public_pages() if p.url not in reachable]
    assert missing == []


def test_the_guide_index_lists_every_guide_with_its_summary(client, demo_site):
    index = GuideIndexPage.objects.get(slug="vejledninger")
    html = client.get(index.url).content.decode()
    guides = GuidePage.objects.live().descendant_of(index)
    assert guides.count() >= 7
    for guide in guides:
        assert f'href="{guide.url}"' in html
        assert guide.summary in html


def test_a_guide_has_breadcrumbs_from_the_home_page(client, demo_site):
    guide = GuidePage.objects.get(slug="din-kontaktperson")
    html = client.get(guide.url).content.decode()

    nav = html[html.index('<nav class="breadcrumbs"') :]
    nav = nav[: nav.index("</nav>")]
    assert 'aria-label="Brødkrummesti"' in nav
    items = re.findall(r"<li>(.*?)</li>", nav, re.S)
    assert [re.sub(r"<[^>]+>", "", item).strip() for item in items] == [
        "Forside",
        "Vejledninger",
        "Din faste kontaktperson",
    ]
    assert f'<a href="{guide.url}" aria-current="page">' in nav
    assert '<a href="/">Forside</a>' in nav


def test_breadcrumbs_follow_a_renamed_section(client, demo_site):
    index = GuideIndexPage.objects.get(slug="vejledninger")
    index.title = "Gode råd"
    index.save_revision().publish()
    guide = GuidePage.objects.get(slug="din-kontaktperson")
    assert ">Gode råd</a>" in client.get(guide.url).content.decode()


def test_the_sitemap_lists_the_public_pages_only(client, demo_site):
    index = GuideIndexPage.objects.get(slug="vejledninger")
    private = GuidePage(title="Kun for personalet", slug="kun-personale", summary="Internt.")
    index.add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = GuidePage(title="Kladde", slug="kladde", summary="Ikke udgivet.", live=False)
    index.add_child(instance=draft)
    draft.save_revision()

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    listed = {urlsplit(u).path for u in re.findall(r"<loc>([^<]+)</loc>", response.text)}
    assert listed == {page.url for page in _public_pages()}
    assert private.url not in listed and "/kladde/" not in response.text
    for prefix in ("/admin/", "/min-plan/", "/konto/", "/jeg-hjaelper/", "/invitation/"):
        assert prefix not in response.text


def test_the_cached_sitemap_drops_a_page_the_moment_it_is_restricted(client, demo_site):
    guide = GuidePage.objects.get(slug="din-kontaktperson")
    client.get("/sitemap.xml")
    assert client.get("/sitemap.xml")["X-Page-Cache"] == "hit"
    assert guide.url in client.get("/sitemap.xml").text

    PageViewRestriction.objects.create(page=guide, restriction_type="login")

    assert guide.url not in client.get("/sitemap.xml").text


def test_robots_txt_keeps_crawlers_out_of_the_personal_parts(client, demo_site, settings):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.text.splitlines()
    assert lines[0] == "User-agent: *"
    for prefix in [
        "/admin/",
        "/konto/",
        "/min-plan/",
        "/indstillinger/",
        "/jeg-hjaelper/",
        "/invitation/",
    ]:
        assert f"Disallow: {prefix}" in lines
    assert "Allow: /" in lines
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in lines
    assert "Disallow: /vejledninger/" not in lines


def test_robots_txt_is_the_same_for_everyone_and_cached(client, demo_site):
    first = client.get("/robots.txt")
    again = client.get("/robots.txt")
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content
    assert again["Content-Type"] == "text/plain; charset=utf-8"
    # A logged-in visitor gets it freshly made, and it is never stored from their request.
    client.force_login(ensure_demo_user(email="borger@example.dk", first_name="Mette"))
    mine = client.get("/robots.txt")
    assert "X-Page-Cache" not in mine
    assert mine.content == first.content
