"""Who is reminded of what happens in a plan."""

from ..models import Plan


def reminder_recipients(plan: Plan) -> list:
    """The people reminded of the plan's meetings and deadlines: today the citizen alone, while
    her account is open and has an address. The trusted helper of issue 17 ("må hjælpe mig
    med min plan"), when the citizen chose that the helper is reminded too, is added here and
    nowhere else: only while the membership is active (a removed or departed helper is never
    reminded) and the plan is in use. Each person is reminded once (ReminderSent is per
    person), so a helper added later still gets the next reminder."""
    citizen = plan.citizen
    if not (citizen.is_active and citizen.email):
        return []
    return [citizen]
