"""The search backend named in settings: Wagtail's database backend, whichever flavour it
picks for the database, with SQLite's FTS5 one swapped for the Danish one (danish_sqlite).
PostgreSQL stems Danish itself (SEARCH_CONFIG "danish"). The SQLite module is imported only
on SQLite: it needs models that exist only there."""

from django.db import connection
from modelsearch.backends import database


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    backend = database.SearchBackend(params)
    if connection.vendor != "sqlite":
        return backend
    from .danish_sqlite import DanishSQLiteSearchBackend, SQLiteSearchBackend

    if type(backend) is SQLiteSearchBackend:
        return DanishSQLiteSearchBackend(params)
    return backend
