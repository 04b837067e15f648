"""Finding the citizen a new plan is for: by the exact email address she gives, never from a
list of accounts, and with one neutral answer whatever the reason a plan cannot be made, so a
caseworker learns nothing about a person who is not theirs (another team's plan, a staff
account, an address nobody has confirmed)."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef

from ..models import Plan


def citizen_for_new_plan(*, email: str):
    """The account with exactly this confirmed address that may be given a plan, or None:
    active, no admin role, and no plan in use (with any team)."""
    email = (email or "").strip()
    if not email:
        return None
    confirmed = EmailAddress.objects.filter(
        user=OuterRef("pk"), email__iexact=email, verified=True
    )
    active_plan = Plan.objects.filter(citizen=OuterRef("pk"), status=Plan.Status.ACTIVE)
    return (
        get_user_model()
        .objects.filter(email__iexact=email, is_active=True, is_staff=False, is_superuser=False)
        .filter(groups__isnull=True)
        .filter(Exists(confirmed))
        .exclude(Exists(active_plan))
        .first()
    )
