"""Reads for the citizen's own network page: members, invitations, offers, the help she said
yes to, and the limits on inviting."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from ...models import Invitation, InvitationSend, NetworkMembership, Offer, Plan
from ...selectors import get_or_404, help_by_goal

# --- For the citizen ----


@dataclass
class CitizenNetwork:
    members: list[NetworkMembership]
    invitations: list[Invitation]
    waiting_offers: list[Offer]
    answered_offers: list[Offer]

    @property
    def helper(self) -> NetworkMembership | None:
        """The member who is her helper, or has been asked (one at a time)."""
        return next((m for m in self.members if m.helper_asked_at is not None), None)


def network_for_citizen(*, plan: Plan) -> CitizenNetwork:
    members = list(
        plan.network.filter(status=NetworkMembership.Status.ACTIVE)
        .select_related("user")
        .prefetch_related("goals")
    )
    invitations = list(plan.invitations.all())
    offers = list(
        Offer.objects.filter(plan=plan, membership__status=NetworkMembership.Status.ACTIVE)
        .select_related("membership", "goal")
        .order_by("-created_at", "-pk")
    )
    return CitizenNetwork(
        members=members,
        invitations=invitations,
        waiting_offers=[o for o in offers if o.status == Offer.Status.WAITING],
        answered_offers=[o for o in offers if o.status != Offer.Status.WAITING],
    )


def invitation_of_plan(*, plan: Plan, invitation_id: int) -> Invitation:
    return get_or_404(plan.invitations.all(), pk=invitation_id)


def membership_of_plan(*, plan: Plan, membership_id: int) -> NetworkMembership:
    return get_or_404(
        plan.network.filter(status=NetworkMembership.Status.ACTIVE), pk=membership_id
    )


def offer_of_plan(*, plan: Plan, offer_id: int) -> Offer:
    offers = Offer.objects.select_related("membership", "goal").filter(
        plan=plan, membership__status=NetworkMembership.Status.ACTIVE
    )
    return get_or_404(offers, pk=offer_id)


def network_help_by_goal(*, plan: Plan) -> dict[int, list[Offer]]:
    """Accepted offers by goal, for the staff panel. Help a removed or left member gave stays,
    from "et tidligere netværksmedlem" (plans.selectors.help_by_goal names the helper)."""
    offers = (
        Offer.objects.filter(plan=plan, status=Offer.Status.ACCEPTED)
        .select_related("membership")
        .order_by("created_at", "pk")
    )
    return help_by_goal(offers)


def counts_for_limits(*, plan: Plan) -> tuple[int, int, int]:
    """(invitation emails sent in the last 24 hours, first or again; active members; open
    invitations)."""
    now = timezone.now()
    return (
        InvitationSend.objects.filter(plan=plan, sent_at__gte=now - timedelta(days=1)).count(),
        plan.network.filter(status=NetworkMembership.Status.ACTIVE).count(),
        plan.invitations.filter(status=Invitation.Status.SENT, expires_at__gt=now).count(),
    )


def sends_today(*, invitation: Invitation) -> int:
    """How many times this invitation was emailed in the last 24 hours."""
    since = timezone.now() - timedelta(days=1)
    return invitation.sends.filter(sent_at__gte=since).count()


def email_taken(*, plan: Plan, email: str) -> str | None:
    """Why this address cannot be invited again, or None."""
    now = timezone.now()
    if (
        plan.network.filter(status=NetworkMembership.Status.ACTIVE)
        .filter(Q(user__email__iexact=email) | Q(invitation__email__iexact=email))
        .exists()
    ):
        return "member"
    if plan.invitations.filter(
        email__iexact=email, status=Invitation.Status.SENT, expires_at__gt=now
    ).exists():
        return "invited"
    return None
