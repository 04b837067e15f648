"""Writes to the citizen's plan: goals and feedback in her own words, and the conversation.

Small keyword-only functions, each one transaction, called by thin views. Which plan a person
may touch is decided by plans.selectors before a service is called; the functions here check
only the rules of the write itself (who wrote a comment, the edit window, ...) and raise
plans.errors.PlanRuleError when one is broken.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks_db import DatabaseBackend

from portal.sanitize import sanitize_html

from . import fragments, limits, notices, tasks
from .access_log import WRITE, access_log_record, plan_lock
from .errors import PlanRuleError
from .history import plan_event_record
from .models import Activity, AuthorRole, Comment, Feedback, Goal, Plan, PlanEvent, PlanVisit
from .people import actor_details, display_name


def deliver_on_commit(*, held=None) -> None:
    """After a write that held notices: send what is due once the write is committed. The
    notices are already in the database, so a task that never runs delays them, loses none.
    Given the notices `held`, only when one of them is due now: the rest wait for their
    digest, which `manage.py send_notices` sends (and any later delivery, as it is then due).

    With django-tasks-db (production) the task is a row in the same database: it is enqueued
    here, inside the write's transaction, so the write and its task commit together and no
    second write after the commit can fail and turn a saved comment into an error page. A
    backend that runs the task at once (development, tests) must wait for the commit, and a
    failure there is logged, never raised: the comment is saved and the notices wait for the
    next delivery (`manage.py send_notices`)."""
    if held is not None and not any(notice.due_at <= notice.created_at for notice in held):
        return
    if isinstance(tasks.deliver_notices.get_backend(), DatabaseBackend):
        tasks.deliver_notices.enqueue()
    else:
        transaction.on_commit(tasks.deliver_notices.enqueue, robust=True)


def refuse_if_archived(*, plan: Plan) -> None:
    """A finished plan is kept as it was: every write to it is refused, whoever tries (the
    pages hide the forms too, but the rule is here)."""
    if plan.is_archived:
        raise PlanRuleError(_("Planen er afsluttet. Du kan læse den, men ikke ændre den."))


def decisions_announce(*, decisions) -> int:
    """Tell the citizen at once about each new decision (it has a complaint deadline). Called
    in the save's transaction by the admin; returns how many notices were held."""
    held = sum(notices.decision_notice_record(decision=decision) for decision in decisions)
    if held:
        deliver_on_commit()
    return held


# --- Goals and feedback (the citizen's own words) ----


def goal_add_by_citizen(*, plan: Plan, citizen, text: str) -> Goal:
    refuse_if_archived(plan=plan)
    with transaction.atomic():
        plan_lock(plan=plan)
        limits.goals_per_plan_check(plan=plan)
        limits.goal_writes_per_hour_check(plan=plan, citizen=citizen)
        last = plan.goals.aggregate(last=Max("sort_order"))["last"]
        goal = Goal.objects.create(
            plan=plan,
            text=text.strip(),
            written_by=Goal.WrittenBy.CITIZEN,
            sort_order=(last or 0) + 1,
        )
        _goal_event(goal=goal, citizen=citizen, what=_("Skrev et nyt mål: %(text)s"))
        return goal


def goal_edit_by_citizen(*, goal: Goal, citizen, text: str) -> Goal:
    """The citizen may reword goals they wrote; goals written by staff are changed with staff."""
    if goal.written_by != Goal.WrittenBy.CITIZEN or goal.plan.citizen_id != citizen.pk:
        raise PlanRuleError(_("Du kan kun rette de mål, du selv har skrevet."))
    refuse_if_archived(plan=goal.plan)
    with transaction.atomic():
        plan_lock(plan=goal.plan)
        limits.goal_writes_per_hour_check(plan=goal.plan, citizen=citizen)
        goal.text = text.strip()
        goal.save(update_fields=["text"])
        _goal_event(goal=goal, citizen=citizen, what=_("Rettede sit mål: %(text)s"))
    return goal


def _goal_event(*, goal: Goal, citizen, what: str) -> None:
    # The plan's history (for the team, and "Nyt siden sidst" for anyone but her).
    plan_event_record(
        plan=goal.plan,
        actor=citizen,
        actor_kind=AuthorRole.CITIZEN,
        kind=PlanEvent.Kind.GOAL,
        what=what % {"text": goal.text},
        anchor=f"maal-{goal.pk}",
    )


def feedback_give(
    *, plan: Plan, citizen, score: int, words: str = "", activity: Activity | None = None
) -> Feedback:
    """Keep a new answer with its date: earlier answers stay, so staff can follow the trend."""
    refuse_if_archived(plan=plan)
    if not 1 <= score <= 5:
        raise PlanRuleError(_("Vælg et tal fra 1 til 5."))
    if activity is not None and activity.plan_id != plan.pk:
        raise PlanRuleError(_("Indsatsen hører ikke til din plan."))
    with transaction.atomic():
        plan_lock(plan=plan)
        limits.feedback_per_hour_check(user=citizen)
        return Feedback.objects.create(
            plan=plan, author=citizen, activity=activity, score=score, words=words.strip()
        )


# --- Comments ----


def _log_staff_write(*, plan: Plan, user, role: str, what: str) -> None:
    # Staff writes go into the citizen's access log; a network member's are logged by the
    # network's own service (with the name the citizen knows them by), the citizen's not at all.
    if role == AuthorRole.STAFF:
        access_log_record(plan=plan, actor=user, action=WRITE, what=what)


