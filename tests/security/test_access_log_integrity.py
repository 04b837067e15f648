"""An attacker who can write to the database, against the access log: whatever they change and
re-chain without ACCESS_LOG_KEY, `verify_access_log` names the first entry that fails and says
the key did not match; on PostgreSQL the database refuses the UPDATE or DELETE outright.

On PostgreSQL the attacker here is the table's owner, who turns the triggers off first (only
the owner can): the HMAC is what still holds against them."""

import contextlib
import hashlib
import importlib

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from plans.access_log import access_log_key_id, access_log_record, access_log_verify
from plans.models import AccessLogEntry
from tests.plans.factories import build_world, citizen

WRONG_KEY = "a-key-the-attacker-made-up-0123456789"


@pytest.fixture
def world(db):
    return build_world()


def record(world, what="Planen"):
    return access_log_record(
        plan=world.plan, actor=world.coordinator, action=AccessLogEntry.Action.READ, what=what
    )


@contextlib.contextmanager
def triggers_off():
    """What the table's owner can do on PostgreSQL (rolled back with the test's transaction)."""
    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgres:
            # Django's foreign keys are deferred; ALTER TABLE wants no check pending.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE plans_accesslogentry DISABLE TRIGGER USER")
        yield cursor
        if postgres:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE plans_accesslogentry ENABLE TRIGGER USER")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _legacy_payload(entry, *, key_id=None) -> bytes:
    return importlib.import_module("plans.migrations.0008_access_log_hmac")._payload(
        entry, key_id=key_id
    )


# How the attacker re-signs: (key id to write, hash of an entry). The algorithm is public; only
# the key is not.
SIGNERS = {
    "wrong key, real key id": lambda real_id: (
        real_id,
        lambda e: e.compute_hash(key=WRONG_KEY.encode()),
    ),
    "wrong key, its own id": lambda real_id: (
        access_log_key_id(WRONG_KEY),
        lambda e: e.compute_hash(key=WRONG_KEY.encode()),
    ),
    "plain sha256 as before the key": lambda real_id: (
        "",
        lambda e: hashlib.sha256(_legacy_payload(e)).hexdigest(),
    ),
    "plain sha256, real key id": lambda real_id: (
        real_id,
        lambda e: hashlib.sha256(_legacy_payload(e, key_id=e.key_id)).hexdigest(),
    ),
}


def rewrite_and_rechain(entry, *, what, signer):
    """Change one entry's `what` and recompute it and every later entry of the plan, as someone
    who has the database but not the key would."""
    key_id, sign = signer
    later = list(AccessLogEntry.objects.filter(plan_id=entry.plan_id, pk__gte=entry.pk))
    later.sort(key=lambda e: e.pk)
    previous = later[0].previous_hash
    for each in later:
        each.previous_hash, each.key_id = previous, key_id
        if each.pk == entry.pk:
            each.what = what
        each.entry_hash = previous = sign(each)
    with triggers_off() as cursor:
        # Newest first, so no two rows hold the same link at any moment (unique constraints).
        for each in reversed(later):
            cursor.execute(
                "UPDATE plans_accesslogentry SET what = %s, previous_hash = %s, entry_hash = %s, "
                "key_id = %s WHERE id = %s",
                [each.what, each.previous_hash, each.entry_hash, key_id, each.pk],
            )


@pytest.mark.parametrize("how", SIGNERS)
def test_an_entry_rewritten_and_rechained_without_the_key_is_named(world, how):
    first, second, *_ = [record(world, what) for what in ["Planen", "Afgørelse", "Mål", "Mål"]]
    real_id = first.key_id
    rewrite_and_rechain(second, what="Ingenting", signer=SIGNERS[how](real_id))
    assert AccessLogEntry.objects.get(pk=second.pk).what == "Ingenting"

    [problem] = access_log_verify()
    assert (problem.plan_id, problem.entry_id) == (world.plan.pk, second.pk)
    assert problem.key != "matched"
    assert "key did not match" in str(problem)
    assert problem.at == second.at and second.at.strftime("%H:%M:%S") in str(problem)
    with pytest.raises(CommandError, match=f"entry {second.pk} .*key did not match"):
        call_command("verify_access_log")


def test_the_report_tells_an_unknown_key_from_a_changed_entry(world):
    first, second = record(world), record(world, "Mål")
    rewrite_and_rechain(second, what="x", signer=SIGNERS["wrong key, its own id"](first.key_id))
    [problem] = access_log_verify()
    assert problem.key == "unknown"
    assert f"key id {access_log_key_id(WRONG_KEY)} is neither ACCESS_LOG_KEY" in str(problem)


def test_an_entry_edited_in_place_is_named_and_its_key_was_known(world):
    record(world)
    middle = record(world, "Afgørelse")
    record(world, "Mål")
    with triggers_off() as cursor:
        cursor.execute(
            "UPDATE plans_accesslogentry SET actor_name = %s WHERE id = %s", ["Ukendt", middle.pk]
        )
    [problem] = access_log_verify()
    assert (problem.entry_id, problem.key, problem.setting) == (
        middle.pk,
        "mismatch",
        "ACCESS_LOG_KEY",
    )
    assert "is not what was written; key did not match" in str(problem)


