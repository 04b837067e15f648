"""Borgerland review: an editor writes and submits, sees the Fagland words before anything is
published; a Kommunikationsansvarlig sees the same figures, approves, and scheduling holds."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import GuideIndexPage, GuidePage

pytestmark = pytest.mark.django_db


def _form(**extra):
    return nested_form_data(
        {
            "title": "Når du får en afgørelse",
            "slug": "naar-du-faar-en-afgoerelse",
            "summary": "Sådan læser du brevet.",
            "body": streamfield(
                [("paragraph", rich_text("<p>Afgørelsen kommer med posten. Læs den roligt.</p>"))]
            ),
            **extra,
        }
    )


def _submit_guide(client, editor, **extra):
    index = GuideIndexPage.objects.get(slug="vejledninger")
    client.force_login(editor)
    data = _form(**extra)
    data["action-submit"] = "Send til gennemsyn"
    response = client.post(f"/admin/pages/add/home/guidepage/{index.pk}/", data, follow=True)
    assert response.status_code == 200
    return GuidePage.objects.get(slug="naar-du-faar-en-afgoerelse"), response


def _approve(client, approver, guide):
    client.force_login(approver)
    task_state = guide.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[guide.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""})


def test_editor_sees_the_jargon_before_publishing_and_can_only_submit(client, editor, demo_site):
    guide, response = _submit_guide(client, editor)
    page = response.content.decode()
    # After saving: the note names each Fagland word and its everyday word.
    # Title 5 words, summary 4, body 7 = 16 words, 4 sentences; over six letters: afgørelse,
    # afgørelsen = 2 → LIX = 16/4 + 100*2/16 = 4 + 12.5 = 16.5
    assert "Læsbarhed: LIX 16,5. Fagord: “afgørelse” (skriv hellere: beslutning)." in page
    assert not guide.live
    assert guide.current_workflow_task.name == "Godkendes af Kommunikationsansvarlige"

    # The editor's own edit view shows the same in the Læsbarhed panel.
    edit = client.get(f"/admin/pages/{guide.pk}/edit/").content.decode()
    assert "data-readability" in edit
    assert "“afgørelse” → <strong>beslutning</strong>" in edit

    # Publishing directly is refused: the page stays a draft.
    client.post(f"/admin/pages/{guide.pk}/edit/", {**_form(), "action-publish": "1"})
    guide.refresh_from_db()
    assert not guide.live


def test_approver_sees_the_score_and_publishes_by_approving(client, editor, approver, demo_site):
    guide, _ = _submit_guide(client, editor)
    client.force_login(approver)
    review = client.get(f"/admin/pages/{guide.pk}/edit/").content.decode()
    assert "<strong>LIX: 16,5</strong>" in review
    assert "“afgørelse” → <strong>beslutning</strong>" in review

    response = _approve(client, approver, guide)
    assert response.status_code in (200, 302)
    guide.refresh_from_db()
    assert guide.live
    assert guide.live_revision.user == editor

    citizen_view = client.get(guide.url).content.decode()
    assert '<dfn class="term__word">Afgørelsen</dfn>' in citizen_view


def test_an_approved_page_with_a_publishing_time_goes_live_then(
    client, editor, approver, demo_site
):
    go_live = timezone.localtime() + timedelta(days=2)
    guide, _ = _submit_guide(client, editor, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    _approve(client, approver, guide)
    guide.refresh_from_db()
    assert not guide.live
    revision = Revision.objects.get(approved_go_live_at__isnull=False, object_id=str(guide.pk))

    call_command("publish_scheduled")
    guide.refresh_from_db()
    assert not guide.live  # not yet

    # Two days later, the scheduled job (cron in production) publishes it.
    with mock.patch("django.utils.timezone.now", return_value=go_live + timedelta(minutes=1)):
        call_command("publish_scheduled")
    guide.refresh_from_db()
    assert guide.live
    assert guide.live_revision_id == revision.pk


def test_seed_demo_has_a_writer_and_an_approver(seed_demo, client, demo_password):
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    assert users.get(email="redaktoer@example.dk").groups.filter(name="Redaktører").exists()
    approver = users.get(email="kommunikation@example.dk")
    assert approver.groups.filter(name="Kommunikationsansvarlige").exists()
    guide = GuidePage.objects.live().first()
    assert guide.permissions_for_user(approver).can_publish()
