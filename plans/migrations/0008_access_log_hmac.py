"""Key the access log: every entry's hash becomes an HMAC under settings.ACCESS_LOG_KEY.

Existing chains (plain sha256 over public fields) are checked as they stand and then re-signed
once with the key, so that afterwards verification accepts no unkeyed entry at all (why that is
safer than accepting old plain entries: plans/access_log.py). A chain that is already broken is
left exactly as it was: re-signing it would launder the damage; `verify_access_log` names it.

The hashing is copied here, frozen, rather than imported: this migration must keep doing what it
did when the model's hashing changes later.
"""

import datetime
import hashlib
import hmac
import json
import sys

from django.conf import settings
from django.db import migrations, models


def _payload(entry, *, key_id=None) -> bytes:
    at = entry.at.astimezone(datetime.UTC).isoformat(timespec="microseconds")
    content = [
        entry.previous_hash,
        str(entry.plan_id),
        entry.actor_name,
        entry.actor_role,
        entry.actor_department,
        entry.actor_kind,
        entry.action,
        entry.what,
        at,
    ]
    if key_id is not None:
        content.append(key_id)
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()


def _key():
    key = settings.ACCESS_LOG_KEY
    key_id = hashlib.sha256(b"faellesplan.access-log.key-id:" + key.encode()).hexdigest()[:8]
    return key.encode(), key_id


def _plain(entry):
    return hashlib.sha256(_payload(entry)).hexdigest()


def _keyed(entry, key, key_id):
    return hmac.new(key, _payload(entry, key_id=key_id), hashlib.sha256).hexdigest()


def _chains(AccessLogEntry):
    plan_ids = AccessLogEntry.objects.values_list("plan_id", flat=True).distinct()
    for plan_id in sorted(set(plan_ids)):
        yield plan_id, list(AccessLogEntry.objects.filter(plan_id=plan_id).order_by("pk"))


def _first_broken(entries, signature):
    """The first entry that does not follow the one before it or does not match its hash."""
    previous = ""
    for entry in entries:
        if entry.previous_hash != previous or signature(entry) != entry.entry_hash:
            return entry
        previous = entry.entry_hash
    return None


def _rechain(AccessLogEntry, entries, *, key_id, sign):
    previous = ""
    for entry in entries:
        entry.previous_hash, entry.key_id = previous, key_id
        entry.entry_hash = sign(entry)
        previous = entry.entry_hash
    AccessLogEntry.objects.bulk_update(
        entries, ["previous_hash", "entry_hash", "key_id"], batch_size=500
    )


def sign_existing_chains(apps, schema_editor):
    AccessLogEntry = apps.get_model("plans", "AccessLogEntry")
    key, key_id = _key()
    for plan_id, entries in _chains(AccessLogEntry):
        broken = _first_broken(entries, _plain)
        if broken is not None:
            # Kept as evidence; verify_access_log reports the plan from its first entry on.
            sys.stdout.write(
                f"\n  Access log of plan {plan_id} was already broken at entry {broken.pk} "
                f"({broken.at:%Y-%m-%d %H:%M:%S}): left unsigned."
            )
            continue
        _rechain(AccessLogEntry, entries, key_id=key_id, sign=lambda e: _keyed(e, key, key_id))


def unsign_chains(apps, schema_editor):
    """Back to plain sha256 for the code before this migration (chains that verify only)."""
    AccessLogEntry = apps.get_model("plans", "AccessLogEntry")
    key, key_id = _key()
    for _plan_id, entries in _chains(AccessLogEntry):
        if all(e.key_id == key_id for e in entries) and not _first_broken(
            entries, lambda e: _keyed(e, key, key_id)
        ):
            _rechain(AccessLogEntry, entries, key_id="", sign=_plain)


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0007_invitation_sends"),
    ]

    operations = [
        migrations.AddField(
            model_name="accesslogentry",
            name="key_id",
            field=models.CharField(blank=True, editable=False, max_length=16),
        ),
        migrations.RunPython(sign_existing_chains, unsign_chains, elidable=False),
    ]
