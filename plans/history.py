"""The plan's own history: one plain line per change ("Flyttede mødet til 3. december kl. 10.00"),
written in the change's own transaction and shown to the plan's team and, as "Nyt siden sidst",
to the citizen. Never a Wagtail log entry: Wagtail's site-wide reports cross teams.

A staff save in the admin becomes lines by comparing the form before and after the save
(admin_save_record); services record their own change with plan_event_record.
"""

from datetime import datetime

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from .models import (
    Activity,
    AuthorRole,
    Decision,
    Goal,
    Meeting,
    NetworkMembership,
    Plan,
    PlanEvent,
    StaffProfile,
    Team,
)
from .people import actor_details, display_name

Kind = PlanEvent.Kind
# Fields a formset adds to every row: moving a row or ticking "delete" is not a change to it.
FORMSET_FIELDS = {"id", "ORDER", "DELETE"}


def plan_event_record(
    *,
    plan: Plan,
    actor,
    kind: str,
    what: str,
    anchor: str = "",
    shown_to_citizen: bool = True,
    actor_kind: str = AuthorRole.STAFF,
    membership: NetworkMembership | None = None,
) -> PlanEvent:
    """Add one line to the plan's history. The actor is named as the citizen knows them: a
    network member by the name she gave them (`membership`), staff by their staff name."""
    if membership is not None:
        actor, actor_kind, name = membership.user, AuthorRole.NETWORK, membership.name
    elif actor_kind == AuthorRole.CITIZEN:
        name = display_name(actor, fallback=_("Borgeren"))
    else:
        name = actor_details(user=actor)["actor_name"] if actor is not None else ""
    return PlanEvent.objects.create(
        plan=plan,
        actor=actor,
        actor_name=name[:200],
        actor_kind=actor_kind,
        kind=kind,
        what=what[:300],
        anchor=anchor,
        shown_to_citizen=shown_to_citizen,
    )


def when_text(value) -> str:
    """A meeting's time as the citizen's page writes it: "3. december kl. 10.00"."""
    return formats.date_format(timezone.localtime(value), r"j. F \k\l. H.i")


# --- A staff save in the admin ----


def admin_save_record(*, plan: Plan, user, form, created: bool) -> list[PlanEvent]:
    """Turn one save of the plan's admin form into history lines: call it after the save, with
    the same bound form. The lines are kept in the site's language, as the citizen reads them,
    whatever language the staff member's admin is in."""
    with translation.override(settings.LANGUAGE_CODE):
        changes = [(Kind.PLAN, _("Oprettede planen"), "", True)] if created else []
        if not created:
            changes += _plan_field_changes(form)
        for name, describe in INLINES.items():
            formset = form.formsets.get(name)
            if formset is not None:
                changes += _formset_changes(formset, describe)
        return [
            plan_event_record(
                plan=plan, actor=user, kind=kind, what=what, anchor=anchor, shown_to_citizen=shown
            )
            for kind, what, anchor, shown in changes
        ]


def _plan_field_changes(form) -> list[tuple]:
    changed = set(form.changed_data)
    plan = form.instance
    changes = []
    if "status" in changed:
        old = Plan.Status(form.initial["status"]).label if form.initial.get("status") else ""
        what = _("Ændrede status fra %(old)s til %(new)s") % {
            "old": old,
            "new": plan.get_status_display(),
        }
        changes.append((Kind.STATUS, what, "", True))
    if "what_matters" in changed:
        changes.append((Kind.PLAN, _("Ændrede det vigtigste for borgeren"), "vigtigst", True))
    if "coordinator" in changed:
        name = _name_of(StaffProfile, plan.coordinator_id)
        what = _("Skiftede koordinator til %(name)s") % {"name": name}
        changes.append((Kind.PLAN, what, "koordinator", True))
    if "team" in changed:
        # The team is the staff's own division of work; the citizen's page does not show it.
        what = _("Flyttede planen til %(team)s") % {"team": _name_of(Team, plan.team_id)}
        changes.append((Kind.PLAN, what, "", False))
    return changes


def _name_of(model, pk) -> str:
    return model.objects.filter(pk=pk).values_list("name", flat=True).first() or ""


def _formset_changes(formset, describe) -> list[tuple]:
    """Added, changed and deleted rows of one inline, from what the formset saved."""
    changes = [(*describe(obj, "added", set()), True) for obj in formset.new_objects]
    form_of = {id(form.instance): form for form in formset.forms}
    for obj, _changed_data in formset.changed_objects:
        fields = _really_changed(form_of[id(obj)])
        if fields:
            changes.append((*describe(obj, "changed", fields), True))
    changes += [(*describe(obj, "deleted", set()), True) for obj in formset.deleted_objects]
    return changes


def _really_changed(form) -> set:
    """The fields the person changed. The admin shows times to the minute, so a time stored
    with seconds (demo data, an import) comes back "changed" on a save that changed nothing."""
    fields = set(form.changed_data) - FORMSET_FIELDS
    for name in list(fields):
        old, new = form.initial.get(name), form.cleaned_data.get(name)
        if isinstance(old, datetime) and old.replace(second=0, microsecond=0) == new:
            fields.discard(name)
    return fields


# Each describer gives (kind, what, anchor) for one row. Anchors are ids on Min plan: a goal's
# own heading, an activity's goal (activities are listed under their goal), the next-steps list
# for meetings (meetings have no id of their own there), a decision's heading. A removed row
# points at its section.


def _goal(goal: Goal, change: str, fields: set) -> tuple:
    lines = {
        "added": _("Tilføjede målet: %(text)s"),
        "changed": _("Ændrede målet: %(text)s"),
        "deleted": _("Fjernede målet: %(text)s"),
    }
    anchor = "maal" if change == "deleted" else f"maal-{goal.pk}"
    return Kind.GOAL, lines[change] % {"text": goal.text}, anchor


def _activity(activity: Activity, change: str, fields: set) -> tuple:
    lines = {
        "added": _("Tilføjede indsatsen: %(title)s"),
        "changed": _("Ændrede indsatsen: %(title)s"),
        "deleted": _("Fjernede indsatsen: %(title)s"),
    }
    goal_id = activity.goal_id if change != "deleted" else None
    anchor = f"maal-{goal_id}" if goal_id else "maal"
    return Kind.ACTIVITY, lines[change] % {"title": activity.title}, anchor


def _meeting(meeting: Meeting, change: str, fields: set) -> tuple:
    lines = {
        "added": _("Tilføjede mødet %(when)s"),
        "changed": _("Flyttede mødet til %(when)s")
        if "starts_at" in fields
        else _("Ændrede mødet %(when)s"),
        "deleted": _("Fjernede mødet %(when)s"),
    }
    return Kind.MEETING, lines[change] % {"when": when_text(meeting.starts_at)}, "naeste-skridt"


def _decision(decision: Decision, change: str, fields: set) -> tuple:
    lines = {
        "added": _("Tilføjede afgørelsen: %(title)s"),
        "changed": _("Ændrede afgørelsen: %(title)s"),
        "deleted": _("Fjernede afgørelsen: %(title)s"),
    }
    anchor = "afgoerelser" if change == "deleted" else f"afgoerelse-{decision.pk}"
    return Kind.DECISION, lines[change] % {"title": decision.title}, anchor


INLINES = {
    "goals": _goal,
    "activities": _activity,
    "meetings": _meeting,
    "decisions": _decision,
}
