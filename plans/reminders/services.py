"""Send the reminders that are due, each once per person and version (`manage.py send_reminders`
from cron every hour, or the send_reminders task).

- A meeting: from REMINDER_HOUR the day before (Danish time) until it starts. Urgent, so it is
  sent at once whatever the person's email setting: her daily digest (07:00) would come on the
  day of the meeting, the weekly one after it.
- A complaint deadline: from REMINDER_HOUR a week before until the day itself. Through her
  setting (a daily digest still leaves six days), unless her digest would come later than
  DEADLINE_MARGIN_DAYS before the deadline (the weekly one can): then at once.

The version is what the reminder says: the meeting's start, the deadline's day. A moved meeting
is a new version and is reminded of again; the old time never is, since only meetings as they
are now are read. A deleted meeting (how a meeting is cancelled) or a finished plan has nothing
to remind of. The ReminderSent row is written in the transaction that hands the reminder to
the channel, so two runs, or two at once (the unique constraint), send it once.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from ..history import when_text
from ..models import Decision, Meeting, Plan, ReminderSent
from ..notices.delivery import DIGEST_HOUR, due_at, frequency_of, site_url
from ..people import citizen_name
from .channels import Channel, EmailChannel, Reminder
from .recipients import reminder_recipients

REMINDER_HOUR = 10  # after the morning digest, early enough to plan the day
DEADLINE_DAYS = 7
DEADLINE_MARGIN_DAYS = 3
Kind = ReminderSent.Kind


def _local(day: datetime.date, hour: int) -> datetime.datetime:
    zone = ZoneInfo(settings.TIME_ZONE)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=zone)


def meeting_reminder_from(meeting: Meeting) -> datetime.datetime:
    day = timezone.localtime(meeting.starts_at).date() - datetime.timedelta(days=1)
    return _local(day, REMINDER_HOUR)


def deadline_reminder_from(decision: Decision) -> datetime.datetime:
    return _local(
        decision.complaint_deadline - datetime.timedelta(days=DEADLINE_DAYS), REMINDER_HOUR
    )


def _for_helper(plan: Plan, person) -> bool:
    """The citizen's helper is reminded in her name, with a link to the helper's own page."""
    return person.pk != plan.citizen_id


def _helper_meeting_reminder(meeting: Meeting) -> Reminder:
    name, when = citizen_name(meeting.plan.citizen), when_text(meeting.starts_at)
    return Reminder(
        kind=Kind.MEETING,
        subject=_("Husk: %(name)s har møde %(when)s") % {"name": name, "when": when},
        lines=[
            _("%(name)s skal til møde %(when)s.") % {"name": name, "when": when},
            _("Log ind for at se, hvor det er, og hvad der skal med."),
        ],
        link=site_url("network:helper_plan", meeting.plan_id) + "#naeste-skridt",
        link_text=_("Se mødet i planen"),
        urgent=True,
    )


def _meeting_reminder(meeting: Meeting, person, now) -> Reminder:
    if _for_helper(meeting.plan, person):
        return _helper_meeting_reminder(meeting)
    return Reminder(
        kind=Kind.MEETING,
        subject=_("Husk dit møde %(when)s") % {"when": when_text(meeting.starts_at)},
        lines=[
            _("Du skal til møde %(when)s.") % {"when": when_text(meeting.starts_at)},
            _("Log ind for at se, hvor det er, og hvad du skal have med."),
        ],
        link=site_url("plans:min_plan") + "#naeste-skridt",
        link_text=_("Se mødet i din plan"),
        urgent=True,
    )


def _deadline_reminder(decision: Decision, person, now) -> Reminder:
    deadline = formats.date_format(decision.complaint_deadline, "j. F Y")
    latest = _local(
        decision.complaint_deadline - datetime.timedelta(days=DEADLINE_MARGIN_DAYS), DIGEST_HOUR
    )
    in_time = due_at(frequency=frequency_of(person), urgent=False, now=now) <= latest
    if _for_helper(decision.plan, person):
        name = citizen_name(decision.plan.citizen)
        return Reminder(
            kind=Kind.DEADLINE,
            subject=_("Husk: %(name)s kan klage til og med den %(deadline)s")
            % {"name": name, "deadline": deadline},
            lines=[
                _("Er %(name)s uenig, kan %(name)s klage til og med den %(deadline)s.")
                % {"name": name, "deadline": deadline},
                _("Er I i tvivl, så ring til koordinatoren."),
            ],
            link=site_url("network:helper_plan", decision.plan_id) + "#afgoerelser",
            link_text=_("Læs afgørelsen"),
            urgent=not in_time,
        )
    return Reminder(
        kind=Kind.DEADLINE,
        subject=_("Husk: Du kan klage til og med den %(deadline)s") % {"deadline": deadline},
        lines=[
            _("Du har fået en afgørelse. Er du uenig, kan du klage til og med den %(deadline)s.")
            % {"deadline": deadline},
            _("Er du i tvivl, så ring til din koordinator."),
        ],
        link=site_url("plans:min_plan") + f"#afgoerelse-{decision.pk}",
        link_text=_("Læs afgørelsen"),
        urgent=not in_time,
    )


def _due(now):
    """(kind, object, its version, how to word it) for everything due now on plans in use."""
    meetings = Meeting.objects.filter(
        plan__status=Plan.Status.ACTIVE,
        starts_at__gt=now,
        starts_at__lte=now + datetime.timedelta(days=2),
    ).select_related("plan__citizen")
    for meeting in meetings:
        if meeting_reminder_from(meeting) <= now:
            version = meeting.starts_at.astimezone(datetime.UTC).isoformat()
            yield Kind.MEETING, meeting, version, _meeting_reminder
    today = timezone.localdate(now)
    decisions = Decision.objects.filter(
        plan__status=Plan.Status.ACTIVE,
        complaint_deadline__gte=today,
        complaint_deadline__lte=today + datetime.timedelta(days=DEADLINE_DAYS),
    ).select_related("plan__citizen")
    for decision in decisions:
        if deadline_reminder_from(decision) <= now:
            yield (
                Kind.DEADLINE,
                decision,
                decision.complaint_deadline.isoformat(),
                _deadline_reminder,
            )


def reminders_send(*, now=None, channels: list[Channel] | None = None) -> int:
    """Hand every due reminder not yet sent to the channels; returns how many were sent."""
    now = now or timezone.now()
    channels = channels if channels is not None else [EmailChannel()]
    due = list(_due(now))
    done = set(
        ReminderSent.objects.filter(object_id__in={obj.pk for _k, obj, _v, _w in due}).values_list(
            "recipient_id", "kind", "object_id", "version_key"
        )
    )
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for kind, obj, version, word in due:
            for person in reminder_recipients(obj.plan):
                if (person.pk, kind, obj.pk, version) in done:
                    continue
                sent += _send_once(
                    obj, kind, version, person, word(obj, person, now), channels, now
                )
    return sent


def _send_once(obj, kind, version, person, reminder: Reminder, channels, now) -> int:
    with transaction.atomic():
        try:
            with transaction.atomic():
                ReminderSent.objects.create(
                    plan=obj.plan,
                    recipient=person,
                    kind=kind,
                    object_id=obj.pk,
                    version_key=version,
                    sent_at=now,
                )
        except IntegrityError:
            return 0  # Another run sent it meanwhile.
        reached = [
            channel.send(recipient=person, plan=obj.plan, reminder=reminder, now=now)
            for channel in channels
        ]
        if not any(reached):
            transaction.set_rollback(True)  # Nothing went out: not marked, tried again next run.
            return 0
    return 1
