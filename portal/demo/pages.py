"""Demo pages for `seed_demo`: the public site in everyday Danish (each guide under LIX 35)."""

from django.db import transaction
from wagtail.models import Page, Site

from home.models import FooterSettings, GuideIndexPage, GuidePage, HomePage

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

ACCESSIBILITY_PAGE = {
    "slug": "tilgaengelighedserklaering",
    "title": "Tilgængelighedserklæring",
    "summary": "Vi vil have, at alle kan bruge siden. Her kan du se, hvordan vi gør, og "
    "hvor du kan sige til.",
    "body": [
        *paragraphs(
            "Siden skal kunne bruges af alle. Også hvis du ser dårligt, ikke kan bruge en mus, "
            "eller bruger en skærmlæser. Vi følger de regler, der gælder for det.",
            "Vi tester siden på en lille mobil og med et program, der finder fejl.",
        ),
        *heading("Har du fundet en fejl?"),
        *paragraphs("Så vil vi gerne høre det. Skriv til os, så retter vi den."),
        *contact_card("Web-holdet", "", "", "web@example.dk", ""),
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
    return home
