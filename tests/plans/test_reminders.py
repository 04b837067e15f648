"""Reminders: the day before a meeting and a week before a complaint deadline, once per person
and version of the meeting, through the notices and the person's email setting."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from plans.models import (
    Decision,
    Frequency,
    Meeting,
    NetworkMembership,
    Notice,
    Plan,
    Relation,
    ReminderSent,
)
from plans.network import services as network_services
from plans.notices import notice_preference_set, notices_deliver
from plans.reminders.services import reminders_send
from plans.tasks import send_reminders
from tests.plans.factories import citizen

CPH = ZoneInfo("Europe/Copenhagen")


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=CPH)


# A Tuesday in the future, so the weekly digest (Mondays) is a known number of days away.
TUESDAY = datetime.date(2027, 3, 2)
assert TUESDAY.weekday() == 1


class FakeChannel:
    """The sending seam in a test: records what it was handed, reaches people or not."""

    def __init__(self, reaches=True):
        self.sent, self.reaches = [], reaches

    def send(self, *, recipient, plan, reminder, now):
        self.sent.append((recipient.email, reminder))
        return self.reaches


def _meeting(world, when) -> Meeting:
    return Meeting.objects.create(
        plan=world.plan,
        starts_at=when,
        place="Rusmiddelcentret, Vestergade 4",
        participants="Dig og Anne",
        bring="Dine papirer",
    )


def _decision(world, deadline) -> Decision:
    return Decision.objects.create(
        plan=world.plan,
        title="Du får hjælp",
        explanation="Fordi.",
        meaning="Du får hjælp.",
        how_to_complain="Ring til os.",
        complaint_deadline=deadline,
        contact=world.coordinator_profile,
    )


def _sent_to_mette():
    notices_deliver(now=timezone.now() + datetime.timedelta(days=400))  # far past every digest
    return [m for m in mail.outbox if m.to == ["mette@example.dk"]]


def test_a_moved_meeting_is_reminded_of_once_at_its_new_time_and_never_at_the_old(world):
    """The issue's test: a meeting moves, the job runs twice: one reminder for the new time,
    none for the old, none twice."""
    meeting = _meeting(world, _at(TUESDAY + datetime.timedelta(days=3), 9))
    meeting.starts_at = _at(TUESDAY + datetime.timedelta(days=1), 14)  # moved to Wednesday 14.00
    meeting.save()
    run_at = _at(TUESDAY, 11)

    assert reminders_send(now=run_at) == 1
    assert reminders_send(now=run_at + datetime.timedelta(minutes=5)) == 0

    sent = _sent_to_mette()
    assert [m.subject for m in sent] == ["Fællesplan: Husk dit møde 3. marts kl. 14.00"]
    assert "5. marts" not in sent[0].body  # the old day
    assert ReminderSent.objects.filter(object_id=meeting.pk).count() == 1


def test_a_meeting_moved_after_its_reminder_is_reminded_of_again(world):
    meeting = _meeting(world, _at(TUESDAY + datetime.timedelta(days=1), 9))
    assert reminders_send(now=_at(TUESDAY, 11)) == 1
    notices_deliver(now=_at(TUESDAY, 11, 1))  # urgent: sent when the job runs
    meeting.starts_at = _at(TUESDAY + datetime.timedelta(days=2), 15)
    meeting.save()
    # Not yet: the new time is two days away.
    assert reminders_send(now=_at(TUESDAY, 12)) == 0
    # The day before the new time: once, however often the job runs.
    assert reminders_send(now=_at(TUESDAY + datetime.timedelta(days=1), 10)) == 1
    assert reminders_send(now=_at(TUESDAY + datetime.timedelta(days=1), 11)) == 0
    subjects = [m.subject for m in _sent_to_mette()]
    assert subjects == [
        "Fællesplan: Husk dit møde 3. marts kl. 09.00",
        "Fællesplan: Husk dit møde 4. marts kl. 15.00",
    ]


def test_the_meeting_reminder_comes_the_day_before_from_ten_until_it_starts(world):
    meeting = _meeting(world, _at(TUESDAY + datetime.timedelta(days=1), 8, 30))
    fake = FakeChannel()
    assert reminders_send(now=_at(TUESDAY, 9, 59), channels=[fake]) == 0
    assert reminders_send(now=_at(TUESDAY, 10), channels=[fake]) == 1
    assert [email for email, _r in fake.sent] == ["mette@example.dk"]
    reminder = fake.sent[0][1]
    assert reminder.urgent is True
    # The email names the time, not the place: where and what to bring are read behind the login.
    assert "Rusmiddelcentret" not in " ".join([reminder.subject, *reminder.lines])
    # A meeting booked so late that the day before has gone is still reminded of until it starts.
    late = _meeting(world, _at(TUESDAY + datetime.timedelta(days=1), 16))
    assert reminders_send(now=_at(TUESDAY + datetime.timedelta(days=1), 15), channels=[fake]) == 1
    assert reminders_send(now=_at(TUESDAY + datetime.timedelta(days=2), 9), channels=[fake]) == 0
    assert ReminderSent.objects.filter(object_id__in=[meeting.pk, late.pk]).count() == 2


def test_a_deleted_meeting_is_cancelled_and_never_reminded_of(world):
    meeting = _meeting(world, _at(TUESDAY + datetime.timedelta(days=1), 9))
    meeting.delete()
    assert reminders_send(now=_at(TUESDAY, 11)) == 0
    assert _sent_to_mette() == []
    assert not ReminderSent.objects.exists()


def test_a_finished_plan_gets_no_reminders(world):
    _meeting(world, _at(TUESDAY + datetime.timedelta(days=1), 9))
    _decision(world, TUESDAY + datetime.timedelta(days=7))
    Plan.objects.filter(pk=world.plan.pk).update(status=Plan.Status.ARCHIVED)
    assert reminders_send(now=_at(TUESDAY, 11)) == 0


def test_the_deadline_reminder_comes_a_week_before_once(world):
    decision = _decision(world, TUESDAY + datetime.timedelta(days=7))
    notice_preference_set(user=world.citizen, frequency=Frequency.IMMEDIATE)
    assert reminders_send(now=_at(TUESDAY - datetime.timedelta(days=1), 11)) == 0  # 8 days
    assert reminders_send(now=_at(TUESDAY, 9)) == 0  # before ten
    assert reminders_send(now=_at(TUESDAY, 10, 30)) == 1
    assert reminders_send(now=_at(TUESDAY + datetime.timedelta(days=3), 10)) == 0
    notices_deliver(now=_at(TUESDAY, 10, 31))
    (email,) = mail.outbox
    assert email.subject == "Fællesplan: Husk: Du kan klage til og med den 9. marts 2027"
    assert f"#afgoerelse-{decision.pk}" in email.body


def test_a_past_deadline_is_not_reminded_of(world):
    _decision(world, TUESDAY - datetime.timedelta(days=1))
    assert reminders_send(now=_at(TUESDAY, 11)) == 0


def test_the_deadline_reminder_follows_her_daily_digest(world):
    """With "Samlet én gang om dagen" (the default) it waits for tomorrow's digest: six days
    are still left. It is in that digest, and not sent before it."""
    _decision(world, TUESDAY + datetime.timedelta(days=7))
    assert reminders_send(now=_at(TUESDAY, 10, 30)) == 1
    notice = Notice.objects.get(kind="reminder_deadline")
    assert notice.urgent is False
    assert notice.due_at == _at(TUESDAY + datetime.timedelta(days=1), 7)
    notices_deliver(now=_at(TUESDAY, 12))
    assert mail.outbox == []
    assert notices_deliver(now=_at(TUESDAY + datetime.timedelta(days=1), 7)) == 1
    assert "klage til og med den 9. marts 2027" in mail.outbox[0].body


def test_the_weekly_digest_would_come_too_late_so_the_deadline_reminder_goes_at_once(world):
    """ "Kun det vigtigste" sends on Mondays: the day before this deadline, too late to act."""
    _decision(world, TUESDAY + datetime.timedelta(days=7))
    notice_preference_set(user=world.citizen, frequency=Frequency.IMPORTANT)
    assert reminders_send(now=_at(TUESDAY, 10, 30)) == 1
    notice = Notice.objects.get(kind="reminder_deadline")
    assert notice.urgent is True
    notices_deliver(now=_at(TUESDAY, 10, 31))
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("frequency", [Frequency.DAILY, Frequency.IMPORTANT])
def test_a_meeting_reminder_is_sent_at_once_whatever_her_digest(world, frequency):
    notice_preference_set(user=world.citizen, frequency=frequency)
    _meeting(world, _at(TUESDAY + datetime.timedelta(days=1), 9))
    reminders_send(now=_at(TUESDAY, 11))
    notices_deliver(now=_at(TUESDAY, 11, 1))
    assert [m.to for m in mail.outbox] == [["mette@example.dk"]]


def test_only_the_citizen_is_reminded_never_a_removed_member(world):
    removed = citizen(email="fjernet@example.dk", first_name="Lene")
    membership = NetworkMembership.objects.create(
        plan=world.plan, user=removed, name="Lene", relation=Relation.FAMILY, whole_plan=True
    )
    network_services.membership_remove(membership=membership, by=world.citizen)
    member = citizen(email="ven@example.dk", first_name="Jens")
    NetworkMembership.objects.create(
        plan=world.plan, user=member, name="Jens", relation=Relation.FRIEND, whole_plan=True
    )
    _meeting(world, _at(TUESDAY + datetime.timedelta(days=1), 9))
    fake = FakeChannel()
    assert reminders_send(now=_at(TUESDAY, 11), channels=[fake]) == 1
    assert [email for email, _r in fake.sent] == ["mette@example.dk"]


def test_a_closed_account_is_not_reminded_and_nothing_is_marked(world):
    world.citizen.is_active = False
    world.citizen.save()
    _meeting(world, _at(TUESDAY + datetime.timedelta(days=1), 9))
    assert reminders_send(now=_at(TUESDAY, 11)) == 0
    assert not ReminderSent.objects.exists()


def test_a_channel_that_cannot_reach_her_marks_nothing_and_is_tried_again(world):
    _meeting(world, _at(TUESDAY + datetime.timedelta(days=1), 9))
    assert reminders_send(now=_at(TUESDAY, 11), channels=[FakeChannel(reaches=False)]) == 0
    assert not ReminderSent.objects.exists()
    fake = FakeChannel()
    assert reminders_send(now=_at(TUESDAY, 12), channels=[fake]) == 1
    assert len(fake.sent) == 1


def test_the_cron_command_sends_one_email_however_often_it_runs(world):
    _meeting(world, timezone.now() + datetime.timedelta(hours=1))
    call_command("send_reminders")
    call_command("send_reminders")
    assert [m.to for m in mail.outbox] == [["mette@example.dk"]]
    assert mail.outbox[0].subject.startswith("Fællesplan: Husk dit møde ")


def test_the_task_does_the_same_for_a_scheduler_that_runs_tasks(world):
    _meeting(world, timezone.now() + datetime.timedelta(hours=1))
    send_reminders.enqueue()
    send_reminders.enqueue()
    assert [m.to for m in mail.outbox] == [["mette@example.dk"]]


# --- The trusted helper, when Mette chose that she is reminded too ---


def _helper(world, *, reminded):
    person = citizen(email="soester@example.dk", first_name="Lene")
    membership = NetworkMembership.objects.create(
        plan=world.plan, user=person, name="Lene", relation=Relation.FAMILY
    )
    network_services.helper_ask(
        membership=membership, by=world.citizen, sees_access_log=False, reminded=reminded
    )
    network_services.helper_accept(membership=membership)
    return membership


def test_her_helper_is_reminded_in_her_name_when_she_chose_it(world):
    _helper(world, reminded=True)
    _meeting(world, _at(TUESDAY + datetime.timedelta(days=1), 9))
    _decision(world, TUESDAY + datetime.timedelta(days=7))
    fake = FakeChannel()

    assert reminders_send(now=_at(TUESDAY, 11), channels=[fake]) == 4
    assert reminders_send(now=_at(TUESDAY, 12), channels=[fake]) == 0

    to_lene = [reminder for email, reminder in fake.sent if email == "soester@example.dk"]
    assert sorted(r.subject for r in to_lene) == [
        "Husk: Mette har møde 3. marts kl. 09.00",
        "Husk: Mette kan klage til og med den 9. marts 2027",
    ]
    assert all(f"/hjaelper/{world.plan.pk}/" in r.link for r in to_lene)
    assert all("Rusmiddelcentret" not in " ".join(r.lines) for r in to_lene)


def test_a_helper_is_not_reminded_unless_she_chose_it(world):
    _helper(world, reminded=False)
    _meeting(world, _at(TUESDAY + datetime.timedelta(days=1), 9))
    fake = FakeChannel()
    assert reminders_send(now=_at(TUESDAY, 11), channels=[fake]) == 1
    assert [email for email, _r in fake.sent] == ["mette@example.dk"]


def test_a_helper_whose_role_ended_or_who_was_removed_is_not_reminded(world):
    membership = _helper(world, reminded=True)
    network_services.helper_end(membership=membership, by=world.citizen)
    _meeting(world, _at(TUESDAY + datetime.timedelta(days=1), 9))
    fake = FakeChannel()
    assert reminders_send(now=_at(TUESDAY, 11), channels=[fake]) == 1
    assert [email for email, _r in fake.sent] == ["mette@example.dk"]

    again = _helper_again(world, membership)
    network_services.membership_remove(membership=again, by=world.citizen)
    _meeting(world, _at(TUESDAY + datetime.timedelta(days=1), 13))
    fake = FakeChannel()
    reminders_send(now=_at(TUESDAY, 14), channels=[fake])
    assert {email for email, _r in fake.sent} == {"mette@example.dk"}


def _helper_again(world, membership):
    network_services.helper_ask(
        membership=membership, by=world.citizen, sees_access_log=False, reminded=True
    )
    network_services.helper_accept(membership=membership)
    return NetworkMembership.objects.get(pk=membership.pk)


def test_her_helpers_reminder_reaches_her_inbox(world):
    _helper(world, reminded=True)
    _meeting(world, timezone.now() + datetime.timedelta(hours=1))
    call_command("send_reminders")
    notices_deliver(now=timezone.now() + datetime.timedelta(days=400))
    reminders = [m for m in mail.outbox if m.to == ["soester@example.dk"] and "Husk" in m.subject]
    assert [m.subject.startswith("Fællesplan: Husk: Mette har møde ") for m in reminders] == [True]
