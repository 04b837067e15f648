"""The section labels Mette reads are plain words, not the Fagland words our own glossary tells
editors to replace ("Afgørelser", "Afgjort", "indsats"); the two laws Mine data names are
explained where they stand, the way content words are."""

import re

import pytest

pytestmark = pytest.mark.django_db

OLD_LABELS = ["Afgørelser", "Afgjort", "Om indsatsen", "denne indsats", "Indsatser"]


def _page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _old_labels_in(html: str) -> list[str]:
    # Only the page's own words: what a caseworker typed (a decision's title) may say anything.
    return [label for label in OLD_LABELS if re.search(rf">\s*{label}\b", html)]


def test_min_plan_says_what_we_decided_in_plain_words(client, mettes):
    client.force_login(mettes.citizen)
    html = _page(client, "/min-plan/")
    assert '<h2 id="afgoerelser">Det har vi besluttet</h2>' in html
    assert '<a href="#afgoerelser">Det har vi besluttet</a>' in html
    assert re.search(r'<p class="decision__date">Besluttet \d', html)
    assert _old_labels_in(html) == []


def test_the_activity_page_asks_if_the_help_makes_sense(client, mettes):
    client.force_login(mettes.citizen)
    html = _page(client, f"/min-plan/indsats/{mettes.activity.pk}/")
    assert "Giver denne hjælp mening for dig?" in html
    assert "Hvor meningsfuld er denne indsats" not in html


def test_a_comment_on_an_activity_says_om_hjaelpen(client, mettes):
    client.force_login(mettes.citizen)
    html = _page(client, f"/min-plan/kommentar/?activity={mettes.activity.pk}")
    assert f'<p>Om hjælpen: <span lang="da">{mettes.activity.title}</span></p>' in html
    assert _old_labels_in(html) == []


def test_the_printed_plan_uses_the_same_words(client, mettes):
    client.force_login(mettes.citizen)
    html = _page(client, "/min-plan/udskriv/")
    assert "Det har vi besluttet</h2>" in html
    assert re.search(r"<p>Besluttet \d", html)
    assert _old_labels_in(html) == []


def test_mine_data_names_the_help_and_explains_the_two_laws(client, mettes):
    client.force_login(mettes.citizen)
    html = _page(client, "/min-plan/mine-data/")
    assert "<h3>Den hjælp, du får</h3>" in html
    assert "<h3>Det har vi besluttet</h3>" in html
    assert _old_labels_in(html) == []
    # The glossary's words for each law, in a <details> right after the paragraph.
    for law, plain in [
        ("arkivloven", "loven om, hvad kommunen skal gemme"),
        ("forvaltningsloven", "loven om, hvordan vi skal tage os af din sag"),
    ]:
        assert re.search(rf"<dfn[^>]*>{law}</dfn>", html), law
        assert f"Hvad betyder “{law}”?" in html
        assert f"{law.capitalize()} betyder: {plain}." in html
