"""The database settings every environment shares (base.py and production.py call this)."""

from ._env import env


# The embedded default is SQLite in var/; DATABASE_URL points anywhere else (PostgreSQL in CI
# and production).
def database_from_env(*, default=env.NOTSET) -> dict:
    """DATABASE_URL (required unless a default is given) with the connection settings every
    environment shares, so DB_CONN_MAX_AGE means the same in development and production.

    On PostgreSQL every wait is bounded, so a hung database fails a request in seconds (a 503,
    portal.outage) instead of holding an app server thread. Seconds, each overridable:
    DB_CONNECT_TIMEOUT=3 (a LAN connect takes milliseconds; 3 s survives one lost SYN);
    DB_STATEMENT_TIMEOUT=15 (0 = none; no page needs a query anywhere near that long, and 15 s
    is half gunicorn's 30 s timeout; a migration on a big table may need 0);
    DB_IDLE_IN_TRANSACTION_TIMEOUT=60 (frees the locks of a client hung inside a transaction;
    above the longest wait we hold in one, sending an email); DB_TCP_USER_TIMEOUT=10 and
    DB_KEEPALIVES_IDLE=10 (a server gone from the network is noticed within ~20 s). A server
    process frozen while its host still answers TCP is caught by none of these.

    JIT compilation is off: PostgreSQL compiles a query once its estimated cost passes
    jit_above_cost, which the caseload's per-plan subqueries do once a municipality holds
    ~100,000 plans; compiling took ~100 ms for a query that runs in 8 (bench, issue 18). The
    portal's queries are short, so compiling never pays back.
    """
    database = env.db_url("DATABASE_URL", default=default)
    database["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
    database["CONN_HEALTH_CHECKS"] = True
    if database["ENGINE"] == "django.db.backends.postgresql":
        database["OPTIONS"] = {**_postgresql_bounded_waits(), **database.get("OPTIONS", {})}
    return database


def _postgresql_bounded_waits() -> dict:
    # libpq connection parameters (psycopg passes OPTIONS through); the server ones go in
    # `options` as "-c name=value", in milliseconds. A DATABASE_URL ?option=... still wins.
    statement_ms = env.int("DB_STATEMENT_TIMEOUT", default=15) * 1000
    idle_ms = env.int("DB_IDLE_IN_TRANSACTION_TIMEOUT", default=60) * 1000
    return {
        "connect_timeout": env.int("DB_CONNECT_TIMEOUT", default=3),
        "options": (
            f"-c statement_timeout={statement_ms} -c idle_in_transaction_session_timeout={idle_ms}"
            " -c jit=off"
        ),
        "tcp_user_timeout": env.int("DB_TCP_USER_TIMEOUT", default=10) * 1000,
        "keepalives": 1,
        "keepalives_idle": env.int("DB_KEEPALIVES_IDLE", default=10),
        "keepalives_interval": 3,
        "keepalives_count": 3,
    }
