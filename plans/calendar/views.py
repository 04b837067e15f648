""" "Læg i kalender": one meeting, or every coming meeting of the plan, as an .ics download.
The address holds a meeting id at most, never a name or a date; it is checked against the
plan the person may fetch, so another plan's meeting is the plain 404."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .access import calendar_read_record
from .ics import calendar_file
from .selectors import (
    calendar_meeting,
    calendar_plan,
    helper_calendar_plan,
    meeting_event,
    upcoming_meetings,
)


def _ics(events, *, filename: str) -> HttpResponse:
    response = HttpResponse(
        calendar_file(events, now=timezone.now()), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def meeting_calendar(request, pk):
    plan = calendar_plan(user=request.user)
    meeting = calendar_meeting(plan=plan, pk=pk)
    calendar_read_record(plan=plan, user=request.user, what=_("Hentede et møde til kalenderen"))
    day = timezone.localtime(meeting.starts_at).date().isoformat()
    return _ics([meeting_event(meeting)], filename=f"moede-{day}.ics")


@login_required
def plan_calendar(request):
    plan = calendar_plan(user=request.user)
    meetings = upcoming_meetings(plan=plan)
    calendar_read_record(plan=plan, user=request.user, what=_("Hentede møderne til kalenderen"))
    return _ics([meeting_event(meeting) for meeting in meetings], filename="min-plan.ics")


# The trusted helper's downloads: the plan is in the address (its id only), checked against her
# role on every request, and each download is a read in the citizen's access log.


@login_required
def helper_meeting_calendar(request, plan_id, pk):
    plan, membership = helper_calendar_plan(user=request.user, plan_id=plan_id)
    meeting = calendar_meeting(plan=plan, pk=pk)
    calendar_read_record(
        plan=plan,
        user=request.user,
        what=_("Hentede et møde til kalenderen (som hjælper)"),
        membership=membership,
    )
    day = timezone.localtime(meeting.starts_at).date().isoformat()
    return _ics([meeting_event(meeting)], filename=f"moede-{day}.ics")


@login_required
def helper_plan_calendar(request, plan_id):
    plan, membership = helper_calendar_plan(user=request.user, plan_id=plan_id)
    meetings = upcoming_meetings(plan=plan)
    calendar_read_record(
        plan=plan,
        user=request.user,
        what=_("Hentede møderne til kalenderen (som hjælper)"),
        membership=membership,
    )
    return _ics([meeting_event(meeting) for meeting in meetings], filename="planen.ics")
