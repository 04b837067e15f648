"""The plan's access log, and the place that locks a plan row (plans.fragments.version_raised
locks it too, for a comment, while it raises the version) and writes or checks an entry.

Every read of a plan by anyone but the citizen, and every write by staff or a network member,
is recorded here (DESIGN.md's privacy rules). Entries form one chain per plan; the lock
makes a concurrent writer wait and then chain onto *this* entry.

The chain is keyed: each entry_hash is an HMAC under settings.ACCESS_LOG_KEY, a key that lives in
the environment and never in the database, so a database writer who changes an entry cannot
compute a chain that verifies again. Each entry names its key by a short id (key_id); after a
rotation (README "Adgangsloggen") new entries use the new key and the old key stays in
ACCESS_LOG_OLD_KEYS only to check the entries it signed.

Entries written before the key (plain sha256) were re-signed once by migration 0008, after their
plain chain had been checked; verification accepts no unkeyed entry at all. The other design,
accepting plain entries before a chain's first keyed one, would let a writer re-hash a whole
chain, keyed entries included, as plain sha256 and pass: the downgrade is the attack. A chain
already broken at the upgrade was left as it was and is reported.
"""

import datetime
import hashlib
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .models import AccessLogEntry, AuthorRole, Invitation, NetworkMembership, Plan
from .people import actor_details
from .rows import in_one_round_trip

READ, WRITE = AccessLogEntry.Action.READ, AccessLogEntry.Action.WRITE


def access_log_key_id(key: str) -> str:
    """A short, public name for a key: which key signed an entry, without revealing it."""
    return hashlib.sha256(b"faellesplan.access-log.key-id:" + key.encode()).hexdigest()[:8]


def access_log_keys() -> dict[str, tuple[bytes, str]]:
    """Every key that may have signed an entry, by key id: the current one first, then the old
    ones, each with the setting it came from (for the verification report)."""
    keys = {}
    named = [(settings.ACCESS_LOG_KEY, "ACCESS_LOG_KEY")]
    named += [(key, "ACCESS_LOG_OLD_KEYS") for key in settings.ACCESS_LOG_OLD_KEYS]
    for key, setting in named:
        keys.setdefault(access_log_key_id(key), (key.encode(), setting))
    return keys


def access_log_seal(entry: AccessLogEntry) -> AccessLogEntry:
    """Sign an unsaved entry (its previous_hash already set) with the current key."""
    entry.key_id = access_log_key_id(settings.ACCESS_LOG_KEY)
    entry.entry_hash = entry.compute_hash(key=settings.ACCESS_LOG_KEY.encode())
    return entry


def plan_lock(*, plan: Plan) -> None:
    """Lock the plan's row until the transaction ends (SELECT ... FOR UPDATE; SQLite serialises
    writers anyway), so two writes to one plan (two quick clicks, two log entries, a limit
    checked twice) happen one after the other. Call it inside transaction.atomic.

    Written out: the lock is taken on every read a member makes, and the ORM spent longer
    building this statement than the database took to answer it (issue 18)."""
    with connection.cursor() as cursor:
        cursor.execute(_statements()["lock"], [plan.pk])
        if cursor.fetchone() is None:
            raise Plan.DoesNotExist(f"no plan {plan.pk}")


def _lock_and_chain_head(*, plan: Plan) -> str:
    """plan_lock, then the entry_hash of the plan's newest entry ("" for its first), in one
    round trip where the database allows (plans.rows.in_one_round_trip)."""
    statements = _statements()
    (_count, locked), (_count, head) = in_one_round_trip(
        (statements["lock"], [plan.pk]), (statements["head"], [plan.pk])
    )
    if locked is None:
        raise Plan.DoesNotExist(f"no plan {plan.pk}")
    return head[0] if head else ""


