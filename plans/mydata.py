"""Mine data: everything the portal holds about a person, for them to read and download.

A citizen gets their plans with all their parts, their network, offers, access log and
feedback; a network member gets their memberships, what they wrote and the offers they made.
Each kind of thing is read in one query across all the person's plans, so the cost does not
grow with the size of a plan. Invitation tokens (hashes) and internal keys stay out.

Also the two ways to be forgotten: a network member deletes their own account (their comments
then show "Tidligere netværksmedlem", their offers stay in the plan's history), and a citizen
asks their coordinator, because the municipality must keep case records by law.
"""

import datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from . import network_services
from .models import (
    AccessLogEntry,
    Activity,
    AuthorRole,
    Comment,
    Decision,
    ErasureRequest,
    Feedback,
    Goal,
    Invitation,
    Meeting,
    NetworkMembership,
    Offer,
    Plan,
)
from .services import PlanRuleError

# A second request within this time is the same request: the coordinator is told once.
ERASURE_REQUEST_REPEAT_DAYS = 30


# --- Reading ----


def _when(value):
    # Dates stay dates: the page formats them, DjangoJSONEncoder writes ISO 8601 in the file.
    return value


def _account(user) -> dict:
    emails = EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": _when(user.date_joined),
        "last_login": _when(user.last_login),
        "email_addresses": [{"email": e.email, "verified": e.verified} for e in emails],
    }


def _group(rows, key) -> dict:
    grouped: dict = {}
    for row in rows:
        grouped.setdefault(key(row), []).append(row)
    return grouped


def _plans_of_citizen(user) -> list[dict]:
    """All the citizen's plans (the one in use and archived ones), one query per kind."""
    plans = list(
        Plan.objects.filter(citizen=user)
        .select_related("coordinator__department", "team")
        .order_by("-created_at", "-pk")
    )
    if not plans:
        return []
    mine = {"plan__citizen": user}
    goals = _group(Goal.objects.filter(**mine).order_by("sort_order", "pk"), lambda g: g.plan_id)
    activities = _group(
        Activity.objects.filter(**mine)
        .select_related("department", "responsible__department")
        .order_by("sort_order", "pk"),
        lambda a: a.plan_id,
    )
    meetings = _group(Meeting.objects.filter(**mine).order_by("starts_at"), lambda m: m.plan_id)
    decisions = _group(
        Decision.objects.filter(**mine).select_related("contact"), lambda d: d.plan_id
    )
    comments = _group(
        Comment.objects.filter(**mine).select_related("author").order_by("created_at", "pk"),
        lambda c: c.plan_id,
    )
    members = _group(
        NetworkMembership.objects.filter(**mine).prefetch_related("goals").order_by("pk"),
        lambda m: m.plan_id,
    )
    invitations = _group(
        Invitation.objects.filter(**mine).prefetch_related("goals").order_by("created_at", "pk"),
        lambda i: i.plan_id,
    )
    offers = _group(
        Offer.objects.filter(**mine).select_related("membership").order_by("created_at", "pk"),
        lambda o: o.plan_id,
    )
    log = _group(AccessLogEntry.objects.filter(**mine).order_by("-at", "-pk"), lambda e: e.plan_id)
    feedback = _group(
        Feedback.objects.filter(**mine, author=user).order_by("activity_id", "pk"),
        lambda f: f.plan_id,
    )
    erasure = _group(ErasureRequest.objects.filter(**mine), lambda r: r.plan_id)

    result = []
    for plan in plans:
        coordinator = plan.coordinator
        result.append(
            {
                "id": plan.pk,
                "status": plan.get_status_display(),
                "created_at": _when(plan.created_at),
                "updated_at": _when(plan.updated_at),
                "what_matters": plan.what_matters,
                "coordinator": {
                    "name": coordinator.name,
                    "role": coordinator.role,
                    "department": coordinator.department.name,
                    "phone": coordinator.phone,
                    "email": coordinator.email,
                },
                "team": plan.team.name,
                "goals": [
                    {
                        "id": g.pk,
                        "text": g.text,
                        "written_by": g.get_written_by_display(),
                        "status": g.get_status_display(),
                    }
                    for g in goals.get(plan.pk, [])
                ],
                "activities": [
                    {
                        "id": a.pk,
                        "goal_id": a.goal_id,
                        "department": a.department.name,
                        "title": a.title,
                        "description": a.description,
                        "responsible": a.responsible.name,
                        "responsible_role": a.responsible.role,
                        "status": a.get_status_display(),
                        "starts_on": _when(a.starts_on),
                        "ends_on": _when(a.ends_on),
                        "next_step": a.next_step,
                        "next_step_on": _when(a.next_step_on),
                    }
                    for a in activities.get(plan.pk, [])
                ],
                "meetings": [
                    {
                        "starts_at": _when(m.starts_at),
                        "place": m.place,
                        "online_url": m.online_url,
                        "participants": m.participants,
                        "bring": m.bring,
                    }
                    for m in meetings.get(plan.pk, [])
                ],
                "decisions": [
                    {
                        "title": d.title,
                        "decided_on": _when(d.decided_on),
                        "explanation": d.explanation,
                        "meaning": d.meaning,
                        "how_to_complain": d.how_to_complain,
                        "complaint_deadline": _when(d.complaint_deadline),
                        "contact": d.contact.name,
                    }
                    for d in decisions.get(plan.pk, [])
                ],
                "comments": [_comment(c) for c in comments.get(plan.pk, [])],
                "network": {
                    "members": [
                        {
                            "name": m.name,
                            "relation": m.get_relation_display(),
                            "whole_plan": m.whole_plan,
                            "goal_ids": sorted(g.pk for g in m.goals.all()),
                            "status": m.get_status_display(),
                            "joined_at": _when(m.joined_at),
                            "ended_at": _when(m.ended_at),
                        }
                        for m in members.get(plan.pk, [])
                    ],
                    # No token or token hash: the export must not open a plan if it leaks.
                    "invitations": [
                        {
                            "name": i.name,
                            "email": i.email,
                            "relation": i.get_relation_display(),
                            "whole_plan": i.whole_plan,
                            "goal_ids": sorted(g.pk for g in i.goals.all()),
                            "message": i.message,
                            "status": str(i.get_state_display()),
                            "sent_at": _when(i.sent_at),
                            "expires_at": _when(i.expires_at),
                            "answered_at": _when(i.answered_at),
                        }
                        for i in invitations.get(plan.pk, [])
                    ],
                },
                "offers": [_offer(o, with_member=True) for o in offers.get(plan.pk, [])],
                "access_log": [
                    {
                        "at": _when(e.at),
                        "who": e.actor_name,
                        "role": e.actor_role,
                        "department": e.actor_department,
                        "kind": e.get_actor_kind_display(),
                        "action": e.get_action_display(),
                        "what": e.what,
                    }
                    for e in log.get(plan.pk, [])
                ],
                "feedback": [
                    {
                        "activity_id": f.activity_id,
                        "score": f.score,
                        "words": f.words,
                        "updated_at": _when(f.updated_at),
                    }
                    for f in feedback.get(plan.pk, [])
                ],
                "erasure_requests": [
                    {
                        "requested_at": _when(r.requested_at),
                        "coordinator_told_at": _when(r.notified_at),
                    }
                    for r in erasure.get(plan.pk, [])
                ],
            }
        )
    return result


