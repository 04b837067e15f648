"""On PostgreSQL the database itself refuses to change or remove an access log entry.

The app never does either (AppendOnlyQuerySet, AccessLogEntry.save/delete); these triggers stop
every other writer with the app's database role: a shell, a script, a stray UPDATE. One change
is let through: actor_id set to NULL and nothing else, which is what deleting a person's account
does (on_delete=SET_NULL); the chain covers the copied names, not actor_id.

No DELETE is allowed at all, and there is deliberately no switch (such as a session setting)
that lets one through: any role that can write the table could flip it, so it would protect
nothing. Nothing in the app deletes entries (a plan with a log is PROTECTed and archived, never
deleted). A future retention rule would be a reviewed migration that drops and recreates these
triggers as the table's owner.

TRUNCATE is not refused: Django's test runner and `flush` empty tables with it. Only the
table's owner (or a role granted TRUNCATE) can run it, and the owner can drop triggers anyway;
the HMAC chain (0008) is what holds against the owner. SQLite gets no triggers: it is the
single-user development database.
"""

from django.db import migrations

CREATE = """
CREATE FUNCTION plans_accesslogentry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.actor_id IS NOT NULL AND NEW.actor_id IS NULL
       AND to_jsonb(NEW) - 'actor_id' = to_jsonb(OLD) - 'actor_id' THEN
        RETURN NEW;  -- the person's account was deleted; the entry itself is unchanged
    END IF;
    RAISE EXCEPTION 'the access log is append-only: % refused on plans_accesslogentry', TG_OP
        USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER plans_accesslogentry_no_update BEFORE UPDATE ON plans_accesslogentry
    FOR EACH ROW EXECUTE FUNCTION plans_accesslogentry_append_only();
CREATE TRIGGER plans_accesslogentry_no_delete BEFORE DELETE ON plans_accesslogentry
    FOR EACH ROW EXECUTE FUNCTION plans_accesslogentry_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS plans_accesslogentry_no_delete ON plans_accesslogentry;
DROP TRIGGER IF EXISTS plans_accesslogentry_no_update ON plans_accesslogentry;
DROP FUNCTION IF EXISTS plans_accesslogentry_append_only();
"""


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0008_access_log_hmac"),
    ]

    operations = [
        migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP), elidable=False),
    ]
