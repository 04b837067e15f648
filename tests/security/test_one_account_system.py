"""One account system: every way to change a password or an email address goes through allauth
(its rate limits, notices and reauthentication). Wagtail's own doors to the same account are
shut: its password reset answers 404, and its account page has no password or email fields."""

import pytest
from django.contrib.auth.hashers import check_password
from django.core import mail

from tests.plans.factories import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


WAGTAIL_RESET = [
    "/admin/password_reset/",
    "/admin/password_reset/done/",
    "/admin/password_reset/confirm/MQ/set-password/",
    "/admin/password_reset/complete/",
]


@pytest.mark.parametrize("path", WAGTAIL_RESET)
def test_wagtails_password_reset_is_not_there(client, path):
    assert client.get(path).status_code == 404


def test_asking_wagtail_for_a_reset_sends_nothing(client, world):
    response = client.post("/admin/password_reset/", {"email": world.coordinator.email})
    assert response.status_code == 404
    assert mail.outbox == []


def test_the_admin_account_page_changes_no_password_and_no_email(client, world, demo_password):
    staff = world.coordinator
    staff.set_password(demo_password)
    staff.save()
    client.force_login(staff)
    html = client.get("/admin/account/").content.decode()
    assert 'name="password-new_password1"' not in html
    assert 'name="name_email-email"' not in html
    client.post(
        "/admin/account/",
        {
            "password-old_password": demo_password,
            "password-new_password1": "et-helt-nyt-kodeord-99",
            "password-new_password2": "et-helt-nyt-kodeord-99",
            "name_email-email": "ny@example.dk",
            "name_email-first_name": staff.first_name,
            "name_email-last_name": staff.last_name,
        },
    )
    staff.refresh_from_db()
    assert check_password(demo_password, staff.password)
    assert staff.email == "koordinator@example.dk"


def test_allauth_is_where_a_password_is_reset(client):
    assert client.get("/konto/password/reset/").status_code == 200