def _comment(comment: Comment) -> dict:
    return {
        "id": comment.pk,
        "goal_id": comment.goal_id,
        "activity_id": comment.activity_id,
        "reply_to_id": comment.reply_to_id,
        "author": comment.display_author,
        "author_role": comment.get_author_role_display(),
        # A deleted comment keeps its row, not its words.
        "body": "" if comment.is_deleted else comment.body,
        "created_at": _when(comment.created_at),
        "edited_at": _when(comment.edited_at),
        "deleted_at": _when(comment.deleted_at),
    }


def _offer(offer: Offer, *, with_member: bool) -> dict:
    data = {
        "goal_id": offer.goal_id,
        "kind": offer.get_kind_display(),
        "what": offer.what,
        "when": offer.when,
        "status": offer.get_status_display(),
        "answer": offer.answer,
        "created_at": _when(offer.created_at),
        "answered_at": _when(offer.answered_at),
    }
    if with_member:
        data = {"from": offer.membership.name, **data}
    return data


def _as_member(user) -> tuple[dict, list[NetworkMembership]]:
    """What a network member left in other people's plans: their memberships, their own
    comments and offers. No goal texts or other plan content: those belong to the citizen."""
    memberships = list(
        NetworkMembership.objects.filter(user=user)
        .select_related("plan__citizen")
        .order_by("joined_at", "pk")
    )
    comments = Comment.objects.filter(author=user, author_role=AuthorRole.NETWORK).order_by(
        "created_at", "pk"
    )
    offers = Offer.objects.filter(membership__user=user).order_by("created_at", "pk")
    return {
        "memberships": [
            {
                "plan_id": m.plan_id,
                "helps": m.plan.citizen.get_full_name() or m.plan.citizen.first_name,
                "name_the_citizen_gave_you": m.name,
                "relation": m.get_relation_display(),
                "whole_plan": m.whole_plan,
                "status": m.get_status_display(),
                "joined_at": _when(m.joined_at),
                "ended_at": _when(m.ended_at),
            }
            for m in memberships
        ],
        "comments": [{"plan_id": c.plan_id, **_comment(c)} for c in comments],
        "offers": [{"plan_id": o.plan_id, **_offer(o, with_member=False)} for o in offers],
    }, memberships


