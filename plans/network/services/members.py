"""What network members do, and how their access ends: reads and writes logged in the citizen's
access log, comments and offers of help on the goals they can see, removed, left, or the plan
finished."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ... import fragments, limits, notices
from ...access_log import READ, WRITE, access_log_record, plan_lock
from ...errors import PlanRuleError
from ...history import plan_event_record
from ...models import AuthorRole, Goal, NetworkMembership, Offer, Plan, PlanEvent
from ...people import citizen_name
from ...services import comment_add, deliver_on_commit, refuse_if_archived
from .. import selectors


def notify(kind: str, object_id: int) -> None:
    """Hold the network notice in the write's own transaction (plans.notices says who hears
    it) and send what is due once the write is committed."""
    notices.network_notice_record(kind=kind, object_id=object_id)
    deliver_on_commit()


# --- Ending access ----


def _end(*, membership: NetworkMembership, status: str) -> bool:
    ended = NetworkMembership.objects.filter(
        pk=membership.pk, status=NetworkMembership.Status.ACTIVE
    ).update(status=status, ended_at=timezone.now())
    if ended:
        # Her page no longer shows the person; theirs is deleted with every other kept copy.
        fragments.plan_changed(plan_ids=[membership.plan_id])
        fragments.forget(plan_id=membership.plan_id)
    return bool(ended)


@transaction.atomic
def membership_remove(*, membership: NetworkMembership, by) -> None:
    """The citizen ends a member's access; it ends on the member's very next request."""
    if not _end(membership=membership, status=NetworkMembership.Status.REMOVED):
        return
    access_log_record(
        plan=membership.plan,
        actor=by,
        kind=AuthorRole.CITIZEN,
        action=WRITE,
        what=_("Fjernede %(name)s fra netværket") % {"name": membership.name},
    )
    plan_event_record(
        plan=membership.plan,
        actor=by,
        actor_kind=AuthorRole.CITIZEN,
        kind=PlanEvent.Kind.NETWORK,
        what=_("Fjernede %(name)s fra netværket") % {"name": membership.name},
    )
    notify(notices.REMOVED, membership.pk)


@transaction.atomic
def membership_leave(*, membership: NetworkMembership) -> None:
    if not _end(membership=membership, status=NetworkMembership.Status.LEFT):
        return
    member_log(membership=membership, action=WRITE, what=_("Forlod netværket"))
    plan_event_record(
        plan=membership.plan,
        actor=membership.user,
        membership=membership,
        kind=PlanEvent.Kind.NETWORK,
        what=_("Forlod netværket"),
    )
    notify(notices.LEFT, membership.pk)


@transaction.atomic
def plan_archived_notify(*, plan: Plan) -> int:
    """Tell every active member that the plan is finished (an urgent notice, no link). Their
    access has ended already: the reading rule refuses a finished plan. Call it when a plan
    becomes Afsluttet; calling it again tells nobody twice. Returns how many were told."""
    if not plan.is_archived:
        raise PlanRuleError(_("Planen er ikke afsluttet."))
    told = 0
    for membership in selectors.members_to_tell_plan_ended(plan=plan, kind=notices.PLAN_ARCHIVED):
        told += notices.network_notice_record(kind=notices.PLAN_ARCHIVED, object_id=membership.pk)
    if told:
        deliver_on_commit()
    return told


# --- What members do ----


def member_log(*, membership: NetworkMembership, action: str, what: str) -> None:
    """Every read and write by a network member goes into the citizen's access log."""
    access_log_record(
        plan=membership.plan,
        actor=membership.user,
        membership=membership,
        action=action,
        what=what,
    )


def member_read(*, membership: NetworkMembership, goals: list[Goal]) -> None:
    what = _("Så de delte mål: %(goals)s") % {"goals": "; ".join(g.text for g in goals)}
    member_log(membership=membership, action=READ, what=what)


@transaction.atomic
def member_comment_add(*, membership: NetworkMembership, goal: Goal, body: str):
    """A member comments on a goal they can see; the comment rules are the plan's own."""
    selectors.goal_in_scope(membership=membership, goal_id=goal.pk)
    comment = comment_add(
        plan=membership.plan,
        author=membership.user,
        author_role=AuthorRole.NETWORK,
        author_name=membership.name,
        body=body,
        goal=goal,
    )
    member_log(
        membership=membership,
        action=WRITE,
        what=_("Skrev en kommentar til målet: %(goal)s") % {"goal": goal.text},
    )
    return comment


@transaction.atomic
def offer_create(
    *, membership: NetworkMembership, goal: Goal, kind: str, what: str, when: str = ""
) -> Offer:
    refuse_if_archived(plan=membership.plan)
    # The goal must be one the member can see; a goal id from another plan or outside the
    # scope gives the same "no such goal" as an id that does not exist.
    selectors.goal_in_scope(membership=membership, goal_id=goal.pk)
    plan_lock(plan=membership.plan)
    limits.offers_per_plan_check(plan=membership.plan)
    limits.offers_per_hour_check(user=membership.user)
    offer = Offer.objects.create(
        plan=membership.plan,
        membership=membership,
        goal=goal,
        kind=kind,
        what=what.strip(),
        when=when.strip(),
    )
    member_log(
        membership=membership,
        action=WRITE,
        what=_("Tilbød hjælp til målet: %(goal)s") % {"goal": goal.text},
    )
    plan_event_record(
        plan=membership.plan,
        actor=membership.user,
        membership=membership,
        kind=PlanEvent.Kind.OFFER,
        what=_("Tilbød hjælp til målet: %(goal)s") % {"goal": goal.text},
        anchor=f"maal-{goal.pk}",
    )
    notify(notices.OFFER_MADE, offer.pk)
    return offer


@transaction.atomic
def offer_answer(
    *, offer: Offer, accepted: bool, answer: str = "", helper: NetworkMembership | None = None
) -> Offer:
    """The citizen's answer, or her helper's for her (`helper`, marked with the helper's name)."""
    refuse_if_archived(plan=offer.plan)
    if offer.status != Offer.Status.WAITING:
        raise PlanRuleError(_("Du har allerede svaret på dette tilbud."))
    offer.status = Offer.Status.ACCEPTED if accepted else Offer.Status.DECLINED
    offer.answer = answer.strip()
    offer.answered_at = timezone.now()
    offer.answered_by_name = helper.name if helper is not None else ""
    updated = Offer.objects.filter(pk=offer.pk, status=Offer.Status.WAITING).update(
        status=offer.status,
        answer=offer.answer,
        answered_at=offer.answered_at,
        answered_by_name=offer.answered_by_name,
    )
    if not updated:
        raise PlanRuleError(_("Du har allerede svaret på dette tilbud."))
    fragments.plan_changed(plan_ids=[offer.plan_id])
    what = (
        _("Sagde ja tak til hjælp fra %(name)s")
        if accepted
        else _("Sagde nej tak til hjælp fra %(name)s")
    ) % {"name": offer.membership.name}
    if helper is not None:
        what = _("%(what)s, for %(citizen)s") % {
            "what": what,
            "citizen": citizen_name(offer.plan.citizen),
        }
    plan_event_record(
        plan=offer.plan,
        actor=offer.plan.citizen,
        actor_kind=AuthorRole.CITIZEN,
        membership=helper,
        kind=PlanEvent.Kind.OFFER,
        what=what,
        anchor=f"maal-{offer.goal_id}",
    )
    notify(notices.OFFER_ANSWERED, offer.pk)
    return offer
