"""Demo pages for `seed_demo`: the public site in everyday Danish (each guide under LIX 35),
and its English version (portal.demo.english) as Wagtail translations."""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from home.models import FooterSettings, GuideIndexPage, GuidePage, HomePage

from . import english
from .guides import CONTACT, GUIDES, callout, contact_card, heading, paragraphs

CONTACT_PAGE = {
    "slug": "kontakt",
    "title": "Kontakt",
    "summary": "Sådan får du fat i os. Ring, skriv eller kom forbi.",
    "body": [
        *paragraphs("Har du spørgsmål til din plan? Så ring til din faste kontaktperson."),
        *CONTACT,
        *callout(
            "Skriv ikke om din sag i en almindelig mail. Skriv en kommentar i din plan i "
            "stedet. Så er dine oplysninger sikre."
        ),
    ],
}

# Digitaliseringsstyrelsen's structure: status, what does not work yet, how to tell us, the
# complaint route, and when the statement was made. Honest: list what is really not right.
ACCESSIBILITY_PAGE = {
    "slug": "tilgaengelighedserklaering",
    "title": "Tilgængelighedserklæring",
    "summary": "Vi vil have, at alle kan bruge siden. Her kan du se, hvad der ikke virker "
    "endnu, og hvor du kan klage.",
    "body": [
        *paragraphs(
            "Siden skal kunne bruges af alle. Også hvis du ser dårligt, ikke kan bruge en mus, "
            "eller bruger en skærmlæser. Det står i loven om tilgængelighed for offentlige "
            "sider. Her kan du se, hvor langt vi er.",
        ),
        *heading("Status"),
        *paragraphs(
            "Siden følger de fleste af reglerne i standarden WCAG 2.1 AA. Men ikke dem alle. "
            "Vi følger altså reglerne delvist. Det, der ikke virker endnu, står her under.",
        ),
        *heading("Det virker ikke endnu"),
        (
            "paragraph",
            "<ul>"
            "<li>Den del af siden, som kun ansatte bruger, er ikke tjekket helt. Nogle ord og "
            "knapper er på engelsk, og nogle lister er svære at bruge med en skærmlæser.</li>"
            "<li>Nogle PDF-filer kan være svære at læse med en skærmlæser. Vi retter dem, når "
            "vi finder dem. Skriv til os, så sender vi dig teksten på en anden måde.</li>"
            "<li>Nogle sider findes kun på dansk. Vælger du engelsk, står der, at siden kun "
            "findes på dansk.</li>"
            "</ul>",
        ),
        *heading("Sig til, hvis noget ikke virker"),
        *paragraphs(
            "Så vil vi gerne høre det. Skriv eller ring til os. Du får svar inden for 10 "
            "hverdage. Skriv ikke om din sag eller dit CPR-nummer.",
        ),
        *contact_card("Web-holdet", "", "70 20 30 40", "web@example.dk", ""),
        *heading("Klag til Digitaliseringsstyrelsen"),
        *paragraphs(
            "Får du ikke svar inden for 10 hverdage? Eller er du ikke tilfreds med svaret? Så "
            "kan du klage til Digitaliseringsstyrelsen. Se hvordan på "
            '<a href="https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-'
            'tilgaengeligt-indhold/">digst.dk</a>. Alle kommuners erklæringer ligger også på '
            '<a href="https://www.was.digst.dk/">was.digst.dk</a>.',
        ),
        *heading("Om erklæringen"),
        *paragraphs(
            "Vi lavede erklæringen den 2. december 2026. Vi har selv tjekket siden. Vi har "
            "testet den på en lille mobil, med tastatur, med en skærmlæser og med et program, "
            "der finder fejl. Vi ser den igen mindst en gang om året.",
        ),
    ],
}

HOME = {
    "title": "Fællesplan",
    "intro": "Her finder du din plan med kommunen. Og svar på det, du tit spørger om.",
}

TOP_TASKS = [
    ("Sådan virker din plan", "saadan-virker-din-plan"),
    ("Inviter dit netværk", "inviter-dit-netvaerk"),
    ("Når du skal til møde", "naar-du-skal-til-moede"),
    ("Hvis du er uenig", "hvis-du-er-uenig"),
]


def _upsert(parent, model, slug, **fields):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.save_revision().publish()
    return page


@transaction.atomic
def seed_pages() -> HomePage:
    """Create or refresh the demo site; safe to run again."""
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = HomePage.objects.first()
    if home is None:
        # Wagtail's install leaves a placeholder page on the default site; ours replaces it.
        Page.objects.filter(depth=2, content_type__model="page").delete()
        root.refresh_from_db()
        home = HomePage(title=HOME["title"], slug="home", intro=HOME["intro"])
        root.add_child(instance=home)
    home.intro = HOME["intro"]
    home.save_revision().publish()

    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "Fællesplan",
        },
    )

    guides = _upsert(
        home,
        GuideIndexPage,
        "vejledninger",
        title="Vejledninger",
        intro="Korte svar på det, du tit spørger om.",
    )
    by_slug = {}
    for guide in GUIDES:
        by_slug[guide["slug"]] = _upsert(guides, GuidePage, **guide)
    contact = _upsert(home, GuidePage, **CONTACT_PAGE)
    accessibility = _upsert(home, GuidePage, **ACCESSIBILITY_PAGE)

    home = HomePage.objects.get(pk=home.pk)
    home.top_tasks = [
        ("task", {"title": title, "page": by_slug[slug], "url": ""}) for title, slug in TOP_TASKS
    ]
    home.save_revision().publish()

    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    footer.contact_page = contact
    footer.accessibility_page = accessibility
    footer.save()

    seed_english(
        home, guides, {**by_slug, "kontakt": contact, "tilgaengelighedserklaering": accessibility}
    )
    return home


def _translate(page, locale, **fields):
    """The page's version in `locale`: made the way an editor's "Oversæt" makes it (Wagtail's
    copy for translation, same translation key), then given its own words and published."""
    translation = page.get_translation_or_none(locale)
    if translation is None:
        translation = page.copy_for_translation(locale)
    translation = translation.specific
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def seed_english(home, guides, danish_by_slug):
    locale, _ = Locale.objects.get_or_create(language_code="en")
    home_en = _translate(home, locale, **english.HOME)
    _translate(guides, locale, **english.GUIDE_INDEX)
    by_slug = {
        slug: _translate(danish_by_slug[slug], locale, **fields)
        for slug, fields in english.PAGES.items()
    }
    home_en = HomePage.objects.get(pk=home_en.pk)
    home_en.top_tasks = [
        ("task", {"title": title, "page": by_slug[slug], "url": ""})
        for title, slug in english.TOP_TASKS
    ]
    home_en.save_revision().publish()