def my_data(*, user) -> dict:
    """Everything about `user`, as plain data (JSON-ready). Only the person's own things are
    read: plans where they are the citizen, and what they did as a network member. Reading it
    as a member is written to each helped plan's access log (the citizen sees who looked)."""
    member, memberships = _as_member(user)
    data = {
        "exported_at": _when(timezone.now()),
        "account": _account(user),
        "plans": _plans_of_citizen(user),
        "network_member": member,
    }
    for membership in memberships:
        if membership.is_active:
            membership.user = user
            network_services.log(
                membership=membership,
                action=AccessLogEntry.Action.READ,
                what=_("Hentede sine egne data (kommentarer og tilbud)"),
            )
    return data


# --- Being forgotten ----


def account_deletion_refusal(*, user) -> str | None:
    """Why this account cannot delete itself, or None. A citizen's plan and staff accounts are
    case records the municipality keeps; those go through the coordinator or the employer."""
    if user.is_staff or user.is_superuser or hasattr(user, "staff_profile"):
        return _("Medarbejdere kan ikke slette deres konto her. Kontakt din leder.")
    if Plan.objects.filter(citizen=user).exists():
        return _(
            "Du har en plan hos kommunen, så du kan ikke selv slette din konto. "
            "Du kan bede din koordinator om at slette dine oplysninger."
        )
    return None


@transaction.atomic
def member_account_delete(*, user) -> None:
    """A network member deletes their account. They leave every network they are in (the
    citizen is told, as when anyone leaves); their comments stay, shown as "Tidligere
    netværksmedlem"; their offers stay in the plan's history (the membership row is kept with
    no person behind it)."""
    refusal = account_deletion_refusal(user=user)
    if refusal:
        raise PlanRuleError(refusal)
    for membership in NetworkMembership.objects.filter(
        user=user, status=NetworkMembership.Status.ACTIVE
    ).select_related("plan", "user"):
        network_services.membership_leave(membership=membership)
    # The name copied into each comment goes too, so nothing points at the person any more.
    Comment.objects.filter(author=user, author_role=AuthorRole.NETWORK).update(author_name="")
    user.delete()


def erasure_request_open(*, plan: Plan) -> ErasureRequest | None:
    since = timezone.now() - datetime.timedelta(days=ERASURE_REQUEST_REPEAT_DAYS)
    return plan.erasure_requests.filter(requested_at__gte=since).first()


@transaction.atomic
def erasure_request(*, plan: Plan, citizen) -> tuple[ErasureRequest, bool]:
    """Record that the citizen asks for deletion and tell the coordinator (once per month).
    Returns the request and whether it is new."""
    if plan.citizen_id != citizen.pk:
        raise PlanRuleError(_("Det er ikke din plan."))
    Plan.objects.select_for_update().only("pk").get(pk=plan.pk)
    existing = erasure_request_open(plan=plan)
    if existing is not None:
        return existing, False
    request = ErasureRequest.objects.create(plan=plan, citizen=citizen)
    transaction.on_commit(lambda: send_erasure_request_notice.enqueue(request.pk))
    return request, True


@task()
def send_erasure_request_notice(request_id: int) -> bool:
    """Email the coordinator: who asks, and where to see the plan. Not why: the email says no
    more than needed, like the other notices."""
    request = (
        ErasureRequest.objects.select_related("plan__coordinator__user", "citizen")
        .filter(pk=request_id, notified_at__isnull=True)
        .first()
    )
    if request is None:
        return False
    coordinator = request.plan.coordinator
    to = (coordinator.user.email if coordinator.user else "") or coordinator.email
    if not to:
        return False
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "planer:edit", args=[request.plan_id]
    )
    with translation.override(settings.LANGUAGE_CODE):
        citizen = request.citizen.get_full_name() or str(request.citizen)
        body = "\n\n".join(
            [
                _("Hej %(name)s") % {"name": coordinator.name},
                _("%(citizen)s har bedt om at få slettet sine oplysninger i Fællesplan.")
                % {"citizen": citizen},
                _(
                    "Kommunen skal gemme sagens oplysninger efter loven. Tal med borgeren om, "
                    "hvad der skal gemmes, og hvad der kan slettes, og svar borgeren."
                ),
                _("Se planen: %(link)s") % {"link": link},
            ]
        )
        EmailMessage(
            subject=_("Fællesplan: en borger beder om sletning"), body=body, to=[to]
        ).send()
    ErasureRequest.objects.filter(pk=request.pk).update(notified_at=timezone.now())
    return True
