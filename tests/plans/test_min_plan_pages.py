"""Min plan as the citizen uses it: reading, goals in own words, comments, feedback, the log."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from home.models import GlossaryTerm
from plans.access_log import access_log_record
from plans.models import AccessLogEntry, Comment, Feedback, Goal
from plans.services import comment_add

from .factories import fill_plan, written_over_time


@pytest.fixture
def full(world):
    goals, activities = fill_plan(
        plan=world.plan,
        profile=world.coordinator_profile,
        departments=world.departments,
        goals=3,
        activities=5,
        comments=2,
    )
    world.goals, world.activities = goals, activities
    return world


@pytest.fixture
def mette(client, full):
    client.force_login(full.citizen)
    return client


def test_the_plan_shows_what_matters_steps_goals_contacts_and_decisions(mette, full):
    body = mette.get(reverse("plans:min_plan")).content.decode()
    assert "At komme i gang med noget, der giver mening." in body
    assert "Rådhuset, mødelokale 2" in body  # the upcoming meeting under Næste skridt
    # Soonest first: step 0 is tomorrow, the meeting in 3 days, step 3 in 4 days.
    assert body.index("Næste skridt 0</strong>") < body.index("Rådhuset")
    assert body.index("Rådhuset") < body.index("Næste skridt 3</strong>")
    assert "Mål nummer 2" in body
    assert "Anne Holm</strong>, Koordinator, Socialafdelingen" in body
    assert 'href="tel:70112233"' in body
    assert "Fordi du har brug for ro til at komme dig." in body
    assert "Du skal klage senest" in body
    assert "Kommentar 1" in body


def test_personal_pages_are_never_cached(mette):
    response = mette.get(reverse("plans:min_plan"))
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_citizen_without_a_plan_gets_a_plain_page(client, world):
    client.force_login(world.editor)
    response = client.get(reverse("plans:min_plan"))
    assert response.status_code == 200
    assert "Du har ikke en plan hos os endnu." in response.content.decode()
    assert client.get(reverse("plans:access_log")).status_code == 404


def test_the_citizen_adds_a_goal_in_own_words(mette, full):
    response = mette.post(reverse("plans:goal_add"), {"text": "Jeg vil sove bedre om natten"})
    assert response.status_code == 302
    goal = Goal.objects.get(text="Jeg vil sove bedre om natten")
    assert goal.written_by == Goal.WrittenBy.CITIZEN
    body = mette.get(reverse("plans:min_plan")).content.decode()
    assert "Jeg vil sove bedre om natten" in body
    assert "Skrevet af dig" in body


def test_a_too_long_goal_comes_back_with_the_text_and_a_message(mette, full):
    text = "Jeg vil " + "meget " * 100
    response = mette.post(reverse("plans:goal_add"), {"text": text})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Teksten er for lang" in body
    assert text.strip() in body
    assert not Goal.objects.filter(text__startswith="Jeg vil meget").exists()


def test_the_citizen_edits_own_goals_but_not_those_staff_wrote(mette, full):
    staff_goal = full.goals[0]
    assert mette.get(reverse("plans:goal_edit", args=[staff_goal.pk])).status_code == 404
    mette.post(reverse("plans:goal_add"), {"text": "Gå en tur hver dag"})
    own = Goal.objects.get(text="Gå en tur hver dag")
    mette.post(reverse("plans:goal_edit", args=[own.pk]), {"text": "Gå en lang tur hver dag"})
    own.refresh_from_db()
    assert own.text == "Gå en lang tur hver dag"


def test_a_comment_on_an_activity_is_shown_there_safely(mette, full):
    activity = full.activities[0]
    response = mette.post(
        reverse("plans:comment_add"),
        {"body": "Se https://borger.dk <script>alert(1)</script>", "activity": activity.pk},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/indsats/{activity.pk}/#kommentarer")
    body = mette.get(reverse("plans:activity", args=[activity.pk])).content.decode()
    assert '<a href="https://borger.dk" rel="nofollow noopener">' in body
    assert "<script>alert(1)" not in body
    comment = Comment.objects.get(activity=activity)
    assert comment.author_name == "Mette"


def test_a_too_long_comment_keeps_every_character(mette, full):
    text = "å" * (Comment.MAX_LENGTH + 1)
    response = mette.post(reverse("plans:comment_add"), {"body": text})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Teksten er for lang: 2001 tegn. Der er plads til 2000." in body
    assert text in body
    assert Comment.objects.count() == 2


def test_an_empty_comment_is_refused_plainly(mette, full):
    body = mette.post(reverse("plans:comment_add"), {"body": "   "}).content.decode()
    assert "Skriv din kommentar, før du sender den." in body


def test_a_comment_on_someone_elses_goal_is_404(mette, full):

    foreign = Goal.objects.create(plan=full.other_plan, text="Alis mål")
    response = mette.post(reverse("plans:comment_add"), {"body": "Hej", "goal": foreign.pk})
    assert response.status_code == 404
    assert not Comment.objects.filter(body="Hej").exists()


def test_the_author_edits_within_15_minutes_and_it_is_marked(mette, full):
    mette.post(reverse("plans:comment_add"), {"body": "Tak for sidst"})
    comment = Comment.objects.get(body="Tak for sidst")
    mette.post(reverse("plans:comment_edit", args=[comment.pk]), {"body": "Tak for i går"})
    body = mette.get(reverse("plans:min_plan")).content.decode()
    assert "Tak for i går" in body
    assert "redigeret" in body


def test_after_15_minutes_the_comment_can_no_longer_be_edited(mette, full):
    mette.post(reverse("plans:comment_add"), {"body": "Tak for sidst"})
    comment = Comment.objects.get(body="Tak for sidst")
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=16)
    )
    response = mette.post(
        reverse("plans:comment_edit", args=[comment.pk]), {"body": "Noget andet"}, follow=True
    )
    comment.refresh_from_db()
    assert comment.body == "Tak for sidst"
    assert "kun rette en kommentar i de første 15 minutter" in response.content.decode()


def test_a_deleted_comment_leaves_a_note(mette, full):
    mette.post(reverse("plans:comment_add"), {"body": "Det var en fejl"})
    comment = Comment.objects.get(body="Det var en fejl")
    assert mette.get(reverse("plans:comment_delete", args=[comment.pk])).status_code == 200
    mette.post(reverse("plans:comment_delete", args=[comment.pk]))
    body = mette.get(reverse("plans:min_plan")).content.decode()
    assert "Det var en fejl" not in body
    assert "Kommentaren er slettet" in body


def test_nobody_edits_or_deletes_someone_elses_comment(mette, full):
    answer = comment_add(
        plan=full.plan, author=full.coordinator, author_role="staff", body="Svar fra Anne"
    )
    assert (
        mette.post(reverse("plans:comment_edit", args=[answer.pk]), {"body": "x"}).status_code
        == 404
    )
    assert mette.post(reverse("plans:comment_delete", args=[answer.pk])).status_code == 404
    answer.refresh_from_db()
    assert answer.body == "Svar fra Anne" and not answer.is_deleted


def test_older_comments_are_behind_vis_aeldre(mette, full):
    with written_over_time():
        for n in range(60):
            comment_add(
                plan=full.plan, author=full.citizen, author_role="citizen", body=f"Nr. {n}"
            )
    body = mette.get(reverse("plans:min_plan")).content.decode()
    assert body.count('<article class="comment') == 50
    assert "Nr. 59" in body and "Nr. 9<" not in body
    older = Comment.objects.filter(body="Nr. 10").get()
    link = f"{reverse('plans:comments_older')}?foer={older.pk}"
    assert f"?foer={older.pk}#kommentarer" in body
    older_page = mette.get(link).content.decode()
    assert "Nr. 9<" in older_page and "Kommentar 0" in older_page


def test_the_citizen_rates_the_plan_and_an_activity(mette, full):
    mette.post(reverse("plans:plan_feedback"), {"score": "4", "words": "Den giver mening"})
    activity = full.activities[1]
    mette.post(reverse("plans:activity", args=[activity.pk]), {"score": "2"})
    mette.post(reverse("plans:activity", args=[activity.pk]), {"score": "3"})
    assert Feedback.objects.get(activity__isnull=True).score == 4
    # Answering again keeps the earlier answer, newest first: staff follow the trend.
    assert list(Feedback.objects.filter(activity=activity).values_list("score", flat=True)) == [
        3,
        2,
    ]
    assert "Dit seneste svar: 4 af 5," in mette.get(reverse("plans:min_plan")).content.decode()


def test_a_rating_outside_1_to_5_is_refused(mette, full):
    body = mette.post(reverse("plans:plan_feedback"), {"score": "9", "words": "Hmm"}).content
    assert "Vælg et tal fra 1 til 5." in body.decode()
    assert "Hmm" in body.decode()
    assert not Feedback.objects.exists()


def test_hvem_har_set_min_plan_lists_staff_newest_first(mette, full):
    access_log_record(
        plan=full.plan, actor=full.coordinator, action=AccessLogEntry.Action.READ, what="Planen"
    )
    access_log_record(
        plan=full.plan, actor=full.coordinator, action=AccessLogEntry.Action.WRITE, what="Et mål"
    )
    body = mette.get(reverse("plans:access_log")).content.decode()
    assert "Anne Holm</strong>, Koordinator, Socialafdelingen" in body
    assert body.index('Ændrede: <span lang="da">Et mål') < body.index('Så: <span lang="da">Planen')


def test_the_citizen_reading_their_own_plan_is_not_logged(mette, full):
    mette.get(reverse("plans:min_plan"))
    assert not AccessLogEntry.objects.exists()


def test_fagland_words_in_a_decision_are_explained(mette, full):

    GlossaryTerm.objects.update_or_create(
        term="ressourceforløb",
        defaults={"plain": "et længere forløb", "explanation": "Hjælp i op til 5 år."},
    )
    decision = full.plan.decisions.get()
    decision.explanation = "Du får et ressourceforløb."
    decision.save()
    body = mette.get(reverse("plans:min_plan")).content.decode()
    assert "<dfn" in body and "Hjælp i op til 5 år." in body
