"""Page types: what editors can create where, and what citizens see when the pages render."""

import pytest
from django.test import Client
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import GuideIndexPage, GuidePage, HomePage
from portal.demo.accounts import ensure_demo_totp
from tests.demo_replay import demo_site


class TestPageTypesInTheAdmin(WagtailPageTestCase):
    """Editors create pages through the real admin forms (Wagtail's own page test helpers)."""

    def setUp(self):

        self.home = demo_site()
        self.index = GuideIndexPage.objects.get(slug="vejledninger")
        # Nobody reaches the admin without a second factor (portal.security).
        ensure_demo_totp(self.login())

    def test_where_pages_may_live(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(GuidePage, {})
        self.assertAllowedSubpageTypes(GuideIndexPage, {GuidePage, GuideIndexPage})
        self.assertCanNotCreateAt(GuidePage, GuidePage)

    def test_editor_form_creates_a_guide_with_every_block(self):
        self.assertCanCreate(
            self.index,
            GuidePage,
            nested_form_data(
                {
                    "title": "Når du flytter",
                    "slug": "naar-du-flytter",
                    "summary": "Sådan giver du besked, når du flytter.",
                    "body": streamfield(
                        [
                            ("paragraph", rich_text("<p>Husk at sige til.</p>")),
                            ("heading", "Før du flytter"),
                            (
                                "callout",
                                {
                                    "title": "Godt at vide",
                                    "text": rich_text("<p>Det er gratis.</p>"),
                                },
                            ),
                            (
                                "contact",
                                {
                                    "name": "Borgerservice",
                                    "role": "",
                                    "phone": "70 20 30 40",
                                    "email": "",
                                    "hours": "",
                                },
                            ),
                        ]
                    ),
                }
            ),
        )
        guide = GuidePage.objects.get(slug="naar-du-flytter")
        assert [block.block_type for block in guide.body] == [
            "paragraph",
            "heading",
            "callout",
            "contact",
        ]

    def test_editor_form_creates_a_section(self):
        self.assertCanCreate(
            self.home,
            GuideIndexPage,
            nested_form_data({"title": "Job", "slug": "job", "intro": "Om job."}),
        )


@pytest.fixture
def guide_with_every_block(demo_site):
    index = GuideIndexPage.objects.get(slug="vejledninger")
    target = GuidePage.objects.get(slug="kontakt")
    guide = GuidePage(
        title="Alle blokke",
        slug="alle-blokke",
        summary="En side med hver slags blok.",
        body=[
            ("paragraph", "<p>Et <b>vigtigt</b> afsnit.</p>"),
            ("heading", "En overskrift"),
            (
                "steps",
                {
                    "intro": "Gør sådan:",
                    "steps": [
                        {"title": "Første trin", "text": "<p>Start her.</p>"},
                        {"title": "Andet trin", "text": "<p>Så det her.</p>"},
                    ],
                },
            ),
            ("callout", {"title": "Godt at vide", "text": "<p>Det koster ikke noget.</p>"}),
            (
                "questions",
                [{"question": "Må jeg tage en med?", "answer": "<p>Ja, gerne.</p>"}],
            ),
            (
                "contact",
                {
                    "name": "Jobcentret",
                    "role": "Hjælp til job",
                    "phone": "70 20 30 50",
                    "email": "job@example.dk",
                    "hours": "Hverdage kl. 9 til 15",
                },
            ),
            (
                "links",
                {
                    "title": "Læs mere",
                    "links": [
                        {"title": "Kontakt os", "page": target, "url": ""},
                        {"title": "Borger.dk", "page": None, "url": "https://www.borger.dk/"},
                    ],
                },
            ),
        ],
    )
    index.add_child(instance=guide)
    guide.save_revision().publish()
    return guide


def test_every_block_renders_as_citizens_need_it(client: Client, guide_with_every_block):
    html = client.get(guide_with_every_block.url).content.decode()

    assert "<h1>Alle blokke</h1>" in html
    assert "<b>vigtigt</b>" in html
    assert '<h2 class="block-heading">En overskrift</h2>' in html
    assert '<ol class="steps">' in html and html.count('class="steps__item"') == 2
    assert '<aside class="callout" aria-label="Godt at vide">' in html
    assert "<summary>Må jeg tage en med?</summary>" in html and "<details" in html
    assert 'href="tel:70203050"' in html and 'href="mailto:job@example.dk"' in html
    assert 'href="/kontakt/">Kontakt os</a>' in html
    assert 'href="https://www.borger.dk/">Borger.dk</a>' in html


def test_home_page_shows_intro_top_tasks_and_the_way_to_min_plan(client, demo_site):
    html = client.get("/").content.decode()

    assert "Her finder du din plan med kommunen." in html
    assert 'href="/vejledninger/saadan-virker-din-plan/">Sådan virker din plan</a>' in html
    assert 'href="/konto/login/?next=/min-plan/"' in html


def test_section_lists_its_guides_with_summaries(client, demo_site):
    html = client.get("/vejledninger/").content.decode()

    assert html.count('class="card"') == 7
    assert "Din plan samler alt det, du og kommunen har aftalt." in html


def test_base_template_has_skip_link_search_and_footer(client, demo_site):
    html = client.get("/vejledninger/hvis-du-er-uenig/").content.decode()

    assert '<a class="skip-link" href="#indhold">Gå til indholdet</a>' in html
    assert '<main id="indhold"' in html
    assert 'role="search"' in html
    assert 'href="/kontakt/">Kontakt</a>' in html
    assert 'href="/tilgaengelighedserklaering/">Tilgængelighedserklæring</a>' in html


def test_unpublished_guide_is_not_shown(client, demo_site):
    guide = GuidePage.objects.get(slug="din-kontaktperson")
    guide.unpublish()

    assert client.get("/vejledninger/din-kontaktperson/").status_code == 404


def test_missing_page_answers_404_in_plain_danish(client, demo_site):
    response = client.get("/findes-ikke/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Vi kan ikke finde siden" in html
    assert 'role="search"' in html


def test_server_error_page_is_plain_danish(rf):
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))

    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="da">' in html
    assert "Noget gik galt hos os" in html
    assert "Det er ikke din skyld." in html