def test_a_removed_entry_is_named_by_the_one_after_it(world):
    record(world)
    middle = record(world, "Afgørelse")
    last = record(world, "Mål")
    with triggers_off() as cursor:
        cursor.execute("DELETE FROM plans_accesslogentry WHERE id = %s", [middle.pk])
    [problem] = access_log_verify()
    assert (problem.entry_id, problem.key) == (last.pk, "matched")
    assert "does not follow the entry before it" in str(problem)


def test_the_right_key_verifies_and_another_key_in_settings_does_not(world, settings):
    record(world)
    record(world, "Mål")
    assert access_log_verify() == []
    settings.ACCESS_LOG_KEY = WRONG_KEY
    [problem] = access_log_verify()
    assert problem.key == "unknown"


def test_rotation_old_entries_verify_while_their_key_is_kept_as_an_old_key(world, settings):
    old_key, new_key = settings.ACCESS_LOG_KEY, "the-new-access-log-key-0123456789abcdef"
    before = [record(world), record(world, "Mål")]
    settings.ACCESS_LOG_KEY, settings.ACCESS_LOG_OLD_KEYS = new_key, [old_key]
    after = record(world, "Afgørelse")
    assert after.key_id == access_log_key_id(new_key) != before[0].key_id
    assert after.previous_hash == before[1].entry_hash

    assert access_log_verify() == []
    with pytest.raises(CommandError, match="neither ACCESS_LOG_KEY nor in ACCESS_LOG_OLD_KEYS"):
        settings.ACCESS_LOG_OLD_KEYS = []
        call_command("verify_access_log")
    [problem] = access_log_verify()
    assert (problem.entry_id, problem.key, problem.key_id) == (
        before[0].pk,
        "unknown",
        access_log_key_id(old_key),
    )


def test_verify_command_counts_entries_by_the_key_that_signed_them(world, settings, capsys):
    old_key = settings.ACCESS_LOG_KEY
    record(world)
    settings.ACCESS_LOG_KEY, settings.ACCESS_LOG_OLD_KEYS = "n" * 40, [old_key]
    record(world)
    record(world)
    call_command("verify_access_log")
    out = capsys.readouterr().out
    assert f"2 by key {access_log_key_id('n' * 40)} (ACCESS_LOG_KEY)" in out
    assert f"1 by key {access_log_key_id(old_key)} (ACCESS_LOG_OLD_KEYS)" in out


def _write_legacy_chain(world, whats):
    """Entries as the app wrote them before the key: plain sha256, no key id."""
    previous, entries = "", []
    for what in whats:
        entry = AccessLogEntry(
            plan=world.plan, actor_name="Anne Holm", actor_kind="staff", action="read", what=what
        )
        entry.previous_hash = previous
        entry.entry_hash = hashlib.sha256(_legacy_payload(entry)).hexdigest()
        entry.save(force_insert=True)
        previous = entry.entry_hash
        entries.append(entry)
    return entries


def test_the_upgrade_signs_intact_old_chains_and_leaves_a_broken_one_as_it_is(world, settings):
    legacy = _write_legacy_chain(world, ["Planen", "Mål", "Afgørelse"])
    other = AccessLogEntry(
        plan=world.other_plan, actor_name="X", actor_kind="staff", action="read", what="x"
    )
    other.entry_hash = "0" * 64  # broken before the upgrade
    other.save(force_insert=True)
    with triggers_off():  # 0008 runs before 0009 makes the triggers
        state = MigrationExecutor(connection).loader.project_state(
            ("plans", "0008_access_log_hmac")
        )
        migration = importlib.import_module("plans.migrations.0008_access_log_hmac")
        migration.sign_existing_chains(state.apps, None)

    [problem] = access_log_verify()
    assert (problem.plan_id, problem.entry_id, problem.key) == (
        world.other_plan.pk,
        other.pk,
        "none",
    )
    signed = AccessLogEntry.objects.filter(plan=world.plan).order_by("pk")
    assert [e.pk for e in signed] == [e.pk for e in legacy]
    assert {e.key_id for e in signed} == {access_log_key_id(settings.ACCESS_LOG_KEY)}
    record(world, "Efter opgraderingen")
    assert [p.plan_id for p in access_log_verify()] == [world.other_plan.pk]


def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("the append-only triggers are PostgreSQL's (migration 0009)")


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE plans_accesslogentry SET what = 'Ingenting' WHERE id = %s",
        "UPDATE plans_accesslogentry SET actor_id = NULL, what = 'Ingenting' WHERE id = %s",
        "DELETE FROM plans_accesslogentry WHERE id = %s",
    ],
)
def test_postgresql_refuses_to_change_or_delete_an_entry(world, sql):
    _postgres_only()
    entry = record(world)
    with (
        pytest.raises(IntegrityError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, [entry.pk])
    assert AccessLogEntry.objects.get(pk=entry.pk).what == "Planen"


def test_postgresql_lets_an_account_be_deleted_and_keeps_its_entries(world):
    _postgres_only()
    helper = citizen(email="hjaelper@example.dk", first_name="Lene")
    entry = access_log_record(
        plan=world.plan, actor=helper, action="read", what="Et mål", kind="network"
    )
    helper.delete()  # on_delete=SET_NULL: the one UPDATE the trigger lets through
    entry = AccessLogEntry.objects.get(pk=entry.pk)
    assert (entry.actor_id, entry.actor_name) == (None, "Lene")
    assert access_log_verify() == []
