"""Text that ends up on one line (an email subject, a calendar entry, a name in a notice) is
refused with a newline or another control character in it, in the admin as in the citizen's
forms, with the same plain message and what was typed kept."""

import html

import pytest
from django.urls import reverse

from plans.models import Meeting, Plan
from tests.plans.factories import admin_formset
from tests.plans.staff.test_admin_caps import _plan_data

pytestmark = pytest.mark.django_db

ONE_LINE = "Skriv det på én linje, uden linjeskift eller usynlige tegn."


# (A NUL is refused before this rule, by Django's own check with its own message.)
@pytest.mark.parametrize("typed", ["Jobcenteret\nBcc: alle@example.dk", "Rum\x1b2", "Rum\x852"])
def test_a_meeting_place_on_two_lines_is_refused_and_kept(client, world, typed):
    client.force_login(world.coordinator)
    data = _plan_data(world) | admin_formset(
        "meetings",
        [{"starts_at": "2027-01-12 10:00", "place": typed, "participants": "", "bring": ""}],
    )

    response = client.post(reverse("planer:edit", args=[world.plan.pk]), data)

    assert response.status_code == 200
    body = html.unescape(response.content.decode())
    assert ONE_LINE in body
    assert "Jobcenteret" in body or "Rum" in body
    assert not Meeting.objects.filter(plan=world.plan).exists()


def test_one_line_with_letters_of_every_kind_is_fine(client, world):
    client.force_login(world.coordinator)
    place = "Jobcentret, Åboulevarden 3 – 2. sal (lokale “Ø”) 😀"
    data = _plan_data(world) | admin_formset(
        "meetings",
        [{"starts_at": "2027-01-12 10:00", "place": place, "participants": "", "bring": ""}],
    )

    response = client.post(reverse("planer:edit", args=[world.plan.pk]), data)

    assert response.status_code == 302
    assert Plan.objects.get(pk=world.plan.pk).meetings.get().place == place
