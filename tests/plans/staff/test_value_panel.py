"""The citizen's answers to "Hvor meningsfuld …?" where people read them: the team sees every
answer with date and words on the plan's admin page (in the same queries however many there
are), and the citizen sees her own newest answer next to each feedback form."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from plans.models import Activity, Feedback
from plans.services import feedback_give
from tests.plans.query_budgets import LOCK_AND_READ

YEAR = timezone.localdate().year


def _at(month, day):
    return timezone.make_aware(datetime.datetime(YEAR, month, day, 12))


@pytest.fixture
def activity(world):
    return Activity.objects.create(
        plan=world.plan,
        department=world.departments[0],
        title="Jobsamtaler",
        responsible=world.coordinator_profile,
        status=Activity.Status.ONGOING,
        sort_order=0,
    )


def _answer(world, score, when, activity=None, words=""):
    answer = feedback_give(
        plan=world.plan, citizen=world.citizen, score=score, words=words, activity=activity
    )
    Feedback.objects.filter(pk=answer.pk).update(answered_at=when)
    return answer


def _edit_page(client, world):
    client.force_login(world.coordinator)
    response = client.get(reverse("planer:edit", args=[world.plan.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_team_sees_every_answer_newest_first_with_date_score_and_words(
    client, world, activity
):
    _answer(world, 2, _at(3, 1), words="Det var svært i starten")
    _answer(world, 4, _at(3, 3), words="Nu giver det mening")
    _answer(world, 5, _at(3, 2), activity=activity, words="Gode samtaler")
    body = _edit_page(client, world)
    assert "Hvor meningsfuld er det for borgeren?" in body
    newest = body.index(f"3. marts {YEAR}: 4 af 5")
    older = body.index(f"1. marts {YEAR}: 2 af 5")
    assert newest < older
    assert (
        '<q lang="da">Nu giver det mening</q>' in body
        and '<q lang="da">Det var svært i starten</q>' in body
    )
    on_activity = body.index('Indsats: <span lang="da">Jobsamtaler')
    assert body.index(f"2. marts {YEAR}: 5 af 5") > on_activity > older
    assert '<q lang="da">Gode samtaler</q>' in body


def test_a_plan_without_answers_says_so_plainly(client, world):
    assert "Borgeren har ikke svaret endnu." in _edit_page(client, world)


def test_the_citizens_words_are_shown_as_text_not_markup(client, world):
    _answer(world, 3, _at(3, 1), words="<script>alert(1)</script>")
    body = _edit_page(client, world)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>alert(1)</script>" not in body


def test_another_team_never_sees_the_answers(client, world):
    _answer(world, 3, _at(3, 1), words="Kun for mit team")
    client.force_login(world.outsider)
    response = client.get(reverse("planer:edit", args=[world.plan.pk]))
    assert response.status_code == 404
    assert "Kun for mit team" not in response.content.decode()


@pytest.fixture
def edit_page_queries(client, world, activity, django_assert_num_queries):
    """The edit page's queries with `n` answers on the plan and on the activity."""

    def count(n):
        Feedback.objects.all().delete()
        for day in range(1, n + 1):
            _answer(world, 1 + day % 5, _at(3, day), words=f"Svar {day}")
            _answer(world, 1 + day % 5, _at(3, day), activity=activity)
        client.force_login(world.coordinator)
        client.get(reverse("planer:edit", args=[world.plan.pk]))  # the site's first request
        with django_assert_num_queries(EDIT_PAGE_QUERIES) as captured:
            body = client.get(reverse("planer:edit", args=[world.plan.pk])).content.decode()
        assert body.count(" af 5</strong>") == 2 * n
        reads = [
            q["sql"] for q in captured.captured_queries if 'FROM "plans_feedback"' in q["sql"]
        ]
        assert len(reads) == 1  # the panel's one query
        return len(captured)

    return count


# The plan's edit page with goals, activities, meetings, decisions, the network panel and this
# panel (which reads its answers in one query), the goals offered to a new activity row, and
# the citizen's address (no list of accounts any more); the access log's entry of the read.
EDIT_PAGE_QUERIES = 48 + LOCK_AND_READ


def test_the_edit_page_reads_the_same_queries_for_1_and_10_answers(edit_page_queries):
    assert edit_page_queries(1) == edit_page_queries(10) == EDIT_PAGE_QUERIES


# --- The citizen's own last answer ----


@pytest.fixture
def mette(client, world):
    client.force_login(world.citizen)
    return client


def test_the_activity_page_shows_her_newest_answer(mette, world, activity):
    page = reverse("plans:activity", args=[activity.pk])
    mette.post(page, {"score": "2", "words": "Først"})
    mette.post(page, {"score": "3", "words": "Bedre nu"})
    first, second = Feedback.objects.order_by("pk")
    Feedback.objects.filter(pk=first.pk).update(answered_at=_at(12, 1))
    Feedback.objects.filter(pk=second.pk).update(answered_at=_at(12, 3))
    body = mette.get(page).content.decode()
    assert "Dit seneste svar: 3 af 5, 3. december." in body
    assert "2 af 5" not in body
    assert '<input type="radio" name="score" value="3" id="id_score_2" required checked>' in body
    assert "Bedre nu</textarea>" in body


def test_the_plan_pages_show_her_newest_answer(mette, world):
    page = reverse("plans:plan_feedback")
    mette.post(page, {"score": "5"})
    mette.post(page, {"score": "4"})
    first, second = Feedback.objects.order_by("pk")
    Feedback.objects.filter(pk=first.pk).update(answered_at=_at(12, 1))
    Feedback.objects.filter(pk=second.pk).update(answered_at=_at(12, 3))
    assert "Dit seneste svar: 4 af 5, 3. december." in mette.get(page).content.decode()
    min_plan = mette.get(reverse("plans:min_plan")).content.decode()
    assert "Dit seneste svar: 4 af 5, 3. december." in min_plan
    assert "5 af 5" not in min_plan


def test_a_first_visit_shows_no_last_answer(mette, world, activity):
    body = mette.get(reverse("plans:activity", args=[activity.pk])).content.decode()
    assert "Dit seneste svar" not in body
