"""Who may fetch a plan's calendar files, and the access-log line when it is not the citizen."""

from ..access_log import READ, access_log_record
from ..helper_role import acting_helper
from ..models import NetworkMembership, Plan


def may_fetch_calendar(user, plan: Plan) -> bool:
    """Whether `user` may download the meetings of `plan` as calendar files: the citizen, and
    her trusted helper ("må hjælpe mig med min plan") while the role holds (an active
    membership with the role, on a plan in use), asked of the database each time. The views
    ask only this function; calendar_read_record then logs the helper's downloads."""
    if not (user.is_authenticated and user.is_active and plan is not None):
        return False
    return plan.citizen_id == user.pk or acting_helper(user, plan) is not None


def calendar_read_record(
    *, plan: Plan, user, what: str, membership: NetworkMembership | None = None
) -> None:
    """A download by anyone but the citizen is a read of her plan by someone else: it goes into
    her access log ("Hvem har set min plan"). Her own downloads are not logged (DESIGN.md). A
    helper is passed as `membership`, so the log names them as the citizen knows them."""
    if user.pk != plan.citizen_id:
        access_log_record(plan=plan, actor=user, action=READ, what=what, membership=membership)
