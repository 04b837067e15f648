"""The plan and meetings a person may put in their calendar, and a meeting as a calendar event."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ..helper_role import acting_helper
from ..models import Meeting, NetworkMembership, Plan  # noqa: F401 - the annotation
from ..selectors import get_or_404, plan_for_citizen
from .access import may_fetch_calendar
from .ics import Event

# Meetings have a start and no end. An hour is how long the municipality books one for; a
# calendar shows a zero-length entry as a thin line that is easy to miss.
MEETING_MINUTES = 60


def calendar_plan(*, user) -> Plan:
    """The plan whose meetings the person may download, or 404 (as for any plan not theirs)."""
    plan = plan_for_citizen(user=user)
    if plan is None or not may_fetch_calendar(user, plan):
        raise Http404
    return plan


def helper_calendar_plan(*, user, plan_id) -> tuple[Plan, NetworkMembership]:
    """The plan a helper may download the meetings of, with her helper membership, or 404 (a
    role that ended, someone else's plan, a malformed id)."""
    plan = get_or_404(Plan.objects.select_related("citizen"), pk=plan_id)
    membership = acting_helper(user, plan)
    if membership is None or not may_fetch_calendar(user, plan):
        raise Http404
    return plan, membership


def calendar_meeting(*, plan: Plan, pk) -> Meeting:
    """One meeting of this plan; a foreign, unknown or malformed id is the plain 404."""
    return get_or_404(Meeting.objects.filter(plan=plan), pk=pk)


def upcoming_meetings(*, plan: Plan, now=None) -> list[Meeting]:
    """The meetings Min plan lists as coming (from two hours ago: a meeting going on now)."""
    since = (now or timezone.now()) - datetime.timedelta(hours=2)
    return list(Meeting.objects.filter(plan=plan, starts_at__gte=since).order_by("starts_at"))


def meeting_event(meeting: Meeting) -> Event:
    """The meeting as the citizen's calendar shows it: when, where, who comes, what to bring.
    The UID is the meeting's own, so an imported entry is updated when the meeting moves."""
    site = settings.SITE_URL.rstrip("/")
    host = urlsplit(site).hostname or "faellesplan"
    lines = []
    if meeting.participants:
        lines.append(_("Hvem kommer: %(who)s") % {"who": meeting.participants})
    if meeting.bring:
        lines.append(_("Tag med: %(what)s") % {"what": meeting.bring})
    if meeting.online_url:
        lines.append(_("Link til mødet: %(url)s") % {"url": meeting.online_url})
    lines.append(_("Se din plan: %(url)s") % {"url": site + reverse("plans:min_plan")})
    return Event(
        uid=f"meeting-{meeting.pk}@{host}",
        sequence=meeting.sequence,
        starts_at=meeting.starts_at,
        duration_minutes=MEETING_MINUTES,
        summary=_("Møde om din plan"),
        location=meeting.place,
        description="\n".join(lines),
        url=meeting.online_url,
    )
