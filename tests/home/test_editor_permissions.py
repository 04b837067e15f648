"""Communication staff ("Redaktører") edit and publish pages, pin search answers; no more."""

import pytest

from home.models import GuidePage

pytestmark = pytest.mark.django_db


def test_editor_may_edit_and_publish_every_page(editor, demo_site):
    for page in [demo_site, *GuidePage.objects.all()]:
        permissions = page.permissions_for_user(editor)
        assert permissions.can_edit()
        assert permissions.can_publish()


def test_editor_opens_the_page_editor_and_promoted_results(client, editor, demo_site):
    client.force_login(editor)
    guide = GuidePage.objects.first()
    assert client.get(f"/admin/pages/{guide.pk}/edit/").status_code == 200
    assert client.get("/admin/searchpicks/").status_code == 200
    assert client.get("/admin/searchpicks/add/").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/admin/users/",
        "/admin/groups/",
        "/admin/sites/",
        "/admin/settings/home/footersettings/",
        "/admin/redirects/",
        "/admin/workflows/list/",
        "/admin/searchpicks/reports/search-terms/",
        "/admin/images/",
        "/admin/documents/",
    ],
)
def test_editor_is_kept_out_of_everything_else(client, editor, demo_site, url):
    client.force_login(editor)
    response = client.get(url)
    # Wagtail answers a missing permission by sending the user back to the dashboard.
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == "/admin/"


def test_a_citizen_without_a_group_has_no_admin(client, django_user_model):
    citizen = django_user_model.objects.create_user(email="borger9@example.dk", password="x")
    client.force_login(citizen)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")
