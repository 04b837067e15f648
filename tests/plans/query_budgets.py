"""What the exact query budgets share that depends on the database."""

from django.db import connection

# An access-log entry's plan lock and chain head (plans.access_log): one query string on
# PostgreSQL, two statements on SQLite, which takes one at a time.
LOCK_AND_HEAD = 1 if connection.vendor == "postgresql" else 2
