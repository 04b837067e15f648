"""Communication staff: "Redaktører" edit pages and submit them, "Kommunikationsansvarlige"
approve and publish; both keep the glossary and pin search answers; no more."""

import pytest

from home.models import GuidePage

pytestmark = pytest.mark.django_db


def test_editor_may_edit_every_page_but_publishes_only_through_review(editor, demo_site):
    for page in [demo_site, *GuidePage.objects.all()]:
        permissions = page.permissions_for_user(editor)
        assert permissions.can_edit()
        assert not permissions.can_publish()
        assert page.get_workflow().name == "Borgerland-gennemsyn"


def test_approver_may_edit_and_publish_every_page(approver, demo_site):
    for page in [demo_site, *GuidePage.objects.all()]:
        permissions = page.permissions_for_user(approver)
        assert permissions.can_edit()
        assert permissions.can_publish()


@pytest.mark.parametrize("who", ["editor", "approver"])
def test_communication_staff_keep_the_glossary(client, request, demo_site, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get("/admin/snippets/home/glossaryterm/").status_code == 200
    assert client.get("/admin/snippets/home/glossaryterm/add/").status_code == 200


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
