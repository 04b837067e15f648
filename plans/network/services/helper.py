"""The trusted helper ("må hjælpe mig med min plan"): the citizen asks one network member, the
member says yes or no, the helper reads the whole plan and writes for her, and the citizen ends
the role at once. Two sides say yes: the role starts only when the member accepts, after both
have read what it means. Every read and write by the helper goes into the citizen's access log
under the helper's name; what the helper writes is marked "for <citizen>"."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ... import notices
from ...access_log import READ, WRITE, access_log_record, plan_lock
from ...errors import PlanRuleError
from ...history import plan_event_record
from ...models import AuthorRole, Comment, Goal, NetworkMembership, Offer, PlanEvent
from ...people import citizen_name
from ...services import comment_add, refuse_if_archived
from ..selectors import helper as helper_selectors
from .members import member_log, notify, offer_answer


def _citizen_log(*, membership: NetworkMembership, by, what: str) -> None:
    access_log_record(
        plan=membership.plan, actor=by, kind=AuthorRole.CITIZEN, action=WRITE, what=what
    )
    plan_event_record(
        plan=membership.plan,
        actor=by,
        actor_kind=AuthorRole.CITIZEN,
        kind=PlanEvent.Kind.NETWORK,
        what=what,
    )


@transaction.atomic
def helper_ask(
    *, membership: NetworkMembership, by, sees_access_log: bool, reminded: bool = False
) -> None:
    """The citizen asks a member of her network to be her helper (after reauthentication)."""
    plan = membership.plan
    refuse_if_archived(plan=plan)
    plan_lock(plan=plan)  # one helper per plan: a second ask waits and then sees the first
    if (
        membership.user_id is None
        or not NetworkMembership.objects.filter(
            pk=membership.pk, status=NetworkMembership.Status.ACTIVE
        ).exists()
    ):
        raise PlanRuleError(_("Personen er ikke længere med i dit netværk."))
    taken = helper_selectors.helper_taken_by(plan=plan)
    if taken is not None:
        raise PlanRuleError(
            _("Du har allerede spurgt %(name)s. Stop det først, hvis du vil spørge en anden.")
            % {"name": taken.name}
        )
    NetworkMembership.objects.filter(pk=membership.pk).update(
        helper_asked_at=timezone.now(),
        helper_since=None,
        helper_sees_access_log=sees_access_log,
        helper_reminded=reminded,
    )
    _citizen_log(
        membership=membership,
        by=by,
        what=_("Spurgte %(name)s, om %(name)s vil være hjælper") % {"name": membership.name},
    )
    notify(notices.HELPER_ASKED, membership.pk)


@transaction.atomic
def helper_accept(*, membership: NetworkMembership) -> None:
    """The member says yes: from now on they see the whole plan and may write for her."""
    refuse_if_archived(plan=membership.plan)
    started = NetworkMembership.objects.filter(
        pk=membership.pk,
        status=NetworkMembership.Status.ACTIVE,
        helper_asked_at__isnull=False,
        helper_since__isnull=True,
    ).update(helper_since=timezone.now(), helper_ended_at=None)
    if not started:
        raise PlanRuleError(_("Spørgsmålet er ikke åbent længere."))
    member_log(membership=membership, action=WRITE, what=_("Sagde ja til at være hjælper"))
    plan_event_record(
        plan=membership.plan,
        actor=membership.user,
        membership=membership,
        kind=PlanEvent.Kind.NETWORK,
        what=_("Sagde ja til at være hjælper"),
    )
    notify(notices.HELPER_STARTED, membership.pk)


@transaction.atomic
def helper_decline(*, membership: NetworkMembership) -> None:
    declined = NetworkMembership.objects.filter(
        pk=membership.pk, helper_asked_at__isnull=False, helper_since__isnull=True
    ).update(helper_asked_at=None, helper_sees_access_log=False, helper_reminded=False)
    if not declined:
        raise PlanRuleError(_("Spørgsmålet er ikke åbent længere."))
    member_log(membership=membership, action=WRITE, what=_("Sagde nej til at være hjælper"))
    notify(notices.HELPER_DECLINED, membership.pk)


@transaction.atomic
def helper_end(*, membership: NetworkMembership, by) -> bool:
    """The citizen ends the role (or takes back her question) at once: no reauthentication is
    needed to take power away, and a finished plan does not stop it. The helper stays in her
    network with the scope she gave them. False when there was nothing to end."""
    plan_lock(plan=membership.plan)
    # As the database has it now, not as the caller read it (she may have said yes since).
    was_helper = NetworkMembership.objects.filter(
        pk=membership.pk, helper_since__isnull=False
    ).exists()
    ended = NetworkMembership.objects.filter(
        pk=membership.pk, helper_asked_at__isnull=False
    ).update(
        helper_asked_at=None,
        helper_since=None,
        helper_sees_access_log=False,
        helper_reminded=False,
        helper_ended_at=timezone.now() if was_helper else None,
    )
    if not ended:
        return False
    what = (
        _("Stoppede %(name)s som hjælper")
        if was_helper
        else _("Trak spørgsmålet til %(name)s om at være hjælper tilbage")
    )
    _citizen_log(membership=membership, by=by, what=what % {"name": membership.name})
    if was_helper:
        notify(notices.HELPER_ENDED, membership.pk)
    return True


# --- What the helper does, for the citizen ----


def helper_log(*, membership: NetworkMembership, action: str, what: str) -> None:
    member_log(
        membership=membership,
        action=action,
        what=_("%(what)s (som hjælper)") % {"what": what},
    )


def helper_read(*, membership: NetworkMembership, what: str) -> None:
    helper_log(membership=membership, action=READ, what=what)


@transaction.atomic
def helper_comment_add(
    *, membership: NetworkMembership, body: str, goal: Goal | None = None
) -> Comment:
    """A comment written by the helper for the citizen, shown "skrevet af Bente for Mette"."""
    if goal is not None and goal.plan_id != membership.plan_id:
        raise PlanRuleError(_("Det, du svarer på, hører ikke til denne plan."))
    comment = comment_add(
        plan=membership.plan,
        author=membership.user,
        author_role=AuthorRole.NETWORK,
        author_name=membership.name,
        on_behalf_of_name=citizen_name(membership.plan.citizen),
        body=body,
        goal=goal,
    )
    what = (
        _("skrev en kommentar til målet: %(goal)s") % {"goal": goal.text}
        if goal is not None
        else _("skrev en kommentar til planen")
    )
    helper_log(membership=membership, action=WRITE, what=what)
    return comment


@transaction.atomic
def helper_offer_answer(
    *, membership: NetworkMembership, offer: Offer, accepted: bool, answer: str = ""
) -> Offer:
    """The helper answers an offer of help for the citizen; never an offer of their own."""
    if offer.plan_id != membership.plan_id:
        raise PlanRuleError(_("Tilbuddet hører ikke til denne plan."))
    if offer.membership_id == membership.pk:
        raise PlanRuleError(
            _("Det er dit eget tilbud. %(citizen)s svarer selv på det.")
            % {"citizen": citizen_name(membership.plan.citizen)}
        )
    offer = offer_answer(offer=offer, accepted=accepted, answer=answer, helper=membership)
    what = (
        _("sagde ja tak til hjælp fra %(name)s")
        if accepted
        else _("sagde nej tak til hjælp fra %(name)s")
    )
    helper_log(membership=membership, action=WRITE, what=what % {"name": offer.membership.name})
    return offer
