"""Who is reminded of what happens in a plan."""

from ..helper_role import helper_for_plan
from ..models import Plan


def _reachable(user) -> bool:
    return bool(user is not None and user.is_active and user.email)


def reminder_recipients(plan: Plan) -> list:
    """The people reminded of the plan's meetings and deadlines: the citizen, while her account
    is open and has an address, and her trusted helper ("må hjælpe mig med min plan") when she
    chose that the helper is reminded too, only while the role holds (an active membership
    and a plan in use: a removed or departed helper is never reminded). Each person is
    reminded once (ReminderSent is per person), so a helper added later still gets the next
    reminder."""
    people = [plan.citizen] if _reachable(plan.citizen) else []
    helper = helper_for_plan(plan)
    if helper is not None and helper.helper_reminded and _reachable(helper.user):
        people.append(helper.user)
    return people
