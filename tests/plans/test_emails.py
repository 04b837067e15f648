"""Email about new comments: the others in the conversation hear, never the author, at most once
an hour per plan, in plain Danish text and HTML, without the words of the comment."""

import datetime

import pytest
from django.utils import timezone

from plans.models import EmailNotice, Goal, NetworkMembership, Relation
from plans.notices import email_notice_claim
from plans.services import comment_add


@pytest.fixture
def write(world, django_capture_on_commit_callbacks):
    def write(author, role, body="Hej", **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return comment_add(
                plan=world.plan, author=author, author_role=role, body=body, **kwargs
            )

    return write


def test_a_citizens_comment_emails_the_coordinator_not_the_citizen(world, write, mailoutbox):
    write(world.citizen, "citizen", "Jeg har det svært med min søvn")
    assert [m.to for m in mailoutbox] == [["koordinator@example.dk"]]
    mail = mailoutbox[0]
    assert mail.subject == "Fællesplan: Ny kommentar i planen for Mette"
    assert "Mette har skrevet en kommentar i planen for Mette." in mail.body
    assert "http://testserver/admin/plan-kommentarer/" in mail.body
    html, mimetype = mail.alternatives[0]
    assert mimetype == "text/html" and '<html lang="da">' in html
    # A plan holds health and social details: the email says that, not what, was written.
    assert "søvn" not in mail.body and "søvn" not in html


def test_an_answer_emails_the_citizen_with_a_link_to_min_plan(world, write, mailoutbox):
    question = write(world.citizen, "citizen")
    mailoutbox.clear()
    write(world.coordinator, "staff", "Svar", reply_to=question)
    assert [m.to for m in mailoutbox] == [["mette@example.dk"]]
    assert mailoutbox[0].subject == "Fællesplan: Der er skrevet noget nyt i din plan"
    assert "Hej Mette" in mailoutbox[0].body
    assert "http://testserver/min-plan/#kommentarer" in mailoutbox[0].body


def test_at_most_one_email_per_plan_per_hour_per_person(world, write, mailoutbox):
    write(world.citizen, "citizen", "En")
    write(world.citizen, "citizen", "To")
    write(world.citizen, "citizen", "Tre")
    assert len(mailoutbox) == 1
    EmailNotice.objects.update(sent_at=timezone.now() - datetime.timedelta(minutes=61))
    write(world.citizen, "citizen", "Fire")
    assert len(mailoutbox) == 2


def test_the_hour_is_counted_per_person(world, write, mailoutbox):
    write(world.citizen, "citizen")  # the coordinator is emailed
    write(world.coordinator, "staff")  # Mette has not been emailed yet: she is
    assert [m.to for m in mailoutbox] == [["koordinator@example.dk"], ["mette@example.dk"]]


def test_staff_outside_the_team_are_never_emailed(world, write, mailoutbox):
    world.outsider.plan_teams.clear()
    comment_add(plan=world.plan, author=world.outsider, author_role="staff", body="x")
    write(world.citizen, "citizen")
    assert "udenfor@example.dk" not in [address for m in mailoutbox for address in m.to]


def test_claiming_the_hour_twice_gives_it_once(world):
    assert email_notice_claim(plan_id=world.plan.pk, recipient_id=world.citizen.pk)
    assert not email_notice_claim(plan_id=world.plan.pk, recipient_id=world.citizen.pk)


def test_email_goes_to_files_in_dev_like_make_run(world, write, mail_dir):
    write(world.citizen, "citizen")
    files = list(mail_dir.iterdir())
    assert len(files) == 1
    assert "koordinator@example.dk" in files[0].read_text()


def test_a_network_member_hears_about_comments_on_a_goal_they_help_with(world, write, mailoutbox):

    from .factories import citizen

    shared = Goal.objects.create(plan=world.plan, text="Et job")
    private = Goal.objects.create(plan=world.plan, text="Drikke mindre")
    lene = citizen(email="lene@example.dk", first_name="")
    membership = NetworkMembership.objects.create(
        plan=world.plan, user=lene, name="Lene", relation=Relation.FAMILY, whole_plan=False
    )
    membership.goals.set([shared])
    write(world.citizen, "citizen", "Om det private", goal=private)
    assert "lene@example.dk" not in [a for m in mailoutbox for a in m.to]
    write(world.citizen, "citizen", "Om jobbet", goal=shared)
    assert "lene@example.dk" in [a for m in mailoutbox for a in m.to]
