"""Min plan kept rendered (plans.fragments, issue 18): what changes shows on the very next view,
nobody is served another person's copy, and the copies go when the plan is archived or she asks
for deletion. Through the real stack: the views, the services and the test database cache."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from home.glossary import glossary_changed
from plans import fragments, services
from plans.models import Activity, Decision, Goal, Meeting, Plan, PlanVisit
from plans.mydata import services as mydata_services
from plans.page_parts import _min_plan_fresh
from plans.selectors import min_plan

MIN_PLAN = reverse("plans:min_plan")


def _page(client, user, *, language=None):
    client.force_login(user)
    if language:
        client.cookies["django_language"] = language
    response = client.get(MIN_PLAN)
    assert response.status_code == 200
    return response.content.decode()


def _kept(plan, language="da"):
    """The entry kept for the citizen, as stored in the cache (or None)."""
    return cache.get(fragments._key(plan.pk, fragments.citizen_viewer(plan), language))


def test_a_second_view_is_served_the_kept_copy_and_looks_the_same(client, mettes):
    first = _page(client, mettes.citizen)
    assert _kept(mettes.plan) is not None
    again = _page(client, mettes.citizen)
    # The page is the same but for the CSRF token and the submission keys made per view.
    assert again.count("Mit eget mål") == first.count("Mit eget mål") > 0
    assert again.count('class="goal"') == first.count('class="goal"') == 2
    assert "Mettes kommentar" in again


def test_the_kept_copy_holds_no_form_and_no_csrf_token(client, mettes):
    body = _page(client, mettes.citizen)
    version, _glossary, parts = _kept(mettes.plan)
    assert version == Plan.objects.get(pk=mettes.plan.pk).version
    for html in (parts.top, parts.thread):
        assert "<form" not in html
        assert "csrfmiddlewaretoken" not in html
    # ...while the page around it carries both, made for this view.
    assert body.count("csrfmiddlewaretoken") >= 3  # comment, feedback, log out


def _write_comment(world):
    services.comment_add(
        plan=world.plan, author=world.coordinator, author_role="staff", body="Ny besked fra Anne"
    )
    return "Ny besked fra Anne"


def _rename_goal(world):
    goal = Goal.objects.get(plan=world.plan, text="Mål nummer 0")
    goal.text = "Et nyt ord for målet"
    goal.save()
    return "Et nyt ord for målet"


def _change_activity(world):
    activity = Activity.objects.get(plan=world.plan)
    activity.title = "Praktik i Brugsen"
    activity.save()
    return "Praktik i Brugsen"


def _add_meeting(world):
    Meeting.objects.create(
        plan=world.plan,
        starts_at=timezone.now() + datetime.timedelta(days=1),
        place="Biblioteket i Nørre Snede",
    )
    return "Biblioteket i Nørre Snede"


def _add_decision(world):
    Decision.objects.create(
        plan=world.plan,
        title="Afgørelse om bolig",
        explanation="Fordi du har ret til det.",
        meaning="Du får en bolig.",
        how_to_complain="Skriv til os.",
        complaint_deadline=timezone.localdate() + datetime.timedelta(weeks=4),
        contact=world.coordinator_profile,
    )
    return "Afgørelse om bolig"


def _coordinator_phone(world):
    world.coordinator_profile.phone = "87 65 43 21"
    world.coordinator_profile.save()
    return "87 65 43 21"


def _department_renamed(world):
    department = world.coordinator_profile.department
    department.name = "Social og Sundhed"
    department.save()
    return "Social og Sundhed"


def _what_matters(world):
    plan = Plan.objects.get(pk=world.plan.pk)
    plan.what_matters = "At se mine børn hver uge."
    plan.save()
    return "At se mine børn hver uge."


WRITES = {
    "a staff comment": _write_comment,
    "a goal reworded": _rename_goal,
    "an activity retitled": _change_activity,
    "a meeting booked": _add_meeting,
    "a decision": _add_decision,
    "the coordinator's phone": _coordinator_phone,
    "her department renamed": _department_renamed,
    "what matters to her": _what_matters,
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_a_change_shows_on_the_very_next_view(client, mettes, write):
    _page(client, mettes.citizen)
    assert _kept(mettes.plan) is not None
    words = write(mettes)
    assert words in _page(client, mettes.citizen)


def test_her_own_comment_shows_when_she_comes_back_from_posting_it(client, mettes):
    _page(client, mettes.citizen)
    client.get(reverse("plans:comment_add"))
    response = client.post(
        reverse("plans:comment_add"),
        {"body": "Tak for mødet i går", "csrfmiddlewaretoken": client.cookies["csrftoken"].value},
        follow=True,
    )
    assert response.status_code == 200
    assert "Tak for mødet i går" in response.content.decode()


def test_a_glossary_change_shows_in_the_decisions_next_view(client, mettes):
    _page(client, mettes.citizen)
    before = fragments.read(plan=Plan.objects.get(pk=mettes.plan.pk), viewer=_viewer(mettes))
    assert before is not None
    glossary_changed()  # what saving a term in the editors' glossary does
    assert fragments.read(plan=Plan.objects.get(pk=mettes.plan.pk), viewer=_viewer(mettes)) is None


def _viewer(world):
    return fragments.citizen_viewer(world.plan)


def test_no_citizen_is_served_another_citizens_copy(client, mettes):
    assert "Mit eget mål" in _page(client, mettes.citizen)
    ali = _page(client, mettes.other_citizen)
    assert "Mit eget mål" not in ali
    assert "Mettes kommentar" not in ali
    assert "Et job." in ali


def test_each_language_has_its_own_copy(client, mettes):
    danish = _page(client, mettes.citizen)
    english = _page(client, mettes.citizen, language="en")
    assert 'id="naeste-skridt">Næste skridt</h2>' in danish
    assert 'id="naeste-skridt">Next step' in english
    assert _kept(mettes.plan, "da") is not None and _kept(mettes.plan, "en") is not None


def test_archiving_the_plan_deletes_her_copies_and_shows_it_finished(client, mettes):
    _page(client, mettes.citizen)
    _page(client, mettes.citizen, language="en")
    plan = Plan.objects.get(pk=mettes.plan.pk)
    plan.status = Plan.Status.ARCHIVED
    plan.save()
    assert _kept(plan, "da") is None and _kept(plan, "en") is None
    client.cookies["django_language"] = "da"
    assert "Din plan blev afsluttet" in _page(client, mettes.citizen)


def test_asking_for_deletion_deletes_her_copies(client, mettes):
    _page(client, mettes.citizen)
    assert _kept(mettes.plan) is not None
    mydata_services.erasure_request(plan=mettes.plan, citizen=mettes.citizen)
    assert _kept(mettes.plan) is None


def test_a_copy_lives_ten_minutes_at_most(client, mettes):
    _page(client, mettes.citizen)
    key = cache.make_key(fragments._key(mettes.plan.pk, _viewer(mettes), "da"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT expires FROM portal_cache WHERE cache_key = %s", [key])
        (expires,) = cursor.fetchone()
    if isinstance(expires, str):
        expires = datetime.datetime.fromisoformat(expires)
    if timezone.is_naive(expires):
        expires = timezone.make_aware(expires, datetime.UTC)
    left = (expires - timezone.now()).total_seconds()
    assert 0 < left <= fragments.FRAGMENT_SECONDS == 600


def test_the_copy_ends_when_the_clock_alone_changes_the_page(mettes):
    now = timezone.now()
    meeting = Meeting.objects.create(
        plan=mettes.plan,
        starts_at=now - datetime.timedelta(hours=1, minutes=55),
        place="Jobcentret",
    )
    page = min_plan(plan=Plan.objects.get(pk=mettes.plan.pk))
    # The meeting leaves "Næste skridt" two hours after it began: five minutes from now.
    assert _min_plan_fresh(page, now=now) == pytest.approx(300, abs=1)
    meeting.delete()
    # Her own comment's "Ret" link goes after 15 minutes.
    services.comment_add(
        plan=mettes.plan, author=mettes.citizen, author_role="citizen", body="Hej"
    )
    page = min_plan(plan=Plan.objects.get(pk=mettes.plan.pk))
    assert _min_plan_fresh(page) <= 15 * 60


def test_the_visit_is_written_at_most_once_a_minute(mettes):
    now = timezone.now()
    visit = services.plan_visit_record(plan=mettes.plan, user=mettes.citizen, now=now)
    later = now + datetime.timedelta(seconds=30)
    services.plan_visit_record(plan=mettes.plan, user=mettes.citizen, now=later)
    visit.refresh_from_db()
    assert visit.seen_at == now
    much_later = now + datetime.timedelta(minutes=2)
    services.plan_visit_record(plan=mettes.plan, user=mettes.citizen, now=much_later)
    visit.refresh_from_db()
    assert visit.seen_at == much_later


def _news_kept(plan):
    viewer = fragments.citizen_viewer(plan)
    return cache.get(fragments._key(plan.pk, viewer, "da", fragments.NEWS))


def _back_after_a_break(world):
    """She was last here an hour ago: the next view starts a visit with news since then."""
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    PlanVisit.objects.update_or_create(
        plan=world.plan, user=world.citizen, defaults={"seen_at": an_hour_ago}
    )


def test_her_news_is_kept_and_a_new_comment_shows_in_it_on_the_very_next_view(client, mettes):
    _back_after_a_break(mettes)
    first = _page(client, mettes.citizen)
    assert "Nyt siden sidst" in first and "Ny besked fra Anne" not in first
    assert _news_kept(mettes.plan) is not None
    _write_comment(mettes)
    news = _page(client, mettes.citizen).split('id="nyt-siden-sidst"')[1].split("</section>")[0]
    assert "skrev en kommentar" in news


def test_a_new_visit_makes_her_news_anew_and_deletion_deletes_it(client, mettes):
    _back_after_a_break(mettes)
    _page(client, mettes.citizen)
    since, _news = _news_kept(mettes.plan)[2]
    _back_after_a_break(mettes)  # another break: the visit before is another one now
    _page(client, mettes.citizen)
    assert _news_kept(mettes.plan)[2][0] != since
    mydata_services.erasure_request(plan=mettes.plan, citizen=mettes.citizen)
    assert _news_kept(mettes.plan) is None
