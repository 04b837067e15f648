"""Who holds the trusted helper role ("må hjælpe mig med min plan") of a plan, asked of the
database every time. The seams other features call to let a helper do what the citizen may:
the network's helper pages (plans.network.selectors.helper), the calendar files and the
reminders, so those need not reach into the network package."""

from django.db.models import QuerySet

from .models import NetworkMembership, Plan


def helper_roles() -> QuerySet[NetworkMembership]:
    # The reading rule: an accepted helper role, an active membership, a plan in use.
    return NetworkMembership.objects.filter(
        status=NetworkMembership.Status.ACTIVE,
        helper_since__isnull=False,
        plan__status=Plan.Status.ACTIVE,
    ).select_related("plan__citizen", "user")


def helper_for_plan(plan: Plan) -> NetworkMembership | None:
    """The plan's helper while the role holds, else None (also for a finished plan)."""
    return helper_roles().filter(plan=plan).first()


def acting_helper(user, plan: Plan) -> NetworkMembership | None:
    """The person's helper membership of this plan while the role holds, else None."""
    if user is None or not user.is_authenticated:
        return None
    return helper_roles().filter(plan=plan, user=user).first()