def comment_add(
    *,
    plan: Plan,
    author,
    author_role: str,
    body: str,
    goal: Goal | None = None,
    activity: Activity | None = None,
    reply_to: Comment | None = None,
    author_name: str | None = None,
    on_behalf_of_name: str = "",
) -> Comment:
    refuse_if_archived(plan=plan)
    body = body.strip()
    _check_comment_body(body)
    for target in (goal, activity, reply_to):
        if target is not None and target.plan_id != plan.pk:
            raise PlanRuleError(_("Det, du svarer på, hører ikke til denne plan."))
    if reply_to is not None and goal is None and activity is None:
        # An answer belongs where the question was asked.
        goal, activity = reply_to.goal, reply_to.activity
    # Worked out before the plan's lock: every other write to the plan waits while it is held.
    # The citizen is named by her own name, staff by their profile's.
    if not author_name:
        citizen = author_role == AuthorRole.CITIZEN
        author_name = display_name(author) if citizen else actor_details(user=author)["actor_name"]
    body_html = sanitize_html(body)
    this_hour = limits.comments_this_hour(author=author)  # counted under the plan's lock
    with transaction.atomic(), fragments.version_raised(plan=plan, then=this_hour) as counted:
        limits.comments_per_hour_check(written=counted[0], author_role=author_role)
        comment = Comment.objects.create(
            plan=plan,
            goal=goal,
            activity=activity,
            reply_to=reply_to,
            author=author,
            author_name=author_name,
            author_role=author_role,
            on_behalf_of_name=on_behalf_of_name,
            body=body,
            body_html=body_html,
        )
        _log_staff_write(plan=plan, user=author, role=author_role, what=_("Skrev en kommentar"))
        deliver_on_commit(held=notices.comment_notices_record(comment=comment))
    return comment


def comment_can_edit(*, comment: Comment, user, now=None) -> bool:
    now = now or timezone.now()
    return (
        comment.author_id == user.pk
        and not comment.is_deleted
        and now - comment.created_at <= timedelta(minutes=Comment.EDIT_WINDOW_MINUTES)
    )


def comment_edit_too_late_message() -> str:
    return _(
        "Du kan kun rette en kommentar i de første %(minutes)s minutter. Skriv en ny i stedet."
    ) % {"minutes": Comment.EDIT_WINDOW_MINUTES}


def comment_edit(*, comment: Comment, user, body: str) -> Comment:
    if comment.author_id != user.pk or comment.is_deleted:
        raise PlanRuleError(_("Du kan kun rette dine egne kommentarer."))
    if not comment_can_edit(comment=comment, user=user):
        raise PlanRuleError(comment_edit_too_late_message())
    refuse_if_archived(plan=comment.plan)
    body = body.strip()
    _check_comment_body(body)
    with transaction.atomic():
        comment.body = body
        comment.body_html = sanitize_html(body)
        comment.edited_at = timezone.now()
        comment.save(update_fields=["body", "body_html", "edited_at"])
        _log_staff_write(
            plan=comment.plan, user=user, role=comment.author_role, what=_("Rettede en kommentar")
        )
    return comment


def comment_delete(*, comment: Comment, user) -> Comment:
    """The author removes their words; the comment keeps its place ("Kommentaren er slettet"),
    so answers to it still make sense."""
    if comment.author_id != user.pk:
        raise PlanRuleError(_("Du kan kun slette dine egne kommentarer."))
    refuse_if_archived(plan=comment.plan)
    if comment.is_deleted:
        return comment
    with transaction.atomic():
        comment.body = ""
        comment.body_html = ""
        comment.deleted_at = timezone.now()
        comment.save(update_fields=["body", "body_html", "deleted_at"])
        _log_staff_write(
            plan=comment.plan, user=user, role=comment.author_role, what=_("Slettede en kommentar")
        )
    return comment


def _check_comment_body(body: str) -> None:
    if not body:
        raise PlanRuleError(_("Skriv din kommentar, før du sender den."))
    if "\x00" in body:
        # PostgreSQL refuses NUL characters: a message, not a 500.
        raise PlanRuleError(_("Teksten indeholder et tegn, som ikke kan gemmes."))
    if len(body) > Comment.MAX_LENGTH:
        raise PlanRuleError(
            _(
                "Din kommentar er for lang: %(length)s tegn. Der er plads til %(max)s. "
                "Din tekst står stadig i feltet, så du kan gøre den kortere."
            )
            % {"length": len(body), "max": Comment.MAX_LENGTH}
        )


# --- Nyt siden sidst (the citizen's visits) ----

# Pages opened within this time of each other are one visit: "Nyt siden sidst" keeps showing
# the same news while she reads her plan, and moves on after a break.
VISIT_GAP = timedelta(minutes=30)
# Reloading Min plan within a minute writes nothing: `seen_at` is kept to the minute.
VISIT_SEEN_EVERY = timedelta(minutes=1)


_UNREAD = object()


def plan_visit_record(*, plan: Plan, user, now=None, visit=_UNREAD) -> PlanVisit:
    """The citizen opened Min plan: remember when, and once she has been away for VISIT_GAP keep
    the last page view of the visit before as `previous_at`. Her first visit has none. Pass
    the `visit` already read with the plan (selectors.plan_for_min_plan).

    No lock: two page views at the same moment write the same values, and the one row per plan
    and person is created through get_or_create, which survives a second creator."""
    now = now or timezone.now()
    if visit is _UNREAD:
        visit = PlanVisit.objects.filter(plan=plan, user=user).first()
    if visit is None:
        visit, _created = PlanVisit.objects.get_or_create(
            plan=plan, user=user, defaults={"seen_at": now}
        )
        return visit
    if visit.seen_at < now - VISIT_GAP:
        visit.previous_at = visit.seen_at
    elif visit.seen_at >= now - VISIT_SEEN_EVERY:
        return visit  # she was here a moment ago: the same visit, nothing new to write
    visit.seen_at = now
    PlanVisit.objects.filter(pk=visit.pk).update(previous_at=visit.previous_at, seen_at=now)
    return visit
