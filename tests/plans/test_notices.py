"""Notices: every event that concerns a person is held in the database and reaches them, at
once or in their digest, never both and never not at all, in plain Danish text and HTML,
saying who did something and never what they wrote."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from plans.models import Frequency, Goal, NetworkMembership, Notice, NoticeEmail, Relation
from plans.notices import notice_preference_set, notices_deliver
from plans.notices.delivery import emails_send, notices_claim
from plans.services import comment_add

from .factories import citizen, deliver_digests


@pytest.fixture
def write(world, django_capture_on_commit_callbacks):
    def write(author, role, body="Hej", **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return comment_add(
                plan=world.plan, author=author, author_role=role, body=body, **kwargs
            )

    return write


def _to(outbox):
    return [m.to for m in outbox]


def test_a_comment_is_held_for_the_daily_digest_by_default(world, write, mailoutbox):
    write(world.citizen, "citizen", "Jeg har det svært med min søvn")
    assert mailoutbox == []  # the coordinator gets it in tomorrow morning's digest
    (notice,) = Notice.objects.filter(recipient=world.coordinator)
    local = timezone.localtime(notice.due_at)
    assert (local.hour, local.minute) == (7, 0) and notice.due_at > timezone.now()

    assert deliver_digests() == 1
    (email,) = mailoutbox
    assert email.to == ["koordinator@example.dk"]
    assert email.subject == "Fællesplan: Mette har skrevet i planen for Mette"
    assert "http://testserver/admin/plan-kommentarer/" in email.body
    assert "http://testserver/indstillinger/beskeder/" in email.body
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html" and '<html lang="da">' in html
    # A plan holds health and social details: the email says that, not what, was written.
    assert "søvn" not in email.body and "søvn" not in html


def test_med_det_samme_sends_each_notice_at_once(world, write, mailoutbox):
    notice_preference_set(user=world.citizen, frequency=Frequency.IMMEDIATE)
    question = write(world.citizen, "citizen")
    write(world.coordinator, "staff", "Svar", reply_to=question)
    assert _to(mailoutbox) == [["mette@example.dk"]]
    assert mailoutbox[0].subject == "Fællesplan: Anne Holm har svaret dig i din plan"
    assert "Hej Mette" in mailoutbox[0].body
    assert "http://testserver/min-plan/#kommentarer" in mailoutbox[0].body


def test_ten_events_within_an_hour_make_one_digest_with_all_ten(world, write, mailoutbox):
    for n in range(10):
        write(world.citizen, "citizen", f"Besked {n}")
    assert mailoutbox == []
    assert Notice.objects.filter(recipient=world.coordinator, email__isnull=True).count() == 10

    assert deliver_digests() == 1
    (digest,) = mailoutbox
    assert digest.subject == "Fællesplan: 10 nyheder fra Fællesplan"
    assert "Der er sket 10 ting i Fællesplan" in digest.body
    assert digest.body.count("Mette har skrevet i planen for Mette") == 10
    assert all(f"Besked {n}" not in digest.body for n in range(10))
    # Every notice went into exactly this one email: none lost, none sent twice.
    assert Notice.objects.filter(email__isnull=True).count() == 0
    assert set(Notice.objects.values_list("email", flat=True)) == {NoticeEmail.objects.get().pk}
    assert deliver_digests() == 0 and len(mailoutbox) == 1


def test_a_worker_killed_between_claiming_and_sending_sends_once_on_restart(
    world, write, mailoutbox
):
    for n in range(3):
        write(world.citizen, "citizen", f"Besked {n}")
    later = timezone.now() + datetime.timedelta(days=2)
    assert notices_claim(now=later) == 1  # ... and the worker dies here.
    assert mailoutbox == []

    assert notices_deliver(now=later) == 1  # the next run
    assert notices_deliver(now=later) == 0
    assert len(mailoutbox) == 1 and "Der er sket 3 ting" in mailoutbox[0].body
    assert NoticeEmail.objects.count() == 1


def test_a_send_that_fails_is_sent_by_the_next_run_and_only_then(world, write, mailoutbox):
    write(world.citizen, "citizen")
    later = timezone.now() + datetime.timedelta(days=2)
    with (
        mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=OSError("SMTP")),
        pytest.raises(OSError),
    ):
        notices_deliver(now=later)
    assert NoticeEmail.objects.get().sent_at is None  # the failed send is not marked sent
    assert notices_deliver(now=later) == 1
    assert emails_send(now=later) == 0
    assert len(mailoutbox) == 1


def test_kun_det_vigtigste_gathers_the_rest_weekly_never_dropping_it(world, write, mailoutbox):
    notice_preference_set(user=world.coordinator, frequency=Frequency.IMPORTANT)
    write(world.citizen, "citizen")
    notice = Notice.objects.get(recipient=world.coordinator)
    local = timezone.localtime(notice.due_at)
    assert (local.weekday(), local.hour) == (0, 7)  # Monday morning
    assert notices_deliver(now=notice.due_at - datetime.timedelta(minutes=1)) == 0
    assert notices_deliver(now=notice.due_at) == 1
    assert _to(mailoutbox) == [["koordinator@example.dk"]]


def test_changing_the_setting_moves_what_is_held(world, write, mailoutbox):
    write(world.citizen, "citizen")
    assert mailoutbox == []
    notice_preference_set(user=world.coordinator, frequency=Frequency.IMMEDIATE)
    assert notices_deliver() == 1
    assert _to(mailoutbox) == [["koordinator@example.dk"]]


def test_the_command_for_cron_sends_the_digests(world, write, mailoutbox):
    write(world.citizen, "citizen")
    Notice.objects.update(due_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("send_notices", stdout=mock.Mock())
    assert _to(mailoutbox) == [["koordinator@example.dk"]]
    call_command("send_notices", stdout=mock.Mock())
    assert len(mailoutbox) == 1


def test_staff_outside_the_team_are_never_told(world, write, mailoutbox):
    world.outsider.plan_teams.clear()
    comment_add(plan=world.plan, author=world.outsider, author_role="staff", body="x")
    write(world.citizen, "citizen")
    deliver_digests()
    assert "udenfor@example.dk" not in [address for m in mailoutbox for address in m.to]
    assert not Notice.objects.filter(recipient=world.outsider).exists()


def test_email_goes_to_files_in_dev_like_make_run(world, write, mail_dir):
    write(world.citizen, "citizen")
    deliver_digests()
    files = list(mail_dir.iterdir())
    assert len(files) == 1
    assert "koordinator@example.dk" in files[0].read_text()


def test_every_link_is_built_from_site_url(world, write, settings, mailoutbox):
    settings.SITE_URL = "https://plan.kommune.dk"
    write(world.citizen, "citizen")
    deliver_digests()
    body = mailoutbox[0].body
    assert "https://plan.kommune.dk/admin/plan-kommentarer/" in body
    assert "https://plan.kommune.dk/indstillinger/beskeder/" in body
    assert "127.0.0.1" not in body and "testserver" not in body


def test_a_network_member_hears_about_comments_on_a_goal_they_help_with(world, write, mailoutbox):
    shared = Goal.objects.create(plan=world.plan, text="Et job")
    private = Goal.objects.create(plan=world.plan, text="Drikke mindre")
    lene = citizen(email="lene@example.dk", first_name="")
    membership = NetworkMembership.objects.create(
        plan=world.plan, user=lene, name="Lene", relation=Relation.FAMILY, whole_plan=False
    )
    membership.goals.set([shared])
    write(world.citizen, "citizen", "Om det private", goal=private)
    deliver_digests()
    assert "lene@example.dk" not in [a for m in mailoutbox for a in m.to]
    write(world.citizen, "citizen", "Om jobbet", goal=shared)
    deliver_digests()
    assert "lene@example.dk" in [a for m in mailoutbox for a in m.to]


def test_a_closed_account_is_not_held_for(world, write):
    world.coordinator.is_active = False
    world.coordinator.save()
    write(world.citizen, "citizen")
    assert not Notice.objects.filter(recipient=world.coordinator).exists()
    assert mail.outbox == []
