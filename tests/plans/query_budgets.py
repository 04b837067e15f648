"""What the exact query budgets share that depends on the database."""

from django.db import connection

# A plan's lock and the read made under it (plans.rows.in_one_round_trip): the access log's
# chain head, a comment's count for the hourly limit. One query string on PostgreSQL, two
# statements on SQLite, which takes one at a time.
LOCK_AND_READ = 1 if connection.vendor == "postgresql" else 2
