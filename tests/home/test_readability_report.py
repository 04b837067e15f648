"""The Læsbarhed report: every live page with LIX, glossary words and last edit; sortable,
filterable, only for communication staff, and its cost does not grow with the number of pages."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home.models import GlossaryTerm, GuideIndexPage, GuidePage, PageReadability
from portal.demo.accounts import ensure_demo_user

pytestmark = pytest.mark.django_db

URL = "/admin/laesbarhed/"


def _add_guide(title, text, *, user=None, publish=True):
    index = GuideIndexPage.objects.get(slug="vejledninger")
    guide = GuidePage(
        title=title, summary="Kort.", body=[("paragraph", f"<p>{text}</p>")], live=False
    )
    index.add_child(instance=guide)
    revision = guide.save_revision(user=user)
    if publish:
        revision.publish()
    return guide


def _rows(html):
    """(title, lix cell text, jargon cell text) per table row, in order."""
    table = html[html.index('<table class="listing') :]
    body = table[table.index("<tbody") : table.index("</tbody>")]
    rows = []
    for row in re.findall(r"<tr.*?</tr>", body, flags=re.S):
        cells = [
            re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", c)).strip()
            for c in re.findall(r"<td.*?</td>", row, flags=re.S)
        ]
        rows.append(cells)
    return rows


@pytest.fixture
def hard_guide(demo_site, editor):
    return _add_guide(
        "Om bevillinger",
        "Afgørelsen vedrørende bevillingen foreligger i henhold til gældende retningslinjer.",
        user=editor,
    )


def test_every_live_page_is_listed_with_its_figures(client, approver, hard_guide):
    _add_guide("Kladde om afgørelser", "Kun en kladde.", publish=False)
    client.force_login(approver)
    html = client.get(URL).content.decode()

    rows = _rows(html)
    titles = [row[0] for row in rows]
    assert (
        len(rows)
        == Page.objects.live().filter(depth__gt=1, locale__language_code="da").count()
        == 12
    )
    assert "Kladde om afgørelser" not in titles
    # Hardest first by default; the hard page says so in words, with the words it uses.
    title, lix_cell, jargon_cell, edited, by = rows[0]
    assert title.startswith("Om bevillinger")
    # Title "Om bevillinger" (2 words), summary "Kort." (1), the body sentence (9 words): 12
    # words, 3 sentences; over six letters: bevillinger, afgørelsen, vedrørende, bevillingen,
    # foreligger, henhold, gældende, retningslinjer = 8 → 12/3 + 100*8/12 = 70.7 (Danish comma).
    assert lix_cell == "70,7 ⚠ Svær"
    assert jargon_cell.startswith("6")  # "bevillinger" in the title too
    for term in ["afgørelse", "vedrørende", "bevilling", "foreligger", "i henhold til"]:
        assert term in jargon_cell
    assert "Rasmus" in by
    # An easy page without jargon carries no flag.
    easy = next(row for row in rows if row[0].startswith("Sådan logger du ind"))
    assert easy[1] == "9,5" and easy[2] == "0"


def test_the_report_is_in_the_menu_for_communication_staff(client, editor, demo_site):
    client.force_login(editor)
    # Wagtail builds its menu from JSON, so the address is looked for as text.
    assert "/admin/laesbarhed/" in client.get("/admin/").content.decode()


@pytest.mark.parametrize(
    ("ordering", "first"),
    [
        ("lix", "Sådan logger du ind"),
        ("-lix", "Om bevillinger"),
        ("-jargon_count", "Om bevillinger"),
        ("page__title", "Din faste kontaktperson"),
        ("-page__latest_revision_created_at", "Om bevillinger"),
    ],
)
def test_sorting(client, approver, hard_guide, ordering, first):
    client.force_login(approver)
    rows = _rows(client.get(URL, {"ordering": ordering}).content.decode())
    assert rows[0][0].startswith(first)


@pytest.mark.parametrize(
    ("filters", "titles"),
    [
        ({"hard": "true"}, {"Om bevillinger"}),
        ({"has_jargon": "true"}, {"Om bevillinger", "Hvis du er uenig i en afgørelse"}),
        ({"has_jargon": "true", "hard": "false"}, {"Hvis du er uenig i en afgørelse"}),
        ({"title": "kontakt"}, {"Kontakt", "Din faste kontaktperson"}),
    ],
)
def test_filtering(client, approver, hard_guide, filters, titles):
    client.force_login(approver)
    rows = _rows(client.get(URL, filters).content.decode())
    assert {re.sub(r"\s.*", "", r[0]) for r in rows} == {re.sub(r"\s.*", "", t) for t in titles}
    assert len(rows) == len(titles)


def test_figures_follow_the_live_version_and_the_glossary(client, approver, hard_guide):
    client.force_login(approver)
    client.get(URL)
    assert PageReadability.objects.get(page=hard_guide).jargon_count == 6

    hard_guide.body = [("paragraph", "<p>Vi har sagt ja. Du får hjælp.</p>")]
    hard_guide.save_revision().publish()
    client.get(URL)
    # Only the title ("Om bevillinger") still uses a glossary word.
    assert PageReadability.objects.get(page=hard_guide).jargon_terms == ["bevilling"]

    GlossaryTerm.objects.create(term="hjælp", plain="støtte")
    client.get(URL)
    assert PageReadability.objects.get(page=hard_guide).jargon_terms == ["bevilling", "hjælp"]


def test_the_number_of_queries_does_not_grow_with_the_number_of_pages(client, approver, demo_site):
    client.force_login(approver)
    client.get(URL)  # computes and stores every page's figures
    with CaptureQueriesContext(connection) as few_pages:
        client.get(URL)
    for n in range(5):
        _add_guide(f"Ekstra side {n}", "Ring til os, hvis du har spørgsmål.")
    client.get(URL)
    with CaptureQueriesContext(connection) as more_pages:
        assert client.get(URL).status_code == 200
    assert len(more_pages) == len(few_pages)


def test_a_citizen_and_a_caseworker_without_page_rights_are_kept_out(
    client, demo_site, django_user_model
):
    citizen = django_user_model.objects.create_user(email="borger9@example.dk", password="x")
    client.force_login(citizen)
    assert client.get(URL).status_code == 302

    staff = ensure_demo_user(email="staff9@example.dk", first_name="Sofie")
    group, _ = Group.objects.get_or_create(name="Kun admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    staff.groups.add(group)
    client.force_login(staff)
    response = client.get(URL)
    assert response.status_code in (302, 403)
    assert "Om bevillinger" not in response.content.decode()
