"""The benchmark's public pages: guides in sections under the home page, in generated Danish."""

import random

from wagtail.models import Site

from home.models import GuideIndexPage, GuidePage

SECTIONS = 10
WORDS = str.split(
    "plan møde kommunen hjælp arbejde bolig familie sundhed penge aftale samtale borger "
    "netværk mål indsats afgørelse klage kontakt hverdag skole job uddannelse læge "
    "ansøgning frist ydelse støtte vejledning hjem børn tid svar spørgsmål"
)


def _sentence(rng, n=12):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def guides(count: int) -> int:
    """Guide pages in SECTIONS sections under the home page, each with a few paragraphs of
    everyday words, so search has many hits for common words like "plan" and "møde"."""
    home = Site.objects.get(is_default_site=True).root_page  # the Danish home page
    existing = GuidePage.objects.filter(slug__startswith="bench-").count()
    rng = random.Random(1)
    sections = []
    for number in range(SECTIONS):
        slug = f"bench-emne-{number}"
        section = GuideIndexPage.objects.filter(slug=slug).first()
        if section is None:
            section = GuideIndexPage(title=f"Emne {number + 1}", slug=slug, intro=_sentence(rng))
            home.add_child(instance=section)
        sections.append(section)
    for number in range(existing, count):
        section = sections[number % SECTIONS]
        paragraphs = "".join(f"<p>{_sentence(rng, 18)}</p>" for _ in range(4))
        section.add_child(
            instance=GuidePage(
                title=f"{rng.choice(WORDS).capitalize()} og {rng.choice(WORDS)} {number + 1}",
                slug=f"bench-vejledning-{number + 1}",
                summary=_sentence(rng),
                body=[("paragraph", paragraphs), ("heading", "Det kan du gøre")],
                live=True,
            )
        )
        section.refresh_from_db()  # treebeard keeps numchild on the parent row
    return count - existing
