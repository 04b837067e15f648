"""Mine data's writes: the export's own access-log lines, and the two ways to be forgotten.

A network member deletes their own account (their comments then show "Tidligere
netværksmedlem", their offers stay in the plan's history); a citizen asks their coordinator,
because the municipality must keep case records by law.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from .. import fragments, notices
from ..access_log import READ, plan_lock
from ..errors import PlanRuleError
from ..models import AuthorRole, Comment, ErasureRequest, NetworkMembership, Plan
from ..network import services as network_services
from ..services import deliver_on_commit
from . import selectors


def my_data_export(*, user) -> dict:
    """Everything about `user` (plans.mydata.selectors.my_data). Reading it as a network member
    is written to each helped plan's access log, so the citizen sees who looked."""
    memberships = selectors.memberships_of(user=user)
    data = selectors.my_data(user=user, memberships=memberships)
    for membership in memberships:
        if membership.is_active:
            membership.user = user
            network_services.member_log(
                membership=membership,
                action=READ,
                what=_("Hentede sine egne data (kommentarer og tilbud)"),
            )
    return data


@transaction.atomic
def member_account_delete(*, user) -> None:
    """A network member deletes their account. They leave every network they are in (the
    citizen is told, as when anyone leaves); their comments stay, shown as "Tidligere
    netværksmedlem"; their offers stay in the plan's history (the membership row is kept with
    no person behind it)."""
    refusal = selectors.account_deletion_refusal(user=user)
    if refusal:
        raise PlanRuleError(refusal)
    for membership in NetworkMembership.objects.filter(
        user=user, status=NetworkMembership.Status.ACTIVE
    ).select_related("plan", "user"):
        network_services.membership_leave(membership=membership)
    # The name copied into each comment goes too, so nothing points at the person any more,
    # nor any page kept rendered with it.
    comments = Comment.objects.filter(author=user, author_role=AuthorRole.NETWORK)
    plan_ids = set(comments.values_list("plan_id", flat=True))
    comments.update(author_name="")
    fragments.plan_changed(plan_ids=plan_ids)
    for plan_id in plan_ids:
        fragments.forget(plan_id=plan_id)
    user.delete()


@transaction.atomic
def erasure_request(*, plan: Plan, citizen) -> tuple[ErasureRequest, bool]:
    """Record that the citizen asks for deletion and tell the coordinator (once per month).
    Returns the request and whether it is new."""
    if plan.citizen_id != citizen.pk:
        raise PlanRuleError(_("Det er ikke din plan."))
    plan_lock(plan=plan)
    existing = selectors.erasure_request_open(plan=plan)
    if existing is not None:
        return existing, False
    request = ErasureRequest.objects.create(plan=plan, citizen=citizen)
    # Nothing of her plan stays rendered in the cache while the deletion is carried out.
    fragments.forget(plan_id=plan.pk)
    notices.erasure_request_notice_record(request=request)
    deliver_on_commit()
    return request, True
