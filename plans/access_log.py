"""The plan's access log: the one place that locks a plan row and writes or checks an entry.

Every read of a plan by anyone but the citizen, and every write by staff or a network member,
is recorded here (DESIGN.md's privacy rules). Entries form one hash chain per plan; the lock
makes a concurrent writer wait and then chain onto *this* entry.
"""

from django.db import transaction
from django.utils import timezone

from .models import AccessLogEntry, AuthorRole, Invitation, NetworkMembership, Plan
from .people import actor_details

READ, WRITE = AccessLogEntry.Action.READ, AccessLogEntry.Action.WRITE


def plan_lock(*, plan: Plan) -> None:
    """Lock the plan's row until the transaction ends (SELECT ... FOR UPDATE; SQLite serialises
    writers anyway), so two writes to one plan (two quick clicks, two log entries, a limit
    checked twice) happen one after the other. Call it inside transaction.atomic."""
    Plan.objects.select_for_update().only("pk").get(pk=plan.pk)


def access_log_record(
    *,
    plan: Plan,
    actor,
    action: str,
    what: str,
    kind: str = AuthorRole.STAFF,
    membership: NetworkMembership | None = None,
    invitation: Invitation | None = None,
) -> AccessLogEntry:
    """Add one entry to the plan's access log, chained to the entry before it.

    Staff are recorded with their name, role and department as they are now. A network member
    is passed as `membership`: the log names them as the citizen knows them (their account may
    hold only an email address) with their relation to the citizen. Someone holding an
    invitation link is named as the invited person (`invitation`): the link is theirs."""
    if invitation is not None:
        kind = AuthorRole.NETWORK
        details = {
            "actor_name": invitation.name,
            "actor_role": str(invitation.get_relation_display()),
            "actor_department": "",
        }
    elif membership is not None:
        actor, kind = membership.user, AuthorRole.NETWORK
        details = {
            "actor_name": membership.name,
            "actor_role": str(membership.get_relation_display()),
            "actor_department": "",
        }
    else:
        details = actor_details(user=actor)
    with transaction.atomic():
        plan_lock(plan=plan)
        previous = (
            AccessLogEntry.objects.filter(plan_id=plan.pk)
            .order_by("-pk")
            .values_list("entry_hash", flat=True)
            .first()
        )
        entry = AccessLogEntry(
            plan_id=plan.pk,
            actor=actor,
            actor_kind=kind,
            action=action,
            what=what[:200],
            at=timezone.now(),
            previous_hash=previous or "",
            **{key: value[:200] for key, value in details.items()},
        )
        entry.entry_hash = entry.compute_hash()
        entry.save(force_insert=True)
    return entry


def access_log_verify(*, plan_ids=None) -> list[str]:
    """Walk every plan's chain in write order; return one line per plan whose chain is broken,
    naming the first entry that does not match (empty list: the log is intact)."""
    problems = []
    entries = AccessLogEntry.objects.order_by("plan_id", "pk")
    if plan_ids is not None:
        entries = entries.filter(plan_id__in=plan_ids)
    current_plan, previous_hash, broken = None, "", False
    for entry in entries.iterator(chunk_size=2000):
        if entry.plan_id != current_plan:
            current_plan, previous_hash, broken = entry.plan_id, "", False
        if broken:
            continue
        if entry.previous_hash != previous_hash:
            problems.append(
                f"plan {entry.plan_id}: entry {entry.pk} does not follow the entry before it "
                "(an entry was removed or inserted)"
            )
            broken = True
        elif entry.compute_hash() != entry.entry_hash:
            problems.append(
                f"plan {entry.plan_id}: entry {entry.pk} was changed after it was written"
            )
            broken = True
        previous_hash = entry.entry_hash
    return problems
