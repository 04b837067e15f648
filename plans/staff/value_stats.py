"""Borgeroplevet værdi, read for the staff: one plan's answers for its admin page, and the
report's rows per month, team, department and kind. A group under MIN_GROUP answers shows its
count only, never a median or share that could point at one citizen's answer."""

import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from ..models import Activity, Feedback, Plan, Team

MIN_GROUP = 5
TOO_FEW = _("for få svar")
PLAN_KIND = _("Planen som helhed")
ACTIVITY_KIND = _("Indsats")
NO_DEPARTMENT = "—"
HIGH_SCORES = (4, 5)

SEE_OWN_TEAMS = "plans.view_value_report"
SEE_ALL = "plans.view_value_report_all"


# --- One plan's answers (the panel on the plan's admin page) ----


@dataclass
class ActivityAnswers:
    activity: Activity
    answers: list = field(default_factory=list)


@dataclass
class PlanAnswers:
    plan_answers: list  # about the plan as a whole, newest first
    activities: list  # ActivityAnswers for each activity with answers, in the plan's order

    @property
    def any(self) -> bool:
        return bool(self.plan_answers or self.activities)


def plan_answers(*, plan: Plan) -> PlanAnswers:
    """Every answer on the plan, newest first, in one query however many there are."""
    answers = Feedback.objects.filter(plan=plan).select_related("activity")
    on_plan, by_activity = [], {}
    for answer in answers.order_by("-answered_at", "-pk"):
        if answer.activity is None:
            on_plan.append(answer)
        else:
            holder = by_activity.setdefault(answer.activity_id, ActivityAnswers(answer.activity))
            holder.answers.append(answer)
    ordered = sorted(by_activity.values(), key=lambda a: (a.activity.sort_order, a.activity.pk))
    return PlanAnswers(plan_answers=on_plan, activities=ordered)


# --- The report ----


def value_report_allowed(user) -> bool:
    return user.is_active and (user.has_perm(SEE_OWN_TEAMS) or user.has_perm(SEE_ALL))


def value_report_teams(*, user) -> QuerySet[Team]:
    """The teams whose numbers the person may see: a leader all, a caseworker their own."""
    if not user.is_active:
        return Team.objects.none()
    if user.has_perm(SEE_ALL):
        return Team.objects.order_by("name")
    if user.has_perm(SEE_OWN_TEAMS):
        return Team.objects.filter(members=user).order_by("name")
    return Team.objects.none()


def _number(value) -> str:
    return formats.number_format(value, decimal_pos=0 if value == int(value) else 1)


@dataclass(frozen=True)
class ValueRow:
    month: datetime.date  # the first day of the month
    team: str
    department: str
    kind: str
    answers: int
    median: float | None  # None when the group is too small to show
    share_high: int | None  # per cent of the answers that were 4 or 5

    @property
    def month_label(self) -> str:
        return formats.date_format(self.month, "F Y")

    @property
    def median_label(self) -> str:
        return TOO_FEW if self.median is None else _number(self.median)

    @property
    def share_label(self) -> str:
        return TOO_FEW if self.share_high is None else f"{self.share_high} %"

    # The export: numbers a spreadsheet can compute with, or the words for a small group.
    @property
    def median_export(self):
        return TOO_FEW if self.median is None else self.median

    @property
    def share_export(self):
        return TOO_FEW if self.share_high is None else self.share_high


def _row(key, scores: list[int]) -> ValueRow:
    month, team, _team_id, is_activity, department = key
    shown = len(scores) >= MIN_GROUP
    high = sum(1 for score in scores if score in HIGH_SCORES)
    return ValueRow(
        month=month,
        team=team,
        department=department if is_activity else NO_DEPARTMENT,
        kind=str(ACTIVITY_KIND if is_activity else PLAN_KIND),
        answers=len(scores),
        median=float(statistics.median(scores)) if shown else None,
        share_high=round(100 * high / len(scores)) if shown else None,
    )


def value_rows(*, user, year: int | None = None, team: Team | None = None) -> list[ValueRow]:
    """The report's rows from one query of plain values, grouped and counted in Python (so
    SQLite and PostgreSQL give the same median). Filters only pick whole groups, never change
    one, so comparing two filtered views cannot single out an answer."""
    answers = Feedback.objects.filter(plan__team__in=value_report_teams(user=user))
    if year is not None:
        answers = answers.filter(answered_at__year=year)
    if team is not None:
        answers = answers.filter(plan__team=team)
    values = answers.values_list(
        "answered_at",
        "plan__team__name",
        "plan__team_id",
        "activity_id",
        "activity__department__name",
        "score",
    )
    groups = defaultdict(list)
    for answered_at, team_name, team_id, activity_id, department, score in values:
        month = timezone.localtime(answered_at).date().replace(day=1)
        is_activity = activity_id is not None
        key = (month, team_name, team_id, is_activity, department if is_activity else "")
        groups[key].append(score)
    # Newest month first; within a month by team, the plan as a whole before the activities.
    ordered = sorted(groups, key=lambda k: (-k[0].toordinal(), *k[1:]))
    return [_row(key, groups[key]) for key in ordered]


def value_report_years(*, today: datetime.date | None = None) -> list[int]:
    """The years the filter offers, newest first; no query."""
    this_year = (today or timezone.localdate()).year
    return list(range(this_year, this_year - 5, -1))
