"""Site search as a citizen meets it: live public pages only, pages of ten, plain Danish hints."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from home.models import GuideIndexPage, GuidePage
from search.services import search_hit_record

pytestmark = pytest.mark.django_db


def _titles(response):
    answer = response.context["answer"]
    return [r.title for r in answer.results] if answer else []


def _guide(parent, title, **fields):
    page = GuidePage(title=title, summary=fields.pop("summary", f"Om {title.lower()}."), **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_empty_query_explains_what_to_do(client, demo_site):
    response = client.get("/soeg/")
    assert response.status_code == 200
    assert "Skriv et eller flere ord i søgefeltet" in response.content.decode()
    assert response.context["answer"] is None


def test_no_hits_gives_hints_what_to_try(client, demo_site):
    response = client.get("/soeg/", {"q": "zxqvrk"})
    html = response.content.decode()
    assert "Vi fandt 0 sider om “zxqvrk”." in html
    assert "Prøv at søge på en anden måde" in html
    assert "Tjek, om ordet er stavet rigtigt." in html


def test_results_show_title_and_summary_with_links(client, demo_site):
    response = client.get("/soeg/", {"q": "afgørelse"})
    html = response.content.decode()
    assert "Hvis du er uenig i en afgørelse" in _titles(response)
    guide = GuidePage.objects.get(slug="hvis-du-er-uenig")
    assert f'href="{guide.url}"' in html
    assert guide.summary in html


def test_only_live_public_pages_are_found(client, demo_site):
    index = GuideIndexPage.objects.get(slug="vejledninger")
    draft = GuidePage(title="Kladde om flyttedag", summary="Flyttedag kladde.", live=False)
    index.add_child(instance=draft)
    draft.save_revision()
    private = _guide(index, "Intern flyttedag for personalet")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    public = _guide(index, "Flyttedag i kommunen")

    titles = _titles(client.get("/soeg/", {"q": "flyttedag"}))

    assert titles == [public.title]


def test_results_come_in_pages_of_ten(client, demo_site):
    index = GuideIndexPage.objects.get(slug="vejledninger")
    for number in range(12):
        _guide(index, f"Cykelparkering {number}")

    first = client.get("/soeg/", {"q": "cykelparkering"})
    second = client.get("/soeg/", {"q": "cykelparkering", "page": 2})
    past_the_end = client.get("/soeg/", {"q": "cykelparkering", "page": 99})
    not_a_number = client.get("/soeg/", {"q": "cykelparkering", "page": "x"})

    assert len(first.context["answer"].results) == 10
    assert len(second.context["answer"].results) == 2
    assert set(_titles(first)).isdisjoint(_titles(second))
    assert "Side 2 af 2" in second.content.decode()
    assert 'href="?q=cykelparkering&amp;page=1"' in second.content.decode()
    assert _titles(past_the_end) == _titles(second)
    assert _titles(not_a_number) == _titles(first)


def test_editors_pick_comes_first_for_a_common_query(client, demo_site):
    guide = GuidePage.objects.get(slug="hvis-du-er-uenig")
    SearchPromotion.objects.create(
        query=Query.get("klage"), page=guide, sort_order=0, description="Sådan klager du."
    )

    html = client.get("/soeg/", {"q": "Klage"}).content.decode()

    assert "Det leder mange efter" in html
    assert html.index("Det leder mange efter") < html.index(guide.title)
    assert "Sådan klager du." in html


def test_queries_are_counted_for_editors(client, demo_site):
    client.get("/soeg/", {"q": "møde"})
    client.get("/soeg/", {"q": "Møde "})
    assert Query.get("møde").hits == 2


def test_a_very_long_query_is_cut_not_refused(client, demo_site):
    response = client.get("/soeg/", {"q": "plan " * 200})
    assert response.status_code == 200
    assert len(response.context["search_query"]) <= 200


def test_a_glossary_word_shows_its_plain_meaning_above_the_pages(client, demo_site):
    html = client.get("/soeg/", {"q": "ydelser"}).content.decode()

    box = html.index('class="search-glossary"')
    assert "Det betyder: penge eller hjælp, du får." in html
    assert "Penge eller hjælp, du får fra kommunen." in html
    assert box < html.index("Hvis du er uenig i en afgørelse</a>")


def test_a_word_outside_the_glossary_gets_no_box(client, demo_site):
    assert 'class="search-glossary"' not in client.get("/soeg/", {"q": "møde"}).content.decode()


def test_no_hits_suggests_the_guides_and_what_others_search_for(client, demo_site):
    # What search.views counts for anonymous searches that found a page.
    search_hit_record(search_query="klage", hits=3)
    search_hit_record(search_query="møde", hits=1)  # one visitor only: not shown to others

    html = client.get("/soeg/", {"q": "zxqvrk"}).content.decode()

    assert "Måske kan en af vores vejledninger hjælpe" in html
    for guide in GuideIndexPage.objects.get(slug="vejledninger").get_children().live():
        assert f'href="{guide.url}"' in html
    assert "Det søger andre tit på" in html
    assert 'href="/soeg/?q=klage"' in html
    assert 'href="/soeg/?q=m%C3%B8de"' not in html
    assert 'href="/soeg/?q=zxqvrk"' not in html


def test_pages_found_means_no_suggestions(client, demo_site):
    html = client.get("/soeg/", {"q": "møde"}).content.decode()
    assert "Måske kan en af vores vejledninger hjælpe" not in html
