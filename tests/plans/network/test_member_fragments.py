"""The member's page kept rendered (plans.fragments, issue 18): a change shows on the very next
view, every view is still written to the citizen's access log, no member is served a copy made
for another member, for the citizen or in another language, and a removed member's copies go."""

from django.core.cache import cache
from django.urls import reverse

from plans import fragments
from plans.models import AccessLogEntry, NetworkMembership, Relation
from plans.network import services
from plans.services import comment_add
from tests.plans.factories import citizen


def _url(world):
    return f"/jeg-hjaelper/{world.plan.pk}/"


def _page(client, world, user, status=200):
    client.force_login(user)
    response = client.get(_url(world))
    assert response.status_code == status
    return response.content.decode()


def _kept(membership, language="da"):
    key = fragments._key(membership.plan_id, fragments.member_viewer(membership), language)
    return cache.get(key)


def test_every_view_is_logged_also_when_the_goals_come_kept(client, network_world, member):
    before = AccessLogEntry.objects.filter(plan=network_world.plan).count()
    for _ in range(3):
        _page(client, network_world, member.user)
    assert _kept(member.membership) is not None
    assert AccessLogEntry.objects.filter(plan=network_world.plan).count() == before + 3
    last = AccessLogEntry.objects.filter(plan=network_world.plan).latest("pk")
    assert last.what == "Så de delte mål: Jeg vil have et job"


def test_the_kept_goals_hold_no_form_and_no_csrf_token(client, network_world, member):
    body = _page(client, network_world, member.user)
    _version, _glossary, goals = _kept(member.membership)
    assert goals and all("<form" not in g.html and "csrf" not in g.html for g in goals)
    assert 'name="csrfmiddlewaretoken"' in body  # the comment form, made for this view


def test_a_comment_on_a_shared_goal_shows_on_the_next_view(client, network_world, member):
    _page(client, network_world, member.user)
    comment_add(
        plan=network_world.plan,
        author=network_world.citizen,
        author_role="citizen",
        body="Jeg har fået en samtale",
        goal=network_world.shared_goal,
    )
    assert "Jeg har fået en samtale" in _page(client, network_world, member.user)


def test_a_goal_shared_later_shows_on_the_next_view(client, network_world, member):
    assert "Jeg vil se mine børn mere" not in _page(client, network_world, member.user)
    member.membership.goals.add(network_world.goals[2])
    assert "Jeg vil se mine børn mere" in _page(client, network_world, member.user)


def test_her_answer_to_an_offer_shows_on_the_next_view(client, network_world, member):
    offer = services.offer_create(
        membership=member.membership,
        goal=network_world.shared_goal,
        kind="transport",
        what="Jeg kan køre dig til samtalen",
    )
    assert "Jeg kan køre dig til samtalen" in _page(client, network_world, member.user)
    services.offer_answer(offer=offer, accepted=True, answer="Tak, det vil jeg gerne")
    assert "Tak, det vil jeg gerne" in _page(client, network_world, member.user)


def test_a_member_is_never_served_a_copy_made_for_someone_else(client, network_world, member):
    # The citizen's own page and a member who sees the whole plan, both kept first...
    client.force_login(network_world.citizen)
    mine = client.get(reverse("plans:min_plan")).content.decode()
    assert "Afgørelse om ressourceforløb" in mine and "Jeg vil drikke mindre" in mine
    karl = citizen(email="karl@example.dk", first_name="Karl")
    NetworkMembership.objects.create(
        plan=network_world.plan, user=karl, name="Karl", relation=Relation.FRIEND, whole_plan=True
    )
    assert "Jeg vil drikke mindre" in _page(client, network_world, karl)
    # ...then Lene, who sees one goal, gets only that goal.
    lene = _page(client, network_world, member.user)
    assert "Jeg vil have et job" in lene
    for private in (
        "Jeg vil drikke mindre",
        "Afgørelse om ressourceforløb",
        "Jeg vil se mine børn",
    ):
        assert private not in lene
    # And the same member in English gets a copy of her own.
    client.cookies["django_language"] = "en"
    english = _page(client, network_world, member.user)
    assert "Comments" in english and "Jeg vil drikke mindre" not in english
    assert _kept(member.membership, "en") is not None


def test_removing_a_member_deletes_the_copies_and_ends_access_at_once(
    client, network_world, member
):
    _page(client, network_world, member.user)
    assert _kept(member.membership) is not None
    services.membership_remove(membership=member.membership, by=network_world.citizen)
    assert _kept(member.membership) is None
    body = _page(client, network_world, member.user, status=403)
    assert "Jeg vil have et job" not in body


def test_a_renamed_member_is_named_anew_on_the_next_view(client, network_world, member):
    services.member_comment_add(
        membership=member.membership, goal=network_world.shared_goal, body="Jeg kan godt hjælpe"
    )
    assert "<strong>Lene</strong>" in _page(client, network_world, member.user)
    member.membership.name = "Lene Storesøster"
    member.membership.save()
    assert "<strong>Lene Storesøster</strong>" in _page(client, network_world, member.user)
