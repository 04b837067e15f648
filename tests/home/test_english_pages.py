"""English for real (issue 16): the demo pages in English at /en/…, linked to their Danish
originals as Wagtail translations, with hreflang both ways; a Danish page without an English
version says so and keeps lang="da"; the sitemap lists both; LIX stays with Danish pages."""

import re

import pytest
from django.conf import settings
from wagtail.models import Locale

from home.models import GuideIndexPage, GuidePage, HomePage, PageReadability
from home.services import page_readability_refresh

pytestmark = pytest.mark.django_db

DA_GUIDE = "/vejledninger/saadan-virker-din-plan/"
EN_GUIDE = "/en/guides/how-your-plan-works/"
ENGLISH_PAGES = [
    "/en/",
    "/en/guides/",
    EN_GUIDE,
    "/en/guides/invite-your-network/",
    "/en/guides/going-to-a-meeting/",
    "/en/guides/if-you-disagree/",
    "/en/guides/your-contact-person/",
    "/en/guides/how-to-log-in/",
    "/en/guides/who-can-see-your-details/",
    "/en/contact/",
    "/en/accessibility-statement/",
]


def _h1(html):
    return re.search(r"<h1[^>]*>(.*?)</h1>", html, flags=re.S).group(1).strip()


def _alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def _english_ui(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def _danish_only_guide():
    index = GuideIndexPage.objects.get(locale__language_code="da")
    guide = GuidePage(title="Kun på dansk", summary="Kort.", body=[("paragraph", "<p>Hej.</p>")])
    index.add_child(instance=guide)
    guide.save_revision().publish()
    return guide


def test_every_english_page_answers_at_its_own_url_in_english(client, demo_site):
    for url in ENGLISH_PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="en">' in html, url
        assert "page-language-notice" not in html, url  # English words under English chrome
    html = client.get(EN_GUIDE).content.decode()
    assert _h1(html) == "How your plan works"
    assert "You have one contact person." in html
    assert 'name="language" value="da" lang="da"' in html  # the switch offers Danish


def test_danish_urls_are_unchanged_and_stay_danish(client, demo_site):
    for url in ["/", "/vejledninger/", DA_GUIDE, "/kontakt/", "/tilgaengelighedserklaering/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert '<html lang="da">' in response.content.decode(), url
    assert _h1(client.get(DA_GUIDE).content.decode()) == "Sådan virker din plan"
    # A Danish slug under /en/ is no page: the English tree has its own slugs.
    assert client.get("/en/vejledninger/saadan-virker-din-plan/").status_code == 404


def test_the_english_pages_are_wagtail_translations_of_the_danish_ones(demo_site):
    english = Locale.objects.get(language_code="en")
    for model in (HomePage, GuideIndexPage, GuidePage):
        for danish in model.objects.filter(locale__language_code="da"):
            translation = danish.get_translation_or_none(english)
            assert translation is not None, danish.title
            assert translation.live and translation.title != "" and translation.pk != danish.pk
    assert GuidePage.objects.filter(locale=english).count() == 9


def test_hreflang_links_point_both_ways(client, demo_site):
    expected = {
        "da": "http://testserver" + DA_GUIDE,
        "en": "http://testserver" + EN_GUIDE,
        "x-default": "http://testserver" + DA_GUIDE,
    }
    assert _alternates(client.get(DA_GUIDE).content.decode()) == expected
    assert _alternates(client.get(EN_GUIDE).content.decode()) == expected
    assert _alternates(client.get("/en/").content.decode())["da"] == "http://testserver/"


def test_the_switch_on_a_translated_page_goes_to_the_other_languages_page(client, demo_site):
    html = client.get(DA_GUIDE).content.decode()
    assert f'<input type="hidden" name="next" value="{EN_GUIDE}">' in html
    response = client.post("/i18n/setlang/", {"language": "en", "next": EN_GUIDE})
    assert response["Location"] == EN_GUIDE
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"

    html = client.get(EN_GUIDE).content.decode()
    assert f'<input type="hidden" name="next" value="{DA_GUIDE}">' in html
    response = client.post("/i18n/setlang/", {"language": "da", "next": DA_GUIDE})
    assert response["Location"] == DA_GUIDE
    assert '<html lang="da">' in client.get(DA_GUIDE).content.decode()


def test_a_danish_page_without_english_says_so_and_keeps_lang_da(client, demo_site):
    guide = _danish_only_guide()
    _english_ui(client)
    html = client.get(guide.url).content.decode()

    assert '<html lang="en">' in html
    notice = re.search(r'<p class="page-language-notice">(.*?)</p>', html, flags=re.S).group(1)
    assert notice == "This page is only in Danish."
    danish = html[html.index('<div lang="da">') :]
    assert "<h1>Kun på dansk</h1>" in danish and "<p>Hej.</p>" in danish
    assert html.index("page-language-notice") < html.index(
        '<div lang="da">'
    )  # the notice is English
    assert _alternates(html) == {}  # one language: no alternates to name
    # The switch keeps the Danish page instead of guessing a URL under /en/.
    assert f'<input type="hidden" name="next" value="{guide.url}">' in html
    assert client.post("/i18n/setlang/", {"language": "da", "next": guide.url})["Location"] == (
        guide.url
    )
    response = client.post("/i18n/setlang/", {"language": "en", "next": guide.url})
    assert response["Location"] == guide.url
    assert client.get(guide.url).status_code == 200


def test_a_danish_page_under_the_english_ui_links_its_english_version(client, demo_site):
    _english_ui(client)
    html = client.get(DA_GUIDE).content.decode()
    assert '<html lang="en">' in html
    assert f'<p class="page-language-notice"><a href="{EN_GUIDE}">' in html
    assert '<div lang="da">' in html
    # The footer leads to the English Kontakt and statement.
    assert 'href="/en/contact/"' in html and 'href="/en/accessibility-statement/"' in html


def test_the_sitemap_lists_both_languages_and_robots_txt_still_points_at_it(client, demo_site):
    xml = client.get("/sitemap.xml").content.decode()
    locations = set(re.findall(r"<loc>https?://[^/<]+(.*?)</loc>", xml))
    assert {"/", "/vejledninger/", DA_GUIDE, "/tilgaengelighedserklaering/"} <= locations
    assert set(ENGLISH_PAGES) <= locations
    assert "Sitemap: " in client.get("/robots.txt").content.decode()


def test_danish_search_finds_danish_pages_only_english_search_finds_both(client, demo_site):
    html = client.get("/soeg/?q=plan").content.decode()
    assert DA_GUIDE in html and EN_GUIDE not in html
    _english_ui(client)
    html = client.get("/soeg/?q=plan").content.decode()
    assert EN_GUIDE in html and DA_GUIDE in html


def test_readability_panel_and_report_stay_with_danish_pages(client, demo_site, approver):
    client.force_login(approver)
    danish = GuidePage.objects.get(url_path__endswith="/saadan-virker-din-plan/")
    english = GuidePage.objects.get(url_path__endswith="/how-your-plan-works/")

    html = client.get(f"/admin/pages/{danish.pk}/edit/").content.decode()
    assert re.search(r"<strong>LIX: [\d,.]+</strong>", html)
    html = client.get(f"/admin/pages/{english.pk}/edit/").content.decode()
    assert "data-readability" in html and not re.search(r"LIX: [\d,.]+", html)
    assert "LIX og ordlisten måler dansk. Siden er ikke på dansk." in html

    page_readability_refresh()
    measured = set(PageReadability.objects.values_list("page__locale__language_code", flat=True))
    assert measured == {"da"}
    report = client.get("/admin/laesbarhed/").content.decode()
    assert "Sådan virker din plan" in report and "How your plan works" not in report


@pytest.mark.parametrize(
    ("url", "sections", "known_problems", "dated"),
    [
        (
            "/tilgaengelighedserklaering/",
            [
                "Status",
                "Det virker ikke endnu",
                "Sig til, hvis noget ikke virker",
                "Klag til Digitaliseringsstyrelsen",
                "Om erklæringen",
            ],
            ["kun ansatte bruger", "PDF-filer", "kun på dansk"],
            "2. december 2026",
        ),
        (
            "/en/accessibility-statement/",
            [
                "Status",
                "What does not work yet",
                "Tell us if something does not work",
                "Complain to the Danish Agency for Digital Government",
                "About this statement",
            ],
            ["only staff use", "PDF files", "only in Danish"],
            "2 December 2026",
        ),
    ],
)
def test_the_accessibility_statement_has_digitaliseringsstyrelsens_sections(
    client, demo_site, url, sections, known_problems, dated
):
    html = client.get(url).content.decode()
    headings = [
        re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html)
    ]
    assert [h for h in headings if h in sections] == sections
    problems = html[html.index(sections[1]) : html.index(sections[2])]
    assert problems.count("<li>") == 3
    assert all(problem in problems for problem in known_problems)
    assert "70 20 30 40" in html and "web@example.dk" in html  # phone and written contact
    complaint = html[html.index(sections[3]) : html.index(sections[4])]
    assert 'href="https://digst.dk/digital-inklusion/webtilgaengelighed/' in complaint
    assert 'href="https://www.was.digst.dk/"' in complaint
    assert dated in html[html.index(sections[4]) :]


def test_an_editor_translates_a_page_into_an_english_draft_for_the_workflow(
    client, demo_site, editor
):
    """Wagtail's simple_translation: "Oversæt" makes an English draft with the same
    translation key; it is not live until it has been through the editorial workflow."""
    guide = _danish_only_guide()
    english = Locale.objects.get(language_code="en")
    client.force_login(editor)
    url = f"/admin/translation/submit/page/{guide.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"locales": [english.pk]})
    assert response.status_code == 302

    draft = guide.get_translation(english)
    assert not draft.live
    assert draft.get_parent().specific.slug == "guides"  # under the English guide index
    assert client.get(f"/en/guides/{draft.slug}/").status_code == 404  # a draft is not public
