"""What to call a person on screen and in emails; one rule, so every page names people alike."""

from django.utils.translation import gettext as _


def display_name(user, *, short: bool = False, fallback=None) -> str:
    """The person's name: their first name when `short` (how we greet them), else their full
    name. With no name on the account, `fallback` when given (e.g. "Borgeren"), else the email
    address: an email must not stand in for a name where others read it, so callers who show
    one person to another pass a fallback."""
    if user is None:
        return str(fallback or "")
    name = (user.first_name if short else "") or user.get_full_name()
    if name:
        return name
    return str(fallback) if fallback is not None else user.email


def actor_details(*, user) -> dict:
    """Name, role and department of a person as they are *now*, copied into what they leave
    (a comment's author, an access-log entry), so it stays true if they change job later."""
    profile = getattr(user, "staff_profile", None)
    if profile is not None:
        return {
            "actor_name": profile.name,
            "actor_role": profile.role,
            "actor_department": profile.department.name,
        }
    return {"actor_name": display_name(user), "actor_role": "", "actor_department": ""}


def citizen_name(citizen) -> str:
    """How the citizen is named to the people around her plan: her first name, as her network
    and the emails say it ("Mette har svaret på dit tilbud")."""
    return display_name(citizen, short=True, fallback=_("Borgeren"))
