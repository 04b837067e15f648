"""Reads for the trusted helper ("må hjælpe mig med min plan"): who helps with a plan, the
reading rule of the helper's pages, and why a helper's access ended. Like the member's rule,
every lookup asks the database again (nothing is kept in the session), so a role that ended,
a membership that ended or a plan that was finished closes the helper's pages on the very next
request.

Who holds the role at all (`helper_for_plan`, `acting_helper`) is plans.helper_role's, which
the calendar files and the reminders ask as well."""

from dataclasses import dataclass

from django.http import Http404

# The seams live in plans.helper_role (the calendar and the reminders read them there too).
from ...helper_role import acting_helper, helper_for_plan, helper_roles  # noqa: F401
from ...models import NetworkMembership, Offer, Plan
from ...people import citizen_name
from ...selectors import get_or_404, valid_id
from .member import ended_access


def helper_membership(*, user, plan_id) -> NetworkMembership:
    """The helper pages' reading rule: the person's helper role for this plan, or 404."""
    if not user.is_authenticated:
        raise Http404
    return get_or_404(helper_roles().filter(user=user), plan_id=plan_id)


def helper_request_for_member(*, user, plan_id) -> NetworkMembership:
    """The question "Vil du være hjælper?" waiting for this person, or 404."""
    if not user.is_authenticated:
        raise Http404
    asked = NetworkMembership.objects.filter(
        user=user,
        status=NetworkMembership.Status.ACTIVE,
        helper_asked_at__isnull=False,
        helper_since__isnull=True,
        plan__status=Plan.Status.ACTIVE,
    ).select_related("plan__citizen")
    return get_or_404(asked, plan_id=plan_id)


def helper_of_plan(*, plan: Plan, membership_id) -> NetworkMembership:
    """For the citizen: a member of her network she may ask, or whose role she may end."""
    members = plan.network.filter(status=NetworkMembership.Status.ACTIVE)
    return get_or_404(members.select_related("user"), pk=membership_id)


def helper_taken_by(*, plan: Plan) -> NetworkMembership | None:
    """The member who holds the role or has been asked, if any (one at a time)."""
    return (
        plan.network.filter(status=NetworkMembership.Status.ACTIVE, helper_asked_at__isnull=False)
        .order_by("pk")
        .first()
    )


HELPER_ENDED = "helper_ended"


@dataclass
class HelperEnded:
    reason: str  # HELPER_ENDED, or the member's ARCHIVED, REMOVED or LEFT
    citizen_name: str
    ended_on: object


def helper_ended_access(*, user, plan_id) -> HelperEnded | None:
    """Why a person who was this plan's helper cannot use the helper pages now; None for
    anyone who never was (they get 404, like any stranger)."""
    plan_id = valid_id(plan_id)
    if plan_id is None or not user.is_authenticated:
        return None
    ended = ended_access(user=user, plan_id=plan_id)
    if ended is not None:
        return HelperEnded(ended.reason, ended.citizen_name, ended.ended_on)
    membership = (
        NetworkMembership.objects.filter(
            user=user,
            plan_id=plan_id,
            status=NetworkMembership.Status.ACTIVE,
            helper_since__isnull=True,
            helper_ended_at__isnull=False,
        )
        .select_related("plan__citizen")
        .first()
    )
    if membership is None:
        return None
    return HelperEnded(
        HELPER_ENDED, citizen_name(membership.plan.citizen), membership.helper_ended_at
    )


def offer_for_helper(*, membership: NetworkMembership, offer_id) -> Offer:
    """An offer waiting for the citizen's answer, from someone still in her network."""
    offers = Offer.objects.select_related("membership", "goal", "plan").filter(
        plan_id=membership.plan_id,
        membership__status=NetworkMembership.Status.ACTIVE,
        status=Offer.Status.WAITING,
    )
    return get_or_404(offers, pk=offer_id)
