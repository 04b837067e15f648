"""The access log is evidence for the citizen: append-only, hash-chained, checkable.

What someone who can write to the database can and cannot do to it:
tests/security/test_access_log_integrity.py."""

import threading

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, connections

from plans.access_log import (
    access_log_key_id,
    access_log_record,
    access_log_seal,
    access_log_verify,
)
from plans.models import AccessLogEntry


def record(world, what="Planen"):
    return access_log_record(
        plan=world.plan, actor=world.coordinator, action=AccessLogEntry.Action.READ, what=what
    )


def test_entry_copies_who_with_role_and_department(world):
    entry = record(world)
    assert (entry.actor_name, entry.actor_role, entry.actor_department) == (
        "Anne Holm",
        "Koordinator",
        "Socialafdelingen",
    )
    assert entry.actor_kind == "staff"


def test_entries_chain_onto_each_other(world):
    first, second = record(world), record(world, "Mål")
    assert first.previous_hash == ""
    assert second.previous_hash == first.entry_hash
    assert len(second.entry_hash) == 64
    assert access_log_verify() == []


def test_entries_cannot_be_changed_or_deleted_through_the_app(world):
    entry = record(world)
    entry.what = "Ingenting"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AccessLogEntry.objects.filter(pk=entry.pk).update(what="Ingenting")
    with pytest.raises(PermissionError):
        AccessLogEntry.objects.all().delete()
    assert AccessLogEntry.objects.get(pk=entry.pk).what == "Planen"


def test_verify_command_reports_an_intact_log_and_the_key_that_signed_it(world, capsys):
    record(world)
    record(world)
    call_command("verify_access_log")
    key_id = access_log_key_id(settings.ACCESS_LOG_KEY)
    assert "intact: 2 entries checked; signed 2 by key " + key_id in capsys.readouterr().out


def test_entries_are_signed_with_the_current_key_not_a_plain_hash(world):
    entry = record(world)
    assert entry.key_id == access_log_key_id(settings.ACCESS_LOG_KEY)
    assert entry.entry_hash == entry.compute_hash(key=settings.ACCESS_LOG_KEY.encode())
    assert entry.entry_hash != entry.compute_hash(key=b"another key")


def assert_refused_by_the_database(world, **fields) -> None:
    """Save an entry as a writer that skips access_log_record would; the database refuses it."""
    from django.db import IntegrityError, transaction

    entry = AccessLogEntry(
        plan=world.plan, actor_name="X", actor_kind="staff", action="read", what="x", **fields
    )
    if not entry.entry_hash:
        access_log_seal(entry)
    with pytest.raises(IntegrityError), transaction.atomic():
        entry.save()


def test_a_fork_in_the_chain_is_refused_by_the_database(world):
    first = record(world)
    assert_refused_by_the_database(world, previous_hash=first.previous_hash)


def test_two_entries_never_share_a_hash(world):
    first = record(world)
    assert_refused_by_the_database(world, previous_hash="0" * 64, entry_hash=first.entry_hash)


def test_no_index_of_the_log_is_covered_by_another(db):
    # Each read by staff or a member writes an entry, and every index is written with it: an
    # index whose columns begin another's (and that enforces nothing) is pure cost.
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, AccessLogEntry._meta.db_table)
    indexes = {
        name: tuple(c["columns"])
        for name, c in found.items()
        if c["index"] or c["unique"] or c["primary_key"]
    }
    for name, columns in indexes.items():
        if found[name]["unique"] or found[name]["primary_key"]:
            continue
        covering = [
            other
            for other, theirs in indexes.items()
            if other != name and theirs[: len(columns)] == columns
        ]
        assert covering == [], f"{name} {columns} is covered by {covering}"
    assert sorted(indexes.values()) == sorted(
        [
            ("actor_id",),
            ("at",),
            ("entry_hash",),
            ("id",),
            ("plan_id", "at", "id"),
            ("plan_id", "id"),
            ("plan_id", "previous_hash"),
        ]
    )


# serialized_rollback: the flush afterwards must not recreate content types under new ids, or
# the next live-server test cannot restore the data-migration snapshot.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_writers_keep_one_chain():
    """Staff on two app servers open the same plan at the same moment: both reads are logged
    and the chain still has no fork (on PostgreSQL the plan row lock makes the second wait)."""
    from .factories import build_world

    if connection.vendor == "sqlite":
        pytest.skip("SQLite has one writer at a time; the lock matters on PostgreSQL")
    world = build_world()
    errors = []

    def write():
        try:
            for _ in range(5):
                record(world)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert AccessLogEntry.objects.count() == 20
    assert access_log_verify() == []