@cache
def _statements() -> dict[str, str]:
    quote = connection.ops.quote_name
    plans, entries = quote(Plan._meta.db_table), quote(AccessLogEntry._meta.db_table)
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    # Names from the models, values as parameters.
    return {
        "lock": f"SELECT 1 FROM {plans} WHERE id = %s{lock}",  # noqa: S608
        "head": f"SELECT entry_hash FROM {entries} WHERE plan_id = %s ORDER BY id DESC LIMIT 1",  # noqa: S608
    }


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
        previous = _lock_and_chain_head(plan=plan)
        entry = AccessLogEntry(
            plan_id=plan.pk,
            actor=actor,
            actor_kind=kind,
            action=action,
            what=what[:200],
            at=timezone.now(),
            previous_hash=previous,
            **{key: value[:200] for key, value in details.items()},
        )
        access_log_seal(entry).save(force_insert=True)
    return entry


@dataclass(frozen=True)
class ChainBreak:
    """The first entry of one plan's chain that fails, and what its key says.

    key is "matched" (the entry's own HMAC is right: its place in the chain is what is wrong),
    "mismatch" (its key id is one we hold, the HMAC is not: changed, or re-signed without the
    key), "unknown" (a key id we do not hold: another key, or an old key missing after a
    rotation) or "none" (no key id: a plain hash the app never writes)."""

    plan_id: int
    entry_id: int
    at: datetime.datetime
    key_id: str
    key: str
    setting: str
    reason: str

    def __str__(self):
        at = self.at.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        return f"plan {self.plan_id}: entry {self.entry_id} ({at}) {self.reason}; {self.key_text}"

    @property
    def key_text(self) -> str:
        return {
            "matched": f"its own signature matches key {self.key_id} ({self.setting})",
            "mismatch": (
                f"key did not match: key {self.key_id} ({self.setting}) is known but the hash "
                "is not its signature (changed after it was written, or re-signed without the key)"
            ),
            "unknown": (
                f"key did not match: key id {self.key_id} is neither ACCESS_LOG_KEY nor in "
                "ACCESS_LOG_OLD_KEYS (signed with another key, or an old key is missing)"
            ),
            "none": "key did not match: the entry has no key id (a plain hash, not the app's)",
        }[self.key]


@dataclass
class AccessLogReport:
    breaks: list[ChainBreak]
    checked: int
    by_key: dict[str, int]  # entries whose signature matched, by key id


def _key_check(entry: AccessLogEntry, keys) -> tuple[str, str]:
    if not entry.key_id:
        return "none", ""
    if entry.key_id not in keys:
        return "unknown", ""
    key, setting = keys[entry.key_id]
    return ("matched" if entry.compute_hash(key=key) == entry.entry_hash else "mismatch"), setting


def access_log_check(*, plan_ids=None) -> AccessLogReport:
    """Walk every plan's chain in write order, checking each entry's link to the one before it
    and its HMAC under the key its key_id names; report the first entry that fails per plan."""
    keys = access_log_keys()
    report = AccessLogReport(breaks=[], checked=0, by_key={})
    entries = AccessLogEntry.objects.order_by("plan_id", "pk")
    if plan_ids is not None:
        entries = entries.filter(plan_id__in=plan_ids)
    current_plan, previous_hash, broken = None, "", False
    for entry in entries.iterator(chunk_size=2000):
        report.checked += 1
        if entry.plan_id != current_plan:
            current_plan, previous_hash, broken = entry.plan_id, "", False
        if broken:
            continue
        key, setting = _key_check(entry, keys)
        reason = None
        if entry.previous_hash != previous_hash:
            reason = "does not follow the entry before it (an entry was removed or inserted)"
        elif key != "matched":
            reason = "is not what was written"
        if reason:
            report.breaks.append(
                ChainBreak(entry.plan_id, entry.pk, entry.at, entry.key_id, key, setting, reason)
            )
            broken = True
        else:
            report.by_key[entry.key_id] = report.by_key.get(entry.key_id, 0) + 1
        previous_hash = entry.entry_hash
    return report


def access_log_verify(*, plan_ids=None) -> list[ChainBreak]:
    """The first broken entry of each plan whose chain is broken (empty list: intact)."""
    return access_log_check(plan_ids=plan_ids).breaks
