"""Every write to a plan: small keyword-only functions, each one transaction, called by thin views.

Permission checks for *which* plan a person may touch live in plans.selectors; the functions
here receive objects a selector has already handed out, and check only the rules of the write
itself (who wrote a comment, the 15-minute edit window, ...).
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.sanitize import sanitize_html

from .models import (
    AccessLogEntry,
    Activity,
    AuthorRole,
    Comment,
    EmailNotice,
    Feedback,
    Goal,
    Plan,
)

EMAIL_INTERVAL = timedelta(hours=1)


class PlanRuleError(Exception):
    """A write the rules do not allow; the message is plain Danish, safe to show."""


# --- Access log ----


def actor_details(*, user) -> dict:
    """Name, role and department of a person as they are *now*, copied into what they leave."""
    profile = getattr(user, "staff_profile", None)
    if profile is not None:
        return {
            "actor_name": profile.name,
            "actor_role": profile.role,
            "actor_department": profile.department.name,
        }
    return {"actor_name": str(user), "actor_role": "", "actor_department": ""}


def access_log_record(
    *,
    plan: Plan,
    actor,
    action: str,
    what: str,
    actor_kind: str = AuthorRole.STAFF,
    actor_name: str | None = None,
    actor_role: str | None = None,
    actor_department: str | None = None,
) -> AccessLogEntry:
    """Add one entry to the plan's access log, chained to the entry before it.

    The plan row is locked for the rest of the transaction, so a concurrent writer waits and
    then chains onto *this* entry (SELECT ... FOR UPDATE; SQLite serialises writers anyway)."""
    details = actor_details(user=actor)
    # A network member's account may hold only an email; the caller passes the name the
    # citizen knows them by, so no email address ends up in the log.
    if actor_name is not None:
        details["actor_name"] = actor_name
    if actor_role is not None:
        details["actor_role"] = actor_role
    if actor_department is not None:
        details["actor_department"] = actor_department
    with transaction.atomic():
        Plan.objects.select_for_update().only("pk").get(pk=plan.pk)
        previous = (
            AccessLogEntry.objects.filter(plan_id=plan.pk)
            .order_by("-pk")
            .values_list("entry_hash", flat=True)
            .first()
        )
        entry = AccessLogEntry(
            plan_id=plan.pk,
            actor=actor,
            actor_kind=actor_kind,
            action=action,
            what=what[:200],
            at=timezone.now(),
            previous_hash=previous or "",
            **{key: value[:200] for key, value in details.items()},
        )
        entry.entry_hash = entry.compute_hash()
        entry.save(force_insert=True)
    return entry


def access_log_verify(*, plan_ids=None) -> list[str]:
    """Walk every plan's chain in write order; return one line per plan whose chain is broken,
    naming the first entry that does not match (empty list: the log is intact)."""
    problems = []
    entries = AccessLogEntry.objects.order_by("plan_id", "pk")
    if plan_ids is not None:
        entries = entries.filter(plan_id__in=plan_ids)
    current_plan, previous_hash, broken = None, "", False
    for entry in entries.iterator(chunk_size=2000):
        if entry.plan_id != current_plan:
            current_plan, previous_hash, broken = entry.plan_id, "", False
        if broken:
            continue
        if entry.previous_hash != previous_hash:
            problems.append(
                f"plan {entry.plan_id}: entry {entry.pk} does not follow the entry before it "
                "(an entry was removed or inserted)"
            )
            broken = True
        elif entry.compute_hash() != entry.entry_hash:
            problems.append(
                f"plan {entry.plan_id}: entry {entry.pk} was changed after it was written"
            )
            broken = True
        previous_hash = entry.entry_hash
    return problems


def _log_staff_write(*, plan: Plan, user, role: str, what: str) -> None:
    if role == AuthorRole.STAFF:
        access_log_record(plan=plan, actor=user, action=AccessLogEntry.Action.WRITE, what=what)


# --- Goals and feedback (the citizen's own words) ----


def goal_add_by_citizen(*, plan: Plan, citizen, text: str) -> Goal:
    with transaction.atomic():
        last = plan.goals.aggregate(last=Max("sort_order"))["last"]
        return Goal.objects.create(
            plan=plan,
            text=text.strip(),
            written_by=Goal.WrittenBy.CITIZEN,
            sort_order=(last or 0) + 1,
        )


def goal_edit_by_citizen(*, goal: Goal, citizen, text: str) -> Goal:
    """The citizen may reword goals they wrote; goals written by staff are changed with staff."""
    if goal.written_by != Goal.WrittenBy.CITIZEN or goal.plan.citizen_id != citizen.pk:
        raise PlanRuleError(_("Du kan kun rette de mål, du selv har skrevet."))
    goal.text = text.strip()
    goal.save(update_fields=["text"])
    return goal


def feedback_give(
    *, plan: Plan, citizen, score: int, words: str = "", activity: Activity | None = None
) -> Feedback:
    """One answer per plan and per activity; answering again replaces the earlier answer."""
    if not 1 <= score <= 5:
        raise PlanRuleError(_("Vælg et tal fra 1 til 5."))
    if activity is not None and activity.plan_id != plan.pk:
        raise PlanRuleError(_("Indsatsen hører ikke til din plan."))
    with transaction.atomic():
        feedback, _created = Feedback.objects.update_or_create(
            plan=plan,
            author=citizen,
            activity=activity,
            defaults={"score": score, "words": words.strip()},
        )
    return feedback


# --- Comments ----


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
) -> Comment:
    body = body.strip()
    _check_comment_body(body)
    for target in (goal, activity, reply_to):
        if target is not None and target.plan_id != plan.pk:
            raise PlanRuleError(_("Det, du svarer på, hører ikke til denne plan."))
    if reply_to is not None and goal is None and activity is None:
        # An answer belongs where the question was asked.
        goal, activity = reply_to.goal, reply_to.activity
    with transaction.atomic():
        comment = Comment.objects.create(
            plan=plan,
            goal=goal,
            activity=activity,
            reply_to=reply_to,
            author=author,
            author_name=author_name or actor_details(user=author)["actor_name"],
            author_role=author_role,
            body=body,
            body_html=sanitize_html(body),
        )
        _log_staff_write(plan=plan, user=author, role=author_role, what=_("Skrev en kommentar"))
        transaction.on_commit(lambda: _enqueue_notices(comment.pk))
    return comment


def comment_can_edit(*, comment: Comment, user, now=None) -> bool:
    now = now or timezone.now()
    return (
        comment.author_id == user.pk
        and not comment.is_deleted
        and now - comment.created_at <= timedelta(minutes=Comment.EDIT_WINDOW_MINUTES)
    )


def comment_edit(*, comment: Comment, user, body: str) -> Comment:
    if comment.author_id != user.pk or comment.is_deleted:
        raise PlanRuleError(_("Du kan kun rette dine egne kommentarer."))
    if not comment_can_edit(comment=comment, user=user):
        raise PlanRuleError(
            _("Du kan kun rette en kommentar i de første 15 minutter. Skriv en ny i stedet.")
        )
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
    if len(body) > Comment.MAX_LENGTH:
        raise PlanRuleError(
            _(
                "Din kommentar er for lang: %(length)s tegn. Der er plads til %(max)s. "
                "Din tekst står stadig i feltet, så du kan gøre den kortere."
            )
            % {"length": len(body), "max": Comment.MAX_LENGTH}
        )


# --- Email notices ----


def _enqueue_notices(comment_id: int) -> None:
    from .network_notices import send_comment_notices_to_network
    from .tasks import send_comment_notices

    send_comment_notices.enqueue(comment_id)
    # Network members hear only about goals they can see; that rule lives with the network.
    send_comment_notices_to_network.enqueue(comment_id)


def email_notice_claim(*, plan_id: int, recipient_id: int, now=None) -> bool:
    """True if this person may be emailed about this plan now (at most once an hour), and
    records that they are. Safe when two workers ask at once: only one gets True."""
    now = now or timezone.now()
    claimed = EmailNotice.objects.filter(
        plan_id=plan_id, recipient_id=recipient_id, sent_at__lte=now - EMAIL_INTERVAL
    ).update(sent_at=now)
    if claimed:
        return True
    try:
        with transaction.atomic():
            EmailNotice.objects.create(plan_id=plan_id, recipient_id=recipient_id, sent_at=now)
    except IntegrityError:
        return False  # A row exists and is younger than an hour.
    return True
